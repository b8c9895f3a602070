/* check.c — from syntax tree to resolved model.
 *
 * Pass 1 collects every declaration and its name (duplicates reported with
 * a note at the first definition). Pass 2 reads each declaration's entries
 * in dependency order: categories, strata, notes, services, forfaits (with
 * inheritance), options, examples. Pass 3 runs the whole-offer checks:
 * strata overlaps and gaps, decreasing quantities, identical forfaits,
 * unused declarations. */
#include "check.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "nls.h"
#include "symtab.h"

#define ERR(c, sp, ...) cdg_diag_add((c)->d, CDG_ERROR, (c)->src, (sp), __VA_ARGS__)
#define WARN(c, sp, ...) cdg_diag_add((c)->d, CDG_WARNING, (c)->src, (sp), __VA_ARGS__)
#define NOTE(c, g, sp, ...) cdg_diag_note((c)->d, (g), (c)->src, (sp), __VA_ARGS__)

/* A slot of the interned-cell table. */
typedef struct pooled_cell {
    uint64_t hash;
    const cdg_service *service;
    cdg_cell *cell;
} pooled_cell;

typedef struct checker {
    cdg_arena *a;
    cdg_source *src;
    cdg_diags *d;
    bool syntax_ok;
    cdg_model *m;
    cdg_symtab cats, strates, notes, rubriques, services, forfaits, options;
    const cdg_decl *offre;
    const cdg_decl **cat_decl, **strate_decl, **note_decl, **rub_decl, **svc_decl,
        **forfait_decl, **option_decl, **exemple_decl;
    bool *note_used;
    unsigned char *forfait_state;  /* 0 new, 1 resolving, 2 done */
    struct svc_cache_slot { const char *key; cdg_service *svc; } *svc_cache;  /* service_named */
    unsigned svc_cache_bits;
    struct pooled_cell *cell_pool; /* interned cells (intern_cell), open addressing */
    size_t cell_pool_cap, cell_pool_len;
    unsigned base_depth;           /* current length of a base: chain */
} checker;

/* Longest chain of `base:` allowed (bounds the checker's recursion). */
enum { MAX_BASE_DEPTH = 64 };

/* ---- small helpers ------------------------------------------------------ */

static const char *kw_name(cdg_keyword k) { return cdg_keyword_name(k); }

/* The span of an entry's values, for messages about the value as a whole. */
static cdg_span values_span(const cdg_entry *e)
{
    const cdg_value *first = cdg_entry_values(e);
    if (!first)
        return cdg_entry_key_span(e);
    cdg_span s = cdg_value_span(first);
    for (const cdg_value *v = first; v; v = cdg_value_next(v))
        s.end = cdg_value_span(v).end;
    return s;
}

static cdg_span span_join(cdg_span a, cdg_span b)
{
    cdg_span s = {a.begin, b.end};
    return s;
}

/* Describes a value for a message: 'inclus', "text", 12. */
static const char *value_text(checker *c, const cdg_value *v)
{
    cdg_span sp = cdg_value_span(v);
    size_t n = sp.end - sp.begin;
    if (n > 40)
        n = 40;
    return cdg_arena_printf(c->a, "%.*s", (int)n, c->src->text + sp.begin);
}

/* Reports an unknown name, with a suggestion from the expected kind, or
 * saying which other kind the name belongs to. */
static void unknown_name(checker *c, cdg_symtab *t, const char *kind, const char *name, cdg_span sp)
{
    const char *s = cdg_symtab_suggest(t, name);
    if (s) {
        ERR(c, sp, "unknown %s '%s'; did you mean '%s'?", kind, name, s);
        return;
    }
    static const char *const kinds[] = {"categorie", "strate", "note", "rubrique",
                                        "service", "forfait", "option"};
    cdg_symtab *tabs[] = {&c->cats, &c->strates, &c->notes, &c->rubriques,
                          &c->services, &c->forfaits, &c->options};
    for (size_t i = 0; i < sizeof tabs / sizeof tabs[0]; i++)
        if (tabs[i] != t && cdg_symtab_get(tabs[i], name)) {
            ERR(c, sp, "'%s' is a %s, not a %s", name, kinds[i], kind);
            return;
        }
    ERR(c, sp, "unknown %s '%s'", kind, name);
}

static void *resolve(checker *c, cdg_symtab *t, const char *kind, const cdg_value *v)
{
    if (v->kind != CDG_VAL_IDENT) {
        ERR(c, cdg_value_span(v), "expected a %s name, found '%s'", kind, value_text(c, v));
        return NULL;
    }
    void *p = cdg_symtab_get(t, v->text);
    if (!p)
        unknown_name(c, t, kind, v->text, cdg_value_span(v));
    return p;
}

/* The entry's only value, or NULL after reporting what was wrong. */
static const cdg_value *single_value(checker *c, const cdg_entry *e)
{
    const cdg_value *v = cdg_entry_values(e);
    if (!v) {
        ERR(c, cdg_entry_key_span(e), "'%s' needs a value ('%s: …;')", e->key, e->key);
        return NULL;
    }
    const cdg_value *extra = cdg_value_next(v);
    if (extra) {
        ERR(c, cdg_value_span(extra), "unexpected '%s': '%s' takes one value", value_text(c, extra), e->key);
        return NULL;
    }
    if (cdg_entry_block(e)) {
        ERR(c, cdg_entry_block(e)->open, "'%s' takes no block", e->key);
        return NULL;
    }
    return v;
}

static const char *string_value(checker *c, const cdg_entry *e)
{
    const cdg_value *v = single_value(c, e);
    if (!v)
        return NULL;
    if (v->kind != CDG_VAL_STRING) {
        ERR(c, cdg_value_span(v), "'%s' takes a string (\"…\"), found '%s'", e->key, value_text(c, v));
        return NULL;
    }
    return v->text;
}

/* A non-negative integer value, or -1 after an error. */
static int64_t int_value(checker *c, const cdg_value *v, const char *what)
{
    if (v->kind != CDG_VAL_INT) {
        /* xgettext:c-format */
        const char *fmt = N_("%s must be a whole number, found '%s'");
        const char *found = value_text(c, v);
        cdg_diag_add_text(c->d, CDG_ERROR, c->src, cdg_value_span(v), cdg_arena_printf(c->a, fmt, what, found),
                          cdg_arena_printf(c->a, _(fmt), _(what), found));
        return -1;
    }
    return v->i;
}

/* Reports an entry that has no meaning where it stands. */
static void bad_entry(checker *c, const cdg_entry *e, const char *where, const char *allowed)
{
    /* xgettext:c-format */
    const char *fmt = N_("unexpected '%s' in %s (expected %s)");
    cdg_diag_add_text(c->d, CDG_ERROR, c->src, cdg_entry_key_span(e),
                      cdg_arena_printf(c->a, fmt, e->key, where, allowed),
                      cdg_arena_printf(c->a, _(fmt), e->key, _(where), _(allowed)));
}

/* Reports the nmiss names missing from owner, listed in miss (the first
 * five): the message one or many, as written and in the user's language. */
static void err_missing(checker *c, cdg_span sp, const char *one, const char *many,
                        const char *owner, cdg_buf *miss, unsigned nmiss)
{
    const char *list = cdg_buf_str(miss), *more = "", *lmore = "";
    if (nmiss > 5) {
        /* xgettext:c-format */
        const char *fmt = N_(" and %u more");
        more = cdg_arena_printf(c->a, fmt, nmiss - 5);
        lmore = cdg_arena_printf(c->a, _(fmt), nmiss - 5);
    }
    cdg_diag_add_text(c->d, CDG_ERROR, c->src, sp,
                      cdg_arena_printf(c->a, nmiss > 1 ? many : one, owner,
                                       cdg_arena_printf(c->a, "%s%s", list, more)),
                      cdg_arena_printf(c->a, cdg_ngettext(one, many, nmiss), owner,
                                       cdg_arena_printf(c->a, "%s%s", list, lmore)));
}

/* Whether obj is the declaration its name resolves to (a duplicate is
 * reported once, and then left out of the whole-offer checks). */
static bool is_first(const cdg_symtab *t, const char *id, const void *obj)
{
    return cdg_symtab_get(t, id) == obj;
}

/* Reports a nested declaration where none is allowed. */
static void misplaced_decl(checker *c, const cdg_decl *inner, const cdg_decl *outer)
{
    cdg_diag *g = ERR(c, inner->kw_span, "'%s' cannot be declared inside %s '%s'; is a '>' missing?",
                      kw_name(inner->kw), kw_name(outer->kw), outer->id ? outer->id : outer->label);
    if (outer->block)
        NOTE(c, g, outer->block->open, "%s '%s' opens its block here",
             kw_name(outer->kw), outer->id ? outer->id : outer->label);
}

