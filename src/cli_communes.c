/* cli_communes.c — reads the communes list of `dump --communes`: names
 * and measures for the simulator page (prototype in cli.h). */
#include "cli.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

enum { LINE_MAX_BYTES = 64 * 1024, MAX_FIELDS = 256, FIELD_MAX = 1024 };

/* The index of the header field named name, or -1. */
static long column(const cdg_csv_record *r, const char *name)
{
    char buf[FIELD_MAX];
    for (size_t i = 0; i < r->nfields; i++) {
        cdg_csv_unquote(&r->fields[i], buf, sizeof buf);
        if (strcmp(buf, name) == 0)
            return (long)i;
    }
    return -1;
}

/* Reads the records after the header into a growing array. */
static int read_rows(cdg_csv_reader *rd, const char *path, const char *col, long inom, long imes,
                     cdg_arena *a, cdg_dump_commune **out, size_t *n)
{
    size_t cap = 512;
    cdg_dump_commune *v = cdg_arena_calloc(a, cap, sizeof *v);
    cdg_csv_record r;
    int got;
    while ((got = cdg_csv_read(rd, &r)) > 0) {
        if (r.raw_len == 0)
            continue;
        if ((size_t)inom >= r.nfields || (size_t)imes >= r.nfields)
            return cli_usage_error("dump: %s:%lu: the row has fewer fields than the header", path, r.line);
        char nom[FIELD_MAX], mes[FIELD_MAX];
        cdg_csv_unquote(&r.fields[inom], nom, sizeof nom);
        size_t mlen = cdg_csv_unquote(&r.fields[imes], mes, sizeof mes);
        int64_t value;
        cdg_mesure_status st = cdg_eval_parse_mesure(mes, mlen < sizeof mes ? mlen : sizeof mes - 1, &value);
        if (st != CDG_MESURE_OK)
            return cli_usage_error("dump: %s:%lu: column '%s': the measure '%s' %s", path, r.line, col, mes,
                                   _(cdg_mesure_reason(st)));
        if (*n == cap) {
            cdg_dump_commune *w = cdg_arena_calloc(a, cap * 2, sizeof *w);
            memcpy(w, v, cap * sizeof *v);
            v = w;
            cap *= 2;
        }
        v[(*n)++] = (cdg_dump_commune){cdg_arena_strdup(a, nom), value};
    }
    if (got < 0)
        return cli_usage_error("dump: %s:%lu: %s", path, rd->error_line, rd->error);
    *out = v;
    return CLI_OK;
}

int cli_communes_read(const char *path, const char *col, cdg_arena *a, cdg_dump_commune **out,
                      size_t *n)
{
    *out = NULL;
    *n = 0;
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return cli_usage_error("dump: cannot read the communes list '%s': %s", path, strerror(errno));
    cdg_csv_reader rd;
    cdg_csv_reader_init(&rd, a, fd, LINE_MAX_BYTES, MAX_FIELDS);
    rd.detect_sep = true;
    cdg_csv_record r;
    int st = CLI_OK;
    int got = cdg_csv_read(&rd, &r);
    long inom = -1, imes = -1;
    if (got <= 0)
        st = cli_usage_error("dump: %s: a header row is required (columns nom and %s)", path, col);
    else if ((inom = column(&r, "nom")) < 0 || (imes = column(&r, col)) < 0)
        st = cli_usage_error("dump: %s: the header has no column '%s'", path, inom < 0 ? "nom" : col);
    else
        st = read_rows(&rd, path, col, inom, imes, a, out, n);
    close(fd);
    return st;
}
