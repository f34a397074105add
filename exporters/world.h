/* The world dataset: every profile of a build as one, with the
 * organizations, people and publications they share resolved once.
 *
 * It is made in two halves so that no process holds every graph: where a
 * profile is built (a worker with --jobs), pc_world_contribute writes its
 * part below the build's parts directory, <parts>/<cc>/: each table's rows
 * with the country first, and a summary of its entities (world_parts.c).
 * Once every profile is built, the parent resolves the summaries into
 * world entities (world_resolve.c) and writes DIR/world/ from them and the
 * rows (world_csv.c, world_xlsx.c, world_jsonld.c). */
#ifndef PC_WORLD_H
#define PC_WORLD_H

#include "export.h"
#include "tables.h"

/* The scratch directory of the parts, inside the staging directory; its
 * name starts with a dot, so it is never published. */
#define PC_WORLD_PARTS ".world-parts"

/* Write profile g's part of the world to root/PC_WORLD_PARTS/<cc>, one
 * file (root: the staging directory; one file, since creating hundreds of
 * small ones is what ext4 makes slow): each table's rows when with_rows
 * (the CSV package or the workbook is wanted), then the entity summary. */
int pc_world_contribute(const pc_graph *g, const char *root, int with_rows, pc_diag *d);

/* Where the sections of a part file are: table i's rows (pc_tables[i]),
 * and the entity summary at PC_WORLD_SUMMARY. */
#define PC_WORLD_MAX_TABLES 64
#define PC_WORLD_SUMMARY    PC_WORLD_MAX_TABLES
typedef struct {
	char *path;
	unsigned long long offset[PC_WORLD_MAX_TABLES + 1], length[PC_WORLD_MAX_TABLES + 1];
} pc_world_part;

/* Read the index of the part of country cc below parts_dir; PC_EXIT_OK or
 * PC_EXIT_OUTPUT with a diagnostic. Free with pc_world_part_free. */
int pc_world_part_open(pc_world_part *p, const char *parts_dir, const char *cc, pc_diag *d);
/* Copy section k to out (a FILE *), or into a malloc'd buffer (*data, NUL-terminated). */
int pc_world_part_read(const pc_world_part *p, size_t k, char **data, size_t *len, pc_diag *d);
void pc_world_part_free(pc_world_part *p);

/* ---- The resolved world (parent side) ------------------------------- */

typedef enum { PC_WORLD_ACTOR, PC_WORLD_PERSON, PC_WORLD_PUBLICATION, PC_WORLD_KINDS } pc_world_kind;
extern const char *const pc_world_kind_name[PC_WORLD_KINDS]; /* "organization", "person", "publication" */

/* One entity of one profile, as its summary states it. */
/* How a member may match by name: never (a national body); yes (what
 * exists once in the world: an international organization, a person, a
 * publication); or, for an organization whose kind the profile does not
 * state (format 1.1), only as a candidate that is reported, never merged. */
enum { PC_BY_NAME_NEVER, PC_BY_NAME_YES, PC_BY_NAME_REPORT };

typedef struct {
	const char *cc, *id; /* the profile's country (lower case) and its own id */
	unsigned line;
	const char *label;  /* name, display name or title; may be NULL (an unnamed actor) */
	const char *detail; /* acronym, given name, or the year as text; may be NULL */
	const char *kind;   /* the actor's or publication's kind; may be NULL */
	const char *ids;    /* identifiers "scheme:value", separated by US (0x1f); "" when none */
	const char *keys;   /* folded names it matches by, US-separated; "" when none */
	int by_name;        /* PC_BY_NAME_*: how it may match other profiles' entities by its keys */
	const char *family; /* a person's family name as written, for names.h; NULL otherwise */
	size_t entity;      /* its world entity, an index into the kind's entities */
	const char *how;    /* "identifier", "name" or "alone": why it is in its entity */
} pc_world_member;

typedef struct {
	char *wid;          /* the world id */
	size_t first;       /* index of its first member (members are sorted by country) */
	size_t n_members;   /* members first..first+n_members-1 of the kind's `by_entity` order */
	size_t n_countries; /* distinct countries */
	const char *ids;    /* the identifiers of its members, US-separated, sorted, unique */
} pc_world_entity;

