#!/bin/sh
# run-all: alone (it measures time or loads the machine itself)
# check never crashes and answers quickly on hostile input: an empty file,
# a binary file, a directory, NUL bytes, deep nesting, a 10 MB file of
# pseudo-random bytes (generated with a fixed seed, so every run sees the
# same bytes). Exit 1 or 2 is fine; a signal (status >= 128) or a hang is not.
# Usage: tests/scripts/check_robustness.sh path/to/cdgrules
set -u
bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0

# run NAME EXPECTED_STATUSES FILE: runs check with a time limit.
run() {
    name=$1 want=$2 file=$3
    timeout 60 "$bin" check "$file" >"$tmp/out" 2>"$tmp/err"
    rc=$?
    case " $want " in
    *" $rc "*) ;;
    *) echo "robustness: FAIL $name: exit $rc (wanted one of: $want)"; head -5 "$tmp/err"; fail=1 ;;
    esac
    if [ "$rc" -ge 1 ] && [ ! -s "$tmp/err" ]; then
        echo "robustness: FAIL $name: non-zero exit without a message"; fail=1
    fi
}

: >"$tmp/empty.cdg"
run empty "1" "$tmp/empty.cdg"

printf '\177ELF\002\001\001\000\000\000\000\000\000\000\000\000\003\000>\000\001\000\000\000' >"$tmp/binary.cdg"
run binary "1" "$tmp/binary.cdg"

mkdir "$tmp/dir.cdg"
run directory "2" "$tmp/dir.cdg"

run missing "2" "$tmp/does-not-exist.cdg"

printf 'offre t "T" <\000 editeur: "a\000b"; # c\000\n>\n' >"$tmp/nul.cdg"
run nul_bytes "1" "$tmp/nul.cdg"

awk 'BEGIN { for (i = 0; i < 5000; i++) printf "x < "; }' >"$tmp/deep.cdg"
run deep_nesting "1" "$tmp/deep.cdg"

awk 'BEGIN { for (i = 0; i < 20000; i++) printf "forfait F%d \"F\" < base: F%d; >\n", i, i + 1; }' >"$tmp/chain.cdg"
run long_base_chain "1" "$tmp/chain.cdg"

# 10 MB of pseudo-random bytes: the Park-Miller generator with a fixed
# seed (every product stays below 2^53, so any awk computes it exactly).
LC_ALL=C awk 'BEGIN {
    x = 12345;
    for (i = 0; i < 10000000; i++) {
        x = (x * 16807) % 2147483647;
        printf "%c", int(x / 256) % 256;
    }
}' >"$tmp/random.cdg"
size=$(wc -c <"$tmp/random.cdg")
if [ "$size" -ne 10000000 ]; then
    echo "robustness: FAIL random: generated $size bytes, not 10000000"; fail=1
fi
start=$(date +%s)
run random_10mb "1" "$tmp/random.cdg"
elapsed=$(($(date +%s) - start))
if [ "$elapsed" -gt 20 ]; then
    echo "robustness: FAIL random_10mb took ${elapsed}s"; fail=1
fi
exit $fail
