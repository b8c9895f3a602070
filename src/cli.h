/* cli.h — what the command-line front end's commands share: the run's
 * settings, option parsing helpers, loading a file with its diagnostics
 * printed. One file per command (cli_check.c, …); cli_main.c dispatches. */
#ifndef CDG_CLI_H
#define CDG_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "arena.h"
#include "diag.h"
#include "unit.h"

/* Exit statuses of every command. */
enum { CLI_OK = 0, CLI_FAIL = 1, CLI_USAGE = 2 };

typedef struct cli_env {
    bool color;          /* colour diagnostics on stderr */
    cdg_memctl memctl;   /* allocation failure injection (CDGRULES_FAIL_ALLOC) */
} cli_env;

/* A command: argv[0] is the command name. Returns the exit status. */
typedef int cli_command(int argc, char **argv, cli_env *env);

cli_command cli_check;

/* Prints "cdgrules: message" on stderr; returns CLI_USAGE. */
int cli_usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Matches option name at argv[*i] ("--name VALUE" or "--name=VALUE"),
 * advancing *i past its value. Returns 1 when matched, 0 when not, -1 when
 * the value is missing (already reported). */
int cli_opt_value(int argc, char **argv, int *i, const char *name, const char **value);

/* Whether the --color=WHEN option at argv[i] was recognised and applied. */
bool cli_opt_color(const char *arg, cli_env *env);

/* Loads path and prints its diagnostics (text) on stderr. Returns the unit
 * (free with cdg_unit_free) or NULL after an I/O or memory error, which
 * is reported. *status receives CLI_OK, CLI_FAIL (rule errors) or
 * CLI_USAGE (I/O). */
cdg_unit *cli_load(const char *path, cli_env *env, bool print_diags, int *status);

#endif
