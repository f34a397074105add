/* The world bundle, world/world.jsonld: each world organization, person
 * and publication, with its identifiers and a schema:sameAs link to each
 * profile's own node (BASE-IRI<cc>/<kind>/<id>, as <cc>.jsonld names it).
 *
 * Why sameAs and not prov:wasDerivedFrom: resolution claims that the world
 * entity and each profile's entity are the same organization, person or
 * work; a consumer that loads the world and the country bundles together
 * should be able to merge their statements, which is what sameAs licenses.
 * wasDerivedFrom would only say that one description was made from the
 * other. The dataset node itself says prov:wasDerivedFrom of the country
 * profiles: that is a derivation, not an identity. */
#include <stdlib.h>
#include <string.h>

#include "../compiler/alloc.h"
#include "../compiler/identifiers.h"
#include "world.h"

static const char *const kind_path[PC_WORLD_KINDS] = {"actor", "person", "publication"};
static const char *const kind_type[PC_WORLD_KINDS] = {"schema:Organization", "schema:Person", "schema:CreativeWork"};

typedef struct {
	const pc_world *w;
	const char *base;
	pc_json j;
	pc_buf iri;
} writer;

static const char *
iri(writer *x, const char *a, const char *b, const char *c)
{
	pc_buf_reset(&x->iri);
	pc_buf_printf(&x->iri, "%s%s/%s/%s", x->base, a, b, c);
	return x->iri.data;
}

static void
context(pc_json *j)
{
	pc_json_open(j, "@context", '{');
	pc_json_number(j, "@version", 1.1);
	pc_json_string(j, "schema", "http://schema.org/");
	pc_json_string(j, "prov", "http://www.w3.org/ns/prov#");
	pc_json_string(j, "dct", "http://purl.org/dc/terms/");
	static const char *const ids[] = {"sameAs", "schema:sameAs", "wasDerivedFrom", "prov:wasDerivedFrom"};
	for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i += 2) {
		pc_json_open(j, ids[i], '{');
		pc_json_string(j, "@id", ids[i + 1]);
		pc_json_string(j, "@type", "@id");
		pc_json_close(j, '}');
	}
	pc_json_string(j, "name", "schema:name");
	pc_json_string(j, "alternateName", "schema:alternateName");
	pc_json_string(j, "identifier", "schema:identifier");
	pc_json_string(j, "givenName", "schema:givenName");
	pc_json_string(j, "datePublished", "schema:datePublished");
	pc_json_string(j, "additionalType", "schema:additionalType");
	pc_json_string(j, "countries", "schema:spatialCoverage");
	pc_json_close(j, '}');
}

/* "a\x1fb" as a JSON array of strings. */
static void
list(pc_json *j, const char *key, const char *s)
{
	if (s == NULL || *s == '\0')
		return;
	pc_json_open(j, key, '[');
	while (*s) {
		size_t len = strcspn(s, "\x1f");
		char *one = pc_strdup(s);
		one[len] = '\0';
		pc_json_string(j, NULL, one);
		free(one);
		s += len + (s[len] != '\0');
	}
	pc_json_close(j, ']');
}

/* The IRI of each identifier ("scheme:value", US-separated) that has one:
 * the world entity is what https://ror.org/... names. */
static void
same_as_identifiers(pc_json *j, const char *ids)
{
	while (*ids) {
		size_t len = strcspn(ids, "\x1f");
		char *iri = pc_ident_iri_scheme(ids, len);
		if (iri)
			pc_json_string(j, NULL, iri);
		free(iri);
		ids += len + (ids[len] != '\0');
	}
}

static void
entity(writer *x, pc_world_kind k, size_t e)
{
	const pc_world *w = x->w;
	const pc_world_entity *ent = &w->entities[k][e];
	const pc_world_member *m = pc_world_first(w, k, e);
	pc_json *j = &x->j;
	pc_json_open(j, NULL, '{');
	pc_json_string(j, "@id", iri(x, "world", kind_path[k], ent->wid));
	pc_json_string(j, "@type", kind_type[k]);
	if (m->label)
		pc_json_string(j, "name", m->label);
	if (k == PC_WORLD_ACTOR && m->detail)
		pc_json_string(j, "alternateName", m->detail);
	if (k == PC_WORLD_PERSON && m->detail)
		pc_json_string(j, "givenName", m->detail);
	if (k == PC_WORLD_PUBLICATION && m->detail)
		pc_json_string(j, "datePublished", m->detail);
	if (m->kind)
		pc_json_string(j, "additionalType", m->kind);
	list(j, "identifier", ent->ids);
	pc_json_open(j, "sameAs", '[');
	for (size_t i = 0; i < ent->n_members; i++) {
		const pc_world_member *x_m = &w->members[k][w->by_entity[k][ent->first + i]];
		pc_json_string(j, NULL, iri(x, x_m->cc, kind_path[k], x_m->id));
	}
	same_as_identifiers(j, ent->ids);
	pc_json_close(j, ']');
	pc_json_close(j, '}');
}

int
pc_world_write_jsonld(const pc_world *w, const char *root, const pc_export_opts *o, pc_diag *d)
{
	writer x = {.w = w, .base = o->base_iri};
	pc_buf out;
	pc_buf_init(&out);
	pc_buf_init(&x.iri);
	pc_json_init(&x.j, &out);
	pc_out_stream file;
	int rc = pc_out_stream_open(&file, root, "world/world.jsonld", &out, d);
	if (rc != PC_EXIT_OK) {
		pc_buf_free(&x.iri);
		pc_buf_free(&out);
		return rc;
	}
	x.j.drain = pc_out_stream_drain;
	x.j.drain_ctx = &file;
	pc_json *j = &x.j;
	pc_json_open(j, NULL, '{');
	context(j);
	pc_json_open(j, "@graph", '[');
	pc_json_open(j, NULL, '{');
	pc_buf_reset(&x.iri);
	pc_buf_printf(&x.iri, "%sworld", x.base);
	pc_json_string(j, "@id", x.iri.data);
	pc_json_string(j, "@type", "schema:Dataset");
	pc_json_string(j, "name", "Child online safety country profiles: the world dataset");
	pc_json_open(j, "wasDerivedFrom", '[');
	for (size_t i = 0; i < w->n_countries; i++)
		pc_json_string(j, NULL, iri(&x, w->countries[i].cc, "profile", w->countries[i].cc));
	pc_json_close(j, ']');
	pc_json_close(j, '}');
	for (int k = 0; k < PC_WORLD_KINDS; k++)
		for (size_t e = 0; e < w->n_entities[k]; e++)
			entity(&x, (pc_world_kind)k, e);
	pc_json_close(j, ']');
	pc_json_close(j, '}');
	pc_buf_putc(&out, '\n');
	rc = pc_out_stream_close(&file, d);
	pc_buf_free(&x.iri);
	pc_buf_free(&out);
	return rc;
}
