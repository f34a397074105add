/* The EPUB handout's front and back matter: title page, overview, about this edition. */
#include <stdlib.h>
#include <string.h>

#include "../compiler/alloc.h"
#include "epub_write.h"

/* ---- Title page --------------------------------------------------------- */

void
pc_epub_write_title(pc_epub_ctx *c, pc_epub_doc *doc)
{
	const pc_graph *g = c->g;
	pc_buf *b = &doc->xhtml;
	pc_epub_xhtml_begin(b, g, doc->title);
	pc_buf_puts(b, "<section class=\"titlepage\" epub:type=\"titlepage\">\n<h1");
	pc_epub_dir(b, g->title);
	pc_buf_puts(b, ">");
	pc_epub_text(b, g->title ? g->title : "Country profile");
	pc_buf_puts(b, "</h1>\n");
	if (g->n_countries > 0) {
		const pc_country *k = &g->countries[0];
		pc_buf_puts(b, "<p class=\"country\" id=\"");
		pc_epub_text(b, k->n.id);
		pc_buf_puts(b, "\">");
		pc_epub_bdi(b, k->name);
		pc_buf_puts(b, " (");
		pc_epub_text(b, k->code);
		pc_buf_puts(b, ")</p>\n");
	}
	pc_buf_puts(b, "<p class=\"subtitle\">A handout on child online safety</p>\n");
	if (g->modified) {
		pc_buf_puts(b, "<p>Edition of ");
		pc_epub_text(b, g->modified);
		pc_buf_puts(b, "</p>\n");
	}
	pc_buf_puts(b, "<p>Compiled from the country profile by profilec. <a href=\"about.xhtml\">About this "
		       "edition</a>.</p>\n</section>\n");
	pc_epub_xhtml_end(b);
}

/* ---- Overview ----------------------------------------------------------- */

/* "This handout gives X's profile: a timeline of N events, ...". */
static void
overview_intro(const pc_graph *g, pc_buf *b)
{
	pc_buf_puts(b, "<p>This handout gives ");
	if (g->n_countries > 0)
		pc_epub_text(b, g->countries[0].name);
	else
		pc_buf_puts(b, "the country");
	pc_buf_printf(b,
		      "\xe2\x80\x99s profile: a <a href=\"timeline.xhtml\">timeline</a> of %zu event%s, a "
		      "<a href=\"organizations.xhtml\">directory</a> of %zu organization%s, the "
		      "<a href=\"bibliography.xhtml\">research</a> (%zu publication%s) and the "
		      "<a href=\"laws.xhtml\">laws</a> (%zu instrument%s, %zu article%s, %zu penalt%s).</p>\n",
		      g->n_events, g->n_events == 1 ? "" : "s", g->n_actors, g->n_actors == 1 ? "" : "s",
		      g->n_publications, g->n_publications == 1 ? "" : "s", g->n_instruments,
		      g->n_instruments == 1 ? "" : "s", g->n_articles, g->n_articles == 1 ? "" : "s", g->n_penalties,
		      g->n_penalties == 1 ? "y" : "ies");
}

static void
indicator_row(pc_epub_ctx *c, pc_buf *b, const char *me, const pc_indicator *in)
{
	const pc_graph *g = c->g;
	pc_buf_puts(b, "<tr id=\"");
	pc_epub_text(b, in->n.id);
	pc_buf_puts(b, "\"><th scope=\"row\" dir=\"auto\">");
	pc_epub_text(b, in->label);
	pc_buf_puts(b, "</th><td>");
	if (in->has_value) {
		pc_epub_text(b, in->value_text ? in->value_text : in->value);
		if (in->unit) {
			pc_buf_putc(b, ' ');
			pc_epub_text(b, in->unit);
		}
	} else {
		pc_buf_puts(b, "<span class=\"missing\">not given in the profile</span>");
	}
	pc_buf_puts(b, "</td><td>");
	if (in->year != PC_NONE)
		pc_buf_printf(b, "%d", in->year);
	pc_buf_puts(b, "</td><td>");
	for (size_t k = 0; k < in->n_providers; k++) {
		if (in->providers[k] >= g->n_providers)
			continue;
		if (k > 0)
			pc_buf_puts(b, "; ");
		pc_epub_link_label(b, c, me, (pc_ref){PC_PROVIDER, in->providers[k]});
	}
	pc_buf_puts(b, "</td></tr>\n");
}

