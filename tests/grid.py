#!/usr/bin/env python3
"""grid.py — one budget table written in many layouts, read back by belopp.

    tests/grid.py BELOPP [--forms N] [--seed S] [--more] [--random]
                         [--show K] [--min-complete R] [--keep DIR]

Each form is the same kind of table a region or municipality publishes (a
caption, a unit, column titles, five rows of figures, sometimes a total row)
written one way out of the product of these choices:

  unit spelling (16)  x  where the unit stands (4)  x  title style (4)
  x  what separates cells (4)  x  blank lines between rows (2)
  x  decimals (2)  x  minus sign (3)  x  a stub title or none (2)
  x  a total row or none (2)

N forms are drawn from that grid with seed S, written as files into one
folder and read by ONE `belopp extract --jobs 1 --format jsonl` run.  A form's figures
are generated, so the right answer is known exactly: a form is "complete"
when belopp finds every cell, each under a column title naming its year (or
word), and nothing else; it has a "wrong figure" when belopp gives an amount
that is not one of the form's cells (a wrong scale, two cells joined, a year
read as money), and a "wrong column" when a right figure stands under a title
that names another column and not its own (a wrong year in a diff).  A cell
titled by the unit, the caption or the whole header line (no one column
named) leaves its form incomplete.  Precision first:
the run fails on any wrong figure or wrong column, or when fewer than R of
the forms (default 0.95) are complete.

By default a row's figures are alike across its columns (within +-25 %, as
a budget's years are).  --random draws every cell on its own: rows with
single spaces between cells can then split more than one way, which tells
how belopp decides a row that its table does not settle (a report, not a
test: do not combine with --min-complete).
"""
import json, os, random, shutil, subprocess, sys, tempfile
from collections import Counter

# (spelling, öre per unit written, decimals allowed): the unit spellings of
# real budget tables, as a caption or unit line gives them.
UNITS = [
    ("Miljoner kronor", 100_000_000, True),
    ("Belopp i miljoner kronor", 100_000_000, True),
    ("mnkr", 100_000_000, True),
    ("Mnkr", 100_000_000, True),
    ("MSEK", 100_000_000, True),
    ("Mkr", 100_000_000, True),
    ("Miljarder kronor", 100_000_000_000, True),
    ("mdkr", 100_000_000_000, True),
    ("Tusental kronor", 100_000, False),
    ("Tusentals kronor", 100_000, False),
    ("Belopp i tkr", 100_000, False),
    ("tkr", 100_000, False),
    ("Tkr", 100_000, False),
    ("TSEK", 100_000, False),
    ("Kronor", 100, False),
    ("kr", 100, False),
]
PLACES = ["line", "caption-paren", "first-cell", "caption-stop"]
TITLES = ["years", "period-years", "period-over-years", "words"]
SEPS = ["tab", "two-spaces", "aligned", "single"]
MINUS = ["-", "\u2212", "\u2013"]
LABELS = ["Kommunstyrelsen", "Barn- och utbildningsnämnden", "Socialnämnden",
          "Tekniska nämnden", "Kultur- och fritidsnämnden", "Miljö- och byggnämnden",
          "Vård- och omsorgsnämnden", "Överförmyndarnämnden"]
CAPTIONS = ["Tabell 2. Nettokostnad per nämnd", "Driftbudget per nämnd",
            "Tabell 4 Verksamhetens nettokostnader", "Nämndernas ramar"]
YEARS = ["2021", "2022", "2023", "2024", "2025"]
PERIODS = ["Utfall", "Utfall", "Budget", "Plan", "Plan"]
WORDS = ["Intäkter", "Kostnader", "Budget", "Utfall", "Prognos"]
NCOLS = 4


def group(n):
    """n with a space between groups of three digits, as Swedish tables write it."""
    s = str(n)
    out = []
    while len(s) > 3:
        out.insert(0, s[-3:])
        s = s[:-3]
    out.insert(0, s)
    return " ".join(out)


