/* dump_json.c — the whole resolved model as JSON, for web pages and
 * scripts. The schema is docs/dump-json-schema.json (prose: docs/DUMP.md);
 * "version" changes when a key is removed or changes meaning. */
#include "dump_impl.h"

#include "json.h"
#include "money.h"
#include "prix.h"

/* A rounding rule: {"mode": "centime_proche"|"centime_superieur", "sur_total": bool}. */
static void arrondi(cdg_json *w, const cdg_arrondi *r)
{
    cdg_json_begin_object(w, CDG_JSON_INLINE);
    cdg_json_key_str(w, "mode", r->mode == CDG_ARRONDI_SUPERIEUR ? "centime_superieur" : "centime_proche");
    cdg_json_key_bool(w, "sur_total", r->sur_total);
    cdg_json_end(w);
}

/* An amount of ten-thousandths of a euro in the one money shape, or null. */
static void money_or_null(cdg_json *w, bool has, int64_t v)
{
    if (has)
        cdg_money_json_scaled(w, v, 4);
    else
        cdg_json_null(w);
}

/* A price as the file states it (model.h, cdg_prix), every key present:
 * its form, its amount (per unit for par_mesure and par_unite), the
 * counted service, the scale and its tranches, the bounds, and for
 * selon_strate the price of every stratum; null for none. */
static void prix(cdg_json *w, const cdg_model *m, const cdg_prix *p)
{
    static const char *const forme[] = {
        [CDG_PRIX_FIXE] = "fixe", [CDG_PRIX_MESURE] = "par_mesure",
        [CDG_PRIX_UNITE] = "par_unite", [CDG_PRIX_STRATE] = "selon_strate",
    };
    if (!p) {
        cdg_json_null(w);
        return;
    }
    cdg_json_begin_object(w, CDG_JSON_INLINE);
    cdg_json_key_str(w, "forme", forme[p->kind]);
    cdg_json_key(w, "montant");
    money_or_null(w, p->kind != CDG_PRIX_STRATE, p->montant);
    cdg_json_key_str(w, "service", p->kind == CDG_PRIX_UNITE && p->service ? p->service->id : NULL);
    cdg_json_key_str(w, "echelle", !p->tranches ? NULL : p->marginal ? "marginal" : "global");
    cdg_json_key(w, "tranches");
    if (p->tranches) {
        cdg_json_begin_array(w, CDG_JSON_INLINE);
        for (unsigned i = 0; i < p->ntranches; i++) {
            const cdg_tranche *t = &p->tranches[i];
            cdg_json_begin_object(w, CDG_JSON_INLINE);
            cdg_json_key_int(w, "min", t->lo);
            cdg_json_key(w, "max");
            if (t->hi == CDG_OPEN)
                cdg_json_null(w);
            else
                cdg_json_int(w, t->hi);
            cdg_json_key(w, "coefficient");
            cdg_json_decimal(w, t->coef, 4);
            cdg_json_end(w);
        }
        cdg_json_end(w);
    } else
        cdg_json_null(w);
    cdg_json_key(w, "minimum");
    money_or_null(w, p->has_min, p->min);
    cdg_json_key(w, "maximum");
    money_or_null(w, p->has_max, p->max);
    cdg_json_key(w, "par_strate");
    if (p->kind == CDG_PRIX_STRATE) {
        cdg_json_begin_object(w, CDG_JSON_INLINE);
        for (unsigned k = 0; k < m->nstrates; k++) {
            cdg_json_key(w, m->strates[k].id);
            prix(w, m, cdg_prix_pour_strate(p, &m->strates[k]));
        }
        cdg_json_end(w);
    } else
        cdg_json_null(w);
    cdg_json_end(w);
}

