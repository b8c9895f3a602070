/* lib_extras.h — functions the library carried only for its tests,
 * kept under their old names: the library has no caller for them. */
#ifndef CDG_TEST_LIB_EXTRAS_H
#define CDG_TEST_LIB_EXTRAS_H

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "ast.h"
#include "csv.h"
#include "keywords.h"
#include "utf8.h"

/* The number of values of a list. */
static inline unsigned cdg_ast_count_values(const cdg_value *v)
{
    unsigned n = 0;
    for (; v; v = cdg_value_next(v))
        n++;
    return n;
}

/* Reads from data[0..len) (copied into arena a). */
static inline void cdg_csv_reader_init_mem(cdg_csv_reader *r, cdg_arena *a, const char *data,
                                           size_t len, size_t max_fields)
{
    cdg_csv_reader_init(r, a, -1, len + 1, max_fields);
    memcpy(r->buf, data, len);
    r->end = len;
    r->eof = true;
}

/* Whether the file at path holds exactly data[0..len); false when it
 * cannot be read. */
static inline bool cdg_file_equals(const char *path, const char *data, size_t len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return false;
    char buf[65536];
    size_t off = 0, n;
    bool same = true;
    while (same && (n = fread(buf, 1, sizeof buf, f)) > 0) {
        if (off + n > len || memcmp(buf, data + off, n) != 0)
            same = false;
        off += n;
    }
    if (ferror(f))
        same = false;
    fclose(f);
    return same && off == len;
}

/* The keyword spelled s[0..n), or CDG_KW_NONE. */
static inline cdg_keyword cdg_keyword_lookup(const char *s, unsigned long n)
{
    for (int i = 0; i < CDG_KW_COUNT; i++) {
        const char *name = cdg_keyword_name((cdg_keyword)i);
        if (strlen(name) == n && memcmp(name, s, n) == 0)
            return (cdg_keyword)i;
    }
    return CDG_KW_NONE;
}

#endif
