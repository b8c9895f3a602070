/* test_parser.c — the syntax tree the parser builds, and its recovery. */
#include "helpers.h"

#include "diag_emit.h"
#include "lib_extras.h"
#include "parse.h"

typedef struct parsed {
    cdg_arena *arena;
    cdg_diags diags;
    cdg_ast *ast;
    bool ok;
} parsed;

static void parse_text(parsed *p, const char *text)
{
    p->arena = cdg_arena_new(NULL);
    cr_assert_not_null(p->arena);
    cdg_source *src = cdg_source_from_buffer(p->arena, "t.cdg", text, strlen(text));
    cdg_diags_init(&p->diags, p->arena);
    p->ok = cdg_parse(p->arena, src, &p->diags, &p->ast);
}

static unsigned count_decls(const cdg_ast *ast)
{
    unsigned n = 0;
    for (const cdg_decl *d = ast->decls; d; d = cdg_decl_next(d))
        n++;
    return n;
}

Test(parser, declarations_entries_and_values)
{
    parsed p;
    parse_text(&p, "offre o \"Offre\" < editeur: \"E\"; >\n"
                   "categorie c \"C\";\n"
                   "forfait F \"F\" <\n"
                   "  base: G;\n"
                   "  s: 3 \"Trois\" < t: 1; >;\n"
                   "  selon_strate < S1: 1; >;\n"
                   "  r: ..249 10.. 2.50 inclus;\n"
                   ">\n"
                   "exemple \"Ex\" < profil: c 12; >\n");
    cr_assert(p.ok);
    cr_assert_eq(p.diags.len, 0);
    cr_assert_eq(count_decls(p.ast), 4);
    const cdg_decl *o = p.ast->decls, *c = cdg_decl_next(o), *f = cdg_decl_next(c), *x = cdg_decl_next(f);
    cr_assert_eq(o->kw, CDG_KW_OFFRE);
    cr_assert_str_eq(o->id, "o");
    cr_assert_str_eq(o->label, "Offre");
    cr_assert_eq(cdg_block_entries(o->block)->key_kw, CDG_KW_EDITEUR);
    cr_assert_eq(c->kw, CDG_KW_CATEGORIE);
    cr_assert_null(c->block);
    cr_assert_eq(f->kw, CDG_KW_FORFAIT);
    const cdg_entry *e = cdg_block_entries(f->block);
    cr_assert_eq(e->key_kw, CDG_KW_BASE);
    cr_assert_eq(cdg_entry_values(e)->kind, CDG_VAL_IDENT);
    cr_assert_str_eq(cdg_entry_values(e)->text, "G");
    e = cdg_entry_next(e);
    cr_assert_str_eq(e->key, "s");
    cr_assert_eq(e->key_kw, CDG_KW_NONE);
    cr_assert_eq(cdg_ast_count_values(cdg_entry_values(e)), 2);
    cr_assert_eq(cdg_entry_values(e)->kind, CDG_VAL_INT);
    cr_assert_eq(cdg_value_int(cdg_entry_values(e)), 3);
    cr_assert_eq(cdg_value_next(cdg_entry_values(e))->kind, CDG_VAL_STRING);
    cr_assert_not_null(cdg_entry_block(e));
    cr_assert_str_eq(cdg_block_entries(cdg_entry_block(e))->key, "t");
    e = cdg_entry_next(e);
    cr_assert_eq(e->key_kw, CDG_KW_SELON_STRATE);
    cr_assert_null(cdg_entry_values(e));
    cr_assert_not_null(cdg_entry_block(e));
    e = cdg_entry_next(e);
    const cdg_value *v = cdg_entry_values(e);
    cr_assert_eq(v->kind, CDG_VAL_RANGE);
    cr_assert_eq(cdg_value_next(v)->kind, CDG_VAL_RANGE);
    cr_assert_eq(cdg_value_next(cdg_value_next(v))->kind, CDG_VAL_DECIMAL);
    cr_assert_eq(cdg_value_int(cdg_value_next(cdg_value_next(v))), 25000);   /* 2.50 in ten-thousandths */
    cr_assert_eq(cdg_value_next(cdg_value_next(cdg_value_next(v)))->kind, CDG_VAL_KEYWORD);
    cr_assert_eq(cdg_value_next(cdg_value_next(cdg_value_next(v)))->kw, CDG_KW_INCLUS);
    cr_assert_null(cdg_entry_next(e));
    cr_assert_eq(x->kw, CDG_KW_EXEMPLE);
    cr_assert_null(x->id);
    cr_assert_str_eq(x->label, "Ex");
    cdg_arena_free(p.arena);
}

