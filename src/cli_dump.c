/* cli_dump.c — `cdgrules dump`: the published tables (TSV, CSV, Markdown,
 * HTML) or the whole model (JSON), regenerated from a rules file. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char dump_help[] =
    N_("usage: cdgrules dump FILE [--table forfaits|strates|options|all]\n"
    "                          [--format md|csv|tsv|html|json] [--bom] [-o OUT]\n"
    "\n"
    "Regenerates the published offer from a rules file, in declaration order:\n"
    "table 1 (services x forfaits), table 2 (quantities per stratum) and\n"
    "table 3 (options x forfaits). A file with errors is not dumped.\n"
    "\n"
    "  --table TABLE     forfaits, strates, options or all (default)\n"
    "  --format FORMAT   tsv (default: the source document's layout), csv\n"
    "                    (RFC 4180), md (GitHub Markdown), html (a standalone\n"
    "                    page), json (the whole model; see docs/DUMP.md)\n"
    "  --bom             csv: start with a UTF-8 byte order mark (for Excel)\n"
    "  -o, --output OUT  write to OUT atomically instead of stdout\n"
    "  --color=WHEN      diagnostics colour: auto (default), always or never\n"
    "\n"
    "Exit status: 0 dumped, 1 errors in the rules, 2 usage or I/O error.\n");

typedef struct dump_args {
    const char *file, *output;
    cdg_dump_opts opts;
    bool table_given;
} dump_args;

/* Reads the options; returns CLI_OK, CLI_USAGE, or -1 after --help. */
static int parse_args(int argc, char **argv, dump_args *a)
{
    for (int i = 1; i < argc; i++) {
        const char *v;
        int r;
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            fputs(_(dump_help), stdout);
            return -1;
        } else if (strcmp(argv[i], "--bom") == 0)
            a->opts.bom = true;
        else if ((r = cli_opt_value(argc, argv, &i, "--format", &v)) != 0) {
            if (r < 0)
                return CLI_USAGE;
            if (!cdg_dump_format_parse(v, &a->opts.format))
                return cli_usage_error("dump: unknown format '%s' (expected md, csv, tsv, html or json)", v);
        } else if ((r = cli_opt_value(argc, argv, &i, "--table", &v)) != 0) {
            if (r < 0)
                return CLI_USAGE;
            if (!cdg_dump_table_parse(v, &a->opts.tables))
                return cli_usage_error("dump: unknown table '%s' (expected forfaits, strates, options or all)", v);
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
        } else if (argv[i][0] == '-' && argv[i][1] != '\0')
            return cli_usage_error("dump: unknown option '%s' (see 'cdgrules dump --help')", argv[i]);
        else if (a->file)
            return cli_usage_error("dump: one rules file at a time ('%s' and '%s')", a->file, argv[i]);
        else
            a->file = argv[i];
    }
    if (!a->file)
        return cli_usage_error("dump: no rules file given (usage: cdgrules dump FILE)");
    if (a->opts.format == CDG_DUMP_JSON && a->table_given && a->opts.tables != CDG_TABLE_ALL)
        return cli_usage_error("dump: --format json holds the whole model; --table is for the tabular formats");
    if (a->opts.bom && a->opts.format != CDG_DUMP_CSV)
        return cli_usage_error("dump: --bom only applies to --format csv");
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
    if (st == CLI_OK && cdg_unit_ok(u))
        st = write_dump(u->model, &a, env);
    else {
        fprintf(stderr, _("cdgrules: dump: %s has errors; nothing dumped\n"), a.file);
        st = CLI_FAIL;
    }
    cdg_unit_free(u);
    return st;
}
