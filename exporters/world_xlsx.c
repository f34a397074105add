/* The world workbook, world/world.xlsx: a first sheet comparing the
 * countries (counts per kind, events per year as a chart, the legal
 * thresholds side by side), then every world table as a typed Excel table,
 * read back from the world CSV files so that the parent holds no graph,
 * and written row by row so that it never holds the world's cells either. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <xlsxwriter.h>

#include "../compiler/alloc.h"
#include "../compiler/identifiers.h"
#include "world.h"
#include "xlsx_cells.h"
#include "xlsx_verify.h"
#include "xlsx_limits.h"

#define COMPARE    "Comparison"
#define MAX_SERIES 255 /* Excel's series per chart */
#define CHART_ROWS 24
/* The note on a number kept as text (the profile's data-quality note says the same). */
#define PRECISION_NOTE                                                                                                 \
	"Kept as text: more than 15 significant digits, which a spreadsheet number cannot hold exactly "               \
	"(number-precision)"

typedef struct {
	const pc_world *w;
	pc_diag *d;
	char *path;
	lxw_workbook *wb;
	pc_xlsx_formats f; /* xlsx_cells.h: the profile's workbook has the same */
	int rc;
	/* The comparison sheet's columns: the longest header or name each
	 * holds, in any of its tables, so that none is cut. */
	size_t *compare_len, n_compare;
} wx;

static int
ok(wx *x, lxw_error e, const char *sheet)
{
	if (e == LXW_NO_ERROR)
		return 1;
	if (x->rc == PC_EXIT_OK) {
		pc_diag_report(x->d, PC_SEV_ERROR, x->path, 0, 0, "xlsx", "cannot write sheet %s: %s", sheet,
			       lxw_strerror(e));
		x->rc = PC_EXIT_OUTPUT;
	}
	return 0;
}

/* A table sheet is written in libxlsxwriter's constant_memory mode: each
 * row goes to the sheet's temporary file when the next one starts, so the
 * world step never holds the world's cells (a workbook does otherwise,
 * until it closes: more than the sources' size). The library refuses to
 * add a table in that mode only because adding one writes the header
 * cells, which may lie in a row already flushed: the sheet writes its
 * header row itself, first, and the table is added at the end with the
 * mode lowered for that call; the header cells it writes then go to the
 * in-memory rows that a constant_memory sheet never writes out (the same
 * text as ours). Anything else written into an earlier row (a comment)
 * goes through here too. */
static lxw_error
late(lxw_worksheet *ws, lxw_error (*write)(lxw_worksheet *, void *), void *arg)
{
	uint8_t optimize = ws->optimize;
	ws->optimize = 0;
	lxw_error e = write(ws, arg);
	ws->optimize = optimize;
	return e;
}

typedef struct {
	lxw_row_t first, last;
	lxw_col_t last_col;
	lxw_table_options *to;
} table_args;

static lxw_error
add_table(lxw_worksheet *ws, void *arg)
{
	table_args *a = arg;
	return worksheet_add_table(ws, a->first, 0, a->last, a->last_col, a->to);
}

static void
table(wx *x, lxw_worksheet *ws, const char *sheet, const char *name, lxw_row_t first, lxw_row_t last,
      const char *const *headers, size_t n)
{
	lxw_table_column *cols = pc_calloc(n, sizeof *cols);
	lxw_table_column **colp = pc_calloc(n + 1, sizeof *colp);
	for (size_t c = 0; c < n; c++) {
		cols[c].header = (char *)headers[c];
		cols[c].header_format = x->f.header;
		colp[c] = &cols[c];
		size_t len = pc_excel_len(headers[c]) + 3; /* room for the filter button */
		if (c < x->n_compare && strcmp(sheet, COMPARE) == 0 && len > x->compare_len[c])
			x->compare_len[c] = len;
	}
	lxw_table_options to = {.name = (char *)name,
				.style_type = LXW_TABLE_STYLE_TYPE_LIGHT,
				.style_type_number = 2,
				.columns = colp};
	/* Excel wants a data row under a header: an empty table gets a blank one. */
	table_args a = {first, last > first ? last : first + 1, (lxw_col_t)(n - 1), &to};
	ok(x, late(ws, add_table, &a), sheet);
	free(colp);
	free(cols);
}

