/* The table of exporters the CLI walks, in the order --formats lists them. */
#include "export.h"

const pc_exporter pc_exporters[] = {
	{"xlsx", pc_export_xlsx, "the analyst's workbook, <cc>/<cc>.xlsx"},
	{"epub", pc_export_epub, "the EPUB 3 handout, <cc>/<cc>.epub"},
	{"csv", pc_export_csv, "CSV tables and datapackage.json, <cc>/csv/"},
	{"jsonld", pc_export_jsonld, "the graph as JSON-LD, <cc>/<cc>.jsonld"},
};
const size_t pc_n_exporters = sizeof pc_exporters / sizeof pc_exporters[0];
