/* test_lexer.c — the scanner: token kinds and spans, the keyword table,
 * numbers, strings and lexical errors. Drives the flex scanner directly. */
#include "helpers.h"

#include "parse_ctx.h"
#include "parser.h"
#include "lexer.h"
#include "lib_extras.h"

#define MAX_TOKS 64

typedef struct lexed {
    cdg_arena *arena;
    cdg_source *src;
    cdg_diags diags;
    int n;
    int kind[MAX_TOKS];
    CDG_YYSTYPE val[MAX_TOKS];
    cdg_span span[MAX_TOKS];
    const char *cell_key[MAX_TOKS];    /* a CELL's key (ctx.cell_key) */
    int cell_kw[MAX_TOKS];
    uint32_t cell_key_end[MAX_TOKS];
} lexed;

/* Scans text to the end (or MAX_TOKS tokens) into *x, with the fused
 * tokens when labels (the first reading of cdg_parse); free x->arena. */
static void lex_all_in(lexed *x, const char *text, bool labels)
{
    memset(x, 0, sizeof *x);
    x->arena = cdg_arena_new(NULL);
    cr_assert_not_null(x->arena);
    x->src = cdg_source_from_buffer(x->arena, "t.cdg", text, strlen(text));
    cdg_diags_init(&x->diags, x->arena);
    cdg_parse_ctx ctx = {0};
    ctx.arena = x->arena;
    ctx.src = x->src;
    ctx.diags = &x->diags;
    ctx.ast = cdg_arena_calloc(x->arena, 1, sizeof *ctx.ast);
    ctx.labels = labels;
    yyscan_t s;
    cr_assert_eq(cdg_yylex_init_extra(&ctx, &s), 0);
    cr_assert_not_null(cdg_yy_scan_buffer(x->src->text, x->src->len + 2, s));
    while (x->n < MAX_TOKS) {
        CDG_YYSTYPE v;
        CDG_YYLTYPE l;
        int k = cdg_yylex(&v, &l, s);
        if (k == TOK_YYEOF)
            break;
        x->kind[x->n] = k;
        x->val[x->n] = v;
        x->span[x->n] = l;
        if (k == TOK_CELL) {
            x->cell_key[x->n] = ctx.cell_key;
            x->cell_kw[x->n] = ctx.cell_kw;
            x->cell_key_end[x->n] = ctx.cell_key_end;
        }
        x->n++;
    }
    cdg_lex_restore(s);
    cdg_yylex_destroy(s);
}

/* Scans text token by token (the scanner's start condition INITIAL). */
static void lex_all(lexed *x, const char *text)
{
    lex_all_in(x, text, false);
}

static int first_kind(const char *text)
{
    lexed x;
    lex_all(&x, text);
    int k = x.n ? x.kind[0] : TOK_YYEOF;
    int n = x.n;
    size_t errs = x.diags.errors;
    cdg_arena_free(x.arena);
    cr_assert_eq(n, 1, "'%s' gave %d tokens", text, n);
    cr_assert_eq(errs, 0, "'%s' gave a lexical error", text);
    return k;
}

