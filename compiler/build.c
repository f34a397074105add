/* Build the typed graph, one entity subtree at a time: nodes, typed edges, interned strings. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "alloc.h"
#include "compiler.h"
#include "decimal.h"
#include "fold.h"
#include "identifiers.h"

#include "build.h"

int
pc_build_is(xmlNodePtr n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && xmlStrEqual(n->name, (const xmlChar *)name);
}

unsigned
pc_build_line_of(xmlNodePtr n)
{
	long l = xmlGetLineNo(n);
	return l > 0 ? (unsigned)l : 0;
}

unsigned
pc_build_col_of(builder *b, xmlNodePtr n)
{
	return pc_input_column(b->src, pc_build_line_of(n), (const char *)n->name);
}

/* Element texts longer than this are stored, not interned: a description
 * or a law's article is seldom written twice, and hashing them cost a large
 * profile a fifth of its strings' index. Such a text is its own: its
 * language (xml:lang, langs.c) is its element's alone. Attributes are
 * always interned: ids and references are matched by their pointer. */
#define INTERNED_MAX 256

static const char *
intern_folded(builder *b, const char *raw, size_t interned_max)
{
	if (raw == NULL)
		return NULL;
	char *f = pc_fold_space(raw);
	size_t len = strlen(f);
	const char *s =
		len > interned_max ? pc_strtab_store(&b->g->strings, f, len) : pc_intern_n(&b->g->strings, f, len);
	free(f);
	return s;
}

/* The folded text content of an element: interned, or stored when long. */
const char *
pc_build_text(builder *b, xmlNodePtr n)
{
	xmlChar *raw = xmlNodeGetContent(n);
	const char *s = intern_folded(b, (const char *)raw, INTERNED_MAX);
	xmlFree(raw);
	pc_text_lang_note(b->g, b->src, n, s); /* xml:lang, format 1.1 */
	return s;
}

const char *
pc_build_attr(builder *b, xmlNodePtr n, const char *name)
{
	xmlChar *raw = xmlGetProp(n, (const xmlChar *)name);
	const char *s = intern_folded(b, (const char *)raw, SIZE_MAX);
	xmlFree(raw);
	return s;
}

xmlNodePtr
pc_build_child(xmlNodePtr n, const char *name)
{
	FOR_CHILDREN (c, n)
		if (pc_build_is(c, name))
			return c;
	return NULL;
}

const char *
pc_build_child_text(builder *b, xmlNodePtr n, const char *name)
{
	xmlNodePtr c = pc_build_child(n, name);
	return c ? pc_build_text(b, c) : NULL;
}

int
pc_build_parse_int(builder *b, xmlNodePtr n, const char *name, int dflt)
{
	const char *s = pc_build_attr(b, n, name);
	if (s == NULL)
		return dflt;
	errno = 0;
	char *end;
	long v = strtol(s, &end, 10);
	if (errno || *end || end == s || v < -1000000 || v > 1000000) {
		pc_diag_report(b->d, PC_SEV_ERROR, b->src->path, pc_build_line_of(n), pc_build_col_of(b, n),
			       "bad-number", "attribute %s=\"%s\" is not a whole number in range", name, s);
		return dflt;
	}
	return (int)v;
}

/* A decimal number as written, canonical and interned (compiler/decimal.h):
 * never a double, so no digit the editor wrote is lost. NULL when absent
 * or not a number (reported). */
const char *
pc_build_parse_decimal(builder *b, xmlNodePtr n, const char *what, const char *s)
{
	if (s == NULL)
		return NULL;
	char *canon = pc_malloc(strlen(s) + 2);
	pc_decimal_status st = pc_decimal_canon(s, canon);
	const char *v = NULL;
	if (st == PC_DECIMAL_SYNTAX)
		pc_diag_report(b->d, PC_SEV_ERROR, b->src->path, pc_build_line_of(n), pc_build_col_of(b, n),
			       "bad-number",
			       "%s \"%s\" is not a decimal number: write digits with an optional '.' and sign, "
			       "without thousands separators or an exponent",
			       what, s);
	else if (st == PC_DECIMAL_TOO_LONG)
		pc_diag_report(b->d, PC_SEV_ERROR, b->src->path, pc_build_line_of(n), pc_build_col_of(b, n),
			       "number-limit",
			       "%s \"%s\" has %zu digits, more than the %d a number may have: round it, or "
			       "write it in a larger unit",
			       what, s, pc_decimal_digits(canon), PC_DECIMAL_MAX_DIGITS);
	else
		v = pc_intern(&b->g->strings, canon);
	free(canon);
	return v;
}

