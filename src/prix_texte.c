/* prix_texte.c — prices and their formulas in words (prix_texte.h). */
#include "prix_texte.h"

#include <stdio.h>
#include <string.h>

#include "money.h"
#include "nls.h"
#include "numfmt.h"

/* The singular of a measure's word: "habitants" gives "habitant". */
static const char *singular(const char *w, cdg_arena *a)
{
    size_t n = strlen(w);
    return n > 3 && w[n - 1] == 's' ? cdg_arena_strndup(a, w, n - 1) : w;
}

cdg_prix_unites cdg_prix_unites_de(const cdg_prix *p, const cdg_profil *pr)
{
    if (p && p->kind == CDG_PRIX_UNITE && p->service)
        return (cdg_prix_unites){p->service->unite, p->service->unite_pluriel};
    if (pr && pr->categorie && pr->categorie->mesure)
        return (cdg_prix_unites){NULL, pr->categorie->mesure};
    return (cdg_prix_unites){"", ""};
}

/* The units word for n. */
static const char *units_for(cdg_prix_unites u, int64_t n, cdg_arena *a)
{
    if (n <= 1)
        return u.un ? u.un : singular(u.plusieurs, a);
    return u.plusieurs;
}

/* Appends one money amount of ten-thousandths. */
static void put_fine(cdg_buf *b, int64_t v)
{
    char m[CDG_MONEY_TEXT_MAX];
    cdg_buf_puts(b, cdg_money_text_scaled(v, 4, m, sizeof m));
}

/* Appends an exact amount, or its rounding by r. */
static void put_amount(cdg_buf *b, int64_t exact, cdg_arrondi_mode r, bool keep_exact)
{
    char m[CDG_MONEY_TEXT_MAX];
    if (keep_exact)
        cdg_buf_puts(b, cdg_money_text_scaled(exact, 8, m, sizeof m));
    else
        cdg_buf_puts(b, cdg_money_text(cdg_prix_arrondi(exact, r), m, sizeof m));
}

/* A number for a published table, in French whatever the run's language:
 * v / 10^decimals, "1 000", "0,7" (money.h's plain spaces). */
static const char *num_fr(int64_t v, unsigned decimals, char *buf, size_t cap)
{
    return cdg_decimal_write(v, decimals, 0, " ", ",", buf, cap);
}

const char *cdg_prix_nombre_fr(int64_t v, char *buf, size_t cap)
{
    return num_fr(v, 0, buf, cap);
}

/* The words of a price: in the run's language, or in French for the
 * published tables (fr). */
typedef struct words {
    bool fr;
} words;

/* msgid in the run's language, or french as written. */
static const char *w_(const words *w, const char *msgid, const char *french) __attribute__((format_arg(2)));
static const char *w_(const words *w, const char *msgid, const char *french)
{
    return w->fr ? french : _(msgid);
}

/* A count or coefficient in the words' language. */
static const char *w_num(const words *w, int64_t v, unsigned decimals, char *buf, size_t cap)
{
    if (w->fr)
        return num_fr(v, decimals, buf, cap);
    return decimals ? cdg_decimal_text(v, decimals, buf, cap) : cdg_num_text(v, buf, cap);
}

/* The formula of line l in the words w (see cdg_prix_formule). */
static const char *formula(const cdg_prix_ligne *l, cdg_prix_unites u, cdg_arrondi_mode r, bool exact,
                           cdg_arena *a, const words *w)
{
    cdg_buf b;
    cdg_buf_init(&b, a);
    const cdg_prix *p = l->prix;
    if (!p || l->unites < 0 || l->ntermes == 0) {
        put_amount(&b, l->exact, r, exact);
        return cdg_buf_str(&b);
    }
    char num[CDG_NUM_TEXT_MAX];
    for (unsigned i = 0; i < l->ntermes; i++) {
        const cdg_prix_terme *t = &l->termes[i];
        if (i)
            cdg_buf_puts(&b, " + ");
        put_fine(&b, p->montant);
        cdg_buf_printf(&b, " × %s", w_num(w, t->unites, 0, num, sizeof num));
        const char *unit = units_for(u, t->unites, a);
        if (*unit)
            cdg_buf_printf(&b, " %s", unit);
        if (t->coef != CDG_PRIX_SCALE)
            cdg_buf_printf(&b, " × %s", w_num(w, t->coef, 4, num, sizeof num));
    }
    cdg_buf_puts(&b, " = ");
    put_amount(&b, l->brut, r, exact);
    if (l->bornee) {
        cdg_buf m;
        cdg_buf_init(&m, a);
        put_amount(&m, l->exact, r, exact);
        const char *text = cdg_buf_str(&b);
        cdg_buf_init(&b, a);
        cdg_buf_printf(&b, l->bornee < 0 ? w_(w, "%s, raised to the minimum of %s", "%s, porté au minimum de %s")
                                         : w_(w, "%s, lowered to the maximum of %s", "%s, ramené au maximum de %s"),
                       text, cdg_buf_str(&m));
    }
    return cdg_buf_str(&b);
}

const char *cdg_prix_formule(const cdg_prix_ligne *l, cdg_prix_unites u, cdg_arrondi_mode r, bool exact,
                             cdg_arena *a)
{
    words w = {false};
    return formula(l, u, r, exact, a, &w);
}

