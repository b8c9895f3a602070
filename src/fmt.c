/* fmt.c — re-emitting a syntax tree in the canonical layout.
 *
 * Output is built one line at a time. Each line is made of "atoms" (tokens
 * copied from the source by their span) and literal punctuation. Comments
 * are taken in source order: an own-line comment met before an atom goes
 * above the line being built; a trailing comment goes at the end of the
 * line holding the token it followed. */
#include "fmt.h"

#include <stdbool.h>
#include <string.h>

#include "ast.h"
#include "utf8.h"

/* A growable list of comments, in the arena. */
typedef struct cvec {
    const cdg_comment **items;
    size_t len, cap;
} cvec;

typedef struct fmt_writer {
    cdg_arena *a;
    const char *src;
    cdg_buf out;
    const cdg_comment *next;     /* first comment not yet placed */
    cdg_buf line;                /* the line being built (without indent) */
    bool started;                /* the line has an atom */
    bool is_close;               /* the line starts with a block's '>' */
    unsigned indent, before_indent;
    uint32_t line_begin;         /* source offset of the line's first atom */
    cvec before, after;          /* comments above the line / after it */
    uint32_t last_end;           /* source offset of everything emitted so far */
    bool no_blank;               /* next piece follows a '<' or starts the file */
    cdg_fmt_sink sink;           /* where out goes when it is full, or NULL: kept whole */
    void *sink_ctx;
} fmt_writer;

/* Bytes of output held before they go to the sink: large enough that the
 * sink is called rarely, small against any file worth streaming. */
enum { FMT_CHUNK = 64 * 1024 };

/* Hands the output built so far to the sink (a streaming writer holds
 * one chunk, not the whole text: the text is as large as the file). */
static void flush(fmt_writer *w)
{
    if (w->sink && w->out.len) {
        w->sink(w->sink_ctx, w->out.data, w->out.len);
        cdg_buf_clear(&w->out);
    }
}

static void cvec_push(fmt_writer *w, cvec *v, const cdg_comment *c)
{
    if (v->len == v->cap) {
        size_t cap = v->cap ? v->cap * 2 : 8;
        const cdg_comment **items = cdg_arena_calloc(w->a, cap, sizeof *items);
        if (v->len)
            memcpy(items, v->items, v->len * sizeof *items);
        v->items = items;
        v->cap = cap;
    }
    v->items[v->len++] = c;
}

/* Offset just after the token a trailing comment follows. */
static uint32_t comment_prev_end(const fmt_writer *w, const cdg_comment *c)
{
    uint32_t i = c->span.begin;
    while (i > 0 && (w->src[i - 1] == ' ' || w->src[i - 1] == '\t'))
        i--;
    return i;
}

/* Whether a blank line directly precedes the line holding offset pos, and
 * lies after everything already emitted. */
static bool blank_before(const fmt_writer *w, uint32_t pos)
{
    uint32_t i = pos;
    while (i > 0 && (w->src[i - 1] == ' ' || w->src[i - 1] == '\t'))
        i--;
    if (i == 0 || w->src[i - 1] != '\n')
        return false;
    i--;
    while (i > 0 && (w->src[i - 1] == ' ' || w->src[i - 1] == '\t' || w->src[i - 1] == '\r'))
        i--;
    return i > 0 && w->src[i - 1] == '\n' && i - 1 >= w->last_end;
}

static void put_indent(fmt_writer *w, unsigned n)
{
    for (unsigned i = 0; i < n; i++)
        cdg_buf_putc(&w->out, ' ');
}

/* The comment's text without trailing blanks. */
static void put_comment_text(fmt_writer *w, const cdg_comment *c)
{
    uint32_t e = c->span.end;
    while (e > c->span.begin && (w->src[e - 1] == ' ' || w->src[e - 1] == '\t'))
        e--;
    cdg_buf_add(&w->out, w->src + c->span.begin, e - c->span.begin);
}

/* An own-line comment at indent n, after a blank line when the author had
 * one (and the place allows it). */
static void put_own_comment(fmt_writer *w, const cdg_comment *c, unsigned n, bool may_blank)
{
    if (may_blank && !w->no_blank && blank_before(w, c->span.begin))
        cdg_buf_putc(&w->out, '\n');
    put_indent(w, n);
    put_comment_text(w, c);
    cdg_buf_putc(&w->out, '\n');
    w->no_blank = false;
    if (c->span.end > w->last_end)
        w->last_end = c->span.end;
}

/* Places comment c with the line being built. */
static void place(fmt_writer *w, const cdg_comment *c)
{
    if (c->own_line || !w->started)
        cvec_push(w, &w->before, c);
    else
        cvec_push(w, &w->after, c);
}

/* Places every comment that starts before offset pos. */
static void place_before(fmt_writer *w, uint32_t pos)
{
    while (w->next && w->next->span.begin < pos) {
        place(w, w->next);
        w->next = w->next->next;
    }
}

