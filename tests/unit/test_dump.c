/* test_dump.c — the dumpers: escaping per format, merged option cells,
 * the strata table's columns, amounts, option names, memory failures. */
#include "helpers.h"

#include "dump_impl.h"

/* Dumps u's model in format fmt (tables t) into a malloc'ed string. */
static char *dump_text(const cdg_unit *u, cdg_dump_format fmt, cdg_dump_table t)
{
    char *data = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&data, &len);
    cr_assert(mem);
    cdg_dump_opts o = {.format = fmt, .tables = t};
    cr_assert(cdg_dump(mem, u->model, &o, NULL));
    fclose(mem);
    return data;
}

#define SPECIAL                                                                        \
    MINI_HEAD                                                                          \
    "forfait A \"A | \\\"1\\\", <x> & y\" < sauvegarde: selon_strate; parapheur: inclus; >\n" \
    "forfait B \"B\" < sauvegarde: selon_strate < S1: 4; S2: 9; >; parapheur: inclus; >\n" \
    "option jour \"Jour\" < tarif: journalier; montant: 1234567.05 EUR; defaut: en_option; >\n" \
    "option go \"Go\" < tarif: par_unite sauvegarde; montant: 0.75 EUR; A: inclus; B: en_option; >\n"

Test(dump, csv_quotes_per_rfc4180)
{
    cdg_unit *u = load_text(SPECIAL);
    cr_assert(cdg_unit_ok(u));
    char *s = dump_text(u, CDG_DUMP_CSV, CDG_TABLE_FORFAITS);
    cr_assert(strstr(s, ",,\"A | \"\"1\"\", <x> & y\",B\r\n"), "%s", s);
    free(s);
    cdg_unit_free(u);
}

Test(dump, markdown_escapes_pipes_and_markup)
{
    cdg_unit *u = load_text(SPECIAL);
    char *s = dump_text(u, CDG_DUMP_MD, CDG_TABLE_FORFAITS);
    cr_assert(strstr(s, "| A \\| \"1\", \\<x\\> \\& y |"), "%s", s);
    free(s);
    cdg_unit_free(u);
}

Test(dump, html_escapes_text)
{
    cdg_unit *u = load_text(SPECIAL);
    char *s = dump_text(u, CDG_DUMP_HTML, CDG_TABLE_ALL);
    cr_assert(strstr(s, "<th scope=\"col\">A | &quot;1&quot;, &lt;x&gt; &amp; y</th>"), "%s", s);
    cr_assert_null(strstr(s, "<x>"));
    cr_assert(strstr(s, "<td class=\"en_option fusion\" colspan=\"2\">Tarif journalier</td>"));
    free(s);
    cdg_unit_free(u);
}

Test(dump, merged_option_cells)
{
    cdg_unit *u = load_text(SPECIAL);
    const cdg_model *m = u->model;
    cr_assert(cdg_model_option(m, "jour")->fusionne);
    cr_assert_not(cdg_model_option(m, "go")->fusionne);
    char *s = dump_text(u, CDG_DUMP_TSV, CDG_TABLE_OPTIONS);
    cr_assert(strstr(s, "\nJour\tTarif journalier\t\t1 234 567,05 € par jour\n"), "%s", s);
    cr_assert(strstr(s, "\nGo\tInclus dans le forfait\tCoût par Go supplémentaire\t0,75 € par Go\n"), "%s", s);
    free(s);
    /* CSV repeats a merged cell in every column: spreadsheets filter by column */
    s = dump_text(u, CDG_DUMP_CSV, CDG_TABLE_OPTIONS);
    cr_assert(strstr(s, "\r\nJour,Tarif journalier,Tarif journalier,1 234 567,05 € par jour\r\n") ||
              strstr(s, "\r\nJour,Tarif journalier,Tarif journalier,\"1 234 567,05 € par jour\"\r\n"), "%s", s);
    free(s);
    cdg_unit_free(u);
}

/* The same cell stated in every forfait is printed in every column, as
 * the document prints the anti-spam option; `defaut:` alone is merged;
 * `defaut:` with one forfait stated is not. */
