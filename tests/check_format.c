/* The source format's versions: 1.0 sources keep their products byte for
 * byte, and the constructs of 1.1 reach every product. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uloc.h>
#include <unicode/uregion.h>

#include "../compiler/alloc.h"
#include "testutil.h"

/* Every product of sources/ro.xml and tests/fixtures/xa.xml, built with a
 * fixed date, has the checksum recorded in tests/golden/products.sha256.
 * A deliberate change of a product updates that file (make
 * golden-products) and says why in tests/golden/products.md. */
START_TEST(golden_products_unchanged)
{
	pc_run r;
	run_sh(&r, "sh tests/golden/products.sh '%s' '%s/dist'", profilec_path(), test_tmp);
	ck_assert_msg(r.status == 0, "build: exit %d: %s", r.status, r.err);
	char *want = read_file("tests/golden/products.sha256", NULL);
	ck_assert_ptr_nonnull(want);
	if (strcmp(r.out, want) != 0) {
		char *actual = pc_asprintf("%s/products.sha256", test_tmp);
		write_file(actual, r.out, r.out_len);
		pc_run d;
		run_sh(&d, "diff tests/golden/products.sha256 '%s'", actual);
		ck_abort_msg("products differ from tests/golden/products.sha256 (if on purpose: make "
			     "golden-products, and say why in tests/golden/products.md):\n%s",
			     d.out);
	}
	free(want);
	run_free(&r);
}
END_TEST

/* ---- The 1.1 fixture ------------------------------------------------------ */

#define XC    "tests/fixtures/xc.xml"
#define PY    "/usr/bin/python3"
#define EPOCH "86400"

static char *
build_xc(void)
{
	char *out = pc_asprintf("%s/xc", test_tmp);
	pc_run r;
	run_sh(&r, "SOURCE_DATE_EPOCH=" EPOCH " '%s' build -o '%s' " XC, profilec_path(), out);
	ck_assert_msg(r.status == 0, "build " XC ": exit %d: %s", r.status, r.err);
	run_free(&r);
	return out;
}

static void
run_checker(const char *cmd, const char *want)
{
	pc_run r;
	run_sh(&r, "%s", cmd);
	ck_assert_msg(r.status == 0, "%s: exit %d:\n%.4000s%.2000s", cmd, r.status, r.out, r.err);
	ck_assert_msg(strstr(r.out, want) != NULL, "%s: no '%s' in:\n%.2000s", cmd, want, r.out);
	run_free(&r);
}

/* The fixture reads back through each format's own checker, as xa.xml
 * does: the CSV package, the workbook (openpyxl), the book, the bundle
 * (pyld). epubcheck runs on it in tests/check_epub.c. */
START_TEST(xc_reads_back_in_every_format)
{
	char *out = build_xc();
	char *dump = dump_to_file(XC);
	char *cmd = pc_asprintf(PY " tests/csv_check.py '%s/xc/csv' '%s'", out, dump);
	run_checker(cmd, "ok: ");
	free(cmd);
	cmd = pc_asprintf(PY " tests/xlsx_check.py '%s/xc/xc.xlsx' '%s' --epoch=" EPOCH, out, dump);
	run_checker(cmd, "ok: ");
	free(cmd);
	cmd = pc_asprintf(PY " tests/epub_check.py '%s/xc/xc.epub' '%s'", out, dump);
	run_checker(cmd, "ok: 8 documents");
	free(cmd);
	cmd = pc_asprintf(PY " tests/jsonld_check.py bundle '%s/xc/xc.jsonld' '%s'", out, dump);
	run_checker(cmd, "triples ");
	free(cmd);
	free(dump);
	free(out);
}
END_TEST

/* The number of data rows of a CSV table (records, not lines: a quoted
 * field may hold a line break). */
static long
csv_rows(const char *dir, const char *table)
{
	pc_run r;
	run_sh(&r,
	       PY " -c 'import csv,sys; print(sum(1 for _ in csv.reader(open(sys.argv[1], newline=\"\"))) - 1)' "
		  "'%s/xc/csv/%s.csv'",
	       dir, table);
	ck_assert_msg(r.status == 0, "%s: %s", table, r.err);
	long n = strtol(r.out, NULL, 10);
	run_free(&r);
	return n;
}

