/* money.h — exact decimal money: amounts are int64 cents, every operation
 * is overflow-checked, formatting never goes through floating point. One
 * form for people, one shape for machines, used by every output. */
#ifndef CDG_MONEY_H
#define CDG_MONEY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "json.h"

/* The currency of every amount (ISO 4217), as JSON outputs name it. */
#define CDG_MONEY_CURRENCY "EUR"
/* Room for any amount in cdg_money_text's form, terminator included. */
#define CDG_MONEY_TEXT_MAX 40

/* *out = cents * n; false on overflow. */
bool cdg_money_mul(int64_t cents, int64_t n, int64_t *out);
/* *out = a + b; false on overflow. */
bool cdg_money_add(int64_t a, int64_t b, int64_t *out);
/* Writes cents for people, in the French form of the published offer:
 * "1 234,50 €" (a space every three digits, decimal comma, a space then
 * the euro sign; '-' first for negatives) into buf; returns buf. */
const char *cdg_money_text(int64_t cents, char *buf, size_t cap);
/* Writes v / 10^decimals euros for people in the same form, with 2
 * decimals at least and as many more as v needs (a price per unit in
 * ten-thousandths: "0,0125 €"; an exact line: "1 320,0125 €"). */
const char *cdg_money_text_scaled(int64_t v, unsigned decimals, char *buf, size_t cap);
/* Writes cents for machines, the one JSON shape of an amount:
 * {"centimes": 45000, "devise": "EUR"}. */
void cdg_money_json(cdg_json *w, int64_t cents);
/* The same shape for v / 10^decimals euros: "centimes" is a decimal
 * number when the amount is finer than the cent ({"centimes": 1.25, …}). */
void cdg_money_json_scaled(cdg_json *w, int64_t v, unsigned decimals);

#endif
