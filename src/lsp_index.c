/* lsp_index.c — the names of a syntax tree, as an editor sees them: each
 * declaration and each reference with the kind of thing it names (the
 * place of a name says its kind: a key of a forfait is a service, a key of
 * an option a forfait, `base:` a forfait, …), and where the cursor is for
 * completion. Everything is recomputed from the tree on each request: no
 * second copy of the names to keep in step with the text. */
#include <string.h>

#include "lsp.h"

static const char *const kind_names[LSP_K_COUNT] = {
    "categorie", "strate", "note", "rubrique", "service", "forfait", "option",
};

const char *lsp_kind_name(lsp_kind k)
{
    return k >= 0 && k < LSP_K_COUNT ? kind_names[k] : "";
}

/* The kind a declaration keyword declares, or LSP_K_NONE. */
static lsp_kind decl_kind(cdg_keyword kw)
{
    switch (kw) {
    case CDG_KW_CATEGORIE: return LSP_K_CATEGORIE;
    case CDG_KW_STRATE: return LSP_K_STRATE;
    case CDG_KW_NOTE: return LSP_K_NOTE;
    case CDG_KW_RUBRIQUE: return LSP_K_RUBRIQUE;
    case CDG_KW_SERVICE: return LSP_K_SERVICE;
    case CDG_KW_FORFAIT: return LSP_K_FORFAIT;
    case CDG_KW_OPTION: return LSP_K_OPTION;
    default: return LSP_K_NONE;
    }
}

typedef struct walker {
    lsp_occ_fn *fn;
    void *ctx;
} walker;

static void emit(walker *w, lsp_kind k, const char *name, cdg_span span, const cdg_decl *decl)
{
    if (k == LSP_K_NONE || !name)
        return;
    lsp_occ o = {.kind = k, .name = name, .span = span, .is_decl = decl != NULL, .decl = decl};
    w->fn(&o, w->ctx);
}

/* The identifier keys of a nested block name things of kind k. */
static void block_keys(walker *w, const cdg_block *b, lsp_kind k)
{
    for (const cdg_entry *e = b ? cdg_block_entries(b) : NULL; e; e = cdg_entry_next(e))
        if (e->key && e->key_kw == CDG_KW_NONE)
            emit(w, k, e->key, cdg_entry_key_span(e), NULL);
}

/* Whether one of the entry's values is the keyword kw. */
static bool has_keyword(const cdg_entry *e, cdg_keyword kw)
{
    for (const cdg_value *v = cdg_entry_values(e); v; v = cdg_value_next(v))
        if (v->kind == CDG_VAL_KEYWORD && v->kw == kw)
            return true;
    return false;
}

/* The identifier values of an entry name things of kind k (only the
 * first when first_only). */
static void ident_values(walker *w, const cdg_entry *e, lsp_kind k, bool first_only)
{
    for (const cdg_value *v = cdg_entry_values(e); v; v = cdg_value_next(v))
        if (v->kind == CDG_VAL_IDENT) {
            emit(w, k, v->text, cdg_value_span(v), NULL);
            if (first_only)
                return;
        }
}

/* The `attendu < strate: S4; service: …; >` block of an example. */
static void attendu_block(walker *w, const cdg_block *b)
{
    for (const cdg_entry *e = b ? cdg_block_entries(b) : NULL; e; e = cdg_entry_next(e)) {
        if (!e->key)
            continue;
        if (e->key_kw == CDG_KW_STRATE)
            ident_values(w, e, LSP_K_STRATE, true);
        else if (e->key_kw == CDG_KW_NONE)
            emit(w, LSP_K_SERVICE, e->key, cdg_entry_key_span(e), NULL);
    }
}

/* One `key: values [block];` entry inside a declaration of keyword in. */
static void walk_entry(walker *w, cdg_keyword in, const cdg_entry *e)
{
    const cdg_block *b = cdg_entry_block(e);
    bool ident_key = e->key_kw == CDG_KW_NONE;
    if (e->key_kw == CDG_KW_SELON_STRATE || has_keyword(e, CDG_KW_SELON_STRATE))
        block_keys(w, b, LSP_K_STRATE);
    switch (in) {
    case CDG_KW_STRATE:
        if (ident_key)
            emit(w, LSP_K_CATEGORIE, e->key, cdg_entry_key_span(e), NULL);
        break;
    case CDG_KW_SERVICE:
        if (e->key_kw == CDG_KW_NOTE)
            ident_values(w, e, LSP_K_NOTE, true);
        break;
    case CDG_KW_FORFAIT:
        if (ident_key) {
            emit(w, LSP_K_SERVICE, e->key, cdg_entry_key_span(e), NULL);
            if (!has_keyword(e, CDG_KW_SELON_STRATE))
                block_keys(w, b, LSP_K_SERVICE);  /* attached quantities */
        } else if (e->key_kw == CDG_KW_BASE)
            ident_values(w, e, LSP_K_FORFAIT, true);
        break;
    case CDG_KW_OPTION:
        if (ident_key)
            emit(w, LSP_K_FORFAIT, e->key, cdg_entry_key_span(e), NULL);
        else if (e->key_kw == CDG_KW_TARIF)
            ident_values(w, e, LSP_K_SERVICE, true);
        break;
    case CDG_KW_EXEMPLE:
        if (e->key_kw == CDG_KW_PROFIL)
            ident_values(w, e, LSP_K_CATEGORIE, true);
        else if (e->key_kw == CDG_KW_FORFAIT)
            ident_values(w, e, LSP_K_FORFAIT, true);
        else if (e->key_kw == CDG_KW_ATTENDU)
            attendu_block(w, b);
        break;
    default:
        break;
    }
}

