/* diff.c — semantic comparison of two offers, matched by id. */
#include "diff.h"
#include "diff_stream.h"

#include <stdarg.h>
#include <stdint.h>
#include <string.h>

#include "json.h"
#include "money.h"
#include "nls.h"
#include "numfmt.h"
#include "prix.h"
#include "prix_texte.h"
#include "symtab.h"

/* The kinds of named items, each with its table of ids per edition. */
enum { KIND_CAT, KIND_STR, KIND_NOTE, KIND_RUB, KIND_SVC, KIND_FRF, KIND_OPT, NKINDS };

typedef struct differ {
    cdg_arena *a;        /* the changes and their words */
    cdg_arena *keep;     /* the tables of matched items (a, unless streaming) */
    const cdg_model *o, *n;
    /* Per item of the new edition, the old item with its id, or NULL:
     * matched once by hash, not looked up in every loop (a large offer
     * has thousands of forfaits and services). */
    const cdg_service **old_service;
    const cdg_forfait **old_forfait;
    const cdg_option **old_option;
    const cdg_strate **old_strate;   /* per stratum of the new edition (looked up per cell before) */
    /* The examples' labels of each edition: whether one of the other
     * edition's is there, in constant time (an offer may have 100,000). */
    cdg_symtab old_exemples, new_exemples;
    bool old_exemple_unnamed, new_exemple_unnamed;
    /* Per kind, the ids of the old [0] and new [1] edition, made on first
     * use and shared by the two runs of cdg_diff (made per run and per use
     * before: 5 tables of a large offer's services instead of 2). */
    cdg_symtab ids[NKINDS][2];
    bool has_ids[NKINDS];
    cdg_change *head, *tail;
    size_t count;
    const char *section, *heading;
    bool people;   /* the words in the run's language; else as in the sources (JSON) */
    /* Streaming (cdg_diff_each): each change goes to sink once complete,
     * that is when the next one starts or at a safe point, and a is
     * replaced by a fresh arena at safe points once it holds more than
     * STREAM_ARENA bytes: the changes of two unrelated offers of 10 MB are
     * 100 MB of words. */
    cdg_change_sink sink;
    void *sink_ctx;
    cdg_change *pending;
    jmp_buf *oom;
} differ;

enum { STREAM_ARENA = 1 << 20 };

/* msgid in the differ's language. */
static const char *T(const differ *d, const char *msgid) __attribute__((format_arg(2)));
static const char *T(const differ *d, const char *msgid)
{
    return d->people ? _(msgid) : msgid;
}

static bool same_str(const char *x, const char *y)
{
    return x == y || (x && y && strcmp(x, y) == 0);
}

/* Streaming: hands the pending change to the sink, worded once (its
 * words for people are its only words). */
static void emit_pending(differ *d)
{
    cdg_change *c = d->pending;
    d->pending = NULL;
    c->subject_text = c->subject;
    c->before_text = c->before;
    c->after_text = c->after;
    d->sink(d->sink_ctx, c);
}

/* Records one change; the subject is printf-formatted. */
static cdg_change *add(differ *d, char op, const char *kind, const char *before, const char *after,
                       const char *fmt, ...) __attribute__((format(printf, 6, 7)));
static cdg_change *add(differ *d, char op, const char *kind, const char *before, const char *after,
                       const char *fmt, ...)
{
    if (d->pending)   /* its maker is done with it */
        emit_pending(d);
    cdg_change *c = cdg_arena_calloc(d->a, 1, sizeof *c);
    c->op = op;
    c->kind = kind;
    c->section = d->section;
    c->heading = d->heading;
    c->before = before;
    c->after = after;
    va_list ap;
    va_start(ap, fmt);
    char buf[1024];
    vsnprintf(buf, sizeof buf, T(d, fmt), ap);
    va_end(ap);
    c->subject = cdg_arena_strdup(d->a, buf);
    if (d->sink)
        d->pending = c;
    else if (d->tail)
        d->tail->next = c;
    else
        d->head = c;
    if (!d->sink)
        d->tail = c;
    d->count++;
    return c;
}

/* Streaming: a point where no words of d->a are in use but the pending
 * change's: sends it, and starts a fresh arena when d->a has grown. */
static void safe_point(differ *d)
{
    if (!d->sink)
        return;
    if (d->pending)
        emit_pending(d);
    if (cdg_arena_used(d->a) < STREAM_ARENA)
        return;
    cdg_arena *fresh = cdg_arena_new(cdg_arena_memctl(d->keep));
    if (!fresh)
        cdg_arena_throw(d->keep);
    cdg_arena_catch(fresh, d->oom);
    cdg_arena_free(d->a);
    d->a = fresh;
}

/* "“text”" (French: "« text »"), or "(no wording)" for NULL: quoted wordings. */
static const char *quoted(differ *d, const char *s)
{
    return s ? cdg_arena_printf(d->a, T(d, N_("“%s”")), s) : T(d, N_("(no wording)"));
}

/* 12345 -> "12,345" or "12 345" for people (numfmt.h), "12345" in the
 * sources' form. */
static const char *num(differ *d, int64_t v)
{
    char out[CDG_NUM_TEXT_MAX];
    if (d->people)
        return cdg_arena_strdup(d->a, cdg_num_text(v, out, sizeof out));
    return cdg_arena_printf(d->a, "%lld", (long long)v);
}

/* A status in words: "not included" (French: "non inclus"). */
static const char *statut_words(const differ *d, cdg_statut s)
{
    return T(d, cdg_statut_words(s));
}

/* A quantity of a service: "10 Go", "3 certificats", or "none" when it
 * counts nothing. */
static const char *quantity(differ *d, int64_t q, const cdg_service *s)
{
    if (q < 0)
        return T(d, N_("none"));
    return s->unite ? cdg_arena_printf(d->a, "%s %s", num(d, q), cdg_service_unite_for(s, q)) : num(d, q);
}

/* How a stratum takes a category, in words. */
static const char *member_words(differ *d, const cdg_member *mb, const cdg_categorie *cat)
{
    const char *unit = cat->mesure ? cat->mesure : "";
    switch (mb->kind) {
    case CDG_MEMBER_NONE: return T(d, N_("none"));
    case CDG_MEMBER_ALL: return T(d, N_("all"));
    case CDG_MEMBER_RANGE:
        if (mb->hi == CDG_OPEN)
            return cdg_arena_printf(d->a, T(d, N_("%s %s or more")), num(d, mb->lo), unit);
        if (mb->lo == 0)
            return cdg_arena_printf(d->a, T(d, N_("up to %s %s")), num(d, mb->hi), unit);
        return cdg_arena_printf(d->a, T(d, N_("%s to %s %s")), num(d, mb->lo), num(d, mb->hi), unit);
    }
    return "?";
}

