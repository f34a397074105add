#!/usr/bin/python3
"""Generate FICTIONAL country profiles (schemas/profile.xsd) for `make bench`.

Deterministic: the same --seed, --code and --target-bytes (or --profiles)
give byte-identical files, on any machine (random.Random seeded with a
string uses SHA-512, not Python's randomized hash).

The shape follows sources/ro.xml, the first real profile: per unit of
scale, 23 events (text ~520 characters, 1-6 actors involved, a few citing
an instrument or a publication), 68 actors (28 % in the directory with a
~290-character description, 6 % of those unnamed, acronyms, aliases, 0.4
relations each), 33 bibliography entries (0-6 authors, ~6 % listed twice
with the title's punctuation or case changed and the authors cited in
another form, a few editions of an earlier entry), 5 instruments with 14
articles (~600-character texts) and 45 typed penalties (1-7 per article;
fines, alternatives, additions, relative changes), plus 4 indicators, 2
statistics sources and 3 age thresholds. A person is cited in the forms
"Family, Given", "G. Family", "Family G.", "Given Family", with O'Name
spelled with either apostrophe and accents sometimes dropped, as real
bibliographies do; normalization must merge them.

Every text is prose from the small word lists below: nothing names a real
country, person, organization, law or report, and no text starts with a
character a spreadsheet reads as a formula (= + - @).

  genprofile.py [--seed N] [--code CC] [--target-bytes N] [-o FILE]
      one profile of about N bytes (default: the size of sources/ro.xml)
  genprofile.py --profiles N [--per-build K] [--seed N] -o DIR
      N profiles of realistic size (log-normal around ro.xml's size) in
      DIR/01/, DIR/02/, ...: K per directory (default 40), one per code,
      since one build refuses two profiles of one country. The first 40
      codes are the user-assigned QM-QZ, XA-XZ; past them come the codes
      ISO 3166-1 has not assigned at all (see unassigned_codes()), so that
      200 profiles can be one build and still none claims a real country.
  genprofile.py --list-codes [--per-build K]
      the codes of one directory, one a line

Prints "PATH BYTES ENTITIES" per written file on stdout, where ENTITIES
counts indicators, statistics sources, events, actors, bibliography
entries, author citations (persons and organizations), thresholds,
instruments, articles and penalties.
"""

import argparse
import math
import os
import random
import sys
from xml.sax.saxutils import escape, quoteattr

# ---- the shape of sources/ro.xml (per unit of scale) -------------------

N_EVENTS = 23
N_ACTORS = 68
N_PUBLICATIONS = 33
N_INSTRUMENTS = 5
DIRECTORY_SHARE = 19 / 68
UNNAMED_SHARE = 4 / 19  # of the directory
DUPLICATE_SHARE = 0.06
EDITION_SHARE = 0.03
BYTES_PER_SCALE = 80000  # the size of one unit, measured (see calibrate())

# Observed lengths in ro.xml, sampled with a little jitter.
EVENT_TEXT = [45, 196, 258, 307, 351, 364, 429, 464, 479, 480, 521, 522, 532,
              535, 536, 572, 588, 598, 604, 654, 659, 660, 675]
ACTOR_DESC = [151, 204, 218, 231, 233, 252, 259, 270, 282, 288, 302, 317, 319,
              327, 339, 446, 447, 545, 615]
PUB_DESC = [64, 64, 65, 89, 92, 98, 117, 129, 131, 133, 137, 143, 147, 150, 155,
            160, 162, 166, 181, 182, 211, 238, 245, 246, 248, 260, 274, 289, 290,
            295, 333, 389, 441]
ARTICLE_TEXT = [236, 269, 283, 329, 356, 517, 579, 647, 756, 885, 929, 943, 1011, 1013]
INVOLVES = [1] * 5 + [2] * 8 + [3] * 4 + [4] * 4 + [5] + [6]
AUTHORS = [0] * 5 + [1] * 6 + [2] * 8 + [3] * 3 + [4] * 4 + [5] * 3 + [6] * 4
PENALTIES = [0, 1, 2, 2, 2, 2, 3, 4, 4, 4, 4, 4, 6, 7]
ACTOR_KINDS = (["government-body"] * 11 + ["law-enforcement"] * 11 +
               ["international-organization"] * 8 + ["ngo"] * 7 + ["network"] * 5 +
               ["project"] * 5 + ["website"] * 4 + ["programme"] * 4 + ["company"] * 4 +
               ["other"] * 3 + ["helpline"] * 2 + ["foundation"] * 2 +
               ["industry-association", "hotline", "research-group"])
PUB_KINDS = ["report"] * 16 + ["study"] * 9 + ["document"] * 3 + [None] * 3 + ["paper", "book", "guide"]
ROLES = ["organizer", "funder", "partner", "participant", "signatory", "implementer",
         "operator", "supporter", "subject"]
ROLE_WEIGHTS = [30, 8, 14, 6, 4, 7, 4, 4, 23]
RELATIONS = ["part-of", "member-of", "operated-by", "partner-of", "founded-by", "funded-by"]

# ---- words -----------------------------------------------------------

ADJ = ["national", "regional", "local", "digital", "online", "safer", "public", "new",
       "free", "voluntary", "interactive", "practical", "annual", "joint", "independent",
       "mobile", "secure", "open", "first", "broad", "modern", "small", "large", "pilot"]
NOUN = [("programme", "programmes"), ("campaign", "campaigns"), ("helpline", "helplines"),
        ("hotline", "hotlines"), ("platform", "platforms"), ("network", "networks"),
        ("guide", "guides"), ("toolkit", "toolkits"), ("survey", "surveys"),
        ("course", "courses"), ("project", "projects"), ("portal", "portals"),
        ("curriculum", "curricula"), ("strategy", "strategies"), ("workshop", "workshops"),
        ("conference", "conferences"), ("centre", "centres"), ("service", "services"),
        ("initiative", "initiatives"), ("study", "studies"), ("lesson", "lessons"),
        ("competition", "competitions"), ("forum", "forums"), ("handbook", "handbooks")]
