#!/bin/bash
# shellcheck disable=SC2016
# (SC2016: the single-quoted $2, $3 + $4 below are awk column expressions.)
# bench.sh BELOPP RSS [STAGES] — belopp's throughput and memory (make bench).
#
# What it measures
#   (a) `belopp extract big.txt > /dev/null` (its chunks on as many threads
#       as cores, the default; and again with --jobs 1): one stream of
#       >= 100 MiB made by concatenating all of corpus/*.txt over and over
#       (each text followed by a blank line, so texts do not run into each
#       other).  Being one file,
#       it is sniffed as UTF-8 as a whole: a Latin-1 text in it gets U+FFFD
#       for its bad bytes (and belopp warns), where alone it would be read as
#       Windows-1252.
#   (b) `belopp extract small/00000.txt … small/19999.txt > /dev/null`: ONE
#       invocation over 20 000 small files, file i being corpus text
#       i mod (number of texts), byte for byte.  The names are passed as
#       arguments (no xargs); the script checks that they fit in ARG_MAX.  The
#       same over the first 2 000 files shows whether peak memory grows with
#       the number of files.
#   (c) THE REFERENCE (issue 11, fixed): the scan a user would write in five
#       minutes, exactly
#         pcre2grep -o -u '\d[\d \x{a0}\x{202f}]*(?:,\d+)?\s*(?:miljarder|miljard|
#           miljoner|miljon|mnkr|mdkr|mkr|tkr|kronor|kr)\b' big.txt > /dev/null
#       (one line in the script).  -u gives up on invalid UTF-8 ("Too many
#       errors"), so big.txt is built valid UTF-8: the one Latin-1 text of
#       corpus/ goes into it converted from Windows-1252 (iconv).  The
#       headline is belopp's wall time over this scan's, alternating runs,
#       median of the per-round ratios (and of the wall medians).  A separate
#       run counts its matches.
#   (c') the old reference, pcre2grep with belopp's own core pattern (`belopp
#       pattern`, -U, (*UCP)), is circular (issue 11) and only run while the
#       pattern fits pcre2grep's limit of 8192 bytes (it no longer does).
#   (e) memory on a 1 GiB stream: big.txt repeated to >= 1 GiB, written under
#       BENCH_DIR on the fly and deleted after one run (BENCH_GB=0 skips it).
#   (d) start-up: belopp (and pcre2grep) on an empty file.  The median
#       start-up is subtracted from every per-invocation time before MB/s and
#       amounts/s are computed ("net").
# How
#   Every command is started by the RSS helper (tests/rss.c: posix_spawn,
#   wait4), which reports the wall time (CLOCK_MONOTONIC), CPU time and peak
#   RSS (ru_maxrss) of that one child.  Each measurement is run BENCH_RUNS
#   times (default 5), interleaved round by round so that a noisy neighbour
#   hits all of them alike.  Reported: the MEDIAN wall time with min-max, the
#   median CPU time (user+sys, less disturbed by other load), and the largest
#   peak RSS.  The counting runs (one untimed run each) warm the page cache
#   first.  MB = 10^6 bytes.  The belopp/pcre2grep ratio is given from the
#   wall medians, as the median of the per-round ratios and from CPU time.
#   If STAGES (tests/bench_stages.c) is given, the pipeline's stages are
#   timed one by one on big.txt (median of min(BENCH_RUNS, 3) repeats).
#   BENCH_PROFILE=1 also runs valgrind --tool=callgrind on a ~5 MB sample of
#   whole texts and prints the top functions by instructions (~1 min more).
# The inputs are built once under build/bench/ (BENCH_DIR) and reused while
# corpus/*.txt and the sizes are unchanged (build/bench/stamp).  About 2
# minutes on 2 cores with the default 5 runs, plus ~15 s the first time.
set -eu
export LC_ALL=C

