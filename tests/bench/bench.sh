#!/bin/sh
# make bench: cdgrules measured side by side with what a user would use
# instead (docs/PERFORMANCE.md). Usage: tests/bench/bench.sh BUILD/cdgrules
# BUILD/bench-gen. Knobs (environment):
#   BENCH_MAX_MB    largest generated rules file, in MB (default 100)
#   BENCH_JQ_MAX_MB largest file whose JSON dump jq parses (default 10: the
#                   dump is ~10x the rules file, jq needs ~10x that in RAM)
#   BENCH_JQ_MAX_JSON_MB  in the table by shape, largest JSON dump jq
#                   parses (default 200: the heritage shape's dump is ~50x
#                   its rules file, every inherited cell written out)
#   BENCH_MAX_ROWS  largest CSV of profiles (default 10000000)
#   BENCH_RUNS      runs per figure, the median is kept (default 5; 3 for
#                   inputs of 10 MB or more, 1 for awk on 10M rows)
#   BENCH_DIR       where the inputs go (default: a temporary directory)
#   BENCH_SHAPES    the shapes of `bench-gen shape` measured by shape
#                   (default: every one, `bench-gen shapes`)
#   BENCH_SHAPE_MB  their sizes in MB (default "1 10 28"; those above
#                   BENCH_MAX_MB are left out)
# Prints two tables: check by shape of offer (CPU seconds, MB/s, peak
# memory, against wc -l and jq empty on the JSON dump), then figure,
# cdgrules, alternative, ratio.
set -eu
bin=$1 gen=$2
rules=$(cd "$(dirname "$0")/../.." && pwd)/rules/cdg47.cdg
max_mb=${BENCH_MAX_MB:-100} jq_max_mb=${BENCH_JQ_MAX_MB:-10}
jq_max_json_mb=${BENCH_JQ_MAX_JSON_MB:-200}
max_rows=${BENCH_MAX_ROWS:-10000000} runs=${BENCH_RUNS:-5}
for t in jq awk wc; do
    command -v $t >/dev/null || { echo "bench: '$t' is needed (apt-get install $t)" >&2; exit 2; }
done
if [ -n "${BENCH_DIR:-}" ]; then
    dir=$BENCH_DIR; mkdir -p "$dir"
else
    dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
fi
table=$dir/table.tsv shapes_table=$dir/shapes.tsv
: >"$table"; : >"$shapes_table"
shapes=${BENCH_SHAPES:-$("$gen" shapes)} shape_mb=${BENCH_SHAPE_MB:-1 10 28}

# run REPORT CMD...: one timed run, stdout to /dev/null; fails on a crash
# or an unexpected exit status (0 or, for diff, 1 are fine).
run() {
    rep=$1; shift
    "$gen" time "$rep" "$@" >/dev/null
    st=$(cut -d' ' -f5 "$rep")
    if [ "$st" -gt 1 ]; then echo "bench: '$*' exited with $st" >&2; exit 1; fi
}

# measure N CMD...: median wall seconds and max peak RSS (KB) of N runs,
# printed as "SECONDS KB".
measure() {
    n=$1; shift
    i=0; : >"$dir/runs"
    while [ $i -lt "$n" ]; do
        run "$dir/rep" "$@"; cat "$dir/rep" >>"$dir/runs"; i=$((i + 1))
    done
    sort -n "$dir/runs" | awk '{ w[NR] = $1; if ($4 > m) m = $4 }
        END { printf "%.6f %d\n", (NR % 2) ? w[(NR + 1) / 2] : (w[NR / 2] + w[NR / 2 + 1]) / 2, m }'
}

# measure_cpu N CMD...: median CPU seconds (user + system) and max peak
# RSS (KB) of N runs, printed as "SECONDS KB". CPU time, not wall time:
# the machine may be busy with other work while the table by shape runs.
measure_cpu() {
    n=$1; shift
    i=0; : >"$dir/runs"
    while [ $i -lt "$n" ]; do
        run "$dir/rep" "$@"; cat "$dir/rep" >>"$dir/runs"; i=$((i + 1))
    done
    awk '{ print $2 + $3, $4 }' "$dir/runs" | sort -n | awk '{ c[NR] = $1; if ($2 > m) m = $2 }
        END { printf "%.6f %d\n", (NR % 2) ? c[(NR + 1) / 2] : (c[NR / 2] + c[NR / 2 + 1]) / 2, m }'
}

