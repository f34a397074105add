/* Normalize the graph: one person per real person, one publication per work, each reference once. */
#include "normalize.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "digest.h"

void
pc_slug_append(char *out, size_t cap, const char *key)
{
	size_t n = strlen(out);
	for (const char *p = key; *p && n + 1 < cap; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9'))
			out[n++] = *p;
		else if (*p >= 'A' && *p <= 'Z')
			out[n++] = (char)(*p - 'A' + 'a');
		else if (*p == ' ' && n > 0 && out[n - 1] != '-')
			out[n++] = '-';
	}
	while (n > 0 && out[n - 1] == '-')
		n--;
	out[n] = '\0';
}

int
pc_id_taken(const pc_graph *g, pc_kind except, const char *id)
{
	/* Ids are interned: one never interned is no node's, and a node's
	 * is found by its pointer. Most generated ids are new strings. */
	const char *interned = pc_strtab_find(&g->strings, id);
	for (int k = 0; interned && k < PC_KIND_COUNT; k++) {
		if (k == (int)except)
			continue;
		for (size_t i = 0; i < pc_graph_count(g, (pc_kind)k); i++)
			if (pc_graph_node(g, (pc_ref){(pc_kind)k, (uint32_t)i})->id == interned)
				return 1;
	}
	return 0;
}

void
pc_short_hash(const char *s, char *out, size_t n)
{
	char hex[65];
	pc_sha256_hex(s, strlen(s), hex);
	if (n > 64)
		n = 64;
	memcpy(out, hex, n);
	out[n] = '\0';
}

/* An event citing both listings of a merged pair now cites one publication
 * twice: keep the first, as (event, cited) is the table's primary key. */
static int
cmp_citation(const void *a, const void *b)
{
	const pc_event_citation *x = a, *y = b;
	if (x->event != y->event)
		return x->event < y->event ? -1 : 1;
	if (x->target.kind != y->target.kind)
		return x->target.kind < y->target.kind ? -1 : 1;
	if (x->target.index != y->target.index)
		return x->target.index < y->target.index ? -1 : 1;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	return (x->col > y->col) - (x->col < y->col);
}

static void
dedup_event_citations(pc_graph *g)
{
	size_t n = g->n_event_citations;
	if (n < 2)
		return;
	/* Sort a copy to find repeats, then keep the source order of the rest. */
	pc_event_citation *sorted = pc_malloc(n * sizeof *sorted);
	memcpy(sorted, g->event_citations, n * sizeof *sorted);
	qsort(sorted, n, sizeof *sorted, cmp_citation);
	size_t w = 0;
	for (size_t i = 0; i < n; i++) {
		const pc_event_citation *c = &g->event_citations[i];
		pc_event_citation *first = bsearch(c, sorted, n, sizeof *sorted, cmp_citation);
		/* bsearch finds this very element (the key includes the line):
		 * walk back to the first of its (event, target). */
		while (first > sorted && first[-1].event == c->event && first[-1].target.kind == c->target.kind &&
		       first[-1].target.index == c->target.index)
			first--;
		if (first->line == c->line && first->col == c->col)
			g->event_citations[w++] = *c;
	}
	g->n_event_citations = w;
	free(sorted);
}

/* A person cited only by a merged duplicate listing (an unresolved citation
 * is a person of its own) has no citation left: drop it, unless declared. */
static void
drop_uncited_persons(pc_graph *g)
{
	size_t n = g->n_persons;
	uint32_t *new_index = pc_malloc((n + 1) * sizeof *new_index);
	char *cited = pc_calloc(n + 1, 1);
	for (size_t i = 0; i < g->n_authorships; i++)
		if (g->authorships[i].author.kind == PC_PERSON)
			cited[g->authorships[i].author.index] = 1;
	/* A merged listing's own author lines keep their people. */
	for (size_t i = 0; i < g->n_citations; i++)
		if (g->citations[i].author.kind == PC_PERSON)
			cited[g->citations[i].author.index] = 1;
	size_t w = 0;
	for (size_t i = 0; i < n; i++) {
		new_index[i] = (uint32_t)w;
		if (cited[i] || g->persons[i].declared)
			g->persons[w++] = g->persons[i];
		else
			new_index[i] = UINT32_MAX;
	}
	g->n_persons = w;
	for (size_t i = 0; i < g->n_authorships; i++)
		if (g->authorships[i].author.kind == PC_PERSON)
			g->authorships[i].author.index = new_index[g->authorships[i].author.index];
	for (size_t i = 0; i < g->n_citations; i++)
		if (g->citations[i].author.kind == PC_PERSON)
			g->citations[i].author.index = new_index[g->citations[i].author.index];
	/* Their notes go too: the warning was reported, the person is gone. */
	size_t q = 0;
	for (size_t i = 0; i < g->n_quality; i++) {
		pc_quality_note note = g->quality[i];
		if (note.subject.kind == PC_PERSON) {
			if (new_index[note.subject.index] == UINT32_MAX)
				continue;
			note.subject.index = new_index[note.subject.index];
		}
		g->quality[q++] = note;
	}
	g->n_quality = q;
	free(new_index);
	free(cited);
}

void
pc_normalize(pc_graph *g, pc_diag *d)
{
	pc_resolve_persons(g, d);
	pc_merge_publications(g, d);
	drop_uncited_persons(g);
	dedup_event_citations(g);
}