def figure(hundredths, decimals, minus, space=" "):
    """A cell's text for a value in hundredths of the unit (one decimal when decimals)."""
    neg = hundredths < 0
    v = abs(hundredths)
    if decimals:
        text = group(v // 100) + "," + str(v % 100 // 10)
    else:
        text = group(v // 100)
    return (minus if neg else "") + text.replace(" ", space)


# --more: the cells and labels of real tables besides the layout
SPACES = [" ", "\u00a0", "\u202f"]     # the thousands gap: space, no-break, narrow no-break
# a footnote's mark after a label.  Not a bare digit one space after the label
# ("Skola 2 655 478 581 216 …"): in a single-spaced row only the sums can tell
# it from a figure's first group, and belopp does not settle it yet.
MARKS = ["\u00b9", " 1)", "*", "\u00b2)"]
EMPTY = "\u2013"                       # a cell with no value


def form(rng, alike, more=False):
    unit, per_unit, dec_ok = rng.choice(UNITS)
    place, titles, sep = rng.choice(PLACES), rng.choice(TITLES), rng.choice(SEPS)
    stacked = False
    if more and rng.random() < 0.15:
        sep, titles = "lines", rng.choice(["years", "period-years"])
    elif more and sep != "lines" and rng.random() < 0.1:
        stacked = True  # the titles one a line (blank lines between, or not), the rows on one
    blank, decimals = rng.random() < 0.5, dec_ok and rng.random() < 0.5
    minus, stub, total = rng.choice(MINUS), rng.random() < 0.5, rng.random() < 0.5
    ncols = rng.choice([2, 3, 4, 5]) if more else NCOLS
    space = rng.choice(SPACES) if more else " "
    mark = rng.choice(MARKS + [""] * 4) if more else ""
    empty = more and rng.random() < 0.3
    pct = more and titles == "years" and rng.random() < 0.4
    cols = YEARS[:ncols]
    # the rows' values in hundredths of the unit (tenths when decimals)
    top = {100_000_000: 5000, 100_000_000_000: 90, 100_000: 900_000, 100: 90_000_000}[per_unit]
    labels = rng.sample(LABELS, 5)
    rows = []
    for lab in labels:
        base = rng.randint(10, top)
        vals = []
        for _ in cols:
            v = int(base * rng.uniform(0.75, 1.25)) if alike else rng.randint(10, top)
            v = max(v, 1) * 100 if not decimals else max(v, 1) * 100 + rng.randint(0, 9) * 10
            vals.append(v)
        if rng.random() < 0.2:  # a negative row: a result, a net
            vals = [-v for v in vals]
        rows.append((lab, vals))
    empty_at = None
    if empty:  # one cell of one row not filled in ("–"): no value, counted as 0 in a sum
        empty_at = (rng.randrange(len(rows)), rng.randrange(len(cols)))
        rows[empty_at[0]][1][empty_at[1]] = 0
    if total:
        rows.append(("Summa", [sum(r[1][i] for r in rows) for i in range(len(cols))]))

    if titles == "years":
        title_cells, over = cols[:], None
    elif titles == "period-years":
        title_cells, over = [f"{p} {y}" for p, y in zip(PERIODS, cols)], None
    elif titles == "period-over-years":
        title_cells, over = cols[:], PERIODS[:len(cols)]
    else:
        title_cells, over = WORDS[:len(cols)], None
    stub_text = "Nämnd" if stub else ""
    if place == "first-cell":
        stub_text = unit

    cap = rng.choice(CAPTIONS)
    lines = []
    if place == "caption-paren":
        lines.append(f"{cap} 2025 ({unit})")
    elif place == "caption-stop":
        lines.append(f"{cap}. {unit}")
    else:
        lines.append(cap)
    lines.append("")
    if place == "line":
        lines.append(unit)

    body = [(lab, [figure(v, decimals, minus, space) for v in vals]) for lab, vals in rows]
    if empty_at:
        body[empty_at[0]][1][empty_at[1]] = EMPTY
    if mark:  # a footnote's mark on one label
        k = rng.randrange(len(body))
        body[k] = (body[k][0] + mark, body[k][1])
    if pct:  # a last column of changes in per cent: no money
        title_cells = title_cells + ["Förändring, %"]
        for lab, cells in body:
            cells.append(f"{rng.randint(-99, 199) / 10:.1f}".replace(".", ",").replace("-", minus))
    width = max(len(x) for x in [stub_text] + labels + ["Summa"]) + 2
    cw = max(max(len(c) for c in title_cells + (over or [])),
             max(len(c) for _, cs in body for c in cs)) + 2

    def line(first, cells):
        if sep == "lines":  # one cell a line, as a page copied from its cells gives it
            return "\n".join(([first] if first else []) + cells)
        if sep == "tab":
            return "\t".join([first] + cells) if first else "\t" + "\t".join(cells)
        if sep == "two-spaces":
            return "  ".join(([first] if first else []) + cells)
        if sep == "aligned":
            return first.ljust(width) + "".join(c.rjust(cw) for c in cells)
        return " ".join(([first] if first else []) + cells)

    if stacked:
        for c in ([stub_text] if stub_text else []) + (
                [f"{o} {t}" for o, t in zip(over, title_cells)] if over else title_cells):
            lines.append(c)
            if blank:
                lines.append("")
    else:
        if over:
            lines.append(line("", over))
        lines.append(line(stub_text, title_cells))
    for lab, cells in body:
        if blank:
            lines.append("")
        lines.append(line(lab, cells))
    lines.append("")
    lines.append("Källa: egen sammanställning.")
    keys = cols if titles != "words" else WORDS[:len(cols)]
    want = Counter((v * per_unit // 100, keys[i]) for r, (_, vals) in enumerate(rows)
                   for i, v in enumerate(vals) if (r, i) != empty_at)
    name = "_".join([unit.replace(" ", "-"), place, titles, sep, "blank" if blank else "tight",
                     "dec" if decimals else "int", {"-": "hyphen", "\u2212": "minus",
                     "\u2013": "dash"}[minus], "stub" if stub else "nostub",
                     "total" if total else "nototal"])
    if more:
        name += "_" + "_".join(["stacked" if stacked else "inline", f"{ncols}cols", {" ": "sp", "\u00a0": "nbsp", "\u202f": "nnbsp"}[space],
                                "mark" + repr(mark) if mark else "nomark",
                                "empty" if empty else "full", "pct" if pct else "nopct"])
    heads = [lines[0], unit]  # the caption and unit lines: titles of no column
    # a period title ("Utfall 2021") must come out whole, its word too, and
    # no title may hold the stub's word ("Nämnd 2021" names no column)
    need = {cols[i]: PERIODS[i] for i in range(len(cols))} if titles in ("period-years", "period-over-years") else {}
    return name, "\n".join(lines) + "\n", want, heads, need


def stub_in(title):
    """Does a column title hold the stub's word ("Nämnd 2021")?"""
    return "Nämnd" in title.split()


def main():
    args = sys.argv[1:]
    if not args:
        sys.exit(__doc__)

    def opt(name, default, kind):
        if name in args:
            i = args.index(name)
            return kind(args[i + 1])
        return default

    belopp = args[0]
    if belopp.startswith("-") or not (os.path.isfile(belopp) and os.access(belopp, os.X_OK)):
        sys.exit(f"grid: {belopp}: not an executable belopp\n{__doc__}")
    known = {"--forms", "--seed", "--show", "--keep", "--min-complete", "--random", "--more"}
    for a in args[1:]:
        if a.startswith("--") and a not in known:
            sys.exit(f"grid: unknown option {a}\n{__doc__}")
    n, seed = opt("--forms", 300, int), opt("--seed", 1, int)
    show, keep = opt("--show", 0, int), opt("--keep", None, str)
    min_complete = opt("--min-complete", 0.95, float)
    alike = "--random" not in args
    more = "--more" in args
    rng = random.Random(seed)
    d = keep or tempfile.mkdtemp(prefix="belopp-grid.")
    os.makedirs(d, exist_ok=True)
    forms = {}
    for i in range(n):
        name, text, want, heads, need = form(rng, alike, more)
        fn = os.path.join(d, f"{i:05d}.txt")
        with open(fn, "w", encoding="utf-8") as f:
            f.write(text)
        forms[fn] = (name, text, want, heads, need)
    # one thread: the grid measures layouts (tests/batch.sh compares --jobs
    # 1/2/7 on the corpus)
    p = subprocess.run([belopp, "extract", "--quiet", "--jobs", "1", "--format", "jsonl", d],
                       capture_output=True)
    if p.returncode not in (0, 1):
        sys.exit(f"grid: {belopp} failed ({p.returncode}): {p.stderr[:500]!r}")
    # a sanitizer's report (its exit status is 1, as for an amount left out)
    for mark in (b"runtime error:", b"ERROR: AddressSanitizer", b"ERROR: LeakSanitizer"):
        at = p.stderr.find(mark)
        if at >= 0:
            sys.exit(f"grid: {belopp} reported a defect: {p.stderr[max(0, at - 200):at + 300]!r}")
    got = {fn: [] for fn in forms}
    # JSON Lines: one record a line, split at "\n" only (JSON may hold U+2028
    # raw, which str.splitlines would cut at); every line must parse
    for k, raw in enumerate(p.stdout.split(b"\n")):
        if not raw:
            continue
        try:
            r = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as e:
            sys.exit(f"grid: record {k + 1} of belopp's output is no JSON ({e}): {raw[:600]!r}")
        got.setdefault(r["source"], []).append(
            (r["ore"] if r["ore"] is not None else (r["ore_low"], r["ore_high"]),
             r["column_title"] or ""))
    if not p.stdout.strip():
        sys.exit("grid: belopp found nothing at all")
    p.stdout = p.stdout.decode("utf-8")
    complete = wrong = wrong_col = no_col = 0
    shown = 0
    by_dim = Counter()
    for fn, (name, text, want, heads, need) in sorted(forms.items()):
        # a found cell is right when a wanted one of its value is unmatched and
        # its column title names that cell's year or word; of its value but
        # under another title: a wrong column (a wrong year in a diff)
        missing = Counter(want)
        extra, misplaced, unnamed = Counter(), 0, 0
        allkeys = {k for _, k in want}

        def names(k, title):  # the title names column k and no other column
            return k in title and not any(o in title for o in allkeys if o != k) and \
                need.get(k, "") in title and not stub_in(title)

        for v, title in got.get(fn, []):
            key = next((k for (w, k), c in missing.items() if c > 0 and w == v and names(k, title)), None)
            if key is not None:
                missing[(v, key)] -= 1
                continue
            key = next((k for (w, k), c in missing.items() if c > 0 and w == v and k in title),
                       next((k for (w, k), c in missing.items() if c > 0 and w == v), None))
            if key is not None:
                missing[(v, key)] -= 1
                if (key not in title and title not in heads and any(o in title for o in allkeys)) or \
                        (key in title and stub_in(title)):
                    misplaced += 1  # named as another column: a wrong year in a diff
                else:
                    unnamed += 1  # named by the unit, caption or whole header: no one column
            else:
                extra[v] += 1
        missing = +missing
        if extra:
            wrong += 1
        if misplaced:
            wrong_col += 1
        if unnamed:
            no_col += 1
        if not extra and not missing and not misplaced and not unnamed:
            complete += 1
        else:
            for part in name.split("_"):
                by_dim[part] += 1
            if shown < show:
                shown += 1
                print(f"--- {os.path.basename(fn)} {name}: "
                      f"{sum(missing.values())} missed, {sum(extra.values())} wrong")
                print(text, end="")
                if extra:
                    print("    wrong:", sorted(extra.elements())[:8])
                if misplaced or unnamed:
                    print(f"    {misplaced} under another column's title, {unnamed} under no "
                          "column's title:", sorted(t for _, t in got.get(fn, []))[:6])
                if missing:
                    print("    missed:", sorted(missing.elements())[:8])
    if not keep:
        shutil.rmtree(d)
    print(f"grid: {n} forms (seed {seed}, {'alike' if alike else 'random'} figures"
          f"{', --more' if more else ''}): "
          f"{complete} complete, {n - complete} not, {wrong} with a wrong figure, "
          f"{wrong_col} with a cell under another column's title, "
          f"{no_col} with cells titled by the unit, caption or whole header (no one column named)")
    if by_dim:
        print("grid: choices in the incomplete forms:",
              ", ".join(f"{k} {v}" for k, v in by_dim.most_common(12)))
    if n == 0:
        sys.exit("grid: no forms")
    if alike and (wrong > 0 or wrong_col > 0 or complete < min_complete * n):
        sys.exit(f"grid: FAIL (aim: no wrong figure, no wrong column, at least {min_complete:.0%} complete)")


if __name__ == "__main__":
    main()
