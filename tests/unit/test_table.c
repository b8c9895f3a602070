/* test_table.c — aligned tables: display widths and fitting a width. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "table.h"

/* Prints t into a string owned by the caller. */
static char *render(const cdg_table *t, const char *indent)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    cdg_table_print(t, f, indent, 1);
    fclose(f);
    return buf;
}

Test(table, accented_text_is_aligned_by_display_width)
{
    cdg_arena *a = cdg_arena_new(NULL);
    cdg_table *t = cdg_table_new(a, 2);
    cdg_table_row(t);
    cdg_table_cell(t, "nom");
    cdg_table_cell(t, "x");
    cdg_table_row(t);
    cdg_table_cell(t, "hébergé");
    cdg_table_cell(t, "y");
    char *s = render(t, "");
    cr_assert_str_eq(s, "nom      x\n-------  -\nhébergé  y\n");
    free(s);
    cdg_arena_free(a);
}

Test(table, text_columns_wrap_at_spaces_to_fit_the_width)
{
    cdg_arena *a = cdg_arena_new(NULL);
    cdg_table *t = cdg_table_new(a, 2);
    cdg_table_row(t);
    cdg_table_cell(t, "id");
    cdg_table_cell(t, "texte");
    cdg_table_row(t);
    cdg_table_cell(t, "sauvegarde");
    cdg_table_cell(t, "De 3 à 15 Go selon strate");
    cdg_table_set_max_width(t, 26);
    char *s = render(t, "");
    cr_assert_str_eq(s, "id          texte\n"
                        "----------  --------------\n"
                        "sauvegarde  De 3 à 15 Go\n"
                        "            selon strate\n");
    free(s);
    cdg_arena_free(a);
}

Test(table, identifiers_are_never_cut)
{
    cdg_arena *a = cdg_arena_new(NULL);
    cdg_table *t = cdg_table_new(a, 2);
    cdg_table_row(t);
    cdg_table_cell(t, "identifiant_tres_long");
    cdg_table_cell(t, "valeur_sans_espace");
    cdg_table_set_max_width(t, 20);
    char *s = render(t, "");
    cr_assert_str_eq(s, "identifiant_tres_long  valeur_sans_espace\n"
                        "---------------------  ------------------\n");
    free(s);
    cdg_arena_free(a);
}

Test(table, a_cell_too_long_for_the_line_cap_keeps_all_its_text)
{
    cdg_arena *a = cdg_arena_new(NULL);
    cdg_table *t = cdg_table_new(a, 2);
    cdg_table_row(t);
    cdg_table_cell(t, "id");
    cdg_table_cell(t, "texte");
    cdg_table_row(t);
    cdg_table_cell(t, "x");
    char words[2 * 400 + 1];
    for (int i = 0; i < 400; i++) {
        words[2 * i] = 'a';
        words[2 * i + 1] = ' ';
    }
    words[2 * 400 - 1] = '\0';
    cdg_table_cell(t, words);
    cdg_table_set_max_width(t, 13);
    char *s = render(t, "");
    size_t lines = 0, letters = 0;
    for (const char *p = s; *p; p++) {
        lines += *p == '\n';
        letters += *p == 'a';
    }
    /* heading, dashes, then at most 64 lines for the cell: the last one
     * takes whatever remains, so no word is lost. */
    cr_assert_eq(lines, 2 + 64);
    cr_assert_eq(letters, 400);
    free(s);
    cdg_arena_free(a);
}
