/* cli_batch.c — `cdgrules batch`: the stratum and entitlements of every
 * authority of a CSV file, streamed row by row in constant memory. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

static const char batch_help[] =
    N_("usage: cdgrules batch FILE --forfait F [--service S ...] [--categorie C [--mesure COL]]\n"
    "                      [--prix [--annee premiere|suivantes] [--besoin S=N ...]]\n"
    "                      [-o OUTPUT] [INPUT.csv]\n"
    "\n"
    "Reads a CSV of authorities (RFC 4180, header row required) from INPUT or\n"
    "stdin and writes it back with columns appended: 'strate', then one\n"
    "column per service of forfait F (or per --service S), holding the\n"
    "quantity where the service is counted, else the status (inclus,\n"
    "non_inclus, en_option, sans_objet). Other columns are copied unchanged.\n"
    "\n"
    "Each row's category and measure come from, in this order:\n"
    "  --categorie C [--mesure COL]  every row is category C; its measure is\n"
    "                                column COL (default: the column named after\n"
    "                                the measure, e.g. 'habitants')\n"
    "  columns 'categorie' and 'mesure'  (the measure may be empty for a\n"
    "                                category without one, e.g. non_affiliee)\n"
    "  columns named after the measures ('habitants', 'agents'): exactly one\n"
    "                                of them is filled on each row\n"
    "\n"
    "  --forfait F     the package (required)\n"
    "  --service S     a service to report (repeatable; default: all)\n"
    "  --categorie C   the category of every row\n"
    "  --mesure COL    the column holding the measure\n"
    "  --prix          append 'prix': what F costs the row's authority a year,\n"
    "                  in euros to the cent (450.00; 450,00 when the fields\n"
    "                  are separated by ';'), empty when not priced\n"
    "  --annee A       premiere or suivantes (the default): the year priced\n"
    "  --besoin S=N    the same needs for every row (repeatable; as for\n"
    "                  'cdgrules quote'): append 'devis' too, the quote's\n"
    "                  total, empty when some line is not priced; --annee and\n"
    "                  --besoin imply --prix. The figures are quote's.\n"
    "  -o OUTPUT       write OUTPUT all or nothing (temporary file, renamed at\n"
    "                  the end); without it the output goes to stdout\n"
    "\n"
    "A malformed row (bad quoting, wrong number of fields, bad or missing\n"
    "measure, unknown category, no stratum) stops the run with INPUT:LINE: on\n"
    "stderr and exit status 1. With -o, OUTPUT is then left untouched;\n"
    "on stdout, the rows before the bad one have been written and stderr says\n"
    "that the output is incomplete. Blank lines are skipped.\n"
    "\n"
    "The input is UTF-8 (a file in Latin-1 or Windows-1252 is named, with the\n"
    "iconv command that converts it). Fields are separated by ',' or, when\n"
    "the header line has more ';' than ',', by ';' (what French spreadsheets\n"
    "write; the appended columns then use ';' too). CRLF line ends are kept.\n"
    "Spaces and no-break spaces in a measure are ignored (\"32 988\").\n"
    "\n"
    "Exit status: 0 every row answered, 1 a malformed row (or the rules have\n"
    "errors), 2 usage or I/O error.\n");

enum { BUF_SIZE = 1 << 20, MAX_FIELDS = 4096, VALUE_MAX = 256 };

typedef enum { MODE_FIXED, MODE_PAIR, MODE_COLUMNS } cat_mode;

/* Where each row's profile comes from, found from the header. */
typedef struct layout {
    cat_mode mode;
    const cdg_categorie *fixed;  /* MODE_FIXED */
    long cat_col, mes_col;       /* MODE_FIXED (mes_col) and MODE_PAIR; -1: none */
    long *col_of_cat;            /* MODE_COLUMNS: column per category index, or -1 */
    const char *mes_name;        /* MODE_FIXED and MODE_PAIR: the measure column's name */
    size_t nfields;              /* fields per record */
} layout;

