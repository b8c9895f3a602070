/* devis.c — a forfait's price and the needs beyond it, totalled by the
 * rounding rule (devis.h). */
#include "devis.h"

#include <stdio.h>

#include "alloc.h"
#include "nls.h"

/* The declared counts of the list, for the forfait's own price. */
static cdg_prix_besoins counts_of(const cdg_besoin *list, cdg_arena *a)
{
    size_t n = 0;
    for (const cdg_besoin *b = list; b; b = b->next)
        n += b->service != NULL;
    const cdg_service **s = cdg_arena_calloc(a, n ? n : 1, sizeof *s);
    int64_t *q = cdg_arena_calloc(a, n ? n : 1, sizeof *q);
    size_t i = 0;
    for (const cdg_besoin *b = list; b; b = b->next)
        if (b->service) {
            s[i] = b->service;
            q[i++] = b->n;
        }
    return (cdg_prix_besoins){s, q, n};
}

/* The option of forfait f priced per day with the given id's need. */
static bool priced_per_day(const cdg_forfait *f, const cdg_option *o)
{
    return o && o->tarif == CDG_TARIF_JOURNALIER && cdg_option_cell_of(o, f->index)->statut == CDG_EN_OPTION;
}

/* Adds line l to the totals. */
static bool add_line(cdg_devis *d, const cdg_devis_ligne *l)
{
    if (l->prix.etat == CDG_PRIX_DEPASSEMENT)
        return false;
    if (l->prix.etat != CDG_PRIX_CHIFFRE) {
        d->non_chiffres++;
        return true;
    }
    return !__builtin_add_overflow(d->exact, l->prix.exact, &d->exact) &&
           !__builtin_add_overflow(d->total, l->prix.centimes, &d->total);
}

/* The line of need b. */
static bool need_line(const cdg_model *m, cdg_devis *d, const cdg_besoin *b, cdg_devis_ligne *l,
                      cdg_eval_error *err)
{
    const cdg_forfait *f = d->forfait;
    cdg_arrondi_mode r = f->arrondi.mode;
    l->besoin = b;
    if (b->option) {
        l->kind = CDG_DEVIS_JOURS;
        l->option = priced_per_day(f, b->option) ? b->option : NULL;
        d->sans_option += l->option == NULL;
        cdg_prix_fois(l->option ? l->option->montant : NULL, d->strate, b->n, r, &l->prix);
        if (!l->option)
            l->prix.etat = CDG_PRIX_CHIFFRE;  /* nothing to buy: the line counts 0 */
        return true;
    }
    l->kind = CDG_DEVIS_SUPPLEMENT;
    if (!cdg_eval_quote_need(m, f, d->strate, b->service, b->n, &l->need, err))
        return false;
    l->option = l->need.supplement > 0 ? l->need.option : NULL;
    if (l->need.supplement == 0 || !l->option) {
        d->sans_option += l->need.supplement > 0;
        l->prix = (cdg_prix_ligne){.etat = CDG_PRIX_CHIFFRE, .unites = l->need.supplement};
        return true;
    }
    cdg_prix_fois(l->option->montant, d->strate, l->need.supplement, r, &l->prix);
    return true;
}

bool cdg_devis_make(const cdg_model *m, const cdg_forfait *f, const cdg_strate *k,
                    const cdg_profil *p, const cdg_besoin *besoins, bool premiere_annee,
                    cdg_arena *a, cdg_devis *out, cdg_eval_error *err)
{
    *out = (cdg_devis){.forfait = f, .strate = k, .profil = *p, .premiere_annee = premiere_annee};
    size_t n = 1;
    for (const cdg_besoin *b = besoins; b; b = b->next, n++)
        for (const cdg_besoin *c = besoins; c != b; c = c->next)
            if ((b->service && c->service == b->service) || (b->option && c->option == b->option)) {
                if (err)
                    snprintf(err->message, sizeof err->message, _("'%s' is needed twice"),
                             b->service ? b->service->id : b->option->id);
                return false;
            }
    out->lignes = cdg_arena_calloc(a, n, sizeof *out->lignes);
    const cdg_prix *fp = cdg_forfait_prix(f, premiere_annee);
    cdg_prix_besoins counts = counts_of(besoins, a);
    cdg_devis_ligne *l = &out->lignes[out->nlignes++];
    l->kind = CDG_DEVIS_FORFAIT;
    cdg_prix_eval(fp, k, p, &counts, f->arrondi.mode, &l->prix);
    if (!add_line(out, l))
        goto overflow;
    const cdg_service *counted = cdg_prix_service(fp);
    for (const cdg_besoin *b = besoins; b; b = b->next) {
        if (b->service && b->service == counted)
            continue;  /* the forfait's own price counts it */
        l = &out->lignes[out->nlignes++];
        if (!need_line(m, out, b, l, err))
            return false;
        if (!add_line(out, l))
            goto overflow;
    }
    if (f->arrondi.sur_total)
        out->total = cdg_prix_arrondi(out->exact, f->arrondi.mode);
    return true;
overflow:
    if (err)
        snprintf(err->message, sizeof err->message, "%s", _("the total overflows"));
    return false;
}