static bool member_eq(const cdg_member *x, const cdg_member *y)
{
    return x->kind == y->kind && (x->kind != CDG_MEMBER_RANGE || (x->lo == y->lo && x->hi == y->hi));
}

/* ---- prices ------------------------------------------------------------ */

/* An amount of ten-thousandths of a euro in words ("450,00 €", "0,4125 €"). */
static const char *euros(differ *d, int64_t v)
{
    char buf[CDG_MONEY_TEXT_MAX];
    return cdg_arena_strdup(d->a, cdg_money_text_scaled(v, 4, buf, sizeof buf));
}

/* A copy of amount v in the diff's arena (a change keeps pointers). */
static const int64_t *copy_amount(differ *d, int64_t v)
{
    int64_t *p = cdg_arena_calloc(d->a, 1, sizeof *p);
    *p = v;
    return p;
}

/* The change from a to b in tenths of a percent of a, rounded half away
 * from zero, exactly; false when a is 0 or the arithmetic overflows. */
static bool percent_tenths(int64_t a, int64_t b, int64_t *out)
{
    int64_t diff, scaled;
    if (a <= 0 || __builtin_sub_overflow(b, a, &diff) || __builtin_mul_overflow(diff, 1000, &scaled))
        return false;
    int64_t q = scaled / a, r = scaled % a;
    if (r < 0 ? -r * 2 >= a : r * 2 >= a)
        q += r < 0 ? -1 : 1;
    *out = q;
    return true;
}

/* Marks change c as a change of amount from a to b (either NULL: no
 * amount, or a price that is not one amount); when both are amounts, the
 * percentage, which people read after the new value: "472,50 € (+5,0 %)". */
static void set_amounts(differ *d, cdg_change *c, const int64_t *a, const int64_t *b)
{
    c->montant = true;
    c->montant_before = a;
    c->montant_after = b;
    if (!a || !b || !percent_tenths(*a, *b, &c->pourcentage))
        return;
    c->has_pourcentage = true;
    if (d->people) {
        char pct[CDG_NUM_TEXT_MAX];
        cdg_percent_text((double)c->pourcentage / 10.0, pct, sizeof pct);
        c->after = cdg_arena_printf(d->a, "%s (%s%s)", c->after, c->pourcentage > 0 ? "+" : "", pct);
    }
}

/* The decimal v / 10^4 as the sources write it, at least to the cent
 * ("450.00", "0.4125", "0.9" for a coefficient with min_dec 0). */
static const char *source_decimal(differ *d, int64_t v, unsigned min_dec)
{
    int64_t whole = v / CDG_PRIX_SCALE, frac = v % CDG_PRIX_SCALE;
    unsigned nd = 4;
    while (nd > min_dec && frac % 10 == 0) {
        frac /= 10;
        nd--;
    }
    if (nd == 0)
        return cdg_arena_printf(d->a, "%lld", (long long)whole);
    return cdg_arena_printf(d->a, "%lld.%0*lld", (long long)whole, (int)nd, (long long)frac);
}

/* A price (not selon_strate) as the sources write it, the same in every
 * language (JSON): "0.35 EUR par_mesure minimum 300.00 EUR",
 * "120.00 EUR par_unite postes marginal < tranche: 1..5 1; … >". */
static const char *prix_source(differ *d, const cdg_prix *p)
{
    cdg_buf b;
    cdg_buf_init(&b, d->a);
    cdg_buf_printf(&b, "%s EUR", source_decimal(d, p->montant, 2));
    if (p->kind == CDG_PRIX_MESURE)
        cdg_buf_puts(&b, " par_mesure");
    else if (p->kind == CDG_PRIX_UNITE)
        cdg_buf_printf(&b, " par_unite %s%s", p->service ? p->service->id : "?",
                       !p->tranches ? "" : p->marginal ? " marginal" : " global");
    if (p->has_min)
        cdg_buf_printf(&b, " minimum %s EUR", source_decimal(d, p->min, 2));
    if (p->has_max)
        cdg_buf_printf(&b, " maximum %s EUR", source_decimal(d, p->max, 2));
    if (p->tranches) {
        cdg_buf_puts(&b, " <");
        for (unsigned i = 0; i < p->ntranches; i++) {
            const cdg_tranche *t = &p->tranches[i];
            cdg_buf_printf(&b, " tranche: %lld..", (long long)t->lo);
            if (t->hi != CDG_OPEN)
                cdg_buf_printf(&b, "%lld", (long long)t->hi);
            cdg_buf_printf(&b, " %s;", source_decimal(d, t->coef, 0));
        }
        cdg_buf_puts(&b, " >");
    }
    return cdg_buf_str(&b);
}

/* A price of one stratum (not selon_strate) of model m in words: the
 * amount, the formula in the run's language for people, as the sources
 * write it for machines; none (a msgid) for NULL. */
static const char *prix_words(differ *d, const cdg_model *m, const cdg_prix *p, const char *none)
{
    if (!p)
        return T(d, none);
    if (p->kind == CDG_PRIX_FIXE)
        return euros(d, p->montant);
    return d->people ? cdg_prix_texte(p, cdg_prix_mesures(m, d->a), d->a) : prix_source(d, p);
}

/* A price of model m in words, selon_strate as its strata's prices
 * ("250,00 € (S1), 300,00 € (S2)"). */
static const char *table_words(differ *d, const cdg_model *m, const cdg_prix *p, const char *none)
{
    if (!p || p->kind != CDG_PRIX_STRATE)
        return prix_words(d, m, p, none);
    cdg_buf b;
    cdg_buf_init(&b, d->a);
    for (unsigned k = 0; k < m->nstrates; k++)
        cdg_buf_printf(&b, "%s%s (%s)", k ? ", " : "", prix_words(d, m, cdg_prix_pour_strate(p, &m->strates[k]), none),
                       m->strates[k].id);
    return cdg_buf_str(&b);
}

