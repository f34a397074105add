/* The source format's versions: 1.0 sources keep their products byte for
 * byte, and the constructs of 1.1 reach every product. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../compiler/alloc.h"
#include "testutil.h"

/* Every product of sources/ro.xml and tests/fixtures/xa.xml, built with a
 * fixed date, has the checksum recorded in tests/golden/products.sha256.
 * A deliberate change of a product updates that file (make
 * golden-products) and says why in tests/golden/products.md. */
START_TEST(golden_products_unchanged)
{
	pc_run r;
	run_sh(&r, "sh tests/golden/products.sh '%s' '%s/dist'", profilec_path(), test_tmp);
	ck_assert_msg(r.status == 0, "build: exit %d: %s", r.status, r.err);
	char *want = read_file("tests/golden/products.sha256", NULL);
	ck_assert_ptr_nonnull(want);
	if (strcmp(r.out, want) != 0) {
		char *actual = pc_asprintf("%s/products.sha256", test_tmp);
		write_file(actual, r.out, r.out_len);
		pc_run d;
		run_sh(&d, "diff tests/golden/products.sha256 '%s'", actual);
		ck_abort_msg("products differ from tests/golden/products.sha256 (if on purpose: make "
			     "golden-products, and say why in tests/golden/products.md):\n%s",
			     d.out);
	}
	free(want);
	run_free(&r);
}
END_TEST

Suite *
suite_format(void)
{
	Suite *s = suite_create("format");
	TCase *golden = tcase_create("golden");
	tcase_set_timeout(golden, 120);
	tcase_add_checked_fixture(golden, test_tmp_setup, test_tmp_teardown);
	tcase_add_test(golden, golden_products_unchanged);
	suite_add_tcase(s, golden);
	return s;
}
