/* test_diff.c — the semantic diff, strict model equality, and the unified
 * text diff used by `fmt --diff`; then every difference cdg_model_equal
 * must report, one mutation of the real offer at a time, in both argument
 * orders, and the semantic diff's wording of the changes the first tests do
 * not make. */
#include "alloc.h"
#include "diff_helpers.h"
#include "language.h"
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

Test(diff, quantity_per_stratum_in_the_offer_vocabulary, .init = in_french)
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

Test(diff, status_rename_add_remove, .init = in_french)
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

Test(diff, moved_bounds_name_the_profiles_that_change_stratum, .init = in_french)
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

Test(diff, option_pricing_and_availability, .init = in_french)
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

/* ---- cdg_model_equal ---------------------------------------------------- */

static cdg_unit *load_offer(void)
{
    cdg_unit *u = NULL;
    cr_assert_eq(cdg_unit_load("rules/cdg47.cdg", NULL, &u), CDG_LOAD_OK);
    cr_assert(cdg_unit_ok(u));
    return u;
}

static cdg_forfait *forfait(cdg_model *m, const char *id)
{
    cdg_forfait *f = (cdg_forfait *)cdg_model_forfait(m, id);
    cr_assert_not_null(f, "%s", id);
    return f;
}

static cdg_service *service(cdg_model *m, const char *id)
{
    cdg_service *s = (cdg_service *)cdg_model_service(m, id);
    cr_assert_not_null(s, "%s", id);
    return s;
}

static cdg_option *option(cdg_model *m, const char *id);

/* The writable cell of option id in the first forfait (shared with the
 * forfaits that have an equal one: the first differs all the same). */
static cdg_option_cell *option_cell(cdg_model *m, const char *id)
{
    return (cdg_option_cell *)cdg_option_cell_of(option(m, id), 0);
}

static cdg_option *option(cdg_model *m, const char *id)
{
    cdg_option *o = (cdg_option *)cdg_model_option(m, id);
    cr_assert_not_null(o, "%s", id);
    return o;
}

/* Gives forfait ff cell i of service sv's table, its provenance kept. */
static void set_ref(cdg_model *m, cdg_arena *a, cdg_forfait *ff, const cdg_service *sv, uint32_t i)
{
    cdg_ref_set(&ff->refs, m->nservices, sv->index, i << 2 | (cdg_ref(&ff->refs, sv->index) & 3), a);
}

/* A writable copy of a cell, put in the forfait in place of the original
 * (cells are shared with other forfaits): added to a copy of the
 * service's table. */
static cdg_cell *own_cell(cdg_model *m, cdg_arena *a, const char *f, const char *s)
{
    cdg_forfait *ff = forfait(m, f);
    cdg_service *sv = service(m, s);
    cdg_cell *c = cdg_arena_alloc(a, sizeof *c);
    *c = *cdg_model_cell(m, ff, sv);
    const cdg_cell **t = cdg_arena_alloc(a, (sv->ncells + 1) * sizeof *t);
    memcpy(t, sv->cells, sv->ncells * sizeof *t);
    t[sv->ncells] = c;
    sv->cells = t;
    set_ref(m, a, ff, sv, sv->ncells++);
    return c;
}

/* The first cell of the model with a fixed quantity. */
static cdg_cell *own_fixed_cell(cdg_model *m, cdg_arena *a)
{
    for (unsigned f = 0; f < m->nforfaits; f++)
        for (unsigned s = 0; s < m->nservices; s++)
            if (cdg_model_cell(m, &m->forfaits[f], &m->services[s])->qte == CDG_QTE_FIXE)
                return own_cell(m, a, m->forfaits[f].id, m->services[s].id);
    cr_assert_fail("the offer has no fixed quantity");
    return NULL;
}

typedef struct mutation {
    const char *why;   /* what cdg_model_equal must say */
    void (*apply)(cdg_model *m, cdg_arena *a);
} mutation;

#define MUT(name, why, ...)                                    \
    static const char why_##name[] = why;                      \
    static void mut_##name(cdg_model *m, cdg_arena *a)         \
    {                                                          \
        (void)a;                                               \
        __VA_ARGS__;                                           \
    }
#define M(name) {why_##name, mut_##name}

