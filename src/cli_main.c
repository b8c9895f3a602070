/* cli_main.c — `cdgrules`: dispatches to one command per file. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

#ifndef CDG_VERSION
#define CDG_VERSION CDGRULES_VERSION
#endif

static const struct {
    const char *name;
    cli_command *run;
    const char *summary;   /* names starting with "__" are helpers for scripts, not listed */
} commands[] = {
    {"check", cli_check, N_("validate rules files (FILE:LINE:COL diagnostics)")},
    {"test", cli_test, N_("run the exemple blocks; coverage, boundary examples")},
    {"__complete", cli_complete, N_("names for shell completion and editor tests")},
    {"fmt", cli_fmt, N_("print or rewrite rules files in the canonical layout")},
    {"diff", cli_diff, N_("what changed between two editions of an offer")},
    {"dump", cli_dump, N_("regenerate the published tables (tsv, csv, md, html, json)")},
    {"strate", cli_strate, N_("the stratum of a profile (--profil commune=1200)")},
    {"query", cli_query, N_("what a forfait gives a profile, service by service")},
    {"which", cli_which, N_("the forfaits that include every needed service")},
    {"quote", cli_quote, N_("what an authority would pay: the price and the extras, to the cent")},
    {"batch", cli_batch, N_("entitlements for every row of a CSV of authorities")},
    {"lsp", cli_lsp, N_("language server for editors (diagnostics as you type)")},
    {"import", cli_import, N_("an offer's table (TSV, CSV, Markdown) into a rules file")},
};

static void print_help(FILE *out)
{
    fputs(_("usage: cdgrules [--color=auto|always|never] COMMAND [OPTIONS] FILE...\n"
          "       cdgrules --help | --version\n"
          "\n"
          "cdgrules compiles the rules of a service offer (.cdg files) and answers\n"
          "questions about it.\n"
          "\n"
          "Commands:\n"), out);
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (strncmp(commands[i].name, "__", 2) != 0)
            fprintf(out, "  %-10s %s\n", commands[i].name, _(commands[i].summary));
    fputs(_("\n'cdgrules help COMMAND' or 'cdgrules COMMAND --help' describes a command.\n"
            "Exit status: 0 success, 1 rule errors or failed checks, 2 usage or I/O error.\n"), out);
}

/* The command named name (listed or helper), or NULL. */
static size_t find_command(const char *name)
{
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (strcmp(name, commands[i].name) == 0)
            return i;
    return (size_t)-1;
}

/* An unknown command: the usage error, with the closest listed command
 * when one is a likely typo ("chek" -> "check"). */
static int unknown_command(const char *name)
{
    const char *names[sizeof commands / sizeof commands[0]];
    size_t n = 0;
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (strncmp(commands[i].name, "__", 2) != 0)
            names[n++] = commands[i].name;
    const char *close = cdg_suggest(name, names, n);
    if (close)
        return cli_usage_error("unknown command '%s'; did you mean '%s'? (see 'cdgrules --help')",
                               name, close);
    return cli_usage_error("unknown command '%s' (see 'cdgrules --help')", name);
}

/* `cdgrules help [COMMAND]`: the general help, or exactly what
 * `cdgrules COMMAND --help` prints (the command prints it itself). */
static int help_command(int argc, char **argv, cli_env *env)
{
    if (argc < 3) {
        print_help(stdout);
        return CLI_OK;
    }
    if (argc > 3)
        return cli_usage_error("help: one command at a time (usage: cdgrules help COMMAND)");
    size_t c = find_command(argv[2]);
    if (c == (size_t)-1 || strncmp(argv[2], "__", 2) == 0)
        return unknown_command(argv[2]);
    char *args[] = {argv[2], (char *)"--help", NULL};
    return commands[c].run(2, args, env);
}

/* Colour by default only on a terminal, and never with NO_COLOR set. */
static bool default_color(void)
{
    const char *no = getenv("NO_COLOR");
    if (no && *no)
        return false;
    const char *term = getenv("TERM");
    if (term && strcmp(term, "dumb") == 0)
        return false;
    return isatty(STDERR_FILENO);
}

/* rc, unless what was printed on stdout could not be written (a full
 * disk, a closed pipe): then an I/O error, never a silent success. */
static int flushed(int rc)
{
    if (fflush(stdout) != 0 || ferror(stdout))
        return cli_usage_error("error writing the output");
    return rc;
}

int main(int argc, char **argv)
{
    cdg_i18n_init();
    cli_env env = {.color = default_color(), .memctl = {.fail_at = -1}};
    const char *fail = getenv("CDGRULES_FAIL_ALLOC");
    if (fail && *fail)
        env.memctl.fail_at = strtol(fail, NULL, 10);
    if (!cli_take_color_options(&argc, argv, &env, env.color))
        return CLI_USAGE;
    if (argc < 2) {
        print_help(stderr);
        return CLI_USAGE;
    }
    if (strcmp(argv[1], "help") == 0)
        return flushed(help_command(argc, argv, &env));
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        print_help(stdout);
        return flushed(CLI_OK);
    }
    if (strcmp(argv[1], "--version") == 0) {
        printf("cdgrules %s\n", CDG_VERSION);
        return flushed(CLI_OK);
    }
    size_t c = find_command(argv[1]);
    if (c == (size_t)-1)
        return unknown_command(argv[1]);
    return flushed(commands[c].run(argc - 1, argv + 1, &env));
}
