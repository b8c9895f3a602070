/* parser.y — the cdgrules grammar.
 *
 * A pure, location-tracking parser that builds a generic tree (ast.h):
 *
 *   file  := decl*
 *   decl  := DECLKW IDENT STRING (';' | block) | 'exemple' STRING (';' | block)
 *   block := '<' item* '>'
 *   item  := decl | key ':' value+ block? ';' | key block ';'?
 *   value := IDENT | VALKW | INT | DECIMAL | RANGE | STRING   (in `values`)
 *
 * LABEL (`name:`), KLABEL (`tarif:`) and CELL (`name: value;`) are tokens
 * the scanner fuses on a first attempt (lexer.l, parse.c): they stand for
 * `IDENT ':'`, `keykw ':'` and a whole entry of one value, and never reach the error reporting, since a
 * syntax error makes cdg_parse read the file again without them.
 *
 * Errors are reported with the expected tokens (parse.error custom) and the
 * parser recovers at the next ';' or '>' so that one run reports every
 * independent mistake. */
%define api.pure full
%define api.prefix {cdg_yy}
%define api.token.prefix {TOK_}
%define parse.error custom
%define parse.lac full
%locations
%expect 0
%define api.location.type {cdg_span}
%param {yyscan_t scanner}
%parse-param {cdg_parse_ctx *ctx}

%code requires {
#include "ast.h"
#include "parse_ctx.h"
typedef void *yyscan_t;
}

%code provides {
int cdg_yylex(CDG_YYSTYPE *yylval, CDG_YYLTYPE *yylloc, yyscan_t scanner);
}

%code {
#include <stdint.h>
#include <string.h>

#include "nls.h"

#define YYLLOC_DEFAULT(Cur, Rhs, N)                                     \
    do {                                                                \
        if (N) {                                                        \
            (Cur).begin = YYRHSLOC(Rhs, 1).begin;                       \
            (Cur).end = YYRHSLOC(Rhs, N).end;                           \
        } else {                                                        \
            (Cur).begin = (Cur).end = YYRHSLOC(Rhs, 0).end;             \
        }                                                               \
    } while (0)

/* The stack never needs to grow: nesting is bounded by the scanner, so no
 * heap stack can leak when an allocation failure unwinds the parse. */
#define YYINITDEPTH 1000
#define YYMAXDEPTH 1000

static void yyerror(YYLTYPE *loc, yyscan_t scanner, cdg_parse_ctx *ctx, const char *msg);
static cdg_decl *make_decl(cdg_parse_ctx *ctx, cdg_keyword kw, YYLTYPE kwloc, const char *id,
                           YYLTYPE idloc, const char *label, YYLTYPE labloc, cdg_block *body,
                           YYLTYPE whole);
static size_t make_entry(cdg_parse_ctx *ctx, YYLTYPE whole, const char *key, cdg_keyword kw,
                         YYLTYPE keyloc, unsigned nvalues, cdg_block *block);
static size_t make_cell(cdg_parse_ctx *ctx, YYLTYPE whole, const cdg_value *value);
static size_t make_decl_entry(cdg_parse_ctx *ctx, YYLTYPE whole, cdg_decl *decl);
static cdg_block *make_block(cdg_parse_ctx *ctx, YYLTYPE open, size_t start, size_t last, YYLTYPE close);
static unsigned push_value(cdg_parse_ctx *ctx, const cdg_value *v, unsigned n);
static unsigned push_keyword(cdg_parse_ctx *ctx, cdg_keyword kw, YYLTYPE loc, unsigned n);
static unsigned push_text(cdg_parse_ctx *ctx, cdg_value_kind kind, const char *text, YYLTYPE loc, unsigned n);
#define A (ctx->arena)
#define NO_ENTRY SIZE_MAX
}

%union {
    const char *str;
    cdg_keyword kw;
    cdg_value val;        /* whole, by value: copied into its entry */
    unsigned nvalues;     /* values waiting on ctx->values for their entry */
    size_t entry;         /* offset of an entry on ctx->items; NO_ENTRY for none */
    cdg_block *block;
    cdg_decl *decl;
    struct { size_t start, last; } entries;  /* a block's entries on ctx->items */
}

