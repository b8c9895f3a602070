/* test_source.c — reading sources that are not regular files (pipes,
 * devices, sockets), read errors, and the line map at its edges. */
#include <errno.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/un.h>
#include <unistd.h>

#include "helpers.h"
#include "source_read.h"

Test(source, a_pipe_larger_than_the_first_buffer_is_read_whole)
{
    int p[2];
    cr_assert_eq(pipe(p), 0);
    char data[10000];
    for (size_t i = 0; i < sizeof data; i++)
        data[i] = (char)('a' + i % 26);
    cr_assert_eq(write(p[1], data, sizeof data), (ssize_t)sizeof data);
    close(p[1]);
    char path[64];
    snprintf(path, sizeof path, "/dev/fd/%d", p[0]);
    cdg_arena *a = cdg_arena_new(NULL);
    cdg_source *s = NULL;
    cr_assert_eq(cdg_source_read(a, path, &s), CDG_SOURCE_OK);
    cr_assert_eq(s->len, sizeof data);
    cr_assert(memcmp(s->text, data, sizeof data) == 0);
    cr_assert_eq(s->text[s->len], '\0');
    close(p[0]);
    cdg_arena_free(a);
}

Test(source, a_character_device_reads_as_empty)
{
    cdg_arena *a = cdg_arena_new(NULL);
    cdg_source *s = NULL;
    cr_assert_eq(cdg_source_read(a, "/dev/null", &s), CDG_SOURCE_OK);
    cr_assert_eq(s->len, 0);
    cdg_arena_free(a);
}

Test(source, a_socket_cannot_be_opened)
{
    char dir[] = "/tmp/cdg-sock-XXXXXX";
    cr_assert_not_null(mkdtemp(dir));
    struct sockaddr_un sa = {.sun_family = AF_UNIX};
    snprintf(sa.sun_path, sizeof sa.sun_path, "%s/s", dir);
    int fd = socket(AF_UNIX, SOCK_STREAM, 0);
    cr_assert_geq(fd, 0);
    cr_assert_eq(bind(fd, (struct sockaddr *)&sa, sizeof sa), 0);
    cdg_arena *a = cdg_arena_new(NULL);
    cdg_source *s = NULL;
    cdg_source_status st = cdg_source_read(a, sa.sun_path, &s);
    int err = errno;
    close(fd);
    unlink(sa.sun_path);
    rmdir(dir);
    cr_assert_eq(st, CDG_SOURCE_ERR_OPEN);
    cr_assert_eq(err, ENXIO);
    cdg_arena_free(a);
}

Test(source, a_block_device_is_not_a_regular_file)
{
    char dir[] = "/tmp/cdg-blk-XXXXXX", path[64];
    cr_assert_not_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/loop", dir);
    if (mknod(path, S_IFBLK | 0600, makedev(7, 0)) != 0) {
        rmdir(dir);
        cr_skip_test("mknod needs root");
    }
    cdg_arena *a = cdg_arena_new(NULL);
    cdg_source *s = NULL;
    cdg_source_status st = cdg_source_read(a, path, &s);
    unlink(path);
    rmdir(dir);
    if (st == CDG_SOURCE_ERR_OPEN)
        cr_skip_test("no loop device to open here");
    cr_assert_eq(st, CDG_SOURCE_ERR_NOT_REGULAR);
    cdg_arena_free(a);
}

Test(source, a_failing_read_is_reported)
{
    /* /proc/self/mem is a regular file whose first page cannot be read. */
    cdg_arena *a = cdg_arena_new(NULL);
    cdg_source *s = NULL;
    errno = 0;
    cr_assert_eq(cdg_source_read(a, "/proc/self/mem", &s), CDG_SOURCE_ERR_READ);
    cr_assert_neq(errno, 0);
    cr_assert_str_eq(cdg_source_strerror(CDG_SOURCE_ERR_READ, EIO), strerror(EIO));
    cdg_arena_free(a);
}

Test(source, every_status_has_a_message)
{
    cr_assert_str_eq(cdg_source_strerror(CDG_SOURCE_OK, 0), "no error");
    cr_assert_str_eq(cdg_source_strerror(CDG_SOURCE_ERR_OPEN, ENOENT), strerror(ENOENT));
    cr_assert_str_eq(cdg_source_strerror(CDG_SOURCE_ERR_DIR, 0), "is a directory");
    cr_assert_str_eq(cdg_source_strerror(CDG_SOURCE_ERR_NOT_REGULAR, 0), "is not a regular file");
    cr_assert_str_eq(cdg_source_strerror(CDG_SOURCE_ERR_TOO_BIG, 0), "file too large (more than 1 GiB)");
    cr_assert_str_eq(cdg_source_strerror((cdg_source_status)99, 0), "unknown error");
}

Test(source, lines_at_the_edges)
{
    cdg_arena *a = cdg_arena_new(NULL);
    cdg_source *s = cdg_source_from_buffer(a, "t", "ab\r\ncd\n\xC3\xA9x", 10);
    size_t len;
    const char *l = cdg_source_line(s, 0, &len);
    cr_assert_eq(len, 0);
    cr_assert_str_eq(l, "");
    l = cdg_source_line(s, 4, &len);
    cr_assert_eq(len, 0);
    l = cdg_source_line(s, 1, &len);
    cr_assert_eq(len, 2, "the CR is not part of the line");
    cr_assert(strncmp(l, "ab", 2) == 0);
    l = cdg_source_line(s, 3, &len);
    cr_assert_eq(len, 3);
    unsigned line, col;
    cdg_source_position(s, 1000, &line, &col);
    cr_assert_eq(line, 3);
    cr_assert_eq(col, 3, "columns count characters, not bytes");
    cdg_source *e = cdg_source_from_buffer(a, "empty", NULL, 0);
    cdg_source_position(e, 0, &line, &col);
    cr_assert_eq(line, 1);
    cr_assert_eq(col, 1);
    cdg_arena_free(a);
}
