/* import_read.c — reading an offer's table file: the encoding (UTF-8 or
 * Windows-1252, byte order mark), the line ends (LF or CRLF) and the
 * format (TSV, CSV with ',' or ';', Markdown pipe tables), into lines of
 * cells that keep their position for TABLE:line:column messages. */
#include <string.h>

#include "import_impl.h"
#include "nls.h"
#include "source_read.h"
#include "utf8.h"

/* Windows-1252's characters for the bytes 0x80-0x9F (0: undefined, kept
 * as the Latin-1 control character of the same code). */
static const uint16_t cp1252[32] = {
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
    0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

/* Appends code point c to b in UTF-8. */
static void put_utf8(cdg_buf *b, uint32_t c)
{
    if (c < 0x80)
        cdg_buf_putc(b, (char)c);
    else if (c < 0x800) {
        cdg_buf_putc(b, (char)(0xC0 | (c >> 6)));
        cdg_buf_putc(b, (char)(0x80 | (c & 0x3F)));
    } else {
        cdg_buf_putc(b, (char)(0xE0 | (c >> 12)));
        cdg_buf_putc(b, (char)(0x80 | ((c >> 6) & 0x3F)));
        cdg_buf_putc(b, (char)(0x80 | (c & 0x3F)));
    }
}

/* A file-level error: at offset off of a source holding only the text
 * before the first line break that follows it (nothing unreadable is
 * printed). */
static bool fail_at(cdg_arena *a, const char *name, const char *data, size_t len, size_t off,
                    cdg_diags *d, const char *msg, unsigned byte)
{
    size_t end = off;
    while (end < len && data[end] != '\n')
        end++;
    char *copy = cdg_arena_strndup(a, data, end);
    for (size_t i = 0; i < end; i++) {
        unsigned char c = (unsigned char)copy[i];
        if (c < 0x20 ? c != '\t' && c != '\n' : c >= 0x80 && !cdg_utf8_valid_len((const unsigned char *)copy + i, end - i))
            copy[i] = '?';
        else if (c >= 0x80)
            i += cdg_utf8_valid_len((const unsigned char *)copy + i, end - i) - 1;
    }
    cdg_source *src = cdg_source_from_buffer(a, name, copy, end);
    cdg_span at = {(uint32_t)off, (uint32_t)(off < end ? off + 1 : off)};
    cdg_diag_add(d, CDG_ERROR, src, at, msg, byte);
    return false;
}

/* Decodes data into UTF-8 text with LF line ends, noting what was found. */
static bool decode(cdg_arena *a, const char *name, const char *data, size_t len, imp_file *f,
                   cdg_diags *d, cdg_buf *out)
{
    f->encoding = "UTF-8";
    if (len >= 2 && ((unsigned char)data[0] == 0xFF && (unsigned char)data[1] == 0xFE))
        return fail_at(a, name, data, len, 0, d, N_("the table is in UTF-16 (byte order mark 0x%02x 0xfe); save it as UTF-8 or Windows-1252 text, or convert it with iconv -f UTF-16 -t UTF-8"), 0xFFu);
    if (len >= 2 && ((unsigned char)data[0] == 0xFE && (unsigned char)data[1] == 0xFF))
        return fail_at(a, name, data, len, 0, d, N_("the table is in UTF-16 (byte order mark 0x%02x 0xff); save it as UTF-8 or Windows-1252 text, or convert it with iconv -f UTF-16 -t UTF-8"), 0xFEu);
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
        f->bom = true;
        data += 3;
        len -= 3;
    }
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)data[i];
        if (c == 0 || (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f'))
            return fail_at(a, name, data, len, i, d, N_("this is not a text table: binary data (byte 0x%02x); export the table as TSV, CSV or Markdown text"), c);
    }
    size_t bad = cdg_utf8_first_invalid(data, len);
    bool cp = false;
    if (bad < len) {
        size_t first_bad;
        cdg_encoding e = cdg_utf8_guess(data, len, &first_bad);
        if (e == CDG_ENC_LATIN1 || e == CDG_ENC_WINDOWS1252) {
            cp = true;
            f->encoding = "Windows-1252";
        } else if (e == CDG_ENC_UTF8)
            return fail_at(a, name, data, len, bad, d, N_("invalid UTF-8 byte 0x%02x (the rest of the table is UTF-8)"), (unsigned char)data[bad]);
        else
            return fail_at(a, name, data, len, bad, d, N_("the table is neither UTF-8 nor Windows-1252 (byte 0x%02x); convert it to UTF-8 with iconv"), (unsigned char)data[bad]);
    }
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)data[i];
        if (c == '\r') {
            if (i + 1 < len && data[i + 1] == '\n')
                f->crlf = true;
            else
                cdg_buf_putc(out, '\n');
            continue;
        }
        if (cp && c >= 0x80)
            put_utf8(out, c < 0xA0 && cp1252[c - 0x80] ? cp1252[c - 0x80] : c);
        else
            cdg_buf_putc(out, (char)c);
    }
    return true;
}