Test(parser, spans_cover_the_source)
{
    parsed p;
    const char *t = "forfait F \"F\" < a: inclus; >";
    parse_text(&p, t);
    cr_assert(p.ok);
    const cdg_decl *f = p.ast->decls;
    cr_assert_eq(cdg_decl_kw_span(f).begin, 0);
    cr_assert_eq(cdg_decl_id_span(f).begin, 8);
    cr_assert_eq(cdg_decl_id_span(f).end, 9);
    cr_assert_eq(f->label_span.begin, 10);
    cr_assert_eq(f->span.end, strlen(t));
    cr_assert_eq(cdg_block_open(f->block).begin, 14);
    cr_assert_eq(cdg_block_close(f->block).begin, strlen(t) - 1);
    const cdg_entry *e = cdg_block_entries(f->block);
    cr_assert_eq(cdg_entry_span(e).begin, 16);
    cr_assert_eq(cdg_entry_span(e).end, 26);
    cdg_arena_free(p.arena);
}

Test(parser, nested_declarations_are_entries)
{
    parsed p;
    parse_text(&p, "rubrique r \"R\" < service a \"A\"; service b \"B\" < unite: \"u\"; > >");
    cr_assert(p.ok);
    const cdg_entry *e = cdg_block_entries(p.ast->decls->block);
    cr_assert_not_null(cdg_entry_decl(e));
    cr_assert_eq(cdg_entry_decl(e)->kw, CDG_KW_SERVICE);
    cr_assert_str_eq(cdg_entry_decl(e)->id, "a");
    cr_assert_str_eq(cdg_entry_decl(cdg_entry_next(e))->id, "b");
    cr_assert_not_null(cdg_entry_decl(cdg_entry_next(e))->block);
    cdg_arena_free(p.arena);
}

Test(parser, recovery_keeps_the_declarations_around_errors)
{
    parsed p;
    parse_text(&p, "forfait A \"A\" < x: ; y: inclus; >\n"
                   "forfait B \"B\" < z inclus; >\n"
                   "forfait C \"C\" < w: inclus; >\n");
    cr_assert_not(p.ok);
    cr_assert_eq(p.diags.errors, 2);
    cr_assert_eq(count_decls(p.ast), 3);
    const cdg_decl *c = cdg_decl_next(cdg_decl_next(p.ast->decls));
    cr_assert_str_eq(c->id, "C");
    cr_assert_str_eq(cdg_block_entries(c->block)->key, "w");
    /* A keeps the entry after the error */
    cr_assert_str_eq(cdg_block_entries(p.ast->decls->block)->key, "y");
    cdg_arena_free(p.arena);
}

/* Values wait on the parser's stack until their entry is made: an entry
 * with a block keeps its own values, not those of the block's entries. */
