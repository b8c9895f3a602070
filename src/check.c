/* check.c — from syntax tree to resolved model.
 *
 * Pass 1 collects every declaration and its name (check_collect.c). Pass 2
 * reads each declaration's entries in dependency order: the offre,
 * categories, strata, notes, services (check_entries.c), forfaits with
 * their inheritance (check_resolve.c), options (check_option.c), examples
 * (check_exemple.c). Pass 3 runs the whole-offer checks (check_lint.c).
 * Shared state and helpers: check_impl.h. */
#include "check_impl.h"

/* Runs the three passes over ast (see check.h). */
cdg_model *cdg_check(cdg_arena *a, const cdg_ast *ast, cdg_diags *d, bool syntax_ok)
{
    checker c = {.a = a, .src = ast->src, .d = d, .syntax_ok = syntax_ok};
    c.m = cdg_arena_calloc(a, 1, sizeof *c.m);
    c.m->src = ast->src;
    for (unsigned k = 0; k < K_NAMED; k++)
        cdg_symtab_init(&c.names[k], a);

    cdg_check_collect(&c, ast);
    cdg_check_offre(&c);
    cdg_check_categories(&c);
    cdg_check_strates(&c);
    cdg_check_notes(&c);
    cdg_check_services(&c);
    cdg_check_forfaits(&c);
    cdg_check_options(&c);
    cdg_check_exemples(&c, ast);
    cdg_check_lint(&c);
    return c.m;
}
