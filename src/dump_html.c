/* dump_html.c — the offer as one standalone, accessible HTML page: what
 * the offer manager publishes. No external resource (styles inline, no
 * script, no font or image), every text escaped, captions and header
 * scopes for screen readers, rubriques as row groups, the document's
 * merged cells as colspans, linked footnotes, a print stylesheet. */
#include "dump_impl.h"

#include <inttypes.h>

static const char style[] =
    ":root{--ink:#1b1f24;--muted:#5b6470;--line:#c9d1da;--head:#1f3a5f;--band:#eef2f7;--accent:#2f6f4f}\n"
    "*{box-sizing:border-box}\n"
    "body{margin:0;background:#f4f5f7;color:var(--ink);"
    "font:15px/1.45 \"Segoe UI\",\"Liberation Sans\",\"DejaVu Sans\",Arial,sans-serif}\n"
    ".page{max-width:1180px;margin:24px auto;background:#fff;padding:40px 48px 32px;"
    "box-shadow:0 1px 4px rgba(0,0,0,.12)}\n"
    "header{border-bottom:3px solid var(--head);padding-bottom:14px;margin-bottom:8px}\n"
    ".editeur{margin:0;font-size:.85em;letter-spacing:.08em;text-transform:uppercase;color:var(--muted)}\n"
    "h1{margin:.2em 0 .1em;font-size:1.7em;color:var(--head);font-weight:700}\n"
    ".edition{margin:0;color:var(--muted)}\n"
    "section{margin-top:28px}\n"
    "table{width:100%;border-collapse:collapse;font-size:.9em;table-layout:fixed}\n"
    "col.rubrique{width:13%}\ncol.service{width:22%}\ncol.strate{width:52%}\ncol.prestation{width:32%}\ncol.montant{width:15%}\n"
    "caption{caption-side:top;text-align:left;font-weight:700;font-size:1.1em;color:var(--head);"
    "padding:0 0 8px}\n"
    ".num-tableau{display:inline-block;min-width:1.6em;color:var(--muted);font-weight:600}\n"
    "th,td{border:1px solid var(--line);padding:6px 8px;vertical-align:top;text-align:left;"
    "overflow-wrap:break-word;hyphens:auto}\n"
    ".defil{overflow-x:auto}\n"
    ".defil:focus-visible{outline:2px solid var(--accent);outline-offset:2px}\n"
    "thead th{background:var(--head);color:#fff;font-weight:600;vertical-align:bottom}\n"
    "tbody th{font-weight:500}\n"
    "th[scope=rowgroup]{background:var(--band);font-weight:700;color:var(--head)}\n"
    "tbody+tbody{border-top:2px solid var(--head)}\n"
    "td.inclus{color:var(--ink)}\n"
    "td.non_inclus{color:var(--muted)}\n"
    "td.en_option{font-style:italic}\n"
    "td.sans_objet{background:repeating-linear-gradient(135deg,#fff 0 6px,#f1f3f5 6px 12px);"
    "color:var(--muted);font-size:.9em}\n"
    "td.fusion{text-align:center;vertical-align:middle}\n"
    "td.qte{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}\n"
    "th.qte,td.montant{text-align:right}\n"
    "sup{line-height:0}\n"
    "a{color:var(--head)}\n"
    ".legende{margin:8px 0 0;font-size:.85em;color:var(--muted)}\n"
    ".echantillon{display:inline-block;padding:0 6px;border:1px solid var(--line)}\n"
    ".echantillon.sans_objet{background:repeating-linear-gradient(135deg,#fff 0 6px,#f1f3f5 6px 12px)}\n"
    ".notes{margin:10px 0 0;padding:0;list-style:none;font-size:.85em;color:var(--muted)}\n"
    ".notes li{margin:4px 0}\n"
    ".notes li:target{background:#fff6d5}\n"
    "footer{margin-top:32px;padding-top:10px;border-top:1px solid var(--line);font-size:.8em;"
    "color:var(--muted)}\n"
    "@media (max-width:760px){\n"
    "  body{background:#fff}\n"
    "  .page{margin:0;padding:16px 12px;box-shadow:none}\n"
    "  h1{font-size:1.4em}\n"
    "  table{table-layout:auto;font-size:.82em}\n"
    "  col.rubrique{width:6.5em}\n  col.service,col.strate,col.prestation{width:9em}\n  col.montant{width:auto}\n"
    "  th,td{padding:4px 5px}\n"
    "  caption{position:sticky;left:0}\n"
    "}\n"
    "@media print{\n"
    "  @page{size:A4 landscape;margin:12mm}\n"
    "  body{background:#fff;font-size:9.5pt}\n"
    "  .page{max-width:none;margin:0;padding:0;box-shadow:none}\n"
    "  thead{display:table-header-group}\n"
    "  tr,caption,.notes li{break-inside:avoid}\n"
    "  caption{break-after:avoid}\n"
    "  section.saut{break-before:page}\n"
    "  .defil{overflow:visible}\n"
    "  thead th,th[scope=rowgroup],td.sans_objet{-webkit-print-color-adjust:exact;print-color-adjust:exact}\n"
    "  a{color:inherit;text-decoration:none}\n"
    "  .retour{display:none}\n"
    "}\n";

