/* utf8.c — UTF-8 validation, width and folding. */
#include "utf8.h"

#include <stdbool.h>
#include <string.h>

size_t cdg_utf8_valid_len(const unsigned char *s, size_t n)
{
    if (n == 0)
        return 0;
    unsigned c = s[0];
    if (c < 0x80)
        return 1;
    size_t len;
    unsigned lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF)
        len = 2;
    else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        if (c == 0xE0) lo = 0xA0;          /* no overlong forms */
        if (c == 0xED) hi = 0x9F;          /* no surrogates */
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        if (c == 0xF0) lo = 0x90;
        if (c == 0xF4) hi = 0x8F;          /* nothing above U+10FFFF */
    } else
        return 0;
    if (n < len)
        return 0;
    if (s[1] < lo || s[1] > hi)
        return 0;
    for (size_t i = 2; i < len; i++)
        if (s[i] < 0x80 || s[i] > 0xBF)
            return 0;
    return len;
}

size_t cdg_utf8_count(const char *s, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            k++;
    return k;
}

uint32_t cdg_utf8_decode(const char **sp)
{
    const unsigned char *s = (const unsigned char *)*sp;
    uint32_t c = s[0];
    size_t len = 1;
    if (c >= 0xF0)
        c &= 0x07, len = 4;
    else if (c >= 0xE0)
        c &= 0x0F, len = 3;
    else if (c >= 0xC0)
        c &= 0x1F, len = 2;
    for (size_t i = 1; i < len && s[i]; i++)
        c = (c << 6) | (s[i] & 0x3F);
    *sp += len;
    return c;
}

/* Display width of one code point (a small wcwidth for what offers use). */
static int char_width(uint32_t c)
{
    if (c == 0)
        return 0;
    if ((c >= 0x0300 && c <= 0x036F) || (c >= 0x200B && c <= 0x200F) || c == 0xFE0F)
        return 0;
    if ((c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) ||
        (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
        (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
        (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1FAFF) ||
        (c >= 0x20000 && c <= 0x3FFFD))
        return 2;
    return 1;
}

size_t cdg_utf8_width(const char *s, size_t n)
{
    size_t w = 0;
    const char *e = s + n;
    while (s < e) {
        if (cdg_utf8_valid_len((const unsigned char *)s, (size_t)(e - s)) == 0) {
            s++, w++;
            continue;
        }
        w += (size_t)char_width(cdg_utf8_decode(&s));
    }
    return w;
}

/* ASCII folding of the Latin-1 and Latin Extended-A letters French uses. */
static const char *fold_char(uint32_t c)
{
    static const struct { uint32_t c; const char *s; } tab[] = {
        {0xC0, "a"}, {0xC1, "a"}, {0xC2, "a"}, {0xC3, "a"}, {0xC4, "a"}, {0xC5, "a"},
        {0xC6, "ae"}, {0xC7, "c"}, {0xC8, "e"}, {0xC9, "e"}, {0xCA, "e"}, {0xCB, "e"},
        {0xCC, "i"}, {0xCD, "i"}, {0xCE, "i"}, {0xCF, "i"}, {0xD1, "n"}, {0xD2, "o"},
        {0xD3, "o"}, {0xD4, "o"}, {0xD5, "o"}, {0xD6, "o"}, {0xD9, "u"}, {0xDA, "u"},
        {0xDB, "u"}, {0xDC, "u"}, {0xDD, "y"}, {0xDF, "ss"}, {0xE0, "a"}, {0xE1, "a"},
        {0xE2, "a"}, {0xE3, "a"}, {0xE4, "a"}, {0xE5, "a"}, {0xE6, "ae"}, {0xE7, "c"},
        {0xE8, "e"}, {0xE9, "e"}, {0xEA, "e"}, {0xEB, "e"}, {0xEC, "i"}, {0xED, "i"},
        {0xEE, "i"}, {0xEF, "i"}, {0xF1, "n"}, {0xF2, "o"}, {0xF3, "o"}, {0xF4, "o"},
        {0xF5, "o"}, {0xF6, "o"}, {0xF9, "u"}, {0xFA, "u"}, {0xFB, "u"}, {0xFC, "u"},
        {0xFD, "y"}, {0xFF, "y"}, {0x152, "oe"}, {0x153, "oe"}, {0x178, "y"},
        {0x2019, "'"},
    };
    for (size_t i = 0; i < sizeof tab / sizeof tab[0]; i++)
        if (tab[i].c == c)
            return tab[i].s;
    return NULL;
}

size_t cdg_utf8_fold(const char *s, char *out, size_t cap)
{
    size_t n = 0;
    if (cap == 0)
        return 0;
    while (*s && n + 1 < cap) {
        unsigned char b = (unsigned char)*s;
        if (b < 0x80) {
            out[n++] = (char)(b >= 'A' && b <= 'Z' ? b - 'A' + 'a' : b);  /* not locale-dependent */
            s++;
            continue;
        }
        if (!cdg_utf8_valid_len((const unsigned char *)s, strlen(s))) {
            s++;
            continue;
        }
        const char *f = fold_char(cdg_utf8_decode(&s));
        for (; f && *f && n + 1 < cap; f++)
            out[n++] = *f;
    }
    out[n] = '\0';
    return n;
}

/* The end of the run of ASCII bytes of p[0..n) from i, eight bytes at a
 * time: every file is looked at whole before it is scanned, and a byte
 * at a time cost 7 % of `check`. */
static size_t ascii_end(const unsigned char *p, size_t i, size_t n)
{
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, p + i, 8);
        if (w & UINT64_C(0x8080808080808080))
            break;
    }
    while (i < n && p[i] < 0x80)
        i++;
    return i;
}

