/* lsp_features.c — the requests of the language server: hover, go to
 * definition, references, rename, document symbols, completion,
 * formatting and code actions. Each reads the document's current syntax
 * tree (names, places) and, for hover, the last model without errors. */
#include <stdlib.h>
#include <string.h>

#include "lsp.h"

/* Answers null (nothing at this place). */
static void reply_null(lsp_server *s, const json_t *id)
{
    lsp_reply r;
    if (lsp_reply_begin(&r, id)) {
        cdg_json_null(&r.j);
        lsp_reply_send(s, &r);
    }
}

/* The document of the request, or NULL after answering the error. */
static lsp_doc *request_doc(lsp_server *s, const json_t *id, const json_t *params)
{
    lsp_doc *d = lsp_find_doc(s, params);
    if (!d)
        lsp_reply_error(s, id, LSP_INVALID_PARAMS, "unknown document (not opened)");
    return d;
}

/* Writes a TextEdit replacing [b, e) of d by text. */
static void json_edit(cdg_json *j, const lsp_doc *d, size_t b, size_t e, const char *text)
{
    cdg_json_begin_object(j, CDG_JSON_INLINE);
    cdg_json_key(j, "range");
    lsp_json_range(j, d, b, e);
    cdg_json_key_str(j, "newText", text);
    cdg_json_end(j);
}

/* ---- hover --------------------------------------------------------------- */

/* A cell's wording, or its status in words when it has none (sans_objet). */
static const char *cell_words(cdg_statut st, const char *texte)
{
    return texte && *texte ? texte : _(cdg_statut_words(st));
}

static void hover_service(FILE *o, const cdg_model *m, const cdg_service *sv)
{
    fprintf(o, _("**service** `%s`: %s\n\n"), sv->id, sv->libelle);
    if (sv->unite)
        fprintf(o, _("unit: %s\n\n"), sv->unite);
    if (sv->par_strate) {
        fputs(_("quantity per stratum:"), o);
        for (unsigned k = 0; k < m->nstrates; k++)
            fprintf(o, "%s %s %lld", k ? "," : "", m->strates[k].id, (long long)sv->par_strate[k]);
        fputs("\n\n", o);
    }
    fputs(_("in each forfait:"), o);
    fputc('\n', o);
    for (unsigned f = 0; f < m->nforfaits; f++) {
        const cdg_cell *c = cdg_model_cell(m, &m->forfaits[f], sv);
        if (c)
            fprintf(o, "- `%s`: %s\n", m->forfaits[f].id, cell_words(c->statut, c->texte));
    }
}

static void hover_forfait(FILE *o, const cdg_model *m, const cdg_forfait *f)
{
    fprintf(o, _("**forfait** `%s`: %s\n\n"), f->id, f->libelle);
    if (f->base)
        fprintf(o, _("base: `%s`; it overrides:\n"), f->base->id);
    else
        fputs(_("its own cells:\n"), o);
    for (unsigned i = 0; i < m->nservices; i++) {
        const cdg_service *sv = &m->services[i];
        const cdg_cell *c = cdg_model_cell(m, f, sv);
        if (c && cdg_cell_stated(f, sv))
            fprintf(o, "- `%s`: %s\n", sv->id, cell_words(c->statut, c->texte));
    }
}

static void hover_strate(FILE *o, const cdg_model *m, const cdg_strate *k)
{
    fprintf(o, _("**strate** `%s`: %s\n\n"), k->id, k->libelle);
    for (unsigned c = 0; c < m->ncategories; c++) {
        const cdg_member *mb = &k->members[c];
        if (mb->kind == CDG_MEMBER_ALL)
            fprintf(o, "- `%s`: tous\n", m->categories[c].id);
        else if (mb->kind == CDG_MEMBER_RANGE) {
            fprintf(o, "- `%s`: %lld..", m->categories[c].id, (long long)mb->lo);
            if (mb->hi != CDG_OPEN)
                fprintf(o, "%lld", (long long)mb->hi);
            fputc('\n', o);
        }
    }
}

