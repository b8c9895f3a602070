/* cli_check.c — `cdgrules check`: validate rules files, as CI does. */
#include <string.h>
#include <strings.h>

#include "cli.h"

static const char check_help[] =
    N_("usage: cdgrules check [--werror] [--format text|json|github|sarif] [--summary] FILE...\n"
    "\n"
    "Parses and checks each rules file and reports every error and warning\n"
    "as FILE:LINE:COL diagnostics on stderr (or, on stdout, a JSON array,\n"
    "GitHub Actions annotations or a SARIF 2.1.0 log).\n"
    "\n"
    "  --werror          treat warnings as errors (exit 1)\n"
    "  --format FORMAT   text (default), json, github or sarif\n"
    "  --summary         on success, print what the file declares\n"
    "  --color=WHEN      auto (default), always or never\n"
    "\n"
    "Exit status: 0 no error, 1 errors (or warnings with --werror), 2 usage\n"
    "or I/O error.\n");

/* One line of counts: what the offer is made of. */
static void print_summary(const cdg_unit *u)
{
    const cdg_model *m = u->model;
    printf("%s: offre '%s' (%s): %u categories, %u strates, %u rubriques, %u services, "
           "%u forfaits, %u options, %u exemples\n",
           u->src->name, m->id ? m->id : "?", m->libelle ? m->libelle : "", m->ncategories,
           m->nstrates, m->nrubriques, m->nservices, m->nforfaits, m->noptions, m->nexemples);
}

int cli_check(int argc, char **argv, cli_env *env)
{
    enum { TEXT, JSON, GITHUB, SARIF } format = TEXT;
    bool werror = false, summary = false;
    int nfiles = 0;
    for (int i = 1; i < argc; i++) {
        const char *v;
        int r;
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            fputs(_(check_help), stdout);
            return CLI_OK;
        } else if (strcmp(argv[i], "--werror") == 0)
            werror = true;
        else if (strcmp(argv[i], "--summary") == 0)
            summary = true;
        else if ((r = cli_opt_value(argc, argv, &i, "--format", &v)) != 0) {
            if (r < 0)
                return CLI_USAGE;
            if (strcasecmp(v, "json") == 0)
                format = JSON;
            else if (strcasecmp(v, "github") == 0)
                format = GITHUB;
            else if (strcasecmp(v, "sarif") == 0)
                format = SARIF;
            else if (strcasecmp(v, "text") == 0)
                format = TEXT;
            else
                return cli_usage_error("check: unknown format '%s' (expected text, json, github or sarif)", v);
        } else if (argv[i][0] == '-' && argv[i][1] != '\0')
            return cli_usage_error("check: unknown option '%s' (see 'cdgrules check --help')", argv[i]);
        else
            nfiles++;
    }
    if (nfiles == 0)
        return cli_usage_error("check: no rules file given (usage: cdgrules check FILE...)");
    if (summary && format != TEXT)
        return cli_usage_error("check: --summary goes only with --format text "
                               "(it would corrupt the machine-readable output)");

    int status = CLI_OK;
    size_t errors = 0, warnings = 0;
    cdg_json w;
    cdg_json_init(&w, stdout, format == JSON ? CDG_JSON_COMPACT : CDG_JSON_PRETTY);
    if (format == JSON)
        cdg_json_begin_array(&w, CDG_JSON_LINES_OPEN);
    else if (format == SARIF)
        cdg_sarif_begin(&w, CDGRULES_VERSION);
    for (int i = 1; i < argc; i++) {
        if (argv[i][0] == '-' && argv[i][1] != '\0') {
            if (strcmp(argv[i], "--format") == 0)
                i++;
            continue;
        }
        int st;
        cdg_unit *u = cli_load(argv[i], env, format == TEXT, &st);
        if (!u) {
            status = CLI_USAGE;
            continue;
        }
        if (format == JSON)
            cdg_diags_print_json(&w, &u->diags);
        else if (format == GITHUB)
            cdg_diags_print_github(stdout, &u->diags);
        else if (format == SARIF)
            cdg_diags_print_sarif(&w, &u->diags);
        errors += u->diags.errors;
        warnings += u->diags.warnings;
        if (summary && cdg_unit_ok(u))
            print_summary(u);
        if (st != CLI_OK && status == CLI_OK)
            status = st;
        cdg_unit_free(u);
    }
    if (format == JSON)
        cdg_json_end(&w);
    else if (format == SARIF)
        cdg_sarif_end(&w, status != CLI_USAGE);
    else if (format == TEXT && errors && warnings) {
        /* TRANSLATORS: the start of "N errors and N warnings generated." */
        fprintf(stderr, cdg_ngettext("%zu error and ", "%zu errors and ", errors), errors);
        fprintf(stderr, cdg_ngettext("%zu warning generated.\n", "%zu warnings generated.\n", warnings),
                warnings);
    } else if (format == TEXT && errors)
        fprintf(stderr, cdg_ngettext("%zu error generated.\n", "%zu errors generated.\n", errors), errors);
    else if (format == TEXT && warnings)
        fprintf(stderr, cdg_ngettext("%zu warning generated.\n", "%zu warnings generated.\n", warnings),
                warnings);
    if (status == CLI_OK && werror && warnings)
        status = CLI_FAIL;
    return status;
}
