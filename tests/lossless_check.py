#!/usr/bin/python3
"""Prove that nothing the editor wrote is lost on the way to the data products.

usage: lossless_check.py SOURCE.xml OUT_DIR CC [csv|xlsx|jsonld ...]

OUT_DIR/CC holds what `profilec build` made of SOURCE.xml: csv/*.csv,
CC.xlsx and CC.jsonld. Every element's text and every attribute value of the
source (white space collapsed as the format guide says, NFC) is looked up in
the row of its own entity -- by id, in the column for that field -- in the CSV
package, the workbook and the JSON-LD bundle (expanded by pyld, the node by
its IRI, the property by its full IRI). Numbers are compared as decimals,
booleans as booleans, references by the id they name (in IRIs for JSON-LD).
Prints one line per value not found, with the source's file:line:col, and
exits 1 when there is any; exits 2 when a product or a tool is missing.
"""

import csv
import json
import os
import re
import sys
import unicodedata
import xml.parsers.expat
from decimal import Decimal, InvalidOperation

NS = "urn:profilec:profile:1"
SCHEMA = "http://schema.org/"
PC = "https://w3id.org/profilec/vocab#"
XML_LANG = "http://www.w3.org/XML/1998/namespace lang"

# The JSON-LD property of each event role and actor relation (exporters/jsonld.c).
# An <involves> without a role (format 1.1) is the role "involved".
ROLE_PROP = {"organizer": SCHEMA + "organizer", "funder": SCHEMA + "funder", "subject": SCHEMA + "about",
             "involved": PC + "involvedOrganization"}
RELATION_PROP = {
    "part-of": SCHEMA + "parentOrganization", "member-of": SCHEMA + "memberOf", "founded-by": SCHEMA + "founder",
    "funded-by": SCHEMA + "funder", "operated-by": PC + "operatedBy", "partner-of": PC + "partnerOf",
}


# The IRI of each identifier (compiler/identifiers.c): a DOI with the
# characters an IRI path cannot hold percent-encoded.
IDENT_IRI = {
    "doi": lambda v: "https://doi.org/" + "".join(
        c if 0x20 < ord(c) < 0x7f and c not in '%#?"<>\\^`{|}' else "".join("%%%02X" % b for b in c.encode())
        for c in v),
    "orcid": lambda v: "https://orcid.org/" + v,
    "ror": lambda v: "https://ror.org/" + v,
    "wikidata": lambda v: "http://www.wikidata.org/entity/" + v,
}


# ---- The source ------------------------------------------------------------

class Element:
    def __init__(self, name, attrs, line, col, parent):
        self.name, self.attrs, self.line, self.col, self.parent = name, attrs, line, col, parent
        self.children, self.parts = [], []
        self.used = set()  # "#text" and the attributes an expectation covers

    @property
    def text(self):
        """The element's own text: CDATA is text; white space collapsed, NFC."""
        return fold("".join(self.parts))

    def kids(self, name):
        return [c for c in self.children if c.name == name]


def fold(s):
    return unicodedata.normalize("NFC", re.sub(r"[ \t\r\n]+", " ", s).strip(" "))


def parse_source(path):
    p = xml.parsers.expat.ParserCreate(namespace_separator=" ")
    stack, root = [], []

    def start(name, attrs):
        uri, _, local = name.rpartition(" ")
        e = Element(local, {k: fold(v) for k, v in attrs.items()}, p.CurrentLineNumber,
                    p.CurrentColumnNumber + 1, stack[-1] if stack else None)
        if stack:
            stack[-1].children.append(e)
        else:
            root.append(e)
        stack.append(e)

    def end(name):
        stack.pop()

    def chars(data):
        if stack:
            stack[-1].parts.append(data)

    p.StartElementHandler, p.EndElementHandler, p.CharacterDataHandler = start, end, chars
    with open(path, "rb") as f:
        p.ParseFile(f)
    return root[0]