/* Whether two prices of one stratum (not selon_strate) are the same. */
static bool prix_same(const cdg_prix *a, const cdg_prix *b)
{
    if (!a || !b)
        return a == b;
    if (a->kind != b->kind || a->montant != b->montant || a->marginal != b->marginal ||
        a->has_min != b->has_min || a->has_max != b->has_max || (a->has_min && a->min != b->min) ||
        (a->has_max && a->max != b->max) || a->ntranches != b->ntranches ||
        !same_str(a->service ? a->service->id : NULL, b->service ? b->service->id : NULL))
        return false;
    for (unsigned i = 0; i < a->ntranches; i++)
        if (a->tranches[i].lo != b->tranches[i].lo || a->tranches[i].hi != b->tranches[i].hi ||
            a->tranches[i].coef != b->tranches[i].coef)
            return false;
    return true;
}

/* Whether prices a and b differ by their amount alone (the amount, or
 * the amount per unit of the same formula). */
static bool only_amount_differs(const cdg_prix *a, const cdg_prix *b)
{
    if (!a || !b || a->kind == CDG_PRIX_STRATE)
        return false;
    cdg_prix x = *a;
    x.montant = b->montant;
    return prix_same(&x, b);
}

/* Records the change of a price of one stratum from a to b (subject
 * already formatted), with the amounts and their percentage when only the
 * amount changed (a formula's amount per unit: "0,35 € par habitant" →
 * "0,37 € par habitant" is +5,7 %). */
static cdg_change *add_prix(differ *d, const char *kind, const cdg_prix *a, const cdg_prix *b, const char *subject,
                           const char *none)
{
    cdg_change *c = add(d, '~', kind, prix_words(d, d->o, a, none), prix_words(d, d->n, b, none), "%s", subject);
    if (only_amount_differs(a, b))
        set_amounts(d, c, copy_amount(d, a->montant), copy_amount(d, b->montant));
    else   /* a side that is one amount keeps it; no percentage */
        set_amounts(d, c, a && a->kind == CDG_PRIX_FIXE ? copy_amount(d, a->montant) : NULL,
                    b && b->kind == CDG_PRIX_FIXE ? copy_amount(d, b->montant) : NULL);
    return c;
}

/* The changes from price a to price b (either may be selon_strate or
 * NULL, worded none): one per stratum whose price changed when either is
 * a table per stratum, else one. subject is the owner ("Forfait Métiers,
 * first year"); per stratum it gets the stratum's id. */
static void diff_prix_pair(differ *d, const char *kind, const cdg_prix *a, const cdg_prix *b, const char *subject,
                           const char *none, const char *forfait, const char *option)
{
    bool per_strate = (a && a->kind == CDG_PRIX_STRATE) || (b && b->kind == CDG_PRIX_STRATE);
    cdg_change *c;
    if (per_strate && (!a || !b)) {
        /* Priced for the first time, or no longer: one change, the table in words. */
        c = add(d, '~', kind, table_words(d, d->o, a, none), table_words(d, d->n, b, none), "%s", subject);
        set_amounts(d, c, NULL, NULL);
        c->forfait = forfait;
        c->option = option;
        return;
    }
    if (!per_strate) {
        if (prix_same(a, b))
            return;
        c = add_prix(d, kind, a, b, subject, none);
        c->forfait = forfait;
        c->option = option;
        return;
    }
    for (unsigned k = 0; k < d->n->nstrates; k++) {
        const cdg_strate *nk = &d->n->strates[k];
        const cdg_strate *ok = d->old_strate[k];
        if (!ok)
            continue;
        const cdg_prix *pa = a ? cdg_prix_pour_strate(a, ok) : NULL, *pb = b ? cdg_prix_pour_strate(b, nk) : NULL;
        if (prix_same(pa, pb))
            continue;
        c = add_prix(d, kind, pa, pb, cdg_arena_printf(d->a, "%s, %s", subject, nk->id), none);
        c->forfait = forfait;
        c->option = option;
        c->strate = nk->id;
    }
}

/* A rounding rule in words. */
static const char *arrondi_words(differ *d, const cdg_arrondi *r)
{
    if (!d->people)
        return r->mode == CDG_ARRONDI_SUPERIEUR ? (r->sur_total ? "centime_superieur sur_total" : "centime_superieur par_ligne")
                                                : (r->sur_total ? "centime_proche sur_total" : "centime_proche par_ligne");
    if (r->mode == CDG_ARRONDI_SUPERIEUR)
        return r->sur_total ? _("up to the cent, on the total") : _("up to the cent, per line");
    return r->sur_total ? _("to the nearest cent, on the total") : _("to the nearest cent, per line");
}

static bool arrondi_same(const cdg_arrondi *a, const cdg_arrondi *b)
{
    return a->mode == b->mode && a->sur_total == b->sur_total;
}

/* The prices: the year they apply to, the offer's rounding rule, then per
 * forfait present in both editions its own rounding rule and its price,
 * the first year then the following years when either edition prices the
 * first year apart (per stratum for a table per stratum). */
static void diff_prix(differ *d)
{
    d->section = "Tarifs";
    d->heading = N_("Prices");
    const cdg_model *o = d->o, *n = d->n;
    if (!o->has_prix && !n->has_prix)
        return;
    if (o->millesime != n->millesime) {
        const char *yo = o->millesime > 0 ? cdg_arena_printf(d->a, "%lld", (long long)o->millesime) : T(d, N_("(none)"));
        const char *yn = n->millesime > 0 ? cdg_arena_printf(d->a, "%lld", (long long)n->millesime) : T(d, N_("(none)"));
        add(d, '~', "millesime", yo, yn, N_("year the prices apply to"));
    }
    if (!arrondi_same(&o->arrondi, &n->arrondi))
        add(d, '~', "offre_arrondi", arrondi_words(d, &o->arrondi), arrondi_words(d, &n->arrondi),
            N_("rounding rule"));
    for (unsigned f = 0; f < n->nforfaits; f++) {
        const cdg_forfait *nf = &n->forfaits[f], *of = d->old_forfait[f];
        if (!of)
            continue;
        /* A forfait's rule is reported when it is its own in either edition
         * (the offer's change is reported once, above). */
        bool own = !arrondi_same(&of->arrondi, &o->arrondi) || !arrondi_same(&nf->arrondi, &n->arrondi);
        if (own && !arrondi_same(&of->arrondi, &nf->arrondi)) {
            cdg_change *c = add(d, '~', "forfait_arrondi", arrondi_words(d, &of->arrondi),
                                arrondi_words(d, &nf->arrondi), N_("%s, rounding rule"), nf->libelle);
            c->forfait = nf->id;
        }
        bool split = of->prix_premiere || nf->prix_premiere;
        if (split)
            diff_prix_pair(d, "forfait_prix_premiere_annee", cdg_forfait_prix(of, true), cdg_forfait_prix(nf, true),
                           cdg_arena_printf(d->a, T(d, N_("%s, first year")), nf->libelle), N_("not priced"),
                           nf->id, NULL);
        const char *suivantes = split ? cdg_arena_printf(d->a, T(d, N_("%s, following years")), nf->libelle)
                                      : nf->libelle;
        diff_prix_pair(d, "forfait_prix", of->prix, nf->prix, suivantes, N_("not priced"), nf->id, NULL);
    }
}

