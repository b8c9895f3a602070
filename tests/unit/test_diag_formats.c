/* test_diag_formats.c — GitHub annotations and SARIF: escaping and
 * regions, on diagnostics built by hand (messages the checker never
 * produces today, such as ones with '%' or a newline). */
#include <strings.h>

#include "diag_helpers.h"
#include "helpers.h"

#include "diag_emit.h"

/* Prints d as a SARIF log or GitHub annotations into a string (freed by
 * the caller). */
static char *print_to_string(const cdg_diags *d, int sarif)
{
    return run_format_one(sarif ? "sarif" : "github", d);
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

/* The table: every line complete, names unique in any case, text first
 * (the default, for people on stderr). */
Test(diag_formats, table_lines_are_complete_and_unique)
{
    size_t n = cdg_diag_format_count();
    cr_assert_geq(n, 4);
    cr_assert_str_eq(cdg_diag_format_at(0)->name, "text");
    cr_assert_eq(cdg_diag_format_at(0)->output, CDG_DIAG_STDERR);
    cr_assert_eq(cdg_diag_format_at(0)->commands, CDG_DIAG_CHECK | CDG_DIAG_TEST,
                 "the default is offered by every command");
    cr_assert_null(cdg_diag_format_at(n));
    for (size_t i = 0; i < n; i++) {
        const cdg_diag_format *f = cdg_diag_format_at(i);
        cr_assert(f->name[0] && f->help[0], "format %zu", i);
        cr_assert(f->begin && f->file && f->end, "%s", f->name);
        cr_assert(f->commands & CDG_DIAG_CHECK, "%s: check offers every format", f->name);
        for (size_t j = 0; j < i; j++)
            cr_assert(strcasecmp(f->name, cdg_diag_format_at(j)->name) != 0, "%s twice", f->name);
    }
}

/* Names match in any case, and only for the commands that offer them. */
Test(diag_formats, find_by_name_any_case_and_command)
{
    const cdg_diag_format *sarif = cdg_diag_format_find("sarif", CDG_DIAG_CHECK);
    cr_assert_not_null(sarif);
    cr_assert_eq(cdg_diag_format_find("SaRiF", CDG_DIAG_TEST), sarif);
    cr_assert_not_null(cdg_diag_format_find("JSON", CDG_DIAG_CHECK));
    cr_assert_null(cdg_diag_format_find("json", CDG_DIAG_TEST));
    cr_assert_null(cdg_diag_format_find("xml", CDG_DIAG_CHECK | CDG_DIAG_TEST));
    cr_assert_null(cdg_diag_format_find("", CDG_DIAG_CHECK));
}

/* Where word first occurs in s; SIZE_MAX when it does not. */
static size_t position(const char *s, const char *word)
{
    const char *p = strstr(s, word);
    return p ? (size_t)(p - s) : SIZE_MAX;
}

/* Every format writes each diagnostic of every file of a run, in order:
 * begin, file and end make one document however many files there are. */
Test(diag_formats, every_format_writes_every_file_of_a_run)
{
    cdg_arena *a = cdg_arena_new(NULL);
    const char text[] = "abc\n";
    cdg_source *s1 = cdg_source_from_buffer(a, "one.cdg", text, sizeof text - 1);
    cdg_source *s2 = cdg_source_from_buffer(a, "two.cdg", text, sizeof text - 1);
    cdg_diags d1, d2;
    cdg_diags_init(&d1, a);
    cdg_diags_init(&d2, a);
    cdg_diag_add(&d1, CDG_ERROR, s1, (cdg_span){0, 1}, "alpha");
    cdg_diag_add(&d2, CDG_WARNING, s2, (cdg_span){1, 2}, "beta");
    const cdg_diags *ds[] = {&d1, &d2};
    for (size_t i = 0; i < cdg_diag_format_count(); i++) {
        const char *name = cdg_diag_format_at(i)->name;
        char *s = run_format(name, ds, 2, true);
        size_t alpha = position(s, "alpha"), beta = position(s, "beta");
        bool once = beta != SIZE_MAX && !strstr(s + beta + 1, "beta");
        bool files = strstr(s, "one.cdg") && strstr(s, "two.cdg");
        cr_assert(alpha < beta && once && files, "%s: %s", name, s);
        free(s);
    }
    char *json = run_format("json", ds, 2, true);
    cr_assert_eq(json[0], '[');
    cr_assert_str_eq(strchr(json, ']'), "]\n", "one array for both files: %s", json);
    free(json);
    char *sarif = run_format("sarif", ds, 2, false);
    cr_assert(strstr(sarif, "\"executionSuccessful\": false"), "%s", sarif);
    free(sarif);
    cdg_arena_free(a);
}
