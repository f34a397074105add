/* Normalize the graph: one person per real person, one publication per work. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "compiler.h"
#include "fold.h"

typedef struct {
	char *family_key, *given_key;
	char initial;
	int initials_only; /* every word of the given name is one letter */
	int group;
} citation;

typedef struct {
	int first;          /* the citation that opened the group */
	int best_given;     /* citation with the fullest given name */
	const char *family; /* the most frequent spelling */
	char *sort_key;
	const char *id;
	uint32_t new_index;
} person_group;

static int
initials_only(const char *key)
{
	if (key == NULL || *key == '\0')
		return 1;
	for (const char *p = key; *p; p++)
		if (*p != ' ' && p[1] != ' ' && p[1] != '\0')
			return 0;
	return 1;
}

/* "Sonia" and "S." match, "E. J." and "E." match, "Sonia" and "Sarah" do not. */
static int
compatible(const citation *a, const citation *b)
{
	if (strcmp(a->family_key, b->family_key) != 0)
		return 0;
	if (a->initial == 0 || b->initial == 0)
		return 1;
	if (a->initial != b->initial)
		return 0;
	return a->initials_only || b->initials_only || strcmp(a->given_key, b->given_key) == 0;
}

static void
slug_append(char *out, size_t cap, const char *key)
{
	size_t n = strlen(out);
	for (const char *p = key; *p && n + 1 < cap; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9'))
			out[n++] = *p;
		else if (*p == ' ' && n > 0 && out[n - 1] != '-')
			out[n++] = '-';
	}
	while (n > 0 && out[n - 1] == '-')
		n--;
	out[n] = '\0';
}

/* Every id of the graph but the persons', sorted, to test clashes in log time. */
typedef struct {
	const char **ids;
	size_t n;
} id_set;

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void
id_set_init(id_set *set, const pc_graph *g)
{
	size_t total = 0;
	for (int k = 0; k < PC_KIND_COUNT; k++)
		total += k == PC_PERSON ? 0 : pc_graph_count(g, (pc_kind)k);
	set->ids = pc_malloc((total ? total : 1) * sizeof *set->ids);
	set->n = 0;
	for (int k = 0; k < PC_KIND_COUNT; k++) {
		if (k == PC_PERSON)
			continue;
		for (size_t i = 0; i < pc_graph_count(g, (pc_kind)k); i++) {
			const pc_node *n = pc_graph_node(g, (pc_ref){(pc_kind)k, (uint32_t)i});
			if (n->id)
				set->ids[set->n++] = n->id;
		}
	}
	qsort(set->ids, set->n, sizeof *set->ids, cmp_str);
}

static int
id_set_has(const id_set *set, const char *id)
{
	return bsearch(&id, set->ids, set->n, sizeof *set->ids, cmp_str) != NULL;
}

static const citation *sort_citations;

static int
cmp_citation(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	int c = strcmp(sort_citations[x].family_key, sort_citations[y].family_key);
	return c ? c : (x > y) - (x < y);
}

/* "E. J.", "E.J." and "E J" all display as "E. J.": initials, normalized. */
static char *
initials_display(const char *given)
{
	size_t n = strlen(given);
	char *out = pc_malloc(n * 3 + 1), *o = out;
	int at_word = 1;
	for (const unsigned char *p = (const unsigned char *)given; *p; p++) {
		if (*p == ' ' || *p == '.') {
			at_word = 1;
			continue;
		}
		if (!at_word && (*p & 0xc0) != 0x80) /* only the first letter of a word */
			continue;
		if (at_word && o != out)
			*o++ = ' ';
		*o++ = (char)*p;
		/* Copy the rest of a multi-byte letter, then the dot. */
		while ((p[1] & 0xc0) == 0x80)
			*o++ = (char)*++p;
		if (at_word)
			*o++ = '.';
		at_word = 0;
	}
	*o = '\0';
	return out;
}

static person_group *sort_groups;

static int
cmp_group(const void *a, const void *b)
{
	const person_group *x = &sort_groups[*(const int *)a], *y = &sort_groups[*(const int *)b];
	int c = strcmp(x->sort_key, y->sort_key);
	return c ? c : strcmp(x->id, y->id);
}

