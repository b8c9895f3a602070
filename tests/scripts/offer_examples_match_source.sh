#!/bin/sh
# Every expectation of every `exemple` of rules/cdg47.cdg agrees with the
# source document rules/source/offre-cdg47.tsv, read here without cdgrules:
# - the stratum: `strate: Sk` names row k of table 2, whose label must
#   cover the profile ("Communes de 250 à 499 habitants", "… de moins de 4
#   agents", "… de 60 agents et plus", "Collectivités non affiliées");
# - a service: its cell in table 1 (row found by the label prefix below,
#   column by the forfait's heading): blank = sans_objet, "Non inclus",
#   "En option", "Inclus…" = inclus, "Un compte inclus" / "1 Go …" = 1,
#   "… selon strate" = the number in the service's column of table 2, in
#   every row that covers the profile (they must agree). A positive
#   quantity also matches `inclus`, as in `cdgrules test`.
# cdgrules is used only to list the examples it runs (`test --verbose`), so
# that an example this script fails to read is an error, not a silent skip.
# Then one example's expectation is altered in a copy: the script must fail.
# Usage: tests/scripts/offer_examples_match_source.sh BUILD/cdgrules
set -eu
bin=$1
root=$(dirname "$0")/../..
rules=$root/rules/cdg47.cdg
source_tsv=$root/rules/source/offre-cdg47.tsv
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "offer_examples_match_source: FAIL: $*"; exit 1; }
export LC_ALL=C

# Which row of table 1 each service id names (a prefix of the row's label,
# unique in table 1) and which heading each forfait id names.
cat >"$tmp/ids" <<'EOF'
service	logiciels_metiers	Accès et assistance sur logiciels métiers
service	audit_securite	Audit sécurité
service	gestion_parc	Gestion de parc
service	logiciels_securite	Logiciels de sécurité
service	sauvegarde	Sauvegarde externalisée
service	messagerie	Messagerie professionnelle sécurisée
service	controle_legalite	Contrôle de légalité
service	marches_publics	Dématérialisation des marchés publics
service	flux_comptables	Télétransmission des flux comptables
service	chorus_pro	Chorus Pro
service	parapheur	Parapheur électronique
service	convocation	Convocation électronique
service	certificat	Certificat électronique
service	saisine	Saisine par voie électronique
service	fichiers_lourds	Envoi de fichiers lourds
service	stockage	Plateforme de stockage et partage de fichiers
service	formation_groupe	Deux demi-journées de formation de groupe
service	atelier_pratique	Une journée d'atelier pratique
service	conseil_equipement	Conseil en équipement
service	veille	Veille réglementaire et technologique
service	protection_donnees	Protection des données
forfait	Metiers	Forfait Métiers
forfait	MetiersCommunication	Forfait Métiers et Communication
forfait	Heberge	Forfait Hébergé
forfait	Technologie	Forfait Technologie
forfait	TechnologiePlus	Forfait Technologie Plus
EOF

