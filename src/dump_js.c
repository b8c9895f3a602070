/* dump_js.c — the offer as an ES module (`--format js`): the resolved
 * model as one JavaScript object literal, then the evaluator
 * (src/sim/evaluateur.js, compiled in) that answers strate(profil),
 * query(profil, forfait) and which(profil, besoins) with the same JSON
 * shapes as `cdgrules strate|query|which --json`. The simulator page
 * (dump_sim.c) embeds the same model and the same evaluator.
 *
 * The model is written section by section from one table (`sections`);
 * each section is one key of the object. Cells equal in every respect are
 * written once ("cellules") and the forfaits refer to them by index, so a
 * 10,000-service offer stays a few hundred kilobytes. */
#include "dump_impl.h"

#include <inttypes.h>
#include <string.h>

#include "prix.h"
#include "sim_assets.h"

/* The model being written: the output buffer, and the deduplicated cells. */
typedef struct js_model {
    cdg_dump_ctx *c;
    cdg_buf *b;
    const char **cells;      /* distinct serialized cells, by index */
    unsigned ncells;
    unsigned **of_forfait;   /* per forfait, per service: index into cells */
} js_model;

/* Appends s as a JSON string that is also safe inside an HTML <script>:
 * '<' is written \u003c, so no "</script>" or "<!--" can appear. */
static void js_str(cdg_buf *b, const char *s)
{
    if (!s) {
        cdg_buf_puts(b, "null");
        return;
    }
    cdg_buf_putc(b, '"');
    for (; *s; s++) {
        unsigned char ch = (unsigned char)*s;
        if (ch == '"' || ch == '\\') {
            cdg_buf_putc(b, '\\');
            cdg_buf_putc(b, (char)ch);
        } else if (ch == '\n')
            cdg_buf_puts(b, "\\n");
        else if (ch < 0x20 || ch == '<')
            cdg_buf_printf(b, "\\u%04x", ch);
        else
            cdg_buf_putc(b, (char)ch);
    }
    cdg_buf_putc(b, '"');
}

/* An integer, or null for an open bound. */
static void js_int(cdg_buf *b, int64_t v)
{
    if (v == CDG_OPEN)
        cdg_buf_puts(b, "null");
    else
        cdg_buf_printf(b, "%" PRId64, v);
}

/* An integer of the model's prices: a JSON number while a double holds it
 * exactly (|v| < 2^53), a string beyond; the evaluator reads either with
 * BigInt. */
static void js_big(cdg_buf *b, int64_t v)
{
    if (v > -(INT64_C(1) << 53) && v < (INT64_C(1) << 53))
        cdg_buf_printf(b, "%" PRId64, v);
    else
        cdg_buf_printf(b, "\"%" PRId64 "\"", v);
}

/* "offre": the header of the offer and its overlap rule. */
static void sec_offre(js_model *j)
{
    const cdg_model *m = j->c->m;
    cdg_buf *b = j->b;
    cdg_buf_puts(b, "{\"id\":");
    js_str(b, m->id);
    cdg_buf_puts(b, ",\"libelle\":");
    js_str(b, m->libelle ? m->libelle : m->id);
    cdg_buf_puts(b, ",\"editeur\":");
    js_str(b, m->editeur);
    cdg_buf_puts(b, ",\"edition\":");
    js_str(b, m->edition);
    cdg_buf_printf(b, ",\"chevauchement\":\"%s\"}",
                   m->chevauchement == CDG_CHEVAUCHEMENT_PREMIERE ? "premiere" : "derniere");
}

/* "categories": [{id, libelle, mesure}]. */
static void sec_categories(js_model *j)
{
    const cdg_model *m = j->c->m;
    cdg_buf *b = j->b;
    cdg_buf_putc(b, '[');
    for (unsigned i = 0; i < m->ncategories; i++) {
        cdg_buf_puts(b, i ? ",\n{\"id\":" : "{\"id\":");
        js_str(b, m->categories[i].id);
        cdg_buf_puts(b, ",\"libelle\":");
        js_str(b, m->categories[i].libelle ? m->categories[i].libelle : m->categories[i].id);
        cdg_buf_puts(b, ",\"mesure\":");
        js_str(b, m->categories[i].mesure);
        cdg_buf_putc(b, '}');
    }
    cdg_buf_putc(b, ']');
}

/* "strates": [{id, libelle, membres: one per category: null (not taken),
 * true (taken whole) or [min, max|null]}]. */
