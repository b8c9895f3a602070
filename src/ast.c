/* ast.c — node constructors for the parser. */
#include "ast.h"

#include <stddef.h>
#include <string.h>

/* Whether an INT value fits in the 8-byte head (ast.h). */
static bool small_int(const cdg_value *v)
{
    return v->kind == CDG_VAL_INT && v->i >= 0 && v->i <= UINT16_MAX && v->len >= 1 && v->len <= 4;
}

/* Whether an entry at span with its key at key_span needs the wide form. */
static bool entry_wide(cdg_span span, cdg_span key_span)
{
    return span.end - span.begin >= (1u << 12) || key_span.end - key_span.begin > UINT8_MAX;
}

/* Bytes the entry takes: its head, the wide part, the block pointer and
 * each value in the bytes its kind uses. */
size_t cdg_ast_entry_size(cdg_span span, cdg_span key_span, bool has_block, const cdg_value *values,
                          size_t n)
{
    size_t size = sizeof(cdg_entry) + (entry_wide(span, key_span) ? sizeof(cdg_entry_wide) : 0) +
                  (has_block ? sizeof(cdg_block *) : 0);
    for (size_t i = 0; i < n; i++)
        size += small_int(&values[i]) ? 8 : cdg_value_size(&values[i]);
    return size;
}

/* Fills the head of an entry; returns where its tail starts. */
static char *entry_head(cdg_entry *e, cdg_span span, cdg_span key_span)
{
    memset(e, 0, sizeof *e);
    e->begin = span.begin;
    e->wide = entry_wide(span, key_span);
    char *p = (char *)(e + 1);
    if (e->wide) {
        cdg_entry_wide w = { span.end, key_span.end };
        memcpy(p, &w, sizeof w);
        p += sizeof w;
    } else {
        e->len = span.end - span.begin;
        e->key_len = key_span.end - key_span.begin;
    }
    return p;
}

/* One entry at dst: the head, its block pointer, then each value in the
 * bytes its kind uses, the last one marked (a small INT in its head).
 * key_span must start where span does (the key opens the entry). The
 * head and each value head are composed in a local and stored whole:
 * bit-field stores into dst were half the cost of an entry. */
size_t cdg_ast_entry(void *dst, cdg_span span, const char *key, cdg_keyword key_kw, cdg_span key_span,
                     cdg_block *block, const cdg_value *values, size_t n)
{
    bool wide = entry_wide(span, key_span);
    cdg_entry e = {
        .begin = span.begin,
        .len = wide ? 0 : span.end - span.begin,
        .has_block = block != NULL,
        .has_values = n > 0,
        .wide = wide,
        .key_len = wide ? 0 : key_span.end - key_span.begin,
        .key_kw = key_kw,
        .key = key,
    };
    memcpy(dst, &e, sizeof e);
    char *p = (char *)dst + sizeof e;
    if (wide) {
        cdg_entry_wide w = { span.end, key_span.end };
        memcpy(p, &w, sizeof w);
        p += sizeof w;
    }
    if (block) {
        memcpy(p, &block, sizeof block);
        p += sizeof block;
    }
    for (size_t i = 0; i < n; i++) {
        const cdg_value *in = &values[i];
        cdg_value v = *in;
        v.last = i + 1 == n;
        if (small_int(in)) {
            v.small = 1;
            v.small_len = in->len - 1;
            v.len = (unsigned)in->i;
        }
        /* Fixed sizes: no memcpy call for a variable length. */
        switch (cdg_value_size(&v)) {
        case 8: memcpy(p, &v, 8); p += 8; break;
        case 16: memcpy(p, &v, 16); p += 16; break;
        default: memcpy(p, &v, 24); p += 24; break;
        }
    }
    return (size_t)(p - (char *)dst);
}

/* Bytes a nested declaration's entry takes. */
size_t cdg_ast_decl_entry_size(cdg_span span)
{
    return sizeof(cdg_entry) + (entry_wide(span, (cdg_span){ span.begin, span.begin })
                                    ? sizeof(cdg_entry_wide) : 0) + sizeof(cdg_decl *);
}

/* The entry of a nested declaration at dst: no key, then the decl. */
void cdg_ast_decl_entry(void *dst, cdg_span span, cdg_decl *decl)
{
    cdg_entry *e = dst;
    char *p = entry_head(e, span, (cdg_span){ span.begin, span.begin });
    e->key_kw = CDG_KW_NONE;
    memcpy(p, &decl, sizeof decl);
}

cdg_block *cdg_ast_block(cdg_arena *a, cdg_span open, const void *entries, size_t size, size_t last,
                         cdg_span close)
{
    cdg_block *b = cdg_arena_alloc(a, sizeof *b + size);
    b->open_at = open.begin;
    b->close_at = close.begin;
    b->has_entries = size > 0;
    if (size) {
        cdg_entry *first = (cdg_entry *)(void *)(b + 1);
        memcpy(first, entries, size);
        ((cdg_entry *)(void *)((char *)first + last))->last = 1;
    }
    return b;
}

/* A copy of d in the arena, for the entry of its block. */
cdg_decl *cdg_ast_nested_decl(cdg_arena *a, const cdg_decl *d)
{
    cdg_decl *copy = cdg_arena_alloc(a, sizeof *copy);
    *copy = *d;
    copy->next_at = CDG_DECL_NESTED;
    return copy;
}

/* Writes the pointer to the next run (NULL: none) in the slot after d,
 * the last declaration of its run. */
static void link_run(cdg_decl *d, cdg_decl *next)
{
    void *slot = d + 1;
    memcpy(slot, &next, sizeof next);
}

/* Appends d to the current run of top-level declarations, or to a new
 * one twice as long (16 to 1,024 declarations) when it is full. The last
 * declaration is a run's end whose pointer is NULL, so that the list is
 * whole after every declaration. */
void cdg_ast_top_decl(cdg_arena *a, cdg_ast *ast, cdg_decl_runs *runs, const cdg_decl *d)
{
    enum { FIRST = 16, MOST = 1024 };
    cdg_decl *prev = runs->run ? runs->run + runs->len - 1 : NULL;
    if (!runs->run || runs->len == runs->cap) {
        unsigned cap = !runs->run ? FIRST : runs->cap < MOST ? runs->cap * 2 : MOST;
        /* cap declarations, then the pointer to the next run */
        cdg_decl *run = cdg_arena_alloc(a, cap * sizeof *run + sizeof run);
        if (prev)
            link_run(prev, run);
        else
            ast->decls = run;
        runs->run = run;
        runs->len = 0;
        runs->cap = cap;
    } else {
        prev->next_at = CDG_DECL_IN_RUN;
    }
    cdg_decl *x = runs->run + runs->len++;
    *x = *d;
    x->next_at = CDG_DECL_RUN_END;
    link_run(x, NULL);
}
