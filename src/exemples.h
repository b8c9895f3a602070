/* exemples.h — trust in the rules: the `exemple` blocks of a file run
 * against its model (`cdgrules test`), the forfait × service × stratum
 * cells they exercise (coverage), and exemple blocks generated from
 * today's answers at every stratum boundary, to pin the current behaviour
 * before an edit.
 *
 * Answers come from the evaluation module (eval.h), so that an example
 * checks exactly what `query` tells an adviser. */
#ifndef CDG_EXEMPLES_H
#define CDG_EXEMPLES_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "ast.h"
#include "diag_emit.h"
#include "model.h"

/* What running the examples of one file gave. An example passes when its
 * profile has a stratum and every expectation holds. */
typedef struct cdg_exemples_result {
    unsigned passed, failed;            /* examples */
    unsigned attendus, attendus_failed; /* expectations, all examples */
    bool *ok;                           /* per example, in declaration order */
} cdg_exemples_result;

/* Runs every exemple of m. Each failing expectation becomes an error in d
 * at the expectation ('exemple "L": sauvegarde expected 5 Go, got 3 Go'),
 * with notes saying where the actual answer comes from (pourquoi.h); an
 * example whose profile has no stratum is one error at its label. ast
 * (may be NULL) locates `base:` entries in the notes. r->ok lives in d's
 * arena. */
void cdg_exemples_run(const cdg_model *m, const cdg_ast *ast, cdg_diags *d,
                      cdg_exemples_result *r);

/* Which forfait × service × stratum cells the examples exercise. An
 * example exercises, for its forfait and its profile's stratum, each
 * service it has an expectation about (failing or not); a `strate:`
 * expectation exercises the placement, not a cell; a `prix:` or `devis:`
 * expectation exercises the priced cell of its forfait and stratum. */
typedef struct cdg_couverture {
    size_t total, covered;
    bool *cells;   /* by cdg_couverture_index */
    /* Priced cells: forfait × stratum for each forfait with a price; one is
     * covered by an example of that forfait and stratum expecting a `prix`
     * or a `devis`. */
    size_t prix_total, prix_covered;
    bool *prix_cells;   /* by forfait index * nstrates + stratum index */
} cdg_couverture;

void cdg_exemples_coverage(const cdg_model *m, cdg_arena *a, cdg_couverture *out);
/* Index of the cell (forfait f, service s, stratum k) in out->cells. */
size_t cdg_couverture_index(const cdg_model *m, unsigned f, unsigned s, unsigned k);
/* The covered share in percent (100 when there is no cell). */
double cdg_couverture_percent(const cdg_couverture *c);

/* Canonical exemple blocks (the `cdgrules fmt` layout), one per forfait
 * for each side of every stratum boundary of every category with a
 * measure (the last value of a range and the first of the next: 249 and
 * 250), and once per forfait for each category without a measure; each
 * states the stratum and every service's current status or quantity.
 * Boundary values no stratum takes (gaps) are named in a comment. */
const char *cdg_exemples_boundaries(const cdg_model *m, cdg_arena *a);

#endif
