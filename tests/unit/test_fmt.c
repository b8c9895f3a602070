/* test_fmt.c — the formatter: layout, comments, and the properties
 * fmt(fmt(x)) == fmt(x) and model(fmt(x)) == model(x) over every .cdg of
 * the repository and the hand-written corpus tests/fmt/corpus/. */
#include <dirent.h>
#include <sys/stat.h>

#include "ast.h"
#include "fmt.h"
#include "helpers.h"
#include "model_equal.h"

/* The formatted text of a unit, in arena a. */
static const char *format_unit(cdg_arena *a, const cdg_unit *u, size_t *len)
{
    return cdg_fmt(a, u->ast, len);
}

/* A sink of cdg_fmt_write gathering the pieces into a buffer. */
typedef struct pieces {
    cdg_buf text;
    size_t count;
} pieces;

static void gather(void *ctx, const char *s, size_t n)
{
    pieces *p = ctx;
    cr_assert_gt(n, 0, "an empty piece");
    cdg_buf_add(&p->text, s, n);
    p->count++;
}

/* The text cdg_fmt_write streams for u, gathered in arena a; *count
 * receives the number of pieces. */
static const char *streamed(cdg_arena *a, const cdg_unit *u, size_t *len, size_t *count)
{
    pieces p = {.count = 0};
    cdg_buf_init(&p.text, a);
    cdg_fmt_write(a, u->ast, gather, &p);
    *len = p.text.len;
    *count = p.count;
    return cdg_buf_str(&p.text);
}

/* Formats text (which must parse) and returns a malloc'ed copy. */
static char *fmt_text(const char *text)
{
    cdg_unit *u = NULL;
    cr_assert_eq(cdg_unit_load_buffer("t.cdg", text, strlen(text), NULL, &u), CDG_LOAD_OK);
    cr_assert(u->syntax_ok, "syntax errors in test input");
    cdg_arena *a = cdg_arena_new(NULL);
    size_t n;
    const char *s = format_unit(a, u, &n);
    char *copy = strndup(s, n);
    cdg_arena_free(a);
    cdg_unit_free(u);
    return copy;
}

/* ---- comment anchors --------------------------------------------------------
 * The construct a comment belongs to: the innermost declaration or entry
 * containing it; outside any, the construct it trails (same line) or the
 * one it stands above, or the end of the enclosing block. Written as a
 * path: "forfait A/parapheur#1". */

typedef struct anchors {
    char lines[512][300];
    size_t n;
} anchors;

static void item_name(const cdg_source *src, const cdg_entry *e, unsigned idx, char *out, size_t cap)
{
    if (cdg_entry_decl(e)) {
        const cdg_decl *d = cdg_entry_decl(e);
        snprintf(out, cap, "%s %s", cdg_keyword_name(d->kw), d->id ? d->id : d->label);
    } else
        snprintf(out, cap, "%.*s#%u", (int)(cdg_entry_key_span(e).end - cdg_entry_key_span(e).begin),
                 src->text + cdg_entry_key_span(e).begin, idx);
}

/* out = a + "/" + b (truncated to cap). */
static void join(char *out, size_t cap, const char *a, const char *b)
{
    size_t i = 0;
    for (const char *p = a; *p && i + 1 < cap; p++)
        out[i++] = *p;
    if (b && i + 1 < cap)
        out[i++] = '/';
    for (const char *p = b ? b : ""; *p && i + 1 < cap; p++)
        out[i++] = *p;
    out[i] = '\0';
}

static cdg_span item_span(const cdg_entry *e)
{
    return cdg_entry_decl(e) ? cdg_entry_decl(e)->span : cdg_entry_span(e);
}

static const cdg_block *item_block(const cdg_entry *e)
{
    return cdg_entry_decl(e) ? cdg_entry_decl(e)->block : cdg_entry_block(e);
}

/* Anchor of comment c among the items of one level (a block's entries). */
static void anchor_in(const cdg_source *src, const cdg_entry *items, const cdg_comment *c,
                      const char *path, char *out, size_t cap)
{
    const cdg_entry *prev = NULL;
    unsigned idx = 0, prev_idx = 0;
    for (const cdg_entry *e = items; e; e = cdg_entry_next(e), idx++) {
        cdg_span sp = item_span(e);
        char name[200], sub[300];
        item_name(src, e, idx, name, sizeof name);
        join(sub, sizeof sub, path, name);
        if (c->span.begin >= sp.begin && c->span.begin < sp.end) {
            const cdg_block *b = item_block(e);
            if (b && c->span.begin > cdg_block_open(b).begin && c->span.begin < cdg_block_close(b).begin)
                anchor_in(src, cdg_block_entries(b), c, sub, out, cap);
            else
                join(out, cap, sub, NULL);
            return;
        }
        if (sp.begin > c->span.begin) {
            if (!c->own_line && prev) {
                char pn[200];
                item_name(src, prev, prev_idx, pn, sizeof pn);
                join(out, cap, path, pn);
            } else if (!c->own_line)
                join(out, cap, path, "<start>");
            else
                join(out, cap, sub, NULL);
            return;
        }
        prev = e;
        prev_idx = idx;
    }
    if (!c->own_line && prev) {
        char pn[200];
        item_name(src, prev, prev_idx, pn, sizeof pn);
        join(out, cap, path, pn);
    } else
        join(out, cap, path, "<end>");
}

