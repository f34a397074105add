/* The rule catalogue: complete (every rule id the code emits is in it),
 * well-formed, and what `profilec rules` prints. */
#include <check.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "../compiler/alloc.h"
#include "../compiler/rules.h"
#include "testutil.h"

#define PY      "/usr/bin/python3"
#define SCANNER "tests/rules_used.py"

static int
id_syntax(const char *s)
{
	/* [a-z][a-z0-9]*(-[a-z0-9]+)*, as entity ids */
	if (!islower((unsigned char)*s))
		return 0;
	for (const char *p = s; *p; p++)
		if (!(islower((unsigned char)*p) || isdigit((unsigned char)*p) || *p == '-') ||
		    (*p == '-' && (p[1] == '-' || p[1] == '\0')))
			return 0;
	return 1;
}

START_TEST(catalogue_is_sorted_and_complete_per_entry)
{
	ck_assert_uint_gt(pc_n_rules, 25);
	for (size_t i = 0; i < pc_n_rules; i++) {
		const pc_rule *r = &pc_rules[i];
		ck_assert_msg(id_syntax(r->id), "rule id '%s'", r->id);
		if (i > 0)
			ck_assert_msg(strcmp(pc_rules[i - 1].id, r->id) < 0, "'%s' after '%s': keep the table sorted",
				      r->id, pc_rules[i - 1].id);
		ck_assert_msg(r->summary && r->summary[0] && r->summary[strlen(r->summary) - 1] != '.',
			      "%s: a one-line summary without a full stop", r->id);
		ck_assert_msg(strchr(r->summary, '\n') == NULL, "%s: summary on one line", r->id);
		ck_assert_msg(r->explain && strlen(r->explain) > 40, "%s: an explanation", r->id);
		ck_assert_msg(r->bad && r->bad[0] && r->good && r->good[0], "%s: both examples", r->id);
		ck_assert_msg(strcmp(r->bad, r->good) != 0 || strstr(r->bad, "no source") != NULL,
			      "%s: the good example differs from the bad one", r->id);
		ck_assert_ptr_eq(pc_rule_find(r->id), r);
	}
	ck_assert_ptr_null(pc_rule_find("no-such-rule"));
	ck_assert_ptr_null(pc_rule_find(""));
	ck_assert_ptr_null(pc_rule_find(NULL));
}
END_TEST

/* Every rule id in compiler/ and exporters/ (found by tests/rules_used.py,
 * which follows variables and wrappers such as pc_quality) is catalogued.
 * A new rule fails here until its entry is added to compiler/rules.c. */
START_TEST(every_emitted_rule_is_catalogued)
{
	pc_run r;
	run_sh(&r, "%s %s compiler/*.c exporters/*.c", PY, SCANNER);
	ck_assert_msg(r.status == 0, "%s: %s", SCANNER, r.err);
	size_t n = 0;
	char missing[2048] = "";
	for (char *line = strtok(r.out, "\n"); line; line = strtok(NULL, "\n")) {
		n++;
		if (pc_rule_find(line) == NULL && strlen(missing) + strlen(line) + 2 < sizeof missing) {
			strcat(missing, " ");
			strcat(missing, line);
		}
	}
	ck_assert_msg(missing[0] == '\0', "rule ids used but not in compiler/rules.c:%s", missing);
	/* The scanner found the rules of every path: a literal, a macro,
	 * a variable, a wrapper function. */
	ck_assert_uint_ge(n, 30);
	run_free(&r);
	run_sh(&r, "%s %s compiler/*.c exporters/*.c | grep -cxE 'formula-trigger|limit-text|encoding|missing-value'",
	       PY, SCANNER);
	ck_assert_str_eq(r.out, "4\n");
	run_free(&r);
}
END_TEST

/* The scanner itself: an uncatalogued literal is found; an argument it
 * cannot follow is an error, not a silent pass. */
START_TEST(scanner_finds_and_refuses)
{
	char *c = write_tmp_file("a.c", "static void\nwarn_it(pc_diag *d, const char *why)\n{\n"
					"\tpc_diag_report(d, PC_SEV_ERROR, \"f\", 1, 1, why, \"%s\", \"x\");\n}\n"
					"void\nf(pc_diag *d)\n{\n\twarn_it(d, \"brand-new-rule\");\n"
					"\tpc_diag_report(d, PC_SEV_ERROR, \"f\", 1, 1, \"other-rule\", \"m\");\n}\n");
	pc_run r;
	run_sh(&r, "%s %s %s", PY, SCANNER, c);
	ck_assert_int_eq(r.status, 0);
	ck_assert_str_eq(r.out, "brand-new-rule\nother-rule\n");
	run_free(&r);
	char *bad = write_tmp_file("b.c", "void\nf(pc_diag *d)\n{\n"
					  "\tpc_diag_report(d, PC_SEV_ERROR, \"f\", 1, 1, table[3].rule, \"m\");\n}\n");
	run_sh(&r, "%s %s %s", PY, SCANNER, bad);
	ck_assert_int_eq(r.status, 1);
	ck_assert_ptr_nonnull(strstr(r.err, "cannot resolve"));
	run_free(&r);
	free(c);
	free(bad);
}
END_TEST

