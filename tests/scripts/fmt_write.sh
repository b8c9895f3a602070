#!/bin/sh
# `cdgrules fmt -w`: rewrites in place safely. Usage: fmt_write.sh BIN
# Each case checks the exit status, the message and that the original is
# byte-identical (or canonical) afterwards. Works as root: the failure
# cases use targets that permission bits cannot explain away.
set -u
bin=$1
t=$(mktemp -d)
trap 'chmod -R u+w "$t" 2>/dev/null; rm -rf "$t"' EXIT
fail=0
ko() { echo "fmt_write: FAIL $*"; fail=1; }

messy='service a "A"<unite:"Go";>   # trailing
forfait F "F" < a: 1; >'
canon='service a "A" < unite: "Go"; > # trailing
forfait F "F" < a: 1; >'

# 1. A file is rewritten into its canonical form; mode 640 is kept.
printf '%s\n' "$messy" >"$t/x.cdg"
chmod 640 "$t/x.cdg"
"$bin" fmt -w "$t/x.cdg" 2>"$t/err" || ko "rewrite: exit $?"
printf '%s\n' "$canon" | cmp -s - "$t/x.cdg" || ko "rewrite: content"
[ "$(stat -c %a "$t/x.cdg")" = 640 ] || ko "rewrite: mode $(stat -c %a "$t/x.cdg")"
[ -s "$t/err" ] && ko "rewrite: unexpected stderr"
ls "$t" | grep -q cdgrules- && ko "rewrite: temporary file left behind"

# 2. A canonical file is not touched (same inode, same mtime).
touch -d '2001-01-01 00:00:00' "$t/x.cdg"
before=$(stat -c '%i %Y' "$t/x.cdg")
"$bin" fmt -w "$t/x.cdg" || ko "unchanged: exit $?"
[ "$(stat -c '%i %Y' "$t/x.cdg")" = "$before" ] || ko "unchanged: file was rewritten"

# 3. A file with syntax errors is never rewritten: diagnostics, exit 1.
printf 'forfait A "A" <\n  a: inclus\n  b: inclus;\n>\n' >"$t/bad.cdg"
cp "$t/bad.cdg" "$t/bad.orig"
"$bin" fmt -w "$t/bad.cdg" 2>"$t/err"
[ $? = 1 ] || ko "syntax: exit status"
cmp -s "$t/bad.cdg" "$t/bad.orig" || ko "syntax: file changed"
grep -q "bad.cdg:2:12: error: missing ';'" "$t/err" || ko "syntax: no located diagnostic"
grep -q "not formatted (syntax errors)" "$t/err" || ko "syntax: no refusal message"

# 4. A symbolic link stays a link; its target is rewritten.
printf '%s\n' "$messy" >"$t/target.cdg"
ln -s target.cdg "$t/link.cdg"
"$bin" fmt -w "$t/link.cdg" || ko "symlink: exit $?"
[ -L "$t/link.cdg" ] || ko "symlink: the link was replaced by a file"
printf '%s\n' "$canon" | cmp -s - "$t/target.cdg" || ko "symlink: target not formatted"

# 5. Unreadable: a missing file, a directory. Exit 2, clear message.
"$bin" fmt -w "$t/missing.cdg" 2>"$t/err"
[ $? = 2 ] || ko "missing: exit status"
grep -q "missing.cdg" "$t/err" || ko "missing: message"
mkdir "$t/dir.cdg"
"$bin" fmt -w "$t/dir.cdg" 2>"$t/err"
[ $? = 2 ] || ko "directory: exit status"

# 6. Unwritable: the directory of the target cannot take a temporary file
#    (a dangling link whose directory is a regular file). Nothing changes.
printf 'x' >"$t/plain"
ln -s plain/sub.cdg "$t/dangling.cdg"
"$bin" fmt -w "$t/dangling.cdg" 2>"$t/err"
[ $? = 2 ] || ko "dangling: exit status"
[ -L "$t/dangling.cdg" ] || ko "dangling: link replaced"

# 7. Unwritable: a FIFO is not a regular file; it is refused before it is
#    opened (opening it would block), under a time limit in case it is not.
mkfifo "$t/fifo.cdg"
timeout 10 "$bin" fmt -w "$t/fifo.cdg" 2>"$t/err"
rc=$?
[ "$rc" = 2 ] || ko "fifo: exit status $rc"
grep -q "not a regular file" "$t/err" || ko "fifo: message"
[ -p "$t/fifo.cdg" ] || ko "fifo: replaced"

