/* The EPUB handout's content documents, in reading order: each chapter's writer fills its document. */
#include <stdlib.h>
#include <string.h>

#include "epub_write.h"

void
pc_epub_book_build(const pc_graph *g, pc_epub_book *book)
{
	static const struct {
		const char *id, *file, *title, *landmark, *properties;
		void (*write)(pc_epub_ctx *, pc_epub_doc *);
	} parts[PC_EPUB_NDOCS] = {
		[PC_EPUB_TITLE] = {"title", "title.xhtml", "Title page", "titlepage", NULL, pc_epub_write_title},
		[PC_EPUB_OVERVIEW] = {"overview", "overview.xhtml", "Overview", "bodymatter", NULL,
				      pc_epub_write_overview},
		[PC_EPUB_TIMELINE] = {"timeline", "timeline.xhtml", "Timeline", NULL, "svg", pc_epub_write_timeline},
		[PC_EPUB_ORGANIZATIONS] = {"organizations", "organizations.xhtml", "Organizations A\xe2\x80\x93Z", NULL,
					   NULL, pc_epub_write_organizations},
		[PC_EPUB_BIBLIOGRAPHY] = {"bibliography", "bibliography.xhtml", "Research", "bibliography", NULL,
					  pc_epub_write_bibliography},
		[PC_EPUB_LAWS] = {"laws", "laws.xhtml", "Laws", NULL, NULL, pc_epub_write_laws},
		[PC_EPUB_ABOUT] = {"about", "about.xhtml", "About this edition", NULL, NULL, pc_epub_write_about},
	};
	pc_epub_ctx c;
	pc_epub_ctx_init(&c, g);
	memset(book, 0, sizeof *book);
	for (int i = 0; i < PC_EPUB_NDOCS; i++) {
		pc_epub_doc *doc = &book->docs[i];
		doc->id = parts[i].id;
		doc->file = parts[i].file;
		doc->title = parts[i].title;
		doc->landmark = parts[i].landmark;
		doc->properties = parts[i].properties;
		pc_buf_init(&doc->xhtml);
		/* The timeline has no SVG without events, and the manifest must
		 * not claim one. */
		if (i == PC_EPUB_TIMELINE && g->n_events == 0)
			doc->properties = NULL;
		parts[i].write(&c, doc);
	}
	pc_epub_ctx_free(&c);
}

void
pc_epub_book_free(pc_epub_book *book)
{
	for (int i = 0; i < PC_EPUB_NDOCS; i++) {
		pc_epub_doc *doc = &book->docs[i];
		pc_buf_free(&doc->xhtml);
		for (size_t k = 0; k < doc->n_sections; k++) {
			free(doc->sections[k].anchor);
			free(doc->sections[k].label);
		}
		free(doc->sections);
	}
}
