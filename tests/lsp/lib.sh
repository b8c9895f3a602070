# tests/lsp/lib.sh — shared by the language server's test scripts
# (tests/scripts/lsp_*.sh source it).
#
#   lsp_session NAME [ARGS]   frames $tmp/NAME.in (one JSON message per
#                             line), pipes it into "$bin lsp", keeps the
#                             bodies it wrote in $tmp/NAME.out (one per
#                             line), its status in $tmp/NAME.rc, its
#                             stderr in $tmp/NAME.err
#   lsp_answer NAME ID        the answer to request ID (one line of JSON)
#   lsp_diags NAME            the last diagnostics published
# The caller sets bin, tmp and a fail function. $run prefixes the server
# (valgrind).

lsp_frame() {
    LC_ALL=C awk '{ printf "Content-Length: %d\r\n\r\n%s", length($0), $0 }'
}

lsp_session() {
    _n=$1
    _rc=0
    lsp_frame <"$tmp/$_n.in" | ${run:-} "$bin" lsp >"$tmp/$_n.raw" 2>"$tmp/$_n.err" || _rc=$?
    lsp_finish "$_n" "$_rc"
}

# Records the status and bodies of a session whose raw output is written.
lsp_finish() {
    echo "$2" >"$tmp/$1.rc"
    grep -a '^{' "$tmp/$1.raw" >"$tmp/$1.out" || true
    if grep -aq 'Sanitizer\|runtime error:\|ERROR SUMMARY: [1-9]\|definitely lost' "$tmp/$1.err"; then
        cat "$tmp/$1.err"
        fail "$1: sanitizer or valgrind report"
    fi
}

lsp_rc() {
    cat "$tmp/$1.rc"
}

lsp_answer() {
    jq -c "select(.id == $2)" "$tmp/$1.out"
}

lsp_diags() {
    jq -c 'select(.method == "textDocument/publishDiagnostics") | .params' "$tmp/$1.out" | tail -n 1
}

# Messages, one line each.
lsp_init() {  # LOCALE
    printf '{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"processId":null,"rootUri":null,"capabilities":{},"locale":"%s"}}\n' "$1"
    echo '{"jsonrpc":"2.0","method":"initialized","params":{}}'
}

lsp_bye() {
    echo '{"jsonrpc":"2.0","id":9999,"method":"shutdown"}'
    echo '{"jsonrpc":"2.0","method":"exit"}'
}

lsp_open() {  # FILE URI
    jq -Rsc --arg uri "$2" '{jsonrpc: "2.0", method: "textDocument/didOpen",
        params: {textDocument: {uri: $uri, languageId: "cdgrules", version: 1, text: .}}}' <"$1"
}

lsp_request() {  # ID METHOD PARAMS
    printf '{"jsonrpc":"2.0","id":%s,"method":"%s","params":%s}\n' "$1" "$2" "$3"
}

lsp_at() {  # URI LINE CHARACTER: textDocument and position params
    printf '{"textDocument":{"uri":"%s"},"position":{"line":%s,"character":%s}}' "$1" "$2" "$3"
}
