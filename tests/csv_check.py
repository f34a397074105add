#!/usr/bin/python3
"""Load a CSV export back and prove what a data portal relies on.

usage: csv_check.py CSV_DIR [DUMP_FILE]

CSV_DIR holds datapackage.json and the tables; DUMP_FILE is the output of
`profilec dump` for the same source: the graph's own counts and row order.
Checks: the package describes exactly the files present, with their sizes and
SHA-256; each file is strict RFC 4180 (CRLF, quotes only where needed), UTF-8
without BOM, in NFC; the header equals the Table Schema's field names; values
parse as their declared type; primary keys are unique and never empty; every
foreign key resolves; row counts and node order equal the dump's.
Prints one line per problem and exits 1 when there is any.
"""

import csv
import hashlib
import io
import json
import math
import os
import re
import sys
import unicodedata

problems = []


def bad(where, msg):
    problems.append("%s: %s" % (where, msg))


SNAKE = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$")
INTEGER = re.compile(r"^-?(0|[1-9][0-9]*)$")
NUMBER = re.compile(r"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?$")


def rfc4180_records(where, text):
    """Split text into records of fields by RFC 4180 alone, and report every
    place the file departs from it or quotes a field that needs no quotes."""
    records, fields, field = [], [], []
    quoted = False  # the current field was written in quotes
    i, n = 0, len(text)
    at_start = True  # at the start of a field
    while i < n:
        c = text[i]
        if at_start and c == '"':
            quoted, at_start = True, False
            i += 1
            while True:
                if i >= n:
                    bad(where, "unterminated quoted field at end of file")
                    return records
                c = text[i]
                if c == '"':
                    if i + 1 < n and text[i + 1] == '"':
                        field.append('"')
                        i += 2
                        continue
                    i += 1
                    break
                field.append(c)
                i += 1
            if i < n and text[i] not in ",\r":
                bad(where, "record %d: text after a closing quote" % (len(records) + 1))
            continue
        at_start = False
        if c == ",":
            fields.append((quoted, "".join(field)))
            field, quoted, at_start = [], False, True
            i += 1
        elif c == "\r":
            if i + 1 >= n or text[i + 1] != "\n":
                bad(where, "record %d: CR not followed by LF" % (len(records) + 1))
                i += 1
                continue
            fields.append((quoted, "".join(field)))
            records.append(fields)
            fields, field, quoted, at_start = [], [], False, True
            i += 2
        elif c == "\n":
            bad(where, "record %d: bare LF line end (RFC 4180 wants CRLF)" % (len(records) + 1))
            fields.append((quoted, "".join(field)))
            records.append(fields)
            fields, field, quoted, at_start = [], [], False, True
            i += 1
        elif c == '"':
            bad(where, "record %d: quote inside an unquoted field" % (len(records) + 1))
            field.append(c)
            i += 1
        else:
            field.append(c)
            i += 1
    if fields or field or not at_start:
        bad(where, "last record does not end with CRLF")
        fields.append((quoted, "".join(field)))
        records.append(fields)
    for r, rec in enumerate(records, 1):
        for q, value in rec:
            if q and not any(ch in value for ch in ',"\r\n'):
                bad(where, "record %d: field %r is quoted but needs no quotes" % (r, value))
    return [[value for _, value in rec] for rec in records]


def read_table(where, path):
    with open(path, "rb") as f:
        data = f.read()
    if data.startswith(b"\xef\xbb\xbf"):
        bad(where, "starts with a byte order mark")
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        bad(where, "not UTF-8: %s" % e)
        return None, data
    if not unicodedata.is_normalized("NFC", text):
        for lineno, line in enumerate(text.split("\n"), 1):
            if not unicodedata.is_normalized("NFC", line):
                bad(where, "line %d is not in NFC: %r" % (lineno, line[:80]))
                break
    records = rfc4180_records(where, text)
    # The standard library's reader must agree with the strict reading.
    std = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    if std != records:
        bad(where, "Python's csv module reads the file differently from RFC 4180")
    return records, data


def check_value(where, field, value):
    t = field.get("type", "string")
    if t == "year":
        if not re.fullmatch(r"-?[0-9]{4}", value):
            bad(where, "%s=%r is not a year" % (field["name"], value))
    elif t == "yearmonth":
        if not re.fullmatch(r"-?[0-9]{4}-(0[1-9]|1[0-2])", value):
            bad(where, "%s=%r is not a year and month" % (field["name"], value))
    elif t == "integer":
        if not INTEGER.match(value):
            bad(where, "%s=%r is not an integer" % (field["name"], value))
    elif t == "number":
        if not NUMBER.match(value) or not math.isfinite(float(value)):
            bad(where, "%s=%r is not a number" % (field["name"], value))
    elif t == "boolean":
        if value not in field.get("trueValues", ["true"]) + field.get("falseValues", ["false"]):
            bad(where, "%s=%r is not a boolean" % (field["name"], value))
    elif t != "string":
        bad(where, "%s has unexpected type %r" % (field["name"], t))


