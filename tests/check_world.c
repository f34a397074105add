/* The world dataset: built from sources/ro.xml and the fixtures, checked
 * against each country's own package by tests/world_check.py, validated by
 * tests/csv_check.py, and the same bytes whatever the order of the files. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../compiler/alloc.h"
#include "../compiler/digest.h"
#include "../exporters/world.h"
#include "testutil.h"

#define PY    "/usr/bin/python3"
#define RO    "sources/ro.xml"
#define XA    "tests/fixtures/xa.xml"
#define XB    "tests/fixtures/xb.xml"
#define XC    "tests/fixtures/xc.xml"
#define EPOCH "86400"

/* Build files into test_tmp/name with options; returns the output
 * directory (free it) and leaves the run in r. */
static char *
build(pc_run *r, const char *name, const char *opts, const char *files)
{
	char *out = pc_asprintf("%s/%s", test_tmp, name);
	run_sh(r, "SOURCE_DATE_EPOCH=%s '%s' build -o '%s' %s %s", EPOCH, profilec_path(), out, opts, files);
	return out;
}

static int
exists(const char *dir, const char *rel)
{
	char path[4096];
	struct stat st;
	snprintf(path, sizeof path, "%s/%s", dir, rel);
	return stat(path, &st) == 0;
}

/* What the fixtures share (tests/fixtures/xb.xml says why). */
static const char expectations[] =
	"same actor xa:council-of-nations xb:council-of-nations "
	"same actor ro:interpol xb:interpol "
	"apart actor ro:european-commission xb:ec xb:dg-connect "
	"apart actor xa:ministry-of-learning xb:ministry-of-learning "
	"apart actor xa:xanadia-research-group xb:xanadia-research-group "
	"same person xa:person-doe-jane xb:person-doe-jane "
	"same person xa:person-olafsdottir-anna xb:person-olafsdottir-anna "
	"same person ro:person-livingstone-sonia xb:person-livingstone-sonia "
	"same publication xa:pub-2019-online-safety-in-xanadia xb:pub-2019-online-safety-in-xanadia "
	"apart publication xa:pub-2021-online-safety-in-xanadia-second-edition xb:pub-2019-online-safety-in-xanadia "
	/* By identifier (format 1.1): a national body by its ROR id, a person
	 * cited by initials by her ORCID, a book under another title by its DOI. */
	"same actor xb:childhood-institute xc:xerendia-institute-of-childhood "
	"same person xb:lind-a xc:amara-lind "
	"same publication xb:pub-2019-children-online xc:pub-2019-children-online-in-xerendia "
	"apart person xc:amara-lind xc:nuno-okafor";

/* World ids derived from the identifiers (schemas/README.md): the smallest
 * "scheme:value", a DOI by the SHA-256 of "doi:" and the DOI in lower case. */
static const char *const identifier_rows[] = {
	"world_actors.csv",
	"\norg-ror-0xerend97,research-group,",
	"actor_provenance.csv",
	"\norg-ror-0xerend97,xb,childhood-institute,",
	"world_people.csv",
	"\nperson-orcid-0000-0003-4455-6679,",
	"person_provenance.csv",
	"\nperson-orcid-0000-0003-4455-6679,xc,amara-lind,", /* then its line, and how: identifier */
	"publication_provenance.csv",
	",xb,pub-2019-children-online,",
};

/* The rows the identifiers make, the licence and the identifiers' IRIs. */
static void
check_identifiers(const char *out)
{
	for (size_t i = 0; i < sizeof identifier_rows / sizeof *identifier_rows; i += 2) {
		char *rel = pc_asprintf("world/csv/%s", identifier_rows[i]);
		char *csv = read_file_in(out, rel, NULL);
		ck_assert_msg(csv && strstr(csv, identifier_rows[i + 1]) != NULL, "%s: no %s", rel,
			      identifier_rows[i + 1]);
		free(csv);
		free(rel);
	}
	/* A DOI's world id is its digest: one for "10.5555/XC..." (xb) and "10.5555/xc..." (xc). */
	char hex[65];
	pc_sha256_hex("doi:10.5555/xc.2019.0001", 24, hex);
	char *doi_row = pc_asprintf("\npub-doi-%.16s,", hex);
	char *pubs = read_file_in(out, "world/csv/world_publications.csv", NULL);
	ck_assert_msg(strstr(pubs, doi_row) != NULL, "no %s in %s", doi_row, pubs);
	free(pubs);
	free(doi_row);
	/* The world package states the licence as each country's does. */
	char *pkg = read_file_in(out, "world/csv/datapackage.json", NULL);
	ck_assert_msg(strstr(pkg, "\"path\": \"http://spdx.org/licenses/CC-BY-4.0\"") != NULL, "%s", pkg);
	free(pkg);
	char *ld = read_file_in(out, "world/world.jsonld", NULL);
	ck_assert(strstr(ld, "\"https://ror.org/0xerend97\"") != NULL);
	ck_assert(strstr(ld, "\"https://orcid.org/0000-0003-4455-6679\"") != NULL);
	free(ld);
}