# 8. Unwritable when not root: a read-only directory. Root bypasses the
#    permission bits, so this case only runs for other users.
if [ "$(id -u)" != 0 ]; then
    mkdir "$t/ro"
    printf '%s\n' "$messy" >"$t/ro/x.cdg"
    chmod 555 "$t/ro"
    "$bin" fmt -w "$t/ro/x.cdg" 2>"$t/err"
    [ $? = 2 ] || ko "read-only dir: exit status"
    grep -q "file left unchanged" "$t/err" || ko "read-only dir: message"
    printf '%s\n' "$messy" | cmp -s - "$t/ro/x.cdg" || ko "read-only dir: file changed"
    chmod 755 "$t/ro"
fi

# 9. Several files: a bad one does not stop the others; worst status wins.
printf '%s\n' "$messy" >"$t/y.cdg"
"$bin" fmt -w "$t/bad.cdg" "$t/y.cdg" 2>/dev/null
[ $? = 1 ] || ko "several: exit status"
printf '%s\n' "$canon" | cmp -s - "$t/y.cdg" || ko "several: good file not formatted"

# 10. Memory exhausted at any allocation: exit 2 (or success), never a
#     crash, and the file is either untouched or fully formatted.
printf '%s\n' "$messy" >"$t/m.cdg"
i=0
while [ $i -lt 120 ]; do
    cp "$t/m.cdg" "$t/oom.cdg"
    CDGRULES_FAIL_ALLOC=$i "$bin" fmt -w "$t/oom.cdg" 2>/dev/null
    rc=$?
    if [ $rc = 0 ]; then
        printf '%s\n' "$canon" | cmp -s - "$t/oom.cdg" || ko "oom at $i: half-written file"
    elif [ $rc = 2 ]; then
        cmp -s "$t/m.cdg" "$t/oom.cdg" || ko "oom at $i: file changed on failure"
    else
        ko "oom at $i: exit $rc"
    fi
    i=$((i + 7))
done

# 11. Memory exhausted while the text is being written into the temporary
#     file (a file large enough to need more than the first chunk): the
#     temporary file goes, the file is untouched.
gen=$(dirname "$bin")/bench-gen
if [ -x "$gen" ]; then
    mkdir -p "$t/big"
    "$gen" shape forfaits 300000 | sed 's/: inclus;/:   inclus;/' >"$t/big.orig"
    i=0 done=0
    while [ $i -lt 400 ] && [ $done = 0 ]; do
        cp "$t/big.orig" "$t/big/x.cdg"
        CDGRULES_FAIL_ALLOC=$i "$bin" fmt -w "$t/big/x.cdg" 2>/dev/null
        rc=$?
        [ $rc = 0 ] && done=1
        [ $rc = 0 ] || [ $rc = 2 ] || ko "large oom at $i: exit $rc"
        [ $rc = 2 ] && { cmp -s "$t/big.orig" "$t/big/x.cdg" || ko "large oom at $i: file changed"; }
        left=$(ls -A "$t/big" | grep -v '^x\.cdg$')
        [ -z "$left" ] || { ko "large oom at $i: left behind: $left"; rm -f "$t/big/$left"; }
        i=$((i + 1))
    done
    [ $done = 1 ] || ko "large oom: never succeeded in 400 allocations"
else
    ko "$gen missing (make builds it with the tests)"
fi

# A byte order mark goes, and texts between typographic quotes (pasted
# from a word processor) get straight quotes: their error is gone.
printf '\357\273\277offre t \342\200\234Test\342\200\235 < editeur: \302\253\302\240E\302\240\302\273; >\n' >"$t/q.cdg"
"$bin" check "$t/q.cdg" 2>&1 | grep -q "typographic quote" || ko "quotes: no error before"
"$bin" fmt -w "$t/q.cdg" 2>"$t/err" || ko "quotes: exit $?"
printf 'offre t "Test" < editeur: "E"; >\n' | cmp -s - "$t/q.cdg" || ko "quotes: content $(od -c "$t/q.cdg" | head -3)"
"$bin" check "$t/q.cdg" 2>&1 | grep -q "typographic quote" && ko "quotes: error after fmt -w"
grep -q typographic "$t/err" && ko "quotes: diagnostics on fmt -w"

exit $fail