TOPIC = ["online safety", "digital literacy", "media literacy", "cyberbullying",
         "privacy online", "harmful content", "online grooming", "safe use of the Internet",
         "data protection", "computer-aided learning", "parental mediation",
         "children's rights online", "reporting illegal content", "sexting", "screen time",
         "online gaming", "social networks", "digital skills", "e-learning",
         "cybercrime prevention", "online harassment", "age verification",
         "teacher training in ICT", "school connectivity"]
AUDIENCE = ["children", "teachers", "parents", "young people", "pupils", "school staff",
            "social workers", "police officers", "librarians", "youth workers", "carers",
            "students", "families", "head teachers"]
PLACES = ["schools", "kindergartens", "libraries", "regions", "cities", "rural communities",
          "secondary schools", "primary schools", "youth centres", "universities", "towns"]
VERB_PAST = ["launched", "organized", "funded", "published", "ran", "introduced",
             "supported", "coordinated", "developed", "opened", "expanded", "evaluated",
             "adopted", "hosted", "completed", "renewed"]
VERB_INF = ["raise awareness of", "improve", "promote", "teach", "support research on",
            "reduce the risks of", "strengthen", "monitor", "explain", "measure"]
NUMBER_WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
                "seventeen", "eighteen", "nineteen", "twenty"]
OFFENCE_VERB = ["producing", "distributing", "offering", "possessing", "procuring",
                "making available", "transmitting", "advertising", "importing", "selling"]
OFFENCE_OBJECT = ["abuse images of a child", "harmful material aimed at minors",
                  "indecent images of a minor", "explicit messages to a child",
                  "material that exploits a minor", "the personal data of a child"]
OFFENCE_MEANS = ["through a computer system", "by means of a mobile device", "on a website",
                 "within a data storage device", "through a social network", "by any means"]
CONDITIONS = ["the victim is under the age of {age}", "the offender used coercion or deceit",
              "the offence was committed by a family member or a legal guardian",
              "the offence was committed jointly by two or more persons",
              "the offender abused a position of authority or influence over the victim",
              "the offence was committed for the purpose of producing such material",
              "the victim is under the care, protection or education of the offender"]
HEADINGS = ["Abuse Images", "Procurement", "Grooming", "Trafficking in Minors",
            "Computer Fraud", "Illegal Access", "Harassment", "Corruption of Minors",
            "Data Interference", "Protection of Minors", "Indecent Exposure",
            "Solicitation of Minors", "Illegal Interception", "Misuse of Devices"]

ORG_WORDS = ["Digital", "Safety", "Childhood", "Youth", "Learning", "Media", "Family",
             "Education", "Internet", "Research", "Protection", "Welfare", "Future",
             "Innovation", "Information", "Technology", "Rights", "Community", "School",
             "Network", "Security", "Wellbeing"]
ORG_PATTERNS = {
    "government-body": ["Ministry of {W} and {W2}", "National {W} Agency", "{C} {W} Authority",
                        "Office for {W} and {W2}", "Directorate for {W}", "{C} Government"],
    "law-enforcement": ["{C} Police", "{W} Crime Unit", "Directorate for {W} Offences",
                        "{C} Police {W} Department", "Office of the {C} Prosecutor",
                        "{W} Investigation Service"],
    "international-organization": ["Council of {W} Nations", "International {W} Union",
                                   "{W} Partnership of States", "World {W} Organization"],
    "ngo": ["{C} Centre for {W} and {W2}", "Friends of {W}", "{W} for Children",
            "{C} Association for {W}", "Safe {W} Society"],
    "network": ["{W} Network", "{C} {W} Alliance", "European-style {W} Network"],
    "project": ["{W} and {W2} Project", "{C} {W} Project", "Project {W} {W2}"],
    "website": ["{W} Online", "{C} {W} Portal", "{W}{W2} Web"],
    "programme": ["{W} in Schools Programme", "{C} {W} Programme", "Programme for {W}"],
    "company": ["{W} Systems", "{C} {W} Ltd", "{W}{W2} Software", "{W} Telecom"],
    "other": ["{W} Media", "{C} {W} Forum", "{W} Group"],
    "helpline": ["{C} Child Helpline", "{W} Line", "Talk {W} Helpline"],
    "foundation": ["{W} Foundation", "{C} {W} Trust", "Fund for {W}"],
    "industry-association": ["{C} {W} Industry Association", "Association of {W} Providers"],
    "hotline": ["{C} {W} Hotline", "Report {W} Hotline"],
    "research-group": ["{C} {W} Research Group", "{W} Lab"],
}

SYLLABLES = ["ar", "bel", "cor", "dan", "el", "fen", "gal", "har", "is", "jor", "kes",
             "lom", "mar", "nor", "os", "pel", "quil", "rav", "sel", "tam", "ul", "ver",
             "wen", "yar", "zel", "an", "bro", "cal", "dor", "ev"]
FAMILY_HEAD = ["Ash", "Bel", "Cor", "Dun", "Elm", "Fen", "Gal", "Har", "Ivel", "Jor",
               "Kes", "Lom", "Mar", "Nor", "Ost", "Pen", "Quil", "Rav", "Sel", "Tam",
               "Ulm", "Ver", "Wex", "Yar", "Zel", "Brin", "Cald", "Dre", "Hol", "Mel"]
FAMILY_MID = ["", "a", "e", "i", "o", "an", "er", "il", "or", "ow", "en", "ar"]
FAMILY_TAIL = ["by", "ford", "ley", "mont", "ner", "ric", "sen", "ton", "vik", "wood",
               "escu", "ini", "stad", "mann", "ez", "ova", "holm", "well", "sby", "dal"]
# Families that real bibliographies spell in more than one way.
APOSTROPHE_HEADS = ["O", "D"]  # O’Varn / O'Varn, D’Elm / D'Elm
ACCENTED = {"a": "á", "e": "é", "o": "ó", "u": "ú", "i": "í"}
GIVEN = ["Ada", "Bruno", "Clara", "Dario", "Elin", "Farid", "Greta", "Hugo", "Ines",
         "Jonas", "Kira", "Lena", "Mateo", "Nora", "Oskar", "Pia", "Rosa", "Stefan",
         "Tomas", "Una", "Vera", "Wim", "Yara", "Zora", "Ágnes", "Élodie", "Íris",
         "Øyvind", "Luka", "Marta", "Nils", "Petra", "Rui", "Sanne", "Teo", "Iva"]
