/* `profilec diff OLD NEW`: what a change to a profile does, entity by
 * entity, after normalization. Both graphs are read through the tables
 * every product shares (exporters/tables.h), so every kind and every
 * field the products hold is compared, and nothing else: a row is known
 * by its table's primary key, a change is a field whose value differs
 * (a number as written, by its value: 87.5 is 87.50); source lines are not
 * compared (an edit above moves them). Merges the
 * normalizer made are compared by the lines `validate --show-merges`
 * prints. A publication's author list is also one field of its own,
 * "authors", which a reviewer reads at a glance. */
#include "diff.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../exporters/buf.h"
#include "../exporters/tables.h"
#include "alloc.h"
#include "compiler.h"
#include "decimal.h"

typedef struct {
	char *key;    /* the primary key's values, joined */
	char **cells; /* each column as text; NULL for an empty cell */
} row;

typedef struct {
	const pc_table *t; /* NULL for a merge */
	int what;          /* +1 added, -1 removed, 0 changed */
	char *key;
	char **old, **new; /* the row's cells (NULL for the side it is missing from) */
	char *merge;       /* a merge line */
	char *authors[2];  /* a publication's author list, old and new (NULL: none) */
} change;

/* A publication's id and its authors as one line, "A; B (editor)". */
typedef struct {
	char *key;
	char *list;
} author_list;

typedef struct {
	author_list *lists[2]; /* sorted by key: the old graph's and the new one's */
	size_t n[2];
} author_lists;

typedef struct {
	change *items;
	size_t n, cap;
} changes;

static char *
cell_text(const pc_column *col, const pc_cell *c)
{
	if (!c->present)
		return NULL;
	switch (col->type) {
	case PC_COL_STRING:
	case PC_COL_NUMBER: return pc_strdup(c->str ? c->str : "");
	case PC_COL_BOOLEAN: return pc_strdup(c->num != 0 ? "true" : "false");
	default: return pc_asprintf("%.0f", c->num);
	}
}

/* Columns that say where, not what: an edit above moves them. */
static int
ignored(const pc_column *col)
{
	return strcmp(col->name, "line") == 0 || strcmp(col->name, "column") == 0;
}

static int
is_key(const pc_table *t, size_t c)
{
	for (const char *const *k = t->primary_key; k && *k; k++)
		if (strcmp(*k, t->columns[c].name) == 0)
			return 1;
	return 0;
}

static int
by_key(const void *a, const void *b)
{
	return strcmp(((const row *)a)->key, ((const row *)b)->key);
}

static row *
rows_of(const pc_table *t, const pc_graph *g, size_t *n_out)
{
	size_t n = pc_table_n_rows(t, g);
	row *rows = pc_calloc(n ? n : 1, sizeof *rows);
	pc_cell *cells = pc_calloc(t->n_columns, sizeof *cells);
	pc_buf key;
	pc_buf_init(&key);
	for (size_t r = 0; r < n; r++) {
		pc_table_row(t, g, r, cells);
		rows[r].cells = pc_calloc(t->n_columns, sizeof *rows[r].cells);
		pc_buf_reset(&key);
		for (size_t c = 0; c < t->n_columns; c++) {
			rows[r].cells[c] = cell_text(&t->columns[c], &cells[c]);
			if (is_key(t, c)) {
				if (key.len)
					pc_buf_puts(&key, " / ");
				pc_buf_puts(&key, rows[r].cells[c] ? rows[r].cells[c] : "");
			}
		}
		pc_buf_putc(&key, '\0');
		rows[r].key = pc_strdup(key.data);
	}
	pc_buf_free(&key);
	free(cells);
	qsort(rows, n, sizeof *rows, by_key);
	*n_out = n;
	return rows;
}

static void
free_rows(row *rows, size_t n, size_t n_cols)
{
	for (size_t r = 0; r < n; r++) {
		free(rows[r].key);
		for (size_t c = 0; rows[r].cells && c < n_cols; c++)
			free(rows[r].cells[c]);
		free(rows[r].cells);
	}
	free(rows);
}

static change *
push(changes *cs)
{
	if (cs->n == cs->cap) {
		cs->cap = cs->cap ? cs->cap * 2 : 64;
		cs->items = pc_realloc(cs->items, cs->cap * sizeof *cs->items);
	}
	change *c = &cs->items[cs->n++];
	memset(c, 0, sizeof *c);
	return c;
}

/* An empty cell and a missing one read the same in every product. */
static int
same(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "") == 0;
}

