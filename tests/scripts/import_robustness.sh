#!/bin/sh
# `cdgrules import` on damaged tables: 150 deterministic mutations of the
# source document (bytes changed, cut or inserted — tabs, separators,
# quotes, pipes, footnote calls, no-break spaces —, lines shuffled, tabs
# turned into ';' or removed). Each run must end with exit 0 or 1 (never a
# crash, never 2), never write rules that fail their own check (the import
# reports its own errors, located in the table), and when it exits 0 its
# output must pass `cdgrules check`.
# Usage: tests/scripts/import_robustness.sh BUILD/cdgrules [COUNT]
set -u
bin=$1 count=${2:-150}
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0 ok=0 refused=0
i=0
while [ "$i" -lt "$count" ]; do
    perl -e '
        srand($ARGV[0] * 7919 + 17);
        local $/; open(my $f, "<:raw", $ARGV[1]) or die; my $b = <$f>;
        my @ins = ("\t", "\n", ";", ",", "\"", "|", "*1", " 000", "\xc2\xa0", "|---|");
        for (1 .. 1 + int(rand(6))) {
            my $op = int(rand(6)); my $p = int(rand(length $b));
            if ($op == 0) { substr($b, $p, 1) = chr(int(rand(256))); }
            elsif ($op == 1) { substr($b, $p, 1 + int(rand(40))) = ""; }
            elsif ($op == 2) { substr($b, $p, 0) = $ins[int(rand(@ins))]; }
            elsif ($op == 3) { my @l = split /\n/, $b, -1; for my $k (reverse 1 .. $#l) { my $j = int(rand($k + 1)); @l[$k, $j] = @l[$j, $k]; } $b = join("\n", @l); }
            elsif ($op == 4) { my $n = 1 + int(rand(50)); $b =~ s/\t/;/ while $n-- > 0; }
            else { my $n = 1 + int(rand(5)); $b =~ s/\t// while $n-- > 0; }
        }
        binmode STDOUT; print $b;' "$i" "$root/rules/source/offre-cdg47.tsv" >"$tmp/m.tsv"
    "$bin" import "$tmp/m.tsv" >"$tmp/out.cdg" 2>"$tmp/err"
    st=$?
    if [ "$st" -ne 0 ] && [ "$st" -ne 1 ]; then
        echo "import_robustness: mutation $i: exit $st"; tail -5 "$tmp/err"; status=1
    elif grep -q 'do not check\|Sanitizer\|runtime error' "$tmp/err"; then
        echo "import_robustness: mutation $i: the import wrote rules that do not check"; tail -8 "$tmp/err"; status=1
    elif [ "$st" -eq 0 ] && ! "$bin" check "$tmp/out.cdg" >/dev/null 2>&1; then
        echo "import_robustness: mutation $i: exit 0 but its rules do not check"; status=1
    elif [ "$st" -eq 0 ]; then
        ok=$((ok + 1))
    else
        refused=$((refused + 1))
    fi
    i=$((i + 1))
done
echo "import_robustness: $count damaged tables: $ok imported (each checks), $refused refused with located errors"
exit $status
