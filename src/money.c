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

const char *cdg_money_text_scaled(int64_t v, unsigned decimals, char *buf, size_t cap)
{
    /* Work on the magnitude as unsigned so that INT64_MIN is exact. */
    uint64_t mag = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v, unit = 1;
    for (unsigned i = 0; i < decimals; i++)
        unit *= 10;
    uint64_t frac = mag % unit;
    unsigned nd = decimals;
    while (nd > 2 && frac % 10 == 0) {
        frac /= 10;
        nd--;
    }
    if (nd < 2) {  /* 0 or 1 decimal asked: written with 2 */
        frac *= nd ? 10 : 100;
        nd = 2;
    }
    char digits[24], grouped[40];
    int len = snprintf(digits, sizeof digits, "%llu", (unsigned long long)(mag / unit));
    size_t g = 0;
    for (int i = 0; i < len; i++) {
        if (i > 0 && (len - i) % 3 == 0)
            grouped[g++] = ' ';
        grouped[g++] = digits[i];
    }
    grouped[g] = '\0';
    snprintf(buf, cap, "%s%s,%0*llu €", v < 0 ? "-" : "", grouped, (int)nd, (unsigned long long)frac);
    return buf;
}

const char *cdg_money_text(int64_t cents, char *buf, size_t cap)
{
    return cdg_money_text_scaled(cents, 2, buf, cap);
}

void cdg_money_json_scaled(cdg_json *w, int64_t v, unsigned decimals)
{
    cdg_json_begin_object(w, CDG_JSON_INLINE);
    cdg_json_key(w, "centimes");
    cdg_json_decimal(w, v, decimals - 2);
    cdg_json_key_str(w, "devise", CDG_MONEY_CURRENCY);
    cdg_json_end(w);
}

void cdg_money_json(cdg_json *w, int64_t cents)
{
    cdg_json_begin_object(w, CDG_JSON_INLINE);
    cdg_json_key_int(w, "centimes", cents);
    cdg_json_key_str(w, "devise", CDG_MONEY_CURRENCY);
    cdg_json_end(w);
}
