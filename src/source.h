/* source.h — a loaded source text and its line index.
 *
 * Positions in the whole project are byte offsets into the text; lines and
 * columns are computed only when a diagnostic is printed. */
#ifndef CDG_SOURCE_H
#define CDG_SOURCE_H

#include <stddef.h>
#include <stdint.h>

#include "api.h"
#include "arena.h"

/* A half-open byte range [begin, end) of the source text. */
typedef struct cdg_span {
    uint32_t begin, end;
} cdg_span;

typedef struct cdg_source {
    const char *name;   /* as given on the command line ("-" is stdin) */
    char *text;         /* len bytes, followed by two NUL bytes */
    size_t len;
    uint32_t *lines;    /* offsets of line starts, built on first use */
    size_t nlines;
    cdg_arena *arena;
} cdg_source;

/* 1-based line and column (in characters) of a byte offset. */
CDG_API void cdg_source_position(cdg_source *s, size_t offset, unsigned *line, unsigned *col);
/* The text of a 1-based line, without its newline. */
CDG_API const char *cdg_source_line(cdg_source *s, unsigned line, size_t *len);

#endif
