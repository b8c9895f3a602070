/* check_prix.c — pass 2 of the checker for prices: a forfait's `prix:`
 * and `prix_premiere_annee:`, an option's `montant:`, the rounding rule
 * (`arrondi:`), read into cdg_prix (model.h); and pass 3's warning when a
 * larger authority pays less. */
#include <inttypes.h>
#include <string.h>

#include "check_impl.h"
#include "money.h"
#include "prix.h"

/* A price being read: whose it is (for messages) and where it stands. */
typedef struct prix_reader {
    const char *owner;    /* "forfait 'Metiers'" */
    bool option;          /* an option's montant: amounts per unit or day only */
    bool in_table;        /* inside selon_strate */
} prix_reader;

static const cdg_prix *read_prix(checker *c, const prix_reader *r, const cdg_entry *e,
                                 const cdg_value *v);

/* ---- amounts ------------------------------------------------------------------- */

/* Reads `N EUR` at *pv into *out (ten-thousandths) and moves *pv past it.
 * A total, a minimum or a maximum (to_cent) takes at most 2 decimals; an
 * amount per unit or per day 4. False after an error. */
static bool read_amount(checker *c, const prix_reader *r, const cdg_value **pv, int64_t *out, bool to_cent)
{
    const cdg_value *v = *pv;
    if (!v || (v->kind != CDG_VAL_INT && v->kind != CDG_VAL_DECIMAL)) {
        if (v && v->kind == CDG_VAL_STRING)
            ERR(c, cdg_value_span(v), "an amount is written without quotes: '%s: 450.00 EUR;'",
                r->option ? "montant" : "prix");
        else if (v && !cdg_check_after_slip(c, v) && !cdg_check_slip(c, v, false)) {
            if (r->option)
                ERR(c, cdg_value_span(v), "expected an amount in euros ('12.50 EUR') in the amount of %s, found '%s'",
                    r->owner, cdg_check_text(c, v));
            else
                ERR(c, cdg_value_span(v), "expected an amount in euros ('450.00 EUR') in the price of %s, found '%s'",
                    r->owner, cdg_check_text(c, v));
        }
        return false;
    }
    const cdg_value *eur = cdg_value_next(v);
    if (eur && eur->kind == CDG_VAL_IDENT) {
        ERR(c, cdg_value_span(eur), "amounts are in euros: write '%s EUR', not '%s %s'", cdg_check_text(c, v),
            cdg_check_text(c, v), eur->text);
        return false;
    }
    if (!eur || eur->kind != CDG_VAL_KEYWORD || eur->kw != CDG_KW_EUR) {
        ERR(c, cdg_value_span(v), "write the currency after the amount: '%s EUR'", cdg_check_text(c, v));
        return false;
    }
    int64_t a = cdg_value_int(v);
    if (v->kind == CDG_VAL_INT && cdg_value_int(v) > CDG_INT_MAX / CDG_DECIMAL_SCALE)
        a = -1;
    else if (v->kind == CDG_VAL_INT)
        a = cdg_value_int(v) * CDG_DECIMAL_SCALE;
    if (a < 0) {
        ERR(c, cdg_value_span(v), "amount '%s' is too large", cdg_check_text(c, v));
        return false;
    }
    if (to_cent && a % 100) {
        ERR(c, cdg_value_span(v), "amount '%s EUR' in the price of %s has more than 2 decimals: a total, a minimum "
                                  "or a maximum is written to the cent (only a price per unit may have 4)",
            cdg_check_text(c, v), r->owner);
        return false;
    }
    *out = a;
    *pv = cdg_value_next(eur);
    return true;
}

/* ---- tranches ------------------------------------------------------------------- */

/* A scale being read. */
typedef struct tranche_reader {
    cdg_tranche *t;
    unsigned n, cap;
    bool broken;     /* a tranche was reported: the coverage would only echo it */
} tranche_reader;

