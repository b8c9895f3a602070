/* test_exemples.c — running exemple blocks, coverage, generated boundary
 * examples, and the explanations (pourquoi) behind answers. */
#include "helpers.h"
#include "language.h"

#include "alloc.h"
#include "exemples.h"
#include "pourquoi.h"

/* MINI_HEAD plus two forfaits (B inherits from A) and the given text. */
#define MINI_FORFAITS                                                    \
    MINI_HEAD                                                            \
    "forfait A \"Forfait A\" < sauvegarde: selon_strate; parapheur: non_inclus; >\n" \
    "forfait B \"Forfait B\" < base: A; parapheur: inclus; >\n"

/* Loads text, which must check cleanly. */
static cdg_unit *load_ok(const char *text)
{
    cdg_unit *u = load_text(text);
    cr_assert(cdg_unit_ok(u), "the test rules must check cleanly");
    return u;
}

/* Runs the examples of u into a fresh diagnostics list. */
static cdg_exemples_result run(cdg_unit *u, cdg_diags *d)
{
    cdg_diags_init(d, u->arena);
    cdg_exemples_result r;
    cdg_exemples_run(u->model, u->ast, d, &r);
    return r;
}

/* Whether one diagnostic of d (or one of its notes) contains text. */
static bool diags_have(const cdg_diags *d, const char *text)
{
    for (size_t i = 0; i < d->len; i++)
        for (const cdg_diag *g = d->items[i]; g; g = g->note)
            if (strstr(g->message, text))
                return true;
    return false;
}

Test(exemples, passing_examples_count)
{
    cdg_unit *u = load_ok(MINI_FORFAITS
                          "exemple \"petite\" < profil: commune 999; forfait: A; "
                          "attendu < strate: S1; sauvegarde: 3; parapheur: non_inclus; >; >\n"
                          "exemple \"grande\" < profil: commune 1000; forfait: B; "
                          "attendu < strate: S2; sauvegarde: 5; parapheur: inclus; >; >\n");
    cdg_diags d;
    cdg_exemples_result r = run(u, &d);
    cr_expect_eq(r.passed, 2);
    cr_expect_eq(r.failed, 0);
    cr_expect_eq(r.attendus, 6);
    cr_expect_eq(r.attendus_failed, 0);
    cr_expect_eq(d.errors, 0);
    cr_expect(r.ok[0] && r.ok[1]);
    cdg_unit_free(u);
}

Test(exemples, each_kind_of_failure_is_reported)
{
    cdg_unit *u = load_ok(MINI_FORFAITS
                          "exemple \"faux\" < profil: commune 1000; forfait: B; "
                          "attendu < strate: S1; sauvegarde: 3; parapheur: non_inclus; >; >\n"
                          "exemple \"juste\" < profil: commune 10; forfait: A; "
                          "attendu < sauvegarde: inclus; >; >\n"
                          "exemple \"compte\" < profil: commune 10; forfait: A; "
                          "attendu < parapheur: 2; >; >\n");
    cdg_diags d;
    cdg_exemples_result r = run(u, &d);
    cr_expect_eq(r.passed, 1);
    cr_expect_eq(r.failed, 2);
    cr_expect_eq(r.attendus_failed, 4);
    cr_expect(!r.ok[0] && r.ok[1] && !r.ok[2]);
    cr_expect(diags_have(&d, "exemple \"faux\": strate expected S1, got S2"));
    cr_expect(diags_have(&d, "exemple \"faux\": sauvegarde expected 3 Go, got 5 Go"));
    cr_expect(diags_have(&d, "exemple \"faux\": parapheur expected non_inclus, got inclus"));
    cr_expect(diags_have(&d, "exemple \"compte\": parapheur expected 2, got non_inclus"));
    /* the notes explain: inheritance, the cell, the table line */
    cr_expect(diags_have(&d, "Forfait B does not state sauvegarde and takes it from Forfait A"));
    cr_expect(diags_have(&d, "in stratum S2, the table of service sauvegarde gives 5 Go: “S2: 5;”"));
    cr_expect(diags_have(&d, "commune=1000 is in stratum S2 by “commune: 1000..;”"));
    cdg_unit_free(u);
}

Test(exemples, failure_is_located_at_the_expectation)
{
    const char *text = MINI_FORFAITS
        "exemple \"faux\" < profil: commune 5; forfait: A; attendu < sauvegarde: 4; >; >\n";
    cdg_unit *u = load_ok(text);
    cdg_diags d;
    run(u, &d);
    cr_assert_eq(d.len, 1);
    const char *at = strstr(text, "sauvegarde: 4;");
    cr_expect_eq(d.items[0]->span.begin, (uint32_t)(at - text));
    cdg_unit_free(u);
}

