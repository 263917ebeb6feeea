#!/bin/sh
# install.sh — installs belopp into a scratch prefix and uses it as a user
# would: the files are where they belong, belopp.pc works, the man pages
# render without a warning, and every examples/*.c builds against the
# installed header and library (shared, and with libbelopp.a) and gives the
# sums worked out by hand.
#
# Called by make check from the repository root; MAKE is the make to run
# (its BUILD, SAN and CFLAGS come along in MAKEFLAGS) and EXAMPLE_CFLAGS the
# flags the examples need to link with that build (the sanitizers).
# One line per case, "ok NAME" or "FAIL NAME: why"; then
# "install: N passed, M failed".  Zero cases is a failure.
set -u
LC_ALL=C.UTF-8
export LC_ALL
make=${MAKE:-make}
cflags=${EXAMPLE_CFLAGS:-}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/install.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM
prefix=$tmp/prefix
pass=0
fail=0
why=""

bad() { if [ -n "$why" ]; then why="$why; $1"; else why=$1; fi; }
done_case() {
  if [ -z "$why" ]; then echo "ok $1"; pass=$((pass + 1)); else echo "FAIL $1: $why"; fail=$((fail + 1)); fi
  why=""
}

# --- make install ------------------------------------------------------------
if ! $make --no-print-directory install PREFIX="$prefix" DESTDIR= >"$tmp/install.log" 2>&1; then
  bad "make install PREFIX=$prefix failed: $(tail -5 "$tmp/install.log" | tr '\n' '|')"
fi
for f in bin/belopp lib/libbelopp.a lib/libbelopp.so.0 lib/libbelopp.so include/belopp.h \
  lib/pkgconfig/belopp.pc share/man/man1/belopp.1 share/man/man3/belopp.3 \
  share/belopp/belopp.xsd; do
  [ -f "$prefix/$f" ] || bad "$f not installed"
done
cmp -s include/belopp.h "$prefix/include/belopp.h" || bad "installed belopp.h differs from include/belopp.h"
[ "$(readlink "$prefix/lib/libbelopp.so" 2>/dev/null)" = libbelopp.so.0 ] ||
  bad "lib/libbelopp.so is not a link to libbelopp.so.0"
done_case make-install

# --- belopp.pc ------------------------------------------------------------------
PKG_CONFIG_PATH=$prefix/lib/pkgconfig
export PKG_CONFIG_PATH
version=$(sed -n 's/^#define BELOPP_VERSION_STRING "\(.*\)"/\1/p' include/belopp.h)
v=$(pkg-config --modversion belopp 2>&1)
[ "$v" = "$version" ] || bad "pkg-config --modversion belopp says '$v', expected '$version'"
pkg-config --cflags belopp | grep -q -- "-I$prefix/include" || bad "--cflags lacks -I$prefix/include"
pkg-config --libs belopp | grep -q -- "-L$prefix/lib .*-lbelopp" || bad "--libs lacks -L$prefix/lib -lbelopp"
pkg-config --static --libs belopp | grep -q -- "-lxml2" || bad "--static --libs lacks libxml2"
done_case pkg-config

# --- man pages ----------------------------------------------------------------
for page in man1/belopp.1 man3/belopp.3; do
  f=$prefix/share/man/$page
  w=$(groff -man -Tutf8 -ww -z "$f" 2>&1)
  [ -z "$w" ] || bad "groff warns on $page: $(printf '%s' "$w" | head -c 200 | tr '\n' '|')"
  MANWIDTH=80 man -l "$f" >"$tmp/page.txt" 2>"$tmp/man.err" || bad "man -l $page failed"
  [ -s "$tmp/man.err" ] && bad "man -l $page warns: $(head -c 200 "$tmp/man.err" | tr '\n' '|')"
  grep -q '^NAME' "$tmp/page.txt" || bad "man -l $page has no NAME section"
  done_case "man-$page"
