/* The analyst's workbook, <cc>/<cc>.xlsx: the shared tables as typed Excel tables, with libxlsxwriter. */
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>
#include <xlsxwriter.h>

#include "../compiler/alloc.h"
#include "bidi.h"
#include "buf.h"
#include "export.h"
#include "swar.h"
#include "tables.h"
#include "xlsx_cells.h"
#include "xlsx_limits.h"
#include "xlsx_verify.h"
#include "../compiler/identifiers.h"

/* Excel's limits: characters (UTF-16 units) in a cell, rows under a
 * header, characters in a sheet name (hyperlinks in a sheet: xlsx_cells.c). */
#define CELL_MAX       PC_EXCEL_CELL_MAX
#define DATA_ROWS_MAX  (LXW_ROW_MAX - 1)
#define SHEET_NAME_MAX LXW_SHEETNAME_MAX
/* "internal:'" + a sheet name (31 characters, 4 bytes each) + "'!A" + a row */
#define LINK_TO_MAX (16 + 4 * SHEET_NAME_MAX + 24)

/* Row heights, in points: one line of the default 11-point font, Excel's
 * highest row, and the About sheet's title row (16 points). */
#define LINE_H      LXW_DEF_ROW_HEIGHT
#define ROW_H_MAX   409.0
#define TITLE_ROW_H 26.0

#define ABOUT       "About"
#define ABOUT_COL_A 24 /* the About sheet's three columns, in characters */
#define ABOUT_COL_B 12
#define ABOUT_COL_C 64
#define ABOUT_WIDTH (ABOUT_COL_A + ABOUT_COL_B + ABOUT_COL_C)
#define CHART_ROWS  22 /* rows of default height the chart covers, and one more */

/* The Data quality sheet is a table like the others: pc_quality_table (tables.c). */

typedef struct {
	const pc_graph *g;
	pc_diag *d;
	const char *path; /* the workbook being written */
	lxw_workbook *wb;
	pc_xlsx_formats f; /* xlsx_cells.h: the world's workbook has the same */
	int rc;            /* the first failure; PC_EXIT_OK while none */
} xw;

/* One sheet's shape, measured before anything is written. */
typedef struct {
	const pc_table *table;
	const char *name; /* sheet and table name */
	const pc_column *cols;
	size_t n_cols;
	size_t n_rows;
	size_t *len; /* the longest cell of each column, in characters */
	/* From len, once: asked for every cell of every row. */
	unsigned char *wraps; /* the column wraps its text */
	double *width;        /* the column's width, in characters */
} sheet_plan;

/* ---- Measuring ------------------------------------------------------- */

static size_t
number_len(double v)
{
	/* An integer of up to 15 digits is written as its digits by "%.15g":
	 * count them (snprintf for every year and line was a tenth of the
	 * workbook's own time). */
	if (v > -1e15 && v < 1e15 && v == (double)(long long)v) {
		unsigned long long k = (unsigned long long)(v < 0 ? -(long long)v : (long long)v);
		size_t n = signbit(v) ? 2 : 1;
		while (k >= 10)
			k /= 10, n++;
		return n;
	}
	char tmp[64];
	int n = snprintf(tmp, sizeof tmp, "%.15g", v);
	return n > 0 ? (size_t)n : 1;
}

/* A text Excel cannot hold is an error in the source, not a cut cell. */
static size_t
measure_text(xw *x, const char *s, const char *where, unsigned line, unsigned col)
{
	size_t n = pc_excel_len(s);
	if (n > CELL_MAX) {
		pc_diag_report(x->d, PC_SEV_ERROR, x->g->source_path, line, col, "xlsx-cell-limit",
			       "%s is %zu characters long; an Excel cell holds at most %d", where, n, CELL_MAX);
		x->rc = PC_EXIT_INVALID;
	}
	return n;
}

static size_t
cell_len(const pc_column *col, const pc_cell *c)
{
	if (!c->present)
		return 0;
	switch (col->type) {
	case PC_COL_STRING:
	case PC_COL_YEARMONTH: return c->str ? pc_excel_len(c->str) : 0;
	case PC_COL_NUMBER: return c->str ? strlen(c->str) : 0;
	case PC_COL_BOOLEAN: return 5; /* FALSE */
	default: return number_len(c->num);
	}
}

static void
check_sheet_name(xw *x, const char *name)
{
	size_t n = pc_excel_len(name);
	if (n > SHEET_NAME_MAX || strpbrk(name, "[]:*?/\\") != NULL || name[0] == '\'' || n == 0) {
		pc_diag_report(x->d, PC_SEV_ERROR, x->g->source_path, 0, 0, "xlsx-sheet-name",
			       "sheet name '%s' is not one Excel accepts (at most %d characters, none of []:*?/\\)",
			       name, SHEET_NAME_MAX);
		x->rc = PC_EXIT_INVALID;
	}
}

