/* The EPUB handout's timeline figure: an inline SVG of the events by year and theme, with its text alternative. */
#include <stdlib.h>
#include <string.h>

#include "../compiler/alloc.h"
#include "epub_write.h"

/* Geometry, in SVG user units. */
#define MARGIN   12
#define YEAR_W   28 /* one year column */
#define LEVEL_H  12 /* one row of marks in a lane */
#define LANE_TOP 34 /* lane title and gap above the lane's first row */
#define AXIS_H   34
#define LEGEND_H 26

/* Themes differ in shape as well as colour, so the figure does not rely on
 * colour alone; every colour passes 4.5:1 against white, so a theme's name
 * can be written in it. PC_THEME_MAX is the length of these tables. */
static const char *const theme_colour[PC_THEME_MAX] = {
	"#1f5fa8", "#a3460a", "#2e7d32", "#6a1b9a", "#ad1457", "#00695c", "#5d4037", "#37474f",
};
static const char *const theme_shape_plural[PC_THEME_MAX] = {
	"circles", "squares", "triangles", "diamonds", "inverted triangles", "crosses", "stars", "hexagons",
};

const char *
pc_epub_theme_colour(uint32_t theme)
{
	return theme_colour[theme % PC_THEME_MAX];
}

static const char *
theme_label(const pc_graph *g, size_t t)
{
	return t < g->n_themes && g->themes[t].label ? g->themes[t].label : "";
}

typedef struct {
	int year, end; /* end == year for a single-year event */
	uint32_t index;
	int level; /* row inside its lane */
} mark;

static int
by_start(const void *a, const void *b)
{
	const mark *x = a, *y = b;
	if (x->year != y->year)
		return x->year < y->year ? -1 : 1;
	if (x->end != y->end)
		return x->end < y->end ? -1 : 1;
	return x->index < y->index ? -1 : x->index > y->index;
}

/* A binary min-heap of (key, value) pairs, for the row assignment. */
typedef struct {
	struct heap_item {
		int key, value;
	} * items;
	size_t n, cap;
} heap;

static void
heap_push(heap *h, int key, int value)
{
	if (h->n == h->cap) {
		h->cap = h->cap ? 2 * h->cap : 16;
		h->items = pc_realloc(h->items, h->cap * sizeof *h->items);
	}
	size_t i = h->n++;
	while (i > 0) {
		size_t up = (i - 1) / 2;
		if (h->items[up].key < key || (h->items[up].key == key && h->items[up].value <= value))
			break;
		h->items[i] = h->items[up];
		i = up;
	}
	h->items[i] = (struct heap_item){key, value};
}

static struct heap_item
heap_pop(heap *h)
{
	struct heap_item top = h->items[0], last = h->items[--h->n];
	size_t i = 0;
	for (;;) {
		size_t c = 2 * i + 1;
		if (c >= h->n)
			break;
		if (c + 1 < h->n &&
		    (h->items[c + 1].key < h->items[c].key ||
		     (h->items[c + 1].key == h->items[c].key && h->items[c + 1].value < h->items[c].value)))
			c++;
		if (last.key < h->items[c].key || (last.key == h->items[c].key && last.value <= h->items[c].value))
			break;
		h->items[i] = h->items[c];
		i = c;
	}
	if (h->n > 0)
		h->items[i] = last;
	return top;
}

/* Rows: each mark takes the lowest row free at its start year (interval
 * partitioning, n log n), so spans never cross other marks. Returns the
 * row count. */
static int
assign_levels(mark *m, size_t n)
{
	heap busy = {0}, free_rows = {0}; /* busy: (end year, row); free: (row, row) */
	int levels = 0;
	for (size_t i = 0; i < n; i++) {
		while (busy.n > 0 && busy.items[0].key < m[i].year) {
			struct heap_item done = heap_pop(&busy);
			heap_push(&free_rows, done.value, done.value);
		}
		int l = free_rows.n > 0 ? heap_pop(&free_rows).value : levels++;
		m[i].level = l;
		heap_push(&busy, m[i].end, l);
	}
	free(busy.items);
	free(free_rows.items);
	return levels;
}

