/* Cross-profile resolution: which organizations, people and publications
 * of different profiles are one entity of the world dataset.
 *
 * The discipline is normalization's, one level up: explicit identifiers
 * first (the editor's word); then exact matches of folded names, only for
 * what exists once in the world (an international organization, a person,
 * a publication), never for a national body; whatever could be more than
 * one candidate stays apart, with an ambiguous-world-entity warning naming
 * the profiles and lines. Members are taken in country order, never in the
 * order of the command line, so the result does not depend on it. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../compiler/alloc.h"
#include "../compiler/names.h"
#include "world.h"

const char *const pc_world_kind_name[PC_WORLD_KINDS] = {"organization", "person", "publication"};
static const char *const wid_prefix[PC_WORLD_KINDS] = {"org", "person", "pub"};

/* ---- Reading the parts ---------------------------------------------- */

static int
by_cc(const void *a, const void *b)
{
	const pc_dataset *x = *(const pc_dataset *const *)a, *y = *(const pc_dataset *const *)b;
	return strcmp(x->cc, y->cc);
}

/* The next NUL-terminated field, or NULL past the end. */
static const char *
field(const char **p, const char *end)
{
	if (*p >= end)
		return NULL;
	const char *s = *p, *nul = memchr(s, '\0', (size_t)(end - s));
	if (nul == NULL)
		return NULL;
	*p = nul + 1;
	return s;
}

static pc_world_member *
push_member(pc_world *w, pc_world_kind k)
{
	size_t n = w->n_members[k]++;
	/* Grow by doubling: the count is a power of two when full. */
	if ((n & (n - 1)) == 0)
		w->members[k] = pc_realloc(w->members[k], (n ? 2 * n : 1) * sizeof *w->members[k]);
	memset(&w->members[k][n], 0, sizeof w->members[k][n]);
	return &w->members[k][n];
}

static const char *
intern_or_null(pc_world *w, const char *s)
{
	return s && *s ? pc_intern(&w->strings, s) : NULL;
}

/* One profile's summary (world_parts.c): records of NUL-terminated fields. */
static int
parse_entities(pc_world *w, pc_world_country *c, const char *data, size_t len)
{
	const char *p = data, *end = data + len, *type;
	const char *cc = c->cc;
	while ((type = field(&p, end)) != NULL) {
		const char *f[12] = {0};
		size_t nf = type[0] == 'P' ? 9 : type[0] == 'A' || type[0] == 'B' ? 8 : 2;
		for (size_t i = 0; i < nf; i++)
			if ((f[i] = field(&p, end)) == NULL)
				return -1;
		if (type[0] == 'Y') {
			c->years = pc_realloc(c->years, (c->n_years + 1) * 2 * sizeof *c->years);
			c->years[2 * c->n_years] = atoi(f[0]);
			c->years[2 * c->n_years + 1] = atoi(f[1]);
			c->n_years++;
			continue;
		}
		if (type[0] == 'T') {
			int kind = atoi(f[0]);
			if (kind >= 0 && kind < PC_THR_COUNT)
				c->thresholds[kind] = atoi(f[1]);
			continue;
		}
		pc_world_kind k = type[0] == 'A'   ? PC_WORLD_ACTOR
				  : type[0] == 'P' ? PC_WORLD_PERSON
						   : PC_WORLD_PUBLICATION;
		if (strchr("APB", type[0]) == NULL || type[1] != '\0')
			return -1;
		pc_world_member *m = push_member(w, k);
		m->cc = cc;
		m->id = pc_intern(&w->strings, f[0]);
		m->line = (unsigned)strtoul(f[1], NULL, 10);
		m->label = intern_or_null(w, f[2]);
		m->detail = intern_or_null(w, f[3]);
		m->kind = intern_or_null(w, f[4]);
		m->ids = pc_intern(&w->strings, f[5]);
		m->keys = pc_intern(&w->strings, f[6]);
		m->by_name = *m->keys != '\0' ? atoi(f[7]) : PC_BY_NAME_NEVER;
		if (k == PC_WORLD_PERSON)
			m->family = pc_intern(&w->strings, f[8]);
	}
	return p == end ? 0 : -1;
}

