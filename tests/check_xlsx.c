/* The analyst's workbook: read back, reproducible, limits as diagnostics, safe output. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../compiler/alloc.h"
#include "../compiler/digest.h"
#include "../exporters/export.h"
#include "testutil.h"

#define PY      "/usr/bin/python3"
#define CHECKER "tests/xlsx_check.py"
#define XA      "tests/fixtures/xa.xml"
#define RO      "sources/ro.xml"
#define EPOCH   "86400" /* 1970-01-02T00:00:00Z */

static void
run_checker(const char *xlsx, const char *dumpfile)
{
	pc_run r;
	run_sh(&r, "%s %s '%s' '%s' --epoch=%s", PY, CHECKER, xlsx, dumpfile, EPOCH);
	ck_assert_msg(r.status == 0, "%s: checker exit %d:\n%.4000s%.2000s", xlsx, r.status, r.out, r.err);
	ck_assert_ptr_nonnull(strstr(r.out, "ok: "));
	run_free(&r);
}

START_TEST(xa_workbook_reads_back)
{
	char *xlsx = build_product("xa", "SOURCE_DATE_EPOCH=" EPOCH, XA, "xa", "xlsx");
	char *d = dump_to_file(XA);
	run_checker(xlsx, d);
	free(xlsx);
	free(d);
}
END_TEST

START_TEST(ro_workbook_reads_back)
{
	char *xlsx = build_product("ro", "SOURCE_DATE_EPOCH=" EPOCH, RO, "ro", "xlsx");
	char *d = dump_to_file(RO);
	run_checker(xlsx, d);
	free(xlsx);
	free(d);
}
END_TEST

/* A profile with nothing but its country: every table empty, no chart,
 * and still a workbook whose every sheet is a table. */
START_TEST(empty_profile_reads_back)
{
	static const char src[] =
		"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		"<!-- FICTIONAL (XY): the smallest profile, for the workbook's empty tables. -->\n"
		"<profile xmlns=\"urn:profilec:profile:1\" version=\"1.0\" lang=\"en\" modified=\"2026-11-28\">\n"
		"  <title>Empty Xland (fictional)</title>\n"
		"  <country code=\"XY\"><name>Empty Xland</name></country>\n"
		"</profile>\n";
	char *path = pc_asprintf("%s/xy.xml", test_tmp);
	write_file(path, src, sizeof src - 1);
	char *xlsx = build_product("xy", "SOURCE_DATE_EPOCH=" EPOCH, path, "xy", "xlsx");
	char *d = dump_to_file(path);
	run_checker(xlsx, d);
	free(xlsx);
	free(d);
	free(path);
}
END_TEST

static void
sha_of(const char *path, char hex[65])
{
	size_t len;
	char *data = read_file(path, &len);
	ck_assert_msg(data != NULL, "cannot read %s", path);
	pc_sha256_hex(data, len, hex);
	free(data);
}

/* The same source twice, a second apart and with no SOURCE_DATE_EPOCH:
 * the date comes from the source, so the bytes are the same. */
START_TEST(two_builds_are_identical)
{
	char h1[65], h2[65];
	const char *out[2] = {"one", "two"};
	for (int i = 0; i < 2; i++) {
		pc_run r;
		char *dir = pc_asprintf("%s/%s", test_tmp, out[i]);
		if (i == 1)
			sleep(1);
		run_sh(&r, "env -u SOURCE_DATE_EPOCH '%s' build -o '%s' --formats=xlsx '%s'", profilec_path(), dir, RO);
		ck_assert_msg(r.status == 0, "build: exit %d: %.1000s", r.status, r.err);
		run_free(&r);
		char *xlsx = pc_asprintf("%s/ro/ro.xlsx", dir);
		sha_of(xlsx, i == 0 ? h1 : h2);
		free(xlsx);
		free(dir);
	}
	ck_assert_str_eq(h1, h2);
}
END_TEST

/* A text over Excel's 32,767 characters: exit 1, the source line named,
 * no workbook anywhere. */
