/* The editor's loop: diagnostics in order and once, the nearest word. */
#include <check.h>
#include <glob.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../compiler/alloc.h"
#include "../compiler/diag.h"
#include "../compiler/fixit.h"
#include "testutil.h"

START_TEST(diag_sort_orders_and_dedups)
{
	pc_diag d;
	pc_diag_init(&d);
	pc_diag_report(&d, PC_SEV_ERROR, "b.xml", 3, 1, "schema", "late file");
	pc_diag_report(&d, PC_SEV_ERROR, "a.xml", 9, 2, "schema", "nine");
	pc_diag_report(&d, PC_SEV_ERROR, "a.xml", 2, 7, "bad-number", "\"1,0\" is not a number");
	pc_diag_report(&d, PC_SEV_WARNING, NULL, 0, 0, "source-date-epoch", "no file");
	pc_diag_report(&d, PC_SEV_ERROR, "a.xml", 2, 7, "schema", "'1,0' is not a decimal");
	pc_diag_report(&d, PC_SEV_ERROR, "a.xml", 9, 2, "schema", "nine");
	pc_diag_report(&d, PC_SEV_ERROR, "a.xml", 9, 2, "formula-trigger", "also nine");
	pc_diag_report(&d, PC_SEV_ERROR, "z.xml", 1, 1, "malformed", "first");
	pc_diag_report(&d, PC_SEV_ERROR, "z.xml", 1, 1, "malformed", "cascade");
	pc_diag_report(&d, PC_SEV_ERROR, "c.xml", 1, 1, "io", "not in the list");
	const char *files[] = {"z.xml", "a.xml", "b.xml"};
	pc_diag_sort(&d, 0, files, 3);
	const char *want[][2] = {
		{NULL, "no file"},      {"z.xml", "first"},     {"a.xml", "'1,0' is not a decimal"}, {"a.xml", "nine"},
		{"a.xml", "also nine"}, {"b.xml", "late file"}, {"c.xml", "not in the list"}};
	ck_assert_uint_eq(d.n_items, 7);
	for (size_t i = 0; i < 7; i++) {
		ck_assert_str_eq(d.items[i].message, want[i][1]);
		if (want[i][0])
			ck_assert_str_eq(d.items[i].file, want[i][0]);
		else
			ck_assert_ptr_null(d.items[i].file);
	}
	ck_assert_uint_eq(d.n_errors, 6);
	ck_assert_uint_eq(d.n_warnings, 1);
	pc_diag_free(&d);
}
END_TEST

START_TEST(nearest_word)
{
	const char *const roles[] = {"organizer", "funder", "partner", "subject"};
	ck_assert_str_eq(pc_nearest("funderr", roles, 4), "funder");
	ck_assert_str_eq(pc_nearest("Partner", roles, 4), "partner");
	ck_assert_str_eq(pc_nearest("organiser", roles, 4), "organizer");
	ck_assert_ptr_null(pc_nearest("zzz", roles, 4));
	ck_assert_ptr_null(pc_nearest("funder", roles, 4)); /* nothing to suggest when it is right */
	const char *const themes[] = {"education-ict", "child-protection"};
	ck_assert_str_eq(pc_nearest("education", themes, 2), "education-ict");
}
END_TEST

/* validate is the CI gate of a release: whatever it accepts, build must
 * build. Every case, fixture and source, all formats. */
