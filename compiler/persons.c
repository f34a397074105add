/* Person resolution: citations grouped into people as a function of their set, never of their order. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "fold.h"
#include "names.h"
#include "normalize.h"

/* One person node before resolution: a citation, or a declared person.
 * (Fields ordered so that a large profile's hundred thousand entries
 * carry no padding.) */
typedef struct {
	pc_name name;
	const char *why;    /* the rule that put it there */
	uint32_t node;      /* index into the graph's persons before resolution */
	int declared;       /* a <people> entry */
	int32_t ref;        /* a citation's declared person (node index), -1 */
	int cluster;        /* the person it ends in */
	unsigned line, col; /* where the source cites (or declares) it */
} entry;

/* What the last steps (rebuild, the report) need of an entry, once the
 * names are read: the entries are compacted to these in place, since a
 * large profile's peak memory is those steps. */
typedef struct {
	const char *why;
	int cluster;
	int declared;
	unsigned line, col;
} placed;

/* One person after resolution. (Pointers first, then the numbers: no
 * padding in one of a large profile's larger arrays.) */
typedef struct {
	int *anchors;       /* entries whose names define the person: one per full form */
	int *candidates;    /* an ambiguous citation's: the people it could be */
	const char *family; /* the family spelling to display */
	/* In the graph's strings: the people's own, made before the people. */
	const char *given; /* the given name to display, NULL */
	const char *sort_key, *id;
	/* Read from the citations before the people are written over them
	 * (rebuild): the declaration's ORCID, the displayed citation's order
	 * and whether it is a mononym. */
	const char *orcid;
	uint32_t n_anchors, n_candidates;
	int declared;   /* the declaring entry, -1 */
	int display;    /* the entry whose given name is displayed */
	int unresolved; /* an ambiguous or lone citation's entry, -1 */
	uint32_t new_index;
	pc_name_order order;
	unsigned char family_first, mononym;
} cluster;

typedef struct {
	pc_graph *g;
	pc_diag *d;
	entry *e;   /* until the ids are given; then NULL, and ... */
	placed *pl; /* ... what is left of each, in the same memory */
	size_t n;
	cluster *c;
	size_t n_c, cap_c;
	int *decl_cluster;   /* node index -> cluster of a declared person, -1 */
	int32_t *authorship; /* node index -> its authorship, -1 for a declared person */
	pc_strtab names;     /* the parsed names' strings, each once; freed before rebuild */
	pc_strtab ids;       /* the ids given so far, to give none twice */
} resolver;

#define WHY_DECLARED       "declared"
#define WHY_FULL_FORM      "full-form"
#define WHY_SOLE_CANDIDATE "sole-candidate"
#define WHY_AMBIGUOUS      "ambiguous"
#define WHY_APART          "apart"

static int
new_cluster(resolver *r)
{
	if (r->n_c == r->cap_c) {
		r->cap_c = r->cap_c ? r->cap_c * 2 : 64;
		r->c = pc_realloc(r->c, r->cap_c * sizeof *r->c);
	}
	r->c[r->n_c] = (cluster){.declared = -1, .display = -1, .unresolved = -1};
	return (int)r->n_c++;
}

static void
add_anchor(cluster *c, int entry_index)
{
	c->anchors = pc_realloc(c->anchors, (c->n_anchors + 1) * sizeof *c->anchors);
	c->anchors[c->n_anchors++] = entry_index;
}

/* ---- Step 1: entries, sorted by family name, then form ---------------- */

static const entry *sort_entries;

static int
cmp_entry(const void *a, const void *b)
{
	const entry *x = &sort_entries[*(const int *)a], *y = &sort_entries[*(const int *)b];
	int c = strcmp(x->name.family, y->name.family);
	if (c == 0)
		c = y->declared - x->declared;
	if (c == 0)
		c = strcmp(x->name.form, y->name.form);
	return c ? c : (x->node > y->node) - (x->node < y->node);
}

/* The entry that first parsed a spelling, by its interned family and
 * given pointers (equal pointers, equal strings) and whether it is a
 * mononym: a name cited a thousand times is parsed once. */
