/* cli_quote.c — `cdgrules quote`: for each counted need, the included
 * quantity, the extra, and the option that prices it (exact decimals). */
#include <string.h>

#include "cli.h"

static const char quote_help[] =
    N_("usage: cdgrules quote FILE --forfait F --profil P --besoin S=N [--besoin S2=N2 ...]\n"
    "                      [--json] [--why]\n"
    "\n"
    "For each need of N units of a counted service S: the quantity forfait F\n"
    "includes for the authority P, the extra (N minus included, at least 0),\n"
    "and the option that prices the extra, with the unit amount and the total\n"
    "where the rules give amounts (exact decimal arithmetic, in EUR).\n"
    "Only the service's own cell counts: a quantity attached to another cell\n"
    "(the parapheur's certificate) does not add to it.\n"
    "\n"
    "  --forfait F    the package (required)\n"
    "  --profil P     CATEGORIE=MESURE or CATEGORIE (required)\n"
    "  --besoin S=N   N units of service S (required, repeatable)\n"
    "  --json         one JSON object: forfait, profil, strate, each need\n"
    "                 (besoins) with its quantities and prices, the total\n"
    "  --why          for each need, the entries of FILE that decide the\n"
    "                 included quantity and the option that prices the extra\n"
    "                 (FILE:LINE:COL); with --json, a \"pourquoi\" array per need\n"
    "\n"
    "Exit status: 0 every extra can be bought as an option, 1 some extra has\n"
    "no option (or no stratum matches, or the rules have errors), 2 usage or\n"
    "I/O error.\n");


/* Parses the command line; CLI_OK, -1 after --help, or the exit status. */
static int parse_args(int argc, char **argv, const char **file, const char **forfait,
                      const char **profil, const char **needs, int *nneeds, bool *json, bool *why)
{
    for (int i = 1; i < argc; i++) {
        const char *v;
        int r;
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            fputs(_(quote_help), stdout);
            return -1;
        } else if (strcmp(argv[i], "--json") == 0)
            *json = true;
        else if (strcmp(argv[i], "--why") == 0)
            *why = true;
        else if ((r = cli_opt_value(argc, argv, &i, "--forfait", &v)) != 0) {
            if (r < 0)
                return CLI_USAGE;
            if (*forfait)
                return cli_usage_error("quote: --forfait given twice");
            *forfait = v;
        } else if ((r = cli_opt_value(argc, argv, &i, "--profil", &v)) != 0) {
            if (r < 0)
                return CLI_USAGE;
            if (*profil)
                return cli_usage_error("quote: --profil given twice");
            *profil = v;
        } else if ((r = cli_opt_value(argc, argv, &i, "--besoin", &v)) != 0) {
            if (r < 0)
                return CLI_USAGE;
            needs[(*nneeds)++] = v;
        } else if (argv[i][0] == '-' && argv[i][1] != '\0')
            return cli_usage_error("quote: unknown option '%s' (see 'cdgrules quote --help')",
                                   argv[i]);
        else if (*file)
            return cli_usage_error("quote: more than one rules file ('%s' and '%s')", *file, argv[i]);
        else
            *file = argv[i];
    }
    if (!*file)
        return cli_usage_error("quote: no rules file given (usage: cdgrules quote FILE --forfait F --profil P --besoin S=N)");
    if (!*forfait)
        return cli_usage_error("quote: --forfait is required (e.g. --forfait Metiers)");
    if (!*profil)
        return cli_usage_error("quote: --profil is required (e.g. --profil commune=1200)");
    if (*nneeds == 0)
        return cli_usage_error("quote: --besoin is required (e.g. --besoin sauvegarde=20)");
    return CLI_OK;
}

/* Resolves "S=N" into a counted service and a quantity; false after a
 * usage error. */
