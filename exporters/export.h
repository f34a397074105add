/* The exporter interface: every product is written by one function of this shape. */
#ifndef PC_EXPORT_H
#define PC_EXPORT_H

#include <stdio.h>

#include "../compiler/diag.h"
#include "../compiler/graph.h"
#include "../compiler/digest.h"
#include "buf.h"

/* The base of the JSON-LD @ids when --base-iri does not say: a placeholder
 * for the publishing portal's own. */
#define PC_DEFAULT_BASE_IRI "https://profilec.example/id/"

typedef struct {
	/* The staging directory of this profile ("<tmp>/ro"): exporters write
	 * only below it, through pc_out_*; the build renames it into place
	 * when every output succeeded. */
	const char *dir;
	/* The base of every @id and of the book's identifier, ending with '/'.
	 * Never NULL: the command line sets PC_DEFAULT_BASE_IRI when
	 * --base-iri does not say, so no exporter has a default of its own. */
	const char *base_iri;
	const char *publisher; /* catalog publisher name, NULL when not configured */
	const char *base_url;  /* where the build's DIR is published (absolute URL), or NULL: links stay relative */
	const char *license;   /* an SPDX licence id or a licence's URL, or NULL when the publisher gave none */
} pc_export_opts;

/* Returns PC_EXIT_OK, PC_EXIT_INVALID (the source cannot be expressed in
 * this format; a diagnostic names the source line) or PC_EXIT_OUTPUT (a
 * file could not be written; a diagnostic names the path and the cause). */
typedef int (*pc_export_fn)(const pc_graph *g, const pc_export_opts *o, pc_diag *d);

typedef struct {
	const char *name; /* "csv", as --formats names it */
	pc_export_fn run;
	const char *what; /* one line for --help */
} pc_exporter;

extern const pc_exporter pc_exporters[];
extern const size_t pc_n_exporters;

int pc_export_csv(const pc_graph *g, const pc_export_opts *o, pc_diag *d);
int pc_export_jsonld(const pc_graph *g, const pc_export_opts *o, pc_diag *d);
int pc_export_xlsx(const pc_graph *g, const pc_export_opts *o, pc_diag *d);
int pc_export_epub(const pc_graph *g, const pc_export_opts *o, pc_diag *d);

/* What the catalog says of one profile (exporters/dataset.c): taken from
 * the graph where the profile is built, perhaps in a worker process, and
 * handed to the parent as bytes, so the catalog needs no graph. */
typedef struct {
	char *cc, *title, *lang;                        /* cc as pc_graph_cc gives it; title and lang may be NULL */
	char *modified;                                 /* the profile's edition date, or NULL */
	char *country_id, *country_code, *country_name; /* NULL without a country */
	unsigned line;                                  /* of the country element */
	char build_date[11];
	size_t counts[PC_KIND_COUNT];
} pc_dataset;

void pc_dataset_of(pc_dataset *ds, const pc_graph *g);
void pc_dataset_encode(const pc_dataset *ds, pc_buf *out);
int pc_dataset_decode(pc_dataset *ds, const char *data, size_t len); /* 0 or -1 */
void pc_dataset_free(pc_dataset *ds);

/* The catalog of every profile built, written to "<root>/catalog.jsonld"
 * after the profiles' outputs are staged under root/<cc>/. */
int pc_export_catalog(const pc_dataset *sets, size_t n, const char *root, const pc_export_opts *o, pc_diag *d);

/* Notes on the build's configuration, once per build: the catalog's links
 * are relative without --base-url, and no licence is stated without
 * --license. Notes, so --werror leaves them be: they are not the source's. */
void pc_catalog_notes(const pc_export_opts *o, pc_diag *d);
/* 1 when s is an SPDX licence id (letters, digits, '.', '-', '+') or an
 * http(s) URL; the licence's IRI (free it): the URL, or SPDX's page. */
int pc_license_ok(const char *s);
char *pc_license_iri(const char *s);

/* ---- Output helpers shared by every exporter ---------------------- */

/* The full path of relpath below dir, parent directories created.
 * NULL (and a diagnostic) when a directory cannot be made. Free it. */
char *pc_out_path(const char *dir, const char *relpath, pc_diag *d);
/* Write a whole buffer to dir/relpath; PC_EXIT_OK or PC_EXIT_OUTPUT with
 * a diagnostic naming the path and the cause (a full disk included). */
int pc_out_write(const char *dir, const char *relpath, const void *data, size_t len, pc_diag *d);
/* A file written while it is made: the exporter appends to buf, and
 * pc_out_stream_drain (a pc_json drain, say) moves what buf holds to the
 * file, so a large product never sits whole in memory. A failed write is
 * remembered and reported by close: PC_EXIT_OK or PC_EXIT_OUTPUT. */
typedef struct {
	char *path;
	int fd;
	int err; /* errno of the first failed write */
	pc_buf *buf;
} pc_out_stream;

int pc_out_stream_open(pc_out_stream *s, const char *dir, const char *relpath, pc_buf *buf, pc_diag *d);
void pc_out_stream_drain(void *stream);
int pc_out_stream_close(pc_out_stream *s, pc_diag *d);
/* The SHA-256 (hex) and size of a staged file, read back in pieces. */
int pc_out_digest(const char *path, char sha256[65], size_t *size, pc_diag *d);
/* Report a failed write of path with errno's cause; returns PC_EXIT_OUTPUT. */
int pc_out_fail(pc_diag *d, const char *path, const char *what);
/* The same for a libzip error code (zip_open's): "<what>: <libzip's words>". */
int pc_out_zip_fail(pc_diag *d, const char *path, int zip_err, const char *what);

#endif