static void
check_row_count(xw *x, const pc_table *t, size_t n)
{
	if (n <= DATA_ROWS_MAX)
		return;
	pc_cell *cells = pc_calloc(t->n_columns, sizeof *cells);
	unsigned line, col;
	pc_table_row(t, x->g, DATA_ROWS_MAX, cells);
	pc_table_row_origin(x->g, t, DATA_ROWS_MAX, cells, &line, &col);
	free(cells);
	pc_diag_report(x->d, PC_SEV_ERROR, x->g->source_path, line, col, "xlsx-row-limit",
		       "sheet '%s' would have %zu rows; an Excel sheet holds at most %d under its header", t->name, n,
		       DATA_ROWS_MAX);
	x->rc = PC_EXIT_INVALID;
}

/* Walk every table once before writing: find what Excel cannot hold (all
 * of it, so one build reports every problem) and the column widths. */
static void
plan_table(xw *x, const pc_table *t, sheet_plan *p)
{
	p->table = t;
	p->name = t->name;
	p->cols = t->columns;
	p->n_cols = t->n_columns;
	p->n_rows = pc_table_n_rows(t, x->g);
	p->len = pc_calloc(t->n_columns, sizeof *p->len);
	for (size_t c = 0; c < t->n_columns; c++)
		p->len[c] = pc_excel_len(t->columns[c].name) + 3; /* room for the filter button */
	check_sheet_name(x, t->name);
	check_row_count(x, t, p->n_rows);
	if (p->n_rows > DATA_ROWS_MAX)
		p->n_rows = DATA_ROWS_MAX;
	pc_cell *cells = pc_calloc(t->n_columns, sizeof *cells);
	for (size_t r = 0; r < p->n_rows; r++) {
		pc_table_row(t, x->g, r, cells);
		for (size_t c = 0; c < t->n_columns; c++) {
			size_t n = cell_len(&t->columns[c], &cells[c]);
			if (n > CELL_MAX) {
				unsigned line, col;
				char *where;
				pc_table_row_origin(x->g, t, r, cells, &line, &col);
				if (t->kind < PC_KIND_COUNT)
					where = pc_asprintf("the %s of %s '%s'", t->columns[c].name,
							    pc_kind_name[t->kind], cells[0].str ? cells[0].str : "?");
				else
					where = pc_asprintf("column %s of row %zu of sheet '%s'", t->columns[c].name,
							    r + 1, t->name);
				measure_text(x, cells[c].str, where, line, col);
				free(where);
			}
			if (n > p->len[c])
				p->len[c] = n;
		}
	}
	free(cells);
	p->wraps = pc_calloc(t->n_columns, sizeof *p->wraps);
	p->width = pc_calloc(t->n_columns, sizeof *p->width);
	for (size_t c = 0; c < t->n_columns; c++) {
		p->wraps[c] = (unsigned char)pc_xlsx_col_wraps(p->len[c], t->columns[c].wide);
		p->width[c] = pc_xlsx_col_width(p->len[c], t->columns[c].wide);
	}
}

/* ---- Writing ----------------------------------------------------------- */

/* Record the first libxlsxwriter failure; the rest follow from it. */
static int
lxw_ok(xw *x, lxw_error e, const char *sheet, lxw_row_t row, lxw_col_t col)
{
	if (e == LXW_NO_ERROR)
		return 1;
	if (x->rc == PC_EXIT_OK) {
		char cell[LXW_MAX_CELL_NAME_LENGTH];
		lxw_rowcol_to_cell(cell, row, col);
		pc_diag_report(x->d, PC_SEV_ERROR, x->path, 0, 0, "xlsx", "cannot write cell %s!%s: %s", sheet, cell,
			       lxw_strerror(e));
		x->rc = PC_EXIT_OUTPUT;
	}
	return 0;
}

static lxw_worksheet *
add_sheet(xw *x, const char *name)
{
	lxw_worksheet *ws = workbook_add_worksheet(x->wb, name);
	if (ws == NULL && x->rc == PC_EXIT_OK) {
		pc_diag_report(x->d, PC_SEV_ERROR, x->path, 0, 0, "xlsx", "cannot add sheet '%s'", name);
		x->rc = PC_EXIT_OUTPUT;
	}
	return ws;
}

static int
is_wrapped(const sheet_plan *p, size_t c)
{
	return p->wraps[c];
}