# row FIGURE OURS THEIRS RATIO: one line of the final table.
row() { printf '%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" >>"$table"; printf '  %-46s %-18s %-26s %s\n' "$1" "$2" "$3" "$4" >&2; }
# ratio THEIRS OURS: how much faster (or slower) cdgrules is.
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a <= 0 || b <= 0) print "-"; else if (a >= b) printf "%.1fx faster\n", a / b; else printf "%.1fx slower\n", b / a }'; }
mbps() { awk -v b="$1" -v s="$2" 'BEGIN { printf "%.0f MB/s", (s > 0) ? b / 1e6 / s : 0 }'; }
mb() { awk -v k="$1" 'BEGIN { printf "%.0f MB", k / 1024 }'; }

echo "bench: $(uname -m), $(nproc) CPU(s), $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null)" >&2

# 1. check throughput and memory, against jq on the JSON dump and wc -l.
prev_t=""
for size_mb in 0.01 0.1 1 10 100 1000; do
    if awk -v s="$size_mb" -v m="$max_mb" 'BEGIN { exit !(s > m) }'; then break; fi
    bytes=$(awk -v s="$size_mb" 'BEGIN { printf "%d", s * 1000000 }')
    f=$dir/r$bytes.cdg
    "$gen" rules "$bytes" >"$f"
    real=$(wc -c <"$f")
    n=$runs; [ "$bytes" -ge 10000000 ] && [ "$n" -gt 3 ] && n=3
    set -- $(measure "$n" "$bin" check "$f"); t=$1 kb=$2
    set -- $(measure "$n" wc -l "$f"); wt=$1
    label=$(awk -v b="$real" 'BEGIN { if (b < 1e6) printf "%.0f KB", b / 1e3; else printf "%.0f MB", b / 1e6 }')
    row "check $label: throughput" "$(mbps "$real" "$t")" "wc -l: $(mbps "$real" "$wt")" "$(ratio "$wt" "$t")"
    row "check $label: peak memory" "$(mb "$kb")" "file: $(mb $((real / 1024)))" "$(awk -v k="$kb" -v b="$real" 'BEGIN { printf "%.1fx file", k * 1024 / b }')"
    if awk -v s="$size_mb" -v m="$jq_max_mb" 'BEGIN { exit !(s <= m) }'; then
        "$bin" dump "$f" --format json >"$dir/model.json"
        set -- $(measure "$n" jq empty "$dir/model.json"); jt=$1 jkb=$2
        row "check $label vs jq on its JSON ($(mb $(($(wc -c <"$dir/model.json") / 1024))))" \
            "$(awk -v t="$t" 'BEGIN { printf "%.1f ms", t * 1000 }')" \
            "jq: $(awk -v t="$jt" 'BEGIN { printf "%.1f ms", t * 1000 }'), $(mb "$jkb")" "$(ratio "$jt" "$t")"
        rm -f "$dir/model.json"
    fi
    if [ -n "$prev_t" ]; then
        row "check: time x$(awk -v a="$real" -v b="$prev_b" 'BEGIN { printf "%.0f", a / b }') input" \
            "$(awk -v a="$t" -v b="$prev_t" 'BEGIN { printf "x%.1f", a / b }')" "linear: x$(awk -v a="$real" -v b="$prev_b" 'BEGIN { printf "%.0f", a / b }')" "-"
    fi
    prev_t=$t prev_b=$real big=$f
done

