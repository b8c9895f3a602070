/* fuzz_parse.c — libFuzzer target 1: the front end alone (scanner and
 * parser) on arbitrary bytes. Any crash, leak, sanitizer report or
 * timeout is a bug. */
#include <stddef.h>
#include <stdint.h>

#include "alloc.h"
#include "diag_emit.h"
#include "parse.h"
#include "source_read.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Parses data once in a fresh arena; allocation failure cannot happen
 * here (no memctl), so the handler only guards against a bug. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    cdg_arena *a = cdg_arena_new(NULL);
    if (!a)
        return 0;
    jmp_buf oom;
    if (setjmp(oom)) {
        cdg_arena_free(a);
        return 0;
    }
    cdg_arena_catch(a, &oom);
    cdg_source *src = cdg_source_from_buffer(a, "fuzz.cdg", (const char *)data, size);
    cdg_diags diags;
    cdg_diags_init(&diags, a);
    cdg_ast *ast = NULL;
    cdg_parse(a, src, &diags, &ast);
    cdg_diags_sort(&diags);
    cdg_arena_catch(a, NULL);
    cdg_arena_free(a);
    return 0;
}
