/* check_entries.c — pass 2 of the checker for the declarations that
 * describe the offer before its forfaits: the offre, categories, strata,
 * notes and services. Each entry key has its reader, listed in the table
 * of the declaration that takes it. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_impl.h"
#include "parse.h"

/* ---- offre ----------------------------------------------------------------- */

/* `editeur: "…";` */
static void offre_editeur(checker *c, void *item, const cdg_entry *e)
{
    (void)item;
    c->m->editeur = cdg_check_string(c, e);
}

/* `edition: 2025;` or `edition: "2025-2026";` */
static void offre_edition(checker *c, void *item, const cdg_entry *e)
{
    (void)item;
    const cdg_value *v = cdg_check_single(c, e);
    if (v && (v->kind == CDG_VAL_INT || v->kind == CDG_VAL_STRING))
        c->m->edition = v->kind == CDG_VAL_STRING ? v->text : cdg_check_text(c, v);
    else if (v)
        ERR(c, cdg_value_span(v), "'edition' takes a year or a string, found '%s'", cdg_check_text(c, v));
}

/* `chevauchement: premiere|derniere;`: which of two overlapping strata wins. */
static void offre_chevauchement(checker *c, void *item, const cdg_entry *e)
{
    (void)item;
    const cdg_value *v = cdg_check_single(c, e);
    if (v && v->kw == CDG_KW_PREMIERE)
        c->m->chevauchement = CDG_CHEVAUCHEMENT_PREMIERE;
    else if (v && v->kw != CDG_KW_DERNIERE)
        ERR(c, cdg_value_span(v), "'chevauchement' is 'premiere' or 'derniere', found '%s'", cdg_check_text(c, v));
}

/* The model's slot for the title of published table `name`, or NULL. */
static const char **title_slot(cdg_model *m, const char *name)
{
    return strcmp(name, "forfaits") == 0  ? &m->titre_forfaits
           : strcmp(name, "strates") == 0 ? &m->titre_strates
           : strcmp(name, "options") == 0 ? &m->titre_options
                                          : NULL;
}

