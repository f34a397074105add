/* The compiler core: folding, hashing, golden dumps, diagnostics of bad sources. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../compiler/alloc.h"
#include "../compiler/fold.h"
#include "../compiler/digest.h"
#include "../compiler/strtab.h"
#include "testutil.h"

static void
expect_key(const char *in, const char *want)
{
	char *k = pc_fold_key(in);
	ck_assert_str_eq(k, want);
	free(k);
}

START_TEST(fold_key_matches_name_forms)
{
	expect_key("O’Neill", "oneill");
	expect_key("O'Neill", "oneill");
	expect_key("Ólafsson", "olafsson");
	expect_key("Görzig", "gorzig");
	expect_key("Simões, J.A.", "simoes j a");
	expect_key("  Net Children Go Mobile: Final Report ", "net children go mobile final report");
	expect_key("Ștefan Țară", "stefan tara");
	/* Every script folds: case, marks, final sigma, Latin letters with strokes. */
	expect_key("ΠΑΠΑΔΟΠΟΥΛΟΣ", "παπαδοπουλοσ");
	expect_key("Παπαδόπουλος", "παπαδοπουλοσ");
	expect_key("ПЕТРОВА", "петрова");
	expect_key("Nguyễn Thị", "nguyen thi");
	expect_key("Łukasz Ørsted Æbelø Straße", "lukasz orsted aebelo strasse");
	expect_key("王小明", "王小明");
}
END_TEST

START_TEST(fold_space_collapses_and_trims)
{
	char *s = pc_fold_space("\n  Save the\tChildren \r\n Romania  ");
	ck_assert_str_eq(s, "Save the Children Romania");
	free(s);
	s = pc_fold_space("   ");
	ck_assert_str_eq(s, "");
	free(s);
}
END_TEST

