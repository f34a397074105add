/* Output faults: every failed build exits 3, names the path and the cause,
 * leaves the previous output byte for byte as it was, and no temporary file. */
#include <check.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../compiler/alloc.h"
#include "testutil.h"

static char *tmp, *dist;

static void
setup(void)
{
	tmp = make_tmpdir();
	ck_assert_ptr_nonnull(tmp);
	chmod(tmp, 0755); /* the unprivileged case must reach inside */
	dist = pc_asprintf("%s/dist", tmp);
	pc_run r;
	run_profilec(&r, "build", "-o", dist, "sources/ro.xml", NULL);
	ck_assert_msg(r.status == 0, "the first build failed: %s", r.err);
	run_free(&r);
}

static void
teardown(void)
{
	rm_tree(tmp);
	free(tmp);
	free(dist);
}

/* A failed build: exit 3, a message naming `path` and `cause`, dist as before. */
static void
expect_fault(const pc_run *r, const char *before, const char *path, const char *cause)
{
	ck_assert_msg(r->status == 3, "exit %d, want 3: %s", r->status, r->err);
	ck_assert_msg(strstr(r->err, path) != NULL, "the message does not name %s: %s", path, r->err);
	ck_assert_msg(strstr(r->err, cause) != NULL, "the message does not say '%s': %s", cause, r->err);
	char *after = tree_snapshot(dist);
	ck_assert_msg(strcmp(before, after) == 0, "dist/ changed:\n%s\n---\n%s", before, after);
	free(after);
	assert_nothing_beside(tmp, "dist");
}

START_TEST(unwritable_directory)
{
	if (tool_missing("unwritable_directory", geteuid() == 0 || access(dist, W_OK) != 0,
			 "needs root (for setpriv) or an unwritable dist"))
		return;
	chmod(dist, 0755);
	char *before = tree_snapshot(dist);
	pc_run r;
	/* Root writes anywhere: run as nobody, who may read but not write. */
	run_sh(&r,
	       "chmod o+rx '%s' 2>/dev/null; cp sources/ro.xml '%s/ro.xml' && chmod 644 '%s/ro.xml' && "
	       "setpriv --reuid=65534 --regid=65534 --clear-groups '%s' build -o '%s' '%s/ro.xml'",
	       tmp, tmp, tmp, profilec_path(), dist, tmp);
	if (tool_missing("unwritable_directory", r.status != 127 && strstr(r.err, "setpriv:") == NULL,
			 "setpriv cannot run here")) {
		fputs(r.err, stdout);
		run_free(&r);
		free(before);
		return;
	}
	expect_fault(&r, before, dist, "Permission denied");
	run_free(&r);
	free(before);
}
END_TEST

START_TEST(output_is_a_file)
{
	char *file = pc_asprintf("%s/plain-file", tmp);
	FILE *f = fopen(file, "w");
	fputs("not a directory\n", f);
	fclose(f);
	char *before = tree_snapshot(dist);
	pc_run r;
	run_profilec(&r, "build", "-o", file, "sources/ro.xml", NULL);
	expect_fault(&r, before, file, "ot a directory");
	char *content = read_file(file, NULL);
	ck_assert_str_eq(content, "not a directory\n");
	free(content);
	run_free(&r);
	free(before);
	free(file);
}
END_TEST

/* A build owns its output directory: afterwards it holds exactly that
 * build's outputs, whatever was there (a catalog replaced by a directory,
 * a profile no longer built, a stray file, a planted symbolic link, which
 * is removed, never followed). */
START_TEST(a_build_owns_its_directory)
{
	char *victim = pc_asprintf("%s/victim", tmp), *ref = pc_asprintf("%s/ref", tmp);
	pc_run r;
	run_sh(&r,
	       "mkdir '%s' && echo precious > '%s/ro.xlsx' && rm -r '%s/ro' '%s/catalog.jsonld' && ln -s '%s' '%s/ro' "
	       "&& "
	       "mkdir '%s/catalog.jsonld' '%s/zz' && echo stray > '%s/notes.txt'",
	       victim, victim, dist, dist, victim, dist, dist, dist, dist);
	ck_assert_int_eq(r.status, 0);
	run_free(&r);
	char *victim_before = tree_snapshot(victim);
	run_profilec(&r, "build", "-o", dist, "sources/ro.xml", NULL);
	ck_assert_msg(r.status == 0, "exit %d: %s", r.status, r.err);
	run_free(&r);
	run_profilec(&r, "build", "-o", ref, "sources/ro.xml", NULL);
	ck_assert_int_eq(r.status, 0);
	run_free(&r);
	char *want = tree_snapshot(ref), *got = tree_snapshot(dist), *victim_after = tree_snapshot(victim);
	ck_assert_str_eq(want, got);
	ck_assert_str_eq(victim_before, victim_after);
	assert_nothing_beside(tmp, "dist");
	free(want);
	free(got);
	free(victim_before);
	free(victim_after);
	free(victim);
	free(ref);
}
END_TEST

