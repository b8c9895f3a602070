/* diag_formats.c — the table of diagnostics formats (diag_format.h) and
 * the machine formats: a JSON array, GitHub Actions workflow annotations
 * and SARIF 2.1.0 logs (code scanning, IDEs). The text format lives in
 * diag.c; all four print the same diagnostics in the same order. JSON is
 * written by the project's writer (json.h) only. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "diag_format.h"
#include "diag.h"
#include "json.h"
#include "nls.h"

/* Where a diagnostic starts and ends: 1-based line and column (characters);
 * the end column is exclusive, and at least one past the start. */
typedef struct region {
    unsigned line, col, eline, ecol;
} region;

static region region_of(cdg_diag_cursor *at, const cdg_diag *g)
{
    region r;
    cdg_diag_position(at, g->src, g->span.begin, &r.line, &r.col);
    if (g->span.end > g->span.begin) {
        cdg_diag_position(at, g->src, g->span.end, &r.eline, &r.ecol);
    } else {
        r.eline = r.line;
        r.ecol = r.col + 1;
    }
    if (r.eline == r.line && r.ecol <= r.col)
        r.ecol = r.col + 1;
    return r;
}

/* One diagnostic as a compact object: file, line, column, end column,
 * severity, message. */
static void json_one(cdg_json *w, cdg_diag_cursor *at, const cdg_diag *g)
{
    unsigned line, col, eline, ecol;
    cdg_diag_position(at, g->src, g->span.begin, &line, &col);
    cdg_diag_position(at, g->src, g->span.end > g->span.begin ? g->span.end : g->span.begin + 1,
                      &eline, &ecol);
    if (eline != line)
        ecol = col + 1;
    cdg_json_begin_object(w, CDG_JSON_INLINE);
    cdg_json_key_str(w, "file", g->src->name);
    cdg_json_key_int(w, "line", line);
    cdg_json_key_int(w, "column", col);
    cdg_json_key_int(w, "end_column", ecol);
    cdg_json_key_str(w, "severity", cdg_severity_name(g->severity));
    cdg_json_key_str(w, "message", g->message);
    cdg_json_end(w);
}

/* json: one array of every file's diagnostics, one object per line. */
static void json_begin(cdg_diag_run *run)
{
    cdg_json_init(&run->json, run->out, CDG_JSON_COMPACT);
    cdg_json_begin_array(&run->json, CDG_JSON_LINES_OPEN);
}

/* The diagnostics and their notes, each an element of the array. */
static void json_file(cdg_diag_run *run, const cdg_diags *d)
{
    cdg_diag_cursor at = {0};
    for (size_t i = 0; i < d->len; i++)
        for (const cdg_diag *g = d->items[i]; g; g = g->note)
            json_one(&run->json, &at, g);
}

static void json_end(cdg_diag_run *run, bool ok)
{
    (void)ok;
    cdg_json_end(&run->json);
}

/* GitHub's escaping of workflow command text: '%', CR and LF always, and
 * ':' and ',' inside property values, which they would otherwise end. */
static void github_escape(FILE *out, const char *s, bool property)
{
    for (; *s; s++) {
        switch (*s) {
        case '%': fputs("%25", out); break;
        case '\r': fputs("%0D", out); break;
        case '\n': fputs("%0A", out); break;
        case ':': fputs(property ? "%3A" : ":", out); break;
        case ',': fputs(property ? "%2C" : ",", out); break;
        default: putc(*s, out);
        }
    }
}

static const char *github_level(cdg_severity s)
{
    switch (s) {
    case CDG_ERROR: return "error";
    case CDG_WARNING: return "warning";
    case CDG_NOTE: return "notice";
    }
    return "error";
}

/* One annotation line: ::error file=F,line=L,col=C,endColumn=E::message */
static void github_one(FILE *out, cdg_diag_cursor *at, const cdg_diag *g)
{
    region r = region_of(at, g);
    fprintf(out, "::%s file=", github_level(g->severity));
    github_escape(out, g->src->name, true);
    fprintf(out, ",line=%u,col=%u", r.line, r.col);
    if (r.eline == r.line)
        fprintf(out, ",endColumn=%u", r.ecol);
    else
        fprintf(out, ",endLine=%u", r.eline);
    fputs("::", out);
    github_escape(out, g->message, false);
    putc('\n', out);
}

