/* The graph's name tables, accessors and one-call free. */
#include "graph.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"

/* PC_PROVIDER keeps the products' word "source" (IRIs, the dump, the
 * "sources" table): renaming it would change every published IRI. */
const char *const pc_kind_name[PC_KIND_COUNT] = {
	"country",     "indicator",  "source",  "event", "actor",   "person",
	"publication", "instrument", "article", "part",  "penalty", "threshold",
};
const char *const pc_kind_plural[PC_KIND_COUNT] = {
	"countries",    "indicators",  "sources",  "events", "actors",    "persons",
	"publications", "instruments", "articles", "parts",  "penalties", "thresholds",
};
const char *const pc_theme_default_id[PC_THEME_DEFAULT_COUNT] = {"education-ict", "child-protection"};
const char *const pc_theme_default_label[PC_THEME_DEFAULT_COUNT] = {"Education and ICT",
								    "Child protection and law enforcement"};
const char *const pc_name_order_name[PC_ORDER_COUNT] = {"", "family-first", "given-first"};
const char *const pc_contributor_role_name[PC_CONTRIB_COUNT] = {"author", "editor", "translator"};
const char *const pc_instrument_type_name[PC_INSTR_COUNT] = {"law", "code", "convention"};
const char *const pc_penalty_kind_name[PC_PEN_COUNT] = {
	"imprisonment", "fine", "prohibition-of-rights", "life-imprisonment", "community-service", "day-fine",
};
const char *const pc_penalty_kind_label[PC_PEN_COUNT] = {
	"imprisonment", "fine", "prohibition of rights", "life imprisonment", "community service", "day-fine",
};
const char *const pc_threshold_kind_name[PC_THR_COUNT] = {"age-of-consent", "age-of-majority", "marriage-age",
							  "digital-age-of-consent"};
const char *const pc_threshold_kind_label[PC_THR_COUNT] = {"Age of consent", "Age of majority", "Marriage age",
							   "Digital age of consent"};
/* The actor kinds format 1.1 adds to 1.0's (schemas/profile.xsd). */
int
pc_actor_kind_is_1_1(const char *kind)
{
	static const char *const kinds[] = {
		"university",      "research-centre",
		"school",          "media",
		"regulator",       "court",
		"parliament",      "ombudsman",
		"trade-union",     "religious-organization",
		"political-party", "professional-association",
	};
	for (size_t i = 0; kind && i < sizeof kinds / sizeof kinds[0]; i++)
		if (strcmp(kinds[i], kind) == 0)
			return 1;
	return 0;
}

const char *const pc_role_name[PC_ROLE_COUNT] = {
	"organizer",   "funder",   "partner",   "participant", "signatory",
	"implementer", "operator", "supporter", "subject",     "involved",
};
const char *const pc_relation_name[PC_REL_COUNT] = {
	"part-of", "member-of", "operated-by", "partner-of", "founded-by", "funded-by",
};

pc_graph *
pc_graph_new(void)
{
	pc_graph *g = pc_calloc(1, sizeof *g);
	pc_strtab_init(&g->strings);
	return g;
}

void
pc_graph_free(pc_graph *g)
{
	if (g == NULL)
		return;
	free(g->countries);
	free(g->indicators);
	free(g->providers);
	free(g->events);
	free(g->actors);
	free(g->persons);
	free(g->publications);
	free(g->instruments);
	free(g->articles);
	free(g->parts);
	free(g->penalties);
	free(g->thresholds);
	free(g->event_actors);
	free(g->actor_relations);
	free(g->authorships);
	free(g->event_citations);
	free(g->listings);
	free(g->citations);
	free(g->penalty_changes);
	free(g->quality);
	free(g->themes);
	free(g->text_langs);
	free(g->text_langs_by_text);
	pc_strtab_free(&g->strings);
	free(g);
}

void
pc_graph_default_themes(pc_graph *g)
{
	for (int i = 0; i < PC_THEME_DEFAULT_COUNT; i++) {
		pc_theme *t = PC_PUSH(g, themes);
		t->n.id = pc_intern(&g->strings, pc_theme_default_id[i]);
		t->label = pc_intern(&g->strings, pc_theme_default_label[i]);
		t->order = i + 1;
	}
}

