#!/bin/bash
# same_output.sh REV [BIG...] — is the output of this tree's belopp the same,
# byte for byte, as that of git revision REV?  (Speed work must not change
# what is extracted: issue 11.)
#
# REV is exported with `git archive` into build/same/REV/ and built there
# once (cached by its commit id).  Both binaries then run on:
#   - every corpus/* file alone (with its corpus/NAME.args), XML, CSV and
#     JSON Lines, stdout and stderr;
#   - the whole corpus as one batch;
#   - each BIG file given (default: build/bench/big.txt when it exists,
#     the bench stream), stdout and stderr compared by sha256.
# Exit 0 when every output is the same; else the differing cases are named.
set -u
export LC_ALL=C
[ $# -ge 1 ] || { echo "usage: tests/same_output.sh REV [BIG...]" >&2; exit 2; }
rev=$(git rev-parse --verify "$1^{commit}") || exit 2
shift
bigs=("$@")
[ ${#bigs[@]} -eq 0 ] && [ -f build/bench/big.txt ] && bigs=(build/bench/big.txt)

ref=build/same/$rev
if [ ! -x "$ref/belopp" ]; then
  echo "same_output: building $rev in $ref/" >&2
  rm -rf "$ref" && mkdir -p "$ref"
  git archive "$rev" | tar -x -C "$ref" || exit 2
  make -s -C "$ref" belopp >/dev/null || { echo "same_output: $rev does not build" >&2; exit 2; }
fi
make -s belopp >/dev/null || exit 2
new=./belopp
old=$ref/belopp

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
differ=0
same=0
compare() { # NAME ARGS... : runs both (stdin from $STDIN), compares stdout, stderr, status
  local name=$1
  shift
  "$old" "$@" <"${STDIN:-/dev/null}" >"$tmp/old.out" 2>"$tmp/old.err"
  local so=$?
  "$new" "$@" <"${STDIN:-/dev/null}" >"$tmp/new.out" 2>"$tmp/new.err"
  local sn=$?
  # the program name in messages is the same ("belopp: ..."); the summary
  # line's run time ("..., 0 errors, 0.01 s") is not output
  sed -i -E '$s/^(belopp: .* errors), [0-9.]+ s$/\1, T s/' "$tmp/old.err" "$tmp/new.err"
  if [ $so != $sn ] || ! cmp -s "$tmp/old.out" "$tmp/new.out" ||
     ! cmp -s "$tmp/old.err" "$tmp/new.err"; then
    echo "DIFFERS: $name (status $so -> $sn)"
    diff "$tmp/old.out" "$tmp/new.out" | head -10
    diff "$tmp/old.err" "$tmp/new.err" | head -5
    differ=$((differ + 1))
  else
    same=$((same + 1))
  fi
}

corpus=()
for f in corpus/*; do
  case $f in *.args) continue ;; esac
  corpus+=("$f")
  name=${f##*/}
  name=${name%.*}
  args=()
  [ -f "corpus/$name.args" ] && read -r -a args <"corpus/$name.args"
  for fmt in xml csv jsonl; do
    compare "$f ($fmt)" extract --format "$fmt" "${args[@]}" "$f"
  done
done
compare "corpus batch" extract "${corpus[@]}"
STDIN=${corpus[0]} compare "standard input" extract -

for b in "${bigs[@]}"; do
  for fmt in xml; do
    h_old=$("$old" extract --format $fmt "$b" 2>"$tmp/old.err" | sha256sum)
    h_new=$("$new" extract --format $fmt "$b" 2>"$tmp/new.err" | sha256sum)
    sed -i -E '$s/^(belopp: .* errors), [0-9.]+ s$/\1, T s/' "$tmp/old.err" "$tmp/new.err"
    e_old=$(sha256sum <"$tmp/old.err")
    e_new=$(sha256sum <"$tmp/new.err")
    if [ "$h_old" != "$h_new" ] || [ "$e_old" != "$e_new" ]; then
      echo "DIFFERS: $b ($fmt): stdout ${h_old:0:16} -> ${h_new:0:16}, stderr ${e_old:0:16} -> ${e_new:0:16}"
      differ=$((differ + 1))
    else
      echo "same: $b ($fmt): stdout sha256 ${h_new:0:16}, stderr sha256 ${e_new:0:16}"
      same=$((same + 1))
    fi
  done
done
echo "same_output vs ${rev:0:12}: $same same, $differ differ"
[ $differ = 0 ]
