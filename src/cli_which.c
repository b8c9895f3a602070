/* cli_which.c — `cdgrules which`: the forfaits that include every needed
 * service for a profile, and what the others miss. */
#include <string.h>

#include "cli.h"

static const char which_help[] =
    N_("usage: cdgrules which FILE --profil P --besoin S[=N] [--besoin S2 ...]\n"
    "                      [--annee premiere|suivantes] [--json] [--why]\n"
    "\n"
    "Lists the forfaits that include every needed service S for the\n"
    "authority P (status inclus, and not 0 units in its stratum), then, for\n"
    "each other forfait, the needed services it does not include and their\n"
    "status. S is a service id or label, case and accents ignored; it may\n"
    "also be an option (filtrage_spam), needed inclus in the forfait.\n"
    "\n"
    "  --profil P    CATEGORIE=MESURE or CATEGORIE (required)\n"
    "  --besoin S    a needed service (required, repeatable); S=N: N units of\n"
    "                a counted service (or N days of an option priced per\n"
    "                day), priced as 'cdgrules quote' prices them\n"
    "  --annee A     premiere or suivantes (the default): the year priced\n"
    "  --json        one JSON object: profil, strate, besoins, and each forfait\n"
    "                with inclut_tout, the needs it misses (manque), its\n"
    "                rank by price (rang) and quote (devis: total, partiel)\n"
    "  --why         for each forfait not chosen, the first need it misses\n"
    "                (services before options) and the entry of FILE that\n"
    "                says so (FILE:LINE:COL); with --json, a \"pourquoi\"\n"
    "                array per such forfait\n"
    "\n"
    "When the rules state prices, the forfaits that include everything are\n"
    "ranked by what P would pay a year for them and the needs (the quote's\n"
    "total), cheapest first; those whose price is not known come after, and\n"
    "say so.\n"
    "\n"
    "Exit status: 0 some forfait includes every need, 1 none does (or no\n"
    "stratum matches, or the rules have errors), 2 usage or I/O error.\n");

/* The answer of `which`: for each forfait (by index), whether it includes
 * every need, and the needs it misses. */
typedef struct which_answer {
    const cdg_model *m;
    const cdg_ast *ast;
    const cdg_profil *p;
    const cdg_strate *k;
    const cdg_service **needs;
    size_t nneeds;
    const cdg_option **oneeds;      /* options needed inclus */
    size_t noneeds;
    bool *fits;
    const cdg_service ***missing;
    size_t *nmissing;
    const cdg_option ***omissing;   /* the options needed that a forfait lacks */
    size_t *nomissing;
    size_t nfit;            /* forfaits that include every need */
    const cdg_besoin *counted;  /* needs with a quantity (S=N), for the prices */
    bool premiere;
    cli_prix_an *prix;      /* per forfait that fits: its quote */
    unsigned *rang;         /* per forfait: 1-based rank by price, 0 when unranked */
    unsigned *order;        /* the forfaits that fit, cheapest first */
    cdg_arena *a;
} which_answer;

/* Whether quote q has a total the whole of which is known. */
static bool fully_priced(const cli_prix_an *q)
{
    return q->devis.non_chiffres == 0 && q->devis.sans_option == 0;
}

/* Prices every forfait that fits and ranks them: fully priced ones by
 * total (declaration order between equals), the others after, in
 * declaration order. False after an overflow was reported. */
static bool which_rank(which_answer *w)
{
    const cdg_model *m = w->m;
    w->prix = cdg_arena_calloc(w->a, m->nforfaits + 1, sizeof *w->prix);
    w->rang = cdg_arena_calloc(w->a, m->nforfaits + 1, sizeof *w->rang);
    w->order = cdg_arena_calloc(w->a, m->nforfaits + 1, sizeof *w->order);
    size_t n = 0;
    for (unsigned fi = 0; fi < m->nforfaits; fi++) {
        if (!w->fits[fi])
            continue;
        if (!cli_prix_annuel("which", m, &m->forfaits[fi], w->k, w->p, w->counted, w->premiere, w->a, &w->prix[fi]))
            return false;
        /* insertion: priced before unpriced, then by total */
        size_t i = n++;
        while (i > 0) {
            const cli_prix_an *prev = &w->prix[w->order[i - 1]], *cur = &w->prix[fi];
            bool before = fully_priced(cur) && (!fully_priced(prev) || cur->devis.total < prev->devis.total);
            if (!before)
                break;
            w->order[i] = w->order[i - 1];
            i--;
        }
        w->order[i] = fi;
    }
    for (size_t i = 0; i < n; i++)
        if (fully_priced(&w->prix[w->order[i]]))
            w->rang[w->order[i]] = (unsigned)i + 1;
    return true;
}

