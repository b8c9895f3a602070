/* check_impl.h — the checker's shared state and helpers (private to the
 * check_*.c files; the API is check.h).
 *
 * check.c        runs the passes in order
 * check_collect.c   pass 1: declarations and their names
 * check_entries.c   pass 2: offre, categorie, strate, note, service entries
 * check_resolve.c   pass 2: forfaits (base:, defaut:, cells)
 * check_option.c    pass 2: options
 * check_exemple.c   pass 2: examples
 * check_lint.c      pass 3: gaps, overlaps, identical forfaits, unused
 * check_wording.c   the wordings the checker writes into the offer
 * check_common.c    values, names, messages shared by the passes */
#ifndef CDG_CHECK_IMPL_H
#define CDG_CHECK_IMPL_H

#include <stdbool.h>
#include <stdint.h>

#include "check.h"
#include "nls.h"
#include "symtab.h"

#define ERR(c, sp, ...) cdg_diag_add((c)->d, CDG_ERROR, (c)->src, (sp), __VA_ARGS__)
#define WARN(c, sp, ...) cdg_diag_add((c)->d, CDG_WARNING, (c)->src, (sp), __VA_ARGS__)
#define NOTE(c, g, sp, ...) cdg_diag_note((c)->d, (g), (c)->src, (sp), __VA_ARGS__)

/* n zeroed objects of type T (at least one, so that pointers are valid). */
#define ALLOC(c, n, T) ((T *)cdg_arena_calloc((c)->a, (n) ? (n) : 1, sizeof(T)))

/* The kinds of declarations, in the order a name is looked for when it is
 * not of the expected kind. Every kind but exemple has names. */
typedef enum decl_kind {
    K_CATEGORIE, K_STRATE, K_NOTE, K_RUBRIQUE, K_SERVICE, K_FORFAIT, K_OPTION,
    K_NAMED,                 /* the kinds above have a symbol table */
    K_EXEMPLE = K_NAMED,
    K_COUNT
} decl_kind;

/* An interned cell and the service it was read for (check_resolve.c). */
typedef struct pooled_cell {
    cdg_cell cell;
    const cdg_service *service;
    unsigned index;                /* in service->cells */
} pooled_cell;

/* A slot of the interned-cell table: the cell's hash is compared before
 * the cell is read (one cache miss per lookup, not two). */
typedef struct cell_slot {
    pooled_cell *p;
    uint64_t hash;
} cell_slot;

/* The selon_strate table being read (cdg_check_strate_table), one per
 * checker and nstrates long: its quantities, which strata it gives, where
 * each stratum and each quantity is. A table per cell of a large offer
 * cost four arrays; only the quantities are kept, shared when equal. */
typedef struct strate_scratch {
    int64_t *q;
    bool *have;
    cdg_span *seen, *spans;
} strate_scratch;

/* A slot of a name cache (cdg_check_named). */
typedef struct name_slot {
    const char *key;
    void *obj;
} name_slot;

/* One kind's names, keyed by the name's address (open addressing). */
typedef struct name_cache {
    name_slot *slots;
    size_t cap, len;
} name_cache;

typedef struct checker {
    cdg_arena *a;
    cdg_source *src;
    cdg_diags *d;
    bool syntax_ok;
    cdg_model *m;
    const cdg_decl *offre;
    cdg_symtab names[K_NAMED];     /* name -> model object, per kind */
    const cdg_decl **decls[K_COUNT]; /* declaration of each model object, per kind */
    bool *note_used;
    unsigned char *forfait_state;  /* 0 new, 1 resolving, 2 done */
    name_cache named[K_NAMED];     /* cdg_check_named */
    cell_slot *cell_pool;          /* interned cells (intern_cell), open addressing */
    size_t cell_pool_cap, cell_pool_len;
    unsigned *cells_cap;           /* room in each service's table of cells */
    unsigned most_cells;           /* the largest such table so far */
    unsigned *def_cells;           /* per service and status: the `defaut:` cell's index, 0 before */
    strate_scratch table;          /* cdg_check_strate_table */
    const int64_t **table_pool;    /* forfaits' own tables, shared when equal */
    size_t table_pool_cap, table_pool_len;
    unsigned base_depth;           /* current length of a base: chain */
    cdg_symtab damaged;            /* names found declared in a broken file's text */
    bool damaged_init;
} checker;

