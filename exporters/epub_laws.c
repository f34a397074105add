/* The EPUB handout's laws chapter: legal ages, then each instrument with its articles and penalties. */
#include <stdlib.h>
#include <string.h>

#include "../compiler/alloc.h"
#include "epub_write.h"

/* The notes of a penalty: what it replaces, comes with, or changes. */
static void
write_penalty_notes(pc_epub_ctx *c, pc_buf *b, const char *me, uint32_t pi)
{
	const pc_graph *g = c->g;
	const pc_penalty *p = &g->penalties[pi];
	const char *sep = "";
	if (p->alternative_to >= 0 && (size_t)p->alternative_to < g->n_penalties) {
		pc_buf_puts(b, "instead of ");
		pc_epub_link_penalty(b, c, me, (uint32_t)p->alternative_to);
		sep = "; ";
	}
	if (p->in_addition_to >= 0 && (size_t)p->in_addition_to < g->n_penalties) {
		pc_buf_puts(b, sep);
		pc_buf_puts(b, "in addition to ");
		pc_epub_link_penalty(b, c, me, (uint32_t)p->in_addition_to);
		sep = "; ";
	}
	PC_EDGE_EACH(&c->chg_by_penalty, pi, m)
	{
		const pc_penalty_change *ch = &g->penalty_changes[c->chg_by_penalty.items[m]];
		if (ch->of >= g->n_penalties)
			continue;
		pc_buf_puts(b, sep);
		sep = "; ";
		pc_buf_puts(b, "the bounds of ");
		pc_epub_link_penalty(b, c, me, ch->of);
		pc_buf_puts(b, " multiplied by ");
		pc_buf_puts(b, ch->factor);
	}
}

/* The penalties of one article, part or instrument (key in ix), as a
 * table captioned "Penalties under " + what. */
static void
write_penalties(pc_epub_ctx *c, pc_epub_doc *doc, const pc_edge_index *ix, uint32_t key, const char *what)
{
	const pc_graph *g = c->g;
	pc_buf *b = &doc->xhtml;
	const char *me = doc->file;
	pc_buf_puts(b, "<table>\n<caption>Penalties under ");
	pc_buf_puts(b, what);
	pc_buf_puts(b, "</caption>\n<thead><tr><th scope=\"col\">Penalty</th><th scope=\"col\">Term or amount</th>"
		       "<th scope=\"col\">Offence</th><th scope=\"col\">Condition</th><th scope=\"col\">Notes</th>"
		       "</tr></thead>\n<tbody>\n");
	PC_EDGE_EACH(ix, key, k)
	{
		uint32_t pi = ix->items[k];
		const pc_penalty *p = &g->penalties[pi];
		pc_buf_puts(b, "<tr id=\"");
		pc_epub_text(b, p->n.id);
		pc_buf_puts(b, "\"><th scope=\"row\">");
		pc_epub_words(b, p->kind < PC_PEN_COUNT ? pc_penalty_kind_label[p->kind] : "penalty", 1);
		pc_buf_puts(b, "</th><td>");
		/* "Increased by half": its bounds are another's, changed (notes). */
		if (!p->min && !p->max && p->kind != PC_PEN_LIFE && PC_EDGE_COUNT(&c->chg_by_penalty, pi) > 0)
			pc_buf_puts(b, "relative to another penalty");
		else
			pc_epub_penalty_bounds(b, p);
		pc_buf_puts(b, "</td><td dir=\"auto\">");
		pc_epub_text(b, p->offence);
		pc_buf_puts(b, "</td><td dir=\"auto\">");
		if (p->condition)
			pc_epub_text(b, p->condition);
		else
			pc_buf_puts(b, "the basic offence");
		pc_buf_puts(b, "</td><td>");
		write_penalty_notes(c, b, me, pi);
		pc_buf_puts(b, "</td></tr>\n");
	}
	pc_buf_puts(b, "</tbody>\n</table>\n");
}

/* An article or a part (format 1.1) of an instrument: its section, with a
 * heading that says what it is ("Article 211", "Title III") and its own
 * heading, the profile's text, and the penalties of ix under key. */
