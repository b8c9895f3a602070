/* diag.c — collecting, sorting and printing diagnostics. */
#include "diag_emit.h"
#include "diag_format.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "nls.h"
#include "source_read.h"
#include "utf8.h"

void cdg_diags_init(cdg_diags *d, cdg_arena *a)
{
    memset(d, 0, sizeof *d);
    d->arena = a;
}

/* Formats a message into the arena. */
static const char *vformat(cdg_arena *a, const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    char small[512];
    int n = vsnprintf(small, sizeof small, fmt, ap);
    if (n < 0) {
        va_end(ap2);
        return "";
    }
    char *p = cdg_arena_alloc(a, (size_t)n + 1);
    if ((size_t)n < sizeof small)
        memcpy(p, small, (size_t)n + 1);
    else
        vsnprintf(p, (size_t)n + 1, fmt, ap2);
    va_end(ap2);
    return p;
}

/* A diagnostic formatted twice: as written (fmt) and translated; the
 * second formatting is skipped when there is no translation. */
static cdg_diag *diag_new(cdg_diags *d, cdg_severity sev, cdg_source *src, cdg_span span,
                          const char *fmt, va_list ap)
{
    cdg_diag *g = cdg_arena_calloc(d->arena, 1, sizeof *g);
    g->severity = sev;
    g->src = src;
    g->span = span;
    va_list ap2;
    va_copy(ap2, ap);
    g->message = vformat(d->arena, fmt, ap);
    const char *local = _(fmt);
    g->text = local == fmt || strcmp(local, fmt) == 0 ? g->message : vformat(d->arena, local, ap2);
    va_end(ap2);
    return g;
}

/* Appends g to the list and counts it. */
static cdg_diag *diag_push(cdg_diags *d, cdg_diag *g)
{
    if (d->len == d->cap) {
        size_t cap = d->cap ? d->cap * 2 : 32;
        cdg_diag **items = cdg_arena_alloc(d->arena, cap * sizeof *items);
        if (d->len)
            memcpy(items, d->items, d->len * sizeof *items);
        d->items = items;
        d->cap = cap;
    }
    g->seq = (unsigned)d->len;
    d->items[d->len++] = g;
    if (g->severity == CDG_ERROR)
        d->errors++;
    else if (g->severity == CDG_WARNING)
        d->warnings++;
    return g;
}

cdg_diag *cdg_diag_add(cdg_diags *d, cdg_severity sev, cdg_source *src, cdg_span span,
                       const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    cdg_diag *g = diag_new(d, sev, src, span, fmt, ap);
    va_end(ap);
    return diag_push(d, g);
}

/* A diagnostic whose message was composed by the caller, as written in the
 * sources (message) and in the user's language (text). */
static cdg_diag *diag_of_text(cdg_diags *d, cdg_severity sev, cdg_source *src, cdg_span span,
                              const char *message, const char *text)
{
    cdg_diag *g = cdg_arena_calloc(d->arena, 1, sizeof *g);
    g->severity = sev;
    g->src = src;
    g->span = span;
    g->message = cdg_arena_strdup(d->arena, message);
    g->text = strcmp(message, text) == 0 ? g->message : cdg_arena_strdup(d->arena, text);
    return g;
}

/* Appends note g after the notes of to (printed in that order). */
static void note_append(cdg_diag *to, cdg_diag *g)
{
    cdg_diag **tail = &to->note;
    while (*tail)
        tail = &(*tail)->note;
    *tail = g;
}

cdg_diag *cdg_diag_add_text(cdg_diags *d, cdg_severity sev, cdg_source *src, cdg_span span,
                            const char *message, const char *text)
{
    return diag_push(d, diag_of_text(d, sev, src, span, message, text));
}

void cdg_diag_note(cdg_diags *d, cdg_diag *to, cdg_source *src, cdg_span span,
                   const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    cdg_diag *g = diag_new(d, CDG_NOTE, src, span, fmt, ap);
    va_end(ap);
    note_append(to, g);
}

void cdg_diag_note_text(cdg_diags *d, cdg_diag *to, cdg_source *src, cdg_span span,
                        const char *message, const char *text)
{
    note_append(to, diag_of_text(d, CDG_NOTE, src, span, message, text));
}

