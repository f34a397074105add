/* Helpers the Check suites share: run the real binary, read files, temp dirs. */
#ifndef PC_TESTUTIL_H
#define PC_TESTUTIL_H

#include <stddef.h>

#include "../compiler/diag.h"

typedef struct {
	int status;      /* exit status, or 128+signal */
	char *out, *err; /* NUL-terminated captured streams */
	size_t out_len, err_len;
} pc_run;

/* Run ./profilec (the binary named by $PROFILEC, under $PROFILEC_WRAPPER
 * when set, e.g. valgrind) with the given arguments, NULL-terminated. */
int run_profilec(pc_run *r, const char *arg, ...);
/* Run a shell command line (printf-style), capturing both streams. */
int run_sh(pc_run *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void run_free(pc_run *r);

/* The whole file, NUL-terminated, or NULL; *len gets its size. */
char *read_file(const char *path, size_t *len);
/* Write len bytes to path, asserting that it worked. */
void write_file(const char *path, const void *data, size_t len);
/* How many diagnostics of d have this rule, and (unless NULL or 0) this
 * text in their message and this line. */
size_t count_diags(const pc_diag *d, const char *rule, const char *text, unsigned line);
/* Write text to test_tmp/name; returns the path (free it). */
char *write_tmp_file(const char *name, const char *text);
/* The whole file dir/rel, asserting that it is there; *len gets its size
 * when len is not NULL. Free it. */
char *read_file_in(const char *dir, const char *rel, size_t *len);
/* Build format's product of src under test_tmp/name, the command line
 * prefixed with env (variables, may be ""); asserts that the build worked
 * and returns the product's path, <name>/<cc>/<cc>.<format> (free it). */
char *build_product(const char *name, const char *env, const char *src, const char *cc, const char *format);
/* Build every source make check knows (sources/, tests/fixtures/ and the
 * valid tests/cases/) with --formats=format, and copy each product to
 * dir/b<N>-<cc>.<format>; returns how many built. */
int build_every_source(const char *dir, const char *format);
/* `profilec dump src` in test_tmp/<src's file name>.dump, for a checker;
 * returns the path (free it). */
char *dump_to_file(const char *src);
/* A fresh directory under $TMPDIR (or /tmp); free the string, rm -rf with rm_tree. */
char *make_tmpdir(void);
void rm_tree(const char *dir);
/* A fresh directory per test: a Check fixture sets test_tmp and removes
 * it with everything in it. */
extern char *test_tmp;
void test_tmp_setup(void);
void test_tmp_teardown(void);
/* Names, types, sizes and checksums of everything below dir, hidden files
 * too: two equal snapshots are two equal trees. Free it. */
char *tree_snapshot(const char *dir);
/* Nothing of a build of parent/name is left beside it: no staging tree
 * (.name.profilec-*), no lock file (name.lock). */
void assert_nothing_beside(const char *parent, const char *name);
/* The path of the binary under test. */
const char *profilec_path(void);
/* 1 when a command exists on PATH. */
int have_command(const char *name);
/* A test's tool (a client, a checker) is missing: 1, after failing the
 * test when the CI variable is set (CI installs every tool, so a missing
 * one is a broken set-up there) or printing "skipped: <test>: <why>"
 * otherwise. 0 when present. Use: if (tool_missing(...)) return; */
int tool_missing(const char *test, int present, const char *why);
/* The names in dir ending with suffix, sorted, the suffix cut off; NULL
 * terminated. For loop tests, one iteration per file. Free with
 * free_names. */
char **list_names(const char *dir, const char *suffix, size_t *n);
void free_names(char **names);

#endif
