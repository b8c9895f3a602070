/* cli_test.c — `cdgrules test`: runs the exemple blocks of rules files
 * (CI proves the offer still gives what the managers pinned), reports
 * their coverage of the offer's cells, and generates boundary examples. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* The help; the formats (usage line, then --format) come from the table. */
static const char test_help[] =
    N_("usage: cdgrules test [--coverage] [--min-coverage P] [--format %s]\n"
    "                     [--verbose] FILE...\n"
    "       cdgrules test --generate-boundaries FILE\n"
    "\n"
    "Evaluates every 'exemple' block of each rules file. Each expectation that\n"
    "does not hold is reported at its FILE:LINE:COL with the expected and the\n"
    "actual answer, and notes saying where the answer comes from. The last\n"
    "line is 'N passed, N failed' (examples: one passes when every one of its\n"
    "expectations holds).\n"
    "\n"
    "  --coverage             list the forfait x service x stratum cells no\n"
    "                         example exercises, and the share covered; when\n"
    "                         forfaits are priced, the forfait x stratum prices\n"
    "                         no 'prix' or 'devis' expectation checks\n"
    "  --min-coverage P       fail (exit 1) when a file's share is below P\n"
    "                         percent (0 to 100)\n"
    "  --format FORMAT        %s\n"
    "  --verbose              name each example with PASS or FAIL\n"
    "  --generate-boundaries  print, in the canonical layout, an exemple for\n"
    "                         each forfait on both sides of every stratum\n"
    "                         boundary, filled with today's answers\n"
    "  --color=WHEN           auto (default), always or never\n"
    "\n"
    "Exit status: 0 every example passed (and the coverage is reached), 1 a\n"
    "failed example, rule errors or coverage below P, 2 usage or I/O error.\n");

/* Prints the help, with the formats test offers and their help. */
static void print_help(void)
{
    char names[256], list[1024];
    printf(_(test_help), cli_diag_format_names(names, sizeof names, CDG_DIAG_TEST),
           cli_diag_format_list(list, sizeof list, CDG_DIAG_TEST, true, 25));
}

/* The options of the run, as given on the command line. */
typedef struct test_args {
    const char **files;
    int nfiles;
    bool coverage, verbose, boundaries;
    bool has_min;
    double min;
    const cdg_diag_format *format;
} test_args;

/* Parses "80", "92.5": a percentage from 0 to 100. */
static bool parse_percent(const char *s, double *out)
{
    char *end;
    if (!*s || (*s < '0' || *s > '9'))
        return false;
    double v = strtod(s, &end);
    if (*end != '\0' || v < 0 || v > 100)
        return false;
    *out = v;
    return true;
}

/* Parses the command line into t; CLI_OK, -1 after --help, or the exit
 * status of a usage error. */
static int parse_args(int argc, char **argv, test_args *t)
{
    for (int i = 1; i < argc; i++) {
        const char *v;
        int r;
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            print_help();
            return -1;
        } else if (strcmp(argv[i], "--coverage") == 0)
            t->coverage = true;
        else if (strcmp(argv[i], "--verbose") == 0 || strcmp(argv[i], "-v") == 0)
            t->verbose = true;
        else if (strcmp(argv[i], "--generate-boundaries") == 0)
            t->boundaries = true;
        else if ((r = cli_opt_value(argc, argv, &i, "--min-coverage", &v)) != 0) {
            if (r < 0)
                return CLI_USAGE;
            if (!parse_percent(v, &t->min))
                return cli_usage_error("test: --min-coverage needs a percentage from 0 to 100, not '%s'", v);
            t->has_min = true;
        } else if ((r = cli_opt_value(argc, argv, &i, "--format", &v)) != 0) {
            if (r < 0 || !(t->format = cli_diag_format("test", CDG_DIAG_TEST, v)))
                return CLI_USAGE;
        } else if (argv[i][0] == '-' && argv[i][1] != '\0')
            return cli_usage_error("test: unknown option '%s' (see 'cdgrules test --help')", argv[i]);
        else
            t->files[t->nfiles++] = argv[i];
    }
    if (t->nfiles == 0)
        return cli_usage_error("test: no rules file given (usage: cdgrules test FILE...)");
    if (t->boundaries && (t->coverage || t->has_min || t->verbose || t->format != cdg_diag_format_at(0)))
        return cli_usage_error("test: --generate-boundaries prints examples and runs nothing; "
                               "it takes no other option");
    if (t->boundaries && t->nfiles > 1)
        return cli_usage_error("test: --generate-boundaries takes one rules file");
    if (t->format->output == CDG_DIAG_DOCUMENT && (t->coverage || t->verbose))
        return cli_usage_error("test: --coverage and --verbose go with --format text or github "
                               "(they would corrupt the SARIF log)");
    return CLI_OK;
}