static int
load_parts(pc_world *w, const pc_dataset *sets, const char *const *files, size_t n, const char *parts_dir, pc_diag *d)
{
	const pc_dataset **order = pc_calloc(n, sizeof *order);
	const char **source = pc_calloc(n, sizeof *source);
	for (size_t i = 0; i < n; i++)
		order[i] = &sets[i];
	qsort(order, n, sizeof *order, by_cc);
	for (size_t i = 0; i < n; i++)
		source[i] = files[order[i] - sets];
	w->countries = pc_calloc(n, sizeof *w->countries);
	w->n_countries = n;
	int rc = PC_EXIT_OK;
	for (size_t i = 0; i < n && rc == PC_EXIT_OK; i++) {
		const pc_dataset *ds = order[i];
		pc_world_country *c = &w->countries[i];
		c->cc = pc_intern(&w->strings, ds->cc);
		c->code = intern_or_null(w, ds->country_code);
		c->name = intern_or_null(w, ds->country_name);
		c->source = pc_intern(&w->strings, source[i]);
		memcpy(c->counts, ds->counts, sizeof c->counts);
		if (i == 0 || strcmp(ds->build_date, w->build_date) > 0)
			memcpy(w->build_date, ds->build_date, sizeof w->build_date);
		char *data = NULL;
		size_t len = 0;
		rc = pc_world_part_open(&c->part, parts_dir, ds->cc, d);
		if (rc == PC_EXIT_OK)
			rc = pc_world_part_read(&c->part, PC_WORLD_SUMMARY, &data, &len, d);
		if (rc == PC_EXIT_OK && parse_entities(w, c, data, len) != 0) {
			pc_diag_report(d, PC_SEV_ERROR, c->part.path, 0, 0, "internal",
				       "the world part of %s does not parse", source[i]);
			rc = PC_EXIT_OUTPUT;
		}
		free(data);
	}
	/* The world's date is its newest profile's build date. */
	snprintf(w->build_timestamp, sizeof w->build_timestamp, "%.10sT00:00:00Z", w->build_date);
	free(order);
	free(source);
	return rc;
}

/* ---- Union-find over members ------------------------------------------ */

static size_t
find(size_t *up, size_t m)
{
	while (up[m] != m) {
		up[m] = up[up[m]];
		m = up[m];
	}
	return m;
}

/* The smaller index becomes the root, so roots are first members. */
static void
unite(size_t *up, size_t a, size_t b)
{
	a = find(up, a);
	b = find(up, b);
	if (a < b)
		up[b] = a;
	else if (b < a)
		up[a] = b;
}

/* (key, member) pairs, sorted by key then member. */
typedef struct {
	const char *key;
	size_t m;
} keyed;

static int
by_key(const void *a, const void *b)
{
	const keyed *x = a, *y = b;
	int c = strcmp(x->key, y->key);
	return c ? c : (x->m > y->m) - (x->m < y->m);
}

/* Split each member's US-separated list (ids or keys) into pairs. */
static keyed *
split_lists(const pc_world *w, pc_world_kind k, int ids, size_t *n_out)
{
	size_t n = 0, cap = 16;
	keyed *out = pc_malloc(cap * sizeof *out);
	pc_strtab *st = (pc_strtab *)&w->strings;
	for (size_t m = 0; m < w->n_members[k]; m++) {
		const pc_world_member *x = &w->members[k][m];
		if (!ids && !x->by_name)
			continue;
		const char *s = ids ? x->ids : x->keys;
		while (s && *s) {
			size_t len = strcspn(s, "\x1f");
			if (n == cap)
				out = pc_realloc(out, (cap *= 2) * sizeof *out);
			out[n].key = pc_intern_n(st, s, len);
			out[n++].m = m;
			s += len + (s[len] != '\0');
		}
	}
	qsort(out, n, sizeof *out, by_key);
	*n_out = n;
	return out;
}

