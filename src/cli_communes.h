/* cli_communes.h — the communes list of `dump --communes FILE`: a CSV with
 * a header, a `nom` column and a measure column, read into names and
 * measures for the simulator page to pick a commune by name. */
#ifndef CDG_CLI_COMMUNES_H
#define CDG_CLI_COMMUNES_H

#include "cli.h"

/* Reads the CSV at path (',' or ';'): the column `nom` and the column col
 * (a non-negative integer on every row) into *out (allocated in a), their
 * count in *n. Returns CLI_OK, or CLI_USAGE after a message naming the
 * file and line. */
int cli_communes_read(const char *path, const char *col, cdg_arena *a, cdg_dump_commune **out,
                      size_t *n);

#endif
