#!/bin/sh
# The language server (cdgrules lsp) through pipes: its life cycle, the
# protocol's errors, check's diagnostics (same messages, severities and
# ranges, notes as related information, UTF-16 columns, the client's
# language), full and incremental sync, and robustness (malformed JSON, a
# wrong Content-Length, a client gone mid-message, 1,000 changes, a 10 MB
# document). One session also runs under valgrind (leaks and memory
# errors fail it) when valgrind is installed and this is not a sanitizer
# build. Features: lsp_features.sh; a real editor: lsp_neovim.sh.
# Usage: tests/scripts/lsp_protocol.sh BUILD/cdgrules
set -eu
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "lsp_protocol: FAIL: $*"; exit 1; }
run=${VALGRIND_CMD:-}
. "$root/tests/lsp/lib.sh"
offer=$root/rules/cdg47.cdg
uri=file:///tmp/offre/cdg47.cdg

# ---- life cycle ----------------------------------------------------------
{ lsp_init en; lsp_bye; } >"$tmp/life.in"
lsp_session life
[ "$(lsp_rc life)" = 0 ] || fail "shutdown then exit: status $(lsp_rc life), expected 0"
lsp_answer life 0 | jq -e '.result.capabilities.textDocumentSync.change == 2 and
    .result.capabilities.hoverProvider and .result.serverInfo.name == "cdgrules"' >/dev/null ||
    fail "initialize: capabilities"
lsp_answer life 9999 | jq -e 'has("result") and .result == null' >/dev/null || fail "shutdown: null result"

{ lsp_init en; echo '{"jsonrpc":"2.0","method":"exit"}'; } >"$tmp/noshut.in"
lsp_session noshut
[ "$(lsp_rc noshut)" = 1 ] || fail "exit without shutdown: status $(lsp_rc noshut), expected 1"

lsp_init en >"$tmp/eof.in"
lsp_session eof
[ "$(lsp_rc eof)" = 1 ] || fail "end of input without shutdown: status $(lsp_rc eof), expected 1"

# ---- protocol errors -----------------------------------------------------
{
    lsp_request 1 textDocument/hover "$(lsp_at "$uri" 0 0)"
    lsp_open "$offer" "$uri"
    lsp_init en
    lsp_request 2 initialize '{"capabilities":{}}'
    lsp_request 3 cdgrules/unknown '{}'
    echo '{"jsonrpc":"2.0","method":"cdgrules/unknownNotification","params":{}}'
    echo '{"jsonrpc": "2.0", "id": 4, "method": '
    echo '[1, 2]'
    echo '{"jsonrpc":"2.0","id":1.5,"method":"textDocument/hover","params":{}}'
    lsp_request 5 textDocument/hover "$(lsp_at file:///not/open.cdg 0 0)"
    lsp_request 6 textDocument/documentSymbol "{\"textDocument\":{\"uri\":\"$uri\"}}"
    lsp_bye
    lsp_request 7 textDocument/hover "$(lsp_at "$uri" 0 0)"
} >"$tmp/errors.in"
lsp_session errors
[ "$(lsp_rc errors)" = 0 ] || fail "errors session: status $(lsp_rc errors)"
lsp_answer errors 1 | jq -e '.error.code == -32002' >/dev/null || fail "request before initialize: not ServerNotInitialized"
lsp_answer errors 2 | jq -e '.error.code == -32600' >/dev/null || fail "second initialize: not InvalidRequest"
lsp_answer errors 3 | jq -e '.error.code == -32601' >/dev/null || fail "unknown method: not MethodNotFound"
jq -e -s '[.[] | select(.id == null and .error.code == -32700)] | length == 1' "$tmp/errors.out" >/dev/null ||
    fail "malformed JSON: not one ParseError"
jq -e -s '[.[] | select(.id == null and .error.code == -32600)] | length == 2' "$tmp/errors.out" >/dev/null ||
    fail "a JSON array, an id 1.5: not two InvalidRequest"
