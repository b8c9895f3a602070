/* table.h — aligned text tables for terminal output. Column widths are
 * display widths (cdg_utf8_width), so accented text lines up. */
#ifndef CDG_TABLE_H
#define CDG_TABLE_H

#include <stdio.h>

#include "alloc.h"

typedef struct cdg_table cdg_table;

/* A table of ncols columns (at most 64) whose memory lives in arena a. */
cdg_table *cdg_table_new(cdg_arena *a, unsigned ncols);
/* Starts a new row; the following cdg_table_cell calls fill it left to right. */
void cdg_table_row(cdg_table *t);
/* Sets the next cell of the current row (copied; NULL prints as empty). */
void cdg_table_cell(cdg_table *t, const char *text);
/* printf into the next cell. */
void cdg_table_cellf(cdg_table *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Limits printed lines to width display columns (0: no limit, the default):
 * the widest columns are narrowed and their cells wrapped at spaces, so a
 * table fits the terminal. */
void cdg_table_set_max_width(cdg_table *t, unsigned width);
/* Prints every row, columns separated by two spaces, each line prefixed by
 * indent; the first row is the heading when heading is non-zero (underlined
 * with dashes). Trailing blanks are not printed. */
void cdg_table_print(const cdg_table *t, FILE *out, const char *indent, int heading);

#endif
