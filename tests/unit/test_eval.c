/* test_eval.c — entitlements: profiles, lookups, rows at every stratum
 * boundary of rules/cdg47.cdg (against table 2 of the source document),
 * options, which and quote. */
#include "helpers.h"

#include "eval.h"
#include "money.h"

/* The CDG 47 rules, loaded from the repository (tests run from its root). */
static cdg_unit *load_cdg47(void)
{
    cdg_unit *u = NULL;
    cr_assert_eq(cdg_unit_load("rules/cdg47.cdg", NULL, &u), CDG_LOAD_OK);
    cr_assert(cdg_unit_ok(u), "rules/cdg47.cdg must check cleanly");
    return u;
}

/* Table 2 of rules/source/offre-cdg47.tsv: per stratum, logiciels de
 * sécurité, sauvegarde externalisée (Go), certificat électronique. */
static const struct { const char *strate; int64_t securite, sauvegarde, certificat; } table2[] = {
    {"S1", 1, 3, 1}, {"S2", 1, 3, 1}, {"S3", 2, 3, 1}, {"S4", 2, 5, 1},
    {"S5", 5, 10, 1}, {"S6", 5, 10, 2}, {"S7", 10, 15, 2}, {"S8", 10, 15, 2},
};

/* Every boundary of table 2's first column: profile, expected row of table2. */
static const struct { const char *profil; int row; } boundaries[] = {
    {"commune=0", 0},        {"commune=249", 0},     {"commune=250", 1},
    {"commune=499", 1},      {"commune=500", 2},     {"commune=999", 2},
    {"commune=1000", 3},     {"commune=1999", 3},    {"commune=2000", 4},
    {"commune=3499", 4},     {"commune=3500", 5},    {"commune=4999", 5},
    {"commune=5000", 6},     {"commune=9999", 6},    {"commune=10000", 7},
    {"commune=1_000_000", 7},
    {"etablissement=0", 0},  {"etablissement=3", 0}, {"etablissement=4", 1},
    {"etablissement=7", 1},  {"etablissement=8", 2}, {"etablissement=9", 2},
    {"etablissement=10", 3}, {"etablissement=19", 3}, {"etablissement=20", 4},
    {"etablissement=29", 4}, {"etablissement=30", 5}, {"etablissement=59", 5},
    {"etablissement=60", 6}, {"etablissement=119", 6}, {"etablissement=120", 7},
    {"non_affiliee", 7},
};

Test(eval, every_stratum_boundary_matches_table_2)
{
    cdg_unit *u = load_cdg47();
    const cdg_model *m = u->model;
    const char *counted[] = {"Metiers", "MetiersCommunication", "Technologie", "TechnologiePlus"};
    const cdg_service *sec = cdg_model_service(m, "logiciels_securite");
    const cdg_service *sau = cdg_model_service(m, "sauvegarde");
    const cdg_service *cer = cdg_model_service(m, "certificat");
    for (size_t i = 0; i < sizeof boundaries / sizeof boundaries[0]; i++) {
        cdg_profil p;
        cdg_eval_error err;
        cr_assert(cdg_eval_parse_profil(m, boundaries[i].profil, &p, &err), "%s", err.message);
        const cdg_strate *k = cdg_eval_strate(m, &p, &err);
        cr_assert_not_null(k, "%s", boundaries[i].profil);
        int row = boundaries[i].row;
        cr_assert_str_eq(k->id, table2[row].strate, "%s", boundaries[i].profil);
        for (size_t f = 0; f < sizeof counted / sizeof counted[0]; f++) {
            const cdg_forfait *fo = cdg_model_forfait(m, counted[f]);
            cdg_eval_row r = cdg_eval_row_for(fo, sec, k);
            cr_assert_eq(r.statut, CDG_INCLUS);
            cr_assert_eq(r.quantite, table2[row].securite, "%s %s", boundaries[i].profil, counted[f]);
            cr_assert_str_eq(r.unite, "antivirus");
            cr_assert_eq(cdg_eval_row_for(fo, sau, k).quantite, table2[row].sauvegarde,
                         "%s %s", boundaries[i].profil, counted[f]);
            cr_assert_eq(cdg_eval_row_for(fo, cer, k).quantite, table2[row].certificat,
                         "%s %s", boundaries[i].profil, counted[f]);
        }
        /* Table 1: the Forfait Hébergé has none of them counted. */
        const cdg_forfait *h = cdg_model_forfait(m, "Heberge");
        cr_assert_eq(cdg_eval_row_for(h, sec, k).statut, CDG_SANS_OBJET);
        cr_assert_eq(cdg_eval_row_for(h, sau, k).quantite, -1);
        cr_assert_null(cdg_eval_row_for(h, sau, k).unite);
        cr_assert_eq(cdg_eval_row_for(h, cer, k).statut, CDG_EN_OPTION);
    }
    cdg_unit_free(u);
}