/* The command's settings and running state. */
typedef struct batch {
    const cdg_model *m;
    const char *input_name;
    const cdg_forfait *forfait;
    const cdg_service **services;
    size_t nservices;
    const char **suffix;        /* appended text per stratum index */
    size_t *suffix_len;
    layout lay;
    cdg_csv_writer out;
    bool prix, premiere;        /* --prix, --annee premiere */
    const cdg_besoin *needs;    /* --besoin: a 'devis' column */
    cdg_arena *scratch;         /* each row's quote; renewed to stay small */
    cdg_memctl *ctl;
    jmp_buf *oom;               /* where running out of memory while
                                 * streaming jumps (each scratch catches
                                 * to it): the output is then abandoned */
} batch;

/* Prints "INPUT:LINE: message" on stderr and returns CLI_FAIL. */
static int row_error(const batch *b, unsigned long line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static int row_error(const batch *b, unsigned long line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "%s:%lu: ", b->input_name, line);
    vfprintf(stderr, _(fmt), ap);
    fputc('\n', stderr);
    va_end(ap);
    return CLI_FAIL;
}

/* The decoded header field i into buf. */
static const char *field_text(const cdg_csv_record *r, size_t i, char *buf, size_t cap)
{
    cdg_csv_unquote(&r->fields[i], buf, cap);
    return buf;
}

/* Column index of the header field named name, or -1. */
static long find_column(const cdg_csv_record *h, const char *name)
{
    char buf[VALUE_MAX];
    for (size_t i = 0; i < h->nfields; i++)
        if (strcmp(field_text(h, i, buf, sizeof buf), name) == 0)
            return (long)i;
    return -1;
}

/* Works out the layout from the header; CLI_OK or the exit status. */
static int read_layout(batch *b, cdg_arena *a, const cdg_csv_record *h, const cdg_categorie *fixed,
                       const char *mesure_col)
{
    layout *l = &b->lay;
    l->nfields = h->nfields;
    l->cat_col = l->mes_col = -1;
    if (fixed) {
        l->mode = MODE_FIXED;
        l->fixed = fixed;
        if (!fixed->mesure)
            return CLI_OK;
        const char *col = mesure_col ? mesure_col : fixed->mesure;
        l->mes_col = find_column(h, col);
        if (l->mes_col < 0 && !mesure_col)
            l->mes_col = find_column(h, fixed->id);
        if (l->mes_col < 0)
            return row_error(b, h->line, "no column '%s' for the measure of '%s' (%s); name it with --mesure COLUMN",
                             col, fixed->id, fixed->mesure);
        l->mes_name = l->mes_col == find_column(h, col) ? col : fixed->id;
        return CLI_OK;
    }
    l->cat_col = find_column(h, "categorie");
    if (l->cat_col >= 0) {
        l->mode = MODE_PAIR;
        l->mes_name = mesure_col ? mesure_col : "mesure";
        l->mes_col = find_column(h, l->mes_name);
        if (l->mes_col < 0 && mesure_col)
            return row_error(b, h->line, "no column '%s' (given by --mesure)", mesure_col);
        return CLI_OK;
    }
    if (mesure_col)
        return cli_usage_error("batch: --mesure needs --categorie or a 'categorie' column");
    l->mode = MODE_COLUMNS;
    l->col_of_cat = cdg_arena_calloc(a, b->m->ncategories + 1, sizeof *l->col_of_cat);
    bool any = false;
    for (unsigned c = 0; c < b->m->ncategories; c++) {
        const cdg_categorie *cat = &b->m->categories[c];
        l->col_of_cat[c] = cat->mesure ? find_column(h, cat->mesure) : -1;
        any |= l->col_of_cat[c] >= 0;
    }
    if (!any)
        return row_error(b, h->line,
                         "cannot tell each row's category: no 'categorie' column and no column "
                         "named after a measure; use --categorie C [--mesure COLUMN]");
    return CLI_OK;
}

/* Drops from buf[0..n) the blanks spreadsheets put in numbers: spaces
 * and no-break spaces (U+00A0, U+202F) around it and between its digits
 * ("32 988", written by a French spreadsheet). Returns the new length. */
