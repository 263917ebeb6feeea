#!/bin/sh
# diff_gen.sh N SIDE — writes on stdout a press text of about N amounts for
# `belopp diff` at scale: half in prose (sections of five sentences, each
# figure with its own made-up words, so that words, not values, tell the
# items apart), half in one table of regions and two year columns.
# SIDE old or new: the new text is the old one a year later (every tenth
# value changed, every 50th item gone and one new one in its place, the
# table's years one later).  Deterministic (no randomness).
set -eu
n=$1
side=$2
LC_ALL=C awk -v n="$n" -v side="$side" '
function word(i,   s, k) { # a made-up word for index i: "bekato", "disunar" ...
  s = ""
  for (k = 0; k < 4; k++) { c = i % 78; s = s substr("bdfgklmnprstv", c % 13 + 1, 1) substr("aeiouy", int(c / 13) + 1, 1); i = int(i / 78) }
  return s
}
function value(i, year) { # millions, from the index; every tenth moves a year later
  v = (i * 37) % 900 + 10
  if (year == 1 && i % 10 == 3) v += 25
  return v
}
BEGIN {
  year = side == "new" ? 1 : 0
  y = 2023 + year
  printf "Fördelning av statsbidrag %d\n\n", y
  np = int(n / 2)
  for (i = 0; i < np; i++) {
    if (i % 5 == 0) printf "\nOmråde %s %s\n\n", word(i * 7 + 1), word(i * 7 + 2)
    id = i
    if (year == 1 && i % 50 == 7) id = i + 1000000   # gone, and a new item instead
    printf "Till %s %s avsätts %d miljoner kronor för %s.\n", word(id * 3 + 11), word(id * 3 + 12), value(i, year), word(id * 3 + 13)
  }
  printf "\nFördelning per region, miljoner kronor\nRegion\t%d\t%d\n", y - 1, y
  nr = int((n - np) / 2)
  for (i = 0; i < nr; i++)
    printf "Ort %s %s\t%d\t%d\n", word(i * 5 + 500001), word(i * 5 + 500002), value(i + 7, year), value(i + 9, year)
  printf "\nSlut.\n"
}'