/* The strata of forfait f, service s not covered, or NULL when all are
 * covered; "every stratum" (translated) when none is. */
static const char *uncovered_strata(const cdg_model *m, const cdg_couverture *c, unsigned f,
                                    unsigned s, cdg_arena *a)
{
    cdg_buf b;
    cdg_buf_init(&b, a);
    unsigned n = 0;
    for (unsigned k = 0; k < m->nstrates; k++)
        if (!c->cells[cdg_couverture_index(m, f, s, k)]) {
            cdg_buf_printf(&b, "%s%s", n ? " " : "", m->strates[k].id);
            n++;
        }
    if (n == 0)
        return NULL;
    return n == m->nstrates && n > 1 ? _("every stratum") : cdg_buf_str(&b);
}

/* The priced cells no example checks, by forfait: the strata whose price
 * no `prix` or `devis` expectation checks. */
static void print_uncovered_prices(const cdg_model *m, const cdg_couverture *c, cdg_arena *a)
{
    if (c->prix_covered == c->prix_total)
        return;
    fputs(_("prices no example checks:\n"), stdout);
    for (unsigned f = 0; f < m->nforfaits; f++) {
        if (!m->forfaits[f].prix)
            continue;
        cdg_buf b;
        cdg_buf_init(&b, a);
        unsigned n = 0;
        for (unsigned k = 0; k < m->nstrates; k++)
            if (!c->prix_cells[(size_t)f * m->nstrates + k])
                cdg_buf_printf(&b, "%s%s", n++ ? " " : "", m->strates[k].id);
        if (n)
            printf("  %-20s %s\n", m->forfaits[f].id, n == m->nstrates && n > 1 ? _("every stratum") : cdg_buf_str(&b));
    }
}

/* The coverage report of one file: the share, then the cells no example
 * exercises, by forfait then service. */
static void print_coverage(const cdg_unit *u, const cdg_couverture *c, bool details)
{
    const cdg_model *m = u->model;
    char pct[CDG_NUM_TEXT_MAX], n1[CDG_NUM_TEXT_MAX], n2[CDG_NUM_TEXT_MAX];
    printf(cdg_ngettext("%s: coverage %s (%s of %s forfait × service × stratum cells, exercised by %u example)\n",
                        "%s: coverage %s (%s of %s forfait × service × stratum cells, exercised by %u examples)\n",
                        m->nexemples),
           u->src->name, cdg_percent_text(cdg_couverture_percent(c), pct, sizeof pct),
           cdg_num_text((int64_t)c->covered, n1, sizeof n1), cdg_num_text((int64_t)c->total, n2, sizeof n2),
           m->nexemples);
    if (c->prix_total) {
        char n3[CDG_NUM_TEXT_MAX];
        printf(_("%s: price coverage %s (%s of %s forfait × stratum prices checked by a prix or devis expectation)\n"),
               u->src->name,
               cdg_percent_text(c->prix_total ? 100.0 * (double)c->prix_covered / (double)c->prix_total : 100.0,
                                pct, sizeof pct),
               cdg_num_text((int64_t)c->prix_covered, n1, sizeof n1), cdg_num_text((int64_t)c->prix_total, n3, sizeof n3));
    }
    if (!details)
        return;
    print_uncovered_prices(m, c, u->arena);
    if (c->covered == c->total)
        return;
    fputs(_("cells no example exercises:\n"), stdout);
    for (unsigned f = 0; f < m->nforfaits; f++) {
        bool header = false;
        for (unsigned s = 0; s < m->nservices; s++) {
            const char *ks = uncovered_strata(m, c, f, s, u->arena);
            if (!ks)
                continue;
            if (!header)
                printf("  %s (%s)\n", m->forfaits[f].libelle, m->forfaits[f].id);
            header = true;
            printf("    %-20s %s\n", m->services[s].id, ks);
        }
    }
}