int
pc_build_parse_bool(const char *s)
{
	if (s == NULL)
		return -1;
	return strcmp(s, "true") == 0 || strcmp(s, "1") == 0;
}

/* Index of s in a name table, or -1. */
int
pc_build_lookup(const char *const *table, int n, const char *s)
{
	for (int i = 0; s && i < n; i++)
		if (strcmp(table[i], s) == 0)
			return i;
	return -1;
}

static size_t
slot_of(const builder *b, const char *id)
{
	size_t h = (size_t)(uintptr_t)id;
	h ^= h >> 17;
	h *= 0x9e3779b97f4a7c15ull;
	return (h >> 7) & (b->n_slots - 1);
}

static void
register_id(builder *b, const char *id, pc_kind kind, size_t index, unsigned line, unsigned col)
{
	if (id == NULL)
		return;
	if (b->n_used * 2 >= b->n_slots) {
		size_t old_n = b->n_slots;
		pc_build_id_slot *old = b->slots;
		b->n_slots = old_n ? old_n * 2 : 256;
		b->slots = pc_calloc(b->n_slots, sizeof *b->slots);
		for (size_t i = 0; i < old_n; i++) {
			if (old[i].id == NULL)
				continue;
			size_t j = slot_of(b, old[i].id);
			while (b->slots[j].id)
				j = (j + 1) & (b->n_slots - 1);
			b->slots[j] = old[i];
		}
		free(old);
	}
	size_t j = slot_of(b, id);
	while (b->slots[j].id) {
		if (b->slots[j].id == id) {
			const pc_node *first = pc_graph_node(b->g, b->slots[j].ref);
			pc_diag_report(b->d, PC_SEV_ERROR, b->src->path, line, col, "duplicate-id",
				       "id '%s' is already used on line %u", id, first ? first->line : 0);
			return;
		}
		j = (j + 1) & (b->n_slots - 1);
	}
	b->slots[j] = (pc_build_id_slot){id, {kind, (uint32_t)index}};
	b->n_used++;
}

/* A node's header from its element: id, position, and its place in the id index. */
void
pc_build_start_node(builder *b, pc_node *n, xmlNodePtr e, pc_kind kind, size_t index)
{
	n->id = pc_build_attr(b, e, "id");
	n->line = pc_build_line_of(e);
	n->col = pc_build_col_of(b, e);
	register_id(b, n->id, kind, index, n->line, n->col);
}

/* Resolve an id to a node of the wanted kind; report it when it is not one. */
int
pc_build_resolve(builder *b, const char *id, pc_kind want, const char *who, const char *who_id, unsigned line,
		 unsigned col, uint32_t *index)
{
	if (id == NULL || b->n_slots == 0)
		goto unknown;
	size_t j = slot_of(b, id);
	while (b->slots[j].id) {
		if (b->slots[j].id == id) {
			if (b->slots[j].ref.kind != want) {
				pc_diag_report(b->d, PC_SEV_ERROR, b->src->path, line, col, "wrong-ref",
					       "%s '%s' names '%s', which is a %s, not a%s %s", who, who_id, id,
					       pc_kind_name[b->slots[j].ref.kind],
					       strchr("aeiou", pc_kind_name[want][0]) ? "n" : "", pc_kind_name[want]);
				return 0;
			}
			*index = b->slots[j].ref.index;
			return 1;
		}
		j = (j + 1) & (b->n_slots - 1);
	}
unknown:
	pc_diag_report(b->d, PC_SEV_ERROR, b->src->path, line, col, "unknown-ref", "%s '%s' names unknown %s '%s'", who,
		       who_id, pc_kind_name[want], id ? id : "");
	return 0;
}

