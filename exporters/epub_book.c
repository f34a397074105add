/* The EPUB handout's content documents: title page, overview, timeline, organizations, research, laws, about. */
#include <stdlib.h>
#include <string.h>

#include "../compiler/alloc.h"
#include "../compiler/fold.h"
#include "edge_index.h"
#include "epub.h"

/* Anchors of our own contain '_', which a node id (lower case letters,
 * digits and '-') never does, so they cannot collide with one. */

/* ---- Edge indexes: every edge list grouped by one of its ends --------- */

#define NO_KEY UINT32_MAX

typedef uint32_t (*key_fn)(const pc_graph *g, size_t edge);

static void
index_build(pc_edge_index *x, const pc_graph *g, size_t n_keys, size_t n_edges, key_fn key)
{
	uint32_t *keys = pc_malloc((n_edges ? n_edges : 1) * sizeof *keys);
	for (size_t i = 0; i < n_edges; i++)
		keys[i] = key(g, i);
	pc_edge_index_build(x, keys, n_edges, n_keys);
	free(keys);
}

static uint32_t
ea_event(const pc_graph *g, size_t i)
{
	return g->event_actors[i].event;
}
static uint32_t
ea_actor(const pc_graph *g, size_t i)
{
	return g->event_actors[i].actor;
}
static uint32_t
rel_from(const pc_graph *g, size_t i)
{
	return g->actor_relations[i].from;
}
static uint32_t
rel_to(const pc_graph *g, size_t i)
{
	return g->actor_relations[i].to;
}
static uint32_t
auth_person(const pc_graph *g, size_t i)
{
	return g->authorships[i].author.kind == PC_PERSON ? g->authorships[i].author.index : NO_KEY;
}
static uint32_t
auth_actor(const pc_graph *g, size_t i)
{
	return g->authorships[i].author.kind == PC_ACTOR ? g->authorships[i].author.index : NO_KEY;
}
static uint32_t
cit_event(const pc_graph *g, size_t i)
{
	return g->event_citations[i].event;
}
static uint32_t
cit_instrument(const pc_graph *g, size_t i)
{
	return g->event_citations[i].target.kind == PC_INSTRUMENT ? g->event_citations[i].target.index : NO_KEY;
}
static uint32_t
cit_publication(const pc_graph *g, size_t i)
{
	return g->event_citations[i].target.kind == PC_PUBLICATION ? g->event_citations[i].target.index : NO_KEY;
}
static uint32_t
pen_article(const pc_graph *g, size_t i)
{
	return g->penalties[i].article;
}
static uint32_t
art_instrument(const pc_graph *g, size_t i)
{
	return g->articles[i].instrument;
}
static uint32_t
chg_penalty(const pc_graph *g, size_t i)
{
	return g->penalty_changes[i].penalty;
}
static uint32_t
pub_publisher(const pc_graph *g, size_t i)
{
	return g->publications[i].publisher >= 0 ? (uint32_t)g->publications[i].publisher : NO_KEY;
}
static uint32_t
pub_edition_of(const pc_graph *g, size_t i)
{
	return g->publications[i].edition_of >= 0 ? (uint32_t)g->publications[i].edition_of : NO_KEY;
}
static uint32_t
instr_issuer(const pc_graph *g, size_t i)
{
	return g->instruments[i].issuer >= 0 ? (uint32_t)g->instruments[i].issuer : NO_KEY;
}

typedef struct {
	const pc_graph *g;
	pc_edge_index ea_by_event, ea_by_actor;
	pc_edge_index rel_by_from, rel_by_to;
	pc_edge_index auth_by_pub, auth_by_person, auth_by_actor;
	pc_edge_index cit_by_event, cit_by_instrument, cit_by_publication;
	pc_edge_index pen_by_article, art_by_instrument, chg_by_penalty;
	pc_edge_index pub_by_publisher, pub_by_edition_of, instr_by_issuer;
} book_ctx;

static void
ctx_init(book_ctx *c, const pc_graph *g)
{
	memset(c, 0, sizeof *c);
	c->g = g;
	index_build(&c->ea_by_event, g, g->n_events, g->n_event_actors, ea_event);
	index_build(&c->ea_by_actor, g, g->n_actors, g->n_event_actors, ea_actor);
	index_build(&c->rel_by_from, g, g->n_actors, g->n_actor_relations, rel_from);
	index_build(&c->rel_by_to, g, g->n_actors, g->n_actor_relations, rel_to);
	pc_edge_index_authors(&c->auth_by_pub, g); /* in position order */
	index_build(&c->auth_by_person, g, g->n_persons, g->n_authorships, auth_person);
	index_build(&c->auth_by_actor, g, g->n_actors, g->n_authorships, auth_actor);
	index_build(&c->cit_by_event, g, g->n_events, g->n_event_citations, cit_event);
	index_build(&c->cit_by_instrument, g, g->n_instruments, g->n_event_citations, cit_instrument);
	index_build(&c->cit_by_publication, g, g->n_publications, g->n_event_citations, cit_publication);
	index_build(&c->pen_by_article, g, g->n_articles, g->n_penalties, pen_article);
	index_build(&c->art_by_instrument, g, g->n_instruments, g->n_articles, art_instrument);
	index_build(&c->chg_by_penalty, g, g->n_penalties, g->n_penalty_changes, chg_penalty);
	index_build(&c->pub_by_publisher, g, g->n_actors, g->n_publications, pub_publisher);
	index_build(&c->pub_by_edition_of, g, g->n_publications, g->n_publications, pub_edition_of);
	index_build(&c->instr_by_issuer, g, g->n_actors, g->n_instruments, instr_issuer);
}

static void
ctx_free(book_ctx *c)
{
	pc_edge_index *all[] = {
		&c->ea_by_event,       &c->ea_by_actor,        &c->rel_by_from,       &c->rel_by_to,
		&c->auth_by_pub,       &c->auth_by_person,     &c->auth_by_actor,     &c->cit_by_event,
		&c->cit_by_instrument, &c->cit_by_publication, &c->pen_by_article,    &c->art_by_instrument,
		&c->chg_by_penalty,    &c->pub_by_publisher,   &c->pub_by_edition_of, &c->instr_by_issuer,
	};
	for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
		pc_edge_index_free(all[i]);
}

