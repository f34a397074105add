/* What the EPUB chapter writers share: the graph with its edge indexes, escaped text, links, sort orders. */
#ifndef PC_EPUB_WRITE_H
#define PC_EPUB_WRITE_H

#include "edge_index.h"
#include "epub.h"

/* The graph, and every edge list grouped by one of its ends, built once
 * for all the chapters. */
typedef struct {
	const pc_graph *g;
	pc_edge_index ea_by_event, ea_by_actor;
	pc_edge_index rel_by_from, rel_by_to;
	pc_edge_index auth_by_pub, auth_by_person, auth_by_actor;
	pc_edge_index cit_by_event, cit_by_instrument, cit_by_publication;
	pc_edge_index pen_by_article, art_by_instrument, chg_by_penalty;
	pc_edge_index pen_by_part, pen_of_instrument, part_by_instrument;
	pc_edge_index pub_by_publisher, pub_by_edition_of, instr_by_issuer;
} pc_epub_ctx;

typedef struct {
	int year;
	const char *key; /* folded sort key, or NULL */
	uint32_t index;
} pc_epub_order;

void pc_epub_ctx_init(pc_epub_ctx *c, const pc_graph *g);
void pc_epub_ctx_free(pc_epub_ctx *c);

/* Every text from the source goes through here (NULL writes nothing). */
void pc_epub_text(pc_buf *b, const char *s);
/* ' dir="auto"', or the lang and dir of text s where the source states its language. */
void pc_epub_dir(pc_buf *b, const char *s);
/* A decimal with its thousands grouped and its unit after a no-break
 * space: "10,000 RON", "2 years". */
void pc_epub_amount(pc_buf *b, const char *decimal, const char *unit);
/* An inline name or title from the source, in <bdi> (NULL writes nothing). */
void pc_epub_bdi(pc_buf *b, const char *s);
/* A schema keyword as words: "prohibition-of-rights" -> "Prohibition of rights". */
void pc_epub_words(pc_buf *b, const char *keyword, int capital);
/* The start of a long text, cut at a space, for a link label. */
void pc_epub_excerpt(pc_buf *b, const char *s, size_t max);
/* A section of doc, listed under it in the table of contents. */
void pc_epub_add_section(pc_epub_doc *doc, const char *anchor, const char *label);

/* <a href="..."> to a node's anchor, from the document `from`. */
void pc_epub_link_open(pc_buf *b, const pc_graph *g, const char *from, pc_ref r);
/* An organization's name, else its acronym, else what it is. */
void pc_epub_actor_name(pc_buf *b, const pc_actor *a);
void pc_epub_link_actor(pc_buf *b, const pc_epub_ctx *c, const char *from, uint32_t i);
void pc_epub_link_label(pc_buf *b, const pc_epub_ctx *c, const char *from, pc_ref r);
/* "imprisonment, 2 to 8 years". */
void pc_epub_penalty_words(pc_buf *b, const pc_penalty *p);
/* A penalty's term or amount in words: "1 to 5 years", "up to 50,000 RON",
 * "at least 2 years", "for life", "amount not stated". */
void pc_epub_penalty_bounds(pc_buf *b, const pc_penalty *p);
void pc_epub_link_penalty(pc_buf *b, const pc_epub_ctx *c, const char *from, uint32_t i);
/* Links out of the book (epub_links.c): an organization's website and
 * ids, a publication's URL, DOI and ISBN, a person's ORCID. */
void pc_epub_actor_links(pc_buf *b, const pc_actor *a);
void pc_epub_publication_links(pc_buf *b, const pc_publication *p);
void pc_epub_person_links(pc_buf *b, const pc_person *p);
/* A publication's contributors: "A and B. Edited by C. Translated by D. " */
void pc_epub_contributors(pc_buf *b, const pc_epub_ctx *c, const char *me, const uint32_t *auth, size_t n);

const char *pc_epub_lang_of(const pc_graph *g);
/* A chapter's document: its opening with the <section> of that epub:type
 * ("chapter", "appendix", "bibliography") and its doc- role, and its
 * heading; and its closing. */
void pc_epub_doc_begin(pc_epub_doc *doc, const pc_graph *g, const char *epub_type);
void pc_epub_doc_end(pc_epub_doc *doc);

/* qsort orders of pc_epub_order: by year, newest first (undated last), by key. */
int pc_epub_by_year_up(const void *a, const void *b);
int pc_epub_by_year_down(const void *a, const void *b);
int pc_epub_by_key(const void *a, const void *b);

/* The chapters, one writer each. */
void pc_epub_write_title(pc_epub_ctx *c, pc_epub_doc *doc);
void pc_epub_write_overview(pc_epub_ctx *c, pc_epub_doc *doc);
void pc_epub_write_timeline(pc_epub_ctx *c, pc_epub_doc *doc);
void pc_epub_write_organizations(pc_epub_ctx *c, pc_epub_doc *doc);
void pc_epub_write_bibliography(pc_epub_ctx *c, pc_epub_doc *doc);
void pc_epub_write_laws(pc_epub_ctx *c, pc_epub_doc *doc);
void pc_epub_write_about(pc_epub_ctx *c, pc_epub_doc *doc);

#endif