Test(lexer, tokens_and_spans)
{
    lexed x;
    const char *t = "forfait Hébergé \"é\\\"x\" 1_000 2.50 ..249 10.. 5..9 < > : ; # fin\n";
    lex_all(&x, t);
    int want[] = {TOK_FORFAIT, TOK_IDENT, TOK_STRING, TOK_INT, TOK_DECIMAL, TOK_RANGE,
                  TOK_RANGE, TOK_RANGE, TOK_LT, TOK_GT, TOK_COLON, TOK_SEMI};
    cr_assert_eq(x.n, (int)(sizeof want / sizeof want[0]));
    for (int i = 0; i < x.n; i++)
        cr_assert_eq(x.kind[i], want[i], "token %d: %d, wanted %d", i, x.kind[i], want[i]);
    cr_assert_eq(x.diags.errors, 0);
    /* spans are byte offsets; "Hébergé" is 9 bytes */
    cr_assert_eq(x.span[0].begin, 0);
    cr_assert_eq(x.span[0].end, 7);
    cr_assert_eq(x.span[1].begin, 8);
    cr_assert_eq(x.span[1].end, 17);
    cr_assert_str_eq(x.val[1].str, "Hébergé");
    cr_assert_str_eq(x.val[2].str, "é\"x");
    cr_assert_eq(x.span[2].begin, 18);
    cr_assert_eq(x.span[2].end, 25);
    cr_assert_eq(x.val[3].val.i, 1000);
    cr_assert_eq(x.val[4].val.i, 25000);   /* 2.50: ten-thousandths */
    cr_assert_eq(x.val[5].val.lo, 0);
    cr_assert_eq(x.val[5].val.hi, 249);
    cr_assert_eq(x.val[6].val.lo, 10);
    cr_assert_lt(x.val[6].val.hi, 0);
    cr_assert_eq(x.val[7].val.lo, 5);
    cr_assert_eq(x.val[7].val.hi, 9);
    cr_assert_eq(x.span[11].end, (uint32_t)(strstr(t, ";") - t) + 1);
    /* the comment is recorded, and the source is intact after scanning */
    cr_assert_str_eq(x.src->text, t);
    cdg_arena_free(x.arena);
}

/* Prefixes of longer tokens ("12_", "12.", half a letter after an
 * identifier, "..5_") are matched whole and given back: the token before
 * them keeps its exact span, and the rest is scanned again. */
Test(lexer, given_back_prefixes_keep_exact_spans)
{
    lexed x;
    const char *t = "12_x 34.y ab\xC3\x97 ..5_z";
    lex_all(&x, t);
    int want[] = {TOK_INT, TOK_IDENT, TOK_INT, TOK_IDENT, TOK_IDENT, TOK_RANGE, TOK_IDENT};
    cr_assert_eq(x.n, (int)(sizeof want / sizeof want[0]), "%d tokens", x.n);
    for (int i = 0; i < x.n; i++)
        cr_assert_eq(x.kind[i], want[i], "token %d: %d, wanted %d", i, x.kind[i], want[i]);
    cr_assert_eq(x.span[0].begin, 0);
    cr_assert_eq(x.span[0].end, 2, "'12' alone");
    cr_assert_eq(x.val[0].val.i, 12);
    cr_assert_eq(cdg_value_span(&x.val[0].val).end, 2);
    cr_assert_str_eq(x.val[1].str, "_x");
    cr_assert_eq(x.span[1].begin, 2);
    cr_assert_eq(x.span[2].begin, 5);
    cr_assert_eq(x.span[2].end, 7, "'34' alone, the '.' is an error");
    cr_assert_str_eq(x.val[3].str, "y");
    cr_assert_str_eq(x.val[4].str, "ab");
    cr_assert_eq(x.span[4].begin, 10);
    cr_assert_eq(x.span[4].end, 12, "'ab' without the lead byte of '×'");
    cr_assert_eq(x.span[5].begin, 15);
    cr_assert_eq(x.span[5].end, 18, "'..5' alone");
    cr_assert_eq(x.val[5].val.hi, 5);
    cr_assert_str_eq(x.val[6].str, "_z");
    cr_assert_eq(x.diags.errors, 2, "'.' and '×' are unexpected characters");
    cdg_arena_free(x.arena);
}

/* Half a UTF-8 sequence is one bad byte, then the scan goes on. */
Test(lexer, a_truncated_utf8_sequence_is_one_bad_byte)
{
    lexed x;
    lex_all(&x, "a \xE2\x82" "b # \xC3\xA9");  /* UTF-8 besides: stray bytes */
    cr_assert_eq(x.n, 2);
    cr_assert_eq(x.kind[0], TOK_IDENT);
    cr_assert_eq(x.kind[1], TOK_IDENT);
    cr_assert_eq(x.span[1].begin, 4, "b after the two bad bytes");
    cr_assert_eq(x.diags.errors, 2);
    cr_assert_eq(x.diags.items[0]->span.begin, 2);
    cr_assert_eq(x.diags.items[0]->span.end, 3);
    cdg_arena_free(x.arena);
}

