/* The EPUB handout's research chapter: publications newest first, then their authors. */
#include <stdlib.h>
#include <string.h>

#include "../compiler/alloc.h"
#include "epub_write.h"

static void
write_publication(pc_epub_ctx *c, pc_epub_doc *doc, uint32_t i)
{
	const pc_graph *g = c->g;
	const pc_publication *p = &g->publications[i];
	pc_buf *b = &doc->xhtml;
	const char *me = doc->file;

	pc_buf_puts(b, "<li class=\"publication\" id=\"");
	pc_epub_text(b, p->n.id);
	pc_buf_puts(b, "\">\n<p>");
	size_t n_auth = PC_EDGE_COUNT(&c->auth_by_pub, i);
	const uint32_t *auth = c->auth_by_pub.items + c->auth_by_pub.start[i];
	pc_epub_contributors(b, c, me, auth, n_auth);
	pc_buf_puts(b, "<cite"); /* isolated, as a <bdi> */
	pc_epub_dir(b, p->title);
	pc_buf_puts(b, ">");
	pc_epub_text(b, p->title);
	if (p->subtitle) {
		pc_buf_puts(b, ": ");
		pc_epub_text(b, p->subtitle);
	}
	pc_buf_puts(b, "</cite>");
	if (p->year != PC_NONE)
		pc_buf_printf(b, " (%d)", p->year);
	pc_buf_puts(b, ".");
	if (p->kind) {
		pc_buf_putc(b, ' ');
		pc_epub_words(b, p->kind, 1);
		pc_buf_putc(b, '.');
	}
	if (p->publisher >= 0 && (size_t)p->publisher < g->n_actors) {
		pc_buf_puts(b, " Published by ");
		pc_epub_link_actor(b, c, me, (uint32_t)p->publisher);
		pc_buf_putc(b, '.');
	}
	pc_buf_puts(b, "</p>\n");
	if (p->description) {
		pc_buf_puts(b, "<p class=\"desc\"");
		pc_epub_dir(b, p->description);
		pc_buf_puts(b, ">");
		pc_epub_text(b, p->description);
		pc_buf_puts(b, "</p>\n");
	}
	pc_epub_publication_links(b, p);
	if (p->edition_of >= 0 && (size_t)p->edition_of < g->n_publications) {
		pc_buf_puts(b, "<p class=\"links\">A new edition of ");
		pc_epub_link_label(b, c, me, (pc_ref){PC_PUBLICATION, (uint32_t)p->edition_of});
		pc_buf_puts(b, ".</p>\n");
	}
	if (PC_EDGE_COUNT(&c->pub_by_edition_of, i) > 0) {
		pc_buf_puts(b, "<p class=\"links\">Later edition: ");
		PC_EDGE_EACH(&c->pub_by_edition_of, i, k)
		{
			pc_buf_puts(b, k > c->pub_by_edition_of.start[i] ? "; " : "");
			pc_epub_link_label(b, c, me, (pc_ref){PC_PUBLICATION, c->pub_by_edition_of.items[k]});
		}
		pc_buf_puts(b, ".</p>\n");
	}
	if (PC_EDGE_COUNT(&c->cit_by_publication, i) > 0) {
		pc_buf_puts(b, "<p class=\"links\">Cited by the events: ");
		PC_EDGE_EACH(&c->cit_by_publication, i, k)
		{
			pc_buf_puts(b, k > c->cit_by_publication.start[i] ? "; " : "");
			pc_epub_link_label(
				b, c, me, (pc_ref){PC_EVENT, g->event_citations[c->cit_by_publication.items[k]].event});
		}
		pc_buf_puts(b, ".</p>\n");
	}
	/* The duplicates normalization merged into this entry, noted once;
	 * their ids stay anchors, so a link to one still lands here. */
	if (p->n_merged > 0) {
		pc_buf_puts(b, "<p class=\"note\">The profile lists this publication ");
		pc_buf_puts(b, p->n_merged == 1 ? "twice" : "more than once");
		pc_buf_puts(b, "; it is shown once here (merged: ");
		for (size_t k = 0; k < p->n_merged; k++) {
			if (k > 0)
				pc_buf_puts(b, ", ");
			pc_buf_puts(b, "<span id=\"");
			pc_epub_text(b, p->merged_ids[k]);
			pc_buf_puts(b, "\">");
			pc_epub_text(b, p->merged_ids[k]);
			if (p->merged_lines && p->merged_lines[k])
				pc_buf_printf(b, ", line %u", p->merged_lines[k]);
			pc_buf_puts(b, "</span>");
		}
		pc_buf_puts(b, ").</p>\n");
	}
	pc_buf_puts(b, "</li>\n");
}