/* Whether column k writes a number as the profile spells it: "X_text"
 * beside a decimal column "X" ("value_text" beside "value"). */
static int
spells_number(const pc_table *t, size_t k)
{
	const char *name = t->columns[k].name;
	size_t len = strlen(name);
	if (len <= 5 || strcmp(name + len - 5, "_text") != 0)
		return 0;
	for (size_t c = 0; c < t->n_columns; c++)
		if (t->columns[c].type == PC_COL_NUMBER && strlen(t->columns[c].name) == len - 5 &&
		    strncmp(t->columns[c].name, name, len - 5) == 0)
			return 1;
	return 0;
}

/* Whether a cell is the same in both versions. A number respelled
 * ("87.5" -> "87.50") is the same number: no product changes but the
 * spelling, which is no change to review. */
static int
same_cell(const pc_table *t, size_t k, const char *a, const char *b)
{
	if (same(a, b))
		return 1;
	if (a == NULL || b == NULL || !spells_number(t, k))
		return 0;
	char *ca = pc_malloc(strlen(a) + 2), *cb = pc_malloc(strlen(b) + 2);
	int equal = pc_decimal_canon(a, ca) == PC_DECIMAL_OK && pc_decimal_canon(b, cb) == PC_DECIMAL_OK &&
		    strcmp(ca, cb) == 0;
	free(ca);
	free(cb);
	return equal;
}

/* ---- Author lists --------------------------------------------------------- */

typedef struct {
	char *key;
	unsigned position;
	char *name;
} author;

static int
by_publication_position(const void *a, const void *b)
{
	const author *x = a, *y = b;
	int c = strcmp(x->key, y->key);
	return c ? c : (x->position > y->position) - (x->position < y->position);
}

static size_t
column_named(const pc_table *t, const char *name)
{
	int c = pc_table_column(t, name);
	if (c < 0)
		abort(); /* the authorships table has it (exporters/tables.c) */
	return (size_t)c;
}

/* Each publication's authors, in order, as written, with a role other
 * than author in brackets; read through the authorships table. */
static author_list *
author_lists_of(const pc_graph *g, size_t *n_out)
{
	const pc_table *t = pc_table_named("authorships");
	size_t pub = column_named(t, "publication_id"), pos = column_named(t, "position"),
	       name = column_named(t, "as_written"), role = column_named(t, "role");
	size_t n = pc_table_n_rows(t, g), n_lists = 0;
	author *au = pc_calloc(n ? n : 1, sizeof *au);
	pc_cell *cells = pc_calloc(t->n_columns, sizeof *cells);
	for (size_t r = 0; r < n; r++) {
		pc_table_row(t, g, r, cells);
		au[r].key = cell_text(&t->columns[pub], &cells[pub]);
		au[r].position = (unsigned)cells[pos].num;
		char *as = cell_text(&t->columns[name], &cells[name]),
		     *what = cell_text(&t->columns[role], &cells[role]);
		au[r].name = what && strcmp(what, "author") != 0 ? pc_asprintf("%s (%s)", as ? as : "", what)
								 : pc_strdup(as ? as : "");
		free(as);
		free(what);
	}
	free(cells);
	qsort(au, n, sizeof *au, by_publication_position);
	author_list *lists = pc_calloc(n ? n : 1, sizeof *lists);
	pc_buf b;
	pc_buf_init(&b);
	for (size_t r = 0; r < n; r++) {
		if (r > 0 && strcmp(au[r].key, au[r - 1].key) == 0) {
			pc_buf_puts(&b, "; ");
		} else {
			if (r > 0) {
				pc_buf_putc(&b, '\0');
				lists[n_lists - 1].list = pc_strdup(b.data);
			}
			pc_buf_reset(&b);
			lists[n_lists++].key = pc_strdup(au[r].key);
		}
		pc_buf_puts(&b, au[r].name);
	}
	if (n_lists > 0) {
		pc_buf_putc(&b, '\0');
		lists[n_lists - 1].list = pc_strdup(b.data);
	}
	pc_buf_free(&b);
	for (size_t r = 0; r < n; r++) {
		free(au[r].key);
		free(au[r].name);
	}
	free(au);
	*n_out = n_lists;
	return lists;
}

static int
by_list_key(const void *a, const void *b)
{
	return strcmp(((const author_list *)a)->key, ((const author_list *)b)->key);
}

/* The author list of publication `key` on one side, or NULL. */
static const char *
authors_of(const author_lists *al, int side, const char *key)
{
	if (al == NULL)
		return NULL;
	author_list want = {(char *)key, NULL};
	const author_list *hit = bsearch(&want, al->lists[side], al->n[side], sizeof want, by_list_key);
	return hit ? hit->list : NULL;
}