/* `tranche: 6..10 0.7;`: a range of the count and its coefficient. */
static void tranche_entry(checker *c, void *item, const cdg_entry *e)
{
    tranche_reader *r = item;
    const cdg_value *v = cdg_entry_values(e), *k = v ? cdg_value_next(v) : NULL;
    if (!v || v->kind != CDG_VAL_RANGE || !k || (k->kind != CDG_VAL_INT && k->kind != CDG_VAL_DECIMAL) ||
        cdg_value_next(k) || cdg_entry_block(e)) {
        if (!(k && cdg_check_after_slip(c, k)) && !(v && cdg_check_after_slip(c, v)))
            ERR(c, v ? cdg_check_values_span(e) : cdg_entry_key_span(e),
                "a tranche is a range of the count and its coefficient: 'tranche: 6..10 0.7;'");
        r->broken = true;
        return;
    }
    int64_t ki = cdg_value_int(k);
    int64_t coef = k->kind == CDG_VAL_INT ? (ki > 10 ? INT64_MAX : ki * CDG_DECIMAL_SCALE) : ki;
    if (coef <= 0 || coef > 10 * CDG_DECIMAL_SCALE) {
        ERR(c, cdg_value_span(k), "coefficient '%s' is outside the allowed range: a coefficient is more than 0 "
                                  "and at most 10", cdg_check_text(c, k));
        r->broken = true;
        return;
    }
    if (r->n == r->cap) {
        r->cap = r->cap ? 2 * r->cap : 8;
        cdg_tranche *grown = ALLOC(c, r->cap, cdg_tranche);
        if (r->n)
            memcpy(grown, r->t, r->n * sizeof *grown);
        r->t = grown;
    }
    r->t[r->n++] = (cdg_tranche){v->lo, v->hi < 0 ? CDG_OPEN : v->hi, coef, cdg_entry_span(e)};
}

static const entry_syntax tranche_syntax = {
    N_("a scale of tranches"), N_("'tranche: RANGE COEFFICIENT;'"), NULL, {
    {CDG_KW_TRANCHE, tranche_entry},
}};

/* Whether the tranches follow each other from 0 or 1 up with no end;
 * reports the first gap, overlap or missing end. */
static bool tranches_cover(checker *c, const cdg_block *b, const cdg_tranche *t, unsigned n,
                           const char *owner)
{
    if (n == 0) {
        ERR(c, cdg_block_open(b), "the scale of %s has no tranche: 'tranche: 1..5 1; tranche: 6.. 0.7;'", owner);
        return false;
    }
    if (t[0].lo > 1) {
        ERR(c, t[0].span, "the first tranche of %s starts at %" PRId64 ": a count of 1 has no coefficient "
                          "(start at 1)", owner, t[0].lo);
        return false;
    }
    for (unsigned i = 1; i < n; i++) {
        const cdg_tranche *p = &t[i - 1];
        if (p->hi == CDG_OPEN || t[i].lo <= p->hi) {
            ERR(c, t[i].span, "tranches of %s overlap: %" PRId64 " is in this tranche and the one before", owner,
                t[i].lo < p->lo ? p->lo : t[i].lo);
            return false;
        }
        if (t[i].lo > p->hi + 1) {
            if (t[i].lo == p->hi + 2)
                ERR(c, t[i].span, "gap between the tranches of %s: no tranche takes a count of %" PRId64,
                    owner, p->hi + 1);
            else
                ERR(c, t[i].span, "gap between the tranches of %s: no tranche takes a count of %" PRId64 " to %" PRId64,
                    owner, p->hi + 1, t[i].lo - 1);
            return false;
        }
    }
    if (t[n - 1].hi != CDG_OPEN) {
        ERR(c, t[n - 1].span, "the tranches of %s stop at %" PRId64 ": a count of %" PRId64 " or more has no "
                              "coefficient (end with 'tranche: %" PRId64 ".. COEFFICIENT;')",
            owner, t[n - 1].hi, t[n - 1].hi + 1, t[n - 1].hi + 1);
        return false;
    }
    return true;
}

/* ---- one price ------------------------------------------------------------------- */

/* `par_unite SERVICE [global|marginal]` after the amount: *pv is the
 * keyword; moves past what it reads. False after an error. */