START_TEST(validate_ok_means_build_ok)
{
	glob_t gl;
	ck_assert_int_eq(glob("tests/cases/*.xml", 0, NULL, &gl), 0);
	ck_assert_int_eq(glob("tests/fixtures/*.xml", GLOB_APPEND, NULL, &gl), 0);
	ck_assert_int_eq(glob("sources/*.xml", GLOB_APPEND, NULL, &gl), 0);
	size_t valid = 0, refused = 0;
	for (size_t i = 0; i < gl.gl_pathc; i++) {
		const char *src = gl.gl_pathv[i];
		pc_run r;
		run_profilec(&r, "validate", src, NULL);
		int v = r.status;
		run_free(&r);
		char *out = pc_asprintf("%s/out-%zu", test_tmp, i);
		run_profilec(&r, "build", "-o", out, src, NULL);
		if (v == 0) {
			ck_assert_msg(r.status == 0, "%s: validate exit 0, build exit %d:\n%s", src, r.status, r.err);
			valid++;
		} else {
			ck_assert_msg(r.status != 0, "%s: validate exit %d, build exit 0", src, v);
			refused++;
		}
		run_free(&r);
		free(out);
	}
	globfree(&gl);
	/* Both sides were exercised, and the limit case is among the refused. */
	ck_assert_uint_ge(valid, 3);
	ck_assert_uint_ge(refused, 10);
}
END_TEST

#define SARIF_SCHEMA "tests/sarif/sarif-schema-2.1.0.json"

/* validate --format=sarif against the OASIS schema and GitHub's needs:
 * errors and warnings, several files, a path given absolute. */
START_TEST(sarif_validates_against_the_schema)
{
	pc_run r;
	run_sh(&r, "/usr/bin/python3 -c 'import jsonschema'");
	int present = r.status == 0;
	run_free(&r);
	if (tool_missing("sarif_validates_against_the_schema", present, "python3-jsonschema"))
		return;
	char *out = pc_asprintf("%s/out.sarif", test_tmp);
	run_sh(&r,
	       "%s validate --format=sarif tests/cases/multi-error.xml \"$PWD/tests/cases/unknown-ref.xml\" "
	       "sources/ro.xml > '%s'",
	       profilec_path(), out);
	ck_assert_int_eq(r.status, 1); /* invalid sources: exit 1, the log still whole */
	run_free(&r);
	run_sh(&r, "/usr/bin/python3 tests/sarif_check.py " SARIF_SCHEMA " '%s'", out);
	ck_assert_msg(r.status == 0, "%s", r.err);
	run_free(&r);
	char *sarif = read_file(out, NULL);
	ck_assert_ptr_nonnull(strstr(sarif, "\"ruleId\": \"formula-trigger\""));
	ck_assert_ptr_nonnull(
		strstr(sarif, "{\"uri\": \"tests/cases/unknown-ref.xml\", \"uriBaseId\": \"%SRCROOT%\"}"));
	ck_assert_ptr_nonnull(strstr(sarif, "\"region\": {\"startLine\": 7, \"startColumn\": 5}"));
	free(sarif);
	/* The checker refuses a broken log: a level SARIF does not have. */
	run_sh(&r,
	       "sed 's/\"level\": \"error\"/\"level\": \"fatal\"/' '%s' > '%s.bad' && /usr/bin/python3 "
	       "tests/sarif_check.py " SARIF_SCHEMA " '%s.bad'",
	       out, out, out);
	ck_assert_int_eq(r.status, 1);
	run_free(&r);
	/* A clean source: a run with the rules and no result. */
	run_sh(&r,
	       "%s validate --format=sarif tests/fixtures/xa.xml > '%s' && /usr/bin/python3 "
	       "tests/sarif_check.py " SARIF_SCHEMA " '%s'",
	       profilec_path(), out, out);
	ck_assert_msg(r.status == 0, "%s", r.err);
	run_free(&r);
	free(out);
}
END_TEST

#define XD_OLD "tests/diff/xd-old.xml"
#define XD_NEW "tests/diff/xd-new.xml"

