/* The one diagnostics channel: every message, from libxml2 to our checks. */
#ifndef PC_DIAG_H
#define PC_DIAG_H

#include <stddef.h>
#include <stdio.h>

typedef enum { PC_SEV_NOTE, PC_SEV_WARNING, PC_SEV_ERROR } pc_severity;
extern const char *const pc_severity_name[]; /* "note", "warning", "error" */
typedef enum { PC_FMT_TEXT, PC_FMT_JSON, PC_FMT_GITHUB, PC_FMT_SARIF } pc_diag_format;

/* Exit statuses, as the README's "The command line" gives them. */
enum { PC_EXIT_OK = 0, PC_EXIT_INVALID = 1, PC_EXIT_USAGE = 2, PC_EXIT_OUTPUT = 3 };

/* The status of two steps together: an output failure outranks an invalid
 * source (it is what stopped the build), otherwise the higher wins. */
static inline int
pc_exit_worse(int a, int b)
{
	return a == PC_EXIT_OUTPUT || b == PC_EXIT_OUTPUT ? PC_EXIT_OUTPUT : (a > b ? a : b);
}

typedef struct {
	pc_severity severity;
	char *file;         /* may be NULL for messages about no file */
	unsigned line, col; /* 0 when unknown */
	char *rule;         /* "unknown-ref", "schema", ... */
	char *message;
} pc_diagnostic;

typedef struct pc_diag {
	pc_diagnostic *items;
	size_t n_items, cap_items;
	size_t n_errors, n_warnings;
	int werror;       /* warnings count as errors for the exit status */
	size_t max_items; /* stop recording after this many (a flood guard) */
	size_t n_dropped;
} pc_diag;

void pc_diag_init(pc_diag *d);
void pc_diag_free(pc_diag *d);
void pc_diag_report(pc_diag *d, pc_severity sev, const char *file, unsigned line, unsigned col, const char *rule,
		    const char *fmt, ...) __attribute__((format(printf, 7, 8)));
/* Errors (and warnings under --werror) seen so far. */
int pc_diag_failed(const pc_diag *d);
/* Print every diagnostic in the given format, then the summary line
 * (text format only) to stream. */
void pc_diag_print(const pc_diag *d, pc_diag_format fmt, FILE *stream);
/* Print diagnostics from index `from` on, as they come (text format). */
void pc_diag_print_from(const pc_diag *d, size_t from, pc_diag_format fmt, FILE *stream);
void pc_diag_print_summary(const pc_diag *d, size_t n_files, FILE *stream);
/* SARIF 2.1.0 (compiler/sarif.c): the catalogue's rules and one result
 * per diagnostic, for GitHub code scanning; version is profilec's. */
void pc_diag_print_sarif(const pc_diag *d, const char *version, FILE *stream);
/* Put the diagnostics from index `from` on in order, each problem once:
 * by file (in the order of `files`, then by name; no file first), line
 * and column, keeping the order of reporting between equals. A second
 * report of one problem goes: the same message twice, a parse error
 * libxml2 reports again at the same place, a number the schema already
 * refused ("bad-number" where a "schema" error stands). Counts follow. */
void pc_diag_sort(pc_diag *d, size_t from, const char *const *files, size_t n_files);
/* Carry diagnostics from a worker process to its parent: save them to a
 * file, load (append) them in the parent. 0 on success. */
int pc_diag_save(const pc_diag *d, FILE *stream);
int pc_diag_load(pc_diag *d, FILE *stream);

#endif