static bool is_status_kw(cdg_keyword k)
{
    return k == CDG_KW_INCLUS || k == CDG_KW_NON_INCLUS || k == CDG_KW_EN_OPTION ||
           k == CDG_KW_SANS_OBJET;
}

static cdg_statut status_of(cdg_keyword k)
{
    switch (k) {
    case CDG_KW_NON_INCLUS: return CDG_NON_INCLUS;
    case CDG_KW_EN_OPTION: return CDG_EN_OPTION;
    case CDG_KW_SANS_OBJET: return CDG_SANS_OBJET;
    default: return CDG_INCLUS;
    }
}

/* `non inclus` written with a space (and its siblings): a likely slip. */
static const char *spaced_keyword(const cdg_value *v)
{
    const cdg_value *next = v->kind == CDG_VAL_IDENT ? cdg_value_next(v) : NULL;
    if (!next)
        return NULL;
    const char *w2 = next->kind == CDG_VAL_KEYWORD ? kw_name(next->kw)
                     : next->kind == CDG_VAL_IDENT ? next->text : NULL;
    if (!w2)
        return NULL;
    static const char *const pairs[][3] = {{"non", "inclus", "non_inclus"},
                                           {"en", "option", "en_option"},
                                           {"sans", "objet", "sans_objet"},
                                           {"selon", "strate", "selon_strate"},
                                           {"par", "unite", "par_unite"},
                                           {"sur", "etude", "sur_etude"}};
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++)
        if (strcmp(v->text, pairs[i][0]) == 0 && strcmp(w2, pairs[i][1]) == 0)
            return pairs[i][2];
    return NULL;
}

/* ---- pass 1: declarations and names --------------------------------------- */

/* Registers a name; reports a duplicate with a note at the first one. */
static bool declare(checker *c, cdg_symtab *t, const cdg_decl *d, void *obj,
                    const cdg_span *(*span_of)(void *))
{
    void *prev = cdg_symtab_put(t, d->id, obj);
    if (!prev)
        return true;
    cdg_diag *g = ERR(c, d->id_span, "duplicate %s '%s'", kw_name(d->kw), d->id);
    NOTE(c, g, *span_of(prev), "first defined here");
    return false;
}

#define SPAN_OF(type)                                                       \
    static const cdg_span *span_of_##type(void *p) { return &((type *)p)->span; }
SPAN_OF(cdg_categorie)
SPAN_OF(cdg_strate)
SPAN_OF(cdg_note)
SPAN_OF(cdg_rubrique)
SPAN_OF(cdg_service)
SPAN_OF(cdg_forfait)
SPAN_OF(cdg_option)

/* Counts the declarations of each kind (services inside rubriques too). */
static void count_decls(checker *c, const cdg_ast *ast)
{
    cdg_model *m = c->m;
    for (const cdg_decl *d = ast->decls; d; d = d->next) {
        switch (d->kw) {
        case CDG_KW_CATEGORIE: m->ncategories++; break;
        case CDG_KW_STRATE: m->nstrates++; break;
        case CDG_KW_NOTE: m->nnotes++; break;
        case CDG_KW_SERVICE: m->nservices++; break;
        case CDG_KW_FORFAIT: m->nforfaits++; break;
        case CDG_KW_OPTION: m->noptions++; break;
        case CDG_KW_EXEMPLE: m->nexemples++; break;
        case CDG_KW_RUBRIQUE:
            m->nrubriques++;
            if (d->block)
                for (const cdg_entry *e = d->block->entries; e; e = e->next)
                    if (cdg_entry_decl(e) && cdg_entry_decl(e)->kw == CDG_KW_SERVICE)
                        m->nservices++;
            break;
        default: break;
        }
    }
}

/* n zeroed objects of type T (at least one, so that pointers are valid). */
#define ALLOC(c, n, T) ((T *)cdg_arena_calloc((c)->a, at_least_one(n), sizeof(T)))
static size_t at_least_one(size_t n) { return n ? n : 1; }

static void add_service(checker *c, const cdg_decl *d, cdg_rubrique *r)
{
    cdg_model *m = c->m;
    cdg_service *s = &m->services[m->nservices];
    s->id = d->id;
    s->libelle = d->label;
    s->colonne = d->label;
    s->span = d->id_span;
    s->rubrique = r;
    s->index = m->nservices;
    c->svc_decl[m->nservices++] = d;
    declare(c, &c->services, d, s, span_of_cdg_service);
}

static void collect(checker *c, const cdg_ast *ast)
{
    cdg_model *m = c->m;
    count_decls(c, ast);
    m->categories = ALLOC(c, m->ncategories, cdg_categorie);
    m->strates = ALLOC(c, m->nstrates, cdg_strate);
    m->notes = ALLOC(c, m->nnotes, cdg_note);
    m->rubriques = ALLOC(c, m->nrubriques, cdg_rubrique);
    m->services = ALLOC(c, m->nservices, cdg_service);
    m->forfaits = ALLOC(c, m->nforfaits, cdg_forfait);
    m->options = ALLOC(c, m->noptions, cdg_option);
    m->exemples = ALLOC(c, m->nexemples, cdg_exemple);
    c->cat_decl = ALLOC(c, m->ncategories, const cdg_decl *);
    c->strate_decl = ALLOC(c, m->nstrates, const cdg_decl *);
    c->note_decl = ALLOC(c, m->nnotes, const cdg_decl *);
    c->rub_decl = ALLOC(c, m->nrubriques, const cdg_decl *);
    c->svc_decl = ALLOC(c, m->nservices, const cdg_decl *);
    c->forfait_decl = ALLOC(c, m->nforfaits, const cdg_decl *);
    c->option_decl = ALLOC(c, m->noptions, const cdg_decl *);
    c->exemple_decl = ALLOC(c, m->nexemples, const cdg_decl *);
    c->note_used = ALLOC(c, m->nnotes, bool);
    m->ncategories = m->nstrates = m->nnotes = m->nrubriques = m->nservices = 0;
    m->nforfaits = m->noptions = m->nexemples = 0;

    for (const cdg_decl *d = ast->decls; d; d = d->next) {
        switch (d->kw) {
        case CDG_KW_OFFRE:
            if (c->offre) {
                cdg_diag *g = ERR(c, d->kw_span, "a second 'offre' declaration (a file describes one offer)");
                NOTE(c, g, c->offre->kw_span, "the offer is declared here");
            } else {
                c->offre = d;
                m->id = d->id;
                m->libelle = d->label;
            }
            break;
        case CDG_KW_CATEGORIE: {
            cdg_categorie *x = &m->categories[m->ncategories];
            *x = (cdg_categorie){.id = d->id, .libelle = d->label, .span = d->id_span,
                                 .index = m->ncategories};
            c->cat_decl[m->ncategories++] = d;
            declare(c, &c->cats, d, x, span_of_cdg_categorie);
            break;
        }
        case CDG_KW_STRATE: {
            cdg_strate *x = &m->strates[m->nstrates];
            *x = (cdg_strate){.id = d->id, .libelle = d->label, .span = d->id_span,
                              .index = m->nstrates};
            c->strate_decl[m->nstrates++] = d;
            declare(c, &c->strates, d, x, span_of_cdg_strate);
            break;
        }
        case CDG_KW_NOTE: {
            cdg_note *x = &m->notes[m->nnotes];
            *x = (cdg_note){.id = d->id, .texte = d->label, .span = d->id_span,
                            .number = m->nnotes + 1};
            c->note_decl[m->nnotes++] = d;
            declare(c, &c->notes, d, x, span_of_cdg_note);
            break;
        }
        case CDG_KW_RUBRIQUE: {
            cdg_rubrique *r = &m->rubriques[m->nrubriques];
            *r = (cdg_rubrique){.id = d->id, .libelle = d->label, .span = d->id_span,
                                .index = m->nrubriques, .first = m->nservices};
            c->rub_decl[m->nrubriques++] = d;
            declare(c, &c->rubriques, d, r, span_of_cdg_rubrique);
            if (d->block)
                for (const cdg_entry *e = d->block->entries; e; e = e->next) {
                    if (cdg_entry_decl(e) && cdg_entry_decl(e)->kw == CDG_KW_SERVICE)
                        add_service(c, cdg_entry_decl(e), r);
                    else if (cdg_entry_decl(e))
                        misplaced_decl(c, cdg_entry_decl(e), d);
                    else
                        bad_entry(c, e, N_("a rubrique"), N_("'service' declarations"));
                }
            r->count = m->nservices - r->first;
            break;
        }
        case CDG_KW_SERVICE:
            add_service(c, d, NULL);
            break;
        case CDG_KW_FORFAIT: {
            cdg_forfait *x = &m->forfaits[m->nforfaits];
            *x = (cdg_forfait){.id = d->id, .libelle = d->label, .span = d->id_span,
                               .index = m->nforfaits};
            c->forfait_decl[m->nforfaits++] = d;
            declare(c, &c->forfaits, d, x, span_of_cdg_forfait);
            break;
        }
        case CDG_KW_OPTION: {
            cdg_option *x = &m->options[m->noptions];
            *x = (cdg_option){.id = d->id, .libelle = d->label, .span = d->id_span,
                              .index = m->noptions};
            c->option_decl[m->noptions++] = d;
            declare(c, &c->options, d, x, span_of_cdg_option);
            break;
        }
        case CDG_KW_EXEMPLE:
            m->exemples[m->nexemples].libelle = d->label;
            m->exemples[m->nexemples].span = d->label_span;
            c->exemple_decl[m->nexemples++] = d;
            break;
        default:
            break;
        }
        /* Declarations nested where they do not belong (a missing '>'). */
        if (d->kw != CDG_KW_RUBRIQUE && d->block)
            for (const cdg_entry *e = d->block->entries; e; e = e->next)
                if (cdg_entry_decl(e))
                    misplaced_decl(c, cdg_entry_decl(e), d);
    }
    if (!c->offre && c->syntax_ok) {
        cdg_span at = {0, 0};
        ERR(c, at, "no 'offre' declaration (every rules file starts with 'offre ID \"label\" < … >')");
    }
}

