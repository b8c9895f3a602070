/* import_impl.h — what the import modules share (import_read.c reads a
 * table file into rows, import_words.c reads the offer's wordings,
 * import.c recognises the tables and writes the rules). Internal to the
 * import module; its API is import.h. */
#ifndef CDG_IMPORT_IMPL_H
#define CDG_IMPORT_IMPL_H

#include <stdbool.h>
#include <stdint.h>

#include "alloc.h"
#include "diag_emit.h"
#include "import.h"

/* One cell: its text (markup kept, blanks trimmed) and where it starts in
 * the decoded text (for TABLE:line:column). */
typedef struct imp_cell {
    const char *text;
    uint32_t off;
} imp_cell;

/* One line of the file: a table row (cells) or a line of text (n == 0,
 * text set), or a blank line (n == 0, text NULL). */
typedef struct imp_line {
    imp_cell *cells;
    unsigned n;
    const char *text;
    uint32_t off;
} imp_line;

/* The file, decoded to UTF-8 with LF line ends, split into lines. */
typedef struct imp_file {
    cdg_source *src;         /* the decoded text, for diagnostics */
    imp_line *lines;
    unsigned nlines;
    const char *format;      /* "TSV", "CSV", "Markdown" */
    char sep;                /* CSV: ',' or ';' */
    const char *encoding;    /* "UTF-8" or "Windows-1252" */
    bool bom, crlf;
    bool sheet;              /* CSV written by `dump --format csv`: the
                              * first column names each row's table */
} imp_file;

/* Reads data[0..len) into f. False after an error recorded in d (empty,
 * binary, undecodable, bad quoting). */
bool cdg_imp_read(cdg_arena *a, const char *name, const char *data, size_t len, imp_file *f,
                  cdg_diags *d);

/* ---- wordings (import_words.c) ---- */

/* A copy of s with the document's markup removed: <sup>…</sup> joined to
 * the word before it, a <b>/<strong>/<em>/<i> pair around the whole
 * text, Markdown emphasis around the whole text. */
char *cdg_imp_unmark(cdg_arena *a, const char *s);
/* s folded for comparison: lower-case ASCII, accents removed, blanks
 * (including no-break spaces) collapsed to one space, trimmed. */
char *cdg_imp_fold(cdg_arena *a, const char *s);

/* A number at s: digits with spaces, no-break spaces or dots between
 * groups of three, or a French word from "un" to "dix". Sets *v and
 * returns the length read (0: no number). */
size_t cdg_imp_number(const char *s, int64_t *v);
/* A whole cell that is an integer (blanks around allowed). */
bool cdg_imp_integer(const char *s, int64_t *v);

/* What a stratum label says about one category. */
typedef struct imp_part {
    const char *categorie;   /* label of the category named, or NULL */
    const char *mesure;      /* "habitants", "agents", or NULL */
    bool tous;               /* the whole category */
    int64_t lo, hi;          /* inclusive; hi < 0: no upper bound */
    const char *rest;        /* words left unread, or NULL */
} imp_part;

/* Splits a stratum label into parts (at ", " and " ou ") and reads each.
 * Returns the number of parts written (at most cap). */
unsigned cdg_imp_strate_label(cdg_arena *a, const char *label, imp_part *parts, unsigned cap);

/* A cell of the services table, read. */
typedef enum {
    IMP_INCLUS, IMP_NON_INCLUS, IMP_EN_OPTION, IMP_SANS_OBJET, IMP_SELON_STRATE,
    IMP_QUANTITE, IMP_INCLUS_AVEC, IMP_INCONNU
} imp_status;

typedef struct imp_wording {
    imp_status st;
    int64_t q;               /* IMP_QUANTITE, IMP_INCLUS_AVEC */
    const char *unite;       /* the unit named, as written (singular) */
} imp_wording;

imp_wording cdg_imp_cell_wording(cdg_arena *a, const char *text);

/* An option cell: its status, and for en_option its pricing. */
typedef enum { IMP_TARIF_NONE, IMP_TARIF_JOURNALIER, IMP_TARIF_PAR_UNITE, IMP_TARIF_SUR_ETUDE } imp_tarif;
typedef struct imp_option_wording {
    imp_status st;           /* IMP_INCLUS, IMP_NON_INCLUS, IMP_EN_OPTION, IMP_SANS_OBJET (blank) */
    imp_tarif tarif;
    const char *unite;       /* IMP_TARIF_PAR_UNITE: "Go" */
} imp_option_wording;

imp_option_wording cdg_imp_option_wording(cdg_arena *a, const char *text);

/* An amount in French or English notation ("1 234,50 € par jour",
 * "0.75"): cents in *cents. */
bool cdg_imp_amount(const char *s, int64_t *cents);

/* An identifier for label: ASCII, lower-case words joined by '_' (at most
 * maxwords words, French small words left out), or CamelCase; never a
 * keyword, never starting with a digit (prefix is put before). */
char *cdg_imp_ident(cdg_arena *a, const char *label, unsigned maxwords, bool camel,
                    const char *prefix);

#endif