lsp_answer errors 5 | jq -e '.error.code == -32602' >/dev/null || fail "hover in a document not open: not InvalidParams"
# The didOpen sent before initialize was dropped: the document is unknown.
lsp_answer errors 6 | jq -e '.error.code == -32602' >/dev/null || fail "didOpen before initialize was not dropped"
[ -z "$(lsp_answer errors 7)" ] || fail "a request after exit was answered"
[ "$(wc -l <"$tmp/errors.out")" = 10 ] || { cat "$tmp/errors.out"; fail "errors session: expected 10 messages"; }

# A Content-Length shorter than the body, then one missing: each gets a
# ParseError, and the server finds the next message.
{
    lsp_init en | lsp_frame
    printf 'Content-Length: 20\r\n\r\n{"jsonrpc":"2.0","id":11,"method":"shutdown"}'
    printf 'Content-Type: application/json\r\n\r\n{"jsonrpc":"2.0","id":12,"method":"shutdown"}'
    { lsp_request 13 textDocument/documentSymbol '{"textDocument":{"uri":"file:///x"}}'; lsp_bye; } | lsp_frame
} >"$tmp/frames.bytes"
rc=0
${run:-} "$bin" lsp <"$tmp/frames.bytes" >"$tmp/frames.raw" 2>"$tmp/frames.err" || rc=$?
lsp_finish frames "$rc"
[ "$(lsp_rc frames)" = 0 ] || fail "bad frames: status $(lsp_rc frames), expected 0 (shutdown reached)"
[ "$(jq -s '[.[] | select(.error.code == -32700)] | length' "$tmp/frames.out")" -ge 2 ] ||
    fail "bad Content-Length: no ParseError"
lsp_answer frames 13 | jq -e '.error.code == -32602' >/dev/null || fail "bad frames: the next message was not found"
[ -z "$(lsp_answer frames 11)$(lsp_answer frames 12)" ] || fail "a badly framed message was answered"

# The client goes away in the middle of a message, then in its header.
for cut in 'Content-Length: 500\r\n\r\n{"jsonrpc":"2.0","id":1,' 'Content-Len'; do
    rc=0
    { lsp_init en | lsp_frame; printf "$cut"; } | ${run:-} "$bin" lsp >"$tmp/gone.raw" 2>"$tmp/gone.err" || rc=$?
    lsp_finish gone "$rc"
    [ "$rc" = 1 ] || fail "client gone mid-message: status $rc, expected 1"
done
grep -q . "$tmp/gone.err" || fail "client gone mid-message: nothing said on stderr"

# A Content-Length beyond the limit is skipped, not allocated.
rc=0
{ lsp_init en | lsp_frame; printf 'Content-Length: 99999999999999\r\n\r\n{}'; } |
    ${run:-} "$bin" lsp >"$tmp/huge.raw" 2>"$tmp/huge.err" || rc=$?
lsp_finish huge "$rc"
[ "$rc" = 1 ] || fail "huge Content-Length: status $rc, expected 1"

# ---- diagnostics: those of check -----------------------------------------
# A slip after ½, é and an emoji (two UTF-16 code units) on its line and on
# the line before, a duplicate with its note, a cell stated twice.
{
    sed -n 1,167p "$offer"
    echo '  # ½é😀 on the line before'
    echo '  sauvegarde: sans_objet; messagerie: 1 "½é😀"; sauvgarde: inclus;'
    sed -n '170,$p' "$offer"
    printf 'forfait Metiers "Doublon" <\n  defaut: inclus;\n>\n'
} >"$tmp/diags.cdg"
{ lsp_init en; lsp_open "$tmp/diags.cdg" "$uri"; lsp_bye; } >"$tmp/en.in"
lsp_session en
lsp_diags en >"$tmp/en.diags"
jq -e --arg uri "$uri" '.uri == $uri and (.diagnostics | length) > 3' "$tmp/en.diags" >/dev/null ||
    fail "no diagnostics published"
# check's JSON lists each note after its diagnostic; columns are 1-based
# characters, the protocol's 0-based UTF-16 units (the emoji counts two).
(cd "$tmp" && LC_ALL=C "$bin" check --format json diags.cdg) >"$tmp/check.json" || true
jq -c 'def pos: [.line - 1, .column - 1 + (if .line == 169 and .column > 44 then 1 else 0 end),
                 .end_column - 1 + (if .line == 169 and .column > 44 then 1 else 0 end)];
       reduce .[] as $d ([]; if $d.severity == "note"
           then .[-1].notes += [(($d | pos) + [$d.message])]
           else . + [{d: (($d | pos) + [{"error": 1, "warning": 2}[$d.severity], $d.message]), notes: []}] end)
       | sort' "$tmp/check.json" >"$tmp/expected"
