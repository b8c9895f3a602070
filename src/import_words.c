/* import_words.c — reading the offer's French wordings: cell texts into
 * statuses and quantities, option texts into pricing modes, stratum labels
 * into categories and ranges, numbers with thousands separators, and
 * labels into identifiers. Words are compared folded (lower case, no
 * accents); what is kept (a unit, a category's label) is taken from the
 * text as written. */
#include <ctype.h>
#include <string.h>

#include "import_impl.h"
#include "keywords.h"
#include "utf8.h"

/* A text cut into words at blanks (no-break spaces included): each word
 * as written and folded. */
typedef struct words {
    const char **w, **f;
    unsigned n;
} words;

/* Copies s with every blank run (tab, no-break spaces) turned into one
 * space, the typographic apostrophe into ', and no blank at either end. */
static char *normalize(cdg_arena *a, const char *s)
{
    size_t n = strlen(s);
    char *out = cdg_arena_alloc(a, n + 1);
    size_t o = 0;
    bool space = false;
    for (size_t i = 0; i < n;) {
        size_t k = cdg_utf8_blank(s + i, n - i);
        if (!k && (s[i] == '\n' || s[i] == '\r' || s[i] == '\f'))
            k = 1;
        if (k) {
            space = o > 0;
            i += k;
            continue;
        }
        if (space)
            out[o++] = ' ';
        space = false;
        if (strncmp(s + i, "\xE2\x80\x99", 3) == 0) {
            out[o++] = '\'';
            i += 3;
            continue;
        }
        out[o++] = s[i++];
    }
    out[o] = '\0';
    return out;
}

/* Folded for comparison (import_impl.h). */
char *cdg_imp_fold(cdg_arena *a, const char *s)
{
    char *n = normalize(a, s);
    size_t cap = strlen(n) * 3 + 1;
    char *out = cdg_arena_alloc(a, cap);
    cdg_utf8_fold(n, out, cap);
    return out;
}

/* Splits s into words (as written and folded); "l'option" stays one word. */
static words split(cdg_arena *a, const char *s)
{
    char *n = normalize(a, s);
    words w = {0};
    unsigned cap = 1;
    for (const char *p = n; *p; p++)
        cap += *p == ' ';
    w.w = cdg_arena_calloc(a, cap, sizeof *w.w);
    w.f = cdg_arena_calloc(a, cap, sizeof *w.f);
    if (!*n)
        return w;
    for (char *p = n;;) {
        char *e = strchr(p, ' ');
        if (e)
            *e = '\0';
        w.w[w.n] = p;
        size_t fc = strlen(p) * 3 + 1;
        char *f = cdg_arena_alloc(a, fc);
        cdg_utf8_fold(p, f, fc);
        w.f[w.n++] = f;
        if (!e)
            break;
        p = e + 1;
    }
    return w;
}

/* Joins words [b, e) as written. */
static const char *join(cdg_arena *a, const words *w, unsigned b, unsigned e)
{
    cdg_buf buf;
    cdg_buf_init(&buf, a);
    for (unsigned i = b; i < e; i++) {
        if (i > b)
            cdg_buf_putc(&buf, ' ');
        cdg_buf_puts(&buf, w->w[i]);
    }
    return cdg_arena_strdup(a, cdg_buf_str(&buf));
}

/* Whether s is min to max digits and nothing else. */
static bool all_digits(const char *s, size_t min, size_t max)
{
    size_t n = strlen(s);
    if (n < min || n > max)
        return false;
    for (size_t i = 0; i < n; i++)
        if (!isdigit((unsigned char)s[i]))
            return false;
    return true;
}

/* A number written as one word: digits, or groups of three digits after
 * dots ("1.500"). */
static bool digits_word(const char *s, int64_t *v)
{
    size_t n = strlen(s), first = strcspn(s, ".");
    if (n == 0 || first == 0 || !isdigit((unsigned char)*s))
        return false;
    if (first < n) {
        if (first > 3)
            return false;
        for (size_t i = first; i < n; i += 4)
            if (s[i] != '.' || i + 4 > n || !isdigit((unsigned char)s[i + 1]) ||
                !isdigit((unsigned char)s[i + 2]) || !isdigit((unsigned char)s[i + 3]))
                return false;
    }
    int64_t x = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '.')
            continue;
        if (!isdigit((unsigned char)s[i]) || x > (INT64_MAX - 9) / 10)
            return false;
        x = x * 10 + (s[i] - '0');
    }
    *v = x;
    return true;
}

