/* lsp_absent.c — `cdgrules lsp` in a build without jansson (the JSON
 * parser of the language server, libjansson-dev): the rest of the tool
 * builds with a C compiler, flex and bison only, and this command says
 * what to install. */
#include "cli.h"

/* `lsp` without its JSON parser: a usage error naming the package. */
int cli_lsp(int argc, char **argv, cli_env *env)
{
    (void)argc;
    (void)argv;
    (void)env;
    return cli_usage_error("lsp: this cdgrules was built without jansson, the JSON parser of the language "
                           "server; install it (apt-get install libjansson-dev) and rebuild (make)");
}