void cdg_diags_print_github(FILE *out, const cdg_diags *d)
{
    cdg_diag_cursor at = {0};
    for (size_t i = 0; i < d->len; i++)
        for (const cdg_diag *g = d->items[i]; g; g = g->note)
            github_one(out, &at, g);
}

/* github: independent lines, nothing around them. */
static void github_begin(cdg_diag_run *run)
{
    (void)run;
}

static void github_file(cdg_diag_run *run, const cdg_diags *d)
{
    cdg_diags_print_github(run->out, d);
}

static void github_end(cdg_diag_run *run, bool ok)
{
    (void)run;
    (void)ok;
}

/* sarif: a log with one run, opened up to its "results" array, which
 * every file's diagnostics then extend. */
static void sarif_begin(cdg_diag_run *run)
{
    cdg_json *w = &run->json;
    cdg_json_init(w, run->out, CDG_JSON_PRETTY);
    cdg_json_begin_object(w, CDG_JSON_LINES);
    cdg_json_key_str(w, "$schema", "https://json.schemastore.org/sarif-2.1.0.json");
    cdg_json_key_str(w, "version", "2.1.0");
    cdg_json_key(w, "runs");
    cdg_json_begin_array(w, CDG_JSON_LINES);
    cdg_json_begin_object(w, CDG_JSON_LINES);
    cdg_json_key(w, "tool");
    cdg_json_begin_object(w, CDG_JSON_INLINE);
    cdg_json_key(w, "driver");
    cdg_json_begin_object(w, CDG_JSON_INLINE);
    cdg_json_key_str(w, "name", "cdgrules");
    cdg_json_key_str(w, "version", run->tool_version);
    cdg_json_end(w);
    cdg_json_end(w);
    cdg_json_key_str(w, "columnKind", "unicodeCodePoints");
    cdg_json_key(w, "results");
    cdg_json_begin_array(w, CDG_JSON_LINES);
}

/* The file name as a URI reference (RFC 3986): unreserved characters and
 * '/' are kept, every other byte is percent-encoded; absolute paths become
 * file:// URIs. Written as a JSON string (it needs no escaping). */
static void sarif_uri(cdg_json *w, const char *path)
{
    static const char unreserved[] = "-._~/";
    size_t n = strlen(path);
    char *uri = malloc(sizeof "file://" + 3 * n);
    if (!uri) {
        cdg_json_str(w, "");
        return;
    }
    size_t len = 0;
    if (path[0] == '/')
        len += (size_t)sprintf(uri, "file://");
    for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
            strchr(unreserved, *p))
            uri[len++] = (char)*p;
        else
            len += (size_t)sprintf(uri + len, "%%%02X", *p);
    }
    uri[len] = '\0';
    cdg_json_str(w, uri);
    free(uri);
}

/* The "physicalLocation" member of a location (the caller opens and
 * closes the location object). */
static void sarif_location(cdg_json *w, cdg_diag_cursor *at, const cdg_diag *g)
{
    region r = region_of(at, g);
    cdg_json_key(w, "physicalLocation");
    cdg_json_begin_object(w, CDG_JSON_INLINE);
    cdg_json_key(w, "artifactLocation");
    cdg_json_begin_object(w, CDG_JSON_INLINE);
    cdg_json_key(w, "uri");
    sarif_uri(w, g->src->name);
    cdg_json_end(w);
    cdg_json_key(w, "region");
    cdg_json_begin_object(w, CDG_JSON_INLINE);
    cdg_json_key_int(w, "startLine", r.line);
    cdg_json_key_int(w, "startColumn", r.col);
    if (r.eline != r.line)
        cdg_json_key_int(w, "endLine", r.eline);
    cdg_json_key_int(w, "endColumn", r.ecol);
    cdg_json_end(w);
    cdg_json_end(w);
}