/* Offset of the first invalid byte in s[0..n), or n if all is valid: where
 * an encoding guess starts looking. */
size_t cdg_utf8_first_invalid(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < n) {
        if (p[i] < 0x80) {
            i = ascii_end(p, i, n);
            continue;
        }
        size_t l = cdg_utf8_valid_len(p + i, n - i);
        if (!l)
            return i;
        i += l;
    }
    return n;
}

/* Whether the first bytes look like UTF-16: a byte order mark, or ASCII
 * text with a NUL in every other byte (*le: the NULs are the odd bytes). */
static bool looks_utf16(const unsigned char *p, size_t n, bool *le)
{
    if (n >= 2 && ((p[0] == 0xFF && p[1] == 0xFE) || (p[0] == 0xFE && p[1] == 0xFF))) {
        *le = p[0] == 0xFF;
        return true;
    }
    size_t pairs = (n < 512 ? n : 512) / 2, even = 0, odd = 0;
    for (size_t i = 0; i < pairs; i++) {
        even += p[2 * i] == 0 && p[2 * i + 1] != 0;
        odd += p[2 * i + 1] == 0 && p[2 * i] != 0;
    }
    if (pairs < 2 || (even < pairs * 3 / 4 && odd < pairs * 3 / 4))
        return false;
    *le = odd > even;
    return true;
}

cdg_encoding cdg_utf8_guess(const char *s, size_t n, size_t *bad)
{
    const unsigned char *p = (const unsigned char *)s;
    *bad = cdg_utf8_first_invalid(s, n);
    if (*bad == n && !memchr(s, 0, n < 512 ? n : 512))
        return CDG_ENC_UTF8;  /* the common case, in one pass */
    bool le;
    if (looks_utf16(p, n, &le)) {
        if (*bad == n)  /* NULs are valid UTF-8: point at the first one */
            *bad = (size_t)((const unsigned char *)memchr(p, 0, n) - p);
        return le ? CDG_ENC_UTF16LE : CDG_ENC_UTF16BE;
    }
    if (*bad == n)
        return CDG_ENC_UTF8;
    size_t c1 = 0, hi = 0;  /* bytes 0x80-0x9F, bytes 0xA0-0xFF */
    for (size_t i = 0; i < n;) {
        if (p[i] < 0x80) {
            i++;
            continue;
        }
        size_t l = cdg_utf8_valid_len(p + i, n - i);
        if (l > 1 && !(i == 0 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF))
            return CDG_ENC_UTF8;  /* real UTF-8 besides (a BOM aside) */
        if (l)
            i += l;
        else {
            c1 += p[i] < 0xA0;
            hi += p[i] >= 0xA0;
            i++;
        }
    }
    if (c1 > hi)
        return CDG_ENC_MACROMAN;
    return c1 ? CDG_ENC_WINDOWS1252 : CDG_ENC_LATIN1;
}

const char *cdg_encoding_name(cdg_encoding e)
{
    switch (e) {
    case CDG_ENC_UTF8: return "UTF-8";
    case CDG_ENC_LATIN1: return "ISO-8859-1 (Latin-1)";
    case CDG_ENC_WINDOWS1252: return "Windows-1252";
    case CDG_ENC_MACROMAN: return "MacRoman";
    case CDG_ENC_UTF16LE: return "UTF-16";
    case CDG_ENC_UTF16BE: return "UTF-16";
    }
    return "?";
}

const char *cdg_encoding_iconv(cdg_encoding e)
{
    switch (e) {
    case CDG_ENC_UTF8: return "UTF-8";
    case CDG_ENC_LATIN1: return "ISO-8859-1";
    case CDG_ENC_WINDOWS1252: return "WINDOWS-1252";
    case CDG_ENC_MACROMAN: return "MACINTOSH";
    case CDG_ENC_UTF16LE: return "UTF-16LE";
    case CDG_ENC_UTF16BE: return "UTF-16BE";
    }
    return "?";
}

size_t cdg_utf8_curly_quote(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    if (n >= 2 && p[0] == 0xC2 && (p[1] == 0xAB || p[1] == 0xBB))
        return 2;
    if (n >= 3 && p[0] == 0xE2 && p[1] == 0x80 && p[2] >= 0x98 && p[2] <= 0x9E && p[2] != 0x9B)
        return 3;
    return 0;
}

size_t cdg_utf8_blank(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    if (n >= 1 && (p[0] == ' ' || p[0] == '\t'))
        return 1;
    if (n >= 2 && p[0] == 0xC2 && p[1] == 0xA0)
        return 2;
    if (n >= 3 && p[0] == 0xE2 && p[1] == 0x80 && p[2] == 0xAF)
        return 3;
    return 0;
}

size_t cdg_utf8_blank_end(const char *s, size_t n)
{
    for (size_t k = 1; k <= 3 && k <= n; k++)
        if (cdg_utf8_blank(s + n - k, k) == k)
            return k;
    return 0;
}
