/* model.h — the resolved offer: what the checker produces from the syntax
 * tree and what every command reads (queries, dumps, diff, fmt's
 * equivalence test).
 *
 * Everything is resolved: names are pointers/indices, inheritance is
 * expanded, wordings are generated. A cell is found in O(1):
 * cdg_model_cell(m, forfait, service), and its quantity for a stratum with
 * cdg_cell_quantity(m, cell, strate). Declaration order is kept in every
 * array: it is the order of the published tables. */
#ifndef CDG_MODEL_H
#define CDG_MODEL_H

#include <stdbool.h>
#include <stdint.h>

#include "api.h"
#include "source.h"

typedef struct cdg_note cdg_note;
typedef struct cdg_rubrique cdg_rubrique;
struct cdg_arena;
struct cdg_cell;

/* An array of references (small indices into a table the owner names),
 * 1 byte each while every reference is under 256, 2 while under 65,536,
 * else 4: exactly one of the three pointers is set (none: not built, after
 * an error that stopped the checker). Read with cdg_ref, made with
 * cdg_refs_new, written with cdg_ref_set. */
typedef struct cdg_refs {
    uint8_t *b1;
    uint16_t *b2;
    uint32_t *b4;
} cdg_refs;

/* Whether r is built. */
static inline bool cdg_refs_built(const cdg_refs *r)
{
    return r->b1 || r->b2 || r->b4;
}

/* Reference i of r. */
static inline uint32_t cdg_ref(const cdg_refs *r, unsigned i)
{
    return r->b1 ? r->b1[i] : r->b2 ? r->b2[i] : r->b4[i];
}

/* Makes r, n references of value v, as wide as a reference up to most
 * needs, in arena a. */
CDG_API void cdg_refs_new(cdg_refs *r, unsigned n, uint32_t v, uint32_t most, struct cdg_arena *a);
/* Sets reference i of r (n long) to v; a v too large for r's width copies
 * r to the width it needs, in arena a. */
CDG_API void cdg_ref_set(cdg_refs *r, unsigned n, unsigned i, uint32_t v, struct cdg_arena *a);
/* cdg_ref_set without a call when v fits r's width: the checker sets a
 * reference for every cell of every forfait. */
static inline void cdg_ref_put(cdg_refs *r, unsigned n, unsigned i, uint32_t v, struct cdg_arena *a)
{
    if (r->b1 && v <= UINT8_MAX)
        r->b1[i] = (uint8_t)v;
    else if (r->b2 && v <= UINT16_MAX)
        r->b2[i] = (uint16_t)v;
    else
        cdg_ref_set(r, n, i, v, a);
}

typedef struct cdg_categorie {
    const char *id, *libelle;
    const char *mesure;   /* "habitants"; NULL: the category is taken whole */
    cdg_span span;
    unsigned index;
} cdg_categorie;

/* How a stratum takes the authorities of one category. */
typedef enum { CDG_MEMBER_NONE, CDG_MEMBER_ALL, CDG_MEMBER_RANGE } cdg_member_kind;

typedef struct cdg_member {
    cdg_member_kind kind;
    int64_t lo, hi;    /* RANGE: inclusive bounds; hi == CDG_OPEN for "lo.." */
    cdg_span span;     /* the entry in the strate block */
} cdg_member;

#define CDG_OPEN INT64_MAX

typedef struct cdg_strate {
    const char *id, *libelle;
    cdg_member *members;   /* one per category, by category index */
    cdg_span span;
    unsigned index;
} cdg_strate;

struct cdg_note {
    const char *id, *texte;
    unsigned number;       /* 1-based, declaration order */
    cdg_span span;
};

