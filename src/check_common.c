/* check_common.c — what every pass of the checker shares: reading values,
 * resolving names, dispatching entries to their readers, and the messages
 * that say what was expected. */
#include <string.h>
#include <strings.h>

#include "check_impl.h"

/* The kind of each declaration, as messages name it. */
static const char *const kind_names[K_NAMED] = {"categorie", "strate", "note", "rubrique",
                                                "service", "forfait", "option"};

/* The span of an entry's values, for messages about the value as a whole. */
cdg_span cdg_check_values_span(const cdg_entry *e)
{
    const cdg_value *first = cdg_entry_values(e);
    if (!first)
        return cdg_entry_key_span(e);
    cdg_span s = cdg_value_span(first);
    for (const cdg_value *v = first; v; v = cdg_value_next(v))
        s.end = cdg_value_span(v).end;
    return s;
}

/* Describes a value for a message: 'inclus', "text", 12. */
const char *cdg_check_text(checker *c, const cdg_value *v)
{
    cdg_span sp = cdg_value_span(v);
    size_t n = sp.end - sp.begin;
    if (n > 40)
        n = 40;
    return cdg_arena_printf(c->a, "%.*s", (int)n, c->src->text + sp.begin);
}

/* Whether t is one edit from s, ASCII case aside: a letter changed, added
 * or dropped, but never a digit (S9 is not a slip for S5). */
static bool one_letter_apart(const char *s, const char *t)
{
    size_t n = strlen(s), m = strlen(t);
    if (n < m) {
        const char *x = s; s = t; t = x;
        size_t y = n; n = m; m = y;
    }
    if (n - m > 1)
        return false;
    size_t i = 0;
    while (i < m && ((s[i] | 0x20) == (t[i] | 0x20) || s[i] == t[i]))
        i++;
    if (i == n)
        return true;  /* a change of case only */
    const char *rs = s + i + 1, *rt = n == m ? t + i + 1 : t + i;
    if (s[i] >= '0' && s[i] <= '9')
        return false;
    if (n == m && t[i] >= '0' && t[i] <= '9')
        return false;
    for (; *rs && *rt; rs++, rt++)
        if ((*rs | 0x20) != (*rt | 0x20) && *rs != *rt)
            return false;
    return *rs == *rt;
}

/* Whether suggestion s is a plausible slip for name: any close name for
 * long names, but a short one (S5, n1) only one letter or a case away. */
static bool plausible(const char *name, const char *s)
{
    return strlen(name) > 4 || one_letter_apart(name, s);
}

/* Whether byte b can be part of an identifier. */
static bool is_word_byte(char b)
{
    return b == '_' || (b >= '0' && b <= '9') || ((b | 0x20) >= 'a' && (b | 0x20) <= 'z') ||
           (unsigned char)b >= 0x80;
}

/* Whether name is declared as a k in the text of a file whose syntax is
 * broken: the parser skipped that declaration, and reporting each use of
 * the name would bury the one error that matters. Answers are cached. */
static bool declared_in_damage(checker *c, decl_kind k, const char *name)
{
    static const char yes = 1, no = 0;
    if (c->syntax_ok)
        return false;
    if (!c->damaged_init) {
        cdg_symtab_init(&c->damaged, c->a);
        c->damaged_init = true;
    }
    const char *known = cdg_symtab_get(&c->damaged, name);
    if (known)
        return *known;
    const char *kw = kind_names[k], *text = c->src->text, *end = text + c->src->len;
    size_t nk = strlen(kw), nn = strlen(name);
    bool found = false;
    for (const char *p = text; !found && (p = strstr(p, kw)) != NULL && p < end; p += nk) {
        if (p > text && is_word_byte(p[-1]))
            continue;
        const char *q = p + nk;
        if (*q != ' ' && *q != '\t')
            continue;
        while (*q == ' ' || *q == '\t')
            q++;
        found = strncmp(q, name, nn) == 0 && !is_word_byte(q[nn]);
    }
    cdg_symtab_put(&c->damaged, name, (void *)(found ? &yes : &no));
    return found;
}

/* The slot of key in nc: its own, or the free one where it goes. */
static name_slot *name_slot_of(const name_cache *nc, const char *key)
{
    uint64_t h = (uint64_t)(uintptr_t)key * 0x9e3779b97f4a7c15u;
    size_t i = (size_t)(h ^ (h >> 29)) & (nc->cap - 1);
    while (nc->slots[i].key && nc->slots[i].key != key)
        i = (i + 1) & (nc->cap - 1);
    return &nc->slots[i];
}

/* Doubles nc (half full at most: short probes); room for n names first. */
static void name_cache_grow(checker *c, name_cache *nc, size_t n)
{
    name_cache old = *nc;
    nc->cap = old.cap ? old.cap * 2 : 16;
    while (nc->cap < 2 * n)
        nc->cap *= 2;
    nc->slots = ALLOC(c, nc->cap, name_slot);
    for (size_t i = 0; i < old.cap; i++)
        if (old.slots[i].key)
            *name_slot_of(nc, old.slots[i].key) = old.slots[i];
}

