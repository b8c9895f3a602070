# Sourced by the guards that time `check` on a small and a ten times larger
# generated offer (check_options_linear.sh, check_cells_linear.sh), with
# name (the guard's name) and bin set: skips under sanitizers, finds
# bench-gen beside bin (gen) and makes a scratch directory (tmp).
[ -z "${CDG_SANITIZER:-}" ] || { echo "$name: skipped under sanitizers"; exit 0; }
gen=$(dirname "$bin")/bench-gen
[ -x "$gen" ] || { echo "$name: $gen missing (make BUILD=... test builds it)"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# best FILE: the best CPU seconds (user + system) of 3 runs of
# check --werror on FILE; exits the guard when a run fails.
best() {
    for i in 1 2 3; do
        "$gen" time "$tmp/rep" "$bin" check --werror "$1" >/dev/null 2>"$tmp/err" || exit 1
        read -r wall user sys kb st <"$tmp/rep"
        [ "$st" = 0 ] || { echo "$name: check $1 exited $st" >&2; cat "$tmp/err" >&2; exit 1; }
        echo "$user $sys"
    done | awk 'NR == 1 || $1 + $2 < t { t = $1 + $2 } END { if (NR == 3) printf "%.6f\n", t }'
}

# at_most_twice_linear WHAT N: times check on $tmp/small.cdg (N WHAT) and
# $tmp/large.cdg (10 x N) and fails unless the larger takes at most 20
# times the smaller: twice linear, as the small run is mostly the process
# starting.
at_most_twice_linear() {
    ts=$(best "$tmp/small.cdg") && tl=$(best "$tmp/large.cdg") || exit 1
    [ -n "$ts" ] && [ -n "$tl" ] || { echo "$name: FAIL no measurement"; exit 1; }
    echo "$name: $2 $1: ${ts}s; $(($2 * 10)) $1: ${tl}s"
    awk -v ts="$ts" -v tl="$tl" -v name="$name" -v what="$1" 'BEGIN {
        if (ts <= 0) { printf "%s: FAIL no CPU time measured (%s s)\n", name, ts; exit 1 }
        bound = 2 * 10 * ts
        if (tl > bound) { printf "%s: FAIL time x%.1f for %s x10 (bound %.3fs)\n", name, tl / ts, what, bound; exit 1 }
        printf "%s: time x%.1f for %s x10\n", name, tl / ts, what }'
}
