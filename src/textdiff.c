/* textdiff.c — Myers' diff of lines and the unified format. */
#include "textdiff.h"

#include <string.h>

/* Trace entries Myers may keep before giving up on a minimal diff. */
#define TRACE_BUDGET ((size_t)4 << 20)
#define CONTEXT 3

typedef struct tline {
    const char *p;
    size_t n;      /* with its '\n', when it has one */
} tline;

/* The lines of text[0..len). */
static tline *split_lines(cdg_arena *a, const char *text, size_t len, size_t *count)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        if (text[i] == '\n')
            n++;
    if (len && text[len - 1] != '\n')
        n++;
    tline *v = cdg_arena_calloc(a, n ? n : 1, sizeof *v);
    size_t k = 0, start = 0;
    for (size_t i = 0; i < len; i++)
        if (text[i] == '\n') {
            v[k++] = (tline){text + start, i + 1 - start};
            start = i + 1;
        }
    if (start < len)
        v[k++] = (tline){text + start, len - start};
    *count = n;
    return v;
}

static bool line_eq(tline x, tline y)
{
    return x.n == y.n && memcmp(x.p, y.p, x.n) == 0;
}

/* The shortest edit script turning A[0..n) into B[0..m) as ops 'e' (keep),
 * 'd' (delete from A), 'i' (insert from B), written to ops; returns its
 * length, or 0 with nothing written when the trace budget runs out. */
static size_t myers(cdg_arena *a, const tline *A, long n, const tline *B, long m, char *ops)
{
    long max = n + m;
    long *v = cdg_arena_calloc(a, (size_t)(2 * max + 3), sizeof *v);
    long off = max + 1;
    long **trace = cdg_arena_calloc(a, (size_t)max + 1, sizeof *trace);
    size_t used = 0;
    long dfound = -1;
    for (long d = 0; d <= max && dfound < 0; d++) {
        for (long k = -d; k <= d; k += 2) {
            long x = (k == -d || (k != d && v[off + k - 1] < v[off + k + 1])) ? v[off + k + 1]
                                                                            : v[off + k - 1] + 1;
            long y = x - k;
            while (x < n && y < m && line_eq(A[x], B[y]))
                x++, y++;
            v[off + k] = x;
            if (x >= n && y >= m) {
                dfound = d;
                break;
            }
        }
        used += (size_t)(2 * d + 1);
        if (used > TRACE_BUDGET)
            return 0;
        trace[d] = cdg_arena_calloc(a, (size_t)(2 * d + 1), sizeof **trace);
        memcpy(trace[d], v + off - d, (size_t)(2 * d + 1) * sizeof *v);
    }
    size_t len = 0;
    long x = n, y = m;
    for (long d = dfound; d > 0; d--) {
        const long *p = trace[d - 1] + (d - 1);   /* p[k] for k in [-(d-1), d-1] */
        long k = x - y;
        long pk = (k == -d || (k != d && p[k - 1] < p[k + 1])) ? k + 1 : k - 1;
        long px = p[pk], py = px - pk;
        while (x > px && y > py) {
            ops[len++] = 'e';
            x--, y--;
        }
        if (x == px) {
            ops[len++] = 'i';
            y--;
        } else {
            ops[len++] = 'd';
            x--;
        }
    }
    while (x > 0 && y > 0) {
        ops[len++] = 'e';
        x--, y--;
    }
    for (size_t i = 0; i < len / 2; i++) {
        char t = ops[i];
        ops[i] = ops[len - 1 - i];
        ops[len - 1 - i] = t;
    }
    return len;
}

/* One line of a hunk with its prefix, and the marker for a missing final
 * newline. */
static void put_line(cdg_buf *out, char prefix, tline l)
{
    cdg_buf_putc(out, prefix);
    cdg_buf_add(out, l.p, l.n);
    if (!l.n || l.p[l.n - 1] != '\n')
        cdg_buf_puts(out, "\n\\ No newline at end of file\n");
}

/* "l,s" of a hunk header, in the style of GNU diff. */
static void put_range(cdg_buf *out, size_t start, size_t count)
{
    if (count == 1)
        cdg_buf_printf(out, "%zu", start + 1);
    else
        cdg_buf_printf(out, "%zu,%zu", count ? start + 1 : start, count);
}

bool cdg_textdiff(cdg_buf *out, const char *a_name, const char *a, size_t alen,
                  const char *b_name, const char *b, size_t blen)
{
    if (alen == blen && memcmp(a, b, alen) == 0)
        return false;
    cdg_arena *ar = out->arena;
    size_t na, nb;
    tline *A = split_lines(ar, a, alen, &na);
    tline *B = split_lines(ar, b, blen, &nb);
    size_t head = 0;
    while (head < na && head < nb && line_eq(A[head], B[head]))
        head++;
    size_t tail = 0;
    while (tail < na - head && tail < nb - head && line_eq(A[na - 1 - tail], B[nb - 1 - tail]))
        tail++;
    size_t mid_a = na - head - tail, mid_b = nb - head - tail;
    char *ops = cdg_arena_alloc(ar, na + nb + 1);
    size_t L = 0;
    memset(ops, 'e', head);
    L = head;
    size_t k = myers(ar, A + head, (long)mid_a, B + head, (long)mid_b, ops + L);
    if (k == 0 && mid_a + mid_b > 0) {
        memset(ops + L, 'd', mid_a);
        memset(ops + L + mid_a, 'i', mid_b);
        k = mid_a + mid_b;
    }
    L += k;
    memset(ops + L, 'e', tail);
    L += tail;

    /* Line positions in a and b before each op. */
    size_t *pa = cdg_arena_calloc(ar, L + 1, sizeof *pa), *pb = cdg_arena_calloc(ar, L + 1, sizeof *pb);
    for (size_t i = 0; i < L; i++) {
        pa[i + 1] = pa[i] + (ops[i] != 'i');
        pb[i + 1] = pb[i] + (ops[i] != 'd');
    }
    cdg_buf_printf(out, "--- %s\n+++ %s\n", a_name, b_name);
    size_t i = 0;
    while (i < L) {
        while (i < L && ops[i] == 'e')
            i++;
        if (i == L)
            break;
        size_t start = i > CONTEXT ? i - CONTEXT : 0, last = i, j = i;
        while (j < L) {
            if (ops[j] != 'e')
                last = j;
            else if (j - last > 2 * CONTEXT)
                break;
            j++;
        }
        size_t end = last + 1 + CONTEXT < L ? last + 1 + CONTEXT : L;
        cdg_buf_puts(out, "@@ -");
        put_range(out, pa[start], pa[end] - pa[start]);
        cdg_buf_puts(out, " +");
        put_range(out, pb[start], pb[end] - pb[start]);
        cdg_buf_puts(out, " @@\n");
        for (size_t h = start; h < end; h++) {
            if (ops[h] == 'e')
                put_line(out, ' ', A[pa[h]]);
            else if (ops[h] == 'd')
                put_line(out, '-', A[pa[h]]);
            else
                put_line(out, '+', B[pb[h]]);
        }
        i = end;
    }
    return true;
}