void *cdg_check_named(checker *c, decl_kind k, const char *key)
{
    name_cache *nc = &c->named[k];
    if ((nc->len + 1) * 2 > nc->cap)
        name_cache_grow(c, nc, c->names[k].len);
    name_slot *slot = name_slot_of(nc, key);
    if (!slot->key) {
        *slot = (name_slot){key, cdg_symtab_get(&c->names[k], key)};
        nc->len++;
    }
    return slot->obj;
}

/* Reports an unknown name of the given kind, with a plausible suggestion,
 * or says which other kind the name belongs to; returns the object the
 * suggestion names, so that the caller reads on as if it had been
 * written (and reports no consequence of the slip). Says nothing of a
 * name declared where the syntax is broken (that error is enough). */
void *cdg_check_unknown(checker *c, decl_kind k, const char *name, cdg_span sp)
{
    const char *kind = kind_names[k];
    if (declared_in_damage(c, k, name))
        return NULL;
    const char *s = cdg_symtab_suggest(&c->names[k], name);
    if (s && plausible(name, s)) {
        ERR(c, sp, "unknown %s '%s'; did you mean '%s'?", kind, name, s);
        return cdg_symtab_get(&c->names[k], s);
    }
    for (unsigned i = 0; i < K_NAMED; i++)
        if (i != k && cdg_symtab_get(&c->names[i], name)) {
            ERR(c, sp, "'%s' is a %s, not a %s", name, kind_names[i], kind);
            return NULL;
        }
    ERR(c, sp, "unknown %s '%s'", kind, name);
    return NULL;
}

/* The object v names among kind k, or NULL after an error. */
void *cdg_check_resolve(checker *c, decl_kind k, const cdg_value *v)
{
    if (v->kind != CDG_VAL_IDENT) {
        ERR(c, cdg_value_span(v), "expected a %s name, found '%s'", kind_names[k], cdg_check_text(c, v));
        return NULL;
    }
    void *p = cdg_symtab_get(&c->names[k], v->text);
    if (!p)
        cdg_check_unknown(c, k, v->text, cdg_value_span(v));
    return p;
}

/* Whether v directly follows a '-' or ',' after a digit (`1000-1999`,
 * `12,50`): the scanner reported that slip with its fix. */
bool cdg_check_after_slip(const checker *c, const cdg_value *v)
{
    const char *t = c->src->text;
    uint32_t b = cdg_value_span(v).begin;
    return b >= 2 && (t[b - 1] == '-' || t[b - 1] == ',') && t[b - 2] >= '0' && t[b - 2] <= '9' &&
           t[b] >= '0' && t[b] <= '9';
}

/* The entry's only value, or NULL after reporting what was wrong. */
const cdg_value *cdg_check_single(checker *c, const cdg_entry *e)
{
    const cdg_value *v = cdg_entry_values(e);
    if (!v) {
        ERR(c, cdg_entry_key_span(e), "'%s' needs a value ('%s: …;')", e->key, e->key);
        return NULL;
    }
    const cdg_value *extra = cdg_value_next(v);
    if (extra && cdg_check_after_slip(c, extra))
        return NULL;  /* `1000-1999`, `12,50`: the scanner gave the fix */
    if (extra) {
        ERR(c, cdg_value_span(extra), "unexpected '%s': '%s' takes one value", cdg_check_text(c, extra), e->key);
        return NULL;
    }
    if (cdg_entry_block(e)) {
        ERR(c, cdg_block_open(cdg_entry_block(e)), "'%s' takes no block", e->key);
        return NULL;
    }
    return v;
}

/* The entry's only value, a string, or NULL after an error. */
const char *cdg_check_string(checker *c, const cdg_entry *e)
{
    const cdg_value *v = cdg_check_single(c, e);
    if (!v)
        return NULL;
    if (v->kind != CDG_VAL_STRING) {
        ERR(c, cdg_value_span(v), "'%s' takes a string (\"…\"), found '%s'", e->key, cdg_check_text(c, v));
        return NULL;
    }
    return v->text;
}

/* A non-negative integer value, or -1 after an error naming `what`. */
int64_t cdg_check_int(checker *c, const cdg_value *v, const char *what)
{
    if (v->kind != CDG_VAL_INT) {
        /* xgettext:c-format */
        const char *fmt = N_("%s must be a whole number, found '%s'");
        const char *found = cdg_check_text(c, v);
        cdg_diag_add_text(c->d, CDG_ERROR, c->src, cdg_value_span(v), cdg_arena_printf(c->a, fmt, what, found),
                          cdg_arena_printf(c->a, _(fmt), _(what), found));
        return -1;
    }
    return cdg_value_int(v);
}