/* French number words, as counts are written in offers ("Un compte"). */
static const char *const number_words[] = {"zero", "un", "une", "deux", "trois", "quatre", "cinq",
                                           "six", "sept", "huit", "neuf", "dix"};
static const int number_values[] = {0, 1, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10};

/* The number starting at word i: digits, then groups of three digits
 * written as further words ("1 500", "10 000"), or a number word when
 * spelled is true. Sets *v, returns the words read (0: none). */
static unsigned word_number(const words *w, unsigned i, bool spelled, int64_t *v)
{
    if (i >= w->n)
        return 0;
    if (spelled)
        for (size_t k = 0; k < sizeof number_words / sizeof *number_words; k++)
            if (strcmp(w->f[i], number_words[k]) == 0) {
                *v = number_values[k];
                return 1;
            }
    int64_t x;
    if (!digits_word(w->f[i], &x))
        return 0;
    unsigned k = 1;
    bool dotted = strchr(w->f[i], '.') != NULL;
    if (!dotted && strlen(w->f[i]) <= 3)
        while (i + k < w->n && all_digits(w->f[i + k], 3, 3) && x < INT64_MAX / 1000) {
            x = x * 1000 + (w->f[i + k][0] - '0') * 100 + (w->f[i + k][1] - '0') * 10 +
                (w->f[i + k][2] - '0');
            k++;
        }
    *v = x;
    return k;
}

/* A number in running text, thousands separated or not (import_impl.h). */
size_t cdg_imp_number(const char *s, int64_t *v)
{
    int64_t x = 0;
    size_t i = 0;
    if (!isdigit((unsigned char)s[0]))
        return 0;
    for (;;) {
        while (isdigit((unsigned char)s[i])) {
            if (x > (INT64_MAX - 9) / 10)
                return 0;
            x = x * 10 + (s[i++] - '0');
        }
        size_t k = s[i] == ' ' || s[i] == '.' ? 1 : cdg_utf8_blank(s + i, strnlen(s + i, 3));
        if (k && isdigit((unsigned char)s[i + k]) && isdigit((unsigned char)s[i + k + 1]) &&
            isdigit((unsigned char)s[i + k + 2]) && !isdigit((unsigned char)s[i + k + 3])) {
            i += k;
            continue;
        }
        break;
    }
    *v = x;
    return i;
}

/* A cell that is a whole number (import_impl.h). */
bool cdg_imp_integer(const char *s, int64_t *v)
{
    while (*s == ' ')
        s++;
    size_t k = cdg_imp_number(s, v);
    if (!k)
        return false;
    s += k;
    while (*s == ' ')
        s++;
    return *s == '\0';
}

/* The document's markup removed (import_impl.h). */
char *cdg_imp_unmark(cdg_arena *a, const char *s)
{
    cdg_buf b;
    cdg_buf_init(&b, a);
    for (const char *p = s; *p;) {
        if (strncmp(p, "<sup>", 5) == 0) {
            const char *e = strstr(p + 5, "</sup>");
            if (e) {
                /* a footnote call stays a call; a suffix ("1 <sup>er</sup>") joins its word */
                if (p[5] != '*')
                    while (b.len && b.data[b.len - 1] == ' ')
                        b.len--;
                cdg_buf_add(&b, p + 5, (size_t)(e - p - 5));
                p = e + 6;
                continue;
            }
        }
        cdg_buf_putc(&b, *p++);
    }
    char *t = cdg_arena_strdup(a, cdg_buf_str(&b));
    static const char *const tags[][2] = {{"<b>", "</b>"}, {"<strong>", "</strong>"},
                                          {"<em>", "</em>"}, {"<i>", "</i>"}, {"**", "**"}};
    size_t n = strlen(t);
    for (size_t k = 0; k < sizeof tags / sizeof *tags; k++) {
        size_t o = strlen(tags[k][0]), c = strlen(tags[k][1]);
        if (n > o + c && strncmp(t, tags[k][0], o) == 0 && strcmp(t + n - c, tags[k][1]) == 0) {
            char *inner = strstr(t + o, tags[k][0]);
            if (inner && inner < t + n - c)
                continue;
            t[n - c] = '\0';
            return t + o;
        }
    }
    return t;
}

/* Whether folded word f is one of list (NULL-terminated). */
static bool one_of(const char *f, const char *const *list)
{
    for (; *list; list++)
        if (strcmp(f, *list) == 0)
            return true;
    return false;
}

