/* One identifier names one entity: two organizations of a profile with one
 * Wikidata or ROR id, two declared people with one ORCID or two
 * publications with one DOI are one entity written twice (or a slip). */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "alloc.h"
#include "compiler.h"

typedef struct {
	const char *scheme, *value; /* "Wikidata id", "Q42" */
	pc_kind kind;
	const pc_node *n;
} ident_use;

static int
by_value(const void *pa, const void *pb)
{
	const ident_use *a = pa, *b = pb;
	int c = strcmp(a->scheme, b->scheme);
	if (c == 0) /* a DOI's case does not count (ASCII); the others are checked canonical */
		c = strcasecmp(a->value, b->value);
	if (c == 0)
		c = (a->n->line > b->n->line) - (a->n->line < b->n->line);
	return c;
}

static void
add(ident_use *u, size_t *n, const char *scheme, const char *value, pc_kind kind, const pc_node *node)
{
	if (value != NULL)
		u[(*n)++] = (ident_use){scheme, value, kind, node};
}

void
pc_check_identifiers(const pc_graph *g, pc_diag *d)
{
	/* At most two per organization, one per person and publication. */
	ident_use *u = pc_malloc((2 * g->n_actors + g->n_persons + g->n_publications + 1) * sizeof *u);
	size_t n = 0;
	for (size_t i = 0; i < g->n_actors; i++) {
		add(u, &n, "Wikidata id", g->actors[i].wikidata, PC_ACTOR, &g->actors[i].n);
		add(u, &n, "ROR id", g->actors[i].ror, PC_ACTOR, &g->actors[i].n);
	}
	for (size_t i = 0; i < g->n_persons; i++)
		add(u, &n, "ORCID", g->persons[i].orcid, PC_PERSON, &g->persons[i].n);
	for (size_t i = 0; i < g->n_publications; i++)
		add(u, &n, "DOI", g->publications[i].doi, PC_PUBLICATION, &g->publications[i].n);
	if (n > 1)
		qsort(u, n, sizeof *u, by_value);
	for (size_t i = 1; i < n; i++) {
		const ident_use *a = &u[i - 1], *b = &u[i];
		if (strcmp(a->scheme, b->scheme) != 0 || strcasecmp(a->value, b->value) != 0)
			continue;
		pc_diag_report(d, PC_SEV_ERROR, g->source_path, b->n->line, b->n->col, "duplicate-identifier",
			       "%s '%s' has the %s %s of %s '%s' (line %u): one %s is one entry; merge the two, or "
			       "correct the %s",
			       pc_kind_name[b->kind], b->n->id, a->scheme, b->value, pc_kind_name[a->kind], a->n->id,
			       a->n->line,
			       b->kind == PC_ACTOR    ? "organization"
			       : b->kind == PC_PERSON ? "person"
						      : "work",
			       a->scheme);
	}
	free(u);
}