Test(exemples, profile_in_a_gap_fails_the_example)
{
    cdg_unit *u = load_text("offre t \"T\" < editeur: \"E\"; >\n"
                            "categorie commune \"C\" < mesure: habitants; >\n"
                            "strate S1 \"P\" < commune: ..9; >\n"
                            "strate S2 \"G\" < commune: 20..; >\n"
                            "service parapheur \"Parapheur\";\n"
                            "forfait A \"A\" < parapheur: inclus; >\n"
                            "exemple \"trou\" < profil: commune 15; forfait: A; "
                            "attendu < parapheur: inclus; >; >\n");
    cr_assert_eq(u->diags.errors, 0);
    cdg_diags d;
    cdg_exemples_result r = run(u, &d);
    cr_expect_eq(r.failed, 1);
    cr_expect_eq(r.attendus_failed, 1);
    cr_expect(diags_have(&d, "exemple \"trou\": no stratum matches profile 'commune=15'"));
    cdg_unit_free(u);
}

Test(exemples, defaut_and_own_table_are_explained)
{
    cdg_unit *u = load_ok(MINI_HEAD
                          "forfait A \"Forfait A\" < defaut: en_option; "
                          "sauvegarde: selon_strate < S1: 7; S2: 9; >; >\n"
                          "exemple \"x\" < profil: commune 1; forfait: A; "
                          "attendu < sauvegarde: 8; parapheur: inclus; >; >\n");
    cdg_diags d;
    run(u, &d);
    cr_expect(diags_have(&d, "sauvegarde expected 8 Go, got 7 Go"));
    cr_expect(diags_have(&d, "the own table of Forfait A gives 7 Go: “S1: 7;”"));
    cr_expect(diags_have(&d, "parapheur expected inclus, got en_option"));
    cr_expect(diags_have(&d, "Forfait A does not name parapheur: its default applies, “defaut: en_option;”"));
    cdg_unit_free(u);
}

Test(exemples, coverage_counts_service_cells_not_the_stratum)
{
    cdg_unit *u = load_ok(MINI_FORFAITS
                          "exemple \"a\" < profil: commune 1; forfait: A; "
                          "attendu < strate: S1; sauvegarde: 3; >; >\n"
                          "exemple \"b\" < profil: commune 2; forfait: A; "
                          "attendu < sauvegarde: 3; parapheur: non_inclus; >; >\n"
                          "exemple \"c\" < profil: commune 2000; forfait: B; attendu < strate: S2; >; >\n");
    cdg_couverture c;
    cdg_exemples_coverage(u->model, u->arena, &c);
    const cdg_model *m = u->model;
    cr_expect_eq(c.total, 2 * 2 * 2);
    cr_expect_eq(c.covered, 2);
    cr_expect(c.cells[cdg_couverture_index(m, 0, 0, 0)]);
    cr_expect(c.cells[cdg_couverture_index(m, 0, 1, 0)]);
    cr_expect(!c.cells[cdg_couverture_index(m, 0, 0, 1)]);
    cr_expect(!c.cells[cdg_couverture_index(m, 1, 0, 1)]);
    cr_expect_float_eq(cdg_couverture_percent(&c), 25.0, 1e-9);
    cdg_unit_free(u);
}

Test(exemples, boundaries_cover_both_sides_and_pass)
{
    cdg_unit *u = load_ok(MINI_FORFAITS);
    cdg_arena *a = cdg_arena_new(NULL);
    const char *gen = cdg_exemples_boundaries(u->model, a);
    cr_expect(strstr(gen, "exemple \"commune=999 (S1), Forfait A\" <\n"
                          "  profil: commune 999;\n  forfait: A;\n"
                          "  attendu < strate: S1; sauvegarde: 3; parapheur: non_inclus; >;\n>\n"));
    cr_expect(strstr(gen, "exemple \"commune=1000 (S2), Forfait B\" <\n"
                          "  profil: commune 1_000;\n  forfait: B;\n"
                          "  attendu < strate: S2; sauvegarde: 5; parapheur: inclus; >;\n>\n"));
    cr_expect(!strstr(gen, "commune 0;"), "0 is no boundary");
    /* appended to the rules, every generated example passes */
    cdg_buf b;
    cdg_buf_init(&b, a);
    cdg_buf_puts(&b, MINI_FORFAITS);
    cdg_buf_puts(&b, gen);
    cdg_unit *v = load_ok(cdg_buf_str(&b));
    cr_expect_eq(v->model->nexemples, 4);
    cdg_diags d;
    cdg_exemples_result r = run(v, &d);
    cr_expect_eq(r.passed, 4);
    cr_expect_eq(r.failed, 0);
    cdg_unit_free(v);
    cdg_arena_free(a);
    cdg_unit_free(u);
}