jq -c '[.diagnostics[] | {d: [.range.start.line, .range.start.character, .range.end.character, .severity, .message],
        notes: [(.relatedInformation // [])[] | [.location.range.start.line, .location.range.start.character,
                 .location.range.end.character, .message]]}] | sort' "$tmp/en.diags" >"$tmp/got"
cmp -s "$tmp/expected" "$tmp/got" || {
    echo "expected (check):"; cat "$tmp/expected"; echo "got (lsp):"; cat "$tmp/got"
    fail "diagnostics differ from check's"
}
jq -e '.diagnostics[] | select(.message | test("sauvgarde")) |
       .range == {"start": {"line": 168, "character": 48}, "end": {"line": 168, "character": 57}}' \
    "$tmp/en.diags" >/dev/null || fail "the slip after ½é😀 is not at UTF-16 column 48..57 of line 168"

# The client's language, else the environment's.
fr_check=$(cd "$tmp" && LANGUAGE=fr LC_ALL=C.UTF-8 "$bin" check diags.cdg 2>&1 |
    sed -n 's/^diags\.cdg:169:48: [^:]*: //p')
[ -n "$fr_check" ] && [ "$fr_check" != "unknown service 'sauvgarde'; did you mean 'sauvegarde'?" ] ||
    fail "no French catalogue for check (make all builds it)"
sed 's/"locale":"en"/"locale":"fr-FR"/' "$tmp/en.in" >"$tmp/fr.in"
lsp_session fr
lsp_diags fr | jq -e --arg m "$fr_check" 'any(.diagnostics[]; .message == $m)' >/dev/null ||
    fail "client locale fr: the message is not check's French one ($fr_check)"
grep -v '"method":"initialize"' "$tmp/en.in" >"$tmp/envfr.in"
sed -i '1i {"jsonrpc":"2.0","id":0,"method":"initialize","params":{"capabilities":{}}}' "$tmp/envfr.in"
rc=0
lsp_frame <"$tmp/envfr.in" | LANGUAGE=fr LC_ALL=C.UTF-8 ${run:-} "$bin" lsp >"$tmp/envfr.raw" 2>"$tmp/envfr.err" || rc=$?
lsp_finish envfr "$rc"
lsp_diags envfr | jq -e --arg m "$fr_check" 'any(.diagnostics[]; .message == $m)' >/dev/null ||
    fail "no client locale, LANGUAGE=fr: the message is not in French"
rc=0
lsp_frame <"$tmp/en.in" | LANGUAGE=fr LC_ALL=C.UTF-8 ${run:-} "$bin" lsp >"$tmp/enfr.raw" 2>"$tmp/enfr.err" || rc=$?
lsp_finish enfr "$rc"
lsp_diags enfr | jq -e 'any(.diagnostics[]; .message == "unknown service '"'sauvgarde'; did you mean 'sauvegarde'?"'")' \
    >/dev/null || fail "client locale en over LANGUAGE=fr: the message is not in English"

# ---- sync: incremental and full ------------------------------------------
change() {  # VERSION CHANGE-JSON
    printf '{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"%s","version":%s},"contentChanges":[%s]}}\n' \
        "$uri" "$1" "$2"
}
typo='{"range":{"start":{"line":168,"character":2},"end":{"line":168,"character":12}},"text":"sauvgarde"}'
{
    lsp_init en
    lsp_open "$offer" "$uri"
    lsp_request 1 textDocument/documentSymbol "{\"textDocument\":{\"uri\":\"$uri\"}}"
    change 2 "$typo"
    lsp_request 2 textDocument/documentSymbol "{\"textDocument\":{\"uri\":\"$uri\"}}"
    jq -Rsc '{text: .}' <"$offer" | { read -r full; change 3 "$full"; }
    lsp_bye
} >"$tmp/sync.in"
lsp_session sync
jq -s -c '[.[] | select(.method == "textDocument/publishDiagnostics") | .params.diagnostics |
           map([.range.start.line, .range.start.character, .message])]' "$tmp/sync.out" >"$tmp/sync.got"
