/* PLACEHOLDER: the epub exporter is being written; replace this file whole. */
#include "export.h"

int
pc_export_epub(const pc_graph *g, const pc_export_opts *o, pc_diag *d)
{
	(void)g;
	pc_diag_report(d, PC_SEV_ERROR, o->dir, 0, 0, "not-implemented", "the epub exporter is not written yet");
	return PC_EXIT_OUTPUT;
}
