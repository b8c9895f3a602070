/* gen.c — deterministic generator of benchmark inputs (make bench).
 *
 *   bench-gen rules BYTES [SEED]   a valid rules file of about BYTES bytes
 *   bench-gen grid F S K [SEED]    a valid rules file: F forfaits, S
 *                                  services, K strata
 *   bench-gen csv ROWS [SEED]      a CSV of ROWS authority profiles
 *   bench-gen time REPORT CMD...   runs CMD; writes its wall, user and
 *                                  system seconds, peak RSS (KB) and exit
 *                                  status to the file REPORT
 *
 * The rules files look like rules/cdg47.cdg scaled up: three categories,
 * K strata partitioning communes and établissements, notes, services in
 * rubriques (a quarter counted, half of those with per-stratum
 * quantities), forfaits stating nearly every cell explicitly (one in four
 * inherits from the previous one with `base:` and overrides a tenth of
 * the cells), published wordings on some cells, attached quantities, and
 * options priced per day, per unit or on study. Every generated file
 * passes `cdgrules check` without a diagnostic, so that every command
 * (dump, query, fmt, diff) can be measured on it. Same arguments, same
 * bytes: the only randomness is a seeded xorshift generator. */
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
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

/* Service kinds: plain, counted (has a unit), counted per stratum. */
enum { PLAIN, COUNTED, PER_STRATUM };

static int service_kind(uint64_t seed, unsigned s)
{
    unsigned r = (unsigned)(mix(seed, 1, s) % 8);
    return r == 0 ? PER_STRATUM : r == 1 ? COUNTED : PLAIN;
}

static const char *const plain_status[] = { "inclus", "inclus", "inclus", "non_inclus",
                                            "non_inclus", "en_option", "sans_objet" };
static const char *const words[] = { "Télétransmission", "Hébergement", "Sécurité",
                                     "Dématérialisation", "Assistance", "Sauvegarde",
                                     "Messagerie", "Formation", "Accès", "Contrôle" };

/* Writes the cell of service s in a fully stated forfait f (salt varies
 * the choice for the overrides of a derived forfait). Returns a small
 * code of the cell so that an override can differ from its base. */
static unsigned cell_code(uint64_t seed, unsigned f, unsigned s, unsigned salt, int kind)
{
    uint64_t h = mix(seed, (uint64_t)f * 7 + salt + 2, s);
    if (kind == PLAIN)
        return (unsigned)(h % 7);
    if (kind == PER_STRATUM)
        return h % 4 == 0 ? 100 + (unsigned)(h >> 8) % 3 : 200;  /* quantity, or selon_strate */
    return h % 3 == 0 ? 3 : 100 + (unsigned)(h >> 8) % 5;       /* non_inclus, or quantity */
}

static void write_cell(gen_out *o, uint64_t seed, unsigned f, unsigned s, unsigned code,
                       unsigned counted_peer)
{
    uint64_t h = mix(seed, 99 + f, s);
    out(o, "  s%u_%s: ", s, s % 2 ? "prestation" : "service");
    if (code >= 200)
        out(o, "selon_strate");
    else if (code >= 100)
        out(o, "%u", code - 99);
    else
        out(o, "%s", plain_status[code]);
    if (code < 100 && code <= 2 && counted_peer != UINT32_MAX && h % 40 == 0)
        out(o, " \"Inclus avec 1 unité\" < s%u_%s: 1; >", counted_peer,
            counted_peer % 2 ? "prestation" : "service");
    else if (h % 10 == 0)
        out(o, " \"%s : conditions particulières n°%u\"", words[h % 10], (unsigned)(h >> 20) % 1000);
    out(o, ";\n");
}

/* The whole rules file. max_bytes: stop adding forfaits past that size
 * (0: exactly F forfaits). */