Test(lexer, every_keyword_of_the_table_lexes_as_a_keyword)
{
    for (int k = 0; k < CDG_KW_COUNT; k++) {
        const char *name = cdg_keyword_name((cdg_keyword)k);
        cr_assert_eq(cdg_keyword_lookup(name, strlen(name)), k, "lookup of '%s'", name);
        int kind = first_kind(name);
        cr_assert_neq(kind, TOK_IDENT, "'%s' lexes as an identifier", name);
        if (kind == TOK_KEY || kind == TOK_VALKW) {
            lexed x;
            lex_all(&x, name);
            cr_assert_eq(x.val[0].kw, k, "'%s' lexes as keyword %d", name, x.val[0].kw);
            cdg_arena_free(x.arena);
        } else
            cr_assert(kind >= TOK_OFFRE && kind <= TOK_EXEMPLE, "'%s' gave token %d", name, kind);
    }
}

Test(lexer, nothing_else_is_a_keyword)
{
    const char *idents[] = {"inclusx", "Inclus", "INCLUS", "offres", "tous_", "_base", "eur",
                            "non", "selon", "strates", "défaut", "forfaitMetiers", "S1"};
    for (size_t i = 0; i < sizeof idents / sizeof idents[0]; i++) {
        cr_assert_eq(first_kind(idents[i]), TOK_IDENT, "'%s' is not an identifier", idents[i]);
        cr_assert_eq(cdg_keyword_lookup(idents[i], strlen(idents[i])), CDG_KW_NONE);
    }
    cr_assert_str_eq(cdg_keyword_name(CDG_KW_NONE), "");
}

Test(lexer, number_limits)
{
    lexed x;
    lex_all(&x, "9007199254740991 9007199254740992 0.5 1.23456 0.0125");
    cr_assert_eq(x.n, 5);
    cr_assert_eq(x.val[0].val.i, CDG_INT_MAX);
    cr_assert_eq(x.val[2].val.i, 5000);   /* ten-thousandths */
    cr_assert_eq(x.val[4].val.i, 125);
    cr_assert_eq(x.diags.errors, 2);   /* 2^53 is too large; 5 decimals */
    cdg_arena_free(x.arena);
}

Test(lexer, errors_are_located_and_scanning_goes_on)
{
    lexed x;
    lex_all(&x, "a @ b \xff c \"d\\t\" e # \xC3\xA9");  /* UTF-8 besides: stray bytes */
    cr_assert_eq(x.n, 5);   /* a b c "d" e */
    cr_assert_eq(x.diags.errors, 3);
    cr_assert_eq(x.diags.items[0]->span.begin, 2);
    cr_assert_str_eq(x.diags.items[0]->message, "unexpected character '@'");
    cr_assert_eq(x.diags.items[1]->span.begin, 6);
    cr_assert_str_eq(x.diags.items[1]->message, "invalid UTF-8 byte 0xff");
    cr_assert_eq(x.diags.items[2]->span.begin, 12);
    cdg_arena_free(x.arena);
}

Test(lexer, unterminated_string_stops_at_the_line_end)
{
    lexed x;
    lex_all(&x, "\"abc\nd");
    cr_assert_eq(x.n, 2);
    cr_assert_eq(x.kind[0], TOK_STRING);
    cr_assert_str_eq(x.val[0].str, "abc");
    cr_assert_eq(x.kind[1], TOK_IDENT);
    cr_assert_eq(x.diags.errors, 1);
    cdg_arena_free(x.arena);
}