Test(exemples, boundaries_name_gaps_and_whole_categories)
{
    cdg_unit *u = load_text("offre t \"T\" < editeur: \"E\"; >\n"
                            "categorie commune \"C\" < mesure: habitants; >\n"
                            "categorie autre \"Autres\";\n"
                            "strate S1 \"P\" < commune: ..9; autre: tous; >\n"
                            "strate S2 \"G\" < commune: 20..; >\n"
                            "service parapheur \"Le \\\"parapheur\\\"\";\n"
                            "forfait A \"A \\\"spécial\\\"\" < parapheur: inclus; >\n");
    cdg_arena *a = cdg_arena_new(NULL);
    const char *gen = cdg_exemples_boundaries(u->model, a);
    cr_expect(strstr(gen, "# commune=10 : aucune strate ne prend ce profil.\n"));
    cr_expect(strstr(gen, "# commune=19 : aucune strate ne prend ce profil.\n"));
    cr_expect(strstr(gen, "exemple \"commune=9 (S1), A \\\"spécial\\\"\" <"));
    cr_expect(strstr(gen, "exemple \"autre (S1), A \\\"spécial\\\"\" <\n  profil: autre;\n"));
    cdg_arena_free(a);
    cdg_unit_free(u);
}

Test(exemples, pourquoi_strate_names_the_overlap_rule, .init = in_french)
{
    cdg_unit *u = load_text("offre t \"T\" < editeur: \"E\"; chevauchement: premiere; >\n"
                            "categorie commune \"C\" < mesure: habitants; >\n"
                            "strate S1 \"P\" < commune: ..100; >\n"
                            "strate S2 \"G\" < commune: 50..; >\n"
                            "service parapheur \"Parapheur\";\n"
                            "forfait A \"A\" < parapheur: inclus; >\n");
    cdg_profil p = {.categorie = &u->model->categories[0], .mesure = 70};
    const cdg_strate *k = cdg_model_strate_for(u->model, &p);
    cr_assert_eq(k, &u->model->strates[0]);
    cdg_raison *r = cdg_pourquoi_strate(u->model, &p, k, u->arena);
    cr_assert(r && r->next && !r->next->next);
    /* in the run's language for people, as in the sources for machines */
    cr_expect_str_eq(r->texte, "commune=70 est dans la strate S1 par « commune: ..100; »");
    cr_expect_str_eq(r->message, "commune=70 is in stratum S1 by “commune: ..100;”");
    cr_expect(strstr(r->next->texte, "aussi dans la strate S2"));
    cr_expect(strstr(r->next->texte, "« chevauchement: premiere » retient S1"));
    cr_expect(strstr(r->next->message, "the rule “chevauchement: premiere” keeps S1"));
    cr_expect_str_eq(cdg_pourquoi_lieu(u->src, r->span, u->arena), "test.cdg:3:17");
    cdg_unit_free(u);
}

/* The requirement on rules/cdg47.cdg: its examples place a profile
 * in every stratum of both measured categories, and the non-affiliated
 * case is an example of each forfait. */
Test(exemples, cdg47_examples_cover_every_stratum_and_forfait)
{
    cdg_unit *u = NULL;
    cr_assert_eq(cdg_unit_load("rules/cdg47.cdg", NULL, &u), CDG_LOAD_OK);
    cr_assert(cdg_unit_ok(u));
    const cdg_model *m = u->model;
    bool seen[8][16] = {{false}};
    bool non_affiliee[16] = {false};
    cr_assert(m->ncategories <= 8 && m->nstrates <= 16 && m->nforfaits <= 16);
    for (unsigned i = 0; i < m->nexemples; i++) {
        const cdg_exemple *x = &m->exemples[i];
        const cdg_strate *k = cdg_model_strate_for(m, &x->profil);
        cr_assert(k);
        seen[x->profil.categorie->index][k->index] = true;
        if (strcmp(x->profil.categorie->id, "non_affiliee") == 0)
            non_affiliee[x->forfait->index] = true;
    }
    for (unsigned c = 0; c < m->ncategories; c++)
        if (m->categories[c].mesure)
            for (unsigned k = 0; k < m->nstrates; k++)
                cr_expect(seen[c][k], "no example of %s in %s", m->categories[c].id,
                          m->strates[k].id);
    for (unsigned f = 0; f < m->nforfaits; f++)
        cr_expect(non_affiliee[f], "no non-affiliated example for %s", m->forfaits[f].id);
    cdg_diags d;
    cdg_exemples_result r = run(u, &d);
    cr_expect_eq(r.failed, 0);
    cdg_unit_free(u);
}