typedef struct cdg_service {
    const char *id, *libelle;
    const char *unite;     /* NULL: not counted */
    const char *unite_pluriel; /* unite's plural, as stated or by the default rule */
    const char *colonne;   /* heading in the strata table (default: libelle) */
    cdg_note *note;
    cdg_rubrique *rubrique;   /* NULL when the service stands alone */
    int64_t *par_strate;   /* quantity per stratum, or NULL */
    /* The distinct cells the forfaits give it (8 bytes each): cells[0] is
     * NULL (a cell not resolved), the others are shared by every forfait
     * that has an equal cell or inherits it; a forfait names one by its
     * index (cdg_forfait.refs, read by cdg_model_cell). */
    const struct cdg_cell **cells;
    unsigned ncells;
    cdg_span span, par_strate_span;
    unsigned index;
} cdg_service;

struct cdg_rubrique {
    const char *id, *libelle;
    unsigned first, count;  /* its services: services[first .. first+count) */
    cdg_span span;
    unsigned index;
};

typedef enum { CDG_INCLUS, CDG_NON_INCLUS, CDG_EN_OPTION, CDG_SANS_OBJET } cdg_statut;

typedef enum {
    CDG_QTE_AUCUNE,   /* no quantity */
    CDG_QTE_FIXE,     /* the same for every stratum */
    CDG_QTE_STRATE    /* per stratum (cell's own table, else the service's) */
} cdg_qte_kind;

/* A quantity of another service that comes with a cell
 * (`parapheur: inclus < certificat: 1; >`). */
typedef struct cdg_attache {
    const struct cdg_service *service;
    int64_t quantite;
    struct cdg_attache *next;
} cdg_attache;

struct cdg_forfait;

/* What a forfait says about a service. Cells hold no location: equal
 * cells of a service are one shared cdg_cell (a large file states the same
 * few values millions of times), and how each was set is kept by the
 * forfait (provenance, cdg_cell_origine). 40 bytes. */
typedef struct cdg_cell {
    int64_t quantite;          /* CDG_QTE_FIXE */
    const int64_t *par_strate; /* CDG_QTE_STRATE: per stratum */
    cdg_attache *attaches;
    const char *texte;         /* wording for tables (explicit or generated) */
    unsigned char statut;      /* a cdg_statut (a byte: the cell is 40 bytes, not 48) */
    unsigned char qte;         /* a cdg_qte_kind */
    bool texte_explicite;
    bool par_defaut;           /* set by `defaut:` */
} cdg_cell;

/* ---- prices ----------------------------------------------------------------
 * Amounts are exact integers of ten-thousandths of a euro (CDG_PRIX_SCALE
 * per euro: 1.10 EUR is 11000), coefficients ten-thousandths of 1 (0.7 is
 * 7000); a computed line is exact in hundred-millionths of a euro and
 * rounded to the cent by the forfait's rounding rule. Never floating point. */
#define CDG_PRIX_SCALE 10000

typedef enum {
    CDG_PRIX_FIXE,     /* an amount */
    CDG_PRIX_MESURE,   /* an amount per unit of the authority's measure (habitants, agents) */
    CDG_PRIX_UNITE,    /* an amount per unit of a counted service the authority declares */
    CDG_PRIX_STRATE    /* a price per stratum */
} cdg_prix_kind;

/* A tranche of the count and its coefficient (`tranche: 6..10 0.7;`). */
typedef struct cdg_tranche {
    int64_t lo, hi;      /* inclusive; hi == CDG_OPEN for "11.." */
    int64_t coef;        /* ten-thousandths: 0.7 is 7000 */
    cdg_span span;
} cdg_tranche;

/* A price as the file writes it:
 *   FIXE    `450.00 EUR`
 *   MESURE  `1.10 EUR par_mesure [minimum A EUR] [maximum A EUR]`
 *   UNITE   `600.00 EUR par_unite SERVICE [global|marginal] [minimum …] [maximum …]
 *            [< tranche: 1..5 1; tranche: 6.. 0.7; >]`
 *   STRATE  `selon_strate < S1: PRICE; … >`
 * With tranches, `global` (the default) applies the coefficient of the
 * tranche the count falls in to every unit; `marginal` prices each
 * tranche's units at its own coefficient. */
