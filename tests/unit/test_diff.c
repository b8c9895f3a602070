/* test_diff.c — the semantic diff, strict model equality, and the unified
 * text diff used by `fmt --diff`. */
#include "diff_helpers.h"
#include "textdiff.h"

#define TWO_FORFAITS                                                            \
    "forfait A \"Forfait A\" < sauvegarde: selon_strate; parapheur: inclus; >\n" \
    "forfait B \"Forfait B\" < sauvegarde: 2; parapheur: non_inclus; >\n"

Test(diff, reordering_is_no_change)
{
    size_t n;
    char *s = diff_texts(MINI_HEAD TWO_FORFAITS,
                         "forfait B \"Forfait B\" <\n  parapheur: non_inclus;\n  sauvegarde: 2;\n>\n"
                         "forfait A \"Forfait A\" < parapheur: inclus; sauvegarde: selon_strate; >\n"
                         MINI_HEAD, &n);
    cr_assert_eq(n, 0, "changes:\n%s", s);
    cr_assert_str_eq(s, "");
    free(s);
}

Test(diff, quantity_per_stratum_in_the_offer_vocabulary)
{
    size_t n;
    char *s = diff_texts(MINI_HEAD TWO_FORFAITS,
                         "offre t \"Test\" < editeur: \"E\"; >\n"
                         "categorie commune \"Communes\" < mesure: habitants; >\n"
                         "strate S1 \"Petites\" < commune: ..999; >\n"
                         "strate S2 \"Grandes\" < commune: 1000..; >\n"
                         "service sauvegarde \"Sauvegarde\" < unite: \"Go\"; selon_strate < S1: 3; S2: 10; >; >\n"
                         "service parapheur \"Parapheur\";\n" TWO_FORFAITS, &n);
    cr_assert_eq(n, 1, "changes:\n%s", s);
    cr_assert_str_eq(s, "~ Forfaits: Sauvegarde, Forfait A, S2 : 5 Go → 10 Go\n");
    free(s);
}

Test(diff, status_rename_add_remove)
{
    size_t n;
    char *s = diff_texts(MINI_HEAD TWO_FORFAITS,
                         MINI_HEAD
                         "forfait A \"Forfait A (nouveau)\" < sauvegarde: selon_strate; parapheur: inclus; >\n"
                         "forfait C \"Forfait C\" < sauvegarde: 2; parapheur: inclus; >\n", &n);
    cr_assert(strstr(s, "~ Forfaits: forfait A, libellé : « Forfait A » → « Forfait A (nouveau) »\n"), "%s", s);
    cr_assert(strstr(s, "+ Forfaits: forfait C « Forfait C »\n"), "%s", s);
    cr_assert(strstr(s, "- Forfaits: forfait B « Forfait B »\n"), "%s", s);
    cr_assert_eq(n, 3, "%s", s);
    free(s);
}

Test(diff, moved_bounds_name_the_profiles_that_change_stratum)
{
    size_t n;
#define EX "exemple \"Commune de 999 habitants\" < profil: commune 999; forfait: A; >\n"
    char *s = diff_texts(MINI_HEAD TWO_FORFAITS EX,
                         "offre t \"Test\" < editeur: \"E\"; >\n"
                         "categorie commune \"Communes\" < mesure: habitants; >\n"
                         "strate S1 \"Petites\" < commune: ..499; >\n"
                         "strate S2 \"Grandes\" < commune: 500..; >\n"
                         "service sauvegarde \"Sauvegarde\" < unite: \"Go\"; selon_strate < S1: 3; S2: 5; >; >\n"
                         "service parapheur \"Parapheur\";\n" TWO_FORFAITS EX, &n);
    cr_assert(strstr(s, "~ Strates: profil « Commune de 999 habitants » (commune 999 habitants) : S1 → S2\n"),
              "%s", s);
    cr_assert(strstr(s, "~ Strates: S1, Communes : jusqu'à 999 habitants → jusqu'à 499 habitants\n"), "%s", s);
    cr_assert(strstr(s, "~ Strates: S2, Communes : 1 000 habitants et plus → 500 habitants et plus\n"), "%s", s);
    free(s);
    (void)n;
}

Test(diff, option_pricing_and_availability)
{
    size_t n;
    char *s = diff_texts(MINI_HEAD TWO_FORFAITS
                         "option o \"Option\" < tarif: journalier; defaut: en_option; >\n",
                         MINI_HEAD TWO_FORFAITS
                         "option o \"Option\" < tarif: journalier; montant: 450.00 EUR; defaut: en_option; "
                         "B: non_inclus; >\n", &n);
    cr_assert(strstr(s, "~ Prestations en option: Option, montant : sans montant → 450,00 €\n"), "%s", s);
    cr_assert(strstr(s, "~ Prestations en option: Option, Forfait B : en option → non inclus\n"), "%s", s);
    free(s);
    (void)n;
}

