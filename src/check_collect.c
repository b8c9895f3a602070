/* check_collect.c — pass 1 of the checker: every declaration gets its
 * place in the model and its name (a duplicate is reported with a note at
 * the first definition). One small function per kind of declaration. */
#include "check_impl.h"

/* Registers a name; reports a duplicate with a note at the first one. */
static bool declare(checker *c, decl_kind k, const cdg_decl *d, void *obj,
                    const cdg_span *(*span_of)(void *))
{
    void *prev = cdg_symtab_put(&c->names[k], d->id, obj);
    if (!prev)
        return true;
    cdg_diag *g = ERR(c, cdg_decl_id_span(d), "duplicate %s '%s'", cdg_keyword_name(d->kw), d->id);
    NOTE(c, g, *span_of(prev), "first defined here");
    return false;
}

/* The location of a model object's name, for the note of a duplicate. */
#define SPAN_OF(type)                                                       \
    static const cdg_span *span_of_##type(void *p) { return &((type *)p)->span; }
SPAN_OF(cdg_categorie)
SPAN_OF(cdg_strate)
SPAN_OF(cdg_note)
SPAN_OF(cdg_rubrique)
SPAN_OF(cdg_service)
SPAN_OF(cdg_forfait)
SPAN_OF(cdg_option)

/* Reports a nested declaration where none is allowed. */
static void misplaced_decl(checker *c, const cdg_decl *inner, const cdg_decl *outer)
{
    const char *outer_name = outer->id ? outer->id : outer->label;
    cdg_diag *g = ERR(c, cdg_decl_kw_span(inner), "'%s' cannot be declared inside %s '%s'; is a '>' missing?",
                      cdg_keyword_name(inner->kw), cdg_keyword_name(outer->kw), outer_name);
    if (outer->block)
        NOTE(c, g, cdg_block_open(outer->block), "%s '%s' opens its block here", cdg_keyword_name(outer->kw), outer_name);
}

/* `offre ID "label" < … >`: the one offer the file describes. */
static void collect_offre(checker *c, const cdg_decl *d)
{
    if (c->offre) {
        cdg_diag *g = ERR(c, cdg_decl_kw_span(d), "a second 'offre' declaration (a file describes one offer)");
        NOTE(c, g, cdg_decl_kw_span(c->offre), "the offer is declared here");
        return;
    }
    c->offre = d;
    c->m->id = d->id;
    c->m->libelle = d->label;
}

/* `categorie ID "label" < mesure: … >`. */
static void collect_categorie(checker *c, const cdg_decl *d)
{
    cdg_model *m = c->m;
    cdg_categorie *x = &m->categories[m->ncategories];
    *x = (cdg_categorie){.id = d->id, .libelle = d->label, .span = cdg_decl_id_span(d), .index = m->ncategories};
    c->decls[K_CATEGORIE][m->ncategories++] = d;
    declare(c, K_CATEGORIE, d, x, span_of_cdg_categorie);
}

/* `strate ID "label" < categorie: range; … >`. */
static void collect_strate(checker *c, const cdg_decl *d)
{
    cdg_model *m = c->m;
    cdg_strate *x = &m->strates[m->nstrates];
    *x = (cdg_strate){.id = d->id, .libelle = d->label, .span = cdg_decl_id_span(d), .index = m->nstrates};
    c->decls[K_STRATE][m->nstrates++] = d;
    declare(c, K_STRATE, d, x, span_of_cdg_strate);
}

/* `note ID "text";`: numbered in the order of the file. */
static void collect_note(checker *c, const cdg_decl *d)
{
    cdg_model *m = c->m;
    cdg_note *x = &m->notes[m->nnotes];
    *x = (cdg_note){.id = d->id, .texte = d->label, .span = cdg_decl_id_span(d), .number = m->nnotes + 1};
    c->decls[K_NOTE][m->nnotes++] = d;
    declare(c, K_NOTE, d, x, span_of_cdg_note);
}

/* A service, at the top level (r NULL) or in rubrique r. */
static void add_service(checker *c, const cdg_decl *d, cdg_rubrique *r)
{
    cdg_model *m = c->m;
    cdg_service *s = &m->services[m->nservices];
    *s = (cdg_service){.id = d->id, .libelle = d->label, .colonne = d->label, .span = cdg_decl_id_span(d),
                       .rubrique = r, .index = m->nservices};
    c->decls[K_SERVICE][m->nservices++] = d;
    declare(c, K_SERVICE, d, s, span_of_cdg_service);
}

/* `service ID "label" < … >` at the top level. */
static void collect_service(checker *c, const cdg_decl *d)
{
    add_service(c, d, NULL);
}

/* `rubrique ID "label" < service …; … >`: its services follow each other. */
static void collect_rubrique(checker *c, const cdg_decl *d)
{
    cdg_model *m = c->m;
    cdg_rubrique *r = &m->rubriques[m->nrubriques];
    *r = (cdg_rubrique){.id = d->id, .libelle = d->label, .span = cdg_decl_id_span(d),
                        .index = m->nrubriques, .first = m->nservices};
    c->decls[K_RUBRIQUE][m->nrubriques++] = d;
    declare(c, K_RUBRIQUE, d, r, span_of_cdg_rubrique);
    for (const cdg_entry *e = d->block ? cdg_block_entries(d->block) : NULL; e; e = cdg_entry_next(e)) {
        const cdg_decl *inner = cdg_entry_decl(e);
        if (inner && inner->kw == CDG_KW_SERVICE)
            add_service(c, inner, r);
        else if (inner)
            misplaced_decl(c, inner, d);
        else
            cdg_check_bad_entry(c, e, N_("a rubrique"), N_("'service' declarations"));
    }
    r->count = m->nservices - r->first;
}