%token OFFRE "offre" CATEGORIE "categorie" STRATE "strate" RUBRIQUE "rubrique"
       SERVICE "service" NOTE "note" FORFAIT "forfait" OPTION "option" EXEMPLE "exemple"
%token <kw> KEY "keyword" VALKW "value keyword" KLABEL
%token <str> IDENT "identifier" STRING "string" LABEL
%token <val> INT "integer" DECIMAL "amount" RANGE "range" CELL
%token LT "'<'" GT "'>'" COLON "':'" SEMI "';'"

%type <kw> declkw keykw
%type <decl> decl topdecl
%type <block> body block
%type <entries> items
%type <entry> item
%type <nvalues> values
/* Values wait on a stack until their entry is made; error recovery pops
 * them with the symbol that holds them. */
%destructor { ctx->nvalues -= $$; } <nvalues>
/* Entries wait on ctx->items until their block closes; error recovery
 * drops those of a block it abandons. */
%destructor { ctx->items_len = $$.start; } <entries>

%%

file:
  %empty
| file topdecl     { if ($2) cdg_ast_top_decl(ctx->arena, ctx->ast, &ctx->decl_runs, $2); }
;

topdecl:
  decl
| error SEMI                { $$ = NULL; }
| error GT                  { $$ = NULL; }
;

decl:
  declkw IDENT STRING body  { $$ = make_decl(ctx, $1, @1, $2, @2, $3, @3, $4, @$); }
  /* `service x "X"` without its ';' (reported as such): the declaration
   * is kept, so that its name does not cascade into "unknown" errors. */
| declkw IDENT STRING error { $$ = make_decl(ctx, $1, @1, $2, @2, $3, @3, NULL, @$); }
| EXEMPLE STRING body       { $$ = make_decl(ctx, CDG_KW_EXEMPLE, @1, NULL, @1, $2, @2, $3, @$); }
;

declkw:
  OFFRE      { $$ = CDG_KW_OFFRE; }
| CATEGORIE  { $$ = CDG_KW_CATEGORIE; }
| STRATE     { $$ = CDG_KW_STRATE; }
| RUBRIQUE   { $$ = CDG_KW_RUBRIQUE; }
| SERVICE    { $$ = CDG_KW_SERVICE; }
| NOTE       { $$ = CDG_KW_NOTE; }
| FORFAIT    { $$ = CDG_KW_FORFAIT; }
| OPTION     { $$ = CDG_KW_OPTION; }
;

body:
  SEMI        { $$ = NULL; }
| block      { $$ = $1; }
;

block:
  LT items GT        { $$ = make_block(ctx, @1, $2.start, $2.last, @3); }
| LT items error GT  { $$ = make_block(ctx, @1, $2.start, $2.last, @4); }
;

items:
  %empty       { $$.start = ctx->items_len; $$.last = NO_ENTRY; }
| items item   { $$ = $1; if ($2 != NO_ENTRY) $$.last = $2; }
| items CELL   { $$ = $1; $$.last = make_cell(ctx, @2, &$2); }
;

item:
  decl                          { $$ = $1 ? make_decl_entry(ctx, @$, cdg_ast_nested_decl(ctx->arena, $1)) : NO_ENTRY; }
