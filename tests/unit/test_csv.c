/* test_csv.c — the streaming RFC 4180 reader and the writer. */
#include "helpers.h"

#include <unistd.h>

#include "csv.h"
#include "lib_extras.h"

/* A reader over text in memory, in arena a. */
static void mem_reader(cdg_csv_reader *r, cdg_arena *a, const char *text)
{
    cdg_csv_reader_init_mem(r, a, text, strlen(text), 16);
}

/* Field i of rec, decoded. */
static const char *field(const cdg_csv_record *rec, size_t i)
{
    char *out = malloc(256);
    cdg_csv_unquote(&rec->fields[i], out, 256);
    return out;
}

/* Asserts field i of rec decodes to want. */
static void assert_field(const cdg_csv_record *rec, size_t i, const char *want)
{
    const char *got = field(rec, i);
    cr_assert_str_eq(got, want, "field %zu", i);
    free((void *)got);
}

Test(csv, quoting_line_ends_and_line_numbers)
{
    cdg_arena *a = cdg_arena_new(NULL);
    cdg_csv_reader r;
    mem_reader(&r, a, "\xEF\xBB\xBFnom,n\r\n\"Agen, ville\",1\n\"dit \"\"le\"\"\nbas\",2\nfin,\n");
    cdg_csv_record rec;
    cr_assert_eq(cdg_csv_read(&r, &rec), 1);
    cr_assert_eq(rec.nfields, 2);
    cr_assert(rec.crlf);
    assert_field(&rec, 0, "nom");
    cr_assert_eq(cdg_csv_read(&r, &rec), 1);
    cr_assert_eq(rec.line, 2);
    cr_assert_not(rec.crlf);
    assert_field(&rec, 0, "Agen, ville");
    cr_assert_eq(rec.raw_len, strlen("\"Agen, ville\",1"));
    cr_assert_eq(cdg_csv_read(&r, &rec), 1);
    cr_assert_eq(rec.line, 3);
    assert_field(&rec, 0, "dit \"le\"\nbas");
    assert_field(&rec, 1, "2");
    cr_assert_eq(cdg_csv_read(&r, &rec), 1);
    cr_assert_eq(rec.line, 5, "the quoted newline counts as a line");
    cr_assert_eq(rec.nfields, 2);
    assert_field(&rec, 1, "");
    cr_assert_eq(cdg_csv_read(&r, &rec), 0);
    cdg_arena_free(a);
}

Test(csv, last_line_without_newline)
{
    cdg_arena *a = cdg_arena_new(NULL);
    cdg_csv_reader r;
    mem_reader(&r, a, "a,b\n1,\"x\"");
    cdg_csv_record rec;
    cr_assert_eq(cdg_csv_read(&r, &rec), 1);
    cr_assert_eq(cdg_csv_read(&r, &rec), 1);
    assert_field(&rec, 1, "x");
    cr_assert_eq(cdg_csv_read(&r, &rec), 0);
    cdg_arena_free(a);
}

/* Reads text until an error; returns the message and sets *line. */
static void expect_error(const char *text, const char *msg, unsigned long line)
{
    cdg_arena *a = cdg_arena_new(NULL);
    cdg_csv_reader r;
    mem_reader(&r, a, text);
    cdg_csv_record rec;
    int got;
    while ((got = cdg_csv_read(&r, &rec)) > 0)
        ;
    cr_assert_eq(got, -1, "%s", text);
    cr_assert(strstr(r.error, msg), "%s: got '%s'", text, r.error);
    cr_assert_eq(r.error_line, line, "%s", text);
    cdg_arena_free(a);
}

Test(csv, malformed_input_is_located)
{
    expect_error("a\n\"open\n\nstill", "unterminated quoted field", 2);
    expect_error("a,b\n1,2\n\"x\"y,2\n", "unexpected character after a closing quote", 3);
    expect_error("a\nab\"c\n", "quote inside an unquoted field", 2);
    expect_error("a\nb\rc\n", "carriage return not followed by a line feed", 2);
    expect_error("a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p,q\n", "more than 16 fields", 1);
}

Test(csv, records_across_buffer_refills_and_too_long)
{
    char path[] = "/tmp/cdg-csv-XXXXXX";
    int fd = mkstemp(path);
    cr_assert_geq(fd, 0);
    const char *text = "id,nom\n1,\"a,\"\"b\"\"\"\n22,ccccccc\n333,\"d\ne\"\n";
    cr_assert_eq(write(fd, text, strlen(text)), (ssize_t)strlen(text));
    cr_assert_eq(lseek(fd, 0, SEEK_SET), 0);
    cdg_arena *a = cdg_arena_new(NULL);
    cdg_csv_reader r;
    cdg_csv_reader_init(&r, a, fd, 16, 8);   /* tiny buffer: every record refills */
    cdg_csv_record rec;
    const char *want[] = {"nom", "a,\"b\"", "ccccccc", "d\ne"};
    for (size_t i = 0; i < 4; i++) {
        cr_assert_eq(cdg_csv_read(&r, &rec), 1, "record %zu: %s", i, r.error);
        assert_field(&rec, 1, want[i]);
    }
    cr_assert_eq(cdg_csv_read(&r, &rec), 0);
    cr_assert_eq(lseek(fd, 0, SEEK_SET), 0);
    cdg_csv_reader_init(&r, a, fd, 8, 8);
    cr_assert_eq(cdg_csv_read(&r, &rec), 1);
    cr_assert_eq(cdg_csv_read(&r, &rec), -1);
    cr_assert(strstr(r.error, "record longer than 8 bytes"), "%s", r.error);
    cdg_arena_free(a);
    close(fd);
    unlink(path);
}

Test(csv, writer_quotes_when_needed)
{
    char path[] = "/tmp/cdg-csvw-XXXXXX";
    int fd = mkstemp(path);
    cr_assert_geq(fd, 0);
    cdg_arena *a = cdg_arena_new(NULL);
    cdg_csv_writer w;
    cdg_csv_writer_init(&w, a, fd, 4);   /* tiny buffer: several flushes */
    const char *fields[] = {"plain", "a,b", "say \"hi\"", "two\nlines", ""};
    for (size_t i = 0; i < 5; i++) {
        if (i)
            cdg_csv_write(&w, ",", 1);
        cdg_csv_write_field(&w, fields[i], strlen(fields[i]));
    }
    cr_assert(cdg_csv_flush(&w));
    char buf[128] = {0};
    cr_assert_gt(pread(fd, buf, sizeof buf - 1, 0), 0);
    cr_assert_str_eq(buf, "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",");
    /* And it reads back field for field. */
    cdg_csv_reader r;
    mem_reader(&r, a, buf);
    cdg_csv_record rec;
    cr_assert_eq(cdg_csv_read(&r, &rec), 1);
    cr_assert_eq(rec.nfields, 5);
    for (size_t i = 0; i < 5; i++)
        assert_field(&rec, i, fields[i]);
    cdg_arena_free(a);
    close(fd);
    unlink(path);
}

Test(csv, write_errors_are_reported)
{
    cdg_arena *a = cdg_arena_new(NULL);
    cdg_csv_writer w;
    cdg_csv_writer_init(&w, a, -1, 4);
    cdg_csv_write(&w, "abcdef", 6);
    cr_assert_not(cdg_csv_flush(&w));
    cr_assert_neq(w.err, 0);
    cdg_arena_free(a);
}
