#!/bin/sh
# The message catalogues (README "Languages"): po/cdgrules.pot holds every
# string the sources mark (_(), N_(), the diagnostic and usage-error
# functions), and po/fr.po and po/en.po translate every one of them, with
# nothing fuzzy or untranslated and formats that match their msgids.
# Machine formats do not change with the language: JSON is byte-identical
# under LANGUAGE=fr, LANGUAGE=en and none.
# Usage: tests/scripts/i18n_catalogues.sh BUILD/cdgrules
set -eu
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$root"
fail() { echo "i18n_catalogues: FAIL: $*"; exit 1; }
command -v xgettext >/dev/null 2>&1 || fail "xgettext not installed (Debian package gettext)"

flags=$(make -s -p -f Makefile -n po 2>/dev/null | sed -n 's/^XGETTEXT_FLAGS := //p' | head -1)
[ -n "$flags" ] || fail "no XGETTEXT_FLAGS in the Makefile"
# shellcheck disable=SC2086
xgettext $flags -o "$tmp/fresh.pot" $(ls src/*.c | sort) grammar/parser.y grammar/lexer.l 2>"$tmp/xg.err" ||
    { cat "$tmp/xg.err"; fail "xgettext"; }
strip() { grep -v '^"POT-Creation-Date:' "$1" | grep -v '^#:'; }
strip po/cdgrules.pot >"$tmp/a"; strip "$tmp/fresh.pot" >"$tmp/b"
cmp -s "$tmp/a" "$tmp/b" || { diff -u "$tmp/a" "$tmp/b" | head -30; fail "po/cdgrules.pot is stale: run 'make po'"; }
for l in fr en; do
    msgcmp po/$l.po "$tmp/fresh.pot" 2>"$tmp/cmp.err" || { cat "$tmp/cmp.err"; fail "po/$l.po misses msgids of the sources"; }
    msgfmt --check --statistics -o "$tmp/$l.mo" po/$l.po 2>"$tmp/stat"
    grep -q 'fuzzy\|untranslated' "$tmp/stat" && { cat "$tmp/stat"; fail "po/$l.po is not complete"; }
    n=$(sed -n 's/^\([0-9]*\) translated messages\.$/\1/p' "$tmp/stat")
    [ "${n:-0}" -gt 100 ] || { cat "$tmp/stat"; fail "po/$l.po: $n messages"; }
done
# A translation that is the English msgid in fr.po would pass msgfmt: the
# French catalogue must differ on the diagnostics and usage errors.
[ "$(LC_ALL=C.UTF-8 LANGUAGE=fr CDGRULES_LOCALEDIR="$(dirname "$bin")/locale" "$bin" query 2>&1)" != \
  "$(LC_ALL=C.UTF-8 LANGUAGE=en CDGRULES_LOCALEDIR="$(dirname "$bin")/locale" "$bin" query 2>&1)" ] ||
    fail "LANGUAGE=fr gives the English usage error"

# JSON and CSV are the same bytes whatever the language.
loc=$(dirname "$bin")/locale
bad=tests/golden/i18n/check_error_fr/input.cdg
for args in "check --format json $bad" "check --format sarif $bad" "check --format github $bad" \
            "query rules/cdg47.cdg --forfait Metiers --profil commune=1200 --json --why" \
            "dump rules/cdg47.cdg --format json" "dump rules/cdg47.cdg --format csv" \
            "diff --format json rules/cdg47.cdg tests/golden/i18n/diff_fr/new.cdg" \
            "dump tests/golden/fixtures/tarifs.cdg --format json" \
            "diff --format json tests/golden/fixtures/tarifs.cdg tests/golden/diff/prices_text/new.cdg"; do
    for l in fr en ""; do
        # shellcheck disable=SC2086
        (LC_ALL=C.UTF-8 LANGUAGE=$l CDGRULES_LOCALEDIR=$loc "$bin" $args >"$tmp/out.$l" 2>/dev/null) || true
    done
    [ -s "$tmp/out." ] || fail "$args: no output"
    cmp -s "$tmp/out.fr" "$tmp/out." || fail "$args: output differs under LANGUAGE=fr"
    cmp -s "$tmp/out.en" "$tmp/out." || fail "$args: output differs under LANGUAGE=en"
done
# The French catalogue is really used for those diagnostics (on stderr).
LC_ALL=C.UTF-8 LANGUAGE=fr CDGRULES_LOCALEDIR=$loc "$bin" check $bad 2>&1 | grep -q ': erreur: ' ||
    fail "LANGUAGE=fr check does not print French diagnostics"
exit 0