const char *cdg_prix_formule_fr(const cdg_prix_ligne *l, cdg_prix_unites u, cdg_arrondi_mode r, bool exact,
                                cdg_arena *a)
{
    words w = {true};
    return formula(l, u, r, exact, a, &w);
}

/* Appends the tranches of p: "1 to 5: 1; 6 to 10: 0.7; 11 and more: 0.5". */
static void put_tranches(cdg_buf *b, const cdg_prix *p, const words *w)
{
    char lo[CDG_NUM_TEXT_MAX], hi[CDG_NUM_TEXT_MAX], k[CDG_NUM_TEXT_MAX];
    for (unsigned i = 0; i < p->ntranches; i++) {
        const cdg_tranche *t = &p->tranches[i];
        if (i)
            cdg_buf_puts(b, "; ");
        w_num(w, t->lo, 0, lo, sizeof lo);
        w_num(w, t->coef, 4, k, sizeof k);
        if (t->hi == CDG_OPEN)
            cdg_buf_printf(b, w_(w, "%s and more: %s", "%s et plus : %s"), lo, k);
        else
            cdg_buf_printf(b, w_(w, "%s to %s: %s", "%s à %s : %s"), lo, w_num(w, t->hi, 0, hi, sizeof hi), k);
    }
}

/* Price p in words (see cdg_prix_texte). */
static const char *prix_words(const cdg_prix *p, const char *mesure, cdg_arena *a, const words *w)
{
    cdg_buf b;
    cdg_buf_init(&b, a);
    char m[CDG_MONEY_TEXT_MAX];
    if (!p)
        return "";
    if (p->kind == CDG_PRIX_STRATE)
        return w_(w, "per stratum", "selon la strate");
    cdg_money_text_scaled(p->montant, 4, m, sizeof m);
    if (p->kind == CDG_PRIX_FIXE)
        return cdg_arena_strdup(a, m);
    const char *per = p->kind == CDG_PRIX_UNITE ? p->service->unite
                      : mesure                   ? singular(mesure, a)
                                                 : w_(w, "unit of measure", "unité de mesure");
    cdg_buf_printf(&b, w_(w, "%s per %s", "%s par %s"), m, per);
    if (p->tranches) {
        cdg_buf_puts(&b, p->marginal ? w_(w, ", each tranche at its own coefficient (", ", chaque tranche à son coefficient (")
                                     : w_(w, ", times the coefficient of the tranche reached (",
                                          ", multiplié par le coefficient de la tranche atteinte ("));
        put_tranches(&b, p, w);
        cdg_buf_puts(&b, ")");
    }
    if (p->has_min)
        cdg_buf_printf(&b, w_(w, ", minimum %s", ", minimum %s"), cdg_money_text_scaled(p->min, 4, m, sizeof m));
    if (p->has_max)
        cdg_buf_printf(&b, w_(w, ", maximum %s", ", maximum %s"), cdg_money_text_scaled(p->max, 4, m, sizeof m));
    return cdg_buf_str(&b);
}

const char *cdg_prix_texte(const cdg_prix *p, const char *mesure, cdg_arena *a)
{
    words w = {false};
    return prix_words(p, mesure, a, &w);
}

const char *cdg_prix_texte_fr(const cdg_prix *p, const char *mesure, cdg_arena *a)
{
    words w = {true};
    return prix_words(p, mesure, a, &w);
}

const char *cdg_prix_mesures(const cdg_model *m, cdg_arena *a)
{
    cdg_buf b;
    cdg_buf_init(&b, a);
    for (unsigned i = 0; i < m->ncategories; i++) {
        const char *w = m->categories[i].mesure;
        if (!w)
            continue;
        if (b.len)
            cdg_buf_putc(&b, '/');
        cdg_buf_puts(&b, singular(w, a));
    }
    return b.len ? cdg_buf_str(&b) : NULL;
}

/* Why line l has no amount, in the words w. */
static const char *reason(const cdg_prix_ligne *l, cdg_arena *a, const words *w)
{
    switch (l->etat) {
    case CDG_PRIX_CHIFFRE: return "";
    case CDG_PRIX_NON_DONNE:
        return w_(w, "not priced (the rules give no amount)", "non chiffré (les règles ne donnent pas de montant)");
    case CDG_PRIX_SANS_MESURE:
        return w_(w, "not priced (the price is per unit of a measure this authority does not have)",
                  "non chiffré (le prix est par unité d'une mesure que cette collectivité n'a pas)");
    case CDG_PRIX_SANS_BESOIN:
        return cdg_arena_printf(a, w_(w, "not priced (the price counts %s: state how many, %s=N)",
                                      "non chiffré (le prix compte des %s : dites combien, %s=N)"),
                                l->service->unite_pluriel, l->service->id);
    case CDG_PRIX_DEPASSEMENT: return w_(w, "the amount overflows", "le montant déborde");
    }
    return "";
}

const char *cdg_prix_raison(const cdg_prix_ligne *l, cdg_arena *a)
{
    words w = {false};
    return reason(l, a, &w);
}

const char *cdg_prix_raison_fr(const cdg_prix_ligne *l, cdg_arena *a)
{
    words w = {true};
    return reason(l, a, &w);
}
