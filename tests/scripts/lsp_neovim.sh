#!/bin/sh
# End to end with a real editor: Neovim (headless, no user configuration)
# opens a copy of rules/cdg47.cdg with `cdgrules lsp` attached
# (tests/lsp/nvim_e2e.lua), a typo is typed in forfait Heberge, the
# diagnostic must arrive on that line with check's message; hover and go to
# definition are checked on the fixed name. Without nvim the test is
# skipped with a note, except in CI (CI set), where it fails.
# Usage: tests/scripts/lsp_neovim.sh BUILD/cdgrules
set -eu
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
root=$(cd "$(dirname "$0")/../.." && pwd)
fail() { echo "lsp_neovim: FAIL: $*"; exit 1; }
if ! command -v nvim >/dev/null 2>&1; then
    [ -z "${CI:-}" ] || fail "nvim is not installed (Debian package neovim; tools/deps.sh installs it)"
    echo "lsp_neovim: skipped: nvim is not installed (apt-get install neovim)"
    exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp "$root/rules/cdg47.cdg" "$tmp/cdg47.cdg"
line=$(awk '/^forfait Heberge /{f=1} f && /^  sauvegarde:/{print NR; exit}' "$tmp/cdg47.cdg")
decl=$(grep -n '^  service sauvegarde ' "$tmp/cdg47.cdg" | cut -d: -f1)
label=$(sed -n 's/^  service sauvegarde "\(.*\)" <$/\1/p' "$tmp/cdg47.cdg")
# The message check gives for the same typo, in English.
sed "${line}s/sauvegarde/sauvgarde/" "$tmp/cdg47.cdg" >"$tmp/typo.cdg"
expected=$(cd "$tmp" && LC_ALL=C "$bin" check typo.cdg 2>&1 | sed -n "s/^typo\.cdg:$line:3: error: //p")
[ -n "$expected" ] || fail "check gives no error at line $line for the typo"
rc=0
HOME=$tmp XDG_CONFIG_HOME=$tmp XDG_DATA_HOME=$tmp XDG_STATE_HOME=$tmp LC_ALL=C LANGUAGE=en \
CDG_BIN=$bin CDG_FILE=$tmp/cdg47.cdg CDG_OUT=$tmp/report CDG_LINE=$line \
    timeout 120 nvim --headless --clean -i NONE -n -c "luafile $root/tests/lsp/nvim_e2e.lua" \
    >"$tmp/nvim.log" 2>&1 </dev/null || rc=$?
[ -f "$tmp/report" ] || { cat "$tmp/nvim.log"; fail "nvim wrote no report (status $rc)"; }
if grep -q '^FAIL' "$tmp/report" || ! grep -qx done "$tmp/report"; then
    cat "$tmp/report" "$tmp/nvim.log"; fail "see the report above"
fi
grep -qxF "diagnostic $line 2 $expected" "$tmp/report" ||
    { cat "$tmp/report"; fail "expected the diagnostic 'diagnostic $line 2 $expected'"; }
grep -qx 'cleared 0' "$tmp/report" || { cat "$tmp/report"; fail "the diagnostic stayed after the fix"; }
grep '^hover ' "$tmp/report" | grep -qF "$label" || { cat "$tmp/report"; fail "the hover does not give the label '$label'"; }
grep -qx "definition $decl 10" "$tmp/report" ||
    { cat "$tmp/report"; fail "expected 'definition $decl 10' (the service's declaration)"; }
echo "lsp_neovim: ok"
