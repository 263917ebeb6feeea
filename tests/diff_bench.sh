#!/bin/sh
# diff_bench.sh BELOPP [N] — times `belopp diff` on two generated texts of
# N amounts a side (default 5000; tests/diff_gen.sh), against `belopp
# extract` of the same two texts (what the diff costs beyond reading them).
# Medians of 7 interleaved runs.  The aim: under a second for 5 000 a side.
set -eu
belopp=$1
n=${2:-5000}
case $belopp in */*) ;; *) belopp=./$belopp ;; esac
tmp=$(mktemp -d "${TMPDIR:-/tmp}/diffbench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
tests/diff_gen.sh "$n" old >"$tmp/old.txt"
tests/diff_gen.sh "$n" new >"$tmp/new.txt"
now() { date +%s%N; }
: >"$tmp/d"
: >"$tmp/x"
for i in 1 2 3 4 5 6 7; do
  t0=$(now)
  "$belopp" diff --format csv "$tmp/old.txt" "$tmp/new.txt" >"$tmp/out.csv"
  t1=$(now)
  "$belopp" extract "$tmp/old.txt" "$tmp/new.txt" >/dev/null
  t2=$(now)
  echo $(((t1 - t0) / 1000000)) >>"$tmp/d"
  echo $(((t2 - t1) / 1000000)) >>"$tmp/x"
done
med() { sort -n "$1" | sed -n 4p; }
amounts=$("$belopp" extract "$tmp/old.txt" | grep -c '<amount ')
lines=$(($(wc -l <"$tmp/out.csv") - 1))
echo "diff bench: $amounts amounts a side, $lines lines: belopp diff $(med "$tmp/d") ms" \
  "(median of 7; extracting both texts alone $(med "$tmp/x") ms)"
if [ "$n" -le 5000 ] && [ "$(med "$tmp/d")" -ge 1000 ]; then echo "diff bench: over a second"; exit 1; fi
