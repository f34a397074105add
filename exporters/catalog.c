/* The catalog: a DCAT description of every profile built and of each file staged for it. */
/*
 * <root>/catalog.jsonld is what a data portal harvests (CKAN's DCAT
 * harvester, ...): one dcat:Catalog whose datasets are the profiles, each
 * a dcat:Dataset that is also a schema:Dataset, with one dcat:Distribution
 * per file staged under <root>/<cc>/ (media type, byte size, SHA-256).
 *
 * The files are read back from staging after every exporter ran, so the
 * sizes and checksums are those of the bytes that will be published.
 * Identifiers (@id) are built on --base-iri like the JSON-LD bundle's;
 * download URLs are absolute on --base-url (where DIR is published), else
 * relative to the catalog ("ro/ro.xlsx"), which a harvester given only the
 * catalog's text cannot resolve: the build notes it. A publisher and a
 * licence are named only when --publisher and --license give them: nothing
 * is invented, and the build notes a missing licence.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../compiler/alloc.h"
#include "export.h"

#define IANA "https://www.iana.org/assignments/media-types/"

/* What the catalog says of a file, by how its name ends; the table's
 * order is the order distributions are listed in. */
typedef struct {
	const char *suffix;
	const char *media_type;
	const char *conforms_to; /* NULL when no specification is certain */
} file_kind;

static const file_kind file_kinds[] = {
	{".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", NULL},
	{".epub", "application/epub+zip", NULL},
	{".jsonld", "application/ld+json", "https://www.w3.org/TR/json-ld11/"},
	{".csv", "text/csv", "https://www.rfc-editor.org/rfc/rfc4180"},
	{"datapackage.json", "application/json", "https://specs.frictionlessdata.io/data-package/"},
	{"", "application/octet-stream", NULL}, /* anything else, last */
};
#define N_FILE_KINDS (sizeof file_kinds / sizeof file_kinds[0])

static size_t
file_rank(const char *rel)
{
	size_t n = strlen(rel);
	for (size_t i = 0; i < N_FILE_KINDS; i++) {
		size_t k = strlen(file_kinds[i].suffix);
		if (k <= n && strcmp(rel + n - k, file_kinds[i].suffix) == 0)
			return i;
	}
	return N_FILE_KINDS - 1;
}

typedef struct {
	char **rel; /* paths relative to the profile's directory */
	size_t n, cap;
} file_list;

static int
by_rank_then_name(const void *a, const void *b)
{
	const char *x = *(char *const *)a, *y = *(char *const *)b;
	size_t rx = file_rank(x), ry = file_rank(y);
	if (rx != ry)
		return rx < ry ? -1 : 1;
	return strcmp(x, y);
}

/* Every regular file below dir/sub, recursively. Dot files are skipped:
 * only what an exporter wrote is published. */
static int
list_files(const char *dir, const char *sub, file_list *out, pc_diag *d)
{
	char *path = *sub ? pc_asprintf("%s/%s", dir, sub) : pc_strdup(dir);
	DIR *dh = opendir(path);
	if (dh == NULL) {
		int rc = pc_out_fail(d, path, "list directory");
		free(path);
		return rc;
	}
	int rc = PC_EXIT_OK;
	struct dirent *de;
	for (errno = 0; rc == PC_EXIT_OK && (de = readdir(dh)) != NULL; errno = 0) {
		if (de->d_name[0] == '.')
			continue;
		char *rel = *sub ? pc_asprintf("%s/%s", sub, de->d_name) : pc_strdup(de->d_name);
		char *full = pc_asprintf("%s/%s", dir, rel);
		struct stat st;
		if (lstat(full, &st) != 0) {
			rc = pc_out_fail(d, full, "read back");
		} else if (S_ISDIR(st.st_mode)) {
			rc = list_files(dir, rel, out, d);
		} else if (S_ISREG(st.st_mode)) {
			if (out->n == out->cap) {
				out->cap = out->cap ? out->cap * 2 : 16;
				out->rel = pc_realloc(out->rel, out->cap * sizeof *out->rel);
			}
			out->rel[out->n++] = rel;
			rel = NULL;
		}
		free(full);
		free(rel);
	}
	if (rc == PC_EXIT_OK && errno != 0)
		rc = pc_out_fail(d, path, "list directory");
	closedir(dh);
	free(path);
	return rc;
}

