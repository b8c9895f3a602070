/* check_resolve.c — pass 2 of the checker for forfaits: each forfait's
 * cells read, then expanded by its base (`base:`, resolved first, cycles
 * reported) and its default (`defaut:`), so that every forfait states
 * every service. Cells without a wording of their own are shared. */
#include <stdio.h>
#include <string.h>

#include "check_impl.h"
#include "parse.h"

/* Longest chain of `base:` allowed (bounds the checker's recursion). */
enum { MAX_BASE_DEPTH = 64 };

/* A forfait being read: its entries `base:` and `defaut:`, and whether
 * the services it leaves unstated are worth reporting. */
typedef struct forfait_reader {
    cdg_forfait *f;
    const cdg_decl *d;
    const cdg_entry *base_entry, *def_entry;
    const cdg_entry *prix_entry, *premiere_entry, *arrondi_entry;
    cdg_statut def;
    bool base_ok;
} forfait_reader;

static void resolve_forfait(checker *c, unsigned fi);

/* ---- cells ------------------------------------------------------------------- */

/* Hash of a table's quantities (shared_table's key). */
static uint64_t table_hash(const int64_t *q, unsigned n)
{
    uint64_t h = 1469598103934665603u;
    for (unsigned k = 0; k < n; k++)
        h = (h ^ (uint64_t)q[k]) * 1099511628211u;
    return h ^ (h >> 29);
}

/* Doubles the table pool when it is half full. */
static void grow_table_pool(checker *c)
{
    size_t ocap = c->table_pool_cap;
    const int64_t **old = c->table_pool;
    c->table_pool_cap = ocap ? ocap * 2 : 64;
    c->table_pool = ALLOC(c, c->table_pool_cap, const int64_t *);
    for (size_t i = 0; i < ocap; i++)
        if (old[i]) {
            size_t j = (size_t)table_hash(old[i], c->m->nstrates) & (c->table_pool_cap - 1);
            while (c->table_pool[j])
                j = (j + 1) & (c->table_pool_cap - 1);
            c->table_pool[j] = old[i];
        }
}

/* The shared copy of the quantities q of a forfait's own table: an offer
 * repeats a few tables in thousands of cells (60 strata: 480 bytes each).
 * Never the service's array, which means "the service's table" (--why). */
static const int64_t *shared_table(checker *c, const int64_t *q)
{
    unsigned n = c->m->nstrates;
    if ((c->table_pool_len + 1) * 2 > c->table_pool_cap)
        grow_table_pool(c);
    size_t j = (size_t)table_hash(q, n) & (c->table_pool_cap - 1);
    for (; c->table_pool[j]; j = (j + 1) & (c->table_pool_cap - 1))
        if (memcmp(c->table_pool[j], q, n * sizeof *q) == 0)
            return c->table_pool[j];
    c->table_pool_len++;
    return c->table_pool[j] = cdg_check_table_copy(c, q);
}

/* The per-stratum quantities of a `selon_strate` cell: its own table, or
 * the service's; false after an error. */
static bool cell_strata(checker *c, const cdg_forfait *f, const cdg_service *s, const cdg_entry *e,
                        const cdg_value *v, cdg_cell *cell)
{
    if (cdg_entry_block(e)) {
        char owner[2 * CDG_MAX_IDENT + 32];
        snprintf(owner, sizeof owner, "'%s' in forfait '%s'", s->id, f->id);
        cell->par_strate = shared_table(c, cdg_check_strate_table(c, cdg_entry_block(e), owner));
        cdg_check_decreasing(c, owner);
        return true;
    }
    if (s->par_strate) {
        cell->par_strate = s->par_strate;
        return true;
    }
    ERR(c, cdg_value_span(v), "service '%s' has no per-stratum quantities: give them in the service "
                              "('selon_strate < S1: …; >;') or here", s->id);
    return false;
}

/* The first value of a cell: a quantity, selon_strate or a status; false
 * after an error. */