| IDENT COLON values SEMI          { $$ = make_entry(ctx, @$, $1, CDG_KW_NONE, @1, $3, NULL); }
| IDENT COLON values block SEMI    { $$ = make_entry(ctx, @$, $1, CDG_KW_NONE, @1, $3, $4); }
| LABEL values SEMI                { $$ = make_entry(ctx, @$, $1, CDG_KW_NONE, @1, $2, NULL); }
| LABEL values block SEMI          { $$ = make_entry(ctx, @$, $1, CDG_KW_NONE, @1, $2, $3); }
| IDENT block SEMI               { $$ = make_entry(ctx, @$, $1, CDG_KW_NONE, @1, 0, $2); }
| IDENT block                   { $$ = make_entry(ctx, @$, $1, CDG_KW_NONE, @1, 0, $2); }
| keykw COLON values SEMI          { $$ = make_entry(ctx, @$, NULL, $1, @1, $3, NULL); }
| keykw COLON values block SEMI    { $$ = make_entry(ctx, @$, NULL, $1, @1, $3, $4); }
| KLABEL values SEMI               { $$ = make_entry(ctx, @$, NULL, $1, @1, $2, NULL); }
| KLABEL values block SEMI         { $$ = make_entry(ctx, @$, NULL, $1, @1, $2, $3); }
| keykw block SEMI               { $$ = make_entry(ctx, @$, NULL, $1, @1, 0, $2); }
| keykw block                   { $$ = make_entry(ctx, @$, NULL, $1, @1, 0, $2); }
| error SEMI                     { $$ = NO_ENTRY; }
;

/* Any keyword may be an entry key (`note: n1;`, `forfait: Metiers;`,
 * `strate: S4;`, `selon_strate < … >`); the checker says which belong where. */
keykw:
  KEY        { $$ = $1; }
| VALKW      { $$ = $1; }
| declkw     { $$ = $1; }
| EXEMPLE    { $$ = CDG_KW_EXEMPLE; }
;

/* Each value token is pushed as it is shifted, with no `value` symbol
 * in between: one reduction fewer per value (a 60-strata table has 60
 * integers; a reduction is ~60 instructions of the skeleton). */
values:
  VALKW            { $$ = push_keyword(ctx, $1, @1, 0); }
| INT              { $$ = push_value(ctx, &$1, 0); }
| DECIMAL          { $$ = push_value(ctx, &$1, 0); }
| RANGE            { $$ = push_value(ctx, &$1, 0); }
| IDENT            { $$ = push_text(ctx, CDG_VAL_IDENT, $1, @1, 0); }
| STRING           { $$ = push_text(ctx, CDG_VAL_STRING, $1, @1, 0); }
| values VALKW     { $$ = push_keyword(ctx, $2, @2, $1); }
| values INT       { $$ = push_value(ctx, &$2, $1); }
| values DECIMAL   { $$ = push_value(ctx, &$2, $1); }
| values RANGE     { $$ = push_value(ctx, &$2, $1); }
| values IDENT     { $$ = push_text(ctx, CDG_VAL_IDENT, $2, @2, $1); }
| values STRING    { $$ = push_text(ctx, CDG_VAL_STRING, $2, @2, $1); }
;

%%

/* The declaration just read, in ctx->decl: the item or the file that
 * takes it copies it where it belongs (a nested declaration alone, a
 * top-level one into the runs, ast.h). */
static cdg_decl *make_decl(cdg_parse_ctx *ctx, cdg_keyword kw, YYLTYPE kwloc, const char *id,
                           YYLTYPE idloc, const char *label, YYLTYPE labloc, cdg_block *body,
                           YYLTYPE whole)
{
    (void)kwloc;
    cdg_decl *d = &ctx->decl;
    *d = (cdg_decl){ .span = whole, .label_span = labloc, .kw = (unsigned char)kw, .id = id,
                     .label = label, .block = body };
    d->id_begin = idloc.begin;
    d->id_len = (uint16_t)(idloc.end - idloc.begin > UINT16_MAX ? UINT16_MAX : idloc.end - idloc.begin);
    return d;
}

/* size bytes at the end of ctx->items for an entry; returns their
 * offset. The stack holds the entries of the open blocks only; it lives
 * outside the arena (cdg_parse frees it), so that a block of a million
 * entries leaves no outgrown copies behind. */