static double
col_width(const sheet_plan *p, size_t c)
{
	return p->width[c];
}

/* "internal:'events'!A5": the row of node `ref` in its kind's sheet, in
 * buf (a sheet name is at most 31 characters), or NULL. Put together by
 * hand: snprintf cost a thousand instructions for each of the workbook's
 * links (80k on the 10 MB bench profile). */
static const char *
link_to(pc_ref ref, char *buf, size_t size)
{
	static const char head[] = "internal:'", mid[] = "'!A";
	const pc_table *t = pc_table_for_kind(ref.kind);
	if (t == NULL)
		return NULL;
	char digits[24];
	size_t nd = 0, name = strlen(t->name);
	unsigned long long row = (unsigned long long)ref.index + 2;
	do
		digits[nd++] = (char)('0' + row % 10);
	while ((row /= 10) != 0);
	if (sizeof head - 1 + name + sizeof mid - 1 + nd + 1 > size)
		return NULL;
	char *p = buf;
	memcpy(p, head, sizeof head - 1), p += sizeof head - 1;
	memcpy(p, t->name, name), p += name;
	memcpy(p, mid, sizeof mid - 1), p += sizeof mid - 1;
	while (nd > 0)
		*p++ = digits[--nd];
	*p = '\0';
	return buf;
}

static void
write_cell(xw *x, lxw_worksheet *ws, const sheet_plan *p, lxw_row_t row, lxw_col_t c, const pc_cell *cell,
	   size_t *n_links)
{
	if (!cell->present) {
		/* A missing value is an empty cell, or says why it is empty
		 * where the column says how (a kind the profile does not state). */
		if (p->cols[c].absent != NULL)
			lxw_ok(x, worksheet_write_string(ws, row, c, p->cols[c].absent, x->f.top), p->name, row, c);
		return;
	}
	/* Text that starts right-to-left reads right-to-left, whatever the
	 * sheet's direction (a name in Arabic in an English workbook). */
	int rtl = p->cols[c].type == PC_COL_STRING && pc_text_dir(cell->str) == PC_DIR_RTL;
	lxw_format *f = is_wrapped(p, c) ? (rtl ? x->f.wrap_rtl : x->f.wrap) : (rtl ? x->f.top_rtl : x->f.top);
	lxw_error e;
	switch (p->cols[c].type) {
	case PC_COL_YEARMONTH:
	case PC_COL_STRING:
		if (cell->str == NULL || cell->str[0] == '\0')
			return;
		/* Every link is counted; those past Excel's limit become plain ids. */
		if (pc_excel_is_link(&p->cols[c], cell)) {
			char local[LINK_TO_MAX], *owned = NULL;
			const char *url = cell->link.kind < PC_KIND_COUNT
						  ? link_to(cell->link, local, sizeof local)
						  : (owned = pc_ident_iri(p->cols[c].ident - 1, cell->str));
			lxw_format *lf = is_wrapped(p, c) ? x->f.link_wrap : x->f.link;
			pc_xlsx_link how = pc_xlsx_write_link(ws, row, c, url, cell->str, lf, n_links, &e);
			free(owned);
			if (how == PC_XLSX_LINKED) {
				lxw_ok(x, e, p->name, row, c);
				return;
			}
		}
		e = pc_xlsx_write_text(ws, row, c, cell->str, f);
		break;
	case PC_COL_BOOLEAN: e = worksheet_write_boolean(ws, row, c, cell->num != 0, x->f.boolean); break;
	case PC_COL_NUMBER:
		/* A decimal a spreadsheet number holds exactly is a number; a
		 * longer one is its digits as text (the checks noted it). */
		if (cell->str == NULL)
			return;
		int as_text;
		e = pc_xlsx_write_decimal(ws, row, c, cell->str, f, &as_text);
		break;
	default: e = worksheet_write_number(ws, row, c, cell->num, f); break;
	}
	lxw_ok(x, e, p->name, row, c);
}

/* How many lines a text takes in a wrapped column `width` characters wide:
 * words laid greedily as a spreadsheet wraps them, a word longer than the
 * line broken, a wide East Asian character counted twice. */