# ---- What the source says, and where each product must say it -----------------

class Expect:
    """One value of the source: its type, the CSV/workbook cell that must hold
    it (table, the row's key, column) and the JSON-LD node and property."""

    def __init__(self, e, what, value, vtype, table, key, column, iri, prop):
        self.element = e
        self.where = "%s:%d:%d: %s" % (SOURCE, e.line, e.col, what)
        self.value, self.vtype = value, vtype
        self.table, self.key, self.column = table, key, column
        self.iri, self.prop = iri, prop


def expectations(root, cc):
    out = []
    base = "{base}" + cc + "/"

    def iri(kind, id_):
        return base + kind + "/" + id_

    def add(e, what, value, vtype, table, key, column, node, prop):
        if value is None:
            return
        out.append(Expect(e, what, value, vtype, table, key, column, node, prop))
        lang = e.attrs.get(XML_LANG)
        if lang is not None and what == "<%s>" % e.name:
            # xml:lang (1.1): a row of text_languages, a language-tagged literal.
            e.used.add(XML_LANG)
            owner = e  # a statistics <source id> owns its own text
            while owner is not None and "id" not in owner.attrs:
                owner = owner.parent
            out.append(Expect(e, "%s/@xml:lang" % e.name, lang, "text", "text_languages",
                              {"entity_id": owner.attrs["id"] if owner is not None else cc, "element": e.name,
                               "text": value}, "lang", node, prop + "@lang|" + value))

    def text(e, name, table, key, column, node, prop):
        for c in e.kids(name):
            c.used.add("#text")
            add(c, "<%s>" % name, c.text, "text", table, key, column, node, prop)

    def attr(e, name, vtype, table, key, column, node, prop):
        e.used.add(name)
        add(e, "%s/@%s" % (e.name, name), e.attrs.get(name), vtype, table, key, column, node, prop)

    profile = iri("profile", cc)
    pk = {"id": cc}
    attr(root, "version", "text", "profile", pk, "format_version", profile, PC + "formatVersion")
    attr(root, "lang", "text", "profile", pk, "lang", profile, SCHEMA + "inLanguage")
    attr(root, "modified", "text", "profile", pk, "modified", profile, SCHEMA + "dateModified")
    text(root, "title", "profile", pk, "title", profile, SCHEMA + "name")
    for c in root.kids("country"):
        node = iri("country", cc)
        attr(c, "code", "text", "countries", pk, "code", node, SCHEMA + "identifier")
        text(c, "name", "countries", pk, "name", node, SCHEMA + "name")
    for sec in root.kids("indicators"):
        text(sec, "note", "profile", pk, "statistics_note", profile, PC + "statisticsNote")
        for s in sec.kids("source"):
            k = {"id": s.attrs["id"]}
            s.used.update(("#text", "id"))
            add(s, "<source>", s.text, "text", "sources", k, "name", iri("source", s.attrs["id"]), SCHEMA + "name")
        for ind in sec.kids("indicator"):
            i, k = ind.attrs["id"], {"id": ind.attrs["id"]}
            node = iri("indicator", i)
            attr(ind, "id", "id:indicator", "indicators", k, "id", node, "@id")
            text(ind, "label", "indicators", k, "label", node, SCHEMA + "name")
            for v in ind.kids("value"):
                v.used.add("#text")
                add(v, "<value>", v.text, "dec", "indicators", k, "value", node, SCHEMA + "value")
                attr(v, "year", "int", "indicators", k, "year", node, PC + "year")
                attr(v, "unit", "text", "indicators", k, "unit", node, SCHEMA + "unitText")
            ind.used.add("sources")
            for src in ind.attrs.get("sources", "").split():
                add(ind, "indicator/@sources", src, "id:source", "indicator_sources",
                    {"indicator_id": i, "source_id": src}, "source_id", node, PC + "source")
    for sec in root.kids("events"):
        for th in sec.kids("theme"):
            i, k = th.attrs["id"], {"id": th.attrs["id"]}
            node = iri("theme", i)
            attr(th, "id", "id:theme", "themes", k, "id", node, "@id")
            attr(th, "order", "int", "themes", k, "order", node, PC + "themeOrder")
            text(th, "label", "themes", k, "label", node, SCHEMA + "name")
        for ev in sec.kids("event"):
            i, k = ev.attrs["id"], {"id": ev.attrs["id"]}
            node = iri("event", i)
            attr(ev, "id", "id:event", "events", k, "id", node, "@id")
            attr(ev, "year", "int", "events", k, "year", node, SCHEMA + "startDate")
            attr(ev, "end-year", "int", "events", k, "end_year", node, SCHEMA + "endDate")
            attr(ev, "theme", "text", "events", k, "theme", node, PC + "theme")
            text(ev, "text", "events", k, "text", node, SCHEMA + "description")
            attr(ev, "planned", "bool", "events", k, "planned", node, PC + "planned")
            for x in ev.kids("involves"):
                role, actor = x.attrs.get("role", "involved"), x.attrs["actor"]
                x.used.update(("role", "actor"))
                prop = ROLE_PROP.get(role, PC + role)
                add(x, "involves/@actor", actor, "id:actor", "event_actors",
                    {"event_id": i, "actor_id": actor, "role": role}, "actor_id", node, prop)
                add(x, "involves/@role", x.attrs.get("role"), "text", "event_actors",
                    {"event_id": i, "actor_id": actor, "role": role}, "role", node, prop + "|" + actor)
            for x in ev.kids("cites-instrument"):
                ref = x.attrs["ref"]
                x.used.add("ref")
                add(x, "cites-instrument/@ref", ref, "id:instrument", "event_citations",
                    {"event_id": i, "cited_id": ref}, "instrument_id", node, PC + "cites")
            for x in ev.kids("cites-publication"):
                ref = x.attrs["ref"]
                x.used.add("ref")
                # A reference to a merged entry names the publication it lists.
                add(x, "cites-publication/@ref", ref, "listed:publication", "event_citations",
                    {"event_id": i, "cited_id": "{publication:" + ref + "}"}, "publication_id", node, PC + "cites")
    for sec in root.kids("actors"):
        for a in sec.kids("actor"):
            i, k = a.attrs["id"], {"id": a.attrs["id"]}
            node = iri("actor", i)
            attr(a, "id", "id:actor", "actors", k, "id", node, "@id")
            attr(a, "kind", "text", "actors", k, "kind", node, PC + "actorKind")
            attr(a, "directory", "bool", "actors", k, "directory", node, PC + "inDirectory")
            attr(a, "founded", "int", "actors", k, "founded", node, SCHEMA + "foundingDate")
            attr(a, "website", "text", "actors", k, "website", node, SCHEMA + "url")
            attr(a, "wikidata", "iri:wikidata", "actors", k, "wikidata", node, SCHEMA + "sameAs")
            attr(a, "ror", "iri:ror", "actors", k, "ror", node, SCHEMA + "sameAs")
            text(a, "name", "actors", k, "name", node, SCHEMA + "name")
            text(a, "acronym", "actors", k, "acronym", node, SCHEMA + "alternateName")
            text(a, "description", "actors", k, "description", node, SCHEMA + "description")
            for n, al in enumerate(a.kids("alias"), 1):
                al.used.add("#text")
                add(al, "<alias>", al.text, "text", "actor_aliases", {"actor_id": i, "position": str(n)}, "alias",
                    node, SCHEMA + "alternateName")
            for r in a.kids("relation"):
                t, to = r.attrs["type"], r.attrs["to"]
                r.used.update(("type", "to"))
                key = {"actor_id": i, "relation": t, "related_actor_id": to}
                add(r, "relation/@to", to, "id:actor", "actor_relations", key, "related_actor_id", node,
                    RELATION_PROP[t])
                add(r, "relation/@type", t, "text", "actor_relations", key, "relation", node,
                    RELATION_PROP[t] + "|" + to)
    for sec in root.kids("people"):
        for pe in sec.kids("person"):
            i, k = pe.attrs["id"], {"id": pe.attrs["id"]}
            node = iri("person", i)
            attr(pe, "id", "id:person", "people", k, "id", node, "@id")
            attr(pe, "family", "text", "people", k, "family_name", node, SCHEMA + "familyName")
            attr(pe, "given", "text", "people", k, "given_name", node, SCHEMA + "givenName")
            # A person with one name: the name alone (no family or given name anywhere).
            attr(pe, "name", "text", "people", k, "display_name", node, SCHEMA + "name")
            attr(pe, "name-order", "text", "people", k, "name_order", node, PC + "nameOrder")
            attr(pe, "orcid", "iri:orcid", "people", k, "orcid", node, SCHEMA + "sameAs")
    for sec in root.kids("research"):
        for p in sec.kids("publication"):
            i, k = p.attrs["id"], {"id": p.attrs["id"]}
            node = iri("listing", i)
            attr(p, "id", "id:listing", "publication_listings", k, "id", node, "@id")
            attr(p, "year", "int", "publication_listings", k, "year", node, SCHEMA + "datePublished")
            attr(p, "kind", "text", "publication_listings", k, "kind", node, PC + "publicationKind")
            text(p, "title", "publication_listings", k, "title", node, SCHEMA + "name")
            text(p, "subtitle", "publication_listings", k, "subtitle", node, SCHEMA + "alternativeHeadline")
            text(p, "description", "publication_listings", k, "description", node, SCHEMA + "description")
            attr(p, "url", "text", "publication_listings", k, "url", node, SCHEMA + "url")
            attr(p, "doi", "iri:doi", "publication_listings", k, "doi", node, SCHEMA + "sameAs")
            attr(p, "isbn", "text", "publication_listings", k, "isbn", node, SCHEMA + "isbn")
            for x in p.kids("publisher"):
                x.used.add("ref")
                add(x, "publisher/@ref", x.attrs["ref"], "id:actor", "publication_listings", k, "publisher_id", node,
                    SCHEMA + "publisher")
            for x in p.kids("edition-of"):
                x.used.add("ref")
                add(x, "edition-of/@ref", x.attrs["ref"], "id:listing", "publication_listings", k, "edition_of_id",
                    node, PC + "editionOfListing")
            for au in p.kids("authors"):
                for n, x in enumerate(au.children, 1):
                    ak = {"listing_id": i, "position": str(n)}
                    cit = node + "#author-%d" % n
                    x.used.add("#text")
                    add(x, "<%s>" % x.name, x.text, "text", "listing_authors", ak, "as_written", cit, PC + "citedAs")
                    attr(x, "role", "text", "listing_authors", ak, "role", cit, PC + "contributorRole")
                    if x.name == "person":
                        attr(x, "family", "text", "listing_authors", ak, "family_as_written", cit,
                             SCHEMA + "familyName")
                        attr(x, "given", "text", "listing_authors", ak, "given_as_written", cit,
                             SCHEMA + "givenName")
                        attr(x, "name", "text", "listing_authors", ak, "name_as_written", cit, SCHEMA + "name")
                        attr(x, "ref", "id:person", "listing_authors", ak, "person_id", cit, PC + "citesAuthor")
                        attr(x, "name-order", "text", "listing_authors", ak, "name_order_as_written", cit,
                             PC + "nameOrder")
                    else:
                        attr(x, "ref", "id:actor", "listing_authors", ak, "actor_id", cit, PC + "citesAuthor")
    for sec in root.kids("law"):
        text(sec, "intro", "profile", pk, "law_intro", profile, PC + "lawIntroduction")
        for t in sec.kids("threshold"):
            i, k = t.attrs["id"], {"id": t.attrs["id"]}
            node = iri("threshold", i)
            attr(t, "id", "id:threshold", "thresholds", k, "id", node, "@id")
            attr(t, "kind", "text", "thresholds", k, "kind", node, PC + "thresholdKind")
            attr(t, "age", "int", "thresholds", k, "age", node, PC + "age")
            text(t, "condition", "thresholds", k, "condition", node, PC + "condition")
        for ins in sec.kids("instrument"):
            i, k = ins.attrs["id"], {"id": ins.attrs["id"]}
            node = iri("instrument", i)
            attr(ins, "id", "id:instrument", "instruments", k, "id", node, "@id")
            attr(ins, "type", "text", "instruments", k, "type", node, SCHEMA + "legislationType")
            attr(ins, "number", "text", "instruments", k, "number", node, SCHEMA + "legislationIdentifier")
            attr(ins, "year", "int", "instruments", k, "year", node, SCHEMA + "legislationDate")
            text(ins, "title", "instruments", k, "title", node, SCHEMA + "name")
            for st in ins.kids("status"):
                st.used.add("#text")
                add(st, "<status>", st.text, "text", "instruments", k, "status", node, PC + "treatyStatus")
                attr(st, "signed", "bool", "instruments", k, "signed", node, PC + "signed")
                attr(st, "ratified", "bool", "instruments", k, "ratified", node, PC + "ratified")
                attr(st, "in-force", "bool", "instruments", k, "in_force", node, PC + "inForce")
                attr(st, "date", "text", "instruments", k, "status_date", node, PC + "statusDate")
            for x in ins.kids("issuer"):
                x.used.add("ref")
                add(x, "issuer/@ref", x.attrs["ref"], "id:actor", "instruments", k, "issuer_id", node,
                    SCHEMA + "legislationPassedBy")
            for ar in ins.kids("article"):
                ai, ak = ar.attrs["id"], {"id": ar.attrs["id"]}
                anode = iri("article", ai)
                attr(ar, "id", "id:article", "articles", ak, "id", anode, "@id")
                attr(ar, "number", "text", "articles", ak, "number", anode, SCHEMA + "legislationIdentifier")
                add(ar, "article in instrument", i, "id:instrument", "articles", ak, "instrument_id", anode,
                    SCHEMA + "isPartOf")
                text(ar, "heading", "articles", ak, "heading", anode, SCHEMA + "name")
                text(ar, "text", "articles", ak, "text", anode, SCHEMA + "description")
                for pen in ar.kids("penalty"):
                    expect_penalty(pen, i, ai, None, iri, add, attr, text)
            for pen in ins.kids("penalty"):
                expect_penalty(pen, i, None, None, iri, add, attr, text)
            for pt in ins.kids("part"):
                ti, tk = pt.attrs["id"], {"id": pt.attrs["id"]}
                tnode = iri("part", ti)
                attr(pt, "id", "id:part", "parts", tk, "id", tnode, "@id")
                attr(pt, "label", "text", "parts", tk, "label", tnode, SCHEMA + "legislationIdentifier")
                add(pt, "part in instrument", i, "id:instrument", "parts", tk, "instrument_id", tnode,
                    SCHEMA + "isPartOf")
                text(pt, "heading", "parts", tk, "heading", tnode, SCHEMA + "name")
                for pen in pt.kids("penalty"):
                    expect_penalty(pen, i, None, ti, iri, add, attr, text)
    return out


