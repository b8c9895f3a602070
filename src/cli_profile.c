/* cli_profile.c — what the entitlement commands (strate, query, which,
 * quote, batch) share: loading the rules quietly, and turning --profil,
 * --forfait and --service values into model objects with clear errors. */
#include <stdlib.h>

#include "cli.h"

cdg_unit *cli_load_rules(const char *path, cli_env *env, int *status)
{
    cdg_unit *u = cli_load(path, env, false, status);
    if (!u)
        return NULL;
    if (!cdg_unit_ok(u)) {
        cdg_diag_style style = {.color = env->color};
        cdg_diags_print(stderr, &u->diags, &style);
        fprintf(stderr, _("cdgrules: %s: the rules have errors; fix them first (see 'cdgrules check')\n"),
                path);
        *status = CLI_FAIL;
        cdg_unit_free(u);
        return NULL;
    }
    return u;
}

bool cli_profil(const char *cmd, const cdg_model *m, const char *text, cdg_profil *p)
{
    cdg_eval_error err;
    if (cdg_eval_parse_profil(m, text, p, &err))
        return true;
    cli_usage_error("%s: %s", cmd, err.message);
    return false;
}

const cdg_forfait *cli_forfait(const char *cmd, const cdg_model *m, const char *name)
{
    cdg_eval_error err;
    const cdg_forfait *f = cdg_eval_find_forfait(m, name, &err);
    if (!f)
        cli_usage_error("%s: %s", cmd, err.message);
    return f;
}

const cdg_service *cli_service(const char *cmd, const cdg_model *m, const char *name)
{
    cdg_eval_error err;
    const cdg_service *s = cdg_eval_find_service(m, name, &err);
    if (!s)
        cli_usage_error("%s: %s", cmd, err.message);
    return s;
}

bool cli_service_or_option(const char *cmd, const cdg_model *m, const char *name,
                           const cdg_service **s, const cdg_option **o)
{
    *o = NULL;
    if ((*s = cdg_eval_find_service(m, name, NULL)) != NULL)
        return true;
    if ((*o = cdg_eval_find_option(m, name, NULL)) != NULL)
        return true;
    size_t n = 2 * (m->nservices + m->noptions);
    const char **names = cdg_mem_alloc(NULL, (n + 1) * sizeof *names);
    const char *close = NULL;
    if (names) {
        size_t k = 0;
        for (unsigned i = 0; i < m->nservices; i++) {
            names[k++] = m->services[i].id;
            names[k++] = m->services[i].libelle ? m->services[i].libelle : m->services[i].id;
        }
        for (unsigned i = 0; i < m->noptions; i++) {
            names[k++] = m->options[i].id;
            names[k++] = m->options[i].libelle ? m->options[i].libelle : m->options[i].id;
        }
        close = cdg_suggest(name, names, n);
    }
    if (close)
        cli_usage_error("%s: unknown service or option '%s'; did you mean '%s'?", cmd, name, close);
    else
        cli_usage_error("%s: unknown service or option '%s' ('cdgrules dump FILE' lists them)", cmd,
                        name);
    free(names);
    return false;
}

const cdg_strate *cli_strate_of(const char *cmd, const cdg_model *m, const cdg_profil *p)
{
    cdg_eval_error err;
    const cdg_strate *k = cdg_eval_strate(m, p, &err);
    if (!k)
        fprintf(stderr, _("cdgrules: %s: %s\n"), cmd, err.message);
    return k;
}

void cli_why_json(cdg_json *j, cdg_source *src, const cdg_raison *r, cdg_arena *a)
{
    cdg_json_key(j, "pourquoi");
    cdg_json_begin_array(j, CDG_JSON_INLINE);
    for (; r; r = r->next) {
        unsigned line, col;
        cdg_source_position(src, r->span.begin, &line, &col);
        cdg_json_begin_object(j, CDG_JSON_INLINE);
        cdg_json_key_str(j, "texte", r->message);
        cdg_json_key_str(j, "lieu", cdg_pourquoi_lieu(src, r->span, a));
        cdg_json_key_int(j, "ligne", line);
        cdg_json_key_int(j, "colonne", col);
        cdg_json_end(j);
    }
    cdg_json_end(j);
}

void cli_why_text(FILE *out, cdg_source *src, const cdg_raison *r, const char *indent, cdg_arena *a)
{
    for (; r; r = r->next)
        fprintf(out, "%s%s (%s)\n", indent, r->texte, cdg_pourquoi_lieu(src, r->span, a));
}

void cli_json_named(cdg_json *j, const char *key, const char *id, const char *libelle)
{
    cdg_json_key(j, key);
    cdg_json_begin_object(j, CDG_JSON_INLINE);
    cdg_json_key_str(j, "id", id);
    cdg_json_key_str(j, "libelle", libelle);
    cdg_json_end(j);
}