START_TEST(shared_entities_are_one_row_each)
{
	pc_run r;
	char *out = build(&r, "w", "--license=CC-BY-4.0", RO " " XA " " XB " " XC);
	ck_assert_msg(r.status == 0, "build failed: %s", r.err);
	ck_assert(exists(out, "world/world.xlsx") && exists(out, "world/world.jsonld"));
	ck_assert(!exists(out, "world/world.epub") && !exists(out, "world/.world-parts"));
	/* The ambiguous one stays apart, with a warning naming both candidates. */
	ck_assert_msg(strstr(r.err,
			     "sources/ro.xml:354: warning: organization 'european-commission' (ro) could be "
			     "'ec' of tests/fixtures/xb.xml:64 or 'dg-connect' of tests/fixtures/xb.xml:68") != NULL &&
			      strstr(r.err, "[ambiguous-world-entity]") != NULL,
		      "%s", r.err);
	run_free(&r);
	run_sh(&r, "%s tests/world_check.py '%s' %s", PY, out, expectations);
	ck_assert_msg(r.status == 0, "%s%s", r.out, r.err);
	run_free(&r);
	/* The checker itself fails on a wrong expectation. */
	run_sh(&r, "%s tests/world_check.py '%s' same actor xa:ministry-of-learning xb:ministry-of-learning", PY, out);
	ck_assert_msg(r.status == 1 && strstr(r.out, "same actor") != NULL, "%s%s", r.out, r.err);
	run_free(&r);
	run_sh(&r, "%s tests/csv_check.py '%s/world/csv'", PY, out);
	ck_assert_msg(r.status == 0, "%s%s", r.out, r.err);
	run_free(&r);
	check_identifiers(out);
	/* The catalog lists the world as a dataset of its own, whose parts
	 * the country datasets are. */
	char *cat = read_file_in(out, "catalog.jsonld", NULL);
	ck_assert_msg(strstr(cat, "\"@id\": \"https://profilec.example/id/world/dataset/world\"") != NULL, "%s", cat);
	ck_assert(strstr(cat, "\"isPartOf\": \"https://profilec.example/id/world/dataset/world\"") != NULL);
	ck_assert(strstr(cat, "\"hasPart\": [") != NULL);
	ck_assert(strstr(cat, "\"downloadURL\": \"world/world.xlsx\"") != NULL);
	ck_assert(strstr(cat, "\"downloadURL\": \"world/csv/world_actors.csv\"") != NULL);
	free(cat);
	free(out);
}
END_TEST

START_TEST(the_workbook_alone_needs_no_csv)
{
	pc_run r;
	char *out = build(&r, "x", "--formats=xlsx --base-iri=https://portal.example/ld/", XA " " XB);
	ck_assert_msg(r.status == 0, "%s", r.err);
	ck_assert(exists(out, "world/world.xlsx"));
	ck_assert(!exists(out, "world/csv") && !exists(out, "world/world.jsonld"));
	run_free(&r);
	char *j = build(&r, "j", "--formats=jsonld --base-iri=https://portal.example/ld/", XA " " XB);
	ck_assert_msg(r.status == 0, "%s", r.err);
	char *ld = read_file_in(j, "world/world.jsonld", NULL);
	ck_assert_msg(strstr(ld, "\"https://portal.example/ld/xb/actor/council-of-nations\"") != NULL, "%s", ld);
	ck_assert(strstr(ld, "profilec.example") == NULL);
	free(ld);
	run_free(&r);
	free(out);
	free(j);
}
END_TEST

/* The world step never holds the world's cells: each table sheet of the
 * workbook is written row by row (libxlsxwriter's constant_memory mode,
 * whose text cells are inline strings, t="inlineStr", never shared ones,
 * t="s"); only the small comparison sheet (sheet1) is held whole. make
 * bench measures the memory this saves (tests/bench/README.md). */
START_TEST(the_workbook_is_written_row_by_row)
{
	pc_run r;
	char *out = build(&r, "x", "--formats=xlsx", XA " " XB);
	ck_assert_msg(r.status == 0, "%s", r.err);
	run_free(&r);
	run_sh(&r,
	       "cd '%s/world' && n=0 && for s in $(unzip -Z1 world.xlsx 'xl/worksheets/sheet*.xml'); do "
	       "[ $s = xl/worksheets/sheet1.xml ] && continue; n=$((n + 1)); x=$(unzip -p world.xlsx $s); "
	       "case $x in *'t=\"s\"'*) echo \"$s: shared strings\"; exit 1 ;; esac; "
	       "case $x in *'<row r=\"1\"'*inlineStr*) ;; *) echo \"$s: no header row\"; exit 1 ;; esac; done; echo $n",
	       out);
	ck_assert_msg(r.status == 0, "%s%s", r.out, r.err);
	ck_assert_msg(atoi(r.out) >= 20, "only %s table sheets", r.out);
	run_free(&r);
	free(out);
}
END_TEST

