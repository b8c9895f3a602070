/* test_source_document.c — rules/cdg47.cdg against the source document it
 * transcribes (rules/source/offre-cdg47.tsv): same services in the same
 * order, same status, quantity and wording in every cell of table 1, same
 * strata labels and quantities in table 2, same footnote, same merged and
 * repeated rows and wordings in table 3. The TSV reader
 * below is test code. Paths are relative to the repository root, where
 * `make test` runs. */
#include "helpers.h"

#include <stdint.h>

#define TSV_PATH "rules/source/offre-cdg47.tsv"
#define RULES_PATH "rules/cdg47.cdg"
#define MAX_LINES 128
#define MAX_COLS 8

typedef struct tsv_line {
    char *col[MAX_COLS];
    int ncol;
    char *raw;
} tsv_line;

typedef struct tsv {
    char *text;
    tsv_line line[MAX_LINES];
    int nlines;
} tsv;

/* Reads the whole document and splits it into lines and tab-separated
 * columns (in place). */
static void tsv_read(tsv *t)
{
    FILE *f = fopen(TSV_PATH, "rb");
    cr_assert_not_null(f, "cannot open %s (run from the repository root)", TSV_PATH);
    t->text = malloc(1 << 16);
    size_t n = fread(t->text, 1, (1 << 16) - 1, f);
    fclose(f);
    t->text[n] = '\0';
    t->nlines = 0;
    char *p = t->text;
    while (*p && t->nlines < MAX_LINES) {
        char *nl = strchr(p, '\n');
        if (nl)
            *nl = '\0';
        tsv_line *l = &t->line[t->nlines++];
        l->raw = strdup(p);
        l->ncol = 0;
        char *c = p;
        for (;;) {
            char *tab = strchr(c, '\t');
            if (l->ncol < MAX_COLS)
                l->col[l->ncol++] = c;
            if (!tab)
                break;
            *tab = '\0';
            c = tab + 1;
        }
        if (!nl)
            break;
        p = nl + 1;
    }
}

static void tsv_free(tsv *t)
{
    for (int i = 0; i < t->nlines; i++)
        free(t->line[i].raw);
    free(t->text);
}

/* Removes from s every occurrence of pat. */
static void remove_all(char *s, const char *pat)
{
    size_t n = strlen(pat);
    char *p;
    while ((p = strstr(s, pat)))
        memmove(p, p + n, strlen(p + n) + 1);
}

/* A label as the rules file spells it: footnote markers and markup
 * dropped ("1 <sup>er</sup>" -> "1er"), blanks collapsed and trimmed. */
static char *normalise(const char *in)
{
    char *s = strdup(in);
    remove_all(s, "<sup>*1</sup>");
    remove_all(s, " <sup>");
    remove_all(s, "<sup>");
    remove_all(s, "</sup>");
    remove_all(s, "<b>");
    remove_all(s, "</b>");
    char *w = s;
    bool space = true;
    for (const char *r = s; *r; r++) {
        if (*r == ' ' || *r == '\t') {
            if (!space)
                *w++ = ' ';
            space = true;
        } else {
            *w++ = *r;
            space = false;
        }
    }
    if (w > s && w[-1] == ' ')
        w--;
    *w = '\0';
    return s;
}

static int find_line(const tsv *t, int from, bool (*pred)(const tsv_line *))
{
    for (int i = from; i < t->nlines; i++)
        if (pred(&t->line[i]))
            return i;
    return -1;
}

static bool is_table1_header(const tsv_line *l)
{
    return l->ncol == 7 && !*l->col[0] && !*l->col[1] && strstr(l->col[2], "Forfait");
}

static bool is_table2_header(const tsv_line *l)
{
    return l->ncol == 4 && strcmp(l->col[0], "Strate") == 0;
}

static bool is_blank(const tsv_line *l)
{
    return l->ncol == 1 && !*l->col[0];
}