static bool cell_value(checker *c, const cdg_forfait *f, const cdg_service *s, const cdg_entry *e,
                       const cdg_value *v, cdg_cell *cell)
{
    if (v->kind == CDG_VAL_INT) {
        *cell = (cdg_cell){.statut = CDG_INCLUS, .qte = CDG_QTE_FIXE, .quantite = cdg_value_int(v)};
        if (!s->unite)
            ERR(c, cdg_value_span(v), "a quantity for service '%s', which has no 'unite' (what does it count?)", s->id);
        return s->unite != NULL;
    }
    if (v->kind == CDG_VAL_KEYWORD && v->kw == CDG_KW_SELON_STRATE) {
        *cell = (cdg_cell){.statut = CDG_INCLUS, .qte = CDG_QTE_STRATE};
        if (!s->unite) {
            ERR(c, cdg_value_span(v), "'selon_strate' for service '%s', which has no 'unite' (what does it count?)", s->id);
            return false;
        }
        return cell_strata(c, f, s, e, v, cell);
    }
    if (v->kind == CDG_VAL_KEYWORD && is_status_kw(v->kw)) {
        cell->statut = status_of(v->kw);
        return true;
    }
    if (cdg_check_slip(c, v, true))  /* a keyword written as two words */
        return false;
    ERR(c, cdg_value_span(v), "expected inclus, non_inclus, en_option, sans_objet, selon_strate or a "
                              "quantity for service '%s', found '%s'", s->id, cdg_check_text(c, v));
    return false;
}

/* `service: quantity;` in the block of an `inclus` cell. */
static void attached_quantity(checker *c, void *item, const cdg_entry *a)
{
    cdg_attache ***tail = item;
    const cdg_service *t = cdg_check_named(c, K_SERVICE, a->key);
    if (!t) {
        cdg_check_unknown(c, K_SERVICE, a->key, cdg_entry_key_span(a));
        return;
    }
    const cdg_value *q = cdg_check_single(c, a);
    int64_t n = q ? cdg_check_int(c, q, N_("an attached quantity")) : -1;
    if (n < 0)
        return;
    if (!t->unite) {
        ERR(c, cdg_value_span(q), "a quantity for service '%s', which has no 'unite'", t->id);
        return;
    }
    cdg_attache *at = cdg_arena_calloc(c->a, 1, sizeof *at);
    at->service = t;
    at->quantite = n;
    **tail = at;
    *tail = &at->next;
}

static const entry_syntax attached_syntax = {
    N_("attached quantities"), N_("a service and its quantity"), NULL, {
    {CDG_KW_NONE, attached_quantity},
}};

/* Reads one cell `service: value ["wording"] [< … >];` into *cell (its
 * wording is generated later, by intern_cell); reports what is wrong. */
static void read_cell(checker *c, const cdg_forfait *f, const cdg_service *s, const cdg_entry *e,
                      cdg_cell *cell)
{
    memset(cell, 0, sizeof *cell);
    const cdg_value *v = cdg_entry_values(e);
    if (!v) {
        ERR(c, cdg_entry_key_span(e), "the cell of service '%s' needs a value (inclus, non_inclus, en_option, "
                                      "sans_objet, selon_strate or a quantity)", s->id);
        return;
    }
    if (!cell_value(c, f, s, e, v, cell))
        return;
    v = cdg_value_next(v);
    if (v && v->kind == CDG_VAL_STRING) {
        cell->texte = v->text;
        cell->texte_explicite = true;
        v = cdg_value_next(v);
    }
    if (v && cdg_check_after_slip(c, v))
        return;  /* `1,5`: the scanner gave the fix */
    if (v) {
        if (cell->texte_explicite)
            ERR(c, cdg_value_span(v), "unexpected '%s' after the cell's value and wording", cdg_check_text(c, v));
        else
            ERR(c, cdg_value_span(v), "unexpected '%s' after the cell's value (the wording, if any, is one string)",
                cdg_check_text(c, v));
        return;
    }
    if (!cdg_entry_block(e) || cell->qte == CDG_QTE_STRATE)
        return;
    if (cell->statut != CDG_INCLUS || cell->qte != CDG_QTE_AUCUNE) {
        ERR(c, cdg_block_open(cdg_entry_block(e)), "only an 'inclus' cell takes a block of attached quantities");
        return;
    }
    cdg_attache **tail = &cell->attaches;
    cdg_check_entries(c, cdg_entry_block(e), &attached_syntax, &tail);
}

