#!/usr/bin/python3
"""Check the world dataset of a build against its countries' own packages.

usage: world_check.py DIST [same|apart KIND CC:ID CC:ID ...]...

DIST is a build's output directory: DIST/world/csv and DIST/<cc>/csv.
Checks: every profile table of the world holds exactly the rows of every
country's own table, with the country first, in country order (so every
event, article and penalty is there once); every world entity has at least
one provenance row and every profile organization, person and publication
exactly one; `same KIND A B...` asserts that those profile entities are one
world entity whose countries are exactly theirs; `apart KIND A B...` that
they are all different world entities. KIND is actor, person or publication.
Prints one line per problem and exits 1 when there is any.
(tests/csv_check.py checks the package itself: types, keys, foreign keys.)
"""

import csv
import decimal
import io
import json
import os
import re
import sys
import zipfile

problems = []


def bad(msg):
    problems.append(msg)


def rows(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.reader(io.StringIO(f.read())))


ENTITY = {"actor": "actors", "person": "people", "publication": "publications"}


def cell_text(v):
    """A workbook cell as its CSV field: a number in plain decimal notation
    (1.23456789e-22 is 0.000000000000000000000123456789 in the CSV)."""
    if v is None:
        return ""
    if v is True or v is False:
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        text = format(decimal.Decimal(repr(v)), "f")
        if "." in text:
            text = text.rstrip("0").rstrip(".")
        return "0" if text == "-0" else text
    return str(v)


# The IRI a world entity's identifiers cell links to: its first identifier's.
RESOLVER = {"doi": "https://doi.org/", "orcid": "https://orcid.org/", "ror": "https://ror.org/",
            "wikidata": "http://www.wikidata.org/entity/"}
LINKS_MAX = 65530  # Excel's hyperlinks per worksheet


def out_links(ws):
    """The links out of the workbook in a sheet: {(row, column): target}."""
    return {(c.row, c.column): c.hyperlink.target for r in ws.iter_rows() for c in r
            if c.hyperlink is not None and c.hyperlink.target and not c.hyperlink.location}


def check_links(dist, wb, countries, names):
    """The world workbook links what each country's workbook links out of
    itself (a website, a DOI: the same cells, to the same IRIs), and a world
    entity's identifiers to the first one's IRI; past Excel's limit per
    sheet the rest are plain text, the first plain cell says so."""
    import openpyxl
    own = {}
    for cc in countries:
        path = os.path.join(dist, cc, cc + ".xlsx")
        if os.path.exists(path):
            own[cc] = openpyxl.load_workbook(path)
    if len(own) != len(countries):
        return  # built without the countries' workbooks: nothing to compare with
    for name in names:
        if name not in wb.sheetnames:
            continue
        got = out_links(wb[name])
        want = {}
        if name.startswith("world_"):
            head = [c.value for c in wb[name][1]]
            col = head.index("identifiers") + 1
            for (r,) in wb[name].iter_rows(min_row=2, min_col=col, max_col=col):
                if r.value:
                    scheme, _, value = r.value.split(" ")[0].partition(":")
                    if scheme in RESOLVER:
                        want[(r.row, col)] = RESOLVER[scheme] + value
        elif name in own[countries[0]].sheetnames:
            offset = 0
            for cc in countries:
                ws = own[cc][name]
                if name != "countries":
                    for (r, c), target in out_links(ws).items():
                        want[(r + offset, c + 1)] = target
                    offset += len(rows(os.path.join(dist, cc, "csv", name + ".csv"))) - 1
        order = sorted(want)
        if len(order) > LINKS_MAX:
            past = order[LINKS_MAX]
            note = wb[name].cell(row=past[0], column=past[1]).comment
            if note is None or "plain text" not in note.text:
                bad("world.xlsx: sheet %s, %d links: no note on the first plain cell %r" % (name, len(order), past))
            want = {k: want[k] for k in order[:LINKS_MAX]}
        if got != want:
            extra = sorted(set(got.items()) - set(want.items()))[:3]
            missing = sorted(set(want.items()) - set(got.items()))[:3]
            bad("world.xlsx: sheet %s links %d cells, want %d (extra %r, missing %r)"
                % (name, len(got), len(want), extra, missing))


