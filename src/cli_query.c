/* cli_query.c — `cdgrules query`: every service of a forfait for one
 * profile (status, quantity, wording) and the options that complete it. */
#include <string.h>
#include <strings.h>

#include "cli.h"

static const char query_help[] =
    N_("usage: cdgrules query FILE --forfait F --profil P [--service S ...] [--json] [--why]\n"
    "\n"
    "Lists every service of forfait F (or only the services S) for the\n"
    "authority P: status (inclus, non_inclus, en_option, sans_objet), quantity\n"
    "and unit where counted, the published wording, quantities of other\n"
    "services that come with it; then the options of the forfait and how the\n"
    "extra is priced (each option's amount for P's stratum). When the rules\n"
    "state prices, the forfait's annual price for P comes first: the first\n"
    "year and the following years when they differ, with its formula in\n"
    "words, or why it is not priced. F and S are ids or labels, case and\n"
    "accents ignored (--forfait \"forfait hébergé\", --forfait heberge).\n"
    "\n"
    "  --forfait F   the package (required); --forfait tous: every forfait side\n"
    "                by side, one column each (services and options as rows,\n"
    "                each cell the status or the included quantity; the\n"
    "                prices first); with --json, an object keyed by forfait id\n"
    "  --profil P    CATEGORIE=MESURE or CATEGORIE (required), e.g. commune=1200\n"
    "  --service S   only this service and the options about it (repeatable);\n"
    "                S may also be an option (filtrage_spam): its status,\n"
    "                tarif and amount for the forfait\n"
    "  --json        one JSON object: forfait, strate, prix (null when the\n"
    "                forfait has no price; else premiere_annee and suivantes,\n"
    "                each with chiffre, montant and formule), services, options\n"
    "  --why         for each answer, the chain of entries that produced it\n"
    "                (stratum range, forfait cell or inherited one, per-stratum\n"
    "                quantity line), with FILE:LINE:COL; with --json,\n"
    "                a \"pourquoi\" array per service (its \"texte\" in the\n"
    "                sources' English words, the same in every language)\n"
    "\n"
    "Exit status: 0 answered, 1 no stratum matches the profile (or the rules\n"
    "have errors), 2 usage or I/O error.\n");

/* The options of the query, as given on the command line. */
typedef struct query_args {
    const char *file, *forfait, *profil;
    const char **services;
    int nservices;
    bool json, why;
} query_args;

/* The answer for one forfait. */
typedef struct query_answer {
    const cdg_forfait *f;
    cli_prix_an premiere, suivantes;   /* its price each year (f->prix not NULL) */
    cdg_eval_row *rows;
    size_t nrows;
    cdg_eval_option *opts;
    size_t nopts;
} query_answer;

/* What --why needs to explain a row: the model, the syntax tree (for
 * `base:` entries and table lines), the profile and its stratum. */
typedef struct why_ctx {
    const cdg_model *m;
    const cdg_ast *ast;
    const cdg_forfait *f;
    const cdg_profil *p;
    const cdg_strate *k;
    const query_answer *ans;   /* its prices, for --why as text */
    cdg_arena *a;
} why_ctx;

/* The explanation of one row: the stratum's steps first when the answer
 * depends on the stratum (and with_strate), then the cell's. */
static const cdg_raison *why_steps(const why_ctx *w, const cdg_eval_row *r, bool with_strate)
{
    cdg_raison *cell = cdg_pourquoi_service(w->m, w->ast, w->f, r->service, w->k, w->a);
    if (!with_strate || r->cell->qte != CDG_QTE_STRATE)
        return cell;
    cdg_raison *head = cdg_pourquoi_strate(w->m, w->p, w->k, w->a), *last = head;
    while (last->next)
        last = last->next;
    last->next = cell;
    return head;
}

/* --why as text: the stratum, then each service's chain, every step with
 * its FILE:LINE:COL. */
