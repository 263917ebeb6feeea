#!/usr/bin/env python3
"""formats.py XML CSV JSONL — do three outputs of one belopp run agree?

Reads the same input's records as belopp wrote them in XML, CSV and JSON
Lines and compares them record by record, field by field: every field of
belopp_record (include/belopp.h) by its CSV/JSON name.  Standard library
only.  Prints nothing and exits 0 when they agree; else one line per
difference (at most 20) on stdout and exits 1.

Each format is read strictly on its own terms:
- CSV by the RFC 4180 parser below (the csv module cannot tell a quoted
  empty field, the empty string, from an unquoted one, NULL): CRLF line
  ends, quoted fields with "" escapes, every row as many fields as the
  header.
- JSON Lines with json.loads, one object per line, integers exact (Python
  ints), keys exactly the CSV header's fields.
- XML with xml.etree.

CSV and JSON Lines carry every field and must be equal exactly, NULL and
the empty string apart.  XML says less, in these documented ways, and is
compared under them:
- minor-exp is written only when not 2; qualifier, per, column, sum and
  repeats only when present; total only when true;
- a prose or heading amount always has <sentence> (empty for a NULL
  context) and never <label> or <caption>: those must be NULL in the others;
- a cell always has <label> (empty for NULL) and never <sentence>.
"""
import json
import sys
import xml.etree.ElementTree as ET

FIELDS = ("source,sha256,kind,currency,minor_exp,ore,ore_low,ore_high,minor,minor_low,"
          "minor_high,qualifier,per,total,sum,repeats,start_byte,end_byte,line,col,text,"
          "context,heading,label,column_title,caption").split(",")
INTS = {"minor_exp", "ore", "ore_low", "ore_high", "minor", "minor_low", "minor_high",
        "repeats", "start_byte", "end_byte", "line", "col"}
BOOLS = {"total"}


class Bad(Exception):
    pass


def csv_rows(data):
    """RFC 4180 rows of data (str): lists of fields, None for an unquoted
    empty field, a str otherwise.  Every line ends in CRLF."""
    rows, row, i, n = [], [], 0, len(data)
    if n == 0:
        raise Bad("CSV: empty output, not even the header row")
    while i < n:
        if data[i] == '"':
            j, buf = i + 1, []
            while True:
                k = data.find('"', j)
                if k < 0:
                    raise Bad(f"CSV: unterminated quoted field at char {i}")
                buf.append(data[j:k])
                if k + 1 < n and data[k + 1] == '"':
                    buf.append('"')
                    j = k + 2
                    continue
                i = k + 1
                break
            row.append("".join(buf))
        else:
            j = i
            while j < n and data[j] not in ',\r\n"':
                j += 1
            if j < n and data[j] == '"':
                raise Bad(f"CSV: quote inside an unquoted field at char {j}")
            row.append(data[i:j] if j > i else None)
            i = j
        if i < n and data[i] == ",":
            i += 1
            if i == n:
                raise Bad("CSV: output ends after a comma")
            continue
        if data.startswith("\r\n", i):
            rows.append(row)
            row = []
            i += 2
            continue
        raise Bad(f"CSV: expected ',' or CRLF at char {i}, got {data[i:i + 10]!r}")
    if row:
        raise Bad("CSV: the last row does not end in CRLF")
    return rows


def typed(field, v, where):
    if v is None:
        return None
    if field in INTS:
        try:
            return int(v)
        except ValueError:
            raise Bad(f"{where}: {field} is not an integer: {v!r}")
    if field in BOOLS:
        if v not in ("true", "false"):
            raise Bad(f"{where}: {field} is not true/false: {v!r}")
        return v == "true"
    return v


def read_csv(path):
    with open(path, "rb") as f:
        data = f.read().decode("utf-8")
    rows = csv_rows(data)
    if rows[0] != FIELDS:
        raise Bad(f"CSV: header is {rows[0]}")
    out = []
    for k, row in enumerate(rows[1:], 2):
        if len(row) != len(FIELDS):
            raise Bad(f"CSV row {k}: {len(row)} fields, header has {len(FIELDS)}")
        out.append({f: typed(f, v, f"CSV row {k}") for f, v in zip(FIELDS, row)})
    return out


def no_float(s):
    """Money and offsets are integers: a float (or NaN) is an error."""
    raise Bad(f"JSONL: a non-integer number {s}")