static size_t drop_number_blanks(char *buf, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n;) {
        size_t blank = cdg_utf8_blank(buf + i, n - i);
        if (blank) {
            i += blank;
            continue;
        }
        buf[k++] = buf[i++];
    }
    buf[k] = '\0';
    return k;
}

/* Whether buf (no blanks) is a decimal number: digits, one ',' or '.',
 * digits. */
static bool is_decimal(const char *buf)
{
    size_t digits = strspn(buf, "0123456789");
    if (!digits || (buf[digits] != ',' && buf[digits] != '.'))
        return false;
    size_t frac = strspn(buf + digits + 1, "0123456789");
    return frac && buf[digits + 1 + frac] == '\0';
}

/* Parses the measure of category c from field f (column col) into p;
 * CLI_OK or CLI_FAIL. */
static int row_measure(const batch *b, const cdg_csv_record *r, const cdg_csv_field *f,
                       const char *col, const cdg_categorie *c, cdg_profil *p)
{
    char buf[VALUE_MAX] = "", shown[VALUE_MAX];
    size_t n = f ? cdg_csv_unquote(f, buf, sizeof buf) : 0;
    p->categorie = c;
    p->mesure = -1;
    if (!c->mesure) {
        if (n)
            return row_error(b, r->line, "category '%s' has no measure, but the row gives '%s'",
                             c->id, buf);
        return CLI_OK;
    }
    snprintf(shown, sizeof shown, "%s", buf);  /* as written, for messages */
    if (n < sizeof buf)
        n = drop_number_blanks(buf, n);
    cdg_mesure_status st = n >= sizeof buf ? CDG_MESURE_INVALID : cdg_eval_parse_mesure(buf, n, &p->mesure);
    if (st == CDG_MESURE_EMPTY)
        return row_error(b, r->line, "column '%s': the measure (%s) of '%s' is missing", col,
                         c->mesure, c->id);
    if (st == CDG_MESURE_INVALID && is_decimal(buf))
        return row_error(b, r->line, "column '%s': the measure (%s) '%s' is not a whole number",
                         col, c->mesure, shown);
    if (st != CDG_MESURE_OK)
        return row_error(b, r->line, "column '%s': the measure (%s) '%s' %s", col, c->mesure,
                         shown, _(cdg_mesure_reason(st)));
    return CLI_OK;
}

/* The profile of one data row; CLI_OK or CLI_FAIL after reporting. */
static int row_profil(const batch *b, const cdg_csv_record *r, cdg_profil *p)
{
    const layout *l = &b->lay;
    const cdg_csv_field *mes = l->mes_col >= 0 ? &r->fields[l->mes_col] : NULL;
    if (l->mode == MODE_FIXED)
        return row_measure(b, r, mes, l->mes_name, l->fixed, p);
    if (l->mode == MODE_PAIR) {
        char name[VALUE_MAX];
        const cdg_csv_field *f = &r->fields[l->cat_col];
        size_t n = cdg_csv_unquote(f, name, sizeof name);
        const cdg_categorie *c = NULL;
        for (unsigned i = 0; i < b->m->ncategories && !c; i++)
            if (strcmp(b->m->categories[i].id, name) == 0)
                c = &b->m->categories[i];
        cdg_eval_error err;
        if (!c && n == 0)
            return row_error(b, r->line, "the category is missing");
        if (!c && !(c = cdg_eval_find_categorie(b->m, name, &err)))
            return row_error(b, r->line, "%s", err.message);
        return row_measure(b, r, mes, l->mes_name ? l->mes_name : "mesure", c, p);
    }
    const cdg_categorie *found = NULL;
    long col = -1;
    for (unsigned c = 0; c < b->m->ncategories; c++) {
        long k = l->col_of_cat[c];
        if (k < 0 || r->fields[k].n == 0 || (r->fields[k].quoted && r->fields[k].n == 2))
            continue;
        if (found)
            return row_error(b, r->line, "both '%s' and '%s' are filled: one measure per row",
                             found->mesure, b->m->categories[c].mesure);
        found = &b->m->categories[c];
        col = k;
    }
    if (!found)
        return row_error(b, r->line, "no measure on this row");
    return row_measure(b, r, &r->fields[col], found->mesure, found, p);
}

