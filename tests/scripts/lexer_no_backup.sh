#!/bin/sh
# The scanner must never back up (grammar/lexer.l, docs/PERFORMANCE.md):
# flex then drops its per-byte bookkeeping of the last accepting state.
# A new rule whose prefix is not itself a token (say "12." or half a UTF-8
# sequence) brings backing up back; this fails and shows flex's report.
# Usage: tests/scripts/lexer_no_backup.sh [BUILD/cdgrules] (the argument is
# not used: the check is on the grammar).
set -u
here=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
"${FLEX:-flex}" -b -o lexer.c "$here/grammar/lexer.l" || { echo "lexer_no_backup: flex failed"; exit 1; }
if [ "$(head -n 1 lex.backup)" = "No backing up." ]; then
    echo "lexer_no_backup: no backing up"
else
    echo "lexer_no_backup: FAIL: the scanner backs up:"
    head -n 20 lex.backup
    exit 1
fi
