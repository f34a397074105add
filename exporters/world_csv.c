/* The world CSV package: each profile table gathered from the profiles'
 * parts in country order (copied, never parsed), the world entities and
 * their provenance, and a datapackage.json whose keys are (country, id). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../compiler/alloc.h"
#include "../compiler/identifiers.h"
#include "world.h"

/* A file being written, with its size and digest for the package. */
typedef struct {
	FILE *f;
	char *path;
	pc_sha256 sha;
	size_t bytes;
	int err;
} out_file;

static int
out_open(out_file *o, const char *dir, const char *rel, pc_diag *d)
{
	memset(o, 0, sizeof *o);
	o->path = pc_out_path(dir, rel, d);
	if (o->path == NULL)
		return PC_EXIT_OUTPUT;
	o->f = fopen(o->path, "wbx");
	if (o->f == NULL)
		return pc_out_fail(d, o->path, "create file");
	pc_sha256_init(&o->sha);
	return PC_EXIT_OK;
}

static void
out_add(out_file *o, const void *p, size_t n)
{
	pc_sha256_update(&o->sha, p, n);
	o->bytes += n;
	if (!o->err && fwrite(p, 1, n, o->f) != n)
		o->err = errno ? errno : EIO;
}

static int
out_close(out_file *o, char hex[65], pc_diag *d)
{
	unsigned char digest[32];
	pc_sha256_final(&o->sha, digest);
	for (int i = 0; i < 32; i++)
		snprintf(hex + 2 * i, 3, "%02x", digest[i]);
	if (fclose(o->f) != 0 && !o->err)
		o->err = errno ? errno : EIO;
	int rc = PC_EXIT_OK;
	if (o->err) {
		errno = o->err;
		rc = pc_out_fail(d, o->path, "write");
	}
	free(o->path);
	return rc;
}

static void
out_header(out_file *o, const pc_world_table *t)
{
	pc_buf b;
	pc_buf_init(&b);
	for (size_t i = 0; i < t->n_columns; i++) {
		if (i > 0)
			pc_buf_putc(&b, ',');
		pc_buf_csv_field(&b, t->columns[i].name);
	}
	pc_buf_puts(&b, "\r\n");
	out_add(o, b.data, b.len);
	pc_buf_free(&b);
}

/* A profile table: the header, then each country's rows as its part has
 * them, copied in pieces. */
static int
gather(const pc_world *w, const pc_world_table *t, size_t ti, out_file *o, pc_diag *d)
{
	out_header(o, t);
	char chunk[1 << 16];
	for (size_t i = 0; i < w->n_countries; i++) {
		const pc_world_part *p = &w->countries[i].part;
		FILE *f = fopen(p->path, "rb");
		int ok = f != NULL && fseek(f, (long)p->offset[ti], SEEK_SET) == 0;
		for (unsigned long long left = p->length[ti]; ok && left > 0;) {
			size_t n = fread(chunk, 1, left < sizeof chunk ? (size_t)left : sizeof chunk, f);
			ok = n > 0;
			out_add(o, chunk, n);
			left -= n;
		}
		if (f)
			fclose(f);
		if (!ok)
			return pc_out_fail(d, p->path, "read the world part");
	}
	return PC_EXIT_OK;
}

/* ---- The world's own tables ------------------------------------------- */

/* One of the world's own tables: a row per entity of its kind, or per
 * member of each (provenance), each cell read by its column's reader and
 * spelled as the profile tables' are. */
static void
own_rows(const pc_world *w, const pc_world_table *t, pc_buf *b)
{
	pc_buf scratch;
	pc_buf_init(&scratch);
	pc_world_row row = {.w = w, .kind = t->kind, .scratch = &scratch};
	for (size_t e = 0; e < w->n_entities[t->kind]; e++) {
		row.entity = &w->entities[t->kind][e];
		size_t n = t->per_member ? row.entity->n_members : 1;
		for (size_t i = 0; i < n; i++) {
			row.member = &w->members[t->kind][w->by_entity[t->kind][row.entity->first + i]];
			for (size_t c = 0; c < t->n_columns; c++) {
				pc_cell cell = {.link = {PC_KIND_COUNT, 0}};
				t->read[c](&row, &cell);
				if (c > 0)
					pc_buf_putc(b, ',');
				pc_csv_cell(b, &t->columns[c], &cell);
			}
			pc_buf_puts(b, "\r\n");
		}
	}
	pc_buf_free(&scratch);
}

