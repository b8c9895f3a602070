/* fmt.h — the canonical layout of a rules file (`cdgrules fmt`).
 *
 * Works from the syntax tree and the comments the scanner keeps. Every
 * construct gets one layout (see README, "Style"); every comment is kept
 * next to the construct it belongs to; values, labels and numbers are
 * copied exactly as the author spelled them. Formatting never changes the
 * model, and formatting a formatted text changes nothing. */
#ifndef CDG_FMT_H
#define CDG_FMT_H

#include <stddef.h>

#include "api.h"
#include "arena.h"

/* The syntax tree of a unit (unit.h), opaque here. */
typedef struct cdg_ast cdg_ast;

/* The canonical text of ast (which must come from a parse without syntax
 * errors), NUL-terminated, in arena a; *len receives its length. */
CDG_API const char *cdg_fmt(cdg_arena *a, const cdg_ast *ast, size_t *len);

/* Receives the canonical text piece by piece, in order. */
typedef void (*cdg_fmt_sink)(void *ctx, const char *s, size_t n);

/* The same text handed to sink(ctx, …) in pieces of about 64 KB, so that
 * it is never held whole (a large file's text is as large as the file);
 * scratch memory in arena a. */
CDG_API void cdg_fmt_write(cdg_arena *a, const cdg_ast *ast, cdg_fmt_sink sink, void *ctx);

#endif