static void
merge_persons(pc_graph *g)
{
	size_t n = g->n_persons;
	if (n == 0)
		return;
	citation *cit = pc_calloc(n, sizeof *cit);
	person_group *groups = pc_calloc(n, sizeof *groups);
	int n_groups = 0;
	int *by_family = pc_malloc(n * sizeof *by_family);
	for (size_t i = 0; i < n; i++) {
		citation *c = &cit[i];
		c->family_key = pc_fold_key(g->persons[i].family ? g->persons[i].family : "");
		c->given_key = pc_fold_key(g->persons[i].given ? g->persons[i].given : "");
		c->initial = c->given_key[0];
		c->initials_only = initials_only(c->given_key);
		c->group = -1;
		by_family[i] = (int)i;
	}
	/* Only citations of one family name can be one person: sort by family,
	 * then match within each run, in citation order. */
	sort_citations = cit;
	qsort(by_family, n, sizeof *by_family, cmp_citation);
	for (size_t run = 0; run < n;) {
		size_t run_end = run + 1;
		while (run_end < n && strcmp(cit[by_family[run_end]].family_key, cit[by_family[run]].family_key) == 0)
			run_end++;
		int first_group = n_groups;
		for (size_t r = run; r < run_end; r++) {
			int i = by_family[r];
			citation *c = &cit[i];
			for (int k = first_group; k < n_groups && c->group < 0; k++)
				if (compatible(&cit[groups[k].first], c))
					c->group = k;
			if (c->group < 0) {
				c->group = n_groups;
				groups[n_groups++] = (person_group){.first = i, .best_given = i};
			}
			person_group *gr = &groups[c->group];
			if (strlen(c->given_key) > strlen(cit[gr->best_given].given_key) ||
			    (cit[gr->best_given].initials_only && !c->initials_only))
				gr->best_given = i;
		}
		/* The family spelling cited most often in each group (first seen on a tie). */
		for (int k = first_group; k < n_groups; k++) {
			int best = 0;
			for (size_t r = run; r < run_end; r++) {
				int i = by_family[r];
				if (cit[i].group != k)
					continue;
				int count = 0;
				for (size_t q = run; q < run_end; q++) {
					int j = by_family[q];
					count += cit[j].group == k &&
						 strcmp(g->persons[j].family, g->persons[i].family) == 0;
				}
				if (count > best) {
					best = count;
					groups[k].family = g->persons[i].family;
				}
			}
		}
		run = run_end;
	}
	free(by_family);
	/* Stable ids from the folded name, unique in the profile. */
	id_set others;
	id_set_init(&others, g);
	pc_strtab taken;
	pc_strtab_init(&taken);
	for (int k = 0; k < n_groups; k++) {
		person_group *gr = &groups[k];
		const citation *bg = &cit[gr->best_given];
		gr->sort_key = pc_asprintf("%s %s", cit[gr->first].family_key, bg->given_key);
		char base[96] = "person-";
		slug_append(base, sizeof base, cit[gr->first].family_key);
		if (bg->given_key[0]) {
			strcat(base, "-");
			slug_append(base, sizeof base, bg->given_key);
		}
		if (strcmp(base, "person-") == 0)
			snprintf(base, sizeof base, "person-%d", k + 1);
		char id[112];
		snprintf(id, sizeof id, "%s", base);
		for (int suffix = 2;; suffix++) {
			size_t before = taken.n_used;
			if (!id_set_has(&others, id) && (pc_intern(&taken, id), taken.n_used > before))
				break;
			snprintf(id, sizeof id, "%s-%d", base, suffix);
		}
		gr->id = pc_intern(&g->strings, id);
	}
	free(others.ids);
	pc_strtab_free(&taken);
	int *order = pc_malloc((size_t)n_groups * sizeof *order);
	for (int k = 0; k < n_groups; k++)
		order[k] = k;
	sort_groups = groups;
	qsort(order, (size_t)n_groups, sizeof *order, cmp_group);
	pc_person *merged = pc_calloc((size_t)n_groups, sizeof *merged);
	for (int r = 0; r < n_groups; r++) {
		person_group *gr = &groups[order[r]];
		gr->new_index = (uint32_t)r;
		pc_person *p = &merged[r];
		const pc_person *best = &g->persons[gr->best_given];
		p->n.id = gr->id;
		p->n.line = g->persons[gr->first].n.line;
		p->family = gr->family;
		char *given = NULL;
		if (best->given)
			given = cit[gr->best_given].initials_only ? initials_display(best->given)
								  : pc_strdup(best->given);
		p->given = given ? pc_intern(&g->strings, given) : NULL;
		char *display = given ? pc_asprintf("%s %s", given, gr->family) : pc_strdup(gr->family);
		free(given);
		p->display = pc_intern(&g->strings, display);
		free(display);
		p->sort_key = pc_intern(&g->strings, gr->sort_key);
	}
	for (size_t i = 0; i < g->n_authorships; i++) {
		pc_authorship *au = &g->authorships[i];
		if (au->author.kind == PC_PERSON)
			au->author.index = groups[cit[au->author.index].group].new_index;
	}
	for (size_t i = 0; i < g->n_citations; i++)
		if (g->citations[i].author.kind == PC_PERSON)
			g->citations[i].author.index = groups[cit[g->citations[i].author.index].group].new_index;
	free(g->persons);
	g->persons = merged;
	g->n_persons = g->cap_persons = (size_t)n_groups;
	for (size_t i = 0; i < n; i++) {
		free(cit[i].family_key);
		free(cit[i].given_key);
	}
	for (int k = 0; k < n_groups; k++)
		free(groups[k].sort_key);
	free(order);
	free(cit);
	free(groups);
}

