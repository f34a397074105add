/* The diagnostics channel: collect, count and print messages like a compiler. */
#include "diag.h"

#include <stdarg.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../exporters/buf.h"
#include "alloc.h"
#include "version.h"

const char *const pc_severity_name[] = {"note", "warning", "error"};

void
pc_diag_init(pc_diag *d)
{
	memset(d, 0, sizeof *d);
	d->max_items = 10000;
}

void
pc_diag_free(pc_diag *d)
{
	if (d == NULL)
		return;
	for (size_t i = 0; i < d->n_items; i++) {
		free(d->items[i].file);
		free(d->items[i].rule);
		free(d->items[i].message);
	}
	free(d->items);
	memset(d, 0, sizeof *d);
}

void
pc_diag_report(pc_diag *d, pc_severity sev, const char *file, unsigned line, unsigned col, const char *rule,
	       const char *fmt, ...)
{
	if (sev == PC_SEV_ERROR)
		d->n_errors++;
	else if (sev == PC_SEV_WARNING)
		d->n_warnings++;
	if (d->n_items >= d->max_items) {
		d->n_dropped++;
		return;
	}
	if (d->n_items == d->cap_items) {
		d->cap_items = d->cap_items ? d->cap_items * 2 : 16;
		d->items = pc_realloc(d->items, d->cap_items * sizeof *d->items);
	}
	pc_diagnostic *it = &d->items[d->n_items++];
	it->severity = sev;
	it->file = file ? pc_strdup(file) : NULL;
	it->line = line;
	it->col = col;
	it->rule = pc_strdup(rule ? rule : "");
	va_list ap;
	va_start(ap, fmt);
	it->message = pc_vasprintf(fmt, ap);
	va_end(ap);
	/* A message ends where its first line ends: libxml2 adds newlines. */
	for (char *p = it->message; *p; p++)
		if (*p == '\n' || *p == '\r')
			*p = (p[1] == '\0') ? '\0' : ' ';
}

/* The order of pc_diag_sort: qsort is not stable, so the index of
 * reporting breaks ties. */
typedef struct {
	pc_diagnostic item;
	long file_rank;
	size_t seq;
} ranked;

