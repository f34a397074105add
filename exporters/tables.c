/* The tabular view of the graph: one table per node kind and per edge kind, shared by the CSV, datapackage.json and the
 * workbook. */
#include <string.h>

#include "tables.h"

#define NCOLS(a) (sizeof(a) / sizeof((a)[0]))

/* ---- Cells ------------------------------------------------------------ */

static void
blank(pc_cell *cells, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		memset(&cells[i], 0, sizeof cells[i]);
		cells[i].link.kind = PC_KIND_COUNT;
	}
}

static void
c_str(pc_cell *c, const char *s)
{
	c->present = s != NULL;
	c->str = s;
}

static void
c_int(pc_cell *c, long long v, int present)
{
	c->present = present;
	c->num = (double)v;
}

static void
c_num(pc_cell *c, double v, int present)
{
	c->present = present;
	c->num = v;
}

/* Years and optional integers use PC_NONE (0) for "absent". */
static void
c_opt_int(pc_cell *c, int v)
{
	c_int(c, v, v != PC_NONE);
}

/* -1 unknown, 0 no, 1 yes. */
static void
c_bool(pc_cell *c, int v)
{
	c_num(c, v > 0, v >= 0);
}

static void
c_line(pc_cell *c, unsigned line)
{
	c_int(c, line, line != 0);
}

/* A reference: the target's id as text, and the target as a link. A
 * negative or out-of-range index is a missing value. */
static void
c_ref(pc_cell *c, const pc_graph *g, pc_kind kind, long long index)
{
	if (index < 0 || (size_t)index >= pc_graph_count(g, kind))
		return;
	pc_ref r = {kind, (uint32_t)index};
	c->present = 1;
	c->str = pc_graph_node(g, r)->id;
	c->link = r;
}

/* ---- Rows of flattened lists ------------------------------------------- */

/* Tables whose rows are the elements of a list held by each parent node
 * (an actor's aliases, an indicator's sources) address row r through a
 * cursor, so that walking the rows in order costs O(1) per row instead of
 * a rescan from the first parent. Row 0 always restarts the walk, so a
 * cursor left over from another graph is never trusted by an in-order walk. */
typedef struct {
	const pc_graph *g;
	const void *parents; /* the parent array walked, to tell graphs apart */
	size_t parent;       /* the parent the last row fell in */
	size_t base;         /* the row number of that parent's first element */
} flat_cursor;

typedef size_t (*flat_count_fn)(const pc_graph *g, size_t parent);

/* Find the parent and the element index of flattened row r. */
static int
flat_locate(flat_cursor *cur, const pc_graph *g, const void *parents, size_t n_parents, flat_count_fn count, size_t r,
	    size_t *parent, size_t *k)
{
	size_t p = 0, base = 0;
	if (r != 0 && cur->g == g && cur->parents == parents && r >= cur->base && cur->parent < n_parents) {
		p = cur->parent;
		base = cur->base;
	}
	for (; p < n_parents; p++) {
		size_t n = count(g, p);
		if (r < base + n) {
			cur->g = g;
			cur->parents = parents;
			cur->parent = p;
			cur->base = base;
			*parent = p;
			*k = r - base;
			return 1;
		}
		base += n;
	}
	return 0;
}

static size_t
flat_total(const pc_graph *g, size_t n_parents, flat_count_fn count)
{
	size_t n = 0;
	for (size_t p = 0; p < n_parents; p++)
		n += count(g, p);
	return n;
}

/* ---- countries ---------------------------------------------------------- */

static const pc_column country_cols[] = {
	{"id", PC_COL_STRING, "Identifier: the ISO 3166-1 alpha-2 code in lower case", NULL, 0},
	{"code", PC_COL_STRING, "ISO 3166-1 alpha-2 code", NULL, 0},
	{"name", PC_COL_STRING, "Name of the country", NULL, 0},
	{"line", PC_COL_INTEGER, "Line of the source file that states it", NULL, 0},
};

static size_t
country_n(const pc_graph *g)
{
	return g->n_countries;
}

static void
country_row(const pc_graph *g, size_t r, pc_cell *c)
{
	const pc_country *x = &g->countries[r];
	blank(c, NCOLS(country_cols));
	c_str(&c[0], x->n.id);
	c_str(&c[1], x->code);
	c_str(&c[2], x->name);
	c_line(&c[3], x->n.line);
}