static void hover_option(FILE *o, const cdg_model *m, const cdg_option *op)
{
    fprintf(o, _("**option** `%s`: %s\n\n"), op->id, op->libelle);
    fprintf(o, _("pricing: %s"), cdg_tarif_name(op->tarif));
    if (op->service)
        fprintf(o, " `%s`", op->service->id);
    char money[CDG_MONEY_TEXT_MAX];
    if (op->montant && op->montant->kind == CDG_PRIX_FIXE)
        fprintf(o, ", %s", cdg_money_text_scaled(op->montant->montant, 4, money, sizeof money));
    for (unsigned k = 0; op->montant && op->montant->kind == CDG_PRIX_STRATE && k < m->nstrates; k++) {
        const cdg_prix *p = cdg_prix_pour_strate(op->montant, &m->strates[k]);
        if (p)
            fprintf(o, "%s %s: %s", k ? ";" : ",", m->strates[k].id,
                    cdg_money_text_scaled(p->montant, 4, money, sizeof money));
    }
    fputs("\n\n", o);
    fputs(_("in each forfait:"), o);
    fputc('\n', o);
    for (unsigned f = 0; f < m->nforfaits; f++)
        fprintf(o, "- `%s`: %s\n", m->forfaits[f].id,
                cell_words(cdg_option_cell_of(op, f)->statut, cdg_option_cell_of(op, f)->texte));
}

/* The hover text of the thing kind/name, from model m (NULL when the
 * file never checked without errors: then the declaration's label). */
static void hover_text(FILE *o, const cdg_model *m, const cdg_ast *ast, lsp_kind k, const char *name)
{
    const void *x = NULL;
    if (m) {
        switch (k) {
        case LSP_K_SERVICE:
            if ((x = cdg_model_service(m, name)))
                hover_service(o, m, x);
            break;
        case LSP_K_FORFAIT:
            if ((x = cdg_model_forfait(m, name)))
                hover_forfait(o, m, x);
            break;
        case LSP_K_STRATE:
            if ((x = cdg_model_strate(m, name)))
                hover_strate(o, m, x);
            break;
        case LSP_K_OPTION:
            if ((x = cdg_model_option(m, name)))
                hover_option(o, m, x);
            break;
        case LSP_K_CATEGORIE: {
            const cdg_categorie *c = cdg_model_categorie(m, name);
            if ((x = c)) {
                fprintf(o, "**categorie** `%s`: %s\n", c->id, c->libelle);
                if (c->mesure)
                    fprintf(o, _("\nmeasure: %s\n"), c->mesure);
            }
            break;
        }
        default:
            break;
        }
    }
    lsp_occ decl;
    if (!x && lsp_index_decl(ast, k, name, &decl))
        fprintf(o, "**%s** `%s`%s%s\n", lsp_kind_name(decl.kind), name,
                decl.decl->label ? ": " : "", decl.decl->label ? decl.decl->label : "");
}

/* In an example's expectation at offset, today's answer (the file must
 * check without errors, so that the model's places are the text's):
 * the stratum of the example's profile, or the cell of its forfait for
 * the service in that stratum. Says whether one was written. */
static bool hover_attendu(FILE *o, const cdg_unit *u, size_t offset)
{
    if (!cdg_unit_ok(u))
        return false;
    const cdg_model *m = u->model;
    for (unsigned i = 0; i < m->nexemples; i++) {
        const cdg_exemple *ex = &m->exemples[i];
        for (const cdg_attendu *at = ex->attendus; at < ex->attendus + ex->nattendus; at++) {
            if (offset < cdg_attendu_span(at).begin || offset > cdg_attendu_span(at).end)
                continue;
            const cdg_strate *k = cdg_model_strate_for(m, &ex->profil);
            fprintf(o, _("today: stratum %s"), k ? k->id : "-");
            if (!at->has_strate && at->service && ex->forfait && k) {
                const cdg_cell *c = cdg_model_cell(m, ex->forfait, at->service);
                int64_t q = c ? cdg_cell_quantity(c, k) : -1;
                fprintf(o, ", `%s` %s", at->service->id, c ? _(cdg_statut_words(c->statut)) : "-");
                if (q >= 0)
                    fprintf(o, " (%lld %s)", (long long)q, cdg_service_unite_for(at->service, q));
            }
            fputs("\n\n", o);
            return true;
        }
    }
    return false;
}

