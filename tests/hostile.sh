#!/bin/sh
# hostile.sh BELOPP VALIDATE — runs belopp on inputs built to hurt it and
# checks the shape of each result.  Every case must: not crash, exit 0 or 1
# (never >= 2, never killed by the time limit), write output that VALIDATE
# accepts against schema/belopp.xsd, and meet its own expected values.
#
# The inputs are generated here, deterministically (seeded awk, printf), in
# a scratch directory that is removed at the end.  One line per case:
# "ok NAME" or "FAIL NAME: why"; then "hostile: N passed, M failed".
# Run from the repository root (make check does).
set -u
LC_ALL=C
export LC_ALL

if [ $# -ne 2 ]; then
  echo "usage: tests/hostile.sh BELOPP VALIDATE" >&2
  exit 2
fi
belopp=$1
validate=$2
schema=schema/belopp.xsd
# A bare name ("belopp") would be looked up in PATH: run the file here.
case $belopp in */*) ;; *) belopp=./$belopp ;; esac
case $validate in */*) ;; *) validate=./$validate ;; esac
for f in "$belopp" "$validate" "$schema"; do
  if [ ! -f "$f" ]; then
    echo "hostile: $f not found (run from the repository root after make)" >&2
    exit 2
  fi
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/hostile.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM
out=$tmp/out.xml
err=$tmp/out.err

pass=0
fail=0
dead=0       # 1 when the last run hung or crashed
why=""       # reasons the current case failed, "; "-separated
status=0     # exit status of the last run

# limit: seconds before a run counts as hung (most cases 120; see below).
limit=120

# run ARGS... — runs "belopp extract ARGS" with stdout in $out, stderr in
# $err; checks the status and the schema.  Starts a new case (clears why).
run() {
  why=""
  dead=0
  timeout "$limit" "$belopp" extract --quiet "$@" >"$out" 2>"$err"
  status=$?
  [ "$status" -ge 124 ] && dead=1
  if [ "$status" -eq 124 ]; then
    why="timed out after ${limit} s"
  elif [ "$status" -ge 128 ]; then
    why="killed by signal $((status - 128))"
  elif [ "$status" -ge 2 ]; then
    why="exit status $status: $(head -c 300 "$err")"
  fi
  # A sanitizer build exits 1 on its reports by default: look for them.
  if grep -Eq 'ERROR: (Address|Leak|Undefined)Sanitizer|runtime error:' "$err"; then
    bad "sanitizer report: $(grep -Em1 'Sanitizer|runtime error:' "$err" | head -c 300)"
  fi
  if [ "$status" -ne 124 ] && ! "$validate" "$schema" "$out" 2>"$tmp/validate.err"; then
    bad "output does not pass $schema ($(head -c 200 "$tmp/validate.err" | tr '\n' ' '))"
  fi
}

# run_stdin FILE ARGS... — like run, with FILE on standard input and "-".
run_stdin() {
  in=$1
  shift
  run "$@" - <"$in"
}

# bad WHY — records a failure.  After a hang or a crash only that is said:
# the checks of the output would just repeat it.
bad() {
  [ "$dead" = 1 ] && [ -n "$why" ] && return 0
  if [ -n "$why" ]; then why="$why; $1"; else why=$1; fi
}

done_case() {
  if [ -z "$why" ]; then
    echo "ok $1"
    pass=$((pass + 1))
  else
    echo "FAIL $1: $why"
    fail=$((fail + 1))
  fi
}

# Counting and extracting from the output.  Elements are one per line in
# belopp's indented output, but count matches, not lines, to be safe.
amounts() { grep -o '<amount[ >]' "$out" | wc -l | tr -d ' '; }
documents() { grep -o '<document[ >/]' "$out" | wc -l | tr -d ' '; }
attr() { # attr NAME — the values of NAME on every <amount>, space-separated
  grep -o "<amount [^>]*>" "$out" | sed -n "s/.* $1=\"\\([^\"]*\\)\".*/\\1/p" | tr '\n' ' ' |
    sed 's/ $//'
}
errlines() { wc -l <"$err" | tr -d ' '; }

