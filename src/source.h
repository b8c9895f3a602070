/* source.h — a loaded source text and its line index.
 *
 * Positions in the whole project are byte offsets into the text; lines and
 * columns are computed only when a diagnostic is printed. */
#ifndef CDG_SOURCE_H
#define CDG_SOURCE_H

#include <stddef.h>
#include <stdint.h>

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

/* Largest file accepted: positions fit in 32 bits with room to spare. */
#define CDG_SOURCE_MAX ((size_t)1 << 30)

typedef enum {
    CDG_SOURCE_OK,
    CDG_SOURCE_ERR_OPEN,     /* errno tells why */
    CDG_SOURCE_ERR_DIR,
    CDG_SOURCE_ERR_NOT_REGULAR,
    CDG_SOURCE_ERR_READ,
    CDG_SOURCE_ERR_TOO_BIG
} cdg_source_status;

/* Reads a file (or stdin for "-") into the arena. */
cdg_source_status cdg_source_read(cdg_arena *a, const char *path, cdg_source **out);
/* Wraps a buffer (copied into the arena). */
cdg_source *cdg_source_from_buffer(cdg_arena *a, const char *name, const char *data, size_t len);
/* A one-line description of a read failure, for the CLI. */
const char *cdg_source_strerror(cdg_source_status st, int err);

/* 1-based line and column (in characters) of a byte offset. */
void cdg_source_position(cdg_source *s, size_t offset, unsigned *line, unsigned *col);
/* The text of a 1-based line, without its newline. */
const char *cdg_source_line(cdg_source *s, unsigned line, size_t *len);

#endif