/* Reports an entry that has no meaning where it stands. */
void cdg_check_bad_entry(checker *c, const cdg_entry *e, const char *where, const char *allowed)
{
    /* xgettext:c-format */
    const char *fmt = N_("unexpected '%s' in %s (expected %s)");
    cdg_diag_add_text(c->d, CDG_ERROR, c->src, cdg_entry_key_span(e),
                      cdg_arena_printf(c->a, fmt, e->key, where, allowed),
                      cdg_arena_printf(c->a, _(fmt), e->key, _(where), _(allowed)));
}

/* The keyword v and the word after it make when joined by '_' (`non
 * inclus` for non_inclus), or NULL. */
static const char *spaced_keyword(const cdg_value *v)
{
    const cdg_value *next = v->kind == CDG_VAL_IDENT ? cdg_value_next(v) : NULL;
    if (!next)
        return NULL;
    const char *w2 = next->kind == CDG_VAL_KEYWORD ? cdg_keyword_name(next->kw)
                     : next->kind == CDG_VAL_IDENT ? next->text : NULL;
    if (!w2)
        return NULL;
    static const char *const pairs[][3] = {{"non", "inclus", "non_inclus"},
                                           {"en", "option", "en_option"},
                                           {"sans", "objet", "sans_objet"},
                                           {"selon", "strate", "selon_strate"},
                                           {"par", "unite", "par_unite"},
                                           {"sur", "etude", "sur_etude"}};
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++)
        if (strcasecmp(v->text, pairs[i][0]) == 0 && strcasecmp(w2, pairs[i][1]) == 0)
            return pairs[i][2];
    return NULL;
}

/* The status keyword a string or a word spells (`"Non inclus"` or
 * `Non_inclus` for non_inclus, case, blanks and '_' aside), or NULL. */
static const char *quoted_status(const cdg_value *v)
{
    static const char *const statuses[] = {"inclus", "non_inclus", "en_option", "sans_objet"};
    if (v->kind != CDG_VAL_STRING && v->kind != CDG_VAL_IDENT)
        return NULL;
    char word[16];
    size_t n = 0;
    for (const char *p = v->text; *p && n < sizeof word - 1; p++)
        word[n++] = *p == ' ' ? '_' : (char)(*p | 0x20);
    word[n] = 0;
    for (size_t i = 0; i < sizeof statuses / sizeof statuses[0]; i++)
        if (strcmp(word, statuses[i]) == 0)
            return statuses[i];
    return NULL;
}

/* The "keyword, or did you mean …" check of every entry that takes a
 * keyword: a likely slip gets its fix rather than the list of keywords. */
bool cdg_check_slip(checker *c, const cdg_value *v, bool both_words)
{
    const char *quoted = v ? quoted_status(v) : NULL;
    if (quoted && v->kind == CDG_VAL_IDENT) {  /* `Inclus`: capitalised as in a document */
        ERR(c, cdg_value_span(v), "keywords are written in lower case: write %s (or %s \"%s\" to print "
                                  "this wording)", quoted, quoted, v->text);
        return true;
    }
    if (quoted) {
        ERR(c, cdg_value_span(v), "a status is a keyword, not a string: write %s (or %s \"%s\" to print "
                                  "this wording)", quoted, quoted, v->text);
        return true;
    }
    const char *fix = v ? spaced_keyword(v) : NULL;
    if (!fix)
        return false;
    if (both_words && v->text[0] >= 'A' && v->text[0] <= 'Z') {  /* `Non inclus`: a wording? */
        const cdg_value *next = cdg_value_next(v);
        cdg_span sp = {cdg_value_span(v).begin, cdg_value_span(next).end};
        ERR(c, sp, "unexpected '%s %s'; write %s (or %s \"%s %s\" to print this wording)", v->text,
            cdg_check_text(c, next), fix, fix, v->text, cdg_check_text(c, next));
        return true;
    }
    const cdg_value *next = cdg_value_next(v);
    cdg_span sp = cdg_value_span(v);
    if (both_words)
        sp.end = cdg_value_span(next).end;
    ERR(c, sp, "unexpected '%s %s'; did you mean '%s'?", v->text, cdg_check_text(c, next), fix);
    return true;
}

/* The message one or many, as written and in the user's language. */
void cdg_check_missing(checker *c, cdg_span sp, const char *one, const char *many,
                       const char *owner, cdg_buf *miss, unsigned nmiss)
{
    const char *list = cdg_buf_str(miss), *more = "", *lmore = "";
    if (nmiss > 5) {
        /* xgettext:c-format */
        const char *fmt = N_(" and %u more");
        more = cdg_arena_printf(c->a, fmt, nmiss - 5);
        lmore = cdg_arena_printf(c->a, _(fmt), nmiss - 5);
    }
    cdg_diag_add_text(c->d, CDG_ERROR, c->src, sp,
                      cdg_arena_printf(c->a, nmiss > 1 ? many : one, owner,
                                       cdg_arena_printf(c->a, "%s%s", list, more)),
                      cdg_arena_printf(c->a, cdg_ngettext(one, many, nmiss), owner,
                                       cdg_arena_printf(c->a, "%s%s", list, lmore)));
}
