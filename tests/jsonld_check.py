#!/usr/bin/python3
"""Load the JSON-LD products with standard processors and prove what a harvester relies on.

usage: jsonld_check.py bundle FILE.jsonld DUMP_FILE|-
       jsonld_check.py catalog CATALOG.jsonld [--publisher=NAME | --no-publisher]

bundle: expands FILE.jsonld with pyld, whose document loader refuses any
network access; fails when a key of the document (at any depth, keywords
aside) does not expand to an absolute IRI, when expansion drops anything,
when a node, a reference or a type is not an absolute IRI; converts it to
RDF (pyld's N-Quads, parsed back by rdflib, and rdflib's own JSON-LD
parser must agree) and prints "triples N"; checks that the nodes of each
type are those of `profilec dump` (DUMP_FILE), ids included, and that
every edge of the dump is a triple ("-": no dump, for a graph built by
hand).

catalog: the same key checks; then every distribution's downloadURL,
resolved against the catalog, is a file whose size and SHA-256 are the
ones stated; every file below each dataset's directory is listed once; each
dataset is both a dcat:Dataset and a schema:Dataset; the publisher is the
one given, or absent. Prints "distributions N".

Prints one line per problem and exits 1 when there is any.
"""

import hashlib
import json
import os
import re
import sys
import urllib.parse

from pyld import jsonld
import rdflib

problems = []


def bad(msg):
    problems.append(msg)


def refuse(url, options=None):
    raise RuntimeError("network access refused: %s" % url)


jsonld.set_document_loader(refuse)
OPTS = {"documentLoader": refuse}

SCHEMA = "http://schema.org/"
PC = "https://w3id.org/profilec/vocab#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
DCAT = "http://www.w3.org/ns/dcat#"
DCT = "http://purl.org/dc/terms/"
SPDX = "http://spdx.org/rdf/terms#"
FOAF = "http://xmlns.com/foaf/0.1/"
ABSOLUTE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]+$")


def absolute(iri):
    return isinstance(iri, str) and not iri.startswith("_:") and ABSOLUTE.match(iri) is not None


def load(path):
    with open(path, "rb") as f:
        raw = f.read()
    try:
        return json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as e:
        bad("%s: not JSON in UTF-8: %s" % (path, e))
        return None


