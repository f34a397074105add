#!/usr/bin/python3
"""A names benchmark with a known truth, for profilec's person resolution.

  gennames.py [--seed N] [--people 150] [--citations 1000] -o FILE.xml --truth FILE.tsv
      writes a FICTIONAL profile (code XQ) whose bibliography cites PEOPLE
      people about CITATIONS times, and the truth: for every citation, the
      person it is and whether the rules can tell (0: it is ambiguous).
  gennames.py --score FILE.tsv DUMP
      scores `profilec dump FILE.xml` against the truth and prints
      "precision P recall R ambiguous-joined A":
        precision  of the pairs of citations put in one person, the share
                   that are one person (must be 1.000: no wrong merge)
        recall     of the pairs of citations of one person that the rules
                   can resolve (neither is ambiguous), the share put in one
                   person
        ambiguous-joined  ambiguous citations given to a person together
                   with citations that are not ambiguous (must be 0)

Deterministic: the same seed gives the same files on any machine. Names are
invented from syllables in Latin (with Polish, Czech, Hungarian, Nordic,
Romanian and French marks), Greek, Cyrillic, Vietnamese and Chinese; every
person is cited at least once in full, then in the forms bibliographies use:
inverted, initials with and without dots, hyphenated and compound given
names (J.-L., JL), a middle initial given or left out, particles in either
case, marks dropped, apostrophe variants, capitals, and the family name
alone. Some families have two people with one initial, some two with
different initials; a citation that fits two people of its family is
marked ambiguous in the truth.
"""

import argparse
import random
import sys
import unicodedata

LATIN_SYL = ["ma", "ri", "ko", "le", "na", "to", "vi", "sa", "do", "ne", "lu", "ra", "be", "mi", "ta", "jo", "ka", "el"]
LATIN_FAM_END = ["ović", "ová", "sson", "dóttir", "escu", "ák", "czyk", "ssen", "ard", "eau", "ényi", "ski"]
LATIN_GIVEN = ["Mira", "Milan", "Petra", "Tomáš", "Ágota", "Zoltán", "Łucja", "Søren", "Ioana", "Étienne",
               "Jean", "Luc", "Hans", "Peter", "Anna", "Karol", "Björn", "Eszter", "Radu", "Oana", "Marek",
               "Lena", "Elif", "Nora", "Sven", "Ilka", "Dorin", "Emil", "Vera", "Olaf"]
PARTICLES = ["van der", "de la", "von", "di", "van"]
GREEK_FAM = ["Παπαδόπουλος", "Νικολάου", "Γεωργίου", "Κωνσταντίνου", "Δημητρίου", "Ιωάννου"]
GREEK_GIVEN = ["Νίκος", "Ελένη", "Γιώργος", "Μαρία", "Άννα", "Δημήτρης", "Σοφία", "Κώστας"]
CYR_FAM = ["Петрова", "Иванов", "Смирнова", "Кузнецов", "Попова", "Соколов"]
CYR_GIVEN = ["Ольга", "Игорь", "Анна", "Павел", "Елена", "Борис", "Дарья", "Сергей"]
VIET_FAM = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Đặng"]
VIET_GIVEN = ["Thị Lan", "Văn Minh", "Thu Hà", "Quốc Bảo", "Ngọc Anh", "Đức Huy"]
HAN_FAM = ["王", "李", "张", "刘", "陈", "杨"]
HAN_GIVEN = ["小明", "丽华", "建国", "美玲", "志强", "秀英", "伟", "静"]


def strip_marks(s):
    return "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c)).replace("Ł", "L").replace(
        "ł", "l").replace("ø", "o").replace("Ø", "O").replace("Đ", "D").replace("đ", "d")


def initial(word):
    return word[0]


class Person:
    def __init__(self, key, script, family, given, middle=None, particle=None):
        self.key, self.script, self.family, self.given = key, script, family, given
        self.middle, self.particle = middle, particle

    def family_full(self, rng, cap_particle=False):
        if not self.particle:
            return self.family
        p = self.particle.title() if cap_particle else self.particle
        return p + " " + self.family