static void print_why_text(const why_ctx *w, const cdg_eval_row *rows, size_t nrows)
{
    cdg_source *src = w->m->src;
    fputs(_("\nwhy\n"), stdout);
    for (const cdg_raison *s = cdg_pourquoi_strate(w->m, w->p, w->k, w->a); s; s = s->next)
        printf(_("  stratum: %s (%s)\n"), s->texte, cdg_pourquoi_lieu(src, s->span, w->a));
    if (w->ans && w->f->prix) {
        bool both = cli_prix_premiere_differe(w->f);
        const cli_prix_an *years[] = {&w->ans->premiere, &w->ans->suivantes};
        for (unsigned y = both ? 0 : 1; y < 2; y++) {
            fputs(!both ? _("  price per year\n") : y == 0 ? _("  price the first year\n")
                                                           : _("  price the following years\n"), stdout);
            cli_why_text(stdout, src, cdg_pourquoi_prix(w->m, w->f, &years[y]->devis.lignes[0].prix, true, w->a),
                         "    ", w->a);
        }
    }
    for (size_t i = 0; i < nrows; i++) {
        const cdg_eval_row *r = &rows[i];
        char q[CDG_NUM_TEXT_MAX + 64];
        if (r->quantite >= 0)
            printf(_("  %s: %s, %s\n"), r->service->id, _(cdg_statut_words(r->statut)),
                   cdg_quantity_text(r->quantite, r->service, q, sizeof q));
        else
            printf(_("  %s: %s\n"), r->service->id, _(cdg_statut_words(r->statut)));
        for (const cdg_raison *s = why_steps(w, r, false); s; s = s->next)
            printf("    %s (%s)\n", s->texte, cdg_pourquoi_lieu(src, s->span, w->a));
    }
}

/* --why in JSON: "pourquoi": [{"texte", "lieu", "ligne", "colonne"}]. */
static void print_why_json(cdg_json *j, const why_ctx *w, const cdg_eval_row *r)
{
    cli_why_json(j, w->m->src, why_steps(w, r, true), w->a);
}

/* "2 antivirus", "3 certificats" or "" for a row. */
static void quantity_text(const cdg_eval_row *r, char *buf, size_t cap)
{
    if (r->quantite < 0)
        buf[0] = '\0';
    else
        cdg_quantity_text(r->quantite, r->service, buf, cap);
}

/* The tarif of an option in words, in the run's language: "daily rate",
 * "per Go" (the counted service's unit, not its id), "on quotation". */
static void tarif_text(const cdg_option *o, char *buf, size_t cap)
{
    if (o->tarif == CDG_TARIF_PAR_UNITE && o->service && o->service->unite)
        snprintf(buf, cap, _("per %s"), cdg_service_unite_for(o->service, 1));
    else if (o->tarif == CDG_TARIF_PAR_UNITE && o->service)
        snprintf(buf, cap, _("per unit of %s"), o->service->libelle);
    else if (o->tarif == CDG_TARIF_JOURNALIER)
        snprintf(buf, cap, "%s", _("daily rate"));
    else if (o->tarif == CDG_TARIF_SUR_ETUDE)
        snprintf(buf, cap, "%s", _("on quotation"));
    else
        snprintf(buf, cap, "%s", cdg_tarif_name(o->tarif));
}

/* The forfait's annual price, when the rules state prices: both years
 * when the first differs, else one line; an unpriced forfait says so. */
static void print_price_text(const query_answer *ans)
{
    const cdg_forfait *f = ans->f;
    if (!f->prix) {
        fputs(_("price: not priced (the rules give this forfait no price)\n\n"), stdout);
        return;
    }
    if (cli_prix_premiere_differe(f)) {
        printf(_("price the first year: %s\n"), ans->premiere.formule);
        printf(_("price the following years: %s\n\n"), ans->suivantes.formule);
    } else
        printf(_("price per year: %s\n\n"), ans->suivantes.formule);
}