static void gen_rules(gen_out *o, unsigned F, unsigned S, unsigned K, uint64_t seed,
                      unsigned long long max_bytes)
{
    out(o, "# Offre synthétique générée par bench-gen (graine %" PRIu64 ") : %u services, "
           "%u strates.\n\n", seed, S, K);
    out(o, "offre bench \"Offre de services numériques de référence\" <\n"
           "  editeur: \"CDG de référence\";\n  edition: 2026;\n>\n\n");
    out(o, "categorie commune \"Communes\" < mesure: habitants; >\n"
           "categorie etablissement \"Etablissements publics et Budgets annexes\" < mesure: agents; >\n"
           "categorie non_affiliee \"Collectivités non affiliées\";\n\n");
    for (unsigned k = 0; k < K; k++) {
        out(o, "strate S%u \"Strate %u : communes de %u à %u habitants, établissements de %u à %u agents\" <\n",
            k + 1, k + 1, k * 1000, k * 1000 + 999, k * 10, k * 10 + 9);
        if (k + 1 < K)
            out(o, "  commune: %u..%u;\n  etablissement: %u..%u;\n>\n\n", k * 1000,
                k * 1000 + 999, k * 10, k * 10 + 9);
        else
            out(o, "  non_affiliee: tous;\n  commune: %u..;\n  etablissement: %u..;\n>\n\n",
                k * 1000, k * 10);
    }
    unsigned nnotes = S / 50 + 1;
    for (unsigned n = 0; n < nnotes; n++)
        out(o, "note n%u \"Les interventions sur site (note %u) ne concernent pas les "
               "interventions à l'initiative du centre de gestion.\";\n", n + 1, n + 1);
    out(o, "\n");

    unsigned last_counted = UINT32_MAX;
    for (unsigned s = 0; s < S; s++) {
        int kind = service_kind(seed, s);
        if (s % 16 == 0)
            out(o, "# Services %u à %u.\nrubrique r%u \"Rubrique %u — %s\" <\n", s, s + 7, s / 16,
                s / 16, words[s / 16 % 10]);
        const char *ind = s % 16 < 8 ? "  " : "";
        out(o, "%sservice s%u_%s \"%s numéro %u (½ journée)\"", ind, s, s % 2 ? "prestation" : "service",
            words[mix(seed, 3, s) % 10], s);
        if (kind == PLAIN && s % 50 != 0) {
            out(o, ";\n");
        } else {
            out(o, " <\n");
            if (s % 50 == 0)
                out(o, "%s  note: n%u;\n", ind, s / 50 + 1);
            if (kind != PLAIN)
                out(o, "%s  unite: \"%s\";\n", ind, s % 3 ? "Go" : "compte");
            if (kind == PER_STRATUM) {
                out(o, "%s  selon_strate <", ind);
                for (unsigned k = 0; k < K; k++)
                    out(o, " S%u: %u;", k + 1, 1 + k / 2 * (1 + s % 5));
                out(o, " >;\n");
            }
            out(o, "%s>\n", ind);
        }
        if (s % 16 == 7 || (s % 16 < 7 && s + 1 == S))
            out(o, ">\n\n");
        if (kind != PLAIN)
            last_counted = s;
    }
    out(o, "\n");

    /* The options' bytes, estimated, so that the file ends near max_bytes. */
    unsigned nopt = S / 4 + 1;
    unsigned long long opt_bytes = (unsigned long long)nopt * 150;
    unsigned f = 0;
    for (;; f++) {
        if (max_bytes ? (f >= 4 && o->bytes + opt_bytes >= max_bytes) : f >= F)
            break;
        out(o, "forfait F%u \"Forfait numéro %u — offre %s\" <\n", f, f, words[f % 10]);
        if (f % 4 == 3) {
            out(o, "  base: F%u;\n", f - 1);
            for (unsigned s = f % 10; s < S; s += 10) {
                int kind = service_kind(seed, s);
                unsigned base = cell_code(seed, f - 1, s, 0, kind), code;
                for (unsigned salt = 1;; salt++)
                    if ((code = cell_code(seed, f, s, salt, kind)) != base || salt > 50)
                        break;
                write_cell(o, seed, f, s, code, UINT32_MAX);
            }
        } else {
            unsigned peer = UINT32_MAX;
            for (unsigned s = 0; s < S; s++) {
                int kind = service_kind(seed, s);
                if (s % 64 == 0)
                    out(o, "  # Cellules %u à %u.\n", s, s + 63);
                write_cell(o, seed, f, s, cell_code(seed, f, s, 0, kind),
                           kind == PLAIN ? peer : UINT32_MAX);
                if (kind != PLAIN)
                    peer = s;
            }
        }
        out(o, ">\n\n");
    }
    F = f;
    for (unsigned p = 0; p < nopt; p++) {
        unsigned s = (unsigned)(mix(seed, 5, p) % S);
        out(o, "option o%u \"Option %u : %s sur site\" <\n", p, p, words[p % 10]);
        if (service_kind(seed, s) != PLAIN && last_counted != UINT32_MAX)
            out(o, "  tarif: par_unite s%u_%s;\n  montant: %u.50 EUR;\n", s,
                s % 2 ? "prestation" : "service", 10 + p % 90);
        else if (p % 5 == 4)
            out(o, "  tarif: sur_etude;\n  texte: \"Etude préalable spécifique à chaque collectivité\";\n");
        else
            out(o, "  tarif: journalier;\n  montant: %u EUR;\n", 300 + p % 200);
        out(o, "  F%u: inclus;\n  F%u: non_inclus \"Non proposé\";\n  defaut: en_option;\n>\n\n",
            p % F, (p + 1) % F);
    }
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
    if (argc >= 3 && argc <= 4 && strcmp(argv[1], "rules") == 0) {
        unsigned long long bytes = arg_num(argv[2]);
        uint64_t seed = argc == 4 ? arg_num(argv[3]) : 47;
        /* About 28 bytes a cell and twice as many services as forfaits. */
        double cells = (double)bytes / 28.0;
        unsigned S = 20;
        while ((double)S * S < cells * 2)
            S++;
        gen_rules(&o, 0, S, 8, seed, bytes);
    } else if (argc >= 5 && argc <= 6 && strcmp(argv[1], "grid") == 0) {
        unsigned long long F = arg_num(argv[2]), S = arg_num(argv[3]), K = arg_num(argv[4]);
        if (F < 2 || S > 1000000 || F > 1000000 || K > 1000) {
            fprintf(stderr, "bench-gen: grid needs 2 <= F, S <= 10^6, K <= 1000\n");
            return 2;
        }
        gen_rules(&o, (unsigned)F, (unsigned)S, (unsigned)K, argc == 6 ? arg_num(argv[5]) : 47, 0);
    } else if (argc >= 4 && strcmp(argv[1], "time") == 0) {
        return time_child(argv[2], argv + 3);
    } else if (argc >= 3 && argc <= 4 && strcmp(argv[1], "csv") == 0) {
        gen_csv(&o, arg_num(argv[2]), argc == 4 ? arg_num(argv[3]) : 47);
    } else {
        fprintf(stderr, "usage: bench-gen rules BYTES [SEED]\n"
                        "       bench-gen grid FORFAITS SERVICES STRATES [SEED]\n"
                        "       bench-gen csv ROWS [SEED]\n"
                        "       bench-gen time REPORT COMMAND [ARG...]\n");
        return 2;
    }
    if (fflush(stdout) != 0 || ferror(stdout)) {
        perror("bench-gen");
        return 2;
    }
    return 0;
}
