/* cli_diff.c — `cdgrules diff`: what changed between two editions. */
#include <string.h>
#include <strings.h>

#include "cli.h"

static const char diff_help[] =
    N_("usage: cdgrules diff OLD NEW [--format text|md|json]\n"
    "\n"
    "Compares two editions of an offer by meaning, not by text: services,\n"
    "strata, forfaits and options are matched by id, so reordering or\n"
    "reformatting alone is no change. Reports what was added, removed or\n"
    "renamed, status and quantity changes per forfait, service and stratum,\n"
    "moved strata bounds (and the example profiles that change stratum),\n"
    "option pricing and availability, and published wordings.\n"
    "\n"
    "  --format FORMAT   text (default: one change per line), md (a changelog\n"
    "                    for the yearly deliberation) or json (for CI)\n"
    "  --color=WHEN      auto (default), always or never (diagnostics)\n"
    "\n"
    "Both files must pass 'cdgrules check': a file with errors gets its\n"
    "diagnostics and exit status 2.\n"
    "Exit status: 0 the offers are equivalent, 1 they differ, 2 usage or I/O\n"
    "error, or a file with errors.\n");

/* The table of formats, the first the default: adding one is a printer
 * (diff_stream.h) and one line here. */
static const struct diff_format {
    const char *name;
    cdg_diff_format format;
} formats[] = {
    {"text", CDG_DIFF_TEXT},
    {"md", CDG_DIFF_MD},
    {"json", CDG_DIFF_JSON},
};
#define NFORMATS (sizeof formats / sizeof formats[0])

/* Loads one edition; NULL (reported) when it cannot be compared. */
static cdg_unit *load_edition(const char *path, cli_env *env)
{
    int st;
    cdg_unit *u = cli_load(path, env, true, &st);
    if (u && st != CLI_OK) {
        fprintf(stderr, _("cdgrules: diff: %s has errors; fix them first (cdgrules check)\n"), path);
        cdg_unit_free(u);
        return NULL;
    }
    return u;
}

/* Compares two loaded editions and prints the changes; returns the exit
 * status (allocation failures unwind here). */
static int compare(cdg_unit *old, cdg_unit *new_, const char *const files[2],
                   const struct diff_format *format, cli_env *env)
{
    cdg_arena *scratch = cdg_arena_new(&env->memctl);
    if (!scratch)
        return cli_usage_error("diff: out of memory");
    jmp_buf oom;
    if (setjmp(oom)) {
        cdg_arena_free(scratch);
        return cli_usage_error("diff: out of memory");
    }
    cdg_arena_catch(scratch, &oom);
    /* Each change is printed as it is found: two unrelated offers differ
     * in more words than the files hold. JSON has the sources' words,
     * text and Markdown the run's language. */
    cdg_diff_printer p;
    cdg_diff_printer_begin(&p, stdout, format->format, old->model, new_->model, files[0], files[1]);
    size_t count = cdg_diff_each(scratch, old->model, new_->model, format->format != CDG_DIFF_JSON,
                                 cdg_diff_printer_change, &p);
    cdg_diff_printer_end(&p, count);
    cdg_arena_catch(scratch, NULL);
    cdg_arena_free(scratch);
    return count ? CLI_FAIL : CLI_OK;
}

int cli_diff(int argc, char **argv, cli_env *env)
{
    const struct diff_format *format = &formats[0];
    const char *files[2];
    int nfiles = 0;
    for (int i = 1; i < argc; i++) {
        const char *v;
        int r;
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            fputs(_(diff_help), stdout);
            return CLI_OK;
        } else if ((r = cli_opt_value(argc, argv, &i, "--format", &v)) != 0) {
            if (r < 0)
                return CLI_USAGE;
            format = NULL;
            const char *names[NFORMATS];
            for (size_t f = 0; f < NFORMATS; f++) {
                names[f] = formats[f].name;
                if (strcasecmp(v, formats[f].name) == 0)
                    format = &formats[f];
            }
            if (!format) {
                char list[256];
                return cli_usage_error("diff: unknown format '%s' (expected %s)", v,
                                       cli_join_names(list, sizeof list, names, NFORMATS));
            }
        } else if (argv[i][0] == '-' && argv[i][1] != '\0')
            return cli_usage_error("diff: unknown option '%s' (see 'cdgrules diff --help')", argv[i]);
        else if (nfiles == 2)
            return cli_usage_error("diff: too many files (usage: cdgrules diff OLD NEW)");
        else
            files[nfiles++] = argv[i];
    }
    if (nfiles != 2)
        return cli_usage_error("diff: two rules files needed (usage: cdgrules diff OLD NEW)");
    if (strcmp(files[0], "-") == 0 && strcmp(files[1], "-") == 0)
        return cli_usage_error("diff: standard input can be only one of the two files");

    cdg_unit *old = load_edition(files[0], env);
    cdg_unit *new_ = load_edition(files[1], env);
    int status = old && new_ ? compare(old, new_, files, format, env) : CLI_USAGE;
    cdg_unit_free(old);
    cdg_unit_free(new_);
    return status;
}