typedef struct cdg_prix {
    cdg_prix_kind kind;
    bool marginal;
    bool has_min, has_max;
    int64_t montant;               /* FIXE: the amount; MESURE, UNITE: per unit */
    int64_t min, max;              /* bounds of the line */
    const struct cdg_service *service;  /* UNITE; STRATE: the first its strata count */
    const cdg_tranche *tranches;   /* UNITE: NULL for a plain per-unit price */
    unsigned ntranches;
    const struct cdg_prix *const *par_strate;  /* STRATE: one per stratum */
    cdg_span span;                 /* the amount as written (or selon_strate) */
} cdg_prix;

typedef enum {
    CDG_ARRONDI_PROCHE,      /* to the nearest cent, half up */
    CDG_ARRONDI_SUPERIEUR    /* up to the cent */
} cdg_arrondi_mode;

/* `arrondi: centime_proche|centime_superieur [par_ligne|sur_total];` */
typedef struct cdg_arrondi {
    cdg_arrondi_mode mode;
    bool sur_total;          /* round the total once, not each line */
    cdg_span span;           /* where it is stated; empty for the default */
} cdg_arrondi;

/* How a forfait got its cell for a service. */
typedef enum {
    CDG_PROV_BASE,      /* inherited from its base forfait */
    CDG_PROV_ENTRY,     /* stated by one of its entries */
    CDG_PROV_DEFAUT,    /* by its `defaut:` entry */
    CDG_PROV_NONE       /* by nothing (an error was reported) */
} cdg_provenance;

typedef struct cdg_forfait {
    const char *id, *libelle;
    const struct cdg_forfait *base;
    /* Its cell for each service, by service index: (i << 2) | p, 1 byte
     * (2 once some i reaches 64, 4 once one reaches 16,384), where i indexes the service's table
     * s->cells and p is a cdg_provenance (the entry itself is found in the
     * syntax tree). Read through cdg_model_cell and cdg_cell_provenance. */
    cdg_refs refs;
    cdg_span span, defaut_span;
    unsigned index;
    /* Its annual price (`prix:`) and its price the first year
     * (`prix_premiere_annee:`, else the same); NULL: not priced. Prices
     * are not inherited through `base:`. */
    const cdg_prix *prix, *prix_premiere;
    cdg_arrondi arrondi;       /* its own rule, else the offer's */
} cdg_forfait;

typedef enum { CDG_TARIF_JOURNALIER, CDG_TARIF_PAR_UNITE, CDG_TARIF_SUR_ETUDE } cdg_tarif;

/* 16 bytes: one per distinct cell of an option (cdg_option_cell_of). */
typedef struct cdg_option_cell {
    cdg_statut statut;         /* INCLUS, NON_INCLUS or EN_OPTION */
    bool texte_explicite;
    const char *texte;
} cdg_option_cell;

typedef struct cdg_option {
    const char *id, *libelle;
    cdg_tarif tarif;
    const cdg_service *service;   /* PAR_UNITE: the counted service */
    bool fusionne;                /* stated once, by `defaut:` alone: the
                                   * tables print one merged cell */
    const cdg_prix *montant;      /* per day or per extra unit (FIXE, or
                                   * STRATE of FIXE); NULL: not given */
    /* Its distinct cells (a stated wording is its own, the others are
     * shared) and, per forfait by forfait index, the index of the forfait's
     * cell among them (1 byte, 2 past 256 distinct cells, 4 past 65,536). Read
     * through cdg_option_cell_of. */
    cdg_option_cell *distinct;
    unsigned ndistinct;
    cdg_refs refs;
    cdg_span span;
    unsigned index;
} cdg_option;

/* The cell of option o in the forfait of index fi. */
static inline const cdg_option_cell *cdg_option_cell_of(const cdg_option *o, unsigned fi)
{
    return &o->distinct[cdg_ref(&o->refs, fi)];
}

