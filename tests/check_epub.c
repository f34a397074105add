/* The EPUB handout: epubcheck-clean, whole (every entry, every link), markup shown as text, reproducible. */
#include <check.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../compiler/alloc.h"
#include "../compiler/digest.h"
#include "../exporters/buf.h"
#include "../exporters/export.h"
#include "testutil.h"

#define PY        "/usr/bin/python3"
#define CHECKER   "tests/epub_check.py"
#define EPUBCHECK "/usr/share/java/epubcheck.jar"
#define XA        "tests/fixtures/xa.xml"
#define RO        "sources/ro.xml"
#define MARKUP    "tests/cases/epub-markup.xml"
#define BIDI      "tests/cases/epub-bidi.xml"
/* 2021-03-14T02:30:00Z: 02:30 does not exist in New York that day (its
 * clocks skip from 02:00 to 03:00), the hardest case for a ZIP time. */
#define DST_GAP_EPOCH "1615689000"

/* Run tests/epub_check.py; extra is more arguments, already quoted. */
static void
run_checker(const char *epub, const char *src, const char *extra)
{
	char *d = dump_to_file(src);
	pc_run r;
	run_sh(&r, "%s %s '%s' '%s' %s", PY, CHECKER, epub, d, extra);
	ck_assert_msg(r.status == 0, "%s: checker exit %d:\n%.4000s%.2000s", epub, r.status, r.out, r.err);
	ck_assert_ptr_nonnull(strstr(r.out, "ok: 8 documents"));
	run_free(&r);
	free(d);
}

static char *
sha256_of(const char *path)
{
	size_t len;
	char *data = read_file(path, &len);
	ck_assert_msg(data != NULL, "cannot read %s", path);
	char *hex = pc_malloc(65);
	pc_sha256_hex(data, len, hex);
	free(data);
	return hex;
}

/* ---- The book is whole -------------------------------------------------- */

START_TEST(xa_book_is_whole)
{
	char *epub = build_product("xa", "", XA, "xa", "epub");
	run_checker(epub, XA, "");
	free(epub);
}
END_TEST

/* Every entry of the Romanian profile, counted in the book itself. */
START_TEST(ro_book_is_whole)
{
	char *epub = build_product("ro", "", RO, "ro", "epub");
	run_checker(epub, RO, "--counts tests/ro_counts.txt");
	free(epub);
}
END_TEST

/* A source text that holds markup shows as that text, escaped. */
START_TEST(markup_in_the_source_shows_as_text)
{
	char *epub = build_product("markup", "", MARKUP, "xb", "epub");
	run_checker(epub, MARKUP,
		    "--text '<script>alert(1)</script>' --text '<img src=x onerror=alert(2)> Foundation' "
		    "--text '</cite><a href=\"http://remote.example/\">click</a>' --text '<h1>Not a heading</h1>' "
		    "--text 'The \"Quoted\" & '\\''Single'\\'' Fund' --text ']]>' --text '&amp;' "
		    "--text '<style>body{display:none}</style>'");
	/* And the raw bytes of the timeline hold it escaped, nothing else. */
	pc_run r;
	run_sh(&r, "cd '%s' && unzip -p '%s' OEBPS/timeline.xhtml", test_tmp, epub);
	ck_assert_int_eq(r.status, 0);
	ck_assert_ptr_nonnull(strstr(r.out, "<p dir=\"auto\">&lt;script&gt;alert(1)&lt;/script&gt; was typed"));
	ck_assert_ptr_null(strstr(r.out, "<script"));
	run_free(&r);
	free(epub);
}
END_TEST

/* Names of other scripts are filed under their own letters, in the
 * collation's order (Latin, Greek, Cyrillic, Hebrew, Arabic), accented
 * ones with their bare letter, digits apart; right-to-left names and
 * titles are isolated where they sit in a sentence of the other direction. */
