/* Nothing the editor wrote is lost: CDATA is text, every text and number reaches every data product. */
#include <check.h>
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "../compiler/alloc.h"
#include "testutil.h"

#define EPOCH   "86400"
#define FORMATS "xlsx,epub,csv,jsonld"

/* ---- CDATA --------------------------------------------------------------- */

/* Rewrite every text of an element that holds more than white space as
 * half text, half CDATA section (a CDATA section may not hold "]]>": such
 * a text stays as it is). Nodes keep their lines: only text changes form. */
static void
cdata_everywhere(xmlDocPtr doc, xmlNodePtr n, size_t *changed)
{
	for (xmlNodePtr c = n->children, next; c != NULL; c = next) {
		next = c->next;
		if (c->type == XML_ELEMENT_NODE) {
			cdata_everywhere(doc, c, changed);
			continue;
		}
		if (c->type != XML_TEXT_NODE || c->content == NULL)
			continue;
		const char *s = (const char *)c->content;
		if (strspn(s, " \t\r\n") == strlen(s) || strstr(s, "]]>") != NULL)
			continue;
		/* Split on a character boundary, not inside a UTF-8 sequence. */
		size_t half = strlen(s) / 2;
		while (half > 0 && ((unsigned char)s[half] & 0xC0) == 0x80)
			half--;
		xmlNodePtr cd = xmlNewCDataBlock(doc, (const xmlChar *)s + half, (int)(strlen(s) - half));
		ck_assert_ptr_nonnull(cd);
		xmlNodePtr added = xmlAddNextSibling(c, cd);
		ck_assert_ptr_nonnull(added);
		if (half == 0) {
			xmlUnlinkNode(c);
			xmlFreeNode(c);
		} else {
			xmlChar *head = xmlStrndup((const xmlChar *)s, (int)half);
			xmlNodeSetContent(c, head);
			xmlFree(head);
		}
		(*changed)++;
	}
}

/* The source as libxml2 writes it back, with and without CDATA: two
 * files of the same name in test_tmp/plain and test_tmp/cdata. */
static size_t
write_variants(const char *src, char **plain, char **cdata)
{
	xmlDocPtr doc = xmlReadFile(src, NULL, XML_PARSE_NONET);
	ck_assert_msg(doc != NULL, "%s does not parse", src);
	const char *base = strrchr(src, '/');
	base = base ? base + 1 : src;
	*plain = pc_asprintf("%s/plain/%s", test_tmp, base);
	*cdata = pc_asprintf("%s/cdata/%s", test_tmp, base);
	pc_run r;
	run_sh(&r, "mkdir -p '%s/plain' '%s/cdata'", test_tmp, test_tmp);
	run_free(&r);
	ck_assert_int_ge(xmlSaveFileEnc(*plain, doc, "UTF-8"), 0);
	size_t changed = 0;
	cdata_everywhere(doc, xmlDocGetRootElement(doc), &changed);
	ck_assert_int_ge(xmlSaveFileEnc(*cdata, doc, "UTF-8"), 0);
	xmlFreeDoc(doc);
	return changed;
}

/* Every source and fixture, found by glob: a fixture added later is tested too. */
static glob_t
all_sources(void)
{
	glob_t gl;
	memset(&gl, 0, sizeof gl);
	int rc = glob("sources/*.xml", 0, NULL, &gl);
	ck_assert_msg(rc == 0, "no sources/*.xml");
	rc = glob("tests/fixtures/*.xml", GLOB_APPEND, NULL, &gl);
	ck_assert_msg(rc == 0, "no tests/fixtures/*.xml");
	return gl;
}

/* The country code of a source, from its dump's first lines. */
static char *
source_cc(const char *src)
{
	pc_run r;
	run_profilec(&r, "dump", src, NULL);
	ck_assert_msg(r.status == 0, "dump %s: exit %d: %.500s", src, r.status, r.err);
	const char *p = strstr(r.out, "cc=\"");
	ck_assert_ptr_nonnull(p);
	char *cc = pc_asprintf("%.2s", p + 4);
	run_free(&r);
	return cc;
}