# 1b. check by shape of offer (bench-gen shape NAME BYTES), at 1, 10 and
# 28 MB: CPU seconds, MB/s, peak memory and its ratio to the file, against
# wc -l and, up to BENCH_JQ_MAX_MB, jq empty on the JSON dump.
for shape in $shapes; do
    for size_mb in $shape_mb; do
        if awk -v s="$size_mb" -v m="$max_mb" 'BEGIN { exit !(s > m) }'; then break; fi
        bytes=$(awk -v s="$size_mb" 'BEGIN { printf "%d", s * 1000000 }')
        f=$dir/shape.cdg
        "$gen" shape "$shape" "$bytes" >"$f"
        real=$(wc -c <"$f")
        n=$runs; [ "$bytes" -ge 10000000 ] && [ "$n" -gt 3 ] && n=3
        set -- $(measure_cpu "$n" "$bin" check --werror "$f"); t=$1 kb=$2
        if awk '$5 != 0 { bad = 1 } END { exit !bad }' "$dir/runs"; then
            echo "bench: check --werror fails on shape $shape ($real bytes)" >&2; exit 1
        fi
        set -- $(measure_cpu "$n" wc -l "$f"); wt=$1
        jq_cell="-"
        if awk -v s="$size_mb" -v m="$jq_max_mb" 'BEGIN { exit !(s <= m) }'; then
            "$bin" dump "$f" --format json >"$dir/model.json"
            jbytes=$(wc -c <"$dir/model.json")
            if [ "$jbytes" -le $((jq_max_json_mb * 1000000)) ]; then
                jn=$n; [ "$bytes" -ge 10000000 ] && jn=1
                set -- $(measure_cpu "$jn" jq empty "$dir/model.json"); jt=$1 jkb=$2
                jq_cell=$(awk -v t="$jt" -v k="$jkb" -v j="$jbytes" -v b="$real" \
                    'BEGIN { printf "%.3f s, %.0f MB/s of rules, %.0f MB (JSON %.0f MB)", t, b / 1e6 / t, k / 1024, j / 1e6 }')
            else
                jq_cell=$(awk -v j="$jbytes" 'BEGIN { printf "- (JSON %.0f MB: too large for jq here)", j / 1e6 }')
            fi
            rm -f "$dir/model.json"
        fi
        line=$(awk -v sh="$shape" -v b="$real" -v t="$t" -v k="$kb" -v wt="$wt" 'BEGIN {
            printf "%s\t%.1f MB\t%.3f\t%.0f\t%.0f MB\t%.1fx\t%.0f MB/s", sh, b / 1e6, t, b / 1e6 / t, k / 1024, k * 1024 / b, b / 1e6 / wt }')
        printf '%s\t%s\n' "$line" "$jq_cell" >>"$shapes_table"
        printf '  %s\t%s\n' "$line" "$jq_cell" | tr '\t' ' ' >&2
        rm -f "$f"
    done
done

# 2. fmt and diff throughput on the largest file. The edited copy changes
# one cell in 100000 lines; GNU diff is the alternative.
real=$(wc -c <"$big")
n=$runs; [ "$real" -ge 10000000 ] && [ "$n" -gt 3 ] && n=3
set -- $(measure "$n" "$bin" fmt "$big"); ft=$1 fkb=$2
set -- $(measure "$n" awk '{ sub(/[ \t]+$/, ""); print }' "$big"); at=$1
row "fmt $(mb $((real / 1024))): throughput, memory" "$(mbps "$real" "$ft"), $(mb "$fkb")" "awk (strip blanks): $(mbps "$real" "$at")" "$(ratio "$at" "$ft")"
awk 'NR % 100000 == 0 { sub(/: inclus;/, ": non_inclus;") } { print }' "$big" >"$dir/edited.cdg"
set -- $(measure "$n" "$bin" diff "$big" "$dir/edited.cdg"); dt=$1 dkb=$2
set -- $(measure "$n" diff "$big" "$dir/edited.cdg"); gt=$1
row "diff 2 x $(mb $((real / 1024))): throughput, memory" "$(mbps $((2 * real)) "$dt"), $(mb "$dkb")" "GNU diff: $(mbps $((2 * real)) "$gt")" "$(ratio "$gt" "$dt")"
rm -f "$dir/edited.cdg" "$dir"/r*.cdg

# 3. one query on rules/cdg47.cdg, whole process, against jq answering the
# same question from the JSON dump (the answers are compared first).
"$bin" dump "$rules" --format json >"$dir/cdg47.json"
q='([.strates[] | select(any(.membres[]; .categorie == $c and (.tous or ($m >= .min and (.max == null or $m <= .max)))))] | last | .id) as $st
   | .forfaits[] | select(.id == $f) | .cellules[] | select(.service == $s) | "\($st) \(.statut) \(.quantite // .par_strate[$st])"'
ours=$("$bin" query "$rules" --forfait Technologie --profil commune=1200 --service sauvegarde --json | jq -r '"\(.strate.id) \(.services[0].statut) \(.services[0].quantite)"')
theirs=$(jq -r --arg c commune --argjson m 1200 --arg f Technologie --arg s sauvegarde "$q" "$dir/cdg47.json")
[ "$ours" = "$theirs" ] || { echo "bench: query and jq disagree: '$ours' vs '$theirs'" >&2; exit 1; }
set -- $(measure 51 "$bin" query "$rules" --forfait Technologie --profil commune=1200 --service sauvegarde); qt=$1 qkb=$2
set -- $(measure 51 jq -r --arg c commune --argjson m 1200 --arg f Technologie --arg s sauvegarde "$q" "$dir/cdg47.json"); jt=$1
row "query cdg47.cdg: latency per process" "$(awk -v t="$qt" 'BEGIN { printf "%.2f ms", t * 1000 }'), $(mb "$qkb")" \
    "jq on JSON dump: $(awk -v t="$jt" 'BEGIN { printf "%.2f ms", t * 1000 }')" "$(ratio "$jt" "$qt")"

