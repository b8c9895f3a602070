/* csv.c — streaming RFC 4180 reader and buffered writer. */
#include "csv.h"

#include "nls.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

void cdg_csv_reader_init(cdg_csv_reader *r, cdg_arena *a, int fd, size_t bufsize,
                         size_t max_fields)
{
    memset(r, 0, sizeof *r);
    r->fd = fd;
    r->cap = bufsize;
    r->buf = cdg_arena_alloc(a, bufsize);
    r->line = 1;
    r->sep = ',';
    r->max_fields = max_fields;
    r->fields = cdg_arena_calloc(a, max_fields, sizeof *r->fields);
}

/* Records an error at line and returns -1. */
static int fail(cdg_csv_reader *r, unsigned long line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static int fail(cdg_csv_reader *r, unsigned long line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(r->error, sizeof r->error, _(fmt), ap);
    va_end(ap);
    r->error_line = line;
    return -1;
}

/* Reads more input after the unparsed bytes: 1 when some arrived, 0 at end
 * of input, -1 on error (buffer full or read error). */
static int refill(cdg_csv_reader *r)
{
    if (r->eof)
        return 0;
    if (r->start > 0) {
        memmove(r->buf, r->buf + r->start, r->end - r->start);
        r->end -= r->start;
        r->start = 0;
    }
    if (r->end == r->cap)
        return fail(r, r->line, "record longer than %zu bytes", r->cap);
    for (;;) {
        ssize_t got = read(r->fd, r->buf + r->end, r->cap - r->end);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0)
            return fail(r, r->line, "read error: %s", strerror(errno));
        if (got == 0) {
            r->eof = true;
            return 0;
        }
        r->end += (size_t)got;
        return 1;
    }
}

/* Outcome of parsing one record from the buffer. */
enum { PARSE_OK, PARSE_MORE, PARSE_ERROR };

/* Parses the record at r->start; PARSE_MORE when the buffer ends first and
 * more input may come. */
static int parse(cdg_csv_reader *r, cdg_csv_record *rec)
{
    const char *b = r->buf, *p = b + r->start, *e = b + r->end;
    unsigned long extra_lines = 0;
    size_t nf = 0;
    rec->raw = p;
    rec->crlf = false;
    for (;;) {
        if (nf == r->max_fields) {
            fail(r, r->line, "more than %zu fields", r->max_fields);
            return PARSE_ERROR;
        }
        cdg_csv_field *f = &r->fields[nf++];
        f->p = p;
        if (p < e && *p == '"') {
            f->quoted = true;
            p++;
            for (;;) {
                const char *q = memchr(p, '"', (size_t)(e - p));
                if (!q) {
                    if (!r->eof)
                        return PARSE_MORE;
                    fail(r, r->line, "unterminated quoted field");
                    return PARSE_ERROR;
                }
                for (const char *c = p; c < q; c++)
                    extra_lines += *c == '\n';
                p = q + 1;
                if (p == e && !r->eof)
                    return PARSE_MORE;
                if (p < e && *p == '"') {
                    p++;
                    continue;
                }
                break;
            }
            f->n = (size_t)(p - f->p);
            if (p < e && *p != r->sep && *p != '\n' && *p != '\r') {
                fail(r, r->line + extra_lines, "unexpected character after a closing quote");
                return PARSE_ERROR;
            }
        } else {
            f->quoted = false;
            while (p < e && *p != r->sep && *p != '\n' && *p != '\r') {
                if (*p == '"') {
                    fail(r, r->line, "quote inside an unquoted field (quote the whole field)");
                    return PARSE_ERROR;
                }
                p++;
            }
            f->n = (size_t)(p - f->p);
        }
        if (p == e) {
            if (!r->eof)
                return PARSE_MORE;
            rec->raw_len = (size_t)(p - rec->raw);
            r->start = r->end;
            break;
        }
        if (*p == r->sep) {
            p++;
            continue;
        }
        rec->raw_len = (size_t)(p - rec->raw);
        if (*p == '\r') {
            if (p + 1 == e && !r->eof)
                return PARSE_MORE;
            if (p + 1 == e || p[1] != '\n') {
                fail(r, r->line + extra_lines, "carriage return not followed by a line feed");
                return PARSE_ERROR;
            }
            rec->crlf = true;
            p++;
        }
        r->start = (size_t)(p + 1 - b);
        break;
    }
    rec->fields = r->fields;
    rec->nfields = nf;
    rec->line = r->line;
    r->line += 1 + extra_lines;
    return PARSE_OK;
}