/* ---- Small writers ------------------------------------------------------ */

/* Every text from the source goes through here. */
static void
text(pc_buf *b, const char *s)
{
	if (s != NULL)
		pc_buf_xml(b, s);
}

/* A schema keyword as words: "prohibition-of-rights" -> "Prohibition of rights". */
static void
words(pc_buf *b, const char *keyword, int capital)
{
	if (keyword == NULL)
		return;
	char *w = pc_strdup(keyword);
	for (char *p = w; *p; p++)
		if (*p == '-')
			*p = ' ';
	if (capital && w[0] >= 'a' && w[0] <= 'z')
		w[0] = (char)(w[0] - 'a' + 'A');
	pc_buf_xml(b, w);
	free(w);
}

/* The start of a long text for a link label: cut at a space, so never
 * inside a UTF-8 sequence. */
static void
excerpt(pc_buf *b, const char *s, size_t max)
{
	size_t n = strlen(s);
	if (n <= max) {
		pc_buf_xml(b, s);
		return;
	}
	size_t cut = max;
	while (cut > max / 2 && s[cut] != ' ')
		cut--;
	if (s[cut] != ' ') {
		cut = max;
		while (cut > 0 && ((unsigned char)s[cut] & 0xc0) == 0x80)
			cut--;
	}
	while (cut > 0 && (s[cut - 1] == ' ' || s[cut - 1] == ',' || s[cut - 1] == ';' || s[cut - 1] == ':'))
		cut--;
	char *t = pc_strndup(s, cut);
	pc_buf_xml(b, t);
	free(t);
	pc_buf_puts(b, "\xe2\x80\xa6"); /* … */
}

static void
add_section(pc_epub_doc *d, const char *anchor, const char *label)
{
	pc_epub_section *s = pc_grow((void **)&d->sections, &d->n_sections, &d->cap_sections, sizeof *s);
	s->anchor = pc_strdup(anchor);
	s->label = pc_strdup(label);
}

const char *
pc_epub_file_of(pc_kind kind)
{
	switch (kind) {
	case PC_COUNTRY: return "title.xhtml";
	case PC_INDICATOR:
	case PC_SOURCE: return "overview.xhtml";
	case PC_EVENT: return "timeline.xhtml";
	case PC_ACTOR: return "organizations.xhtml";
	case PC_PERSON:
	case PC_PUBLICATION: return "bibliography.xhtml";
	case PC_INSTRUMENT:
	case PC_ARTICLE:
	case PC_PENALTY:
	case PC_THRESHOLD: return "laws.xhtml";
	case PC_KIND_COUNT: break;
	}
	return "about.xhtml";
}

/* <a href="..."> to a node's anchor, from the document `from`. */
static void
link_open(pc_buf *b, const pc_graph *g, const char *from, pc_ref r)
{
	const pc_node *n = pc_graph_node(g, r);
	const char *file = pc_epub_file_of(r.kind);
	pc_buf_puts(b, "<a href=\"");
	if (strcmp(file, from) != 0)
		pc_buf_puts(b, file);
	pc_buf_putc(b, '#');
	text(b, n ? n->id : "");
	pc_buf_puts(b, "\">");
}

/* An organization's name as a reader sees it: its name, else its acronym,
 * else what it is ("unnamed website"). */
static void
actor_name(pc_buf *b, const pc_actor *a)
{
	if (a->name) {
		text(b, a->name);
	} else if (a->acronym) {
		text(b, a->acronym);
	} else {
		pc_buf_puts(b, "Unnamed ");
		words(b, a->kind ? a->kind : "organization", 0);
	}
}

static void
link_actor(pc_buf *b, const book_ctx *c, const char *from, uint32_t i)
{
	link_open(b, c->g, from, (pc_ref){PC_ACTOR, i});
	actor_name(b, &c->g->actors[i]);
	pc_buf_puts(b, "</a>");
}

static void
link_label(pc_buf *b, const book_ctx *c, const char *from, pc_ref r)
{
	if (r.kind == PC_ACTOR) {
		link_actor(b, c, from, r.index);
		return;
	}
	link_open(b, c->g, from, r);
	if (r.kind == PC_EVENT)
		excerpt(b, pc_graph_label(c->g, r), 90);
	else
		text(b, pc_graph_label(c->g, r));
	pc_buf_puts(b, "</a>");
}

/* "imprisonment, 2 to 8 years": a penalty in words, for tables and links. */
static void
penalty_words(pc_buf *b, const pc_penalty *p)
{
	words(b, p->kind < PC_PEN_COUNT ? pc_penalty_kind_name[p->kind] : "penalty", 0);
	if (p->has_min && p->has_max) {
		pc_buf_puts(b, ", ");
		pc_buf_number(b, p->min);
		pc_buf_puts(b, " to ");
		pc_buf_number(b, p->max);
	} else if (p->has_min) {
		pc_buf_puts(b, ", at least ");
		pc_buf_number(b, p->min);
	} else if (p->has_max) {
		pc_buf_puts(b, ", up to ");
		pc_buf_number(b, p->max);
	}
	if ((p->has_min || p->has_max) && p->unit) {
		pc_buf_putc(b, ' ');
		text(b, p->unit);
	}
}

static void
link_penalty(pc_buf *b, const book_ctx *c, const char *from, uint32_t i)
{
	link_open(b, c->g, from, (pc_ref){PC_PENALTY, i});
	penalty_words(b, &c->g->penalties[i]);
	pc_buf_puts(b, "</a>");
}

static const char *
lang_of(const pc_graph *g)
{
	return g->lang && *g->lang ? g->lang : "en";
}

