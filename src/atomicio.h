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

/* Writes data[0..len) to path atomically. New files get mode 0666 & ~umask;
 * existing regular files keep their mode. Refuses non-regular targets.
 * Returns false and fills err on failure. */
bool cdg_atomic_write(const char *path, const char *data, size_t len, cdg_atomic_error *err);

/* Whether the file at path already holds exactly data[0..len) (then there
 * is nothing to write). False when it cannot be read. */
bool cdg_file_equals(const char *path, const char *data, size_t len);

#endif
