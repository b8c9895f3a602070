/* arena.h — region allocator: every object of a loaded file lives in one
 * arena and dies with it in one call (cdg_arena_free). The library
 * allocates inside arenas (alloc.h, not installed); a program only
 * creates them, frees them, and catches allocation failures.
 *
 * A cdg_memctl can make the Nth allocation fail so that tests can check
 * every out-of-memory path. On failure the arena jumps to the handler its
 * owner installed (cdg_arena_catch), like Lua's luaD_throw. */
#ifndef CDG_ARENA_H
#define CDG_ARENA_H

#include <setjmp.h>
#include <stddef.h>

#include "api.h"

/* Allocation control shared by the arenas of one run (no global state). */
typedef struct cdg_memctl {
    long fail_at;  /* fail the allocation with this index (0-based); <0: never */
    long count;    /* allocations made so far */
} cdg_memctl;

typedef struct cdg_arena cdg_arena;

/* A new empty arena, or NULL when memory is exhausted. */
CDG_API cdg_arena *cdg_arena_new(cdg_memctl *ctl);
/* Frees the arena and everything allocated from it. NULL is allowed. */
CDG_API void cdg_arena_free(cdg_arena *a);

/* Installs the jump target used when an allocation fails (NULL removes it)
 * and returns the previous one. Without a target, an allocation failure
 * prints a message and exits(2). */
CDG_API jmp_buf *cdg_arena_catch(cdg_arena *a, jmp_buf *target);

/* Bytes handed out so far (for limits and benchmarks). */
CDG_API size_t cdg_arena_used(const cdg_arena *a);

#endif