static const char *tarif_words(differ *d, const cdg_option *o)
{
    switch (o->tarif) {
    case CDG_TARIF_JOURNALIER: return T(d, N_("daily rate"));
    case CDG_TARIF_SUR_ETUDE: return T(d, N_("on quotation"));
    case CDG_TARIF_PAR_UNITE:
        return cdg_arena_printf(d->a, T(d, N_("per unit of “%s”")), o->service ? o->service->libelle : "?");
    }
    return "?";
}

/* Attached quantities in words: "1 certificat, 2 Go". */
static const char *attaches_words(differ *d, const cdg_attache *t)
{
    if (!t)
        return T(d, N_("none"));
    cdg_buf b;
    cdg_buf_init(&b, d->a);
    for (; t; t = t->next) {
        cdg_buf_puts(&b, quantity(d, t->quantite, t->service));
        if (t->next)
            cdg_buf_puts(&b, ", ");
    }
    return cdg_buf_str(&b);
}

/* Whether two lists of attached quantities read the same in words
 * without wording them: same quantities, counted in the same unit. Most
 * cells of a large offer are unchanged, and wording both sides of every
 * cell was most of diff's time. When false, the words decide. */
static bool attaches_same(const cdg_attache *a, const cdg_attache *b)
{
    for (; a && b; a = a->next, b = b->next)
        if (a->quantite != b->quantite || !a->service->unite != !b->service->unite ||
            (a->service->unite && !same_str(cdg_service_unite_for(a->service, a->quantite),
                                            cdg_service_unite_for(b->service, b->quantite))))
            return false;
    return !a && !b;
}

/* Generic "added / removed / renamed" over one kind of named item. The
 * items are reached through accessors so that one loop serves all. */
typedef struct kind_desc {
    const char *noun;            /* "service" (a msgid) */
    const char *key;             /* JSON prefix: "service" */
    unsigned (*count)(const cdg_model *);
    const char *(*id)(const cdg_model *, unsigned);
    const char *(*label)(const cdg_model *, unsigned);
    unsigned slot;               /* KIND_… */
} kind_desc;

#define ACCESSORS(name, arr, n, lab)                                                            \
    static unsigned name##_count(const cdg_model *m) { return m->n; }                           \
    static const char *name##_id(const cdg_model *m, unsigned i) { return m->arr[i].id; }      \
    static const char *name##_label(const cdg_model *m, unsigned i) { return m->arr[i].lab; }

ACCESSORS(cat, categories, ncategories, libelle)
ACCESSORS(str, strates, nstrates, libelle)
ACCESSORS(note, notes, nnotes, texte)
ACCESSORS(rub, rubriques, nrubriques, libelle)
ACCESSORS(svc, services, nservices, libelle)
ACCESSORS(frf, forfaits, nforfaits, libelle)
ACCESSORS(opt, options, noptions, libelle)

static const kind_desc kind_service = {N_("service"), "service", svc_count, svc_id, svc_label, KIND_SVC};
static const kind_desc kind_forfait = {N_("forfait"), "forfait", frf_count, frf_id, frf_label, KIND_FRF};
static const kind_desc kind_option = {N_("option"), "option", opt_count, opt_id, opt_label, KIND_OPT};

/* The ids of one kind of item of m, mapped to their index + 1. */
static cdg_symtab index_ids(differ *d, const kind_desc *k, const cdg_model *m)
{
    cdg_symtab t;
    cdg_symtab_init(&t, d->keep);
    for (unsigned i = 0; i < k->count(m); i++)
        cdg_symtab_put(&t, k->id(m, i), (void *)(uintptr_t)(i + 1));
    return t;
}

/* The table of ids of kind k of the old edition (old) or the new one. */
static const cdg_symtab *ids_of(differ *d, const kind_desc *k, bool old)
{
    if (!d->has_ids[k->slot]) {
        d->ids[k->slot][0] = index_ids(d, k, d->o);
        d->ids[k->slot][1] = index_ids(d, k, d->n);
        d->has_ids[k->slot] = true;
    }
    return &d->ids[k->slot][old ? 0 : 1];
}

/* The index of the item with id in t (from index_ids), or -1. */
static int find_id(const cdg_symtab *t, const char *id)
{
    return (int)(uintptr_t)cdg_symtab_get(t, id) - 1;
}

/* Added (new order), renamed, then removed (old order). */
static void diff_names(differ *d, const kind_desc *k)
{
    char kbuf[64];
    const cdg_symtab *old_ids = ids_of(d, k, true), *new_ids = ids_of(d, k, false);
    for (unsigned i = 0; i < k->count(d->n); i++) {
        const char *id = k->id(d->n, i);
        int j = find_id(old_ids, id);
        if (j < 0) {
            snprintf(kbuf, sizeof kbuf, "%s_added", k->key);
            add(d, '+', cdg_arena_strdup(d->a, kbuf), NULL, k->label(d->n, i), N_("%s %s “%s”"),
                T(d, k->noun), id, k->label(d->n, i));
        } else if (!same_str(k->label(d->o, (unsigned)j), k->label(d->n, i))) {
            snprintf(kbuf, sizeof kbuf, "%s_renamed", k->key);
            add(d, '~', cdg_arena_strdup(d->a, kbuf), quoted(d, k->label(d->o, (unsigned)j)),
                quoted(d, k->label(d->n, i)), N_("%s %s, label"), T(d, k->noun), id);
        }
    }
    for (unsigned j = 0; j < k->count(d->o); j++) {
        const char *id = k->id(d->o, j);
        if (find_id(new_ids, id) < 0) {
            snprintf(kbuf, sizeof kbuf, "%s_removed", k->key);
            add(d, '-', cdg_arena_strdup(d->a, kbuf), k->label(d->o, j), NULL, N_("%s %s “%s”"),
                T(d, k->noun), id, k->label(d->o, j));
        }
    }
}

