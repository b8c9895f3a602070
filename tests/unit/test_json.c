/* test_json.c — the JSON writer: commas, layouts, escaping, and the one
 * machine shape of an amount. */
#include "helpers.h"

#include "json.h"
#include "money.h"

/* Runs fn on a writer over a string; returns the text (freed by caller). */
static char *written(void (*fn)(cdg_json *w), cdg_json_style style)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    cr_assert_not_null(f);
    cdg_json w;
    cdg_json_init(&w, f, style);
    fn(&w);
    fclose(f);
    return buf;
}

static void nested(cdg_json *w)
{
    cdg_json_begin_object(w, CDG_JSON_LINES);
    cdg_json_key_str(w, "s", "a\"b\\c\n\t\x01é");
    cdg_json_key(w, "l");
    cdg_json_begin_array(w, CDG_JSON_LINES);
    cdg_json_int(w, -3);
    cdg_json_begin_object(w, CDG_JSON_INLINE);
    cdg_json_key_bool(w, "t", true);
    cdg_json_key(w, "n");
    cdg_json_null(w);
    cdg_json_key_str(w, "z", NULL);
    cdg_json_end(w);
    cdg_json_end(w);
    cdg_json_key(w, "e");
    cdg_json_begin_array(w, CDG_JSON_LINES);
    cdg_json_end(w);
    cdg_json_key(w, "m");
    cdg_money_json(w, 45000);
    cdg_json_end(w);
}

Test(json, lines_inline_escaping_and_money)
{
    char *s = written(nested, CDG_JSON_PRETTY);
    cr_assert_str_eq(s, "{\n"
                        "  \"s\": \"a\\\"b\\\\c\\n\\t\\u0001é\",\n"
                        "  \"l\": [\n"
                        "    -3,\n"
                        "    {\"t\": true, \"n\": null, \"z\": null}\n"
                        "  ],\n"
                        "  \"e\": [],\n"
                        "  \"m\": {\"centimes\": 45000, \"devise\": \"EUR\"}\n"
                        "}\n");
    free(s);
}

static void compact_list(cdg_json *w)
{
    cdg_json_begin_array(w, CDG_JSON_LINES_OPEN);
    for (int i = 0; i < 2; i++) {
        cdg_json_begin_object(w, CDG_JSON_INLINE);
        cdg_json_key_int(w, "a", i);
        cdg_json_key_str(w, "b", "x");
        cdg_json_end(w);
    }
    cdg_json_end(w);
    cdg_json_begin_array(w, CDG_JSON_LINES_OPEN);
    cdg_json_end(w);
}

Test(json, compact_style_and_open_empty_array)
{
    char *s = written(compact_list, CDG_JSON_COMPACT);
    cr_assert_str_eq(s, "[\n  {\"a\":0,\"b\":\"x\"},\n  {\"a\":1,\"b\":\"x\"}\n]\n[\n]\n");
    free(s);
}

static void explicit_indents(cdg_json *w)
{
    cdg_json_begin_object(w, CDG_JSON_INLINE_AT(1));
    cdg_json_key_int(w, "a", 1);
    cdg_json_key_int(w, "b", 2);
    cdg_json_break(w);
    cdg_json_key(w, "c");
    cdg_json_begin_array(w, CDG_JSON_LIST_AT(3));
    cdg_json_int(w, 1);
    cdg_json_int(w, 2);
    cdg_json_end(w);
    cdg_json_key(w, "d");
    cdg_json_begin_array(w, CDG_JSON_LINES_AT(6));
    cdg_json_int(w, 3);
    cdg_json_end(w);
    cdg_json_end(w);
}

Test(json, explicit_indentation_and_breaks)
{
    char *s = written(explicit_indents, CDG_JSON_PRETTY);
    cr_assert_str_eq(s, "{\"a\": 1, \"b\": 2,\n"
                        " \"c\": [\n   1,\n   2], \"d\": [\n      3\n    ]}\n");
    free(s);
}

Test(money, text_form_for_people)
{
    char buf[CDG_MONEY_TEXT_MAX];
    cr_assert_str_eq(cdg_money_text(0, buf, sizeof buf), "0,00 €");
    cr_assert_str_eq(cdg_money_text(99999, buf, sizeof buf), "999,99 €");
    cr_assert_str_eq(cdg_money_text(100000, buf, sizeof buf), "1 000,00 €");
    cr_assert_str_eq(cdg_money_text(INT64_MAX, buf, sizeof buf), "92 233 720 368 547 758,07 €");
}