typedef struct {
	int *slots; /* entry index + 1; 0 empty */
	size_t mask;
} spelling_index;

static size_t
spelling_slot(const spelling_index *x, const pc_person *p)
{
	uint64_t h = (uint64_t)(uintptr_t)p->family * 0x9e3779b97f4a7c15ull ^ (uint64_t)(uintptr_t)p->given ^
		     (uint64_t)p->mononym;
	h = (h ^ (h >> 29)) * 0xbf58476d1ce4e5b9ull;
	return (size_t)(h >> 32) & x->mask;
}

/* Parse p's name, or copy it from the entry that parsed the same spelling. */
static void
parse_spelling(resolver *r, spelling_index *x, size_t i)
{
	const pc_person *p = &r->g->persons[i];
	size_t j = spelling_slot(x, p);
	for (; x->slots[j]; j = (j + 1) & x->mask) {
		const pc_person *q = &r->g->persons[x->slots[j] - 1];
		if (q->family == p->family && q->given == p->given && q->mononym == p->mononym) {
			r->e[i].name = r->e[x->slots[j] - 1].name;
			return;
		}
	}
	x->slots[j] = (int)i + 1;
	pc_name *name = &r->e[i].name;
	pc_name_parse(name, &r->names, p->family, p->given);
	if (p->mononym) {
		/* A mononym's key is its own: "Sukarno" alone never groups
		 * with the family name Sukarno (" |" cannot end a folded
		 * name), and equal mononyms are one person. */
		char *key = pc_asprintf("%s |", name->family);
		name->family = pc_intern(&r->names, key);
		free(key);
	}
}

static int *
read_entries(resolver *r)
{
	pc_graph *g = r->g;
	r->n = g->n_persons;
	r->e = pc_calloc(r->n, sizeof *r->e);
	r->decl_cluster = pc_malloc(r->n * sizeof *r->decl_cluster);
	int *order = pc_malloc(r->n * sizeof *order);
	spelling_index spellings = {.mask = 15};
	while (spellings.mask < 2 * r->n)
		spellings.mask = spellings.mask * 2 + 1;
	spellings.slots = pc_calloc(spellings.mask + 1, sizeof *spellings.slots);
	for (size_t i = 0; i < r->n; i++) {
		const pc_person *p = &g->persons[i];
		entry *e = &r->e[i];
		parse_spelling(r, &spellings, i);
		e->node = (uint32_t)i;
		e->declared = p->declared;
		e->ref = p->ref;
		e->line = p->n.line;
		e->col = p->n.col;
		e->cluster = -1;
		r->decl_cluster[i] = -1;
		order[i] = (int)i;
	}
	free(spellings.slots);
	r->authorship = pc_malloc((r->n + 1) * sizeof *r->authorship);
	for (size_t i = 0; i < r->n; i++)
		r->authorship[i] = -1;
	for (size_t i = 0; i < g->n_authorships; i++)
		if (g->authorships[i].author.kind == PC_PERSON)
			r->authorship[g->authorships[i].author.index] = (int32_t)i;
	sort_entries = r->e;
	qsort(order, r->n, sizeof *order, cmp_entry);
	return order;
}

/* ---- Step 2: one family name's forms into people ---------------------- */

/* Forms that no other form (nor a declared person) says more than. */
static void
find_maximal(resolver *r, const int *forms, size_t n_forms, const int *decl, size_t n_decl, char *maximal)
{
	for (size_t i = 0; i < n_forms; i++) {
		const pc_name *x = &r->e[forms[i]].name;
		maximal[i] = 1;
		for (size_t j = 0; j < n_forms && maximal[i]; j++)
			if (j != i && pc_name_subsumes(&r->e[forms[j]].name, x))
				maximal[i] = 0;
		for (size_t k = 0; k < n_decl && maximal[i]; k++)
			if (pc_name_compatible(&r->e[decl[k]].name, x))
				maximal[i] = 0;
	}
}

static int
uf_find(int *parent, int i)
{
	while (parent[i] != i)
		i = parent[i] = parent[parent[i]];
	return i;
}

/* Maximal forms compatible with each other are one person when they are all
 * pairwise compatible; a chain that is not ("T. K." ~ "Tomasz" ~ "T. L.")
 * leaves each its own person: nothing says which way it goes. */
