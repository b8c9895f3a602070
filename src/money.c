/* money.c — checked cent arithmetic and decimal formatting. */
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

const char *cdg_money_format(int64_t cents, char *buf, size_t cap)
{
    /* Work on the magnitude as unsigned so that INT64_MIN is exact. */
    uint64_t mag = cents < 0 ? (uint64_t)0 - (uint64_t)cents : (uint64_t)cents;
    snprintf(buf, cap, "%s%llu.%02llu", cents < 0 ? "-" : "", (unsigned long long)(mag / 100),
             (unsigned long long)(mag % 100));
    return buf;
}
