/* One profile's part of the world dataset, written where the profile is
 * built (a worker process with --jobs), so that the parent never holds the
 * graphs: each table's rows with the country first, and a summary of the
 * entities the world step resolves across profiles. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../compiler/alloc.h"
#include "../compiler/fold.h"
#include "../compiler/names.h"
#include "edge_index.h"
#include "world.h"

/* A summary field: the bytes and a NUL (NULL as an empty field). */
static void
put(pc_buf *b, const char *s)
{
	if (s)
		pc_buf_puts(b, s);
	pc_buf_putc(b, '\0');
}

static void
put_int(pc_buf *b, long long v)
{
	pc_buf_printf(b, "%lld", v);
	pc_buf_putc(b, '\0');
}

/* A list of keys (its length may be 0: the buffer's old bytes are not it). */
static void
put_keys(pc_buf *b, const pc_buf *keys)
{
	pc_buf_add(b, keys->data ? keys->data : "", keys->len);
	pc_buf_putc(b, '\0');
}

/* Append the folded key of s to a US-separated list (nothing for an empty key). */
static void
add_key(pc_buf *keys, const char *s)
{
	if (s == NULL)
		return;
	char *k = pc_fold_key(s);
	if (*k != '\0') {
		if (keys->len > 0)
			pc_buf_putc(keys, '\x1f');
		pc_buf_puts(keys, k);
	}
	free(k);
}

/* Append "scheme:value" to a US-separated list of identifiers (nothing
 * for no value). A DOI is case-insensitive (ASCII): it is compared, and
 * its world id derived, in lower case. */
static void
add_ident(pc_buf *ids, const char *scheme, const char *value)
{
	if (value == NULL)
		return;
	if (ids->len > 0)
		pc_buf_putc(ids, '\x1f');
	pc_buf_printf(ids, "%s:", scheme);
	int fold = strcmp(scheme, "doi") == 0;
	for (const char *p = value; *p; p++)
		pc_buf_putc(ids, fold && *p >= 'A' && *p <= 'Z' ? (char)(*p - 'A' + 'a') : *p);
}

/* Organizations that exist once in the world, whichever country lists
 * them: only these match other profiles' organizations by name. A
 * national body ("Ministry of Education") never does; one whose kind is
 * not stated is reported where its name is an international one's. */
static int
by_name_of_kind(const char *kind)
{
	if (kind == NULL) /* not stated: it might be one */
		return PC_BY_NAME_REPORT;
	return strcmp(kind, "international-organization") == 0 ? PC_BY_NAME_YES : PC_BY_NAME_NEVER;
}

static void
summarize_actors(const pc_graph *g, pc_buf *b, pc_buf *keys, pc_buf *ids)
{
	for (size_t i = 0; i < g->n_actors; i++) {
		const pc_actor *a = &g->actors[i];
		pc_buf_reset(ids);
		add_ident(ids, "ror", a->ror);
		add_ident(ids, "wikidata", a->wikidata);
		pc_buf_reset(keys);
		add_key(keys, a->name);
		add_key(keys, a->acronym);
		for (size_t k = 0; k < a->n_aliases; k++)
			add_key(keys, a->aliases[k]);
		put(b, "A");
		put(b, a->n.id);
		put_int(b, a->n.line);
		put(b, a->name);
		put(b, a->acronym);
		put(b, a->kind);
		put_keys(b, ids);
		put_keys(b, keys);
		put_int(b, by_name_of_kind(a->kind));
	}
}

/* A person's key is the person matcher's own reading of the name
 * (compiler/names.h): the folded family name and the given name's form
 * ("jean-luc", "j. l."), so that the world matches as normalization does. */
static void
summarize_people(const pc_graph *g, pc_buf *b, pc_buf *keys, pc_buf *ids)
{
	pc_strtab names; /* what the parsed names hold */
	pc_strtab_init(&names);
	for (size_t i = 0; i < g->n_persons; i++) {
		const pc_person *p = &g->persons[i];
		pc_name name;
		pc_name_parse(&name, &names, p->family, p->given);
		pc_buf_reset(keys);
		/* A mononym ("Sukarno") never matches the family name Sukarno. */
		pc_buf_printf(keys, "%s|%s", name.family, p->mononym ? "(mononym)" : name.form);
		pc_buf_reset(ids);
		add_ident(ids, "orcid", p->orcid);
		put(b, "P");
		put(b, p->n.id);
		put_int(b, p->n.line);
		put(b, p->display);
		put(b, p->given);
		put(b, NULL);
		put_keys(b, ids);
		put(b, *name.family ? keys->data : ""); /* keys holds a printf'd string */
		put_int(b, 1);
		put(b, p->family);
	}
	pc_strtab_free(&names);
}

/* A publication's world key: its folded title, year and authors' folded
 * names in order, the within-profile duplicate key with names for indices.
 * authors: the authorships grouped by publication, in position order. */
static void
publication_key(const pc_graph *g, size_t pi, const pc_edge_index *authors, pc_buf *keys)
{
	const pc_publication *p = &g->publications[pi];
	char *title = pc_fold_title(p->title ? p->title : "");
	pc_buf_reset(keys);
	pc_buf_printf(keys, "%s|%d|", title, p->year);
	free(title);
	PC_EDGE_EACH(authors, pi, k)
	{
		pc_ref au = g->authorships[authors->items[k]].author;
		const char *name = "";
		if (au.kind == PC_PERSON && au.index < g->n_persons)
			name = g->persons[au.index].family;
		else if (au.kind == PC_ACTOR && au.index < g->n_actors)
			name = g->actors[au.index].name;
		char *f = pc_fold_key(name ? name : "");
		pc_buf_printf(keys, "%s;", f);
		free(f);
	}
}

