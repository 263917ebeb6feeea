#!/bin/bash
# chunks.sh BELOPP — a large plain-text file is read a chunk at a time
# (extract/extract.c, "Large inputs"); its output must be byte for byte that
# of reading it whole.  BELOPP_CHUNK_BYTES (for tests only) makes the chunks
# tiny, so that every paragraph boundary of these inputs is a possible cut:
#   - every corpus/*.txt text one after another, each followed by a blank
#     line, so tables, paragraph runs, headings and repeats sit by the cuts;
#   - cases made here for what crosses a cut: a table in the one-cell-a-line
#     form with blank lines, a heading whose figure is repeated chunks later,
#     bare "miljoner" long before the only currency (or table), a report word
#     at the very end, "(79)" figures far apart, a paragraph with no blank
#     line (one big chunk), more than ten invalid bytes, NUL, a byte order
#     mark; a table longer than the window a cut is judged in; paragraphs
#     of several KiB around tables whose unit is in the paragraph above;
#     and HTML named .txt (read whole, as HTML);
#   - the same with CR LF line ends, without a final newline, and in Latin-1.
# Each in XML, CSV and JSON Lines, stdout, stderr and the exit status, at
# several chunk sizes, on one thread and on helper threads, against
# BELOPP_CHUNK_BYTES larger than the input (read whole).  Also a batch of
# them on two threads.  Prints one line a
# failure and "chunks: N same, M differ"; exit 1 on any difference.
# Run from the repository root (make check does).
set -u
export LC_ALL=C
belopp=$1
case $belopp in */*) ;; *) belopp=./$belopp ;; esac
tmp=$(mktemp -d "${TMPDIR:-/tmp}/chunks.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

# --- the inputs ---------------------------------------------------------------
for f in corpus/*.txt; do
  cat "$f"
  printf '\n\n'
done >"$tmp/corpus.txt"

{
  printf 'Budget för året\n\nRegionen får 2 miljoner till vården.\n\n'
  for i in $(seq 40); do printf 'Stycke %d handlar om vården och skolan i regionen.\n\n' "$i"; done
  printf 'Tabell 1. Kostnader\n\nMiljoner kronor\n\nRegion\n\n2023\n\n2024\n\nStockholm\n\n2 111\n\n2 300\n\nUppsala\n\n811\n\n905\n\n'
  for i in $(seq 40); do printf 'Mer text %d om vården.\n\n' "$i"; done
  printf '3,2 miljarder till den nära vården\n\nRegeringen avsätter 3,2 miljarder kronor till den nära vården under 2024.\n\n'
  for i in $(seq 30); do printf 'Fyllnad %d.\n\n' "$i"; done
  printf 'Den nära vården får 3,2 miljarder kronor enligt regeringen och vården.\n\n'
  printf 'Intäkterna var 87 MSEK (79) under perioden.\n\n'
  for i in $(seq 30); do printf 'Rad %d.\n\n' "$i"; done
  printf 'Kostnaderna var 45 MSEK (41).\n\n'
  printf 'En lång rad utan tom rad efter: 5 kronor\noch mer text 7 kronor\noch ännu mer 9 kronor\n'
  for i in $(seq 50); do printf 'rad %d i samma stycke med 1%d kronor\n' "$i" "$i"; done
  printf '\nTrasiga byte: \xff\xfe 10 kr \x80 \x81 \x82 \x83 \x84 \x85 \x86 \x87 \x88 \x89 och NUL \x00 slut.\n\n'
  printf 'Slutet nämner föregående år.\n'
} >"$tmp/cases.txt"

{
  printf 'Inledning\n\nBefolkningen ökade med 2 miljoner under perioden.\n\n'
  printf 'Underskottet blev 22,9 miljoner.\n\n'
  for i in $(seq 60); do printf 'Stycke %d utan valuta, 3 miljoner här.\n\n' "$i"; done
  printf 'Till sist: 5 kronor.\n'
} >"$tmp/late-currency.txt"

# no currency at all: bare "4 miljoner" is money only by a sentence about
# money (a deficit) chunks later, which the look-ahead must see too
{
  printf 'Inledning\n\nNämnden gick back 4 miljoner i fjol.\n\n'
  for i in $(seq 60); do printf 'Stycke %d utan valuta och utan belopp.\n\n' "$i"; done
  printf 'Underskottet blev 7 miljoner.\n'
} >"$tmp/late-money-sentence.txt"

{
  printf 'Nyheter\n\n4 miljoner till bygget.\n\n'
  for i in $(seq 60); do printf 'Stycke %d, 1 miljon här.\n\n' "$i"; done
  printf 'Tkr\nStockholm\t2 111\nUppsala\t811\n'
} >"$tmp/late-table.txt"

{
  printf 'Nyheter\n\n4 miljoner till bygget.\n\n'
  for i in $(seq 60); do printf 'Stycke %d, 1 miljon här.\n\n' "$i"; done
} >"$tmp/no-currency.txt"

# a table in the one-cell-a-line form longer than the window a cut is
# judged in (extract/extract.c, safe_cut: 16 KiB back): a cut that looked
# safe is moved past the table once its chunk is segmented whole, and the
# chunks a thread queued after it are cut again
{
  printf 'Rubrik\n\nRegionen får 5 kronor.\n\nTabell 2. Kostnader per ort\n\nMiljoner kronor\n\nOrt\n\n2023\n\n2024\n\n'
  i=0
  for c in a b c; do
    for a in a b c d e f g h i j k l m n o p q r s t u v w x y z; do
      for b in a b c d e f g h i j k l m n o p q r s t u v w x y z; do
        i=$((i + 1))
        printf 'Ort%s%s%s\n\n1 %03d\n\n2 %03d\n\n' $c $a $b $((i % 1000)) $((i % 997))
      done
    done
  done
  printf 'Efter tabellen kostar det 7 kronor.\n\n'
  for i in $(seq 30); do printf 'Stycke %d om 3 miljoner kronor.\n\n' "$i"; done
} >"$tmp/long-table.txt"

printf '\xef\xbb\xbfRubrik\n\nDet kostar 5 kronor.\n\n' >"$tmp/bom.txt"
cat "$tmp/cases.txt" >>"$tmp/bom.txt"

# paragraphs of several KiB (a window of lines, not of bytes) around tables
# whose unit stands in the paragraph above
{
  for i in 1 2 3; do
    for j in $(seq 12); do printf 'Lång rad %d:%d om vården och regionens budget på 12 miljoner kronor. ' "$i" "$j"; done
    printf '\n\n'
    cat corpus/form-table-prose-unit.txt corpus/trap-table-prose-unit.txt
    printf '\n\n'
  done
} >"$tmp/long-lines.txt"

# HTML by its content, though named .txt: read whole, as HTML
{
  printf '<html><body><p>Det kostar 5 kronor.</p>\n\n'
  for i in $(seq 30); do printf '<p>Stycke %d: 7 kr.</p>\n\n' "$i"; done
  printf '</body></html>\n'
} >"$tmp/html-content.txt"

inputs=(corpus cases late-currency late-money-sentence late-table no-currency bom long-lines html-content)
for n in corpus cases; do
  sed 's/$/\r/' "$tmp/$n.txt" >"$tmp/$n-crlf.txt"
  head -c -3 "$tmp/$n.txt" >"$tmp/$n-nofinal.txt"
  iconv -c -f UTF-8 -t ISO-8859-1 "$tmp/$n.txt" >"$tmp/$n-latin1.txt"
  inputs+=("$n-crlf" "$n-nofinal" "$n-latin1")
done

# --- the runs -----------------------------------------------------------------
same=0
differ=0
WHOLE=1000000000000
run() { # CHUNK OUT ARGS...
  local cb=$1 out=$2
  shift 2
  BELOPP_CHUNK_BYTES=$cb "$belopp" extract "$@" >"$out.out" 2>"$out.err"
  echo $? >"$out.rc"
  # the summary line's run time is not output
  sed -i -E '$s/^(belopp: .* errors), [0-9.]+ s$/\1, T s/' "$out.err"
}
check() { # NAME CHUNK ARGS...
  local name=$1 cb=$2
  shift 2
  run $WHOLE "$tmp/whole" "$@"
  run "$cb" "$tmp/chunk" "$@"
  compare "$name, chunks of $cb bytes"
}
compare() { # NAME: whole.* against chunk.*
  if cmp -s "$tmp/whole.out" "$tmp/chunk.out" && cmp -s "$tmp/whole.err" "$tmp/chunk.err" &&
     cmp -s "$tmp/whole.rc" "$tmp/chunk.rc"; then
    same=$((same + 1))
  else
    differ=$((differ + 1))
    echo "DIFFERS: $1"
    diff -u --label whole --label chunked "$tmp/whole.out" "$tmp/chunk.out" | head -20
    diff -u --label whole --label chunked "$tmp/whole.err" "$tmp/chunk.err" | head -10
  fi
}

# Each input read whole (one thread), then in chunks of several sizes, the
# chunks worked on by the calling thread alone (--jobs 1) and by 3 helper
# threads (--jobs 3: extract/extract.c, "on several threads"), whose
# output must be the same bytes.
for n in "${inputs[@]}"; do
  args=()
  case $n in *latin1) args=(--encoding latin1) ;; esac
  for fmt in xml csv jsonl; do
    run $WHOLE "$tmp/whole" --jobs 1 --format $fmt "${args[@]}" "$tmp/$n.txt"
    for cb in 1 700 5000; do
      for jobs in 1 3; do
        run $cb "$tmp/chunk" --jobs $jobs --format $fmt "${args[@]}" "$tmp/$n.txt"
        compare "$n.txt $fmt, chunks of $cb bytes, --jobs $jobs"
      done
    done
  done
done
# the long table at chunk sizes larger than the window (checked by hand:
# these sizes move cuts past it)
run $WHOLE "$tmp/whole" --jobs 1 "$tmp/long-table.txt"
for cb in 25000 40000; do
  for jobs in 1 3; do
    run $cb "$tmp/chunk" --jobs $jobs "$tmp/long-table.txt"
    compare "long-table.txt, chunks of $cb bytes, --jobs $jobs"
  done
done
# AUTO on the Latin-1 text (sniffed over the whole file), and a batch
check "corpus-latin1.txt sniffed" 1 "$tmp/corpus-latin1.txt"
batch=()
for n in "${inputs[@]}"; do batch+=("$tmp/$n.txt"); done
check "batch of ${#batch[@]}, 2 threads" 300 --jobs 2 "${batch[@]}"

# the chunked reading really cut: more than one chunk means as many files
# opened once, and the memory stays that of a chunk (not asserted here:
# make bench measures peak RSS on a 1 GiB stream)
echo "chunks: $same same, $differ differ"
[ $differ -eq 0 ]