static void
group_maximal(resolver *r, const int *forms, size_t n_forms, const char *maximal, int *form_cluster)
{
	int *parent = pc_malloc((n_forms ? n_forms : 1) * sizeof *parent);
	char *broken = pc_calloc(n_forms + 1, 1); /* by root: not a clique */
	for (size_t i = 0; i < n_forms; i++)
		parent[i] = (int)i;
	for (size_t i = 0; i < n_forms; i++)
		for (size_t j = i + 1; maximal[i] && j < n_forms; j++)
			if (maximal[j] && pc_name_compatible(&r->e[forms[i]].name, &r->e[forms[j]].name))
				parent[uf_find(parent, (int)j)] = uf_find(parent, (int)i);
	for (size_t i = 0; i < n_forms; i++)
		for (size_t j = i + 1; maximal[i] && j < n_forms; j++)
			if (maximal[j] && uf_find(parent, (int)i) == uf_find(parent, (int)j) &&
			    !pc_name_compatible(&r->e[forms[i]].name, &r->e[forms[j]].name))
				broken[uf_find(parent, (int)i)] = 1;
	for (size_t i = 0; i < n_forms; i++) {
		if (!maximal[i] || form_cluster[i] >= 0)
			continue;
		int root = uf_find(parent, (int)i), c = new_cluster(r);
		for (size_t j = i; j < n_forms; j++) {
			if (j != i && (!maximal[j] || broken[root] || uf_find(parent, (int)j) != root))
				continue;
			form_cluster[j] = c;
			add_anchor(&r->c[c], forms[j]);
		}
	}
	free(parent);
	free(broken);
}

/* A form that is not maximal joins the one person every name of which it is
 * compatible with; with two or more it is ambiguous and stays apart. */
static void
place_other_forms(resolver *r, const int *forms, size_t n_forms, int first_cluster, int *form_cluster)
{
	int last_cluster = (int)r->n_c;
	for (size_t i = 0; i < n_forms; i++) {
		if (form_cluster[i] >= 0)
			continue;
		const pc_name *x = &r->e[forms[i]].name;
		int *cands = pc_malloc((size_t)(last_cluster - first_cluster + 1) * sizeof *cands);
		size_t n_cands = 0;
		for (int c = first_cluster; c < last_cluster; c++) {
			int all = 1;
			for (size_t a = 0; a < r->c[c].n_anchors && all; a++)
				all = pc_name_compatible(&r->e[r->c[c].anchors[a]].name, x);
			if (all)
				cands[n_cands++] = c;
		}
		if (n_cands == 1) {
			form_cluster[i] = -2 - cands[0]; /* joined, not an anchor */
			free(cands);
			continue;
		}
		int c = new_cluster(r);
		form_cluster[i] = c;
		add_anchor(&r->c[c], forms[i]);
		r->c[c].candidates = n_cands ? cands : NULL;
		r->c[c].n_candidates = n_cands;
		if (!n_cands)
			free(cands);
	}
}

static int
copy_cluster(resolver *r, int from)
{
	int c = new_cluster(r);
	const cluster *f = &r->c[from];
	for (size_t a = 0; a < f->n_anchors; a++)
		add_anchor(&r->c[c], f->anchors[a]);
	r->c[c].n_candidates = f->n_candidates;
	if (f->n_candidates) {
		r->c[c].candidates = pc_malloc(f->n_candidates * sizeof *f->candidates);
		memcpy(r->c[c].candidates, f->candidates, f->n_candidates * sizeof *f->candidates);
	}
	return c;
}

