/* unit.c — loading a rules file from disk or memory into one arena. */
#include "unit.h"

#include <errno.h>
#include <string.h>

#include "check.h"
#include "parse.h"

/* Parses and checks u->src; allocation failures unwind to here. */
static cdg_load_status unit_compile(cdg_unit *u)
{
    jmp_buf oom;
    if (setjmp(oom)) {
        cdg_arena_catch(u->arena, NULL);
        u->model = NULL;
        return CDG_LOAD_NOMEM;
    }
    cdg_arena_catch(u->arena, &oom);
    u->syntax_ok = cdg_parse(u->arena, u->src, &u->diags, &u->ast);
    u->model = cdg_check(u->arena, u->ast, &u->diags, u->syntax_ok);
    cdg_diags_sort(&u->diags);
    cdg_arena_catch(u->arena, NULL);
    return CDG_LOAD_OK;
}

/* A unit with its arena, or NULL. */
static cdg_unit *unit_new(cdg_memctl *ctl)
{
    cdg_arena *a = cdg_arena_new(ctl);
    if (!a)
        return NULL;
    jmp_buf oom;
    if (setjmp(oom)) {
        cdg_arena_free(a);
        return NULL;
    }
    cdg_arena_catch(a, &oom);
    cdg_unit *u = cdg_arena_calloc(a, 1, sizeof *u);
    cdg_arena_catch(a, NULL);
    u->arena = a;
    cdg_diags_init(&u->diags, a);
    return u;
}

cdg_load_status cdg_unit_load(const char *path, cdg_memctl *ctl, cdg_unit **out)
{
    cdg_unit *u = *out = unit_new(ctl);
    if (!u)
        return CDG_LOAD_NOMEM;
    jmp_buf oom;
    if (setjmp(oom)) {
        cdg_arena_catch(u->arena, NULL);
        return CDG_LOAD_NOMEM;
    }
    cdg_arena_catch(u->arena, &oom);
    errno = 0;
    cdg_source_status st = cdg_source_read(u->arena, path, &u->src);
    if (st != CDG_SOURCE_OK) {
        u->io_message = cdg_arena_printf(u->arena, "%s: %s", path, cdg_source_strerror(st, errno));
        cdg_arena_catch(u->arena, NULL);
        return CDG_LOAD_IO;
    }
    cdg_arena_catch(u->arena, NULL);
    return unit_compile(u);
}

cdg_load_status cdg_unit_load_buffer(const char *name, const char *data, size_t len,
                                     cdg_memctl *ctl, cdg_unit **out)
{
    cdg_unit *u = *out = unit_new(ctl);
    if (!u)
        return CDG_LOAD_NOMEM;
    jmp_buf oom;
    if (setjmp(oom)) {
        cdg_arena_catch(u->arena, NULL);
        return CDG_LOAD_NOMEM;
    }
    cdg_arena_catch(u->arena, &oom);
    if (len > CDG_SOURCE_MAX) {
        u->io_message = cdg_arena_printf(u->arena, "%s: %s", name, cdg_source_strerror(CDG_SOURCE_ERR_TOO_BIG, 0));
        cdg_arena_catch(u->arena, NULL);
        return CDG_LOAD_IO;
    }
    u->src = cdg_source_from_buffer(u->arena, name, data, len);
    cdg_arena_catch(u->arena, NULL);
    return unit_compile(u);
}

void cdg_unit_free(cdg_unit *u)
{
    if (u)
        cdg_arena_free(u->arena);
}

bool cdg_unit_ok(const cdg_unit *u)
{
    return u && u->model && u->diags.errors == 0;
}