void lsp_hover(lsp_server *s, const json_t *id, const json_t *params)
{
    lsp_doc *d = request_doc(s, id, params);
    if (!d)
        return;
    size_t offset = lsp_param_offset(d, params);
    lsp_occ occ;
    bool named = lsp_index_at(d->unit->ast, offset, &occ);
    char *text = NULL;
    size_t len = 0;
    FILE *o = open_memstream(&text, &len);
    if (!o) {
        lsp_reply_error(s, id, LSP_INTERNAL_ERROR, "out of memory");
        return;
    }
    bool answer = hover_attendu(o, d->unit, offset);
    if (!named && !answer) {
        fclose(o);
        free(text);
        reply_null(s, id);
        return;
    }
    if (!named)
        occ.span = (cdg_span){(uint32_t)offset, (uint32_t)offset};
    lsp_occ decl;
    if (named)
        hover_text(o, d->good ? d->good->model : NULL, d->unit->ast,
                   lsp_index_decl(d->unit->ast, occ.kind, occ.name, &decl) ? decl.kind : occ.kind,
                   occ.name);
    if (fclose(o) != 0 || len == 0) {
        free(text);
        reply_null(s, id);
        return;
    }
    lsp_reply r;
    if (lsp_reply_begin(&r, id)) {
        cdg_json_begin_object(&r.j, CDG_JSON_INLINE);
        cdg_json_key(&r.j, "contents");
        cdg_json_begin_object(&r.j, CDG_JSON_INLINE);
        cdg_json_key_str(&r.j, "kind", "markdown");
        cdg_json_key_str(&r.j, "value", text);
        cdg_json_end(&r.j);
        cdg_json_key(&r.j, "range");
        lsp_json_range(&r.j, d, occ.span.begin, occ.span.end);
        cdg_json_end(&r.j);
        lsp_reply_send(s, &r);
    }
    free(text);
}

/* ---- definition, references, rename -------------------------------------- */

void lsp_definition(lsp_server *s, const json_t *id, const json_t *params)
{
    lsp_doc *d = request_doc(s, id, params);
    if (!d)
        return;
    lsp_occ occ, decl;
    if (!lsp_index_at(d->unit->ast, lsp_param_offset(d, params), &occ) ||
        !lsp_index_decl(d->unit->ast, occ.kind, occ.name, &decl)) {
        reply_null(s, id);
        return;
    }
    lsp_reply r;
    if (lsp_reply_begin(&r, id)) {
        lsp_json_location(&r.j, d, decl.span.begin, decl.span.end);
        lsp_reply_send(s, &r);
    }
}

/* Every occurrence of one thing, written as a Location or a TextEdit. */
typedef struct same_name {
    lsp_kind kind;
    const char *name;
    bool with_decl;
    const char *new_text;   /* rename: TextEdits; else Locations */
    cdg_json *j;
    const lsp_doc *d;
} same_name;

static void same_visit(const lsp_occ *o, void *ctx)
{
    same_name *s = ctx;
    if (o->kind != s->kind || strcmp(o->name, s->name) != 0 || (o->is_decl && !s->with_decl))
        return;
    if (s->new_text)
        json_edit(s->j, s->d, o->span.begin, o->span.end, s->new_text);
    else
        lsp_json_location(s->j, s->d, o->span.begin, o->span.end);
}

/* The thing at the request's position: its kind (the declaration's when
 * declared) and name; false when there is no name there. */
static bool thing_at(const lsp_doc *d, const json_t *params, lsp_kind *k, const char **name)
{
    lsp_occ occ, decl;
    if (!lsp_index_at(d->unit->ast, lsp_param_offset(d, params), &occ))
        return false;
    *k = lsp_index_decl(d->unit->ast, occ.kind, occ.name, &decl) ? decl.kind : occ.kind;
    *name = occ.name;
    return true;
}