/* ---- indicators ---------------------------------------------------------- */

static const pc_column indicator_cols[] = {
	{"id", PC_COL_STRING, "Identifier of the indicator", NULL, 0},
	{"label", PC_COL_STRING, "What the indicator measures", NULL, 1},
	{"value", PC_COL_NUMBER, "The value; empty when the profile gives none", NULL, 0},
	{"value_text", PC_COL_STRING, "The value as the profile writes it", NULL, 0},
	{"unit", PC_COL_STRING, "Unit of the value", NULL, 0},
	{"year", PC_COL_INTEGER, "Year the value refers to", NULL, 0},
	{"line", PC_COL_INTEGER, "Line of the source file that states it", NULL, 0},
};

static size_t
indicator_n(const pc_graph *g)
{
	return g->n_indicators;
}

static void
indicator_row(const pc_graph *g, size_t r, pc_cell *c)
{
	const pc_indicator *x = &g->indicators[r];
	blank(c, NCOLS(indicator_cols));
	c_str(&c[0], x->n.id);
	c_str(&c[1], x->label);
	c_num(&c[2], x->value, x->has_value);
	c_str(&c[3], x->value_text);
	c_str(&c[4], x->unit);
	c_opt_int(&c[5], x->year);
	c_line(&c[6], x->n.line);
}

/* ---- sources -------------------------------------------------------------- */

static const pc_column source_cols[] = {
	{"id", PC_COL_STRING, "Identifier of the statistics source", NULL, 0},
	{"name", PC_COL_STRING, "Name of the provider of statistics", NULL, 0},
	{"line", PC_COL_INTEGER, "Line of the source file that states it", NULL, 0},
};

static size_t
source_n(const pc_graph *g)
{
	return g->n_providers;
}

static void
source_row(const pc_graph *g, size_t r, pc_cell *c)
{
	const pc_provider *x = &g->providers[r];
	blank(c, NCOLS(source_cols));
	c_str(&c[0], x->n.id);
	c_str(&c[1], x->name);
	c_line(&c[2], x->n.line);
}

/* ---- events --------------------------------------------------------------- */

static const pc_column event_cols[] = {
	{"id", PC_COL_STRING, "Identifier of the event", NULL, 0},
	{"year", PC_COL_INTEGER, "Year the event happened or began", NULL, 0},
	{"end_year", PC_COL_INTEGER, "Last year of an event that spans years", NULL, 0},
	{"theme", PC_COL_STRING, "Timeline it belongs to (education-ict or child-protection unless the profile declares its own)", "themes", 0},
	{"text", PC_COL_STRING, "What happened, as the profile tells it", NULL, 1},
	{"line", PC_COL_INTEGER, "Line of the source file that states it", NULL, 0},
};

static size_t
event_n(const pc_graph *g)
{
	return g->n_events;
}

static void
event_row(const pc_graph *g, size_t r, pc_cell *c)
{
	const pc_event *x = &g->events[r];
	blank(c, NCOLS(event_cols));
	c_str(&c[0], x->n.id);
	c_opt_int(&c[1], x->year);
	c_opt_int(&c[2], x->end_year);
	c_str(&c[3], x->theme < g->n_themes ? g->themes[x->theme].n.id : NULL);
	c_str(&c[4], x->text);
	c_line(&c[5], x->n.line);
}

/* ---- actors --------------------------------------------------------------- */

static const pc_column actor_cols[] = {
	{"id", PC_COL_STRING, "Identifier of the organization", NULL, 0},
	{"kind", PC_COL_STRING, "Kind of organization: ngo, government-body, ...", NULL, 0},
	{"name", PC_COL_STRING, "Name; empty when the profile does not give it", NULL, 0},
	{"acronym", PC_COL_STRING, "Acronym", NULL, 0},
	{"description", PC_COL_STRING, "What the profile says of it", NULL, 1},
	{"founded", PC_COL_INTEGER, "Year it was founded", NULL, 0},
	{"directory", PC_COL_BOOLEAN, "Listed in the profile's directory of organizations", NULL, 0},
	{"line", PC_COL_INTEGER, "Line of the source file that states it", NULL, 0},
};

static size_t
actor_n(const pc_graph *g)
{
	return g->n_actors;
}