START_TEST(file_order_and_jobs_give_the_same_bytes)
{
	pc_run r;
	char *a = build(&r, "a", "", RO " " XA " " XB " " XC);
	ck_assert_msg(r.status == 0, "%s", r.err);
	run_free(&r);
	char *b = build(&r, "b", "-j2", XB " " XC " " RO " " XA);
	ck_assert_msg(r.status == 0, "%s", r.err);
	run_free(&r);
	char *c = build(&r, "c", "-j3", XC " " XA " " XB " " RO);
	ck_assert_msg(r.status == 0, "%s", r.err);
	run_free(&r);
	run_sh(&r,
	       "diff -r '%s/world' '%s/world' && diff -r '%s/world' '%s/world' && cmp '%s/catalog.jsonld' "
	       "'%s/catalog.jsonld'",
	       a, b, a, c, a, c);
	ck_assert_msg(r.status == 0, "%s%s", r.out, r.err);
	run_free(&r);
	free(a);
	free(b);
	free(c);
}
END_TEST

START_TEST(one_profile_makes_no_world)
{
	pc_run r;
	char *out = build(&r, "one", "--formats=csv", XA);
	ck_assert_msg(r.status == 0, "%s", r.err);
	ck_assert(exists(out, "xa/csv/datapackage.json"));
	ck_assert(!exists(out, "world"));
	run_free(&r);
	/* Nor does a format the world has no product for. */
	char *epub = build(&r, "epub", "--formats=epub", XA " " XB);
	ck_assert_msg(r.status == 0, "%s", r.err);
	ck_assert(exists(epub, "xb/xb.epub"));
	ck_assert(!exists(epub, "world"));
	run_free(&r);
	/* Nor does --no-world. */
	char *none = build(&r, "none", "--no-world", XA " " XB);
	ck_assert_msg(r.status == 0, "%s", r.err);
	ck_assert(exists(none, "xb/csv/datapackage.json") && !exists(none, "world"));
	char *cat = read_file_in(none, "catalog.jsonld", NULL);
	ck_assert(strstr(cat, "world/dataset/world") == NULL);
	free(cat);
	free(none);
	run_free(&r);
	free(out);
	free(epub);
}
END_TEST

/* validate of several files reports what build of them would: an
 * ambiguous world entity (and --werror fails on it in both), and one
 * country twice. */
#define WA "tests/world/wa.xml"
#define WB "tests/world/wb.xml"
START_TEST(validate_sees_what_the_world_step_sees)
{
	const char *ambiguous = "tests/world/wb.xml:7: warning: organization 'agency' (xf) could be 'agency' of "
				"tests/world/wa.xml:8 or 'agency-office' of tests/world/wa.xml:9";
	pc_run r;
	run_profilec(&r, "validate", WA, WB, NULL);
	ck_assert_msg(r.status == 0 && strstr(r.err, ambiguous) != NULL, "%d %s", r.status, r.err);
	run_free(&r);
	run_profilec(&r, "validate", "--werror", WA, WB, NULL);
	ck_assert_msg(r.status == 1 && strstr(r.err, ambiguous) != NULL, "%d %s", r.status, r.err);
	run_free(&r);
	run_profilec(&r, "validate", "--no-world", "--werror", WA, WB, NULL);
	ck_assert_msg(r.status == 0 && r.err[0] == '\0', "%d %s", r.status, r.err);
	run_free(&r);
	char *out = build(&r, "werror", "--werror", WA " " WB);
	ck_assert_msg(r.status == 1 && strstr(r.err, ambiguous) != NULL, "%d %s", r.status, r.err);
	ck_assert(!exists(out, "."));
	run_free(&r);
	free(out);
	/* One country from two files: build refuses it, and so does validate. */
	char *copy = pc_asprintf("%s/xa-copy.xml", test_tmp);
	run_sh(&r, "cp " XA " '%s'", copy);
	run_free(&r);
	run_profilec(&r, "validate", XA, copy, NULL);
	ck_assert_msg(r.status == 1 && strstr(r.err, "error: country 'XA' is also compiled from " XA) != NULL &&
			      strstr(r.err, "[duplicate-country]") != NULL,
		      "%d %s", r.status, r.err);
	run_free(&r);
	free(copy);
}
END_TEST

/* The world workbook writes decimals by the profile workbook's rule
 * (exporters/xlsx_cells.c): a number cell up to 15 significant digits;
 * past it the digits as text, with a note on the cell. And its booleans
 * show as TRUE/FALSE. */