/* ---- The comparison sheet ------------------------------------------- */

static size_t
shared_members(const pc_world *w, pc_world_kind k, const char *cc)
{
	size_t n = 0;
	for (size_t i = 0; i < w->n_members[k]; i++) {
		const pc_world_member *m = &w->members[k][i];
		n += m->cc == cc && w->entities[k][m->entity].n_countries > 1;
	}
	return n;
}

static lxw_row_t
counts_table(wx *x, lxw_worksheet *ws, lxw_row_t r)
{
	const pc_world *w = x->w;
	static const pc_kind kinds[] = {PC_EVENT,   PC_ACTOR,   PC_PERSON,    PC_PUBLICATION, PC_INSTRUMENT,
					PC_ARTICLE, PC_PENALTY, PC_INDICATOR, PC_THRESHOLD};
	const size_t nk = sizeof kinds / sizeof kinds[0];
	const char *headers[3 + sizeof kinds / sizeof kinds[0] + 3];
	size_t nh = 0;
	headers[nh++] = "country";
	headers[nh++] = "code";
	headers[nh++] = "name";
	for (size_t k = 0; k < nk; k++)
		headers[nh++] = pc_table_for_kind(kinds[k])->name; /* the sheet's: "people" */
	headers[nh++] = "shared organizations";
	headers[nh++] = "shared people";
	headers[nh++] = "shared publications";
	ok(x, worksheet_write_string(ws, r++, 0, "Entities per country", x->f.bold), COMPARE);
	lxw_row_t head = r;
	for (size_t i = 0; i < w->n_countries; i++) {
		const pc_world_country *c = &w->countries[i];
		lxw_row_t row = head + 1 + (lxw_row_t)i;
		ok(x, worksheet_write_string(ws, row, 0, c->cc, NULL), COMPARE);
		ok(x, pc_xlsx_write_text(ws, row, 1, c->code ? c->code : "", NULL), COMPARE);
		ok(x, pc_xlsx_write_text(ws, row, 2, c->name ? c->name : "", NULL), COMPARE);
		size_t len = c->name ? pc_excel_len(c->name) : 0;
		x->compare_len[2] = len > x->compare_len[2] ? len : x->compare_len[2];
		for (size_t k = 0; k < nk; k++)
			ok(x, worksheet_write_number(ws, row, (lxw_col_t)(3 + k), (double)c->counts[kinds[k]], NULL),
			   COMPARE);
		for (int k = 0; k < PC_WORLD_KINDS; k++)
			ok(x,
			   worksheet_write_number(ws, row, (lxw_col_t)(3 + nk + (size_t)k),
						  (double)shared_members(w, (pc_world_kind)k, c->cc), NULL),
			   COMPARE);
	}
	lxw_row_t last = head + (lxw_row_t)w->n_countries;
	table(x, ws, COMPARE, "counts_by_country", head, last, headers, nh);
	return last + 2;
}

static lxw_row_t
thresholds_table(wx *x, lxw_worksheet *ws, lxw_row_t r)
{
	const pc_world *w = x->w;
	const char *headers[1 + PC_THR_COUNT];
	headers[0] = "country";
	for (int t = 0; t < PC_THR_COUNT; t++)
		headers[1 + t] = pc_threshold_kind_name[t];
	ok(x, worksheet_write_string(ws, r++, 0, "Legal thresholds (age in years; empty: not stated)", x->f.bold),
	   COMPARE);
	lxw_row_t head = r;
	for (size_t i = 0; i < w->n_countries; i++) {
		lxw_row_t row = head + 1 + (lxw_row_t)i;
		ok(x, worksheet_write_string(ws, row, 0, w->countries[i].cc, NULL), COMPARE);
		for (int t = 0; t < PC_THR_COUNT; t++)
			if (w->countries[i].thresholds[t] > 0)
				ok(x,
				   worksheet_write_number(ws, row, (lxw_col_t)(1 + t),
							  (double)w->countries[i].thresholds[t], NULL),
				   COMPARE);
	}
	lxw_row_t last = head + (lxw_row_t)w->n_countries;
	table(x, ws, COMPARE, "thresholds_by_country", head, last, headers, 1 + PC_THR_COUNT);
	return last + 2;
}

