/* The world dataset's tables: every profile table with the country first
 * (its definition taken from exporters/tables.c, never copied), then the
 * world entities and, per kind, where each came from. */
#include <stdlib.h>
#include <string.h>

#include "../compiler/alloc.h"
#include "world.h"

#define NCOLS(a) (sizeof(a) / sizeof((a)[0]))

static const pc_column country_col =
	PC_COLUMN("country", PC_COL_STRING,
		  "Country of the profile the row comes from: its ISO 3166-1 code in lower case", "countries", 0);

static const pc_column world_actor_cols[] = {
	PC_COLUMN("world_id", PC_COL_STRING, "World identifier of the organization, stable across builds", NULL, 0),
	PC_COLUMN("kind", PC_COL_STRING, "Kind of organization, as its first profile states it", NULL, 0),
	PC_COLUMN("name", PC_COL_STRING, "Name, as its first profile (by country code) writes it", NULL, 0),
	PC_COLUMN("acronym", PC_COL_STRING, "Acronym, as its first profile writes it", NULL, 0),
	PC_COLUMN("identifiers", PC_COL_STRING, "Identifiers its profiles give (wikidata:, ror:), space-separated",
		  NULL, 0),
	PC_COLUMN("countries", PC_COL_STRING, "Countries whose profiles name it, space-separated", NULL, 0),
	PC_COLUMN("n_countries", PC_COL_INTEGER, "Number of those countries", NULL, 0),
};
static const pc_column world_person_cols[] = {
	PC_COLUMN("world_id", PC_COL_STRING, "World identifier of the person, stable across builds", NULL, 0),
	PC_COLUMN("display_name", PC_COL_STRING, "Name as a reader reads it, from the first profile citing the person",
		  NULL, 0),
	PC_COLUMN("given_name", PC_COL_STRING, "Given name or initials, from the same profile", NULL, 0),
	PC_COLUMN("identifiers", PC_COL_STRING, "Identifiers its profiles give (orcid:), space-separated", NULL, 0),
	PC_COLUMN("countries", PC_COL_STRING, "Countries whose profiles cite the person, space-separated", NULL, 0),
	PC_COLUMN("n_countries", PC_COL_INTEGER, "Number of those countries", NULL, 0),
};
static const pc_column world_publication_cols[] = {
	PC_COLUMN("world_id", PC_COL_STRING, "World identifier of the publication, stable across builds", NULL, 0),
	PC_COLUMN("title", PC_COL_STRING, "Title, from the first profile listing it", NULL, 1),
	PC_COLUMN("year", PC_COL_INTEGER, "Year of publication", NULL, 0),
	PC_COLUMN("kind", PC_COL_STRING, "Kind of publication, as that profile states it", NULL, 0),
	PC_COLUMN("identifiers", PC_COL_STRING, "Identifiers its profiles give (doi:), space-separated", NULL, 0),
	PC_COLUMN("countries", PC_COL_STRING, "Countries whose profiles list it, space-separated", NULL, 0),
	PC_COLUMN("n_countries", PC_COL_INTEGER, "Number of those countries", NULL, 0),
};

#define PROVENANCE(kind, table, world, what)                                                                           \
	{                                                                                                              \
		PC_COLUMN("world_id", PC_COL_STRING, "World " what, world, 0),                                         \
			PC_COLUMN("country", PC_COL_STRING, "Country of the profile", "countries", 0),                 \
			PC_COLUMN(kind "_id", PC_COL_STRING, "The profile's own id of the " what, table, 0),           \
			PC_COLUMN("line", PC_COL_INTEGER, "Line of the profile's source file that states it", NULL,    \
				  0),                                                                                  \
			PC_COLUMN("matched_by", PC_COL_STRING,                                                         \
				  "Why it is this world entity: identifier, name, or alone (no other profile's)",      \
				  NULL, 0),                                                                            \
	}

static const pc_column actor_provenance_cols[] = PROVENANCE("actor", "actors", "world_actors", "organization");
static const pc_column person_provenance_cols[] = PROVENANCE("person", "people", "world_people", "person");
static const pc_column publication_provenance_cols[] =
	PROVENANCE("publication", "publications", "world_publications", "publication");

static const struct {
	const char *name, *title, *description;
	const pc_column *cols;
	size_t n;
	const char *pk[4];
} own[] = {
	{"world_actors",
	 "World organizations",
	 "Organizations of every profile, each shared one once",
	 world_actor_cols,
	 NCOLS(world_actor_cols),
	 {"world_id", NULL}},
	{"actor_provenance",
	 "Organization provenance",
	 "Which profile organizations each world organization is",
	 actor_provenance_cols,
	 NCOLS(actor_provenance_cols),
	 {"country", "actor_id", NULL}},
	{"world_people",
	 "World people",
	 "People cited by every profile, each shared one once",
	 world_person_cols,
	 NCOLS(world_person_cols),
	 {"world_id", NULL}},
	{"person_provenance",
	 "Person provenance",
	 "Which profile people each world person is",
	 person_provenance_cols,
	 NCOLS(person_provenance_cols),
	 {"country", "person_id", NULL}},
	{"world_publications",
	 "World publications",
	 "Publications of every profile, each shared one once",
	 world_publication_cols,
	 NCOLS(world_publication_cols),
	 {"world_id", NULL}},
	{"publication_provenance",
	 "Publication provenance",
	 "Which profile publications each world publication is",
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
		x->n_columns = own[j].n;
		x->columns = pc_calloc(own[j].n, sizeof *x->columns);
		memcpy(x->columns, own[j].cols, own[j].n * sizeof *x->columns);
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
	}
	free(t);
}