void
pc_build_add_pending(builder *b, int what, uint32_t from, const char *to, int extra, const char *factor, unsigned line,
		     unsigned col)
{
	if (to == NULL)
		return;
	if (b->n_pending == b->cap_pending) {
		b->cap_pending = b->cap_pending ? b->cap_pending * 2 : 16;
		b->pending = pc_realloc(b->pending, b->cap_pending * sizeof *b->pending);
	}
	b->pending[b->n_pending++] = (pc_build_pending){what, from, to, extra, factor, line, col};
}

/* ---- Sections ------------------------------------------------------- */

static void
build_country(builder *b, xmlNodePtr n)
{
	pc_country *c = PC_PUSH(b->g, countries);
	c->n.line = pc_build_line_of(n);
	c->n.col = pc_build_col_of(b, n);
	c->code = pc_build_attr(b, n, "code");
	c->name = pc_build_child_text(b, n, "name");
	char lower[3] = {0};
	for (int i = 0; c->code && i < 2 && c->code[i]; i++)
		lower[i] = (char)(c->code[i] | 0x20);
	c->n.id = pc_intern(&b->g->strings, lower);
	register_id(b, c->n.id, PC_COUNTRY, b->g->n_countries - 1, c->n.line, c->n.col);
}

static void
build_indicators(builder *b, xmlNodePtr n)
{
	pc_graph *g = b->g;
	FOR_CHILDREN (c, n) {
		if (pc_build_is(c, "source")) {
			pc_provider *s = PC_PUSH(g, providers);
			s->n.id = pc_build_attr(b, c, "id");
			s->n.line = pc_build_line_of(c);
			s->n.col = pc_build_col_of(b, c);
			s->name = pc_build_text(b, c);
			register_id(b, s->n.id, PC_PROVIDER, g->n_providers - 1, s->n.line, s->n.col);
		} else if (pc_build_is(c, "note")) {
			g->indicator_note = pc_build_text(b, c);
		}
	}
	FOR_CHILDREN (c, n) {
		if (!pc_build_is(c, "indicator"))
			continue;
		pc_indicator *ind = PC_PUSH(g, indicators);
		pc_build_start_node(b, &ind->n, c, PC_INDICATOR, g->n_indicators - 1);
		ind->label = pc_build_child_text(b, c, "label");
		xmlNodePtr v = pc_build_child(c, "value");
		if (v != NULL) {
			ind->value_text = pc_build_text(b, v);
			ind->value = pc_build_parse_decimal(b, v, "value", ind->value_text);
			ind->has_value = ind->value != NULL;
			ind->year = pc_build_parse_int(b, v, "year", PC_NONE);
			ind->unit = pc_build_attr(b, v, "unit");
		}
		const char *providers_attr = pc_build_attr(b, c, "sources");
		if (providers_attr != NULL) {
			/* A space-separated list: resolve each id. */
			size_t cap = 1;
			for (const char *p = providers_attr; *p; p++)
				cap += *p == ' ';
			ind->providers = pc_strtab_alloc(&g->strings, cap * sizeof *ind->providers);
			char *copy = pc_strdup(providers_attr);
			for (char *tok = strtok(copy, " "); tok; tok = strtok(NULL, " ")) {
				uint32_t idx;
				if (pc_build_resolve(b, pc_intern(&g->strings, tok), PC_PROVIDER, "indicator",
						     ind->n.id, ind->n.line, ind->n.col, &idx))
					ind->providers[ind->n_providers++] = idx;
			}
			free(copy);
		}
	}
}

/* A link or identifier attribute (format 1.1): its value when given, its
 * syntax checked, the error at the attribute itself. */
static const char *
ident_attr(builder *b, xmlNodePtr n, const char *name, pc_ident_kind kind, const char *rule)
{
	const char *v = pc_build_attr(b, n, name);
	if (v == NULL)
		return NULL;
	char what[64], msg[512];
	snprintf(what, sizeof what, "<%s %s=\"...\">", (const char *)n->name, name);
	pc_build_need_version_1_1(b, n, what);
	if (!pc_ident_check(kind, v, msg, sizeof msg)) {
		unsigned line = pc_build_line_of(n), col = pc_build_col_of(b, n);
		pc_input_attr_position(b->src, name, &line, &col);
		pc_diag_report(b->d, PC_SEV_ERROR, b->src->path, line, col, rule, "%s", msg);
	}
	return v;
}

