/* import.h — from an offer's table, as a word processor or a spreadsheet
 * exports it (TSV, CSV with ',' or ';', Markdown; UTF-8 or Windows-1252,
 * with or without byte order mark, LF or CRLF), to a rules file in the
 * canonical layout (`cdgrules import`). The inverse of `dump --format
 * tsv`. */
#ifndef CDG_IMPORT_H
#define CDG_IMPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "diag.h"
#include "unit.h"

typedef struct cdg_import_result {
    cdg_diags diags;       /* about the table, located TABLE:line:column */
    const char *read_as;   /* how it was read: "TSV, UTF-8, CRLF" (English) */
    const char *read_as_text;  /* the same in the user's language */
    const char *text;      /* the rules file (canonical layout); NULL after errors */
    size_t len;
    cdg_unit *rules;       /* when the written rules did not check: the
                            * unit with their errors (free it) */
} cdg_import_result;

/* Imports data[0..len), read from the file called name, into rules whose
 * own file will be called out_name (for messages). Everything lives in
 * arena a (whose handler catches memory exhaustion). True when text is
 * set; false after errors in r->diags (or r->rules). */
bool cdg_import(cdg_arena *a, const char *name, const char *data, size_t len,
                const char *out_name, cdg_import_result *r);

#endif
