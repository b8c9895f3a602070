/* dump.c — the dump front door: option parsing, the dumpers' shared
 * helpers, dispatch to one dumper per format. */
#include "dump_impl.h"

#include <inttypes.h>
#include <setjmp.h>
#include <string.h>
#include <strings.h>

#include "money.h"
#include "nls.h"

/* The table of formats: name, one-line help, file extensions (each with
 * its dot and a trailing '.', so ".htm." does not match ".html"), dumper.
 * Adding a format is one dump_NAME.c and one line here. */
static const struct dump_format {
    const char *name, *help, *extensions;
    void (*dump)(cdg_dump_ctx *c);
} formats[] = {
    [CDG_DUMP_MD] = {"md", N_("GitHub Markdown"), ".md.", cdg_dump_md},
    [CDG_DUMP_CSV] = {"csv", N_("RFC 4180"), ".csv.", cdg_dump_tabular},
    [CDG_DUMP_TSV] = {"tsv", N_("the source document's layout (default)"), ".tsv.", cdg_dump_tabular},
    [CDG_DUMP_HTML] = {"html", N_("a standalone page"), ".html.htm.", cdg_dump_html},
    [CDG_DUMP_JSON] = {"json", N_("the whole model; see docs/DUMP.md"), ".json.", cdg_dump_json},
    {"js", N_("an ES module: the model and its evaluator"), ".js.mjs.", cdg_dump_js},
    {"simulateur", N_("a simulator page for the offer's web site"), "", cdg_dump_sim},
};

unsigned cdg_dump_format_count(void)
{
    return sizeof formats / sizeof formats[0];
}

const char *cdg_dump_format_name(cdg_dump_format f)
{
    return f < cdg_dump_format_count() ? formats[f].name : NULL;
}

const char *cdg_dump_format_help(cdg_dump_format f)
{
    return f < cdg_dump_format_count() ? formats[f].help : NULL;
}

bool cdg_dump_format_parse(const char *name, cdg_dump_format *out)
{
    for (cdg_dump_format f = 0; f < cdg_dump_format_count(); f++)
        if (strcasecmp(name, formats[f].name) == 0) {
            *out = f;
            return true;
        }
    return false;
}

const char *cdg_dump_extension(const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    const char *dot = strrchr(base, '.');
    return dot && dot > base ? dot : NULL;
}

bool cdg_dump_format_of_extension(const char *ext, cdg_dump_format *out)
{
    size_t len = strlen(ext);
    if (len < 2 || ext[0] != '.' || strchr(ext + 1, '.'))
        return false;
    for (cdg_dump_format f = 0; f < cdg_dump_format_count(); f++)
        for (const char *e = formats[f].extensions; *e; e += strcspn(e + 1, ".") + 1)
            if (strncasecmp(e, ext, len) == 0 && e[len] == '.') {
                *out = f;
                return true;
            }
    return false;
}

bool cdg_dump_table_parse(const char *name, cdg_dump_table *out)
{
    static const struct { const char *name; cdg_dump_table t; } names[] = {
        {"forfaits", CDG_TABLE_FORFAITS}, {"strates", CDG_TABLE_STRATES},
        {"options", CDG_TABLE_OPTIONS}, {"all", CDG_TABLE_ALL},
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(name, names[i].name) == 0) {
            *out = names[i].t;
            return true;
        }
    return false;
}

/* The title the rules file gives a table (`titre:`), or NULL. */
const char *cdg_dump_declared_title(const cdg_model *m, cdg_dump_table t)
{
    switch (t) {
    case CDG_TABLE_FORFAITS: return m->titre_forfaits;
    case CDG_TABLE_STRATES: return m->titre_strates;
    case CDG_TABLE_OPTIONS: return m->titre_options;
    case CDG_TABLE_ALL: break;
    }
    return NULL;
}

/* A table's caption: its declared title, else a neutral heading. */
const char *cdg_dump_title(const cdg_model *m, cdg_dump_table t)
{
    const char *declared = cdg_dump_declared_title(m, t);
    if (declared)
        return declared;
    switch (t) {
    case CDG_TABLE_FORFAITS: return "Forfaits";
    case CDG_TABLE_STRATES: return "Quantités selon la strate";
    case CDG_TABLE_OPTIONS: return "Options";
    case CDG_TABLE_ALL: break;
    }
    return "";
}