/* Every comment's text (without trailing blanks) and anchor, in order. */
static void collect_anchors(const cdg_unit *u, anchors *out)
{
    /* The top level is a list of declarations: wrap each in an entry, one
     * after the other as a block's entries lie. */
    static uint64_t wrap[4096 * 4];
    size_t n = 0, at = 0, last = 0;
    for (const cdg_decl *d = u->ast->decls; d && n < 4096; d = cdg_decl_next(d), n++) {
        last = at;
        cdg_ast_decl_entry((char *)wrap + at, d->span, (cdg_decl *)d);
        at += cdg_ast_decl_entry_size(d->span);
    }
    if (n)
        ((cdg_entry *)(void *)((char *)wrap + last))->last = 1;
    out->n = 0;
    for (const cdg_comment *c = u->ast->comments; c && out->n < 512; c = c->next) {
        char where[200];
        anchor_in(u->src, n ? (const cdg_entry *)(const void *)wrap : NULL, c, "", where, sizeof where);
        uint32_t e = c->span.end;
        while (e > c->span.begin && (u->src->text[e - 1] == ' ' || u->src->text[e - 1] == '\t'))
            e--;
        snprintf(out->lines[out->n++], sizeof out->lines[0], "%s | %.*s", where,
                 (int)(e - c->span.begin), u->src->text + c->span.begin);
    }
}

/* ---- the properties, over one file -------------------------------------- */

/* Checks every property on path; returns false when the file does not
 * parse (it is then not a formatter input). */
static bool check_file(const char *path)
{
    cdg_unit *u = NULL;
    if (cdg_unit_load(path, NULL, &u) != CDG_LOAD_OK || !u->syntax_ok) {
        cdg_unit_free(u);
        return false;
    }
    cdg_arena *a = cdg_arena_new(NULL);
    size_t n1;
    const char *f1 = format_unit(a, u, &n1);
    size_t ns, pieces;
    const char *fs = streamed(a, u, &ns, &pieces);
    cr_assert(ns == n1 && memcmp(fs, f1, n1) == 0, "%s: the streamed text differs from cdg_fmt's", path);
    cdg_unit *v = NULL;
    cr_assert_eq(cdg_unit_load_buffer(path, f1, n1, NULL, &v), CDG_LOAD_OK);
    cr_assert(v->syntax_ok, "%s: the formatted text does not parse:\n%s", path, f1);
    size_t n2;
    const char *f2 = format_unit(a, v, &n2);
    cr_assert(n1 == n2 && memcmp(f1, f2, n1) == 0, "%s: fmt(fmt(x)) != fmt(x):\n%s\n---\n%s", path,
              f1, f2);
    char why[1024] = "";
    cr_assert(cdg_model_equal(u->model, v->model, why, sizeof why), "%s: model changed: %s", path, why);
    size_t quotes = 0;  /* typographic quotes: errors that formatting fixes */
    for (size_t i = 0; i < u->diags.len; i++)
        quotes += strncmp(u->diags.items[i]->message, "typographic quote", 17) == 0;
    cr_assert_eq(u->diags.errors - quotes, v->diags.errors, "%s: error count changed", path);
    cr_assert_eq(u->diags.warnings, v->diags.warnings, "%s: warning count changed", path);
    static anchors before, after;
    collect_anchors(u, &before);
    collect_anchors(v, &after);
    cr_assert_eq(before.n, after.n, "%s: %zu comments became %zu", path, before.n, after.n);
    for (size_t i = 0; i < before.n; i++)
        cr_assert_str_eq(before.lines[i], after.lines[i], "%s: comment %zu moved", path, i + 1);
    cdg_arena_free(a);
    cdg_unit_free(v);
    cdg_unit_free(u);
    return true;
}

/* Applies check_file to every .cdg under dir (recursively); counts the
 * files formatted. */
