#!/bin/sh
# The man pages render without a warning (groff -ww, man -l), document
# every command of `cdgrules --help` (and no other) with every option of
# its --help, list every keyword of the lexer, carry the version, and the
# example of cdgrules(5) passes `cdgrules check --werror`.
# Usage: tests/scripts/manpages.sh BUILD/cdgrules
set -eu
bin=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "manpages: FAIL: $*"; exit 1; }
m1=$root/docs/man/cdgrules.1 m5=$root/docs/man/cdgrules.5
export LC_ALL=C.UTF-8 MANWIDTH=80

for p in "$m1" "$m5"; do
    groff -man -Tutf8 -ww -z "$p" 2>"$tmp/err" || fail "groff failed on $p"
    [ ! -s "$tmp/err" ] || { cat "$tmp/err"; fail "groff warnings on $p"; }
    command -v man >/dev/null 2>&1 || fail "man is not installed (apt-get install man-db)"
    man --warnings -E UTF-8 -l "$p" >"$tmp/out" 2>"$tmp/err" || fail "man -l failed on $p"
    [ ! -s "$tmp/err" ] || { cat "$tmp/err"; fail "man -l warnings on $p"; }
    [ "$(wc -l <"$tmp/out")" -gt 40 ] || fail "$p renders too short"
    version=$(sed -n 's/^#define CDGRULES_VERSION "\(.*\)"/\1/p' "$root/include/cdgrules.h")
    grep -q "^\.TH CDGRULES [15] [0-9]* \"cdgrules $version\"" "$p" || fail "$p: .TH does not give version $version"
done

# Commands: those of --help, each with a .SS section, and no others.
"$bin" --help | sed -n 's/^  \([a-z][a-z_-]*\)  .*/\1/p' | sort >"$tmp/cmds"
[ "$(wc -l <"$tmp/cmds")" -ge 1 ] || fail "no command in cdgrules --help"
sed -n 's/^\.SS "cdgrules \([a-z_-]*\).*/\1/p' "$m1" | sort >"$tmp/man-cmds"
cmp -s "$tmp/cmds" "$tmp/man-cmds" || { diff "$tmp/cmds" "$tmp/man-cmds"; fail "commands of --help (<) and cdgrules.1 (>) differ"; }

# Options: every option of `COMMAND --help` is in that command's section.
while read -r cmd; do
    awk -v c="$cmd" '/^\.SS /{on = index($0, ".SS \"cdgrules " c " ") == 1 || $0 == ".SS \"cdgrules " c "\""} on' "$m1" |
        sed 's/\\-/-/g' >"$tmp/section"
    "$bin" "$cmd" --help 2>/dev/null | grep -o -- '\(^\|[ [|,]\)--*[a-zA-Z][a-zA-Z-]*' |
        sed 's/^[ [|,]//' | sort -u | while read -r opt; do
        case "$opt" in --help|-h|--color) continue ;; esac
        grep -q -- "$opt\\([^a-zA-Z-]\\|$\\)" "$tmp/section" || fail "cdgrules.1: option $opt of '$cmd' is not documented"
    done
done <"$tmp/cmds"

# Keywords: all of the lexer's, in cdgrules(5).
sed -n '/^\.SS Keywords/,/^\.SH/p' "$m5" | tr ' ."' '\n\n\n' | sort -u >"$tmp/man-kw"
"$bin" __complete keywords | while read -r kw; do
    grep -qx -- "$kw" "$tmp/man-kw" || fail "cdgrules.5: keyword $kw missing"
done

# The example of cdgrules(5) is a valid rules file.
sed -n '/^\.SH EXAMPLE/,/^\.SH/p' "$m5" | sed -n '/^\.EX/,/^\.EE/p' | sed '1d;$d' |
    sed "s/\\\\('e/é/g; s/\\\\e/\\\\/g" >"$tmp/example.cdg"
[ -s "$tmp/example.cdg" ] || fail "cdgrules.5: no example"
"$bin" check --werror "$tmp/example.cdg" || fail "cdgrules.5: the example does not check"
echo "manpages: ok ($(wc -l <"$tmp/cmds") commands)"