static cdg_unit *load_rules(void)
{
    cdg_unit *u = NULL;
    cr_assert_eq(cdg_unit_load(RULES_PATH, NULL, &u), CDG_LOAD_OK);
    cr_assert(cdg_unit_ok(u), "%s has errors", RULES_PATH);
    return u;
}

static const cdg_forfait *forfait_by_label(const cdg_model *m, const char *label)
{
    for (unsigned i = 0; i < m->nforfaits; i++)
        if (strcmp(m->forfaits[i].libelle, label) == 0)
            return &m->forfaits[i];
    return NULL;
}

/* The smallest and largest quantity a per-stratum cell gives. */
static void strata_bounds(const cdg_model *m, const cdg_cell *c, int64_t *lo, int64_t *hi)
{
    *lo = INT64_MAX;
    *hi = -1;
    for (unsigned k = 0; k < m->nstrates; k++) {
        int64_t q = cdg_cell_quantity(c, &m->strates[k]);
        if (q < *lo) *lo = q;
        if (q > *hi) *hi = q;
    }
}

/* Checks one cell of table 1 against the model. */
static void check_cell(const cdg_model *m, const cdg_service *s, const cdg_forfait *f,
                       const char *doc)
{
    const cdg_cell *c = cdg_model_cell(m, f, s);
    const char *where = s->id;
    cr_assert_not_null(c, "no cell for %s in %s", where, f->id);
    cr_assert_str_eq(c->texte, doc, "%s / %s: wording '%s', document '%s'", f->id, where, c->texte, doc);
    if (!*doc) {
        cr_assert_eq(c->statut, CDG_SANS_OBJET, "%s / %s: blank cell is sans_objet", f->id, where);
        return;
    }
    if (strcmp(doc, "Non inclus") == 0 || strcmp(doc, "En option") == 0) {
        cr_assert_eq(c->statut, *doc == 'N' ? CDG_NON_INCLUS : CDG_EN_OPTION, "%s / %s", f->id, where);
        cr_assert_eq(c->qte, CDG_QTE_AUCUNE, "%s / %s", f->id, where);
        return;
    }
    cr_assert_eq(c->statut, CDG_INCLUS, "%s / %s: '%s' is inclus", f->id, where, doc);
    if (strcmp(doc, "Inclus") == 0) {
        cr_assert_eq(c->qte, CDG_QTE_AUCUNE, "%s / %s", f->id, where);
        cr_assert_null(c->attaches, "%s / %s", f->id, where);
    } else if (strncmp(doc, "De ", 3) == 0 && strstr(doc, "selon strate")) {
        char *end;
        long lo = strtol(doc + 3, &end, 10);
        const char *a = strstr(end, "à ");
        cr_assert_not_null(a, "%s / %s: '%s'", f->id, where, doc);
        long hi = strtol(a + strlen("à "), NULL, 10);
        cr_assert_eq(c->qte, CDG_QTE_STRATE, "%s / %s", f->id, where);
        int64_t mlo, mhi;
        strata_bounds(m, c, &mlo, &mhi);
        cr_assert_eq(mlo, lo, "%s / %s: from %ld", f->id, where, lo);
        cr_assert_eq(mhi, hi, "%s / %s: to %ld", f->id, where, hi);
    } else if (strcmp(doc, "Un compte inclus") == 0 || strcmp(doc, "1 Go par collectivité inclus") == 0) {
        cr_assert_eq(c->qte, CDG_QTE_FIXE, "%s / %s", f->id, where);
        cr_assert_eq(c->quantite, 1, "%s / %s", f->id, where);
    } else if (strcmp(doc, "Inclus avec un certificat") == 0) {
        cr_assert_eq(c->qte, CDG_QTE_AUCUNE, "%s / %s", f->id, where);
        cr_assert_not_null(c->attaches, "%s / %s: a certificat comes with it", f->id, where);
        cr_assert_str_eq(c->attaches->service->id, "certificat");
        cr_assert_eq(c->attaches->quantite, 1);
        cr_assert_null(c->attaches->next);
    } else
        cr_assert_fail("%s / %s: unknown wording '%s' in the document", f->id, where, doc);
}