void
pc_epub_xhtml_begin(pc_buf *b, const pc_graph *g, const char *title)
{
	pc_buf_puts(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n"
		       "<html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:epub=\"http://www.idpf.org/2007/ops\" "
		       "xml:lang=\"");
	text(b, lang_of(g));
	pc_buf_puts(b, "\" lang=\"");
	text(b, lang_of(g));
	pc_buf_puts(b, "\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>");
	text(b, title);
	pc_buf_puts(b, "</title>\n<link rel=\"stylesheet\" type=\"text/css\" href=\"style.css\"/>\n</head>\n<body>\n");
}

void
pc_epub_xhtml_end(pc_buf *b)
{
	pc_buf_puts(b, "</body>\n</html>\n");
}

static void
doc_begin(pc_epub_doc *d, const pc_graph *g, const char *epub_type, const char *role)
{
	pc_epub_xhtml_begin(&d->xhtml, g, d->title);
	pc_buf_printf(&d->xhtml, "<section epub:type=\"%s\"", epub_type);
	if (role)
		pc_buf_printf(&d->xhtml, " role=\"%s\"", role);
	pc_buf_puts(&d->xhtml, ">\n<h1>");
	text(&d->xhtml, d->title);
	pc_buf_puts(&d->xhtml, "</h1>\n");
}

static void
doc_end(pc_epub_doc *d)
{
	pc_buf_puts(&d->xhtml, "</section>\n");
	pc_epub_xhtml_end(&d->xhtml);
}

/* ---- Sorting ------------------------------------------------------------ */

typedef struct {
	int year;
	const char *key; /* folded sort key, or NULL */
	uint32_t index;
} order_item;

static int
by_year_up(const void *a, const void *b)
{
	const order_item *x = a, *y = b;
	if (x->year != y->year)
		return x->year < y->year ? -1 : 1;
	return x->index < y->index ? -1 : x->index > y->index;
}

/* Newest first, the undated last. */
static int
by_year_down(const void *a, const void *b)
{
	const order_item *x = a, *y = b;
	if (x->year != y->year) {
		if (x->year == PC_NONE || y->year == PC_NONE)
			return x->year == PC_NONE ? 1 : -1;
		return x->year > y->year ? -1 : 1;
	}
	return x->index < y->index ? -1 : x->index > y->index;
}

static int
by_key(const void *a, const void *b)
{
	const order_item *x = a, *y = b;
	int c = strcmp(x->key, y->key);
	if (c != 0)
		return c;
	return x->index < y->index ? -1 : x->index > y->index;
}

/* ---- Title page --------------------------------------------------------- */

static void
write_title(book_ctx *c, pc_epub_doc *d)
{
	const pc_graph *g = c->g;
	pc_buf *b = &d->xhtml;
	pc_epub_xhtml_begin(b, g, d->title);
	pc_buf_puts(b, "<section class=\"titlepage\" epub:type=\"titlepage\">\n<h1>");
	text(b, g->title ? g->title : "Country profile");
	pc_buf_puts(b, "</h1>\n");
	if (g->n_countries > 0) {
		const pc_country *k = &g->countries[0];
		pc_buf_puts(b, "<p class=\"country\" id=\"");
		text(b, k->n.id);
		pc_buf_puts(b, "\">");
		text(b, k->name);
		pc_buf_puts(b, " (");
		text(b, k->code);
		pc_buf_puts(b, ")</p>\n");
	}
	pc_buf_puts(b, "<p class=\"subtitle\">A handout on child online safety</p>\n");
	if (g->modified) {
		pc_buf_puts(b, "<p>Edition of ");
		text(b, g->modified);
		pc_buf_puts(b, "</p>\n");
	}
	pc_buf_puts(b, "<p>Compiled from the country profile by profilec. <a href=\"about.xhtml\">About this "
		       "edition</a>.</p>\n</section>\n");
	pc_epub_xhtml_end(b);
}

/* ---- Overview ----------------------------------------------------------- */