static bool parse_need(const cdg_model *m, const char *text, const cdg_service **s, int64_t *n)
{
    const char *eq = strrchr(text, '=');
    if (!eq)
        return cli_usage_error("quote: --besoin '%s': expected SERVICE=QUANTITE (e.g. sauvegarde=20)",
                               text), false;
    char name[256];
    size_t len = (size_t)(eq - text);
    if (len == 0 || len >= sizeof name)
        return cli_usage_error("quote: --besoin '%s': expected SERVICE=QUANTITE", text), false;
    memcpy(name, text, len);
    name[len] = '\0';
    if (!(*s = cli_service("quote", m, name)))
        return false;
    if (!(*s)->unite)
        return cli_usage_error("quote: --besoin '%s': service '%s' is not counted (it has no unite); "
                               "use 'cdgrules which' for yes/no needs", text, (*s)->id), false;
    cdg_mesure_status st = cdg_eval_parse_mesure(eq + 1, strlen(eq + 1), n);
    if (st != CDG_MESURE_OK)
        return cli_usage_error("quote: --besoin '%s': the quantity %s", text,
                               _(cdg_mesure_reason(st))), false;
    return true;
}

/* A computed quote: each need priced, the priced total, and how many
 * extras have no amount or no option. */
typedef struct quote_answer {
    const cdg_model *m;
    const cdg_ast *ast;
    const cdg_forfait *f;
    const cdg_profil *p;
    const cdg_strate *k;
    const cdg_eval_quote *qs;
    size_t n;
    int64_t total;
    size_t unpriced, unavailable;
    cdg_arena *a;
} quote_answer;

/* Why need e is what it is: the entries deciding its included quantity,
 * then, when there is an extra, those of the option that prices it. */
static const cdg_raison *need_steps(const quote_answer *q, const cdg_eval_quote *e)
{
    cdg_raison *head = cdg_pourquoi_service(q->m, q->ast, q->f, e->service, q->k, q->a);
    if (!e->option || e->supplement == 0)
        return head;
    cdg_raison *last = head;
    while (last->next)
        last = last->next;
    last->next = cdg_pourquoi_option(q->m, q->ast, q->f, e->option, true, q->a);
    return head;
}

/* --why as text: the stratum, then each need with its chain. */
static void print_why_text(const quote_answer *q)
{
    cdg_source *src = q->m->src;
    fputs(_("\nwhy\n"), stdout);
    for (const cdg_raison *r = cdg_pourquoi_strate(q->m, q->p, q->k, q->a); r; r = r->next)
        printf(_("  stratum: %s (%s)\n"), r->texte, cdg_pourquoi_lieu(src, r->span, q->a));
    for (size_t i = 0; i < q->n; i++) {
        const cdg_eval_quote *e = &q->qs[i];
        char need[CDG_NUM_TEXT_MAX + 64], incl[CDG_NUM_TEXT_MAX + 64], extra[CDG_NUM_TEXT_MAX + 64];
        cdg_quantity_text(e->besoin, e->service, need, sizeof need);
        cdg_quantity_text(e->inclus, e->service, incl, sizeof incl);
        cdg_quantity_text(e->supplement, e->service, extra, sizeof extra);
        printf(_("  %s: %s needed, %s included, %s extra\n"), e->service->id, need, incl, extra);
        cli_why_text(stdout, src, need_steps(q, e), "    ", q->a);
        if (e->supplement > 0 && !e->option)
            printf(_("    no option sold in %s is priced per unit of %s\n"), q->f->libelle,
                   e->service->id);
    }
}

/* Writes "key": an amount, or null. */
static void json_money_or_null(cdg_json *j, const char *key, bool has, int64_t cents)
{
    cdg_json_key(j, key);
    if (has)
        cdg_money_json(j, cents);
    else
        cdg_json_null(j);
}

