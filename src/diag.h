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

#include "api.h"
#include "arena.h"
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

typedef struct cdg_diag_style {
    bool color;
} cdg_diag_style;

/* Prints one diagnostic and its notes, with source line and caret. */
CDG_API void cdg_diag_print(FILE *out, const cdg_diag *g, const cdg_diag_style *st);
/* Prints every diagnostic in order. */
CDG_API void cdg_diags_print(FILE *out, const cdg_diags *d, const cdg_diag_style *st);
CDG_API const char *cdg_severity_name(cdg_severity s);

/* GitHub Actions workflow annotations, one line per diagnostic and note:
 * "::error file=F,line=L,col=C,endColumn=E::message" (diag_formats.c). */
CDG_API void cdg_diags_print_github(FILE *out, const cdg_diags *d);

#endif
