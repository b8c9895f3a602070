/* fuzz_check.c — libFuzzer target 2: load (parse + check) arbitrary bytes,
 * print the diagnostics in every format, then, when the file is valid,
 * walk the whole resolved model with every query the library offers
 * (lookups, cells, strata, eval's rows, options and quotes), dump it in
 * every format, and diff it against itself.
 * The first input bytes also choose an allocation to fail, so that the
 * out-of-memory unwinding is fuzzed too. */
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "diag_format.h"
#include "diff.h"
#include "dump.h"
#include "devis.h"
#include "eval.h"
#include "prix_texte.h"
#include "model.h"
#include "unit.h"
#include "../unit/model_equal.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Looks every object up by its name and checks the answer. */
static void fuzz_lookups(const cdg_model *m)
{
    for (unsigned i = 0; i < m->nforfaits; i++)
        if (cdg_model_forfait(m, m->forfaits[i].id) != &m->forfaits[i])
            abort();
    for (unsigned i = 0; i < m->nservices; i++)
        if (cdg_model_service(m, m->services[i].id) != &m->services[i])
            abort();
    for (unsigned i = 0; i < m->nstrates; i++)
        if (cdg_model_strate(m, m->strates[i].id) != &m->strates[i])
            abort();
    for (unsigned i = 0; i < m->ncategories; i++)
        if (cdg_model_categorie(m, m->categories[i].id) != &m->categories[i])
            abort();
    for (unsigned i = 0; i < m->noptions; i++)
        if (cdg_model_option(m, m->options[i].id) != &m->options[i])
            abort();
    if (cdg_model_forfait(m, "\x01nope") || cdg_model_service(m, ""))
        abort();
}

/* Every cell of every forfait, for every stratum; every stratum lookup
 * at the bounds of every member range. */
static void fuzz_cells(const cdg_model *m, FILE *out)
{
    for (unsigned f = 0; f < m->nforfaits; f++)
        for (unsigned s = 0; s < m->nservices; s++) {
            const cdg_cell *c = cdg_model_cell(m, &m->forfaits[f], &m->services[s]);
            fprintf(out, "%s %s %s %d\n", cdg_statut_name(c->statut), c->texte ? c->texte : "",
                    cdg_cell_origine(&m->forfaits[f], &m->services[s])->id,
                    cdg_cell_provenance(&m->forfaits[f], &m->services[s]));
            for (unsigned k = 0; k < m->nstrates; k++)
                fprintf(out, "%lld\n", (long long)cdg_cell_quantity(c, &m->strates[k]));
            for (const cdg_attache *t = c->attaches; t; t = t->next)
                fprintf(out, "%s %lld\n", t->service->id, (long long)t->quantite);
        }
    for (unsigned o = 0; o < m->noptions; o++) {
        fprintf(out, "%s\n", cdg_tarif_name(m->options[o].tarif));
        for (unsigned f = 0; f < m->nforfaits; f++)
            fprintf(out, "%s\n", cdg_statut_name(cdg_option_cell_of(&m->options[o], f)->statut));
    }
    for (unsigned c = 0; c < m->ncategories; c++)
        for (unsigned k = 0; k < m->nstrates; k++) {
            const cdg_member *mb = &m->strates[k].members[c];
            int64_t probes[] = {-1, 0, mb->lo - 1, mb->lo, mb->hi, mb->hi + (mb->hi < INT64_MAX)};
            for (size_t i = 0; i < sizeof probes / sizeof probes[0]; i++) {
                cdg_profil p = {&m->categories[c], m->categories[c].mesure ? probes[i] : -1};
                const cdg_strate *st = cdg_model_strate_for(m, &p);
                if (st && !cdg_strate_matches(st, &p))
                    abort();
            }
        }
}

