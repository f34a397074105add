/* Hostile and huge sources: a clear error, bounded time and memory, nothing leaked. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../compiler/alloc.h"
#include "../compiler/compiler.h"
#include "testutil.h"

static const char head[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	"<profile xmlns=\"urn:profilec:profile:1\" version=\"1.0\" lang=\"en\" modified=\"2026-11-28\">\n"
	"  <title>Generated hostile case (fictional)</title>\n";

static char *
write_case(const char *name, void (*body)(FILE *))
{
	char *path = pc_asprintf("%s/%s.xml", test_tmp, name);
	FILE *f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fputs(head, f);
	body(f);
	fputs("</profile>\n", f);
	ck_assert_int_eq(fclose(f), 0);
	return path;
}

/* Sanitizers and valgrind reserve address space: bound memory only when
 * the binary runs bare. */
static const char *
memory_limit(void)
{
	const char *w = getenv("PROFILEC_WRAPPER");
	const char *s = getenv("PROFILEC_SANITIZED");
	return (w && *w) || (s && *s) ? "" : "ulimit -v 262144; ";
}

/* Run validate and build under a time bound (and a memory bound where
 * possible); both must fail with the rule expected, and build write nothing. */
static void
expect_refused(const char *path, const char *rule, int seconds)
{
	pc_run r;
	char *out = pc_asprintf("%s/out", test_tmp);
	const char *w = getenv("PROFILEC_WRAPPER");
	run_sh(&r, "%stimeout %d %s %s validate '%s'", memory_limit(), w && *w ? seconds * 30 : seconds, w ? w : "",
	       profilec_path(), path);
	ck_assert_msg(r.status == 1, "validate %s: exit %d (124 is a time-out): %.500s", path, r.status, r.err);
	ck_assert_msg(strstr(r.err, rule) != NULL, "validate %s: no %s in %.500s", path, rule, r.err);
	ck_assert_msg(strstr(r.err, path) != NULL, "validate %s: the message does not name the file", path);
	run_free(&r);
	run_sh(&r, "%stimeout %d %s %s build -o '%s' '%s'", memory_limit(), w && *w ? seconds * 30 : seconds,
	       w ? w : "", profilec_path(), out, path);
	ck_assert_msg(r.status == 1, "build %s: exit %d: %.500s", path, r.status, r.err);
	struct stat sb;
	ck_assert_msg(stat(out, &sb) != 0, "build of %s wrote %s", path, out);
	run_free(&r);
	free(out);
}

static void
deep_body(FILE *f)
{
	fputs("  <country code=\"XB\"><name>Deep</name></country>\n  <events>", f);
	for (int i = 0; i < 100000; i++)
		fputs("<event>", f);
	for (int i = 0; i < 100000; i++)
		fputs("</event>", f);
	fputs("</events>\n", f);
}

START_TEST(nesting_100000_deep)
{
	char *p = write_case("deep", deep_body);
	expect_refused(p, "[limit-depth]", 2);
	free(p);
}
END_TEST

static void
attrs_body(FILE *f)
{
	fputs("  <country code=\"XB\"", f);
	for (int i = 0; i < 40000; i++)
		fprintf(f, " a%d=\"%d\"", i, i);
	fputs("><name>Many attributes</name></country>\n", f);
}

START_TEST(attributes_40000)
{
	char *p = write_case("attrs", attrs_body);
	expect_refused(p, "[limit-attributes]", 2);
	free(p);
}
END_TEST

static void
huge_text_body(FILE *f)
{
	fputs("  <country code=\"XB\"><name>", f);
	for (int i = 0; i < 10 * 1024; i++)
		for (int k = 0; k < 1024; k++)
			fputc('a' + (k % 26), f);
	fputs("</name></country>\n", f);
}

START_TEST(text_10_mb)
{
	char *p = write_case("text", huge_text_body);
	expect_refused(p, "[limit-text]", 2);
	free(p);
}
END_TEST

static void
huge_attr_body(FILE *f)
{
	fputs("  <country code=\"", f);
	for (int i = 0; i < 10 * 1024 * 1024; i++)
		fputc('X', f);
	fputs("\"><name>Huge attribute</name></country>\n", f);
}