/* Events per year, a column per country, and a line per country in the
 * chart above it (Excel draws at most 255 series: beyond, the first 255). */
static void
events_chart(wx *x, lxw_worksheet *ws, lxw_row_t r)
{
	const pc_world *w = x->w;
	int lo = 0, hi = -1;
	for (size_t i = 0; i < w->n_countries; i++)
		for (size_t y = 0; y < w->countries[i].n_years; y++) {
			int year = w->countries[i].years[2 * y];
			if (hi < lo)
				lo = hi = year;
			lo = year < lo ? year : lo;
			hi = year > hi ? year : hi;
		}
	ok(x, worksheet_write_string(ws, r++, 0, "Events per year, per country", x->f.bold), COMPARE);
	if (hi < lo) {
		ok(x, worksheet_write_string(ws, r, 0, "No profile has events: no chart.", x->f.top), COMPARE);
		return;
	}
	lxw_row_t chart_row = r, head = r + CHART_ROWS;
	size_t span = (size_t)(hi - lo) + 1, nc = w->n_countries;
	const char **headers = pc_calloc(nc + 1, sizeof *headers);
	headers[0] = "year";
	for (size_t i = 0; i < nc; i++)
		headers[1 + i] = w->countries[i].cc;
	for (size_t y = 0; y < span; y++) {
		ok(x, worksheet_write_number(ws, head + 1 + (lxw_row_t)y, 0, lo + (double)y, NULL), COMPARE);
		for (size_t i = 0; i < nc; i++)
			ok(x, worksheet_write_number(ws, head + 1 + (lxw_row_t)y, (lxw_col_t)(1 + i), 0, NULL),
			   COMPARE);
	}
	for (size_t i = 0; i < nc; i++)
		for (size_t y = 0; y < w->countries[i].n_years; y++)
			ok(x,
			   worksheet_write_number(ws, head + 1 + (lxw_row_t)(w->countries[i].years[2 * y] - lo),
						  (lxw_col_t)(1 + i), w->countries[i].years[2 * y + 1], NULL),
			   COMPARE);
	lxw_row_t last = head + (lxw_row_t)span;
	table(x, ws, COMPARE, "events_per_year", head, last, headers, nc + 1);
	free(headers);

	lxw_chart *chart = workbook_add_chart(x->wb, LXW_CHART_LINE);
	if (chart == NULL) {
		ok(x, LXW_ERROR_MEMORY_MALLOC_FAILED, COMPARE);
		return;
	}
	chart_title_set_name(chart, "Events per year, per country");
	chart_axis_set_name(chart->x_axis, "Year");
	chart_axis_set_name(chart->y_axis, "Events");
	chart_legend_set_position(chart, LXW_CHART_LEGEND_RIGHT);
	for (size_t i = 0; i < nc && i < MAX_SERIES; i++) {
		lxw_chart_series *s = chart_add_series(chart, NULL, NULL);
		if (s == NULL) {
			ok(x, LXW_ERROR_MEMORY_MALLOC_FAILED, COMPARE);
			return;
		}
		chart_series_set_categories(s, COMPARE, head + 1, 0, last, 0);
		chart_series_set_values(s, COMPARE, head + 1, (lxw_col_t)(1 + i), last, (lxw_col_t)(1 + i));
		chart_series_set_name_range(s, COMPARE, head, (lxw_col_t)(1 + i));
	}
	char *alt = pc_asprintf("Line chart of the events per year from %d to %d of %zu countries%s. The numbers are "
				"in the table events_per_year on this sheet, rows %u to %u.",
				lo, hi, nc, nc > MAX_SERIES ? " (the first 255 drawn)" : "", (unsigned)head + 1,
				(unsigned)last + 1);
	lxw_chart_options co = {.x_scale = 2.0, .y_scale = 1.5, .description = alt};
	ok(x, worksheet_insert_chart_opt(ws, chart_row, 0, chart, &co), COMPARE);
	free(alt);
}

