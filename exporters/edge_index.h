/* Edges grouped by one of their ends, for exporters that walk a node's
 * edges: built once per export, so writing stays linear in the graph. */
#ifndef PC_EDGE_INDEX_H
#define PC_EDGE_INDEX_H

#include <stddef.h>
#include <stdint.h>

/* items[start[k] .. start[k + 1]) are the edges whose key is k, in edge order. */
typedef struct {
	uint32_t *start; /* n_keys + 1 (one spare) */
	uint32_t *items;
} pc_edge_index;

/* A counting sort of edge numbers 0..n_edges-1 by key[edge]; a key >=
 * n_keys (UINT32_MAX: "none") leaves the edge out. */
void pc_edge_index_build(pc_edge_index *x, const uint32_t *key, size_t n_edges, size_t n_keys);
void pc_edge_index_free(pc_edge_index *x);

/* The authorships grouped by publication, each group in position order
 * (the order the exporters list authors in). */
struct pc_graph;
void pc_edge_index_authors(pc_edge_index *x, const struct pc_graph *g);

#define PC_EDGE_EACH(x, k, it) for (size_t it = (x)->start[k]; it < (x)->start[(k) + 1]; it++)
#define PC_EDGE_COUNT(x, k)    ((size_t)((x)->start[(k) + 1] - (x)->start[k]))

#endif