START_TEST(attribute_10_mb)
{
	char *p = write_case("attr", huge_attr_body);
	expect_refused(p, "[limit-text]", 2);
	free(p);
}
END_TEST

/* Over the size limit: refused before it is parsed, and the limit is an option. */
START_TEST(size_limit_is_an_option)
{
	pc_run r;
	run_profilec(&r, "validate", "--max-size=1000", "sources/ro.xml", NULL);
	ck_assert_int_eq(r.status, 1);
	ck_assert_ptr_nonnull(strstr(r.err, "[limit-size]"));
	ck_assert_ptr_nonnull(strstr(r.err, "--max-size"));
	run_free(&r);
	run_profilec(&r, "validate", "--max-depth=3", "sources/ro.xml", NULL);
	ck_assert_int_eq(r.status, 1);
	ck_assert_ptr_nonnull(strstr(r.err, "[limit-depth]"));
	run_free(&r);
}
END_TEST

/* Billion laughs: a fast error in bounded memory (2 s, 256 MB). */
START_TEST(billion_laughs_bounded)
{
	expect_refused("tests/cases/billion-laughs.xml", "[doctype]", 2);
}
END_TEST

/* An external entity naming /etc/passwd: its content appears nowhere. */
START_TEST(xxe_reads_nothing)
{
	char *passwd = read_file("/etc/passwd", NULL);
	ck_assert_ptr_nonnull(passwd);
	char first_line[128] = "";
	sscanf(passwd, "%127[^\n]", first_line);
	pc_run r;
	char *out = pc_asprintf("%s/out", test_tmp);
	run_profilec(&r, "build", "-o", out, "--format=json", "tests/cases/xxe-file.xml", NULL);
	ck_assert_int_eq(r.status, 1);
	ck_assert_msg(strstr(r.out, first_line) == NULL && strstr(r.err, first_line) == NULL,
		      "/etc/passwd leaked into a message");
	run_free(&r);
	run_sh(&r, "grep -rqF '%s' '%s' 2>/dev/null", first_line, test_tmp);
	ck_assert_msg(r.status != 0, "/etc/passwd content found under %s", test_tmp);
	run_free(&r);
	free(out);
	free(passwd);
}
END_TEST

/* Past line 65,535 the line numbers stay exact (XML_PARSE_BIG_LINES). */
static void
long_body(FILE *f)
{
	fputs("  <country code=\"XB\"><name>Long</name></country>\n  <actors>\n", f);
	for (int i = 0; i < 70000; i++)
		fprintf(f, "    <!-- filler line %d -->\n", i);
	fputs("    <actor id=\"a\" kind=\"ngo\"><name>=cmd</name></actor>\n  </actors>\n", f);
}

START_TEST(big_line_numbers)
{
	char *p = write_case("long", long_body);
	pc_run r;
	run_profilec(&r, "validate", p, NULL);
	ck_assert_int_eq(r.status, 1);
	char *want = pc_asprintf("%s:70006:5: error:", p);
	ck_assert_msg(strstr(r.err, want) != NULL, "want %s in %s", want, r.err);
	free(want);
	run_free(&r);
	free(p);
}
END_TEST

/* A source truncated while it is mapped (an editor saving over it): the
 * next page read faults; the run says so and exits 1, it does not crash. */
START_TEST(source_truncated_while_read)
{
	/* Paths on the stack, the copy freed before the fork: the child ends
	 * in _exit with nothing of the test's own to leak (under valgrind). */
	char path[4096], err[4096];
	snprintf(path, sizeof path, "%s/ro.xml", test_tmp);
	snprintf(err, sizeof err, "%s/stderr", test_tmp);
	size_t len;
	char *text = read_file("sources/ro.xml", &len);
	ck_assert_ptr_nonnull(text);
	write_file(path, text, len);
	free(text);
	pid_t pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		if (freopen(err, "w", stderr) == NULL)
			_exit(20);
		pc_compiler_init();
		pc_limits lim;
		pc_limits_default(&lim);
		pc_diag d;
		pc_diag_init(&d);
		pc_input src = {.path = path};
		if (pc_load(&src, &lim, &d) != 0 || truncate(path, 0) != 0)
			_exit(21);
		pc_graph *g = pc_parse(&src, &d);
		_exit(g ? 22 : 23); /* the bytes were read after all: a failure */
	}
	int status;
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert_msg(WIFEXITED(status) && WEXITSTATUS(status) == 1, "status %d, want exit 1", status);
	char *msg = read_file(err, &len);
	ck_assert_ptr_nonnull(msg);
	ck_assert_msg(strstr(msg, path) && strstr(msg, "changed size while it was read"), "message: %s", msg);
	free(msg);
}
END_TEST