START_TEST(bidirectional_text_and_letters)
{
	char *epub = build_product("bidi", "", BIDI, "xb", "epub");
	run_checker(epub, BIDI, "");
	pc_run r;
	run_sh(&r, "unzip -p '%s' OEBPS/organizations.xhtml", epub);
	ck_assert_int_eq(r.status, 0);
	const char *order[] = {"<section id=\"l_0\">\n<h2>0\xe2\x80\x93"
			       "9 and symbols</h2>",
			       "<section id=\"l_E\">\n<h2>E</h2>",
			       "<section id=\"l_u0395\">\n<h2>\xce\x95</h2>",
			       "<section id=\"l_u0417\">\n<h2>\xd0\x97</h2>",
			       "<section id=\"l_u05DE\">\n<h2>\xd7\x9e</h2>",
			       "<section id=\"l_u062C\">\n<h2>\xd8\xac</h2>"};
	const char *at = r.out;
	for (size_t i = 0; i < sizeof order / sizeof order[0]; i++) {
		const char *p = strstr(at, order[i]);
		ck_assert_msg(p != NULL, "'%s' missing or out of order in:\n%.3000s", order[i], r.out);
		at = p;
	}
	/* École files with Eagle under E, not under a letter of its own. */
	ck_assert_ptr_null(strstr(r.out, "<h2>\xc3\x89</h2>"));
	ck_assert_ptr_nonnull(strstr(r.out, "<p dir=\"auto\">\xd8\xaa\xd8\xb9\xd9\x85\xd9\x84"));
	run_free(&r);
	run_sh(&r, "unzip -p '%s' OEBPS/timeline.xhtml OEBPS/bibliography.xhtml", epub);
	ck_assert_ptr_nonnull(strstr(r.out, "<p dir=\"auto\">\xd8\xac\xd9\x85\xd8\xb9\xd9\x8a\xd8\xa9"));
	ck_assert_ptr_nonnull(strstr(r.out, "<bdi>\xd8\xac\xd9\x85\xd8\xb9\xd9\x8a\xd8\xa9 "));
	ck_assert_ptr_nonnull(strstr(r.out, "<cite dir=\"auto\">\xd8\xaf\xd9\x84\xd9\x8a\xd9\x84"));
	run_free(&r);
	run_sh(&r, "unzip -p '%s' OEBPS/laws.xhtml", epub);
	ck_assert_msg(strstr(r.out, "<td>10,000 to 50,000\xc2\xa0"
				    "EUR</td>") != NULL,
		      "%.3000s", r.out);
	run_free(&r);
	free(epub);
}
END_TEST

/* The checker fails a broken book: it is not a test that always passes. */
START_TEST(checker_catches_broken_books)
{
	char *epub = build_product("xa", "", XA, "xa", "epub");
	char *bad = pc_asprintf("%s/bad.epub", test_tmp);
	char *d = dump_to_file(XA);
	pc_run r;
	run_sh(&r,
	       "%s -c 'import sys, zipfile\n"
	       "src = zipfile.ZipFile(sys.argv[1]); out = zipfile.ZipFile(sys.argv[2], \"w\")\n"
	       "for i in src.infolist():\n"
	       "    d = src.read(i.filename)\n"
	       "    if i.filename == \"OEBPS/timeline.xhtml\":\n"
	       "        d = d.replace(b\"organizations.xhtml#council-of-nations\", b\"organizations.xhtml#nowhere\")\n"
	       "        d = d.replace(b\"Kids\", b\"<script>x</script>Kids\", 1)\n"
	       "    if i.filename == \"OEBPS/laws.xhtml\":\n"
	       "        d = d.replace(b\"id=\\\"act-12-2018-art-4\\\"\", b\"\")\n"
	       "    if i.filename != \"OEBPS/about.xhtml\":\n"
	       "        out.writestr(i.filename, d, compress_type=zipfile.ZIP_DEFLATED)\n"
	       "out.close()' '%s' '%s' && %s %s '%s' '%s'",
	       PY, epub, bad, PY, CHECKER, bad, d);
	ck_assert_msg(r.status == 1, "checker exit %d on a broken book:\n%s%s", r.status, r.out, r.err);
	const char *expect[] = {
		"mimetype is compressed",
		"holds a script element",
		"no id 'nowhere' in OEBPS/organizations.xhtml",
		"article act-12-2018-art-4 has no anchor",
		"OEBPS/about.xhtml is in the manifest but not in the zip",
	};
	for (size_t i = 0; i < sizeof expect / sizeof expect[0]; i++)
		ck_assert_msg(strstr(r.out, expect[i]) != NULL, "the checker missed '%s':\n%s", expect[i], r.out);
	run_free(&r);
	free(d);
	free(bad);
	free(epub);
}
END_TEST