/* Hash of a cell's content and its service (intern_cell's key). */
static uint64_t cell_hash(const cdg_cell *x, const cdg_service *s)
{
    uint64_t h = 1469598103934665603u;
    h = (h ^ ((uint64_t)x->statut << 8 | (uint64_t)x->qte << 4 | (uint64_t)x->par_defaut)) * 1099511628211u;
    h = (h ^ (uint64_t)x->quantite) * 1099511628211u;
    h = (h ^ (uint64_t)s->index) * 1099511628211u;
    h = (h ^ (uint64_t)(uintptr_t)x->par_strate) * 1099511628211u;
    return h ^ (h >> 29);
}

/* Where the probe for a cell of service s with hash h starts: the
 * service's own run of slots (up to 8, as the table's size allows), so
 * that a forfait, which states its services in order, walks the table in
 * order instead of missing the cache at every cell. */
static size_t cell_slot_start(const checker *c, const cdg_service *s, uint64_t h)
{
    unsigned run = 0;
    while (run < 3 && ((size_t)c->m->nservices << (run + 1)) <= c->cell_pool_cap)
        run++;
    return (((size_t)s->index << run) | (size_t)(h & ((1u << run) - 1))) & (c->cell_pool_cap - 1);
}

/* The slot after j in the probe for a cell of hash h, the k-th probe
 * (k counts from 1): the next slot for the first 32, then a slot chosen by
 * the hash, and the next ones from there. Probing on from the service's
 * run alone put every cell of a service with thousands of distinct cells
 * (a quantity of its own in every forfait) in one cluster: 34,000
 * forfaits took 1.1 s, 83 % of it probing, three times 17,000's. */
static size_t cell_slot_next(const checker *c, size_t j, uint64_t h, unsigned k)
{
    if (k == 32)
        j = (size_t)(h >> 32) * 2654435761u;
    else
        j++;
    return j & (c->cell_pool_cap - 1);
}

/* The interned-cell table's first size: room for four distinct cells a
 * service (fewer with fewer forfaits), so that the doublings of a large
 * offer leave no tables behind (4.2 MB on the bench's grid offer). */
static size_t first_cell_pool_cap(const checker *c)
{
    size_t per = c->m->nforfaits < 4 ? c->m->nforfaits : 4, cap = 256;
    while (cap < 2 * per * (size_t)c->m->nservices)
        cap *= 2;
    return cap;
}

/* Doubles the interned-cell table when it is half full. */
static void grow_cell_pool(checker *c)
{
    size_t ocap = c->cell_pool_cap;
    cell_slot *old = c->cell_pool;
    c->cell_pool_cap = ocap ? ocap * 2 : first_cell_pool_cap(c);
    c->cell_pool = ALLOC(c, c->cell_pool_cap, cell_slot);
    for (size_t i = 0; i < ocap; i++)
        if (old[i].p) {
            size_t j = cell_slot_start(c, old[i].p->service, old[i].hash);
            for (unsigned k = 1; c->cell_pool[j].p; k++)
                j = cell_slot_next(c, j, old[i].hash, k);
            c->cell_pool[j] = old[i];
        }
}

/* Gives cell (a copy of what was read for service s) its wording. */
static void word_cell(checker *c, cdg_cell *cell, const cdg_service *s)
{
    if (!cell->texte)
        cell->texte = cdg_check_cell_wording(c, s, cell);
}

/* Adds cell x to the table of service s; returns its index there. The
 * table doubles, up to one cell a forfait and the NULL of index 0. */
static unsigned add_cell(checker *c, cdg_service *s, const cdg_cell *x)
{
    unsigned *cap = &c->cells_cap[s->index];
    if (s->ncells == *cap) {
        unsigned most = c->m->nforfaits + 1, ncap = *cap * 2 < most ? *cap * 2 : most;
        if (ncap <= s->ncells)  /* only after errors (cells standing for unknown ones) */
            ncap = s->ncells + 1;
        const cdg_cell **t = ALLOC(c, ncap, const cdg_cell *);
        memcpy(t, s->cells, s->ncells * sizeof *t);
        s->cells = t;
        *cap = ncap;
    }
    s->cells[s->ncells] = x;
    if (s->ncells + 1 > c->most_cells)
        c->most_cells = s->ncells + 1;
    return s->ncells++;
}

/* A copy of cell x in the arena, with its wording, in s's table. */
static unsigned own_cell(checker *c, const cdg_cell *x, cdg_service *s)
{
    cdg_cell *own = cdg_arena_alloc(c->a, sizeof *own);
    *own = *x;
    word_cell(c, own, s);
    return add_cell(c, s, own);
}