/* ---- entry dispatch ---------------------------------------------------------- */

/* Reads entry e of a declaration into item (the declaration's state). */
typedef void entry_fn(checker *c, void *item, const cdg_entry *e);

/* One entry key a declaration takes, and its reader. CDG_KW_NONE stands
 * for an entry keyed by a name (a service in a forfait, a strate in a
 * table…). */
typedef struct entry_key {
    cdg_keyword key;
    entry_fn *read;
} entry_key;

/* What a block takes: its keys (up to the first NULL reader; a table
 * longer than keys[] does not compile), and the words of the message for
 * any other key (N_ strings), or a reader of its own for any other key. */
typedef struct entry_syntax {
    const char *where, *allowed;
    entry_fn *other;
    entry_key keys[12];
} entry_syntax;


/* ---- values, names and messages (check_common.c) -------------------------------- */

/* The span of an entry's values, for messages about the value as a whole. */
cdg_span cdg_check_values_span(const cdg_entry *e);
/* A value as written (40 bytes at most), for a message. */
const char *cdg_check_text(checker *c, const cdg_value *v);
/* Whether v directly follows a '-' or ',' after a digit (reported by the
 * scanner with its fix: `1000-1999`, `12,50`). */
bool cdg_check_after_slip(const checker *c, const cdg_value *v);
/* The entry's only value, or NULL after reporting what was wrong. */
const cdg_value *cdg_check_single(checker *c, const cdg_entry *e);
/* The entry's only value, a string, or NULL after an error. */
const char *cdg_check_string(checker *c, const cdg_entry *e);
/* A non-negative integer value, or -1 after an error. */
int64_t cdg_check_int(checker *c, const cdg_value *v, const char *what);
/* Reports an unknown name of the given kind, with a plausible suggestion;
 * returns the object suggested (read on as if it were written), or NULL. */
void *cdg_check_unknown(checker *c, decl_kind k, const char *name, cdg_span sp);
/* The object named key among kind k, or NULL: what the symbol table
 * says, remembered by the name's address (the scanner interns names, and
 * a large file names each service once per forfait and each stratum once
 * per table: no string is hashed or compared again). */
void *cdg_check_named(checker *c, decl_kind k, const char *key);
/* The object v names among kind k, or NULL after an error. */
void *cdg_check_resolve(checker *c, decl_kind k, const cdg_value *v);
/* Reports an entry that has no meaning where it stands. */
void cdg_check_bad_entry(checker *c, const cdg_entry *e, const char *where, const char *allowed);
/* Reports a keyword written as two words ('non inclus' for non_inclus)
 * with its fix, over both words or over the first; whether it did. */
bool cdg_check_slip(checker *c, const cdg_value *v, bool both_words);
/* Reports the nmiss names (the first five in miss) missing from owner,
 * with the message one or many. Named for xgettext (keyword err_missing). */
void cdg_check_missing(checker *c, cdg_span sp, const char *one, const char *many,
                       const char *owner, cdg_buf *miss, unsigned nmiss);
#define err_missing(c, sp, one, many, owner, miss, nmiss) \
    cdg_check_missing((c), (sp), (one), (many), (owner), (miss), (nmiss))

/* Whether obj is the declaration its name resolves to (a duplicate is
 * reported once, and then left out of the whole-offer checks). */
static inline bool is_first(const checker *c, decl_kind k, const char *id, const void *obj)
{
    return cdg_symtab_get(&c->names[k], id) == obj;
}

