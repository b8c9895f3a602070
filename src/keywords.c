/* keywords.c — the keyword table. */
#include "keywords.h"

static const char *const names[] = {
#define CDG_KW_NAME(name, text) text,
    CDG_KEYWORD_LIST(CDG_KW_NAME)
#undef CDG_KW_NAME
};

const char *cdg_keyword_name(cdg_keyword kw)
{
    if (kw < 0 || kw >= CDG_KW_COUNT)
        return "";
    return names[kw];
}
