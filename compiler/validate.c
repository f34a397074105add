/* Validate a parsed source against the embedded schema, reporting every error. */
#include <string.h>

#include <libxml/parser.h>
#include <libxml/xmlschemas.h>

#include "compiler.h"

extern const char pc_schema_xsd[];
extern const size_t pc_schema_xsd_len;

static xmlSchemaPtr schema;

struct error_sink {
	const pc_input *src;
	pc_diag *d;
};

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

/* A keyref error comes without a node: find the element on its line that
 * holds the quoted key ("... key-sequence ['ec'] ..."). */
static unsigned
keyref_column(const pc_input *src, unsigned line, const char *message)
{
	const char *k = strstr(message, "key-sequence ['");
	if (k == NULL || line == 0 || line > src->n_lines)
		return 0;
	k += strlen("key-sequence ['");
	const char *kend = strstr(k, "']");
	if (kend == NULL || kend == k || kend - k > 200)
		return 0;
	char quoted[208];
	snprintf(quoted, sizeof quoted, "\"%.*s\"", (int)(kend - k), k);
	const char *start = src->data + src->line_starts[line - 1];
	const char *eol = strchr(start, '\n');
	const char *hit = strstr(start, quoted);
	if (hit == NULL || (eol && hit > eol))
		return 0;
	while (hit > start && *hit != '<')
		hit--;
	return (unsigned)(hit - start) + 1;
}

static void
on_schema_error(void *ctx, xmlErrorPtr err)
{
	struct error_sink *sink = ctx;
	if (err == NULL || err->level == XML_ERR_NONE)
		return;
	unsigned line = err->line > 0 ? (unsigned)err->line : 0;
	unsigned col = err->int2 > 0 ? (unsigned)err->int2 : 0;
	xmlNodePtr node = err->node;
	if (node != NULL && line == 0)
		line = (unsigned)xmlGetLineNo(node);
	if (col == 0 && node != NULL && node->type == XML_ELEMENT_NODE)
		col = pc_input_column(sink->src, line, (const char *)node->name);
	if (col == 0 && err->message)
		col = keyref_column(sink->src, line, err->message);
	char msg[1024];
	snprintf(msg, sizeof msg, "%s", err->message ? err->message : "schema violation");
	strip_namespace(msg);
	pc_diag_report(sink->d, err->level == XML_ERR_WARNING ? PC_SEV_WARNING : PC_SEV_ERROR, sink->src->path, line,
		       col, rule_for(err), "%s", msg);
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

int
pc_validate(pc_input *src, pc_diag *d)
{
	xmlSchemaPtr s = get_schema(d);
	if (s == NULL) {
		pc_diag_report(d, PC_SEV_ERROR, NULL, 0, 0, "internal", "the embedded schema does not compile");
		return -1;
	}
	xmlSchemaValidCtxtPtr vctx = xmlSchemaNewValidCtxt(s);
	if (vctx == NULL) {
		pc_diag_report(d, PC_SEV_ERROR, NULL, 0, 0, "internal", "cannot create a schema validation context");
		return -1;
	}
	struct error_sink sink = {src, d};
	xmlSchemaSetValidStructuredErrors(vctx, on_schema_error, &sink);
	size_t before = d->n_errors;
	int rc = xmlSchemaValidateDoc(vctx, src->doc);
	xmlSchemaFreeValidCtxt(vctx);
	if (rc != 0 && d->n_errors == before)
		pc_diag_report(d, PC_SEV_ERROR, src->path, 0, 0, "schema", "the source does not match the schema");
	return rc == 0 ? 0 : -1;
}

void
pc_compiler_cleanup(void)
{
	xmlSchemaFree(schema);
	schema = NULL;
	xmlCleanupParser();
}
