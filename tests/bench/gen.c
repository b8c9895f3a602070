/* gen.c — deterministic generator of benchmark inputs (make bench).
 *
 *   bench-gen shape NAME BYTES [SEED]  a valid rules file of about BYTES
 *                                  bytes, of one shape (below)
 *   bench-gen shapes               the shapes' names, in bench order
 *   bench-gen rules BYTES [SEED]   the `forfaits` shape (its first name)
 *   bench-gen grid F S K [SEED]    a valid rules file: F forfaits, S
 *                                  services, K strata
 *   bench-gen csv ROWS [SEED]      a CSV of ROWS authority profiles
 *   bench-gen time REPORT CMD...   runs CMD; writes its wall, user and
 *                                  system seconds, peak RSS (KB) and exit
 *                                  status to the file REPORT
 *
 * The rules files look like rules/cdg47.cdg scaled up: three categories,
 * strata partitioning communes and établissements, notes, services in
 * rubriques (some counted, some of those with per-stratum quantities),
 * forfaits stating every cell or inheriting with `base:` and overriding a
 * few, published wordings on some cells, attached quantities, and options
 * priced per day, per unit or on study. The shapes:
 *
 *   forfaits      ~sqrt(cells) services, twice as few forfaits, short cells
 *   services      many services (18,000 at 28 MB) in 40 rubriques, a third
 *                 counted per stratum, 50 forfaits, a fifth of the cells
 *                 with a wording or a fixed quantity
 *   strates       60 strata, per-stratum tables of 60 entries (services'
 *                 and forfaits' own)
 *   libelles      most cells with a long accented published wording
 *   commentaires  more than half the bytes in comments (blocks, line ends)
 *   heritage      forfaits in `base:` chains of 60, each overriding a tenth
 *                 of the cells
 *   exemples      a small offer then `exemple` blocks (~78,000 at 10 MB)
 *                 whose expectations hold (`cdgrules test` passes)
 *   prix          the `forfaits` shape with prices: per stratum (and the
 *                 first year), per measure with a minimum and a maximum,
 *                 per unit with tranches (global, marginal); option amounts
 *
 * Every generated file passes `cdgrules check --werror`, so that every
 * command (dump, query, fmt, diff, test, quote) can be measured on it.
 * Same arguments, same bytes: the only randomness is a seeded hash. */
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* The output stream and how many bytes went to it. */
typedef struct gen_out {
    FILE *f;
    unsigned long long bytes;
} gen_out;

/* printf to the output, counting bytes. */
__attribute__((format(printf, 2, 3)))
static void out(gen_out *o, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vfprintf(o->f, fmt, ap);
    va_end(ap);
    if (n < 0) {
        perror("bench-gen");
        exit(2);
    }
    o->bytes += (unsigned)n;
}

/* A stateless hash of a few numbers: cells are a pure function of their
 * coordinates, so a derived forfait can recompute its base's cell. */
static uint64_t mix(uint64_t seed, uint64_t a, uint64_t b)
{
    uint64_t x = seed * 0x9E3779B97F4A7C15u ^ (a + 0x632BE59BD9B4E019u) * 0xBF58476D1CE4E5B9u;
    x ^= (b + 1) * 0x94D049BB133111EBu;
    x ^= x >> 31;
    x *= 0xD6E8FEB86659FD93u;
    x ^= x >> 29;
    return x;
}

/* The shapes, in the order make bench prints them. */
#define SHAPES "forfaits services strates libelles commentaires heritage exemples prix"

