/* What the catalog says of one profile, taken from its graph where the
 * profile is built: in a worker process with --jobs, so the parent writes
 * the catalog without holding any graph. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../compiler/alloc.h"
#include "export.h"

void
pc_dataset_of(pc_dataset *ds, const pc_graph *g)
{
	memset(ds, 0, sizeof *ds);
	const pc_country *c = g->n_countries ? &g->countries[0] : NULL;
	ds->cc = pc_strdup(pc_graph_cc(g));
	ds->title = g->title ? pc_strdup(g->title) : NULL;
	ds->lang = g->lang ? pc_strdup(g->lang) : NULL;
	ds->modified = g->modified ? pc_strdup(g->modified) : NULL;
	ds->country_id = c && c->n.id ? pc_strdup(c->n.id) : NULL;
	ds->country_code = c && c->code ? pc_strdup(c->code) : NULL;
	ds->country_name = c && c->name ? pc_strdup(c->name) : NULL;
	ds->line = c ? c->n.line : 0;
	memcpy(ds->build_date, g->build_date, sizeof ds->build_date);
	for (int k = 0; k < PC_KIND_COUNT; k++)
		ds->counts[k] = pc_graph_count(g, (pc_kind)k);
}

/* Strings as a presence byte, then the bytes and a NUL. */
static void
put_str(pc_buf *b, const char *s)
{
	pc_buf_putc(b, s ? 1 : 0);
	if (s)
		pc_buf_add(b, s, strlen(s) + 1);
}

static int
get_str(const char **p, const char *end, char **out)
{
	*out = NULL;
	if (*p >= end)
		return -1;
	if (*(*p)++ == 0)
		return 0;
	const char *nul = memchr(*p, '\0', (size_t)(end - *p));
	if (nul == NULL)
		return -1;
	*out = pc_strdup(*p);
	*p = nul + 1;
	return 0;
}

void
pc_dataset_encode(const pc_dataset *ds, pc_buf *out)
{
	put_str(out, ds->cc);
	put_str(out, ds->title);
	put_str(out, ds->lang);
	put_str(out, ds->modified);
	put_str(out, ds->country_id);
	put_str(out, ds->country_code);
	put_str(out, ds->country_name);
	pc_buf_add(out, ds->build_date, sizeof ds->build_date);
	uint64_t nums[PC_KIND_COUNT + 1];
	for (int k = 0; k < PC_KIND_COUNT; k++)
		nums[k] = ds->counts[k];
	nums[PC_KIND_COUNT] = ds->line;
	pc_buf_add(out, (const char *)nums, sizeof nums);
}

int
pc_dataset_decode(pc_dataset *ds, const char *data, size_t len)
{
	memset(ds, 0, sizeof *ds);
	const char *p = data, *end = data + len;
	uint64_t nums[PC_KIND_COUNT + 1];
	if (get_str(&p, end, &ds->cc) || ds->cc == NULL || get_str(&p, end, &ds->title) ||
	    get_str(&p, end, &ds->lang) || get_str(&p, end, &ds->modified) || get_str(&p, end, &ds->country_id) ||
	    get_str(&p, end, &ds->country_code) || get_str(&p, end, &ds->country_name) ||
	    (size_t)(end - p) != sizeof ds->build_date + sizeof nums) {
		pc_dataset_free(ds);
		return -1;
	}
	memcpy(ds->build_date, p, sizeof ds->build_date);
	ds->build_date[sizeof ds->build_date - 1] = '\0';
	memcpy(nums, p + sizeof ds->build_date, sizeof nums);
	for (int k = 0; k < PC_KIND_COUNT; k++)
		ds->counts[k] = (size_t)nums[k];
	ds->line = (unsigned)nums[PC_KIND_COUNT];
	return 0;
}

void
pc_dataset_free(pc_dataset *ds)
{
	free(ds->cc);
	free(ds->title);
	free(ds->lang);
	free(ds->modified);
	free(ds->country_id);
	free(ds->country_code);
	free(ds->country_name);
	memset(ds, 0, sizeof *ds);
}
