/* Publishing: a reader of DIR sees the whole old tree or the whole new one
 * whatever instant a build is killed at; builds of one DIR take turns; a
 * failed build leaves nothing behind, and a full disk still says why. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../compiler/alloc.h"
#include "testutil.h"

/* Three profiles over a tree of one: the new tree has more directories,
 * a world directory and another catalog. */
#define OLD_SOURCES "sources/ro.xml"
#define NEW_SOURCES "sources/ro.xml tests/fixtures/xa.xml tests/cases/modified-zone.xml"

/* strace, with LeakSanitizer off in a sanitized binary: it cannot run
 * under ptrace. */
#define STRACE "ASAN_OPTIONS=\"${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0\" strace -f -qq"

/* strace runs the kill and the slow-down: without it (or without ptrace)
 * these tests cannot run (a failure under CI). */
static int
strace_missing(const char *test)
{
	pc_run r;
	run_sh(&r, STRACE " -o /dev/null true");
	int ok = r.status == 0;
	run_free(&r);
	return tool_missing(test, ok, "strace cannot run here (install strace; ptrace must be allowed)");
}

/* Build sources into test_tmp/name; returns the snapshot of the result. */
static char *
built(const char *name, const char *sources)
{
	pc_run r;
	run_sh(&r, "%s build -o '%s/%s' %s", profilec_path(), test_tmp, name, sources);
	ck_assert_msg(r.status == 0, "build of %s: %s", sources, r.err);
	run_free(&r);
	char *dir = pc_asprintf("%s/%s", test_tmp, name);
	char *snap = tree_snapshot(dir);
	free(dir);
	return snap;
}

/* The points to kill a build of NEW_SOURCES over OLD_SOURCES at, as
 * strace counts calls (per process and system call): "rename 1",
 * "renameat2 1", ...: every rename, link and symbolic link, then the
 * first and the last rmdir after the swap (the old tree half removed). */
static size_t
list_points(char points[][32], size_t max)
{
	free(built("dist", OLD_SOURCES));
	pc_run r;
	run_sh(&r,
	       STRACE " -o '%s/trace' -e trace=rename,renameat,renameat2,link,linkat,symlink,symlinkat,rmdir "
		      "%s build -o '%s/dist' " NEW_SOURCES
		      " && sed -n 's/^\\([0-9]*\\) *\\([a-z0-9]*\\)(.*/\\1 \\2/p' '%s/trace'",
	       test_tmp, profilec_path(), test_tmp, test_tmp);
	ck_assert_msg(r.status == 0, "%s", r.err);
	struct {
		long pid;
		char call[16];
	} seen[512];
	size_t n_seen = 0, n = 0;
	long point_pid[64];
	long swapper = 0;
	int first_rmdir = -1, last_rmdir = -1;
	char *save = NULL;
	for (char *line = strtok_r(r.out, "\n", &save); line && n_seen < 512; line = strtok_r(NULL, "\n", &save)) {
		long pid;
		char call[16];
		ck_assert_int_eq(sscanf(line, "%ld %15s", &pid, call), 2);
		int k = 1;
		for (size_t i = 0; i < n_seen; i++)
			k += seen[i].pid == pid && strcmp(seen[i].call, call) == 0;
		seen[n_seen].pid = pid;
		snprintf(seen[n_seen++].call, sizeof seen[0].call, "%s", call);
		if (strcmp(call, "rmdir") != 0 && n < max) {
			point_pid[n] = pid;
			snprintf(points[n++], sizeof points[0], "%s %d", call, k);
		}
		if (strcmp(call, "renameat2") == 0)
			swapper = pid;
		if (strcmp(call, "rmdir") == 0 && swapper != 0) {
			if (first_rmdir < 0)
				first_rmdir = k;
			last_rmdir = k;
		}
	}
	/* Workers removing directories would be killed at the count first. */
	for (size_t i = 0; i < n_seen; i++)
		ck_assert_msg(strcmp(seen[i].call, "rmdir") != 0 || seen[i].pid == swapper,
			      "a worker removes directories: rmdir cannot mark the swap");
	/* A call in a worker: the build is killed there when its parent dies
	 * too, at its first wait for the worker, before it cleans anything. */
	for (size_t i = 0; i < n && max <= 64; i++)
		if (point_pid[i] != swapper)
			strcat(points[i], " worker");
	ck_assert_msg(first_rmdir > 0 && n + 2 <= max, "no rmdir after the swap:\n%s", r.out);
	snprintf(points[n++], sizeof points[0], "rmdir %d", first_rmdir);
	snprintf(points[n++], sizeof points[0], "rmdir %d", last_rmdir);
	run_free(&r);
	return n;
}