typedef struct {
	const pc_node *n;
	int article;         /* an article ("Article 211"), else a part ("Title III") */
	const char *label;   /* the number, the part's label */
	const char *heading; /* may be NULL */
	const char *text;    /* may be NULL */
	const char *what;    /* "article", "part": for the note that it states none */
	const pc_edge_index *ix;
	uint32_t key;
} law_unit;

static void
write_unit(pc_epub_ctx *c, pc_epub_doc *doc, const law_unit *u)
{
	pc_buf *b = &doc->xhtml;
	pc_buf_puts(b, "<section id=\"");
	pc_epub_text(b, u->n->id);
	pc_buf_puts(b, "\">\n<h3>");
	pc_buf what; /* the table's caption: "article 211", "<bdi>Title III</bdi>" */
	pc_buf_init(&what);
	pc_buf_puts(&what, u->article ? "article " : "<bdi>");
	pc_epub_text(&what, u->label);
	pc_buf_puts(&what, u->article ? "" : "</bdi>");
	if (u->article) {
		pc_buf_puts(b, "Article ");
		pc_epub_text(b, u->label);
	} else {
		pc_buf_puts(b, what.data);
	}
	if (u->heading) {
		pc_buf_puts(b, ": ");
		pc_epub_bdi(b, u->heading);
	}
	pc_buf_puts(b, "</h3>\n");
	if (u->text) {
		pc_buf_puts(b, "<p");
		pc_epub_dir(b, u->text);
		pc_buf_puts(b, ">");
		pc_epub_text(b, u->text);
		pc_buf_puts(b, "</p>\n");
	}
	if (PC_EDGE_COUNT(u->ix, u->key) == 0)
		pc_buf_printf(b, "<p class=\"note\">The profile states no penalty under this %s.</p>\n", u->what);
	else
		write_penalties(c, doc, u->ix, u->key, what.data);
	pc_buf_free(&what);
	pc_buf_puts(b, "</section>\n");
}

static void
write_article(pc_epub_ctx *c, pc_epub_doc *doc, uint32_t ai)
{
	const pc_article *a = &c->g->articles[ai];
	law_unit u = {&a->n, 1, a->number, a->heading, a->text, "article", &c->pen_by_article, ai};
	write_unit(c, doc, &u);
}

static void
write_part(pc_epub_ctx *c, pc_epub_doc *doc, uint32_t ti)
{
	const pc_part *pt = &c->g->parts[ti];
	law_unit u = {&pt->n, 0, pt->label, pt->heading, NULL, "part", &c->pen_by_part, ti};
	write_unit(c, doc, &u);
}

/* The instrument's own penalties, then its articles and parts in the
 * order the source gives them. */
static void
write_instrument_body(pc_epub_ctx *c, pc_epub_doc *doc, uint32_t i)
{
	const pc_graph *g = c->g;
	pc_buf *b = &doc->xhtml;
	const pc_edge_index *arts = &c->art_by_instrument, *parts = &c->part_by_instrument;
	if (PC_EDGE_COUNT(&c->pen_of_instrument, i) > 0)
		write_penalties(c, doc, &c->pen_of_instrument, i, "the instrument as a whole");
	if (PC_EDGE_COUNT(arts, i) == 0 && PC_EDGE_COUNT(parts, i) == 0 && PC_EDGE_COUNT(&c->pen_of_instrument, i) == 0)
		pc_buf_puts(b, "<p class=\"note\">The profile quotes no article of it.</p>\n");
	size_t ka = arts->start[i], kp = parts->start[i];
	while (ka < arts->start[i + 1] || kp < parts->start[i + 1]) {
		int article = kp >= parts->start[i + 1] ||
			      (ka < arts->start[i + 1] &&
			       g->articles[arts->items[ka]].n.line <= g->parts[parts->items[kp]].n.line);
		if (article)
			write_article(c, doc, arts->items[ka++]);
		else
			write_part(c, doc, parts->items[kp++]);
	}
}

static void
yes_no(pc_buf *b, const char *what, int v, const char **sep)
{
	if (v < 0)
		return;
	pc_buf_printf(b, "%s%s: %s", *sep, what, v ? "yes" : "no");
	*sep = " \xc2\xb7 ";
}

