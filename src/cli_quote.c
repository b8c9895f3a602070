/* cli_quote.c — `cdgrules quote`: for each counted need, the included
 * quantity, the extra, and the option that prices it (exact decimals). */
#include <string.h>

#include "cli.h"

static const char quote_help[] =
    N_("usage: cdgrules quote FILE --forfait F --profil P --besoin S=N [--besoin S2=N2 ...]\n"
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
    "\n"
    "Exit status: 0 every extra can be bought as an option, 1 some extra has\n"
    "no option (or no stratum matches, or the rules have errors), 2 usage or\n"
    "I/O error.\n");


/* Parses the command line; CLI_OK, -1 after --help, or the exit status. */
static int parse_args(int argc, char **argv, const char **file, const char **forfait,
                      const char **profil, const char **needs, int *nneeds)
{
    for (int i = 1; i < argc; i++) {
        const char *v;
        int r;
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            fputs(_(quote_help), stdout);
            return -1;
        } else if ((r = cli_opt_value(argc, argv, &i, "--forfait", &v)) != 0) {
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

/* `quote`: prices each counted need; exit 1 when an extra cannot be bought. */
int cli_quote(int argc, char **argv, cli_env *env)
{
    const char *file = NULL, *forfait = NULL, *profil = NULL;
    const char *texts[argc > 0 ? argc : 1];
    int nneeds = 0;
    int st = parse_args(argc, argv, &file, &forfait, &profil, texts, &nneeds);
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
    cdg_unit_free(u);
    return unavailable ? CLI_FAIL : CLI_OK;
}