static size_t push_item(cdg_parse_ctx *ctx, size_t size)
{
    if (ctx->items_cap - ctx->items_len < size) {
        size_t cap = ctx->items_cap ? ctx->items_cap * 2 : 4096;
        while (cap - ctx->items_len < size)
            cap *= 2;
        char *grown = cdg_mem_realloc(cdg_arena_memctl(ctx->arena), ctx->items, cap);
        if (!grown)
            cdg_arena_throw(ctx->arena);
        ctx->items = grown;
        ctx->items_cap = cap;
    }
    size_t at = ctx->items_len;
    ctx->items_len += size;
    return at;
}

/* The entry of the last nvalues values read, on ctx->items. */
static size_t make_entry(cdg_parse_ctx *ctx, YYLTYPE whole, const char *key, cdg_keyword kw,
                         YYLTYPE keyloc, unsigned nvalues, cdg_block *block)
{
    ctx->nvalues -= nvalues;
    const cdg_value *values = nvalues ? ctx->values + ctx->nvalues : NULL;  /* none pushed yet: NULL */
    size_t at = push_item(ctx, cdg_ast_entry_size(whole, keyloc, block != NULL, values, nvalues));
    cdg_ast_entry(ctx->items + at, whole, key ? key : cdg_keyword_name(kw), kw, keyloc, block,
                  values, nvalues);
    return at;
}

/* The entry of the CELL token just read (its key in ctx->cell_key), on
 * ctx->items: the entry `IDENT COLON values SEMI` makes of it. */
static size_t make_cell(cdg_parse_ctx *ctx, YYLTYPE whole, const cdg_value *value)
{
    cdg_span keyloc = { whole.begin, ctx->cell_key_end };
    /* Room for the largest such entry (wide, a range), then what it takes. */
    size_t at = push_item(ctx, sizeof(cdg_entry) + sizeof(cdg_entry_wide) + sizeof(cdg_value));
    ctx->items_len = at + cdg_ast_entry(ctx->items + at, whole, ctx->cell_key, ctx->cell_kw, keyloc,
                                        NULL, value, 1);
    return at;
}

/* The entry of a nested declaration, on ctx->items. */
static size_t make_decl_entry(cdg_parse_ctx *ctx, YYLTYPE whole, cdg_decl *decl)
{
    size_t at = push_item(ctx, cdg_ast_decl_entry_size(whole));
    cdg_ast_decl_entry(ctx->items + at, whole, decl);
    return at;
}

/* The block of the entries from start on ctx->items (the last at last),
 * which leave the stack. */
static cdg_block *make_block(cdg_parse_ctx *ctx, YYLTYPE open, size_t start, size_t last, YYLTYPE close)
{
    size_t size = ctx->items_len - start;
    /* No item pushed yet (an empty first block): the stack is still NULL. */
    const char *entries = size ? ctx->items + start : NULL;
    cdg_block *b = cdg_ast_block(ctx->arena, open, entries, size,
                                 last == NO_ENTRY ? 0 : last - start, close);
    ctx->items_len = start;
    return b;
}

/* Pushes v after the n values of the entry being read; returns n + 1.
 * The stack only holds the values of entries not yet made (an outer
 * entry's while its block is read), so it stays a few values deep. */
static unsigned push_value(cdg_parse_ctx *ctx, const cdg_value *v, unsigned n)
{
    if (ctx->nvalues == ctx->values_cap) {
        size_t cap = ctx->values_cap ? ctx->values_cap * 2 : 16;
        cdg_value *grown = cdg_arena_alloc(ctx->arena, cap * sizeof *grown);
        if (ctx->nvalues)
            memcpy(grown, ctx->values, ctx->nvalues * sizeof *grown);
        ctx->values = grown;
        ctx->values_cap = cap;
    }
    ctx->values[ctx->nvalues++] = *v;
    return n + 1;
}

/* Pushes the value keyword kw at loc (see push_value). */
static unsigned push_keyword(cdg_parse_ctx *ctx, cdg_keyword kw, YYLTYPE loc, unsigned n)
{
    cdg_value v = cdg_value_make(CDG_VAL_KEYWORD, loc);
    v.kw = kw;
    return push_value(ctx, &v, n);
}

