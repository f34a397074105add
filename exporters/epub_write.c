/* The EPUB chapters' shared writer: edge indexes, escaped text, links between documents, sorting. */
#include <stdlib.h>
#include <string.h>

#include "../compiler/alloc.h"
#include "epub_write.h"

#include <unicode/uloc.h>

/* Anchors of our own contain '_', which a node id (lower case letters,
 * digits and '-') never does, so they cannot collide with one. */

/* ---- Edge indexes: every edge list grouped by one of its ends --------- */

/* The graph whose texts' languages pc_epub_bdi and pc_epub_dir look up:
 * a process writes one book at a time (--jobs forks workers). */
static const pc_graph *lang_graph;

void
pc_epub_ctx_init(pc_epub_ctx *c, const pc_graph *g)
{
	memset(c, 0, sizeof *c);
	c->g = g;
	lang_graph = g;
	pc_edge_index_group(&c->ea_by_event, g, PC_ROLES_BY_EVENT);
	pc_edge_index_group(&c->ea_by_actor, g, PC_ROLES_BY_ACTOR);
	pc_edge_index_group(&c->rel_by_from, g, PC_RELATIONS_BY_FROM);
	pc_edge_index_group(&c->rel_by_to, g, PC_RELATIONS_BY_TO);
	pc_edge_index_authors(&c->auth_by_pub, g); /* in position order */
	pc_edge_index_group(&c->auth_by_person, g, PC_AUTHORSHIPS_BY_PERSON);
	pc_edge_index_group(&c->auth_by_actor, g, PC_AUTHORSHIPS_BY_ACTOR);
	pc_edge_index_group(&c->cit_by_event, g, PC_CITATIONS_BY_EVENT);
	pc_edge_index_group(&c->cit_by_instrument, g, PC_CITATIONS_BY_INSTRUMENT);
	pc_edge_index_group(&c->cit_by_publication, g, PC_CITATIONS_BY_PUBLICATION);
	pc_edge_index_group(&c->pen_by_article, g, PC_PENALTIES_BY_ARTICLE);
	pc_edge_index_group(&c->art_by_instrument, g, PC_ARTICLES_BY_INSTRUMENT);
	pc_edge_index_group(&c->chg_by_penalty, g, PC_CHANGES_BY_PENALTY);
	pc_edge_index_group(&c->pub_by_publisher, g, PC_PUBLICATIONS_BY_PUBLISHER);
	pc_edge_index_group(&c->pub_by_edition_of, g, PC_PUBLICATIONS_BY_EDITION_OF);
	pc_edge_index_group(&c->instr_by_issuer, g, PC_INSTRUMENTS_BY_ISSUER);
	pc_edge_index_group(&c->pen_by_part, g, PC_PENALTIES_BY_PART);
	pc_edge_index_group(&c->pen_of_instrument, g, PC_PENALTIES_OF_INSTRUMENT);
	pc_edge_index_group(&c->part_by_instrument, g, PC_PARTS_BY_INSTRUMENT);
}

void
pc_epub_ctx_free(pc_epub_ctx *c)
{
	pc_edge_index *all[] = {
		&c->ea_by_event,       &c->ea_by_actor,        &c->rel_by_from,        &c->rel_by_to,
		&c->auth_by_pub,       &c->auth_by_person,     &c->auth_by_actor,      &c->cit_by_event,
		&c->cit_by_instrument, &c->cit_by_publication, &c->pen_by_article,     &c->art_by_instrument,
		&c->chg_by_penalty,    &c->pub_by_publisher,   &c->pub_by_edition_of,  &c->instr_by_issuer,
		&c->pen_by_part,       &c->pen_of_instrument,  &c->part_by_instrument,
	};
	for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
		pc_edge_index_free(all[i]);
}

/* ---- Small writers ------------------------------------------------------ */

/* Every text from the source goes through here. */
/* An inline name or title from the source, isolated so that a text of
 * the other direction does not reorder the punctuation and numbers
 * around it ("(2014)" after an Arabic title). */
/* The attributes of an element holding text s: its language and the
 * direction of its script (ICU) where the source states a language
 * (xml:lang, format 1.1), else the direction the reader works out. */
