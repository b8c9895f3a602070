/* i18n.h — the language of the messages people read (GNU gettext, text
 * domain "cdgrules"). Diagnostics, help texts and the headings of the text
 * outputs are translated; machine formats (JSON, CSV, TSV, SARIF, GitHub
 * annotations, exit codes), the language's keywords and the wordings of
 * the published offer never are.
 *
 *   cdg_i18n_init();   // once, at the start of main()
 */
#ifndef CDG_I18N_H
#define CDG_I18N_H

#define CDG_TEXTDOMAIN "cdgrules"

/* Sets LC_MESSAGES and LC_CTYPE (only: numbers never change) from the
 * environment and binds the text domain to $CDGRULES_LOCALEDIR when set,
 * else to the "locale" directory beside the executable when there is one
 * (an uninstalled build: build/cdgrules, build/locale), else to the
 * installation's locale directory. Called once by the CLI's main(). */
void cdg_i18n_init(void);

/* msgid in the user's language (msgid itself when untranslated). */
const char *cdg_gettext(const char *msgid) __attribute__((format_arg(1)));

/* The singular or plural form for n, in the user's language. */
const char *cdg_ngettext(const char *singular, const char *plural, unsigned long n)
    __attribute__((format_arg(1), format_arg(2)));

#endif
