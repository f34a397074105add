/* Edges grouped by one of their ends: a counting sort, and the groupings
 * every exporter shares. */
#include "edge_index.h"

#include <stdlib.h>

#include "../compiler/alloc.h"

#define NO_KEY UINT32_MAX

void
pc_edge_index_build(pc_edge_index *x, const uint32_t *key, size_t n_edges, size_t n_keys)
{
	x->start = pc_calloc(n_keys + 2, sizeof *x->start);
	x->items = pc_calloc(n_edges ? n_edges : 1, sizeof *x->items);
	for (size_t e = 0; e < n_edges; e++)
		if (key[e] < n_keys)
			x->start[key[e] + 2]++;
	for (size_t k = 2; k < n_keys + 2; k++)
		x->start[k] += x->start[k - 1];
	/* start[k + 1] is now where key k's edges go; filling advances it to
	 * key k's end, which is key k + 1's start. */
	for (size_t e = 0; e < n_edges; e++)
		if (key[e] < n_keys)
			x->items[x->start[key[e] + 1]++] = (uint32_t)e;
}

void
pc_edge_index_free(pc_edge_index *x)
{
	free(x->start);
	free(x->items);
}

static uint32_t
ref_of(pc_ref r, pc_kind kind)
{
	return r.kind == kind ? r.index : NO_KEY;
}

static uint32_t
optional(int32_t index)
{
	return index >= 0 ? (uint32_t)index : NO_KEY;
}

/* The key of item i of a grouping's list. */
static uint32_t
key_of(const pc_graph *g, pc_edge_grouping by, size_t i)
{
	switch (by) {
	case PC_ROLES_BY_EVENT: return g->event_actors[i].event;
	case PC_ROLES_BY_ACTOR: return g->event_actors[i].actor;
	case PC_RELATIONS_BY_FROM: return g->actor_relations[i].from;
	case PC_RELATIONS_BY_TO: return g->actor_relations[i].to;
	case PC_AUTHORSHIPS_BY_PERSON: return ref_of(g->authorships[i].author, PC_PERSON);
	case PC_AUTHORSHIPS_BY_ACTOR: return ref_of(g->authorships[i].author, PC_ACTOR);
	case PC_CITATIONS_BY_EVENT: return g->event_citations[i].event;
	case PC_CITATIONS_BY_INSTRUMENT: return ref_of(g->event_citations[i].target, PC_INSTRUMENT);
	case PC_CITATIONS_BY_PUBLICATION: return ref_of(g->event_citations[i].target, PC_PUBLICATION);
	case PC_CHANGES_BY_PENALTY: return g->penalty_changes[i].penalty;
	case PC_PENALTIES_BY_ARTICLE: return optional(g->penalties[i].article);
	case PC_PENALTIES_BY_PART: return optional(g->penalties[i].part);
	case PC_PENALTIES_OF_INSTRUMENT:
		return g->penalties[i].article < 0 && g->penalties[i].part < 0 ? g->penalties[i].instrument : NO_KEY;
	case PC_PARTS_BY_INSTRUMENT: return g->parts[i].instrument;
	case PC_ARTICLES_BY_INSTRUMENT: return g->articles[i].instrument;
	case PC_PUBLICATIONS_BY_PUBLISHER: return optional(g->publications[i].publisher);
	case PC_PUBLICATIONS_BY_EDITION_OF: return optional(g->publications[i].edition_of);
	case PC_INSTRUMENTS_BY_ISSUER: return optional(g->instruments[i].issuer);
	case PC_GROUPING_COUNT: break;
	}
	return NO_KEY;
}