/* SIGKILL at each rename, link and symbolic link of a build of three
 * profiles over an existing tree, and at two points of the old tree's
 * removal. At a worker's call, its parent is killed too before it cleans
 * anything (its staging tree is still there), so the whole build dies at
 * that instant. After each: the tree is the old one or the new one,
 * exactly, and the next build ends in the new one with nothing left
 * beside it. */
START_TEST(killed_at_every_rename)
{
	if (strace_missing("killed_at_every_rename"))
		return;
	char *old = built("old", OLD_SOURCES), *new = built("new", NEW_SOURCES);
	char points[64][32];
	size_t n = list_points(points, 64);
	ck_assert_msg(n >= 2, "the build made %zu renames", n);
	int saw_old = 0, saw_new = 0;
	char *dist = pc_asprintf("%s/dist", test_tmp);
	for (size_t i = 0; i < n; i++) {
		char call[32];
		int k;
		ck_assert_int_ge(sscanf(points[i], "%31s %d", call, &k), 2);
		const char *parent_too = strstr(points[i], "worker") ? "-e inject=wait4:signal=SIGKILL:when=1" : "";
		free(built("dist", OLD_SOURCES));
		pc_run r;
		run_sh(&r, STRACE " -o /dev/null -e inject=%s:signal=SIGKILL:when=%d %s %s build -o '%s' " NEW_SOURCES,
		       call, k, parent_too, profilec_path(), dist);
		ck_assert_msg(r.status != 0, "killed at %s, the build still exited 0", points[i]);
		run_free(&r);
		struct stat sb;
		char *staging = pc_asprintf("%s/.dist.profilec-new", test_tmp);
		ck_assert_msg(!*parent_too || stat(staging, &sb) == 0, "killed at %s, the parent still cleaned up",
			      points[i]);
		free(staging);
		char *after = tree_snapshot(dist);
		int is_old = strcmp(after, old) == 0, is_new = strcmp(after, new) == 0;
		ck_assert_msg(is_old || is_new, "killed at %s: dist is neither the old nor the new tree:\n%s",
			      points[i], after);
		saw_old |= is_old;
		saw_new |= is_new;
		free(after);
		run_sh(&r, "%s build -o '%s' " NEW_SOURCES, profilec_path(), dist);
		ck_assert_msg(r.status == 0, "the build after a kill at %s: %s", points[i], r.err);
		run_free(&r);
		after = tree_snapshot(dist);
		ck_assert_msg(strcmp(after, new) == 0, "after a kill at %s, the next build is not the new tree",
			      points[i]);
		free(after);
		assert_nothing_beside(test_tmp, "dist");
	}
	ck_assert_msg(saw_old, "no kill left the old tree: the test killed nothing before the swap");
	ck_assert_msg(saw_new, "no kill left the new tree: the test killed nothing after the swap");
	free(dist);
	free(old);
	free(new);
}
END_TEST

/* A file system without RENAME_EXCHANGE (strace makes renameat2 fail with
 * EINVAL): the swap is two renames. Killed between them, DIR is missing
 * and the old tree waits beside it; the next build puts it back even when
 * that build fails (an invalid source), and a good build ends in the new
 * tree. CSV and JSON-LD only: the EPUB's own renames would be counted. */
