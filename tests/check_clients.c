/* The products in the clients people use: Ace by DAISY on every book, LibreOffice on every workbook, jsonld.js on the
 * catalog. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../compiler/alloc.h"
#include "testutil.h"

#define CHROMIUM "/usr/bin/chromium"

/* Where `make deps-clients` installed the npm clients. */
static char *
client_path(const char *rel)
{
	const char *dir = getenv("PROFILEC_CLIENTS");
	return pc_asprintf("%s/%s", dir && *dir ? dir : ".build/clients", rel);
}

/* 1 when the client at path is there; else the test fails in CI (a
 * missing client is a broken bootstrap there) and is skipped, saying so,
 * on a developer's machine (tool_missing): never a silent pass. */
static int
client_ready(const char *name, const char *path)
{
	char *why = pc_asprintf("%s is not installed (%s): `make check` installs it", name, path);
	int missing = tool_missing(name, access(path, F_OK) == 0, why);
	free(why);
	return !missing;
}

/* ---- Ace by DAISY ------------------------------------------------------- */

/* Every book make check builds: outcome pass, no violation at all. One Ace
 * run per book, two at a time (each starts a Chromium). */
START_TEST(ace_finds_no_violation)
{
	char *ace = client_path("node_modules/.bin/ace-cli");
	if (!client_ready("Ace by DAISY", ace) || !client_ready("chromium", CHROMIUM)) {
		free(ace);
		return;
	}
	char *books = pc_asprintf("%s/books", test_tmp);
	ck_assert_int_eq(mkdir(books, 0777), 0);
	int built = build_every_source(books, "epub");
	ck_assert_int_ge(built, 4);
	char cwd[4096];
	ck_assert_ptr_nonnull(getcwd(cwd, sizeof cwd));
	pc_run r;
	run_sh(&r,
	       "cd '%s' && ls *.epub | PUPPETEER_EXECUTABLE_PATH=%s xargs -P 2 -I{} sh -c "
	       "\"'%s' -s -o {}.ace {} >{}.log 2>&1 || { echo 'Ace failed on {}:'; tail -20 {}.log; }\"; "
	       "/usr/bin/python3 '%s/tests/clients/ace_report.py' *.ace",
	       books, CHROMIUM, ace, cwd);
	ck_assert_msg(r.status == 0, "Ace by DAISY:\n%.6000s%.1000s", r.out, r.err);
	int passed = 0;
	for (const char *p = r.out; (p = strstr(p, ": pass, 0 violation")) != NULL; p++)
		passed++;
	ck_assert_int_eq(passed, built);
	run_free(&r);
	free(books);
	free(ace);
}
END_TEST

/* ---- LibreOffice on the workbooks --------------------------------------- */

/* The workbook of the profile and of every fixture, and the world's of
 * them all, opened by LibreOffice Calc: every sheet equal to its CSV,
 * booleans shown TRUE/FALSE, and no row of wrapped text lower than its
 * text needs (tests/clients/xlsx_lo_check.py). One conversion per workbook. */
START_TEST(libreoffice_reads_every_sheet)
{
	if (!client_ready("LibreOffice (libreoffice-calc-nogui)", "/usr/bin/soffice"))
		return;
	pc_run r;
	run_sh(&r,
	       "n=0; for src in sources/*.xml tests/fixtures/*.xml; do n=$((n+1)); out='%s'/b$n; "
	       "%s '%s' build -o \"$out\" --formats=xlsx,csv \"$src\" 2>/dev/null || { echo \"build $src failed\"; "
	       "continue; }; for x in \"$out\"/*/*.xlsx; do mkdir -p \"$out.lo\"; "
	       "/usr/bin/python3 tests/clients/xlsx_lo_check.py \"$x\" \"$(dirname \"$x\")/csv\" \"$out.lo\" "
	       "|| echo \"FAILED: $src\"; done; done; out='%s'/world; "
	       "%s '%s' build -o \"$out\" --formats=xlsx,csv sources/*.xml tests/fixtures/*.xml 2>/dev/null && "
	       "mkdir \"$out.lo\" && /usr/bin/python3 tests/clients/xlsx_lo_check.py \"$out/world/world.xlsx\" "
	       "\"$out/world/csv\" \"$out.lo\" || echo 'FAILED: the world workbook'",
	       test_tmp, getenv("PROFILEC_WRAPPER") ? getenv("PROFILEC_WRAPPER") : "", profilec_path(), test_tmp,
	       getenv("PROFILEC_WRAPPER") ? getenv("PROFILEC_WRAPPER") : "", profilec_path());
	ck_assert_msg(r.status == 0 && strstr(r.out, "FAILED") == NULL && strstr(r.out, "failed") == NULL,
		      "LibreOffice:\n%.6000s%.1000s", r.out, r.err);
	ck_assert_msg(strstr(r.out, "ok: ") != NULL, "%s", r.out);
	run_free(&r);
}
END_TEST

