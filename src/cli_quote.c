/* cli_quote.c — `cdgrules quote`: what an authority would pay for a
 * forfait: its price for the year, each need beyond what it includes
 * priced by the option that sells it, each line with its formula in
 * words, and the total to the cent (devis.h computes; this prints). */
#include <string.h>

#include "cli.h"

static const char quote_help[] =
    N_("usage: cdgrules quote FILE --forfait F --profil P [--besoin S=N ...]\n"
    "                      [--annee premiere|suivantes] [--json] [--why]\n"
    "\n"
    "What authority P would pay for forfait F: the forfait's price for the\n"
    "year, then each need priced by the option that sells it, each line with\n"
    "its formula in words, and the total to the cent by the rules' rounding\n"
    "rule (exact decimal arithmetic, in EUR). A need of N units of a counted\n"
    "service S is compared with the quantity F includes for P; only the\n"
    "extra is priced. A need of N days of an option priced per day is priced\n"
    "whole. An amount the rules do not give stays not priced, and the total\n"
    "says it is partial.\n"
    "\n"
    "  --forfait F    the package (required)\n"
    "  --profil P     CATEGORIE=MESURE or CATEGORIE (required)\n"
    "  --besoin S=N   N units of counted service S, or N days of option S\n"
    "                 (repeatable); the count of a forfait priced per unit\n"
    "  --annee A      premiere (the first year) or suivantes (the following\n"
    "                 years, the default)\n"
    "  --json         one JSON object: forfait, profil, strate, annee, each\n"
    "                 need (besoins), each priced line (lignes), the total\n"
    "  --why          for each line, the entries of FILE that decide it\n"
    "                 (FILE:LINE:COL); with --json, a \"pourquoi\" array per line\n"
    "\n"
    "Exit status: 0 every extra can be bought as an option, 1 some extra has\n"
    "no option (or no stratum matches, or the rules have errors), 2 usage or\n"
    "I/O error.\n");

/* The command line. */
typedef struct quote_args {
    const char *file, *forfait, *profil;
    const char **needs;
    int nneeds;
    bool json, why, premiere;
} quote_args;

/* Parses the command line; CLI_OK, -1 after --help, or the exit status. */
static int parse_args(int argc, char **argv, quote_args *q)
{
    const char *annee = NULL;
    const cli_option opts[] = {
        {"--json", .flag = &q->json},
        {"--why", .flag = &q->why},
        {"--forfait", .once = &q->forfait},
        {"--profil", .once = &q->profil},
        {"--besoin", .list = q->needs, .n = &q->nneeds},
        {"--annee", .once = &annee},
    };
    int st = cli_parse_options("quote", quote_help, argc, argv, opts, sizeof opts / sizeof opts[0],
                               &q->file, 1, NULL);
    if (st != CLI_OK)
        return st;
    if (!cli_annee("quote", annee, &q->premiere))
        return CLI_USAGE;
    if (!q->file)
        return cli_usage_error("quote: no rules file given (usage: cdgrules quote FILE --forfait F --profil P [--besoin S=N])");
    if (!q->forfait)
        return cli_usage_error("quote: --forfait is required (e.g. --forfait Metiers)");
    if (!q->profil)
        return cli_usage_error("quote: --profil is required (e.g. --profil commune=1200)");
    return CLI_OK;
}

/* A computed quote and what printing it needs. */
typedef struct quote_answer {
    const cdg_model *m;
    const cdg_ast *ast;
    const cdg_devis *d;
    cdg_arena *a;
} quote_answer;

/* Why need e is what it is: the entries deciding its included quantity,
 * then, when there is an extra, those of the option that prices it. */
static const cdg_raison *need_steps(const quote_answer *q, const cdg_eval_quote *e)
{
    const cdg_devis *d = q->d;
    cdg_raison *head = cdg_pourquoi_service(q->m, q->ast, d->forfait, e->service, d->strate, q->a);
    if (!e->option || e->supplement == 0)
        return head;
    cdg_raison *last = head;
    while (last->next)
        last = last->next;
    last->next = cdg_pourquoi_option(q->m, q->ast, d->forfait, e->option, true, q->a);
    return head;
}