def table_rows(ws, name):
    """A table of a sheet as lists of values, its header first."""
    return [[c.value for c in r] for r in ws[ws.tables[name].ref]]


def check_compare(dist, wb, countries, where):
    """The comparison sheet's numbers are the countries' own: rows per
    table, shared entities (in a world entity with another country),
    thresholds, events per year."""
    ws = wb["Comparison"]
    if any(t not in ws.tables for t in ("counts_by_country", "thresholds_by_country", "events_per_year")):
        return
    own = lambda cc, t: rows(os.path.join(dist, cc, "csv", t + ".csv"))
    shared = {"shared organizations": "actor", "shared people": "person", "shared publications": "publication"}
    counts = table_rows(ws, "counts_by_country")
    if [r[0] for r in counts[1:]] != countries:
        bad("world.xlsx: counts_by_country lists %r" % [r[0] for r in counts[1:]])
    for r in counts[1:]:
        for head, v in zip(counts[0][3:], r[3:]):
            if head in shared:
                seen, found = where[shared[head]]
                want = sum(1 for (cc, _), wid in seen.items() if cc == r[0] and len(found[wid]) > 1)
            else:
                want = len(own(r[0], head)) - 1  # the column is named after the table
            if v != want:
                bad("world.xlsx: counts_by_country %s %s is %r, want %d" % (r[0], head, v, want))
    thr = table_rows(ws, "thresholds_by_country")
    for r in thr[1:]:
        ages = {}
        t = own(r[0], "thresholds")
        for x in t[1:]:
            ages.setdefault(x[t[0].index("kind")], int(x[t[0].index("age")]))
        if dict((k, v) for k, v in zip(thr[0][1:], r[1:]) if v is not None) != ages:
            bad("world.xlsx: thresholds_by_country %s is %r, want %r" % (r[0], r[1:], ages))
    years = table_rows(ws, "events_per_year")
    for i, cc in enumerate(years[0][1:], 1):
        ev = own(cc, "events")
        want = {}
        for x in ev[1:]:
            y = x[ev[0].index("year")]
            if y:
                want[int(y)] = want.get(int(y), 0) + 1
        got = {r[0]: r[i] for r in years[1:] if r[i]}
        if got != want:
            bad("world.xlsx: events_per_year of %s is %r, want %r" % (cc, got, want))


def inline_sheets(path):
    """The sheets whose text is inline strings (a constant_memory sheet's):
    openpyxl reads those raw, without the _xHHHH_ escapes Excel and
    LibreOffice decode in them as in shared strings."""
    with zipfile.ZipFile(path) as z:
        book = z.read("xl/workbook.xml").decode()
        rels = z.read("xl/_rels/workbook.xml.rels").decode()
        out = set()
        for name, rid in re.findall(r'<sheet name="([^"]+)" sheetId="\d+" r:id="(rId\d+)"', book):
            target = re.search(r'Id="%s" Type="[^"]+" Target="([^"]+)"' % rid, rels).group(1)
            if 't="inlineStr"' in z.read("xl/" + target).decode():
                out.add(name)
        return out


def xstring(v):
    """An inline string as Excel reads it (ECMA-376 ST_Xstring)."""
    return re.sub(r"_x([0-9A-Fa-f]{4})_", lambda m: chr(int(m.group(1), 16)), v) if isinstance(v, str) else v