static void sec_strates(js_model *j)
{
    const cdg_model *m = j->c->m;
    cdg_buf *b = j->b;
    cdg_buf_putc(b, '[');
    for (unsigned k = 0; k < m->nstrates; k++) {
        const cdg_strate *s = &m->strates[k];
        cdg_buf_puts(b, k ? ",\n{\"id\":" : "{\"id\":");
        js_str(b, s->id);
        cdg_buf_puts(b, ",\"libelle\":");
        js_str(b, s->libelle);
        cdg_buf_puts(b, ",\"membres\":[");
        for (unsigned i = 0; i < m->ncategories; i++) {
            const cdg_member *mb = &s->members[i];
            if (i)
                cdg_buf_putc(b, ',');
            if (mb->kind == CDG_MEMBER_ALL)
                cdg_buf_puts(b, "true");
            else if (mb->kind == CDG_MEMBER_RANGE) {
                cdg_buf_putc(b, '[');
                js_int(b, mb->lo);
                cdg_buf_putc(b, ',');
                js_int(b, mb->hi);
                cdg_buf_putc(b, ']');
            } else
                cdg_buf_puts(b, "null");
        }
        cdg_buf_puts(b, "]}");
    }
    cdg_buf_putc(b, ']');
}

/* "rubriques": [{id, libelle}]. */
static void sec_rubriques(js_model *j)
{
    const cdg_model *m = j->c->m;
    cdg_buf *b = j->b;
    cdg_buf_putc(b, '[');
    for (unsigned i = 0; i < m->nrubriques; i++) {
        cdg_buf_puts(b, i ? ",{\"id\":" : "{\"id\":");
        js_str(b, m->rubriques[i].id);
        cdg_buf_puts(b, ",\"libelle\":");
        js_str(b, m->rubriques[i].libelle);
        cdg_buf_putc(b, '}');
    }
    cdg_buf_putc(b, ']');
}

/* "notes": [texte], numbered from 1 in this order. */
static void sec_notes(js_model *j)
{
    const cdg_model *m = j->c->m;
    cdg_buf_putc(j->b, '[');
    for (unsigned i = 0; i < m->nnotes; i++) {
        if (i)
            cdg_buf_putc(j->b, ',');
        js_str(j->b, m->notes[i].texte);
    }
    cdg_buf_putc(j->b, ']');
}

/* "services": [[id, libelle, rubrique index|-1, unite|null, unite's
 * plural|null, note index|-1]] — arrays, not objects: a large offer has
 * thousands. */
static void sec_services(js_model *j)
{
    const cdg_model *m = j->c->m;
    cdg_buf *b = j->b;
    cdg_buf_putc(b, '[');
    for (unsigned i = 0; i < m->nservices; i++) {
        const cdg_service *s = &m->services[i];
        cdg_buf_puts(b, i ? ",\n[" : "[");
        js_str(b, s->id);
        cdg_buf_putc(b, ',');
        js_str(b, s->libelle);
        cdg_buf_printf(b, ",%d,", s->rubrique ? (int)s->rubrique->index : -1);
        js_str(b, s->unite);
        cdg_buf_putc(b, ',');
        js_str(b, s->unite ? s->unite_pluriel : NULL);
        cdg_buf_printf(b, ",%d]", s->note ? (int)(s->note->number - 1) : -1);
    }
    cdg_buf_putc(b, ']');
}

/* A cell as [statut, quantity, texte, attaches]: the status is an index
 * into the evaluator's STATUTS; the quantity null (not counted), an
 * integer (fixed) or one integer per stratum; attaches [[service index,
 * quantity]]. */
static const char *serialize_cell(cdg_arena *a, const cdg_model *m, const cdg_cell *cell)
{
    cdg_buf b;
    cdg_buf_init(&b, a);
    cdg_buf_printf(&b, "[%d,", (int)cell->statut);
    if (cell->qte == CDG_QTE_FIXE)
        cdg_buf_printf(&b, "%" PRId64, cell->quantite);
    else if (cell->qte == CDG_QTE_STRATE && cell->par_strate) {
        cdg_buf_putc(&b, '[');
        for (unsigned k = 0; k < m->nstrates; k++)
            cdg_buf_printf(&b, "%s%" PRId64, k ? "," : "", cdg_cell_quantity(cell, &m->strates[k]));
        cdg_buf_putc(&b, ']');
    } else
        cdg_buf_puts(&b, "null");
    cdg_buf_putc(&b, ',');
    js_str(&b, cell->texte);
    cdg_buf_puts(&b, ",[");
    for (const cdg_attache *at = cell->attaches; at; at = at->next)
        cdg_buf_printf(&b, "%s[%u,%" PRId64 "]", at == cell->attaches ? "" : ",", at->service->index,
                       at->quantite);
    cdg_buf_puts(&b, "]]");
    return cdg_buf_str(&b);
}