/* ---- Matching by name ------------------------------------------------ */

typedef struct {
	pc_world *w;
	pc_world_kind k;
	pc_diag *d;
	size_t *up;    /* union-find */
	size_t *group; /* the identifier group (its root) of each member */
	int *has_ids;  /* by group root */
	size_t *next;  /* circular list of each union-find component's members */
	size_t *gnext; /* circular list of each identifier group's members */
	keyed *keys;   /* name keys, sorted */
	size_t n_keys;
	size_t *run_lo, *run_hi; /* the run of equal keys each key position is in */
	size_t *by_member;       /* key positions sorted by member */
	size_t *member_keys;     /* member m's key positions: by_member[member_keys[m]..member_keys[m+1]) */
} matcher;

static const pc_world_country *
country_of(const pc_world *w, const char *cc)
{
	for (size_t i = 0; i < w->n_countries; i++)
		if (w->countries[i].cc == cc)
			return &w->countries[i];
	return NULL;
}

static const char *
source_of(const pc_world *w, const char *cc)
{
	const pc_world_country *c = country_of(w, cc);
	return c ? c->source : cc;
}

/* A candidate: another identifier group in a country. */
typedef struct {
	const char *cc;
	size_t group;
} candidate;

static int
by_cc_group(const void *a, const void *b)
{
	const candidate *x = a, *y = b;
	int c = strcmp(x->cc, y->cc);
	return c ? c : (x->group > y->group) - (x->group < y->group);
}

/* Whether a member of identifier group g may be merged by name (not only
 * reported: an organization of unstated kind is only a candidate). */
static int
group_merges(const matcher *mt, size_t g)
{
	size_t m = g;
	do {
		if (mt->w->members[mt->k][m].by_name == PC_BY_NAME_YES)
			return 1;
		m = mt->gnext[m];
	} while (m != g);
	return 0;
}

/* The groups of other countries sharing a key with group g, sorted by
 * country and group, each once; two groups that may only be reported
 * (kinds not stated) are no candidates of each other: a same-named
 * national body in two profiles is the rule, not a question. */
static candidate *
candidates_of(const matcher *mt, size_t g, size_t *n_out)
{
	const pc_world_member *mem = mt->w->members[mt->k];
	size_t n = 0, cap = 8;
	candidate *out = pc_malloc(cap * sizeof *out);
	size_t m = g;
	int merges = group_merges(mt, g);
	do {
		for (size_t q = mt->member_keys[m]; q < mt->member_keys[m + 1]; q++) {
			size_t i = mt->by_member[q];
			for (size_t j = mt->run_lo[i]; j <= mt->run_hi[i]; j++) {
				size_t h = mt->group[mt->keys[j].m];
				if (h == g || (!merges && !group_merges(mt, h)))
					continue;
				if (n == cap)
					out = pc_realloc(out, (cap *= 2) * sizeof *out);
				out[n].cc = mem[mt->keys[j].m].cc;
				out[n++].group = h;
			}
		}
		m = mt->gnext[m];
	} while (m != g);
	qsort(out, n, sizeof *out, by_cc_group);
	size_t u = 0;
	for (size_t i = 0; i < n; i++)
		if (u == 0 || out[u - 1].group != out[i].group || out[u - 1].cc != out[i].cc)
			out[u++] = out[i];
	*n_out = u;
	return out;
}

static int
group_has_country(const matcher *mt, size_t g, const char *cc)
{
	size_t m = g;
	do {
		if (mt->w->members[mt->k][m].cc == cc)
			return 1;
		m = mt->gnext[m];
	} while (m != g);
	return 0;
}

/* The one candidate of group g in country cc, or SIZE_MAX when there is
 * none or several. */
static size_t
sole_candidate(const candidate *c, size_t n, const char *cc, size_t *count)
{
	size_t found = SIZE_MAX;
	*count = 0;
	for (size_t i = 0; i < n; i++)
		if (c[i].cc == cc) {
			found = (*count)++ == 0 ? c[i].group : SIZE_MAX;
		}
	return found;
}