START_TEST(world_decimals_keep_their_digits)
{
	pc_run r;
	char *out = build(&r, "n", "--formats=xlsx,csv", XA " tests/fixtures/xn.xml");
	ck_assert_msg(r.status == 0, "%s", r.err);
	run_free(&r);
	run_sh(&r,
	       "%s -c 'import openpyxl, sys\n"
	       "wb = openpyxl.load_workbook(sys.argv[1])\n"
	       "rows = {(r[0].value, r[1].value): r for r in wb[\"penalties\"].iter_rows(min_row=2)}\n"
	       "head = [c.value for c in next(wb[\"penalties\"].iter_rows(max_row=1))]\n"
	       "lo, cur = head.index(\"min_value\"), head.index(\"unit_is_currency\")\n"
	       "big = rows[(\"xn\", \"pen-act-1-2019-art-1-fine\")]\n"
	       "small = rows[(\"xa\", \"pen-act-12-2018-art-3-possessing-fine\")]\n"
	       "print(repr(big[lo].value), big[lo].data_type, big[lo].comment is not None)\n"
	       "print(repr(small[lo].value), small[lo].data_type, small[lo].comment is not None)\n"
	       "print(big[cur].value, big[cur].number_format)' '%s/world/world.xlsx'",
	       PY, out);
	ck_assert_msg(r.status == 0, "%s", r.err);
	ck_assert_str_eq(r.out, "'12345678901234567' s True\n"
				"1000 n False\n"
				"True \"TRUE\";\"TRUE\";\"FALSE\"\n");
	run_free(&r);
	/* Every sheet still reads as its CSV, digit for digit. */
	run_sh(&r, "%s tests/world_check.py '%s'", PY, out);
	ck_assert_msg(r.status == 0, "%s%s", r.out, r.err);
	run_free(&r);
	free(out);
}
END_TEST

START_TEST(a_rebuild_replaces_the_world)
{
	pc_run r;
	char *out = build(&r, "re", "--formats=csv", XA " " XB);
	ck_assert_msg(r.status == 0, "%s", r.err);
	run_free(&r);
	ck_assert(exists(out, "world/csv/world_actors.csv"));
	/* A failed build (a source that does not exist) leaves it as it was. */
	free(build(&r, "re", "--formats=csv", XA " " XB " tests/fixtures/no-such-file.xml"));
	ck_assert_int_ne(r.status, 0);
	run_free(&r);
	ck_assert(exists(out, "world/csv/world_actors.csv"));
	run_sh(&r, "%s tests/world_check.py '%s'", PY, out);
	ck_assert_msg(r.status == 0, "%s%s", r.out, r.err);
	run_free(&r);
	free(out);
}
END_TEST

/* A text that holds "_x0041_" reads back as written in the world's
 * workbook as in the profile's (xlsx_cells.c escapes it for Excel), on
 * the comparison sheet (the country's name) and in a table. */
START_TEST(excel_escapes_read_back_as_written)
{
	char *xa = pc_asprintf("%s/xa.xml", test_tmp);
	pc_run r;
	run_sh(&r,
	       "sed -e 's|<name>Xanadia</name>|<name>Xanadia _x0041_</name>|' "
	       "-e 's|<name>Cyber Unit</name>|<name>Cyber _x0042_ Unit</name>|' " XA " >'%s'",
	       xa);
	run_free(&r);
	char *files = pc_asprintf("'%s' " XB, xa);
	char *out = build(&r, "esc", "--formats=xlsx,csv", files);
	ck_assert_msg(r.status == 0, "%s", r.err);
	run_free(&r);
	run_sh(&r,
	       "unzip -p '%s/world/world.xlsx' 'xl/*.xml' | grep -o '[A-Za-z]* _x005F_x004[12]_[ A-Za-z]*' | LC_ALL=C "
	       "sort -u",
	       out);
	ck_assert_str_eq(r.out, "Cyber _x005F_x0042_ Unit\nXanadia _x005F_x0041_\n");
	run_free(&r);
	run_sh(&r, "%s tests/world_check.py '%s'", PY, out);
	ck_assert_msg(r.status == 0, "%s%s", r.out, r.err);
	run_free(&r);
	free(out);
	free(files);
	free(xa);
}
END_TEST

/* Many profiles' links in one sheet: each profile's 32,766 (website and
 * Wikidata id of 16,383 organizations) fit Excel's 65,530 per sheet, the
 * world's 65,532 do not. The first 65,530 in row order are links, the
 * last two plain text, the first of them carrying a note, and the build
 * says so; each country's own workbook links all of its own. */
