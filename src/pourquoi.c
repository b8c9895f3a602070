/* pourquoi.c — explanations of answers, built from the provenance the
 * model keeps (cell spans, origine, par_defaut, stratum members) and, for
 * the entries the model does not keep (`base:`, one line of a table),
 * from the syntax tree. */
#include <stdio.h>
#include <string.h>

#include "pourquoi.h"

#include "nls.h"
#include "numfmt.h"

/* An explanation under construction: a list with its tail, in the run's
 * language (people) or as written in the sources. */
typedef struct chain {
    cdg_arena *a;
    bool people;
    cdg_raison *head, **tail;
} chain;

/* msgid in the language of the chain. */
static const char *tr(const chain *c, const char *msgid) __attribute__((format_arg(2)));
static const char *tr(const chain *c, const char *msgid)
{
    return c->people ? _(msgid) : msgid;
}

/* Fills each step's message (the sources' wording, for machines) from the
 * same chain built with people false; returns people's chain. */
static cdg_raison *zip(cdg_raison *people, const cdg_raison *source)
{
    for (cdg_raison *r = people; r && source; r = r->next, source = source->next)
        r->message = source->texte;
    return people;
}

/* Appends a step. */
static void add(chain *c, cdg_span sp, const char *texte)
{
    cdg_raison *r = cdg_arena_calloc(c->a, 1, sizeof *r);
    r->texte = texte;
    r->span = sp;
    *c->tail = r;
    c->tail = &r->next;
}

/* The entry as written, on one line: quoted in the sentences so that the
 * adviser recognises it in the file. */
static const char *quote(const chain *c, const cdg_model *m, cdg_span sp)
{
    cdg_arena *a = c->a;
    const char *t = m->src->text + sp.begin;
    size_t n = sp.end > sp.begin ? sp.end - sp.begin : 0;
    if (n == 0 || t[n - 1] != ';') {
        /* a key span (stratum members): the whole entry, up to its ';' */
        size_t e = n;
        while (sp.begin + e < m->src->len && t[e] != ';' && t[e] != '\n')
            e++;
        if (sp.begin + e < m->src->len && t[e] == ';')
            n = e + 1;
    }
    const char *nl = memchr(t, '\n', n);
    if (nl)
        return cdg_arena_printf(a, tr(c, N_("“%.*s …”")), (int)(nl - t), t);
    return cdg_arena_printf(a, tr(c, N_("“%.*s”")), (int)n, t);
}

/* The declaration of kind kw and id among decls, nested ones included. */
static const cdg_decl *find_decl_by_name(const cdg_decl *d, cdg_keyword kw, const char *id)
{
    for (; d; d = cdg_decl_next(d)) {
        if (d->kw == kw && d->id && strcmp(d->id, id) == 0)
            return d;
        for (const cdg_entry *e = d->block ? cdg_block_entries(d->block) : NULL; e; e = cdg_entry_next(e))
            if (cdg_entry_decl(e)) {
                const cdg_decl *r = find_decl_by_name(cdg_entry_decl(e), kw, id);
                if (r)
                    return r;
            }
    }
    return NULL;
}

/* The declaration of kind kw and id whose name is at at (the model
 * object's span), found by position: declarations are in file order, so
 * the walk skips whole declarations before at, without entering their
 * blocks, and stops at the first one after it. The notes of 100,000
 * failing examples looked their forfait up by name through every
 * declaration, examples included: quadratic. */
static const cdg_decl *find_decl_at(const cdg_decl *d, cdg_keyword kw, const char *id, cdg_span at)
{
    for (; d && d->span.begin <= at.begin; d = cdg_decl_next(d)) {
        if (d->span.end <= at.begin)
            continue;
        if (d->kw == kw && d->id && cdg_decl_id_span(d).begin == at.begin && strcmp(d->id, id) == 0)
            return d;
        for (const cdg_entry *e = d->block ? cdg_block_entries(d->block) : NULL; e; e = cdg_entry_next(e)) {
            const cdg_decl *n = cdg_entry_decl(e);
            if (n && n->span.begin <= at.begin && at.begin < n->span.end)
                return find_decl_at(n, kw, id, at);
        }
        return NULL;
    }
    return NULL;
}

