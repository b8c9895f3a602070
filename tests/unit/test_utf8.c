/* test_utf8.c — UTF-8 validation at every boundary of RFC 3629, the
 * display width of wide and zero-width characters, and folding. */
#include "helpers.h"
#include "lib_extras.h"
#include "utf8.h"

static size_t vlen(const char *s, size_t n) { return cdg_utf8_valid_len((const unsigned char *)s, n); }

Test(utf8, valid_len_at_every_boundary)
{
    cr_assert_eq(vlen("", 0), 0);
    cr_assert_eq(vlen("a", 1), 1);
    cr_assert_eq(vlen("\xC2\x80", 2), 2);             /* U+0080 */
    cr_assert_eq(vlen("\xC1\xBF", 2), 0);             /* overlong */
    cr_assert_eq(vlen("\xC2\x7F", 2), 0);             /* bad continuation */
    cr_assert_eq(vlen("\xE0\xA0\x80", 3), 3);         /* U+0800 */
    cr_assert_eq(vlen("\xE0\x9F\xBF", 3), 0);         /* overlong */
    cr_assert_eq(vlen("\xED\x9F\xBF", 3), 3);         /* U+D7FF */
    cr_assert_eq(vlen("\xED\xA0\x80", 3), 0);         /* surrogate */
    cr_assert_eq(vlen("\xE2\x82", 2), 0);             /* truncated */
    cr_assert_eq(vlen("\xE2\x82\x41", 3), 0);         /* ASCII as third byte */
    cr_assert_eq(vlen("\xE2\x82\xC0", 3), 0);         /* lead byte as third byte */
    cr_assert_eq(vlen("\xF0\x90\x80\x80", 4), 4);     /* U+10000 */
    cr_assert_eq(vlen("\xF0\x8F\xBF\xBF", 4), 0);     /* overlong */
    cr_assert_eq(vlen("\xF4\x8F\xBF\xBF", 4), 4);     /* U+10FFFF */
    cr_assert_eq(vlen("\xF4\x90\x80\x80", 4), 0);     /* above U+10FFFF */
    cr_assert_eq(vlen("\xF3\xBF\xBF\xBF", 4), 4);
    cr_assert_eq(vlen("\xF5\x80\x80\x80", 4), 0);     /* no such lead byte */
    cr_assert_eq(vlen("\x80", 1), 0);                 /* lone continuation */
}

Test(utf8, first_invalid)
{
    cr_assert_eq(cdg_utf8_first_invalid("", 0), 0);
    cr_assert_eq(cdg_utf8_first_invalid("abc", 3), 3);
    cr_assert_eq(cdg_utf8_first_invalid("h\xC3\xA9" "t\xF0\x9F\x98\x80", 8), 8);
    cr_assert_eq(cdg_utf8_first_invalid("h\xC3\xA9t\xC3", 5), 4);
    cr_assert_eq(cdg_utf8_first_invalid("ab\xFF" "cd", 5), 2);
}

/* The ASCII runs are skipped eight bytes at a time: a bad byte, or a
 * sequence cut by the end of the text, is found at every offset. */
Test(utf8, first_invalid_at_every_offset)
{
    char t[40];
    for (size_t at = 0; at < 30; at++) {
        memset(t, 'a', sizeof t);
        t[at] = (char)0xFF;
        cr_assert_eq(cdg_utf8_first_invalid(t, sizeof t), at, "0xFF at %zu", at);
        memcpy(t + at, "\xC3\xA9", 2);
        cr_assert_eq(cdg_utf8_first_invalid(t, sizeof t), sizeof t, "é at %zu", at);
        cr_assert_eq(cdg_utf8_first_invalid(t, at + 1), at, "é cut at %zu", at);
    }
}

Test(utf8, decode_every_length)
{
    const char *s = "a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80";
    cr_assert_eq(cdg_utf8_decode(&s), 0x61);
    cr_assert_eq(cdg_utf8_decode(&s), 0xE9);
    cr_assert_eq(cdg_utf8_decode(&s), 0x20AC);
    cr_assert_eq(cdg_utf8_decode(&s), 0x1F600);
    cr_assert_eq(*s, '\0');
}

#define W(lit) cdg_utf8_width(lit, sizeof lit - 1)