static void
write_many_links(const char *path, const char *cc, int base)
{
	pc_run r;
	run_sh(&r,
	       "awk 'BEGIN { printf \"<?xml version=\\\"1.0\\\" encoding=\\\"UTF-8\\\"?>\\n<!-- FICTIONAL test case "
	       "(country %s) -->\\n<profile xmlns=\\\"urn:profilec:profile:1\\\" version=\\\"1.1\\\" lang=\\\"en\\\" "
	       "modified=\\\"2026-11-28\\\">\\n<country code=\\\"%s\\\"><name>Links</name></country>\\n<actors>\\n\"; "
	       "for (i = 1; i <= 16383; i++) printf \"<actor id=\\\"a%%d\\\" kind=\\\"ngo\\\" "
	       "website=\\\"https://x.example/%%d\\\" wikidata=\\\"Q%%d\\\"><name>%%d</name></actor>\\n\", i, i, "
	       "%d + i, i; printf \"</actors>\\n</profile>\\n\" }' >'%s'",
	       cc, cc, base, path);
	ck_assert_int_eq(r.status, 0);
	run_free(&r);
}

/* The actors sheet of a workbook: its links, the last row with one, and its notes. */
static const char links_probe[] =
	"import re, sys, zipfile\n"
	"z = zipfile.ZipFile(sys.argv[1])\n"
	"rid = re.search(r'<sheet name=\"actors\" sheetId=\"\\d+\" r:id=\"(rId\\d+)\"', "
	"z.read('xl/workbook.xml').decode()).group(1)\n"
	"sheet = 'xl/' + re.search(r'Id=\"%s\" Type=\"[^\"]+\" Target=\"([^\"]+)\"' % rid, "
	"z.read('xl/_rels/workbook.xml.rels').decode()).group(1)\n"
	"xml = z.read(sheet).decode()\n"
	"rows = [int(r) for r in re.findall(r'<hyperlink ref=\"[A-Z]+(\\d+)\"', xml)]\n"
	"plain = re.findall(r'<c r=\"([IJ]32767)\"[^>]* t=\"(?:s|inlineStr)\"', xml)\n"
	"rels = z.read(sheet.replace('worksheets/', 'worksheets/_rels/') + '.rels').decode()\n"
	"notes = [n for t in re.findall(r'Target=\"\\.\\./(comments\\d+\\.xml)\"', rels) for n in "
	"re.findall(r'<comment ref=\"([A-Z]+\\d+)\".*?<t[^>]*>([^<]*)</t>', z.read('xl/' + t).decode(), re.S)]\n"
	"print(len(rows), max(rows), plain, notes)\n";

START_TEST(past_excel_links_per_sheet_the_rest_is_text)
{
	char *xd = pc_asprintf("%s/xd.xml", test_tmp), *xe = pc_asprintf("%s/xe.xml", test_tmp);
	write_many_links(xd, "XD", 0);
	write_many_links(xe, "XE", 100000);
	char *files = pc_asprintf("'%s' '%s'", xd, xe);
	pc_run r;
	char *out = build(&r, "links", "--formats=xlsx", files);
	ck_assert_msg(r.status == 0, "%s", r.err);
	ck_assert_msg(strstr(r.err, "world/world.xlsx: note: workbook sheet 'actors': 2 of its 65532 links are past "
				    "Excel's 65530 per sheet and are written as plain text, from row 32767 "
				    "[xlsx-link-limit]\n") != NULL,
		      "%s", r.err);
	ck_assert_msg(strstr(r.err, "xd.xml: note") == NULL && strstr(r.err, "xe.xml: note") == NULL, "%s", r.err);
	run_free(&r);
	char *probe = pc_asprintf("%s/probe.py", test_tmp);
	FILE *f = fopen(probe, "w");
	ck_assert(f != NULL && fputs(links_probe, f) >= 0 && fclose(f) == 0);
	run_sh(&r, "%s '%s' '%s/world/world.xlsx' && %s '%s' '%s/xd/xd.xlsx'", PY, probe, out, PY, probe, out);
	ck_assert_msg(r.status == 0, "%s", r.err);
	ck_assert_str_eq(r.out, "65530 32766 ['I32767', 'J32767'] [('I32767', 'Excel holds at most 65530 links in a "
				"sheet, and this sheet has 65532 cells to link: this cell and the 1 after it, row by "
				"row, are plain text.')]\n"
				"32766 16384 [] []\n");
	run_free(&r);
	free(probe);
	free(out);
	free(files);
	free(xd);
	free(xe);
}
END_TEST

/* ---- The resolver on hand-made summaries ------------------------------- */

/* Write a part file holding only a summary: records of NUL-terminated
 * fields, given as one string with '^' for the NULs. */
static void
write_part(const char *dir, const char *cc, const char *records)
{
	unsigned long long len[PC_WORLD_MAX_TABLES + 1] = {0};
	size_t n = strlen(records);
	char *body = pc_strdup(records);
	for (size_t i = 0; i < n; i++)
		if (body[i] == '^')
			body[i] = '\0';
	len[PC_WORLD_SUMMARY] = n;
	char *path = pc_asprintf("%s/%s", dir, cc);
	FILE *f = fopen(path, "wb");
	ck_assert_ptr_nonnull(f);
	ck_assert(fwrite(len, sizeof len, 1, f) == 1 && fwrite(body, 1, n, f) == n);
	fclose(f);
	free(path);
	free(body);
}

