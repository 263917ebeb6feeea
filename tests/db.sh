#!/bin/bash
# db.sh BELOPP — `belopp load` into real databases: SQLite files, and a
# PostgreSQL 15 server that this script starts in a temporary directory
# (Unix socket only, no TCP) and stops and removes on every exit path.
# As root the server runs as the user postgres (initdb refuses root).
#
# Cases: schema and values, idempotent reload, a changed file replaced,
# concurrent loaders (2 into SQLite, 4 into PostgreSQL), loaders SIGKILLed at
# random moments then re-run (every document fully there or absent), a
# server that is down, a refused login, connections dropped mid-load, 4
# shards with GNU parallel against one run, the README's queries, and the
# schema versions: the columns of version 2 against extract's CSV, an old
# (version 1) database migrated with its rows kept, by two PostgreSQL loaders
# at once, and a newer version refused without a write.
# One line per case, "ok NAME" or "FAIL NAME: why", then "db: N passed, M failed".
# Run from the repository root (make check does).  DB_SKIP_POSTGRES=1 runs
# the SQLite cases only.
set -u
export LC_ALL=C

if [ $# -ne 1 ]; then
  echo "usage: tests/db.sh BELOPP" >&2
  exit 2
fi
belopp=$1
case $belopp in /*) ;; *) belopp=$PWD/$belopp ;; esac
corpus=$PWD/corpus
readme=$PWD/README.md
[ -f "$belopp" ] || { echo "db: $belopp not found (run from the repository root after make)" >&2; exit 2; }
for tool in sqlite3 psql parallel; do
  command -v $tool >/dev/null || { echo "db: $tool is missing (make deps)" >&2; exit 2; }
done
. tests/pg.sh

tmp=$(mktemp -d "${TMPDIR:-/tmp}/db.XXXXXX") || exit 2
cleanup() {
  pg_stop
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
here=$(cd "$(dirname "$0")" && pwd) || exit 2
cd "$tmp" || exit 2

. "$here/cases.sh"

# The inputs: corpus/ (texts and pages) and big/ (3000 copies of the texts).
mkdir -p small big clean
cp "$corpus"/*.txt "$corpus"/*.html small/
# The copies byte for byte, by bash built-ins (3000 cp processes take seconds).
# Only texts that give no diagnostic: every loader of big/ must exit 0.
texts=()
for f in "$corpus"/*.txt; do
  "$belopp" extract --quiet "$f" >/dev/null 2>clean.err && [ ! -s clean.err ] || continue
  c=$(cat "$f"; printf x)
  texts+=("${c%x}")
  cp "$f" clean/
done
[ ${#texts[@]} -ge 10 ] || { echo "db: only ${#texts[@]} corpus texts give no diagnostic" >&2; exit 1; }
for ((i = 0; i < 3000; i++)); do
  mkdir -p big/$((i % 10))
  printf -v f 'big/%d/%05d.txt' $((i % 10)) $i
  printf '%s' "${texts[i % ${#texts[@]}]}" >"$f"
done
# expected.csv: source,amounts — what extract gives, document by document.
expected() {
  "$belopp" extract --quiet --jobs 2 "$@" 2>/dev/null |
    awk -F'"' '/<document source=/ { if (doc != "") print doc "," n; doc = $2; n = 0 }
               /<amount / { n++ } END { if (doc != "") print doc "," n }'
}
expected small >small.csv
expected big >big.csv
nsmall=$(wc -l <small.csv)
asmall=$(awk -F, '{ s += $2 } END { print s }' small.csv)
nbig=$(wc -l <big.csv)
abig=$(awk -F, '{ s += $2 } END { print s }' big.csv)
[ "$nsmall" -gt 20 ] && [ "$asmall" -gt 50 ] || { echo "db: extract found only $nsmall documents, $asmall amounts" >&2; exit 1; }
# clean/: those texts and a tiny one whose heading holds the characters CSV
# and COPY treat specially; clean.csv, what extract gives for them, is the
# reference for the columns loaded.
version=$("$belopp" --version | awk '{ print $2 }')
tiny_heading='Budget "2025", del 1 \ tillägg'
printf '%s\n\nRegionen får 45 miljoner kronor och en gåva på 3 000 yen.\n' "$tiny_heading" >clean/tiny.txt
"$belopp" extract --quiet --format csv clean >clean.csv 2>/dev/null
expected clean >clean-counts.csv
nclean_docs=$(wc -l <clean-counts.csv)
nclean=$(awk -F, '{ s += $2 } END { print s }' clean-counts.csv)
nold=$(awk -F, '$1 == "clean/000_6558cce49af33d4a.txt" { print $2 }' clean-counts.csv)
nclean_new=$((nclean - ${nold:-0}))
[ "${nold:-0}" -gt 0 ] && [ "$(grep -c '"clean/tiny.txt",.*,JPY,0,' clean.csv)" = 1 ] ||
  { echo "db: clean/ lacks corpus/000_6558cce49af33d4a.txt or tiny.txt's yen" >&2; exit 1; }

# --- SQLite ---------------------------------------------------------------
lite() { sqlite3 -batch -noheader "$@"; }
# lite_check DB EXPECTED.CSV — every document in DB has exactly its expected
# amounts, no source twice; prints "documents amounts".
lite_check() {
  lite "$1" <<EOF
CREATE TEMP TABLE expected (source TEXT, n INTEGER);
.mode csv
.import $2 expected
.mode list
SELECT 'duplicate ' || source FROM document GROUP BY source HAVING count(*) > 1;
SELECT 'partial ' || d.source || ' ' || (SELECT count(*) FROM amount a WHERE a.document_id = d.id) || ' of ' || e.n
  FROM document d JOIN expected e ON e.source = d.source
  WHERE (SELECT count(*) FROM amount a WHERE a.document_id = d.id) <> e.n;
SELECT 'unexpected ' || source FROM document WHERE source NOT IN (SELECT source FROM expected);
SELECT 'orphans ' || count(*) FROM amount WHERE document_id NOT IN (SELECT id FROM document) HAVING count(*) > 0;
SELECT (SELECT count(*) FROM document) || ' ' || (SELECT count(*) FROM amount);
EOF
}
dump_lite() { lite "$1" 'SELECT * FROM document ORDER BY id; SELECT * FROM amount ORDER BY document_id, start_byte, end_byte;'; }

case_start sqlite-load
"$belopp" load --quiet figures.db small 2>err.txt
st=$?
[ "$st" -le 1 ] || bad "exit status $st: $(head -c 300 err.txt)"
got=$(lite_check figures.db small.csv)
[ "$got" = "$nsmall $asmall" ] || bad "check: $(echo "$got" | head -5 | tr '\n' '|') (expected $nsmall $asmall)"
v=$(lite figures.db "SELECT ore FROM fact WHERE source = 'small/000_6558cce49af33d4a.txt' AND text = '6,8 miljarder kronor'")
[ "$v" = 680000000000 ] || bad "6,8 miljarder kronor: '$v', expected 680000000000"
v=$(lite figures.db "SELECT minor, currency, kind FROM amount a JOIN document d ON d.id = a.document_id
  WHERE d.source = 'small/000_6558cce49af33d4a.txt' AND text = '6,8 miljarder kronor'")
[ "$v" = "680000000000|SEK|prose" ] || bad "minor, currency, kind: '$v'"
v=$(lite figures.db "SELECT count(*) FROM amount WHERE label = 'Stockholm' AND ore = 211100000000")
[ "$v" -ge 1 ] || bad "the cell Stockholm 2 111 (211100000000) is missing"
v=$(lite figures.db "SELECT belopp_version FROM document LIMIT 1")
[ "$v" = "$("$belopp" --version | awk '{ print $2 }')" ] || bad "belopp_version '$v'"
v=$(lite figures.db "SELECT count(*) FROM document WHERE length(sha256) = 64 AND bytes > 0")
[ "$v" = "$nsmall" ] || bad "$v documents with a sha256 and a size"
v=$(lite figures.db "SELECT sha256 FROM document WHERE source = 'small/000_6558cce49af33d4a.txt'")
[ "$v" = "$(sha256sum small/000_6558cce49af33d4a.txt | cut -d' ' -f1)" ] || bad "sha256 '$v'"
v=$(lite figures.db "SELECT count(*) FROM amount WHERE (ore IS NULL) = (ore_low IS NULL) AND currency = 'SEK'")
[ "$v" = 0 ] || bad "$v SEK amounts with both or neither of ore and ore_low"
v=$(lite figures.db "SELECT name FROM sqlite_master WHERE type = 'index' AND name IN ('amount_label', 'amount_document') ORDER BY name" | tr '\n' ' ')
[ "$v" = "amount_document amount_label " ] || bad "indexes: $v"
v=$(lite figures.db "PRAGMA journal_mode")
[ "$v" = wal ] || bad "journal_mode $v"
case_end

case_start sqlite-idempotent
dump_lite figures.db >before.txt
"$belopp" load figures.db small 2>err.txt
dump_lite figures.db >after.txt
cmp -s before.txt after.txt || bad "the database changed on a reload"
grep -q ", $nsmall unchanged, 0 loaded$" err.txt || bad "summary: $(tail -1 err.txt)"
case_end

case_start sqlite-force
# --force replaces the rows of unchanged documents too (to refill rows an
# older belopp wrote): spoil some, then a forced load brings them back.
lite figures.db 'SELECT * FROM amount ORDER BY document_id, start_byte, end_byte' >before.txt
lite figures.db "UPDATE amount SET heading = NULL, ore = 1 WHERE kind = 'prose'"
"$belopp" load --force figures.db small 2>err.txt
lite figures.db 'SELECT * FROM amount ORDER BY document_id, start_byte, end_byte' >after.txt
cmp -s before.txt after.txt || bad "the rows were not replaced: $(diff before.txt after.txt | head -3 | tr '\n' '|')"
grep -q ", $nsmall loaded$" err.txt || bad "summary: $(tail -1 err.txt)"
case_end

case_start sqlite-changed-replaced
id=$(lite figures.db "SELECT id FROM document WHERE source = 'small/form-kronor-ore.txt'")
printf '\nExtra: 45 mkr till vården.\n' >>small/form-kronor-ore.txt
expected small >small.csv
asmall=$(awk -F, '{ s += $2 } END { print s }' small.csv)
"$belopp" load --quiet figures.db small 2>err.txt
got=$(lite_check figures.db small.csv)
[ "$got" = "$nsmall $asmall" ] || bad "check: $(echo "$got" | head -5 | tr '\n' '|') (expected $nsmall $asmall)"
v=$(lite figures.db "SELECT id, sha256 FROM document WHERE source = 'small/form-kronor-ore.txt'")
[ "$v" = "$id|$(sha256sum small/form-kronor-ore.txt | cut -d' ' -f1)" ] || bad "document row: '$v' (id was $id)"
v=$(lite figures.db "SELECT count(*) FROM fact WHERE source = 'small/form-kronor-ore.txt' AND ore = 4500000000")
[ "$v" = 1 ] || bad "the new 45 mkr: $v rows"
case_end

case_start sqlite-2-concurrent
"$belopp" load --quiet --jobs 1 two.db big 2>e1.txt &
p1=$!
"$belopp" load --quiet --jobs 1 two.db big 2>e2.txt &
p2=$!
wait $p1; s1=$?
wait $p2; s2=$?
[ "$s1" = 0 ] && [ "$s2" = 0 ] || bad "exit statuses $s1 $s2: $(head -c 200 e1.txt e2.txt)"
got=$(lite_check two.db big.csv)
[ "$got" = "$nbig $abig" ] || bad "check: $(echo "$got" | head -5 | tr '\n' '|') (expected $nbig $abig)"
# Two loaders creating one new file at the same moment (the WAL switch races).
for i in 1 2 3 4 5; do
  rm -f race.db race.db-wal race.db-shm
  "$belopp" load --quiet race.db small 2>e1.txt &
  p1=$!
  "$belopp" load --quiet race.db small 2>e2.txt &
  p2=$!
  wait $p1; s1=$?
  wait $p2; s2=$?
  [ $s1 -le 1 ] && [ $s2 -le 1 ] || bad "race $i: exit statuses $s1 $s2: $(grep -hv warning e1.txt e2.txt | head -2)"
  got=$(lite_check race.db small.csv)
  [ "$got" = "$nsmall $asmall" ] || bad "race $i: $(echo "$got" | head -3 | tr '\n' '|')"
done
case_end

case_start sqlite-sigkill
t0=$(date +%s%N)
"$belopp" load --quiet --jobs 2 ref.db big 2>/dev/null
ms=$(( ($(date +%s%N) - t0) / 1000000 ))
partial=0
for i in 1 2 3 4 5 6; do
  rm -f k.db k.db-wal k.db-shm
  "$belopp" load --quiet --jobs 2 k.db big 2>/dev/null &
  pid=$!
  sleep "$(awk -v ms="$ms" -v s="$i$RANDOM" 'BEGIN { srand(s); printf "%.3f", (0.1 + rand() * 0.8) * ms / 1000 }')"
  kill -9 $pid 2>/dev/null
  wait $pid 2>/dev/null
  got=$(lite_check k.db big.csv)
  n=${got##*$'\n'}
  echo "$got" | grep -q '^[a-z]' && bad "after SIGKILL $i: $(echo "$got" | head -3 | tr '\n' '|')"
  [ "${n%% *}" -lt "$nbig" ] && partial=$((partial + 1))
  # the re-run completes it
  "$belopp" load --quiet --jobs 2 k.db big 2>/dev/null
  got=$(lite_check k.db big.csv)
  [ "$got" = "$nbig $abig" ] || bad "re-run after SIGKILL $i: $(echo "$got" | head -3 | tr '\n' '|')"
done
echo "  ($partial of 6 kills stopped a load midway)"
[ $partial -ge 1 ] || bad "no kill hit a load midway"
case_end

case_start readme-queries-sqlite
# The README's queries, as a user runs them after `belopp load figures.db corpus/`;
# then a table figure changes (Stockholm 2024: 548 -> 598 miljoner kronor) and
# the corpus is loaded again, over a copy kept as before.db.
mkdir -p r && cp -r "$corpus" r/corpus
(cd r && "$belopp" load --quiet figures.db corpus/ 2>/dev/null)
cp r/figures.db r/before.db
sed -i 's/^Stockholm\t612\t548\t/Stockholm\t612\t598\t/' r/corpus/form-table-multicol.txt
grep -q "$(printf 'Stockholm\t612\t598')" r/corpus/form-table-multicol.txt || bad "the edit of the table did not take"
(cd r && "$belopp" load --quiet figures.db corpus/ 2>/dev/null)
awk '/^```sql sqlite/ { on = 1; q = ""; next } /^```/ && on { on = 0; n++; f = "query" n ".sql"; printf "%s", q > f; close(f); next }
     on { q = q $0 "\n" }' "$readme"
[ -f query3.sql ] || bad "fewer than 3 sqlite queries in README.md"
for k in 1 2 3; do
  (cd r && sqlite3 -batch figures.db <"../query$k.sql") >out$k.txt 2>&1 || bad "query $k failed: $(head -c 200 out$k.txt)"
  [ -s out$k.txt ] || bad "query $k gave nothing"
done
grep -q '^corpus/000_6558cce49af33d4a.txt|[0-9]*|[0-9]*$' out1.txt || bad "query 1: no line for corpus/000: $(head -3 out1.txt | tr '\n' '|')"
grep -q '^2023|612000000|' out2.txt || bad "query 2: no Stockholm 2023 612 miljoner: $(head -5 out2.txt | tr '\n' '|')"
grep -q '^2024|598000000|' out2.txt || bad "query 2: no Stockholm 2024 598 miljoner: $(head -5 out2.txt | tr '\n' '|')"
head -1 out3.txt | grep -q '^corpus/form-table-multicol.txt|Stockholm|2024|54800000000|59800000000|5000000000$' ||
  bad "query 3: $(head -3 out3.txt | tr '\n' '|')"
case_end

# --- Schema versions (SQLite) -----------------------------------------------
# An old database: the tables of belopp before schema versions (the fixture
# tests/schema-v1.sqlite.sql, as of 058d726) and a document put in by hand as
# that belopp did (same source, sha256 and version as the file: unchanged, so
# a load leaves it as it is), with a view of the user's over fact.
old_doc=clean/000_6558cce49af33d4a.txt
old_sha=$(sha256sum $old_doc | cut -d' ' -f1)
old_rows="INSERT INTO document (source, sha256, bytes, loaded_at, belopp_version)
  VALUES ('$old_doc', '$old_sha', $(wc -c <$old_doc), '2026-01-02T03:04:05.000Z', '$version');
INSERT INTO amount (document_id, start_byte, end_byte, line, kind, currency, ore, minor, total, repeats, text, context)
  SELECT id, 545, 558, 13, 'heading', 'SEK', 320000000000, 320000000000, FALSE, NULL, '3,2 miljarder',
          '3,2 miljarder till utveckling av den nära vården' FROM document WHERE source = '$old_doc'
  UNION ALL SELECT id, 698, 718, 15, 'prose', 'SEK', 320000000000, 320000000000, FALSE, 545, '3,2 miljarder kronor',
          'Nu avsätter regeringen ca 3,2 miljarder kronor för arbetet med den nära vården med fokus på primärvården.'
  FROM document WHERE source = '$old_doc';
CREATE VIEW my_sek AS SELECT source, ore FROM fact WHERE currency = 'SEK';"
old_id="(SELECT id FROM document WHERE source = '$old_doc')"
old_cols="document_id, start_byte, end_byte, line, kind, currency, ore, ore_low, ore_high, minor, minor_low, minor_high, qualifier, per, total, repeats, text, context, label, column_title, caption"
csvcols="source, sha256, kind, currency, minor_exp, ore, ore_low, ore_high, minor, minor_low, minor_high, qualifier, per, total, sum, repeats, start_byte, end_byte, line, col, text, context, heading, label, column_title, caption"
# lite_vs_csv DB CSV [SOURCE] — the amounts of DB against extract's CSV of the
# same files (but SOURCE), field by field for heading, col, minor_exp, sum
# (and text): a line per difference, then "CSV-ROWS DB-ROWS".
lite_vs_csv() {
  lite "$1" <<EOF
CREATE TEMP TABLE c ($csvcols);
.import --csv --skip 1 $2 c
DELETE FROM c WHERE source = '${3:-}';
CREATE TEMP VIEW a AS SELECT d.source, a.* FROM amount a JOIN document d ON d.id = a.document_id
  WHERE d.source IN (SELECT source FROM c);
SELECT 'differs ' || c.source || ' ' || c.start_byte || ': ' || quote(a.heading) || ' ' || quote(a.col) || ' '
       || quote(a.minor_exp) || ' ' || quote(a.sum) || ', csv ' || c.heading || ' ' || c.col || ' ' || c.minor_exp || ' ' || c.sum
  FROM c LEFT JOIN a ON a.source = c.source AND a.start_byte = CAST(c.start_byte AS INTEGER)
                    AND a.end_byte = CAST(c.end_byte AS INTEGER)
  WHERE a.source IS NULL OR a.text IS NOT c.text OR a.heading IS NOT nullif(c.heading, '')
     OR a.col IS NOT CAST(c.col AS INTEGER) OR a.minor_exp IS NOT CAST(c.minor_exp AS INTEGER)
     OR a.sum IS NOT nullif(c.sum, '');
SELECT 'empty heading or sum ' || count(*) FROM a WHERE heading = '' OR sum = '' HAVING count(*) > 0;
SELECT (SELECT count(*) FROM c) || ' ' || (SELECT count(*) FROM a);
EOF
}

case_start sqlite-schema-version
# A new database is at the current version, its new columns as CSV has them.
v=$(lite figures.db "PRAGMA user_version")
[ "$v" = 2 ] || bad "user_version $v in a new database, expected 2"
rm -f fresh.db
"$belopp" load --quiet fresh.db clean 2>err.txt || bad "exit status $?: $(head -c 300 err.txt)"
got=$(lite_vs_csv fresh.db clean.csv)
[ "$got" = "$nclean $nclean" ] || bad "against the CSV: $(echo "$got" | head -4 | tr '\n' '|') (expected $nclean $nclean)"
case_end

case_start sqlite-migrate-v1
rm -f old.db
lite old.db <"$here/schema-v1.sqlite.sql" && lite old.db "PRAGMA journal_mode=WAL" >/dev/null && lite old.db "$old_rows" ||
  bad "the old database could not be made"
lite old.db "SELECT * FROM document; SELECT $old_cols FROM amount ORDER BY start_byte" >old-before.txt
"$belopp" load --quiet old.db clean 2>err.txt
st=$?
[ "$st" = 0 ] || bad "exit status $st: $(head -c 300 err.txt)"
v=$(lite old.db "PRAGMA user_version")
[ "$v" = 2 ] || bad "user_version $v after the migration"
# old rows kept, whole; their new columns NULL
lite old.db "SELECT * FROM document WHERE id = $old_id; SELECT $old_cols FROM amount WHERE document_id = $old_id ORDER BY start_byte" >old-after.txt
cmp -s old-before.txt old-after.txt || bad "the old rows changed: $(diff old-before.txt old-after.txt | head -3 | tr '\n' '|')"
v=$(lite old.db "SELECT count(*) FROM amount WHERE document_id = $old_id AND minor_exp IS NULL AND sum IS NULL AND col IS NULL AND heading IS NULL")
[ "$v" = 2 ] || bad "$v old rows with the new columns NULL, expected 2"
# the new rows as the CSV of the same files has them
got=$(lite_vs_csv old.db clean.csv "$old_doc")
[ "$got" = "$nclean_new $nclean_new" ] || bad "against the CSV: $(echo "$got" | head -4 | tr '\n' '|') (expected $nclean_new $nclean_new)"
v=$(lite old.db "SELECT currency || ' ' || minor_exp || ' ' || minor FROM fact WHERE currency IN ('JPY', 'KWD') ORDER BY source, start_byte" | tr '\n' ',')
[ "$v" = "JPY 0 1200,JPY 0 180,KWD 3 1250500,JPY 0 3000," ] || bad "yen and dinar: $v"
v=$(lite old.db "SELECT heading FROM fact WHERE source = 'clean/tiny.txt' AND currency = 'JPY'")
[ "$v" = "$tiny_heading" ] || bad "the heading with quotes and a backslash: '$v'"
v=$(lite old.db "SELECT sum, count(*) FROM amount WHERE sum IS NOT NULL GROUP BY sum ORDER BY sum" | tr '\n' ' ')
case $v in "mismatch|"[1-9]*" ok|"[1-9]*) ;; *) bad "sum: $v (expected both ok and mismatch)" ;; esac
# fact shows the new columns; the table is laid out as in a new database
v=$(lite old.db "SELECT group_concat(name, ' ') FROM pragma_table_info('fact')")
case $v in "source sha256 document_id "*" caption minor_exp sum col heading") ;; *) bad "fact: $v" ;; esac
a=$(lite old.db "SELECT group_concat(name || ' ' || type, ', ') FROM pragma_table_info('amount')")
b=$(lite fresh.db "SELECT group_concat(name || ' ' || type, ', ') FROM pragma_table_info('amount')")
[ "$a" = "$b" ] || bad "amount migrated: $a; new: $b"
v=$(lite old.db "SELECT count(*) FROM my_sek WHERE source = '$old_doc'")
[ "$v" = 1 ] || bad "the user's view over fact: $v rows of the old document"
# and once migrated, a load changes nothing
dump_lite old.db >before.txt
"$belopp" load --quiet old.db clean 2>err.txt || bad "the second load: exit status $?"
dump_lite old.db >after.txt
cmp -s before.txt after.txt || bad "the second load changed the database"
# README: to fill the new columns of old documents, delete them, load again
lite old.db "PRAGMA foreign_keys = ON;
  DELETE FROM document WHERE id IN (SELECT document_id FROM amount WHERE minor_exp IS NULL)"
"$belopp" load --quiet old.db clean 2>err.txt || bad "the load after the delete: exit status $?"
got=$(lite_vs_csv old.db clean.csv)
[ "$got" = "$nclean $nclean" ] || bad "after the delete and a load: $(echo "$got" | head -4 | tr '\n' '|') (expected $nclean $nclean)"
case_end

case_start sqlite-newer-refused
# A database of a newer schema version: refused, exit 4, not a byte written
# (not even the switch to WAL).
rm -f newer.db
lite newer.db <"$here/../schema/belopp.sqlite.sql" && lite newer.db "$old_rows PRAGMA user_version = 3" || bad "the newer database could not be made"
sum0=$(sha256sum newer.db)
"$belopp" load newer.db clean >out.txt 2>err.txt
st=$?
[ "$st" = 4 ] || bad "exit status $st, expected 4"
grep -q '^belopp: newer.db: the database has belopp schema version 3, newer than this belopp (.*) knows (2); nothing was written' err.txt ||
  bad "message: $(head -c 300 err.txt)"
[ "$(sha256sum newer.db)" = "$sum0" ] || bad "the file changed"
[ ! -e newer.db-wal ] || bad "a WAL file appeared"
[ "$(lite newer.db 'PRAGMA journal_mode')" = delete ] || bad "journal_mode changed"
case_end

if [ "${DB_SKIP_POSTGRES:-0}" = 1 ]; then
  echo "db: PostgreSQL cases skipped (DB_SKIP_POSTGRES=1)"
else
# --- PostgreSQL -----------------------------------------------------------
pg_start || { echo "db: no PostgreSQL server" >&2; exit 1; }
q() { psql -X -q -A -t -v ON_ERROR_STOP=1 -h "$pgdir" -U "$pguser" -d "${DB:-postgres}" "$@"; }
for d in figures shards single kill dropped; do q -c "CREATE DATABASE $d"; done
# pg_check DB EXPECTED.CSV — like lite_check
pg_check() {
  DB=$1 q <<EOF
CREATE TEMP TABLE expected (source text, n bigint);
\\copy expected FROM '$2' WITH (FORMAT csv)
SELECT 'duplicate ' || source FROM document GROUP BY source HAVING count(*) > 1;
SELECT 'partial ' || d.source || ' ' || (SELECT count(*) FROM amount a WHERE a.document_id = d.id) || ' of ' || e.n
  FROM document d JOIN expected e ON e.source = d.source
  WHERE (SELECT count(*) FROM amount a WHERE a.document_id = d.id) <> e.n;
SELECT 'unexpected ' || source FROM document WHERE source NOT IN (SELECT source FROM expected);
SELECT (SELECT count(*) FROM document) || ' ' || (SELECT count(*) FROM amount);
EOF
}
dump_pg() { DB=$1 q -c 'SELECT * FROM document ORDER BY id' -c 'SELECT * FROM amount ORDER BY document_id, start_byte, end_byte'; }
pgc() { pg_conn "$1"; }

case_start pg-load
"$belopp" load --quiet "$(pgc figures)" small 2>err.txt
st=$?
[ "$st" -le 1 ] || bad "exit status $st: $(head -c 300 err.txt)"
got=$(pg_check figures small.csv)
[ "$got" = "$nsmall $asmall" ] || bad "check: $(echo "$got" | head -5 | tr '\n' '|') (expected $nsmall $asmall)"
v=$(DB=figures q -c "SELECT ore FROM fact WHERE source = 'small/000_6558cce49af33d4a.txt' AND text = '6,8 miljarder kronor'")
[ "$v" = 680000000000 ] || bad "6,8 miljarder kronor: '$v'"
v=$(DB=figures q -c "SELECT count(*) FROM amount WHERE label = 'Stockholm' AND ore = 211100000000")
[ "$v" -ge 1 ] || bad "the cell Stockholm 2 111 is missing"
v=$(DB=figures q -c "SELECT data_type FROM information_schema.columns WHERE table_name = 'amount' AND column_name IN ('ore', 'ore_low', 'ore_high', 'minor', 'minor_low', 'minor_high', 'start_byte', 'repeats')" | sort -u | tr '\n' ' ')
[ "$v" = "bigint " ] || bad "money columns: $v"
# Both engines hold the same rows (but for ids and times).
cols="d.source, d.sha256, d.bytes, d.belopp_version, a.start_byte, a.end_byte, a.line, a.kind, a.currency, a.ore, a.ore_low, a.ore_high, a.minor, a.minor_low, a.minor_high, a.qualifier, a.per, a.repeats, a.text, a.context, a.label, a.column_title, a.caption, a.minor_exp, a.sum, a.col, a.heading"
order="ORDER BY d.source, a.start_byte, a.end_byte"
rm -f same.db
"$belopp" load --quiet same.db small 2>/dev/null
lite same.db "SELECT $cols FROM amount a JOIN document d ON d.id = a.document_id $order" >lite.txt
DB=figures q -c "SELECT $cols FROM amount a JOIN document d ON d.id = a.document_id $order" >pg.txt
cmp -s lite.txt pg.txt || bad "SQLite and PostgreSQL rows differ: $(diff lite.txt pg.txt | head -3 | tr '\n' '|')"
case_end

case_start readme-queries-postgres
# The README's first two queries, as they are, on the corpus loaded into PostgreSQL.
DB=figures q -c "CREATE DATABASE readme" 2>/dev/null
(cd r && "$belopp" load --quiet "$(pg_conn readme)" corpus/ 2>/dev/null)
for k in 1 2; do
  DB=readme q -F '|' <query$k.sql >pg$k.txt 2>&1 || bad "query $k failed: $(head -c 200 pg$k.txt)"
  sort out$k.txt >l.sorted
  sort pg$k.txt >p.sorted
  cmp -s l.sorted p.sorted || bad "query $k: PostgreSQL and SQLite differ: $(diff l.sorted p.sorted | head -4 | tr '\n' '|')"
done
case_end

case_start pg-idempotent
dump_pg figures >before.txt
"$belopp" load "$(pgc figures)" small 2>err.txt
dump_pg figures >after.txt
cmp -s before.txt after.txt || bad "the database changed on a reload"
grep -q ", $nsmall unchanged, 0 loaded$" err.txt || bad "summary: $(tail -1 err.txt)"
case_end

case_start pg-force
DB=figures q -c 'SELECT * FROM amount ORDER BY document_id, start_byte, end_byte' >before.txt
DB=figures q -c "UPDATE amount SET heading = NULL, ore = 1 WHERE kind = 'prose'"
"$belopp" load --force "$(pgc figures)" small 2>err.txt
DB=figures q -c 'SELECT * FROM amount ORDER BY document_id, start_byte, end_byte' >after.txt
cmp -s before.txt after.txt || bad "the rows were not replaced: $(diff before.txt after.txt | head -3 | tr '\n' '|')"
grep -q ", $nsmall loaded$" err.txt || bad "summary: $(tail -1 err.txt)"
case_end

case_start pg-changed-replaced
id=$(DB=figures q -c "SELECT id FROM document WHERE source = 'small/form-ranges.txt'")
printf '\nExtra: 45 mkr till vården.\n' >>small/form-ranges.txt
expected small >small.csv
asmall=$(awk -F, '{ s += $2 } END { print s }' small.csv)
"$belopp" load --quiet "$(pgc figures)" small 2>err.txt
got=$(pg_check figures small.csv)
[ "$got" = "$nsmall $asmall" ] || bad "check: $(echo "$got" | head -5 | tr '\n' '|') (expected $nsmall $asmall)"
v=$(DB=figures q -c "SELECT id || ' ' || sha256 FROM document WHERE source = 'small/form-ranges.txt'")
[ "$v" = "$id $(sha256sum small/form-ranges.txt | cut -d' ' -f1)" ] || bad "document row: '$v' (id was $id)"
case_end

case_start pg-4-concurrent
for k in 1 2 3 4; do
  "$belopp" load --quiet --jobs 1 "$(pgc single)" big 2>e$k.txt &
  eval p$k=$!
done
sts=""
for k in 1 2 3 4; do eval wait \$p$k; sts="$sts$?"; done
[ "$sts" = 0000 ] || bad "exit statuses $sts: $(head -c 300 e1.txt e2.txt e3.txt e4.txt)"
got=$(pg_check single big.csv)
[ "$got" = "$nbig $abig" ] || bad "check: $(echo "$got" | head -5 | tr '\n' '|') (expected $nbig $abig)"
case_end

case_start pg-shards-parallel
# 4 shards at once with GNU parallel into one database = the single run above.
parallel -j4 "'$belopp' load --quiet --jobs 1 --shard {}/4 '$(pgc shards)' big 2>shard{}.err" ::: 0 1 2 3
st=$?
[ "$st" = 0 ] || bad "parallel exit status $st: $(head -c 300 shard*.err)"
got=$(pg_check shards big.csv)
[ "$got" = "$nbig $abig" ] || bad "check: $(echo "$got" | head -5 | tr '\n' '|') (expected $nbig $abig)"
sel="SELECT d.source, d.sha256, a.start_byte, a.ore, a.text FROM amount a JOIN document d ON d.id = a.document_id ORDER BY 1, 3"
DB=shards q -c "$sel" >shards.txt
DB=single q -c "$sel" >single.txt
cmp -s shards.txt single.txt || bad "the union of the shards differs from one run"
# every shard took some files, and no file twice
for k in 0 1 2 3; do
  "$belopp" extract --shard $k/4 --quiet big 2>/dev/null | grep -o '<document source="[^"]*"' >s$k.txt
  [ -s s$k.txt ] || bad "shard $k is empty"
done
[ "$(cat s0.txt s1.txt s2.txt s3.txt | sort | uniq -d | wc -l)" = 0 ] || bad "a file in two shards"
[ "$(cat s0.txt s1.txt s2.txt s3.txt | wc -l)" = "$nbig" ] || bad "the shards have $(cat s?.txt | wc -l) files of $nbig"
case_end

case_start pg-sigkill
t0=$(date +%s%N)
"$belopp" load --quiet --jobs 2 "$(pgc kill)" big 2>/dev/null
ms=$(( ($(date +%s%N) - t0) / 1000000 ))
partial=0
for i in 1 2 3 4 5; do
  DB=kill q -c 'TRUNCATE document, amount'
  "$belopp" load --quiet --jobs 2 "$(pgc kill)" big 2>/dev/null &
  pid=$!
  sleep "$(awk -v ms="$ms" -v s="$i$RANDOM" 'BEGIN { srand(s); printf "%.3f", (0.1 + rand() * 0.8) * ms / 1000 }')"
  kill -9 $pid 2>/dev/null
  wait $pid 2>/dev/null
  got=$(pg_check kill big.csv)
  echo "$got" | grep -q '^[a-z]' && bad "after SIGKILL $i: $(echo "$got" | head -3 | tr '\n' '|')"
  n=${got##*$'\n'}
  [ "${n%% *}" -lt "$nbig" ] && partial=$((partial + 1))
  "$belopp" load --quiet --jobs 2 "$(pgc kill)" big 2>/dev/null
  got=$(pg_check kill big.csv)
  [ "$got" = "$nbig $abig" ] || bad "re-run after SIGKILL $i: $(echo "$got" | head -3 | tr '\n' '|')"
done
echo "  ($partial of 5 kills stopped a load midway)"
[ $partial -ge 1 ] || bad "no kill hit a load midway"
case_end

case_start pg-connection-dropped
"$belopp" load --jobs 2 "$(pgc dropped)" big >/dev/null 2>err.txt &
pid=$!
# once the first batch is in (of 15), end every other backend of the
# database, as a failing server or network would
for i in $(seq 200); do
  [ "$(DB=dropped q -c 'SELECT count(*) FROM document' 2>/dev/null)" -gt 0 ] 2>/dev/null && break
  sleep 0.02
done
DB=dropped q -c "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = 'dropped' AND pid <> pg_backend_pid()" >/dev/null
wait $pid
st=$?
[ "$st" = 4 ] || bad "exit status $st, expected 4"
grep -Eq '^belopp: big/[0-9]/[0-9]+\.txt.*: the connection to PostgreSQL was lost: ' err.txt ||
  bad "no error naming the document: $(head -c 300 err.txt | tr '\n' '|')"
got=$(pg_check dropped big.csv)
echo "$got" | grep -q '^[a-z]' && bad "half-loaded: $(echo "$got" | head -3 | tr '\n' '|')"
"$belopp" load --quiet "$(pgc dropped)" big 2>err.txt
got=$(pg_check dropped big.csv)
[ "$got" = "$nbig $abig" ] || bad "the next run: $(echo "$got" | head -3 | tr '\n' '|')"
case_end

# --- Schema versions (PostgreSQL) -------------------------------------------
# pg_vs_csv DB CSV [SOURCE] — like lite_vs_csv; PostgreSQL's CSV tells NULL
# (an empty field) from the empty string ("").
pg_vs_csv() {
  DB=$1 q <<EOF
CREATE TEMP TABLE c ($(echo "$csvcols" | sed 's/,/ text,/g') text);
\\copy c FROM '$2' WITH (FORMAT csv, HEADER)
DELETE FROM c WHERE source = '${3:-}';
CREATE TEMP VIEW a AS SELECT d.source, a.* FROM amount a JOIN document d ON d.id = a.document_id
  WHERE d.source IN (SELECT source FROM c);
SELECT 'differs ' || c.source || ' ' || c.start_byte || ': ' || concat_ws(' ', quote_nullable(a.heading),
       quote_nullable(a.col), quote_nullable(a.minor_exp), quote_nullable(a.sum)) || ', csv '
       || concat_ws(' ', quote_nullable(c.heading), c.col, c.minor_exp, quote_nullable(c.sum))
  FROM c LEFT JOIN a ON a.source = c.source AND a.start_byte = c.start_byte::bigint
                    AND a.end_byte = c.end_byte::bigint
  WHERE a.source IS NULL OR a.text IS DISTINCT FROM c.text OR a.heading IS DISTINCT FROM c.heading
     OR a.col IS DISTINCT FROM c.col::bigint OR a.minor_exp IS DISTINCT FROM c.minor_exp::integer
     OR a.sum IS DISTINCT FROM c.sum;
SELECT (SELECT count(*) FROM c) || ' ' || (SELECT count(*) FROM a);
EOF
}
pg_layout() { DB=$1 q -c "SELECT string_agg(column_name || ' ' || data_type, ', ' ORDER BY ordinal_position) FROM information_schema.columns WHERE table_schema = 'public' AND table_name = '$2'"; }

case_start pg-schema-version
v=$(DB=figures q -c "SELECT string_agg(version::text, ' ') FROM belopp_schema")
[ "$v" = 2 ] || bad "belopp_schema in a new database: '$v', expected 2"
q -c "CREATE DATABASE fresh"
"$belopp" load --quiet "$(pgc fresh)" clean 2>err.txt || bad "exit status $?: $(head -c 300 err.txt)"
got=$(pg_vs_csv fresh clean.csv)
[ "$got" = "$nclean $nclean" ] || bad "against the CSV: $(echo "$got" | head -4 | tr '\n' '|') (expected $nclean $nclean)"
case_end

case_start pg-migrate-v1-concurrent
# Old databases (tests/schema-v1.postgres.sql, a document put in by hand, a
# view of the user's over fact), each loaded by two loaders started at once:
# both succeed, one migrates, the other finds the new version.
for round in 1 2 3; do
  old=old$round
  DB=postgres q -c "CREATE DATABASE $old"
  { DB=$old q <"$here/schema-v1.postgres.sql" && DB=$old q -c "$old_rows"; } >/dev/null 2>err.txt ||
    bad "round $round: the old database could not be made: $(head -c 200 err.txt)"
  DB=$old q -c "SELECT * FROM document" -c "SELECT $old_cols FROM amount ORDER BY start_byte" >old-before.txt
  # In round 1 a session holds amount locked while both loaders start, so
  # that both are in their migration at once, whatever the timing.
  hold=""
  if [ $round = 1 ]; then
    DB=$old q -c "BEGIN" -c "LOCK TABLE amount IN ACCESS EXCLUSIVE MODE" -c "SELECT pg_sleep(1.5)" -c "COMMIT" >/dev/null &
    hold=$!
    sleep 0.3
  fi
  "$belopp" load --quiet --jobs 1 "$(pgc $old)" clean 2>e1.txt &
  p1=$!
  "$belopp" load --quiet --jobs 1 "$(pgc $old)" clean 2>e2.txt &
  p2=$!
  if [ -n "$hold" ]; then
    sleep 0.5
    v=$(DB=$old q -c "SELECT count(*) FROM pg_stat_activity WHERE datname = '$old' AND wait_event_type = 'Lock'")
    [ "$v" = 2 ] || bad "round 1: $v loaders waiting for a lock, expected 2"
    wait $hold
  fi
  wait $p1; s1=$?
  wait $p2; s2=$?
  [ "$s1 $s2" = "0 0" ] || bad "round $round: exit statuses $s1 $s2: $(head -c 300 e1.txt e2.txt | tr '\n' '|')"
  v=$(DB=$old q -c "SELECT string_agg(version::text, ' ') FROM belopp_schema")
  [ "$v" = 2 ] || bad "round $round: belopp_schema '$v', expected 2"
  DB=$old q -c "SELECT * FROM document WHERE id = $old_id" -c "SELECT $old_cols FROM amount WHERE document_id = $old_id ORDER BY start_byte" >old-after.txt
  cmp -s old-before.txt old-after.txt || bad "round $round: the old rows changed: $(diff old-before.txt old-after.txt | head -3 | tr '\n' '|')"
  v=$(DB=$old q -c "SELECT count(*) FROM amount WHERE document_id = $old_id AND minor_exp IS NULL AND sum IS NULL AND col IS NULL AND heading IS NULL")
  [ "$v" = 2 ] || bad "round $round: $v old rows with the new columns NULL, expected 2"
  got=$(pg_vs_csv $old clean.csv "$old_doc")
  [ "$got" = "$nclean_new $nclean_new" ] || bad "round $round: against the CSV: $(echo "$got" | head -4 | tr '\n' '|') (expected $nclean_new $nclean_new)"
  got=$(DB=$old q -c "SELECT (SELECT count(*) FROM document) || ' ' || (SELECT count(*) FROM amount)")
  [ "$got" = "$nclean_docs $((nclean_new + 2))" ] || bad "round $round: documents and amounts: $got, expected $nclean_docs $((nclean_new + 2))"
done
v=$(DB=$old q -c "SELECT currency || ' ' || minor_exp || ' ' || minor FROM fact WHERE currency IN ('JPY', 'KWD') ORDER BY source, start_byte" | tr '\n' ',')
[ "$v" = "JPY 0 1200,JPY 0 180,KWD 3 1250500,JPY 0 3000," ] || bad "yen and dinar: $v"
v=$(DB=$old q -c "SELECT heading FROM fact WHERE source = 'clean/tiny.txt' AND currency = 'JPY'")
[ "$v" = "$tiny_heading" ] || bad "the heading with quotes and a backslash: '$v'"
v=$(DB=$old q -F '|' -c "SELECT sum, count(*) FROM amount WHERE sum IS NOT NULL GROUP BY sum ORDER BY sum" | tr '\n' ' ')
case $v in "mismatch|"[1-9]*" ok|"[1-9]*) ;; *) bad "sum: $v (expected both ok and mismatch)" ;; esac
a=$(pg_layout $old fact)
case $a in "source text, sha256 text, document_id bigint, "*", caption text, minor_exp integer, sum text, col bigint, heading text") ;;
  *) bad "fact: $a" ;; esac
b=$(pg_layout fresh fact)
[ "$a" = "$b" ] || bad "fact migrated: $a; new: $b"
a=$(pg_layout $old amount)
b=$(pg_layout fresh amount)
[ "$a" = "$b" ] || bad "amount migrated: $a; new: $b"
v=$(DB=$old q -c "SELECT count(*) FROM my_sek WHERE source = '$old_doc'")
[ "$v" = 1 ] || bad "the user's view over fact: '$v' rows of the old document"
# README: to fill the new columns of old documents, delete them, load again
DB=$old q -c "DELETE FROM document WHERE id IN (SELECT document_id FROM amount WHERE minor_exp IS NULL)"
"$belopp" load --quiet "$(pgc $old)" clean 2>err.txt || bad "the load after the delete: exit status $?"
got=$(pg_vs_csv $old clean.csv)
[ "$got" = "$nclean $nclean" ] || bad "after the delete and a load: $(echo "$got" | head -4 | tr '\n' '|') (expected $nclean $nclean)"
case_end

case_start pg-newer-refused
DB=postgres q -c "CREATE DATABASE newer"
"$belopp" load --quiet "$(pgc newer)" clean/tiny.txt 2>err.txt || bad "the first load: exit status $?"
DB=newer q -c "UPDATE belopp_schema SET version = 3"
dump_pg newer >before.txt
pg_layout newer amount >>before.txt
"$belopp" load "$(pgc newer)" clean >out.txt 2>err.txt
st=$?
[ "$st" = 4 ] || bad "exit status $st, expected 4"
grep -q '^belopp: the PostgreSQL database has belopp schema version 3, newer than this belopp (.*) knows (2); nothing was written' err.txt ||
  bad "message: $(head -c 300 err.txt)"
dump_pg newer >after.txt
pg_layout newer amount >>after.txt
cmp -s before.txt after.txt || bad "the database changed"
case_end

case_start pg-login-refused
"$belopp" load "host=$pgdir user=intruder dbname=postgres" small >/dev/null 2>err.txt
st=$?
[ "$st" = 4 ] || bad "exit status $st, expected 4"
grep -q '^belopp: cannot connect to PostgreSQL: .*pg_hba.conf rejects connection .*"intruder"' err.txt ||
  bad "message: $(head -c 300 err.txt)"
case_end

case_start pg-server-down
pg_ctl_ -m fast -w stop >/dev/null
"$belopp" load "$(pgc figures)" small >/dev/null 2>err.txt
st=$?
[ "$st" = 4 ] || bad "exit status $st, expected 4"
grep -q "^belopp: cannot connect to PostgreSQL: connection to server on socket \"$pgdir/.s.PGSQL.5432\" failed: No such file or directory" err.txt ||
  bad "message: $(head -c 300 err.txt)"
pg_up || bad "restart failed"
case_end
fi

cases_summary db