static void diff_offre(differ *d)
{
    d->section = "Offre";
    d->heading = N_("Offer");
    const cdg_model *o = d->o, *n = d->n;
    if (!same_str(o->id, n->id))
        add(d, '~', "offre_id", o->id, n->id, N_("offer id"));
    if (!same_str(o->libelle, n->libelle))
        add(d, '~', "offre_libelle", quoted(d, o->libelle), quoted(d, n->libelle), N_("offer label"));
    if (!same_str(o->editeur, n->editeur))
        add(d, '~', "offre_editeur", quoted(d, o->editeur), quoted(d, n->editeur), N_("publisher"));
    if (!same_str(o->edition, n->edition))
        add(d, '~', "offre_edition", o->edition ? o->edition : T(d, N_("(none)")),
            n->edition ? n->edition : T(d, N_("(none)")), N_("edition"));
    if (o->chevauchement != n->chevauchement)
        add(d, '~', "offre_chevauchement",
            o->chevauchement == CDG_CHEVAUCHEMENT_PREMIERE ? "premiere" : "derniere",
            n->chevauchement == CDG_CHEVAUCHEMENT_PREMIERE ? "premiere" : "derniere",
            N_("overlap of strata"));
}

static void diff_categories(differ *d)
{
    d->section = "Catégories";
    d->heading = N_("Categories");
    static const kind_desc k = {N_("category"), "categorie", cat_count, cat_id, cat_label, KIND_CAT};
    diff_names(d, &k);
    for (unsigned i = 0; i < d->n->ncategories; i++) {
        const cdg_categorie *nc = &d->n->categories[i];
        const cdg_categorie *oc = cdg_model_categorie(d->o, nc->id);
        if (oc && !same_str(oc->mesure, nc->mesure)) {
            cdg_change *c = add(d, '~', "categorie_mesure", oc->mesure ? oc->mesure : T(d, N_("(none)")),
                                nc->mesure ? nc->mesure : T(d, N_("(none)")), N_("%s, measure"), nc->libelle);
            c->categorie = nc->id;
        }
    }
}

/* Whether an example of the edition indexed in t (index_exemples) has
 * the label libelle (NULL: whether one has none). */
static bool has_exemple(const cdg_symtab *t, bool unnamed, const char *libelle)
{
    return libelle ? cdg_symtab_get(t, libelle) != NULL : unnamed;
}

/* The labels of m's examples into t; *unnamed says whether one has none.
 * Looking each example up in the other edition's list was quadratic: 36 s
 * for two files of 30,000 examples. */
static void index_exemples(differ *d, const cdg_model *m, cdg_symtab *t, bool *unnamed)
{
    cdg_symtab_init(t, d->keep);
    *unnamed = false;
    for (unsigned i = 0; i < m->nexemples; i++) {
        const cdg_exemple *e = &m->exemples[i];
        if (e->libelle)
            cdg_symtab_put(t, e->libelle, (void *)e);
        else
            *unnamed = true;
    }
}

/* Which stratum each example profile falls in, before and after. */
static void diff_profiles(differ *d, const cdg_model *m, bool only_missing)
{
    for (unsigned i = 0; i < m->nexemples; i++) {
        const cdg_exemple *e = &m->exemples[i];
        if (!e->profil.categorie)
            continue;
        if (only_missing && has_exemple(&d->new_exemples, d->new_exemple_unnamed, e->libelle))
            continue;
        const cdg_categorie *oc = cdg_model_categorie(d->o, e->profil.categorie->id);
        const cdg_categorie *nc = cdg_model_categorie(d->n, e->profil.categorie->id);
        if (!oc || !nc)
            continue;
        cdg_profil po = {oc, e->profil.mesure}, pn = {nc, e->profil.mesure};
        const cdg_strate *so = cdg_model_strate_for(d->o, &po);
        const cdg_strate *sn = cdg_model_strate_for(d->n, &pn);
        const char *io = so ? so->id : T(d, N_("(none)")), *in = sn ? sn->id : T(d, N_("(none)"));
        if (strcmp(io, in) != 0) {
            cdg_change *c;
            if (e->profil.mesure >= 0)
                c = add(d, '~', "profil_strate", io, in, N_("profile “%s” (%s %s %s)"), e->libelle,
                        nc->id, num(d, e->profil.mesure), nc->mesure ? nc->mesure : "");
            else
                c = add(d, '~', "profil_strate", io, in, N_("profile “%s” (%s)"), e->libelle, nc->id);
            c->categorie = nc->id;
            c->strate = sn ? sn->id : NULL;
        }
    }
}

static void diff_strates(differ *d)
{
    d->section = "Strates";
    d->heading = N_("Strata");
    static const kind_desc k = {N_("stratum"), "strate", str_count, str_id, str_label, KIND_STR};
    diff_names(d, &k);
    for (unsigned i = 0; i < d->n->nstrates; i++) {
        const cdg_strate *ns = &d->n->strates[i];
        const cdg_strate *os = cdg_model_strate(d->o, ns->id);
        if (!os)
            continue;
        for (unsigned c = 0; c < d->n->ncategories; c++) {
            const cdg_categorie *nc = &d->n->categories[c];
            const cdg_categorie *oc = cdg_model_categorie(d->o, nc->id);
            if (!oc)
                continue;
            const cdg_member *om = &os->members[oc->index], *nm = &ns->members[nc->index];
            if (!member_eq(om, nm)) {
                cdg_change *ch = add(d, '~', "strate_bornes", member_words(d, om, oc),
                                     member_words(d, nm, nc), "%s, %s", ns->id, nc->libelle);
                ch->strate = ns->id;
                ch->categorie = nc->id;
            }
        }
    }
    diff_profiles(d, d->n, false);
    diff_profiles(d, d->o, true);
}