Test(dump, repeated_option_cells_stay_repeated)
{
    cdg_unit *u = load_text(MINI_HEAD
        "forfait A \"A\" < sauvegarde: selon_strate; parapheur: inclus; >\n"
        "forfait B \"B\" < sauvegarde: selon_strate; parapheur: inclus; >\n"
        "option spam \"Spam\" < tarif: sur_etude; A: en_option; B: en_option; >\n"
        "option jour \"Jour\" < tarif: journalier; defaut: en_option; >\n"
        "option mixte \"Mixte\" < tarif: journalier; A: en_option; defaut: en_option; >\n");
    cr_assert(cdg_unit_ok(u));
    const cdg_model *m = u->model;
    cr_assert_not(cdg_model_option(m, "spam")->fusionne);
    cr_assert(cdg_model_option(m, "jour")->fusionne);
    cr_assert_not(cdg_model_option(m, "mixte")->fusionne);
    char *s = dump_text(u, CDG_DUMP_TSV, CDG_TABLE_OPTIONS);
    cr_assert_str_eq(s, "\tA\tB\nSpam\tSur étude\tSur étude\nJour\tTarif journalier\t\n"
                        "Mixte\tTarif journalier\tTarif journalier\n");
    free(s);
    s = dump_text(u, CDG_DUMP_HTML, CDG_TABLE_OPTIONS);
    cr_assert(strstr(s, "<td class=\"en_option fusion\" colspan=\"2\">Tarif journalier</td>"), "%s", s);
    cr_assert(strstr(s, "<th scope=\"row\">Spam</th><td class=\"en_option\">Sur étude</td>"
                        "<td class=\"en_option\">Sur étude</td>"), "%s", s);
    free(s);
    cdg_unit_free(u);
}

Test(dump, forfait_own_strata_table_gets_a_column)
{
    cdg_unit *u = load_text(SPECIAL);
    char *s = dump_text(u, CDG_DUMP_TSV, CDG_TABLE_STRATES);
    cr_assert_str_eq(s, "Strate\tSauvegarde\tSauvegarde (B)\nPetites\t3\t4\nGrandes\t5\t9\n");
    free(s);
    cdg_unit_free(u);
}

Test(dump, json_resolves_quantities_per_stratum)
{
    cdg_unit *u = load_text(SPECIAL);
    char *s = dump_text(u, CDG_DUMP_JSON, CDG_TABLE_ALL);
    cr_assert(strstr(s, "\"qte\": \"strate\", \"quantite\": null, \"par_strate\": {\"S1\": 4, \"S2\": 9}"), "%s", s);
    cr_assert(strstr(s, "\"montant\": {\"centimes\": 75, \"devise\": \"EUR\"}"));
    cr_assert(strstr(s, "{\"categorie\": \"commune\", \"tous\": false, \"min\": 1000, \"max\": null}"));
    free(s);
    cdg_unit_free(u);
}

Test(dump, option_names)
{
    cdg_dump_format f;
    cdg_dump_table t;
    cr_assert(cdg_dump_format_parse("html", &f) && f == CDG_DUMP_HTML);
    cr_assert(cdg_dump_format_parse("HTML", &f) && f == CDG_DUMP_HTML);
    cr_assert(cdg_dump_format_parse("Md", &f) && f == CDG_DUMP_MD);
    cr_assert_not(cdg_dump_format_parse("htm", &f));
    cr_assert_not(cdg_dump_format_parse("", &f));
    cr_assert(cdg_dump_table_parse("strates", &t) && t == CDG_TABLE_STRATES);
    cr_assert_not(cdg_dump_table_parse("strate", &t));
}

/* Every format of the table has a name that parses back to it and a help
 * line; an extension names a format, in any case, and only a whole one. */
#define PRICED                                                                             \
    MINI_HEAD                                                                              \
    "forfait A \"A\" < sauvegarde: selon_strate; parapheur: inclus; "                       \
    "prix: selon_strate < S1: 300.00 EUR; S2: 450.00 EUR; >; "                             \
    "prix_premiere_annee: selon_strate < S1: 300.00 EUR; S2: 450.00 EUR; >; >\n"            \
    "forfait B \"B\" < sauvegarde: selon_strate; parapheur: inclus; "                       \
    "prix: 200.00 EUR; prix_premiere_annee: 250.00 EUR; >\n"                                \
    "forfait C \"C\" < sauvegarde: selon_strate; parapheur: non_inclus; >\n"                \
    "option go \"Go\" < tarif: par_unite sauvegarde; "                                       \
    "montant: selon_strate < S1: 0.50 EUR; S2: 0.4125 EUR; >; defaut: en_option; >\n"