die() { echo "bench: $*" >&2; exit 1; }
[ $# -ge 2 ] || die "usage: tests/bench.sh BELOPP RSS [STAGES]"
withdir() { case $1 in */*) printf '%s' "$1" ;; *) printf './%s' "$1" ;; esac; }
belopp=$(withdir "$1")
rss=$(withdir "$2")
stages=${3:+$(withdir "$3")}
runs=${BENCH_RUNS:-5}
dir=${BENCH_DIR:-build/bench}
target=${BENCH_BYTES:-104857600} # 100 MiB
nfiles=20000
nfew=2000
case $runs in '' | *[!0-9]* | 0) die "BENCH_RUNS must be a positive integer" ;; esac
[ -x "$belopp" ] || die "$belopp: not executable"
[ -x "$rss" ] || die "$rss: not executable"
command -v pcre2grep >/dev/null || die "pcre2grep not found (Debian package pcre2-utils)"

# --- inputs ---------------------------------------------------------------

texts=(corpus/*.txt)
[ -f "${texts[0]}" ] || die "no corpus/*.txt"
ntexts=${#texts[@]}
key=$({ printf 'bench-inputs v2 %s %s\n' "$target" "$nfiles"; printf '%s\n' "${texts[@]}"
        cat "${texts[@]}"; } | sha256sum | cut -d' ' -f1)
mkdir -p "$dir"
if [ "$(cat "$dir/stamp" 2>/dev/null)" != "$key" ] || [ ! -f "$dir/big.txt" ] ||
   [ ! -d "$dir/small" ]; then
  echo "bench: building inputs in $dir/ (once)" >&2
  rm -rf "$dir/stamp" "$dir/big.txt" "$dir/small" "$dir/small.tmp" "$dir"/*.tmp
  # One round: every text, then a blank line.
  # (valid UTF-8 throughout, for the reference's -u: a Latin-1 text is converted)
  for f in "${texts[@]}"; do
    if iconv -f UTF-8 -t UTF-8 "$f" >/dev/null 2>&1; then cat "$f"; else iconv -f WINDOWS-1252 -t UTF-8 "$f"; fi
    printf '\n\n'
  done >"$dir/round.tmp"
  for ((i = 0; i < 64; i++)); do cat "$dir/round.tmp"; done >"$dir/chunk.tmp"
  csize=$(wc -c <"$dir/chunk.tmp")
  for ((i = 0; i < (target + csize - 1) / csize; i++)); do cat "$dir/chunk.tmp"; done >"$dir/big.tmp"
  mv "$dir/big.tmp" "$dir/big.txt"
  # 20 000 files cycling through the texts, written by bash built-ins only.
  expect=0
  for ((k = 0; k < ntexts; k++)); do
    c=$(cat "${texts[k]}"; printf x)
    content[k]=${c%x}
    size[k]=$(wc -c <"${texts[k]}")
  done
  mkdir "$dir/small.tmp"
  for ((i = 0; i < nfiles; i++)); do
    printf -v name '%s/small.tmp/%05d.txt' "$dir" "$i"
    printf '%s' "${content[i % ntexts]}" >"$name"
    expect=$((expect + size[i % ntexts]))
  done
  got=$(cat "$dir"/small.tmp/*.txt | wc -c)
  [ "$got" = "$expect" ] || die "small files hold $got bytes, expected $expect"
  mv "$dir/small.tmp" "$dir/small"
  cp "$dir/round.tmp" "$dir/round.txt"
  rm -f "$dir"/*.tmp
  echo "$key" >"$dir/stamp"
fi
big=$dir/big.txt
empty=$dir/empty.txt
: >"$empty"
small=("$dir"/small/*.txt)
[ ${#small[@]} = "$nfiles" ] || die "$dir/small holds ${#small[@]} files, not $nfiles"
few=("${small[@]:0:nfew}")
bytes_big=$(wc -c <"$big")
bytes_small=$(cat "${small[@]}" | wc -c)
bytes_few=$(cat "${few[@]}" | wc -c)
rounds_big=$((bytes_big / $(wc -c <"$dir/round.txt")))
argbytes=$(( $(printf '%s\0' "$belopp" extract "${small[@]}" | wc -c) + 8 * (nfiles + 3) ))
envbytes=$(env | wc -c)
argmax=$(getconf ARG_MAX)
[ $((argbytes + envbytes + 4096)) -lt "$argmax" ] ||
  die "20000 file names ($argbytes bytes) do not fit in ARG_MAX ($argmax)"

pattern=$("$belopp" pattern)
pgrep=(pcre2grep -U -o -e "(*UCP)$pattern")
old_ref=1
[ "$(printf '%s' "(*UCP)$pattern" | wc -c)" -le 8192 ] || old_ref=0
# The fixed reference of issue 11: exactly this command.
ref=(pcre2grep -o -u '\d[\d \x{a0}\x{202f}]*(?:,\d+)?\s*(?:miljarder|miljard|miljoner|miljon|mnkr|mdkr|mkr|tkr|kronor|kr)\b')
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# --- counting runs (also warm the page cache) --------------------------------

echo "bench: counting (one untimed run each)" >&2
count_amounts() { # FILE... -> number of "<amount " in belopp's output
  set +e
  "$belopp" extract --quiet "$@" 2>"$tmp/count.err" | grep -o '<amount ' | wc -l
  local st=${PIPESTATUS[0]}
  set -e
  [ "$st" -le 1 ] || die "belopp extract exited $st: $(head -3 "$tmp/count.err")"
  [ -s "$tmp/count.err" ] && echo "bench: belopp wrote $(wc -l <"$tmp/count.err") diagnostics, e.g.: $(head -1 "$tmp/count.err")" >&2
  return 0
}
amounts_big=$(count_amounts "$big")
amounts_small=$(count_amounts "${small[@]}")
amounts_few=$(count_amounts "${few[@]}")
pmatches=-
if [ $old_ref = 1 ]; then
  set +e
  pmatches=$("${pgrep[@]}" "$big" 2>"$tmp/pgrep.err" | wc -l)
  st=${PIPESTATUS[0]}
  set -e
  [ "$st" -le 1 ] || die "pcre2grep exited $st: $(head -3 "$tmp/pgrep.err")"
fi
set +e
rmatches=$("${ref[@]}" "$big" 2>"$tmp/ref.err" | wc -l)
st=${PIPESTATUS[0]}
set -e
[ "$st" -le 1 ] && [ ! -s "$tmp/ref.err" ] || die "reference pcre2grep exited $st: $(head -3 "$tmp/ref.err")"

# --- timed runs, interleaved ---------------------------------------------------

run() { # LABEL COMMAND... : one timed run, appended to $tmp/LABEL
  local label=$1 line code
  shift
  line=$("$rss" -- "$@" 2>>"$tmp/$label.err") || die "$label: $(tail -1 "$tmp/$label.err")"
  code=${line##* }
  [ "$code" -le 1 ] || die "$label: exit status $code: $(tail -1 "$tmp/$label.err")"
  echo "$line" >>"$tmp/$label"
}
for ((r = 1; r <= runs; r++)); do
  echo "bench: round $r/$runs" >&2
  run start "$belopp" extract "$empty"
  run big "$belopp" extract "$big"
  run big1 "$belopp" extract --jobs 1 "$big"
  run rstart "${ref[@]}" "$empty"
  run ref "${ref[@]}" "$big"
  if [ $old_ref = 1 ]; then
    run pstart "${pgrep[@]}" "$empty"
    run pgrep "${pgrep[@]}" "$big"
  fi
  run many "$belopp" extract "${small[@]}"
  run few "$belopp" extract "${few[@]}"
done

# Columns: 1 peak RSS KiB, 2 wall s, 3 user s, 4 sys s, 5 exit status.
median() { awk "{print $2}" "$tmp/$1" | sort -g |
  awk '{v[NR] = $1} END {print NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
lo() { awk '{print $2}' "$tmp/$1" | sort -g | head -1; }
hi() { awk '{print $2}' "$tmp/$1" | sort -g | tail -1; }
peak() { awk 'NR == 1 || $1 > m {m = $1} END {print m}' "$tmp/$1"; }
calc() { awk "BEGIN {printf \"%.${1}f\", $2}"; }

t_start=$(median start '$2')
t_rstart=$(median rstart '$2')
net() { calc 4 "$(median "$1" '$2') - $2"; }
net_big=$(net big "$t_start")
net_big1=$(net big1 "$t_start")
net_many=$(net many "$t_start")
net_few=$(net few "$t_start")
net_ref=$(net ref "$t_rstart")
mbs() { calc 1 "$1 / 1e6 / $2"; }
mbs_big=$(mbs "$bytes_big" "$net_big")
med_of() { sort -g | awk '{v[NR] = $1} END {printf "%.2f", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
# belopp's time over the reference's: per round (the runs alternate), then the median
ref_round=$(paste -d' ' "$tmp/big" "$tmp/ref" | awk '{print $2 / $7}' | med_of)
ref_wall=$(calc 2 "$(median big '$2') / $(median ref '$2')")
ref_net=$(calc 2 "$net_big / $net_ref")
ref_cpu=$(calc 2 "($(median big '$3 + $4')) / ($(median ref '$3 + $4'))")
ref_round1=$(paste -d' ' "$tmp/big1" "$tmp/ref" | awk '{print $2 / $7}' | med_of)
ref_cpu1=$(calc 2 "($(median big1 '$3 + $4')) / ($(median ref '$3 + $4'))")
if [ $old_ref = 1 ]; then
  t_pstart=$(median pstart '$2')
  net_pgrep=$(net pgrep "$t_pstart")
  mbs_pgrep=$(mbs "$bytes_big" "$net_pgrep")
  ratio=$(calc 2 "$mbs_big / $mbs_pgrep")
  cpu_pgrep=$(calc 4 "$(median pgrep '$3 + $4') - $(median pstart '$3 + $4')")
  cpu_big=$(calc 4 "$(median big '$3 + $4') - $(median start '$3 + $4')")
  cpu_ratio=$(calc 2 "$cpu_pgrep / $cpu_big")
  round_ratio=$(paste -d' ' "$tmp/big" "$tmp/pgrep" |
    awk -v s="$t_start" -v p="$t_pstart" '{print ($7 - p) / ($2 - s)}' | med_of)
fi

# --- report --------------------------------------------------------------------

echo
echo "belopp bench: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); $runs runs each, interleaved"
echo "wall = median (min-max) s; cpu = median user+sys s; net = median wall - median start-up"
echo "of the same program; MB/s and amounts/s use net; MB = 10^6 bytes; peak = largest ru_maxrss"
printf 'big.txt: %.1f MB, %d rounds of %d texts.  small/: %d files, %.1f MB (first %d: %.1f MB)\n' \
  "$(calc 3 "$bytes_big / 1e6")" "$rounds_big" "$ntexts" "$nfiles" "$(calc 3 "$bytes_small / 1e6")" \
  "$nfew" "$(calc 3 "$bytes_few / 1e6")"
echo "$("$belopp" --version), core pattern $(printf '%s' "$pattern" | wc -c) bytes (sha256" \
  "$(printf '%s' "$pattern" | sha256sum | cut -c1-12)); $(pcre2grep -V)"
echo "reference: ${ref[*]:0:3} '${ref[3]}' $big > /dev/null"
echo
row() { # NAME LABEL NET BYTES AMOUNTS
  local mb="-" aps="-"
  if [ -n "$3" ]; then
    mb=$(mbs "$4" "$3")
    [ -n "$5" ] && aps=$(calc 0 "$5 / $3")
  fi
  printf '%-42s %7.3f (%.3f-%.3f) %7.3f %8s %7s %10s %9.1f\n' "$1" "$(median "$2" '$2')" \
    "$(lo "$2")" "$(hi "$2")" "$(median "$2" '$3 + $4')" "${3:--}" "$mb" "$aps" \
    "$(calc 1 "$(peak "$2") / 1024")"
}
printf '%-42s %23s %7s %8s %7s %10s %9s\n' "" "wall s" "cpu s" "net s" "MB/s" "amounts/s" "peak MiB"
row "(a) belopp extract big.txt ($(nproc) threads)" big "$net_big" "$bytes_big" "$amounts_big"
row "    belopp extract --jobs 1 big.txt" big1 "$net_big1" "$bytes_big" "$amounts_big"
row "(b) belopp extract small/* ($nfiles files)" many "$net_many" "$bytes_small" "$amounts_small"
row "    belopp extract first $nfew small files" few "$net_few" "$bytes_few" "$amounts_few"
row "(c) reference pcre2grep -o -u scan" ref "$net_ref" "$bytes_big" "$rmatches"
[ $old_ref = 1 ] && row "(c') pcre2grep, belopp's own pattern" pgrep "$net_pgrep" "$bytes_big" "$pmatches"
row "(d) belopp start-up (empty file)" start "" "" ""
row "    reference start-up (empty file)" rstart "" "" ""
[ $old_ref = 1 ] && row "    pcre2grep start-up (empty file)" pstart "" "" ""
echo "    (the amounts/s of (c) counts pcre2grep matches)"
echo
echo "amounts found (<amount  in one run's output): big.txt $amounts_big; small/* $amounts_small; first $nfew files $amounts_few"
echo "reference matches in big.txt: $rmatches"
echo "RATIO belopp / reference, wall time on big.txt: $ref_round (median of the per-round ratios);"
echo "  $ref_wall (wall medians); $ref_net (net of start-up); $ref_cpu (user+sys medians)"
echo "  on one thread (--jobs 1): $ref_round1 (median of the per-round ratios); $ref_cpu1 (user+sys)"
echo "belopp big.txt: $mbs_big MB/s, $(calc 0 "$amounts_big / $net_big") amounts/s (net)"
printf 'files/s, %d small files in one process: %.0f (net); %.0f (wall)\n' "$nfiles" \
  "$(calc 1 "$nfiles / $net_many")" "$(calc 1 "$nfiles / $(median many '$2')")"
if [ $old_ref = 1 ]; then
  echo "belopp (a) / pcre2grep with belopp's pattern (c') throughput: $ratio (net wall medians);"
  echo "  $round_ratio (median of the per-round ratios); $cpu_ratio (user+sys medians)"
else
  echo "(c') not run: belopp's pattern ($(printf '%s' "$pattern" | wc -c) bytes) is over pcre2grep's 8192-byte limit"
fi
printf 'per small file: %.1f us net in (b), %.1f us per file in the %d-file batch\n' \
  "$(calc 3 "$net_many * 1e6 / $nfiles")" "$(calc 3 "$net_few * 1e6 / $nfew")" "$nfew"
rss_few=$(peak few)
rss_many=$(peak many)
printf 'peak RSS, %d files: %.1f MiB; %d files: %.1f MiB (x%s)' "$nfew" "$(calc 2 "$rss_few / 1024")" \
  "$nfiles" "$(calc 2 "$rss_many / 1024")" "$(calc 2 "$rss_many / $rss_few")"
if [ "$rss_many" -le $((rss_few + rss_few / 10 + 1024)) ]; then
  echo ": does not grow with the number of files"
else
  echo ": GROWS with the number of files"
fi
printf 'peak RSS of (a) is %s x the size of big.txt\n' "$(calc 2 "$(peak big) * 1024 / $bytes_big")"

if [ "${BENCH_GB:-1}" != 0 ]; then
  gb=$dir/gb.txt
  n=$(((1073741824 + bytes_big - 1) / bytes_big))
  echo "bench: writing $gb ($n x big.txt) for the 1 GiB run" >&2
  for ((i = 0; i < n; i++)); do cat "$big"; done >"$gb"
  bytes_gb=$(wc -c <"$gb")
  set +e
  line=$("$rss" -- "$belopp" extract --quiet "$gb" 2>"$tmp/gb.err")
  set -e
  rm -f "$gb"
  [ "${line##* }" -le 1 ] || die "1 GiB run: $(tail -1 "$tmp/gb.err")"
  echo "$line" >"$tmp/gb"
  printf 'PEAK RSS, 1 GiB stream (%.2f GB, one run): %.1f MiB (%s x the input); wall %.2f s, %.1f MB/s\n' \
    "$(calc 3 "$bytes_gb / 1e9")" "$(calc 1 "$(peak gb) / 1024")" "$(calc 3 "$(peak gb) * 1024 / $bytes_gb")" \
    "$(median gb '$2')" "$(calc 1 "$bytes_gb / 1e6 / $(median gb '$2')")"
fi

if [ -n "$stages" ]; then
  srep=$((runs < 3 ? runs : 3))
  echo "bench: timing the stages on big.txt ($srep repeats)" >&2
  "$stages" "$big" "$srep" >"$tmp/stages" || die "$stages failed"
  nmatch=$(awk '$1 == "matches" {print $2}' "$tmp/stages")
  cand=$(awk '$1 == "candidates" {print $2}' "$tmp/stages")
  echo
  echo "belopp's pattern matches in big.txt: $nmatch; reference matches: $rmatches"
  echo "belopp candidates kept for classification: $cand"
  echo "stages of one big.txt run (tests/bench_stages.c, median of $srep, no start-up):"
  awk -v b="$bytes_big" '$1 == "stage" {n[++k] = $2; t[k] = $3; sum += $3}
    END {for (i = 1; i <= k; i++)
           printf "  %-9s %7.3f s %5.1f %% %8.1f MB/s\n", n[i], t[i], 100 * t[i] / sum, b / 1e6 / t[i]
         printf "  %-9s %7.3f s\n", "total", sum}' "$tmp/stages"
fi

if [ "${BENCH_PROFILE:-0}" = 1 ]; then
  command -v valgrind >/dev/null || die "BENCH_PROFILE=1 needs valgrind"
  rsize=$(wc -c <"$dir/round.txt")
  head -c $(((5000000 + rsize - 1) / rsize * rsize)) "$big" >"$dir/sample.txt"
  echo "bench: callgrind on $dir/sample.txt" >&2
  valgrind --tool=callgrind --callgrind-out-file="$dir/callgrind.out" \
    "$belopp" extract "$dir/sample.txt" >/dev/null 2>"$tmp/vg.err" || die "valgrind failed"
  echo
  echo "callgrind, belopp extract sample.txt ($(wc -c <"$dir/sample.txt") bytes), self instructions:"
  callgrind_annotate --inclusive=no "$dir/callgrind.out" 2>/dev/null |
    awk '/PROGRAM TOTALS/ {print} /file:function/ {f = 1; next}
         f && /^[ 0-9,]+ \(/ {print; if (++n == 15) exit}'
  echo "(??? without a library = PCRE2's JIT-compiled pattern.  Under valgrind nettle cannot use the"
  echo " SHA-NI instructions it uses natively, so its sha256 share here is overstated; $dir/callgrind.out)"
fi