/* The offer header; with prices, their year and the rounding rule. */
static void offre(cdg_json *w, const cdg_model *m)
{
    cdg_json_key(w, "offre");
    cdg_json_begin_object(w, CDG_JSON_INLINE);
    cdg_json_key_str(w, "id", m->id);
    cdg_json_key_str(w, "libelle", m->libelle);
    cdg_json_key_str(w, "editeur", m->editeur);
    cdg_json_key_str(w, "edition", m->edition);
    cdg_json_key_str(w, "chevauchement",
                     m->chevauchement == CDG_CHEVAUCHEMENT_PREMIERE ? "premiere" : "derniere");
    if (m->has_prix) {
        cdg_json_key(w, "millesime");
        if (m->millesime > 0)
            cdg_json_int(w, m->millesime);
        else
            cdg_json_null(w);
        cdg_json_key(w, "arrondi");
        arrondi(w, &m->arrondi);
    }
    cdg_json_end(w);
}

/* Categories with their measure. */
static void categories(cdg_json *w, const cdg_model *m)
{
    cdg_json_key(w, "categories");
    cdg_json_begin_array(w, CDG_JSON_LINES);
    for (unsigned i = 0; i < m->ncategories; i++) {
        const cdg_categorie *k = &m->categories[i];
        cdg_json_begin_object(w, CDG_JSON_INLINE);
        cdg_json_key_str(w, "id", k->id);
        cdg_json_key_str(w, "libelle", k->libelle);
        cdg_json_key_str(w, "mesure", k->mesure);
        cdg_json_end(w);
    }
    cdg_json_end(w);
}

/* Per-stratum quantities as an object keyed by stratum id: a service's own
 * table v, or the resolved quantities of a cell; null when neither. */
static void par_strate(cdg_json *w, const cdg_model *m, const int64_t *v, const cdg_cell *cell)
{
    if (!v && !cell) {
        cdg_json_null(w);
        return;
    }
    cdg_json_begin_object(w, CDG_JSON_INLINE);
    for (unsigned k = 0; k < m->nstrates; k++)
        cdg_json_key_int(w, m->strates[k].id, v ? v[k] : cdg_cell_quantity(cell, &m->strates[k]));
    cdg_json_end(w);
}

/* Strata with the range they take of each category. */
static void strates(cdg_json *w, const cdg_model *m)
{
    cdg_json_key(w, "strates");
    cdg_json_begin_array(w, CDG_JSON_LINES);
    for (unsigned i = 0; i < m->nstrates; i++) {
        const cdg_strate *k = &m->strates[i];
        cdg_json_begin_object(w, CDG_JSON_INLINE);
        cdg_json_key_str(w, "id", k->id);
        cdg_json_key_str(w, "libelle", k->libelle);
        cdg_json_key(w, "membres");
        cdg_json_begin_array(w, CDG_JSON_LINES_AT(6));
        for (unsigned j = 0; j < m->ncategories; j++) {
            const cdg_member *mb = &k->members[j];
            if (mb->kind == CDG_MEMBER_NONE)
                continue;
            cdg_json_begin_object(w, CDG_JSON_INLINE);
            cdg_json_key_str(w, "categorie", m->categories[j].id);
            cdg_json_key_bool(w, "tous", mb->kind == CDG_MEMBER_ALL);
            cdg_json_key(w, "min");
            if (mb->kind == CDG_MEMBER_ALL)
                cdg_json_null(w);
            else
                cdg_json_int(w, mb->lo);
            cdg_json_key(w, "max");
            if (mb->kind == CDG_MEMBER_ALL || mb->hi == CDG_OPEN)
                cdg_json_null(w);
            else
                cdg_json_int(w, mb->hi);
            cdg_json_end(w);
        }
        cdg_json_end(w);
        cdg_json_end(w);
    }
    cdg_json_end(w);
}

/* Numbered footnotes. */
static void notes(cdg_json *w, const cdg_model *m)
{
    cdg_json_key(w, "notes");
    cdg_json_begin_array(w, CDG_JSON_LINES);
    for (unsigned i = 0; i < m->nnotes; i++) {
        const cdg_note *n = &m->notes[i];
        cdg_json_begin_object(w, CDG_JSON_INLINE);
        cdg_json_key_str(w, "id", n->id);
        cdg_json_key_int(w, "numero", n->number);
        cdg_json_key_str(w, "texte", n->texte);
        cdg_json_end(w);
    }
    cdg_json_end(w);
}