START_TEST(overlong_text_is_an_error_with_its_line)
{
	size_t len;
	char *xa = read_file(XA, &len);
	ck_assert_ptr_nonnull(xa);
	const char *ev = strstr(xa, "<event id=\"ev-2019-helpline\"");
	ck_assert_ptr_nonnull(ev);
	const char *open = strstr(ev, "<text>") + strlen("<text>");
	const char *close = strstr(open, "</text>");
	unsigned line = 1;
	for (const char *p = xa; p < ev; p++)
		line += *p == '\n';
	size_t n_long = 40000;
	pc_buf b;
	pc_buf_init(&b);
	pc_buf_add(&b, xa, (size_t)(open - xa));
	for (size_t i = 0; i < n_long / 10; i++)
		pc_buf_add(&b, "long text ", 10);
	pc_buf_puts(&b, close);
	char *src = pc_asprintf("%s/xa-long.xml", test_tmp);
	write_file(src, b.data, b.len);
	pc_buf_free(&b);
	free(xa);

	char *out = pc_asprintf("%s/out", test_tmp);
	pc_run r;
	run_profilec(&r, "build", "-o", out, "--formats=xlsx", src, NULL);
	ck_assert_msg(r.status == 1, "exit %d, want 1: %.1000s", r.status, r.err);
	char *where = pc_asprintf("xa-long.xml:%u:", line);
	ck_assert_msg(strstr(r.err, where) && strstr(r.err, "xlsx-cell-limit") && strstr(r.err, "32767"),
		      "no diagnostic at %s naming the cell limit in: %.1000s", where, r.err);
	ck_assert_msg(strstr(r.err, "ev-2019-helpline") != NULL, "the event is not named: %.1000s", r.err);
	char *xlsx = pc_asprintf("%s/xa/xa.xlsx", out);
	struct stat sb;
	ck_assert_msg(stat(xlsx, &sb) != 0, "a workbook was published despite the error");
	run_free(&r);
	free(xlsx);
	free(where);
	free(out);
	free(src);
}
END_TEST

