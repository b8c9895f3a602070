/* parse.h — the front end: source text -> syntax tree.
 *
 * Wraps the reentrant flex scanner (grammar/lexer.l) and the pure bison
 * parser (grammar/parser.y). Lexical and syntax errors go to diags; the
 * tree holds everything that could be parsed (the parser recovers at ';'
 * and '>'). */
#ifndef CDG_PARSE_H
#define CDG_PARSE_H

#include <stdbool.h>

#include "ast.h"
#include "diag.h"

/* Deepest allowed nesting of '<' blocks. */
#define CDG_MAX_DEPTH 32
#define CDG_MAX_IDENT 256
#define CDG_MAX_STRING 4096

/* Parses src into an AST in arena a. Returns false if the input had
 * lexical or syntax errors (the AST is still usable for further checks). */
bool cdg_parse(cdg_arena *a, cdg_source *src, cdg_diags *diags, cdg_ast **out);

#endif