static void
warn_ambiguous(const matcher *mt, size_t g, const candidate *a, const candidate *b)
{
	const pc_world *w = mt->w;
	const pc_world_member *m = &w->members[mt->k][g], *x = &w->members[mt->k][a->group],
			      *y = &w->members[mt->k][b->group];
	pc_diag_report(mt->d, PC_SEV_WARNING, source_of(w, m->cc), m->line, 0, "ambiguous-world-entity",
		       "%s '%s' (%s) could be '%s' of %s:%u or '%s' of %s:%u in the world dataset; kept apart "
		       "(give both the same identifier to merge them)",
		       pc_world_kind_name[mt->k], m->id, m->cc, x->id, source_of(w, x->cc), x->line, y->id,
		       source_of(w, y->cc), y->line);
}

/* Whether joining the components of a and b would put two entities of
 * one profile together (through a third profile's matches). */
static int
components_share_country(const matcher *mt, size_t a, size_t b, size_t *who_a, size_t *who_b)
{
	const pc_world_member *mem = mt->w->members[mt->k];
	size_t ra = find(mt->up, a), rb = find(mt->up, b), i = ra;
	do {
		size_t j = rb;
		do {
			if (mem[i].cc == mem[j].cc && mt->group[i] != mt->group[j]) {
				*who_a = i;
				*who_b = j;
				return 1;
			}
			j = mt->next[j];
		} while (j != rb);
		i = mt->next[i];
	} while (i != ra);
	return 0;
}

/* Join two components and their member lists. */
static void
join(matcher *mt, size_t a, size_t b)
{
	size_t ra = find(mt->up, a), rb = find(mt->up, b);
	if (ra == rb)
		return;
	unite(mt->up, ra, rb);
	size_t t = mt->next[ra];
	mt->next[ra] = mt->next[rb];
	mt->next[rb] = t;
}

/* A person matches another profile's only by the same name read the same
 * way; and not at all when the world holds two names that it could stand
 * for and that cannot be one person ("S. Lind" when both Sonia and Sarah
 * Lind are cited; "Sonia Lind" when both "Sonia M. Lind" and "Sonia K.
 * Lind" are). Compatibility is the person matcher's (compiler/names.h). */
typedef struct {
	pc_name name;
	size_t member;
} read_name;

static int
by_family_form(const void *a, const void *b)
{
	const read_name *x = a, *y = b;
	int c = strcmp(x->name.family, y->name.family);
	if (c == 0)
		c = strcmp(x->name.form, y->name.form);
	return c ? c : (x->member > y->member) - (x->member < y->member);
}

/* Among forms [lo, hi) of one family (one entry per form), two compatible
 * with form f that are not compatible with each other, or 0. */
static int
two_readings(const read_name *r, const size_t *forms, size_t n, size_t f, size_t *x, size_t *y)
{
	for (size_t i = 0; i < n; i++) {
		if (i == f || !pc_name_compatible(&r[forms[f]].name, &r[forms[i]].name))
			continue;
		for (size_t j = i + 1; j < n; j++)
			if (j != f && pc_name_compatible(&r[forms[f]].name, &r[forms[j]].name) &&
			    !pc_name_compatible(&r[forms[i]].name, &r[forms[j]].name)) {
				*x = forms[i];
				*y = forms[j];
				return 1;
			}
	}
	return 0;
}