/* The answer as aligned tables: services, then options. */
static void print_text(const cdg_model *m, const cdg_strate *k, const cdg_profil *p,
                       const query_answer *ans, cdg_arena *a)
{
    char buf[300];
    const cdg_forfait *f = ans->f;
    const cdg_eval_row *rows = ans->rows;
    const cdg_eval_option *opts = ans->opts;
    size_t nrows = ans->nrows, nopts = ans->nopts;
    printf(_("%s (%s), %s: stratum %s\n"), f->libelle, f->id, cdg_eval_profil_text(p, buf, sizeof buf),
           k->id);
    printf("%s\n\n", k->libelle);
    if (cli_forfaits_priced(m))
        print_price_text(ans);
    if (nrows == 0)   /* only options asked (--service filtrage_spam) */
        goto options;
    cdg_table *t = cdg_table_new(a, 6);
    cdg_table_row(t);
    const char *heads[] = {N_("service"), N_("section"), N_("status"), N_("quantity"), N_("text"), N_("with")};
    for (unsigned c = 0; c < 6; c++)
        cdg_table_cell(t, _(heads[c]));
    for (size_t i = 0; i < nrows; i++) {
        const cdg_eval_row *r = &rows[i];
        cdg_table_row(t);
        cdg_table_cell(t, r->service->id);
        cdg_table_cell(t, r->service->rubrique ? r->service->rubrique->id : "");
        cdg_table_cell(t, _(cdg_statut_words(r->statut)));
        quantity_text(r, buf, sizeof buf);
        cdg_table_cell(t, buf);
        cdg_table_cell(t, r->texte);
        cdg_buf with;
        cdg_buf_init(&with, a);
        for (const cdg_attache *at = r->attaches; at; at = at->next) {
            char q[CDG_NUM_TEXT_MAX + 64];
            cdg_buf_printf(&with, "%s%s", with.len ? ", " : "", at->service->unite
                               ? cdg_quantity_text(at->quantite, at->service, q, sizeof q)
                               : cdg_arena_printf(a, "%s %s", cdg_num_text(at->quantite, q, sizeof q), at->service->id));
        }
        cdg_table_cell(t, with.len ? cdg_buf_str(&with) : "");
    }
    cdg_table_set_max_width(t, cli_terminal_width(stdout));
    cdg_table_print(t, stdout, "", 1);
    if (nopts == 0)
        return;
    fputs(_("\noptions\n"), stdout);
options:
    t = cdg_table_new(a, 5);
    cdg_table_row(t);
    const char *oheads[] = {N_("option"), N_("status"), N_("pricing"), N_("amount"), N_("text")};
    for (unsigned c = 0; c < 5; c++)
        cdg_table_cell(t, _(oheads[c]));
    for (size_t i = 0; i < nopts; i++) {
        const cdg_option *o = opts[i].option;
        cdg_table_row(t);
        cdg_table_cell(t, o->id);
        cdg_table_cell(t, _(cdg_statut_words(opts[i].cell->statut)));
        tarif_text(o, buf, sizeof buf);
        cdg_table_cell(t, buf);
        const cdg_prix *mt = cdg_prix_pour_strate(o->montant, k);
        if (mt) {
            char money[CDG_MONEY_TEXT_MAX];
            cdg_table_cell(t, cdg_money_text_scaled(mt->montant, 4, money, sizeof money));
        } else
            cdg_table_cell(t, "-");
        cdg_table_cell(t, opts[i].cell->texte);
    }
    cdg_table_set_max_width(t, cli_terminal_width(stdout));
    cdg_table_print(t, stdout, "", 1);
}

/* Writes "key": {"id", "libelle"}. */
static void json_named(cdg_json *j, const char *key, const char *id, const char *libelle)
{
    cdg_json_key(j, key);
    cdg_json_begin_object(j, CDG_JSON_INLINE);
    cdg_json_key_str(j, "id", id);
    cdg_json_key_str(j, "libelle", libelle);
    cdg_json_end(j);
}

/* The members of the answer for one forfait (keys in a stable order), in
 * the object the caller opened on j. */
