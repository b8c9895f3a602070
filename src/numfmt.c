/* numfmt.c — the written form of numbers for people. The separators come
 * from the message catalogue: the sample "1,234.5" is translated into the
 * language's own writing of it ("1 234,5" in French), and the percentage
 * pattern "%s%%" into "%s %%". */
#include "numfmt.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nls.h"

/* The thousands separator and the decimal mark of the run's language,
 * read from the translated sample "1,234.5". */
static void separators(char *thousands, size_t tcap, char *decimal, size_t dcap)
{
    /* TRANSLATORS: this sample number tells how numbers are written: put
     * the thousands separator between 1 and 234 and the decimal mark
     * between 234 and 5 (French: "1 234,5", with a plain space). */
    const char *sample = _("1,234.5");
    const char *p234 = strstr(sample, "234");
    snprintf(thousands, tcap, ",");
    snprintf(decimal, dcap, ".");
    if (sample[0] != '1' || !p234 || strcmp(p234 + 3 + strcspn(p234 + 3, "5"), "5") != 0)
        return;
    snprintf(thousands, tcap, "%.*s", (int)(p234 - sample - 1), sample + 1);
    snprintf(decimal, dcap, "%.*s", (int)strcspn(p234 + 3, "5"), p234 + 3);
}

/* The digits of mag grouped by three with sep, into buf. */
static void group(uint64_t mag, const char *sep, char *buf, size_t cap)
{
    char digits[24];
    int len = snprintf(digits, sizeof digits, "%llu", (unsigned long long)mag);
    size_t g = 0, slen = strlen(sep);
    for (int i = 0; i < len && g + slen + 2 < cap; i++) {
        if (i > 0 && (len - i) % 3 == 0) {
            memcpy(buf + g, sep, slen);
            g += slen;
        }
        buf[g++] = digits[i];
    }
    buf[g] = '\0';
}

const char *cdg_decimal_write(int64_t v, unsigned decimals, unsigned min_decimals, const char *sep,
                              const char *mark, char *buf, size_t cap)
{
    /* Work on the magnitude as unsigned so that INT64_MIN is exact. */
    uint64_t mag = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v, unit = 1;
    for (unsigned i = 0; i < decimals; i++)
        unit *= 10;
    uint64_t frac = mag % unit;
    unsigned nd = decimals;
    while (nd > min_decimals && frac % 10 == 0) {
        frac /= 10;
        nd--;
    }
    for (; nd < min_decimals; nd++)
        frac *= 10;
    char grouped[48];
    group(mag / unit, sep, grouped, sizeof grouped);
    if (nd)
        snprintf(buf, cap, "%s%s%s%0*llu", v < 0 ? "-" : "", grouped, mark, (int)nd, (unsigned long long)frac);
    else
        snprintf(buf, cap, "%s%s", v < 0 ? "-" : "", grouped);
    return buf;
}

const char *cdg_num_text(int64_t v, char *buf, size_t cap)
{
    char th[8], dec[8];
    separators(th, sizeof th, dec, sizeof dec);
    return cdg_decimal_write(v, 0, 0, th, dec, buf, cap);
}

const char *cdg_decimal_text(int64_t v, unsigned decimals, char *buf, size_t cap)
{
    char th[8], dec[8];
    separators(th, sizeof th, dec, sizeof dec);
    return cdg_decimal_write(v, decimals, 0, th, dec, buf, cap);
}

const char *cdg_percent_text(double pct, char *buf, size_t cap)
{
    char th[8], dec[8], grouped[40], num[64];
    separators(th, sizeof th, dec, sizeof dec);
    /* tenths, rounded as printf rounds "%.1f" */
    char tenths[32];
    snprintf(tenths, sizeof tenths, "%.1f", pct < 0 ? -pct : pct);
    const char *dot = strchr(tenths, '.');
    unsigned long long whole = strtoull(tenths, NULL, 10);
    group(whole, th, grouped, sizeof grouped);
    snprintf(num, sizeof num, "%s%s%s%s", pct < 0 ? "-" : "", grouped, dec, dot ? dot + 1 : "0");
    /* TRANSLATORS: a percentage; %s is the number ("37,1 %" in French). */
    snprintf(buf, cap, _("%s%%"), num);
    return buf;
}

const char *cdg_quantity_text(int64_t n, const cdg_service *s, char *buf, size_t cap)
{
    char num[CDG_NUM_TEXT_MAX];
    const char *u = cdg_service_unite_for(s, n);
    snprintf(buf, cap, "%s%s%s", cdg_num_text(n, num, sizeof num), *u ? " " : "", u);
    return buf;
}
