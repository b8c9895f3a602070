/* dump_json.c — the whole resolved model as JSON, for web pages and
 * scripts. The schema is docs/dump-json-schema.json (prose: docs/DUMP.md);
 * "version" changes when a key is removed or changes meaning. */
#include "dump_impl.h"

#include <inttypes.h>

#include "json.h"

#define STR(s) cdg_json_string(out, (s))

/* A member's id or null. */
static void id_or_null(FILE *out, const char *id)
{
    if (id)
        STR(id);
    else
        fputs("null", out);
}

/* The offer header. */
static void offre(cdg_dump_ctx *c)
{
    FILE *out = c->out;
    const cdg_model *m = c->m;
    fputs("  \"offre\": {\"id\": ", out);
    STR(m->id);
    fputs(", \"libelle\": ", out);
    STR(m->libelle);
    fputs(", \"editeur\": ", out);
    STR(m->editeur);
    fputs(", \"edition\": ", out);
    STR(m->edition);
    fprintf(out, ", \"chevauchement\": \"%s\"},\n",
            m->chevauchement == CDG_CHEVAUCHEMENT_PREMIERE ? "premiere" : "derniere");
}

/* Categories with their measure. */
static void categories(cdg_dump_ctx *c)
{
    FILE *out = c->out;
    fputs("  \"categories\": [", out);
    for (unsigned i = 0; i < c->m->ncategories; i++) {
        const cdg_categorie *k = &c->m->categories[i];
        fputs(i ? ",\n    {\"id\": " : "\n    {\"id\": ", out);
        STR(k->id);
        fputs(", \"libelle\": ", out);
        STR(k->libelle);
        fputs(", \"mesure\": ", out);
        STR(k->mesure);
        fputc('}', out);
    }
    fputs(c->m->ncategories ? "\n  ],\n" : "],\n", out);
}

/* Per-stratum quantities as an object keyed by stratum id. */
static void par_strate(cdg_dump_ctx *c, const int64_t *v)
{
    FILE *out = c->out;
    if (!v) {
        fputs("null", out);
        return;
    }
    fputc('{', out);
    for (unsigned k = 0; k < c->m->nstrates; k++) {
        if (k)
            fputs(", ", out);
        STR(c->m->strates[k].id);
        fprintf(out, ": %" PRId64, v[k]);
    }
    fputc('}', out);
}

/* Strata with the range they take of each category. */
static void strates(cdg_dump_ctx *c)
{
    FILE *out = c->out;
    const cdg_model *m = c->m;
    fputs("  \"strates\": [", out);
    for (unsigned i = 0; i < m->nstrates; i++) {
        const cdg_strate *k = &m->strates[i];
        fputs(i ? ",\n    {\"id\": " : "\n    {\"id\": ", out);
        STR(k->id);
        fputs(", \"libelle\": ", out);
        STR(k->libelle);
        fputs(", \"membres\": [", out);
        bool first = true;
        for (unsigned j = 0; j < m->ncategories; j++) {
            const cdg_member *mb = &k->members[j];
            if (mb->kind == CDG_MEMBER_NONE)
                continue;
            fputs(first ? "\n      {\"categorie\": " : ",\n      {\"categorie\": ", out);
            first = false;
            STR(m->categories[j].id);
            if (mb->kind == CDG_MEMBER_ALL)
                fputs(", \"tous\": true, \"min\": null, \"max\": null}", out);
            else if (mb->hi == CDG_OPEN)
                fprintf(out, ", \"tous\": false, \"min\": %" PRId64 ", \"max\": null}", mb->lo);
            else
                fprintf(out, ", \"tous\": false, \"min\": %" PRId64 ", \"max\": %" PRId64 "}", mb->lo, mb->hi);
        }
        fputs(first ? "]}" : "\n    ]}", out);
    }
    fputs(m->nstrates ? "\n  ],\n" : "],\n", out);
}

/* Numbered footnotes. */
static void notes(cdg_dump_ctx *c)
{
    FILE *out = c->out;
    fputs("  \"notes\": [", out);
    for (unsigned i = 0; i < c->m->nnotes; i++) {
        const cdg_note *n = &c->m->notes[i];
        fputs(i ? ",\n    {\"id\": " : "\n    {\"id\": ", out);
        STR(n->id);
        fprintf(out, ", \"numero\": %u, \"texte\": ", n->number);
        STR(n->texte);
        fputc('}', out);
    }
    fputs(c->m->nnotes ? "\n  ],\n" : "],\n", out);
}

/* Rubriques with their services' ids. */
static void rubriques(cdg_dump_ctx *c)
{
    FILE *out = c->out;
    const cdg_model *m = c->m;
    fputs("  \"rubriques\": [", out);
    for (unsigned i = 0; i < m->nrubriques; i++) {
        const cdg_rubrique *r = &m->rubriques[i];
        fputs(i ? ",\n    {\"id\": " : "\n    {\"id\": ", out);
        STR(r->id);
        fputs(", \"libelle\": ", out);
        STR(r->libelle);
        fputs(", \"services\": [", out);
        for (unsigned s = r->first; s < r->first + r->count; s++) {
            if (s > r->first)
                fputs(", ", out);
            STR(m->services[s].id);
        }
        fputs("]}", out);
    }
    fputs(m->nrubriques ? "\n  ],\n" : "],\n", out);
}