/* The unit written at word i, in the singular when q asks for a plural
 * ("comptes" -> "compte"; "Go" and "antivirus" stay). */
static const char *unit_at(cdg_arena *a, const words *w, unsigned i, int64_t q)
{
    if (i >= w->n)
        return NULL;
    const char *u = w->w[i];
    size_t n = strlen(u);
    if (q >= 2 && n > 3 && islower((unsigned char)u[0]) && u[n - 1] == 's' && u[n - 2] != 'u')
        return cdg_arena_strndup(a, u, n - 1);
    return cdg_arena_strdup(a, u);
}

static const char *const inclus_words[] = {"inclus", "inclu", "incluse", "inclues", "incluses",
                                           "compris", "comprise", "comprises", NULL};

/* A cell of table 1 read into a status and a quantity: blank, Inclus,
 * Non inclus, En option, "selon strate", "Un compte inclus", "Inclus avec
 * un certificat"; IMP_INCONNU for anything else. */
imp_wording cdg_imp_cell_wording(cdg_arena *a, const char *text)
{
    imp_wording r = {IMP_INCONNU, 0, NULL};
    words w = split(a, text);
    if (w.n == 0)
        return (imp_wording){IMP_SANS_OBJET, 0, NULL};
    for (unsigned i = 0; i + 1 < w.n; i++)
        if (strcmp(w.f[i], "selon") == 0 &&
            (strncmp(w.f[i + 1], "strate", 6) == 0 ||
             (i + 2 < w.n && strcmp(w.f[i + 1], "la") == 0 && strncmp(w.f[i + 2], "strate", 6) == 0)))
            return (imp_wording){IMP_SELON_STRATE, 0, NULL};
    if (strcmp(w.f[0], "non") == 0)
        return (imp_wording){IMP_NON_INCLUS, 0, NULL};
    if ((strcmp(w.f[0], "en") == 0 && w.n > 1 && strcmp(w.f[1], "option") == 0) ||
        strcmp(w.f[0], "option") == 0 || strcmp(w.f[0], "optionnel") == 0)
        return (imp_wording){IMP_EN_OPTION, 0, NULL};
    int64_t q;
    unsigned k;
    if (one_of(w.f[0], inclus_words)) {
        if (w.n > 3 && strcmp(w.f[1], "avec") == 0 && (k = word_number(&w, 2, true, &q)) && 2 + k < w.n)
            return (imp_wording){IMP_INCLUS_AVEC, q, unit_at(a, &w, 2 + k, q)};
        return (imp_wording){IMP_INCLUS, 0, NULL};
    }
    if ((k = word_number(&w, 0, true, &q)) && k < w.n && w.n >= k + 2 && one_of(w.f[w.n - 1], inclus_words))
        return (imp_wording){IMP_QUANTITE, q, unit_at(a, &w, k, q)};
    if (strcmp(w.f[0], "oui") == 0 || strcmp(w.f[0], "x") == 0)
        return (imp_wording){IMP_INCLUS, 0, NULL};
    return r;
}

/* A cell of table 3 read into a status and, for en_option, its pricing. */
imp_option_wording cdg_imp_option_wording(cdg_arena *a, const char *text)
{
    imp_option_wording r = {IMP_EN_OPTION, IMP_TARIF_NONE, NULL};
    words w = split(a, text);
    if (w.n == 0)
        return (imp_option_wording){IMP_SANS_OBJET, IMP_TARIF_NONE, NULL};
    if (one_of(w.f[0], inclus_words))
        return (imp_option_wording){IMP_INCLUS, IMP_TARIF_NONE, NULL};
    if (strcmp(w.f[0], "non") == 0)
        return (imp_option_wording){IMP_NON_INCLUS, IMP_TARIF_NONE, NULL};
    for (unsigned i = 0; i < w.n; i++) {
        const char *f = w.f[i];
        if (strncmp(f, "journali", 8) == 0 || (strcmp(f, "par") == 0 && i + 1 < w.n &&
                                              (strcmp(w.f[i + 1], "jour") == 0 || strcmp(w.f[i + 1], "journee") == 0))) {
            r.tarif = IMP_TARIF_JOURNALIER;
            return r;
        }
    }
    for (unsigned i = 0; i + 1 < w.n; i++) {
        /* "Coût par Go supplémentaire", "coût du certificat" */
        bool par = strcmp(w.f[i], "par") == 0 && i + 2 < w.n && strncmp(w.f[i + 2], "supplementaire", 14) == 0;
        bool du = (strcmp(w.f[i], "du") == 0 || strcmp(w.f[i], "de") == 0) && i > 0 &&
                  (strcmp(w.f[i - 1], "cout") == 0 || strcmp(w.f[i - 1], "prix") == 0);
        if (par || du) {
            r.tarif = IMP_TARIF_PAR_UNITE;
            r.unite = unit_at(a, &w, i + 1, 1);
            return r;
        }
    }
    for (unsigned i = 0; i < w.n; i++)
        if (strncmp(w.f[i], "etude", 5) == 0 || strncmp(w.f[i], "devis", 5) == 0) {
            r.tarif = IMP_TARIF_SUR_ETUDE;
            return r;
        }
    return r;
}

