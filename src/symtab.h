/* symtab.h — a name -> pointer map (open addressing, arena-allocated) and
 * the "did you mean" suggestion over its names. */
#ifndef CDG_SYMTAB_H
#define CDG_SYMTAB_H

#include <stdbool.h>
#include <stddef.h>

#include "alloc.h"

typedef struct cdg_symtab {
    cdg_arena *arena;
    const char **keys;
    void **vals;
    size_t cap, len;
} cdg_symtab;

void cdg_symtab_init(cdg_symtab *t, cdg_arena *a);
/* The value for key, or NULL. */
void *cdg_symtab_get(const cdg_symtab *t, const char *key);
/* Makes room for n names at once: the tables a doubling leaves behind
 * were 1.4 MB for 20,000 services. */
void cdg_symtab_reserve(cdg_symtab *t, size_t n);
/* Adds key -> val unless key is present; returns the existing value (the
 * first definition) or NULL when added. */
void *cdg_symtab_put(cdg_symtab *t, const char *key, void *val);
/* Interned strings: one shared copy of each distinct string, so that a
 * file repeating a few thousand names millions of times keeps each once and
 * compares them by pointer. */
typedef struct cdg_intern {
    cdg_arena *arena;
    struct cdg_intern_slot *slots;
    size_t cap, len;
} cdg_intern;

void cdg_intern_init(cdg_intern *t, cdg_arena *a);
/* The shared NUL-terminated copy of s[0..n), made on first sight. */
const char *cdg_intern_get(cdg_intern *t, const char *s, size_t n);
/* A tag (0..255) kept with each string: tag_of(s, n), called once, when s
 * is first seen (the scanner tags keywords, so that knowing whether a name
 * is one costs nothing more than interning it). A table is used with one
 * tag_of throughout; cdg_intern_get tags 0. */
typedef unsigned (*cdg_intern_tagger)(const char *s, size_t n);
const char *cdg_intern_tagged(cdg_intern *t, const char *s, size_t n, cdg_intern_tagger tag_of,
                              unsigned *tag);

/* The closest name to key (edit distance, case- and accent-blind), or NULL
 * when nothing is close enough to be a likely typo. */
const char *cdg_symtab_suggest(const cdg_symtab *t, const char *key);
/* The same over an explicit list of n names. */
const char *cdg_suggest(const char *key, const char *const *names, size_t n);
/* Whether id, cut at '_', has the word (or words) w: parapheur_certificat
 * has parapheur and certificat (an option named after a service). */
bool cdg_id_has_word(const char *id, const char *w);

#endif
