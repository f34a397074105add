/* What the JSON-LD exporter's files share: the writer and the helpers that write one node's properties. */
#ifndef PC_JSONLD_H
#define PC_JSONLD_H

#include "edge_index.h"
#include "export.h"

typedef struct {
	const pc_graph *g;
	const char *base, *cc;
	pc_json w;
	pc_buf iri; /* scratch for the IRI being written */
	pc_edge_index roles, relations, authors, citations, changes;
	pc_edge_index quality[PC_KIND_COUNT];
} pc_jsonld_writer;

/* The exporter's files call the helpers by short names; the symbols carry
 * the project's prefix. */
typedef pc_jsonld_writer writer;
#define node_iri    pc_jsonld_node_iri
#define put_ref     pc_jsonld_put_ref
#define put_text    pc_jsonld_put_text
#define put_year    pc_jsonld_put_year
#define put_decimal pc_jsonld_put_decimal
#define open_node   pc_jsonld_open_node
#define put_quality pc_jsonld_put_quality
#define put_country pc_jsonld_put_country

/* A node's IRI: BASE cc "/" kind "/" id (valid until the next call). */
const char *node_iri(writer *x, pc_kind kind, const char *id);
/* A reference to node (kind, index) under key (NULL inside an array). */
void put_ref(writer *x, const char *key, pc_kind kind, uint32_t index);
/* A text, nothing when s is NULL. */
void put_text(writer *x, const char *key, const char *s);
/* A year as xsd:gYear, nothing when PC_NONE. */
void put_year(writer *x, const char *key, int year);
/* A canonical decimal exactly, nothing when NULL. */
void put_decimal(writer *x, const char *key, const char *canon);
/* Open a node: its @id and @type. */
void open_node(writer *x, const char *key, const char *iri, const char *type);
/* The data-quality notes of a node. */
void put_quality(writer *x, pc_kind kind, uint32_t index);
/* A reference to the profile's country. */
void put_country(writer *x, const char *key);

/* The law's nodes (jsonld_law.c). */
void pc_jsonld_write_legislation(writer *x);
void pc_jsonld_write_penalties(writer *x);
void pc_jsonld_write_thresholds(writer *x);

#endif
