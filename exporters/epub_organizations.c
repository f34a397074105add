/* The EPUB handout's directory: every organization A to Z. */
#include <stdlib.h>
#include <string.h>

#include "../compiler/alloc.h"
#include "../compiler/fold.h"
#include "epub_write.h"

/* The heading, what it is, its other names and its description. */
static void
actor_heading(pc_epub_ctx *c, pc_epub_doc *d, uint32_t i)
{
	const pc_graph *g = c->g;
	const pc_actor *a = &g->actors[i];
	pc_buf *b = &d->xhtml;

	pc_buf_puts(b, "<section id=\"");
	pc_epub_text(b, a->n.id);
	pc_buf_puts(b, "\">\n<h3>");
	pc_epub_actor_name(b, a);
	if (a->name && a->acronym) {
		pc_buf_puts(b, " <span class=\"acronym\">(");
		pc_epub_text(b, a->acronym);
		pc_buf_puts(b, ")</span>");
	}
	pc_buf_puts(b, "</h3>\n<p class=\"meta\">");
	pc_epub_words(b, a->kind ? a->kind : "organization", 1);
	if (a->founded != PC_NONE)
		pc_buf_printf(b, " \xc2\xb7 founded %d", a->founded);
	if (a->directory)
		pc_buf_puts(b, " \xc2\xb7 in the profile\xe2\x80\x99s directory");
	if (!a->name)
		pc_buf_puts(b, " \xc2\xb7 <span class=\"missing\">the profile gives no name</span>");
	pc_buf_puts(b, "</p>\n");
	if (a->n_aliases > 0) {
		pc_buf_puts(b, "<p>Also known as: ");
		for (size_t k = 0; k < a->n_aliases; k++) {
			if (k > 0)
				pc_buf_puts(b, "; ");
			pc_epub_text(b, a->aliases[k]);
		}
		pc_buf_puts(b, "</p>\n");
	}
	if (a->description) {
		pc_buf_puts(b, "<p>");
		pc_epub_text(b, a->description);
		pc_buf_puts(b, "</p>\n");
	}
}

/* Its relations to other organizations, from both ends. */
static void
actor_relations(pc_epub_ctx *c, pc_epub_doc *d, uint32_t i)
{
	const pc_graph *g = c->g;
	pc_buf *b = &d->xhtml;
	const char *me = d->file;
	if (PC_EDGE_COUNT(&c->rel_by_from, i) + PC_EDGE_COUNT(&c->rel_by_to, i) > 0) {
		pc_buf_puts(b, "<p class=\"links\">Related: ");
		int first = 1;
		PC_EDGE_EACH(&c->rel_by_from, i, k)
		{
			const pc_actor_relation *r = &g->actor_relations[c->rel_by_from.items[k]];
			if (r->to >= g->n_actors)
				continue;
			pc_buf_puts(b, first ? "" : "; ");
			first = 0;
			pc_epub_words(b, r->type < PC_REL_COUNT ? pc_relation_name[r->type] : "related to", 0);
			pc_buf_putc(b, ' ');
			pc_epub_link_actor(b, c, me, r->to);
		}
		/* The other end of each relation, so both entries show it. */
		PC_EDGE_EACH(&c->rel_by_to, i, k)
		{
			const pc_actor_relation *r = &g->actor_relations[c->rel_by_to.items[k]];
			if (r->from >= g->n_actors)
				continue;
			pc_buf_puts(b, first ? "" : "; ");
			first = 0;
			pc_epub_link_actor(b, c, me, r->from);
			pc_buf_puts(b, " is ");
			pc_epub_words(b, r->type < PC_REL_COUNT ? pc_relation_name[r->type] : "related to", 0);
			pc_buf_puts(b, " it");
		}
		pc_buf_puts(b, "</p>\n");
	}
}

static void
actor_events(pc_epub_ctx *c, pc_epub_doc *d, uint32_t i)
{
	const pc_graph *g = c->g;
	pc_buf *b = &d->xhtml;
	const char *me = d->file;
	if (PC_EDGE_COUNT(&c->ea_by_actor, i) > 0) {
		pc_buf_puts(b, "<p class=\"links\">Events: ");
		int first = 1;
		PC_EDGE_EACH(&c->ea_by_actor, i, k)
		{
			const pc_event_actor *ea = &g->event_actors[c->ea_by_actor.items[k]];
			if (ea->event >= g->n_events)
				continue;
			pc_buf_puts(b, first ? "" : "; ");
			first = 0;
			pc_buf_printf(b, "%d, %s: ", g->events[ea->event].year,
				      ea->role < PC_ROLE_COUNT ? pc_role_name[ea->role] : "involved");
			pc_epub_link_label(b, c, me, (pc_ref){PC_EVENT, ea->event});
		}
		pc_buf_puts(b, "</p>\n");
	}
}

