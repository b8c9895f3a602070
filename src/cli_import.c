/* cli_import.c — `cdgrules import`: an offer's table (TSV, CSV, Markdown)
 * into a rules file, written to stdout or atomically to -o FILE. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

static const char import_help[] =
    N_("usage: cdgrules import TABLE [-o FILE.cdg]\n"
    "\n"
    "Reads the offer's tables as a word processor or a spreadsheet exports\n"
    "them and writes the rules file they say, in the canonical layout of\n"
    "'cdgrules fmt'. The inverse of 'cdgrules dump --format tsv'.\n"
    "\n"
    "TABLE is tab-separated (TSV), CSV with ',' or ';' (quoted fields), or\n"
    "Markdown pipe tables; UTF-8 or Windows-1252, with or without a byte\n"
    "order mark, LF or CRLF line ends: what was found is said on stderr.\n"
    "It holds the services x forfaits table (groups in the first column,\n"
    "footnote calls *1 and the footnotes below it), then, optionally, the\n"
    "strata table (one row per stratum, one column per counted service) and\n"
    "the options table (options x forfaits). Tables are told apart by their\n"
    "shape and headers; a line of text above a table is its title.\n"
    "\n"
    "Each decision the table leaves open (strata that overlap or leave a\n"
    "gap, a wording that maps to no status) is a warning on stderr, located\n"
    "TABLE:LINE:COLUMN, and a comment in the rules. Nothing is written when\n"
    "the table has errors.\n"
    "\n"
    "  -o, --output FILE  write FILE atomically instead of stdout\n"
    "  --color=WHEN       diagnostics colour: auto (default), always or never\n"
    "\n"
    "Yearly workflow: cdgrules import new.tsv -o new.cdg; cdgrules diff\n"
    "rules/cdg47.cdg new.cdg; review; commit.\n"
    "\n"
    "Exit status: 0 written (warnings allowed), 1 errors in the table,\n"
    "2 usage or I/O error.\n");

/* Largest table read: an offer is a few kilobytes. */
#define MAX_TABLE ((size_t)64 << 20)

/* Reads path ("-": stdin) whole into *data (malloc'ed). */
static int read_table(const char *path, char **data, size_t *len)
{
    FILE *in = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!in)
        return cli_usage_error("import: %s: %s", path, strerror(errno));
    struct stat sb;
    if (fstat(fileno(in), &sb) == 0 && S_ISDIR(sb.st_mode)) {
        if (in != stdin)
            fclose(in);
        return cli_usage_error("import: %s: is a directory, not a table file", path);
    }
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        if (n == cap) {
            char *nb = cap < MAX_TABLE ? realloc(buf, cap * 2) : NULL;
            if (!nb) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = nb;
            cap *= 2;
        }
        size_t k = fread(buf + n, 1, cap - n, in);
        n += k;
        if (k == 0)
            break;
    }
    bool err = !buf || ferror(in);
    if (in != stdin)
        fclose(in);
    if (err) {
        free(buf);
        return cli_usage_error("import: %s: cannot read it (too large, or a read error)", path);
    }
    *data = buf;
    *len = n;
    return CLI_OK;
}

/* Imports, prints the diagnostics, writes the rules. */
static int run(const char *path, const char *output, cli_env *env, const char *data, size_t len)
{
    cdg_arena *a = cdg_arena_new(&env->memctl);
    if (!a)
        return cli_usage_error("import: out of memory");
    cdg_unit *volatile kept = NULL;  /* the rules read back, freed on any way out */
    jmp_buf oom;
    if (setjmp(oom)) {
        if (kept)
            cdg_unit_free(kept);
        cdg_arena_free(a);
        return cli_usage_error("import: out of memory");
    }
    cdg_arena_catch(a, &oom);
    cdg_import_result r;
    bool ok = cdg_import(a, path, data, len, output ? output : "import.cdg", &r);
    kept = r.rules;
    cdg_diag_style style = {.color = env->color};
    if (r.read_as_text)
        fprintf(stderr, _("cdgrules: import: %s read as %s\n"), path, r.read_as_text);
    cdg_diags_sort(&r.diags);
    cdg_diags_print(stderr, &r.diags, &style);
    int status = CLI_OK;
    if (r.rules) {
        fprintf(stderr, _("cdgrules: import: the rules written from %s do not check (a case the import does not handle):\n"), path);
        cdg_diags_print(stderr, &r.rules->diags, &style);
        kept = NULL;
        cdg_unit_free(r.rules);
    }
    if (!ok) {
        fprintf(stderr, _("cdgrules: import: %s has errors; nothing written\n"), path);
        status = CLI_FAIL;
    } else if (output) {
        cdg_atomic_error err;
        if (!cdg_atomic_write(output, r.text, r.len, &err))
            status = cli_usage_error("import: %s", err.message);
    } else if (fwrite(r.text, 1, r.len, stdout) != r.len)
        status = cli_usage_error("import: error writing the output");
    cdg_arena_catch(a, NULL);
    cdg_arena_free(a);
    return status;
}

/* `cdgrules import TABLE [-o FILE.cdg]`: options, then the run. */
int cli_import(int argc, char **argv, cli_env *env)
{
    const char *path = NULL, *output = NULL;
    for (int i = 1; i < argc; i++) {
        const char *v;
        int r;
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            fputs(_(import_help), stdout);
            return CLI_OK;
        } else if ((r = cli_opt_value(argc, argv, &i, "--output", &v)) != 0 ||
                   (r = cli_opt_value(argc, argv, &i, "-o", &v)) != 0) {
            if (r < 0)
                return CLI_USAGE;
            if (output)
                return cli_usage_error("import: more than one output file");
            if (!*v)
                return cli_usage_error("import: the output file name is empty");
            output = v;
        } else if (argv[i][0] == '-' && argv[i][1] != '\0')
            return cli_usage_error("import: unknown option '%s' (see 'cdgrules import --help')", argv[i]);
        else if (path)
            return cli_usage_error("import: one table at a time ('%s' and '%s')", path, argv[i]);
        else
            path = argv[i];
    }
    if (!path)
        return cli_usage_error("import: no table given (usage: cdgrules import TABLE [-o FILE.cdg])");
    char *data = NULL;
    size_t len = 0;
    int st = read_table(path, &data, &len);
    if (st != CLI_OK)
        return st;
    st = run(path, output, env, data, len);
    free(data);
    return st;
}