/* A declaration, its entries and its nested declarations. */
static void walk_decl(walker *w, const cdg_decl *d)
{
    if (d->id)
        emit(w, decl_kind(d->kw), d->id, cdg_decl_id_span(d), d);
    for (const cdg_entry *e = d->block ? cdg_block_entries(d->block) : NULL; e; e = cdg_entry_next(e)) {
        const cdg_decl *inner = cdg_entry_decl(e);
        if (inner)
            walk_decl(w, inner);
        else
            walk_entry(w, d->kw, e);
    }
}

void lsp_index_walk(const cdg_ast *ast, lsp_occ_fn *fn, void *ctx)
{
    walker w = {fn, ctx};
    for (const cdg_decl *d = ast ? ast->decls : NULL; d; d = cdg_decl_next(d))
        walk_decl(&w, d);
}

typedef struct at_search {
    size_t offset;
    bool found;
    lsp_occ occ;
} at_search;

static void at_visit(const lsp_occ *o, void *ctx)
{
    at_search *s = ctx;
    if (!s->found && o->span.begin <= s->offset && s->offset <= o->span.end) {
        s->occ = *o;
        s->found = true;
    }
}

bool lsp_index_at(const cdg_ast *ast, size_t offset, lsp_occ *out)
{
    at_search s = {.offset = offset};
    lsp_index_walk(ast, at_visit, &s);
    if (s.found)
        *out = s.occ;
    return s.found;
}

typedef struct decl_search {
    lsp_kind kind;
    const char *name;
    bool found;
    lsp_occ occ;
} decl_search;

static void decl_visit(const lsp_occ *o, void *ctx)
{
    decl_search *s = ctx;
    if (!s->found && o->is_decl && (s->kind == LSP_K_NONE || o->kind == s->kind) &&
        strcmp(o->name, s->name) == 0) {
        s->occ = *o;
        s->found = true;
    }
}

bool lsp_index_decl(const cdg_ast *ast, lsp_kind k, const char *name, lsp_occ *out)
{
    decl_search s = {.kind = k, .name = name};
    lsp_index_walk(ast, decl_visit, &s);
    if (!s.found && k != LSP_K_NONE) {
        s.kind = LSP_K_NONE;  /* an example's expectation may name an option */
        lsp_index_walk(ast, decl_visit, &s);
    }
    if (s.found)
        *out = s.occ;
    return s.found;
}

/* ---- where the cursor is ------------------------------------------------ */

enum { MAX_BLOCKS = 64 };

static bool word_byte(unsigned char c)
{
    return c == '_' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           c >= 0x80;
}

static bool is_decl_word(const char *w)
{
    static const char *const words[] = {"offre", "categorie", "strate", "note", "rubrique",
                                        "service", "forfait", "option", "exemple"};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (strcmp(w, words[i]) == 0)
            return true;
    return false;
}

/* Copies the word [p, p + n) into a buffer of cap bytes (cut to fit). */
static void copy_word(char *dst, size_t cap, const char *p, size_t n)
{
    if (n >= cap)
        n = cap - 1;
    memcpy(dst, p, n);
    dst[n] = '\0';
}

void lsp_index_place(const char *text, size_t offset, lsp_place *out)
{
    char stack[MAX_BLOCKS][32];
    int depth = 0;
    char first[64] = "";
    bool colon = false, selon = false;
    for (size_t i = 0; i < offset;) {
        unsigned char c = (unsigned char)text[i];
        if (c == '#') {
            while (i < offset && text[i] != '\n')
                i++;
        } else if (c == '"') {
            for (i++; i < offset && text[i] != '"' && text[i] != '\n'; i++)
                if (text[i] == '\\' && i + 1 < offset)
                    i++;
            i++;
        } else if (word_byte(c)) {
            size_t b = i;
            while (i < offset && word_byte((unsigned char)text[i]))
                i++;
            if (!first[0])
                copy_word(first, sizeof first, text + b, i - b);
            if (i - b == 12 && memcmp(text + b, "selon_strate", 12) == 0)
                selon = true;
        } else {
            if (c == '<') {
                if (depth < MAX_BLOCKS) {
                    const char *name = selon ? "selon_strate"
                                     : is_decl_word(first) || strcmp(first, "attendu") == 0 ? first
                                     : colon ? "cell" : first;
                    copy_word(stack[depth], sizeof stack[depth], name, strlen(name));
                }
                depth++;
            } else if (c == '>' && depth > 0)
                depth--;
            else if (c == ':')
                colon = true;
            if (c == '<' || c == '>' || c == ';') {
                first[0] = '\0';
                colon = selon = false;
            }
            i++;
        }
    }
    memset(out, 0, sizeof *out);
    out->depth = depth;
    if (depth > 0 && depth <= MAX_BLOCKS)
        copy_word(out->block, sizeof out->block, stack[depth - 1], strlen(stack[depth - 1]));
    out->after_colon = colon;
    if (colon)
        copy_word(out->key, sizeof out->key, first, strlen(first));
}