/* The golden outputs of every format; exit 1 when the two differ. */
START_TEST(diff_matches_golden)
{
	const char *formats[][2] = {{"text", "txt"}, {"markdown", "md"}, {"json", "json"}};
	for (size_t i = 0; i < 3; i++) {
		char *opt = pc_asprintf("--format=%s", formats[i][0]);
		pc_run r;
		run_profilec(&r, "diff", opt, XD_OLD, XD_NEW, NULL);
		ck_assert_msg(r.status == 1, "diff %s: exit %d: %s", opt, r.status, r.err);
		char *golden_path = pc_asprintf("tests/diff/xd.diff.%s", formats[i][1]);
		char *golden = read_file(golden_path, NULL);
		ck_assert_ptr_nonnull(golden);
		ck_assert_msg(strcmp(r.out, golden) == 0, "%s differs from:\n%s", golden_path, r.out);
		free(golden);
		free(golden_path);
		free(opt);
		run_free(&r);
	}
	/* every kind is in the golden text */
	char *text = read_file("tests/diff/xd.diff.txt", NULL);
	const char *want[] = {"country xd: changed",
			      "indicator ind-broadband: added",
			      "indicator ind-mobile-subscribers: removed",
			      "source src-xanadia-statistics-office: changed",
			      "event ev-2023-awareness-week: added",
			      "actor cyber-unit: removed",
			      "    name: \"Bright Future Fund\" -> \"Bright Future Foundation\"",
			      "    max_value: \"8\" -> \"10\"",
			      "threshold thr-age-of-consent: changed",
			      "instrument act-12-2018: changed",
			      "article act-12-2018-art-4: changed",
			      "publication pub-2021-online-safety-in-xanadia-second-edition: changed",
			      "authorships pub-2021-online-safety-in-xanadia-second-edition / 2: added",
			      "merge disappeared: decision publication pub-2019-online-safety-in-xanadia merged=",
			      "event ev-2012-industry-code: removed",
			      "publication pub-2024-parents-online: added",
			      "publication pub-2010-children-and-phones: removed",
			      "instrument act-3-2024: added",
			      "instrument decree-7-2016: removed",
			      "article act-3-2024-art-9: added",
			      "article decree-7-2016-art-2: removed",
			      "threshold thr-digital-consent: added",
			      "threshold thr-marriage-age-with-consent: removed",
			      "source src-telecom-regulator: added",
			      "source src-old-survey: removed",
			      "person person-kumar-ravi: added",
			      "person person-berg-tomas: removed",
			      "person anna-olafsdottir: changed",
			      "themes civil-society: added",
			      "themes industry: removed",
			      "themes child-protection: changed",
			      "part act-3-2024-chapter-4: added",
			      "part decree-7-2016-chapter-3: removed",
			      "merge appeared: decision publication pub-2019-online-safety-in-xanadia-part-2 "
			      "near_duplicate_of=pub-2019-online-safety-in-xanadia"};
	for (size_t i = 0; i < sizeof want / sizeof *want; i++)
		ck_assert_msg(strstr(text, want[i]) != NULL, "no '%s' in the text diff", want[i]);
	free(text);
	pc_run r;
	run_sh(&r, "%s diff --format=json " XD_OLD " " XD_NEW " | /usr/bin/python3 -m json.tool > /dev/null",
	       profilec_path());
	ck_assert_int_eq(r.status, 0);
	run_free(&r);
}
END_TEST

/* A changed author list is one field of its publication, in order, with
 * a role other than author in brackets; a removed publication shows the
 * list it had. Added and removed rows print no empty field. */
