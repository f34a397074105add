/* The CSV tables and datapackage.json: exact bytes, read back by tests/csv_check.py, reproducible. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../compiler/alloc.h"
#include "../exporters/export.h"
#include "../exporters/tables.h"
#include "testutil.h"

#define PY      "/usr/bin/python3"
#define CHECKER "tests/csv_check.py"
#define XA      "tests/fixtures/xa.xml"
#define RO      "sources/ro.xml"
#define QUOTING "tests/cases/csv-quoting.xml"
#define NFD     "tests/cases/csv-nfd.xml"
#define EPOCH   "86400" /* 1970-01-02T00:00:00Z */

/* ---- A graph built by hand: every cell kind, and text no source can hold --- */

static const char **
strings(pc_graph *g, const char *const *list, size_t n)
{
	const char **a = pc_strtab_alloc(&g->strings, n * sizeof *a);
	for (size_t i = 0; i < n; i++)
		a[i] = pc_intern(&g->strings, list[i]);
	return a;
}

/* The hand graph's law: one instrument, its article, two penalties. */
static void
hand_laws(pc_graph *g)
{
	pc_strtab *s = &g->strings;
	pc_instrument *in = PC_PUSH(g, instruments);
	in->n.id = pc_intern(s, "law-1");
	in->n.line = 9;
	in->type = PC_INSTR_LAW;
	in->title = pc_intern(s, "Law one");
	in->signed_ = -1, in->ratified = 1, in->in_force = 0;
	in->issuer = -1;

	pc_article *ar = PC_PUSH(g, articles);
	ar->n.id = pc_intern(s, "law-1-art-1");
	ar->instrument = 0;
	ar->number = pc_intern(s, "1");
	ar->text = pc_intern(s, "t");

	pc_penalty *p = PC_PUSH(g, penalties);
	p->n.id = pc_intern(s, "pen-1");
	p->n.line = 7;
	p->kind = PC_PEN_IMPRISONMENT;
	p->min = pc_intern(s, "0.5"), p->max = pc_intern(s, "2");
	p->unit = pc_intern(s, "years");
	p->alternative_to = p->in_addition_to = -1;
	p->part = -1; /* of article 0 of instrument 0 (zeroed) */
	p = PC_PUSH(g, penalties);
	p->n.id = pc_intern(s, "pen-2");
	p->n.line = 8;
	p->kind = PC_PEN_FINE;
	p->min = pc_intern(s, "1000"), p->max = pc_intern(s, "2500.75");
	p->unit = pc_intern(s, "RON");
	p->unit_is_currency = 1;
	p->alternative_to = 0;
	p->in_addition_to = -1;
	p->part = -1;
}