/* A source of exactly one page that ends, without a newline, in the
 * element a schema error names: the column search stops at the last byte
 * (the mapping has nothing after it). */
START_TEST(error_at_the_last_byte_of_a_page)
{
	const char *head = "<x:bogus xmlns:x=\"urn:profilec:profile:1\"/>", *tail = "<bogus";
	char text[4097];
	memset(text, ' ', 4096);
	memcpy(text, head, strlen(head));
	memcpy(text + 4096 - strlen(tail), tail, strlen(tail));
	text[4096] = '\0';
	char *path = write_tmp_file("page.xml", text);
	pc_run r;
	run_profilec(&r, "validate", path, NULL);
	ck_assert_msg(r.status == 1, "exit %d: %s", r.status, r.err);
	ck_assert_ptr_nonnull(strstr(r.err, "page.xml:1:"));
	run_free(&r);
	free(path);
}
END_TEST

/* A source loaded (mapped, indexed, prescanned) as pc_compile does. */
typedef struct {
	pc_diag d;
	pc_limits lim;
	pc_input src;
} loaded;

static void
load_source(loaded *l, const char *path)
{
	pc_diag_init(&l->d);
	pc_limits_default(&l->lim);
	l->src = (pc_input){.path = path, .fd = -1};
	ck_assert_int_eq(pc_load(&l->src, &l->lim, &l->d), 0);
}

static void
unload_source(loaded *l)
{
	pc_input_free(&l->src);
	pc_diag_free(&l->d);
}

/* A comment left open at the end: libxml2's error names its last line,
 * which the line index must know. */
START_TEST(unterminated_comment_keeps_its_lines)
{
	char *path = write_tmp_file("open.xml", "<profile xmlns=\"urn:profilec:profile:1\">\n<!-- open\n\n");
	pc_run r;
	run_profilec(&r, "validate", path, NULL);
	ck_assert_msg(r.status == 1, "exit %d: %s", r.status, r.err);
	ck_assert_ptr_nonnull(strstr(r.err, "open.xml:"));
	ck_assert_ptr_null(strstr(r.err, "profilec: internal"));
	run_free(&r);
	loaded l;
	load_source(&l, path);
	ck_assert_uint_eq(l.src.n_lines, 4); /* the old memchr count: 3 newlines, 4 lines */
	unload_source(&l);
	free(path);
}
END_TEST

/* Written in place while parsed (same size, so no SIGBUS): the checks and
 * the digest would not describe what was parsed, so the run fails. */
START_TEST(source_written_while_read)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/ro.xml", test_tmp);
	pc_run r;
	run_sh(&r, "cp sources/ro.xml '%s'", path);
	ck_assert_int_eq(r.status, 0);
	run_free(&r);
	pc_compiler_init();
	loaded l;
	load_source(&l, path);
	pc_graph *g = pc_parse(&l.src, &l.d);
	ck_assert_ptr_nonnull(g);
	ck_assert_int_eq(pc_input_unchanged(&l.src, &l.d), 0);
	struct timespec later = {0, 20000000};
	nanosleep(&later, NULL);
	FILE *f = fopen(path, "r+b");
	ck_assert_ptr_nonnull(f);
	fputc('<', f); /* the same byte, but a write: mtime and ctime move */
	ck_assert_int_eq(fclose(f), 0);
	ck_assert_int_eq(pc_input_unchanged(&l.src, &l.d), -1);
	ck_assert_ptr_nonnull(strstr(l.d.items[l.d.n_items - 1].message, "changed while it was read"));
	pc_graph_free(g);
	unload_source(&l);
	pc_compiler_cleanup();
}
END_TEST