void cdg_dump_html_esc(FILE *out, const char *s)
{
    for (; *s; s++)
        switch (*s) {
        case '&': fputs("&amp;", out); break;
        case '<': fputs("&lt;", out); break;
        case '>': fputs("&gt;", out); break;
        case '"': fputs("&quot;", out); break;
        case '\'': fputs("&#39;", out); break;
        default: putc(*s, out);
        }
}

/* Opens table id in its own scrolling box (a phone scrolls the table, not
 * the page; the box takes the keyboard focus and is named by the table's
 * caption), then the numbered caption: the table's title for screen
 * readers and print. */
static void open_table(FILE *out, const char *title, const char *id, unsigned number)
{
    fprintf(out, "<div class=\"defil\" tabindex=\"0\" role=\"region\" aria-labelledby=\"titre-%s\">\n"
                 "<table id=\"%s\">\n<caption id=\"titre-%s\"><span class=\"num-tableau\">%u.</span> ",
            id, id, id, number);
    cdg_dump_html_esc(out, title);
    fputs("</caption>\n", out);
}

/* A table-1 cell: its wording, classed by status; a blank (sans_objet)
 * cell says "Sans objet" in visible text, not by its hatching alone. */
static void forfait_cell(FILE *out, const cdg_cell *cell)
{
    fprintf(out, "<td class=\"%s\">", cdg_statut_name(cell->statut));
    if (cell->statut == CDG_SANS_OBJET && !*cell->texte)
        fputs("Sans objet", out);
    else
        cdg_dump_html_esc(out, cell->texte);
    fputs("</td>", out);
}

/* A service's label with the call of its footnote. */
static void service_label(FILE *out, const cdg_service *s)
{
    cdg_dump_html_esc(out, s->libelle);
    if (s->note)
        fprintf(out, "&nbsp;<sup><a href=\"#note-%u\" id=\"appel-%u-%u\" "
                     "aria-label=\"note %u\">*%u</a></sup>",
                s->note->number, s->note->number, s->index, s->note->number, s->note->number);
}

/* Whether some cell of table 1 is sans_objet (then a legend explains it). */
static bool any_sans_objet(const cdg_model *m)
{
    for (unsigned f = 0; f < m->nforfaits; f++)
        for (unsigned i = 0; i < m->nservices; i++)
            if (cdg_model_cell(m, &m->forfaits[f], &m->services[i])->statut == CDG_SANS_OBJET)
                return true;
    return false;
}

