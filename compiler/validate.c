/* The embedded schema, plugged into parse.c's streaming reader so libxml2
 * validates while the builder reads (there is no separate pass), and
 * libxml2's structured errors turned into diagnostics. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlschemastypes.h>

#include "alloc.h"
#include "compiler.h"
#include "fixit.h"
#include "fold.h"

extern const char pc_schema_xsd[];
extern const size_t pc_schema_xsd_len;

static xmlSchemaPtr schema;
static xmlDocPtr schema_doc;

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

/* Where the element `name` that ends on `line` began: libxml2 notices a
 * missing child at the closing tag, while the editor looks for it at the
 * opening one. The last "<name" before the end of that line (no element
 * of the format nests in one of its own name). 0 when found. A released
 * page of the mapping reads back from the file. */
static int
opening_tag(const pc_input *src, unsigned line, const char *name, unsigned *out_line, unsigned *out_col, char *id,
	    size_t id_size)
{
	if (line == 0 || src->data == NULL || line > src->n_lines)
		return -1;
	size_t end = line < src->n_lines ? src->line_starts[line] : src->len, n = strlen(name);
	for (size_t i = end; i-- > 0;) {
		const char *p = src->data + i;
		if (*p != '<' || i + 1 + n >= src->len || memcmp(p + 1, name, n) != 0 ||
		    strchr(" \t\r\n/>", p[1 + n]) == NULL)
			continue;
		size_t lo = 0, hi = src->n_lines; /* the last line starting at or before i */
		while (hi - lo > 1) {
			size_t mid = (lo + hi) / 2;
			if (src->line_starts[mid] <= i)
				lo = mid;
			else
				hi = mid;
		}
		*out_line = (unsigned)lo + 1;
		*out_col = (unsigned)(i - src->line_starts[lo]) + 1;
		/* Its id, to name it in the message: id="..." before the '>'. */
		id[0] = '\0';
		const char *end = src->data + src->len;
		for (const char *q = p + 1 + n; q + 4 < end && *q != '>' && *q != '<'; q++)
			if ((q[0] == ' ' || q[0] == '\t' || q[0] == '\n' || q[0] == '\r') &&
			    memcmp(q + 1, "id=", 3) == 0 && (q[4] == '"' || q[4] == '\'')) {
				const char *v = q + 5, *e = memchr(v, q[4], (size_t)(end - v));
				if (e != NULL && (size_t)(e - v) < id_size) {
					memcpy(id, v, (size_t)(e - v));
					id[e - v] = '\0';
				}
				break;
			}
		return 0;
	}
	return -1;
}

void
pc_report_xml_error(const pc_input *src, pc_diag *d, const xmlError *err)
{
	if (err == NULL || err->level == XML_ERR_NONE)
		return;
	pc_severity sev = err->level == XML_ERR_WARNING ? PC_SEV_WARNING : PC_SEV_ERROR;
	/* An XML 1.1 declaration is read as 1.0, whose rules differ (control
	 * characters, line ends): an error, as the catalogue says malformed is. */
	if (err->code == XML_WAR_UNKNOWN_VERSION)
		sev = PC_SEV_ERROR;
	unsigned line = err->line > 0 ? (unsigned)err->line : 0;
	unsigned col = err->int2 > 0 ? (unsigned)err->int2 : 0;
	if (err->domain != XML_FROM_SCHEMASV) {
		const char *rule = "malformed";
		if (err->code == XML_ERR_INVALID_CHAR || err->code == XML_ERR_INVALID_ENCODING)
			rule = "encoding";
		char *fix = pc_fixit_markup(err->code, err->message);
		pc_diag_report(d, sev, src->path, line, col, rule, "%s",
			       fix            ? fix
			       : err->message ? err->message
					      : "XML error");
		free(fix);
		return;
	}
	/* Schema errors have a line but no column: find the element. */
	xmlNodePtr node = err->node;
	char msg[1024], name[128];
	snprintf(msg, sizeof msg, "%s", err->message ? err->message : "schema violation");
	strip_namespace(msg);
	for (size_t n = strlen(msg); n > 0 && (msg[n - 1] == '\n' || msg[n - 1] == ' '); n--)
		msg[n - 1] = '\0';
	/* libxml2 notices a missing child at the closing tag, and stray text
	 * where the text ends; the editor looks for both at the opening tag. */
	if (node != NULL && line == 0 && xmlGetLineNo(node) > 0)
		line = (unsigned)xmlGetLineNo(node);
	char id[128];
	int at_opening =
		pc_fixit_is_missing_child(msg) || strstr(msg, ": Character content other than whitespace") != NULL;
	if (at_opening && element_of(msg, name, sizeof name) &&
	    opening_tag(src, line, name, &line, &col, id, sizeof id) == 0) {
		char *fix = pc_fixit_schema(msg, id, schema_doc);
		pc_diag_report(d, sev, src->path, line, col, "schema", "%s", fix ? fix : msg);
		free(fix);
		return;
	}
	col = 0;
	if (node != NULL && node->type == XML_ELEMENT_NODE)
		col = pc_input_column(src, line, (const char *)node->name);
	if (col == 0 && element_of(msg, name, sizeof name)) {
		char *brace = strchr(name, '}'); /* a foreign namespace stays in the message */
		col = pc_input_column(src, line, brace ? brace + 1 : name);
	}
	xmlChar *node_id = node != NULL && node->type == XML_ELEMENT_NODE ? xmlGetProp(node, BAD_CAST "id") : NULL;
	char *fix = pc_fixit_schema(msg, (const char *)node_id, schema_doc);
	xmlFree(node_id);
	pc_diag_report(d, sev, src->path, line, col, "schema", "%s", fix ? fix : msg);
	free(fix);
}

