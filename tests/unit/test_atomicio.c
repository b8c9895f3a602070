/* test_atomicio.c — every failure path of the safe file replacement
 * (fmt -w, dump -o): the target is left as it was and no temporary file
 * remains. The commit failures a test can provoke come last: a path too
 * long, the target turned into a directory before the rename, a descriptor
 * that can no longer be changed or flushed. Paths that only a race or a
 * failing disk can reach are marked in atomicio.c. */
#include "helpers.h"

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atomicio.h"
#include "lib_extras.h"

/* A fresh temporary directory; the test process owns it. */
static char *tmpdir(void)
{
    static char dir[64];
    strcpy(dir, "/tmp/cdg-atomic-XXXXXX");
    cr_assert_not_null(mkdtemp(dir));
    return dir;
}

/* Removes dir and the files in it (the tests make no subdirectories). */
static void rmtree(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    char path[512];
    for (struct dirent *e; (e = readdir(d));)
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0) {
            snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
            unlink(path);
        }
    closedir(d);
    rmdir(dir);
}

static void put(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    cr_assert_not_null(f);
    fputs(text, f);
    fclose(f);
}

Test(atomicio, replaces_through_a_symbolic_link)
{
    char *d = tmpdir(), file[128], link[128];
    snprintf(file, sizeof file, "%s/real.cdg", d);
    snprintf(link, sizeof link, "%s/link.cdg", d);
    put(file, "old");
    cr_assert_eq(symlink("real.cdg", link), 0);
    cdg_atomic_error err;
    cr_assert(cdg_atomic_write(link, "new", 3, &err), "%s", err.message);
    struct stat st;
    cr_assert_eq(lstat(link, &st), 0);
    cr_assert(S_ISLNK(st.st_mode));
    cr_assert(cdg_file_equals(file, "new", 3));
    cr_assert_eq(count_entries(d), 2);
    rmtree(d);
}

Test(atomicio, dangling_link_is_refused)
{
    char *d = tmpdir(), link[128];
    snprintf(link, sizeof link, "%s/dangling.cdg", d);
    cr_assert_eq(symlink("nowhere.cdg", link), 0);
    cdg_atomic_error err;
    cr_assert(!cdg_atomic_write(link, "x", 1, &err));
    cr_assert(strstr(err.message, "cannot resolve the link"), "%s", err.message);
    cr_assert_eq(count_entries(d), 1);
    rmtree(d);
}

Test(atomicio, directory_target_is_refused)
{
    char *d = tmpdir();
    cdg_atomic_error err;
    cr_assert(!cdg_atomic_write(d, "x", 1, &err));
    cr_assert(strstr(err.message, "not a regular file"), "%s", err.message);
    cr_assert(!cdg_atomic_write("/dev/null", "x", 1, &err));
    cr_assert(strstr(err.message, "not a regular file"), "%s", err.message);
    rmtree(d);
}

Test(atomicio, path_through_a_file_is_refused)
{
    char *d = tmpdir(), path[128];
    snprintf(path, sizeof path, "%s/file", d);
    put(path, "x");
    strcat(path, "/below.cdg");
    cdg_atomic_error err;
    cr_assert(!cdg_atomic_write(path, "x", 1, &err));
    cr_assert(strstr(err.message, "cannot stat"), "%s", err.message);
    rmtree(d);
}

Test(atomicio, missing_directory_is_refused)
{
    cdg_atomic_error err;
    cr_assert(!cdg_atomic_write("/nonexistent-cdg-dir/out.cdg", "x", 1, &err));
    cr_assert(strstr(err.message, "cannot create a temporary file beside it"), "%s", err.message);
}

Test(atomicio, relative_name_in_the_current_directory)
{
    char *d = tmpdir();
    cr_assert_eq(chdir(d), 0);
    cdg_atomic_error err;
    cr_assert(cdg_atomic_write("out.cdg", "abc", 3, &err), "%s", err.message);
    cr_assert(cdg_file_equals("out.cdg", "abc", 3));
    struct stat st;
    cr_assert_eq(stat("out.cdg", &st), 0);
    mode_t mask = umask(0);
    umask(mask);
    cr_assert_eq(st.st_mode & 0777, 0666 & ~mask);
    rmtree(d);
}

Test(atomicio, existing_mode_is_kept)
{
    char *d = tmpdir(), file[128];
    snprintf(file, sizeof file, "%s/m.cdg", d);
    put(file, "old");
    cr_assert_eq(chmod(file, 0640), 0);
    cdg_atomic_error err;
    cr_assert(cdg_atomic_write(file, "new", 3, &err), "%s", err.message);
    struct stat st;
    cr_assert_eq(stat(file, &st), 0);
    cr_assert_eq(st.st_mode & 07777, 0640);
    rmtree(d);
}

Test(atomicio, failed_write_leaves_the_target_intact)
{
    char *d = tmpdir(), file[128];
    snprintf(file, sizeof file, "%s/big.cdg", d);
    put(file, "old");
    /* A file size limit makes write() fail with EFBIG (as a full disk
     * would with ENOSPC). */
    signal(SIGXFSZ, SIG_IGN);
    struct rlimit rl = {1024, 1024};
    cr_assert_eq(setrlimit(RLIMIT_FSIZE, &rl), 0);
    static char data[8192];
    memset(data, 'x', sizeof data);
    cdg_atomic_error err;
    cr_assert(!cdg_atomic_write(file, data, sizeof data, &err));
    cr_assert(strstr(err.message, "cannot write"), "%s", err.message);
    cr_assert(cdg_file_equals(file, "old", 3));
    cr_assert_eq(count_entries(d), 1);
    rmtree(d);
}

Test(atomicio, file_equals_compares_exactly)
{
    char *d = tmpdir(), file[128];
    snprintf(file, sizeof file, "%s/e.cdg", d);
    put(file, "abcdef");
    cr_assert(cdg_file_equals(file, "abcdef", 6));
    cr_assert(!cdg_file_equals(file, "abc", 3));
    cr_assert(!cdg_file_equals(file, "abcdefg", 7));
    cr_assert(!cdg_file_equals(file, "abcdeX", 6));
    cr_assert(!cdg_file_equals("/nonexistent-cdg-file", "", 0));
    cr_assert(!cdg_file_equals(d, "", 0));
    rmtree(d);
}

/* ---- commit failures ---------------------------------------------------- */

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

Test(atomicio, a_path_longer_than_the_system_allows_is_refused)
{
    char path[5000];
    memset(path, 'a', sizeof path - 1);
    path[sizeof path - 1] = '\0';
    cdg_atomic_error err;
    cr_assert_not(cdg_atomic_write(path, "x", 1, &err));
    cr_assert(strstr(err.message, ": path too long"), "%s", err.message);
}

Test(atomicio, a_target_that_became_a_directory_is_not_replaced)
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

Test(atomicio, a_descriptor_that_fails_is_reported_and_cleaned_up)
{
    char dir[] = "/tmp/cdg-cov-atomic-XXXXXX";
    cr_assert_not_null(mkdtemp(dir));
    const char *m = commit_after(close_it, dir);
    cr_assert(strstr(m, "keep.txt: cannot set the mode: "), "%s", m);
    m = commit_after(pipe_it, dir);
    cr_assert(strstr(m, "keep.txt: cannot flush to disk: "), "%s", m);
    rmdir(dir);
}

Test(atomicio, a_file_at_the_root_gets_its_temporary_file_there)
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