expect_amounts() {
  n=$(amounts)
  [ "$n" = "$1" ] || bad "$n <amount> elements, expected $1"
}
expect_status() {
  [ "$status" = "$1" ] || bad "exit status $status, expected $1"
}
expect_attr() { # expect_attr NAME "v1 v2 …"
  v=$(attr "$1")
  [ "$v" = "$2" ] || bad "$1 values '$(printf '%s' "$v" | head -c 100)', expected '$2'"
}
expect_err() { # expect_err FIXED-STRING — stderr must contain it
  grep -qF -- "$1" "$err" || bad "stderr lacks '$1' (got: $(head -c 200 "$err" | tr '\n' '|'))"
}
expect_no_err() {
  [ -s "$err" ] && bad "unexpected stderr: $(head -c 200 "$err" | tr '\n' '|')"
}
# Any C0 control but tab, LF and CR in the output is not XML 1.0.
expect_no_controls() {
  if grep -q "$(printf '[\001-\010\013\014\016-\037]')" "$out"; then
    bad "raw control characters in the output"
  fi
}
# repeat N STRING — STRING N times, no newline.
repeat() {
  awk -v n="$1" -v s="$2" 'BEGIN { for (i = 0; i < n; i++) printf "%s", s }'
}
# fill BYTES STRING — STRING repeated and cut to exactly BYTES bytes.
fill() {
  awk -v n="$1" -v s="$2" 'BEGIN { while (length(s) < n) s = s s; printf "%s", substr(s, 1, n) }'
}

MB=1048576

# --- empty file -------------------------------------------------------
: >"$tmp/empty.txt"
run "$tmp/empty.txt"
expect_status 0
expect_amounts 0
expect_no_err
[ "$(documents)" = 1 ] || bad "$(documents) <document> elements, expected 1"
done_case empty

# --- 1 MB of seeded random bytes --------------------------------------
awk -v n=$MB 'BEGIN { srand(42); for (i = 0; i < n; i++) printf "%c", int(rand() * 256) }' \
  >"$tmp/random.bin"
size=$(wc -c <"$tmp/random.bin" | tr -d ' ')
if [ "$size" != $MB ]; then
  why="generator wrote $size bytes, not $MB"
else
  run "$tmp/random.bin"
  [ "$(errlines)" -le 11 ] || bad "$(errlines) lines on stderr, expected at most 11"
  [ "$(grep -c 'more invalid bytes' "$err")" = 1 ] || bad "no single 'N more invalid bytes' count line"
  [ "$(grep -c '^belopp: .*: byte [0-9]*: warning: ' "$err")" -le 10 ] ||
    bad "more than ten bad bytes listed"
  expect_no_controls
fi
done_case random-1mb

# --- NUL bytes --------------------------------------------------------
printf '100 kronor\000 200 kronor' >"$tmp/nul.txt"
run "$tmp/nul.txt"
expect_status 0
expect_amounts 2
expect_attr ore "10000 20000"
expect_err "byte 10: warning:"
done_case nul-bytes

# The offsets still point into the input after a 1-byte NUL became a
# 3-byte U+FFFD: "100 kronor" is [0,10), "200 kronor" is [12,22).
run "$tmp/nul.txt"
expect_attr start "0 12"
expect_attr end "10 22"
done_case nul-bytes-offsets

# --- control characters -------------------------------------------------
printf '\001\002\033 300 kronor \013\014 och \033[1mmer\n' >"$tmp/ctrl.txt"
run "$tmp/ctrl.txt"
expect_status 0
expect_amounts 1
expect_attr ore "30000"
expect_attr start "4"
expect_attr end "14"
expect_no_controls
grep -q '<sentence>.*300 kronor.*</sentence>' "$out" || bad "sentence lacks '300 kronor'"
done_case control-chars

# --- invalid UTF-8 --------------------------------------------------------
# Bytes: 0 \377, 1 ' ', 2-11 "400 kronor", 12 ' ', 13 \303 (a cut sequence).
printf '\377 400 kronor \303' >"$tmp/badutf8.txt"
run --encoding utf-8 "$tmp/badutf8.txt"
expect_status 0
expect_amounts 1
expect_attr ore "40000"
expect_err "byte 0: warning:"
expect_err "byte 13: warning:"
[ "$(errlines)" = 2 ] || bad "$(errlines) lines on stderr, expected 2"
done_case invalid-utf8

run --encoding utf-8 "$tmp/badutf8.txt"
expect_attr start "2"
expect_attr end "12"
done_case invalid-utf8-offsets

# With no valid multibyte character at all, auto mode reads the file as
# Windows-1252 (read.h) and says so once.
run "$tmp/badutf8.txt"
expect_status 0
expect_amounts 1
expect_attr ore "40000"
expect_err "Windows-1252"
expect_attr start "2"
expect_attr end "12"
done_case invalid-utf8-auto-latin1

