/* libcdgrules-example.c — the cdgrules library in one page: load a rules
 * file, print its diagnostics, place a profile in its stratum, and walk the
 * model (forfaits x services). Build it against the installed library:
 *
 *   cc -o example libcdgrules-example.c $(pkg-config --cflags --libs cdgrules)
 *   ./example rules/cdg47.cdg commune 1200
 *
 * Output: "strate: ID (label)", then one tab-separated line per forfait and
 * service: forfait, service, statut, quantity in that stratum ("-" when the
 * cell counts nothing). Exit status: 0, 1 rule errors, 2 usage or I/O. */
#include <cdgrules.h>

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
    if (argc != 2 && argc != 4) {
        fprintf(stderr, "usage: %s FILE [CATEGORIE MESURE]\n", argv[0]);
        return 2;
    }
    const char *cat = argc == 4 ? argv[2] : "commune";
    int64_t mesure = argc == 4 ? strtoll(argv[3], NULL, 10) : 1200;

    cdg_unit *u = NULL;
    cdg_load_status st = cdg_unit_load(argv[1], NULL, &u);
    if (st != CDG_LOAD_OK) {
        fprintf(stderr, "%s: %s\n", argv[1],
                st == CDG_LOAD_IO && u ? u->io_message : "out of memory");
        cdg_unit_free(u);
        return 2;
    }
    cdg_diag_style style = {.color = false};
    cdg_diags_print(stderr, &u->diags, &style);
    if (!cdg_unit_ok(u)) {
        cdg_unit_free(u);
        return 1;
    }

    const cdg_model *m = u->model;
    cdg_profil p = {.categorie = cdg_model_categorie(m, cat), .mesure = mesure};
    const cdg_strate *k = p.categorie ? cdg_model_strate_for(m, &p) : NULL;
    if (!k) {
        fprintf(stderr, "no stratum for %s=%" PRId64 "\n", cat, mesure);
        cdg_unit_free(u);
        return 1;
    }
    printf("strate: %s (%s)\n", k->id, k->libelle);

    for (unsigned f = 0; f < m->nforfaits; f++)
        for (unsigned s = 0; s < m->nservices; s++) {
            const cdg_forfait *fo = &m->forfaits[f];
            const cdg_service *se = &m->services[s];
            const cdg_cell *c = cdg_model_cell(m, fo, se);
            int64_t q = cdg_cell_quantity(c, k);
            printf("%s\t%s\t%s\t", fo->id, se->id, cdg_statut_name(c->statut));
            if (q < 0)
                puts("-");
            else
                printf("%" PRId64 "\n", q);
        }
    cdg_unit_free(u);
    return 0;
}