void
pc_epub_dir(pc_buf *b, const char *s)
{
	const char *lang = lang_graph && s ? pc_graph_text_lang(lang_graph, s) : NULL;
	if (lang == NULL) {
		pc_buf_puts(b, " dir=\"auto\"");
		return;
	}
	pc_buf_puts(b, " lang=\"");
	pc_buf_xml(b, lang);
	pc_buf_puts(b, "\" xml:lang=\"");
	pc_buf_xml(b, lang);
	pc_buf_puts(b, pc_lang_is_rtl(lang) ? "\" dir=\"rtl\"" : "\" dir=\"ltr\"");
}

void
pc_epub_bdi(pc_buf *b, const char *s)
{
	if (s == NULL)
		return;
	if (lang_graph && pc_graph_text_lang(lang_graph, s)) {
		pc_buf_puts(b, "<bdi");
		pc_epub_dir(b, s);
		pc_buf_puts(b, ">");
		pc_buf_xml(b, s);
		pc_buf_puts(b, "</bdi>");
		return;
	}
	pc_buf_puts(b, "<bdi>");
	pc_buf_xml(b, s);
	pc_buf_puts(b, "</bdi>");
}

void
pc_epub_text(pc_buf *b, const char *s)
{
	if (s != NULL)
		pc_buf_xml(b, s);
}

/* A schema keyword as words: "prohibition-of-rights" -> "Prohibition of rights". */
void
pc_epub_words(pc_buf *b, const char *keyword, int capital)
{
	/* Words a keyword holds that are written otherwise in prose. */
	static const char *const vocabulary[][2] = {
		{"ngo", "NGO"}, {"ict", "ICT"},   {"eu", "EU"}, {"un", "UN"},   {"it", "IT"},
		{"isp", "ISP"}, {"ngos", "NGOs"}, {"tv", "TV"}, {"sms", "SMS"}, {"csam", "CSAM"},
	};
	if (keyword == NULL)
		return;
	char *w = pc_strdup(keyword);
	for (char *p = w; *p; p++)
		if (*p == '-')
			*p = ' ';
	if (capital && w[0] >= 'a' && w[0] <= 'z')
		w[0] = (char)(w[0] - 'a' + 'A');
	for (char *p = w, *next; *p; p = next) {
		size_t n = strcspn(p, " ");
		next = p[n] ? p + n + 1 : p + n;
		const char *as = NULL;
		for (size_t k = 0; k < sizeof vocabulary / sizeof vocabulary[0] && as == NULL; k++)
			if (strlen(vocabulary[k][0]) == n && strncasecmp(p, vocabulary[k][0], n) == 0)
				as = vocabulary[k][1];
		if (as)
			pc_buf_puts(b, as);
		else {
			char *word = pc_strndup(p, n);
			pc_buf_xml(b, word);
			free(word);
		}
		if (p[n])
			pc_buf_putc(b, ' ');
	}
	free(w);
}

void
pc_epub_amount(pc_buf *b, const char *decimal, const char *unit)
{
	if (decimal == NULL)
		return;
	const char *p = decimal;
	if (*p == '-')
		pc_buf_putc(b, *p++);
	size_t digits = strspn(p, "0123456789");
	/* Thousands grouped from four digits on, as an English text writes
	 * them ("10,000"); the fraction as written. */
	for (size_t i = 0; i < digits; i++) {
		if (i > 0 && digits > 4 && (digits - i) % 3 == 0)
			pc_buf_putc(b, ',');
		pc_buf_putc(b, p[i]);
	}
	pc_buf_xml(b, p + digits);
	if (unit) {
		pc_buf_puts(b, "\xc2\xa0"); /* no break between a number and its unit */
		/* "1 year", not "1 years": the schema's time units are plurals. */
		static const char *const plurals[] = {"years", "months", "weeks", "days", "hours", "day-units"};
		size_t n = strlen(unit);
		int one = strcmp(decimal, "1") == 0;
		for (size_t i = 0; one && i < sizeof plurals / sizeof plurals[0]; i++)
			if (strcmp(unit, plurals[i]) == 0)
				n--;
		char *u = pc_strndup(unit, n);
		pc_buf_xml(b, u);
		free(u);
	}
}

/* The start of a long text for a link label: cut at a space, so never
 * inside a UTF-8 sequence. */
void
pc_epub_excerpt(pc_buf *b, const char *s, size_t max)
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

