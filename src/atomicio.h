/* atomicio.h — replacing a file safely (fmt -w, dump -o).
 *
 * The new content goes to a temporary file in the target's directory,
 * which is flushed, fsync'ed, given the target's mode, then renamed over
 * the target; the directory is fsync'ed. On any failure the temporary file
 * is removed and the target is left byte-identical. A target that is a
 * symbolic link is resolved first, so the link stays a link. */
#ifndef CDG_ATOMICIO_H
#define CDG_ATOMICIO_H

#include <stdbool.h>
#include <stddef.h>

typedef struct cdg_atomic_error {
    char message[512];   /* "path: reason", for the CLI */
} cdg_atomic_error;

/* A replacement being written: begin, write to fd, then commit or abort.
 * For output that is streamed rather than built in memory (batch -o). */
typedef struct cdg_atomic_file {
    int fd;                   /* the temporary file: write the new content here */
    const char *path;         /* as given, for messages */
    char target[4096];        /* the file renamed over (links resolved) */
    char tmp[4096 + 32];
    char dir[4096];
    unsigned mode;            /* the mode the result gets */
} cdg_atomic_file;

/* Creates the temporary file beside path (resolving a link) and decides
 * the final mode. Refuses non-regular targets. */
bool cdg_atomic_begin(cdg_atomic_file *f, const char *path, cdg_atomic_error *err);
/* Sets the mode, fsyncs, closes and renames over the target, then fsyncs
 * the directory. On failure the temporary file is removed. */
bool cdg_atomic_commit(cdg_atomic_file *f, cdg_atomic_error *err);
/* Closes and removes the temporary file: the target is left untouched. */
void cdg_atomic_abort(cdg_atomic_file *f);

/* Writes data[0..len) to path atomically. New files get mode 0666 & ~umask;
 * existing regular files keep their mode. Refuses non-regular targets.
 * Returns false and fills err on failure. */
bool cdg_atomic_write(const char *path, const char *data, size_t len, cdg_atomic_error *err);


#endif
