/* The editor's loop: diagnostics in order and once, the nearest word. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "../compiler/diag.h"
#include "../compiler/fixit.h"
#include "testutil.h"

START_TEST(diag_sort_orders_and_dedups)
{
	pc_diag d;
	pc_diag_init(&d);
	pc_diag_report(&d, PC_SEV_ERROR, "b.xml", 3, 1, "schema", "late file");
	pc_diag_report(&d, PC_SEV_ERROR, "a.xml", 9, 2, "schema", "nine");
	pc_diag_report(&d, PC_SEV_ERROR, "a.xml", 2, 7, "bad-number", "\"1,0\" is not a number");
	pc_diag_report(&d, PC_SEV_WARNING, NULL, 0, 0, "source-date-epoch", "no file");
	pc_diag_report(&d, PC_SEV_ERROR, "a.xml", 2, 7, "schema", "'1,0' is not a decimal");
	pc_diag_report(&d, PC_SEV_ERROR, "a.xml", 9, 2, "schema", "nine");
	pc_diag_report(&d, PC_SEV_ERROR, "a.xml", 9, 2, "formula-trigger", "also nine");
	pc_diag_report(&d, PC_SEV_ERROR, "z.xml", 1, 1, "malformed", "first");
	pc_diag_report(&d, PC_SEV_ERROR, "z.xml", 1, 1, "malformed", "cascade");
	pc_diag_report(&d, PC_SEV_ERROR, "c.xml", 1, 1, "io", "not in the list");
	const char *files[] = {"z.xml", "a.xml", "b.xml"};
	pc_diag_sort(&d, 0, files, 3);
	const char *want[][2] = {{NULL, "no file"},
				 {"z.xml", "first"},
				 {"a.xml", "'1,0' is not a decimal"},
				 {"a.xml", "nine"},
				 {"a.xml", "also nine"},
				 {"b.xml", "late file"},
				 {"c.xml", "not in the list"}};
	ck_assert_uint_eq(d.n_items, 7);
	for (size_t i = 0; i < 7; i++) {
		ck_assert_str_eq(d.items[i].message, want[i][1]);
		if (want[i][0])
			ck_assert_str_eq(d.items[i].file, want[i][0]);
		else
			ck_assert_ptr_null(d.items[i].file);
	}
	ck_assert_uint_eq(d.n_errors, 6);
	ck_assert_uint_eq(d.n_warnings, 1);
	pc_diag_free(&d);
}
END_TEST

START_TEST(nearest_word)
{
	const char *const roles[] = {"organizer", "funder", "partner", "subject"};
	ck_assert_str_eq(pc_nearest("funderr", roles, 4), "funder");
	ck_assert_str_eq(pc_nearest("Partner", roles, 4), "partner");
	ck_assert_str_eq(pc_nearest("organiser", roles, 4), "organizer");
	ck_assert_ptr_null(pc_nearest("zzz", roles, 4));
	ck_assert_ptr_null(pc_nearest("funder", roles, 4)); /* nothing to suggest when it is right */
	const char *const themes[] = {"education-ict", "child-protection"};
	ck_assert_str_eq(pc_nearest("education", themes, 2), "education-ict");
}
END_TEST

Suite *
suite_editor(void)
{
	Suite *s = suite_create("editor");
	TCase *t = tcase_create("diagnostics");
	tcase_add_test(t, diag_sort_orders_and_dedups);
	tcase_add_test(t, nearest_word);
	suite_add_tcase(s, t);
	return s;
}
