#!/bin/sh
# The library's boundary. The public headers are the "cdgrules/…" includes
# of include/cdgrules.h; they include only one another, and mark every
# function they declare CDG_API (api.h), which no other header does. The
# shared library beside BUILD/cdgrules exports exactly those functions
# (`nm -D`): nothing unprefixed (flex and bison names: the scanner and the
# parser are prefixed cdg_yy, and hidden), nothing internal. The command
# line includes only cli.h, which includes the umbrella header and
# internal headers of src/ (it links the static library).
# Usage: tests/scripts/library_api.sh BUILD/cdgrules
set -eu
bin=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
fail() { echo "library_api: FAIL: $*"; exit 1; }

bad=$(grep -Hn '^#include "' "$root"/src/cli_*.c | grep -v '#include "cli.h"' || true)
[ -z "$bad" ] || { echo "$bad"; fail "CLI files must include only \"cli.h\""; }
grep -q '^#include "cdgrules.h"' "$root/src/cli.h" || fail "cli.h does not include \"cdgrules.h\""
for h in $(sed -n 's/^#include "\(.*\)".*/\1/p' "$root/src/cli.h" | grep -v '^cdgrules\.h$'); do
    [ -f "$root/src/$h" ] || fail "cli.h includes $h, which is not a header of src/"
done

public=$(sed -n 's|^#include "cdgrules/\(.*\)"|\1|p' "$root/include/cdgrules.h")
[ -n "$public" ] || fail "include/cdgrules.h names no public header"
for h in $public; do
    [ -f "$root/src/$h" ] || fail "include/cdgrules.h names src/$h, which does not exist"
    for dep in $(sed -n 's/^#include "\(.*\)".*/\1/p' "$root/src/$h"); do
        echo "$public" | grep -qx "$dep" || fail "public header $h includes $dep, which is internal"
    done
done
for h in "$root"/src/*.h; do
    name=$(basename "$h")
    echo "$public" | grep -qx "$name" && continue
    [ "$name" = api.h ] && continue
    ! grep -q 'CDG_API' "$h" || fail "internal header $name marks a function CDG_API"
done

# What the public headers declare, and what the shared library exports.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for h in $public; do
    grep 'CDG_API' "$root/src/$h" | grep -v '^#' |
        sed -n 's/.*[^a-z0-9_]\(cdg_[a-z0-9_]*\) *(.*/\1/p'
done | sort -u >"$tmp/declared"
[ -s "$tmp/declared" ] || fail "the public headers declare no CDG_API function"
so=$(dirname "$bin")/libcdgrules.so
[ -e "$so" ] || fail "no shared library $so (make all builds it)"
nm -D --defined-only "$so" | awk 'NF >= 3 { print $3 }' | sort -u >"$tmp/exported"
n=$(wc -l <"$tmp/exported")
unprefixed=$(grep -v '^cdg_' "$tmp/exported" | tr '\n' ' ' || true)
[ -z "$unprefixed" ] || fail "$so exports names without the cdg_ prefix: $unprefixed"
internal=$(comm -23 "$tmp/exported" "$tmp/declared" | tr '\n' ' ')
[ -z "$internal" ] || fail "$so exports functions no public header declares: $internal"
missing=$(comm -13 "$tmp/exported" "$tmp/declared" | tr '\n' ' ')
[ -z "$missing" ] || fail "public functions not exported by $so: $missing"
echo "library_api: ok ($n exported symbols, all cdg_ and declared in the public headers)"