/* What the comparison sheet needs of one country. */
typedef struct {
	const char *cc, *code, *name, *source;
	pc_world_part part;
	size_t counts[PC_KIND_COUNT];
	int *years; /* year, count pairs */
	size_t n_years;
	int thresholds[PC_THR_COUNT]; /* ages; 0 when the profile states none */
} pc_world_country;

typedef struct {
	pc_strtab strings;
	pc_world_country *countries; /* sorted by cc */
	size_t n_countries;
	pc_world_member *members[PC_WORLD_KINDS]; /* sorted by cc, then line, then id */
	size_t n_members[PC_WORLD_KINDS];
	size_t *by_entity[PC_WORLD_KINDS]; /* member indices, grouped by entity in entity order */
	pc_world_entity *entities[PC_WORLD_KINDS];
	size_t n_entities[PC_WORLD_KINDS];
	char build_date[11];
	char build_timestamp[21];
} pc_world;

/* Read the parts of the n profiles summarized by sets (built from files[i])
 * and resolve their entities, reporting ambiguous-world-entity warnings.
 * PC_EXIT_OK, or PC_EXIT_OUTPUT when a part cannot be read. */
int pc_world_load(pc_world *w, const pc_dataset *sets, const char *const *files, size_t n, const char *parts_dir,
		  pc_diag *d);
void pc_world_free(pc_world *w);
/* The member of entity e of kind k that stands for it: its first (the
 * lowest country, then line). */
const pc_world_member *pc_world_first(const pc_world *w, pc_world_kind k, size_t e);

/* ---- The world tables ------------------------------------------------ */

/* A row of one of the world's own tables: an entity of a kind, and the
 * member it shows (an entity's row: its first; provenance: each in turn). */
typedef struct {
	const pc_world *w;
	pc_world_kind kind;
	const pc_world_entity *entity;
	const pc_world_member *member;
	pc_buf *scratch; /* holds a text a reader puts together (a list) */
} pc_world_row;

/* How a column of the world's own tables reads its cell from a row. */
typedef void (*pc_world_reader)(const pc_world_row *row, pc_cell *cell);

/* A world table: a profile table with the country column first, or one of
 * the world's own (entities, provenance). Columns of profile tables that
 * reference another profile table reference it by (country, id). */
typedef struct {
	const char *name, *title, *description;
	const pc_table *profile; /* the profile table it gathers, or NULL */
	pc_column *columns;
	size_t n_columns;
	const char **primary_key; /* NULL-terminated */
	/* The world's own tables (profile NULL): the kind of their entities,
	 * whether a row is each member of an entity (provenance) rather than
	 * the entity, and read[i], how columns[i] is read from a row (both
	 * defined together in world_tables.c). */
	pc_world_kind kind;
	int per_member;
	pc_world_reader *read;
} pc_world_table;

/* Every world table, profile tables first in their order; free with
 * pc_world_tables_free. */
pc_world_table *pc_world_tables(size_t *n);
void pc_world_tables_free(pc_world_table *t, size_t n);

/* Products, below root (the staging directory). The tables go to
 * root/csv_rel ("world/csv", or scratch when only the workbook wants
 * them), with datapackage.json when with_package; the workbook is made
 * from those files, into root/world/world.xlsx. */
/* license: --license's, stated in datapackage.json as the countries' are (NULL: none). */
int pc_world_write_csv(const pc_world *w, const char *root, const char *csv_rel, int with_package, const char *license,
		       pc_diag *d);
int pc_world_write_xlsx(const pc_world *w, const char *root, const char *csv_rel, pc_diag *d);
int pc_world_write_jsonld(const pc_world *w, const char *root, const pc_export_opts *o, pc_diag *d);

/* The whole world step: load, resolve, write the formats wanted (by
 * exporter name: "csv", "xlsx", "jsonld"). PC_EXIT_OK when nothing is
 * wanted. */
int pc_export_world(const pc_dataset *sets, const char *const *files, size_t n, const char *root, const char *parts_dir,
		    const pc_export_opts *o, int csv, int xlsx, int jsonld, pc_diag *d);

#endif
