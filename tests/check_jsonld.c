/* The JSON-LD bundle and the DCAT catalog: read by pyld and rdflib (tests/jsonld_check.py), checksums, reproducible. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../compiler/alloc.h"
#include "../exporters/export.h"
#include "testutil.h"

#define PY      "/usr/bin/python3"
#define CHECKER "tests/jsonld_check.py"
#define XA      "tests/fixtures/xa.xml"
#define RO      "sources/ro.xml"
#define EPOCH   "86400" /* 1970-01-02T00:00:00Z */

/* ---- The JSON writer the JSON products share --------------------------- */

START_TEST(json_writer_layout)
{
	pc_buf b;
	pc_buf_init(&b);
	pc_json w;
	pc_json_init(&w, &b);
	pc_json_open(&w, NULL, '{');
	pc_json_string(&w, "a", "x\"y\\\n\x01é");
	pc_json_open(&w, "empty", '[');
	pc_json_close(&w, ']');
	pc_json_open(&w, "list", '[');
	pc_json_number(&w, NULL, 2);
	pc_json_number(&w, NULL, 0.25);
	pc_json_bool(&w, NULL, 0);
	pc_json_open(&w, NULL, '{');
	pc_json_close(&w, '}');
	pc_json_close(&w, ']');
	pc_json_close(&w, '}');
	ck_assert_str_eq(b.data, "{\n"
				 "  \"a\": \"x\\\"y\\\\\\n\\u0001é\",\n"
				 "  \"empty\": [],\n"
				 "  \"list\": [\n"
				 "    2,\n"
				 "    0.25,\n"
				 "    false,\n"
				 "    {}\n"
				 "  ]\n"
				 "}");
	pc_buf_free(&b);
}
END_TEST

/* ---- A graph built by hand: what no source in the tree holds ------------ */

static pc_graph *
hand_graph(void)
{
	pc_graph *g = pc_graph_new();
	pc_strtab *s = &g->strings;
	g->source_path = pc_intern(s, "hand.xml");
	pc_graph_default_themes(g);
	memset(g->source_sha256, '0', 64);
	g->title = pc_intern(s, "Hand \"profile\"");
	g->lang = pc_intern(s, "en");
	g->modified = pc_intern(s, "1970-01-02");
	strcpy(g->build_date, "1970-01-02");
	strcpy(g->build_timestamp, "1970-01-02T00:00:00Z");

	pc_country *c = PC_PUSH(g, countries);
	c->n.id = pc_intern(s, "xz");
	c->code = pc_intern(s, "XZ");
	c->name = pc_intern(s, "Hand Xland");

	pc_indicator *ind = PC_PUSH(g, indicators);
	ind->n.id = pc_intern(s, "ind-1");
	ind->label = pc_intern(s, "Users");
	ind->has_value = 1;
	ind->value = pc_intern(s, "0.125");
	ind->year = 2020;
	ind = PC_PUSH(g, indicators);
	ind->n.id = pc_intern(s, "ind-2");
	ind->label = pc_intern(s, "Phones");

	/* Text no source can hold (folding removes newlines), escaped all the same. */
	pc_event *e = PC_PUSH(g, events);
	e->n.id = pc_intern(s, "ev-1");
	e->year = 1999;
	e->text = pc_intern(s, "a \"quoted\" back\\slash\nnew line\x01 and ünïcode");

	const char *const ids[] = {"org-a", "org-b"};
	for (int i = 0; i < 2; i++) {
		pc_actor *a = PC_PUSH(g, actors);
		a->n.id = pc_intern(s, ids[i]);
		a->kind = pc_intern(s, i ? "ngo" : "website");
		a->name = i ? pc_intern(s, "B") : NULL; /* org-a has no name */
	}
	for (int i = 0; i < 2; i++) {
		pc_event_actor *ea = PC_PUSH(g, event_actors);
		ea->event = 0, ea->actor = (uint32_t)i, ea->role = PC_ROLE_ORGANIZER;
	}
	pc_quality_note *q = PC_PUSH(g, quality);
	q->rule = pc_intern(s, "unnamed-actor");
	q->subject = (pc_ref){PC_ACTOR, 0};
	q->message = pc_intern(s, "actor 'org-a' has no name in the profile");

	pc_person *pe = PC_PUSH(g, persons);
	pe->n.id = pc_intern(s, "person-x");
	pe->family = pc_intern(s, "X");
	pe->display = pc_intern(s, "X");

	pc_publication *p = PC_PUSH(g, publications);
	p->n.id = pc_intern(s, "pub-1");
	p->title = pc_intern(s, "Untyped");
	p->year = 2001;
	p->publisher = p->edition_of = -1;
	/* Written second, stored first: the list keeps the written order. */
	pc_authorship *au = PC_PUSH(g, authorships);
	au->publication = 0, au->position = 2, au->author = (pc_ref){PC_ACTOR, 1};
	au->as_written = pc_intern(s, "B");
	au = PC_PUSH(g, authorships);
	au->publication = 0, au->position = 1, au->author = (pc_ref){PC_PERSON, 0};
	au->as_written = pc_intern(s, "X.");

	pc_instrument *in = PC_PUSH(g, instruments);
	in->n.id = pc_intern(s, "conv-1");
	in->type = PC_INSTR_CONVENTION;
	in->title = pc_intern(s, "A convention");
	in->signed_ = 1, in->ratified = -1, in->in_force = 0;
	in->issuer = 1;
	pc_article *ar = PC_PUSH(g, articles);
	ar->n.id = pc_intern(s, "conv-1-art-1");
	ar->number = pc_intern(s, "1");
	ar->text = pc_intern(s, "t");

	pc_penalty *pen = PC_PUSH(g, penalties);
	pen->n.id = pc_intern(s, "pen-1");
	pen->kind = PC_PEN_FINE;
	pen->max = pc_intern(s, "2500.75"); /* no unit: a fine is money */
	pen->alternative_to = pen->in_addition_to = -1;
	pen->part = -1; /* of article 0 of instrument 0 (zeroed) */
	pen = PC_PUSH(g, penalties);
	pen->n.id = pc_intern(s, "pen-2");
	pen->kind = PC_PEN_IMPRISONMENT;
	pen->min = pc_intern(s, "3");
	pen->unit = pc_intern(s, "weeks");
	pen->alternative_to = 0;
	pen->in_addition_to = -1;
	pen->part = -1;
	return g;
}