/* Products unpacked, with the source's digest (the one thing that may
 * differ) replaced by a constant, in test_tmp/<variant>.n. */
static void
unpack(const char *variant, const char *src, const char *cc)
{
	pc_run r;
	run_sh(&r,
	       "set -e; d='%s/%s.out/%s'; n='%s/%s.n'; h=$(sha256sum '%s' | cut -c1-64); "
	       "mkdir -p \"$n/xlsx\" \"$n/epub\"; unzip -q -o \"$d/%s.xlsx\" -d \"$n/xlsx\"; "
	       "unzip -q -o \"$d/%s.epub\" -d \"$n/epub\"; cp -r \"$d/csv\" \"$d/%s.jsonld\" \"$n/\"; "
	       "grep -rlZ \"$h\" \"$n\" | xargs -0 -r sed -i \"s/$h/SOURCE-SHA256/g\"",
	       test_tmp, variant, cc, test_tmp, variant, src, cc, cc, cc);
	ck_assert_msg(r.status == 0, "unpack %s: %s", variant, r.err);
	run_free(&r);
}

START_TEST(cdata_builds_the_same_products)
{
	glob_t gl = all_sources();
	for (size_t i = 0; i < gl.gl_pathc; i++) {
		const char *src = gl.gl_pathv[i];
		char *plain, *cdata;
		size_t changed = write_variants(src, &plain, &cdata);
		ck_assert_msg(changed > 10, "%s: only %zu texts made CDATA", src, changed);
		char *cc = source_cc(plain);
		pc_run r;
		/* The dumps are the graphs: equal, and equal to the source's own. */
		run_sh(&r,
		       "%s dump '%s' > '%s/plain.dump' && %s dump '%s' > '%s/cdata.dump' && %s dump '%s' | diff - "
		       "'%s/cdata.dump' && diff '%s/plain.dump' '%s/cdata.dump'",
		       profilec_path(), plain, test_tmp, profilec_path(), cdata, test_tmp, profilec_path(), src,
		       test_tmp, test_tmp, test_tmp);
		ck_assert_msg(r.status == 0, "%s: the dumps differ with CDATA:\n%.3000s%.1000s", src, r.out, r.err);
		run_free(&r);
		const char *variants[] = {"plain", "cdata"};
		const char *files[] = {plain, cdata};
		for (int v = 0; v < 2; v++) {
			run_sh(&r, "SOURCE_DATE_EPOCH=" EPOCH " %s build -o '%s/%s.out' --formats=" FORMATS " '%s'",
			       profilec_path(), test_tmp, variants[v], files[v]);
			ck_assert_msg(r.status == 0, "build %s: exit %d: %.2000s", files[v], r.status, r.err);
			run_free(&r);
			unpack(variants[v], files[v], cc);
		}
		run_sh(&r, "diff -r '%s/plain.n' '%s/cdata.n'", test_tmp, test_tmp);
		ck_assert_msg(r.status == 0, "%s: products differ with CDATA:\n%.3000s", src, r.out);
		run_free(&r);
		run_sh(&r, "rm -rf '%s/plain.out' '%s/cdata.out' '%s/plain.n' '%s/cdata.n'", test_tmp, test_tmp,
		       test_tmp, test_tmp);
		run_free(&r);
		free(cc);
		free(plain);
		free(cdata);
	}
	globfree(&gl);
}
END_TEST

/* What each rule sees of a text, it sees through CDATA too. */
static void
expect_diag(const char *name, const char *xml, int status, const char *want)
{
	char *path = write_tmp_file(name, xml);
	pc_run r;
	run_profilec(&r, "validate", path, NULL);
	ck_assert_msg(r.status == status, "%s: exit %d, not %d:\n%s", name, r.status, status, r.err);
	ck_assert_msg(strstr(r.err, want) != NULL, "%s: no '%s' in:\n%s", name, want, r.err);
	run_free(&r);
	free(path);
}