MUT(offer_id, "offer ids differ", m->id = "autre")
MUT(offer_id_null, "offer ids differ: 'cdg47' vs '(null)'", m->id = NULL)
MUT(offer_label, "offer labels differ", m->libelle = "Autre offre")
MUT(editeur_null, "editeurs differ: 'CDG 47' vs '(null)'", m->editeur = NULL)
MUT(edition, "editions differ: '2026' vs '2027'", m->edition = "2027")
MUT(chevauchement, "chevauchement differs", m->chevauchement = !m->chevauchement)
MUT(n_cat, "numbers of declarations differ", m->ncategories--)
MUT(n_str, "numbers of declarations differ", m->nstrates--)
MUT(n_note, "numbers of declarations differ", m->nnotes--)
MUT(n_rub, "numbers of declarations differ", m->nrubriques--)
MUT(n_svc, "numbers of declarations differ", m->nservices--)
MUT(n_frf, "numbers of declarations differ", m->nforfaits--)
MUT(n_opt, "numbers of declarations differ", m->noptions--)
MUT(n_ex, "numbers of declarations differ", m->nexemples--)
MUT(cat_id, "category 0 ids differ: 'commune' vs 'communes'", m->categories[0].id = "communes")
MUT(cat_label, "category commune labels differ", m->categories[0].libelle = "Villes")
MUT(cat_mesure, "category non_affiliee measures differ: '(null)' vs 'agents'", m->categories[2].mesure = "agents")
MUT(str_id, "stratum 1 ids differ: 'S2' vs 'T2'", m->strates[1].id = "T2")
MUT(str_label, "stratum S1 labels differ", m->strates[0].libelle = "Petites")
MUT(str_member, "stratum S1: bounds for commune differ", m->strates[0].members[0].hi = 250)
MUT(str_kind, "stratum S8: bounds for non_affiliee differ", m->strates[7].members[2].kind = CDG_MEMBER_NONE)
MUT(note_id, "note 0 ids differ", m->notes[0].id = "n2")
MUT(note_text, "note n1 texts differ", m->notes[0].texte = "Autre note")
MUT(note_number, "note n1 numbers differ", m->notes[0].number = 2)
MUT(rub_id, "rubrique 0 ids differ", m->rubriques[0].id = "secu")
MUT(rub_label, "rubrique securite labels differ", m->rubriques[0].libelle = "Sécurité")
MUT(rub_first, "rubrique securite: services differ", m->rubriques[0].first++)
MUT(rub_count, "rubrique securite: services differ", m->rubriques[0].count--)
MUT(svc_id, "service 0 ids differ", m->services[0].id = "metiers")
MUT(svc_label, "service logiciels_metiers labels differ", m->services[0].libelle = "Logiciels")
MUT(svc_unite, "service sauvegarde units differ: 'Go' vs 'To'", service(m, "sauvegarde")->unite = "To")
MUT(svc_colonne, "service sauvegarde columns differ", service(m, "sauvegarde")->colonne = "Sauvegarde")
MUT(svc_note_removed, "service logiciels_metiers notes differ: 'n1' vs '(null)'", m->services[0].note = NULL)
MUT(svc_note_added, "service messagerie notes differ: '(null)' vs 'n1'",
    service(m, "messagerie")->note = &m->notes[0])
MUT(svc_rub_removed, "service sauvegarde rubriques differ: 'securite' vs '(null)'",
    service(m, "sauvegarde")->rubrique = NULL)
MUT(svc_rub_added, "service messagerie rubriques differ: '(null)' vs 'securite'",
    service(m, "messagerie")->rubrique = &m->rubriques[0])
MUT(svc_table_gone, "service sauvegarde: per-stratum tables differ", service(m, "sauvegarde")->par_strate = NULL)
MUT(svc_table_value, "service sauvegarde: quantity in S3 differs", {
    cdg_service *s = service(m, "sauvegarde");
    int64_t *t = cdg_arena_alloc(a, m->nstrates * sizeof *t);
    memcpy(t, s->par_strate, m->nstrates * sizeof *t);
    t[2] = 4;
    s->par_strate = t;
})
MUT(frf_id, "forfait 0 ids differ", m->forfaits[0].id = "Metier")
MUT(frf_label, "forfait Metiers labels differ", m->forfaits[0].libelle = "Métiers")
MUT(frf_base_gone, "forfait TechnologiePlus bases differ: 'Technologie' vs '(null)'",
    forfait(m, "TechnologiePlus")->base = NULL)
MUT(frf_base_added, "forfait Metiers bases differ: '(null)' vs 'Technologie'",
    forfait(m, "Metiers")->base = forfait(m, "Technologie"))
MUT(cell_missing, "forfait Metiers, service logiciels_metiers: one cell is missing",
    set_ref(m, a, forfait(m, "Metiers"), &m->services[0], 0))
MUT(cell_statut, "forfait Metiers, service parapheur: status, quantity kind or wording origin differ",
    own_cell(m, a, "Metiers", "parapheur")->statut = CDG_SANS_OBJET)
MUT(cell_qte, "forfait Metiers, service parapheur: status, quantity kind or wording origin differ",
    own_cell(m, a, "Metiers", "parapheur")->qte = CDG_QTE_FIXE)
MUT(cell_explicit, "forfait Metiers, service parapheur: status, quantity kind or wording origin differ",
    own_cell(m, a, "Metiers", "parapheur")->texte_explicite ^= 1)
MUT(cell_defaut, "forfait Metiers, service parapheur: status, quantity kind or wording origin differ",
    own_cell(m, a, "Metiers", "parapheur")->par_defaut ^= 1)