/* An organization record: id, line, name, acronym, kind, ids, keys, by_name. */
#define ORG(id, line, name, kind, ids, keys, intl) "A^" id "^" line "^" name "^^" kind "^" ids "^" keys "^" intl "^"
/* A person: id, line, display, given, (kind), ids, key (folded family|form), by_name, family. */
#define PERSON(id, line, display, family, given, key) "P^" id "^" line "^" display "^" given "^^^" key "^1^" family "^"

typedef struct {
	pc_world w;
	pc_diag d;
	pc_dataset sets[4];
	const char *files[4];
} world_case;

static void
resolve_parts(world_case *c, const char *const *ccs, size_t n)
{
	memset(c, 0, sizeof *c);
	pc_diag_init(&c->d);
	static const char *const files[] = {"a.xml", "b.xml", "c.xml", "d.xml"};
	for (size_t i = 0; i < n; i++) {
		c->sets[i].cc = (char *)ccs[i];
		strcpy(c->sets[i].build_date, "2026-01-01");
		c->files[i] = files[i];
	}
	int rc = pc_world_load(&c->w, c->sets, c->files, n, test_tmp, &c->d);
	ck_assert_msg(rc == PC_EXIT_OK, "%s", c->d.n_items ? c->d.items[0].message : "no diagnostic");
}

static void
world_case_free(world_case *c)
{
	pc_world_free(&c->w);
	pc_diag_free(&c->d);
}

/* The world entity of a member, by country and id. */
static const pc_world_entity *
entity_of(const pc_world *w, pc_world_kind k, const char *cc, const char *id)
{
	for (size_t i = 0; i < w->n_members[k]; i++)
		if (strcmp(w->members[k][i].cc, cc) == 0 && strcmp(w->members[k][i].id, id) == 0)
			return &w->entities[k][w->members[k][i].entity];
	ck_abort_msg("%s:%s is in no world entity", cc, id);
	return NULL;
}

/* A person with one name (xc's "Temir", name=) is the same mononym in
 * another profile, never the family name Temir cited alone there. */
START_TEST(a_mononym_meets_only_its_mononym)
{
	char *src = write_tmp_file(
		"xd.xml",
		"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		"<profile xmlns=\"urn:profilec:profile:1\" version=\"1.1\" lang=\"en\" modified=\"2026-11-28\">\n"
		"<country code=\"XD\"><name>Dland</name></country>\n<research>\n"
		"<publication id=\"pub-2020-a\" year=\"2020\"><title>A</title><authors>\n"
		"<person name=\"Temir\">Temir</person></authors></publication>\n"
		"<publication id=\"pub-2020-b\" year=\"2020\"><title>B</title><authors>\n"
		"<person family=\"Temir\">Temir</person></authors></publication>\n"
		"</research>\n</profile>\n");
	pc_run r;
	char *files = pc_asprintf("'%s' " XC, src);
	char *out = build(&r, "m", "--formats=csv", files);
	ck_assert_msg(r.status == 0, "%s", r.err);
	run_free(&r);
	char *prov = read_file_in(out, "world/csv/person_provenance.csv", NULL);
	ck_assert_ptr_nonnull(prov);
	/* xc's mononym and xd's (line 6) by name; xd's family name (line 8) alone. */
	const char *xc = strstr(prov, ",xc,person-temir,");
	ck_assert_msg(xc != NULL && strncmp(xc + strcspn(xc, "\r") - 5, ",name", 5) == 0, "%s", prov);
	const char *line_start = xc;
	while (line_start > prov && line_start[-1] != '\n')
		line_start--;
	char *world_id = pc_strndup(line_start, (size_t)(xc - line_start));
	char *xd_row = pc_asprintf("\n%s,xd,", world_id);
	const char *xd = strstr(prov, xd_row);
	ck_assert_msg(xd != NULL, "%s", prov);
	char *xd_line = pc_strndup(xd + 1, strcspn(xd + 1, "\n"));
	ck_assert_msg(strstr(xd_line, ",6,name") != NULL, "%s", xd_line);
	free(xd_line);
	ck_assert_msg(strstr(prov, ",xd,person-temir,8,alone\r\n") != NULL, "%s", prov);
	free(xd_row);
	free(world_id);
	free(prov);
	free(out);
	free(files);
	free(src);
}
END_TEST

