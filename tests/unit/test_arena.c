/* test_arena.c — the allocation choke point and the arena's overflow
 * and out-of-memory paths. */
#include <setjmp.h>
#include <stdint.h>

#include "alloc.h"
#include "helpers.h"

Test(arena, the_choke_point_fails_exactly_the_chosen_allocation)
{
    cdg_memctl ctl = {.fail_at = 1, .count = 0};
    void *p = cdg_mem_alloc(&ctl, 0);           /* allocation 0: granted, even of 0 bytes */
    cr_assert_not_null(p);
    cr_assert_null(cdg_mem_realloc(&ctl, p, 10), "allocation 1 must fail");
    void *q = cdg_mem_realloc(&ctl, p, 0);      /* allocation 2: granted */
    cr_assert_not_null(q);
    q = cdg_mem_realloc(NULL, q, 100);
    cr_assert_not_null(q);
    free(q);
    cr_assert_eq(ctl.count, 3);
    ctl = (cdg_memctl){.fail_at = 0};
    cr_assert_null(cdg_arena_new(&ctl), "an arena that cannot be made is NULL");
    cdg_arena_free(NULL);
}

Test(arena, used_counts_every_chunk)
{
    cdg_arena *a = cdg_arena_new(NULL);
    cr_assert_eq(cdg_arena_used(a), 0);
    cdg_arena_strndup(a, "abc", 3);
    cr_assert_eq(cdg_arena_used(a), 4);
    cdg_arena_alloc(a, 100 * 1024);             /* larger than the first chunk */
    cr_assert_geq(cdg_arena_used(a), 4 + 100 * 1024);
    cdg_arena_free(a);
}

Test(arena, long_printf_output_is_whole)
{
    cdg_arena *a = cdg_arena_new(NULL);
    char big[1000];
    memset(big, 'x', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    const char *s = cdg_arena_printf(a, "<%s>", big);
    cr_assert_eq(strlen(s), 1001);
    cr_assert_eq(s[0], '<');
    cr_assert_eq(s[1000], '>');
    cdg_arena_free(a);
}

/* Whether the allocation made by kind k throws to the arena's handler. */
static bool throws(int k)
{
    cdg_arena *volatile a = cdg_arena_new(NULL);  /* changed between setjmp and longjmp */
    jmp_buf jb;
    cdg_arena_catch(a, &jb);
    volatile bool thrown = false;
    if (setjmp(jb) == 0) {
        switch (k) {
        case 0: cdg_arena_alloc(a, SIZE_MAX); break;
        case 1: cdg_arena_calloc(a, SIZE_MAX / 2, 4); break;
        case 2: cdg_arena_strndup(a, "x", SIZE_MAX); break;
        default: {
            cdg_memctl ctl = {.fail_at = 1};
            cdg_arena *b = cdg_arena_new(&ctl);
            cdg_arena_catch(b, &jb);
            cdg_arena_free(a);
            a = b;
            cdg_arena_alloc(b, 8);               /* its first chunk is allocation 1 */
        }
        }
    } else
        thrown = true;
    cdg_arena_free(a);
    return thrown;
}

Test(arena, overflowing_sizes_and_refused_chunks_throw)
{
    for (int k = 0; k < 4; k++)
        cr_assert(throws(k), "case %d did not throw", k);
    cdg_arena *a = cdg_arena_new(NULL);
    cr_assert_not_null(cdg_arena_calloc(a, 0, SIZE_MAX), "zero elements never overflow");
    cdg_arena_free(a);
}

Test(arena, without_a_handler_out_of_memory_exits_2, .exit_code = 2)
{
    cdg_arena *a = cdg_arena_new(NULL);
    cdg_arena_alloc(a, SIZE_MAX);
    cr_assert_fail("not reached");
}

/* A chunk of 32 MB or more is faulted in ahead of use, 2 MB at a time:
 * what is allocated from it, across many steps and past its end into the
 * next chunk, is usable and keeps its contents. */
Test(arena, large_chunks_are_prefaulted_and_usable)
{
    cdg_arena *a = cdg_arena_new(NULL);
    size_t big = (size_t)64 << 20;
    unsigned char *p = cdg_arena_alloc(a, big);  /* a chunk of exactly 64 MB */
    memset(p, 0xA5, big);
    cr_assert_eq(p[0], 0xA5);
    cr_assert_eq(p[big - 1], 0xA5);
    /* 40 MB in 4 KB pieces: the next chunk is 32 MB (half the total), filled
     * 2 MB step by 2 MB step, then a chunk of 48 MB is started. */
    enum { PIECE = 4096 };
    size_t n = ((size_t)40 << 20) / PIECE;
    unsigned char **pieces = malloc(n * sizeof *pieces);
    cr_assert_not_null(pieces);
    for (size_t i = 0; i < n; i++) {
        pieces[i] = cdg_arena_alloc(a, PIECE);
        memset(pieces[i], (int)(i & 0xff), PIECE);
    }
    for (size_t i = 0; i < n; i++)
        cr_assert(pieces[i][0] == (unsigned char)(i & 0xff) && pieces[i][PIECE - 1] == (unsigned char)(i & 0xff),
                  "piece %zu", i);
    cr_assert_eq(p[big / 2], 0xA5);
    cr_assert_geq(cdg_arena_used(a), big + n * PIECE);
    free(pieces);
    cdg_arena_free(a);
}