static void
actor_row(const pc_graph *g, size_t r, pc_cell *c)
{
	const pc_actor *x = &g->actors[r];
	blank(c, NCOLS(actor_cols));
	c_str(&c[0], x->n.id);
	c_str(&c[1], x->kind);
	c_str(&c[2], x->name);
	c_str(&c[3], x->acronym);
	c_str(&c[4], x->description);
	c_opt_int(&c[5], x->founded);
	c_bool(&c[6], x->directory != 0);
	c_line(&c[7], x->n.line);
}

/* ---- people ---------------------------------------------------------------- */

static const pc_column person_cols[] = {
	{"id", PC_COL_STRING, "Identifier of the person", NULL, 0},
	{"display_name", PC_COL_STRING, "Name as a reader reads it", NULL, 0},
	{"family_name", PC_COL_STRING, "Family name, the fullest spelling cited", NULL, 0},
	{"given_name", PC_COL_STRING, "Given name or initials, the fullest cited", NULL, 0},
	{"sort_key", PC_COL_STRING, "Folded name the rows are sorted by", NULL, 0},
	{"line", PC_COL_INTEGER, "Line of the source file that first cites the person", NULL, 0},
};

static size_t
person_n(const pc_graph *g)
{
	return g->n_persons;
}

static void
person_row(const pc_graph *g, size_t r, pc_cell *c)
{
	const pc_person *x = &g->persons[r];
	blank(c, NCOLS(person_cols));
	c_str(&c[0], x->n.id);
	c_str(&c[1], x->display);
	c_str(&c[2], x->family);
	c_str(&c[3], x->given);
	c_str(&c[4], x->sort_key);
	c_line(&c[5], x->n.line);
}

/* ---- publications ----------------------------------------------------------- */

static const pc_column publication_cols[] = {
	{"id", PC_COL_STRING, "Identifier of the publication", NULL, 0},
	{"title", PC_COL_STRING, "Title", NULL, 1},
	{"subtitle", PC_COL_STRING, "Subtitle", NULL, 1},
	{"year", PC_COL_INTEGER, "Year of publication", NULL, 0},
	{"kind", PC_COL_STRING, "Kind of publication: report, article, ...", NULL, 0},
	{"publisher_id", PC_COL_STRING, "Organization that published it", "actors", 0},
	{"edition_of_id", PC_COL_STRING, "Publication this one is an edition of", "publications", 0},
	{"description", PC_COL_STRING, "What the profile says of it", NULL, 1},
	{"line", PC_COL_INTEGER, "Line of the source file that states it", NULL, 0},
};

static size_t
publication_n(const pc_graph *g)
{
	return g->n_publications;
}

static void
publication_row(const pc_graph *g, size_t r, pc_cell *c)
{
	const pc_publication *x = &g->publications[r];
	blank(c, NCOLS(publication_cols));
	c_str(&c[0], x->n.id);
	c_str(&c[1], x->title);
	c_str(&c[2], x->subtitle);
	c_opt_int(&c[3], x->year);
	c_str(&c[4], x->kind);
	c_ref(&c[5], g, PC_ACTOR, x->publisher);
	c_ref(&c[6], g, PC_PUBLICATION, x->edition_of);
	c_str(&c[7], x->description);
	c_line(&c[8], x->n.line);
}

/* ---- instruments ---------------------------------------------------------- */

static const pc_column instrument_cols[] = {
	{"id", PC_COL_STRING, "Identifier of the legal instrument", NULL, 0},
	{"type", PC_COL_STRING, "law, code or convention", NULL, 0},
	{"number", PC_COL_STRING, "Official number, as 196/2003", NULL, 0},
	{"year", PC_COL_INTEGER, "Year of adoption", NULL, 0},
	{"title", PC_COL_STRING, "Title", NULL, 1},
	{"status", PC_COL_STRING, "Treaty status as the profile writes it", NULL, 0},
	{"signed", PC_COL_BOOLEAN, "Signed by the country; empty when unknown", NULL, 0},
	{"ratified", PC_COL_BOOLEAN, "Ratified by the country; empty when unknown", NULL, 0},
	{"in_force", PC_COL_BOOLEAN, "In force in the country; empty when unknown", NULL, 0},
	{"status_date", PC_COL_STRING, "Year and month of the status, as 2001-11", NULL, 0},
	{"issuer_id", PC_COL_STRING, "Organization that issued it", "actors", 0},
	{"line", PC_COL_INTEGER, "Line of the source file that states it", NULL, 0},
};

