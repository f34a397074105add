/* What the two workbooks write alike: the profile's (xlsx.c) and the
 * world's (world_xlsx.c) have one set of cell formats, one rule for a
 * decimal, one for a text and one for a link, so a cell looks and reads
 * the same in both. */
#ifndef PC_XLSX_CELLS_H
#define PC_XLSX_CELLS_H

#include <stddef.h>
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

/* A column's width, in characters, for its longest cell (len as
 * pc_excel_len counts it; a header's with 3 more for its filter button):
 * fitted to it within a cap, a wider one for prose (wide, tables.h); and
 * whether its content is longer than the cap, so the column wraps. */
double pc_xlsx_col_width(size_t len, int wide);
int pc_xlsx_col_wraps(size_t len, int wide);

/* A table sheet as it opens and prints: the header row frozen, and on
 * paper repeated on every page, the sheet landscape and one page wide
 * (a printout or PDF of a table is then its rows, not a page per column). */
lxw_error pc_xlsx_table_layout(lxw_worksheet *ws);

/* Text as Excel reads it back: always a string cell, never a formula,
 * whatever it begins with; a "_xHHHH_" in it, which Excel would read as
 * an escaped character (ECMA-376 ST_Xstring) and libxlsxwriter writes as
 * is, has its underscore escaped as "_x005F_". */
lxw_error pc_xlsx_write_text(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *text, lxw_format *f);

/* What became of a link a cell asked for. */
typedef enum {
	PC_XLSX_LINKED,     /* written: a hyperlink showing the text */
	PC_XLSX_NO_URL,     /* no IRI, or one longer than PC_EXCEL_URL_MAX: nothing written */
	PC_XLSX_PAST_LIMIT, /* the sheet has its PC_EXCEL_LINKS_MAX links already: nothing written */
} pc_xlsx_link;

/* Writes text (as pc_xlsx_write_text does) as a hyperlink to url when
 * Excel holds it: url not NULL and at most
 * PC_EXCEL_URL_MAX characters, and fewer than PC_EXCEL_LINKS_MAX links
 * before it in its sheet. *n_links is the sheet's count of links asked
 * for, past the limit too (the count exporters/xlsx_limits.c makes for
 * the compiler), so the first PC_EXCEL_LINKS_MAX in the order the sheet
 * is written are links and the rest plain text. When the result is not
 * PC_XLSX_LINKED nothing is written: the caller writes the text plain.
 * *e: libxlsxwriter's answer. */
pc_xlsx_link pc_xlsx_write_link(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *url, const char *text,
				lxw_format *f, size_t *n_links, lxw_error *e);

#endif