void lsp_references(lsp_server *s, const json_t *id, const json_t *params)
{
    lsp_doc *d = request_doc(s, id, params);
    if (!d)
        return;
    same_name q = {.d = d};
    if (!thing_at(d, params, &q.kind, &q.name)) {
        reply_null(s, id);
        return;
    }
    q.with_decl = json_is_true(json_object_get(json_object_get(params, "context"), "includeDeclaration"));
    lsp_reply r;
    if (lsp_reply_begin(&r, id)) {
        q.j = &r.j;
        cdg_json_begin_array(&r.j, CDG_JSON_INLINE);
        lsp_index_walk(d->unit->ast, same_visit, &q);
        cdg_json_end(&r.j);
        lsp_reply_send(s, &r);
    }
}

/* Whether name can be an identifier of the language: a letter or '_',
 * then letters, digits and '_', and not a keyword. */
static bool valid_name(const char *name)
{
    if (!name || !*name || (*name >= '0' && *name <= '9') || strlen(name) > CDG_MAX_IDENT)
        return false;
    for (const char *p = name; *p; p++)
        if (!(*p == '_' || (*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'z') ||
              (*p >= 'A' && *p <= 'Z')))
            return false;
    for (int k = 0; k < CDG_KW_COUNT; k++)
        if (strcmp(name, cdg_keyword_name((cdg_keyword)k)) == 0)
            return false;
    return true;
}

void lsp_rename(lsp_server *s, const json_t *id, const json_t *params)
{
    lsp_doc *d = request_doc(s, id, params);
    if (!d)
        return;
    same_name q = {.d = d, .with_decl = true};
    q.new_text = json_string_value(json_object_get(params, "newName"));
    if (!valid_name(q.new_text)) {
        lsp_reply_error(s, id, LSP_INVALID_PARAMS,
                        _("a name is letters, digits and '_', not starting with a digit, and not a keyword"));
        return;
    }
    if (!thing_at(d, params, &q.kind, &q.name)) {
        reply_null(s, id);
        return;
    }
    lsp_reply r;
    if (lsp_reply_begin(&r, id)) {
        q.j = &r.j;
        cdg_json_begin_object(&r.j, CDG_JSON_INLINE);
        cdg_json_key(&r.j, "changes");
        cdg_json_begin_object(&r.j, CDG_JSON_INLINE);
        cdg_json_key(&r.j, d->uri);
        cdg_json_begin_array(&r.j, CDG_JSON_INLINE);
        lsp_index_walk(d->unit->ast, same_visit, &q);
        cdg_json_end(&r.j);
        cdg_json_end(&r.j);
        cdg_json_end(&r.j);
        lsp_reply_send(s, &r);
    }
}

/* ---- document symbols ---------------------------------------------------- */

/* The protocol's SymbolKind of a declaration. */
static int symbol_kind(cdg_keyword kw)
{
    switch (kw) {
    case CDG_KW_OFFRE: return 2;       /* Module */
    case CDG_KW_CATEGORIE: return 10;  /* Enum */
    case CDG_KW_STRATE: return 16;     /* Number */
    case CDG_KW_NOTE: return 15;       /* String */
    case CDG_KW_RUBRIQUE: return 3;    /* Namespace */
    case CDG_KW_SERVICE: return 8;     /* Field */
    case CDG_KW_FORFAIT: return 5;     /* Class */
    case CDG_KW_OPTION: return 7;      /* Property */
    default: return 24;                /* Event: exemple */
    }
}

static void symbol(cdg_json *j, const lsp_doc *d, const cdg_decl *x)
{
    const char *name = x->id ? x->id : x->label && *x->label ? x->label : cdg_keyword_name(x->kw);
    cdg_span sel = x->id ? cdg_decl_id_span(x) : cdg_decl_kw_span(x);
    cdg_json_begin_object(j, CDG_JSON_INLINE);
    cdg_json_key_str(j, "name", name);
    if (x->label && x->id)
        cdg_json_key_str(j, "detail", x->label);
    cdg_json_key_int(j, "kind", symbol_kind(x->kw));
    cdg_json_key(j, "range");
    lsp_json_range(j, d, x->span.begin, x->span.end);
    cdg_json_key(j, "selectionRange");
    lsp_json_range(j, d, sel.begin, sel.end);
    bool nested = false;
    for (const cdg_entry *e = x->block ? cdg_block_entries(x->block) : NULL; e; e = cdg_entry_next(e)) {
        const cdg_decl *inner = cdg_entry_decl(e);
        if (!inner)
            continue;
        if (!nested) {
            cdg_json_key(j, "children");
            cdg_json_begin_array(j, CDG_JSON_INLINE);
            nested = true;
        }
        symbol(j, d, inner);
    }
    if (nested)
        cdg_json_end(j);
    cdg_json_end(j);
}