/* What varies from one shape of offer to another (bench-gen shape NAME). */
typedef struct shape {
    uint64_t seed;
    unsigned K;                   /* strata */
    unsigned S;                   /* services */
    unsigned F;                   /* forfaits; 0: as many as fit in max_bytes */
    unsigned long long max_bytes; /* about the size of the file; 0: F forfaits */
    unsigned rub, rub_in;         /* services per rubrique; the first rub_in inside its block */
    unsigned pct_strata;          /* services counted with a per-stratum table (percent) */
    unsigned pct_counted;         /* services counted with a unit alone (percent) */
    unsigned pct_table;           /* of the per-stratum cells, those with the forfait's own table */
    unsigned pct_wording;         /* cells with a published wording (percent) */
    bool long_wording;            /* wordings of about 150 bytes instead of 40 */
    bool comments;                /* block and end-of-line comments, more than half the bytes */
    unsigned chain;               /* 0: one forfait in 4 derives from the previous one;
                                     N: chains of N forfaits, each deriving from the previous */
    unsigned overrides;           /* cells a derived forfait of a chain states */
    bool prix;                    /* priced forfaits, amounts on the options */
    bool exemples;                /* the file filled with examples after the offer */
    int *sold_by;                 /* per service: the option named after it, or -1 */
} shape;

/* Service kinds: plain, counted (has a unit), counted per stratum. */
enum { PLAIN, COUNTED, PER_STRATUM };

static int service_kind(const shape *sh, unsigned s)
{
    unsigned r = (unsigned)(mix(sh->seed, 1, s) % 100);
    return r < sh->pct_strata ? PER_STRATUM : r < sh->pct_strata + sh->pct_counted ? COUNTED : PLAIN;
}

static const char *service_suffix(unsigned s)
{
    return s % 2 ? "prestation" : "service";
}

static const char *const plain_status[] = { "inclus", "inclus", "inclus", "non_inclus",
                                            "non_inclus", "en_option", "sans_objet" };
enum { EN_OPTION = 5, QUANTITY = 100, SELON_STRATE = 200, OWN_TABLE = 300 };
static const char *const words[] = { "Télétransmission", "Hébergement", "Sécurité",
                                     "Dématérialisation", "Assistance", "Sauvegarde",
                                     "Messagerie", "Formation", "Accès", "Contrôle" };

/* The per-stratum quantity of service s in stratum k (0-based): never
 * decreasing as strata grow. A forfait's own table shifts it by f. */
static unsigned table_value(unsigned s, unsigned f, unsigned k)
{
    return 1 + k / 2 * (1 + (s + f) % 5);
}

/* A small code of the cell of service s in a fully stated forfait f (salt
 * varies the choice for the overrides of a derived forfait): an index in
 * plain_status, QUANTITY + N - 1, SELON_STRATE or OWN_TABLE. */
static unsigned cell_code(const shape *sh, unsigned f, unsigned s, unsigned salt, int kind)
{
    uint64_t h = mix(sh->seed, (uint64_t)f * 7 + salt + 2, s);
    if (kind == PLAIN)
        return (unsigned)(h % 7);
    if (kind == PER_STRATUM) {
        if (h % 4 == 0)
            return QUANTITY + (unsigned)(h >> 8) % 3;
        return (h >> 16) % 100 < sh->pct_table ? OWN_TABLE : SELON_STRATE;
    }
    return h % 3 == 0 ? 3 : QUANTITY + (unsigned)(h >> 8) % 5;  /* non_inclus, or quantity */
}

/* What a person reads of a cell code: the three inclus are one. */
static unsigned cell_class(unsigned code)
{
    return code < 3 ? 0 : code == 4 ? 3 : code;
}

/* Whether forfait f is fully stated (else it derives from f - 1). */
static bool is_root(const shape *sh, unsigned f)
{
    return sh->chain ? f % sh->chain == 0 : f % 4 != 3;
}

/* Whether the derived forfait f states service s. */
static bool overridden(const shape *sh, unsigned f, unsigned s)
{
    if (!sh->chain) {
        unsigned step = sh->S < 10 ? sh->S : 10;  /* at least one cell */
        return s % step == f % step;
    }
    unsigned step = sh->overrides && sh->S / sh->overrides > 1 ? sh->S / sh->overrides : 1;
    return (s + (uint64_t)f * 7) % step == 0;
}

static unsigned resolved(const shape *sh, unsigned f, unsigned s);