/* ---- pass 2: entries --------------------------------------------------------- */

/* `titre: forfaits|strates|options "…";`: a published table's title. */
static void check_titre(checker *c, const cdg_entry *e)
{
    const cdg_value *v = cdg_entry_values(e), *title = v ? cdg_value_next(v) : NULL;
    if (!v || v->kind != CDG_VAL_IDENT || !title || title->kind != CDG_VAL_STRING ||
        cdg_value_next(title) || cdg_entry_block(e)) {
        ERR(c, v ? cdg_value_span(v) : cdg_entry_key_span(e), "'titre' names a table and its title: 'titre: strates \"…\";'");
        return;
    }
    const char **slot = strcmp(v->text, "forfaits") == 0  ? &c->m->titre_forfaits
                        : strcmp(v->text, "strates") == 0 ? &c->m->titre_strates
                        : strcmp(v->text, "options") == 0 ? &c->m->titre_options
                                                          : NULL;
    if (!slot) {
        static const char *const tables[] = {"forfaits", "strates", "options"};
        const char *s = cdg_suggest(v->text, tables, 3);
        if (s)
            ERR(c, cdg_value_span(v), "unknown table '%s'; did you mean '%s'?", v->text, s);
        else
            ERR(c, cdg_value_span(v), "unknown table '%s' (expected forfaits, strates or options)", v->text);
        return;
    }
    if (*slot) {
        ERR(c, cdg_value_span(v), "the title of table '%s' is given twice", v->text);
        return;
    }
    *slot = title->text;
}

static void check_offre(checker *c)
{
    cdg_model *m = c->m;
    m->chevauchement = CDG_CHEVAUCHEMENT_DERNIERE;
    if (!c->offre || !c->offre->block)
        return;
    for (const cdg_entry *e = c->offre->block->entries; e; e = e->next) {
        if (cdg_entry_decl(e))
            continue;
        switch (e->key_kw) {
        case CDG_KW_EDITEUR:
            m->editeur = string_value(c, e);
            break;
        case CDG_KW_EDITION: {
            const cdg_value *v = single_value(c, e);
            if (v && (v->kind == CDG_VAL_INT || v->kind == CDG_VAL_STRING))
                m->edition = v->kind == CDG_VAL_STRING ? v->text : value_text(c, v);
            else if (v)
                ERR(c, cdg_value_span(v), "'edition' takes a year or a string, found '%s'", value_text(c, v));
            break;
        }
        case CDG_KW_CHEVAUCHEMENT: {
            const cdg_value *v = single_value(c, e);
            if (v && v->kw == CDG_KW_PREMIERE)
                m->chevauchement = CDG_CHEVAUCHEMENT_PREMIERE;
            else if (v && v->kw != CDG_KW_DERNIERE)
                ERR(c, cdg_value_span(v), "'chevauchement' is 'premiere' or 'derniere', found '%s'",
                    value_text(c, v));
            break;
        }
        case CDG_KW_TITRE:
            check_titre(c, e);
            break;
        default:
            bad_entry(c, e, N_("the offre"), N_("'editeur', 'edition', 'chevauchement' or 'titre'"));
        }
    }
}

static void check_categories(checker *c)
{
    for (unsigned i = 0; i < c->m->ncategories; i++) {
        const cdg_decl *d = c->cat_decl[i];
        if (!d->block)
            continue;
        for (const cdg_entry *e = d->block->entries; e; e = e->next) {
            if (cdg_entry_decl(e))
                continue;
            if (e->key_kw != CDG_KW_MESURE) {
                bad_entry(c, e, N_("a categorie"), N_("'mesure'"));
                continue;
            }
            const cdg_value *v = single_value(c, e);
            if (v && v->kind == CDG_VAL_IDENT)
                c->m->categories[i].mesure = v->text;
            else if (v && v->kind == CDG_VAL_STRING)
                c->m->categories[i].mesure = v->text;
            else if (v)
                ERR(c, cdg_value_span(v), "'mesure' takes a word (habitants, agents), found '%s'", value_text(c, v));
        }
    }
}

static void check_strates(checker *c)
{
    cdg_model *m = c->m;
    for (unsigned i = 0; i < m->nstrates; i++) {
        cdg_strate *k = &m->strates[i];
        const cdg_decl *d = c->strate_decl[i];
        k->members = ALLOC(c, m->ncategories, cdg_member);
        if (!d->block) {
            ERR(c, d->id_span, "strate '%s' takes no authority: give its ranges ('< commune: ..249; >')", d->id);
            continue;
        }
        for (const cdg_entry *e = d->block->entries; e; e = e->next) {
            if (cdg_entry_decl(e))
                continue;
            if (e->key_kw != CDG_KW_NONE) {
                bad_entry(c, e, N_("a strate"), N_("a categorie and its range"));
                continue;
            }
            cdg_categorie *cat = cdg_symtab_get(&c->cats, e->key);
            if (!cat) {
                unknown_name(c, &c->cats, "categorie", e->key, cdg_entry_key_span(e));
                continue;
            }
            cdg_member *mb = &k->members[cat->index];
            if (mb->kind != CDG_MEMBER_NONE) {
                cdg_diag *g = ERR(c, cdg_entry_key_span(e), "categorie '%s' appears twice in strate '%s'", cat->id, k->id);
                NOTE(c, g, mb->span, "first given here");
                continue;
            }
            const cdg_value *v = single_value(c, e);
            if (!v)
                continue;
            if (v->kind == CDG_VAL_KEYWORD && v->kw == CDG_KW_TOUS) {
                *mb = (cdg_member){CDG_MEMBER_ALL, 0, CDG_OPEN, cdg_entry_key_span(e)};
                continue;
            }
            if (!cat->mesure) {
                ERR(c, cdg_value_span(v), "categorie '%s' has no 'mesure': a strate takes it whole ('%s: tous;')",
                    cat->id, cat->id);
                continue;
            }
            if (v->kind == CDG_VAL_INT)
                *mb = (cdg_member){CDG_MEMBER_RANGE, v->i, v->i, cdg_entry_key_span(e)};
            else if (v->kind == CDG_VAL_RANGE) {
                *mb = (cdg_member){CDG_MEMBER_RANGE, v->lo, v->hi < 0 ? CDG_OPEN : v->hi, cdg_entry_key_span(e)};
                if (v->hi >= 0 && v->lo > v->hi)
                    ERR(c, cdg_value_span(v), "empty range %" PRId64 "..%" PRId64 " (the lower bound is above the upper one)",
                        v->lo, v->hi);
            } else
                ERR(c, cdg_value_span(v), "expected a range of %s (250..499, ..249, 5000..) or 'tous', found '%s'",
                    cat->mesure, value_text(c, v));
        }
    }
}

static void check_notes(checker *c)
{
    for (unsigned i = 0; i < c->m->nnotes; i++)
        if (c->note_decl[i]->block)
            ERR(c, c->note_decl[i]->block->open, "a note takes no block: 'note %s \"text\";'",
                c->note_decl[i]->id);
}

/* Reads `selon_strate < S1: n; … >`: a quantity for every stratum.
 * spans (may be NULL) receives each quantity's location. */