def make_people(rng, n):
    """Families of one, two with one initial, two with different initials."""
    people, used_fam = [], set()

    def new_family(script):
        for _ in range(1000):
            if script == "latin" and rng.random() < 0.08:
                f = "O'" + rng.choice(LATIN_SYL).title() + rng.choice(LATIN_SYL) + "ll"
            elif script == "latin":
                f = rng.choice(LATIN_SYL).title() + rng.choice(LATIN_SYL) + rng.choice(LATIN_FAM_END)
            elif script == "greek":
                f = rng.choice(GREEK_FAM)
            elif script == "cyrillic":
                f = rng.choice(CYR_FAM)
            elif script == "viet":
                f = rng.choice(VIET_FAM)
            else:
                f = rng.choice(HAN_FAM)
            if (script, f) not in used_fam:
                used_fam.add((script, f))
                return f
        return None

    scripts = ["latin"] * 10 + ["greek", "cyrillic", "viet", "han"]
    while len(people) < n:
        script = rng.choice(scripts)
        fam = new_family(script)
        if fam is None:
            continue
        pool = {"latin": LATIN_GIVEN, "greek": GREEK_GIVEN, "cyrillic": CYR_GIVEN, "viet": VIET_GIVEN,
                "han": HAN_GIVEN}[script]
        shape = rng.random()
        size = 1 if shape < 0.6 or n - len(people) < 2 else 2
        givens = []
        if size == 2 and shape < 0.8:
            # two people, one initial (Mira and Milan)
            first = rng.choice(pool)
            same = [g for g in pool if g[0] == first[0] and g != first]
            givens = [first, same[0]] if same else [first, rng.choice([g for g in pool if g[0] != first[0]])]
        elif size == 2:
            a = rng.choice(pool)
            givens = [a, rng.choice([g for g in pool if g[0] != a[0]])]
        else:
            givens = [rng.choice(pool)]
        particle = rng.choice(PARTICLES) if script == "latin" and rng.random() < 0.1 else None
        for g in givens:
            if script == "latin" and rng.random() < 0.15:  # a compound given name
                g = g + "-" + rng.choice([x for x in LATIN_GIVEN if "-" not in x])
            # a middle name only where no one else of the family shares the initial
            middle = None
            if script == "latin" and len(givens) == 1 and rng.random() < 0.25:
                middle = rng.choice(LATIN_GIVEN)
            people.append(Person(len(people), script, fam, g, middle, particle))
    return people[:n]


def initials_of(given, dots=True, hyphen=True):
    parts = given.replace("-", " - ").split()
    out, prev_h = [], False
    for p in parts:
        if p == "-":
            prev_h = True
            continue
        i = p[0] + ("." if dots else "")
        if out and prev_h and hyphen:
            out[-1] = out[-1] + "-" + i
        else:
            out.append(i)
        prev_h = False
    return " ".join(out) if dots else "".join(x.replace("-", "") for x in out)


def forms(p, rng, family_people):
    """(family, given, text, ambiguous) citation forms of person p."""
    fam = p.family_full(rng, cap_particle=rng.random() < 0.5)
    if "'" in fam and rng.random() < 0.5:  # the typographic apostrophe
        fam = fam.replace("'", "\u2019")
    others = [q for q in family_people if q is not p]
    # Initials are ambiguous when another person's initials fit them: the
    # first the same, the shorter's others found in order in the longer's.
    def ini_list(given):
        return [strip_marks(w[0]).lower() for w in given.replace("-", " ").split()]

    def fits(a, b):
        if a[0] != b[0]:
            return False
        short, long_ = (a, b) if len(a) <= len(b) else (b, a)
        rest = iter(long_[1:])
        return all(any(x == y for y in rest) for x in short[1:])

    same_initial = any(fits(ini_list(p.given), ini_list(q.given)) for q in others)
    full_given = p.given + (" " + p.middle if p.middle else "")
    out = []
    if p.script == "han":
        out.append((p.family, p.given, p.family + p.given, False))
        return out
    out.append((fam, p.given, p.given + " " + fam, False))
    out.append((fam, p.given, fam + ", " + p.given, False))
    if p.middle:
        out.append((fam, p.given + " " + p.middle[0] + ".", p.given + " " + p.middle[0] + ". " + fam, False))
        out.append((fam, full_given, full_given + " " + fam, False))
    ini = initials_of(p.given)
    out.append((fam, ini, ini + " " + fam, same_initial))
    out.append((fam, ini, fam + ", " + ini, same_initial))
    if p.script == "latin":
        nodots = initials_of(p.given, dots=False)
        if len(nodots) <= 3:
            out.append((fam, nodots, fam + " " + nodots, same_initial))
        plain = strip_marks(fam)
        out.append((plain, strip_marks(p.given), strip_marks(p.given) + " " + plain, False))
    if p.script in ("greek", "cyrillic"):
        up = fam.upper()
        out.append((up, ini, up + " " + ini, same_initial))
    if p.script == "viet":
        plain = strip_marks(fam)
        out.append((plain, initials_of(strip_marks(p.given)), plain + ", " + initials_of(strip_marks(p.given)),
                    same_initial))
    # the family name alone: ambiguous when the family has two people
    out.append((fam, None, fam, bool(others)))
    return out