static void
build_actor(builder *b, xmlNodePtr c)
{
	pc_graph *g = b->g;
	uint32_t ai = (uint32_t)g->n_actors;
	pc_actor *a = PC_PUSH(g, actors);
	pc_build_start_node(b, &a->n, c, PC_ACTOR, ai);
	a->kind = pc_build_attr(b, c, "kind");
	a->name = pc_build_child_text(b, c, "name");
	a->acronym = pc_build_child_text(b, c, "acronym");
	a->description = pc_build_child_text(b, c, "description");
	a->founded = pc_build_parse_int(b, c, "founded", PC_NONE);
	a->directory = pc_build_parse_bool(pc_build_attr(b, c, "directory")) == 1;
	a->website = ident_attr(b, c, "website", PC_IDENT_URL, "bad-url");
	a->wikidata = ident_attr(b, c, "wikidata", PC_IDENT_WIKIDATA, "bad-wikidata");
	a->ror = ident_attr(b, c, "ror", PC_IDENT_ROR, "bad-ror");
	size_t n_alias = 0;
	FOR_CHILDREN (x, c)
		n_alias += pc_build_is(x, "alias");
	if (n_alias) {
		a->aliases = pc_strtab_alloc(&g->strings, n_alias * sizeof *a->aliases);
		FOR_CHILDREN (x, c)
			if (pc_build_is(x, "alias"))
				a->aliases[a->n_aliases++] = pc_build_text(b, x);
	}
	FOR_CHILDREN (x, c) {
		if (!pc_build_is(x, "relation"))
			continue;
		int type = pc_build_lookup(pc_relation_name, PC_REL_COUNT, pc_build_attr(b, x, "type"));
		if (type < 0) {
			pc_diag_report(b->d, PC_SEV_ERROR, b->src->path, pc_build_line_of(x), pc_build_col_of(b, x),
				       "schema", "unknown relation type");
			continue;
		}
		pc_build_add_pending(b, PEND_RELATION, ai, pc_build_attr(b, x, "to"), type, NULL, pc_build_line_of(x),
				     pc_build_col_of(b, x));
	}
}

/* The name attributes a declared person and a citation share. */
static void
person_names(builder *b, pc_person *p, xmlNodePtr x)
{
	p->family = pc_build_attr(b, x, "family");
	p->given = pc_build_attr(b, x, "given");
	const char *name = pc_build_attr(b, x, "name"); /* one name only (format 1.1) */
	if (name) {
		pc_build_need_version_1_1(b, x, "a person's one name (name=)");
		if (p->family || p->given)
			pc_diag_report(b->d, PC_SEV_ERROR, b->src->path, pc_build_line_of(x), pc_build_col_of(b, x),
				       "person-name",
				       "a person with one name has no family or given name: keep name=\"%s\" alone, "
				       "or write family= and given= without name=",
				       name);
		p->family = name, p->given = NULL, p->mononym = 1;
	} else if (p->family == NULL) {
		pc_diag_report(b->d, PC_SEV_ERROR, b->src->path, pc_build_line_of(x), pc_build_col_of(b, x),
			       "person-name",
			       "a person needs family= (and given= where known), or name= for a person with one name");
	}
	if (pc_build_attr(b, x, "name-order") != NULL)
		pc_build_need_version_1_1(b, x, "the name-order attribute");
	int order = pc_build_lookup(pc_name_order_name, PC_ORDER_COUNT, pc_build_attr(b, x, "name-order"));
	p->order = order < 0 ? PC_ORDER_UNSTATED : (pc_name_order)order;
}