Test(source_document, table1_services_and_every_cell)
{
    tsv t;
    tsv_read(&t);
    cdg_unit *u = load_rules();
    const cdg_model *m = u->model;
    int h = find_line(&t, 0, is_table1_header);
    cr_assert_geq(h, 0, "table 1 header not found");
    const cdg_forfait *cols[5];
    for (int j = 0; j < 5; j++) {
        cols[j] = forfait_by_label(m, t.line[h].col[2 + j]);
        cr_assert_not_null(cols[j], "no forfait labelled '%s'", t.line[h].col[2 + j]);
    }
    cr_assert_eq(m->nforfaits, 5);
    unsigned row = 0;
    for (int i = h + 1; i < t.nlines && !is_blank(&t.line[i]); i++, row++) {
        const tsv_line *l = &t.line[i];
        cr_assert_eq(l->ncol, 7, "line %d has %d columns", i + 1, l->ncol);
        char *label = normalise(*l->col[1] ? l->col[1] : l->col[0]);
        cr_assert_lt(row, m->nservices, "the document has more services than the rules");
        const cdg_service *s = &m->services[row];
        cr_assert_str_eq(s->libelle, label, "service %u: '%s' in the rules, '%s' in the document",
                         row + 1, s->libelle, label);
        if (*l->col[1]) {
            char *group = normalise(l->col[0]);
            if (*group) {
                cr_assert_not_null(s->rubrique, "'%s' opens a rubrique", label);
                cr_assert_str_eq(s->rubrique->libelle, group);
            }
            free(group);
        } else
            cr_assert_null(s->rubrique, "'%s' stands alone", label);
        if (strstr(l->col[0], "<sup>*1</sup>"))
            cr_assert(s->note && s->note->number == 1, "'%s' carries footnote 1", label);
        for (int j = 0; j < 5; j++)
            check_cell(m, s, cols[j], l->col[2 + j]);
        free(label);
    }
    cr_assert_eq(row, m->nservices, "%u services in the document, %u in the rules", row, m->nservices);
    cdg_unit_free(u);
    tsv_free(&t);
}

Test(source_document, footnote)
{
    tsv t;
    tsv_read(&t);
    cdg_unit *u = load_rules();
    int i;
    for (i = 0; i < t.nlines; i++)
        if (strncmp(t.line[i].raw, "*\\*1 : ", 7) == 0)
            break;
    cr_assert_lt(i, t.nlines, "footnote not found");
    char *text = strdup(t.line[i].raw + 7);
    size_t n = strlen(text);
    if (n && text[n - 1] == '*')
        text[n - 1] = '\0';
    cr_assert_eq(u->model->nnotes, 1);
    cr_assert_str_eq(u->model->notes[0].texte, text);
    free(text);
    cdg_unit_free(u);
    tsv_free(&t);
}