/* Why line l costs what it does: for a need, why it is needed and which
 * option sells it (with its amount, then the stratum's line of a table of
 * amounts); for the forfait, its price; then the rounding rule. */
static const cdg_raison *line_steps(const quote_answer *q, const cdg_devis_ligne *l)
{
    const cdg_devis *d = q->d;
    const cdg_raison *head = NULL;
    if (l->kind == CDG_DEVIS_SUPPLEMENT)
        head = need_steps(q, &l->need);
    else if (l->kind == CDG_DEVIS_JOURS && l->option)
        head = cdg_pourquoi_option(q->m, q->ast, d->forfait, l->option, false, q->a);
    bool priced = l->prix.etat == CDG_PRIX_CHIFFRE && l->prix.prix;
    cdg_raison *more = priced ? cdg_pourquoi_prix(q->m, d->forfait, &l->prix,
                                                  l->kind == CDG_DEVIS_FORFAIT || l->prix.table, q->a)
                              : NULL;
    if (!head)
        return more;
    if (!more)
        return head;
    cdg_raison *last = (cdg_raison *)head;
    while (last->next)
        last = last->next;
    last->next = more;
    return head;
}

/* What line l is, for people: "Forfait Métiers", "sauvegarde, 15 Go
 * extra (option sauvegarde)", "interventions_site, 2 days"; in French
 * whatever the run's language when fr (JSON is the same in every
 * language, like the money form). */
static const char *line_label(const quote_answer *q, const cdg_devis_ligne *l, bool fr)
{
    char n[CDG_NUM_TEXT_MAX + 64];
    if (l->kind == CDG_DEVIS_FORFAIT)
        return q->d->forfait->libelle;
    if (l->kind == CDG_DEVIS_JOURS) {
        if (fr)
            return cdg_arena_printf(q->a, "%s, %s jour%s", l->besoin->option->id,
                                    cdg_prix_nombre_fr(l->besoin->n, n, sizeof n), l->besoin->n > 1 ? "s" : "");
        return cdg_arena_printf(q->a, cdg_ngettext("%s, %s day", "%s, %s days", (unsigned long)l->besoin->n),
                                l->besoin->option->id, cdg_num_text(l->besoin->n, n, sizeof n));
    }
    if (fr) {
        char num[CDG_NUM_TEXT_MAX];
        snprintf(n, sizeof n, "%s %s", cdg_prix_nombre_fr(l->need.supplement, num, sizeof num),
                 cdg_service_unite_for(l->need.service, l->need.supplement));
        return l->option ? cdg_arena_printf(q->a, "%s, %s en supplément (option %s)", l->need.service->id, n, l->option->id)
                         : cdg_arena_printf(q->a, "%s, %s en supplément", l->need.service->id, n);
    }
    cdg_quantity_text(l->need.supplement, l->need.service, n, sizeof n);
    if (l->option)
        return cdg_arena_printf(q->a, _("%s, %s extra (option %s)"), l->need.service->id, n, l->option->id);
    return cdg_arena_printf(q->a, _("%s, %s extra"), l->need.service->id, n);
}

/* The units of line l's formula. */
static cdg_prix_unites line_units(const quote_answer *q, const cdg_devis_ligne *l, bool fr)
{
    if (l->kind == CDG_DEVIS_JOURS)
        return fr ? (cdg_prix_unites){"jour", "jours"} : (cdg_prix_unites){_("day"), _("days")};
    if (l->kind == CDG_DEVIS_SUPPLEMENT)
        return (cdg_prix_unites){l->need.service->unite, l->need.service->unite_pluriel};
    return cdg_prix_unites_de(l->prix.prix, &q->d->profil);
}

/* How line l is priced, in words: its formula, or why it has none; in
 * French whatever the run's language when fr (JSON). */
