/* test_prix.c — properties of prices over generated tariffs: a quote's
 * total is the sum of its lines (par_ligne) or the rounding of the sum of
 * its exact lines (sur_total); amounts are exact decimals; global and
 * marginal scales agree with a unit-by-unit brute force over every count
 * from 0 to 1,000. */
#include <criterion/criterion.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "devis.h"
#include "helpers.h"
#include "prix.h"

/* A small deterministic generator (xorshift64*), seeded per test. */
typedef struct rng {
    uint64_t s;
} rng;

static uint64_t rng_next(rng *r)
{
    r->s ^= r->s >> 12;
    r->s ^= r->s << 25;
    r->s ^= r->s >> 27;
    return r->s * UINT64_C(2685821657736338717);
}

/* A number in [lo, hi]. */
static int64_t rng_in(rng *r, int64_t lo, int64_t hi)
{
    return lo + (int64_t)(rng_next(r) % (uint64_t)(hi - lo + 1));
}

/* Appends v ten-thousandths as the language writes a decimal: "12.3456". */
static void put_fine(char *buf, size_t cap, int64_t v)
{
    size_t n = strlen(buf);
    snprintf(buf + n, cap - n, "%lld.%04lld", (long long)(v / 10000), (long long)(v % 10000));
}

/* Appends v cents: "12.34". */
static void put_cents(char *buf, size_t cap, int64_t v)
{
    size_t n = strlen(buf);
    snprintf(buf + n, cap - n, "%lld.%02lld", (long long)(v / 100), (long long)(v % 100));
}

/* Appends formatted text. */
__attribute__((format(printf, 3, 4)))
static void put(char *buf, size_t cap, const char *fmt, ...)
{
    size_t n = strlen(buf);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf + n, cap - n, fmt, ap);
    va_end(ap);
}

/* Appends a scale of 1 to 5 tranches from 0 or 1, without gap, the last
 * open, each coefficient in (0, 10] with up to 4 decimals. */
static void put_scale(char *buf, size_t cap, rng *r)
{
    int64_t lo = rng_in(r, 0, 1);
    int n = (int)rng_in(r, 1, 5);
    put(buf, cap, " <");
    for (int i = 0; i < n; i++) {
        int64_t hi = lo + rng_in(r, 0, 40);
        put(buf, cap, " tranche: %lld..", (long long)lo);
        if (i + 1 < n)
            put(buf, cap, "%lld", (long long)hi);
        put(buf, cap, " ");
        put_fine(buf, cap, rng_in(r, 1, 100000));
        put(buf, cap, ";");
        lo = hi + 1;
    }
    put(buf, cap, " >");
}

/* A generated offer: every shape of price, a rounding rule drawn at
 * random for the offer and for two of the forfaits. */