Test(parser, values_wait_for_their_entry_across_a_block)
{
    parsed p;
    const char *t = "forfait F \"F\" <\n"
                    "  a: 1 \"un\" < b: 2 x; c: 3..4; >;\n"
                    "  d: inclus;\n"
                    ">";
    parse_text(&p, t);
    cr_assert(p.ok);
    const cdg_entry *a = cdg_block_entries(p.ast->decls->block);
    cr_assert_str_eq(a->key, "a");
    cr_assert_eq(cdg_entry_key_span(a).begin, (uint32_t)(strstr(t, "a:") - t));
    cr_assert_eq(cdg_entry_key_span(a).end, cdg_entry_key_span(a).begin + 1);
    const cdg_value *v = cdg_entry_values(a);
    cr_assert_eq(cdg_ast_count_values(v), 2);
    cr_assert_eq(cdg_value_int(v), 1);
    cr_assert_str_eq(cdg_value_next(v)->text, "un");
    cr_assert_eq(cdg_value_span(cdg_value_next(v)).begin, (uint32_t)(strstr(t, "\"un\"") - t));
    cr_assert_eq(cdg_value_span(cdg_value_next(v)).end, (uint32_t)(strstr(t, "\"un\"") - t) + 4);
    const cdg_entry *b = cdg_block_entries(cdg_entry_block(a)), *c = cdg_entry_next(b);
    cr_assert_eq(cdg_ast_count_values(cdg_entry_values(b)), 2);
    cr_assert_eq(cdg_value_int(cdg_entry_values(b)), 2);
    cr_assert_str_eq(cdg_value_next(cdg_entry_values(b))->text, "x");
    cr_assert_eq(cdg_ast_count_values(cdg_entry_values(c)), 1);
    cr_assert_eq(cdg_entry_values(c)->lo, 3);
    cr_assert_eq(cdg_entry_values(c)->hi, 4);
    cr_assert_null(cdg_entry_next(c));
    const cdg_entry *d = cdg_entry_next(a);
    cr_assert_eq(cdg_ast_count_values(cdg_entry_values(d)), 1);
    cr_assert_eq(cdg_entry_values(d)->kw, CDG_KW_INCLUS);
    cr_assert_null(cdg_entry_block(d));
    cdg_arena_free(p.arena);
}

/* After an entry dropped by error recovery, the next entries get exactly
 * their values. (The %destructor that pops the dropped values only bounds
 * the stack: without it, the values taken would still be the right ones.) */
Test(parser, recovery_drops_the_values_of_a_broken_entry)
{
    parsed p;
    parse_text(&p, "forfait F \"F\" < a: 1 2 : ; b: inclus 3; c < d: 5 6 : ; > ; e: sans_objet; >");
    cr_assert_not(p.ok);
    const cdg_entry *e = cdg_block_entries(p.ast->decls->block);
    cr_assert_str_eq(e->key, "b");
    cr_assert_eq(cdg_ast_count_values(cdg_entry_values(e)), 2);
    cr_assert_eq(cdg_entry_values(e)->kw, CDG_KW_INCLUS);
    cr_assert_eq(cdg_value_int(cdg_value_next(cdg_entry_values(e))), 3);
    for (e = cdg_entry_next(e); e && strcmp(e->key, "e") != 0; e = cdg_entry_next(e))
        ;
    cr_assert_not_null(e);
    cr_assert_eq(cdg_ast_count_values(cdg_entry_values(e)), 1);
    cr_assert_eq(cdg_entry_values(e)->kw, CDG_KW_SANS_OBJET);
    cdg_arena_free(p.arena);
}

/* The value stack grows past its first 16 slots, with an outer entry's
 * values still waiting below those of its block. */
Test(parser, value_stack_grows_with_values_waiting_below)
{
    char t[2048];
    size_t n = (size_t)snprintf(t, sizeof t, "forfait F \"F\" < a:");
    for (int i = 0; i < 12; i++)
        n += (size_t)snprintf(t + n, sizeof t - n, " %d", i);
    n += (size_t)snprintf(t + n, sizeof t - n, " < b:");
    for (int i = 100; i < 140; i++)
        n += (size_t)snprintf(t + n, sizeof t - n, " %d", i);
    snprintf(t + n, sizeof t - n, "; >; >");
    parsed p;
    parse_text(&p, t);
    cr_assert(p.ok);
    const cdg_entry *a = cdg_block_entries(p.ast->decls->block), *b = cdg_block_entries(cdg_entry_block(a));
    cr_assert_eq(cdg_ast_count_values(cdg_entry_values(a)), 12);
    cr_assert_eq(cdg_ast_count_values(cdg_entry_values(b)), 40);
    int want = 0;
    for (const cdg_value *v = cdg_entry_values(a); v; v = cdg_value_next(v))
        cr_assert_eq(cdg_value_int(v), want++);
    want = 100;
    for (const cdg_value *v = cdg_entry_values(b); v; v = cdg_value_next(v))
        cr_assert_eq(cdg_value_int(v), want++);
    cdg_arena_free(p.arena);
}

