/* The JSON-LD bundle's links and identifiers (format 1.1): schema:url,
 * schema:sameAs and schema:isbn, and the context terms they need. */
#ifndef PC_JSONLD_LINKS_H
#define PC_JSONLD_LINKS_H

#include "../compiler/graph.h"
#include "buf.h"

/* One term of the context: the key, its IRI, its value type (an IRI,
 * "@id", or NULL for a plain value) and its container (NULL for one
 * value). */
typedef struct {
	const char *term, *iri, *type, *container;
} pc_jsonld_term;

/* The terms of links, identifiers and contributor roles. */
extern const pc_jsonld_term pc_jsonld_link_terms[];
extern const size_t pc_jsonld_n_link_terms;

/* An organization's website (url) and Wikidata and ROR ids (sameAs). */
void pc_jsonld_actor_links(pc_json *w, const pc_actor *a);
/* A declared person's ORCID (sameAs). */
void pc_jsonld_person_links(pc_json *w, const pc_person *p);
/* A publication's or listing's url, DOI (sameAs) and ISBN. */
void pc_jsonld_publication_links(pc_json *w, const char *url, const char *doi, const char *isbn);

#endif
