/* test_i18n.c — translated messages (i18n.h): diagnostics keep the text
 * as written for the machine formats and carry the translation for the
 * text output; catalogues are those of the build ($(BUILD)/locale, next
 * to this test binary). */
#include <libgen.h>
#include <limits.h>
#include <unistd.h>

#include "helpers.h"
#include "i18n.h"
#include "language.h"

/* The diagnostic of u whose message (as written) starts with start. */
static const cdg_diag *find_diag(const cdg_unit *u, const char *start)
{
    for (size_t i = 0; i < u->diags.len; i++)
        if (strncmp(u->diags.items[i]->message, start, strlen(start)) == 0)
            return u->diags.items[i];
    cr_assert_fail("no diagnostic starting with %s", start);
    return NULL;
}

Test(i18n, untranslated_text_is_the_message)
{
    unsetenv("LANGUAGE");
    cdg_unit *u = load_text(MINI_HEAD "forfait A \"A\" < sauvgarde: inclus; parapheur: inclus; >\n");
    const cdg_diag *g = find_diag(u, "unknown service");
    cr_assert_str_eq(g->message, "unknown service 'sauvgarde'; did you mean 'sauvegarde'?");
    cr_assert_eq(g->text, g->message);
    cdg_unit_free(u);
}

Test(i18n, checker_error_in_french_keeps_the_message)
{
    test_use_language("fr");
    cdg_unit *u = load_text(MINI_HEAD "forfait A \"A\" < sauvgarde: inclus; parapheur: inclus; >\n");
    const cdg_diag *g = find_diag(u, "unknown service");
    cr_assert_str_eq(g->message, "unknown service 'sauvgarde'; did you mean 'sauvegarde'?");
    cr_assert_str_eq(g->text, "service 'sauvgarde' introuvable ; vouliez-vous dire 'sauvegarde' ?");
    cdg_unit_free(u);
}

Test(i18n, syntax_error_in_french_keeps_the_message)
{
    test_use_language("fr");
    cdg_unit *u = load_text("offre t \"T\" < editeur 12; >\n");
    const cdg_diag *g = find_diag(u, "unexpected number '12'");
    cr_assert(strncmp(g->text, "nombre '12' inattendu", 21) == 0, "%s", g->text);
    cdg_unit_free(u);
}

Test(i18n, words_passed_to_a_message_are_translated_too)
{
    test_use_language("fr");
    cdg_unit *u = load_text(MINI_HEAD "forfait A \"A\" < sauvegarde: inclus; parapheur: inclus; bof: 1; >\n"
                            "rubrique r \"R\" < x: 1; >\n");
    const cdg_diag *g = find_diag(u, "unexpected 'x' in a rubrique (expected 'service' declarations)");
    cr_assert_str_eq(g->text, "'x' inattendu dans une rubrique (attendu : des déclarations 'service')");
    cdg_unit_free(u);
}

Test(i18n, french_catalogue_translates_the_english_msgids)
{
    test_use_language("fr");
    cr_assert_str_eq(cdg_gettext("missing"), "manque");
    cr_assert_str_eq(cdg_gettext("not included"), "non inclus");
    test_use_language("en");
    cr_assert_str_eq(cdg_gettext("missing"), "missing");
    cr_assert_str_eq(cdg_gettext("error"), "error");
}

Test(i18n, french_plural_takes_the_singular_for_zero_and_one)
{
    test_use_language("fr");
    cr_assert_str_eq(cdg_ngettext("%zu error generated.\n", "%zu errors generated.\n", 0), "%zu erreur émise.\n");
    cr_assert_str_eq(cdg_ngettext("%zu error generated.\n", "%zu errors generated.\n", 1), "%zu erreur émise.\n");
    cr_assert_str_eq(cdg_ngettext("%zu error generated.\n", "%zu errors generated.\n", 2), "%zu erreurs émises.\n");
}