static void json_members(cdg_json *j, const cdg_strate *k, const query_answer *ans,
                         const why_ctx *why)
{
    const cdg_forfait *f = ans->f;
    const cdg_eval_row *rows = ans->rows;
    const cdg_eval_option *opts = ans->opts;
    size_t nrows = ans->nrows, nopts = ans->nopts;
    json_named(j, "forfait", f->id, f->libelle);
    json_named(j, "strate", k->id, k->libelle);
    cdg_json_key(j, "prix");
    if (f->prix) {
        cdg_json_begin_object(j, CDG_JSON_LINES);
        cli_prix_json(j, "premiere_annee", &ans->premiere);
        cli_prix_json(j, "suivantes", &ans->suivantes);
        cdg_json_end(j);
    } else
        cdg_json_null(j);
    cdg_json_key(j, "services");
    cdg_json_begin_array(j, CDG_JSON_LINES);
    for (size_t i = 0; i < nrows; i++) {
        const cdg_eval_row *r = &rows[i];
        cdg_json_begin_object(j, CDG_JSON_INLINE);
        cdg_json_key_str(j, "id", r->service->id);
        cdg_json_key_str(j, "libelle", r->service->libelle);
        cdg_json_key_str(j, "rubrique", r->service->rubrique ? r->service->rubrique->id : NULL);
        cdg_json_key_str(j, "statut", cdg_statut_name(r->statut));
        cdg_json_key(j, "quantite");
        if (r->quantite >= 0)
            cdg_json_int(j, r->quantite);
        else
            cdg_json_null(j);
        cdg_json_key_str(j, "unite", r->unite);
        cdg_json_key_str(j, "texte", r->texte);
        cdg_json_key(j, "attaches");
        cdg_json_begin_array(j, CDG_JSON_INLINE);
        for (const cdg_attache *at = r->attaches; at; at = at->next) {
            cdg_json_begin_object(j, CDG_JSON_INLINE);
            cdg_json_key_str(j, "service", at->service->id);
            cdg_json_key_int(j, "quantite", at->quantite);
            cdg_json_end(j);
        }
        cdg_json_end(j);
        if (why)
            print_why_json(j, why, r);
        cdg_json_end(j);
    }
    cdg_json_end(j);
    cdg_json_key(j, "options");
    cdg_json_begin_array(j, CDG_JSON_LINES);
    for (size_t i = 0; i < nopts; i++) {
        const cdg_option *o = opts[i].option;
        cdg_json_begin_object(j, CDG_JSON_INLINE);
        cdg_json_key_str(j, "id", o->id);
        cdg_json_key_str(j, "libelle", o->libelle);
        cdg_json_key_str(j, "statut", cdg_statut_name(opts[i].cell->statut));
        cdg_json_key_str(j, "tarif", cdg_tarif_name(o->tarif));
        cdg_json_key_str(j, "service", o->service ? o->service->id : NULL);
        cdg_json_key(j, "montant");
        const cdg_prix *mt = cdg_prix_pour_strate(o->montant, k);
        if (mt)
            cdg_money_json_scaled(j, mt->montant, 4);
        else
            cdg_json_null(j);
        cdg_json_key_str(j, "texte", opts[i].cell->texte);
        cdg_json_end(j);
    }
    cdg_json_end(j);
}

/* The answer as one JSON object. */
static void print_json(const cdg_strate *k, const query_answer *ans, const why_ctx *why)
{
    cdg_json j;
    cdg_json_init(&j, stdout, CDG_JSON_PRETTY);
    cdg_json_begin_object(&j, CDG_JSON_LINES);
    json_members(&j, k, ans, why);
    cdg_json_end(&j);
}

/* Parses the command line into q; CLI_OK, -1 after --help, or the exit status. */
static int parse_args(int argc, char **argv, query_args *q)
{
    const cli_option opts[] = {
        {"--json", .flag = &q->json},
        {"--why", .flag = &q->why},
        {"--forfait", .once = &q->forfait},
        {"--profil", .once = &q->profil},
        {"--service", .list = q->services, .n = &q->nservices},
    };
    int st = cli_parse_options("query", query_help, argc, argv, opts, sizeof opts / sizeof opts[0],
                               &q->file, 1, NULL);
    if (st != CLI_OK)
        return st;
    if (!q->file)
        return cli_usage_error("query: no rules file given (usage: cdgrules query FILE --forfait F --profil P)");
    if (!q->forfait)
        return cli_usage_error("query: --forfait is required (e.g. --forfait Metiers)");
    if (!q->profil)
        return cli_usage_error("query: --profil is required (e.g. --profil commune=1200)");
    return CLI_OK;
}

/* What was asked: every service and option (all), or the services svcs
 * and the options asked by name. */
typedef struct query_scope {
    bool all;
    const cdg_service **svcs;
    size_t nsvcs;
    const cdg_option **asked;
    size_t nasked;
} query_scope;


/* Computes the rows of forfait f in stratum k for the scope, and its
 * options: all of the forfait's, or those about the requested services
 * then the options asked by name (each listed once). */
