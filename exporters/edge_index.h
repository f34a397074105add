/* Edges grouped by one of their ends, for exporters that walk a node's
 * edges: built once per export, so writing stays linear in the graph. */
#ifndef PC_EDGE_INDEX_H
#define PC_EDGE_INDEX_H

#include <stddef.h>
#include <stdint.h>

#include "../compiler/graph.h"

/* items[start[k] .. start[k + 1]) are the edges whose key is k, in edge order. */
typedef struct {
	uint32_t *start; /* n_keys + 1 (one spare) */
	uint32_t *items;
} pc_edge_index;

/* The groupings the exporters walk: which list (an edge list, or nodes
 * that point at another node), grouped by which end. */
typedef enum {
	PC_ROLES_BY_EVENT,             /* event_actors by event */
	PC_ROLES_BY_ACTOR,             /* event_actors by actor */
	PC_RELATIONS_BY_FROM,          /* actor_relations by from */
	PC_RELATIONS_BY_TO,            /* actor_relations by to */
	PC_AUTHORSHIPS_BY_PERSON,      /* authorships by author, persons only */
	PC_AUTHORSHIPS_BY_ACTOR,       /* authorships by author, actors only */
	PC_CITATIONS_BY_EVENT,         /* event_citations by event */
	PC_CITATIONS_BY_INSTRUMENT,    /* event_citations by target, instruments only */
	PC_CITATIONS_BY_PUBLICATION,   /* event_citations by target, publications only */
	PC_CHANGES_BY_PENALTY,         /* penalty_changes by penalty */
	PC_PENALTIES_BY_ARTICLE,       /* penalties by article */
	PC_PENALTIES_BY_PART,          /* penalties by part (format 1.1) */
	PC_PENALTIES_OF_INSTRUMENT,    /* penalties by instrument, those the instrument sets itself */
	PC_PARTS_BY_INSTRUMENT,        /* parts by instrument */
	PC_ARTICLES_BY_INSTRUMENT,     /* articles by instrument */
	PC_PUBLICATIONS_BY_PUBLISHER,  /* publications by publisher (an actor) */
	PC_PUBLICATIONS_BY_EDITION_OF, /* publications by the one they are an edition of */
	PC_INSTRUMENTS_BY_ISSUER,      /* instruments by issuer (an actor) */
	PC_GROUPING_COUNT
} pc_edge_grouping;

void pc_edge_index_group(pc_edge_index *x, const pc_graph *g, pc_edge_grouping by);
/* The authorships grouped by publication, each group in position order
 * (the order the exporters list authors in). */
void pc_edge_index_authors(pc_edge_index *x, const pc_graph *g);
/* The quality notes about nodes of one kind, grouped by node. */
void pc_edge_index_quality(pc_edge_index *x, const pc_graph *g, pc_kind kind);
void pc_edge_index_free(pc_edge_index *x);

/* The counting sort under them all: edge numbers 0..n_edges-1 by
 * key[edge]; a key >= n_keys (UINT32_MAX: "none") leaves the edge out. */
void pc_edge_index_build(pc_edge_index *x, const uint32_t *key, size_t n_edges, size_t n_keys);

#define PC_EDGE_EACH(x, k, it) for (size_t it = (x)->start[k]; it < (x)->start[(k) + 1]; it++)
#define PC_EDGE_COUNT(x, k)    ((size_t)((x)->start[(k) + 1] - (x)->start[k]))

#endif
