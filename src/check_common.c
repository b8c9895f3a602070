/* check_common.c — what every pass of the checker shares: reading values,
 * resolving names, dispatching entries to their readers, and the messages
 * that say what was expected. */
#include <string.h>

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

/* Suggests a name of the expected kind, or says which other kind the
 * name belongs to. */
void cdg_check_unknown(checker *c, decl_kind k, const char *name, cdg_span sp)
{
    const char *kind = kind_names[k];
    const char *s = cdg_symtab_suggest(&c->names[k], name);
    if (s) {
        ERR(c, sp, "unknown %s '%s'; did you mean '%s'?", kind, name, s);
        return;
    }
    for (unsigned i = 0; i < K_NAMED; i++)
        if (i != k && cdg_symtab_get(&c->names[i], name)) {
            ERR(c, sp, "'%s' is a %s, not a %s", name, kind_names[i], kind);
            return;
        }
    ERR(c, sp, "unknown %s '%s'", kind, name);
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

/* The entry's only value, or NULL after reporting what was wrong. */
const cdg_value *cdg_check_single(checker *c, const cdg_entry *e)
{
    const cdg_value *v = cdg_entry_values(e);
    if (!v) {
        ERR(c, cdg_entry_key_span(e), "'%s' needs a value ('%s: …;')", e->key, e->key);
        return NULL;
    }
    const cdg_value *extra = cdg_value_next(v);
    if (extra) {
        ERR(c, cdg_value_span(extra), "unexpected '%s': '%s' takes one value", cdg_check_text(c, extra), e->key);
        return NULL;
    }
    if (cdg_entry_block(e)) {
        ERR(c, cdg_entry_block(e)->open, "'%s' takes no block", e->key);
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
    return v->i;
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
        if (strcmp(v->text, pairs[i][0]) == 0 && strcmp(w2, pairs[i][1]) == 0)
            return pairs[i][2];
    return NULL;
}

/* The "keyword, or did you mean …" check of every entry that takes a
 * keyword: a likely slip gets its fix rather than the list of keywords. */
bool cdg_check_slip(checker *c, const cdg_value *v, bool both_words)
{
    const char *fix = v ? spaced_keyword(v) : NULL;
    if (!fix)
        return false;
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