Test(lexer, source_text_is_restored_after_an_early_stop)
{
    /* nesting too deep stops the scan in the middle of the text */
    char text[200] = "";
    for (int i = 0; i < 40; i++)
        strcat(text, "< ");
    cdg_unit *u = load_text(text);
    cr_assert(has_diag(u, CDG_ERROR, "nested too deeply"));
    cr_assert_eq(strlen(u->src->text), strlen(text));
    cr_assert_str_eq(u->src->text, text);
    cdg_unit_free(u);
}

/* On cdg_parse's first reading, `name: value;` is one CELL token over the
 * whole entry (number, identifier or value keyword, with an identifier or
 * keyword key), `name:` one LABEL or KLABEL over the name; everything else
 * is read as in INITIAL. */
Test(lexer, fused_cells_and_labels)
{
    lexed x;
    const char *t = "S12: 11;\n F1:inclus; forfait: F10; tarif: journalier;\n"
                    "commune: 0..999; F2: non_inclus \"x\"; unite: \"Go\"; S3 : 4; a: unite;";
    lex_all_in(&x, t, true);
    int want[] = {TOK_CELL, TOK_CELL, TOK_CELL, TOK_CELL,
                  TOK_LABEL, TOK_RANGE, TOK_SEMI, TOK_LABEL, TOK_VALKW, TOK_STRING, TOK_SEMI,
                  TOK_KLABEL, TOK_STRING, TOK_SEMI, TOK_IDENT, TOK_COLON, TOK_INT, TOK_SEMI,
                  TOK_LABEL, TOK_KEY, TOK_SEMI};
    cr_assert_eq(x.n, (int)(sizeof want / sizeof want[0]), "%d tokens", x.n);
    for (int i = 0; i < x.n; i++)
        cr_assert_eq(x.kind[i], want[i], "token %d: %d, wanted %d", i, x.kind[i], want[i]);
    cr_assert_eq(x.diags.errors, 0);
    /* S12: 11; the entry's span, its key's, its value's */
    cr_assert_eq(x.span[0].begin, 0);
    cr_assert_eq(x.span[0].end, 8, "to the ';' included");
    cr_assert_str_eq(x.cell_key[0], "S12");
    cr_assert_eq(x.cell_kw[0], CDG_KW_NONE);
    cr_assert_eq(x.cell_key_end[0], 3);
    cr_assert_eq(x.val[0].val.kind, CDG_VAL_INT);
    cr_assert_eq(x.val[0].val.i, 11);
    cr_assert_eq(cdg_value_span(&x.val[0].val).begin, 5);
    cr_assert_eq(cdg_value_span(&x.val[0].val).end, 7);
    /* F1:inclus; a value keyword */
    cr_assert_eq(x.val[1].val.kind, CDG_VAL_KEYWORD);
    cr_assert_eq(x.val[1].val.kw, CDG_KW_INCLUS);
    /* forfait: F10; a keyword key, an identifier value */
    cr_assert_eq(x.cell_kw[2], CDG_KW_FORFAIT);
    cr_assert_str_eq(x.cell_key[2], "forfait");
    cr_assert_eq(x.val[2].val.kind, CDG_VAL_IDENT);
    cr_assert_str_eq(x.val[2].val.text, "F10");
    cr_assert_eq(x.cell_kw[3], CDG_KW_TARIF);
    cr_assert_eq(x.val[3].val.kw, CDG_KW_JOURNALIER);
    /* commune: the label is the name alone, the range is read again */
    cr_assert_str_eq(x.val[4].str, "commune");
    cr_assert_eq(x.span[4].end - x.span[4].begin, 7);
    cr_assert_eq(x.span[5].begin, x.span[4].end + 2);
    cr_assert_eq(x.val[11].kw, CDG_KW_UNITE);
    /* a: unite; a key keyword is no value: read token by token */
    cr_assert_eq(x.val[19].kw, CDG_KW_UNITE);
    cdg_arena_free(x.arena);
}

/* Every keyword followed by ':' is a KLABEL of that keyword on the first
 * reading, and the keyword then ':' in INITIAL, as before. */