static void
write_overview(book_ctx *c, pc_epub_doc *d)
{
	const pc_graph *g = c->g;
	pc_buf *b = &d->xhtml;
	const char *me = d->file;
	doc_begin(d, g, "chapter", NULL);

	pc_buf_puts(b, "<p>This handout gives ");
	if (g->n_countries > 0)
		text(b, g->countries[0].name);
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

	pc_buf_puts(b, "<section id=\"s_indicators\">\n<h2>Indicators</h2>\n");
	add_section(d, "s_indicators", "Indicators");
	if (g->n_indicators == 0) {
		pc_buf_puts(b, "<p>The profile gives no indicators.</p>\n");
	} else {
		pc_buf_puts(b, "<table>\n<caption>Headline indicators</caption>\n<thead><tr>"
			       "<th scope=\"col\">Indicator</th><th scope=\"col\">Value</th><th scope=\"col\">Year</th>"
			       "<th scope=\"col\">Sources</th></tr></thead>\n<tbody>\n");
		for (size_t i = 0; i < g->n_indicators; i++) {
			const pc_indicator *in = &g->indicators[i];
			pc_buf_puts(b, "<tr id=\"");
			text(b, in->n.id);
			pc_buf_puts(b, "\"><th scope=\"row\">");
			text(b, in->label);
			pc_buf_puts(b, "</th><td>");
			if (in->has_value) {
				if (in->value_text)
					text(b, in->value_text);
				else
					pc_buf_number(b, in->value);
				if (in->unit) {
					pc_buf_putc(b, ' ');
					text(b, in->unit);
				}
			} else {
				pc_buf_puts(b, "<span class=\"missing\">not given in the profile</span>");
			}
			pc_buf_puts(b, "</td><td>");
			if (in->year != PC_NONE)
				pc_buf_printf(b, "%d", in->year);
			pc_buf_puts(b, "</td><td>");
			for (size_t k = 0; k < in->n_sources; k++) {
				if (in->sources[k] >= g->n_sources)
					continue;
				if (k > 0)
					pc_buf_puts(b, "; ");
				link_label(b, c, me, (pc_ref){PC_SOURCE, in->sources[k]});
			}
			pc_buf_puts(b, "</td></tr>\n");
		}
		pc_buf_puts(b, "</tbody>\n</table>\n");
	}
	if (g->indicator_note) {
		pc_buf_puts(b, "<p class=\"note\">");
		text(b, g->indicator_note);
		pc_buf_puts(b, "</p>\n");
	}
	if (g->n_sources > 0) {
		pc_buf_puts(b, "<h3>Sources of statistics</h3>\n<ul>\n");
		for (size_t i = 0; i < g->n_sources; i++) {
			pc_buf_puts(b, "<li id=\"");
			text(b, g->sources[i].n.id);
			pc_buf_puts(b, "\">");
			text(b, g->sources[i].name);
			pc_buf_puts(b, "</li>\n");
		}
		pc_buf_puts(b, "</ul>\n");
	}
	pc_buf_puts(b, "</section>\n");

	/* What the profile lacks, from the graph itself, so the list holds
	 * whether or not the checks noted it. */
	pc_buf_puts(b, "<section id=\"s_lacks\">\n<h2>What the profile lacks</h2>\n");
	add_section(d, "s_lacks", "What the profile lacks");
	size_t before = b->len;
	pc_buf_puts(b, "<ul>\n");
	size_t n_items = 0;
	for (size_t i = 0; i < g->n_indicators; i++) {
		if (g->indicators[i].has_value)
			continue;
		pc_buf_puts(b, "<li>The indicator ");
		link_label(b, c, me, (pc_ref){PC_INDICATOR, (uint32_t)i});
		pc_buf_puts(b, " has no value.</li>\n");
		n_items++;
	}
	for (size_t i = 0; i < g->n_actors; i++) {
		const pc_actor *a = &g->actors[i];
		if (a->name)
			continue;
		pc_buf_puts(b, "<li>The organization ");
		link_actor(b, c, me, (uint32_t)i);
		pc_buf_puts(b, " has no name");
		if (a->description) {
			pc_buf_puts(b, ": ");
			excerpt(b, a->description, 120);
		}
		pc_buf_puts(b, "</li>\n");
		n_items++;
	}
	for (size_t i = 0; i < g->n_publications; i++) {
		if (PC_EDGE_COUNT(&c->auth_by_pub, i) > 0)
			continue;
		pc_buf_puts(b, "<li>The publication ");
		link_label(b, c, me, (pc_ref){PC_PUBLICATION, (uint32_t)i});
		pc_buf_puts(b, " names no author.</li>\n");
		n_items++;
	}
	if (n_items == 0) {
		b->len = before;
		b->data[b->len] = '\0';
		pc_buf_puts(b, "<p>Nothing: every indicator has a value, every organization a name and every "
			       "publication an author.</p>\n");
	} else {
		pc_buf_puts(b, "</ul>\n<p>The <a href=\"about.xhtml#s_quality\">data-quality notes</a> list every "
			       "finding of the checks.</p>\n");
	}
	pc_buf_puts(b, "</section>\n");
	doc_end(d);
}

/* ---- Timeline ----------------------------------------------------------- */

static void
write_event(book_ctx *c, pc_epub_doc *d, uint32_t i)
{
	const pc_graph *g = c->g;
	const pc_event *e = &g->events[i];
	pc_buf *b = &d->xhtml;
	const char *me = d->file;
	pc_theme t = e->theme < PC_THEME_COUNT ? e->theme : PC_THEME_EDUCATION_ICT;

	pc_buf_puts(b, "<li class=\"event\" id=\"");
	text(b, e->n.id);
	pc_buf_puts(b, "\">\n<p class=\"when\">");
	if (e->end_year != PC_NONE && e->end_year != e->year)
		pc_buf_printf(b, "%d\xe2\x80\x93%d", e->year, e->end_year);
	else
		pc_buf_printf(b, "%d", e->year);
	pc_buf_printf(b, " \xc2\xb7 <span class=\"theme-%s\">", pc_theme_name[t]);
	text(b, pc_theme_label[t]);
	pc_buf_puts(b, "</span></p>\n<p>");
	text(b, e->text);
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
			link_actor(b, c, me, ea->actor);
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
			link_label(b, c, me, ec->target);
		}
		pc_buf_puts(b, "</p>\n");
	}
	pc_buf_puts(b, "</li>\n");
}

static void
write_timeline(book_ctx *c, pc_epub_doc *d)
{
	const pc_graph *g = c->g;
	pc_buf *b = &d->xhtml;
	doc_begin(d, g, "chapter", NULL);
	if (g->n_events == 0) {
		pc_buf_puts(b, "<p>The profile lists no events.</p>\n");
		doc_end(d);
		return;
	}
	pc_buf_puts(b, "<p>Every event of the profile by year, with its theme and the organizations involved.</p>\n"
		       "<figure id=\"f_timeline\">\n");
	pc_epub_timeline_svg(g, b);
	pc_buf_puts(b, "<figcaption>The events by year: circles for education and ICT, squares for child "
		       "protection and law enforcement.</figcaption>\n</figure>\n");

	order_item *o = pc_malloc(g->n_events * sizeof *o);
	for (size_t i = 0; i < g->n_events; i++)
		o[i] = (order_item){g->events[i].year, NULL, (uint32_t)i};
	qsort(o, g->n_events, sizeof *o, by_year_up);
	for (size_t i = 0; i < g->n_events;) {
		int year = o[i].year;
		char anchor[32], label[16];
		snprintf(anchor, sizeof anchor, "y_%d", year);
		snprintf(label, sizeof label, "%d", year);
		add_section(d, anchor, label);
		pc_buf_printf(b, "<section id=\"%s\">\n<h2>%s</h2>\n<ul class=\"events\">\n", anchor, label);
		for (; i < g->n_events && o[i].year == year; i++)
			write_event(c, d, o[i].index);
		pc_buf_puts(b, "</ul>\n</section>\n");
	}
	free(o);
	doc_end(d);
}

/* ---- Organizations A-Z -------------------------------------------------- */