static pc_graph *
hand_graph(void)
{
	pc_graph *g = pc_graph_new();
	pc_strtab *s = &g->strings;
	g->source_path = pc_intern(s, "/somewhere/else/hand.xml");
	pc_graph_default_themes(g);
	memset(g->source_sha256, '0', 64);
	g->title = pc_intern(s, "Hand-built \"profile\"");
	g->modified = pc_intern(s, "1970-01-02");
	strcpy(g->build_date, "1970-01-02");
	strcpy(g->build_timestamp, "1970-01-02T00:00:00Z");

	pc_country *c = PC_PUSH(g, countries);
	c->n.id = pc_intern(s, "xz");
	c->n.line = 3;
	c->code = pc_intern(s, "XZ");
	c->name = pc_intern(s, "Hand Xland");

	for (int i = 0; i < 2; i++) {
		pc_provider *src = PC_PUSH(g, providers);
		src->n.id = pc_intern(s, i ? "src-2" : "src-1");
		src->name = pc_intern(s, i ? "Second" : "First");
	}
	pc_indicator *ind = PC_PUSH(g, indicators);
	ind->n.id = pc_intern(s, "ind-1");
	ind->label = pc_intern(s, "Users");
	ind->providers = pc_strtab_alloc(s, 2 * sizeof *ind->providers);
	ind->providers[0] = 1;
	ind->providers[1] = 0;
	ind->n_providers = 2;

	/* A newline and a CR cannot come from a source (whitespace is
	 * folded), but the writer must still quote them. */
	pc_event *e = PC_PUSH(g, events);
	e->n.id = pc_intern(s, "ev-1");
	e->n.line = 5;
	e->year = 2001;
	e->theme = PC_THEME_EDUCATION_ICT;
	e->text = pc_intern(s, "a,b \"q\"\nline two\r\nthree");
	e = PC_PUSH(g, events);
	e->n.id = pc_intern(s, "ev-2");
	e->n.line = 6;
	e->year = 2002;
	e->end_year = 2004;
	e->theme = PC_THEME_CHILD_PROTECTION;
	e->text = pc_intern(s, "plain");

	static const char *const alias_a[] = {"A1", "A, two"};
	static const char *const alias_c[] = {"C1"};
	const char *const ids[] = {"org-a", "org-b", "org-c"};
	for (int i = 0; i < 3; i++) {
		pc_actor *a = PC_PUSH(g, actors);
		a->n.id = pc_intern(s, ids[i]);
		a->kind = pc_intern(s, "ngo");
		a->name = i == 0 ? NULL : pc_intern(s, ids[i]); /* the first has no name */
	}
	g->actors[0].aliases = strings(g, alias_a, 2);
	g->actors[0].n_aliases = 2;
	g->actors[0].directory = 1;
	g->actors[0].founded = 1999;
	g->actors[2].aliases = strings(g, alias_c, 1);
	g->actors[2].n_aliases = 1;

	pc_event_actor *ea = PC_PUSH(g, event_actors);
	ea->event = 0, ea->actor = 0, ea->role = PC_ROLE_ORGANIZER, ea->line = 5;
	ea = PC_PUSH(g, event_actors);
	ea->event = 1, ea->actor = 2, ea->role = PC_ROLE_FUNDER;

	hand_laws(g);
	pc_event_citation *ec = PC_PUSH(g, event_citations);
	ec->event = 1;
	ec->target = (pc_ref){PC_INSTRUMENT, 0};
	return g;
}

static char *
export_hand(pc_graph *g)
{
	char *dir = pc_asprintf("%s/xz", test_tmp);
	ck_assert_int_eq(mkdir(dir, 0777), 0);
	pc_export_opts o = {.dir = dir, .base_iri = "https://example.org/"};
	pc_diag d;
	pc_diag_init(&d);
	int rc = pc_export_csv(g, &o, &d);
	ck_assert_msg(rc == PC_EXIT_OK && d.n_errors == 0, "export: %d, %s", rc, d.n_items ? d.items[0].message : "");
	pc_diag_free(&d);
	return dir;
}

