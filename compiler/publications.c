/* Publications: a work listed twice is merged; the same title and year with another subtitle is related, not merged. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "alloc.h"
#include "fold.h"
#include "normalize.h"

typedef struct {
	pc_graph *g;
	pc_diag *d;
	size_t n;
	size_t *start, *order; /* each publication's authorships, in position order */
	char **key;            /* title, year and authors, folded; then the subtitle too */
	char **subtitle;       /* the subtitle, folded ("" when none) */
	char **near_key;       /* title and year, folded */
	int32_t *target;       /* the listing each one merges into (itself when kept) */
	uint32_t *new_index;
} merger;

/* Each publication's authorships, in order: a counting sort. */
static void
index_authorships(merger *m)
{
	const pc_graph *g = m->g;
	m->start = pc_calloc(m->n + 1, sizeof *m->start);
	m->order = pc_malloc((g->n_authorships ? g->n_authorships : 1) * sizeof *m->order);
	for (size_t i = 0; i < g->n_authorships; i++)
		m->start[g->authorships[i].publication + 1]++;
	for (size_t i = 0; i < m->n; i++)
		m->start[i + 1] += m->start[i];
	size_t *fill = pc_malloc((m->n + 1) * sizeof *fill);
	memcpy(fill, m->start, (m->n + 1) * sizeof *fill);
	for (size_t i = 0; i < g->n_authorships; i++)
		m->order[fill[g->authorships[i].publication]++] = i;
	free(fill);
}

/* One author as a key token. An unresolved citation is a person of its own,
 * so its name, not its person, is what a second listing must repeat. */
static char *
author_token(const pc_graph *g, const pc_authorship *au)
{
	const pc_person *who = au->author.kind == PC_PERSON ? &g->persons[au->author.index] : NULL;
	int unresolved = who && au->joined_by &&
			 (strcmp(au->joined_by, "ambiguous") == 0 || strcmp(au->joined_by, "apart") == 0);
	if (unresolved)
		return pc_asprintf("u%s", who->sort_key);
	return pc_asprintf("%c%u", who ? 'p' : 'a', au->author.index);
}

