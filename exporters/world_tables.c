/* The world dataset's tables: every profile table with the country first
 * (its definition taken from exporters/tables.c, never copied), then the
 * world entities and, per kind, where each came from: each of those
 * columns defined with the reader that fills it. */
#include <stdlib.h>
#include <string.h>

#include "../compiler/alloc.h"
#include "world.h"

#define NCOLS(a) (sizeof(a) / sizeof((a)[0]))

static const pc_column country_col =
	PC_COLUMN("country", PC_COL_STRING,
		  "Country of the profile the row comes from: its ISO 3166-1 code in lower case", "countries", 0);

/* ---- Reading a cell of the world's own tables ---------------------------- */

static void
world_id(const pc_world_row *r, pc_cell *c)
{
	pc_cell_str(c, r->entity->wid);
}

static void
member_label(const pc_world_row *r, pc_cell *c)
{
	pc_cell_str(c, r->member->label);
}

static void
member_detail(const pc_world_row *r, pc_cell *c)
{
	pc_cell_str(c, r->member->detail);
}

/* A publication's detail is its year, as the part wrote it ("%lld"). */
static void
member_year(const pc_world_row *r, pc_cell *c)
{
	const char *y = r->member->detail;
	pc_cell_num(c, y ? (double)strtoll(y, NULL, 10) : 0, y != NULL);
}

static void
member_kind(const pc_world_row *r, pc_cell *c)
{
	pc_cell_str(c, r->member->kind);
}

/* The entity's identifiers, space-separated: "doi:a\x1fdoi:b" -> "doi:a doi:b". */
static void
identifiers(const pc_world_row *r, pc_cell *c)
{
	pc_buf_reset(r->scratch);
	for (const char *p = r->entity->ids ? r->entity->ids : ""; *p; p++)
		pc_buf_putc(r->scratch, *p == '\x1f' ? ' ' : *p);
	pc_cell_str(c, r->scratch->data ? r->scratch->data : "");
}

/* The distinct countries of its members (sorted by country), space-separated. */
static void
countries(const pc_world_row *r, pc_cell *c)
{
	const pc_world *w = r->w;
	const pc_world_entity *e = r->entity;
	const char *last = NULL;
	pc_buf_reset(r->scratch);
	for (size_t i = 0; i < e->n_members; i++) {
		const pc_world_member *m = &w->members[r->kind][w->by_entity[r->kind][e->first + i]];
		if (m->cc == last)
			continue;
		if (r->scratch->len)
			pc_buf_putc(r->scratch, ' ');
		pc_buf_puts(r->scratch, m->cc);
		last = m->cc;
	}
	pc_cell_str(c, r->scratch->data ? r->scratch->data : "");
}

static void
n_countries(const pc_world_row *r, pc_cell *c)
{
	pc_cell_num(c, (double)r->entity->n_countries, 1);
}

static void
member_country(const pc_world_row *r, pc_cell *c)
{
	pc_cell_str(c, r->member->cc);
}

static void
member_id(const pc_world_row *r, pc_cell *c)
{
	pc_cell_str(c, r->member->id);
}

static void
member_line(const pc_world_row *r, pc_cell *c)
{
	pc_cell_num(c, r->member->line, r->member->line != 0);
}

static void
matched_by(const pc_world_row *r, pc_cell *c)
{
	pc_cell_str(c, r->member->how);
}

/* ---- The world's own tables --------------------------------------------- */

/* A column and how its cell is read: a new column is one line here. */
typedef struct {
	pc_column col;
	pc_world_reader read;
} own_column;

#define OWN(name_, type_, desc_, refs_, wide_, read_)                                                                  \
	{                                                                                                              \
		PC_COLUMN(name_, type_, desc_, refs_, wide_), (read_)                                                  \
	}

static const own_column world_actor_cols[] = {
	OWN("world_id", PC_COL_STRING, "World identifier of the organization, stable across builds", NULL, 0, world_id),
	OWN("kind", PC_COL_STRING, "Kind of organization, as its first profile states it", NULL, 0, member_kind),
	OWN("name", PC_COL_STRING, "Name, as its first profile (by country code) writes it", NULL, 0, member_label),
	OWN("acronym", PC_COL_STRING, "Acronym, as its first profile writes it", NULL, 0, member_detail),
	OWN("identifiers", PC_COL_STRING, "Identifiers its profiles give (wikidata:, ror:), space-separated", NULL, 0,
	    identifiers),
	OWN("countries", PC_COL_STRING, "Countries whose profiles name it, space-separated", NULL, 0, countries),
	OWN("n_countries", PC_COL_INTEGER, "Number of those countries", NULL, 0, n_countries),
};
static const own_column world_person_cols[] = {
	OWN("world_id", PC_COL_STRING, "World identifier of the person, stable across builds", NULL, 0, world_id),
	OWN("display_name", PC_COL_STRING, "Name as a reader reads it, from the first profile citing the person", NULL,
	    0, member_label),
	OWN("given_name", PC_COL_STRING, "Given name or initials, from the same profile", NULL, 0, member_detail),
	OWN("identifiers", PC_COL_STRING, "Identifiers its profiles give (orcid:), space-separated", NULL, 0,
	    identifiers),
	OWN("countries", PC_COL_STRING, "Countries whose profiles cite the person, space-separated", NULL, 0,
	    countries),
	OWN("n_countries", PC_COL_INTEGER, "Number of those countries", NULL, 0, n_countries),
};
static const own_column world_publication_cols[] = {
	OWN("world_id", PC_COL_STRING, "World identifier of the publication, stable across builds", NULL, 0, world_id),
	OWN("title", PC_COL_STRING, "Title, from the first profile listing it", NULL, 1, member_label),
	OWN("year", PC_COL_INTEGER, "Year of publication", NULL, 0, member_year),
	OWN("kind", PC_COL_STRING, "Kind of publication, as that profile states it", NULL, 0, member_kind),
	OWN("identifiers", PC_COL_STRING, "Identifiers its profiles give (doi:), space-separated", NULL, 0,
	    identifiers),
	OWN("countries", PC_COL_STRING, "Countries whose profiles list it, space-separated", NULL, 0, countries),
	OWN("n_countries", PC_COL_INTEGER, "Number of those countries", NULL, 0, n_countries),
};