static void
hold_back_ambiguous_people(matcher *mt)
{
	pc_world *w = mt->w;
	pc_world_member *mem = w->members[PC_WORLD_PERSON];
	size_t n = w->n_members[PC_WORLD_PERSON];
	read_name *r = pc_calloc(n ? n : 1, sizeof *r);
	size_t *forms = pc_calloc(n ? n : 1, sizeof *forms);
	for (size_t i = 0; i < n; i++) {
		pc_name_parse(&r[i].name, &w->strings, mem[i].family, mem[i].detail);
		r[i].member = i;
	}
	if (n > 1)
		qsort(r, n, sizeof *r, by_family_form);
	for (size_t lo = 0, hi; lo < n; lo = hi) {
		size_t n_forms = 0;
		for (hi = lo; hi < n && strcmp(r[hi].name.family, r[lo].name.family) == 0; hi++)
			if (hi == lo || strcmp(r[hi].name.form, r[hi - 1].name.form) != 0)
				forms[n_forms++] = hi;
		if (*r[lo].name.family == '\0')
			continue;
		for (size_t f = 0; f < n_forms; f++) {
			size_t x, y;
			if (!two_readings(r, forms, n_forms, f, &x, &y))
				continue;
			size_t end = f + 1 < n_forms ? forms[f + 1] : hi;
			for (size_t i = forms[f]; i < end; i++) {
				pc_world_member *m = &mem[r[i].member];
				if (!m->by_name)
					continue;
				candidate a = {mem[r[x].member].cc, r[x].member},
					  b = {mem[r[y].member].cc, r[y].member};
				warn_ambiguous(mt, r[i].member, &a, &b);
				m->by_name = 0;
			}
		}
	}
	free(forms);
	free(r);
}

/* g and h have the same name and one of them no stated kind: it may be
 * the international organization the other is, or a national body of the
 * same name; reported, not guessed. */
static void
warn_unstated_kind(const matcher *mt, size_t g, size_t h)
{
	const pc_world *w = mt->w;
	const pc_world_member *m = &w->members[mt->k][g], *o = &w->members[mt->k][h];
	if (m->by_name != PC_BY_NAME_REPORT) {
		const pc_world_member *t = m;
		m = o;
		o = t;
	}
	pc_diag_report(mt->d, PC_SEV_WARNING, source_of(w, m->cc), m->line, 0, "ambiguous-world-entity",
		       "%s '%s' (%s) has the name of '%s' of %s:%u, but its kind is not stated, so it could be "
		       "another body of the same name; kept apart (state its kind, or give both the same "
		       "identifier to merge them)",
		       pc_world_kind_name[mt->k], m->id, m->cc, o->id, source_of(w, o->cc), o->line);
}

static void
match_by_name(matcher *mt)
{
	pc_world *w = mt->w;
	size_t n = w->n_members[mt->k];
	const pc_world_member *mem = w->members[mt->k];
	for (size_t g = 0; g < n; g++) {
		if (mt->group[g] != g)
			continue; /* one pass per identifier group, from its root */
		size_t nc;
		candidate *c = candidates_of(mt, g, &nc);
		for (size_t i = 0; i < nc;) {
			const char *cc = c[i].cc;
			size_t count, h = sole_candidate(c, nc, cc, &count);
			if (count > 1 && !group_has_country(mt, g, cc)) {
				warn_ambiguous(mt, g, &c[i], &c[i + 1]);
			} else if (count == 1 && h > g && !group_has_country(mt, g, cc) &&
				   !(mt->has_ids[g] && mt->has_ids[h])) {
				/* Both ways: g must be h's only candidate in g's country. */
				size_t nh, back;
				candidate *ch = candidates_of(mt, h, &nh);
				size_t gh = sole_candidate(ch, nh, mem[g].cc, &back);
				free(ch);
				size_t x, y;
				if (back == 1 && gh == g) {
					if (!group_merges(mt, g) || !group_merges(mt, h)) {
						warn_unstated_kind(mt, g, h);
					} else if (components_share_country(mt, g, h, &x, &y)) {
						candidate a = {mem[x].cc, x}, b = {mem[y].cc, y};
						warn_ambiguous(mt, g, &a, &b);
					} else {
						join(mt, g, h);
					}
				}
			}
			while (i < nc && c[i].cc == cc)
				i++;
		}
		free(c);
	}
}

/* ---- World ids ---------------------------------------------------------- */

/* "wikidata:Q42" -> "wikidata-q42"; a DOI, whose characters are too free
 * for an id, by its digest. */