/* Starts a line at indent n; own-line comments above it go at before_n. */
static void line_start(fmt_writer *w, unsigned n, unsigned before_n, bool is_close)
{
    if (w->started)
        return;
    w->indent = n;
    w->before_indent = before_n;
    w->is_close = is_close;
}

/* Appends the string s[0..n), written between typographic quotes (“…”,
 * « … », ‘…’: pasted from a word processor, an error for the checker), as
 * the same string between straight quotes: the quotes and the blanks
 * inside guillemets go, as the scanner drops them; a backslash, literal
 * there, is escaped. */
static void put_straight_string(fmt_writer *w, const char *s, size_t n)
{
    size_t k = cdg_utf8_curly_quote(s, n);
    s += k, n -= k;
    if (n >= 1 && s[n - 1] == '"')
        n--;
    else if (n >= 2 && cdg_utf8_curly_quote(s + n - 2, 2) == 2)
        n -= 2;
    else if (n >= 3 && cdg_utf8_curly_quote(s + n - 3, 3) == 3)
        n -= 3;
    while ((k = cdg_utf8_blank(s, n)) > 0)
        s += k, n -= k;
    while ((k = cdg_utf8_blank_end(s, n)) > 0)
        n -= k;
    cdg_buf_putc(&w->line, '"');
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\\')
            cdg_buf_putc(&w->line, '\\');
        cdg_buf_putc(&w->line, s[i]);
    }
    cdg_buf_putc(&w->line, '"');
}

/* Appends the source text of span as a token of the line. */
static void atom(fmt_writer *w, cdg_span sp)
{
    place_before(w, sp.begin);
    if (!w->started) {
        w->started = true;
        w->line_begin = sp.begin;
    }
    if (cdg_utf8_curly_quote(w->src + sp.begin, sp.end - sp.begin))
        put_straight_string(w, w->src + sp.begin, sp.end - sp.begin);
    else
        cdg_buf_add(&w->line, w->src + sp.begin, sp.end - sp.begin);
}

static void lit(fmt_writer *w, const char *s)
{
    cdg_buf_puts(&w->line, s);
}

/* Ends the line, whose construct ends at source offset end: places the
 * comments inside it and the trailing comment after it, then writes the
 * comments above, the line and its trailing comment. */
static void commit(fmt_writer *w, uint32_t end)
{
    while (w->next && (w->next->span.begin < end ||
                       (!w->next->own_line && comment_prev_end(w, w->next) <= end))) {
        place(w, w->next);
        w->next = w->next->next;
    }
    if (w->after.len > 1) {
        /* Only one comment fits at the end of a line: several go above it,
         * in source order, still with their construct. */
        for (size_t i = 0; i < w->after.len; i++)
            cvec_push(w, &w->before, w->after.items[i]);
        w->after.len = 0;
        for (size_t i = 1; i < w->before.len; i++)
            for (size_t j = i; j > 0 && w->before.items[j - 1]->span.begin >
                                            w->before.items[j]->span.begin; j--) {
                const cdg_comment *t = w->before.items[j];
                w->before.items[j] = w->before.items[j - 1];
                w->before.items[j - 1] = t;
            }
    }
    for (size_t i = 0; i < w->before.len; i++)
        put_own_comment(w, w->before.items[i], w->before_indent, true);
    w->before.len = 0;
    if (!w->no_blank && !w->is_close && w->line_begin >= w->last_end &&
        blank_before(w, w->line_begin))
        cdg_buf_putc(&w->out, '\n');
    put_indent(w, w->indent);
    cdg_buf_add(&w->out, w->line.data, w->line.len);
    if (end > w->last_end)
        w->last_end = end;
    if (w->after.len == 1) {
        const cdg_comment *c = w->after.items[0];
        cdg_buf_putc(&w->out, ' ');
        put_comment_text(w, c);
        if (c->span.end > w->last_end)
            w->last_end = c->span.end;
        w->after.len = 0;
    }
    cdg_buf_putc(&w->out, '\n');
    w->line.len = 0;
    w->started = false;
    w->is_close = false;
    w->no_blank = false;
    if (w->out.len >= FMT_CHUNK)
        flush(w);
}

/* Whether a comment starts inside [begin, end). */
static bool has_comment(const fmt_writer *w, uint32_t begin, uint32_t end)
{
    for (const cdg_comment *c = w->next; c && c->span.begin < end; c = c->next)
        if (c->span.begin >= begin)
            return true;
    return false;
}

/* An entry's block stays on one line unless it holds comments,
 * declarations or a scale of tranches (`tranche:` entries, one per line
 * so that the scale reads as a table). */
static bool block_inline(const fmt_writer *w, const cdg_block *b)
{
    if (has_comment(w, cdg_block_open(b).begin, cdg_block_close(b).end))
        return false;
    for (const cdg_entry *e = cdg_block_entries(b); e; e = cdg_entry_next(e))
        if (cdg_entry_decl(e) || e->key_kw == CDG_KW_TRANCHE ||
            (cdg_entry_block(e) && !block_inline(w, cdg_entry_block(e))))
            return false;
    return true;
}