/* The cell a derived forfait states: another than its base's. */
static unsigned override_code(const shape *sh, unsigned f, unsigned s)
{
    int kind = service_kind(sh, s);
    unsigned base = cell_class(resolved(sh, f - 1, s)), code = 0;
    for (unsigned salt = 1; salt <= 60; salt++)
        if (cell_class(code = cell_code(sh, f, s, salt, kind)) != base)
            break;
    return code;
}

/* The cell of service s in forfait f once `base:` is followed, so that
 * the examples can expect it. */
static unsigned resolved(const shape *sh, unsigned f, unsigned s)
{
    while (!is_root(sh, f) && !overridden(sh, f, s))
        f--;
    return is_root(sh, f) ? cell_code(sh, f, s, 0, service_kind(sh, s)) : override_code(sh, f, s);
}

/* Whether an option named after service s sells it in forfait f (it is
 * inclus in one of F0, F1 and non_inclus in one of F2, F3). */
static bool sold(const shape *sh, unsigned s, unsigned f)
{
    int p = sh->sold_by[s];
    return p >= 0 && f != (unsigned)p % 2 && f != 2 + (unsigned)p % 2;
}

/* An end-of-line comment, in the comment-heavy shape. */
static void eol_comment(gen_out *o, const shape *sh, uint64_t h)
{
    if (sh->comments)
        out(o, "  # %s : voir la délibération du conseil d'administration n°%u du %u/%02u/2026",
            words[h % 10], (unsigned)(h >> 12) % 500, 1 + (unsigned)(h >> 24) % 28,
            1 + (unsigned)(h >> 32) % 12);
}

/* A block of comments before a declaration, in the comment-heavy shape. */
static void block_comment(gen_out *o, const shape *sh, const char *what, unsigned n)
{
    if (!sh->comments)
        return;
    out(o, "# ---------------------------------------------------------------------------\n"
           "# %s %u : rédigé d'après la grille tarifaire adoptée par le conseil\n"
           "# d'administration ; les cellules non précisées reprennent la délibération\n"
           "# précédente (voir le procès-verbal, annexe n°%u, « services numériques »).\n"
           "# ---------------------------------------------------------------------------\n",
        what, n, n % 97 + 1);
}

/* A per-stratum table `< S1: 1; S2: 1; … >` of service s, shifted by f. */
static void write_table(gen_out *o, const shape *sh, unsigned s, unsigned f)
{
    out(o, "selon_strate <");
    for (unsigned k = 0; k < sh->K; k++)
        out(o, " S%u: %u;", k + 1, table_value(s, f, k));
    out(o, " >");
}

/* Writes the cell of service s in forfait f; counted_peer: a counted
 * service the cell may attach a quantity of (UINT32_MAX: none). */
static void write_cell(gen_out *o, const shape *sh, unsigned f, unsigned s, unsigned code,
                       unsigned counted_peer)
{
    uint64_t h = mix(sh->seed, 99 + f, s);
    out(o, "  s%u_%s: ", s, service_suffix(s));
    if (code == OWN_TABLE)
        write_table(o, sh, s, f + 1);
    else if (code == SELON_STRATE)
        out(o, "selon_strate");
    else if (code >= QUANTITY)
        out(o, "%u", code - QUANTITY + 1);
    else
        out(o, "%s", plain_status[code]);
    /* An en_option cell no option sells carries the wording the document
     * prints (check warns otherwise). */
    bool unsold = code == EN_OPTION && !sold(sh, s, f);
    if (code <= 2 && counted_peer != UINT32_MAX && h % 40 == 0)
        out(o, " \"Inclus avec 1 unité\" < s%u_%s: 1; >", counted_peer, service_suffix(counted_peer));
    else if (code != OWN_TABLE && (unsold || h % 100 < sh->pct_wording)) {
        const char *w = words[(h >> 8) % 10];
        unsigned n = (unsigned)(h >> 20) % 1000;
        if (sh->long_wording)
            out(o, " \"%s%s : pour l'ensemble des agents de la collectivité, dans la limite de %u "
                   "postes, assistance téléphonique et intervention à distance sous %u jours ouvrés\"",
                unsold ? "En option — " : "", w, n % 50 + 1, n % 5 + 1);
        else if (unsold)
            out(o, " \"En option : %s sur devis n°%u\"", w, n);
        else
            out(o, " \"%s : conditions particulières n°%u\"", w, n);
    }
    out(o, ";");
    eol_comment(o, sh, h);
    out(o, "\n");
}