/* The index in s's table of the shared copy of cell x (read for service
 * s), its wording generated once. Only cells without an explicit wording
 * or attached quantities are shared: the others are unique anyway. A
 * table of the cell's own is shared (shared_table) and never the
 * service's, so comparing the pointers tells equal tables apart from the
 * service's. Keeps the model at a 2-byte reference per cell instead
 * of a 40-byte cell and a wording. */
static unsigned intern_cell(checker *c, const cdg_cell *x, cdg_service *s)
{
    if (x->texte || x->attaches)
        return own_cell(c, x, s);
    if ((c->cell_pool_len + 1) * 2 > c->cell_pool_cap)
        grow_cell_pool(c);
    uint64_t h = cell_hash(x, s);
    size_t j = cell_slot_start(c, s, h);
    for (unsigned k = 1; c->cell_pool[j].p; j = cell_slot_next(c, j, h, k++)) {
        if (c->cell_pool[j].hash != h)
            continue;
        const pooled_cell *p = c->cell_pool[j].p;
        const cdg_cell *y = &p->cell;
        if (p->service == s && y->statut == x->statut && y->qte == x->qte && y->quantite == x->quantite &&
            y->par_strate == x->par_strate && y->par_defaut == x->par_defaut)
            return p->index;
    }
    pooled_cell *p = cdg_arena_alloc(c->a, sizeof *p);
    *p = (pooled_cell){*x, s, 0};
    word_cell(c, &p->cell, s);
    p->index = add_cell(c, s, &p->cell);
    c->cell_pool[j] = (cell_slot){p, h};
    c->cell_pool_len++;
    return p->index;
}

/* Sets the cell of forfait f for service s: index i of the service's
 * table, set as p says. */
static inline void set_cell(checker *c, cdg_forfait *f, const cdg_service *s, unsigned i, cdg_provenance p)
{
    cdg_ref_put(&f->refs, c->m->nservices, s->index, (uint32_t)i << 2 | p, c->a);
}

/* The index in s's table of the cell `defaut: st` gives: interned once a
 * service and status (c->def_cells), not looked up again for every
 * forfait that takes it. */
static unsigned default_cell(checker *c, cdg_service *s, cdg_statut st)
{
    unsigned *slot = &c->def_cells[(size_t)s->index * 4 + st];
    if (!*slot) {
        const cdg_cell x = {.statut = (unsigned char)st, .par_defaut = true};
        *slot = intern_cell(c, &x, s);
    }
    return *slot;
}

/* ---- the entries of a forfait --------------------------------------------------- */

/* The first entry of forfait d that states service s (which has one): found
 * again only for a duplicate, so that no per-forfait index is kept. */
static const cdg_entry *first_cell_entry(const cdg_decl *d, const cdg_service *s)
{
    const cdg_entry *e = cdg_block_entries(d->block);
    while (cdg_entry_decl(e) || e->key_kw != CDG_KW_NONE || strcmp(e->key, s->id) != 0)
        e = cdg_entry_next(e);
    return e;
}

/* `service: value …;`: one cell of the forfait. */
static void forfait_cell(checker *c, void *item, const cdg_entry *e)
{
    forfait_reader *r = item;
    cdg_forfait *f = r->f;
    cdg_service *s = cdg_check_named(c, K_SERVICE, e->key);
    if (!s) {  /* `sauvgarde:` read as sauvegarde, so that it is not also called missing */
        s = cdg_check_unknown(c, K_SERVICE, e->key, cdg_entry_key_span(e));
        if (!s || cdg_cell_stated(f, s))
            return;
    }
    if (cdg_cell_stated(f, s)) {
        cdg_diag *g = ERR(c, cdg_entry_key_span(e), "service '%s' appears twice in forfait '%s'", s->id, f->id);
        NOTE(c, g, cdg_entry_key_span(first_cell_entry(r->d, s)), "first given here");
        return;
    }
    cdg_cell cell;
    read_cell(c, f, s, e, &cell);  /* an error is reported: not also called missing */
    set_cell(c, f, s, intern_cell(c, &cell, s), CDG_PROV_ENTRY);
}

