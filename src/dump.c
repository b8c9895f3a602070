/* dump.c — the dump front door: option parsing, the dumpers' shared
 * helpers, dispatch to one dumper per format. */
#include "dump_impl.h"

#include <inttypes.h>
#include <setjmp.h>
#include <string.h>
#include <strings.h>

#include "money.h"
#include "nls.h"
#include "prix_texte.h"

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
        {"options", CDG_TABLE_OPTIONS}, {"tarifs", CDG_TABLE_TARIFS}, {"all", CDG_TABLE_ALL},
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
    case CDG_TABLE_TARIFS:
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
    case CDG_TABLE_TARIFS: return "Tarifs";
    case CDG_TABLE_ALL: break;
    }
    return "";
}

/* What an option's amount is for: " par jour", " par Go", or "". */
static const char *montant_par(cdg_dump_ctx *c, const cdg_option *o)
{
    if (o->tarif == CDG_TARIF_JOURNALIER)
        return " par jour";
    if (o->tarif == CDG_TARIF_PAR_UNITE && o->service)
        return cdg_arena_printf(c->arena, " par %s", o->service->unite ? o->service->unite : o->service->libelle);
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
        /* An amount per stratum: "0,50 € (S1), 0,45 € (S2) par Go". */
        for (unsigned k = 0; k < c->m->nstrates; k++) {
            const cdg_prix *p = cdg_prix_pour_strate(o->montant, &c->m->strates[k]);
            cdg_buf_printf(&b, "%s%s (%s)", k ? ", " : "",
                           p ? cdg_money_text_scaled(p->montant, 4, money, sizeof money) : "?",
                           c->m->strates[k].id);
        }
    cdg_buf_puts(&b, montant_par(c, o));
    return cdg_buf_str(&b);
}

bool cdg_dump_has_tarifs(const cdg_dump_ctx *c)
{
    return c->opts->tables == CDG_TABLE_TARIFS || ((c->opts->tables & CDG_TABLE_TARIFS) && c->ntarifs > 0);
}

const char *cdg_dump_tarifs_title(cdg_dump_ctx *c)
{
    if (c->m->millesime > 0)
        return cdg_arena_printf(c->arena, "Tarifs %lld", (long long)c->m->millesime);
    return cdg_dump_title(c->m, CDG_TABLE_TARIFS);
}

bool cdg_dump_tarif_merged(const cdg_tarif_row *r)
{
    return r->prix->kind != CDG_PRIX_STRATE;
}

const char *cdg_dump_tarif_cell(cdg_dump_ctx *c, const cdg_tarif_row *r, unsigned k)
{
    const cdg_prix *p = r->prix;
    if (!cdg_dump_tarif_merged(r))
        p = k < c->m->nstrates ? cdg_prix_pour_strate(p, &c->m->strates[k]) : NULL;
    if (!p)
        return "";
    return cdg_arena_printf(c->arena, "%s%s", cdg_prix_texte_fr(p, c->mesure, c->arena), r->par);
}

/* Whether two prices read the same in every stratum. */
static bool same_tarif(cdg_dump_ctx *c, const cdg_prix *a, const cdg_prix *b)
{
    cdg_tarif_row x = {"", a, ""}, y = {"", b, ""};
    for (unsigned k = 0; k < c->m->nstrates || k == 0; k++)
        if (strcmp(cdg_dump_tarif_cell(c, &x, k), cdg_dump_tarif_cell(c, &y, k)) != 0)
            return false;
    return true;
}

/* The tariff table's rows: each priced forfait (its first year and the
 * following years as two rows when they differ), then each option with an
 * amount. None when no forfait is priced: options' amounts alone are
 * table 3's last column, as they always were. */
static void tarif_rows(cdg_dump_ctx *c)
{
    const cdg_model *m = c->m;
    bool priced = false;
    for (unsigned f = 0; f < m->nforfaits && !priced; f++)
        priced = m->forfaits[f].prix != NULL;
    if (!priced)
        return;
    c->mesure = cdg_prix_mesures(c->m, c->arena);
    c->tarifs = cdg_arena_calloc(c->arena, 2 * (size_t)m->nforfaits + m->noptions + 1, sizeof *c->tarifs);
    for (unsigned f = 0; f < m->nforfaits; f++) {
        const cdg_forfait *ff = &m->forfaits[f];
        if (!ff->prix)
            continue;
        if (ff->prix_premiere && !same_tarif(c, ff->prix_premiere, ff->prix)) {
            c->tarifs[c->ntarifs++] = (cdg_tarif_row){
                cdg_arena_printf(c->arena, "%s, première année", ff->libelle), ff->prix_premiere, ""};
            c->tarifs[c->ntarifs++] = (cdg_tarif_row){
                cdg_arena_printf(c->arena, "%s, années suivantes", ff->libelle), ff->prix, ""};
        } else
            c->tarifs[c->ntarifs++] = (cdg_tarif_row){ff->libelle, ff->prix, ""};
    }
    for (unsigned i = 0; i < m->noptions; i++) {
        const cdg_option *o = &m->options[i];
        if (o->montant)
            c->tarifs[c->ntarifs++] = (cdg_tarif_row){o->libelle, o->montant, montant_par(c, o)};
    }
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
    tarif_rows(&c);
    if (opts->format < cdg_dump_format_count())
        formats[opts->format].dump(&c);
    cdg_arena_free(arena);
    return fflush(out) == 0 && !ferror(out);
}
