#!/bin/sh
# diff.sh BELOPP — tests of `belopp diff`.
#
# 1. Goldens: for every case "NAME OLD NEW" in tests/diff-cases.txt, the
#    text output (NO_COLOR, not a terminal) must equal golden/diff/NAME.txt
#    and the CSV output golden/diff/NAME.csv, byte for byte (shown as diff -u).
#    With UPDATE=1 they are rewritten instead: read them line by line
#    against the texts before committing.
# 2. Shapes: the same file on both sides (all same), an empty side (all
#    added / all removed), a belopp XML output as a side (read, not
#    re-extracted: the same pairs as from the text), JSON Lines and XML
#    outputs that parse, the exit statuses (1 unreadable, 2 usage), and
#    50 000 amounts a side within a time limit.
# One line per case, then "diff: N passed, M failed"; fails when no case ran.
set -u
LC_ALL=C
export LC_ALL
belopp=${1:?usage: tests/diff.sh BELOPP}
case $belopp in */*) ;; *) belopp=./$belopp ;; esac
tmp=$(mktemp -d "${TMPDIR:-/tmp}/diff.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM
pass=0
fail=0
why=""
bad() { if [ -n "$why" ]; then why="$why; $1"; else why=$1; fi; }
done_case() {
  if [ -z "$why" ]; then
    echo "ok $1"
    pass=$((pass + 1))
  else
    echo "FAIL $1: $why"
    fail=$((fail + 1))
  fi
  why=""
}
san() { # a sanitizer report on stderr is a failure
  if grep -Eq 'ERROR: (Address|Leak|Undefined)Sanitizer|runtime error:' "$1"; then
    bad "sanitizer: $(grep -Em1 'Sanitizer|runtime error:' "$1" | head -c 200)"
  fi
}
# statuses FILE.csv — "changed=N same=N added=N removed=N"
statuses() {
  awk -F, 'NR > 1 { n[$1]++ } END { printf "changed=%d same=%d added=%d removed=%d", n["changed"], n["same"], n["added"], n["removed"] }' "$1"
}

# ---- 1. goldens
mkdir -p golden/diff
while read -r name old new; do
  case $name in '' | '#'*) continue ;; esac
  for fmt in txt csv; do
    f=text
    [ $fmt = csv ] && f=csv
    NO_COLOR=1 "$belopp" diff --format $f "$old" "$new" >"$tmp/out.$fmt" 2>"$tmp/err"
    st=$?
    [ $st = 0 ] || bad "$fmt: exit status $st: $(head -c 200 "$tmp/err")"
    san "$tmp/err"
    if [ "${UPDATE:-0}" = 1 ]; then
      cp "$tmp/out.$fmt" "golden/diff/$name.$fmt"
    elif [ ! -f "golden/diff/$name.$fmt" ]; then
      bad "golden/diff/$name.$fmt is missing (UPDATE=1 tests/diff.sh, then check it by hand)"
    elif ! diff -u --label "expected golden/diff/$name.$fmt" --label "actual diff $old $new" \
        "golden/diff/$name.$fmt" "$tmp/out.$fmt"; then
      bad "$fmt differs from golden/diff/$name.$fmt"
    fi
  done
  done_case "golden $name"
done <tests/diff-cases.txt
if [ $((pass + fail)) = 0 ]; then
  echo "diff: no golden case in tests/diff-cases.txt"
  exit 1
fi

# ---- 2. shapes
seed=corpus/000_6558cce49af33d4a.txt
"$belopp" diff --format csv "$seed" "$seed" >"$tmp/same.csv" 2>"$tmp/err" || bad "exit status $?"
san "$tmp/err"
s=$(statuses "$tmp/same.csv")
case $s in "changed=0 same="*" added=0 removed=0") ;; *) bad "$s" ;; esac
[ "$(grep -c ',1.000,' "$tmp/same.csv")" = "$(($(wc -l <"$tmp/same.csv") - 1))" ] ||
  bad "a pair of a file with itself scored below 1"
done_case "same file on both sides: everything same"

: >"$tmp/empty.txt"
"$belopp" diff --format csv "$tmp/empty.txt" "$seed" >"$tmp/e1.csv" 2>"$tmp/err" || bad "exit status $?"
san "$tmp/err"
n=$(($(wc -l <"$tmp/e1.csv") - 1))
[ "$(statuses "$tmp/e1.csv")" = "changed=0 same=0 added=$n removed=0" ] && [ "$n" -gt 0 ] ||
  bad "empty old side: $(statuses "$tmp/e1.csv")"
"$belopp" diff "$seed" "$tmp/empty.txt" >"$tmp/e2.txt" 2>"$tmp/err" || bad "exit status $?"
san "$tmp/err"
grep -q "^0 changed, 0 same, 0 added, $n removed" "$tmp/e2.txt" || bad "empty new side: $(sed -n 2p "$tmp/e2.txt")"
"$belopp" diff "$tmp/empty.txt" "$tmp/empty.txt" >"$tmp/e3.txt" 2>"$tmp/err" || bad "both empty: exit status $?"
san "$tmp/err"
done_case "an empty side"

"$belopp" extract corpus/002_d4fa4288f3c7e7c0.txt >"$tmp/002.xml" 2>/dev/null
"$belopp" diff --format csv corpus/002_d4fa4288f3c7e7c0.txt "$seed" >"$tmp/a.csv" 2>&1
"$belopp" diff --format csv "$tmp/002.xml" "$seed" >"$tmp/b.csv" 2>"$tmp/err" || bad "exit status $?"
san "$tmp/err"
cmp -s "$tmp/a.csv" "$tmp/b.csv" || bad "the XML output as OLD pairs differently from its text: $(diff "$tmp/a.csv" "$tmp/b.csv" | head -3 | tr '\n' '|')"
done_case "a belopp XML output as a side (read, not re-extracted)"

mkdir -p "$tmp/y2021"
cp corpus/000_6558cce49af33d4a.txt corpus/001_4091f3c9639aa7ee.txt "$tmp/y2021/"
"$belopp" diff --format csv corpus/002_d4fa4288f3c7e7c0.txt "$tmp/y2021" >"$tmp/dir.csv" 2>"$tmp/err" || bad "exit status $?"
san "$tmp/err"
grep -q "y2021/001_4091f3c9639aa7ee.txt" "$tmp/dir.csv" || bad "the second file of the directory is missing"
done_case "a directory as a side"

"$belopp" diff --format jsonl corpus/diff-prose-old.txt corpus/diff-prose-new.txt >"$tmp/o.jsonl" 2>"$tmp/err" || bad "exit status $?"
if command -v jq >/dev/null 2>&1; then
  jq -e . "$tmp/o.jsonl" >/dev/null 2>&1 || bad "JSON Lines do not parse"
fi
[ "$(wc -l <"$tmp/o.jsonl")" = "$(($(NO_COLOR=1 "$belopp" diff --format csv corpus/diff-prose-old.txt corpus/diff-prose-new.txt | wc -l) - 1))" ] ||
  bad "JSON Lines and CSV have different numbers of lines"
"$belopp" diff --format xml corpus/diff-prose-old.txt corpus/diff-prose-new.txt >"$tmp/o.xml" 2>"$tmp/err" || bad "exit status $?"
if command -v xmllint >/dev/null 2>&1; then
  xmllint --noout "$tmp/o.xml" 2>/dev/null || bad "XML output is not well-formed"
fi
san "$tmp/err"
done_case "JSON Lines and XML outputs parse"

"$belopp" diff "$seed" "$tmp/does-not-exist.txt" >/dev/null 2>"$tmp/err"
[ $? = 1 ] || bad "unreadable input: exit status not 1"
grep -q "does-not-exist" "$tmp/err" || bad "unreadable input: not named on stderr"
printf '<?xml version="1.0"?>\n<belopp version="1"><document source="x" sha256="0"><amount' >"$tmp/broken.xml"
"$belopp" diff "$tmp/broken.xml" "$seed" >/dev/null 2>"$tmp/err"
[ $? = 1 ] || bad "broken XML input: exit status not 1"
"$belopp" diff "$seed" >/dev/null 2>&1
[ $? = 2 ] || bad "one input: exit status not 2"
"$belopp" diff --format pdf "$seed" "$seed" >/dev/null 2>&1
[ $? = 2 ] || bad "bad format: exit status not 2"
"$belopp" diff "$seed" "$seed" "$seed" >/dev/null 2>&1
[ $? = 2 ] || bad "three inputs: exit status not 2"
done_case "exit statuses: 1 unreadable, 2 usage"

tests/diff_gen.sh 50000 old >"$tmp/big-old.txt"
tests/diff_gen.sh 50000 new >"$tmp/big-new.txt"
timeout 120 "$belopp" diff --format csv "$tmp/big-old.txt" "$tmp/big-new.txt" >"$tmp/big.csv" 2>"$tmp/err"
st=$?
[ $st = 0 ] || bad "exit status $st"
san "$tmp/err"
# the generator's changes: every tenth value, every 50th prose item replaced
s=$(statuses "$tmp/big.csv")
[ "$s" = "changed=5000 same=44500 added=500 removed=500" ] || bad "$s"
done_case "50 000 amounts a side"

echo "diff: $pass passed, $fail failed"
[ "$fail" = 0 ]