def unchecked(root):
    """Every text and attribute value no expectation covers: a construct
    this checker does not know (a new element of the format) fails the
    test instead of passing unseen."""
    out = []

    def walk(e):
        for a, v in e.attrs.items():
            if a not in e.used and not a.startswith("xmlns"):
                out.append("%s:%d:%d: %s/@%s=%r is checked in no product (unknown to %s)" % (
                    SOURCE, e.line, e.col, e.name, a, v, os.path.basename(sys.argv[0])))
        if e.text and "#text" not in e.used:
            out.append("%s:%d:%d: the text of <%s> %r is checked in no product (unknown to %s)" % (
                SOURCE, e.line, e.col, e.name, e.text[:60], os.path.basename(sys.argv[0])))
        for c in e.children:
            walk(c)

    walk(root)
    return out


def expect_penalty(pen, instrument, article, part, iri, add, attr, text):
    """A penalty of an article, of a part (format 1.1) or of the instrument itself (1.1)."""
    i, k = pen.attrs["id"], {"id": pen.attrs["id"]}
    node = iri("penalty", i)
    bounds = node + "#bounds"  # the amount, duration, percentage or day-units node (found by lookup_jsonld)
    attr(pen, "id", "id:penalty", "penalties", k, "id", node, "@id")
    add(pen, "penalty in article", article, "id:article", "penalties", k, "article_id", node, PC + "article")
    add(pen, "penalty in part", part, "id:part", "penalties", k, "part_id", node, PC + "part")
    add(pen, "penalty in instrument", instrument, "id:instrument", "penalties", k, "instrument_id", node,
        PC + "instrument")
    attr(pen, "kind", "text", "penalties", k, "kind", node, PC + "penaltyKind")
    attr(pen, "min", "dec", "penalties", k, "min_value", bounds, SCHEMA + "minValue")
    attr(pen, "max", "dec", "penalties", k, "max_value", bounds, SCHEMA + "maxValue")
    unit = pen.attrs.get("unit")
    if unit is not None:
        money = re.fullmatch(r"[A-Z]{3}", unit) is not None
        attr(pen, "unit", "text", "penalties", k, "unit", bounds, SCHEMA + ("currency" if money else "unitText"))
    attr(pen, "alternative-to", "id:penalty", "penalties", k, "alternative_to_id", node, PC + "alternativeTo")
    attr(pen, "in-addition-to", "id:penalty", "penalties", k, "in_addition_to_id", node, PC + "inAdditionTo")
    text(pen, "offence", "penalties", k, "offence", node, PC + "offence")
    text(pen, "condition", "penalties", k, "condition", node, PC + "condition")
    text(pen, "base", "penalties", k, "base", node, PC + "percentageOf")
    for da in pen.kids("daily-amount"):
        daily = node + "#daily-amount"
        attr(da, "min", "dec", "penalties", k, "daily_amount_min", daily, SCHEMA + "minValue")
        attr(da, "max", "dec", "penalties", k, "daily_amount_max", daily, SCHEMA + "maxValue")
        attr(da, "currency", "text", "penalties", k, "daily_amount_currency", daily, SCHEMA + "currency")
    for ch in pen.kids("change"):
        of = ch.attrs["of"]
        ch.used.add("of")
        ck = {"penalty_id": i, "base_penalty_id": of}
        add(ch, "change/@of", of, "id:penalty", "penalty_changes", ck, "base_penalty_id", node + "#change|" + of,
            PC + "changeOf")
        attr(ch, "factor", "dec", "penalty_changes", ck, "factor", node + "#change|" + of, PC + "factor")


