/* money.h — exact decimal money: amounts are int64 cents, every operation
 * is overflow-checked, formatting never goes through floating point. */
#ifndef CDG_MONEY_H
#define CDG_MONEY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* *out = cents * n; false on overflow. */
bool cdg_money_mul(int64_t cents, int64_t n, int64_t *out);
/* *out = a + b; false on overflow. */
bool cdg_money_add(int64_t a, int64_t b, int64_t *out);
/* Writes cents as "1234.50" (a '-' for negatives) into buf; returns buf. */
const char *cdg_money_format(int64_t cents, char *buf, size_t cap);

#endif