static void
write_compare(wx *x, lxw_worksheet *ws)
{
	lxw_row_t r = 0;
	x->n_compare = 3 + PC_KIND_COUNT + PC_WORLD_KINDS + PC_THR_COUNT + x->w->n_countries; /* more than any table */
	x->compare_len = pc_calloc(x->n_compare, sizeof *x->compare_len);
	ok(x, worksheet_write_string(ws, r++, 0, "Child online safety country profiles: the world dataset", x->f.title),
	   COMPARE);
	ok(x,
	   worksheet_write_string(ws, r++, 0,
				  "Every other sheet is an Excel table of the world dataset: each profile table with "
				  "its rows of every country (the country first), then the organizations, people and "
				  "publications shared across countries once, and where each comes from.",
				  x->f.top),
	   COMPARE);
	r++;
	r = counts_table(x, ws, r);
	r = thresholds_table(x, ws, r);
	events_chart(x, ws, r);
	for (size_t c = 0; c < x->n_compare; c++)
		if (x->compare_len[c] > 0)
			ok(x,
			   worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, pc_xlsx_col_width(x->compare_len[c], 0),
						NULL),
			   COMPARE);
	free(x->compare_len);
	/* On paper, the chart (twice the default width) on one page. */
	worksheet_set_landscape(ws);
}

/* ---- The tables, from the CSV files ------------------------------------ */

/* The next RFC 4180 record of [*p, end) into fields (NUL-terminated in
 * place: the buffer is ours); returns the count, 0 at the end. */
static size_t
next_record(char **p, char *end, char **fields, size_t max)
{
	size_t n = 0;
	char *s = *p;
	if (s >= end)
		return 0;
	for (;;) {
		char *out = s, *start = s;
		if (s < end && *s == '"') {
			for (s++; s < end; s++) {
				if (*s == '"' && s + 1 < end && s[1] == '"')
					*out++ = *s++;
				else if (*s == '"') {
					s++;
					break;
				} else
					*out++ = *s;
			}
		} else {
			while (s < end && *s != ',' && *s != '\r' && *s != '\n')
				*out++ = *s++;
		}
		char sep = s < end ? *s : '\0';
		if (n < max)
			fields[n] = start;
		n++;
		if (sep != '\0')
			s++; /* past the separator, before the NUL may overwrite it */
		*out = '\0'; /* at most end: the buffer has a byte past it */
		if (sep == ',')
			continue;
		if (sep == '\r' && s < end && *s == '\n')
			s++;
		break;
	}
	*p = s;
	return n;
}

/* The IRI a text cell of column c links to, as in the profile's
 * workbook: an identifier or link column's value's (a website, a DOI);
 * a world entity's identifiers, the first one's (the smallest, which its
 * world id is made from). 0 when the cell is no link; *url may be NULL
 * for a link without an IRI (an ISBN). */
static int
is_link(const pc_world_table *t, size_t c, const char *v, char **url)
{
	const pc_column *col = &t->columns[c];
	pc_cell cell = {.present = 1, .str = v, .link = {PC_KIND_COUNT, 0}};
	*url = NULL;
	if (pc_excel_is_link(col, &cell)) {
		*url = pc_ident_iri((pc_ident_kind)(col->ident - 1), v);
		return 1;
	}
	if (t->profile == NULL && strcmp(col->name, "identifiers") == 0) {
		*url = pc_ident_iri_scheme(v, strcspn(v, " "));
		return 1;
	}
	return 0;
}

/* A text cell: a link while the sheet has links left (the profile's
 * workbook's rule, xlsx_cells.c), else plain text; the first cell past
 * the limit is remembered in *past for the note on it. */
static lxw_error
write_text(wx *x, lxw_worksheet *ws, const pc_world_table *t, lxw_row_t row, size_t c, const char *v, size_t *n_links,
	   lxw_row_t past[2])
{
	char *url;
	if (is_link(t, c, v, &url)) {
		lxw_error e;
		pc_xlsx_link how = pc_xlsx_write_link(ws, row, (lxw_col_t)c, url, v, x->f.link, n_links, &e);
		free(url);
		if (how == PC_XLSX_LINKED)
			return e;
		if (how == PC_XLSX_PAST_LIMIT && past[0] == 0) {
			past[0] = row;
			past[1] = (lxw_row_t)c;
		}
	}
	return pc_xlsx_write_text(ws, row, (lxw_col_t)c, v, x->f.top);
}

typedef struct {
	lxw_row_t row;
	lxw_col_t col;
	const char *text;
} comment_args;