# Reads the exemple blocks of a rules file (comments removed, tokens
# across lines) and prints one line per expectation:
# LINE <tab> LABEL <tab> PROFILE <tab> FORFAIT <tab> KEY <tab> VALUE,
# and one line "LABEL <tab> LABEL" per example.
read_examples() {
    awk '
    function emit(t, l) { ntok++; tok[ntok] = t; tline[ntok] = l }
    {
        s = $0; i = 1; n = length(s)
        while (i <= n) {
            c = substr(s, i, 1)
            if (c == "#") break
            if (c == " " || c == "\t" || c == "\r") { i++; continue }
            if (c == "\"") {
                j = i + 1
                while (j <= n && substr(s, j, 1) != "\"") j++
                emit(substr(s, i, j - i + 1), NR); i = j + 1; continue
            }
            if (c == "<" || c == ">" || c == ";" || c == ":") { emit(c, NR); i++; continue }
            j = i
            while (j <= n && substr(s, j, 1) !~ /[ \t\r<>;:"#]/) j++
            emit(substr(s, i, j - i), NR); i = j
        }
    }
    END {
        depth = 0
        for (k = 1; k <= ntok; k++) {
            t = tok[k]
            if (depth == 0 && t == "exemple") {
                label = tok[k + 1]; gsub(/"/, "", label)
                if (tok[k + 2] != "<") { print "cannot read the exemple at line " tline[k] > "/dev/stderr"; exit 1 }
                print "LABEL\t" label
                k += 2; depth = 1; profile = ""; forfait = ""; nexp = 0
                continue
            }
            if (t == "<") { depth++; continue }
            if (t == ">") {
                depth--
                if (depth == 0 && label != "") {
                    for (e = 1; e <= nexp; e++)
                        print eline[e] "\t" label "\t" profile "\t" forfait "\t" ekey[e] "\t" eval[e]
                    label = ""
                }
                continue
            }
            if (label == "" || tok[k + 1] != ":") continue
            key = t; k += 2; vals = ""
            while (k <= ntok && tok[k] != ";" && tok[k] != "<" && tok[k] != ">") {
                vals = vals (vals == "" ? "" : " ") tok[k]; k++
            }
            if (tok[k] == "<") k--
            if (depth == 1 && key == "profil") profile = vals
            else if (depth == 1 && key == "forfait") forfait = vals
            else if (depth == 2) { nexp++; eline[nexp] = tline[k - 1]; ekey[nexp] = key; eval[nexp] = vals }
        }
    }' "$1"
}

# Checks the expectations read by read_examples ($2) against the source
# document ($1); prints one line per disagreement and the number of
# expectations checked on the last line.
check_against_source() {
    awk -F '\t' -v ids="$tmp/ids" -v rules="$3" '
    function trim(s) { gsub(/<[^>]*>/, "", s); gsub(/^ +| +$/, "", s); return s }
    function num(s) { gsub(/ /, "", s); return s + 0 }
    # Parses one part of a table 2 label into cat_[r,p], lo_[r,p], hi_[r,p].
    function stratum_part(r, p, s,   a) {
        if (s ~ /^Collectivités non affiliées$/) { cat_[r, p] = "non_affiliee"; lo_[r, p] = 0; hi_[r, p] = 0; return }
        if (s ~ /^Communes /) cat_[r, p] = "commune"
        else if (s ~ /^Etablissements publics et Budgets annexes /) cat_[r, p] = "etablissement"
        else { print "table 2: label part not understood: " s; bad++; return }
        if (match(s, /de moins de [0-9]([0-9 ]*[0-9])?/)) {
            lo_[r, p] = 0; hi_[r, p] = num(substr(s, RSTART + 12, RLENGTH - 12)) - 1
        } else if (match(s, /de [0-9]([0-9 ]*[0-9])? à [0-9]([0-9 ]*[0-9])?/)) {
            a = substr(s, RSTART + 3, RLENGTH - 3); split(a, ab, " à ")
            lo_[r, p] = num(ab[1]); hi_[r, p] = num(ab[2])
        } else if (match(s, /de [0-9]([0-9 ]*[0-9])? [a-z]+ et plus$/)) {
            a = substr(s, RSTART + 3); sub(/ [a-z]+ et plus$/, "", a)
            lo_[r, p] = num(a); hi_[r, p] = -1
        } else { print "table 2: range not understood: " s; bad++ }
    }
    # 1 when row r of table 2 covers the profile (category c, measure m).
    function covers(r, c, m,   p) {
        for (p = 1; p <= nparts[r]; p++)
            if (cat_[r, p] == c && (c == "non_affiliee" || (m >= lo_[r, p] && (hi_[r, p] < 0 || m <= hi_[r, p]))))
                return 1
        return 0
    }
    # The answer the document gives for service row s, forfait column f,
    # profile (c, m): a status, a number, or "" with a message in why.
    function answer(s, f, c, m,   cell, col, r, v, q) {
        cell = trim(t1[s, f]); why = ""
        if (cell == "") return "sans_objet"
        if (cell == "Non inclus") return "non_inclus"
        if (cell == "En option") return "en_option"
        if (cell ~ /^Inclus( |$)/) return "inclus"
        if (cell ~ /^(Un|Une) /) return 1
        if (cell ~ /^[0-9]+ /) return cell + 0
        if (cell ~ /selon strate/) {
            col = 0
            for (k = 2; k <= t2cols; k++) if (index(t2head[k], rowlabel[s]) == 1) col = k
            if (!col) { why = "no column of table 2 for \"" rowlabel[s] "\""; return "" }
            v = ""
            for (r = 1; r <= t2rows; r++) {
                if (!covers(r, c, m)) continue
                q = t2[r, col] + 0
                if (v != "" && q != v) { why = "rows of table 2 covering the profile disagree"; return "" }
                v = q
            }
            if (v == "") why = "no row of table 2 covers the profile"
            return v
        }
        why = "cell text not understood: " cell
        return ""
    }
    BEGIN {
        while ((getline l < ids) > 0) {
            split(l, a, "\t")
            if (a[1] == "service") sprefix[a[2]] = a[3]; else fhead[a[2]] = a[3]
        }
    }
    # Table 1: from its heading line (two tabs, then the forfaits) to the
    # first blank line. Table 2: from "Strate<tab>" to the first blank line.
    FILENAME == ARGV[1] {
        if (state == 0 && $0 ~ /^\t\tForfait /) { state = 1; for (k = 3; k <= NF; k++) t1col[trim($k)] = k; next }
        if (state == 1) {
            if ($0 == "") { state = 2; next }
            row = trim($2) != "" ? trim($2) : trim($1)
            t1rows++; t1label[t1rows] = row
            for (k = 3; k <= 7; k++) t1[t1rows, k] = $k
            next
        }
        if (state == 2 && $1 == "Strate") { state = 3; t2cols = NF; for (k = 2; k <= NF; k++) t2head[k] = $k; next }
        if (state == 3) {
            if ($0 == "") { state = 4; next }
            t2rows++
            nparts[t2rows] = split($1, parts, ", ")
            for (p = 1; p <= nparts[t2rows]; p++) stratum_part(t2rows, p, parts[p])
            for (k = 2; k <= NF; k++) t2[t2rows, k] = $k
            next
        }
        next
    }
    $1 == "LABEL" { next }
    {
        line = $1; label = $2; forfait = $4; key = $5; want = $6
        where = rules ":" line ": exemple \"" label "\": "
        np = split($3, prof, " "); c = prof[1]; m = np > 1 ? prof[2] : 0; gsub(/_/, "", m); m += 0
        checked++
        if (key == "strate") {
            k = want; sub(/^S/, "", k)
            if (k !~ /^[0-9]+$/ || k + 0 < 1 || k + 0 > t2rows) { print where "strate " want " names no row of table 2"; bad++; next }
            if (!covers(k + 0, c, m)) { print where "strate " want ": row " k " of table 2 does not cover " $3; bad++ }
            next
        }
        if (!(forfait in fhead) || !(fhead[forfait] in t1col)) { print where "forfait " forfait " is no column of table 1"; bad++; next }
        if (!(key in sprefix)) { print where "service " key " is not in this script'"'"'s list"; bad++; next }
        s = 0
        for (r = 1; r <= t1rows; r++)
            if (index(t1label[r], sprefix[key]) == 1) { if (s) { print where key ": several rows of table 1"; bad++ }; s = r }
        if (!s) { print where key ": no row of table 1 starts with \"" sprefix[key] "\""; bad++; next }
        rowlabel[s] = sprefix[key]
        got = answer(s, t1col[fhead[forfait]], c, m)
        if (got == "") { print where key ": " why; bad++; next }
        if (want == got || (want == "inclus" && got ~ /^[0-9]+$/ && got + 0 > 0)) next
        print where key " expected " want ", the document says " got " (table 1, \"" t1label[s] "\", " fhead[forfait] ")"
        bad++
    }
    END { print "checked " checked + 0; exit bad > 0 }
    ' "$1" "$2"
}

# Runs both steps on a rules file; exit 1 on any disagreement or on an
# example that cdgrules runs and this script did not read.
check_file() {
    read_examples "$1" >"$tmp/expect" || return 1
    grep '^LABEL	' "$tmp/expect" | cut -f2 >"$tmp/read_labels"
    "$bin" test --verbose "$1" 2>/dev/null | sed -n 's/^\(PASS\|FAIL\)  //p' >"$tmp/run_labels" || true
    [ -s "$tmp/run_labels" ] || { echo "cdgrules runs no example of $1"; return 1; }
    cmp -s "$tmp/read_labels" "$tmp/run_labels" || {
        echo "the examples read here differ from those cdgrules runs:"; diff "$tmp/read_labels" "$tmp/run_labels"; return 1; }
    check_against_source "$source_tsv" "$tmp/expect" "$1"
}

# 1. The repository's examples agree with the document.
check_file "$rules" >"$tmp/out" 2>&1 || fail "$(cat "$tmp/out")"
checked=$(sed -n 's/^checked //p' "$tmp/out")
examples=$(wc -l <"$tmp/read_labels")
# 26 hand-written examples and 27 added for coverage; every one states
# at least its stratum, so there are more expectations than examples.
[ "$examples" -ge 53 ] || fail "only $examples examples read"
[ "$checked" -gt "$examples" ] || fail "only $checked expectations checked"

# 2. One expectation altered (sauvegarde of an S4 profile, 5 -> 6 Go):
#    the script fails at that example's line, and only there.
cp "$rules" "$tmp/wrong.cdg"
sed -i '/^exemple "Etablissement public de 19 agents (dernier de S4) au forfait Métiers/,/^>/s/sauvegarde: 5;/sauvegarde: 6;/' "$tmp/wrong.cdg"
line=$(grep -n 'sauvegarde: 6;' "$tmp/wrong.cdg" | cut -d: -f1)
[ -n "$line" ] || fail "sed did not change the example"
if check_file "$tmp/wrong.cdg" >"$tmp/out" 2>&1; then fail "an altered expectation was not caught"; fi
grep -q "^$tmp/wrong.cdg:$line: exemple \"Etablissement public de 19 agents (dernier de S4) au forfait Métiers, toutes les prestations\": sauvegarde expected 6, the document says 5 " "$tmp/out" ||
    fail "no disagreement reported at line $line: $(cat "$tmp/out")"
[ "$(grep -c ': exemple ' "$tmp/out")" = 1 ] || fail "other disagreements: $(cat "$tmp/out")"

# 3. One stratum altered (commune 500 placed in S2): caught.
cp "$rules" "$tmp/strate.cdg"
sed -i '/^exemple "Commune de 500 habitants (première de S3)/,/^>/s/strate: S3;/strate: S2;/' "$tmp/strate.cdg"
if check_file "$tmp/strate.cdg" >"$tmp/out" 2>&1; then fail "an altered stratum was not caught"; fi
grep -q 'strate S2: row 2 of table 2 does not cover commune 500' "$tmp/out" || fail "stratum: $(cat "$tmp/out")"

echo "offer_examples_match_source: $examples examples, $checked expectations agree with the source document"