static bool read_par_unite(checker *c, const prix_reader *r, cdg_prix *p, const cdg_value **pv)
{
    const cdg_value *kw = *pv, *svc = cdg_value_next(kw);
    p->kind = CDG_PRIX_UNITE;
    if (!svc || svc->kind != CDG_VAL_IDENT) {
        ERR(c, cdg_value_span(kw), "'par_unite' names the counted service the authority declares: "
                                   "'prix: 600.00 EUR par_unite postes;'");
        return false;
    }
    p->service = cdg_check_resolve(c, K_SERVICE, svc);
    if (!p->service)
        return false;
    if (!p->service->unite) {
        ERR(c, cdg_value_span(svc), "service '%s' has no 'unite', so %s cannot be priced per unit of it",
            p->service->id, r->owner);
        return false;
    }
    const cdg_value *mode = cdg_value_next(svc);
    if (mode && mode->kind == CDG_VAL_KEYWORD && (mode->kw == CDG_KW_GLOBAL || mode->kw == CDG_KW_MARGINAL)) {
        p->marginal = mode->kw == CDG_KW_MARGINAL;
        mode = cdg_value_next(mode);
    }
    *pv = mode;
    return true;
}

/* `minimum A EUR` or `maximum A EUR` at *pv; moves past it. */
static bool read_bound(checker *c, const prix_reader *r, cdg_prix *p, const cdg_value **pv)
{
    const cdg_value *kw = *pv;
    bool min = kw->kw == CDG_KW_MINIMUM;
    if (p->kind != CDG_PRIX_MESURE && p->kind != CDG_PRIX_UNITE) {
        ERR(c, cdg_value_span(kw), "'%s' bounds a price per unit ('par_mesure' or 'par_unite'); the price of %s "
                                   "is an amount", cdg_keyword_name(kw->kw), r->owner);
        return false;
    }
    if (min ? p->has_min : p->has_max) {
        ERR(c, cdg_value_span(kw), "'%s' is given twice in the price of %s", cdg_keyword_name(kw->kw), r->owner);
        return false;
    }
    *pv = cdg_value_next(kw);
    if (!read_amount(c, r, pv, min ? &p->min : &p->max, true))
        return false;
    if (min)
        p->has_min = true;
    else
        p->has_max = true;
    return true;
}

/* The words after the amount: how it applies and its bounds. */
static bool read_modifiers(checker *c, const prix_reader *r, cdg_prix *p, const cdg_value *v)
{
    while (v) {
        cdg_keyword kw = v->kind == CDG_VAL_KEYWORD ? v->kw : CDG_KW_NONE;
        bool first = p->kind == CDG_PRIX_FIXE && !p->has_min && !p->has_max;
        if (kw == CDG_KW_PAR_MESURE && first && !r->option) {
            p->kind = CDG_PRIX_MESURE;
            v = cdg_value_next(v);
        } else if (kw == CDG_KW_PAR_UNITE && first && !r->option) {
            if (!read_par_unite(c, r, p, &v))
                return false;
        } else if ((kw == CDG_KW_MINIMUM || kw == CDG_KW_MAXIMUM) && !r->option) {
            if (!read_bound(c, r, p, &v))
                return false;
        } else {
            if (!cdg_check_after_slip(c, v) && !cdg_check_slip(c, v, false)) {
                if (r->option)
                    ERR(c, cdg_value_span(v), "unexpected '%s' in the amount of %s (an option's amount is "
                                              "per day or per extra unit: 'montant: 12.50 EUR;')",
                        cdg_check_text(c, v), r->owner);
                else
                    ERR(c, cdg_value_span(v), "unexpected '%s' in the price of %s (expected par_mesure, "
                                              "par_unite SERVICE, minimum or maximum)", cdg_check_text(c, v), r->owner);
            }
            return false;
        }
    }
    return true;
}

/* The block after a price: the tranches of a `par_unite` price. */
static bool read_scale(checker *c, const prix_reader *r, cdg_prix *p, const cdg_block *b)
{
    if (!b) {
        if (p->marginal)
            ERR(c, p->span, "a 'marginal' price of %s needs its tranches: "
                            "'< tranche: 1..5 1; tranche: 6.. 0.7; >'", r->owner);
        return !p->marginal;
    }
    if (p->kind != CDG_PRIX_UNITE) {
        ERR(c, cdg_block_open(b), "only a price 'par_unite' takes a block (its tranches); the price of %s does not", r->owner);
        return false;
    }
    tranche_reader t = {0};
    cdg_check_entries(c, b, &tranche_syntax, &t);
    if (t.broken || !tranches_cover(c, b, t.t, t.n, r->owner))
        return false;
    p->tranches = t.t;
    p->ntranches = t.n;
    return true;
}

