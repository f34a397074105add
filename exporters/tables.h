/* The tabular view of the graph that the CSV, the datapackage and the
 * workbook share: one table per node kind and per edge kind, with the same
 * columns, types and row order everywhere. */
#ifndef PC_TABLES_H
#define PC_TABLES_H

#include "../compiler/graph.h"
#include "buf.h"

typedef enum { PC_COL_STRING, PC_COL_INTEGER, PC_COL_NUMBER, PC_COL_BOOLEAN } pc_col_type;

typedef struct {
	const char *name; /* snake_case, unique in its table */
	pc_col_type type;
	const char *description;
	const char *references; /* the table whose "id" this column holds, or NULL */
	int wide;               /* long prose: wrapped in the workbook */
} pc_column;

typedef struct {
	int present;     /* 0: an empty cell, a missing value */
	const char *str; /* PC_COL_STRING */
	double num;      /* PC_COL_INTEGER, PC_COL_NUMBER, PC_COL_BOOLEAN (0/1) */
	pc_ref link;     /* the entity this cell names; kind PC_KIND_COUNT when none */
} pc_cell;

typedef struct pc_table {
	const char *name;  /* file stem and sheet name: "events" */
	const char *title; /* "Events" */
	const char *description;
	pc_kind kind; /* the node kind of its rows; PC_KIND_COUNT for an edge table */
	const pc_column *columns;
	size_t n_columns;
	const char *const *primary_key; /* column names, NULL-terminated */
	size_t (*n_rows)(const pc_graph *g);
	/* Fill cells[0..n_columns) for row r (0-based, in the stable order). */
	void (*row)(const pc_graph *g, size_t r, pc_cell *cells);
} pc_table;

extern const pc_table pc_tables[];
extern const size_t pc_n_tables;

/* The table whose rows are nodes of this kind, or NULL. Row r of that table
 * is node index r, so a pc_ref is also a row address. */
const pc_table *pc_table_for_kind(pc_kind kind);
const pc_table *pc_table_named(const char *name);

/* The rows of table t as CSV records (exporters/csv.c), each CRLF-ended,
 * without the header; with `first` not NULL, every record begins with
 * that field (the world tables' country column). */
void pc_csv_rows(const pc_graph *g, const pc_table *t, const char *first, pc_buf *b);

#endif