MUT(cell_fixed, ": quantity differs", own_fixed_cell(m, a)->quantite += 1)
MUT(cell_per_stratum, "forfait Technologie, service certificat: quantity in S1 differs", {
    cdg_cell *c = own_cell(m, a, "Technologie", "certificat");
    int64_t *t = cdg_arena_calloc(a, m->nstrates, sizeof *t);
    c->par_strate = t;
})
MUT(cell_attache_qty, "forfait TechnologiePlus, service parapheur: attached quantities differ", {
    cdg_cell *c = own_cell(m, a, "TechnologiePlus", "parapheur");
    cdg_attache *t = cdg_arena_alloc(a, sizeof *t);
    *t = *c->attaches;
    t->quantite = 2;
    c->attaches = t;
})
MUT(cell_attache_svc, "forfait TechnologiePlus, service parapheur: attached quantities differ", {
    cdg_cell *c = own_cell(m, a, "TechnologiePlus", "parapheur");
    cdg_attache *t = cdg_arena_alloc(a, sizeof *t);
    *t = *c->attaches;
    t->service = service(m, "sauvegarde");
    c->attaches = t;
})
MUT(cell_attache_more, "forfait TechnologiePlus, service parapheur: attached quantities differ", {
    cdg_cell *c = own_cell(m, a, "TechnologiePlus", "parapheur");
    cdg_attache *t = cdg_arena_alloc(a, sizeof *t);
    *t = *c->attaches;
    t->next = c->attaches;
    c->attaches = t;
})
MUT(cell_texte, "forfait Metiers, service parapheur: wordings differ", own_cell(m, a, "Metiers", "parapheur")->texte = "Non")
MUT(cell_texte_null, "forfait Metiers, service parapheur: wordings differ",
    own_cell(m, a, "Metiers", "parapheur")->texte = NULL)
MUT(cell_origine, "forfait TechnologiePlus, service saisine: origin differs",
    cdg_ref_set(&forfait(m, "TechnologiePlus")->refs, m->nservices, service(m, "saisine")->index,
                (cdg_ref(&forfait(m, "TechnologiePlus")->refs, service(m, "saisine")->index) & ~3u) | CDG_PROV_ENTRY, a))
MUT(opt_id, "option 0 ids differ", m->options[0].id = "parapheur")
MUT(opt_label, "option parapheur_certificat labels differ", m->options[0].libelle = "Parapheur")
MUT(opt_tarif, "option formation_site: pricing differs", option(m, "formation_site")->tarif = CDG_TARIF_SUR_ETUDE)
MUT(opt_has_montant, "option formation_site: pricing differs", {
    cdg_prix *p = cdg_arena_calloc(a, 1, sizeof *p);
    p->montant = 1000000;
    option(m, "formation_site")->montant = p;
})
MUT(forfait_prix, "forfait Metiers: prices differ", {
    cdg_prix *p = cdg_arena_calloc(a, 1, sizeof *p);
    p->montant = 4500000;
    forfait(m, "Metiers")->prix = p;
})
MUT(opt_montant, "option sauvegarde: pricing differs", {
    cdg_prix *p = cdg_arena_calloc(a, 1, sizeof *p);
    p->montant = 1000000;
    option(m, "sauvegarde")->montant = p;
})
MUT(opt_service, "option certificat services differ: 'certificat' vs 'sauvegarde'",
    option(m, "certificat")->service = service(m, "sauvegarde"))
MUT(opt_service_null, "option certificat services differ: 'certificat' vs '(null)'",
    option(m, "certificat")->service = NULL)
MUT(opt_cell_statut, "option formation_site, forfait Metiers: status differs",
    option_cell(m, "formation_site")->statut = CDG_INCLUS)
MUT(opt_cell_explicit, "option formation_site, forfait Metiers: status differs",
    option_cell(m, "formation_site")->texte_explicite ^= 1)
MUT(opt_cell_texte, "option formation_site, forfait Metiers: wordings differ",
    option_cell(m, "formation_site")->texte = "Sur devis")
MUT(ex_label, "example 0 labels differ", m->exemples[0].libelle = "Autre")
MUT(ex_cat, "example 0 categories differ: 'commune' vs 'etablissement'",
    m->exemples[0].profil.categorie = &m->categories[1])