START_TEST(rules_command_lists_and_explains)
{
	pc_run r;
	run_profilec(&r, "rules", NULL);
	ck_assert_int_eq(r.status, 0);
	size_t lines = 0;
	for (const char *p = r.out; *p; p++)
		lines += *p == '\n';
	ck_assert_uint_eq(lines, pc_n_rules);
	for (size_t i = 0; i < pc_n_rules; i++) {
		char *want = pc_asprintf("%-22s %-8s %s\n", pc_rules[i].id, pc_severity_name[pc_rules[i].level],
					 pc_rules[i].summary);
		ck_assert_msg(strstr(r.out, want) != NULL, "rules lists %s", pc_rules[i].id);
		free(want);
	}
	run_free(&r);

	run_profilec(&r, "rules", "formula-trigger", NULL);
	ck_assert_int_eq(r.status, 0);
	const pc_rule *rule = pc_rule_find("formula-trigger");
	ck_assert_ptr_nonnull(strstr(r.out, "formula-trigger (error): "));
	ck_assert_ptr_nonnull(strstr(r.out, rule->summary));
	ck_assert_ptr_nonnull(strstr(r.out, "\nWrong:\n    <event"));
	ck_assert_ptr_nonnull(strstr(r.out, "\nRight:\n    <event"));
	run_free(&r);

	run_profilec(&r, "rules", "no-such-rule", NULL);
	ck_assert_int_eq(r.status, 2);
	ck_assert_ptr_nonnull(strstr(r.err, "unknown rule 'no-such-rule'"));
	run_free(&r);
	run_profilec(&r, "rules", "schema", "io", NULL);
	ck_assert_int_eq(r.status, 2);
	run_free(&r);
}
END_TEST

#define RULES_BEGIN "<!-- rules: generated from compiler/rules.c by `make rules-doc`; do not edit -->\n"
#define RULES_END   "<!-- end of rules -->\n"

/* The section of a README between the markers, or NULL. */
static char *
rule_section(const char *readme)
{
	const char *b = strstr(readme, RULES_BEGIN), *e = b ? strstr(b, RULES_END) : NULL;
	if (e == NULL)
		return NULL;
	b += strlen(RULES_BEGIN);
	return pc_asprintf("%.*s", (int)(e - b), b);
}

/* schemas/README.md's rule table is the catalogue's, row for row: a rule
 * added to compiler/rules.c without `make rules-doc` fails here. And the
 * writer puts a stale table right. */
START_TEST(readme_rule_table_is_the_catalogue)
{
	pc_run r;
	run_profilec(&r, "rules", "--format=markdown", NULL);
	ck_assert_int_eq(r.status, 0);
	size_t rows = 0;
	for (const char *p = r.out; *p; p++)
		rows += *p == '\n';
	ck_assert_uint_eq(rows, pc_n_rules + 2);
	for (size_t i = 0; i < pc_n_rules; i++) {
		char *row = pc_asprintf("\n| `%s` | %s | ", pc_rules[i].id, pc_severity_name[pc_rules[i].level]);
		ck_assert_msg(strstr(r.out, row) != NULL, "the markdown table lacks %s", pc_rules[i].id);
		free(row);
	}
	char *readme = read_file("schemas/README.md", NULL);
	char *section = rule_section(readme);
	ck_assert_msg(section != NULL, "schemas/README.md lacks the rule section's marker lines");
	ck_assert_msg(strcmp(section, r.out) == 0,
		      "schemas/README.md's rule table is not what compiler/rules.c gives: run 'make rules-doc'");
	free(section);

	/* A stale copy (a row gone, another changed) is written back whole. */
	char *stale = pc_strdup(readme);
	char *row = strstr(stale, "\n| `io` |");
	ck_assert_ptr_nonnull(row);
	memcpy(row + 3, "oi", 2);
	char *path = write_tmp_file("README.md", stale);
	run_free(&r);
	run_sh(&r, "sh schemas/rules-section.sh \"$PROFILEC\" '%s'", path);
	ck_assert_msg(r.status == 0, "rules-section.sh: %s", r.err);
	char *rewritten = read_file(path, NULL);
	ck_assert_str_eq(rewritten, readme);
	free(rewritten);
	free(path);
	free(stale);
	free(readme);
	run_free(&r);
}
END_TEST

Suite *
suite_rules(void)
{
	Suite *s = suite_create("rules");
	TCase *t = tcase_create("catalogue");
	tcase_add_checked_fixture(t, test_tmp_setup, test_tmp_teardown);
	tcase_set_timeout(t, 30);
	tcase_add_test(t, catalogue_is_sorted_and_complete_per_entry);
	tcase_add_test(t, every_emitted_rule_is_catalogued);
	tcase_add_test(t, scanner_finds_and_refuses);
	tcase_add_test(t, rules_command_lists_and_explains);
	tcase_add_test(t, readme_rule_table_is_the_catalogue);
	suite_add_tcase(s, t);
	return s;
}