/* An amount in euros, decimal comma or point (import_impl.h). */
bool cdg_imp_amount(const char *s, int64_t *cents)
{
    while (*s && !isdigit((unsigned char)*s))
        s++;
    int64_t units;
    size_t k = cdg_imp_number(s, &units);
    if (!k || units > INT64_MAX / 100 - 1)
        return false;
    s += k;
    int64_t c = 0;
    if ((*s == ',' || *s == '.') && isdigit((unsigned char)s[1])) {
        c = (s[1] - '0') * 10;
        if (isdigit((unsigned char)s[2])) {
            c += s[2] - '0';
            if (isdigit((unsigned char)s[3]))
                return false;
        }
    }
    *cents = units * 100 + c;
    return true;
}

/* ---- stratum labels ---- */

static const char *const link_words[] = {"de", "d", "des", "du", "avec", ":", "-", NULL};
static const char *const not_measure[] = {"et", "ou", "plus", "a", "au", "moins", "maximum",
                                          "minimum", "inclus", "+", NULL};

/* Reads one part of a stratum label. */
static imp_part read_part(cdg_arena *a, const char *text)
{
    imp_part p = {.hi = -1};
    words w = split(a, text);
    unsigned i = 0;
    int64_t x = 0;
    unsigned k = 0;
    for (; i < w.n; i++)
        if ((k = word_number(&w, i, false, &x)))
            break;
    if (i == w.n) {
        p.categorie = w.n ? join(a, &w, 0, w.n) : NULL;
        p.tous = true;
        return p;
    }
    /* what comes before the number */
    enum { EXACT, LT, LE, GT, GE, FROM } kind = EXACT;
    unsigned start = i;
    const char *b1 = i >= 1 ? w.f[i - 1] : "", *b2 = i >= 2 ? w.f[i - 2] : "";
    const char *b3 = i >= 3 ? w.f[i - 3] : "";
    if (strcmp(b1, "de") == 0 && strcmp(b2, "moins") == 0)
        kind = LT, start = i - 2;
    else if (strcmp(b1, "de") == 0 && strcmp(b2, "plus") == 0)
        kind = GT, start = i - 2;
    else if (strcmp(b1, "de") == 0 && (strcmp(b2, "au-dela") == 0 || strcmp(b2, "dela") == 0))
        kind = GT, start = i - 2;
    else if (strcmp(b1, "de") == 0 && strcmp(b2, "partir") == 0 && strcmp(b3, "a") == 0)
        kind = GE, start = i - 3;
    else if (strcmp(b1, "moins") == 0 && strcmp(b2, "au") == 0)
        kind = GE, start = i - 2;
    else if (strcmp(b1, "plus") == 0 && strcmp(b2, "au") == 0)
        kind = LE, start = i - 2;
    else if (strcmp(b1, "jusqu'a") == 0 || strcmp(b1, "jusqu'au") == 0)
        kind = LE, start = i - 1;
    else if (strcmp(b1, "a") == 0 && strcmp(b2, "jusqu'") == 0)
        kind = LE, start = i - 2;
    else if (strcmp(b1, "de") == 0 || strcmp(b1, "entre") == 0)
        kind = FROM, start = i - 1;
    int64_t lo = x, hi = -1;
    unsigned j = i + k;
    if (j + 1 < w.n && (strcmp(w.f[j], "a") == 0 || strcmp(w.f[j], "et") == 0 || strcmp(w.f[j], "-") == 0)) {
        int64_t y;
        unsigned k2 = word_number(&w, j + 1, false, &y);
        if (k2) {
            hi = y;
            j += 1 + k2;
            kind = FROM;
        }
    }
    if (j < w.n && !one_of(w.f[j], not_measure) && isalpha((unsigned char)w.f[j][0])) {
        size_t ml = 0;
        while (isalpha((unsigned char)w.f[j][ml]))
            ml++;
        p.mesure = cdg_arena_strndup(a, w.f[j++], ml);
    }
    bool plus = false, most = false;
    if (j + 1 < w.n && (strcmp(w.f[j], "et") == 0 || strcmp(w.f[j], "ou") == 0) &&
        (strcmp(w.f[j + 1], "plus") == 0 || strcmp(w.f[j + 1], "+") == 0 || strcmp(w.f[j + 1], "au-dela") == 0))
        plus = true, j += 2;
    else if (j < w.n && (strcmp(w.f[j], "+") == 0 || strcmp(w.f[j], "minimum") == 0))
        plus = true, j++;
    else if (j + 1 < w.n && strcmp(w.f[j], "au") == 0 && strcmp(w.f[j + 1], "plus") == 0)
        most = true, j += 2;
    else if (j < w.n && strcmp(w.f[j], "maximum") == 0)
        most = true, j++;
    switch (kind) {
    case LT: p.lo = 0, p.hi = lo > 0 ? lo - 1 : 0; break;
    case LE: p.lo = 0, p.hi = lo; break;
    case GT: p.lo = lo + 1, p.hi = -1; break;
    case GE: p.lo = lo, p.hi = -1; break;
    case FROM:
    case EXACT:
        p.lo = lo;
        p.hi = hi >= 0 ? hi : plus ? -1 : lo;
        if (most)
            p.lo = 0, p.hi = lo;
        break;
    }
    unsigned cend = start;
    while (cend > 0 && one_of(w.f[cend - 1], link_words))
        cend--;
    p.categorie = cend ? join(a, &w, 0, cend) : NULL;
    if (j < w.n)
        p.rest = join(a, &w, j, w.n);
    return p;
}

