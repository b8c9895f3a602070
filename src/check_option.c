/* check_option.c — pass 2 of the checker for options: how each is priced
 * (`tarif:`, `montant:`, `texte:`) and its status in every forfait (one
 * entry per forfait, or `defaut:`). */
#include <string.h>

#include "check_impl.h"
#include "parse.h"

/* An option being read. by[f] is the entry of forfait f and cells[f] the
 * cell it states (both arrays are reused from one option to the next). */
typedef struct option_reader {
    cdg_option *o;
    const cdg_entry **by;
    cdg_option_cell *cells;
    const cdg_entry *tarif, *def, *montant;
    const char *texte, *per_unit, *deftexte;
    cdg_statut defst;
} option_reader;

/* ---- pricing ------------------------------------------------------------------ */

/* `par_unite SERVICE`: the counted service, after the keyword v. */
static void tarif_par_unite(checker *c, cdg_option *o, const cdg_value *v)
{
    const cdg_value *svc = cdg_value_next(v);
    o->tarif = CDG_TARIF_PAR_UNITE;
    if (!svc) {
        ERR(c, cdg_value_span(v), "'par_unite' names the counted service: 'tarif: par_unite sauvegarde;'");
        return;
    }
    o->service = cdg_check_resolve(c, K_SERVICE, svc);
    if (o->service && !o->service->unite)
        ERR(c, cdg_value_span(svc), "service '%s' has no 'unite', so it has no extra units to price", o->service->id);
    const cdg_value *extra = cdg_value_next(svc);
    if (extra)
        ERR(c, cdg_value_span(extra), "unexpected '%s' in 'tarif'", cdg_check_text(c, extra));
}

/* `tarif: journalier|par_unite SERVICE|sur_etude;` */
static void option_tarif(checker *c, void *item, const cdg_entry *e)
{
    option_reader *r = item;
    r->tarif = e;
    const cdg_value *v = cdg_entry_values(e);
    if (!v || v->kind != CDG_VAL_KEYWORD ||
        (v->kw != CDG_KW_JOURNALIER && v->kw != CDG_KW_PAR_UNITE && v->kw != CDG_KW_SUR_ETUDE)) {
        if (!cdg_check_slip(c, v, false))
            ERR(c, v ? cdg_value_span(v) : cdg_entry_key_span(e), "'tarif' is 'journalier', 'par_unite SERVICE' or 'sur_etude'");
        return;
    }
    if (v->kw == CDG_KW_PAR_UNITE) {
        tarif_par_unite(c, r->o, v);
        return;
    }
    r->o->tarif = v->kw == CDG_KW_JOURNALIER ? CDG_TARIF_JOURNALIER : CDG_TARIF_SUR_ETUDE;
    const cdg_value *svc = cdg_value_next(v);
    if (svc)
        ERR(c, cdg_value_span(svc), "unexpected '%s' in 'tarif'", cdg_check_text(c, svc));
}

/* `montant: 450.00 EUR;` or `montant: selon_strate < S1: … >;`: the
 * price of a day or of an extra unit. */
static void option_montant(checker *c, void *item, const cdg_entry *e)
{
    option_reader *r = item;
    if (r->montant) {
        cdg_diag *g = ERR(c, cdg_entry_key_span(e), "'montant' is given twice in option '%s'", r->o->id);
        NOTE(c, g, cdg_entry_key_span(r->montant), "first given here");
        return;
    }
    r->montant = e;
    r->o->montant = cdg_check_prix(c, e, cdg_arena_printf(c->a, "option '%s'", r->o->id), true);
}

/* `texte: "…";`: the wording of the option's cells priced `en_option`. */
static void option_texte(checker *c, void *item, const cdg_entry *e)
{
    ((option_reader *)item)->texte = cdg_check_string(c, e);
}

/* ---- status in the forfaits ------------------------------------------------------- */

/* The status and optional wording of an option cell `inclus|non_inclus|
 * en_option ["wording"]`; false after an error. */
static bool option_status(checker *c, const cdg_entry *e, cdg_statut *st, const char **wording)
{
    const cdg_value *v = cdg_entry_values(e);
    if (!v || v->kind != CDG_VAL_KEYWORD ||
        (v->kw != CDG_KW_INCLUS && v->kw != CDG_KW_NON_INCLUS && v->kw != CDG_KW_EN_OPTION)) {
        if (!cdg_check_slip(c, v, false))
            ERR(c, v ? cdg_value_span(v) : cdg_entry_key_span(e), "an option is 'inclus', 'non_inclus' or 'en_option' in a forfait");
        return false;
    }
    const cdg_value *next = cdg_value_next(v);
    const char *w = next && next->kind == CDG_VAL_STRING ? next->text : NULL;
    const cdg_value *extra = w ? cdg_value_next(next) : next;
    if (extra) {
        ERR(c, cdg_value_span(extra), "unexpected '%s' after the option's status", cdg_check_text(c, extra));
        return false;
    }
    if (cdg_entry_block(e)) {
        ERR(c, cdg_block_open(cdg_entry_block(e)), "an option cell takes no block");
        return false;
    }
    *st = status_of(v->kw);
    *wording = w;
    return true;
}