static int64_t *read_strate_table(checker *c, const cdg_block *b, const char *owner, cdg_span *spans)
{
    cdg_model *m = c->m;
    int64_t *q = ALLOC(c, m->nstrates, int64_t);
    cdg_span *seen = ALLOC(c, m->nstrates, cdg_span);
    bool *have = ALLOC(c, m->nstrates, bool);
    for (const cdg_entry *e = b->entries; e; e = e->next) {
        if (cdg_entry_decl(e))
            continue;
        if (e->key_kw != CDG_KW_NONE) {
            bad_entry(c, e, N_("a selon_strate table"), N_("a strate and its quantity"));
            continue;
        }
        cdg_strate *k = cdg_symtab_get(&c->strates, e->key);
        if (!k) {
            unknown_name(c, &c->strates, "strate", e->key, cdg_entry_key_span(e));
            continue;
        }
        if (have[k->index]) {
            cdg_diag *g = ERR(c, cdg_entry_key_span(e), "strate '%s' appears twice in this table", k->id);
            NOTE(c, g, seen[k->index], "first given here");
            continue;
        }
        const cdg_value *v = single_value(c, e);
        if (!v)
            continue;
        int64_t n = int_value(c, v, N_("a quantity"));
        if (n < 0)
            continue;
        have[k->index] = true;
        seen[k->index] = cdg_entry_key_span(e);
        q[k->index] = n;
        if (spans)
            spans[k->index] = cdg_value_span(v);
    }
    if (c->syntax_ok) {
        cdg_buf miss;
        cdg_buf_init(&miss, c->a);
        unsigned nmiss = 0;
        for (unsigned i = 0; i < m->nstrates; i++)
            if (!have[i] && is_first(&c->strates, m->strates[i].id, &m->strates[i])) {
                if (nmiss < 5)
                    cdg_buf_printf(&miss, "%s'%s'", nmiss ? ", " : "", m->strates[i].id);
                nmiss++;
            }
        if (nmiss)
            err_missing(c, b->open, "the selon_strate table of %s has no quantity for strate %s",
                        "the selon_strate table of %s has no quantity for strates %s", owner, &miss, nmiss);
    }
    return q;
}

/* Warns where a per-stratum quantity decreases as the strata grow. */
static void check_decreasing(checker *c, const int64_t *q, const cdg_span *spans, const char *owner)
{
    for (unsigned k = 1; k < c->m->nstrates; k++)
        if (q[k] < q[k - 1] && spans[k].end)
            WARN(c, spans[k], "the quantity of %s decreases from %" PRId64 " in '%s' to %" PRId64 " in '%s'",
                 owner, q[k - 1], c->m->strates[k - 1].id, q[k], c->m->strates[k].id);
}

static void check_services(checker *c)
{
    cdg_model *m = c->m;
    for (unsigned i = 0; i < m->nservices; i++) {
        cdg_service *s = &m->services[i];
        const cdg_decl *d = c->svc_decl[i];
        if (!d->block)
            continue;
        const cdg_entry *table = NULL;
        for (const cdg_entry *e = d->block->entries; e; e = e->next) {
            if (cdg_entry_decl(e))
                continue;
            switch (e->key_kw) {
            case CDG_KW_UNITE: {
                const char *u = string_value(c, e);
                if (u && !*u)
                    ERR(c, values_span(e), "'unite' cannot be empty");
                else if (u)
                    s->unite = u;
                break;
            }
            case CDG_KW_COLONNE: {
                const char *t = string_value(c, e);
                if (t)
                    s->colonne = t;
                break;
            }
            case CDG_KW_NOTE: {
                const cdg_value *v = single_value(c, e);
                cdg_note *n = v ? resolve(c, &c->notes, "note", v) : NULL;
                if (n) {
                    s->note = n;
                    c->note_used[n->number - 1] = true;
                }
                break;
            }
            case CDG_KW_SELON_STRATE:
                if (!cdg_entry_block(e) || cdg_entry_values(e)) {
                    ERR(c, cdg_entry_key_span(e), "write the quantities as 'selon_strate < S1: 1; S2: 2; … >;'");
                    break;
                }
                table = e;
                break;
            default:
                bad_entry(c, e, N_("a service"), N_("'unite', 'colonne', 'note' or 'selon_strate'"));
            }
        }
        if (table) {
            cdg_span *spans = ALLOC(c, m->nstrates, cdg_span);
            s->par_strate = read_strate_table(c, cdg_entry_block(table), cdg_arena_printf(c->a, "service '%s'", s->id), spans);
            s->par_strate_span = cdg_entry_key_span(table);
            if (!s->unite)
                ERR(c, cdg_entry_key_span(table), "service '%s' has quantities but no 'unite' (what do they count?)", s->id);
            check_decreasing(c, s->par_strate, spans, cdg_arena_printf(c->a, "'%s'", s->id));
        }
    }
}

/* ---- forfaits ---------------------------------------------------------------- */

/* Generated wording of a cell (when the file gives none). */
static const char *cell_wording(checker *c, const cdg_service *s, const cdg_cell *cell)
{
    switch (cell->statut) {
    case CDG_NON_INCLUS: return "Non inclus";
    case CDG_EN_OPTION: return "En option";
    case CDG_SANS_OBJET: return "";
    case CDG_INCLUS: break;
    }
    const char *u = s->unite ? s->unite : "";
    if (cell->qte == CDG_QTE_FIXE)
        return cdg_arena_printf(c->a, "%" PRId64 " %s inclus", cell->quantite, u);
    if (cell->qte == CDG_QTE_STRATE && cell->par_strate && c->m->nstrates) {
        int64_t lo = cell->par_strate[0], hi = lo;
        for (unsigned k = 1; k < c->m->nstrates; k++) {
            if (cell->par_strate[k] < lo) lo = cell->par_strate[k];
            if (cell->par_strate[k] > hi) hi = cell->par_strate[k];
        }
        if (lo == hi)
            return cdg_arena_printf(c->a, "%" PRId64 " %s inclus", lo, u);
        return cdg_arena_printf(c->a, "De %" PRId64 " à %" PRId64 " selon strate (voir tableau ci-dessous)", lo, hi);
    }
    if (cell->attaches) {
        cdg_buf b;
        cdg_buf_init(&b, c->a);
        cdg_buf_puts(&b, "Inclus avec ");
        for (const cdg_attache *t = cell->attaches; t; t = t->next)
            cdg_buf_printf(&b, "%s%" PRId64 " %s", t == cell->attaches ? "" : " et ", t->quantite,
                           t->service->unite ? t->service->unite : t->service->libelle);
        return cdg_buf_str(&b);
    }
    return "Inclus";
}

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
    const char *spaced = spaced_keyword(v);
    if (spaced) {
        ERR(c, span_join(cdg_value_span(v), cdg_value_span(cdg_value_next(v))), "unexpected '%s %s'; did you mean '%s'?",
            v->text, value_text(c, cdg_value_next(v)), spaced);
        return;
    }
    if (v->kind == CDG_VAL_INT) {
        cell->statut = CDG_INCLUS;
        cell->qte = CDG_QTE_FIXE;
        cell->quantite = v->i;
        if (!s->unite) {
            ERR(c, cdg_value_span(v), "a quantity for service '%s', which has no 'unite' (what does it count?)", s->id);
            return;
        }
    } else if (v->kind == CDG_VAL_KEYWORD && v->kw == CDG_KW_SELON_STRATE) {
        cell->statut = CDG_INCLUS;
        cell->qte = CDG_QTE_STRATE;
        if (!s->unite) {
            ERR(c, cdg_value_span(v), "'selon_strate' for service '%s', which has no 'unite' (what does it count?)", s->id);
            return;
        }
        if (cdg_entry_block(e)) {
            cdg_span *spans = ALLOC(c, c->m->nstrates, cdg_span);
            cell->par_strate = read_strate_table(c, cdg_entry_block(e),
                cdg_arena_printf(c->a, "'%s' in forfait '%s'", s->id, f->id), spans);
            check_decreasing(c, cell->par_strate, spans, cdg_arena_printf(c->a, "'%s' in forfait '%s'", s->id, f->id));
        } else if (s->par_strate)
            cell->par_strate = s->par_strate;
        else {
            ERR(c, cdg_value_span(v), "service '%s' has no per-stratum quantities: give them in the service "
                            "('selon_strate < S1: …; >;') or here", s->id);
            return;
        }
    } else if (v->kind == CDG_VAL_KEYWORD && is_status_kw(v->kw)) {
        cell->statut = status_of(v->kw);
    } else {
        ERR(c, cdg_value_span(v), "expected inclus, non_inclus, en_option, sans_objet, selon_strate or a "
                        "quantity for service '%s', found '%s'", s->id, value_text(c, v));
        return;
    }
    v = cdg_value_next(v);
    if (v && v->kind == CDG_VAL_STRING) {
        cell->texte = v->text;
        cell->texte_explicite = true;
        v = cdg_value_next(v);
    }
    if (v) {
        if (cell->texte_explicite)
            ERR(c, cdg_value_span(v), "unexpected '%s' after the cell's value and wording", value_text(c, v));
        else
            ERR(c, cdg_value_span(v), "unexpected '%s' after the cell's value (the wording, if any, is one string)",
                value_text(c, v));
        return;
    }
    if (cdg_entry_block(e) && cell->qte != CDG_QTE_STRATE) {
        if (cell->statut != CDG_INCLUS || cell->qte != CDG_QTE_AUCUNE) {
            ERR(c, cdg_entry_block(e)->open, "only an 'inclus' cell takes a block of attached quantities");
            return;
        }
        cdg_attache **tail = &cell->attaches;
        for (const cdg_entry *a = cdg_entry_block(e)->entries; a; a = a->next) {
            if (cdg_entry_decl(a))
                continue;
            if (a->key_kw != CDG_KW_NONE) {
                bad_entry(c, a, N_("attached quantities"), N_("a service and its quantity"));
                continue;
            }
            const cdg_service *t = cdg_symtab_get(&c->services, a->key);
            if (!t) {
                unknown_name(c, &c->services, "service", a->key, cdg_entry_key_span(a));
                continue;
            }
            const cdg_value *q = single_value(c, a);
            if (!q)
                continue;
            int64_t n = int_value(c, q, N_("an attached quantity"));
            if (n < 0)
                continue;
            if (!t->unite) {
                ERR(c, cdg_value_span(q), "a quantity for service '%s', which has no 'unite'", t->id);
                continue;
            }
            cdg_attache *at = cdg_arena_calloc(c->a, 1, sizeof *at);
            at->service = t;
            at->quantite = n;
            *tail = at;
            tail = &at->next;
        }
    }
}