# ---- Comparing ---------------------------------------------------------------

def as_decimal(v):
    if isinstance(v, bool) or v is None:
        return None
    if isinstance(v, float):
        v = format(v, ".15g")  # a double holds 15 significant digits exactly
    try:
        return Decimal(str(v))
    except InvalidOperation:
        return None


def same(exp, got, listed=None):
    """Whether a product's value is the source's, for the value's type;
    listed maps a listing id to the id of the publication it lists."""
    if got is None:
        return False
    t = exp.vtype
    if t == "listed:publication":
        want = (listed or {}).get(exp.value, exp.value)
        return got == want or (isinstance(got, str) and got.endswith("/publication/" + want))
    if t == "dec":
        d = as_decimal(got)
        return d is not None and d == Decimal(exp.value)
    if t == "int":
        return not isinstance(got, bool) and as_decimal(got) == Decimal(exp.value)
    if t == "bool":
        want = exp.value in ("true", "1")
        return got is want if isinstance(got, bool) else str(got).lower() == str(want).lower()
    if t.startswith("iri:"):
        # The bare identifier in the tables, its resolver's IRI in JSON-LD.
        return got == exp.value or got == IDENT_IRI[t[4:]](exp.value)
    if t.startswith("id:"):
        kind = t[3:]
        return got == exp.value or (isinstance(got, str) and got.endswith("/%s/%s" % (kind, exp.value)))
    return got == exp.value