/* The quote as one JSON object (keys in a stable order). */
static void print_json(const quote_answer *q, bool why)
{
    char buf[300];
    cdg_json j;
    cdg_json_init(&j, stdout, CDG_JSON_PRETTY);
    cdg_json_begin_object(&j, CDG_JSON_LINES);
    cli_json_named(&j, "forfait", q->f->id, q->f->libelle);
    cdg_json_key_str(&j, "profil", cdg_eval_profil_text(q->p, buf, sizeof buf));
    cli_json_named(&j, "strate", q->k->id, q->k->libelle);
    cdg_json_key(&j, "besoins");
    cdg_json_begin_array(&j, CDG_JSON_LINES);
    size_t priced = 0;
    for (size_t i = 0; i < q->n; i++) {
        const cdg_eval_quote *e = &q->qs[i];
        bool has_price = e->supplement > 0 && e->has_montant;
        priced += has_price;
        cdg_json_begin_object(&j, CDG_JSON_INLINE);
        cdg_json_key_str(&j, "service", e->service->id);
        cdg_json_key_str(&j, "unite", e->service->unite);
        cdg_json_key_int(&j, "demande", e->besoin);
        cdg_json_key_str(&j, "statut", cdg_statut_name(e->row.statut));
        cdg_json_key_int(&j, "inclus", e->inclus);
        cdg_json_key_int(&j, "supplement", e->supplement);
        cdg_json_key_str(&j, "option", e->supplement > 0 && e->option ? e->option->id : NULL);
        json_money_or_null(&j, "prix_unitaire", has_price, e->montant);
        json_money_or_null(&j, "total", has_price || e->supplement == 0, has_price ? e->total : 0);
        if (why)
            cli_why_json(&j, q->m->src, need_steps(q, e), q->a);
        cdg_json_end(&j);
    }
    cdg_json_end(&j);
    json_money_or_null(&j, "total", !q->unpriced || priced, q->total);
    cdg_json_key_int(&j, "supplements_non_chiffres", (int64_t)q->unpriced);
    cdg_json_key_int(&j, "supplements_sans_option", (int64_t)q->unavailable);
    cdg_json_end(&j);
}