/* The indicators' table, its note and the sources of its statistics. */
static void
overview_indicators(pc_epub_ctx *c, pc_epub_doc *doc)
{
	const pc_graph *g = c->g;
	pc_buf *b = &doc->xhtml;
	pc_buf_puts(b, "<section id=\"s_indicators\">\n<h2>Indicators</h2>\n");
	pc_epub_add_section(doc, "s_indicators", "Indicators");
	if (g->n_indicators == 0) {
		pc_buf_puts(b, "<p>The profile gives no indicators.</p>\n");
	} else {
		pc_buf_puts(b, "<table>\n<caption>Headline indicators</caption>\n<thead><tr>"
			       "<th scope=\"col\">Indicator</th><th scope=\"col\">Value</th><th scope=\"col\">Year</th>"
			       "<th scope=\"col\">Sources</th></tr></thead>\n<tbody>\n");
		for (size_t i = 0; i < g->n_indicators; i++)
			indicator_row(c, b, doc->file, &g->indicators[i]);
		pc_buf_puts(b, "</tbody>\n</table>\n");
	}
	if (g->indicator_note) {
		pc_buf_puts(b, "<p class=\"note\" dir=\"auto\">");
		pc_epub_text(b, g->indicator_note);
		pc_buf_puts(b, "</p>\n");
	}
	if (g->n_providers > 0) {
		pc_buf_puts(b, "<h3>Sources of statistics</h3>\n<ul>\n");
		for (size_t i = 0; i < g->n_providers; i++) {
			pc_buf_puts(b, "<li id=\"");
			pc_epub_text(b, g->providers[i].n.id);
			pc_buf_puts(b, "\" dir=\"auto\">");
			pc_epub_text(b, g->providers[i].name);
			pc_buf_puts(b, "</li>\n");
		}
		pc_buf_puts(b, "</ul>\n");
	}
	pc_buf_puts(b, "</section>\n");
}

/* One item per gap the checks noted (pc_quality_is_gap), in a sentence
 * chosen by the note's rule: an indicator without a value, an organization
 * without a name or without a kind, a publication without an author; a
 * rule this list has no sentence for, the note's own words. Returns how
 * many. */
static size_t
lacks_items(pc_epub_ctx *c, pc_buf *b, const char *me)
{
	const pc_graph *g = c->g;
	size_t n_items = 0;
	for (size_t i = 0; i < g->n_quality; i++) {
		const pc_quality_note *q = &g->quality[i];
		if (!pc_quality_is_gap(q) || pc_graph_node(g, q->subject) == NULL)
			continue;
		n_items++;
		if (strcmp(q->rule, "missing-value") == 0) {
			pc_buf_puts(b, "<li>The indicator ");
			pc_epub_link_label(b, c, me, q->subject);
			pc_buf_puts(b, " has no value.</li>\n");
		} else if (strcmp(q->rule, "unnamed-actor") == 0) {
			pc_buf_puts(b, "<li>The organization ");
			pc_epub_link_actor(b, c, me, q->subject.index);
			pc_buf_puts(b, " has no name");
			if (g->actors[q->subject.index].description) {
				pc_buf_puts(b, ": ");
				pc_epub_excerpt(b, g->actors[q->subject.index].description, 120);
			}
			pc_buf_puts(b, "</li>\n");
		} else if (strcmp(q->rule, "missing-kind") == 0) {
			pc_buf_puts(b, "<li>The organization ");
			pc_epub_link_actor(b, c, me, q->subject.index);
			pc_buf_puts(b, " does not state its kind.</li>\n");
		} else if (strcmp(q->rule, "missing-author") == 0) {
			pc_buf_puts(b, "<li>The publication ");
			pc_epub_link_label(b, c, me, q->subject);
			pc_buf_puts(b, " names no author.</li>\n");
		} else {
			pc_buf_puts(b, "<li>");
			pc_epub_text(b, q->message);
			pc_buf_puts(b, "</li>\n");
		}
	}
	return n_items;
}

/* What the profile lacks: the checks' notes, so the book and the
 * data-quality table agree. */
