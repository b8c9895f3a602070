/* arena.c — region allocator and the allocation choke point. */
#define _DEFAULT_SOURCE  /* madvise, MADV_POPULATE_WRITE */
#include "alloc.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

/* Objects are aligned for pointers and 64-bit integers, the strictest
 * alignment of anything the project keeps in an arena (no long double):
 * 8, not max_align_t's 16, saves a quarter of a 24-byte syntax node. */
enum { CHUNK_MIN = 64 * 1024, ALIGN = 8 };

typedef struct chunk {
    struct chunk *prev;
    size_t size, used;
    size_t populated;  /* bytes of data already faulted in (prefault) */
    max_align_t data[];
} chunk;

struct cdg_arena {
    cdg_memctl *ctl;
    chunk *head;
    jmp_buf *target;
    size_t total;
};

/* Counts the allocation and fails it when the test control says so. */
static int memctl_refuses(cdg_memctl *ctl)
{
    if (!ctl)
        return 0;
    long n = ctl->count++;
    return ctl->fail_at >= 0 && n == ctl->fail_at;
}

void *cdg_mem_alloc(cdg_memctl *ctl, size_t size)
{
    if (memctl_refuses(ctl))
        return NULL;
    return malloc(size ? size : 1);
}

void *cdg_mem_realloc(cdg_memctl *ctl, void *p, size_t size)
{
    if (memctl_refuses(ctl))
        return NULL;
    return realloc(p, size ? size : 1);
}

cdg_arena *cdg_arena_new(cdg_memctl *ctl)
{
    cdg_arena *a = cdg_mem_alloc(ctl, sizeof *a);
    if (!a)
        return NULL;
    a->ctl = ctl;
    a->head = NULL;
    a->target = NULL;
    a->total = 0;
    return a;
}

void cdg_arena_free(cdg_arena *a)
{
    if (!a)
        return;
    chunk *c = a->head;
    while (c) {
        chunk *prev = c->prev;
        free(c);
        c = prev;
    }
    free(a);
}

jmp_buf *cdg_arena_catch(cdg_arena *a, jmp_buf *target)
{
    jmp_buf *prev = a->target;
    a->target = target;
    return prev;
}

cdg_memctl *cdg_arena_memctl(cdg_arena *a) { return a->ctl; }

_Noreturn void cdg_arena_throw(cdg_arena *a)
{
    if (a->target)
        longjmp(*a->target, 1);
    fputs("cdgrules: out of memory\n", stderr);
    exit(2);
}

/* Faults in the next 2 MB of a large chunk in one call, ahead of its use:
 * a 100 MB file fills ~300 MB of arena, and a page fault per 4 KB costs
 * a fifth of `check`'s time (this saves a third of the system time, 6 %
 * of the wall time). Small chunks are left alone: prefaulting costs up to
 * 4 MB that may never be used. Advice only: ignored where the kernel lacks
 * it. */
static void prefault(chunk *c)
{
    enum { STEP = 2 << 20, PAGE = 4096 };
    size_t upto = c->used / STEP * STEP + STEP;
    if (upto > c->size)
        upto = c->size;
#ifdef MADV_POPULATE_WRITE
    if (c->size >= 16 * (size_t)STEP) {
        uintptr_t b = ((uintptr_t)c->data + c->populated + PAGE - 1) & ~(uintptr_t)(PAGE - 1);
        uintptr_t e = ((uintptr_t)c->data + upto) & ~(uintptr_t)(PAGE - 1);
        if (e > b)
            (void)madvise((void *)b, e - b, MADV_POPULATE_WRITE);
    }
#endif
    c->populated = upto;
}

/* Asks for 2 MB pages inside a chunk of 8 MB or more: one page fault
 * then maps 2 MB instead of 4 KB (faults were a third of `check`'s CPU
 * time on a 28 MB file). Advice only: where the kernel lacks it, or has
 * no huge page free, nothing changes. */
static void advise_huge(chunk *c, size_t size)
{
#ifdef MADV_HUGEPAGE
    enum { HUGE = 2 << 20 };
    if (size >= 4 * (size_t)HUGE) {
        uintptr_t b = ((uintptr_t)c->data + HUGE - 1) & ~(uintptr_t)(HUGE - 1);
        uintptr_t e = ((uintptr_t)c->data + size) & ~(uintptr_t)(HUGE - 1);
        if (e > b)
            (void)madvise((void *)b, e - b, MADV_HUGEPAGE);
    }
#else
    (void)c, (void)size;
#endif
}

/* size bytes at the current end of the arena, with no alignment: strings
 * need none, and most identifiers then take their length, not 16 or 32. */