/* `titre: forfaits|strates|options "…";`: a published table's title. */
static void offre_titre(checker *c, void *item, const cdg_entry *e)
{
    (void)item;
    const cdg_value *v = cdg_entry_values(e), *title = v ? cdg_value_next(v) : NULL;
    if (!v || v->kind != CDG_VAL_IDENT || !title || title->kind != CDG_VAL_STRING ||
        cdg_value_next(title) || cdg_entry_block(e)) {
        ERR(c, v ? cdg_value_span(v) : cdg_entry_key_span(e), "'titre' names a table and its title: 'titre: strates \"…\";'");
        return;
    }
    const char **slot = title_slot(c->m, v->text);
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

/* `arrondi: centime_proche [par_ligne];`: the offer's rounding rule. */
static void offre_arrondi(checker *c, void *item, const cdg_entry *e)
{
    (void)item;
    if (c->m->arrondi.span.end) {
        cdg_diag *g = ERR(c, cdg_entry_key_span(e), "'arrondi' is given twice");
        NOTE(c, g, c->m->arrondi.span, "first given here");
        return;
    }
    cdg_check_arrondi(c, e, &c->m->arrondi);
}

/* `millesime: 2027;`: the year the prices apply to. */
static void offre_millesime(checker *c, void *item, const cdg_entry *e)
{
    (void)item;
    const cdg_value *v = cdg_check_single(c, e);
    if (v && v->kind == CDG_VAL_INT && cdg_value_int(v) >= 1900 && cdg_value_int(v) <= 9999)
        c->m->millesime = cdg_value_int(v);
    else if (v)
        ERR(c, cdg_value_span(v), "'millesime' is the year the prices apply to (2027), found '%s'", cdg_check_text(c, v));
}

static const entry_syntax offre_syntax = {
    N_("the offre"), N_("'editeur', 'edition', 'chevauchement', 'titre', 'arrondi' or 'millesime'"), NULL, {
    {CDG_KW_ARRONDI, offre_arrondi},
    {CDG_KW_MILLESIME, offre_millesime},
    {CDG_KW_EDITEUR, offre_editeur},
    {CDG_KW_EDITION, offre_edition},
    {CDG_KW_CHEVAUCHEMENT, offre_chevauchement},
    {CDG_KW_TITRE, offre_titre},
}};

/* The offre's entries; overlapping strata use the last one unless it says. */
void cdg_check_offre(checker *c)
{
    c->m->chevauchement = CDG_CHEVAUCHEMENT_DERNIERE;
    if (c->offre)
        cdg_check_entries(c, c->offre->block, &offre_syntax, NULL);
    if (!c->m->millesime && c->m->edition) {  /* the edition's year, if it starts with one */
        const char *y = c->m->edition;
        if (y[0] >= '1' && y[0] <= '9' && y[1] >= '0' && y[1] <= '9' && y[2] >= '0' && y[2] <= '9' &&
            y[3] >= '0' && y[3] <= '9' && !(y[4] >= '0' && y[4] <= '9'))
            c->m->millesime = (y[0] - '0') * 1000 + (y[1] - '0') * 100 + (y[2] - '0') * 10 + (y[3] - '0');
    }
}

/* ---- categories ---------------------------------------------------------------- */

/* `mesure: habitants;`: what the category's profiles count. */
static void categorie_mesure(checker *c, void *item, const cdg_entry *e)
{
    cdg_categorie *cat = item;
    const cdg_value *v = cdg_check_single(c, e);
    if (v && (v->kind == CDG_VAL_IDENT || v->kind == CDG_VAL_STRING))
        cat->mesure = v->text;
    else if (v)
        ERR(c, cdg_value_span(v), "'mesure' takes a word (habitants, agents), found '%s'", cdg_check_text(c, v));
}

static const entry_syntax categorie_syntax = {
    N_("a categorie"), N_("'mesure'"), NULL, {
    {CDG_KW_MESURE, categorie_mesure},
}};

/* Every category's entries. */
void cdg_check_categories(checker *c)
{
    for (unsigned i = 0; i < c->m->ncategories; i++)
        cdg_check_entries(c, c->decls[K_CATEGORIE][i]->block, &categorie_syntax, &c->m->categories[i]);
}

/* ---- strata ---------------------------------------------------------------------- */

/* The member a stratum's entry `categorie: value;` gives, after its
 * checks: the whole category, one measure or a range of them. */
static void read_member(checker *c, cdg_member *mb, const cdg_categorie *cat, const cdg_entry *e,
                        const cdg_value *v)
{
    if (v->kind == CDG_VAL_KEYWORD && v->kw == CDG_KW_TOUS) {
        *mb = (cdg_member){CDG_MEMBER_ALL, 0, CDG_OPEN, cdg_entry_key_span(e)};
        return;
    }
    if (!cat->mesure) {
        ERR(c, cdg_value_span(v), "categorie '%s' has no 'mesure': a strate takes it whole ('%s: tous;')",
            cat->id, cat->id);
        return;
    }
    if (v->kind == CDG_VAL_INT)
        *mb = (cdg_member){CDG_MEMBER_RANGE, cdg_value_int(v), cdg_value_int(v), cdg_entry_key_span(e)};
    else if (v->kind == CDG_VAL_RANGE) {
        *mb = (cdg_member){CDG_MEMBER_RANGE, v->lo, v->hi < 0 ? CDG_OPEN : v->hi, cdg_entry_key_span(e)};
        if (v->hi >= 0 && v->lo > v->hi)
            ERR(c, cdg_value_span(v), "empty range %" PRId64 "..%" PRId64 " (the lower bound is above the upper one)",
                v->lo, v->hi);
    } else
        ERR(c, cdg_value_span(v), "expected a range of %s (250..499, ..249, 5000..) or 'tous', found '%s'",
            cat->mesure, cdg_check_text(c, v));
}

/* A range written `1000-1999` (the scanner gave the fix) or with blanks
 * in its numbers (`1 000..1 999`): reported, and read as the range meant
 * so that it leaves no gap; whether the values were one. */
static bool slipped_range(checker *c, cdg_member *mb, const cdg_entry *e)
{
    const cdg_value *first = cdg_entry_values(e), *v = first;
    if (!first || !cdg_value_next(first))
        return false;
    for (; v; v = cdg_value_next(v))
        if (v->kind != CDG_VAL_INT && v->kind != CDG_VAL_RANGE)
            return false;
    cdg_span sp = cdg_check_values_span(e);
    char buf[64];
    size_t n = 0;
    bool dash = false;
    for (uint32_t i = sp.begin; i < sp.end; i++) {
        char b = c->src->text[i];
        if (b == ' ' || b == '\t' || b == '_')
            continue;
        dash = dash || b == '-';
        if (n + 2 >= sizeof buf)
            return false;
        buf[n++] = b == '-' ? '.' : b;
        if (b == '-')
            buf[n++] = '.';
    }
    buf[n] = 0;
    char *dots = strstr(buf, "..");
    if (!dots || dots == buf || !dots[2] || strchr(dots + 2, '.'))
        return false;
    *dots = 0;
    int64_t lo = strtoll(buf, NULL, 10), hi = strtoll(dots + 2, NULL, 10);
    if (!dash)
        ERR(c, sp, "a number is written without blanks: write %s..%s (or with '_': 1_000)", buf, dots + 2);
    *mb = (cdg_member){CDG_MEMBER_RANGE, lo, hi, cdg_entry_key_span(e)};
    return true;
}

/* `categorie: range;` in a stratum. */
static void strate_member(checker *c, void *item, const cdg_entry *e)
{
    cdg_strate *k = item;
    cdg_categorie *cat = cdg_symtab_get(&c->names[K_CATEGORIE], e->key);
    if (!cat) {
        cdg_check_unknown(c, K_CATEGORIE, e->key, cdg_entry_key_span(e));
        return;
    }
    cdg_member *mb = &k->members[cat->index];
    if (mb->kind != CDG_MEMBER_NONE) {
        cdg_diag *g = ERR(c, cdg_entry_key_span(e), "categorie '%s' appears twice in strate '%s'", cat->id, k->id);
        NOTE(c, g, mb->span, "first given here");
        return;
    }
    if (cat->mesure && slipped_range(c, mb, e))
        return;
    const cdg_value *v = cdg_check_single(c, e);
    if (v)
        read_member(c, mb, cat, e, v);
}

static const entry_syntax strate_syntax = {
    N_("a strate"), N_("a categorie and its range"), NULL, {
    {CDG_KW_NONE, strate_member},
}};

/* Every stratum's members, by category. */
void cdg_check_strates(checker *c)
{
    cdg_model *m = c->m;
    for (unsigned i = 0; i < m->nstrates; i++) {
        cdg_strate *k = &m->strates[i];
        const cdg_decl *d = c->decls[K_STRATE][i];
        k->members = ALLOC(c, m->ncategories, cdg_member);
        if (!d->block)
            ERR(c, cdg_decl_id_span(d), "strate '%s' takes no authority: give its ranges ('< commune: ..249; >')", d->id);
        else
            cdg_check_entries(c, d->block, &strate_syntax, k);
    }
}

/* ---- notes ------------------------------------------------------------------------- */

/* A note is its text: a block is a mistake. */
void cdg_check_notes(checker *c)
{
    for (unsigned i = 0; i < c->m->nnotes; i++) {
        const cdg_decl *d = c->decls[K_NOTE][i];
        if (d->block)
            ERR(c, cdg_block_open(d->block), "a note takes no block: 'note %s \"text\";'", d->id);
    }
}

/* ---- per-stratum tables -------------------------------------------------------------- */

/* A table being read: the checker's scratch, and whether a stratum was
 * unknown (the missing ones then only echo it). */
typedef struct strate_table {
    strate_scratch *t;
    bool unknown;
} strate_table;

/* `S1: n;` in a selon_strate table. */
static void table_quantity(checker *c, void *item, const cdg_entry *e)
{
    strate_table *r = item;
    strate_scratch *t = r->t;
    cdg_strate *k = cdg_check_named(c, K_STRATE, e->key);
    if (!k) {
        k = cdg_check_unknown(c, K_STRATE, e->key, cdg_entry_key_span(e));  /* `s8`: read as S8 */
        r->unknown = true;
        if (!k || t->have[k->index])
            return;
    }
    if (t->have[k->index]) {
        cdg_diag *g = ERR(c, cdg_entry_key_span(e), "strate '%s' appears twice in this table", k->id);
        NOTE(c, g, t->seen[k->index], "first given here");
        return;
    }
    const cdg_value *v = cdg_check_single(c, e);
    int64_t n = v ? cdg_check_int(c, v, N_("a quantity")) : -1;
    if (n < 0)
        return;
    t->have[k->index] = true;
    t->seen[k->index] = cdg_entry_key_span(e);
    t->q[k->index] = n;
    t->spans[k->index] = cdg_value_span(v);
}

static const entry_syntax table_syntax = {
    N_("a selon_strate table"), N_("a strate and its quantity"), NULL, {
    {CDG_KW_NONE, table_quantity},
}};

/* The checker's table scratch, emptied for a new table. */
static strate_scratch *table_scratch(checker *c)
{
    unsigned n = c->m->nstrates;
    strate_scratch *t = &c->table;
    if (!t->q)
        *t = (strate_scratch){ALLOC(c, n, int64_t), ALLOC(c, n, bool), ALLOC(c, n, cdg_span),
                              ALLOC(c, n, cdg_span)};
    memset(t->q, 0, n * sizeof *t->q);
    memset(t->have, 0, n * sizeof *t->have);
    memset(t->spans, 0, n * sizeof *t->spans);
    return t;
}

/* Reads a selon_strate table; reports the strata it leaves out (once the
 * syntax is sound: otherwise they only echo a syntax error). */
const int64_t *cdg_check_strate_table(checker *c, const cdg_block *b, const char *owner)
{
    cdg_model *m = c->m;
    strate_table r = {table_scratch(c), false};
    cdg_check_entries(c, b, &table_syntax, &r);
    if (!c->syntax_ok || r.unknown)
        return r.t->q;
    cdg_buf miss;
    cdg_buf_init(&miss, c->a);
    unsigned nmiss = 0;
    for (unsigned i = 0; i < m->nstrates; i++)
        if (!r.t->have[i] && is_first(c, K_STRATE, m->strates[i].id, &m->strates[i])) {
            if (nmiss < 5)
                cdg_buf_printf(&miss, "%s'%s'", nmiss ? ", " : "", m->strates[i].id);
            nmiss++;
        }
    if (nmiss)
        err_missing(c, cdg_block_open(b), "the selon_strate table of %s has no quantity for strate %s",
                    "the selon_strate table of %s has no quantity for strates %s", owner, &miss, nmiss);
    return r.t->q;
}

int64_t *cdg_check_table_copy(checker *c, const int64_t *q)
{
    int64_t *own = ALLOC(c, c->m->nstrates, int64_t);
    memcpy(own, q, c->m->nstrates * sizeof *q);
    return own;
}

/* Warns where a per-stratum quantity decreases as the strata grow. */
void cdg_check_decreasing(checker *c, const char *owner)
{
    const int64_t *q = c->table.q;
    const cdg_span *spans = c->table.spans;
    for (unsigned k = 1; k < c->m->nstrates; k++)
        if (q[k] < q[k - 1] && spans[k].end)
            WARN(c, spans[k], "the quantity of %s decreases from %" PRId64 " in '%s' to %" PRId64 " in '%s'",
                 owner, q[k - 1], c->m->strates[k - 1].id, q[k], c->m->strates[k].id);
}

/* ---- services ------------------------------------------------------------------------ */

/* A service being read, and its `selon_strate` entry if any. */
typedef struct service_reader {
    cdg_service *s;
    const cdg_entry *table;
} service_reader;

/* `unite: "certificat" pluriel "certificats";`: a unit with its plural
 * stated (for the plurals the default rule gets wrong: "jour de formation",
 * "cheval"). v is the first value, kw the word `pluriel` (or, when it was
 * left out, the plural itself: reported with the fix). */
static void service_unite_pluriel(checker *c, cdg_service *s, const cdg_entry *e, const cdg_value *v,
                                  const cdg_value *kw)
{
    const cdg_value *pl = cdg_value_next(kw);
    if (kw->kind == CDG_VAL_STRING || v->kind != CDG_VAL_STRING || !pl || pl->kind != CDG_VAL_STRING ||
        cdg_value_next(pl) || cdg_entry_block(e)) {
        ERR(c, cdg_check_values_span(e), "write a unit and its plural as 'unite: \"certificat\" pluriel \"certificats\";'");
        if (v->kind == CDG_VAL_STRING && *v->text) {
            /* the unit is known: its quantities must not cascade into errors */
            s->unite = v->text;
            s->unite_pluriel = cdg_unite_pluriel_defaut(v->text, c->a);
        }
        return;
    }
    if (!*v->text || !*pl->text) {
        ERR(c, cdg_check_values_span(e), "'unite' cannot be empty");
        return;
    }
    s->unite = v->text;
    s->unite_pluriel = pl->text;
}

/* `unite: "certificat";`: what the service's quantities count; its plural
 * follows the default rule unless stated (`pluriel`). */
static void service_unite(checker *c, void *item, const cdg_entry *e)
{
    service_reader *r = item;
    const cdg_value *v = cdg_entry_values(e);
    const cdg_value *kw = v ? cdg_value_next(v) : NULL;
    if (kw && ((kw->kind == CDG_VAL_IDENT && strcmp(kw->text, "pluriel") == 0) ||
               (kw->kind == CDG_VAL_STRING && v->kind == CDG_VAL_STRING))) {
        service_unite_pluriel(c, r->s, e, v, kw);
        return;
    }
    const char *u = cdg_check_string(c, e);
    if (u && !*u)
        ERR(c, cdg_check_values_span(e), "'unite' cannot be empty");
    else if (u) {
        r->s->unite = u;
        r->s->unite_pluriel = cdg_unite_pluriel_defaut(u, c->a);
    }
}

/* `colonne: "…";`: the service's heading in published tables. */
static void service_colonne(checker *c, void *item, const cdg_entry *e)
{
    service_reader *r = item;
    const char *t = cdg_check_string(c, e);
    if (t)
        r->s->colonne = t;
}

/* `note: ID;`: the note printed under the service. */
static void service_note(checker *c, void *item, const cdg_entry *e)
{
    service_reader *r = item;
    const cdg_value *v = cdg_check_single(c, e);
    cdg_note *n = v ? cdg_check_resolve(c, K_NOTE, v) : NULL;
    if (n) {
        r->s->note = n;
        c->note_used[n->number - 1] = true;
    }
}

/* `selon_strate < S1: n; … >;`: read once every entry is (it needs the unite). */
static void service_selon_strate(checker *c, void *item, const cdg_entry *e)
{
    service_reader *r = item;
    if (!cdg_entry_block(e) || cdg_entry_values(e))
        ERR(c, cdg_entry_key_span(e), "write the quantities as 'selon_strate < S1: 1; S2: 2; … >;'");
    else
        r->table = e;
}

static const entry_syntax service_syntax = {
    N_("a service"), N_("'unite', 'colonne', 'note' or 'selon_strate'"), NULL, {
    {CDG_KW_UNITE, service_unite},
    {CDG_KW_COLONNE, service_colonne},
    {CDG_KW_NOTE, service_note},
    {CDG_KW_SELON_STRATE, service_selon_strate},
}};

/* A service's own per-stratum quantities. */
static void read_service_table(checker *c, cdg_service *s, const cdg_entry *table)
{
    char owner[CDG_MAX_IDENT + 16];
    snprintf(owner, sizeof owner, "service '%s'", s->id);
    s->par_strate = cdg_check_table_copy(c, cdg_check_strate_table(c, cdg_entry_block(table), owner));
    s->par_strate_span = cdg_entry_key_span(table);
    if (!s->unite)
        ERR(c, cdg_entry_key_span(table), "service '%s' has quantities but no 'unite' (what do they count?)", s->id);
    snprintf(owner, sizeof owner, "'%s'", s->id);
    cdg_check_decreasing(c, owner);
}

/* Every service's entries, then its per-stratum quantities. */
void cdg_check_services(checker *c)
{
    for (unsigned i = 0; i < c->m->nservices; i++) {
        service_reader r = {&c->m->services[i], NULL};
        cdg_check_entries(c, c->decls[K_SERVICE][i]->block, &service_syntax, &r);
        if (r.table)
            read_service_table(c, r.s, r.table);
    }
}
