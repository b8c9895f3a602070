/* cli_prix.c — what the commands other than `quote` say about prices
 * (query, which, batch): a forfait's price for one year and the quote of
 * stated needs, computed by cdg_devis_make so that every command gives
 * the figures `quote` gives, and the --besoin S=N option they share. */
#include <string.h>

#include "cli.h"

bool cli_parse_need(const char *cmd, const cdg_model *m, const char *text, cdg_besoin *out)
{
    const char *eq = strrchr(text, '=');
    if (!eq)
        return cli_usage_error("%s: --besoin '%s': expected SERVICE=QUANTITE (e.g. sauvegarde=20)", cmd,
                               text), false;
    char name[256];
    size_t len = (size_t)(eq - text);
    if (len == 0 || len >= sizeof name)
        return cli_usage_error("%s: --besoin '%s': expected SERVICE=QUANTITE", cmd, text), false;
    memcpy(name, text, len);
    name[len] = '\0';
    const cdg_service *s;
    const cdg_option *o;
    if (!cli_service_or_option(cmd, m, name, &s, &o))
        return false;
    if (s && !s->unite) {
        const cdg_option *day = cdg_eval_find_option(m, name, NULL);
        if (day && day->tarif == CDG_TARIF_JOURNALIER)
            s = NULL, o = day;
        else if (strcmp(cmd, "quote") == 0)
            return cli_usage_error("quote: --besoin '%s': service '%s' is not counted (it has no unite); "
                                   "use 'cdgrules which' for yes/no needs", text, s->id), false;
        else
            return cli_usage_error("%s: --besoin '%s': service '%s' is not counted (it has no unite); "
                                   "give it without a quantity", cmd, text, s->id), false;
    }
    if (o && o->tarif == CDG_TARIF_SUR_ETUDE)
        return cli_usage_error("%s: --besoin '%s': option '%s' is priced after a study (sur_etude), so it "
                               "cannot be quoted", cmd, text, o->id), false;
    if (o && o->tarif == CDG_TARIF_PAR_UNITE && o->service)
        return cli_usage_error("%s: --besoin '%s': option '%s' sells units of service '%s': give the need "
                               "as %s=N", cmd, text, o->id, o->service->id, o->service->id), false;
    cdg_mesure_status st = cdg_eval_parse_mesure(eq + 1, strlen(eq + 1), &out->n);
    if (st != CDG_MESURE_OK)
        return cli_usage_error("%s: --besoin '%s': the quantity %s", cmd, text, _(cdg_mesure_reason(st))),
               false;
    out->service = s;
    out->option = o;
    out->next = NULL;
    return true;
}

bool cli_prix_annuel(const char *cmd, const cdg_model *m, const cdg_forfait *f, const cdg_strate *k,
                     const cdg_profil *p, const cdg_besoin *besoins, bool premiere, cdg_arena *a,
                     cli_prix_an *out)
{
    cdg_eval_error err = {{0}};
    if (!cdg_devis_make(m, f, k, p, besoins, premiere, a, &out->devis, &err)) {
        fprintf(stderr, "cdgrules: %s: %s\n", cmd, err.message);
        return false;
    }
    const cdg_prix_ligne *l = &out->devis.lignes[0].prix;
    out->chiffre = l->etat == CDG_PRIX_CHIFFRE;
    out->formule = out->chiffre ? cdg_prix_formule(l, cdg_prix_unites_de(l->prix, p), f->arrondi.mode,
                                                   f->arrondi.sur_total, a)
                                : cdg_prix_raison(l, a);
    out->formule_fr = out->chiffre ? cdg_prix_formule_fr(l, cdg_prix_unites_de(l->prix, p), f->arrondi.mode,
                                                         f->arrondi.sur_total, a)
                                   : cdg_prix_raison_fr(l, a);
    return true;
}

bool cli_prix_premiere_differe(const cdg_forfait *f)
{
    return f->prix_premiere && f->prix_premiere != f->prix;
}

void cli_prix_json(cdg_json *j, const char *key, const cli_prix_an *y)
{
    cdg_json_key(j, key);
    cdg_json_begin_object(j, CDG_JSON_INLINE);
    cdg_json_key_bool(j, "chiffre", y->chiffre);
    cdg_json_key(j, "montant");
    if (y->chiffre)
        cdg_money_json(j, y->devis.lignes[0].prix.centimes);
    else
        cdg_json_null(j);
    cdg_json_key_str(j, "formule", y->formule_fr);
    cdg_json_end(j);
}

bool cli_forfaits_priced(const cdg_model *m)
{
    for (unsigned i = 0; i < m->nforfaits; i++)
        if (m->forfaits[i].prix)
            return true;
    return false;
}
