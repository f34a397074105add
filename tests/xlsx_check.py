#!/usr/bin/python3
"""Read a built workbook back and prove what an analyst relies on.

usage: xlsx_check.py WORKBOOK.xlsx DUMP.txt [--epoch=SECONDS]
       xlsx_check.py --break=HOW GOOD.xlsx BAD.xlsx


DUMP.txt is the output of `profilec dump` for the same source: the graph's
counts and the stable order of every node. Prints one line per failure and
exits 1 when there is any; prints a summary and exits 0 otherwise.
The --break form writes a copy of a good workbook with one defect, so that
the tests can prove this checker notices it.
"""
import datetime
import re
import sys
import zipfile

import openpyxl

# The dump's node kinds and the sheets that list them, one row per node.
NODE_SHEETS = {
    "country": "countries",
    "indicator": "indicators",
    "source": "sources",
    "event": "events",
    "actor": "actors",
    "person": "people",
    "publication": "publications",
    "instrument": "instruments",
    "article": "articles",
    "part": "parts",
    "penalty": "penalties",
    "threshold": "thresholds",
    "theme": "themes",
}
# Edge tables whose count the dump's "counts" line gives.
EDGE_SHEETS = {
    "event_actors": "event_actors",
    "actor_relations": "actor_relations",
    "authorships": "authorships",
    "event_citations": "event_citations",
    "penalty_changes": "penalty_changes",
    "quality": "data_quality",
}
# Tables that flatten a list held by each node: (node kind, dump key).
FLAT_SHEETS = {
    "indicator_sources": ("indicator", "source"),
    "actor_aliases": ("actor", "alias"),
    # Every bibliography entry: each publication, and each entry merged into one.
    "publication_listings": ("publication", "merged"),
}
NUMERIC = {"year", "end_year", "founded", "value", "min_value", "max_value", "age", "line", "position", "factor"}
DECIMAL = {"value", "min_value", "max_value", "factor"}
BOOLEAN = {"directory", "signed", "ratified", "in_force", "unit_is_currency"}
WIDTH_CAP = 81  # the widest a data column is made (80, and Excel's padding)
ATTR = re.compile(r' (\w+)="((?:[^"\\]|\\.)*)"')

failures = []


def fail(msg):
    failures.append(msg)


def parse_dump(path):
    counts, ids, flat = {}, {}, {k: 0 for k in FLAT_SHEETS}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("counts "):
                for kv in line.split()[1:]:
                    k, v = kv.split("=")
                    counts[k] = int(v)
                continue
            word = line.split(" ", 1)[0]
            if word in NODE_SHEETS:
                ids.setdefault(word, []).append(line.split(" ")[1])
                keys = [m.group(1) for m in ATTR.finditer(line)]
                for sheet, (kind, key) in FLAT_SHEETS.items():
                    if kind == word:
                        flat[sheet] += keys.count(key)
    if not counts:
        fail(f"{path}: no counts line: not a profilec dump")
    expected = {}
    for kind, sheet in NODE_SHEETS.items():
        expected[sheet] = len(ids.get(kind, []))
    for key, sheet in EDGE_SHEETS.items():
        if key in counts:
            expected[sheet] = counts[key]
    expected.update(flat)
    expected["publication_listings"] += counts.get("publications", 0)
    return expected, ids


def data_rows(ws):
    """Rows under the header that hold at least one value."""
    n = 0
    for row in ws.iter_rows(min_row=2, values_only=True):
        if any(v is not None for v in row):
            n += 1
    return n


def header(ws):
    return [c.value for c in ws[1]]


def check_sheet(ws, expected_rows):
    name = ws.title
    if ws.freeze_panes != "A2":
        fail(f"{name}: header row not frozen (freeze_panes={ws.freeze_panes!r})")
    tables = list(ws.tables.values()) if hasattr(ws.tables, "values") else []
    if len(tables) != 1:
        fail(f"{name}: {len(tables)} tables, want 1")
        return
    t = tables[0]
    ncols = ws.max_column
    last_col = openpyxl.utils.get_column_letter(ncols)
    want_ref = f"A1:{last_col}{max(expected_rows, 1) + 1}"
    if t.ref != want_ref:
        fail(f"{name}: table covers {t.ref}, want {want_ref}")
    if t.autoFilter is None or t.autoFilter.ref != t.ref:
        fail(f"{name}: table has no autofilter over its range")
    heads = header(ws)
    if any(h is None or h == "" for h in heads) or len(set(heads)) != len(heads):
        fail(f"{name}: header row {heads!r} has an empty or repeated name")
    for c in ws[1]:
        if not c.font or not c.font.b:
            fail(f"{name}!{c.coordinate}: header cell not bold")
    n = data_rows(ws)
    if n != expected_rows:
        fail(f"{name}: {n} rows, the graph has {expected_rows}")
    if ws.max_row > max(expected_rows, 1) + 1:
        fail(f"{name}: cells below the table (max_row {ws.max_row})")
    for col, h in enumerate(heads, start=1):
        letter = openpyxl.utils.get_column_letter(col)
        dim = ws.column_dimensions.get(letter)
        width = dim.width if dim is not None else None
        if not width or width < 4 or width > WIDTH_CAP:
            fail(f"{name}!{letter}: column width {width!r} not fitted within {WIDTH_CAP}")
        for cell in ws.iter_cols(min_col=col, max_col=col, min_row=2).__next__():
            v = cell.value
            if v is None:
                continue
            # A decimal past a double's 15 significant digits is its digits as text.
            long_decimal = isinstance(v, str) and h in DECIMAL and re.fullmatch(r"-?[0-9]+(\.[0-9]+)?", v) \
                and len(v.replace("-", "").replace(".", "").strip("0")) > 15
            if h in NUMERIC and not long_decimal and (cell.data_type != "n" or isinstance(v, bool) or not isinstance(v, (int, float))):
                fail(f"{name}!{cell.coordinate}: {h} is {v!r} ({cell.data_type}), not a number")
            if h in BOOLEAN and not isinstance(v, bool):
                fail(f"{name}!{cell.coordinate}: {h} is {v!r}, not a boolean")
            if isinstance(v, str) and width and len(v) > width and not (cell.alignment and cell.alignment.wrap_text):
                fail(f"{name}!{cell.coordinate}: text of {len(v)} characters in a column {width} wide is not wrapped")
    return n