static size_t
instrument_n(const pc_graph *g)
{
	return g->n_instruments;
}

static void
instrument_row(const pc_graph *g, size_t r, pc_cell *c)
{
	const pc_instrument *x = &g->instruments[r];
	blank(c, NCOLS(instrument_cols));
	c_str(&c[0], x->n.id);
	c_str(&c[1], x->type < PC_INSTR_COUNT ? pc_instrument_type_name[x->type] : NULL);
	c_str(&c[2], x->number);
	c_opt_int(&c[3], x->year);
	c_str(&c[4], x->title);
	c_str(&c[5], x->status);
	c_bool(&c[6], x->signed_);
	c_bool(&c[7], x->ratified);
	c_bool(&c[8], x->in_force);
	c_str(&c[9], x->status_date);
	c_ref(&c[10], g, PC_ACTOR, x->issuer);
	c_line(&c[11], x->n.line);
}

/* ---- articles ----------------------------------------------------------------- */

static const pc_column article_cols[] = {
	{"id", PC_COL_STRING, "Identifier of the article", NULL, 0},
	{"instrument_id", PC_COL_STRING, "Legal instrument the article belongs to", "instruments", 0},
	{"number", PC_COL_STRING, "Article number, as 211", NULL, 0},
	{"heading", PC_COL_STRING, "Heading of the article", NULL, 0},
	{"text", PC_COL_STRING, "Text of the article as the profile gives it", NULL, 1},
	{"line", PC_COL_INTEGER, "Line of the source file that states it", NULL, 0},
};

static size_t
article_n(const pc_graph *g)
{
	return g->n_articles;
}

static void
article_row(const pc_graph *g, size_t r, pc_cell *c)
{
	const pc_article *x = &g->articles[r];
	blank(c, NCOLS(article_cols));
	c_str(&c[0], x->n.id);
	c_ref(&c[1], g, PC_INSTRUMENT, x->instrument);
	c_str(&c[2], x->number);
	c_str(&c[3], x->heading);
	c_str(&c[4], x->text);
	c_line(&c[5], x->n.line);
}

/* ---- penalties ----------------------------------------------------------------- */

static const pc_column penalty_cols[] = {
	{"id", PC_COL_STRING, "Identifier of the penalty", NULL, 0},
	{"article_id", PC_COL_STRING, "Article that sets the penalty", "articles", 0},
	{"kind", PC_COL_STRING, "imprisonment, fine or prohibition-of-rights", NULL, 0},
	{"min_value", PC_COL_NUMBER, "Lower bound, in unit", NULL, 0},
	{"max_value", PC_COL_NUMBER, "Upper bound, in unit", NULL, 0},
	{"unit", PC_COL_STRING, "Unit of the bounds: months, years, or a currency code as RON", NULL, 0},
	{"unit_is_currency", PC_COL_BOOLEAN, "The unit is a currency (the penalty is an amount of money)", NULL, 0},
	{"offence", PC_COL_STRING, "Offence the penalty punishes", NULL, 1},
	{"condition", PC_COL_STRING, "Condition under which it applies; empty for the basic offence", NULL, 1},
	{"alternative_to_id", PC_COL_STRING, "Penalty this one is an alternative to (or ...)", "penalties", 0},
	{"in_addition_to_id", PC_COL_STRING, "Penalty this one is applied in addition to", "penalties", 0},
	{"line", PC_COL_INTEGER, "Line of the source file that states it", NULL, 0},
};

static size_t
penalty_n(const pc_graph *g)
{
	return g->n_penalties;
}

static void
penalty_row(const pc_graph *g, size_t r, pc_cell *c)
{
	const pc_penalty *x = &g->penalties[r];
	blank(c, NCOLS(penalty_cols));
	c_str(&c[0], x->n.id);
	c_ref(&c[1], g, PC_ARTICLE, x->article);
	c_str(&c[2], x->kind < PC_PEN_COUNT ? pc_penalty_kind_name[x->kind] : NULL);
	c_num(&c[3], x->min, x->has_min);
	c_num(&c[4], x->max, x->has_max);
	c_str(&c[5], x->unit);
	if (x->unit != NULL)
		c_bool(&c[6], x->unit_is_currency != 0);
	c_str(&c[7], x->offence);
	c_str(&c[8], x->condition);
	c_ref(&c[9], g, PC_PENALTY, x->alternative_to);
	c_ref(&c[10], g, PC_PENALTY, x->in_addition_to);
	c_line(&c[11], x->n.line);
}

