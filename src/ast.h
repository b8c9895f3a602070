/* ast.h — the syntax tree of a .cdg file, as the parser builds it.
 *
 * The tree is deliberately generic: declarations (`KEYWORD id "label"` with
 * an optional block) and entries (`key: values… [block];`). What each entry
 * means in each place is the checker's business (check.c), which gives far
 * better messages than a grammar could. Every node lives in the file's
 * arena and carries its byte span. */
#ifndef CDG_AST_H
#define CDG_AST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "alloc.h"
#include "keywords.h"
#include "source.h"

/* The largest integer the language accepts: 2^53 - 1, exact in JSON. */
#define CDG_INT_MAX INT64_C(9007199254740991)
/* A DECIMAL value counts ten-thousandths: 12.50 is 125000. */
#define CDG_DECIMAL_SCALE 10000

typedef enum {
    CDG_VAL_IDENT,    /* text */
    CDG_VAL_KEYWORD,  /* kw */
    CDG_VAL_INT,      /* i */
    CDG_VAL_DECIMAL,  /* i, in ten-thousandths */
    CDG_VAL_RANGE,    /* lo..hi */
    CDG_VAL_STRING    /* text (escapes decoded) */
} cdg_value_kind;

/* A value, stored inline after its entry (cdg_entry_values), in 8 bytes
 * for a keyword or a small integer, 16 with text or any other integer, 24
 * for a range: a large file has one or more values per stated cell. Read
 * text only from IDENT and STRING values, the integer of an INT or DECIMAL
 * only through cdg_value_int, lo and hi only from RANGE; walk a list with
 * cdg_value_next, and never copy a value of the tree by assignment (a
 * whole cdg_value is only made while parsing). Its location is
 * cdg_value_span (the length saturates at 65535 bytes: only a token that
 * is already an error, like a 100 KB string, is that long).
 *
 * Layout: an 8-byte head (begin; len, kind, last, kw, small, small_len),
 * then the payload at offset 8 unless the value is a keyword or small.
 * A small INT (written in at most 4 characters, so 0..9999, as a stratum
 * table's `S12: 11;`) keeps its integer in `len` and its length - 1 in
 * `small_len`, and takes 8 bytes; any other INT carries i (16 bytes). */
typedef struct cdg_value {
    uint32_t begin;
    unsigned len : 16;        /* the span's length; a small INT: its integer */
    unsigned kind : 4;        /* a cdg_value_kind */
    unsigned last : 1;        /* the last value of its entry */
    signed kw : 8;            /* a cdg_keyword: KEYWORD; CDG_KW_NONE for the other kinds */
    unsigned small : 1;       /* an INT held in the head (see above) */
    unsigned small_len : 2;   /* a small INT: its span's length - 1 */
    union {
        const char *text;     /* IDENT, STRING */
        int64_t i;            /* INT (not small); DECIMAL: in ten-thousandths (CDG_DECIMAL_SCALE) */
        struct {
            int64_t lo, hi;   /* RANGE: inclusive; hi < 0 means no upper bound */
        };
    };
} cdg_value;

_Static_assert(CDG_KW_COUNT <= 127, "cdg_value.kw is 8 bits");
_Static_assert(offsetof(cdg_value, text) == 8, "cdg_value_size: an 8-byte head, then the payload");

/* A whole value of kind at span, as the scanner and parser make them. */
static inline cdg_value cdg_value_make(cdg_value_kind kind, cdg_span span)
{
    cdg_value v = { .begin = span.begin, .kind = kind, .kw = CDG_KW_NONE };
    v.len = span.end - span.begin > UINT16_MAX ? UINT16_MAX : span.end - span.begin;
    return v;
}

/* Bytes the value v takes in the tree. */
static inline size_t cdg_value_size(const cdg_value *v)
{
    return v->kind == CDG_VAL_KEYWORD || v->small ? 8 : v->kind == CDG_VAL_RANGE ? 24 : 16;
}

/* The integer of an INT value, or a DECIMAL's in ten-thousandths. */
static inline int64_t cdg_value_int(const cdg_value *v)
{
    return v->small ? (int64_t)v->len : v->i;
}

/* The value after v in its entry, or NULL. */
static inline const cdg_value *cdg_value_next(const cdg_value *v)
{
    return v->last ? NULL : (const cdg_value *)(const void *)((const char *)v + cdg_value_size(v));
}

/* The value's location. */
static inline cdg_span cdg_value_span(const cdg_value *v)
{
    return (cdg_span){ v->begin, v->begin + (v->small ? v->small_len + 1u : v->len) };
}

typedef struct cdg_block cdg_block;
typedef struct cdg_decl cdg_decl;

