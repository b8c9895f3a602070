/* test_limits.c — every documented limit of the front end and the
 * checker, exercised just below and just above it: the input below is
 * accepted, the input above gets one clear, located error. */
#include "helpers.h"

#include <unistd.h>

#include "parse.h"

/* A malloc'd text built by the test; freed by the caller. */
static char *repeat(const char *head, const char *unit, size_t n, const char *tail)
{
    size_t hl = strlen(head), ul = strlen(unit), tl = strlen(tail);
    char *s = malloc(hl + ul * n + tl + 1);
    cr_assert_not_null(s);
    memcpy(s, head, hl);
    for (size_t i = 0; i < n; i++)
        memcpy(s + hl + i * ul, unit, ul);
    memcpy(s + hl + ul * n, tail, tl + 1);
    return s;
}

/* Loads text (any status) and reports whether some diagnostic contains
 * needle. */
static int loads_with(const char *text, size_t len, const char *needle)
{
    cdg_unit *u = NULL;
    cdg_load_status st = cdg_unit_load_buffer("limits.cdg", text, len, NULL, &u);
    cr_assert_eq(st, CDG_LOAD_OK);
    int found = has_diag(u, CDG_ERROR, needle) || has_diag(u, CDG_NOTE, needle);
    cdg_unit_free(u);
    return found;
}

/* `offre t "T" < k < k < … > > >` with depth '<' blocks. */
static char *nested(size_t depth)
{
    char *opens = repeat("offre t \"T\" <", " k <", depth - 1, "");
    char *all = repeat(opens, ">", depth, "\n");
    free(opens);
    return all;
}

Test(limits, nesting_at_the_limit_is_accepted)
{
    char *s = nested(CDG_MAX_DEPTH);
    cr_assert(!loads_with(s, strlen(s), "nested too deeply"));
    free(s);
}

Test(limits, nesting_beyond_the_limit_is_an_error)
{
    char *s = nested(CDG_MAX_DEPTH + 1);
    cr_assert(loads_with(s, strlen(s), "blocks nested too deeply (at most 32 levels)"));
    free(s);
}

Test(limits, a_million_open_blocks_stop_at_the_limit)
{
    char *s = repeat("offre t \"T\" ", "<", 1000000, "");
    cdg_unit *u = NULL;
    cr_assert_eq(cdg_unit_load_buffer("deep.cdg", s, strlen(s), NULL, &u), CDG_LOAD_OK);
    cr_assert(has_diag(u, CDG_ERROR, "nested too deeply"));
    cr_assert_leq(u->diags.errors, 2, "%zu errors", (size_t)u->diags.errors);
    cdg_unit_free(u);
    free(s);
}

/* `categorie ID "C";` with an identifier of n letters. */
static int ident_error(size_t n)
{
    char *s = repeat("categorie ", "a", n, " \"C\";\n");
    int r = loads_with(s, strlen(s), "identifier too long");
    free(s);
    return r;
}

Test(limits, identifier_length)
{
    cr_assert(!ident_error(CDG_MAX_IDENT));
    cr_assert(ident_error(CDG_MAX_IDENT + 1));
    cr_assert(ident_error(1000000));
}

/* `categorie c "…";` with a label of n bytes. */
static int string_error(size_t n, const char *unit)
{
    char *s = repeat("categorie c \"", unit, n, "\";\n");
    int r = loads_with(s, strlen(s), "string too long");
    free(s);
    return r;
}

Test(limits, string_length)
{
    cr_assert(!string_error(CDG_MAX_STRING, "x"));
    cr_assert(string_error(CDG_MAX_STRING + 1, "x"));
    cr_assert(!string_error(CDG_MAX_STRING / 2, "\xc3\xa9"));
    cr_assert(string_error(CDG_MAX_STRING / 2 + 1, "\xc3\xa9"));
    cr_assert(string_error(2000000, "x"));
}

Test(limits, integer_size)
{
    const char *ok = "strate s \"S\" < c: 9007199254740991..; >\n";
    const char *big = "strate s \"S\" < c: 9007199254740992..; >\n";
    const char *huge = "strate s \"S\" < c: 99999999999999999999999999999999999999; >\n";
    cr_assert(!loads_with(ok, strlen(ok), "too large"));
    cr_assert(loads_with(big, strlen(big), "number '9007199254740992..' is too large"));
    cr_assert(loads_with(huge, strlen(huge), "is too large"));
}