/* How long a grouping's list is, and the kind of node its keys index. */
static size_t
list_length(const pc_graph *g, pc_edge_grouping by, pc_kind *key_kind)
{
	switch (by) {
	case PC_ROLES_BY_EVENT: *key_kind = PC_EVENT; return g->n_event_actors;
	case PC_ROLES_BY_ACTOR: *key_kind = PC_ACTOR; return g->n_event_actors;
	case PC_RELATIONS_BY_FROM:
	case PC_RELATIONS_BY_TO: *key_kind = PC_ACTOR; return g->n_actor_relations;
	case PC_AUTHORSHIPS_BY_PERSON: *key_kind = PC_PERSON; return g->n_authorships;
	case PC_AUTHORSHIPS_BY_ACTOR: *key_kind = PC_ACTOR; return g->n_authorships;
	case PC_CITATIONS_BY_EVENT: *key_kind = PC_EVENT; return g->n_event_citations;
	case PC_CITATIONS_BY_INSTRUMENT: *key_kind = PC_INSTRUMENT; return g->n_event_citations;
	case PC_CITATIONS_BY_PUBLICATION: *key_kind = PC_PUBLICATION; return g->n_event_citations;
	case PC_CHANGES_BY_PENALTY: *key_kind = PC_PENALTY; return g->n_penalty_changes;
	case PC_PENALTIES_BY_ARTICLE: *key_kind = PC_ARTICLE; return g->n_penalties;
	case PC_PENALTIES_BY_PART: *key_kind = PC_PART; return g->n_penalties;
	case PC_PENALTIES_OF_INSTRUMENT: *key_kind = PC_INSTRUMENT; return g->n_penalties;
	case PC_PARTS_BY_INSTRUMENT: *key_kind = PC_INSTRUMENT; return g->n_parts;
	case PC_ARTICLES_BY_INSTRUMENT: *key_kind = PC_INSTRUMENT; return g->n_articles;
	case PC_PUBLICATIONS_BY_PUBLISHER: *key_kind = PC_ACTOR; return g->n_publications;
	case PC_PUBLICATIONS_BY_EDITION_OF: *key_kind = PC_PUBLICATION; return g->n_publications;
	case PC_INSTRUMENTS_BY_ISSUER: *key_kind = PC_ACTOR; return g->n_instruments;
	case PC_GROUPING_COUNT: break;
	}
	*key_kind = PC_COUNTRY;
	return 0;
}

void
pc_edge_index_group(pc_edge_index *x, const pc_graph *g, pc_edge_grouping by)
{
	pc_kind key_kind;
	size_t n = list_length(g, by, &key_kind);
	uint32_t *key = pc_malloc((n ? n : 1) * sizeof *key);
	for (size_t i = 0; i < n; i++)
		key[i] = key_of(g, by, i);
	pc_edge_index_build(x, key, n, pc_graph_count(g, key_kind));
	free(key);
}

void
pc_edge_index_quality(pc_edge_index *x, const pc_graph *g, pc_kind kind)
{
	uint32_t *key = pc_malloc((g->n_quality ? g->n_quality : 1) * sizeof *key);
	for (size_t e = 0; e < g->n_quality; e++)
		key[e] = ref_of(g->quality[e].subject, kind);
	pc_edge_index_build(x, key, g->n_quality, pc_graph_count(g, kind));
	free(key);
}

void
pc_edge_index_authors(pc_edge_index *x, const pc_graph *g)
{
	uint32_t *key = pc_malloc((g->n_authorships ? g->n_authorships : 1) * sizeof *key);
	for (size_t e = 0; e < g->n_authorships; e++)
		key[e] = g->authorships[e].publication;
	pc_edge_index_build(x, key, g->n_authorships, g->n_publications);
	free(key);
	/* Written order already, from the builder; an insertion sort makes
	 * sure at no cost when it is. */
	for (size_t p = 0; p < g->n_publications; p++) {
		uint32_t *items = x->items + x->start[p];
		size_t n = x->start[p + 1] - x->start[p];
		for (size_t i = 1; i < n; i++) {
			uint32_t v = items[i];
			size_t j = i;
			while (j > 0 && g->authorships[items[j - 1]].position > g->authorships[v].position) {
				items[j] = items[j - 1];
				j--;
			}
			items[j] = v;
		}
	}
}
