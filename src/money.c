/* money.c — checked cent arithmetic and the two written forms of an
 * amount. */
#include "money.h"
#include "numfmt.h"

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
    char num[48];
    snprintf(buf, cap, "%s €", cdg_decimal_write(v, decimals, 2, " ", ",", num, sizeof num));
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
