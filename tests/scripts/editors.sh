#!/bin/sh
# The editor grammars (editors/vim, editors/vscode) list exactly the
# keywords of the lexer's table (src/keywords.h, printed by
# `cdgrules __complete keywords`): none missing, none extra. The TextMate
# regexes are compiled and tried with jq, whose engine (Oniguruma) is the
# one VS Code uses.
# Usage: tests/scripts/editors.sh BUILD/cdgrules
set -eu
bin=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "editors: FAIL: $*"; exit 1; }
vim=$root/editors/vim/syntax/cdgrules.vim
tm=$root/editors/vscode/syntaxes/cdgrules.tmLanguage.json
pkg=$root/editors/vscode/package.json

"$bin" __complete keywords | sort >"$tmp/lexer"
[ "$(wc -l <"$tmp/lexer")" -ge 30 ] || fail "the lexer lists too few keywords"
[ "$(wc -l <"$tmp/lexer")" = "$(grep -o 'X([A-Z_]*, "' "$root/src/keywords.h" | wc -l)" ] ||
    fail "__complete keywords and src/keywords.h disagree"

# Vim: the words after the group name of every "syn keyword" line.
sed -n 's/^syn keyword [A-Za-z]* //p' "$vim" | tr ' ' '\n' | sed '/^$/d' | sort >"$tmp/vim"
# TextMate: the alternatives of the keyword patterns.
jq -r '.repository.keywords.patterns[].match' "$tm" |
    sed 's/^(?<!\[\\w\])(?:\(.*\))(?!\[\\w\])$/\1/' | tr '|' '\n' | sort >"$tmp/tm"
for g in vim tm; do
    if ! cmp -s "$tmp/lexer" "$tmp/$g"; then
        echo "lexer keywords (<) versus the $g grammar (>):"
        diff "$tmp/lexer" "$tmp/$g" || true
        fail "the $g grammar and the lexer disagree"
    fi
done

# Every TextMate regex compiles, and the keyword patterns match whole words only.
jq -r '.. | objects | (.match, .begin, .end) | strings' "$tm" | while IFS= read -r re; do
    jq -n --arg re "$re" '"x" | test($re)' >/dev/null 2>&1 || fail "regex does not compile: $re"
done
m() { jq -r --arg s "$1" '[.repository.keywords.patterns[] | .match as $re | select($s | test($re))] | length' "$tm"; }
[ "$(m 'forfait Metiers')" = 1 ] || fail "'forfait' is not highlighted"
[ "$(m 'forfaits')" = 0 ] || fail "'forfaits' is highlighted as a keyword"
[ "$(m 'baseé')" = 0 ] || fail "'baseé' is highlighted as a keyword"
[ "$(m 'x_inclus')" = 0 ] || fail "'x_inclus' is highlighted as a keyword"
[ "$(m '  parapheur: non_inclus;')" = 1 ] || fail "'non_inclus' is not highlighted"
num=$(jq -r '.repository.number.match' "$tm")
for n in 12 10_000 450.00 250..499 ..249 5000..; do
    [ "$(jq -n --arg s "$n" --arg re "$num" '$s | test("^" + $re + "$")')" = true ] || fail "number '$n' not matched"
done

# The manifests hang together.
jq -e '.contributes.languages[0].extensions == [".cdg"]' "$pkg" >/dev/null || fail "package.json: extension"
[ "$(jq -r '.contributes.grammars[0].scopeName' "$pkg")" = "$(jq -r .scopeName "$tm")" ] || fail "scopeName mismatch"
[ -f "$root/editors/vscode/$(jq -r '.contributes.grammars[0].path' "$pkg")" ] || fail "grammar path"
[ -f "$root/editors/vscode/$(jq -r '.contributes.languages[0].configuration' "$pkg")" ] || fail "configuration path"
jq -e . "$root/editors/vscode/language-configuration.json" >/dev/null || fail "language-configuration.json"
grep -q 'setfiletype cdgrules' "$root/editors/vim/ftdetect/cdgrules.vim" || fail "vim ftdetect"
grep -q 'b:current_syntax = "cdgrules"' "$vim" || fail "vim syntax name"
if command -v vim >/dev/null 2>&1; then
    # Load the syntax on the real offer: any error in the file is fatal.
    vim -u NONE -i NONE -N -es --cmd "set rtp^=$root/editors/vim" \
        -c 'syntax on' -c 'filetype on' -c "edit $root/rules/cdg47.cdg" \
        -c 'if &filetype !=# "cdgrules" || !exists("b:current_syntax") | cquit | endif' -c 'qall!' ||
        fail "vim could not load the syntax"
fi
echo "editors: $(wc -l <"$tmp/lexer") keywords in both grammars"
