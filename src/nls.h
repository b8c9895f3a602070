/* nls.h — the marking macros of translatable strings, for the library's
 * and the command line's sources (not installed: they would clash with a
 * program's own). `make po` extracts the marked strings into
 * po/cdgrules.pot. */
#ifndef CDG_NLS_H
#define CDG_NLS_H

#include "i18n.h"

/* Translated now. */
#define _(msgid) cdg_gettext(msgid)
/* Marked for extraction only: translated later, where it is printed. */
#define N_(msgid) msgid

#endif