static void walk(const char *dir, size_t *checked, size_t *seen)
{
    DIR *d = opendir(dir);
    cr_assert_not_null(d, "cannot open %s (run the tests from the repository root)", dir);
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        struct stat st;
        if (stat(path, &st) != 0)
            continue;
        if (S_ISDIR(st.st_mode))
            walk(path, checked, seen);
        else if (strlen(e->d_name) > 4 && strcmp(e->d_name + strlen(e->d_name) - 4, ".cdg") == 0) {
            (*seen)++;
            if (check_file(path))
                (*checked)++;
        }
    }
    closedir(d);
}

Test(fmt_property, every_repository_rules_file)
{
    size_t checked = 0, seen = 0;
    walk("rules", &checked, &seen);
    walk("examples", &checked, &seen);
    cr_assert_geq(checked, 3, "only %zu files formatted", checked);
}

/* A text longer than a piece (64 KB) comes in several pieces that make
 * it up: 5,000 notes, 300 KB. */
Test(fmt, a_long_text_is_streamed_in_pieces)
{
    cdg_arena *a = cdg_arena_new(NULL);
    cdg_buf in;
    cdg_buf_init(&in, a);
    for (int i = 0; i < 5000; i++)
        cdg_buf_printf(&in, "note n%d   \"Une note assez longue pour que le texte passe 64 Ko.\";\n", i);
    cdg_unit *u = NULL;
    cr_assert_eq(cdg_unit_load_buffer("t.cdg", in.data, in.len, NULL, &u), CDG_LOAD_OK);
    cr_assert(u->syntax_ok);
    size_t n1, ns, count;
    const char *f1 = format_unit(a, u, &n1);
    const char *fs = streamed(a, u, &ns, &count);
    cr_assert_gt(n1, 4 * 64 * 1024, "%zu bytes", n1);
    cr_assert_geq(count, 4, "%zu bytes in %zu piece(s)", n1, count);
    cr_assert(ns == n1 && memcmp(fs, f1, n1) == 0, "the pieces do not make up cdg_fmt's text");
    cr_assert_neq(memcmp(f1, in.data, 40), 0, "the input was already canonical");
    cdg_arena_free(a);
    cdg_unit_free(u);
}

Test(fmt_property, every_test_input)
{
    size_t checked = 0, seen = 0;
    walk("tests/golden", &checked, &seen);
    cr_assert_geq(checked, 10, "only %zu of %zu test inputs formatted", checked, seen);
}

Test(fmt_property, corpus_of_awkward_comments)
{
    size_t checked = 0, seen = 0;
    walk("tests/fmt/corpus", &checked, &seen);
    cr_assert_geq(seen, 30, "the corpus holds %zu files", seen);
    cr_assert_eq(checked, seen, "%zu corpus files do not parse", seen - checked);
}

Test(fmt_property, the_anchor_check_sees_a_moved_comment)
{
    /* The same two entries, the comment above the other one. */
    cdg_unit *u = load_text("forfait A \"A\" <\n  # about b\n  a: inclus;\n  b: inclus;\n>\n");
    cdg_unit *v = load_text("forfait A \"A\" <\n  a: inclus;\n  # about b\n  b: inclus;\n>\n");
    static anchors x, y;
    collect_anchors(u, &x);
    collect_anchors(v, &y);
    cr_assert_eq(x.n, 1);
    cr_assert_str_neq(x.lines[0], y.lines[0]);
    cdg_unit_free(u);
    cdg_unit_free(v);
}

/* ---- the layout --------------------------------------------------------- */

Test(fmt, one_plain_entry_stays_on_one_line)
{
    char *s = fmt_text("categorie  commune \"Communes\"<\n mesure : habitants ;\n>");
    cr_assert_str_eq(s, "categorie commune \"Communes\" < mesure: habitants; >\n");
    free(s);
}

Test(fmt, two_entries_go_one_per_line)
{
    char *s = fmt_text("strate S1 \"S\" < commune: ..249; etablissement: ..3; >\n");
    cr_assert_str_eq(s, "strate S1 \"S\" <\n  commune: ..249;\n  etablissement: ..3;\n>\n");
    free(s);
}

Test(fmt, entry_tables_stay_on_one_line)
{
    char *s = fmt_text("service s \"S\" < unite: \"Go\";\nselon_strate <\nS1: 1;\nS2: 2;\n>\n>\n");
    cr_assert_str_eq(s, "service s \"S\" <\n  unite: \"Go\";\n  selon_strate < S1: 1; S2: 2; >;\n>\n");
    free(s);
}

Test(fmt, price_tables_stay_on_one_line)
{
    char *s = fmt_text("forfait A \"A\" < x: inclus;\nprix: selon_strate <\nS1: 300.00 EUR;\n"
                       "S2: 450.00 EUR;\n>;\n>\n");
    cr_assert_str_eq(s, "forfait A \"A\" <\n  x: inclus;\n"
                        "  prix: selon_strate < S1: 300.00 EUR; S2: 450.00 EUR; >;\n>\n");
    free(s);
}

