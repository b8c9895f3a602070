/* dump_md.c — the tables as GitHub-flavoured Markdown: one pipe table per
 * table, footnotes as Markdown footnotes, text escaped so that labels
 * render literally. */
#include "dump_impl.h"

#include <inttypes.h>
#include <string.h>

/* Writes s with Markdown's active characters backslash-escaped (CommonMark
 * allows it for any ASCII punctuation) and line breaks as <br>. */
static void md_text(FILE *out, const char *s)
{
    for (; *s; s++) {
        if (*s == '\n')
            fputs("<br>", out);
        else if (*s == '\r' || *s == '\t')
            putc(' ', out);
        else {
            if (strchr("\\`*_[]<>|~&#!", *s))
                putc('\\', out);
            putc(*s, out);
        }
    }
}

/* One escaped table cell and its closing pipe. */
static void cell(FILE *out, const char *s)
{
    fputs(" ", out);
    md_text(out, s);
    fputs(" |", out);
}

/* The header row's separator: text columns left, quantities right. */
static void separator(FILE *out, unsigned text_cols, unsigned num_cols)
{
    fputc('|', out);
    for (unsigned i = 0; i < text_cols; i++)
        fputs(" --- |", out);
    for (unsigned i = 0; i < num_cols; i++)
        fputs(" ---: |", out);
    fputc('\n', out);
}

/* Table 1 with named header cells, then its footnotes. */
static void table_forfaits(cdg_dump_ctx *c)
{
    FILE *out = c->out;
    const cdg_model *m = c->m;
    fprintf(out, "## ");
    md_text(out, cdg_dump_title(c->m, CDG_TABLE_FORFAITS));
    fputs("\n\n| Rubrique | Service |", out);
    for (unsigned f = 0; f < m->nforfaits; f++)
        cell(out, m->forfaits[f].libelle);
    fputc('\n', out);
    separator(out, 2 + m->nforfaits, 0);
    for (unsigned i = 0; i < m->nservices; i++) {
        const cdg_service *s = &m->services[i];
        fputc('|', out);
        cell(out, s->rubrique && s->rubrique->first == i ? s->rubrique->libelle : "");
        fputc(' ', out);
        md_text(out, s->libelle);
        if (s->note)
            fprintf(out, "[^%u]", s->note->number);
        fputs(" |", out);
        for (unsigned f = 0; f < m->nforfaits; f++)
            cell(out, cdg_model_cell(m, &m->forfaits[f], s)->texte);
        fputc('\n', out);
    }
    for (unsigned i = 0; i < m->nnotes; i++) {
        fprintf(out, "%s[^%u]: ", i ? "" : "\n", m->notes[i].number);
        md_text(out, m->notes[i].texte);
        fputc('\n', out);
    }
}

/* Table 2: quantities right-aligned. */
static void table_strates(cdg_dump_ctx *c)
{
    FILE *out = c->out;
    fprintf(out, "## ");
    md_text(out, cdg_dump_title(c->m, CDG_TABLE_STRATES));
    fputs("\n\n|", out);
    cell(out, CDG_DUMP_STRATE_HEADING);
    for (unsigned j = 0; j < c->ncols; j++)
        cell(out, c->cols[j].heading);
    fputc('\n', out);
    separator(out, 1, c->ncols);
    for (unsigned k = 0; k < c->m->nstrates; k++) {
        fputc('|', out);
        cell(out, c->m->strates[k].libelle);
        for (unsigned j = 0; j < c->ncols; j++)
            fprintf(out, " %" PRId64 " |", c->cols[j].values[k]);
        fputc('\n', out);
    }
}

/* Table 3. A merged cell of the document (o->fusionne) is repeated in
 * every column: Markdown tables cannot span columns, and a blank cell
 * would read as "nothing". */
static void table_options(cdg_dump_ctx *c)
{
    FILE *out = c->out;
    const cdg_model *m = c->m;
    fprintf(out, "## ");
    md_text(out, cdg_dump_title(c->m, CDG_TABLE_OPTIONS));
    fputs("\n\n| Option |", out);
    for (unsigned f = 0; f < m->nforfaits; f++)
        cell(out, m->forfaits[f].libelle);
    if (c->montants)
        cell(out, CDG_DUMP_MONTANT_HEADING);
    fputc('\n', out);
    separator(out, 1 + m->nforfaits, c->montants);
    for (unsigned i = 0; i < m->noptions; i++) {
        const cdg_option *o = &m->options[i];
        fputc('|', out);
        cell(out, o->libelle);
        for (unsigned f = 0; f < m->nforfaits; f++)
            cell(out, cdg_option_cell_of(o, f)->texte);
        if (c->montants)
            cell(out, cdg_dump_montant(c, o));
        fputc('\n', out);
    }
}

/* The tariff: one row per price, one column per stratum; a price that
 * is not a table per stratum is repeated in every column (Markdown
 * cannot span columns). */
static void table_tarifs(cdg_dump_ctx *c)
{
    FILE *out = c->out;
    const cdg_model *m = c->m;
    fprintf(out, "## ");
    md_text(out, cdg_dump_tarifs_title(c));
    fputs("\n\n|", out);
    cell(out, CDG_DUMP_TARIF_HEADING);
    for (unsigned k = 0; k < m->nstrates; k++)
        cell(out, m->strates[k].id);
    fputc('\n', out);
    separator(out, 1, m->nstrates);
    for (unsigned i = 0; i < c->ntarifs; i++) {
        fputc('|', out);
        cell(out, c->tarifs[i].libelle);
        for (unsigned k = 0; k < m->nstrates; k++)
            cell(out, cdg_dump_tarif_cell(c, &c->tarifs[i], k));
        fputc('\n', out);
    }
}

/* The document title (every table only), then the selected tables. */
void cdg_dump_md(cdg_dump_ctx *c)
{
    FILE *out = c->out;
    const cdg_model *m = c->m;
    cdg_dump_table t = c->opts->tables;
    if (t == CDG_TABLE_ALL) {
        fputs("# ", out);
        md_text(out, m->libelle ? m->libelle : m->id);
        fputs("\n\n", out);
        if (m->editeur || m->edition) {
            if (m->editeur)
                md_text(out, m->editeur);
            if (m->editeur && m->edition)
                fputs(" — ", out);
            if (m->edition) {
                fputs("édition ", out);
                md_text(out, m->edition);
            }
            fputs("\n\n", out);
        }
    }
    if (t & CDG_TABLE_FORFAITS)
        table_forfaits(c);
    if (t & CDG_TABLE_STRATES) {
        if (t & CDG_TABLE_FORFAITS)
            fputc('\n', out);
        table_strates(c);
    }
    if (t & CDG_TABLE_OPTIONS) {
        if (t & (CDG_TABLE_FORFAITS | CDG_TABLE_STRATES))
            fputc('\n', out);
        table_options(c);
    }
    if (cdg_dump_has_tarifs(c)) {
        if (t & (CDG_TABLE_FORFAITS | CDG_TABLE_STRATES | CDG_TABLE_OPTIONS))
            fputc('\n', out);
        table_tarifs(c);
    }
}