/* Precomputes the text appended to a row of each stratum:
 * ",S4,5,inclus,…" (the answers depend only on the stratum). */
static void build_suffixes(batch *b, cdg_arena *a, char sep)
{
    const cdg_model *m = b->m;
    b->suffix = cdg_arena_calloc(a, m->nstrates + 1, sizeof *b->suffix);
    b->suffix_len = cdg_arena_calloc(a, m->nstrates + 1, sizeof *b->suffix_len);
    for (unsigned k = 0; k < m->nstrates; k++) {
        const cdg_strate *st = &m->strates[k];
        cdg_buf s;
        cdg_buf_init(&s, a);
        cdg_buf_printf(&s, "%c%s", sep, st->id);
        for (size_t i = 0; i < b->nservices; i++) {
            cdg_eval_row r = cdg_eval_row_for(b->forfait, b->services[i], st);
            if (r.quantite >= 0)
                cdg_buf_printf(&s, "%c%lld", sep, (long long)r.quantite);
            else
                cdg_buf_printf(&s, "%c%s", sep, cdg_statut_name(r.statut));
        }
        b->suffix_len[k] = s.len;
        b->suffix[k] = cdg_buf_str(&s);
    }
}

/* Writes sep then cents as a decimal for spreadsheets ("450.00", or
 * "450,00" when the fields are separated by ';'), or an empty field. The
 * digits are written by hand: snprintf was a quarter of --prix's time. */