/* Pushes the identifier or string text at loc (see push_value). */
static unsigned push_text(cdg_parse_ctx *ctx, cdg_value_kind kind, const char *text, YYLTYPE loc, unsigned n)
{
    cdg_value v = cdg_value_make(kind, loc);
    v.text = text;
    return push_value(ctx, &v, n);
}

/* Only reached for bison's own messages (stack or memory exhausted). */
static void yyerror(YYLTYPE *loc, yyscan_t scanner, cdg_parse_ctx *ctx, const char *msg)
{
    (void)scanner;
    if (ctx->labels) {  /* reported by the second attempt (parse.c) */
        ctx->relex = true;
        ctx->fatal = true;
        return;
    }
    cdg_parse_error(ctx, *loc, "%s", msg);
    ctx->fatal = true;
}

/* s in the user's language when local, else as written (i18n.h). */
__attribute__((format_arg(2))) static const char *tr(bool local, const char *s)
{
    return local ? _(s) : s;
}

/* Describes the unexpected token by its text in the source. */
static void describe_lookahead(cdg_parse_ctx *ctx, yysymbol_kind_t sym, YYLTYPE loc, cdg_buf *b,
                               bool local)
{
    if (sym == YYSYMBOL_YYEOF) {
        cdg_buf_puts(b, tr(local, N_("end of file")));
        return;
    }
    size_t n = loc.end - loc.begin;
    if (n > 40)
        n = 40;
    cdg_buf q;
    cdg_buf_init(&q, ctx->arena);
    cdg_buf_putc(&q, '\'');
    cdg_buf_add(&q, ctx->src->text + loc.begin, n);
    if (n < loc.end - loc.begin)
        cdg_buf_puts(&q, "…");
    cdg_buf_putc(&q, '\'');
    const char *text = cdg_buf_str(&q);
    switch (sym) {
    case YYSYMBOL_IDENT: cdg_buf_printf(b, tr(local, N_("identifier %s")), text); break;
    case YYSYMBOL_STRING: cdg_buf_printf(b, tr(local, N_("string %s")), text); break;
    case YYSYMBOL_INT: case YYSYMBOL_DECIMAL: cdg_buf_printf(b, tr(local, N_("number %s")), text); break;
    case YYSYMBOL_RANGE: cdg_buf_printf(b, tr(local, N_("range %s")), text); break;
    default: cdg_buf_puts(b, text); break;
    }
}

/* A token's name (from %token) in the user's language when local. */
static const char *token_name(yysymbol_kind_t sym, bool local)
{
    static const char *const words[] = {
        N_("end of file"), N_("keyword"), N_("value keyword"), N_("identifier"),
        N_("string"), N_("integer"), N_("amount"), N_("range"),
    };
    const char *name = yysymbol_name(sym);
    for (size_t i = 0; local && i < sizeof words / sizeof words[0]; i++)
        if (strcmp(name, words[i]) == 0)
            return _(words[i]);
    return name;
}

static bool expects(const yysymbol_kind_t *expected, int n, yysymbol_kind_t sym)
{
    for (int i = 0; i < n; i++)
        if (expected[i] == sym)
            return true;
    return false;
}

static bool is_decl_symbol(yysymbol_kind_t s)
{
    return s == YYSYMBOL_OFFRE || s == YYSYMBOL_CATEGORIE || s == YYSYMBOL_STRATE ||
           s == YYSYMBOL_RUBRIQUE || s == YYSYMBOL_SERVICE || s == YYSYMBOL_NOTE ||
           s == YYSYMBOL_FORFAIT || s == YYSYMBOL_OPTION || s == YYSYMBOL_EXEMPLE;
}

/* Appends the list of expected tokens ("X, Y or Z"): keywords are summed
 * up as "a declaration" or "an entry" rather than listed one by one. */
