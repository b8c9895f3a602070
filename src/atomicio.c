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

#include "nls.h"

/* Fills err with "path: what: strerror(errno)". */
static bool fail(cdg_atomic_error *err, const char *path, const char *what, int e)
{
    snprintf(err->message, sizeof err->message, "%.400s: %s%s%s", path, _(what), e ? ": " : "",
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

bool cdg_atomic_begin(cdg_atomic_file *f, const char *path, cdg_atomic_error *err)
{
    f->fd = -1;
    f->path = path;
    /* Follow a symbolic link so that the link itself survives. */
    struct stat st;
    bool exists = false;
    if (strlen(path) >= sizeof f->target)
        return fail(err, path, "path too long", 0);
    strcpy(f->target, path);
    if (lstat(path, &st) == 0) {
        if (S_ISLNK(st.st_mode)) {
            char real[PATH_MAX];
            if (!realpath(path, real))
                return fail(err, path, "cannot resolve the link", errno);
            /* realpath writes at most PATH_MAX bytes, the size of target. */
            if (strlen(real) >= sizeof f->target)  /* GCOVR_EXCL_BR_LINE */
                return fail(err, path, "path too long", 0);  /* GCOVR_EXCL_LINE */
            strcpy(f->target, real);
            /* realpath has just resolved it: only a race removes it here. */
            if (stat(f->target, &st) != 0)  /* GCOVR_EXCL_BR_LINE */
                return fail(err, path, "cannot stat the link's target", errno);  /* GCOVR_EXCL_LINE */
        }
        if (!S_ISREG(st.st_mode))
            return fail(err, path, "not a regular file", 0);
        exists = true;
    } else if (errno != ENOENT)
        return fail(err, path, "cannot stat", errno);

    /* The temporary file lives beside the target: rename stays atomic. */
    const char *slash = strrchr(f->target, '/');
    if (slash) {
        size_t n = (size_t)(slash - f->target);
        memcpy(f->dir, f->target, n ? n : 1);
        f->dir[n ? n : 1] = '\0';
    } else
        strcpy(f->dir, ".");
    /* mkstemp replaces the template's last six characters, which must be 'X'. */
    static const char unique[] = {'X', 'X', 'X', 'X', 'X', 'X', '\0'};
    snprintf(f->tmp, sizeof f->tmp, "%s.cdgrules-%s", f->target, unique);
    f->fd = mkstemp(f->tmp);
    if (f->fd < 0)
        return fail(err, path, "cannot create a temporary file beside it", errno);
    if (exists)
        f->mode = st.st_mode & 07777;
    else {
        mode_t mask = umask(0);
        umask(mask);
        f->mode = 0666 & ~mask;
    }
    return true;
}

bool cdg_atomic_commit(cdg_atomic_file *f, cdg_atomic_error *err)
{
    const char *what = NULL;
    if (fchmod(f->fd, (mode_t)f->mode) != 0)
        what = N_("cannot set the mode");
    else if (fsync(f->fd) != 0)
        what = N_("cannot flush to disk");
    int e = errno;
    /* close fails after a good fsync only on a failing or network disk. */
    if (close(f->fd) != 0 && !what) {  /* GCOVR_EXCL_BR_LINE */
        what = N_("cannot close");     /* GCOVR_EXCL_LINE */
        e = errno;                     /* GCOVR_EXCL_LINE */
    }
    f->fd = -1;
    if (!what && rename(f->tmp, f->target) != 0) {
        what = N_("cannot replace");
        e = errno;
    }
    if (what) {
        unlink(f->tmp);
        return fail(err, f->path, what, e);
    }
    int dfd = open(f->dir, O_RDONLY | O_DIRECTORY);
    if (dfd >= 0) {  /* GCOVR_EXCL_BR_LINE: the rename has just succeeded in it */
        fsync(dfd);  /* best effort: some file systems refuse it on directories */
        close(dfd);
    }
    return true;
}

void cdg_atomic_abort(cdg_atomic_file *f)
{
    if (f->fd >= 0)
        close(f->fd);
    f->fd = -1;
    unlink(f->tmp);
}

bool cdg_atomic_write(const char *path, const char *data, size_t len, cdg_atomic_error *err)
{
    cdg_atomic_file f;
    if (!cdg_atomic_begin(&f, path, err))
        return false;
    if (write_all(f.fd, data, len) != 0) {
        int e = errno;
        cdg_atomic_abort(&f);
        return fail(err, path, "cannot write", e);
    }
    return cdg_atomic_commit(&f, err);
}