/* Table 1: a row group per rubrique (and per run of stand-alone
 * services), then the notes, linked both ways. */
static void table_forfaits(cdg_dump_ctx *c, unsigned number)
{
    FILE *out = c->out;
    const cdg_model *m = c->m;
    fputs("<section>\n", out);
    open_table(out, cdg_dump_title(c->m, CDG_TABLE_FORFAITS), "forfaits", number);
    fputs("<colgroup><col class=\"rubrique\"><col class=\"service\">", out);
    for (unsigned f = 0; f < m->nforfaits; f++)
        fputs("<col>", out);
    fputs("</colgroup>\n", out);
    fputs("<thead><tr><th scope=\"col\" colspan=\"2\">Service</th>", out);
    for (unsigned f = 0; f < m->nforfaits; f++) {
        fputs("<th scope=\"col\">", out);
        cdg_dump_html_esc(out, m->forfaits[f].libelle);
        fputs("</th>", out);
    }
    fputs("</tr></thead>\n", out);
    for (unsigned i = 0; i < m->nservices; i++) {
        const cdg_service *s = &m->services[i];
        const cdg_rubrique *r = s->rubrique;
        bool group_start = r ? r->first == i : (i == 0 || m->services[i - 1].rubrique);
        if (group_start)
            fputs(i ? "</tbody>\n<tbody>\n" : "<tbody>\n", out);
        fputs("<tr>", out);
        if (r && r->first == i) {
            fprintf(out, "<th scope=\"rowgroup\" rowspan=\"%u\">", r->count);
            cdg_dump_html_esc(out, r->libelle);
            fputs("</th>", out);
        }
        fputs(r ? "<th scope=\"row\">" : "<th scope=\"row\" colspan=\"2\">", out);
        service_label(out, s);
        fputs("</th>", out);
        for (unsigned f = 0; f < m->nforfaits; f++)
            forfait_cell(out, cdg_model_cell(m, &m->forfaits[f], s));
        fputs("</tr>\n", out);
    }
    fputs(m->nservices ? "</tbody>\n</table>\n</div>\n" : "</table>\n</div>\n", out);
    if (any_sans_objet(m))
        fputs("<p class=\"legende\"><span class=\"echantillon sans_objet\">Sans objet</span>&nbsp;: "
              "le service ne s'applique pas à ce forfait.</p>\n", out);
    if (m->nnotes) {
        fputs("<ol class=\"notes\" aria-label=\"Notes\">\n", out);
        for (unsigned n = 0; n < m->nnotes; n++) {
            const cdg_note *note = &m->notes[n];
            fprintf(out, "<li id=\"note-%u\"><sup>*%u</sup>&nbsp;: ", note->number, note->number);
            cdg_dump_html_esc(out, note->texte);
            for (unsigned i = 0; i < m->nservices; i++)
                if (m->services[i].note == note) {
                    fprintf(out, " <a class=\"retour\" href=\"#appel-%u-%u\" aria-label=\"Retour au "
                                 "tableau\">&#8617;</a>", note->number, i);
                    break;
                }
            fputs("</li>\n", out);
        }
        fputs("</ol>\n", out);
    }
    fputs("</section>\n", out);
}

