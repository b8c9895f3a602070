/* dump_tsv.c — the tables as TSV (the source document's own layout) and
 * CSV (RFC 4180, for spreadsheets): one tabular writer, two quotings. */
#include "dump_impl.h"

#include <inttypes.h>
#include <string.h>

/* The row being written: its cell count, and the CSV table column. */
typedef struct row_writer {
    cdg_dump_ctx *c;
    bool csv;
    const char *table;   /* CSV with every table: first column; else NULL */
    unsigned width;      /* CSV with every table: cells per row */
    unsigned n;          /* cells written in this row */
} row_writer;

/* A TSV cell cannot hold a tab or a line break: they become spaces. */
static void put_tsv(FILE *out, const char *s)
{
    for (; *s; s++)
        putc(*s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s, out);
}

/* RFC 4180: quoted when it holds a comma, a quote or a line break; quotes doubled. */
static void put_csv(FILE *out, const char *s)
{
    if (!strpbrk(s, ",\"\r\n")) {
        fputs(s, out);
        return;
    }
    putc('"', out);
    for (; *s; s++) {
        if (*s == '"')
            putc('"', out);
        putc(*s, out);
    }
    putc('"', out);
}

/* Writes one cell, after the separator and the CSV table column. */
static void cell(row_writer *w, const char *s)
{
    FILE *out = w->c->out;
    if (w->n == 0 && w->table) {
        fputs(w->table, out);
        w->n++;
        putc(',', out);
    } else if (w->n > 0)
        putc(w->csv ? ',' : '\t', out);
    w->n++;
    if (w->csv)
        put_csv(out, s);
    else
        put_tsv(out, s);
}

/* A label followed by its footnote marker (" *1"). */
static void cell_noted(row_writer *w, const char *label, const cdg_note *note)
{
    if (!note) {
        cell(w, label);
        return;
    }
    cdg_buf b;
    cdg_buf_init(&b, w->c->arena);
    cdg_buf_printf(&b, "%s *%u", label, note->number);
    cell(w, cdg_buf_str(&b));
}

/* A quantity cell. */
static void cell_int(row_writer *w, int64_t v)
{
    char buf[32];
    snprintf(buf, sizeof buf, "%" PRId64, v);
    cell(w, buf);
}

/* Ends the row, padding a CSV sheet to its width (RFC 4180: same field
 * count on every line). */
static void end_row(row_writer *w)
{
    while (w->table && w->n < w->width) {
        putc(',', w->c->out);
        w->n++;
    }
    fputs(w->csv ? "\r\n" : "\n", w->c->out);
    w->n = 0;
}

/* Table 1: "\t\t" + forfaits; a rubrique's label on its first row only; a
 * stand-alone service in the first column. */
static void table_forfaits(row_writer *w)
{
    const cdg_model *m = w->c->m;
    cell(w, "");
    cell(w, "");
    for (unsigned f = 0; f < m->nforfaits; f++)
        cell(w, m->forfaits[f].libelle);
    end_row(w);
    for (unsigned i = 0; i < m->nservices; i++) {
        const cdg_service *s = &m->services[i];
        if (s->rubrique) {
            cell(w, s->rubrique->first == i ? s->rubrique->libelle : "");
            cell_noted(w, s->libelle, s->note);
        } else {
            cell_noted(w, s->libelle, s->note);
            cell(w, "");
        }
        for (unsigned f = 0; f < m->nforfaits; f++)
            cell(w, cdg_model_cell(m, &m->forfaits[f], s)->texte);
        end_row(w);
    }
}

/* Table 2: "Strate" + quantity columns; one row per stratum. */
static void table_strates(row_writer *w)
{
    const cdg_dump_ctx *c = w->c;
    cell(w, CDG_DUMP_STRATE_HEADING);
    for (unsigned j = 0; j < c->ncols; j++)
        cell(w, c->cols[j].heading);
    end_row(w);
    for (unsigned k = 0; k < c->m->nstrates; k++) {
        cell(w, c->m->strates[k].libelle);
        for (unsigned j = 0; j < c->ncols; j++)
            cell_int(w, c->cols[j].values[k]);
        end_row(w);
    }
}

/* Table 3: "\t" + forfaits. An option stated once for every forfait
 * (o->fusionne) is the document's merged cell: TSV prints it in the first
 * column and leaves the others blank, as the document's own TSV does; CSV
 * repeats it in every column, so that a filter on any forfait column
 * finds it. An option stated per forfait prints every cell. */