/* ---- thresholds ---------------------------------------------------------------- */

static const pc_column threshold_cols[] = {
	{"id", PC_COL_STRING, "Identifier of the legal threshold", NULL, 0},
	{"kind", PC_COL_STRING, "age-of-consent, age-of-majority or marriage-age", NULL, 0},
	{"age", PC_COL_INTEGER, "Age in years", NULL, 0},
	{"line", PC_COL_INTEGER, "Line of the source file that states it", NULL, 0},
};

static size_t
threshold_n(const pc_graph *g)
{
	return g->n_thresholds;
}

static void
threshold_row(const pc_graph *g, size_t r, pc_cell *c)
{
	const pc_threshold *x = &g->thresholds[r];
	blank(c, NCOLS(threshold_cols));
	c_str(&c[0], x->n.id);
	c_str(&c[1], x->kind < PC_THR_COUNT ? pc_threshold_kind_name[x->kind] : NULL);
	c_int(&c[2], x->age, 1);
	c_line(&c[3], x->n.line);
}

/* ---- event_actors ------------------------------------------------------------- */

static const pc_column event_actor_cols[] = {
	{"event_id", PC_COL_STRING, "Event", "events", 0},
	{"actor_id", PC_COL_STRING, "Organization involved in it", "actors", 0},
	{"role", PC_COL_STRING, "Role: organizer, funder, partner, participant, signatory, ...", NULL, 0},
	{"line", PC_COL_INTEGER, "Line of the source file that states it", NULL, 0},
};

static size_t
event_actor_n(const pc_graph *g)
{
	return g->n_event_actors;
}

static void
event_actor_row(const pc_graph *g, size_t r, pc_cell *c)
{
	const pc_event_actor *x = &g->event_actors[r];
	blank(c, NCOLS(event_actor_cols));
	c_ref(&c[0], g, PC_EVENT, x->event);
	c_ref(&c[1], g, PC_ACTOR, x->actor);
	c_str(&c[2], x->role < PC_ROLE_COUNT ? pc_role_name[x->role] : NULL);
	c_line(&c[3], x->line);
}

/* ---- actor_relations ------------------------------------------------------------ */

static const pc_column actor_relation_cols[] = {
	{"actor_id", PC_COL_STRING, "Organization the relation starts from", "actors", 0},
	{"relation", PC_COL_STRING, "part-of, member-of, operated-by, partner-of, founded-by or funded-by", NULL, 0},
	{"related_actor_id", PC_COL_STRING, "Organization it is related to", "actors", 0},
	{"line", PC_COL_INTEGER, "Line of the source file that states it", NULL, 0},
};

static size_t
actor_relation_n(const pc_graph *g)
{
	return g->n_actor_relations;
}

static void
actor_relation_row(const pc_graph *g, size_t r, pc_cell *c)
{
	const pc_actor_relation *x = &g->actor_relations[r];
	blank(c, NCOLS(actor_relation_cols));
	c_ref(&c[0], g, PC_ACTOR, x->from);
	c_str(&c[1], x->type < PC_REL_COUNT ? pc_relation_name[x->type] : NULL);
	c_ref(&c[2], g, PC_ACTOR, x->to);
	c_line(&c[3], x->line);
}

/* ---- authorships ------------------------------------------------------------------ */

static const pc_column authorship_cols[] = {
	{"publication_id", PC_COL_STRING, "Publication", "publications", 0},
	{"position", PC_COL_INTEGER, "Place in the list of authors, from 1", NULL, 0},
	{"person_id", PC_COL_STRING, "Author, when a person", "people", 0},
	{"actor_id", PC_COL_STRING, "Author, when an organization", "actors", 0},
	{"as_written", PC_COL_STRING, "The author as the citation spells it", NULL, 0},
	{"line", PC_COL_INTEGER, "Line of the source file that states it", NULL, 0},
};

