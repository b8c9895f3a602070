/* exemples.c — running the exemple blocks, their coverage of the offer's
 * cells, and boundary examples generated from the current answers. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "devis.h"
#include "eval.h"
#include "exemples.h"
#include "money.h"
#include "nls.h"
#include "pourquoi.h"
#include "prix_texte.h"

/* "5 Go", "12" (no unit), "inclus (5 Go)" when a status is compared, or
 * the status: how an answer or an expectation reads in a message. */
static const char *answer_text(cdg_arena *a, const cdg_eval_row *r, bool status_only)
{
    if (r->quantite < 0)
        return cdg_statut_name(r->statut);
    const char *u = r->unite ? r->unite : "";
    if (status_only)
        return cdg_arena_printf(a, "%s (%lld%s%s)", cdg_statut_name(r->statut),
                                (long long)r->quantite, *u ? " " : "", u);
    return cdg_arena_printf(a, "%lld%s%s", (long long)r->quantite, *u ? " " : "", u);
}

/* Attaches each step of an explanation to g as a note. */
static void add_notes(cdg_diags *d, cdg_diag *g, const cdg_model *m, const cdg_raison *r)
{
    for (; r; r = r->next)
        cdg_diag_note_text(d, g, m->src, r->span, r->message, r->texte);
}

/* An amount in cents for people: "1 234,50 €". */
static const char *money(cdg_arena *a, int64_t cents)
{
    char m[CDG_MONEY_TEXT_MAX];
    return cdg_arena_strdup(a, cdg_money_text(cents, m, sizeof m));
}

/* Line l of quote q in words, as `quote` writes it: its formula, or why
 * it has no amount. */
static const char *line_words(const cdg_devis *q, const cdg_devis_ligne *l, cdg_arena *a)
{
    const cdg_forfait *f = q->forfait;
    if (l->kind == CDG_DEVIS_SUPPLEMENT && l->need.supplement == 0)
        return _("nothing extra: the forfait includes it");
    if (l->kind != CDG_DEVIS_FORFAIT && !l->option)
        return l->kind == CDG_DEVIS_JOURS ? _("not sold in this forfait") : _("no option of this forfait sells it");
    if (l->prix.etat != CDG_PRIX_CHIFFRE)
        return cdg_prix_raison(&l->prix, a);
    cdg_prix_unites u = cdg_prix_unites_de(l->prix.prix, &q->profil);
    if (l->kind == CDG_DEVIS_JOURS)
        u = (cdg_prix_unites){_("day"), _("days")};
    else if (l->kind == CDG_DEVIS_SUPPLEMENT)
        u = (cdg_prix_unites){l->need.service->unite, l->need.service->unite_pluriel};
    return cdg_prix_formule(&l->prix, u, f->arrondi.mode, f->arrondi.sur_total, a);
}

/* Where line l of quote q is stated: the need, else the forfait's price. */
static cdg_span line_span(const cdg_devis *q, const cdg_devis_ligne *l)
{
    if (l->besoin)
        return l->besoin->span;
    const cdg_prix *p = cdg_forfait_prix(q->forfait, q->premiere_annee);
    return p ? p->span : q->forfait->span;
}

/* Checks a `prix:` or `devis:` expectation of example x (stratum k)
 * against the quote `quote` would give for its needs and year; false
 * after reporting it, with the formula of each line as notes. */
