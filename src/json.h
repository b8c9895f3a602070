/* json.h — writing JSON strings (the only part of JSON output that needs
 * care: escaping). */
#ifndef CDG_JSON_H
#define CDG_JSON_H

#include <stdio.h>

/* Writes s as a JSON string literal, quotes included; NULL writes null. */
void cdg_json_string(FILE *out, const char *s);

#endif