static void
write_actor(book_ctx *c, pc_epub_doc *d, uint32_t i)
{
	const pc_graph *g = c->g;
	const pc_actor *a = &g->actors[i];
	pc_buf *b = &d->xhtml;
	const char *me = d->file;

	pc_buf_puts(b, "<section id=\"");
	text(b, a->n.id);
	pc_buf_puts(b, "\">\n<h3>");
	actor_name(b, a);
	if (a->name && a->acronym) {
		pc_buf_puts(b, " <span class=\"acronym\">(");
		text(b, a->acronym);
		pc_buf_puts(b, ")</span>");
	}
	pc_buf_puts(b, "</h3>\n<p class=\"meta\">");
	words(b, a->kind ? a->kind : "organization", 1);
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
			text(b, a->aliases[k]);
		}
		pc_buf_puts(b, "</p>\n");
	}
	if (a->description) {
		pc_buf_puts(b, "<p>");
		text(b, a->description);
		pc_buf_puts(b, "</p>\n");
	}
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
			words(b, r->type < PC_REL_COUNT ? pc_relation_name[r->type] : "related to", 0);
			pc_buf_putc(b, ' ');
			link_actor(b, c, me, r->to);
		}
		/* The other end of each relation, so both entries show it. */
		PC_EDGE_EACH(&c->rel_by_to, i, k)
		{
			const pc_actor_relation *r = &g->actor_relations[c->rel_by_to.items[k]];
			if (r->from >= g->n_actors)
				continue;
			pc_buf_puts(b, first ? "" : "; ");
			first = 0;
			link_actor(b, c, me, r->from);
			pc_buf_puts(b, " is ");
			words(b, r->type < PC_REL_COUNT ? pc_relation_name[r->type] : "related to", 0);
			pc_buf_puts(b, " it");
		}
		pc_buf_puts(b, "</p>\n");
	}
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
			link_label(b, c, me, (pc_ref){PC_EVENT, ea->event});
		}
		pc_buf_puts(b, "</p>\n");
	}
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
			link_label(b, c, me, (pc_ref){PC_PUBLICATION, p});
		}
		PC_EDGE_EACH(&c->pub_by_publisher, i, k)
		{
			pc_buf_puts(b, first ? "" : "; ");
			first = 0;
			pc_buf_puts(b, "publisher of ");
			link_label(b, c, me, (pc_ref){PC_PUBLICATION, c->pub_by_publisher.items[k]});
		}
		pc_buf_puts(b, "</p>\n");
	}
	if (PC_EDGE_COUNT(&c->instr_by_issuer, i) > 0) {
		pc_buf_puts(b, "<p class=\"links\">Issued: ");
		PC_EDGE_EACH(&c->instr_by_issuer, i, k)
		{
			pc_buf_puts(b, k > c->instr_by_issuer.start[i] ? "; " : "");
			link_label(b, c, me, (pc_ref){PC_INSTRUMENT, c->instr_by_issuer.items[k]});
		}
		pc_buf_puts(b, "</p>\n");
	}
	pc_buf_puts(b, "</section>\n");
}

/* The letter an organization is filed under: A-Z, or '#' for the rest. */
static char
letter_of(const char *key)
{
	return key[0] >= 'a' && key[0] <= 'z' ? (char)(key[0] - 'a' + 'A') : '#';
}

static void
write_organizations(book_ctx *c, pc_epub_doc *d)
{
	const pc_graph *g = c->g;
	pc_buf *b = &d->xhtml;
	doc_begin(d, g, "chapter", NULL);
	if (g->n_actors == 0) {
		pc_buf_puts(b, "<p>The profile lists no organizations.</p>\n");
		doc_end(d);
		return;
	}
	/* Named (by name or acronym) ones A-Z by their folded name; those with
	 * neither last, in source order. */
	order_item *o = pc_malloc(g->n_actors * sizeof *o);
	size_t n_named = 0, n_unnamed = 0;
	uint32_t *unnamed = pc_malloc(g->n_actors * sizeof *unnamed);
	for (size_t i = 0; i < g->n_actors; i++) {
		const pc_actor *a = &g->actors[i];
		const char *label = a->name ? a->name : a->acronym;
		if (label == NULL) {
			unnamed[n_unnamed++] = (uint32_t)i;
			continue;
		}
		o[n_named++] = (order_item){0, pc_fold_key(label), (uint32_t)i};
	}
	qsort(o, n_named, sizeof *o, by_key);

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
			add_section(d, anchor, label);
			pc_buf_printf(b, "<section id=\"%s\">\n<h2>%s</h2>\n", anchor, label);
		}
		write_actor(c, d, o[i].index);
	}
	if (prev)
		pc_buf_puts(b, "</section>\n");
	if (n_unnamed > 0) {
		add_section(d, "l_unnamed", "Unnamed in the profile");
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
	doc_end(d);
}

/* ---- Research ----------------------------------------------------------- */