static lxw_error
add_comment(lxw_worksheet *ws, void *arg)
{
	comment_args *a = arg;
	return worksheet_write_comment(ws, a->row, a->col, a->text);
}

/* Past Excel's links per sheet (many profiles' links in one sheet, each
 * profile under it), the first PC_EXCEL_LINKS_MAX in the sheet's order,
 * row by row, stay links and the rest are plain text: said on the first
 * plain cell, and as a note of the build. */
static void
note_past_limit(wx *x, lxw_worksheet *ws, const pc_world_table *t, size_t n_links, const lxw_row_t past[2])
{
	if (n_links <= PC_EXCEL_LINKS_MAX)
		return;
	size_t n_plain = n_links - PC_EXCEL_LINKS_MAX;
	char *text = pc_asprintf("Excel holds at most %d links in a sheet, and this sheet has %zu cells to link: this "
				 "cell and the %zu after it, row by row, are plain text.",
				 PC_EXCEL_LINKS_MAX, n_links, n_plain - 1);
	comment_args a = {past[0], (lxw_col_t)past[1], text}; /* a row already written */
	ok(x, late(ws, add_comment, &a), t->name);
	free(text);
	pc_diag_report(x->d, PC_SEV_NOTE, "world/world.xlsx", 0, 0, "xlsx-link-limit",
		       "workbook sheet '%s': %zu of its %zu links are past Excel's %d per sheet and are written as "
		       "plain text, from row %u",
		       t->name, n_plain, n_links, PC_EXCEL_LINKS_MAX, (unsigned)past[0] + 1);
}

static void
write_table(wx *x, const pc_world_table *t, const char *root, const char *csv_rel)
{
	char *path = pc_asprintf("%s/%s/%s.csv", root, csv_rel, t->name);
	size_t len = 0;
	FILE *f = fopen(path, "rb");
	char *data = NULL;
	if (f != NULL) {
		fseek(f, 0, SEEK_END);
		long sz = ftell(f);
		fseek(f, 0, SEEK_SET);
		data = pc_malloc(sz > 0 ? (size_t)sz + 1 : 1);
		len = sz > 0 ? fread(data, 1, (size_t)sz, f) : 0;
		data[len] = '\0';
		if (ferror(f) || (sz > 0 && len != (size_t)sz)) {
			free(data);
			data = NULL;
		}
		fclose(f);
	}
	if (data == NULL) {
		x->rc = pc_out_fail(x->d, path, "read the world table");
		free(path);
		return;
	}
	x->wb->options.constant_memory = 1;
	lxw_worksheet *ws = workbook_add_worksheet(x->wb, t->name);
	x->wb->options.constant_memory = 0;
	if (ws == NULL) {
		ok(x, LXW_ERROR_MEMORY_MALLOC_FAILED, t->name);
		free(data);
		free(path);
		return;
	}
	char *p = data, *end = data + len;
	char **fields = pc_calloc(t->n_columns, sizeof *fields);
	next_record(&p, end, fields, t->n_columns); /* the header */
	for (size_t c = 0; c < t->n_columns; c++)
		ok(x, worksheet_write_string(ws, 0, (lxw_col_t)c, t->columns[c].name, x->f.header), t->name);
	lxw_row_t row = 0, past[2] = {0, 0};
	size_t n, n_links = 0;
	/* Each column as wide as its longest cell within the profile
	 * workbook's caps, so that an id is not cut (no column is wrapped:
	 * LibreOffice would not fit its rows to it). */
	size_t *wid = pc_calloc(t->n_columns, sizeof *wid);
	for (size_t c = 0; c < t->n_columns; c++)
		wid[c] = pc_excel_len(t->columns[c].name) + 3; /* room for the filter button */
	while (x->rc == PC_EXIT_OK && (n = next_record(&p, end, fields, t->n_columns)) > 0) {
		row++;
		for (size_t c = 0; c < n && c < t->n_columns; c++) {
			const char *v = fields[c];
			if (*v == '\0')
				continue;                                                      /* the missing value */
			size_t l = t->columns[c].type == PC_COL_BOOLEAN ? 5 : pc_excel_len(v); /* FALSE */
			wid[c] = l > wid[c] ? l : wid[c];
			lxw_error e;
			switch (t->columns[c].type) {
			case PC_COL_INTEGER:
			case PC_COL_YEAR:
			case PC_COL_NUMBER: {
				/* The profile's workbook's rule; its data-quality note,
				 * which the world has no sheet for, is the cell's comment. */
				int as_text;
				e = pc_xlsx_write_decimal(ws, row, (lxw_col_t)c, v, x->f.top, &as_text);
				if (as_text && e == LXW_NO_ERROR)
					e = worksheet_write_comment(ws, row, (lxw_col_t)c, PRECISION_NOTE);
				break;
			}
			case PC_COL_BOOLEAN:
				e = worksheet_write_boolean(ws, row, (lxw_col_t)c, strcmp(v, "true") == 0,
							    x->f.boolean);
				break;
			default: e = write_text(x, ws, t, row, c, v, &n_links, past); break;
			}
			ok(x, e, t->name);
		}
	}
	free(fields);
	free(data);
	free(path);
	note_past_limit(x, ws, t, n_links, past);
	for (size_t c = 0; c < t->n_columns; c++)
		ok(x,
		   worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, pc_xlsx_col_width(wid[c], t->columns[c].wide),
					NULL),
		   t->name);
	free(wid);
	const char **headers = pc_calloc(t->n_columns, sizeof *headers);
	for (size_t c = 0; c < t->n_columns; c++)
		headers[c] = t->columns[c].name;
	table(x, ws, t->name, t->name, 0, row, headers, t->n_columns);
	free(headers);
	ok(x, pc_xlsx_table_layout(ws), t->name);
}