/* The price of a forfait that fits, for the ranking's table. */
static const char *price_cell(const which_answer *w, unsigned fi)
{
    const cli_prix_an *q = &w->prix[fi];
    char money[CDG_MONEY_TEXT_MAX];
    if (!w->m->forfaits[fi].prix)
        return _("not priced");
    if (q->devis.sans_option)
        return _("not priced: an extra cannot be bought");
    if (q->devis.non_chiffres)
        return cdg_arena_printf(w->a, _("not priced (%s so far)"), cdg_money_text(q->devis.total, money, sizeof money));
    return cdg_arena_printf(w->a, _("%s a year"), cdg_money_text(q->devis.total, money, sizeof money));
}

/* Fills w's fits, missing and nfit from its model, stratum and needs. */
static void which_compute(which_answer *w)
{
    const cdg_model *m = w->m;
    w->fits = cdg_arena_calloc(w->a, m->nforfaits + 1, sizeof *w->fits);
    w->missing = cdg_arena_calloc(w->a, m->nforfaits + 1, sizeof *w->missing);
    w->nmissing = cdg_arena_calloc(w->a, m->nforfaits + 1, sizeof *w->nmissing);
    w->omissing = cdg_arena_calloc(w->a, m->nforfaits + 1, sizeof *w->omissing);
    w->nomissing = cdg_arena_calloc(w->a, m->nforfaits + 1, sizeof *w->nomissing);
    for (unsigned fi = 0; fi < m->nforfaits; fi++) {
        w->missing[fi] = cdg_arena_calloc(w->a, w->nneeds, sizeof *w->missing[fi]);
        w->fits[fi] = cdg_eval_includes_all(&m->forfaits[fi], w->k, w->needs, w->nneeds,
                                            w->missing[fi], &w->nmissing[fi]);
        w->omissing[fi] = cdg_arena_calloc(w->a, w->noneeds + 1, sizeof *w->omissing[fi]);
        for (size_t i = 0; i < w->noneeds; i++)
            if (cdg_option_cell_of(w->oneeds[i], fi)->statut != CDG_INCLUS) {
                w->omissing[fi][w->nomissing[fi]++] = w->oneeds[i];
                w->fits[fi] = false;
            }
        w->nfit += w->fits[fi];
    }
}

/* --why as text: the stratum, then for each forfait not chosen the first
 * need it misses and the entries that decide it. */
static void print_why_text(const which_answer *w)
{
    cdg_source *src = w->m->src;
    fputs(_("\nwhy\n"), stdout);
    for (const cdg_raison *r = cdg_pourquoi_strate(w->m, w->p, w->k, w->a); r; r = r->next)
        printf(_("  stratum: %s (%s)\n"), r->texte, cdg_pourquoi_lieu(src, r->span, w->a));
    for (unsigned fi = 0; fi < w->m->nforfaits; fi++) {
        if (w->fits[fi])
            continue;
        const cdg_forfait *f = &w->m->forfaits[fi];
        if (w->nmissing[fi] == 0) {
            const cdg_option *o = w->omissing[fi][0];
            printf(_("  %s: %s (%s)\n"), f->id, o->id, _(cdg_statut_words(cdg_option_cell_of(o, fi)->statut)));
            cli_why_text(stdout, src, cdg_pourquoi_option(w->m, w->ast, f, o, false, w->a), "    ", w->a);
            continue;
        }
        const cdg_service *s = w->missing[fi][0];
        cdg_eval_row r = cdg_eval_row_for(f, s, w->k);
        printf(_("  %s: %s (%s%s)\n"), f->id, s->id, _(cdg_statut_words(r.statut)), r.quantite == 0 ? ", 0" : "");
        cli_why_text(stdout, src, cdg_pourquoi_service(w->m, w->ast, f, s, w->k, w->a), "    ", w->a);
    }
}