/* One theme's events in words: "2001; 2005 to 2008; 2012 (3 events)". */
static void
describe_lane(pc_buf *b, const mark *m, size_t n)
{
	for (size_t i = 0; i < n;) {
		size_t j = i;
		while (j < n && m[j].year == m[i].year && m[j].end == m[i].end)
			j++;
		if (i > 0)
			pc_buf_puts(b, "; ");
		if (m[i].end != m[i].year)
			pc_buf_printf(b, "%d to %d", m[i].year, m[i].end);
		else
			pc_buf_printf(b, "%d", m[i].year);
		if (j - i > 1)
			pc_buf_printf(b, " (%zu events)", j - i);
		i = j;
	}
}

/* A polygon of n points (x, y offsets from the centre, in tenths). */
static void
put_polygon(pc_buf *b, const int *pts, size_t n, double cx, double cy, const char *fill)
{
	pc_buf_puts(b, "<polygon points=\"");
	for (size_t i = 0; i < n; i++)
		pc_buf_printf(b, "%s%.1f,%.1f", i ? " " : "", cx + pts[2 * i] / 10.0, cy + pts[2 * i + 1] / 10.0);
	pc_buf_printf(b, "\" fill=\"%s\"/>", fill);
}

/* The mark of the theme at index t: the first two are those of format 1.0. */
static void
put_mark(pc_buf *b, size_t t, double cx, double cy)
{
	static const int triangle[] = {0, -50, 50, 40, -50, 40};
	static const int diamond[] = {0, -55, 55, 0, 0, 55, -55, 0};
	static const int inverted[] = {-50, -40, 50, -40, 0, 50};
	static const int cross[] = {-15, -50, 15,  -50, 15,  -15, 50,  -15, 50,  15,  15,  15,
				    15,  50,  -15, 50,  -15, 15,  -50, 15,  -50, -15, -15, -15};
	static const int star[] = {0, -55, 13, -18, 52, -17, 21, 7, 32, 45, 0, 21, -32, 45, -21, 7, -52, -17, -13, -18};
	static const int hexagon[] = {-25, -45, 25, -45, 50, 0, 25, 45, -25, 45, -50, 0};
	const char *fill = theme_colour[t % PC_THEME_MAX];
	switch (t % PC_THEME_MAX) {
	case 0: pc_buf_printf(b, "<circle cx=\"%.0f\" cy=\"%.0f\" r=\"4.5\" fill=\"%s\"/>", cx, cy, fill); break;
	case 1:
		pc_buf_printf(b, "<rect x=\"%.0f\" y=\"%.0f\" width=\"9\" height=\"9\" fill=\"%s\"/>", cx - 4.5,
			      cy - 4.5, fill);
		break;
	case 2: put_polygon(b, triangle, 3, cx, cy, fill); break;
	case 3: put_polygon(b, diamond, 4, cx, cy, fill); break;
	case 4: put_polygon(b, inverted, 3, cx, cy, fill); break;
	case 5: put_polygon(b, cross, 12, cx, cy, fill); break;
	case 6: put_polygon(b, star, 10, cx, cy, fill); break;
	default: put_polygon(b, hexagon, 6, cx, cy, fill); break;
	}
}

/* The events sorted into one lane per theme, each lane in rows. */
typedef struct {
	size_t n_themes; /* lanes: one per theme */
	mark *lanes[PC_THEME_MAX];
	size_t n_lane[PC_THEME_MAX];
	int levels[PC_THEME_MAX];
	double legend_h; /* the legend's rows */
	int y0, y1;      /* first and last year */
	int step;        /* label every step-th year */
	double width, height;
} layout;