void lsp_symbols(lsp_server *s, const json_t *id, const json_t *params)
{
    lsp_doc *d = request_doc(s, id, params);
    if (!d)
        return;
    lsp_reply r;
    if (!lsp_reply_begin(&r, id))
        return;
    cdg_json_begin_array(&r.j, CDG_JSON_INLINE);
    for (const cdg_decl *x = d->unit->ast ? d->unit->ast->decls : NULL; x; x = cdg_decl_next(x))
        symbol(&r.j, d, x);
    cdg_json_end(&r.j);
    lsp_reply_send(s, &r);
}

/* ---- completion ---------------------------------------------------------- */

enum { ITEM_KEYWORD = 14, ITEM_VALUE = 12, ITEM_NAME = 6 };

static void item(cdg_json *j, const char *label, int kind, const char *detail)
{
    cdg_json_begin_object(j, CDG_JSON_INLINE);
    cdg_json_key_str(j, "label", label);
    cdg_json_key_int(j, "kind", kind);
    if (detail)
        cdg_json_key_str(j, "detail", detail);
    cdg_json_end(j);
}

/* Items for a space-separated list of words. */
static void words(cdg_json *j, const char *list, int kind)
{
    char w[32];
    for (const char *p = list; *p;) {
        size_t n = strcspn(p, " ");
        if (n && n < sizeof w) {
            memcpy(w, p, n);
            w[n] = '\0';
            item(j, w, kind, NULL);
        }
        p += n;
        p += *p == ' ';
    }
}

typedef struct names_of {
    cdg_json *j;
    bool kinds[LSP_K_COUNT];
} names_of;

static void names_visit(const lsp_occ *o, void *ctx)
{
    names_of *n = ctx;
    if (o->is_decl && n->kinds[o->kind])
        item(n->j, o->name, ITEM_NAME, o->decl->label);
}

/* Items for every declared name of the kinds a, b (LSP_K_NONE: none). */
static void names(cdg_json *j, const cdg_ast *ast, lsp_kind a, lsp_kind b)
{
    names_of n = {.j = j};
    if (a != LSP_K_NONE)
        n.kinds[a] = true;
    if (b != LSP_K_NONE)
        n.kinds[b] = true;
    lsp_index_walk(ast, names_visit, &n);
}

static const char statuses[] = "inclus non_inclus en_option sans_objet";

