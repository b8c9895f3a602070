/* dump_sim.c — the simulator page (`--format simulateur`): one
 * self-contained French HTML file for the offer's web site. A visitor
 * picks the kind of authority, types its measure (or picks a commune),
 * then a forfait or the services needed, and reads the stratum, each
 * service's status, quantity and wording, the options and their pricing,
 * and why. The answers come from the model and evaluator of the ES module
 * (dump_js.c, src/sim/evaluateur.js), inlined with the page's script and
 * stylesheet (src/sim/): no external resource, works from file://. */
#include "dump_impl.h"

#include "sim_assets.h"


/* The form: the authority (category, commune, measure), then what is
 * sought (a forfait, or the needed services), each field with its visible
 * label and a place for its message. The lists are filled by the script
 * from the model. */
static const char form[] =
    "<form id=\"simulateur\" novalidate>\n"
    "<fieldset><legend>Votre collectivité</legend>\n"
    "<div class=\"champ\"><label for=\"categorie\">Type de collectivité</label>"
    "<select id=\"categorie\"></select></div>\n"
    "<div class=\"champ\" id=\"champ-commune\" hidden><label for=\"commune\">Commune (facultatif)</label>"
    "<input id=\"commune\" type=\"text\" list=\"liste-communes\" autocomplete=\"off\" "
    "aria-describedby=\"commune-aide commune-erreur\">"
    "<datalist id=\"liste-communes\"></datalist>"
    "<p class=\"aide\" id=\"commune-aide\">Tapez le nom de la commune : son nombre d'habitants est rempli pour vous.</p>"
    "<p class=\"erreur\" id=\"commune-erreur\" hidden></p></div>\n"
    "<div class=\"champ\" id=\"champ-mesure\"><label for=\"mesure\" id=\"mesure-libelle\">Mesure</label>"
    "<input id=\"mesure\" type=\"text\" inputmode=\"numeric\" autocomplete=\"off\" "
    "aria-describedby=\"mesure-erreur\">"
    "<p class=\"erreur\" id=\"mesure-erreur\" hidden></p></div>\n"
    "</fieldset>\n"
    "<fieldset><legend>Ce que vous cherchez</legend>\n"
    "<div class=\"radios\"><div><input type=\"radio\" name=\"mode\" id=\"mode-forfait\" checked> "
    "<label for=\"mode-forfait\">Le contenu d'un forfait</label></div>"
    "<div><input type=\"radio\" name=\"mode\" id=\"mode-besoins\"> "
    "<label for=\"mode-besoins\">Les forfaits qui incluent mes besoins</label></div></div>\n"
    "<div class=\"champ\" id=\"choix-forfait\"><label for=\"forfait\">Forfait</label>"
    "<select id=\"forfait\"></select></div>\n"
    "<div class=\"champ\" id=\"choix-besoins\" hidden><label for=\"filtre\">Services nécessaires : filtrer la liste</label>"
    "<input id=\"filtre\" type=\"search\" autocomplete=\"off\" aria-describedby=\"filtre-erreur besoins-reste\">"
    "<p class=\"erreur\" id=\"filtre-erreur\" hidden></p>"
    "<ul id=\"liste-besoins\" aria-label=\"Services nécessaires\"></ul>"
    "<p class=\"aide\" id=\"besoins-reste\"></p></div>\n"
    "</fieldset>\n"
    "<button type=\"submit\">Afficher</button>\n"
    "</form>\n";

/* The page: head with the stylesheet, header, form, live region for the
 * answer, footer, then the model, the evaluator and the page's script. */
void cdg_dump_sim(cdg_dump_ctx *c)
{
    FILE *out = c->out;
    const cdg_model *m = c->m;
    cdg_dump_html_page_start(out, m, "Simulateur — ", (const char *)cdg_sim_page_css,
                             "<a class=\"evitement\" href=\"#resultat\">Aller au résultat</a>\n");
    fputs("<p class=\"sous-titre\">Simulateur : ce que l'offre donne à votre collectivité</p>\n"
          "</header>\n<main>\n<noscript><p>Ce simulateur a besoin de JavaScript.</p></noscript>\n", out);
    fputs(form, out);
    fputs("<section id=\"resultat\" aria-live=\"polite\" aria-labelledby=\"resultat-titre\" tabindex=\"-1\"></section>\n",
          out);
    cdg_dump_html_page_end(out, m, "Simulateur généré depuis les règles de l'offre (cdgrules).");
    fputs("<script>\n\"use strict\";\nconst MODELE = ", out);
    cdg_buf b;
    cdg_buf_init(&b, c->arena);
    cdg_dump_js_model(c, &b);
    fwrite(b.data, 1, b.len, out);
    fprintf(out, ";\n%s%s</script>\n</body>\n</html>\n", (const char *)cdg_sim_evaluateur_js, (const char *)cdg_sim_page_js);
}
