/* model_equal.h — strict equality of two resolved models, for the tests
 * and the fuzz targets only (fmt's "formatting changes no meaning" check,
 * diff's "equivalent offers" check): the library does not need it, so it
 * is not part of it. It keeps the name it had there, cdg_model_equal. */
#ifndef CDG_TEST_MODEL_EQUAL_H
#define CDG_TEST_MODEL_EQUAL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "model.h"

/* Whether two strings are equal, NULL equal only to NULL. */
static inline bool model_equal_str(const char *x, const char *y)
{
    return x == y || (x && y && strcmp(x, y) == 0);
}

/* Whether two stratum members take the same authorities. */
static inline bool model_equal_member(const cdg_member *x, const cdg_member *y)
{
    return x->kind == y->kind && (x->kind != CDG_MEMBER_RANGE || (x->lo == y->lo && x->hi == y->hi));
}

/* Writes the difference into why (a function: a printf of the caller's
 * buffer size, once inlined, would warn of truncation on every message). */
static inline void model_equal_say(char *why, size_t cap, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static inline void model_equal_say(char *why, size_t cap, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(why, cap, fmt, ap);
    va_end(ap);
}

#define DIFFER(...)                               \
    do {                                          \
        model_equal_say(why, cap, __VA_ARGS__);   \
        return false;                             \
    } while (0)
#define SAME_STR(x, y, ...)                                                           \
    do {                                                                              \
        if (!model_equal_str((x), (y))) {                                             \
            char what_[1200];                                                         \
            snprintf(what_, sizeof what_, __VA_ARGS__);                               \
            DIFFER("%s differ: '%s' vs '%s'", what_, (x) ? (x) : "(null)",            \
                   (y) ? (y) : "(null)");                                             \
        }                                                                             \
    } while (0)

/* The id of a service, NULL for none. */
static inline const char *model_equal_service_id(const cdg_service *s) { return s ? s->id : NULL; }

/* Whether two cells state the same; where names them in why. */
static inline bool model_equal_cells(const cdg_model *a, const cdg_cell *x, const cdg_cell *y,
                                     const char *where, char *why, size_t cap)
{
    if (!x || !y) {
        if (x != y)
            DIFFER("%s: one cell is missing", where);
        return true;
    }
    if (x->statut != y->statut || x->qte != y->qte || x->texte_explicite != y->texte_explicite ||
        x->par_defaut != y->par_defaut)
        DIFFER("%s: status, quantity kind or wording origin differ", where);
    if (x->qte == CDG_QTE_FIXE && x->quantite != y->quantite)
        DIFFER("%s: quantity differs", where);
    if (x->qte == CDG_QTE_STRATE)
        for (unsigned k = 0; k < a->nstrates; k++)
            if (cdg_cell_quantity(x, &a->strates[k]) != cdg_cell_quantity(y, &a->strates[k]))
                DIFFER("%s: quantity in %s differs", where, a->strates[k].id);
    const cdg_attache *p = x->attaches, *q = y->attaches;
    for (; p && q; p = p->next, q = q->next)
        if (p->quantite != q->quantite || !model_equal_str(model_equal_service_id(p->service), model_equal_service_id(q->service)))
            DIFFER("%s: attached quantities differ", where);
    if (p || q)
        DIFFER("%s: attached quantities differ", where);
    SAME_STR(x->texte, y->texte, "%s: wordings", where);
    return true;
}

/* Whether two models are identical in everything but source positions:
 * order, ids, labels, wordings, quantities, strata, options, examples.
 * On a difference, writes what differs into why (cap bytes). */
/* Whether two prices say the same (ids compared, not pointers). */
static inline bool model_equal_prix(const cdg_prix *x, const cdg_prix *y, unsigned nstrates)
{
    if (!x || !y)
        return x == y;
    if (x->kind != y->kind || x->marginal != y->marginal || x->has_min != y->has_min ||
        x->has_max != y->has_max || x->montant != y->montant || (x->has_min && x->min != y->min) ||
        (x->has_max && x->max != y->max) || x->ntranches != y->ntranches ||
        !model_equal_str(model_equal_service_id(x->service), model_equal_service_id(y->service)))
        return false;
    for (unsigned i = 0; i < x->ntranches; i++)
        if (x->tranches[i].lo != y->tranches[i].lo || x->tranches[i].hi != y->tranches[i].hi ||
            x->tranches[i].coef != y->tranches[i].coef)
            return false;
    for (unsigned k = 0; x->kind == CDG_PRIX_STRATE && k < nstrates; k++)
        if (!model_equal_prix(x->par_strate[k], y->par_strate[k], nstrates))
            return false;
    return true;
}

static inline bool cdg_model_equal(const cdg_model *a, const cdg_model *b, char *why, size_t cap)
{
    SAME_STR(a->id, b->id, "offer ids");
    SAME_STR(a->libelle, b->libelle, "offer labels");
    SAME_STR(a->editeur, b->editeur, "editeurs");
    SAME_STR(a->edition, b->edition, "editions");
    if (a->chevauchement != b->chevauchement)
        DIFFER("chevauchement differs");
    if (a->arrondi.mode != b->arrondi.mode || a->arrondi.sur_total != b->arrondi.sur_total ||
        a->millesime != b->millesime)
        DIFFER("rounding rule or millesime differs");
    if (a->ncategories != b->ncategories || a->nstrates != b->nstrates || a->nnotes != b->nnotes ||
        a->nrubriques != b->nrubriques || a->nservices != b->nservices ||
        a->nforfaits != b->nforfaits || a->noptions != b->noptions || a->nexemples != b->nexemples)
        DIFFER("numbers of declarations differ");
    for (unsigned i = 0; i < a->ncategories; i++) {
        const cdg_categorie *x = &a->categories[i], *y = &b->categories[i];
        SAME_STR(x->id, y->id, "category %u ids", i);
        SAME_STR(x->libelle, y->libelle, "category %s labels", x->id);
        SAME_STR(x->mesure, y->mesure, "category %s measures", x->id);
    }
    for (unsigned i = 0; i < a->nstrates; i++) {
        const cdg_strate *x = &a->strates[i], *y = &b->strates[i];
        SAME_STR(x->id, y->id, "stratum %u ids", i);
        SAME_STR(x->libelle, y->libelle, "stratum %s labels", x->id);
        for (unsigned c = 0; c < a->ncategories; c++)
            if (!model_equal_member(&x->members[c], &y->members[c]))
                DIFFER("stratum %s: bounds for %s differ", x->id, a->categories[c].id);
    }
    for (unsigned i = 0; i < a->nnotes; i++) {
        SAME_STR(a->notes[i].id, b->notes[i].id, "note %u ids", i);
        SAME_STR(a->notes[i].texte, b->notes[i].texte, "note %s texts", a->notes[i].id);
        if (a->notes[i].number != b->notes[i].number)
            DIFFER("note %s numbers differ", a->notes[i].id);
    }
    for (unsigned i = 0; i < a->nrubriques; i++) {
        const cdg_rubrique *x = &a->rubriques[i], *y = &b->rubriques[i];
        SAME_STR(x->id, y->id, "rubrique %u ids", i);
        SAME_STR(x->libelle, y->libelle, "rubrique %s labels", x->id);
        if (x->first != y->first || x->count != y->count)
            DIFFER("rubrique %s: services differ", x->id);
    }
    for (unsigned i = 0; i < a->nservices; i++) {
        const cdg_service *x = &a->services[i], *y = &b->services[i];
        SAME_STR(x->id, y->id, "service %u ids", i);
        SAME_STR(x->libelle, y->libelle, "service %s labels", x->id);
        SAME_STR(x->unite, y->unite, "service %s units", x->id);
        SAME_STR(x->unite_pluriel, y->unite_pluriel, "service %s unit plurals", x->id);
        SAME_STR(x->colonne, y->colonne, "service %s columns", x->id);
        SAME_STR(x->note ? x->note->id : NULL, y->note ? y->note->id : NULL, "service %s notes", x->id);
        SAME_STR(x->rubrique ? x->rubrique->id : NULL, y->rubrique ? y->rubrique->id : NULL,
                 "service %s rubriques", x->id);
        if (!x->par_strate != !y->par_strate)
            DIFFER("service %s: per-stratum tables differ", x->id);
        for (unsigned k = 0; x->par_strate && k < a->nstrates; k++)
            if (x->par_strate[k] != y->par_strate[k])
                DIFFER("service %s: quantity in %s differs", x->id, a->strates[k].id);
    }
    for (unsigned i = 0; i < a->nforfaits; i++) {
        const cdg_forfait *x = &a->forfaits[i], *y = &b->forfaits[i];
        SAME_STR(x->id, y->id, "forfait %u ids", i);
        SAME_STR(x->libelle, y->libelle, "forfait %s labels", x->id);
        SAME_STR(x->base ? x->base->id : NULL, y->base ? y->base->id : NULL, "forfait %s bases", x->id);
        if (!model_equal_prix(x->prix, y->prix, a->nstrates) ||
            !model_equal_prix(x->prix_premiere, y->prix_premiere, a->nstrates) ||
            x->arrondi.mode != y->arrondi.mode || x->arrondi.sur_total != y->arrondi.sur_total)
            DIFFER("forfait %s: prices differ", x->id);
        for (unsigned s = 0; s < a->nservices; s++) {
            char where[600];
            snprintf(where, sizeof where, "forfait %s, service %s", x->id, a->services[s].id);
            const cdg_cell *xc = cdg_model_cell(a, x, &a->services[s]), *yc = cdg_model_cell(b, y, &b->services[s]);
            if (!model_equal_cells(a, xc, yc, where, why, cap))
                return false;
            if (xc && yc &&
                !model_equal_str(cdg_cell_origine(x, &a->services[s])->id, cdg_cell_origine(y, &b->services[s])->id))
                DIFFER("%s: origin differs", where);
        }
    }
    for (unsigned i = 0; i < a->noptions; i++) {
        const cdg_option *x = &a->options[i], *y = &b->options[i];
        SAME_STR(x->id, y->id, "option %u ids", i);
        SAME_STR(x->libelle, y->libelle, "option %s labels", x->id);
        if (x->tarif != y->tarif || !model_equal_prix(x->montant, y->montant, a->nstrates))
            DIFFER("option %s: pricing differs", x->id);
        if (x->fusionne != y->fusionne)
            DIFFER("option %s: merged in one model, stated per forfait in the other", x->id);
        SAME_STR(model_equal_service_id(x->service), model_equal_service_id(y->service), "option %s services", x->id);
        for (unsigned f = 0; f < a->nforfaits; f++) {
            const cdg_option_cell *p = cdg_option_cell_of(x, f), *q = cdg_option_cell_of(y, f);
            if (p->statut != q->statut || p->texte_explicite != q->texte_explicite)
                DIFFER("option %s, forfait %s: status differs", x->id, a->forfaits[f].id);
            SAME_STR(p->texte, q->texte, "option %s, forfait %s: wordings", x->id, a->forfaits[f].id);
        }
    }
    for (unsigned i = 0; i < a->nexemples; i++) {
        const cdg_exemple *x = &a->exemples[i], *y = &b->exemples[i];
        SAME_STR(x->libelle, y->libelle, "example %u labels", i);
        SAME_STR(x->profil.categorie ? x->profil.categorie->id : NULL,
                 y->profil.categorie ? y->profil.categorie->id : NULL, "example %u categories", i);
        SAME_STR(x->forfait ? x->forfait->id : NULL, y->forfait ? y->forfait->id : NULL,
                 "example %u forfaits", i);
        if (x->profil.mesure != y->profil.mesure)
            DIFFER("example %u: measures differ", i);
        if (x->nattendus != y->nattendus)
            DIFFER("example %u: expectations differ", i);
        for (unsigned j = 0; j < x->nattendus; j++) {
            const cdg_attendu *p = &x->attendus[j], *q = &y->attendus[j];
            if (p->has_strate != q->has_strate ||
                !model_equal_str(model_equal_service_id(p->has_strate ? NULL : p->service),
                                 model_equal_service_id(q->has_strate ? NULL : q->service)) ||
                !model_equal_str(p->has_strate && p->strate ? p->strate->id : NULL,
                                 q->has_strate && q->strate ? q->strate->id : NULL) ||
                p->has_statut != q->has_statut || p->has_quantite != q->has_quantite ||
                (p->has_statut && p->statut != q->statut) ||
                (p->has_quantite && p->quantite != q->quantite))
                DIFFER("example %u: expectations differ", i);
        }
    }
    return true;
}

#undef SAME_STR
#undef DIFFER

#endif
