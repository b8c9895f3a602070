/* parse.c — runs the scanner and the parser over one source. */
#include "parse.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "nls.h"
#include "parse_ctx.h"
#include "parser.h"
#include "lexer.h"

static bool is_digit(char b) { return b >= '0' && b <= '9'; }

/* Formats fmt twice, as written in the sources (msg) and in the user's
 * language (text): the two forms every diagnostic keeps. */
static void format_both(char *msg, char *text, size_t cap, const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    vsnprintf(msg, cap, fmt, ap);
    vsnprintf(text, cap, _(fmt), ap2);
    va_end(ap2);
}

/* Sets g's message, as written and in the user's language. */
__attribute__((format(printf, 3, 4)))
static void reword(cdg_arena *a, cdg_diag *g, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char msg[512], text[512];
    format_both(msg, text, sizeof msg, fmt, ap);
    va_end(ap);
    g->message = cdg_arena_strdup(a, msg);
    g->text = cdg_arena_strdup(a, text);
}

/* A '-' or ',' between digits, which the scanner reported as a stray
 * character, is the slip of a range written `1000-1999` or of a decimal
 * comma `12,50`: its error g gets the fix instead, over both numbers. Run
 * once the scan is over (the scanner holds back the byte after a token). */
static void digit_slip(cdg_arena *arena, const cdg_source *src, cdg_diag *g)
{
    const char *t = src->text;
    cdg_span span = g->span;
    if (!is_digit(t[span.end]))
        return;
    if (t[span.begin] == '-' && (span.begin == 0 || !is_digit(t[span.begin - 1]))) {
        uint32_t b = span.end;
        while (is_digit(t[b]) || t[b] == '_' || (t[b] == '.' && is_digit(t[b + 1])))
            b++;
        int n = (int)(b - span.end);
        g->span = (cdg_span){ span.begin, b };
        reword(arena, g, N_("'-%.*s': amounts, coefficients and quantities are never negative; write %.*s"),
               n, t + span.end, n, t + span.end);
        return;
    }
    uint32_t a = span.begin, b = span.end;
    while (a > 0 && (is_digit(t[a - 1]) || t[a - 1] == '_'))
        a--;
    while (is_digit(t[b]) || t[b] == '_')
        b++;
    int nl = (int)(span.begin - a), nr = (int)(b - span.end);
    g->span = (cdg_span){ a, b };
    if (t[span.begin] == '-')
        reword(arena, g, N_("a range is written with '..': write %.*s..%.*s, not %.*s-%.*s"), nl, t + a, nr,
               t + span.end, nl, t + a, nr, t + span.end);
    else
        reword(arena, g, N_("decimal comma in '%.*s,%.*s': write %.*s.%.*s for an amount "
                            "(a quantity is a whole number)"), nl, t + a, nr, t + span.end, nl, t + a, nr, t + span.end);
}

void cdg_parse_error(cdg_parse_ctx *ctx, cdg_span span, const char *fmt, ...)
{
    ctx->had_errors = true;
    ctx->last_error = span;
    if (ctx->fatal)
        return;
    va_list ap;
    va_start(ap, fmt);
    char msg[512], text[512];
    format_both(msg, text, sizeof msg, fmt, ap);
    va_end(ap);
    if (++ctx->diags->syntax_errors > CDG_MAX_SYNTAX_ERRORS) {
        cdg_diag_add(ctx->diags, CDG_NOTE, ctx->src, span,
                     "too many errors (%d); giving up on this file", CDG_MAX_SYNTAX_ERRORS);
        ctx->fatal = true;
        return;
    }
    cdg_diag *g = cdg_diag_add_text(ctx->diags, CDG_ERROR, ctx->src, span, msg, text);
    const char *t = ctx->src->text;
    bool between = span.begin > 0 && (t[span.begin] == '-' || t[span.begin] == ',') &&
                   is_digit(t[span.begin - 1]);
    bool minus = t[span.begin] == '-' && (span.begin == 0 || !is_digit(t[span.begin - 1]));
    if (span.end == span.begin + 1 && (between || minus) &&
        ctx->nslips < sizeof ctx->slips / sizeof ctx->slips[0])
        ctx->slips[ctx->nslips++] = g;  /* maybe `1000-1999`, `12,50` or `-12`: see digit_slip */
}

/* One reading of src into *out: with the fused tokens of lexer.l when
 * labels. Sets *again when that reading met a syntax error or gave up
 * (ctx.fatal): its tokens are not the ones the messages speak of. */
static bool parse_once(cdg_arena *a, cdg_source *src, cdg_diags *diags, cdg_ast **out, bool labels,
                       bool *again)
{
    cdg_parse_ctx ctx = { 0 };
    ctx.arena = a;
    ctx.src = src;
    ctx.diags = diags;
    ctx.labels = labels;
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
        free(ctx.items);
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
    free(ctx.items);
    *again = labels && (ctx.relex || ctx.fatal);
    if (!*again)
        for (unsigned i = 0; i < ctx.nslips; i++)
            digit_slip(a, src, ctx.slips[i]);
    cdg_arena_catch(a, outer);
    return rc == 0 && !ctx.had_errors;
}

/* Reads the file with the scanner's fused tokens first (`S12: 11;` is one
 * token, not four: a third of the time of `check` on a table of strata),
 * and again token by token if that met a syntax error, so that every
 * message, hint and recovery is the one of the plain grammar. The first
 * reading's diagnostics are dropped; its tree stays in the arena, unused
 * (a file with a syntax error costs two readings up to its first one). */
bool cdg_parse(cdg_arena *a, cdg_source *src, cdg_diags *diags, cdg_ast **out)
{
    size_t len = diags->len, errors = diags->errors, warnings = diags->warnings;
    unsigned syntax = diags->syntax_errors;
    bool again;
    bool ok = parse_once(a, src, diags, out, true, &again);
    if (!again)
        return ok;
    diags->len = len;
    diags->errors = errors;
    diags->warnings = warnings;
    diags->syntax_errors = syntax;
    return parse_once(a, src, diags, out, false, &again);
}