/* `key: values… [block];` or `key block;`, or a nested declaration
 * (key NULL). The entries of a block lie one after the other in one
 * allocation after the block (cdg_block_entries): walk them with
 * cdg_entry_next.
 *
 * Layout: a 16-byte head; then, when `wide`, 8 bytes (uint32_t end,
 * key_end); then a cdg_block pointer when has_block, or the cdg_decl
 * pointer of a nested declaration; then the values. A `S12: 11;` cell
 * of a stratum table takes 24 bytes (head + a small INT); `key: keyword;`
 * 24 too. An entry is wide when its span (4 KB or more, as a block that
 * long) or its key (over 255 bytes) does not fit in the head's len and
 * key_len. Read the span with cdg_entry_span and cdg_entry_key_span. */
typedef struct cdg_entry {
    uint32_t begin;           /* the entry's (and its key's) first byte */
    unsigned len : 12;        /* not wide: the span's length */
    unsigned has_block : 1;   /* a block pointer follows the head */
    unsigned has_values : 1;  /* values follow the head (and its pointer) */
    unsigned last : 1;        /* the last entry of its block */
    unsigned wide : 1;        /* the span's end and key_end follow the head */
    unsigned key_len : 8;     /* not wide: the key's length */
    signed key_kw : 8;        /* a cdg_keyword; CDG_KW_NONE when the key is an identifier */
    const char *key;          /* identifier text or keyword name; NULL for a declaration */
} cdg_entry;

_Static_assert(sizeof(cdg_entry) == 16, "cdg_entry: a 16-byte head");

/* The bytes after the head: end and key_end of a wide entry. */
typedef struct cdg_entry_wide {
    uint32_t end, key_end;
} cdg_entry_wide;

/* Where the block or declaration pointer (or else the values) start. */
static inline const char *cdg_entry_tail_(const cdg_entry *e)
{
    return (const char *)(e + 1) + (e->wide ? sizeof(cdg_entry_wide) : 0);
}

/* The entry's block, or NULL. */
static inline cdg_block *cdg_entry_block(const cdg_entry *e)
{
    return e->has_block ? *(cdg_block *const *)(const void *)cdg_entry_tail_(e) : NULL;
}

/* The nested declaration e stands for, or NULL for a `key: …;` entry. */
static inline cdg_decl *cdg_entry_decl(const cdg_entry *e)
{
    return e->key ? NULL : *(cdg_decl *const *)(const void *)cdg_entry_tail_(e);
}

/* The entry's first value, or NULL for `key block;` and declarations. */
static inline const cdg_value *cdg_entry_values(const cdg_entry *e)
{
    if (!e->has_values)
        return NULL;
    return (const cdg_value *)(const void *)(cdg_entry_tail_(e) +
                                              (e->has_block ? sizeof(cdg_block *) : 0));
}

/* The entry's location, from its key to its ';' (or its '>'). */
static inline cdg_span cdg_entry_span(const cdg_entry *e)
{
    if (e->wide)
        return (cdg_span){ e->begin, ((const cdg_entry_wide *)(const void *)(e + 1))->end };
    return (cdg_span){ e->begin, e->begin + e->len };
}

/* The key's location (a declaration's: empty, at its start). */
static inline cdg_span cdg_entry_key_span(const cdg_entry *e)
{
    if (e->wide)
        return (cdg_span){ e->begin, ((const cdg_entry_wide *)(const void *)(e + 1))->key_end };
    return (cdg_span){ e->begin, e->begin + e->key_len };
}

/* The entry after e in its block, or NULL. */
static inline const cdg_entry *cdg_entry_next(const cdg_entry *e)
{
    if (e->last)
        return NULL;
    const char *p = cdg_entry_tail_(e) + (e->has_block || !e->key ? sizeof(void *) : 0);
    if (e->has_values) {
        const cdg_value *v = (const cdg_value *)(const void *)p;
        while (!v->last)
            v = cdg_value_next(v);
        p = (const char *)v + cdg_value_size(v);
    }
    return (const cdg_entry *)(const void *)p;
}

/* A block: where its '<' and '>' are, and its entries, which follow it
 * in the same allocation (8 bytes, then the entries: read them with
 * cdg_block_entries; an example is two blocks). Read the tokens' spans
 * with cdg_block_open and cdg_block_close. Offsets fit in 31 bits
 * (CDG_SOURCE_MAX is 1 GB). */
struct cdg_block {
    uint32_t open_at;            /* the offset of the '<' (one byte) */
    uint32_t close_at : 31;      /* the offset of the '>' (one byte) */
    uint32_t has_entries : 1;    /* entries follow; 0 for an empty block */
};

/* The block's first entry, or NULL for an empty block. */
static inline const cdg_entry *cdg_block_entries(const cdg_block *b)
{
    return b->has_entries ? (const cdg_entry *)(const void *)(b + 1) : NULL;
}

/* The block's '<'. */
static inline cdg_span cdg_block_open(const cdg_block *b)
{
    return (cdg_span){ b->open_at, b->open_at + 1 };
}