Test(utf8, display_width)
{
    cr_assert_eq(W("abc"), 3);
    cr_assert_eq(W("e\xCC\x81"), 1);                  /* e + combining acute */
    cr_assert_eq(W("a\xE2\x80\x8B" "b"), 2);          /* zero-width space */
    cr_assert_eq(W("\xE2\x9D\xA4\xEF\xB8\x8F"), 1);   /* heart + VS16 */
    cr_assert_eq(W("\xE1\x84\x80"), 2);               /* Hangul Jamo U+1100 */
    cr_assert_eq(W("\xE6\x97\xA5\xE6\x9C\xAC"), 4);   /* CJK */
    cr_assert_eq(W("\xEA\xB0\x80"), 2);               /* Hangul syllable U+AC00 */
    cr_assert_eq(W("\xEF\xA4\x80"), 2);               /* CJK compatibility U+F900 */
    cr_assert_eq(W("\xEF\xB8\xB0"), 2);               /* CJK compatibility form U+FE30 */
    cr_assert_eq(W("\xEF\xBC\xA1"), 2);               /* fullwidth A U+FF21 */
    cr_assert_eq(W("\xEF\xBF\xA0"), 2);               /* fullwidth cent U+FFE0 */
    cr_assert_eq(W("\xF0\x9F\x98\x80"), 2);           /* emoji U+1F600 */
    cr_assert_eq(W("\xF0\xA0\x80\x80"), 2);           /* CJK Extension B U+20000 */
    cr_assert_eq(W("\xF0\x90\x80\x80"), 1);           /* Linear B U+10000 */
    cr_assert_eq(W("\xEF\xBF\xBD"), 1);               /* U+FFFD */
    cr_assert_eq(W("a\xFF" "b"), 3);                  /* an invalid byte counts one */
    cr_assert_eq(cdg_utf8_width("a\0b", 3), 2);       /* NUL is zero-width */
}

Test(utf8, fold)
{
    char out[64];
    cr_assert_eq(cdg_utf8_fold("x", out, 0), 0);
    cr_assert_eq(cdg_utf8_fold("Forfait H\xC3\xA9" "berg\xC3\xA9", out, sizeof out), 15);
    cr_assert_str_eq(out, "forfait heberge");
    cr_assert_eq(cdg_utf8_fold("\xC5\x92uvre \xE2\x82\xAC \xFF!", out, sizeof out), 9);
    cr_assert_str_eq(out, "oeuvre  !");
    cr_assert_eq(cdg_utf8_fold("\xC3\xA6", out, 2), 1);   /* "ae" cut to the room left */
    cr_assert_str_eq(out, "a");
    cr_assert_eq(cdg_utf8_fold("abc", out, 3), 2);
    cr_assert_str_eq(out, "ab");
}

Test(cov_utf8, the_encoding_of_a_text_that_is_not_utf8_is_guessed)
{
    size_t bad;
    cr_assert_eq(cdg_utf8_guess("caf\xC3\xA9", 5, &bad), CDG_ENC_UTF8);
    cr_assert_eq(bad, 5);
    cr_assert_eq(cdg_utf8_guess("caf\xE9", 4, &bad), CDG_ENC_LATIN1);
    cr_assert_eq(bad, 3);
    cr_assert_eq(cdg_utf8_guess("l\x92\xE9t\xE9", 5, &bad), CDG_ENC_WINDOWS1252, "0x92: a curly apostrophe");
    cr_assert_eq(cdg_utf8_guess("\x8E\x8E\xE9", 3, &bad), CDG_ENC_MACROMAN, "letters in 0x80-0x9F");
    cr_assert_eq(cdg_utf8_guess("\xC3\xA9 \xE9", 4, &bad), CDG_ENC_UTF8, "UTF-8 with a stray byte");
    cr_assert_eq(bad, 3);
    cr_assert_eq(cdg_utf8_guess("\xEF\xBB\xBF\xE9", 4, &bad), CDG_ENC_LATIN1, "a BOM is not UTF-8 text");
    cr_assert_eq(cdg_utf8_guess("\xFF\xFEo\0k\0", 6, &bad), CDG_ENC_UTF16LE);
    cr_assert_eq(bad, 0);
    cr_assert_eq(cdg_utf8_guess("\0o\0k\0!", 6, &bad), CDG_ENC_UTF16BE);
    cr_assert_eq(bad, 0);
    cr_assert_eq(cdg_utf8_guess("a\0b", 3, &bad), CDG_ENC_UTF8, "one NUL is not UTF-16");
    cr_assert_str_eq(cdg_encoding_iconv(CDG_ENC_WINDOWS1252), "WINDOWS-1252");
}

Test(cov_utf8, curly_quotes_and_blanks_are_measured)
{
    cr_assert_eq(cdg_utf8_curly_quote("\xE2\x80\x9Cx", 4), 3);
    cr_assert_eq(cdg_utf8_curly_quote("\xC2\xAB", 2), 2);
    cr_assert_eq(cdg_utf8_curly_quote("\xE2\x80\x9B", 3), 0, "U+201B is not one");
    cr_assert_eq(cdg_utf8_curly_quote("\"", 1), 0);
    cr_assert_eq(cdg_utf8_blank("\xC2\xA0x", 3), 2);
    cr_assert_eq(cdg_utf8_blank("\xE2\x80\xAF", 3), 3);
    cr_assert_eq(cdg_utf8_blank_end("x\xC2\xA0", 3), 2);
    cr_assert_eq(cdg_utf8_blank_end("x", 1), 0);
}
