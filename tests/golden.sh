#!/bin/sh
# golden.sh BELOPP VALIDATE — runs belopp on every corpus/NAME.* and compares
# stdout with golden/NAME.xml and stderr with golden/NAME.err (absent means
# "no diagnostics"), byte for byte.  Every output must also pass the schema.
# With UPDATE=1 the golden files are rewritten instead (make golden).
# Options for one file go in corpus/NAME.args (e.g. --encoding latin1).
set -u
belopp=$1
validate=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
for f in corpus/*; do
  case $f in *.args) continue ;; esac
  [ -f "$f" ] || continue
  name=${f##*/}
  name=${name%.*}
  args=""
  [ -f "corpus/$name.args" ] && args=$(cat "corpus/$name.args")
  # shellcheck disable=SC2086
  "$belopp" extract --quiet $args "$f" >"$tmp/out.xml" 2>"$tmp/out.err"
  status=$?
  ok=1
  if [ "$status" -ge 2 ]; then
    echo "FAIL $f: exit status $status"
    cat "$tmp/out.err"
    ok=0
  fi
  if ! "$validate" schema/belopp.xsd "$tmp/out.xml"; then
    echo "FAIL $f: output does not pass schema/belopp.xsd"
    ok=0
  fi
  if [ "${UPDATE:-0}" = 1 ]; then
    cp "$tmp/out.xml" "golden/$name.xml"
    if [ -s "$tmp/out.err" ]; then cp "$tmp/out.err" "golden/$name.err"; else rm -f "golden/$name.err"; fi
  else
    if [ ! -f "golden/$name.xml" ]; then
      echo "FAIL $f: golden/$name.xml is missing (make golden, then check it by hand)"
      ok=0
    elif ! diff -u --label "expected golden/$name.xml" --label "actual $f" \
        "golden/$name.xml" "$tmp/out.xml"; then
      ok=0
    fi
    expected_err=/dev/null
    [ -f "golden/$name.err" ] && expected_err="golden/$name.err"
    if ! diff -u --label "expected ${expected_err#/dev/null}(no diagnostics)" --label "actual stderr of $f" \
        "$expected_err" "$tmp/out.err"; then
      ok=0
    fi
  fi
  if [ $ok = 1 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); fi
done
echo "golden: $pass passed, $fail failed"
[ "$fail" = 0 ]