MUT(ex_cat_null, "example 0 categories differ: 'commune' vs '(null)'", m->exemples[0].profil.categorie = NULL)
MUT(ex_forfait, "example 0 forfaits differ: 'Technologie' vs 'Metiers'", m->exemples[0].forfait = forfait(m, "Metiers"))
MUT(ex_forfait_null, "example 0 forfaits differ: 'Technologie' vs '(null)'", m->exemples[0].forfait = NULL)
MUT(ex_mesure, "example 0: measures differ", m->exemples[0].profil.mesure = 1201)
MUT(ex_att_service, "example 0: expectations differ", m->exemples[0].attendus[1].service = &m->services[0])
MUT(ex_att_strate, "example 0: expectations differ", m->exemples[0].attendus[0].strate = &m->strates[0])
MUT(ex_att_strate_null, "example 0: expectations differ", m->exemples[0].attendus[0].strate = NULL)
MUT(ex_att_has_statut, "example 0: expectations differ", m->exemples[0].attendus[1].has_statut ^= 1)
MUT(ex_att_has_qte, "example 0: expectations differ", m->exemples[0].attendus[1].has_quantite ^= 1)
MUT(ex_att_qte, "example 0: expectations differ", m->exemples[0].attendus[1].quantite = 3)
MUT(ex_att_statut, "example 0: expectations differ", {
    cdg_attendu *t = m->exemples[0].attendus, *end = t + m->exemples[0].nattendus;
    while (t < end && !t->has_statut)
        t++;
    cr_assert(t < end);
    t->statut = CDG_INCLUS;
})
MUT(ex_att_fewer, "example 0: expectations differ", m->exemples[0].nattendus = 1)

MUT(offer_label_null, "offer labels differ: 'Offre de services numériques du CDG 47' vs '(null)'", m->libelle = NULL)
MUT(edition_null, "editions differ: '2026' vs '(null)'", m->edition = NULL)
MUT(cat_id_null, "category 0 ids differ: 'commune' vs '(null)'", m->categories[0].id = NULL)
MUT(cat_label_null, "category commune labels differ: 'Communes' vs '(null)'", m->categories[0].libelle = NULL)
MUT(str_id_null, "stratum 0 ids differ: 'S1' vs '(null)'", m->strates[0].id = NULL)
MUT(str_label_null, "stratum S1 labels differ", m->strates[0].libelle = NULL)
MUT(note_id_null, "note 0 ids differ: 'n1' vs '(null)'", m->notes[0].id = NULL)
MUT(note_text_null, "note n1 texts differ", m->notes[0].texte = NULL)
MUT(rub_id_null, "rubrique 0 ids differ: 'securite' vs '(null)'", m->rubriques[0].id = NULL)
MUT(rub_label_null, "rubrique securite labels differ", m->rubriques[0].libelle = NULL)
MUT(svc_id_null, "service 0 ids differ: 'logiciels_metiers' vs '(null)'", m->services[0].id = NULL)
MUT(svc_label_null, "service logiciels_metiers labels differ", m->services[0].libelle = NULL)
MUT(svc_unite_null, "service sauvegarde units differ: 'Go' vs '(null)'", service(m, "sauvegarde")->unite = NULL)
MUT(svc_colonne_null, "service sauvegarde columns differ", service(m, "sauvegarde")->colonne = NULL)
MUT(frf_id_null, "forfait 0 ids differ: 'Metiers' vs '(null)'", m->forfaits[0].id = NULL)
MUT(frf_label_null, "forfait Metiers labels differ", m->forfaits[0].libelle = NULL)
MUT(opt_id_null, "option 0 ids differ: 'parapheur_certificat' vs '(null)'", m->options[0].id = NULL)
MUT(opt_label_null, "option parapheur_certificat labels differ", m->options[0].libelle = NULL)
MUT(opt_cell_texte_null, "option formation_site, forfait Metiers: wordings differ",
    option_cell(m, "formation_site")->texte = NULL)
MUT(ex_label_null, "example 0 labels differ", m->exemples[0].libelle = NULL)

static const mutation mutations[] = {
    M(offer_label_null), M(edition_null), M(cat_id_null), M(cat_label_null), M(str_id_null),
    M(str_label_null), M(note_id_null), M(note_text_null), M(rub_id_null), M(rub_label_null),
    M(svc_id_null), M(svc_label_null), M(svc_unite_null), M(svc_colonne_null), M(frf_id_null),
    M(frf_label_null), M(opt_id_null), M(opt_label_null), M(opt_cell_texte_null), M(ex_label_null),
    M(offer_id), M(offer_id_null), M(offer_label), M(editeur_null), M(edition),
    M(chevauchement), M(n_cat), M(n_str), M(n_note), M(n_rub), M(n_svc),
    M(n_frf), M(n_opt), M(n_ex), M(cat_id), M(cat_label), M(cat_mesure),
    M(str_id), M(str_label), M(str_member), M(str_kind), M(note_id),
    M(note_text), M(note_number), M(rub_id), M(rub_label), M(rub_first),
    M(rub_count), M(svc_id), M(svc_label), M(svc_unite), M(svc_colonne),
    M(svc_note_removed), M(svc_note_added), M(svc_rub_removed), M(svc_rub_added),
    M(svc_table_gone), M(svc_table_value), M(frf_id), M(frf_label),
    M(frf_base_gone), M(frf_base_added), M(cell_missing), M(cell_statut),
    M(cell_qte), M(cell_explicit), M(cell_defaut), M(cell_fixed),
    M(cell_per_stratum), M(cell_attache_qty), M(cell_attache_svc),
    M(cell_attache_more), M(cell_texte), M(cell_texte_null), M(cell_origine),
    M(opt_id), M(opt_label), M(opt_tarif),
    M(opt_has_montant), M(opt_montant), M(forfait_prix), M(opt_service), M(opt_service_null),
    M(opt_cell_statut), M(opt_cell_explicit), M(opt_cell_texte), M(ex_label),
    M(ex_cat), M(ex_cat_null), M(ex_forfait), M(ex_forfait_null), M(ex_mesure),
    M(ex_att_service), M(ex_att_strate), M(ex_att_strate_null),
    M(ex_att_has_statut), M(ex_att_has_qte), M(ex_att_qte), M(ex_att_statut),
    M(ex_att_fewer),
};