def generate(seed, n_people, n_citations):
    rng = random.Random("gennames-%d" % seed)
    people = make_people(rng, n_people)
    by_family = {}
    for p in people:
        by_family.setdefault((p.script, strip_marks(p.family).lower()), []).append(p)
    citations = []
    for p in people:
        fam_people = by_family[(p.script, strip_marks(p.family).lower())]
        fs = forms(p, rng, fam_people)
        citations.append((p, fs[0]))  # every person once in full
    pool = []
    for p in people:
        fam_people = by_family[(p.script, strip_marks(p.family).lower())]
        pool.extend((p, f) for f in forms(p, rng, fam_people))
    while len(citations) < n_citations:
        citations.append(rng.choice(pool))
    rng.shuffle(citations)
    # Into publications of 1..6 authors, one person at most once each.
    pubs, i = [], 0
    while i < len(citations):
        k = rng.randint(1, 6)
        group, seen = [], set()
        while i < len(citations) and len(group) < k and citations[i][0].key not in seen:
            seen.add(citations[i][0].key)
            group.append(citations[i])
            i += 1
        pubs.append(group)
    return pubs


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")


def write(pubs, out, truth):
    with open(out, "w", encoding="utf-8") as f, open(truth, "w", encoding="utf-8") as t:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        f.write("<!-- FICTIONAL: a names benchmark (tests/bench/gennames.py); no real person. -->\n")
        f.write('<profile xmlns="urn:profilec:profile:1" version="1.1" lang="en" modified="2026-11-30">\n')
        f.write("  <title>Names benchmark (fictional)</title>\n")
        f.write('  <country code="XQ"><name>Names benchmark</name></country>\n  <research>\n')
        for n, group in enumerate(pubs, 1):
            pid = "pub-2020-names-%d" % n
            f.write('    <publication id="%s" year="2020">\n      <title>Names benchmark work %d</title>\n'
                    "      <authors>\n" % (pid, n))
            for pos, (p, (fam, given, text, amb)) in enumerate(group, 1):
                order = ' name-order="family-first"' if p.script == "viet" else ""
                g = ' given="%s"' % esc(given) if given else ""
                f.write('        <person family="%s"%s%s>%s</person>\n' % (esc(fam), g, order, esc(text)))
                t.write("%s\t%d\t%d\t%d\n" % (pid, pos, p.key, 1 if amb else 0))
            f.write("      </authors>\n    </publication>\n")
        f.write("  </research>\n</profile>\n")


def score(truth_path, dump_path):
    truth = {}
    with open(truth_path, encoding="utf-8") as t:
        for line in t:
            pid, pos, key, amb = line.rstrip("\n").split("\t")
            truth[(pid, int(pos))] = (int(key), amb == "1")
    got = {}
    with open(dump_path, encoding="utf-8") as d:
        for line in d:
            w = line.split()
            if len(w) >= 7 and w[0] == "edge" and w[1] == "authorship" and w[5] == "person":
                got[(w[2], int(w[3][1:]))] = w[6]
    missing = set(truth) - set(got)
    if missing:
        sys.exit("score: %d citations missing from the dump" % len(missing))
    clusters = {}
    for c, pid in got.items():
        clusters.setdefault(pid, []).append(c)
    # Precision: pairs predicted together that are one person.
    together = right = 0
    for members in clusters.values():
        for a in range(len(members)):
            for b in range(a + 1, len(members)):
                together += 1
                right += truth[members[a]][0] == truth[members[b]][0]
    # Recall: resolvable pairs of one person predicted together.
    by_person = {}
    for c, (key, amb) in truth.items():
        if not amb:
            by_person.setdefault(key, []).append(c)
    pairs = joined = 0
    for members in by_person.values():
        for a in range(len(members)):
            for b in range(a + 1, len(members)):
                pairs += 1
                joined += got[members[a]] == got[members[b]]
    # Ambiguous citations joined to citations that are not ambiguous.
    amb_joined = 0
    for c, (key, amb) in truth.items():
        if amb and any(not truth[o][1] for o in clusters[got[c]]):
            amb_joined += 1
    precision = right / together if together else 1.0
    recall = joined / pairs if pairs else 1.0
    n_amb = sum(1 for v in truth.values() if v[1])
    print("names: %d citations of %d people (%d ambiguous): precision %.3f recall %.3f ambiguous-joined %d" %
          (len(truth), len({v[0] for v in truth.values()}), n_amb, precision, recall, amb_joined))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--people", type=int, default=150)
    ap.add_argument("--citations", type=int, default=1000)
    ap.add_argument("-o", dest="out")
    ap.add_argument("--truth")
    ap.add_argument("--score", nargs=2, metavar=("TRUTH", "DUMP"))
    a = ap.parse_args()
    if a.score:
        score(*a.score)
        return
    if not a.out or not a.truth:
        ap.error("-o and --truth are needed to generate")
    write(generate(a.seed, a.people, a.citations), a.out, a.truth)


if __name__ == "__main__":
    main()
