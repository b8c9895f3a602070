/* cli_dump.c — `cdgrules dump`: the published tables (TSV, CSV, Markdown,
 * HTML) or the whole model (JSON), regenerated from a rules file. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* The help, around the table of formats (its lines come from dump.c). */
static const char dump_help_head[] =
    N_("usage: cdgrules dump FILE [--table forfaits|strates|options|tarifs|all]\n"
    "                          [--format %s] [--bom] [-o OUT]\n"
    "                          [--communes FILE.csv [--communes-mesure COL]]\n"
    "\n"
    "Regenerates the published offer from a rules file, in declaration order:\n"
    "table 1 (services x forfaits), table 2 (quantities per stratum) and\n"
    "table 3 (options x forfaits), and when forfaits are priced the tariff\n"
    "(prices x strata). A file with errors is not dumped.\n"
    "\n"
    "  --table TABLE     forfaits, strates, options, tarifs or all (default)\n"
    "  --format FORMAT   one of the formats below, in any case; without it,\n"
    "                    the extension of OUT (.html, .htm, .md, .csv, .tsv,\n"
    "                    .json), or tsv when OUT has none\n"
    "  --bom             csv: start with a UTF-8 byte order mark (for Excel)\n"
    "  --communes FILE   js, simulateur: a CSV of communes (columns nom and\n"
    "                    population_totale) to pick a commune by name\n"
    "  --communes-mesure COL  the column of FILE read as habitants\n"
    "  -o, --output OUT  write to OUT atomically instead of stdout\n"
    "  --color=WHEN      diagnostics colour: auto (default), always or never\n"
    "\n"
    "Formats:\n");
static const char dump_help_tail[] =
    N_("\nExit status: 0 dumped, 1 errors in the rules, 2 usage or I/O error.\n");

/* The names of the formats, in the table's order; returns their count. */
static size_t format_names(const char *names[], size_t cap)
{
    size_t n = 0;
    for (cdg_dump_format f = 0; f < cdg_dump_format_count() && n < cap; f++)
        names[n++] = cdg_dump_format_name(f);
    return n;
}

/* Prints the help, with one line per format from the table. */
static void print_help(void)
{
    char list[256] = "";
    const char *names[32];
    size_t n = format_names(names, 32);
    for (size_t i = 0, len = 0; i < n && len < sizeof list; i++)
        len += (size_t)snprintf(list + len, sizeof list - len, "%s%s", i ? "|" : "", names[i]);
    printf(_(dump_help_head), list);
    for (cdg_dump_format f = 0; f < cdg_dump_format_count(); f++)
        printf("  %-10s  %s\n", cdg_dump_format_name(f), _(cdg_dump_format_help(f)));
    fputs(_(dump_help_tail), stdout);
}

/* A usage error naming the known formats after what went wrong: the
 * message msgid has one %s for arg. */
static int format_error(const char *msgid, const char *arg)
{
    char list[256], msg[512];
    const char *names[32];
    size_t n = format_names(names, 32);
    snprintf(msg, sizeof msg, _(msgid), arg, cli_join_names(list, sizeof list, names, n));
    return cli_usage_error("%s", msg);
}

typedef struct dump_args {
    const char *file, *output;
    const char *communes, *communes_mesure;
    cdg_dump_opts opts;
    bool table_given, format_given;
} dump_args;

