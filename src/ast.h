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
#include <stdint.h>

#include "arena.h"
#include "keywords.h"
#include "source.h"

/* The largest integer the language accepts: 2^53 - 1, exact in JSON. */
#define CDG_INT_MAX INT64_C(9007199254740991)

typedef enum {
    CDG_VAL_IDENT,    /* text */
    CDG_VAL_KEYWORD,  /* kw */
    CDG_VAL_INT,      /* i */
    CDG_VAL_DECIMAL,  /* cents */
    CDG_VAL_RANGE,    /* lo..hi */
    CDG_VAL_STRING    /* text (escapes decoded) */
} cdg_value_kind;

/* 48 bytes: a large file has one or more per stated cell. */
typedef struct cdg_value {
    cdg_value_kind kind;
    cdg_keyword kw;
    cdg_span span;
    const char *text;
    struct cdg_value *next;
    union {
        int64_t i;            /* INT; DECIMAL: amount in cents */
        struct {
            int64_t lo, hi;   /* RANGE: inclusive; hi < 0 means no upper bound */
        };
    };
} cdg_value;

typedef struct cdg_block cdg_block;
typedef struct cdg_decl cdg_decl;

/* `key: values… [block];` or `key block;`, or a nested declaration. */
typedef struct cdg_entry {
    cdg_span span;
    const char *key;      /* identifier text or keyword name */
    cdg_keyword key_kw;   /* CDG_KW_NONE when the key is an identifier */
    cdg_span key_span;
    cdg_value *values;    /* NULL for `key block;` */
    cdg_block *block;     /* NULL when absent */
    cdg_decl *decl;       /* set instead of the above for a nested declaration */
    struct cdg_entry *next;
} cdg_entry;

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

/* Builders used by the parser: each returns a node in the arena. */
cdg_value *cdg_ast_value(cdg_arena *a, cdg_value_kind kind, cdg_span span);
cdg_entry *cdg_ast_entry(cdg_arena *a, cdg_span span);
cdg_block *cdg_ast_block(cdg_arena *a, cdg_span open, cdg_entry *entries, cdg_span close);
cdg_decl *cdg_ast_decl(cdg_arena *a, cdg_keyword kw, cdg_span kw_span);

/* Number of values in a list. */
unsigned cdg_ast_count_values(const cdg_value *v);

#endif