Test(eval, profile_errors_are_explained)
{
    cdg_unit *u = load_cdg47();
    const cdg_model *m = u->model;
    cdg_profil p;
    cdg_eval_error err;
    cr_assert_not(cdg_eval_parse_profil(m, "comune=12", &p, &err));
    cr_assert(strstr(err.message, "did you mean 'commune'"), "%s", err.message);
    cr_assert_not(cdg_eval_parse_profil(m, "commune=-3", &p, &err));
    cr_assert(strstr(err.message, "is negative"), "%s", err.message);
    cr_assert_not(cdg_eval_parse_profil(m, "commune=12a", &p, &err));
    cr_assert(strstr(err.message, "not a non-negative integer"), "%s", err.message);
    cr_assert_not(cdg_eval_parse_profil(m, "commune=", &p, &err));
    cr_assert(strstr(err.message, "is missing"), "%s", err.message);
    cr_assert_not(cdg_eval_parse_profil(m, "commune", &p, &err));
    cr_assert(strstr(err.message, "needs a measure (habitants)"), "%s", err.message);
    cr_assert_not(cdg_eval_parse_profil(m, "non_affiliee=2", &p, &err));
    cr_assert(strstr(err.message, "has no measure"), "%s", err.message);
    cr_assert_not(cdg_eval_parse_profil(m, "commune=99999999999999999999", &p, &err));
    cr_assert(strstr(err.message, "too large"), "%s", err.message);
    cr_assert_not(cdg_eval_parse_profil(m, "=5", &p, &err));
    cr_assert(cdg_eval_parse_profil(m, "Communes=10_000", &p, &err), "label, any case");
    cr_assert_eq(p.mesure, 10000);
    cr_assert_str_eq(p.categorie->id, "commune");
    cdg_unit_free(u);
}

Test(eval, measure_parsing)
{
    int64_t v = -7;
    cr_assert_eq(cdg_eval_parse_mesure("0", 1, &v), CDG_MESURE_OK);
    cr_assert_eq(v, 0);
    cr_assert_eq(cdg_eval_parse_mesure("9007199254740991", 16, &v), CDG_MESURE_OK);
    cr_assert_eq(v, CDG_EVAL_MAX_MESURE);
    cr_assert_eq(cdg_eval_parse_mesure("9007199254740992", 16, &v), CDG_MESURE_TOO_LARGE);
    cr_assert_eq(cdg_eval_parse_mesure("1__0", 4, &v), CDG_MESURE_INVALID);
    cr_assert_eq(cdg_eval_parse_mesure("_10", 3, &v), CDG_MESURE_INVALID);
    cr_assert_eq(cdg_eval_parse_mesure("10_", 3, &v), CDG_MESURE_INVALID);
    cr_assert_eq(cdg_eval_parse_mesure("1.5", 3, &v), CDG_MESURE_INVALID);
    cr_assert_eq(cdg_eval_parse_mesure(" 1", 2, &v), CDG_MESURE_INVALID);
    cr_assert_eq(cdg_eval_parse_mesure("-", 1, &v), CDG_MESURE_INVALID);
    cr_assert_eq(cdg_eval_parse_mesure("", 0, &v), CDG_MESURE_EMPTY);
}

Test(eval, no_stratum_names_the_profile)
{
    cdg_unit *u = load_text("offre t \"T\" < editeur: \"E\"; >\n"
                            "categorie commune \"Communes\" < mesure: habitants; >\n"
                            "strate S1 \"Petites\" < commune: 100..999; >\n"
                            "service parapheur \"Parapheur\";\n"
                            "forfait A \"A\" < parapheur: inclus; >\n");
    cdg_profil p;
    cdg_eval_error err;
    cr_assert(cdg_eval_parse_profil(u->model, "commune=5", &p, &err));
    cr_assert_null(cdg_eval_strate(u->model, &p, &err));
    cr_assert_str_eq(err.message, "no stratum matches profile 'commune=5'");
    cdg_unit_free(u);
}