/* The price of forfait f, in one of the forms of examples/tarifs.cdg. */
static void write_prix(gen_out *o, const shape *sh, unsigned f, unsigned counted)
{
    unsigned form = counted == UINT32_MAX ? f % 2 : f % 4;
    if (form == 0) {
        for (int first = 0; first < 2; first++) {
            out(o, "  %s: selon_strate <", first ? "prix_premiere_annee" : "prix");
            for (unsigned k = 0; k < sh->K; k++)
                out(o, " S%u: %u.%02u EUR;", k + 1, 300 + 50 * k + 150 * (unsigned)first + f % 7,
                    (f * 10 + k) % 100);
            out(o, " >;\n");
        }
    } else if (form == 1) {
        out(o, "  prix: 0.%02u%02u EUR par_mesure minimum %u.00 EUR maximum %u.00 EUR;\n",
            20 + f % 60, f % 100, 200 + f % 300, 5000 + 10 * (f % 500));
    } else {
        out(o, "  prix: %u.%02u EUR par_unite s%u_%s %s <\n", 90 + f % 60, f % 100, counted,
            service_suffix(counted), form == 2 ? "global" : "marginal");
        /* Global coefficients that never make a larger count cheaper. */
        out(o, "    tranche: 1..5 1;\n    tranche: 6..10 0.9;\n    tranche: 11..50 0.85;\n"
               "    tranche: 51.. 0.84;\n  >;\n");
        if (form == 3)
            out(o, "  arrondi: centime_superieur sur_total;\n");
    }
}

/* Writes a number with a space every three digits, as in a label. */
static void spaced(char *b, size_t n, unsigned v)
{
    if (v >= 1000)
        snprintf(b, n, "%u %03u", v / 1000, v % 1000);
    else
        snprintf(b, n, "%u", v);
}

/* The expectation of the cell code in forfait f, service s, stratum k. */
static void write_expect(gen_out *o, unsigned f, unsigned s, unsigned k, unsigned code)
{
    out(o, " s%u_%s: ", s, service_suffix(s));
    if (code == OWN_TABLE)
        out(o, "%u;", table_value(s, f + 1, k));
    else if (code == SELON_STRATE)
        out(o, "%u;", table_value(s, 0, k));
    else if (code >= QUANTITY)
        out(o, "%u;", code - QUANTITY + 1);
    else
        out(o, "%s;", plain_status[code]);
}

/* Example i: a profile, a forfait and one or two cells it must get. */
static void write_exemple(gen_out *o, const shape *sh, unsigned i, unsigned F)
{
    uint64_t h = mix(sh->seed, 77, i);
    unsigned r = (unsigned)(h % 10), f = (unsigned)(h >> 24) % F, k;
    unsigned s1 = (unsigned)(h >> 40) % sh->S, s2 = (unsigned)(h >> 20) % sh->S;
    char b[32];
    if (r < 7) {
        unsigned m = (unsigned)(h >> 8) % (sh->K * 1000 + 2000);
        k = m / 1000 < sh->K ? m / 1000 : sh->K - 1;
        spaced(b, sizeof b, m);
        out(o, "exemple \"Commune de %s habitants\" <\n  profil: commune %u;\n", b, m);
    } else if (r < 9) {
        unsigned m = (unsigned)(h >> 8) % (sh->K * 10 + 20);
        k = m / 10 < sh->K ? m / 10 : sh->K - 1;
        out(o, "exemple \"Établissement de %u agents\" <\n  profil: etablissement %u;\n", m, m);
    } else {
        k = sh->K - 1;
        out(o, "exemple \"Collectivité non affiliée\" <\n  profil: non_affiliee;\n");
    }
    out(o, "  forfait: F%u;\n  attendu <", f);
    if (h % 4 == 0)
        out(o, " strate: S%u;", k + 1);
    write_expect(o, f, s1, k, resolved(sh, f, s1));
    if (h % 8 == 1 && s2 != s1)
        write_expect(o, f, s2, k, resolved(sh, f, s2));
    out(o, " >;\n>\n");
}