def check_xlsx(dist, world, names, countries):
    """world.xlsx, when built: a first sheet comparing the countries, then
    one Excel table per CSV table with the same header and rows, and the
    same links out as the countries' workbooks."""
    path = os.path.join(dist, "world", "world.xlsx")
    if not os.path.exists(path):
        return
    import openpyxl
    wb = openpyxl.load_workbook(path)
    if wb.sheetnames[0] != "Comparison":
        bad("world.xlsx: first sheet is %r" % wb.sheetnames[0])
    inline = inline_sheets(path)
    compare = wb["Comparison"]
    for t in ("counts_by_country", "thresholds_by_country", "events_per_year"):
        if t not in compare.tables:
            bad("world.xlsx: no table %s on the comparison sheet" % t)
    if len(compare._charts) != 1:
        bad("world.xlsx: the comparison sheet has %d charts" % len(compare._charts))
    for name in names:
        if name not in wb.sheetnames or name not in wb[name].tables:
            bad("world.xlsx: no table %s" % name)
            continue
        want = rows(os.path.join(world, name + ".csv"))
        text = xstring if name in inline else (lambda v: v)
        got = [[cell_text(text(v)) for v in r] for r in wb[name].iter_rows(values_only=True)]
        if len(want) == 1:
            got = got[:1]  # an empty table has one blank row under its header
        if got != want:
            bad("world.xlsx: sheet %s differs from %s.csv (%d rows, want %d)" % (name, name, len(got), len(want)))
    check_links(dist, wb, countries, names)


def check_jsonld(dist, where):
    """world.jsonld, when built: loads with pyld, and each world entity is
    schema:sameAs exactly the profile nodes its provenance rows name."""
    path = os.path.join(dist, "world", "world.jsonld")
    if not os.path.exists(path):
        return
    from pyld import jsonld
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    same = {}
    for node in jsonld.expand(doc):
        for ref in node.get("http://schema.org/sameAs", []):
            same.setdefault(node["@id"], set()).add(ref["@id"])
    kinds = {"actor": "actor", "person": "person", "publication": "publication"}
    for kind, (seen, _) in where.items():
        for (cc, ident), wid in seen.items():
            world_iri = [i for i in same if i.endswith("/world/%s/%s" % (kinds[kind], wid))]
            if len(world_iri) != 1:
                bad("world.jsonld: no node for %s %s" % (kind, wid))
                continue
            if not any(r.endswith("/%s/%s/%s" % (cc, kinds[kind], ident)) for r in same[world_iri[0]]):
                bad("world.jsonld: %s is not sameAs %s:%s" % (wid, cc, ident))
    # Links to the profiles' own entities; the others are the identifiers'
    # IRIs (https://ror.org/..., https://doi.org/...: format 1.1).
    resolvers = ("https://doi.org/", "https://orcid.org/", "https://ror.org/", "http://www.wikidata.org/entity/")
    n_links = sum(1 for v in same.values() for r in v if not r.startswith(resolvers))
    n_rows = sum(len(seen) for seen, _ in where.values())
    if n_links != n_rows:
        bad("world.jsonld: %d sameAs links, %d provenance rows" % (n_links, n_rows))