# The columns whose cells link out of the workbook, and the IRI each value
# links to (compiler/identifiers.c; a DOI here has no character to encode).
EXTERNAL = {
    "website": lambda v: v, "url": lambda v: v, "doi": lambda v: "https://doi.org/" + v,
    "orcid": lambda v: "https://orcid.org/" + v, "ror": lambda v: "https://ror.org/" + v,
    "wikidata": lambda v: "http://www.wikidata.org/entity/" + v,
}


def check_cells(wb):
    """No formula anywhere, no empty-string cell, every link internal and live, or out to a link's or
    identifier's own IRI."""
    n_links = 0
    max_row = {ws.title: ws.max_row for ws in wb.worksheets}  # openpyxl recounts it on every call
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if c.data_type == "f" or (isinstance(c.value, str) and c.data_type != "s"):
                    fail(f"{ws.title}!{c.coordinate}: a formula or untyped text: {c.value!r}")
                if c.value == "":
                    fail(f"{ws.title}!{c.coordinate}: an empty string where a missing value is an empty cell")
                if c.hyperlink is None:
                    continue
                n_links += 1
                loc = c.hyperlink.location
                if c.hyperlink.target and not loc:
                    # A link out is a link or identifier column's, to the value's IRI.
                    head = ws.cell(row=1, column=c.column).value
                    want = EXTERNAL.get(head, lambda v: None)(c.value)
                    if c.hyperlink.target != want:
                        fail(f"{ws.title}!{c.coordinate}: link leaves the workbook ({c.hyperlink.target!r}), "
                             f"want {want!r}")
                    continue
                if not loc or c.hyperlink.target:
                    fail(f"{ws.title}!{c.coordinate}: link leaves the workbook ({c.hyperlink.target!r})")
                    continue
                m = re.fullmatch(r"'?([^'!]+)'?!A(\d+)", loc)
                if not m or m.group(1) not in wb.sheetnames:
                    fail(f"{ws.title}!{c.coordinate}: link to {loc!r}: no such sheet")
                    continue
                target, row = wb[m.group(1)], int(m.group(2))
                if row > 1:
                    if row > max_row[target.title] or target.cell(row=row, column=1).value is None:
                        fail(f"{ws.title}!{c.coordinate}: link to {loc!r}: no such row")
                    elif target.cell(row=row, column=1).value != c.value:
                        fail(f"{ws.title}!{c.coordinate}: link '{c.value}' lands on "
                             f"'{target.cell(row=row, column=1).value}' at {loc}")
    return n_links


def check_zip(path, epoch, n_events, n_themes):
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        for n in names:
            if n.startswith("xl/worksheets/sheet") and re.search(rb"<f[ >]", z.read(n)):
                fail(f"{n}: holds a formula element")
        charts = [n for n in names if n.startswith("xl/charts/chart")]
        # The chart of events per year, when there are events to show.
        if len(charts) != (1 if n_events else 0):
            fail(f"{len(charts)} charts for {n_events} events, want {1 if n_events else 0}")
        elif charts:
            x = z.read(charts[0]).decode()
            if '<c:barDir val="col"/>' not in x or '<c:grouping val="stacked"/>' not in x:
                fail(f"{charts[0]}: not a stacked column chart")
            if x.count("<c:ser>") != n_themes:
                fail(f"{charts[0]}: {x.count('<c:ser>')} series, want one per theme ({n_themes})")
        drawings = [n for n in names if n.startswith("xl/drawings/drawing")]
        alts = [m for n in drawings for m in re.findall(r'descr="([^"]*)"', z.read(n).decode())]
        if (charts and not alts) or any(len(a) < 20 for a in alts):
            fail(f"chart alt text missing or too short: {alts!r}")
        if epoch is not None:
            core = z.read("docProps/core.xml").decode()
            when = datetime.datetime.fromtimestamp(max(epoch, 1), datetime.timezone.utc)
            stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ")
            if f">{stamp}</dcterms:created>" not in core:
                fail(f"docProps/core.xml: created is not {stamp}: {core[-300:]!r}")