static void
summarize_publications(const pc_graph *g, pc_buf *b, pc_buf *keys, pc_buf *ids)
{
	pc_edge_index authors;
	pc_edge_index_authors(&authors, g);
	for (size_t i = 0; i < g->n_publications; i++) {
		const pc_publication *p = &g->publications[i];
		publication_key(g, i, &authors, keys);
		put(b, "B");
		put(b, p->n.id);
		put_int(b, p->n.line);
		put(b, p->title);
		if (p->year != PC_NONE)
			put_int(b, p->year);
		else
			put(b, NULL);
		put(b, p->kind);
		pc_buf_reset(ids);
		add_ident(ids, "doi", p->doi);
		put_keys(b, ids);
		put_keys(b, keys);
		put_int(b, 1);
	}
	pc_edge_index_free(&authors);
}

/* Events per year and the thresholds, for the sheet comparing countries. */
static void
summarize_country(const pc_graph *g, pc_buf *b)
{
	int lo = 0, hi = -1;
	for (size_t i = 0; i < g->n_events; i++) {
		int y = g->events[i].year;
		if (hi < lo)
			lo = hi = y;
		lo = y < lo ? y : lo;
		hi = y > hi ? y : hi;
	}
	if (hi >= lo) {
		size_t span = (size_t)(hi - lo) + 1;
		size_t *count = pc_calloc(span, sizeof *count);
		for (size_t i = 0; i < g->n_events; i++)
			count[g->events[i].year - lo]++;
		for (size_t y = 0; y < span; y++)
			if (count[y]) {
				put(b, "Y");
				put_int(b, lo + (long long)y);
				put_int(b, (long long)count[y]);
			}
		free(count);
	}
	for (size_t i = 0; i < g->n_thresholds; i++) {
		put(b, "T");
		put_int(b, g->thresholds[i].kind);
		put_int(b, g->thresholds[i].age);
	}
}

int
pc_world_contribute(const pc_graph *g, const char *root, int with_rows, pc_diag *d)
{
	if (pc_n_tables > PC_WORLD_MAX_TABLES)
		abort(); /* fixed by the code, never by the input */
	/* A header of section lengths, then the sections. */
	unsigned long long len[PC_WORLD_MAX_TABLES + 1] = {0};
	pc_buf b, keys, ids;
	pc_buf_init(&b);
	pc_buf_init(&keys);
	pc_buf_init(&ids);
	pc_buf_add(&b, (const char *)len, sizeof len);
	const char *cc = pc_graph_cc(g);
	for (size_t i = 0; with_rows && i < pc_n_tables; i++) {
		size_t at = b.len;
		/* The countries table is the world's list of countries: its id is the country. */
		pc_csv_rows(g, &pc_tables[i], pc_tables[i].kind == PC_COUNTRY ? NULL : cc, &b);
		len[i] = b.len - at;
	}
	size_t at = b.len;
	summarize_actors(g, &b, &keys, &ids);
	summarize_people(g, &b, &keys, &ids);
	summarize_publications(g, &b, &keys, &ids);
	summarize_country(g, &b);
	len[PC_WORLD_SUMMARY] = b.len - at;
	memcpy(b.data, len, sizeof len);
	char *rel = pc_asprintf("%s/%s", PC_WORLD_PARTS, cc);
	int rc = pc_out_write(root, rel, b.data, b.len, d);
	free(rel);
	pc_buf_free(&keys);
	pc_buf_free(&ids);
	pc_buf_free(&b);
	return rc;
}

/* ---- Reading a part back (in the parent) ------------------------------ */

int
pc_world_part_open(pc_world_part *p, const char *parts_dir, const char *cc, pc_diag *d)
{
	memset(p, 0, sizeof *p);
	p->path = pc_asprintf("%s/%s", parts_dir, cc);
	FILE *f = fopen(p->path, "rb");
	int ok = f != NULL && fread(p->length, sizeof p->length, 1, f) == 1;
	if (f)
		fclose(f);
	if (!ok)
		return pc_out_fail(d, p->path, "read the world part");
	unsigned long long at = sizeof p->length;
	for (size_t k = 0; k <= PC_WORLD_MAX_TABLES; k++) {
		p->offset[k] = at;
		at += p->length[k];
	}
	return PC_EXIT_OK;
}

int
pc_world_part_read(const pc_world_part *p, size_t k, char **data, size_t *len, pc_diag *d)
{
	*data = pc_malloc((size_t)p->length[k] + 1);
	*len = (size_t)p->length[k];
	FILE *f = fopen(p->path, "rb");
	int ok = f != NULL && fseek(f, (long)p->offset[k], SEEK_SET) == 0 &&
		 (*len == 0 || fread(*data, *len, 1, f) == 1);
	if (f)
		fclose(f);
	(*data)[*len] = '\0';
	if (!ok) {
		free(*data);
		*data = NULL;
		return pc_out_fail(d, p->path, "read the world part");
	}
	return PC_EXIT_OK;
}

void
pc_world_part_free(pc_world_part *p)
{
	free(p->path);
	memset(p, 0, sizeof *p);
}
