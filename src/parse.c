/* parse.c — runs the scanner and the parser over one source. */
#include "parse.h"

#include <stdarg.h>

#include "nls.h"
#include "parse_ctx.h"
#include "parser.h"
#include "lexer.h"

void cdg_parse_error(cdg_parse_ctx *ctx, cdg_span span, const char *fmt, ...)
{
    ctx->had_errors = true;
    ctx->last_error = span;
    if (ctx->fatal)
        return;
    va_list ap, ap2;
    va_start(ap, fmt);
    va_copy(ap2, ap);
    char msg[512], text[512];
    vsnprintf(msg, sizeof msg, fmt, ap);
    vsnprintf(text, sizeof text, _(fmt), ap2);
    va_end(ap2);
    va_end(ap);
    if (++ctx->diags->syntax_errors > CDG_MAX_SYNTAX_ERRORS) {
        cdg_diag_add(ctx->diags, CDG_NOTE, ctx->src, span,
                     "too many errors (%d); giving up on this file", CDG_MAX_SYNTAX_ERRORS);
        ctx->fatal = true;
        return;
    }
    cdg_diag_add_text(ctx->diags, CDG_ERROR, ctx->src, span, msg, text);
}

bool cdg_parse(cdg_arena *a, cdg_source *src, cdg_diags *diags, cdg_ast **out)
{
    cdg_parse_ctx ctx = { 0 };
    ctx.arena = a;
    ctx.src = src;
    ctx.diags = diags;
    ctx.ast = cdg_arena_calloc(a, 1, sizeof *ctx.ast);
    ctx.ast->src = src;
    *out = ctx.ast;

    /* An allocation failure inside the scanner or parser lands here first,
     * so that flex's own buffers are freed before unwinding further. */
    yyscan_t volatile scanner = NULL;
    jmp_buf here;
    jmp_buf *outer = cdg_arena_catch(a, &here);
    if (setjmp(here)) {
        if (scanner)
            cdg_lex_restore(scanner);
        cdg_lex_free_all(&ctx);
        cdg_arena_catch(a, outer);
        cdg_arena_throw(a);
    }
    yyscan_t s;
    if (cdg_yylex_init_extra(&ctx, &s) != 0)
        cdg_arena_throw(a);
    scanner = s;
    /* Scan the source in place: it ends with the two NULs flex wants. */
    YY_BUFFER_STATE buf = cdg_yy_scan_buffer(src->text, src->len + 2, scanner);
    if (!buf)
        cdg_arena_throw(a);
    int rc = cdg_yyparse(scanner, &ctx);
    cdg_lex_restore(scanner);
    cdg_yylex_destroy(scanner);
    cdg_arena_catch(a, outer);
    return rc == 0 && !ctx.had_errors;
}