/* A person of <people>: one person, whatever the citations that name it. */
static void
build_declared_person(builder *b, xmlNodePtr c)
{
	pc_graph *g = b->g;
	pc_person *p = PC_PUSH(g, persons);
	pc_build_start_node(b, &p->n, c, PC_PERSON, g->n_persons - 1);
	person_names(b, p, c);
	p->orcid = ident_attr(b, c, "orcid", PC_IDENT_ORCID, "bad-orcid");
	p->declared = 1;
	p->ref = -1;
}

/* A contributor's role (format 1.1): author unless it says otherwise. */
static pc_contributor_role
contributor_role(builder *b, xmlNodePtr x)
{
	const char *r = pc_build_attr(b, x, "role");
	if (r == NULL)
		return PC_CONTRIB_AUTHOR;
	pc_build_need_version_1_1(b, x, "role on a contributor");
	int v = pc_build_lookup(pc_contributor_role_name, PC_CONTRIB_COUNT, r);
	return v < 0 ? PC_CONTRIB_AUTHOR : (pc_contributor_role)v;
}

static void
build_publication(builder *b, xmlNodePtr c)
{
	pc_graph *g = b->g;
	uint32_t pi = (uint32_t)g->n_publications;
	pc_publication *p = PC_PUSH(g, publications);
	pc_build_start_node(b, &p->n, c, PC_PUBLICATION, pi);
	p->title = pc_build_child_text(b, c, "title");
	p->subtitle = pc_build_child_text(b, c, "subtitle");
	p->description = pc_build_child_text(b, c, "description");
	p->year = pc_build_parse_int(b, c, "year", PC_NONE);
	p->kind = pc_build_attr(b, c, "kind");
	p->publisher = -1;
	p->edition_of = -1;
	p->near_duplicate_of = -1;
	p->url = ident_attr(b, c, "url", PC_IDENT_URL, "bad-url");
	p->doi = ident_attr(b, c, "doi", PC_IDENT_DOI, "bad-doi");
	p->isbn = ident_attr(b, c, "isbn", PC_IDENT_ISBN, "bad-isbn");
	xmlNodePtr pub = pc_build_child(c, "publisher");
	uint32_t idx;
	if (pub && pc_build_resolve(b, pc_build_attr(b, pub, "ref"), PC_ACTOR, "publication", p->n.id,
				    pc_build_line_of(pub), pc_build_col_of(b, pub), &idx))
		g->publications[pi].publisher = (int32_t)idx;
	xmlNodePtr ed = pc_build_child(c, "edition-of");
	if (ed)
		pc_build_add_pending(b, PEND_EDITION, pi, pc_build_attr(b, ed, "ref"), 0, NULL, pc_build_line_of(ed),
				     pc_build_col_of(b, ed));
	/* The entry as listed, whatever normalization makes of it. */
	pc_listing *li = PC_PUSH(g, listings);
	const pc_publication *pu = &g->publications[pi];
	*li = (pc_listing){pu->n,
			   pi,
			   pu->title,
			   pu->subtitle,
			   pu->year,
			   pu->kind,
			   pu->description,
			   pu->publisher,
			   ed ? pc_build_attr(b, ed, "ref") : NULL,
			   pu->url,
			   pu->doi,
			   pu->isbn};
	xmlNodePtr authors = pc_build_child(c, "authors");
	uint32_t position = 0;
	if (authors == NULL)
		return;
	FOR_CHILDREN (x, authors) {
		pc_ref who;
		if (pc_build_is(x, "person")) {
			/* One node per citation here; normalization merges them. */
			pc_person *person = PC_PUSH(g, persons);
			person->n.line = pc_build_line_of(x);
			person->n.col = pc_build_col_of(b, x);
			person_names(b, person, x);
			person->ref = -1;
			who = (pc_ref){PC_PERSON, (uint32_t)g->n_persons - 1};
			if (pc_build_attr(b, x, "ref")) {
				pc_build_need_version_1_1(b, x, "an author's ref to a declared person");
				pc_build_add_pending(b, PEND_PERSON, who.index, pc_build_attr(b, x, "ref"), 0, 0,
						     person->n.line, person->n.col);
			}
		} else if (pc_build_is(x, "organization")) {
			if (!pc_build_resolve(b, pc_build_attr(b, x, "ref"), PC_ACTOR, "publication",
					      g->publications[pi].n.id, pc_build_line_of(x), pc_build_col_of(b, x),
					      &idx))
				continue;
			who = (pc_ref){PC_ACTOR, idx};
		} else {
			continue;
		}
		pc_contributor_role role = contributor_role(b, x);
		pc_authorship *au = PC_PUSH(g, authorships);
		au->role = role;
		au->publication = pi;
		au->position = ++position;
		au->author = who;
		au->as_written = pc_build_text(b, x);
		au->line = pc_build_line_of(x);
		au->col = pc_build_col_of(b, x);
		pc_citation *ci = PC_PUSH(g, citations);
		*ci = (pc_citation){.listing = pi,
				    .position = au->position,
				    .author = who,
				    .as_written = au->as_written,
				    .line = au->line,
				    .col = au->col,
				    .role = role};
		if (who.kind == PC_PERSON) {
			const pc_person *pe = &g->persons[who.index];
			ci->family = pe->mononym ? NULL : pe->family;
			ci->name = pe->mononym ? pe->family : NULL;
			ci->given = pe->given;
			ci->order = pe->order;
		}
	}
}