static int
theme_before(const void *pa, const void *pb)
{
	const pc_theme *a = pa, *b = pb;
	if (a->order != b->order)
		return a->order < b->order ? -1 : 1;
	return a->n.line < b->n.line ? -1 : a->n.line > b->n.line; /* document order breaks ties */
}

void
pc_graph_order_themes(pc_graph *g)
{
	if (g->n_themes == 0)
		pc_graph_default_themes(g);
	qsort(g->themes, g->n_themes, sizeof *g->themes, theme_before);
}

void *
pc_grow(void **array, size_t *count, size_t *cap, size_t elem_size)
{
	if (*count == *cap) {
		*cap = *cap ? *cap * 2 : 8;
		*array = pc_realloc(*array, *cap * elem_size);
	}
	char *elem = (char *)*array + (*count)++ * elem_size;
	memset(elem, 0, elem_size);
	return elem;
}

size_t
pc_graph_count(const pc_graph *g, pc_kind kind)
{
	switch (kind) {
	case PC_COUNTRY: return g->n_countries;
	case PC_INDICATOR: return g->n_indicators;
	case PC_PROVIDER: return g->n_providers;
	case PC_EVENT: return g->n_events;
	case PC_ACTOR: return g->n_actors;
	case PC_PERSON: return g->n_persons;
	case PC_PUBLICATION: return g->n_publications;
	case PC_INSTRUMENT: return g->n_instruments;
	case PC_ARTICLE: return g->n_articles;
	case PC_PART: return g->n_parts;
	case PC_PENALTY: return g->n_penalties;
	case PC_THRESHOLD: return g->n_thresholds;
	case PC_KIND_COUNT: break;
	}
	return 0;
}

const pc_node *
pc_graph_node(const pc_graph *g, pc_ref r)
{
	if (r.index >= pc_graph_count(g, r.kind))
		return NULL;
	switch (r.kind) {
	case PC_COUNTRY: return &g->countries[r.index].n;
	case PC_INDICATOR: return &g->indicators[r.index].n;
	case PC_PROVIDER: return &g->providers[r.index].n;
	case PC_EVENT: return &g->events[r.index].n;
	case PC_ACTOR: return &g->actors[r.index].n;
	case PC_PERSON: return &g->persons[r.index].n;
	case PC_PUBLICATION: return &g->publications[r.index].n;
	case PC_INSTRUMENT: return &g->instruments[r.index].n;
	case PC_ARTICLE: return &g->articles[r.index].n;
	case PC_PART: return &g->parts[r.index].n;
	case PC_PENALTY: return &g->penalties[r.index].n;
	case PC_THRESHOLD: return &g->thresholds[r.index].n;
	case PC_KIND_COUNT: break;
	}
	return NULL;
}

const char *
pc_graph_label(const pc_graph *g, pc_ref r)
{
	if (r.index >= pc_graph_count(g, r.kind))
		return "";
	switch (r.kind) {
	case PC_COUNTRY: return g->countries[r.index].name;
	case PC_INDICATOR: return g->indicators[r.index].label;
	case PC_PROVIDER: return g->providers[r.index].name;
	case PC_EVENT: return g->events[r.index].text;
	case PC_ACTOR: {
		const pc_actor *a = &g->actors[r.index];
		if (a->name)
			return a->name;
		if (a->acronym)
			return a->acronym;
		return "(unnamed)";
	}
	case PC_PERSON: return g->persons[r.index].display;
	case PC_PUBLICATION: return g->publications[r.index].title;
	case PC_INSTRUMENT: return g->instruments[r.index].title;
	case PC_ARTICLE: {
		const pc_article *a = &g->articles[r.index];
		return a->heading ? a->heading : a->number;
	}
	case PC_PART: return g->parts[r.index].heading ? g->parts[r.index].heading : g->parts[r.index].label;
	case PC_PENALTY: return pc_penalty_kind_name[g->penalties[r.index].kind];
	case PC_THRESHOLD: return pc_threshold_kind_label[g->thresholds[r.index].kind];
	case PC_KIND_COUNT: break;
	}
	return "";
}

const char *
pc_graph_cc(const pc_graph *g)
{
	return g->n_countries ? g->countries[0].n.id : "xx";
}
