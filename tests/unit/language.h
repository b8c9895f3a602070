/* language.h — runs a test in a given language with the build's message
 * catalogues ($(BUILD)/locale, next to the test binary), for the tests
 * that pin the words people read in French. */
#ifndef CDG_TEST_LANGUAGE_H
#define CDG_TEST_LANGUAGE_H

#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include <criterion/criterion.h>

#include "i18n.h"

/* Switches this (forked) test process to language lang. */
static inline void test_use_language(const char *lang)
{
    char exe[PATH_MAX], dir[PATH_MAX + 16];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    cr_assert(n > 0);
    exe[n] = '\0';
    snprintf(dir, sizeof dir, "%s/locale", dirname(exe));
    cr_assert_eq(access(dir, R_OK), 0, "no catalogues in %s (make all builds them)", dir);
    setenv("CDGRULES_LOCALEDIR", dir, 1);
    setenv("LC_ALL", "C.UTF-8", 1);
    setenv("LANGUAGE", lang, 1);
    cdg_i18n_init();
}

/* A criterion .init: the test runs in French. */
static inline void in_french(void)
{
    test_use_language("fr");
}

#endif