/* The whole rules file of shape sh. */
static void gen_rules(gen_out *o, shape *sh)
{
    unsigned S = sh->S, K = sh->K;
    uint64_t seed = sh->seed;
    unsigned nopt = S / 4 + 1;
    int *targets = malloc(sizeof *targets * nopt);
    sh->sold_by = malloc(sizeof *sh->sold_by * S);
    if (!targets || !sh->sold_by) {
        perror("bench-gen");
        exit(2);
    }
    /* Which services the options sell, before the forfaits say en_option. */
    for (unsigned s = 0; s < S; s++)
        sh->sold_by[s] = -1;
    for (unsigned p = 0; p < nopt; p++) {
        unsigned s = (unsigned)(mix(seed, 5, p) % S);
        targets[p] = (int)s;
        if (service_kind(sh, s) == PLAIN && sh->sold_by[s] < 0)
            sh->sold_by[s] = (int)p;
    }

    out(o, "# Offre synthétique générée par bench-gen (graine %" PRIu64 ") : %u services, "
           "%u strates.\n\n", seed, S, K);
    block_comment(o, sh, "Offre de référence, édition", 2026);
    out(o, "offre bench \"Offre de services numériques de référence\" <\n"
           "  editeur: \"CDG de référence\";\n  edition: 2026;\n>\n\n");
    out(o, "categorie commune \"Communes\" < mesure: habitants; >\n"
           "categorie etablissement \"Etablissements publics et Budgets annexes\" < mesure: agents; >\n"
           "categorie non_affiliee \"Collectivités non affiliées\";\n\n");
    for (unsigned k = 0; k < K; k++) {
        block_comment(o, sh, "Strate", k + 1);
        out(o, "strate S%u \"Strate %u : communes de %u à %u habitants, établissements de %u à %u agents\" <\n",
            k + 1, k + 1, k * 1000, k * 1000 + 999, k * 10, k * 10 + 9);
        if (k + 1 < K)
            out(o, "  commune: %u..%u;\n  etablissement: %u..%u;\n>\n\n", k * 1000,
                k * 1000 + 999, k * 10, k * 10 + 9);
        else
            out(o, "  non_affiliee: tous;\n  commune: %u..;\n  etablissement: %u..;\n>\n\n",
                k * 1000, k * 10);
    }
    unsigned nnotes = (S + 49) / 50;  /* one for each service s with s % 50 == 0 */
    for (unsigned n = 0; n < nnotes; n++)
        out(o, "note n%u \"Les interventions sur site (note %u) ne concernent pas les "
               "interventions à l'initiative du centre de gestion.\";\n", n + 1, n + 1);
    out(o, "\n");

    unsigned last_counted = UINT32_MAX;
    for (unsigned s = 0; s < S; s++) {
        int kind = service_kind(sh, s);
        unsigned in = s % sh->rub;
        if (in == 0) {
            block_comment(o, sh, "Rubrique", s / sh->rub);
            out(o, "# Services %u à %u.\nrubrique r%u \"Rubrique %u — %s\" <\n", s,
                s + sh->rub_in - 1, s / sh->rub, s / sh->rub, words[s / sh->rub % 10]);
        }
        const char *ind = in < sh->rub_in ? "  " : "";
        out(o, "%sservice s%u_%s \"%s numéro %u (½ journée)\"", ind, s, service_suffix(s),
            words[mix(seed, 3, s) % 10], s);
        if (kind == PLAIN && s % 50 != 0) {
            out(o, ";");
            eol_comment(o, sh, mix(seed, 4, s));
            out(o, "\n");
        } else {
            out(o, " <\n");
            if (s % 50 == 0)
                out(o, "%s  note: n%u;\n", ind, s / 50 + 1);
            if (kind != PLAIN)
                out(o, "%s  unite: \"%s\";\n", ind, s % 3 ? "Go" : "compte");
            if (kind == PER_STRATUM) {
                out(o, "%s  ", ind);
                write_table(o, sh, s, 0);
                out(o, ";\n");
            }
            out(o, "%s>\n", ind);
        }
        if (in + 1 == sh->rub_in || (in + 1 < sh->rub_in && s + 1 == S))
            out(o, ">\n\n");
        if (kind != PLAIN)
            last_counted = s;
    }
    out(o, "\n");

    /* The options' bytes, estimated, so that the file ends near max_bytes. */
    unsigned long long opt_bytes = (unsigned long long)nopt * (sh->comments ? 550 : 150);
    unsigned f = 0;
    for (;; f++) {
        if (sh->F ? f >= sh->F : f >= 4 && o->bytes + opt_bytes >= sh->max_bytes)
            break;
        block_comment(o, sh, "Forfait", f);
        out(o, "forfait F%u \"Forfait numéro %u — offre %s\" <\n", f, f, words[f % 10]);
        if (sh->prix)
            write_prix(o, sh, f, last_counted);
        if (!is_root(sh, f)) {
            out(o, "  base: F%u;\n", f - 1);
            for (unsigned s = 0; s < S; s++)
                if (overridden(sh, f, s))
                    write_cell(o, sh, f, s, override_code(sh, f, s), UINT32_MAX);
        } else {
            unsigned peer = UINT32_MAX;
            for (unsigned s = 0; s < S; s++) {
                int kind = service_kind(sh, s);
                if (s % 64 == 0)
                    out(o, "  # Cellules %u à %u.\n", s, s + 63);
                write_cell(o, sh, f, s, cell_code(sh, f, s, 0, kind), kind == PLAIN ? peer : UINT32_MAX);
                if (kind != PLAIN)
                    peer = s;
            }
        }
        out(o, ">\n\n");
    }
    unsigned F = f;
    for (unsigned p = 0; p < nopt; p++) {
        unsigned s = (unsigned)targets[p];
        block_comment(o, sh, "Option", p);
        if (service_kind(sh, s) != PLAIN) {
            out(o, "option o%u \"Option %u : %s sur site\" <\n  tarif: par_unite s%u_%s;\n", p, p,
                words[p % 10], s, service_suffix(s));
            if (sh->prix && p % 2) {
                out(o, "  montant: selon_strate <");
                for (unsigned k = 0; k < K; k++)
                    out(o, " S%u: %u.%04u EUR;", k + 1, 10 + p % 90, 5000 - 10 * k);
                out(o, " >;\n");
            } else
                out(o, "  montant: %u.50 EUR;\n", 10 + p % 90);
        } else {
            out(o, "option o%u_s%u_%s \"Option %u : %s sur site\" <\n", p, s, service_suffix(s), p,
                words[p % 10]);
            if (p % 5 == 4)
                out(o, "  tarif: sur_etude;\n  texte: \"Etude préalable spécifique à chaque collectivité\";\n");
            else
                out(o, "  tarif: journalier;\n  montant: %u EUR;\n", 300 + p % 200);
        }
        out(o, "  F%u: inclus;\n  F%u: non_inclus \"Non proposé\";\n  defaut: en_option;\n>\n\n",
            p % 2, 2 + p % 2);
    }
    if (sh->exemples) {
        block_comment(o, sh, "Exemples", 1);
        for (unsigned i = 0; o->bytes < sh->max_bytes; i++)
            write_exemple(o, sh, i, F);
    }
    free(targets);
    free(sh->sold_by);
}