/* Each tests/cases/NAME.sh (inputs that cannot be committed as files: a
 * FIFO, a name that is not UTF-8, generated megabytes, option values) run
 * with tests/cases/lib.sh in a fresh $TMP: its output, with $TMP for the
 * directory, is NAME.expect. lib.sh bounds every run to 2 s and 256 MB. */
static char *
replace_all(const char *s, const char *from, const char *to)
{
	size_t fl = strlen(from), tl = strlen(to), n = 0;
	for (const char *q = strstr(s, from); q; q = strstr(q + fl, from))
		n++;
	char *out = pc_malloc(strlen(s) + n * tl + 1), *o = out;
	for (const char *q; (q = strstr(s, from)) != NULL; s = q + fl) {
		memcpy(o, s, (size_t)(q - s));
		o += q - s;
		memcpy(o, to, tl);
		o += tl;
	}
	strcpy(o, s);
	return out;
}

/* tests/cases/NAME.sh (lib.sh aside), found when the suite is made. */
static char **shell_names;
static size_t n_shell;

START_TEST(shell_case_matches_expectation)
{
	/* The second round's cases at least: an empty loop would pass. */
	ck_assert_msg(n_shell >= 5, "tests/cases holds %zu shell cases", n_shell);
	const char *name = shell_names[_i];
	char *expect_path = pc_asprintf("tests/cases/%s.expect", name);
	char *expect = read_file(expect_path, NULL);
	ck_assert_msg(expect != NULL, "%s is missing", expect_path);
	pc_run r;
	run_sh(&r, "TMP='%s' PROFILEC='%s' sh -c '. tests/cases/lib.sh && . tests/cases/%s.sh' 2>&1", test_tmp,
	       profilec_path(), name);
	char *actual = replace_all(r.out, test_tmp, "$TMP");
	ck_assert_msg(strcmp(actual, expect) == 0, "tests/cases/%s.sh:\n--- expected\n%s--- actual\n%s", name, expect,
		      actual);
	free(actual);
	run_free(&r);
	free(expect);
	free(expect_path);
}
END_TEST

/* The committed hostile cases of the second round, each refused fast. */
START_TEST(encoded_cases_bounded)
{
	static const char *const cases[] = {"tests/cases/utf7-doctype.xml", "tests/cases/ebcdic-doctype.xml",
					    "tests/cases/utf7-entity-blowup.xml", "tests/cases/utf16.xml",
					    "tests/cases/encoding-late.xml"};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		expect_refused(cases[i], "[encoding]", 2);
}
END_TEST

Suite *
suite_hostile(void)
{
	Suite *s = suite_create("hostile");
	TCase *tc = tcase_create("inputs");
	tcase_add_checked_fixture(tc, test_tmp_setup, test_tmp_teardown);
	tcase_set_timeout(tc, 300);
	tcase_add_test(tc, nesting_100000_deep);
	tcase_add_test(tc, attributes_40000);
	tcase_add_test(tc, text_10_mb);
	tcase_add_test(tc, attribute_10_mb);
	tcase_add_test(tc, size_limit_is_an_option);
	tcase_add_test(tc, billion_laughs_bounded);
	tcase_add_test(tc, xxe_reads_nothing);
	tcase_add_test(tc, big_line_numbers);
	tcase_add_test(tc, source_truncated_while_read);
	tcase_add_test(tc, error_at_the_last_byte_of_a_page);
	tcase_add_test(tc, unterminated_comment_keeps_its_lines);
	tcase_add_test(tc, source_written_while_read);
	shell_names = list_names("tests/cases", ".sh", &n_shell);
	size_t kept = 0;
	for (size_t i = 0; i < n_shell; i++)
		if (strcmp(shell_names[i], "lib") != 0)
			shell_names[kept++] = shell_names[i];
		else
			free(shell_names[i]);
	shell_names[kept] = NULL;
	n_shell = kept;
	tcase_add_loop_test(tc, shell_case_matches_expectation, 0, n_shell >= 5 ? (int)n_shell : 1);
	tcase_add_test(tc, encoded_cases_bounded);
	suite_add_tcase(s, tc);
	return s;
}
