/* test_cov_atomicio.c — the commit failures of the safe file replacement
 * that a test can provoke: a path too long, the target turned into a
 * directory before the rename, a descriptor that can no longer be changed
 * or flushed. Each leaves the target as it was and no temporary file. */
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atomicio.h"
#include "helpers.h"

static char *slurp(const char *path)
{
    static char buf[256];
    FILE *f = fopen(path, "r");
    cr_assert_not_null(f, "%s", path);
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    buf[n] = '\0';
    fclose(f);
    return buf;
}

Test(cov_atomicio, a_path_longer_than_the_system_allows_is_refused)
{
    char path[5000];
    memset(path, 'a', sizeof path - 1);
    path[sizeof path - 1] = '\0';
    cdg_atomic_error err;
    cr_assert_not(cdg_atomic_write(path, "x", 1, &err));
    cr_assert(strstr(err.message, ": path too long"), "%s", err.message);
}

Test(cov_atomicio, a_target_that_became_a_directory_is_not_replaced)
{
    char dir[] = "/tmp/cdg-cov-atomic-XXXXXX", path[64];
    cr_assert_not_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/out.txt", dir);
    cdg_atomic_file f;
    cdg_atomic_error err;
    cr_assert(cdg_atomic_begin(&f, path, &err), "%s", err.message);
    cr_assert_eq(write(f.fd, "new\n", 4), 4);
    cr_assert_eq(mkdir(path, 0700), 0);
    cr_assert_not(cdg_atomic_commit(&f, &err));
    cr_assert(strstr(err.message, "out.txt: cannot replace: "), "%s", err.message);
    struct stat st;
    cr_assert(stat(path, &st) == 0 && S_ISDIR(st.st_mode), "the directory is left as it was");
    cr_assert_eq(count_entries(dir), 1, "the temporary file is removed");
    cdg_atomic_abort(&f);  /* harmless after a failed commit */
    cr_assert_eq(count_entries(dir), 1);
    rmdir(path);
    rmdir(dir);
}

/* Begins replacing dir/keep.txt (holding "old"), lets swap break the
 * temporary file's descriptor, and returns the commit's message. */
static const char *commit_after(void (*swap)(int fd), char *dir)
{
    static char path[64], msg[512];
    snprintf(path, sizeof path, "%s/keep.txt", dir);
    FILE *o = fopen(path, "w");
    cr_assert_not_null(o);
    fputs("old", o);
    fclose(o);
    cdg_atomic_file f;
    cdg_atomic_error err;
    cr_assert(cdg_atomic_begin(&f, path, &err), "%s", err.message);
    cr_assert_eq(write(f.fd, "new", 3), 3);
    swap(f.fd);
    cr_assert_not(cdg_atomic_commit(&f, &err));
    strcpy(msg, err.message);
    cr_assert_str_eq(slurp(path), "old", "the target is left as it was");
    cr_assert_eq(count_entries(dir), 1, "the temporary file is removed");
    unlink(path);
    return msg;
}

static void close_it(int fd) { close(fd); }

/* Puts a pipe in place of the file: its mode can be set, it cannot be
 * flushed to disk. */
static void pipe_it(int fd)
{
    int p[2];
    cr_assert_eq(pipe(p), 0);
    cr_assert_eq(dup2(p[0], fd), fd);
    close(p[0]);
    close(p[1]);
}

Test(cov_atomicio, a_descriptor_that_fails_is_reported_and_cleaned_up)
{
    char dir[] = "/tmp/cdg-cov-atomic-XXXXXX";
    cr_assert_not_null(mkdtemp(dir));
    const char *m = commit_after(close_it, dir);
    cr_assert(strstr(m, "keep.txt: cannot set the mode: "), "%s", m);
    m = commit_after(pipe_it, dir);
    cr_assert(strstr(m, "keep.txt: cannot flush to disk: "), "%s", m);
    rmdir(dir);
}

Test(cov_atomicio, a_file_at_the_root_gets_its_temporary_file_there)
{
    char path[64];
    snprintf(path, sizeof path, "/cdg-cov-%ld.txt", (long)getpid());
    cdg_atomic_file f;
    cdg_atomic_error err;
    if (!cdg_atomic_begin(&f, path, &err)) {
        cr_assert_neq(getuid(), 0, "root can write in /: %s", err.message);
        cr_assert(strstr(err.message, "cannot create a temporary file beside it"), "%s", err.message);
        return;
    }
    cr_assert_str_eq(f.dir, "/");
    cr_assert(strncmp(f.tmp, path, strlen(path)) == 0, "%s", f.tmp);
    cdg_atomic_abort(&f);
    cr_assert_neq(access(f.tmp, F_OK), 0, "abort removes the temporary file");
    cr_assert_neq(access(path, F_OK), 0, "abort creates no target");
}