/* The declaration of kind kw, named id at at: by position, else (a model
 * not read from this tree) by name. */
static const cdg_decl *find_decl(const cdg_decl *d, cdg_keyword kw, const char *id, cdg_span at)
{
    const cdg_decl *r = find_decl_at(d, kw, id, at);
    return r ? r : find_decl_by_name(d, kw, id);
}

/* The entry of a block whose key is key (or whose keyword is kw). */
static const cdg_entry *find_entry(const cdg_block *b, cdg_keyword kw, const char *key)
{
    for (const cdg_entry *e = b ? cdg_block_entries(b) : NULL; e; e = cdg_entry_next(e)) {
        if (cdg_entry_decl(e))
            continue;
        if (kw != CDG_KW_NONE ? e->key_kw == kw : (e->key_kw == CDG_KW_NONE && strcmp(e->key, key) == 0))
            return e;
    }
    return NULL;
}

/* The block of forfait f's declaration, or NULL. */
static const cdg_block *forfait_block(const cdg_ast *ast, const cdg_forfait *f)
{
    const cdg_decl *d = ast ? find_decl(ast->decls, CDG_KW_FORFAIT, f->id, f->span) : NULL;
    return d ? d->block : NULL;
}

/* Where the cell of f for s was set: the entry stating it, the `defaut:`
 * entry, or the forfait (a cell nothing set, or no syntax tree). The model
 * keeps only how (provenance): a span per cell would cost more than the
 * cell. */
static cdg_span cell_span(const cdg_ast *ast, const cdg_forfait *f, const cdg_service *s)
{
    const cdg_forfait *o = cdg_cell_origine(f, s);
    if (cdg_cell_provenance(o, s) == CDG_PROV_DEFAUT)
        return o->defaut_span;
    const cdg_entry *e = cdg_cell_stated(o, s) ? find_entry(forfait_block(ast, o), CDG_KW_NONE, s->id) : NULL;
    return e ? cdg_entry_span(e) : o->span;
}

/* The steps of cdg_pourquoi_strate, in c's language. */
static void strate_steps(chain *c, const cdg_model *m, const cdg_profil *p, const cdg_strate *k)
{
    cdg_arena *a = c->a;
    const char *who = p->mesure >= 0
                          ? cdg_arena_printf(a, "%s=%lld", p->categorie->id, (long long)p->mesure)
                          : p->categorie->id;
    const cdg_member *mb = &k->members[p->categorie->index];
    add(c, mb->span,
        cdg_arena_printf(a, tr(c, N_("%s is in stratum %s by %s")), who, k->id, quote(c, m, mb->span)));
    for (unsigned i = 0; i < m->nstrates; i++) {
        const cdg_strate *o = &m->strates[i];
        if (o == k || !cdg_strate_matches(o, p))
            continue;
        const cdg_member *om = &o->members[p->categorie->index];
        add(c, om->span,
            cdg_arena_printf(a, tr(c, N_("%s is also in stratum %s by %s; the rule “chevauchement: %s” keeps %s")),
                             who, o->id, quote(c, m, om->span),
                             m->chevauchement == CDG_CHEVAUCHEMENT_PREMIERE ? "premiere" : "derniere",
                             k->id));
    }
}

cdg_raison *cdg_pourquoi_strate(const cdg_model *m, const cdg_profil *p, const cdg_strate *k,
                                cdg_arena *a)
{
    chain people = {.a = a, .people = true, .tail = &people.head};
    chain source = {.a = a, .people = false, .tail = &source.head};
    strate_steps(&people, m, p, k);
    strate_steps(&source, m, p, k);
    return zip(people.head, source.head);
}

