#!/usr/bin/python3
"""Read an EPUB handout back and check what a reader and a retailer would notice.

usage: epub_check.py BOOK.epub DUMP.txt [--text STRING]... [--counts FILE]

DUMP.txt is `profilec dump` of the same source: every event, organization,
person, publication, instrument, article, penalty, threshold, indicator and
source it lists must have its anchor in the book, in the right document, and
every event-organization edge must be a link both ways. Every internal link
must resolve, mimetype must come first and stored, the package must list
every file, and no document may hold a script or a remote resource. Each
--text STRING must appear as text (escaped in the markup, never as markup).
--counts FILE (tests/ro_counts.txt) gives the entries a reader counts in the
book itself, independently of the dump.

Only the standard library: zipfile and xml.etree. Prints one line per
failure and exits 1 on any; prints a summary and exits 0 otherwise.
"""

import posixpath
import re
import struct
import sys
import zipfile
import xml.etree.ElementTree as ET

XHTML = "{http://www.w3.org/1999/xhtml}"
SVG = "{http://www.w3.org/2000/svg}"
OPF = "{http://www.idpf.org/2007/opf}"
DC = "{http://purl.org/dc/elements/1.1/}"
OPS = "{http://www.idpf.org/2007/ops}"
CONTAINER = "{urn:oasis:names:tc:opendocument:xmlns:container}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

# Which document holds the anchors of each kind of node.
FILE_OF = {
    "country": "title.xhtml",
    "indicator": "overview.xhtml",
    "source": "overview.xhtml",
    "event": "timeline.xhtml",
    "actor": "organizations.xhtml",
    "person": "bibliography.xhtml",
    "publication": "bibliography.xhtml",
    "instrument": "laws.xhtml",
    "article": "laws.xhtml",
    "part": "laws.xhtml",
    "penalty": "laws.xhtml",
    "threshold": "laws.xhtml",
}

A11Y_PROPERTIES = [
    "schema:accessMode",
    "schema:accessModeSufficient",
    "schema:accessibilityFeature",
    "schema:accessibilityHazard",
    "schema:accessibilitySummary",
]

failures = []


def fail(msg):
    failures.append(msg)