/* `quote`: prices each counted need; exit 1 when an extra cannot be bought. */
int cli_quote(int argc, char **argv, cli_env *env)
{
    const char *file = NULL, *forfait = NULL, *profil = NULL;
    const char *texts[argc > 0 ? argc : 1];
    int nneeds = 0;
    bool json = false, why = false;
    int st = parse_args(argc, argv, &file, &forfait, &profil, texts, &nneeds, &json, &why);
    if (st != CLI_OK)
        return st < 0 ? CLI_OK : st;

    int status;
    cdg_unit *u = cli_load_rules(file, env, &status);
    if (!u)
        return status;
    const cdg_model *m = u->model;
    cdg_arena *a = u->arena;
    cdg_profil p;
    const cdg_forfait *f = cli_forfait("quote", m, forfait);
    bool ok = f && cli_profil("quote", m, profil, &p);
    const cdg_service **svcs = cdg_arena_calloc(a, (size_t)nneeds, sizeof *svcs);
    int64_t *qty = cdg_arena_calloc(a, (size_t)nneeds, sizeof *qty);
    for (int i = 0; ok && i < nneeds; i++) {
        ok = parse_need(m, texts[i], &svcs[i], &qty[i]);
        for (int j = 0; ok && j < i; j++)
            if (svcs[j] == svcs[i])
                ok = cli_usage_error("quote: service '%s' needed twice", svcs[i]->id) == CLI_OK;
    }
    if (!ok) {
        cdg_unit_free(u);
        return CLI_USAGE;
    }
    const cdg_strate *k = cli_strate_of("quote", m, &p);
    if (!k) {
        cdg_unit_free(u);
        return CLI_FAIL;
    }

    cdg_eval_quote *qs = cdg_arena_calloc(a, (size_t)nneeds, sizeof *qs);
    int64_t total = 0;
    size_t unpriced = 0, unavailable = 0;
    for (int i = 0; i < nneeds; i++) {
        cdg_eval_error err;
        if (!cdg_eval_quote_need(m, f, k, svcs[i], qty[i], &qs[i], &err) ||
            (qs[i].has_montant && !cdg_money_add(total, qs[i].total, &total))) {
            fprintf(stderr, _("cdgrules: quote: %s\n"), qs[i].has_montant && err.message[0] ? err.message
                                                                      : _("the total overflows"));
            cdg_unit_free(u);
            return CLI_FAIL;
        }
        if (qs[i].supplement > 0 && !qs[i].option)
            unavailable++;
        else if (qs[i].supplement > 0 && !qs[i].has_montant)
            unpriced++;
    }

    quote_answer qa = {.m = m, .ast = u->ast, .f = f, .p = &p, .k = k, .qs = qs,
                       .n = (size_t)nneeds, .total = total, .unpriced = unpriced,
                       .unavailable = unavailable, .a = a};
    if (json) {
        print_json(&qa, why);
        cdg_unit_free(u);
        return unavailable ? CLI_FAIL : CLI_OK;
    }

    char buf[300], m1[CDG_MONEY_TEXT_MAX], m2[CDG_MONEY_TEXT_MAX];
    printf(_("%s (%s), %s: stratum %s\n\n"), f->libelle, f->id, cdg_eval_profil_text(&p, buf, sizeof buf),
           k->id);
    cdg_table *t = cdg_table_new(a, 7);
    cdg_table_row(t);
    const char *heads[] = {N_("need"), N_("requested"), N_("included"), N_("extra"), N_("option"), N_("unit price"), N_("total")};
    for (unsigned c = 0; c < 7; c++)
        cdg_table_cell(t, _(heads[c]));
    for (int i = 0; i < nneeds; i++) {
        const cdg_eval_quote *q = &qs[i];
        char qt[CDG_NUM_TEXT_MAX + 64];
        cdg_table_row(t);
        cdg_table_cell(t, q->service->id);
        cdg_table_cell(t, cdg_quantity_text(q->besoin, q->service, qt, sizeof qt));
        if (q->row.statut == CDG_INCLUS)
            cdg_table_cell(t, cdg_quantity_text(q->inclus, q->service, qt, sizeof qt));
        else
            cdg_table_cellf(t, "0 (%s)", _(cdg_statut_words(q->row.statut)));
        cdg_table_cell(t, cdg_quantity_text(q->supplement, q->service, qt, sizeof qt));
        cdg_table_cell(t, q->supplement == 0 ? "-" : q->option ? q->option->id : _("none"));
        if (q->supplement > 0 && q->has_montant) {
            cdg_table_cell(t, cdg_money_text(q->montant, m1, sizeof m1));
            cdg_table_cell(t, cdg_money_text(q->total, m2, sizeof m2));
        } else if (q->supplement > 0 && q->option) {
            cdg_table_cell(t, _("not priced"));
            cdg_table_cell(t, "-");
        } else {
            cdg_table_cell(t, "-");
            cdg_table_cell(t, q->supplement > 0 ? "-" : cdg_money_text(0, m2, sizeof m2));
        }
    }
    cdg_table_set_max_width(t, cli_terminal_width(stdout));
    cdg_table_print(t, stdout, "", 1);
    size_t priced = 0;
    for (int i = 0; i < nneeds; i++)
        priced += qs[i].supplement > 0 && qs[i].has_montant;
    if (unpriced && !priced)
        printf(cdg_ngettext("\ntotal: not priced (%zu extra without an amount in the rules)\n",
                            "\ntotal: not priced (%zu extras without an amount in the rules)\n", unpriced),
               unpriced);
    else if (unpriced)
        printf(cdg_ngettext("\ntotal: %s + %zu extra not priced (no amount in the rules)\n",
                            "\ntotal: %s + %zu extras not priced (no amount in the rules)\n",
                            unpriced),
               cdg_money_text(total, m1, sizeof m1), unpriced);
    else
        printf(_("\ntotal: %s\n"), cdg_money_text(total, m1, sizeof m1));
    if (unavailable)
        printf(cdg_ngettext("%zu extra without an option: no option of this forfait prices it\n",
                            "%zu extras without an option: no option of this forfait prices them\n",
                            unavailable),
               unavailable);
    if (why)
        print_why_text(&qa);
    cdg_unit_free(u);
    return unavailable ? CLI_FAIL : CLI_OK;
}