void
pc_epub_add_section(pc_epub_doc *doc, const char *anchor, const char *label)
{
	pc_epub_section *s = pc_grow((void **)&doc->sections, &doc->n_sections, &doc->cap_sections, sizeof *s);
	s->anchor = pc_strdup(anchor);
	s->label = pc_strdup(label);
}

const char *
pc_epub_file_of(pc_kind kind)
{
	switch (kind) {
	case PC_COUNTRY: return "title.xhtml";
	case PC_INDICATOR:
	case PC_PROVIDER: return "overview.xhtml";
	case PC_EVENT: return "timeline.xhtml";
	case PC_ACTOR: return "organizations.xhtml";
	case PC_PERSON:
	case PC_PUBLICATION: return "bibliography.xhtml";
	case PC_INSTRUMENT:
	case PC_ARTICLE:
	case PC_PART:
	case PC_PENALTY:
	case PC_THRESHOLD: return "laws.xhtml";
	case PC_KIND_COUNT: break;
	}
	return "about.xhtml";
}

/* <a href="..."> to a node's anchor, from the document `from`. */
void
pc_epub_link_open(pc_buf *b, const pc_graph *g, const char *from, pc_ref r)
{
	const pc_node *n = pc_graph_node(g, r);
	const char *file = pc_epub_file_of(r.kind);
	pc_buf_puts(b, "<a href=\"");
	if (strcmp(file, from) != 0)
		pc_buf_puts(b, file);
	pc_buf_putc(b, '#');
	pc_epub_text(b, n ? n->id : "");
	pc_buf_puts(b, "\">");
}

/* An organization's name as a reader sees it: its name, else its acronym,
 * else what it is ("unnamed website"). */
void
pc_epub_actor_name(pc_buf *b, const pc_actor *a)
{
	if (a->name) {
		pc_epub_bdi(b, a->name);
	} else if (a->acronym) {
		pc_epub_bdi(b, a->acronym);
	} else {
		pc_buf_puts(b, "Unnamed ");
		pc_epub_words(b, a->kind ? a->kind : "organization", 0);
	}
}

void
pc_epub_link_actor(pc_buf *b, const pc_epub_ctx *c, const char *from, uint32_t i)
{
	pc_epub_link_open(b, c->g, from, (pc_ref){PC_ACTOR, i});
	pc_epub_actor_name(b, &c->g->actors[i]);
	pc_buf_puts(b, "</a>");
}

void
pc_epub_link_label(pc_buf *b, const pc_epub_ctx *c, const char *from, pc_ref r)
{
	if (r.kind == PC_ACTOR) {
		pc_epub_link_actor(b, c, from, r.index);
		return;
	}
	pc_epub_link_open(b, c->g, from, r);
	pc_buf_puts(b, "<bdi>");
	if (r.kind == PC_EVENT)
		pc_epub_excerpt(b, pc_graph_label(c->g, r), 90);
	else
		pc_epub_text(b, pc_graph_label(c->g, r));
	pc_buf_puts(b, "</bdi></a>");
}

/* A range in one unit: "1 to 5 years", "up to 50,000 RON", "at least 2
 * years"; an open bound is said so, never shown as 0. Nothing when both
 * bounds are open. */
static int
range_words(pc_buf *b, const char *min, const char *max, const char *unit)
{
	if (min && max) {
		pc_epub_amount(b, min, NULL);
		pc_buf_puts(b, " to ");
		pc_epub_amount(b, max, unit);
	} else if (min) {
		pc_buf_puts(b, "at least ");
		pc_epub_amount(b, min, unit);
	} else if (max) {
		pc_buf_puts(b, "up to ");
		pc_epub_amount(b, max, unit);
	}
	return min || max;
}

void
pc_epub_penalty_bounds(pc_buf *b, const pc_penalty *p)
{
	if (p->kind == PC_PEN_LIFE) {
		pc_buf_puts(b, "for life");
		return;
	}
	int money = p->kind == PC_PEN_FINE || p->kind == PC_PEN_DAY_FINE || p->unit_is_currency;
	if (!range_words(b, p->min, p->max, p->unit))
		pc_buf_puts(b, money ? "amount not stated" : "term not stated");
	if (p->base) {
		pc_buf_puts(b, " of <bdi>");
		pc_epub_text(b, p->base);
		pc_buf_puts(b, "</bdi>");
	}
	if (p->daily_currency) {
		pc_buf_puts(b, ", ");
		if (range_words(b, p->daily_min, p->daily_max, p->daily_currency)) {
			pc_buf_puts(b, " per day-unit");
		} else {
			pc_buf_puts(b, "an amount in ");
			pc_epub_text(b, p->daily_currency);
			pc_buf_puts(b, " per day-unit not stated");
		}
	}
}

