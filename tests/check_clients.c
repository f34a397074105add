/* The products in the clients people use: Ace by DAISY on every book, LibreOffice on every workbook, jsonld.js on the catalog. */
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

/* 1 when the client at path is there. When it is not, the test fails in CI
 * (CI=true), where a missing client is a broken bootstrap, and is skipped
 * on a developer's machine, saying so: never a silent pass. */
static int
client_ready(const char *name, const char *path)
{
	if (access(path, X_OK) == 0)
		return 1;
	const char *ci = getenv("CI");
	ck_assert_msg(!(ci && strcmp(ci, "true") == 0), "%s is not installed (%s): `make check` installs it", name,
		      path);
	fprintf(stderr, "SKIP: %s is not installed (%s); `make check` installs it, CI=true fails without it\n", name,
		path);
	return 0;
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
	       "python3 '%s/tests/clients/ace_report.py' *.ace",
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
	suite_add_tcase(s, tc);
	return s;
}
