/* symtab.c — hash map and typo suggestions. */
#include "symtab.h"

#include <stdint.h>
#include <string.h>

#include "utf8.h"

void cdg_symtab_init(cdg_symtab *t, cdg_arena *a)
{
    memset(t, 0, sizeof *t);
    t->arena = a;
}

/* A hash of s[0..n), eight bytes at a time (multiply and fold, as in
 * murmur's finaliser): every identifier token and every name lookup of a
 * large file is hashed, and a byte-at-a-time hash cost 9 % of `check`. */
static uint64_t hash_bytes(const char *s, size_t n)
{
    uint64_t h = 0x9e3779b97f4a7c15u ^ n;
    for (; n >= 8; s += 8, n -= 8) {
        uint64_t w;
        memcpy(&w, s, 8);
        h = (h ^ w) * 0xff51afd7ed558ccdu;
        h ^= h >> 32;
    }
    uint64_t w = 0;
    for (size_t k = 0; k < n; k++)  /* not memcpy: a call for a variable length */
        w |= (uint64_t)(unsigned char)s[k] << (8 * k);
    h = (h ^ w) * 0xc4ceb9fe1a85ec53u;
    return h ^ (h >> 29);
}

static uint64_t hash(const char *s) { return hash_bytes(s, strlen(s)); }

static size_t slot_of(const cdg_symtab *t, const char *key)
{
    size_t i = (size_t)hash(key) & (t->cap - 1);
    while (t->keys[i] && t->keys[i] != key && strcmp(t->keys[i], key) != 0)
        i = (i + 1) & (t->cap - 1);
    return i;
}

void *cdg_symtab_get(const cdg_symtab *t, const char *key)
{
    if (!t->cap)
        return NULL;
    size_t i = slot_of(t, key);
    return t->keys[i] ? t->vals[i] : NULL;
}

/* Rehashes t into cap slots. */
static void resize(cdg_symtab *t, size_t cap)
{
    size_t ocap = t->cap;
    const char **okeys = t->keys;
    void **ovals = t->vals;
    t->cap = cap;
    t->keys = cdg_arena_calloc(t->arena, t->cap, sizeof *t->keys);
    t->vals = cdg_arena_calloc(t->arena, t->cap, sizeof *t->vals);
    for (size_t i = 0; i < ocap; i++)
        if (okeys[i]) {
            size_t j = slot_of(t, okeys[i]);
            t->keys[j] = okeys[i];
            t->vals[j] = ovals[i];
        }
}

/* Doubles the table (16 slots at first). */
static void grow(cdg_symtab *t)
{
    resize(t, t->cap ? t->cap * 2 : 16);
}

void cdg_symtab_reserve(cdg_symtab *t, size_t n)
{
    size_t cap = t->cap ? t->cap : 16;
    while ((n + 1) * 2 > cap)
        cap *= 2;
    if (cap > t->cap)
        resize(t, cap);
}

void *cdg_symtab_put(cdg_symtab *t, const char *key, void *val)
{
    if ((t->len + 1) * 2 > t->cap)
        grow(t);
    size_t i = slot_of(t, key);
    if (t->keys[i])
        return t->vals[i];
    t->keys[i] = key;
    t->vals[i] = val;
    t->len++;
    return NULL;
}

/* 16 bytes: a file of millions of names has a slot and a half per name. */
struct cdg_intern_slot {
    const char *text;   /* NULL: free */
    uint32_t hash;      /* intern_hash: the probe start and a quick compare */
    unsigned len : 24;  /* longer strings are never interned */
    unsigned tag : 8;   /* see cdg_intern_tagged */
};

#define INTERN_MAX_LEN 0xFFFFFFu

/* A string of at most 16 bytes as two words that cover every byte of it
 * (overlapping when shorter), reading none past its end: with its length,
 * it tells two such strings apart and hashes them without a loop. Most
 * names are that short, and each identifier token is interned: a
 * byte-by-byte hash and a memcmp call were 45 of the 130 instructions of
 * an interning. */
typedef struct short_key {
    uint64_t a, b;
} short_key;

static inline short_key key_of(const char *s, size_t n)
{
    short_key k = { 0, 0 };
    if (n >= 8) {
        memcpy(&k.a, s, 8);
        memcpy(&k.b, s + n - 8, 8);
    } else if (n >= 4) {
        uint32_t x, y;
        memcpy(&x, s, 4);
        memcpy(&y, s + n - 4, 4);
        k.a = x;
        k.b = y;
    } else if (n > 0) {
        k.a = (uint64_t)(unsigned char)s[0] | (uint64_t)(unsigned char)s[n / 2] << 8 |
              (uint64_t)(unsigned char)s[n - 1] << 16;
    }
    return k;
}

