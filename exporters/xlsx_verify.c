/* The workbook read back: libxlsxwriter can call a cut file written.
 *
 * It writes each XML part to a temporary file in $TMPDIR with unchecked
 * writes, then zips what is there: a full $TMPDIR (or a file size limit
 * the archive itself stays under) gives a sound archive, every CRC
 * right, of parts cut short, and workbook_close says nothing. So every
 * member is read to its end, and an XML part must end with the end tag
 * of its root element: a cut one cannot (the tag is its last bytes). */
#include "xlsx_verify.h"

#include <string.h>
#include <sys/stat.h>
#include <zip.h>

#include "export.h"

/* The first and last bytes of a member, for its root element's tags. */
typedef struct {
	char head[256], tail[256];
	size_t n_head, n_tail;
} ends;

static void
ends_add(ends *e, const char *p, size_t n)
{
	size_t h = n < sizeof e->head - e->n_head ? n : sizeof e->head - e->n_head;
	memcpy(e->head + e->n_head, p, h);
	e->n_head += h;
	if (n >= sizeof e->tail) {
		memcpy(e->tail, p + n - sizeof e->tail, sizeof e->tail);
		e->n_tail = sizeof e->tail;
		return;
	}
	size_t keep = e->n_tail < sizeof e->tail - n ? e->n_tail : sizeof e->tail - n;
	memmove(e->tail, e->tail + e->n_tail - keep, keep);
	memcpy(e->tail + keep, p, n);
	e->n_tail = keep + n;
}

static int
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* Whether the part ends with "</root>" for the root element it opens
 * (after its XML declaration), white space after it aside. */
static int
closes_root(const ends *e)
{
	const char *p = e->head, *end = e->head + e->n_head;
	if (end - p >= 5 && memcmp(p, "<?xml", 5) == 0) {
		p = memchr(p, '>', (size_t)(end - p));
		if (p == NULL)
			return 0;
		p++;
	}
	while (p < end && is_space(*p))
		p++;
	if (p == end || *p++ != '<')
		return 0;
	const char *name = p;
	while (p < end && !is_space(*p) && *p != '>' && *p != '/')
		p++;
	size_t n = (size_t)(p - name);
	if (n == 0 || p == end)
		return 0;
	size_t t = e->n_tail;
	while (t > 0 && is_space(e->tail[t - 1]))
		t--;
	return t >= n + 3 && e->tail[t - n - 3] == '<' && e->tail[t - n - 2] == '/' &&
	       memcmp(e->tail + t - n - 1, name, n) == 0 && e->tail[t - 1] == '>';
}

static int
is_xml_part(const char *name)
{
	size_t n = strlen(name);
	return (n > 4 && strcmp(name + n - 4, ".xml") == 0) || (n > 5 && strcmp(name + n - 5, ".rels") == 0);
}

/* Reads member i to its end; 0 when it reads back whole. */
static int
read_member(zip_t *z, zip_int64_t i, const char *path, pc_diag *d)
{
	const char *name = zip_get_name(z, (zip_uint64_t)i, 0);
	zip_file_t *f = zip_fopen_index(z, (zip_uint64_t)i, 0);
	zip_int64_t got = 0;
	ends e = {.n_head = 0};
	char buf[65536];
	if (f != NULL)
		while ((got = zip_fread(f, buf, sizeof buf)) > 0)
			ends_add(&e, buf, (size_t)got);
	int rc = 0;
	if (f == NULL || got < 0) {
		pc_diag_report(d, PC_SEV_ERROR, path, 0, 0, "output",
			       "the workbook's member '%s' cannot be read back: %s", name ? name : "?",
			       zip_strerror(z));
		rc = -1;
	} else if (name != NULL && is_xml_part(name) && !closes_root(&e)) {
		pc_diag_report(d, PC_SEV_ERROR, path, 0, 0, "output",
			       "the workbook's part '%s' is cut short: libxlsxwriter writes each part to a temporary "
			       "file first; is $TMPDIR (default /tmp) full, or a file size limit set?",
			       name);
		rc = -1;
	}
	if (f != NULL)
		zip_fclose(f);
	return rc;
}

int
pc_xlsx_verify(const char *path, pc_diag *d)
{
	struct stat st;
	if (lstat(path, &st) != 0)
		return pc_out_fail(d, path, "read back the workbook");
	if (!S_ISREG(st.st_mode) || st.st_size == 0) {
		pc_diag_report(d, PC_SEV_ERROR, path, 0, 0, "output", "the workbook was written empty");
		return PC_EXIT_OUTPUT;
	}
	int err = 0;
	zip_t *z = zip_open(path, ZIP_RDONLY | ZIP_CHECKCONS, &err);
	if (z == NULL)
		return pc_out_zip_fail(d, path, err, "the workbook is not a sound zip archive");
	int rc = PC_EXIT_OK;
	zip_int64_t n = zip_get_num_entries(z, 0);
	for (zip_int64_t i = 0; rc == PC_EXIT_OK && i < n; i++)
		if (read_member(z, i, path, d) != 0)
			rc = PC_EXIT_OUTPUT;
	if (n <= 0 && rc == PC_EXIT_OK) {
		pc_diag_report(d, PC_SEV_ERROR, path, 0, 0, "output", "the workbook archive is empty");
		rc = PC_EXIT_OUTPUT;
	}
	zip_discard(z);
	return rc;
}
