/* test_hard_atomicio.c — every failure path of the safe file replacement
 * (fmt -w, dump -o): the target is left as it was and no temporary file
 * remains. Paths that only a race or a failing disk can reach are marked
 * in atomicio.c. */
#include "helpers.h"

#include <dirent.h>
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

Test(hard_atomicio, replaces_through_a_symbolic_link)
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

Test(hard_atomicio, dangling_link_is_refused)
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

Test(hard_atomicio, directory_target_is_refused)
{
    char *d = tmpdir();
    cdg_atomic_error err;
    cr_assert(!cdg_atomic_write(d, "x", 1, &err));
    cr_assert(strstr(err.message, "not a regular file"), "%s", err.message);
    cr_assert(!cdg_atomic_write("/dev/null", "x", 1, &err));
    cr_assert(strstr(err.message, "not a regular file"), "%s", err.message);
    rmtree(d);
}

Test(hard_atomicio, path_through_a_file_is_refused)
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

Test(hard_atomicio, missing_directory_is_refused)
{
    cdg_atomic_error err;
    cr_assert(!cdg_atomic_write("/nonexistent-cdg-dir/out.cdg", "x", 1, &err));
    cr_assert(strstr(err.message, "cannot create a temporary file beside it"), "%s", err.message);
}

Test(hard_atomicio, relative_name_in_the_current_directory)
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

Test(hard_atomicio, existing_mode_is_kept)
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

Test(hard_atomicio, failed_write_leaves_the_target_intact)
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

Test(hard_atomicio, file_equals_compares_exactly)
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