/* Runs the examples of one loaded file, their failures written to run;
 * adds to the totals; returns the file's exit status. */
static int test_unit(cdg_unit *u, const test_args *t, cdg_diag_run *run, unsigned *passed,
                     unsigned *failed)
{
    cdg_diags d;
    cdg_diags_init(&d, u->arena);
    cdg_exemples_result r;
    cdg_exemples_run(u->model, u->ast, &d, &r);
    cdg_diags_sort(&d);
    run->format->file(run, &d);
    if (u->model->nexemples == 0)
        fprintf(stderr, _("cdgrules: test: %s: no exemple block to run\n"), u->src->name);
    if (t->verbose)
        for (unsigned i = 0; i < u->model->nexemples; i++)
            printf("%s  %s\n", r.ok[i] ? "PASS" : "FAIL", u->model->exemples[i].libelle);
    *passed += r.passed;
    *failed += r.failed;
    int status = r.failed ? CLI_FAIL : CLI_OK;
    if (t->coverage || t->has_min) {
        cdg_couverture c;
        cdg_exemples_coverage(u->model, u->arena, &c);
        if (t->format->output != CDG_DIAG_DOCUMENT)
            print_coverage(u, &c, t->coverage);
        if (t->has_min && cdg_couverture_percent(&c) < t->min) {
            char got[CDG_NUM_TEXT_MAX], min[CDG_NUM_TEXT_MAX];
            fprintf(stderr, _("cdgrules: test: %s: coverage %s is below the minimum %s\n"), u->src->name,
                    cdg_percent_text(cdg_couverture_percent(&c), got, sizeof got),
                    cdg_percent_text(t->min, min, sizeof min));
            status = CLI_FAIL;
        }
    }
    return status;
}

/* --generate-boundaries: the examples of one file on stdout. */
static int generate(const char *file, cli_env *env)
{
    int status;
    cdg_unit *u = cli_load_rules(file, env, &status);
    if (!u)
        return status;
    fputs(cdg_exemples_boundaries(u->model, u->arena), stdout);
    cdg_unit_free(u);
    return CLI_OK;
}

/* `test`: parse, then run each file's examples; the totals last. */
int cli_test(int argc, char **argv, cli_env *env)
{
    const char *files[argc > 0 ? argc : 1];
    test_args t = {.files = files, .format = cdg_diag_format_at(0)};
    int st = parse_args(argc, argv, &t);
    if (st != CLI_OK)
        return st < 0 ? CLI_OK : st;
    if (t.boundaries)
        return generate(t.files[0], env);

    int status = CLI_OK;
    unsigned passed = 0, failed = 0;
    cdg_diag_run run;
    cli_diag_run_begin(&run, t.format, env);
    for (int i = 0; i < t.nfiles; i++) {
        int fst;
        cdg_unit *u = cli_load(t.files[i], env, false, &fst);
        if (!u) {
            status = CLI_USAGE;
            continue;
        }
        if (!cdg_unit_ok(u)) {
            t.format->file(&run, &u->diags);
            fprintf(stderr, _("cdgrules: test: %s: the rules have errors; no example was run\n"),
                    t.files[i]);
            if (status == CLI_OK)
                status = CLI_FAIL;
            cdg_unit_free(u);
            continue;
        }
        fst = test_unit(u, &t, &run, &passed, &failed);
        if (fst != CLI_OK && status == CLI_OK)
            status = fst;
        cdg_unit_free(u);
    }
    t.format->end(&run, status != CLI_USAGE);
    /* Not translated: scripts read this line (README, "Languages"); it goes
     * to stderr when stdout holds a document. */
    fprintf(t.format->output == CDG_DIAG_DOCUMENT ? stderr : stdout, "%u passed, %u failed\n",
            passed, failed);
    return status;
}