Test(eval, names_found_by_id_or_label_ignoring_case_and_accents)
{
    cdg_unit *u = load_cdg47();
    const cdg_model *m = u->model;
    cdg_eval_error err;
    cr_assert_str_eq(cdg_eval_find_forfait(m, "forfait hébergé", &err)->id, "Heberge");
    cr_assert_str_eq(cdg_eval_find_forfait(m, "heberge", &err)->id, "Heberge");
    cr_assert_str_eq(cdg_eval_find_forfait(m, "FORFAIT MÉTIERS ET COMMUNICATION", &err)->id,
                     "MetiersCommunication");
    cr_assert_str_eq(cdg_eval_find_service(m, "Sauvegarde externalisée", &err)->id, "sauvegarde");
    cr_assert_str_eq(cdg_eval_find_service(m, "flux comptables", &err)->id, "flux_comptables");
    cr_assert_null(cdg_eval_find_service(m, "sauvgarde", &err));
    cr_assert(strstr(err.message, "did you mean 'sauvegarde'"), "%s", err.message);
    cr_assert_null(cdg_eval_find_forfait(m, "zzz", &err));
    cr_assert(strstr(err.message, "forfaits: Metiers, MetiersCommunication"), "%s", err.message);
    cdg_unit_free(u);
}

Test(eval, rows_keep_their_provenance_and_attached_quantities)
{
    cdg_unit *u = load_cdg47();
    const cdg_model *m = u->model;
    const cdg_forfait *tp = cdg_model_forfait(m, "TechnologiePlus");
    const cdg_service *par = cdg_model_service(m, "parapheur");
    const cdg_service *cer = cdg_model_service(m, "certificat");
    cdg_profil p = {cdg_model_categorie(m, "commune"), 1200};
    const cdg_strate *k = cdg_model_strate_for(m, &p);
    cdg_eval_row r = cdg_eval_row_for(tp, par, k);
    cr_assert_eq(r.statut, CDG_INCLUS);
    cr_assert_str_eq(r.texte, "Inclus avec un certificat");
    cr_assert_not_null(r.attaches);
    cr_assert_eq(r.attaches->service, cer);
    cr_assert_eq(r.attaches->quantite, 1);
    cr_assert_eq(cdg_cell_origine(tp, par), tp, "set by TechnologiePlus itself");
    cr_assert(cdg_cell_stated(tp, par));
    /* The attached certificate does not add to the certificat cell. */
    cr_assert_eq(cdg_eval_row_for(tp, cer, k).quantite, 1);
    cr_assert_eq(cdg_cell_origine(tp, cdg_model_service(m, "sauvegarde")),
                 cdg_model_forfait(m, "Technologie"), "inherited through base:");
    cr_assert_not(cdg_cell_stated(tp, cdg_model_service(m, "sauvegarde")));
    const cdg_member *mb = cdg_eval_member(k, &p);
    cr_assert_eq(mb->kind, CDG_MEMBER_RANGE);
    cr_assert_eq(mb->lo, 1000);
    cr_assert_eq(mb->hi, 1999);
    cdg_unit_free(u);
}

Test(eval, options_of_a_forfait)
{
    cdg_unit *u = load_cdg47();
    const cdg_model *m = u->model;
    const cdg_forfait *h = cdg_model_forfait(m, "Heberge");
    cdg_eval_option opts[16];
    cr_assert_eq(cdg_eval_options(m, h, NULL, opts), m->noptions);
    cr_assert_str_eq(opts[0].option->id, "parapheur_certificat");
    cr_assert_str_eq(opts[0].cell->texte, "Selon strate et coût du certificat");
    size_t n = cdg_eval_options(m, h, cdg_model_service(m, "certificat"), opts);
    cr_assert_eq(n, 2);
    cr_assert_str_eq(opts[0].option->id, "parapheur_certificat");
    cr_assert_str_eq(opts[1].option->id, "certificat");
    /* The option named after the service prices its extra units. */
    cr_assert_str_eq(cdg_eval_extra_option(m, h, cdg_model_service(m, "certificat"))->id,
                     "certificat");
    cr_assert_null(cdg_eval_extra_option(m, h, cdg_model_service(m, "stockage")));
    cdg_unit_free(u);
}