static bool check_prix_attendu(const cdg_model *m, cdg_diags *d, const cdg_exemple *x, const cdg_strate *k,
                               const cdg_attendu *at)
{
    cdg_arena *a = d->arena;
    cdg_devis q;
    cdg_eval_error err = {{0}};
    if (!cdg_devis_make(m, x->forfait, k, &x->profil, cdg_exemple_besoins(m, x), x->premiere_annee, a, &q, &err)) {
        cdg_diag_add(d, CDG_ERROR, m->src, cdg_attendu_span(at), "exemple \"%s\": %s", x->libelle, err.message);
        return false;
    }
    const cdg_devis_ligne *fl = &q.lignes[0];
    const char *year = x->premiere_annee ? _("the first year") : _("the following years");
    cdg_diag *g;
    if (at->has_prix) {
        if (fl->prix.etat == CDG_PRIX_CHIFFRE && fl->prix.centimes == at->centimes)
            return true;
        const char *got = cdg_prix_raison(&fl->prix, a);
        if (fl->prix.etat == CDG_PRIX_CHIFFRE) {
            const char *amount = money(a, fl->prix.centimes), *formula = line_words(&q, fl, a);
            got = strcmp(amount, formula) == 0 ? amount : cdg_arena_printf(a, "%s (%s)", amount, formula);
        }
        g = cdg_diag_add(d, CDG_ERROR, m->src, cdg_attendu_span(at), "exemple \"%s\": prix (%s) expected %s, got %s",
                         x->libelle, year, money(a, at->centimes), got);
        for (cdg_raison *r = cdg_pourquoi_prix(m, x->forfait, &fl->prix, true, a); r; r = r->next)
            cdg_diag_note_text(d, g, m->src, r->span, r->message, r->texte);
        return false;
    }
    if (q.non_chiffres == 0 && q.total == at->centimes)
        return true;
    const char *got = money(a, q.total);
    if (q.non_chiffres)
        got = cdg_arena_printf(a, cdg_ngettext("%s, partial: %zu line is not priced",
                                               "%s, partial: %zu lines are not priced", q.non_chiffres),
                               got, q.non_chiffres);
    g = cdg_diag_add(d, CDG_ERROR, m->src, cdg_attendu_span(at), "exemple \"%s\": devis (%s) expected %s, got %s", x->libelle,
                     year, money(a, at->centimes), got);
    for (size_t i = 0; i < q.nlignes; i++) {
        const cdg_devis_ligne *l = &q.lignes[i];
        const char *label = l->besoin ? (l->besoin->service ? l->besoin->service->id : l->besoin->option->id)
                                      : x->forfait->libelle;
        const char *words = line_words(&q, l, a);
        /* TRANSLATORS: a line of a quote in a note: what it is, then how it is priced. */
        cdg_diag_note_text(d, g, m->src, line_span(&q, l), cdg_arena_printf(a, "%s: %s", label, words),
                           cdg_arena_printf(a, _("%s: %s"), label, words));
    }
    return false;
}

/* Checks one expectation of example x (profile in stratum k); false after
 * reporting it in d. */
static bool check_attendu(const cdg_model *m, const cdg_ast *ast, cdg_diags *d,
                          const cdg_exemple *x, const cdg_strate *k, const cdg_attendu *at)
{
    cdg_arena *a = d->arena;
    if (at->has_prix || at->has_devis)
        return check_prix_attendu(m, d, x, k, at);
    if (at->has_strate) {
        if (at->strate == k)
            return true;
        cdg_diag *g = cdg_diag_add(d, CDG_ERROR, m->src, cdg_attendu_span(at),
                                   "exemple \"%s\": strate expected %s, got %s", x->libelle,
                                   at->strate->id, k->id);
        add_notes(d, g, m, cdg_pourquoi_strate(m, &x->profil, k, a));
        return false;
    }
    cdg_eval_row r = cdg_eval_row_for(x->forfait, at->service, k);
    bool ok = true;
    const char *want = NULL, *got = NULL;
    if (at->has_statut && r.statut != at->statut) {
        ok = false;
        want = cdg_statut_name(at->statut);
        got = answer_text(a, &r, true);
    } else if (at->has_quantite && r.quantite != at->quantite) {
        ok = false;
        const char *u = at->service->unite ? at->service->unite : "";
        want = cdg_arena_printf(a, "%lld%s%s", (long long)at->quantite, *u ? " " : "", u);
        got = answer_text(a, &r, false);
    }
    if (ok)
        return true;
    cdg_diag *g = cdg_diag_add(d, CDG_ERROR, m->src, cdg_attendu_span(at),
                               "exemple \"%s\": %s expected %s, got %s", x->libelle,
                               at->service->id, want, got);
    if (r.cell->qte == CDG_QTE_STRATE)
        add_notes(d, g, m, cdg_pourquoi_strate(m, &x->profil, k, a));
    add_notes(d, g, m, cdg_pourquoi_service(m, ast, x->forfait, at->service, k, a));
    return false;
}