def read_dump(path):
    """Nodes as (kind, id, attrs-line) and edges, from `profilec dump`."""
    nodes, edges, merged = [], [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            words = line.split()
            if not words:
                continue
            if words[0] in FILE_OF and len(words) > 1:
                nodes.append((words[0], words[1], line))
                if words[0] == "publication":
                    for m in re.findall(r' merged="([^"]*)"', line):
                        merged.append((words[1], m))
            elif words[0] == "edge" and words[1] == "event_actor":
                edges.append((words[2], words[4]))
    return nodes, edges, merged


def check_zip(z, raw):
    infos = z.infolist()
    if not infos or infos[0].filename != "mimetype":
        fail("mimetype is not the first entry")
        return
    mt = infos[0]
    if mt.compress_type != zipfile.ZIP_STORED:
        fail("mimetype is compressed")
    if z.read("mimetype") != b"application/epub+zip":
        fail("mimetype content is %r" % z.read("mimetype"))
    # The local header: signature, then the name at offset 30 and no extra
    # field, so the bytes "mimetypeapplication/epub+zip" sit at offset 30.
    sig, = struct.unpack("<I", raw[0:4])
    name_len, extra_len = struct.unpack("<HH", raw[26:30])
    if sig != 0x04034B50 or raw[30:30 + name_len] != b"mimetype" or extra_len != 0:
        fail("mimetype's local header is not at offset 0 with no extra field")
    if raw[38:58] != b"application/epub+zip":
        fail("mimetype's content is not at offset 38")
    names = [i.filename for i in infos]
    if len(set(names)) != len(names):
        fail("duplicate entries in the zip")
    for i in infos:
        if i.date_time < (1980, 1, 1, 0, 0, 0):
            fail("entry %s has an impossible date %r" % (i.filename, i.date_time))
    dates = {i.date_time for i in infos}
    if len(dates) != 1:
        fail("entries have different dates: %r" % sorted(dates))


def parse(z, name):
    try:
        return ET.fromstring(z.read(name))
    except ET.ParseError as e:
        fail("%s is not well-formed XML: %s" % (name, e))
    except KeyError:
        fail("%s is missing" % name)
    return None


def text_of(el):
    return "".join(el.itertext())


def check_package(z):
    container = parse(z, "META-INF/container.xml")
    if container is None:
        return None
    rootfiles = container.findall(".//%srootfile" % CONTAINER)
    if len(rootfiles) != 1:
        fail("container.xml names %d rootfiles" % len(rootfiles))
        return None
    opf_path = rootfiles[0].get("full-path")
    if rootfiles[0].get("media-type") != "application/oebps-package+xml":
        fail("rootfile media-type is %r" % rootfiles[0].get("media-type"))
    opf = parse(z, opf_path)
    if opf is None:
        return None
    base = posixpath.dirname(opf_path)
    meta = opf.find(OPF + "metadata")
    uid = opf.get("unique-identifier")
    ident = [e for e in meta.findall(DC + "identifier") if e.get("id") == uid]
    if len(ident) != 1 or not re.fullmatch(
        r"urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[89ab][0-9a-f]{3}-[0-9a-f]{12}", ident[0].text or ""
    ):
        fail("the unique identifier is not one urn:uuid: %r" % [e.text for e in ident])
    props = {}
    for m in meta.findall(OPF + "meta"):
        props.setdefault(m.get("property"), []).append((m.text or "").strip())
    modified = props.get("dcterms:modified", [])
    if len(modified) != 1 or not re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", modified[0]):
        fail("dcterms:modified is %r" % modified)
    for p in A11Y_PROPERTIES:
        if not props.get(p) or not all(props[p]):
            fail("accessibility metadata %s is missing" % p)
    # Only what holds: no WCAG claim nobody evaluated, no tool certifying
    # its own output; the summary says how the book was checked.
    for p in ("dcterms:conformsTo", "a11y:certifiedBy"):
        if p in props:
            fail("the package claims %s %r" % (p, props[p]))
    summary = " ".join(props.get("schema:accessibilitySummary", []))
    if "Ace by DAISY" not in summary or "EPUBCheck" not in summary:
        fail("the accessibility summary does not say how the book was checked: %r" % summary)
    if "none" not in props.get("schema:accessibilityHazard", []):
        fail("no schema:accessibilityHazard none")
    lang = meta.findtext(DC + "language")
    if not lang:
        fail("no dc:language")
    if not meta.findtext(DC + "title"):
        fail("no dc:title")

    items = {}
    for it in opf.find(OPF + "manifest"):
        href = posixpath.normpath(posixpath.join(base, it.get("href")))
        items[it.get("id")] = (href, it.get("media-type"), (it.get("properties") or "").split())
    listed = {v[0] for v in items.values()}
    in_zip = set(z.namelist()) - {"mimetype", opf_path} - {n for n in z.namelist() if n.startswith("META-INF/")}
    for name in sorted(in_zip - listed):
        fail("%s is in the zip but not in the manifest" % name)
    for name in sorted(listed - set(z.namelist())):
        fail("%s is in the manifest but not in the zip" % name)
    navs = [v[0] for v in items.values() if "nav" in v[2]]
    if len(navs) != 1:
        fail("%d nav documents" % len(navs))
    spine = [items[r.get("idref")][0] for r in opf.find(OPF + "spine") if r.get("idref") in items]
    if len(spine) != len(list(opf.find(OPF + "spine"))):
        fail("a spine itemref names no manifest item")
    return {"base": base, "items": items, "spine": spine, "nav": navs[0] if navs else None, "lang": lang}


def check_document(z, name, pkg, docs):
    root = parse(z, name)
    if root is None:
        return
    docs[name] = root
    if root.get(XML_LANG) != pkg["lang"] or root.get("lang") != pkg["lang"]:
        fail("%s: xml:lang/lang are %r/%r, not %r" % (name, root.get(XML_LANG), root.get("lang"), pkg["lang"]))
    title = root.find("%shead/%stitle" % (XHTML, XHTML))
    if title is None or not text_of(title).strip():
        fail("%s has no title" % name)
    ids = {}
    last_level = 0
    for el in root.iter():
        tag = el.tag.split("}")[-1]
        if tag == "script":
            fail("%s holds a script element" % name)
        for attr, value in el.attrib.items():
            if attr.lower().startswith("on"):
                fail("%s: event handler attribute %s" % (name, attr))
            # A hyperlink out to the web (a website, a DOI: format 1.1) is
            # followed by the reader, never loaded: http and https only.
            if tag == "a" and attr == "href" and re.match(r"^https?://[^/]", value):
                continue
            if attr in ("src", "href", "{http://www.w3.org/1999/xlink}href", "data", "poster") and re.match(
                r"^([a-z][a-z0-9+.-]*:|//)", value, re.I
            ):
                fail("%s: remote or absolute resource %s=%r" % (name, attr, value))
        if el.get("id") is not None:
            if el.get("id") in ids:
                fail("%s: duplicate id %r" % (name, el.get("id")))
            ids[el.get("id")] = el
        if el.tag.startswith(XHTML) and re.fullmatch(r"h[1-6]", tag):
            level = int(tag[1])
            if level > last_level + 1:
                fail("%s: heading %s %r after h%d" % (name, tag, text_of(el)[:40], last_level))
            last_level = level
        if el.tag == XHTML + "th" and el.get("scope") not in ("col", "row", "colgroup", "rowgroup"):
            fail("%s: th %r without scope" % (name, text_of(el)[:40]))
        if el.tag == XHTML + "table" and el.find(XHTML + "caption") is None:
            fail("%s: a table without caption" % name)
        # Every structural epub:type with its DPUB-ARIA role (Ace's
        # epub-type-has-matching-role); titlepage and the landmarks' links have none.
        etype = el.get(OPS + "type")
        if el.tag != XHTML + "a" and etype in ("chapter", "appendix", "bibliography", "toc", "introduction", "index"):
            if el.get("role") != "doc-" + etype:
                fail("%s: epub:type %r with role %r" % (name, etype, el.get("role")))
    svgs = list(root.iter(SVG + "svg"))
    item = [v for v in pkg["items"].values() if v[0] == name]
    if item and bool(svgs) != ("svg" in item[0][2]):
        fail("%s: the manifest's svg property does not match its content" % name)
    for svg in svgs:
        if svg.get("role") != "img":
            fail("%s: an svg without role=img" % name)
        t, d = svg.find(SVG + "title"), svg.find(SVG + "desc")
        if t is None or d is None or not text_of(t).strip() or not text_of(d).strip():
            fail("%s: an svg without title and desc" % name)
        for ref in (svg.get("aria-labelledby") or "").split() + (svg.get("aria-describedby") or "").split():
            if ref not in ids:
                fail("%s: svg aria reference %r does not resolve" % (name, ref))
    return ids


def check_links(pkg, docs, anchors):
    """Every href inside the book resolves: the file and the fragment."""
    n = 0
    for name, root in docs.items():
        for a in root.iter():
            href = a.get("href")
            if href is None or a.tag not in (XHTML + "a", XHTML + "link"):
                continue
            if a.tag == XHTML + "a" and re.match(r"^https?://[^/]", href):
                continue  # out of the book (checked by check_document)
            n += 1
            path, _, frag = href.partition("#")
            target = posixpath.normpath(posixpath.join(posixpath.dirname(name), path)) if path else name
            if target not in anchors and not target.endswith(".css"):
                fail("%s: link %r goes to %s, not a document of the book" % (name, href, target))
                continue
            if frag and frag not in anchors.get(target, {}):
                fail("%s: link %r: no id %r in %s" % (name, href, frag, target))
    return n


def links_from(el):
    out = set()
    for a in el.iter(XHTML + "a"):
        href = a.get("href", "")
        out.add(href.split("/")[-1])
    return out


def children(el, tag):
    return [c for c in el if c.tag == XHTML + tag]


# Facts of the source in the counts file that no reader counts in the book:
# validate's warnings (check_core asserts them).
NOT_IN_BOOK = {"validate_warnings"}


def book_counts(doc_of):
    """What a reader counts, from the book's own structure."""
    tl, org, bib, laws, ov = (doc_of(n) for n in ("timeline", "organizations", "bibliography", "laws", "overview"))
    c = {}
    c["events"] = sum(1 for e in tl.iter(XHTML + "li") if e.get("class") == "event")
    entries = [s for s in org.iter(XHTML + "section") if children(s, "h3")]
    c["actors"] = len(entries)
    c["directory_actors"] = sum(
        1 for s in entries if any("directory" in text_of(p) for p in children(s, "p") if p.get("class") == "meta")
    )
    pubs = sum(1 for e in bib.iter(XHTML + "li") if e.get("class") == "publication")
    merged = sum(
        len([s for s in p.iter(XHTML + "span") if s.get("id")]) for p in bib.iter(XHTML + "p") if p.get("class") == "note"
    )
    c["publication_entries"] = pubs + merged
    c["instruments"] = sum(1 for s in laws.iter(XHTML + "section") if children(s, "h2") and s.get("id") != "s_ages")
    # An article's heading says "Article N"; a part's (format 1.1) its label.
    h3s = [text_of(children(s, "h3")[0]) for s in laws.iter(XHTML + "section") if children(s, "h3")]
    c["articles"] = sum(1 for h in h3s if h.startswith("Article "))
    c["parts"] = len(h3s) - c["articles"]
    c["penalties"] = c["thresholds"] = 0
    for t in laws.iter(XHTML + "table"):
        key = "penalties" if text_of(t.find(XHTML + "caption")).startswith("Penalties") else "thresholds"
        c[key] += sum(1 for r in t.iter(XHTML + "tr") if r.get("id"))
    c["indicators"] = sum(1 for r in ov.iter(XHTML + "tr") if r.get("id"))
    c["statistics_sources"] = sum(1 for r in ov.iter(XHTML + "li") if r.get("id"))
    return c


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    book, dump = argv[1], argv[2]
    texts, counts_file = [], None
    rest = argv[3:]
    while rest:
        if rest[0] == "--text" and len(rest) > 1:
            texts.append(rest[1])
            rest = rest[2:]
        elif rest[0] == "--counts" and len(rest) > 1:
            counts_file = rest[1]
            rest = rest[2:]
        else:
            print("unknown argument %r" % rest[0], file=sys.stderr)
            return 2
    raw = open(book, "rb").read()
    with zipfile.ZipFile(book) as z:
        if z.testzip() is not None:
            fail("a zip entry's CRC is wrong")
        check_zip(z, raw)
        pkg = check_package(z)
        if pkg is None:
            for f in failures:
                print("FAIL: " + f)
            return 1
        docs, anchors = {}, {}
        for href, media, _ in pkg["items"].values():
            if media == "application/xhtml+xml":
                anchors[href] = check_document(z, href, pkg, docs) or {}
        raw_docs = {name: z.read(name).decode("utf-8") for name in docs}
    n_links = check_links(pkg, docs, anchors)

    base = pkg["base"]

    def doc(short):
        return posixpath.join(base, short) if base else short

    # The table of contents names every document of the spine.
    nav = docs.get(pkg["nav"])
    if nav is not None:
        tocs = [n for n in nav.iter(XHTML + "nav") if n.get(OPS + "type") == "toc"]
        marks = [n for n in nav.iter(XHTML + "nav") if n.get(OPS + "type") == "landmarks"]
        if len(tocs) != 1 or len(marks) != 1:
            fail("nav.xhtml needs one toc and one landmarks nav")
        else:
            toc_files = {posixpath.join(base, a.get("href").split("#")[0]) for a in tocs[0].iter(XHTML + "a")}
            for s in pkg["spine"]:
                if s != pkg["nav"] and s not in toc_files:
                    fail("the table of contents does not list %s" % s)

    nodes, edges, merged = read_dump(dump)
    counts = {}
    for kind, node_id, _ in nodes:
        counts[kind] = counts.get(kind, 0) + 1
        where = doc(FILE_OF[kind])
        if node_id not in anchors.get(where, {}):
            fail("%s %s has no anchor in %s" % (kind, node_id, FILE_OF[kind]))
    for survivor, gone in merged:
        where = anchors.get(doc("bibliography.xhtml"), {})
        if gone not in where:
            fail("merged publication %s has no anchor" % gone)
        elif survivor in where and where[gone] not in list(where[survivor].iter()):
            fail("merged publication %s is not noted inside %s" % (gone, survivor))
        # Noted once: its id appears once in the bibliography.
        n = text_of(docs.get(doc("bibliography.xhtml"), ET.Element("x"))).count(gone)
        if n != 1:
            fail("merged publication %s is noted %d times" % (gone, n))

    # Events link to their organizations; organizations link back.
    tl, org = anchors.get(doc("timeline.xhtml"), {}), anchors.get(doc("organizations.xhtml"), {})
    for ev, actor in edges:
        if ev in tl and "organizations.xhtml#" + actor not in links_from(tl[ev]):
            fail("event %s does not link to organization %s" % (ev, actor))
        if actor in org and "timeline.xhtml#" + ev not in links_from(org[actor]):
            fail("organization %s does not link back to event %s" % (actor, ev))

    # The timeline is in year order.
    years = {}
    for kind, node_id, line in nodes:
        m = re.search(r" year=(-?\d+)", line)
        if kind == "event" and m:
            years[node_id] = int(m.group(1))
    order = [el.get("id") for el in docs.get(doc("timeline.xhtml"), ET.Element("x")).iter() if el.get("id") in years]
    if [years[i] for i in order] != sorted(years[i] for i in order):
        fail("the timeline is not in year order")
    if len(order) != len(years):
        fail("the timeline shows %d of %d events" % (len(order), len(years)))

    for t in texts:
        if not any(t in text_of(r) for r in docs.values()):
            fail("the text %r does not appear in the book" % t)
        escaped = t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        escaped = escaped.replace('"', "&quot;").replace("'", "&#39;")
        if not any(escaped in s for s in raw_docs.values()):
            fail("the text %r does not appear escaped in the markup" % t)

    if counts_file:
        got = book_counts(lambda n: docs.get(doc(n + ".xhtml"), ET.Element("x")))
        with open(counts_file, encoding="utf-8") as f:
            for line in f:
                if not line.strip():
                    continue
                key, value = line.split()
                if key in NOT_IN_BOOK:
                    continue
                if key not in got:
                    fail("the book has no count of %s" % key)
                elif got[key] != int(value):
                    fail("the book shows %d %s, the profile has %s" % (got[key], key, value))

    for f in failures:
        print("FAIL: " + f)
    if failures:
        return 1
    print(
        "ok: %d documents, %d links, %s, %d merged, %d event-organization edges both ways"
        % (len(docs), n_links, ", ".join("%d %s" % (v, k) for k, v in sorted(counts.items())), len(merged), len(edges))
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