static size_t
wrapped_lines(const char *s, double width)
{
	size_t cap = width > 3 ? (size_t)width - 2 : 1; /* the cell's padding */
	size_t lines = 1, col = 0, word = 0;
	const uint8_t *u = (const uint8_t *)s;
	size_t len = strlen(s);
	/* No character is wider than its UTF-8 bytes (a wide one is at least
	 * U+1100, three bytes): a text of at most `cap` bytes on one line
	 * fits. Most cells are such, and this is called for every one. */
	if (len <= cap && memchr(s, '\n', len) == NULL)
		return 1;
	int32_t n = (int32_t)len, i = 0;
	while (i < n) {
		/* While the line has room, ASCII other than a newline takes a
		 * column a byte and breaks nothing: the rules below are for the
		 * character that reaches the edge (most of a long text is not). */
		if (col < cap) {
			int32_t end = n - i > (int32_t)(cap - col) ? i + (int32_t)(cap - col) : n, j = i;
			for (; j + 8 <= end; j += 8) {
				uint64_t x = pc_swar_load(u + j);
				if ((x & PC_SWAR_HIGHS) != 0 || pc_swar_eq(x, '\n') != 0)
					break;
				/* the word is what follows the last space */
				uint64_t sp = pc_swar_eq(x, ' ');
				word = sp ? pc_swar_after_last(sp) : word + 8;
			}
			while (j < end && u[j] < 0x80 && u[j] != '\n') {
				word = u[j] == ' ' ? 0 : word + 1;
				j++;
			}
			col += (size_t)(j - i);
			i = j;
			if (i == n)
				break;
		}
		UChar32 ch;
		U8_NEXT(u, i, n, ch);
		/* Nothing below U+1100 (Hangul jamo) is East Asian Wide or
		 * Fullwidth: ICU is asked only above. */
		int ea = ch < 0x1100 ? U_EA_NEUTRAL : u_getIntPropertyValue(ch, UCHAR_EAST_ASIAN_WIDTH);
		size_t w = ea == U_EA_WIDE || ea == U_EA_FULLWIDTH ? 2 : 1;
		if (ch == '\n') {
			lines++, col = 0, word = 0;
			continue;
		}
		col += w;
		word = ch == ' ' ? 0 : word + w;
		if (col > cap && ch != ' ') {
			lines++;
			if (word > cap)
				word = w; /* the word itself is cut */
			col = word;
		}
	}
	return lines;
}

/* A numeric-looking text ("213", an article's number): Excel flags it as
 * a number stored as text unless told it is meant. */
static int
looks_numeric(const char *s)
{
	if (s == NULL || *s == '\0')
		return 0;
	/* What strtod reads (C locale) starts with white space, a sign, a
	 * digit, a point, "inf" or "nan": most texts are turned away here. */
	if (strchr(" \t\n\v\f\r+-.0123456789iInN", *s) == NULL)
		return 0;
	char *end;
	strtod(s, &end);
	return *end == '\0';
}

/* The row's height: enough lines for its longest wrapped text (LibreOffice
 * does not fit rows to wrapped text when it opens a workbook; Excel keeps
 * a height it is given). */
static void
fit_row(xw *x, lxw_worksheet *ws, const sheet_plan *p, lxw_row_t row, const pc_cell *cells)
{
	size_t lines = 1;
	for (size_t c = 0; c < p->n_cols; c++) {
		if (!is_wrapped(p, c) || !cells[c].present || p->cols[c].type != PC_COL_STRING || cells[c].str == NULL)
			continue;
		size_t l = wrapped_lines(cells[c].str, col_width(p, c));
		if (l > lines)
			lines = l;
	}
	if (lines > 1) {
		double h = LINE_H * (double)lines;
		lxw_ok(x, worksheet_set_row(ws, row, h > ROW_H_MAX ? ROW_H_MAX : h, NULL), p->name, row, 0);
	}
}

/* Columns of text that looks numeric, as one "B2:B9 D2:D9" range list for
 * Excel's ignoredErrors: the text is meant. */
static void
ignore_numeric_text(xw *x, lxw_worksheet *ws, const sheet_plan *p, const unsigned char *numeric)
{
	pc_buf b;
	pc_buf_init(&b);
	for (size_t c = 0; c < p->n_cols; c++) {
		if (!numeric[c])
			continue;
		char from[LXW_MAX_CELL_NAME_LENGTH], to[LXW_MAX_CELL_NAME_LENGTH];
		lxw_rowcol_to_cell(from, 1, (lxw_col_t)c);
		lxw_rowcol_to_cell(to, (lxw_row_t)p->n_rows, (lxw_col_t)c);
		pc_buf_printf(&b, "%s%s:%s", b.len ? " " : "", from, to);
	}
	if (b.len > 0)
		lxw_ok(x, worksheet_ignore_errors(ws, LXW_IGNORE_NUMBER_STORED_AS_TEXT, b.data), p->name, 0, 0);
	pc_buf_free(&b);
}

/* A sheet holding one real Excel table: bold header with autofilter,
 * frozen header row, fitted widths. */
