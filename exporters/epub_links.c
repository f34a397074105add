/* The EPUB handout's links out of the book (format 1.1): websites, a
 * publication's URL and DOI, Wikidata, ROR and ORCID pages; and the
 * contributors of a publication by role. Only http and https links exist:
 * the compiler refused every other scheme (compiler/identifiers.c). */
#include <stdlib.h>

#include "../compiler/identifiers.h"
#include "epub_write.h"

/* <a href="IRI">label</a>, both escaped. */
static void
link_out(pc_buf *b, pc_ident_kind kind, const char *value, const char *label)
{
	char *iri = pc_ident_iri(kind, value);
	if (iri == NULL) {
		pc_epub_text(b, value);
		return;
	}
	pc_buf_puts(b, "<a class=\"ext\" href=\"");
	pc_epub_text(b, iri);
	pc_buf_puts(b, "\">");
	pc_epub_text(b, label ? label : value);
	pc_buf_puts(b, "</a>");
	free(iri);
}

/* One paragraph of the links given, "<what> <link> · ..."; nothing when none. */
static void
links_paragraph(pc_buf *b, const pc_ident_kind *kinds, const char *const *what, const char *const *values, size_t n)
{
	int open = 0;
	for (size_t i = 0; i < n; i++) {
		if (values[i] == NULL)
			continue;
		pc_buf_puts(b, open ? " \xc2\xb7 " : "<p class=\"links\">");
		open = 1;
		pc_buf_puts(b, what[i]);
		link_out(b, kinds[i], values[i], NULL);
	}
	if (open)
		pc_buf_puts(b, "</p>\n");
}

void
pc_epub_actor_links(pc_buf *b, const pc_actor *a)
{
	static const pc_ident_kind kinds[] = {PC_IDENT_URL, PC_IDENT_WIKIDATA, PC_IDENT_ROR};
	static const char *const what[] = {"Website: ", "Wikidata ", "ROR "};
	const char *values[] = {a->website, a->wikidata, a->ror};
	links_paragraph(b, kinds, what, values, 3);
}

void
pc_epub_publication_links(pc_buf *b, const pc_publication *p)
{
	static const pc_ident_kind kinds[] = {PC_IDENT_URL, PC_IDENT_DOI, PC_IDENT_ISBN};
	static const char *const what[] = {"Online: ", "DOI ", "ISBN "};
	const char *values[] = {p->url, p->doi, p->isbn};
	links_paragraph(b, kinds, what, values, 3);
}

void
pc_epub_person_links(pc_buf *b, const pc_person *p)
{
	if (p->orcid == NULL)
		return;
	pc_buf_puts(b, " (ORCID ");
	link_out(b, PC_IDENT_ORCID, p->orcid, NULL);
	pc_buf_putc(b, ')');
}

static size_t
count_role(const pc_epub_ctx *c, const uint32_t *auth, size_t n, pc_contributor_role role)
{
	size_t total = 0;
	for (size_t k = 0; k < n; k++)
		total += c->g->authorships[auth[k]].role == role;
	return total;
}

/* The contributors of one role, "A, B and C. " after `lead`; nothing when none. */
static void
contributors_of(pc_buf *b, const pc_epub_ctx *c, const char *me, const uint32_t *auth, size_t n,
		pc_contributor_role role, const char *lead)
{
	size_t total = count_role(c, auth, n, role), done = 0;
	if (total == 0)
		return;
	pc_buf_puts(b, lead);
	for (size_t k = 0; k < n; k++) {
		const pc_authorship *au = &c->g->authorships[auth[k]];
		if (au->role != role)
			continue;
		if (done > 0)
			pc_buf_puts(b, done + 1 == total ? " and " : ", ");
		done++;
		if (pc_graph_node(c->g, au->author) == NULL)
			pc_epub_bdi(b, au->as_written);
		else
			pc_epub_link_label(b, c, me, au->author);
	}
	pc_buf_puts(b, ". ");
}

/* Authors first, as a citation names them; editors and translators after,
 * said to be so: an editor is never shown as an author. */
void
pc_epub_contributors(pc_buf *b, const pc_epub_ctx *c, const char *me, const uint32_t *auth, size_t n)
{
	contributors_of(b, c, me, auth, n, PC_CONTRIB_AUTHOR, "");
	contributors_of(b, c, me, auth, n, PC_CONTRIB_EDITOR, "Edited by ");
	contributors_of(b, c, me, auth, n, PC_CONTRIB_TRANSLATOR, "Translated by ");
}
