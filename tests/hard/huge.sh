#!/bin/sh
# Absurd inputs: each must end quickly with a clear message, exit 1, and a
# peak memory bounded by a small multiple of the file size (GNU time
# measures it when installed). Usage: tests/hard/huge.sh BIN [MEGABYTES]
# Prints one line per input: name, seconds, peak RSS, status, first message.
set -u
bin=$1 mb=${2:-100}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
bytes=$((mb * 1024 * 1024))
status=0

# gen NAME: writes $tmp/NAME.cdg.
gen() {
    case $1 in
    deep)     { printf 'offre t "T" '; yes '< k' | head -n 1000000 | tr '\n' ' '; } >"$tmp/deep.cdg" ;;
    garbage)  head -c "$bytes" /dev/zero | tr '\0' '@' >"$tmp/garbage.cdg" ;;
    string)   { printf 'categorie c "'; head -c "$bytes" /dev/zero | tr '\0' 'x'; printf '";\n'; } >"$tmp/string.cdg" ;;
    ident)    { printf 'categorie '; head -c "$bytes" /dev/zero | tr '\0' 'a'; printf ' "C";\n'; } >"$tmp/ident.cdg" ;;
    nul)      head -c "$bytes" /dev/zero >"$tmp/nul.cdg" ;;
    comment)  { printf '# '; head -c "$bytes" /dev/zero | tr '\0' 'c'; printf '\n'; } >"$tmp/comment.cdg" ;;
    services) { cat "$(dirname "$0")/../../rules/cdg47.cdg"
                awk -v n=$((bytes / 40)) 'BEGIN { for (i = 0; i < n; i++) printf "service s%08d \"Service numéro %d\";\n", i, i }'
              } >"$tmp/services.cdg" ;;
    esac
}

# run NAME EXPECTED-MESSAGE MAX-RSS-FACTOR
run() {
    gen "$1"
    size=$(wc -c <"$tmp/$1.cdg")
    start=$(date +%s)
    if [ -x /usr/bin/time ]; then
        /usr/bin/time -f '%M' -o "$tmp/rss" timeout 120 "$bin" check "$tmp/$1.cdg" >/dev/null 2>"$tmp/err"
        rc=$?
        rss=$(tail -1 "$tmp/rss")
    else
        timeout 120 "$bin" check "$tmp/$1.cdg" >/dev/null 2>"$tmp/err"
        rc=$?
        rss=0
    fi
    secs=$(($(date +%s) - start))
    msg=$(head -1 "$tmp/err" | sed "s|$tmp/||")
    echo "huge: $1: $size bytes, ${secs}s, peak ${rss} KB, exit $rc: $msg"
    limit_kb=$(( (size / 1024) * $3 + 65536 ))
    if [ $rc != 1 ] || ! grep -q "$2" "$tmp/err" || [ "$rss" -gt $limit_kb ]; then
        echo "huge: FAIL $1 (expected exit 1, '$2', peak under $limit_kb KB)"
        status=1
    fi
    rm -f "$tmp/$1.cdg"
}

run deep 'blocks nested too deeply (at most 32 levels)' 2
run garbage "unexpected character '@'" 2
run string 'string too long' 2
run ident 'identifier too long' 2
run nul 'NUL byte in the source' 2
run comment "no 'offre' declaration" 2
# A real offer followed by millions of well-formed services: a full parse
# and check, memory proportional to the declarations.
run services 'says nothing about services' 16
exit $status
