/* diag.h — diagnostics: collected while a file is processed, then sorted
 * by position and printed GCC-style (text) or as JSON.
 *
 *   rules/x.cdg:12:3: error: unknown service 'sauvgarde'; did you mean 'sauvegarde'?
 *      12 |   sauvgarde: inclus;
 *         |   ^~~~~~~~~
 */
#ifndef CDG_DIAG_H
#define CDG_DIAG_H

#include <stdbool.h>
#include <stdio.h>

#include "arena.h"
#include "json.h"
#include "source.h"

typedef enum { CDG_NOTE, CDG_WARNING, CDG_ERROR } cdg_severity;

typedef struct cdg_diag {
    cdg_severity severity;
    cdg_source *src;
    cdg_span span;
    const char *message;     /* as written in the sources: JSON, SARIF, GitHub */
    const char *text;        /* in the user's language (i18n.h): text output */
    struct cdg_diag *note;   /* notes attached to this diagnostic */
    unsigned seq;            /* emission order, for a stable sort */
} cdg_diag;

typedef struct cdg_diags {
    cdg_arena *arena;
    cdg_diag **items;
    size_t len, cap;
    size_t errors, warnings;
    unsigned syntax_errors;  /* counted separately for the cap */
} cdg_diags;

/* At most this many syntax errors are reported for one file. */
#define CDG_MAX_SYNTAX_ERRORS 20

void cdg_diags_init(cdg_diags *d, cdg_arena *a);
/* Records a diagnostic; returns it so that notes can be attached. */
cdg_diag *cdg_diag_add(cdg_diags *d, cdg_severity sev, cdg_source *src, cdg_span span,
                       const char *fmt, ...) __attribute__((format(printf, 5, 6)));
/* Records a diagnostic whose message was composed by the caller, as
 * written in the sources (message) and in the user's language (text). */
cdg_diag *cdg_diag_add_text(cdg_diags *d, cdg_severity sev, cdg_source *src, cdg_span span,
                            const char *message, const char *text);
/* Attaches a note (printed right after its diagnostic). */
void cdg_diag_note(cdg_diags *d, cdg_diag *to, cdg_source *src, cdg_span span,
                   const char *fmt, ...) __attribute__((format(printf, 5, 6)));
/* Sorts by file position (emission order breaks ties). */
void cdg_diags_sort(cdg_diags *d);

typedef struct cdg_diag_style {
    bool color;
} cdg_diag_style;

/* Prints one diagnostic and its notes, with source line and caret. */
void cdg_diag_print(FILE *out, const cdg_diag *g, const cdg_diag_style *st);
/* Prints every diagnostic in order. */
void cdg_diags_print(FILE *out, const cdg_diags *d, const cdg_diag_style *st);
/* Writes the diagnostics and their notes as JSON objects into the array
 * that w has open (an array may span several files). */
void cdg_diags_print_json(cdg_json *w, const cdg_diags *d);
const char *cdg_severity_name(cdg_severity s);

/* GitHub Actions workflow annotations, one line per diagnostic and note:
 * "::error file=F,line=L,col=C,endColumn=E::message" (diag_formats.c). */
void cdg_diags_print_github(FILE *out, const cdg_diags *d);
/* A SARIF 2.1.0 log with one run, written by w: cdg_sarif_begin, then
 * cdg_diags_print_sarif for each file (notes become related locations),
 * then cdg_sarif_end (execution_ok false when a file could not be read). */
void cdg_sarif_begin(cdg_json *w, const char *tool_version);
void cdg_diags_print_sarif(cdg_json *w, const cdg_diags *d);
void cdg_sarif_end(cdg_json *w, bool execution_ok);

#endif
