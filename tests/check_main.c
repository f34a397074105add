/* The one Check runner: every tests/check_NAME.c gives suite_NAME(). */
#include <check.h>
#include <stdlib.h>

#include "suites.h"

#define PC_SUITE(name) Suite *suite_##name(void);
PC_SUITES
#undef PC_SUITE

int
main(void)
{
	SRunner *sr = srunner_create(NULL);
#define PC_SUITE(name) srunner_add_suite(sr, suite_##name());
	PC_SUITES
#undef PC_SUITE
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