START_TEST(diff_author_list_is_one_field)
{
	const char *old =
		"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		"<profile xmlns=\"urn:profilec:profile:1\" version=\"1.1\" lang=\"en\" modified=\"2026-11-28\">\n"
		"  <country code=\"XF\"><name>Fictland</name></country>\n"
		"  <research>\n"
		"    <publication id=\"pub-a\" year=\"2020\" kind=\"report\">\n"
		"      <title>Children Online in Fictland</title>\n"
		"      <authors><person family=\"Tupou\" given=\"Mele\">Mele Tupou</person><person family=\"Horvat\" "
		"given=\"Ivo\">Ivo Horvat</person></authors>\n"
		"    </publication>\n"
		"    <publication id=\"pub-b\" year=\"2021\" kind=\"report\">\n"
		"      <title>Safer Schools</title>\n"
		"      <authors><person family=\"Ngata\" given=\"Aroha\">Aroha Ngata</person></authors>\n"
		"    </publication>\n"
		"  </research>\n"
		"</profile>\n";
	const char *new =
		"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		"<profile xmlns=\"urn:profilec:profile:1\" version=\"1.1\" lang=\"en\" modified=\"2026-11-28\">\n"
		"  <country code=\"XF\"><name>Fictland</name></country>\n"
		"  <research>\n"
		"    <publication id=\"pub-a\" year=\"2020\" kind=\"report\">\n"
		"      <title>Children Online in Fictland</title>\n"
		"      <authors><person family=\"Tupou\" given=\"Mele\">Mele Tupou</person><person family=\"Horvat\" "
		"given=\"Ivo\">Ivo Horvat</person><person family=\"Yılmaz\" given=\"Şebnem\" role=\"editor\">Şebnem "
		"Yılmaz</person></authors>\n"
		"    </publication>\n"
		"  </research>\n"
		"</profile>\n";
	char *a = write_tmp_file("old.xml", old), *b = write_tmp_file("new.xml", new);
	pc_run r;
	run_profilec(&r, "diff", a, b, NULL);
	ck_assert_msg(r.status == 1, "exit %d: %s", r.status, r.err);
	ck_assert_ptr_nonnull(strstr(r.out, "publication pub-a: changed\n"
					    "    authors: \"Mele Tupou; Ivo Horvat\" -> "
					    "\"Mele Tupou; Ivo Horvat; \u015eebnem Y\u0131lmaz (editor)\"\n"
					    "publication pub-b: removed\n"));
	ck_assert_ptr_nonnull(strstr(r.out, "    authors: \"Aroha Ngata\" -> (none)\n"));
	ck_assert_ptr_null(strstr(r.out, "\"\" -> (none)"));
	ck_assert_ptr_null(strstr(r.out, "(none) -> \"\""));
	run_free(&r);
	free(a);
	free(b);
}
END_TEST

START_TEST(diff_same_and_trouble)
{
	pc_run r;
	/* A file with itself, and the same profile in another file. */
	run_profilec(&r, "diff", XD_NEW, XD_NEW, NULL);
	ck_assert_int_eq(r.status, 0);
	ck_assert_str_eq(r.out, "");
	run_free(&r);
	run_sh(&r, "cp " XD_OLD " '%s/copy.xml' && %s diff --format=markdown " XD_OLD " '%s/copy.xml'", test_tmp,
	       profilec_path(), test_tmp);
	ck_assert_int_eq(r.status, 0);
	ck_assert_str_eq(r.out, "");
	run_free(&r);
	/* A file that does not validate: its diagnostics, exit 2. */
	run_profilec(&r, "diff", "tests/cases/unknown-ref.xml", XD_NEW, NULL);
	ck_assert_int_eq(r.status, 2);
	ck_assert_ptr_nonnull(strstr(r.err, "[unknown-ref]"));
	ck_assert_str_eq(r.out, "");
	run_free(&r);
	run_profilec(&r, "diff", XD_OLD, "no/such.xml", NULL);
	ck_assert_int_eq(r.status, 2);
	run_free(&r);
	/* Bad usage: exit 2. */
	run_profilec(&r, "diff", XD_OLD, NULL);
	ck_assert_int_eq(r.status, 2);
	run_free(&r);
	run_profilec(&r, "diff", "--format=yaml", XD_OLD, XD_NEW, NULL);
	ck_assert_int_eq(r.status, 2);
	run_free(&r);
	run_profilec(&r, "diff", XD_OLD, XD_NEW, XD_NEW, NULL);
	ck_assert_int_eq(r.status, 2);
	run_free(&r);
}
END_TEST

