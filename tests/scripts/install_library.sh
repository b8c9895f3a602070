#!/bin/sh
# `make install` into a temporary DESTDIR, then, against the installed files
# only: the headers are self-contained, pkg-config finds the library, the
# example program (examples/libcdgrules-example.c) builds statically and
# dynamically and gives the right answers on rules/cdg47.cdg, the installed
# binary and man pages work; finally `make uninstall` removes every file.
# Only the public headers are installed; a program calling every public
# module builds against them alone, statically and dynamically.
# Usage: tests/scripts/install_library.sh BUILD/cdgrules
# The build is a fresh one in the temporary directory, with the default
# flags, so that this test is independent of sanitizer or coverage builds.
set -eu
bin=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$root"
# Its build is the same under make test-asan: run once, in make test.
[ -z "${CDG_SANITIZER:-}" ] || { echo "install_library: skipped under sanitizers (its own build is a plain one)"; exit 0; }
unset MAKEFLAGS MFLAGS MAKELEVEL CFLAGS LDFLAGS || true
dest=$tmp/root
fail() { echo "install_library: FAIL: $*"; exit 1; }

# DWARF 4: Debian 12's valgrind (below) gives up on the DWARF 5 that
# clang 14 writes ("I can't recover"), and CI builds with clang too. The
# install rebuilds i18n.o (its locale directory moves to PREFIX): same flags.
make -s -j"$(nproc 2>/dev/null || echo 2)" BUILD="$tmp/build" CFLAGS="-O2 -g -gdwarf-4 -Werror" all \
    >"$tmp/build.log" 2>&1 ||
    { cat "$tmp/build.log"; fail "build"; }
make -s BUILD="$tmp/build" CFLAGS="-O2 -g -gdwarf-4 -Werror" DESTDIR="$dest" PREFIX=/usr install \
    >"$tmp/install.log" 2>&1 ||
    { cat "$tmp/install.log"; fail "make install"; }

for f in bin/cdgrules lib/libcdgrules.a lib/libcdgrules.so lib/libcdgrules.so.0.4 \
         lib/pkgconfig/cdgrules.pc include/cdgrules.h share/man/man1/cdgrules.1 \
         share/man/man5/cdgrules.5 share/bash-completion/completions/cdgrules \
         share/vim/vimfiles/syntax/cdgrules.vim share/vim/vimfiles/ftdetect/cdgrules.vim \
         share/locale/fr/LC_MESSAGES/cdgrules.mo share/locale/en/LC_MESSAGES/cdgrules.mo; do
    [ -e "$dest/usr/$f" ] || fail "not installed: /usr/$f"
done
[ -x "$dest/usr/bin/cdgrules" ] || fail "binary not executable"
readelf -d "$dest/usr/lib/libcdgrules.so" | grep -q 'SONAME.*\[libcdgrules\.so\.0\.4\]' ||
    fail "shared library without soname libcdgrules.so.0.4"
"$dest/usr/bin/cdgrules" check rules/cdg47.cdg || fail "installed binary: check rules/cdg47.cdg"