/* Hash of a cell's content and its service (intern_cell's key). */
static uint64_t cell_hash(const cdg_cell *x, const cdg_service *s)
{
    uint64_t h = 1469598103934665603u;
    h = (h ^ ((uint64_t)x->statut << 8 | (uint64_t)x->qte << 4 | (uint64_t)x->par_defaut)) * 1099511628211u;
    h = (h ^ (uint64_t)x->quantite) * 1099511628211u;
    h = (h ^ (uint64_t)s->index) * 1099511628211u;
    return h ^ (h >> 29);
}

/* The shared copy of cell x (read for service s), its wording generated
 * once. Only cells without an explicit wording, attached quantities or a
 * table of their own are shared: the others are unique anyway. Keeps the
 * model at a pointer per cell instead of a 48-byte cell and a wording. */
static const cdg_cell *intern_cell(checker *c, const cdg_cell *x, const cdg_service *s)
{
    if (x->texte || x->attaches || (x->qte == CDG_QTE_STRATE && x->par_strate != s->par_strate)) {
        cdg_cell *own = cdg_arena_alloc(c->a, sizeof *own);
        *own = *x;
        if (!own->texte)
            own->texte = cell_wording(c, s, own);
        return own;
    }
    if ((c->cell_pool_len + 1) * 2 > c->cell_pool_cap) {
        size_t ocap = c->cell_pool_cap;
        pooled_cell *old = c->cell_pool;
        c->cell_pool_cap = ocap ? ocap * 2 : 256;
        c->cell_pool = ALLOC(c, c->cell_pool_cap, pooled_cell);
        for (size_t i = 0; i < ocap; i++)
            if (old[i].cell) {
                size_t j = (size_t)old[i].hash & (c->cell_pool_cap - 1);
                while (c->cell_pool[j].cell)
                    j = (j + 1) & (c->cell_pool_cap - 1);
                c->cell_pool[j] = old[i];
            }
    }
    uint64_t h = cell_hash(x, s);
    size_t j = (size_t)h & (c->cell_pool_cap - 1);
    for (; c->cell_pool[j].cell; j = (j + 1) & (c->cell_pool_cap - 1)) {
        const cdg_cell *y = c->cell_pool[j].cell;
        if (c->cell_pool[j].hash == h && c->cell_pool[j].service == s && y->statut == x->statut &&
            y->qte == x->qte && y->quantite == x->quantite && y->par_strate == x->par_strate &&
            y->par_defaut == x->par_defaut)
            return y;
    }
    cdg_cell *own = cdg_arena_alloc(c->a, sizeof *own);
    *own = *x;
    own->texte = cell_wording(c, s, own);
    c->cell_pool[j] = (pooled_cell){h, s, own};
    c->cell_pool_len++;
    return own;
}

static void resolve_forfait(checker *c, unsigned fi);

/* The service named key, or NULL: a direct-mapped cache keyed by the
 * name's address sits in front of the symbol table, since the scanner
 * interns names and a large file names each service once per forfait.
 * Four slots per service, up to 65536 slots (1 MB): few names share one,
 * and an absurd file of millions of services does not pay for a cache. */
static cdg_service *service_named(checker *c, const char *key)
{
    if (!c->svc_cache) {
        c->svc_cache_bits = 8;
        while (c->svc_cache_bits < 16 && ((size_t)1 << c->svc_cache_bits) < 4 * (size_t)c->m->nservices)
            c->svc_cache_bits++;
        c->svc_cache = ALLOC(c, (size_t)1 << c->svc_cache_bits, struct svc_cache_slot);
    }
    size_t i = (size_t)(((uint64_t)(uintptr_t)key * 0x9e3779b97f4a7c15u) >> (64 - c->svc_cache_bits));
    if (c->svc_cache[i].key != key) {
        c->svc_cache[i].key = key;
        c->svc_cache[i].svc = cdg_symtab_get(&c->services, key);
    }
    return c->svc_cache[i].svc;
}

/* The first entry of forfait d that states service s (which has one): found
 * again only for a duplicate, so that no per-forfait index is kept. */
static const cdg_entry *first_cell_entry(const cdg_decl *d, const cdg_service *s)
{
    const cdg_entry *e = d->block->entries;
    while (cdg_entry_decl(e) || e->key_kw != CDG_KW_NONE || strcmp(e->key, s->id) != 0)
        e = e->next;
    return e;
}

