/* dump.h — regenerating the published offer from the resolved model:
 * the three tables of the document (forfaits × services, strata,
 * options) as TSV, CSV, Markdown or HTML, and the whole model as JSON.
 * Output is deterministic: declaration order everywhere. The formats are
 * described in docs/DUMP.md. */
#ifndef CDG_DUMP_H
#define CDG_DUMP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "api.h"
#include "arena.h"
#include "model.h"

/* A format: its index in the table of formats (dump.c). The constants
 * name the table's first entries for C callers; a format added at the end
 * of the table is reached by name without one. */
typedef unsigned cdg_dump_format;
enum { CDG_DUMP_MD, CDG_DUMP_CSV, CDG_DUMP_TSV, CDG_DUMP_HTML, CDG_DUMP_JSON };

/* A set of tables (bit mask). */
typedef enum {
    CDG_TABLE_FORFAITS = 1,   /* table 1: services × forfaits */
    CDG_TABLE_STRATES = 2,    /* table 2: quantities per stratum */
    CDG_TABLE_OPTIONS = 4,    /* table 3: options × forfaits */
    CDG_TABLE_TARIFS = 8,     /* the tariff: forfaits and options × strata (files with prices) */
    CDG_TABLE_ALL = 15
} cdg_dump_table;

/* A commune of the simulator's list (--communes): its name and measure. */
typedef struct cdg_dump_commune {
    const char *nom;
    int64_t mesure;
} cdg_dump_commune;

typedef struct cdg_dump_opts {
    cdg_dump_format format;
    cdg_dump_table tables;   /* JSON always holds the whole model */
    bool bom;                /* CSV: start with a UTF-8 byte order mark */
    /* js, simulateur: communes to pick by name (the category measured in
     * habitants); NULL when none. */
    const cdg_dump_commune *communes;
    size_t ncommunes;
} cdg_dump_opts;

/* The number of formats; formats are 0 .. count - 1, in the table's order. */
CDG_API unsigned cdg_dump_format_count(void);
/* A format's name ("tsv") and its one-line help, untranslated (N_). */
CDG_API const char *cdg_dump_format_name(cdg_dump_format f);
CDG_API const char *cdg_dump_format_help(cdg_dump_format f);
/* Parses a format name, in any case ("md", "MD"). */
CDG_API bool cdg_dump_format_parse(const char *name, cdg_dump_format *out);
/* The extension of a file name (".html"), or NULL when its base name has
 * none (a leading dot, as in ".offre", is not one). */
CDG_API const char *cdg_dump_extension(const char *path);
/* The format an extension asks for (".html", ".htm", ".md", ".csv", ".tsv",
 * ".json", in any case); false when none does. */
CDG_API bool cdg_dump_format_of_extension(const char *ext, cdg_dump_format *out);
/* Parses a table name ("forfaits", "strates", "options", "tarifs", "all"). */
CDG_API bool cdg_dump_table_parse(const char *name, cdg_dump_table *out);

/* Writes model m (free of errors) to out. Returns false when the stream
 * reports an error or memory ran out (ctl may be NULL). */
CDG_API bool cdg_dump(FILE *out, const cdg_model *m, const cdg_dump_opts *opts, cdg_memctl *ctl);

#endif