/* The items allowed at place p (see lsp_index_place). */
static void complete(cdg_json *j, const cdg_ast *ast, const lsp_place *p)
{
    const char *b = p->block, *key = p->key;
    bool v = p->after_colon;
#define IS(x, y) (strcmp((x), (y)) == 0)
    if (p->depth == 0) {
        if (!v)
            words(j, "offre categorie strate note rubrique service forfait option exemple", ITEM_KEYWORD);
    } else if (IS(b, "selon_strate") || IS(b, "cell")) {
        if (!v)
            names(j, ast, IS(b, "cell") ? LSP_K_SERVICE : LSP_K_STRATE, LSP_K_NONE);
    } else if (IS(b, "forfait")) {
        if (!v) {
            names(j, ast, LSP_K_SERVICE, LSP_K_NONE);
            words(j, "base defaut", ITEM_KEYWORD);
        } else if (IS(key, "base"))
            names(j, ast, LSP_K_FORFAIT, LSP_K_NONE);
        else {
            words(j, statuses, ITEM_VALUE);
            if (!IS(key, "defaut"))
                words(j, "selon_strate", ITEM_VALUE);
        }
    } else if (IS(b, "option")) {
        if (!v) {
            names(j, ast, LSP_K_FORFAIT, LSP_K_NONE);
            words(j, "tarif montant defaut texte", ITEM_KEYWORD);
        } else if (IS(key, "tarif")) {
            words(j, "journalier par_unite sur_etude", ITEM_VALUE);
            names(j, ast, LSP_K_SERVICE, LSP_K_NONE);
        } else if (!IS(key, "montant") && !IS(key, "texte"))
            words(j, "inclus non_inclus en_option", ITEM_VALUE);
    } else if (IS(b, "strate")) {
        if (!v)
            names(j, ast, LSP_K_CATEGORIE, LSP_K_NONE);
        else
            words(j, "tous", ITEM_VALUE);
    } else if (IS(b, "service")) {
        if (!v)
            words(j, "unite colonne note selon_strate", ITEM_KEYWORD);
        else if (IS(key, "note"))
            names(j, ast, LSP_K_NOTE, LSP_K_NONE);
    } else if (IS(b, "rubrique")) {
        if (!v)
            words(j, "service", ITEM_KEYWORD);
    } else if (IS(b, "offre")) {
        if (!v)
            words(j, "editeur edition chevauchement titre", ITEM_KEYWORD);
        else if (IS(key, "chevauchement"))
            words(j, "premiere derniere", ITEM_VALUE);
        else if (IS(key, "titre"))
            words(j, "forfaits strates options", ITEM_VALUE);
    } else if (IS(b, "categorie")) {
        if (!v)
            words(j, "mesure", ITEM_KEYWORD);
    } else if (IS(b, "exemple")) {
        if (!v)
            words(j, "profil forfait attendu", ITEM_KEYWORD);
        else if (IS(key, "profil"))
            names(j, ast, LSP_K_CATEGORIE, LSP_K_NONE);
        else if (IS(key, "forfait"))
            names(j, ast, LSP_K_FORFAIT, LSP_K_NONE);
    } else if (IS(b, "attendu")) {
        if (!v) {
            words(j, "strate", ITEM_KEYWORD);
            names(j, ast, LSP_K_SERVICE, LSP_K_OPTION);
        } else if (IS(key, "strate"))
            names(j, ast, LSP_K_STRATE, LSP_K_NONE);
        else
            words(j, statuses, ITEM_VALUE);
    }
#undef IS
}

void lsp_completion(lsp_server *s, const json_t *id, const json_t *params)
{
    lsp_doc *d = request_doc(s, id, params);
    if (!d)
        return;
    lsp_place p;
    lsp_index_place(d->text, lsp_param_offset(d, params), &p);
    lsp_reply r;
    if (!lsp_reply_begin(&r, id))
        return;
    cdg_json_begin_array(&r.j, CDG_JSON_INLINE);
    complete(&r.j, d->unit->ast, &p);
    cdg_json_end(&r.j);
    lsp_reply_send(s, &r);
}

/* ---- formatting ---------------------------------------------------------- */

void lsp_formatting(lsp_server *s, const json_t *id, const json_t *params)
{
    lsp_doc *d = request_doc(s, id, params);
    if (!d)
        return;
    if (!d->unit->syntax_ok) {
        lsp_reply_error(s, id, LSP_REQUEST_FAILED, _("not formatted: the file has syntax errors"));
        return;
    }
    cdg_arena *scratch = cdg_arena_new(&s->memctl);
    jmp_buf oom;
    if (!scratch || setjmp(oom)) {
        cdg_arena_free(scratch);
        lsp_reply_error(s, id, LSP_INTERNAL_ERROR, "out of memory");
        return;
    }
    cdg_arena_catch(scratch, &oom);
    size_t len;
    const char *text = cdg_fmt(scratch, d->unit->ast, &len);
    cdg_arena_catch(scratch, NULL);
    lsp_reply r;
    if (lsp_reply_begin(&r, id)) {
        cdg_json_begin_array(&r.j, CDG_JSON_INLINE);
        if (len != d->len || memcmp(text, d->text, len) != 0)
            json_edit(&r.j, d, 0, d->len, text);
        cdg_json_end(&r.j);
        lsp_reply_send(s, &r);
    }
    cdg_arena_free(scratch);
}