/* Title, year and authors, folded: two entries with the same key are one work. */
static char *
publication_key(const pc_graph *g, uint32_t pi, const size_t *start, const size_t *order)
{
	const pc_publication *p = &g->publications[pi];
	char *title = pc_fold_key(p->title ? p->title : "");
	size_t cap = strlen(title) + 32, len = 0;
	char *key = pc_malloc(cap);
	len = (size_t)snprintf(key, cap, "%s|%d|", title, p->year);
	free(title);
	for (size_t k = start[pi]; k < start[pi + 1]; k++) {
		const pc_authorship *au = &g->authorships[order[k]];
		if (len + 16 > cap) {
			cap *= 2;
			key = pc_realloc(key, cap);
		}
		len += (size_t)snprintf(key + len, cap - len, "%c%u,", au->author.kind == PC_PERSON ? 'p' : 'a',
					au->author.index);
	}
	return key;
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

static char **sort_keys;

static int
cmp_key(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	int c = strcmp(sort_keys[x], sort_keys[y]);
	return c ? c : (x > y) - (x < y);
}

static void
merge_publications(pc_graph *g, pc_diag *d)
{
	size_t n = g->n_publications;
	if (n == 0)
		return;
	char **keys = pc_calloc(n, sizeof *keys);
	int32_t *target = pc_malloc(n * sizeof *target); /* the entry each one merges into */
	uint32_t *by_key = pc_malloc(n * sizeof *by_key);
	/* Each publication's authorships, in order: a counting sort. */
	size_t *start = pc_calloc(n + 1, sizeof *start);
	size_t *order = pc_malloc((g->n_authorships ? g->n_authorships : 1) * sizeof *order);
	for (size_t i = 0; i < g->n_authorships; i++)
		start[g->authorships[i].publication + 1]++;
	for (size_t i = 0; i < n; i++)
		start[i + 1] += start[i];
	size_t *fill = pc_malloc((n + 1) * sizeof *fill);
	memcpy(fill, start, (n + 1) * sizeof *fill);
	for (size_t i = 0; i < g->n_authorships; i++)
		order[fill[g->authorships[i].publication]++] = i;
	free(fill);
	for (size_t i = 0; i < n; i++) {
		keys[i] = publication_key(g, (uint32_t)i, start, order);
		target[i] = (int32_t)i;
		by_key[i] = (uint32_t)i;
	}
	/* Sorted by key, then by position: the first of each run is kept. */
	sort_keys = keys;
	qsort(by_key, n, sizeof *by_key, cmp_key);
	for (size_t r = 1; r < n; r++)
		if (strcmp(keys[by_key[r]], keys[by_key[r - 1]]) == 0)
			target[by_key[r]] = target[by_key[r - 1]];
	free(by_key);
	free(start);
	free(order);
	/* New indices after dropping the merged entries. */
	uint32_t *new_index = pc_malloc(n * sizeof *new_index);
	uint32_t kept = 0;
	for (size_t i = 0; i < n; i++)
		if (target[i] == (int32_t)i)
			new_index[i] = kept++;
	for (size_t i = 0; i < n; i++) {
		if (target[i] == (int32_t)i)
			continue;
		pc_publication *dup = &g->publications[i], *keep = &g->publications[target[i]];
		new_index[i] = new_index[target[i]];
		add_merged(g, keep, dup->n.id, dup->n.line);
		if (keep->description == NULL)
			keep->description = dup->description;
		if (keep->subtitle == NULL)
			keep->subtitle = dup->subtitle;
		if (keep->publisher < 0)
			keep->publisher = dup->publisher;
		pc_quality(g, d, (pc_ref){PC_PUBLICATION, new_index[target[i]]}, dup->n.line, dup->n.col,
			   "duplicate-publication", "publication '%s' repeats '%s' (line %u): merged into one",
			   dup->n.id, keep->n.id, keep->n.line);
	}
	/* Drop the duplicates' authorships: the kept entry has the same authors. */
	size_t w = 0;
	for (size_t i = 0; i < g->n_authorships; i++) {
		pc_authorship au = g->authorships[i];
		if (target[au.publication] != (int32_t)au.publication)
			continue;
		au.publication = new_index[au.publication];
		g->authorships[w++] = au;
	}
	g->n_authorships = w;
	for (size_t i = 0; i < g->n_listings; i++) /* listing i was publication i */
		g->listings[i].publication = new_index[i];
	for (size_t i = 0; i < g->n_event_citations; i++)
		if (g->event_citations[i].target.kind == PC_PUBLICATION)
			g->event_citations[i].target.index = new_index[g->event_citations[i].target.index];
	w = 0;
	for (size_t i = 0; i < n; i++) {
		if (target[i] != (int32_t)i)
			continue;
		pc_publication p = g->publications[i];
		if (p.edition_of >= 0)
			p.edition_of = (int32_t)new_index[p.edition_of];
		g->publications[w++] = p;
	}
	g->n_publications = w;
	/* A quality note may name a publication by its old index: fix them. */
	for (size_t i = 0; i < n; i++)
		free(keys[i]);
	free(keys);
	free(target);
	free(new_index);
}

void
pc_normalize(pc_graph *g, pc_diag *d)
{
	merge_persons(g);
	merge_publications(g, d);
}
