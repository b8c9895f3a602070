/* diff_stream.h — the changes of `cdgrules diff` printed as they are
 * found, never held all at once (not installed: the CLI's).
 *
 * Two unrelated offers of 10 MB differ in ~760,000 cells: 100 MB of
 * words, 29x the files when held as a list (cdg_diff). Streamed, diff
 * holds one change and at most about 1 MB of words. */
#ifndef CDG_DIFF_STREAM_H
#define CDG_DIFF_STREAM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "diff.h"
#include "json.h"

/* Receives one change; it and its words are valid during the call only.
 * Its subject_text, before_text and after_text are its subject, before
 * and after. */
typedef void (*cdg_change_sink)(void *ctx, const cdg_change *c);

/* The changes of cdg_diff, in its order, worded for people (people) or
 * as in the sources (for JSON), each handed to sink; returns their
 * number. Tables in arena a, words in arenas of its own. */
size_t cdg_diff_each(cdg_arena *a, const cdg_model *old, const cdg_model *new_, bool people,
                     cdg_change_sink sink, void *ctx);

typedef enum { CDG_DIFF_TEXT, CDG_DIFF_MD, CDG_DIFF_JSON } cdg_diff_format;

/* A printer of changes met one at a time: begin, change per change (a
 * cdg_change_sink), end. The output is that of cdg_diff_print_text, _md
 * or _json over the same changes. */
typedef struct cdg_diff_printer {
    FILE *out;
    cdg_diff_format format;
    const cdg_model *old, *new_;
    const char *old_name, *new_name;
    const char *section;   /* md: the section of the last change */
    bool started;          /* json: the head is written */
    cdg_json w;
} cdg_diff_printer;

void cdg_diff_printer_begin(cdg_diff_printer *p, FILE *out, cdg_diff_format format, const cdg_model *old,
                            const cdg_model *new_, const char *old_name, const char *new_name);
void cdg_diff_printer_change(void *p, const cdg_change *c);
/* count: how many changes were printed. */
void cdg_diff_printer_end(cdg_diff_printer *p, size_t count);

#endif
