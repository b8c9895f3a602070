/* dump_impl.h — what the dumpers (dump_*.c) share: the run's context, the
 * document's fixed titles, the columns of the strata table, amounts.
 * Whether an option is one merged cell is `o->fusionne` (set by the
 * checker). Internal to the dump module. */
#ifndef CDG_DUMP_IMPL_H
#define CDG_DUMP_IMPL_H

#include "alloc.h"
#include "dump.h"

/* One quantity column of the strata table: a service's own per-stratum
 * quantities, or a forfait's own table for that service. */
typedef struct cdg_strate_col {
    const cdg_service *service;
    const int64_t *values;     /* one per stratum */
    const char *heading;
} cdg_strate_col;

/* One row of the tariff table: a forfait's price (or its price the first
 * year, or the following years), or an option's amount. */
typedef struct cdg_tarif_row {
    const char *libelle;       /* the forfait's or option's label, and which year */
    const cdg_prix *prix;
    const char *par;           /* an option's amount: " par jour", " par Go"; else "" */
} cdg_tarif_row;

typedef struct cdg_dump_ctx {
    FILE *out;
    const cdg_model *m;
    const cdg_dump_opts *opts;
    cdg_arena *arena;          /* scratch memory of this dump */
    cdg_strate_col *cols;      /* the strata table's columns */
    unsigned ncols;
    bool montants;             /* some option has an amount: table 3 gets a column */
    cdg_tarif_row *tarifs;     /* the tariff table's rows (none: the file states no price) */
    unsigned ntarifs;
    const char *mesure;        /* the measures' words for a price per measure ("habitant/agent") */
} cdg_dump_ctx;

/* The document's fixed title of a table (one of the three). */
const char *cdg_dump_title(const cdg_model *m, cdg_dump_table t);
const char *cdg_dump_declared_title(const cdg_model *m, cdg_dump_table t);
/* Heading of the strata table's first column, and of table 3's amounts. */
#define CDG_DUMP_STRATE_HEADING "Strate"
#define CDG_DUMP_MONTANT_HEADING "Montant"

/* Whether the tariff table is printed: asked for alone, or among every
 * table when some forfait is priced (a file without prices dumps as it
 * always did). */
bool cdg_dump_has_tarifs(const cdg_dump_ctx *c);
/* The tariff table's caption: "Tarifs 2027" (the millesime), or "Tarifs". */
const char *cdg_dump_tarifs_title(cdg_dump_ctx *c);
/* Heading of the tariff table's first column. */
#define CDG_DUMP_TARIF_HEADING "Prestation"
/* Whether row r is one price for every stratum (one merged cell): not a
 * table per stratum. */
bool cdg_dump_tarif_merged(const cdg_tarif_row *r);
/* Row r's price in stratum k (any stratum when merged) in words:
 * "450,00 €", "0,35 € par habitant, minimum 300,00 €", "480,00 € par jour". */
const char *cdg_dump_tarif_cell(cdg_dump_ctx *c, const cdg_tarif_row *r, unsigned k);

/* The amount of o in French notation ("1 234,50 € par jour"), or "" when
 * it has none. */
const char *cdg_dump_montant(cdg_dump_ctx *c, const cdg_option *o);

void cdg_dump_tabular(cdg_dump_ctx *c);
void cdg_dump_md(cdg_dump_ctx *c);
void cdg_dump_html(cdg_dump_ctx *c);
/* Writes s with &, <, >, " and ' as entities (safe in text and attributes). */
void cdg_dump_html_esc(FILE *out, const char *s);
/* Writes an HTML page of the offer up to its header's last line: head
 * (title_prefix then the offer's title, the stylesheet style), before_page
 * right after <body>, then the header's editor, title and edition; the
 * caller closes </header>. Shared by the tables and the simulator. */
void cdg_dump_html_page_start(FILE *out, const cdg_model *m, const char *title_prefix, const char *style,
                              const char *before_page);
/* Closes <main>, writes the footer (editor, title, edition, then what,
 * the sentence saying how the page was made) and closes the page's div. */
void cdg_dump_html_page_end(FILE *out, const cdg_model *m, const char *what);
void cdg_dump_json(cdg_dump_ctx *c);
void cdg_dump_js(cdg_dump_ctx *c);
void cdg_dump_sim(cdg_dump_ctx *c);
/* The resolved model as one JavaScript object literal (also valid JSON,
 * safe inside an HTML <script>), appended to b: what the ES module and the
 * simulator page embed (dump_js.c). */
void cdg_dump_js_model(cdg_dump_ctx *c, cdg_buf *b);

#endif
