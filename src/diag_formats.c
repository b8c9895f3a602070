/* diag_formats.c — diagnostics for CI: GitHub Actions workflow annotations
 * and SARIF 2.1.0 logs (code scanning, IDEs). The text and JSON printers
 * live in diag.c; all four print the same diagnostics in the same order. */
#include <string.h>

#include "diag.h"
#include "json.h"

/* Where a diagnostic starts and ends: 1-based line and column (characters);
 * the end column is exclusive, and at least one past the start. */
typedef struct region {
    unsigned line, col, eline, ecol;
} region;

static region region_of(const cdg_diag *g)
{
    region r;
    cdg_source_position(g->src, g->span.begin, &r.line, &r.col);
    if (g->span.end > g->span.begin) {
        cdg_source_position(g->src, g->span.end, &r.eline, &r.ecol);
    } else {
        r.eline = r.line;
        r.ecol = r.col + 1;
    }
    if (r.eline == r.line && r.ecol <= r.col)
        r.ecol = r.col + 1;
    return r;
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
static void github_one(FILE *out, const cdg_diag *g)
{
    region r = region_of(g);
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
    for (size_t i = 0; i < d->len; i++)
        for (const cdg_diag *g = d->items[i]; g; g = g->note)
            github_one(out, g);
}

void cdg_sarif_begin(FILE *out, const char *tool_version)
{
    fputs("{\n"
          "  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n"
          "  \"version\": \"2.1.0\",\n"
          "  \"runs\": [\n"
          "    {\n"
          "      \"tool\": {\"driver\": {\"name\": \"cdgrules\", \"version\": ", out);
    cdg_json_string(out, tool_version);
    fputs("}},\n"
          "      \"columnKind\": \"unicodeCodePoints\",\n"
          "      \"results\": [", out);
}

/* The file name as a URI reference (RFC 3986): unreserved characters and
 * '/' are kept, every other byte is percent-encoded; absolute paths become
 * file:// URIs. */
static void sarif_uri(FILE *out, const char *path)
{
    static const char unreserved[] = "-._~/";
    putc('"', out);
    if (path[0] == '/')
        fputs("file://", out);
    for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
            strchr(unreserved, *p))
            putc(*p, out);
        else
            fprintf(out, "%%%02X", *p);
    }
    putc('"', out);
}

/* The "physicalLocation" member of a location (the caller adds braces). */
static void sarif_location(FILE *out, const cdg_diag *g)
{
    region r = region_of(g);
    fputs("\"physicalLocation\": {\"artifactLocation\": {\"uri\": ", out);
    sarif_uri(out, g->src->name);
    fprintf(out, "}, \"region\": {\"startLine\": %u, \"startColumn\": %u", r.line, r.col);
    if (r.eline != r.line)
        fprintf(out, ", \"endLine\": %u", r.eline);
    fprintf(out, ", \"endColumn\": %u}}", r.ecol);
}

void cdg_diags_print_sarif(FILE *out, const cdg_diags *d, bool *first)
{
    for (size_t i = 0; i < d->len; i++) {
        const cdg_diag *g = d->items[i];
        fputs(*first ? "\n        {" : ",\n        {", out);
        *first = false;
        fprintf(out, "\"level\": \"%s\", \"message\": {\"text\": ", cdg_severity_name(g->severity));
        cdg_json_string(out, g->message);
        fputs("},\n         \"locations\": [{", out);
        sarif_location(out, g);
        fputs("}]", out);
        if (g->note) {
            fputs(",\n         \"relatedLocations\": [", out);
            unsigned id = 0;
            for (const cdg_diag *n = g->note; n; n = n->note, id++) {
                fprintf(out, "%s\n           {\"id\": %u, \"message\": {\"text\": ", id ? "," : "", id);
                cdg_json_string(out, n->message);
                fputs("}, ", out);
                sarif_location(out, n);
                fputs("}", out);
            }
            fputs("]", out);
        }
        putc('}', out);
    }
}

void cdg_sarif_end(FILE *out, bool execution_ok, bool first)
{
    fprintf(out, "%s],\n"
                 "      \"invocations\": [{\"executionSuccessful\": %s}]\n"
                 "    }\n"
                 "  ]\n"
                 "}\n",
            first ? "" : "\n      ", execution_ok ? "true" : "false");
}