/* A value keeps its length in 16 bits: a longer token (already an error)
 * gets a span cut at 65535 bytes, never a wrapped one. */
Test(parser, a_value_span_saturates_at_65535_bytes)
{
    size_t n = 70000;
    char *t = malloc(n + 64);
    cr_assert_not_null(t);
    strcpy(t, "offre o \"O\" < editeur: \"");
    size_t at = strlen(t) - 1;
    memset(t + at + 1, 'x', n);
    strcpy(t + at + 1 + n, "\"; >");
    parsed p;
    parse_text(&p, t);
    cr_assert_not(p.ok, "a 70000-byte string is too long");
    const cdg_value *v = cdg_entry_values(cdg_block_entries(p.ast->decls->block));
    cr_assert_eq(v->kind, CDG_VAL_STRING);
    cr_assert_eq(cdg_value_span(v).begin, at);
    cr_assert_eq(cdg_value_span(v).end, at + 65535);
    cdg_arena_free(p.arena);
    free(t);
}

Test(parser, syntax_errors_are_capped)
{
    cdg_buf b;
    cdg_arena *a = cdg_arena_new(NULL);
    cdg_buf_init(&b, a);
    cdg_buf_puts(&b, "forfait A \"A\" <\n");
    for (int i = 0; i < 50; i++)
        cdg_buf_puts(&b, "  s: inclus inclus :;\n");
    cdg_buf_puts(&b, ">\n");
    cdg_unit *u = load_text(cdg_buf_str(&b));
    cr_assert_eq(u->diags.errors, CDG_MAX_SYNTAX_ERRORS);
    cr_assert(has_diag(u, CDG_NOTE, "too many syntax errors"));
    cdg_unit_free(u);
    cdg_arena_free(a);
}

Test(parser, empty_input_is_an_empty_tree)
{
    parsed p;
    parse_text(&p, "  # only a comment\n");
    cr_assert(p.ok);
    cr_assert_null(p.ast->decls);
    cr_assert_not_null(p.ast->comments);
    cr_assert(p.ast->comments->own_line);
    cdg_arena_free(p.arena);
}

Test(parser, comment_at_end_of_file_without_newline_is_kept)
{
    parsed p;
    parse_text(&p, "offre o \"O\"; # fin");
    cr_assert(p.ok);
    cr_assert_not_null(p.ast->comments);
    cr_assert_eq(p.ast->comments->span.begin, 13);
    cr_assert_eq(p.ast->comments->span.end, 18);
    cr_assert_not(p.ast->comments->own_line);
    cdg_arena_free(p.arena);
}

/* Entries whose span (4 KB or more) or key (over 255 bytes) does not fit
 * in the 16-byte head, integers held in a value's head or not, and a
 * block's entries walked in order with cdg_entry_next. */