/* A construct of format 1.1 in a source that says it is 1.0 is an error:
 * the version attribute tells readers and tools what to expect. What the
 * graph keeps is gated by compiler/format_version.c, the rest here. */
void
pc_build_need_version_1_1(builder *b, xmlNodePtr n, const char *what)
{
	if (b->minor >= 1)
		return;
	pc_diag_report(b->d, PC_SEV_ERROR, b->src->path, pc_build_line_of(n), pc_build_col_of(b, n), "format-version",
		       "%s is format 1.1, but the profile says version=\"1.0\": write version=\"1.1\" on <profile>",
		       what);
}

static void
build_theme(builder *b, xmlNodePtr c)
{
	pc_graph *g = b->g;
	pc_build_need_version_1_1(b, c, "<theme>");
	const char *id = pc_build_attr(b, c, "id");
	b->theme_serial++;
	for (size_t i = 0; i < g->n_themes; i++)
		if (g->themes[i].n.id == id) {
			pc_diag_report(b->d, PC_SEV_ERROR, b->src->path, pc_build_line_of(c), pc_build_col_of(b, c),
				       "duplicate-id", "theme '%s' is already declared on line %u", id,
				       g->themes[i].n.line);
			return;
		}
	if (g->n_themes == PC_THEME_MAX) {
		pc_diag_report(b->d, PC_SEV_ERROR, b->src->path, pc_build_line_of(c), pc_build_col_of(b, c),
			       "too-many-themes",
			       "theme '%s' is one too many: a profile declares at most %d themes (the EPUB timeline "
			       "has %d colours and shapes); merge two timelines",
			       id ? id : "", PC_THEME_MAX, PC_THEME_MAX);
		return;
	}
	pc_theme *t = PC_PUSH(g, themes);
	t->n.id = id;
	t->n.line = pc_build_line_of(c);
	t->n.col = pc_build_col_of(b, c);
	t->label = pc_build_child_text(b, c, "label");
	t->order = pc_build_parse_int(b, c, "order", b->theme_serial);
}

/* The themes in order (the two of 1.0 when none is declared), then each
 * event's theme by id. */
static void
resolve_themes(builder *b)
{
	pc_graph *g = b->g;
	pc_graph_order_themes(g);
	for (size_t i = 0; i < b->n_pending; i++) {
		pc_build_pending *p = &b->pending[i];
		if (p->what != PEND_THEME)
			continue;
		size_t t = 0;
		while (t < g->n_themes && g->themes[t].n.id != p->to)
			t++;
		if (t < g->n_themes) {
			g->events[p->from].theme = (uint32_t)t;
			continue;
		}
		/* Say which themes there are: at most PC_THEME_MAX short ids. */
		char known[PC_THEME_MAX * 70] = "";
		for (size_t k = 0; k < g->n_themes; k++)
			snprintf(known + strlen(known), sizeof known - strlen(known), "%s%s",
				 k == 0                 ? ""
				 : k + 1 == g->n_themes ? " or "
							: ", ",
				 g->themes[k].n.id);
		pc_diag_report(b->d, PC_SEV_ERROR, b->src->path, p->line, p->col, "unknown-ref",
			       "event '%s' names unknown theme '%s': write %s, or declare the theme",
			       g->events[p->from].n.id, p->to, known);
	}
}

