/* pourquoi.h — why an answer is what it is: the chain of rules-file
 * entries that produced a stratum or a service's answer, in plain words
 * (the run's language),
 * each with its location, for `query --why` and for the notes of a
 * failing example. What an adviser reads out to a mayor who asks "why
 * don't we get the parapheur?". */
#ifndef CDG_POURQUOI_H
#define CDG_POURQUOI_H

#include <stdbool.h>

#include "arena.h"
#include "ast.h"
#include "model.h"
#include "prix.h"

/* One step of an explanation: a sentence and the entry it rests on. The
 * sentence is in the run's language (texte: text outputs) and as written
 * in the sources (message: JSON, SARIF, GitHub, the same in every
 * language). */
typedef struct cdg_raison {
    const char *texte;
    const char *message;
    cdg_span span;
    struct cdg_raison *next;
} cdg_raison;

/* Why profile p is in stratum k: the member range that takes it, and the
 * other strata that also take it when the overlap rule chose. */
cdg_raison *cdg_pourquoi_strate(const cdg_model *m, const cdg_profil *p, const cdg_strate *k,
                                cdg_arena *a);

/* Why service s of forfait f answers what it does in stratum k: the
 * forfait's own entry, or each `base:` followed to the entry inherited, or
 * the `defaut:`; then, for a per-stratum quantity, the table line for k.
 * ast (may be NULL) locates `base:` entries and table lines; without it
 * the forfait and the whole table are named. */
cdg_raison *cdg_pourquoi_service(const cdg_model *m, const cdg_ast *ast, const cdg_forfait *f,
                                 const cdg_service *s, const cdg_strate *k, cdg_arena *a);

/* Why option o is what forfait f offers: when extra (it prices an extra
 * quantity) its `tarif:` entry first; then the entry giving its status in
 * f (the forfait's own line or the `defaut:`), and its `montant:` when it
 * has one. ast as above. */
cdg_raison *cdg_pourquoi_option(const cdg_model *m, const cdg_ast *ast, const cdg_forfait *f,
                                const cdg_option *o, bool extra, cdg_arena *a);

/* Why line l of a forfait f's quote costs what it does: the entry of the
 * amount used (a table's line for the stratum; left out unless
 * with_amount), the tranches applied and the rounding rule, each quoted
 * from the file. */
cdg_raison *cdg_pourquoi_prix(const cdg_model *m, const cdg_forfait *f, const cdg_prix_ligne *l,
                              bool with_amount, cdg_arena *a);

/* "FILE:LINE:COL" of a span. */
const char *cdg_pourquoi_lieu(cdg_source *src, cdg_span sp, cdg_arena *a);

#endif