/* `FORFAIT: status ["wording"];`: the option in one forfait. */
static void option_cell(checker *c, void *item, const cdg_entry *e)
{
    option_reader *r = item;
    const cdg_forfait *f = cdg_check_named(c, K_FORFAIT, e->key);
    if (!f) {
        cdg_check_unknown(c, K_FORFAIT, e->key, cdg_entry_key_span(e));
        return;
    }
    if (r->by[f->index]) {
        cdg_diag *g = ERR(c, cdg_entry_key_span(e), "forfait '%s' appears twice in option '%s'", f->id, r->o->id);
        NOTE(c, g, cdg_entry_key_span(r->by[f->index]), "first given here");
        return;
    }
    cdg_statut st;
    const char *w;
    if (!option_status(c, e, &st, &w))
        return;
    r->by[f->index] = e;
    r->cells[f->index] = (cdg_option_cell){.statut = st, .texte = w, .texte_explicite = w != NULL};
}

/* `defaut: status ["wording"];`: the option in every other forfait. */
static void option_defaut(checker *c, void *item, const cdg_entry *e)
{
    option_reader *r = item;
    if (r->def) {
        cdg_diag *g = ERR(c, cdg_entry_key_span(e), "option '%s' has two defaults", r->o->id);
        NOTE(c, g, cdg_entry_key_span(r->def), "first default given here");
        return;
    }
    if (option_status(c, e, &r->defst, &r->deftexte))
        r->def = e;
}

static const entry_syntax option_syntax = {
    N_("an option"), N_("'tarif', 'montant', 'texte', 'defaut' or a forfait id"), NULL, {
    {CDG_KW_TARIF, option_tarif},
    {CDG_KW_MONTANT, option_montant},
    {CDG_KW_TEXTE, option_texte},
    {CDG_KW_DEFAUT, option_defaut},
    {CDG_KW_NONE, option_cell},
}};

/* ---- the whole option ------------------------------------------------------------- */

/* The index among o's distinct cells of cell x, added unless it is one
 * already there: a cell without a wording of its own is shared by every
 * forfait with its status (gen[statut], -1 before the first), and so is
 * the default (*def). */
static unsigned distinct_cell(checker *c, option_reader *r, const cdg_option_cell *x, int *gen, int *def,
                              bool is_def)
{
    cdg_option *o = r->o;
    int *shared = !x->texte ? &gen[x->statut] : is_def ? def : NULL;
    if (shared && *shared >= 0)
        return (unsigned)*shared;
    cdg_option_cell *y = &o->distinct[o->ndistinct];
    *y = *x;
    if (!y->texte)
        y->texte = cdg_check_option_wording(c, o, y->statut, r->texte, &r->per_unit);
    if (shared)
        *shared = (int)o->ndistinct;
    return o->ndistinct++;
}

/* Gives every forfait its cell (stated, or the default) and its wording;
 * reports the forfaits left unstated. An option stated by `defaut:` alone
 * is printed as one merged cell; one entry per forfait, as five cells. */