/* A disk that fills up: the file size limit makes every large write fail
 * the way a full disk does (the EPUB and the workbook are over 8 KiB). */
START_TEST(full_disk)
{
	/* In this process, in the workers that share out the formats, and in
	 * the JSON-LD bundle, written as it is made. */
	const char *jobs = _i == 0 ? "-j1" : _i == 1 ? "-j3" : "--formats=jsonld";
	char *before = tree_snapshot(dist);
	pc_run r;
	run_sh(&r, "trap '' XFSZ; ulimit -f 16; %s %s build %s -o '%s' sources/ro.xml",
	       getenv("PROFILEC_WRAPPER") ? getenv("PROFILEC_WRAPPER") : "", profilec_path(), jobs, dist);
	/* The file written is named: it is in the new tree beside dist. */
	expect_fault(&r, before, tmp, "File too large");
	run_free(&r);
	free(before);
}
END_TEST

/* /dev/full as the output directory: not a directory, refused up front. */
START_TEST(dev_full)
{
	char *before = tree_snapshot(dist);
	pc_run r;
	run_profilec(&r, "build", "-o", "/dev/full", "sources/ro.xml", NULL);
	ck_assert_int_eq(r.status, 3);
	ck_assert_ptr_nonnull(strstr(r.err, "/dev/full"));
	char *after = tree_snapshot(dist);
	ck_assert_str_eq(before, after);
	free(after);
	run_free(&r);
	free(before);
}
END_TEST

/* A build stopped by SIGTERM, or killed outright: dist/ stays as it was, and
 * what a killed build staged is swept by the next one. */
START_TEST(interrupted_build)
{
	char *before = tree_snapshot(dist);
	pc_run r;
	run_sh(&r,
	       "%s build -o '%s' sources/ro.xml sources/ro.xml & pid=$!; kill -TERM $pid; wait $pid; echo \"exit $?\"",
	       profilec_path(), dist);
	/* The duplicate country makes it invalid if it got that far; a TERM
	 * before then interrupts it: either way nothing is written. */
	char *after = tree_snapshot(dist);
	ck_assert_msg(strcmp(before, after) == 0, "dist changed after an interrupted build");
	free(after);
	run_free(&r);
	run_sh(&r, "%s build -o '%s' sources/ro.xml & pid=$!; sleep 0.01; kill -KILL $pid; wait $pid; exit 0",
	       profilec_path(), dist);
	run_free(&r);
	run_profilec(&r, "build", "-o", dist, "sources/ro.xml", NULL);
	ck_assert_int_eq(r.status, 0);
	run_free(&r);
	after = tree_snapshot(dist);
	assert_nothing_beside(tmp, "dist");
	ck_assert_str_eq(before, after);
	free(after);
	free(before);
}
END_TEST

/* The same sources give byte-identical outputs, and a rebuild changes nothing. */
START_TEST(rebuild_is_identical)
{
	char *before = tree_snapshot(dist);
	pc_run r;
	run_profilec(&r, "build", "-o", dist, "sources/ro.xml", NULL);
	ck_assert_int_eq(r.status, 0);
	ck_assert_ptr_null(strstr(r.err, "error:"));
	run_free(&r);
	char *after = tree_snapshot(dist);
	ck_assert_str_eq(before, after);
	free(after);
	free(before);
}
END_TEST

/* Profiles built in parallel worker processes give the same bytes and the
 * same diagnostics as one at a time. */