static void
write_table_sheet(xw *x, const sheet_plan *p)
{
	lxw_worksheet *ws = add_sheet(x, p->name);
	if (ws == NULL)
		return;
	pc_cell *cells = pc_calloc(p->n_cols, sizeof *cells);
	unsigned char *numeric = pc_calloc(p->n_cols, 1);
	size_t n_links = 0;
	for (size_t r = 0; r < p->n_rows && x->rc == PC_EXIT_OK; r++) {
		pc_table_row(p->table, x->g, r, cells);
		for (size_t c = 0; c < p->n_cols; c++) {
			write_cell(x, ws, p, (lxw_row_t)r + 1, (lxw_col_t)c, &cells[c], &n_links);
			if (p->cols[c].type == PC_COL_STRING && cells[c].present && looks_numeric(cells[c].str))
				numeric[c] = 1;
		}
		fit_row(x, ws, p, (lxw_row_t)r + 1, cells);
	}
	ignore_numeric_text(x, ws, p, numeric);
	free(numeric);
	free(cells);
	/* Past PC_EXCEL_LINKS_MAX the links are plain text: the compiler's checks said
	 * so (xlsx-link-limit, exporters/xlsx_limits.c), in validate too. */

	lxw_table_column *cols = pc_calloc(p->n_cols, sizeof *cols);
	lxw_table_column **colp = pc_calloc(p->n_cols + 1, sizeof *colp);
	for (size_t c = 0; c < p->n_cols; c++) {
		cols[c].header = (char *)p->cols[c].name;
		cols[c].header_format = x->f.header;
		colp[c] = &cols[c];
	}
	lxw_table_options to = {
		.name = (char *)p->name,
		.style_type = LXW_TABLE_STYLE_TYPE_LIGHT,
		.style_type_number = 2,
		.columns = colp,
	};
	/* Excel wants a data row under a table's header: an empty table gets
	 * one blank row. */
	lxw_row_t last = p->n_rows > 0 ? (lxw_row_t)p->n_rows : 1;
	lxw_ok(x, worksheet_add_table(ws, 0, 0, last, (lxw_col_t)(p->n_cols - 1), &to), p->name, 0, 0);
	free(colp);
	free(cols);
	lxw_ok(x, pc_xlsx_table_layout(ws), p->name, 0, 0);
	for (size_t c = 0; c < p->n_cols; c++)
		lxw_ok(x, worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, col_width(p, c), NULL), p->name, 0,
		       (lxw_col_t)c);
}

/* ---- The About sheet ----------------------------------------------------- */

static const char *
base_name(const char *path)
{
	const char *s = strrchr(path, '/');
	return s ? s + 1 : path;
}

static void
put_str(xw *x, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, const char *s, lxw_format *f)
{
	if (s != NULL && s[0] != '\0') {
		lxw_ok(x, pc_xlsx_write_text(ws, r, c, s, f), ABOUT, r, c);
	}
}

static void
put_num(xw *x, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, double v)
{
	lxw_ok(x, worksheet_write_number(ws, r, c, v, x->f.top), ABOUT, r, c);
}

/* A small table on the About sheet. */
static void
about_table(xw *x, lxw_worksheet *ws, const char *name, lxw_row_t first, lxw_row_t last, const char *const *headers,
	    size_t n)
{
	lxw_table_column cols[8] = {{0}};
	lxw_table_column *colp[9] = {0};
	for (size_t c = 0; c < n && c < 8; c++) {
		cols[c].header = (char *)headers[c];
		cols[c].header_format = x->f.header;
		colp[c] = &cols[c];
	}
	lxw_table_options to = {
		.name = (char *)name,
		.style_type = LXW_TABLE_STYLE_TYPE_LIGHT,
		.style_type_number = 2,
		.columns = colp,
	};
	lxw_ok(x, worksheet_add_table(ws, first, 0, last, (lxw_col_t)(n - 1), &to), ABOUT, first, 0);
}

/* Events per year by theme: the chart's data, as a table on About, and
 * the stacked column chart beside it. Returns the next free row. */