/* ---- datapackage.json ---------------------------------------------------- */

static void
names(pc_json *j, const char *key, const char *a, const char *b)
{
	pc_json_open(j, key, '[');
	pc_json_string(j, NULL, a);
	if (b)
		pc_json_string(j, NULL, b);
	pc_json_close(j, ']');
}

/* A reference to a profile table is (country, id): profile ids are unique
 * only within their profile. */
static void
foreign_keys(pc_json *j, const pc_world_table *t)
{
	pc_json_open(j, "foreignKeys", '[');
	for (size_t i = 0; i < t->n_columns; i++) {
		const char *ref = t->columns[i].references;
		if (ref == NULL)
			continue;
		int self = strcmp(ref, t->name) == 0;
		pc_json_open(j, NULL, '{');
		if (strcmp(ref, "countries") == 0 || strncmp(ref, "world_", 6) == 0) {
			names(j, "fields", t->columns[i].name, NULL);
			pc_json_open(j, "reference", '{');
			pc_json_string(j, "resource", self ? "" : ref);
			names(j, "fields", ref[0] == 'c' ? "id" : "world_id", NULL);
		} else {
			names(j, "fields", "country", t->columns[i].name);
			pc_json_open(j, "reference", '{');
			pc_json_string(j, "resource", self ? "" : ref);
			names(j, "fields", "country", "id");
		}
		pc_json_close(j, '}');
		pc_json_close(j, '}');
	}
	pc_json_close(j, ']');
}

static void
resource(pc_json *j, const pc_world_table *t, size_t bytes, const char *sha)
{
	char *path = pc_asprintf("%s.csv", t->name), *hash = pc_asprintf("sha256:%s", sha);
	pc_json_open(j, NULL, '{');
	pc_json_string(j, "profile", "tabular-data-resource");
	pc_json_string(j, "name", t->name);
	pc_json_string(j, "path", path);
	pc_json_string(j, "title", t->title);
	pc_json_string(j, "description", t->description);
	pc_json_string(j, "format", "csv");
	pc_json_string(j, "mediatype", "text/csv");
	pc_json_string(j, "encoding", "utf-8");
	pc_json_number(j, "bytes", (double)bytes);
	pc_json_string(j, "hash", hash);
	pc_json_open(j, "dialect", '{');
	pc_json_string(j, "delimiter", ",");
	pc_json_string(j, "lineTerminator", "\r\n");
	pc_json_string(j, "quoteChar", "\"");
	pc_json_bool(j, "doubleQuote", 1);
	pc_json_bool(j, "header", 1);
	pc_json_close(j, '}');
	pc_json_open(j, "schema", '{');
	pc_json_open(j, "fields", '[');
	for (size_t i = 0; i < t->n_columns; i++) {
		const pc_column *c = &t->columns[i];
		pc_json_open(j, NULL, '{');
		pc_json_string(j, "name", c->name);
		pc_json_string(j, "type", pc_field_type[c->type]);
		if (c->ident == 1 + PC_IDENT_URL) /* as the countries' packages type it */
			pc_json_string(j, "format", "uri");
		if (c->type == PC_COL_BOOLEAN) {
			names(j, "trueValues", "true", NULL);
			names(j, "falseValues", "false", NULL);
		}
		if (c->description)
			pc_json_string(j, "description", c->description);
		pc_json_close(j, '}');
	}
	pc_json_close(j, ']');
	names(j, "missingValues", "", NULL);
	pc_json_open(j, "primaryKey", '[');
	for (size_t i = 0; t->primary_key[i]; i++)
		pc_json_string(j, NULL, t->primary_key[i]);
	pc_json_close(j, ']');
	foreign_keys(j, t);
	pc_json_close(j, '}');
	pc_json_close(j, '}');
	free(path);
	free(hash);
}