static void diff_services(differ *d)
{
    d->section = "Notes";
    d->heading = N_("Notes");
    static const kind_desc kn = {N_("note"), "note", note_count, note_id, note_label, KIND_NOTE};
    diff_names(d, &kn);
    d->section = "Rubriques";
    d->heading = N_("Sections");
    static const kind_desc kr = {N_("section"), "rubrique", rub_count, rub_id, rub_label, KIND_RUB};
    diff_names(d, &kr);
    d->section = "Services";
    d->heading = N_("Services");
    diff_names(d, &kind_service);
    for (unsigned i = 0; i < d->n->nservices; i++) {
        const cdg_service *ns = &d->n->services[i];
        const cdg_service *os = d->old_service[i];
        if (!os)
            continue;
        cdg_change *c = NULL;
        if (!same_str(os->unite, ns->unite))
            c = add(d, '~', "service_unite", quoted(d, os->unite), quoted(d, ns->unite), N_("%s, unit"),
                    ns->libelle);
        else if (!same_str(os->unite_pluriel, ns->unite_pluriel))
            c = add(d, '~', "service_unite_pluriel", quoted(d, os->unite_pluriel), quoted(d, ns->unite_pluriel),
                    N_("%s, plural of the unit"), ns->libelle);
        if (c)
            c->service = ns->id;
        c = NULL;
        if (!same_str(os->colonne, ns->colonne))
            c = add(d, '~', "service_colonne", quoted(d, os->colonne), quoted(d, ns->colonne),
                    N_("%s, column heading"), ns->libelle);
        if (c)
            c->service = ns->id;
        c = NULL;
        const char *orub = os->rubrique ? os->rubrique->libelle : NULL;
        const char *nrub = ns->rubrique ? ns->rubrique->libelle : NULL;
        if (!same_str(os->rubrique ? os->rubrique->id : NULL, ns->rubrique ? ns->rubrique->id : NULL))
            c = add(d, '~', "service_rubrique", quoted(d, orub), quoted(d, nrub), N_("%s, section"),
                    ns->libelle);
        if (c)
            c->service = ns->id;
        c = NULL;
        if (!same_str(os->note ? os->note->id : NULL, ns->note ? ns->note->id : NULL))
            c = add(d, '~', "service_note", os->note ? os->note->id : T(d, N_("(none)")),
                    ns->note ? ns->note->id : T(d, N_("(none)")), N_("%s, note"), ns->libelle);
        if (c)
            c->service = ns->id;
    }
}

/* One cell present in both editions: status, quantities per stratum,
 * attached quantities, wording. */
static void diff_cell(differ *d, const cdg_forfait *of, const cdg_forfait *nf, const cdg_service *os,
                      const cdg_service *ns)
{
    const cdg_cell *oc = cdg_model_cell(d->o, of, os), *nc = cdg_model_cell(d->n, nf, ns);
    cdg_change *c;
    safe_point(d);
    if (oc->statut != nc->statut) {
        c = add(d, '~', "statut", statut_words(d, oc->statut), statut_words(d, nc->statut), "%s, %s",
                ns->libelle, nf->libelle);
        c->forfait = nf->id;
        c->service = ns->id;
    }
    if (oc->statut == CDG_INCLUS && nc->statut == CDG_INCLUS) {
        if (oc->qte == CDG_QTE_FIXE && nc->qte == CDG_QTE_FIXE) {
            if (oc->quantite != nc->quantite) {
                c = add(d, '~', "quantite", quantity(d, oc->quantite, os), quantity(d, nc->quantite, ns),
                        "%s, %s", ns->libelle, nf->libelle);
                c->forfait = nf->id;
                c->service = ns->id;
            }
        } else {
            for (unsigned k = 0; k < d->n->nstrates; k++) {
                const cdg_strate *nk = &d->n->strates[k];
                const cdg_strate *ok = d->old_strate[k];
                if (!ok)
                    continue;
                int64_t qo = cdg_cell_quantity(oc, ok), qn = cdg_cell_quantity(nc, nk);
                if (qo != qn) {
                    c = add(d, '~', "quantite", quantity(d, qo, os), quantity(d, qn, ns), "%s, %s, %s",
                            ns->libelle, nf->libelle, nk->id);
                    c->forfait = nf->id;
                    c->service = ns->id;
                    c->strate = nk->id;
                }
            }
        }
    }
    const char *oa, *na;
    if (!attaches_same(oc->attaches, nc->attaches) &&
        strcmp(oa = attaches_words(d, oc->attaches), na = attaches_words(d, nc->attaches)) != 0) {
        c = add(d, '~', "quantites_attachees", oa, na, N_("%s, %s, attached quantities"), ns->libelle,
                nf->libelle);
        c->forfait = nf->id;
        c->service = ns->id;
    }
    if ((oc->texte_explicite || nc->texte_explicite) && !same_str(oc->texte, nc->texte)) {
        c = add(d, '~', "libelle_cellule", quoted(d, oc->texte), quoted(d, nc->texte),
                N_("%s, %s, published wording"), ns->libelle, nf->libelle);
        c->forfait = nf->id;
        c->service = ns->id;
    }
}

static void diff_forfaits(differ *d)
{
    d->section = "Forfaits";
    d->heading = N_("Forfaits");
    diff_names(d, &kind_forfait);
    for (unsigned s = 0; s < d->n->nservices; s++) {
        const cdg_service *ns = &d->n->services[s];
        const cdg_service *os = d->old_service[s];
        if (!os)
            continue;
        for (unsigned f = 0; f < d->n->nforfaits; f++) {
            const cdg_forfait *nf = &d->n->forfaits[f];
            const cdg_forfait *of = d->old_forfait[f];
            if (of)
                diff_cell(d, of, nf, os, ns);
        }
    }
    /* A new service: what each forfait gives. */
    for (unsigned s = 0; s < d->n->nservices; s++) {
        const cdg_service *ns = &d->n->services[s];
        if (d->old_service[s])
            continue;
        for (unsigned f = 0; f < d->n->nforfaits; f++) {
            const cdg_forfait *nf = &d->n->forfaits[f];
            const cdg_cell *nc = cdg_model_cell(d->n, nf, ns);
            safe_point(d);
            cdg_change *c = add(d, '+', "cellule_added", NULL, nc->texte, N_("%s, %s: %s"), ns->libelle,
                                nf->libelle, nc->texte && *nc->texte ? nc->texte : statut_words(d, nc->statut));
            c->forfait = nf->id;
            c->service = ns->id;
        }
    }
}