static void
file_list_free(file_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->rel[i]);
	free(l->rel);
}

/* A relative URL of a path: unreserved characters and '/' kept, the rest
 * percent-encoded (our names never need it; a future exporter might). */
static void
put_url_path(pc_buf *b, const char *s)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || strchr("-._~/", c))
			pc_buf_putc(b, (char)c);
		else
			pc_buf_printf(b, "%%%02X", c);
	}
}

static void
write_context(pc_json *w)
{
	static const char *const terms[][4] = {
		/* term, IRI, value type, container */
		{"title", "dct:title", NULL, NULL},
		{"description", "dct:description", NULL, NULL},
		{"identifier", "dct:identifier", NULL, NULL},
		{"language", "dct:language", "@id", NULL},
		{"modified", "dct:modified", "xsd:date", NULL},
		{"issued", "dct:issued", "xsd:date", NULL},
		{"license", "dct:license", "@id", NULL},
		{"publisher", "dct:publisher", NULL, NULL},
		{"spatial", "dct:spatial", NULL, NULL},
		{"conformsTo", "dct:conformsTo", "@id", NULL},
		{"name", "foaf:name", NULL, NULL},
		{"label", "rdfs:label", NULL, NULL},
		{"dataset", "dcat:dataset", NULL, "@set"},
		{"distribution", "dcat:distribution", NULL, "@set"},
		{"mediaType", "dcat:mediaType", "@id", NULL},
		{"byteSize", "dcat:byteSize", "xsd:nonNegativeInteger", NULL},
		{"downloadURL", "dcat:downloadURL", "@id", NULL},
		{"accessURL", "dcat:accessURL", "@id", NULL},
		{"checksum", "spdx:checksum", NULL, NULL},
		{"algorithm", "spdx:algorithm", "@id", NULL},
		{"checksumValue", "spdx:checksumValue", "xsd:hexBinary", NULL},
		{"hasPart", "dct:hasPart", "@id", "@set"},
		{"isPartOf", "dct:isPartOf", "@id", NULL},
	};
	pc_json_open(w, "@context", '{');
	pc_json_number(w, "@version", 1.1);
	pc_json_string(w, "dcat", "http://www.w3.org/ns/dcat#");
	pc_json_string(w, "dct", "http://purl.org/dc/terms/");
	pc_json_string(w, "foaf", "http://xmlns.com/foaf/0.1/");
	pc_json_string(w, "rdfs", "http://www.w3.org/2000/01/rdf-schema#");
	pc_json_string(w, "schema", "http://schema.org/");
	pc_json_string(w, "spdx", "http://spdx.org/rdf/terms#");
	pc_json_string(w, "xsd", "http://www.w3.org/2001/XMLSchema#");
	for (size_t i = 0; i < sizeof terms / sizeof terms[0]; i++) {
		if (terms[i][2] == NULL && terms[i][3] == NULL) {
			pc_json_string(w, terms[i][0], terms[i][1]);
			continue;
		}
		pc_json_open(w, terms[i][0], '{');
		pc_json_string(w, "@id", terms[i][1]);
		if (terms[i][2])
			pc_json_string(w, "@type", terms[i][2]);
		if (terms[i][3])
			pc_json_string(w, "@container", terms[i][3]);
		pc_json_close(w, '}');
	}
	pc_json_close(w, '}');
}

static void
write_publisher(pc_json *w, const pc_export_opts *o)
{
	if (o->publisher == NULL || o->publisher[0] == '\0')
		return;
	pc_json_open(w, "publisher", '{');
	pc_json_string(w, "@type", "foaf:Agent");
	pc_json_string(w, "name", o->publisher);
	pc_json_close(w, '}');
}