static void
resolve_family(resolver *r, const int *run, size_t n_run)
{
	int first_cluster = (int)r->n_c;
	/* Declared people first (the sort puts them first): one person each. */
	size_t n_decl = 0;
	while (n_decl < n_run && r->e[run[n_decl]].declared) {
		int c = new_cluster(r);
		r->c[c].declared = run[n_decl];
		add_anchor(&r->c[c], run[n_decl]);
		r->e[run[n_decl]].cluster = c;
		r->e[run[n_decl]].why = WHY_DECLARED;
		r->decl_cluster[run[n_decl]] = c;
		n_decl++;
	}
	/* The distinct forms of the citations without a ref. */
	int *forms = pc_malloc((n_run + 1) * sizeof *forms), *form_of = pc_malloc((n_run + 1) * sizeof *form_of);
	size_t n_forms = 0;
	for (size_t i = n_decl; i < n_run; i++) {
		const entry *e = &r->e[run[i]];
		form_of[i] = -1;
		if (e->ref >= 0)
			continue;
		if (n_forms == 0 || strcmp(r->e[forms[n_forms - 1]].name.form, e->name.form) != 0)
			forms[n_forms++] = run[i];
		form_of[i] = (int)n_forms - 1;
	}
	char *maximal = pc_malloc(n_forms + 1);
	int *form_cluster = pc_malloc((n_forms + 1) * sizeof *form_cluster);
	for (size_t i = 0; i < n_forms; i++)
		form_cluster[i] = -1;
	find_maximal(r, forms, n_forms, run, n_decl, maximal);
	group_maximal(r, forms, n_forms, maximal, form_cluster);
	place_other_forms(r, forms, n_forms, first_cluster, form_cluster);
	char *form_used = pc_calloc(n_forms + 1, 1);
	for (size_t i = n_decl; i < n_run; i++) {
		if (form_of[i] < 0)
			continue;
		entry *e = &r->e[run[i]];
		int fc = form_cluster[form_of[i]];
		e->cluster = fc >= 0 ? fc : -2 - fc;
		if (fc < 0) {
			e->why = WHY_SOLE_CANDIDATE;
		} else if (maximal[form_of[i]]) {
			e->why = WHY_FULL_FORM;
		} else {
			/* Unresolved: each citation is a person of its own, as two
			 * "M. Petrović" may be Mira and Milan. */
			e->why = r->c[fc].n_candidates ? WHY_AMBIGUOUS : WHY_APART;
			if (form_used[form_of[i]])
				e->cluster = copy_cluster(r, fc);
			form_used[form_of[i]] = 1;
			r->c[e->cluster].unresolved = run[i];
		}
	}
	free(form_used);
	free(forms);
	free(form_of);
	free(maximal);
	free(form_cluster);
	/* The anchors decided this family's people; nothing after reads them. */
	for (size_t k = (size_t)first_cluster; k < r->n_c; k++) {
		free(r->c[k].anchors);
		r->c[k].anchors = NULL;
		r->c[k].n_anchors = 0;
	}
}

/* ---- Step 3: citations that name a declared person -------------------- */

static void
attach_refs(resolver *r)
{
	for (size_t i = 0; i < r->n; i++) {
		entry *e = &r->e[i];
		if (e->declared || e->ref < 0)
			continue;
		const entry *decl = &r->e[e->ref];
		e->cluster = r->decl_cluster[e->ref];
		e->why = WHY_DECLARED;
		/* Same family spelling, given names that cannot be one: a slip. A
		 * family name in another script is the editor's to declare. */
		if (strcmp(decl->name.family, e->name.family) == 0 && !pc_name_compatible(&decl->name, &e->name)) {
			const pc_person *p = &r->g->persons[e->node], *dp = &r->g->persons[decl->node];
			pc_diag_report(
				r->d, PC_SEV_ERROR, r->g->source_path, p->n.line, p->n.col, "conflicting-person",
				"the citation '%s %s' names person '%s' (%s %s), whose given name it contradicts; "
				"point it at another person or correct its given name",
				p->given ? p->given : "", p->family ? p->family : "", dp->n.id,
				dp->given ? dp->given : "", dp->family ? dp->family : "");
		}
	}
}

/* ---- Step 4: what each person displays -------------------------------- */

static const pc_graph *sort_graph;

static const char *
given_of(const entry *e)
{
	const char *s = sort_graph->persons[e->node].given;
	return s ? s : "";
}