/* What it wrote or published. */
static void
actor_publications(pc_epub_ctx *c, pc_epub_doc *d, uint32_t i)
{
	const pc_graph *g = c->g;
	pc_buf *b = &d->xhtml;
	const char *me = d->file;
	if (PC_EDGE_COUNT(&c->auth_by_actor, i) + PC_EDGE_COUNT(&c->pub_by_publisher, i) > 0) {
		pc_buf_puts(b, "<p class=\"links\">Publications: ");
		int first = 1;
		PC_EDGE_EACH(&c->auth_by_actor, i, k)
		{
			uint32_t p = g->authorships[c->auth_by_actor.items[k]].publication;
			if (p >= g->n_publications)
				continue;
			pc_buf_puts(b, first ? "" : "; ");
			first = 0;
			pc_buf_puts(b, "author of ");
			pc_epub_link_label(b, c, me, (pc_ref){PC_PUBLICATION, p});
		}
		PC_EDGE_EACH(&c->pub_by_publisher, i, k)
		{
			pc_buf_puts(b, first ? "" : "; ");
			first = 0;
			pc_buf_puts(b, "publisher of ");
			pc_epub_link_label(b, c, me, (pc_ref){PC_PUBLICATION, c->pub_by_publisher.items[k]});
		}
		pc_buf_puts(b, "</p>\n");
	}
}

/* The legal instruments it issued. */
static void
actor_issued(pc_epub_ctx *c, pc_epub_doc *d, uint32_t i)
{
	pc_buf *b = &d->xhtml;
	const char *me = d->file;
	if (PC_EDGE_COUNT(&c->instr_by_issuer, i) > 0) {
		pc_buf_puts(b, "<p class=\"links\">Issued: ");
		PC_EDGE_EACH(&c->instr_by_issuer, i, k)
		{
			pc_buf_puts(b, k > c->instr_by_issuer.start[i] ? "; " : "");
			pc_epub_link_label(b, c, me, (pc_ref){PC_INSTRUMENT, c->instr_by_issuer.items[k]});
		}
		pc_buf_puts(b, "</p>\n");
	}
}

static void
write_actor(pc_epub_ctx *c, pc_epub_doc *d, uint32_t i)
{
	actor_heading(c, d, i);
	actor_relations(c, d, i);
	actor_events(c, d, i);
	actor_publications(c, d, i);
	actor_issued(c, d, i);
	pc_buf_puts(&d->xhtml, "</section>\n");
}

/* The letter an organization is filed under: A-Z, or '#' for the rest. */
static char
letter_of(const char *key)
{
	return key[0] >= 'a' && key[0] <= 'z' ? (char)(key[0] - 'a' + 'A') : '#';
}

void
pc_epub_write_organizations(pc_epub_ctx *c, pc_epub_doc *d)
{
	const pc_graph *g = c->g;
	pc_buf *b = &d->xhtml;
	pc_epub_doc_begin(d, g, "chapter");
	if (g->n_actors == 0) {
		pc_buf_puts(b, "<p>The profile lists no organizations.</p>\n");
		pc_epub_doc_end(d);
		return;
	}
	/* Named (by name or acronym) ones A-Z by their folded name; those with
	 * neither last, in source order. */
	pc_epub_order *o = pc_malloc(g->n_actors * sizeof *o);
	size_t n_named = 0, n_unnamed = 0;
	uint32_t *unnamed = pc_malloc(g->n_actors * sizeof *unnamed);
	for (size_t i = 0; i < g->n_actors; i++) {
		const pc_actor *a = &g->actors[i];
		const char *label = a->name ? a->name : a->acronym;
		if (label == NULL) {
			unnamed[n_unnamed++] = (uint32_t)i;
			continue;
		}
		o[n_named++] = (pc_epub_order){0, pc_fold_key(label), (uint32_t)i};
	}
	qsort(o, n_named, sizeof *o, pc_epub_by_key);

	pc_buf_puts(b, "<p>Every organization, programme, network and website the profile names, A to Z, with "
		       "links to the events they took part in.</p>\n<p class=\"letters\">");
	char prev = 0;
	for (size_t i = 0; i < n_named; i++) {
		char l = letter_of(o[i].key);
		if (l == prev)
			continue;
		prev = l;
		if (l == '#')
			pc_buf_puts(b, "<a href=\"#l_0\">0\xe2\x80\x93"
				       "9</a> ");
		else
			pc_buf_printf(b, "<a href=\"#l_%c\">%c</a> ", l, l);
	}
	if (n_unnamed > 0)
		pc_buf_puts(b, "<a href=\"#l_unnamed\">Unnamed</a>");
	pc_buf_puts(b, "</p>\n");

	prev = 0;
	for (size_t i = 0; i < n_named; i++) {
		char l = letter_of(o[i].key);
		if (l != prev) {
			if (prev)
				pc_buf_puts(b, "</section>\n");
			prev = l;
			char anchor[8], label[32];
			snprintf(anchor, sizeof anchor, "l_%c", l == '#' ? '0' : l);
			if (l == '#')
				snprintf(label, sizeof label,
					 "0\xe2\x80\x93"
					 "9 and symbols");
			else
				snprintf(label, sizeof label, "%c", l);
			pc_epub_add_section(d, anchor, label);
			pc_buf_printf(b, "<section id=\"%s\">\n<h2>%s</h2>\n", anchor, label);
		}
		write_actor(c, d, o[i].index);
	}
	if (prev)
		pc_buf_puts(b, "</section>\n");
	if (n_unnamed > 0) {
		pc_epub_add_section(d, "l_unnamed", "Unnamed in the profile");
		pc_buf_puts(b, "<section id=\"l_unnamed\">\n<h2>Unnamed in the profile</h2>\n<p>The profile describes "
			       "these without naming them.</p>\n");
		for (size_t i = 0; i < n_unnamed; i++)
			write_actor(c, d, unnamed[i]);
		pc_buf_puts(b, "</section>\n");
	}
	for (size_t i = 0; i < n_named; i++)
		free((char *)o[i].key);
	free(o);
	free(unnamed);
	pc_epub_doc_end(d);
}
