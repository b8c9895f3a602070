/* source_read.h — reading a source text into an arena, for the loader
 * (unit.c; not installed: a program loads a unit, unit.h). */
#ifndef CDG_SOURCE_READ_H
#define CDG_SOURCE_READ_H

#include "alloc.h"
#include "source.h"

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
/* The 0-based line holding *offset, clamped to the text (builds the line
 * index on first use). */
size_t cdg_source_line_at(cdg_source *s, size_t *offset);
/* A one-line description of a read failure, for the CLI. */
const char *cdg_source_strerror(cdg_source_status st, int err);

#endif
