/* cli_check.c — `cdgrules check`: validate rules files, as CI does. */
#include <string.h>

#include "cli.h"

/* The help; the formats (usage line, then --format) come from the table. */
static const char check_help[] =
    N_("usage: cdgrules check [--werror] [--format %s] [--summary] FILE...\n"
    "\n"
    "Parses and checks each rules file and reports every error and warning\n"
    "as FILE:LINE:COL diagnostics on stderr (or, on stdout, a JSON array,\n"
    "GitHub Actions annotations or a SARIF 2.1.0 log).\n"
    "\n"
    "  --werror          treat warnings as errors (exit 1)\n"
    "  --format FORMAT   %s\n"
    "  --summary         on success, print what the file declares\n"
    "  --color=WHEN      auto (default), always or never\n"
    "\n"
    "Exit status: 0 no error, 1 errors (or warnings with --werror), 2 usage\n"
    "or I/O error.\n");

/* Prints the help, with the formats check offers. */
static void print_help(void)
{
    char names[256], list[512];
    printf(_(check_help), cli_diag_format_names(names, sizeof names, CDG_DIAG_CHECK),
           cli_diag_format_list(list, sizeof list, CDG_DIAG_CHECK, false, 20));
}

/* One line of counts: what the offer is made of, in the run's language. */
static void print_summary(const cdg_unit *u)
{
    const cdg_model *m = u->model;
    const unsigned n[] = {m->ncategories, m->nstrates, m->nrubriques, m->nservices,
                          m->nforfaits,   m->noptions, m->nexemples};
    const char *fmt[] = {
        cdg_ngettext("%u category", "%u categories", n[0]),
        cdg_ngettext("%u stratum", "%u strata", n[1]),
        cdg_ngettext("%u section", "%u sections", n[2]),
        cdg_ngettext("%u service", "%u services", n[3]),
        cdg_ngettext("%u forfait", "%u forfaits", n[4]),
        cdg_ngettext("%u option", "%u options", n[5]),
        cdg_ngettext("%u example", "%u examples", n[6]),
    };
    printf(_("%s: offer '%s' (%s): "), u->src->name, m->id ? m->id : "?", m->libelle ? m->libelle : "");
    for (size_t i = 0; i < sizeof n / sizeof n[0]; i++) {
        fputs(i ? ", " : "", stdout);
        printf(fmt[i], n[i]);
    }
    putchar('\n');
}

/* The closing line for people: "2 errors and 1 warning generated." */
static void print_counts(size_t errors, size_t warnings)
{
    if (errors && warnings) {
        /* TRANSLATORS: the start of "N errors and N warnings generated." */
        fprintf(stderr, cdg_ngettext("%zu error and ", "%zu errors and ", errors), errors);
        fprintf(stderr, cdg_ngettext("%zu warning generated.\n", "%zu warnings generated.\n", warnings),
                warnings);
    } else if (errors)
        fprintf(stderr, cdg_ngettext("%zu error generated.\n", "%zu errors generated.\n", errors), errors);
    else if (warnings)
        fprintf(stderr, cdg_ngettext("%zu warning generated.\n", "%zu warnings generated.\n", warnings),
                warnings);
}

int cli_check(int argc, char **argv, cli_env *env)
{
    const cdg_diag_format *format = cdg_diag_format_at(0);
    bool werror = false, summary = false;
    int nfiles = 0;
    for (int i = 1; i < argc; i++) {
        const char *v;
        int r;
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            print_help();
            return CLI_OK;
        } else if (strcmp(argv[i], "--werror") == 0)
            werror = true;
        else if (strcmp(argv[i], "--summary") == 0)
            summary = true;
        else if ((r = cli_opt_value(argc, argv, &i, "--format", &v)) != 0) {
            if (r < 0 || !(format = cli_diag_format("check", CDG_DIAG_CHECK, v)))
                return CLI_USAGE;
        } else if (argv[i][0] == '-' && argv[i][1] != '\0')
            return cli_usage_error("check: unknown option '%s' (see 'cdgrules check --help')", argv[i]);
        else
            nfiles++;
    }
    if (nfiles == 0)
        return cli_usage_error("check: no rules file given (usage: cdgrules check FILE...)");
    if (summary && format->output != CDG_DIAG_STDERR)
        return cli_usage_error("check: --summary goes only with --format text "
                               "(it would corrupt the machine-readable output)");

    int status = CLI_OK;
    size_t errors = 0, warnings = 0;
    cdg_diag_run run;
    cli_diag_run_begin(&run, format, env);
    for (int i = 1; i < argc; i++) {
        if (argv[i][0] == '-' && argv[i][1] != '\0') {
            if (strcmp(argv[i], "--format") == 0)
                i++;
            continue;
        }
        int st;
        cdg_unit *u = cli_load(argv[i], env, false, &st);
        if (!u) {
            status = CLI_USAGE;
            continue;
        }
        format->file(&run, &u->diags);
        errors += u->diags.errors;
        warnings += u->diags.warnings;
        if (summary && cdg_unit_ok(u))
            print_summary(u);
        if (st != CLI_OK && status == CLI_OK)
            status = st;
        cdg_unit_free(u);
    }
    format->end(&run, status != CLI_USAGE);
    if (format->output == CDG_DIAG_STDERR)
        print_counts(errors, warnings);
    if (status == CLI_OK && werror && warnings)
        status = CLI_FAIL;
    return status;
}
