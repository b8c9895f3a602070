/* i18n.c — message catalogues (GNU gettext, built into glibc). */
#include "i18n.h"

#include <libintl.h>
#include <limits.h>
#include <locale.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef CDG_LOCALEDIR
#define CDG_LOCALEDIR "/usr/local/share/locale"
#endif

/* Writes into buf (of size n) the "locale" directory beside the running
 * executable and says whether it exists: the catalogues of a binary run
 * from its build directory (build/cdgrules, build/locale), found without
 * any setting. Linux only (/proc/self/exe); false elsewhere. */
static bool locale_dir_beside_exe(char *buf, size_t n)
{
    char exe[PATH_MAX];
    ssize_t len = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (len <= 0)
        return false;
    exe[len] = '\0';
    char *slash = strrchr(exe, '/');
    if (!slash)
        return false;
    *slash = '\0';
    int w = snprintf(buf, n, "%s/locale", exe);
    struct stat st;
    return w > 0 && (size_t)w < n && stat(buf, &st) == 0 && S_ISDIR(st.st_mode);
}

/* The catalogues are looked for in $CDGRULES_LOCALEDIR when set, else
 * beside the executable (an uninstalled build), else in the installation's
 * directory. */
void cdg_i18n_init(void)
{
    setlocale(LC_CTYPE, "");
    setlocale(LC_MESSAGES, "");
    char beside[PATH_MAX + 8];
    const char *dir = getenv("CDGRULES_LOCALEDIR");
    if (!dir || !*dir)
        dir = locale_dir_beside_exe(beside, sizeof beside) ? beside : CDG_LOCALEDIR;
    bindtextdomain(CDG_TEXTDOMAIN, dir);
    bind_textdomain_codeset(CDG_TEXTDOMAIN, "UTF-8");
}

/* The message in the user's language (gettext's dgettext on our domain). */
const char *cdg_gettext(const char *msgid)
{
    return dgettext(CDG_TEXTDOMAIN, msgid);
}

/* The singular or plural form in the user's language. */
const char *cdg_ngettext(const char *singular, const char *plural, unsigned long n)
{
    return dngettext(CDG_TEXTDOMAIN, singular, plural, n);
}
