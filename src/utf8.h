/* utf8.h — the little UTF-8 the project needs: validation, counting,
 * display width, and folding for case- and accent-blind comparison. */
#ifndef CDG_UTF8_H
#define CDG_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* Length of the valid UTF-8 sequence at s (at most n bytes), or 0. */
size_t cdg_utf8_valid_len(const unsigned char *s, size_t n);
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

#endif
