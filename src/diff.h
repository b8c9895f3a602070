/* diff.h — what changed between two editions of an offer (`cdgrules diff`),
 * and strict model equality (fmt's "formatting changes no meaning" test).
 *
 * The diff is semantic: it compares resolved models, matching every kind of
 * name by id, so reordering or reformatting alone is no change. Changes
 * are worded in the offer's vocabulary (labels, forfaits, strata), the
 * tool's own words in English for machines and in the run's language for
 * people. */
#ifndef CDG_DIFF_H
#define CDG_DIFF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "api.h"
#include "arena.h"
#include "model.h"

typedef struct cdg_change {
    char op;               /* '+' added, '-' removed, '~' changed */
    const char *kind;      /* stable key for JSON: "service_added", "quantite", … */
    const char *section;   /* its group, for machines: "Services", "Forfaits", "Offre", … */
    const char *heading;   /* the heading people read (a msgid: translate it) */
    const char *subject;   /* what changed, in words: "Sauvegarde externalisée, Forfait Technologie, S4" */
    const char *before;    /* the old value in words, or NULL (added) */
    const char *after;     /* the new value in words, or NULL (removed) */
    /* The same three in the run's language (text and Markdown); the three
     * above are worded as in the sources, the same in every language (JSON). */
    const char *subject_text, *before_text, *after_text;
    const char *forfait, *service, *strate, *option, *categorie;  /* ids concerned, or NULL */
    bool montant;          /* an amount or a price changed: the two below are set */
    const int64_t *montant_before, *montant_after;  /* in ten-thousandths of a euro: the amount,
                                                     * or the amount per unit of a formula whose
                                                     * amount alone changed; NULL otherwise */
    bool has_pourcentage;  /* both are set and the old one is not 0: */
    int64_t pourcentage;   /* the change in tenths of a percent, rounded half away from 0 (+50: +5,0 %) */
    struct cdg_change *next;
} cdg_change;

/* The changes from old to new, in a stable order (sections, then the new
 * edition's declaration order, removed items last), in arena a. NULL when
 * the offers are equivalent. *count receives their number. */
CDG_API cdg_change *cdg_diff(cdg_arena *a, const cdg_model *old, const cdg_model *new_,
                             size_t *count);

/* Printers: a plain list, a Markdown changelog, a JSON document. */
CDG_API void cdg_diff_print_text(FILE *out, const cdg_change *c);
CDG_API void cdg_diff_print_md(FILE *out, const cdg_model *old, const cdg_model *new_,
                               const cdg_change *c);
CDG_API void cdg_diff_print_json(FILE *out, const char *old_name, const char *new_name,
                                 const cdg_change *c);

#endif