FOLD_INITIAL = {"Á": "A", "É": "E", "Í": "I", "Ó": "O", "Ú": "U", "Ø": "O"}
GIVEN_DOUBLE = ["Eva Jana", "Maria Fen", "Ana Lia", "Jon Erik", "Lea Mai"]


def cap(s):
    return s[:1].upper() + s[1:]


def an(word):
    return ("an " if word[0] in "aeiou" else "a ") + word


def title_case(s):
    small = {"a", "an", "and", "of", "on", "in", "for", "the", "to", "from", "by", "with", "at"}
    words = s.split(" ")
    return " ".join(w if (i and w in small) else cap(w) for i, w in enumerate(words))


def slug(s, limit=40):
    out = []
    for ch in s.lower():
        if ("a" <= ch <= "z") or ("0" <= ch <= "9"):
            out.append(ch)
        elif out and out[-1] != "-":
            out.append("-")
    text = "".join(out).strip("-")[:limit].strip("-")
    return text or "x"


class Ids:
    """Unique ids: a clash gets -2, -3, ... (as editors would write)."""

    def __init__(self):
        self.taken = set()

    def make(self, base):
        base = base[:56].strip("-")
        if base[0] < "a" or base[0] > "z":
            base = "x-" + base
        ident, n = base, 2
        while ident in self.taken:
            ident = "%s-%d" % (base, n)
            n += 1
        self.taken.add(ident)
        return ident


class Person:
    __slots__ = ("family", "family_plain", "given", "initials", "apostrophe")

    def __init__(self, family, given, apostrophe):
        self.family = family
        self.given = given
        self.apostrophe = apostrophe
        # Accents dropped, as a careless citation writes them.
        plain = family
        for k, v in ACCENTED.items():
            plain = plain.replace(v, k).replace(v.upper(), k.upper())
        self.family_plain = plain
        self.initials = " ".join(w[0] + "." for w in given.split(" "))


class SharedPool:
    """Organizations and publications that several profiles of a world
    corpus name (--shared): international organizations by one name, and
    works with one title, year and author list, drawn from by each profile
    for a fraction of its own."""

    def __init__(self, seed, fraction, size, identifiers=False):
        r = random.Random("profilec-bench-shared:%s" % seed)
        self.fraction = fraction
        # With identifiers (format 1.1), every other pooled organization is
        # a national-looking body each profile names its own way, shared only
        # by its Wikidata id (and every fourth also by a ROR id), and every
        # other pooled work has a DOI and a title each profile words its own
        # way: the world matches those by identifier alone.
        self.identifiers = identifiers
        self.orgs, names = [], set()
        while len(self.orgs) < size:
            w, w2 = r.sample(ORG_WORDS, 2)
            name = "International %s %s Organization" % (w, w2)
            if name not in names:
                names.add(name)
                self.orgs.append(name)
        self.pubs = []
        for i in range(size):
            authors = [Person(cap(r.choice(SYLLABLES) + r.choice(SYLLABLES) + "son"), r.choice(GIVEN), False)
                       for _ in range(r.randrange(1, 4))]
            title = "Shared %s Study %d: %s" % (r.choice(ORG_WORDS), i + 1, cap(r.choice(TOPIC)))
            self.pubs.append((title, r.randrange(2000, 2025), authors))

    def org_ids(self, i):
        """The made-up identifiers of pooled organization i: {} (matched by name) or attributes."""
        if not self.identifiers or i % 2:
            return {}
        ids = {"wikidata": "Q%d" % (90000001 + i)}
        if i % 4 == 0:
            ids["ror"] = ror_id(i)
        return ids

    def pub_doi(self, i):
        return "10.5555/bench.%d" % (i + 1) if self.identifiers and i % 2 == 0 else None


CROCKFORD = "0123456789abcdefghjkmnpqrstvwxyz"


