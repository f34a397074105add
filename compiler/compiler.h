/* The compiler's phases: load, validate, build, normalize, check. Data flows one way. */
#ifndef PC_COMPILER_H
#define PC_COMPILER_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "diag.h"
#include "graph.h"

/* libxml2's types, declared and not included: only the phases that read
 * XML include libxml2, and the exporters never see it. */
struct _xmlNode;
struct _xmlTextReader;
struct _xmlError;

/* Bounds on what a source may be; every one has a CLI option. */
typedef struct {
	size_t max_size;         /* bytes of the source file */
	unsigned max_depth;      /* element nesting */
	unsigned max_attributes; /* attributes on one element */
	size_t max_text;         /* bytes of one text or attribute value */
	/* Not a limit: whether to hash the source (build needs the digest,
	 * validate does not, and hashing is a sixth of its time). */
	int digest;
} pc_limits;

#define PC_DEFAULT_MAX_SIZE       ((size_t)256 << 20)
#define PC_DEFAULT_MAX_DEPTH      64u
#define PC_DEFAULT_MAX_ATTRIBUTES 64u
#define PC_DEFAULT_MAX_TEXT       ((size_t)1 << 20)

void pc_limits_default(pc_limits *lim);

/* Process-wide set-up and tear-down of libxml2: the entity loader that
 * refuses everything, and the compiled schema. */
void pc_compiler_init(void);
void pc_compiler_cleanup(void);

/* Run every phase on one file. Returns the checked graph, or NULL when the
 * source could not be read, parsed or validated. A graph is returned even
 * when checks found errors: pc_diag_failed() says whether to use it. */
pc_graph *pc_compile(const char *path, const pc_limits *lim, pc_diag *d);

/* The phases, for tests and for pc_compile. */
typedef struct pc_input {
	const char *path;
	const char *data; /* the file's bytes, mapped read-only */
	size_t len;
	size_t released;       /* bytes before this are out of memory (pc_input_release) */
	int digest;            /* compute sha256 while loading */
	char sha256[65];       /* hex digest of the bytes, when digest is set */
	uint32_t *line_starts; /* byte offset of each line, for columns */
	size_t n_lines, cap_lines;
	struct pc_column_memo *columns; /* columns found on long lines (load.c) */
	/* The file as mapped: a mapping is no snapshot, so pc_input_unchanged
	 * compares these after the parse. */
	int fd;
	long long size, mtime_ns, ctime_ns;
} pc_input;

/* Map the file, index its lines and refuse hostile shapes before libxml2
 * sees a byte. */
int pc_load(pc_input *src, const pc_limits *lim, pc_diag *d);
/* Stream-parse, validate against the schema and build the graph in one
 * pass: only the entity being read is ever a tree. NULL when invalid. */
pc_graph *pc_parse(pc_input *src, pc_diag *d);
/* Drop links written twice (compiler/repeats.c), each with a warning. */
void pc_drop_repeated_links(pc_graph *g, pc_diag *d);
void pc_normalize(pc_graph *g, pc_diag *d);
/* The checks that need no valid graph, for a source the schema refused. */
void pc_check_partial(const pc_graph *g, pc_diag *d);
void pc_check(pc_graph *g, pc_diag *d);
/* Format-version gating (format_version.c): every construct of 1.1 the graph keeps
 * is a format-version error in a version="1.0" source; pc_format_1_1 reports
 * one (what: printf format, "<penalty> kind=\"%s\""). */
int pc_is_format_1_0(const pc_graph *g);
void pc_format_1_1(const pc_graph *g, pc_diag *d, unsigned line, unsigned col, const char *what, ...)
	__attribute__((format(printf, 5, 6)));
void pc_check_version(const pc_graph *g, pc_diag *d);
/* xml:lang on a text (langs.c): noted while building, checked as BCP 47. */
void pc_text_lang_note(pc_graph *g, const pc_input *src, struct _xmlNode *n, const char *text);
/* Index the texts' languages, so that pc_graph_text_lang is a search and
 * not a scan: exporters ask for every text they write. */
