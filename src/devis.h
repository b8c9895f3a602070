/* devis.h — what an authority would pay for a forfait: its price for the
 * year asked, then each need beyond what the forfait includes priced by
 * the option that sells it, and the total to the cent by the forfait's
 * rounding rule. Used by `quote`, `which` (ranking), `batch` and the
 * examples' `devis:` expectations, so that they all give the same amount.
 *
 * A line the rules give no amount for stays unpriced and makes the total
 * partial; nothing is guessed. */
#ifndef CDG_DEVIS_H
#define CDG_DEVIS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "api.h"
#include "arena.h"
#include "eval.h"
#include "model.h"
#include "prix.h"

typedef enum {
    CDG_DEVIS_FORFAIT,      /* the forfait's price */
    CDG_DEVIS_SUPPLEMENT,   /* extra units of a counted service, priced by an option */
    CDG_DEVIS_JOURS         /* days of an option priced per day */
} cdg_devis_kind;

typedef struct cdg_devis_ligne {
    cdg_devis_kind kind;
    const cdg_besoin *besoin;     /* SUPPLEMENT, JOURS: the need it answers */
    cdg_eval_quote need;          /* SUPPLEMENT: included quantity and extra */
    const cdg_option *option;     /* SUPPLEMENT, JOURS: the option that prices it (NULL: none sold) */
    cdg_prix_ligne prix;
} cdg_devis_ligne;

typedef struct cdg_devis {
    const cdg_forfait *forfait;
    const cdg_strate *strate;
    cdg_profil profil;
    bool premiere_annee;
    cdg_devis_ligne *lignes;      /* the forfait's line first, then one per need */
    size_t nlignes;
    int64_t total;                /* cents: the priced lines, rounded by the rule */
    int64_t exact;                /* hundred-millionths: the priced lines before rounding */
    size_t non_chiffres;          /* lines the rules give no amount for (the total is partial) */
    size_t sans_option;           /* extras no option of the forfait sells */
} cdg_devis;

/* Prices forfait f for profile p in stratum k with the needs in the list
 * besoins (NULL for none), the first year or the following ones. Needs
 * of the counted service the forfait's own price counts (`par_unite`)
 * are that price's count, not extras. Returns false, with a message in
 * err, when an amount overflows or a need is stated twice. */
CDG_API bool cdg_devis_make(const cdg_model *m, const cdg_forfait *f, const cdg_strate *k,
                            const cdg_profil *p, const cdg_besoin *besoins, bool premiere_annee,
                            cdg_arena *a, cdg_devis *out, cdg_eval_error *err);

#endif
