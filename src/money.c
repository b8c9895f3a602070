/* money.c — checked cent arithmetic and the two written forms of an
 * amount. */
#include "money.h"

#include <stdio.h>

bool cdg_money_mul(int64_t cents, int64_t n, int64_t *out)
{
    return !__builtin_mul_overflow(cents, n, out);
}

bool cdg_money_add(int64_t a, int64_t b, int64_t *out)
{
    return !__builtin_add_overflow(a, b, out);
}

const char *cdg_money_text(int64_t cents, char *buf, size_t cap)
{
    /* Work on the magnitude as unsigned so that INT64_MIN is exact. */
    uint64_t mag = cents < 0 ? (uint64_t)0 - (uint64_t)cents : (uint64_t)cents;
    char digits[24], grouped[40];
    int len = snprintf(digits, sizeof digits, "%llu", (unsigned long long)(mag / 100));
    size_t g = 0;
    for (int i = 0; i < len; i++) {
        if (i > 0 && (len - i) % 3 == 0)
            grouped[g++] = ' ';
        grouped[g++] = digits[i];
    }
    grouped[g] = '\0';
    snprintf(buf, cap, "%s%s,%02u €", cents < 0 ? "-" : "", grouped, (unsigned)(mag % 100));
    return buf;
}

void cdg_money_json(cdg_json *w, int64_t cents)
{
    cdg_json_begin_object(w, CDG_JSON_INLINE);
    cdg_json_key_int(w, "centimes", cents);
    cdg_json_key_str(w, "devise", CDG_MONEY_CURRENCY);
    cdg_json_end(w);
}