void
pc_epub_write_bibliography(pc_epub_ctx *c, pc_epub_doc *doc)
{
	const pc_graph *g = c->g;
	pc_buf *b = &doc->xhtml;
	pc_epub_doc_begin(doc, g, "bibliography");
	if (g->n_publications == 0) {
		pc_buf_puts(b, "<p>The profile lists no publications.</p>\n");
		pc_epub_doc_end(doc);
		return;
	}
	pc_buf_puts(b, "<p>The research the profile cites, newest first. Authors are named as one person however "
		       "the citations spell them; <a href=\"#s_authors\">the authors</a> follow.</p>\n");
	pc_epub_order *o = pc_malloc(g->n_publications * sizeof *o);
	for (size_t i = 0; i < g->n_publications; i++)
		o[i] = (pc_epub_order){g->publications[i].year, NULL, (uint32_t)i};
	qsort(o, g->n_publications, sizeof *o, pc_epub_by_year_down);
	for (size_t i = 0; i < g->n_publications;) {
		int year = o[i].year;
		char anchor[32], label[16];
		if (year == PC_NONE) {
			snprintf(anchor, sizeof anchor, "y_undated");
			snprintf(label, sizeof label, "Undated");
		} else {
			snprintf(anchor, sizeof anchor, "y_%d", year);
			snprintf(label, sizeof label, "%d", year);
		}
		pc_buf_printf(b, "<section id=\"%s\">\n<h2>%s</h2>\n<ul class=\"bib\">\n", anchor, label);
		for (; i < g->n_publications && o[i].year == year; i++)
			write_publication(c, doc, o[i].index);
		pc_buf_puts(b, "</ul>\n</section>\n");
	}
	free(o);

	pc_epub_add_section(doc, "s_authors", "Authors");
	pc_buf_puts(b, "<section id=\"s_authors\">\n<h2>Authors</h2>\n");
	if (g->n_persons == 0)
		pc_buf_puts(b, "<p>The profile names no author who is a person.</p>\n");
	else
		pc_buf_puts(b, "<ul class=\"authors\">\n");
	for (size_t i = 0; i < g->n_persons; i++) {
		pc_buf_puts(b, "<li id=\"");
		pc_epub_text(b, g->persons[i].n.id);
		pc_buf_puts(b, "\">");
		pc_epub_bdi(b, g->persons[i].display);
		pc_epub_person_links(b, &g->persons[i]);
		const char *sep = ": ";
		PC_EDGE_EACH(&c->auth_by_person, i, k)
		{
			uint32_t p = g->authorships[c->auth_by_person.items[k]].publication;
			if (p >= g->n_publications)
				continue;
			pc_buf_puts(b, sep);
			sep = "; ";
			pc_epub_link_label(b, c, doc->file, (pc_ref){PC_PUBLICATION, p});
			pc_contributor_role role = g->authorships[c->auth_by_person.items[k]].role;
			if (role != PC_CONTRIB_AUTHOR)
				pc_buf_printf(b, " (%s)", pc_contributor_role_name[role]);
			if (g->publications[p].year != PC_NONE)
				pc_buf_printf(b, " (%d)", g->publications[p].year);
		}
		pc_buf_puts(b, "</li>\n");
	}
	if (g->n_persons > 0)
		pc_buf_puts(b, "</ul>\n");
	pc_buf_puts(b, "</section>\n");
	pc_epub_doc_end(doc);
}