/* FNV-1a of a string: the hash of the cell table. */
static uint64_t hash_str(const char *s)
{
    uint64_t h = UINT64_C(14695981039346656037);
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * UINT64_C(1099511628211);
    return h;
}

/* Serializes every cell of every forfait and numbers the distinct ones
 * (an open-addressing table of twice the cells' count). */
static void dedup_cells(js_model *j)
{
    const cdg_model *m = j->c->m;
    cdg_arena *a = j->c->arena;
    size_t total = (size_t)m->nforfaits * m->nservices;
    size_t cap = 16;
    while (cap < 2 * total)
        cap *= 2;
    unsigned *slot = cdg_arena_calloc(a, cap, sizeof *slot);   /* index + 1; 0 = empty */
    j->cells = cdg_arena_calloc(a, total + 1, sizeof *j->cells);
    j->of_forfait = cdg_arena_calloc(a, m->nforfaits + 1, sizeof *j->of_forfait);
    for (unsigned f = 0; f < m->nforfaits; f++) {
        j->of_forfait[f] = cdg_arena_calloc(a, m->nservices + 1, sizeof **j->of_forfait);
        for (unsigned s = 0; s < m->nservices; s++) {
            const char *text = serialize_cell(a, m, cdg_model_cell(m, &m->forfaits[f], &m->services[s]));
            size_t h = (size_t)hash_str(text) & (cap - 1);
            while (slot[h] && strcmp(j->cells[slot[h] - 1], text) != 0)
                h = (h + 1) & (cap - 1);
            if (!slot[h]) {
                j->cells[j->ncells] = text;
                slot[h] = ++j->ncells;
            }
            j->of_forfait[f][s] = slot[h] - 1;
        }
    }
}

/* "cellules": the distinct cells. */
static void sec_cellules(js_model *j)
{
    cdg_buf_putc(j->b, '[');
    for (unsigned i = 0; i < j->ncells; i++) {
        cdg_buf_puts(j->b, i ? ",\n" : "");
        cdg_buf_puts(j->b, j->cells[i]);
    }
    cdg_buf_putc(j->b, ']');
}

/* The provenance letter of a cell: 'e' stated by the forfait, 'b'
 * inherited from its base, 'd' by its `defaut:`. */
static char provenance_letter(unsigned char p)
{
    return p == CDG_PROV_BASE ? 'b' : p == CDG_PROV_DEFAUT ? 'd' : 'e';
}

/* "forfaits": [{id, libelle, base index|-1, cellules: [cell index per
 * service], provenance: one letter per service}]. */
static void sec_forfaits(js_model *j)
{
    const cdg_model *m = j->c->m;
    cdg_buf *b = j->b;
    cdg_buf_putc(b, '[');
    for (unsigned f = 0; f < m->nforfaits; f++) {
        const cdg_forfait *fo = &m->forfaits[f];
        cdg_buf_puts(b, f ? ",\n{\"id\":" : "{\"id\":");
        js_str(b, fo->id);
        cdg_buf_puts(b, ",\"libelle\":");
        js_str(b, fo->libelle);
        cdg_buf_printf(b, ",\"base\":%d,\"cellules\":[", fo->base ? (int)fo->base->index : -1);
        for (unsigned s = 0; s < m->nservices; s++)
            cdg_buf_printf(b, "%s%u", s ? "," : "", j->of_forfait[f][s]);
        cdg_buf_puts(b, "],\"provenance\":\"");
        for (unsigned s = 0; s < m->nservices; s++)
            cdg_buf_putc(b, provenance_letter(cdg_cell_provenance(fo, &m->services[s])));
        cdg_buf_puts(b, "\"}");
    }
    cdg_buf_putc(b, ']');
}

/* "options": [{id, libelle, tarif, service index|-1, montant (ten-thousandths
 * of a euro, or an array of them per stratum)|null,
 * montant_texte (French notation, with its unit)|null, fusionne,
 * cellules: [[statut, texte]] per forfait}]. */
