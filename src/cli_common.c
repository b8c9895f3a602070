/* cli_common.c — helpers shared by the commands. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "cli.h"

int cli_usage_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("cdgrules: ", stderr);
    vfprintf(stderr, _(fmt), ap);
    fputc('\n', stderr);
    va_end(ap);
    return CLI_USAGE;
}

int cli_opt_value(int argc, char **argv, int *i, const char *name, const char **value)
{
    const char *arg = argv[*i];
    size_t n = strlen(name);
    if (strncmp(arg, name, n) != 0)
        return 0;
    if (arg[n] == '=') {
        *value = arg + n + 1;
        return 1;
    }
    if (arg[n] != '\0')
        return 0;
    if (*i + 1 >= argc) {
        cli_usage_error("option '%s' needs a value", name);
        return -1;
    }
    *value = argv[++*i];
    return 1;
}

/* Takes the option of opts that argv[*i] names, if any: 1 when taken, 0
 * when none matches, -1 after a usage error (value missing, or given
 * twice). */
static int take_option(const char *cmd, int argc, char **argv, int *i, const cli_option *opts,
                       size_t nopts)
{
    for (size_t k = 0; k < nopts; k++) {
        const cli_option *o = &opts[k];
        if (o->flag) {
            if (strcmp(argv[*i], o->name) != 0)
                continue;
            *o->flag = true;
            return 1;
        }
        const char *v;
        int r = cli_opt_value(argc, argv, i, o->name, &v);
        if (r <= 0) {
            if (r < 0)
                return -1;
            continue;
        }
        if (o->list) {
            o->list[(*o->n)++] = v;
        } else if (*o->once) {
            cli_usage_error("%s: %s given twice", cmd, o->name);
            return -1;
        } else {
            *o->once = v;
        }
        return 1;
    }
    return 0;
}

int cli_parse_options(const char *cmd, const char *help, int argc, char **argv,
                      const cli_option *opts, size_t nopts, const char **files, int nfiles,
                      const char *too_many)
{
    int nfound = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            fputs(_(help), stdout);
            return -1;
        }
        int r = take_option(cmd, argc, argv, &i, opts, nopts);
        if (r < 0)
            return CLI_USAGE;
        if (r > 0)
            continue;
        if (argv[i][0] == '-' && argv[i][1] != '\0')
            return cli_usage_error("%s: unknown option '%s' (see 'cdgrules %s --help')", cmd, argv[i], cmd);
        if (nfound < nfiles)
            files[nfound++] = argv[i];
        else if (nfiles == 1)
            return cli_usage_error("%s: more than one rules file ('%s' and '%s')", cmd, files[0], argv[i]);
        else
            return cli_usage_error(too_many, argv[i]);
    }
    return CLI_OK;
}

bool cli_annee(const char *cmd, const char *v, bool *premiere)
{
    *premiere = v && strcmp(v, "premiere") == 0;
    if (!v || *premiere || strcmp(v, "suivantes") == 0)
        return true;
    cli_usage_error("%s: --annee '%s': write premiere (the first year) or suivantes (the following years)",
                    cmd, v);
    return false;
}

cdg_unit *cli_load(const char *path, cli_env *env, bool print_diags, int *status)
{
    cdg_unit *u = NULL;
    cdg_load_status st = cdg_unit_load(path, &env->memctl, &u);
    if (st == CDG_LOAD_NOMEM) {
        cdg_unit_free(u);
        cli_usage_error("%s: out of memory", path);
        *status = CLI_USAGE;
        return NULL;
    }
    if (st == CDG_LOAD_IO) {
        cli_usage_error("%s", u->io_message);
        cdg_unit_free(u);
        *status = CLI_USAGE;
        return NULL;
    }
    if (print_diags) {
        cdg_diag_style style = {.color = env->color};
        cdg_diags_print(stderr, &u->diags, &style);
    }
    *status = u->diags.errors ? CLI_FAIL : CLI_OK;
    return u;
}

/* --color is global: it is taken out of argv wherever it appears (before
 * the command or among its options, up to a "--"), so that every command
 * honours it without parsing it. Bare --color means always, as in GNU ls. */
bool cli_take_color_options(int *argc, char **argv, cli_env *env, bool auto_color)
{
    int out = 1;
    bool options = true;
    for (int i = 1; i < *argc; i++) {
        const char *a = argv[i];
        if (options && strcmp(a, "--") == 0)
            options = false;
        if (!options || strncmp(a, "--color", 7) != 0 || (a[7] != '\0' && a[7] != '=')) {
            argv[out++] = argv[i];
            continue;
        }
        const char *when = a[7] ? a + 8 : "always";
        if (strcmp(when, "always") == 0)
            env->color = true;
        else if (strcmp(when, "never") == 0)
            env->color = false;
        else if (strcmp(when, "auto") == 0)
            env->color = auto_color;
        else {
            cli_usage_error("invalid --color value '%s' (expected auto, always or never)", when);
            return false;
        }
    }
    *argc = out;
    argv[out] = NULL;
    return true;
}

/* $COLUMNS wins (so that scripts and tests can choose a width); then the
 * terminal's own width; 0 when out is not a terminal (no limit). */
unsigned cli_terminal_width(FILE *out)
{
    const char *cols = getenv("COLUMNS");
    if (cols && *cols) {
        char *end;
        long n = strtol(cols, &end, 10);
        if (*end == '\0' && n >= 20 && n <= 10000)
            return (unsigned)n;
    }
    struct winsize ws;
    int fd = fileno(out);
    if (fd >= 0 && isatty(fd) && ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
        return ws.ws_col;
    return 0;
}

const char *cli_join_names(char *buf, size_t cap, const char *const names[], size_t n)
{
    size_t len = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < n && len < cap; i++)
        /* TRANSLATORS: the last separator of a list of names: "md, csv or json". */
        len += (size_t)snprintf(buf + len, cap - len, "%s%s", i == 0 ? "" : i + 1 < n ? ", " : _(" or "),
                                names[i]);
    return buf;
}
