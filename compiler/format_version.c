/* Format-version gating: a construct of format 1.1 in a source that says
 * version="1.0" is an error at its line (rule format-version). The
 * constructs the graph keeps are found here; the builder (build.c,
 * build_law.c) reports, with the same words, those it does not keep (themes,
 * an <involves> without a role, name-order, an author's ref to a declared
 * person, <part>). */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "compiler.h"

int
pc_is_format_1_0(const pc_graph *g)
{
	return g->version != NULL && strcmp(g->version, "1.0") == 0;
}

void
pc_format_1_1(const pc_graph *g, pc_diag *d, unsigned line, unsigned col, const char *what, ...)
{
	if (!pc_is_format_1_0(g))
		return;
	va_list ap;
	va_start(ap, what);
	char *construct = pc_vasprintf(what, ap);
	va_end(ap);
	pc_diag_report(d, PC_SEV_ERROR, g->source_path, line, col, "format-version",
		       "%s is format 1.1, but the profile says version=\"1.0\": write version=\"1.1\" on <profile>",
		       construct);
	free(construct);
}

void
pc_check_version(const pc_graph *g, pc_diag *d)
{
	if (!pc_is_format_1_0(g))
		return;
	if (g->title_written == NULL && g->n_countries > 0)
		pc_format_1_1(g, d, g->countries[0].n.line, g->countries[0].n.col,
			      "a profile without <title> (before <country>)");
	for (size_t i = 0; i < g->n_events; i++)
		if (g->events[i].planned != 0)
			pc_format_1_1(g, d, g->events[i].n.line, g->events[i].n.col, "the planned attribute");
	for (size_t i = 0; i < g->n_actors; i++) {
		const pc_actor *a = &g->actors[i];
		if (a->kind == NULL)
			pc_format_1_1(g, d, a->n.line, a->n.col, "<actor> without a kind");
		else if (pc_actor_kind_is_1_1(a->kind))
			pc_format_1_1(g, d, a->n.line, a->n.col, "<actor> kind=\"%.40s\"", a->kind);
	}
	for (size_t i = 0; i < g->n_persons; i++)
		if (g->persons[i].declared)
			pc_format_1_1(g, d, g->persons[i].n.line, g->persons[i].n.col,
				      "a declared <person> (in <people>)");
	for (size_t i = 0; i < g->n_text_langs; i++)
		pc_format_1_1(g, d, g->text_langs[i].line, g->text_langs[i].col, "xml:lang on <%s>",
			      g->text_langs[i].element);
	for (size_t i = 0; i < g->n_thresholds; i++) {
		const pc_threshold *t = &g->thresholds[i];
		if (t->condition != NULL)
			pc_format_1_1(g, d, t->n.line, t->n.col, "a threshold's <condition>");
		if (t->kind == PC_THR_DIGITAL_CONSENT)
			pc_format_1_1(g, d, t->n.line, t->n.col, "kind=\"digital-age-of-consent\"");
	}
}