Test(eval, which_forfaits_include_every_need)
{
    cdg_unit *u = load_cdg47();
    const cdg_model *m = u->model;
    cdg_profil p = {cdg_model_categorie(m, "commune"), 1200};
    const cdg_strate *k = cdg_model_strate_for(m, &p);
    const cdg_service *needs[] = {cdg_model_service(m, "parapheur"),
                                  cdg_model_service(m, "sauvegarde")};
    const cdg_service *missing[2];
    size_t nm;
    const char *expect_yes[] = {"MetiersCommunication", "TechnologiePlus"};
    size_t nyes = 0;
    for (unsigned i = 0; i < m->nforfaits; i++)
        if (cdg_eval_includes_all(&m->forfaits[i], k, needs, 2, missing, &nm)) {
            cr_assert_lt(nyes, 2);
            cr_assert_str_eq(m->forfaits[i].id, expect_yes[nyes++]);
        }
    cr_assert_eq(nyes, 2);
    cr_assert_not(cdg_eval_includes_all(cdg_model_forfait(m, "Heberge"), k, needs, 2, missing, &nm));
    cr_assert_eq(nm, 2);
    cdg_unit_free(u);
}

Test(eval, quote_prices_the_extra_exactly)
{
    cdg_unit *u = load_text(MINI_HEAD
                            "forfait A \"A\" < sauvegarde: selon_strate; parapheur: inclus; >\n"
                            "option sauvegarde \"Sauvegarde\" < tarif: par_unite sauvegarde;"
                            " montant: 12.35 EUR; defaut: en_option; >\n");
    cr_assert(cdg_unit_ok(u));
    const cdg_model *m = u->model;
    cdg_profil p = {cdg_model_categorie(m, "commune"), 1200};
    const cdg_strate *k = cdg_model_strate_for(m, &p);
    cdg_eval_quote q;
    cdg_eval_error err;
    cr_assert(cdg_eval_quote_need(m, &m->forfaits[0], k, cdg_model_service(m, "sauvegarde"), 20,
                                  &q, &err));
    cr_assert_eq(q.inclus, 5);
    cr_assert_eq(q.supplement, 15);
    cr_assert_str_eq(q.option->id, "sauvegarde");
    cr_assert_eq(q.total, 15 * 1235);
    cr_assert(cdg_eval_quote_need(m, &m->forfaits[0], k, cdg_model_service(m, "sauvegarde"), 2,
                                  &q, &err));
    cr_assert_eq(q.supplement, 0);
    cr_assert_eq(q.total, 0);
    cr_assert_not(cdg_eval_quote_need(m, &m->forfaits[0], k, cdg_model_service(m, "sauvegarde"),
                                      CDG_EVAL_MAX_MESURE, &q, &err));
    cr_assert(strstr(err.message, "overflows"), "%s", err.message);
    cdg_unit_free(u);
}

Test(money, checked_arithmetic_and_formatting)
{
    char buf[64];
    int64_t r;
    cr_assert_str_eq(cdg_money_text(123450, buf, sizeof buf), "1 234,50 €");
    cr_assert_str_eq(cdg_money_text(45000, buf, sizeof buf), "450,00 €");
    cr_assert_str_eq(cdg_money_text(5, buf, sizeof buf), "0,05 €");
    cr_assert_str_eq(cdg_money_text(-5, buf, sizeof buf), "-0,05 €");
    cr_assert_str_eq(cdg_money_text(100000000, buf, sizeof buf), "1 000 000,00 €");
    cr_assert_str_eq(cdg_money_text(INT64_MIN, buf, sizeof buf), "-92 233 720 368 547 758,08 €");
    cr_assert(cdg_money_mul(1235, 15, &r));
    cr_assert_eq(r, 18525);
    cr_assert_not(cdg_money_mul(INT64_MAX / 2, 3, &r));
    cr_assert(cdg_money_add(1, 2, &r));
    cr_assert_not(cdg_money_add(INT64_MAX, 1, &r));
}