/* {"text": message} */
static void sarif_message(cdg_json *w, const char *text)
{
    cdg_json_key(w, "message");
    cdg_json_begin_object(w, CDG_JSON_INLINE);
    cdg_json_key_str(w, "text", text);
    cdg_json_end(w);
}

/* One result per diagnostic; its notes become related locations. */
static void sarif_file(cdg_diag_run *run, const cdg_diags *d)
{
    cdg_json *w = &run->json;
    cdg_diag_cursor at = {0};
    for (size_t i = 0; i < d->len; i++) {
        const cdg_diag *g = d->items[i];
        /* Locations on their own lines, one column right of the brace. */
        cdg_json_begin_object(w, CDG_JSON_INLINE_AT(9));
        cdg_json_key_str(w, "level", cdg_severity_name(g->severity));
        sarif_message(w, g->message);
        cdg_json_break(w);
        cdg_json_key(w, "locations");
        cdg_json_begin_array(w, CDG_JSON_INLINE);
        cdg_json_begin_object(w, CDG_JSON_INLINE);
        sarif_location(w, &at, g);
        cdg_json_end(w);
        cdg_json_end(w);
        if (g->note) {
            cdg_json_break(w);
            cdg_json_key(w, "relatedLocations");
            cdg_json_begin_array(w, CDG_JSON_LIST_AT(11));
            unsigned id = 0;
            for (const cdg_diag *n = g->note; n; n = n->note, id++) {
                cdg_json_begin_object(w, CDG_JSON_INLINE);
                cdg_json_key_int(w, "id", id);
                sarif_message(w, n->message);
                sarif_location(w, &at, n);
                cdg_json_end(w);
            }
            cdg_json_end(w);
        }
        cdg_json_end(w);
    }
}

/* Closes the results, then says whether every file could be read. */
static void sarif_end(cdg_diag_run *run, bool ok)
{
    cdg_json *w = &run->json;
    cdg_json_end(w);   /* results */
    cdg_json_key(w, "invocations");
    cdg_json_begin_array(w, CDG_JSON_INLINE);
    cdg_json_begin_object(w, CDG_JSON_INLINE);
    cdg_json_key_bool(w, "executionSuccessful", ok);
    cdg_json_end(w);
    cdg_json_end(w);
    cdg_json_end(w);   /* the run */
    cdg_json_end(w);   /* runs */
    cdg_json_end(w);   /* the log */
}

/* The table: adding a format is its three functions and one line here.
 * The first is the default. The help follows the name in `cdgrules test
 * --help`: "github (annotations on stdout)". `test` has never offered
 * json: offering it is ALL on its line (and a new usage_unknown_format
 * golden case, which uses json as the unknown name). */
#define ALL (CDG_DIAG_CHECK | CDG_DIAG_TEST)
static const cdg_diag_format formats[] = {
    {"text", N_("for people, on stderr"), CDG_DIAG_STDERR, ALL, cdg_diag_text_begin, cdg_diag_text_file, cdg_diag_text_end},
    {"json", N_("a JSON array on stdout"), CDG_DIAG_DOCUMENT, CDG_DIAG_CHECK, json_begin, json_file, json_end},
    {"github", N_("annotations on stdout"), CDG_DIAG_LINES, ALL, github_begin, github_file, github_end},
    {"sarif", N_("a SARIF 2.1.0 log on stdout"), CDG_DIAG_DOCUMENT, ALL, sarif_begin, sarif_file, sarif_end},
};
#undef ALL

size_t cdg_diag_format_count(void)
{
    return sizeof formats / sizeof formats[0];
}

const cdg_diag_format *cdg_diag_format_at(size_t i)
{
    return i < cdg_diag_format_count() ? &formats[i] : NULL;
}

const cdg_diag_format *cdg_diag_format_find(const char *name, unsigned command)
{
    for (size_t i = 0; i < cdg_diag_format_count(); i++)
        if ((formats[i].commands & command) && strcasecmp(name, formats[i].name) == 0)
            return &formats[i];
    return NULL;
}
