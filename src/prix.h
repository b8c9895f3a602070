/* prix.h — what an authority pays: a price of the offer (model.h,
 * cdg_prix) evaluated exactly for one profile, stratum and declared needs,
 * then rounded to the cent by the forfait's rule. Lines keep how they
 * were computed (the expression, the units, the tranche, the bound) so
 * that `quote` can write the formula in words and say where every amount
 * is written.
 *
 * Exact amounts are hundred-millionths of a euro (CDG_PRIX_EXACT per
 * euro): an amount (1e-4) times a coefficient (1e-4) times a count is an
 * integer there, so nothing is rounded before the rule says so. Every
 * operation is overflow-checked. */
#ifndef CDG_PRIX_H
#define CDG_PRIX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "api.h"
#include "model.h"

/* Units of an exact amount per euro, and per cent. */
#define CDG_PRIX_EXACT INT64_C(100000000)
#define CDG_PRIX_EXACT_CENT INT64_C(1000000)

/* Why a line has no amount. */
typedef enum {
    CDG_PRIX_CHIFFRE,       /* it has one */
    CDG_PRIX_NON_DONNE,     /* the rules give no amount */
    CDG_PRIX_SANS_MESURE,   /* priced per unit of a measure the profile's category does not have */
    CDG_PRIX_SANS_BESOIN,   /* priced per unit of a service whose count was not declared */
    CDG_PRIX_DEPASSEMENT    /* the amount does not fit in 64 bits */
} cdg_prix_etat;

/* One term of a computed line: units at a coefficient. A marginal scale
 * has one term per tranche the count reaches; the other prices one. */
typedef struct cdg_prix_terme {
    int64_t unites;
    int64_t coef;               /* ten-thousandths; CDG_PRIX_SCALE for none */
    const cdg_tranche *tranche; /* NULL without tranches */
} cdg_prix_terme;

#define CDG_PRIX_TERMES_MAX 16

/* A price evaluated for one authority. */
typedef struct cdg_prix_ligne {
    cdg_prix_etat etat;
    const cdg_prix *prix;       /* the expression applied (the stratum's for selon_strate) */
    const cdg_prix *table;      /* the selon_strate it was taken from, or NULL */
    const cdg_service *service; /* SANS_BESOIN, UNITE: the counted service */
    int64_t unites;             /* units priced (measure, count, days); -1 for an amount alone */
    cdg_prix_terme termes[CDG_PRIX_TERMES_MAX];
    unsigned ntermes;
    int bornee;                 /* -1 raised to the minimum, +1 lowered to the maximum */
    int64_t brut;               /* exact, before the bound */
    int64_t exact;              /* exact, after it */
    int64_t centimes;           /* exact rounded by the rule */
} cdg_prix_ligne;

/* The declared counts of counted services (`--besoin postes=7`). */
typedef struct cdg_prix_besoins {
    const cdg_service *const *services;
    const int64_t *n;
    size_t count;
} cdg_prix_besoins;

/* Evaluates price p (NULL: not given) for profile pr in stratum k with
 * the declared counts b (may be NULL), rounding by r. The line says why
 * when it has no amount. */
CDG_API void cdg_prix_eval(const cdg_prix *p, const cdg_strate *k, const cdg_profil *pr,
                           const cdg_prix_besoins *b, cdg_arrondi_mode r, cdg_prix_ligne *out);
/* Evaluates amount p (an option's montant: FIXE, or STRATE of FIXE) times
 * n units (extra units, days) in stratum k, rounding by r. */
CDG_API void cdg_prix_fois(const cdg_prix *p, const cdg_strate *k, int64_t n, cdg_arrondi_mode r,
                           cdg_prix_ligne *out);
/* The amount expression p applies in stratum k (p itself unless
 * selon_strate), or NULL. */
CDG_API const cdg_prix *cdg_prix_pour_strate(const cdg_prix *p, const cdg_strate *k);
/* Rounds an exact amount to cents by mode r (half up for PROCHE, up for
 * SUPERIEUR; negative amounts never occur). */
CDG_API int64_t cdg_prix_arrondi(int64_t exact, cdg_arrondi_mode r);
/* Whether p needs the count of a declared service (UNITE anywhere in it);
 * that service, or NULL. */
CDG_API const cdg_service *cdg_prix_service(const cdg_prix *p);
/* The price of forfait f the first year or the following ones. */
static inline const cdg_prix *cdg_forfait_prix(const cdg_forfait *f, bool premiere_annee)
{
    return premiere_annee && f->prix_premiere ? f->prix_premiere : f->prix;
}

#endif