Test(fmt, a_scale_of_tranches_goes_one_tranche_per_line)
{
    char *s = fmt_text("forfait A \"A\" < x: inclus; prix: 120.00 EUR par_unite postes marginal "
                       "< tranche: 1..5 1; tranche: 6.. 0.9; >; >\n");
    cr_assert_str_eq(s, "forfait A \"A\" <\n  x: inclus;\n"
                        "  prix: 120.00 EUR par_unite postes marginal <\n"
                        "    tranche: 1..5 1;\n    tranche: 6.. 0.9;\n  >;\n>\n");
    free(s);
}

Test(fmt, a_comment_opens_an_entry_table)
{
    char *s = fmt_text("service s \"S\" < selon_strate < S1: 1; # small\n S2: 2; >; >\n");
    cr_assert_str_eq(s, "service s \"S\" <\n  selon_strate <\n    S1: 1; # small\n    S2: 2;\n  >;\n>\n");
    free(s);
}

Test(fmt, nested_declarations_are_indented)
{
    char *s = fmt_text("rubrique r \"R\" < service a \"A\"; service b \"B\" < unite: \"Go\"; > >\n");
    cr_assert_str_eq(s, "rubrique r \"R\" <\n  service a \"A\";\n  service b \"B\" < unite: \"Go\"; >\n>\n");
    free(s);
}

Test(fmt, spellings_are_kept)
{
    char *s = fmt_text("offre t \"a \\\"b\\\" \\\\\" < edition: 2_026; >\n"
                       "option o \"O\" < montant: 450.5 EUR; tarif: journalier; >\n");
    cr_assert_str_eq(s, "offre t \"a \\\"b\\\" \\\\\" < edition: 2_026; >\n"
                        "option o \"O\" <\n  montant: 450.5 EUR;\n  tarif: journalier;\n>\n");
    free(s);
}

Test(fmt, blank_lines_are_kept_up_to_one)
{
    char *s = fmt_text("\n\nservice a \"A\";\n\n\n\nservice b \"B\";\nservice c \"C\";\n\n\n");
    cr_assert_str_eq(s, "service a \"A\";\n\nservice b \"B\";\nservice c \"C\";\n");
    free(s);
}

Test(fmt, no_blank_line_after_open_or_before_close)
{
    char *s = fmt_text("forfait A \"A\" <\n\n  a: inclus;\n\n  b: inclus;\n\n>\n");
    cr_assert_str_eq(s, "forfait A \"A\" <\n  a: inclus;\n\n  b: inclus;\n>\n");
    free(s);
}

Test(fmt, comment_before_close_stays_inside)
{
    char *s = fmt_text("forfait A \"A\" < a: inclus;\n# last\n>\n");
    cr_assert_str_eq(s, "forfait A \"A\" <\n  a: inclus;\n  # last\n>\n");
    free(s);
}

Test(fmt, trailing_comments_stay_on_their_line)
{
    char *s = fmt_text("forfait A \"A\" < # head\n  a: inclus;   # one\n  b: inclus; >  # tail\n");
    cr_assert_str_eq(s, "forfait A \"A\" < # head\n  a: inclus; # one\n  b: inclus;\n> # tail\n");
    free(s);
}

Test(fmt, comment_at_end_of_file_without_newline)
{
    char *s = fmt_text("service a \"A\";\n# end");
    cr_assert_str_eq(s, "service a \"A\";\n# end\n");
    free(s);
}

Test(fmt, several_trailing_comments_go_above_in_order)
{
    char *s = fmt_text("forfait A \"A\" <\n  a: # one\n  inclus; # two\n>\n");
    cr_assert_str_eq(s, "forfait A \"A\" <\n  # one\n  # two\n  a: inclus;\n>\n");
    free(s);
}

Test(fmt, crlf_becomes_lf)
{
    char *s = fmt_text("service a \"A\"; # x\r\nservice b \"B\";\r\n");
    cr_assert_str_eq(s, "service a \"A\"; # x\nservice b \"B\";\n");
    free(s);
}

Test(fmt, empty_input_gives_empty_output)
{
    char *s = fmt_text("");
    cr_assert_str_eq(s, "");
    free(s);
    s = fmt_text("  \n\n");
    cr_assert_str_eq(s, "");
    free(s);
}

Test(fmt, block_form_gets_its_semicolon)
{
    char *s = fmt_text("service s \"S\" < selon_strate < S1: 1; > >\n");
    cr_assert_str_eq(s, "service s \"S\" <\n  selon_strate < S1: 1; >;\n>\n");
    free(s);
}