static int diag_cmp(const void *a, const void *b)
{
    const cdg_diag *x = *(cdg_diag *const *)a, *y = *(cdg_diag *const *)b;
    if (x->src != y->src) {
        int c = strcmp(x->src->name, y->src->name);
        if (c)
            return c;
    }
    if (x->span.begin != y->span.begin)
        return x->span.begin < y->span.begin ? -1 : 1;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

void cdg_diags_sort(cdg_diags *d)
{
    if (d->len > 1)
        qsort(d->items, d->len, sizeof *d->items, diag_cmp);
}

const char *cdg_severity_name(cdg_severity s)
{
    switch (s) {
    case CDG_ERROR: return N_("error");
    case CDG_WARNING: return N_("warning");
    case CDG_NOTE: return N_("note");
    }
    return "?";
}

static const char *severity_color(cdg_severity s)
{
    switch (s) {
    case CDG_ERROR: return "\033[1;31m";
    case CDG_WARNING: return "\033[1;35m";
    case CDG_NOTE: return "\033[1;36m";
    }
    return "";
}

/* Lines longer than EXCERPT_WHOLE bytes are shown cut to EXCERPT_SIDE
 * bytes either side of the span's start, with '…' where text was left
 * out: a diagnostic in a 100 MB one-line file must not print the line. */
enum { EXCERPT_WHOLE = 8192, EXCERPT_SIDE = 160 };

/* The text is composed in a buffer and written in large pieces: stderr is
 * unbuffered, and a character at a time cost one write(2) each (30 or so
 * per diagnostic: 6 s for 80,000 warnings, half of it in the kernel).
 * The buffer lives on the stack: printing needs no allocation that could
 * fail. */
enum { OUTBUF_SIZE = 1 << 14 };

typedef struct outbuf {
    FILE *out;
    size_t len;
    char buf[OUTBUF_SIZE];
} outbuf;

/* Writes what the buffer holds to its stream. */
static void ob_flush(outbuf *ob)
{
    if (ob->len)
        fwrite(ob->buf, 1, ob->len, ob->out);
    ob->len = 0;
}

/* Appends s[0..n). */
static void ob_write(outbuf *ob, const char *s, size_t n)
{
    if (ob->len + n > sizeof ob->buf) {
        ob_flush(ob);
        if (n > sizeof ob->buf) {
            fwrite(s, 1, n, ob->out);
            return;
        }
    }
    memcpy(ob->buf + ob->len, s, n);
    ob->len += n;
}

/* A C string into the buffer. */
static void ob_puts(outbuf *ob, const char *s)
{
    ob_write(ob, s, strlen(s));
}

/* One byte into the buffer, flushed when full. */
static void ob_putc(outbuf *ob, char c)
{
    if (ob->len == sizeof ob->buf)
        ob_flush(ob);
    ob->buf[ob->len++] = c;
}

/* Appends c n times. */
static void ob_repeat(outbuf *ob, char c, size_t n)
{
    while (n > 0) {
        if (ob->len == sizeof ob->buf)
            ob_flush(ob);
        size_t k = sizeof ob->buf - ob->len < n ? sizeof ob->buf - ob->len : n;
        memset(ob->buf + ob->len, c, k);
        ob->len += k;
        n -= k;
    }
}

/* printf into the buffer; a text longer than the room left is formatted
 * again after a flush, or written straight out when longer than it all. */
__attribute__((format(printf, 2, 3)))
static void ob_printf(outbuf *ob, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    size_t room = sizeof ob->buf - ob->len;
    int n = vsnprintf(ob->buf + ob->len, room, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if ((size_t)n < room) {
        ob->len += (size_t)n;
        return;
    }
    ob_flush(ob);
    va_start(ap, fmt);
    if ((size_t)n < sizeof ob->buf)
        ob->len = (size_t)vsnprintf(ob->buf, sizeof ob->buf, fmt, ap);
    else
        vfprintf(ob->out, fmt, ap);
    va_end(ap);
}

/* Moves i back to the first byte of the UTF-8 character holding it. */
static size_t char_start(const char *t, size_t i)
{
    for (int k = 0; k < 3 && i > 0 && ((unsigned char)t[i] & 0xC0) == 0x80; k++)
        i--;
    return i;
}

/* Prints the gutter, the source line and the caret line under span. */
static void print_excerpt(outbuf *out, const cdg_diag *g, unsigned line, const cdg_diag_style *st)
{
    size_t len;
    const char *text = cdg_source_line(g->src, line, &len);
    size_t line_begin = (size_t)(text - g->src->text);
    char num[16];
    int w = snprintf(num, sizeof num, "%u", line);
    if (w < 4)
        w = 4;
    size_t b = g->span.begin > line_begin ? g->span.begin - line_begin : 0;
    size_t e = g->span.end > line_begin ? g->span.end - line_begin : 0;
    if (b > len)
        b = len;
    if (e > len)
        e = len;
    size_t from = 0, to = len;
    if (len > EXCERPT_WHOLE) {
        from = b > EXCERPT_SIDE ? char_start(text, b - EXCERPT_SIDE) : 0;
        to = len - b > EXCERPT_SIDE ? char_start(text, b + EXCERPT_SIDE) : len;
        if (e > to)
            e = to;
    }
    ob_printf(out, " %*u | %s", w, line, from ? "…" : "");
    /* Invalid bytes are shown as '?' so the terminal stays sane. */
    for (size_t i = from; i < to;) {
        size_t l = cdg_utf8_valid_len((const unsigned char *)text + i, to - i);
        if (l == 0 || text[i] == '\0' || (l == 1 && ((unsigned char)text[i] < 0x20 || text[i] == 0x7f) && text[i] != '\t')) {
            ob_putc(out, '?');
            i++;
        } else {
            ob_write(out, text + i, l);
            i += l;
        }
    }
    ob_printf(out, "%s\n %*s | %s", to < len ? "…" : "", w, "", from ? " " : "");
    for (size_t i = from; i < b;) {  /* indent: keep tabs, one space per column */
        size_t l = cdg_utf8_valid_len((const unsigned char *)text + i, len - i);
        if (l == 0)
            l = 1;
        if (text[i] == '\t')
            ob_putc(out, '\t');
        else
            ob_repeat(out, ' ', cdg_utf8_width(text + i, l));
        i += l;
    }
    if (st->color)
        ob_puts(out, "\033[1;32m");
    ob_putc(out, '^');
    size_t wid = e > b ? cdg_utf8_width(text + b, e - b) : 1;
    if (wid > 1)
        ob_repeat(out, '~', wid - 1);
    if (st->color)
        ob_puts(out, "\033[0m");
    ob_putc(out, '\n');
}

void cdg_diag_position(cdg_diag_cursor *c, cdg_source *src, size_t offset, unsigned *line,
                       unsigned *col)
{
    size_t l = cdg_source_line_at(src, &offset);
    if (c->src == src && c->line == l + 1 && c->offset <= offset) {
        c->col += (unsigned)cdg_utf8_count(src->text + c->offset, offset - c->offset);
    } else {
        c->src = src;
        c->line = (unsigned)l + 1;
        c->col = (unsigned)cdg_utf8_count(src->text + src->lines[l], offset - src->lines[l]) + 1;
    }
    c->offset = offset;
    *line = c->line;
    *col = c->col;
}

static void print_one(outbuf *out, cdg_diag_cursor *at, const cdg_diag *g, const cdg_diag_style *st)
{
    unsigned line, col;
    cdg_diag_position(at, g->src, g->span.begin, &line, &col);
    if (st->color)
        ob_printf(out, "\033[1m%s:%u:%u:\033[0m %s%s:\033[0m \033[1m%s\033[0m\n", g->src->name,
                  line, col, severity_color(g->severity), _(cdg_severity_name(g->severity)),
                  g->text);
    else
        ob_printf(out, "%s:%u:%u: %s: %s\n", g->src->name, line, col,
                  _(cdg_severity_name(g->severity)), g->text);
    print_excerpt(out, g, line, st);
}

/* One diagnostic and its notes into the buffer. */
static void print_with_notes(outbuf *out, cdg_diag_cursor *at, const cdg_diag *g,
                             const cdg_diag_style *st)
{
    print_one(out, at, g, st);
    for (const cdg_diag *n = g->note; n; n = n->note)
        print_one(out, at, n, st);
}

void cdg_diag_print(FILE *out, const cdg_diag *g, const cdg_diag_style *st)
{
    outbuf ob = {.out = out, .len = 0};
    cdg_diag_cursor at = {0};
    print_with_notes(&ob, &at, g, st);
    ob_flush(&ob);
}

void cdg_diags_print(FILE *out, const cdg_diags *d, const cdg_diag_style *st)
{
    outbuf ob = {.out = out, .len = 0};
    cdg_diag_cursor at = {0};
    for (size_t i = 0; i < d->len; i++)
        print_with_notes(&ob, &at, d->items[i], st);
    ob_flush(&ob);
}

/* The text format (diag_format.h): each file's diagnostics on stderr as
 * they come; nothing to open or close around them. */
void cdg_diag_text_begin(cdg_diag_run *run)
{
    (void)run;
}

void cdg_diag_text_file(cdg_diag_run *run, const cdg_diags *d)
{
    cdg_diags_print(run->err, d, &run->style);
}

void cdg_diag_text_end(cdg_diag_run *run, bool ok)
{
    (void)run;
    (void)ok;
}