static char *
export_hand(pc_graph *g, const char *base)
{
	char *dir = pc_asprintf("%s/xz", test_tmp);
	ck_assert_int_eq(mkdir(dir, 0777), 0);
	pc_export_opts o = {.dir = dir, .base_iri = base};
	pc_diag d;
	pc_diag_init(&d);
	int rc = pc_export_jsonld(g, &o, &d);
	ck_assert_msg(rc == PC_EXIT_OK && d.n_items == 0, "export: %d, %s", rc, d.n_items ? d.items[0].message : "");
	pc_diag_free(&d);
	return dir;
}

static void
assert_has(const char *doc, const char *what)
{
	ck_assert_msg(strstr(doc, what) != NULL, "missing: %s", what);
}

START_TEST(hand_graph_in_json_ld)
{
	pc_graph *g = hand_graph();
	char *dir = export_hand(g, "https://example.org/b/");
	char *doc = read_file_in(dir, "xz.jsonld", NULL);
	assert_has(doc, "\"@id\": \"https://example.org/b/xz/event/ev-1\"");
	assert_has(doc, "\"description\": \"a \\\"quoted\\\" back\\\\slash\\nnew line\\u0001 and ünïcode\"");
	/* No name is invented for the unnamed actor; the note says why. */
	assert_has(doc, "\"@id\": \"https://example.org/b/xz/actor/org-a\",\n      \"@type\": \"Organization\",\n"
			"      \"actorKind\": \"website\"");
	assert_has(doc, "\"qualityNote\": [\n        \"actor 'org-a' has no name in the profile\"");
	assert_has(doc, "\"organizer\": [\n        \"https://example.org/b/xz/actor/org-a\",\n"
			"        \"https://example.org/b/xz/actor/org-b\"\n      ]");
	assert_has(doc, "\"@type\": [\n        \"Organization\",\n        \"NGO\"\n      ]");
	assert_has(doc, "\"value\": 0.125,");
	assert_has(doc, "\"missing\": true,");
	assert_has(doc, "\"startDate\": \"1999\",");
	assert_has(doc, "\"@type\": \"CreativeWork\"");
	assert_has(doc, "\"author\": [\n        \"https://example.org/b/xz/person/person-x\",\n"
			"        \"https://example.org/b/xz/actor/org-b\"\n      ],\n"
			"      \"authorAsWritten\": [\n        \"X.\",\n        \"B\"\n      ]");
	/* A convention's jurisdiction is not the country; unknown stays unsaid. */
	ck_assert_ptr_null(strstr(doc, "\"legislationJurisdiction\": \""));
	ck_assert_ptr_null(strstr(doc, "\"ratified\": true"));
	ck_assert_ptr_null(strstr(doc, "\"ratified\": false"));
	assert_has(doc, "\"signed\": true,\n      \"inForce\": false");
	assert_has(doc, "\"legislationPassedBy\": \"https://example.org/b/xz/actor/org-b\"");
	assert_has(doc, "\"amount\": {\n        \"@id\": \"https://example.org/b/xz/penalty/pen-1#amount\",\n"
			"        \"@type\": \"MonetaryAmount\",\n        \"maxValue\": 2500.75\n      }");
	assert_has(doc, "\"@type\": \"QuantitativeValue\",\n        \"minValue\": 3,\n"
			"        \"unitText\": \"weeks\",\n        \"unitCode\": \"WEE\"\n      }");
	ck_assert_msg(doc[strlen(doc) - 1] == '\n' && doc[strlen(doc) - 2] == '}', "no final newline");
	free(doc);

	pc_run r;
	run_sh(&r, "%s %s bundle '%s/xz.jsonld' -", PY, CHECKER, dir);
	ck_assert_msg(r.status == 0, "checker exit %d:\n%.4000s%.2000s", r.status, r.out, r.err);
	run_free(&r);
	free(dir);
	pc_graph_free(g);
}
END_TEST