# ---- The tables: CSV and workbook ----------------------------------------------

def cell_text(v):
    """A workbook cell as the CSV would spell it, for matching keys."""
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def load_csv(d):
    tables = {}
    for name in os.listdir(d):
        if name.endswith(".csv"):
            with open(os.path.join(d, name), encoding="utf-8", newline="") as f:
                tables[name[:-4]] = [dict(r) for r in csv.DictReader(f)]
    return tables


def load_xlsx(path):
    import openpyxl
    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    tables = {}
    for ws in wb.worksheets:
        rows = list(ws.iter_rows(values_only=True))
        if not rows:
            continue
        head = [cell_text(h) for h in rows[0]]
        tables[ws.title] = [dict(zip(head, r)) for r in rows[1:] if any(v is not None for v in r)]
    return tables


def resolve_key(key, tables):
    """A reference to a merged listing names, in the merged tables, the
    publication it lists (publication_listings says which)."""
    out = {}
    for col, v in key.items():
        m = re.fullmatch(r"\{publication:(.*)\}", v)
        if m:
            rows = [r for r in tables.get("publication_listings", []) if cell_text(r.get("id")) == m.group(1)]
            v = cell_text(rows[0].get("publication_id")) if rows else m.group(1)
        out[col] = v
    return out


def lookup_table(exp, tables, product):
    if exp.table not in tables:
        return "%s has no table %s" % (product, exp.table)
    key = resolve_key(exp.key, tables)
    rows = [r for r in tables[exp.table] if all(cell_text(r.get(c)) == v for c, v in key.items())]
    if not rows:
        return "%s: no row of %s with %s" % (product, exp.table, key)
    if exp.column not in rows[0]:
        return "%s: table %s has no column %s" % (product, exp.table, exp.column)
    got = rows[0][exp.column]
    if isinstance(got, str) and product == "csv" and exp.vtype == "bool":
        got = {"true": True, "false": False}.get(got, got)
    listed = {cell_text(r.get("id")): cell_text(r.get("publication_id")) for r in tables.get("publication_listings", [])}
    if not same(exp, got if got != "" else None, listed):
        return "%s: %s.%s of %s is %r" % (product, exp.table, exp.column, key, got)
    return None