START_TEST(identifiers_come_first)
{
	/* One body under two national names, declared shared by its Wikidata
	 * id; two international namesakes with different ids stay two. */
	write_part(test_tmp, "xa",
		   ORG("kids-line", "10", "Kids Line", "helpline", "wikidata:Q42", "kids line", "0")
			   ORG("union", "11", "Union", "international-organization", "wikidata:Q1", "union", "1"));
	write_part(test_tmp, "xb",
		   ORG("linea-ninos", "20", "Línea Niños", "helpline", "wikidata:Q42", "linea ninos", "0")
			   ORG("union", "21", "Union", "international-organization", "wikidata:Q2", "union", "1"));
	world_case c;
	resolve_parts(&c, (const char *const[]){"xb", "xa"}, 2);
	const pc_world_entity *a = entity_of(&c.w, PC_WORLD_ACTOR, "xa", "kids-line");
	ck_assert_ptr_eq(a, entity_of(&c.w, PC_WORLD_ACTOR, "xb", "linea-ninos"));
	ck_assert_str_eq(a->wid, "org-wikidata-q42");
	ck_assert_uint_eq(a->n_countries, 2);
	ck_assert_str_eq(c.w.members[PC_WORLD_ACTOR][c.w.by_entity[PC_WORLD_ACTOR][a->first]].how, "identifier");
	ck_assert_ptr_ne(entity_of(&c.w, PC_WORLD_ACTOR, "xa", "union"),
			 entity_of(&c.w, PC_WORLD_ACTOR, "xb", "union"));
	ck_assert_uint_eq(count_diags(&c.d, "ambiguous-world-entity", NULL, 0), 0);
	world_case_free(&c);
}
END_TEST

/* World ids come from what an entity is (schemas/README.md): a name-matched
 * one from the SHA-256 of its folded key, a national body from its country
 * and id; the order of the profiles changes none. */
START_TEST(world_ids_come_from_keys_not_order)
{
	write_part(test_tmp, "xa",
		   ORG("con", "5", "Council of Nations", "international-organization", "", "council of nations", "1")
			   ORG("ministry", "6", "Ministry", "government-body", "", "ministry", "0"));
	write_part(test_tmp, "xb",
		   ORG("council", "9", "Council of Nations", "international-organization", "", "council of nations",
		       "1") ORG("ministry", "7", "Ministry", "government-body", "", "ministry", "0"));
	char hex[65];
	pc_sha256_hex("council of nations", 18, hex);
	char *want = pc_asprintf("org-%.16s", hex);
	static const char *const orders[2][2] = {{"xa", "xb"}, {"xb", "xa"}};
	for (int o = 0; o < 2; o++) {
		world_case c;
		resolve_parts(&c, orders[o], 2);
		const pc_world_entity *con = entity_of(&c.w, PC_WORLD_ACTOR, "xa", "con");
		ck_assert_ptr_eq(con, entity_of(&c.w, PC_WORLD_ACTOR, "xb", "council"));
		ck_assert_str_eq(con->wid, want);
		ck_assert_str_eq(entity_of(&c.w, PC_WORLD_ACTOR, "xa", "ministry")->wid, "org-xa-ministry");
		ck_assert_str_eq(entity_of(&c.w, PC_WORLD_ACTOR, "xb", "ministry")->wid, "org-xb-ministry");
		world_case_free(&c);
	}
	free(want);
}
END_TEST

START_TEST(a_chain_never_joins_two_of_one_profile)
{
	/* a1 = b by one name, b = c by another, c = a2 by a third: joining
	 * them all would make a1 and a2 of one profile one entity. */
	write_part(test_tmp, "xa",
		   ORG("a1", "1", "Alpha", "international-organization", "", "alpha", "1")
			   ORG("a2", "2", "Gamma", "international-organization", "", "gamma", "1"));
	write_part(test_tmp, "xb",
		   ORG("b", "3", "Alpha", "international-organization", "",
		       "alpha\x1f"
		       "beta",
		       "1"));
	write_part(test_tmp, "xc",
		   ORG("c", "4", "Beta", "international-organization", "",
		       "beta\x1f"
		       "gamma",
		       "1"));
	world_case c;
	resolve_parts(&c, (const char *const[]){"xa", "xb", "xc"}, 3);
	ck_assert_ptr_ne(entity_of(&c.w, PC_WORLD_ACTOR, "xa", "a1"), entity_of(&c.w, PC_WORLD_ACTOR, "xa", "a2"));
	ck_assert_uint_ge(count_diags(&c.d, "ambiguous-world-entity", NULL, 0), 1);
	world_case_free(&c);
}
END_TEST