/* The smallest S with S * S >= n. */
static unsigned isqrt_up(double n)
{
    unsigned s = 1;
    while ((double)s * s < n)
        s++;
    return s;
}

/* Fills sh for shape name at about bytes; false for an unknown name. */
static bool shape_of(shape *sh, const char *name, unsigned long long bytes, uint64_t seed)
{
    *sh = (shape){.seed = seed, .K = 8, .max_bytes = bytes, .rub = 16, .rub_in = 8,
                  .pct_strata = 12, .pct_counted = 13, .pct_wording = 10};
    /* Twice as many services as forfaits, cells of `cell` bytes. */
    double cell = 28;
    if (strcmp(name, "forfaits") == 0) {
    } else if (strcmp(name, "services") == 0) {
        /* 28 MB: about 20,000 services in 40 rubriques, 50 forfaits. */
        sh->F = 50;
        sh->S = bytes / 1560 > 20 ? (unsigned)(bytes / 1560) : 20;  /* 30 KB at least */
        sh->rub = sh->rub_in = (sh->S + 39) / 40;
        sh->pct_strata = 33, sh->pct_counted = 7, sh->pct_wording = 8;
        return true;
    } else if (strcmp(name, "strates") == 0) {
        sh->K = 60, sh->pct_strata = 50, sh->pct_counted = 10, sh->pct_table = 25;
        cell = 75;
    } else if (strcmp(name, "libelles") == 0) {
        sh->pct_wording = 85, sh->long_wording = true;
        cell = 170;
    } else if (strcmp(name, "commentaires") == 0) {
        sh->comments = true;
        cell = 110;
    } else if (strcmp(name, "heritage") == 0) {
        sh->chain = 60;
        sh->S = isqrt_up((double)bytes / 50);
        sh->S = sh->S < 40 ? 40 : sh->S;
        sh->overrides = sh->S / 10 > 4 ? sh->S / 10 : 4;
        return true;
    } else if (strcmp(name, "exemples") == 0) {
        /* A small offer (2 % of the bytes), then examples of ~100 bytes. */
        sh->exemples = true;
        sh->S = isqrt_up((double)bytes * 0.02 / 28 * 2);
        sh->S = sh->S < 12 ? 12 : sh->S;
        sh->F = sh->S / 2 > 4 ? sh->S / 2 : 4;
        return true;
    } else if (strcmp(name, "prix") == 0) {
        sh->prix = true;
    } else
        return false;
    sh->S = isqrt_up((double)bytes / cell * 2);
    sh->S = sh->S < 20 ? 20 : sh->S;
    return true;
}

