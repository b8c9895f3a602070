/* model.c — queries on the resolved model that every command shares. */
#include "model.h"

#include <string.h>

#include "alloc.h"
#include "nls.h"

int64_t cdg_cell_quantity(const cdg_cell *c, const cdg_strate *k)
{
    switch (c->qte) {
    case CDG_QTE_FIXE: return c->quantite;
    case CDG_QTE_STRATE: return c->par_strate && k ? c->par_strate[k->index] : -1;
    case CDG_QTE_AUCUNE: break;
    }
    return -1;
}

bool cdg_strate_matches(const cdg_strate *k, const cdg_profil *p)
{
    const cdg_member *mb = &k->members[p->categorie->index];
    switch (mb->kind) {
    case CDG_MEMBER_NONE: return false;
    case CDG_MEMBER_ALL: return true;
    case CDG_MEMBER_RANGE: return p->mesure >= mb->lo && p->mesure <= mb->hi;
    }
    return false;
}

const cdg_strate *cdg_model_strate_for(const cdg_model *m, const cdg_profil *p)
{
    const cdg_strate *found = NULL;
    for (unsigned i = 0; i < m->nstrates; i++)
        if (cdg_strate_matches(&m->strates[i], p)) {
            found = &m->strates[i];
            if (m->chevauchement == CDG_CHEVAUCHEMENT_PREMIERE)
                break;
        }
    return found;
}

#define FIND(arr, n)                            \
    for (unsigned i = 0; i < m->n; i++)         \
        if (strcmp(m->arr[i].id, id) == 0)      \
            return &m->arr[i];                  \
    return NULL

const cdg_forfait *cdg_model_forfait(const cdg_model *m, const char *id) { FIND(forfaits, nforfaits); }
const cdg_service *cdg_model_service(const cdg_model *m, const char *id) { FIND(services, nservices); }
const cdg_strate *cdg_model_strate(const cdg_model *m, const char *id) { FIND(strates, nstrates); }
const cdg_categorie *cdg_model_categorie(const cdg_model *m, const char *id) { FIND(categories, ncategories); }
const cdg_option *cdg_model_option(const cdg_model *m, const char *id) { FIND(options, noptions); }

const char *cdg_statut_name(cdg_statut s)
{
    switch (s) {
    case CDG_INCLUS: return "inclus";
    case CDG_NON_INCLUS: return "non_inclus";
    case CDG_EN_OPTION: return "en_option";
    case CDG_SANS_OBJET: return "sans_objet";
    }
    return "?";
}

const char *cdg_tarif_name(cdg_tarif t)
{
    switch (t) {
    case CDG_TARIF_JOURNALIER: return "journalier";
    case CDG_TARIF_PAR_UNITE: return "par_unite";
    case CDG_TARIF_SUR_ETUDE: return "sur_etude";
    }
    return "?";
}

/* Bytes a reference up to v takes. */
static unsigned ref_width(uint32_t v)
{
    return v <= UINT8_MAX ? 1 : v <= UINT16_MAX ? 2 : 4;
}

/* Fills r (n long, already of its width) with v from index from on. */
static void refs_fill(cdg_refs *r, unsigned from, unsigned n, uint32_t v)
{
    if (r->b1)
        memset(r->b1 + from, (int)v, n - from);
    else if (r->b2)
        for (unsigned k = from; k < n; k++)
            r->b2[k] = (uint16_t)v;
    else
        for (unsigned k = from; k < n; k++)
            r->b4[k] = v;
}

void cdg_refs_new(cdg_refs *r, unsigned n, uint32_t v, uint32_t most, cdg_arena *a)
{
    unsigned w = ref_width(most > v ? most : v);
    size_t bytes = (size_t)(n ? n : 1) * w;
    *r = (cdg_refs){0};
    if (w == 1)
        r->b1 = cdg_arena_alloc(a, bytes);
    else if (w == 2)
        r->b2 = cdg_arena_alloc(a, bytes);
    else
        r->b4 = cdg_arena_alloc(a, bytes);
    refs_fill(r, 0, n, v);
}

void cdg_ref_set(cdg_refs *r, unsigned n, unsigned i, uint32_t v, cdg_arena *a)
{
    unsigned have = r->b1 ? 1 : r->b2 ? 2 : 4;
    if (ref_width(v) > have) {  /* copied to the width v needs */
        cdg_refs old = *r;
        cdg_refs_new(r, n, 0, v, a);
        for (unsigned k = 0; k < n; k++) {
            uint32_t x = cdg_ref(&old, k);
            if (r->b2)
                r->b2[k] = (uint16_t)x;
            else
                r->b4[k] = x;
        }
    }
    refs_fill(r, i, i + 1, v);
}

const cdg_forfait *cdg_cell_origine(const cdg_forfait *f, const cdg_service *s)
{
    while (cdg_cell_provenance(f, s) == CDG_PROV_BASE && f->base)
        f = f->base;
    return f;
}

const char *cdg_statut_words(cdg_statut s)
{
    switch (s) {
    case CDG_INCLUS: return N_("included");
    case CDG_NON_INCLUS: return N_("not included");
    case CDG_EN_OPTION: return N_("optional");
    case CDG_SANS_OBJET: return N_("not applicable");
    }
    return "?";
}

const char *cdg_service_unite_for(const cdg_service *s, int64_t n)
{
    if (!s->unite)
        return "";
    return n > 1 && s->unite_pluriel ? s->unite_pluriel : s->unite;
}

const char *cdg_unite_pluriel_defaut(const char *unite, cdg_arena *a)
{
    size_t n = strlen(unite);
    /* a symbol ("Go", "h"), several words, or already plural: unchanged */
    if (n < 3 || (unite[0] >= 'A' && unite[0] <= 'Z') || strchr(unite, ' '))
        return unite;
    char last = unite[n - 1];
    if (last == 's' || last == 'x' || last == 'z')
        return unite;
    return cdg_arena_printf(a, "%ss", unite);
}