/* FIPS 180-2's vectors through libcrypto, whole and in uneven pieces. */
START_TEST(sha256_known_vectors)
{
	char hex[65];
	pc_sha256_hex("", 0, hex);
	ck_assert_str_eq(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	pc_sha256_hex("abc", 3, hex);
	ck_assert_str_eq(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	const char *two = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
	pc_sha256_hex(two, strlen(two), hex);
	ck_assert_str_eq(hex, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
	/* A million 'a's: the long vector, fed in pieces of 1 to 997 bytes. */
	pc_sha256 s;
	pc_sha256_init(&s);
	char a[1000];
	memset(a, 'a', sizeof a);
	for (size_t done = 0, step = 1; done < 1000000; done += step, step = step % 997 + 1)
		pc_sha256_update(&s, a, done + step > 1000000 ? 1000000 - done : step);
	pc_sha256_final_hex(&s, hex);
	ck_assert_str_eq(hex, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}
END_TEST

START_TEST(strtab_interns_once)
{
	pc_strtab t;
	pc_strtab_init(&t);
	const char *a = pc_intern(&t, "Livingstone");
	char buf[] = "Livingstone";
	const char *b = pc_intern(&t, buf);
	ck_assert_ptr_eq(a, b);
	for (int i = 0; i < 5000; i++) {
		char s[32];
		snprintf(s, sizeof s, "s%d", i);
		pc_intern(&t, s);
	}
	ck_assert_ptr_eq(pc_intern(&t, "Livingstone"), a);
	ck_assert_ptr_null(pc_intern(&t, NULL));
	pc_strtab_free(&t);
}
END_TEST

/* The dump of a source equals its golden file. */
static void
expect_dump(const char *source, const char *golden)
{
	pc_run r;
	run_profilec(&r, "dump", source, NULL);
	ck_assert_msg(r.status == 0, "dump %s exited %d: %s", source, r.status, r.err);
	char *want = read_file(golden, NULL);
	ck_assert_ptr_nonnull(want);
	if (strcmp(r.out, want) != 0) {
		/* Kept for the person who reads the failure: a directory of
		 * this run's own, never a path another run shares. */
		char *dir = make_tmpdir();
		ck_assert_ptr_nonnull(dir);
		char *actual = pc_asprintf("%s/actual.dump", dir);
		write_file(actual, r.out, strlen(r.out));
		ck_abort_msg("dump of %s differs from %s: diff -u %s %s", source, golden, golden, actual);
	}
	free(want);
	run_free(&r);
}

START_TEST(golden_dump_ro)
{
	expect_dump("sources/ro.xml", "tests/golden/ro.dump");
}
END_TEST

START_TEST(golden_dump_xa)
{
	expect_dump("tests/fixtures/xa.xml", "tests/golden/xa.dump");
}
END_TEST

static long
dump_count(const char *dump, const char *key)
{
	char pat[64];
	snprintf(pat, sizeof pat, " %s=", key);
	const char *p = strstr(dump, pat);
	return p ? strtol(p + strlen(pat), NULL, 10) : -1;
}

static long
expected_count(const char *counts, const char *key)
{
	char pat[64];
	snprintf(pat, sizeof pat, "\n%s ", key);
	const char *p = strstr(counts, pat);
	if (p == NULL && strncmp(counts, key, strlen(key)) == 0 && counts[strlen(key)] == ' ')
		p = counts - 1;
	ck_assert_msg(p != NULL, "tests/ro_counts.txt lacks %s", key);
	return strtol(p + strlen(pat), NULL, 10);
}

/* Every entry of the profile is in the source: nothing lost. */
START_TEST(ro_counts_match_the_profile)
{
	char *counts = read_file("tests/ro_counts.txt", NULL);
	ck_assert_ptr_nonnull(counts);
	pc_run r;
	run_profilec(&r, "dump", "sources/ro.xml", NULL);
	ck_assert_int_eq(r.status, 0);
	ck_assert_int_eq(dump_count(r.out, "events"), expected_count(counts, "events"));
	ck_assert_int_eq(dump_count(r.out, "actors"), expected_count(counts, "actors"));
	long directory = 0;
	for (const char *p = r.out; (p = strstr(p, " directory\n")) != NULL; p++)
		directory++;
	ck_assert_int_eq(directory, expected_count(counts, "directory_actors"));
	/* Entries = works after merging + the entries merged into them. */
	long merged = 0;
	for (const char *p = r.out; (p = strstr(p, " merged=\"")) != NULL; p++)
		merged++;
	ck_assert_int_eq(dump_count(r.out, "publications") + merged, expected_count(counts, "publication_entries"));
	ck_assert_int_eq(dump_count(r.out, "instruments"), expected_count(counts, "instruments"));
	ck_assert_int_eq(dump_count(r.out, "articles"), expected_count(counts, "articles"));
	ck_assert_int_eq(dump_count(r.out, "penalties"), expected_count(counts, "penalties"));
	ck_assert_int_eq(dump_count(r.out, "thresholds"), expected_count(counts, "thresholds"));
	ck_assert_int_eq(dump_count(r.out, "indicators"), expected_count(counts, "indicators"));
	ck_assert_int_eq(dump_count(r.out, "sources"), expected_count(counts, "statistics_sources"));
	run_free(&r);
	free(counts);
}
END_TEST

/* One person node per real person, whatever the spelling that cites them. */
START_TEST(ro_one_person_per_author)
{
	pc_run r;
	run_profilec(&r, "dump", "sources/ro.xml", NULL);
	ck_assert_int_eq(r.status, 0);
	static const char *const families[] = {
		"family=\"Livingstone\"", "family=\"O’Neill\"",  "family=\"Ólafsson\"", "family=\"Haddon\"",
		"family=\"Mascheroni\"",  "family=\"Staksrud\"", "family=\"Smahel\"",
	};
	for (size_t i = 0; i < sizeof families / sizeof families[0]; i++) {
		long n = 0;
		for (const char *p = r.out; (p = strstr(p, "\nperson ")) != NULL; p++) {
			const char *eol = strchr(p + 1, '\n');
			const char *hit = strstr(p, families[i]);
			if (hit && (eol == NULL || hit < eol))
				n++;
		}
		ck_assert_msg(n == 1, "%ld person nodes with %s", n, families[i]);
	}
	/* ... and every citation keeps its own spelling. */
	ck_assert_ptr_nonnull(strstr(r.out, "as_written=\"B. O'Neill\""));
	ck_assert_ptr_nonnull(strstr(r.out, "as_written=\"O’Neill, B.\""));
	ck_assert_ptr_nonnull(strstr(r.out, "as_written=\"Livingstone, Sonia\""));
	ck_assert_ptr_nonnull(strstr(r.out, "as_written=\"S. Livingstone\""));
	ck_assert_ptr_nonnull(strstr(r.out, "as_written=\"Livingstone S.\""));
	run_free(&r);
}
END_TEST

/* Validation of the Romanian source passes and names every gap. */
START_TEST(ro_validates_with_quality_warnings)
{
	pc_run r;
	run_profilec(&r, "validate", "sources/ro.xml", NULL);
	ck_assert_msg(r.status == 0, "exit %d: %s", r.status, r.err);
	long missing = 0, unnamed = 0, merged = 0;
	for (const char *p = r.err; (p = strstr(p, "[missing-value]")) != NULL; p++)
		missing++;
	for (const char *p = r.err; (p = strstr(p, "[unnamed-actor]")) != NULL; p++)
		unnamed++;
	for (const char *p = r.err; (p = strstr(p, "[duplicate-publication]")) != NULL; p++)
		merged++;
	ck_assert_int_eq(missing, 4);
	ck_assert_int_eq(unnamed, 4);
	ck_assert_int_eq(merged, 2);
	/* The warnings' total is a fact of the source, kept with its counts. */
	char *counts = read_file("tests/ro_counts.txt", NULL);
	ck_assert_ptr_nonnull(counts);
	char *summary = pc_asprintf("0 errors, %ld warnings in 1 file", expected_count(counts, "validate_warnings"));
	ck_assert_msg(strstr(r.err, summary) != NULL, "no '%s' in:\n%s", summary, r.err);
	free(summary);
	free(counts);
	run_free(&r);
	run_profilec(&r, "validate", "--werror", "sources/ro.xml", NULL);
	ck_assert_int_eq(r.status, 1);
	run_free(&r);
	run_profilec(&r, "validate", "tests/fixtures/xa.xml", NULL);
	ck_assert_int_eq(r.status, 0);
	run_free(&r);
}
END_TEST

/* The schema itself accepts every valid source, as xmllint sees it. */
START_TEST(sources_pass_xmllint)
{
	if (tool_missing("sources_pass_xmllint", have_command("xmllint"), "xmllint is not installed"))
		return;
	pc_run r;
	run_sh(&r, "for f in sources/*.xml tests/fixtures/*.xml; do xmllint --nonet --noout --schema "
		   "schemas/profile.xsd \"$f\" || exit 1; done");
	ck_assert_msg(r.status == 0, "%s", r.err);
	run_free(&r);
}
END_TEST

/* tests/cases/NAME.xml, found when the suite is made: one test each. */
static char **case_names;
static size_t n_cases;

/* A case: the expected exit status and diagnostics (NAME.expect), from
 * validate; and from build the same status with nothing written when
 * invalid. A case without NAME.expect must be named by a suite that
 * checks it otherwise, or it checks nothing. */
START_TEST(case_matches_expectation)
{
	/* At least the cases of the first round: an empty loop would pass. */
	ck_assert_msg(n_cases >= 10, "tests/cases holds %zu cases, fewer than the first round's", n_cases);
	const char *name = case_names[_i];
	char *xml = pc_asprintf("tests/cases/%s.xml", name);
	char *expect_path = pc_asprintf("tests/cases/%s.expect", name);
	char *expect = read_file(expect_path, NULL);
	pc_run r;
	if (expect == NULL) {
		run_sh(&r, "grep -lF '%s' tests/check_*.c", xml);
		ck_assert_msg(r.status == 0, "%s has no .expect and no suite names it", xml);
		run_free(&r);
		free(expect_path);
		free(xml);
		return;
	}
	run_profilec(&r, "validate", xml, NULL);
	char *actual = pc_asprintf("exit %d\n%s", r.status, r.err);
	ck_assert_msg(strcmp(actual, expect) == 0, "%s:\n--- expected\n%s--- actual\n%s", xml, expect, actual);
	int status = r.status;
	run_free(&r);
	char *out = pc_asprintf("%s/out", test_tmp);
	run_profilec(&r, "build", "-o", out, xml, NULL);
	ck_assert_msg(r.status == status, "build %s exited %d, validate %d", xml, r.status, status);
	struct stat sb;
	ck_assert_msg(status == 0 || stat(out, &sb) != 0, "build of invalid %s created %s", xml, out);
	run_free(&r);
	free(out);
	free(actual);
	free(expect);
	free(expect_path);
	free(xml);
}
END_TEST

START_TEST(validate_formats)
{
	pc_run r;
	run_profilec(&r, "validate", "--format=json", "tests/cases/penalty-range.xml", NULL);
	ck_assert_int_eq(r.status, 1);
	ck_assert_ptr_nonnull(strstr(r.out, "\"rule\": \"penalty-range\""));
	ck_assert_ptr_nonnull(strstr(r.out, "\"line\": 11"));
	ck_assert_ptr_nonnull(strstr(r.out, "\"errors\": 1"));
	run_free(&r);
	/* The JSON totals are the text summary's (ro.xml's own total is
	 * asserted by ro_validates_with_quality_warnings). */
	run_profilec(&r, "validate", "tests/cases/penalty-range.xml", "sources/ro.xml", NULL);
	const char *last = r.err + strlen(r.err);
	while (last > r.err && last[-1] == '\n')
		last--;
	while (last > r.err && last[-1] != '\n')
		last--;
	long errors = -1, warnings = -1;
	ck_assert_msg(sscanf(last, "%ld %*s %ld warning", &errors, &warnings) == 2, "no summary: %s", r.err);
	ck_assert_int_gt(warnings, 0);
	run_free(&r);
	if (!tool_missing("validate_formats", have_command("python3"), "python3 is not installed")) {
		run_sh(&r,
		       "%s validate --format=json tests/cases/penalty-range.xml sources/ro.xml | python3 -c "
		       "'import json,sys; d=json.load(sys.stdin); assert d[\"errors\"]==%ld and d[\"warnings\"]==%ld, "
		       "d'",
		       profilec_path(), errors, warnings);
		ck_assert_msg(r.status == 0, "%s", r.err);
		run_free(&r);
	}
	run_profilec(&r, "validate", "--format=github", "tests/cases/unknown-ref.xml", NULL);
	ck_assert_int_eq(r.status, 1);
	ck_assert_ptr_nonnull(
		strstr(r.out, "::error file=tests/cases/unknown-ref.xml,line=10,col=7,title=unknown-ref::"));
	run_free(&r);
}
END_TEST

START_TEST(usage_errors_exit_2)
{
	pc_run r;
	run_profilec(&r, NULL);
	ck_assert_int_eq(r.status, 2);
	run_free(&r);
	run_profilec(&r, "frobnicate", NULL);
	ck_assert_int_eq(r.status, 2);
	run_free(&r);
	run_profilec(&r, "validate", "--no-such-option", "sources/ro.xml", NULL);
	ck_assert_int_eq(r.status, 2);
	ck_assert_ptr_nonnull(strstr(r.err, "unknown option --no-such-option"));
	run_free(&r);
	run_profilec(&r, "validate", NULL);
	ck_assert_int_eq(r.status, 2);
	run_free(&r);
	run_profilec(&r, "build", "--formats=pdf", "sources/ro.xml", NULL);
	ck_assert_int_eq(r.status, 2);
	run_free(&r);
	run_profilec(&r, "build", "--base-iri=http://bad iri/", "sources/ro.xml", NULL);
	ck_assert_int_eq(r.status, 2);
	run_free(&r);
	run_profilec(&r, "build", "--jobs=0", "sources/ro.xml", NULL);
	ck_assert_int_eq(r.status, 2);
	run_free(&r);
	run_profilec(&r, "validate", "--max-depth=zero", "sources/ro.xml", NULL);
	ck_assert_int_eq(r.status, 2);
	run_free(&r);
	run_profilec(&r, "--help", NULL);
	ck_assert_int_eq(r.status, 0);
	ck_assert_ptr_nonnull(strstr(r.out, "profilec validate"));
	ck_assert_ptr_nonnull(strstr(r.out, "--max-size"));
	run_free(&r);
	run_profilec(&r, "--version", NULL);
	ck_assert_int_eq(r.status, 0);
	ck_assert_ptr_nonnull(strstr(r.out, "profilec "));
	run_free(&r);
	run_profilec(&r, "validate", "no/such/file.xml", NULL);
	ck_assert_int_eq(r.status, 1);
	ck_assert_ptr_nonnull(strstr(r.err, "no/such/file.xml: error: cannot open"));
	run_free(&r);
	/* An option's value missing at the end of the line. */
	run_profilec(&r, "build", "sources/ro.xml", "--formats", NULL);
	ck_assert_int_eq(r.status, 2);
	ck_assert_ptr_nonnull(strstr(r.err, "--formats needs a list of formats"));
	run_free(&r);
	run_profilec(&r, "build", "-o", "--werror", "sources/ro.xml", NULL);
	ck_assert_int_eq(r.status, 2);
	ck_assert_ptr_nonnull(strstr(r.err, "-o needs a directory"));
	run_free(&r);
	run_profilec(&r, "build", "sources/ro.xml", "--publisher", NULL);
	ck_assert_int_eq(r.status, 2);
	ck_assert_ptr_nonnull(strstr(r.err, "--publisher needs a name"));
	run_free(&r);
	run_profilec(&r, "validate", "--format", "yaml", "sources/ro.xml", NULL);
	ck_assert_int_eq(r.status, 2);
	ck_assert_ptr_nonnull(strstr(r.err, "--format wants text, json, github or sarif: 'yaml'"));
	run_free(&r);
}
END_TEST

/* "--name VALUE" is "--name=VALUE", as in most command-line tools. */
START_TEST(options_take_separate_values)
{
	char *a = pc_asprintf("%s/a", test_tmp), *b = pc_asprintf("%s/b", test_tmp);
	pc_run r;
	run_profilec(&r, "build", "--formats=csv", "--jobs=1", "--base-iri=https://x.example/id/", "--output=", NULL);
	ck_assert_int_eq(r.status, 2);
	run_free(&r);
	run_profilec(&r, "build", "--formats=csv,jsonld", "--jobs=2", "--base-iri=https://x.example/id/",
		     "--max-size=1000000", "--output", a, "sources/ro.xml", NULL);
	ck_assert_msg(r.status == 0, "%s", r.err);
	run_free(&r);
	run_profilec(&r, "build", "--formats", "csv,jsonld", "-j", "2", "--base-iri", "https://x.example/id/",
		     "--max-size", "1000000", "-o", b, "sources/ro.xml", NULL);
	ck_assert_msg(r.status == 0, "%s", r.err);
	run_free(&r);
	run_sh(&r, "diff -r '%s' '%s' && test -f '%s/ro/ro.jsonld' && test ! -e '%s/ro/ro.xlsx'", a, b, b, b);
	ck_assert_msg(r.status == 0, "%s%s", r.out, r.err);
	run_free(&r);
	run_profilec(&r, "validate", "--format", "json", "sources/ro.xml", NULL);
	ck_assert_int_eq(r.status, 0);
	ck_assert_ptr_nonnull(strstr(r.out, "\"rule\""));
	run_free(&r);
	free(a);
	free(b);
}
END_TEST

Suite *
suite_core(void)
{
	Suite *s = suite_create("core");
	TCase *unit = tcase_create("unit");
	tcase_add_test(unit, fold_key_matches_name_forms);
	tcase_add_test(unit, fold_space_collapses_and_trims);
	tcase_add_test(unit, sha256_known_vectors);
	tcase_add_test(unit, strtab_interns_once);
	suite_add_tcase(s, unit);
	TCase *cli = tcase_create("cli");
	tcase_set_timeout(cli, 120);
	tcase_add_test(cli, golden_dump_ro);
	tcase_add_test(cli, golden_dump_xa);
	tcase_add_test(cli, ro_counts_match_the_profile);
	tcase_add_test(cli, ro_one_person_per_author);
	tcase_add_test(cli, ro_validates_with_quality_warnings);
	tcase_add_test(cli, sources_pass_xmllint);
	tcase_add_test(cli, validate_formats);
	tcase_add_test(cli, usage_errors_exit_2);
	suite_add_tcase(s, cli);
	case_names = list_names("tests/cases", ".xml", &n_cases);
	TCase *cases = tcase_create("cases");
	tcase_set_timeout(cases, 60);
	tcase_add_checked_fixture(cases, test_tmp_setup, test_tmp_teardown);
	tcase_add_loop_test(cases, case_matches_expectation, 0, n_cases >= 10 ? (int)n_cases : 1);
	suite_add_tcase(s, cases);
	TCase *options = tcase_create("options");
	tcase_set_timeout(options, 120);
	tcase_add_checked_fixture(options, test_tmp_setup, test_tmp_teardown);
	tcase_add_test(options, options_take_separate_values);
	suite_add_tcase(s, options);
	return s;
}