def read_jsonl(path):
    with open(path, "rb") as f:
        data = f.read().decode("utf-8")
    if data and not data.endswith("\n"):
        raise Bad("JSONL: the last line does not end in a newline")
    out = []
    for k, line in enumerate(data.split("\n")[:-1] if data else [], 1):
        try:
            obj = json.loads(line, parse_float=no_float, parse_constant=no_float)
        except json.JSONDecodeError as e:
            raise Bad(f"JSONL line {k}: not JSON: {e}")
        if not isinstance(obj, dict):
            raise Bad(f"JSONL line {k}: not an object")
        if list(obj) != FIELDS:
            raise Bad(f"JSONL line {k}: keys {list(obj)} are not the CSV header's")
        for f, v in obj.items():
            want = (bool,) if f in BOOLS else (int,) if f in INTS else (str,)
            if v is not None and (not isinstance(v, want) or (f in INTS and isinstance(v, bool))):
                raise Bad(f"JSONL line {k}: {f} is {v!r}")
        out.append(obj)
    return out


def read_xml(path):
    root = ET.parse(path).getroot()
    if root.tag != "belopp":
        raise Bad(f"XML: root is <{root.tag}>")
    out = []
    for doc in root:
        if doc.tag != "document":
            raise Bad(f"XML: <{doc.tag}> in <belopp>")
        for a in doc:
            if a.tag != "amount":
                raise Bad(f"XML: <{a.tag}> in <document>")
            r = {"source": doc.get("source"), "sha256": doc.get("sha256")}
            at = a.attrib
            r["kind"] = at.get("kind")
            r["currency"] = at.get("currency")
            r["minor_exp"] = int(at.get("minor-exp", "2"))
            for f in ("ore", "ore_low", "ore_high", "minor", "minor_low", "minor_high", "repeats",
                      "line", "col"):
                v = at.get(f.replace("_", "-"))
                r[f] = None if v is None else int(v)
            r["start_byte"] = int(at["start"])
            r["end_byte"] = int(at["end"])
            r["qualifier"] = at.get("qualifier")
            r["per"] = at.get("per")
            if at.get("total") not in (None, "true"):
                raise Bad(f"XML: total=\"{at.get('total')}\"")
            r["total"] = at.get("total") == "true"
            r["sum"] = at.get("sum")
            r["column_title"] = at.get("column")
            el = {}
            for c in a:
                if c.tag in el:
                    raise Bad(f"XML: two <{c.tag}> in one <amount>")
                el[c.tag] = c.text or ""
            unknown = set(el) - {"text", "sentence", "heading", "label", "caption"}
            if unknown:
                raise Bad(f"XML: unknown elements {sorted(unknown)}")
            r["text"] = el.get("text")
            r["context"] = el.get("sentence")
            r["heading"] = el.get("heading")
            r["label"] = el.get("label")
            r["caption"] = el.get("caption")
            out.append(r)
    return out


def xml_agrees(x, c, field):
    """Does XML's field x stand for c, under the rules in the docstring?"""
    kind = c["kind"]
    if field == "context":
        if kind == "cell":
            return x is None and c[field] is None
        return x == (c[field] or "")
    if field == "label":
        if kind == "cell":
            return x == (c[field] or "")
        return x is None and c[field] is None
    if field == "caption" and kind != "cell":
        return x is None and c[field] is None
    return x == c[field]


def main(argv):
    if len(argv) != 4:
        print("usage: formats.py OUT.xml OUT.csv OUT.jsonl", file=sys.stderr)
        return 2
    try:
        xs, cs, js = read_xml(argv[1]), read_csv(argv[2]), read_jsonl(argv[3])
    except (Bad, ET.ParseError, UnicodeDecodeError, KeyError, ValueError) as e:
        print(f"unreadable: {e}")
        return 1
    diffs = []
    if not len(xs) == len(cs) == len(js):
        diffs.append(f"records: {len(xs)} in XML, {len(cs)} in CSV, {len(js)} in JSONL")
    for k, (x, c, j) in enumerate(zip(xs, cs, js), 1):
        for f in FIELDS:
            if c[f] != j[f] or type(c[f]) is not type(j[f]):
                diffs.append(f"record {k}: {f}: CSV {c[f]!r}, JSONL {j[f]!r}")
            if not xml_agrees(x[f], c, f):
                diffs.append(f"record {k}: {f}: XML {x[f]!r}, CSV {c[f]!r}")
    for d in diffs[:20]:
        print(d)
    return 1 if diffs else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
