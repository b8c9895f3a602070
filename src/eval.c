/* eval.c — entitlements on the resolved model. */
#include "eval.h"
#include "prix.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "money.h"
#include "nls.h"
#include "symtab.h"
#include "utf8.h"

/* printf into err (err may be NULL). */
static void fail(cdg_eval_error *err, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void fail(cdg_eval_error *err, const char *fmt, ...)
{
    if (!err)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, _(fmt), ap);
    va_end(ap);
}

cdg_mesure_status cdg_eval_parse_mesure(const char *s, size_t n, int64_t *out)
{
    if (n == 0)
        return CDG_MESURE_EMPTY;
    if (s[0] == '-' && n > 1 && s[1] >= '0' && s[1] <= '9')
        return CDG_MESURE_NEGATIVE;
    int64_t v = 0;
    bool digit_before = false;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == '_' && digit_before && i + 1 < n && s[i + 1] >= '0' && s[i + 1] <= '9') {
            digit_before = false;
            continue;
        }
        if (c < '0' || c > '9')
            return CDG_MESURE_INVALID;
        if (v > (CDG_EVAL_MAX_MESURE - (c - '0')) / 10)
            return CDG_MESURE_TOO_LARGE;
        v = v * 10 + (c - '0');
        digit_before = true;
    }
    *out = v;
    return CDG_MESURE_OK;
}

const char *cdg_mesure_reason(cdg_mesure_status st)
{
    switch (st) {
    case CDG_MESURE_OK: return N_("is valid");
    case CDG_MESURE_EMPTY: return N_("is missing");
    case CDG_MESURE_NEGATIVE: return N_("is negative");
    case CDG_MESURE_INVALID: return N_("is not a non-negative integer");
    case CDG_MESURE_TOO_LARGE: return N_("is too large (at most 9007199254740991)");
    }
    return N_("is invalid");
}

/* A view of the model's named arrays: each element starts with
 * `const char *id, *libelle` at the given offsets. */
typedef struct named_array {
    const char *base;
    size_t stride, n;
    size_t id_off, label_off;
    const char *kind, *kinds;  /* "category", "categories" */
} named_array;

/* The id of element i. */
static const char *named_id(const named_array *a, size_t i)
{
    const char *p;
    memcpy(&p, a->base + i * a->stride + a->id_off, sizeof p);
    return p;
}

/* The label of element i. */
static const char *named_label(const named_array *a, size_t i)
{
    const char *p;
    memcpy(&p, a->base + i * a->stride + a->label_off, sizeof p);
    return p;
}

/* The comparison form of a name: folded (case and accents), with '_' and
 * '-' read as spaces, so that "flux comptables" finds flux_comptables. */
static void normalize(const char *s, char *out, size_t cap)
{
    cdg_utf8_fold(s ? s : "", out, cap);
    for (; *out; out++)
        if (*out == '_' || *out == '-')
            *out = ' ';
}

/* Whether a's comparison form equals nb (already normalized). */
static bool fold_eq(const char *a, const char *nb)
{
    char na[512];
    normalize(a, na, sizeof na);
    return strcmp(na, nb) == 0;
}

/* Index of the element named name (exact id, then folded id, then folded
 * label), or -1 with a message and a suggestion in err. */
static long find_named(const named_array *a, const char *name, cdg_eval_error *err)
{
    for (size_t i = 0; i < a->n; i++)
        if (strcmp(named_id(a, i), name) == 0)
            return (long)i;
    char fname[512];
    normalize(name, fname, sizeof fname);
    for (size_t i = 0; i < a->n; i++)
        if (fold_eq(named_id(a, i), fname))
            return (long)i;
    for (size_t i = 0; i < a->n; i++)
        if (fold_eq(named_label(a, i), fname))
            return (long)i;
    if (!err)
        return -1;
    const char **names = cdg_mem_alloc(NULL, (2 * a->n + 1) * sizeof *names);
    const char *sugg = NULL;
    if (names) {
        for (size_t i = 0; i < a->n; i++) {
            names[2 * i] = named_id(a, i);
            names[2 * i + 1] = named_label(a, i) ? named_label(a, i) : named_id(a, i);
        }
        sugg = cdg_suggest(name, names, 2 * a->n);
        free(names);
    }
    if (sugg) {
        fail(err, "unknown %s '%s'; did you mean '%s'?", _(a->kind), name, sugg);
        return -1;
    }
    int len = snprintf(err->message, sizeof err->message, _("unknown %s '%s' (%s:"), _(a->kind), name,
                       _(a->kinds));
    for (size_t i = 0; i < a->n && len > 0 && (size_t)len < sizeof err->message; i++)
        len += snprintf(err->message + len, sizeof err->message - (size_t)len, "%s %s",
                        i ? "," : "", named_id(a, i));
    if (len > 0 && (size_t)len < sizeof err->message)
        snprintf(err->message + len, sizeof err->message - (size_t)len, ")");
    return -1;
}