/* make install DESTDIR=tmp: the binary validates from another directory,
 * the schema, guide and man pages are in place, both pages are clean
 * under mandoc -Tlint; make uninstall takes it all back. */
START_TEST(install_and_uninstall)
{
	pc_run r;
	run_sh(&r, "command -v mandoc");
	int have_mandoc = r.status == 0;
	run_free(&r);
	run_sh(&r, "make -s install DESTDIR='%s/stage' PREFIX=/usr/local 2>&1", test_tmp);
	ck_assert_msg(r.status == 0, "make install: %s", r.out);
	run_free(&r);
	const char *files[] = {
		"bin/profilec",          "share/profilec/profile.xsd", "share/profilec/README.md",
		"share/profilec/xa.xml", "share/man/man1/profilec.1",  "share/man/man5/profilec-format.5"};
	for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
		char *p = pc_asprintf("%s/stage/usr/local/%s", test_tmp, files[i]);
		ck_assert_msg(access(p, R_OK) == 0, "not installed: %s", p);
		free(p);
	}
	run_sh(&r, "cd / && '%s/stage/usr/local/bin/profilec' validate \"$OLDPWD/tests/fixtures/xa.xml\"", test_tmp);
	ck_assert_msg(r.status == 0, "installed profilec: %s", r.err);
	run_free(&r);
	if (!tool_missing("install_and_uninstall", have_mandoc, "mandoc")) {
		/* Every level, style included; a page the staged tree has but
		 * the system's man path does not is no fault of ours. */
		run_sh(&r,
		       "mandoc -Tlint '%s/stage/usr/local/share/man/man1/profilec.1' "
		       "'%s/stage/usr/local/share/man/man5/profilec-format.5' 2>&1 "
		       "| grep -v -e 'outdated mandoc.db' -e 'referenced manual not found'",
		       test_tmp, test_tmp);
		ck_assert_msg(r.out[0] == '\0', "mandoc -Tlint:\n%s", r.out);
		run_free(&r);
	}
	run_sh(&r, "make -s uninstall DESTDIR='%s/stage' PREFIX=/usr/local 2>&1 && find '%s/stage' -type f", test_tmp,
	       test_tmp);
	ck_assert_msg(r.status == 0 && r.out[0] == '\0', "left after uninstall:\n%s", r.out);
	run_free(&r);
}
END_TEST

/* --help and profilec(1) list the same options. */
START_TEST(help_and_man_page_agree)
{
	pc_run r;
	run_sh(&r,
	       "%s --help > '%s/help.txt' && /usr/bin/python3 tests/man_options.py '%s/help.txt' compiler/profilec.1",
	       profilec_path(), test_tmp, test_tmp);
	ck_assert_msg(r.status == 0, "%s", r.err);
	run_free(&r);
	/* The comparison notices a missing option. */
	run_sh(&r,
	       "grep -v 'Fl -werror' compiler/profilec.1 > '%s/short.1' && /usr/bin/python3 tests/man_options.py "
	       "'%s/help.txt' '%s/short.1'",
	       test_tmp, test_tmp, test_tmp);
	ck_assert_int_eq(r.status, 1);
	ck_assert_ptr_nonnull(strstr(r.err, "--werror"));
	run_free(&r);
}
END_TEST