/* A stratum label cut into parts, each read (import_impl.h). */
unsigned cdg_imp_strate_label(cdg_arena *a, const char *label, imp_part *parts, unsigned cap)
{
    char *s = normalize(a, label);
    unsigned n = 0;
    while (*s && n < cap) {
        char *c = strstr(s, ", "), *o = strstr(s, " ou ");
        /* " ou " only between two parts, not in "ou plus" */
        while (o && strncmp(o, " ou plus", 8) == 0)
            o = strstr(o + 1, " ou ");
        char *cut = c && (!o || c < o) ? c : o;
        size_t skip = cut == c ? 2 : 4;
        if (cut)
            *cut = '\0';
        parts[n++] = read_part(a, s);
        if (!cut)
            break;
        s = cut + skip;
    }
    return n;
}

/* ---- identifiers ---- */

static const char *const small_words[] = {"de", "des", "du", "d", "la", "le", "les", "l", "et", "a",
                                          "au", "aux", "en", "par", "pour", "sur", "un", "une",
                                          "avec", "ou", "dans", "s", NULL};

char *cdg_imp_ident(cdg_arena *a, const char *label, unsigned maxwords, bool camel,
                    const char *prefix)
{
    char *f = cdg_imp_fold(a, label);
    cdg_buf b;
    cdg_buf_init(&b, a);
    unsigned taken = 0;
    for (char *p = f; *p && taken < maxwords;) {
        while (*p && !isalnum((unsigned char)*p))
            p++;
        char *e = p;
        while (isalnum((unsigned char)*e))
            e++;
        if (e == p)
            break;
        char save = *e;
        *e = '\0';
        if (!one_of(p, small_words) || (taken == 0 && !save && b.len == 0)) {
            if (b.len && !camel)
                cdg_buf_putc(&b, '_');
            if (camel)
                *p = (char)toupper((unsigned char)*p);
            cdg_buf_puts(&b, p);
            taken += strcmp(p, "non") != 0 && strcmp(p, "Non") != 0;
        }
        *e = save;
        p = e;
    }
    const char *id = cdg_buf_str(&b);
    if (!*id)
        id = prefix;
    if (isdigit((unsigned char)id[0]))
        return cdg_arena_printf(a, "%s_%s", prefix, id);
    for (int k = 0; k < CDG_KW_COUNT; k++)
        if (strcmp(id, cdg_keyword_name((cdg_keyword)k)) == 0)
            return cdg_arena_printf(a, "%s_", id);
    return cdg_arena_strdup(a, id);
}