static void
write_publication(book_ctx *c, pc_epub_doc *d, uint32_t i)
{
	const pc_graph *g = c->g;
	const pc_publication *p = &g->publications[i];
	pc_buf *b = &d->xhtml;
	const char *me = d->file;

	pc_buf_puts(b, "<li class=\"publication\" id=\"");
	text(b, p->n.id);
	pc_buf_puts(b, "\">\n<p>");
	size_t n_auth = PC_EDGE_COUNT(&c->auth_by_pub, i);
	const uint32_t *auth = c->auth_by_pub.items + c->auth_by_pub.start[i];
	if (n_auth > 0) {
		for (size_t k = 0; k < n_auth; k++) {
			const pc_authorship *au = &g->authorships[auth[k]];
			if (k > 0)
				pc_buf_puts(b, k + 1 == n_auth ? " and " : ", ");
			if (pc_graph_node(g, au->author) == NULL)
				text(b, au->as_written);
			else
				link_label(b, c, me, au->author);
		}
		pc_buf_puts(b, ". ");
	}
	pc_buf_puts(b, "<cite>");
	text(b, p->title);
	if (p->subtitle) {
		pc_buf_puts(b, ": ");
		text(b, p->subtitle);
	}
	pc_buf_puts(b, "</cite>");
	if (p->year != PC_NONE)
		pc_buf_printf(b, " (%d)", p->year);
	pc_buf_puts(b, ".");
	if (p->kind) {
		pc_buf_putc(b, ' ');
		words(b, p->kind, 1);
		pc_buf_putc(b, '.');
	}
	if (p->publisher >= 0 && (size_t)p->publisher < g->n_actors) {
		pc_buf_puts(b, " Published by ");
		link_actor(b, c, me, (uint32_t)p->publisher);
		pc_buf_putc(b, '.');
	}
	pc_buf_puts(b, "</p>\n");
	if (p->description) {
		pc_buf_puts(b, "<p class=\"desc\">");
		text(b, p->description);
		pc_buf_puts(b, "</p>\n");
	}
	if (p->edition_of >= 0 && (size_t)p->edition_of < g->n_publications) {
		pc_buf_puts(b, "<p class=\"links\">A new edition of ");
		link_label(b, c, me, (pc_ref){PC_PUBLICATION, (uint32_t)p->edition_of});
		pc_buf_puts(b, ".</p>\n");
	}
	if (PC_EDGE_COUNT(&c->pub_by_edition_of, i) > 0) {
		pc_buf_puts(b, "<p class=\"links\">Later edition: ");
		PC_EDGE_EACH(&c->pub_by_edition_of, i, k)
		{
			pc_buf_puts(b, k > c->pub_by_edition_of.start[i] ? "; " : "");
			link_label(b, c, me, (pc_ref){PC_PUBLICATION, c->pub_by_edition_of.items[k]});
		}
		pc_buf_puts(b, ".</p>\n");
	}
	if (PC_EDGE_COUNT(&c->cit_by_publication, i) > 0) {
		pc_buf_puts(b, "<p class=\"links\">Cited by the events: ");
		PC_EDGE_EACH(&c->cit_by_publication, i, k)
		{
			pc_buf_puts(b, k > c->cit_by_publication.start[i] ? "; " : "");
			link_label(b, c, me,
				   (pc_ref){PC_EVENT, g->event_citations[c->cit_by_publication.items[k]].event});
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
			text(b, p->merged_ids[k]);
			pc_buf_puts(b, "\">");
			text(b, p->merged_ids[k]);
			if (p->merged_lines && p->merged_lines[k])
				pc_buf_printf(b, ", line %u", p->merged_lines[k]);
			pc_buf_puts(b, "</span>");
		}
		pc_buf_puts(b, ").</p>\n");
	}
	pc_buf_puts(b, "</li>\n");
}

static void
write_bibliography(book_ctx *c, pc_epub_doc *d)
{
	const pc_graph *g = c->g;
	pc_buf *b = &d->xhtml;
	doc_begin(d, g, "bibliography", "doc-bibliography");
	if (g->n_publications == 0) {
		pc_buf_puts(b, "<p>The profile lists no publications.</p>\n");
		doc_end(d);
		return;
	}
	pc_buf_puts(b, "<p>The research the profile cites, newest first. Authors are named as one person however "
		       "the citations spell them; <a href=\"#s_authors\">the authors</a> follow.</p>\n");
	order_item *o = pc_malloc(g->n_publications * sizeof *o);
	for (size_t i = 0; i < g->n_publications; i++)
		o[i] = (order_item){g->publications[i].year, NULL, (uint32_t)i};
	qsort(o, g->n_publications, sizeof *o, by_year_down);
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
		add_section(d, anchor, label);
		pc_buf_printf(b, "<section id=\"%s\">\n<h2>%s</h2>\n<ul class=\"bib\">\n", anchor, label);
		for (; i < g->n_publications && o[i].year == year; i++)
			write_publication(c, d, o[i].index);
		pc_buf_puts(b, "</ul>\n</section>\n");
	}
	free(o);

	add_section(d, "s_authors", "Authors");
	pc_buf_puts(b, "<section id=\"s_authors\">\n<h2>Authors</h2>\n");
	if (g->n_persons == 0)
		pc_buf_puts(b, "<p>The profile names no author who is a person.</p>\n");
	else
		pc_buf_puts(b, "<ul class=\"authors\">\n");
	for (size_t i = 0; i < g->n_persons; i++) {
		pc_buf_puts(b, "<li id=\"");
		text(b, g->persons[i].n.id);
		pc_buf_puts(b, "\">");
		text(b, g->persons[i].display);
		const char *sep = ": ";
		PC_EDGE_EACH(&c->auth_by_person, i, k)
		{
			uint32_t p = g->authorships[c->auth_by_person.items[k]].publication;
			if (p >= g->n_publications)
				continue;
			pc_buf_puts(b, sep);
			sep = "; ";
			link_label(b, c, d->file, (pc_ref){PC_PUBLICATION, p});
			if (g->publications[p].year != PC_NONE)
				pc_buf_printf(b, " (%d)", g->publications[p].year);
		}
		pc_buf_puts(b, "</li>\n");
	}
	if (g->n_persons > 0)
		pc_buf_puts(b, "</ul>\n");
	pc_buf_puts(b, "</section>\n");
	doc_end(d);
}

/* ---- Laws --------------------------------------------------------------- */

