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
 * for a keyword, 16 with text or an integer, 24 for a range: a large file
 * has one or more values per stated cell. Read text only from IDENT and
 * STRING values, i only from INT and DECIMAL, lo and hi only from RANGE;
 * walk a list with cdg_value_next, and never copy a value of the tree by
 * assignment (a whole cdg_value is only made while parsing). Its location
 * is cdg_value_span (the length saturates at 65535 bytes: only a token
 * that is already an error, like a 100 KB string, is that long). */
typedef struct cdg_value {
    uint32_t begin;
    unsigned len : 16;
    unsigned kind : 4;        /* a cdg_value_kind */
    unsigned last : 1;        /* the last value of its entry */
    signed kw : 8;            /* a cdg_keyword: KEYWORD; CDG_KW_NONE for the other kinds */
    union {
        const char *text;     /* IDENT, STRING */
        int64_t i;            /* INT; DECIMAL: in ten-thousandths (CDG_DECIMAL_SCALE) */
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

/* Bytes a value of kind takes in the tree. */
static inline size_t cdg_value_size(unsigned kind)
{
    return kind == CDG_VAL_KEYWORD ? 8 : kind == CDG_VAL_RANGE ? 24 : 16;
}

/* The value after v in its entry, or NULL. */
static inline const cdg_value *cdg_value_next(const cdg_value *v)
{
    return v->last ? NULL : (const cdg_value *)(const void *)((const char *)v + cdg_value_size(v->kind));
}

/* The value's location. */
static inline cdg_span cdg_value_span(const cdg_value *v)
{
    return (cdg_span){ v->begin, v->begin + v->len };
}

typedef struct cdg_block cdg_block;
typedef struct cdg_decl cdg_decl;

/* `key: values… [block];` or `key block;`, or a nested declaration.
 * 32 bytes, then the block (if any) and the values, in one node: a `key:
 * keyword;` cell of a large file takes 40 bytes. The key's span is
 * derived (cdg_entry_key_span); a nested declaration is a cdg_decl_entry. */
typedef struct cdg_entry {
    cdg_span span;
    uint32_t key_end;     /* the key spans span.begin .. key_end */
    int16_t key_kw;       /* a cdg_keyword; CDG_KW_NONE when the key is an identifier */
    uint8_t has_block;    /* a block pointer follows the node */
    uint8_t has_values;   /* values follow the node (and its block pointer) */
    const char *key;      /* identifier text or keyword name; NULL for a declaration */
    struct cdg_entry *next;
} cdg_entry;

/* The node of a nested declaration: an entry with no key, then the decl. */
typedef struct cdg_decl_entry {
    cdg_entry entry;
    cdg_decl *decl;
} cdg_decl_entry;

/* The entry's block, or NULL. */
static inline cdg_block *cdg_entry_block(const cdg_entry *e)
{
    return e->has_block ? *(cdg_block *const *)(const void *)(e + 1) : NULL;
}

/* The entry's first value, or NULL for `key block;` and declarations. */
static inline const cdg_value *cdg_entry_values(const cdg_entry *e)
{
    if (!e->has_values)
        return NULL;
    return (const cdg_value *)(const void *)((const char *)(e + 1) +
                                              (e->has_block ? sizeof(cdg_block *) : 0));
}

/* The key's location. */
static inline cdg_span cdg_entry_key_span(const cdg_entry *e)
{
    return (cdg_span){ e->span.begin, e->key_end };
}

/* The nested declaration e stands for, or NULL for a `key: …;` entry. */
static inline cdg_decl *cdg_entry_decl(const cdg_entry *e)
{
    return e->key ? NULL : ((const cdg_decl_entry *)(const void *)e)->decl;
}

struct cdg_block {
    cdg_span open, close;  /* the '<' and '>' tokens */
    cdg_entry *entries;
};

/* `KEYWORD id "label" ;` or `KEYWORD id "label" < … >`. */
struct cdg_decl {
    cdg_keyword kw;
    cdg_span span, kw_span;
    const char *id;        /* NULL for exemple */
    cdg_span id_span;
    const char *label;
    cdg_span label_span;
    cdg_block *block;      /* NULL for the short form */
    cdg_decl *next;
};

/* A comment, kept for the formatter. */
typedef struct cdg_comment {
    cdg_span span;            /* from '#' to the end of the line */
    bool own_line;            /* nothing but blanks before it on its line */
    struct cdg_comment *next;
} cdg_comment;

typedef struct cdg_ast {
    cdg_source *src;
    cdg_decl *decls;
    cdg_comment *comments;
} cdg_ast;

/* Builders used by the parser: each returns a node in the arena. An entry
 * copies its n values (whole values, as cdg_value_make made them). */
cdg_entry *cdg_ast_entry(cdg_arena *a, cdg_span span, const char *key, cdg_keyword key_kw,
                         cdg_span key_span, cdg_block *block, const cdg_value *values, size_t n);
cdg_entry *cdg_ast_decl_entry(cdg_arena *a, cdg_span span, cdg_decl *decl);
cdg_block *cdg_ast_block(cdg_arena *a, cdg_span open, cdg_entry *entries, cdg_span close);
cdg_decl *cdg_ast_decl(cdg_arena *a, cdg_keyword kw, cdg_span kw_span);

#endif
