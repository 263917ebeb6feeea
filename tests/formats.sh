#!/bin/sh
# formats.sh BELOPP — every corpus/NAME.* through belopp extract in XML, CSV
# and JSON Lines (with corpus/NAME.args), and tests/formats.py checks that
# the three carry the same records, field by field.  One line per file,
# "ok FILE" or "FAIL FILE" with the differences; then
# "formats: N passed, M failed".  No file at all is a failure.
# (Plus one input made here with quotes, commas, CR LF, tab and backslash.)
# Run from the repository root (make check does).
set -u
belopp=$1
case $belopp in */*) ;; *) belopp=./$belopp ;; esac
tmp=$(mktemp -d "${TMPDIR:-/tmp}/formats.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM
pass=0
fail=0
# Beside the corpus, one input whose strings carry what each format must
# escape: quotes, commas, a CR LF inside a sentence, a tab, a backslash.
printf 'Hon sa: "Det kostar 10 kronor, inte mer" och\r\ngick.\tSedan 5 kr.\n\nKostnader, "i" urval\nMiljoner kronor\nOrt "A", norr\t12\nOrt B;\\x\t3\n' >"$tmp/quotes.txt"
for f in corpus/* "$tmp/quotes.txt"; do
  case $f in *.args) continue ;; esac
  [ -f "$f" ] || continue
  name=${f##*/}
  name=${name%.*}
  args=""
  [ -f "corpus/$name.args" ] && args=$(cat "corpus/$name.args")
  ok=1
  for fmt in xml csv jsonl; do
    # shellcheck disable=SC2086
    "$belopp" extract --quiet --format "$fmt" $args "$f" >"$tmp/out.$fmt" 2>"$tmp/err.$fmt"
    status=$?
    if [ "$status" -ge 2 ]; then
      echo "FAIL $f: --format $fmt: exit status $status: $(head -c 200 "$tmp/err.$fmt")"
      ok=0
    fi
  done
  # The diagnostics do not depend on the format either.
  if ! cmp -s "$tmp/err.xml" "$tmp/err.csv" || ! cmp -s "$tmp/err.xml" "$tmp/err.jsonl"; then
    echo "FAIL $f: stderr differs between the formats"
    ok=0
  fi
  if ! python3 tests/formats.py "$tmp/out.xml" "$tmp/out.csv" "$tmp/out.jsonl" >"$tmp/diff"; then
    echo "FAIL $f:"
    sed 's/^/  /' "$tmp/diff"
    ok=0
  fi
  if [ $ok = 1 ]; then
    n=$(grep -c '<amount ' "$tmp/out.xml")
    echo "ok $f ($n records)"
    pass=$((pass + 1))
  else
    fail=$((fail + 1))
  fi
done
[ $((pass + fail)) -gt 0 ] || { echo "FAIL: no files in corpus/"; fail=1; }
echo "formats: $pass passed, $fail failed"
[ "$fail" = 0 ]