/* One mutation of a fresh copy of the offer: equal models before, the
 * expected difference after, whichever side is passed first. */
static void check_mutation(const mutation *mt)
{
    cdg_unit *a = load_offer(), *b = load_offer();
    cdg_arena *ar = cdg_arena_new(NULL);
    char why[1024] = "";
    cr_assert(cdg_model_equal(a->model, b->model, why, sizeof why), "%s", why);
    mt->apply(b->model, ar);
    cr_assert_not(cdg_model_equal(a->model, b->model, why, sizeof why), "not seen: %s", mt->why);
    cr_assert(strstr(why, mt->why), "expected '%s', got '%s'", mt->why, why);
    char back[1024] = "";
    cr_assert_not(cdg_model_equal(b->model, a->model, back, sizeof back), "not seen back: %s", mt->why);
    cdg_arena_free(ar);
    cdg_unit_free(a);
    cdg_unit_free(b);
}

Test(model_equal, every_difference_is_reported)
{
    for (size_t i = 0; i < sizeof mutations / sizeof mutations[0]; i++)
        check_mutation(&mutations[i]);
}

/* ---- cdg_diff ------------------------------------------------------------- */

#define HAS(s, line) cr_assert(strstr((s), line "\n"), "missing «%s» in:\n%s", line, (s))

#define CATS                                                              \
    "categorie commune \"Communes\" < mesure: habitants; >\n"             \
    "categorie na \"Non affiliées\";\n"
#define SVCS                                                              \
    "note n1 \"Une note\";\n"                                             \
    "rubrique r \"Rubrique\" < service a \"Service A\" < unite: \"Go\"; colonne: \"A (Go)\"; "\
    "selon_strate < S1: 1; S2: 2; >; > >\n"                                \
    "service b \"Service B\" < unite: \"licence\"; >\n"                   \
    "service c \"Service C\" < note: n1; >\n"

Test(diff, offer_categories_strata_and_services, .init = in_french)
{
    size_t n;
    char *s = diff_texts("offre t \"Test\" < editeur: \"E\"; >\n" CATS
                      "strate S1 \"Petites\" < commune: ..999; >\n"
                      "strate S2 \"Grandes\" < commune: 1000..; na: tous; >\n" SVCS
                      "forfait F \"F\" < a: selon_strate; b: 2; c: inclus; >\n"
                      "exemple \"Non affiliée\" < profil: na; forfait: F; >\n",
                      "offre u \"Autre\" < editeur: \"D\"; edition: 2027; chevauchement: premiere; >\n"
                      "categorie commune \"Communes\" < mesure: foyers; >\n"
                      "categorie na \"Non affiliées\" < mesure: agents; >\n"
                      "categorie epci \"EPCI\";\n"
                      "strate S1 \"Petites\" < commune: ..999; na: tous; >\n"
                      "strate S2 \"Grandes\" < commune: 1000..; >\n"
                      "strate S3 \"Toutes\" < epci: tous; >\n"
                      "note n1 \"Une note\";\n"
                      "rubrique r \"Rubrique\" < service b \"Service B\" < unite: \"licence\"; > >\n"
                      "service a \"Service A\" < unite: \"To\"; note: n1; "
                      "selon_strate < S1: 1; S2: 2; S3: 3; >; >\n"
                      "service c \"Service C\" < colonne: \"C\"; >\n"
                      "forfait F \"F\" < a: selon_strate; b: 3; c: inclus; >\n"
                      "exemple \"Non affiliée de 5 agents\" < profil: na 5; forfait: F; >\n",
                      &n);
    cr_assert_str_eq(s, "~ Offre: identifiant de l'offre : t → u\n"
                        "~ Offre: libellé de l'offre : « Test » → « Autre »\n"
                        "~ Offre: éditeur : « E » → « D »\n"
                        "~ Offre: édition : (aucune) → 2027\n"
                        "~ Offre: chevauchement des strates : derniere → premiere\n"
                        "+ Catégories: catégorie epci « EPCI »\n"
                        "~ Catégories: Communes, mesure : habitants → foyers\n"
                        "~ Catégories: Non affiliées, mesure : (aucune) → agents\n"
                        "+ Strates: strate S3 « Toutes »\n"
                        "~ Strates: S1, Non affiliées : aucune → toutes\n"
                        "~ Strates: S2, Non affiliées : toutes → aucune\n"
                        "~ Strates: profil « Non affiliée de 5 agents » (na 5 agents) : S2 → S1\n"
                        "~ Strates: profil « Non affiliée » (na) : S2 → S1\n"
                        "~ Services: Service B, rubrique : (aucun) → « Rubrique »\n"
                        "~ Services: Service A, unité : « Go » → « To »\n"
                        "~ Services: Service A, titre de colonne : « A (Go) » → « Service A »\n"
                        "~ Services: Service A, rubrique : « Rubrique » → (aucun)\n"
                        "~ Services: Service A, note : (aucune) → n1\n"
                        "~ Services: Service C, titre de colonne : « Service C » → « C »\n"
                        "~ Services: Service C, note : n1 → (aucune)\n"
                        "~ Forfaits: Service B, F : 2 licences → 3 licences\n"
                        "+ Exemples: exemple « Non affiliée de 5 agents »\n"
                        "- Exemples: exemple « Non affiliée »\n");
    cr_assert_eq(n, 23, "%zu changes", n);
    free(s);
}