def parse_dump(path):
    """The counts line and, per kind, the node ids in graph order."""
    counts, ids, lists = {}, {}, {"alias": 0, "source": 0, "merged": 0}
    token = re.compile(r'\s([a-z_]+)="((?:[^"\\]|\\.)*)"')
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            words = line.split(" ")
            if words[0] == "counts":
                for w in words[1:]:
                    k, _, v = w.partition("=")
                    counts[k] = int(v)
            elif words[0] in ("edge", "quality", "profile"):
                continue
            elif len(words) >= 3 and words[2].startswith("@"):
                ids.setdefault(words[0], []).append(words[1])
                for key, _ in token.findall(line):
                    # Lists held by a node become rows of their own tables.
                    if (words[0], key) in (("actor", "alias"), ("indicator", "source"), ("publication", "merged")):
                        lists[key] += 1
    return counts, ids, lists


# The dump's names for what the tables hold.
DUMP_COUNT_TABLE = {
    "countries": "countries", "indicators": "indicators", "sources": "sources", "events": "events",
    "actors": "actors", "persons": "people", "publications": "publications", "instruments": "instruments",
    "articles": "articles", "parts": "parts", "penalties": "penalties", "thresholds": "thresholds",
    "event_actors": "event_actors", "actor_relations": "actor_relations", "authorships": "authorships",
    "event_citations": "event_citations", "penalty_changes": "penalty_changes", "themes": "themes",
}
DUMP_KIND_TABLE = {
    "country": "countries", "indicator": "indicators", "source": "sources", "event": "events",
    "actor": "actors", "person": "people", "publication": "publications", "instrument": "instruments",
    "article": "articles", "part": "parts", "penalty": "penalties", "threshold": "thresholds", "theme": "themes",
}
# Every bibliography entry has a listing: each publication, and each entry merged into one.
DUMP_LIST_TABLE = {"alias": "actor_aliases", "source": "indicator_sources", "merged": "publication_listings"}


