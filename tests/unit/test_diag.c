/* test_diag.c — diagnostics: sorting, caret rendering (tabs, accents),
 * JSON escaping. */
#include "diag_helpers.h"
#include "helpers.h"

#include "diag_emit.h"

typedef struct fixture {
    cdg_arena *a;
    cdg_source *src;
    cdg_diags d;
} fixture;

static void setup(fixture *f, const char *text)
{
    f->a = cdg_arena_new(NULL);
    cr_assert_not_null(f->a);
    f->src = cdg_source_from_buffer(f->a, "x.cdg", text, strlen(text));
    cdg_diags_init(&f->d, f->a);
}

/* What the json or the text format prints, as a malloc'd string. */
static char *capture_diags(const cdg_diags *d, bool json)
{
    return run_format_one(json ? "json" : "text", d);
}

static cdg_span sp(uint32_t b, uint32_t e)
{
    cdg_span s = {b, e};
    return s;
}

Test(diag, sorted_by_position_then_emission)
{
    fixture f;
    setup(&f, "abc\ndef\nghi\n");
    cdg_diag_add(&f.d, CDG_ERROR, f.src, sp(8, 9), "third");
    cdg_diag_add(&f.d, CDG_WARNING, f.src, sp(0, 1), "first");
    cdg_diag_add(&f.d, CDG_ERROR, f.src, sp(4, 5), "second a");
    cdg_diag_add(&f.d, CDG_NOTE, f.src, sp(4, 6), "second b");
    cdg_diags_sort(&f.d);
    const char *want[] = {"first", "second a", "second b", "third"};
    for (int i = 0; i < 4; i++)
        cr_assert_str_eq(f.d.items[i]->message, want[i]);
    cr_assert_eq(f.d.errors, 2);
    cr_assert_eq(f.d.warnings, 1);
    cdg_arena_free(f.a);
}

Test(diag, caret_under_the_token_with_tildes)
{
    fixture f;
    setup(&f, "forfait A \"A\" <\n  sauvgarde: inclus;\n>\n");
    cdg_diag *g = cdg_diag_add(&f.d, CDG_ERROR, f.src, sp(18, 27), "unknown service '%s'", "sauvgarde");
    cdg_diag_note(&f.d, g, f.src, sp(8, 9), "here");
    char *s = capture_diags(&f.d, false);
    cr_assert_str_eq(s, "x.cdg:2:3: error: unknown service 'sauvgarde'\n"
                        "    2 |   sauvgarde: inclus;\n"
                        "      |   ^~~~~~~~~\n"
                        "x.cdg:1:9: note: here\n"
                        "    1 | forfait A \"A\" <\n"
                        "      |         ^\n");
    free(s);
    cdg_arena_free(f.a);
}

Test(diag, caret_keeps_tabs_and_counts_accented_characters_once)
{
    fixture f;
    const char *t = "\tHébergé: é;\n";
    setup(&f, t);
    uint32_t b = (uint32_t)(strstr(t, ": é") - t) + 2;   /* the 'é' value */
    cdg_diag_add(&f.d, CDG_ERROR, f.src, sp(b, b + 2), "bad");
    cdg_diag_add(&f.d, CDG_ERROR, f.src, sp(1, 10), "name");
    cdg_diags_sort(&f.d);
    char *s = capture_diags(&f.d, false);
    cr_assert_str_eq(s, "x.cdg:1:2: error: name\n"
                        "    1 | \tHébergé: é;\n"
                        "      | \t^~~~~~~\n"
                        "x.cdg:1:11: error: bad\n"
                        "    1 | \tHébergé: é;\n"
                        "      | \t         ^\n");
    free(s);
    cdg_arena_free(f.a);
}

Test(diag, invalid_bytes_and_control_characters_are_shown_as_question_marks)
{
    fixture f;
    setup(&f, "a\xff\x01\x7f b\n");
    cdg_diag_add(&f.d, CDG_ERROR, f.src, sp(5, 6), "b");
    char *s = capture_diags(&f.d, false);
    cr_assert_str_eq(s, "x.cdg:1:6: error: b\n"
                        "    1 | a??? b\n"
                        "      |      ^\n");
    free(s);
    cdg_arena_free(f.a);
}

Test(diag, json_escapes_and_positions)
{
    fixture f;
    setup(&f, "ab\n  \"é\"\n");
    cdg_diag *g = cdg_diag_add(&f.d, CDG_WARNING, f.src, sp(5, 9), "quote \" back \\ tab \t nl \n é");
    cdg_diag_note(&f.d, g, f.src, sp(0, 2), "n");
    char *s = capture_diags(&f.d, true);
    cr_assert_str_eq(s, "[\n  {\"file\":\"x.cdg\",\"line\":2,\"column\":3,\"end_column\":6,\"severity\":\"warning\","
                        "\"message\":\"quote \\\" back \\\\ tab \\t nl \\n é\"},\n"
                        "  {\"file\":\"x.cdg\",\"line\":1,\"column\":1,\"end_column\":3,\"severity\":\"note\","
                        "\"message\":\"n\"}\n]\n");
    free(s);
    cdg_arena_free(f.a);
}