static lxw_row_t
about_chart(xw *x, lxw_worksheet *ws, lxw_row_t r)
{
	const pc_graph *g = x->g;
	put_str(x, ws, r++, 0, "Events per year, by theme", x->f.bold);
	if (g->n_events == 0 || g->n_themes == 0) {
		put_str(x, ws, r++, 0, "The profile has no events: no chart.", x->f.top);
		return r;
	}
	int lo = g->events[0].year, hi = lo;
	for (size_t i = 1; i < g->n_events; i++) {
		if (g->events[i].year < lo)
			lo = g->events[i].year;
		if (g->events[i].year > hi)
			hi = g->events[i].year;
	}
	/* Every year of the span has a row, so the gaps show; the checks keep
	 * years within 1800..2100, so the span stays small. */
	size_t span = (size_t)(hi - lo) + 1;
	size_t(*count)[PC_THEME_MAX] = pc_calloc(span, sizeof *count);
	size_t n_themes = g->n_themes < PC_THEME_MAX ? g->n_themes : PC_THEME_MAX;
	size_t per_theme[PC_THEME_MAX] = {0};
	for (size_t i = 0; i < g->n_events; i++)
		if (g->events[i].theme < n_themes) {
			count[g->events[i].year - lo][g->events[i].theme]++;
			per_theme[g->events[i].theme]++;
		}
	put_str(x, ws, r++, 0, "An event that spans years counts in the year it began.", x->f.top);

	/* The chart first, under its heading; its numbers in the table below it. */
	lxw_row_t chart_row = r;
	lxw_row_t head = r + CHART_ROWS;
	const char *headers[1 + PC_THEME_MAX];
	headers[0] = "year";
	for (size_t t = 0; t < n_themes; t++)
		headers[1 + t] = g->themes[t].label;
	for (size_t y = 0; y < span; y++) {
		put_num(x, ws, head + 1 + (lxw_row_t)y, 0, lo + (double)y);
		for (size_t t = 0; t < n_themes; t++)
			put_num(x, ws, head + 1 + (lxw_row_t)y, (lxw_col_t)(1 + t), (double)count[y][t]);
	}
	free(count);
	lxw_row_t last = head + (lxw_row_t)span;
	about_table(x, ws, "events_per_year", head, last, headers, 1 + n_themes);

	lxw_chart *chart = workbook_add_chart(x->wb, LXW_CHART_COLUMN_STACKED);
	if (chart == NULL) {
		lxw_ok(x, LXW_ERROR_MEMORY_MALLOC_FAILED, ABOUT, head, 0);
		return last + 2;
	}
	chart_title_set_name(chart, "Events per year, by theme");
	chart_axis_set_name(chart->x_axis, "Year");
	chart_axis_set_name(chart->y_axis, "Events");
	chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
	for (size_t t = 0; t < n_themes; t++) {
		lxw_chart_series *s = chart_add_series(chart, NULL, NULL);
		if (s == NULL) {
			lxw_ok(x, LXW_ERROR_MEMORY_MALLOC_FAILED, ABOUT, head, (lxw_col_t)(1 + t));
			return last + 2;
		}
		chart_series_set_categories(s, ABOUT, head + 1, 0, last, 0);
		chart_series_set_values(s, ABOUT, head + 1, (lxw_col_t)(1 + t), last, (lxw_col_t)(1 + t));
		chart_series_set_name_range(s, ABOUT, head, (lxw_col_t)(1 + t));
	}
	/* "by theme: 9 Education and ICT and 12 Child protection ...", one
	 * count per theme, the last joined by "and". */
	pc_buf themes;
	pc_buf_init(&themes);
	for (size_t t = 0; t < n_themes; t++)
		pc_buf_printf(&themes, "%s%zu %s",
			      t == 0              ? ""
			      : t + 1 == n_themes ? " and "
						  : ", ",
			      per_theme[t], g->themes[t].label);
	char *alt = pc_asprintf("Stacked column chart of the profile's %zu events per year from %d to %d, "
				"by theme: %s. The numbers are in the table events_per_year "
				"on this sheet, rows %u to %u.",
				g->n_events, lo, hi, themes.data ? themes.data : "", (unsigned)head + 1,
				(unsigned)last + 1);
	pc_buf_free(&themes);
	lxw_chart_options co = {.x_scale = 1.6, .y_scale = 1.4, .description = alt};
	lxw_ok(x, worksheet_insert_chart_opt(ws, chart_row, 0, chart, &co), ABOUT, chart_row, 0);
	free(alt);
	return last + 2;
}