/* The language as an IRI of the Library of Congress's ISO 639 vocabulary,
 * as DCAT-AP asks: "en-GB" -> .../iso639-1/en; a three-letter code -> 639-2. */
static void
write_language(pc_json *w, const char *lang)
{
	if (lang == NULL)
		return;
	size_t n = strspn(lang, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");
	if (n != 2 && n != 3)
		return; /* not an ISO 639 code: no IRI to give */
	char code[4] = {0};
	for (size_t i = 0; i < n; i++)
		code[i] = (char)(lang[i] | 0x20);
	char *iri = pc_asprintf("http://id.loc.gov/vocabulary/iso639-%s/%s", n == 2 ? "1" : "2", code);
	pc_json_string(w, "language", iri);
	free(iri);
}

static void
write_license(pc_json *w, const pc_export_opts *o)
{
	if (o->license == NULL)
		return;
	char *iri = pc_license_iri(o->license);
	pc_json_string(w, "license", iri);
	free(iri);
}

int
pc_license_ok(const char *s)
{
	if (strncmp(s, "http://", 7) == 0 || strncmp(s, "https://", 8) == 0)
		return strpbrk(s, " <>\"{}|\\^`\t\n\r") == NULL;
	size_t n = strlen(s);
	return n > 0 && n < 64 && strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-+") == n;
}

char *
pc_license_iri(const char *s)
{
	if (strstr(s, "://") != NULL)
		return pc_strdup(s);
	return pc_asprintf("http://spdx.org/licenses/%s", s);
}

/* Named after the catalog, not the output directory: the same build says
 * the same words wherever it writes. */
void
pc_catalog_notes(const pc_export_opts *o, pc_diag *d)
{
	if (o->base_url == NULL)
		pc_diag_report(d, PC_SEV_NOTE, "catalog.jsonld", 0, 0, "catalog-relative-links",
			       "the catalog's download links are relative to it: a harvester given only its text "
			       "cannot follow them; give --base-url=URL, where the output directory will be "
			       "published");
	if (o->license == NULL)
		pc_diag_report(d, PC_SEV_NOTE, "catalog.jsonld", 0, 0, "catalog-no-license",
			       "the catalog and datapackage.json state no licence, and data portals do not harvest "
			       "an unlicensed dataset; give --license=ID (an SPDX id such as CC-BY-4.0) or a URL");
}

/* A description made of the profile's own counts, so nothing is invented. */
static void
describe(pc_buf *b, const pc_dataset *ds)
{
	const char *country = ds->country_name ? ds->country_name : ds->cc;
	pc_buf_printf(b, "Child online safety profile of %s:", country);
	const char *sep = " ";
	for (int k = PC_INDICATOR; k < PC_KIND_COUNT; k++) {
		size_t n = ds->counts[k];
		if (n == 0)
			continue;
		pc_buf_printf(b, "%s%zu %s", sep, n, n == 1 ? pc_kind_name[k] : pc_kind_plural[k]);
		sep = ", ";
	}
	pc_buf_puts(b, ".");
}

static int
write_distribution(pc_json *w, const char *root, const char *cc, const pc_export_opts *o, const char *base,
		   const char *rel, pc_diag *d)
{
	char *path = pc_asprintf("%s/%s/%s", root, cc, rel);
	char sha[65];
	size_t size;
	int rc = pc_out_digest(path, sha, &size, d);
	free(path);
	if (rc != PC_EXIT_OK)
		return rc;
	const file_kind *fk = &file_kinds[file_rank(rel)];

	pc_buf s;
	pc_buf_init(&s);
	pc_json_open(w, NULL, '{');
	pc_buf_printf(&s, "%s%s/distribution/", base, cc);
	put_url_path(&s, rel);
	pc_json_string(w, "@id", s.data);
	pc_json_string(w, "@type", "dcat:Distribution");
	const char *slash = strrchr(rel, '/');
	pc_json_string(w, "title", slash ? slash + 1 : rel);
	pc_buf_reset(&s);
	pc_buf_printf(&s, IANA "%s", fk->media_type);
	pc_json_string(w, "mediaType", s.data);
	if (fk->conforms_to)
		pc_json_string(w, "conformsTo", fk->conforms_to);
	pc_json_number(w, "byteSize", (double)size);
	pc_json_open(w, "checksum", '{');
	pc_json_string(w, "@type", "spdx:Checksum");
	pc_json_string(w, "algorithm", "spdx:checksumAlgorithm_sha256");
	pc_json_string(w, "checksumValue", sha);
	pc_json_close(w, '}');
	write_license(w, o);
	pc_buf_reset(&s);
	if (o->base_url)
		pc_buf_puts(&s, o->base_url); /* ends with '/', as --base-iri */
	put_url_path(&s, cc);
	pc_buf_putc(&s, '/');
	put_url_path(&s, rel);
	pc_json_string(w, "downloadURL", s.data);
	pc_json_string(w, "accessURL", s.data);
	pc_json_close(w, '}');
	pc_buf_free(&s);
	return PC_EXIT_OK;
}

/* The world dataset (DIR/world/, exporters/world.c) and its countries'
 * datasets are parts of each other; NULL when the build made no world. */
typedef struct {
	const char *world; /* the world dataset's IRI */
	const pc_dataset *const *countries;
	size_t n;
} world_links;

static void
write_parts(pc_json *w, const pc_dataset *ds, const char *base, const world_links *wl)
{
	if (wl == NULL)
		return;
	if (strcmp(ds->cc, "world") != 0) {
		pc_json_string(w, "isPartOf", wl->world);
		return;
	}
	pc_json_open(w, "hasPart", '[');
	for (size_t i = 0; i < wl->n; i++) {
		char *iri = pc_asprintf("%s%s/dataset/%s", base, wl->countries[i]->cc, wl->countries[i]->cc);
		pc_json_string(w, NULL, iri);
		free(iri);
	}
	pc_json_close(w, ']');
}

static int
write_dataset(pc_json *w, const pc_dataset *ds, const char *root, const pc_export_opts *o, const char *base,
	      const world_links *wl, pc_diag *d)
{
	const char *cc = ds->cc;
	char *dir = pc_asprintf("%s/%s", root, cc);
	file_list files = {0};
	int rc = list_files(dir, "", &files, d);
	free(dir);
	if (rc != PC_EXIT_OK) {
		file_list_free(&files);
		return rc;
	}
	qsort(files.rel, files.n, sizeof *files.rel, by_rank_then_name);

	pc_buf s;
	pc_buf_init(&s);
	pc_json_open(w, NULL, '{');
	pc_buf_printf(&s, "%s%s/dataset/%s", base, cc, cc);
	pc_json_string(w, "@id", s.data);
	pc_json_open(w, "@type", '[');
	pc_json_string(w, NULL, "dcat:Dataset");
	pc_json_string(w, NULL, "schema:Dataset");
	pc_json_close(w, ']');
	pc_json_string(w, "identifier", cc);
	pc_json_string(w, "title", ds->title ? ds->title : cc);
	pc_buf_reset(&s);
	if (strcmp(cc, "world") == 0)
		pc_buf_puts(&s, "Every country profile of the build as one dataset: each table with the rows of "
				"every country, and the organizations, people and publications they share resolved "
				"once, linked to each country's own.");
	else
		describe(&s, ds);
	pc_json_string(w, "description", s.data);
	write_language(w, ds->lang);
	/* Issued when built; modified when the profile's editors last
	 * changed it (the build date when the profile has none). */
	pc_json_string(w, "issued", ds->build_date);
	pc_json_string(w, "modified", ds->modified ? ds->modified : ds->build_date);
	write_license(w, o);
	if (ds->country_id) {
		/* The same IRI as the Country node of the JSON-LD bundle. */
		pc_buf_reset(&s);
		pc_buf_printf(&s, "%s%s/country/%s", base, cc, ds->country_id);
		pc_json_open(w, "spatial", '{');
		pc_json_string(w, "@id", s.data);
		pc_json_string(w, "@type", "dct:Location");
		if (ds->country_code)
			pc_json_string(w, "identifier", ds->country_code);
		if (ds->country_name)
			pc_json_string(w, "label", ds->country_name);
		pc_json_close(w, '}');
	}
	write_publisher(w, o);
	write_parts(w, ds, base, wl);
	pc_json_open(w, "distribution", '[');
	for (size_t i = 0; rc == PC_EXIT_OK && i < files.n; i++)
		rc = write_distribution(w, root, cc, o, base, files.rel[i], d);
	pc_json_close(w, ']');
	pc_json_close(w, '}');
	pc_buf_free(&s);
	file_list_free(&files);
	return rc;
}

static int
by_country(const void *a, const void *b)
{
	return strcmp((*(const pc_dataset *const *)a)->cc, (*(const pc_dataset *const *)b)->cc);
}

int
pc_export_catalog(const pc_dataset *sets, size_t n, const char *root, const pc_export_opts *o, pc_diag *d)
{
	const char *base = o->base_iri;
	/* The catalog changed when its newest dataset did. */
	const char *modified = NULL;
	for (size_t i = 0; i < n; i++)
		if (modified == NULL || strcmp(sets[i].build_date, modified) > 0)
			modified = sets[i].build_date;

	pc_buf out;
	pc_buf_init(&out);
	pc_json w;
	pc_json_init(&w, &out);
	pc_json_open(&w, NULL, '{');
	write_context(&w);
	char *id = pc_asprintf("%scatalog", base);
	pc_json_string(&w, "@id", id);
	free(id);
	pc_json_string(&w, "@type", "dcat:Catalog");
	pc_json_string(&w, "title", "Child online safety country profiles");
	pc_json_string(&w, "description",
		       "Country profiles of child online safety compiled by profilec: for each country a "
		       "workbook, a handout, CSV tables with a data package, and the profile as JSON-LD.");
	if (modified)
		pc_json_string(&w, "modified", modified);
	write_publisher(&w, o);
	/* Datasets by country code: the order of the command line's files
	 * does not change the catalog. */
	const pc_dataset **sorted = pc_calloc(n ? n : 1, sizeof *sorted);
	size_t m = 0;
	for (size_t i = 0; i < n; i++)
		sorted[m++] = &sets[i];
	qsort(sorted, m, sizeof *sorted, by_country);
	/* A build of several profiles also made the world dataset. */
	char *world_dir = pc_asprintf("%s/world", root), *world_iri = pc_asprintf("%sworld/dataset/world", base);
	struct stat st;
	world_links links = {world_iri, sorted, m};
	const world_links *wl = stat(world_dir, &st) == 0 && S_ISDIR(st.st_mode) ? &links : NULL;
	pc_json_open(&w, "dataset", '[');
	int rc = PC_EXIT_OK;
	for (size_t i = 0; rc == PC_EXIT_OK && i < m; i++)
		rc = write_dataset(&w, sorted[i], root, o, base, wl, d);
	if (rc == PC_EXIT_OK && wl != NULL) {
		pc_dataset world = {.cc = "world", .title = "Child online safety country profiles: the world dataset"};
		memcpy(world.build_date, modified ? modified : "", modified ? sizeof world.build_date : 1);
		rc = write_dataset(&w, &world, root, o, base, wl, d);
	}
	pc_json_close(&w, ']');
	free(world_dir);
	free(world_iri);
	free(sorted);
	pc_json_close(&w, '}');
	pc_buf_putc(&out, '\n');
	if (rc == PC_EXIT_OK)
		rc = pc_out_write(root, "catalog.jsonld", out.data, out.len, d);
	pc_buf_free(&out);
	return rc;
}