/* "licenses" as each country's package states it (exporters/csv.c): the
 * one --license gave, an SPDX id with SPDX's page as its path; none when
 * the publisher gave none. */
static void
licenses(pc_json *j, const char *license)
{
	if (license == NULL)
		return;
	char *iri = pc_license_iri(license);
	pc_json_open(j, "licenses", '[');
	pc_json_open(j, NULL, '{');
	if (strcmp(iri, license) != 0)
		pc_json_string(j, "name", license);
	pc_json_string(j, "path", iri);
	pc_json_close(j, '}');
	pc_json_close(j, ']');
	free(iri);
}

static void
package(const pc_world *w, const char *license, const pc_world_table *t, size_t n, const size_t *bytes, char (*sha)[65],
	pc_buf *b)
{
	pc_json j;
	pc_json_init(&j, b);
	pc_json_open(&j, NULL, '{');
	pc_json_string(&j, "profile", "tabular-data-package");
	pc_json_string(&j, "name", "profilec-world");
	pc_json_string(&j, "title", "Child online safety country profiles: the world dataset");
	pc_json_string(&j, "description",
		       "Every profile of the build as one dataset. Rows that belong to one profile carry its "
		       "country; organizations, people and publications shared by several profiles are one world "
		       "entity each, linked to every profile's own by the provenance tables.");
	pc_json_string(&j, "created", w->build_timestamp);
	licenses(&j, license);
	pc_json_open(&j, "sources", '[');
	for (size_t i = 0; i < w->n_countries; i++) {
		const char *s = strrchr(w->countries[i].source, '/');
		pc_json_open(&j, NULL, '{');
		pc_json_string(&j, "title", s ? s + 1 : w->countries[i].source);
		pc_json_close(&j, '}');
	}
	pc_json_close(&j, ']');
	pc_json_open(&j, "resources", '[');
	for (size_t i = 0; i < n; i++)
		resource(&j, &t[i], bytes[i], sha[i]);
	pc_json_close(&j, ']');
	pc_json_close(&j, '}');
	pc_buf_putc(b, '\n');
}

int
pc_world_write_csv(const pc_world *w, const char *root, const char *csv_rel, int with_package, const char *license,
		   pc_diag *d)
{
	size_t n;
	pc_world_table *t = pc_world_tables(&n);
	size_t *bytes = pc_calloc(n, sizeof *bytes);
	char(*sha)[65] = pc_calloc(n, sizeof *sha);
	int rc = PC_EXIT_OK;
	pc_buf b;
	pc_buf_init(&b);
	for (size_t i = 0; i < n && rc == PC_EXIT_OK; i++) {
		char *rel = pc_asprintf("%s/%s.csv", csv_rel, t[i].name);
		out_file o;
		rc = out_open(&o, root, rel, d);
		free(rel);
		if (rc != PC_EXIT_OK)
			break;
		if (t[i].profile != NULL) {
			rc = gather(w, &t[i], i, &o, d);
		} else {
			out_header(&o, &t[i]);
			pc_buf_reset(&b);
			own_rows(w, &t[i], &b);
			out_add(&o, b.data ? b.data : "", b.len);
		}
		bytes[i] = o.bytes;
		int crc = out_close(&o, sha[i], d);
		rc = rc == PC_EXIT_OK ? crc : rc;
	}
	if (rc == PC_EXIT_OK && with_package) {
		pc_buf_reset(&b);
		package(w, license, t, n, bytes, sha, &b);
		char *rel = pc_asprintf("%s/datapackage.json", csv_rel);
		rc = pc_out_write(root, rel, b.data, b.len, d);
		free(rel);
	}
	pc_buf_free(&b);
	free(bytes);
	free(sha);
	pc_world_tables_free(t, n);
	return rc;
}