# Every public header compiles on its own, and includes only installed headers.
inc=$dest/usr/include
cc=${CC:-cc}
for h in "$inc"/cdgrules.h "$inc"/cdgrules/*.h; do
    for dep in $(sed -n 's/^#include "\(.*\)"/\1/p' "$h"); do
        [ -f "$(dirname "$h")/$dep" ] || fail "$(basename "$h") includes $dep, which is not installed"
    done
    rel=${h#"$inc"/}
    printf '#include <%s>\nint main(void) { return 0; }\n' "$rel" >"$tmp/hdr.c"
    $cc -std=c17 -Wall -Wextra -Wpedantic -Werror -I"$inc" -c -o "$tmp/hdr.o" "$tmp/hdr.c" ||
        fail "header $rel does not compile on its own"
done
grep -q '^#include "cdgrules/' "$inc/cdgrules.h" || fail "umbrella header includes no module header"
# Exactly the public headers are installed: no syntax tree, CSV, text diff…
want=$(sed -n 's|^#include "cdgrules/\(.*\)"|\1|p' include/cdgrules.h | sort | tr '\n' ' ')
got=$(cd "$inc/cdgrules" && ls | sort | tr '\n' ' ')
[ "$got" = "$want" ] || fail "installed headers: $got; public headers: $want"
for h in ast.h csv.h textdiff.h alloc.h parse.h; do
    [ ! -e "$inc/cdgrules/$h" ] || fail "internal header $h installed"
done
# The installed shared library exports only cdg_ names.
bad=$(nm -D --defined-only "$dest/usr/lib/libcdgrules.so" | awk 'NF >= 3 && $3 !~ /^cdg_/ { print $3 }' | tr '\n' ' ')
[ -z "$bad" ] || fail "installed library exports: $bad"

# pkg-config, pointed at the installed tree only.
export PKG_CONFIG_LIBDIR="$dest/usr/lib/pkgconfig" PKG_CONFIG_SYSROOT_DIR="$dest"
[ "$(pkg-config --modversion cdgrules)" = "$(sed -n 's/^#define CDGRULES_VERSION "\(.*\)"/\1/p' include/cdgrules.h)" ] ||
    fail "pkg-config version differs from CDGRULES_VERSION"
cflags=$(pkg-config --cflags cdgrules)
case "$cflags" in *"$dest/usr/include"*) ;; *) fail "pkg-config --cflags: $cflags" ;; esac
ex=examples/libcdgrules-example.c
# shellcheck disable=SC2046
$cc -std=c17 -Wall -Wextra -Wpedantic -Werror $cflags -o "$tmp/ex-dyn" $ex $(pkg-config --libs cdgrules) ||
    fail "example: dynamic link"
$cc -std=c17 -Wall -Wextra -Wpedantic -Werror $cflags -o "$tmp/ex-static" $ex \
    $(pkg-config --libs-only-L cdgrules) -Wl,-Bstatic $(pkg-config --libs-only-l cdgrules) -Wl,-Bdynamic ||
    fail "example: static link"
readelf -d "$tmp/ex-dyn" | grep -q 'NEEDED.*libcdgrules\.so\.0\.4' || fail "dynamic example does not need libcdgrules.so.0.4"
! readelf -d "$tmp/ex-static" | grep -q 'NEEDED.*libcdgrules' || fail "static example needs the shared library"

# A program calling every public module (load, diagnostics, model, eval,
# dump, diff, fmt), built with -I of the installed headers only (no src/),
# linked both ways; it gives the same output both ways.
cat >"$tmp/every.c" <<'EOF'
#include <cdgrules.h>
#include <stdio.h>
#include <string.h>

int main(void)
{
    static const char text[] = "offre o \"O\" < editeur: \"E\"; >\n"
        "categorie commune \"Communes\" < mesure: habitants; >\n"
        "strate S1 \"S1\" < commune: 0..; >\n"
        "service s \"S\" < unite: \"u\"; >\n"
        "forfait F \"F\" < s: 2; >\n";
    cdg_unit *u = NULL;
    if (cdg_unit_load_buffer("every.cdg", text, strlen(text), NULL, &u) != CDG_LOAD_OK || !cdg_unit_ok(u)) {
        if (u)
            cdg_diags_print(stderr, &u->diags, &(cdg_diag_style){.color = false});
        return 1;
    }
    cdg_profil p;
    cdg_eval_error err;
    if (!cdg_eval_parse_profil(u->model, "commune=10", &p, &err))
        return 1;
    const cdg_strate *k = cdg_eval_strate(u->model, &p, &err);
    const cdg_forfait *f = cdg_model_forfait(u->model, "F");
    const cdg_service *s = cdg_model_service(u->model, "s");
    if (!k || !f || !s)
        return 1;
    cdg_eval_row r = cdg_eval_row_for(f, s, k);
    printf("%s %s %lld\n", k->id, cdg_statut_name(r.statut), (long long)r.quantite);
    cdg_dump_opts o = {.format = CDG_DUMP_TSV, .tables = CDG_TABLE_FORFAITS};
    if (!cdg_dump(stdout, u->model, &o, NULL))
        return 1;
    cdg_arena *a = cdg_arena_new(NULL);
    size_t n = 0, len = 0;
    if (cdg_diff(a, u->model, u->model, &n) || n)
        return 1;
    fputs(cdg_fmt(a, u->ast, &len), stdout);
    cdg_arena_free(a);
    cdg_unit_free(u);
    return 0;
}
EOF
$cc -std=c17 -Wall -Wextra -Wpedantic -Werror -I"$inc" -o "$tmp/every-dyn" "$tmp/every.c" \
    -L"$dest/usr/lib" -lcdgrules || fail "program against the installed headers: dynamic link"
$cc -std=c17 -Wall -Wextra -Wpedantic -Werror -I"$inc" -o "$tmp/every-static" "$tmp/every.c" \
    "$dest/usr/lib/libcdgrules.a" || fail "program against the installed headers: static link"
LD_LIBRARY_PATH="$dest/usr/lib" "$tmp/every-dyn" >"$tmp/every-dyn.out" || fail "program (dynamic) failed"
"$tmp/every-static" >"$tmp/every-static.out" || fail "program (static) failed"
cmp -s "$tmp/every-dyn.out" "$tmp/every-static.out" || fail "program: static and dynamic disagree"
[ "$(head -1 "$tmp/every-dyn.out")" = "S1 inclus 2" ] || fail "program: $(head -1 "$tmp/every-dyn.out")"
grep -q '^forfait F "F" <' "$tmp/every-dyn.out" || fail "program: no formatted text"

LD_LIBRARY_PATH="$dest/usr/lib" "$tmp/ex-dyn" rules/cdg47.cdg >"$tmp/dyn.out" || fail "dynamic example failed"
"$tmp/ex-static" rules/cdg47.cdg >"$tmp/static.out" || fail "static example failed"
cmp -s "$tmp/dyn.out" "$tmp/static.out" || fail "static and dynamic examples disagree"
[ "$(head -1 "$tmp/dyn.out" | cut -d' ' -f1-2)" = "strate: S4" ] || fail "commune=1200 is not in S4: $(head -1 "$tmp/dyn.out")"
"$tmp/ex-static" rules/cdg47.cdg etablissement 8 | head -1 | grep -q '^strate: S3 ' || fail "etablissement=8 is not in S3"
# One line per forfait and service: the counts of `check --summary`.
sum=$("$bin" check --summary rules/cdg47.cdg)
nserv=$(echo "$sum" | sed -n 's/.* \([0-9]*\) services.*/\1/p')
nforf=$(echo "$sum" | sed -n 's/.* \([0-9]*\) forfaits.*/\1/p')
[ "$(($(wc -l <"$tmp/dyn.out") - 1))" = "$((nserv * nforf))" ] || fail "matrix is not $nforf x $nserv"
grep -q '^Metiers	logiciels_securite	inclus	2$' "$tmp/dyn.out" || fail "Metiers/logiciels_securite in S4 is not 2"
if command -v valgrind >/dev/null 2>&1; then
    LD_LIBRARY_PATH="$dest/usr/lib" valgrind -q --leak-check=full --error-exitcode=99 \
        "$tmp/ex-dyn" rules/cdg47.cdg >/dev/null || fail "example under valgrind"
