/* Validate a parsed source against the embedded schema, reporting every error. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlschemas.h>

#include "alloc.h"
#include "compiler.h"

extern const char pc_schema_xsd[];
extern const size_t pc_schema_xsd_len;

static xmlSchemaPtr schema;

/* The schema's identity constraints are our reference rules: name them so. */
static const char *
rule_for(const xmlError *err)
{
	/* libxml2 2.9 gives every identity-constraint error one code. */
	if (err->code == XML_SCHEMAV_CVC_IDC && err->message) {
		if (strstr(err->message, "No match found for key-sequence"))
			return "unknown-ref";
		if (strstr(err->message, "Duplicate key-sequence"))
			return "duplicate-id";
	}
	return "schema";
}

/* libxml2 writes "Element '{urn:profilec:profile:1}event': ..."; the
 * namespace is the same for every element, so drop it from messages. */
static void
strip_namespace(char *msg)
{
	static const char ns[] = "{urn:profilec:profile:1}";
	char *p;
	while ((p = strstr(msg, ns)) != NULL)
		memmove(p, p + sizeof ns - 1, strlen(p + sizeof ns - 1) + 1);
}

/* The line of the byte at offset. */
static unsigned
line_at(const pc_input *src, size_t offset)
{
	size_t lo = 0, hi = src->n_lines;
	while (hi - lo > 1) {
		size_t mid = (lo + hi) / 2;
		if (src->line_starts[mid] <= offset)
			lo = mid;
		else
			hi = mid;
	}
	return (unsigned)lo + 1;
}

/* A streaming validator reports a dangling keyref where the key's scope
 * ends, not where the reference stands: find the element `<name ...
 * ="key"` in the source instead. */
static int
locate_reference(const pc_input *src, const char *name, const char *key, size_t key_len, unsigned *line, unsigned *col)
{
	size_t name_len = strlen(name);
	const char *end = src->data + src->len;
	for (const char *p = src->data; p + key_len + 2 <= end; p++) {
		p = memchr(p, '"', (size_t)(end - p));
		if (p == NULL || p + key_len + 2 > end)
			return 0;
		if (memcmp(p + 1, key, key_len) != 0 || p[key_len + 1] != '"')
			continue;
		const char *q = p - 1;
		while (q > src->data && (*q == ' ' || *q == '\t'))
			q--;
		if (*q != '=')
			continue;
		while (q > src->data && *q != '<' && *q != '>')
			q--;
		if (*q != '<' || (size_t)(end - q) <= name_len + 1 || memcmp(q + 1, name, name_len) != 0 ||
		    !(q[1 + name_len] == ' ' || q[1 + name_len] == '\t' || q[1 + name_len] == '\n' ||
		      q[1 + name_len] == '\r'))
			continue;
		*line = line_at(src, (size_t)(q - src->data));
		*col = (unsigned)(q - (src->data + src->line_starts[*line - 1])) + 1;
		return 1;
	}
	return 0;
}

/* "Element 'involves': ..." -> "involves" (namespace already stripped). */
static int
element_of(const char *msg, char *name, size_t size)
{
	const char *p = strstr(msg, "Element '");
	if (p == NULL)
		return 0;
	p += strlen("Element '");
	const char *q = strchr(p, '\'');
	if (q == NULL || q == p || (size_t)(q - p) >= size)
		return 0;
	memcpy(name, p, (size_t)(q - p));
	name[q - p] = '\0';
	return 1;
}

