/* api.h — CDG_API marks what libcdgrules exports. The library is built
 * with -fvisibility=hidden: a function declared without CDG_API stays
 * inside it, whatever its name; the public headers (include/cdgrules.h)
 * mark every function they declare. */
#ifndef CDG_API_H
#define CDG_API_H

#if defined(__GNUC__) || defined(__clang__)
#define CDG_API __attribute__((visibility("default")))
#else
#define CDG_API
#endif

#endif