/* A directory that cannot be written is a diagnostic naming it and exit 3. */
START_TEST(unwritable_output_is_reported)
{
	pc_graph *g = hand_graph();
	char *dir = pc_asprintf("%s/no-such-dir", test_tmp);
	pc_export_opts o = {.dir = dir, .base_iri = PC_DEFAULT_BASE_IRI};
	pc_diag d;
	pc_diag_init(&d);
	ck_assert_int_eq(pc_export_jsonld(g, &o, &d), PC_EXIT_OUTPUT);
	ck_assert_uint_ge(d.n_errors, 1);
	ck_assert_msg(d.items[0].file && strstr(d.items[0].file, "no-such-dir/xz.jsonld"), "%s", d.items[0].file);
	pc_diag_free(&d);
	pc_diag_init(&d);
	pc_dataset ds;
	pc_dataset_of(&ds, g);
	ck_assert_int_eq(pc_export_catalog(&ds, 1, dir, &o, &d), PC_EXIT_OUTPUT);
	pc_dataset_free(&ds);
	ck_assert_msg(d.n_errors >= 1 && strstr(d.items[0].file, "no-such-dir/xz"), "%s",
		      d.n_items ? d.items[0].file : "no diagnostic");
	pc_diag_free(&d);
	free(dir);
	pc_graph_free(g);
}
END_TEST

/* ---- The real binary on real sources ------------------------------------- */

/* Build srcs (quoted by the caller) into test_tmp/name with extra options. */
static char *
build(const char *name, const char *opts, const char *srcs)
{
	pc_run r;
	char *out = pc_asprintf("%s/%s", test_tmp, name);
	const char *w = getenv("PROFILEC_WRAPPER");
	run_sh(&r, "SOURCE_DATE_EPOCH=%s %s '%s' build -o '%s' %s %s", EPOCH, w ? w : "", profilec_path(), out, opts,
	       srcs);
	ck_assert_msg(r.status == 0, "build %s %s: exit %d: %.2000s", opts, srcs, r.status, r.err);
	run_free(&r);
	return out;
}

/* Run the checker on a bundle against the source's dump; its triple count. */
static long
check_bundle(const char *out, const char *cc, const char *src)
{
	pc_run r;
	char *dump = dump_to_file(src);
	run_sh(&r, "%s %s bundle '%s/%s/%s.jsonld' '%s'", PY, CHECKER, out, cc, cc, dump);
	ck_assert_msg(r.status == 0, "%s: checker exit %d:\n%.4000s%.2000s", src, r.status, r.out, r.err);
	long triples = -1;
	ck_assert_msg(sscanf(r.out, "triples %ld", &triples) == 1, "%s", r.out);
	run_free(&r);
	free(dump);
	return triples;
}

static void
check_catalog(const char *out, const char *publisher_arg)
{
	pc_run r;
	run_sh(&r, "%s %s catalog '%s/catalog.jsonld' %s", PY, CHECKER, out, publisher_arg);
	ck_assert_msg(r.status == 0, "catalog: checker exit %d:\n%.4000s%.2000s", r.status, r.out, r.err);
	long n = 0;
	ck_assert_msg(sscanf(r.out, "distributions %ld", &n) == 1 && n > 0, "%s", r.out);
	run_free(&r);
}

static void
assert_same_file(const char *a, const char *b, const char *rel)
{
	size_t la, lb;
	char *da = read_file_in(a, rel, &la), *db = read_file_in(b, rel, &lb);
	ck_assert_msg(la == lb && memcmp(da, db, la) == 0, "%s differs between two builds", rel);
	free(da);
	free(db);
}

