/* The cell formats, the decimal rule, text and links both workbooks share. */
#include "xlsx_cells.h"

#include <stdlib.h>
#include <string.h>

#include "../compiler/alloc.h"
#include "../compiler/decimal.h"
#include "../compiler/identifiers.h"
#include "buf.h"
#include "xlsx_limits.h"

_Static_assert(PC_EXCEL_LINKS_MAX == LXW_MAX_NUMBER_URLS, "the compiler's count is libxlsxwriter's");

/* Column widths, in characters. */
#define WIDTH_MIN      6
#define WIDTH_CAP      50 /* ids, names, short values */
#define WIDTH_CAP_WIDE 80 /* prose the tables mark as wide */

int
pc_xlsx_col_wraps(size_t len, int wide)
{
	return len + 2 > (wide ? WIDTH_CAP_WIDE : WIDTH_CAP);
}

double
pc_xlsx_col_width(size_t len, int wide)
{
	size_t cap = wide ? WIDTH_CAP_WIDE : WIDTH_CAP, w = len + 2;
	return (double)(w < WIDTH_MIN ? WIDTH_MIN : w > cap ? cap : w);
}

void
pc_xlsx_formats_make(lxw_workbook *wb, pc_xlsx_formats *f)
{
	f->title = workbook_add_format(wb);
	f->bold = workbook_add_format(wb);
	f->header = workbook_add_format(wb);
	f->top = workbook_add_format(wb);
	f->wrap = workbook_add_format(wb);
	f->link = workbook_add_format(wb);
	f->link_wrap = workbook_add_format(wb);
	format_set_bold(f->title);
	format_set_font_size(f->title, 16);
	format_set_bold(f->bold);
	format_set_bold(f->header);
	format_set_align(f->header, LXW_ALIGN_VERTICAL_TOP);
	format_set_align(f->top, LXW_ALIGN_VERTICAL_TOP);
	format_set_text_wrap(f->wrap);
	format_set_align(f->wrap, LXW_ALIGN_VERTICAL_TOP);
	format_set_underline(f->link, LXW_UNDERLINE_SINGLE);
	format_set_font_color(f->link, LXW_COLOR_BLUE);
	format_set_align(f->link, LXW_ALIGN_VERTICAL_TOP);
	format_set_underline(f->link_wrap, LXW_UNDERLINE_SINGLE);
	format_set_font_color(f->link_wrap, LXW_COLOR_BLUE);
	format_set_align(f->link_wrap, LXW_ALIGN_VERTICAL_TOP);
	format_set_text_wrap(f->link_wrap);
	f->top_rtl = workbook_add_format(wb);
	f->wrap_rtl = workbook_add_format(wb);
	format_set_align(f->top_rtl, LXW_ALIGN_VERTICAL_TOP);
	format_set_reading_order(f->top_rtl, 2); /* right-to-left */
	format_set_text_wrap(f->wrap_rtl);
	format_set_align(f->wrap_rtl, LXW_ALIGN_VERTICAL_TOP);
	format_set_reading_order(f->wrap_rtl, 2);
	/* Excel shows a boolean cell as TRUE or FALSE whatever its format;
	 * LibreOffice shows 1 or 0 unless the format says so. */
	f->boolean = workbook_add_format(wb);
	format_set_align(f->boolean, LXW_ALIGN_VERTICAL_TOP);
	format_set_num_format(f->boolean, "\"TRUE\";\"TRUE\";\"FALSE\"");
}

lxw_error
pc_xlsx_write_decimal(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *canon, lxw_format *f, int *as_text)
{
	/* A value read back from a CSV is checked for the form: the rule
	 * holds for canonical decimals only. */
	char *c = pc_malloc(strlen(canon) + 2);
	int ok = pc_decimal_canon(canon, c) == PC_DECIMAL_OK && strcmp(c, canon) == 0;
	free(c);
	*as_text = !ok || !pc_decimal_fits_double(canon);
	if (*as_text)
		return worksheet_write_string(ws, row, col, canon, f);
	return worksheet_write_number(ws, row, col, pc_decimal_to_double(canon), f);
}

lxw_error
pc_xlsx_table_layout(lxw_worksheet *ws)
{
	worksheet_freeze_panes(ws, 1, 0);
	worksheet_set_landscape(ws);
	worksheet_fit_to_pages(ws, 1, 0);
	return worksheet_repeat_rows(ws, 0, 0);
}

/* Returns s itself when it holds no "_xHHHH_", else a copy with each
 * one's underscore escaped, in *copy (free it). */
static const char *
xstring(const char *s, char **copy)
{
	*copy = NULL;
	const char *p = strstr(s, "_x");
	while (p != NULL && !pc_excel_is_xescape(p))
		p = strstr(p + 1, "_x");
	if (p == NULL)
		return s;
	pc_buf b;
	pc_buf_init(&b);
	for (p = s; *p; p++) {
		if (pc_excel_is_xescape(p))
			pc_buf_puts(&b, "_x005F_");
		else
			pc_buf_putc(&b, *p);
	}
	*copy = b.data;
	return b.data;
}

lxw_error
pc_xlsx_write_text(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *text, lxw_format *f)
{
	char *copy;
	lxw_error e = worksheet_write_string(ws, row, col, xstring(text, &copy), f);
	free(copy);
	return e;
}

pc_xlsx_link
pc_xlsx_write_link(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *url, const char *text, lxw_format *f,
		   size_t *n_links, lxw_error *e)
{
	*e = LXW_NO_ERROR;
	if ((*n_links)++ >= PC_EXCEL_LINKS_MAX)
		return PC_XLSX_PAST_LIMIT;
	if (url == NULL || strlen(url) > PC_EXCEL_URL_MAX)
		return PC_XLSX_NO_URL; /* the compiler refuses an entity's own link that long (xlsx-url-limit) */
	char *copy;
	*e = worksheet_write_url_opt(ws, row, col, url, f, xstring(text, &copy), NULL);
	free(copy);
	return PC_XLSX_LINKED;
}