static void fill_option(checker *c, option_reader *r)
{
    cdg_model *m = c->m;
    cdg_option *o = r->o;
    cdg_buf miss;
    cdg_buf_init(&miss, c->a);
    unsigned nmiss = 0, own = 0;
    for (unsigned f = 0; f < m->nforfaits; f++)
        own += r->by[f] && r->cells[f].texte;
    /* at most: a cell per stated wording, the default, one per status, and
     * the empty cell of a forfait left unstated */
    o->distinct = ALLOC(c, own + 6, cdg_option_cell);
    cdg_refs_new(&o->refs, m->nforfaits, 0, own + 5, c->a);
    int gen[4] = {-1, -1, -1, -1}, def = -1, empty = -1;
    const cdg_option_cell defcell = {.statut = r->defst, .texte = r->deftexte, .texte_explicite = r->deftexte != NULL};
    o->fusionne = r->def && m->nforfaits > 1;
    for (unsigned f = 0; f < m->nforfaits; f++) {
        unsigned i;
        o->fusionne &= !r->by[f];
        if (r->by[f])
            i = distinct_cell(c, r, &r->cells[f], gen, &def, false);
        else if (r->def)
            i = distinct_cell(c, r, &defcell, gen, &def, true);
        else {
            if (empty < 0) {  /* what an error leaves: no status stated, no wording */
                o->distinct[o->ndistinct] = (cdg_option_cell){.statut = CDG_INCLUS};
                empty = (int)o->ndistinct++;
            }
            i = (unsigned)empty;
            if (nmiss++ < 5)
                cdg_buf_printf(&miss, "%s'%s'", nmiss > 1 ? ", " : "", m->forfaits[f].id);
        }
        cdg_ref_put(&o->refs, m->nforfaits, f, i, c->a);
    }
    if (nmiss && c->syntax_ok)
        err_missing(c, o->span, "option '%s' says nothing about forfait %s (state it, or add 'defaut: …;')",
                    "option '%s' says nothing about forfaits %s (state each, or add 'defaut: …;')",
                    o->id, &miss, nmiss);
}

/* ---- services no option sells ------------------------------------------------------ */

/* The options that may sell each service: those counting it (`tarif:
 * par_unite s`) or named after it (cdg_id_has_word), listed once per
 * offer. Service s has opts[first[s] .. first[s + 1]). Asking every option
 * for every en_option cell cost cells × options (17 s for 80,000 cells and
 * 5,000 options). */
typedef struct sellers {
    unsigned *first, *opts;
} sellers;

/* Calls add(c, l, service index, option index) for each service option o
 * may sell: its counted service, then every run of whole words of its id
 * ('a', 'a_b', 'b' for a_b) that names a service, other than that one. */
static void each_sold(checker *c, sellers *l, unsigned oi,
                      void (*add)(checker *c, sellers *l, unsigned s, unsigned oi))
{
    const cdg_option *o = &c->m->options[oi];
    if (o->service)
        add(c, l, o->service->index, oi);
    char run[CDG_MAX_IDENT + 1];  /* no longer run can name a service */
    size_t n = strlen(o->id);
    for (size_t b = 0; b < n; b++) {
        if (b > 0 && o->id[b - 1] != '_')
            continue;
        for (size_t e = b + 1; e <= n && e - b < sizeof run; e++) {
            if (e < n && o->id[e] != '_')
                continue;
            memcpy(run, o->id + b, e - b);
            run[e - b] = 0;
            const cdg_service *s = cdg_symtab_get(&c->names[K_SERVICE], run);
            if (s && s != o->service)
                add(c, l, s->index, oi);
        }
    }
}

/* each_sold's first callback: counts the sellers of service s. */
static void count_seller(checker *c, sellers *l, unsigned s, unsigned oi)
{
    (void)c, (void)oi;
    l->first[s + 1]++;
}

/* each_sold's second callback: files option oi among the sellers of s. */
static void place_seller(checker *c, sellers *l, unsigned s, unsigned oi)
{
    (void)c;
    l->opts[l->first[s]++] = oi;
}

/* The sellers of every service. */
static sellers list_sellers(checker *c)
{
    const cdg_model *m = c->m;
    sellers l = {ALLOC(c, m->nservices + 1, unsigned), NULL};
    for (unsigned i = 0; i < m->noptions; i++)
        each_sold(c, &l, i, count_seller);
    for (unsigned s = 0; s < m->nservices; s++)
        l.first[s + 1] += l.first[s];
    l.opts = ALLOC(c, l.first[m->nservices], unsigned);
    for (unsigned i = 0; i < m->noptions; i++)
        each_sold(c, &l, i, place_seller);  /* first[s] moves to first[s + 1] */
    for (unsigned s = m->nservices; s > 0; s--)
        l.first[s] = l.first[s - 1];
    l.first[0] = 0;
    return l;
}

/* Whether an option sells service s in forfait fi (en_option there). */
static bool option_sells(const cdg_model *m, const sellers *l, const cdg_service *s, unsigned fi)
{
    for (unsigned k = l->first[s->index]; k < l->first[s->index + 1]; k++)
        if (cdg_option_cell_of(&m->options[l->opts[k]], fi)->statut == CDG_EN_OPTION)
            return true;
    return false;
}

/* The entry of forfait d that states each service, by service index (the
 * first, as a duplicate is an error): made for a forfait's first warning,
 * instead of a walk of its entries per warning. */
