/* json.c — the JSON writer: separators, layout and string escaping. */
#include "json.h"
#include "numfmt.h"

#include <inttypes.h>

void cdg_json_init(cdg_json *w, FILE *out, cdg_json_style style)
{
    w->out = out;
    w->style = style;
    w->depth = 0;
    w->after_key = false;
}

/* The columns of the innermost container's element lines. */
static int indent_of(const cdg_json *w)
{
    int n = w->frame[w->depth - 1].layout.indent;
    return n >= 0 ? n : 2 * (int)w->depth;
}

static void spaces(FILE *out, int n)
{
    for (int i = 0; i < n; i++)
        putc(' ', out);
}

/* What goes before a value: nothing after a key; otherwise the comma and
 * the line break or space the container's layout asks for. */
static void before_value(cdg_json *w)
{
    if (w->after_key) {
        w->after_key = false;
        return;
    }
    if (w->depth == 0)
        return;
    unsigned n = w->frame[w->depth - 1].count++;
    if (n)
        putc(',', w->out);
    switch (w->frame[w->depth - 1].layout.kind) {
    case CDG_JSON_K_INLINE:
        if (w->frame[w->depth - 1].line_break) {
            w->frame[w->depth - 1].line_break = false;
            putc('\n', w->out);
            spaces(w->out, indent_of(w));
        } else if (n && w->style == CDG_JSON_PRETTY)
            putc(' ', w->out);
        break;
    case CDG_JSON_K_LINES:
    case CDG_JSON_K_LINES_OPEN:
    case CDG_JSON_K_LIST:
        putc('\n', w->out);
        spaces(w->out, indent_of(w));
        break;
    }
}

/* After a complete top-level value, the line ends. */
static void after_value(cdg_json *w)
{
    if (w->depth == 0)
        putc('\n', w->out);
}

static void begin(cdg_json *w, cdg_json_layout layout, char open, char close)
{
    before_value(w);
    putc(open, w->out);
    if (w->depth < CDG_JSON_MAX_DEPTH) {
        w->frame[w->depth].layout = layout;
        w->frame[w->depth].count = 0;
        w->frame[w->depth].line_break = false;
        w->frame[w->depth].close = close;
        w->depth++;
    }
}

void cdg_json_begin_object(cdg_json *w, cdg_json_layout layout)
{
    begin(w, layout, '{', '}');
}

void cdg_json_begin_array(cdg_json *w, cdg_json_layout layout)
{
    begin(w, layout, '[', ']');
}

void cdg_json_end(cdg_json *w)
{
    if (w->depth == 0)
        return;
    const cdg_json_kind kind = w->frame[w->depth - 1].layout.kind;
    const bool empty = w->frame[w->depth - 1].count == 0;
    const int indent = indent_of(w);
    if ((kind == CDG_JSON_K_LINES && !empty) || kind == CDG_JSON_K_LINES_OPEN) {
        putc('\n', w->out);
        spaces(w->out, indent - 2);
    }
    putc(w->frame[w->depth - 1].close, w->out);
    w->depth--;
    after_value(w);
}

void cdg_json_break(cdg_json *w)
{
    if (w->depth > 0)
        w->frame[w->depth - 1].line_break = true;
}

/* Writes s as a JSON string literal, quotes included. */
static void string_literal(FILE *out, const char *s)
{
    putc('"', out);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        switch (*p) {
        case '"': fputs("\\\"", out); break;
        case '\\': fputs("\\\\", out); break;
        case '\n': fputs("\\n", out); break;
        case '\r': fputs("\\r", out); break;
        case '\t': fputs("\\t", out); break;
        default:
            if (*p < 0x20)
                fprintf(out, "\\u%04x", *p);
            else
                putc(*p, out);
        }
    }
    putc('"', out);
}

void cdg_json_key(cdg_json *w, const char *key)
{
    before_value(w);
    string_literal(w->out, key);
    fputs(w->style == CDG_JSON_PRETTY ? ": " : ":", w->out);
    w->after_key = true;
}

void cdg_json_str(cdg_json *w, const char *s)
{
    if (!s) {
        cdg_json_null(w);
        return;
    }
    before_value(w);
    string_literal(w->out, s);
    after_value(w);
}

void cdg_json_int(cdg_json *w, int64_t n)
{
    before_value(w);
    fprintf(w->out, "%" PRId64, n);
    after_value(w);
}

void cdg_json_decimal(cdg_json *w, int64_t v, unsigned decimals)
{
    char buf[48];
    before_value(w);
    fputs(cdg_decimal_write(v, decimals, 0, "", ".", buf, sizeof buf), w->out);
    after_value(w);
}

void cdg_json_bool(cdg_json *w, bool b)
{
    before_value(w);
    fputs(b ? "true" : "false", w->out);
    after_value(w);
}

void cdg_json_null(cdg_json *w)
{
    before_value(w);
    fputs("null", w->out);
    after_value(w);
}

void cdg_json_key_str(cdg_json *w, const char *key, const char *s)
{
    cdg_json_key(w, key);
    cdg_json_str(w, s);
}

void cdg_json_key_int(cdg_json *w, const char *key, int64_t n)
{
    cdg_json_key(w, key);
    cdg_json_int(w, n);
}

void cdg_json_key_bool(cdg_json *w, const char *key, bool b)
{
    cdg_json_key(w, key);
    cdg_json_bool(w, b);
}