/* ---- code actions -------------------------------------------------------- */

/* The fix a diagnostic proposes: the replacement of its span written into
 * fix (the name of a "did you mean 'X'?", or ";" inserted for a missing
 * ';'); false when it proposes none. Read from the message as written in
 * the sources (not the translation). */
static bool fix_of(const cdg_diag *g, char *fix, size_t cap, bool *insert)
{
    static const char mean[] = "did you mean '";
    const char *p = strstr(g->message, mean);
    *insert = false;
    if (p) {
        p += sizeof mean - 1;
        const char *q = strchr(p, '\'');
        if (!q || (size_t)(q - p) >= cap || q == p)
            return false;
        memcpy(fix, p, (size_t)(q - p));
        fix[q - p] = '\0';
        return true;
    }
    if (strncmp(g->message, "missing ';'", 11) == 0 && cap > 1) {
        strcpy(fix, ";");
        *insert = true;
        return true;
    }
    return false;
}

void lsp_code_action(lsp_server *s, const json_t *id, const json_t *params)
{
    lsp_doc *d = request_doc(s, id, params);
    if (!d)
        return;
    const json_t *range = json_object_get(params, "range");
    const json_t *start = json_object_get(range, "start"), *end = json_object_get(range, "end");
    lsp_pos a = {(unsigned)json_integer_value(json_object_get(start, "line")),
                 (unsigned)json_integer_value(json_object_get(start, "character"))};
    lsp_pos b = {(unsigned)json_integer_value(json_object_get(end, "line")),
                 (unsigned)json_integer_value(json_object_get(end, "character"))};
    size_t from = lsp_doc_offset(d, a), to = lsp_doc_offset(d, b);
    /* A cursor (an empty range) asks for the fixes of its whole line. */
    if (from == to) {
        from = lsp_doc_offset(d, (lsp_pos){a.line, 0});
        to = lsp_doc_line_end(d, from);
    }
    lsp_reply r;
    if (!lsp_reply_begin(&r, id))
        return;
    cdg_json *j = &r.j;
    cdg_json_begin_array(j, CDG_JSON_INLINE);
    const cdg_diags *ds = &d->unit->diags;
    for (size_t i = 0; i < ds->len; i++) {
        const cdg_diag *g = ds->items[i];
        char fix[CDG_MAX_IDENT + 1];
        bool insert;
        if (g->span.begin > to || g->span.end < from || !fix_of(g, fix, sizeof fix, &insert))
            continue;
        size_t fb = g->span.begin, fe = insert ? g->span.begin : g->span.end;
        char title[CDG_MAX_IDENT + 64];
        snprintf(title, sizeof title, insert ? _("Insert '%s'") : _("Replace with '%s'"), fix);
        cdg_json_begin_object(j, CDG_JSON_INLINE);
        cdg_json_key_str(j, "title", title);
        cdg_json_key_str(j, "kind", "quickfix");
        cdg_json_key_bool(j, "isPreferred", true);
        cdg_json_key(j, "diagnostics");
        cdg_json_begin_array(j, CDG_JSON_INLINE);
        cdg_json_begin_object(j, CDG_JSON_INLINE);
        cdg_json_key(j, "range");
        lsp_json_range(j, d, g->span.begin, g->span.end);
        cdg_json_key_str(j, "message", g->text);
        cdg_json_end(j);
        cdg_json_end(j);
        cdg_json_key(j, "edit");
        cdg_json_begin_object(j, CDG_JSON_INLINE);
        cdg_json_key(j, "changes");
        cdg_json_begin_object(j, CDG_JSON_INLINE);
        cdg_json_key(j, d->uri);
        cdg_json_begin_array(j, CDG_JSON_INLINE);
        json_edit(j, d, fb, fe, fix);
        cdg_json_end(j);
        cdg_json_end(j);
        cdg_json_end(j);
        cdg_json_end(j);
    }
    cdg_json_end(j);
    lsp_reply_send(s, &r);
}
