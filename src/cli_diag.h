/* cli_diag.h — the --format option of `check` and `test`, read from the
 * table of diagnostics formats (diag_format.h): the value parsed, the
 * lists their help shows, a run started on stdout and stderr. */
#ifndef CDG_CLI_DIAG_H
#define CDG_CLI_DIAG_H

#include <stdbool.h>
#include <stddef.h>

#include "cli.h"
#include "diag_format.h"

/* The format called value (any case) that command (CDG_DIAG_CHECK or
 * CDG_DIAG_TEST) offers; NULL after the usage error "cmd: unknown format
 * 'xml' (expected text, json, github or sarif)". */
const cdg_diag_format *cli_diag_format(const char *cmd, unsigned command, const char *value);

/* The names of the formats command offers for a usage line:
 * "text|json|github|sarif". Returns buf. */
const char *cli_diag_format_names(char *buf, size_t cap, unsigned command);

/* The formats command offers for an option's description: "text
 * (default), json, github or sarif", or with their help, "text (default),
 * github (annotations on stdout) or sarif (…)". A line that would pass
 * column 79 is broken before the next format and continued at column
 * indent. Returns buf. */
const char *cli_diag_format_list(char *buf, size_t cap, unsigned command, bool with_help,
                                 size_t indent);

/* Fills run for format f on stdout and stderr, in env's colours, and
 * calls the format's begin. */
void cli_diag_run_begin(cdg_diag_run *run, const cdg_diag_format *f, const cli_env *env);

#endif