# One real multibyte character ("på") keeps auto mode on UTF-8: the bad
# bytes at 0 and 17 are listed.
printf '\377 400 kronor p\303\245 \303' >"$tmp/badutf8b.txt"
run "$tmp/badutf8b.txt"
expect_status 0
expect_amounts 1
expect_attr ore "40000"
expect_err "byte 0: warning:"
expect_err "byte 17: warning:"
done_case invalid-utf8-auto-utf8

# --- a 5 MB line ----------------------------------------------------------
# (32 bytes, so that the cut at 5 MB falls between characters)
fill $((5 * MB)) "abcdefghijklmnopqrstuvwxyzåäö" >"$tmp/long.txt"
printf ' 500 kronor\n' >>"$tmp/long.txt"
run "$tmp/long.txt"
expect_status 0
expect_amounts 1
expect_attr ore "50000"
expect_attr start "$((5 * MB + 1))"
expect_attr end "$((5 * MB + 11))"
expect_attr line "1"
done_case long-line-5mb

# --- 100 000 amounts ------------------------------------------------------
repeat 100000 "1 kronor. " >"$tmp/many.txt"
run "$tmp/many.txt"
expect_status 0
expect_amounts 100000
n=$(grep -c 'ore="100"' "$out")
[ "$n" = 100000 ] || bad "$n amounts with ore=\"100\", expected 100000"
grep -q 'start="999990" end="999998"' "$out" || bad "last amount not at [999990,999998)"
done_case many-amounts

# --- 1 000 amounts held back until the currency, over many match batches ----
# "2 miljoner till x." is money only once the text names a currency, which
# here happens after 1 000 of them: all must come out, in order, before it.
repeat 1000 "2 miljoner till x. " >"$tmp/held.txt"
printf 'Totalt 3 kronor.\n' >>"$tmp/held.txt"
run "$tmp/held.txt"
expect_status 0
expect_amounts 1001
n=$(grep -c 'ore="200000000"' "$out")
[ "$n" = 1000 ] || bad "$n amounts of 2 miljoner, expected 1000"
grep -q 'start="19007" end="19015"' "$out" || bad "3 kronor not at [19007,19015)"
[ "$(grep -o 'ore="[0-9]*"' "$out" | tail -1)" = 'ore="300"' ] || bad "3 kronor is not last"
done_case held-back-amounts
head -c 19000 "$tmp/held.txt" >"$tmp/held-none.txt" # no currency at all: none is money
run "$tmp/held-none.txt"
expect_status 0
expect_amounts 0
done_case held-back-never-money

