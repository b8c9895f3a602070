/* fuzz_fmt.c — libFuzzer target 3: the formatter's promises on arbitrary
 * input that parses. The formatted text must parse again without syntax
 * errors, give a model identical to the original's (or the same verdict
 * when the original has rule errors, unless formatting fixed them:
 * typographic quotes), and be a fixed point: formatting it again changes
 * nothing. Any broken promise aborts. */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fmt.h"
#include "unit.h"
#include "../unit/model_equal.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    cdg_unit *u = NULL, *v = NULL;
    if (cdg_unit_load_buffer("fuzz.cdg", (const char *)data, size, NULL, &u) != CDG_LOAD_OK)
        abort();
    if (!u->syntax_ok) {
        cdg_unit_free(u);
        return 0;
    }
    cdg_arena *a = cdg_arena_new(NULL);
    if (!a)
        abort();
    size_t len1, len2;
    const char *text1 = cdg_fmt(a, u->ast, &len1);
    if (cdg_unit_load_buffer("fuzz-fmt.cdg", text1, len1, NULL, &v) != CDG_LOAD_OK)
        abort();
    if (!v->syntax_ok) {
        fprintf(stderr, "fuzz_fmt: the formatted text does not parse:\n%.*s\n", (int)len1, text1);
        abort();
    }
    /* The one change of verdict allowed: typographic quotes, an error
     * that formatting fixes (the text then changed). */
    bool fixed = !cdg_unit_ok(u) && cdg_unit_ok(v) &&
                 (len1 != u->src->len || memcmp(text1, u->src->text, len1) != 0);
    if (cdg_unit_ok(u) != cdg_unit_ok(v) && !fixed) {
        fprintf(stderr, "fuzz_fmt: formatting changed the verdict (%d -> %d):\n%.*s\n",
                cdg_unit_ok(u), cdg_unit_ok(v), (int)len1, text1);
        abort();
    }
    char why[512];
    if (cdg_unit_ok(u) && !cdg_model_equal(u->model, v->model, why, sizeof why)) {
        fprintf(stderr, "fuzz_fmt: formatting changed the model: %s\n", why);
        abort();
    }
    const char *text2 = cdg_fmt(a, v->ast, &len2);
    if (len1 != len2 || memcmp(text1, text2, len1) != 0) {
        fprintf(stderr, "fuzz_fmt: not idempotent:\n--- once\n%.*s\n--- twice\n%.*s\n", (int)len1,
                text1, (int)len2, text2);
        abort();
    }
    cdg_arena_free(a);
    cdg_unit_free(v);
    cdg_unit_free(u);
    return 0;
}
