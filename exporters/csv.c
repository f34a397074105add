/* The CSV exporter: one RFC 4180 file per table and a Frictionless datapackage.json describing them. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../compiler/alloc.h"
#include "export.h"
#include "tables.h"
#include "../compiler/identifiers.h"

/* What datapackage.json says of each written file. */
typedef struct {
	size_t bytes;
	char sha256[65];
} csv_written;

const char *const pc_field_type[] = {
	[PC_COL_STRING] = "string",   [PC_COL_INTEGER] = "integer", [PC_COL_NUMBER] = "number",
	[PC_COL_BOOLEAN] = "boolean", [PC_COL_YEAR] = "year",       [PC_COL_YEARMONTH] = "yearmonth",
};

void
pc_csv_cell(pc_buf *b, const pc_column *col, const pc_cell *c)
{
	if (!c->present)
		return; /* an empty field is the missing value */
	switch (col->type) {
	case PC_COL_STRING:
	case PC_COL_YEARMONTH:
		if (c->str != NULL)
			pc_buf_csv_field(b, c->str);
		break;
	case PC_COL_INTEGER:
	case PC_COL_YEAR:
		/* A non-finite number has no CSV spelling a reader agrees on. */
		if (isfinite(c->num))
			pc_buf_number(b, c->num);
		break;
	case PC_COL_NUMBER:
		/* The decimal as written, canonical: every digit kept. */
		if (c->str != NULL)
			pc_buf_puts(b, c->str);
		break;
	case PC_COL_BOOLEAN: pc_buf_puts(b, c->num != 0 ? "true" : "false"); break;
	}
}

void
pc_csv_rows(const pc_graph *g, const pc_table *t, const char *first, pc_buf *b)
{
	pc_cell *cells = pc_calloc(t->n_columns ? t->n_columns : 1, sizeof *cells);
	size_t n = pc_table_n_rows(t, g);
	for (size_t r = 0; r < n; r++) {
		pc_table_row(t, g, r, cells);
		if (first != NULL) {
			pc_buf_csv_field(b, first);
			pc_buf_putc(b, ',');
		}
		for (size_t i = 0; i < t->n_columns; i++) {
			if (i > 0)
				pc_buf_putc(b, ',');
			pc_csv_cell(b, &t->columns[i], &cells[i]);
		}
		pc_buf_puts(b, "\r\n");
	}
	free(cells);
}

/* The whole table as CSV: a header of column names, then one line per row,
 * every line ended by CRLF as RFC 4180 has it. */
static void
render_table(const pc_graph *g, const pc_table *t, pc_buf *b)
{
	for (size_t i = 0; i < t->n_columns; i++) {
		if (i > 0)
			pc_buf_putc(b, ',');
		pc_buf_csv_field(b, t->columns[i].name);
	}
	pc_buf_puts(b, "\r\n");
	pc_csv_rows(g, t, NULL, b);
}

/* ---- datapackage.json ---------------------------------------------------- */

static void
indent(pc_buf *b, int level)
{
	for (int i = 0; i < level; i++)
		pc_buf_puts(b, "  ");
}

/* "key": "value" at an indentation level; the caller writes separators. */
static void
json_kv(pc_buf *b, int level, const char *key, const char *value)
{
	indent(b, level);
	pc_buf_json_str(b, key);
	pc_buf_puts(b, ": ");
	pc_buf_json_str(b, value);
}

static void
json_key(pc_buf *b, int level, const char *key)
{
	indent(b, level);
	pc_buf_json_str(b, key);
	pc_buf_puts(b, ": ");
}

/* The file name of a path: the build's directory must not leak into the
 * package, or two checkouts would give different bytes. */
static const char *
base_name(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? slash + 1 : path;
}