/* Fullest first: more parts in full, more parts, then the spelling. */
static int
cmp_fullest(const void *a, const void *b)
{
	const entry *x = &sort_entries[*(const int *)a], *y = &sort_entries[*(const int *)b];
	if (x->name.n_full != y->name.n_full)
		return x->name.n_full > y->name.n_full ? -1 : 1;
	if (x->name.n_parts != y->name.n_parts)
		return x->name.n_parts > y->name.n_parts ? -1 : 1;
	return strcmp(given_of(x), given_of(y));
}

static int
cmp_family_spelling(const void *a, const void *b)
{
	return strcmp(sort_graph->persons[sort_entries[*(const int *)a].node].family,
		      sort_graph->persons[sort_entries[*(const int *)b].node].family);
}

/* In a sorted list, the run cited most often (the byte-greatest of equals,
 * so that Ólafsson wins over Olafsson and O’Neill over O'Neill on a tie). */
static int
most_frequent(const int *m, size_t n, int (*same)(const void *, const void *), size_t limit)
{
	int best = m[0];
	size_t best_count = 0;
	for (size_t i = 0; i < limit;) {
		size_t j = i + 1;
		while (j < n && same(&m[i], &m[j]) == 0)
			j++;
		if (j - i >= best_count) {
			best_count = j - i;
			best = m[i];
		}
		i = j;
	}
	return best;
}

static void
describe_cluster(resolver *r, cluster *c, int *m, size_t n)
{
	const pc_graph *g = r->g;
	pc_name_order order = PC_ORDER_UNSTATED;
	if (c->declared >= 0) {
		c->display = c->declared;
		c->family = g->persons[r->e[c->declared].node].family;
		order = g->persons[r->e[c->declared].node].order;
	} else {
		qsort(m, n, sizeof *m, cmp_fullest);
		size_t top = 1; /* the fullest forms: the same counts of parts */
		while (top < n && r->e[m[top]].name.n_full == r->e[m[0]].name.n_full &&
		       r->e[m[top]].name.n_parts == r->e[m[0]].name.n_parts)
			top++;
		c->display = most_frequent(m, n, cmp_fullest, top);
		qsort(m, n, sizeof *m, cmp_family_spelling);
		c->family = g->persons[r->e[most_frequent(m, n, cmp_family_spelling, n)].node].family;
		order = g->persons[r->e[c->display].node].order;
		for (size_t i = 0; i < n && order == PC_ORDER_UNSTATED; i++)
			if (g->persons[r->e[m[i]].node].order == PC_ORDER_FAMILY_FIRST)
				order = PC_ORDER_FAMILY_FIRST;
		for (size_t i = 0; i < n && order == PC_ORDER_UNSTATED; i++)
			order = g->persons[r->e[m[i]].node].order;
	}
	c->family_first =
		order == PC_ORDER_UNSTATED ? pc_name_family_first_script(c->family) : order == PC_ORDER_FAMILY_FIRST;
}

/* The given name to display: as written, or initials put in one shape. */
static char *
display_given(const resolver *r, const cluster *c)
{
	const entry *e = &r->e[c->display];
	const char *given = r->g->persons[e->node].given;
	if (given == NULL || e->name.n_parts == 0)
		return NULL;
	return e->name.n_full == 0 ? pc_name_initials(&e->name) : pc_strdup(given);
}

static void
describe_clusters(resolver *r)
{
	/* Each person's citations (and declaration), by a counting sort. */
	size_t *start = pc_calloc(r->n_c + 1, sizeof *start);
	int *members = pc_malloc((r->n + 1) * sizeof *members);
	for (size_t i = 0; i < r->n; i++)
		start[r->e[i].cluster + 1]++;
	for (size_t k = 0; k < r->n_c; k++)
		start[k + 1] += start[k];
	size_t *fill = pc_malloc((r->n_c + 1) * sizeof *fill);
	memcpy(fill, start, (r->n_c + 1) * sizeof *fill);
	for (size_t i = 0; i < r->n; i++)
		members[fill[r->e[i].cluster]++] = (int)i;
	sort_entries = r->e;
	sort_graph = r->g;
	for (size_t k = 0; k < r->n_c; k++) {
		cluster *c = &r->c[k];
		describe_cluster(r, c, members + start[k], start[k + 1] - start[k]);
		const pc_person *shown = &r->g->persons[r->e[c->display].node];
		c->mononym = shown->mononym;
		c->order = shown->order;
		c->orcid = c->declared >= 0 ? r->g->persons[r->e[c->declared].node].orcid : NULL;
		char *given = display_given(r, c), *gk = pc_fold_key(given ? given : "");
		c->given = pc_intern(&r->g->strings, given);
		char *sort_key = pc_asprintf("%s %s", r->e[c->display].name.family, gk);
		c->sort_key = pc_intern(&r->g->strings, sort_key);
		free(sort_key);
		free(gk);
		free(given);
	}
	free(start);
	free(fill);
	free(members);
}