/* What each category's profiles get: rows, options, quotes, `which`. */
static void fuzz_eval(cdg_unit *u, FILE *out)
{
    const cdg_model *m = u->model;
    cdg_eval_error err;
    const cdg_service **needs = cdg_arena_calloc(u->arena, m->nservices + 1, sizeof *needs);
    const cdg_service **missing = cdg_arena_calloc(u->arena, m->nservices + 1, sizeof *missing);
    cdg_eval_option *opts = cdg_arena_calloc(u->arena, m->noptions + 1, sizeof *opts);
    for (unsigned s = 0; s < m->nservices; s++)
        needs[s] = &m->services[s];
    for (unsigned c = 0; c < m->ncategories; c++) {
        char buf[600];
        snprintf(buf, sizeof buf, m->categories[c].mesure ? "%s=1000" : "%s", m->categories[c].id);
        cdg_profil p;
        if (!cdg_eval_parse_profil(m, buf, &p, &err))
            abort();
        const cdg_strate *k = cdg_eval_strate(m, &p, &err);
        if (!k)
            continue;
        cdg_eval_member(k, &p);
        for (unsigned f = 0; f < m->nforfaits; f++) {
            const cdg_forfait *fo = &m->forfaits[f];
            size_t nmissing;
            cdg_eval_includes_all(fo, k, needs, m->nservices, missing, &nmissing);
            fprintf(out, "%zu\n", cdg_eval_options(m, fo, NULL, opts));
            for (unsigned s = 0; s < m->nservices; s++) {
                cdg_eval_row r = cdg_eval_row_for(fo, &m->services[s], k);
                fprintf(out, "%lld %s\n", (long long)r.quantite, r.texte ? r.texte : "");
                cdg_eval_options(m, fo, &m->services[s], opts);
                cdg_eval_extra_option(m, fo, &m->services[s]);
                cdg_eval_quote q;
                if (m->services[s].unite) {
                    cdg_eval_quote_need(m, fo, k, &m->services[s], 1000000, &q, &err);
                    cdg_eval_quote_need(m, fo, k, &m->services[s], CDG_EVAL_MAX_MESURE, &q, &err);
                }
            }
        }
    }
    for (unsigned f = 0; f < m->nforfaits; f++)
        if (cdg_eval_find_forfait(m, m->forfaits[f].id, &err) != &m->forfaits[f])
            abort();
    if (m->nforfaits)
        cdg_eval_find_forfait(m, m->forfaits[0].libelle, &err);
    cdg_eval_find_service(m, "sauvegard", &err);
}

/* What each forfait costs each category's profile at the bounds of its
 * strata, both years, with a need of every counted service (the count of
 * a forfait priced per unit too) and of every option priced per day; the
 * formulas in words. A quote's total equals its priced lines. */
static void fuzz_prices(cdg_unit *u, FILE *out)
{
    const cdg_model *m = u->model;
    cdg_besoin *needs = NULL;
    for (unsigned s = 0; s < m->nservices; s++)
        if (m->services[s].unite) {
            cdg_besoin *b = cdg_arena_calloc(u->arena, 1, sizeof *b);
            *b = (cdg_besoin){.service = &m->services[s], .n = 7 + s, .next = needs};
            needs = b;
        }
    for (unsigned o = 0; o < m->noptions; o++)
        if (m->options[o].tarif == CDG_TARIF_JOURNALIER) {
            cdg_besoin *b = cdg_arena_calloc(u->arena, 1, sizeof *b);
            *b = (cdg_besoin){.option = &m->options[o], .n = 2, .next = needs};
            needs = b;
        }
    for (unsigned c = 0; c < m->ncategories; c++)
        for (unsigned k = 0; k < m->nstrates; k++) {
            const cdg_member *mb = &m->strates[k].members[c];
            cdg_profil p = {&m->categories[c], m->categories[c].mesure ? (mb->lo > 0 ? mb->lo : 0) : -1};
            const cdg_strate *st = cdg_model_strate_for(m, &p);
            if (!st)
                continue;
            for (unsigned f = 0; f < m->nforfaits; f++)
                for (int year = 0; year < 2; year++) {
                    cdg_devis d;
                    cdg_eval_error err;
                    if (!cdg_devis_make(m, &m->forfaits[f], st, &p, needs, year, u->arena, &d, &err))
                        continue;
                    int64_t sum = 0;
                    for (size_t i = 0; i < d.nlignes; i++) {
                        const cdg_prix_ligne *l = &d.lignes[i].prix;
                        if (l->etat == CDG_PRIX_CHIFFRE) {
                            sum += l->centimes;
                            fprintf(out, "%s\n", cdg_prix_formule(l, cdg_prix_unites_de(l->prix, &p),
                                                                  m->forfaits[f].arrondi.mode, year, u->arena));
                        } else
                            fprintf(out, "%s\n", cdg_prix_raison(l, u->arena));
                    }
                    if (!m->forfaits[f].arrondi.sur_total && sum != d.total)
                        abort();
                    fprintf(out, "%s\n", cdg_prix_texte(m->forfaits[f].prix ? cdg_prix_pour_strate(m->forfaits[f].prix, st) : NULL,
                                                        m->categories[c].mesure, u->arena));
                }
        }
}

