/* lsp_io.c — the base protocol's framing: "Content-Length: N\r\n\r\n"
 * then N bytes of JSON, both ways. */
#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "lsp.h"

/* A header block longer than this is not a header: resynchronise. */
enum { MAX_HEADER = 4096 };

void lsp_reader_init(lsp_reader *r, int fd)
{
    memset(r, 0, sizeof *r);
    r->fd = fd;
}

void lsp_reader_free(lsp_reader *r)
{
    free(r->buf);
    r->buf = NULL;
}

/* Reads more input after the unconsumed bytes (moved to the front);
 * returns the count read, 0 at the end of the input (or an error). */
static size_t fill(lsp_reader *r, size_t want)
{
    if (r->pos) {
        memmove(r->buf, r->buf + r->pos, r->len - r->pos);
        r->len -= r->pos;
        r->pos = 0;
    }
    if (want < 65536)
        want = 65536;
    if (r->cap - r->len < want) {
        size_t cap = r->len + want;
        char *b = realloc(r->buf, cap + 1);
        if (!b)
            return 0;
        r->buf = b;
        r->cap = cap;
    }
    for (;;) {
        ssize_t n = read(r->fd, r->buf + r->len, r->cap - r->len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return 0;
        r->len += (size_t)n;
        return (size_t)n;
    }
}

/* The end of the header block ("\r\n\r\n", or "\n\n" from a lax client)
 * in the unconsumed bytes: the offset after it, or 0. */
static size_t header_end(const lsp_reader *r)
{
    for (size_t i = r->pos; i + 1 < r->len; i++) {
        if (r->buf[i] == '\n' && r->buf[i + 1] == '\n')
            return i + 2;
        if (i + 3 < r->len && memcmp(r->buf + i, "\r\n\r\n", 4) == 0)
            return i + 4;
    }
    return 0;
}

/* The Content-Length value of the header block [from, to); -1 when absent
 * or not a number. */
static long long content_length(const char *from, const char *to)
{
    static const char name[] = "content-length:";
    for (const char *p = from; p < to;) {
        const char *eol = memchr(p, '\n', (size_t)(to - p));
        if (!eol)
            eol = to;
        if ((size_t)(eol - p) > sizeof name - 1 && strncasecmp(p, name, sizeof name - 1) == 0) {
            const char *v = p + sizeof name - 1;
            while (v < eol && (*v == ' ' || *v == '\t'))
                v++;
            long long n = 0;
            const char *digits = v;
            while (v < eol && *v >= '0' && *v <= '9' && n < (long long)LSP_MAX_BODY * 2)
                n = n * 10 + (*v++ - '0');
            while (v < eol && (*v == ' ' || *v == '\t' || *v == '\r'))
                v++;
            return v == eol && v > digits ? n : -1;
        }
        p = eol + 1;
    }
    return -1;
}

/* Drops input up to the next "Content-Length" (a message's start) after
 * the current position, reading more when needed; false at the end. */
static bool resync(lsp_reader *r)
{
    r->pos++;
    for (;;) {
        for (size_t i = r->pos; i + 15 <= r->len; i++)
            if (strncasecmp(r->buf + i, "content-length:", 15) == 0) {
                r->pos = i;
                return true;
            }
        if (r->len - r->pos > 14)
            r->pos = r->len - 14;
        if (!fill(r, 0))
            return false;
    }
}

/* Skips n bytes of input (a body too large to hold); false at the end. */
static bool skip(lsp_reader *r, size_t n)
{
    while (n) {
        size_t have = r->len - r->pos;
        size_t k = have < n ? have : n;
        r->pos += k;
        n -= k;
        if (n && !fill(r, 0))
            return false;
    }
    return true;
}

lsp_read_status lsp_read(lsp_reader *r, char **body, size_t *len)
{
    size_t end;
    while (!(end = header_end(r))) {
        if (r->len - r->pos > MAX_HEADER) {
            if (!resync(r))
                return LSP_TRUNCATED;
            return LSP_BAD_FRAME;
        }
        if (!fill(r, 0))
            return r->len == r->pos ? LSP_EOF : LSP_TRUNCATED;
    }
    long long n = content_length(r->buf + r->pos, r->buf + end);
    if (n < 0)  /* garbage before a header (a body shorter than announced) */
        return resync(r) ? LSP_BAD_FRAME : LSP_EOF;
    r->pos = end;
    if ((size_t)n > LSP_MAX_BODY)
        return skip(r, (size_t)n) ? LSP_BAD_FRAME : LSP_TRUNCATED;
    while (r->len - r->pos < (size_t)n)
        if (!fill(r, (size_t)n - (r->len - r->pos)))
            return LSP_TRUNCATED;
    char *b = malloc((size_t)n + 1);
    if (!b) {
        r->pos += (size_t)n;
        return LSP_BAD_FRAME;
    }
    memcpy(b, r->buf + r->pos, (size_t)n);
    b[n] = '\0';
    r->pos += (size_t)n;
    *body = b;
    *len = (size_t)n;
    return LSP_MSG;
}

bool lsp_pending(lsp_reader *r)
{
    if (r->len > r->pos)
        return true;
    struct pollfd p = {.fd = r->fd, .events = POLLIN};
    return poll(&p, 1, 0) > 0;
}

/* Writes all of buf, retrying short writes; false on an error. */
static bool write_all(int fd, const char *buf, size_t n)
{
    while (n) {
        ssize_t w = write(fd, buf, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return false;
        buf += w;
        n -= (size_t)w;
    }
    return true;
}

bool lsp_write(int fd, const char *body, size_t len)
{
    char head[64];
    int h = snprintf(head, sizeof head, "Content-Length: %zu\r\n\r\n", len);
    return write_all(fd, head, (size_t)h) && write_all(fd, body, len);
}
