/* lsp_doc.c — an open document: its text, a line index, conversions
 * between byte offsets and the protocol's positions (UTF-16 code units),
 * edits, and its parsed and checked unit. */
#include <stdlib.h>
#include <string.h>

#include "lsp.h"

/* Rebuilds the index of line starts; false when out of memory. */
static bool index_lines(lsp_doc *d)
{
    size_t n = 1;
    for (const char *p = d->text; (p = memchr(p, '\n', (size_t)(d->text + d->len - p))); p++)
        n++;
    if (n > d->lines_cap) {
        uint32_t *l = realloc(d->lines, n * sizeof *l);
        if (!l)
            return false;
        d->lines = l;
        d->lines_cap = n;
    }
    d->lines[0] = 0;
    size_t k = 1;
    for (const char *p = d->text; (p = memchr(p, '\n', (size_t)(d->text + d->len - p))); p++)
        d->lines[k++] = (uint32_t)(p - d->text + 1);
    d->nlines = n;
    return true;
}

lsp_doc *lsp_doc_new(const char *uri, const char *text, size_t len)
{
    if (len >= UINT32_MAX)
        return NULL;
    lsp_doc *d = calloc(1, sizeof *d);
    if (!d)
        return NULL;
    d->uri = strdup(uri);
    d->cap = len + 1;
    d->text = malloc(d->cap);
    if (!d->uri || !d->text) {
        lsp_doc_free(d);
        return NULL;
    }
    memcpy(d->text, text, len);
    d->text[len] = '\0';
    d->len = len;
    if (!index_lines(d)) {
        lsp_doc_free(d);
        return NULL;
    }
    return d;
}

void lsp_doc_free(lsp_doc *d)
{
    if (!d)
        return;
    if (d->good != d->unit)
        cdg_unit_free(d->good);
    cdg_unit_free(d->unit);
    free(d->uri);
    free(d->text);
    free(d->lines);
    free(d);
}

static size_t line_of(const lsp_doc *d, size_t offset);

/* Updates the index for the edit that replaces [begin, end) of the old
 * text by text[0..n): the lines starting after begin and up to end go,
 * one line per newline of text comes, the later ones move by the change
 * of length. Rescanning the whole text (twice) after each keystroke cost
 * 2-3 ms on a 10 MB offer; this is O(lines after the edit), a shift.
 * Called before the text changes; false when out of memory (nothing
 * changed then). */
static bool shift_lines(lsp_doc *d, size_t begin, size_t end, const char *text, size_t n)
{
    size_t lo = line_of(d, begin) + 1, hi = line_of(d, end) + 1, added = 0;
    for (const char *p = text; (p = memchr(p, '\n', (size_t)(text + n - p))); p++)
        added++;
    size_t count = d->nlines - (hi - lo) + added;
    if (count > d->lines_cap) {
        size_t cap = d->lines_cap * 2 > count ? d->lines_cap * 2 : count;
        uint32_t *l = realloc(d->lines, cap * sizeof *l);
        if (!l)
            return false;
        d->lines = l;
        d->lines_cap = cap;
    }
    uint32_t delta = (uint32_t)n - (uint32_t)(end - begin);  /* modulo 2^32 */
    memmove(d->lines + lo + added, d->lines + hi, (d->nlines - hi) * sizeof *d->lines);
    for (size_t i = lo + added; i < count; i++)
        d->lines[i] += delta;
    size_t k = lo;
    for (const char *p = text; (p = memchr(p, '\n', (size_t)(text + n - p))); p++)
        d->lines[k++] = (uint32_t)(begin + (size_t)(p - text) + 1);
    d->nlines = count;
    return true;
}

bool lsp_doc_edit(lsp_doc *d, size_t begin, size_t end, const char *text, size_t n)
{
    if (end > d->len)
        end = d->len;
    if (begin > end)
        begin = end;
    size_t len = d->len - (end - begin) + n;
    if (len >= UINT32_MAX)
        return false;
    if (len + 1 > d->cap) {
        size_t cap = d->cap * 2 > len + 1 ? d->cap * 2 : len + 1;
        char *t = realloc(d->text, cap);
        if (!t)
            return false;
        d->text = t;
        d->cap = cap;
    }
    if (!shift_lines(d, begin, end, text, n))
        return false;
    memmove(d->text + begin + n, d->text + end, d->len - end);
    memcpy(d->text + begin, text, n);
    d->len = len;
    d->text[len] = '\0';
    return true;
}

bool lsp_doc_analyse(lsp_doc *d, cdg_memctl *ctl)
{
    cdg_unit *u = NULL;
    cdg_load_status st = cdg_unit_load_buffer(d->uri, d->text, d->len, ctl, &u);
    if (st == CDG_LOAD_NOMEM || !u) {
        cdg_unit_free(u);
        return false;
    }
    if (d->good != d->unit)
        cdg_unit_free(d->unit);
    d->unit = u;
    if (cdg_unit_ok(u)) {
        cdg_unit_free(d->good);
        d->good = u;
    }
    d->dirty = true;
    return true;
}

/* The line holding byte offset (binary search in the index). */
static size_t line_of(const lsp_doc *d, size_t offset)
{
    size_t lo = 0, hi = d->nlines;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (d->lines[mid] <= offset)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

size_t lsp_doc_line_end(const lsp_doc *d, size_t offset)
{
    size_t l = line_of(d, offset);
    size_t e = l + 1 < d->nlines ? d->lines[l + 1] - 1 : d->len;
    if (e > d->lines[l] && d->text[e - 1] == '\r')
        e--;
    return e;
}

/* The bytes of the UTF-8 sequence starting at p (1 for a stray byte) and
 * the UTF-16 code units it counts for. */
static size_t char_len(const unsigned char *p, size_t avail, unsigned *units)
{
    size_t n = *p < 0x80 ? 1 : *p >= 0xF0 ? 4 : *p >= 0xE0 ? 3 : *p >= 0xC0 ? 2 : 1;
    if (n > avail)
        n = 1;
    for (size_t i = 1; i < n; i++)
        if ((p[i] & 0xC0) != 0x80)
            n = 1;
    *units = n == 4 ? 2 : 1;
    return n;
}

size_t lsp_doc_offset(const lsp_doc *d, lsp_pos p)
{
    if (p.line >= d->nlines)
        return d->len;
    size_t i = d->lines[p.line], end = lsp_doc_line_end(d, i);
    unsigned col = 0;
    while (i < end && col < p.character) {
        unsigned u;
        i += char_len((const unsigned char *)d->text + i, end - i, &u);
        col += u;
    }
    return i;
}

lsp_pos lsp_doc_pos(const lsp_doc *d, size_t offset)
{
    if (offset > d->len)
        offset = d->len;
    size_t l = line_of(d, offset);
    unsigned col = 0;
    for (size_t i = d->lines[l]; i < offset;) {
        unsigned u;
        i += char_len((const unsigned char *)d->text + i, offset - i, &u);
        col += u;
    }
    return (lsp_pos){(unsigned)l, col};
}