START_TEST(fallback_without_exchange)
{
	if (strace_missing("fallback_without_exchange"))
		return;
	const char *formats = "--formats=csv,jsonld";
	char *old = built("old", OLD_SOURCES), *dist = pc_asprintf("%s/dist", test_tmp);
	pc_run r;
	run_sh(&r, "%s build %s -o '%s/new' " NEW_SOURCES, profilec_path(), formats, test_tmp);
	ck_assert_int_eq(r.status, 0);
	run_free(&r);
	char *new_dir = pc_asprintf("%s/new", test_tmp), *new = tree_snapshot(new_dir);
	free(built("dist", OLD_SOURCES));
	run_sh(&r, STRACE " -o /dev/null -e inject=renameat2:error=EINVAL %s build %s -o '%s' " NEW_SOURCES,
	       profilec_path(), formats, dist);
	ck_assert_msg(r.status == 0, "the two-rename swap failed: %s", r.err);
	run_free(&r);
	char *after = tree_snapshot(dist);
	ck_assert_str_eq(after, new);
	free(after);
	assert_nothing_beside(test_tmp, "dist");
	free(built("dist", OLD_SOURCES));
	run_sh(&r,
	       STRACE " -o /dev/null -e inject=renameat2:error=EINVAL -e inject=rename:signal=SIGKILL:when=2 %s build "
		      "%s -o '%s' " NEW_SOURCES,
	       profilec_path(), formats, dist);
	ck_assert_msg(r.status != 0, "not killed between the renames");
	run_free(&r);
	struct stat sb;
	ck_assert_msg(stat(dist, &sb) != 0, "killed between the renames, dist should be missing");
	run_profilec(&r, "build", "-o", dist, "tests/cases/unknown-ref.xml", NULL);
	ck_assert_int_eq(r.status, 1);
	run_free(&r);
	after = tree_snapshot(dist);
	ck_assert_msg(strcmp(after, old) == 0, "the next (failed) build did not put the old tree back");
	free(after);
	assert_nothing_beside(test_tmp, "dist");
	free(new);
	free(new_dir);
	free(old);
	free(dist);
}
END_TEST

/* A build slowed down at every rename holds the lock while two other
 * builds into the same directory run one after the other: each waits,
 * says so once, and exits 0; the tree at the end is exactly the last one's. */
START_TEST(concurrent_builds_take_turns)
{
	if (strace_missing("concurrent_builds_take_turns"))
		return;
	char *first = built("first", NEW_SOURCES), *second = built("second", "tests/fixtures/xa.xml");
	char *third = built("third", "tests/cases/modified-zone.xml sources/ro.xml");
	pc_run r;
	run_sh(&r,
	       "cd '%s' || exit 1; P='%s'; S=\"$OLDPWD\"; "
	       "(cd \"$S\" && " STRACE " -o /dev/null -e inject=rename,renameat2:delay_enter=200000 \"$P\" build "
	       "-o \"%s/dist\" " NEW_SOURCES " 2>'%s/a.err'; echo \"a $?\" >'%s/a.status') & "
	       "for i in $(seq 500); do [ -d .dist.profilec-new ] && break; sleep 0.01; done; "
	       "(cd \"$S\" && \"$P\" build -o \"%s/dist\" tests/fixtures/xa.xml 2>'%s/b.err'; echo \"b $?\"); "
	       "(cd \"$S\" && \"$P\" build -o \"%s/dist\" tests/cases/modified-zone.xml sources/ro.xml "
	       "2>'%s/c.err'; echo \"c $?\"); wait; cat a.status",
	       test_tmp, profilec_path(), test_tmp, test_tmp, test_tmp, test_tmp, test_tmp, test_tmp, test_tmp);
	ck_assert_msg(r.status == 0, "%s", r.err);
	ck_assert_msg(strstr(r.out, "b 0\n") && strstr(r.out, "c 0\n") && strstr(r.out, "a 0\n"), "a build failed: %s",
		      r.out);
	run_free(&r);
	char *b_err = read_file_in(test_tmp, "b.err", NULL);
	const char *wait = strstr(b_err, "waiting for it");
	ck_assert_msg(wait != NULL, "the second build did not say it waits: %s", b_err);
	ck_assert_msg(strstr(wait + 1, "waiting for it") == NULL, "said more than once: %s", b_err);
	char *dist = pc_asprintf("%s/dist", test_tmp);
	char *final = tree_snapshot(dist);
	ck_assert_msg(strcmp(final, third) == 0, "the final tree is not the last build's:\n%s", final);
	assert_nothing_beside(test_tmp, "dist");
	free(final);
	free(dist);
	free(b_err);
	free(first);
	free(second);
	free(third);
}
END_TEST

