/* diag_emit.h — recording diagnostics, for the library's scanner, parser
 * and checker (not installed: a program reads and prints diagnostics,
 * diag.h). */
#ifndef CDG_DIAG_EMIT_H
#define CDG_DIAG_EMIT_H

#include "alloc.h"
#include "diag.h"
#include "source.h"

/* An empty list whose diagnostics live in arena a. */
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
/* Attaches a note composed by the caller, as written in the sources
 * (message) and in the user's language (text). */
void cdg_diag_note_text(cdg_diags *d, cdg_diag *to, cdg_source *src, cdg_span span,
                        const char *message, const char *text);
/* Sorts by file position (emission order breaks ties). */
void cdg_diags_sort(cdg_diags *d);

#endif