/* Rows "nom,categorie,mesure": mostly communes of every size, some
 * établissements, a few non-affiliated authorities without a measure. */
static void gen_csv(gen_out *o, unsigned long long rows, uint64_t seed)
{
    static const char *const towns[] = { "Agen", "Villeneuve-sur-Lot", "Marmande", "Nérac",
                                         "Tonneins", "Fumel", "Casteljaloux", "Astaffort" };
    out(o, "nom,categorie,mesure\n");
    uint64_t x = seed | 1;
    for (unsigned long long i = 0; i < rows; i++) {
        x ^= x << 13, x ^= x >> 7, x ^= x << 17;
        unsigned r = (unsigned)(x % 100);
        const char *t = towns[(x >> 8) % 8];
        if (r < 60)
            out(o, "%s %llu,commune,%u\n", t, i, (unsigned)((x >> 16) % 4000) * (1 + r % 4));
        else if (r < 95)
            out(o, "SIVOM %s %llu,etablissement,%u\n", t, i, (unsigned)((x >> 16) % 160));
        else
            out(o, "\"Syndicat %s, %llu\",non_affiliee,\n", t, i);
    }
}

/* Runs argv as a child and writes "WALL USER SYS MAXRSS_KB STATUS" (seconds
 * with microseconds, from clock_gettime and the
 * children's rusage) to the file
 * report: the bench needs neither hyperfine nor GNU time. */
