/* cli_fmt.c — `cdgrules fmt`: print, check or rewrite the canonical form. */
#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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

/* Reads and parses path as cli_load does, but checks it only when its
 * syntax is wrong: the layout needs the tree alone, and the model (a
 * third of the file and as much time as the parse) is then not built.
 * With syntax errors the checker runs as for every command, so that the
 * same diagnostics are printed. NULL (reported) on an I/O error or when
 * memory runs out. */
static cdg_unit *fmt_load(const char *path, cli_env *env)
{
    cdg_arena *a = cdg_arena_new(&env->memctl);
    if (!a) {
        cli_usage_error("%s: out of memory", path);
        return NULL;
    }
    jmp_buf oom;
    if (setjmp(oom)) {
        cdg_arena_free(a);
        cli_usage_error("%s: out of memory", path);
        return NULL;
    }
    cdg_arena_catch(a, &oom);
    cdg_unit *u = cdg_arena_calloc(a, 1, sizeof *u);
    u->arena = a;
    cdg_diags_init(&u->diags, a);
    errno = 0;
    cdg_source_status st = cdg_source_read(a, path, &u->src);
    if (st != CDG_SOURCE_OK) {
        /* Worded as cli_load words it. */
        const char *msg = cdg_arena_printf(a, "%s: %s", path, _(cdg_source_strerror(st, errno)));
        cli_usage_error("%s", msg);
        cdg_arena_catch(a, NULL);
        cdg_arena_free(a);
        return NULL;
    }
    u->syntax_ok = cdg_parse(a, u->src, &u->diags, &u->ast);
    if (!u->syntax_ok) {
        u->model = cdg_check(a, u->ast, &u->diags, false);
        cdg_diags_sort(&u->diags);
    }
    cdg_arena_catch(a, NULL);
    return u;
}

/* A sink of the canonical text that compares it with the source as it
 * comes, so that --check and an unchanged -w hold no second copy. */
typedef struct fmt_compare {
    const char *text;
    size_t len, pos;
    bool same;
} fmt_compare;

/* The sink of fmt_same: compares a piece with the source at its place. */
static void compare_piece(void *ctx, const char *s, size_t n)
{
    fmt_compare *c = ctx;
    if (c->same && (n > c->len - c->pos || memcmp(c->text + c->pos, s, n) != 0))
        c->same = false;
    c->pos += n;
}

/* Whether the canonical text of u is its source, byte for byte. */
static bool fmt_same(cdg_arena *scratch, const cdg_unit *u)
{
    fmt_compare c = {u->src->text, u->src->len, 0, true};
    cdg_fmt_write(scratch, u->ast, compare_piece, &c);
    return c.same && c.pos == c.len;
}

/* The sink of plain fmt: a piece to the stdio stream ctx. */
static void print_piece(void *ctx, const char *s, size_t n)
{
    fwrite(s, 1, n, ctx);
}

/* A sink writing to a file descriptor; the first failure's errno is kept
 * and stops the writing. */
typedef struct fmt_fd {
    int fd, err;
} fmt_fd;

/* The sink of fmt -w: a piece to the temporary file, whole or not at all. */
static void fd_piece(void *ctx, const char *s, size_t n)
{
    fmt_fd *f = ctx;
    while (n && !f->err) {
        ssize_t k = write(f->fd, s, n);
        if (k < 0) {
            if (errno != EINTR)  /* GCOVR_EXCL_LINE: no signal handler is installed */
                f->err = errno;
            continue;
        }
        s += k;
        n -= (size_t)k;
    }
}

/* Rewrites path with the canonical text of u, streamed to the temporary
 * file (never held whole); returns the exit status. */
static int fmt_rewrite(cdg_arena *scratch, const cdg_unit *u, const char *path)
{
    cdg_atomic_error err;
    cdg_atomic_file f;
    if (!cdg_atomic_begin(&f, path, &err))
        return cli_usage_error("%s (file left unchanged)", err.message);
    fmt_fd out = {f.fd, 0};
    jmp_buf oom;
    jmp_buf *outer = cdg_arena_catch(scratch, &oom);
    if (setjmp(oom)) {
        /* Out of memory mid-way: the temporary file goes, the file stays. */
        cdg_arena_catch(scratch, outer);
        cdg_atomic_abort(&f);
        return cli_usage_error("%s: out of memory", path);
    }
    cdg_fmt_write(scratch, u->ast, fd_piece, &out);
    cdg_arena_catch(scratch, outer);
    if (out.err) {
        /* Worded as cdg_atomic_write words it. */
        cdg_atomic_abort(&f);
        snprintf(err.message, sizeof err.message, "%.400s: %s: %s", path, _("cannot write"),
                 strerror(out.err));
        return cli_usage_error("%s (file left unchanged)", err.message);
    }
    if (!cdg_atomic_commit(&f, &err))
        return cli_usage_error("%s (file left unchanged)", err.message);
    return CLI_OK;
}

/* Formats one file in the chosen mode; returns its exit status. The text
 * is streamed (printed, compared or written as it is made): only --diff
 * of a file that is not canonical builds it whole. */
static int fmt_file(const char *path, fmt_mode mode, cli_env *env)
{
    struct stat sb;
    if (mode == MODE_WRITE && stat(path, &sb) == 0 && !S_ISREG(sb.st_mode))
        return cli_usage_error("%s: not a regular file; -w rewrites only regular files", path);
    cdg_unit *u = fmt_load(path, env);
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
    if (mode == MODE_PRINT)
        cdg_fmt_write(scratch, u->ast, print_piece, stdout);
    else if (!fmt_same(scratch, u)) {
        switch (mode) {
        case MODE_CHECK:
            printf("%s\n", path);
            status = CLI_FAIL;
            break;
        case MODE_DIFF: {
            size_t len;
            const char *text = cdg_fmt(scratch, u->ast, &len);
            cdg_buf b;
            cdg_buf_init(&b, scratch);
            const char *old_name = cdg_arena_printf(scratch, "%s.orig", path);
            cdg_textdiff(&b, old_name, u->src->text, u->src->len, path, text, len);
            fwrite(b.data, 1, b.len, stdout);
            status = CLI_FAIL;
            break;
        }
        case MODE_WRITE:
            status = fmt_rewrite(scratch, u, path);
            break;
        case MODE_PRINT:
            break;
        }
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