/* The answer as one JSON object; forfaits in declaration order. */
static void print_json(const which_answer *w, bool why)
{
    char buf[300];
    cdg_json j;
    cdg_json_init(&j, stdout, CDG_JSON_PRETTY);
    cdg_json_begin_object(&j, CDG_JSON_LINES);
    cdg_json_key_str(&j, "profil", cdg_eval_profil_text(w->p, buf, sizeof buf));
    cli_json_named(&j, "strate", w->k->id, w->k->libelle);
    cdg_json_key_str(&j, "annee", w->premiere ? "premiere" : "suivantes");
    cdg_json_key(&j, "besoins");
    cdg_json_begin_array(&j, CDG_JSON_INLINE);
    for (size_t i = 0; i < w->nneeds; i++)
        cdg_json_str(&j, w->needs[i]->id);
    for (size_t i = 0; i < w->noneeds; i++)
        cdg_json_str(&j, w->oneeds[i]->id);
    cdg_json_end(&j);
    cdg_json_key(&j, "forfaits");
    cdg_json_begin_array(&j, CDG_JSON_LINES);
    for (unsigned fi = 0; fi < w->m->nforfaits; fi++) {
        const cdg_forfait *f = &w->m->forfaits[fi];
        cdg_json_begin_object(&j, CDG_JSON_INLINE);
        cdg_json_key_str(&j, "id", f->id);
        cdg_json_key_str(&j, "libelle", f->libelle);
        cdg_json_key_bool(&j, "inclut_tout", w->fits[fi]);
        cdg_json_key(&j, "manque");
        cdg_json_begin_array(&j, CDG_JSON_INLINE);
        for (size_t i = 0; i < w->nmissing[fi]; i++) {
            cdg_eval_row r = cdg_eval_row_for(f, w->missing[fi][i], w->k);
            cdg_json_begin_object(&j, CDG_JSON_INLINE);
            cdg_json_key_str(&j, "service", r.service->id);
            cdg_json_key_str(&j, "statut", cdg_statut_name(r.statut));
            cdg_json_key(&j, "quantite");
            if (r.quantite >= 0)
                cdg_json_int(&j, r.quantite);
            else
                cdg_json_null(&j);
            cdg_json_end(&j);
        }
        for (size_t i = 0; i < w->nomissing[fi]; i++) {
            cdg_json_begin_object(&j, CDG_JSON_INLINE);
            cdg_json_key_str(&j, "option", w->omissing[fi][i]->id);
            cdg_json_key_str(&j, "statut", cdg_statut_name(cdg_option_cell_of(w->omissing[fi][i], fi)->statut));
            cdg_json_end(&j);
        }
        cdg_json_end(&j);
        cdg_json_key(&j, "rang");
        if (w->rang[fi])
            cdg_json_int(&j, w->rang[fi]);
        else
            cdg_json_null(&j);
        cdg_json_key(&j, "devis");
        if (w->fits[fi] && w->m->forfaits[fi].prix) {
            cdg_json_begin_object(&j, CDG_JSON_INLINE);
            cdg_json_key(&j, "total");
            cdg_money_json(&j, w->prix[fi].devis.total);
            cdg_json_key_bool(&j, "partiel", !fully_priced(&w->prix[fi]));
            cdg_json_end(&j);
        } else
            cdg_json_null(&j);
        if (why && w->nmissing[fi])
            cli_why_json(&j, w->m->src,
                         cdg_pourquoi_service(w->m, w->ast, f, w->missing[fi][0], w->k, w->a), w->a);
        else if (why && !w->fits[fi])
            cli_why_json(&j, w->m->src,
                         cdg_pourquoi_option(w->m, w->ast, f, w->omissing[fi][0], false, w->a), w->a);
        cdg_json_end(&j);
    }
    cdg_json_end(&j);
    cdg_json_end(&j);
}