static size_t
authorship_n(const pc_graph *g)
{
	return g->n_authorships;
}

static void
authorship_row(const pc_graph *g, size_t r, pc_cell *c)
{
	const pc_authorship *x = &g->authorships[r];
	blank(c, NCOLS(authorship_cols));
	c_ref(&c[0], g, PC_PUBLICATION, x->publication);
	c_int(&c[1], x->position, 1);
	if (x->author.kind == PC_PERSON)
		c_ref(&c[2], g, PC_PERSON, x->author.index);
	else if (x->author.kind == PC_ACTOR)
		c_ref(&c[3], g, PC_ACTOR, x->author.index);
	c_str(&c[4], x->as_written);
	c_line(&c[5], x->line);
}

/* ---- event_citations --------------------------------------------------------------- */

/* The target is an instrument or a publication: one typed column each, so
 * that each has a foreign key, and cited_id for a key that is never empty. */
static const pc_column event_citation_cols[] = {
	{"event_id", PC_COL_STRING, "Event", "events", 0},
	{"cited_id", PC_COL_STRING, "Instrument or publication the event's text ties it to", NULL, 0},
	{"instrument_id", PC_COL_STRING, "Legal instrument cited, when it is one", "instruments", 0},
	{"publication_id", PC_COL_STRING, "Publication cited, when it is one", "publications", 0},
	{"line", PC_COL_INTEGER, "Line of the source file that states it", NULL, 0},
};

static size_t
event_citation_n(const pc_graph *g)
{
	return g->n_event_citations;
}

static void
event_citation_row(const pc_graph *g, size_t r, pc_cell *c)
{
	const pc_event_citation *x = &g->event_citations[r];
	blank(c, NCOLS(event_citation_cols));
	c_ref(&c[0], g, PC_EVENT, x->event);
	if (x->target.kind == PC_INSTRUMENT)
		c_ref(&c[2], g, PC_INSTRUMENT, x->target.index);
	else if (x->target.kind == PC_PUBLICATION)
		c_ref(&c[3], g, PC_PUBLICATION, x->target.index);
	const pc_node *n = pc_graph_node(g, x->target);
	if (n != NULL) {
		c_str(&c[1], n->id);
		c[1].link = x->target;
	}
	c_line(&c[4], x->line);
}

/* ---- penalty_changes ----------------------------------------------------------------- */

static const pc_column penalty_change_cols[] = {
	{"penalty_id", PC_COL_STRING, "Penalty stated as a change of another", "penalties", 0},
	{"base_penalty_id", PC_COL_STRING, "Penalty whose bounds are changed", "penalties", 0},
	{"factor", PC_COL_NUMBER, "Factor the base bounds are multiplied by (1.5: increased by half)", NULL, 0},
	{"line", PC_COL_INTEGER, "Line of the source file that states it", NULL, 0},
};

static size_t
penalty_change_n(const pc_graph *g)
{
	return g->n_penalty_changes;
}

static void
penalty_change_row(const pc_graph *g, size_t r, pc_cell *c)
{
	const pc_penalty_change *x = &g->penalty_changes[r];
	blank(c, NCOLS(penalty_change_cols));
	c_ref(&c[0], g, PC_PENALTY, x->penalty);
	c_ref(&c[1], g, PC_PENALTY, x->of);
	c_num(&c[2], x->factor, 1);
	c_line(&c[3], x->line);
}

/* ---- indicator_sources ---------------------------------------------------------------- */

static const pc_column indicator_source_cols[] = {
	{"indicator_id", PC_COL_STRING, "Indicator", "indicators", 0},
	{"source_id", PC_COL_STRING, "Source of its statistics", "sources", 0},
	{"position", PC_COL_INTEGER, "Place in the indicator's list of sources, from 1", NULL, 0},
};

static size_t
indicator_source_count(const pc_graph *g, size_t parent)
{
	return g->indicators[parent].n_providers;
}

static size_t
indicator_source_n(const pc_graph *g)
{
	return flat_total(g, g->n_indicators, indicator_source_count);
}