/* Resolves the forfait named by `base:`; reports cycles. */
static const cdg_forfait *forfait_base(checker *c, cdg_forfait *f, const cdg_entry *e)
{
    const cdg_value *v = single_value(c, e);
    cdg_forfait *b = v ? resolve(c, &c->forfaits, "forfait", v) : NULL;
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

/* Reads a forfait's entries and expands its base and default: every cell
 * resolved, or an error naming the services it does not state. */
static void resolve_forfait(checker *c, unsigned fi)
{
    cdg_model *m = c->m;
    if (c->forfait_state[fi])
        return;
    c->forfait_state[fi] = 1;
    cdg_forfait *f = &m->forfaits[fi];
    const cdg_decl *d = c->forfait_decl[fi];
    f->cells = ALLOC(c, m->nservices, const cdg_cell *);
    f->provenance = ALLOC(c, m->nservices, unsigned char);
    cdg_cell *def_cell = NULL;  /* shared by every cell `defaut:` sets */
    unsigned char *prov = f->provenance;
    for (unsigned s = 0; s < m->nservices; s++)
        prov[s] = CDG_PROV_NONE;
    bool has_default = false, base_ok = true;
    cdg_statut def = CDG_NON_INCLUS;
    const cdg_entry *base_entry = NULL, *def_entry = NULL;

    for (const cdg_entry *e = d->block ? d->block->entries : NULL; e; e = e->next) {
        if (cdg_entry_decl(e))
            continue;
        if (e->key_kw == CDG_KW_BASE) {
            if (base_entry) {
                cdg_diag *g = ERR(c, cdg_entry_key_span(e), "forfait '%s' has two bases", f->id);
                NOTE(c, g, cdg_entry_key_span(base_entry), "first base given here");
                continue;
            }
            base_entry = e;
            f->base = forfait_base(c, f, e);
            base_ok = f->base != NULL;
            continue;
        }
        if (e->key_kw == CDG_KW_DEFAUT) {
            const cdg_value *v = single_value(c, e);
            if (def_entry) {
                cdg_diag *g = ERR(c, cdg_entry_key_span(e), "forfait '%s' has two defaults", f->id);
                NOTE(c, g, cdg_entry_key_span(def_entry), "first default given here");
            } else if (v && v->kind == CDG_VAL_KEYWORD && is_status_kw(v->kw)) {
                def_entry = e;
                has_default = true;
                def = status_of(v->kw);
            } else if (v) {
                ERR(c, cdg_value_span(v), "'defaut' takes inclus, non_inclus, en_option or sans_objet, found '%s'",
                    value_text(c, v));
                base_ok = false;  /* the missing cells only echo this error */
            }
            continue;
        }
        if (e->key_kw != CDG_KW_NONE) {
            bad_entry(c, e, N_("a forfait"), N_("a service id, 'base' or 'defaut'"));
            continue;
        }
        cdg_service *s = service_named(c, e->key);
        if (!s) {
            unknown_name(c, &c->services, "service", e->key, cdg_entry_key_span(e));
            continue;
        }
        if (cdg_cell_stated(f, s)) {
            cdg_diag *g = ERR(c, cdg_entry_key_span(e), "service '%s' appears twice in forfait '%s'", s->id, f->id);
            NOTE(c, g, cdg_entry_key_span(first_cell_entry(d, s)), "first given here");
            continue;
        }
        cdg_cell cell;
        read_cell(c, f, s, e, &cell);  /* an error is reported: not also called missing */
        f->cells[s->index] = intern_cell(c, &cell, s);
        prov[s->index] = CDG_PROV_ENTRY;
    }

    cdg_buf miss;
    cdg_buf_init(&miss, c->a);
    unsigned nmiss = 0;
    cdg_cell *unknown = NULL;  /* stands for cells an error left unset */
    if (def_entry)
        f->defaut_span = def_entry->span;
    for (unsigned s = 0; s < m->nservices; s++) {
        if (prov[s] == CDG_PROV_ENTRY)
            continue;
        if (f->base && f->base->cells[s]) {
            f->cells[s] = f->base->cells[s];
            prov[s] = CDG_PROV_BASE;
            continue;
        }
        if (has_default) {
            if (!def_cell) {
                def_cell = cdg_arena_calloc(c->a, 1, sizeof *def_cell);
                def_cell->statut = def;
                def_cell->par_defaut = true;
                def_cell->texte = cell_wording(c, &m->services[s], def_cell);
            }
            f->cells[s] = def_cell;
            prov[s] = CDG_PROV_DEFAUT;
            continue;
        }
        if (!unknown) {
            unknown = cdg_arena_calloc(c->a, 1, sizeof *unknown);
            unknown->statut = CDG_NON_INCLUS;
            unknown->texte = "";
        }
        f->cells[s] = unknown;
        if (f->base)
            continue;
        if (nmiss < 5)
            cdg_buf_printf(&miss, "%s'%s'", nmiss ? ", " : "", m->services[s].id);
        nmiss++;
    }
    if (nmiss && c->syntax_ok && base_ok && is_first(&c->forfaits, f->id, f))
        err_missing(c, f->span, "forfait '%s' says nothing about service %s (state it, or add 'defaut: …;' or 'base: …;')",
                    "forfait '%s' says nothing about services %s (state each, or add 'defaut: …;' or 'base: …;')",
                    f->id, &miss, nmiss);
    c->forfait_state[fi] = 2;
}

static void check_forfaits(checker *c)
{
    cdg_model *m = c->m;
    c->forfait_state = ALLOC(c, m->nforfaits, unsigned char);
    for (unsigned i = 0; i < m->nforfaits; i++)
        resolve_forfait(c, i);
}

/* ---- options ------------------------------------------------------------------ */

/* The generated wording of an option cell; *per_unit keeps the option's
 * "Coût par …" so that it is made once, not once per forfait. */
static const char *option_wording(checker *c, const cdg_option *o, cdg_statut st, const char *texte,
                                  const char **per_unit)
{
    if (st == CDG_INCLUS)
        return "Inclus dans le forfait";
    if (st == CDG_NON_INCLUS)
        return "Non inclus dans le forfait";
    if (texte)
        return texte;
    switch (o->tarif) {
    case CDG_TARIF_JOURNALIER: return "Tarif journalier";
    case CDG_TARIF_SUR_ETUDE: return "Sur étude";
    case CDG_TARIF_PAR_UNITE:
        if (!*per_unit)
            *per_unit = cdg_arena_printf(c->a, "Coût par %s supplémentaire",
                                         o->service && o->service->unite ? o->service->unite : "unité");
        return *per_unit;
    }
    return "";
}

static void check_options(checker *c)
{
    cdg_model *m = c->m;
    const cdg_entry **by = ALLOC(c, m->nforfaits, const cdg_entry *);  /* reused by each option */
    for (unsigned i = 0; i < m->noptions; i++) {
        cdg_option *o = &m->options[i];
        const cdg_decl *d = c->option_decl[i];
        o->cells = ALLOC(c, m->nforfaits, cdg_option_cell);
        memset(by, 0, m->nforfaits * sizeof *by);
        const cdg_entry *tarif = NULL, *def = NULL;
        const char *texte = NULL, *per_unit = NULL;
        cdg_statut defst = CDG_EN_OPTION;
        const char *deftexte = NULL;
        for (const cdg_entry *e = d->block ? d->block->entries : NULL; e; e = e->next) {
            if (cdg_entry_decl(e))
                continue;
            switch (e->key_kw) {
            case CDG_KW_TARIF: {
                tarif = e;
                const cdg_value *v = cdg_entry_values(e);
                if (!v || v->kind != CDG_VAL_KEYWORD ||
                    (v->kw != CDG_KW_JOURNALIER && v->kw != CDG_KW_PAR_UNITE && v->kw != CDG_KW_SUR_ETUDE)) {
                    const char *spaced = v ? spaced_keyword(v) : NULL;
                    if (spaced)
                        ERR(c, cdg_value_span(v), "unexpected '%s %s'; did you mean '%s'?", v->text,
                            value_text(c, cdg_value_next(v)), spaced);
                    else
                        ERR(c, v ? cdg_value_span(v) : cdg_entry_key_span(e),
                            "'tarif' is 'journalier', 'par_unite SERVICE' or 'sur_etude'");
                    break;
                }
                const cdg_value *svc = cdg_value_next(v);
                if (v->kw == CDG_KW_PAR_UNITE) {
                    o->tarif = CDG_TARIF_PAR_UNITE;
                    if (!svc) {
                        ERR(c, cdg_value_span(v), "'par_unite' names the counted service: 'tarif: par_unite sauvegarde;'");
                        break;
                    }
                    o->service = resolve(c, &c->services, "service", svc);
                    if (o->service && !o->service->unite)
                        ERR(c, cdg_value_span(svc), "service '%s' has no 'unite', so it has no extra units to price",
                            o->service->id);
                    const cdg_value *extra = cdg_value_next(svc);
                    if (extra)
                        ERR(c, cdg_value_span(extra), "unexpected '%s' in 'tarif'", value_text(c, extra));
                } else {
                    o->tarif = v->kw == CDG_KW_JOURNALIER ? CDG_TARIF_JOURNALIER : CDG_TARIF_SUR_ETUDE;
                    if (svc)
                        ERR(c, cdg_value_span(svc), "unexpected '%s' in 'tarif'", value_text(c, svc));
                }
                break;
            }
            case CDG_KW_MONTANT: {
                const cdg_value *v = cdg_entry_values(e), *eur = v ? cdg_value_next(v) : NULL;
                if (!v || (v->kind != CDG_VAL_INT && v->kind != CDG_VAL_DECIMAL) || !eur ||
                    eur->kw != CDG_KW_EUR || cdg_value_next(eur)) {
                    ERR(c, v ? cdg_value_span(v) : cdg_entry_key_span(e), "'montant' is an amount in euros: 'montant: 450.00 EUR;'");
                    break;
                }
                o->has_montant = true;
                o->montant = v->kind == CDG_VAL_INT ? v->i * 100 : v->i;
                if (v->kind == CDG_VAL_INT && v->i > CDG_INT_MAX / 100) {
                    ERR(c, cdg_value_span(v), "amount '%s' is too large", value_text(c, v));
                    o->montant = 0;
                }
                break;
            }
            case CDG_KW_TEXTE:
                texte = string_value(c, e);
                break;
            case CDG_KW_DEFAUT:
            case CDG_KW_NONE: {
                const cdg_forfait *f = NULL;
                if (e->key_kw == CDG_KW_NONE) {
                    f = cdg_symtab_get(&c->forfaits, e->key);
                    if (!f) {
                        unknown_name(c, &c->forfaits, "forfait", e->key, cdg_entry_key_span(e));
                        break;
                    }
                    if (by[f->index]) {
                        cdg_diag *g = ERR(c, cdg_entry_key_span(e), "forfait '%s' appears twice in option '%s'", f->id, o->id);
                        NOTE(c, g, cdg_entry_key_span(by[f->index]), "first given here");
                        break;
                    }
                } else if (def) {
                    cdg_diag *g = ERR(c, cdg_entry_key_span(e), "option '%s' has two defaults", o->id);
                    NOTE(c, g, cdg_entry_key_span(def), "first default given here");
                    break;
                }
                const cdg_value *v = cdg_entry_values(e);
                if (!v || v->kind != CDG_VAL_KEYWORD ||
                    (v->kw != CDG_KW_INCLUS && v->kw != CDG_KW_NON_INCLUS && v->kw != CDG_KW_EN_OPTION)) {
                    const char *spaced = v ? spaced_keyword(v) : NULL;
                    if (spaced)
                        ERR(c, cdg_value_span(v), "unexpected '%s %s'; did you mean '%s'?", v->text,
                            value_text(c, cdg_value_next(v)), spaced);
                    else
                        ERR(c, v ? cdg_value_span(v) : cdg_entry_key_span(e), "an option is 'inclus', 'non_inclus' or 'en_option' in a forfait");
                    break;
                }
                const cdg_value *next = cdg_value_next(v);
                const char *w = next && next->kind == CDG_VAL_STRING ? next->text : NULL;
                const cdg_value *extra = w ? cdg_value_next(next) : next;
                if (extra) {
                    ERR(c, cdg_value_span(extra), "unexpected '%s' after the option's status", value_text(c, extra));
                    break;
                }
                if (cdg_entry_block(e)) {
                    ERR(c, cdg_entry_block(e)->open, "an option cell takes no block");
                    break;
                }
                if (f) {
                    by[f->index] = e;
                    o->cells[f->index] = (cdg_option_cell){.statut = status_of(v->kw), .texte = w,
                                                          .texte_explicite = w != NULL};
                } else {
                    def = e;
                    defst = status_of(v->kw);
                    deftexte = w;
                }
                break;
            }
            default:
                bad_entry(c, e, N_("an option"), N_("'tarif', 'montant', 'texte', 'defaut' or a forfait id"));
            }
        }
        if (!tarif && c->syntax_ok)
            ERR(c, o->span, "option '%s' has no 'tarif' (journalier, par_unite SERVICE or sur_etude)", o->id);
        if (o->has_montant && o->tarif == CDG_TARIF_SUR_ETUDE)
            WARN(c, o->span, "option '%s' is priced 'sur_etude'; its 'montant' is never used", o->id);
        cdg_buf miss;
        cdg_buf_init(&miss, c->a);
        unsigned nmiss = 0;
        for (unsigned f = 0; f < m->nforfaits; f++) {
            cdg_option_cell *oc = &o->cells[f];
            if (by[f]) {
                if (!oc->texte)
                    oc->texte = option_wording(c, o, oc->statut, texte, &per_unit);
                continue;
            }
            if (def) {
                *oc = (cdg_option_cell){.statut = defst, .texte = deftexte,
                                        .texte_explicite = deftexte != NULL};
                if (!oc->texte)
                    oc->texte = option_wording(c, o, defst, texte, &per_unit);
                continue;
            }
            if (nmiss < 5)
                cdg_buf_printf(&miss, "%s'%s'", nmiss ? ", " : "", m->forfaits[f].id);
            nmiss++;
        }
        if (nmiss && c->syntax_ok)
            err_missing(c, o->span, "option '%s' says nothing about forfait %s (state it, or add 'defaut: …;')",
                        "option '%s' says nothing about forfaits %s (state each, or add 'defaut: …;')",
                        o->id, &miss, nmiss);
    }
}

/* ---- examples ------------------------------------------------------------------ */

static void check_attendu(checker *c, cdg_exemple *x, const cdg_block *b)
{
    cdg_attendu **tail = &x->attendus;
    for (const cdg_entry *e = b->entries; e; e = e->next) {
        if (cdg_entry_decl(e))
            continue;
        const cdg_value *v = single_value(c, e);
        if (!v)
            continue;
        cdg_attendu *at = cdg_arena_calloc(c->a, 1, sizeof *at);
        at->span = e->span;
        if (e->key_kw == CDG_KW_STRATE) {
            at->strate = resolve(c, &c->strates, "strate", v);
            if (!at->strate)
                continue;
        } else if (e->key_kw == CDG_KW_NONE) {
            at->service = cdg_symtab_get(&c->services, e->key);
            if (!at->service) {
                unknown_name(c, &c->services, "service", e->key, cdg_entry_key_span(e));
                continue;
            }
            if (v->kind == CDG_VAL_INT) {
                at->has_quantite = true;
                at->quantite = v->i;
            } else if (v->kind == CDG_VAL_KEYWORD && is_status_kw(v->kw)) {
                at->has_statut = true;
                at->statut = status_of(v->kw);
            } else {
                ERR(c, cdg_value_span(v), "expected a status or a quantity for service '%s', found '%s'",
                    at->service->id, value_text(c, v));
                continue;
            }
        } else {
            bad_entry(c, e, N_("'attendu'"), N_("'strate' or a service id"));
            continue;
        }
        *tail = at;
        tail = &at->next;
    }
}

static void check_exemples(checker *c)
{
    cdg_model *m = c->m;
    for (unsigned i = 0; i < m->nexemples; i++) {
        cdg_exemple *x = &m->exemples[i];
        const cdg_decl *d = c->exemple_decl[i];
        x->profil.mesure = -1;
        bool has_profil = false, has_forfait = false;
        for (const cdg_entry *e = d->block ? d->block->entries : NULL; e; e = e->next) {
            if (cdg_entry_decl(e))
                continue;
            if (e->key_kw == CDG_KW_PROFIL) {
                has_profil = true;
                const cdg_value *v = cdg_entry_values(e);
                const cdg_categorie *cat = v ? resolve(c, &c->cats, "categorie", v) : NULL;
                if (!cat) {
                    if (!v)
                        ERR(c, cdg_entry_key_span(e), "'profil' is a categorie and its measure: 'profil: commune 1200;'");
                    continue;
                }
                x->profil.categorie = cat;
                const cdg_value *mesure = cdg_value_next(v), *extra = mesure ? cdg_value_next(mesure) : NULL;
                if (cat->mesure) {
                    if (!mesure || mesure->kind != CDG_VAL_INT)
                        ERR(c, cdg_value_span(mesure ? mesure : v),
                            "categorie '%s' needs its number of %s: 'profil: %s 1200;'", cat->id, cat->mesure, cat->id);
                    else
                        x->profil.mesure = mesure->i;
                    if (extra)
                        ERR(c, cdg_value_span(extra), "unexpected '%s' in 'profil'", value_text(c, extra));
                } else if (mesure)
                    ERR(c, cdg_value_span(mesure), "categorie '%s' has no measure; write 'profil: %s;'", cat->id, cat->id);
            } else if (e->key_kw == CDG_KW_FORFAIT) {
                has_forfait = true;
                const cdg_value *v = single_value(c, e);
                if (v)
                    x->forfait = resolve(c, &c->forfaits, "forfait", v);
            } else if (e->key_kw == CDG_KW_ATTENDU) {
                if (!cdg_entry_block(e) || cdg_entry_values(e))
                    ERR(c, cdg_entry_key_span(e), "write the expectations as 'attendu < strate: S4; sauvegarde: 5; >;'");
                else
                    check_attendu(c, x, cdg_entry_block(e));
            } else
                bad_entry(c, e, N_("an exemple"), N_("'profil', 'forfait' or 'attendu'"));
        }
        if (c->syntax_ok && (!has_profil || !has_forfait))
            ERR(c, d->label_span, "exemple needs a 'profil' and a 'forfait'");
    }
}

/* ---- pass 3: whole-offer checks -------------------------------------------------- */

typedef struct interval {
    int64_t lo, hi;
    const cdg_strate *k;
} interval;

static int interval_cmp(const void *a, const void *b)
{
    const interval *x = a, *y = b;
    if (x->lo != y->lo)
        return x->lo < y->lo ? -1 : 1;
    return x->k->index < y->k->index ? -1 : x->k->index > y->k->index;
}

/* Writes a profile as the CLI spells it: commune=10000 or non_affiliee. */
static const char *profile_text(checker *c, const cdg_categorie *cat, int64_t v)
{
    if (!cat->mesure)
        return cat->id;
    return cdg_arena_printf(c->a, "%s=%" PRId64 " (%" PRId64 " %s)", cat->id, v, v, cat->mesure);
}

/* The first service (and its two quantities) on which strata a and b
 * disagree, over service tables and forfaits' own tables. */
static bool strata_disagree(checker *c, const cdg_strate *a, const cdg_strate *b, const char **what,
                            int64_t *qa, int64_t *qb)
{
    cdg_model *m = c->m;
    for (unsigned s = 0; s < m->nservices; s++) {
        const int64_t *q = m->services[s].par_strate;
        if (q && q[a->index] != q[b->index]) {
            *what = m->services[s].id;
            *qa = q[a->index];
            *qb = q[b->index];
            return true;
        }
    }
    for (unsigned f = 0; f < m->nforfaits; f++)
        for (unsigned s = 0; s < m->nservices && m->forfaits[f].cells; s++) {
            const cdg_cell *cell = m->forfaits[f].cells[s];
            if (cell->qte == CDG_QTE_STRATE && cell->par_strate &&
                cell->par_strate[a->index] != cell->par_strate[b->index]) {
                *what = cdg_arena_printf(c->a, "%s in forfait %s", m->services[s].id, m->forfaits[f].id);
                *qa = cell->par_strate[a->index];
                *qb = cell->par_strate[b->index];
                return true;
            }
        }
    return false;
}

/* Overlaps (error or warning) and gaps (warning) among the strata of one
 * category: one sort and one sweep. */
static void check_coverage(checker *c, const cdg_categorie *cat)
{
    cdg_model *m = c->m;
    interval *iv = ALLOC(c, m->nstrates, interval);
    unsigned n = 0;
    for (unsigned k = 0; k < m->nstrates; k++) {
        const cdg_member *mb = &m->strates[k].members[cat->index];
        if (mb->kind == CDG_MEMBER_NONE || !is_first(&c->strates, m->strates[k].id, &m->strates[k]))
            continue;
        if (mb->kind == CDG_MEMBER_RANGE && mb->hi != CDG_OPEN && mb->lo > mb->hi)
            continue;  /* empty: already an error */
        iv[n++] = (interval){mb->lo, mb->hi, &m->strates[k]};
    }
    if (n == 0) {
        if (c->syntax_ok)
            WARN(c, cat->span, "no strate takes categorie '%s': such a profile matches no stratum", cat->id);
        return;
    }
    qsort(iv, n, sizeof *iv, interval_cmp);
    const interval *widest = &iv[0];  /* the interval reaching furthest so far */
    if (cat->mesure && iv[0].lo > 0)
        WARN(c, iv[0].k->members[cat->index].span, "gap: no strate takes %s", profile_text(c, cat, 0));
    for (unsigned i = 1; i < n; i++) {
        const interval *cur = &iv[i];
        if (cur->lo <= widest->hi) {
            const char *what;
            int64_t qa, qb;
            const cdg_strate *first = widest->k->index < cur->k->index ? widest->k : cur->k;
            const cdg_strate *second = first == widest->k ? cur->k : widest->k;
            const char *prof = profile_text(c, cat, cur->lo);
            cdg_span at = second->members[cat->index].span;
            if (strata_disagree(c, first, second, &what, &qa, &qb)) {
                cdg_diag *g = ERR(c, at, "strates '%s' and '%s' overlap: %s matches both, and they disagree on %s (%" PRId64 " vs %" PRId64 ")",
                                  first->id, second->id, prof, what, qa, qb);
                NOTE(c, g, first->members[cat->index].span, "'%s' takes %s here", first->id, cat->id);
            } else {
                const cdg_strate *used = m->chevauchement == CDG_CHEVAUCHEMENT_PREMIERE ? first : second;
                cdg_diag *g = WARN(c, at, "strates '%s' and '%s' overlap: %s matches both (they give the same quantities; '%s' is used)",
                                   first->id, second->id, prof, used->id);
                NOTE(c, g, first->members[cat->index].span, "'%s' takes %s here", first->id, cat->id);
            }
        } else if (cat->mesure && cur->lo > widest->hi + 1) {
            WARN(c, cur->k->members[cat->index].span, "gap: no strate takes %s (between '%s' and '%s')",
                 profile_text(c, cat, widest->hi + 1), widest->k->id, cur->k->id);
        }
        if (cur->hi > widest->hi)
            widest = cur;
    }
    if (cat->mesure && widest->hi != CDG_OPEN)
        WARN(c, widest->k->members[cat->index].span, "gap: no strate takes %s or more",
             profile_text(c, cat, widest->hi + 1));
}

/* Hash of a forfait's meaning (statuses and quantities, not wordings). */
static uint64_t forfait_hash(const cdg_model *m, const cdg_forfait *f)
{
    uint64_t h = 1469598103934665603u;
    for (unsigned s = 0; s < m->nservices; s++) {
        const cdg_cell *x = f->cells[s];
        h = (h ^ ((uint64_t)x->statut << 3 | (uint64_t)x->qte)) * 1099511628211u;
        h = (h ^ (uint64_t)x->quantite) * 1099511628211u;
    }
    return h;
}

static bool cells_equal(const cdg_model *m, const cdg_cell *x, const cdg_cell *y)
{
    if (x->statut != y->statut || x->qte != y->qte || x->quantite != y->quantite)
        return false;
    if (x->qte == CDG_QTE_STRATE && x->par_strate != y->par_strate &&
        (!x->par_strate || !y->par_strate ||
         memcmp(x->par_strate, y->par_strate, m->nstrates * sizeof *x->par_strate) != 0))
        return false;
    const cdg_attache *a = x->attaches, *b = y->attaches;
    for (; a && b; a = a->next, b = b->next)
        if (a->service != b->service || a->quantite != b->quantite)
            return false;
    return !a && !b;
}

typedef struct fh { uint64_t h; unsigned i; } fh;

static int fh_cmp(const void *a, const void *b)
{
    const fh *x = a, *y = b;
    if (x->h != y->h)
        return x->h < y->h ? -1 : 1;
    return x->i < y->i ? -1 : x->i > y->i;
}

static void check_identical_forfaits(checker *c)
{
    cdg_model *m = c->m;
    if (m->nforfaits < 2)
        return;
    fh *v = ALLOC(c, m->nforfaits, fh);
    for (unsigned i = 0; i < m->nforfaits; i++)
        v[i] = (fh){forfait_hash(m, &m->forfaits[i]), i};
    qsort(v, m->nforfaits, sizeof *v, fh_cmp);
    for (unsigned i = 0; i < m->nforfaits;) {
        unsigned j = i + 1;
        while (j < m->nforfaits && v[j].h == v[i].h)
            j++;
        for (unsigned a = i; a < j; a++)
            for (unsigned b = a + 1; b < j; b++) {
                const cdg_forfait *x = &m->forfaits[v[a].i], *y = &m->forfaits[v[b].i];
                bool same = true;
                for (unsigned s = 0; s < m->nservices && same; s++)
                    same = cells_equal(m, x->cells[s], y->cells[s]);
                if (same) {
                    cdg_diag *g = WARN(c, y->span, "forfaits '%s' and '%s' are identical: every cell gives the same status and quantity",
                                       x->id, y->id);
                    NOTE(c, g, x->span, "'%s' is declared here", x->id);
                    break;
                }
            }
        i = j;
    }
}

static void check_unused(checker *c)
{
    cdg_model *m = c->m;
    for (unsigned i = 0; i < m->nnotes; i++)
        if (!c->note_used[i] && is_first(&c->notes, m->notes[i].id, &m->notes[i]))
            WARN(c, m->notes[i].span, "note '%s' is not used by any service", m->notes[i].id);
    for (unsigned i = 0; i < m->nrubriques; i++)
        if (m->rubriques[i].count == 0)
            WARN(c, m->rubriques[i].span, "rubrique '%s' has no service", m->rubriques[i].id);
}

cdg_model *cdg_check(cdg_arena *a, const cdg_ast *ast, cdg_diags *d, bool syntax_ok)
{
    checker c = {.a = a, .src = ast->src, .d = d, .syntax_ok = syntax_ok};
    c.m = cdg_arena_calloc(a, 1, sizeof *c.m);
    c.m->src = ast->src;
    cdg_symtab *tabs[] = {&c.cats, &c.strates, &c.notes, &c.rubriques, &c.services, &c.forfaits, &c.options};
    for (size_t i = 0; i < sizeof tabs / sizeof tabs[0]; i++)
        cdg_symtab_init(tabs[i], a);

    collect(&c, ast);
    check_offre(&c);
    check_categories(&c);
    check_strates(&c);
    check_notes(&c);
    check_services(&c);
    check_forfaits(&c);
    check_options(&c);
    check_exemples(&c);
    for (unsigned i = 0; i < c.m->ncategories; i++)
        if (is_first(&c.cats, c.m->categories[i].id, &c.m->categories[i]))
            check_coverage(&c, &c.m->categories[i]);
    if (syntax_ok) {
        check_identical_forfaits(&c);
        check_unused(&c);
    }
    return c.m;
}