#define NAMED(arr, count, type, kind, kinds)                                             \
    ((named_array){(const char *)(arr), sizeof(type), (count), offsetof(type, id),       \
                   offsetof(type, libelle), (kind), (kinds)})

const cdg_forfait *cdg_eval_find_forfait(const cdg_model *m, const char *name, cdg_eval_error *err)
{
    named_array a = NAMED(m->forfaits, m->nforfaits, cdg_forfait, N_("forfait"), N_("forfaits"));
    long i = find_named(&a, name, err);
    return i < 0 ? NULL : &m->forfaits[i];
}

const cdg_service *cdg_eval_find_service(const cdg_model *m, const char *name, cdg_eval_error *err)
{
    named_array a = NAMED(m->services, m->nservices, cdg_service, N_("service"), N_("services"));
    long i = find_named(&a, name, err);
    return i < 0 ? NULL : &m->services[i];
}

const cdg_option *cdg_eval_find_option(const cdg_model *m, const char *name, cdg_eval_error *err)
{
    named_array a = NAMED(m->options, m->noptions, cdg_option, N_("option"), N_("options"));
    long i = find_named(&a, name, err);
    return i < 0 ? NULL : &m->options[i];
}

const cdg_categorie *cdg_eval_find_categorie(const cdg_model *m, const char *name,
                                             cdg_eval_error *err)
{
    named_array a = NAMED(m->categories, m->ncategories, cdg_categorie, N_("category"), N_("categories"));
    long i = find_named(&a, name, err);
    return i < 0 ? NULL : &m->categories[i];
}

bool cdg_eval_parse_profil(const cdg_model *m, const char *text, cdg_profil *out,
                           cdg_eval_error *err)
{
    const char *eq = strchr(text, '=');
    /* Blanks around the category and the '=' are what people type
     * ("commune = 1200"): the category's name is trimmed. */
    const char *start = text;
    while (*start == ' ' || *start == '\t')
        start++;
    size_t nlen = eq ? (size_t)(eq - start) : strlen(start);
    while (nlen > 0 && (start[nlen - 1] == ' ' || start[nlen - 1] == '\t'))
        nlen--;
    char name[256];
    if (nlen == 0 || nlen >= sizeof name) {
        fail(err, "profile '%s': expected CATEGORIE=MESURE or CATEGORIE", text);
        return false;
    }
    memcpy(name, start, nlen);
    name[nlen] = '\0';
    cdg_eval_error sub;
    const cdg_categorie *c = cdg_eval_find_categorie(m, name, &sub);
    if (!c) {
        fail(err, "profile '%s': %s", text, sub.message);
        return false;
    }
    out->categorie = c;
    out->mesure = -1;
    if (!c->mesure) {
        if (eq) {
            fail(err, "profile '%s': category '%s' has no measure (write just '%s')", text,
                 c->id, c->id);
            return false;
        }
        return true;
    }
    if (!eq) {
        fail(err, "profile '%s': category '%s' needs a measure (%s): write %s=NUMBER", text,
             c->id, c->mesure, c->id);
        return false;
    }
    const char *ms = eq + 1;
    while (*ms == ' ' || *ms == '\t')
        ms++;
    size_t mlen = strlen(ms);
    while (mlen > 0 && (ms[mlen - 1] == ' ' || ms[mlen - 1] == '\t'))
        mlen--;
    cdg_mesure_status st = cdg_eval_parse_mesure(ms, mlen, &out->mesure);
    if (st != CDG_MESURE_OK) {
        fail(err, "profile '%s': the measure (%s) %s", text, c->mesure, _(cdg_mesure_reason(st)));
        return false;
    }
    return true;
}