/* ---- jsonld.js on the catalog ------------------------------------------ */

/* Built with --base-url and --license, the catalog survives a harvester's
 * JSON-LD processor in safe mode with no base IRI: every distribution keeps
 * its download URL; licence, issue date and publisher are there. Without
 * --base-url the same reading fails (the links are relative), and the build
 * says so in a note that --werror leaves a note. */
START_TEST(jsonld_js_harvests_the_catalog)
{
	char *modules = client_path("node_modules");
	char *lib = client_path("node_modules/jsonld/package.json");
	int ready = client_ready("node", "/usr/bin/node") && client_ready("jsonld.js", lib);
	free(lib);
	if (!ready) {
		free(modules);
		return;
	}
	pc_run r;
	run_profilec(&r, "build", "-o", test_tmp, "--base-url=https://data.example.org/profiles/",
		     "--license=CC-BY-4.0", "--publisher=Xanadia Data Office", "tests/cases/csv-quoting.xml",
		     "tests/fixtures/xa.xml", NULL);
	ck_assert_msg(r.status == 0, "exit %d: %s", r.status, r.err);
	ck_assert_ptr_null(strstr(r.err, "[catalog-"));
	run_free(&r);
	run_sh(&r, "NODE_PATH='%s' node tests/clients/catalog_check.js '%s/catalog.jsonld'", modules, test_tmp);
	ck_assert_msg(r.status == 0 && strstr(r.out, "ok: 3 datasets") != NULL, "jsonld.js: %s%s", r.out, r.err);
	run_free(&r);
	/* The data package: the licence, and years typed as years. */
	char *licensed = read_file_in(test_tmp, "xa/csv/datapackage.json", NULL);
	ck_assert_ptr_nonnull(
		strstr(licensed,
		       "\"licenses\": [{\"name\": \"CC-BY-4.0\", \"path\": \"http://spdx.org/licenses/CC-BY-4.0\"}]"));
	ck_assert_ptr_nonnull(strstr(licensed, "\"type\": \"year\""));
	ck_assert_ptr_nonnull(strstr(licensed, "\"type\": \"yearmonth\""));
	free(licensed);

	char *bare = pc_asprintf("%s/bare", test_tmp);
	run_profilec(&r, "build", "-o", bare, "--werror", "tests/cases/csv-quoting.xml", NULL);
	ck_assert_msg(r.status == 0, "notes fail a --werror build: %s", r.err);
	ck_assert_ptr_nonnull(strstr(r.err, "note: the catalog's download links are relative"));
	ck_assert_ptr_nonnull(strstr(r.err, "[catalog-no-license]"));
	run_free(&r);
	run_sh(&r, "NODE_PATH='%s' node tests/clients/catalog_check.js '%s/catalog.jsonld'", modules, bare);
	ck_assert_msg(r.status == 1 && strstr(r.out, "Relative object reference") != NULL, "jsonld.js: %s%s", r.out,
		      r.err);
	run_free(&r);
	/* No licence was given: none is stated. */
	char *pkg = read_file_in(bare, "xb/csv/datapackage.json", NULL);
	ck_assert_ptr_null(strstr(pkg, "licenses"));
	free(pkg);
	free(bare);
	free(modules);
}
END_TEST

Suite *
suite_clients(void)
{
	Suite *s = suite_create("clients");
	/* The products are the same under the sanitizers: `make asan` does
	 * not run the clients again. */
	if (getenv("PROFILEC_SANITIZED"))
		return s;
	TCase *tc = tcase_create("clients");
	tcase_add_checked_fixture(tc, test_tmp_setup, test_tmp_teardown);
	tcase_set_timeout(tc, 900);
	tcase_add_test(tc, ace_finds_no_violation);
	tcase_add_test(tc, jsonld_js_harvests_the_catalog);
	tcase_add_test(tc, libreoffice_reads_every_sheet);
	suite_add_tcase(s, tc);
	return s;
}