static const char *line_formula(const quote_answer *q, const cdg_devis_ligne *l, bool fr)
{
    const cdg_forfait *f = q->d->forfait;
    if (l->kind == CDG_DEVIS_SUPPLEMENT && l->need.supplement == 0)
        return fr ? "rien en supplément : le forfait l'inclut" : _("nothing extra: the forfait includes it");
    if (l->kind != CDG_DEVIS_FORFAIT && !l->option) {
        if (l->kind == CDG_DEVIS_JOURS)
            return fr ? "non vendu dans ce forfait" : _("not sold in this forfait");
        return fr ? "aucune option de ce forfait ne le vend" : _("no option of this forfait sells it");
    }
    if (l->prix.etat != CDG_PRIX_CHIFFRE)
        return fr ? cdg_prix_raison_fr(&l->prix, q->a) : cdg_prix_raison(&l->prix, q->a);
    if (fr)
        return cdg_prix_formule_fr(&l->prix, line_units(q, l, true), f->arrondi.mode, f->arrondi.sur_total, q->a);
    return cdg_prix_formule(&l->prix, line_units(q, l, false), f->arrondi.mode, f->arrondi.sur_total, q->a);
}

/* The rounding rule in words. */
static const char *rule_words(const cdg_arrondi *r)
{
    if (r->mode == CDG_ARRONDI_SUPERIEUR)
        return r->sur_total ? _("rounded up to the cent, on the total") : _("rounded up to the cent, line by line");
    return r->sur_total ? _("rounded to the nearest cent, on the total")
                        : _("rounded to the nearest cent, line by line");
}

/* The needs of counted services as a table. */
static void print_needs(const quote_answer *q)
{
    const cdg_devis *d = q->d;
    size_t n = 0;
    for (size_t i = 0; i < d->nlignes; i++)
        n += d->lignes[i].kind == CDG_DEVIS_SUPPLEMENT;
    if (!n)
        return;
    cdg_table *t = cdg_table_new(q->a, 5);
    cdg_table_row(t);
    const char *heads[] = {N_("need"), N_("requested"), N_("included"), N_("extra"), N_("option")};
    for (unsigned c = 0; c < 5; c++)
        cdg_table_cell(t, _(heads[c]));
    for (size_t i = 0; i < d->nlignes; i++) {
        const cdg_devis_ligne *l = &d->lignes[i];
        if (l->kind != CDG_DEVIS_SUPPLEMENT)
            continue;
        const cdg_eval_quote *e = &l->need;
        char qt[CDG_NUM_TEXT_MAX + 64];
        cdg_table_row(t);
        cdg_table_cell(t, e->service->id);
        cdg_table_cell(t, cdg_quantity_text(e->besoin, e->service, qt, sizeof qt));
        if (e->row.statut == CDG_INCLUS)
            cdg_table_cell(t, cdg_quantity_text(e->inclus, e->service, qt, sizeof qt));
        else
            cdg_table_cellf(t, "0 (%s)", _(cdg_statut_words(e->row.statut)));
        cdg_table_cell(t, cdg_quantity_text(e->supplement, e->service, qt, sizeof qt));
        cdg_table_cell(t, e->supplement == 0 ? "-" : e->option ? e->option->id : _("none"));
    }
    cdg_table_set_max_width(t, cli_terminal_width(stdout));
    cdg_table_print(t, stdout, "", 1);
    fputc('\n', stdout);
}

/* The quote as text: the needs, each priced line, the total, --why. */
static void print_text(const quote_answer *q, bool why)
{
    const cdg_devis *d = q->d;
    const cdg_forfait *f = d->forfait;
    char buf[300], m1[CDG_MONEY_TEXT_MAX];
    printf(_("%s (%s), %s: stratum %s, %s\n\n"), f->libelle, f->id,
           cdg_eval_profil_text(&d->profil, buf, sizeof buf), d->strate->id,
           d->premiere_annee ? _("first year") : _("following years"));
    print_needs(q);
    fputs(_("price\n"), stdout);
    for (size_t i = 0; i < d->nlignes; i++) {
        const cdg_devis_ligne *l = &d->lignes[i];
        /* TRANSLATORS: a line of a quote: what it is, then how it is priced. */
        printf(_("  %s: %s\n"), line_label(q, l, false), line_formula(q, l, false));
        if (why)
            cli_why_text(stdout, q->m->src, line_steps(q, l), "      ", q->a);
    }
    const char *total = cdg_money_text(d->total, m1, sizeof m1);
    if (d->non_chiffres)
        printf(cdg_ngettext("\ntotal: %s, partial: %zu line is not priced (%s)\n",
                            "\ntotal: %s, partial: %zu lines are not priced (%s)\n", d->non_chiffres),
               total, d->non_chiffres, rule_words(&f->arrondi));
    else
        printf(_("\ntotal: %s (%s)\n"), total, rule_words(&f->arrondi));
    if (d->sans_option)
        printf(cdg_ngettext("%zu extra without an option: no option of this forfait prices it\n",
                            "%zu extras without an option: no option of this forfait prices them\n",
                            d->sans_option),
               d->sans_option);
    if (why) {
        fputs(_("\nwhy\n"), stdout);
        for (const cdg_raison *r = cdg_pourquoi_strate(q->m, &d->profil, d->strate, q->a); r; r = r->next)
            printf(_("  stratum: %s (%s)\n"), r->texte, cdg_pourquoi_lieu(q->m->src, r->span, q->a));
    }
}