Test(model_equal, detects_a_changed_quantity)
{
    cdg_unit *a = load_text(MINI_HEAD TWO_FORFAITS);
    cdg_unit *b = load_text(MINI_HEAD
                            "forfait A \"Forfait A\" < sauvegarde: selon_strate; parapheur: inclus; >\n"
                            "forfait B \"Forfait B\" < sauvegarde: 3; parapheur: non_inclus; >\n");
    char why[512];
    cr_assert(cdg_model_equal(a->model, a->model, why, sizeof why));
    cr_assert_not(cdg_model_equal(a->model, b->model, why, sizeof why));
    cr_assert(strstr(why, "forfait B, service sauvegarde"), "%s", why);
    cdg_unit_free(a);
    cdg_unit_free(b);
}

Test(model_equal, detects_reordering)
{
    cdg_unit *a = load_text(MINI_HEAD TWO_FORFAITS);
    cdg_unit *b = load_text(MINI_HEAD
                            "forfait B \"Forfait B\" < sauvegarde: 2; parapheur: non_inclus; >\n"
                            "forfait A \"Forfait A\" < sauvegarde: selon_strate; parapheur: inclus; >\n");
    char why[512];
    cr_assert_not(cdg_model_equal(a->model, b->model, why, sizeof why));
    cdg_unit_free(a);
    cdg_unit_free(b);
}

/* ---- textdiff ----------------------------------------------------------- */

static char *udiff(const char *a, const char *b)
{
    cdg_arena *ar = cdg_arena_new(NULL);
    cdg_buf out;
    cdg_buf_init(&out, ar);
    cdg_textdiff(&out, "a", a, strlen(a), "b", b, strlen(b));
    char *s = strdup(cdg_buf_str(&out));
    cdg_arena_free(ar);
    return s;
}

Test(textdiff, equal_texts_give_nothing)
{
    char *s = udiff("x\ny\n", "x\ny\n");
    cr_assert_str_eq(s, "");
    free(s);
}

Test(textdiff, one_changed_line_with_context)
{
    char *s = udiff("1\n2\n3\n4\n5\n6\n7\n8\n9\n", "1\n2\n3\n4\nfive\n6\n7\n8\n9\n");
    cr_assert_str_eq(s, "--- a\n+++ b\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n");
    free(s);
}

Test(textdiff, far_apart_changes_make_two_hunks)
{
    char *s = udiff("a\n1\n2\n3\n4\n5\n6\n7\n8\nz\n", "A\n1\n2\n3\n4\n5\n6\n7\n8\nZ\n");
    cr_assert_str_eq(s, "--- a\n+++ b\n@@ -1,4 +1,4 @@\n-a\n+A\n 1\n 2\n 3\n"
                        "@@ -7,4 +7,4 @@\n 6\n 7\n 8\n-z\n+Z\n");
    free(s);
}

Test(textdiff, missing_final_newline_is_marked)
{
    char *s = udiff("x", "x\n");
    cr_assert_str_eq(s, "--- a\n+++ b\n@@ -1 +1 @@\n-x\n\\ No newline at end of file\n+x\n");
    free(s);
}

Test(textdiff, insertion_into_empty_text)
{
    char *s = udiff("", "x\ny\n");
    cr_assert_str_eq(s, "--- a\n+++ b\n@@ -0,0 +1,2 @@\n+x\n+y\n");
    free(s);
}

Test(textdiff, large_texts_stay_correct)
{
    /* Two unrelated texts: the result must still turn a into b. */
    size_t n = 3000;
    char *a = malloc(n * 8), *b = malloc(n * 8);
    size_t la = 0, lb = 0;
    for (size_t i = 0; i < n; i++) {
        la += (size_t)sprintf(a + la, "a%zu\n", i);
        lb += (size_t)sprintf(b + lb, "b%zu\n", i);
    }
    char *s = udiff(a, b);
    size_t minus = 0, plus = 0;
    for (char *p = s; (p = strchr(p, '\n')); p++) {
        if (p[1] == '-' && p[2] != '-')
            minus++;
        if (p[1] == '+' && p[2] != '+')
            plus++;
    }
    cr_assert_eq(minus, n);
    cr_assert_eq(plus, n);
    free(s);
    free(a);
    free(b);
}