void
pc_report_xml_error(const pc_input *src, pc_diag *d, const void *xml_error)
{
	const xmlError *err = xml_error;
	if (err == NULL || err->level == XML_ERR_NONE)
		return;
	pc_severity sev = err->level == XML_ERR_WARNING ? PC_SEV_WARNING : PC_SEV_ERROR;
	unsigned line = err->line > 0 ? (unsigned)err->line : 0;
	unsigned col = err->int2 > 0 ? (unsigned)err->int2 : 0;
	if (err->domain != XML_FROM_SCHEMASV) {
		const char *rule = "malformed";
		if (err->code == XML_ERR_INVALID_CHAR || err->code == XML_ERR_INVALID_ENCODING)
			rule = "encoding";
		pc_diag_report(d, sev, src->path, line, col, rule, "%s", err->message ? err->message : "XML error");
		return;
	}
	/* Schema errors have a line but no column: find the element. */
	xmlNodePtr node = err->node;
	if (node != NULL && line == 0)
		line = (unsigned)xmlGetLineNo(node);
	char msg[1024], name[128];
	snprintf(msg, sizeof msg, "%s", err->message ? err->message : "schema violation");
	strip_namespace(msg);
	/* The builder says the same of a duplicate id, naming the first use. */
	if (strstr(msg, "Duplicate key-sequence") && strstr(msg, "'uniqueId'"))
		return;
	col = 0;
	const char *key = strstr(msg, "No match found for key-sequence ['");
	if (key != NULL && element_of(msg, name, sizeof name)) {
		key += strlen("No match found for key-sequence ['");
		const char *key_end = strstr(key, "']");
		if (key_end != NULL)
			locate_reference(src, name, key, (size_t)(key_end - key), &line, &col);
	}
	if (col == 0 && node != NULL && node->type == XML_ELEMENT_NODE)
		col = pc_input_column(src, line, (const char *)node->name);
	if (col == 0 && element_of(msg, name, sizeof name)) {
		char *brace = strchr(name, '}'); /* a foreign namespace stays in the message */
		col = pc_input_column(src, line, brace ? brace + 1 : name);
	}
	pc_diag_report(d, sev, src->path, line, col, rule_for(err), "%s", msg);
}

struct error_sink {
	const pc_input *src;
	pc_diag *d;
};

static void
on_schema_error(void *ctx, xmlErrorPtr err)
{
	struct error_sink *sink = ctx;
	pc_report_xml_error(sink->src, sink->d, err);
}

static void
on_schema_parse_error(void *ctx, xmlErrorPtr err)
{
	pc_diag *d = ctx;
	if (err && err->level >= XML_ERR_ERROR)
		pc_diag_report(d, PC_SEV_ERROR, "schemas/profile.xsd", (unsigned)err->line, 0, "internal",
			       "embedded schema: %s", err->message ? err->message : "error");
}

static xmlSchemaPtr
get_schema(pc_diag *d)
{
	if (schema != NULL)
		return schema;
	xmlSchemaParserCtxtPtr pctx = xmlSchemaNewMemParserCtxt(pc_schema_xsd, (int)pc_schema_xsd_len);
	if (pctx == NULL)
		return NULL;
	xmlSchemaSetParserStructuredErrors(pctx, on_schema_parse_error, d);
	schema = xmlSchemaParse(pctx);
	xmlSchemaFreeParserCtxt(pctx);
	return schema;
}

/* The sink lives as long as the validation context, which outlives the
 * call that plugs it into the reader. */
typedef struct {
	xmlSchemaValidCtxtPtr vctx;
	struct error_sink sink;
} validation;

void *
pc_validation_start(void *reader, const pc_input *src, pc_diag *d)
{
	xmlSchemaPtr s = get_schema(d);
	if (s == NULL) {
		pc_diag_report(d, PC_SEV_ERROR, NULL, 0, 0, "internal", "the embedded schema does not compile");
		return NULL;
	}
	validation *v = pc_calloc(1, sizeof *v);
	v->sink = (struct error_sink){src, d};
	v->vctx = xmlSchemaNewValidCtxt(s);
	if (v->vctx == NULL) {
		pc_diag_report(d, PC_SEV_ERROR, NULL, 0, 0, "internal", "cannot create a schema validation context");
		free(v);
		return NULL;
	}
	xmlSchemaSetValidStructuredErrors(v->vctx, on_schema_error, &v->sink);
	if (xmlTextReaderSchemaValidateCtxt(reader, v->vctx, 0) != 0) {
		pc_diag_report(d, PC_SEV_ERROR, NULL, 0, 0, "internal", "cannot plug the schema into the reader");
		xmlSchemaFreeValidCtxt(v->vctx);
		free(v);
		return NULL;
	}
	return v;
}

void
pc_validation_end(void *vctxt)
{
	validation *v = vctxt;
	if (v == NULL)
		return;
	xmlSchemaFreeValidCtxt(v->vctx);
	free(v);
}

void
pc_compiler_cleanup(void)
{
	xmlSchemaFree(schema);
	schema = NULL;
	xmlCleanupParser();
}