/* ---- Step 5: ids, from each person's own name ------------------------- */

/* "person-" and the folded name in ASCII. A name that needed transliterating
 * ("Петрова" -> petrova) adds a short hash of itself, since a Latin "Olga
 * Petrova" may come to share the transliteration; a name with no Latin
 * form at all is the hash alone. Either way the id is the name's alone. */
static char *
base_id(const resolver *r, const cluster *c)
{
	char base[112] = "person-", hash[9];
	const char *family_key = r->e[c->display].name.family;
	char *family = pc_ascii(family_key);
	pc_slug_append(base, 96, family);
	free(family);
	if (strcmp(base, "person-") == 0) {
		pc_short_hash(c->sort_key, hash, 8);
		return pc_asprintf("person-%s", hash);
	}
	/* The sort key is the folded family name, a space, the folded given. */
	const char *given_key = c->sort_key + strlen(family_key) + 1;
	char *given = pc_ascii(given_key);
	char slug[112] = "";
	pc_slug_append(slug, 96, given);
	free(given);
	char *name = slug[0] ? pc_asprintf("%s-%s", base, slug) : pc_strdup(base);
	if (c->unresolved < 0 && pc_is_ascii(c->sort_key))
		return name;
	/* An unresolved citation is a person of its own: its publication and
	 * text tell it from another citation of the same name. */
	const pc_authorship *au = c->unresolved >= 0 && r->authorship[c->unresolved] >= 0
					  ? &r->g->authorships[r->authorship[c->unresolved]]
					  : NULL;
	char *what = au ? pc_asprintf("%s|%s|%s", c->sort_key, r->g->publications[au->publication].n.id,
				      au->as_written ? au->as_written : "")
			: pc_strdup(c->sort_key);
	pc_short_hash(what, hash, 6);
	char *id = pc_asprintf("%s-%s", name, hash);
	free(what);
	free(name);
	return id;
}

static char **sort_bases;
static const resolver *sort_resolver;

static int
cmp_base(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	int c = strcmp(sort_bases[x], sort_bases[y]);
	const cluster *cx = &sort_resolver->c[x], *cy = &sort_resolver->c[y];
	if (c == 0)
		c = strcmp(cx->sort_key, cy->sort_key);
	if (c == 0)
		c = strcmp(sort_resolver->e[cx->display].name.form, sort_resolver->e[cy->display].name.form);
	return c ? c : (x > y) - (x < y);
}

/* Two people with one base id (only an id another entity took, or one cut
 * at 96 characters, can do it): the first in name order keeps it, the
 * others add a hash of their own name, so an id never depends on the order
 * of the source. */
static void
assign_ids(resolver *r)
{
	char **bases = pc_calloc(r->n_c + 1, sizeof *bases);
	int *order = pc_malloc((r->n_c + 1) * sizeof *order);
	size_t n = 0;
	for (size_t k = 0; k < r->n_c; k++) {
		if (r->c[k].declared >= 0) {
			r->c[k].id = r->g->persons[r->e[r->c[k].declared].node].n.id;
			pc_intern(&r->ids, r->c[k].id);
			continue;
		}
		bases[k] = base_id(r, &r->c[k]);
		order[n++] = (int)k;
	}
	sort_bases = bases;
	sort_resolver = r;
	qsort(order, n, sizeof *order, cmp_base);
	for (size_t i = 0; i < n; i++) {
		cluster *c = &r->c[order[i]];
		const char *base = bases[order[i]];
		char *id = pc_strdup(base);
		for (int attempt = 0;; attempt++) {
			size_t before = r->ids.n_used;
			if (!pc_id_taken(r->g, PC_PERSON, id) && (pc_intern(&r->ids, id), r->ids.n_used > before))
				break;
			free(id);
			char hash[7], *what = pc_asprintf("%s|%s", c->sort_key, r->e[c->display].name.form);
			pc_short_hash(what, hash, 6);
			free(what);
			id = attempt == 0 ? pc_asprintf("%s-%s", base, hash)
					  : pc_asprintf("%s-%s-%d", base, hash, attempt + 1);
		}
		c->id = pc_intern(&r->g->strings, id);
		free(id);
	}
	for (size_t k = 0; k < r->n_c; k++)
		free(bases[k]);
	free(bases);
	free(order);
}

