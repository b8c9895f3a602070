#!/bin/sh
# The VS Code extension (editors/vscode): its package.json starts
# extension.js on .cdg files, and extension.js, activated with stand-ins
# for VS Code's modules (tests/lsp/vscode_activate.js), runs
# `cdgrules lsp` on stdio for the cdgrules language; the command line the
# client library then runs (the configured program, "lsp", "--stdio")
# serves a whole session. Skipped with a note without node.
# Usage: tests/scripts/lsp_vscode.sh BUILD/cdgrules
set -eu
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "lsp_vscode: FAIL: $*"; exit 1; }
. "$root/tests/lsp/lib.sh"
ext=$root/editors/vscode
jq -e '.main == "./extension.js" and (.activationEvents | index("onLanguage:cdgrules"))
       and (.dependencies["vscode-languageclient"] | startswith("^8"))
       and .contributes.configuration.properties["cdgrules.server.path"].default == "cdgrules"' \
    "$ext/package.json" >/dev/null || fail "package.json: main, activation, client library or settings"
[ -f "$ext/extension.js" ] || fail "no extension.js"
if ! command -v node >/dev/null 2>&1; then
    echo "lsp_vscode: skipped: node is not installed (package.json checked)"
    exit 0
fi
CDG_BIN=$bin node "$root/tests/lsp/vscode_activate.js" "$ext/extension.js" >"$tmp/seen.json" ||
    fail "extension.js does not activate"
jq -e --arg bin "$bin" '.server.command == $bin and .server.args == ["lsp"] and .server.transport == 0
       and any(.selector[]; .language == "cdgrules" and .scheme == "file") and .started and .stopped
       and (has("error") | not)' "$tmp/seen.json" >/dev/null ||
    fail "extension.js: unexpected client set-up: $(cat "$tmp/seen.json")"
# What vscode-languageclient runs for a stdio transport: args + "--stdio".
{ lsp_init en; lsp_bye; } >"$tmp/s.in"
rc=0
lsp_frame <"$tmp/s.in" | "$bin" lsp --stdio >"$tmp/s.raw" 2>"$tmp/s.err" || rc=$?
lsp_finish s "$rc"
[ "$rc" = 0 ] || fail "'cdgrules lsp --stdio': status $rc"
lsp_answer s 0 | jq -e '.result.capabilities' >/dev/null || fail "'cdgrules lsp --stdio' did not initialize"
rc=0
"$bin" lsp --tcp </dev/null >/dev/null 2>"$tmp/usage.err" || rc=$?
[ "$rc" = 2 ] || fail "'cdgrules lsp --tcp': status $rc, expected 2 (usage)"
echo "lsp_vscode: ok"