# --- 200 000 lines, then an amount: the line number is counted right ------
{ fill 200000 "
"; printf 'Det kostar 7 kr.\n'; } >"$tmp/lines.txt"
run "$tmp/lines.txt"
expect_status 0
expect_amounts 1
expect_attr line "200001"
expect_attr start "200011"
done_case many-lines

# --- digits without end -----------------------------------------------------
fill $MB "9" >"$tmp/nines.txt"
printf ' kronor\n' >>"$tmp/nines.txt"
run "$tmp/nines.txt"
expect_status 1
expect_amounts 0
expect_err "does not fit in 64 bits"
[ "$(wc -c <"$err")" -le 1000 ] || bad "stderr is $(wc -c <"$err") bytes: the number is not cut short"
done_case endless-digits

# --- 1 MB of digits, no unit -----------------------------------------------
fill $MB "0123456789" >"$tmp/digits.txt"
run "$tmp/digits.txt"
expect_status 0
expect_amounts 0
expect_no_err
done_case digits-no-unit

# --- only newlines, only spaces -----------------------------------------------
fill $MB "
" >"$tmp/newlines.txt"
run "$tmp/newlines.txt"
expect_status 0
expect_amounts 0
expect_no_err
done_case only-newlines

# space, NBSP, NNBSP, thin space, tab, CR, LF
# (16 bytes, so that the cut at 1 MB falls between characters)
fill $MB "$(printf ' \302\240\n\342\200\257\342\200\211\t\r    ')" >"$tmp/spaces.txt"
run "$tmp/spaces.txt"
expect_status 0
expect_amounts 0
expect_no_err
done_case only-spaces

# --- a batch with a missing file --------------------------------------------
printf 'Biljetten kostar 10 kronor.\n' >"$tmp/good.txt"
printf 'Det blev 20 kronor dyrare.\n' >"$tmp/good2.txt"
run "$tmp/good.txt" "$tmp/missing.txt" "$tmp/good2.txt"
expect_status 1
[ "$(documents)" = 2 ] || bad "$(documents) <document> elements, expected 2"
grep -q "<document source=\"$tmp/good.txt\"" "$out" || bad "no document for good.txt"
grep -q "<document source=\"$tmp/good2.txt\"" "$out" || bad "no document for good2.txt"
expect_attr ore "1000 2000"
expect_err "missing.txt"
[ "$(errlines)" = 1 ] || bad "$(errlines) lines on stderr, expected 1"
done_case batch-missing-file

# --- int64 boundary ---------------------------------------------------------
printf 'Summan var 92233720368547758,07 kr.\n' >"$tmp/max.txt"
run "$tmp/max.txt"
expect_status 0
expect_amounts 1
expect_attr ore "9223372036854775807"
done_case int64-max

printf 'Summan var 92233720368547758,08 kr.\n' >"$tmp/over.txt"
run "$tmp/over.txt"
expect_status 1
expect_amounts 0
expect_err "byte 11: \"92233720368547758,08 kr\": amount does not fit in 64 bits"
done_case int64-overflow

printf 'Summan var 9 223 372 036 854 775 808 miljarder kronor.\n' >"$tmp/overscale.txt"
run "$tmp/overscale.txt"
expect_status 1
expect_amounts 0
expect_err "does not fit in 64 bits"
done_case int64-overflow-scaled

# --- awkward file names --------------------------------------------------------
name=$(printf 'bad\377\001name\033[0m.txt')
printf '30 kr\n' >"$tmp/$name"
run "$tmp/$name"
expect_status 0
expect_amounts 1
expect_attr ore "3000"
expect_no_controls
done_case filename-bad-bytes

name='a&b<c>"d'"'"'.txt'
printf '31 kr\n' >"$tmp/$name"
run "$tmp/$name"
expect_status 0
expect_attr ore "3100"
done_case filename-xml-chars

# --- standard input, BOM and CRLF ---------------------------------------------
# Bytes: 0-2 BOM, 3-4 "a ", 5-9 "50 kr", 10-11 CRLF, 12-13 "b ", 14-18 "60 kr".
printf '\357\273\277a 50 kr\r\nb 60 kr\r\n' >"$tmp/bom.txt"
run_stdin "$tmp/bom.txt"
expect_status 0
expect_attr ore "5000 6000"
expect_attr start "5 14"
expect_attr line "1 2"
done_case stdin-bom-crlf

# --- inputs the fuzzer found (tests/fuzz/regressions) ---------------------------
# html-lost-text.html: tag soup whose broken <META> libxml2 shows as text that
# cannot be found in the bytes; "21,75 kronor" in it used to get the empty
# span [1899, 1899).  Every amount must cover at least one input byte.
for f in tests/fuzz/regressions/*; do
  [ -f "$f" ] || continue
  run "$f"
  starts=$(attr start)
  ends=$(attr end)
  set -- $ends
  for s0 in $starts; do
    [ "$s0" -lt "$1" ] || bad "amount with start $s0 and end $1"
    shift
  done
  done_case "fuzz-regression ${f##*/}"
done
[ -f tests/fuzz/regressions/html-lost-text.html ] && {
  run tests/fuzz/regressions/html-lost-text.html
  expect_status 1
  expect_err '"21,75 kronor": not found in the input'"'"'s bytes; amount left out'
  done_case html-unplaced-amount-left-out
}

# --- time bombs: inputs whose cost could grow faster than their size -----------
# A base letter followed by 250 KB of alternating combining marks (ccc 230,
# 220) that NFC must put in canonical order.  Linear work takes milliseconds
# even under ASan; allow 10 s.
limit=10
{ printf 'a'; repeat 62500 "$(printf '\314\201\314\243')"; printf ' 80 kr\n'; } >"$tmp/marks.txt"
run "$tmp/marks.txt"
expect_status 0
expect_amounts 1
expect_attr ore "8000"
expect_attr start "250002"
done_case combining-marks-250k

# A table that lost its separators (titles run together, cells glued to the
# label and to each other), 20 000 rows of 40 digits each: every row splits
# in a great many ways, and the search for the one that adds up to Totalt is
# bounded per row and per text.  Every row is left out (a warning each);
# linear work, allow 10 s.
{ printf 'Bidrag (tkr)\nOmr\303\245deTotaltSkolaV\303\245rdKulturOvrigt\n'
  awk 'BEGIN { srand(7); for (i = 0; i < 20000; i++) { printf "Rad"; for (k = 0; k < 40; k++) printf "%d", 1 + int(rand() * 9); printf "\n" } }'
} >"$tmp/glued.txt"
run "$tmp/glued.txt"
expect_status 0
expect_amounts 0
expect_err "too many ways to try"
[ "$(errlines)" = 20000 ] || bad "$(errlines) warnings, expected one per row (20000)"
done_case glued-cells-search
limit=120