/* Rubriques with their services' ids. */
static void rubriques(cdg_json *w, const cdg_model *m)
{
    cdg_json_key(w, "rubriques");
    cdg_json_begin_array(w, CDG_JSON_LINES);
    for (unsigned i = 0; i < m->nrubriques; i++) {
        const cdg_rubrique *r = &m->rubriques[i];
        cdg_json_begin_object(w, CDG_JSON_INLINE);
        cdg_json_key_str(w, "id", r->id);
        cdg_json_key_str(w, "libelle", r->libelle);
        cdg_json_key(w, "services");
        cdg_json_begin_array(w, CDG_JSON_INLINE);
        for (unsigned s = r->first; s < r->first + r->count; s++)
            cdg_json_str(w, m->services[s].id);
        cdg_json_end(w);
        cdg_json_end(w);
    }
    cdg_json_end(w);
}

/* Services with unit, strata heading, note and own quantities. */
static void services(cdg_json *w, const cdg_model *m)
{
    cdg_json_key(w, "services");
    cdg_json_begin_array(w, CDG_JSON_LINES);
    for (unsigned i = 0; i < m->nservices; i++) {
        const cdg_service *s = &m->services[i];
        cdg_json_begin_object(w, CDG_JSON_INLINE);
        cdg_json_key_str(w, "id", s->id);
        cdg_json_key_str(w, "libelle", s->libelle);
        cdg_json_key_str(w, "rubrique", s->rubrique ? s->rubrique->id : NULL);
        cdg_json_key_str(w, "unite", s->unite);
        cdg_json_key_str(w, "colonne", s->colonne);
        cdg_json_key_str(w, "note", s->note ? s->note->id : NULL);
        cdg_json_key(w, "par_strate");
        par_strate(w, m, s->par_strate, NULL);
        cdg_json_end(w);
    }
    cdg_json_end(w);
}

/* One cell: status, quantity (kind, fixed value, resolved value in every
 * stratum), attached quantities, wording. */
static void cellule(cdg_json *w, const cdg_model *m, const cdg_service *s, const cdg_cell *cell)
{
    static const char *const qte[] = {"aucune", "fixe", "strate"};
    cdg_json_begin_object(w, CDG_JSON_INLINE);
    cdg_json_key_str(w, "service", s->id);
    cdg_json_key_str(w, "statut", cdg_statut_name(cell->statut));
    cdg_json_key_str(w, "qte", qte[cell->qte]);
    cdg_json_key(w, "quantite");
    if (cell->qte == CDG_QTE_FIXE)
        cdg_json_int(w, cell->quantite);
    else
        cdg_json_null(w);
    cdg_json_key(w, "par_strate");
    par_strate(w, m, NULL, cell->qte == CDG_QTE_AUCUNE ? NULL : cell);
    cdg_json_key_str(w, "unite", cell->qte == CDG_QTE_AUCUNE ? NULL : s->unite);
    cdg_json_key(w, "attaches");
    cdg_json_begin_array(w, CDG_JSON_INLINE);
    for (const cdg_attache *a = cell->attaches; a; a = a->next) {
        cdg_json_begin_object(w, CDG_JSON_INLINE);
        cdg_json_key_str(w, "service", a->service->id);
        cdg_json_key_int(w, "quantite", a->quantite);
        cdg_json_key_str(w, "unite", a->service->unite);
        cdg_json_end(w);
    }
    cdg_json_end(w);
    cdg_json_key_str(w, "texte", cell->texte);
    cdg_json_key_bool(w, "texte_explicite", cell->texte_explicite);
    cdg_json_end(w);
}