/* The constructs of 1.1 reach the tables. */
START_TEST(xc_tables_hold_the_constructs_of_1_1)
{
	char *out = build_xc();
	ck_assert_int_ge(csv_rows(out, "themes"), 3);
	char *themes = read_file_in(out, "xc/csv/themes.csv", NULL);
	/* In their declared order, not the order of declaration. */
	ck_assert_ptr_nonnull(strstr(themes, "education,Education and ICT,1,"));
	ck_assert_ptr_nonnull(strstr(themes, "protection,Child protection and law enforcement,2,"));
	ck_assert_ptr_nonnull(strstr(themes, "civil-society,Industry and civil society,3,"));
	ck_assert(strstr(themes, "\nprotection,") < strstr(themes, "\ncivil-society,"));
	free(themes);
	/* The penalties real laws have: life imprisonment without bounds, hours,
	 * a percentage of a base, day-fines with their amount per day, open
	 * bounds left empty (never 0), penalties of a part and of a whole
	 * instrument. */
	char *pen = read_file_in(out, "xc/csv/penalties.csv", NULL);
	ck_assert_ptr_nonnull(
		strstr(pen, "\npen-cc-101-life,criminal-code-art-101,criminal-code,,life-imprisonment,,,,"));
	ck_assert_ptr_nonnull(strstr(pen, ",community-service,,240,hours,false,"));
	ck_assert_ptr_nonnull(strstr(pen, ",fine,,6,percent,false,the platform’s annual worldwide turnover,"));
	ck_assert_ptr_nonnull(strstr(pen, ",day-fine,30,360,day-units,false,,5,5000,EUR,"));
	ck_assert_ptr_nonnull(strstr(pen, ",imprisonment,20,,years,false,"));
	ck_assert_ptr_nonnull(
		strstr(pen, "\npen-12-2019-ch4-fine,,law-12-2019,law-12-2019-chapter-4,fine,10000,,EUR,true,"));
	ck_assert_ptr_nonnull(strstr(pen, "\npen-12-2019-platform-fine,,law-12-2019,,fine,"));
	free(pen);
	char *parts = read_file_in(out, "xc/csv/parts.csv", NULL);
	ck_assert_ptr_nonnull(strstr(parts, "\nlaw-12-2019-chapter-4,law-12-2019,Chapter IV,Age Checks,"));
	free(parts);
	/* A role and a kind left unstated. */
	char *ea = read_file_in(out, "xc/csv/event_actors.csv", NULL);
	ck_assert_ptr_nonnull(strstr(ea, "ev-2021-industry-code,xerendia-university,involved,"));
	free(ea);
	char *actors = read_file_in(out, "xc/csv/actors.csv", NULL);
	ck_assert_ptr_nonnull(strstr(actors, "\nmobile-operators-forum,,Mobile Operators Forum,"));
	ck_assert_ptr_nonnull(strstr(actors, "\nxerendia-university,university,"));
	free(actors);
	free(out);
}
END_TEST

/* The profiles `make bench` measures are valid ones: a rule added to the
 * format (future-year did) must not turn the benchmark into a run of
 * refusals. One profile of each generator mode: one of 2 MB (hundreds of
 * events), and three that share by name and by identifier (format 1.1). */
/* A long text is stored, not interned (compiler/build.c): two events that
 * say the same long thing are two texts, and xml:lang on one of them is
 * that one's language only: the JSON-LD has one French text, the second
 * event's. */
START_TEST(a_long_text_has_its_own_language)
{
	char *say = pc_strdup("");
	for (int i = 0; i < 12; i++) {
		char *more = pc_asprintf("%sLe ministère a ouvert une ligne d'écoute. ", say);
		free(say);
		say = more;
	}
	ck_assert_uint_gt(strlen(say), 256);
	char *xml = pc_asprintf(
		"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		"<profile xmlns=\"urn:profilec:profile:1\" version=\"1.1\" lang=\"en\" modified=\"2026-11-28\">\n"
		"<country code=\"XL\"><name>Longland</name></country>\n"
		"<events>\n"
		"<event id=\"ev-2019-a\" year=\"2019\" theme=\"education-ict\"><text>%s</text></event>\n"
		"<event id=\"ev-2020-b\" year=\"2020\" theme=\"education-ict\"><text "
		"xml:lang=\"fr\">%s</text></event>\n"
		"</events>\n</profile>\n",
		say, say);
	char *src = write_tmp_file("long-texts.xml", xml);
	char *path = build_product("out", "", src, "xl", "jsonld");
	char *jl = read_file(path, NULL);
	const char *a = strstr(jl, "/event/ev-2019-a\""), *b = strstr(jl, "/event/ev-2020-b\"");
	ck_assert_ptr_nonnull(a);
	ck_assert_ptr_nonnull(b);
	const char *a_end = strchr(a, '}'), *fr = strstr(jl, "\"@language\": \"fr\"");
	ck_assert_msg(fr != NULL, "no French text in %s", jl);
	ck_assert_msg(strstr(fr + 1, "\"@language\": \"fr\"") == NULL, "two French texts");
	ck_assert_msg(!(fr > a && fr < a_end), "the first event's text is not French: %.300s", a);
	free(jl);
	free(path);
	free(src);
	free(xml);
	free(say);
}
END_TEST