/* n lines each holding one stray character. */
static cdg_unit *stray(size_t n)
{
    char *s = repeat("", "@\n", n, "");
    cdg_unit *u = NULL;
    cr_assert_eq(cdg_unit_load_buffer("stray.cdg", s, strlen(s), NULL, &u), CDG_LOAD_OK);
    free(s);
    return u;
}

Test(limits, syntax_errors_are_capped)
{
    cdg_unit *u = stray(CDG_MAX_SYNTAX_ERRORS);
    cr_assert_eq(u->diags.errors, CDG_MAX_SYNTAX_ERRORS);
    cr_assert(!has_diag(u, CDG_NOTE, "giving up"));
    cdg_unit_free(u);
    u = stray(CDG_MAX_SYNTAX_ERRORS + 1);
    cr_assert_eq(u->diags.errors, CDG_MAX_SYNTAX_ERRORS);
    cr_assert(has_diag(u, CDG_NOTE, "too many errors (20); giving up on this file"));
    cdg_unit_free(u);
    u = stray(1000000);
    cr_assert_eq(u->diags.errors, CDG_MAX_SYNTAX_ERRORS);
    cdg_unit_free(u);
}

/* A chain of n forfaits, each the base of the previous one, declared so
 * that the checker must follow the whole chain at once. */
static int base_chain_error(unsigned n)
{
    cdg_buf b;
    cdg_arena *a = cdg_arena_new(NULL);
    cdg_buf_init(&b, a);
    cdg_buf_puts(&b, MINI_HEAD);
    for (unsigned i = n - 1; i > 0; i--)
        cdg_buf_printf(&b, "forfait F%u \"F%u\" < base: F%u; >\n", i, i, i - 1);
    cdg_buf_puts(&b, "forfait F0 \"F0\" < sauvegarde: selon_strate; parapheur: inclus; >\n");
    int r = loads_with(b.data, b.len, "chain of 'base:' too long (at most 64 forfaits)");
    cdg_arena_free(a);
    return r;
}

Test(limits, base_chain_length)
{
    cr_assert(!base_chain_error(64));
    cr_assert(base_chain_error(65));
    cr_assert(base_chain_error(5000));
}

Test(limits, buffer_over_one_gib_is_refused_unread)
{
    static const char byte = ' ';
    cdg_unit *u = NULL;
    /* The length is refused before any byte is read. */
    cr_assert_eq(cdg_unit_load_buffer("big.cdg", &byte, CDG_SOURCE_MAX + 1, NULL, &u), CDG_LOAD_IO);
    cr_assert_str_eq(u->io_message, "big.cdg: file too large (more than 1 GiB)");
    cdg_unit_free(u);
}

Test(limits, sparse_file_over_one_gib_is_refused_unread)
{
    char path[] = "/tmp/cdg-big-XXXXXX";
    int fd = mkstemp(path);
    cr_assert_geq(fd, 0);
    cr_assert_eq(ftruncate(fd, (off_t)CDG_SOURCE_MAX + 1), 0);
    close(fd);
    cdg_unit *u = NULL;
    cdg_load_status st = cdg_unit_load(path, NULL, &u);
    unlink(path);
    cr_assert_eq(st, CDG_LOAD_IO);
    cr_assert(strstr(u->io_message, "file too large"));
    cdg_unit_free(u);
}

Test(limits, nul_bytes_and_invalid_utf8_are_located)
{
    static const char text[] = "categorie c \"C\"; # \xc3\xa9\n\0 \xff \xc3\x28\n";
    cdg_unit *u = NULL;
    cr_assert_eq(cdg_unit_load_buffer("bytes.cdg", text, sizeof text - 1, NULL, &u), CDG_LOAD_OK);
    cr_assert(has_diag(u, CDG_ERROR, "NUL byte in the source"));
    cr_assert(has_diag(u, CDG_ERROR, "invalid UTF-8 byte 0xff"));
    cr_assert(has_diag(u, CDG_ERROR, "invalid UTF-8 byte 0xc3"));
    for (size_t i = 0; i < u->diags.len; i++) {
        unsigned line, col;
        cdg_source_position(u->src, u->diags.items[i]->span.begin, &line, &col);
        cr_assert_eq(line, 2);
    }
    cdg_unit_free(u);
}
