/* atomicio.c — temporary file, fsync, rename. */
#include "atomicio.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Fills err with "path: what: strerror(errno)". */
static bool fail(cdg_atomic_error *err, const char *path, const char *what, int e)
{
    snprintf(err->message, sizeof err->message, "%s: %s%s%s", path, what, e ? ": " : "",
             e ? strerror(e) : "");
    return false;
}

/* Writes all of data, looping on short writes and EINTR. */
static int write_all(int fd, const char *data, size_t len)
{
    while (len) {
        ssize_t n = write(fd, data, len);
        if (n < 0) {
            if (errno == EINTR)  /* GCOVR_EXCL_LINE: no signal handler is installed */
                continue;        /* GCOVR_EXCL_LINE */
            return -1;
        }
        data += n;
        len -= (size_t)n;
    }
    return 0;
}

bool cdg_atomic_write(const char *path, const char *data, size_t len, cdg_atomic_error *err)
{
    /* Follow a symbolic link so that the link itself survives. */
    char real[PATH_MAX];
    const char *target = path;
    struct stat st;
    bool exists = false;
    if (lstat(path, &st) == 0) {
        if (S_ISLNK(st.st_mode)) {
            if (!realpath(path, real))
                return fail(err, path, "cannot resolve the link", errno);
            target = real;
            if (stat(target, &st) != 0)
                return fail(err, path, "cannot stat the link's target", errno);  /* GCOVR_EXCL_LINE: only if the target vanishes after realpath */
        }
        if (!S_ISREG(st.st_mode))
            return fail(err, path, "not a regular file", 0);
        exists = true;
    } else if (errno != ENOENT)
        return fail(err, path, "cannot stat", errno);

    /* The temporary file lives beside the target: rename stays atomic. */
    char dir[PATH_MAX], tmp[PATH_MAX + 32];
    const char *slash = strrchr(target, '/');
    if (slash) {
        size_t n = (size_t)(slash - target);
        if (n >= sizeof dir)  /* GCOVR_EXCL_LINE: lstat/realpath refuse such paths first */
            return fail(err, path, "path too long", 0);  /* GCOVR_EXCL_LINE */
        memcpy(dir, target, n ? n : 1);
        dir[n ? n : 1] = '\0';
    } else
        strcpy(dir, ".");
    if (snprintf(tmp, sizeof tmp, "%s.cdgrules-XXXXXX", target) >= (int)sizeof tmp)  /* GCOVR_EXCL_LINE: as above */
        return fail(err, path, "path too long", 0);  /* GCOVR_EXCL_LINE */
    int fd = mkstemp(tmp);
    if (fd < 0)
        return fail(err, path, "cannot create a temporary file beside it", errno);

    mode_t mode;
    if (exists)
        mode = st.st_mode & 07777;
    else {
        mode_t mask = umask(0);
        umask(mask);
        mode = 0666 & ~mask;
    }
    const char *what = NULL;
    if (write_all(fd, data, len) != 0)
        what = "cannot write";
    /* GCOVR_EXCL_START: fchmod on our own new file, fsync, close and a
     * rename within one directory fail only on a failing disk or a race
     * (tests/unit/test_hard_atomicio.c covers the write failure, which
     * takes the same cleanup path). */
    else if (fchmod(fd, mode) != 0)
        what = "cannot set the mode";
    else if (fsync(fd) != 0)
        what = "cannot flush to disk";
    int e = errno;
    if (close(fd) != 0 && !what) {
        what = "cannot close";
        e = errno;
    }
    if (!what && rename(tmp, target) != 0) {
        what = "cannot replace";
        e = errno;
    }
    /* GCOVR_EXCL_STOP */
    if (what) {
        unlink(tmp);
        return fail(err, path, what, e);
    }
    int dfd = open(dir, O_RDONLY | O_DIRECTORY);
    if (dfd >= 0) {  /* GCOVR_EXCL_LINE: the directory was just written to */
        fsync(dfd);  /* best effort: some file systems refuse it on directories */
        close(dfd);
    }
    return true;
}

bool cdg_file_equals(const char *path, const char *data, size_t len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return false;
    char buf[65536];
    size_t off = 0, n;
    bool same = true;
    while (same && (n = fread(buf, 1, sizeof buf, f)) > 0) {
        if (off + n > len || memcmp(buf, data + off, n) != 0)
            same = false;
        off += n;
    }
    if (ferror(f))
        same = false;
    fclose(f);
    return same && off == len;
}