const char *cdg_eval_profil_text(const cdg_profil *p, char *buf, size_t cap)
{
    if (p->categorie->mesure && p->mesure >= 0)
        snprintf(buf, cap, "%s=%lld", p->categorie->id, (long long)p->mesure);
    else
        snprintf(buf, cap, "%s", p->categorie->id);
    return buf;
}

const cdg_strate *cdg_eval_strate(const cdg_model *m, const cdg_profil *p, cdg_eval_error *err)
{
    const cdg_strate *k = cdg_model_strate_for(m, p);
    if (!k) {
        char buf[300];
        fail(err, "no stratum matches profile '%s'", cdg_eval_profil_text(p, buf, sizeof buf));
    }
    return k;
}

cdg_eval_row cdg_eval_row_for(const cdg_forfait *f, const cdg_service *s, const cdg_strate *k)
{
    const cdg_cell *c = cdg_model_cell(NULL, f, s);
    cdg_eval_row r = {
        .service = s,
        .cell = c,
        .statut = c->statut,
        .quantite = cdg_cell_quantity(c, k),
        .texte = c->texte,
        .attaches = c->attaches,
    };
    if (r.quantite >= 0)
        r.unite = s->unite;
    return r;
}

const cdg_member *cdg_eval_member(const cdg_strate *k, const cdg_profil *p)
{
    return &k->members[p->categorie->index];
}

/* Whether option o is about service s. */
static bool option_about(const cdg_option *o, const cdg_service *s)
{
    return o->service == s || strcmp(o->id, s->id) == 0;
}

size_t cdg_eval_options(const cdg_model *m, const cdg_forfait *f, const cdg_service *s,
                        cdg_eval_option *out)
{
    size_t n = 0;
    for (unsigned i = 0; i < m->noptions; i++) {
        const cdg_option *o = &m->options[i];
        if (s && !option_about(o, s))
            continue;
        out[n].option = o;
        out[n].cell = cdg_option_cell_of(o, f->index);
        n++;
    }
    return n;
}

const cdg_option *cdg_eval_extra_option(const cdg_model *m, const cdg_forfait *f,
                                        const cdg_service *s)
{
    const cdg_option *first = NULL;
    for (unsigned i = 0; i < m->noptions; i++) {
        const cdg_option *o = &m->options[i];
        if (o->tarif != CDG_TARIF_PAR_UNITE || o->service != s ||
            cdg_option_cell_of(o, f->index)->statut != CDG_EN_OPTION)
            continue;
        if (strcmp(o->id, s->id) == 0)
            return o;
        if (!first)
            first = o;
    }
    return first;
}

bool cdg_eval_includes_all(const cdg_forfait *f, const cdg_strate *k,
                           const cdg_service *const *needs, size_t n,
                           const cdg_service **missing, size_t *nmissing)
{
    *nmissing = 0;
    for (size_t i = 0; i < n; i++) {
        const cdg_cell *c = cdg_model_cell(NULL, f, needs[i]);
        /* A counted cell that gives 0 units in this stratum includes nothing. */
        if (c->statut != CDG_INCLUS || cdg_cell_quantity(c, k) == 0)
            missing[(*nmissing)++] = needs[i];
    }
    return *nmissing == 0;
}

bool cdg_eval_quote_need(const cdg_model *m, const cdg_forfait *f, const cdg_strate *k,
                         const cdg_service *s, int64_t need, cdg_eval_quote *out,
                         cdg_eval_error *err)
{
    memset(out, 0, sizeof *out);
    out->service = s;
    out->besoin = need;
    out->row = cdg_eval_row_for(f, s, k);
    out->inclus = out->row.statut == CDG_INCLUS && out->row.quantite > 0 ? out->row.quantite : 0;
    out->supplement = need > out->inclus ? need - out->inclus : 0;
    out->option = cdg_eval_extra_option(m, f, s);
    const cdg_prix *mt = out->option ? cdg_prix_pour_strate(out->option->montant, k) : NULL;
    if (mt) {
        cdg_prix_ligne l;
        cdg_prix_fois(mt, k, out->supplement, f->arrondi.mode, &l);
        out->has_montant = l.etat == CDG_PRIX_CHIFFRE;
        out->montant = mt->montant;
        out->total = l.centimes;
        if (l.etat == CDG_PRIX_DEPASSEMENT) {
            fail(err, "the price of %lld %s of '%s' overflows", (long long)out->supplement,
                 s->unite ? s->unite : "units", s->id);
            return false;
        }
    }
    return true;
}