/* Loaded by two processors with the network refused: every key maps, the
 * counts and the edges are the graph's; two builds give the same bytes and
 * the same triples, whatever path names the source. */
START_TEST(bundles_load_and_are_reproducible)
{
	char cwd[4096];
	ck_assert_ptr_nonnull(getcwd(cwd, sizeof cwd));
	char *abs = pc_asprintf("'%s/" RO "' '%s/" XA "'", cwd, cwd);
	char *a = build("a", "--formats=jsonld", XA " " RO);
	char *b = build("b", "--formats=jsonld", abs);
	long ta = check_bundle(a, "xa", XA), tb = check_bundle(b, "xa", XA);
	ck_assert_int_gt(ta, 100);
	ck_assert_int_eq(ta, tb);
	ta = check_bundle(a, "ro", RO), tb = check_bundle(b, "ro", RO);
	ck_assert_int_gt(ta, 1000);
	ck_assert_int_eq(ta, tb);
	assert_same_file(a, b, "xa/xa.jsonld");
	assert_same_file(a, b, "ro/ro.jsonld");
	/* The catalog describes only what was built, and in the same bytes
	 * whatever the order of the files on the command line. */
	check_catalog(a, "--no-publisher");
	assert_same_file(a, b, "catalog.jsonld");
	free(abs);
	free(a);
	free(b);
}
END_TEST

/* Every product, the catalog over them: sizes and checksums are the files'. */
START_TEST(catalog_lists_every_file)
{
	char *a = build("a", "", XA " " RO);
	check_catalog(a, "--no-publisher");
	char *cat = read_file_in(a, "catalog.jsonld", NULL);
	const char *const want[] = {
		"\"downloadURL\": \"ro/ro.xlsx\"",
		"\"downloadURL\": \"ro/ro.epub\"",
		"\"downloadURL\": \"ro/ro.jsonld\"",
		"\"downloadURL\": \"ro/csv/events.csv\"",
		"\"downloadURL\": \"ro/csv/datapackage.json\"",
		"\"modified\": \"1970-01-02\"",
	};
	const char *prev = cat;
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
		const char *at = strstr(prev, want[i]);
		ck_assert_msg(at != NULL, "missing or out of order: %s", want[i]);
		if (i + 1 < sizeof want / sizeof want[0])
			prev = at;
	}
	ck_assert_ptr_null(strstr(cat, "\"publisher\": {"));
	free(cat);
	char *b = build("b", "", RO " " XA);
	assert_same_file(a, b, "catalog.jsonld");
	free(a);
	free(b);
}
END_TEST

/* --base-iri and --publisher reach the products; nothing else changes. */
START_TEST(base_iri_and_publisher_are_used)
{
	char *a = build(
		"a", "--formats=jsonld,csv --base-iri=https://data.example.net/cop/ --publisher='Ünï \"Data\" Office'",
		XA);
	long t = check_bundle(a, "xa", XA);
	ck_assert_int_gt(t, 100);
	check_catalog(a, "'--publisher=Ünï \"Data\" Office'");
	char *doc = read_file_in(a, "xa/xa.jsonld", NULL);
	assert_has(doc, "\"@id\": \"https://data.example.net/cop/xa/country/xa\"");
	ck_assert_ptr_null(strstr(doc, "profilec.example"));
	free(doc);
	char *cat = read_file_in(a, "catalog.jsonld", NULL);
	assert_has(cat, "\"@id\": \"https://data.example.net/cop/xa/dataset/xa\"");
	assert_has(cat, "\"@id\": \"https://data.example.net/cop/xa/country/xa\"");
	assert_has(cat, "\"name\": \"Ünï \\\"Data\\\" Office\"");
	free(cat);
	free(a);
}
END_TEST

Suite *
suite_jsonld(void)
{
	Suite *s = suite_create("jsonld");
	TCase *tc = tcase_create("unit");
	tcase_add_checked_fixture(tc, test_tmp_setup, test_tmp_teardown);
	tcase_add_test(tc, json_writer_layout);
	tcase_add_test(tc, hand_graph_in_json_ld);
	tcase_add_test(tc, unwritable_output_is_reported);
	suite_add_tcase(s, tc);
	tc = tcase_create("build");
	tcase_add_checked_fixture(tc, test_tmp_setup, test_tmp_teardown);
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, bundles_load_and_are_reproducible);
	tcase_add_test(tc, catalog_lists_every_file);
	tcase_add_test(tc, base_iri_and_publisher_are_used);
	suite_add_tcase(s, tc);
	return s;
}
