#!/bin/sh
# One mistake, one error (issue 14): each slip an offer manager makes in
# rules/cdg47.cdg (a ';' or a quote left out, a misspelt name, a keyword in
# two words, a range or an amount written the French way, text pasted from
# Word, a file saved in Latin-1...) is applied to a copy of the offer, and
# `check` must report at most two errors, the first on the line of the
# mistake. A cascade of errors (45 for a missing ';' before this test) or
# an error reported far from the mistake fails. Each mistake must also
# change the file and be reported: a slip the test forgets to make, or one
# `check` accepts, fails too.
# Usage: tests/scripts/one_mistake_one_error.sh BUILD/cdgrules
set -u
bin=$1
root=$(dirname "$0")/../..
rules=$root/rules/cdg47.cdg
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export LANGUAGE=en LC_ALL=C.UTF-8
fail=0

# Line of the first line of the offer matching the fixed string $1.
line_of() {
    grep -n -F -m1 -- "$1" "$rules" | cut -d: -f1
}

# mistake NAME LINE SED_EXPRESSION: applies the sed expression to line
# LINE of a copy of the offer and checks what `check` says.
mistake() {
    name=$1 line=$2 expr=$3
    sed "${line}${expr}" "$rules" >"$tmp/$name.cdg"
    judge "$name" "$line"
}

# judge NAME LINE: at most two errors, the first on LINE.
judge() {
    name=$1 line=$2
    if cmp -s "$rules" "$tmp/$name.cdg"; then
        echo "one_mistake_one_error: FAIL $name: the mistake changed nothing"; fail=1; return
    fi
    "$bin" check "$tmp/$name.cdg" >/dev/null 2>"$tmp/$name.err"
    n=$(grep -c ': error: ' "$tmp/$name.err")
    first=$(grep -m1 ': error: ' "$tmp/$name.err" | sed 's/^[^:]*:\([0-9]*\):.*/\1/')
    if [ "$n" -eq 0 ]; then
        echo "one_mistake_one_error: FAIL $name: no error"; fail=1
    elif [ "$n" -gt 2 ]; then
        echo "one_mistake_one_error: FAIL $name: $n errors (at most 2)"; head -3 "$tmp/$name.err"; fail=1
    elif [ "$first" != "$line" ]; then
        echo "one_mistake_one_error: FAIL $name: first error on line $first, mistake on line $line"
        head -3 "$tmp/$name.err"; fail=1
    fi
}

[ -f "$rules" ] || { echo "one_mistake_one_error: FAIL: no $rules"; exit 1; }
"$bin" check "$rules" || { echo "one_mistake_one_error: FAIL: the offer itself does not check"; exit 1; }

decl=$(line_of 'service parapheur "Parapheur électronique";')
mistake missing_semicolon "$decl" 's/;$//'
mistake unclosed_quote "$decl" 's/";$/;/'
mistake no_opening_quote "$decl" 's/ "Parapheur/ Parapheur/'
cell=$(line_of '  sauvegarde: selon_strate "De 3Go')
mistake misspelt_service "$cell" 's/sauvegarde:/sauvgarde:/'
cell=$(line_of '  parapheur: non_inclus;')
mistake en_option_in_two_words "$cell" 's/non_inclus/en option/'
mistake non_inclus_capitalised "$cell" 's/non_inclus/Non inclus/'
mistake non_inclus_as_string "$cell" 's/non_inclus/"Non inclus"/'
mistake status_capitalised "$cell" 's/non_inclus/Non_inclus/'
cell=$(line_of '  messagerie: 1 "Un compte inclus";')
mistake decimal_comma "$cell" 's/1 "Un/1,5 "Un/'
range=$(line_of 'commune: 1_000..1_999;')
mistake range_with_dash "$range" 's/1_000..1_999/1000-1999/'
mistake range_with_blanks "$range" 's/1_000..1_999/1 000..1 999/'
table=$(line_of 'selon_strate < S1: 1; S2: 1; S3: 2;')
mistake stratum_lower_case "$table" 's/S8: 10/s8: 10/'
mistake stratum_unknown "$table" 's/S8: 10/S9: 10/'
mistake semicolon_in_table "$table" 's/S7: 10;/S7: 10/'
# A '>' left out: the error is at the end of the file, its note at the '<'
# left open (the line to fix).
open=$(line_of 'strate S1 "Communes de moins de 250 habitants')
sed "$((open + 3))d" "$rules" >"$tmp/block_not_closed.cdg"
"$bin" check "$tmp/block_not_closed.cdg" >/dev/null 2>"$tmp/block.err"
if [ "$(grep -c ': error: ' "$tmp/block.err")" != 1 ] ||
   ! grep -q ":$open:[0-9]*: note: " "$tmp/block.err"; then
    echo "one_mistake_one_error: FAIL block_not_closed: not one error with a note at line $open"; fail=1
fi
quoted=$(line_of 'service gestion_parc "Gestion de parc";')
mistake typographic_quotes "$quoted" 's/"Gestion de parc"/“Gestion de parc”/'
mistake guillemets "$quoted" 's/"Gestion de parc"/« Gestion de parc »/'
# A no-break space pasted from a word processor where a blank goes.
mistake no_break_space "$cell" "s/messagerie: 1/messagerie:$(printf '\302\240')1/"

# A file saved in Windows-1252 (Latin-1): one error, at the first accented letter.
iconv -f UTF-8 -t WINDOWS-1252//TRANSLIT "$rules" >"$tmp/latin1.cdg"
judge latin1 "$(grep -n -m1 '[éèàç½]' "$rules" | cut -d: -f1)"

# A byte order mark is accepted: no error at all.
printf '\357\273\277' | cat - "$rules" >"$tmp/bom.cdg"
"$bin" check "$tmp/bom.cdg" || { echo "one_mistake_one_error: FAIL bom: not accepted"; fail=1; }

[ "$fail" = 0 ] && echo "one_mistake_one_error: ok"
exit "$fail"
