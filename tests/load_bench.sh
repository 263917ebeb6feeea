#!/bin/bash
# load_bench.sh BELOPP — load throughput (make bench, after tests/bench.sh has
# built build/bench/big.txt): amounts per second that `belopp load` puts into
# SQLite and into PostgreSQL for the ~100 MB corpus, against the references:
# `sqlite3 .import --csv` and `psql \copy … (FORMAT csv, HEADER)` of belopp's
# own CSV (`belopp extract --format csv`) into a table of text columns.
#
# The corpus is big.txt cut at line ends into ~1 MB files (build/bench/load/)
# so that documents load in batches.  belopp's time includes the extraction;
# the references' time is the import alone (their CSV is made beforehand), so
# the ratio is an upper bound of what the database side costs belopp.  The
# PostgreSQL server is a throwaway one (tests/pg.sh) with fsync off, as in
# the tests; SQLite runs with its defaults (WAL, synchronous=NORMAL for
# belopp).  Median of BENCH_RUNS (default 3) runs, interleaved.  belopp's
# tables have their indexes and PostgreSQL its foreign key (checked per row);
# the references load into a bare table of text columns.
set -eu
export LC_ALL=C
belopp=$1
case $belopp in /*) ;; *) belopp=$PWD/$belopp ;; esac
dir=${BENCH_DIR:-build/bench}
runs=${BENCH_RUNS:-3}
[ -f "$dir/big.txt" ] || { echo "load bench: $dir/big.txt is missing (tests/bench.sh builds it)" >&2; exit 1; }
if [ ! -f "$dir/load/stamp" ] || [ "$dir/big.txt" -nt "$dir/load/stamp" ]; then
  rm -rf "$dir/load" && mkdir -p "$dir/load"
  split -C 1000000 -d -a 4 --additional-suffix=.txt "$dir/big.txt" "$dir/load/part-"
  touch "$dir/load/stamp"
fi
bytes=$(cat "$dir"/load/*.txt | wc -c)
nfiles=$(ls "$dir"/load/*.txt | wc -l)

. tests/pg.sh
tmp=$(mktemp -d)
trap 'pg_stop; rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM
pg_start
q() { psql -X -q -A -t -v ON_ERROR_STOP=1 -h "$pgdir" -U "$pguser" -d "${DB:-postgres}" "$@"; }

"$belopp" extract --quiet --jobs 2 --format csv "$dir/load" >"$tmp/all.csv" 2>/dev/null || [ $? = 1 ]
header=$(head -1 "$tmp/all.csv")
cols=$(echo "$header" | tr -d '\r' | awk -F, '{ for (i = 1; i <= NF; i++) printf "%s\"%s\" text", (i > 1 ? ", " : ""), $i }')

ms() { date +%s%N; }
declare -a t_lite t_pg t_import t_copy t_extract
export PGOPTIONS='-c client_min_messages=warning'
for ((r = 0; r < runs; r++)); do
  a=$(ms); "$belopp" extract --quiet --jobs 2 --format csv "$dir/load" >/dev/null 2>&1 || [ $? = 1 ]; b=$(ms)
  t_extract+=($(( (b - a) / 1000000 )))
  rm -f "$tmp"/l.db*
  a=$(ms); "$belopp" load --quiet --jobs 2 "$tmp/l.db" "$dir/load" 2>/dev/null || [ $? = 1 ]; b=$(ms)
  t_lite+=($(( (b - a) / 1000000 )))
  q -c "DROP DATABASE IF EXISTS l" -c "CREATE DATABASE l"
  a=$(ms); "$belopp" load --quiet --jobs 2 "$(pg_conn l)" "$dir/load" 2>/dev/null || [ $? = 1 ]; b=$(ms)
  t_pg+=($(( (b - a) / 1000000 )))
  rm -f "$tmp"/r.db*
  a=$(ms); sqlite3 "$tmp/r.db" ".import --csv $tmp/all.csv amount_csv"; b=$(ms)
  t_import+=($(( (b - a) / 1000000 )))
  q -c "DROP TABLE IF EXISTS amount_csv" -c "CREATE TABLE amount_csv ($cols)"
  a=$(ms); q -c "\\copy amount_csv FROM '$tmp/all.csv' WITH (FORMAT csv, HEADER)"; b=$(ms)
  t_copy+=($(( (b - a) / 1000000 )))
done
amounts=$(sqlite3 "$tmp/l.db" 'SELECT count(*) FROM amount')
pg_amounts=$(DB=l q -c 'SELECT count(*) FROM amount')
ref_rows=$(sqlite3 "$tmp/r.db" 'SELECT count(*) FROM amount_csv')
copy_rows=$(q -c 'SELECT count(*) FROM amount_csv')
median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
rate() { awk -v n="$1" -v ms="$2" 'BEGIN { printf "%.0f", n / (ms / 1000) }'; }
echo
echo "load throughput: $nfiles files, $((bytes / 1000000)) MB, $amounts amounts (median of $runs runs; --jobs 2)"
printf '  %-44s %8s ms  %10s amounts/s\n' "belopp extract --format csv (no database)" "$(median "${t_extract[@]}")" "$(rate "$amounts" "$(median "${t_extract[@]}")")"
printf '  %-44s %8s ms  %10s amounts/s\n' "belopp load → SQLite (extract + load)" "$(median "${t_lite[@]}")" "$(rate "$amounts" "$(median "${t_lite[@]}")")"
printf '  %-44s %8s ms  %10s amounts/s\n' "sqlite3 .import --csv of belopp's CSV" "$(median "${t_import[@]}")" "$(rate "$ref_rows" "$(median "${t_import[@]}")")"
printf '  %-44s %8s ms  %10s amounts/s\n' "belopp load → PostgreSQL (extract + load)" "$(median "${t_pg[@]}")" "$(rate "$pg_amounts" "$(median "${t_pg[@]}")")"
printf '  %-44s %8s ms  %10s amounts/s\n' "psql \\copy of belopp's CSV" "$(median "${t_copy[@]}")" "$(rate "$copy_rows" "$(median "${t_copy[@]}")")"
[ "$amounts" = "$pg_amounts" ] || echo "load bench: SQLite has $amounts amounts, PostgreSQL $pg_amounts" >&2
[ "$ref_rows" = "$amounts" ] || echo "load bench: the CSV has $ref_rows rows, the database $amounts amounts" >&2