void cdg_exemples_run(const cdg_model *m, const cdg_ast *ast, cdg_diags *d,
                      cdg_exemples_result *r)
{
    *r = (cdg_exemples_result){0};
    r->ok = cdg_arena_calloc(d->arena, m->nexemples + 1, sizeof *r->ok);
    const cdg_decl *next_decl = ast->decls;
    for (unsigned i = 0; i < m->nexemples; i++) {
        const cdg_exemple *x = &m->exemples[i];
        /* m->exemples[i] is the i-th top-level exemple declaration */
        while (next_decl && next_decl->kw != CDG_KW_EXEMPLE)
            next_decl = cdg_decl_next(next_decl);
        cdg_span x_span = next_decl ? next_decl->label_span : (cdg_span){0, 0};
        if (next_decl)
            next_decl = cdg_decl_next(next_decl);
        unsigned n = 0, bad = 0;
        n = x->nattendus;
        const cdg_strate *k = x->profil.categorie ? cdg_model_strate_for(m, &x->profil) : NULL;
        if (!x->forfait || !k) {
            char buf[300];
            cdg_diag_add(d, CDG_ERROR, m->src, x_span,
                         "exemple \"%s\": no stratum matches profile '%s'", x->libelle,
                         x->profil.categorie ? cdg_eval_profil_text(&x->profil, buf, sizeof buf)
                                             : "?");
            bad = n;
            r->failed++;
        } else {
            for (const cdg_attendu *at = x->attendus; at < x->attendus + x->nattendus; at++)
                if (!check_attendu(m, ast, d, x, k, at))
                    bad++;
            if (bad)
                r->failed++;
            else
                r->passed++;
        }
        r->ok[i] = bad == 0 && k && x->forfait;
        r->attendus += n;
        r->attendus_failed += bad;
    }
}

size_t cdg_couverture_index(const cdg_model *m, unsigned f, unsigned s, unsigned k)
{
    return ((size_t)f * m->nservices + s) * m->nstrates + k;
}

void cdg_exemples_coverage(const cdg_model *m, cdg_arena *a, cdg_couverture *out)
{
    size_t fs = (size_t)m->nforfaits * m->nservices;
    out->total = fs * m->nstrates;
    out->covered = 0;
    out->cells = cdg_arena_calloc(a, out->total ? out->total : 1, sizeof *out->cells);
    out->prix_cells = cdg_arena_calloc(a, (size_t)m->nforfaits * m->nstrates + 1, sizeof *out->prix_cells);
    out->prix_total = out->prix_covered = 0;
    for (unsigned f = 0; f < m->nforfaits; f++)
        out->prix_total += m->forfaits[f].prix ? m->nstrates : 0;
    for (unsigned i = 0; i < m->nexemples; i++) {
        const cdg_exemple *x = &m->exemples[i];
        const cdg_strate *k = x->profil.categorie ? cdg_model_strate_for(m, &x->profil) : NULL;
        if (!k || !x->forfait)
            continue;
        for (const cdg_attendu *at = x->attendus; at < x->attendus + x->nattendus; at++) {
            bool *pc = &out->prix_cells[(size_t)x->forfait->index * m->nstrates + k->index];
            if ((at->has_prix || at->has_devis) && x->forfait->prix && !*pc) {
                *pc = true;
                out->prix_covered++;
            }
            if (at->has_strate || !at->service)
                continue;
            bool *c = &out->cells[cdg_couverture_index(m, x->forfait->index, at->service->index,
                                                       k->index)];
            if (!*c) {
                *c = true;
                out->covered++;
            }
        }
    }
}

double cdg_couverture_percent(const cdg_couverture *c)
{
    return c->total ? 100.0 * (double)c->covered / (double)c->total : 100.0;
}

/* A measure as the rules file writes them: 249, 1_200, 10_000. */
static void put_mesure(cdg_buf *b, int64_t v)
{
    char digits[32];
    int n = snprintf(digits, sizeof digits, "%lld", (long long)v);
    for (int i = 0; i < n; i++) {
        if (i > 0 && (n - i) % 3 == 0)
            cdg_buf_putc(b, '_');
        cdg_buf_putc(b, digits[i]);
    }
}

/* One exemple block: profile p (in stratum k) at forfait f, with the
 * stratum and every service's current answer. */
