/* PLACEHOLDER: the catalog exporter is being written; replace this file whole. */
#include "export.h"

int
pc_export_catalog(const pc_graph *const *graphs, size_t n, const char *root, const pc_export_opts *o, pc_diag *d)
{
	(void)graphs;
	(void)n;
	(void)o;
	pc_diag_report(d, PC_SEV_ERROR, root, 0, 0, "not-implemented", "the catalog is not written yet");
	return PC_EXIT_OUTPUT;
}
