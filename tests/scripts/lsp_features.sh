#!/bin/sh
# The language server's features on rules/cdg47.cdg, through pipes: hover
# (service, forfait, stratum, option), go to definition, references,
# rename, document symbols, completion at each kind of place, formatting
# (= cdgrules fmt; refused with syntax errors) and the quick fixes (a
# did-you-mean, a missing ';'). Expected answers come from the offer
# itself (grep, cdgrules fmt), not from the server.
# Usage: tests/scripts/lsp_features.sh BUILD/cdgrules
set -eu
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "lsp_features: FAIL: $*"; exit 1; }
run=${VALGRIND_CMD:-}
. "$root/tests/lsp/lib.sh"
offer=$root/rules/cdg47.cdg
uri=file:///tmp/offre/cdg47.cdg

# The 0-based line of the first line of the offer matching an ERE.
line_of() {
    n=$(grep -nE "$1" "$offer" | head -n 1 | cut -d: -f1)
    [ -n "$n" ] || fail "the offer has no line matching $1"
    echo $((n - 1))
}
heberge_sauvegarde=$(awk '/^forfait Heberge /{f=1} f && /^  sauvegarde:/{print NR - 1; exit}' "$offer")
tplus=$(line_of '^forfait TechnologiePlus ')
tplus_base=$(line_of '^  base: Technologie;')
techno=$(line_of '^forfait Technologie ')
s1=$(line_of '^strate S1 ')
option_pc=$(line_of '^option parapheur_certificat ')
service_sauvegarde=$(line_of '^  service sauvegarde ')
selon=$(line_of '^    selon_strate < S1:')
profil=$(line_of '^  profil: commune ')
option_sauvegarde=$(line_of '^option sauvegarde ')
# The first example: its profile, forfait, and the line of its expectations.
ex_cat=$(awk '/^exemple /{f=1} f && /^  profil:/{print $2; exit}' "$offer")
ex_mes=$(awk '/^exemple /{f=1} f && /^  profil:/{sub(/;$/, "", $3); gsub(/_/, "", $3); print $3; exit}' "$offer")
ex_forfait=$(awk '/^exemple /{f=1} f && /^  forfait:/{sub(/;$/, "", $2); print $2; exit}' "$offer")
ex_line=$(awk '/^exemple /{f=1} f && /^  attendu </{print NR - 1; exit}' "$offer")
ex_col=$(awk -v l=$((ex_line + 1)) 'NR == l {print index($0, " sauvegarde:") + 2}' "$offer")

{
    lsp_init en
    lsp_open "$offer" "$uri"
    lsp_request 1 textDocument/hover "$(lsp_at "$uri" "$heberge_sauvegarde" 3)"
    lsp_request 2 textDocument/hover "$(lsp_at "$uri" "$tplus" 10)"
    lsp_request 3 textDocument/hover "$(lsp_at "$uri" "$s1" 7)"
    lsp_request 4 textDocument/hover "$(lsp_at "$uri" "$option_pc" 10)"
    lsp_request 5 textDocument/hover "$(lsp_at "$uri" 0 0)"
    lsp_request 6 textDocument/hover "$(lsp_at "$uri" "$ex_line" "$ex_col")"
    lsp_request 10 textDocument/definition "$(lsp_at "$uri" "$tplus_base" 10)"
    lsp_request 11 textDocument/definition "$(lsp_at "$uri" "$heberge_sauvegarde" 3)"
    lsp_request 20 textDocument/references \
        "$(lsp_at "$uri" "$heberge_sauvegarde" 3 | sed 's/}$/,"context":{"includeDeclaration":true}}/')"
    lsp_request 21 textDocument/references \
        "$(lsp_at "$uri" "$heberge_sauvegarde" 3 | sed 's/}$/,"context":{"includeDeclaration":false}}/')"
    lsp_request 30 textDocument/rename "$(lsp_at "$uri" "$techno" 9 | sed 's/}$/,"newName":"Techno2"}/')"
    lsp_request 31 textDocument/rename "$(lsp_at "$uri" "$techno" 9 | sed 's/}$/,"newName":"non_inclus"}/')"
    lsp_request 32 textDocument/rename "$(lsp_at "$uri" "$techno" 9 | sed 's/}$/,"newName":"2x"}/')"
    lsp_request 40 textDocument/documentSymbol "{\"textDocument\":{\"uri\":\"$uri\"}}"
    lsp_request 50 textDocument/completion "$(lsp_at "$uri" "$heberge_sauvegarde" 2)"
    lsp_request 51 textDocument/completion "$(lsp_at "$uri" "$tplus_base" 8)"
    lsp_request 52 textDocument/completion "$(lsp_at "$uri" "$selon" 19)"
    lsp_request 53 textDocument/completion "$(lsp_at "$uri" "$profil" 10)"
    lsp_request 54 textDocument/completion "$(lsp_at "$uri" $((option_pc - 1)) 0)"
    lsp_request 55 textDocument/completion "$(lsp_at "$uri" "$heberge_sauvegarde" 14)"
    lsp_request 60 textDocument/formatting "{\"textDocument\":{\"uri\":\"$uri\"},\"options\":{\"tabSize\":2,\"insertSpaces\":true}}"
    lsp_bye
} >"$tmp/f.in"
lsp_session f
[ "$(lsp_rc f)" = 0 ] || { cat "$tmp/f.err"; fail "status $(lsp_rc f)"; }
a() { lsp_answer f "$1"; }