def ror_id(n):
    """A made-up ROR id with valid check digits: '0', six base32 characters, ISO 7064 MOD 97-10."""
    body = "0" + "".join(CROCKFORD[(n * 7919 + 12345) // 32 ** k % 32] for k in range(6))
    v = 0
    for ch in body:
        v = v * 32 + CROCKFORD.index(ch)
    return "%s%02d" % (body, 98 - v * 100 % 97)


class Generator:
    def __init__(self, seed, code, scale, shared=None):
        self.r = random.Random("profilec-bench:%s:%s:%r" % (seed, code, scale))
        self.shared = shared
        self.code = code
        self.scale = scale
        self.ids = Ids()
        self.entities = 0
        r = self.r
        self.country = cap(r.choice(SYLLABLES) + r.choice(SYLLABLES) + r.choice(["ia", "land", "ora", "esia"]))

    # -- prose --------------------------------------------------------

    def noun(self):
        return self.r.choice(NOUN)

    def sentence(self, names):
        r = self.r
        a1 = r.choice(names) if names else "The ministry"
        a2 = r.choice(names) if len(names) > 1 else "its partners"
        if a2 == a1:
            a2 = "its partners"
        k = r.randrange(10)
        n, npl = self.noun()
        if k == 0:
            return "%s %s %s %s on %s for %s in %d %s." % (
                a1, r.choice(VERB_PAST), an(r.choice(ADJ)), n, r.choice(TOPIC),
                r.choice(AUDIENCE), r.randrange(3, 400), r.choice(PLACES))
        if k == 1:
            return "The %s aims to %s %s and to help %s deal with %s." % (
                n, r.choice(VERB_INF), r.choice(TOPIC), r.choice(AUDIENCE), r.choice(TOPIC))
        if k == 2:
            return "In %d, %s and %s %s %s %s for %s." % (
                r.randrange(1995, 2025), a1, a2, r.choice(VERB_PAST), an(r.choice(ADJ)), n,
                r.choice(AUDIENCE))
        if k == 3:
            return "More than %s %s took part in %s %s on %s." % (
                "{:,}".format(r.randrange(20, 20000)), r.choice(AUDIENCE), r.choice(ADJ), npl,
                r.choice(TOPIC))
        if k == 4:
            return "It was financed by %s and run with the support of %s." % (a2, a1)
        if k == 5:
            return "The %s %s offers %s %s %s about %s." % (
                r.choice(ADJ), n, r.choice(AUDIENCE), r.choice(ADJ), npl, r.choice(TOPIC))
        if k == 6:
            return "%s reported that %d percent of %s had met %s in the past year." % (
                a1, r.randrange(5, 95), r.choice(AUDIENCE), r.choice(TOPIC))
        if k == 7:
            return "By %d, %d %s had joined the %s, and %s %s had received training." % (
                r.randrange(2000, 2025), r.randrange(3, 900), r.choice(PLACES), n,
                "{:,}".format(r.randrange(50, 9000)), r.choice(AUDIENCE))
        if k == 8:
            return "Its %s on %s are used in %s across the country." % (
                npl, r.choice(TOPIC), r.choice(PLACES))
        return "The %s was designed with %s and %s to %s %s." % (
            n, r.choice(AUDIENCE), r.choice(AUDIENCE), r.choice(VERB_INF), r.choice(TOPIC))

    def prose(self, lengths, names):
        target = int(self.r.choice(lengths) * self.r.uniform(0.85, 1.15))
        parts, size = [], 0
        while size < target or not parts:
            s = self.sentence(names)
            parts.append(s)
            size += len(s) + 1
        return " ".join(parts)

    def offence(self):
        r = self.r
        return "%s %s %s" % (r.choice(OFFENCE_VERB), r.choice(OFFENCE_OBJECT), r.choice(OFFENCE_MEANS))

    def condition(self):
        return self.r.choice(CONDITIONS).format(age=self.r.choice(NUMBER_WORDS[11:16]))

    def legal_sentence(self):
        r = self.r
        k = r.randrange(6)
        lo = r.randrange(1, 8)
        hi = min(lo + r.randrange(1, 10), 20)
        if k == 0:
            return "States that %s is punishable by imprisonment for between %s and %s years." % (
                self.offence(), NUMBER_WORDS[lo - 1], NUMBER_WORDS[hi - 1])
        if k == 1:
            return "Where %s, the penalties prescribed above are increased by half." % self.condition()
        if k == 2:
            return "Attempts to commit any of these offences are also punishable under this Article."
        if k == 3:
            return "%s is punishable by imprisonment for %s to %s months or a fine." % (
                cap(self.offence()), NUMBER_WORDS[lo - 1], NUMBER_WORDS[hi - 1])
        if k == 4:
            return ("No penalty applies if the age difference between the offender and the victim "
                    "does not exceed %s years." % NUMBER_WORDS[lo % 4 + 1])
        return "An aggravated penalty of %s to %s years' imprisonment applies where %s." % (
            NUMBER_WORDS[lo], NUMBER_WORDS[hi - 1], self.condition())

    def legal_prose(self):
        target = int(self.r.choice(ARTICLE_TEXT) * self.r.uniform(0.85, 1.15))
        parts, size = [], 0
        while size < target or not parts:
            s = self.legal_sentence()
            parts.append(s)
            size += len(s) + 1
        return " ".join(parts)

    # -- entities -----------------------------------------------------

    def count(self, base, minimum=1):
        return max(minimum, int(round(base * self.scale)))

    def make_actors(self):
        r = self.r
        n = self.count(N_ACTORS, 4)
        actors = []
        n_dir = max(1, int(round(n * DIRECTORY_SHARE)))
        for i in range(n):
            kind = r.choice(ACTOR_KINDS)
            if i == 0:
                kind = "government-body"
            elif i == 1:
                kind = "international-organization"
            pat = r.choice(ORG_PATTERNS[kind])
            w, w2 = r.sample(ORG_WORDS, 2)
            name = pat.format(W=w, W2=w2, C=self.country)
            ids = {}
            if i > 1 and self.shared and r.random() < self.shared.fraction:
                k = r.randrange(len(self.shared.orgs))
                kind, name, ids = "international-organization", self.shared.orgs[k], self.shared.org_ids(k)
                if ids:  # a national body, shared by its identifier only
                    kind, name = "research-group", "%s %s" % (self.country, name.replace("International ", ""))
                if name in [a["name"] for a in actors] or (ids and any(a.get("ids") == ids for a in actors)):
                    kind, name, ids = r.choice(ACTOR_KINDS[2:]), pat.format(W=w, W2=w2, C=self.country), {}
            actors.append({"id": self.ids.make(slug(name, 36)), "kind": kind, "name": name,
                           "directory": i < n_dir, "ids": ids})
        return actors

    def write_actors(self, out, actors):
        r = self.r
        names = [a["name"] for a in actors]
        out.append("  <actors>\n")
        for i, a in enumerate(actors):
            self.entities += 1
            attrs = ' id="%s" kind="%s"' % (a["id"], a["kind"])
            if a["directory"]:
                attrs += ' directory="true"'
            if r.random() < 0.09:
                attrs += ' founded="%d"' % r.randrange(1950, 2024)
            for key in sorted(a.get("ids", {})):
                attrs += ' %s="%s"' % (key, a["ids"][key])
            out.append("    <actor%s>\n" % attrs)
            if a["directory"] and i > 1 and r.random() < UNNAMED_SHARE:
                out.append("      <unnamed/>\n")
            else:
                out.append("      <name>%s</name>\n" % escape(a["name"]))
                words = [w for w in a["name"].split(" ") if w[:1].isupper()]
                if len(words) >= 2 and r.random() < 0.3:
                    out.append("      <acronym>%s</acronym>\n" % "".join(w[0] for w in words))
            x = r.random()
            for _ in range(0 if x < 0.76 else 1 if x < 0.92 else 2 if x < 0.96 else 3):
                w, w2 = r.sample(ORG_WORDS, 2)
                out.append("      <alias>%s %s %s</alias>\n" % (self.country, w, w2))
            if a["directory"]:
                out.append("      <description>%s</description>\n" %
                           escape(self.prose(ACTOR_DESC, names)))
            x = r.random()
            nrel = 0 if x < 0.69 else 1 if x < 0.96 else 3 if x < 0.99 else 5
            # Only to earlier actors: the hierarchy stays acyclic.
            for _ in range(min(nrel, i)):
                to = actors[r.randrange(max(0, i - 60), i)]["id"]
                out.append('      <relation type="%s" to="%s"/>\n' % (r.choice(RELATIONS), to))
            out.append("    </actor>\n")
        out.append("  </actors>\n")

    def make_persons(self, n):
        """n persons; in each family every initial is distinct, so "S. Name"
        can only be one of them and the merge is unambiguous."""
        r = self.r
        persons = []
        combos = [h + m + t for h in FAMILY_HEAD for m in FAMILY_MID for t in FAMILY_TAIL]
        r.shuffle(combos)
        fam_index = 0
        while len(persons) < n:
            rounds, i = divmod(fam_index, len(combos))
            fam_index += 1
            # Past the simple names, double-barrelled ones (Ashby-Cor).
            family = combos[i] + ("-" + cap(SYLLABLES[(rounds - 1) % len(SYLLABLES)]) +
                                  (SYLLABLES[(rounds - 1) // len(SYLLABLES)] if rounds > len(SYLLABLES) else "")
                                  if rounds else "")
            apostrophe = False
            x = r.random()
            if x < 0.06:
                family = r.choice(APOSTROPHE_HEADS) + "’" + family
                apostrophe = True
            elif x < 0.16:
                for k, v in ACCENTED.items():
                    if k in family[1:]:
                        family = family[0] + family[1:].replace(k, v, 1)
                        break
            used = set()
            for _ in range(r.choice([1, 1, 1, 2, 2, 3])):
                given = r.choice(GIVEN_DOUBLE) if r.random() < 0.05 else r.choice(GIVEN)
                initial = FOLD_INITIAL.get(given[0], given[0])  # Ágnes and Ada: both "A."
                if initial in used:
                    continue
                used.add(initial)
                persons.append(Person(family, given, apostrophe))
        r.shuffle(persons)
        return persons

    def citation(self, p):
        """A person as one bibliography writes them: (text, family, given)."""
        r = self.r
        family = p.family
        if p.apostrophe and r.random() < 0.5:
            family = family.replace("’", "'")
        elif family != p.family_plain and r.random() < 0.2:
            family = p.family_plain
        k = r.randrange(20)
        if k < 3:
            return "%s, %s" % (family, p.given), family, p.given
        if k < 8:
            return "%s, %s" % (family, p.initials), family, p.initials
        if k < 14:
            return "%s %s" % (p.initials, family), family, p.initials
        if k < 17:
            return "%s %s" % (p.given, family), family, p.given
        if k < 19:
            return "%s %s" % (family, p.initials), family, p.initials
        bare = p.initials.replace(".", "")
        return "%s, %s" % (family, bare), family, bare

    def pub_title(self, names):
        r = self.r
        k = r.randrange(8)
        n, npl = self.noun()
        if k == 0:
            return title_case("%s among %s: %s findings from %d %s" % (
                r.choice(TOPIC), r.choice(AUDIENCE), r.choice(ADJ), r.randrange(3, 40), r.choice(PLACES)))
        if k == 1:
            return "How %s manage %s: the role of %s" % (r.choice(AUDIENCE), r.choice(TOPIC), r.choice(TOPIC))
        if k == 2:
            return title_case("%s in %s: %s report" % (r.choice(TOPIC), self.country, r.choice(ADJ)))
        if k == 3:
            return title_case("%s %s on %s" % (r.choice(ADJ), npl, r.choice(TOPIC)))
        if k == 4:
            return "%s and %s: what %s say" % (cap(r.choice(TOPIC)), r.choice(TOPIC), r.choice(AUDIENCE))
        if k == 5:
            return title_case("mapping %s policies in %d %s" % (r.choice(TOPIC), r.randrange(2, 30), r.choice(PLACES)))
        if k == 6:
            return title_case("%s %s for %s" % (r.choice(ADJ), n, r.choice(AUDIENCE)))
        return "%s: %s %s for %s and %s" % (
            title_case(r.choice(TOPIC)), cap(r.choice(ADJ)), npl, r.choice(AUDIENCE), r.choice(AUDIENCE))

    def variant_title(self, t):
        """The same title, punctuated or cased differently."""
        r = self.r
        k = r.randrange(4)
        if k == 0 and ":" in t:
            return t.replace(":", "")
        if k == 1:
            return t + "."
        if k == 2 and ":" in t:
            return t.replace(":", " –")
        return t[:1] + t[1:].lower() if t[1:].lower() != t[1:] else t + "."

    def write_research(self, out, actors, pub_ids):
        r = self.r
        n = self.count(N_PUBLICATIONS, 2)
        n_authored = sum(AUTHORS) / len(AUTHORS) * n
        persons = self.make_persons(max(3, int(n_authored * 0.55)))
        names = [a["name"] for a in actors]
        orgs = [a for a in actors if a["kind"] in ("research-group", "network", "ngo",
                                                    "international-organization", "government-body")]
        published = []  # (title, year, authors) of the entries so far
        out.append("  <research>\n")
        i = 0
        while i < n:
            x = r.random() if published else 1.0
            dup = x < DUPLICATE_SHARE
            edition_of, doi = None, None
            if dup:
                title, year, authors, base_id, _ = r.choice(published[-200:])
                title = self.variant_title(title)
                pid = self.ids.make(base_id + "-2")
            elif x < DUPLICATE_SHARE + EDITION_SHARE:
                # A later edition: same authors, a title that says so.
                title, year, authors, base_id, edition_of = r.choice(published[-200:])
                title += r.choice([", Second Edition", ", Revised Edition", " (Updated Edition)"])
                year = min(year + r.randrange(1, 6), 2025)
                base_id = "pub-%d-%s" % (year, slug(title, 40))
                pid = self.ids.make(base_id)
                published.append((title, year, authors, base_id, pid))
            elif self.shared and r.random() < self.shared.fraction:
                k = r.randrange(len(self.shared.pubs))
                title, year, people = self.shared.pubs[k]
                doi = self.shared.pub_doi(k)
                if doi:  # one work, worded its own way by each profile: the DOI says it is one
                    title = "%s (as listed in %s)" % (title, self.country)
                if any(t == title for t, _, _, _, _ in published):
                    continue
                authors = [("p", p) for p in people]
                base_id = "pub-%d-%s" % (year, slug(title, 40))
                pid = self.ids.make(base_id)
                published.append((title, year, authors, base_id, pid))
            else:
                title = self.pub_title(names)
                year = r.randrange(1998, 2025)
                authors = [("p", p) for p in r.sample(persons, min(len(persons), r.choice(AUTHORS)))]
                if orgs and r.random() < 0.24:
                    org = r.choice(orgs)
                    authors.insert(r.randrange(len(authors) + 1), ("o", org))
                base_id = "pub-%d-%s" % (year, slug(title, 40))
                pid = self.ids.make(base_id)
                published.append((title, year, authors, base_id, pid))
            pub_ids.append(pid)
            self.entities += 1 + len(authors)
            kind = r.choice(PUB_KINDS)
            attrs = ' id="%s" year="%d"' % (pid, year)
            if kind:
                attrs += ' kind="%s"' % kind
            if doi:
                attrs += ' doi="%s"' % doi
            out.append("    <publication%s>\n      <title>%s</title>\n" % (attrs, escape(title)))
            if r.random() < 0.05:
                out.append("      <subtitle>%s</subtitle>\n" % escape(cap(self.r.choice(TOPIC)) + " and " + r.choice(AUDIENCE)))
            if authors:
                out.append("      <authors>\n")
                for kind_, who in authors:
                    if kind_ == "p":
                        text, family, given = self.citation(who)
                        out.append("        <person family=%s given=%s>%s</person>\n" % (
                            quoteattr(family), quoteattr(given), escape(text)))
                    else:
                        out.append('        <organization ref="%s">%s%s</organization>\n' % (
                            who["id"], r.choice(["", "the ", "members of the "]), escape(who["name"])))
                out.append("      </authors>\n")
            if r.random() < 0.1:
                out.append('      <publisher ref="%s"/>\n' % r.choice(actors)["id"])
            out.append("      <description>%s</description>\n" % escape(self.prose(PUB_DESC, names)))
            if edition_of:
                out.append('      <edition-of ref="%s"/>\n' % edition_of)
            out.append("    </publication>\n")
            i += 1
        out.append("  </research>\n")

    def write_law(self, out, actors, inst_ids):
        r = self.r
        n = self.count(N_INSTRUMENTS)
        intl = [a for a in actors if a["kind"] == "international-organization"]
        out.append("  <law>\n    <intro>This section gives the fictional laws of %s as they relate to "
                   "children, sexual offences and the use of the Internet.</intro>\n" % self.country)
        for kind, age in (("age-of-consent", r.choice([14, 15, 16])), ("age-of-majority", 18),
                          ("marriage-age", r.choice([16, 18]))):
            self.entities += 1
            out.append('    <threshold id="%s" kind="%s" age="%d"/>\n' %
                       (self.ids.make("thr-" + kind), kind, age))
        for i in range(n):
            self.entities += 1
            x = r.random()
            if x < 0.2:
                topic = title_case(r.choice(TOPIC))
                iid = self.ids.make("convention-on-" + slug(topic, 30))
                inst_ids.append(iid)
                out.append('    <instrument id="%s" type="convention">\n'
                           '      <title>Convention on %s</title>\n' % (iid, escape(topic)))
                if r.random() < 0.8:
                    out.append('      <status signed="true" ratified="true" in-force="true" date="%d-%02d">'
                               "signed, ratified and in force</status>\n" %
                               (r.randrange(1990, 2024), r.randrange(1, 13)))
                if intl:
                    out.append('      <issuer ref="%s"/>\n' % r.choice(intl)["id"])
                n_art = r.choice([0, 0, 1])
            elif x < 0.8:
                num, year = r.randrange(1, 700), r.randrange(1990, 2024)
                iid = self.ids.make("law-%d-%d" % (num, year))
                inst_ids.append(iid)
                out.append('    <instrument id="%s" type="law" number="%d" year="%d">\n'
                           "      <title>%s Law %d/%d</title>\n" %
                           (iid, num, year, title_case(r.choice(TOPIC)), num, year))
                n_art = r.choice([1, 1, 2, 3])
            else:
                name = r.choice(["Penal Code", "Criminal Code", "Code of Criminal Procedure",
                                 "Civil Code", "Child Protection Code"])
                iid = self.ids.make(slug(name, 30))
                inst_ids.append(iid)
                out.append('    <instrument id="%s" type="code">\n      <title>%s</title>\n' % (iid, name))
                n_art = r.randrange(5, 14)
            number = r.randrange(1, 60)
            for _ in range(n_art):
                self.entities += 1
                number += r.randrange(1, 9)
                aid = self.ids.make("%s-art-%d" % (iid, number))
                out.append('      <article id="%s" number="%d">\n' % (aid, number))
                if r.random() < 0.7:
                    out.append("        <heading>%s</heading>\n" % r.choice(HEADINGS))
                out.append("        <text>%s</text>\n" % escape(self.legal_prose()))
                self.write_penalties(out, aid)
                out.append("      </article>\n")
            out.append("    </instrument>\n")
        out.append("  </law>\n")

    def write_penalties(self, out, aid):
        r = self.r
        base = "pen-" + aid
        done = []  # (id, kind)
        for _ in range(r.choice(PENALTIES)):
            self.entities += 1
            prisons = [p for p, k in done if k == "imprisonment"]
            x = r.random()
            body = []
            if not prisons or x < 0.45:
                pid = self.ids.make(base + "-" + r.choice(["basic", "offence", "aggravated", "attempt"]))
                if r.random() < 0.8:
                    lo = r.randrange(1, 8)
                    attrs = ' kind="imprisonment" min="%d" max="%d" unit="years"' % (lo, lo + r.randrange(1, 10))
                else:
                    lo = r.randrange(1, 12)
                    attrs = ' kind="imprisonment" min="%d" max="%d" unit="months"' % (lo, lo * r.randrange(2, 8))
                kind = "imprisonment"
                if r.random() < 0.45:
                    body.append("          <offence>%s</offence>\n" % escape(self.offence()))
                if done and r.random() < 0.5:
                    body.append("          <condition>%s</condition>\n" % escape(self.condition()))
            elif x < 0.6:
                pid = self.ids.make(base + "-fine")
                attrs = ' kind="fine"'
                if r.random() < 0.5:
                    lo = r.randrange(1, 50) * 100
                    attrs += ' min="%d" max="%d" unit="%s"' % (lo, lo * r.randrange(2, 10), r.choice(["EUR", "XTS"]))
                attrs += ' alternative-to="%s"' % r.choice(prisons)
                kind = "fine"
            elif x < 0.8:
                pid = self.ids.make(base + "-prohibition")
                attrs = ' kind="prohibition-of-rights" in-addition-to="%s"' % r.choice(prisons)
                kind = "prohibition-of-rights"
            else:
                pid = self.ids.make(base + "-increased")
                attrs = ' kind="imprisonment"'
                kind = "imprisonment"
                body.append("          <condition>%s</condition>\n" % escape(self.condition()))
                for of in r.sample(prisons, min(len(prisons), r.choice([1, 1, 2]))):
                    body.append('          <change of="%s" factor="1.5"/>\n' % of)
            done.append((pid, kind))
            if body:
                out.append('        <penalty id="%s"%s>\n%s        </penalty>\n' % (pid, attrs, "".join(body)))
            else:
                out.append('        <penalty id="%s"%s/>\n' % (pid, attrs))

    def write_events(self, out, actors, pub_ids, inst_ids):
        r = self.r
        n = self.count(N_EVENTS)
        out.append("  <events>\n")
        for theme, share in (("education-ict", 12 / 23), ("child-protection", 11 / 23)):
            m = max(1, int(round(n * share)))
            for year in sorted(r.randrange(1995, 2025) for _ in range(m)):
                self.entities += 1
                involved = r.sample(actors, min(len(actors), r.choice(INVOLVES)))
                names = [a["name"] for a in involved]
                text = self.prose(EVENT_TEXT, names)
                eid = self.ids.make("ev-%d-%s" % (year, slug(names[0], 30)))
                attrs = ' id="%s" year="%d"' % (eid, year)
                if r.random() < 0.13:
                    # never after the edition (2026): future-year
                    attrs += ' end-year="%d"' % min(year + r.randrange(1, 8), 2026)
                out.append('    <event%s theme="%s">\n      <text>%s</text>\n' % (attrs, theme, escape(text)))
                for a in involved:
                    role = r.choices(ROLES, ROLE_WEIGHTS)[0]
                    out.append('      <involves actor="%s" role="%s"/>\n' % (a["id"], role))
                if inst_ids and r.random() < 0.05:
                    out.append('      <cites-instrument ref="%s"/>\n' % r.choice(inst_ids))
                if pub_ids and r.random() < 0.08:
                    out.append('      <cites-publication ref="%s"/>\n' % r.choice(pub_ids))
                out.append("    </event>\n")
        out.append("  </events>\n")

    def write_indicators(self, out):
        r = self.r
        out.append('  <indicators>\n')
        srcs = [self.ids.make("src-" + slug(self.country) + "-statistics-office"),
                self.ids.make("src-telecom-regulator")]
        for label in ("Population 0-14", "Internet Users", "Social Network Users", "Mobile Subscribers"):
            self.entities += 1
            iid = self.ids.make("ind-" + slug(label))
            if r.random() < 0.5:
                out.append('    <indicator id="%s" sources="%s">\n      <label>%s</label>\n'
                           '      <value year="%d" unit="percent">%.1f</value>\n    </indicator>\n' %
                           (iid, r.choice(srcs), label, r.randrange(2010, 2025), r.uniform(5, 99)))
            else:
                out.append('    <indicator id="%s">\n      <label>%s</label>\n      <missing/>\n'
                           '    </indicator>\n' % (iid, label))
        self.entities += 2
        out.append('    <source id="%s">%s Statistics Office</source>\n' % (srcs[0], self.country))
        out.append('    <source id="%s">%s Telecom Regulator</source>\n' % (srcs[1], self.country))
        out.append("    <note>Statistics provided by the %s Statistics Office and the %s Telecom "
                   "Regulator (fictional).</note>\n  </indicators>\n" % (self.country, self.country))

    def generate(self):
        """The whole profile, as a list of strings."""
        out = ['<?xml version="1.0" encoding="UTF-8"?>\n'
               "<!-- A FICTIONAL profile of an invented country, %s (%s),\n"
               "     generated by tests/bench/genprofile.py for benchmarks. Nothing here\n"
               "     describes a real country, organization, person, law or report. -->\n"
               '<profile xmlns="urn:profilec:profile:1" version="%s" lang="en" modified="2026-11-28">\n'
               "  <title>Child Online Safety Profile: %s (fictional benchmark profile)</title>\n"
               '  <country code="%s"><name>%s</name></country>\n' %
               (self.country,
                ("user-assigned code %s" if self.code in USER_CODES + ["AA", "ZZ"]
                 else "code %s, which ISO 3166-1 has not assigned") % self.code,
                # Identifiers are format 1.1; everything else is 1.0.
                "1.1" if self.shared and self.shared.identifiers else "1.0",
                self.country, self.code, self.country)]
        self.write_indicators(out)
        actors = self.make_actors()
        # Events cite instruments and publications written later: make
        # those first, then put the sections in the schema's order.
        research, law, pub_ids, inst_ids = [], [], [], []
        self.write_research(research, actors, pub_ids)
        self.write_law(law, actors, inst_ids)
        self.write_events(out, actors, pub_ids, inst_ids)
        self.write_actors(out, actors)
        out.extend(research)
        out.extend(law)
        out.append("</profile>\n")
        return out


def render(seed, code, scale, shared=None):
    g = Generator(seed, code, scale, shared)
    parts = g.generate()
    data = "".join(parts).encode("utf-8")
    return data, g.entities


def for_target(seed, code, target):
    """About target bytes. The size is nearly linear in the scale: fit a
    line through two samples (at most ~2 MB), then correct while a profile
    is cheap to make again."""
    scale = max(target / BYTES_PER_SCALE, 0.05)
    if scale > 12.0:
        s1, s2 = 6.0, 24.0
        b1, b2 = len(render(seed, code, s1)[0]), len(render(seed, code, s2)[0])
        slope = (b2 - b1) / (s2 - s1)
        scale = max(s1 + (target - b1) / slope, 0.05)
    data, ents = render(seed, code, scale)
    for _ in range(3):
        if abs(len(data) - target) <= target * 0.02 or target > 20_000_000:
            break
        scale = max(scale * target / len(data), 0.05)
        data, ents = render(seed, code, scale)
    return data, ents


USER_CODES = ["Q" + chr(c) for c in range(ord("M"), ord("Z") + 1)] + \
             ["X" + chr(c) for c in range(ord("A"), ord("Z") + 1)]

# What ISO 3166-1 has assigned, officially (iso_3166-1.json) or formerly
# (iso_3166-3.json: withdrawn codes, some transitionally reserved), from
# Debian's iso-codes package.
ISO_CODES_DIR = "/usr/share/iso-codes/json"
# The reserved codes no package lists, from the ISO 3166 Maintenance
# Agency's list: exceptionally reserved, transitionally reserved,
# indeterminately reserved (international vehicle registration codes), and
# the WIPO ST.3 codes ISO keeps out of use. tests/check_format.c checks
# that ICU's region data (CLDR) knows none of the codes this leaves.
RESERVED = ("AC CP CQ DG EA EU EZ FX IC SU TA UK UN "
            "AN BU CS NT TP YU ZR "
            "DY EW FL JA LF PI RA RB RC RH RI RL RM RN RP WG WL WV YV "
            "AP BX EF EM EP EV GC IB OA WO").split()


def unassigned_codes():
    """The alpha-2 codes ISO 3166-1 has neither assigned, reserved nor
    left to users, in alphabetical order: a profile of one of them names
    no real country. Read from iso-codes at each run, never copied here."""
    import json
    taken = set(RESERVED) | set(USER_CODES) | {"AA", "ZZ"}
    for name, key in (("iso_3166-1.json", "3166-1"), ("iso_3166-3.json", "3166-3")):
        path = os.path.join(ISO_CODES_DIR, name)
        try:
            with open(path, encoding="utf-8") as f:
                taken.update(c["alpha_2"] for c in json.load(f)[key] if "alpha_2" in c)
        except (OSError, ValueError, KeyError) as e:
            sys.exit("genprofile: more than %d profiles in one build need the ISO 3166 lists of Debian's "
                     "iso-codes package (apt-get install iso-codes): %s: %s" % (len(USER_CODES), path, e))
    letters = [chr(c) for c in range(ord("A"), ord("Z") + 1)]
    return [a + b for a in letters for b in letters if a + b not in taken]


def build_codes(k):
    """The codes of one build of k profiles: the user-assigned ones first
    (so that the corpora of 40 stay as they were), then unassigned ones."""
    codes = USER_CODES if k <= len(USER_CODES) else USER_CODES + unassigned_codes()
    if k > len(codes):
        sys.exit("genprofile: at most %d profiles in one build (one per code)" % len(codes))
    return codes[:k]


def write(path, data):
    """Whole or not at all: a regular file is written beside and renamed
    into place; anything else (/dev/null, a pipe) is written to as it is."""
    if os.path.exists(path) and not os.path.isfile(path):
        with open(path, "wb") as f:
            f.write(data)
        return
    tmp = path + ".tmp"
    with open(tmp, "wb") as f:
        f.write(data)
    os.replace(tmp, path)


def main():
    ap = argparse.ArgumentParser(description="Generate fictional profiles for make bench.")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--code", default="XA", help="user-assigned country code: AA, QM-QZ, XA-XZ or ZZ (default XA)")
    ap.add_argument("--target-bytes", type=int, default=0,
                    help="size of the profile (default: one unit, about the size of sources/ro.xml)")
    ap.add_argument("--profiles", type=int, default=0,
                    help="write this many realistic profiles into the directory -o, 40 per subdirectory")
    ap.add_argument("--shared", type=float, default=0.0,
                    help="with --profiles: this fraction (0.1-0.3) of each profile's organizations and "
                         "publications comes from a pool the profiles share, for the world dataset")
    ap.add_argument("--identifiers", action="store_true",
                    help="with --shared: half the pool is shared by identifier alone (Wikidata, ROR, DOI; "
                         "format 1.1), the other half by name")
    ap.add_argument("--per-build", type=int, default=len(USER_CODES),
                    help="with --profiles: profiles per directory, i.e. per build (default %d, the user-assigned "
                         "codes; more take codes ISO 3166-1 has not assigned)" % len(USER_CODES))
    ap.add_argument("--list-codes", action="store_true", help="print the --per-build codes of one directory")
    ap.add_argument("-o", "--output", help="output file (directory with --profiles); default stdout")
    a = ap.parse_args()
    if a.per_build < 1:
        ap.error("--per-build wants at least 1")
    if a.list_codes:
        print("\n".join(build_codes(a.per_build)))
        return 0
    if a.code not in USER_CODES + ["AA", "ZZ"] and a.code not in unassigned_codes():
        ap.error("--code wants a user-assigned ISO 3166 code (AA, QM-QZ, XA-XZ, ZZ) or one ISO 3166-1 has "
                 "not assigned: a generated profile never claims a real country")
    if a.profiles:
        if not a.output:
            ap.error("--profiles needs -o DIR")
        codes = build_codes(min(a.per_build, a.profiles))
        sizes = random.Random("profilec-bench-corpus:%d" % a.seed)
        pool = SharedPool(a.seed, a.shared, 60, a.identifiers) if a.shared > 0 else None
        for i in range(a.profiles):
            batch, code = divmod(i, len(codes))
            d = os.path.join(a.output, "%02d" % (batch + 1))
            os.makedirs(d, exist_ok=True)
            # Profiles of real countries vary about two-fold either side of ro.xml.
            scale = min(4.0, max(0.25, math.exp(sizes.gauss(0.0, 0.5))))
            data, ents = render("%d-%d" % (a.seed, batch), codes[code], round(scale, 3), pool)
            path = os.path.join(d, codes[code].lower() + ".xml")
            write(path, data)
            print(path, len(data), ents)
        return 0
    if a.target_bytes:
        data, ents = for_target(a.seed, a.code, a.target_bytes)
    else:
        data, ents = render(a.seed, a.code, 1.0)
    if a.output:
        write(a.output, data)
        print(a.output, len(data), ents)
    else:
        sys.stdout.buffer.write(data)
        print("genprofile: %d bytes, %d entities" % (len(data), ents), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