struct error_sink {
	const pc_input *src;
	pc_diag *d;
	unsigned errors, forgiven; /* schema errors, and those libxml2 should not have raised */
};

/* libxml2 (2.9) refuses " 2026-11-28" as an xs:date, yet every built-in
 * type but xs:string and xs:normalizedString collapses white space before
 * it reads the value (XSD 1.0 part 2, 4.3.6): a value the type accepts
 * once trimmed is valid, and the builder folds it the same way. */
static int
whitespace_slip(const char *msg)
{
	static const char mid[] = "' is not a valid value of the atomic type 'xs:";
	const char *end = msg ? strstr(msg, mid) : NULL, *start = end;
	if (end == NULL)
		return 0;
	while (start > msg && start[-1] != '\'')
		start--;
	char type[32];
	const char *t = end + sizeof mid - 1, *q = strchr(t, '\'');
	if (start == msg || q == NULL || (size_t)(q - t) >= sizeof type)
		return 0;
	memcpy(type, t, (size_t)(q - t));
	type[q - t] = '\0';
	const char *ws = " \t\r\n";
	size_t lead = strspn(start, ws), len = (size_t)(end - start);
	if (strcmp(type, "string") == 0 || strcmp(type, "normalizedString") == 0 || lead == len)
		return 0;
	size_t trail = 0;
	while (strchr(ws, start[len - 1 - trail]) != NULL)
		trail++;
	if (lead == 0 && trail == 0)
		return 0;
	xmlSchemaTypePtr builtin =
		xmlSchemaGetPredefinedType(BAD_CAST type, BAD_CAST "http://www.w3.org/2001/XMLSchema");
	char *trimmed = pc_asprintf("%.*s", (int)(len - lead - trail), start + lead);
	int ok = builtin != NULL && xmlSchemaValidatePredefinedType(builtin, BAD_CAST trimmed, NULL) == 0;
	free(trimmed);
	return ok;
}

static void
on_schema_error(void *ctx, xmlErrorPtr err)
{
	struct error_sink *sink = ctx;
	if (err != NULL && err->level >= XML_ERR_ERROR && err->domain == XML_FROM_SCHEMASV) {
		sink->errors++;
		if (whitespace_slip(err->message)) {
			sink->forgiven++;
			return;
		}
	}
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

/* Remove xs:unique, xs:key and xs:keyref from the schema document. The
 * builder registers every id and resolves every reference itself, naming
 * the referring element and the first use of a duplicate; libxml2's
 * identity-constraint tables would check the same again at a cost of
 * 1.7x the source in memory and a tenth of the validation time. The file
 * keeps them, so editors' tools (xmllint --schema) check ids too. */
static void
drop_identity_constraints(xmlNodePtr node)
{
	xmlNodePtr next;
	for (xmlNodePtr c = node->children; c != NULL; c = next) {
		next = c->next;
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (c->ns != NULL && xmlStrEqual(c->ns->href, BAD_CAST "http://www.w3.org/2001/XMLSchema") &&
		    (xmlStrEqual(c->name, BAD_CAST "unique") || xmlStrEqual(c->name, BAD_CAST "key") ||
		     xmlStrEqual(c->name, BAD_CAST "keyref"))) {
			xmlUnlinkNode(c);
			xmlFreeNode(c);
			continue;
		}
		drop_identity_constraints(c);
	}
}

static xmlSchemaPtr
get_schema(pc_diag *d)
{
	if (schema != NULL)
		return schema;
	xmlDocPtr doc = xmlReadMemory(pc_schema_xsd, (int)pc_schema_xsd_len, "profile.xsd", NULL, XML_PARSE_NONET);
	if (doc == NULL)
		return NULL;
	drop_identity_constraints(xmlDocGetRootElement(doc));
	xmlSchemaParserCtxtPtr pctx = xmlSchemaNewDocParserCtxt(doc);
	if (pctx != NULL) {
		xmlSchemaSetParserStructuredErrors(pctx, on_schema_parse_error, d);
		schema = xmlSchemaParse(pctx);
		xmlSchemaFreeParserCtxt(pctx);
	}
	/* The compiled schema keeps pointers into its document. */
	if (schema != NULL)
		schema_doc = doc;
	else
		xmlFreeDoc(doc);
	return schema;
}

/* The sink lives as long as the validation context, which outlives the
 * call that plugs it into the reader. */
struct pc_validation {
	xmlSchemaValidCtxtPtr vctx;
	struct error_sink sink;
};

pc_validation *
pc_validation_start(xmlTextReaderPtr reader, const pc_input *src, pc_diag *d)
{
	xmlSchemaPtr s = get_schema(d);
	if (s == NULL) {
		pc_diag_report(d, PC_SEV_ERROR, NULL, 0, 0, "internal", "the embedded schema does not compile");
		return NULL;
	}
	pc_validation *v = pc_calloc(1, sizeof *v);
	v->sink = (struct error_sink){src, d, 0, 0};
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

int
pc_validation_forgave_all(const pc_validation *v)
{
	return v->sink.errors > 0 && v->sink.forgiven == v->sink.errors;
}

void
pc_validation_end(pc_validation *v)
{
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
	xmlFreeDoc(schema_doc);
	schema_doc = NULL;
	xmlCleanupParser();
	pc_fold_cleanup();
}
