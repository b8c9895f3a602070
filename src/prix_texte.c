/* prix_texte.c — prices and their formulas in words (prix_texte.h). */
#include "prix_texte.h"

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

const char *cdg_prix_montant_texte(const cdg_prix_ligne *l, bool exact, cdg_arena *a)
{
    char m[CDG_MONEY_TEXT_MAX];
    return cdg_arena_strdup(a, exact ? cdg_money_text_scaled(l->exact, 8, m, sizeof m)
                                     : cdg_money_text(l->centimes, m, sizeof m));
}

const char *cdg_prix_formule(const cdg_prix_ligne *l, cdg_prix_unites u, cdg_arrondi_mode r, bool exact,
                             cdg_arena *a)
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
        cdg_buf_printf(&b, " × %s", cdg_num_text(t->unites, num, sizeof num));
        const char *w = units_for(u, t->unites, a);
        if (*w)
            cdg_buf_printf(&b, " %s", w);
        if (t->coef != CDG_PRIX_SCALE)
            cdg_buf_printf(&b, " × %s", cdg_decimal_text(t->coef, 4, num, sizeof num));
    }
    cdg_buf_puts(&b, " = ");
    put_amount(&b, l->brut, r, exact);
    if (l->bornee) {
        cdg_buf m;
        cdg_buf_init(&m, a);
        put_amount(&m, l->exact, r, exact);
        const char *text = cdg_buf_str(&b);
        cdg_buf_init(&b, a);
        cdg_buf_printf(&b, l->bornee < 0 ? _("%s, raised to the minimum of %s") : _("%s, lowered to the maximum of %s"),
                       text, cdg_buf_str(&m));
    }
    return cdg_buf_str(&b);
}

/* Appends the tranches of p: "1 to 5: 1; 6 to 10: 0.7; 11 and more: 0.5". */
static void put_tranches(cdg_buf *b, const cdg_prix *p)
{
    char lo[CDG_NUM_TEXT_MAX], hi[CDG_NUM_TEXT_MAX], k[CDG_NUM_TEXT_MAX];
    for (unsigned i = 0; i < p->ntranches; i++) {
        const cdg_tranche *t = &p->tranches[i];
        if (i)
            cdg_buf_puts(b, "; ");
        cdg_num_text(t->lo, lo, sizeof lo);
        cdg_decimal_text(t->coef, 4, k, sizeof k);
        if (t->hi == CDG_OPEN)
            cdg_buf_printf(b, _("%s and more: %s"), lo, k);
        else
            cdg_buf_printf(b, _("%s to %s: %s"), lo, cdg_num_text(t->hi, hi, sizeof hi), k);
    }
}

const char *cdg_prix_texte(const cdg_prix *p, const char *mesure, cdg_arena *a)
{
    cdg_buf b;
    cdg_buf_init(&b, a);
    char m[CDG_MONEY_TEXT_MAX];
    if (!p)
        return "";
    if (p->kind == CDG_PRIX_STRATE)
        return _("per stratum");
    cdg_money_text_scaled(p->montant, 4, m, sizeof m);
    if (p->kind == CDG_PRIX_FIXE)
        return cdg_arena_strdup(a, m);
    const char *per = p->kind == CDG_PRIX_UNITE ? p->service->unite : mesure ? singular(mesure, a) : _("unit of measure");
    cdg_buf_printf(&b, _("%s per %s"), m, per);
    if (p->tranches) {
        cdg_buf_puts(&b, p->marginal ? _(", each tranche at its own coefficient (") : _(", times the coefficient of the tranche reached ("));
        put_tranches(&b, p);
        cdg_buf_puts(&b, ")");
    }
    if (p->has_min)
        cdg_buf_printf(&b, _(", minimum %s"), cdg_money_text_scaled(p->min, 4, m, sizeof m));
    if (p->has_max)
        cdg_buf_printf(&b, _(", maximum %s"), cdg_money_text_scaled(p->max, 4, m, sizeof m));
    return cdg_buf_str(&b);
}

const char *cdg_prix_raison(const cdg_prix_ligne *l, cdg_arena *a)
{
    switch (l->etat) {
    case CDG_PRIX_CHIFFRE: return "";
    case CDG_PRIX_NON_DONNE: return _("not priced (the rules give no amount)");
    case CDG_PRIX_SANS_MESURE: return _("not priced (the price is per unit of a measure this authority does not have)");
    case CDG_PRIX_SANS_BESOIN:
        return cdg_arena_printf(a, _("not priced (the price counts %s: state how many, %s=N)"),
                                l->service->unite_pluriel, l->service->id);
    case CDG_PRIX_DEPASSEMENT: return _("the amount overflows");
    }
    return "";
}
