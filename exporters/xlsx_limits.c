/* Excel's limits, measured once for the compiler's check and the workbook. */
#include "xlsx_limits.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

#include "../compiler/alloc.h"
#include "../compiler/identifiers.h"
#include "swar.h"

static int
is_hex(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

int
pc_excel_is_xescape(const char *p)
{
	return p[0] == '_' && p[1] == 'x' && is_hex(p[2]) && is_hex(p[3]) && is_hex(p[4]) && is_hex(p[5]) &&
	       p[6] == '_';
}

/* One byte's share of the count: a character's first byte 1 (2 for a
 * UTF-16 pair), a continuation byte 0, an escape-like "_xHHHH_" 6 more. */
static size_t
byte_len(const unsigned char *p)
{
	return ((*p & 0xC0) != 0x80) + (*p >= 0xF0) + (*p == '_' && pc_excel_is_xescape((const char *)p) ? 6 : 0);
}

size_t
pc_excel_len(const char *s)
{
	/* Eight bytes at a time while they are ASCII without '_' (one
	 * character each): the workbook measures every cell. */
	size_t len = strlen(s), n = 0, i = 0;
	const unsigned char *p = (const unsigned char *)s;
	for (; i + 8 <= len; i += 8) {
		uint64_t w = pc_swar_load(p + i);
		if (((w & PC_SWAR_HIGHS) | pc_swar_eq(w, '_')) == 0) {
			n += 8;
			continue;
		}
		for (size_t k = i; k < i + 8; k++)
			n += byte_len(p + k);
	}
	for (; i < len; i++)
		n += byte_len(p + i);
	return n;
}

int
pc_excel_is_link(const pc_column *col, const pc_cell *cell)
{
	if ((col->type != PC_COL_STRING && col->type != PC_COL_YEARMONTH) || !cell->present || cell->str == NULL ||
	    cell->str[0] == '\0')
		return 0;
	return cell->link.kind < PC_KIND_COUNT || col->ident != 0;
}

size_t
pc_excel_rows_max(void)
{
	return LXW_ROW_MAX - 1;
}

void
pc_table_row_origin(const pc_graph *g, const pc_table *t, size_t r, const pc_cell *cells, unsigned *line, unsigned *col)
{
	*line = 0;
	*col = 0;
	if (t->kind < PC_KIND_COUNT) {
		const pc_node *n = pc_graph_node(g, (pc_ref){t->kind, (uint32_t)r});
		if (n != NULL) {
			*line = n->line;
			*col = n->col;
			return;
		}
	}
	for (size_t c = 0; c < t->n_columns; c++)
		if (strcmp(t->columns[c].name, "line") == 0 && cells[c].present) {
			*line = (unsigned)cells[c].num;
			return;
		}
	for (size_t c = 0; c < t->n_columns; c++)
		if (cells[c].link.kind < PC_KIND_COUNT) {
			const pc_node *n = pc_graph_node(g, cells[c].link);
			if (n != NULL) {
				*line = n->line;
				*col = n->col;
				return;
			}
		}
}

/* A text is at most 4 bytes per 2 units, or 7 bytes per 13 with escapes:
 * one under half the limit in bytes always fits, and costs no count. */
static int
too_long(const char *s, size_t *len)
{
	if (s == NULL || strlen(s) <= PC_EXCEL_CELL_MAX / 2)
		return 0;
	*len = pc_excel_len(s);
	return *len > PC_EXCEL_CELL_MAX;
}

/* A link longer than Excel's hyperlink limit: libxlsxwriter refuses it,
 * so the compiler does first, at the entity's line. */
static void
check_links(const pc_graph *g, const pc_table *t, size_t r, const pc_cell *cells, pc_diag *d)
{
	/* The entities' own tables: a listing's link is its publication's. */
	for (size_t c = 0; t->kind < PC_KIND_COUNT && c < t->n_columns; c++) {
		if (!t->columns[c].ident || !cells[c].present)
			continue;
		char *url = pc_ident_iri(t->columns[c].ident - 1, cells[c].str);
		size_t len = url ? strlen(url) : 0;
		free(url);
		if (len <= PC_EXCEL_URL_MAX)
			continue;
		unsigned line, col;
		pc_table_row_origin(g, t, r, cells, &line, &col);
		pc_diag_report(d, PC_SEV_ERROR, g->source_path, line, col, "xlsx-url-limit",
			       "the %s of %s '%s' is a link of %zu characters; an Excel hyperlink holds at most %d: "
			       "link to a shorter address",
			       t->columns[c].name, pc_kind_name[t->kind], cells[0].str ? cells[0].str : "?", len,
			       PC_EXCEL_URL_MAX);
	}
}

/* The source places (line, col) already reported as too long: one text
 * reaches several sheets (a citation's name is in authorships,
 * listing_authors and people), and is one problem, reported once. A
 * place with no column stands for its whole line. */
typedef struct {
	unsigned (*at)[2];
	size_t n, cap;
} seen_places;

static int
seen_before(seen_places *s, unsigned line, unsigned col)
{
	for (size_t i = 0; i < s->n; i++)
		if (s->at[i][0] == line && (s->at[i][1] == col || s->at[i][1] == 0 || col == 0))
			return 1; /* a row known by its line alone is on that line */
	if (s->n == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 16;
		s->at = pc_realloc(s->at, s->cap * sizeof *s->at);
	}
	s->at[s->n][0] = line;
	s->at[s->n][1] = col;
	s->n++;
	return 0;
}

static void
check_table(const pc_graph *g, const pc_table *t, seen_places *seen, pc_diag *d)
{
	size_t n = pc_table_n_rows(t, g), max = pc_excel_rows_max();
	pc_cell *cells = pc_calloc(t->n_columns, sizeof *cells);
	unsigned line, col;
	if (n > max) {
		pc_table_row(t, g, max, cells);
		pc_table_row_origin(g, t, max, cells, &line, &col);
		pc_diag_report(d, PC_SEV_ERROR, g->source_path, line, col, "xlsx-row-limit",
			       "the workbook's sheet '%s' would have %zu rows; an Excel sheet holds at most %zu under "
			       "its header: split the profile",
			       t->name, n, max);
		n = max;
	}
	size_t n_links = 0;
	for (size_t r = 0; r < n; r++) {
		pc_table_row(t, g, r, cells);
		check_links(g, t, r, cells, d);
		for (size_t c = 0; c < t->n_columns; c++)
			n_links += pc_excel_is_link(&t->columns[c], &cells[c]);
		for (size_t c = 0; c < t->n_columns; c++) {
			size_t len;
			if (t->columns[c].type != PC_COL_STRING || !cells[c].present || !too_long(cells[c].str, &len))
				continue;
			pc_table_row_origin(g, t, r, cells, &line, &col);
			if (seen_before(seen, line, col))
				continue;
			if (t->kind < PC_KIND_COUNT)
				pc_diag_report(d, PC_SEV_ERROR, g->source_path, line, col, "xlsx-cell-limit",
					       "the %s of %s '%s' is %zu characters long; an Excel cell holds at most "
					       "%d: shorten it",
					       t->columns[c].name, pc_kind_name[t->kind],
					       cells[0].str ? cells[0].str : "?", len, PC_EXCEL_CELL_MAX);
			else
				pc_diag_report(
					d, PC_SEV_ERROR, g->source_path, line, col, "xlsx-cell-limit",
					"column %s of row %zu of the workbook's sheet '%s' is %zu characters long; "
					"an Excel cell holds at most %d: shorten it",
					t->columns[c].name, r + 1, t->name, len, PC_EXCEL_CELL_MAX);
		}
	}
	/* Named after the source: the workbook's path is not the reader's concern. */
	if (n_links > PC_EXCEL_LINKS_MAX)
		pc_diag_report(
			d, PC_SEV_NOTE, g->source_path, 0, 0, "xlsx-link-limit",
			"workbook sheet '%s': %zu of its %zu links are past Excel's %d per sheet and are written "
			"as plain ids",
			t->name, n_links - PC_EXCEL_LINKS_MAX, n_links, PC_EXCEL_LINKS_MAX);
	free(cells);
}

void
pc_check_xlsx_limits(const pc_graph *g, pc_diag *d)
{
	seen_places seen = {0};
	for (size_t i = 0; i < pc_n_tables; i++)
		check_table(g, &pc_tables[i], &seen, d);
	check_table(g, &pc_quality_table, &seen, d);
	free(seen.at);
}