static int time_child(const char *report, char **argv)
{
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    pid_t pid = fork();
    if (pid < 0) {
        perror("bench-gen: fork");
        return 2;
    }
    if (pid == 0) {
        execvp(argv[0], argv);
        perror(argv[0]);
        _exit(127);
    }
    int st;
    struct rusage ru;
    while (waitpid(pid, &st, 0) < 0)
        if (errno != EINTR) {
            perror("bench-gen: waitpid");
            return 2;
        }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    getrusage(RUSAGE_CHILDREN, &ru);  /* the only child */
    FILE *f = fopen(report, "w");
    if (!f) {
        perror(report);
        return 2;
    }
    double wall = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    fprintf(f, "%.6f %ld.%06ld %ld.%06ld %ld %d\n", wall, (long)ru.ru_utime.tv_sec,
            (long)ru.ru_utime.tv_usec, (long)ru.ru_stime.tv_sec, (long)ru.ru_stime.tv_usec,
            ru.ru_maxrss, WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st));
    if (fclose(f) != 0) {
        perror(report);
        return 2;
    }
    return 0;
}

static unsigned long long arg_num(const char *s)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || end == s || *end || v == 0) {
        fprintf(stderr, "bench-gen: bad number '%s'\n", s);
        exit(2);
    }
    return v;
}

int main(int argc, char **argv)
{
    gen_out o = { stdout, 0 };
    shape sh;
    if (argc >= 3 && argc <= 4 && strcmp(argv[1], "rules") == 0) {
        /* The first shape, kept under its first name. */
        shape_of(&sh, "forfaits", arg_num(argv[2]), argc == 4 ? arg_num(argv[3]) : 47);
        gen_rules(&o, &sh);
    } else if (argc >= 4 && argc <= 5 && strcmp(argv[1], "shape") == 0) {
        if (!shape_of(&sh, argv[2], arg_num(argv[3]), argc == 5 ? arg_num(argv[4]) : 47)) {
            fprintf(stderr, "bench-gen: unknown shape '%s' (%s)\n", argv[2], SHAPES);
            return 2;
        }
        gen_rules(&o, &sh);
    } else if (argc == 2 && strcmp(argv[1], "shapes") == 0) {
        printf("%s\n", SHAPES);
    } else if (argc >= 5 && argc <= 6 && strcmp(argv[1], "grid") == 0) {
        unsigned long long F = arg_num(argv[2]), S = arg_num(argv[3]), K = arg_num(argv[4]);
        if (F < 4 || S > 1000000 || F > 1000000 || K > 1000) {
            fprintf(stderr, "bench-gen: grid needs 4 <= F, S <= 10^6, K <= 1000\n");
            return 2;
        }
        shape_of(&sh, "forfaits", 1, argc == 6 ? arg_num(argv[5]) : 47);
        sh.F = (unsigned)F, sh.S = (unsigned)S, sh.K = (unsigned)K, sh.max_bytes = 0;
        gen_rules(&o, &sh);
    } else if (argc >= 4 && strcmp(argv[1], "time") == 0) {
        return time_child(argv[2], argv + 3);
    } else if (argc >= 3 && argc <= 4 && strcmp(argv[1], "csv") == 0) {
        gen_csv(&o, arg_num(argv[2]), argc == 4 ? arg_num(argv[3]) : 47);
    } else {
        fprintf(stderr, "usage: bench-gen shape NAME BYTES [SEED]   (NAME: %s)\n"
                        "       bench-gen shapes\n"
                        "       bench-gen rules BYTES [SEED]\n"
                        "       bench-gen grid FORFAITS SERVICES STRATES [SEED]\n"
                        "       bench-gen csv ROWS [SEED]\n"
                        "       bench-gen time REPORT COMMAND [ARG...]\n", SHAPES);
        return 2;
    }
    if (fflush(stdout) != 0 || ferror(stdout)) {
        perror("bench-gen");
        return 2;
    }
    return 0;
}
