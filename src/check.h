/* check.h — the checker: resolves and validates a syntax tree into the
 * offer model (model.h), reporting every problem it finds. */
#ifndef CDG_CHECK_H
#define CDG_CHECK_H

#include <stdbool.h>

#include "ast.h"
#include "diag_emit.h"
#include "model.h"

/* Builds the model of ast in arena a. Errors and warnings go to d. When
 * syntax_ok is false, checks that would only echo the syntax errors
 * (completeness, unused, identical forfaits) are skipped. The model is
 * always returned, but is only meaningful when d has no errors. */
cdg_model *cdg_check(cdg_arena *a, const cdg_ast *ast, cdg_diags *d, bool syntax_ok);

#endif