static void
write_about(xw *x, lxw_worksheet *ws, const sheet_plan *plans, size_t n_plans)
{
	const pc_graph *g = x->g;
	lxw_row_t r = 0;
	/* Laid out for a screen: a title row tall enough for its font, and the
	 * introduction wrapped across the three columns the sheet uses. */
	lxw_ok(x, worksheet_set_row(ws, r, TITLE_ROW_H, NULL), ABOUT, r, 0);
	put_str(x, ws, r++, 0, g->title, x->f.title);
	static const char intro[] =
		"Every other sheet is an Excel table with the same columns and rows as the profile's CSV tables: "
		"filter and sort from its header. An id in blue links to the row of the entity it names; an empty "
		"cell is a value the profile does not give.";
	lxw_ok(x, worksheet_merge_range(ws, r, 0, r, 2, intro, x->f.wrap), ABOUT, r, 0);
	lxw_ok(x, worksheet_set_row(ws, r, LINE_H * (double)wrapped_lines(intro, ABOUT_WIDTH), NULL), ABOUT, r, 0);
	r += 2;
	const pc_country *cy = g->n_countries ? &g->countries[0] : NULL;
	char *country = cy ? pc_asprintf("%s (%s)", cy->name ? cy->name : "", cy->code ? cy->code : "") : NULL;
	const char *keys[] = {"Country", "Edition of the profile", "Build date", "Source file", "Source SHA-256"};
	const char *vals[] = {country, g->modified, g->build_date, base_name(g->source_path), g->source_sha256};
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++, r++) {
		put_str(x, ws, r, 0, keys[i], x->f.bold);
		put_str(x, ws, r, 1, vals[i], x->f.top);
	}
	free(country);
	r++;

	/* The guide: each sheet, its row count, what it holds. */
	put_str(x, ws, r++, 0, "Sheets", x->f.bold);
	static const char *const contents_head[] = {"sheet", "rows", "what it holds"};
	lxw_row_t head = r;
	for (size_t i = 0; i < n_plans; i++) {
		lxw_row_t row = head + 1 + (lxw_row_t)i;
		char *url = pc_asprintf("internal:'%s'!A1", plans[i].name);
		lxw_ok(x, worksheet_write_url_opt(ws, row, 0, url, x->f.link, plans[i].name, NULL), ABOUT, row, 0);
		free(url);
		put_num(x, ws, row, 1, (double)plans[i].n_rows);
		const pc_table *t = pc_table_named(plans[i].name);
		put_str(x, ws, row, 2,
			t ? t->description
			  : "Data-quality warnings: what the profile lacks or states twice, with the source line",
			x->f.top);
	}
	r = head + 1 + (lxw_row_t)n_plans;
	about_table(x, ws, "contents", head, r - 1, contents_head, 3);
	r++;

	/* The data-quality summary: notes per rule, in order of first appearance. */
	put_str(x, ws, r++, 0, "Data quality", x->f.bold);
	if (g->n_quality == 0) {
		put_str(x, ws, r++, 0, "No data-quality warnings.", x->f.top);
	} else {
		static const char *const quality_head[] = {"rule", "notes"};
		head = r++;
		for (size_t i = 0; i < g->n_quality; i++) {
			size_t j = 0, n = 0;
			while (j < i && strcmp(g->quality[j].rule, g->quality[i].rule) != 0)
				j++;
			if (j < i)
				continue; /* counted at its first appearance */
			for (size_t k = i; k < g->n_quality; k++)
				n += strcmp(g->quality[k].rule, g->quality[i].rule) == 0;
			put_str(x, ws, r, 0, g->quality[i].rule, x->f.top);
			put_num(x, ws, r, 1, (double)n);
			r++;
		}
		about_table(x, ws, "quality_summary", head, r - 1, quality_head, 2);
		put_str(x, ws, r++, 0, "Each warning, with its entity and source line, is on the data_quality sheet.",
			x->f.top);
	}
	r++;
	about_chart(x, ws, r);

	lxw_ok(x, worksheet_set_column(ws, 0, 0, ABOUT_COL_A, NULL), ABOUT, 0, 0);
	lxw_ok(x, worksheet_set_column(ws, 1, 1, ABOUT_COL_B, NULL), ABOUT, 0, 1);
	lxw_ok(x, worksheet_set_column(ws, 2, 2, ABOUT_COL_C, NULL), ABOUT, 0, 2);
}

/* ---- The file ------------------------------------------------------------ */

/* libxlsxwriter opens the path itself and follows a symlink found there:
 * claim the name first, so that only a file of ours is ever written. */