static query_answer answer_for(const cdg_model *m, const cdg_forfait *f, const cdg_strate *k,
                               const query_scope *sc, cdg_arena *a)
{
    query_answer r = {.f = f};
    r.nrows = sc->all ? m->nservices : sc->nsvcs;
    r.rows = cdg_arena_calloc(a, r.nrows + 1, sizeof *r.rows);
    for (size_t i = 0; i < r.nrows; i++)
        r.rows[i] = cdg_eval_row_for(f, sc->all ? &m->services[i] : sc->svcs[i], k);
    r.opts = cdg_arena_calloc(a, m->noptions + 1, sizeof *r.opts);
    if (sc->all) {
        r.nopts = cdg_eval_options(m, f, NULL, r.opts);
        return r;
    }
    cdg_eval_option *tmp = cdg_arena_calloc(a, m->noptions + 1, sizeof *tmp);
    bool *seen = cdg_arena_calloc(a, m->noptions + 1, sizeof *seen);
    for (size_t i = 0; i < sc->nsvcs; i++) {
        size_t n = cdg_eval_options(m, f, sc->svcs[i], tmp);
        for (size_t j = 0; j < n; j++)
            if (!seen[tmp[j].option->index]) {
                seen[tmp[j].option->index] = true;
                r.opts[r.nopts++] = tmp[j];
            }
    }
    for (size_t i = 0; i < sc->nasked; i++)
        if (!seen[sc->asked[i]->index]) {
            seen[sc->asked[i]->index] = true;
            r.opts[r.nopts++] = (cdg_eval_option){sc->asked[i], cdg_option_cell_of(sc->asked[i], f->index)};
        }
    return r;
}

/* Prices ans's forfait for profile p, both years; false after an
 * overflow was reported. */
static bool price_answer(const cdg_model *m, const cdg_strate *k, const cdg_profil *p, query_answer *ans,
                         cdg_arena *a)
{
    if (!ans->f->prix)
        return true;
    return cli_prix_annuel("query", m, ans->f, k, p, NULL, true, a, &ans->premiere) &&
           cli_prix_annuel("query", m, ans->f, k, p, NULL, false, a, &ans->suivantes);
}

/* One grid of --forfait tous: a row label and one cell per forfait. */
typedef struct grid {
    const char *corner;        /* heading of the label column */
    size_t nrows;
    const char **labels;
    const char **cells;        /* nrows x nforfaits */
} grid;

/* Prints g with forfait ids as headings when it fits width (0: no limit),
 * else with column numbers explained on a line above, the widest cells
 * wrapped (an adviser's 80-column terminal). */
static void print_grid(const cdg_model *m, const grid *g, unsigned width, cdg_arena *a)
{
    unsigned nf = m->nforfaits;
    size_t total = cdg_utf8_width(g->corner, strlen(g->corner));
    for (size_t i = 0; i < g->nrows; i++) {
        size_t w = cdg_utf8_width(g->labels[i], strlen(g->labels[i]));
        if (w > total)
            total = w;
    }
    for (unsigned fi = 0; fi < nf; fi++) {
        size_t col = strlen(m->forfaits[fi].id);
        for (size_t i = 0; i < g->nrows; i++) {
            const char *c = g->cells[i * nf + fi];
            size_t w = cdg_utf8_width(c, strlen(c));
            if (w > col)
                col = w;
        }
        total += 2 + col;
    }
    bool numbered = width && total > width;
    if (numbered) {
        /* "columns: 1 Metiers, 2 …", wrapped at width */
        const char *head = _("columns:");
        size_t used = cdg_utf8_width(head, strlen(head));
        fputs(head, stdout);
        for (unsigned fi = 0; fi < nf; fi++) {
            const char *item = cdg_arena_printf(a, "%u %s%s", fi + 1, m->forfaits[fi].id,
                                                fi + 1 < nf ? "," : "");
            size_t w = strlen(item) + 1;
            if (used + w > width && used > 0) {
                fputs("\n ", stdout);
                used = 1;
            }
            printf(" %s", item);
            used += w;
        }
        fputc('\n', stdout);
    }
    cdg_table *t = cdg_table_new(a, nf + 1);
    cdg_table_row(t);
    cdg_table_cell(t, g->corner);
    for (unsigned fi = 0; fi < nf; fi++) {
        if (numbered)
            cdg_table_cellf(t, "%u", fi + 1);
        else
            cdg_table_cell(t, m->forfaits[fi].id);
    }
    for (size_t i = 0; i < g->nrows; i++) {
        cdg_table_row(t);
        cdg_table_cell(t, g->labels[i]);
        for (unsigned fi = 0; fi < nf; fi++)
            cdg_table_cell(t, g->cells[i * nf + fi]);
    }
    cdg_table_set_max_width(t, width);
    cdg_table_print(t, stdout, "", 1);
}

