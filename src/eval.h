/* eval.h — entitlements: what an authority gets, computed on the resolved
 * model (never on the syntax tree). Profiles ("commune=1200",
 * "non_affiliee"), name lookups by id or label ignoring case and accents,
 * the rows of a forfait for a stratum, the options of a forfait, and the
 * which/quote computations used by the commands of the same names.
 *
 * Every computed row keeps its provenance (the cell, its span, the forfait
 * that set it, the stratum member that placed the profile) so that answers
 * can be explained with file:line:col. */
#ifndef CDG_EVAL_H
#define CDG_EVAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "api.h"
#include "arena.h"
#include "model.h"

/* Largest measure accepted (the language's largest integer, 2^53 - 1). */
#define CDG_EVAL_MAX_MESURE INT64_C(9007199254740991)

/* A message for the caller to print (usage errors, no stratum). */
typedef struct cdg_eval_error {
    char message[1024];
} cdg_eval_error;

typedef enum {
    CDG_MESURE_OK,
    CDG_MESURE_EMPTY,       /* nothing given */
    CDG_MESURE_NEGATIVE,    /* "-5" */
    CDG_MESURE_INVALID,     /* not a non-negative integer */
    CDG_MESURE_TOO_LARGE    /* above CDG_EVAL_MAX_MESURE */
} cdg_mesure_status;

/* Parses a measure s[0..n): decimal digits, '_' allowed between digits
 * ("10_000"). */
CDG_API cdg_mesure_status cdg_eval_parse_mesure(const char *s, size_t n, int64_t *out);
/* A short reason for a status, to follow the measure in a message
 * ("is negative", …). */
CDG_API const char *cdg_mesure_reason(cdg_mesure_status st);

/* Parses "CATEGORIE=MESURE" or "CATEGORIE" against the model's categories.
 * Returns false (usage error, message in err) for an unknown category
 * (with a suggestion), a missing, negative or non-numeric measure, or a
 * measure given to a category without one. */
CDG_API bool cdg_eval_parse_profil(const cdg_model *m, const char *text, cdg_profil *out,
                                   cdg_eval_error *err);
/* Writes a profile back as text ("commune=1200", "non_affiliee"). */
CDG_API const char *cdg_eval_profil_text(const cdg_profil *p, char *buf, size_t cap);
/* The stratum of a profile; NULL with a message naming the profile when
 * none matches. */
CDG_API const cdg_strate *cdg_eval_strate(const cdg_model *m, const cdg_profil *p,
                                          cdg_eval_error *err);

/* Lookups by id (exact, then ignoring case and accents) or by label
 * (ignoring case and accents). NULL when absent; then err says so, with a
 * suggestion when one is close. */
CDG_API const cdg_forfait *cdg_eval_find_forfait(const cdg_model *m, const char *name,
                                                 cdg_eval_error *err);
CDG_API const cdg_service *cdg_eval_find_service(const cdg_model *m, const char *name,
                                                 cdg_eval_error *err);
CDG_API const cdg_option *cdg_eval_find_option(const cdg_model *m, const char *name,
                                               cdg_eval_error *err);
CDG_API const cdg_categorie *cdg_eval_find_categorie(const cdg_model *m, const char *name,
                                                     cdg_eval_error *err);

/* One service of a forfait for one stratum. */
typedef struct cdg_eval_row {
    const cdg_service *service;
    const cdg_cell *cell;        /* shared between equal cells; provenance: cdg_cell_origine */
    cdg_statut statut;
    int64_t quantite;            /* -1 when not counted */
    const char *unite;           /* NULL when not counted */
    const char *texte;           /* the published wording of the cell */
    const cdg_attache *attaches; /* quantities of other services that come with it */
} cdg_eval_row;

/* The row of service s in forfait f for stratum k. */
CDG_API cdg_eval_row cdg_eval_row_for(const cdg_forfait *f, const cdg_service *s,
                                      const cdg_strate *k);
/* The stratum member that placed profile p in k (provenance). */
CDG_API const cdg_member *cdg_eval_member(const cdg_strate *k, const cdg_profil *p);

/* An option as it applies to one forfait. */
typedef struct cdg_eval_option {
    const cdg_option *option;
    const cdg_option_cell *cell;  /* statut and wording for the forfait */
} cdg_eval_option;

/* The options of forfait f, in declaration order, into out (capacity
 * m->noptions); when s is not NULL only those about s (priced per unit of
 * s, or sharing its id). Returns how many. */
CDG_API size_t cdg_eval_options(const cdg_model *m, const cdg_forfait *f, const cdg_service *s,
                                cdg_eval_option *out);
/* The option that prices extra units of s in forfait f: an en_option
 * option priced per unit of s, preferring the one whose id is s's id; NULL
 * when none. */
CDG_API const cdg_option *cdg_eval_extra_option(const cdg_model *m, const cdg_forfait *f,
                                                const cdg_service *s);

/* `which`: whether forfait f includes every service of needs[0..n) for
 * stratum k (status inclus and, for a counted cell, not 0 units in k); the
 * others are listed in missing (capacity n), their count in *nmissing. */
CDG_API bool cdg_eval_includes_all(const cdg_forfait *f, const cdg_strate *k,
                                   const cdg_service *const *needs, size_t n,
                                   const cdg_service **missing, size_t *nmissing);

/* `quote`: one counted need priced against a forfait. */
typedef struct cdg_eval_quote {
    const cdg_service *service;
    int64_t besoin, inclus, supplement;  /* supplement = max(besoin - inclus, 0) */
    cdg_eval_row row;                    /* the service's own cell */
    const cdg_option *option;            /* prices the supplement; NULL if none */
    bool has_montant;                    /* option gives an amount */
    int64_t montant, total;              /* per unit (ten-thousandths of a euro), and the
                                          * supplement's price rounded to cents */
} cdg_eval_quote;

/* Prices need units of counted service s in forfait f for stratum k. The
 * included quantity is the service's own cell only (attached quantities of
 * other cells do not count). Returns false (message in err) when the total
 * overflows. */
CDG_API bool cdg_eval_quote_need(const cdg_model *m, const cdg_forfait *f, const cdg_strate *k,
                                 const cdg_service *s, int64_t need, cdg_eval_quote *out,
                                 cdg_eval_error *err);

#endif