static char *
id_from_identifier(const char *prefix, const char *ident)
{
	if (strncmp(ident, "doi:", 4) == 0) {
		char hex[65];
		pc_sha256_hex(ident, strlen(ident), hex);
		return pc_asprintf("%s-doi-%.16s", prefix, hex);
	}
	char *s = pc_asprintf("%s-%s", prefix, ident), *o = s;
	for (const char *p = s; *p; p++) {
		char ch = *p;
		if (ch >= 'A' && ch <= 'Z')
			ch = (char)(ch - 'A' + 'a');
		if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9'))
			*o++ = ch;
		else if (o > s && o[-1] != '-')
			*o++ = '-';
	}
	while (o > s && o[-1] == '-')
		o--;
	*o = '\0';
	return s;
}

static char *
world_id(const pc_world *w, pc_world_kind k, const size_t *members, size_t n)
{
	const pc_world_member *mem = w->members[k];
	const char *best_id = NULL, *best_key = NULL;
	for (size_t i = 0; i < n; i++) {
		const pc_world_member *m = &mem[members[i]];
		for (const char *s = m->ids; *s;) {
			size_t len = strcspn(s, "\x1f");
			if (best_id == NULL || strncmp(s, best_id, len) < 0 ||
			    (strncmp(s, best_id, len) == 0 && best_id[len] != '\0'))
				best_id = s;
			s += len + (s[len] != '\0');
		}
		/* The primary key: the first of the list (a name before an acronym). */
		if (m->by_name == PC_BY_NAME_YES) {
			if (best_key == NULL || strcmp(m->keys, best_key) < 0)
				best_key = m->keys;
		}
	}
	if (best_id != NULL) {
		char *one = pc_strdup(best_id);
		one[strcspn(one, "\x1f")] = '\0';
		char *id = id_from_identifier(wid_prefix[k], one);
		free(one);
		return id;
	}
	if (best_key != NULL) {
		char hex[65];
		pc_sha256_hex(best_key, strcspn(best_key, "\x1f"), hex);
		return pc_asprintf("%s-%.16s", wid_prefix[k], hex);
	}
	/* Never matched by name (a national body): its country and own id. */
	return pc_asprintf("%s-%s-%s", wid_prefix[k], mem[members[0]].cc, mem[members[0]].id);
}

static int
by_wid(const void *a, const void *b)
{
	const pc_world_entity *x = *(pc_world_entity *const *)a, *y = *(pc_world_entity *const *)b;
	return strcmp(x->wid, y->wid);
}

/* Two entities kept apart whose names fold alike would get one id: both
 * take their first member's country and id as a suffix. */
static void
split_colliding_ids(pc_world *w, pc_world_kind k)
{
	size_t n = w->n_entities[k];
	pc_world_entity **e = pc_calloc(n ? n : 1, sizeof *e);
	for (size_t i = 0; i < n; i++)
		e[i] = &w->entities[k][i];
	qsort(e, n, sizeof *e, by_wid);
	int *clash = pc_calloc(n ? n : 1, sizeof *clash);
	for (size_t i = 1; i < n; i++)
		if (strcmp(e[i - 1]->wid, e[i]->wid) == 0)
			clash[i - 1] = clash[i] = 1;
	for (size_t i = 0; i < n; i++)
		if (clash[i]) {
			const pc_world_member *m = pc_world_first(w, k, (size_t)(e[i] - w->entities[k]));
			char *id = pc_asprintf("%s-%s-%s", e[i]->wid, m->cc, m->id);
			free(e[i]->wid);
			e[i]->wid = id;
		}
	free(clash);
	free(e);
}

/* ---- Entities ----------------------------------------------------------- */