static int
claim_path(xw *x)
{
	int fd = open(x->path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
	if (fd < 0)
		return pc_out_fail(x->d, x->path, "create file");
	if (close(fd) != 0)
		return pc_out_fail(x->d, x->path, "create file");
	return PC_EXIT_OK;
}

/* libxlsxwriter prints its own messages on stderr when closing fails; the
 * diagnostic below says it once, through the one channel, so they are
 * silenced while it closes. Returns the saved stderr, or -1. */
static int
quiet_stderr(void)
{
	fflush(stderr);
	int saved = fcntl(STDERR_FILENO, F_DUPFD_CLOEXEC, 3);
	int null = open("/dev/null", O_WRONLY | O_CLOEXEC);
	if (saved < 0 || null < 0 || dup2(null, STDERR_FILENO) < 0) {
		if (saved >= 0)
			close(saved);
		if (null >= 0)
			close(null);
		return -1;
	}
	close(null);
	return saved;
}

static void
restore_stderr(int saved)
{
	if (saved < 0)
		return;
	fflush(stderr);
	dup2(saved, STDERR_FILENO);
	close(saved);
}

static void
set_properties(xw *x)
{
	const pc_graph *g = x->g;
	char *comments =
		pc_asprintf("Compiled by profilec from %s (SHA-256 %s)", base_name(g->source_path), g->source_sha256);
	lxw_doc_properties props = {
		.title = (char *)g->title,
		.subject = "Child online safety country profile",
		.keywords = "child online safety, country profile",
		.comments = comments,
		/* libxlsxwriter takes 0 for "now": the epoch itself becomes its
		 * first second, so the file never depends on the clock. */
		.created = g->build_epoch != 0 ? (time_t)g->build_epoch : 1,
	};
	lxw_ok(x, workbook_set_properties(x->wb, &props), ABOUT, 0, 0);
	free(comments);
}

int
pc_export_xlsx(const pc_graph *g, const pc_export_opts *o, pc_diag *d)
{
	xw x = {.g = g, .d = d, .rc = PC_EXIT_OK};
	size_t n_plans = pc_n_tables + 1;
	sheet_plan *plans = pc_calloc(n_plans, sizeof *plans);
	for (size_t i = 0; i < pc_n_tables; i++)
		plan_table(&x, &pc_tables[i], &plans[i]);
	plan_table(&x, &pc_quality_table, &plans[pc_n_tables]);
	if (g->title != NULL)
		measure_text(&x, g->title, "the profile's title", 0, 0);

	char *name = pc_asprintf("%s.xlsx", pc_graph_cc(g));
	char *path = x.rc == PC_EXIT_OK ? pc_out_path(o->dir, name, d) : NULL;
	free(name);
	if (x.rc == PC_EXIT_OK && path == NULL)
		x.rc = PC_EXIT_OUTPUT;
	x.path = path;
	if (x.rc == PC_EXIT_OK)
		x.rc = claim_path(&x);
	if (x.rc == PC_EXIT_OK) {
		/* libxlsxwriter writes each part to a temporary file, unlinked as
		 * soon as it is made, then zips them. In $TMPDIR (default /tmp),
		 * not the staging directory: there ext4 took a quarter more time
		 * to make the 77 files of a workbook (40 profiles: 0.96 -> 0.72 s). */
		const char *tmp = getenv("TMPDIR");
		lxw_workbook_options wo = {
			.constant_memory = 0, .tmpdir = (char *)(tmp && *tmp ? tmp : "/tmp"), .use_zip64 = 0};
		x.wb = workbook_new_opt(path, &wo);
		if (x.wb == NULL) {
			pc_diag_report(d, PC_SEV_ERROR, path, 0, 0, "output", "cannot start the workbook");
			x.rc = PC_EXIT_OUTPUT;
		}
	}
	if (x.wb != NULL) {
		pc_xlsx_formats_make(x.wb, &x.f);
		set_properties(&x);
		lxw_worksheet *about = add_sheet(&x, ABOUT);
		for (size_t i = 0; i < pc_n_tables && x.rc == PC_EXIT_OK; i++)
			write_table_sheet(&x, &plans[i]);
		if (x.rc == PC_EXIT_OK)
			write_table_sheet(&x, &plans[pc_n_tables]);
		if (about != NULL && x.rc == PC_EXIT_OK)
			write_about(&x, about, plans, n_plans);
		/* Closing writes the file and frees the workbook, failed or not. */
		int saved = quiet_stderr();
		errno = 0;
		lxw_error e = workbook_close(x.wb);
		int err = errno;
		restore_stderr(saved);
		if (e != LXW_NO_ERROR && x.rc == PC_EXIT_OK) {
			char *why = pc_strdup(lxw_strerror(e));
			size_t n = strlen(why);
			if (n > 0 && why[n - 1] == '.')
				why[n - 1] = '\0';
			pc_diag_report(d, PC_SEV_ERROR, path, 0, 0, "output", "cannot write the workbook: %s%s%s", why,
				       err ? ": " : "", err ? strerror(err) : "");
			free(why);
			x.rc = PC_EXIT_OUTPUT;
		}
		if (x.rc == PC_EXIT_OK)
			x.rc = pc_xlsx_verify(path, d);
	}
	for (size_t i = 0; i < n_plans; i++) {
		free(plans[i].len);
		free(plans[i].wraps);
		free(plans[i].width);
	}
	free(plans);
	free(path);
	return x.rc;
}