#define STRATA2                                                          \
    "offre t \"Test\" < editeur: \"E\"; edition: 2026; >\n"              \
    "categorie commune \"Communes\" < mesure: habitants; >\n"            \
    "strate S1 \"Petites\" < commune: ..999; >\n"                        \
    "strate S2 \"Grandes\" < commune: 1000..; >\n"
#define COUNTED                                                                                  \
    "service a \"Service A\" < unite: \"Go\"; selon_strate < S1: 1; S2: 2; >; >\n"                \
    "service b \"Service B\" < unite: \"licence\"; >\n"                                          \
    "service p \"Parapheur\";\n"

Test(diff, cells_and_options, .init = in_french)
{
    size_t n;
    char *s = diff_texts(STRATA2 COUNTED
                      "forfait F \"F\" < a: selon_strate; b: 2; p: inclus < b: 1; >; >\n"
                      "forfait G \"G\" < a: non_inclus; b: non_inclus; p: inclus; >\n"
                      "option o \"Option\" < tarif: journalier; montant: 100.00 EUR; defaut: en_option; >\n"
                      "option q \"Autre\" < tarif: par_unite b; defaut: en_option; >\n",
                      "offre t \"Test\" < editeur: \"E\"; edition: 2027; >\n"
                      "categorie commune \"Communes\" < mesure: habitants; >\n"
                      "strate S1 \"Petites\" < commune: ..999; >\n"
                      "strate S2 \"Moyennes\" < commune: 1000..4999; >\n"
                      "strate S3 \"Grandes\" < commune: 5000..; >\n"
                      "service a \"Service A\" < unite: \"Go\"; selon_strate < S1: 1; S2: 3; S3: 4; >; >\n"
                      "service b \"Service B\" < unite: \"licence\"; >\n"
                      "service p \"Parapheur\";\n"
                      "service n \"Nouveau\";\n"
                      "forfait F \"F\" < a: inclus; b: 2; p: inclus < b: 1; a: 2; >; n: sans_objet; >\n"
                      "forfait G \"G\" < a: selon_strate; b: non_inclus; p: sans_objet; n: inclus \"Oui\"; >\n"
                      "forfait H \"H\" < a: non_inclus; b: non_inclus; p: inclus; n: non_inclus; >\n"
                      "option o \"Option\" < tarif: journalier; montant: 120.00 EUR; defaut: en_option; "
                      "F: en_option \"Sur devis\"; >\n"
                      "option q \"Autre\" < tarif: sur_etude; defaut: en_option; >\n"
                      "option r \"Neuve\" < tarif: journalier; defaut: en_option; >\n",
                      &n);
    cr_assert_str_eq(s, "~ Offre: édition : 2026 → 2027\n"
                        "~ Strates: strate S2, libellé : « Grandes » → « Moyennes »\n"
                        "+ Strates: strate S3 « Grandes »\n"
                        "~ Strates: S2, Communes : 1 000 habitants et plus → 1 000 à 4 999 habitants\n"
                        "+ Services: service n « Nouveau »\n"
                        "+ Forfaits: forfait H « H »\n"
                        "~ Forfaits: Service A, F, S1 : 1 Go → aucune\n"
                        "~ Forfaits: Service A, F, S2 : 2 Go → aucune\n"
                        "~ Forfaits: Service A, G : non inclus → inclus\n"
                        "~ Forfaits: Parapheur, F, quantités attachées : 1 licence → 1 licence, 2 Go\n"
                        "~ Forfaits: Parapheur, G : inclus → sans objet\n"
                        "+ Forfaits: Nouveau, F : sans objet\n"
                        "+ Forfaits: Nouveau, G : Oui\n"
                        "+ Forfaits: Nouveau, H : Non inclus\n"
                        "~ Tarifs: année des tarifs : 2026 → 2027\n"
                        "+ Prestations en option: option r « Neuve »\n"
                        "~ Prestations en option: Option, montant : 100,00 € → 120,00 € (+20,0 %)\n"
                        "~ Prestations en option: Option, F, libellé publié : « Tarif journalier » → « Sur devis »\n"
                        "~ Prestations en option: Autre, tarif : par unité de « Service B » → sur étude\n");
    cr_assert_eq(n, 19, "%zu changes", n);
    free(s);
}