static void describe_expected(cdg_parse_ctx *ctx, const yysymbol_kind_t *expected, int n,
                              cdg_buf *b, bool local)
{
    bool decl = false, entry = false;
    yysymbol_kind_t others[YYNTOKENS];
    int nothers = 0;
    for (int i = 0; i < n; i++) {
        if (expected[i] == YYSYMBOL_LABEL || expected[i] == YYSYMBOL_KLABEL || expected[i] == YYSYMBOL_CELL)
            continue;  /* only scanned on the first attempt, which reports nothing */
        if (is_decl_symbol(expected[i]))
            decl = true;
        else if (expected[i] == YYSYMBOL_KEY)
            entry = true;
        else if (expected[i] != YYSYMBOL_VALKW || !entry)
            others[nothers++] = expected[i];
    }
    if (entry) {
        /* In a block, identifiers and value keywords start entries too. */
        int k = 0;
        for (int i = 0; i < nothers; i++)
            if (others[i] != YYSYMBOL_IDENT && others[i] != YYSYMBOL_VALKW)
                others[k++] = others[i];
        nothers = k;
    }
    const char *parts[YYNTOKENS + 2];
    int np = 0;
    if (entry)
        parts[np++] = tr(local, N_("an entry"));
    if (decl && !entry)
        parts[np++] = tr(local, N_("a declaration (offre, categorie, strate, rubrique, service, note, forfait, option, exemple)"));
    for (int i = 0; i < nothers; i++)
        parts[np++] = token_name(others[i], local);
    if (np == 0)
        return;
    cdg_buf head;
    cdg_buf_init(&head, ctx->arena);
    for (int i = 0; i < np - 1; i++) {
        if (i)
            cdg_buf_puts(&head, ", ");
        cdg_buf_puts(&head, parts[i]);
    }
    if (np == 1)
        cdg_buf_puts(b, parts[0]);
    else
        cdg_buf_printf(b, tr(local, N_("%s or %s")), cdg_buf_str(&head), parts[np - 1]);
}

/* The message of a syntax error, as written or in the user's language. */
static const char *syntax_message(cdg_parse_ctx *ctx, yysymbol_kind_t la, YYLTYPE loc,
                                  const yysymbol_kind_t *expected, int n, bool local)
{
    if (la == YYSYMBOL_YYEOF && ctx->depth > 0 && expects(expected, n, YYSYMBOL_GT))
        return tr(local, N_("missing '>' at end of file"));
    cdg_buf what, exp, b;
    cdg_buf_init(&what, ctx->arena);
    cdg_buf_init(&exp, ctx->arena);
    cdg_buf_init(&b, ctx->arena);
    describe_lookahead(ctx, la, loc, &what, local);
    describe_expected(ctx, expected, n, &exp, local);
    bool extra = la == YYSYMBOL_GT && ctx->stray_close;
    const char *e = cdg_buf_str(&exp);
    if (!*e)
        cdg_buf_printf(&b, extra ? tr(local, N_("unexpected %s (a '>' too many?)"))
                                 : tr(local, N_("unexpected %s")), cdg_buf_str(&what));
    else
        cdg_buf_printf(&b, extra ? tr(local, N_("unexpected %s (a '>' too many?), expected %s"))
                                 : tr(local, N_("unexpected %s, expected %s")), cdg_buf_str(&what), e);
    return cdg_buf_str(&b);
}

/* Whether tokens at offsets a and b are on different lines. */
static bool on_later_line(cdg_parse_ctx *ctx, uint32_t a, uint32_t b)
{
    return memchr(ctx->src->text + a, '\n', b > a ? b - a : 0) != NULL;
}

/* Whether the word before the unexpected keyword la and la make a value
 * keyword written in two words (`en option` for en_option, `selon strate`
 * for selon_strate): then reports it with its fix. The other pairs (`non
 * inclus`) are values the checker reports. */