static void
layout_events(const pc_graph *g, layout *l)
{
	memset(l, 0, sizeof *l);
	/* The builder allows at most PC_THEME_MAX themes; in a graph made
	 * otherwise, events of other themes go to the first lane. */
	l->n_themes = g->n_themes == 0 ? 1 : g->n_themes < PC_THEME_MAX ? g->n_themes : PC_THEME_MAX;
	for (size_t t = 0; t < l->n_themes; t++)
		l->lanes[t] = pc_malloc(g->n_events * sizeof *l->lanes[t]);
	for (size_t i = 0; i < g->n_events; i++) {
		const pc_event *e = &g->events[i];
		size_t t = e->theme < l->n_themes ? e->theme : 0;
		int end = e->end_year != PC_NONE && e->end_year > e->year ? e->end_year : e->year;
		l->lanes[t][l->n_lane[t]++] = (mark){e->year, end, (uint32_t)i, 0};
		if (i == 0 || e->year < l->y0)
			l->y0 = e->year;
		if (i == 0 || end > l->y1)
			l->y1 = end;
	}
	int n_years = l->y1 - l->y0 + 1;
	/* Label every year while they fit, else every 5th or 10th. */
	l->step = n_years <= 30 ? 1 : n_years <= 150 ? 5 : 10;
	l->width = 2 * MARGIN + (double)n_years * YEAR_W;
	if (l->width < 420)
		l->width = 420; /* room for the legend */
	/* The legend wraps to the figure's width: each row past the first adds height. */
	l->legend_h = LEGEND_H;
	double x = MARGIN;
	for (size_t t = 0; t < l->n_themes; t++) {
		double w = 24 + 6.2 * (double)strlen(theme_label(g, t));
		if (t > 0 && x + w > l->width - MARGIN) {
			x = MARGIN;
			l->legend_h += LEGEND_H - 8;
		}
		x += w;
	}
	l->height = MARGIN + l->legend_h + AXIS_H + MARGIN;
	for (size_t t = 0; t < l->n_themes; t++) {
		qsort(l->lanes[t], l->n_lane[t], sizeof *l->lanes[t], by_start);
		l->levels[t] = assign_levels(l->lanes[t], l->n_lane[t]);
		if (l->n_lane[t] > 0)
			l->height += LANE_TOP + (double)l->levels[t] * LEVEL_H;
	}
}

static void
layout_free(layout *l)
{
	for (size_t t = 0; t < l->n_themes; t++)
		free(l->lanes[t]);
}

/* The <svg> element, its title and its description in words. */
static void
svg_open(const pc_graph *g, const layout *l, pc_buf *b)
{
	pc_buf_printf(b,
		      "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" class=\"timeline\" role=\"img\" "
		      "aria-labelledby=\"tl_title\" aria-describedby=\"tl_desc\" width=\"%.0f\" height=\"%.0f\" "
		      "viewBox=\"0 0 %.0f %.0f\" font-family=\"sans-serif\" font-size=\"11\">\n",
		      l->width, l->height, l->width, l->height);
	pc_buf_printf(b, "<title id=\"tl_title\">Timeline of %zu event%s, %d to %d</title>\n", g->n_events,
		      g->n_events == 1 ? "" : "s", l->y0, l->y1);
	pc_buf_puts(b,
		    "<desc id=\"tl_desc\">Each mark is an event at its year; a line shows an event that spans years.");
	for (size_t t = 0; t < l->n_themes; t++) {
		if (l->n_lane[t] == 0)
			continue;
		pc_buf_printf(b, " %s (%s, %zu event%s): ", theme_label(g, t), theme_shape_plural[t], l->n_lane[t],
			      l->n_lane[t] == 1 ? "" : "s");
		describe_lane(b, l->lanes[t], l->n_lane[t]);
		pc_buf_putc(b, '.');
	}
	pc_buf_puts(b, " The list after the figure gives every event.</desc>\n");
}

/* A row of themes, wrapped as layout_events measured it. */
static void
svg_legend(const pc_graph *g, const layout *l, pc_buf *b)
{
	double x = MARGIN, y = MARGIN + 9;
	for (size_t t = 0; t < l->n_themes; t++) {
		double w = 24 + 6.2 * (double)strlen(theme_label(g, t));
		if (t > 0 && x + w > l->width - MARGIN) {
			x = MARGIN;
			y += LEGEND_H - 8;
		}
		put_mark(b, t, x + 5, y - 4);
		pc_buf_printf(b, "<text x=\"%.0f\" y=\"%.0f\">", x + 14, y);
		pc_buf_xml(b, theme_label(g, t));
		pc_buf_puts(b, "</text>\n");
		x += w;
	}
}

