/* The EPUB handout's timeline chapter: the figure, then every event by year. */
#include <stdlib.h>
#include <string.h>

#include "../compiler/alloc.h"
#include "epub_write.h"

static void
write_event(pc_epub_ctx *c, pc_epub_doc *doc, uint32_t i)
{
	const pc_graph *g = c->g;
	const pc_event *e = &g->events[i];
	pc_buf *b = &doc->xhtml;
	const char *me = doc->file;

	pc_buf_puts(b, "<li class=\"event\" id=\"");
	pc_epub_text(b, e->n.id);
	pc_buf_puts(b, "\">\n<p class=\"when\">");
	if (e->end_year != PC_NONE && e->end_year != e->year)
		pc_buf_printf(b, "%d\xe2\x80\x93%d", e->year, e->end_year);
	else
		pc_buf_printf(b, "%d", e->year);
	if (e->theme < g->n_themes) {
		/* The stylesheet colours the two themes of format 1.0 where they
		 * stand by default; any other theme has its figure colour inline. */
		const pc_theme *t = &g->themes[e->theme];
		pc_buf_puts(b, " \xc2\xb7 <span class=\"theme-");
		pc_epub_text(b, t->n.id);
		if (e->theme >= PC_THEME_DEFAULT_COUNT || strcmp(t->n.id, pc_theme_default_id[e->theme]) != 0)
			pc_buf_printf(b, "\" style=\"color: %s", pc_epub_theme_colour(e->theme));
		pc_buf_puts(b, "\">");
		pc_epub_bdi(b, t->label);
	} else {
		pc_buf_puts(b, "<span>");
	}
	pc_buf_puts(b, "</span></p>\n<p");
	pc_epub_dir(b, e->text);
	pc_buf_puts(b, ">");
	pc_epub_text(b, e->text);
	pc_buf_puts(b, "</p>\n");
	if (PC_EDGE_COUNT(&c->ea_by_event, i) > 0) {
		pc_buf_puts(b, "<p class=\"links\">Organizations: ");
		int first = 1;
		PC_EDGE_EACH(&c->ea_by_event, i, k)
		{
			const pc_event_actor *ea = &g->event_actors[c->ea_by_event.items[k]];
			if (ea->actor >= g->n_actors)
				continue;
			if (!first)
				pc_buf_puts(b, "; ");
			first = 0;
			pc_epub_link_actor(b, c, me, ea->actor);
			pc_buf_printf(b, " (%s)", ea->role < PC_ROLE_COUNT ? pc_role_name[ea->role] : "involved");
		}
		pc_buf_puts(b, "</p>\n");
	}
	if (PC_EDGE_COUNT(&c->cit_by_event, i) > 0) {
		pc_buf_puts(b, "<p class=\"links\">Cites: ");
		int first = 1;
		PC_EDGE_EACH(&c->cit_by_event, i, k)
		{
			const pc_event_citation *ec = &g->event_citations[c->cit_by_event.items[k]];
			if (pc_graph_node(g, ec->target) == NULL)
				continue;
			if (!first)
				pc_buf_puts(b, "; ");
			first = 0;
			pc_epub_link_label(b, c, me, ec->target);
		}
		pc_buf_puts(b, "</p>\n");
	}
	pc_buf_puts(b, "</li>\n");
}

void
pc_epub_write_timeline(pc_epub_ctx *c, pc_epub_doc *doc)
{
	const pc_graph *g = c->g;
	pc_buf *b = &doc->xhtml;
	pc_epub_doc_begin(doc, g, "chapter");
	if (g->n_events == 0) {
		pc_buf_puts(b, "<p>The profile lists no events.</p>\n");
		pc_epub_doc_end(doc);
		return;
	}
	pc_buf_puts(b, "<p>Every event of the profile by year, with its theme and the organizations involved.</p>\n"
		       "<figure id=\"f_timeline\">\n");
	pc_epub_timeline_svg(g, b);
	pc_buf_puts(b, "<figcaption>The events by year: circles for education and ICT, squares for child "
		       "protection and law enforcement.</figcaption>\n</figure>\n");

	pc_epub_order *o = pc_malloc(g->n_events * sizeof *o);
	for (size_t i = 0; i < g->n_events; i++)
		o[i] = (pc_epub_order){g->events[i].year, NULL, (uint32_t)i};
	qsort(o, g->n_events, sizeof *o, pc_epub_by_year_up);
	for (size_t i = 0; i < g->n_events;) {
		int year = o[i].year;
		char anchor[32], label[16];
		snprintf(anchor, sizeof anchor, "y_%d", year);
		snprintf(label, sizeof label, "%d", year);
		pc_buf_printf(b, "<section id=\"%s\">\n<h2>%s</h2>\n<ul class=\"events\">\n", anchor, label);
		for (; i < g->n_events && o[i].year == year; i++)
			write_event(c, doc, o[i].index);
		pc_buf_puts(b, "</ul>\n</section>\n");
	}
	free(o);
	pc_epub_doc_end(doc);
}
