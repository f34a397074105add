/* The cell formats and the decimal rule both workbooks share. */
#include "xlsx_cells.h"

#include <stdlib.h>
#include <string.h>

#include "../compiler/alloc.h"
#include "../compiler/decimal.h"

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
pc_xlsx_write_decimal(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *canon, lxw_format *f,
		      int *as_text)
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