/* Table 2: one row per stratum, quantities right-aligned. */
static void table_strates(cdg_dump_ctx *c, unsigned number)
{
    FILE *out = c->out;
    const cdg_model *m = c->m;
    fputs("<section>\n", out);
    open_table(out, cdg_dump_title(c->m, CDG_TABLE_STRATES), "strates", number);
    fputs("<colgroup><col class=\"strate\">", out);
    for (unsigned j = 0; j < c->ncols; j++)
        fputs("<col>", out);
    fputs("</colgroup>\n", out);
    fputs("<thead><tr><th scope=\"col\">" CDG_DUMP_STRATE_HEADING "</th>", out);
    for (unsigned j = 0; j < c->ncols; j++) {
        fputs("<th scope=\"col\" class=\"qte\">", out);
        cdg_dump_html_esc(out, c->cols[j].heading);
        fputs("</th>", out);
    }
    fputs("</tr></thead>\n<tbody>\n", out);
    for (unsigned k = 0; k < m->nstrates; k++) {
        fputs("<tr><th scope=\"row\">", out);
        cdg_dump_html_esc(out, m->strates[k].libelle);
        fputs("</th>", out);
        for (unsigned j = 0; j < c->ncols; j++)
            fprintf(out, "<td class=\"qte\">%" PRId64 "</td>", c->cols[j].values[k]);
        fputs("</tr>\n", out);
    }
    fputs("</tbody>\n</table>\n</div>\n</section>\n", out);
}

/* Table 3: merged cells as colspan; on a new page in print after others. */
static void table_options(cdg_dump_ctx *c, unsigned number, bool page_break)
{
    FILE *out = c->out;
    const cdg_model *m = c->m;
    fputs(page_break ? "<section class=\"saut\">\n" : "<section>\n", out);
    open_table(out, cdg_dump_title(c->m, CDG_TABLE_OPTIONS), "options", number);
    fputs("<colgroup><col class=\"prestation\">", out);
    for (unsigned f = 0; f < m->nforfaits; f++)
        fputs("<col>", out);
    fputs(c->montants ? "<col class=\"montant\"></colgroup>\n" : "</colgroup>\n", out);
    fputs("<thead><tr><th scope=\"col\">Prestation</th>", out);
    for (unsigned f = 0; f < m->nforfaits; f++) {
        fputs("<th scope=\"col\">", out);
        cdg_dump_html_esc(out, m->forfaits[f].libelle);
        fputs("</th>", out);
    }
    if (c->montants)
        fputs("<th scope=\"col\" class=\"qte\">" CDG_DUMP_MONTANT_HEADING "</th>", out);
    fputs("</tr></thead>\n<tbody>\n", out);
    for (unsigned i = 0; i < m->noptions; i++) {
        const cdg_option *o = &m->options[i];
        fputs("<tr><th scope=\"row\">", out);
        cdg_dump_html_esc(out, o->libelle);
        fputs("</th>", out);
        if (o->fusionne) {
            fprintf(out, "<td class=\"%s fusion\" colspan=\"%u\">", cdg_statut_name(cdg_option_cell_of(o, 0)->statut),
                    m->nforfaits);
            cdg_dump_html_esc(out, cdg_option_cell_of(o, 0)->texte);
            fputs("</td>", out);
        } else
            for (unsigned f = 0; f < m->nforfaits; f++) {
                fprintf(out, "<td class=\"%s\">", cdg_statut_name(cdg_option_cell_of(o, f)->statut));
                cdg_dump_html_esc(out, cdg_option_cell_of(o, f)->texte);
                fputs("</td>", out);
            }
        if (c->montants) {
            fputs("<td class=\"montant\">", out);
            cdg_dump_html_esc(out, cdg_dump_montant(c, o));
            fputs("</td>", out);
        }
        fputs("</tr>\n", out);
    }
    fputs("</tbody>\n</table>\n</div>\n</section>\n", out);
}

/* The tariff: one row per price, one column per stratum (its label in
 * the heading's title); a price that is not a table per stratum is one
 * cell spanning the strata. */