/* The step for the per-stratum quantity of a counted cell in stratum k. */
static void quantity_step(chain *c, const cdg_model *m, const cdg_ast *ast, const cdg_forfait *f,
                          const cdg_service *s, const cdg_strate *k)
{
    const cdg_cell *cell = cdg_model_cell(m, f, s);
    const cdg_forfait *origine = cdg_cell_origine(f, s);
    int64_t q = cdg_cell_quantity(cell, k);
    char qt[CDG_NUM_TEXT_MAX + 64];
    if (!c->people)
        snprintf(qt, sizeof qt, "%lld %s", (long long)q, cdg_service_unite_for(s, q));
    else
        cdg_quantity_text(q, s, qt, sizeof qt);
    bool own = !(s->par_strate && cell->par_strate == s->par_strate);
    const cdg_block *table = NULL;
    if (ast && own) {
        const cdg_entry *e = find_entry(forfait_block(ast, origine), CDG_KW_NONE, s->id);
        table = e ? cdg_entry_block(e) : NULL;
    } else if (ast && !own) {
        const cdg_decl *d = find_decl(ast->decls, CDG_KW_SERVICE, s->id, s->span);
        const cdg_entry *e = d ? find_entry(d->block, CDG_KW_SELON_STRATE, NULL) : NULL;
        table = e ? cdg_entry_block(e) : NULL;
    }
    const cdg_entry *line = find_entry(table, CDG_KW_NONE, k->id);
    cdg_span sp = line ? cdg_entry_span(line) : own ? cell_span(ast, f, s) : s->par_strate_span;
    const char *where = own ? cdg_arena_printf(c->a, tr(c, N_("the own table of %s")), origine->libelle)
                            : cdg_arena_printf(c->a, tr(c, N_("the table of service %s")), s->id);
    add(c, sp, cdg_arena_printf(c->a, tr(c, N_("in stratum %s, %s gives %s: %s")), k->id, where, qt, quote(c, m, sp)));
}

/* The steps of cdg_pourquoi_service, in c's language. */
static void service_steps(chain *c, const cdg_model *m, const cdg_ast *ast, const cdg_forfait *f,
                          const cdg_service *s, const cdg_strate *k)
{
    cdg_arena *a = c->a;
    const cdg_cell *cell = cdg_model_cell(m, f, s);
    const cdg_forfait *o = cdg_cell_origine(f, s);
    cdg_span sp_cell = cell_span(ast, f, s);
    const cdg_forfait *g = f;
    for (unsigned depth = 0; g && g != o && g->base && depth <= m->nforfaits; depth++) {
        const cdg_entry *e = find_entry(forfait_block(ast, g), CDG_KW_BASE, NULL);
        cdg_span sp = e ? cdg_entry_span(e) : g->span;
        add(c, sp,
            cdg_arena_printf(a, tr(c, N_("%s does not state %s and takes it from %s: %s")), g->libelle, s->id,
                             g->base->libelle, quote(c, m, sp)));
        g = g->base;
    }
    if (cell->par_defaut)
        add(c, sp_cell,
            cdg_arena_printf(a, tr(c, N_("%s does not name %s: its default applies, %s")), o->libelle,
                             s->id, quote(c, m, sp_cell)));
    else
        add(c, sp_cell, cdg_arena_printf(a, tr(c, N_("%s says %s")), o->libelle, quote(c, m, sp_cell)));
    if (cell->qte == CDG_QTE_STRATE && k)
        quantity_step(c, m, ast, f, s, k);
}

cdg_raison *cdg_pourquoi_service(const cdg_model *m, const cdg_ast *ast, const cdg_forfait *f,
                                 const cdg_service *s, const cdg_strate *k, cdg_arena *a)
{
    chain people = {.a = a, .people = true, .tail = &people.head};
    chain source = {.a = a, .people = false, .tail = &source.head};
    service_steps(&people, m, ast, f, s, k);
    service_steps(&source, m, ast, f, s, k);
    return zip(people.head, source.head);
}