/* ---- epubcheck ---------------------------------------------------------- */

/* A profile with nothing but its country: every chapter says it is empty,
 * and the timeline has no figure (nor the manifest's svg property). */
static pc_graph *
empty_graph(void)
{
	pc_graph *g = pc_graph_new();
	pc_strtab *s = &g->strings;
	g->source_path = pc_intern(s, "empty.xml");
	memset(g->source_sha256, '0', 64);
	g->title = pc_intern(s, "An empty profile");
	g->lang = pc_intern(s, "en");
	g->modified = pc_intern(s, "1970-01-02");
	g->build_epoch = 86400;
	strcpy(g->build_date, "1970-01-02");
	strcpy(g->build_timestamp, "1970-01-02T00:00:00Z");
	pc_country *c = PC_PUSH(g, countries);
	c->n.id = pc_intern(s, "xy");
	c->code = pc_intern(s, "XY");
	c->name = pc_intern(s, "Empty Xland");
	return g;
}

START_TEST(empty_profile_makes_a_valid_book)
{
	pc_graph *g = empty_graph();
	pc_export_opts o = {.dir = test_tmp, .base_iri = PC_DEFAULT_BASE_IRI};
	pc_diag d;
	pc_diag_init(&d);
	ck_assert_int_eq(pc_export_epub(g, &o, &d), PC_EXIT_OK);
	ck_assert_uint_eq(d.n_errors, 0);
	char *epub = pc_asprintf("%s/xy.epub", test_tmp);
	char *dumpfile = pc_asprintf("%s/empty.dump", test_tmp);
	FILE *f = fopen(dumpfile, "w");
	ck_assert_ptr_nonnull(f);
	fputs("country xy @0\n", f);
	fclose(f);
	pc_run r;
	run_sh(&r, "%s %s '%s' '%s'", PY, CHECKER, epub, dumpfile);
	ck_assert_msg(r.status == 0, "checker: %s%s", r.out, r.err);
	run_free(&r);
	run_sh(&r, "unzip -p '%s' OEBPS/timeline.xhtml OEBPS/package.opf", epub);
	ck_assert_ptr_null(strstr(r.out, "<svg"));
	ck_assert_ptr_null(strstr(r.out, "properties=\"svg\""));
	ck_assert_ptr_nonnull(strstr(r.out, "The profile lists no events."));
	run_free(&r);
	free(epub);
	free(dumpfile);
	pc_diag_free(&d);
	pc_graph_free(g);
}
END_TEST

/* epubcheck, failing on warnings, on the Romanian book, the fixture, the
 * empty profile's book and every test case that builds. */
START_TEST(epubcheck_finds_nothing)
{
	if (tool_missing(
		    "epubcheck_finds_nothing", access(EPUBCHECK, R_OK) == 0 && have_command("java"),
		    "epubcheck is not installed: `make check` installs it (Debian epubcheck, default-jre-headless)"))
		return;
	char *books = pc_asprintf("%s/books", test_tmp);
	ck_assert_int_eq(mkdir(books, 0777), 0);
	pc_run r;
	int built = build_every_source(books, "epub");
	ck_assert_int_ge(built, 4); /* ro, xa, and at least the valid cases */

	pc_graph *g = empty_graph();
	pc_export_opts o = {.dir = books, .base_iri = PC_DEFAULT_BASE_IRI};
	pc_diag d;
	pc_diag_init(&d);
	ck_assert_int_eq(pc_export_epub(g, &o, &d), PC_EXIT_OK);
	pc_diag_free(&d);
	pc_graph_free(g);

	/* Two JVMs at a time: epubcheck's start-up dominates. */
	run_sh(&r,
	       "cd '%s' && ls *.epub | xargs -P 2 -I{} sh -c "
	       "'java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar %s --failonwarnings {} >{}.log 2>&1 || "
	       "{ echo \"epubcheck failed on {}:\"; cat {}.log; }'; ls *.epub | wc -l",
	       books, EPUBCHECK);
	ck_assert_msg(r.status == 0 && strstr(r.out, "failed") == NULL, "%.6000s%.1000s", r.out, r.err);
	ck_assert_int_eq(atoi(r.out), built + 1);
	run_free(&r);
	/* Each log says so in words too. */
	run_sh(&r, "cd '%s' && grep -L 'No errors or warnings detected' *.log", books);
	ck_assert_msg(r.out_len == 0, "epubcheck reported something on: %s", r.out);
	run_free(&r);
	free(books);
}
END_TEST