[ "$(cat "$tmp/sync.got")" = "[[],[[168,2,\"unknown service 'sauvgarde'; did you mean 'sauvegarde'?\"]],[]]" ] ||
    fail "sync: open clean, typo by a range, full text back: got $(cat "$tmp/sync.got")"

# 1,000 changes in a row (each inserts a '#' at the start of the first
# line, a comment), then the typo: one answer, the right diagnostic.
{
    lsp_init en
    lsp_open "$offer" "$uri"
    awk -v uri="$uri" 'BEGIN { for (i = 2; i <= 1001; i++)
        printf "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didChange\",\"params\":{\"textDocument\":{\"uri\":\"%s\",\"version\":%d},\"contentChanges\":[{\"range\":{\"start\":{\"line\":0,\"character\":0},\"end\":{\"line\":0,\"character\":0}},\"text\":\"#\"}]}}\n", uri, i }'
    change 1002 "$typo"
    lsp_request 1 textDocument/hover "$(lsp_at "$uri" 0 0)"
    lsp_bye
} >"$tmp/many.in"
lsp_session many
[ "$(lsp_rc many)" = 0 ] || fail "1,000 changes: status $(lsp_rc many)"
lsp_diags many | jq -e '[.diagnostics[] | [.range.start.line, .range.start.character]] == [[168, 2]]' >/dev/null ||
    fail "1,000 changes: the typo's diagnostic is not the only one, at 168:2"
lsp_answer many 1 | jq -e 'has("result")' >/dev/null || fail "1,000 changes: the hover was not answered"

# A 10 MB generated offer.
gen=$(dirname "$bin")/bench-gen
if [ -x "$gen" ]; then
    "$gen" rules 10000000 >"$tmp/big.cdg"
    { lsp_init en; lsp_open "$tmp/big.cdg" file:///tmp/big.cdg
      lsp_request 1 textDocument/documentSymbol '{"textDocument":{"uri":"file:///tmp/big.cdg"}}'; lsp_bye; } >"$tmp/big.in"
    run_saved=$run run=
    lsp_session big
    run=$run_saved
    [ "$(lsp_rc big)" = 0 ] || fail "10 MB document: status $(lsp_rc big)"
    lsp_diags big | jq -e '[.diagnostics[] | select(.severity == 1)] == []' >/dev/null ||
        fail "10 MB document: errors on a valid offer"
    lsp_answer big 1 | jq -e '.result | length > 10' >/dev/null || fail "10 MB document: no outline"
elif [ -n "${CI:-}" ]; then
    fail "no $gen (make test builds it)"
else
    echo "lsp_protocol: note: no $gen, the 10 MB case is skipped"
fi

# ---- under valgrind ------------------------------------------------------
if [ -z "${CDG_SANITIZER:-}" ] && [ -z "$run" ] && command -v valgrind >/dev/null 2>&1; then
    run="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect,possible"
    cat "$tmp/errors.in" >"$tmp/vg.in"
    lsp_session vg
    [ "$(lsp_rc vg)" = 0 ] || { cat "$tmp/vg.err"; fail "valgrind: status $(lsp_rc vg)"; }
    head -n 200 "$tmp/many.in" >"$tmp/vg2.in"
    { change 300 "$typo"; lsp_request 1 textDocument/hover "$(lsp_at "$uri" 168 3)"; lsp_bye; } >>"$tmp/vg2.in"
    lsp_session vg2
    [ "$(lsp_rc vg2)" = 0 ] || { cat "$tmp/vg2.err"; fail "valgrind (changes): status $(lsp_rc vg2)"; }
    cat "$tmp/sync.in" >"$tmp/vg3.in"
    lsp_session vg3
    [ "$(lsp_rc vg3)" = 0 ] || { cat "$tmp/vg3.err"; fail "valgrind (sync): status $(lsp_rc vg3)"; }
fi
echo "lsp_protocol: ok"
