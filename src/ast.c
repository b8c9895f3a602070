/* ast.c — node constructors for the parser. */
#include "ast.h"

#include <stddef.h>
#include <string.h>

/* Only the bytes the kind reads (see cdg_value). */
cdg_value *cdg_ast_value(cdg_arena *a, cdg_value_kind kind, cdg_span span)
{
    size_t size = kind == CDG_VAL_KEYWORD ? offsetof(cdg_value, text)
                  : kind == CDG_VAL_RANGE ? sizeof(cdg_value)
                                          : offsetof(cdg_value, text) + sizeof(int64_t);
    cdg_value *v = cdg_arena_alloc(a, size);
    memset(v, 0, size);
    v->kind = (uint8_t)kind;
    v->begin = span.begin;
    v->len = span.end - span.begin > UINT16_MAX ? UINT16_MAX : (uint16_t)(span.end - span.begin);
    v->kw = CDG_KW_NONE;
    return v;
}

/* key_span must start where span does (the key opens the entry); block
 * may be NULL. */
cdg_entry *cdg_ast_entry(cdg_arena *a, cdg_span span, const char *key, cdg_keyword key_kw,
                         cdg_span key_span, cdg_block *block)
{
    cdg_entry *e;
    if (block) {
        cdg_block_entry *b = cdg_arena_calloc(a, 1, sizeof *b);
        b->block = block;
        e = &b->entry;
        e->has_block = 1;
    } else
        e = cdg_arena_calloc(a, 1, sizeof *e);
    e->span = span;
    e->key_end = key_span.end;
    e->key_kw = (int16_t)key_kw;
    e->key = key;
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

unsigned cdg_ast_count_values(const cdg_value *v)
{
    unsigned n = 0;
    for (; v; v = v->next)
        n++;
    return n;
}
