/* dump.h — regenerating the published offer from the resolved model:
 * the three tables of the document (forfaits × services, strata,
 * options) as TSV, CSV, Markdown or HTML, and the whole model as JSON.
 * Output is deterministic: declaration order everywhere. The formats are
 * described in docs/DUMP.md. */
#ifndef CDG_DUMP_H
#define CDG_DUMP_H

#include <stdbool.h>
#include <stdio.h>

#include "api.h"
#include "arena.h"
#include "model.h"

typedef enum {
    CDG_DUMP_TSV, CDG_DUMP_CSV, CDG_DUMP_MD, CDG_DUMP_HTML, CDG_DUMP_JSON
} cdg_dump_format;

/* A set of tables (bit mask). */
typedef enum {
    CDG_TABLE_FORFAITS = 1,   /* table 1: services × forfaits */
    CDG_TABLE_STRATES = 2,    /* table 2: quantities per stratum */
    CDG_TABLE_OPTIONS = 4,    /* table 3: options × forfaits */
    CDG_TABLE_ALL = 7
} cdg_dump_table;

typedef struct cdg_dump_opts {
    cdg_dump_format format;
    cdg_dump_table tables;   /* JSON always holds the whole model */
    bool bom;                /* CSV: start with a UTF-8 byte order mark */
} cdg_dump_opts;

/* Parses a format name ("md", "csv", "tsv", "html", "json"). */
CDG_API bool cdg_dump_format_parse(const char *name, cdg_dump_format *out);
/* Parses a table name ("forfaits", "strates", "options", "all"). */
CDG_API bool cdg_dump_table_parse(const char *name, cdg_dump_table *out);

/* Writes model m (free of errors) to out. Returns false when the stream
 * reports an error or memory ran out (ctl may be NULL). */
CDG_API bool cdg_dump(FILE *out, const cdg_model *m, const cdg_dump_opts *opts, cdg_memctl *ctl);

#endif