/* ---- Step 6: the people, in name order; citations point at them ------- */

/* Each entry becomes its `placed`, written over the entries from the
 * front (placed i ends before entry i + 1 starts), then the array shrinks. */
static void
compact_entries(resolver *r)
{
	_Static_assert(sizeof(placed) <= sizeof(entry), "placed fits in an entry");
	placed *pl = (placed *)(void *)r->e;
	for (size_t i = 0; i < r->n; i++) {
		const entry *e = &r->e[i];
		placed one = {e->why, e->cluster, e->declared, e->line, e->col};
		pl[i] = one;
	}
	r->e = NULL;
	r->pl = pc_realloc(pl, (r->n + 1) * sizeof *pl);
}

static int
cmp_cluster(const void *a, const void *b)
{
	const cluster *x = &sort_resolver->c[*(const int *)a], *y = &sort_resolver->c[*(const int *)b];
	int c = strcmp(x->sort_key, y->sort_key);
	return c ? c : strcmp(x->id, y->id);
}

static void
fill_person(resolver *r, const cluster *c, pc_person *p)
{
	pc_graph *g = r->g;
	memset(p, 0, sizeof *p);
	p->n.id = c->id;
	p->n.line = UINT32_MAX;
	p->family = c->family;
	const char *given = c->given;
	p->given = given;
	char *display;
	if (given == NULL)
		display = pc_strdup(c->family);
	else if (!c->family_first)
		display = pc_asprintf("%s %s", given, c->family);
	else /* no space between names in Han, Kana or Hangul: 王小明 */
		display = pc_asprintf(
			"%s%s%s", c->family,
			pc_name_family_first_script(c->family) && pc_name_family_first_script(given) ? "" : " ", given);
	p->display = pc_intern(&g->strings, display);
	free(display);
	p->mononym = c->mononym;
	/* A mononym's key marker (read_entries) is the matcher's, not the reader's. */
	size_t keep = strlen(c->sort_key);
	char *sort_key = pc_strndup(c->sort_key, p->mononym && keep >= 3 ? keep - 3 : keep);
	p->sort_key = pc_intern(&g->strings, sort_key);
	free(sort_key);
	p->declared = c->declared >= 0;
	p->orcid = c->orcid;
	p->family_first = c->family_first;
	p->order = c->order;
	p->ref = -1;
}