/* `forfait ID "label" < … >`: its cells are read in pass 2. */
static void collect_forfait(checker *c, const cdg_decl *d)
{
    cdg_model *m = c->m;
    cdg_forfait *x = &m->forfaits[m->nforfaits];
    *x = (cdg_forfait){.id = d->id, .libelle = d->label, .span = cdg_decl_id_span(d), .index = m->nforfaits};
    c->decls[K_FORFAIT][m->nforfaits++] = d;
    declare(c, K_FORFAIT, d, x, span_of_cdg_forfait);
}

/* `option ID "label" < … >`. */
static void collect_option(checker *c, const cdg_decl *d)
{
    cdg_model *m = c->m;
    cdg_option *x = &m->options[m->noptions];
    *x = (cdg_option){.id = d->id, .libelle = d->label, .span = cdg_decl_id_span(d), .index = m->noptions};
    c->decls[K_OPTION][m->noptions++] = d;
    declare(c, K_OPTION, d, x, span_of_cdg_option);
}

/* `exemple "label" < … >`: examples have no name, and no list of their
 * declarations (cdg_check_exemples walks the tree's). */
static void collect_exemple(checker *c, const cdg_decl *d)
{
    cdg_model *m = c->m;
    m->exemples[m->nexemples++].libelle = d->label;
}

/* Each top-level keyword: its kind (K_COUNT for the offre) and collector. */
static const struct collector {
    cdg_keyword kw;
    decl_kind kind;
    void (*collect)(checker *c, const cdg_decl *d);
} collectors[] = {
    {CDG_KW_OFFRE, K_COUNT, collect_offre},
    {CDG_KW_CATEGORIE, K_CATEGORIE, collect_categorie},
    {CDG_KW_STRATE, K_STRATE, collect_strate},
    {CDG_KW_NOTE, K_NOTE, collect_note},
    {CDG_KW_RUBRIQUE, K_RUBRIQUE, collect_rubrique},
    {CDG_KW_SERVICE, K_SERVICE, collect_service},
    {CDG_KW_FORFAIT, K_FORFAIT, collect_forfait},
    {CDG_KW_OPTION, K_OPTION, collect_option},
    {CDG_KW_EXEMPLE, K_EXEMPLE, collect_exemple},
};
enum { NCOLLECTORS = sizeof collectors / sizeof collectors[0] };

/* The collector of declaration keyword kw, or NULL. */
static const struct collector *collector_of(cdg_keyword kw)
{
    for (unsigned i = 0; i < NCOLLECTORS; i++)
        if (collectors[i].kw == kw)
            return &collectors[i];
    return NULL;
}

/* Counts the declarations of each kind (services inside rubriques too),
 * and makes room for them in the model. */
static void make_room(checker *c, const cdg_ast *ast)
{
    unsigned n[K_COUNT + 1] = {0};
    for (const cdg_decl *d = ast->decls; d; d = cdg_decl_next(d)) {
        const struct collector *k = collector_of(d->kw);
        if (k)
            n[k->kind]++;
        if (d->kw == CDG_KW_RUBRIQUE && d->block)
            for (const cdg_entry *e = cdg_block_entries(d->block); e; e = cdg_entry_next(e))
                if (cdg_entry_decl(e) && cdg_entry_decl(e)->kw == CDG_KW_SERVICE)
                    n[K_SERVICE]++;
    }
    cdg_model *m = c->m;
    m->categories = ALLOC(c, n[K_CATEGORIE], cdg_categorie);
    m->strates = ALLOC(c, n[K_STRATE], cdg_strate);
    m->notes = ALLOC(c, n[K_NOTE], cdg_note);
    m->rubriques = ALLOC(c, n[K_RUBRIQUE], cdg_rubrique);
    m->services = ALLOC(c, n[K_SERVICE], cdg_service);
    m->forfaits = ALLOC(c, n[K_FORFAIT], cdg_forfait);
    m->options = ALLOC(c, n[K_OPTION], cdg_option);
    m->exemples = ALLOC(c, n[K_EXEMPLE], cdg_exemple);
    for (unsigned k = 0; k < K_NAMED; k++)
        c->decls[k] = ALLOC(c, n[k], const cdg_decl *);
    for (unsigned k = 0; k < K_NAMED; k++)
        cdg_symtab_reserve(&c->names[k], n[k]);
    c->note_used = ALLOC(c, n[K_NOTE], bool);
}

/* Pass 1: every declaration to its collector, in the order of the file. */
void cdg_check_collect(checker *c, const cdg_ast *ast)
{
    make_room(c, ast);
    for (const cdg_decl *d = ast->decls; d; d = cdg_decl_next(d)) {
        const struct collector *k = collector_of(d->kw);
        if (k)
            k->collect(c, d);
        /* Declarations nested where they do not belong (a missing '>'). */
        if (d->kw != CDG_KW_RUBRIQUE && d->block)
            for (const cdg_entry *e = cdg_block_entries(d->block); e; e = cdg_entry_next(e))
                if (cdg_entry_decl(e))
                    misplaced_decl(c, cdg_entry_decl(e), d);
    }
    if (!c->offre && c->syntax_ok) {
        cdg_span at = {0, 0};
        ERR(c, at, "no 'offre' declaration (every rules file starts with 'offre ID \"label\" < … >')");
    }
}
