/* Links written twice: the same organization in the same role of one
 * event, the same relation between two organizations, the same citation
 * in one event, the same source of one indicator. Each is one fact and one
 * row of a table whose primary key it is, so the repeat is dropped, with a
 * warning at its line; a product never holds two rows of one key. */
#include <stdint.h>
#include <stdlib.h>

#include "alloc.h"
#include "compiler.h"

typedef struct {
	uint32_t k[3]; /* the link's primary key */
	size_t at;     /* its index in source order */
} link_key;

static int
cmp_key(const void *a, const void *b)
{
	const link_key *x = a, *y = b;
	for (int i = 0; i < 3; i++)
		if (x->k[i] != y->k[i])
			return x->k[i] < y->k[i] ? -1 : 1;
	return (x->at > y->at) - (x->at < y->at);
}

/* first[i]: the index of the first link with link i's key (i itself when
 * it is the first). Sorting keeps this O(n log n) for large profiles. */
static void
find_firsts(link_key *keys, size_t n, size_t *first)
{
	qsort(keys, n, sizeof *keys, cmp_key);
	for (size_t i = 0; i < n; i++) {
		int same = i > 0 && keys[i].k[0] == keys[i - 1].k[0] && keys[i].k[1] == keys[i - 1].k[1] &&
			   keys[i].k[2] == keys[i - 1].k[2];
		first[keys[i].at] = same ? first[keys[i - 1].at] : keys[i].at;
	}
}

static const char *
id_of(const pc_graph *g, pc_kind kind, uint32_t index)
{
	const pc_node *n = pc_graph_node(g, (pc_ref){kind, index});
	return n && n->id ? n->id : "?";
}

static void
event_actors(pc_graph *g, pc_diag *d)
{
	size_t n = g->n_event_actors, w = 0;
	link_key *keys = pc_malloc((n + 1) * sizeof *keys);
	size_t *first = pc_malloc((n + 1) * sizeof *first);
	for (size_t i = 0; i < n; i++) {
		const pc_event_actor *e = &g->event_actors[i];
		keys[i] = (link_key){{e->event, e->actor, (uint32_t)e->role}, i};
	}
	find_firsts(keys, n, first);
	for (size_t i = 0; i < n; i++) {
		const pc_event_actor *e = &g->event_actors[i];
		if (first[i] == i) {
			g->event_actors[w++] = *e;
			continue;
		}
		pc_diag_report(d, PC_SEV_WARNING, g->source_path, e->line, e->col, "repeated-link",
			       "event '%s' names organization '%s' as %s again (first on line %u): one row is kept; "
			       "delete the repeat",
			       id_of(g, PC_EVENT, e->event), id_of(g, PC_ACTOR, e->actor), pc_role_name[e->role],
			       g->event_actors[first[i]].line);
	}
	g->n_event_actors = w;
	free(first);
	free(keys);
}

static void
actor_relations(pc_graph *g, pc_diag *d)
{
	size_t n = g->n_actor_relations, w = 0;
	link_key *keys = pc_malloc((n + 1) * sizeof *keys);
	size_t *first = pc_malloc((n + 1) * sizeof *first);
	for (size_t i = 0; i < n; i++) {
		const pc_actor_relation *r = &g->actor_relations[i];
		keys[i] = (link_key){{r->from, r->to, (uint32_t)r->type}, i};
	}
	find_firsts(keys, n, first);
	for (size_t i = 0; i < n; i++) {
		const pc_actor_relation *r = &g->actor_relations[i];
		if (first[i] == i) {
			g->actor_relations[w++] = *r;
			continue;
		}
		pc_diag_report(d, PC_SEV_WARNING, g->source_path, r->line, r->col, "repeated-link",
			       "organization '%s' is %s '%s' again (first on line %u): one row is kept; delete the "
			       "repeat",
			       id_of(g, PC_ACTOR, r->from), pc_relation_name[r->type], id_of(g, PC_ACTOR, r->to),
			       g->actor_relations[first[i]].line);
	}
	g->n_actor_relations = w;
	free(first);
	free(keys);
}

static void
event_citations(pc_graph *g, pc_diag *d)
{
	size_t n = g->n_event_citations, w = 0;
	link_key *keys = pc_malloc((n + 1) * sizeof *keys);
	size_t *first = pc_malloc((n + 1) * sizeof *first);
	for (size_t i = 0; i < n; i++) {
		const pc_event_citation *c = &g->event_citations[i];
		keys[i] = (link_key){{c->event, (uint32_t)c->target.kind, c->target.index}, i};
	}
	find_firsts(keys, n, first);
	for (size_t i = 0; i < n; i++) {
		const pc_event_citation *c = &g->event_citations[i];
		if (first[i] == i) {
			g->event_citations[w++] = *c;
			continue;
		}
		pc_diag_report(d, PC_SEV_WARNING, g->source_path, c->line, c->col, "repeated-link",
			       "event '%s' cites '%s' again (first on line %u): one row is kept; delete the repeat",
			       id_of(g, PC_EVENT, c->event), id_of(g, c->target.kind, c->target.index),
			       g->event_citations[first[i]].line);
	}
	g->n_event_citations = w;
	free(first);
	free(keys);
}

/* An indicator's sources are few: a quadratic scan is the simple thing. */
static void
indicator_sources(pc_graph *g, pc_diag *d)
{
	for (size_t i = 0; i < g->n_indicators; i++) {
		pc_indicator *ind = &g->indicators[i];
		size_t w = 0;
		for (size_t k = 0; k < ind->n_providers; k++) {
			size_t j = 0;
			while (j < w && ind->providers[j] != ind->providers[k])
				j++;
			if (j == w) {
				ind->providers[w++] = ind->providers[k];
				continue;
			}
			pc_diag_report(d, PC_SEV_WARNING, g->source_path, ind->n.line, ind->n.col, "repeated-link",
				       "indicator '%s' names source '%s' twice in sources=: one row is kept; delete "
				       "the repeat",
				       ind->n.id, id_of(g, PC_PROVIDER, ind->providers[k]));
		}
		ind->n_providers = w;
	}
}

void
pc_drop_repeated_links(pc_graph *g, pc_diag *d)
{
	event_actors(g, d);
	actor_relations(g, d);
	event_citations(g, d);
	indicator_sources(g, d);
}
