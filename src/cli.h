/* cli.h — what the command-line front end's commands share: the run's
 * settings, option parsing helpers, loading a file with its diagnostics
 * printed. One file per command (cli_check.c, …); cli_main.c dispatches. */
#ifndef CDG_CLI_H
#define CDG_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "cdgrules.h"   /* the library's public API */
/* The library's internals the commands also use: the command line links
 * the static library, where they are visible (the shared one hides them). */
#include "alloc.h"
#include "atomicio.h"
#include "check.h"
#include "csv.h"
#include "diag_emit.h"
#include "diag_format.h"
#include "diff_stream.h"
#include "exemples.h"
#include "i18n.h"
#include "import.h"
#include "json.h"
#include "keywords.h"
#include "money.h"
#include "numfmt.h"
#include "parse.h"
#include "pourquoi.h"
#include "prix_texte.h"
#include "source_read.h"
#include "symtab.h"
#include "table.h"
#include "textdiff.h"
#include "utf8.h"

/* Translatable strings (README "Languages"), as src/nls.h marks them in
 * the library: _() translates now, N_() only marks for `make po`. */
#define _(msgid) cdg_gettext(msgid)
#define N_(msgid) msgid

/* Exit statuses of every command. */
enum { CLI_OK = 0, CLI_FAIL = 1, CLI_USAGE = 2 };

typedef struct cli_env {
    bool color;          /* colour diagnostics on stderr */
    cdg_memctl memctl;   /* allocation failure injection (CDGRULES_FAIL_ALLOC) */
} cli_env;

/* A command: argv[0] is the command name. Returns the exit status. */
typedef int cli_command(int argc, char **argv, cli_env *env);

cli_command cli_check;
cli_command cli_test;
cli_command cli_complete;   /* hidden: "__complete", for shell completion */
cli_command cli_fmt;
cli_command cli_diff;
cli_command cli_dump;
cli_command cli_strate;
cli_command cli_query;
cli_command cli_which;
cli_command cli_quote;
cli_command cli_batch;
cli_command cli_lsp;      /* the language server (lsp_server.c) */

/* `dump --communes FILE`: reads the CSV at path (',' or ';', with a
 * header): the column `nom` and the column col (a non-negative integer on
 * every row) into *out (allocated in a), their count in *n. Returns
 * CLI_OK, or CLI_USAGE after a message naming the file and line
 * (cli_communes.c). */
int cli_communes_read(const char *path, const char *col, cdg_arena *a, cdg_dump_commune **out,
                      size_t *n);
cli_command cli_import;

/* Prints "cdgrules: message" on stderr; returns CLI_USAGE. */
int cli_usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Writes names[0..n) into buf as a list for people: "md, csv or json"
 * (the last separator translated); returns buf. */
const char *cli_join_names(char *buf, size_t cap, const char *const names[], size_t n);

/* Matches option name at argv[*i] ("--name VALUE" or "--name=VALUE"),
 * advancing *i past its value. Returns 1 when matched, 0 when not, -1 when
 * the value is missing (already reported). */
int cli_opt_value(int argc, char **argv, int *i, const char *name, const char **value);

/* An option in a command's table for cli_parse_options: a flag (sets
 * *flag), a value given at most once (*once; twice is a usage error), or
 * a value that may be repeated (list[(*n)++]: room for argc values). */
typedef struct cli_option {
    const char *name;
    bool *flag;
    const char **once;
    const char **list;
    int *n;
} cli_option;

/* Reads the command line of command cmd (argv[1..argc)): -h or --help
 * prints help on stdout; the options of opts[0..nopts); up to nfiles
 * positional arguments into files[0..nfiles) in order. More is a usage
 * error: "more than one rules file" when nfiles is 1, else too_many (a
 * format taking the extra argument). Returns CLI_OK, -1 after the help,
 * or CLI_USAGE after its message. One parser for query, quote, which and
 * batch: the same option gives the same message in every command. */
int cli_parse_options(const char *cmd, const char *help, int argc, char **argv,
                      const cli_option *opts, size_t nopts, const char **files, int nfiles,
                      const char *too_many);

/* The year of --annee v of command cmd: *premiere is true for
 * "premiere", false for "suivantes" or no --annee (v NULL). False after a
 * usage error naming the two words. */
bool cli_annee(const char *cmd, const char *v, bool *premiere);