static void
build_event(builder *b, xmlNodePtr c)
{
	pc_graph *g = b->g;
	uint32_t ei = (uint32_t)g->n_events;
	pc_event *e = PC_PUSH(g, events);
	pc_build_start_node(b, &e->n, c, PC_EVENT, ei);
	e->year = pc_build_parse_int(b, c, "year", PC_NONE);
	e->end_year = pc_build_parse_int(b, c, "end-year", PC_NONE);
	int planned = pc_build_parse_bool(pc_build_attr(b, c, "planned"));
	e->planned = planned < 0 ? 0 : planned ? 1 : -1;
	pc_build_add_pending(b, PEND_THEME, ei, pc_build_attr(b, c, "theme"), 0, 0, e->n.line, e->n.col);
	e->text = pc_build_child_text(b, c, "text");
	FOR_CHILDREN (x, c) {
		if (pc_build_is(x, "involves")) {
			const char *role_name = pc_build_attr(b, x, "role");
			if (role_name == NULL) /* the profile names it without its role */
				pc_build_need_version_1_1(b, x, "<involves> without a role");
			int role =
				role_name ? pc_build_lookup(pc_role_name, PC_ROLE_COUNT, role_name) : PC_ROLE_INVOLVED;
			if (role >= 0)
				pc_build_add_pending(b, PEND_INVOLVES, ei, pc_build_attr(b, x, "actor"), role, NULL,
						     pc_build_line_of(x), pc_build_col_of(b, x));
		} else if (pc_build_is(x, "cites-instrument")) {
			pc_build_add_pending(b, PEND_CITES_INSTRUMENT, ei, pc_build_attr(b, x, "ref"), 0, NULL,
					     pc_build_line_of(x), pc_build_col_of(b, x));
		} else if (pc_build_is(x, "cites-publication")) {
			pc_build_add_pending(b, PEND_CITES_PUBLICATION, ei, pc_build_attr(b, x, "ref"), 0, NULL,
					     pc_build_line_of(x), pc_build_col_of(b, x));
		}
	}
}

static void
resolve_pending(builder *b)
{
	pc_graph *g = b->g;
	for (size_t i = 0; i < b->n_pending; i++) {
		pc_build_pending *p = &b->pending[i];
		uint32_t idx;
		if (p->what == PEND_INVOLVES) {
			if (pc_build_resolve(b, p->to, PC_ACTOR, "event", g->events[p->from].n.id, p->line, p->col,
					     &idx)) {
				pc_event_actor *ea = PC_PUSH(g, event_actors);
				*ea = (pc_event_actor){p->from, idx, (pc_role)p->extra, p->line, p->col};
			}
			continue;
		}
		if (p->what == PEND_CITES_INSTRUMENT || p->what == PEND_CITES_PUBLICATION) {
			pc_kind want = p->what == PEND_CITES_INSTRUMENT ? PC_INSTRUMENT : PC_PUBLICATION;
			if (pc_build_resolve(b, p->to, want, "event", g->events[p->from].n.id, p->line, p->col, &idx)) {
				pc_event_citation *ec = PC_PUSH(g, event_citations);
				*ec = (pc_event_citation){p->from, {want, idx}, p->line, p->col};
			}
			continue;
		}
		if (p->what == PEND_RELATION) {
			if (pc_build_resolve(b, p->to, PC_ACTOR, "actor", g->actors[p->from].n.id, p->line, p->col,
					     &idx)) {
				pc_actor_relation *r = PC_PUSH(g, actor_relations);
				*r = (pc_actor_relation){p->from, idx, (pc_relation_type)p->extra, p->line, p->col};
			}
			continue;
		}
		if (p->what == PEND_PERSON) {
			const char *family = g->persons[p->from].family;
			if (pc_build_resolve(b, p->to, PC_PERSON, "citation", family ? family : "", p->line, p->col,
					     &idx))
				g->persons[p->from].ref = (int32_t)idx;
			continue;
		}
		if (p->what == PEND_THEME)
			continue; /* resolve_themes */
		if (p->what == PEND_EDITION) {
			if (pc_build_resolve(b, p->to, PC_PUBLICATION, "publication", g->publications[p->from].n.id,
					     p->line, p->col, &idx))
				g->publications[p->from].edition_of = (int32_t)idx;
			continue;
		}
		if (!pc_build_resolve(b, p->to, PC_PENALTY, "penalty", g->penalties[p->from].n.id, p->line, p->col,
				      &idx))
			continue;
		if (p->what == PEND_ALTERNATIVE) {
			g->penalties[p->from].alternative_to = (int32_t)idx;
		} else if (p->what == PEND_ADDITION) {
			g->penalties[p->from].in_addition_to = (int32_t)idx;
		} else {
			pc_penalty_change *ch = PC_PUSH(g, penalty_changes);
			*ch = (pc_penalty_change){p->from, idx, p->factor, p->line, p->col};
		}
	}
}

