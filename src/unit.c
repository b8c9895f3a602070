/* unit.c — loading a rules file from disk or memory into one arena. */
#include "unit.h"

#include <errno.h>
#include <string.h>

#include "check.h"
#include "nls.h"
#include "parse.h"
#include "source_read.h"

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

/* Makes a unit and fills its source with get_source (which reads a file
 * or wraps a buffer), then compiles it. */
static cdg_load_status unit_load(cdg_memctl *ctl, cdg_unit **out,
                                 cdg_source_status (*get_source)(cdg_unit *u, const void *arg),
                                 const void *arg, const char *name)
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
    cdg_source_status st = get_source(u, arg);
    if (st != CDG_SOURCE_OK) {
        u->io_message = cdg_arena_printf(u->arena, "%s: %s", name, _(cdg_source_strerror(st, errno)));
        cdg_arena_catch(u->arena, NULL);
        return CDG_LOAD_IO;
    }
    cdg_arena_catch(u->arena, NULL);
    return unit_compile(u);
}

static cdg_source_status read_file(cdg_unit *u, const void *path)
{
    return cdg_source_read(u->arena, path, &u->src);
}

cdg_load_status cdg_unit_load(const char *path, cdg_memctl *ctl, cdg_unit **out)
{
    return unit_load(ctl, out, read_file, path, path);
}

struct buffer_arg {
    const char *name, *data;
    size_t len;
};

static cdg_source_status wrap_buffer(cdg_unit *u, const void *arg)
{
    const struct buffer_arg *b = arg;
    if (b->len > CDG_SOURCE_MAX)
        return CDG_SOURCE_ERR_TOO_BIG;
    u->src = cdg_source_from_buffer(u->arena, b->name, b->data, b->len);
    return CDG_SOURCE_OK;
}

cdg_load_status cdg_unit_load_buffer(const char *name, const char *data, size_t len,
                                     cdg_memctl *ctl, cdg_unit **out)
{
    struct buffer_arg b = {name, data, len};
    return unit_load(ctl, out, wrap_buffer, &b, name);
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