static void put_exemple(cdg_buf *b, const cdg_model *m, const cdg_profil *p, const cdg_strate *k,
                        const cdg_forfait *f)
{
    char buf[300];
    const char *label = cdg_arena_printf(b->arena, "%s (%s), %s",
                                         cdg_eval_profil_text(p, buf, sizeof buf), k->id,
                                         f->libelle);
    cdg_buf_puts(b, "\nexemple ");
    cdg_buf_put_literal(b, label);
    cdg_buf_printf(b, " <\n  profil: %s", p->categorie->id);
    if (p->mesure >= 0) {
        cdg_buf_putc(b, ' ');
        put_mesure(b, p->mesure);
    }
    cdg_buf_printf(b, ";\n  forfait: %s;\n  attendu < strate: %s;", f->id, k->id);
    for (unsigned s = 0; s < m->nservices; s++) {
        cdg_eval_row r = cdg_eval_row_for(f, &m->services[s], k);
        if (r.quantite >= 0)
            cdg_buf_printf(b, " %s: %lld;", r.service->id, (long long)r.quantite);
        else
            cdg_buf_printf(b, " %s: %s;", r.service->id, cdg_statut_name(r.statut));
    }
    cdg_buf_puts(b, " >;\n>\n");
}

/* Orders measures for qsort. */
static int cmp_mesure(const void *x, const void *y)
{
    int64_t a = *(const int64_t *)x, b = *(const int64_t *)y;
    return (a > b) - (a < b);
}

/* The boundary values of category c: both sides of every range end,
 * sorted and unique; the lower ends when there is no boundary at all. */
static size_t boundary_points(const cdg_model *m, const cdg_categorie *c, int64_t *pts)
{
    size_t n = 0;
    for (unsigned i = 0; i < m->nstrates; i++) {
        const cdg_member *mb = &m->strates[i].members[c->index];
        if (mb->kind != CDG_MEMBER_RANGE)
            continue;
        if (mb->lo > 0) {
            pts[n++] = mb->lo - 1;
            pts[n++] = mb->lo;
        }
        if (mb->hi != CDG_OPEN && mb->hi < CDG_EVAL_MAX_MESURE) {
            pts[n++] = mb->hi;
            pts[n++] = mb->hi + 1;
        }
    }
    if (n == 0)
        for (unsigned i = 0; i < m->nstrates; i++) {
            const cdg_member *mb = &m->strates[i].members[c->index];
            if (mb->kind != CDG_MEMBER_NONE)
                pts[n++] = mb->kind == CDG_MEMBER_RANGE ? mb->lo : 0;
        }
    qsort(pts, n, sizeof *pts, cmp_mesure);
    size_t u = 0;
    for (size_t i = 0; i < n; i++)
        if (u == 0 || pts[u - 1] != pts[i])
            pts[u++] = pts[i];
    return u;
}

const char *cdg_exemples_boundaries(const cdg_model *m, cdg_arena *a)
{
    cdg_buf b;
    cdg_buf_init(&b, a);
    cdg_buf_puts(&b, "# Exemples aux bornes des strates, générés par `cdgrules test\n"
                     "# --generate-boundaries` à partir des réponses actuelles des règles.\n");
    int64_t *pts = cdg_arena_calloc(a, (size_t)m->nstrates * 4 + 1, sizeof *pts);
    for (unsigned c = 0; c < m->ncategories; c++) {
        const cdg_categorie *cat = &m->categories[c];
        size_t n = 1;
        if (cat->mesure)
            n = boundary_points(m, cat, pts);
        for (size_t i = 0; i < n; i++) {
            cdg_profil p = {.categorie = cat, .mesure = cat->mesure ? pts[i] : -1};
            const cdg_strate *k = cdg_model_strate_for(m, &p);
            if (!k) {
                char buf[300];
                cdg_buf_printf(&b, "\n# %s : aucune strate ne prend ce profil.\n",
                               cdg_eval_profil_text(&p, buf, sizeof buf));
                continue;
            }
            for (unsigned f = 0; f < m->nforfaits; f++)
                put_exemple(&b, m, &p, k, &m->forfaits[f]);
        }
    }
    return cdg_buf_str(&b);
}