/* ---- Reproducible ------------------------------------------------------- */

/* The same SHA-256 under two time zones, with the build date from the
 * source and from a SOURCE_DATE_EPOCH in New York's daylight-saving gap;
 * the ZIP entries carry that time read in UTC. */
START_TEST(time_zones_give_identical_books)
{
	const char *dates[] = {"", "SOURCE_DATE_EPOCH=" DST_GAP_EPOCH};
	for (size_t i = 0; i < 2; i++) {
		char *e1 = pc_asprintf("TZ=UTC %s", dates[i]);
		char *e2 = pc_asprintf("TZ=America/New_York %s", dates[i]);
		char *n1 = pc_asprintf("utc%zu", i), *n2 = pc_asprintf("ny%zu", i), *n3 = pc_asprintf("again%zu", i);
		char *a = build_product(n1, e1, RO, "ro", "epub"), *b = build_product(n2, e2, RO, "ro", "epub"),
		     *c = build_product(n3, e2, RO, "ro", "epub");
		char *ha = sha256_of(a), *hb = sha256_of(b), *hc = sha256_of(c);
		ck_assert_msg(strcmp(ha, hb) == 0, "TZ changes the book (%s): %s vs %s", dates[i], ha, hb);
		ck_assert_str_eq(hb, hc);
		pc_run r;
		run_sh(&r,
		       "%s -c 'import sys, zipfile; print(sorted({i.date_time for i in "
		       "zipfile.ZipFile(sys.argv[1]).infolist()}))' '%s'",
		       PY, b);
		const char *want = i == 0 ? "[(2026, 11, 28, 0, 0, 0)]" : "[(2021, 3, 14, 2, 30, 0)]";
		ck_assert_msg(strstr(r.out, want) != NULL, "entry times %s, want %s", r.out, want);
		run_free(&r);
		free(ha), free(hb), free(hc), free(a), free(b), free(c);
		free(n1), free(n2), free(n3), free(e1), free(e2);
	}
}
END_TEST

/* The package's modified date and identifier follow the build date and the
 * country, never the clock or chance. */
START_TEST(package_dates_and_identifier)
{
	char *a = build_product("a", "SOURCE_DATE_EPOCH=" DST_GAP_EPOCH, XA, "xa", "epub");
	pc_run r;
	run_sh(&r, "unzip -p '%s' OEBPS/package.opf", a);
	ck_assert_ptr_nonnull(strstr(r.out, "<meta property=\"dcterms:modified\">2021-03-14T02:30:00Z</meta>"));
	ck_assert_ptr_nonnull(strstr(r.out, "<dc:language>en</dc:language>"));
	const char *id = strstr(r.out, "urn:uuid:");
	ck_assert_ptr_nonnull(id);
	char uuid[46];
	snprintf(uuid, sizeof uuid, "%.45s", id);
	run_free(&r);
	/* Another edition date, the same book identity. */
	char *b = build_product("b", "", XA, "xa", "epub");
	run_sh(&r, "unzip -p '%s' OEBPS/package.opf", b);
	ck_assert_ptr_nonnull(strstr(r.out, uuid));
	ck_assert_ptr_nonnull(strstr(r.out, "<meta property=\"dcterms:modified\">2026-11-28T00:00:00Z</meta>"));
	run_free(&r);
	free(a);
	free(b);
}
END_TEST