pc_builder *
pc_builder_new(const pc_input *src, pc_diag *d)
{
	builder *b = pc_calloc(1, sizeof *b);
	b->src = src;
	b->d = d;
	b->g = pc_graph_new();
	b->g->source_path = pc_intern(&b->g->strings, src->path);
	memcpy(b->g->source_sha256, src->sha256, sizeof b->g->source_sha256);
	return b;
}

void
pc_builder_root(pc_builder *b, xmlNodePtr root)
{
	const char *version = pc_build_attr(b, root, "version");
	b->minor = version && strncmp(version, "1.", 2) == 0 ? atoi(version + 2) : 0;
	b->g->version = version;
	b->g->lang = pc_build_attr(b, root, "lang");
	b->g->modified = pc_build_attr(b, root, "modified");
	b->g->modified_line = pc_build_line_of(root);
	b->g->modified_col = pc_build_col_of(b, root);
	pc_input_attr_position(b->src, "modified", &b->g->modified_line, &b->g->modified_col);
}

void
pc_builder_add(pc_builder *b, const char *section, xmlNodePtr n)
{
	if (strcmp(section, "title") == 0)
		b->g->title = b->g->title_written = pc_build_text(b, n);
	else if (strcmp(section, "country") == 0)
		build_country(b, n);
	else if (strcmp(section, "indicators") == 0)
		build_indicators(b, n);
	else if (strcmp(section, "events") == 0 && pc_build_is(n, "event"))
		build_event(b, n);
	else if (strcmp(section, "events") == 0 && pc_build_is(n, "theme"))
		build_theme(b, n);
	else if (strcmp(section, "actors") == 0 && pc_build_is(n, "actor"))
		build_actor(b, n);
	else if (strcmp(section, "people") == 0 && pc_build_is(n, "person"))
		build_declared_person(b, n);
	else if (strcmp(section, "research") == 0 && pc_build_is(n, "publication"))
		build_publication(b, n);
	else if (strcmp(section, "law") == 0)
		pc_build_law(b, n);
}

pc_graph *
pc_builder_finish(pc_builder *b, int keep)
{
	pc_graph *g = b->g;
	pc_diag *d = b->d;
	if (keep) {
		resolve_themes(b);
		resolve_pending(b);
	}
	free(b->slots);
	free(b->pending);
	free(b);
	if (keep && g->n_countries == 0) {
		pc_diag_report(d, PC_SEV_ERROR, g->source_path, 0, 0, "schema", "the profile names no country");
		keep = 0;
	}
	if (!keep) {
		pc_check_partial(g, d);
		pc_graph_free(g);
		return NULL;
	}
	if (g->title == NULL) {
		/* The title is optional (format 1.1): the products name the
		 * profile from its country. */
		char *t = pc_asprintf("Country profile: %s",
				      g->countries[0].name ? g->countries[0].name : g->countries[0].code);
		g->title = pc_intern(&g->strings, t);
		free(t);
	}
	return g;
}