static void gen_offer(char *buf, size_t cap, rng *r)
{
    static const char *const rules[] = {"centime_proche par_ligne", "centime_proche sur_total",
                                        "centime_superieur par_ligne", "centime_superieur sur_total"};
    buf[0] = '\0';
    put(buf, cap, "offre t \"T\" < editeur: \"E\"; edition: 2027; arrondi: %s; >\n", rules[rng_in(r, 0, 3)]);
    put(buf, cap, "categorie commune \"C\" < mesure: habitants; >\n"
                  "categorie na \"N\";\n"
                  "strate S1 \"P\" < commune: ..999; >\n"
                  "strate S2 \"G\" < commune: 1000..; na: tous; >\n"
                  "service postes \"Postes\" < unite: \"poste\"; >\n"
                  "service sauvegarde \"S\" < unite: \"Go\"; selon_strate < S1: 3; S2: 5; >; >\n");
    put(buf, cap, "forfait A \"A\" < postes: inclus; sauvegarde: selon_strate; prix: selon_strate < S1: ");
    int64_t s1 = rng_in(r, 0, 200000);
    put_cents(buf, cap, s1);
    put(buf, cap, " EUR; S2: ");
    put_cents(buf, cap, s1 + rng_in(r, 0, 200000));
    put(buf, cap, " EUR; >; >\n");
    put(buf, cap, "forfait B \"B\" < base: A; arrondi: %s; prix: ", rules[rng_in(r, 0, 3)]);
    put_fine(buf, cap, rng_in(r, 1, 50000));
    put(buf, cap, " EUR par_mesure minimum ");
    int64_t min = rng_in(r, 0, 50000);
    put_cents(buf, cap, min);
    put(buf, cap, " EUR maximum ");
    put_cents(buf, cap, min + rng_in(r, 0, 1000000));
    put(buf, cap, " EUR; >\n");
    put(buf, cap, "forfait C \"C\" < base: A; prix: ");
    put_fine(buf, cap, rng_in(r, 1, 1000000));
    put(buf, cap, " EUR par_unite postes global");
    put_scale(buf, cap, r);
    put(buf, cap, "; >\n");
    put(buf, cap, "forfait D \"D\" < base: A; arrondi: %s; prix: ", rules[rng_in(r, 0, 3)]);
    put_fine(buf, cap, rng_in(r, 1, 1000000));
    put(buf, cap, " EUR par_unite postes marginal");
    put_scale(buf, cap, r);
    put(buf, cap, "; >\n");
    put(buf, cap, "option sauvegarde \"S\" < tarif: par_unite sauvegarde; montant: selon_strate < S1: ");
    put_fine(buf, cap, rng_in(r, 1, 99999));
    put(buf, cap, " EUR; S2: ");
    put_fine(buf, cap, rng_in(r, 1, 99999));
    put(buf, cap, " EUR; >; defaut: en_option; >\n");
    put(buf, cap, "option jours \"J\" < tarif: journalier; montant: ");
    put_fine(buf, cap, rng_in(r, 1, 9999999));
    put(buf, cap, " EUR; defaut: en_option; >\n");
}

/* Whether the unit has an error diagnostic. */
static bool has_error(const cdg_unit *u)
{
    for (size_t i = 0; i < u->diags.len; i++)
        if (u->diags.items[i]->severity == CDG_ERROR)
            return true;
    return false;
}

Test(prix, total_is_the_sum_of_the_lines_or_the_rounded_sum_of_the_exact_lines)
{
    rng r = {UINT64_C(0x9e3779b97f4a7c15)};
    static char text[8192];
    unsigned quotes = 0, par_ligne = 0, sur_total = 0;
    for (int file = 0; file < 40; file++) {
        gen_offer(text, sizeof text, &r);
        cdg_unit *u = load_text(text);
        cr_assert(!has_error(u), "generated offer has errors:\n%s", text);
        const cdg_model *m = u->model;
        for (int q = 0; q < 60; q++) {
            cdg_profil p = {.categorie = &m->categories[rng_in(&r, 0, 1)], .mesure = -1};
            if (p.categorie->mesure)
                p.mesure = rng_in(&r, 0, 100000);
            const cdg_strate *k = cdg_model_strate_for(m, &p);
            cr_assert_not_null(k);
            cdg_besoin needs[3] = {
                {.service = cdg_model_service(m, "postes"), .n = rng_in(&r, 0, 300)},
                {.service = cdg_model_service(m, "sauvegarde"), .n = rng_in(&r, 0, 500)},
                {.option = cdg_model_option(m, "jours"), .n = rng_in(&r, 0, 20)},
            };
            needs[0].next = &needs[1];
            needs[1].next = &needs[2];
            for (unsigned f = 0; f < m->nforfaits; f++) {
                const cdg_forfait *fo = &m->forfaits[f];
                cdg_devis d;
                cdg_eval_error err;
                cr_assert(cdg_devis_make(m, fo, k, &p, needs, rng_in(&r, 0, 1), u->arena, &d, &err), "%s",
                          err.message);
                /* every line is priced, but a price per inhabitant for an
                 * authority without a measure */
                bool sans_mesure = fo->prix->kind == CDG_PRIX_MESURE && p.mesure < 0;
                cr_assert_eq(d.non_chiffres, sans_mesure);
                int64_t cents = 0, exact = 0;
                for (size_t i = 0; i < d.nlignes; i++) {
                    if (d.lignes[i].prix.etat != CDG_PRIX_CHIFFRE)
                        continue;
                    cents += d.lignes[i].prix.centimes;
                    exact += d.lignes[i].prix.exact;
                    cr_assert_eq(d.lignes[i].prix.centimes, cdg_prix_arrondi(d.lignes[i].prix.exact, fo->arrondi.mode));
                }
                cr_assert_eq(d.exact, exact);
                if (fo->arrondi.sur_total) {
                    sur_total++;
                    int64_t want = fo->arrondi.mode == CDG_ARRONDI_SUPERIEUR
                                       ? (exact + CDG_PRIX_EXACT_CENT - 1) / CDG_PRIX_EXACT_CENT
                                       : (exact + CDG_PRIX_EXACT_CENT / 2) / CDG_PRIX_EXACT_CENT;
                    cr_assert_eq(d.total, want, "sur_total: %lld, want %lld", (long long)d.total, (long long)want);
                } else {
                    par_ligne++;
                    cr_assert_eq(d.total, cents, "par_ligne: %lld, lines sum to %lld", (long long)d.total,
                                 (long long)cents);
                }
                quotes++;
            }
        }
        cdg_unit_free(u);
    }
    cr_assert_eq(quotes, 40 * 60 * 4);
    cr_assert(par_ligne > 500 && sur_total > 500, "both rules exercised (%u, %u)", par_ligne, sur_total);
}