static void
take_authors(change *c, const author_lists *al)
{
	const char *o = c->what <= 0 ? authors_of(al, 0, c->key) : NULL;
	const char *n = c->what >= 0 ? authors_of(al, 1, c->key) : NULL;
	c->authors[0] = o ? pc_strdup(o) : NULL;
	c->authors[1] = n ? pc_strdup(n) : NULL;
}

/* The rows' cells move into the change list (their pointers are taken).
 * `al`: the author lists, for the publications table. */
static void
compare_table(const pc_table *t, const pc_graph *a, const pc_graph *b, const author_lists *al, changes *cs)
{
	size_t na, nb, i = 0, j = 0;
	row *ra = rows_of(t, a, &na), *rb = rows_of(t, b, &nb);
	while (i < na || j < nb) {
		int cmp = i == na ? 1 : j == nb ? -1 : strcmp(ra[i].key, rb[j].key);
		if (cmp == 0) {
			int differs = 0;
			for (size_t c = 0; c < t->n_columns && !differs; c++)
				differs = !ignored(&t->columns[c]) && !same_cell(t, c, ra[i].cells[c], rb[j].cells[c]);
			if (!differs && al)
				differs = !same(authors_of(al, 0, ra[i].key), authors_of(al, 1, rb[j].key));
			if (differs) {
				change *ch = push(cs);
				*ch = (change){t,           0,    pc_strdup(ra[i].key), ra[i].cells,
					       rb[j].cells, NULL, {NULL, NULL}};
				take_authors(ch, al);
				ra[i].cells = rb[j].cells = NULL;
			}
			i++;
			j++;
		} else if (cmp < 0) {
			change *ch = push(cs);
			*ch = (change){t, -1, pc_strdup(ra[i].key), ra[i].cells, NULL, NULL, {NULL, NULL}};
			take_authors(ch, al);
			ra[i++].cells = NULL;
		} else {
			change *ch = push(cs);
			*ch = (change){t, +1, pc_strdup(rb[j].key), NULL, rb[j].cells, NULL, {NULL, NULL}};
			take_authors(ch, al);
			rb[j++].cells = NULL;
		}
	}
	free_rows(ra, na, t->n_columns);
	free_rows(rb, nb, t->n_columns);
}

/* A merge line without its source lines ("line=88"), which edits move. */
static char *
without_lines(const char *s)
{
	pc_buf b;
	pc_buf_init(&b);
	for (const char *p = s; *p;) {
		if (strncmp(p, " line=", 6) == 0 && p[6] >= '0' && p[6] <= '9') {
			p += 6;
			while (*p >= '0' && *p <= '9')
				p++;
			continue;
		}
		pc_buf_putc(&b, *p++);
	}
	pc_buf_putc(&b, '\0');
	return b.data;
}