#define HEAD                                                                                                           \
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"                                                                 \
	"<profile xmlns=\"urn:profilec:profile:1\" version=\"1.0\" lang=\"en\" modified=\"2026-11-28\">\n"
#define TITLE "  <title>Profile of <![CDATA[Xbania]]></title>\n"

START_TEST(cdata_is_checked_by_every_rule)
{
	/* Minimum length: an empty CDATA section is an empty name. */
	expect_diag("empty.xml",
		    HEAD TITLE "  <country code=\"XB\"><name><![CDATA[  ]]></name></country>\n</profile>\n", 1,
		    "<name> is empty");
	/* A formula trigger inside CDATA is one. */
	expect_diag("formula.xml",
		    HEAD TITLE
		    "  <country code=\"XB\"><name><![CDATA[=HYPERLINK(\"x\")]]></name></country>\n</profile>\n",
		    1, "[formula-trigger]");
	/* A name in CDATA is a name: no unnamed-actor warning, and its text is kept. */
	const char *named = HEAD TITLE "  <country code=\"XB\"><name>Xbania</name></country>\n"
				       "  <actors><actor id=\"a\" kind=\"ngo\"><name><![CDATA[A & B <Group>]]></name>"
				       "</actor></actors>\n</profile>\n";
	char *path = write_tmp_file("named.xml", named);
	pc_run r;
	run_profilec(&r, "dump", path, NULL);
	ck_assert_msg(r.status == 0, "%s", r.err);
	ck_assert_msg(strstr(r.out, "name=\"A & B <Group>\"") != NULL, "%s", r.out);
	ck_assert_msg(strstr(r.out, "title=\"Profile of Xbania\"") != NULL, "%s", r.out);
	ck_assert_msg(strstr(r.err, "unnamed-actor") == NULL, "%s", r.err);
	run_free(&r);
	free(path);
}
END_TEST

/* A CDATA section counts toward --max-text with the text around it. */
START_TEST(cdata_counts_toward_the_text_limit)
{
	char *body = pc_malloc(2000);
	char *p = body;
	p += sprintf(p, "%s", HEAD TITLE "  <country code=\"XB\"><name>");
	memset(p, 'a', 100), p += 100;
	p += sprintf(p, "<![CDATA[");
	memset(p, 'b', 150), p += 150;
	p += sprintf(p, "]]><!-- a comment is not text -->");
	memset(p, 'c', 100), p += 100;
	sprintf(p, "</name></country>\n</profile>\n");
	char *path = write_tmp_file("long.xml", body);
	pc_run r;
	run_profilec(&r, "validate", "--max-text=300", path, NULL);
	ck_assert_msg(r.status == 1 && strstr(r.err, "a text of 350 bytes, over the limit of 300") != NULL,
		      "exit %d: %s", r.status, r.err);
	run_free(&r);
	run_profilec(&r, "validate", "--max-text=350", path, NULL);
	ck_assert_msg(r.status == 0, "exit %d: %s", r.status, r.err);
	run_free(&r);
	free(path);
	free(body);
}
END_TEST

/* ---- Every text and number in every data product ------------------------------ */

#define PY      "/usr/bin/python3"
#define CHECKER "tests/lossless_check.py"

/* The checker needs Python with openpyxl and pyld: without them the test
 * cannot prove anything, so it fails under CI and says it skipped
 * elsewhere (tool_missing). */
static int
have_tools(const char *test)
{
	pc_run r;
	run_sh(&r, PY " -c 'import openpyxl, pyld'");
	int ok = r.status == 0;
	run_free(&r);
	return !tool_missing(test, ok, "python3 with openpyxl and pyld is missing");
}

static char *
build_data(const char *name, const char *src)
{
	pc_run r;
	char *out = pc_asprintf("%s/%s", test_tmp, name);
	run_sh(&r, "SOURCE_DATE_EPOCH=" EPOCH " %s build -o '%s' --formats=csv,xlsx,jsonld '%s'", profilec_path(), out,
	       src);
	ck_assert_msg(r.status == 0, "build %s: exit %d: %.2000s", src, r.status, r.err);
	run_free(&r);
	return out;
}