/* The hash of an interned string s[0..n). */
static inline uint32_t intern_hash(const char *s, size_t n)
{
    if (n > 16)
        return (uint32_t)hash_bytes(s, n);
    short_key k = key_of(s, n);
    uint64_t h = (k.a ^ n) * 0xff51afd7ed558ccdu ^ k.b * 0xc4ceb9fe1a85ec53u;
    h ^= h >> 32;
    h *= 0x9e3779b97f4a7c15u;
    return (uint32_t)(h >> 32);
}

/* Whether the interned text t (n bytes) is s[0..n). */
static inline bool intern_same(const char *t, const char *s, size_t n)
{
    if (n > 16)
        return memcmp(t, s, n) == 0;
    short_key x = key_of(t, n), y = key_of(s, n);
    return x.a == y.a && x.b == y.b;
}

void cdg_intern_init(cdg_intern *t, cdg_arena *a)
{
    memset(t, 0, sizeof *t);
    t->arena = a;
}

/* Doubles the table (half full at most: short probe runs). */
static void intern_grow(cdg_intern *t)
{
    size_t ocap = t->cap;
    struct cdg_intern_slot *old = t->slots;
    t->cap = ocap ? ocap * 2 : 256;
    t->slots = cdg_arena_calloc(t->arena, t->cap, sizeof *t->slots);
    for (size_t i = 0; i < ocap; i++)
        if (old[i].text) {
            size_t j = (size_t)old[i].hash & (t->cap - 1);
            while (t->slots[j].text)
                j = (j + 1) & (t->cap - 1);
            t->slots[j] = old[i];
        }
}

const char *cdg_intern_tagged(cdg_intern *t, const char *s, size_t n, cdg_intern_tagger tag_of,
                              unsigned *tag)
{
    if ((t->len + 1) * 2 > t->cap)
        intern_grow(t);
    if (n > INTERN_MAX_LEN) {  /* never interned: no name is 16 MB long */
        *tag = tag_of ? tag_of(s, n) & 0xFF : 0;
        return cdg_arena_strndup(t->arena, s, n);
    }
    uint32_t h = intern_hash(s, n);
    size_t i = (size_t)h & (t->cap - 1);
    for (; t->slots[i].text; i = (i + 1) & (t->cap - 1))
        if (t->slots[i].hash == h && t->slots[i].len == n && intern_same(t->slots[i].text, s, n)) {
            *tag = t->slots[i].tag;
            return t->slots[i].text;
        }
    char *p = cdg_arena_strndup(t->arena, s, n);
    *tag = tag_of ? tag_of(s, n) & 0xFF : 0;
    t->slots[i] = (struct cdg_intern_slot){p, h, (unsigned)n, *tag};
    t->len++;
    return p;
}

const char *cdg_intern_get(cdg_intern *t, const char *s, size_t n)
{
    unsigned tag;
    return cdg_intern_tagged(t, s, n, NULL, &tag);
}

/* Levenshtein distance between two short folded names, capped at 64 bytes. */
static size_t distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 64 || lb > 64)
        return SIZE_MAX;
    size_t row[65];
    for (size_t j = 0; j <= lb; j++)
        row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t up = row[j];
            size_t best = diag + (a[i - 1] != b[j - 1]);
            if (row[j] + 1 < best)
                best = row[j] + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diag = up;
        }
    }
    return row[lb];
}

/* Scores one candidate; keeps the best in *best. */
static void consider(const char *fkey, const char *name, const char **best, size_t *bestd)
{
    char fname[128];
    cdg_utf8_fold(name, fname, sizeof fname);
    size_t d = distance(fkey, fname);
    size_t len = strlen(fkey) > strlen(fname) ? strlen(fkey) : strlen(fname);
    size_t limit = len < 4 ? 1 : len / 3;
    if (d <= limit && d < *bestd) {
        *best = name;
        *bestd = d;
    }
}

const char *cdg_symtab_suggest(const cdg_symtab *t, const char *key)
{
    char fkey[128];
    cdg_utf8_fold(key, fkey, sizeof fkey);
    const char *best = NULL;
    size_t bestd = SIZE_MAX;
    for (size_t i = 0; i < t->cap; i++)
        if (t->keys[i])
            consider(fkey, t->keys[i], &best, &bestd);
    return best;
}

const char *cdg_suggest(const char *key, const char *const *names, size_t n)
{
    char fkey[128];
    cdg_utf8_fold(key, fkey, sizeof fkey);
    const char *best = NULL;
    size_t bestd = SIZE_MAX;
    for (size_t i = 0; i < n; i++)
        consider(fkey, names[i], &best, &bestd);
    return best;
}

bool cdg_id_has_word(const char *id, const char *w)
{
    size_t n = strlen(w);
    for (const char *p = id; (p = strstr(p, w)) != NULL; p++)
        if ((p == id || p[-1] == '_') && (p[n] == 0 || p[n] == '_'))
            return true;
    return false;
}