static void
overview_lacks(pc_epub_ctx *c, pc_epub_doc *doc)
{
	pc_buf *b = &doc->xhtml;
	pc_buf_puts(b, "<section id=\"s_lacks\">\n<h2>What the profile lacks</h2>\n");
	pc_epub_add_section(doc, "s_lacks", "What the profile lacks");
	size_t before = b->len;
	pc_buf_puts(b, "<ul>\n");
	if (lacks_items(c, b, doc->file) == 0) {
		b->len = before;
		b->data[b->len] = '\0';
		pc_buf_puts(b, "<p>Nothing: every indicator has a value, every organization a name and a kind, "
			       "and every publication an author.</p>\n");
	} else {
		pc_buf_puts(b, "</ul>\n<p>The <a href=\"about.xhtml#s_quality\">data-quality notes</a> list every "
			       "finding of the checks.</p>\n");
	}
	pc_buf_puts(b, "</section>\n");
}

void
pc_epub_write_overview(pc_epub_ctx *c, pc_epub_doc *doc)
{
	pc_epub_doc_begin(doc, c->g, "chapter");
	overview_intro(c->g, &doc->xhtml);
	overview_indicators(c, doc);
	overview_lacks(c, doc);
	pc_epub_doc_end(doc);
}

/* ---- About this edition ------------------------------------------------- */

void
pc_epub_write_about(pc_epub_ctx *c, pc_epub_doc *doc)
{
	const pc_graph *g = c->g;
	pc_buf *b = &doc->xhtml;
	const char *me = doc->file;
	pc_epub_doc_begin(doc, g, "appendix");

	/* The source's base name only: the path it was built from is the
	 * builder's business and would make two checkouts differ. */
	const char *src = g->source_path ? g->source_path : "";
	const char *slash = strrchr(src, '/');
	pc_buf_puts(b, "<p>This edition was compiled by profilec from the source <code>");
	pc_epub_text(b, slash ? slash + 1 : src);
	pc_buf_puts(b, "</code>");
	if (g->modified) {
		pc_buf_puts(b, ", edition of ");
		pc_epub_text(b, g->modified);
	}
	pc_buf_printf(b,
		      ", on %s. The same source always gives the same book.</p>\n<p>SHA-256 of the source: "
		      "<code class=\"digest\">%s</code></p>\n",
		      g->build_date, g->source_sha256);

	pc_epub_add_section(doc, "s_counts", "The profile in numbers");
	pc_buf_puts(b, "<section id=\"s_counts\">\n<h2>The profile in numbers</h2>\n<table>\n"
		       "<caption>Entries of each kind</caption>\n<thead><tr><th scope=\"col\">Kind</th>"
		       "<th scope=\"col\">Count</th></tr></thead>\n<tbody>\n");
	for (int k = 0; k < PC_KIND_COUNT; k++)
		pc_buf_printf(b, "<tr><th scope=\"row\">%s</th><td>%zu</td></tr>\n", pc_kind_plural[k],
			      pc_graph_count(g, (pc_kind)k));
	pc_buf_puts(b, "</tbody>\n</table>\n</section>\n");

	pc_epub_add_section(doc, "s_quality", "Data-quality notes");
	pc_buf_puts(b, "<section id=\"s_quality\">\n<h2>Data-quality notes</h2>\n");
	if (g->n_quality == 0) {
		pc_buf_puts(b, "<p>The checks found nothing to note.</p>\n");
	} else {
		pc_buf_printf(b,
			      "<p>What the checks noted about the source (%zu note%s): data the profile lacks, and "
			      "entries merged because the profile repeats them.</p>\n<table>\n"
			      "<caption>Data-quality notes</caption>\n<thead><tr><th scope=\"col\">Rule</th>"
			      "<th scope=\"col\">Concerns</th><th scope=\"col\">Note</th><th scope=\"col\">Source "
			      "line</th></tr></thead>\n<tbody>\n",
			      g->n_quality, g->n_quality == 1 ? "" : "s");
		for (size_t i = 0; i < g->n_quality; i++) {
			const pc_quality_note *q = &g->quality[i];
			pc_buf_puts(b, "<tr><th scope=\"row\">");
			pc_epub_text(b, q->rule);
			pc_buf_puts(b, "</th><td>");
			if (pc_graph_node(g, q->subject) != NULL)
				pc_epub_link_label(b, c, me, q->subject);
			pc_buf_puts(b, "</td><td>");
			pc_epub_text(b, q->message);
			pc_buf_puts(b, "</td><td>");
			if (q->line)
				pc_buf_printf(b, "%u", q->line);
			pc_buf_puts(b, "</td></tr>\n");
		}
		pc_buf_puts(b, "</tbody>\n</table>\n");
	}
	pc_buf_puts(b, "</section>\n");
	pc_epub_doc_end(doc);
}