Test(dump, tariff_rows_and_cells)
{
    cdg_unit *u = load_text(PRICED);
    cr_assert(cdg_unit_ok(u));
    char *s = dump_text(u, CDG_DUMP_TSV, CDG_TABLE_TARIFS);
    /* A's first year equals its price: one row; B's differs: two; C is
     * not priced: none; the option's amounts per stratum. */
    cr_assert_str_eq(s, "Prestation\tS1\tS2\n"
                        "A\t300,00 €\t450,00 €\n"
                        "B, première année\t250,00 €\t\n"
                        "B, années suivantes\t200,00 €\t\n"
                        "Go\t0,50 € par Go\t0,4125 € par Go\n");
    free(s);
    s = dump_text(u, CDG_DUMP_TSV, CDG_TABLE_OPTIONS);
    cr_assert(strstr(s, "\t0,50 € (S1), 0,4125 € (S2) par Go\n"), "%s", s);
    free(s);
    s = dump_text(u, CDG_DUMP_HTML, CDG_TABLE_ALL);
    cr_assert(strstr(s, "<td class=\"montant fusion\" colspan=\"2\">200,00 €</td>"), "%s", s);
    free(s);
    cdg_unit_free(u);
}

Test(dump, no_tariff_without_a_priced_forfait)
{
    /* Option amounts alone are table 3's last column, as before prices. */
    cdg_unit *u = load_text(SPECIAL);
    for (cdg_dump_format f = 0; f < cdg_dump_format_count(); f++) {
        if (f == CDG_DUMP_JSON)
            continue;
        char *s = dump_text(u, f, CDG_TABLE_ALL);
        cr_assert_null(strstr(s, "Tarifs"), "%s: %s", cdg_dump_format_name(f), s);
        cr_assert_null(strstr(s, "tarifs"), "%s: %s", cdg_dump_format_name(f), s);
        free(s);
    }
    cdg_unit_free(u);
    cdg_dump_table t;
    cr_assert(cdg_dump_table_parse("tarifs", &t) && t == CDG_TABLE_TARIFS);
    cr_assert(CDG_TABLE_ALL & CDG_TABLE_TARIFS);
}

Test(dump, format_table_and_extensions)
{
    cdg_dump_format f;
    cr_assert_geq(cdg_dump_format_count(), 5);
    for (cdg_dump_format g = 0; g < cdg_dump_format_count(); g++) {
        cr_assert(cdg_dump_format_parse(cdg_dump_format_name(g), &f) && f == g);
        cr_assert(cdg_dump_format_help(g) && *cdg_dump_format_help(g));
    }
    cr_assert_null(cdg_dump_format_name(cdg_dump_format_count()));
    cr_assert_str_eq(cdg_dump_extension("dir.d/offre.2027.HTML"), ".HTML");
    cr_assert_null(cdg_dump_extension("dir.d/offre"));
    cr_assert_null(cdg_dump_extension(".offre"));
    cr_assert(cdg_dump_format_of_extension(".HTML", &f) && f == CDG_DUMP_HTML);
    cr_assert(cdg_dump_format_of_extension(".htm", &f) && f == CDG_DUMP_HTML);
    cr_assert(cdg_dump_format_of_extension(".json", &f) && f == CDG_DUMP_JSON);
    cr_assert(cdg_dump_format_of_extension(".tsv", &f) && f == CDG_DUMP_TSV);
    cr_assert_not(cdg_dump_format_of_extension(".ht", &f));
    cr_assert_not(cdg_dump_format_of_extension(".h", &f));
    cr_assert_not(cdg_dump_format_of_extension(".xlsx", &f));
    cr_assert_not(cdg_dump_format_of_extension(".", &f));
    cr_assert_not(cdg_dump_format_of_extension(".html.htm", &f));
}

/* Every allocation of a dump may fail: cdg_dump then returns false, frees
 * its scratch memory, and a later attempt succeeds. */
Test(dump, memory_failure_is_reported)
{
    cdg_unit *u = load_text(PRICED);
    cdg_dump_opts o = {.format = CDG_DUMP_TSV, .tables = CDG_TABLE_ALL};
    long failures = 0;
    for (long n = 0; n < 1000; n++) {
        cdg_memctl ctl = {.fail_at = n};
        FILE *null = fopen("/dev/null", "w");
        bool ok = cdg_dump(null, u->model, &o, &ctl);
        fclose(null);
        if (ok)
            break;
        failures++;
    }
    cr_assert_gt(failures, 0);
    cr_assert_lt(failures, 1000);
    cdg_unit_free(u);
}