/* A price that is not a table: an amount and what follows it. */
static const cdg_prix *read_amount_prix(checker *c, const prix_reader *r, const cdg_entry *e,
                                        const cdg_value *v)
{
    cdg_prix *p = ALLOC(c, 1, cdg_prix);
    p->kind = CDG_PRIX_FIXE;
    p->span = cdg_value_span(v);
    const cdg_value *rest = v;
    if (!read_amount(c, r, &rest, &p->montant, false) || !read_modifiers(c, r, p, rest) ||
        !read_scale(c, r, p, cdg_entry_block(e)))
        return NULL;
    if (p->kind == CDG_PRIX_FIXE && !r->option && p->montant % 100) {
        ERR(c, p->span, "amount '%s EUR' in the price of %s has more than 2 decimals: a total, a minimum "
                        "or a maximum is written to the cent (only a price per unit may have 4)",
            cdg_check_text(c, v), r->owner);
        return NULL;
    }
    if (p->has_min && p->has_max && p->min > p->max) {
        ERR(c, p->span, "the minimum of the price of %s is above its maximum", r->owner);
        return NULL;
    }
    return p;
}

/* ---- per stratum ------------------------------------------------------------------- */

/* A selon_strate table being read. */
typedef struct prix_table {
    const prix_reader *r;
    const cdg_prix **par_strate;
    const cdg_entry **seen;
    bool broken;      /* an error inside: missing strata only echo it */
} prix_table;

/* `S1: PRICE;` in a price table. */
static void table_prix(checker *c, void *item, const cdg_entry *e)
{
    prix_table *t = item;
    cdg_strate *k = cdg_check_named(c, K_STRATE, e->key);
    if (!k) {
        k = cdg_check_unknown(c, K_STRATE, e->key, cdg_entry_key_span(e));
        t->broken = true;
        if (!k || t->seen[k->index])
            return;
    }
    if (t->seen[k->index]) {
        cdg_diag *g = ERR(c, cdg_entry_key_span(e), "strate '%s' appears twice in this table", k->id);
        NOTE(c, g, cdg_entry_key_span(t->seen[k->index]), "first given here");
        return;
    }
    t->seen[k->index] = e;
    const cdg_value *v = cdg_entry_values(e);
    if (!v) {
        ERR(c, cdg_entry_key_span(e), "strate '%s' needs a price here: '%s: 450.00 EUR;'", k->id, k->id);
        t->broken = true;
        return;
    }
    prix_reader inner = *t->r;
    inner.in_table = true;
    t->par_strate[k->index] = read_prix(c, &inner, e, v);
    t->broken |= !t->par_strate[k->index];
}

static const entry_syntax prix_table_syntax = {
    N_("a price table"), N_("a strate and its price"), NULL, {
    {CDG_KW_NONE, table_prix},
}};

