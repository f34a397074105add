/* The diagnostics channel's formats and its trip between processes, and the
 * graph's accessors on every kind: what the CLI tests reach only in part. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../compiler/alloc.h"
#include "../compiler/compiler.h"
#include "../compiler/diag.h"
#include "../compiler/graph.h"
#include "testutil.h"

/* What pc_diag_print writes, as a string (free it). */
static char *
printed(const pc_diag *d, pc_diag_format fmt)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	ck_assert_ptr_nonnull(f);
	pc_diag_print(d, fmt, f);
	ck_assert_int_eq(fclose(f), 0);
	return text;
}

/* GitHub's annotations: % CR LF escaped everywhere, : and , in properties. */
START_TEST(github_format_escapes)
{
	pc_diag d;
	pc_diag_init(&d);
	/* A message keeps its first line only (libxml2 ends its own with a
	 * newline), so CR and LF can come only in a file name or a rule. */
	pc_diag_report(&d, PC_SEV_NOTE, "a:b,c\r\n.xml", 3, 4, "r:1,2%", "50%% done\rnext: a, b");
	pc_diag_report(&d, PC_SEV_WARNING, NULL, 0, 0, "w", "no file");
	char *out = printed(&d, PC_FMT_GITHUB);
	ck_assert_str_eq(out,
			 "::notice file=a%3Ab%2Cc%0D%0A.xml,line=3,col=4,title=r%3A1%2C2%25::50%25 done next: a, b\n"
			 "::warning title=w::no file\n");
	free(out);
	pc_diag_free(&d);
}
END_TEST

/* JSON: a message about no file has "file": null; strings escaped as the
 * products escape them. */
/* The dump and `profilec diff` are read line by line: a quoted text stays
 * on one line whatever it holds. */
START_TEST(quoted_text_stays_on_one_line)
{
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);
	pc_put_quoted(f, "a \"b\" \\c\nd\te\x01");
	fclose(f);
	ck_assert_str_eq(out, "\"a \\\"b\\\" \\\\c\\nd\\te\\x01\"");
	free(out);
}
END_TEST

START_TEST(json_format_without_a_file)
{
	pc_diag d;
	pc_diag_init(&d);
	pc_diag_report(&d, PC_SEV_ERROR, NULL, 0, 0, "internal", "tab\there \"quoted\"");
	char *out = printed(&d, PC_FMT_JSON);
	ck_assert_msg(strstr(out, "\"file\": null, \"line\": 0, \"column\": 0, \"severity\": \"error\", \"rule\": "
				  "\"internal\", \"message\": \"tab\\there \\\"quoted\\\"\"}") != NULL,
		      "%s", out);
	ck_assert_ptr_nonnull(strstr(out, "\"errors\": 1,\n  \"warnings\": 0,\n  \"dropped\": 0\n}"));
	free(out);
	pc_diag_free(&d);
}
END_TEST

/* Past max_items, messages are counted but not kept, and the summary says so. */
START_TEST(flood_guard_counts_what_it_drops)
{
	pc_diag d;
	pc_diag_init(&d);
	d.max_items = 2;
	for (int i = 0; i < 5; i++)
		pc_diag_report(&d, PC_SEV_WARNING, "x.xml", (unsigned)i + 1, 1, "w", "warning %d", i);
	ck_assert_uint_eq(d.n_items, 2);
	ck_assert_uint_eq(d.n_dropped, 3);
	ck_assert_uint_eq(d.n_warnings, 5);
	ck_assert_int_eq(pc_diag_failed(&d), 0);
	d.werror = 1;
	ck_assert_int_eq(pc_diag_failed(&d), 1);
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	pc_diag_print_summary(&d, 1, f);
	fclose(f);
	ck_assert_str_eq(text, "profilec: 3 further diagnostics not shown\n0 errors, 5 warnings in 1 file\n");
	free(text);
	pc_diag_free(&d);
	pc_diag_free(NULL);
}
END_TEST

/* Saved in a worker, loaded in the parent: the same diagnostics, appended;
 * a file cut short anywhere is refused, not half read. */