/* The README's CI recipe, its commands on the fixture pair. */
START_TEST(ci_recipe_commands)
{
	char *readme = read_file("README.md", NULL);
	ck_assert_ptr_nonnull(readme);
	const char *lines[] = {"profilec validate --format=github sources/*.xml",
			       "profilec validate --format=sarif sources/*.xml > profilec.sarif",
			       "profilec diff --format=markdown /tmp/old.xml \"$f\" >> comment.md",
			       "make -C /tmp/profilec install PREFIX=/usr/local"};
	for (size_t i = 0; i < sizeof lines / sizeof *lines; i++)
		ck_assert_msg(strstr(readme, lines[i]) != NULL, "README's recipe lacks: %s", lines[i]);
	free(readme);
	pc_run r;
	/* Two profiles of a repository (two versions of one would be one country twice). */
	run_sh(&r, "%s validate --format=github " XD_OLD " tests/fixtures/xb.xml", profilec_path());
	ck_assert_int_eq(r.status, 0);
	ck_assert_ptr_nonnull(strstr(r.out, "::warning file=tests/diff/xd-old.xml,line="));
	run_free(&r);
	run_sh(&r,
	       "%s validate --format=sarif " XD_OLD
	       " tests/fixtures/xb.xml > '%s/p.sarif'; /usr/bin/python3 -m json.tool "
	       "'%s/p.sarif' > /dev/null",
	       profilec_path(), test_tmp, test_tmp);
	ck_assert_int_eq(r.status, 0);
	run_free(&r);
	/* The comment step itself, as GitHub runs it (bash -eo pipefail), in a
	 * repository whose pull request changes one profile, adds one and
	 * removes one. */
	run_sh(&r,
	       "set -e; top=$PWD; cd '%s'; mkdir repo; cd repo; g() { git -c user.name=t -c user.email=t@t \"$@\"; }; "
	       "g init -q; mkdir sources; cp \"$top/\"" XD_OLD " sources/xd.xml; "
	       "cp \"$top/tests/fixtures/xa.xml\" sources/xa.xml; g add .; g commit -qm base; "
	       "g update-ref refs/remotes/origin/main HEAD; cp \"$top/\"" XD_NEW " sources/xd.xml; "
	       "git rm -q sources/xa.xml; cp \"$top/tests/fixtures/xb.xml\" sources/xb.xml; g add .; "
	       "g commit -qm change; "
	       "sed -n '/- name: what the change does/,/- name: post the comparison/p' \"$top/README.md\" "
	       "| sed '1,3d;$d' | sed 's/^          //; s/${{ github.base_ref }}/main/; s#/tmp/old.xml#old.xml#g' > "
	       "step.sh; "
	       "PATH=\"$(dirname '%s'):$PATH\" bash --noprofile --norc -eo pipefail step.sh",
	       test_tmp, profilec_path());
	ck_assert_msg(r.status == 0, "the README's comment step failed (%d): %s%s", r.status, r.out, r.err);
	run_free(&r);
	char *path = pc_asprintf("%s/repo/comment.md", test_tmp);
	char *md = read_file(path, NULL);
	ck_assert_ptr_nonnull(md);
	ck_assert_msg(strstr(md, "### profilec diff: `old.xml`") != NULL && strstr(md, "Republic of Xanadia") &&
			      strstr(md, "### `sources/xb.xml`: a new profile") &&
			      strstr(md, "### `sources/xa.xml`: profile removed"),
		      "%s", md);
	free(md);
	free(path);
}
END_TEST

Suite *
suite_editor(void)
{
	Suite *s = suite_create("editor");
	TCase *t = tcase_create("diagnostics");
	tcase_add_test(t, diag_sort_orders_and_dedups);
	tcase_add_test(t, nearest_word);
	suite_add_tcase(s, t);
	TCase *agree = tcase_create("validate-build");
	tcase_add_checked_fixture(agree, test_tmp_setup, test_tmp_teardown);
	tcase_set_timeout(agree, 300);
	tcase_add_test(agree, validate_ok_means_build_ok);
	tcase_add_test(agree, sarif_validates_against_the_schema);
	tcase_add_test(agree, diff_matches_golden);
	tcase_add_test(agree, diff_author_list_is_one_field);
	tcase_add_test(agree, diff_same_and_trouble);
	tcase_add_test(agree, install_and_uninstall);
	tcase_add_test(agree, help_and_man_page_agree);
	tcase_add_test(agree, ci_recipe_commands);
	suite_add_tcase(s, agree);
	return s;
}