static void sec_options(js_model *j)
{
    const cdg_model *m = j->c->m;
    cdg_buf *b = j->b;
    cdg_buf_putc(b, '[');
    for (unsigned i = 0; i < m->noptions; i++) {
        const cdg_option *o = &m->options[i];
        cdg_buf_puts(b, i ? ",\n{\"id\":" : "{\"id\":");
        js_str(b, o->id);
        cdg_buf_puts(b, ",\"libelle\":");
        js_str(b, o->libelle);
        cdg_buf_printf(b, ",\"tarif\":\"%s\",\"service\":%d,\"montant\":", cdg_tarif_name(o->tarif),
                       o->service ? (int)o->service->index : -1);
        if (o->montant && o->montant->kind == CDG_PRIX_FIXE)
            js_big(b, o->montant->montant);
        else if (o->montant) {   /* per stratum */
            for (unsigned k = 0; k < m->nstrates; k++) {
                const cdg_prix *p = cdg_prix_pour_strate(o->montant, &m->strates[k]);
                cdg_buf_puts(b, k ? "," : "[");
                if (p)
                    js_big(b, p->montant);
                else
                    cdg_buf_puts(b, "null");
            }
            cdg_buf_putc(b, ']');
        } else
            cdg_buf_puts(b, "null");
        cdg_buf_puts(b, ",\"montant_texte\":");
        js_str(b, o->montant ? cdg_dump_montant(j->c, o) : NULL);
        cdg_buf_printf(b, ",\"fusionne\":%s,\"cellules\":[", o->fusionne ? "true" : "false");
        for (unsigned f = 0; f < m->nforfaits; f++) {
            cdg_buf_printf(b, "%s[%d,", f ? "," : "", (int)cdg_option_cell_of(o, f)->statut);
            js_str(b, cdg_option_cell_of(o, f)->texte);
            cdg_buf_putc(b, ']');
        }
        cdg_buf_puts(b, "]}");
    }
    cdg_buf_putc(b, ']');
}

/* A price expression: {type: "fixe"|"mesure"|"unite", montant, min|null,
 * max|null, and for "unite" service index, marginal, tranches [[lo,
 * hi|null, coef]]|null}, or {type: "strate", par_strate: [expr|null]};
 * amounts in ten-thousandths of a euro, coefficients in ten-thousandths. */
static void js_prix(cdg_buf *b, const cdg_model *m, const cdg_prix *p)
{
    static const char *const types[] = {"fixe", "mesure", "unite", "strate"};
    if (!p) {
        cdg_buf_puts(b, "null");
        return;
    }
    cdg_buf_printf(b, "{\"type\":\"%s\"", types[p->kind]);
    if (p->kind == CDG_PRIX_STRATE) {
        cdg_buf_puts(b, ",\"par_strate\":[");
        for (unsigned k = 0; k < m->nstrates; k++) {
            if (k)
                cdg_buf_putc(b, ',');
            js_prix(b, m, p->par_strate ? p->par_strate[k] : NULL);
        }
        cdg_buf_puts(b, "]}");
        return;
    }
    cdg_buf_puts(b, ",\"montant\":");
    js_big(b, p->montant);
    cdg_buf_puts(b, ",\"min\":");
    if (p->has_min)
        js_big(b, p->min);
    else
        cdg_buf_puts(b, "null");
    cdg_buf_puts(b, ",\"max\":");
    if (p->has_max)
        js_big(b, p->max);
    else
        cdg_buf_puts(b, "null");
    if (p->kind == CDG_PRIX_UNITE) {
        cdg_buf_printf(b, ",\"service\":%d,\"marginal\":%s,\"tranches\":",
                       p->service ? (int)p->service->index : -1, p->marginal ? "true" : "false");
        if (p->tranches) {
            for (unsigned i = 0; i < p->ntranches; i++) {
                cdg_buf_puts(b, i ? ",[" : "[[");
                js_big(b, p->tranches[i].lo);
                cdg_buf_putc(b, ',');
                if (p->tranches[i].hi == CDG_OPEN)
                    cdg_buf_puts(b, "null");
                else
                    js_big(b, p->tranches[i].hi);
                cdg_buf_putc(b, ',');
                js_big(b, p->tranches[i].coef);
                cdg_buf_putc(b, ']');
            }
            cdg_buf_putc(b, ']');
        } else
            cdg_buf_puts(b, "null");
    }
    cdg_buf_putc(b, '}');
}

