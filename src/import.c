/* import.c — `cdgrules import`: recognises the offer's tables by their
 * shape and headers (services x forfaits with groups in the first column
 * and footnotes; strata x counted quantities; options x forfaits; the
 * tariff, one column per stratum),
 * reads their cells, and writes the rules file: first without wordings,
 * so that the checker generates its own, then with the published wording
 * wherever it differs. Each decision the table leaves open (an overlap, a
 * gap, a wording it could not map) becomes a comment in the rules and a
 * warning located in the table. */
#include <ctype.h>
#include <inttypes.h>
#include <setjmp.h>
#include <string.h>

#include "fmt.h"
#include "import_impl.h"
#include "nls.h"
#include "symtab.h"

/* Layout limits: far above any offer, they keep arrays fixed. */
#define MAX_PARTS 8

typedef struct imp_note { unsigned number; const char *texte; uint32_t off; bool used; } imp_note;
typedef struct imp_rub { const char *label, *id; } imp_rub;

typedef struct imp_svc {
    const char *label, *id;
    int rub;                  /* index in rubs, or -1 */
    int note;                 /* index in notes, or -1 */
    const char *unite, *colonne;
    int64_t *par_strate;      /* from the strata table, or NULL */
    imp_cell *cells;          /* one per forfait */
    imp_wording *w;
    int64_t **own;            /* per forfait: its own strata column, or NULL */
    int *attache;             /* per forfait: the attached service (IMP_INCLUS_AVEC), or -1 */
    bool *keep;               /* per forfait: state the wording even when generated */
    uint32_t off;
} imp_svc;

typedef struct imp_forfait {
    const char *label, *id;
    uint32_t off;
    const char *prix, *prix_pa;   /* from the tariff table, as rules text, or NULL */
} imp_forfait;

typedef struct imp_cat {
    const char *key, *label, *id, *mesure;
    bool ranged;
} imp_cat;

typedef struct imp_member { int cat; bool tous; int64_t lo, hi; } imp_member;

typedef struct imp_strate {
    const char *label, *id;
    imp_member m[MAX_PARTS];
    unsigned nm;
    int64_t *q;               /* per strata column */
    uint32_t off;
} imp_strate;

typedef struct imp_opt {
    const char *label, *id;
    imp_cell *cells;          /* one per forfait (blank when missing) */
    imp_option_wording *w;
    bool merged;
    imp_tarif tarif;
    const char *unite;        /* PAR_UNITE: the unit its wording names */
    int svc;                  /* PAR_UNITE */
    bool has_montant;
    int64_t montant;
    const char *montant_txt;  /* from the tariff table, as rules text, or NULL */
    const char *montant_bad;  /* the options table's amount not read, or NULL */
    uint32_t montant_off;
    uint32_t off;
} imp_opt;

/* A decision: a comment above a declaration, a warning in the table. */
typedef enum { ON_OFFRE, ON_CATEGORIE, ON_STRATE, ON_SERVICE, ON_FORFAIT, ON_OPTION, ON_CELL } imp_on;
typedef struct imp_decision { imp_on on; unsigned index; const char *text; struct imp_decision *next; } imp_decision;


typedef struct imp {
    cdg_arena *a;
    cdg_diags *d;
    imp_file f;
    const char *name;
    const char *offre_label, *editeur, *edition, *titres[3];
    const char *millesime;    /* the year of the tariff's title, or NULL */
    imp_forfait *forfaits; unsigned nforfaits;
    imp_svc *svcs; unsigned nsvcs;
    imp_rub *rubs; unsigned nrubs;
    imp_note *notes; unsigned nnotes;
    imp_cat *cats; unsigned ncats;
    imp_strate *strates; unsigned nstrates;
    unsigned ncols;           /* strata columns */
    imp_opt *opts; unsigned nopts;
    imp_decision *decisions, **last;
    cdg_unit *volatile live;  /* the unit being read back, freed if an allocation fails */
} imp;

/* ---- messages ---- */

static cdg_span at(uint32_t off) { return (cdg_span){off, off}; }

