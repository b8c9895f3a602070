/* parse_ctx.h — state shared by the scanner and the parser of one parse
 * (flex's extra data and bison's parse parameter). Private to the front
 * end. */
#ifndef CDG_PARSE_CTX_H
#define CDG_PARSE_CTX_H

#include <stdbool.h>

#include "ast.h"
#include "diag_emit.h"
#include "parse.h"
#include "symtab.h"

typedef struct cdg_parse_ctx {
    cdg_arena *arena;
    cdg_source *src;
    cdg_diags *diags;
    cdg_ast *ast;
    cdg_comment *comments_tail;
    unsigned depth;                    /* open '<' blocks */
    uint32_t open_at[CDG_MAX_DEPTH];   /* where each open '<' is */
    bool stray_close;                  /* last '>' closed nothing */
    bool fatal;                        /* stop: nesting too deep, too many errors */
    bool had_errors;
    cdg_span last_error;               /* where the last lexical or syntax error is */
    struct cdg_diag *slips[16];        /* errors on a '-' or ',' after a digit (parse.c) */
    unsigned nslips;
    cdg_decl decl;                     /* the declaration just read (parser.y make_decl) */
    cdg_decl_runs decl_runs;           /* the top-level declarations (ast.h) */
    cdg_span tok[3];                   /* last three tokens: [0] newest */
    bool labels;                       /* scan LABEL and CELL tokens (lexer.l, parse.c) */
    bool relex;                        /* a syntax error: parse again without them */
    const char *cell_key;              /* the key of the CELL token just scanned */
    cdg_keyword cell_kw;               /* its keyword, CDG_KW_NONE for an identifier */
    uint32_t cell_key_end;
    uint32_t str_begin;                /* start of the string being scanned */
    cdg_buf str;                       /* its decoded text */
    size_t str_bytes;                  /* its decoded length (str keeps at most the limit + 1) */
    uint32_t comment_begin;
    struct cdg_lex_block *lex_blocks;  /* flex's live allocations (lexer.l) */
    cdg_intern idents;                 /* one copy of each identifier's text */
    cdg_value *values;                 /* values read, waiting for their entry */
    size_t nvalues, values_cap;
    char *items;                       /* entries of the open blocks, waiting for their '>' (malloc'd) */
    size_t items_len, items_cap;       /* in bytes */
} cdg_parse_ctx;

/* Reports a lexical or syntax error at span. */
void cdg_parse_error(cdg_parse_ctx *ctx, cdg_span span, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Restores the source byte the scanner holds back (see lexer.l). */
void cdg_lex_restore(void *scanner);

/* Frees every allocation the scanner still holds: the unwinding path,
 * where flex's own state may be half-built. */
void cdg_lex_free_all(cdg_parse_ctx *ctx);

#endif