def original_keys(node, out, path="$"):
    """Every (key, first value, where) of the document outside @context."""
    if isinstance(node, dict):
        for k, v in node.items():
            if k == "@context":
                continue
            if not k.startswith("@") and k not in out:
                out[k] = (v, "%s.%s" % (path, k))
            original_keys(v, out, "%s.%s" % (path, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            original_keys(v, out, "%s[%d]" % (path, i))


def count_properties(node, keyword_ok=True):
    """Properties (non-keyword keys) at every depth, the context aside."""
    n = 0
    if isinstance(node, dict):
        for k, v in node.items():
            if k == "@context":
                continue
            if not k.startswith("@"):
                n += 1
            n += count_properties(v)
    elif isinstance(node, list):
        for v in node:
            n += count_properties(v)
    return n


def check_keys(doc, where, base=None):
    """Each key alone must expand to one absolute IRI, and expanding the
    whole document must keep every property. Returns the expansion."""
    ctx = doc.get("@context")
    if not isinstance(ctx, dict):
        bad("%s: no inline @context object" % where)
        return None
    if "@vocab" in ctx:
        bad("%s: the context has @vocab: unmapped keys would pass unnoticed" % where)
    keys = {}
    original_keys(doc, keys)
    for k, (v, at) in sorted(keys.items()):
        probe = {"@context": ctx, "@id": "urn:profilec:probe", k: v}
        try:
            exp = jsonld.expand(probe, dict(OPTS))
        except Exception as e:  # pyld raises its own error types
            bad("%s: key %r (at %s) does not expand: %s" % (where, k, at, e))
            continue
        props = [p for p in (exp[0] if exp else {}) if not p.startswith("@")]
        if len(props) != 1:
            bad("%s: key %r (at %s) is dropped by expansion: not in the context" % (where, k, at))
        elif not absolute(props[0]):
            bad("%s: key %r expands to %r, not an absolute IRI" % (where, k, props[0]))
    opts = dict(OPTS)
    if base:
        opts["base"] = base
    try:
        expanded = jsonld.expand(doc, opts)
    except Exception as e:
        bad("%s: expansion fails: %s" % (where, e))
        return None
    before, after = count_properties(doc), count_properties(expanded)
    if before != after:
        bad("%s: %d properties in the document, %d after expansion: some were dropped" % (where, before, after))
    return expanded


def check_iris(node, where, need_id):
    """Every @id, reference and @type of the expansion is an absolute IRI;
    with need_id, every node object has one (no blank nodes)."""
    if isinstance(node, list):
        for v in node:
            check_iris(v, where, need_id)
        return
    if not isinstance(node, dict):
        return
    if "@value" in node:
        t = node.get("@type")
        if t is not None and not absolute(t):
            bad("%s: datatype %r is not an absolute IRI" % (where, t))
        return
    if "@list" in node or "@set" in node:
        check_iris(node.get("@list", node.get("@set")), where, need_id)
        return
    if "@id" in node:
        if not absolute(node["@id"]):
            bad("%s: @id %r is not an absolute IRI" % (where, node["@id"]))
    elif need_id:
        bad("%s: a node without @id: %s" % (where, json.dumps(node)[:200]))
    for t in node.get("@type", []):
        if not absolute(t):
            bad("%s: @type %r of %s is not an absolute IRI" % (where, t, node.get("@id")))
    for k, v in node.items():
        if not k.startswith("@"):
            check_iris(v, where, need_id)


def to_graph(doc, where, base=None):
    """RDF from pyld (N-Quads parsed by rdflib) and from rdflib's own parser;
    they must agree on the number of triples."""
    opts = dict(OPTS, format="application/n-quads")
    if base:
        opts["base"] = base
    try:
        nq = jsonld.to_rdf(doc, opts)
    except Exception as e:
        bad("%s: pyld cannot convert to RDF: %s" % (where, e))
        return None
    g = rdflib.Graph()
    g.parse(data=nq, format="nt")
    try:
        g2 = rdflib.Graph()
        g2.parse(data=json.dumps(doc), format="json-ld", base=base)
        if len(g2) != len(g):
            bad("%s: rdflib reads %d triples, pyld %d" % (where, len(g2), len(g)))
    except Exception as e:
        bad("%s: rdflib cannot parse the JSON-LD: %s" % (where, e))
    return g


def read_dump(path):
    """The dump's counts, its nodes (kind, id) and its edges."""
    counts, nodes, edges = {}, [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            words = line.split()
            if not words:
                continue
            if words[0] == "counts":
                for w in words[1:]:
                    k, _, v = w.partition("=")
                    counts[k] = int(v)
            elif words[0] == "edge":
                edges.append(line.rstrip("\n"))
            elif words[0] not in ("profile", "quality", "decision"):
                nodes.append((words[0], words[1]))
    return counts, nodes, edges


def subjects_of(g, type_iri):
    return set(str(s) for s in g.subjects(rdflib.URIRef(RDF_TYPE), rdflib.URIRef(type_iri)))


EDGE = re.compile(r"^edge (\S+) (\S+)(?: #\d+)? -> (?:(person|actor|instrument|publication) )?(\S+)(?: (\S+)=(\S+))?")
ROLE = {"organizer": SCHEMA + "organizer", "funder": SCHEMA + "funder", "subject": SCHEMA + "about",
        "involved": PC + "involvedOrganization"}
RELATION = {
    "part-of": SCHEMA + "parentOrganization",
    "member-of": SCHEMA + "memberOf",
    "founded-by": SCHEMA + "founder",
    "funded-by": SCHEMA + "funder",
    "operated-by": PC + "operatedBy",
    "partner-of": PC + "partnerOf",
}


def camel(word):
    head, *rest = word.split("-")
    return head + "".join(w.capitalize() for w in rest)


def check_bundle(path, dump):
    doc = load(path)
    if doc is None:
        return
    expanded = check_keys(doc, path)
    if expanded is None:
        return
    check_iris(expanded, path, need_id=True)
    g = to_graph(doc, path)
    if g is None:
        return
    print("triples %d" % len(g))
    if dump == "-":
        return

    counts, nodes, edges = read_dump(dump)
    # The base and the country code, from the Country node.
    countries = subjects_of(g, SCHEMA + "Country")
    if len(countries) != 1:
        bad("%s: %d schema:Country nodes, want 1" % (path, len(countries)))
        return
    country = countries.pop()
    m = re.match(r"^(.*/)([a-z]{2})/country/\2$", country)
    if not m:
        bad("%s: the country's @id %s is not BASE cc/country/cc" % (path, country))
        return
    base, cc = m.group(1), m.group(2)

    def iri(kind, id_):
        return "%s%s/%s/%s" % (base, cc, kind, id_)

    want = {
        SCHEMA + "Event": ("events", "event"),
        SCHEMA + "Organization": ("actors", "actor"),
        SCHEMA + "Person": ("persons", "person"),
        PC + "Penalty": ("penalties", "penalty"),
        PC + "Indicator": ("indicators", "indicator"),
        PC + "LegalThreshold": ("thresholds", "threshold"),
        PC + "StatisticsSource": ("sources", "source"),
    }
    for t, (count_name, kind) in want.items():
        got = subjects_of(g, t)
        ids = set(iri(k, i) for k, i in nodes if k == kind)
        if len(got) != counts.get(count_name, -1):
            bad("%s: %d nodes of type %s, the graph has %d %s" % (path, len(got), t, counts.get(count_name), count_name))
        if got != ids:
            bad("%s: %s nodes differ from the dump's %s: %s" % (path, t, kind, sorted(got ^ ids)[:5]))
    legislation = subjects_of(g, SCHEMA + "Legislation")
    want_leg = set(iri(k, i) for k, i in nodes if k in ("instrument", "article", "part"))
    n_leg = counts.get("instruments", 0) + counts.get("articles", 0) + counts.get("parts", 0)
    if len(legislation) != n_leg or legislation != want_leg:
        bad("%s: %d schema:Legislation nodes, the graph has %d instruments, %d articles and %d parts"
            % (path, len(legislation), counts.get("instruments"), counts.get("articles"), counts.get("parts", 0)))
    pubs = set()
    for t in ("Report", "ScholarlyArticle", "Book", "CreativeWork"):
        pubs |= subjects_of(g, SCHEMA + t)
    if pubs != set(iri(k, i) for k, i in nodes if k == "publication"):
        bad("%s: %d publications typed Report/ScholarlyArticle/Book/CreativeWork, the graph has %d"
            % (path, len(pubs), counts.get("publications")))

    # Every edge of the dump is a triple (or an author in the list).
    authors = {}
    for line in edges:
        m = EDGE.match(line)
        if not m:
            bad("%s: cannot read dump line %r" % (dump, line))
            continue
        what, frm, to_kind, to, attr, val = m.groups()
        if what == "event_actor":
            s, o = iri("event", frm), iri("actor", to)
            p = ROLE.get(val, PC + val)
        elif what == "actor_relation":
            s, o, p = iri("actor", frm), iri("actor", to), RELATION.get(val)
        elif what == "event_citation":
            s, o, p = iri("event", frm), iri(to_kind, to), PC + "cites"
        elif what == "authorship":
            # Authors in schema:author, editors in schema:editor, ... (role=, format 1.1).
            role = re.search(r" role=(\w+)$", line)
            authors.setdefault((frm, role.group(1) if role else "author"), []).append(iri(to_kind, to))
            continue
        elif what == "penalty_change":
            found = False
            for ch in g.objects(rdflib.URIRef(iri("penalty", frm)), rdflib.URIRef(PC + "changes")):
                if (ch, rdflib.URIRef(PC + "changeOf"), rdflib.URIRef(iri("penalty", to))) in g:
                    factor = g.value(ch, rdflib.URIRef(PC + "factor"))
                    found = factor is not None and abs(float(factor) - float(val)) < 1e-9
            if not found:
                bad("%s: no pc:changes node for %r" % (path, line))
            continue
        else:
            bad("%s: unknown edge kind in %r" % (dump, line))
            continue
        if p is None or (rdflib.URIRef(s), rdflib.URIRef(p), rdflib.URIRef(o)) not in g:
            bad("%s: the edge %r is not the triple <%s> <%s> <%s>" % (path, line, s, p, o))
    for (pub, role), want_list in authors.items():
        head = g.value(rdflib.URIRef(iri("publication", pub)), rdflib.URIRef(SCHEMA + role))
        got = [str(x) for x in rdflib.collection.Collection(g, head)] if head is not None else []
        if got != want_list:
            bad("%s: the %ss of %s are %s, the dump says %s" % (path, role, pub, got, want_list))

    # An indicator without a value says so.
    for k, i in nodes:
        if k == "indicator":
            s = rdflib.URIRef(iri(k, i))
            has_value = g.value(s, rdflib.URIRef(SCHEMA + "value")) is not None
            missing = g.value(s, rdflib.URIRef(PC + "missing"))
            if has_value == (missing is not None and missing.toPython() is True):
                bad("%s: indicator %s: value and pc:missing disagree" % (path, i))


def check_catalog(path, publisher):
    doc = load(path)
    if doc is None:
        return
    root = os.path.dirname(os.path.abspath(path))
    base = "file://" + urllib.parse.quote(os.path.abspath(path))
    expanded = check_keys(doc, path, base)
    if expanded is None:
        return
    check_iris(expanded, path, need_id=False)
    g = to_graph(doc, path, base)
    if g is None:
        return
    U = rdflib.URIRef
    datasets = subjects_of(g, DCAT + "Dataset")
    if not datasets:
        bad("%s: no dcat:Dataset" % path)
    if datasets != subjects_of(g, SCHEMA + "Dataset"):
        bad("%s: the dcat:Dataset nodes are not all schema:Dataset" % path)
    catalogs = subjects_of(g, DCAT + "Catalog")
    if len(catalogs) != 1:
        bad("%s: %d dcat:Catalog nodes, want 1" % (path, len(catalogs)))
    # The world dataset (a build of several profiles) has the country
    # datasets as its parts, each of them part of it; without one, no
    # dataset is part of another.
    world = [ds for ds in datasets if str(g.value(U(ds), U(DCT + "identifier"))) == "world"]
    for ds in sorted(datasets):
        parts = set(str(x) for x in g.objects(U(ds), U(DCT + "hasPart")))
        whole = set(str(x) for x in g.objects(U(ds), U(DCT + "isPartOf")))
        if ds in world and parts != datasets - set(world):
            bad("%s: the world dataset's parts %s are not the country datasets" % (path, sorted(parts)))
        if ds not in world and (parts or whole != set(world)):
            bad("%s: dataset %s: parts %s, part of %s, want none and %s" % (path, ds, sorted(parts), sorted(whole),
                                                                             world))
    n_dist = 0
    for ds in sorted(datasets):
        d = U(ds)
        for p in (DCT + "title", DCT + "description", DCT + "modified"):
            if g.value(d, U(p)) is None:
                bad("%s: dataset %s has no %s" % (path, ds, p))
        pubs = list(g.objects(d, U(DCT + "publisher")))
        names = [str(g.value(x, U(FOAF + "name"))) for x in pubs]
        if publisher is None and pubs:
            bad("%s: dataset %s names a publisher nobody configured: %s" % (path, ds, names))
        if publisher is not None and names != [publisher]:
            bad("%s: dataset %s: publisher %s, want %r" % (path, ds, names, publisher))
        cc = str(g.value(d, U(DCT + "identifier")))
        listed = set()
        dists = list(g.objects(d, U(DCAT + "distribution")))
        for dist in dists:
            n_dist += 1
            url = g.value(dist, U(DCAT + "downloadURL"))
            size = g.value(dist, U(DCAT + "byteSize"))
            ck = g.value(dist, U(SPDX + "checksum"))
            algo = g.value(ck, U(SPDX + "algorithm")) if ck is not None else None
            value = g.value(ck, U(SPDX + "checksumValue")) if ck is not None else None
            media = g.value(dist, U(DCAT + "mediaType"))
            if None in (url, size, algo, value, media):
                bad("%s: distribution %s lacks a download URL, size, checksum or media type" % (path, dist))
                continue
            if str(algo) != SPDX + "checksumAlgorithm_sha256":
                bad("%s: distribution %s: algorithm %s" % (path, dist, algo))
            u = urllib.parse.urlparse(str(url))
            file = urllib.parse.unquote(u.path)
            if u.scheme != "file" or not file.startswith(root + "/"):
                bad("%s: download URL %s is not relative to the catalog" % (path, url))
                continue
            rel = os.path.relpath(file, os.path.join(root, cc))
            listed.add(rel)
            try:
                with open(file, "rb") as f:
                    data = f.read()
            except OSError as e:
                bad("%s: %s: %s" % (path, url, e))
                continue
            if int(size) != len(data):
                bad("%s: %s: byteSize %s, the file has %d bytes" % (path, rel, size, len(data)))
            if str(value) != hashlib.sha256(data).hexdigest():
                bad("%s: %s: the checksum does not match the file" % (path, rel))
        urls = [str(g.value(x, U(DCAT + "downloadURL"))) for x in dists]
        if len(set(urls)) != len(urls):
            bad("%s: dataset %s lists a file twice" % (path, cc))
        present = set()
        for dirpath, _, files in os.walk(os.path.join(root, cc)):
            for name in files:
                present.add(os.path.relpath(os.path.join(dirpath, name), os.path.join(root, cc)))
        if present != listed:
            bad("%s: dataset %s: files not listed %s, listed but absent %s"
                % (path, cc, sorted(present - listed), sorted(listed - present)))
    print("distributions %d" % n_dist)


def main(argv):
    if len(argv) >= 3 and argv[1] == "bundle" and len(argv) == 4:
        check_bundle(argv[2], argv[3])
    elif len(argv) in (3, 4) and argv[1] == "catalog":
        publisher = None
        if len(argv) == 4:
            if argv[3].startswith("--publisher="):
                publisher = argv[3][len("--publisher="):]
            elif argv[3] != "--no-publisher":
                print(__doc__, file=sys.stderr)
                return 2
        check_catalog(argv[2], publisher)
    else:
        print(__doc__, file=sys.stderr)
        return 2
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
