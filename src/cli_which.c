/* cli_which.c — `cdgrules which`: the forfaits that include every needed
 * service for a profile, and what the others miss. */
#include <string.h>

#include "cli.h"

static const char which_help[] =
    N_("usage: cdgrules which FILE --profil P --besoin S [--besoin S2 ...]\n"
    "\n"
    "Lists the forfaits that include every needed service S for the\n"
    "authority P (status inclus, and not 0 units in its stratum), then, for\n"
    "each other forfait, the needed services it does not include and their\n"
    "status. S is a service id or label, case and accents ignored.\n"
    "\n"
    "  --profil P    CATEGORIE=MESURE or CATEGORIE (required)\n"
    "  --besoin S    a needed service (required, repeatable)\n"
    "\n"
    "Exit status: 0 some forfait includes every need, 1 none does (or no\n"
    "stratum matches, or the rules have errors), 2 usage or I/O error.\n");

/* `which`: splits the forfaits into those that include every need and the others. */
int cli_which(int argc, char **argv, cli_env *env)
{
    const char *file = NULL, *profil = NULL;
    const char *names[argc > 0 ? argc : 1];
    int nneeds = 0;
    for (int i = 1; i < argc; i++) {
        const char *v;
        int r;
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            fputs(_(which_help), stdout);
            return CLI_OK;
        } else if ((r = cli_opt_value(argc, argv, &i, "--profil", &v)) != 0) {
            if (r < 0)
                return CLI_USAGE;
            if (profil)
                return cli_usage_error("which: --profil given twice");
            profil = v;
        } else if ((r = cli_opt_value(argc, argv, &i, "--besoin", &v)) != 0) {
            if (r < 0)
                return CLI_USAGE;
            names[nneeds++] = v;
        } else if (argv[i][0] == '-' && argv[i][1] != '\0')
            return cli_usage_error("which: unknown option '%s' (see 'cdgrules which --help')",
                                   argv[i]);
        else if (file)
            return cli_usage_error("which: more than one rules file ('%s' and '%s')", file, argv[i]);
        else
            file = argv[i];
    }
    if (!file)
        return cli_usage_error("which: no rules file given (usage: cdgrules which FILE --profil P --besoin S)");
    if (!profil)
        return cli_usage_error("which: --profil is required (e.g. --profil commune=1200)");
    if (nneeds == 0)
        return cli_usage_error("which: --besoin is required (e.g. --besoin parapheur)");

    int status;
    cdg_unit *u = cli_load_rules(file, env, &status);
    if (!u)
        return status;
    const cdg_model *m = u->model;
    cdg_arena *a = u->arena;
    cdg_profil p;
    const cdg_service **needs = cdg_arena_calloc(a, (size_t)nneeds, sizeof *needs);
    bool ok = cli_profil("which", m, profil, &p);
    for (int i = 0; ok && i < nneeds; i++)
        ok = (needs[i] = cli_service("which", m, names[i])) != NULL;
    if (!ok) {
        cdg_unit_free(u);
        return CLI_USAGE;
    }
    const cdg_strate *k = cli_strate_of("which", m, &p);
    if (!k) {
        cdg_unit_free(u);
        return CLI_FAIL;
    }

    char buf[300];
    cdg_buf list;
    cdg_buf_init(&list, a);
    for (int i = 0; i < nneeds; i++)
        cdg_buf_printf(&list, "%s%s", i ? ", " : "", needs[i]->id);
    printf(_("%s: stratum %s; needs: %s\n\n"), cdg_eval_profil_text(&p, buf, sizeof buf), k->id,
           cdg_buf_str(&list));

    const cdg_service **missing = cdg_arena_calloc(a, (size_t)nneeds, sizeof *missing);
    cdg_table *yes = cdg_table_new(a, 2), *no = cdg_table_new(a, 3);
    size_t nyes = 0, nno = 0;
    for (unsigned fi = 0; fi < m->nforfaits; fi++) {
        const cdg_forfait *f = &m->forfaits[fi];
        size_t nmissing;
        if (cdg_eval_includes_all(f, k, needs, (size_t)nneeds, missing, &nmissing)) {
            cdg_table_row(yes);
            cdg_table_cell(yes, f->id);
            cdg_table_cell(yes, f->libelle);
            nyes++;
            continue;
        }
        cdg_buf miss;
        cdg_buf_init(&miss, a);
        for (size_t j = 0; j < nmissing; j++) {
            cdg_eval_row r = cdg_eval_row_for(f, missing[j], k);
            cdg_buf_printf(&miss, "%s%s (%s%s)", j ? ", " : "", missing[j]->id,
                           _(cdg_statut_words(r.statut)), r.quantite == 0 ? ", 0" : "");
        }
        cdg_table_row(no);
        cdg_table_cell(no, f->id);
        cdg_table_cell(no, _("missing"));
        cdg_table_cell(no, cdg_buf_str(&miss));
        nno++;
    }
    printf(_("forfaits that include everything (%zu):\n"), nyes);
    if (nyes) {
        cdg_table_set_max_width(yes, cli_terminal_width(stdout));
        cdg_table_print(yes, stdout, "  ", 0);
    } else
        fputs(_("  none\n"), stdout);
    if (nno) {
        printf(_("\nother forfaits (%zu):\n"), nno);
        cdg_table_set_max_width(no, cli_terminal_width(stdout));
        cdg_table_print(no, stdout, "  ", 0);
    }
    cdg_unit_free(u);
    return nyes ? CLI_OK : CLI_FAIL;
}
