/* Edges grouped by one of their ends: a counting sort. */
#include "edge_index.h"

#include <stdlib.h>

#include "../compiler/alloc.h"
#include "../compiler/graph.h"

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