static const cdg_entry **cell_entries(checker *c, const cdg_decl *d, const cdg_entry **by)
{
    memset(by, 0, c->m->nservices * sizeof *by);
    for (const cdg_entry *e = d->block ? cdg_block_entries(d->block) : NULL; e; e = cdg_entry_next(e)) {
        const cdg_service *s = !cdg_entry_decl(e) && e->key_kw == CDG_KW_NONE
                                   ? cdg_check_named(c, K_SERVICE, e->key) : NULL;
        if (s && !by[s->index])
            by[s->index] = e;
    }
    return by;
}

/* Where forfait d states service s (by: cell_entries), or the forfait's name. */
static cdg_span cell_span(const cdg_decl *d, const cdg_entry *const *by, const cdg_service *s)
{
    return by[s->index] ? cdg_entry_key_span(by[s->index]) : cdg_decl_id_span(d);
}

/* Warns about a service a forfait's own entry says is en_option when no
 * option sells it there: the published "En option" would promise what the
 * offer does not sell. A wording stated in the cell is the author's word
 * (the source document's) and is kept silent. */
static void check_unsold(checker *c)
{
    cdg_model *m = c->m;
    sellers l = list_sellers(c);
    /* Which distinct cells could be unsold, a bit each, service after
     * service (service si's from base[si]): the forfaits' cells, spread
     * over the arena, are not read (that missed the cache: 7 % of check on
     * the heritage shape). */
    unsigned *base = ALLOC(c, m->nservices + 1, unsigned);
    for (unsigned si = 0; si < m->nservices; si++)
        base[si + 1] = base[si] + m->services[si].ncells;
    uint8_t *maybe = ALLOC(c, base[m->nservices] / 8 + 1, uint8_t);
    for (unsigned si = 0; si < m->nservices; si++)
        for (unsigned i = 0; i < m->services[si].ncells; i++) {
            const cdg_cell *cell = m->services[si].cells[i];
            if (cell && cell->statut == CDG_EN_OPTION && !cell->texte_explicite)
                maybe[(base[si] + i) / 8] |= (uint8_t)(1u << (base[si] + i) % 8);
        }
    const cdg_entry **scratch = ALLOC(c, m->nservices, const cdg_entry *), **by;
    for (unsigned fi = 0; fi < m->nforfaits; fi++) {
        const cdg_forfait *f = &m->forfaits[fi];
        if (!cdg_refs_built(&f->refs))
            continue;
        by = NULL;
        for (unsigned si = 0; si < m->nservices; si++) {
            const cdg_service *s = &m->services[si];
            uint32_t ref = cdg_ref(&f->refs, si), k = base[si] + (ref >> 2);
            if ((ref & 3) != CDG_PROV_ENTRY || !(maybe[k / 8] >> k % 8 & 1) || option_sells(m, &l, s, fi))
                continue;
            if (!by)
                by = cell_entries(c, c->decls[K_FORFAIT][fi], scratch);
            WARN(c, cell_span(c->decls[K_FORFAIT][fi], by, s),
                 "service '%s' is en_option in forfait '%s', but no option sells it there: declare one "
                 "('option %s \"…\" < tarif: …; %s: en_option; >'), give the service another status, "
                 "or state the cell's wording as the document prints it ('%s: en_option \"…\";')",
                 s->id, f->id, s->id, f->id, s->id);
        }
    }
}

/* Every option's entries, then its cell in every forfait. */
void cdg_check_options(checker *c)
{
    cdg_model *m = c->m;
    const cdg_entry **by = ALLOC(c, m->nforfaits, const cdg_entry *);
    cdg_option_cell *cells = ALLOC(c, m->nforfaits, cdg_option_cell);
    for (unsigned i = 0; i < m->noptions; i++) {
        option_reader r = {.o = &m->options[i], .by = by, .cells = cells, .defst = CDG_EN_OPTION};
        memset(by, 0, m->nforfaits * sizeof *by);
        cdg_check_entries(c, c->decls[K_OPTION][i]->block, &option_syntax, &r);
        if (!r.tarif && c->syntax_ok)
            ERR(c, r.o->span, "option '%s' has no 'tarif' (journalier, par_unite SERVICE or sur_etude)", r.o->id);
        if (r.montant && r.tarif && r.o->tarif == CDG_TARIF_SUR_ETUDE)
            ERR(c, cdg_entry_key_span(r.montant), "option '%s' is priced 'sur_etude' (after a study), so it has no "
                "amount: remove 'montant', or price it 'journalier' or 'par_unite'", r.o->id);
        fill_option(c, &r);
    }
    if (c->syntax_ok && c->d->errors == 0)  /* a finished offer's question, not an error's echo */
        check_unsold(c);
}
