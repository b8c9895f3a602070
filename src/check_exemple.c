/* check_exemple.c — pass 2 of the checker for examples: a profile, a
 * forfait and what the offer is expected to give them (`cdgrules test`
 * runs them). */
#include "check_impl.h"

/* An example being read, and whether it has its two required entries. */
typedef struct exemple_reader {
    cdg_exemple *x;
    bool has_profil, has_forfait;
} exemple_reader;

/* ---- attendu < … > ------------------------------------------------------------- */

/* Appends an expectation to the list being read (each `attendu` block
 * starts the example's list again). */
static void add_attendu(checker *c, cdg_attendu ***tail, const cdg_attendu *at)
{
    cdg_attendu *copy = cdg_arena_calloc(c->a, 1, sizeof *copy);
    *copy = *at;
    **tail = copy;
    *tail = &copy->next;
}

/* `strate: S4;`: the stratum the profile is expected to fall in. */
static void attendu_strate(checker *c, void *item, const cdg_entry *e)
{
    const cdg_value *v = cdg_check_single(c, e);
    cdg_attendu at = {.span = e->span};
    if (v && (at.strate = cdg_check_resolve(c, K_STRATE, v)))
        add_attendu(c, item, &at);
}

/* `service: status|quantity;`: what the forfait is expected to give. */
static void attendu_service(checker *c, void *item, const cdg_entry *e)
{
    const cdg_value *v = cdg_check_single(c, e);
    if (!v)
        return;
    cdg_attendu at = {.span = e->span, .service = cdg_symtab_get(&c->names[K_SERVICE], e->key)};
    if (!at.service) {
        cdg_check_unknown(c, K_SERVICE, e->key, cdg_entry_key_span(e));
        return;
    }
    if (v->kind == CDG_VAL_INT) {
        at.has_quantite = true;
        at.quantite = v->i;
    } else if (v->kind == CDG_VAL_KEYWORD && is_status_kw(v->kw)) {
        at.has_statut = true;
        at.statut = status_of(v->kw);
    } else {
        ERR(c, cdg_value_span(v), "expected a status or a quantity for service '%s', found '%s'",
            at.service->id, cdg_check_text(c, v));
        return;
    }
    add_attendu(c, item, &at);
}

/* Any other key: its value is checked before the key is reported. */
static void attendu_other(checker *c, void *item, const cdg_entry *e)
{
    (void)item;
    if (cdg_check_single(c, e))
        cdg_check_bad_entry(c, e, N_("'attendu'"), N_("'strate' or a service id"));
}

static const entry_syntax attendu_syntax = {
    N_("'attendu'"), N_("'strate' or a service id"), attendu_other, {
    {CDG_KW_STRATE, attendu_strate},
    {CDG_KW_NONE, attendu_service},
}};

/* ---- the example's entries ------------------------------------------------------- */

/* `profil: CATEGORIE [measure];`: the authority the example prices. */
static void exemple_profil(checker *c, void *item, const cdg_entry *e)
{
    exemple_reader *r = item;
    r->has_profil = true;
    const cdg_value *v = cdg_entry_values(e);
    const cdg_categorie *cat = v ? cdg_check_resolve(c, K_CATEGORIE, v) : NULL;
    if (!cat) {
        if (!v)
            ERR(c, cdg_entry_key_span(e), "'profil' is a categorie and its measure: 'profil: commune 1200;'");
        return;
    }
    r->x->profil.categorie = cat;
    const cdg_value *mesure = cdg_value_next(v), *extra = mesure ? cdg_value_next(mesure) : NULL;
    if (!cat->mesure) {
        if (mesure)
            ERR(c, cdg_value_span(mesure), "categorie '%s' has no measure; write 'profil: %s;'", cat->id, cat->id);
        return;
    }
    if (!mesure || mesure->kind != CDG_VAL_INT)
        ERR(c, cdg_value_span(mesure ? mesure : v), "categorie '%s' needs its number of %s: 'profil: %s 1200;'",
            cat->id, cat->mesure, cat->id);
    else
        r->x->profil.mesure = mesure->i;
    if (extra)
        ERR(c, cdg_value_span(extra), "unexpected '%s' in 'profil'", cdg_check_text(c, extra));
}

/* `forfait: ID;`: the forfait the example prices. */
static void exemple_forfait(checker *c, void *item, const cdg_entry *e)
{
    exemple_reader *r = item;
    r->has_forfait = true;
    const cdg_value *v = cdg_check_single(c, e);
    if (v)
        r->x->forfait = cdg_check_resolve(c, K_FORFAIT, v);
}

/* `attendu < … >;`: the expectations. */
static void exemple_attendu(checker *c, void *item, const cdg_entry *e)
{
    exemple_reader *r = item;
    if (!cdg_entry_block(e) || cdg_entry_values(e)) {
        ERR(c, cdg_entry_key_span(e), "write the expectations as 'attendu < strate: S4; sauvegarde: 5; >;'");
        return;
    }
    cdg_attendu **tail = &r->x->attendus;
    cdg_check_entries(c, cdg_entry_block(e), &attendu_syntax, &tail);
}

static const entry_syntax exemple_syntax = {
    N_("an exemple"), N_("'profil', 'forfait' or 'attendu'"), NULL, {
    {CDG_KW_PROFIL, exemple_profil},
    {CDG_KW_FORFAIT, exemple_forfait},
    {CDG_KW_ATTENDU, exemple_attendu},
}};

/* Every example's entries; a profile and a forfait are required. */
void cdg_check_exemples(checker *c)
{
    cdg_model *m = c->m;
    for (unsigned i = 0; i < m->nexemples; i++) {
        const cdg_decl *d = c->decls[K_EXEMPLE][i];
        exemple_reader r = {.x = &m->exemples[i]};
        r.x->profil.mesure = -1;
        cdg_check_entries(c, d->block, &exemple_syntax, &r);
        if (c->syntax_ok && (!r.has_profil || !r.has_forfait))
            ERR(c, d->label_span, "exemple needs a 'profil' and a 'forfait'");
    }
}
