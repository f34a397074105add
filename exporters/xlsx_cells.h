/* What the two workbooks write alike: the profile's (xlsx.c) and the
 * world's (world_xlsx.c) have one set of cell formats and one rule for a
 * decimal, so a number looks and reads the same in both. */
#ifndef PC_XLSX_CELLS_H
#define PC_XLSX_CELLS_H

#include <xlsxwriter.h>

typedef struct {
	lxw_format *title, *bold, *header; /* a sheet's title, a label, a table's header */
	lxw_format *top, *wrap;            /* a cell at the top of its row; the same, wrapped */
	lxw_format *link, *link_wrap;      /* a hyperlink */
	lxw_format *top_rtl, *wrap_rtl;    /* text that starts right-to-left */
	lxw_format *boolean;               /* TRUE or FALSE, in LibreOffice too */
} pc_xlsx_formats;

/* Adds the formats to the workbook (libxlsxwriter writes only those a
 * cell uses). */
void pc_xlsx_formats_make(lxw_workbook *wb, pc_xlsx_formats *f);

/* A decimal as the editor wrote it (canonical, compiler/decimal.h): a
 * number cell when a spreadsheet number holds it exactly (at most 15
 * significant digits), else its digits as a text cell, *as_text set (the
 * caller says so in its data-quality notes). Anything but a decimal is
 * written as text. */
lxw_error pc_xlsx_write_decimal(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *canon, lxw_format *f,
				int *as_text);

#endif
