/* table.c — aligned text tables. */
#include "table.h"

#include <stdarg.h>
#include <string.h>

#include "utf8.h"

typedef struct table_row {
    const char **cells;
    struct table_row *next;
} table_row;

struct cdg_table {
    cdg_arena *arena;
    unsigned ncols, next_col;
    table_row *first, *last;
};

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

void cdg_table_print(const cdg_table *t, FILE *out, const char *indent, int heading)
{
    size_t width[64] = {0};
    unsigned ncols = t->ncols < 64 ? t->ncols : 64;
    for (const table_row *r = t->first; r; r = r->next)
        for (unsigned c = 0; c < ncols; c++) {
            size_t w = cell_width(r->cells[c]);
            if (w > width[c])
                width[c] = w;
        }
    unsigned last = ncols;
    for (const table_row *r = t->first; r; r = r->next) {
        /* The last non-empty cell of the row ends the line (no trailing blanks). */
        last = 0;
        for (unsigned c = 0; c < ncols; c++)
            if (r->cells[c] && r->cells[c][0])
                last = c + 1;
        fputs(indent, out);
        for (unsigned c = 0; c < last; c++) {
            const char *s = r->cells[c] ? r->cells[c] : "";
            fputs(s, out);
            if (c + 1 < last)
                fprintf(out, "%*s", (int)(width[c] - cell_width(s) + 2), "");
        }
        fputc('\n', out);
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
