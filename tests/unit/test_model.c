/* test_model.c — the resolved model: strata lookup under both overlap
 * rules, cell quantities, lookups by id. */
#include "helpers.h"

#define OVERLAP(rule)                                                    \
    "offre t \"T\" < editeur: \"E\"; " rule " >\n"                       \
    "categorie commune \"Communes\" < mesure: habitants; >\n"            \
    "categorie na \"Non affiliées\";\n"                                  \
    "strate S1 \"Petites\" < commune: ..10_000; >\n"                     \
    "strate S2 \"Grandes\" < commune: 5_000..; na: tous; >\n"            \
    "service sauvegarde \"Sauvegarde\" < unite: \"Go\"; selon_strate < S1: 5; S2: 5; >; >\n" \
    "service compte \"Compte\" < unite: \"compte\"; >\n"                 \
    "service parapheur \"Parapheur\";\n"                                 \
    "forfait A \"A\" < sauvegarde: selon_strate; compte: 2; parapheur: en_option; >\n" \
    "forfait B \"B\" < base: A; parapheur: inclus < compte: 1; >; >\n"

static const cdg_strate *strate_for(const cdg_model *m, const char *cat, int64_t v)
{
    cdg_profil p = {cdg_model_categorie(m, cat), v};
    cr_assert_not_null(p.categorie);
    return cdg_model_strate_for(m, &p);
}

Test(model, strate_for_derniere_takes_the_last_match)
{
    cdg_unit *u = load_text(OVERLAP(""));
    cr_assert(cdg_unit_ok(u));
    const cdg_model *m = u->model;
    cr_assert_eq(m->chevauchement, CDG_CHEVAUCHEMENT_DERNIERE);
    cr_assert_str_eq(strate_for(m, "commune", 0)->id, "S1");
    cr_assert_str_eq(strate_for(m, "commune", 4999)->id, "S1");
    cr_assert_str_eq(strate_for(m, "commune", 5000)->id, "S2");
    cr_assert_str_eq(strate_for(m, "commune", 10000)->id, "S2");
    cr_assert_str_eq(strate_for(m, "commune", 10001)->id, "S2");
    cr_assert_str_eq(strate_for(m, "na", -1)->id, "S2");
    cdg_unit_free(u);
}

Test(model, strate_for_premiere_takes_the_first_match)
{
    cdg_unit *u = load_text(OVERLAP("chevauchement: premiere;"));
    cr_assert(cdg_unit_ok(u));
    const cdg_model *m = u->model;
    cr_assert_eq(m->chevauchement, CDG_CHEVAUCHEMENT_PREMIERE);
    cr_assert_str_eq(strate_for(m, "commune", 5000)->id, "S1");
    cr_assert_str_eq(strate_for(m, "commune", 10000)->id, "S1");
    cr_assert_str_eq(strate_for(m, "commune", 10001)->id, "S2");
    cdg_unit_free(u);
}

Test(model, strate_for_a_gap_is_null)
{
    cdg_unit *u = load_text("offre t \"T\" < editeur: \"E\"; >\n"
                            "categorie commune \"C\" < mesure: habitants; >\n"
                            "categorie na \"NA\";\n"
                            "strate S1 \"A\" < commune: 10..19; >\n"
                            "service p \"P\";\n"
                            "forfait A \"A\" < p: inclus; >\n");
    const cdg_model *m = u->model;
    cr_assert_null(strate_for(m, "commune", 9));
    cr_assert_str_eq(strate_for(m, "commune", 10)->id, "S1");
    cr_assert_null(strate_for(m, "commune", 20));
    cr_assert_null(strate_for(m, "na", -1));
    cdg_unit_free(u);
}