/* Chooses ';' as the separator when the first line (read in whole, or as
 * much of it as the buffer holds) has more ';' than ',' outside quotes. */
static int detect_separator(cdg_csv_reader *r)
{
    r->detect_sep = false;
    while (!memchr(r->buf + r->start, '\n', r->end - r->start) && r->end < r->cap) {
        int got = refill(r);
        if (got < 0)
            return -1;
        if (got == 0)
            break;
    }
    size_t commas = 0, semis = 0;
    bool quoted = false;
    for (size_t i = r->start; i < r->end && (quoted || r->buf[i] != '\n'); i++) {
        char c = r->buf[i];
        quoted ^= c == '"';
        commas += !quoted && c == ',';
        semis += !quoted && c == ';';
    }
    if (semis > commas)
        r->sep = ';';
    return 0;
}

int cdg_csv_read(cdg_csv_reader *r, cdg_csv_record *rec)
{
    for (;;) {
        if (r->start == r->end) {
            int got = refill(r);
            if (got < 0)
                return -1;
            if (got == 0 && r->start == r->end)
                return 0;
        }
        if (r->line == 1 && r->start == 0 && r->end - r->start >= 3 &&
            memcmp(r->buf, "\xEF\xBB\xBF", 3) == 0)
            r->start = 3;
        if (r->detect_sep && detect_separator(r) < 0)
            return -1;
        int st = parse(r, rec);
        if (st == PARSE_OK)
            return 1;
        if (st == PARSE_ERROR)
            return -1;
        if (refill(r) < 0)
            return -1;
    }
}

const char *cdg_csv_pending(const cdg_csv_reader *r, size_t *len)
{
    *len = r->end - r->start;
    return r->buf + r->start;
}

size_t cdg_csv_unquote(const cdg_csv_field *f, char *out, size_t cap)
{
    const char *s = f->p, *e = f->p + f->n;
    if (f->quoted) {
        s++;
        e--;
    }
    size_t n = 0;
    for (; s < e; s++) {
        if (f->quoted && *s == '"')
            s++;
        if (n + 1 < cap)
            out[n] = *s;
        n++;
    }
    if (cap)
        out[n < cap ? n : cap - 1] = '\0';
    return n;
}

void cdg_csv_writer_init(cdg_csv_writer *w, cdg_arena *a, int fd, size_t bufsize)
{
    w->fd = fd;
    w->cap = bufsize;
    w->len = 0;
    w->err = 0;
    w->buf = cdg_arena_alloc(a, bufsize);
}

bool cdg_csv_flush(cdg_csv_writer *w)
{
    size_t off = 0;
    while (off < w->len && !w->err) {
        ssize_t put = write(w->fd, w->buf + off, w->len - off);
        if (put < 0 && errno == EINTR)
            continue;
        if (put < 0)
            w->err = errno;
        else
            off += (size_t)put;
    }
    w->len = 0;
    return !w->err;
}

bool cdg_csv_write(cdg_csv_writer *w, const char *s, size_t n)
{
    while (n > 0 && !w->err) {
        if (w->len == w->cap && !cdg_csv_flush(w))
            break;
        size_t k = w->cap - w->len < n ? w->cap - w->len : n;
        memcpy(w->buf + w->len, s, k);
        w->len += k;
        s += k;
        n -= k;
    }
    return !w->err;
}

bool cdg_csv_write_field(cdg_csv_writer *w, const char *s, size_t n)
{
    bool quote = false;
    for (size_t i = 0; i < n && !quote; i++)
        quote = s[i] == ',' || s[i] == '"' || s[i] == '\r' || s[i] == '\n';
    if (!quote)
        return cdg_csv_write(w, s, n);
    cdg_csv_write(w, "\"", 1);
    /* Each quote is written twice: once ending a chunk, once starting the next. */
    const char *chunk = s;
    for (size_t i = 0; i < n; i++)
        if (s[i] == '"') {
            cdg_csv_write(w, chunk, (size_t)(s + i + 1 - chunk));
            chunk = s + i;
        }
    cdg_csv_write(w, chunk, (size_t)(s + n - chunk));
    return cdg_csv_write(w, "\"", 1);
}
