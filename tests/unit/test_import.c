/* test_import.c — the wordings `cdgrules import` reads (import_words.c):
 * numbers with thousands separators, stratum labels in each form French
 * offers use, cell and option wordings, amounts, identifiers. */
#include <criterion/criterion.h>

#include "alloc.h"
#include "import_impl.h"

static cdg_arena *arena;
static void setup(void) { arena = cdg_arena_new(NULL); }
static void teardown(void) { cdg_arena_free(arena); }

TestSuite(import, .init = setup, .fini = teardown);

/* One part of a label: category, measure and range. */
static void expect_part(const char *label, const char *cat, const char *mesure, int64_t lo, int64_t hi)
{
    imp_part p[4];
    unsigned n = cdg_imp_strate_label(arena, label, p, 4);
    cr_assert_eq(n, 1, "%s: %u parts", label, n);
    if (cat)
        cr_expect_str_eq(p[0].categorie, cat, "%s", label);
    else
        cr_expect_null(p[0].categorie, "%s", label);
    if (mesure)
        cr_expect_str_eq(p[0].mesure, mesure, "%s", label);
    cr_expect_eq(p[0].lo, lo, "%s: lo %lld", label, (long long)p[0].lo);
    cr_expect_eq(p[0].hi, hi, "%s: hi %lld", label, (long long)p[0].hi);
    cr_expect_null(p[0].rest, "%s: rest '%s'", label, p[0].rest);
}

Test(import, numbers_with_thousands_separators)
{
    int64_t v;
    cr_expect(cdg_imp_integer("10 000", &v) && v == 10000);
    cr_expect(cdg_imp_integer("10\xc2\xa0" "000", &v) && v == 10000);
    cr_expect(cdg_imp_integer("1.500", &v) && v == 1500);
    cr_expect(cdg_imp_integer(" 42 ", &v) && v == 42);
    cr_expect(!cdg_imp_integer("dix", &v));
    cr_expect(!cdg_imp_integer("1O", &v));
}

Test(import, stratum_label_forms)
{
    expect_part("moins de 250 habitants", NULL, "habitants", 0, 249);
    expect_part("Communes de 250 à 499 habitants", "Communes", "habitants", 250, 499);
    expect_part("5 000 habitants et plus", NULL, "habitants", 5000, -1);
    expect_part("jusqu'à 1 500", NULL, NULL, 0, 1500);
    expect_part("jusqu’à 1 500", NULL, NULL, 0, 1500);
    expect_part("de 1 501 à 5 000", NULL, NULL, 1501, 5000);
    expect_part("plus de 20 000", NULL, NULL, 20001, -1);
    expect_part("Etablissements publics de moins de 4 agents", "Etablissements publics", "agents", 0, 3);
    expect_part("Communes de 10\xe2\x80\xaf" "000 habitants et plus", "Communes", "habitants", 10000, -1);
    expect_part("Communes à partir de 3.500 habitants", "Communes", "habitants", 3500, -1);
}

Test(import, stratum_label_parts_joined_by_comma_or_ou)
{
    imp_part p[4];
    unsigned n = cdg_imp_strate_label(arena, "Collectivités non affiliées, Communes de 10 000 habitants et plus ou Syndicats de 120 agents et plus", p, 4);
    cr_assert_eq(n, 3);
    cr_expect(p[0].tous);
    cr_expect_str_eq(p[0].categorie, "Collectivités non affiliées");
    cr_expect_str_eq(p[1].categorie, "Communes");
    cr_expect_eq(p[1].lo, 10000);
    cr_expect_str_eq(p[2].categorie, "Syndicats");
    cr_expect_str_eq(p[2].mesure, "agents");
    cr_expect_eq(p[2].lo, 120);
}