static void
write_penalties(book_ctx *c, pc_epub_doc *d, uint32_t art)
{
	const pc_graph *g = c->g;
	const pc_article *a = &g->articles[art];
	pc_buf *b = &d->xhtml;
	const char *me = d->file;
	if (PC_EDGE_COUNT(&c->pen_by_article, art) == 0) {
		pc_buf_puts(b, "<p class=\"note\">The profile states no penalty under this article.</p>\n");
		return;
	}
	pc_buf_puts(b, "<table>\n<caption>Penalties under article ");
	text(b, a->number);
	pc_buf_puts(b, "</caption>\n<thead><tr><th scope=\"col\">Penalty</th><th scope=\"col\">Minimum</th>"
		       "<th scope=\"col\">Maximum</th><th scope=\"col\">Unit</th><th scope=\"col\">Offence</th>"
		       "<th scope=\"col\">Condition</th><th scope=\"col\">Notes</th></tr></thead>\n<tbody>\n");
	PC_EDGE_EACH(&c->pen_by_article, art, k)
	{
		uint32_t pi = c->pen_by_article.items[k];
		const pc_penalty *p = &g->penalties[pi];
		pc_buf_puts(b, "<tr id=\"");
		text(b, p->n.id);
		pc_buf_puts(b, "\"><th scope=\"row\">");
		words(b, p->kind < PC_PEN_COUNT ? pc_penalty_kind_name[p->kind] : "penalty", 1);
		pc_buf_puts(b, "</th><td>");
		if (p->has_min)
			pc_buf_number(b, p->min);
		pc_buf_puts(b, "</td><td>");
		if (p->has_max)
			pc_buf_number(b, p->max);
		pc_buf_puts(b, "</td><td>");
		text(b, p->unit);
		pc_buf_puts(b, "</td><td>");
		text(b, p->offence);
		pc_buf_puts(b, "</td><td>");
		if (p->condition)
			text(b, p->condition);
		else
			pc_buf_puts(b, "the basic offence");
		pc_buf_puts(b, "</td><td>");
		const char *sep = "";
		if (p->alternative_to >= 0 && (size_t)p->alternative_to < g->n_penalties) {
			pc_buf_puts(b, "instead of ");
			link_penalty(b, c, me, (uint32_t)p->alternative_to);
			sep = "; ";
		}
		if (p->in_addition_to >= 0 && (size_t)p->in_addition_to < g->n_penalties) {
			pc_buf_puts(b, sep);
			pc_buf_puts(b, "in addition to ");
			link_penalty(b, c, me, (uint32_t)p->in_addition_to);
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
			link_penalty(b, c, me, ch->of);
			pc_buf_puts(b, " multiplied by ");
			pc_buf_number(b, ch->factor);
		}
		pc_buf_puts(b, "</td></tr>\n");
	}
	pc_buf_puts(b, "</tbody>\n</table>\n");
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
write_instrument(book_ctx *c, pc_epub_doc *d, uint32_t i)
{
	const pc_graph *g = c->g;
	const pc_instrument *in = &g->instruments[i];
	pc_buf *b = &d->xhtml;
	const char *me = d->file;

	pc_buf_puts(b, "<section id=\"");
	text(b, in->n.id);
	pc_buf_puts(b, "\">\n<h2>");
	text(b, in->title);
	pc_buf_puts(b, "</h2>\n<p class=\"meta\">");
	const char *sep = " \xc2\xb7 ";
	words(b, in->type < PC_INSTR_COUNT ? pc_instrument_type_name[in->type] : "instrument", 1);
	if (in->number) {
		pc_buf_puts(b, " no. ");
		text(b, in->number);
	}
	if (in->year != PC_NONE)
		pc_buf_printf(b, " of %d", in->year);
	if (in->status) {
		pc_buf_puts(b, sep);
		pc_buf_puts(b, "status: ");
		text(b, in->status);
		if (in->status_date) {
			pc_buf_puts(b, " (");
			text(b, in->status_date);
			pc_buf_putc(b, ')');
		}
	}
	yes_no(b, "signed", in->signed_, &sep);
	yes_no(b, "ratified", in->ratified, &sep);
	yes_no(b, "in force", in->in_force, &sep);
	if (in->issuer >= 0 && (size_t)in->issuer < g->n_actors) {
		pc_buf_puts(b, sep);
		pc_buf_puts(b, "issued by ");
		link_actor(b, c, me, (uint32_t)in->issuer);
	}
	pc_buf_puts(b, "</p>\n");
	if (PC_EDGE_COUNT(&c->cit_by_instrument, i) > 0) {
		pc_buf_puts(b, "<p class=\"links\">Cited by the events: ");
		PC_EDGE_EACH(&c->cit_by_instrument, i, k)
		{
			pc_buf_puts(b, k > c->cit_by_instrument.start[i] ? "; " : "");
			link_label(b, c, me,
				   (pc_ref){PC_EVENT, g->event_citations[c->cit_by_instrument.items[k]].event});
		}
		pc_buf_puts(b, ".</p>\n");
	}
	if (PC_EDGE_COUNT(&c->art_by_instrument, i) == 0)
		pc_buf_puts(b, "<p class=\"note\">The profile quotes no article of it.</p>\n");
	PC_EDGE_EACH(&c->art_by_instrument, i, k)
	{
		uint32_t ai = c->art_by_instrument.items[k];
		const pc_article *a = &g->articles[ai];
		pc_buf_puts(b, "<section id=\"");
		text(b, a->n.id);
		pc_buf_puts(b, "\">\n<h3>Article ");
		text(b, a->number);
		if (a->heading) {
			pc_buf_puts(b, ": ");
			text(b, a->heading);
		}
		pc_buf_puts(b, "</h3>\n");
		if (a->text) {
			pc_buf_puts(b, "<p>");
			text(b, a->text);
			pc_buf_puts(b, "</p>\n");
		}
		write_penalties(c, d, ai);
		pc_buf_puts(b, "</section>\n");
	}
	pc_buf_puts(b, "</section>\n");
}

static void
write_laws(book_ctx *c, pc_epub_doc *d)
{
	const pc_graph *g = c->g;
	pc_buf *b = &d->xhtml;
	doc_begin(d, g, "chapter", NULL);
	if (g->law_intro) {
		pc_buf_puts(b, "<p>");
		text(b, g->law_intro);
		pc_buf_puts(b, "</p>\n");
	}
	if (g->n_thresholds > 0) {
		add_section(d, "s_ages", "Legal ages");
		pc_buf_puts(b, "<section id=\"s_ages\">\n<h2>Legal ages</h2>\n<table>\n"
			       "<caption>Ages the law sets</caption>\n<thead><tr><th scope=\"col\">Threshold</th>"
			       "<th scope=\"col\">Age</th></tr></thead>\n<tbody>\n");
		for (size_t i = 0; i < g->n_thresholds; i++) {
			const pc_threshold *t = &g->thresholds[i];
			pc_buf_puts(b, "<tr id=\"");
			text(b, t->n.id);
			pc_buf_puts(b, "\"><th scope=\"row\">");
			text(b, t->kind < PC_THR_COUNT ? pc_threshold_kind_label[t->kind] : "Age");
			pc_buf_printf(b, "</th><td>%d</td></tr>\n", t->age);
		}
		pc_buf_puts(b, "</tbody>\n</table>\n</section>\n");
	}
	if (g->n_instruments == 0)
		pc_buf_puts(b, "<p>The profile cites no legal instrument.</p>\n");
	for (size_t i = 0; i < g->n_instruments; i++) {
		add_section(d, g->instruments[i].n.id, g->instruments[i].title);
		write_instrument(c, d, (uint32_t)i);
	}
	doc_end(d);
}

/* ---- About this edition ------------------------------------------------- */

static void
write_about(book_ctx *c, pc_epub_doc *d)
{
	const pc_graph *g = c->g;
	pc_buf *b = &d->xhtml;
	const char *me = d->file;
	doc_begin(d, g, "chapter", NULL);

	/* The source's base name only: the path it was built from is the
	 * builder's business and would make two checkouts differ. */
	const char *src = g->source_path ? g->source_path : "";
	const char *slash = strrchr(src, '/');
	pc_buf_puts(b, "<p>This edition was compiled by profilec from the source <code>");
	text(b, slash ? slash + 1 : src);
	pc_buf_puts(b, "</code>");
	if (g->modified) {
		pc_buf_puts(b, ", edition of ");
		text(b, g->modified);
	}
	pc_buf_printf(b,
		      ", on %s. The same source always gives the same book.</p>\n<p>SHA-256 of the source: "
		      "<code class=\"digest\">%s</code></p>\n",
		      g->build_date, g->source_sha256);

	add_section(d, "s_counts", "The profile in numbers");
	pc_buf_puts(b, "<section id=\"s_counts\">\n<h2>The profile in numbers</h2>\n<table>\n"
		       "<caption>Entries of each kind</caption>\n<thead><tr><th scope=\"col\">Kind</th>"
		       "<th scope=\"col\">Count</th></tr></thead>\n<tbody>\n");
	for (int k = 0; k < PC_KIND_COUNT; k++)
		pc_buf_printf(b, "<tr><th scope=\"row\">%s</th><td>%zu</td></tr>\n", pc_kind_plural[k],
			      pc_graph_count(g, (pc_kind)k));
	pc_buf_puts(b, "</tbody>\n</table>\n</section>\n");

	add_section(d, "s_quality", "Data-quality notes");
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
			text(b, q->rule);
			pc_buf_puts(b, "</th><td>");
			if (pc_graph_node(g, q->subject) != NULL)
				link_label(b, c, me, q->subject);
			pc_buf_puts(b, "</td><td>");
			text(b, q->message);
			pc_buf_puts(b, "</td><td>");
			if (q->line)
				pc_buf_printf(b, "%u", q->line);
			pc_buf_puts(b, "</td></tr>\n");
		}
		pc_buf_puts(b, "</tbody>\n</table>\n");
	}
	pc_buf_puts(b, "</section>\n");
	doc_end(d);
}