static int
str_cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The sorted, unique identifiers of an entity's members, US-separated. */
static const char *
entity_ids(pc_world *w, pc_world_kind k, const size_t *members, size_t n)
{
	const char **all = NULL;
	size_t n_all = 0;
	for (size_t i = 0; i < n; i++)
		for (const char *s = w->members[k][members[i]].ids; *s;) {
			size_t len = strcspn(s, "\x1f");
			all = pc_realloc(all, (n_all + 1) * sizeof *all);
			all[n_all++] = pc_intern_n(&w->strings, s, len);
			s += len + (s[len] != '\0');
		}
	if (n_all > 1) /* qsort wants an array, and none was made for no identifiers */
		qsort(all, n_all, sizeof *all, str_cmp);
	pc_buf b;
	pc_buf_init(&b);
	for (size_t i = 0; i < n_all; i++)
		if (i == 0 || strcmp(all[i], all[i - 1]) != 0) {
			if (b.len)
				pc_buf_putc(&b, '\x1f');
			pc_buf_puts(&b, all[i]);
		}
	const char *out = pc_intern_n(&w->strings, b.data ? b.data : "", b.len);
	pc_buf_free(&b);
	free(all);
	return out;
}

static int
shares_identifier(const pc_world_member *a, const pc_world_member *b)
{
	for (const char *s = a->ids; *s;) {
		size_t len = strcspn(s, "\x1f");
		for (const char *t = b->ids; *t;) {
			size_t tl = strcspn(t, "\x1f");
			if (tl == len && strncmp(s, t, len) == 0)
				return 1;
			t += tl + (t[tl] != '\0');
		}
		s += len + (s[len] != '\0');
	}
	return 0;
}

static void
build_entities(pc_world *w, pc_world_kind k, size_t *up)
{
	size_t n = w->n_members[k];
	pc_world_member *mem = w->members[k];
	/* Entities in the order of their first member; members in theirs. */
	size_t *entity_of_root = pc_calloc(n ? n : 1, sizeof *entity_of_root);
	size_t *size = pc_calloc(n ? n : 1, sizeof *size);
	size_t n_ent = 0;
	for (size_t m = 0; m < n; m++) {
		size_t r = find(up, m);
		if (r == m)
			entity_of_root[m] = n_ent++;
		mem[m].entity = entity_of_root[r];
		size[mem[m].entity]++;
	}
	w->entities[k] = pc_calloc(n_ent ? n_ent : 1, sizeof *w->entities[k]);
	w->n_entities[k] = n_ent;
	w->by_entity[k] = pc_calloc(n ? n : 1, sizeof *w->by_entity[k]);
	size_t at = 0;
	for (size_t e = 0; e < n_ent; e++) {
		w->entities[k][e].first = at;
		at += size[e];
	}
	for (size_t m = 0; m < n; m++) {
		pc_world_entity *e = &w->entities[k][mem[m].entity];
		w->by_entity[k][e->first + e->n_members++] = m;
	}
	for (size_t e = 0; e < n_ent; e++) {
		pc_world_entity *x = &w->entities[k][e];
		const size_t *ms = &w->by_entity[k][x->first];
		x->wid = world_id(w, k, ms, x->n_members);
		x->ids = entity_ids(w, k, ms, x->n_members);
		for (size_t i = 0; i < x->n_members; i++) {
			pc_world_member *m = &mem[ms[i]];
			x->n_countries += i == 0 || m->cc != mem[ms[i - 1]].cc;
			m->how = x->n_members == 1 ? "alone" : "name";
			for (size_t j = 0; j < x->n_members; j++)
				if (j != i && shares_identifier(m, &mem[ms[j]]))
					m->how = "identifier";
		}
	}
	split_colliding_ids(w, k);
	free(size);
	free(entity_of_root);
}

/* Where each key position's run of equal keys begins and ends, and each
 * member's key positions. */