/* Resolves the forfait named by `base:`; reports cycles. */
static const cdg_forfait *forfait_base(checker *c, cdg_forfait *f, const cdg_entry *e)
{
    const cdg_value *v = cdg_check_single(c, e);
    cdg_forfait *b = v ? cdg_check_resolve(c, K_FORFAIT, v) : NULL;
    if (!b)
        return NULL;
    if (b == f) {
        ERR(c, cdg_value_span(v), "forfait '%s' cannot be its own base", f->id);
        return NULL;
    }
    if (c->forfait_state[b->index] == 1) {
        ERR(c, cdg_value_span(v), "inheritance cycle: forfait '%s' is, through its bases, a base of itself", f->id);
        return NULL;
    }
    if (c->base_depth + 2 > MAX_BASE_DEPTH) {  /* f and b are the chain's last two */
        ERR(c, cdg_value_span(v), "chain of 'base:' too long (at most %d forfaits)", MAX_BASE_DEPTH);
        return NULL;
    }
    c->base_depth++;
    resolve_forfait(c, b->index);
    c->base_depth--;
    return b;
}

/* `base: ID;`: the forfait whose cells this one inherits. */
static void forfait_base_entry(checker *c, void *item, const cdg_entry *e)
{
    forfait_reader *r = item;
    if (r->base_entry) {
        cdg_diag *g = ERR(c, cdg_entry_key_span(e), "forfait '%s' has two bases", r->f->id);
        NOTE(c, g, cdg_entry_key_span(r->base_entry), "first base given here");
        return;
    }
    r->base_entry = e;
    r->f->base = forfait_base(c, r->f, e);
    r->base_ok = r->f->base != NULL;
}

/* `defaut: status;`: the status of every service not otherwise stated. */
static void forfait_defaut(checker *c, void *item, const cdg_entry *e)
{
    forfait_reader *r = item;
    const cdg_value *v = cdg_check_single(c, e);
    if (r->def_entry) {
        cdg_diag *g = ERR(c, cdg_entry_key_span(e), "forfait '%s' has two defaults", r->f->id);
        NOTE(c, g, cdg_entry_key_span(r->def_entry), "first default given here");
    } else if (v && v->kind == CDG_VAL_KEYWORD && is_status_kw(v->kw)) {
        r->def_entry = e;
        r->def = status_of(v->kw);
    } else if (v) {
        ERR(c, cdg_value_span(v), "'defaut' takes inclus, non_inclus, en_option or sans_objet, found '%s'",
            cdg_check_text(c, v));
        r->base_ok = false;  /* the missing cells only echo this error */
    }
}

/* `prix: …;` and `prix_premiere_annee: …;`: what the forfait costs a
 * year, and the first year. */
static void forfait_prix(checker *c, void *item, const cdg_entry *e)
{
    forfait_reader *r = item;
    const cdg_entry **seen = e->key_kw == CDG_KW_PRIX ? &r->prix_entry : &r->premiere_entry;
    if (*seen) {
        cdg_diag *g = ERR(c, cdg_entry_key_span(e), "'%s' is given twice in forfait '%s'", e->key, r->f->id);
        NOTE(c, g, cdg_entry_key_span(*seen), "first given here");
        return;
    }
    *seen = e;
    const cdg_prix *p = cdg_check_prix(c, e, cdg_arena_printf(c->a, "forfait '%s'", r->f->id), false);
    if (e->key_kw == CDG_KW_PRIX)
        r->f->prix = p;
    else
        r->f->prix_premiere = p;
}

/* `arrondi: …;`: the forfait's own rounding rule. */
static void forfait_arrondi(checker *c, void *item, const cdg_entry *e)
{
    forfait_reader *r = item;
    if (r->arrondi_entry) {
        cdg_diag *g = ERR(c, cdg_entry_key_span(e), "'arrondi' is given twice in forfait '%s'", r->f->id);
        NOTE(c, g, cdg_entry_key_span(r->arrondi_entry), "first given here");
        return;
    }
    r->arrondi_entry = e;
    cdg_check_arrondi(c, e, &r->f->arrondi);
}

static const entry_syntax forfait_syntax = {
    N_("a forfait"), N_("a service id, 'base', 'defaut', 'prix', 'prix_premiere_annee' or 'arrondi'"), NULL, {
    {CDG_KW_NONE, forfait_cell},
    {CDG_KW_BASE, forfait_base_entry},
    {CDG_KW_DEFAUT, forfait_defaut},
    {CDG_KW_PRIX, forfait_prix},
    {CDG_KW_PRIX_PREMIERE_ANNEE, forfait_prix},
    {CDG_KW_ARRONDI, forfait_arrondi},
}};