static void *arena_bytes(cdg_arena *a, size_t size)
{
    chunk *c = a->head;
    if (!c || c->size - c->used < size) {
        if (size > SIZE_MAX / 2)
            cdg_arena_throw(a);
        size_t want = a->total / 2;  /* grow geometrically: few chunks */
        if (want < CHUNK_MIN)
            want = CHUNK_MIN;
        if (want < size)
            want = size;
        c = cdg_mem_alloc(a->ctl, sizeof *c + want);
        if (!c)
            cdg_arena_throw(a);
        advise_huge(c, want);
        c->prev = a->head;
        c->size = want;
        c->used = 0;
        c->populated = 0;
        a->head = c;
        a->total += want;
    }
    void *p = (char *)c->data + c->used;
    c->used += size;
    if (c->used > c->populated)
        prefault(c);
    return p;
}

void *cdg_arena_alloc(cdg_arena *a, size_t size)
{
    if (size > SIZE_MAX / 2)
        cdg_arena_throw(a);
    chunk *c = a->head;
    if (c)  /* realign after unaligned string bytes */
        c->used = (c->used + ALIGN - 1) & ~(size_t)(ALIGN - 1);
    if (c && c->used > c->size)
        c->used = c->size;
    return arena_bytes(a, (size + ALIGN - 1) & ~(size_t)(ALIGN - 1));
}

void *cdg_arena_calloc(cdg_arena *a, size_t n, size_t size)
{
    if (size && n > SIZE_MAX / size)
        cdg_arena_throw(a);
    void *p = cdg_arena_alloc(a, n * size);
    memset(p, 0, n * size);
    return p;
}

char *cdg_arena_strndup(cdg_arena *a, const char *s, size_t n)
{
    if (n > SIZE_MAX / 2)
        cdg_arena_throw(a);
    char *p = arena_bytes(a, n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *cdg_arena_strdup(cdg_arena *a, const char *s)
{
    return cdg_arena_strndup(a, s, strlen(s));
}

/* Exactly the bytes the text takes: the checker words tens of thousands
 * of cells ("5 postes inclus"), and a 64-byte buffer each was 1.9 MB on
 * the bench's grid offer. */
char *cdg_arena_printf(cdg_arena *a, const char *fmt, ...)
{
    char small[256];
    va_list ap, ap2;
    va_start(ap, fmt);
    va_copy(ap2, ap);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    char *p;
    if (n < 0)
        p = cdg_arena_strndup(a, "", 0);
    else if ((size_t)n < sizeof small)
        p = cdg_arena_strndup(a, small, (size_t)n);
    else {
        p = arena_bytes(a, (size_t)n + 1);
        vsnprintf(p, (size_t)n + 1, fmt, ap2);
    }
    va_end(ap2);
    return p;
}

size_t cdg_arena_used(const cdg_arena *a)
{
    size_t used = 0;
    for (const chunk *c = a->head; c; c = c->prev)
        used += c->used;
    return used;
}

void cdg_buf_init(cdg_buf *b, cdg_arena *a)
{
    b->arena = a;
    b->data = NULL;
    b->len = b->cap = 0;
}

void cdg_buf_clear(cdg_buf *b)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
}

/* Ensures room for n more bytes plus a NUL. */
static void buf_reserve(cdg_buf *b, size_t n)
{
    if (b->cap - b->len > n)
        return;
    size_t cap = b->cap ? b->cap * 2 : 64;
    while (cap - b->len <= n)
        cap *= 2;
    char *d = cdg_arena_alloc(b->arena, cap);
    if (b->len)
        memcpy(d, b->data, b->len);
    b->data = d;
    b->cap = cap;
}

void cdg_buf_add(cdg_buf *b, const char *s, size_t n)
{
    buf_reserve(b, n);
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void cdg_buf_puts(cdg_buf *b, const char *s) { cdg_buf_add(b, s, strlen(s)); }

void cdg_buf_put_literal(cdg_buf *b, const char *s)
{
    cdg_buf_putc(b, '"');
    for (; *s; s++) {
        if (*s == '"' || *s == '\\')
            cdg_buf_putc(b, '\\');
        cdg_buf_putc(b, *s);
    }
    cdg_buf_putc(b, '"');
}

void cdg_buf_putc(cdg_buf *b, char c) { cdg_buf_add(b, &c, 1); }

void cdg_buf_vprintf(cdg_buf *b, const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    char small[256];
    int n = vsnprintf(small, sizeof small, fmt, ap);
    if (n >= 0 && (size_t)n < sizeof small)
        cdg_buf_add(b, small, (size_t)n);
    else if (n >= 0) {
        buf_reserve(b, (size_t)n);
        vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap2);
        b->len += (size_t)n;
    }
    va_end(ap2);
}

void cdg_buf_printf(cdg_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    cdg_buf_vprintf(b, fmt, ap);
    va_end(ap);
}

const char *cdg_buf_str(cdg_buf *b)
{
    if (!b->data)
        buf_reserve(b, 0), b->data[0] = '\0';
    return b->data;
}