static inline bool is_status_kw(cdg_keyword k)
{
    return k == CDG_KW_INCLUS || k == CDG_KW_NON_INCLUS || k == CDG_KW_EN_OPTION ||
           k == CDG_KW_SANS_OBJET;
}

static inline cdg_statut status_of(cdg_keyword k)
{
    switch (k) {
    case CDG_KW_NON_INCLUS: return CDG_NON_INCLUS;
    case CDG_KW_EN_OPTION: return CDG_EN_OPTION;
    case CDG_KW_SANS_OBJET: return CDG_SANS_OBJET;
    default: return CDG_INCLUS;
    }
}

/* Hands each entry of b (nested declarations aside) to the reader of its
 * key, or reports it: a table per declaration, so that a new key is one
 * reader and one line. Inline, so that a constant table becomes direct
 * calls (the cells of a forfait are most of a large file's entries). */
static inline void cdg_check_entries(checker *c, const cdg_block *b, const entry_syntax *syn, void *item)
{
    for (const cdg_entry *e = b ? cdg_block_entries(b) : NULL; e; e = cdg_entry_next(e)) {
        if (cdg_entry_decl(e))
            continue;
        const entry_key *k = syn->keys, *end = k + sizeof syn->keys / sizeof syn->keys[0];
        while (k < end && k->read && k->key != e->key_kw)
            k++;
        if (k < end && k->read)
            k->read(c, item, e);
        else if (syn->other)
            syn->other(c, item, e);
        else
            cdg_check_bad_entry(c, e, syn->where, syn->allowed);
    }
}

/* ---- the passes ------------------------------------------------------------------- */

void cdg_check_collect(checker *c, const cdg_ast *ast);   /* check_collect.c */
void cdg_check_offre(checker *c);                         /* check_entries.c */
void cdg_check_categories(checker *c);
void cdg_check_strates(checker *c);
void cdg_check_notes(checker *c);
void cdg_check_services(checker *c);
void cdg_check_forfaits(checker *c);                      /* check_resolve.c */
void cdg_check_options(checker *c);                       /* check_option.c */
void cdg_check_exemples(checker *c, const cdg_ast *ast);   /* check_exemple.c */
void cdg_check_lint(checker *c);                          /* check_lint.c */

/* Reads `selon_strate < S1: n; … >` into c->table: a quantity for every
 * stratum (0 where missing, after an error) and each one's location in
 * c->table.spans; returns c->table.q, valid until the next table. */
const int64_t *cdg_check_strate_table(checker *c, const cdg_block *b, const char *owner);
/* Warns where a per-stratum quantity of the table just read decreases as
 * the strata grow. */
void cdg_check_decreasing(checker *c, const char *owner);
/* A copy of the quantities q of a table in the arena. */
int64_t *cdg_check_table_copy(checker *c, const int64_t *q);

/* ---- prices (check_prix.c) ------------------------------------------------------------ */

/* Reads the price of entry e (`prix:`, `prix_premiere_annee:`; an
 * option's `montant:` when option), owned by owner ("forfait 'Metiers'");
 * NULL after an error. */
const cdg_prix *cdg_check_prix(checker *c, const cdg_entry *e, const char *owner, bool option);
/* Reads `arrondi: …;` into *out; false after an error. */
bool cdg_check_arrondi(checker *c, const cdg_entry *e, cdg_arrondi *out);
/* Warns where a larger authority pays less (pass 3). */
void cdg_check_prix_lint(checker *c);

/* ---- published wordings (check_wording.c) ------------------------------------------ */

/* The wording of a forfait's cell for service s, when the file gives none. */
const char *cdg_check_cell_wording(checker *c, const cdg_service *s, const cdg_cell *cell);
/* The wording of an option's cell; *per_unit keeps the option's
 * "Coût par …" so that it is made once, not once per forfait. */
const char *cdg_check_option_wording(checker *c, const cdg_option *o, cdg_statut st,
                                     const char *texte, const char **per_unit);

#endif
