/* numfmt.h — numbers and percentages for people, in the run's language:
 * "1 234" and "37,1 %" in French (plain ASCII spaces, as money writes
 * them: src/money.c), "1,234" and "37.1%" in English. The one place that
 * writes a number a person reads (money has its own fixed French form;
 * machine formats never come here). Also counts with their unit: "3
 * certificats". */
#ifndef CDG_NUMFMT_H
#define CDG_NUMFMT_H

#include <stddef.h>
#include <stdint.h>

#include "model.h"

/* Room for any number or percentage written here, terminator included. */
#define CDG_NUM_TEXT_MAX 48

/* v / 10^decimals into buf: the thousands grouped by sep, then mark and
 * the fraction without trailing zeros, but with min_decimals digits at
 * least ("1 234,5", "0,70"); never through floating point. The one
 * writer of decimals: numbers, money (money.c), JSON (json.c). */
const char *cdg_decimal_write(int64_t v, unsigned decimals, unsigned min_decimals, const char *sep,
                              const char *mark, char *buf, size_t cap);
/* v with its thousands grouped in the run's language, into buf. */
const char *cdg_num_text(int64_t v, char *buf, size_t cap);
/* The exact decimal v / 10^decimals in the run's language, without
 * trailing zeros ("0,7", "1", "0,125" in French), into buf. */
const char *cdg_decimal_text(int64_t v, unsigned decimals, char *buf, size_t cap);
/* The percentage pct with one decimal in the run's language, into buf. */
const char *cdg_percent_text(double pct, char *buf, size_t cap);
/* n units of service s ("3 certificats", "1 compte", "5 Go"): the number
 * as cdg_num_text writes it, then the unit for n (cdg_service_unite_for);
 * the number alone when s is not counted. */
const char *cdg_quantity_text(int64_t n, const cdg_service *s, char *buf, size_t cap);

#endif