static void
index_keys(matcher *mt, size_t n)
{
	size_t nk = mt->n_keys;
	mt->run_lo = pc_calloc(nk ? nk : 1, sizeof(size_t));
	mt->run_hi = pc_calloc(nk ? nk : 1, sizeof(size_t));
	mt->by_member = pc_calloc(nk ? nk : 1, sizeof(size_t));
	mt->member_keys = pc_calloc(n + 1, sizeof(size_t));
	for (size_t i = 0; i < nk;) {
		size_t j = i;
		while (j + 1 < nk && strcmp(mt->keys[j + 1].key, mt->keys[i].key) == 0)
			j++;
		for (size_t x = i; x <= j; x++) {
			mt->run_lo[x] = i;
			mt->run_hi[x] = j;
		}
		i = j + 1;
	}
	/* A counting sort of the positions by member. */
	for (size_t i = 0; i < nk; i++)
		mt->member_keys[mt->keys[i].m + 1]++;
	for (size_t m = 0; m < n; m++)
		mt->member_keys[m + 1] += mt->member_keys[m];
	size_t *fill = pc_calloc(n ? n : 1, sizeof(size_t));
	for (size_t i = 0; i < nk; i++) {
		size_t m = mt->keys[i].m;
		mt->by_member[mt->member_keys[m] + fill[m]++] = i;
	}
	free(fill);
}

static void
resolve(pc_world *w, pc_world_kind k, pc_diag *d)
{
	size_t n = w->n_members[k], cap = n ? n : 1;
	matcher mt = {.w = w, .k = k, .d = d};
	mt.up = pc_calloc(cap, sizeof(size_t));
	mt.group = pc_calloc(cap, sizeof(size_t));
	mt.has_ids = pc_calloc(cap, sizeof(int));
	mt.next = pc_calloc(cap, sizeof(size_t));
	for (size_t m = 0; m < n; m++)
		mt.up[m] = mt.next[m] = m;
	/* Identifiers first: the editor's word, across any kind and country. */
	size_t n_ids;
	keyed *ids = split_lists(w, k, 1, &n_ids);
	for (size_t i = 1; i < n_ids; i++)
		if (strcmp(ids[i].key, ids[i - 1].key) == 0)
			join(&mt, ids[i - 1].m, ids[i].m);
	free(ids);
	mt.gnext = pc_calloc(cap, sizeof(size_t));
	memcpy(mt.gnext, mt.next, n * sizeof(size_t));
	for (size_t m = 0; m < n; m++) {
		mt.group[m] = find(mt.up, m);
		if (*w->members[k][m].ids)
			mt.has_ids[mt.group[m]] = 1;
	}
	if (k == PC_WORLD_PERSON)
		hold_back_ambiguous_people(&mt);
	mt.keys = split_lists(w, k, 0, &mt.n_keys);
	index_keys(&mt, n);
	match_by_name(&mt);
	build_entities(w, k, mt.up);
	free(mt.keys);
	free(mt.run_lo);
	free(mt.run_hi);
	free(mt.by_member);
	free(mt.member_keys);
	free(mt.up);
	free(mt.group);
	free(mt.has_ids);
	free(mt.next);
	free(mt.gnext);
}

int
pc_world_load(pc_world *w, const pc_dataset *sets, const char *const *files, size_t n, const char *parts_dir,
	      pc_diag *d)
{
	memset(w, 0, sizeof *w);
	pc_strtab_init(&w->strings);
	int rc = load_parts(w, sets, files, n, parts_dir, d);
	for (int k = 0; k < PC_WORLD_KINDS && rc == PC_EXIT_OK; k++)
		resolve(w, (pc_world_kind)k, d);
	return rc;
}

const pc_world_member *
pc_world_first(const pc_world *w, pc_world_kind k, size_t e)
{
	return &w->members[k][w->by_entity[k][w->entities[k][e].first]];
}

void
pc_world_free(pc_world *w)
{
	for (int k = 0; k < PC_WORLD_KINDS; k++) {
		for (size_t e = 0; e < w->n_entities[k]; e++)
			free(w->entities[k][e].wid);
		free(w->entities[k]);
		free(w->by_entity[k]);
		free(w->members[k]);
	}
	for (size_t i = 0; i < w->n_countries; i++) {
		free(w->countries[i].years);
		pc_world_part_free(&w->countries[i].part);
	}
	free(w->countries);
	pc_strtab_free(&w->strings);
	memset(w, 0, sizeof *w);
}