# ---- JSON-LD -------------------------------------------------------------------

def index_nodes(expanded):
    nodes = {}

    def walk(v):
        if isinstance(v, list):
            for x in v:
                walk(x)
        elif isinstance(v, dict):
            if "@id" in v and len(v) > 1:
                nodes.setdefault(v["@id"], {}).update(v)
            for k, x in v.items():
                if k != "@id":
                    walk(x)

    walk(expanded)
    return nodes


def node_items(node, prop):
    return [item for v in node.get(prop, []) for item in (v["@list"] if isinstance(v, dict) and "@list" in v else [v])
            if isinstance(item, dict)]


def values(node, prop):
    out = []
    for item in node_items(node, prop):
        if "@value" in item:
            out.append(item["@value"])
        elif "@id" in item:
            out.append(item["@id"])
    return out


def lookup_jsonld(exp, nodes, base):
    target = exp.iri.replace("{base}", base)
    prop = exp.prop
    if "#change|" in target:
        # The change node of the penalty whose changeOf names that penalty.
        pen, of = target.split("#change|")
        ofs = [n for n in (nodes.get(i) for i in values(nodes.get(pen, {}), PC + "changes")) if n
               and any(v.endswith("/penalty/" + of) for v in values(n, PC + "changeOf"))]
        cands = ofs
    elif target.endswith("#bounds"):
        stem = target[:-len("#bounds")]
        cands = [nodes[i] for i in (stem + "#amount", stem + "#duration", stem + "#percentage", stem + "#dayUnits")
                 if i in nodes]
    else:
        cands = [nodes[target]] if target in nodes else []
    if not cands:
        return "jsonld: no node %s" % target
    if prop == "@id":
        return None  # the node is there, under the id's IRI
    want_ref = None
    if "@lang|" in prop:  # the language tag of the text (a language-tagged literal)
        prop, text = prop.split("@lang|", 1)
        got = [item.get("@language") for n in cands for item in node_items(n, prop) if item.get("@value") == text]
        return None if exp.value in got else "jsonld: %s %s %r has language %r" % (target, prop, text, got)
    if "|" in prop:  # a role or relation type: the property that holds the reference
        prop, want_ref = prop.split("|")
        got = [v for n in cands for v in values(n, prop) if v.endswith("/" + want_ref)]
        return None if got else "jsonld: %s has no %s naming %s" % (target, prop, want_ref)
    got = [v for n in cands for v in values(n, prop)]
    listed = {}
    if exp.vtype == "listed:publication":
        of = values(nodes.get(base + target.split("/")[-3] + "/listing/" + exp.value, {}), PC + "listingOf")
        listed = {exp.value: of[0].rsplit("/", 1)[-1]} if of else {}
    if any(same(exp, g, listed) for g in got):
        return None
    return "jsonld: %s %s is %r" % (target, prop, got)


