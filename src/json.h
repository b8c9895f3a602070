/* json.h — one small JSON writer for every JSON output: it keeps the
 * nesting, puts the commas, escapes strings and lays containers out (on one
 * line, or one element per line at an indentation). No state outside the
 * writer struct. */
#ifndef CDG_JSON_H
#define CDG_JSON_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

/* How a container's elements are laid out. */
typedef enum {
    CDG_JSON_K_INLINE,      /* {"a": 1, "b": 2} */
    CDG_JSON_K_LINES,       /* one element per line, closing bracket on its own line; empty: {} */
    CDG_JSON_K_LINES_OPEN,  /* the same, but empty is "[\n]" */
    CDG_JSON_K_LIST         /* one element per line, closing bracket right after the last */
} cdg_json_kind;

typedef struct cdg_json_layout {
    cdg_json_kind kind;
    int indent;             /* columns of the element lines (and of the lines that
                               cdg_json_break starts); -1: 2 × nesting depth */
} cdg_json_layout;

#define CDG_JSON_INLINE ((cdg_json_layout){CDG_JSON_K_INLINE, 0})
#define CDG_JSON_LINES ((cdg_json_layout){CDG_JSON_K_LINES, -1})
#define CDG_JSON_LINES_AT(n) ((cdg_json_layout){CDG_JSON_K_LINES, (n)})
#define CDG_JSON_LINES_OPEN ((cdg_json_layout){CDG_JSON_K_LINES_OPEN, -1})
#define CDG_JSON_LIST_AT(n) ((cdg_json_layout){CDG_JSON_K_LIST, (n)})
#define CDG_JSON_INLINE_AT(n) ((cdg_json_layout){CDG_JSON_K_INLINE, (n)})

#define CDG_JSON_MAX_DEPTH 16

/* Separators of one-line containers: ", " and ": " (pretty) or "," and
 * ":" (compact). */
typedef enum { CDG_JSON_PRETTY, CDG_JSON_COMPACT } cdg_json_style;

typedef struct cdg_json {
    FILE *out;
    cdg_json_style style;
    unsigned depth;
    bool after_key;         /* a key was written: the next value is its value */
    struct {
        cdg_json_layout layout;
        unsigned count;     /* elements written so far */
        bool line_break;    /* the next element starts a new line */
        char close;         /* '}' or ']' */
    } frame[CDG_JSON_MAX_DEPTH];
} cdg_json;

/* Starts a writer on out; a newline follows the top-level value. */
void cdg_json_init(cdg_json *w, FILE *out, cdg_json_style style);

void cdg_json_begin_object(cdg_json *w, cdg_json_layout layout);
void cdg_json_begin_array(cdg_json *w, cdg_json_layout layout);
/* Closes the innermost object or array. */
void cdg_json_end(cdg_json *w);
/* In a one-line container, starts the next element on a new line at the
 * container's indentation (a long object broken in a few lines). */
void cdg_json_break(cdg_json *w);

/* A member's key; the next value written is its value. */
void cdg_json_key(cdg_json *w, const char *key);
/* A string, escaped; NULL writes null. */
void cdg_json_str(cdg_json *w, const char *s);
void cdg_json_int(cdg_json *w, int64_t n);
/* The exact decimal v / 10^decimals, without trailing zeros ("1.25"). */
void cdg_json_decimal(cdg_json *w, int64_t v, unsigned decimals);
void cdg_json_bool(cdg_json *w, bool b);
void cdg_json_null(cdg_json *w);

/* Shorthands for a member: key then value. */
void cdg_json_key_str(cdg_json *w, const char *key, const char *s);
void cdg_json_key_int(cdg_json *w, const char *key, int64_t n);
void cdg_json_key_bool(cdg_json *w, const char *key, bool b);

#endif