/* ---- prices ------------------------------------------------------------- */

#define PRICED_HEAD(year, rule)                                                                  \
    "offre t \"Test\" < editeur: \"E\"; edition: " year "; arrondi: " rule "; >\n"              \
    "categorie commune \"Communes\" < mesure: habitants; >\n"                                    \
    "strate S1 \"Petites\" < commune: ..999; >\n"                                                \
    "strate S2 \"Grandes\" < commune: 1000..; >\n"                                               \
    "service postes \"Postes\" < unite: \"poste\"; >\n"

Test(diff, forfait_prices_per_stratum_with_their_percentage, .init = in_french)
{
    size_t n;
    char *s = diff_texts(PRICED_HEAD("2027", "centime_proche par_ligne")
                         "forfait M \"Forfait Métiers\" < postes: inclus; "
                         "prix: selon_strate < S1: 300.00 EUR; S2: 450.00 EUR; >; >\n",
                         PRICED_HEAD("2027", "centime_proche par_ligne")
                         "forfait M \"Forfait Métiers\" < postes: inclus; "
                         "prix: selon_strate < S1: 300.00 EUR; S2: 472.50 EUR; >; >\n", &n);
    cr_assert_str_eq(s, "~ Tarifs: Forfait Métiers, S2 : 450,00 € → 472,50 € (+5,0 %)\n");
    cr_assert_eq(n, 1);
    free(s);
}

Test(diff, first_year_year_and_rounding, .init = in_french)
{
    size_t n;
    char *s = diff_texts(PRICED_HEAD("2027", "centime_proche par_ligne")
                         "forfait M \"M\" < postes: inclus; prix: 100.00 EUR; >\n",
                         PRICED_HEAD("2028", "centime_superieur sur_total")
                         "forfait M \"M\" < postes: inclus; prix: 99.00 EUR; prix_premiere_annee: 150.00 EUR; >\n",
                         &n);
    cr_assert(strstr(s, "~ Tarifs: année des tarifs : 2027 → 2028\n"), "%s", s);
    cr_assert(strstr(s, "~ Tarifs: règle d'arrondi : au centime le plus proche, par ligne → "
                        "au centime supérieur, sur le total\n"), "%s", s);
    cr_assert(strstr(s, "~ Tarifs: M, première année : 100,00 € → 150,00 € (+50,0 %)\n"), "%s", s);
    cr_assert(strstr(s, "~ Tarifs: M, années suivantes : 100,00 € → 99,00 € (-1,0 %)\n"), "%s", s);
    cr_assert_eq(n, 5, "%s", s);   /* and the edition */
    free(s);
}

Test(diff, formulas_in_words_for_people_in_source_form_for_machines, .init = in_french)
{
    const char *old = PRICED_HEAD("2027", "centime_proche par_ligne")
        "forfait P \"P\" < postes: inclus; prix: 120.00 EUR par_unite postes marginal "
        "< tranche: 1..5 1; tranche: 6.. 0.9; >; >\n";
    const char *new_ = PRICED_HEAD("2027", "centime_proche par_ligne")
        "forfait P \"P\" < postes: inclus; prix: 120.00 EUR par_unite postes marginal "
        "< tranche: 1..5 1; tranche: 6.. 0.85; >; >\n";
    size_t n;
    char *s = diff_texts(old, new_, &n);
    cr_assert_eq(n, 1, "%s", s);
    cr_assert(strstr(s, "~ Tarifs: P : 120,00 €"), "%s", s);
    cr_assert(strstr(s, "0,9)"), "%s", s);
    cr_assert(strstr(s, "0,85)\n"), "%s", s);
    cr_assert_null(strstr(s, "%"), "a formula has no percentage: %s", s);
    free(s);
    cdg_unit *a = load_text(old), *b = load_text(new_);
    cdg_arena *ar = cdg_arena_new(NULL);
    const cdg_change *c = cdg_diff(ar, a->model, b->model, &n);
    cr_assert_str_eq(c->before, "120.00 EUR par_unite postes marginal < tranche: 1..5 1; tranche: 6.. 0.9; >");
    cr_assert_str_eq(c->after, "120.00 EUR par_unite postes marginal < tranche: 1..5 1; tranche: 6.. 0.85; >");
    cr_assert(c->montant && !c->montant_before && !c->montant_after && !c->has_pourcentage);
    cdg_arena_free(ar);
    cdg_unit_free(a);
    cdg_unit_free(b);
}