/* "imprisonment, 2 to 8 years": a penalty in words, for links. */
void
pc_epub_penalty_words(pc_buf *b, const pc_penalty *p)
{
	pc_epub_text(b, p->kind < PC_PEN_COUNT ? pc_penalty_kind_label[p->kind] : "penalty");
	if (p->min || p->max) {
		pc_buf_puts(b, ", ");
		range_words(b, p->min, p->max, p->unit);
	}
}

void
pc_epub_link_penalty(pc_buf *b, const pc_epub_ctx *c, const char *from, uint32_t i)
{
	pc_epub_link_open(b, c->g, from, (pc_ref){PC_PENALTY, i});
	pc_epub_penalty_words(b, &c->g->penalties[i]);
	pc_buf_puts(b, "</a>");
}

const char *
pc_epub_lang_of(const pc_graph *g)
{
	return g->lang && *g->lang ? g->lang : "en";
}

void
pc_epub_xhtml_begin(pc_buf *b, const pc_graph *g, const char *title)
{
	pc_buf_puts(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n"
		       "<html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:epub=\"http://www.idpf.org/2007/ops\" "
		       "xml:lang=\"");
	pc_epub_text(b, pc_epub_lang_of(g));
	pc_buf_puts(b, "\" lang=\"");
	pc_epub_text(b, pc_epub_lang_of(g));
	/* The source's declared language sets the book's base direction
	 * (ar, he, fa, ...: ICU knows which scripts run right to left). */
	if (uloc_isRightToLeft(pc_epub_lang_of(g)))
		pc_buf_puts(b, "\" dir=\"rtl");
	pc_buf_puts(b, "\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>");
	pc_epub_text(b, title);
	pc_buf_puts(b, "</title>\n<link rel=\"stylesheet\" type=\"text/css\" href=\"style.css\"/>\n</head>\n<body>\n");
}

void
pc_epub_xhtml_end(pc_buf *b)
{
	pc_buf_puts(b, "</body>\n</html>\n");
}

void
pc_epub_doc_begin(pc_epub_doc *doc, const pc_graph *g, const char *epub_type)
{
	pc_epub_xhtml_begin(&doc->xhtml, g, doc->title);
	/* Every epub:type with its DPUB-ARIA role, which is what assistive
	 * technology reads (Ace's epub-type-has-matching-role). */
	pc_buf_printf(&doc->xhtml, "<section epub:type=\"%s\" role=\"doc-%s\">\n<h1>", epub_type, epub_type);
	pc_epub_text(&doc->xhtml, doc->title);
	pc_buf_puts(&doc->xhtml, "</h1>\n");
}

void
pc_epub_doc_end(pc_epub_doc *doc)
{
	pc_buf_puts(&doc->xhtml, "</section>\n");
	pc_epub_xhtml_end(&doc->xhtml);
}

/* ---- Sorting ------------------------------------------------------------ */

int
pc_epub_by_year_up(const void *a, const void *b)
{
	const pc_epub_order *x = a, *y = b;
	if (x->year != y->year)
		return x->year < y->year ? -1 : 1;
	return x->index < y->index ? -1 : x->index > y->index;
}

/* Newest first, the undated last. */
int
pc_epub_by_year_down(const void *a, const void *b)
{
	const pc_epub_order *x = a, *y = b;
	if (x->year != y->year) {
		if (x->year == PC_NONE || y->year == PC_NONE)
			return x->year == PC_NONE ? 1 : -1;
		return x->year > y->year ? -1 : 1;
	}
	return x->index < y->index ? -1 : x->index > y->index;
}

int
pc_epub_by_key(const void *a, const void *b)
{
	const pc_epub_order *x = a, *y = b;
	int c = strcmp(x->key, y->key);
	if (c != 0)
		return c;
	return x->index < y->index ? -1 : x->index > y->index;
}