Test(source_document, table2_strata_labels_and_quantities)
{
    tsv t;
    tsv_read(&t);
    cdg_unit *u = load_rules();
    const cdg_model *m = u->model;
    int h = find_line(&t, 0, is_table2_header);
    cr_assert_geq(h, 0, "table 2 header not found");
    const cdg_service *cols[3];
    for (int j = 0; j < 3; j++) {
        cols[j] = NULL;
        for (unsigned s = 0; s < m->nservices; s++)
            if (m->services[s].par_strate && strcmp(m->services[s].colonne, t.line[h].col[1 + j]) == 0)
                cols[j] = &m->services[s];
        cr_assert_not_null(cols[j], "no service with column '%s'", t.line[h].col[1 + j]);
    }
    unsigned k = 0;
    for (int i = h + 1; i < t.nlines && !is_blank(&t.line[i]); i++, k++) {
        const tsv_line *l = &t.line[i];
        cr_assert_eq(l->ncol, 4, "line %d has %d columns", i + 1, l->ncol);
        cr_assert_lt(k, m->nstrates, "the document has more strata than the rules");
        const cdg_strate *st = &m->strates[k];
        cr_assert_str_eq(st->libelle, l->col[0], "strate %s: '%s', document '%s'", st->id, st->libelle, l->col[0]);
        for (int j = 0; j < 3; j++) {
            char *end;
            long q = strtol(l->col[1 + j], &end, 10);
            cr_assert(end != l->col[1 + j] && !*end, "'%s' is not a number", l->col[1 + j]);
            cr_assert_eq(cols[j]->par_strate[st->index], q, "%s in %s: %ld in the document",
                         cols[j]->id, st->id, q);
        }
    }
    cr_assert_eq(k, m->nstrates, "%u strata in the document, %u in the rules", k, m->nstrates);
    cr_assert_eq(k, 8);
    /* the services of table 2 are the ones counted per stratum */
    unsigned counted = 0;
    for (unsigned s = 0; s < m->nservices; s++)
        counted += m->services[s].par_strate != NULL;
    cr_assert_eq(counted, 3);
    cdg_unit_free(u);
    tsv_free(&t);
}

static bool is_table3_header(const tsv_line *l)
{
    return l->ncol == 6 && !*l->col[0] && strstr(l->col[1], "<b>Forfait");
}

/* Table 3 row by row: a row whose cells after the first are blank is the
 * document's merged cell, an option stated once (`defaut:`) with that
 * wording in every forfait; any other row is stated per forfait, even
 * when its cells are equal (the anti-spam row), with each cell's wording. */
Test(source_document, table3_merged_and_repeated_rows)
{
    tsv t;
    tsv_read(&t);
    cdg_unit *u = load_rules();
    const cdg_model *m = u->model;
    int h = find_line(&t, 0, is_table3_header);
    cr_assert_geq(h, 0, "table 3 header not found");
    const cdg_forfait *cols[5];
    for (int j = 0; j < 5; j++) {
        char *label = normalise(t.line[h].col[1 + j]);
        cols[j] = forfait_by_label(m, label);
        cr_assert_not_null(cols[j], "no forfait labelled '%s'", label);
        free(label);
    }
    unsigned k = 0, merged = 0, repeated = 0;
    for (int i = h + 1; i < t.nlines && !is_blank(&t.line[i]); i++, k++) {
        const tsv_line *l = &t.line[i];
        cr_assert_eq(l->ncol, 6, "line %d has %d columns", i + 1, l->ncol);
        cr_assert_lt(k, m->noptions, "the document has more options than the rules");
        const cdg_option *o = &m->options[k];
        cr_assert_str_eq(o->libelle, l->col[0], "option %u: '%s', document '%s'", k + 1, o->libelle, l->col[0]);
        bool blank_after_first = true;
        for (int j = 1; j < 5; j++)
            blank_after_first &= !*l->col[1 + j];
        cr_assert_eq(o->fusionne, blank_after_first, "%s: merged in %s only", o->id,
                     o->fusionne ? "the rules" : "the document");
        for (int j = 0; j < 5; j++) {
            const char *doc = blank_after_first ? l->col[1] : l->col[1 + j];
            cr_assert_str_eq(cdg_option_cell_of(o, cols[j]->index)->texte, doc, "%s / %s", o->id, cols[j]->id);
        }
        if (o->fusionne)
            merged++;
        else if (strcmp(l->col[1], l->col[5]) == 0)
            repeated++;
    }
    cr_assert_eq(k, m->noptions, "%u options in the document, %u in the rules", k, m->noptions);
    cr_assert_eq(merged, 8, "the document merges 8 rows");
    cr_assert_eq(repeated, 1, "the document repeats the anti-spam row");
    cdg_unit_free(u);
    tsv_free(&t);
}