const char *cdg_dump_montant(cdg_dump_ctx *c, const cdg_option *o)
{
    if (!o->montant)
        return "";
    cdg_buf b;
    char money[CDG_MONEY_TEXT_MAX];
    cdg_buf_init(&b, c->arena);
    if (o->montant->kind == CDG_PRIX_FIXE)
        cdg_buf_puts(&b, cdg_money_text_scaled(o->montant->montant, 4, money, sizeof money));
    else
        cdg_buf_puts(&b, "Selon strate,");
    if (o->tarif == CDG_TARIF_JOURNALIER)
        cdg_buf_puts(&b, " par jour");
    else if (o->tarif == CDG_TARIF_PAR_UNITE && o->service)
        cdg_buf_printf(&b, " par %s", o->service->unite ? o->service->unite : o->service->libelle);
    return cdg_buf_str(&b);
}

/* Whether two per-stratum tables give the same quantities (NULL = none). */
static bool same_values(const cdg_model *m, const int64_t *a, const int64_t *b)
{
    if (!a || !b)
        return a == b;
    return memcmp(a, b, m->nstrates * sizeof *a) == 0;
}

/* A forfait's own per-stratum table for s, or NULL when it has none or it
 * equals the service's. */
static const int64_t *own_table(const cdg_model *m, const cdg_forfait *f, const cdg_service *s)
{
    const cdg_cell *cell = cdg_model_cell(m, f, s);
    if (cell->qte != CDG_QTE_STRATE || !cell->par_strate || same_values(m, cell->par_strate, s->par_strate))
        return NULL;
    return cell->par_strate;
}

/* The strata table's columns: each service's own quantities, then every
 * distinct forfait table that departs from them, headed with the forfaits
 * that use it. */
static void strate_columns(cdg_dump_ctx *c)
{
    const cdg_model *m = c->m;
    c->cols = cdg_arena_calloc(c->arena, (size_t)m->nservices * (m->nforfaits + 1), sizeof *c->cols);
    for (unsigned i = 0; i < m->nservices; i++) {
        const cdg_service *s = &m->services[i];
        if (s->par_strate)
            c->cols[c->ncols++] = (cdg_strate_col){s, s->par_strate, s->colonne};
        for (unsigned f = 0; f < m->nforfaits; f++) {
            const int64_t *t = own_table(m, &m->forfaits[f], s);
            bool seen = false;
            for (unsigned g = 0; t && g < f && !seen; g++)
                seen = same_values(m, own_table(m, &m->forfaits[g], s), t);
            if (!t || seen)
                continue;
            cdg_buf h;
            cdg_buf_init(&h, c->arena);
            cdg_buf_printf(&h, "%s (%s", s->colonne, m->forfaits[f].libelle);
            for (unsigned g = f + 1; g < m->nforfaits; g++)
                if (same_values(m, own_table(m, &m->forfaits[g], s), t))
                    cdg_buf_printf(&h, ", %s", m->forfaits[g].libelle);
            cdg_buf_putc(&h, ')');
            c->cols[c->ncols++] = (cdg_strate_col){s, t, cdg_buf_str(&h)};
        }
    }
}

bool cdg_dump(FILE *out, const cdg_model *m, const cdg_dump_opts *opts, cdg_memctl *ctl)
{
    cdg_arena *arena = cdg_arena_new(ctl);
    if (!arena)
        return false;
    jmp_buf on_nomem;
    cdg_arena_catch(arena, &on_nomem);
    if (setjmp(on_nomem)) {
        cdg_arena_free(arena);
        return false;
    }
    cdg_dump_ctx c = {.out = out, .m = m, .opts = opts, .arena = arena};
    strate_columns(&c);
    for (unsigned i = 0; i < m->noptions; i++)
        c.montants |= m->options[i].montant != NULL;
    if (opts->format < cdg_dump_format_count())
        formats[opts->format].dump(&c);
    cdg_arena_free(arena);
    return fflush(out) == 0 && !ferror(out);
}
