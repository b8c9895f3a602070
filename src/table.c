/* table.c — aligned text tables. */
#include "table.h"

#include <stdarg.h>
#include <stdbool.h>
#include <string.h>

#include "utf8.h"

typedef struct table_row {
    const char **cells;
    struct table_row *next;
} table_row;

struct cdg_table {
    cdg_arena *arena;
    unsigned ncols, next_col;
    unsigned max_width;   /* 0: unlimited */
    table_row *first, *last;
};

/* No column is narrowed below this (or its natural width if smaller). */
enum { MIN_COL_WIDTH = 10, MAX_COLS = 64, MAX_LINES = 64 };

void cdg_table_set_max_width(cdg_table *t, unsigned width) { t->max_width = width; }

cdg_table *cdg_table_new(cdg_arena *a, unsigned ncols)
{
    cdg_table *t = cdg_arena_calloc(a, 1, sizeof *t);
    t->arena = a;
    t->ncols = ncols;
    return t;
}

void cdg_table_row(cdg_table *t)
{
    table_row *r = cdg_arena_calloc(t->arena, 1, sizeof *r);
    r->cells = cdg_arena_calloc(t->arena, t->ncols, sizeof *r->cells);
    if (t->last)
        t->last->next = r;
    else
        t->first = r;
    t->last = r;
    t->next_col = 0;
}

void cdg_table_cell(cdg_table *t, const char *text)
{
    if (!t->last || t->next_col >= t->ncols)
        return;
    t->last->cells[t->next_col++] = text ? cdg_arena_strdup(t->arena, text) : NULL;
}

void cdg_table_cellf(cdg_table *t, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char small[256];
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n >= 0 && (size_t)n < sizeof small)
        cdg_table_cell(t, small);
    else if (n >= 0) {
        char *big = cdg_arena_alloc(t->arena, (size_t)n + 1);
        vsnprintf(big, (size_t)n + 1, fmt, ap2);
        cdg_table_cell(t, big);
    }
    va_end(ap2);
}

/* Display width of a cell (NULL is empty). */
static size_t cell_width(const char *s)
{
    return s ? cdg_utf8_width(s, strlen(s)) : 0;
}

/* Narrows the columns whose text wraps at spaces (widest first) until a
 * line fits max (indent included). Identifiers and numbers are never cut:
 * when narrowing the text is not enough, the line stays longer. */
static void fit_widths(size_t *width, const bool *wrappable, unsigned ncols, size_t indent,
                       unsigned max)
{
    size_t total = indent;
    for (unsigned c = 0; c < ncols; c++)
        total += width[c] + (c + 1 < ncols ? 2 : 0);
    while (total > max) {
        unsigned widest = ncols;
        for (unsigned c = 0; c < ncols; c++)
            if (wrappable[c] && width[c] > MIN_COL_WIDTH && (widest == ncols || width[c] > width[widest]))
                widest = c;
        if (widest == ncols)
            return;
        width[widest]--;
        total--;
    }
}

/* Byte length of the longest prefix of s[0..n) whose display width fits
 * w, cut after a space when there is one (at least one character). */
static size_t wrap_prefix(const char *s, size_t n, size_t w)
{
    size_t i = 0, used = 0, last_space = 0;
    while (i < n) {
        size_t l = cdg_utf8_valid_len((const unsigned char *)s + i, n - i);
        if (l == 0)
            l = 1;
        size_t cw = cdg_utf8_width(s + i, l);
        if (used + cw > w && i > 0)
            break;
        used += cw;
        i += l;
        if (s[i - 1] == ' ')
            last_space = i;
    }
    if (i < n && last_space > 0)
        return last_space;
    return i;
}

/* Splits s into lines of display width at most w: starts[k], lens[k]. */
static unsigned wrap_cell(const char *s, size_t w, const char **starts, size_t *lens)
{
    size_t n = strlen(s);
    unsigned k = 0;
    do {
        /* The last line a cell may have takes whatever remains. */
        size_t take = k + 1 == MAX_LINES ? n : wrap_prefix(s, n, w);
        size_t shown = take;
        while (shown > 0 && s[shown - 1] == ' ')
            shown--;  /* no trailing blank at a break */
        starts[k] = s;
        lens[k++] = shown;
        s += take;
        n -= take;
    } while (n > 0 && k < MAX_LINES);
    return k;
}

void cdg_table_print(const cdg_table *t, FILE *out, const char *indent, int heading)
{
    size_t width[MAX_COLS] = {0};
    bool wrappable[MAX_COLS] = {false};
    unsigned ncols = t->ncols < MAX_COLS ? t->ncols : MAX_COLS;
    for (const table_row *r = t->first; r; r = r->next)
        for (unsigned c = 0; c < ncols; c++) {
            size_t w = cell_width(r->cells[c]);
            if (w > width[c])
                width[c] = w;
            if (r != t->first && r->cells[c] && strchr(r->cells[c], ' '))
                wrappable[c] = true;
        }
    if (t->max_width)
        fit_widths(width, wrappable, ncols, cdg_utf8_width(indent, strlen(indent)), t->max_width);
    for (const table_row *r = t->first; r; r = r->next) {
        /* The last non-empty cell of the row ends the line (no trailing blanks). */
        unsigned last = 0, nlines = 1;
        static const char *const empty = "";
        const char *starts[MAX_COLS][MAX_LINES];
        size_t lens[MAX_COLS][MAX_LINES];
        unsigned count[MAX_COLS];
        for (unsigned c = 0; c < ncols; c++) {
            const char *s = r->cells[c] ? r->cells[c] : empty;
            if (s[0])
                last = c + 1;
            count[c] = cell_width(s) > width[c] ? wrap_cell(s, width[c], starts[c], lens[c]) : 1;
            if (count[c] == 1) {
                starts[c][0] = s;
                lens[c][0] = strlen(s);
            }
            if (count[c] > nlines)
                nlines = count[c];
        }
        for (unsigned k = 0; k < nlines; k++) {
            unsigned end = 0;  /* last column with text on this line */
            for (unsigned c = 0; c < last; c++)
                if (k < count[c] && lens[c][k])
                    end = c + 1;
            fputs(indent, out);
            for (unsigned c = 0; c < end; c++) {
                const char *s = k < count[c] ? starts[c][k] : empty;
                size_t len = k < count[c] ? lens[c][k] : 0;
                fwrite(s, 1, len, out);
                if (c + 1 < end)
                    fprintf(out, "%*s", (int)(width[c] - cdg_utf8_width(s, len) + 2), "");
            }
            fputc('\n', out);
        }
        if (heading && r == t->first) {
            fputs(indent, out);
            for (unsigned c = 0; c < ncols; c++) {
                for (size_t k = 0; k < width[c]; k++)
                    fputc('-', out);
                if (c + 1 < ncols)
                    fputs("  ", out);
            }
            fputc('\n', out);
        }
    }
}
