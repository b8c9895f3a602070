/* utf8.h — the little UTF-8 the project needs: validation, counting,
 * display width, and folding for case- and accent-blind comparison. */
#ifndef CDG_UTF8_H
#define CDG_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* Length of the valid UTF-8 sequence at s (at most n bytes), or 0. */
size_t cdg_utf8_valid_len(const unsigned char *s, size_t n);
/* Offset of the first invalid byte in s[0..n), or n if all is valid. */
size_t cdg_utf8_first_invalid(const char *s, size_t n);
/* Number of characters (non-continuation bytes) in s[0..n). */
size_t cdg_utf8_count(const char *s, size_t n);
/* Terminal display width of s[0..n): 1 per character, 0 for combining
 * marks, 2 for East Asian wide characters. */
size_t cdg_utf8_width(const char *s, size_t n);
/* Decodes one character at *s (valid UTF-8 assumed), advancing *s. */
uint32_t cdg_utf8_decode(const char **s);
/* Appends to out (capacity cap, NUL-terminated) a lower-case, accent-free
 * ASCII folding of s: "Forfait Hébergé" -> "forfait heberge". Returns the
 * length written. */
size_t cdg_utf8_fold(const char *s, char *out, size_t cap);

/* Encodings a text that is not UTF-8 may be in. */
typedef enum {
    CDG_ENC_UTF8,         /* valid, or UTF-8 with a few stray bytes */
    CDG_ENC_LATIN1,       /* ISO-8859-1: bytes 0xA0-0xFF only */
    CDG_ENC_WINDOWS1252,  /* also bytes 0x80-0x9F (curly quotes, euro sign) */
    CDG_ENC_MACROMAN,     /* accented letters mostly in 0x80-0x9F */
    CDG_ENC_UTF16LE,
    CDG_ENC_UTF16BE
} cdg_encoding;

/* Guesses the encoding of s[0..n), which is not UTF-8 when *bad (the
 * offset of the first byte that is not UTF-8) is below n. A text with
 * valid multi-byte UTF-8 sequences is UTF-8 with stray bytes (an editing
 * slip, reported byte by byte); one with none is in a single-byte
 * encoding; NUL bytes every other byte (or a byte order mark FF FE / FE
 * FF) mean UTF-16. */
cdg_encoding cdg_utf8_guess(const char *s, size_t n, size_t *bad);
/* The encoding's name for people ("Windows-1252") and for iconv. */
const char *cdg_encoding_name(cdg_encoding e);
const char *cdg_encoding_iconv(cdg_encoding e);

/* Length of the typographic quote at s[0..n) (“ ” „ ‘ ’ ‚ « »), or 0. */
size_t cdg_utf8_curly_quote(const char *s, size_t n);
/* Length of the blank at s[0..n) (space, tab, no-break space U+00A0,
 * narrow no-break space U+202F), or 0: what French typography puts inside
 * guillemets. */
size_t cdg_utf8_blank(const char *s, size_t n);
/* Length of the blank that ends s[0..n), or 0. */
size_t cdg_utf8_blank_end(const char *s, size_t n);

#endif