/* Every dump format, and the model against itself: no change, equal. */
static void fuzz_dump_diff(cdg_unit *u, cdg_memctl *ctl, FILE *out)
{
    const cdg_dump_format formats[] = {CDG_DUMP_TSV, CDG_DUMP_CSV, CDG_DUMP_MD, CDG_DUMP_HTML,
                                       CDG_DUMP_JSON};
    for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++) {
        cdg_dump_opts o = {.format = formats[i], .tables = CDG_TABLE_ALL, .bom = i == 1};
        if (!cdg_dump(out, u->model, &o, ctl) && ctl->fail_at < 0)
            abort();
    }
    size_t n = 0;
    char why[256];
    if (cdg_diff(u->arena, u->model, u->model, &n) != NULL || n != 0)
        abort();
    if (!cdg_model_equal(u->model, u->model, why, sizeof why))
        abort();
}

/* Prints the diagnostics in every style and queries a valid model.
 * Printing may still allocate (the line index): a failure there unwinds
 * here like anywhere else. */
static void fuzz_loaded(cdg_unit *u, cdg_memctl *ctl, FILE *out)
{
    jmp_buf oom;
    if (setjmp(oom))
        return;
    cdg_arena_catch(u->arena, &oom);
    cdg_diag_style color = {.color = true};
    cdg_diags_print(out, &u->diags, &color);
    for (size_t i = 0; i < cdg_diag_format_count(); i++) {
        cdg_diag_run run = {.format = cdg_diag_format_at(i), .out = out, .err = out,
                            .tool_version = "fuzz"};
        run.format->begin(&run);
        run.format->file(&run, &u->diags);
        run.format->end(&run, true);
    }
    if (cdg_unit_ok(u)) {
        fuzz_lookups(u->model);
        fuzz_cells(u->model, out);
        fuzz_eval(u, out);
        fuzz_prices(u, out);
        fuzz_dump_diff(u, ctl, out);
    }
    cdg_arena_catch(u->arena, NULL);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    cdg_memctl ctl = {.fail_at = -1};
    /* Inputs starting with "!N" (N < 200) fail allocation N. */
    if (size >= 2 && data[0] == '!' && data[1] < 200) {
        ctl.fail_at = data[1];
        data += 2;
        size -= 2;
    }
    cdg_unit *u = NULL;
    cdg_load_status st = cdg_unit_load_buffer("fuzz.cdg", (const char *)data, size, &ctl, &u);
    if (st == CDG_LOAD_NOMEM && ctl.fail_at < 0)
        abort();
    FILE *out = fopen("/dev/null", "w");
    if (!out)
        abort();
    if (st == CDG_LOAD_OK)
        fuzz_loaded(u, &ctl, out);
    fclose(out);
    cdg_unit_free(u);
    return 0;
}