Test(import, cell_wordings)
{
    imp_wording w;
    cr_expect_eq(cdg_imp_cell_wording(arena, "").st, IMP_SANS_OBJET);
    cr_expect_eq(cdg_imp_cell_wording(arena, "Inclus").st, IMP_INCLUS);
    cr_expect_eq(cdg_imp_cell_wording(arena, "Non inclus").st, IMP_NON_INCLUS);
    cr_expect_eq(cdg_imp_cell_wording(arena, "En option").st, IMP_EN_OPTION);
    cr_expect_eq(cdg_imp_cell_wording(arena, "De 1 à 10 selon strate (voir tableau ci-dessous)").st, IMP_SELON_STRATE);
    w = cdg_imp_cell_wording(arena, "Un compte inclus");
    cr_expect(w.st == IMP_QUANTITE && w.q == 1);
    cr_expect_str_eq(w.unite, "compte");
    w = cdg_imp_cell_wording(arena, "2 comptes inclus");
    cr_expect(w.st == IMP_QUANTITE && w.q == 2);
    cr_expect_str_eq(w.unite, "compte");
    w = cdg_imp_cell_wording(arena, "1 Go par collectivité inclus");
    cr_expect(w.st == IMP_QUANTITE && w.q == 1);
    cr_expect_str_eq(w.unite, "Go");
    w = cdg_imp_cell_wording(arena, "Inclus avec un certificat");
    cr_expect(w.st == IMP_INCLUS_AVEC && w.q == 1);
    cr_expect_str_eq(w.unite, "certificat");
    cr_expect_eq(cdg_imp_cell_wording(arena, "Sur demande").st, IMP_INCONNU);
}

Test(import, option_wordings_give_pricing)
{
    imp_option_wording o = cdg_imp_option_wording(arena, "Tarif journalier");
    cr_expect(o.st == IMP_EN_OPTION && o.tarif == IMP_TARIF_JOURNALIER);
    o = cdg_imp_option_wording(arena, "Coût par Go supplémentaire");
    cr_expect(o.tarif == IMP_TARIF_PAR_UNITE);
    cr_expect_str_eq(o.unite, "Go");
    o = cdg_imp_option_wording(arena, "Selon strate et coût du certificat");
    cr_expect(o.tarif == IMP_TARIF_PAR_UNITE);
    cr_expect_str_eq(o.unite, "certificat");
    o = cdg_imp_option_wording(arena, "Etude préalable tarifaire et technique spécifique à chaque collectivité");
    cr_expect(o.tarif == IMP_TARIF_SUR_ETUDE);
    cr_expect_eq(cdg_imp_option_wording(arena, "Inclus dans le forfait").st, IMP_INCLUS);
    cr_expect_eq(cdg_imp_option_wording(arena, "Non inclus dans le forfait").st, IMP_NON_INCLUS);
}

Test(import, amounts_and_identifiers)
{
    int64_t c;
    cr_expect(cdg_imp_amount("1 234,50 € par jour", &c) && c == 123450);
    cr_expect(cdg_imp_amount("0.75", &c) && c == 75);
    cr_expect(!cdg_imp_amount("sur demande", &c));
    cr_expect_str_eq(cdg_imp_ident(arena, "Logiciels de sécurité", 2, false, "service"), "logiciels_securite");
    cr_expect_str_eq(cdg_imp_ident(arena, "Collectivités non affiliées", 2, false, "c"), "collectivites_non_affiliees");
    cr_expect_str_eq(cdg_imp_ident(arena, "Métiers et Communication", 5, true, "F"), "MetiersCommunication");
    cr_expect_str_eq(cdg_imp_ident(arena, "Inclus", 2, false, "s"), "inclus_");
    cr_expect_str_eq(cdg_imp_ident(arena, "2027", 2, false, "offre"), "offre_2027");
    /* nothing to keep: the prefix, which is a keyword here, gets its "_" */
    cr_expect_str_eq(cdg_imp_ident(arena, "½ ½", 2, false, "service"), "service_");
}

Test(import, markup_removed)
{
    cr_expect_str_eq(cdg_imp_unmark(arena, "Protection (assistance de 1 <sup>er</sup> niveau)"),
                     "Protection (assistance de 1er niveau)");
    cr_expect_str_eq(cdg_imp_unmark(arena, "Accès <sup>*1</sup>"), "Accès *1");
    cr_expect_str_eq(cdg_imp_unmark(arena, "<b>Forfait Métiers</b>"), "Forfait Métiers");
    cr_expect_str_eq(cdg_imp_unmark(arena, "**Titre**"), "Titre");
    cr_expect_str_eq(cdg_imp_unmark(arena, "Inclus <b>gratuit</b>"), "Inclus <b>gratuit</b>");
}