START_TEST(every_value_is_in_its_row_in_every_product)
{
	if (!have_tools("every_value_is_in_its_row_in_every_product"))
		return;
	glob_t gl = all_sources();
	for (size_t i = 0; i < gl.gl_pathc; i++) {
		const char *src = gl.gl_pathv[i];
		char *cc = source_cc(src);
		char *out = build_data(cc, src);
		pc_run r;
		run_sh(&r, PY " " CHECKER " '%s' '%s' %s", src, out, cc);
		ck_assert_msg(r.status == 0 && strstr(r.err, " 0 not found") != NULL, "%s: exit %d:\n%.4000s%.1000s",
			      src, r.status, r.out, r.err);
		run_free(&r);
		free(out);
		free(cc);
	}
	globfree(&gl);
}
END_TEST

/* The checker fails when a product loses a text: a mutated CSV cell,
 * workbook cell and JSON-LD value, each alone. */
START_TEST(a_lost_text_is_found_missing)
{
	if (!have_tools("a_lost_text_is_found_missing"))
		return;
	static const struct {
		const char *product, *mutate, *want;
	} cases[] = {
		{"csv", "sed -i 's/ (the same entry listed twice)\\.//' \"$d/xa/csv/publication_listings.csv\"",
		 "<description> 'Final report of the survey (the same entry listed twice).' not found: csv"},
		{"csv", "sed -i '0,/,1.5,/s//,1.50001,/' \"$d/xa/csv/penalty_changes.csv\"",
		 "change/@factor '1.5' not found: csv"},
		{"xlsx",
		 PY
		 " -c 'import openpyxl,sys; p=sys.argv[1]; wb=openpyxl.load_workbook(p); ws=wb[\"listing_authors\"]; "
		 "[c.__setattr__(\"value\", None) for r in ws.iter_rows() for c in r if c.value == \"J.\"]; "
		 "wb.save(p)' \"$d/xa/xa.xlsx\"",
		 "person/@given 'J.' not found: xlsx"},
		{"jsonld",
		 "sed -i 's/Statistics provided by the Xanadia/Statistics by the Xanadia/' \"$d/xa/xa.jsonld\"",
		 "<note> 'Statistics provided by the Xanadia Statistics Office (fictional).' not found: jsonld"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *name = pc_asprintf("m%zu", i);
		char *out = build_data(name, "tests/fixtures/xa.xml");
		pc_run r;
		run_sh(&r, "d='%s'; %s", out, cases[i].mutate);
		ck_assert_msg(r.status == 0, "mutate: %s", r.err);
		run_free(&r);
		run_sh(&r, PY " " CHECKER " tests/fixtures/xa.xml '%s' xa %s", out, cases[i].product);
		ck_assert_msg(r.status == 1 && strstr(r.out, cases[i].want) != NULL && strstr(r.err, ": 1 not found"),
			      "mutated %s: exit %d, want '%s':\n%.3000s%.500s", cases[i].product, r.status,
			      cases[i].want, r.out, r.err);
		run_free(&r);
		free(out);
		free(name);
	}
}
END_TEST

Suite *
suite_lossless(void)
{
	Suite *s = suite_create("lossless");
	TCase *cd = tcase_create("cdata");
	tcase_set_timeout(cd, 300);
	tcase_add_checked_fixture(cd, test_tmp_setup, test_tmp_teardown);
	tcase_add_test(cd, cdata_builds_the_same_products);
	tcase_add_test(cd, cdata_is_checked_by_every_rule);
	tcase_add_test(cd, cdata_counts_toward_the_text_limit);
	suite_add_tcase(s, cd);
	TCase *all = tcase_create("products");
	tcase_set_timeout(all, 300);
	tcase_add_checked_fixture(all, test_tmp_setup, test_tmp_teardown);
	tcase_add_test(all, every_value_is_in_its_row_in_every_product);
	tcase_add_test(all, a_lost_text_is_found_missing);
	suite_add_tcase(s, all);
	return s;
}