START_TEST(tables_are_well_formed)
{
	ck_assert_uint_ge(pc_n_tables, PC_KIND_COUNT + 5);
	for (size_t t = 0; t < pc_n_tables; t++) {
		const pc_table *tb = &pc_tables[t];
		ck_assert_ptr_eq(pc_table_named(tb->name), tb);
		ck_assert_msg(tb->n_columns > 0 && tb->primary_key && tb->primary_key[0], "%s", tb->name);
		if (tb->kind != PC_KIND_COUNT) {
			ck_assert_ptr_eq(pc_table_for_kind(tb->kind), tb);
			ck_assert_str_eq(tb->columns[0].name, "id");
		}
		for (size_t i = 0; i < tb->n_columns; i++) {
			const pc_column *c = &tb->columns[i];
			for (const char *p = c->name; *p; p++)
				ck_assert_msg((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_',
					      "%s.%s is not snake_case", tb->name, c->name);
			for (size_t j = 0; j < i; j++)
				ck_assert_msg(strcmp(c->name, tb->columns[j].name) != 0, "%s.%s twice", tb->name,
					      c->name);
			if (c->references) {
				const pc_table *to = pc_table_named(c->references);
				/* A key names a table with an id column (a node table, or the listings). */
				ck_assert_msg(to && pc_table_column(to, "id") == 0, "%s.%s references %s", tb->name,
					      c->name, c->references);
				ck_assert_int_eq(c->type, PC_COL_STRING);
			}
		}
		for (size_t k = 0; tb->primary_key[k]; k++) {
			size_t i = 0;
			while (i < tb->n_columns && strcmp(tb->columns[i].name, tb->primary_key[k]) != 0)
				i++;
			ck_assert_msg(i < tb->n_columns, "%s: key %s is no column", tb->name, tb->primary_key[k]);
		}
	}
	for (int k = 0; k < PC_KIND_COUNT; k++)
		ck_assert_int_eq(pc_table_for_kind((pc_kind)k)->kind, k);
	ck_assert_ptr_null(pc_table_for_kind(PC_KIND_COUNT));
	ck_assert_ptr_null(pc_table_named("nope"));
	ck_assert_str_eq(pc_table_for_kind(PC_PERSON)->name, "people");
}
END_TEST

/* What the workbook relies on: a reference cell names its target's id and
 * links to it; an id cell is the node's own id, in graph order. */
START_TEST(cells_link_to_their_targets)
{
	pc_graph *g = hand_graph();
	pc_cell cells[64];
	for (size_t t = 0; t < pc_n_tables; t++) {
		const pc_table *tb = &pc_tables[t];
		ck_assert_uint_le(tb->n_columns, 64);
		size_t n = pc_table_n_rows(tb, g);
		if (tb->kind != PC_KIND_COUNT)
			ck_assert_uint_eq(n, pc_graph_count(g, tb->kind));
		for (size_t r = 0; r < n; r++) {
			pc_table_row(tb, g, r, cells);
			if (tb->kind != PC_KIND_COUNT)
				ck_assert_str_eq(cells[0].str, pc_graph_node(g, (pc_ref){tb->kind, (uint32_t)r})->id);
			for (size_t i = 0; i < tb->n_columns; i++) {
				const pc_column *c = &tb->columns[i];
				if (!c->references || !cells[i].present)
					continue;
				const pc_table *to = pc_table_named(c->references);
				if (to->kind == PC_KIND_COUNT)
					continue; /* a key without a link: the CSV checker resolves it */
				ck_assert_int_eq(cells[i].link.kind, to->kind);
				ck_assert_str_eq(cells[i].str, pc_graph_node(g, cells[i].link)->id);
			}
		}
	}
	/* Rows of flattened lists, out of order too. */
	const pc_table *al = pc_table_named("actor_aliases");
	ck_assert_uint_eq(pc_table_n_rows(al, g), 3);
	pc_table_row(al, g, 2, cells);
	ck_assert_str_eq(cells[0].str, "org-c");
	ck_assert_str_eq(cells[2].str, "C1");
	pc_table_row(al, g, 0, cells);
	ck_assert_str_eq(cells[2].str, "A1");
	pc_table_row(al, g, 1, cells);
	ck_assert_str_eq(cells[2].str, "A, two");
	ck_assert(cells[1].num == 2);
	pc_table_row(al, g, 2, cells);
	ck_assert_str_eq(cells[2].str, "C1");
	pc_table_row(al, g, 3, cells); /* past the end: all empty, no crash */
	ck_assert_int_eq(cells[0].present, 0);
	pc_graph_free(g);
}
END_TEST

START_TEST(hand_graph_gives_exact_bytes)
{
	pc_graph *g = hand_graph();
	char *dir = export_hand(g);
	char *s = read_file_in(dir, "csv/events.csv", NULL);
	ck_assert_str_eq(s, "id,year,end_year,theme,text,planned,line\r\n"
			    "ev-1,2001,,education-ict,\"a,b \"\"q\"\"\nline two\r\nthree\",,5\r\n"
			    "ev-2,2002,2004,child-protection,plain,,6\r\n");
	free(s);
	s = read_file_in(dir, "csv/penalties.csv", NULL);
	ck_assert_str_eq(s, "id,article_id,instrument_id,part_id,kind,min_value,max_value,unit,unit_is_currency,base,"
			    "daily_amount_min,daily_amount_max,daily_amount_currency,offence,condition,"
			    "alternative_to_id,in_addition_to_id,line\r\n"
			    "pen-1,law-1-art-1,law-1,,imprisonment,0.5,2,years,false,,,,,,,,,7\r\n"
			    "pen-2,law-1-art-1,law-1,,fine,1000,2500.75,RON,true,,,,,,,pen-1,,8\r\n");
	free(s);
	s = read_file_in(dir, "csv/instruments.csv", NULL);
	ck_assert_msg(strstr(s, "\r\nlaw-1,law,,,Law one,,,true,false,,,9\r\n") != NULL, "%s", s);
	free(s);
	s = read_file_in(dir, "csv/actors.csv", NULL);
	ck_assert_msg(strstr(s, "\r\norg-a,ngo,,,,1999,true,,,,\r\norg-b,ngo,org-b,,,,false,,,,\r\n") != NULL, "%s", s);
	free(s);
	s = read_file_in(dir, "csv/actor_aliases.csv", NULL);
	ck_assert_str_eq(s, "actor_id,position,alias\r\norg-a,1,A1\r\norg-a,2,\"A, two\"\r\norg-c,1,C1\r\n");
	free(s);
	s = read_file_in(dir, "csv/indicator_sources.csv", NULL);
	ck_assert_str_eq(s, "indicator_id,source_id,position\r\nind-1,src-2,1\r\nind-1,src-1,2\r\n");
	free(s);
	s = read_file_in(dir, "csv/event_citations.csv", NULL);
	ck_assert_str_eq(s, "event_id,cited_id,instrument_id,publication_id,line\r\nev-2,law-1,law-1,,\r\n");
	free(s);
	s = read_file_in(dir, "csv/datapackage.json", NULL);
	ck_assert_msg(strstr(s, "\"title\": \"Hand-built \\\"profile\\\"\"") != NULL, "%s", s);
	ck_assert_msg(strstr(s, "\"created\": \"1970-01-02T00:00:00Z\"") != NULL, "%s", s);
	ck_assert_msg(strstr(s, "{\"title\": \"hand.xml\", \"hash\": \"sha256:000000") != NULL,
		      "the source path leaks into the package: %.600s", s);
	ck_assert_msg(strstr(s, "\"reference\": {\"resource\": \"\", \"fields\": \"id\"}") != NULL,
		      "a penalty's reference to another penalty is not a self-reference");
	free(s);

	/* The strict reader agrees: a newline inside quotes is one field. */
	pc_run r;
	run_sh(&r, "%s %s '%s/csv'", PY, CHECKER, dir);
	ck_assert_msg(r.status == 0, "checker exit %d:\n%.4000s%.2000s", r.status, r.out, r.err);
	run_free(&r);
	free(dir);
	pc_graph_free(g);
}
END_TEST

/* A directory that cannot be made is a diagnostic naming it and exit 3. */
START_TEST(unwritable_output_is_reported)
{
	pc_graph *g = hand_graph();
	char *file = pc_asprintf("%s/not-a-dir", test_tmp);
	FILE *f = fopen(file, "w");
	ck_assert_ptr_nonnull(f);
	fclose(f);
	pc_export_opts o = {.dir = file, .base_iri = "https://example.org/"};
	pc_diag d;
	pc_diag_init(&d);
	ck_assert_int_eq(pc_export_csv(g, &o, &d), PC_EXIT_OUTPUT);
	ck_assert_uint_ge(d.n_errors, 1);
	ck_assert_msg(d.items[0].file && strstr(d.items[0].file, "not-a-dir/csv"), "%s", d.items[0].file);
	pc_diag_free(&d);
	free(file);
	pc_graph_free(g);
}
END_TEST

/* ---- The real binary on real sources -------------------------------------- */

/* Build srcs (space-separated, quoted by the caller) into test_tmp/name. */
static char *
build(const char *name, const char *srcs)
{
	pc_run r;
	char *out = pc_asprintf("%s/%s", test_tmp, name);
	const char *w = getenv("PROFILEC_WRAPPER");
	run_sh(&r, "SOURCE_DATE_EPOCH=%s %s '%s' build -o '%s' --formats=csv %s", EPOCH, w ? w : "", profilec_path(),
	       out, srcs);
	ck_assert_msg(r.status == 0, "build %s: exit %d: %.2000s", srcs, r.status, r.err);
	run_free(&r);
	return out;
}

static void
check_against_dump(const char *out, const char *cc, const char *src)
{
	pc_run r;
	char *dump = dump_to_file(src);
	run_sh(&r, "%s %s '%s/%s/csv' '%s'", PY, CHECKER, out, cc, dump);
	ck_assert_msg(r.status == 0, "%s: checker exit %d:\n%.4000s%.2000s", src, r.status, r.out, r.err);
	run_free(&r);
	free(dump);
}

START_TEST(xa_and_ro_read_back)
{
	char *out = build("a", XA " " RO);
	check_against_dump(out, "xa", XA);
	check_against_dump(out, "ro", RO);
	char *pkg = read_file_in(out, "ro/csv/datapackage.json", NULL);
	ck_assert_msg(strstr(pkg, "\"name\": \"profilec-ro\"") != NULL, "%.300s", pkg);
	ck_assert_msg(strstr(pkg, "\"created\": \"1970-01-02T00:00:00Z\"") != NULL, "%.300s", pkg);
	ck_assert_msg(strstr(pkg, "\"title\": \"Country profile: Romania\"") != NULL, "%.300s", pkg);
	free(pkg);
	free(out);
}
END_TEST

/* The same source twice, once by another path: the same bytes. */
START_TEST(two_builds_are_byte_identical)
{
	char cwd[4096];
	ck_assert_ptr_nonnull(getcwd(cwd, sizeof cwd));
	char *abs = pc_asprintf("'%s/" XA "' '%s/" RO "'", cwd, cwd);
	char *a = build("a", XA " " RO);
	char *b = build("b", abs);
	const char *ccs[] = {"xa", "ro"};
	size_t files = 0;
	for (int c = 0; c < 2; c++) {
		for (size_t t = 0; t <= pc_n_tables; t++) {
			char *rel = t < pc_n_tables ? pc_asprintf("%s/csv/%s.csv", ccs[c], pc_tables[t].name)
						    : pc_asprintf("%s/csv/datapackage.json", ccs[c]);
			char *pa = pc_asprintf("%s/%s", a, rel), *pb = pc_asprintf("%s/%s", b, rel);
			size_t la, lb;
			char *da = read_file(pa, &la), *db = read_file(pb, &lb);
			ck_assert_msg(da && db, "missing %s", rel);
			ck_assert_msg(la == lb && memcmp(da, db, la) == 0, "%s differs between builds", rel);
			files++;
			free(da), free(db), free(pa), free(pb), free(rel);
		}
	}
	ck_assert_uint_eq(files, 2 * (pc_n_tables + 1));
	free(a), free(b), free(abs);
}
END_TEST

START_TEST(commas_and_quotes_are_quoted)
{
	char *out = build("q", QUOTING);
	char *s = read_file_in(out, "xb/csv/events.csv", NULL);
	ck_assert_msg(strstr(s, "\r\nev-2012-quotes,2012,,education-ict,"
				"\"\"\"Stop, think, connect\"\", the agency said, launching its campaign.\",,8\r\n"
				"ev-2013-plain,2013,,child-protection,A plain text with no special characters,,12\r\n"),
		      "%s", s);
	free(s);
	s = read_file_in(out, "xb/csv/actors.csv", NULL);
	ck_assert_msg(strstr(s, "\r\nagency,government-body,\"Agency for Safety, Trust and \"\"Care\"\"\",") != NULL,
		      "%s", s);
	free(s);
	s = read_file_in(out, "xb/csv/actor_aliases.csv", NULL);
	ck_assert_str_eq(s, "actor_id,position,alias\r\nagency,1,\"The \"\"Safety\"\" Agency\"\r\n");
	free(s);
	check_against_dump(out, "xb", QUOTING);
	free(out);
}
END_TEST

/* A name typed with combining accents reaches the tables precomposed. */
START_TEST(decomposed_text_comes_out_in_nfc)
{
	char *out = build("n", NFD);
	check_against_dump(out, "xb", NFD);
	free(out);
}
END_TEST

Suite *
suite_csv(void)
{
	Suite *s = suite_create("csv");
	TCase *unit = tcase_create("tables");
	tcase_add_checked_fixture(unit, test_tmp_setup, test_tmp_teardown);
	tcase_add_test(unit, tables_are_well_formed);
	tcase_add_test(unit, cells_link_to_their_targets);
	tcase_add_test(unit, hand_graph_gives_exact_bytes);
	tcase_add_test(unit, unwritable_output_is_reported);
	suite_add_tcase(s, unit);
	TCase *cli = tcase_create("build");
	tcase_set_timeout(cli, 120);
	tcase_add_checked_fixture(cli, test_tmp_setup, test_tmp_teardown);
	tcase_add_test(cli, xa_and_ro_read_back);
	tcase_add_test(cli, two_builds_are_byte_identical);
	tcase_add_test(cli, commas_and_quotes_are_quoted);
	tcase_add_test(cli, decomposed_text_comes_out_in_nfc);
	suite_add_tcase(s, cli);
	return s;
}
