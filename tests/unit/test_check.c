/* test_check.c — the checker: names, completeness, strata, model. */
#include "helpers.h"

Test(check, minimal_offer_resolves_every_cell)
{
    cdg_unit *u = load_text(MINI_HEAD
                            "forfait A \"A\" < sauvegarde: selon_strate; parapheur: inclus; >\n"
                            "forfait B \"B\" < base: A; parapheur: non_inclus; >\n");
    cr_assert(cdg_unit_ok(u));
    const cdg_model *m = u->model;
    const cdg_forfait *b = cdg_model_forfait(m, "B");
    const cdg_service *sv = cdg_model_service(m, "sauvegarde");
    cdg_profil p = {cdg_model_categorie(m, "commune"), 1200};
    const cdg_strate *k = cdg_model_strate_for(m, &p);
    cr_assert_str_eq(k->id, "S2");
    cr_assert_eq(cdg_cell_quantity(cdg_model_cell(m, b, sv), k), 5);
    cr_assert_eq(cdg_model_cell(m, b, cdg_model_service(m, "parapheur"))->statut, CDG_NON_INCLUS);
    cr_assert_str_eq(cdg_model_cell(m, b, sv)->texte, "De 3 à 5 selon strate (voir tableau ci-dessous)");
    cdg_unit_free(u);
}

Test(check, missing_cell_is_an_error)
{
    cdg_unit *u = load_text(MINI_HEAD "forfait A \"A\" < sauvegarde: selon_strate; >\n");
    cr_assert(has_diag(u, CDG_ERROR, "forfait 'A' says nothing about service 'parapheur'"));
    cdg_unit_free(u);
}

Test(check, duplicate_has_a_note_at_the_first_definition)
{
    cdg_unit *u = load_text(MINI_HEAD "forfait A \"A\" < defaut: inclus; >\nforfait A \"B\" < defaut: inclus; >\n");
    cr_assert(has_diag(u, CDG_ERROR, "duplicate forfait 'A'"));
    cr_assert(has_diag(u, CDG_NOTE, "first defined here"));
    cr_assert_eq(u->diags.errors, 1);
    cdg_unit_free(u);
}

Test(check, overlap_names_a_concrete_profile)
{
    cdg_unit *u = load_text("offre t \"T\" < editeur: \"E\"; >\n"
                            "categorie commune \"C\" < mesure: habitants; >\n"
                            "strate S1 \"A\" < commune: ..10_000; >\n"
                            "strate S2 \"B\" < commune: 10_000..; >\n"
                            "service s \"S\" < unite: \"u\"; selon_strate < S1: 1; S2: 2; >; >\n"
                            "forfait F \"F\" < s: selon_strate; >\n");
    cr_assert(has_diag(u, CDG_ERROR, "commune=10000 (10000 habitants) matches both, and they disagree on s (1 vs 2)"));
    cdg_unit_free(u);
}

Test(check, options_and_money)
{
    cdg_unit *u = load_text(MINI_HEAD "forfait A \"A\" < sauvegarde: selon_strate; parapheur: inclus; >\n"
                            "option o \"O\" < tarif: par_unite sauvegarde; montant: 1_234.5 EUR; A: inclus; >\n"
                            "option p \"P\" < tarif: sur_etude; texte: \"Etude\"; defaut: en_option; >\n");
    cr_assert(cdg_unit_ok(u));
    const cdg_option *o = cdg_model_option(u->model, "o"), *p = cdg_model_option(u->model, "p");
    cr_assert_eq(o->tarif, CDG_TARIF_PAR_UNITE);
    cr_assert_str_eq(o->service->id, "sauvegarde");
    cr_assert(o->montant && o->montant->kind == CDG_PRIX_FIXE);
    cr_assert_eq(o->montant->montant, 12345000);  /* ten-thousandths of a euro */
    cr_assert_eq(cdg_option_cell_of(o, 0)->statut, CDG_INCLUS);
    cr_assert_str_eq(cdg_option_cell_of(o, 0)->texte, "Inclus dans le forfait");
    cr_assert_eq(cdg_option_cell_of(p, 0)->statut, CDG_EN_OPTION);
    cr_assert_str_eq(cdg_option_cell_of(p, 0)->texte, "Etude");
    cdg_unit_free(u);
}

Test(check, exemple_is_stored)
{
    cdg_unit *u = load_text(MINI_HEAD "forfait A \"A\" < sauvegarde: selon_strate; parapheur: inclus; >\n"
                            "exemple \"E\" < profil: commune 1_200; forfait: A; attendu < strate: S2; sauvegarde: 5; parapheur: inclus; >; >\n");
    cr_assert(cdg_unit_ok(u));
    const cdg_exemple *x = &u->model->exemples[0];
    cr_assert_eq(x->profil.mesure, 1200);
    cr_assert_str_eq(x->forfait->id, "A");
    cr_assert_str_eq(x->attendus[0].strate->id, "S2");
    cr_assert(x->attendus[1].has_quantite);
    cr_assert_eq(x->attendus[1].quantite, 5);
    cr_assert_eq(x->nattendus, 3);
    cr_assert(x->attendus[2].has_statut);
    cdg_unit_free(u);
}