/* No disk space for anything (a file size limit of 0): the workers'
 * diagnostics still reach the parent, through pipes, and name the cause. */
START_TEST(workers_report_a_full_disk)
{
	pc_run r;
	run_sh(&r, "trap '' XFSZ; ulimit -f 0; %s %s build -j2 -o '%s/dist' " NEW_SOURCES,
	       getenv("PROFILEC_WRAPPER") ? getenv("PROFILEC_WRAPPER") : "", profilec_path(), test_tmp);
	ck_assert_msg(r.status == 3, "exit %d: %s", r.status, r.err);
	ck_assert_msg(strstr(r.err, "File too large") != NULL, "no cause in: %s", r.err);
	run_free(&r);
	struct stat sb;
	char *dist = pc_asprintf("%s/dist", test_tmp);
	ck_assert_msg(stat(dist, &sb) != 0, "a failed build left %s", dist);
	assert_nothing_beside(test_tmp, "dist");
	free(dist);
}
END_TEST

/* A source truncated while mapped kills its worker (SIGBUS, a
 * diagnostic); the build leaves no directory it made: -o new/dist leaves
 * no new/. strace holds the worker at the madvise that follows the
 * mapping (found by a first, traced run: sanitizers call madvise too),
 * the test sees the mapping in /proc and truncates the file. */
START_TEST(truncated_source_leaves_nothing)
{
	if (strace_missing("truncated_source_leaves_nothing"))
		return;
	pc_run r;
	run_sh(&r,
	       "cp sources/ro.xml '%s/ro.xml' && " STRACE " -o '%s/trace' -e trace=madvise %s validate '%s/ro.xml'; "
	       "awk '/madvise/ { n[$1]++ } /MADV_SEQUENTIAL/ { print n[$1]; exit }' '%s/trace'",
	       test_tmp, test_tmp, profilec_path(), test_tmp, test_tmp);
	int when = atoi(r.out);
	ck_assert_msg(when > 0, "no madvise(MADV_SEQUENTIAL) in the trace: %s %s", r.out, r.err);
	run_free(&r);
	run_sh(&r,
	       "(" STRACE " -o /dev/null -e inject=madvise:delay_enter=1500000:when=%d %s build -o '%s/new/dist' "
	       "'%s/ro.xml'; echo \"exit $?\") & "
	       "for i in $(seq 1000); do grep -qs '%s/ro.xml' /proc/[0-9]*/maps && break; sleep 0.005; done; "
	       ": >'%s/ro.xml'; wait",
	       when, profilec_path(), test_tmp, test_tmp, test_tmp, test_tmp);
	ck_assert_msg(strstr(r.out, "exit 1") != NULL, "%s %s", r.out, r.err);
	ck_assert_msg(strstr(r.err, "changed size while it was read") != NULL, "%s", r.err);
	run_free(&r);
	struct stat sb;
	char *made = pc_asprintf("%s/new", test_tmp);
	ck_assert_msg(stat(made, &sb) != 0, "the failed build left %s", made);
	free(made);
}
END_TEST

/* What a build cannot swap, or must not replace, is refused up front and
 * left as it was: the current directory, a directory that holds other
 * things than a build's outputs, a mount point. */