/* The block's '>'. */
static inline cdg_span cdg_block_close(const cdg_block *b)
{
    return (cdg_span){ b->close_at, b->close_at + 1 };
}

/* `KEYWORD id "label" ;` or `KEYWORD id "label" < … >`: 48 bytes. The
 * keyword opens the span (cdg_decl_kw_span); the id's span is its begin
 * and a 16-bit length (cdg_decl_id_span; an id of 64 KB or more, an
 * error already, keeps the first 65,535 bytes of its span).
 *
 * The top-level declarations lie in runs: arrays of declarations, each
 * followed by a pointer to the next run (NULL after the last). Walk them
 * with cdg_decl_next, from cdg_ast.decls: a declaration has no `next`
 * pointer of its own (100,000 examples are 100,000 declarations). A
 * nested declaration (a service in its rubrique) has no next: it is an
 * entry of its block. */
enum {
    CDG_DECL_NESTED,       /* in a block: cdg_decl_next is NULL */
    CDG_DECL_IN_RUN,       /* top level, the next one follows it */
    CDG_DECL_RUN_END       /* top level, a pointer to the next run follows it */
};

struct cdg_decl {
    cdg_span span;
    cdg_span label_span;
    uint32_t id_begin;     /* an exemple's: its keyword's */
    uint16_t id_len;
    unsigned char kw;      /* a cdg_keyword */
    unsigned char next_at; /* CDG_DECL_NESTED, _IN_RUN or _RUN_END */
    const char *id;        /* NULL for exemple */
    const char *label;
    cdg_block *block;      /* NULL for the short form */
};

_Static_assert(sizeof(cdg_block) == 8, "cdg_block: 8 bytes");
_Static_assert(sizeof(cdg_decl) == 48, "cdg_decl: 48 bytes");

/* The top-level declaration after d, or NULL (always NULL for a nested
 * declaration). */
static inline const cdg_decl *cdg_decl_next(const cdg_decl *d)
{
    if (d->next_at == CDG_DECL_IN_RUN)
        return d + 1;
    if (d->next_at == CDG_DECL_RUN_END)
        return *(cdg_decl *const *)(const void *)(d + 1);
    return NULL;
}

/* The span of the declaration's id (an exemple's: its keyword's). */
static inline cdg_span cdg_decl_id_span(const cdg_decl *d)
{
    return (cdg_span){ d->id_begin, d->id_begin + d->id_len };
}

/* The declaration's keyword: it opens the declaration, as written in
 * its one spelling. */
static inline cdg_span cdg_decl_kw_span(const cdg_decl *d)
{
    return (cdg_span){ d->span.begin, d->span.begin + (uint32_t)strlen(cdg_keyword_name(d->kw)) };
}

/* A comment, kept for the formatter. */
typedef struct cdg_comment {
    cdg_span span;            /* from '#' to the end of the line */
    bool own_line;            /* nothing but blanks before it on its line */
    struct cdg_comment *next;
} cdg_comment;

typedef struct cdg_ast {
    cdg_source *src;
    cdg_decl *decls;          /* the first top-level declaration (cdg_decl_next) */
    cdg_comment *comments;
} cdg_ast;

/* Builders used by the parser. An entry is written into dst, which has
 * room for cdg_ast_entry_size bytes (the parser gathers the entries of a
 * block on a stack, then cdg_ast_block copies them into the arena); it
 * copies its n values (whole values, as cdg_value_make made them) and
 * returns the bytes written. */
size_t cdg_ast_entry_size(cdg_span span, cdg_span key_span, bool has_block, const cdg_value *values,
                          size_t n);
size_t cdg_ast_entry(void *dst, cdg_span span, const char *key, cdg_keyword key_kw, cdg_span key_span,
                     cdg_block *block, const cdg_value *values, size_t n);
size_t cdg_ast_decl_entry_size(cdg_span span);
void cdg_ast_decl_entry(void *dst, cdg_span span, cdg_decl *decl);
/* A block of the size bytes of entries at entries (last: the offset of the
 * last one), copied into the arena after the block's head. */
cdg_block *cdg_ast_block(cdg_arena *a, cdg_span open, const void *entries, size_t size, size_t last,
                         cdg_span close);
/* The top-level declarations being read: the run they are appended to. */
typedef struct cdg_decl_runs {
    cdg_decl *run;            /* the current run (NULL before the first) */
    unsigned len, cap;        /* declarations in it, room for */
} cdg_decl_runs;

/* A copy of declaration d in the arena, nested in a block. */
cdg_decl *cdg_ast_nested_decl(cdg_arena *a, const cdg_decl *d);
/* Appends a copy of the top-level declaration d to ast's runs. */
void cdg_ast_top_decl(cdg_arena *a, cdg_ast *ast, cdg_decl_runs *runs, const cdg_decl *d);

#endif