/* Reads the options; returns CLI_OK, CLI_USAGE, or -1 after --help. */
static int parse_args(int argc, char **argv, dump_args *a)
{
    for (int i = 1; i < argc; i++) {
        const char *v;
        int r;
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            print_help();
            return -1;
        } else if (strcmp(argv[i], "--bom") == 0)
            a->opts.bom = true;
        else if ((r = cli_opt_value(argc, argv, &i, "--format", &v)) != 0) {
            if (r < 0)
                return CLI_USAGE;
            if (!cdg_dump_format_parse(v, &a->opts.format))
                return format_error(N_("dump: unknown format '%s' (expected %s)"), v);
            a->format_given = true;
        } else if ((r = cli_opt_value(argc, argv, &i, "--table", &v)) != 0) {
            if (r < 0)
                return CLI_USAGE;
            if (!cdg_dump_table_parse(v, &a->opts.tables))
                return cli_usage_error("dump: unknown table '%s' (expected forfaits, strates, options, tarifs or all)", v);
            a->table_given = true;
        } else if ((r = cli_opt_value(argc, argv, &i, "--output", &v)) != 0 ||
                   (r = cli_opt_value(argc, argv, &i, "-o", &v)) != 0) {
            if (r < 0)
                return CLI_USAGE;
            if (a->output)
                return cli_usage_error("dump: more than one output file");
            if (!*v)
                return cli_usage_error("dump: the output file name is empty");
            a->output = v;
        } else if ((r = cli_opt_value(argc, argv, &i, "--communes-mesure", &v)) != 0) {
            if (r < 0)
                return CLI_USAGE;
            a->communes_mesure = v;
        } else if ((r = cli_opt_value(argc, argv, &i, "--communes", &v)) != 0) {
            if (r < 0)
                return CLI_USAGE;
            a->communes = v;
        } else if (argv[i][0] == '-' && argv[i][1] != '\0')
            return cli_usage_error("dump: unknown option '%s' (see 'cdgrules dump --help')", argv[i]);
        else if (a->file)
            return cli_usage_error("dump: one rules file at a time ('%s' and '%s')", a->file, argv[i]);
        else
            a->file = argv[i];
    }
    if (!a->file)
        return cli_usage_error("dump: no rules file given (usage: cdgrules dump FILE)");
    const char *ext = a->output && !a->format_given ? cdg_dump_extension(a->output) : NULL;
    if (ext && !cdg_dump_format_of_extension(ext, &a->opts.format))
        return format_error(N_("dump: cannot tell the format of '%s' from its extension; give --format (%s)"), a->output);
    if (a->opts.format == CDG_DUMP_JSON && a->table_given && a->opts.tables != CDG_TABLE_ALL)
        return cli_usage_error("dump: --format json holds the whole model; --table is for the tabular formats");
    if (a->opts.bom && a->opts.format != CDG_DUMP_CSV)
        return cli_usage_error("dump: --bom only applies to --format csv");
    const char *fname = cdg_dump_format_name(a->opts.format);
    if ((a->communes || a->communes_mesure) && strcmp(fname, "js") != 0 && strcmp(fname, "simulateur") != 0)
        return cli_usage_error("dump: --communes only applies to --format js and --format simulateur");
    if (a->communes_mesure && !a->communes)
        return cli_usage_error("dump: --communes-mesure needs --communes");
    return CLI_OK;
}

/* Dumps into memory first, so that nothing is written unless all of it is. */
static int write_dump(const cdg_model *m, const dump_args *a, cli_env *env)
{
    char *data = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&data, &len);
    if (!mem)
        return cli_usage_error("dump: out of memory");
    bool ok = cdg_dump(mem, m, &a->opts, &env->memctl);
    if (fclose(mem) != 0)
        ok = false;
    if (!ok) {
        free(data);
        return cli_usage_error("dump: out of memory");
    }
    int status = CLI_OK;
    if (a->output) {
        cdg_atomic_error err;
        if (!cdg_atomic_write(a->output, data, len, &err))
            status = cli_usage_error("dump: %s", err.message);
    } else if (fwrite(data, 1, len, stdout) != len)
        status = cli_usage_error("dump: error writing the output");
    free(data);
    return status;
}

/* Loads FILE; dumps it only when it has no error. */
int cli_dump(int argc, char **argv, cli_env *env)
{
    dump_args a = {.opts = {.format = CDG_DUMP_TSV, .tables = CDG_TABLE_ALL}};
    int st = parse_args(argc, argv, &a);
    if (st != CLI_OK)
        return st < 0 ? CLI_OK : st;
    cdg_unit *u = cli_load(a.file, env, true, &st);
    if (!u)
        return st;
    cdg_arena *arena = NULL;
    if (st != CLI_OK || !cdg_unit_ok(u)) {
        fprintf(stderr, _("cdgrules: dump: %s has errors; nothing dumped\n"), a.file);
        st = CLI_FAIL;
    } else if (a.communes && !(arena = cdg_arena_new(&env->memctl)))
        st = cli_usage_error("dump: out of memory");
    else if (a.communes) {
        cdg_dump_commune *list;
        st = cli_communes_read(a.communes, a.communes_mesure ? a.communes_mesure : "population_totale",
                               arena, &list, &a.opts.ncommunes);
        a.opts.communes = list;
    }
    if (st == CLI_OK)
        st = write_dump(u->model, &a, env);
    cdg_arena_free(arena);
    cdg_unit_free(u);
    return st;
}
