#!/usr/bin/env python3
"""Precision and recall of belopp on a folder of hand-labelled pages.

    tests/measure_real.py BELOPP DIR [--list]

DIR holds NN.txt (a page's text) and NN.expect, one line per sum of money in
the page, in order:  KIND<TAB>CURRENCY<TAB>ORE<TAB>note, where KIND is cell or
prose and ORE is the amount in minor units ("LOW..HIGH" for a range).  Real
pages are not committed (the repo holds only text written here): a user or a
session keeps such a folder beside the checkout.

A found amount is right when an expected amount of the same currency and value
is still unmatched in the page (same kind first, then the other kind).
Precision = right / found; recall per kind = matched / expected.
"""
import json, os, subprocess, sys
from collections import Counter

def expected(path):
    out = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) < 3 or parts[0] not in ("cell", "prose"):
                sys.exit(f"{path}:{n}: malformed line: {line!r}")
            out.append((parts[0], parts[1], parts[2].strip(), parts[3] if len(parts) > 3 else ""))
    return out

def found(belopp, path):
    p = subprocess.run([belopp, "extract", "--quiet", "--jobs", "1", "--format", "jsonl", path],
                       capture_output=True)
    if p.returncode not in (0, 1):
        sys.exit(f"{belopp} failed on {path}: {p.stderr!r}")
    out = []
    for raw in p.stdout.split(b"\n"):  # (not splitlines: JSON may hold U+2028 raw)
        if not raw:
            continue
        r = json.loads(raw.decode("utf-8"))
        # (a currency other than SEK has its value in minor units, not ore)
        lo, hi, one = ("ore_low", "ore_high", "ore") if r["ore"] is not None or r["ore_low"] is not None \
            else ("minor_low", "minor_high", "minor")
        if r[lo] is not None:
            v = f'{r[lo]}..{r[hi]}'
        else:
            v = str(r[one])
        out.append((r["kind"], r["currency"], v, r["text"], r["line"]))
    return out

def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    belopp, d = sys.argv[1], sys.argv[2]
    listing = "--list" in sys.argv
    names = sorted(f[:-7] for f in os.listdir(d) if f.endswith(".expect"))
    if not names:
        sys.exit(f"{d}: no .expect files")
    tot = Counter()
    for name in names:
        exp = expected(os.path.join(d, name + ".expect"))
        got = found(belopp, os.path.join(d, name + ".txt"))
        pool = Counter((k, c, v) for k, c, v, _ in exp)
        right = [False] * len(got)
        for same_kind in (True, False):
            for i, (k, c, v, _, _) in enumerate(got):
                if right[i]:
                    continue
                kinds = [k] if same_kind else [x for x in ("cell", "prose") if x != k]
                for kk in kinds:
                    if pool[(kk, c, v)] > 0:
                        pool[(kk, c, v)] -= 1
                        right[i] = True
                        break
        c = Counter()
        for k, _, _, _ in exp:
            c["exp_" + k] += 1
        for (k, cur, v), n in pool.items():
            c["miss_" + k] += n
        c["found"] = len(got)
        c["right"] = sum(right)
        tot.update(c)
        ec, ep = c["exp_cell"], c["exp_prose"]
        print(f"{name}: found {c['found']:4d} wrong {c['found']-c['right']:3d}  "
              f"cells {ec-c['miss_cell']:4d}/{ec:<4d} prose {ep-c['miss_prose']:3d}/{ep}")
        if listing:
            for i, (k, cur, v, t, ln) in enumerate(got):
                if not right[i]:
                    print(f"   WRONG line {ln}: {k} {cur} {v} {t!r}")
            for (k, cur, v), n in sorted(pool.items()):
                if n > 0:
                    notes = [x[3] for x in exp if (x[0], x[1], x[2]) == (k, cur, v)]
                    print(f"   MISSED {n}x {k} {cur} {v} {notes[0][:60]!r}")
    ec, ep = tot["exp_cell"], tot["exp_prose"]
    mc, mp = ec - tot["miss_cell"], ep - tot["miss_prose"]
    prec = tot["right"] / tot["found"] if tot["found"] else 0.0
    print(f"TOTAL {len(names)} pages: found {tot['found']} right {tot['right']} "
          f"precision {prec:.3f}  cells {mc}/{ec} = {mc/ec if ec else 0:.3f}  "
          f"prose {mp}/{ep} = {mp/ep if ep else 0:.3f}  "
          f"all {(mc+mp)/(ec+ep) if ec+ep else 0:.3f}")

if __name__ == "__main__":
    main()
