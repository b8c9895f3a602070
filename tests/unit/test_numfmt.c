/* test_numfmt.c — numbers, percentages and counts for people (numfmt.h),
 * in English (the sources' form) and French (the catalogue's), and the
 * plural of a unit (model.h). */
#include <stdint.h>

#include "alloc.h"
#include "helpers.h"
#include "language.h"
#include "numfmt.h"

Test(numfmt, english_groups_with_commas)
{
    char b[CDG_NUM_TEXT_MAX];
    cr_expect_str_eq(cdg_num_text(0, b, sizeof b), "0");
    cr_expect_str_eq(cdg_num_text(999, b, sizeof b), "999");
    cr_expect_str_eq(cdg_num_text(1234, b, sizeof b), "1,234");
    cr_expect_str_eq(cdg_num_text(-1234567, b, sizeof b), "-1,234,567");
    cr_expect_str_eq(cdg_num_text(INT64_MIN, b, sizeof b), "-9,223,372,036,854,775,808");
    cr_expect_str_eq(cdg_percent_text(37.14, b, sizeof b), "37.1%");
    cr_expect_str_eq(cdg_percent_text(100, b, sizeof b), "100.0%");
    cr_expect_str_eq(cdg_percent_text(0.05, b, sizeof b), "0.1%");
}

Test(numfmt, french_groups_with_spaces_like_money, .init = in_french)
{
    char b[CDG_NUM_TEXT_MAX];
    cr_expect_str_eq(cdg_num_text(1234, b, sizeof b), "1 234");
    cr_expect_str_eq(cdg_num_text(-1234567, b, sizeof b), "-1 234 567");
    cr_expect_str_eq(cdg_percent_text(37.14, b, sizeof b), "37,1 %");
    cr_expect_str_eq(cdg_percent_text(1234.5, b, sizeof b), "1 234,5 %");
}

Test(numfmt, counts_take_the_plural_from_two)
{
    cdg_unit *u = load_text("offre t \"T\" < editeur: \"E\"; >\n"
                            "categorie c \"C\";\n"
                            "strate S1 \"S\" < c: tous; >\n"
                            "service a \"A\" < unite: \"certificat\"; >\n"
                            "service b \"B\" < unite: \"jour de formation\" pluriel \"jours de formation\"; >\n"
                            "service g \"G\" < unite: \"Go\"; >\n"
                            "service n \"N\";\n"
                            "forfait F \"F\" < a: 1; b: 1; g: 1; n: inclus; >\n");
    cr_assert_eq(u->diags.errors, 0);
    const cdg_service *s = u->model->services;
    char b[CDG_NUM_TEXT_MAX + 64];
    cr_expect_str_eq(cdg_quantity_text(0, &s[0], b, sizeof b), "0 certificat");
    cr_expect_str_eq(cdg_quantity_text(1, &s[0], b, sizeof b), "1 certificat");
    cr_expect_str_eq(cdg_quantity_text(3, &s[0], b, sizeof b), "3 certificats");
    cr_expect_str_eq(cdg_quantity_text(2, &s[1], b, sizeof b), "2 jours de formation");
    cr_expect_str_eq(cdg_quantity_text(1500, &s[2], b, sizeof b), "1,500 Go");
    cr_expect_str_eq(cdg_quantity_text(2, &s[3], b, sizeof b), "2");
    cdg_unit_free(u);
}

Test(numfmt, default_plural_rule)
{
    cdg_arena *a = cdg_arena_new(NULL);
    cr_expect_str_eq(cdg_unite_pluriel_defaut("compte", a), "comptes");
    cr_expect_str_eq(cdg_unite_pluriel_defaut("antivirus", a), "antivirus");
    cr_expect_str_eq(cdg_unite_pluriel_defaut("prix", a), "prix");
    cr_expect_str_eq(cdg_unite_pluriel_defaut("quiz", a), "quiz");
    cr_expect_str_eq(cdg_unite_pluriel_defaut("Go", a), "Go");
    cr_expect_str_eq(cdg_unite_pluriel_defaut("h", a), "h");
    cr_expect_str_eq(cdg_unite_pluriel_defaut("heure de formation", a), "heure de formation");
    cdg_arena_free(a);
}