static int
cmp_token(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Title and subtitle keep what tells works apart ("C++" and "C", "Part I"
 * and "Part II", numbers). Authors are the resolved people and actors, as
 * a set: the same authors in another order are the same authors. The key is
 * title, year and authors; the subtitle is set apart, as a listing may
 * leave it out. */
static void
make_keys(merger *m, uint32_t pi)
{
	const pc_publication *p = &m->g->publications[pi];
	char *title = pc_fold_title(p->title ? p->title : "");
	m->subtitle[pi] = pc_fold_title(p->subtitle ? p->subtitle : "");
	m->near_key[pi] = pc_asprintf("%s|%d", title, p->year);
	size_t n = m->start[pi + 1] - m->start[pi], len = strlen(title) + 32;
	char **tokens = pc_malloc((n + 1) * sizeof *tokens);
	for (size_t k = 0; k < n; k++) {
		tokens[k] = author_token(m->g, &m->g->authorships[m->order[m->start[pi] + k]]);
		len += strlen(tokens[k]) + 1;
	}
	qsort(tokens, n, sizeof *tokens, cmp_token);
	char *key = pc_malloc(len), *o = key;
	o += sprintf(key, "%s|%d|", title, p->year);
	for (size_t k = 0; k < n; k++) {
		o = stpcpy(o, tokens[k]);
		*o++ = '\x1f';
		free(tokens[k]);
	}
	*o = '\0';
	free(tokens);
	free(title);
	m->key[pi] = key;
}

static char **sort_keys;

static int
cmp_key(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	int c = strcmp(sort_keys[x], sort_keys[y]);
	return c ? c : (x > y) - (x < y);
}

/* A listing without a subtitle agrees with the one subtitle that listings
 * of the same title, year and authors give; with two or more to choose
 * from it agrees with none (and is a near-duplicate of them). */
static void
add_subtitles(merger *m, const uint32_t *by_key)
{
	for (size_t r = 0; r < m->n;) {
		size_t end = r + 1, given = 0;
		while (end < m->n && strcmp(m->key[by_key[end]], m->key[by_key[r]]) == 0)
			end++;
		const char *only = NULL; /* the first subtitle; given counts to 2 */
		for (size_t i = r; i < end; i++) {
			const char *sub = m->subtitle[by_key[i]];
			if (sub[0] && only == NULL)
				only = sub, given = 1;
			else if (sub[0] && strcmp(only, sub) != 0)
				given = 2;
		}
		for (size_t i = r; i < end; i++) {
			uint32_t x = by_key[i];
			char *full = pc_asprintf("%s|%s", m->key[x],
						 m->subtitle[x][0] || given != 1 ? m->subtitle[x] : only);
			free(m->key[x]);
			m->key[x] = full;
		}
		r = end;
	}
}

/* Listings with one key are one work: one is kept, the others merge into it. */
static void
find_duplicates(merger *m)
{
	uint32_t *by_key = pc_malloc(m->n * sizeof *by_key);
	for (size_t i = 0; i < m->n; i++) {
		m->target[i] = (int32_t)i;
		by_key[i] = (uint32_t)i;
	}
	sort_keys = m->key;
	qsort(by_key, m->n, sizeof *by_key, cmp_key);
	add_subtitles(m, by_key);
	qsort(by_key, m->n, sizeof *by_key, cmp_key);
	/* The listing kept is the one with the least id ("pub-x" before
	 * "pub-x-2"), whatever the order of the source. */
	for (size_t r = 0; r < m->n;) {
		size_t end = r + 1;
		uint32_t keep = by_key[r];
		for (; end < m->n && strcmp(m->key[by_key[end]], m->key[by_key[r]]) == 0; end++)
			if (strcmp(m->g->publications[by_key[end]].n.id, m->g->publications[keep].n.id) < 0)
				keep = by_key[end];
		for (size_t i = r; i < end; i++)
			m->target[by_key[i]] = (int32_t)keep;
		r = end;
	}
	free(by_key);
	uint32_t kept = 0;
	for (size_t i = 0; i < m->n; i++)
		if (m->target[i] == (int32_t)i)
			m->new_index[i] = kept++;
	for (size_t i = 0; i < m->n; i++)
		m->new_index[i] = m->new_index[m->target[i]];
}

static void
add_merged(pc_graph *g, pc_publication *keep, const char *id, unsigned line)
{
	const char **ids = pc_strtab_alloc(&g->strings, (keep->n_merged + 1) * sizeof *ids);
	unsigned *lines = pc_strtab_alloc(&g->strings, (keep->n_merged + 1) * sizeof *lines);
	if (keep->n_merged) {
		memcpy(ids, keep->merged_ids, keep->n_merged * sizeof *ids);
		memcpy(lines, keep->merged_lines, keep->n_merged * sizeof *lines);
	}
	ids[keep->n_merged] = id;
	lines[keep->n_merged] = line;
	keep->merged_ids = ids;
	keep->merged_lines = lines;
	keep->n_merged++;
}

/* One duplicate listing into the one kept: what the kept one lacks comes
 * from the duplicate. */
static void
merge_listing(merger *m, uint32_t dup_index)
{
	pc_graph *g = m->g;
	pc_publication *dup = &g->publications[dup_index], *keep = &g->publications[m->target[dup_index]];
	add_merged(g, keep, dup->n.id, dup->n.line);
	if (keep->description == NULL)
		keep->description = dup->description;
	if (keep->subtitle == NULL)
		keep->subtitle = dup->subtitle;
	if (keep->publisher < 0)
		keep->publisher = dup->publisher;
	if (keep->url == NULL)
		keep->url = dup->url;
	/* A DOI names one work: two listings that agree on all else but give
	 * two DOIs are merged (the key says so), and the editor is told. */
	if (keep->doi != NULL && dup->doi != NULL && strcasecmp(keep->doi, dup->doi) != 0)
		pc_quality(g, m->d, (pc_ref){PC_PUBLICATION, m->new_index[dup_index]}, dup->n.line, dup->n.col,
			   "conflicting-doi",
			   "publication '%s' repeats '%s' (line %u) with another DOI (%s, not %s): merged, with the "
			   "DOI of '%s'; if they are two works, make their titles or authors tell them apart",
			   dup->n.id, keep->n.id, keep->n.line, dup->doi, keep->doi, keep->n.id);
	if (keep->doi == NULL)
		keep->doi = dup->doi;
	if (keep->isbn == NULL)
		keep->isbn = dup->isbn;
	pc_quality(g, m->d, (pc_ref){PC_PUBLICATION, m->new_index[dup_index]}, dup->n.line, dup->n.col,
		   "duplicate-publication", "publication '%s' repeats '%s' (line %u): merged into one", dup->n.id,
		   keep->n.id, keep->n.line);
}

/* Kept listings with one title and year but different keys: each later one
 * is a near-duplicate of the first, unless the source ties them as
 * editions. */
static void
relate_near_duplicates(merger *m)
{
	pc_graph *g = m->g;
	uint32_t *by_key = pc_malloc(m->n * sizeof *by_key);
	size_t n = 0;
	for (size_t i = 0; i < m->n; i++)
		if (m->target[i] == (int32_t)i)
			by_key[n++] = (uint32_t)i;
	sort_keys = m->near_key;
	qsort(by_key, n, sizeof *by_key, cmp_key);
	for (size_t r = 1; r < n; r++) {
		size_t first = r - 1;
		while (first > 0 && strcmp(m->near_key[by_key[first - 1]], m->near_key[by_key[r]]) == 0)
			first--;
		if (strcmp(m->near_key[by_key[first]], m->near_key[by_key[r]]) != 0)
			continue;
		uint32_t a = by_key[first], b = by_key[r];
		pc_publication *pa = &g->publications[a], *pb = &g->publications[b];
		if (pa->edition_of == (int32_t)b || pb->edition_of == (int32_t)a)
			continue;
		pb->near_duplicate_of = (int32_t)a;
		pc_quality(g, m->d, (pc_ref){PC_PUBLICATION, m->new_index[b]}, pb->n.line, pb->n.col, "near-duplicate",
			   "publication '%s' has the title and year of '%s' (line %u) but another subtitle, edition or "
			   "author list: both are kept. If they are one work, make the two listings agree; if one is "
			   "an edition of the other, say so with <edition-of ref=\"%s\"/>",
			   pb->n.id, pa->n.id, pa->n.line, pa->n.id);
	}
	free(by_key);
}

/* Drop the merged listings; every reference to a publication follows. */
static void
compact(merger *m)
{
	pc_graph *g = m->g;
	size_t w = 0;
	for (size_t i = 0; i < g->n_authorships; i++) {
		pc_authorship au = g->authorships[i];
		/* The duplicate's authors are the kept one's: its key says so. */
		if (m->target[au.publication] != (int32_t)au.publication)
			continue;
		au.publication = m->new_index[au.publication];
		g->authorships[w++] = au;
	}
	g->n_authorships = w;
	for (size_t i = 0; i < g->n_listings && i < m->n; i++) /* listing i was publication i */
		g->listings[i].publication = m->new_index[i];
	for (size_t i = 0; i < g->n_event_citations; i++)
		if (g->event_citations[i].target.kind == PC_PUBLICATION)
			g->event_citations[i].target.index = m->new_index[g->event_citations[i].target.index];
	w = 0;
	for (size_t i = 0; i < m->n; i++) {
		if (m->target[i] != (int32_t)i)
			continue;
		pc_publication p = g->publications[i];
		if (p.edition_of >= 0)
			p.edition_of = (int32_t)m->new_index[p.edition_of];
		if (p.near_duplicate_of >= 0)
			p.near_duplicate_of = (int32_t)m->new_index[p.near_duplicate_of];
		g->publications[w++] = p;
	}
	g->n_publications = w;
}

void
pc_merge_publications(pc_graph *g, pc_diag *d)
{
	merger m = {.g = g, .d = d, .n = g->n_publications};
	if (m.n == 0)
		return;
	m.key = pc_calloc(m.n, sizeof *m.key);
	m.near_key = pc_calloc(m.n, sizeof *m.near_key);
	m.subtitle = pc_calloc(m.n, sizeof *m.subtitle);
	m.target = pc_malloc(m.n * sizeof *m.target);
	m.new_index = pc_malloc(m.n * sizeof *m.new_index);
	index_authorships(&m);
	for (size_t i = 0; i < m.n; i++)
		make_keys(&m, (uint32_t)i);
	find_duplicates(&m);
	for (size_t i = 0; i < m.n; i++)
		if (m.target[i] != (int32_t)i)
			merge_listing(&m, (uint32_t)i);
	relate_near_duplicates(&m);
	compact(&m);
	for (size_t i = 0; i < m.n; i++) {
		free(m.key[i]);
		free(m.near_key[i]);
		free(m.subtitle[i]);
	}
	free(m.subtitle);
	free(m.key);
	free(m.near_key);
	free(m.target);
	free(m.new_index);
	free(m.start);
	free(m.order);
}
