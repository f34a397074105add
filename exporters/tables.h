/* The tabular view of the graph that the CSV, the datapackage and the
 * workbook share: one table per node kind and per edge kind, with the same
 * columns, types and row order everywhere. */
#ifndef PC_TABLES_H
#define PC_TABLES_H

#include "../compiler/graph.h"
#include "buf.h"

/* PC_COL_NUMBER cells are decimals, carried as their canonical text
 * (compiler/decimal.h) so that no digit is lost; the others are exact in
 * a double. YEAR is an integer and YEARMONTH a "2001-11" string, typed as
 * Frictionless's year and yearmonth in datapackage.json. */
typedef enum {
	PC_COL_STRING,
	PC_COL_INTEGER,
	PC_COL_NUMBER,
	PC_COL_BOOLEAN,
	PC_COL_YEAR,
	PC_COL_YEARMONTH
} pc_col_type;

typedef struct pc_cell pc_cell;
typedef struct pc_row pc_row;

typedef struct pc_column {
	const char *name; /* snake_case, unique in its table */
	pc_col_type type;
	const char *description;
	const char *references; /* the table whose "id" this column holds, or NULL */
	int wide;               /* long prose: wrapped in the workbook */
	/* A link or identifier column: 1 + its pc_ident_kind (compiler/identifiers.h),
	 * 0 for any other. The workbook links its cells to the value's IRI;
	 * datapackage.json types a URL column's format as "uri". */
	int ident;
	const char *absent; /* what the workbook shows for an empty cell ("not stated"); NULL: nothing */
	/* How the cell is read from its row (tables.c): a field of the row's
	 * record at `offset`, read as `get` says, or `fn`. */
	int get;
	size_t offset;
	pc_kind ref_kind; /* the kind a reference names */
	const char *const *names;
	int n_names;
	void (*fn)(const pc_row *row, pc_cell *cell);
} pc_column;

/* A column by its public fields alone, for tables filled by other means
 * than tables.c's readers (the world dataset's). */
#define PC_COLUMN(name_, type_, desc_, refs_, wide_)                                                                   \
	{                                                                                                              \
		.name = (name_), .type = (type_), .description = (desc_), .references = (refs_), .wide = (wide_)       \
	}

struct pc_cell {
	int present;     /* 0: an empty cell, a missing value */
	const char *str; /* PC_COL_STRING; PC_COL_NUMBER: the canonical decimal */
	double num;      /* PC_COL_INTEGER, PC_COL_BOOLEAN (0/1) */
	pc_ref link;     /* the entity this cell names; kind PC_KIND_COUNT when none */
};

/* A cell holding s (missing when NULL), or the number v when present:
 * what every column's reader sets, the world tables' too. */
void pc_cell_str(pc_cell *c, const char *s);
void pc_cell_num(pc_cell *c, double v, int present);

/* Where a row's cells come from: the record (a node, an edge, the graph
 * itself), its index, and for a row of a list held by a parent (an
 * actor's aliases) the place k in that list. */
struct pc_row {
	const pc_graph *g;
	const void *rec;
	size_t index;
	size_t k;
};

typedef struct pc_table {
	const char *name;  /* file stem and sheet name: "events" */
	const char *title; /* "Events" */
	const char *description;
	pc_kind kind; /* the node kind of its rows; PC_KIND_COUNT for an edge table */
	const pc_column *columns;
	size_t n_columns;
	const char *const *primary_key; /* column names, NULL-terminated */
	/* Where its rows are (tables.c): the records of a graph array, one
	 * row per element; with `per_parent`, the elements of a list each
	 * record holds; or, with no array, the graph itself as one row. */
	size_t array, count, size;
	size_t (*per_parent)(const void *rec);
} pc_table;

extern const pc_table pc_tables[];
extern const size_t pc_n_tables;
/* The data-quality notes as a table: a sheet of the workbook. */
extern const pc_table pc_quality_table;

size_t pc_table_n_rows(const pc_table *t, const pc_graph *g);
/* Fill cells[0..n_columns) for row r (0-based, in the stable order); past
 * the last row, every cell is empty. In-order walks cost O(1) a row. */
void pc_table_row(const pc_table *t, const pc_graph *g, size_t r, pc_cell *cells);

/* The table whose rows are nodes of this kind, or NULL. Row r of that table
 * is node index r, so a pc_ref is also a row address. */
const pc_table *pc_table_for_kind(pc_kind kind);
const pc_table *pc_table_named(const char *name);
/* The index of a column by name, or -1. */
int pc_table_column(const pc_table *t, const char *name);

/* The rows of table t as CSV records (exporters/csv.c), each CRLF-ended,
 * without the header; with `first` not NULL, every record begins with
 * that field (the world tables' country column). */
void pc_csv_rows(const pc_graph *g, const pc_table *t, const char *first, pc_buf *b);
/* One cell as a CSV field, as column col's type spells it (nothing for a
 * missing value): every table's cells, the world's own too. */
void pc_csv_cell(pc_buf *b, const pc_column *col, const pc_cell *c);
/* Table Schema's name of each column type ("string", "integer", ...). */
extern const char *const pc_field_type[];

#endif