static void
indicator_source_row(const pc_graph *g, size_t r, pc_cell *c)
{
	static flat_cursor cur;
	size_t p, k;
	blank(c, NCOLS(indicator_source_cols));
	if (!flat_locate(&cur, g, g->indicators, g->n_indicators, indicator_source_count, r, &p, &k))
		return;
	c_ref(&c[0], g, PC_INDICATOR, (long long)p);
	c_ref(&c[1], g, PC_PROVIDER, g->indicators[p].providers[k]);
	c_int(&c[2], (long long)k + 1, 1);
}

/* ---- actor_aliases ---------------------------------------------------------------------- */

static const pc_column actor_alias_cols[] = {
	{"actor_id", PC_COL_STRING, "Organization", "actors", 0},
	{"position", PC_COL_INTEGER, "Place in the organization's list of aliases, from 1", NULL, 0},
	{"alias", PC_COL_STRING, "Another name the organization is known by", NULL, 0},
};

static size_t
actor_alias_count(const pc_graph *g, size_t parent)
{
	return g->actors[parent].n_aliases;
}

static size_t
actor_alias_n(const pc_graph *g)
{
	return flat_total(g, g->n_actors, actor_alias_count);
}

static void
actor_alias_row(const pc_graph *g, size_t r, pc_cell *c)
{
	static flat_cursor cur;
	size_t p, k;
	blank(c, NCOLS(actor_alias_cols));
	if (!flat_locate(&cur, g, g->actors, g->n_actors, actor_alias_count, r, &p, &k))
		return;
	c_ref(&c[0], g, PC_ACTOR, (long long)p);
	c_int(&c[1], (long long)k + 1, 1);
	c_str(&c[2], g->actors[p].aliases[k]);
}

/* ---- publication_duplicates ------------------------------------------------------------- */

static const pc_column publication_duplicate_cols[] = {
	{"duplicate_id", PC_COL_STRING, "Identifier of a bibliography entry that repeats a publication", NULL, 0},
	{"publication_id", PC_COL_STRING, "Publication it was merged into", "publications", 0},
	{"line", PC_COL_INTEGER, "Line of the source file that states the repeated entry", NULL, 0},
};

static size_t
publication_duplicate_count(const pc_graph *g, size_t parent)
{
	return g->publications[parent].n_merged;
}

static size_t
publication_duplicate_n(const pc_graph *g)
{
	return flat_total(g, g->n_publications, publication_duplicate_count);
}

static void
publication_duplicate_row(const pc_graph *g, size_t r, pc_cell *c)
{
	static flat_cursor cur;
	size_t p, k;
	blank(c, NCOLS(publication_duplicate_cols));
	if (!flat_locate(&cur, g, g->publications, g->n_publications, publication_duplicate_count, r, &p, &k))
		return;
	const pc_publication *x = &g->publications[p];
	c_str(&c[0], x->merged_ids[k]);
	c_ref(&c[1], g, PC_PUBLICATION, (long long)p);
	if (x->merged_lines != NULL)
		c_line(&c[2], x->merged_lines[k]);
}

/* ---- themes ------------------------------------------------------------------------------ */

static const pc_column theme_cols[] = {
	{"id", PC_COL_STRING, "Identifier of the timeline theme", NULL, 0},
	{"label", PC_COL_STRING, "Name of the timeline", NULL, 0},
	{"order", PC_COL_INTEGER, "Place of the timeline among the profile's, from 1", NULL, 0},
	{"line", PC_COL_INTEGER, "Line of the source file that declares it; empty for the two themes of format 1.0",
	 NULL, 0},
};

static size_t
theme_n(const pc_graph *g)
{
	return g->n_themes;
}

static void
theme_row(const pc_graph *g, size_t r, pc_cell *c)
{
	const pc_theme *x = &g->themes[r];
	blank(c, NCOLS(theme_cols));
	c_str(&c[0], x->n.id);
	c_str(&c[1], x->label);
	c_int(&c[2], x->order, 1);
	c_line(&c[3], x->n.line);
}

/* ---- The table of tables ------------------------------------------------------------------- */

static const char *const pk_id[] = {"id", NULL};
static const char *const pk_event_actor[] = {"event_id", "actor_id", "role", NULL};
static const char *const pk_actor_relation[] = {"actor_id", "relation", "related_actor_id", NULL};
static const char *const pk_authorship[] = {"publication_id", "position", NULL};
static const char *const pk_event_citation[] = {"event_id", "cited_id", NULL};
static const char *const pk_penalty_change[] = {"penalty_id", "base_penalty_id", NULL};
static const char *const pk_indicator_source[] = {"indicator_id", "source_id", NULL};
static const char *const pk_actor_alias[] = {"actor_id", "position", NULL};
static const char *const pk_publication_duplicate[] = {"duplicate_id", NULL};

