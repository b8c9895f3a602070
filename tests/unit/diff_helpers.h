/* diff_helpers.h — shared by the diff tests: the changes between two
 * rules texts, printed as text. */
#ifndef CDG_TEST_DIFF_HELPERS_H
#define CDG_TEST_DIFF_HELPERS_H

#include "diff.h"
#include "helpers.h"
#include "model_equal.h"

/* The changes from old to new text, as text lines (malloc'ed); *count
 * receives the number of changes. */
static inline char *diff_texts(const char *old, const char *new_, size_t *count)
{
    cdg_unit *a = load_text(old), *b = load_text(new_);
    cr_assert(cdg_unit_ok(a), "old text must check");
    cr_assert(cdg_unit_ok(b), "new text must check");
    cdg_arena *ar = cdg_arena_new(NULL);
    const cdg_change *c = cdg_diff(ar, a->model, b->model, count);
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    cdg_diff_print_text(f, c);
    fclose(f);
    cdg_arena_free(ar);
    cdg_unit_free(a);
    cdg_unit_free(b);
    return buf;
}

#endif
