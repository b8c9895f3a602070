/* cli_complete.c — `cdgrules __complete KIND [FILE]`: the names shell
 * completion offers, one per line, read from a rules file so that they
 * never drift from it; also the language's keywords, against which the
 * editor grammars are tested. Hidden from --help. */
#include <string.h>

#include "cli.h"

static const char complete_help[] =
    N_("usage: cdgrules __complete keywords\n"
    "       cdgrules __complete KIND FILE\n"
    "\n"
    "Prints one name per line, for shell completion and editor tests.\n"
    "KIND: keywords (the reserved words of the language), or, read from\n"
    "FILE: forfaits, services, categories, strates, options, rubriques,\n"
    "profils (category names, with '=' after those that take a measure).\n");

static const char *const kinds[] = {"forfaits", "services", "categories", "strates",
                                    "options", "rubriques", "profils"};

/* Prints the ids of one kind of declaration, in declaration order. */
static void print_names(const cdg_model *m, size_t kind)
{
    switch (kind) {
    case 0: for (unsigned i = 0; i < m->nforfaits; i++) puts(m->forfaits[i].id); break;
    case 1: for (unsigned i = 0; i < m->nservices; i++) puts(m->services[i].id); break;
    case 2: for (unsigned i = 0; i < m->ncategories; i++) puts(m->categories[i].id); break;
    case 3: for (unsigned i = 0; i < m->nstrates; i++) puts(m->strates[i].id); break;
    case 4: for (unsigned i = 0; i < m->noptions; i++) puts(m->options[i].id); break;
    case 5: for (unsigned i = 0; i < m->nrubriques; i++) puts(m->rubriques[i].id); break;
    default:
        for (unsigned i = 0; i < m->ncategories; i++)
            printf("%s%s\n", m->categories[i].id, m->categories[i].mesure ? "=" : "");
    }
}

int cli_complete(int argc, char **argv, cli_env *env)
{
    if (argc == 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
        fputs(_(complete_help), stdout);
        return CLI_OK;
    }
    if (argc == 2 && strcmp(argv[1], "keywords") == 0) {
        for (int k = 0; k < CDG_KW_COUNT; k++)
            puts(cdg_keyword_name((cdg_keyword)k));
        return CLI_OK;
    }
    if (argc != 3)
        return cli_usage_error("__complete: expected KIND FILE (see 'cdgrules __complete --help')");
    size_t kind = 0;
    while (kind < sizeof kinds / sizeof kinds[0] && strcmp(argv[1], kinds[kind]) != 0)
        kind++;
    if (kind == sizeof kinds / sizeof kinds[0])
        return cli_usage_error("__complete: unknown kind '%s' (see 'cdgrules __complete --help')",
                               argv[1]);
    int status;
    cdg_unit *u = cli_load(argv[2], env, false, &status);
    if (!u)
        return status;
    if (!cdg_unit_ok(u)) {
        fprintf(stderr, _("cdgrules: %s has errors (see 'cdgrules check %s')\n"), argv[2], argv[2]);
        cdg_unit_free(u);
        return CLI_FAIL;
    }
    print_names(u->model, kind);
    cdg_unit_free(u);
    return CLI_OK;
}