/* --forfait tous as text, when the rules state prices: each forfait's
 * price the first year and the following years ("not priced" when its
 * price gives no amount for the profile). */
static void print_price_grid(const cdg_model *m, const query_answer *ans, unsigned width, cdg_arena *a)
{
    unsigned nf = m->nforfaits;
    grid g = {.corner = _("price"), .nrows = 2};
    const char *labels[] = {_("first year"), _("following years")};
    g.labels = labels;
    g.cells = cdg_arena_calloc(a, 2 * (size_t)nf + 1, sizeof *g.cells);
    for (unsigned fi = 0; fi < nf; fi++)
        for (unsigned y = 0; y < 2; y++) {
            const cli_prix_an *an = y == 0 ? &ans[fi].premiere : &ans[fi].suivantes;
            char money[CDG_MONEY_TEXT_MAX];
            g.cells[y * nf + fi] = ans[fi].f->prix && an->chiffre
                                       ? cdg_arena_strdup(a, cdg_money_text(an->devis.lignes[0].prix.centimes,
                                                                            money, sizeof money))
                                       : _("not priced");
        }
    print_grid(m, &g, width, a);
}

/* --forfait tous as text: one table of services (rows) by forfaits
 * (columns), each cell the included quantity or the status, then the
 * options of any forfait the same way, in declaration order. */
static void print_side_by_side(const cdg_model *m, const cdg_strate *k, const cdg_profil *p,
                               const query_answer *ans, cdg_arena *a)
{
    char buf[300];
    unsigned nf = m->nforfaits, width = cli_terminal_width(stdout);
    printf(_("%s: stratum %s, every forfait\n"), cdg_eval_profil_text(p, buf, sizeof buf), k->id);
    printf("%s\n\n", k->libelle);
    if (cli_forfaits_priced(m)) {
        print_price_grid(m, ans, width, a);
        fputs("\n", stdout);
    }
    grid g = {.corner = _("service"), .nrows = ans[0].nrows};
    g.labels = cdg_arena_calloc(a, g.nrows + 1, sizeof *g.labels);
    g.cells = cdg_arena_calloc(a, g.nrows * nf + 1, sizeof *g.cells);
    for (size_t i = 0; i < g.nrows; i++) {
        g.labels[i] = ans[0].rows[i].service->id;
        for (unsigned fi = 0; fi < nf; fi++) {
            const cdg_eval_row *r = &ans[fi].rows[i];
            if (r->statut == CDG_INCLUS && r->quantite >= 0) {
                quantity_text(r, buf, sizeof buf);
                g.cells[i * nf + fi] = cdg_arena_printf(a, "%s", buf);
            } else
                g.cells[i * nf + fi] = _(cdg_statut_words(r->statut));
        }
    }
    if (g.nrows)
        print_grid(m, &g, width, a);
    bool *listed = cdg_arena_calloc(a, m->noptions + 1, sizeof *listed);
    grid o = {.corner = _("option")};
    for (unsigned fi = 0; fi < nf; fi++)
        for (size_t i = 0; i < ans[fi].nopts; i++)
            if (!listed[ans[fi].opts[i].option->index]) {
                listed[ans[fi].opts[i].option->index] = true;
                o.nrows++;
            }
    if (o.nrows == 0)
        return;
    o.labels = cdg_arena_calloc(a, o.nrows + 1, sizeof *o.labels);
    o.cells = cdg_arena_calloc(a, o.nrows * nf + 1, sizeof *o.cells);
    size_t row = 0;
    for (unsigned oi = 0; oi < m->noptions; oi++) {
        if (!listed[oi])
            continue;
        o.labels[row] = m->options[oi].id;
        for (unsigned fi = 0; fi < nf; fi++)
            o.cells[row * nf + fi] = _(cdg_statut_words(cdg_option_cell_of(&m->options[oi], fi)->statut));
        row++;
    }
    if (g.nrows)
        fputs("\n", stdout);
    print_grid(m, &o, width, a);
}

/* --forfait tous with --json: {"profil", "strate", "forfaits": {ID: the
 * object of a one-forfait query}}. */
