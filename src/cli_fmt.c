/* cli_fmt.c — `cdgrules fmt`: print, check or rewrite the canonical form. */
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

static const char fmt_help[] =
    N_("usage: cdgrules fmt [-w | --check | --diff] FILE...\n"
    "\n"
    "Prints the canonical form of each rules file (see README, \"Style\").\n"
    "Every comment is kept; numbers, strings and labels are kept exactly as\n"
    "written. A file with syntax errors is never formatted (its diagnostics\n"
    "are printed, exit 1); other rule errors do not stop the formatter.\n"
    "\n"
    "  -w, --write   rewrite each file in place, safely (temporary file,\n"
    "                fsync, rename; mode and symbolic links kept); files\n"
    "                already canonical are not touched\n"
    "  --check       print nothing but the names of the files that are not\n"
    "                canonical, on stdout; exit 1 if there is one\n"
    "  --diff        print a unified diff of what -w would change; exit 1 if\n"
    "                there is a change\n"
    "  --color=WHEN  auto (default), always or never (diagnostics)\n"
    "\n"
    "FILE may be '-' (standard input) except with -w.\n"
    "Exit status: 0 done (and, with --check/--diff, every file canonical),\n"
    "1 syntax errors or a file not canonical, 2 usage or I/O error.\n");

typedef enum { MODE_PRINT, MODE_WRITE, MODE_CHECK, MODE_DIFF } fmt_mode;

/* Formats one file in the chosen mode; returns its exit status. */
static int fmt_file(const char *path, fmt_mode mode, cli_env *env)
{
    struct stat sb;
    if (mode == MODE_WRITE && stat(path, &sb) == 0 && !S_ISREG(sb.st_mode))
        return cli_usage_error("%s: not a regular file; -w rewrites only regular files", path);
    int st;
    cdg_unit *u = cli_load(path, env, false, &st);
    if (!u)
        return CLI_USAGE;
    if (!u->syntax_ok) {
        cdg_diag_style style = {.color = env->color};
        cdg_diags_print(stderr, &u->diags, &style);
        fprintf(stderr, _("cdgrules: %s: not formatted (syntax errors)\n"), path);
        cdg_unit_free(u);
        return CLI_FAIL;
    }
    cdg_arena *scratch = cdg_arena_new(&env->memctl);
    if (!scratch) {
        cdg_unit_free(u);
        return cli_usage_error("%s: out of memory", path);
    }
    int status = CLI_OK;
    jmp_buf oom;
    if (setjmp(oom)) {
        cdg_arena_free(scratch);
        cdg_unit_free(u);
        return cli_usage_error("%s: out of memory", path);
    }
    cdg_arena_catch(scratch, &oom);
    size_t len;
    const char *text = cdg_fmt(scratch, u->ast, &len);
    bool same = len == u->src->len && memcmp(text, u->src->text, len) == 0;
    switch (mode) {
    case MODE_PRINT:
        fwrite(text, 1, len, stdout);
        break;
    case MODE_CHECK:
        if (!same) {
            printf("%s\n", path);
            status = CLI_FAIL;
        }
        break;
    case MODE_DIFF:
        if (!same) {
            cdg_buf b;
            cdg_buf_init(&b, scratch);
            const char *old_name = cdg_arena_printf(scratch, "%s.orig", path);
            cdg_textdiff(&b, old_name, u->src->text, u->src->len, path, text, len);
            fwrite(b.data, 1, b.len, stdout);
            status = CLI_FAIL;
        }
        break;
    case MODE_WRITE:
        if (!same) {
            cdg_atomic_error err;
            if (!cdg_atomic_write(path, text, len, &err))
                status = cli_usage_error("%s (file left unchanged)", err.message);
        }
        break;
    }
    cdg_arena_catch(scratch, NULL);
    cdg_arena_free(scratch);
    cdg_unit_free(u);
    return status;
}

int cli_fmt(int argc, char **argv, cli_env *env)
{
    fmt_mode mode = MODE_PRINT;
    int nfiles = 0;
    bool stdin_named = false;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        fmt_mode m = MODE_PRINT;
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            fputs(_(fmt_help), stdout);
            return CLI_OK;
        } else if (strcmp(a, "-w") == 0 || strcmp(a, "--write") == 0)
            m = MODE_WRITE;
        else if (strcmp(a, "--check") == 0)
            m = MODE_CHECK;
        else if (strcmp(a, "--diff") == 0 || strcmp(a, "-d") == 0)
            m = MODE_DIFF;
        else if (strcmp(a, "--") == 0)
            break;
        else if (a[0] == '-' && a[1] != '\0')
            return cli_usage_error("fmt: unknown option '%s' (see 'cdgrules fmt --help')", a);
        else {
            nfiles++;
            stdin_named = stdin_named || strcmp(a, "-") == 0;
            continue;
        }
        if (mode != MODE_PRINT && mode != m)
            return cli_usage_error("fmt: -w, --check and --diff cannot be combined");
        mode = m;
    }
    bool dashdash = false;
    for (int i = 1; i < argc; i++)
        if (strcmp(argv[i], "--") == 0) {
            nfiles += argc - i - 1;
            for (int j = i + 1; j < argc; j++)
                stdin_named = stdin_named || strcmp(argv[j], "-") == 0;
            dashdash = true;
            break;
        }
    if (nfiles == 0)
        return cli_usage_error("fmt: no rules file given (usage: cdgrules fmt [-w|--check|--diff] FILE...)");
    if (mode == MODE_WRITE && stdin_named)
        return cli_usage_error("fmt: -w cannot rewrite standard input");
    int status = CLI_OK;
    bool after = false;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!after && dashdash && strcmp(a, "--") == 0) {
            after = true;
            continue;
        }
        if (!after && a[0] == '-' && a[1] != '\0')
            continue;
        int st = fmt_file(a, mode, env);
        if (st > status)
            status = st;
    }
    return status;
}
