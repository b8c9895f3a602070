#!/bin/sh
# The binary speaks the language of the machine's locale with no setting:
# under LANG=fr_FR.UTF-8 (LANGUAGE, LC_ALL, LC_MESSAGES and
# CDGRULES_LOCALEDIR unset) the uninstalled build/cdgrules finds the
# catalogues beside it (build/locale) and prints French diagnostics; under
# LANG=C.UTF-8, English. An installed binary (make install DESTDIR=…
# PREFIX=/usr) finds the installed catalogues; CDGRULES_LOCALEDIR still
# overrides. Needs the fr_FR.UTF-8 locale (tools/deps.sh generates it when
# root): skipped without it, except in CI (CI=true), where it fails.
# Usage: tests/scripts/i18n_locale.sh BUILD/cdgrules
set -eu
bin=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "i18n_locale: FAIL: $*"; exit 1; }
unset LANGUAGE LC_ALL LC_MESSAGES LC_CTYPE CDGRULES_LOCALEDIR || true

if ! locale -a 2>/dev/null | grep -qix 'fr_FR\.utf-\{0,1\}8'; then
    [ "${CI:-}" = true ] &&
        fail "no fr_FR.UTF-8 locale (tools/deps.sh generates it when root: localedef -i fr_FR -f UTF-8 fr_FR.UTF-8)"
    echo "i18n_locale: skipped: no fr_FR.UTF-8 locale (sudo localedef -i fr_FR -f UTF-8 fr_FR.UTF-8)"
    exit 0
fi
[ -d "$(dirname "$bin")/locale/fr" ] || fail "no catalogues beside $bin (make all builds them with msgfmt)"

# A rules file with one error: an unknown service in a forfait.
cat >"$tmp/bad.cdg" <<'CDG'
offre t "Test" < editeur: "E"; >
categorie commune "Communes" < mesure: habitants; >
strate S1 "Toutes" < commune: 0..; >
service parapheur "Parapheur";
forfait A "A" < parapheurr: inclus; >
CDG

# Runs BIN check on the bad file under LANG=$2 (only); stderr in $tmp/err.
check_under() {
    rc=0
    env LANG="$2" "$1" check "$tmp/bad.cdg" >/dev/null 2>"$tmp/err" || rc=$?
    [ "$rc" = 1 ] || { cat "$tmp/err"; fail "$1 check under LANG=$2: exit $rc, expected 1"; }
}
# The diagnostic of $tmp/err is in French ("erreur", "service inconnu")
# and not in English.
is_french() {
    grep -q ": erreur: service '[a-z_]*' introuvable" "$tmp/err" && ! grep -q ': error: ' "$tmp/err"
}
is_english() {
    grep -q ': error: unknown service' "$tmp/err" && ! grep -q ': erreur: ' "$tmp/err"
}

check_under "$bin" fr_FR.UTF-8
is_french || { cat "$tmp/err"; fail "LANG=fr_FR.UTF-8 $bin: not French"; }
check_under "$bin" C.UTF-8
is_english || { cat "$tmp/err"; fail "LANG=C.UTF-8 $bin: not English"; }
# CDGRULES_LOCALEDIR overrides the catalogues beside the binary.
rc=0
env LANG=fr_FR.UTF-8 CDGRULES_LOCALEDIR="$tmp/none" "$bin" check "$tmp/bad.cdg" >/dev/null 2>"$tmp/err" || rc=$?
is_english || { cat "$tmp/err"; fail "CDGRULES_LOCALEDIR=/nonexistent: the catalogues beside the binary were used"; }

# Installed binaries, away from the build directory. With DESTDIR=…
# PREFIX=/usr the catalogues go to DESTDIR/usr/share/locale and the binary
# looks in /usr/share/locale (compiled in), with no locale directory beside
# it. Installed for real under a temporary PREFIX, it prints French.
# That build is a plain one under make test-asan too: run once, in make test.
if [ -n "${CDG_SANITIZER:-}" ]; then
    echo "i18n_locale: French under LANG=fr_FR.UTF-8, English under C.UTF-8 (installed binaries: in make test)"
    exit 0
fi
cd "$root"
unset MAKEFLAGS MFLAGS MAKELEVEL CFLAGS LDFLAGS || true
make -s -j2 BUILD="$tmp/build" DESTDIR="$tmp/root" PREFIX=/usr install >"$tmp/install.log" 2>&1 ||
    { cat "$tmp/install.log"; fail "make install DESTDIR=… PREFIX=/usr"; }
for l in fr en; do
    [ -f "$tmp/root/usr/share/locale/$l/LC_MESSAGES/cdgrules.mo" ] || fail "not installed: /usr/share/locale/$l"
done
[ ! -e "$tmp/root/usr/bin/locale" ] || fail "a locale directory beside the installed binary"
grep -qa '/usr/share/locale' "$tmp/root/usr/bin/cdgrules" ||
    fail "the binary installed with PREFIX=/usr does not look in /usr/share/locale"
make -s -j2 BUILD="$tmp/build" PREFIX="$tmp/prefix" install >"$tmp/install2.log" 2>&1 ||
    { cat "$tmp/install2.log"; fail "make install PREFIX=$tmp/prefix"; }
cd /
check_under "$tmp/prefix/bin/cdgrules" fr_FR.UTF-8
is_french || { cat "$tmp/err"; fail "installed binary under LANG=fr_FR.UTF-8: not French"; }
check_under "$tmp/prefix/bin/cdgrules" C.UTF-8
is_english || { cat "$tmp/err"; fail "installed binary under LANG=C.UTF-8: not English"; }
echo "i18n_locale: French under LANG=fr_FR.UTF-8, English under C.UTF-8, built and installed"