def main(argv):
    if len(argv) not in (2, 3):
        sys.stderr.write("usage: csv_check.py CSV_DIR [DUMP_FILE]\n")
        return 2
    root = argv[1]
    pkg_path = os.path.join(root, "datapackage.json")
    with open(pkg_path, "rb") as f:
        raw = f.read()
    try:
        pkg = json.loads(raw.decode("utf-8"))
    except ValueError as e:
        print("datapackage.json: not JSON: %s" % e)
        return 1
    if pkg.get("profile") != "tabular-data-package":
        bad("datapackage.json", "profile is %r" % pkg.get("profile"))
    if not re.match(r"^[a-z0-9._-]+$", pkg.get("name", "")):
        bad("datapackage.json", "name %r is not a valid package name" % pkg.get("name"))
    if not re.match(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", pkg.get("created", "")):
        bad("datapackage.json", "created %r is not an RFC 3339 UTC time" % pkg.get("created"))
    for key in ("title", "sources", "resources"):
        if not pkg.get(key):
            bad("datapackage.json", "no %s" % key)
    for s in pkg.get("sources", []):
        if not s.get("title"):
            bad("datapackage.json", "a source without a title")

    resources = {}
    tables = {}  # name -> (fields, rows as dicts)
    listed = set()
    for res in pkg.get("resources", []):
        name = res.get("name", "")
        where = "%s (resource)" % name
        if name in resources:
            bad(where, "resource listed twice")
        resources[name] = res
        for key, want in (("profile", "tabular-data-resource"), ("format", "csv"), ("mediatype", "text/csv"),
                          ("encoding", "utf-8"), ("path", name + ".csv")):
            if res.get(key) != want:
                bad(where, "%s is %r, expected %r" % (key, res.get(key), want))
        dialect = res.get("dialect", {})
        if dialect.get("lineTerminator") != "\r\n" or dialect.get("delimiter", ",") != ",":
            bad(where, "dialect %r" % dialect)
        path = os.path.join(root, res.get("path", ""))
        listed.add(res.get("path"))
        if not os.path.isfile(path):
            bad(where, "file %s is missing" % res.get("path"))
            continue
        where = res["path"]
        records, data = read_table(where, path)
        if res.get("bytes") != os.path.getsize(path):
            bad(where, "bytes %r, file has %d" % (res.get("bytes"), os.path.getsize(path)))
        with open(path, "rb") as f:
            digest = "sha256:" + hashlib.sha256(f.read()).hexdigest()
        if res.get("hash") != digest:
            bad(where, "hash %r, file has %s" % (res.get("hash"), digest))
        if records is None:
            continue
        fields = res.get("schema", {}).get("fields", [])
        names = [fl.get("name") for fl in fields]
        if not records:
            bad(where, "no header row")
            continue
        if records[0] != names:
            bad(where, "header %r differs from the schema's fields %r" % (records[0], names))
        if len(set(names)) != len(names):
            bad(where, "field names are not unique")
        for nm in names:
            if not SNAKE.match(nm or ""):
                bad(where, "field name %r is not snake_case" % nm)
        rows = []
        for r, rec in enumerate(records[1:], 2):
            if len(rec) != len(fields):
                bad("%s:%d" % (where, r), "%d fields, header has %d" % (len(rec), len(fields)))
                continue
            for fl, value in zip(fields, rec):
                if value != "":
                    check_value("%s:%d" % (where, r), fl, value)
            rows.append(dict(zip(names, rec)))
        tables[name] = (fields, rows)

    present = set(f for f in os.listdir(root) if f != "datapackage.json")
    for f in sorted(present - listed):
        bad(f, "file is not described by datapackage.json")

    # Keys, now that every table is loaded.
    for name, res in resources.items():
        if name not in tables:
            continue
        fields, rows = tables[name]
        schema = res.get("schema", {})
        pk = schema.get("primaryKey")
        if isinstance(pk, str):
            pk = [pk]
        if pk:
            seen = {}
            for r, row in enumerate(rows, 2):
                key = tuple(row.get(k) for k in pk)
                if any(v in ("", None) for v in key):
                    bad("%s.csv:%d" % (name, r), "empty primary key %r" % (key,))
                if key in seen:
                    bad("%s.csv:%d" % (name, r), "primary key %r repeats line %d" % (key, seen[key]))
                seen.setdefault(key, r)
        for fk in schema.get("foreignKeys", []):
            cols = fk.get("fields")
            cols = [cols] if isinstance(cols, str) else cols
            ref = fk.get("reference", {})
            target = ref.get("resource") or name
            tcols = ref.get("fields")
            tcols = [tcols] if isinstance(tcols, str) else tcols
            if target not in tables:
                bad("%s (resource)" % name, "foreign key to unknown resource %r" % target)
                continue
            keys = set(tuple(row.get(c) for c in tcols) for row in tables[target][1])
            for r, row in enumerate(rows, 2):
                value = tuple(row.get(c) for c in cols)
                if any(v == "" for v in value):
                    # A missing reference, not a broken one: a composite key
                    # (the world's country, id) with an empty part is no
                    # reference, as SQL's MATCH SIMPLE has it.
                    continue
                if value not in keys:
                    bad("%s.csv:%d" % (name, r), "%s=%r names no row of %s" % (",".join(cols), value, target))

    # The graph's own view, when given.
    if len(argv) == 3:
        counts, ids, lists = parse_dump(argv[2])
        if not counts:
            bad(argv[2], "no counts line")
        for key, n in sorted(counts.items()):
            if key == "quality":
                continue
            table = DUMP_COUNT_TABLE.get(key)
            if table is None:
                bad(argv[2], "the graph has %s, which no table holds" % key)
                continue
            got = len(tables.get(table, (None, []))[1])
            if got != n:
                bad("%s.csv" % table, "%d rows, the graph has %d %s" % (got, n, key))
        lists["merged"] += counts.get("publications", 0)
        for key, n in lists.items():
            table = DUMP_LIST_TABLE[key]
            got = len(tables.get(table, (None, []))[1])
            if got != n:
                bad("%s.csv" % table, "%d rows, the graph has %d" % (got, n))
        for kind, want in ids.items():
            table = DUMP_KIND_TABLE.get(kind)
            if table is None:
                bad(argv[2], "the graph has nodes of kind %s, which no table holds" % kind)
                continue
            got = [row.get("id") for row in tables.get(table, (None, []))[1]]
            if got != want:
                bad("%s.csv" % table, "ids differ from the graph's order")

    for p in problems:
        print(p)
    if problems:
        return 1
    print("ok: %d tables, %d rows" % (len(tables), sum(len(t[1]) for t in tables.values())))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