/* An amount alone (FIXE) of v ten-thousandths. */
static cdg_prix fixe(int64_t v)
{
    return (cdg_prix){.kind = CDG_PRIX_FIXE, .montant = v};
}

Test(prix, amounts_are_exact_decimals)
{
    cdg_prix p = fixe(1000);   /* 0.10 EUR */
    cdg_prix_ligne l;
    cdg_prix_fois(&p, NULL, 3, CDG_ARRONDI_PROCHE, &l);
    cr_assert_eq(l.etat, CDG_PRIX_CHIFFRE);
    cr_assert_eq(l.exact, 30 * CDG_PRIX_EXACT_CENT, "0.10 x 3 is exactly 0.30");
    cr_assert_eq(l.centimes, 30);
    cdg_prix_fois(&p, NULL, 3, CDG_ARRONDI_SUPERIEUR, &l);
    cr_assert_eq(l.centimes, 30, "rounding up an exact 0.30 stays 0.30");
    p = fixe(125);             /* 0.0125 EUR */
    cdg_prix_fois(&p, NULL, 3, CDG_ARRONDI_PROCHE, &l);
    cr_assert_eq(l.exact, 3750000);
    cr_assert_eq(l.centimes, 4, "0.0375 to the nearest cent, half up");
    cdg_prix_fois(&p, NULL, 2, CDG_ARRONDI_PROCHE, &l);
    cr_assert_eq(l.centimes, 3, "0.025 half up is 0.03");
    cdg_prix_fois(&p, NULL, 2, CDG_ARRONDI_SUPERIEUR, &l);
    cr_assert_eq(l.centimes, 3);
    cdg_prix_fois(&p, NULL, 1, CDG_ARRONDI_PROCHE, &l);
    cr_assert_eq(l.centimes, 1, "0.0125 is 0.01");
    cdg_prix_fois(&p, NULL, 1, CDG_ARRONDI_SUPERIEUR, &l);
    cr_assert_eq(l.centimes, 2, "0.0125 up is 0.02");
    /* ten times 0.10 is 1.00 exactly (binary floating point gives 0.999…) */
    p = fixe(1000);
    int64_t sum = 0;
    for (int i = 0; i < 10; i++) {
        cdg_prix_fois(&p, NULL, 1, CDG_ARRONDI_SUPERIEUR, &l);
        sum += l.exact;
    }
    cr_assert_eq(sum, CDG_PRIX_EXACT);
}

