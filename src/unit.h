/* unit.h — one loaded rules file: its arena, source, tree, model and
 * diagnostics, created by one call and freed by one call. This is the
 * front door for every command. */
#ifndef CDG_UNIT_H
#define CDG_UNIT_H

#include <stdbool.h>

#include "api.h"
#include "arena.h"
#include "diag.h"
#include "model.h"
#include "source.h"

/* The syntax tree: its layout is internal to the library (fmt.h takes it
 * whole). */
typedef struct cdg_ast cdg_ast;

typedef enum {
    CDG_LOAD_OK,        /* parsed and checked; see diags for errors */
    CDG_LOAD_IO,        /* the file could not be read (io_message says why) */
    CDG_LOAD_NOMEM      /* memory exhausted */
} cdg_load_status;

typedef struct cdg_unit {
    cdg_arena *arena;
    cdg_source *src;
    cdg_ast *ast;
    cdg_model *model;
    cdg_diags diags;
    bool syntax_ok;
    const char *io_message;
} cdg_unit;

/* Reads, parses and checks path ("-" for stdin). *out is set even on
 * failure (NULL only when not even the arena could be made); free it with
 * cdg_unit_free. ctl may be NULL. */
CDG_API cdg_load_status cdg_unit_load(const char *path, cdg_memctl *ctl, cdg_unit **out);
/* The same from a buffer. */
CDG_API cdg_load_status cdg_unit_load_buffer(const char *name, const char *data, size_t len,
                                             cdg_memctl *ctl, cdg_unit **out);
CDG_API void cdg_unit_free(cdg_unit *u);
/* Whether the unit is usable by queries and dumps: loaded, no error. */
CDG_API bool cdg_unit_ok(const cdg_unit *u);

#endif