/* One row per member of each world entity: which profile's entity it is. */
#define PROVENANCE(kind, table, world, what)                                                                           \
	{                                                                                                              \
		OWN("world_id", PC_COL_STRING, "World " what, world, 0, world_id),                                     \
			OWN("country", PC_COL_STRING, "Country of the profile", "countries", 0, member_country),       \
			OWN(kind "_id", PC_COL_STRING, "The profile's own id of the " what, table, 0, member_id),      \
			OWN("line", PC_COL_INTEGER, "Line of the profile's source file that states it", NULL, 0,       \
			    member_line),                                                                              \
			OWN("matched_by", PC_COL_STRING,                                                               \
			    "Why it is this world entity: identifier, name, or alone (no other profile's)", NULL, 0,   \
			    matched_by),                                                                               \
	}

static const own_column actor_provenance_cols[] = PROVENANCE("actor", "actors", "world_actors", "organization");
static const own_column person_provenance_cols[] = PROVENANCE("person", "people", "world_people", "person");
static const own_column publication_provenance_cols[] =
	PROVENANCE("publication", "publications", "world_publications", "publication");

static const struct {
	const char *name, *title, *description;
	pc_world_kind kind;
	int per_member;
	const own_column *cols;
	size_t n;
	const char *pk[4];
} own[] = {
	{"world_actors",
	 "World organizations",
	 "Organizations of every profile, each shared one once",
	 PC_WORLD_ACTOR,
	 0,
	 world_actor_cols,
	 NCOLS(world_actor_cols),
	 {"world_id", NULL}},
	{"actor_provenance",
	 "Organization provenance",
	 "Which profile organizations each world organization is",
	 PC_WORLD_ACTOR,
	 1,
	 actor_provenance_cols,
	 NCOLS(actor_provenance_cols),
	 {"country", "actor_id", NULL}},
	{"world_people",
	 "World people",
	 "People cited by every profile, each shared one once",
	 PC_WORLD_PERSON,
	 0,
	 world_person_cols,
	 NCOLS(world_person_cols),
	 {"world_id", NULL}},
	{"person_provenance",
	 "Person provenance",
	 "Which profile people each world person is",
	 PC_WORLD_PERSON,
	 1,
	 person_provenance_cols,
	 NCOLS(person_provenance_cols),
	 {"country", "person_id", NULL}},
	{"world_publications",
	 "World publications",
	 "Publications of every profile, each shared one once",
	 PC_WORLD_PUBLICATION,
	 0,
	 world_publication_cols,
	 NCOLS(world_publication_cols),
	 {"world_id", NULL}},
	{"publication_provenance",
	 "Publication provenance",
	 "Which profile publications each world publication is",
	 PC_WORLD_PUBLICATION,
	 1,
	 publication_provenance_cols,
	 NCOLS(publication_provenance_cols),
	 {"country", "publication_id", NULL}},
};

pc_world_table *
pc_world_tables(size_t *n_out)
{
	size_t n = pc_n_tables + NCOLS(own);
	pc_world_table *t = pc_calloc(n, sizeof *t);
	for (size_t i = 0; i < pc_n_tables; i++) {
		const pc_table *p = &pc_tables[i];
		int with_country = p->kind != PC_COUNTRY;
		size_t pk = 0;
		while (p->primary_key && p->primary_key[pk])
			pk++;
		t[i].name = p->name;
		t[i].title = p->title;
		t[i].description = p->description;
		t[i].profile = p;
		t[i].n_columns = p->n_columns + (size_t)with_country;
		t[i].columns = pc_calloc(t[i].n_columns, sizeof *t[i].columns);
		if (with_country)
			t[i].columns[0] = country_col;
		memcpy(t[i].columns + with_country, p->columns, p->n_columns * sizeof *p->columns);
		t[i].primary_key = pc_calloc(pk + 2, sizeof *t[i].primary_key);
		if (with_country)
			t[i].primary_key[0] = "country";
		for (size_t k = 0; k < pk; k++)
			t[i].primary_key[k + (size_t)with_country] = p->primary_key[k];
	}
	for (size_t j = 0; j < NCOLS(own); j++) {
		pc_world_table *x = &t[pc_n_tables + j];
		x->name = own[j].name;
		x->title = own[j].title;
		x->description = own[j].description;
		x->kind = own[j].kind;
		x->per_member = own[j].per_member;
		x->n_columns = own[j].n;
		x->columns = pc_calloc(own[j].n, sizeof *x->columns);
		x->read = pc_calloc(own[j].n, sizeof *x->read);
		for (size_t c = 0; c < own[j].n; c++) {
			x->columns[c] = own[j].cols[c].col;
			x->read[c] = own[j].cols[c].read;
		}
		x->primary_key = pc_calloc(4, sizeof *x->primary_key);
		for (size_t k = 0; own[j].pk[k]; k++)
			x->primary_key[k] = own[j].pk[k];
	}
	*n_out = n;
	return t;
}

void
pc_world_tables_free(pc_world_table *t, size_t n)
{
	for (size_t i = 0; t && i < n; i++) {
		free(t[i].columns);
		free(t[i].primary_key);
		free(t[i].read);
	}
	free(t);
}