static void
write_instrument(pc_epub_ctx *c, pc_epub_doc *doc, uint32_t i)
{
	const pc_graph *g = c->g;
	const pc_instrument *in = &g->instruments[i];
	pc_buf *b = &doc->xhtml;
	const char *me = doc->file;

	pc_buf_puts(b, "<section id=\"");
	pc_epub_text(b, in->n.id);
	pc_buf_puts(b, "\">\n<h2");
	pc_epub_dir(b, in->title);
	pc_buf_puts(b, ">");
	pc_epub_text(b, in->title);
	pc_buf_puts(b, "</h2>\n<p class=\"meta\">");
	const char *sep = " \xc2\xb7 ";
	pc_epub_words(b, in->type < PC_INSTR_COUNT ? pc_instrument_type_name[in->type] : "instrument", 1);
	if (in->number) {
		pc_buf_puts(b, " no. ");
		pc_epub_text(b, in->number);
	}
	if (in->year != PC_NONE)
		pc_buf_printf(b, " of %d", in->year);
	if (in->status) {
		pc_buf_puts(b, sep);
		pc_buf_puts(b, "status: ");
		pc_epub_bdi(b, in->status);
		if (in->status_date) {
			pc_buf_puts(b, " (");
			pc_epub_text(b, in->status_date);
			pc_buf_putc(b, ')');
		}
	}
	yes_no(b, "signed", in->signed_, &sep);
	yes_no(b, "ratified", in->ratified, &sep);
	yes_no(b, "in force", in->in_force, &sep);
	if (in->issuer >= 0 && (size_t)in->issuer < g->n_actors) {
		pc_buf_puts(b, sep);
		pc_buf_puts(b, "issued by ");
		pc_epub_link_actor(b, c, me, (uint32_t)in->issuer);
	}
	pc_buf_puts(b, "</p>\n");
	if (PC_EDGE_COUNT(&c->cit_by_instrument, i) > 0) {
		pc_buf_puts(b, "<p class=\"links\">Cited by the events: ");
		PC_EDGE_EACH(&c->cit_by_instrument, i, k)
		{
			pc_buf_puts(b, k > c->cit_by_instrument.start[i] ? "; " : "");
			pc_epub_link_label(b, c, me,
					   (pc_ref){PC_EVENT, g->event_citations[c->cit_by_instrument.items[k]].event});
		}
		pc_buf_puts(b, ".</p>\n");
	}
	write_instrument_body(c, doc, i);
	pc_buf_puts(b, "</section>\n");
}

void
pc_epub_write_laws(pc_epub_ctx *c, pc_epub_doc *doc)
{
	const pc_graph *g = c->g;
	pc_buf *b = &doc->xhtml;
	pc_epub_doc_begin(doc, g, "chapter");
	if (g->law_intro) {
		pc_buf_puts(b, "<p");
		pc_epub_dir(b, g->law_intro);
		pc_buf_puts(b, ">");
		pc_epub_text(b, g->law_intro);
		pc_buf_puts(b, "</p>\n");
	}
	if (g->n_thresholds > 0) {
		pc_epub_add_section(doc, "s_ages", "Legal ages");
		pc_buf_puts(b, "<section id=\"s_ages\">\n<h2>Legal ages</h2>\n<table>\n"
			       "<caption>Ages the law sets</caption>\n<thead><tr><th scope=\"col\">Threshold</th>"
			       "<th scope=\"col\">Age</th></tr></thead>\n<tbody>\n");
		for (size_t i = 0; i < g->n_thresholds; i++) {
			const pc_threshold *t = &g->thresholds[i];
			pc_buf_puts(b, "<tr id=\"");
			pc_epub_text(b, t->n.id);
			pc_buf_puts(b, "\"><th scope=\"row\">");
			pc_epub_text(b, t->kind < PC_THR_COUNT ? pc_threshold_kind_label[t->kind] : "Age");
			pc_buf_printf(b, "</th><td>%d</td></tr>\n", t->age);
		}
		pc_buf_puts(b, "</tbody>\n</table>\n</section>\n");
	}
	if (g->n_instruments == 0)
		pc_buf_puts(b, "<p>The profile cites no legal instrument.</p>\n");
	for (size_t i = 0; i < g->n_instruments; i++) {
		pc_epub_add_section(doc, g->instruments[i].n.id, g->instruments[i].title);
		write_instrument(c, doc, (uint32_t)i);
	}
	pc_epub_doc_end(doc);
}