static int
by_string(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static char **
merge_lines(const pc_graph *g, size_t *n_out)
{
	char *text = NULL;
	size_t len = 0, n = 0, cap = 16;
	FILE *f = open_memstream(&text, &len);
	if (f == NULL)
		abort();
	pc_dump_merges(g, f);
	fclose(f);
	char **lines = pc_malloc(cap * sizeof *lines);
	for (char *p = text, *nl; p && *p; p = nl ? nl + 1 : NULL) {
		nl = strchr(p, '\n');
		if (nl)
			*nl = '\0';
		if (*p == '\0')
			continue;
		if (n == cap)
			lines = pc_realloc(lines, (cap *= 2) * sizeof *lines);
		lines[n++] = without_lines(p);
	}
	free(text);
	qsort(lines, n, sizeof *lines, by_string);
	*n_out = n;
	return lines;
}

static void
compare_merges(const pc_graph *a, const pc_graph *b, changes *cs)
{
	size_t na, nb, i = 0, j = 0;
	char **la = merge_lines(a, &na), **lb = merge_lines(b, &nb);
	while (i < na || j < nb) {
		int cmp = i == na ? 1 : j == nb ? -1 : strcmp(la[i], lb[j]);
		if (cmp == 0) {
			free(la[i++]);
			free(lb[j++]);
		} else if (cmp < 0) {
			push(cs)->what = -1;
			cs->items[cs->n - 1].merge = la[i++];
		} else {
			push(cs)->what = +1;
			cs->items[cs->n - 1].merge = lb[j++];
		}
	}
	free(la);
	free(lb);
}

/* ---- Output ------------------------------------------------------------ */

static const char *
entity_word(const change *c)
{
	return c->t->kind < PC_KIND_COUNT ? pc_kind_name[c->t->kind] : c->t->name;
}

/* The row's non-key fields that differ, or all its non-empty ones for an
 * added or removed row, then a publication's author list when it differs:
 * (column, old, new) through the callback. */
typedef void (*field_fn)(void *ctx, const char *name, const char *old, const char *new, int first);

static void
each_field(const change *c, field_fn fn, void *ctx)
{
	int first = 1;
	for (size_t k = 0; k < c->t->n_columns; k++) {
		const pc_column *col = &c->t->columns[k];
		const char *o = c->old ? c->old[k] : NULL, *n = c->new ? c->new[k] : NULL;
		if (ignored(col) || is_key(c->t, k) || same_cell(c->t, k, o, n))
			continue;
		fn(ctx, col->name, o, n, first);
		first = 0;
	}
	if (!same(c->authors[0], c->authors[1]))
		fn(ctx, "authors", c->authors[0], c->authors[1], first);
}

static void
put_quoted(FILE *f, const char *s)
{
	if (s == NULL) {
		fputs("(none)", f);
		return;
	}
	pc_put_quoted(f, s);
}

static void
text_field(void *ctx, const char *name, const char *old, const char *new, int first)
{
	FILE *f = ctx;
	(void)first;
	fprintf(f, "    %s: ", name);
	put_quoted(f, old);
	fputs(" -> ", f);
	put_quoted(f, new);
	fputc('\n', f);
}

/* Markdown: a cell of a table; pipes and newlines would break the row. */
static void
md_cell(FILE *f, const char *s)
{
	if (s == NULL) {
		fputs("*(none)*", f);
		return;
	}
	fputc('`', f);
	for (size_t i = 0; s[i] && i < 300; i++)
		fputs(s[i] == '|' ? "\\|" : s[i] == '`' ? "'" : s[i] == '\n' ? " " : (char[]){s[i], 0}, f);
	if (strlen(s) > 300)
		fputs("…", f);
	fputc('`', f);
}

static void
md_field(void *ctx, const char *name, const char *old, const char *new, int first)
{
	FILE *f = ctx;
	(void)first;
	fprintf(f, "  - %s: ", name);
	md_cell(f, old);
	fputs(" → ", f);
	md_cell(f, new);
	fputc('\n', f);
}

typedef struct {
	pc_buf *b;
} json_ctx;

static void
json_opt(pc_buf *b, const char *s)
{
	if (s)
		pc_buf_json_str(b, s);
	else
		pc_buf_puts(b, "null");
}

static void
json_field(void *ctx, const char *name, const char *old, const char *new, int first)
{
	pc_buf *b = ((json_ctx *)ctx)->b;
	pc_buf_puts(b, first ? "{\"name\": " : ", {\"name\": ");
	pc_buf_json_str(b, name);
	pc_buf_puts(b, ", \"old\": ");
	json_opt(b, old);
	pc_buf_puts(b, ", \"new\": ");
	json_opt(b, new);
	pc_buf_puts(b, "}");
}

static const char *const what_word[] = {"removed", "changed", "added"};

static void
print_text(const changes *cs, const char *old_path, const char *new_path, FILE *f)
{
	fprintf(f, "--- %s\n+++ %s\n", old_path, new_path);
	for (size_t i = 0; i < cs->n; i++) {
		const change *c = &cs->items[i];
		if (c->merge) {
			fprintf(f, "merge %s: %s\n", c->what > 0 ? "appeared" : "disappeared", c->merge);
			continue;
		}
		fprintf(f, "%s %s: %s\n", entity_word(c), c->key, what_word[c->what + 1]);
		each_field(c, text_field, f);
	}
}

static void
print_markdown(const changes *cs, const char *old_path, const char *new_path, FILE *f)
{
	size_t count[3] = {0}, merges = 0;
	for (size_t i = 0; i < cs->n; i++)
		if (cs->items[i].merge)
			merges++;
		else
			count[cs->items[i].what + 1]++;
	fprintf(f, "### profilec diff: `%s` → `%s`\n\n", old_path, new_path);
	fprintf(f, "%zu added, %zu removed, %zu changed; %zu merge decisions appeared or disappeared.\n", count[2],
		count[0], count[1], merges);
	const pc_table *section = NULL;
	for (size_t i = 0; i < cs->n; i++) {
		const change *c = &cs->items[i];
		if (c->merge)
			continue;
		if (c->t != section) {
			section = c->t;
			fprintf(f, "\n#### %s\n\n", section->title);
		}
		fprintf(f, "- **%s** %s `%s`\n", what_word[c->what + 1], entity_word(c), c->key);
		if (c->what == 0)
			each_field(c, md_field, f);
	}
	if (merges) {
		fputs("\n#### Merges (normalization)\n\n", f);
		for (size_t i = 0; i < cs->n; i++)
			if (cs->items[i].merge) {
				fprintf(f, "- **%s** ", cs->items[i].what > 0 ? "appeared" : "disappeared");
				md_cell(f, cs->items[i].merge);
				fputc('\n', f);
			}
	}
}

static void
print_json(const changes *cs, const char *old_path, const char *new_path, FILE *f)
{
	pc_buf b;
	pc_buf_init(&b);
	pc_buf_puts(&b, "{\n  \"old\": ");
	pc_buf_json_str(&b, old_path);
	pc_buf_puts(&b, ",\n  \"new\": ");
	pc_buf_json_str(&b, new_path);
	pc_buf_puts(&b, ",\n  \"changes\": [");
	int first = 1;
	for (size_t i = 0; i < cs->n; i++) {
		const change *c = &cs->items[i];
		if (c->merge)
			continue;
		pc_buf_puts(&b, first ? "\n    {\"table\": " : ",\n    {\"table\": ");
		first = 0;
		pc_buf_json_str(&b, c->t->name);
		pc_buf_puts(&b, ", \"kind\": ");
		pc_buf_json_str(&b, entity_word(c));
		pc_buf_puts(&b, ", \"key\": ");
		pc_buf_json_str(&b, c->key);
		pc_buf_printf(&b, ", \"change\": \"%s\", \"fields\": [", what_word[c->what + 1]);
		json_ctx ctx = {&b};
		each_field(c, json_field, &ctx);
		pc_buf_puts(&b, "]}");
	}
	pc_buf_puts(&b, first ? "],\n  \"merges\": [" : "\n  ],\n  \"merges\": [");
	first = 1;
	for (size_t i = 0; i < cs->n; i++) {
		const change *c = &cs->items[i];
		if (!c->merge)
			continue;
		pc_buf_printf(&b, "%s\n    {\"change\": \"%s\", \"decision\": ", first ? "" : ",",
			      c->what > 0 ? "appeared" : "disappeared");
		first = 0;
		pc_buf_json_str(&b, c->merge);
		pc_buf_puts(&b, "}");
	}
	pc_buf_puts(&b, first ? "]\n}\n" : "\n  ]\n}\n");
	fwrite(b.data, 1, b.len, f);
	pc_buf_free(&b);
}

static void
free_changes(changes *cs)
{
	for (size_t i = 0; i < cs->n; i++) {
		change *c = &cs->items[i];
		size_t n = c->t ? c->t->n_columns : 0;
		for (size_t k = 0; k < n; k++) {
			if (c->old)
				free(c->old[k]);
			if (c->new)
				free(c->new[k]);
		}
		free(c->old);
		free(c->new);
		free(c->key);
		free(c->merge);
		free(c->authors[0]);
		free(c->authors[1]);
	}
	free(cs->items);
}

int
pc_diff(const pc_graph *old, const pc_graph *new, const char *old_path, const char *new_path, pc_diff_format fmt,
	FILE *f)
{
	changes cs = {0};
	author_lists al;
	al.lists[0] = author_lists_of(old, &al.n[0]);
	al.lists[1] = author_lists_of(new, &al.n[1]);
	const pc_table *publications = pc_table_for_kind(PC_PUBLICATION);
	for (size_t t = 0; t < pc_n_tables; t++)
		compare_table(&pc_tables[t], old, new, &pc_tables[t] == publications ? &al : NULL, &cs);
	compare_merges(old, new, &cs);
	for (int side = 0; side < 2; side++) {
		for (size_t i = 0; i < al.n[side]; i++) {
			free(al.lists[side][i].key);
			free(al.lists[side][i].list);
		}
		free(al.lists[side]);
	}
	int differ = cs.n > 0;
	if (differ) {
		if (fmt == PC_DIFF_MARKDOWN)
			print_markdown(&cs, old_path, new_path, f);
		else if (fmt == PC_DIFF_JSON)
			print_json(&cs, old_path, new_path, f);
		else
			print_text(&cs, old_path, new_path, f);
	}
	free_changes(&cs);
	return differ;
}