def main(argv):
    dist = argv[1]
    world = os.path.join(dist, "world", "csv")
    with open(os.path.join(world, "datapackage.json"), encoding="utf-8") as f:
        package = json.load(f)
    names = [r["name"] for r in package["resources"]]
    # Profile ids are unique only within their profile: every reference
    # from a profile table to another is a (country, id) pair.
    for res in package["resources"]:
        for fk in res["schema"].get("foreignKeys", []):
            target = fk["reference"]["resource"] or res["name"]
            if target not in ("countries", "world_actors", "world_people", "world_publications") and \
                    (fk["fields"][0] != "country" or fk["reference"]["fields"][0] != "country"):
                bad("datapackage.json: %s %r -> %s %r is not a (country, id) key"
                    % (res["name"], fk["fields"], target, fk["reference"]["fields"]))
    countries = [r[0] for r in rows(os.path.join(world, "countries.csv"))[1:]]
    if countries != sorted(countries) or len(countries) < 2:
        bad("countries.csv: %r is not two or more countries in order" % countries)
    for cc in countries:
        if not os.path.isdir(os.path.join(dist, cc, "csv")):
            bad("%s: no csv package of its own" % cc)
    # Profile tables: the world's rows are the countries' rows, country first.
    for name in sorted(os.listdir(os.path.join(dist, countries[0], "csv"))):
        if not name.endswith(".csv"):
            continue
        stem = name[:-4]
        if stem not in names:
            bad("world package lacks the profile table %s" % stem)
            continue
        got = rows(os.path.join(world, name))
        want_rows = []
        for cc in countries:
            own = rows(os.path.join(dist, cc, "csv", name))
            head = own[0]
            want_rows += own[1:] if stem == "countries" else [[cc] + r for r in own[1:]]
        want_head = head if stem == "countries" else ["country"] + head
        if got[0] != want_head:
            bad("%s: header %r, want %r" % (name, got[0], want_head))
        if got[1:] != want_rows:
            bad("%s: %d rows differ from the countries' %d rows" % (name, len(got) - 1, len(want_rows)))
    # Entities and provenance.
    where = {}  # kind -> {(cc, id): world id}
    for kind, table in ENTITY.items():
        prov = rows(os.path.join(world, "%s_provenance.csv" % kind))
        ent = rows(os.path.join(world, "world_%s.csv" % table))
        wids = [r[0] for r in ent[1:]]
        if len(set(wids)) != len(wids):
            bad("world_%s.csv: a world id repeats" % table)
        seen = {}
        for r in prov[1:]:
            key = (r[1], r[2])
            if key in seen:
                bad("%s_provenance.csv: %s:%s is in two world entities" % (kind, key[0], key[1]))
            seen[key] = r[0]
        for wid in wids:
            if wid not in seen.values():
                bad("world_%s.csv: %s has no provenance" % (table, wid))
        # The source line is the profile's own table's.
        line_of = {(r[1], r[2]): r[prov[0].index("line")] for r in prov[1:]}
        for cc in countries:
            own = rows(os.path.join(dist, cc, "csv", "%s.csv" % table))
            for r in own[1:]:
                if (cc, r[0]) not in seen:
                    bad("%s_provenance.csv: %s:%s is in no world entity" % (kind, cc, r[0]))
                elif line_of[(cc, r[0])] != r[own[0].index("line")]:
                    bad("%s_provenance.csv: %s:%s at line %s, its profile says %s"
                        % (kind, cc, r[0], line_of[(cc, r[0])], r[own[0].index("line")]))
        # The countries column says where each entity is found.
        found = {}
        for (cc, _), wid in seen.items():
            found.setdefault(wid, set()).add(cc)
        header = ent[0]
        for r in ent[1:]:
            listed = set(r[header.index("countries")].split())
            if listed != found.get(r[0], set()):
                bad("world_%s.csv: %s lists %r, provenance says %r" % (table, r[0], listed, found.get(r[0])))
            if int(r[header.index("n_countries")]) != len(listed):
                bad("world_%s.csv: %s n_countries is wrong" % (table, r[0]))
        where[kind] = (seen, found)
    check_xlsx(dist, world, names, countries)
    if os.path.exists(os.path.join(dist, "world", "world.xlsx")):
        import openpyxl
        check_compare(dist, openpyxl.load_workbook(os.path.join(dist, "world", "world.xlsx")), countries, where)
    check_jsonld(dist, where)
    # Expectations.
    args = argv[2:]
    while args:
        verb, kind = args[0], args[1]
        members = []
        args = args[2:]
        while args and ":" in args[0]:
            members.append(tuple(args[0].split(":", 1)))
            args = args[1:]
        seen, found = where[kind]
        wids = [seen.get(m) for m in members]
        if None in wids:
            bad("%s %s: %r not all in the world" % (verb, kind, members))
            continue
        if verb == "same":
            if len(set(wids)) != 1:
                bad("same %s: %r are %r" % (kind, members, wids))
            elif found[wids[0]] != set(cc for cc, _ in members):
                bad("same %s: %s is in %r, not only in %r" % (kind, wids[0], found[wids[0]], members))
        elif verb == "apart":
            if len(set(wids)) != len(wids):
                bad("apart %s: %r share a world entity %r" % (kind, members, wids))
        else:
            bad("unknown expectation %r" % verb)
    for p in problems:
        print(p)
    if not problems:
        print("ok: %d countries" % len(countries))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