/* Writes "key": an amount in cents, or null. */
static void json_money_or_null(cdg_json *j, const char *key, bool has, int64_t cents)
{
    cdg_json_key(j, key);
    if (has)
        cdg_money_json(j, cents);
    else
        cdg_json_null(j);
}

/* The needs of counted services, as the "besoins" array. */
static void json_needs(cdg_json *j, const quote_answer *q, bool why)
{
    cdg_json_key(j, "besoins");
    cdg_json_begin_array(j, CDG_JSON_LINES);
    for (size_t i = 0; i < q->d->nlignes; i++) {
        const cdg_devis_ligne *l = &q->d->lignes[i];
        if (l->kind != CDG_DEVIS_SUPPLEMENT)
            continue;
        const cdg_eval_quote *e = &l->need;
        bool has_price = e->supplement > 0 && l->option && l->prix.etat == CDG_PRIX_CHIFFRE;
        const cdg_prix *mt = l->prix.prix;
        cdg_json_begin_object(j, CDG_JSON_INLINE);
        cdg_json_key_str(j, "service", e->service->id);
        cdg_json_key_str(j, "unite", e->service->unite);
        cdg_json_key_int(j, "demande", e->besoin);
        cdg_json_key_str(j, "statut", cdg_statut_name(e->row.statut));
        cdg_json_key_int(j, "inclus", e->inclus);
        cdg_json_key_int(j, "supplement", e->supplement);
        cdg_json_key_str(j, "option", e->supplement > 0 && e->option ? e->option->id : NULL);
        cdg_json_key(j, "prix_unitaire");
        if (has_price && mt)
            cdg_money_json_scaled(j, mt->montant, 4);
        else
            cdg_json_null(j);
        json_money_or_null(j, "total", has_price || e->supplement == 0, has_price ? l->prix.centimes : 0);
        if (why)
            cli_why_json(j, q->m->src, need_steps(q, e), q->a);
        cdg_json_end(j);
    }
    cdg_json_end(j);
}

/* Each line as the "lignes" array. */
static void json_lines(cdg_json *j, const quote_answer *q, bool why)
{
    static const char *const kinds[] = {"forfait", "supplement", "jours"};
    cdg_json_key(j, "lignes");
    cdg_json_begin_array(j, CDG_JSON_LINES);
    for (size_t i = 0; i < q->d->nlignes; i++) {
        const cdg_devis_ligne *l = &q->d->lignes[i];
        bool priced = l->prix.etat == CDG_PRIX_CHIFFRE;
        cdg_json_begin_object(j, CDG_JSON_INLINE);
        cdg_json_key_str(j, "nature", kinds[l->kind]);
        cdg_json_key_str(j, "libelle", line_label(q, l, true));
        cdg_json_key_str(j, "option", l->option ? l->option->id : NULL);
        cdg_json_key(j, "quantite");
        if (l->prix.unites >= 0)
            cdg_json_int(j, l->prix.unites);
        else
            cdg_json_null(j);
        cdg_json_key_str(j, "formule", line_formula(q, l, true));
        json_money_or_null(j, "montant", priced, l->prix.centimes);
        cdg_json_key(j, "exact");
        if (priced)
            cdg_money_json_scaled(j, l->prix.exact, 8);
        else
            cdg_json_null(j);
        cdg_json_key_bool(j, "chiffre", priced);
        if (why)
            cli_why_json(j, q->m->src, line_steps(q, l), q->a);
        cdg_json_end(j);
    }
    cdg_json_end(j);
}