static bool two_words(cdg_parse_ctx *ctx, yysymbol_kind_t la, YYLTYPE loc)
{
    static const struct { yysymbol_kind_t second; const char *first, *fix; } pairs[] = {
        {YYSYMBOL_OPTION, "en", "en_option"},
        {YYSYMBOL_STRATE, "selon", "selon_strate"},
    };
    cdg_span prev = ctx->tok[1];
    const char *text = ctx->src->text;
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
        size_t n = strlen(pairs[i].first);
        if (la != pairs[i].second || prev.end - prev.begin != n ||
            strncmp(text + prev.begin, pairs[i].first, n) != 0 || on_later_line(ctx, prev.end, loc.begin))
            continue;
        cdg_span both = { prev.begin, loc.end };
        cdg_parse_error(ctx, both, "unexpected '%.*s'; write '%s' (one word, with '_')",
                        (int)(loc.end - prev.begin), text + prev.begin, pairs[i].fix);
        return true;
    }
    return false;
}

/* Reports a syntax error: what was found, what was expected, and the hint
 * for the commonest slips (a missing ';', a '>' too many, an unclosed '<'). */
static int yyreport_syntax_error(const yypcontext_t *yyctx, yyscan_t scanner, cdg_parse_ctx *ctx)
{
    (void)scanner;
    if (ctx->labels) {  /* reported by the second attempt, token by token (parse.c) */
        ctx->relex = true;
        ctx->fatal = true;
        return 0;
    }
    if (ctx->fatal)
        return 0;
    ctx->had_errors = true;
    if (++ctx->diags->syntax_errors > CDG_MAX_SYNTAX_ERRORS) {
        cdg_diag_add(ctx->diags, CDG_NOTE, ctx->src, *yypcontext_location(yyctx),
                     "too many syntax errors (%d); giving up on this file", CDG_MAX_SYNTAX_ERRORS);
        ctx->fatal = true;
        return 0;
    }
    yysymbol_kind_t expected[YYNTOKENS];
    int n = yypcontext_expected_tokens(yyctx, expected, YYNTOKENS);
    yysymbol_kind_t la = yypcontext_token(yyctx);
    YYLTYPE loc = *yypcontext_location(yyctx);
    bool want_semi = false;
    for (int i = 0; i < n; i++)
        want_semi = want_semi || expected[i] == YYSYMBOL_SEMI;

    if (two_words(ctx, la, loc))
        return 0;

    /* `a: inclus` NEWLINE `b: inclus;`: the parser only notices at b's ':'. */
    if (want_semi && la != YYSYMBOL_YYEOF) {
        cdg_span prev = ctx->tok[1], prev2 = ctx->tok[2];
        cdg_span after = { 0, 0 };
        if (on_later_line(ctx, prev.end, loc.begin))
            after = prev;
        else if ((la == YYSYMBOL_COLON || la == YYSYMBOL_LT) && prev2.end &&
                 on_later_line(ctx, prev2.end, prev.begin))
            after = prev2;
        else if (la == YYSYMBOL_COLON && prev2.end &&  /* `S7: 10 S8: 10;` */
                 ((ctx->src->text[prev2.begin] >= '0' && ctx->src->text[prev2.begin] <= '9') ||
                  ctx->src->text[prev2.begin] == '"'))
            after = prev2;
        /* The scanner already reported that token (an unclosed string
         * ran to the end of its line, over the ';'): one error is enough. */
        if (after.end && ctx->last_error.end && after.begin <= ctx->last_error.begin &&
            ctx->last_error.begin < after.end)
            return 0;
        if (after.end) {
            cdg_span at = { after.end, after.end };
            cdg_parse_error(ctx, at, "missing ';' after '%.*s'", (int)(after.end - after.begin),
                            ctx->src->text + after.begin);
            return 0;
        }
    }

    cdg_diag *g = cdg_diag_add_text(ctx->diags, CDG_ERROR, ctx->src, loc,
                                    syntax_message(ctx, la, loc, expected, n, false),
                                    syntax_message(ctx, la, loc, expected, n, true));
    if (la == YYSYMBOL_YYEOF && ctx->depth > 0) {
        cdg_span open = { ctx->open_at[ctx->depth - 1], ctx->open_at[ctx->depth - 1] + 1 };
        cdg_diag_note(ctx->diags, g, ctx->src, open, "to close the '<' opened here");
    }
    return 0;
}
