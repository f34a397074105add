/* What an Excel workbook cannot hold, checked on the graph by the compiler
 * (so `validate` refuses what the workbook would refuse) and measured by
 * the workbook exporter with the same functions. */
#ifndef PC_XLSX_LIMITS_H
#define PC_XLSX_LIMITS_H

#include <stddef.h>

#include "../compiler/diag.h"
#include "../compiler/graph.h"
#include "tables.h"

/* Characters (UTF-16 units) in a cell. */
#define PC_EXCEL_CELL_MAX 32767

/* Length as Excel counts it: UTF-16 code units, so a character outside
 * the BMP counts twice; and a "_xHHHH_" as written, escape included,
 * since libxlsxwriter checks the escaped string against the limit. */
size_t pc_excel_len(const char *s);
/* Whether p starts a "_xHHHH_" that Excel would read as an escape. */
int pc_excel_is_xescape(const char *p);
/* Links (internal and out) in one sheet: past it, libxlsxwriter refuses them. */
#define PC_EXCEL_LINKS_MAX 65530
/* Whether the workbook writes this cell of this column as a link: a
 * reference to an entity's row, or a link or identifier with an IRI. */
int pc_excel_is_link(const pc_column *col, const pc_cell *cell);
/* Rows under a header, in one sheet. */
size_t pc_excel_rows_max(void);
/* The source line (and column) of row r of a table: its node's, or its
 * own line column's, or else the line of the first entity it names. */
void pc_table_row_origin(const pc_graph *g, const pc_table *t, size_t r, const pc_cell *cells, unsigned *line,
			 unsigned *col);
/* Every limit of the workbook on a checked graph: cells over
 * PC_EXCEL_CELL_MAX characters (every table's, the profile's and the data-quality
 * sheet's included), sheets over the row limit, links over
 * PC_EXCEL_URL_MAX characters, each reported at its source line as the
 * exporter would; and, as a note, sheets with more than PC_EXCEL_LINKS_MAX
 * links (the rest are written as plain text). */
void pc_check_xlsx_limits(const pc_graph *g, pc_diag *d);

#endif
