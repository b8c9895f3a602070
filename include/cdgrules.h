/* cdgrules.h — the public API of libcdgrules, the cdgrules compiler as a
 * library: load a rules file or buffer (unit.h), read its diagnostics and
 * print them as text, JSON, GitHub annotations or SARIF (diag.h), walk the
 * resolved model and place a profile in its stratum (model.h), compute
 * entitlements (eval.h), regenerate the published tables (dump.h), compare
 * editions (diff.h), lay out a file canonically (fmt.h).
 *
 * Installed as PREFIX/include/cdgrules.h with the module headers under
 * PREFIX/include/cdgrules/; compile with `pkg-config --cflags --libs
 * cdgrules`. The list of #include "cdgrules/…" lines below is the list of
 * public headers: the Makefile installs exactly these, and the shared
 * library exports exactly the functions they declare (CDG_API, api.h;
 * tests/scripts/library_api.sh checks both). Every other header of src/ is
 * internal to the library.
 *
 *   cdg_unit *u = NULL;
 *   if (cdg_unit_load("offre.cdg", NULL, &u) == CDG_LOAD_OK && cdg_unit_ok(u))
 *       ... u->model ...
 *   cdg_unit_free(u);
 */
#ifndef CDGRULES_H
#define CDGRULES_H

#define CDGRULES_VERSION "0.4.0"

#include "cdgrules/api.h"
#include "cdgrules/arena.h"
#include "cdgrules/source.h"
#include "cdgrules/diag.h"
#include "cdgrules/model.h"
#include "cdgrules/unit.h"
#include "cdgrules/eval.h"
#include "cdgrules/prix.h"
#include "cdgrules/devis.h"
#include "cdgrules/dump.h"
#include "cdgrules/diff.h"
#include "cdgrules/fmt.h"

#endif