static void print_json_side_by_side(const cdg_model *m, const cdg_ast *ast, const cdg_strate *k,
                                    const cdg_profil *p, const query_answer *ans, bool why,
                                    cdg_arena *a)
{
    char buf[300];
    cdg_json j;
    cdg_json_init(&j, stdout, CDG_JSON_PRETTY);
    cdg_json_begin_object(&j, CDG_JSON_LINES);
    cdg_json_key_str(&j, "profil", cdg_eval_profil_text(p, buf, sizeof buf));
    json_named(&j, "strate", k->id, k->libelle);
    cdg_json_key(&j, "forfaits");
    cdg_json_begin_object(&j, CDG_JSON_LINES);
    for (unsigned fi = 0; fi < m->nforfaits; fi++) {
        const query_answer *r = &ans[fi];
        why_ctx w = {.m = m, .ast = ast, .f = r->f, .p = p, .k = k, .a = a};
        cdg_json_key(&j, r->f->id);
        cdg_json_begin_object(&j, CDG_JSON_LINES);
        json_members(&j, k, r, why ? &w : NULL);
        cdg_json_end(&j);
    }
    cdg_json_end(&j);
    cdg_json_end(&j);
}

/* `query`: parse, load, resolve names, compute the rows, print. */
int cli_query(int argc, char **argv, cli_env *env)
{
    const char *names[argc > 0 ? argc : 1];
    query_args q = {.services = names};
    int st = parse_args(argc, argv, &q);
    if (st != CLI_OK)
        return st < 0 ? CLI_OK : st;

    int status;
    cdg_unit *u = cli_load_rules(q.file, env, &status);
    if (!u)
        return status;
    const cdg_model *m = u->model;
    cdg_arena *a = u->arena;
    cdg_profil p;
    /* "tous" (any case) asks every forfait, unless a forfait has that id. */
    bool every = cdg_eval_find_forfait(m, q.forfait, NULL) == NULL && strcasecmp(q.forfait, "tous") == 0;
    const cdg_forfait *f = every ? NULL : cli_forfait("query", m, q.forfait);
    if ((!every && !f) || !cli_profil("query", m, q.profil, &p)) {
        cdg_unit_free(u);
        return CLI_USAGE;
    }
    if (every && q.why && !q.json) {
        cdg_unit_free(u);
        return cli_usage_error("query: --why with --forfait tous needs --json (or ask one forfait)");
    }
    /* --service names services or options (filtrage_spam): a service
     * when one matches, else an option. */
    query_scope sc = {.all = q.nservices == 0};
    sc.svcs = cdg_arena_calloc(a, (size_t)q.nservices + 1, sizeof *sc.svcs);
    sc.asked = cdg_arena_calloc(a, (size_t)q.nservices + 1, sizeof *sc.asked);
    for (int i = 0; i < q.nservices; i++) {
        const cdg_service *s;
        const cdg_option *o;
        if (!cli_service_or_option("query", m, q.services[i], &s, &o)) {
            cdg_unit_free(u);
            return CLI_USAGE;
        }
        if (s)
            sc.svcs[sc.nsvcs++] = s;
        else
            sc.asked[sc.nasked++] = o;
    }
    const cdg_strate *k = cli_strate_of("query", m, &p);
    if (!k) {
        cdg_unit_free(u);
        return CLI_FAIL;
    }

    if (every) {
        query_answer *ans = cdg_arena_calloc(a, m->nforfaits + 1, sizeof *ans);
        bool priced = true;
        for (unsigned fi = 0; fi < m->nforfaits; fi++) {
            ans[fi] = answer_for(m, &m->forfaits[fi], k, &sc, a);
            priced = priced && price_answer(m, k, &p, &ans[fi], a);
        }
        if (!priced) {
            cdg_unit_free(u);
            return CLI_FAIL;
        }
        if (q.json)
            print_json_side_by_side(m, u->ast, k, &p, ans, q.why, a);
        else if (m->nforfaits)
            print_side_by_side(m, k, &p, ans, a);
        cdg_unit_free(u);
        return CLI_OK;
    }
    query_answer r = answer_for(m, f, k, &sc, a);
    if (!price_answer(m, k, &p, &r, a)) {
        cdg_unit_free(u);
        return CLI_FAIL;
    }
    why_ctx why = {.m = m, .ast = u->ast, .f = f, .p = &p, .k = k, .ans = &r, .a = a};
    if (q.json)
        print_json(k, &r, q.why ? &why : NULL);
    else {
        print_text(m, k, &p, &r, a);
        if (q.why)
            print_why_text(&why, r.rows, r.nrows);
    }
    cdg_unit_free(u);
    return CLI_OK;
}
