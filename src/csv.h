/* csv.h — streaming RFC 4180 CSV: a reader over a file descriptor with one
 * fixed-size buffer (constant memory whatever the input size) and a
 * buffered writer. Fields are views into the reader's buffer, valid until
 * the next read; quoted fields keep their quotes and are decoded on demand
 * with cdg_csv_unquote, so that a record can also be copied through
 * byte for byte. */
#ifndef CDG_CSV_H
#define CDG_CSV_H

#include <stdbool.h>
#include <stddef.h>

#include "alloc.h"

typedef struct cdg_csv_field {
    const char *p;    /* raw bytes, quotes included when quoted */
    size_t n;
    bool quoted;
} cdg_csv_field;

typedef struct cdg_csv_record {
    const char *raw;  /* the whole record without its line end */
    size_t raw_len;
    const cdg_csv_field *fields;
    size_t nfields;
    unsigned long line;  /* physical line where the record starts (1-based) */
    bool crlf;           /* ended by CR LF */
} cdg_csv_record;

typedef struct cdg_csv_reader {
    int fd;              /* -1: reading from memory */
    char *buf;
    size_t cap, start, end;
    bool eof;
    unsigned long line;
    cdg_csv_field *fields;
    size_t max_fields;
    char error[256];     /* after a -1 from cdg_csv_read */
    unsigned long error_line;
    char sep;            /* field separator: ',' unless set or detected */
    bool detect_sep;     /* take ';' as the separator when the first line
                          * has more ';' than ',' outside quotes (what
                          * French spreadsheets write) */
} cdg_csv_reader;

/* Reads from fd (separator ',', not detected) with a buffer of bufsize bytes (the longest record) and at
 * most max_fields fields per record, both taken from arena a. */
void cdg_csv_reader_init(cdg_csv_reader *r, cdg_arena *a, int fd, size_t bufsize,
                         size_t max_fields);
/* The next record: 1 read, 0 end of input, -1 error (r->error, r->error_line:
 * bad quoting, record too long or with too many fields, read error). A
 * UTF-8 byte order mark at the very start is skipped. */
int cdg_csv_read(cdg_csv_reader *r, cdg_csv_record *rec);
/* The bytes read ahead but not parsed yet: right after the first record,
 * the start of the input (as much as the buffer holds). They follow the
 * last record's raw bytes in memory. */
const char *cdg_csv_pending(const cdg_csv_reader *r, size_t *len);
/* Decodes field f into out (capacity cap, NUL-terminated, truncated if
 * needed); returns the decoded length (which may exceed cap - 1). */
size_t cdg_csv_unquote(const cdg_csv_field *f, char *out, size_t cap);

typedef struct cdg_csv_writer {
    int fd;
    char *buf;
    size_t cap, len;
    int err;             /* errno of the first failed write, or 0 */
} cdg_csv_writer;

/* Writes to fd through a buffer of bufsize bytes taken from arena a. */
void cdg_csv_writer_init(cdg_csv_writer *w, cdg_arena *a, int fd, size_t bufsize);
/* Appends raw bytes. False once a write has failed. */
bool cdg_csv_write(cdg_csv_writer *w, const char *s, size_t n);
/* Appends one field, quoted (with doubled quotes) when it holds a comma,
 * a quote, CR or LF. */
bool cdg_csv_write_field(cdg_csv_writer *w, const char *s, size_t n);
/* Writes out the buffer. False when a write failed (w->err). */
bool cdg_csv_flush(cdg_csv_writer *w);

#endif