Test(diff, percentages_are_exact_and_rounded_half_away_from_zero)
{
    /* 0.4125 -> 0.43: +4.2424 %; 200 -> 200.10: +0.05 % rounds to +0.1;
     * 200 -> 199.90: -0.05 % rounds to -0.1; 3 -> 1: -66.666 % is -66.7. */
    static const struct { const char *a, *b; int64_t tenths; } cases[] = {
        {"0.4125", "0.43", 42}, {"200.00", "200.10", 1}, {"200.00", "199.90", -1}, {"3.00", "1.00", -667},
        {"450.00", "472.50", 50},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char old[512], new_[512];
        snprintf(old, sizeof old, PRICED_HEAD("2027", "centime_proche par_ligne")
                 "forfait M \"M\" < postes: inclus; >\n"
                 "option o \"O\" < tarif: journalier; montant: %s EUR; defaut: en_option; >\n", cases[i].a);
        snprintf(new_, sizeof new_, PRICED_HEAD("2027", "centime_proche par_ligne")
                 "forfait M \"M\" < postes: inclus; >\n"
                 "option o \"O\" < tarif: journalier; montant: %s EUR; defaut: en_option; >\n", cases[i].b);
        cdg_unit *a = load_text(old), *b = load_text(new_);
        cdg_arena *ar = cdg_arena_new(NULL);
        size_t n;
        const cdg_change *c = cdg_diff(ar, a->model, b->model, &n);
        cr_assert_eq(n, 1, "case %zu", i);
        cr_assert(c->has_pourcentage, "case %zu", i);
        cr_assert_eq(c->pourcentage, cases[i].tenths, "case %zu: %lld", i, (long long)c->pourcentage);
        cdg_arena_free(ar);
        cdg_unit_free(a);
        cdg_unit_free(b);
    }
}

Test(diff, a_formula_whose_amount_alone_changed_has_its_percentage, .init = in_french)
{
    size_t n;
    char *s = diff_texts(PRICED_HEAD("2027", "centime_proche par_ligne")
                         "forfait H \"H\" < postes: inclus; prix: 0.35 EUR par_mesure minimum 300.00 EUR; >\n",
                         PRICED_HEAD("2027", "centime_proche par_ligne")
                         "forfait H \"H\" < postes: inclus; prix: 0.37 EUR par_mesure minimum 300.00 EUR; >\n", &n);
    cr_assert(strstr(s, "~ Tarifs: H : 0,35 € "), "%s", s);
    cr_assert(strstr(s, "minimum 300,00 € (+5,7 %)\n"), "%s", s);
    free(s);
}

Test(diff, option_amounts_per_stratum, .init = in_french)
{
    size_t n;
    char *s = diff_texts(PRICED_HEAD("2027", "centime_proche par_ligne")
                         "forfait M \"M\" < postes: inclus; >\n"
                         "option o \"O\" < tarif: par_unite postes; montant: 10.00 EUR; defaut: en_option; >\n",
                         PRICED_HEAD("2027", "centime_proche par_ligne")
                         "forfait M \"M\" < postes: inclus; >\n"
                         "option o \"O\" < tarif: par_unite postes; "
                         "montant: selon_strate < S1: 10.00 EUR; S2: 9.00 EUR; >; defaut: en_option; >\n", &n);
    cr_assert_str_eq(s, "~ Prestations en option: O, montant, S2 : 10,00 € → 9,00 € (-10,0 %)\n");
    free(s);
}

/* What a printer writes for the changes from old to new text (malloc'ed). */
static char *printed(const char *old, const char *new_, char format)
{
    cdg_unit *a = load_text(old), *b = load_text(new_);
    cdg_arena *ar = cdg_arena_new(NULL);
    size_t n;
    const cdg_change *c = cdg_diff(ar, a->model, b->model, &n);
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    if (format == 'm')
        cdg_diff_print_md(f, a->model, b->model, c);
    else
        cdg_diff_print_json(f, "old.cdg", "new.cdg", c);
    fclose(f);
    cdg_arena_free(ar);
    cdg_unit_free(a);
    cdg_unit_free(b);
    return buf;
}

Test(diff, printers_without_edition_or_changes, .init = in_french)
{
    char *s = printed(MINI_HEAD, MINI_HEAD, 'm');
    cr_assert_str_eq(s, "# Évolutions de l'offre « Test »\n\nÉdition ? → édition ?.\n\nAucun changement.\n");
    free(s);
    s = printed(MINI_HEAD, MINI_HEAD, 'j');
    cr_assert_str_eq(s, "{\n  \"old\": \"old.cdg\",\n  \"new\": \"new.cdg\",\n"
                        "  \"equal\": true,\n  \"changes\": []\n}\n");
    free(s);
}