/* The checker itself must fail on what a user would notice. */
START_TEST(checker_catches_broken_workbooks)
{
	char *xlsx = build_product("xa", "SOURCE_DATE_EPOCH=" EPOCH, XA, "xa", "xlsx");
	char *d = dump_to_file(XA);
	static const struct {
		const char *how, *expect;
	} cases[] = {
		{"formula", "formula"},        {"unfreeze", "not frozen"},    {"dead-link", "no such row"},
		{"drop-row", "the graph has"}, {"text-year", "not a number"}, {"no-table", "tables, want 1"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		pc_run r;
		char *bad = pc_asprintf("%s/bad-%s.xlsx", test_tmp, cases[i].how);
		run_sh(&r, "%s %s --break=%s '%s' '%s'", PY, CHECKER, cases[i].how, xlsx, bad);
		ck_assert_msg(r.status == 0, "break %s: %.1000s", cases[i].how, r.err);
		run_free(&r);
		run_sh(&r, "%s %s '%s' '%s'", PY, CHECKER, bad, d);
		ck_assert_msg(r.status == 1 && strstr(r.out, cases[i].expect),
			      "checker missed %s (exit %d, want '%s'):\n%.2000s%.500s", cases[i].how, r.status,
			      cases[i].expect, r.out, r.err);
		run_free(&r);
		free(bad);
	}
	free(xlsx);
	free(d);
}
END_TEST

/* (LibreOffice reads every workbook in tests/check_clients.c.) */

/* What a spreadsheet shows, beyond the values: a cell whose text starts
 * right to left reads right to left and one that starts left to right does
 * not; a numeric-looking id is text Excel is told not to flag; a boolean
 * shows TRUE/FALSE; a row of wrapped text has a height. */
START_TEST(workbook_presentation)
{
	char *xlsx = build_product("bidi", "", "tests/cases/epub-bidi.xml", "xb", "xlsx");
	pc_run r;
	run_sh(&r,
	       "%s -c 'import sys, zipfile, openpyxl\n"
	       "wb = openpyxl.load_workbook(sys.argv[1])\n"
	       "ws = wb[\"actors\"]\n"
	       "names = {row[0].value: row for row in ws.iter_rows(min_row=2)}\n"
	       "head = [c.value for c in ws[1]]\n"
	       "name = head.index(\"name\")\n"
	       "print(\"amal\", names[\"amal\"][name].alignment.readingOrder)\n"
	       "print(\"eagle\", names[\"eagle\"][name].alignment.readingOrder)\n"
	       "d = head.index(\"directory\")\n"
	       "print(\"boolean\", names[\"amal\"][d].number_format)\n"
	       "z = zipfile.ZipFile(sys.argv[1])\n"
	       "print(\"ignored\", sum(b\"numberStoredAsText=\\\"1\\\"\" in z.read(n) for n in z.namelist()))\n' '%s'",
	       PY, xlsx);
	ck_assert_msg(r.status == 0, "%s%s", r.out, r.err);
	ck_assert_msg(strstr(r.out, "amal 2.0\n") != NULL && strstr(r.out, "eagle 0.0\n") != NULL, "%s", r.out);
	ck_assert_msg(strstr(r.out, "boolean \"TRUE\";\"TRUE\";\"FALSE\"") != NULL, "%s", r.out);
	ck_assert_msg(strstr(r.out, "ignored 0") == NULL, "no sheet ignores numbers stored as text: %s", r.out);
	run_free(&r);
	free(xlsx);
}
END_TEST

/* A file system that fills up: exit 3, a diagnostic, nothing published. */
START_TEST(full_disk_is_an_output_error)
{
	char *out = pc_asprintf("%s/out", test_tmp);
	pc_run r;
	/* 16 KiB of file size allowed; SIGXFSZ ignored so write() fails with EFBIG. */
	run_sh(&r, "trap '' XFSZ; ulimit -f 32; exec '%s' build -o '%s' --formats=xlsx '%s'", profilec_path(), out, RO);
	ck_assert_msg(r.status == 3, "exit %d, want 3: %.1000s", r.status, r.err);
	ck_assert_msg(strstr(r.err, "error") != NULL && strstr(r.err, "[output]") != NULL,
		      "no output diagnostic: %.1000s", r.err);
	char *xlsx = pc_asprintf("%s/ro/ro.xlsx", out);
	struct stat sb;
	ck_assert_msg(stat(xlsx, &sb) != 0, "a truncated workbook was published");
	run_free(&r);
	free(xlsx);
	free(out);
}
END_TEST

/* A full $TMPDIR cuts the parts libxlsxwriter writes there first, and it
 * zips them into a sound archive all the same: a file size limit between
 * the workbook's size and its largest part's does that here (the archive
 * is written whole, the shared strings are cut). Exit 3, the part named,
 * nothing published; before, exit 0 and a workbook Excel cannot open. */
START_TEST(cut_part_is_an_output_error)
{
	pc_run r;
	run_sh(&r,
	       "set -e; python3 tests/bench/genprofile.py --seed 1 --code XA --target-bytes 1000000 -o '%s/xa.xml' "
	       ">/dev/null; '%s' build -o '%s/whole' --formats=xlsx '%s/xa.xml' 2>/dev/null; %s -c 'import os, sys, "
	       "zipfile\n"
	       "z = zipfile.ZipFile(sys.argv[1])\n"
	       "part = max(i.file_size for i in z.infolist())\n"
	       "size = os.path.getsize(sys.argv[1])\n"
	       "print(part > size * 5 // 4 and (part + size) // 2 // 512)' '%s/whole/xa/xa.xlsx'",
	       test_tmp, profilec_path(), test_tmp, test_tmp, PY, test_tmp);
	ck_assert_msg(r.status == 0, "%s%s", r.out, r.err);
	long blocks = strtol(r.out, NULL, 10);
	ck_assert_msg(blocks > 0, "no part larger than the workbook by a quarter: %s", r.out);
	run_free(&r);
	/* 512-byte blocks (dash); SIGXFSZ ignored so write() fails with EFBIG. */
	run_sh(&r, "trap '' XFSZ; ulimit -f %ld; exec '%s' build -o '%s/cut' --formats=xlsx '%s/xa.xml'", blocks,
	       profilec_path(), test_tmp, test_tmp);
	ck_assert_msg(r.status == 3, "exit %d, want 3: %.1000s", r.status, r.err);
	ck_assert_msg(strstr(r.err, "part 'xl/sharedStrings.xml' is cut short") != NULL && strstr(r.err, "[output]"),
		      "%.2000s", r.err);
	char *cut = pc_asprintf("%s/cut", test_tmp);
	struct stat sb;
	ck_assert_msg(stat(cut, &sb) != 0, "a cut workbook was published");
	free(cut);
	run_free(&r);
}
END_TEST

/* ---- The exporter on a graph built by hand -------------------------------- */

static pc_graph *
tiny_graph(const char *event_text)
{
	pc_graph *g = pc_graph_new();
	g->source_path = pc_intern(&g->strings, "tiny.xml");
	pc_graph_default_themes(g);
	g->title = pc_intern(&g->strings, "Tiny (fictional)");
	g->build_epoch = 86400;
	memcpy(g->build_date, "1970-01-02", 11);
	pc_country *c = PC_PUSH(g, countries);
	c->n.id = pc_intern(&g->strings, "xz");
	c->n.line = 3;
	c->code = pc_intern(&g->strings, "XZ");
	c->name = pc_intern(&g->strings, "Tinyland");
	pc_event *e = PC_PUSH(g, events);
	e->n.id = pc_intern(&g->strings, "ev-1");
	e->n.line = 7;
	e->year = 2001;
	e->theme = PC_THEME_CHILD_PROTECTION;
	e->text = pc_intern(&g->strings, event_text);
	return g;
}

/* Text that looks like a formula is stored as a string, never evaluated. */
START_TEST(formula_like_text_stays_text)
{
	static const char text[] = "=HYPERLINK(\"http://example.invalid\",\"x\")";
	pc_graph *g = tiny_graph(text);
	pc_diag d;
	pc_diag_init(&d);
	pc_export_opts o = {.dir = test_tmp, .base_iri = PC_DEFAULT_BASE_IRI};
	ck_assert_int_eq(pc_export_xlsx(g, &o, &d), PC_EXIT_OK);
	pc_run r;
	run_sh(&r,
	       "cd '%s' && unzip -p xz.xlsx 'xl/worksheets/*.xml' | grep -c '<f[ >]'; unzip -p xz.xlsx "
	       "xl/sharedStrings.xml | grep -c 'HYPERLINK'",
	       test_tmp);
	ck_assert_msg(strncmp(r.out, "0\n1\n", 4) == 0, "formula count / string count: %s", r.out);
	run_free(&r);
	pc_diag_free(&d);
	pc_graph_free(g);
}
END_TEST

/* "_x0041_" is an escape to Excel: written as _x005F_x0041_ it reads back
 * as the text the profile holds, not as "A". */
START_TEST(xstring_escapes_read_back_as_written)
{
	pc_graph *g = tiny_graph("Code _x0041_ and _x00_ stay");
	pc_diag d;
	pc_diag_init(&d);
	pc_export_opts o = {.dir = test_tmp, .base_iri = PC_DEFAULT_BASE_IRI};
	ck_assert_int_eq(pc_export_xlsx(g, &o, &d), PC_EXIT_OK);
	pc_run r;
	run_sh(&r, "cd '%s' && unzip -p xz.xlsx xl/sharedStrings.xml", test_tmp);
	ck_assert_msg(strstr(r.out, "Code _x005F_x0041_ and _x00_ stay") != NULL, "not escaped: %.2000s", r.out);
	run_free(&r);
	pc_diag_free(&d);
	pc_graph_free(g);
}
END_TEST

/* libxlsxwriter follows a symlink at its path: the exporter must refuse
 * it, and leave the file it points at alone. */
START_TEST(planted_symlink_is_refused)
{
	pc_graph *g = tiny_graph("An event.");
	char *victim = pc_asprintf("%s/victim", test_tmp);
	char *link = pc_asprintf("%s/xz.xlsx", test_tmp);
	write_file(victim, "precious", 8);
	ck_assert_int_eq(symlink(victim, link), 0);
	pc_diag d;
	pc_diag_init(&d);
	pc_export_opts o = {.dir = test_tmp, .base_iri = PC_DEFAULT_BASE_IRI};
	ck_assert_int_eq(pc_export_xlsx(g, &o, &d), PC_EXIT_OUTPUT);
	ck_assert_uint_ge(d.n_errors, 1);
	size_t len;
	char *v = read_file(victim, &len);
	ck_assert_ptr_nonnull(v);
	ck_assert_str_eq(v, "precious");
	free(v);
	free(victim);
	free(link);
	pc_diag_free(&d);
	pc_graph_free(g);
}
END_TEST

/* A text of exactly 32,767 characters fits; one more does not, counted as
 * Excel counts (a character outside the BMP is two). */
START_TEST(cell_limit_is_exact)
{
	char *s = pc_malloc(32768 + 4);
	memset(s, 'a', 32767);
	s[32767] = '\0';
	pc_graph *g = tiny_graph(s);
	pc_diag d;
	pc_diag_init(&d);
	pc_export_opts o = {.dir = test_tmp, .base_iri = PC_DEFAULT_BASE_IRI};
	ck_assert_int_eq(pc_export_xlsx(g, &o, &d), PC_EXIT_OK);
	pc_diag_free(&d);
	pc_graph_free(g);

	memcpy(s + 32766, "\xF0\x9F\x98\x80", 5); /* 32,766 + an emoji = 32,768 units */
	g = tiny_graph(s);
	char *sub = pc_asprintf("%s/sub", test_tmp);
	ck_assert_int_eq(mkdir(sub, 0777), 0);
	pc_diag_init(&d);
	o.dir = sub;
	ck_assert_int_eq(pc_export_xlsx(g, &o, &d), PC_EXIT_INVALID);
	ck_assert_uint_eq(d.n_errors, 1);
	ck_assert_uint_eq(d.items[0].line, 7);
	ck_assert_str_eq(d.items[0].rule, "xlsx-cell-limit");
	char *xlsx = pc_asprintf("%s/xz.xlsx", sub);
	struct stat sb;
	ck_assert_msg(stat(xlsx, &sb) != 0, "a workbook was written despite the error");
	free(xlsx);
	free(sub);
	pc_diag_free(&d);
	pc_graph_free(g);
	free(s);
}
END_TEST

Suite *
suite_xlsx(void)
{
	Suite *s = suite_create("xlsx");
	TCase *tc = tcase_create("workbook");
	tcase_add_checked_fixture(tc, test_tmp_setup, test_tmp_teardown);
	tcase_set_timeout(tc, 300);
	tcase_add_test(tc, xa_workbook_reads_back);
	tcase_add_test(tc, ro_workbook_reads_back);
	tcase_add_test(tc, empty_profile_reads_back);
	tcase_add_test(tc, two_builds_are_identical);
	tcase_add_test(tc, overlong_text_is_an_error_with_its_line);
	tcase_add_test(tc, checker_catches_broken_workbooks);
	tcase_add_test(tc, workbook_presentation);
	tcase_add_test(tc, full_disk_is_an_output_error);
	tcase_add_test(tc, cut_part_is_an_output_error);
	tcase_add_test(tc, formula_like_text_stays_text);
	tcase_add_test(tc, xstring_escapes_read_back_as_written);
	tcase_add_test(tc, planted_symlink_is_refused);
	tcase_add_test(tc, cell_limit_is_exact);
	suite_add_tcase(s, tc);
	return s;
}