/* The steps of cdg_pourquoi_option, in c's language. */
static void option_steps(chain *c, const cdg_model *m, const cdg_ast *ast, const cdg_forfait *f,
                         const cdg_option *o, bool extra)
{
    cdg_arena *a = c->a;
    const cdg_decl *d = ast ? find_decl(ast->decls, CDG_KW_OPTION, o->id, o->span) : NULL;
    const cdg_block *b = d ? d->block : NULL;
    const cdg_entry *e = find_entry(b, CDG_KW_TARIF, NULL);
    cdg_span sp = e ? cdg_entry_span(e) : o->span;
    if (extra)
        add(c, sp, cdg_arena_printf(a, tr(c, N_("option %s prices the extra: %s")), o->id, quote(c, m, sp)));
    e = find_entry(b, CDG_KW_NONE, f->id);
    if (!e)
        e = find_entry(b, CDG_KW_DEFAUT, NULL);
    sp = e ? cdg_entry_span(e) : o->span;
    cdg_statut st = cdg_option_cell_of(o, f->index)->statut;
    add(c, sp,
        cdg_arena_printf(a, tr(c, N_("in %s, option %s is %s: %s")), f->libelle, o->id,
                         tr(c, cdg_statut_words(st)), quote(c, m, sp)));
    if (o->montant) {
        e = find_entry(b, CDG_KW_MONTANT, NULL);
        sp = e ? cdg_entry_span(e) : o->span;
        add(c, sp, cdg_arena_printf(a, tr(c, N_("its amount: %s")), quote(c, m, sp)));
    }
}

cdg_raison *cdg_pourquoi_option(const cdg_model *m, const cdg_ast *ast, const cdg_forfait *f,
                                const cdg_option *o, bool extra, cdg_arena *a)
{
    chain people = {.a = a, .people = true, .tail = &people.head};
    chain source = {.a = a, .people = false, .tail = &source.head};
    option_steps(&people, m, ast, f, o, extra);
    option_steps(&source, m, ast, f, o, extra);
    return zip(people.head, source.head);
}

/* The entry that holds sp, on its line: from the start of its key (after
 * the ';' or '<' before it, or the line's start) to its ';' or the end of
 * the line ("S2: 0.45 EUR;" in a table written on one line). */
static const char *quote_line(const chain *c, const cdg_model *m, cdg_span sp)
{
    const char *t = m->src->text;
    uint32_t b = sp.begin, e = sp.begin;
    while (b > 0 && t[b - 1] != '\n' && t[b - 1] != ';' && t[b - 1] != '<')
        b--;
    while (t[b] == ' ' || t[b] == '\t')
        b++;
    while (e < m->src->len && t[e] != '\n' && t[e] != ';')
        e++;
    if (e < m->src->len && t[e] == ';')
        e++;
    return cdg_arena_printf(c->a, tr(c, N_("“%.*s”")), (int)(e - b), t + b);
}

/* The steps of a price line, in the chain's language. */
static void prix_steps(chain *c, const cdg_model *m, const cdg_forfait *f, const cdg_prix_ligne *l,
                       bool with_amount)
{
    if (!l->prix)
        return;
    if (with_amount)
        add(c, l->prix->span, cdg_arena_printf(c->a, tr(c, N_("amount: %s")), quote_line(c, m, l->prix->span)));
    for (unsigned i = 0; i < l->ntermes; i++)
        if (l->termes[i].tranche)
            add(c, l->termes[i].tranche->span,
                cdg_arena_printf(c->a, tr(c, N_("tranche: %s")), quote_line(c, m, l->termes[i].tranche->span)));
    if (f->arrondi.span.end)
        add(c, f->arrondi.span, cdg_arena_printf(c->a, tr(c, N_("rounding: %s")), quote_line(c, m, f->arrondi.span)));
    else
        add(c, f->span, tr(c, N_("rounding: to the nearest cent, half up, line by line (the file states no 'arrondi')")));
}

cdg_raison *cdg_pourquoi_prix(const cdg_model *m, const cdg_forfait *f, const cdg_prix_ligne *l,
                              bool with_amount, cdg_arena *a)
{
    chain people = {.a = a, .people = true, .tail = &people.head};
    chain source = {.a = a, .people = false, .tail = &source.head};
    prix_steps(&people, m, f, l, with_amount);
    prix_steps(&source, m, f, l, with_amount);
    return zip(people.head, source.head);
}

const char *cdg_pourquoi_lieu(cdg_source *src, cdg_span sp, cdg_arena *a)
{
    unsigned line, col;
    cdg_source_position(src, sp.begin, &line, &col);
    return cdg_arena_printf(a, "%s:%u:%u", src->name, line, col);
}
