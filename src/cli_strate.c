/* cli_strate.c — `cdgrules strate`: the stratum of one or more profiles. */
#include <string.h>

#include "cli.h"

static const char strate_help[] =
    N_("usage: cdgrules strate FILE --profil P [--profil P2 ...] [--json]\n"
    "\n"
    "Prints the stratum of each profile: its id, a tab, its label; with\n"
    "several profiles, each line starts with its profile and a tab.\n"
    "A profile is CATEGORIE=MESURE (commune=1200, etablissement=15) or a\n"
    "category without a measure (non_affiliee); categories come from FILE.\n"
    "\n"
    "  --profil P   the authority (repeatable)\n"
    "  --json       print a JSON array of {\"profil\",\"strate\":{\"id\",\"libelle\"}}\n"
    "\n"
    "Exit status: 0 every profile has a stratum, 1 some profile has none\n"
    "(or the rules have errors), 2 usage or I/O error.\n");

/* `strate`: every profile is checked before any answer is printed. */
int cli_strate(int argc, char **argv, cli_env *env)
{
    const char *file = NULL;
    bool json = false;
    const char *last = NULL;   /* the last --profil, for the hint below */
    int nprofils = 0;
    for (int i = 1; i < argc; i++) {
        const char *v;
        int r;
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            fputs(_(strate_help), stdout);
            return CLI_OK;
        } else if (strcmp(argv[i], "--json") == 0)
            json = true;
        else if ((r = cli_opt_value(argc, argv, &i, "--profil", &v)) != 0) {
            if (r < 0)
                return CLI_USAGE;
            nprofils++;
            last = v;
        } else if (argv[i][0] == '-' && argv[i][1] != '\0')
            return cli_usage_error("strate: unknown option '%s' (see 'cdgrules strate --help')",
                                   argv[i]);
        else if (file && last && strchr(argv[i], '=') && !strstr(argv[i], ".cdg"))
            return cli_usage_error("strate: '%s' looks like a profile: give each profile its own --profil "
                                   "(--profil %s --profil %s)", argv[i], last, argv[i]);
        else if (file)
            return cli_usage_error("strate: more than one rules file ('%s' and '%s')", file, argv[i]);
        else
            file = argv[i];
    }
    if (!file)
        return cli_usage_error("strate: no rules file given (usage: cdgrules strate FILE --profil P)");
    if (nprofils == 0)
        return cli_usage_error("strate: --profil is required (e.g. --profil commune=1200)");

    int status;
    cdg_unit *u = cli_load_rules(file, env, &status);
    if (!u)
        return status;
    const cdg_model *m = u->model;
    /* Every profile is parsed before anything is printed: a usage error
     * prints no partial answer. */
    for (int i = 1; i < argc; i++) {
        const char *v;
        cdg_profil p;
        if (cli_opt_value(argc, argv, &i, "--profil", &v) == 1 && !cli_profil("strate", m, v, &p)) {
            cdg_unit_free(u);
            return CLI_USAGE;
        }
    }
    status = CLI_OK;
    cdg_json w;
    cdg_json_init(&w, stdout, CDG_JSON_PRETTY);
    if (json)
        cdg_json_begin_array(&w, CDG_JSON_LINES);
    for (int i = 1; i < argc; i++) {
        const char *v;
        cdg_profil p;
        if (cli_opt_value(argc, argv, &i, "--profil", &v) != 1)
            continue;
        cli_profil("strate", m, v, &p);
        const cdg_strate *k = cli_strate_of("strate", m, &p);
        if (!k)
            status = CLI_FAIL;
        char buf[300];
        if (json) {
            cdg_json_begin_object(&w, CDG_JSON_INLINE);
            cdg_json_key_str(&w, "profil", cdg_eval_profil_text(&p, buf, sizeof buf));
            cdg_json_key(&w, "strate");
            if (k) {
                cdg_json_begin_object(&w, CDG_JSON_INLINE);
                cdg_json_key_str(&w, "id", k->id);
                cdg_json_key_str(&w, "libelle", k->libelle);
                cdg_json_end(&w);
            } else
                cdg_json_null(&w);
            cdg_json_end(&w);
        } else if (k && nprofils > 1)
            printf("%s\t%s\t%s\n", cdg_eval_profil_text(&p, buf, sizeof buf), k->id,
                   k->libelle ? k->libelle : "");
        else if (k)
            printf("%s\t%s\n", k->id, k->libelle ? k->libelle : "");
    }
    if (json)
        cdg_json_end(&w);
    cdg_unit_free(u);
    return status;
}
