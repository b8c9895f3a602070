/* prix_texte.h — a computed price in words for people, in the run's
 * language: the formula of a line ("1,10 € × 1 200 habitants =
 * 1 320,00 €", "600,00 € × 7 postes × 0,7 = 2 940,00 €") and a price as
 * the file states it ("1,10 € par habitant, minimum 300,00 €"). Money in
 * its one written form (money.h). */
#ifndef CDG_PRIX_TEXTE_H
#define CDG_PRIX_TEXTE_H

#include <stdbool.h>

#include "alloc.h"
#include "prix.h"

/* What the units of a line are called: the singular and the plural. */
typedef struct cdg_prix_unites {
    const char *un, *plusieurs;
} cdg_prix_unites;

/* The units of price p for profile pr: the category's measure
 * ("habitants"), the counted service's unit, or none. */
cdg_prix_unites cdg_prix_unites_de(const cdg_prix *p, const cdg_profil *pr);
/* The formula of line l (chiffré) with units u, its amount rounded by r,
 * or exact when exact (the rule rounds the total only). */
const char *cdg_prix_formule(const cdg_prix_ligne *l, cdg_prix_unites u, cdg_arrondi_mode r, bool exact,
                             cdg_arena *a);
/* The same in French whatever the run's language, for machine outputs
 * (JSON), which are the same in every language, like the money form. */
const char *cdg_prix_formule_fr(const cdg_prix_ligne *l, cdg_prix_unites u, cdg_arrondi_mode r, bool exact,
                                cdg_arena *a);
/* Price p as stated, for one stratum (p is not selon_strate): "450,00 €",
 * "1,10 € per habitant, minimum 300,00 €", "600,00 € per poste, global
 * scale 1..5 × 1, 6..10 × 0,7, 11.. × 0,5". mesure: the words for a
 * price per measure when the category is not known ("habitant"), or NULL. */
const char *cdg_prix_texte(const cdg_prix *p, const char *mesure, cdg_arena *a);
/* The same in French whatever the run's language: the published tables
 * (dump) are the offer's French document. */
const char *cdg_prix_texte_fr(const cdg_prix *p, const char *mesure, cdg_arena *a);
/* The words of a price per measure when the category is not known: every
 * category's measure, singular, joined by "/" ("habitant/agent"); NULL
 * when no category has one. */
const char *cdg_prix_mesures(const cdg_model *m, cdg_arena *a);
/* A count in French whatever the run's language ("1 000 000"), into buf. */
const char *cdg_prix_nombre_fr(int64_t v, char *buf, size_t cap);
/* Why line l has no amount, in words. */
const char *cdg_prix_raison(const cdg_prix_ligne *l, cdg_arena *a);
/* The same in French whatever the run's language (JSON). */
const char *cdg_prix_raison_fr(const cdg_prix_ligne *l, cdg_arena *a);

#endif