/* A declaration's block stays on one line when it has at most one plain
 * entry (no block, not a declaration) and no comment. */
static bool decl_one_line(const fmt_writer *w, const cdg_block *b)
{
    if (has_comment(w, cdg_block_open(b).begin, cdg_block_close(b).end))
        return false;
    const cdg_entry *e = cdg_block_entries(b);
    return !e || (e->last && !cdg_entry_decl(e) && !cdg_entry_block(e));
}

static void emit_entry(fmt_writer *w, const cdg_entry *e, unsigned ind);
static void emit_inline_entry(fmt_writer *w, const cdg_entry *e);

/* `< e1; e2; >` on the current line. */
static void emit_inline_block(fmt_writer *w, const cdg_block *b)
{
    atom(w, cdg_block_open(b));
    for (const cdg_entry *e = cdg_block_entries(b); e; e = cdg_entry_next(e)) {
        lit(w, " ");
        emit_inline_entry(w, e);
    }
    lit(w, " ");
    atom(w, cdg_block_close(b));
}

/* A block one entry per line, its '>' on a line of its own at ind. The
 * caller ends the '>' line. */
static void emit_block_lines(fmt_writer *w, const cdg_block *b, unsigned ind)
{
    atom(w, cdg_block_open(b));
    commit(w, cdg_block_open(b).end);
    w->no_blank = true;
    for (const cdg_entry *e = cdg_block_entries(b); e; e = cdg_entry_next(e))
        emit_entry(w, e, ind + 2);
    line_start(w, ind, ind + 2, true);
    atom(w, cdg_block_close(b));
}

/* `key: v1 v2` then the block, if any. */
static void emit_entry_head(fmt_writer *w, const cdg_entry *e)
{
    atom(w, cdg_entry_key_span(e));
    if (cdg_entry_values(e)) {
        lit(w, ":");
        for (const cdg_value *v = cdg_entry_values(e); v; v = cdg_value_next(v)) {
            lit(w, " ");
            atom(w, cdg_value_span(v));
        }
    }
}

static void emit_inline_entry(fmt_writer *w, const cdg_entry *e)
{
    emit_entry_head(w, e);
    if (cdg_entry_block(e)) {
        lit(w, " ");
        emit_inline_block(w, cdg_entry_block(e));
    }
    lit(w, ";");
}

static void emit_decl(fmt_writer *w, const cdg_decl *d, unsigned ind)
{
    line_start(w, ind, ind, false);
    atom(w, cdg_decl_kw_span(d));
    if (d->id) {
        lit(w, " ");
        atom(w, cdg_decl_id_span(d));
    }
    lit(w, " ");
    atom(w, d->label_span);
    if (!d->block) {
        lit(w, ";");
    } else if (decl_one_line(w, d->block)) {
        lit(w, " ");
        emit_inline_block(w, d->block);
    } else {
        lit(w, " ");
        emit_block_lines(w, d->block, ind);
    }
    commit(w, d->span.end);
}

static void emit_entry(fmt_writer *w, const cdg_entry *e, unsigned ind)
{
    if (cdg_entry_decl(e)) {
        emit_decl(w, cdg_entry_decl(e), ind);
        return;
    }
    line_start(w, ind, ind, false);
    emit_entry_head(w, e);
    if (cdg_entry_block(e)) {
        lit(w, " ");
        if (block_inline(w, cdg_entry_block(e)))
            emit_inline_block(w, cdg_entry_block(e));
        else
            emit_block_lines(w, cdg_entry_block(e), ind);
    }
    lit(w, ";");
    commit(w, cdg_entry_span(e).end);
}

/* Lays out the whole of ast into w. */
static void emit_all(fmt_writer *w, const cdg_ast *ast)
{
    for (const cdg_decl *d = ast->decls; d; d = cdg_decl_next(d))
        emit_decl(w, d, 0);
    for (; w->next; w->next = w->next->next)
        put_own_comment(w, w->next, 0, true);
}

const char *cdg_fmt(cdg_arena *a, const cdg_ast *ast, size_t *len)
{
    fmt_writer w = {.a = a, .src = ast->src->text, .next = ast->comments, .no_blank = true};
    cdg_buf_init(&w.out, a);
    cdg_buf_init(&w.line, a);
    emit_all(&w, ast);
    *len = w.out.len;
    return cdg_buf_str(&w.out);
}

void cdg_fmt_write(cdg_arena *a, const cdg_ast *ast, cdg_fmt_sink sink, void *ctx)
{
    fmt_writer w = {.a = a, .src = ast->src->text, .next = ast->comments, .no_blank = true,
                    .sink = sink, .sink_ctx = ctx};
    cdg_buf_init(&w.out, a);
    cdg_buf_init(&w.line, a);
    emit_all(&w, ast);
    flush(&w);
}