/* ---- The book ----------------------------------------------------------- */

void
pc_epub_book_build(const pc_graph *g, pc_epub_book *book)
{
	static const struct {
		const char *id, *file, *title, *landmark, *properties;
		void (*write)(book_ctx *, pc_epub_doc *);
	} parts[PC_EPUB_NDOCS] = {
		[PC_EPUB_TITLE] = {"title", "title.xhtml", "Title page", "titlepage", NULL, write_title},
		[PC_EPUB_OVERVIEW] = {"overview", "overview.xhtml", "Overview", "bodymatter", NULL, write_overview},
		[PC_EPUB_TIMELINE] = {"timeline", "timeline.xhtml", "Timeline", NULL, "svg", write_timeline},
		[PC_EPUB_ORGANIZATIONS] = {"organizations", "organizations.xhtml", "Organizations A\xe2\x80\x93Z", NULL,
					   NULL, write_organizations},
		[PC_EPUB_BIBLIOGRAPHY] = {"bibliography", "bibliography.xhtml", "Research", "bibliography", NULL,
					  write_bibliography},
		[PC_EPUB_LAWS] = {"laws", "laws.xhtml", "Laws", NULL, NULL, write_laws},
		[PC_EPUB_ABOUT] = {"about", "about.xhtml", "About this edition", NULL, NULL, write_about},
	};
	book_ctx c;
	ctx_init(&c, g);
	memset(book, 0, sizeof *book);
	for (int i = 0; i < PC_EPUB_NDOCS; i++) {
		pc_epub_doc *d = &book->docs[i];
		d->id = parts[i].id;
		d->file = parts[i].file;
		d->title = parts[i].title;
		d->landmark = parts[i].landmark;
		d->properties = parts[i].properties;
		pc_buf_init(&d->xhtml);
		/* The timeline has no SVG without events, and the manifest must
		 * not claim one. */
		if (i == PC_EPUB_TIMELINE && g->n_events == 0)
			d->properties = NULL;
		parts[i].write(&c, d);
	}
	ctx_free(&c);
}

void
pc_epub_book_free(pc_epub_book *book)
{
	for (int i = 0; i < PC_EPUB_NDOCS; i++) {
		pc_epub_doc *d = &book->docs[i];
		pc_buf_free(&d->xhtml);
		for (size_t k = 0; k < d->n_sections; k++) {
			free(d->sections[k].anchor);
			free(d->sections[k].label);
		}
		free(d->sections);
	}
}
