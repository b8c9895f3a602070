/* textdiff.h — a unified diff of two texts, line by line (`fmt --diff`).
 *
 * Myers' O(ND) algorithm after trimming the common head and tail; when the
 * texts differ so much that its trace would exceed a memory budget, the
 * differing middle is shown as one replaced region (still a correct diff,
 * just not a minimal one). */
#ifndef CDG_TEXTDIFF_H
#define CDG_TEXTDIFF_H

#include <stdbool.h>
#include <stddef.h>

#include "alloc.h"

/* Appends to out the unified diff (3 lines of context) turning a into b,
 * with headers "--- a_name" and "+++ b_name". Appends nothing when the
 * texts are equal. Scratch memory comes from out's arena. Returns whether
 * the texts differ. */
bool cdg_textdiff(cdg_buf *out, const char *a_name, const char *a, size_t alen,
                  const char *b_name, const char *b, size_t blen);

#endif