/* The quote as one JSON object (keys in a stable order). */
static void print_json(const quote_answer *q, bool why)
{
    const cdg_devis *d = q->d;
    char buf[300];
    cdg_json j;
    cdg_json_init(&j, stdout, CDG_JSON_PRETTY);
    cdg_json_begin_object(&j, CDG_JSON_LINES);
    cli_json_named(&j, "forfait", d->forfait->id, d->forfait->libelle);
    cdg_json_key_str(&j, "profil", cdg_eval_profil_text(&d->profil, buf, sizeof buf));
    cli_json_named(&j, "strate", d->strate->id, d->strate->libelle);
    cdg_json_key_str(&j, "annee", d->premiere_annee ? "premiere" : "suivantes");
    json_needs(&j, q, why);
    json_lines(&j, q, why);
    cdg_json_key(&j, "arrondi");
    cdg_json_begin_object(&j, CDG_JSON_INLINE);
    cdg_json_key_str(&j, "mode", d->forfait->arrondi.mode == CDG_ARRONDI_SUPERIEUR ? "centime_superieur" : "centime_proche");
    cdg_json_key_bool(&j, "sur_total", d->forfait->arrondi.sur_total);
    cdg_json_end(&j);
    json_money_or_null(&j, "total", true, d->total);
    cdg_json_key_bool(&j, "partiel", d->non_chiffres > 0);
    cdg_json_key_int(&j, "lignes_non_chiffrees", (int64_t)d->non_chiffres);
    cdg_json_key_int(&j, "supplements_sans_option", (int64_t)d->sans_option);
    cdg_json_end(&j);
}

/* `quote`: prices a forfait and the needs; exit 1 when an extra cannot be bought. */
int cli_quote(int argc, char **argv, cli_env *env)
{
    const char *texts[argc > 0 ? argc : 1];
    quote_args q = {.needs = texts};
    int st = parse_args(argc, argv, &q);
    if (st != CLI_OK)
        return st < 0 ? CLI_OK : st;

    int status;
    cdg_unit *u = cli_load_rules(q.file, env, &status);
    if (!u)
        return status;
    const cdg_model *m = u->model;
    cdg_arena *a = u->arena;
    cdg_profil p;
    const cdg_forfait *f = cli_forfait("quote", m, q.forfait);
    bool ok = f && cli_profil("quote", m, q.profil, &p);
    cdg_besoin *needs = NULL, **tail = &needs;
    for (int i = 0; ok && i < q.nneeds; i++) {
        cdg_besoin *b = cdg_arena_calloc(a, 1, sizeof *b);
        ok = cli_parse_need("quote", m, q.needs[i], b);
        for (const cdg_besoin *c = needs; ok && c; c = c->next)
            if ((b->service && c->service == b->service) || (b->option && c->option == b->option))
                ok = cli_usage_error("quote: '%s' needed twice", b->service ? b->service->id : b->option->id) == CLI_OK;
        *tail = b;
        tail = &b->next;
    }
    if (!ok) {
        cdg_unit_free(u);
        return CLI_USAGE;
    }
    const cdg_strate *k = cli_strate_of("quote", m, &p);
    if (!k) {
        cdg_unit_free(u);
        return CLI_FAIL;
    }
    cdg_devis d;
    cdg_eval_error err = {{0}};
    if (!cdg_devis_make(m, f, k, &p, needs, q.premiere, a, &d, &err)) {
        fprintf(stderr, _("cdgrules: quote: %s\n"), err.message);
        cdg_unit_free(u);
        return CLI_FAIL;
    }
    quote_answer qa = {.m = m, .ast = u->ast, .d = &d, .a = a};
    if (q.json)
        print_json(&qa, q.why);
    else
        print_text(&qa, q.why);
    cdg_unit_free(u);
    return d.sans_option ? CLI_FAIL : CLI_OK;
}