/* "prix": per forfait, null (not priced) or {arrondi: "proche"|"superieur",
 * sur_total, suivantes: its annual price, premiere: its price the first
 * year when it differs, else null}. */
static void sec_prix(js_model *j)
{
    const cdg_model *m = j->c->m;
    cdg_buf *b = j->b;
    cdg_buf_putc(b, '[');
    for (unsigned f = 0; f < m->nforfaits; f++) {
        const cdg_forfait *fo = &m->forfaits[f];
        cdg_buf_puts(b, f ? ",\n" : "");
        if (!fo->prix) {
            cdg_buf_puts(b, "null");
            continue;
        }
        cdg_buf_printf(b, "{\"arrondi\":\"%s\",\"sur_total\":%s,\"suivantes\":",
                       fo->arrondi.mode == CDG_ARRONDI_SUPERIEUR ? "superieur" : "proche",
                       fo->arrondi.sur_total ? "true" : "false");
        js_prix(b, m, fo->prix);
        cdg_buf_puts(b, ",\"premiere\":");
        js_prix(b, m, fo->prix_premiere && fo->prix_premiere != fo->prix ? fo->prix_premiere : NULL);
        cdg_buf_putc(b, '}');
    }
    cdg_buf_putc(b, ']');
}

/* "communes": {categorie: category index, liste: [[nom, mesure]]} from
 * --communes, or null. */
static void sec_communes(js_model *j)
{
    const cdg_dump_opts *o = j->c->opts;
    const cdg_model *m = j->c->m;
    int cat = -1;
    for (unsigned i = 0; i < m->ncategories && cat < 0; i++)
        if (m->categories[i].mesure && strcmp(m->categories[i].mesure, "habitants") == 0)
            cat = (int)i;
    if (!o->ncommunes || cat < 0) {
        cdg_buf_puts(j->b, "null");
        return;
    }
    cdg_buf_printf(j->b, "{\"categorie\":%d,\"liste\":[", cat);
    for (size_t i = 0; i < o->ncommunes; i++) {
        cdg_buf_puts(j->b, i ? ",\n[" : "[");
        js_str(j->b, o->communes[i].nom);
        cdg_buf_printf(j->b, ",%" PRId64 "]", o->communes[i].mesure);
    }
    cdg_buf_puts(j->b, "]}");
}

/* The sections of the model, in order: one key each; a new section is one
 * more line here and one more reader in src/sim/evaluateur.js. */
static const struct js_section {
    const char *key;
    void (*write)(js_model *j);
} sections[] = {
    {"offre", sec_offre},
    {"categories", sec_categories},
    {"strates", sec_strates},
    {"rubriques", sec_rubriques},
    {"notes", sec_notes},
    {"services", sec_services},
    {"cellules", sec_cellules},
    {"forfaits", sec_forfaits},
    {"options", sec_options},
    {"prix", sec_prix},
    {"communes", sec_communes},
};

void cdg_dump_js_model(cdg_dump_ctx *c, cdg_buf *b)
{
    js_model j = {.c = c, .b = b};
    dedup_cells(&j);
    cdg_buf_putc(b, '{');
    for (size_t i = 0; i < sizeof sections / sizeof sections[0]; i++) {
        cdg_buf_printf(b, "%s\"%s\":", i ? ",\n" : "", sections[i].key);
        sections[i].write(&j);
    }
    cdg_buf_putc(b, '}');
}

/* The ES module: a header comment, the model, the evaluator, the exports. */
void cdg_dump_js(cdg_dump_ctx *c)
{
    cdg_buf b;
    cdg_buf_init(&b, c->arena);
    cdg_dump_js_model(c, &b);
    fputs("// Generated by cdgrules dump --format js from the rules of the offer; do not edit.\n"
          "// strate(profil), query(profil, forfait), which(profil, besoins): the answers of\n"
          "// `cdgrules strate|query|which --json` (docs/DUMP.md).\n"
          "const MODELE = ", c->out);
    fwrite(b.data, 1, b.len, c->out);
    fputs(";\n", c->out);
    fputs((const char *)cdg_sim_evaluateur_js, c->out);
    fputs("export { MODELE as modele, strate, query, which, pourquoi, lireMesure };\n", c->out);
}
