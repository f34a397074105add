/* The EPUB handout's parts: the book's documents, shared by the container writer and the chapter writers. */
#ifndef PC_EPUB_H
#define PC_EPUB_H

#include "export.h"

/* A section of a document, listed under it in the table of contents. */
typedef struct {
	char *anchor; /* id inside the document */
	char *label;  /* plain text, escaped when written */
} pc_epub_section;

/* One XHTML content document of the spine. */
typedef struct {
	const char *id;         /* manifest id: "timeline" */
	const char *file;       /* below OEBPS/: "timeline.xhtml" */
	const char *title;      /* its <title> and table-of-contents label */
	const char *landmark;   /* epub:type in the landmarks nav, or NULL */
	const char *properties; /* manifest properties ("svg"), or NULL */
	pc_buf xhtml;           /* the whole document */
	pc_epub_section *sections;
	size_t n_sections, cap_sections;
} pc_epub_doc;

enum {
	PC_EPUB_TITLE,
	PC_EPUB_OVERVIEW,
	PC_EPUB_TIMELINE,
	PC_EPUB_ORGANIZATIONS,
	PC_EPUB_BIBLIOGRAPHY,
	PC_EPUB_LAWS,
	PC_EPUB_ABOUT,
	PC_EPUB_NDOCS
};

typedef struct {
	pc_epub_doc docs[PC_EPUB_NDOCS]; /* in reading order */
} pc_epub_book;

/* Write every content document of the book from the graph. */
void pc_epub_book_build(const pc_graph *g, pc_epub_book *book);
void pc_epub_book_free(pc_epub_book *book);

/* The file (below OEBPS/) that holds the anchor of every node of a kind. */
const char *pc_epub_file_of(pc_kind kind);

/* The timeline figure: an inline SVG with its text alternative, appended
 * to b; nothing when there is no event. */
void pc_epub_timeline_svg(const pc_graph *g, pc_buf *b);
/* The colour of the theme at this index, in the figure and in the text. */
const char *pc_epub_theme_colour(uint32_t theme);

/* The XHTML document's opening (XML declaration to <body>) and closing. */
void pc_epub_xhtml_begin(pc_buf *b, const pc_graph *g, const char *title);
void pc_epub_xhtml_end(pc_buf *b);

#endif