void pc_text_langs_index(pc_graph *g);
void pc_check_langs(const pc_graph *g, pc_diag *d);

/* ISO 4217 through ICU (units.c): a code's status on a YYYY-MM-DD date
 * (NULL: ISO's list alone); for an unknown code, the nearest known one in
 * `nearest` ("" when none is close). */
typedef enum { PC_CURRENCY_UNKNOWN, PC_CURRENCY_CURRENT, PC_CURRENCY_HISTORIC } pc_currency_status;
pc_currency_status pc_currency(const char *code, const char *date, char nearest[4]);
/* Currency codes of penalties and indicators, and 1.1's indicator units. */
void pc_check_units(pc_graph *g, pc_diag *d);
/* Two entities of one profile with one identifier (check_identifiers.c). */
void pc_check_identifiers(const pc_graph *g, pc_diag *d);
void pc_input_free(pc_input *src);
/* 0 when the file is as pc_load found it; else -1 and a diagnostic: written
 * to while it was read, its checks and digest may not describe what was
 * parsed. */
int pc_input_unchanged(const pc_input *src, pc_diag *d);
/* The bytes before offset upto will not be needed soon: let the kernel take
 * their pages back. They stay readable (and come back from the page cache
 * if read), so this only bounds memory: a pass over a 100 MB source keeps a
 * few MB resident, not 100. */
void pc_input_release(pc_input *src, size_t upto);

/* The column of the first `<name` on a line of the source, 1-based, or 0:
 * libxml2 gives schema errors a line but no column. */
unsigned pc_input_column(const pc_input *src, unsigned line, const char *name);
/* Where attribute `attr` of the element that starts at (line, col) is
 * written: *line and *col move to it; unchanged when it is not found. */
void pc_input_attr_position(const pc_input *src, const char *attr, unsigned *line, unsigned *col);

/* Print the graph as deterministic text: counts, then every node and edge. */
void pc_dump(const pc_graph *g, FILE *stream);
/* s in double quotes, with '"', '\\' and control characters escaped
 * ("\n", "\t", "\x01"): one line whatever s holds, since the dump and
 * `profilec diff` are read line by line. */
void pc_put_quoted(FILE *stream, const char *s);
/* The normalizer's decisions: for every person the citations that formed it
 * and the rule that joined each, for every merge and near-duplicate why
 * (the end of `dump`, and `validate --show-merges`). */
void pc_dump_merges(const pc_graph *g, FILE *stream);

/* The builder, fed one subtree at a time by pc_parse (build.c). */
typedef struct pc_builder pc_builder;
pc_builder *pc_builder_new(const pc_input *src, pc_diag *d);
/* The profile element's attributes. */
void pc_builder_root(pc_builder *b, struct _xmlNode *root);
/* An element below the root: a whole small section (title, country,
 * indicators), or one entity of a large one (an event of events). */
void pc_builder_add(pc_builder *b, const char *section, struct _xmlNode *node);
/* Resolve what was referred to before it was seen: the graph, or NULL
 * (and everything freed) when keep is 0. */
pc_graph *pc_builder_finish(pc_builder *b, int keep);

/* Schema validation plugged into a reader (validate.c). */
typedef struct pc_validation pc_validation;
pc_validation *pc_validation_start(struct _xmlTextReader *reader, const pc_input *src, pc_diag *d);
/* Whether every schema error was one libxml2 should not have raised (a
 * date with white space around it), so the source is valid after all. */
int pc_validation_forgave_all(const pc_validation *v);
void pc_validation_end(pc_validation *v);
/* A libxml2 structured error into the diagnostics channel (validate.c). */
void pc_report_xml_error(const pc_input *src, pc_diag *d, const struct _xmlError *err);

/* Record a data-quality note in the graph and report it as a warning. */
void pc_quality(pc_graph *g, pc_diag *d, pc_ref subject, unsigned line, unsigned col, const char *rule, const char *fmt,
		...) __attribute__((format(printf, 7, 8)));

#endif