START_TEST(save_and_load_round_trip)
{
	pc_diag d, back;
	pc_diag_init(&d);
	pc_diag_init(&back);
	pc_diag_report(&d, PC_SEV_ERROR, "a.xml", 1, 2, "r", "first");
	pc_diag_report(&d, PC_SEV_WARNING, NULL, 0, 0, "", "second, about no file");
	char *path = pc_asprintf("%s/diag.bin", test_tmp);
	FILE *f = fopen(path, "w+b");
	ck_assert_ptr_nonnull(f);
	ck_assert_int_eq(pc_diag_save(&d, f), 0);
	long size = ftell(f);
	rewind(f);
	ck_assert_int_eq(pc_diag_load(&back, f), 0);
	fclose(f);
	char *want = printed(&d, PC_FMT_JSON), *got = printed(&back, PC_FMT_JSON);
	ck_assert_str_eq(got, want);
	free(want);
	free(got);
	size_t len = 0;
	char *bytes = read_file(path, &len);
	ck_assert_int_eq((long)len, size);
	/* The first record alone is a whole file; every other cut is not. */
	size_t first = 12 + (4 + strlen("a.xml")) + (4 + strlen("r")) + (4 + strlen("first"));
	for (size_t cut = 1; cut < len; cut++) {
		pc_diag part;
		pc_diag_init(&part);
		FILE *g = fmemopen(bytes, cut, "rb");
		ck_assert_ptr_nonnull(g);
		if (cut == first)
			ck_assert_msg(pc_diag_load(&part, g) == 0 && part.n_items == 1, "one whole record refused");
		else
			ck_assert_msg(pc_diag_load(&part, g) != 0, "a file cut at %zu of %zu bytes was accepted", cut,
				      len);
		fclose(g);
		pc_diag_free(&part);
	}
	free(bytes);
	free(path);
	pc_diag_free(&d);
	pc_diag_free(&back);
}
END_TEST

/* Every kind's count, header and label, on the fixtures (xa has every
 * kind of format 1.0, xc the parts of 1.1), and nothing for a reference
 * out of range. */
START_TEST(graph_accessors_cover_every_kind)
{
	pc_compiler_init();
	pc_limits lim;
	pc_limits_default(&lim);
	pc_diag d;
	pc_diag_init(&d);
	pc_graph *g = pc_compile("tests/fixtures/xa.xml", &lim, &d);
	ck_assert_ptr_nonnull(g);
	pc_graph *g11 = pc_compile("tests/fixtures/xc.xml", &lim, &d);
	ck_assert_ptr_nonnull(g11);
	pc_graph *xa = g;
	for (int k = 0; k < PC_KIND_COUNT; k++) {
		g = k == PC_PART ? g11 : xa;
		size_t n = pc_graph_count(g, (pc_kind)k);
		ck_assert_msg(n > 0, "the fixture has no %s", pc_kind_plural[k]);
		for (uint32_t i = 0; i < n; i++) {
			pc_ref r = {(pc_kind)k, i};
			const pc_node *node = pc_graph_node(g, r);
			ck_assert_ptr_nonnull(node);
			ck_assert_msg(node->id != NULL && node->line > 0, "%s %u has no id or line", pc_kind_name[k],
				      i);
			const char *label = pc_graph_label(g, r);
			ck_assert_msg(label != NULL && label[0] != '\0', "%s '%s' has no label", pc_kind_name[k],
				      node->id);
		}
		pc_ref past = {(pc_kind)k, (uint32_t)n};
		ck_assert_ptr_null(pc_graph_node(g, past));
		ck_assert_str_eq(pc_graph_label(g, past), "");
	}
	ck_assert_uint_eq(pc_graph_count(xa, PC_KIND_COUNT), 0);
	pc_graph_free(xa);
	pc_graph_free(g11);
	pc_graph_free(NULL);
	pc_diag_free(&d);
	pc_compiler_cleanup();
}
END_TEST

Suite *
suite_diag(void)
{
	Suite *s = suite_create("diag");
	TCase *tc = tcase_create("diag");
	tcase_add_checked_fixture(tc, test_tmp_setup, test_tmp_teardown);
	tcase_add_test(tc, github_format_escapes);
	tcase_add_test(tc, quoted_text_stays_on_one_line);
	tcase_add_test(tc, json_format_without_a_file);
	tcase_add_test(tc, flood_guard_counts_what_it_drops);
	tcase_add_test(tc, save_and_load_round_trip);
	tcase_add_test(tc, graph_accessors_cover_every_kind);
	suite_add_tcase(s, tc);
	return s;
}