# 2000 amounts in one sentence of 10 KB: each <amount> must not carry a copy
# of the whole sentence (1 MB like this would be 200 GB of output).  Allow
# 2000 bytes of output per amount.
repeat 2000 "1 kr " >"$tmp/nosentence.txt"
run "$tmp/nosentence.txt"
expect_status 0
expect_amounts 2000
size=$(wc -c <"$out" | tr -d ' ')
[ "$size" -le $((2000 * 2000)) ] || bad "output is $size bytes for a 10 KB input (> 2000 bytes per amount)"
done_case sentence-blowup

# A table whose caption is a 256 KB line, with 100 rows: each cell must not
# carry the whole caption.  Allow 2000 bytes of output per amount.
{ fill 262144 "Rubrik "; printf '\nMiljoner kronor\n'; repeat 100 "Ort 1
"; } >"$tmp/caption.txt"
run "$tmp/caption.txt"
expect_status 0
expect_amounts 100
expect_attr ore "$(repeat 100 '100000000 ' | sed 's/ $//')"
size=$(wc -c <"$out" | tr -d ' ')
[ "$size" -le $((100 * 2000)) ] || bad "output is $size bytes (> 2000 bytes per amount)"
done_case caption-blowup

# --- output that cannot be written, in every format ---------------------------
# /dev/full takes no byte: every format must say so with status 3, also when
# the output is a few hundred bytes that a FILE buffer would hold until exit.
# An input without amounts writes a head in XML and CSV (so status 3 too);
# JSON Lines has no head, writes nothing for it and so has no failure to
# report: status 0 there, and the case pins that down.
printf 'Biljetten kostar 10 kronor.\n' >"$tmp/small.txt"
printf 'Inga pengar alls i den här texten.\n' >"$tmp/noamounts.txt"
if [ -w /dev/full ]; then
  for fmt in xml csv jsonl; do
    for input in small noamounts; do
      why=""
      timeout "$limit" "$belopp" extract --quiet --format "$fmt" "$tmp/$input.txt" >/dev/full 2>"$err"
      status=$?
      want=3
      [ "$fmt:$input" = jsonl:noamounts ] && want=0
      expect_status "$want"
      if [ "$want" = 3 ]; then expect_err "cannot write the output"; else expect_no_err; fi
      done_case "dev-full-$fmt-$input"
    done
  done
else
  echo "skip dev-full: /dev/full is not writable here"
fi

# --- an empty input in every format: well-formed, nothing but the frame ---------
: >"$tmp/empty.txt"
for fmt in xml csv jsonl; do
  why=""
  "$belopp" extract --quiet --format "$fmt" "$tmp/empty.txt" >"$tmp/empty.$fmt" 2>"$err"
  status=$?
  expect_status 0
  expect_no_err
  case $fmt in
  xml)
    "$validate" "$schema" "$tmp/empty.xml" 2>/dev/null || bad "empty XML does not pass $schema"
    [ "$(tail -c 10 "$tmp/empty.xml")" = "</belopp>" ] &&
      [ "$(tail -c 1 "$tmp/empty.xml" | od -An -c | tr -d ' ')" = '\n' ] ||
      bad "empty XML does not end in </belopp> and a newline"
    grep -q '<amount' "$tmp/empty.xml" && bad "empty XML has an <amount>"
    ;;
  csv)
    [ "$(wc -l <"$tmp/empty.csv" | tr -d ' ')" = 1 ] || bad "empty CSV is not one line"
    head -c 14 "$tmp/empty.csv" | grep -q '^source,sha256,' || bad "empty CSV lacks the header row"
    [ "$(tail -c 2 "$tmp/empty.csv" | od -An -c | tr -d ' ')" = '\r\n' ] ||
      bad "empty CSV header does not end in CRLF"
    ;;
  jsonl)
    [ -s "$tmp/empty.jsonl" ] && bad "empty JSON Lines output is $(wc -c <"$tmp/empty.jsonl") bytes, expected 0"
    ;;
  esac
  done_case "empty-$fmt"
done

echo "hostile: $pass passed, $fail failed"
[ "$fail" = 0 ]
