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

/* The expectations of one `attendu` block being read: an array sized for
 * every entry of the block, filled with the valid ones. */
typedef struct attendu_array {
    cdg_attendu *v;
    unsigned n;
} attendu_array;

/* Appends an expectation to the array being read. */
static void add_attendu(checker *c, attendu_array *arr, const cdg_attendu *at)
{
    (void)c;
    arr->v[arr->n++] = *at;
}

/* `strate: S4;`: the stratum the profile is expected to fall in. */
static void attendu_strate(checker *c, void *item, const cdg_entry *e)
{
    const cdg_value *v = cdg_check_single(c, e);
    cdg_attendu at = {.has_strate = true};
    cdg_attendu_set_span(&at, cdg_entry_span(e));
    if (v && (at.strate = cdg_check_resolve(c, K_STRATE, v)))
        add_attendu(c, item, &at);
}

/* `service: status|quantity;`: what the forfait is expected to give. */
static void attendu_service(checker *c, void *item, const cdg_entry *e)
{
    const cdg_value *v = cdg_check_single(c, e);
    if (!v)
        return;
    cdg_attendu at = {.service = cdg_symtab_get(&c->names[K_SERVICE], e->key)};
    cdg_attendu_set_span(&at, cdg_entry_span(e));
    if (!at.service) {
        cdg_check_unknown(c, K_SERVICE, e->key, cdg_entry_key_span(e));
        return;
    }
    if (v->kind == CDG_VAL_INT) {
        at.has_quantite = true;
        at.quantite = cdg_value_int(v);
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

/* Reads the expected amount of `prix: A EUR;` or `devis: A EUR;` (to the
 * cent) into at; false after an error. */
static bool read_expected_amount(checker *c, const cdg_entry *e, const char *key, cdg_attendu *at)
{
    const cdg_value *v = cdg_entry_values(e), *eur = v ? cdg_value_next(v) : NULL;
    if (!v || (v->kind != CDG_VAL_INT && v->kind != CDG_VAL_DECIMAL) || !eur || eur->kind != CDG_VAL_KEYWORD ||
        eur->kw != CDG_KW_EUR || cdg_value_next(eur)) {
        ERR(c, v ? cdg_check_values_span(e) : cdg_entry_key_span(e),
            "'%s' expects an amount in euros, to the cent: '%s: 450.00 EUR;'", key, key);
        return false;
    }
    int64_t a = cdg_value_int(v);   /* ten-thousandths for a decimal */
    if (v->kind == CDG_VAL_INT)
        a = cdg_value_int(v) > CDG_INT_MAX / CDG_DECIMAL_SCALE ? -1 : cdg_value_int(v) * CDG_DECIMAL_SCALE;
    if (a < 0) {
        ERR(c, cdg_value_span(v), "amount '%s' is too large", cdg_check_text(c, v));
        return false;
    }
    if (a % (CDG_DECIMAL_SCALE / 100)) {
        ERR(c, cdg_value_span(v), "the expected '%s' is written to the cent: '%s' has more than 2 decimals", key,
            cdg_check_text(c, v));
        return false;
    }
    at->centimes = a / (CDG_DECIMAL_SCALE / 100);
    return true;
}

/* `prix: A EUR;`: the forfait's price for the example's profile and year. */
static void attendu_prix(checker *c, void *item, const cdg_entry *e)
{
    cdg_attendu at = {.has_prix = true};
    cdg_attendu_set_span(&at, cdg_entry_span(e));
    if (read_expected_amount(c, e, "prix", &at))
        add_attendu(c, item, &at);
}

/* `devis: A EUR;`: the quote's total for the example's needs and year. */
static void attendu_devis(checker *c, void *item, const cdg_entry *e)
{
    cdg_attendu at = {.has_devis = true};
    cdg_attendu_set_span(&at, cdg_entry_span(e));
    if (read_expected_amount(c, e, "devis", &at))
        add_attendu(c, item, &at);
}

/* Any other key: its value is checked before the key is reported. */
static void attendu_other(checker *c, void *item, const cdg_entry *e)
{
    (void)item;
    if (cdg_check_single(c, e))
        cdg_check_bad_entry(c, e, N_("'attendu'"), N_("'strate', 'prix', 'devis' or a service id"));
}

static const entry_syntax attendu_syntax = {
    N_("'attendu'"), N_("'strate', 'prix', 'devis' or a service id"), attendu_other, {
    {CDG_KW_STRATE, attendu_strate},
    {CDG_KW_PRIX, attendu_prix},
    {CDG_KW_DEVIS, attendu_devis},
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
        r->x->profil.mesure = cdg_value_int(mesure);
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

/* `besoin: SERVICE N;`: N units of a counted service (beyond what the
 * forfait includes they are priced by its option; the count of a forfait
 * priced per unit), or `besoin: OPTION N;`, N days of an option priced
 * per day. */
static void exemple_besoin(checker *c, void *item, const cdg_entry *e)
{
    exemple_reader *r = item;
    const cdg_value *v = cdg_entry_values(e), *n = v ? cdg_value_next(v) : NULL;
    if (!v || v->kind != CDG_VAL_IDENT || !n || cdg_value_next(n)) {
        ERR(c, v ? cdg_check_values_span(e) : cdg_entry_key_span(e),
            "'besoin' is a counted service and a number: 'besoin: sauvegarde 20;' (or an option priced per day "
            "and a number of days)");
        return;
    }
    cdg_besoin b = {.span = cdg_entry_span(e), .service = cdg_symtab_get(&c->names[K_SERVICE], v->text)};
    const cdg_option *o = cdg_symtab_get(&c->names[K_OPTION], v->text);
    if (b.service && !b.service->unite && o && o->tarif == CDG_TARIF_JOURNALIER)
        b.service = NULL;
    if (!b.service && o && o->tarif == CDG_TARIF_JOURNALIER)
        b.option = o;
    else if (!b.service && o) {
        ERR(c, cdg_value_span(v), "option '%s' is not priced per day: give the need as units of the service "
                                  "it counts", o->id);
        return;
    } else if (!b.service) {
        cdg_check_unknown(c, K_SERVICE, v->text, cdg_value_span(v));
        return;
    } else if (!b.service->unite) {
        ERR(c, cdg_value_span(v), "service '%s' is not counted (it has no unite): a need is a number of units",
            b.service->id);
        return;
    }
    if ((b.n = cdg_check_int(c, n, N_("the number of a need"))) < 0)
        return;
    cdg_model *m = c->m;
    if (!m->exemple_besoins)
        m->exemple_besoins = ALLOC(c, m->nexemples, cdg_besoin *);
    cdg_besoin **list = &m->exemple_besoins[r->x - m->exemples];
    for (const cdg_besoin *d = *list; d; d = d->next)
        if ((b.service && d->service == b.service) || (b.option && d->option == b.option)) {
            ERR(c, cdg_entry_span(e), "'%s' is needed twice in this exemple", v->text);
            return;
        }
    cdg_besoin *copy = cdg_arena_calloc(c->a, 1, sizeof *copy);
    *copy = b;
    cdg_besoin **tail = list;
    while (*tail)
        tail = &(*tail)->next;
    *tail = copy;
}

/* `annee: premiere|suivantes;`: the year priced (the following years by
 * default). */
static void exemple_annee(checker *c, void *item, const cdg_entry *e)
{
    exemple_reader *r = item;
    const cdg_value *v = cdg_check_single(c, e);
    if (!v)
        return;
    if (v->kind != CDG_VAL_KEYWORD || (v->kw != CDG_KW_PREMIERE && v->kw != CDG_KW_SUIVANTES)) {
        ERR(c, cdg_value_span(v), "'annee' is premiere (the first year) or suivantes (the following years), "
                                  "found '%s'", cdg_check_text(c, v));
        return;
    }
    r->x->premiere_annee = v->kw == CDG_KW_PREMIERE;
}

/* `attendu < … >;`: the expectations. */
static void exemple_attendu(checker *c, void *item, const cdg_entry *e)
{
    exemple_reader *r = item;
    if (!cdg_entry_block(e) || cdg_entry_values(e)) {
        ERR(c, cdg_entry_key_span(e), "write the expectations as 'attendu < strate: S4; sauvegarde: 5; >;'");
        return;
    }
    unsigned max = 0;
    for (const cdg_entry *a = cdg_block_entries(cdg_entry_block(e)); a; a = cdg_entry_next(a))
        max++;
    /* One array per block, sized by its entries; a block with no valid
     * expectation leaves the example's expectations as they were, one with
     * some replaces them. */
    attendu_array arr = {max ? cdg_arena_calloc(c->a, max, sizeof *arr.v) : NULL, 0};
    cdg_check_entries(c, cdg_entry_block(e), &attendu_syntax, &arr);
    if (arr.n) {
        r->x->attendus = arr.v;
        r->x->nattendus = arr.n;
    }
}

static const entry_syntax exemple_syntax = {
    N_("an exemple"), N_("'profil', 'forfait', 'besoin', 'annee' or 'attendu'"), NULL, {
    {CDG_KW_PROFIL, exemple_profil},
    {CDG_KW_FORFAIT, exemple_forfait},
    {CDG_KW_BESOIN, exemple_besoin},
    {CDG_KW_ANNEE, exemple_annee},
    {CDG_KW_ATTENDU, exemple_attendu},
}};

/* Every example's entries; a profile and a forfait are required.
 * m->exemples[i] is the i-th top-level exemple declaration of ast. */
void cdg_check_exemples(checker *c, const cdg_ast *ast)
{
    cdg_model *m = c->m;
    const cdg_decl *d = ast->decls;
    for (unsigned i = 0; i < m->nexemples; i++, d = cdg_decl_next(d)) {
        while (d->kw != CDG_KW_EXEMPLE)
            d = cdg_decl_next(d);
        exemple_reader r = {.x = &m->exemples[i]};
        r.x->profil.mesure = -1;
        cdg_check_entries(c, d->block, &exemple_syntax, &r);
        if (c->syntax_ok && (!r.has_profil || !r.has_forfait))
            ERR(c, d->label_span, "exemple needs a 'profil' and a 'forfait'");
    }
}
