/* cli_query.c — `cdgrules query`: every service of a forfait for one
 * profile (status, quantity, wording) and the options that complete it. */
#include <string.h>

#include "cli.h"

static const char query_help[] =
    N_("usage: cdgrules query FILE --forfait F --profil P [--service S ...] [--json] [--why]\n"
    "\n"
    "Lists every service of forfait F (or only the services S) for the\n"
    "authority P: status (inclus, non_inclus, en_option, sans_objet), quantity\n"
    "and unit where counted, the published wording, quantities of other\n"
    "services that come with it; then the options of the forfait and how the\n"
    "extra is priced. F and S are ids or labels, case and accents ignored\n"
    "(--forfait \"forfait hébergé\", --forfait heberge).\n"
    "\n"
    "  --forfait F   the package (required)\n"
    "  --profil P    CATEGORIE=MESURE or CATEGORIE (required), e.g. commune=1200\n"
    "  --service S   only this service and the options about it (repeatable)\n"
    "  --json        one JSON object: forfait, strate, services, options\n"
    "  --why         for each answer, the chain of entries that produced it\n"
    "                (stratum range, forfait cell or inherited one, per-stratum\n"
    "                quantity line), in French, with FILE:LINE:COL; with --json,\n"
    "                a \"pourquoi\" array per service\n"
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

/* What --why needs to explain a row: the model, the syntax tree (for
 * `base:` entries and table lines), the profile and its stratum. */
typedef struct why_ctx {
    const cdg_model *m;
    const cdg_ast *ast;
    const cdg_forfait *f;
    const cdg_profil *p;
    const cdg_strate *k;
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
    fputs(_("\npourquoi\n"), stdout);
    for (const cdg_raison *s = cdg_pourquoi_strate(w->m, w->p, w->k, w->a); s; s = s->next)
        printf(_("  strate : %s (%s)\n"), s->texte, cdg_pourquoi_lieu(src, s->span, w->a));
    for (size_t i = 0; i < nrows; i++) {
        const cdg_eval_row *r = &rows[i];
        if (r->quantite >= 0)
            printf("  %s : %s, %lld %s\n", r->service->id, cdg_statut_name(r->statut),
                   (long long)r->quantite, r->unite ? r->unite : "");
        else
            printf("  %s : %s\n", r->service->id, cdg_statut_name(r->statut));
        for (const cdg_raison *s = why_steps(w, r, false); s; s = s->next)
            printf("    %s (%s)\n", s->texte, cdg_pourquoi_lieu(src, s->span, w->a));
    }
}

/* --why in JSON: "pourquoi": [{"texte", "lieu", "ligne", "colonne"}]. */
static void print_why_json(cdg_json *j, const why_ctx *w, const cdg_eval_row *r)
{
    cdg_json_key(j, "pourquoi");
    cdg_json_begin_array(j, CDG_JSON_INLINE);
    for (const cdg_raison *s = why_steps(w, r, true); s; s = s->next) {
        unsigned line, col;
        cdg_source_position(w->m->src, s->span.begin, &line, &col);
        cdg_json_begin_object(j, CDG_JSON_INLINE);
        cdg_json_key_str(j, "texte", s->texte);
        cdg_json_key_str(j, "lieu", cdg_pourquoi_lieu(w->m->src, s->span, w->a));
        cdg_json_key_int(j, "ligne", line);
        cdg_json_key_int(j, "colonne", col);
        cdg_json_end(j);
    }
    cdg_json_end(j);
}

/* "2 antivirus" or "" for a row. */
static void quantity_text(const cdg_eval_row *r, char *buf, size_t cap)
{
    if (r->quantite < 0)
        buf[0] = '\0';
    else
        snprintf(buf, cap, "%lld %s", (long long)r->quantite, r->unite ? r->unite : "");
}

/* The tarif of an option in words: "journalier", "par_unite sauvegarde". */
static void tarif_text(const cdg_option *o, char *buf, size_t cap)
{
    if (o->tarif == CDG_TARIF_PAR_UNITE && o->service)
        snprintf(buf, cap, "par_unite %s", o->service->id);
    else
        snprintf(buf, cap, "%s", cdg_tarif_name(o->tarif));
}

/* The answer as aligned tables: services, then options. */
static void print_text(const cdg_model *m, const cdg_forfait *f, const cdg_strate *k,
                       const cdg_profil *p, const cdg_eval_row *rows, size_t nrows,
                       const cdg_eval_option *opts, size_t nopts, cdg_arena *a)
{
    char buf[300];
    (void)m;
    printf(_("%s (%s), %s: strate %s\n"), f->libelle, f->id, cdg_eval_profil_text(p, buf, sizeof buf),
           k->id);
    printf("%s\n\n", k->libelle);
    if (nrows == 0)   /* only options asked (--service filtrage_spam) */
        goto options;
    cdg_table *t = cdg_table_new(a, 6);
    cdg_table_row(t);
    const char *heads[] = {N_("service"), N_("rubrique"), N_("statut"), N_("quantité"), N_("texte"), N_("avec")};
    for (unsigned c = 0; c < 6; c++)
        cdg_table_cell(t, _(heads[c]));
    for (size_t i = 0; i < nrows; i++) {
        const cdg_eval_row *r = &rows[i];
        cdg_table_row(t);
        cdg_table_cell(t, r->service->id);
        cdg_table_cell(t, r->service->rubrique ? r->service->rubrique->id : "");
        cdg_table_cell(t, cdg_statut_name(r->statut));
        quantity_text(r, buf, sizeof buf);
        cdg_table_cell(t, buf);
        cdg_table_cell(t, r->texte);
        cdg_buf with;
        cdg_buf_init(&with, a);
        for (const cdg_attache *at = r->attaches; at; at = at->next)
            cdg_buf_printf(&with, "%s%lld %s", with.len ? ", " : "", (long long)at->quantite,
                           at->service->unite ? at->service->unite : at->service->id);
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
    const char *oheads[] = {N_("option"), N_("statut"), N_("tarif"), N_("montant"), N_("texte")};
    for (unsigned c = 0; c < 5; c++)
        cdg_table_cell(t, _(oheads[c]));
    for (size_t i = 0; i < nopts; i++) {
        const cdg_option *o = opts[i].option;
        cdg_table_row(t);
        cdg_table_cell(t, o->id);
        cdg_table_cell(t, cdg_statut_name(opts[i].cell->statut));
        tarif_text(o, buf, sizeof buf);
        cdg_table_cell(t, buf);
        if (o->has_montant) {
            char money[CDG_MONEY_TEXT_MAX];
            cdg_table_cell(t, cdg_money_text(o->montant, money, sizeof money));
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

/* The answer as one JSON object (keys in a stable order). */
static void print_json(const cdg_forfait *f, const cdg_strate *k, const cdg_eval_row *rows,
                       size_t nrows, const cdg_eval_option *opts, size_t nopts,
                       const why_ctx *why)
{
    cdg_json j;
    cdg_json_init(&j, stdout, CDG_JSON_PRETTY);
    cdg_json_begin_object(&j, CDG_JSON_LINES);
    json_named(&j, "forfait", f->id, f->libelle);
    json_named(&j, "strate", k->id, k->libelle);
    cdg_json_key(&j, "services");
    cdg_json_begin_array(&j, CDG_JSON_LINES);
    for (size_t i = 0; i < nrows; i++) {
        const cdg_eval_row *r = &rows[i];
        cdg_json_begin_object(&j, CDG_JSON_INLINE);
        cdg_json_key_str(&j, "id", r->service->id);
        cdg_json_key_str(&j, "libelle", r->service->libelle);
        cdg_json_key_str(&j, "rubrique", r->service->rubrique ? r->service->rubrique->id : NULL);
        cdg_json_key_str(&j, "statut", cdg_statut_name(r->statut));
        cdg_json_key(&j, "quantite");
        if (r->quantite >= 0)
            cdg_json_int(&j, r->quantite);
        else
            cdg_json_null(&j);
        cdg_json_key_str(&j, "unite", r->unite);
        cdg_json_key_str(&j, "texte", r->texte);
        cdg_json_key(&j, "attaches");
        cdg_json_begin_array(&j, CDG_JSON_INLINE);
        for (const cdg_attache *at = r->attaches; at; at = at->next) {
            cdg_json_begin_object(&j, CDG_JSON_INLINE);
            cdg_json_key_str(&j, "service", at->service->id);
            cdg_json_key_int(&j, "quantite", at->quantite);
            cdg_json_end(&j);
        }
        cdg_json_end(&j);
        if (why)
            print_why_json(&j, why, r);
        cdg_json_end(&j);
    }
    cdg_json_end(&j);
    cdg_json_key(&j, "options");
    cdg_json_begin_array(&j, CDG_JSON_LINES);
    for (size_t i = 0; i < nopts; i++) {
        const cdg_option *o = opts[i].option;
        cdg_json_begin_object(&j, CDG_JSON_INLINE);
        cdg_json_key_str(&j, "id", o->id);
        cdg_json_key_str(&j, "libelle", o->libelle);
        cdg_json_key_str(&j, "statut", cdg_statut_name(opts[i].cell->statut));
        cdg_json_key_str(&j, "tarif", cdg_tarif_name(o->tarif));
        cdg_json_key_str(&j, "service", o->service ? o->service->id : NULL);
        cdg_json_key(&j, "montant");
        if (o->has_montant)
            cdg_money_json(&j, o->montant);
        else
            cdg_json_null(&j);
        cdg_json_key_str(&j, "texte", opts[i].cell->texte);
        cdg_json_end(&j);
    }
    cdg_json_end(&j);
    cdg_json_end(&j);
}

/* Parses the command line into q; CLI_OK or the exit status to return. */
static int parse_args(int argc, char **argv, query_args *q)
{
    for (int i = 1; i < argc; i++) {
        const char *v;
        int r;
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            fputs(_(query_help), stdout);
            return -1;
        } else if (strcmp(argv[i], "--json") == 0)
            q->json = true;
        else if (strcmp(argv[i], "--why") == 0)
            q->why = true;
        else if ((r = cli_opt_value(argc, argv, &i, "--forfait", &v)) != 0) {
            if (r < 0)
                return CLI_USAGE;
            if (q->forfait)
                return cli_usage_error("query: --forfait given twice");
            q->forfait = v;
        } else if ((r = cli_opt_value(argc, argv, &i, "--profil", &v)) != 0) {
            if (r < 0)
                return CLI_USAGE;
            if (q->profil)
                return cli_usage_error("query: --profil given twice");
            q->profil = v;
        } else if ((r = cli_opt_value(argc, argv, &i, "--service", &v)) != 0) {
            if (r < 0)
                return CLI_USAGE;
            q->services[q->nservices++] = v;
        } else if (argv[i][0] == '-' && argv[i][1] != '\0')
            return cli_usage_error("query: unknown option '%s' (see 'cdgrules query --help')",
                                   argv[i]);
        else if (q->file)
            return cli_usage_error("query: more than one rules file ('%s' and '%s')", q->file,
                                   argv[i]);
        else
            q->file = argv[i];
    }
    if (!q->file)
        return cli_usage_error("query: no rules file given (usage: cdgrules query FILE --forfait F --profil P)");
    if (!q->forfait)
        return cli_usage_error("query: --forfait is required (e.g. --forfait Metiers)");
    if (!q->profil)
        return cli_usage_error("query: --profil is required (e.g. --profil commune=1200)");
    return CLI_OK;
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
    const cdg_forfait *f = cli_forfait("query", m, q.forfait);
    if (!f || !cli_profil("query", m, q.profil, &p)) {
        cdg_unit_free(u);
        return CLI_USAGE;
    }
    /* --service names services or options (filtrage_spam): a service
     * when one matches, else an option. */
    const cdg_service **svcs = cdg_arena_calloc(a, (size_t)q.nservices + 1, sizeof *svcs);
    const cdg_option **asked = cdg_arena_calloc(a, (size_t)q.nservices + 1, sizeof *asked);
    int nsvcs = 0, nasked = 0;
    for (int i = 0; i < q.nservices; i++) {
        const cdg_service *s;
        const cdg_option *o;
        if (!cli_service_or_option("query", m, q.services[i], &s, &o)) {
            cdg_unit_free(u);
            return CLI_USAGE;
        }
        if (s)
            svcs[nsvcs++] = s;
        else
            asked[nasked++] = o;
    }
    const cdg_strate *k = cli_strate_of("query", m, &p);
    if (!k) {
        cdg_unit_free(u);
        return CLI_FAIL;
    }

    size_t nrows = q.nservices ? (size_t)nsvcs : m->nservices;
    cdg_eval_row *rows = cdg_arena_calloc(a, nrows + 1, sizeof *rows);
    for (size_t i = 0; i < nrows; i++)
        rows[i] = cdg_eval_row_for(f, q.nservices ? svcs[i] : &m->services[i], k);
    /* Options: all of the forfait's, or those about the requested services
     * (each listed once, in declaration order). */
    cdg_eval_option *opts = cdg_arena_calloc(a, m->noptions + 1, sizeof *opts);
    size_t nopts = 0;
    if (!q.nservices)
        nopts = cdg_eval_options(m, f, NULL, opts);
    else {
        cdg_eval_option *tmp = cdg_arena_calloc(a, m->noptions + 1, sizeof *tmp);
        bool *seen = cdg_arena_calloc(a, m->noptions + 1, sizeof *seen);
        for (int i = 0; i < nsvcs; i++) {
            size_t n = cdg_eval_options(m, f, svcs[i], tmp);
            for (size_t j = 0; j < n; j++)
                if (!seen[tmp[j].option->index]) {
                    seen[tmp[j].option->index] = true;
                    opts[nopts++] = tmp[j];
                }
        }
        for (int i = 0; i < nasked; i++)
            if (!seen[asked[i]->index]) {
                seen[asked[i]->index] = true;
                opts[nopts++] = (cdg_eval_option){asked[i], &asked[i]->cells[f->index]};
            }
    }
    why_ctx why = {.m = m, .ast = u->ast, .f = f, .p = &p, .k = k, .a = a};
    if (q.json)
        print_json(f, k, rows, nrows, opts, nopts, q.why ? &why : NULL);
    else {
        print_text(m, f, k, &p, rows, nrows, opts, nopts, a);
        if (q.why)
            print_why_text(&why, rows, nrows);
    }
    cdg_unit_free(u);
    return CLI_OK;
}
