/* source.c — reading source files and mapping offsets to lines. */
#include "source_read.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "nls.h"
#include "utf8.h"

/* Makes a source whose text is data[0..len) followed by two NULs (what the
 * scanner's in-place buffer needs). */
static cdg_source *source_make(cdg_arena *a, const char *name, char *text, size_t len)
{
    cdg_source *s = cdg_arena_calloc(a, 1, sizeof *s);
    s->name = cdg_arena_strdup(a, name);
    s->text = text;
    s->len = len;
    s->arena = a;
    return s;
}

cdg_source *cdg_source_from_buffer(cdg_arena *a, const char *name, const char *data, size_t len)
{
    char *text = cdg_arena_alloc(a, len + 2);
    if (len)
        memcpy(text, data, len);
    text[len] = text[len + 1] = '\0';
    return source_make(a, name, text, len);
}

/* Reads all of fd into the arena; the file size is only a hint, so pipes
 * and growing files work too. */
static cdg_source_status read_all(cdg_arena *a, int fd, size_t hint, char **out, size_t *outlen)
{
    size_t cap = hint + 3 > 4096 ? hint + 3 : 4096, len = 0;  /* +1: room to see EOF */
    char *buf = cdg_arena_alloc(a, cap);
    for (;;) {
        if (cap - len < 2 + 1) {
            if (cap > CDG_SOURCE_MAX)
                return CDG_SOURCE_ERR_TOO_BIG;
            char *nb = cdg_arena_alloc(a, cap * 2);
            memcpy(nb, buf, len);
            buf = nb;
            cap *= 2;
        }
        ssize_t n = read(fd, buf + len, cap - len - 2);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return CDG_SOURCE_ERR_READ;
        }
        if (n == 0)
            break;
        len += (size_t)n;
        if (len > CDG_SOURCE_MAX)
            return CDG_SOURCE_ERR_TOO_BIG;
    }
    buf[len] = buf[len + 1] = '\0';
    *out = buf;
    *outlen = len;
    return CDG_SOURCE_OK;
}

cdg_source_status cdg_source_read(cdg_arena *a, const char *path, cdg_source **out)
{
    int fd = strcmp(path, "-") == 0 ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return CDG_SOURCE_ERR_OPEN;
    struct stat st;
    cdg_source_status rc = CDG_SOURCE_OK;
    size_t hint = 0;
    if (fstat(fd, &st) != 0)
        rc = CDG_SOURCE_ERR_READ;
    else if (S_ISDIR(st.st_mode))
        rc = CDG_SOURCE_ERR_DIR;
    else if (S_ISREG(st.st_mode)) {
        if ((unsigned long long)st.st_size > CDG_SOURCE_MAX)
            rc = CDG_SOURCE_ERR_TOO_BIG;
        else
            hint = (size_t)st.st_size;
    } else if (!S_ISFIFO(st.st_mode) && !S_ISCHR(st.st_mode))
        rc = CDG_SOURCE_ERR_NOT_REGULAR;
    char *text = NULL;
    size_t len = 0;
    if (rc == CDG_SOURCE_OK)
        rc = read_all(a, fd, hint, &text, &len);
    int saved = errno;
    if (fd != STDIN_FILENO)
        close(fd);
    errno = saved;
    if (rc == CDG_SOURCE_OK)
        *out = source_make(a, path, text, len);
    return rc;
}

const char *cdg_source_strerror(cdg_source_status st, int err)
{
    switch (st) {
    case CDG_SOURCE_OK: return N_("no error");
    case CDG_SOURCE_ERR_OPEN: return strerror(err);
    case CDG_SOURCE_ERR_DIR: return N_("is a directory");
    case CDG_SOURCE_ERR_NOT_REGULAR: return N_("is not a regular file");
    case CDG_SOURCE_ERR_READ: return strerror(err);
    case CDG_SOURCE_ERR_TOO_BIG: return N_("file too large (more than 1 GiB)");
    }
    return N_("unknown error");
}

/* Builds the table of line-start offsets (memchr, twice: a byte at a
 * time cost 7 % of a `check` that prints one warning). */
static void build_lines(cdg_source *s)
{
    size_t n = 1;
    for (const char *p = s->text, *e = s->text + s->len; (p = memchr(p, '\n', (size_t)(e - p))); p++)
        n++;
    s->lines = cdg_arena_alloc(s->arena, n * sizeof *s->lines);
    s->nlines = n;
    size_t i = 0;
    s->lines[i++] = 0;
    for (const char *p = s->text, *e = s->text + s->len; (p = memchr(p, '\n', (size_t)(e - p))); p++)
        s->lines[i++] = (uint32_t)(p - s->text + 1);
}

/* The 0-based line holding offset (clamped to the text), by binary search
 * in the line index, built on first use: shared by positions and the
 * diagnostics' column cursor. */
size_t cdg_source_line_at(cdg_source *s, size_t *offset)
{
    if (!s->lines)
        build_lines(s);
    if (*offset > s->len)
        *offset = s->len;
    size_t lo = 0, hi = s->nlines;  /* last line start <= offset */
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (s->lines[mid] <= *offset)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

void cdg_source_position(cdg_source *s, size_t offset, unsigned *line, unsigned *col)
{
    size_t lo = cdg_source_line_at(s, &offset);
    *line = (unsigned)lo + 1;
    *col = (unsigned)cdg_utf8_count(s->text + s->lines[lo], offset - s->lines[lo]) + 1;
}

const char *cdg_source_line(cdg_source *s, unsigned line, size_t *len)
{
    if (!s->lines)
        build_lines(s);
    if (line == 0 || line > s->nlines) {
        *len = 0;
        return "";
    }
    size_t b = s->lines[line - 1];
    size_t e = line < s->nlines ? s->lines[line] - 1 : s->len;
    if (e > b && s->text[e - 1] == '\r')
        e--;
    *len = e - b;
    return s->text + b;
}