# 4. batch on cdg47.cdg, against an awk script doing the same stratum and
# cell lookup from a table extracted from the JSON dump; both outputs must
# be byte-identical.
jq -r --arg f Technologie '
  (.strates | map(.id)) as $ids
  | (.forfaits[] | select(.id == $f) | .cellules) as $cells
  | (.strates[] | .id as $st | .membres[] | "S\t\($st)\t\(.categorie)\t\(if .tous then "tous" else "\(.min)\t\(.max // -1)" end)"),
    ("H\t" + ([$cells[].service] | join(","))),
    ($ids[] as $st | "V\t\($st)\t" + ([$cells[] | if .quantite != null then .quantite elif .par_strate != null then .par_strate[$st] else .statut end | tostring] | join(",")))
' "$dir/cdg47.json" >"$dir/lookup.tsv"
cat >"$dir/batch.awk" <<'EOF'
BEGIN { FS = "\t"
    while ((getline l < LOOKUP) > 0) {
        split(l, f, "\t")
        if (f[1] == "S") { n++; sid[n] = f[2]; scat[n] = f[3]; stous[n] = f[4] == "tous"; smin[n] = f[4] + 0; smax[n] = f[5] + 0 }
        else if (f[1] == "H") head = f[2]
        else vals[f[2]] = f[3]
    }
    FS = "," }
NR == 1 { print $0 ",strate," head; next }
{ cat = $(NF - 1); m = $NF + 0; st = ""
  for (i = 1; i <= n; i++)
      if (scat[i] == cat && (stous[i] || (m >= smin[i] && (smax[i] < 0 || m <= smax[i])))) st = sid[i]
  if (st == "") { print "no stratum at line " NR > "/dev/stderr"; exit 1 }
  print $0 "," st "," vals[st] }
EOF
for rows in 1000000 10000000; do
    [ "$rows" -le "$max_rows" ] || break
    "$gen" csv "$rows" >"$dir/p.csv"
    "$bin" batch "$rules" --forfait Technologie "$dir/p.csv" >"$dir/ours.csv"
    awk -v LOOKUP="$dir/lookup.tsv" -f "$dir/batch.awk" "$dir/p.csv" >"$dir/theirs.csv"
    cmp -s "$dir/ours.csv" "$dir/theirs.csv" || { echo "bench: batch and awk outputs differ" >&2; exit 1; }
    rm -f "$dir/ours.csv" "$dir/theirs.csv"
    n=$runs; [ "$n" -gt 3 ] && n=3
    set -- $(measure "$n" "$bin" batch "$rules" --forfait Technologie "$dir/p.csv"); bt=$1 bkb=$2
    an=1; [ "$rows" -lt 10000000 ] && an=$n
    set -- $(measure "$an" awk -v LOOKUP="$dir/lookup.tsv" -f "$dir/batch.awk" "$dir/p.csv"); at=$1 akb=$2
    label=$(awk -v r="$rows" 'BEGIN { printf "%dM", r / 1e6 }')
    row "batch $label rows: rows/s, peak memory" \
        "$(awk -v r="$rows" -v t="$bt" 'BEGIN { printf "%.1f M/s", r / t / 1e6 }'), $(mb "$bkb")" \
        "awk: $(awk -v r="$rows" -v t="$at" 'BEGIN { printf "%.1f M/s", r / t / 1e6 }'), $(mb "$akb")" "$(ratio "$at" "$bt")"
    rm -f "$dir/p.csv"
done

echo
printf '| shape | size | check CPU s | check MB/s | check peak | peak / file | wc -l | jq empty on the JSON dump |\n|---|---|---|---|---|---|---|---|\n'
awk -F'\t' '{ printf "| %s | %s | %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6, $7, $8 }' "$shapes_table"
echo
printf '| figure | cdgrules | alternative | ratio |\n|---|---|---|---|\n'
awk -F'\t' '{ printf "| %s | %s | %s | %s |\n", $1, $2, $3, $4 }' "$table"
