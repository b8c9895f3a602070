/* keywords.c — the keyword table. */
#include "keywords.h"

#include <string.h>

static const char *const names[] = {
#define CDG_KW_NAME(name, text) text,
    CDG_KEYWORD_LIST(CDG_KW_NAME)
#undef CDG_KW_NAME
};

/* Their lengths, known at compile time, for cdg_keyword_lookup (the
 * scanner does not need it: it has one rule per keyword). */
static const unsigned char lengths[] = {
#define CDG_KW_LEN(name, text) sizeof text - 1,
    CDG_KEYWORD_LIST(CDG_KW_LEN)
#undef CDG_KW_LEN
};

const char *cdg_keyword_name(cdg_keyword kw)
{
    if (kw < 0 || kw >= CDG_KW_COUNT)
        return "";
    return names[kw];
}

cdg_keyword cdg_keyword_lookup(const char *s, unsigned long n)
{
    for (int i = 0; i < CDG_KW_COUNT; i++)
        if (lengths[i] == n && names[i][0] == s[0] && memcmp(names[i], s, n) == 0)
            return (cdg_keyword)i;
    return CDG_KW_NONE;
}