/* The year grid and the axis with its labels, between top and bottom. */
static void
svg_axis(const layout *l, pc_buf *b, double top, double bottom)
{
	for (int yr = l->y0; yr <= l->y1; yr++) {
		if ((yr - l->y0) % l->step != 0 && yr != l->y1)
			continue;
		double cx = MARGIN + (yr - l->y0 + 0.5) * YEAR_W;
		pc_buf_printf(b, "<line x1=\"%.0f\" y1=\"%.0f\" x2=\"%.0f\" y2=\"%.0f\" stroke=\"#d0d0d0\"/>", cx, top,
			      cx, bottom);
		pc_buf_printf(b,
			      "<text x=\"%.0f\" y=\"%.0f\" text-anchor=\"end\" transform=\"rotate(-60 %.0f "
			      "%.0f)\">%d</text>\n",
			      cx + 3, bottom + 12, cx + 3, bottom + 12, yr);
	}
	pc_buf_printf(b, "<line x1=\"%d\" y1=\"%.0f\" x2=\"%.0f\" y2=\"%.0f\" stroke=\"#333333\"/>\n", MARGIN, bottom,
		      l->width - MARGIN, bottom);
}

/* One theme's lane from lane_y down: its title, then its marks row by
 * row. Returns where the next lane starts. */
static double
svg_lane(const pc_graph *g, const layout *l, pc_buf *b, size_t t, double lane_y)
{
	pc_buf_printf(b, "<text x=\"%d\" y=\"%.0f\" font-weight=\"bold\">", MARGIN, lane_y + 20);
	pc_buf_xml(b, theme_label(g, t));
	pc_buf_puts(b, "</text>\n");
	double row0 = lane_y + LANE_TOP;
	for (size_t i = 0; i < l->n_lane[t]; i++) {
		const mark *m = &l->lanes[t][i];
		double cx = MARGIN + (m->year - l->y0 + 0.5) * YEAR_W;
		double cy = row0 + (m->level + 0.5) * LEVEL_H;
		/* Each mark says what it is on hover: its years and its event. */
		pc_buf_printf(b, "<g><title>%d", m->year);
		if (m->end != m->year)
			pc_buf_printf(b, "\xe2\x80\x93%d", m->end);
		pc_buf_puts(b, ": ");
		pc_epub_excerpt(b, g->events[m->index].text ? g->events[m->index].text : "", 90);
		pc_buf_puts(b, "</title>");
		if (m->end != m->year) {
			double ex = MARGIN + (m->end - l->y0 + 0.5) * YEAR_W;
			pc_buf_printf(b,
				      "<line x1=\"%.0f\" y1=\"%.0f\" x2=\"%.0f\" y2=\"%.0f\" stroke=\"%s\" "
				      "stroke-width=\"3\"/>",
				      cx, cy, ex, cy, theme_colour[t]);
		}
		put_mark(b, t, cx, cy);
		pc_buf_puts(b, "</g>\n");
	}
	return row0 + (double)l->levels[t] * LEVEL_H;
}

void
pc_epub_timeline_svg(const pc_graph *g, pc_buf *b)
{
	if (g->n_events == 0)
		return;
	layout l;
	layout_events(g, &l);
	svg_open(g, &l, b);
	svg_legend(g, &l, b);
	/* Year grid, then the lanes over it. */
	double top = MARGIN + l.legend_h, bottom = l.height - MARGIN - AXIS_H;
	svg_axis(&l, b, top, bottom);
	double lane_y = top;
	for (size_t t = 0; t < l.n_themes; t++)
		if (l.n_lane[t] > 0)
			lane_y = svg_lane(g, &l, b, t, lane_y);
	pc_buf_puts(b, "</svg>\n");
	layout_free(&l);
}