fi
# Diagnostics come through the library, located.
printf 'offre x "X" <\n  editeur: "E";\n>\nforfait A "A" < inconnu: inclus; >\n' >"$tmp/bad.cdg"
set +e
"$tmp/ex-static" "$tmp/bad.cdg" >/dev/null 2>"$tmp/bad.err"; rc=$?
set -e
[ $rc = 1 ] || fail "example on a bad file: exit $rc, expected 1"
grep -q "bad.cdg:4:[0-9]*: error: " "$tmp/bad.err" || fail "example: no located diagnostic: $(cat "$tmp/bad.err")"

# The installed catalogues speak French, and the binary looks for them
# under PREFIX (README "Languages").
msg=$(LC_ALL=C.UTF-8 LANGUAGE=fr CDGRULES_LOCALEDIR="$dest/usr/share/locale" "$dest/usr/bin/cdgrules" query 2>&1 >/dev/null || true)
case "$msg" in *"aucun fichier de règles"*) ;; *) fail "installed French catalogue not used: $msg" ;; esac
grep -aq '/usr/share/locale' "$dest/usr/bin/cdgrules" || fail "the binary does not look for catalogues in PREFIX/share/locale"

# uninstall leaves no file behind.
make -s BUILD="$tmp/build" DESTDIR="$dest" PREFIX=/usr uninstall >"$tmp/uninstall.log" 2>&1 ||
    { cat "$tmp/uninstall.log"; fail "make uninstall"; }
left=$(find "$dest" ! -type d)
[ -z "$left" ] || fail "left after uninstall: $left"
echo "install_library: ok"
