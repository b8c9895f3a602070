/* alloc.h — the library's allocation inside arenas (not installed: a
 * program using the library only creates and frees arenas, arena.h).
 *
 * All memory of the project goes through cdg_mem_alloc, the single
 * allocation choke point; on failure the arena jumps to the handler its
 * owner installed (cdg_arena_catch), like Lua's luaD_throw: callers never
 * test for NULL. */
#ifndef CDG_ALLOC_H
#define CDG_ALLOC_H

#include <stdarg.h>
#include <stddef.h>

#include "arena.h"

/* The choke point: malloc that honours ctl (ctl may be NULL). */
void *cdg_mem_alloc(cdg_memctl *ctl, size_t size);
void *cdg_mem_realloc(cdg_memctl *ctl, void *p, size_t size);

/* Jumps to the arena's handler: used by code that allocates outside the
 * arena (the scanner's buffers) so that every failure takes one path. */
_Noreturn void cdg_arena_throw(cdg_arena *a);
cdg_memctl *cdg_arena_memctl(cdg_arena *a);

/* size bytes aligned for pointers and 64-bit integers (8 bytes, not
 * max_align_t: no arena object holds a long double); never returns NULL. */
void *cdg_arena_alloc(cdg_arena *a, size_t size);
/* Zero-filled n * size bytes (overflow-checked). */
void *cdg_arena_calloc(cdg_arena *a, size_t n, size_t size);
/* A NUL-terminated copy of s[0..n). */
char *cdg_arena_strndup(cdg_arena *a, const char *s, size_t n);
char *cdg_arena_strdup(cdg_arena *a, const char *s);
/* printf into the arena. */
char *cdg_arena_printf(cdg_arena *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* A growable byte buffer inside an arena (old storage is simply left). */
typedef struct cdg_buf {
    cdg_arena *arena;
    char *data;
    size_t len, cap;
} cdg_buf;

void cdg_buf_init(cdg_buf *b, cdg_arena *a);
/* Empties b, keeping its storage: a buffer reused for every string of a
 * file costs its longest string once, not 64 bytes per string. */
void cdg_buf_clear(cdg_buf *b);
void cdg_buf_add(cdg_buf *b, const char *s, size_t n);
void cdg_buf_puts(cdg_buf *b, const char *s);
/* Appends s as a string literal of the language: "…" with \" and \\. */
void cdg_buf_put_literal(cdg_buf *b, const char *s);
void cdg_buf_putc(cdg_buf *b, char c);
void cdg_buf_printf(cdg_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void cdg_buf_vprintf(cdg_buf *b, const char *fmt, va_list ap);
/* The contents as a NUL-terminated string (valid until the next add). */
const char *cdg_buf_str(cdg_buf *b);

#endif
