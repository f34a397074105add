/* The EPUB exporter: the handout <cc>.epub, an EPUB 3 container (libzip) around the book's documents. */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zip.h>

#include "../compiler/alloc.h"
#include "epub.h"

static const char container_xml[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	"<container version=\"1.0\" xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\">\n"
	"<rootfiles>\n"
	"<rootfile full-path=\"OEBPS/package.opf\" media-type=\"application/oebps-package+xml\"/>\n"
	"</rootfiles>\n"
	"</container>\n";

/* Small, and only what reading systems agree on: the reader's own font
 * and size win, tables stay legible on a narrow screen. */
static const char style_css[] =
	"body { margin: 0 1em; line-height: 1.4; }\n"
	"h1, h2, h3 { line-height: 1.2; page-break-after: avoid; break-after: avoid; }\n"
	"h1 { font-size: 1.6em; }\n"
	"h2 { font-size: 1.3em; margin-top: 1.5em; border-bottom: 1px solid #999999; }\n"
	"h3 { font-size: 1.1em; margin-bottom: 0.2em; }\n"
	".titlepage { text-align: center; margin-top: 3em; }\n"
	".titlepage h1 { font-size: 2em; }\n"
	".subtitle, .country { font-size: 1.2em; }\n"
	".meta, .when { color: #444444; margin: 0.2em 0; }\n"
	".links, .desc { font-size: 0.95em; }\n"
	".acronym { font-weight: normal; }\n"
	"ul.authors { padding-left: 1em; }\n"
	".note { font-style: italic; }\n"
	".missing { font-style: italic; color: #8a1c00; }\n"
	".theme-education-ict { color: #1f5fa8; }\n"
	".theme-child-protection { color: #a3460a; }\n"
	"ul.events, ul.bib { list-style: none; padding-left: 0; }\n"
	"li.event, li.publication { margin-bottom: 1em; }\n"
	"li.event p, li.publication p { margin: 0.2em 0; }\n"
	".letters a { padding: 0 0.2em; }\n"
	"table { border-collapse: collapse; margin: 0.5em 0 1em 0; font-size: 0.9em; }\n"
	"caption { text-align: left; font-weight: bold; padding-bottom: 0.3em; }\n"
	"th, td { border: 1px solid #999999; padding: 0.2em 0.4em; text-align: left; vertical-align: top; }\n"
	"thead th { background: #eeeeee; }\n"
	"figure { margin: 1em 0; page-break-inside: avoid; break-inside: avoid; }\n"
	/* Printed as a handout: a table's header row repeats on every page, a
	 * row, a caption or a figure is not cut, numbers line up right. */
	"thead { display: table-header-group; }\n"
	"table { page-break-inside: avoid; break-inside: avoid; }\n" /* a short one whole; a long one still splits */
	"tr, caption, figcaption, li.event, li.publication { page-break-inside: avoid; break-inside: avoid; }\n"
	"caption { page-break-after: avoid; break-after: avoid; }\n"
	"th.num, td.num { text-align: right; white-space: nowrap; }\n"
	"svg.timeline { max-width: 100%; height: auto; }\n"
	"figcaption { font-size: 0.9em; font-style: italic; }\n"
	"code.digest { word-break: break-all; }\n";

/* A name-based UUID (RFC 9562 version 8, from SHA-256) for the book: the
 * same profile keeps one identifier from edition to edition, as EPUB's
 * unique-identifier should, and dcterms:modified tells the editions apart. */
static void
book_uuid(const pc_graph *g, const pc_export_opts *o, char out[37])
{
	pc_buf name;
	pc_buf_init(&name);
	pc_buf_printf(&name, "%sprofile/%s/epub", o->base_iri, pc_graph_cc(g));
	pc_sha256 s;
	unsigned char h[32];
	pc_sha256_init(&s);
	pc_sha256_update(&s, name.data, name.len);
	pc_sha256_final(&s, h);
	pc_buf_free(&name);
	h[6] = (unsigned char)((h[6] & 0x0f) | 0x80); /* version 8 */
	h[8] = (unsigned char)((h[8] & 0x3f) | 0x80); /* RFC variant */
	char *p = out;
	for (int i = 0; i < 16; i++) {
		if (i == 4 || i == 6 || i == 8 || i == 10)
			*p++ = '-';
		p += sprintf(p, "%02x", h[i]);
	}
	*p = '\0';
}

static void
meta(pc_buf *b, const char *property, const char *value)
{
	pc_buf_printf(b, "<meta property=\"%s\">", property);
	pc_buf_xml(b, value);
	pc_buf_puts(b, "</meta>\n");
}

static void
write_package(const pc_graph *g, const pc_export_opts *o, const pc_epub_book *book, pc_buf *b)
{
	const char *lang = g->lang && *g->lang ? g->lang : "en";
	char uuid[37];
	book_uuid(g, o, uuid);
	pc_buf_puts(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		       "<package xmlns=\"http://www.idpf.org/2007/opf\" version=\"3.0\" unique-identifier=\"pub-id\" "
		       "xml:lang=\"");
	pc_buf_xml(b, lang);
	pc_buf_puts(b, "\">\n<metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n");
	pc_buf_printf(b, "<dc:identifier id=\"pub-id\">urn:uuid:%s</dc:identifier>\n", uuid);
	pc_buf_puts(b, "<dc:title>");
	pc_buf_xml(b, g->title ? g->title : "Country profile");
	pc_buf_puts(b, "</dc:title>\n<dc:language>");
	pc_buf_xml(b, lang);
	pc_buf_puts(b, "</dc:language>\n");
	if (g->modified) {
		/* The day without an xs:date's time zone: EPUB wants W3CDTF. */
		pc_buf_printf(b, "<dc:date>%.10s</dc:date>\n", g->modified);
	}
	if (o->publisher) {
		pc_buf_puts(b, "<dc:publisher>");
		pc_buf_xml(b, o->publisher);
		pc_buf_puts(b, "</dc:publisher>\n");
	}
	pc_buf_puts(b, "<dc:subject>Child online safety</dc:subject>\n");
	if (g->n_countries > 0) {
		pc_buf_puts(b, "<dc:coverage>");
		pc_buf_xml(b, g->countries[0].name);
		pc_buf_puts(b, "</dc:coverage>\n");
	}
	pc_buf_puts(b, "<dc:description>A handout of the country profile: overview, timeline, organizations, "
		       "research and laws.</dc:description>\n");
	meta(b, "dcterms:modified", g->build_timestamp);
	/* EPUB Accessibility 1.1: what the book offers, and how that was
	 * checked. No conformance claim and no certifier: a WCAG claim needs a
	 * person's evaluation, and a tool cannot certify its own output. */
	meta(b, "schema:accessMode", "textual");
	if (g->n_events > 0)
		meta(b, "schema:accessMode", "visual");
	meta(b, "schema:accessModeSufficient", "textual");
	meta(b, "schema:accessibilityFeature", "structuralNavigation");
	meta(b, "schema:accessibilityFeature", "tableOfContents");
	meta(b, "schema:accessibilityFeature", "readingOrder");
	meta(b, "schema:accessibilityFeature", "displayTransformability");
	meta(b, "schema:accessibilityFeature", "ARIA");
	if (g->n_events > 0) {
		meta(b, "schema:accessibilityFeature", "alternativeText");
		meta(b, "schema:accessibilityFeature", "longDescription");
	}
	meta(b, "schema:accessibilityHazard", "none");
	meta(b, "schema:accessibilitySummary",
	     "Semantic XHTML with headings in order, a table of contents and landmarks, ARIA roles matching every "
	     "structural type, data tables with header cells, text direction marked on every text from the source, "
	     "and every cross-reference as a link. The timeline figure has a text description, and the events it "
	     "shows are also listed as text. No scripts, no media, no remote resources. How this was checked: "
	     "profilec's test suite runs Ace by DAISY (no violations) and EPUBCheck (no errors or warnings) on the "
	     "books it builds; no person has evaluated this book against WCAG, so it makes no conformance claim.");
	pc_buf_puts(b, "</metadata>\n<manifest>\n"
		       "<item id=\"nav\" href=\"nav.xhtml\" media-type=\"application/xhtml+xml\" properties=\"nav\"/>\n"
		       "<item id=\"css\" href=\"style.css\" media-type=\"text/css\"/>\n");
	for (int i = 0; i < PC_EPUB_NDOCS; i++) {
		const pc_epub_doc *doc = &book->docs[i];
		pc_buf_printf(b, "<item id=\"%s\" href=\"%s\" media-type=\"application/xhtml+xml\"", doc->id,
			      doc->file);
		if (doc->properties)
			pc_buf_printf(b, " properties=\"%s\"", doc->properties);
		pc_buf_puts(b, "/>\n");
	}
	pc_buf_puts(b, "</manifest>\n<spine>\n");
	for (int i = 0; i < PC_EPUB_NDOCS; i++) {
		pc_buf_printf(b, "<itemref idref=\"%s\"/>\n", book->docs[i].id);
		if (i == PC_EPUB_TITLE)
			pc_buf_puts(b, "<itemref idref=\"nav\"/>\n");
	}
	pc_buf_puts(b, "</spine>\n</package>\n");
}

static void
write_nav(const pc_graph *g, const pc_epub_book *book, pc_buf *b)
{
	pc_epub_xhtml_begin(b, g, "Contents");
	pc_buf_puts(b, "<nav epub:type=\"toc\" id=\"toc\" role=\"doc-toc\">\n<h1>Contents</h1>\n<ol>\n");
	for (int i = 0; i < PC_EPUB_NDOCS; i++) {
		const pc_epub_doc *doc = &book->docs[i];
		pc_buf_printf(b, "<li><a href=\"%s\">", doc->file);
		pc_buf_xml(b, doc->title);
		pc_buf_puts(b, "</a>");
		if (doc->n_sections > 0) {
			pc_buf_puts(b, "\n<ol>\n");
			for (size_t k = 0; k < doc->n_sections; k++) {
				pc_buf_printf(b, "<li><a href=\"%s#", doc->file);
				pc_buf_xml(b, doc->sections[k].anchor);
				pc_buf_puts(b, "\">");
				pc_buf_xml(b, doc->sections[k].label);
				pc_buf_puts(b, "</a></li>\n");
			}
			pc_buf_puts(b, "</ol>\n");
		}
		pc_buf_puts(b, "</li>\n");
	}
	pc_buf_puts(b, "</ol>\n</nav>\n<nav epub:type=\"landmarks\" id=\"landmarks\" hidden=\"hidden\">\n"
		       "<h2>Landmarks</h2>\n<ol>\n"
		       "<li><a epub:type=\"toc\" href=\"nav.xhtml#toc\">Contents</a></li>\n");
	for (int i = 0; i < PC_EPUB_NDOCS; i++) {
		const pc_epub_doc *doc = &book->docs[i];
		if (doc->landmark == NULL)
			continue;
		pc_buf_printf(b, "<li><a epub:type=\"%s\" href=\"%s\">", doc->landmark, doc->file);
		pc_buf_xml(b, doc->title);
		pc_buf_puts(b, "</a></li>\n");
	}
	pc_buf_puts(b, "</ol>\n</nav>\n");
	pc_epub_xhtml_end(b);
}

/* ---- The ZIP container -------------------------------------------------- */

/* The build date as a DOS date and time, read in UTC. DOS times start in
 * 1980: an earlier build date (SOURCE_DATE_EPOCH=0 in tests) is clamped. */
static void
dos_time(long long epoch, zip_uint16_t *dtime, zip_uint16_t *ddate)
{
	struct tm tm;
	time_t t = (time_t)epoch;
	if (epoch < 315532800 || gmtime_r(&t, &tm) == NULL) { /* 1980-01-01T00:00:00Z */
		*dtime = 0;
		*ddate = (zip_uint16_t)((0 << 9) | (1 << 5) | 1);
		return;
	}
	if (tm.tm_year + 1900 > 2107) {
		tm.tm_year = 2107 - 1900, tm.tm_mon = 11, tm.tm_mday = 31;
		tm.tm_hour = 23, tm.tm_min = 59, tm.tm_sec = 58;
	}
	*dtime = (zip_uint16_t)((tm.tm_hour << 11) | (tm.tm_min << 5) | (tm.tm_sec / 2));
	*ddate = (zip_uint16_t)(((tm.tm_year + 1900 - 1980) << 9) | ((tm.tm_mon + 1) << 5) | tm.tm_mday);
}

/* libzip 1.7 turns a DOS time into a time_t with mktime() and back with
 * localtime() when it writes, so under a time zone whose clocks skip the
 * build hour (a daylight-saving gap) the stored time would move. Reading
 * both ways in UTC while the archive is made keeps it exact. */
typedef struct {
	char *saved; /* the caller's TZ, NULL when unset */
} utc_pin;

static void
pin_utc(utc_pin *p)
{
	const char *tz = getenv("TZ");
	p->saved = tz ? pc_strdup(tz) : NULL;
	setenv("TZ", "UTC0", 1);
	tzset();
}

static void
unpin_utc(utc_pin *p)
{
	if (p->saved)
		setenv("TZ", p->saved, 1);
	else
		unsetenv("TZ");
	tzset();
	free(p->saved);
	p->saved = NULL;
}

typedef struct {
	zip_t *za;
	const char *path;
	zip_uint16_t dtime, ddate;
	pc_diag *d;
} zip_out;

static int
zip_fail(zip_out *z, const char *what)
{
	pc_diag_report(z->d, PC_SEV_ERROR, z->path, 0, 0, "output", "cannot %s: %s", what, zip_strerror(z->za));
	return PC_EXIT_OUTPUT;
}

/* Add one entry; the archive takes the buffer's memory. */
static int
add_entry(zip_out *z, const char *name, pc_buf *data, int store)
{
	zip_source_t *src = zip_source_buffer(z->za, data->data, data->len, 1);
	if (src == NULL)
		return zip_fail(z, "add an entry");
	pc_buf_init(data); /* libzip frees it now */
	zip_int64_t idx = zip_file_add(z->za, name, src, ZIP_FL_ENC_UTF_8);
	if (idx < 0) {
		zip_source_free(src);
		return zip_fail(z, "add an entry");
	}
	/* mimetype must be stored, so a reader finds it at a fixed offset; the
	 * rest at zlib's default level (9 costs a tenth more time for 1 %). */
	if (zip_set_file_compression(z->za, (zip_uint64_t)idx, store ? ZIP_CM_STORE : ZIP_CM_DEFLATE, store ? 0 : 6) !=
		    0 ||
	    zip_file_set_dostime(z->za, (zip_uint64_t)idx, z->dtime, z->ddate, 0) != 0)
		return zip_fail(z, "set an entry's attributes");
	return PC_EXIT_OK;
}

static int
add_text(zip_out *z, const char *name, const char *s, int store)
{
	pc_buf b;
	pc_buf_init(&b);
	pc_buf_puts(&b, s);
	int rc = add_entry(z, name, &b, store);
	pc_buf_free(&b);
	return rc;
}

static int
write_zip(zip_out *z, const pc_graph *g, const pc_export_opts *o, pc_epub_book *book)
{
	int rc = add_text(z, "mimetype", "application/epub+zip", 1);
	if (rc == PC_EXIT_OK)
		rc = add_text(z, "META-INF/container.xml", container_xml, 0);
	if (rc == PC_EXIT_OK) {
		pc_buf b;
		pc_buf_init(&b);
		write_package(g, o, book, &b);
		rc = add_entry(z, "OEBPS/package.opf", &b, 0);
		pc_buf_free(&b);
	}
	if (rc == PC_EXIT_OK) {
		pc_buf b;
		pc_buf_init(&b);
		write_nav(g, book, &b);
		rc = add_entry(z, "OEBPS/nav.xhtml", &b, 0);
		pc_buf_free(&b);
	}
	if (rc == PC_EXIT_OK)
		rc = add_text(z, "OEBPS/style.css", style_css, 0);
	for (int i = 0; rc == PC_EXIT_OK && i < PC_EPUB_NDOCS; i++) {
		char *name = pc_asprintf("OEBPS/%s", book->docs[i].file);
		rc = add_entry(z, name, &book->docs[i].xhtml, 0);
		free(name);
	}
	return rc;
}

int
pc_export_epub(const pc_graph *g, const pc_export_opts *o, pc_diag *d)
{
	char *rel = pc_asprintf("%s.epub", pc_graph_cc(g));
	char *path = pc_out_path(o->dir, rel, d);
	free(rel);
	if (path == NULL)
		return PC_EXIT_OUTPUT;

	pc_epub_book book;
	pc_epub_book_build(g, &book);

	utc_pin pin;
	pin_utc(&pin);
	int rc = PC_EXIT_OK;
	int err = 0;
	/* ZIP_EXCL: the staging area is ours alone; a file already there is
	 * a planted one, never overwritten (as pc_out_write does). */
	zip_t *za = zip_open(path, ZIP_CREATE | ZIP_EXCL, &err);
	if (za == NULL) {
		rc = pc_out_zip_fail(d, path, err, "cannot create file");
	} else {
		zip_out z = {za, path, 0, 0, d};
		dos_time(g->build_epoch, &z.dtime, &z.ddate);
		rc = write_zip(&z, g, o, &book);
		if (rc == PC_EXIT_OK && zip_close(za) != 0)
			rc = zip_fail(&z, "write");
		if (rc != PC_EXIT_OK)
			zip_discard(za); /* removes libzip's temporary file */
	}
	unpin_utc(&pin);
	pc_epub_book_free(&book);
	free(path);
	return rc;
}