START_TEST(parallel_build_is_identical)
{
	/* -j2: a worker per profile; -j4: two workers per profile, sharing out
	 * its formats. */
	char *a = pc_asprintf("%s/serial", tmp), *b = pc_asprintf("%s/parallel", tmp),
	     *c = pc_asprintf("%s/formats", tmp);
	pc_run r1, r2, r3;
	run_profilec(&r1, "build", "-o", a, "--jobs=1", "sources/ro.xml", "tests/fixtures/xa.xml", NULL);
	run_profilec(&r2, "build", "-o", b, "-j2", "sources/ro.xml", "tests/fixtures/xa.xml", NULL);
	run_profilec(&r3, "build", "-o", c, "-j4", "sources/ro.xml", "tests/fixtures/xa.xml", NULL);
	ck_assert_int_eq(r1.status, 0);
	ck_assert_int_eq(r2.status, 0);
	ck_assert_int_eq(r3.status, 0);
	ck_assert_str_eq(r1.err, r2.err);
	ck_assert_str_eq(r1.err, r3.err);
	char *sa = tree_snapshot(a), *sb = tree_snapshot(b), *sc = tree_snapshot(c);
	ck_assert_str_eq(sa, sb);
	ck_assert_str_eq(sa, sc);
	ck_assert_ptr_nonnull(strstr(sa, "./xa/xa.epub"));
	ck_assert_ptr_null(strstr(sc, ".job-"));
	free(sa);
	free(sb);
	free(sc);
	run_free(&r1);
	run_free(&r2);
	run_free(&r3);
	free(a);
	free(b);
	free(c);
}
END_TEST

/* An invalid source stops the build whatever --jobs says: the same
 * diagnostics in the same order, every source checked, nothing written, and
 * no output directory left where there was none. */
START_TEST(invalid_sources_write_nothing)
{
	char *copy = pc_asprintf("%s/ro-again.xml", tmp);
	pc_run r;
	run_sh(&r, "cp sources/ro.xml '%s'", copy);
	ck_assert_int_eq(r.status, 0);
	run_free(&r);
	char *before = tree_snapshot(dist);
	pc_run serial, parallel;
	/* -o new1/dist: neither dist nor new1 is left behind. */
	char *out1 = pc_asprintf("%s/new1/dist", tmp), *out2 = pc_asprintf("%s/new2", tmp);
	char *made = pc_asprintf("%s/new1", tmp);
	run_profilec(&serial, "build", "-o", out1, "tests/cases/unknown-ref.xml", "sources/ro.xml", copy, NULL);
	run_profilec(&parallel, "build", "-j2", "-o", out2, "tests/cases/unknown-ref.xml", "sources/ro.xml", copy,
		     NULL);
	ck_assert_int_eq(serial.status, 1);
	ck_assert_int_eq(parallel.status, 1);
	ck_assert_str_eq(serial.err, parallel.err);
	ck_assert_msg(strstr(serial.err, "names unknown actor 'ec' [unknown-ref]") != NULL, "%s", serial.err);
	char *dup = pc_asprintf(
		"%s:7: error: country 'RO' is also compiled from sources/ro.xml: give each country one source", copy);
	ck_assert_msg(strstr(serial.err, dup) != NULL, "want %s in %s", dup, serial.err);
	ck_assert_msg(strstr(serial.err, "2 errors, ") != NULL, "%s", serial.err);
	struct stat sb;
	ck_assert_msg(stat(made, &sb) != 0 && stat(out2, &sb) != 0, "a failed build left its output directory");
	assert_nothing_beside(tmp, "dist");
	free(made);
	/* Into an existing output directory: as it was. */
	run_profilec(&r, "build", "-j2", "-o", dist, "sources/ro.xml", copy, NULL);
	ck_assert_int_eq(r.status, 1);
	char *after = tree_snapshot(dist);
	ck_assert_str_eq(before, after);
	free(after);
	free(before);
	free(dup);
	free(out1);
	free(out2);
	free(copy);
	run_free(&r);
	run_free(&serial);
	run_free(&parallel);
}
END_TEST

Suite *
suite_faults(void)
{
	Suite *s = suite_create("faults");
	TCase *tc = tcase_create("output");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 300);
	tcase_add_test(tc, unwritable_directory);
	tcase_add_test(tc, output_is_a_file);
	tcase_add_test(tc, a_build_owns_its_directory);
	tcase_add_loop_test(tc, full_disk, 0, 3);
	tcase_add_test(tc, dev_full);
	tcase_add_test(tc, interrupted_build);
	tcase_add_test(tc, rebuild_is_identical);
	tcase_add_test(tc, parallel_build_is_identical);
	tcase_add_test(tc, invalid_sources_write_nothing);
	suite_add_tcase(s, tc);
	return s;
}
