/* Diagnostics as SARIF 2.1.0, for GitHub code scanning and other viewers:
 * one run, the tool's rules from the catalogue, one result per diagnostic. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../exporters/buf.h"
#include "diag.h"
#include "rules.h"

static const char *const sarif_level[] = {"note", "warning", "error"};

/* The artifact's URI, relative to the working directory (SARIF's
 * %SRCROOT%, the checkout in CI) where it lies below it; characters a
 * URI reference cannot hold are percent-encoded. */
static int
artifact_uri(pc_buf *b, const char *path)
{
	char cwd[4096];
	int absolute = path[0] == '/';
	if (absolute && getcwd(cwd, sizeof cwd) != NULL) {
		size_t n = strlen(cwd);
		if (strncmp(path, cwd, n) == 0 && path[n] == '/') {
			path += n + 1;
			absolute = 0;
		}
	}
	while (!absolute && strncmp(path, "./", 2) == 0)
		path += 2;
	pc_buf_puts(b, absolute ? "file://" : "");
	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		    strchr("/-._~!$&'()*+,;=:@", *p) != NULL)
			pc_buf_putc(b, (char)*p);
		else
			pc_buf_printf(b, "%%%02X", *p);
	}
	return !absolute;
}

static void
text_object(pc_buf *b, const char *key, const char *text)
{
	pc_buf_printf(b, "\"%s\": {\"text\": ", key);
	pc_buf_json_str(b, text);
	pc_buf_puts(b, "}");
}

static void
rule_object(pc_buf *b, const pc_rule *r)
{
	pc_buf_puts(b, "{\"id\": ");
	pc_buf_json_str(b, r->id);
	pc_buf_puts(b, ", ");
	text_object(b, "shortDescription", r->summary);
	pc_buf_puts(b, ", ");
	text_object(b, "fullDescription", r->explain);
	/* help: the explanation with both examples, as `profilec rules ID` shows it. */
	char *help = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&help, &len);
	if (f != NULL) {
		pc_rule_print(f, r);
		fclose(f);
		pc_buf_puts(b, ", ");
		text_object(b, "help", help);
	}
	free(help);
	pc_buf_printf(b, ", \"defaultConfiguration\": {\"level\": \"%s\"}}", sarif_level[r->level]);
}

static void
result_object(pc_buf *b, const pc_diagnostic *it)
{
	long index = pc_rule_index(it->rule);
	pc_buf_puts(b, "{\"ruleId\": ");
	pc_buf_json_str(b, it->rule[0] ? it->rule : "internal");
	if (index >= 0)
		pc_buf_printf(b, ", \"ruleIndex\": %ld", index);
	pc_buf_printf(b, ", \"level\": \"%s\", ", sarif_level[it->severity]);
	text_object(b, "message", it->message);
	if (it->file != NULL) {
		pc_buf_puts(b, ", \"locations\": [{\"physicalLocation\": {\"artifactLocation\": {\"uri\": ");
		pc_buf uri;
		pc_buf_init(&uri);
		int relative = artifact_uri(&uri, it->file);
		pc_buf_putc(&uri, '\0');
		pc_buf_json_str(b, uri.data);
		pc_buf_free(&uri);
		if (relative)
			pc_buf_puts(b, ", \"uriBaseId\": \"%SRCROOT%\"");
		pc_buf_puts(b, "}");
		if (it->line > 0) {
			pc_buf_printf(b, ", \"region\": {\"startLine\": %u", it->line);
			if (it->col > 0)
				pc_buf_printf(b, ", \"startColumn\": %u", it->col);
			pc_buf_puts(b, "}");
		}
		pc_buf_puts(b, "}}]");
	}
	pc_buf_puts(b, "}");
}

void
pc_diag_print_sarif(const pc_diag *d, const char *version, FILE *f)
{
	pc_buf b;
	pc_buf_init(&b);
	pc_buf_puts(&b,
		    "{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n"
		    "  \"version\": \"2.1.0\",\n  \"runs\": [{\n    \"tool\": {\"driver\": {\"name\": \"profilec\", ");
	pc_buf_puts(&b, "\"version\": ");
	pc_buf_json_str(&b, version);
	pc_buf_puts(&b, ", \"informationUri\": \"https://profilec.example/\", \"rules\": [");
	for (size_t i = 0; i < pc_n_rules; i++) {
		pc_buf_puts(&b, i ? ",\n      " : "\n      ");
		rule_object(&b, &pc_rules[i]);
	}
	pc_buf_puts(&b, "]}},\n    \"results\": [");
	for (size_t i = 0; i < d->n_items; i++) {
		pc_buf_puts(&b, i ? ",\n      " : "\n      ");
		result_object(&b, &d->items[i]);
	}
	pc_buf_puts(&b, d->n_items ? "\n    ]\n  }]\n}\n" : "]\n  }]\n}\n");
	fwrite(b.data, 1, b.len, f);
	pc_buf_free(&b);
}