/* One expectation of an exemple block (24 bytes; an example's
 * expectations are one array, cdg_exemple.attendus). A stratum
 * expectation (has_strate) keeps its stratum where a service expectation
 * keeps its service; `prix:`/`devis:` set neither (service NULL).
 *
 * Layout: the object, the number, then the entry's span as its begin and
 * a 24-bit length (read it with cdg_attendu_span; an entry of 16 MB or
 * more keeps the first 16,777,215 bytes of its span) beside the flags. */
typedef struct cdg_attendu {
    union {
        const cdg_service *service;   /* !has_strate; NULL for prix/devis */
        const cdg_strate *strate;     /* has_strate */
    };
    union {                       /* one or the other */
        int64_t quantite;         /* has_quantite (service set) */
        int64_t centimes;         /* has_prix, has_devis (service NULL): the expected amount */
    };
    uint32_t begin;               /* the entry's span (cdg_attendu_span) */
    unsigned len : 24;
    unsigned has_strate : 1;
    unsigned has_statut : 1, has_quantite : 1;
    unsigned has_prix : 1, has_devis : 1;  /* `prix: A EUR;` `devis: A EUR;` (service NULL) */
    unsigned statut : 2;          /* a cdg_statut */
} cdg_attendu;
_Static_assert(sizeof(cdg_attendu) == 24, "an expectation is 24 bytes");

/* Where the expectation is written: its entry, from key to ';'. */
static inline cdg_span cdg_attendu_span(const cdg_attendu *at)
{
    return (cdg_span){ at->begin, at->begin + at->len };
}

/* Sets the expectation's span (see cdg_attendu's layout). */
static inline void cdg_attendu_set_span(cdg_attendu *at, cdg_span sp)
{
    uint32_t n = sp.end - sp.begin;
    at->begin = sp.begin;
    at->len = n > 0xFFFFFFu ? 0xFFFFFFu : n;
}

typedef struct cdg_profil {
    const cdg_categorie *categorie;
    int64_t mesure;               /* -1 when the category has no measure */
} cdg_profil;

/* A need stated by an example (`besoin: sauvegarde 20;`): units of a
 * counted service, or days of an option priced per day. */
typedef struct cdg_besoin {
    const cdg_service *service;
    const struct cdg_option *option;
    int64_t n;
    cdg_span span;
    struct cdg_besoin *next;
} cdg_besoin;

typedef struct cdg_exemple {
    const char *libelle;
    cdg_profil profil;
    const cdg_forfait *forfait;
    cdg_attendu *attendus;        /* nattendus of them, in the order written */
    unsigned nattendus;
    bool premiere_annee;          /* `annee: premiere;` */
} cdg_exemple;
/* 48 bytes: where an example is written is not kept; m->exemples[i] is the
 * i-th top-level `exemple` declaration of the syntax tree (its label_span).
 * Its needs, which few examples state, are in the model
 * (cdg_exemple_besoins). */
_Static_assert(sizeof(cdg_exemple) == 48, "an example is 48 bytes");

typedef enum { CDG_CHEVAUCHEMENT_DERNIERE, CDG_CHEVAUCHEMENT_PREMIERE } cdg_chevauchement;

typedef struct cdg_model {
    cdg_source *src;
    const char *id, *libelle, *editeur, *edition;
    cdg_chevauchement chevauchement;
    cdg_arrondi arrondi;          /* the offer's rounding rule */
    int64_t millesime;            /* the year the prices apply to (default: edition; 0 if none) */
    bool has_prix;                /* some forfait or option states an amount */
    /* Titles of the published tables (`titre:`), NULL when not given. */
    const char *titre_forfaits, *titre_strates, *titre_options;
    cdg_categorie *categories; unsigned ncategories;
    cdg_strate *strates;       unsigned nstrates;
    cdg_note *notes;           unsigned nnotes;
    cdg_rubrique *rubriques;   unsigned nrubriques;
    cdg_service *services;     unsigned nservices;
    cdg_forfait *forfaits;     unsigned nforfaits;
    cdg_option *options;       unsigned noptions;
    cdg_exemple *exemples;     unsigned nexemples;
    /* The needs of each example (`besoin:`), by example index; NULL
     * when no example states one. Read through cdg_exemple_besoins. */
    cdg_besoin **exemple_besoins;
} cdg_model;

