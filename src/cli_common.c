/* cli_common.c — helpers shared by the commands. */
#include <stdarg.h>
#include <string.h>

#include "cli.h"

int cli_usage_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("cdgrules: ", stderr);
    vfprintf(stderr, fmt, ap);
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

bool cli_opt_color(const char *arg, cli_env *env)
{
    if (strcmp(arg, "--color=always") == 0)
        env->color = true;
    else if (strcmp(arg, "--color=never") == 0)
        env->color = false;
    else if (strcmp(arg, "--color=auto") != 0 && strcmp(arg, "--color") != 0)
        return false;
    return true;
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