Test(model, cell_quantities)
{
    cdg_unit *u = load_text(MINI_HEAD
                            "service compte \"Compte\" < unite: \"compte\"; >\n"
                            "forfait A \"A\" < sauvegarde: selon_strate; compte: 2; parapheur: en_option; >\n"
                            "forfait B \"B\" < base: A; sauvegarde: selon_strate < S1: 1; S2: 7; >;\n"
                            "  parapheur: inclus < compte: 1; >; >\n");
    cr_assert(cdg_unit_ok(u));
    const cdg_model *m = u->model;
    const cdg_forfait *a = cdg_model_forfait(m, "A"), *b = cdg_model_forfait(m, "B");
    const cdg_service *sv = cdg_model_service(m, "sauvegarde"), *cp = cdg_model_service(m, "compte"),
                      *pa = cdg_model_service(m, "parapheur");
    const cdg_strate *s1 = cdg_model_strate(m, "S1"), *s2 = cdg_model_strate(m, "S2");
    cr_assert_eq(cdg_cell_quantity(cdg_model_cell(m, a, sv), s1), 3);
    cr_assert_eq(cdg_cell_quantity(cdg_model_cell(m, a, sv), s2), 5);
    cr_assert_eq(cdg_cell_quantity(cdg_model_cell(m, b, sv), s1), 1);
    cr_assert_eq(cdg_cell_quantity(cdg_model_cell(m, b, sv), s2), 7);
    cr_assert_eq(cdg_cell_quantity(cdg_model_cell(m, a, cp), s2), 2);
    cr_assert_eq(cdg_cell_quantity(cdg_model_cell(m, a, cp), NULL), 2);
    cr_assert_eq(cdg_cell_quantity(cdg_model_cell(m, a, pa), s1), -1);
    cr_assert_eq(cdg_cell_quantity(cdg_model_cell(m, a, sv), NULL), -1);
    /* inherited cell: the same as the base's, with its origin */
    const cdg_cell *bc = cdg_model_cell(m, b, cp);
    cr_assert_eq(bc->quantite, 2);
    cr_assert_eq(cdg_cell_origine(b, cp), a);
    cr_assert_eq(bc, cdg_model_cell(m, a, cp), "shared with the base");
    cr_assert_eq(b->base, a);
    const cdg_cell *bp = cdg_model_cell(m, b, pa);
    cr_assert_eq(bp->statut, CDG_INCLUS);
    cr_assert_eq(bp->attaches->service, cp);
    cr_assert_eq(bp->attaches->quantite, 1);
    cr_assert_str_eq(bp->texte, "Inclus avec 1 compte");
    cr_assert_str_eq(cdg_model_cell(m, a, pa)->texte, "En option");
    cr_assert_str_eq(cdg_model_cell(m, a, cp)->texte, "2 comptes inclus");
    cdg_unit_free(u);
}

Test(model, lookups_by_id)
{
    cdg_unit *u = load_text(OVERLAP(""));
    const cdg_model *m = u->model;
    cr_assert_eq(cdg_model_forfait(m, "B")->index, 1);
    cr_assert_eq(cdg_model_service(m, "parapheur")->index, 2);
    cr_assert_eq(cdg_cell_origine(cdg_model_forfait(m, "B"), &m->services[0]), cdg_model_forfait(m, "A"));
    cr_assert_eq(cdg_model_strate(m, "S2")->index, 1);
    cr_assert_eq(cdg_model_categorie(m, "na")->index, 1);
    cr_assert_null(cdg_model_categorie(m, "na")->mesure);
    cr_assert_null(cdg_model_forfait(m, "b"));
    cr_assert_null(cdg_model_service(m, "Parapheur"));
    cr_assert_null(cdg_model_strate(m, "S3"));
    cr_assert_null(cdg_model_option(m, "A"));
    cr_assert_str_eq(cdg_statut_name(CDG_SANS_OBJET), "sans_objet");
    cr_assert_str_eq(cdg_tarif_name(CDG_TARIF_PAR_UNITE), "par_unite");
    cdg_unit_free(u);
}

Test(model, every_cell_is_set_even_after_errors)
{
    const char *texts[] = {
        MINI_HEAD "forfait A \"A\" < base: C; >\nforfait B \"B\" < base: A; >\nforfait C \"C\" < base: B; >\n",
        MINI_HEAD "forfait A \"A\" < defaut: 3; >\nforfait B \"B\" < base: Z; >\n",
        MINI_HEAD "forfait A \"A\" < sauvegarde: zz; >\nforfait A \"A\";\n",
    };
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        cdg_unit *u = load_text(texts[i]);
        cr_assert_gt(u->diags.errors, 0);
        const cdg_model *m = u->model;
        for (unsigned f = 0; f < m->nforfaits; f++)
            for (unsigned s = 0; s < m->nservices; s++)
                cr_assert_not_null(cdg_model_cell(m, &m->forfaits[f], &m->services[s]), "text %zu: forfait %u service %u", i, f, s);
        cdg_unit_free(u);
    }
}