static void diff_options(differ *d)
{
    d->section = "Prestations en option";
    d->heading = N_("Optional services");
    diff_names(d, &kind_option);
    for (unsigned i = 0; i < d->n->noptions; i++) {
        const cdg_option *no = &d->n->options[i];
        const cdg_option *oo = d->old_option[i];
        if (!oo)
            continue;
        cdg_change *c;
        const char *ot = tarif_words(d, oo), *nt = tarif_words(d, no);
        if (strcmp(ot, nt) != 0) {
            c = add(d, '~', "option_tarif", ot, nt, N_("%s, pricing"), no->libelle);
            c->option = no->id;
        }
        diff_prix_pair(d, "option_montant", oo->montant, no->montant,
                       cdg_arena_printf(d->a, T(d, N_("%s, amount")), no->libelle), N_("no amount"), NULL, no->id);
        for (unsigned f = 0; f < d->n->nforfaits; f++) {
            const cdg_forfait *nf = &d->n->forfaits[f];
            const cdg_forfait *of = d->old_forfait[f];
            if (!of)
                continue;
            safe_point(d);
            const cdg_option_cell *ocl = cdg_option_cell_of(oo, of->index), *ncl = cdg_option_cell_of(no, nf->index);
            if (ocl->statut != ncl->statut) {
                c = add(d, '~', "option_statut", statut_words(d, ocl->statut), statut_words(d, ncl->statut),
                        "%s, %s", no->libelle, nf->libelle);
                c->option = no->id;
                c->forfait = nf->id;
            }
            if ((ocl->texte_explicite || ncl->texte_explicite) && !same_str(ocl->texte, ncl->texte)) {
                c = add(d, '~', "option_libelle_cellule", quoted(d, ocl->texte), quoted(d, ncl->texte),
                        N_("%s, %s, published wording"), no->libelle, nf->libelle);
                c->option = no->id;
                c->forfait = nf->id;
            }
        }
    }
}

static void diff_exemples(differ *d)
{
    d->section = "Exemples";
    d->heading = N_("Examples");
    for (unsigned i = 0; i < d->n->nexemples; i++) {
        if (!has_exemple(&d->old_exemples, d->old_exemple_unnamed, d->n->exemples[i].libelle))
            add(d, '+', "exemple_added", NULL, d->n->exemples[i].libelle, N_("example “%s”"),
                d->n->exemples[i].libelle);
    }
    for (unsigned j = 0; j < d->o->nexemples; j++) {
        if (!has_exemple(&d->new_exemples, d->new_exemple_unnamed, d->o->exemples[j].libelle))
            add(d, '-', "exemple_removed", d->o->exemples[j].libelle, NULL, N_("example “%s”"),
                d->o->exemples[j].libelle);
    }
}

/* Fills d's old_* arrays. */
static void match_items(differ *d)
{
    const cdg_symtab *ts = ids_of(d, &kind_service, true), *tf = ids_of(d, &kind_forfait, true),
                     *to = ids_of(d, &kind_option, true);
    d->old_service = cdg_arena_calloc(d->keep, d->n->nservices + 1, sizeof *d->old_service);
    d->old_forfait = cdg_arena_calloc(d->keep, d->n->nforfaits + 1, sizeof *d->old_forfait);
    d->old_option = cdg_arena_calloc(d->keep, d->n->noptions + 1, sizeof *d->old_option);
    d->old_strate = cdg_arena_calloc(d->keep, d->n->nstrates + 1, sizeof *d->old_strate);
    for (unsigned k = 0; k < d->n->nstrates; k++)
        d->old_strate[k] = cdg_model_strate(d->o, d->n->strates[k].id);
    index_exemples(d, d->o, &d->old_exemples, &d->old_exemple_unnamed);
    index_exemples(d, d->n, &d->new_exemples, &d->new_exemple_unnamed);
    for (unsigned i = 0; i < d->n->nservices; i++) {
        int j = find_id(ts, d->n->services[i].id);
        d->old_service[i] = j < 0 ? NULL : &d->o->services[j];
    }
    for (unsigned i = 0; i < d->n->nforfaits; i++) {
        int j = find_id(tf, d->n->forfaits[i].id);
        d->old_forfait[i] = j < 0 ? NULL : &d->o->forfaits[j];
    }
    for (unsigned i = 0; i < d->n->noptions; i++) {
        int j = find_id(to, d->n->options[i].id);
        d->old_option[i] = j < 0 ? NULL : &d->o->options[j];
    }
}

/* All the changes from old to new, worded for people or as in the
 * sources; a second run takes the items matched by the first (first). */
static differ run(cdg_arena *a, const cdg_model *old, const cdg_model *new_, bool people,
                  const differ *first)
{
    differ d = {.a = a, .keep = a, .o = old, .n = new_, .people = people};
    if (first) {
        d = *first;
        d.people = people;
        d.head = d.tail = NULL;
        d.count = 0;
    } else
        match_items(&d);
    diff_offre(&d);
    diff_categories(&d);
    diff_strates(&d);
    diff_services(&d);
    diff_forfaits(&d);
    diff_prix(&d);
    diff_options(&d);
    diff_exemples(&d);
    return d;
}

cdg_change *cdg_diff(cdg_arena *a, const cdg_model *old, const cdg_model *new_, size_t *count)
{
    /* Two runs give the same changes in the same order, worded twice: the
     * sources' words for JSON (the same in every language), the run's
     * language for text and Markdown. */
    differ d = run(a, old, new_, false, NULL), p = run(a, old, new_, true, &d);
    for (cdg_change *c = d.head, *q = p.head; c && q; c = c->next, q = q->next) {
        c->subject_text = q->subject;
        c->before_text = q->before;
        c->after_text = q->after;
    }
    *count = d.count;
    return d.head;
}

/* The differ of cdg_diff_each, in the caller's arena: its fields change
 * after setjmp. */
size_t cdg_diff_each(cdg_arena *a, const cdg_model *old, const cdg_model *new_, bool people,
                     cdg_change_sink sink, void *ctx)
{
    differ *d = cdg_arena_calloc(a, 1, sizeof *d);
    *d = (differ){.keep = a, .o = old, .n = new_, .people = people, .sink = sink, .sink_ctx = ctx};
    jmp_buf *outer = cdg_arena_catch(a, NULL);
    cdg_arena_catch(a, outer);
    jmp_buf oom;
    if (setjmp(oom)) {
        /* Out of memory in either arena: free the words, then fail as a
         * does (the caller's handler). */
        cdg_arena_free(d->a);
        cdg_arena_catch(a, outer);
        cdg_arena_throw(a);
    }
    d->oom = &oom;
    cdg_arena_catch(a, &oom);
    d->a = cdg_arena_new(cdg_arena_memctl(a));
    if (!d->a)
        cdg_arena_throw(a);
    cdg_arena_catch(d->a, &oom);
    match_items(d);
    diff_offre(d);
    diff_categories(d);
    diff_strates(d);
    diff_services(d);
    diff_forfaits(d);
    diff_prix(d);
    diff_options(d);
    diff_exemples(d);
    safe_point(d);
    cdg_arena_free(d->a);
    d->a = NULL;
    cdg_arena_catch(a, outer);
    return d->count;
}