Test(lexer, every_keyword_with_its_colon)
{
    for (int k = 0; k < CDG_KW_COUNT; k++) {
        char text[64];
        snprintf(text, sizeof text, "%s: ", cdg_keyword_name((cdg_keyword)k));
        lexed x;
        lex_all_in(&x, text, true);
        cr_assert_eq(x.n, 1, "'%s': %d tokens", text, x.n);
        cr_assert_eq(x.kind[0], TOK_KLABEL, "'%s'", text);
        cr_assert_eq(x.val[0].kw, k);
        cr_assert_eq(x.span[0].end, strlen(cdg_keyword_name((cdg_keyword)k)));
        cdg_arena_free(x.arena);
        lex_all_in(&x, text, false);
        cr_assert_eq(x.n, 2, "'%s': %d tokens", text, x.n);
        cr_assert_neq(x.kind[0], TOK_IDENT);
        cr_assert_eq(x.kind[1], TOK_COLON);
        cdg_arena_free(x.arena);
    }
}

/* What a fused token cannot hold is given back: a name over the length
 * limit is read as in INITIAL (one error), and the number of a cell that
 * overflows gets the error of an INT token. */
Test(lexer, fused_tokens_keep_the_lexical_errors)
{
    char text[600];
    memset(text, 'a', 300);
    strcpy(text + 300, ": 1; b: 99999999999999999999;");
    lexed x;
    lex_all_in(&x, text, true);
    int want[] = {TOK_IDENT, TOK_COLON, TOK_INT, TOK_SEMI, TOK_CELL};
    cr_assert_eq(x.n, (int)(sizeof want / sizeof want[0]), "%d tokens", x.n);
    for (int i = 0; i < x.n; i++)
        cr_assert_eq(x.kind[i], want[i], "token %d: %d, wanted %d", i, x.kind[i], want[i]);
    cr_assert_eq(x.diags.errors, 2);
    cr_assert_str_eq(x.diags.items[0]->message, "identifier too long (300 bytes; at most 256)");
    cr_assert_eq(x.diags.items[1]->span.begin, 308);
    cr_assert_eq(x.diags.items[1]->span.end, 328);
    cdg_arena_free(x.arena);
}

/* A string without escapes is one match; one with an escape, a bad byte
 * or a cut UTF-8 sequence is read again piece by piece from its quote:
 * both give the same token, span and errors. */
Test(lexer, plain_and_decoded_strings)
{
    lexed x;
    const char *t = "\"Télé ½\" \"a\\\"b\" \"c\xC3\" \"d\xE2\x82\" \"e";
    lex_all(&x, t);
    cr_assert_eq(x.n, 4, "%d tokens (the unclosed string at the end is none)", x.n);
    for (int i = 0; i < x.n; i++)
        cr_assert_eq(x.kind[i], TOK_STRING, "token %d", i);
    cr_assert_str_eq(x.val[0].str, "Télé ½");
    cr_assert_eq(x.span[0].begin, 0);
    cr_assert_eq(x.span[0].end, 11);
    cr_assert_str_eq(x.val[1].str, "a\"b");
    cr_assert_eq(x.span[1].begin, 12);
    cr_assert_eq(x.span[1].end, 18);
    cr_assert_str_eq(x.val[2].str, "c");
    cr_assert_eq(x.span[2].end, 23);
    cr_assert_str_eq(x.val[3].str, "d");
    cr_assert_eq(x.diags.errors, 4, "three bad bytes, one unclosed string");
    cr_assert_str_eq(x.diags.items[0]->message, "invalid UTF-8 byte 0xc3");
    cr_assert_eq(x.diags.items[0]->span.begin, 21);
    cr_assert_str_eq(x.diags.items[1]->message, "invalid UTF-8 byte 0xe2");
    cr_assert_str_eq(x.diags.items[2]->message, "invalid UTF-8 byte 0x82");
    cr_assert_str_eq(x.diags.items[3]->message, "missing closing '\"' at end of file");
    cdg_arena_free(x.arena);
}