static void
rebuild(resolver *r)
{
	pc_graph *g = r->g;
	int *order = pc_malloc((r->n_c + 1) * sizeof *order);
	for (size_t k = 0; k < r->n_c; k++)
		order[k] = (int)k;
	sort_resolver = r;
	qsort(order, r->n_c, sizeof *order, cmp_cluster);
	/* The people are written over the citations' persons: what they
	 * needed of those, the clusters and entries already hold, and a
	 * large profile's peak memory is not both arrays at once. */
	if (r->n_c > g->cap_persons) {
		g->persons = pc_realloc(g->persons, r->n_c * sizeof *g->persons);
		g->cap_persons = r->n_c;
	}
	pc_person *people = g->persons;
	for (size_t i = 0; i < r->n_c; i++) {
		r->c[order[i]].new_index = (uint32_t)i;
		fill_person(r, &r->c[order[i]], &people[i]);
	}
	/* A person's line: its declaration, else its first citation. */
	for (size_t i = 0; i < r->n; i++) {
		const placed *e = &r->pl[i];
		pc_person *p = &people[r->c[e->cluster].new_index];
		if (e->declared || (!p->declared && e->line < p->n.line)) {
			p->n.line = e->line;
			p->n.col = e->col;
		}
	}
	for (size_t i = 0; i < g->n_authorships; i++) {
		pc_authorship *au = &g->authorships[i];
		if (au->author.kind != PC_PERSON)
			continue;
		const placed *e = &r->pl[au->author.index];
		au->author.index = r->c[e->cluster].new_index;
		au->joined_by = e->why;
	}
	for (size_t i = 0; i < g->n_citations; i++) {
		pc_citation *ci = &g->citations[i];
		if (ci->author.kind != PC_PERSON)
			continue;
		const placed *e = &r->pl[ci->author.index];
		ci->author.index = r->c[e->cluster].new_index;
		ci->joined_by = e->why;
	}
	g->n_persons = r->n_c;
	if (r->n_c < g->cap_persons) {
		g->persons = pc_realloc(g->persons, (r->n_c + 1) * sizeof *g->persons);
		g->cap_persons = r->n_c;
	}
	free(order);
}

/* ---- Step 7: what the editor must hear -------------------------------- */

static void
report_ambiguous(resolver *r)
{
	pc_graph *g = r->g;
	int *uses = pc_calloc(r->n_c + 1, sizeof *uses);
	for (size_t i = 0; i < r->n; i++)
		uses[r->pl[i].cluster] += !r->pl[i].declared;
	for (size_t i = 0; i < r->n; i++) {
		const placed *e = &r->pl[i];
		const cluster *c = &r->c[e->cluster];
		const pc_person *me = &g->persons[c->new_index];
		if (e->declared && uses[e->cluster] == 0)
			pc_quality(g, r->d, (pc_ref){PC_PERSON, c->new_index}, e->line, e->col, "unused-person",
				   "person '%s' is declared but no citation names it: cite it with "
				   "ref=\"%s\" or remove it",
				   me->n.id, me->n.id);
		if (e->why == NULL || strcmp(e->why, WHY_AMBIGUOUS) != 0)
			continue;
		char *names = pc_strdup("");
		for (size_t k = 0; k < c->n_candidates; k++) {
			const pc_person *cand = &g->persons[r->c[c->candidates[k]].new_index];
			char *more = pc_asprintf("%s%s'%s' (%s)", names, k ? ", " : "", cand->display, cand->n.id);
			free(names);
			names = more;
		}
		pc_quality(g, r->d, (pc_ref){PC_PERSON, c->new_index}, e->line, e->col, "ambiguous-person",
			   "the citation '%s' could be any of %u people: %s; it is kept as a person of its own. "
			   "Declare them in <people> and point the citation at one with ref=\"...\"",
			   me->display, (unsigned)c->n_candidates, names);
		free(names);
	}
	free(uses);
}

void
pc_resolve_persons(pc_graph *g, pc_diag *d)
{
	if (g->n_persons == 0)
		return;
	resolver r = {.g = g, .d = d};
	pc_strtab_init(&r.names);
	pc_strtab_init(&r.ids);
	int *order = read_entries(&r);
	for (size_t i = 0; i < r.n;) {
		size_t j = i + 1;
		while (j < r.n && strcmp(r.e[order[j]].name.family, r.e[order[i]].name.family) == 0)
			j++;
		resolve_family(&r, order + i, j - i);
		i = j;
	}
	free(order);
	attach_refs(&r);
	describe_clusters(&r);
	assign_ids(&r);
	/* What the people are made of is in the clusters and the graph's
	 * strings now: the parsed names and the entries go before the people
	 * are written, a large profile's peak; rebuild and the report read
	 * what is left of each entry (placed). */
	pc_strtab_free(&r.names);
	pc_strtab_free(&r.ids);
	compact_entries(&r);
	rebuild(&r);
	report_ambiguous(&r);
	free(r.authorship);
	for (size_t k = 0; k < r.n_c; k++) {
		free(r.c[k].anchors);
		free(r.c[k].candidates);
	}
	free(r.c);
	free(r.pl);
	free(r.decl_cluster);
}