/* ---- printers ----------------------------------------------------------- */

void cdg_diff_printer_begin(cdg_diff_printer *p, FILE *out, cdg_diff_format format, const cdg_model *old,
                            const cdg_model *new_, const char *old_name, const char *new_name)
{
    *p = (cdg_diff_printer){.out = out, .format = format, .old = old, .new_ = new_,
                            .old_name = old_name, .new_name = new_name};
    if (format != CDG_DIFF_MD)
        return;
    fprintf(out, _("# Changes to the offer “%s”\n\n"), new_->libelle ? new_->libelle : "");
    fprintf(out, _("Edition %s → edition %s.\n"), old->edition ? old->edition : "?",
            new_->edition ? new_->edition : "?");
    if ((old->has_prix || new_->has_prix) && old->millesime != new_->millesime && old->millesime > 0 &&
        new_->millesime > 0)
        /* Amounts of two years: say so, so that they are compared like with like. */
        fprintf(out, _("Prices of %lld compared with prices of %lld.\n"), (long long)old->millesime,
                (long long)new_->millesime);
}

/* The JSON document's head, up to its array of changes. */
static void json_head(cdg_diff_printer *p, bool equal)
{
    cdg_json_init(&p->w, p->out, CDG_JSON_PRETTY);
    cdg_json_begin_object(&p->w, CDG_JSON_LINES);
    cdg_json_key_str(&p->w, "old", p->old_name);
    cdg_json_key_str(&p->w, "new", p->new_name);
    cdg_json_key_bool(&p->w, "equal", equal);
    cdg_json_key(&p->w, "changes");
    cdg_json_begin_array(&p->w, CDG_JSON_LINES);
    p->started = true;
}

/* One change as a JSON object: its fields that apply, and its amounts. */
static void json_change(cdg_json *w, const cdg_change *x)
{
    const char *fields[][2] = {
        {"section", x->section}, {"subject", x->subject}, {"before", x->before},
        {"after", x->after}, {"forfait", x->forfait}, {"service", x->service},
        {"strate", x->strate}, {"option", x->option}, {"categorie", x->categorie},
    };
    cdg_json_begin_object(w, CDG_JSON_INLINE);
    cdg_json_key_str(w, "op", x->op == '+' ? "added" : x->op == '-' ? "removed" : "changed");
    cdg_json_key_str(w, "kind", x->kind);
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
        if (fields[i][1])   /* a field that does not apply is left out */
            cdg_json_key_str(w, fields[i][0], fields[i][1]);
    if (x->montant) {
        /* The amounts for machines too: before and after the change. */
        const int64_t *m[2] = {x->montant_before, x->montant_after};
        const char *keys[2] = {"montant_before", "montant_after"};
        for (int i = 0; i < 2; i++) {
            cdg_json_key(w, keys[i]);
            if (m[i])
                cdg_money_json_scaled(w, *m[i], 4);
            else
                cdg_json_null(w);
        }
        /* The change in percent of the old amount (5.5 is +5,5 %), or null. */
        cdg_json_key(w, "pourcentage");
        if (x->has_pourcentage)
            cdg_json_decimal(w, x->pourcentage, 1);
        else
            cdg_json_null(w);
    }
    cdg_json_end(w);
}

void cdg_diff_printer_change(void *ctx, const cdg_change *c)
{
    cdg_diff_printer *p = ctx;
    switch (p->format) {
    case CDG_DIFF_TEXT:
        if (c->op == '~')
            fprintf(p->out, _("~ %s: %s: %s → %s\n"), _(c->heading), c->subject_text, c->before_text,
                    c->after_text);
        else
            fprintf(p->out, "%c %s: %s\n", c->op, _(c->heading), c->subject_text);
        break;
    case CDG_DIFF_MD:
        if (!p->section || strcmp(p->section, c->section) != 0) {
            p->section = c->section;
            fprintf(p->out, "\n## %s\n\n", _(c->heading));
        }
        if (c->op == '+')
            fprintf(p->out, _("- Added: %s\n"), c->subject_text);
        else if (c->op == '-')
            fprintf(p->out, _("- Removed: %s\n"), c->subject_text);
        else
            fprintf(p->out, _("- %s: %s → **%s**\n"), c->subject_text, c->before_text, c->after_text);
        break;
    case CDG_DIFF_JSON:
        if (!p->started)
            json_head(p, false);
        json_change(&p->w, c);
        break;
    }
}

void cdg_diff_printer_end(cdg_diff_printer *p, size_t count)
{
    if (p->format == CDG_DIFF_MD && count == 0)
        fputs(_("\nNo change.\n"), p->out);
    if (p->format != CDG_DIFF_JSON)
        return;
    if (!p->started)
        json_head(p, true);
    cdg_json_end(&p->w);
    cdg_json_end(&p->w);
}

/* A list of changes through a printer. */
static void print_list(FILE *out, cdg_diff_format format, const cdg_model *old, const cdg_model *new_,
                       const char *old_name, const char *new_name, const cdg_change *c)
{
    cdg_diff_printer p;
    cdg_diff_printer_begin(&p, out, format, old, new_, old_name, new_name);
    size_t n = 0;
    for (; c; c = c->next, n++)
        cdg_diff_printer_change(&p, c);
    cdg_diff_printer_end(&p, n);
}

void cdg_diff_print_text(FILE *out, const cdg_change *c)
{
    print_list(out, CDG_DIFF_TEXT, NULL, NULL, NULL, NULL, c);
}

void cdg_diff_print_md(FILE *out, const cdg_model *old, const cdg_model *new_, const cdg_change *c)
{
    print_list(out, CDG_DIFF_MD, old, new_, NULL, NULL, c);
}

void cdg_diff_print_json(FILE *out, const char *old_name, const char *new_name, const cdg_change *c)
{
    print_list(out, CDG_DIFF_JSON, NULL, NULL, old_name, new_name, c);
}
