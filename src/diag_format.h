/* diag_format.h — the one table of diagnostics formats that `check` and
 * `test` offer (--format text|json|github|sarif): a name, a line of help
 * and three functions called around the files of a run.
 *
 *   run.format->begin(&run);              before the first file
 *   run.format->file(&run, &u->diags);    once per file read
 *   run.format->end(&run, ok);            after the last one
 *
 * Text lives in diag.c beside the printer it wraps; the formats written
 * with the JSON writer (json.h) and GitHub's annotations live in
 * diag_formats.c, which holds the table. Adding a format is its functions
 * and one line of the table. Internal: the command line links the static
 * library; nothing here is part of the public API (diag.h). */
#ifndef CDG_DIAG_FORMAT_H
#define CDG_DIAG_FORMAT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "diag.h"
#include "json.h"

/* Where a format writes, which decides what else a command may print. */
typedef enum cdg_diag_output {
    CDG_DIAG_STDERR,    /* for people, on stderr among the other messages */
    CDG_DIAG_LINES,     /* lines on stdout; other lines may follow them */
    CDG_DIAG_DOCUMENT   /* one document on stdout: nothing else may go there */
} cdg_diag_output;

/* The commands that offer a format (a set of these bits). */
enum { CDG_DIAG_CHECK = 1, CDG_DIAG_TEST = 2 };

typedef struct cdg_diag_run cdg_diag_run;

/* One line of the table. */
typedef struct cdg_diag_format {
    const char *name;          /* the --format value, matched in any case */
    const char *help;          /* one line for --help, marked N_() */
    cdg_diag_output output;
    unsigned commands;         /* CDG_DIAG_CHECK, CDG_DIAG_TEST */
    void (*begin)(cdg_diag_run *run);
    void (*file)(cdg_diag_run *run, const cdg_diags *d);
    /* ok: false when a file of the run could not be read */
    void (*end)(cdg_diag_run *run, bool ok);
} cdg_diag_format;

/* The diagnostics of one or more files in one format. The caller fills
 * every member but json, which the format's begin sets up. */
struct cdg_diag_run {
    const cdg_diag_format *format;
    FILE *out, *err;           /* stdout and stderr (buffers in tests) */
    cdg_diag_style style;      /* text: colour */
    const char *tool_version;  /* sarif: the version of cdgrules */
    cdg_json json;             /* json, sarif: the writer, across files */
};

/* Line and column of successive offsets of one file: a diagnostic's
 * column is counted from the previous one when both are on the same line
 * and in order (diagnostics are sorted), not from the line's start each
 * time: 8,000 warnings on one 1 MB line cost 8,000 scans of it. */
typedef struct cdg_diag_cursor {
    const cdg_source *src;   /* NULL: nothing remembered */
    size_t offset;
    unsigned line, col;
} cdg_diag_cursor;

/* cdg_source_position(src, offset, line, col), faster through c. */
void cdg_diag_position(cdg_diag_cursor *c, cdg_source *src, size_t offset, unsigned *line,
                       unsigned *col);

/* The table, in --help order; the first is the default. */
size_t cdg_diag_format_count(void);
const cdg_diag_format *cdg_diag_format_at(size_t i);
/* The format called name (in any case) that command offers, or NULL. */
const cdg_diag_format *cdg_diag_format_find(const char *name, unsigned command);

/* The text format's functions (diag.c): GCC-style diagnostics on err. */
void cdg_diag_text_begin(cdg_diag_run *run);
void cdg_diag_text_file(cdg_diag_run *run, const cdg_diags *d);
void cdg_diag_text_end(cdg_diag_run *run, bool ok);

#endif