/* Records a decision: a warning at off, the same words as a comment. */
static void decide(imp *im, imp_on on, unsigned index, uint32_t off, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
static void decide(imp *im, imp_on on, unsigned index, uint32_t off, const char *fmt, ...)
{
    va_list ap, ap2;
    va_start(ap, fmt);
    va_copy(ap2, ap);
    cdg_buf m, t;
    cdg_buf_init(&m, im->a);
    cdg_buf_init(&t, im->a);
    cdg_buf_vprintf(&m, fmt, ap);
    cdg_buf_vprintf(&t, cdg_gettext(fmt), ap2);
    va_end(ap2);
    va_end(ap);
    const char *text = cdg_arena_strdup(im->a, cdg_buf_str(&t));
    cdg_diag_add_text(im->d, CDG_WARNING, im->f.src, at(off), cdg_arena_strdup(im->a, cdg_buf_str(&m)), text);
    imp_decision *dn = cdg_arena_calloc(im->a, 1, sizeof *dn);
    *dn = (imp_decision){on, index, text, NULL};
    *im->last = dn;
    im->last = &dn->next;
}

#define ERR(im, off, ...) cdg_diag_add((im)->d, CDG_ERROR, (im)->f.src, at(off), __VA_ARGS__)

/* ---- helpers ---- */

static bool blank_cell(const imp_cell *c) { return !c->text[0]; }

/* Whether two labels are the same once folded (case, accents, blanks). */
static bool same_fold(imp *im, const char *x, const char *y)
{
    return strcmp(cdg_imp_fold(im->a, x), cdg_imp_fold(im->a, y)) == 0;
}

/* Makes id unique among ids[0..n) by a numeric suffix. */
static const char *unique(imp *im, const char *id, const char *const *ids, size_t stride, unsigned n)
{
    const char *cand = id;
    for (unsigned k = 2;; k++) {
        bool clash = false;
        for (unsigned i = 0; i < n && !clash; i++) {
            const char *o = *(const char *const *)((const char *)ids + i * stride);
            clash = o && strcmp(o, cand) == 0;
        }
        if (!clash)
            return cand;
        cand = cdg_arena_printf(im->a, "%s_%u", id, k);
    }
}
#define UNIQUE(im, cand, arr, n) unique(im, cand, &(arr)[0].id, sizeof (arr)[0], n)

/* Header cells that name a column of labels rather than a forfait. */
static bool label_heading(imp *im, const char *s)
{
    static const char *const names[] = {"rubrique", "rubriques", "service", "services", "prestation",
                                        "prestations", "option", "options", "groupe", "libelle",
                                        "designation", NULL};
    const char *f = cdg_imp_fold(im->a, s);
    for (const char *const *n = names; *n; n++)
        if (strcmp(f, *n) == 0)
            return true;
    return false;
}

/* Whether a last header cell heads the amounts of the options table. */
static bool amount_heading(imp *im, const char *s)
{
    const char *f = cdg_imp_fold(im->a, s);
    return strcmp(f, "montant") == 0 || strcmp(f, "prix") == 0 || strcmp(f, "tarif") == 0 ||
           strcmp(f, "cout") == 0 || strcmp(f, "montants") == 0;
}

/* ---- the tables of the file ---- */

typedef enum { T_SERVICES, T_STRATES, T_OPTIONS, T_TARIFS } imp_kind;

/* Width of a table's header: its cells up to the last filled one. */
static unsigned header_width(const imp_line *h)
{
    unsigned n = h->n;
    while (n > 0 && !*h->cells[n - 1].text)
        n--;
    return n;
}

/* Rows must have the header's cells: fewer is a ragged row, more is one
 * only when the extra cells hold something. */
static bool check_ragged(imp *im, const imp_line *rows, unsigned n, unsigned width)
{
    bool ok = true;
    for (unsigned i = 1; i < n; i++) {
        const imp_line *l = &rows[i];
        if (l->n < width) {
            const imp_cell *c = &l->cells[l->n - 1];
            ERR(im, c->off + (uint32_t)strlen(c->text),
                N_("this row has %u cells, the table's header row has %u: a cell is missing (a separator was lost?)"),
                l->n, width);
            ok = false;
            continue;
        }
        for (unsigned k = width; k < l->n; k++)
            if (*l->cells[k].text) {
                ERR(im, l->cells[k].off,
                    N_("this row has a cell beyond the last column of the header row (%u columns): '%s'"),
                    width, l->cells[k].text);
                ok = false;
                break;
            }
    }
    return ok;
}

/* Whether the table is the strata table: headed "Strate", or most body
 * cells after the first column are whole numbers. */
static bool strata_shaped(imp *im, const imp_line *rows, unsigned n, unsigned width)
{
    const char *h0 = cdg_imp_fold(im->a, cdg_imp_unmark(im->a, rows[0].cells[0].text));
    if (strncmp(h0, "strate", 6) == 0 || strncmp(h0, "tranche", 7) == 0)
        return true;
    unsigned nums = 0, filled = 0;
    for (unsigned i = 1; i < n; i++)
        for (unsigned k = 1; k < width && k < rows[i].n; k++) {
            int64_t v;
            if (!*rows[i].cells[k].text)
                continue;
            filled++;
            nums += cdg_imp_integer(rows[i].cells[k].text, &v);
        }
    return filled > 0 && nums * 2 > filled && nums > 0 && *rows[0].cells[0].text;
}

/* ---- table 1: services x forfaits ---- */

/* A label's footnote call: " *1", "*1", "[^1]" at its end. Returns the
 * number (0: none) and cuts it off the label. */
static unsigned footnote_call(char *label)
{
    size_t n = strlen(label);
    size_t e = n;
    if (e > 0 && label[e - 1] == ']')
        e--;
    size_t d = e;
    while (d > 0 && label[d - 1] >= '0' && label[d - 1] <= '9')
        d--;
    if (d == e || d == 0)
        return 0;
    size_t s;
    if (e < n && d >= 2 && label[d - 1] == '^' && label[d - 2] == '[')
        s = d - 2;
    else if (e == n && label[d - 1] == '*')
        s = d - 1;
    else
        return 0;
    unsigned v = 0;
    for (size_t i = d; i < e; i++)
        v = v * 10 + (unsigned)(label[i] - '0');
    while (s > 0 && label[s - 1] == ' ')
        s--;
    label[s] = '\0';
    return v;
}

/* The footnote a label calls by number (marked used); -1 after the
 * located error when the file has no such footnote. */
static int note_index(imp *im, unsigned number, uint32_t off)
{
    for (unsigned i = 0; i < im->nnotes; i++)
        if (im->notes[i].number == number) {
            im->notes[i].used = true;
            return (int)i;
        }
    ERR(im, off, N_("footnote call *%u has no footnote: its text ('*%u : …') is missing below the table"),
        number, number);
    return -1;
}

/* The forfait columns of a header, from column first; false when none. */
static unsigned forfait_columns(imp *im, const imp_line *h, unsigned first, unsigned width, bool *amount)
{
    *amount = width > first + 1 && amount_heading(im, h->cells[width - 1].text);
    return width - first - *amount;
}

/* Table 1: the forfaits of the header (ids without their shared first
 * word), then each row: a group in the first column, the service, its
 * footnote call and its cells. L is the number of label columns. */
static bool read_services(imp *im, const imp_line *rows, unsigned n, unsigned width, unsigned L)
{
    const imp_line *h = &rows[0];
    bool amount;
    unsigned nf = forfait_columns(im, h, L, width, &amount);
    im->nforfaits = nf;
    im->forfaits = cdg_arena_calloc(im->a, nf, sizeof *im->forfaits);
    /* forfait ids: the labels without the word they all start with ("Forfait") */
    const char *common = NULL;
    for (unsigned f = 0; f < nf; f++) {
        const char *lab = cdg_imp_unmark(im->a, h->cells[L + f].text);
        const char *fold = cdg_imp_fold(im->a, lab);
        size_t w = strcspn(fold, " ");
        char *first = cdg_arena_strndup(im->a, fold, w);
        if (f == 0)
            common = fold[w] ? first : NULL;
        else if (common && (strcmp(common, first) != 0 || !fold[w]))
            common = NULL;
        im->forfaits[f].label = lab;
        im->forfaits[f].off = h->cells[L + f].off;
        if (!*lab) {
            ERR(im, h->cells[L + f].off, N_("this forfait column has no heading"));
            return false;
        }
    }
    for (unsigned f = 0; f < nf; f++) {
        const char *lab = im->forfaits[f].label;
        if (common) {
            const char *sp = strchr(lab, ' ');
            lab = sp ? sp + 1 : lab;
        }
        im->forfaits[f].id = UNIQUE(im, cdg_imp_ident(im->a, lab, 5, true, "F"), im->forfaits, f);
        for (unsigned g = 0; g < f; g++)
            if (same_fold(im, im->forfaits[g].label, im->forfaits[f].label))
                decide(im, ON_FORFAIT, f, im->forfaits[f].off,
                       N_("two forfait columns are headed '%s'; the second is called %s"),
                       im->forfaits[f].label, im->forfaits[f].id);
    }
    im->svcs = cdg_arena_calloc(im->a, n, sizeof *im->svcs);
    im->rubs = cdg_arena_calloc(im->a, n, sizeof *im->rubs);
    int rub = -1;
    for (unsigned i = 1; i < n; i++) {
        const imp_line *l = &rows[i];
        const imp_cell *c0 = &l->cells[0], *c1 = L >= 2 ? &l->cells[L - 1] : NULL;
        const imp_cell *lab;
        if (c1 && !blank_cell(c1)) {
            lab = c1;
            if (!blank_cell(c0)) {
                imp_rub *r = &im->rubs[im->nrubs];
                r->label = cdg_imp_unmark(im->a, c0->text);
                r->id = UNIQUE(im, cdg_imp_ident(im->a, r->label, 2, false, "rubrique"), im->rubs, im->nrubs);
                rub = (int)im->nrubs++;
            }
        } else if (!blank_cell(c0)) {
            lab = c0;
            rub = -1;
        } else {
            bool any = false;
            for (unsigned k = L; k < l->n; k++)
                any = any || *l->cells[k].text;
            if (!any)
                continue;
            ERR(im, l->cells[L].off, N_("this row gives cells but no service label"));
            continue;
        }
        imp_svc *s = &im->svcs[im->nsvcs];
        char *label = cdg_imp_unmark(im->a, lab->text);
        unsigned call = footnote_call(label);
        s->label = label;
        s->note = call ? note_index(im, call, lab->off) : -1;
        s->rub = rub;
        s->off = lab->off;
        s->cells = cdg_arena_calloc(im->a, nf, sizeof *s->cells);
        s->w = cdg_arena_calloc(im->a, nf, sizeof *s->w);
        s->own = cdg_arena_calloc(im->a, nf, sizeof *s->own);
        s->attache = cdg_arena_calloc(im->a, nf, sizeof *s->attache);
        s->keep = cdg_arena_calloc(im->a, nf, sizeof *s->keep);
        for (unsigned f = 0; f < nf; f++) {
            s->cells[f] = l->cells[L + f];
            s->cells[f].text = cdg_imp_unmark(im->a, s->cells[f].text);
            s->w[f] = cdg_imp_cell_wording(im->a, s->cells[f].text);
            s->attache[f] = -1;
        }
        s->id = UNIQUE(im, cdg_imp_ident(im->a, label, 2, false, "service"), im->svcs, im->nsvcs);
        im->nsvcs++;
    }
    if (im->nsvcs == 0) {
        ERR(im, h->off, N_("the services table has a header row but no service rows"));
        return false;
    }
    return true;
}

/* ---- footnotes, titles ---- */

/* A footnote line: "*1 : text", "*\*1 : text*" (Markdown), "[^1]: text". */
static bool footnote_line(imp *im, const char *line, unsigned *number, const char **text)
{
    char *s = cdg_arena_strdup(im->a, line);
    size_t n = strlen(s);
    if (strncmp(s, "*\\*", 3) == 0 && n > 4 && s[n - 1] == '*') {
        s[n - 1] = '\0';
        s += 3;
    } else if (s[0] == '*')
        s += 1;
    else if (strncmp(s, "[^", 2) == 0)
        s += 2;
    else
        return false;
    unsigned v = 0;
    char *p = s;
    while (*p >= '0' && *p <= '9')
        v = v * 10 + (unsigned)(*p++ - '0');
    if (p == s)
        return false;
    if (*p == ']')
        p++;
    while (*p == ' ')
        p++;
    if (*p != ':')
        return false;
    p++;
    while (*p == ' ')
        p++;
    *number = v;
    *text = p;
    return true;
}

/* A title line without its Markdown: "**T**", "### T". */
static const char *title_text(imp *im, const char *line)
{
    while (*line == '#')
        line++;
    while (*line == ' ')
        line++;
    return cdg_imp_unmark(im->a, line);
}

/* ---- table 2: strata ---- */

static int find_cat(imp *im, const char *key)
{
    for (unsigned i = 0; i < im->ncats; i++)
        if (strcmp(im->cats[i].key, key) == 0)
            return (int)i;
    return -1;
}

/* A new category named label (key: its folded label), with an id. */
static int add_cat(imp *im, const char *key, const char *label, const char *mesure)
{
    imp_cat *c = &im->cats[im->ncats];
    c->key = key;
    c->label = label;
    c->mesure = mesure;
    c->id = UNIQUE(im, cdg_imp_ident(im->a, label, 2, false, "categorie"), im->cats, im->ncats);
    return (int)im->ncats++;
}

/* s with its first letter in capitals ("habitants" -> "Habitants"). */
static const char *capitalized(imp *im, const char *s)
{
    char *c = cdg_arena_strdup(im->a, s);
    if (c[0] >= 'a' && c[0] <= 'z')
        c[0] = (char)(c[0] - 'a' + 'A');
    return c;
}

/* Reads a stratum label into members, creating the categories it names. */
static void read_strate_label(imp *im, unsigned k, int *last_cat)
{
    imp_strate *st = &im->strates[k];
    imp_part parts[MAX_PARTS];
    unsigned np = cdg_imp_strate_label(im->a, st->label, parts, MAX_PARTS);
    for (unsigned i = 0; i < np; i++) {
        imp_part *p = &parts[i];
        int c = -1;
        if (p->categorie) {
            const char *key = cdg_imp_fold(im->a, p->categorie);
            c = find_cat(im, key);
            if (c < 0)
                c = add_cat(im, key, p->categorie, NULL);
        } else if (p->mesure) {
            for (unsigned j = 0; j < im->ncats && c < 0; j++)
                if (im->cats[j].mesure && strcmp(im->cats[j].mesure, p->mesure) == 0)
                    c = (int)j;
            if (c < 0) {
                c = add_cat(im, cdg_arena_printf(im->a, "\x01%s", p->mesure), capitalized(im, p->mesure), p->mesure);
                decide(im, ON_CATEGORIE, (unsigned)c, st->off,
                       N_("the label names no kind of authority for its %s: category '%s' is made for them"),
                       p->mesure, im->cats[c].id);
            }
        } else {
            c = *last_cat;
            if (c < 0) {
                c = find_cat(im, "\x01");
                if (c < 0)
                    c = add_cat(im, "\x01", "Collectivités", "habitants");
                decide(im, ON_STRATE, k, st->off,
                       N_("the label names neither a kind of authority nor what is counted: read as a number of habitants of category '%s'"),
                       im->cats[c].id);
            } else
                decide(im, ON_STRATE, k, st->off,
                       N_("the part '%s' names no kind of authority: read as category '%s', as the part before it"),
                       st->label, im->cats[c].id);
        }
        imp_cat *cat = &im->cats[c];
        if (!p->tous && p->hi >= 0 && p->lo > p->hi) {
            ERR(im, st->off, N_("the stratum label gives '%s' an empty range: from %" PRId64 " to %" PRId64),
                cat->label, p->lo, p->hi);
            continue;
        }
        if (!p->tous) {
            if (p->mesure && !cat->mesure)
                cat->mesure = p->mesure;
            else if (p->mesure && strcmp(cat->mesure, p->mesure) != 0)
                decide(im, ON_STRATE, k, st->off,
                       N_("category '%s' is counted in %s elsewhere but in %s here; %s is kept"),
                       cat->id, cat->mesure, p->mesure, cat->mesure);
            cat->ranged = true;
            *last_cat = c;
        }
        bool dup = false;
        for (unsigned j = 0; j < st->nm; j++)
            dup = dup || st->m[j].cat == c;
        if (dup) {
            decide(im, ON_STRATE, k, st->off,
                   N_("the label names category '%s' twice; only its first range is kept"), cat->id);
            continue;
        }
        st->m[st->nm++] = (imp_member){c, p->tous, p->lo, p->hi};
        if (p->rest)
            decide(im, ON_STRATE, k, st->off,
                   N_("words of the stratum label not understood: '%s' (the label is kept as written)"), p->rest);
    }
}

/* A strata column headed "BASE (F1, F2)": another column's heading, then
 * forfait labels. Sets own[f] for those forfaits; true when it is one. */
static bool own_column(imp *im, const char *h, unsigned col, const char **headings, int *col_svc,
                       bool *forfaits_of)
{
    for (unsigned b = 0; b < col; b++) {
        size_t bl = strlen(headings[b]);
        if (col_svc[b] < 0 || strncmp(h, headings[b], bl) != 0 || strncmp(h + bl, " (", 2) != 0)
            continue;
        const char *p = h + bl + 2;
        size_t n = strlen(p);
        if (n == 0 || p[n - 1] != ')')
            continue;
        memset(forfaits_of, 0, im->nforfaits * sizeof *forfaits_of);
        bool ok = true, any = false;
        while (ok && *p != ')') {
            ok = false;
            for (unsigned f = 0; f < im->nforfaits && !ok; f++) {
                size_t fl = strlen(im->forfaits[f].label);
                if (strncmp(p, im->forfaits[f].label, fl) == 0 && (p[fl] == ')' || strncmp(p + fl, ", ", 2) == 0)) {
                    forfaits_of[f] = any = ok = true;
                    p += fl + (p[fl] == ')' ? 0 : 2);
                }
            }
        }
        if (ok && any && strcmp(p, ")") == 0) {
            col_svc[col] = col_svc[b];
            return true;
        }
    }
    return false;
}

/* The unit in a heading's parentheses: "(volume en Go)" -> "Go". */
static const char *heading_unit(imp *im, const char *h)
{
    const char *o = strrchr(h, '(');
    const char *c = o ? strchr(o, ')') : NULL;
    if (!o || !c)
        return NULL;
    const char *b = c;
    while (b > o + 1 && b[-1] != ' ' && b[-1] != '(')
        b--;
    if (b == c)
        return NULL;
    for (const char *p = b; p < c; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')))
            return NULL;
    return cdg_arena_strndup(im->a, b, (size_t)(c - b));
}

/* Table 2: each column matched to a service of table 1 (or to forfaits
 * of one, "HEADING (F1, F2)"), each row a stratum whose label gives its
 * categories and ranges, its cells the quantities. */
static bool read_strata(imp *im, const imp_line *rows, unsigned n, unsigned width)
{
    unsigned nc = width - 1;
    im->ncols = nc;
    const char **headings = cdg_arena_calloc(im->a, nc + 1, sizeof *headings);
    int *col_svc = cdg_arena_calloc(im->a, nc + 1, sizeof *col_svc);
    bool **col_forfaits = cdg_arena_calloc(im->a, nc + 1, sizeof *col_forfaits);
    bool ok = true;
    for (unsigned j = 0; j < nc; j++) {
        const imp_cell *hc = &rows[0].cells[j + 1];
        const char *h = cdg_imp_unmark(im->a, hc->text);
        headings[j] = h;
        col_svc[j] = -1;
        col_forfaits[j] = cdg_arena_calloc(im->a, im->nforfaits + 1, sizeof **col_forfaits);
        if (own_column(im, h, j, headings, col_svc, col_forfaits[j]))
            continue;
        const char *fh = cdg_imp_fold(im->a, h);
        for (unsigned s = 0; s < im->nsvcs && col_svc[j] < 0; s++) {
            const char *fl = cdg_imp_fold(im->a, im->svcs[s].label);
            size_t l = strlen(fl);
            if (!im->svcs[s].par_strate && strncmp(fh, fl, l) == 0 && (fh[l] == '\0' || strncmp(fh + l, " (", 2) == 0))
                col_svc[j] = (int)s;
        }
        for (unsigned s = 0; s < im->nsvcs && col_svc[j] < 0; s++) {
            bool strate = false;
            for (unsigned f = 0; f < im->nforfaits; f++)
                strate = strate || im->svcs[s].w[f].st == IMP_SELON_STRATE;
            bool taken = im->svcs[s].par_strate != NULL;
            for (unsigned b = 0; b < j; b++)
                taken = taken || col_svc[b] == (int)s;
            if (strate && !taken)
                col_svc[j] = (int)s;
        }
        if (col_svc[j] < 0) {
            ERR(im, hc->off, N_("the strata table's column '%s' is no service of the services table (its label, or a service whose cells say 'selon strate')"), h);
            ok = false;
            continue;
        }
        imp_svc *s = &im->svcs[col_svc[j]];
        s->par_strate = cdg_arena_calloc(im->a, n, sizeof *s->par_strate);
        if (strcmp(h, s->label) != 0)
            s->colonne = h;
        const char *u = heading_unit(im, h);
        if (u && !s->unite)
            s->unite = u;
    }
    im->nstrates = n - 1;
    im->strates = cdg_arena_calloc(im->a, n, sizeof *im->strates);
    im->cats = cdg_arena_calloc(im->a, n * MAX_PARTS + 2, sizeof *im->cats);
    int last_cat = -1;
    for (unsigned i = 1; i < n; i++) {
        imp_strate *st = &im->strates[i - 1];
        st->label = cdg_imp_unmark(im->a, rows[i].cells[0].text);
        st->off = rows[i].cells[0].off;
        st->id = cdg_arena_printf(im->a, "S%u", i);
        st->q = cdg_arena_calloc(im->a, nc + 1, sizeof *st->q);
        if (!*st->label) {
            ERR(im, st->off, N_("this stratum has no label"));
            ok = false;
        }
        for (unsigned j = 0; j < nc; j++) {
            const imp_cell *c = &rows[i].cells[j + 1];
            if (!cdg_imp_integer(c->text, &st->q[j])) {
                ERR(im, c->off, N_("a quantity of the strata table must be a whole number, not '%s'"), c->text);
                ok = false;
            }
        }
        read_strate_label(im, i - 1, &last_cat);
    }
    for (unsigned j = 0; j < nc && ok; j++) {
        imp_svc *s = &im->svcs[col_svc[j]];
        bool own = false;
        for (unsigned f = 0; f < im->nforfaits; f++)
            own = own || col_forfaits[j][f];
        int64_t *v = cdg_arena_calloc(im->a, im->nstrates + 1, sizeof *v);
        for (unsigned k = 0; k < im->nstrates; k++)
            v[k] = im->strates[k].q[j];
        if (!own) {
            s->par_strate = v;
            continue;
        }
        for (unsigned f = 0; f < im->nforfaits; f++)
            if (col_forfaits[j][f])
                s->own[f] = v;
    }
    return ok;
}

/* Overlaps and gaps of each counted category, as the document has them. */
static bool check_ranges(imp *im)
{
    bool ok = true;
    for (unsigned c = 0; c < im->ncats; c++) {
        if (!im->cats[c].ranged)
            continue;
        for (unsigned k = 0; k < im->nstrates; k++)
            for (unsigned i = 0; i < im->strates[k].nm; i++) {
                imp_member *b = &im->strates[k].m[i];
                if (b->cat != (int)c || b->tous)
                    continue;
                for (unsigned j = 0; j < k; j++)
                    for (unsigned x = 0; x < im->strates[j].nm; x++) {
                        imp_member *o = &im->strates[j].m[x];
                        if (o->cat != (int)c || o->tous)
                            continue;
                        int64_t lo = o->lo > b->lo ? o->lo : b->lo;
                        int64_t hi = o->hi < 0 ? b->hi : b->hi < 0 ? o->hi : (o->hi < b->hi ? o->hi : b->hi);
                        if (hi >= 0 && lo > hi)
                            continue;
                        bool same = true;
                        for (unsigned q = 0; q < im->ncols; q++)
                            same = same && im->strates[j].q[q] == im->strates[k].q[q];
                        if (!same) {
                            ERR(im, im->strates[k].off,
                                N_("strata %s and %s overlap for '%s' (from %" PRId64 ") and give different quantities: the table must say which applies"),
                                im->strates[j].id, im->strates[k].id, im->cats[c].label, lo);
                            ok = false;
                        } else
                            decide(im, ON_STRATE, k, im->strates[k].off,
                                   N_("as the document writes them, strata %s and %s overlap for '%s' from %" PRId64 "; they give the same quantities, and a profile in both gets %s (the last one)"),
                                   im->strates[j].id, im->strates[k].id, im->cats[c].label, lo, im->strates[k].id);
                    }
            }
        /* gaps: walk up from 0 */
        int64_t next = 0;
        for (;;) {
            int64_t best_hi = -2;
            bool found = false, open = false;
            int64_t min_lo = -1;
            for (unsigned k = 0; k < im->nstrates; k++)
                for (unsigned i = 0; i < im->strates[k].nm; i++) {
                    imp_member *m = &im->strates[k].m[i];
                    if (m->cat != (int)c || m->tous)
                        continue;
                    if (m->lo <= next && (m->hi < 0 || m->hi >= next)) {
                        found = true;
                        if (m->hi < 0)
                            open = true;
                        else if (m->hi > best_hi)
                            best_hi = m->hi;
                    } else if (m->lo > next && (min_lo < 0 || m->lo < min_lo))
                        min_lo = m->lo;
                }
            if (open)
                break;
            if (found) {
                next = best_hi + 1;
                continue;
            }
            unsigned k = 0;
            for (; k < im->nstrates; k++)
                for (unsigned i = 0; i < im->strates[k].nm; i++)
                    if (im->strates[k].m[i].cat == (int)c && !im->strates[k].m[i].tous &&
                        im->strates[k].m[i].lo == min_lo)
                        goto located;
            k = im->nstrates - 1;
        located:
            if (min_lo < 0) {
                decide(im, ON_CATEGORIE, c, im->strates[im->nstrates - 1].off,
                       N_("no stratum takes '%s' from %" PRId64 " %s up: such a profile gets no answer"),
                       im->cats[c].label, next, im->cats[c].mesure ? im->cats[c].mesure : "");
                break;
            }
            decide(im, ON_STRATE, k, im->strates[k].off,
                   N_("no stratum takes '%s' from %" PRId64 " to %" PRId64 " %s: such a profile gets no answer"),
                   im->cats[c].label, next, min_lo - 1, im->cats[c].mesure ? im->cats[c].mesure : "");
            next = min_lo;
        }
    }
    return ok;
}

/* ---- table 3: options ---- */

/* The service whose folded label the option's label holds, preferring a
 * counted one (has a unit or quantities); -1 when none. */
static int service_in_label(imp *im, const char *label, bool counted_only)
{
    const char *fl = cdg_imp_fold(im->a, label);
    int best = -1;
    size_t best_len = 0;
    for (unsigned s = 0; s < im->nsvcs; s++) {
        const imp_svc *sv = &im->svcs[s];
        bool counted = sv->unite || sv->par_strate;
        if (counted_only && !counted)
            continue;
        const char *f = cdg_imp_fold(im->a, sv->label);
        size_t n = strlen(f);
        if (strstr(fl, f) && n > best_len)
            best = (int)s, best_len = n;
    }
    return best;
}

/* The counted service of unit u: the one whose label the option names,
 * else the first with that unit; -1 when none. */
static int service_of_unit(imp *im, const char *u, const char *label)
{
    int first = -1;
    for (unsigned s = 0; s < im->nsvcs; s++)
        if (im->svcs[s].unite && same_fold(im, im->svcs[s].unite, u)) {
            if (label && strstr(cdg_imp_fold(im->a, label), cdg_imp_fold(im->a, im->svcs[s].label)))
                return (int)s;
            if (first < 0)
                first = (int)s;
        }
    /* none: the counted service without a unit whose label starts with the
     * option's first word ("Sauvegarde supplémentaire", "Sauvegarde externalisée") */
    if (first < 0 && label) {
        const char *fl = cdg_imp_fold(im->a, label);
        size_t n = strcspn(fl, " ");
        for (unsigned s = 0; s < im->nsvcs && first < 0; s++) {
            const char *fs = cdg_imp_fold(im->a, im->svcs[s].label);
            if (im->svcs[s].par_strate && !im->svcs[s].unite && n && strncmp(fs, fl, n) == 0 &&
                (fs[n] == ' ' || !fs[n]))
                first = (int)s, im->svcs[s].unite = u;
        }
    }
    return first;
}

/* Table 3: columns matched to the forfaits of table 1 (and an amounts
 * column), each row an option: merged when only its first cell is
 * filled, its pricing from its en_option wording. */
static bool read_options(imp *im, const imp_line *rows, unsigned n, unsigned width)
{
    bool amount;
    unsigned nf = forfait_columns(im, &rows[0], 1, width, &amount);
    int *col_f = cdg_arena_calloc(im->a, nf + 1, sizeof *col_f);
    bool ok = true;
    for (unsigned j = 0; j < nf; j++) {
        const imp_cell *hc = &rows[0].cells[1 + j];
        const char *h = cdg_imp_unmark(im->a, hc->text);
        col_f[j] = -1;
        for (unsigned f = 0; f < im->nforfaits && col_f[j] < 0; f++)
            if (same_fold(im, h, im->forfaits[f].label))
                col_f[j] = (int)f;
        if (col_f[j] < 0) {
            ERR(im, hc->off, N_("the options table's column '%s' is not a forfait of the services table"), h);
            ok = false;
        }
    }
    if (!ok)
        return false;
    im->opts = cdg_arena_calloc(im->a, n, sizeof *im->opts);
    for (unsigned i = 1; i < n; i++) {
        const imp_line *l = &rows[i];
        imp_opt *o = &im->opts[im->nopts];
        o->label = cdg_imp_unmark(im->a, l->cells[0].text);
        o->off = l->cells[0].off;
        if (!*o->label) {
            ERR(im, o->off, N_("this option row has no label"));
            ok = false;
            continue;
        }
        o->id = UNIQUE(im, cdg_imp_ident(im->a, o->label, 2, false, "option"), im->opts, im->nopts);
        o->cells = cdg_arena_calloc(im->a, im->nforfaits, sizeof *o->cells);
        o->w = cdg_arena_calloc(im->a, im->nforfaits, sizeof *o->w);
        for (unsigned f = 0; f < im->nforfaits; f++)
            o->cells[f] = (imp_cell){"", o->off};
        unsigned filled = 0;
        for (unsigned j = 0; j < nf; j++) {
            imp_cell c = l->cells[1 + j];
            c.text = cdg_imp_unmark(im->a, c.text);
            o->cells[col_f[j]] = c;
            filled += *c.text != '\0';
        }
        o->merged = nf > 1 && filled == 1 && *l->cells[1].text;
        o->tarif = IMP_TARIF_NONE;
        o->svc = -1;
        const char *unite = NULL;
        for (unsigned f = 0; f < im->nforfaits; f++) {
            o->w[f] = cdg_imp_option_wording(im->a, o->cells[f].text);
            if (o->w[f].st == IMP_EN_OPTION && o->tarif == IMP_TARIF_NONE && o->w[f].tarif != IMP_TARIF_NONE) {
                o->tarif = o->w[f].tarif;
                unite = o->w[f].unite;
            }
        }
        if (o->merged)
            for (unsigned f = 0; f < im->nforfaits; f++)
                o->w[f] = o->w[col_f[0]], o->cells[f].text = o->cells[col_f[0]].text;
        if (amount) {
            const imp_cell *mc = &l->cells[width - 1];
            if (*mc->text) {
                o->has_montant = cdg_imp_amount(mc->text, &o->montant);
                if (!o->has_montant)
                    o->montant_bad = mc->text, o->montant_off = mc->off;
            }
        }
        o->unite = unite;
        if (o->tarif == IMP_TARIF_PAR_UNITE)
            for (unsigned k = 0; k < im->nsvcs && o->svc < 0; k++)
                if (same_fold(im, im->svcs[k].label, o->label) &&
                    (!im->svcs[k].unite || !unite || same_fold(im, im->svcs[k].unite, unite))) {
                    o->svc = (int)k;
                    if (!im->svcs[k].unite)
                        im->svcs[k].unite = unite;
                }
        im->nopts++;
    }
    return ok;
}

/* The options' counted services and pricing, once every unit is known. */
static void resolve_options(imp *im)
{
    for (unsigned i = 0; i < im->nopts; i++) {
        imp_opt *o = &im->opts[i];
        if (o->tarif == IMP_TARIF_PAR_UNITE && o->svc < 0) {
            o->svc = o->unite ? service_of_unit(im, o->unite, o->label) : -1;
            if (o->svc < 0 && o->unite) {
                o->svc = service_in_label(im, o->label, false);
                if (o->svc >= 0 && im->svcs[o->svc].unite)
                    o->svc = -1;
                if (o->svc >= 0)
                    im->svcs[o->svc].unite = o->unite;
            }
            if (o->svc < 0) {
                o->tarif = IMP_TARIF_SUR_ETUDE;
                decide(im, ON_OPTION, i, o->off,
                       N_("no service is counted in '%s', the unit this option is priced in: written as priced after a study (sur_etude), its wording kept"),
                       o->unite ? o->unite : "?");
            }
        }
        if (o->tarif == IMP_TARIF_NONE) {
            o->svc = service_in_label(im, o->label, true);
            if (o->svc >= 0)
                o->tarif = IMP_TARIF_PAR_UNITE;
            else {
                bool en_option = false;
                for (unsigned f = 0; f < im->nforfaits; f++)
                    en_option = en_option || o->w[f].st == IMP_EN_OPTION;
                o->tarif = IMP_TARIF_SUR_ETUDE;
                if (en_option)
                    decide(im, ON_OPTION, i, o->off,
                           N_("no pricing recognised in this option's cells (daily rate, cost per extra unit, study): written as priced after a study (sur_etude), its wording kept"));
            }
        }
        for (unsigned f = 0; f < im->nforfaits; f++)
            if (o->w[f].st == IMP_SANS_OBJET) {
                o->w[f].st = IMP_NON_INCLUS;
                decide(im, ON_OPTION, i, o->cells[f].off,
                       N_("blank cell for %s: read as not included (non_inclus), printed blank"),
                       im->forfaits[f].label);
            }
    }
}

/* Units of the counted services from their cells ("2 comptes inclus"). */
static void cell_units(imp *im)
{
    for (unsigned s = 0; s < im->nsvcs; s++)
        for (unsigned f = 0; f < im->nforfaits; f++) {
            imp_svc *sv = &im->svcs[s];
            imp_wording *w = &sv->w[f];
            if (w->st == IMP_QUANTITE && w->unite && !sv->unite)
                sv->unite = w->unite;
        }
}

/* The services attached by "Inclus avec un certificat" cells; cells that
 * need the strata table; wordings not mapped; units still missing. */
static bool resolve_cells(imp *im)
{
    bool ok = true;
    for (unsigned s = 0; s < im->nsvcs; s++)
        for (unsigned f = 0; f < im->nforfaits; f++) {
            imp_svc *sv = &im->svcs[s];
            imp_wording *w = &sv->w[f];
            const imp_cell *c = &sv->cells[f];
            if (w->st == IMP_INCLUS_AVEC) {
                int t = service_of_unit(im, w->unite, NULL);
                if (t < 0)
                    t = service_in_label(im, w->unite, false);
                for (unsigned k = 0; t < 0 && k < im->nsvcs; k++)
                    if (strstr(cdg_imp_fold(im->a, im->svcs[k].label), cdg_imp_fold(im->a, w->unite)))
                        t = (int)k;
                if (t < 0 || t == (int)s) {
                    w->st = IMP_INCLUS;
                    decide(im, ON_CELL, s * im->nforfaits + f, c->off,
                           N_("'%s': no service counts '%s'; read as included, without an attached quantity"),
                           c->text, w->unite);
                } else {
                    sv->attache[f] = t;
                    if (!im->svcs[t].unite)
                        im->svcs[t].unite = w->unite;
                }
            } else if (w->st == IMP_SELON_STRATE && !sv->par_strate && !sv->own[f]) {
                ERR(im, c->off, N_("'%s' says the quantity depends on the stratum, but the strata table has no column for '%s'"),
                    c->text, sv->label);
                ok = false;
            } else if (w->st == IMP_INCONNU) {
                decide(im, ON_CELL, s * im->nforfaits + f, c->off,
                       N_("wording '%s' (%s, %s) is none of Inclus, Non inclus, En option, a quantity or 'selon strate': written as en_option with this wording"),
                       c->text, sv->label, im->forfaits[f].label);
            }
        }
    for (unsigned s = 0; s < im->nsvcs; s++) {
        imp_svc *sv = &im->svcs[s];
        bool counted = sv->par_strate != NULL;
        for (unsigned f = 0; f < im->nforfaits; f++)
            counted = counted || sv->own[f] || sv->w[f].st == IMP_QUANTITE;
        if (counted && !sv->unite) {
            sv->unite = "unité";
            decide(im, ON_SERVICE, s, sv->off,
                   N_("no cell, option or heading says what '%s' counts: its unit is written \"unité\""), sv->label);
        }
    }
    return ok;
}

/* The file's base name without directory nor extension. */
static const char *base_name(imp *im, const char *path)
{
    if (strcmp(path, "-") == 0)
        return "offre";
    const char *s = strrchr(path, '/');
    s = s ? s + 1 : path;
    const char *dot = strrchr(s, '.');
    return cdg_arena_strndup(im->a, s, dot && dot != s ? (size_t)(dot - s) : strlen(s));
}

/* ---- writing the rules ---- */

/* text as comment lines of at most 78 columns, after indent. */
static void put_comment(cdg_buf *b, const char *t, const char *indent)
{
    while (*t) {
        size_t n = strlen(t), cut = n;
        size_t width = 76 - strlen(indent);
        if (n > width) {
            cut = width;
            while (cut > 20 && t[cut] != ' ')
                cut--;
            if (t[cut] != ' ')
                cut = n;
        }
        cdg_buf_printf(b, "%s# ", indent);
        cdg_buf_add(b, t, cut);
        cdg_buf_putc(b, '\n');
        t += cut;
        while (*t == ' ')
            t++;
    }
}

/* The comment lines of the decisions about one declaration. */
static void put_decisions_at(imp *im, cdg_buf *b, imp_on on, unsigned index, const char *indent)
{
    for (imp_decision *d = im->decisions; d; d = d->next)
        if (d->on == on && d->index == index)
            put_comment(b, d->text, indent);
}

/* The decisions about one declaration, as comments above it. */
static void put_decisions(imp *im, cdg_buf *b, imp_on on, unsigned index)
{
    put_decisions_at(im, b, on, index, "");
}

/* "S1: 1; S2: 1; …" */
static void put_table(imp *im, cdg_buf *b, const int64_t *v)
{
    cdg_buf_puts(b, " < ");
    for (unsigned k = 0; k < im->nstrates; k++)
        cdg_buf_printf(b, "%s: %" PRId64 "; ", im->strates[k].id, v[k]);
    cdg_buf_putc(b, '>');
}

/* The generated wordings read back from the first pass (NULL: none yet). */
typedef struct generated {
    const char ***cell;      /* [service][forfait] */
    const char ***opt;       /* [option][forfait] */
} generated;

static const char *const statut_kw[] = {"inclus", "non_inclus", "en_option", "sans_objet"};

/* One forfait cell; its wording when it differs from the generated one. */
static void put_cell(imp *im, cdg_buf *b, unsigned s, unsigned f, const generated *g)
{
    imp_svc *sv = &im->svcs[s];
    imp_wording *w = &sv->w[f];
    put_decisions_at(im, b, ON_CELL, s * im->nforfaits + f, "  ");
    cdg_buf_printf(b, "  %s: ", sv->id);
    switch (w->st) {
    case IMP_INCLUS: case IMP_INCLUS_AVEC: cdg_buf_puts(b, "inclus"); break;
    case IMP_NON_INCLUS: cdg_buf_puts(b, "non_inclus"); break;
    case IMP_EN_OPTION: case IMP_INCONNU: cdg_buf_puts(b, "en_option"); break;
    case IMP_SANS_OBJET: cdg_buf_puts(b, "sans_objet"); break;
    case IMP_SELON_STRATE: cdg_buf_puts(b, "selon_strate"); break;
    case IMP_QUANTITE: cdg_buf_printf(b, "%" PRId64, w->q); break;
    }
    if (g && (sv->keep[f] || strcmp(g->cell[s][f], sv->cells[f].text) != 0)) {
        cdg_buf_putc(b, ' ');
        cdg_buf_put_literal(b, sv->cells[f].text);
    }
    if (w->st == IMP_SELON_STRATE && sv->own[f])
        put_table(im, b, sv->own[f]);
    if (w->st == IMP_INCLUS_AVEC && sv->attache[f] >= 0)
        cdg_buf_printf(b, " < %s: %" PRId64 "; >", im->svcs[sv->attache[f]].id, w->q);
    cdg_buf_puts(b, ";\n");
}

/* One service: its unit, strata heading, footnote and quantities. */
static void put_service(imp *im, cdg_buf *b, unsigned s, const char *indent)
{
    imp_svc *sv = &im->svcs[s];
    put_decisions(im, b, ON_SERVICE, s);
    cdg_buf_printf(b, "%sservice %s ", indent, sv->id);
    cdg_buf_put_literal(b, sv->label);
    if (!sv->unite && !sv->colonne && sv->note < 0 && !sv->par_strate) {
        cdg_buf_puts(b, ";\n");
        return;
    }
    cdg_buf_puts(b, " <\n");
    if (sv->unite) {
        cdg_buf_printf(b, "%s  unite: ", indent);
        cdg_buf_put_literal(b, sv->unite);
        cdg_buf_puts(b, ";\n");
    }
    if (sv->colonne) {
        cdg_buf_printf(b, "%s  colonne: ", indent);
        cdg_buf_put_literal(b, sv->colonne);
        cdg_buf_puts(b, ";\n");
    }
    if (sv->note >= 0)
        cdg_buf_printf(b, "%s  note: n%u;\n", indent, im->notes[sv->note].number);
    if (sv->par_strate) {
        cdg_buf_printf(b, "%s  selon_strate", indent);
        put_table(im, b, sv->par_strate);
        cdg_buf_puts(b, ";\n");
    }
    cdg_buf_printf(b, "%s>\n", indent);
}

/* One option; wordings that differ from the generated ones are kept: one
 * `texte:` when every en_option cell has the same one. */
static void put_option(imp *im, cdg_buf *b, unsigned i, const generated *g)
{
    imp_opt *o = &im->opts[i];
    put_decisions(im, b, ON_OPTION, i);
    cdg_buf_printf(b, "option %s ", o->id);
    cdg_buf_put_literal(b, o->label);
    cdg_buf_puts(b, " <\n  tarif: ");
    switch (o->tarif) {
    case IMP_TARIF_JOURNALIER: cdg_buf_puts(b, "journalier;\n"); break;
    case IMP_TARIF_PAR_UNITE: cdg_buf_printf(b, "par_unite %s;\n", im->svcs[o->svc].id); break;
    case IMP_TARIF_SUR_ETUDE: case IMP_TARIF_NONE: cdg_buf_puts(b, "sur_etude;\n"); break;
    }
    if (o->montant_txt)
        cdg_buf_printf(b, "  montant: %s;\n", o->montant_txt);
    else if (o->has_montant)
        cdg_buf_printf(b, "  montant: %" PRId64 ".%02" PRId64 " EUR;\n", o->montant / 100, o->montant % 100);
    const char *texte = NULL;
    bool one_texte = g != NULL, any = false;
    for (unsigned f = 0; f < im->nforfaits && g; f++) {
        if (o->w[f].st != IMP_EN_OPTION)
            continue;
        any = true;
        const char *t = o->cells[f].text;
        if (strcmp(t, g->opt[i][f]) == 0 || (texte && strcmp(texte, t) != 0))
            one_texte = false;
        texte = t;
    }
    one_texte = one_texte && any;
    if (one_texte) {
        cdg_buf_puts(b, "  texte: ");
        cdg_buf_put_literal(b, texte);
        cdg_buf_puts(b, ";\n");
    }
    unsigned n = o->merged ? 1 : im->nforfaits;
    for (unsigned f = 0; f < n; f++) {
        imp_status st = o->w[f].st;
        const char *kw = statut_kw[st == IMP_INCLUS ? 0 : st == IMP_NON_INCLUS ? 1 : 2];
        if (o->merged)
            cdg_buf_printf(b, "  defaut: %s", kw);
        else
            cdg_buf_printf(b, "  %s: %s", im->forfaits[f].id, kw);
        bool own = g && strcmp(g->opt[i][f], o->cells[f].text) != 0 && !(one_texte && st == IMP_EN_OPTION);
        if (own) {
            cdg_buf_putc(b, ' ');
            cdg_buf_put_literal(b, o->cells[f].text);
        }
        cdg_buf_puts(b, ";\n");
    }
    cdg_buf_puts(b, ">\n\n");
}

/* The whole rules file, in the language's order; without wordings when g
 * is NULL (first pass), else with those that differ from g. */
static void put_rules(imp *im, cdg_buf *b, const generated *g)
{
    put_comment(b, _("Imported by 'cdgrules import' from the offer's table; review it, then 'cdgrules check' and 'cdgrules diff' it against the current rules."), "");
    cdg_buf_putc(b, '\n');
    put_decisions(im, b, ON_OFFRE, 0);
    cdg_buf_puts(b, "offre ");
    cdg_buf_puts(b, cdg_imp_ident(im->a, base_name(im, im->name), 3, false, "offre"));
    cdg_buf_putc(b, ' ');
    cdg_buf_put_literal(b, im->offre_label);
    static const char *const tables[3] = {"forfaits", "strates", "options"};
    bool millesime = im->millesime && (!im->edition || strcmp(im->millesime, im->edition) != 0);
    bool titled = im->editeur || im->edition || millesime;
    for (int t = 0; t < 3; t++)
        titled = titled || im->titres[t];
    if (!titled)
        cdg_buf_puts(b, ";\n\n");
    else {
        cdg_buf_puts(b, " <\n");
        if (im->editeur) {
            cdg_buf_puts(b, "  editeur: ");
            cdg_buf_put_literal(b, im->editeur);
            cdg_buf_puts(b, ";\n");
        }
        if (im->edition) {
            int64_t y;
            cdg_buf_puts(b, "  edition: ");
            if (cdg_imp_integer(im->edition, &y) && !strchr(im->edition, ' '))
                cdg_buf_printf(b, "%" PRId64, y);
            else
                cdg_buf_put_literal(b, im->edition);
            cdg_buf_puts(b, ";\n");
        }
        if (millesime)
            cdg_buf_printf(b, "  millesime: %s;\n", im->millesime);
        for (int t = 0; t < 3; t++)
            if (im->titres[t]) {
                cdg_buf_printf(b, "  titre: %s ", tables[t]);
                cdg_buf_put_literal(b, im->titres[t]);
                cdg_buf_puts(b, ";\n");
            }
        cdg_buf_puts(b, ">\n\n");
    }
    for (unsigned c = 0; c < im->ncats; c++) {
        put_decisions(im, b, ON_CATEGORIE, c);
        cdg_buf_printf(b, "categorie %s ", im->cats[c].id);
        cdg_buf_put_literal(b, im->cats[c].label);
        if (im->cats[c].ranged && im->cats[c].mesure)
            cdg_buf_printf(b, " < mesure: %s; >\n\n", cdg_imp_ident(im->a, im->cats[c].mesure, 1, false, "mesure"));
        else
            cdg_buf_puts(b, ";\n\n");
    }
    for (unsigned k = 0; k < im->nstrates; k++) {
        imp_strate *st = &im->strates[k];
        put_decisions(im, b, ON_STRATE, k);
        cdg_buf_printf(b, "strate %s ", st->id);
        cdg_buf_put_literal(b, st->label);
        cdg_buf_puts(b, " <\n");
        for (unsigned i = 0; i < st->nm; i++) {
            imp_member *m = &st->m[i];
            cdg_buf_printf(b, "  %s: ", im->cats[m->cat].id);
            if (m->tous || !im->cats[m->cat].ranged)
                cdg_buf_puts(b, "tous;\n");
            else if (m->lo == 0 && m->hi >= 0)
                cdg_buf_printf(b, "..%" PRId64 ";\n", m->hi);
            else if (m->hi < 0)
                cdg_buf_printf(b, "%" PRId64 "..;\n", m->lo);
            else
                cdg_buf_printf(b, "%" PRId64 "..%" PRId64 ";\n", m->lo, m->hi);
        }
        cdg_buf_puts(b, ">\n\n");
    }
    for (unsigned i = 0; i < im->nnotes; i++) {
        cdg_buf_printf(b, "note n%u ", im->notes[i].number);
        cdg_buf_put_literal(b, im->notes[i].texte);
        cdg_buf_puts(b, ";\n\n");
    }
    for (unsigned s = 0; s < im->nsvcs;) {
        int r = im->svcs[s].rub;
        if (r < 0) {
            put_service(im, b, s++, "");
            cdg_buf_putc(b, '\n');
            continue;
        }
        cdg_buf_printf(b, "rubrique %s ", im->rubs[r].id);
        cdg_buf_put_literal(b, im->rubs[r].label);
        cdg_buf_puts(b, " <\n");
        for (; s < im->nsvcs && im->svcs[s].rub == r; s++)
            put_service(im, b, s, "  ");
        cdg_buf_puts(b, ">\n\n");
    }
    for (unsigned f = 0; f < im->nforfaits; f++) {
        put_decisions(im, b, ON_FORFAIT, f);
        cdg_buf_printf(b, "forfait %s ", im->forfaits[f].id);
        cdg_buf_put_literal(b, im->forfaits[f].label);
        cdg_buf_puts(b, " <\n");
        for (unsigned s = 0; s < im->nsvcs; s++)
            put_cell(im, b, s, f, g);
        if (im->forfaits[f].prix)
            cdg_buf_printf(b, "  prix: %s;\n", im->forfaits[f].prix);
        if (im->forfaits[f].prix_pa)
            cdg_buf_printf(b, "  prix_premiere_annee: %s;\n", im->forfaits[f].prix_pa);
        cdg_buf_puts(b, ">\n\n");
    }
    for (unsigned i = 0; i < im->nopts; i++)
        put_option(im, b, i, g);
}

/* ---- the tariff table ---- */

/* Whether header row h is the tariff's: a label, then one column per
 * stratum named by its identifier (as `dump` writes "S1", "S2"…). */
static bool tariff_shaped(imp *im, const imp_line *h, unsigned width)
{
    if (im->nstrates == 0 || width != im->nstrates + 1)
        return false;
    for (unsigned k = 1; k < width; k++)
        if (strcmp(cdg_imp_unmark(im->a, h->cells[k].text), im->strates[k - 1].id) != 0)
            return false;
    return true;
}

/* Skips blanks, including the no-break spaces of money amounts. */
static const char *skip_blanks(const char *s)
{
    for (;;) {
        if (*s == ' ' || *s == '\t')
            s++;
        else if ((unsigned char)s[0] == 0xc2 && (unsigned char)s[1] == 0xa0)
            s += 2;
        else if ((unsigned char)s[0] == 0xe2 && (unsigned char)s[1] == 0x80 && (unsigned char)s[2] == 0xaf)
            s += 3;
        else
            return s;
    }
}

/* A decimal number at *s in French or English notation ("1 200,50",
 * "0.85"), as the language writes it ("1200.50"); advances *s. NULL when
 * there is none. */
static const char *decimal_at(imp *im, const char **s)
{
    const char *p = skip_blanks(*s);
    if (!isdigit((unsigned char)*p))
        return NULL;
    int64_t v;
    size_t k = cdg_imp_number(p, &v);
    if (!k)
        return NULL;
    p += k;
    const char *dec = "";
    if ((*p == ',' || *p == '.') && isdigit((unsigned char)p[1])) {
        const char *d = ++p;
        while (isdigit((unsigned char)*p))
            p++;
        dec = cdg_arena_strndup(im->a, d, (size_t)(p - d));
    }
    *s = p;
    return *dec ? cdg_arena_printf(im->a, "%" PRId64 ".%s", v, dec) : cdg_arena_printf(im->a, "%" PRId64, v);
}

/* An amount in euros at *s ("1 200,00 €", "0.35 EUR"), as rules text
 * ("1200.00 EUR"); advances *s past the currency. */
static const char *money_at(imp *im, const char **s)
{
    const char *p = *s;
    const char *n = decimal_at(im, &p);
    if (!n)
        return NULL;
    p = skip_blanks(p);
    if (strncmp(p, "\xe2\x82\xac", 3) == 0)
        p += 3;
    else if (strncmp(p, "EUR", 3) == 0)
        p += 3;
    else
        return NULL;
    *s = p;
    return cdg_arena_printf(im->a, "%s%s EUR", n, strchr(n, '.') ? "" : ".00");
}

/* Whether s starts with the French words w (compared folded); advances *s. */
static bool words_at(imp *im, const char **s, const char *w)
{
    const char *p = skip_blanks(*s);
    size_t n = strlen(w);
    for (size_t len = 1; p[len - 1]; len++) {
        char *cut = cdg_arena_strndup(im->a, p, len);
        if (strcmp(cdg_imp_fold(im->a, cut), w) == 0) {
            *s = p + len;
            return true;
        }
        if (len > 2 * n + 8)
            break;
    }
    return false;
}

/* A price cell of the tariff in rules text: an amount, or the formula
 * cdg_prix_texte_fr writes (per unit of measure with a minimum and a
 * maximum, per unit of a counted service with its tranches). An option's
 * "par jour" / "par Go" is its tarif's, already known. NULL: not read. */
static const char *price_text(imp *im, const char *cell, bool option)
{
    const char *p = cell;
    const char *m = money_at(im, &p);
    if (!m)
        return NULL;
    p = skip_blanks(p);
    if (!*p)
        return m;
    if (!words_at(im, &p, "par"))
        return NULL;
    p = skip_blanks(p);
    const char *u = p;
    while (*p && *p != ',')
        p++;
    char *unit = cdg_arena_strndup(im->a, u, (size_t)(p - u));
    for (size_t n = strlen(unit); n && unit[n - 1] == ' '; n--)
        unit[n - 1] = '\0';
    if (option)
        return *p ? NULL : m;
    cdg_buf b;
    cdg_buf_init(&b, im->a);
    int svc = -1;
    for (unsigned k = 0; k < im->nsvcs && svc < 0; k++)
        if (im->svcs[k].unite && same_fold(im, im->svcs[k].unite, unit))
            svc = (int)k;
    /* a unit no cell states: the service without one named by it ("poste": "Postes de travail") */
    const char *fu = cdg_imp_fold(im->a, unit);
    for (unsigned k = 0; k < im->nsvcs && svc < 0 && *fu; k++)
        if (!im->svcs[k].unite && strncmp(cdg_imp_fold(im->a, im->svcs[k].label), fu, strlen(fu)) == 0)
            svc = (int)k, im->svcs[k].unite = unit;
    if (svc >= 0) {
        cdg_buf_printf(&b, "%s par_unite %s", m, im->svcs[svc].id);
        bool marginal;
        if (words_at(im, &p, ", chaque tranche a son coefficient ("))
            marginal = true;
        else if (words_at(im, &p, ", multiplie par le coefficient de la tranche atteinte ("))
            marginal = false;
        else
            return NULL;
        cdg_buf_puts(&b, marginal ? " marginal <\n" : " global <\n");
        for (;;) {
            const char *lo = decimal_at(im, &p), *hi = "", *k;
            if (!lo)
                return NULL;
            if (words_at(im, &p, "a")) {
                if (!(hi = decimal_at(im, &p)))
                    return NULL;
            } else if (!words_at(im, &p, "et plus"))
                return NULL;
            if (!words_at(im, &p, ":") || !(k = decimal_at(im, &p)))
                return NULL;
            cdg_buf_printf(&b, "    tranche: %s..%s %s;\n", lo, hi, k);
            if (words_at(im, &p, ")"))
                break;
            if (!words_at(im, &p, ";"))
                return NULL;
        }
        cdg_buf_puts(&b, "  >");
    } else
        cdg_buf_printf(&b, "%s par_mesure", m);
    const char *x;
    if (words_at(im, &p, ", minimum")) {
        if (!(x = money_at(im, &p)))
            return NULL;
        cdg_buf_printf(&b, " minimum %s", x);
    }
    if (words_at(im, &p, ", maximum")) {
        if (!(x = money_at(im, &p)))
            return NULL;
        cdg_buf_printf(&b, " maximum %s", x);
    }
    if (*skip_blanks(p))
        return NULL;
    return cdg_buf_str(&b);
}

/* One row's price: one merged cell (a formula or one amount) or one
 * amount per stratum (`selon_strate`). NULL after a warning. */
static const char *row_price(imp *im, const imp_line *l, unsigned width, bool option, imp_on on, unsigned index)
{
    unsigned filled = 0;
    bool same = true;
    for (unsigned k = 1; k < width; k++) {
        filled += *l->cells[k].text != '\0';
        same = same && strcmp(l->cells[k].text, l->cells[1].text) == 0;
    }
    const char *first = cdg_imp_unmark(im->a, l->cells[1].text);
    /* one merged cell: alone in the row, or repeated in every column (CSV) */
    if ((filled == 1 || (same && width > 2 && strcmp(im->f.format, "TSV") != 0)) && *first) {
        const char *t = price_text(im, first, option);
        if (!t)
            decide(im, on, index, l->cells[1].off,
                   N_("the price '%s' is not an amount or a formula import can read; it is left out"), first);
        return t;
    }
    cdg_buf b;
    cdg_buf_init(&b, im->a);
    cdg_buf_puts(&b, "selon_strate <");
    for (unsigned k = 1; k < width; k++) {
        const char *c = cdg_imp_unmark(im->a, l->cells[k].text);
        const char *t = price_text(im, c, true);
        if (!t || strchr(t, ' ') != strrchr(t, ' ')) {
            decide(im, on, index, l->cells[k].off,
                   N_("the price '%s' is not an amount or a formula import can read; it is left out"), c);
            return NULL;
        }
        cdg_buf_printf(&b, " %s: %s;", im->strates[k - 1].id, t);
    }
    cdg_buf_puts(&b, " >");
    return cdg_buf_str(&b);
}

/* Reads the tariff: per forfait its price (the first year's when the
 * label says so), per option its amount. */
static bool read_tariff(imp *im, const imp_line *rows, unsigned n, unsigned width)
{
    bool ok = true;
    for (unsigned i = 1; i < n; i++) {
        const imp_line *l = &rows[i];
        const char *label = cdg_imp_unmark(im->a, l->cells[0].text);
        char *base = cdg_arena_strdup(im->a, label);
        int year = 0; /* 0: every year, 1: first, 2: following */
        char *comma = strrchr(base, ',');
        if (comma) {
            const char *tail = cdg_imp_fold(im->a, comma + 1);
            if (strcmp(tail, "premiere annee") == 0)
                year = 1, *comma = '\0';
            else if (strcmp(tail, "annees suivantes") == 0)
                year = 2, *comma = '\0';
        }
        int f = -1, o = -1;
        for (unsigned k = 0; k < im->nforfaits && f < 0; k++)
            if (same_fold(im, im->forfaits[k].label, base))
                f = (int)k;
        for (unsigned k = 0; k < im->nopts && f < 0 && o < 0 && !year; k++)
            if (same_fold(im, im->opts[k].label, base))
                o = (int)k;
        if (f < 0 && o < 0) {
            ERR(im, l->cells[0].off, N_("the tariff's row '%s' is neither a forfait nor an option of the other tables"), label);
            ok = false;
            continue;
        }
        const char *t = row_price(im, l, width, o >= 0, o >= 0 ? ON_OPTION : ON_FORFAIT, (unsigned)(o >= 0 ? o : f));
        if (!t)
            continue;
        if (o >= 0)
            im->opts[o].montant_txt = t;
        else if (year == 1)
            im->forfaits[f].prix_pa = t;
        else
            im->forfaits[f].prix = t;
    }
    return ok;
}

/* ---- recognising the tables ---- */

/* The lines above the first table: the offer's title, "EDITEUR — édition
 * EDITION" (as `dump --format md` writes them), then table 1's title. */
static void read_preamble(imp *im, const imp_line **pre, unsigned n)
{
    bool labelled = false;
    for (unsigned i = 0; i < n; i++) {
        const char *t = title_text(im, pre[i]->text);
        const char *ed = strstr(t, " — édition ");
        if (ed || strncmp(t, "édition ", 9) == 0) {
            if (ed)
                im->editeur = cdg_arena_strndup(im->a, t, (size_t)(ed - t));
            im->edition = ed ? ed + strlen(" — édition ") : t + 9;
        } else if (!labelled && (i + 1 < n || n == 1)) {
            im->offre_label = t;
            labelled = true;
        } else if (i + 1 == n)
            im->titres[T_SERVICES] = t;
        else
            decide(im, ON_OFFRE, 0, pre[i]->off, N_("line not read (it is neither a table, a title above a table nor a footnote): '%s'"), pre[i]->text);
    }
    if (!im->offre_label)
        im->offre_label = base_name(im, im->name);
}

/* The table of rows[0..n): its kind, or false after an error. */
static bool classify(imp *im, const imp_line *rows, unsigned n, const char *title, bool have_services,
                     imp_kind *kind, unsigned *L, unsigned *width)
{
    const imp_line *h = &rows[0];
    *width = header_width(h);
    if (*width < 2) {
        ERR(im, h->off, N_("this table has no header row: its first row must name the forfaits (or 'Strate' and the counted services)"));
        return false;
    }
    if (!check_ragged(im, rows, n, *width))
        return false;
    if (n < 2) {
        ERR(im, h->off, N_("this table has a header row but no rows under it"));
        return false;
    }
    if (tariff_shaped(im, h, *width)) {
        *kind = T_TARIFS;
        *L = 1;
        return true;
    }
    if (strata_shaped(im, rows, n, *width)) {
        *kind = T_STRATES;
        *L = 1;
        return true;
    }
    unsigned l = 0;
    while (l < *width && (!*h->cells[l].text || label_heading(im, h->cells[l].text)))
        l++;
    if (l == 0)
        l = 1;
    bool amount;
    if (l >= *width || forfait_columns(im, h, l, *width, &amount) == 0) {
        ERR(im, h->off, N_("this table has no forfait columns: its header row must name a forfait above each column of cells"));
        return false;
    }
    for (unsigned k = l; k < *width; k++) {
        imp_wording w = cdg_imp_cell_wording(im->a, cdg_imp_unmark(im->a, h->cells[k].text));
        if (w.st != IMP_INCONNU && w.st != IMP_SANS_OBJET && *h->cells[k].text) {
            ERR(im, h->cells[k].off, N_("this table has no header row: its first row holds a cell value ('%s') where a forfait's name is expected"),
                h->cells[k].text);
            return false;
        }
    }
    *L = l;
    if (l >= 2 || !have_services)
        *kind = l >= 2 || !title || !strstr(cdg_imp_fold(im->a, title), "option") ? T_SERVICES : T_OPTIONS;
    else
        *kind = T_OPTIONS;
    return true;
}

/* "En option" cells that no option of table 3 sells (a counted option of
 * the service, or one named after it): the document's wording is stated,
 * as the transcription does, so that check reads it as the document's
 * word rather than a promise the rules forgot to keep. */
static void unsold(imp *im, const cdg_model *m)
{
    for (unsigned s = 0; s < im->nsvcs; s++)
        for (unsigned f = 0; f < im->nforfaits; f++) {
            if (im->svcs[s].w[f].st != IMP_EN_OPTION)
                continue;
            bool sold = false;
            for (unsigned i = 0; i < m->noptions && !sold; i++) {
                const cdg_option *o = &m->options[i];
                sold = (o->service == &m->services[s] || cdg_id_has_word(o->id, m->services[s].id)) &&
                       cdg_option_cell_of(o, f)->statut == CDG_EN_OPTION;
            }
            if (sold)
                continue;
            im->svcs[s].keep[f] = true;
            decide(im, ON_CELL, s * im->nforfaits + f, im->svcs[s].cells[f].off,
                   N_("'%s' for %s in %s: no option of the options table sells it there; the cell states the document's wording"),
                   im->svcs[s].cells[f].text, im->svcs[s].label, im->forfaits[f].label);
        }
}

/* The first two numbers of a text ("De 1 à 10 selon strate"): false
 * when it has fewer. */
static bool two_numbers(const char *t, int64_t *x, int64_t *y)
{
    unsigned n = 0;
    for (const char *p = t; *p && n < 2;) {
        int64_t v;
        size_t k = cdg_imp_number(p, &v);
        if (!k) {
            p++;
            continue;
        }
        *(n++ ? y : x) = v;
        p += k;
    }
    return n == 2;
}

/* A "De A à B selon strate" wording whose bounds are not those of the
 * strata table: the wording is kept, and the mismatch said. */
static void strata_wordings(imp *im, const char ***gen)
{
    for (unsigned s = 0; s < im->nsvcs; s++)
        for (unsigned f = 0; f < im->nforfaits; f++) {
            const imp_svc *sv = &im->svcs[s];
            int64_t a = 0, b = 0, c = 0, d = 0;
            if (sv->w[f].st == IMP_SELON_STRATE && two_numbers(sv->cells[f].text, &a, &b) &&
                two_numbers(gen[s][f], &c, &d) && (a != c || b != d))
                decide(im, ON_CELL, s * im->nforfaits + f, sv->cells[f].off,
                       N_("'%s' (%s, %s): the strata table gives from %" PRId64 " to %" PRId64 "; the wording is kept as printed"),
                       sv->cells[f].text, sv->label, im->forfaits[f].label, c, d);
        }
}

/* Loads text as a rules file; NULL after an I/O or memory failure. */
static cdg_unit *load(imp *im, const char *out_name, cdg_buf *b)
{
    cdg_unit *u = NULL;
    cdg_load_status st = cdg_unit_load_buffer(out_name, b->data, b->len, cdg_arena_memctl(im->a), &u);
    if (st == CDG_LOAD_NOMEM) {
        if (u)
            cdg_unit_free(u);
        cdg_arena_throw(im->a);
    }
    im->live = u;
    return u;
}

/* Frees the unit read back (or hands it to the caller when keep). */
static void unit_done(imp *im, bool keep)
{
    if (!keep && im->live)
        cdg_unit_free(im->live);
    im->live = NULL;
}

/* The rules in b loaded and checked; NULL when they could not be loaded,
 * or when they do not check (then r->rules keeps them for the report). */
static cdg_unit *load_checked(imp *im, const char *out_name, cdg_buf *b, cdg_import_result *r)
{
    cdg_unit *u = load(im, out_name, b);
    if (u && !cdg_unit_ok(u)) {
        r->rules = u;
        unit_done(im, true);
        return NULL;
    }
    return u;
}

/* Writes the rules in two passes (statuses first, so that the checker
 * words every cell; then the published wordings where they differ) and
 * lays them out as fmt does; false when they do not check. */
static bool write_rules(imp *im, const char *out_name, cdg_import_result *r)
{
    cdg_arena *a = im->a;
    /* first pass: statuses only */
    cdg_buf b;
    cdg_buf_init(&b, a);
    put_rules(im, &b, NULL);
    cdg_unit *u = load_checked(im, out_name, &b, r);
    if (!u)
        return false;
    const cdg_model *m = u->model;
    generated g;
    g.cell = cdg_arena_calloc(a, im->nsvcs + 1, sizeof *g.cell);
    g.opt = cdg_arena_calloc(a, im->nopts + 1, sizeof *g.opt);
    for (unsigned s = 0; s < im->nsvcs; s++) {
        g.cell[s] = cdg_arena_calloc(a, im->nforfaits, sizeof **g.cell);
        for (unsigned f = 0; f < im->nforfaits; f++)
            g.cell[s][f] = cdg_arena_strdup(a, cdg_model_cell(m, &m->forfaits[f], &m->services[s])->texte);
    }
    for (unsigned i = 0; i < im->nopts; i++) {
        g.opt[i] = cdg_arena_calloc(a, im->nforfaits, sizeof **g.opt);
        for (unsigned f = 0; f < im->nforfaits; f++)
            g.opt[i][f] = cdg_arena_strdup(a, cdg_option_cell_of(&m->options[i], f)->texte);
    }
    unsold(im, m);
    strata_wordings(im, g.cell);
    unit_done(im, false);

    /* second pass: the published wordings where they differ */
    cdg_buf_clear(&b);
    put_rules(im, &b, &g);
    u = load_checked(im, out_name, &b, r);
    if (!u)
        return false;
    size_t n;
    const char *text = cdg_fmt(a, u->ast, &n);
    r->text = text;
    r->len = n;
    unit_done(im, false);
    return true;
}

bool cdg_import(cdg_arena *a, const char *name, const char *data, size_t len,
                const char *out_name, cdg_import_result *r)
{
    memset(r, 0, sizeof *r);
    cdg_diags_init(&r->diags, a);
    imp im0 = {.a = a, .d = &r->diags, .name = name};
    imp *im = &im0;
    im->last = &im->decisions;
    if (!cdg_imp_read(a, name, data, len, &im->f, &r->diags))
        return false;
    cdg_buf how;
    cdg_buf_init(&how, a);
    if (im->f.sep)
        cdg_buf_printf(&how, "CSV '%c', %s", im->f.sep, im->f.encoding);
    else
        cdg_buf_printf(&how, "%s, %s", im->f.format, im->f.encoding);
    r->read_as = cdg_arena_strdup(a, cdg_buf_str(&how));
    cdg_buf_clear(&how);
    cdg_buf_puts(&how, r->read_as);
    if (im->f.bom)
        cdg_buf_printf(&how, ", %s", _("byte order mark"));
    if (im->f.crlf)
        cdg_buf_printf(&how, ", %s", _("CRLF line ends"));
    if (im->f.sheet)
        cdg_buf_printf(&how, ", %s", _("one sheet of 'dump --format csv'"));
    r->read_as_text = cdg_arena_strdup(a, cdg_buf_str(&how));

    /* footnotes first: the services table calls them */
    im->notes = cdg_arena_calloc(a, im->f.nlines + 1, sizeof *im->notes);
    for (unsigned i = 0; i < im->f.nlines; i++) {
        imp_line *l = &im->f.lines[i];
        unsigned num;
        const char *text;
        if (!l->n && l->text && footnote_line(im, l->text, &num, &text)) {
            im->notes[im->nnotes++] = (imp_note){num, cdg_imp_unmark(a, text), l->off, false};
            l->text = NULL;
        }
    }
    /* the tables, each with the line of text just above it */
    const imp_line *pending = NULL;
    const imp_line **pre = cdg_arena_calloc(a, im->f.nlines + 1, sizeof *pre);
    unsigned npre = 0;
    bool seen[4] = {false, false, false, false}, ok = true;
    unsigned ntables = 0;
    for (unsigned i = 0; i < im->f.nlines;) {
        imp_line *l = &im->f.lines[i];
        if (!l->n) {
            if (l->text) {
                if (pending && ntables == 0)
                    pre[npre++] = pending;
                else if (pending && ntables > 0)
                    decide(im, ON_OFFRE, 0, pending->off, N_("line not read (it is neither a table, a title above a table nor a footnote): '%s'"), pending->text);
                pending = l;
            }
            i++;
            continue;
        }
        unsigned j = i;
        while (j < im->f.nlines && im->f.lines[j].n)
            j++;
        const char *title = pending ? title_text(im, pending->text) : NULL;
        imp_kind kind;
        unsigned L, width;
        if (!classify(im, l, j - i, title, seen[T_SERVICES], &kind, &L, &width))
            ok = false;
        else if (seen[kind]) {
            ERR(im, l->off, N_("a second table of the same kind (%s); an offer has one of each"),
                kind == T_SERVICES ? "services x forfaits" : kind == T_STRATES ? "strata" : kind == T_TARIFS ? "tariff" : "options");
            ok = false;
        } else if (kind != T_SERVICES && !seen[T_SERVICES]) {
            ERR(im, l->off, N_("the services x forfaits table must come first: the other tables refer to its services and forfaits"));
            ok = false;
        } else {
            seen[kind] = true;
            if (kind == T_SERVICES) {
                ok = read_services(im, l, j - i, width, L) && ok;
                if (pending)
                    pre[npre++] = pending;
            } else if (kind == T_STRATES)
                ok = read_strata(im, l, j - i, width) && ok;
            else if (kind == T_TARIFS)
                ok = read_tariff(im, l, j - i, width) && ok;
            else {
                cell_units(im);
                ok = read_options(im, l, j - i, width) && ok;
            }
            if (kind != T_SERVICES && kind != T_TARIFS && pending)
                im->titres[kind] = title;
            int64_t y;
            if (kind == T_TARIFS && title && strncmp(cdg_imp_fold(a, title), "tarifs ", 7) == 0 &&
                cdg_imp_integer(title + 7, &y))
                im->millesime = cdg_arena_printf(a, "%" PRId64, y);
        }
        pending = NULL;
        ntables++;
        i = j;
        if (!ok)
            break;
    }
    if (pending)
        decide(im, ON_OFFRE, 0, pending->off, N_("line not read (it is neither a table, a title above a table nor a footnote): '%s'"), pending->text);
    if (ok && !seen[T_SERVICES]) {
        ERR(im, 0, N_("no table of services x forfaits found: its header row names the forfaits, after one or two blank cells (or 'Rubrique', 'Service')"));
        ok = false;
    }
    if (!ok)
        return false;
    read_preamble(im, pre, npre);
    for (unsigned i = 0; i < im->nnotes; i++)
        if (!im->notes[i].used)
            decide(im, ON_OFFRE, 0, im->notes[i].off, N_("footnote *%u is called by no service label; it is kept"), im->notes[i].number);
    if (!seen[T_OPTIONS])
        cell_units(im);
    if (!check_ranges(im))
        return false;
    resolve_options(im);
    if (!resolve_cells(im))
        return false;
    for (unsigned i = 0; i < im->nopts; i++)
        if (im->opts[i].montant_bad && !im->opts[i].montant_txt)
            decide(im, ON_OPTION, i, im->opts[i].montant_off,
                   N_("the amount '%s' is not a number of euros; the option is written without it"), im->opts[i].montant_bad);
    if (r->diags.errors)
        return false;

    /* an allocation failure while a unit is read back frees it */
    jmp_buf here;
    jmp_buf *outer = cdg_arena_catch(a, &here);
    if (setjmp(here)) {
        unit_done(im, false);
        cdg_arena_catch(a, outer);
        cdg_arena_throw(a);
    }
    bool done = write_rules(im, out_name, r);
    cdg_arena_catch(a, outer);
    return done;
}