static void
put_field(pc_buf *b, const pc_column *col)
{
	indent(b, 5);
	pc_buf_puts(b, "{\n");
	json_kv(b, 6, "name", col->name);
	pc_buf_puts(b, ",\n");
	json_kv(b, 6, "type", pc_field_type[col->type]);
	if (col->ident == 1 + PC_IDENT_URL) {
		pc_buf_puts(b, ",\n");
		json_kv(b, 6, "format", "uri");
	}
	if (col->type == PC_COL_BOOLEAN) {
		/* Say which spellings we write, rather than rely on defaults. */
		pc_buf_puts(b, ",\n");
		json_key(b, 6, "trueValues");
		pc_buf_puts(b, "[\"true\"],\n");
		json_key(b, 6, "falseValues");
		pc_buf_puts(b, "[\"false\"]");
	}
	if (col->description != NULL) {
		pc_buf_puts(b, ",\n");
		json_kv(b, 6, "description", col->description);
	}
	if (col->absent != NULL) {
		/* The workbook says why such a cell is empty ("not stated"):
		 * a field's own missingValues (Table Schema) say it is no value. */
		pc_buf_puts(b, ",\n");
		json_key(b, 6, "missingValues");
		pc_buf_printf(b, "[\"\", \"%s\"]", col->absent);
	}
	pc_buf_putc(b, '\n');
	indent(b, 5);
	pc_buf_putc(b, '}');
}

static void
put_schema(pc_buf *b, const pc_table *t)
{
	json_key(b, 3, "schema");
	pc_buf_puts(b, "{\n");
	json_key(b, 4, "fields");
	pc_buf_puts(b, "[\n");
	for (size_t i = 0; i < t->n_columns; i++) {
		put_field(b, &t->columns[i]);
		pc_buf_puts(b, i + 1 < t->n_columns ? ",\n" : "\n");
	}
	indent(b, 4);
	pc_buf_puts(b, "],\n");
	json_key(b, 4, "missingValues");
	pc_buf_puts(b, "[\"\"]");
	if (t->primary_key != NULL && t->primary_key[0] != NULL) {
		pc_buf_puts(b, ",\n");
		json_key(b, 4, "primaryKey");
		pc_buf_putc(b, '[');
		for (size_t i = 0; t->primary_key[i] != NULL; i++) {
			if (i > 0)
				pc_buf_puts(b, ", ");
			pc_buf_json_str(b, t->primary_key[i]);
		}
		pc_buf_putc(b, ']');
	}
	int any = 0;
	for (size_t i = 0; i < t->n_columns; i++) {
		const pc_column *col = &t->columns[i];
		if (col->references == NULL)
			continue;
		pc_buf_puts(b, ",\n"); /* after the previous key or foreign key */
		if (!any) {
			json_key(b, 4, "foreignKeys");
			pc_buf_puts(b, "[\n");
		}
		any = 1;
		indent(b, 5);
		pc_buf_puts(b, "{\"fields\": ");
		pc_buf_json_str(b, col->name);
		/* Table Schema names the table itself with the empty string. */
		pc_buf_puts(b, ", \"reference\": {\"resource\": ");
		pc_buf_json_str(b, strcmp(col->references, t->name) == 0 ? "" : col->references);
		pc_buf_puts(b, ", \"fields\": \"id\"}}");
	}
	if (any) {
		pc_buf_putc(b, '\n');
		indent(b, 4);
		pc_buf_putc(b, ']');
	}
	pc_buf_putc(b, '\n');
	indent(b, 3);
	pc_buf_putc(b, '}');
}

static void
put_resource(pc_buf *b, const pc_table *t, const csv_written *w)
{
	char path[256], hash[80];
	snprintf(path, sizeof path, "%s.csv", t->name);
	snprintf(hash, sizeof hash, "sha256:%s", w->sha256);
	indent(b, 2);
	pc_buf_puts(b, "{\n");
	json_kv(b, 3, "profile", "tabular-data-resource");
	pc_buf_puts(b, ",\n");
	json_kv(b, 3, "name", t->name);
	pc_buf_puts(b, ",\n");
	json_kv(b, 3, "path", path);
	pc_buf_puts(b, ",\n");
	json_kv(b, 3, "title", t->title);
	pc_buf_puts(b, ",\n");
	if (t->description != NULL) {
		json_kv(b, 3, "description", t->description);
		pc_buf_puts(b, ",\n");
	}
	json_kv(b, 3, "format", "csv");
	pc_buf_puts(b, ",\n");
	json_kv(b, 3, "mediatype", "text/csv");
	pc_buf_puts(b, ",\n");
	json_kv(b, 3, "encoding", "utf-8");
	pc_buf_puts(b, ",\n");
	json_key(b, 3, "bytes");
	pc_buf_printf(b, "%zu,\n", w->bytes);
	json_kv(b, 3, "hash", hash);
	pc_buf_puts(b, ",\n");
	json_key(b, 3, "dialect");
	pc_buf_puts(b, "{\"delimiter\": \",\", \"lineTerminator\": \"\\r\\n\", \"quoteChar\": \"\\\"\", "
		       "\"doubleQuote\": true, \"header\": true},\n");
	put_schema(b, t);
	pc_buf_putc(b, '\n');
	indent(b, 2);
	pc_buf_putc(b, '}');
}