# Hover.
a 1 | jq -e --arg t "$(sed -n 's/^  service sauvegarde "\(.*\)" <$/\1/p' "$offer")" \
    '.result.contents.value | contains($t) and contains("`Heberge`") and contains("S4 5")' >/dev/null ||
    fail "hover on a service: no label, forfait cells or per-stratum quantities: $(a 1)"
a 2 | jq -e '.result.contents.value | contains("`Technologie`") and contains("`parapheur`")' >/dev/null ||
    fail "hover on a forfait: no base or overrides: $(a 2)"
a 3 | jq -e '.result.contents.value | contains("`commune`") and contains("249")' >/dev/null ||
    fail "hover on a stratum: no ranges: $(a 3)"
a 4 | jq -e '.result.contents.value | contains("par_unite") and contains("`certificat`") and contains("`Heberge`")' >/dev/null ||
    fail "hover on an option: no pricing or availability: $(a 4)"
a 5 | jq -e '.result == null' >/dev/null || fail "hover on a comment: not null"
# In an example's expectation: today's answer, as query gives it.
"$bin" query "$offer" --forfait "$ex_forfait" --profil "$ex_cat=$ex_mes" --service sauvegarde --json >"$tmp/q.json"
want="stratum $(jq -r .strate.id "$tmp/q.json"), \`sauvegarde\` included ($(jq -r '.services[0] | "\(.quantite) \(.unite)"' "$tmp/q.json"))"
a 6 | jq -e --arg w "$want" '.result.contents.value | contains($w)' >/dev/null ||
    fail "hover on an expectation: expected '$want': $(a 6 | cut -c1-300)"

# Definition.
a 10 | jq -e --argjson l "$techno" --arg uri "$uri" \
    '.result.uri == $uri and .result.range.start == {"line": $l, "character": 8}' >/dev/null ||
    fail "definition of base: Technologie: $(a 10)"
a 11 | jq -e --argjson l "$service_sauvegarde" '.result.range.start.line == $l' >/dev/null ||
    fail "definition of a forfait's service key: $(a 11)"

# The words of the offer outside strings and comments.
words() { sed -e 's/"[^"]*"//g' -e 's/#.*//' "$offer" | grep -ow "$1" | wc -l; }

# References: every word 'sauvegarde' but the option of the same name.
n=$(words sauvegarde)
a 20 | jq -e --argjson n $((n - 1)) --argjson o "$option_sauvegarde" \
    '(.result | length) == $n and all(.result[]; .range.start.line != $o)' >/dev/null ||
    fail "references of the service sauvegarde: expected $((n - 1)), not the option's line: $(a 20 | cut -c1-300)"
a 21 | jq -e --argjson n $((n - 2)) '(.result | length) == $n' >/dev/null ||
    fail "references without the declaration: expected $((n - 2))"

# Rename: every word 'Technologie', nothing else.
n=$(words Technologie)
a 30 | jq -e --arg uri "$uri" --argjson n "$n" \
    '.result.changes[$uri] | length == $n and all(.[]; .newText == "Techno2")' >/dev/null ||
    fail "rename Technologie: expected $n edits: $(a 30 | cut -c1-300)"
a 31 | jq -e '.error.code == -32602' >/dev/null || fail "rename to a keyword was accepted"
a 32 | jq -e '.error.code == -32602' >/dev/null || fail "rename to '2x' was accepted"

# Outline.
a 40 | jq -e '[.result[].name] as $n | ($n | index("cdg47")) and ($n | index("S1")) and ($n | index("Metiers"))
              and ($n | index("parapheur_certificat"))
              and any(.result[]; .name == "securite" and any(.children[]; .name == "sauvegarde"))' >/dev/null ||
    fail "document symbols: $(a 40 | cut -c1-300)"

# Completion: the names of the right kind at each place.
labels() { a "$1" | jq -c '[.result[].label]'; }
labels 50 | jq -e 'index("sauvegarde") and index("base") and (index("S1") | not) and (index("Metiers") | not)' >/dev/null ||
    fail "completion of a forfait's key: $(labels 50)"
labels 51 | jq -e 'index("Metiers") and (index("sauvegarde") | not)' >/dev/null ||
    fail "completion after base: $(labels 51)"
labels 52 | jq -e 'index("S1") and index("S8") and (index("sauvegarde") | not)' >/dev/null ||
    fail "completion in selon_strate: $(labels 52)"