/* ---- Output faults ------------------------------------------------------ */

/* A disk that fills up while libzip writes: exit 3, libzip's cause, the path. */
START_TEST(full_disk_is_an_output_error)
{
	char *out = pc_asprintf("%s/full", test_tmp);
	pc_run r;
	run_sh(&r, "trap '' XFSZ; ulimit -f 16; %s %s build -o '%s' --formats=epub sources/ro.xml",
	       getenv("PROFILEC_WRAPPER") ? getenv("PROFILEC_WRAPPER") : "", profilec_path(), out);
	ck_assert_msg(r.status == 3, "exit %d: %s", r.status, r.err);
	ck_assert_msg(strstr(r.err, "ro.epub") != NULL && strstr(r.err, "File too large") != NULL, "%s", r.err);
	run_free(&r);
	struct stat sb;
	char *epub = pc_asprintf("%s/ro/ro.epub", out);
	ck_assert_msg(stat(epub, &sb) != 0, "a half-written book is in place");
	free(epub);
	free(out);
}
END_TEST

/* A file already where the book goes is never overwritten (a planted one). */
START_TEST(existing_file_is_not_overwritten)
{
	char *path = pc_asprintf("%s/xy.epub", test_tmp);
	FILE *f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fputs("precious\n", f);
	fclose(f);
	pc_graph *g = empty_graph();
	pc_export_opts o = {.dir = test_tmp, .base_iri = PC_DEFAULT_BASE_IRI};
	pc_diag d;
	pc_diag_init(&d);
	ck_assert_int_eq(pc_export_epub(g, &o, &d), PC_EXIT_OUTPUT);
	ck_assert_uint_eq(d.n_errors, 1);
	ck_assert_str_eq(d.items[0].file, path);
	ck_assert_msg(strstr(d.items[0].message, "exists") != NULL, "%s", d.items[0].message);
	char *content = read_file(path, NULL);
	ck_assert_str_eq(content, "precious\n");
	free(content);
	pc_diag_free(&d);
	pc_graph_free(g);
	free(path);
}
END_TEST

/* Eight themes, the most a profile declares: each has a mark of its own
 * shape and colour in the timeline (the legend and every event of the theme
 * alike), so a reader without colour still tells the lanes apart. */
START_TEST(eight_themes_have_eight_marks)
{
	static const char *const labels[] = {"Ẹkọ",  "Защита", "حماية",     "Ασφάλεια",
					     "保护", "Haki",   "Segurança", "Ochrana"};
	pc_buf b;
	pc_buf_init(&b);
	pc_buf_puts(&b,
		    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		    "<profile xmlns=\"urn:profilec:profile:1\" version=\"1.1\" lang=\"en\" modified=\"2026-11-28\">\n"
		    "  <country code=\"XE\"><name>Eightland</name></country>\n  <events>\n");
	for (int i = 1; i <= 8; i++)
		pc_buf_printf(&b, "    <theme id=\"t%d\"><label>%s</label></theme>\n", i, labels[i - 1]);
	for (int i = 1; i <= 8; i++)
		for (int k = 0; k < 2; k++)
			pc_buf_printf(&b,
				      "    <event id=\"ev-%d-t%d\" year=\"%d\" theme=\"t%d\"><text>Event %d of theme "
				      "%d.</text></event>\n",
				      2000 + 2 * i + k, i, 2000 + 2 * i + k, i, k + 1, i);
	pc_buf_puts(&b, "  </events>\n</profile>\n");
	pc_buf_putc(&b, '\0');
	char *src = write_tmp_file("eight.xml", b.data);
	pc_buf_free(&b);
	pc_run r;
	run_sh(&r,
	       "%s build -o '%s/out' --formats=epub '%s' >/dev/null && unzip -p '%s/out/xe/xe.epub' "
	       "OEBPS/timeline.xhtml | %s -c 'import re, sys\n"
	       "marks = re.findall(r\"<(circle|rect|polygon)([^>]*)fill=\\\"([^\\\"]+)\\\"\", sys.stdin.read())\n"
	       "def shape(tag, attrs):\n"
	       "    if tag != \"polygon\":\n"
	       "        return tag\n"
	       "    pts = [tuple(map(float, p.split(\",\"))) for p in re.search(r\"points=\\\"([^\\\"]+)\", "
	       "attrs).group(1).split()]\n"
	       "    return tuple((round(x - pts[0][0], 1), round(y - pts[0][1], 1)) for x, y in pts)\n"
	       "by_colour = {}\n"
	       "for tag, attrs, fill in marks:\n"
	       "    by_colour.setdefault(fill, set()).add(shape(tag, attrs))\n"
	       "print(len(marks), len(by_colour), sorted(len(v) for v in by_colour.values()) == [1] * 8,\n"
	       "      len({next(iter(v)) for v in by_colour.values()}))'",
	       profilec_path(), test_tmp, src, test_tmp, PY);
	ck_assert_msg(r.status == 0, "%s", r.err);
	/* 8 in the legend and 16 events; 8 colours, one shape each, 8 shapes */
	ck_assert_str_eq(r.out, "24 8 True 8\n");
	run_free(&r);
	free(src);
}
END_TEST

