/* The world dataset: built from sources/ro.xml and the fixtures, checked
 * against each country's own package by tests/world_check.py, validated by
 * tests/csv_check.py, and the same bytes whatever the order of the files. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../compiler/alloc.h"
#include "testutil.h"

#define PY      "/usr/bin/python3"
#define RO      "sources/ro.xml"
#define XA      "tests/fixtures/xa.xml"
#define XB      "tests/fixtures/xb.xml"
#define EPOCH   "86400"

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
	"apart publication xa:pub-2021-online-safety-in-xanadia-second-edition xb:pub-2019-online-safety-in-xanadia";

START_TEST(shared_entities_are_one_row_each)
{
	pc_run r;
	char *out = build(&r, "w", "", RO " " XA " " XB);
	ck_assert_msg(r.status == 0, "build failed: %s", r.err);
	ck_assert(exists(out, "world/world.xlsx") && exists(out, "world/world.jsonld"));
	ck_assert(!exists(out, "world/world.epub") && !exists(out, "world/.world-parts"));
	/* The ambiguous one stays apart, with a warning naming both candidates. */
	ck_assert_msg(strstr(r.err, "sources/ro.xml:354: warning: organization 'european-commission' (ro) could be "
				    "'ec' of tests/fixtures/xb.xml:59 or 'dg-connect' of tests/fixtures/xb.xml:63") != NULL &&
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

START_TEST(file_order_and_jobs_give_the_same_bytes)
{
	pc_run r;
	char *a = build(&r, "a", "", RO " " XA " " XB);
	ck_assert_msg(r.status == 0, "%s", r.err);
	run_free(&r);
	char *b = build(&r, "b", "-j2", XB " " RO " " XA);
	ck_assert_msg(r.status == 0, "%s", r.err);
	run_free(&r);
	char *c = build(&r, "c", "-j3", XA " " XB " " RO);
	ck_assert_msg(r.status == 0, "%s", r.err);
	run_free(&r);
	run_sh(&r, "diff -r '%s/world' '%s/world' && diff -r '%s/world' '%s/world' && cmp '%s/catalog.jsonld' "
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
	free(out);
	free(epub);
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
	tcase_add_test(t, a_rebuild_replaces_the_world);
	suite_add_tcase(s, t);
	return s;
}