/* Services with unit, strata heading, note and own quantities. */
static void services(cdg_dump_ctx *c)
{
    FILE *out = c->out;
    const cdg_model *m = c->m;
    fputs("  \"services\": [", out);
    for (unsigned i = 0; i < m->nservices; i++) {
        const cdg_service *s = &m->services[i];
        fputs(i ? ",\n    {\"id\": " : "\n    {\"id\": ", out);
        STR(s->id);
        fputs(", \"libelle\": ", out);
        STR(s->libelle);
        fputs(", \"rubrique\": ", out);
        id_or_null(out, s->rubrique ? s->rubrique->id : NULL);
        fputs(", \"unite\": ", out);
        STR(s->unite);
        fputs(", \"colonne\": ", out);
        STR(s->colonne);
        fputs(", \"note\": ", out);
        id_or_null(out, s->note ? s->note->id : NULL);
        fputs(", \"par_strate\": ", out);
        par_strate(c, s->par_strate);
        fputc('}', out);
    }
    fputs(m->nservices ? "\n  ],\n" : "],\n", out);
}

/* One cell: status, quantity (kind, fixed value, resolved value in every
 * stratum), attached quantities, wording. */
static void cellule(cdg_dump_ctx *c, const cdg_service *s, const cdg_cell *cell)
{
    static const char *const qte[] = {"aucune", "fixe", "strate"};
    FILE *out = c->out;
    const cdg_model *m = c->m;
    fputs("\n        {\"service\": ", out);
    STR(s->id);
    fprintf(out, ", \"statut\": \"%s\", \"qte\": \"%s\", \"quantite\": ", cdg_statut_name(cell->statut),
            qte[cell->qte]);
    if (cell->qte == CDG_QTE_FIXE)
        fprintf(out, "%" PRId64, cell->quantite);
    else
        fputs("null", out);
    fputs(", \"par_strate\": ", out);
    if (cell->qte == CDG_QTE_AUCUNE)
        fputs("null", out);
    else {
        fputc('{', out);
        for (unsigned k = 0; k < m->nstrates; k++) {
            if (k)
                fputs(", ", out);
            STR(m->strates[k].id);
            fprintf(out, ": %" PRId64, cdg_cell_quantity(cell, &m->strates[k]));
        }
        fputc('}', out);
    }
    fputs(", \"unite\": ", out);
    STR(cell->qte == CDG_QTE_AUCUNE ? NULL : s->unite);
    fputs(", \"attaches\": [", out);
    for (const cdg_attache *a = cell->attaches; a; a = a->next) {
        fputs(a == cell->attaches ? "{\"service\": " : ", {\"service\": ", out);
        STR(a->service->id);
        fprintf(out, ", \"quantite\": %" PRId64 ", \"unite\": ", a->quantite);
        STR(a->service->unite);
        fputc('}', out);
    }
    fputs("], \"texte\": ", out);
    STR(cell->texte);
    fprintf(out, ", \"texte_explicite\": %s}", cell->texte_explicite ? "true" : "false");
}

/* Forfaits with one resolved cell per service. */
static void forfaits(cdg_dump_ctx *c)
{
    FILE *out = c->out;
    const cdg_model *m = c->m;
    fputs("  \"forfaits\": [", out);
    for (unsigned f = 0; f < m->nforfaits; f++) {
        const cdg_forfait *ff = &m->forfaits[f];
        fputs(f ? ",\n    {\"id\": " : "\n    {\"id\": ", out);
        STR(ff->id);
        fputs(", \"libelle\": ", out);
        STR(ff->libelle);
        fputs(", \"base\": ", out);
        id_or_null(out, ff->base ? ff->base->id : NULL);
        fputs(", \"cellules\": [", out);
        for (unsigned i = 0; i < m->nservices; i++) {
            if (i)
                fputc(',', out);
            cellule(c, &m->services[i], cdg_model_cell(m, ff, &m->services[i]));
        }
        fputs(m->nservices ? "\n      ]}" : "]}", out);
    }
    fputs(m->nforfaits ? "\n  ],\n" : "],\n", out);
}

/* Options with price, merge flag and one cell per forfait. */
static void options(cdg_dump_ctx *c)
{
    FILE *out = c->out;
    const cdg_model *m = c->m;
    fputs("  \"options\": [", out);
    for (unsigned i = 0; i < m->noptions; i++) {
        const cdg_option *o = &m->options[i];
        fputs(i ? ",\n    {\"id\": " : "\n    {\"id\": ", out);
        STR(o->id);
        fputs(", \"libelle\": ", out);
        STR(o->libelle);
        fprintf(out, ", \"tarif\": \"%s\", \"service\": ", cdg_tarif_name(o->tarif));
        id_or_null(out, o->service ? o->service->id : NULL);
        fputs(", \"montant\": ", out);
        if (o->has_montant)
            fprintf(out, "{\"centimes\": %" PRId64 ", \"devise\": \"EUR\"}", o->montant);
        else
            fputs("null", out);
        fprintf(out, ", \"fusionne\": %s, \"cellules\": [", cdg_dump_option_merged(m, o) ? "true" : "false");
        for (unsigned f = 0; f < m->nforfaits; f++) {
            const cdg_option_cell *oc = &o->cells[f];
            fputs(f ? ",\n        {\"forfait\": " : "\n        {\"forfait\": ", out);
            STR(m->forfaits[f].id);
            fprintf(out, ", \"statut\": \"%s\", \"texte\": ", cdg_statut_name(oc->statut));
            STR(oc->texte);
            fprintf(out, ", \"texte_explicite\": %s}", oc->texte_explicite ? "true" : "false");
        }
        fputs(m->nforfaits ? "\n      ]}" : "]}", out);
    }
    fputs(m->noptions ? "\n  ]\n" : "]\n", out);
}

/* The document: format tag and version first, then the model. */
void cdg_dump_json(cdg_dump_ctx *c)
{
    fputs("{\n  \"format\": \"cdgrules-dump\",\n  \"version\": 1,\n", c->out);
    offre(c);
    categories(c);
    strates(c);
    notes(c);
    rubriques(c);
    services(c);
    forfaits(c);
    options(c);
    fputs("}\n", c->out);
}
