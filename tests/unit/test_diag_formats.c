/* test_diag_formats.c — GitHub annotations and SARIF: escaping and
 * regions, on diagnostics built by hand (messages the checker never
 * produces today, such as ones with '%' or a newline). */
#include "diag_json.h"
#include "helpers.h"

#include "diag_emit.h"

/* Prints d with printer into a string (freed by the caller). */
static char *print_to_string(const cdg_diags *d, int sarif)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    cr_assert(f);
    if (sarif) {
        cdg_json w;
        cdg_json_init(&w, f, CDG_JSON_PRETTY);
        cdg_sarif_begin(&w, "9.9");
        cdg_diags_print_sarif(&w, d);
        cdg_sarif_end(&w, true);
    } else {
        cdg_diags_print_github(f, d);
    }
    fclose(f);
    return buf;
}

Test(diag_formats, github_escapes_data_and_properties)
{
    cdg_arena *a = cdg_arena_new(NULL);
    const char text[] = "abc def\nghi\n";
    cdg_source *src = cdg_source_from_buffer(a, "x,y:z%.cdg", text, sizeof text - 1);
    cdg_diags d;
    cdg_diags_init(&d, a);
    cdg_diag *g = cdg_diag_add(&d, CDG_WARNING, src, (cdg_span){4, 7}, "100%% sûr:\nligne, deux\r");
    cdg_diag_note(&d, g, src, (cdg_span){8, 8}, "ici");
    char *s = print_to_string(&d, 0);
    cr_assert_str_eq(s, "::warning file=x%2Cy%3Az%25.cdg,line=1,col=5,endColumn=8::100%25 sûr:%0Aligne, deux%0D\n"
                        "::notice file=x%2Cy%3Az%25.cdg,line=2,col=1,endColumn=2::ici\n");
    free(s);
    cdg_arena_free(a);
}

Test(diag_formats, github_multiline_span_gives_end_line)
{
    cdg_arena *a = cdg_arena_new(NULL);
    const char text[] = "abc\ndef\n";
    cdg_source *src = cdg_source_from_buffer(a, "t.cdg", text, sizeof text - 1);
    cdg_diags d;
    cdg_diags_init(&d, a);
    cdg_diag_add(&d, CDG_ERROR, src, (cdg_span){1, 6}, "m");
    char *s = print_to_string(&d, 0);
    cr_assert_str_eq(s, "::error file=t.cdg,line=1,col=2,endLine=2::m\n");
    free(s);
    cdg_arena_free(a);
}

Test(diag_formats, sarif_escapes_json_and_encodes_uri)
{
    cdg_arena *a = cdg_arena_new(NULL);
    const char text[] = "été x\n";
    cdg_source *src = cdg_source_from_buffer(a, "/tmp/mon offre é.cdg", text, sizeof text - 1);
    cdg_diags d;
    cdg_diags_init(&d, a);
    cdg_diag *g = cdg_diag_add(&d, CDG_ERROR, src, (cdg_span){6, 7}, "say \"x\"\\");
    cdg_diag_note(&d, g, src, (cdg_span){0, 5}, "n1");
    cdg_diag_note(&d, g, src, (cdg_span){0, 1}, "n2");
    char *s = print_to_string(&d, 1);
    cr_assert(strstr(s, "\"uri\": \"file:///tmp/mon%20offre%20%C3%A9.cdg\""), "%s", s);
    /* Columns count characters: 'x' is the 5th character of "été x". */
    cr_assert(strstr(s, "\"startLine\": 1, \"startColumn\": 5, \"endColumn\": 6"), "%s", s);
    cr_assert(strstr(s, "\"text\": \"say \\\"x\\\"\\\\\""), "%s", s);
    cr_assert(strstr(s, "{\"id\": 0, \"message\": {\"text\": \"n1\"}"), "%s", s);
    cr_assert(strstr(s, "{\"id\": 1, \"message\": {\"text\": \"n2\"}"), "%s", s);
    cr_assert(strstr(s, "\"version\": \"9.9\""), "%s", s);
    cr_assert(strstr(s, "\"executionSuccessful\": true"), "%s", s);
    free(s);
    cdg_arena_free(a);
}

Test(diag_formats, sarif_without_results_is_an_empty_array)
{
    cdg_arena *a = cdg_arena_new(NULL);
    cdg_diags d;
    cdg_diags_init(&d, a);
    char *s = print_to_string(&d, 1);
    cr_assert(strstr(s, "\"results\": [],"), "%s", s);
    free(s);
    cdg_arena_free(a);
}