/* `selon_strate < S1: PRICE; … >`: a price for every stratum. */
static const cdg_prix *read_table(checker *c, const prix_reader *r, const cdg_entry *e, const cdg_value *v)
{
    const cdg_block *b = cdg_entry_block(e);
    if (r->in_table) {
        ERR(c, cdg_value_span(v), "a price table cannot hold another 'selon_strate'");
        return NULL;
    }
    if (cdg_value_next(v) || !b) {
        ERR(c, cdg_value_span(v), "'selon_strate' is followed by its table: 'selon_strate < S1: 300.00 EUR; … >'");
        return NULL;
    }
    cdg_model *m = c->m;
    prix_table t = {r, ALLOC(c, m->nstrates + 1, const cdg_prix *), ALLOC(c, m->nstrates, const cdg_entry *), false};
    cdg_check_entries(c, b, &prix_table_syntax, &t);
    cdg_prix *p = ALLOC(c, 1, cdg_prix);
    *p = (cdg_prix){.kind = CDG_PRIX_STRATE, .par_strate = t.par_strate, .span = cdg_value_span(v)};
    cdg_buf miss;
    cdg_buf_init(&miss, c->a);
    unsigned nmiss = 0;
    for (unsigned i = 0; i < m->nstrates; i++) {
        if (t.par_strate[i] && t.par_strate[i]->kind == CDG_PRIX_UNITE && !p->service)
            p->service = t.par_strate[i]->service;
        if (!t.seen[i] && is_first(c, K_STRATE, m->strates[i].id, &m->strates[i]) && nmiss++ < 5)
            cdg_buf_printf(&miss, "%s'%s'", nmiss > 1 ? ", " : "", m->strates[i].id);
    }
    if (nmiss && !t.broken && c->syntax_ok)
        err_missing(c, cdg_block_open(b), "the price table of %s has no price for strate %s",
                    "the price table of %s has no price for strates %s", r->owner, &miss, nmiss);
    return nmiss || t.broken ? NULL : p;
}

/* A price at v (the entry's first value), with the entry's block. */
static const cdg_prix *read_prix(checker *c, const prix_reader *r, const cdg_entry *e, const cdg_value *v)
{
    if (v->kind == CDG_VAL_KEYWORD && v->kw == CDG_KW_SELON_STRATE)
        return read_table(c, r, e, v);
    return read_amount_prix(c, r, e, v);
}

const cdg_prix *cdg_check_prix(checker *c, const cdg_entry *e, const char *owner, bool option)
{
    const cdg_value *v = cdg_entry_values(e);
    if (!v) {
        ERR(c, cdg_entry_key_span(e), option ? "'%s' of %s needs an amount: 'montant: 12.50 EUR;'"
                                             : "'%s' of %s needs a price: 'prix: 450.00 EUR;'",
            e->key, owner);
        return NULL;
    }
    prix_reader r = {owner, option, false};
    const cdg_prix *p = read_prix(c, &r, e, v);
    if (p)
        c->m->has_prix = true;
    return p;
}

/* ---- rounding ---------------------------------------------------------------------- */

bool cdg_check_arrondi(checker *c, const cdg_entry *e, cdg_arrondi *out)
{
    const cdg_value *v = cdg_entry_values(e), *w = v ? cdg_value_next(v) : NULL;
    bool ok = v && v->kind == CDG_VAL_KEYWORD && (v->kw == CDG_KW_CENTIME_PROCHE || v->kw == CDG_KW_CENTIME_SUPERIEUR) &&
              (!w || (w->kind == CDG_VAL_KEYWORD && (w->kw == CDG_KW_PAR_LIGNE || w->kw == CDG_KW_SUR_TOTAL) &&
                      !cdg_value_next(w))) && !cdg_entry_block(e);
    if (!ok) {
        if (!cdg_check_slip(c, v, false))
            ERR(c, v ? cdg_check_values_span(e) : cdg_entry_key_span(e),
                "'arrondi' is 'centime_proche' (to the nearest cent, half up) or 'centime_superieur' (up to the "
                "cent), then optionally 'par_ligne' (the default) or 'sur_total'");
        return false;
    }
    *out = (cdg_arrondi){v->kw == CDG_KW_CENTIME_SUPERIEUR ? CDG_ARRONDI_SUPERIEUR : CDG_ARRONDI_PROCHE,
                         w && w->kw == CDG_KW_SUR_TOTAL, cdg_entry_span(e)};
    return true;
}

/* ---- a larger authority pays less (pass 3) ---------------------------------------------- */

/* "commune=1200" for people. */
static const char *profile_words(checker *c, const cdg_categorie *cat, int64_t n)
{
    return cdg_arena_printf(c->a, "%s=%" PRId64, cat->id, n);
}

/* Warns when n units on p's global scale pay less than n - 1: the first
 * unit of each tranche after the first. */