labels 53 | jq -e 'index("commune") and (index("S1") | not)' >/dev/null || fail "completion after profil: $(labels 53)"
labels 54 | jq -e 'index("forfait") and index("option") and (index("sauvegarde") | not)' >/dev/null ||
    fail "completion at the top level: $(labels 54)"
labels 55 | jq -e 'index("inclus") and index("non_inclus") and index("selon_strate") and (index("S1") | not)' >/dev/null ||
    fail "completion of a cell's status: $(labels 55)"

# Formatting: nothing to change in a canonical offer.
"$bin" fmt --check "$offer" >/dev/null || fail "rules/cdg47.cdg is not canonical"
a 60 | jq -e '.result == []' >/dev/null || fail "formatting a canonical offer: $(a 60 | cut -c1-200)"

# Formatting a messy offer gives cdgrules fmt's text; with a syntax error,
# an error. Quick fixes for a did-you-mean and a missing ';'.
sed "$((heberge_sauvegarde + 1))s/^  sauvegarde: sans_objet;/  sauvegarde:    sans_objet ;/" "$offer" >"$tmp/messy.cdg"
"$bin" fmt "$tmp/messy.cdg" >"$tmp/messy.fmt"
cmp -s "$tmp/messy.cdg" "$tmp/messy.fmt" && fail "the messy offer is canonical"
sed "$((heberge_sauvegarde + 1))s/^  sauvegarde: sans_objet;/  sauvgarde: sans_objet;/" "$offer" >"$tmp/typo.cdg"
sed "$((heberge_sauvegarde + 1))s/^  sauvegarde: sans_objet;/  sauvegarde: sans_objet/" "$offer" >"$tmp/semi.cdg"
{
    lsp_init en
    lsp_open "$tmp/messy.cdg" file:///m.cdg
    lsp_open "$tmp/typo.cdg" file:///t.cdg
    lsp_open "$tmp/semi.cdg" file:///s.cdg
    lsp_request 1 textDocument/formatting '{"textDocument":{"uri":"file:///m.cdg"},"options":{"tabSize":2,"insertSpaces":true}}'
    lsp_request 2 textDocument/formatting '{"textDocument":{"uri":"file:///s.cdg"},"options":{"tabSize":2,"insertSpaces":true}}'
    lsp_request 3 textDocument/codeAction "{\"textDocument\":{\"uri\":\"file:///t.cdg\"},\"range\":{\"start\":{\"line\":$heberge_sauvegarde,\"character\":4},\"end\":{\"line\":$heberge_sauvegarde,\"character\":4}},\"context\":{\"diagnostics\":[]}}"
    lsp_request 4 textDocument/codeAction "{\"textDocument\":{\"uri\":\"file:///s.cdg\"},\"range\":{\"start\":{\"line\":$heberge_sauvegarde,\"character\":0},\"end\":{\"line\":$((heberge_sauvegarde + 1)),\"character\":0}},\"context\":{\"diagnostics\":[]}}"
    lsp_request 5 textDocument/codeAction "{\"textDocument\":{\"uri\":\"file:///m.cdg\"},\"range\":{\"start\":{\"line\":0,\"character\":0},\"end\":{\"line\":0,\"character\":0}},\"context\":{\"diagnostics\":[]}}"
    lsp_bye
} >"$tmp/g.in"
lsp_session g
[ "$(lsp_rc g)" = 0 ] || { cat "$tmp/g.err"; fail "status $(lsp_rc g)"; }
lsp_answer g 1 | jq -j '.result[0].newText' >"$tmp/got.fmt"
cmp -s "$tmp/got.fmt" "$tmp/messy.fmt" || fail "formatting is not cdgrules fmt's text"
lsp_answer g 1 | jq -e '.result | length == 1 and .[0].range.start == {"line": 0, "character": 0}' >/dev/null ||
    fail "formatting: not one edit of the whole text"
lsp_answer g 2 | jq -e '.error.code == -32803 and (.error.message | test("syntax"))' >/dev/null ||
    fail "formatting with a syntax error was not refused: $(lsp_answer g 2)"
lsp_answer g 3 | jq -e --argjson l "$heberge_sauvegarde" \
    '.result | length == 1 and .[0].kind == "quickfix" and
     (.[0].edit.changes["file:///t.cdg"] == [{"range": {"start": {"line": $l, "character": 2},
        "end": {"line": $l, "character": 11}}, "newText": "sauvegarde"}])' >/dev/null ||
    fail "quick fix of a did-you-mean: $(lsp_answer g 3)"
lsp_answer g 4 | jq -e --argjson l "$heberge_sauvegarde" \
    '.result | length == 1 and (.[0].edit.changes["file:///s.cdg"] == [{"range": {"start": {"line": $l, "character": 24},
        "end": {"line": $l, "character": 24}}, "newText": ";"}])' >/dev/null ||
    fail "quick fix of a missing ';': $(lsp_answer g 4)"
lsp_answer g 5 | jq -e '.result == []' >/dev/null || fail "quick fixes where there is no diagnostic: $(lsp_answer g 5)"
echo "lsp_features: ok"