static void write_amount(batch *b, char sep, bool has, int64_t cents)
{
    char buf[48];
    size_t n = sizeof buf;
    if (!has) {
        cdg_csv_write(&b->out, &sep, 1);
        return;
    }
    if (cents < 0) {  /* written as it always was */
        int k = snprintf(buf, sizeof buf, "%c%lld%c%02lld", sep, (long long)(cents / 100),
                         sep == ';' ? ',' : '.', (long long)(cents % 100));
        cdg_csv_write(&b->out, buf, (size_t)k);
        return;
    }
    uint64_t v = (uint64_t)cents;
    buf[--n] = (char)('0' + v % 10);
    v /= 10;
    buf[--n] = (char)('0' + v % 10);
    v /= 10;
    buf[--n] = sep == ';' ? ',' : '.';
    do {
        buf[--n] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    buf[--n] = sep;
    cdg_csv_write(&b->out, buf + n, sizeof buf - n);
}

enum { SCRATCH_MAX = 32 * 1024 };

/* Appends the row's price (and quote total) for profile p in stratum k;
 * CLI_OK, CLI_FAIL after reporting an overflow, or CLI_USAGE when memory
 * runs out. */
static int write_prices(batch *b, const cdg_csv_record *r, const cdg_profil *p, const cdg_strate *k, char sep)
{
    /* Renewed before it needs a second chunk: its first (64 KB) comes
     * from the heap and goes back to it, while the larger ones an arena
     * grows to are mapped afresh each time, a page fault per 4 KB (with
     * 1 MB, the faults and the zeroing of new pages were half the time of
     * --prix). A row's quote takes about 1 KB. */
    if (cdg_arena_used(b->scratch) > SCRATCH_MAX) {
        cdg_arena_free(b->scratch);
        if (!(b->scratch = cdg_arena_new(b->ctl)))
            return cli_usage_error("%s: out of memory", "batch");
        cdg_arena_catch(b->scratch, b->oom);
    }
    cdg_devis d;
    cdg_eval_error err = {{0}};
    if (!cdg_devis_make(b->m, b->forfait, k, p, b->needs, b->premiere, b->scratch, &d, &err))
        return row_error(b, r->line, "%s", err.message);
    const cdg_prix_ligne *l = &d.lignes[0].prix;
    write_amount(b, sep, l->etat == CDG_PRIX_CHIFFRE, l->centimes);
    if (b->needs)
        write_amount(b, sep, d.non_chiffres == 0 && d.sans_option == 0, d.total);
    return CLI_OK;
}

/* Stops at text that is not UTF-8 (a CSV saved in Latin-1 or
 * Windows-1252): s[0..n), whose first line is line, is checked; one
 * message names the line, the encoding the bytes look like and the
 * command that converts the file. CLI_OK or CLI_FAIL. */
static int check_encoding(const batch *b, const char *s, size_t n, unsigned long line)
{
    size_t bad;
    cdg_encoding e = cdg_utf8_guess(s, n, &bad);
    if (bad == n)
        return CLI_OK;
    for (size_t i = 0; i < bad; i++)
        line += s[i] == '\n';
    unsigned byte = (unsigned char)s[bad];
    const char *name = strcmp(b->input_name, "<stdin>") == 0 ? "FILE" : b->input_name;
    if (e == CDG_ENC_UTF8)  /* UTF-8 elsewhere: a stray byte */
        return row_error(b, line, "byte 0x%02x is not UTF-8", byte);
    return row_error(b, line,
                     "the file is not in UTF-8 (byte 0x%02x); it looks like %s. "
                     "Convert it with: iconv -f %s -t UTF-8 %s > %s.utf8",
                     byte, cdg_encoding_name(e), cdg_encoding_iconv(e), name, name);
}

/* Streams every record from in to b->out; CLI_OK, CLI_FAIL or CLI_USAGE. */
static int run(batch *b, cdg_arena *a, int in, const cdg_categorie *fixed, const char *mesure_col,
               unsigned long *stopped_at)
{
    cdg_csv_reader rd;
    cdg_csv_reader_init(&rd, a, in, BUF_SIZE, MAX_FIELDS);
    rd.detect_sep = true;
    cdg_csv_record r;
    int got = cdg_csv_read(&rd, &r);
    if (got < 0)
        return row_error(b, rd.error_line, "%s", rd.error);
    if (got == 0)
        return row_error(b, 1, "empty input: a header row is required");
    /* The header and what is read ahead: a file in another encoding is
     * named before any row is written. */
    size_t ahead;
    const char *next = cdg_csv_pending(&rd, &ahead);
    int st = check_encoding(b, r.raw, (size_t)(next + ahead - r.raw), r.line);
    if (st == CLI_OK)
        st = read_layout(b, a, &r, fixed, mesure_col);
    if (st != CLI_OK)
        return st;
    build_suffixes(b, a, rd.sep);
    const char *eol = r.crlf ? "\r\n" : "\n";
    cdg_csv_write(&b->out, r.raw, r.raw_len);
    cdg_csv_write(&b->out, &rd.sep, 1);
    cdg_csv_write(&b->out, "strate", 6);
    for (size_t i = 0; i < b->nservices; i++) {
        cdg_csv_write(&b->out, &rd.sep, 1);
        cdg_csv_write_field(&b->out, b->services[i]->id, strlen(b->services[i]->id));
    }
    if (b->prix) {
        cdg_csv_write(&b->out, &rd.sep, 1);
        cdg_csv_write(&b->out, "prix", 4);
    }
    if (b->needs) {
        cdg_csv_write(&b->out, &rd.sep, 1);
        cdg_csv_write(&b->out, "devis", 5);
    }
    cdg_csv_write(&b->out, eol, strlen(eol));
    while ((got = cdg_csv_read(&rd, &r)) > 0) {
        if (r.raw_len == 0)
            continue;
        *stopped_at = r.line;
        if (check_encoding(b, r.raw, r.raw_len, r.line) != CLI_OK)
            return CLI_FAIL;
        if (r.nfields != b->lay.nfields)
            return row_error(b, r.line, "%zu fields, but the header has %zu", r.nfields,
                             b->lay.nfields);
        cdg_profil p;
        if (row_profil(b, &r, &p) != CLI_OK)
            return CLI_FAIL;
        const cdg_strate *k = cdg_model_strate_for(b->m, &p);
        if (!k) {
            char buf[300];
            return row_error(b, r.line, "no stratum matches profile '%s'",
                             cdg_eval_profil_text(&p, buf, sizeof buf));
        }
        cdg_csv_write(&b->out, r.raw, r.raw_len);
        cdg_csv_write(&b->out, b->suffix[k->index], b->suffix_len[k->index]);
        int st = b->prix ? write_prices(b, &r, &p, k, rd.sep) : CLI_OK;
        if (st != CLI_OK)
            return st;
        if (!cdg_csv_write(&b->out, r.crlf ? "\r\n" : "\n", r.crlf ? 2 : 1))
            break;
    }
    if (got < 0) {
        *stopped_at = rd.error_line;
        return row_error(b, rd.error_line, "%s", rd.error);
    }
    *stopped_at = 0;
    return CLI_OK;
}

/* Options of the command line. */
typedef struct batch_args {
    const char *file, *input, *forfait, *categorie, *mesure, *output, *annee;
    bool premiere;   /* --annee premiere */
    const char **services;
    int nservices;
    const char **needs;
    int nneeds;
    bool prix;
} batch_args;

/* Parses the command line into q; CLI_OK, -1 after --help, or the exit status. */
static int parse_args(int argc, char **argv, batch_args *q)
{
    const cli_option opts[] = {
        {"--prix", .flag = &q->prix},
        {"--forfait", .once = &q->forfait},
        {"--categorie", .once = &q->categorie},
        {"--mesure", .once = &q->mesure},
        {"-o", .once = &q->output},
        {"--service", .list = q->services, .n = &q->nservices},
        {"--besoin", .list = q->needs, .n = &q->nneeds},
        {"--annee", .once = &q->annee},
    };
    const char *files[2] = {NULL, NULL};
    int st = cli_parse_options("batch", batch_help, argc, argv, opts, sizeof opts / sizeof opts[0], files, 2,
                               N_("batch: too many files ('%s'): one rules file and at most one CSV input"));
    if (st != CLI_OK)
        return st;
    q->file = files[0];
    q->input = files[1];
    if (q->nneeds)
        q->prix = true;   /* a need is priced */
    if (!cli_annee("batch", q->annee, &q->premiere))
        return CLI_USAGE;
    if (!q->file)
        return cli_usage_error("batch: no rules file given (usage: cdgrules batch FILE --forfait F [INPUT.csv])");
    if (!q->forfait)
        return cli_usage_error("batch: --forfait is required (e.g. --forfait Metiers)");
    return CLI_OK;
}

/* Streams in to out (run) with running out of memory in either arena
 * reported as a usage error (exit 2) instead of the arenas' default exit,
 * so that the caller still removes the temporary file of -o and says
 * nothing was written. */
static int run_caught(batch *b, cdg_arena *a, int in, int out, const cdg_categorie *fixed,
                      const char *mesure_col, unsigned long *stopped_at)
{
    jmp_buf oom;
    int st;
    if (setjmp(oom)) {
        st = cli_usage_error("%s: out of memory", "batch");
    } else {
        b->oom = &oom;
        cdg_arena_catch(a, &oom);
        cdg_arena_catch(b->scratch, &oom);
        cdg_csv_writer_init(&b->out, a, out, BUF_SIZE);
        st = run(b, a, in, fixed, mesure_col, stopped_at);
    }
    /* Either way, the handlers are released once. */
    cdg_arena_catch(a, NULL);
    if (b->scratch)  /* NULL when its renewal failed */
        cdg_arena_catch(b->scratch, NULL);
    b->oom = NULL;
    return st;
}

/* `batch`: resolves the options, opens input and output, streams, and
 * commits or discards the -o file. */
int cli_batch(int argc, char **argv, cli_env *env)
{
    const char *names[argc > 0 ? argc : 1], *needs[argc > 0 ? argc : 1];
    batch_args q = {.services = names, .needs = needs};
    int st = parse_args(argc, argv, &q);
    if (st != CLI_OK)
        return st < 0 ? CLI_OK : st;

    int status;
    cdg_unit *u = cli_load_rules(q.file, env, &status);
    if (!u)
        return status;
    batch b = {.m = u->model};
    cdg_arena *a = u->arena;
    const cdg_categorie *fixed = NULL;
    b.forfait = cli_forfait("batch", b.m, q.forfait);
    bool ok = b.forfait != NULL;
    if (ok && q.categorie) {
        cdg_eval_error err;
        if (!(fixed = cdg_eval_find_categorie(b.m, q.categorie, &err)))
            ok = cli_usage_error("batch: %s", err.message) == CLI_OK;
        else if (!fixed->mesure && q.mesure)
            ok = cli_usage_error("batch: category '%s' has no measure; drop --mesure", fixed->id) == CLI_OK;
    }
    b.nservices = q.nservices ? (size_t)q.nservices : b.m->nservices;
    b.services = cdg_arena_calloc(a, b.nservices + 1, sizeof *b.services);
    for (size_t i = 0; ok && i < b.nservices; i++)
        ok = (b.services[i] = q.nservices ? cli_service("batch", b.m, q.services[i])
                                          : &b.m->services[i]) != NULL;
    b.prix = q.prix || q.annee;
    b.premiere = q.premiere;
    cdg_besoin *list = NULL, **tail = &list;
    for (int i = 0; ok && i < q.nneeds; i++) {
        cdg_besoin *nb = cdg_arena_calloc(a, 1, sizeof *nb);
        if (!(ok = cli_parse_need("batch", b.m, q.needs[i], nb)))
            break;
        for (const cdg_besoin *c = list; ok && c; c = c->next)
            if ((nb->service && c->service == nb->service) || (nb->option && c->option == nb->option))
                ok = cli_usage_error("batch: '%s' needed twice", nb->service ? nb->service->id : nb->option->id) == CLI_OK;
        *tail = nb;
        tail = &nb->next;
    }
    b.needs = list;
    if (!ok) {
        cdg_unit_free(u);
        return CLI_USAGE;
    }
    b.ctl = &env->memctl;
    if (!(b.scratch = cdg_arena_new(b.ctl))) {
        cdg_unit_free(u);
        return cli_usage_error("%s: out of memory", "batch");
    }

    int in = 0;
    b.input_name = "<stdin>";
    if (q.input && strcmp(q.input, "-") != 0) {
        b.input_name = q.input;
        if ((in = open(q.input, O_RDONLY)) < 0) {
            cli_usage_error("batch: cannot read %s: %s", q.input, strerror(errno));
            cdg_arena_free(b.scratch);
            cdg_unit_free(u);
            return CLI_USAGE;
        }
    }
    cdg_atomic_file target;
    cdg_atomic_error aerr;
    int out = 1;
    if (q.output) {
        if (cdg_atomic_begin(&target, q.output, &aerr))
            out = target.fd;
        else
            out = -1;
    }
    if (out < 0) {
        cli_usage_error("batch: cannot write %s", aerr.message);
        if (in > 0)
            close(in);
        cdg_arena_free(b.scratch);
        cdg_unit_free(u);
        return CLI_USAGE;
    }
    unsigned long stopped_at = 0;
    fflush(stdout);
    st = run_caught(&b, a, in, out, fixed, q.mesure, &stopped_at);
    /* On stdout, the rows before a bad one are written out (a clean
     * prefix); with -o nothing replaces the target unless all went well. */
    if (q.output == NULL || st == CLI_OK)
        cdg_csv_flush(&b.out);
    if (b.out.err) {
        cli_usage_error("batch: cannot write %s: %s", q.output ? q.output : "the output",
                        strerror(b.out.err));
        st = CLI_USAGE;
    }
    if (q.output) {
        if (st != CLI_OK)
            cdg_atomic_abort(&target);
        else if (!cdg_atomic_commit(&target, &aerr)) {
            cli_usage_error("batch: cannot write %s", aerr.message);
            st = CLI_USAGE;
        }
        if (st != CLI_OK)
            fprintf(stderr, _("cdgrules: batch: %s was not written\n"), q.output);
    } else if (st != CLI_OK && stopped_at)
        fprintf(stderr, _("cdgrules: batch: the output is incomplete: it stops before line %lu\n"),
                stopped_at);
    if (in > 0)
        close(in);
    cdg_arena_free(b.scratch);
    cdg_unit_free(u);
    return st;
}