Test(parser, wide_entries_and_small_integers)
{
    static char t[16384];
    char key[CDG_MAX_IDENT + 1];
    memset(key, 'k', CDG_MAX_IDENT);
    key[CDG_MAX_IDENT] = '\0';
    size_t n = (size_t)snprintf(t, sizeof t, "forfait F \"F\" < a: 11 9999 10000 0011 12345678901; %s: 1; c:", key);
    for (int i = 0; i < 700; i++)
        n += (size_t)snprintf(t + n, sizeof t - n, " inclus");
    snprintf(t + n, sizeof t - n, "; d < e: 2; >; >");
    parsed p;
    parse_text(&p, t);
    cr_assert(p.ok);
    const cdg_entry *a = cdg_block_entries(p.ast->decls->block);
    cr_assert_str_eq(a->key, "a");
    cr_assert_not(a->wide);
    const cdg_value *v = cdg_entry_values(a);
    const int64_t want[] = {11, 9999, 10000, 11, INT64_C(12345678901)};
    const unsigned len[] = {2, 4, 5, 4, 11}, size[] = {8, 8, 16, 8, 16};
    for (int i = 0; i < 5; i++, v = cdg_value_next(v)) {
        cr_assert_eq(v->kind, CDG_VAL_INT);
        cr_assert_eq(cdg_value_int(v), want[i]);
        cr_assert_eq(cdg_value_span(v).end - cdg_value_span(v).begin, len[i]);
        cr_assert_eq(cdg_value_size(v), size[i]);
    }
    cr_assert_null(v);
    const cdg_entry *k = cdg_entry_next(a);
    cr_assert_str_eq(k->key, key);
    cr_assert(k->wide);
    cr_assert_eq(cdg_entry_key_span(k).end - cdg_entry_key_span(k).begin, CDG_MAX_IDENT);
    cr_assert_eq(cdg_value_int(cdg_entry_values(k)), 1);
    const cdg_entry *c = cdg_entry_next(k);
    cr_assert_str_eq(c->key, "c");
    cr_assert(c->wide);
    cr_assert_eq(cdg_ast_count_values(cdg_entry_values(c)), 700);
    cr_assert_eq(cdg_entry_span(c).begin, (uint32_t)(strstr(t, " c:") - t) + 1);
    cr_assert_eq(cdg_entry_span(c).end, (uint32_t)(strstr(t, "; d <") - t) + 1);
    const cdg_entry *d = cdg_entry_next(c);
    cr_assert_str_eq(d->key, "d");
    cr_assert_eq(cdg_value_int(cdg_entry_values(cdg_block_entries(cdg_entry_block(d)))), 2);
    cr_assert_null(cdg_entry_next(d));
    cdg_arena_free(p.arena);
}

/* An offre then n exemple declarations labelled "L<i>", the i-th with a
 * block of one entry `profil: c <i>;`, every tenth with an empty block. */
static char *many_exemples(unsigned n)
{
    size_t cap = 64 + (size_t)n * 64, len = 0;
    char *t = malloc(cap);
    cr_assert_not_null(t);
    len += (size_t)snprintf(t + len, cap - len, "offre o \"O\";\n");
    for (unsigned i = 0; i < n; i++) {
        if (i % 10 == 9)
            len += (size_t)snprintf(t + len, cap - len, "exemple \"L%u\" < >\n", i);
        else
            len += (size_t)snprintf(t + len, cap - len, "exemple \"L%u\" < profil: c %u; >\n", i, i);
    }
    return t;
}

Test(parser, top_level_declarations_in_runs)
{
    /* 5,000 declarations: past the runs of 16, 32 … 1,024 declarations,
     * each found in order by cdg_decl_next */
    enum { N = 5000 };
    char *t = many_exemples(N);
    parsed p;
    parse_text(&p, t);
    cr_assert(p.ok);
    cr_assert_eq(count_decls(p.ast), N + 1);
    const cdg_decl *d = p.ast->decls;
    cr_assert_eq(d->kw, CDG_KW_OFFRE);
    for (unsigned i = 0; i < N; i++) {
        d = cdg_decl_next(d);
        cr_assert_not_null(d);
        cr_assert_eq(d->kw, CDG_KW_EXEMPLE);
        char want[32];
        snprintf(want, sizeof want, "L%u", i);
        cr_assert_str_eq(d->label, want);
        cr_assert_eq(d->label_span.end - d->label_span.begin, strlen(want) + 2);
        const cdg_entry *e = cdg_block_entries(d->block);
        if (i % 10 == 9) {
            cr_assert_null(e);
        } else {
            cr_assert_eq(e->key_kw, CDG_KW_PROFIL);
            cr_assert_eq(cdg_value_int(cdg_value_next(cdg_entry_values(e))), i);
        }
    }
    cr_assert_null(cdg_decl_next(d));
    cdg_arena_free(p.arena);
    free(t);
}