#define TABLE(name, title, desc, kind, cols, pk, stem)                                                                 \
	{                                                                                                              \
		name, title, desc, kind, cols, NCOLS(cols), pk, stem##_n, stem##_row                                   \
	}

/* Node tables first, in pc_kind order, so pc_tables[kind] is kind's table. */
const pc_table pc_tables[] = {
	TABLE("countries", "Countries", "The country the profile describes", PC_COUNTRY, country_cols, pk_id, country),
	TABLE("indicators", "Indicators", "Headline statistics of the profile", PC_INDICATOR, indicator_cols, pk_id,
	      indicator),
	TABLE("sources", "Sources", "Providers of the indicators' statistics", PC_PROVIDER, source_cols, pk_id, source),
	TABLE("events", "Events", "The profile's timelines of events", PC_EVENT, event_cols, pk_id, event),
	TABLE("actors", "Organizations", "Organizations, programmes, networks, hotlines and websites", PC_ACTOR,
	      actor_cols, pk_id, actor),
	TABLE("people", "People", "Authors cited by the bibliography, one row per person however spelled", PC_PERSON,
	      person_cols, pk_id, person),
	TABLE("publications", "Publications", "The bibliography, duplicates merged", PC_PUBLICATION, publication_cols,
	      pk_id, publication),
	TABLE("instruments", "Legal instruments", "Laws, codes and conventions", PC_INSTRUMENT, instrument_cols, pk_id,
	      instrument),
	TABLE("articles", "Articles", "Articles of the legal instruments", PC_ARTICLE, article_cols, pk_id, article),
	TABLE("penalties", "Penalties", "Penalties the articles set, with typed bounds", PC_PENALTY, penalty_cols,
	      pk_id, penalty),
	TABLE("thresholds", "Legal thresholds", "Ages of consent, majority and marriage", PC_THRESHOLD, threshold_cols,
	      pk_id, threshold),
	TABLE("event_actors", "Event actors", "Organizations involved in events, with their role", PC_KIND_COUNT,
	      event_actor_cols, pk_event_actor, event_actor),
	TABLE("actor_relations", "Relations between organizations", "Organizations tied to each other", PC_KIND_COUNT,
	      actor_relation_cols, pk_actor_relation, actor_relation),
	TABLE("authorships", "Authorships", "Authors of publications, in the order written", PC_KIND_COUNT,
	      authorship_cols, pk_authorship, authorship),
	TABLE("event_citations", "Event citations", "Laws and publications an event's text ties it to", PC_KIND_COUNT,
	      event_citation_cols, pk_event_citation, event_citation),
	TABLE("penalty_changes", "Penalty changes", "Penalties stated relative to another (increased by half)",
	      PC_KIND_COUNT, penalty_change_cols, pk_penalty_change, penalty_change),
	TABLE("indicator_sources", "Indicator sources", "Sources of each indicator's statistics", PC_KIND_COUNT,
	      indicator_source_cols, pk_indicator_source, indicator_source),
	TABLE("actor_aliases", "Organization aliases", "Other names of organizations", PC_KIND_COUNT, actor_alias_cols,
	      pk_actor_alias, actor_alias),
	TABLE("publication_duplicates", "Merged duplicates", "Bibliography entries merged into one publication",
	      PC_KIND_COUNT, publication_duplicate_cols, pk_publication_duplicate, publication_duplicate),
	TABLE("themes", "Themes", "The timelines events belong to, in order", PC_KIND_COUNT, theme_cols, pk_id, theme),
};
const size_t pc_n_tables = NCOLS(pc_tables);

const pc_table *
pc_table_for_kind(pc_kind kind)
{
	if ((unsigned)kind >= PC_KIND_COUNT)
		return NULL;
	return &pc_tables[kind];
}

const pc_table *
pc_table_named(const char *name)
{
	if (name == NULL)
		return NULL;
	for (size_t i = 0; i < pc_n_tables; i++)
		if (strcmp(pc_tables[i].name, name) == 0)
			return &pc_tables[i];
	return NULL;
}
