/* ast.c — node constructors for the parser. */
#include "ast.h"

cdg_value *cdg_ast_value(cdg_arena *a, cdg_value_kind kind, cdg_span span)
{
    cdg_value *v = cdg_arena_calloc(a, 1, sizeof *v);
    v->kind = kind;
    v->span = span;
    v->kw = CDG_KW_NONE;
    return v;
}

cdg_entry *cdg_ast_entry(cdg_arena *a, cdg_span span)
{
    cdg_entry *e = cdg_arena_calloc(a, 1, sizeof *e);
    e->span = span;
    e->key_kw = CDG_KW_NONE;
    return e;
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