static void table_options(row_writer *w)
{
    const cdg_model *m = w->c->m;
    cell(w, "");
    for (unsigned f = 0; f < m->nforfaits; f++)
        cell(w, m->forfaits[f].libelle);
    if (w->c->montants)
        cell(w, CDG_DUMP_MONTANT_HEADING);
    end_row(w);
    for (unsigned i = 0; i < m->noptions; i++) {
        const cdg_option *o = &m->options[i];
        bool blank_after_first = o->fusionne && !w->csv;
        cell(w, o->libelle);
        for (unsigned f = 0; f < m->nforfaits; f++)
            cell(w, blank_after_first && f > 0 ? "" : cdg_option_cell_of(o, f)->texte);
        if (w->c->montants)
            cell(w, cdg_dump_montant(w->c, o));
        end_row(w);
    }
}

/* The tariff: "Prestation" + strata ids; one row per price. A price that
 * is not a table per stratum is one merged cell, printed as table 3's
 * merged rows are (TSV: first column; CSV: every column). */
static void table_tarifs(row_writer *w)
{
    cdg_dump_ctx *c = w->c;
    const cdg_model *m = c->m;
    cell(w, CDG_DUMP_TARIF_HEADING);
    for (unsigned k = 0; k < m->nstrates; k++)
        cell(w, m->strates[k].id);
    end_row(w);
    for (unsigned i = 0; i < c->ntarifs; i++) {
        const cdg_tarif_row *r = &c->tarifs[i];
        bool blank_after_first = cdg_dump_tarif_merged(r) && !w->csv;
        cell(w, r->libelle);
        for (unsigned k = 0; k < m->nstrates; k++)
            cell(w, blank_after_first && k > 0 ? "" : cdg_dump_tarif_cell(c, r, k));
        end_row(w);
    }
}

/* The footnotes as the document writes them ("*1 : text"). */
static void notes(row_writer *w)
{
    const cdg_model *m = w->c->m;
    for (unsigned i = 0; i < m->nnotes; i++) {
        cdg_buf b;
        cdg_buf_init(&b, w->c->arena);
        cdg_buf_printf(&b, "*%u", m->notes[i].number);
        if (w->csv) {
            cell(w, cdg_buf_str(&b));
            cell(w, m->notes[i].texte);
        } else {
            cdg_buf_printf(&b, " : %s", m->notes[i].texte);
            cell(w, cdg_buf_str(&b));
        }
        end_row(w);
    }
}

/* TSV of every table follows the source document: table 1, its
 * footnotes, then each titled table, separated by blank lines. */
/* The line between two tables of the document: its title, if declared. */
static void document_title(FILE *out, const char *title)
{
    if (title)
        fprintf(out, "\n%s\n\n", title);
    else
        putc('\n', out);
}

static void tsv_document(row_writer *w)
{
    FILE *out = w->c->out;
    table_forfaits(w);
    if (w->c->m->nnotes) {
        putc('\n', out);
        notes(w);
    }
    document_title(out, cdg_dump_declared_title(w->c->m, CDG_TABLE_STRATES));
    table_strates(w);
    document_title(out, cdg_dump_declared_title(w->c->m, CDG_TABLE_OPTIONS));
    table_options(w);
    if (cdg_dump_has_tarifs(w->c)) {
        document_title(out, cdg_dump_tarifs_title(w->c));
        table_tarifs(w);
    }
}

/* CSV of every table: one rectangular sheet whose first column names the
 * table of the row (forfaits, notes, strates, options). */
static void csv_document(row_writer *w)
{
    const cdg_dump_ctx *c = w->c;
    unsigned wf = 2 + c->m->nforfaits, ws = 1 + c->ncols, wo = 1 + c->m->nforfaits + c->montants;
    w->width = 1 + (wf > ws ? (wf > wo ? wf : wo) : (ws > wo ? ws : wo));
    if (cdg_dump_has_tarifs(c) && 1 + c->m->nstrates + 1 > w->width)
        w->width = 1 + c->m->nstrates + 1;
    w->table = "forfaits";
    table_forfaits(w);
    w->table = "notes";
    notes(w);
    w->table = "strates";
    table_strates(w);
    w->table = "options";
    table_options(w);
    if (cdg_dump_has_tarifs(w->c)) {
        w->table = "tarifs";
        table_tarifs(w);
    }
}

/* One table's grid, or every table in the format's document layout. */
void cdg_dump_tabular(cdg_dump_ctx *c)
{
    row_writer w = {.c = c, .csv = c->opts->format == CDG_DUMP_CSV};
    if (w.csv && c->opts->bom)
        fputs("\xEF\xBB\xBF", c->out);
    switch (c->opts->tables) {
    case CDG_TABLE_FORFAITS: table_forfaits(&w); break;
    case CDG_TABLE_STRATES: table_strates(&w); break;
    case CDG_TABLE_OPTIONS: table_options(&w); break;
    case CDG_TABLE_TARIFS: table_tarifs(&w); break;
    case CDG_TABLE_ALL:
        if (w.csv)
            csv_document(&w);
        else
            tsv_document(&w);
        break;
    }
}
