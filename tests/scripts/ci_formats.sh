#!/bin/sh
# `check --format sarif` and `--format github` on every rules file of the
# golden cases (and the real offer): the SARIF log passes the structural
# check of the 2.1.0 schema (sarif_check.jq), and both formats carry
# exactly the diagnostics of `--format json` (same positions, messages,
# severities; notes as related locations / notice annotations). End
# columns are not compared: JSON gives an empty region for an empty span,
# SARIF and GitHub one character (the validator checks they are past the
# start).
# Usage: tests/scripts/ci_formats.sh BUILD/cdgrules
set -eu
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "ci_formats: FAIL: $*"; exit 1; }
n=0
# A file whose text is another's gives the same diagnostics: checked once
# (178 distinct texts among 275 files).
: >"$tmp/seen"
for f in "$root"/rules/cdg47.cdg "$root"/tests/golden/*/*/*.cdg; do
    [ -f "$f" ] || continue
    sum=$(cksum <"$f")
    grep -qxF "$sum" "$tmp/seen" && continue
    echo "$sum" >>"$tmp/seen"
    dir=$(dirname "$f") name=$(basename "$f")
    (cd "$dir" && "$bin" check --format json "$name" >"$tmp/json" 2>/dev/null) || true
    (cd "$dir" && "$bin" check --format sarif "$name" >"$tmp/sarif" 2>"$tmp/sarif.err"; echo $? >"$tmp/sarif.code") || true
    (cd "$dir" && "$bin" check --format github "$name" >"$tmp/github" 2>/dev/null) || true
    code=$(cat "$tmp/sarif.code")
    [ "$code" = 0 ] || [ "$code" = 1 ] || fail "$f: sarif exit $code"
    [ ! -s "$tmp/sarif.err" ] || fail "$f: sarif wrote on stderr"
    problems=$(jq -r -f "$here/sarif_check.jq" "$tmp/sarif") || fail "$f: SARIF is not JSON"
    [ -z "$problems" ] || fail "$f: invalid SARIF: $problems"
    # The same diagnostics as the JSON format, in the same order.
    jq -r '.[] | "\(.severity)|\(.line)|\(.column)|\(.message)"' "$tmp/json" >"$tmp/a"
    jq -r '.runs[0].results[] | ("\(.level)|\(.locations[0].physicalLocation.region | "\(.startLine)|\(.startColumn)")|\(.message.text)",
           ((.relatedLocations // [])[] | "note|\(.physicalLocation.region | "\(.startLine)|\(.startColumn)")|\(.message.text)"))' \
        "$tmp/sarif" >"$tmp/b"
    cmp -s "$tmp/a" "$tmp/b" || { diff "$tmp/a" "$tmp/b" | head; fail "$f: SARIF differs from JSON"; }
    # GitHub annotations: one per diagnostic, well-formed, same positions.
    grep -v '^::\(error\|warning\|notice\) file=[^,:]*,line=[0-9]*,col=[0-9]*,end\(Column\|Line\)=[0-9]*::.' "$tmp/github" &&
        fail "$f: malformed annotation above"
    sed 's/^::\([a-z]*\) file=[^,]*,line=\([0-9]*\),col=\([0-9]*\),end[CL][a-z]*=[0-9]*::\(.*\)/\1|\2|\3|\4/; s/^notice|/note|/' \
        "$tmp/github" | sed 's/%0A/\n/g; s/%0D/\r/g; s/%25/%/g' >"$tmp/c"
    cmp -s "$tmp/a" "$tmp/c" || { diff "$tmp/a" "$tmp/c" | head; fail "$f: GitHub annotations differ from JSON"; }
    n=$((n + 1))
done
[ $n -gt 20 ] || fail "only $n rules files found"

# A file name that needs escaping in both formats.
mkdir "$tmp/d"
printf 'offre x "X" < editeur: "E"; >\nforfait A "A" < inconnu: inclus; >\n' >"$tmp/d/mon offre,v2:100%.cdg"
(cd "$tmp/d" && "$bin" check --format github "mon offre,v2:100%.cdg" >"$tmp/gh") && fail "github: exit 0 on errors"
grep -q '^::error file=mon offre%2Cv2%3A100%25\.cdg,line=2,' "$tmp/gh" || fail "github: file name not escaped: $(cat "$tmp/gh")"
(cd "$tmp/d" && "$bin" check --format sarif "mon offre,v2:100%.cdg" >"$tmp/s") && fail "sarif: exit 0 on errors"
[ "$(jq -r '.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri' "$tmp/s")" = "mon%20offre%2Cv2%3A100%25.cdg" ] ||
    fail "sarif: uri not percent-encoded"
"$bin" check --format sarif "$tmp/d/mon offre,v2:100%.cdg" >"$tmp/s" || true
jq -r '.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri' "$tmp/s" | grep -q '^file:///' ||
    fail "sarif: absolute path is not a file:// URI"
[ -z "$(jq -r -f "$here/sarif_check.jq" "$tmp/s")" ] || fail "sarif: absolute path log invalid"

# Several files in one log; an unreadable one makes the run unsuccessful (exit 2).
set +e
(cd "$root" && "$bin" check --format sarif rules/cdg47.cdg "$tmp/d/mon offre,v2:100%.cdg" "$tmp/absent.cdg" >"$tmp/s" 2>"$tmp/err")
code=$?
set -e
[ $code = 2 ] || fail "sarif with an unreadable file: exit $code"
[ "$(jq '.runs[0].invocations[0].executionSuccessful' "$tmp/s")" = false ] || fail "executionSuccessful is not false"
[ "$(jq '.runs[0].results | length' "$tmp/s")" -ge 1 ] || fail "results of the readable files are missing"
[ -z "$(jq -r -f "$here/sarif_check.jq" "$tmp/s")" ] || fail "sarif with an unreadable file: invalid log"
grep -q 'absent.cdg' "$tmp/err" || fail "the unreadable file is not reported on stderr"
echo "ci_formats: $n files ok"