/* "licenses": the one --license gave (an SPDX id is its name, with SPDX's
 * page as its path), or nothing: never a licence the publisher did not give. */
static void
put_licenses(pc_buf *b, const char *license)
{
	if (license == NULL)
		return;
	char *iri = pc_license_iri(license);
	json_key(b, 1, "licenses");
	pc_buf_puts(b, "[{");
	if (strcmp(iri, license) != 0) {
		pc_buf_puts(b, "\"name\": ");
		pc_buf_json_str(b, license);
		pc_buf_puts(b, ", ");
	}
	pc_buf_puts(b, "\"path\": ");
	pc_buf_json_str(b, iri);
	pc_buf_puts(b, "}],\n");
	free(iri);
}

static void
render_package(const pc_graph *g, const char *license, const csv_written *written, pc_buf *b)
{
	char name[64], hash[80];
	snprintf(name, sizeof name, "profilec-%s", pc_graph_cc(g));
	snprintf(hash, sizeof hash, "sha256:%s", g->source_sha256);
	pc_buf_puts(b, "{\n");
	json_kv(b, 1, "profile", "tabular-data-package");
	pc_buf_puts(b, ",\n");
	json_kv(b, 1, "name", name);
	pc_buf_puts(b, ",\n");
	if (g->title != NULL) {
		json_kv(b, 1, "title", g->title);
		pc_buf_puts(b, ",\n");
	}
	json_kv(b, 1, "created", g->build_timestamp);
	pc_buf_puts(b, ",\n");
	if (g->modified != NULL) {
		/* The source's edition date, what a portal shows as "last updated";
		 * not "version", which Frictionless wants in semver. */
		json_kv(b, 1, "modified", g->modified);
		pc_buf_puts(b, ",\n");
	}
	put_licenses(b, license);
	/* The profile's source file first, then the providers of its statistics. */
	json_key(b, 1, "sources");
	pc_buf_puts(b, "[\n");
	indent(b, 2);
	pc_buf_puts(b, "{\"title\": ");
	pc_buf_json_str(b, g->source_path ? base_name(g->source_path) : "source");
	pc_buf_puts(b, ", \"hash\": ");
	pc_buf_json_str(b, hash);
	pc_buf_putc(b, '}');
	for (size_t i = 0; i < g->n_providers; i++) {
		pc_buf_puts(b, ",\n");
		indent(b, 2);
		pc_buf_puts(b, "{\"title\": ");
		pc_buf_json_str(b, g->providers[i].name ? g->providers[i].name : g->providers[i].n.id);
		pc_buf_putc(b, '}');
	}
	pc_buf_putc(b, '\n');
	indent(b, 1);
	pc_buf_puts(b, "],\n");
	json_key(b, 1, "resources");
	pc_buf_puts(b, "[\n");
	for (size_t i = 0; i < pc_n_tables; i++) {
		put_resource(b, &pc_tables[i], &written[i]);
		pc_buf_puts(b, i + 1 < pc_n_tables ? ",\n" : "\n");
	}
	indent(b, 1);
	pc_buf_puts(b, "]\n}\n");
}

int
pc_export_csv(const pc_graph *g, const pc_export_opts *o, pc_diag *d)
{
	csv_written *written = pc_calloc(pc_n_tables ? pc_n_tables : 1, sizeof *written);
	pc_buf b;
	pc_buf_init(&b);
	int rc = PC_EXIT_OK;
	for (size_t i = 0; i < pc_n_tables && rc == PC_EXIT_OK; i++) {
		const pc_table *t = &pc_tables[i];
		char rel[256];
		snprintf(rel, sizeof rel, "csv/%s.csv", t->name);
		pc_buf_reset(&b);
		render_table(g, t, &b);
		written[i].bytes = b.len;
		pc_sha256_hex(b.data, b.len, written[i].sha256);
		rc = pc_out_write(o->dir, rel, b.data, b.len, d);
	}
	if (rc == PC_EXIT_OK) {
		pc_buf_reset(&b);
		render_package(g, o->license, written, &b);
		rc = pc_out_write(o->dir, "csv/datapackage.json", b.data, b.len, d);
	}
	pc_buf_free(&b);
	free(written);
	return rc;
}
