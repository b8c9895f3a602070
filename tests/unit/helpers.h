/* helpers.h — shared helpers for the Criterion unit tests. */
#ifndef CDG_TEST_HELPERS_H
#define CDG_TEST_HELPERS_H

#include <criterion/criterion.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "source_read.h"
#include "unit.h"

/* Loads a rules text from memory; the test owns the unit. */
static inline cdg_unit *load_text(const char *text)
{
    cdg_unit *u = NULL;
    cdg_load_status st = cdg_unit_load_buffer("test.cdg", text, strlen(text), NULL, &u);
    cr_assert_eq(st, CDG_LOAD_OK, "load status %d", st);
    return u;
}

/* Whether some diagnostic of severity sev contains text. */
static inline int has_diag(const cdg_unit *u, cdg_severity sev, const char *text)
{
    for (size_t i = 0; i < u->diags.len; i++)
        for (const cdg_diag *g = u->diags.items[i]; g; g = g->note)
            if (g->severity == sev && strstr(g->message, text))
                return 1;
    return 0;
}

/* Number of entries of dir, without . and ..: a write that is all or
 * nothing leaves no temporary file behind. */
static inline int count_entries(const char *dir)
{
    DIR *d = opendir(dir);
    cr_assert_not_null(d);
    int n = 0;
    for (struct dirent *e; (e = readdir(d));)
        n += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
    closedir(d);
    return n;
}

/* A minimal valid offer, for tests to extend: one category, two strata,
 * one counted service, two forfaits. */
#define MINI_HEAD                                                        \
    "offre t \"Test\" < editeur: \"E\"; >\n"                             \
    "categorie commune \"Communes\" < mesure: habitants; >\n"            \
    "strate S1 \"Petites\" < commune: ..999; >\n"                        \
    "strate S2 \"Grandes\" < commune: 1000..; >\n"                       \
    "service sauvegarde \"Sauvegarde\" < unite: \"Go\"; selon_strate < S1: 3; S2: 5; >; >\n" \
    "service parapheur \"Parapheur\";\n"

#endif
