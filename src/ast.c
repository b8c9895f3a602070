/* ast.c — node constructors for the parser. */
#include "ast.h"

#include <stddef.h>
#include <string.h>

/* One node: the entry, its block pointer, then each value in the bytes
 * its kind uses, the last one marked. key_span must start where span does
 * (the key opens the entry). */
cdg_entry *cdg_ast_entry(cdg_arena *a, cdg_span span, const char *key, cdg_keyword key_kw,
                         cdg_span key_span, cdg_block *block, const cdg_value *values, size_t n)
{
    size_t size = sizeof(cdg_entry) + (block ? sizeof block : 0);
    for (size_t i = 0; i < n; i++)
        size += cdg_value_size(values[i].kind);
    cdg_entry *e = cdg_arena_alloc(a, size);
    memset(e, 0, sizeof *e);
    e->span = span;
    e->key_end = key_span.end;
    e->key_kw = (int16_t)key_kw;
    e->key = key;
    char *p = (char *)(e + 1);
    if (block) {
        e->has_block = 1;
        memcpy(p, &block, sizeof block);
        p += sizeof block;
    }
    e->has_values = n > 0;
    for (size_t i = 0; i < n; i++) {
        size_t vs = cdg_value_size(values[i].kind);
        memcpy(p, &values[i], vs);
        ((cdg_value *)(void *)p)->last = i + 1 == n;
        p += vs;
    }
    return e;
}

cdg_entry *cdg_ast_decl_entry(cdg_arena *a, cdg_span span, cdg_decl *decl)
{
    cdg_decl_entry *d = cdg_arena_calloc(a, 1, sizeof *d);
    d->entry.span = span;
    d->entry.key_end = span.begin;
    d->entry.key_kw = CDG_KW_NONE;
    d->decl = decl;
    return &d->entry;
}

cdg_block *cdg_ast_block(cdg_arena *a, cdg_span open, cdg_entry *entries, cdg_span close)
{
    cdg_block *b = cdg_arena_calloc(a, 1, sizeof *b);
    b->open = open;
    b->entries = entries;
    b->close = close;
    return b;
}

cdg_decl *cdg_ast_decl(cdg_arena *a, cdg_keyword kw, cdg_span kw_span)
{
    cdg_decl *d = cdg_arena_calloc(a, 1, sizeof *d);
    d->kw = kw;
    d->kw_span = kw_span;
    d->span = kw_span;
    return d;
}