START_TEST(bench_profiles_validate)
{
	pc_run r;
	run_sh(&r,
	       "set -e; python3 tests/bench/genprofile.py --seed 1 --code XA --target-bytes 2000000 -o '%s/xa.xml' "
	       ">/dev/null; python3 tests/bench/genprofile.py --seed 1 --profiles 3 --shared 0.2 --identifiers "
	       "-o '%s/world' >/dev/null; '%s' validate '%s/xa.xml' %s/world/01/*.xml",
	       test_tmp, test_tmp, profilec_path(), test_tmp, test_tmp);
	/* The first diagnostics say why (Check cannot carry 30 KB of them). */
	ck_assert_msg(r.status == 0, "a generated bench profile does not validate (exit %d):\n%.2000s%.2000s", r.status,
		      r.out, r.err);
	ck_assert_msg(strstr(r.err, " error: ") == NULL, "%.2000s", r.err);
	run_free(&r);
}
END_TEST

/* The world corpora of `make bench` are 200 profiles in one build, and one
 * build takes one profile per country: past the 40 user-assigned codes the
 * generator takes codes ISO 3166-1 has not assigned, from Debian's
 * iso-codes less the reserved ones. None may name a real country or region:
 * ICU's region data (CLDR, another source than iso-codes) knows none of
 * them, and a profile of the 200th validates. */
START_TEST(bench_codes_unassigned)
{
	pc_run r;
	run_sh(&r, "python3 tests/bench/genprofile.py --list-codes --per-build 200");
	ck_assert_msg(r.status == 0, "genprofile --list-codes: exit %d: %s", r.status, r.err);
	size_t n = 0;
	char last[3] = "";
	const char *const *iso = uloc_getISOCountries();
	for (char *line = r.out, *next; *line != '\0'; line = next) {
		next = strchr(line, '\n');
		ck_assert_msg(next != NULL && next - line == 2, "not a code line: %.20s", line);
		*next++ = '\0';
		ck_assert_msg(line[0] >= 'A' && line[0] <= 'Z' && line[1] >= 'A' && line[1] <= 'Z', "code %s", line);
		/* The first 40: the user-assigned QM-QZ, XA-XZ, as before. */
		if (n++ < 40) {
			ck_assert_msg(line[0] == 'X' || (line[0] == 'Q' && line[1] >= 'M'), "code %zu is %s", n, line);
			continue;
		}
		ck_assert_msg(strcmp(line, last) > 0, "codes after the 40th not in order: %s after %s", line, last);
		memcpy(last, line, 3);
		for (size_t i = 0; iso[i] != NULL; i++)
			ck_assert_msg(strcmp(iso[i], line) != 0, "%s is an ISO 3166-1 country", line);
		UErrorCode e = U_ZERO_ERROR;
		uregion_getRegionFromCode(line, &e);
		ck_assert_msg(U_FAILURE(e), "%s is a region ICU knows (assigned or reserved)", line);
	}
	ck_assert_uint_eq(n, 200);
	run_free(&r);
	run_sh(&r,
	       "python3 tests/bench/genprofile.py --seed 1 --code %s --target-bytes 40000 -o '%s/last.xml' "
	       ">/dev/null && '%s' validate '%s/last.xml'",
	       last, test_tmp, profilec_path(), test_tmp);
	ck_assert_msg(r.status == 0, "a profile of code %s (exit %d):\n%.2000s%.2000s", last, r.status, r.out, r.err);
	run_free(&r);
}
END_TEST

Suite *
suite_format(void)
{
	Suite *s = suite_create("format");
	TCase *golden = tcase_create("golden");
	tcase_set_timeout(golden, 120);
	tcase_add_checked_fixture(golden, test_tmp_setup, test_tmp_teardown);
	tcase_add_test(golden, golden_products_unchanged);
	tcase_add_test(golden, bench_profiles_validate);
	tcase_add_test(golden, bench_codes_unassigned);
	suite_add_tcase(s, golden);
	TCase *xc = tcase_create("fixture-1.1");
	tcase_set_timeout(xc, 120);
	tcase_add_checked_fixture(xc, test_tmp_setup, test_tmp_teardown);
	tcase_add_test(xc, xc_reads_back_in_every_format);
	tcase_add_test(xc, xc_tables_hold_the_constructs_of_1_1);
	tcase_add_test(xc, a_long_text_has_its_own_language);
	suite_add_tcase(s, xc);
	return s;
}
