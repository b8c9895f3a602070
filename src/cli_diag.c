/* cli_diag.c — the --format option of `check` and `test` (cli.h):
 * everything it shows or accepts comes from the table of diagnostics
 * formats, so a new format needs no change here. */
#include <string.h>

#include "cli.h"

/* The longest list of formats a command can offer. */
enum { MAX_FORMATS = 32 };

/* The formats command offers, in the table's order; returns their count. */
static size_t offered(const cdg_diag_format *out[], unsigned command)
{
    size_t n = 0;
    for (size_t i = 0; i < cdg_diag_format_count() && n < MAX_FORMATS; i++)
        if (cdg_diag_format_at(i)->commands & command)
            out[n++] = cdg_diag_format_at(i);
    return n;
}

/* Appends s to buf (length *len, capacity cap), cutting it if need be. */
static void append(char *buf, size_t cap, size_t *len, const char *s, size_t n)
{
    if (*len + n >= cap)
        n = *len + 1 < cap ? cap - *len - 1 : 0;
    memcpy(buf + *len, s, n);
    *len += n;
    buf[*len] = '\0';
}

const cdg_diag_format *cli_diag_format(const char *cmd, unsigned command, const char *value)
{
    const cdg_diag_format *f = cdg_diag_format_find(value, command);
    if (f)
        return f;
    const cdg_diag_format *fs[MAX_FORMATS];
    const char *names[MAX_FORMATS];
    size_t n = offered(fs, command);
    for (size_t i = 0; i < n; i++)
        names[i] = fs[i]->name;
    char list[256];
    cli_usage_error("%s: unknown format '%s' (expected %s)", cmd, value,
                    cli_join_names(list, sizeof list, names, n));
    return NULL;
}

const char *cli_diag_format_names(char *buf, size_t cap, unsigned command)
{
    const cdg_diag_format *fs[MAX_FORMATS];
    size_t n = offered(fs, command), len = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        append(buf, cap, &len, "|", i ? 1 : 0);
        append(buf, cap, &len, fs[i]->name, strlen(fs[i]->name));
    }
    return buf;
}

/* One format as the help describes it: "text (default)", then "json" or,
 * with its help, "github (annotations on stdout)". */
static void describe(char *item, size_t cap, const cdg_diag_format *f, bool first, bool with_help)
{
    if (first)
        snprintf(item, cap, _("%s (default)"), f->name);
    else if (with_help)
        snprintf(item, cap, "%s (%s)", f->name, _(f->help));
    else
        snprintf(item, cap, "%s", f->name);
}

const char *cli_diag_format_list(char *buf, size_t cap, unsigned command, bool with_help,
                                 size_t indent)
{
    enum { LAST_COLUMN = 79 };
    const cdg_diag_format *fs[MAX_FORMATS];
    size_t n = offered(fs, command), len = 0, col = indent;
    buf[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        char item[256];
        describe(item, sizeof item, fs[i], i == 0, with_help);
        /* The separators of cli_join_names: ", ", the last translated. */
        const char *sep = i == 0 ? "" : i + 1 < n ? ", " : _(" or ");
        size_t width = cdg_utf8_width(sep, strlen(sep)) + cdg_utf8_width(item, strlen(item));
        if (i > 0 && col + width > LAST_COLUMN) {
            /* The separator's text before its first space ends the line
             * (","); the rest starts the next one ("or "). */
            size_t keep = strcspn(sep, " ");
            append(buf, cap, &len, sep, keep);
            append(buf, cap, &len, "\n", 1);
            for (size_t k = 0; k < indent; k++)
                append(buf, cap, &len, " ", 1);
            sep += keep + strspn(sep + keep, " ");
            col = indent;
            width = cdg_utf8_width(sep, strlen(sep)) + cdg_utf8_width(item, strlen(item));
        }
        append(buf, cap, &len, sep, strlen(sep));
        append(buf, cap, &len, item, strlen(item));
        col += width;
    }
    return buf;
}

void cli_diag_run_begin(cdg_diag_run *run, const cdg_diag_format *f, const cli_env *env)
{
    run->format = f;
    run->out = stdout;
    run->err = stderr;
    run->style = (cdg_diag_style){.color = env->color};
    run->tool_version = CDGRULES_VERSION;
    f->begin(run);
}