Test(prix, amounts_read_from_the_language_are_exact)
{
    cdg_unit *u = load_text("offre t \"T\" < editeur: \"E\"; arrondi: centime_proche sur_total; >\n"
                            "categorie c \"C\";\nstrate S \"S\" < c: tous; >\n"
                            "service go \"G\" < unite: \"Go\"; >\n"
                            "forfait F \"F\" < go: 0; prix: 0.10 EUR; >\n"
                            "option go \"G\" < tarif: par_unite go; montant: 0.10 EUR; defaut: en_option; >\n");
    cr_assert(!has_error(u));
    const cdg_model *m = u->model;
    cdg_profil p = {.categorie = &m->categories[0], .mesure = -1};
    cdg_besoin need = {.service = cdg_model_service(m, "go"), .n = 3};
    cdg_devis d;
    cdg_eval_error err;
    cr_assert(cdg_devis_make(m, &m->forfaits[0], &m->strates[0], &p, &need, false, u->arena, &d, &err));
    cr_assert_eq(d.lignes[1].prix.centimes, 30, "0.10 EUR x 3 is 0,30 EUR");
    cr_assert_eq(d.total, 40);
    cdg_unit_free(u);
}

/* The coefficient of the tranche holding unit u, or 0 when none does. */
static int64_t coef_at(const cdg_tranche *t, unsigned n, int64_t u)
{
    for (unsigned i = 0; i < n; i++)
        if (u >= t[i].lo && (t[i].hi == CDG_OPEN || u <= t[i].hi))
            return t[i].coef;
    return 0;
}

Test(prix, scales_agree_with_a_brute_force_over_every_count_to_1000)
{
    rng r = {UINT64_C(0x2545f4914f6cdd1d)};
    cdg_service postes = {.id = "postes", .unite = "poste", .unite_pluriel = "postes"};
    const cdg_service *svc[] = {&postes};
    for (int scale = 0; scale < 12; scale++) {
        cdg_tranche t[8];
        unsigned nt = (unsigned)rng_in(&r, 1, 8);
        int64_t lo = rng_in(&r, 0, 1);
        for (unsigned i = 0; i < nt; i++) {
            int64_t hi = lo + rng_in(&r, 0, 300);
            t[i] = (cdg_tranche){.lo = lo, .hi = i + 1 < nt ? hi : CDG_OPEN, .coef = rng_in(&r, 1, 100000)};
            lo = hi + 1;
        }
        int64_t montant = rng_in(&r, 1, 10000000);
        for (int marginal = 0; marginal < 2; marginal++) {
            cdg_prix p = {.kind = CDG_PRIX_UNITE, .marginal = marginal, .montant = montant, .service = &postes,
                          .tranches = t, .ntranches = nt};
            for (int64_t n = 0; n <= 1000; n++) {
                cdg_prix_besoins b = {svc, &n, 1};
                cdg_prix_ligne l;
                cdg_prix_eval(&p, NULL, NULL, &b, CDG_ARRONDI_PROCHE, &l);
                /* brute force: unit by unit for a marginal scale; the
                 * tranche of the count for every unit for a global one */
                int64_t want = 0, all = n > 0 ? coef_at(t, nt, n) : 0;
                for (int64_t u = 1; u <= n; u++)
                    want += montant * (marginal ? coef_at(t, nt, u) : all);
                cr_assert_eq(l.etat, CDG_PRIX_CHIFFRE);
                cr_assert_eq(l.exact, want, "scale %d %s, %lld units: %lld, brute force %lld", scale,
                             marginal ? "marginal" : "global", (long long)n, (long long)l.exact, (long long)want);
                cr_assert_eq(l.centimes, (want + CDG_PRIX_EXACT_CENT / 2) / CDG_PRIX_EXACT_CENT);
                cdg_prix_eval(&p, NULL, NULL, &b, CDG_ARRONDI_SUPERIEUR, &l);
                cr_assert_eq(l.centimes, (want + CDG_PRIX_EXACT_CENT - 1) / CDG_PRIX_EXACT_CENT);
            }
        }
    }
}
