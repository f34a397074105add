/* Links and identifiers in the JSON-LD bundle: a website or a publication's
 * URL is schema:url; an identifier with a resolver (DOI, ORCID, ROR,
 * Wikidata) is schema:sameAs its canonical IRI (https://doi.org/...,
 * https://orcid.org/..., https://ror.org/..., Wikidata's concept IRI
 * http://www.wikidata.org/entity/Q..), so that a linked-data client can
 * follow it; an ISBN, which has no resolver, is schema:isbn as written. */
#include "jsonld_links.h"

#include <stdlib.h>

#include "../compiler/identifiers.h"

const pc_jsonld_term pc_jsonld_link_terms[] = {
	{"url", "schema:url", "@id", NULL},
	{"sameAs", "schema:sameAs", "@id", "@set"},
	{"isbn", "schema:isbn", NULL, NULL},
	/* Contributors other than authors, in the order written. */
	{"editor", "schema:editor", "@id", "@list"},
	{"translator", "schema:translator", "@id", "@list"},
	{"contributorRole", "pc:contributorRole", NULL, NULL},
};
const size_t pc_jsonld_n_link_terms = sizeof pc_jsonld_link_terms / sizeof pc_jsonld_link_terms[0];

static void
put_url(pc_json *w, const char *url)
{
	if (url != NULL)
		pc_json_string(w, "url", url);
}

/* sameAs: the IRIs of the identifiers given, in a fixed order. */
static void
put_same_as(pc_json *w, const pc_ident_kind *kinds, const char *const *values, size_t n)
{
	int open = 0;
	for (size_t i = 0; i < n; i++) {
		if (values[i] == NULL)
			continue;
		if (!open)
			pc_json_open(w, "sameAs", '[');
		open = 1;
		char *iri = pc_ident_iri(kinds[i], values[i]);
		pc_json_string(w, NULL, iri);
		free(iri);
	}
	if (open)
		pc_json_close(w, ']');
}

void
pc_jsonld_actor_links(pc_json *w, const pc_actor *a)
{
	static const pc_ident_kind kinds[] = {PC_IDENT_WIKIDATA, PC_IDENT_ROR};
	const char *values[] = {a->wikidata, a->ror};
	put_url(w, a->website);
	put_same_as(w, kinds, values, 2);
}

void
pc_jsonld_person_links(pc_json *w, const pc_person *p)
{
	static const pc_ident_kind kinds[] = {PC_IDENT_ORCID};
	const char *values[] = {p->orcid};
	put_same_as(w, kinds, values, 1);
}

void
pc_jsonld_publication_links(pc_json *w, const char *url, const char *doi, const char *isbn)
{
	static const pc_ident_kind kinds[] = {PC_IDENT_DOI};
	const char *values[] = {doi};
	put_url(w, url);
	put_same_as(w, kinds, values, 1);
	if (isbn != NULL)
		pc_json_string(w, "isbn", isbn);
}
