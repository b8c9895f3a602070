/* check_wording.c — the wordings the checker writes into the offer when
 * the file gives none: the published text of a cell ("5 sauvegardes
 * inclus", "Non inclus") and of an option ("Coût par … supplémentaire").
 * They are the offer's own French words, printed as they are in every
 * language, so they are not translated; they are all defined here. */
#include <inttypes.h>

#include "check_impl.h"

/* A forfait's cells. */
#define W_NON_INCLUS "Non inclus"
#define W_EN_OPTION "En option"
#define W_SANS_OBJET ""
#define W_INCLUS "Inclus"
#define W_QUANTITE "%" PRId64 " %s inclus"          /* quantity, unite (its plural from 2) */
#define W_SELON_STRATE "De %" PRId64 " à %" PRId64 " selon strate (voir tableau ci-dessous)"
#define W_INCLUS_AVEC "Inclus avec "                 /* then the attached quantities */
#define W_ATTACHE "%s%" PRId64 " %s"                 /* separator, quantity, unite (plural from 2) */
#define W_ATTACHE_ET " et "

/* An option's cells. */
#define W_OPTION_INCLUS "Inclus dans le forfait"
#define W_OPTION_NON_INCLUS "Non inclus dans le forfait"
#define W_TARIF_JOURNALIER "Tarif journalier"
#define W_TARIF_SUR_ETUDE "Sur étude"
#define W_TARIF_PAR_UNITE "Coût par %s supplémentaire"  /* the service's unite */
#define W_UNITE "unité"                                 /* when it has none */

/* "From lo to hi according to stratum", or one quantity if they agree. */
static const char *strata_wording(checker *c, const int64_t *q, const cdg_service *s)
{
    int64_t lo = q[0], hi = lo;
    for (unsigned k = 1; k < c->m->nstrates; k++) {
        if (q[k] < lo) lo = q[k];
        if (q[k] > hi) hi = q[k];
    }
    if (lo == hi)
        return cdg_arena_printf(c->a, W_QUANTITE, lo, cdg_service_unite_for(s, lo));
    return cdg_arena_printf(c->a, W_SELON_STRATE, lo, hi);
}

/* "Inclus avec 2 postes et 1 sauvegarde". */
static const char *attached_wording(checker *c, const cdg_attache *first)
{
    cdg_buf b;
    cdg_buf_init(&b, c->a);
    cdg_buf_puts(&b, W_INCLUS_AVEC);
    for (const cdg_attache *t = first; t; t = t->next)
        cdg_buf_printf(&b, W_ATTACHE, t == first ? "" : W_ATTACHE_ET, t->quantite,
                       t->service->unite ? cdg_service_unite_for(t->service, t->quantite) : t->service->libelle);
    return cdg_buf_str(&b);
}

/* The published text of a cell, from its status and quantities. */
const char *cdg_check_cell_wording(checker *c, const cdg_service *s, const cdg_cell *cell)
{
    switch (cell->statut) {
    case CDG_NON_INCLUS: return W_NON_INCLUS;
    case CDG_EN_OPTION: return W_EN_OPTION;
    case CDG_SANS_OBJET: return W_SANS_OBJET;
    case CDG_INCLUS: break;
    }
    if (cell->qte == CDG_QTE_FIXE)
        return cdg_arena_printf(c->a, W_QUANTITE, cell->quantite, cdg_service_unite_for(s, cell->quantite));
    if (cell->qte == CDG_QTE_STRATE && cell->par_strate && c->m->nstrates)
        return strata_wording(c, cell->par_strate, s);
    if (cell->attaches)
        return attached_wording(c, cell->attaches);
    return W_INCLUS;
}

/* The published text of an option's cell; `texte:` words en_option. */
const char *cdg_check_option_wording(checker *c, const cdg_option *o, cdg_statut st,
                                     const char *texte, const char **per_unit)
{
    if (st == CDG_INCLUS)
        return W_OPTION_INCLUS;
    if (st == CDG_NON_INCLUS)
        return W_OPTION_NON_INCLUS;
    if (texte)
        return texte;
    switch (o->tarif) {
    case CDG_TARIF_JOURNALIER: return W_TARIF_JOURNALIER;
    case CDG_TARIF_SUR_ETUDE: return W_TARIF_SUR_ETUDE;
    case CDG_TARIF_PAR_UNITE:
        if (!*per_unit)
            *per_unit = cdg_arena_printf(c->a, W_TARIF_PAR_UNITE,
                                         o->service && o->service->unite ? o->service->unite : W_UNITE);
        return *per_unit;
    }
    return "";
}
