/* prix.c — prices evaluated exactly for one authority (prix.h). */
#include "prix.h"

const cdg_prix *cdg_prix_pour_strate(const cdg_prix *p, const cdg_strate *k)
{
    if (p && p->kind == CDG_PRIX_STRATE)
        return k && p->par_strate ? p->par_strate[k->index] : NULL;
    return p;
}

int64_t cdg_prix_arrondi(int64_t exact, cdg_arrondi_mode r)
{
    int64_t q = exact / CDG_PRIX_EXACT_CENT, rest = exact % CDG_PRIX_EXACT_CENT;
    if (r == CDG_ARRONDI_SUPERIEUR)
        return q + (rest > 0);
    return q + (rest * 2 >= CDG_PRIX_EXACT_CENT);
}

const cdg_service *cdg_prix_service(const cdg_prix *p)
{
    return p && (p->kind == CDG_PRIX_UNITE || p->kind == CDG_PRIX_STRATE) ? p->service : NULL;
}

/* *acc += amount (ten-thousandths) x units x coef (ten-thousandths), the
 * product exact in hundred-millionths; false on overflow. */
static bool add_term(int64_t *acc, int64_t amount, int64_t units, int64_t coef)
{
    int64_t t;
    return !__builtin_mul_overflow(amount, units, &t) && !__builtin_mul_overflow(t, coef, &t) &&
           !__builtin_add_overflow(*acc, t, acc);
}

/* The declared count of service s, or -1. */
static int64_t declared(const cdg_prix_besoins *b, const cdg_service *s)
{
    for (size_t i = 0; b && i < b->count; i++)
        if (b->services[i] == s)
            return b->n[i];
    return -1;
}

/* The terms of n units on p's scale: one term without tranches or with a
 * global scale, one per tranche reached with a marginal one. */
static bool unit_terms(const cdg_prix *p, int64_t n, cdg_prix_ligne *out)
{
    if (!p->tranches) {
        out->termes[out->ntermes++] = (cdg_prix_terme){n, CDG_PRIX_SCALE, NULL};
        return add_term(&out->brut, p->montant, n, CDG_PRIX_SCALE);
    }
    if (!p->marginal) {
        const cdg_tranche *t = NULL;
        for (unsigned i = 0; i < p->ntranches && !t; i++)
            if (n >= p->tranches[i].lo && (p->tranches[i].hi == CDG_OPEN || n <= p->tranches[i].hi))
                t = &p->tranches[i];
        int64_t coef = t ? t->coef : CDG_PRIX_SCALE;  /* no tranche: the checker reported it */
        out->termes[out->ntermes++] = (cdg_prix_terme){n, coef, t};
        return add_term(&out->brut, p->montant, n, coef);
    }
    for (unsigned i = 0; i < p->ntranches; i++) {
        const cdg_tranche *t = &p->tranches[i];
        int64_t lo = t->lo < 1 ? 1 : t->lo, hi = t->hi == CDG_OPEN || t->hi > n ? n : t->hi;
        if (hi < lo)
            continue;
        if (out->ntermes < CDG_PRIX_TERMES_MAX)
            out->termes[out->ntermes++] = (cdg_prix_terme){hi - lo + 1, t->coef, t};
        if (!add_term(&out->brut, p->montant, hi - lo + 1, t->coef))
            return false;
    }
    return true;
}

/* Applies p's minimum and maximum to the line's exact amount. */
static bool bound(const cdg_prix *p, cdg_prix_ligne *out)
{
    int64_t lim;
    out->exact = out->brut;
    if (p->has_min) {
        if (__builtin_mul_overflow(p->min, CDG_PRIX_SCALE, &lim))
            return false;
        if (out->exact < lim) {
            out->exact = lim;
            out->bornee = -1;
        }
    }
    if (p->has_max) {
        if (__builtin_mul_overflow(p->max, CDG_PRIX_SCALE, &lim))
            return false;
        if (out->exact > lim) {
            out->exact = lim;
            out->bornee = 1;
        }
    }
    return true;
}

/* Rounds the line, or marks it as overflowing. */
static void finish(bool ok, cdg_arrondi_mode r, cdg_prix_ligne *out)
{
    if (!ok || out->exact > INT64_MAX - CDG_PRIX_EXACT_CENT) {
        out->etat = CDG_PRIX_DEPASSEMENT;
        return;
    }
    out->etat = CDG_PRIX_CHIFFRE;
    out->centimes = cdg_prix_arrondi(out->exact, r);
}

void cdg_prix_eval(const cdg_prix *p, const cdg_strate *k, const cdg_profil *pr,
                   const cdg_prix_besoins *b, cdg_arrondi_mode r, cdg_prix_ligne *out)
{
    *out = (cdg_prix_ligne){.etat = CDG_PRIX_NON_DONNE, .unites = -1};
    if (p && p->kind == CDG_PRIX_STRATE)
        out->table = p;
    p = out->prix = cdg_prix_pour_strate(p, k);
    if (!p)
        return;
    bool ok = true;
    switch (p->kind) {
    case CDG_PRIX_FIXE:
        ok = add_term(&out->brut, p->montant, 1, CDG_PRIX_SCALE);
        break;
    case CDG_PRIX_MESURE:
        if (!pr || pr->mesure < 0) {
            out->etat = CDG_PRIX_SANS_MESURE;
            return;
        }
        out->unites = pr->mesure;
        out->termes[out->ntermes++] = (cdg_prix_terme){pr->mesure, CDG_PRIX_SCALE, NULL};
        ok = add_term(&out->brut, p->montant, pr->mesure, CDG_PRIX_SCALE);
        break;
    case CDG_PRIX_UNITE:
        out->service = p->service;
        out->unites = declared(b, p->service);
        if (out->unites < 0) {
            out->etat = CDG_PRIX_SANS_BESOIN;
            return;
        }
        ok = unit_terms(p, out->unites, out);
        break;
    case CDG_PRIX_STRATE:  /* a table in a table: the checker refuses it */
        return;
    }
    finish(ok && bound(p, out), r, out);
}

void cdg_prix_fois(const cdg_prix *p, const cdg_strate *k, int64_t n, cdg_arrondi_mode r,
                   cdg_prix_ligne *out)
{
    *out = (cdg_prix_ligne){.etat = CDG_PRIX_NON_DONNE, .unites = n};
    if (p && p->kind == CDG_PRIX_STRATE)
        out->table = p;
    p = out->prix = cdg_prix_pour_strate(p, k);
    if (!p || p->kind != CDG_PRIX_FIXE)
        return;
    out->termes[out->ntermes++] = (cdg_prix_terme){n, CDG_PRIX_SCALE, NULL};
    bool ok = add_term(&out->brut, p->montant, n, CDG_PRIX_SCALE);
    finish(ok && bound(p, out), r, out);
}