/* Applies and removes every --color[=WHEN] argument of argv (up to "--"),
 * so that it is a global option of every command; auto_color is the
 * colour choice for "auto". False after a usage error (bad WHEN). */
bool cli_take_color_options(int *argc, char **argv, cli_env *env, bool auto_color);

/* The width text tables should fit in when printed to out: $COLUMNS when
 * set (20..10000), else the terminal's width, else 0 (not a terminal: no
 * limit). Commands with wide tables (query, dump) wrap or shorten cells to
 * it. */
unsigned cli_terminal_width(FILE *out);

/* Loads path and prints its diagnostics (text) on stderr. Returns the unit
 * (free with cdg_unit_free) or NULL after an I/O or memory error, which
 * is reported. *status receives CLI_OK, CLI_FAIL (rule errors) or
 * CLI_USAGE (I/O). */
cdg_unit *cli_load(const char *path, cli_env *env, bool print_diags, int *status);

/* Entitlement commands (cli_profile.c). Loads a rules file quietly: its
 * diagnostics are printed only when it has errors (then NULL, CLI_FAIL). */
cdg_unit *cli_load_rules(const char *path, cli_env *env, int *status);
/* --profil, --forfait, --service values; on failure the usage error is
 * printed (prefixed by cmd) and false/NULL returned. */
bool cli_profil(const char *cmd, const cdg_model *m, const char *text, cdg_profil *p);
const cdg_forfait *cli_forfait(const char *cmd, const cdg_model *m, const char *name);
const cdg_service *cli_service(const char *cmd, const cdg_model *m, const char *name);
/* A --service value that may also name an option: the service when one
 * matches (*o NULL), else the option (*s NULL); false after the usage
 * error (suggesting among both). */
bool cli_service_or_option(const char *cmd, const cdg_model *m, const char *name,
                           const cdg_service **s, const cdg_option **o);
/* The stratum of p, or NULL after printing that none matches (exit 1). */
const cdg_strate *cli_strate_of(const char *cmd, const cdg_model *m, const cdg_profil *p);

/* Prices (cli_prix.c): a forfait's annual price and quotes, computed by
 * devis.h exactly as `quote` prints them. */
/* A --besoin value "S=N": N units of counted service S, or N days of
 * option S priced per day; false after the usage error (prefixed by
 * cmd). */
bool cli_parse_need(const char *cmd, const cdg_model *m, const char *text, cdg_besoin *out);
/* What forfait f costs profile p (stratum k) for one year, with the needs
 * besoins (NULL: none): the quote (devis.h) and its forfait line. */
typedef struct cli_prix_an {
    cdg_devis devis;
    bool chiffre;          /* the forfait's own price gives an amount */
    const char *formule;   /* the forfait line's formula, or why it has none */
    const char *formule_fr; /* the same in French whatever the run's language (JSON) */
} cli_prix_an;
/* Computes it; false after printing the message of an overflow (or a need
 * stated twice) on stderr, prefixed by cmd. */
bool cli_prix_annuel(const char *cmd, const cdg_model *m, const cdg_forfait *f, const cdg_strate *k,
                     const cdg_profil *p, const cdg_besoin *besoins, bool premiere, cdg_arena *a,
                     cli_prix_an *out);
/* Whether some forfait of m states a price (commands then speak of prices). */
bool cli_forfaits_priced(const cdg_model *m);
/* Whether forfait f's first-year price differs from the following years'. */
bool cli_prix_premiere_differe(const cdg_forfait *f);
/* Writes "key": {"chiffre", "montant" (money or null), "formule"} for one year. */
void cli_prix_json(cdg_json *j, const char *key, const cli_prix_an *y);

/* --why (cli_profile.c): writes the member "pourquoi": [{"texte", "lieu",
 * "ligne", "colonne"}] of the steps r; prints each step on its own line as
 * "INDENT texte (FILE:LINE:COL)". */
void cli_why_json(cdg_json *j, cdg_source *src, const cdg_raison *r, cdg_arena *a);
void cli_why_text(FILE *out, cdg_source *src, const cdg_raison *r, const char *indent, cdg_arena *a);
/* Writes "key": {"id", "libelle"}. */
void cli_json_named(cdg_json *j, const char *key, const char *id, const char *libelle);

/* The --format option of check and test (cli_diag.c), read from the
 * table of diagnostics formats (diag_format.h).
 * The format called value (any case) that command (CDG_DIAG_CHECK or
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