done
# belopp(3) names every function, type and macro of the header;
# belopp(1) every option of --help and every exit status.
MANWIDTH=200 man -l "$prefix/share/man/man3/belopp.3" >"$tmp/page3.txt" 2>/dev/null
for name in $(sed -n 's/.*\(belopp_[a-z0-9_]*\) *(.*/\1/p; s/^} \(belopp_[a-z_]*\);/\1/p;
    s/^typedef struct \(belopp_[a-z_]*\) .*/\1/p; s/^#define \(BELOPP_[A-Z_]*\) .*/\1/p' include/belopp.h | sort -u); do
  grep -q "$name" "$tmp/page3.txt" || bad "belopp(3) does not mention $name"
done
n=$(sed -n 's/.*\(belopp_[a-z0-9_]*\) *(.*/\1/p' include/belopp.h | sort -u | wc -l)
[ "$n" -ge 20 ] || bad "only $n functions found in include/belopp.h"
done_case man3-covers-header
MANWIDTH=200 man -l "$prefix/share/man/man1/belopp.1" >"$tmp/page1.txt" 2>/dev/null
for opt in $("$prefix/bin/belopp" --help | grep -o -- '--[a-z]*' | sort -u) extract pattern; do
  grep -q -- "$opt" "$tmp/page1.txt" || bad "belopp(1) does not mention $opt"
done
for s in 0 1 2 3; do
  sed -n '/^EXIT STATUS/,/^[A-Z]/p' "$tmp/page1.txt" | grep -q "^ *$s  " || bad "belopp(1) lacks exit status $s"
done
grep -q 'belopp: FILE: byte N: message' "$tmp/page1.txt" || bad "belopp(1) lacks the diagnostics format"
done_case man1-covers-command

# --- the examples -------------------------------------------------------------
printf 'Biljetten kostar 10 kronor. Kaffet kostar 25,50 kr. F\303\266rlusten blev -40,75 kr.\n' >"$tmp/signed.txt"
printf 'Summan var 92233720368547758,07 kr. Kostnaden blev 1 kr.\n' >"$tmp/overflow.txt"
seed=corpus/000_6558cce49af33d4a.txt

# check_sum_facts BIN — sum_facts against sums worked out by hand.
# The seed's facts (golden/000_6558cce49af33d4a.xml, the amounts without
# repeats=) are 6,8 + 3,2 + 2,4 + 0,2 + 0,75 + 3,3 + 2,5 + 0,15 + 0,2 + 0,085
# miljarder kronor = 19 585 000 000,00 kr; the three repeats (3,2, 3,3 and
# 0,2 miljarder, 85 miljoner) count once.
check_sum_facts() {
  out=$($run "$1" "$seed" "$tmp/signed.txt" 2>"$tmp/run.err")
  rc=$?
  [ "$rc" = 0 ] || bad "exit status $rc ($(head -c 200 "$tmp/run.err"))"
  expected=$(printf '%s\t19585000000.00\t10 facts\n%s\t-5.25\t3 facts' "$seed" "$tmp/signed.txt")
  [ "$out" = "$expected" ] || bad "printed '$(printf '%s' "$out" | tr '\t\n' ' |')', expected '$(printf '%s' "$expected" | tr '\t\n' ' |')'"
  out=$($run "$1" "$tmp/overflow.txt" 2>/dev/null)
  rc=$?
  [ "$rc" = 1 ] || bad "exit status $rc on a sum past int64, expected 1"
  printf '%s' "$out" | grep -q "overflow" || bad "a sum past int64 not reported as overflow: '$out'"
}

nexamples=0
for src in examples/*.c; do
  [ -f "$src" ] || continue
  nexamples=$((nexamples + 1))
  name=${src##*/}
  name=${name%.c}
  # shared: through belopp.pc, run with the prefix's lib/
  # shellcheck disable=SC2046,SC2086
  if cc -std=c11 -Wall -Wextra -Werror $cflags -o "$tmp/$name" "$src" \
      $(pkg-config --cflags --libs belopp) 2>"$tmp/cc.err"; then
    readelf -d "$tmp/$name" | grep -q 'NEEDED.*libbelopp\.so\.0' || bad "not linked to libbelopp.so.0"
    run="env LD_LIBRARY_PATH=$prefix/lib"
    [ "$name" = sum_facts ] && check_sum_facts "$tmp/$name"
  else
    bad "does not build: $(head -c 300 "$tmp/cc.err" | tr '\n' '|')"
  fi
  done_case "example-$name-shared"

  # static: libbelopp.a, and the libraries pkg-config --static names
  libs=$(pkg-config --static --libs belopp | sed 's/-lbelopp/-Wl,-Bstatic -lbelopp -Wl,-Bdynamic/')
  # shellcheck disable=SC2086
  if cc -std=c11 -Wall -Wextra -Werror $cflags -o "$tmp/$name-static" "$src" \
      $(pkg-config --static --cflags belopp) $libs 2>"$tmp/cc.err"; then
    readelf -d "$tmp/$name-static" | grep -q 'libbelopp' && bad "links libbelopp.so, not libbelopp.a"
    run="env -u LD_LIBRARY_PATH"
    [ "$name" = sum_facts ] && check_sum_facts "$tmp/$name-static"
  else
    bad "does not build: $(head -c 300 "$tmp/cc.err" | tr '\n' '|')"
  fi
  done_case "example-$name-static"
done
[ "$nexamples" -ge 1 ] || { echo "FAIL examples: no examples/*.c"; fail=$((fail + 1)); }
[ -f examples/sum_facts.c ] || { echo "FAIL examples: examples/sum_facts.c is missing"; fail=$((fail + 1)); }

echo "install: $pass passed, $fail failed"
[ "$pass" -gt 0 ] && [ "$fail" = 0 ]
