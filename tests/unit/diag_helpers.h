/* diag_helpers.h — runs a diagnostics format of the table (diag_format.h)
 * into a string, as `check` does on stdout and stderr. */
#ifndef CDG_TEST_DIAG_HELPERS_H
#define CDG_TEST_DIAG_HELPERS_H

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag_format.h"

/* The output of format name (any case, offered by check) for the files
 * whose diagnostics are ds[0..n), with version "9.9" and no colour; both
 * streams go to the one string (malloc'd). */
static inline char *run_format(const char *name, const cdg_diags *const ds[], size_t n, bool ok)
{
    const cdg_diag_format *f = cdg_diag_format_find(name, CDG_DIAG_CHECK);
    cr_assert_not_null(f, "no format %s", name);
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    cr_assert_not_null(out);
    cdg_diag_run run = {.format = f, .out = out, .err = out, .tool_version = "9.9"};
    f->begin(&run);
    for (size_t i = 0; i < n; i++)
        f->file(&run, ds[i]);
    f->end(&run, ok);
    fclose(out);
    /* A copy: GCC's -Wdangling-pointer takes pointers into the stream's
     * buffer for pointers to the local that held it. */
    char *s = strdup(buf);
    free(buf);
    cr_assert_not_null(s);
    return s;
}

/* The same for one file's diagnostics. */
static inline char *run_format_one(const char *name, const cdg_diags *d)
{
    return run_format(name, &d, 1, true);
}

#endif