def break_workbook(how, good, bad):
    """A copy of a good workbook with one defect a user would notice."""
    from openpyxl.worksheet.hyperlink import Hyperlink
    wb = openpyxl.load_workbook(good)
    ev = wb["events"]
    if how == "formula":
        ev["E2"] = "=1+1"
    elif how == "unfreeze":
        ev.freeze_panes = None
    elif how == "dead-link":
        c = wb["penalties"]["B2"]
        c.hyperlink = Hyperlink(ref=c.coordinate, location="'articles'!A999")
    elif how == "drop-row":
        ev.delete_rows(3)
    elif how == "text-year":
        ev["B2"] = str(ev["B2"].value)
    elif how == "no-table":
        for name in list(ev.tables):
            del ev.tables[name]
    else:
        print(f"unknown --break={how}", file=sys.stderr)
        return 2
    wb.save(bad)
    return 0


def main():
    for a in sys.argv[1:]:
        if a.startswith("--break="):
            rest = [x for x in sys.argv[1:] if not x.startswith("--")]
            return break_workbook(a.split("=", 1)[1], rest[0], rest[1])
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    epoch = None
    for a in sys.argv[1:]:
        if a.startswith("--epoch="):
            epoch = int(a.split("=", 1)[1])
    if len(args) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    path, dump = args
    expected, ids = parse_dump(dump)
    wb = openpyxl.load_workbook(path)
    if not wb.sheetnames or wb.sheetnames[0] != "About":
        fail(f"first sheet is {wb.sheetnames[:1]!r}, want About")
    about = wb["About"]
    # The About sheet's guide: every other sheet, its row count.
    listed = {}
    for row in about.iter_rows():
        c = row[0]
        if c.hyperlink is not None and c.hyperlink.location and isinstance(row[1].value, (int, float)):
            listed[c.value] = int(row[1].value)
    data_sheets = wb.sheetnames[1:]
    if sorted(listed) != sorted(data_sheets):
        fail(f"About lists {sorted(listed)}, the workbook has {sorted(data_sheets)}")
    total = 0
    for name in data_sheets:
        ws = wb[name]
        want = expected.get(name)
        if want is None:
            print(f"note: {name}: no count in the dump; checked against About only")
            want = listed.get(name, -1)
        elif listed.get(name) != want:
            fail(f"About says {name} has {listed.get(name)} rows, the graph has {want}")
        n = check_sheet(ws, want)
        total += n or 0
    for sheet in set(expected) - set(data_sheets):
        fail(f"no sheet '{sheet}' for the graph's {expected[sheet]} rows")
    # Rows in the graph's stable order: a node sheet's ids are the dump's ids.
    for kind, sheet in NODE_SHEETS.items():
        if sheet not in wb.sheetnames:
            continue
        got = [r[0] for r in wb[sheet].iter_rows(min_row=2, values_only=True) if r[0] is not None]
        if got != ids.get(kind, []):
            fail(f"{sheet}: ids or their order differ from the graph's")
    # Typed cells where it matters most.
    ev = wb["events"] if "events" in wb.sheetnames else None
    if ev is not None and expected.get("events"):
        col = header(ev).index("year") + 1
        years = [ev.cell(row=r, column=col).value for r in range(2, expected["events"] + 2)]
        if not all(isinstance(y, int) and not isinstance(y, bool) for y in years):
            fail(f"events: a year is not a whole number: {years!r}")
    pen = wb["penalties"] if "penalties" in wb.sheetnames else None
    if pen is not None and expected.get("penalties"):
        h = header(pen)
        bounds = [pen.cell(row=r, column=h.index(k) + 1).value
                  for r in range(2, expected["penalties"] + 2) for k in ("min_value", "max_value")]
        if not any(isinstance(b, (int, float)) and not isinstance(b, bool) for b in bounds):
            fail("penalties: no numeric bound at all")
    ind = wb["indicators"] if "indicators" in wb.sheetnames else None
    if ind is not None:
        h = header(ind)
        for r in ind.iter_rows(min_row=2, values_only=True):
            if r[h.index("value_text")] is None and r[h.index("value")] is not None:
                fail(f"indicators: '{r[0]}' has no value in the profile but a value cell {r[h.index('value')]!r}")
    n_links = check_cells(wb)
    check_zip(path, epoch, expected.get("events", 0), expected.get("themes", 0))
    for f in failures:
        print("FAIL: " + f)
    if failures:
        return 1
    print(f"ok: {len(data_sheets)} sheets, {total} rows, {n_links} links checked")
    return 0


if __name__ == "__main__":
    sys.exit(main())