/* "What the profile lacks" says what each gap is: an organization whose
 * kind is not stated does not state its kind (it has a name), one without
 * a name has no name. */
START_TEST(what_the_profile_lacks_says_which_gap)
{
	char *src = write_tmp_file(
		"gaps.xml",
		"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		"<profile xmlns=\"urn:profilec:profile:1\" version=\"1.1\" lang=\"en\" modified=\"2026-11-30\">\n"
		"  <country code=\"XG\"><name>Gapland</name></country>\n"
		"  <actors>\n"
		"    <actor id=\"kindless-fund\"><name>Kindless Fund</name></actor>\n"
		"    <actor id=\"nameless-line\" kind=\"hotline\"><unnamed/><description>A "
		"helpline.</description></actor>\n"
		"  </actors>\n</profile>\n");
	pc_run r;
	run_sh(&r,
	       "%s build -o '%s/out' --formats=epub '%s' >/dev/null && unzip -p '%s/out/xg/xg.epub' "
	       "OEBPS/overview.xhtml | sed -n 's/<[^>]*>//g; /^The organization/p'",
	       profilec_path(), test_tmp, src, test_tmp);
	ck_assert_msg(r.status == 0, "%s", r.err);
	ck_assert_str_eq(r.out, "The organization Kindless Fund does not state its kind.\n"
				"The organization Unnamed hotline has no name: A helpline.\n");
	run_free(&r);
	free(src);
}
END_TEST

Suite *
suite_epub(void)
{
	Suite *s = suite_create("epub");
	TCase *tc = tcase_create("book");
	tcase_add_checked_fixture(tc, test_tmp_setup, test_tmp_teardown);
	tcase_set_timeout(tc, 300);
	tcase_add_test(tc, xa_book_is_whole);
	tcase_add_test(tc, ro_book_is_whole);
	tcase_add_test(tc, markup_in_the_source_shows_as_text);
	tcase_add_test(tc, bidirectional_text_and_letters);
	tcase_add_test(tc, checker_catches_broken_books);
	tcase_add_test(tc, empty_profile_makes_a_valid_book);
	tcase_add_test(tc, time_zones_give_identical_books);
	tcase_add_test(tc, package_dates_and_identifier);
	tcase_add_test(tc, full_disk_is_an_output_error);
	tcase_add_test(tc, existing_file_is_not_overwritten);
	tcase_add_test(tc, eight_themes_have_eight_marks);
	tcase_add_test(tc, what_the_profile_lacks_says_which_gap);
	suite_add_tcase(s, tc);
	TCase *ec = tcase_create("epubcheck");
	tcase_add_checked_fixture(ec, test_tmp_setup, test_tmp_teardown);
	tcase_set_timeout(ec, 900);
	tcase_add_test(ec, epubcheck_finds_nothing);
	suite_add_tcase(s, ec);
	return s;
}