static void table_tarifs(cdg_dump_ctx *c, unsigned number)
{
    FILE *out = c->out;
    const cdg_model *m = c->m;
    fputs("<section>\n", out);
    open_table(out, cdg_dump_tarifs_title(c), "tarifs", number);
    fputs("<colgroup><col class=\"prestation\">", out);
    for (unsigned k = 0; k < m->nstrates; k++)
        fputs("<col>", out);
    fputs("</colgroup>\n<thead><tr><th scope=\"col\">" CDG_DUMP_TARIF_HEADING "</th>", out);
    for (unsigned k = 0; k < m->nstrates; k++) {
        fputs("<th scope=\"col\" class=\"qte\" title=\"", out);
        cdg_dump_html_esc(out, m->strates[k].libelle);
        fputs("\">", out);
        cdg_dump_html_esc(out, m->strates[k].id);
        fputs("</th>", out);
    }
    fputs("</tr></thead>\n<tbody>\n", out);
    for (unsigned i = 0; i < c->ntarifs; i++) {
        const cdg_tarif_row *r = &c->tarifs[i];
        fputs("<tr><th scope=\"row\">", out);
        cdg_dump_html_esc(out, r->libelle);
        fputs("</th>", out);
        if (cdg_dump_tarif_merged(r)) {
            fprintf(out, "<td class=\"montant fusion\" colspan=\"%u\">", m->nstrates);
            cdg_dump_html_esc(out, cdg_dump_tarif_cell(c, r, 0));
            fputs("</td>", out);
        } else
            for (unsigned k = 0; k < m->nstrates; k++) {
                fputs("<td class=\"montant\">", out);
                cdg_dump_html_esc(out, cdg_dump_tarif_cell(c, r, k));
                fputs("</td>", out);
            }
        fputs("</tr>\n", out);
    }
    fputs("</tbody>\n</table>\n</div>\n</section>\n", out);
}

void cdg_dump_html_page_start(FILE *out, const cdg_model *m, const char *title_prefix, const char *style,
                              const char *before_page)
{
    const char *title = m->libelle ? m->libelle : m->id;
    fputs("<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n"
          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
          "<meta name=\"generator\" content=\"cdgrules\">\n<title>", out);
    fputs(title_prefix, out);
    cdg_dump_html_esc(out, title);
    fprintf(out, "</title>\n<style>\n%s</style>\n</head>\n<body>\n%s<div class=\"page\">\n<header>\n", style,
            before_page);
    if (m->editeur) {
        fputs("<p class=\"editeur\">", out);
        cdg_dump_html_esc(out, m->editeur);
        fputs("</p>\n", out);
    }
    fputs("<h1>", out);
    cdg_dump_html_esc(out, title);
    fputs("</h1>\n", out);
    if (m->edition) {
        fputs("<p class=\"edition\">Édition ", out);
        cdg_dump_html_esc(out, m->edition);
        fputs("</p>\n", out);
    }
}

void cdg_dump_html_page_end(FILE *out, const cdg_model *m, const char *what)
{
    fputs("</main>\n<footer>", out);
    if (m->editeur) {
        cdg_dump_html_esc(out, m->editeur);
        fputs(" — ", out);
    }
    cdg_dump_html_esc(out, m->libelle ? m->libelle : m->id);
    if (m->edition) {
        fputs(", édition ", out);
        cdg_dump_html_esc(out, m->edition);
    }
    fprintf(out, ". %s</footer>\n</div>\n", what);
}

/* The page: head with the stylesheet, header, tables, footer. */
void cdg_dump_html(cdg_dump_ctx *c)
{
    FILE *out = c->out;
    const cdg_model *m = c->m;
    cdg_dump_table t = c->opts->tables;
    cdg_dump_html_page_start(out, m, "", style, "");
    fputs("</header>\n<main>\n", out);
    unsigned number = 0;
    if (t & CDG_TABLE_FORFAITS)
        table_forfaits(c, ++number);
    if (t & CDG_TABLE_STRATES)
        table_strates(c, ++number);
    if (t & CDG_TABLE_OPTIONS) {
        bool page_break = number > 0;
        table_options(c, ++number, page_break);
    }
    if (cdg_dump_has_tarifs(c))
        table_tarifs(c, ++number);
    cdg_dump_html_page_end(out, m, "Tableaux générés depuis les règles de l'offre (cdgrules).");
    fputs("</body>\n</html>\n", out);
}