START_TEST(an_unstated_kind_is_reported_never_merged)
{
	/* "World Bank" of unstated kind (format 1.1, by_name 2) beside an
	 * international "World Bank": reported, kept apart. Two namesakes of
	 * unstated kind ("Ministry of Education") are not even a question. */
	write_part(test_tmp, "xa",
		   ORG("world-bank", "7", "World Bank", "international-organization", "", "world bank", "1")
			   ORG("ministry", "8", "Ministry of Education", "", "", "ministry of education", "2"));
	write_part(test_tmp, "xb",
		   ORG("wb", "9", "World Bank", "", "", "world bank", "2")
			   ORG("moe", "10", "Ministry of Education", "", "", "ministry of education", "2"));
	world_case c;
	resolve_parts(&c, (const char *const[]){"xa", "xb"}, 2);
	ck_assert_ptr_ne(entity_of(&c.w, PC_WORLD_ACTOR, "xa", "world-bank"),
			 entity_of(&c.w, PC_WORLD_ACTOR, "xb", "wb"));
	ck_assert_ptr_ne(entity_of(&c.w, PC_WORLD_ACTOR, "xa", "ministry"),
			 entity_of(&c.w, PC_WORLD_ACTOR, "xb", "moe"));
	ck_assert_uint_eq(count_diags(&c.d, "ambiguous-world-entity", NULL, 0), 1);
	ck_assert_ptr_nonnull(strstr(c.d.items[0].message, "'wb' (xb) has the name of 'world-bank' of a.xml:7, but its "
							   "kind is not stated"));
	ck_assert_str_eq(entity_of(&c.w, PC_WORLD_ACTOR, "xb", "moe")->wid, "org-xb-moe");
	world_case_free(&c);
}
END_TEST

START_TEST(initials_that_could_be_two_people_stay_apart)
{
	write_part(test_tmp, "xa", PERSON("p-sonia", "5", "Sonia Lind", "Lind", "Sonia", "lind|sonia"));
	write_part(test_tmp, "xb",
		   PERSON("p-sarah", "6", "Sarah Lind", "Lind", "Sarah", "lind|sarah")
			   PERSON("p-sonia", "7", "Sonia Lind", "Lind", "Sonia", "lind|sonia"));
	write_part(test_tmp, "xc", PERSON("p-s", "8", "S. Lind", "Lind", "S.", "lind|s."));
	write_part(test_tmp, "xd", PERSON("p-s", "9", "S. Lind", "Lind", "S.", "lind|s."));
	world_case c;
	resolve_parts(&c, (const char *const[]){"xd", "xc", "xb", "xa"}, 4);
	const pc_world_entity *sonia = entity_of(&c.w, PC_WORLD_PERSON, "xa", "p-sonia");
	ck_assert_ptr_eq(sonia, entity_of(&c.w, PC_WORLD_PERSON, "xb", "p-sonia"));
	ck_assert_ptr_ne(sonia, entity_of(&c.w, PC_WORLD_PERSON, "xb", "p-sarah"));
	/* "S. Lind" could be either: neither merged with them nor with each other. */
	const pc_world_entity *s1 = entity_of(&c.w, PC_WORLD_PERSON, "xc", "p-s");
	const pc_world_entity *s2 = entity_of(&c.w, PC_WORLD_PERSON, "xd", "p-s");
	ck_assert_ptr_ne(s1, s2);
	ck_assert_ptr_ne(s1, sonia);
	ck_assert_uint_eq(count_diags(&c.d, "ambiguous-world-entity", NULL, 0), 2);
	/* Two entities of one key get distinct ids. */
	ck_assert_str_ne(s1->wid, s2->wid);
	world_case_free(&c);
}
END_TEST

Suite *
suite_world(void)
{
	Suite *s = suite_create("world");
	TCase *t = tcase_create("build");
	tcase_set_timeout(t, 120);
	tcase_add_checked_fixture(t, test_tmp_setup, test_tmp_teardown);
	tcase_add_test(t, shared_entities_are_one_row_each);
	tcase_add_test(t, file_order_and_jobs_give_the_same_bytes);
	tcase_add_test(t, one_profile_makes_no_world);
	tcase_add_test(t, the_workbook_alone_needs_no_csv);
	tcase_add_test(t, the_workbook_is_written_row_by_row);
	tcase_add_test(t, a_rebuild_replaces_the_world);
	tcase_add_test(t, world_decimals_keep_their_digits);
	tcase_add_test(t, validate_sees_what_the_world_step_sees);
	tcase_add_test(t, a_mononym_meets_only_its_mononym);
	tcase_add_test(t, excel_escapes_read_back_as_written);
	suite_add_tcase(s, t);
	TCase *l = tcase_create("links");
	tcase_set_timeout(l, 600); /* 3.5 MB of sources, under make asan too */
	tcase_add_checked_fixture(l, test_tmp_setup, test_tmp_teardown);
	tcase_add_test(l, past_excel_links_per_sheet_the_rest_is_text);
	suite_add_tcase(s, l);
	TCase *u = tcase_create("resolve");
	tcase_add_checked_fixture(u, test_tmp_setup, test_tmp_teardown);
	tcase_add_test(u, identifiers_come_first);
	tcase_add_test(u, world_ids_come_from_keys_not_order);
	tcase_add_test(u, a_chain_never_joins_two_of_one_profile);
	tcase_add_test(u, an_unstated_kind_is_reported_never_merged);
	tcase_add_test(u, initials_that_could_be_two_people_stay_apart);
	suite_add_tcase(s, u);
	return s;
}