/* The build date as seconds since 1970, for the document's creation time. */
static time_t
build_epoch(const char *date)
{
	struct tm tm = {0};
	if (sscanf(date, "%d-%d-%d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday) != 3)
		return 1;
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	time_t t = timegm(&tm);
	return t > 0 ? t : 1;
}

int
pc_world_write_xlsx(const pc_world *w, const char *root, const char *csv_rel, pc_diag *d)
{
	wx x = {.w = w, .d = d, .rc = PC_EXIT_OK};
	x.path = pc_out_path(root, "world/world.xlsx", d);
	if (x.path == NULL)
		return PC_EXIT_OUTPUT;
	const char *tmp = getenv("TMPDIR");
	lxw_workbook_options wo = {.constant_memory = 0, .tmpdir = (char *)(tmp && *tmp ? tmp : "/tmp")};
	x.wb = workbook_new_opt(x.path, &wo);
	if (x.wb == NULL) {
		pc_diag_report(d, PC_SEV_ERROR, x.path, 0, 0, "output", "cannot start the workbook");
		free(x.path);
		return PC_EXIT_OUTPUT;
	}
	pc_xlsx_formats_make(x.wb, &x.f);
	lxw_doc_properties props = {.title = "Child online safety country profiles: the world dataset",
				    .subject = "Child online safety country profiles",
				    .created = build_epoch(w->build_date)};
	ok(&x, workbook_set_properties(x.wb, &props), COMPARE);
	lxw_worksheet *compare = workbook_add_worksheet(x.wb, COMPARE);
	if (compare == NULL)
		ok(&x, LXW_ERROR_MEMORY_MALLOC_FAILED, COMPARE);
	else
		write_compare(&x, compare);
	size_t n;
	pc_world_table *t = pc_world_tables(&n);
	for (size_t i = 0; i < n && x.rc == PC_EXIT_OK; i++)
		write_table(&x, &t[i], root, csv_rel);
	pc_world_tables_free(t, n);
	lxw_error e = workbook_close(x.wb);
	if (e != LXW_NO_ERROR && x.rc == PC_EXIT_OK) {
		pc_diag_report(d, PC_SEV_ERROR, x.path, 0, 0, "output", "cannot write the workbook: %s",
			       lxw_strerror(e));
		x.rc = PC_EXIT_OUTPUT;
	}
	/* libxlsxwriter does not check its writes of the parts: read the
	 * workbook back, as the profile's is (xlsx_verify.c). */
	if (x.rc == PC_EXIT_OK)
		x.rc = pc_xlsx_verify(x.path, d);
	free(x.path);
	return x.rc;
}