/* The needs example x of m states (a list), or NULL. */
static inline const cdg_besoin *cdg_exemple_besoins(const cdg_model *m, const cdg_exemple *x)
{
    return m->exemple_besoins ? m->exemple_besoins[x - m->exemples] : NULL;
}

/* The cell of forfait f for service s: an entry of the service's table
 * named by the forfait's reference (NULL before the forfait is resolved). */
static inline const cdg_cell *cdg_model_cell(const cdg_model *m, const cdg_forfait *f,
                                             const cdg_service *s)
{
    (void)m;
    if (!cdg_refs_built(&f->refs))
        return NULL;
    return s->cells[cdg_ref(&f->refs, s->index) >> 2];
}

/* How forfait f got its cell for service s (CDG_PROV_NONE before it is
 * resolved). */
static inline cdg_provenance cdg_cell_provenance(const cdg_forfait *f, const cdg_service *s)
{
    if (!cdg_refs_built(&f->refs))
        return CDG_PROV_NONE;
    return (cdg_provenance)(cdg_ref(&f->refs, s->index) & 3);
}

/* The forfait whose entry or `defaut:` set the cell of f for s: f, or the
 * base it inherits the cell from. */
CDG_API const cdg_forfait *cdg_cell_origine(const cdg_forfait *f, const cdg_service *s);
/* Whether f states s in one of its own entries. */
static inline bool cdg_cell_stated(const cdg_forfait *f, const cdg_service *s)
{
    return cdg_cell_provenance(f, s) == CDG_PROV_ENTRY;
}

/* The quantity a cell gives in stratum k, or -1 when it counts nothing. */
CDG_API int64_t cdg_cell_quantity(const cdg_cell *c, const cdg_strate *k);

/* The stratum of a profile under the file's overlap rule, or NULL. */
CDG_API const cdg_strate *cdg_model_strate_for(const cdg_model *m, const cdg_profil *p);
/* Whether stratum k takes profile p. */
CDG_API bool cdg_strate_matches(const cdg_strate *k, const cdg_profil *p);

/* Lookups by id (exact); NULL when absent. Linear: for the CLI's one-off
 * lookups, not for hot loops. */
CDG_API const cdg_forfait *cdg_model_forfait(const cdg_model *m, const char *id);
CDG_API const cdg_service *cdg_model_service(const cdg_model *m, const char *id);
CDG_API const cdg_strate *cdg_model_strate(const cdg_model *m, const char *id);
CDG_API const cdg_categorie *cdg_model_categorie(const cdg_model *m, const char *id);
CDG_API const cdg_option *cdg_model_option(const cdg_model *m, const char *id);

/* Spellings used in messages, JSON and the language. */
CDG_API const char *cdg_statut_name(cdg_statut s);       /* "inclus", "non_inclus", … */
CDG_API const char *cdg_tarif_name(cdg_tarif t);         /* "journalier", … */
/* The status in words for people, as an English msgid to translate with
 * gettext ("included", "not included", "optional", "not applicable"). */
CDG_API const char *cdg_statut_words(cdg_statut s);
/* The unit of service s for a count of n: the singular for 0 and 1, the
 * plural from 2 (the French rule: units are the offer's French words);
 * "" when s is not counted. */
CDG_API const char *cdg_service_unite_for(const cdg_service *s, int64_t n);
/* The plural of a unit by the default French rule: one word gains an "s"
 * unless it ends in s, x or z; a unit of several words, or one that starts
 * with a capital or has fewer than three letters (a symbol: "Go", "h"), is
 * unchanged. Returns unite itself or a string allocated in a. */
CDG_API const char *cdg_unite_pluriel_defaut(const char *unite, struct cdg_arena *a);

#endif
