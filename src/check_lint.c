/* check_lint.c — pass 3 of the checker: the checks of the whole offer,
 * once every declaration is read. Strata that overlap (an error when they
 * disagree) or leave gaps, quantities that decrease as strata grow (see
 * cdg_check_decreasing), identical forfaits, unused notes and empty
 * rubriques. */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "check_impl.h"

/* The range of one category a stratum takes. */
typedef struct interval {
    int64_t lo, hi;
    const cdg_strate *k;
} interval;

/* By lower bound, then in the order of the file. */
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

/* Writes the profiles lo..hi no stratum takes: commune=500..599, or one
 * profile when lo is hi. */
static const char *gap_text(checker *c, const cdg_categorie *cat, int64_t lo, int64_t hi)
{
    if (lo == hi)
        return profile_text(c, cat, lo);
    return cdg_arena_printf(c->a, "%s=%" PRId64 "..%" PRId64 " (%" PRId64 "..%" PRId64 " %s)", cat->id, lo, hi,
                            lo, hi, cat->mesure);
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
        for (unsigned s = 0; s < m->nservices; s++) {
            const cdg_cell *cell = cdg_model_cell(m, &m->forfaits[f], &m->services[s]);
            if (cell && cell->qte == CDG_QTE_STRATE && cell->par_strate &&
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
        if (mb->kind == CDG_MEMBER_NONE || !is_first(c, K_STRATE, m->strates[k].id, &m->strates[k]))
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
        WARN(c, iv[0].k->members[cat->index].span, "gap: no strate takes %s", gap_text(c, cat, 0, iv[0].lo - 1));
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
                 gap_text(c, cat, widest->hi + 1, cur->lo - 1), widest->k->id, cur->k->id);
        }
        if (cur->hi > widest->hi)
            widest = cur;
    }
    if (cat->mesure && widest->hi != CDG_OPEN)
        WARN(c, widest->k->members[cat->index].span, "gap: no strate takes %s or more",
             profile_text(c, cat, widest->hi + 1));
}

/* Hash of a cell's meaning (status and quantity, not its wording); 0 for
 * the unresolved cell. */
static uint32_t cell_hash(const cdg_cell *x)
{
    if (!x)
        return 0;
    uint64_t h = ((uint64_t)x->statut << 3 | (uint64_t)x->qte) * 1099511628211u ^ (uint64_t)x->quantite;
    return (uint32_t)(h ^ h >> 32);
}

/* A forfait's hash and its index. */
typedef struct fh { uint64_t h; unsigned i; } fh;

/* Every forfait's meaning hash (statuses and quantities, not wordings).
 * The distinct cells of a run of services are hashed into a table of at
 * most 16,384 (or a service's count) and each forfait's references to
 * them pick their hash: reading every forfait's cells, spread over the
 * arena, missed the cache (5.7 % of check on the heritage shape), and a
 * table for every service would add to the peak (0.6 MB there). */
static void forfait_hashes(checker *c, fh *v)
{
    const cdg_model *m = c->m;
    size_t all = 0;
    unsigned room = 1;
    for (unsigned s = 0; s < m->nservices; s++) {
        all += m->services[s].ncells;
        if (m->services[s].ncells > room)
            room = m->services[s].ncells;
    }
    if (room < 16384)
        room = all < 16384 ? (unsigned)all + 1 : 16384;
    uint32_t *h = ALLOC(c, room, uint32_t);
    unsigned *at = ALLOC(c, m->nservices, unsigned);  /* service s's cells: h[at[s]..] */
    for (unsigned i = 0; i < m->nforfaits; i++)
        v[i] = (fh){1469598103934665603u, i};
    for (unsigned s0 = 0, s1; s0 < m->nservices; s0 = s1) {
        unsigned n = 0;
        for (s1 = s0; s1 < m->nservices && n + m->services[s1].ncells <= room; s1++) {
            const cdg_service *sv = &m->services[s1];
            at[s1] = n;
            for (unsigned k = 0; k < sv->ncells; k++)
                h[n + k] = cell_hash(sv->cells[k]);
            n += sv->ncells;
        }
        for (unsigned i = 0; i < m->nforfaits; i++) {
            const cdg_refs *r = &m->forfaits[i].refs;
            uint64_t x = v[i].h;
            for (unsigned s = s0; s < s1; s++)
                x = (x ^ h[at[s] + (cdg_ref(r, s) >> 2)]) * 1099511628211u;
            v[i].h = x;
        }
    }
}

/* Whether two cells mean the same (their wordings aside). */
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

/* By hash, then in the order of the file. */
static int fh_cmp(const void *a, const void *b)
{
    const fh *x = a, *y = b;
    if (x->h != y->h)
        return x->h < y->h ? -1 : 1;
    return x->i < y->i ? -1 : x->i > y->i;
}

/* Warns about forfaits with the same cells (and no price of their own):
 * hashed, sorted, compared. */
static void check_identical_forfaits(checker *c)
{
    cdg_model *m = c->m;
    if (m->nforfaits < 2)
        return;
    fh *v = ALLOC(c, m->nforfaits, fh);
    forfait_hashes(c, v);
    qsort(v, m->nforfaits, sizeof *v, fh_cmp);
    for (unsigned i = 0; i < m->nforfaits;) {
        unsigned j = i + 1;
        while (j < m->nforfaits && v[j].h == v[i].h)
            j++;
        for (unsigned a = i; a < j; a++)
            for (unsigned b = a + 1; b < j; b++) {
                const cdg_forfait *x = &m->forfaits[v[a].i], *y = &m->forfaits[v[b].i];
                bool same = x->prix == y->prix;  /* differently priced: alternatives, not copies */
                for (unsigned s = 0; s < m->nservices && same; s++)
                    same = cells_equal(m, cdg_model_cell(m, x, &m->services[s]), cdg_model_cell(m, y, &m->services[s]));
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

/* Warns about notes no service uses and rubriques with no service. */
static void check_unused(checker *c)
{
    cdg_model *m = c->m;
    for (unsigned i = 0; i < m->nnotes; i++)
        if (!c->note_used[i] && is_first(c, K_NOTE, m->notes[i].id, &m->notes[i]))
            WARN(c, m->notes[i].span, "note '%s' is not used by any service", m->notes[i].id);
    for (unsigned i = 0; i < m->nrubriques; i++)
        if (m->rubriques[i].count == 0)
            WARN(c, m->rubriques[i].span, "rubrique '%s' has no service", m->rubriques[i].id);
}

/* Pass 3; checks that would only echo syntax errors need a sound file. */
void cdg_check_lint(checker *c)
{
    cdg_model *m = c->m;
    for (unsigned i = 0; i < m->ncategories; i++)
        if (is_first(c, K_CATEGORIE, m->categories[i].id, &m->categories[i]))
            check_coverage(c, &m->categories[i]);
    if (c->syntax_ok) {
        check_identical_forfaits(c);
        check_unused(c);
    }
    cdg_check_prix_lint(c);
}
