#!/bin/bash
# batch.sh BELOPP VALIDATE — `belopp extract` over many files: the walk,
# --jobs, -o and --out-dir written atomically (SIGKILL at random moments),
# SIGINT/SIGTERM, the progress line on a real terminal (script(1) gives the
# run a pty) and the summary.  Inputs are copies of corpus/ made in a scratch
# directory removed at the end.  One line per case, "ok NAME" or
# "FAIL NAME: why", then "batch: N passed, M failed".
# Run from the repository root (make check does).
set -u
export LC_ALL=C

if [ $# -ne 2 ]; then
  echo "usage: tests/batch.sh BELOPP VALIDATE" >&2
  exit 2
fi
belopp=$1
validate=$2
case $belopp in /*) ;; */*) belopp=$PWD/$belopp ;; *) belopp=$PWD/$belopp ;; esac
case $validate in /*) ;; */*) validate=$PWD/$validate ;; *) validate=$PWD/$validate ;; esac
schema=$PWD/schema/belopp.xsd
corpus=$PWD/corpus
for f in "$belopp" "$validate" "$schema"; do
  [ -f "$f" ] || { echo "batch: $f not found (run from the repository root after make)" >&2; exit 2; }
done
command -v script >/dev/null || { echo "batch: script(1) is missing (Debian bsdutils)" >&2; exit 2; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/batch.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM
here=$(cd "$(dirname "$0")" && pwd) || exit 2
cd "$tmp" || exit 2

. "$here/cases.sh"
# count FIXED FILE — lines of FILE containing FIXED
count() { grep -cF -- "$1" "$2"; }
sources() { grep -o '<document source="[^"]*"' "$1" | sed 's/<document source="//; s/"$//'; }

# A tree of N copies of the corpus texts: tree DIR N
# The texts that give no diagnostic (so that stderr holds only what is tested).
clean=()
for f in "$corpus"/*.txt; do
  "$belopp" extract --quiet "$f" >/dev/null 2>clean.err && [ ! -s clean.err ] && clean+=("$f")
done
[ ${#clean[@]} -ge 10 ] || { echo "batch: only ${#clean[@]} corpus texts give no diagnostic" >&2; exit 1; }
# tree DIR N — N files cycling through the clean texts, byte for byte (bash
# built-ins: 3000 cp processes take seconds).
texts=()
for f in "${clean[@]}"; do c=$(cat "$f"; printf x); texts+=("${c%x}"); done
tree() {
  local i
  for i in 0 1 2 3 4 5 6; do mkdir -p "$1/$i"; done
  for ((i = 0; i < $2; i++)); do
    printf -v f '%s/%d/%05d.txt' "$1" $((i % 7)) $i
    printf '%s' "${texts[i % ${#texts[@]}]}" >"$f"
  done
}

# --- the walk ------------------------------------------------------------
case_start walk-order
mkdir -p w/a w/.hidden-dir
cp "$corpus/000_6558cce49af33d4a.txt" w/a.txt
cp "$corpus/001_4091f3c9639aa7ee.txt" w/a-b.txt
cp "$corpus/002_d4fa4288f3c7e7c0.txt" w/B.txt
cp "$corpus/003_56b4e5d8e1d56c75.txt" w/a/x.txt
cp "$corpus/form-html-table.html" w/a/t.html
cp "$corpus/form-kronor-ore.txt" w/.hidden.txt
cp "$corpus/form-kronor-ore.txt" w/.hidden-dir/h.txt
echo "notes" > w/notes.md
echo "data" > w/data.csv
ln -s a.txt w/link.txt
ln -s a w/linkdir
"$belopp" extract --jobs 2 w >out.xml 2>err.txt
st=$?
[ "$st" = 0 ] || bad "exit status $st: $(head -c 300 err.txt)"
"$validate" "$schema" out.xml 2>/dev/null || bad "output does not pass the schema"
# Byte order of the whole path: '-' (2d) < '.' (2e) < '/' (2f) < 'B' < 'a'.
got=$(sources out.xml | tr '\n' ' ')
want="w/B.txt w/a-b.txt w/a.txt w/a/t.html w/a/x.txt "
[ "$got" = "$want" ] || bad "order '$got', expected '$want'"
[ "$(count 'symbolic link not followed' err.txt)" = 2 ] || bad "not 2 symlink notices: $(tr '\n' '|' <err.txt)"
grep -q 'w/link.txt: symbolic link not followed' err.txt || bad "w/link.txt not named"
grep -Eq '^belopp: 5 files, [0-9]+ amounts, 6 skipped \(2 by name, 2 hidden, 2 links\), 0 errors, [0-9.]+ s$' err.txt ||
  bad "summary: $(tail -1 err.txt)"
# The amounts of the walked files are those of the same files one by one.
for f in w/B.txt w/a-b.txt w/a.txt w/a/t.html w/a/x.txt; do
  "$belopp" extract --quiet "$f" >one.xml 2>/dev/null
  a=$(sed -n "\\|<document source=\"$f\"|,\\|</document>|p" out.xml | grep -c '<amount ')
  b=$(grep -c '<amount ' one.xml)
  [ "$a" = "$b" ] && [ "$b" -gt 0 ] || bad "$f: $a amounts in the batch, $b alone"
done
case_end

case_start walk-include
"$belopp" extract --quiet --include '*.md' --include 'data.*' w >out.xml 2>err.txt
got=$(sources out.xml | tr '\n' ' ')
want="w/B.txt w/a-b.txt w/a.txt w/a/t.html w/a/x.txt w/data.csv w/notes.md "
[ "$got" = "$want" ] || bad "order '$got', expected '$want'"
[ -s err.txt ] && bad "--quiet, yet stderr: $(head -c 200 err.txt)"
case_end

case_start walk-real-values
# README: corpus/000 has "6,8 miljarder kronor" = 680000000000 öre.
grep -q 'ore="680000000000"' out.xml || bad "6,8 miljarder kronor (680000000000) missing"
case_end

case_start unreadable-goes-on
cp "$corpus/000_6558cce49af33d4a.txt" ok.txt
"$belopp" extract ok.txt missing.txt ok.txt >out.xml 2>err.txt
st=$?
[ "$st" = 1 ] || bad "exit status $st, expected 1"
grep -q '^belopp: missing.txt: cannot open: No such file or directory$' err.txt || bad "no read error: $(tr '\n' '|' <err.txt)"
[ "$(sources out.xml | tr '\n' ' ')" = "ok.txt ok.txt " ] || bad "documents: $(sources out.xml | tr '\n' ' ')"
grep -Eq '^belopp: 3 files, [0-9]+ amounts, 0 skipped, 1 errors, ' err.txt || bad "summary: $(tail -1 err.txt)"
case_end

# --- --jobs ----------------------------------------------------------------
tree big 2000
for fmt in xml csv jsonl; do
  case_start "jobs-identical-$fmt"
  "$belopp" extract --quiet --format "$fmt" --jobs 1 big >j1 2>e1
  s1=$?
  "$belopp" extract --quiet --format "$fmt" --jobs 2 big >j2 2>e2
  s2=$?
  "$belopp" extract --quiet --format "$fmt" --jobs 7 big >j7 2>e7
  s7=$?
  [ "$s1" = "$s2" ] && [ "$s1" = "$s7" ] || bad "exit statuses $s1 $s2 $s7"
  cmp -s j1 j2 || bad "--jobs 2 output differs from --jobs 1"
  cmp -s j1 j7 || bad "--jobs 7 output differs from --jobs 1"
  cmp -s e1 e2 || bad "--jobs 2 stderr differs from --jobs 1"
  [ "$(wc -c <j1)" -gt 100000 ] || bad "output only $(wc -c <j1) bytes"
  [ "$fmt" = xml ] && { "$validate" "$schema" j1 2>/dev/null || bad "output does not pass the schema"; }
  case_end
done
cp j1 /dev/null
"$belopp" extract --quiet --jobs 2 big >big.xml 2>/dev/null
ndocs=$(find big -type f | wc -l)

case_start jobs-all-documents
[ "$(grep -c '<document ' big.xml)" = "$ndocs" ] || bad "$(grep -c '<document ' big.xml) documents, expected $ndocs"
case_end

# --- -o FILE, atomic --------------------------------------------------------
case_start output-atomic-sigkill
echo "old contents" >old.txt
cp old.txt o.xml
t0=$(date +%s%N)
"$belopp" extract --quiet --jobs 2 -o ref.xml big 2>/dev/null
t1=$(date +%s%N)
cmp -s ref.xml big.xml || bad "-o output differs from stdout"
ms=$(( (t1 - t0) / 1000000 + 50 ))
seen_old=0 seen_new=0
for i in 1 2 3 4 5 6 7 8 9 10; do
  "$belopp" extract --quiet --jobs 2 -o o.xml big 2>/dev/null &
  pid=$!
  # a random moment in [0, 1.2 × the run)
  sleep "$(awk -v ms="$ms" -v s="$i$RANDOM" 'BEGIN { srand(s); printf "%.3f", rand() * ms * 1.2 / 1000 }')"
  kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  if cmp -s o.xml old.txt; then
    seen_old=$((seen_old + 1))
  elif cmp -s o.xml ref.xml; then
    seen_new=$((seen_new + 1))
    cp old.txt o.xml
  else
    bad "after SIGKILL $i o.xml is neither the old file nor a whole new one ($(wc -c <o.xml) bytes)"
    cp old.txt o.xml
  fi
done
echo "  (SIGKILL: $seen_old times the old file, $seen_new times the new one)"
[ $((seen_old + seen_new)) = 10 ] || bad "only $((seen_old + seen_new)) of 10 kills left a whole file"
# What a SIGKILL leaves: hidden temporary files, never taken for outputs.
echo "  ($(ls -A | grep -c '^\.o\.xml\.belopp-') temporary files left by SIGKILL)"
rm -f .o.xml.belopp-* .fresh.xml.belopp-*
# Without a previous file: absent, or whole.
rm -f fresh.xml
"$belopp" extract --quiet --jobs 2 -o fresh.xml big 2>/dev/null &
pid=$!
sleep 0.1
kill -9 "$pid" 2>/dev/null
wait "$pid" 2>/dev/null
if [ -e fresh.xml ]; then cmp -s fresh.xml ref.xml || bad "fresh.xml is a part of the output"; fi
case_end

# --- --out-dir --------------------------------------------------------------
case_start out-dir
"$belopp" extract --quiet --jobs 2 --out-dir od w >/dev/null 2>err.txt
st=$?
[ "$st" = 0 ] || bad "exit status $st"
for f in B.xml a-b.xml a.xml a/t.xml a/x.xml; do
  [ -f "od/$f" ] || { bad "od/$f missing"; continue; }
  "$validate" "$schema" "od/$f" 2>/dev/null || bad "od/$f does not pass the schema"
done
"$belopp" extract --quiet w/a/x.txt >one.xml 2>/dev/null
cmp -s one.xml od/a/x.xml || bad "od/a/x.xml differs from extracting w/a/x.txt alone"
[ "$(find od -name '*.xml' | wc -l)" = 5 ] || bad "$(find od -name '*.xml' | wc -l) outputs, expected 5"
case_end

case_start out-dir-collision
mkdir -p w2 && cp "$corpus/000_6558cce49af33d4a.txt" w2/a.txt && cp "$corpus/form-html-table.html" w2/a.html
"$belopp" extract --quiet --out-dir od2 w2 >/dev/null 2>err.txt
st=$?
[ "$st" = 2 ] || bad "exit status $st, expected 2"
grep -q 'two inputs would both write od2/a.xml' err.txt || bad "message: $(head -c 200 err.txt)"
[ -e od2/a.xml ] && bad "od2/a.xml written"
case_end

case_start out-dir-rerun-writes-nothing
cp od/.belopp-manifest manifest.before
touch -d '2001-01-01' od/*.xml od/a/*.xml od/.belopp-manifest
touch stamp
"$belopp" extract --jobs 2 --out-dir od w >/dev/null 2>err.txt
[ -z "$(find od -newer stamp)" ] || bad "rewritten: $(find od -newer stamp | tr '\n' ' ')"
grep -Eq '^belopp: 5 files, 0 amounts, .*, 5 unchanged$' err.txt || bad "summary: $(tail -1 err.txt)"
cmp -s manifest.before od/.belopp-manifest || bad "manifest changed"
case_end

case_start out-dir-changed-and-force
echo "Extra: 45 mkr till vården." >>w/a-b.txt
"$belopp" extract --jobs 2 --out-dir od w >/dev/null 2>err.txt
[ -z "$(find od -newer stamp -name '*.xml' ! -name a-b.xml)" ] || bad "other outputs rewritten"
[ od/a-b.xml -nt stamp ] || bad "od/a-b.xml not redone"
grep -q ', 4 unchanged$' err.txt || bad "summary: $(tail -1 err.txt)"
grep -q '4500000000' od/a-b.xml || bad "the new amount (45 mkr) is not in od/a-b.xml"
"$belopp" extract --jobs 2 --force --out-dir od w >/dev/null 2>err.txt
[ -z "$(find od -name '*.xml' ! -newer stamp)" ] || bad "--force left outputs: $(find od -name '*.xml' ! -newer stamp | tr '\n' ' ')"
grep -q 'unchanged' err.txt && bad "--force, yet: $(tail -1 err.txt)"
case_end

case_start out-dir-rerun-20000-reads-once
# The up-to-date check reads each input once (to hash it): strace counts the
# open(2) calls of inputs.  Smaller here (3000 files); the same code path.
"$belopp" extract --quiet --jobs 2 --out-dir ob big 2>/dev/null
if command -v strace >/dev/null; then
  strace -f -e trace=openat -o trace.txt "$belopp" extract --quiet --jobs 2 --out-dir ob big 2>/dev/null
  opens=$(grep 'big/.*O_RDONLY' trace.txt | grep -vc O_DIRECTORY)
  writes=$(grep -c 'O_WRONLY\|O_RDWR' trace.txt)
  [ "$opens" = "$ndocs" ] || bad "$opens opens of inputs for $ndocs files"
  [ "$writes" = 0 ] || bad "$writes files opened for writing"
else
  touch stamp2
  "$belopp" extract --quiet --jobs 2 --out-dir ob big 2>/dev/null
  [ -z "$(find ob -newer stamp2)" ] || bad "files rewritten"
fi
case_end

# --- signals --------------------------------------------------------------
for sig in INT TERM; do
  case_start "signal-$sig"
  want=130
  [ $sig = TERM ] && want=143
  rm -rf os
  "$belopp" extract --quiet --jobs 2 --out-dir os big >/dev/null 2>err.txt &
  pid=$!
  sleep 0.4
  kill -s $sig "$pid"
  wait "$pid"
  st=$?
  [ "$st" = "$want" ] || bad "exit status $st, expected $want"
  left=$(find os -name '.*.belopp-??????' | wc -l)
  [ "$left" = 0 ] || bad "$left temporary files left"
  n=$(find os -name '*.xml' | wc -l)
  [ "$n" -gt 0 ] && [ "$n" -lt "$ndocs" ] || bad "$n outputs after the signal (of $ndocs): not stopped midway"
  # every output there is whole
  for f in $(find os -name '*.xml' | head -50); do
    tail -1 "$f" | grep -q '</belopp>' || bad "$f is cut short"
  done
  # the re-run finishes the rest and keeps what is done
  "$belopp" extract --jobs 2 --out-dir os big >/dev/null 2>err2.txt
  grep -q ", $n unchanged$" err2.txt || bad "re-run: $(tail -1 err2.txt) (expected $n unchanged)"
  [ "$(find os -name '*.xml' | wc -l)" = "$ndocs" ] || bad "re-run did not finish"
  # -o: stopped, the temporary file is gone and nothing is written
  rm -f so.xml
  "$belopp" extract --quiet --jobs 2 -o so.xml big big big 2>/dev/null &
  pid=$!
  sleep "$(awk -v ms="$ms" 'BEGIN { printf "%.3f", ms / 2000 }')"
  kill -s $sig "$pid"
  wait "$pid"
  st=$?
  [ "$st" = "$want" ] || bad "-o: exit status $st, expected $want"
  [ -e so.xml ] && bad "-o: so.xml written after the signal"
  [ -z "$(ls -A | grep '^\.so\.xml\.belopp-')" ] || bad "-o: temporary files left: $(ls -A | grep '^\.so\.xml\.belopp-')"
  case_end
done

# --- progress and summary ---------------------------------------------------
case_start progress-on-a-tty
# script gives belopp a pty for stdin, stdout and stderr; stdout goes to a file.
script -qec "'$belopp' extract --jobs 2 -o tty.xml big" /dev/null >typescript.txt 2>&1
st=$?
[ "$st" = 0 ] || bad "exit status $st"
tr '\r' '\n' <typescript.txt >ts.txt
grep -Eq "^.\\[K[0-9]+/$ndocs files  [0-9.]+ MB/s  [0-9]+ amounts  ETA " ts.txt || bad "no progress line: $(head -c 300 ts.txt | od -c | head -5)"
grep -Eq "^.\\[K$ndocs/$ndocs files|^.\\[K0/$ndocs files" ts.txt || bad "no first or last frame"
# cleared at the end: the summary follows an erase, on a clean line
grep -Eq "^.\\[Kbelopp: $ndocs files, [0-9]+ amounts" ts.txt || bad "summary not after a cleared line: $(tail -c 300 ts.txt | od -c | tail -5)"
frames=$(grep -c 'ETA' ts.txt)
[ "$frames" -ge 1 ] || bad "$frames frames"
cmp -s tty.xml ref.xml || bad "output under a tty differs"
case_end

case_start progress-rate-limit
# at most 10 frames a second (plus the first and last)
script -qec "'$belopp' extract --jobs 1 -o tty.xml big big big" /dev/null >typescript.txt 2>&1
t=$(tr '\r' '\n' <typescript.txt | grep -o '[0-9.]* s$' | tail -1 | cut -d' ' -f1)
frames=$(tr '\r' '\n' <typescript.txt | grep -c 'ETA')
max=$(awk -v t="$t" 'BEGIN { printf "%d", t * 10 + 3 }')
[ "$frames" -le "$max" ] || bad "$frames frames in $t s"
case_end

case_start progress-quiet-on-a-tty
script -qec "'$belopp' extract --quiet --jobs 2 -o tty.xml big" /dev/null >typescript.txt 2>&1
[ -s typescript.txt ] && bad "--quiet on a tty wrote: $(head -c 200 typescript.txt | od -c | head -3)"
case_end

case_start no-progress-without-tty
"$belopp" extract --jobs 2 big >/dev/null 2>err.txt
grep -q "$(printf '\033')" err.txt && bad "escape sequences on a non-terminal stderr"
grep -q 'ETA' err.txt && bad "progress on a non-terminal stderr"
[ "$(wc -l <err.txt)" = 1 ] || bad "$(wc -l <err.txt) lines on stderr, expected the summary only"
grep -Eq "^belopp: $ndocs files, [1-9][0-9]* amounts, 0 skipped, 0 errors, [0-9.]+ s$" err.txt || bad "summary: $(cat err.txt)"
case_end

cases_summary batch