/* Forfaits with one resolved cell per service. */
static void forfaits(cdg_json *w, const cdg_model *m)
{
    cdg_json_key(w, "forfaits");
    cdg_json_begin_array(w, CDG_JSON_LINES);
    for (unsigned f = 0; f < m->nforfaits; f++) {
        const cdg_forfait *ff = &m->forfaits[f];
        cdg_json_begin_object(w, CDG_JSON_INLINE);
        cdg_json_key_str(w, "id", ff->id);
        cdg_json_key_str(w, "libelle", ff->libelle);
        cdg_json_key_str(w, "base", ff->base ? ff->base->id : NULL);
        cdg_json_key(w, "cellules");
        cdg_json_begin_array(w, CDG_JSON_LINES);
        for (unsigned i = 0; i < m->nservices; i++)
            cellule(w, m, &m->services[i], cdg_model_cell(m, ff, &m->services[i]));
        cdg_json_end(w);
        if (m->has_prix) {
            cdg_json_key(w, "prix");
            prix(w, m, ff->prix);
            cdg_json_key(w, "prix_premiere_annee");
            prix(w, m, ff->prix_premiere);
            cdg_json_key(w, "arrondi");
            arrondi(w, &ff->arrondi);
        }
        cdg_json_end(w);
    }
    cdg_json_end(w);
}

/* Options with price, merge flag and one cell per forfait. */
static void options(cdg_json *w, const cdg_model *m)
{
    cdg_json_key(w, "options");
    cdg_json_begin_array(w, CDG_JSON_LINES);
    for (unsigned i = 0; i < m->noptions; i++) {
        const cdg_option *o = &m->options[i];
        cdg_json_begin_object(w, CDG_JSON_INLINE);
        cdg_json_key_str(w, "id", o->id);
        cdg_json_key_str(w, "libelle", o->libelle);
        cdg_json_key_str(w, "tarif", cdg_tarif_name(o->tarif));
        cdg_json_key_str(w, "service", o->service ? o->service->id : NULL);
        cdg_json_key(w, "montant");
        if (o->montant && o->montant->kind == CDG_PRIX_FIXE)
            cdg_money_json_scaled(w, o->montant->montant, 4);
        else
            cdg_json_null(w);
        if (m->has_prix) {
            cdg_json_key(w, "montant_par_strate");
            if (o->montant && o->montant->kind == CDG_PRIX_STRATE) {
                cdg_json_begin_object(w, CDG_JSON_INLINE);
                for (unsigned k = 0; k < m->nstrates; k++) {
                    const cdg_prix *p = cdg_prix_pour_strate(o->montant, &m->strates[k]);
                    cdg_json_key(w, m->strates[k].id);
                    money_or_null(w, p != NULL, p ? p->montant : 0);
                }
                cdg_json_end(w);
            } else
                cdg_json_null(w);
        }
        cdg_json_key_bool(w, "fusionne", o->fusionne);
        cdg_json_key(w, "cellules");
        cdg_json_begin_array(w, CDG_JSON_LINES);
        for (unsigned f = 0; f < m->nforfaits; f++) {
            const cdg_option_cell *oc = cdg_option_cell_of(o, f);
            cdg_json_begin_object(w, CDG_JSON_INLINE);
            cdg_json_key_str(w, "forfait", m->forfaits[f].id);
            cdg_json_key_str(w, "statut", cdg_statut_name(oc->statut));
            cdg_json_key_str(w, "texte", oc->texte);
            cdg_json_key_bool(w, "texte_explicite", oc->texte_explicite);
            cdg_json_end(w);
        }
        cdg_json_end(w);
        cdg_json_end(w);
    }
    cdg_json_end(w);
}

/* The document: format tag and version first, then the model. */
void cdg_dump_json(cdg_dump_ctx *c)
{
    cdg_json w;
    cdg_json_init(&w, c->out, CDG_JSON_PRETTY);
    cdg_json_begin_object(&w, CDG_JSON_LINES);
    cdg_json_key_str(&w, "format", "cdgrules-dump");
    cdg_json_key_int(&w, "version", 1);
    offre(&w, c->m);
    categories(&w, c->m);
    strates(&w, c->m);
    notes(&w, c->m);
    rubriques(&w, c->m);
    services(&w, c->m);
    forfaits(&w, c->m);
    options(&w, c->m);
    cdg_json_end(&w);
}