static void check_scale(checker *c, const cdg_prix *p, const char *owner)
{
    if (!p || p->kind != CDG_PRIX_UNITE || !p->tranches || p->marginal)
        return;
    for (unsigned i = 1; i < p->ntranches; i++) {
        int64_t n[2] = {p->tranches[i].lo - 1, p->tranches[i].lo};
        cdg_prix_ligne l[2];
        for (int j = 0; j < 2; j++) {
            cdg_prix_besoins b = {&p->service, &n[j], 1};
            cdg_prix_eval(p, NULL, NULL, &b, CDG_ARRONDI_PROCHE, &l[j]);
        }
        if (l[0].etat != CDG_PRIX_CHIFFRE || l[1].etat != CDG_PRIX_CHIFFRE || l[1].centimes >= l[0].centimes)
            continue;
        char m0[CDG_MONEY_TEXT_MAX], m1[CDG_MONEY_TEXT_MAX];
        WARN(c, p->tranches[i].span, "a larger authority pays less: with the price of %s, %" PRId64 " %s pay %s "
                                     "but %" PRId64 " %s pay %s",
             owner, n[1], cdg_service_unite_for(p->service, n[1]), cdg_money_text(l[1].centimes, m1, sizeof m1),
             n[0], cdg_service_unite_for(p->service, n[0]), cdg_money_text(l[0].centimes, m0, sizeof m0));
    }
}

/* Warns when, at the lower bound b of a stratum's range of category cat,
 * an authority of measure b pays less than one of b - 1 under price p. */
static void check_step(checker *c, const cdg_prix *p, const cdg_categorie *cat, int64_t b, const char *owner)
{
    cdg_profil pr[2] = {{cat, b - 1}, {cat, b}};
    const cdg_strate *k[2] = {cdg_model_strate_for(c->m, &pr[0]), cdg_model_strate_for(c->m, &pr[1])};
    if (!k[0] || !k[1] || k[0] == k[1])
        return;
    cdg_prix_ligne l[2];
    for (int j = 0; j < 2; j++)
        cdg_prix_eval(p, k[j], &pr[j], NULL, CDG_ARRONDI_PROCHE, &l[j]);
    if (l[0].etat != CDG_PRIX_CHIFFRE || l[1].etat != CDG_PRIX_CHIFFRE || l[1].centimes >= l[0].centimes)
        return;
    char m0[CDG_MONEY_TEXT_MAX], m1[CDG_MONEY_TEXT_MAX];
    WARN(c, l[1].prix->span, "a larger authority pays less: with the price of %s, %s (%s) pays %s but %s (%s) pays %s",
         owner, profile_words(c, cat, b), k[1]->id, cdg_money_text(l[1].centimes, m1, sizeof m1),
         profile_words(c, cat, b - 1), k[0]->id, cdg_money_text(l[0].centimes, m0, sizeof m0));
}

/* Every step of price p: within its scales, and from one stratum to the
 * next for every measured category. */
static void check_price_steps(checker *c, const cdg_prix *p, const char *owner)
{
    if (!p)
        return;
    if (p->kind == CDG_PRIX_STRATE) {
        for (unsigned i = 0; i < c->m->nstrates; i++)
            check_scale(c, p->par_strate[i], owner);
    } else
        check_scale(c, p, owner);
    if (cdg_prix_service(p))
        return;  /* depends on a declared count as well: no single witness */
    cdg_model *m = c->m;
    for (unsigned ci = 0; ci < m->ncategories; ci++) {
        const cdg_categorie *cat = &m->categories[ci];
        if (!cat->mesure)
            continue;
        for (unsigned k = 0; k < m->nstrates; k++) {
            const cdg_member *mb = &m->strates[k].members[ci];
            if (mb->kind == CDG_MEMBER_RANGE && mb->lo > 0)
                check_step(c, p, cat, mb->lo, owner);
        }
    }
}

void cdg_check_prix_lint(checker *c)
{
    cdg_model *m = c->m;
    for (unsigned i = 0; i < m->nforfaits; i++) {
        const cdg_forfait *f = &m->forfaits[i];
        const char *owner = cdg_arena_printf(c->a, "forfait '%s'", f->id);
        check_price_steps(c, f->prix, owner);
        if (f->prix_premiere)
            check_price_steps(c, f->prix_premiere, owner);
    }
}
