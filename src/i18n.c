/* i18n.c — message catalogues (GNU gettext, built into glibc). */
#include "i18n.h"

#include <libintl.h>
#include <locale.h>
#include <stdlib.h>

#ifndef CDG_LOCALEDIR
#define CDG_LOCALEDIR "/usr/local/share/locale"
#endif

void cdg_i18n_init(void)
{
    setlocale(LC_CTYPE, "");
    setlocale(LC_MESSAGES, "");
    const char *dir = getenv("CDGRULES_LOCALEDIR");
    bindtextdomain(CDG_TEXTDOMAIN, dir && *dir ? dir : CDG_LOCALEDIR);
    bind_textdomain_codeset(CDG_TEXTDOMAIN, "UTF-8");
}

const char *cdg_gettext(const char *msgid)
{
    return dgettext(CDG_TEXTDOMAIN, msgid);
}

const char *cdg_ngettext(const char *singular, const char *plural, unsigned long n)
{
    return dngettext(CDG_TEXTDOMAIN, singular, plural, n);
}
