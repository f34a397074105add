#!/usr/bin/env python3
"""The workbook as LibreOffice Calc reads it.

    xlsx_lo_check.py WORKBOOK CSVDIR OUTDIR

LibreOffice (headless) exports every sheet of WORKBOOK to CSV as it shows
it; each sheet that has a table CSV in CSVDIR (datapackage.json names their
types) must equal it: the same header, the same rows, numbers equal as
numbers, booleans shown TRUE/FALSE. Then the row-height rule, with openpyxl:
a row holding wrapped text has a height of at least one 15-point line per
line its text needs in its column's width. Prints every difference and
exits 1, or prints one "ok" line.
"""
import csv
import glob
import json
import math
import os
import subprocess
import sys

import openpyxl

LINE_H = 15.0
problems = []


def bad(msg):
    problems.append(msg)


def lo_export(xlsx, outdir):
    # Token 12 = -1: every sheet, each to <name>-<Sheet>.csv (LibreOffice 7.2+);
    # token 9 true: the cells as shown. A private profile: no clash with a
    # running LibreOffice, nothing left in the user's home.
    flt = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1"
    env = dict(os.environ, HOME=outdir)
    r = subprocess.run(["soffice", "-env:UserInstallation=file://" + outdir + "/profile", "--headless",
                        "--convert-to", flt, "--outdir", outdir, xlsx],
                       capture_output=True, text=True, timeout=600, env=env)
    if r.returncode != 0:
        bad("soffice exit %d: %s%s" % (r.returncode, r.stdout, r.stderr))
    stem = os.path.splitext(os.path.basename(xlsx))[0]
    sheets = {}
    for path in glob.glob(os.path.join(outdir, stem + "-*.csv")):
        name = os.path.basename(path)[len(stem) + 1:-4]
        with open(path, encoding="utf-8", newline="") as f:
            sheets[name] = list(csv.reader(f))
    return sheets


def same(kind, ours, theirs, missing=("",)):
    if ours == "" and theirs in missing:  # the workbook may say why a cell is empty ("not stated")
        return True
    if ours == "" or theirs == "":
        return ours == theirs
    if kind == "boolean":
        return theirs == ours.upper()
    if kind in ("integer", "number", "year"):
        try:
            return math.isclose(float(ours), float(theirs), rel_tol=1e-12)
        except ValueError:
            return False
    return ours == theirs


def compare(sheets, csvdir):
    with open(os.path.join(csvdir, "datapackage.json"), encoding="utf-8") as f:
        package = json.load(f)
    n = 0
    for res in package["resources"]:
        name = res["name"]
        types = [fl.get("type", "string") for fl in res["schema"]["fields"]]
        missing = [fl.get("missingValues", res["schema"].get("missingValues", [""])) for fl in res["schema"]["fields"]]
        with open(os.path.join(csvdir, os.path.basename(res["path"])), encoding="utf-8", newline="") as f:
            ours = list(csv.reader(f))
        theirs = sheets.get(name)
        if theirs is None:
            bad("%s: no sheet in the workbook as LibreOffice reads it" % name)
            continue
        n += 1
        # An empty table has one blank row under its header (Excel wants it).
        theirs = [row for row in theirs if any(row)] if len(ours) == 1 else theirs
        if len(ours) != len(theirs):
            bad("%s: %d rows in the CSV, %d in LibreOffice" % (name, len(ours), len(theirs)))
            continue
        if ours[0] != theirs[0][:len(ours[0])]:
            bad("%s: header %r, LibreOffice %r" % (name, ours[0], theirs[0]))
        for r, (a, b) in enumerate(zip(ours[1:], theirs[1:]), start=2):
            b = b + [""] * (len(a) - len(b))
            for c, (x, y) in enumerate(zip(a, b)):
                if not same(types[c], x, y, missing[c]):
                    bad("%s!%s%d (%s): CSV %r, LibreOffice %r" % (name, chr(65 + c) if c < 26 else "?", r,
                                                                    types[c], x[:60], y[:60]))
                    break
    return n


def lower_bound_lines(text, width):
    # However words fall, a line holds at most width-2 characters.
    return max(len(part) and math.ceil(len(part) / max(width - 2, 1)) or 1 for part in text.split("\n"))


def row_heights(xlsx):
    wb = openpyxl.load_workbook(xlsx)
    checked = 0
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            need = 1
            for cell in row:
                if isinstance(cell.value, str) and cell.alignment is not None and cell.alignment.wrap_text:
                    width = ws.column_dimensions[cell.column_letter].width or 8.43
                    for rng in ws.merged_cells.ranges:
                        if cell.coordinate in rng:
                            width = sum(ws.column_dimensions[openpyxl.utils.get_column_letter(c)].width or 8.43
                                        for c in range(rng.min_col, rng.max_col + 1))
                    need = max(need, lower_bound_lines(cell.value, width))
            if need > 1:
                checked += 1
                h = ws.row_dimensions[row[0].row].height
                if h is None or h + 0.01 < min(need * LINE_H, 409):
                    bad("%s row %d: wrapped text needs %d lines, the row is %s points high"
                        % (ws.title, row[0].row, need, h))
    return checked


def main():
    xlsx, csvdir, outdir = sys.argv[1:4]
    sheets = lo_export(os.path.abspath(xlsx), os.path.abspath(outdir))
    n = compare(sheets, csvdir)
    rows = row_heights(xlsx)
    if problems:
        print("\n".join(problems[:50]))
        sys.exit(1)
    print("ok: %d sheets equal to their CSV in LibreOffice, %d rows of wrapped text high enough" % (n, rows))


main()