/* `which`: splits the forfaits into those that include every need and the others. */
int cli_which(int argc, char **argv, cli_env *env)
{
    const char *file = NULL, *profil = NULL, *annee = NULL;
    const char *names[argc > 0 ? argc : 1];
    int nneeds = 0;
    bool json = false, why = false, premiere;
    const cli_option opts[] = {
        {"--json", .flag = &json},
        {"--why", .flag = &why},
        {"--profil", .once = &profil},
        {"--besoin", .list = names, .n = &nneeds},
        {"--annee", .once = &annee},
    };
    int st = cli_parse_options("which", which_help, argc, argv, opts, sizeof opts / sizeof opts[0], &file, 1,
                               NULL);
    if (st != CLI_OK)
        return st < 0 ? CLI_OK : st;
    if (!cli_annee("which", annee, &premiere))
        return CLI_USAGE;
    if (!file)
        return cli_usage_error("which: no rules file given (usage: cdgrules which FILE --profil P --besoin S)");
    if (!profil)
        return cli_usage_error("which: --profil is required (e.g. --profil commune=1200)");
    if (nneeds == 0)
        return cli_usage_error("which: --besoin is required (e.g. --besoin parapheur)");

    int status;
    cdg_unit *u = cli_load_rules(file, env, &status);
    if (!u)
        return status;
    const cdg_model *m = u->model;
    cdg_arena *a = u->arena;
    cdg_profil p;
    /* A need is a service, or else an option (needed inclus). */
    const cdg_service **needs = cdg_arena_calloc(a, (size_t)nneeds, sizeof *needs);
    const cdg_option **oneeds = cdg_arena_calloc(a, (size_t)nneeds, sizeof *oneeds);
    size_t nsvc = 0, nopt = 0;
    bool ok = cli_profil("which", m, profil, &p);
    cdg_besoin *counted = NULL, **tail = &counted;
    for (int i = 0; ok && i < nneeds; i++) {
        const cdg_service *s;
        const cdg_option *o;
        if (strchr(names[i], '=')) {
            /* S=N: priced; a counted service is also needed included */
            cdg_besoin *b = cdg_arena_calloc(a, 1, sizeof *b);
            if (!(ok = cli_parse_need("which", m, names[i], b)))
                break;
            for (const cdg_besoin *c = counted; ok && c; c = c->next)
                if ((b->service && c->service == b->service) || (b->option && c->option == b->option))
                    ok = cli_usage_error("which: '%s' needed twice", b->service ? b->service->id : b->option->id) == CLI_OK;
            *tail = b;
            tail = &b->next;
            if (b->service)
                needs[nsvc++] = b->service;
            continue;
        }
        if ((ok = cli_service_or_option("which", m, names[i], &s, &o))) {
            if (s)
                needs[nsvc++] = s;
            else
                oneeds[nopt++] = o;
            names[i] = s ? s->id : o->id;
        }
    }
    if (!ok) {
        cdg_unit_free(u);
        return CLI_USAGE;
    }
    const cdg_strate *k = cli_strate_of("which", m, &p);
    if (!k) {
        cdg_unit_free(u);
        return CLI_FAIL;
    }

    which_answer w = {.m = m, .ast = u->ast, .p = &p, .k = k, .needs = needs, .nneeds = nsvc,
                      .oneeds = oneeds, .noneeds = nopt, .a = a};
    w.counted = counted;
    w.premiere = premiere;
    which_compute(&w);
    if (!which_rank(&w)) {
        cdg_unit_free(u);
        return CLI_FAIL;
    }
    if (json) {
        print_json(&w, why);
        cdg_unit_free(u);
        return w.nfit ? CLI_OK : CLI_FAIL;
    }

    char buf[300];
    cdg_buf list;
    cdg_buf_init(&list, a);
    for (int i = 0; i < nneeds; i++)
        cdg_buf_printf(&list, "%s%s", i ? ", " : "", names[i]);
    printf(_("%s: stratum %s; needs: %s\n\n"), cdg_eval_profil_text(&p, buf, sizeof buf), k->id,
           cdg_buf_str(&list));

    cdg_table *yes = cdg_table_new(a, cli_forfaits_priced(m) ? 3 : 2), *no = cdg_table_new(a, 3);
    size_t nyes = w.nfit, nno = 0;
    for (size_t i = 0; i < w.nfit; i++) {
        const cdg_forfait *f = &m->forfaits[w.order[i]];
        cdg_table_row(yes);
        cdg_table_cell(yes, f->id);
        cdg_table_cell(yes, f->libelle);
        if (cli_forfaits_priced(m))
            cdg_table_cell(yes, price_cell(&w, w.order[i]));
    }
    for (unsigned fi = 0; fi < m->nforfaits; fi++) {
        const cdg_forfait *f = &m->forfaits[fi];
        const cdg_service **missing = w.missing[fi];
        size_t nmissing = w.nmissing[fi];
        if (w.fits[fi])
            continue;
        cdg_buf miss;
        cdg_buf_init(&miss, a);
        for (size_t j = 0; j < nmissing; j++) {
            cdg_eval_row r = cdg_eval_row_for(f, missing[j], k);
            cdg_buf_printf(&miss, "%s%s (%s%s)", j ? ", " : "", missing[j]->id,
                           _(cdg_statut_words(r.statut)), r.quantite == 0 ? ", 0" : "");
        }
        for (size_t j = 0; j < w.nomissing[fi]; j++)
            cdg_buf_printf(&miss, "%s%s (%s)", miss.len ? ", " : "", w.omissing[fi][j]->id,
                           _(cdg_statut_words(cdg_option_cell_of(w.omissing[fi][j], fi)->statut)));
        cdg_table_row(no);
        cdg_table_cell(no, f->id);
        cdg_table_cell(no, _("missing"));
        cdg_table_cell(no, cdg_buf_str(&miss));
        nno++;
    }
    if (cli_forfaits_priced(m))
        printf(premiere ? _("forfaits that include everything, cheapest first the first year (%zu):\n")
                        : _("forfaits that include everything, cheapest first (%zu):\n"), nyes);
    else
        printf(_("forfaits that include everything (%zu):\n"), nyes);
    if (nyes) {
        cdg_table_set_max_width(yes, cli_terminal_width(stdout));
        cdg_table_print(yes, stdout, "  ", 0);
    } else
        fputs(_("  none\n"), stdout);
    if (nno) {
        printf(_("\nother forfaits (%zu):\n"), nno);
        cdg_table_set_max_width(no, cli_terminal_width(stdout));
        cdg_table_print(no, stdout, "  ", 0);
    }
    if (why)
        print_why_text(&w);
    cdg_unit_free(u);
    return nyes ? CLI_OK : CLI_FAIL;
}
