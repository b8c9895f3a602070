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