/* The blank at s, or 0 (space, tab, no-break spaces). */
static size_t blank(const char *s)
{
    if (*s == ' ' || *s == '\t' || *s == '\f')
        return 1;
    return cdg_utf8_blank(s, strlen(s) < 4 ? strlen(s) : 4);
}

/* A cell from text[b..e): trimmed copy, position of its first character. */
static imp_cell make_cell(cdg_arena *a, const char *text, size_t b, size_t e)
{
    size_t k;
    while (b < e && (k = blank(text + b)) && b + k <= e)
        b += k;
    while (e > b && (k = cdg_utf8_blank_end(text + b, e - b)))
        e -= k;
    return (imp_cell){cdg_arena_strndup(a, text + b, e - b), (uint32_t)b};
}

/* Grows the cell array of a line. */
static void add_cell(cdg_arena *a, imp_line *l, unsigned *cap, imp_cell c)
{
    if (l->n == *cap) {
        unsigned nc = *cap ? *cap * 2 : 8;
        imp_cell *n = cdg_arena_calloc(a, nc, sizeof *n);
        if (l->n)
            memcpy(n, l->cells, l->n * sizeof *n);
        l->cells = n;
        *cap = nc;
    }
    l->cells[l->n++] = c;
}

/* Grows the line array of the file. */
static imp_line *new_line(cdg_arena *a, imp_file *f, unsigned *cap, uint32_t off)
{
    if (f->nlines == *cap) {
        unsigned nc = *cap ? *cap * 2 : 64;
        imp_line *n = cdg_arena_calloc(a, nc, sizeof *n);
        if (f->nlines)
            memcpy(n, f->lines, f->nlines * sizeof *n);
        f->lines = n;
        *cap = nc;
    }
    imp_line *l = &f->lines[f->nlines++];
    memset(l, 0, sizeof *l);
    l->off = off;
    return l;
}

/* A line that is not a row: text (trimmed) or blank. */
static void text_line(cdg_arena *a, imp_line *l, const char *text, size_t b, size_t e)
{
    imp_cell c = make_cell(a, text, b, e);
    l->text = *c.text ? c.text : NULL;
    l->off = c.off;
}

/* TSV: a line holding a tab is a row. */
static void split_tsv(cdg_arena *a, imp_file *f, const char *t, size_t len)
{
    unsigned cap = 0;
    for (size_t b = 0; b < len;) {
        size_t e = b;
        while (e < len && t[e] != '\n')
            e++;
        imp_line *l = new_line(a, f, &cap, (uint32_t)b);
        if (memchr(t + b, '\t', e - b)) {
            unsigned ccap = 0;
            for (size_t cb = b;;) {
                size_t ce = cb;
                while (ce < e && t[ce] != '\t')
                    ce++;
                add_cell(a, l, &ccap, make_cell(a, t, cb, ce));
                if (ce >= e)
                    break;
                cb = ce + 1;
            }
        } else
            text_line(a, l, t, b, e);
        b = e + 1;
    }
}

/* Undoes Markdown's backslash escapes in place ("\\|" is "|"). */
static void md_unescape(char *w)
{
    size_t o = 0;
    for (size_t i = 0; w[i]; i++) {
        if (w[i] == '\\' && w[i + 1] && strchr("\\`*_[]<>|~&#!{}()+-.", w[i + 1]))
            i++;
        w[o++] = w[i];
    }
    w[o] = '\0';
}