/* ---- expansion ------------------------------------------------------------------- */

/* Fills the cells the forfait's entries leave unset, from its base, then
 * its default; reports the services still unstated. */
static void fill_unstated(checker *c, const forfait_reader *r)
{
    cdg_model *m = c->m;
    cdg_forfait *f = r->f;
    cdg_cell *unknown = NULL;   /* stands for cells an error left unset */
    cdg_buf miss;
    cdg_buf_init(&miss, c->a);
    unsigned nmiss = 0;
    for (unsigned si = 0; si < m->nservices; si++) {
        cdg_service *s = &m->services[si];
        if ((cdg_ref(&f->refs, si) & 3) == CDG_PROV_ENTRY)
            continue;
        uint32_t inherited = f->base ? cdg_ref(&f->base->refs, si) >> 2 : 0;  /* 0: no cell */
        if (inherited) {
            set_cell(c, f, s, inherited, CDG_PROV_BASE);
        } else if (r->def_entry) {
            set_cell(c, f, s, default_cell(c, s, r->def), CDG_PROV_DEFAUT);
        } else {
            if (!unknown) {
                unknown = cdg_arena_calloc(c->a, 1, sizeof *unknown);
                *unknown = (cdg_cell){.statut = CDG_NON_INCLUS, .texte = ""};
            }
            set_cell(c, f, s, add_cell(c, s, unknown), CDG_PROV_NONE);
            if (!f->base && nmiss++ < 5)
                cdg_buf_printf(&miss, "%s'%s'", nmiss > 1 ? ", " : "", s->id);
        }
    }
    if (nmiss && c->syntax_ok && r->base_ok && is_first(c, K_FORFAIT, f->id, f))
        err_missing(c, f->span, "forfait '%s' says nothing about service %s (state it, or add 'defaut: …;' or 'base: …;')",
                    "forfait '%s' says nothing about services %s (state each, or add 'defaut: …;' or 'base: …;')",
                    f->id, &miss, nmiss);
}

/* Reads a forfait's entries and expands its base and default: every cell
 * resolved, or an error naming the services it does not state. */
static void resolve_forfait(checker *c, unsigned fi)
{
    cdg_model *m = c->m;
    if (c->forfait_state[fi])
        return;
    c->forfait_state[fi] = 1;
    forfait_reader r = {.f = &m->forfaits[fi], .d = c->decls[K_FORFAIT][fi], .def = CDG_NON_INCLUS,
                        .base_ok = true};
    cdg_forfait *f = r.f;
    /* cell 0 (NULL), by nothing; as wide as the largest table needs so far */
    cdg_refs_new(&f->refs, m->nservices, CDG_PROV_NONE, (c->most_cells - 1) << 2 | 3, c->a);
    f->arrondi = m->arrondi;
    cdg_check_entries(c, r.d->block, &forfait_syntax, &r);
    if (r.premiere_entry && !r.prix_entry && f->prix_premiere)
        ERR(c, cdg_entry_key_span(r.premiere_entry), "forfait '%s' gives its price the first year but not the "
            "following years: add 'prix: …;'", f->id);
    if (r.def_entry)
        f->defaut_span = cdg_entry_span(r.def_entry);
    fill_unstated(c, &r);
    c->forfait_state[fi] = 2;
}

/* Every forfait, bases first (resolve_forfait recurses on `base:`). */
void cdg_check_forfaits(checker *c)
{
    cdg_model *m = c->m;
    c->forfait_state = ALLOC(c, m->nforfaits, unsigned char);
    c->cells_cap = ALLOC(c, m->nservices, unsigned);
    c->most_cells = 1;
    c->def_cells = cdg_arena_calloc(c->a, (size_t)m->nservices * 4 + 1, sizeof *c->def_cells);
    for (unsigned s = 0; s < m->nservices; s++) {
        c->cells_cap[s] = m->nforfaits < 4 ? m->nforfaits + 1 : 4;
        m->services[s].cells = ALLOC(c, c->cells_cap[s], const cdg_cell *);
        m->services[s].ncells = 1;  /* cells[0]: NULL */
    }
    for (unsigned i = 0; i < c->m->nforfaits; i++)
        resolve_forfait(c, i);
}
