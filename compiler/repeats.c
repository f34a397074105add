/* Links written twice: the same organization in the same role of one
 * event, the same relation between two organizations, the same citation
 * in one event, the same statistics provider (a <source>) of one
 * indicator. Each is one fact and one row of a table whose primary key it
 * is, so the repeat is dropped, with a warning at its line; a product
 * never holds two rows of one key. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

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

/* One kind of link: its array in the graph, its primary key, and the
 * warning for a repeat, which names the first link with that key. */
typedef struct {
	size_t size; /* one link's size in bytes */
	void *(*links)(pc_graph *g, size_t **n);
	void (*key)(const void *link, uint32_t k[3]);
	void (*report)(const pc_graph *g, pc_diag *d, const void *repeat, const void *first);
} link_kind;

/* Warn of every repeat, then keep the first link of each key in source
 * order. The warnings come first, while every link is still in its place:
 * compacting moves links over the ones a later warning names. */
static void
drop_repeats(pc_graph *g, pc_diag *d, const link_kind *lk)
{
	size_t *count;
	char *links = lk->links(g, &count);
	size_t n = *count, w = 0;
	link_key *keys = pc_malloc((n + 1) * sizeof *keys);
	size_t *first = pc_malloc((n + 1) * sizeof *first);
	for (size_t i = 0; i < n; i++) {
		lk->key(links + i * lk->size, keys[i].k);
		keys[i].at = i;
	}
	find_firsts(keys, n, first);
	for (size_t i = 0; i < n; i++)
		if (first[i] != i)
			lk->report(g, d, links + i * lk->size, links + first[i] * lk->size);
	for (size_t i = 0; i < n; i++)
		if (first[i] == i) {
			if (w != i)
				memcpy(links + w * lk->size, links + i * lk->size, lk->size);
			w++;
		}
	*count = w;
	free(first);
	free(keys);
}

static void *
event_actor_links(pc_graph *g, size_t **n)
{
	*n = &g->n_event_actors;
	return g->event_actors;
}

static void
event_actor_key(const void *link, uint32_t k[3])
{
	const pc_event_actor *e = link;
	k[0] = e->event, k[1] = e->actor, k[2] = (uint32_t)e->role;
}

static void
event_actor_report(const pc_graph *g, pc_diag *d, const void *repeat, const void *first)
{
	const pc_event_actor *e = repeat, *f = first;
	pc_diag_report(d, PC_SEV_WARNING, g->source_path, e->line, e->col, "repeated-link",
		       "event '%s' names organization '%s' as %s again (first on line %u): one row is kept; "
		       "delete the repeat",
		       id_of(g, PC_EVENT, e->event), id_of(g, PC_ACTOR, e->actor), pc_role_name[e->role], f->line);
}

static void *
relation_links(pc_graph *g, size_t **n)
{
	*n = &g->n_actor_relations;
	return g->actor_relations;
}

static void
relation_key(const void *link, uint32_t k[3])
{
	const pc_actor_relation *r = link;
	k[0] = r->from, k[1] = r->to, k[2] = (uint32_t)r->type;
}

static void
relation_report(const pc_graph *g, pc_diag *d, const void *repeat, const void *first)
{
	const pc_actor_relation *r = repeat, *f = first;
	pc_diag_report(d, PC_SEV_WARNING, g->source_path, r->line, r->col, "repeated-link",
		       "organization '%s' is %s '%s' again (first on line %u): one row is kept; delete the repeat",
		       id_of(g, PC_ACTOR, r->from), pc_relation_name[r->type], id_of(g, PC_ACTOR, r->to), f->line);
}

static void *
citation_links(pc_graph *g, size_t **n)
{
	*n = &g->n_event_citations;
	return g->event_citations;
}

static void
citation_key(const void *link, uint32_t k[3])
{
	const pc_event_citation *c = link;
	k[0] = c->event, k[1] = (uint32_t)c->target.kind, k[2] = c->target.index;
}

static void
citation_report(const pc_graph *g, pc_diag *d, const void *repeat, const void *first)
{
	const pc_event_citation *c = repeat, *f = first;
	pc_diag_report(d, PC_SEV_WARNING, g->source_path, c->line, c->col, "repeated-link",
		       "event '%s' cites '%s' again (first on line %u): one row is kept; delete the repeat",
		       id_of(g, PC_EVENT, c->event), id_of(g, c->target.kind, c->target.index), f->line);
}

static const link_kind link_kinds[] = {
	{sizeof(pc_event_actor), event_actor_links, event_actor_key, event_actor_report},
	{sizeof(pc_actor_relation), relation_links, relation_key, relation_report},
	{sizeof(pc_event_citation), citation_links, citation_key, citation_report},
};

/* An indicator's providers are few: a quadratic scan is the simple thing. */
static void
indicator_providers(pc_graph *g, pc_diag *d)
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
	for (size_t i = 0; i < sizeof link_kinds / sizeof link_kinds[0]; i++)
		drop_repeats(g, d, &link_kinds[i]);
	indicator_providers(g, d);
}