START_TEST(refuses_what_it_cannot_swap)
{
	pc_run r;
	run_sh(&r,
	       "mkdir '%s/here' && cd '%s/here' && echo keep >notes.txt && %s build -o . \"$OLDPWD/sources/ro.xml\"",
	       test_tmp, test_tmp, profilec_path());
	ck_assert_msg(r.status == 3 && strstr(r.err, "cannot be the output directory"), "%d %s", r.status, r.err);
	run_free(&r);
	run_sh(&r, "cd '%s/here' && %s build -o ../here \"$OLDPWD/sources/ro.xml\"", test_tmp, profilec_path());
	ck_assert_msg(r.status == 3 && strstr(r.err, "holds the current directory"), "%d %s", r.status, r.err);
	run_free(&r);
	char *home = pc_asprintf("%s/here", test_tmp);
	run_profilec(&r, "build", "-o", home, "sources/ro.xml", NULL);
	ck_assert_msg(r.status == 3 && strstr(r.err, "no catalog.jsonld"), "%d %s", r.status, r.err);
	run_free(&r);
	char *left = read_file_in(home, "notes.txt", NULL);
	ck_assert_str_eq(left, "keep\n");
	free(left);
	run_sh(&r, "ls -A '%s'", home);
	ck_assert_str_eq(r.out, "notes.txt\n");
	run_free(&r);
	free(home);
	assert_nothing_beside(test_tmp, "dist");
	/* /dev/shm is a mount point where there is one. */
	struct stat shm, dev;
	if (stat("/dev/shm", &shm) == 0 && stat("/dev", &dev) == 0 && shm.st_dev != dev.st_dev &&
	    access("/dev", W_OK) == 0) {
		run_profilec(&r, "build", "-o", "/dev/shm", "sources/ro.xml", NULL);
		ck_assert_msg(r.status == 3 && strstr(r.err, "is a mount point"), "%d %s", r.status, r.err);
		ck_assert_msg(access("/dev/shm.lock", F_OK) != 0, "a lock file was left in /dev");
		run_free(&r);
	}
}
END_TEST

/* DIR a symbolic link (to a directory not made yet, then made): the
 * directory it points to is swapped, beside itself; the link stays. */
START_TEST(a_link_is_followed)
{
	pc_run r;
	run_sh(&r, "mkdir '%s/real' && ln -s real/dist '%s/link'", test_tmp, test_tmp);
	ck_assert_int_eq(r.status, 0);
	run_free(&r);
	char *link = pc_asprintf("%s/link", test_tmp), *real = pc_asprintf("%s/real", test_tmp);
	char *want = built("want", "tests/cases/modified-zone.xml");
	for (int i = 0; i < 2; i++) {
		run_profilec(&r, "build", "-o", link, "tests/cases/modified-zone.xml", NULL);
		ck_assert_msg(r.status == 0, "%s", r.err);
		run_free(&r);
		char *got = tree_snapshot(link);
		ck_assert_str_eq(got, want);
		free(got);
		assert_nothing_beside(real, "dist");
		struct stat sb;
		ck_assert(lstat(link, &sb) == 0 && S_ISLNK(sb.st_mode));
	}
	free(want);
	free(link);
	free(real);
}
END_TEST

Suite *
suite_publish(void)
{
	Suite *s = suite_create("publish");
	TCase *tc = tcase_create("publish");
	tcase_add_checked_fixture(tc, test_tmp_setup, test_tmp_teardown);
	tcase_set_timeout(tc, 600);
	tcase_add_test(tc, killed_at_every_rename);
	tcase_add_test(tc, fallback_without_exchange);
	tcase_add_test(tc, concurrent_builds_take_turns);
	tcase_add_test(tc, workers_report_a_full_disk);
	tcase_add_test(tc, truncated_source_leaves_nothing);
	tcase_add_test(tc, refuses_what_it_cannot_swap);
	tcase_add_test(tc, a_link_is_followed);
	suite_add_tcase(s, tc);
	return s;
}
