/* Parse, validate and build in one streaming pass over the source. */
#include <stdio.h>
#include <string.h>

#include <libxml/xmlreader.h>

#include "compiler.h"

/* Sections small enough to take whole, and sections read one entity at a
 * time: memory stays bounded by the largest entity, not the file. */
static int
taken_whole(const char *name)
{
	return strcmp(name, "title") == 0 || strcmp(name, "country") == 0 || strcmp(name, "indicators") == 0;
}

static int
streamed(const char *name)
{
	return strcmp(name, "events") == 0 || strcmp(name, "actors") == 0 || strcmp(name, "people") == 0 ||
	       strcmp(name, "research") == 0 || strcmp(name, "law") == 0;
}

struct sink {
	const pc_input *src;
	pc_diag *d;
	size_t errors;
};

static void
on_error(void *ctx, xmlErrorPtr err)
{
	struct sink *s = ctx;
	if (err != NULL && err->level >= XML_ERR_ERROR)
		s->errors++;
	pc_report_xml_error(s->src, s->d, err);
}

pc_graph *
pc_parse(pc_input *src, pc_diag *d)
{
	/* NONET and no NOENT/DTDLOAD/HUGE: nothing is fetched, nothing expanded,
	 * libxml2's own size limits stay in force. */
	int options = XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_COMPACT;
	/* UTF-8 whatever the bytes declare: the prescan checked these bytes,
	 * and refused any other declared encoding (load.c). */
	options |= XML_PARSE_IGNORE_ENC;
	xmlTextReaderPtr r = xmlReaderForMemory(src->data, (int)src->len, src->path, "UTF-8", options);
	if (r == NULL) {
		pc_diag_report(d, PC_SEV_ERROR, src->path, 0, 0, "internal", "cannot create an XML reader");
		return NULL;
	}
	struct sink sink = {src, d, 0};
	/* Parse errors through the (thread-local) structured handler: the
	 * reader's own handler does not survive the schema's SAX plug. Schema
	 * errors go through the validation context's handler. */
	xmlSetStructuredErrorFunc(&sink, on_error);
	pc_validation *validation = pc_validation_start(r, src, d);
	if (validation == NULL) {
		xmlSetStructuredErrorFunc(NULL, NULL);
		xmlFreeTextReader(r);
		return NULL;
	}
	pc_builder *b = pc_builder_new(src, d);
	size_t errors_before = d->n_errors;
	char section[32] = "";
	int ret = xmlTextReaderRead(r);
	while (ret == 1) {
		if (xmlTextReaderNodeType(r) != XML_READER_TYPE_ELEMENT) {
			ret = xmlTextReaderRead(r);
			continue;
		}
		int depth = xmlTextReaderDepth(r);
		const char *name = (const char *)xmlTextReaderConstLocalName(r);
		if (depth == 0) {
			pc_builder_root(b, xmlTextReaderCurrentNode(r));
		} else if ((depth == 1 && taken_whole(name)) || (depth == 2 && streamed(section))) {
			xmlNodePtr node = xmlTextReaderExpand(r);
			if (node == NULL) {
				ret = -1;
				break;
			}
			pc_builder_add(b, depth == 1 ? name : section, node);
			/* What the reader has consumed is built: the builder's
			 * columns for it are read, its pages can go. */
			long consumed = xmlTextReaderByteConsumed(r);
			if (consumed > 0)
				pc_input_release(src, (size_t)consumed);
			ret = xmlTextReaderNext(r);
			continue;
		} else if (depth == 1) {
			snprintf(section, sizeof section, "%s", name);
		}
		ret = xmlTextReaderRead(r);
	}
	int reported = d->n_errors > errors_before || sink.errors > 0;
	int valid = ret == 0 && !reported && (xmlTextReaderIsValid(r) == 1 || pc_validation_forgave_all(validation));
	if (!valid && !reported)
		pc_diag_report(d, PC_SEV_ERROR, src->path, 0, 0, ret < 0 ? "malformed" : "schema",
			       ret < 0 ? "not well-formed XML" : "the source does not match the schema");
	xmlFreeTextReader(r);
	pc_validation_end(validation);
	xmlSetStructuredErrorFunc(NULL, NULL);
	return pc_builder_finish(b, valid);
}
