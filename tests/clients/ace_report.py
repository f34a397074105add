#!/usr/bin/env python3
"""Ace by DAISY's verdict on each book: `ace_report.py DIR...`, each DIR an
Ace output directory holding report.json. Prints one line per book and every
violation; exits 1 unless every book passes with no violation at all."""
import json
import sys

bad = 0
for d in sys.argv[1:]:
    try:
        with open(f"{d}/report.json", encoding="utf-8") as f:
            report = json.load(f)
    except (OSError, ValueError) as e:
        print(f"{d}: no Ace report ({e})")
        bad += 1
        continue
    outcome = report["earl:result"]["earl:outcome"]
    found = [(a["earl:testSubject"]["url"], b["earl:test"]["dct:title"], b["earl:test"]["earl:impact"],
              b["earl:result"]["dct:description"])
             for a in report.get("assertions", []) for b in a.get("assertions", [])]
    print(f"{d}: {outcome}, {len(found)} violation(s)")
    for url, rule, impact, what in found:
        print(f"  {url}: {rule} ({impact}): {what}")
    if outcome != "pass" or found:
        bad += 1
sys.exit(1 if bad else 0)