Test(check, cdg47_is_clean)
{
    cdg_unit *u = NULL;
    cr_assert_eq(cdg_unit_load("rules/cdg47.cdg", NULL, &u), CDG_LOAD_OK);
    cr_assert(cdg_unit_ok(u));
    cr_assert_eq(u->diags.warnings, 0);
    cdg_unit_free(u);
}

/* An offer of 20 services and 900 forfaits whose cells all differ (each
 * a wording of its own: 18,000 distinct cells, more than the 16,384 the
 * identical-forfaits check hashes at a time), then X and Y, identical but
 * for a wording, and Z, which differs from them in the last service only. */
static char *many_cells_offer(void)
{
    size_t cap = 4u << 20, n = 0;
    char *t = malloc(cap);
    cr_assert_not_null(t);
    n += (size_t)snprintf(t + n, cap - n, "offre t \"T\" < editeur: \"E\"; >\n"
                          "categorie commune \"Communes\" < mesure: habitants; >\n"
                          "strate S1 \"Toutes\" < commune: 0..; >\n");
    for (int s = 0; s < 20; s++)
        n += (size_t)snprintf(t + n, cap - n, "service s%d \"S%d\";\n", s, s);
    static const char *const st[] = {"sans_objet", "non_inclus", "inclus"};
    for (int f = 1; f <= 900; f++) {
        n += (size_t)snprintf(t + n, cap - n, "forfait F%d \"F%d\" <\n", f, f);
        for (int s = 0, d = f; s < 20; s++, d /= 3)
            n += (size_t)snprintf(t + n, cap - n, "  s%d: %s \"w%d\";\n", s, s < 7 ? st[d % 3] : "inclus", f);
        n += (size_t)snprintf(t + n, cap - n, ">\n");
    }
    n += (size_t)snprintf(t + n, cap - n, "forfait X \"X\" < defaut: inclus; >\n"
                          "forfait Y \"Y\" < defaut: inclus; s0: inclus \"autre\"; >\n"
                          "forfait Z \"Z\" < defaut: inclus; s19: non_inclus; >\n");
    cr_assert_lt(n, cap);
    return t;
}

Test(check, identical_forfaits_found_across_many_distinct_cells)
{
    char *text = many_cells_offer();
    cdg_unit *u = load_text(text);
    int identical = 0;
    for (size_t i = 0; i < u->diags.len; i++)
        identical += strstr(u->diags.items[i]->message, "are identical") != NULL;
    cr_assert_eq(identical, 1, "%d warnings of identical forfaits", identical);
    cr_assert(has_diag(u, CDG_WARNING, "forfaits 'X' and 'Y' are identical"));
    cr_assert_eq(u->diags.errors, 0);
    cdg_unit_free(u);
    free(text);
}

/* 2,000 forfaits giving service s1 the quantities 1 to 1,000 twice: a
 * thousand distinct cells, so that most lookups probe past the service's
 * own run of slots (and jump), and each is found again the second time:
 * the service's table holds 1,000 cells and the NULL of index 0. */
Test(check, equal_cells_shared_past_the_service_run)
{
    size_t cap = 1u << 20, n = 0;
    char *t = malloc(cap);
    cr_assert_not_null(t);
    n += (size_t)snprintf(t + n, cap - n, "offre t \"T\" < editeur: \"E\"; >\n"
                          "categorie commune \"Communes\" < mesure: habitants; >\n"
                          "strate S1 \"Toutes\" < commune: 0..; >\n"
                          "service s0 \"S0\";\nservice s1 \"S1\" < unite: \"Go\"; >\n");
    for (int f = 0; f < 2000; f++)
        n += (size_t)snprintf(t + n, cap - n, "forfait F%d \"F%d\" < s0: inclus; s1: %d; >\n", f, f, f % 1000 + 1);
    cr_assert_lt(n, cap);
    cdg_unit *u = load_text(t);
    cr_assert_eq(u->diags.errors, 0);
    const cdg_service *s1 = cdg_model_service(u->model, "s1");
    cr_assert_eq(s1->ncells, 1001);
    cr_assert_eq(cdg_model_cell(u->model, cdg_model_forfait(u->model, "F7"), s1),
                 cdg_model_cell(u->model, cdg_model_forfait(u->model, "F1007"), s1));
    cdg_unit_free(u);
    free(t);
}
