/* diag_json.h — diagnostics written by the project's JSON writer: as JSON
 * objects and as a SARIF 2.1.0 log (check and test --format json|sarif).
 * Internal: the writer (json.h) is not part of the public API. */
#ifndef CDG_DIAG_JSON_H
#define CDG_DIAG_JSON_H

#include <stdbool.h>

#include "diag.h"
#include "json.h"

/* Writes the diagnostics and their notes as JSON objects into the array
 * that w has open (an array may span several files). */
void cdg_diags_print_json(cdg_json *w, const cdg_diags *d);

/* A SARIF 2.1.0 log with one run, written by w: cdg_sarif_begin, then
 * cdg_diags_print_sarif for each file (notes become related locations),
 * then cdg_sarif_end (execution_ok false when a file could not be read). */
void cdg_sarif_begin(cdg_json *w, const char *tool_version);
void cdg_diags_print_sarif(cdg_json *w, const cdg_diags *d);
void cdg_sarif_end(cdg_json *w, bool execution_ok);

#endif