# ---- Main ----------------------------------------------------------------------

SOURCE = ""


def main(argv):
    global SOURCE
    if len(argv) < 4:
        sys.stderr.write("usage: lossless_check.py SOURCE.xml OUT_DIR CC [csv|xlsx|jsonld ...]\n")
        return 2
    SOURCE, out, cc = argv[1], argv[2], argv[3]
    products = argv[4:] or ["csv", "xlsx", "jsonld"]
    root = parse_source(SOURCE)
    exps = expectations(root, cc)
    unknown = unchecked(root)
    for u in unknown:
        print(u)
    missing = []
    for product in products:
        if product == "csv":
            d = os.path.join(out, cc, "csv")
            if not os.path.isdir(d):
                sys.stderr.write("no CSV package at %s\n" % d)
                return 2
            tables = load_csv(d)
            missing += [(e, lookup_table(e, tables, "csv")) for e in exps]
        elif product == "xlsx":
            tables = load_xlsx(os.path.join(out, cc, cc + ".xlsx"))
            missing += [(e, lookup_table(e, tables, "xlsx")) for e in exps]
        elif product == "jsonld":
            from pyld import jsonld
            with open(os.path.join(out, cc, cc + ".jsonld"), encoding="utf-8") as f:
                doc = json.load(f)
            nodes = index_nodes(jsonld.expand(doc))
            profiles = [i for i in nodes if i.endswith("/%s/profile/%s" % (cc, cc))]
            if len(profiles) != 1:
                print("%s: jsonld: no profile node" % SOURCE)
                return 1
            base = profiles[0][: -len("%s/profile/%s" % (cc, cc))]
            missing += [(e, lookup_jsonld(e, nodes, base)) for e in exps]
        else:
            sys.stderr.write("unknown product %s\n" % product)
            return 2
    bad = [(e, why) for e, why in missing if why]
    for e, why in bad:
        print("%s %r not found: %s" % (e.where, e.value[:80], why))
    print("%s: %d values of the source checked in %s: %d not found" % (SOURCE, len(exps), ", ".join(products),
                                                                       len(bad)), file=sys.stderr)
    return 1 if bad or unknown else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