/* Markdown: a line starting with '|' is a row; "|---|:--:|" lines are
 * left out; backslash escapes are undone. */
static void split_md(cdg_arena *a, imp_file *f, const char *t, size_t len)
{
    unsigned cap = 0;
    for (size_t b = 0; b < len;) {
        size_t e = b;
        while (e < len && t[e] != '\n')
            e++;
        size_t s = b;
        while (s < e && (t[s] == ' ' || t[s] == '\t'))
            s++;
        if (s < e && t[s] == '|') {
            bool rule = true;
            for (size_t i = s; i < e; i++)
                if (!strchr("|-: \t", t[i]))
                    rule = false;
            if (!rule) {
                imp_line *l = new_line(a, f, &cap, (uint32_t)b);
                unsigned ccap = 0;
                size_t end = e;
                while (end > s + 1 && (t[end - 1] == ' ' || t[end - 1] == '\t'))
                    end--;
                if (end > s + 1 && t[end - 1] == '|' && t[end - 2] != '\\')
                    end--;
                for (size_t cb = s + 1; cb <= end;) {
                    size_t ce = cb;
                    while (ce < end && !(t[ce] == '|' && t[ce - 1] != '\\'))
                        ce++;
                    imp_cell c = make_cell(a, t, cb, ce);
                    md_unescape((char *)c.text);
                    add_cell(a, l, &ccap, c);
                    cb = ce + 1;
                }
            }
        } else {
            imp_line *l = new_line(a, f, &cap, (uint32_t)b);
            text_line(a, l, t, b, e);
            if (l->text)
                md_unescape((char *)l->text);
        }
        b = e + 1;
    }
}

/* The CSV separator: ';' when more lines hold more ';' than ',' outside
 * quotes (what French spreadsheets write), else ','. */
static char csv_separator(const char *t, size_t len)
{
    long votes = 0;
    bool q = false;
    unsigned semi = 0, comma = 0;
    for (size_t i = 0; i <= len; i++) {
        char c = i < len ? t[i] : '\n';
        if (c == '"')
            q = !q;
        else if (!q && c == ';')
            semi++;
        else if (!q && c == ',')
            comma++;
        else if (!q && c == '\n') {
            votes += semi > comma ? 1 : comma > semi ? -1 : 0;
            semi = comma = 0;
        }
    }
    return votes > 0 ? ';' : ',';
}

/* CSV (RFC 4180, separator sep): quoted fields may hold separators,
 * doubled quotes and line breaks (which become spaces: a label is one
 * line). A record whose only filled field is the first is a line of
 * text (a title, a footnote). */
static bool split_csv(cdg_arena *a, imp_file *f, const char *t, size_t len, cdg_diags *d)
{
    unsigned cap = 0;
    cdg_buf field;
    cdg_buf_init(&field, a);
    for (size_t b = 0; b < len;) {
        imp_line *l = new_line(a, f, &cap, (uint32_t)b);
        unsigned ccap = 0;
        size_t i = b;
        for (;;) {
            size_t fb = i;
            imp_cell c;
            if (i < len && t[i] == '"') {
                cdg_buf_clear(&field);
                i++;
                for (;;) {
                    if (i >= len) {
                        cdg_diag_add(d, CDG_ERROR, f->src, (cdg_span){(uint32_t)fb, (uint32_t)fb + 1},
                                     N_("this quoted field has no closing quote '\"'"));
                        return false;
                    }
                    if (t[i] == '"' && i + 1 < len && t[i + 1] == '"') {
                        cdg_buf_putc(&field, '"');
                        i += 2;
                    } else if (t[i] == '"') {
                        i++;
                        break;
                    } else {
                        cdg_buf_putc(&field, t[i] == '\n' ? ' ' : t[i]);
                        i++;
                    }
                }
                while (i < len && (t[i] == ' ' || t[i] == '\t'))
                    i++;
                if (i < len && t[i] != f->sep && t[i] != '\n') {
                    cdg_diag_add(d, CDG_ERROR, f->src, (cdg_span){(uint32_t)i, (uint32_t)i + 1},
                                 N_("text after the closing quote of a field; a quote inside a field is written twice (\"\")"));
                    return false;
                }
                const char *s = cdg_buf_str(&field);
                c = make_cell(a, s, 0, strlen(s));
                c.off = (uint32_t)fb + 1;
            } else {
                while (i < len && t[i] != f->sep && t[i] != '\n')
                    i++;
                c = make_cell(a, t, fb, i);
            }
            add_cell(a, l, &ccap, c);
            if (i < len && t[i] == f->sep) {
                i++;
                continue;
            }
            break;
        }
        bool others = false;
        for (unsigned k = 1; k < l->n; k++)
            others = others || *l->cells[k].text;
        if (!others) {
            l->text = *l->cells[0].text ? l->cells[0].text : NULL;
            l->off = l->cells[0].off;
            l->n = 0;
        }
        b = i + 1;
    }
    return true;
}