static int
by_place(const void *pa, const void *pb)
{
	const ranked *a = pa, *b = pb;
	if (a->file_rank != b->file_rank)
		return a->file_rank < b->file_rank ? -1 : 1;
	if (a->file_rank == LONG_MAX) {
		int c = strcmp(a->item.file, b->item.file);
		if (c)
			return c;
	}
	if (a->item.line != b->item.line)
		return a->item.line < b->item.line ? -1 : 1;
	if (a->item.col != b->item.col)
		return a->item.col < b->item.col ? -1 : 1;
	/* At one place, what the parser and the schema say comes first:
	 * the checks after them may repeat it (see repeats). */
	int first_a = strcmp(a->item.rule, "schema") == 0 || strcmp(a->item.rule, "malformed") == 0;
	int first_b = strcmp(b->item.rule, "schema") == 0 || strcmp(b->item.rule, "malformed") == 0;
	if (first_a != first_b)
		return first_a ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

static int
same_place(const pc_diagnostic *a, const pc_diagnostic *b)
{
	return a->line == b->line && a->col == b->col &&
	       (a->file == b->file || (a->file && b->file && strcmp(a->file, b->file) == 0));
}

/* Whether `it` says again what one of kept[0..n) (same place) says. */
static int
repeats(const pc_diagnostic *it, const pc_diagnostic *kept, size_t n)
{
	for (size_t i = n; i-- > 0 && same_place(&kept[i], it);) {
		const pc_diagnostic *k = &kept[i];
		if (strcmp(k->rule, it->rule) == 0 && strcmp(k->message, it->message) == 0)
			return 1;
		if (strcmp(k->rule, "malformed") == 0 && strcmp(it->rule, "malformed") == 0)
			return 1;
		if (strcmp(k->rule, "schema") == 0 && strcmp(it->rule, "bad-number") == 0)
			return 1;
	}
	return 0;
}

void
pc_diag_sort(pc_diag *d, size_t from, const char *const *files, size_t n_files)
{
	if (from >= d->n_items)
		return;
	size_t n = d->n_items - from;
	ranked *r = pc_malloc(n * sizeof *r);
	for (size_t i = 0; i < n; i++) {
		r[i].item = d->items[from + i];
		r[i].seq = i;
		r[i].file_rank = r[i].item.file == NULL ? -1 : LONG_MAX;
		for (size_t k = 0; r[i].item.file && k < n_files; k++)
			if (strcmp(files[k], r[i].item.file) == 0) {
				r[i].file_rank = (long)k;
				break;
			}
	}
	qsort(r, n, sizeof *r, by_place);
	size_t kept = from;
	for (size_t i = 0; i < n; i++) {
		pc_diagnostic *it = &r[i].item;
		if (repeats(it, d->items + from, kept - from)) {
			if (it->severity == PC_SEV_ERROR)
				d->n_errors--;
			else if (it->severity == PC_SEV_WARNING)
				d->n_warnings--;
			free(it->file);
			free(it->rule);
			free(it->message);
			continue;
		}
		d->items[kept++] = *it;
	}
	d->n_items = kept;
	free(r);
}

int
pc_diag_failed(const pc_diag *d)
{
	return d->n_errors > 0 || (d->werror && d->n_warnings > 0);
}

/* A JSON string literal, escaped as every JSON product escapes it. */
static void
json_string(FILE *f, const char *s)
{
	pc_buf b;
	pc_buf_init(&b);
	pc_buf_json_str(&b, s);
	fwrite(b.data, 1, b.len, f);
	pc_buf_free(&b);
}

/* GitHub annotations end at a newline and split properties at , and :. */
static void
github_escape(FILE *f, const char *s, int property)
{
	for (; *s; s++) {
		if (*s == '%')
			fputs("%25", f);
		else if (*s == '\r')
			fputs("%0D", f);
		else if (*s == '\n')
			fputs("%0A", f);
		else if (property && *s == ':')
			fputs("%3A", f);
		else if (property && *s == ',')
			fputs("%2C", f);
		else
			fputc(*s, f);
	}
}

static void
print_one(const pc_diagnostic *it, pc_diag_format fmt, FILE *f, int first)
{
	switch (fmt) {
	case PC_FMT_TEXT:
		if (it->file) {
			fputs(it->file, f);
			if (it->line) {
				fprintf(f, ":%u", it->line);
				if (it->col)
					fprintf(f, ":%u", it->col);
			}
			fputs(": ", f);
		} else {
			fputs("profilec: ", f);
		}
		fprintf(f, "%s: %s", pc_severity_name[it->severity], it->message);
		if (it->rule[0])
			fprintf(f, " [%s]", it->rule);
		fputc('\n', f);
		break;
	case PC_FMT_GITHUB:
		fprintf(f, "::%s ",
			it->severity == PC_SEV_ERROR     ? "error"
			: it->severity == PC_SEV_WARNING ? "warning"
							 : "notice");
		if (it->file) {
			fputs("file=", f);
			github_escape(f, it->file, 1);
			if (it->line)
				fprintf(f, ",line=%u", it->line);
			if (it->col)
				fprintf(f, ",col=%u", it->col);
			fputc(',', f);
		}
		fputs("title=", f);
		github_escape(f, it->rule, 1);
		fputs("::", f);
		github_escape(f, it->message, 0);
		fputc('\n', f);
		break;
	case PC_FMT_SARIF: /* a whole document: pc_diag_print_sarif */ break;
	case PC_FMT_JSON:
		fputs(first ? "\n    {" : ",\n    {", f);
		fputs("\"file\": ", f);
		if (it->file)
			json_string(f, it->file);
		else
			fputs("null", f);
		fprintf(f, ", \"line\": %u, \"column\": %u, \"severity\": \"%s\", \"rule\": ", it->line, it->col,
			pc_severity_name[it->severity]);
		json_string(f, it->rule);
		fputs(", \"message\": ", f);
		json_string(f, it->message);
		fputc('}', f);
		break;
	}
}

void
pc_diag_print_from(const pc_diag *d, size_t from, pc_diag_format fmt, FILE *f)
{
	for (size_t i = from; i < d->n_items; i++)
		print_one(&d->items[i], fmt, f, i == from);
}

void
pc_diag_print(const pc_diag *d, pc_diag_format fmt, FILE *f)
{
	if (fmt == PC_FMT_SARIF) {
		pc_diag_print_sarif(d, PC_VERSION, f);
		return;
	}
	if (fmt == PC_FMT_JSON) {
		fputs("{\n  \"diagnostics\": [", f);
		pc_diag_print_from(d, 0, fmt, f);
		fprintf(f, "%s],\n  \"errors\": %zu,\n  \"warnings\": %zu,\n  \"dropped\": %zu\n}\n",
			d->n_items ? "\n  " : "", d->n_errors, d->n_warnings, d->n_dropped);
		return;
	}
	pc_diag_print_from(d, 0, fmt, f);
}

void
pc_diag_print_summary(const pc_diag *d, size_t n_files, FILE *f)
{
	if (d->n_dropped)
		fprintf(f, "profilec: %zu further diagnostics not shown\n", d->n_dropped);
	fprintf(f, "%zu error%s, %zu warning%s in %zu file%s\n", d->n_errors, d->n_errors == 1 ? "" : "s",
		d->n_warnings, d->n_warnings == 1 ? "" : "s", n_files, n_files == 1 ? "" : "s");
}

static void
put_str(FILE *f, const char *s)
{
	uint32_t n = s ? (uint32_t)strlen(s) : UINT32_MAX;
	fwrite(&n, sizeof n, 1, f);
	if (s)
		fwrite(s, 1, n, f);
}

static int
get_str(FILE *f, char **out)
{
	uint32_t n;
	*out = NULL;
	if (fread(&n, sizeof n, 1, f) != 1)
		return -1;
	if (n == UINT32_MAX)
		return 0;
	if (n > (1u << 24))
		return -1;
	*out = pc_malloc((size_t)n + 1);
	if (fread(*out, 1, n, f) != n) {
		free(*out);
		*out = NULL;
		return -1;
	}
	(*out)[n] = '\0';
	return 0;
}

int
pc_diag_save(const pc_diag *d, FILE *f)
{
	for (size_t i = 0; i < d->n_items; i++) {
		const pc_diagnostic *it = &d->items[i];
		uint32_t head[3] = {(uint32_t)it->severity, it->line, it->col};
		fwrite(head, sizeof head, 1, f);
		put_str(f, it->file);
		put_str(f, it->rule);
		put_str(f, it->message);
	}
	return ferror(f) ? -1 : 0;
}

int
pc_diag_load(pc_diag *d, FILE *f)
{
	uint32_t head[3];
	size_t got;
	while ((got = fread(head, 1, sizeof head, f)) == sizeof head) {
		char *file = NULL, *rule = NULL, *message = NULL;
		if (get_str(f, &file) || get_str(f, &rule) || get_str(f, &message) || rule == NULL || message == NULL ||
		    head[0] > PC_SEV_ERROR) {
			free(file);
			free(rule);
			free(message);
			return -1;
		}
		pc_diag_report(d, (pc_severity)head[0], file, head[1], head[2], rule, "%s", message);
		free(file);
		free(rule);
		free(message);
	}
	/* The end of the file, or a record cut short: that one is refused. */
	return got == 0 && !ferror(f) ? 0 : -1;
}