/* The names of the first column of `dump --format csv --table all`. */
static const char *const sheet_tables[] = {"forfaits", "notes", "strates", "options", "tarifs"};

/* A sheet of `dump --format csv`: every row's first cell names its table.
 * The column goes; a blank line separates the tables; notes rows become
 * the footnote lines "*1 : text". */
static void unsheet(cdg_arena *a, imp_file *f)
{
    unsigned rows = 0;
    for (unsigned i = 0; i < f->nlines; i++) {
        imp_line *l = &f->lines[i];
        if (!l->n && !l->text)
            continue;
        bool named = false;
        for (unsigned k = 0; k < 5 && l->n; k++)
            named = named || strcmp(l->cells[0].text, sheet_tables[k]) == 0;
        if (!named)
            return;
        rows++;
    }
    if (!rows)
        return;
    f->sheet = true;
    imp_line *lines = cdg_arena_calloc(a, f->nlines * 2 + 1, sizeof *lines);
    unsigned n = 0;
    const char *prev = NULL;
    for (unsigned i = 0; i < f->nlines; i++) {
        imp_line l = f->lines[i];
        if (!l.n)
            continue;
        const char *table = l.cells[0].text;
        if (prev && strcmp(prev, table) != 0)
            lines[n++] = (imp_line){.off = l.off};
        prev = table;
        l.cells++;
        l.n--;
        if (strcmp(table, "notes") == 0) {
            l.text = cdg_arena_printf(a, "%s : %s", l.cells[0].text, l.n > 1 ? l.cells[1].text : "");
            l.off = l.cells[0].off;
            l.n = 0;
        }
        lines[n++] = l;
    }
    f->lines = lines;
    f->nlines = n;
}

bool cdg_imp_read(cdg_arena *a, const char *name, const char *data, size_t len, imp_file *f,
                  cdg_diags *d)
{
    memset(f, 0, sizeof *f);
    cdg_buf text;
    cdg_buf_init(&text, a);
    if (!decode(a, name, data, len, f, d, &text))
        return false;
    const char *t = cdg_buf_str(&text);
    size_t n = text.len;
    f->src = cdg_source_from_buffer(a, name, t, n);
    t = f->src->text;
    bool empty = true;
    for (size_t i = 0; i < n && empty; i += blank(t + i) ? blank(t + i) : 1)
        empty = blank(t + i) || t[i] == '\n';
    if (empty) {
        cdg_diag_add(d, CDG_ERROR, f->src, (cdg_span){0, 0},
                     N_("the table file is empty: export the offer's tables into it (TSV, CSV or Markdown)"));
        return false;
    }
    bool md = false, tab = false;
    for (size_t b = 0; b < n;) {
        size_t e = b;
        while (e < n && t[e] != '\n')
            e++;
        size_t s = b;
        while (s < e && t[s] == ' ')
            s++;
        if (s + 3 < e && t[s] == '|' && (t[s + 1] == '-' || t[s + 2] == '-' || t[s + 1] == ':'))
            md = true;
        tab = tab || memchr(t + b, '\t', e - b);
        b = e + 1;
    }
    if (md) {
        f->format = "Markdown";
        split_md(a, f, t, n);
    } else if (tab) {
        f->format = "TSV";
        split_tsv(a, f, t, n);
    } else {
        f->format = "CSV";
        f->sep = csv_separator(t, n);
        if (!split_csv(a, f, t, n, d))
            return false;
        unsheet(a, f);
    }
    return true;
}
