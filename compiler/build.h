/* What the builder's files share (build.c, build_law.c): the builder, its
 * pending references, and the helpers that read one element. */
#ifndef PC_BUILD_H
#define PC_BUILD_H

#include <libxml/tree.h>

#include "compiler.h"

/* Ids to nodes, keyed by the interned id pointer. (The node has its own
 * line: a large profile's index is a third smaller without a copy.) */
typedef struct {
	const char *id;
	pc_ref ref;
} pc_build_id_slot;

/* A reference met before its target could exist, resolved at the end. */
typedef struct {
	enum {
		PEND_INVOLVES, /* event -> actor, with a role */
		PEND_CITES_INSTRUMENT,
		PEND_CITES_PUBLICATION,
		PEND_RELATION, /* actor -> actor, with a type */
		PEND_ALTERNATIVE,
		PEND_ADDITION,
		PEND_CHANGE,
		PEND_EDITION,
		PEND_PERSON, /* a citation -> the declared person it names */
		PEND_THEME,  /* event -> theme, once the themes are in order */
	} what;
	uint32_t from; /* the referring node's index in its kind */
	const char *to;
	int extra;          /* the role or relation type */
	const char *factor; /* a change's, canonical */
	unsigned line, col;
} pc_build_pending;

/* Events come before the actors they name, so every reference waits in
 * `pending` until the whole source has been read. */
struct pc_builder {
	const pc_input *src;
	pc_diag *d;
	pc_graph *g;
	pc_build_id_slot *slots;
	size_t n_slots, n_used;
	pc_build_pending *pending;
	size_t n_pending, cap_pending;
	int minor;        /* the format version's minor number: 0 for "1.0" */
	int theme_serial; /* themes declared so far, for their default order */
};
typedef struct pc_builder builder;

#define FOR_CHILDREN(c, parent)                                                                                        \
	for (xmlNodePtr c = (parent)->children; c != NULL; c = c->next)                                                \
		if (c->type == XML_ELEMENT_NODE)

/* Whether n is the element `name`. */
int pc_build_is(xmlNodePtr n, const char *name);
unsigned pc_build_line_of(xmlNodePtr n);
/* The column of element n's `<`, from the source (libxml2 keeps none). */
unsigned pc_build_col_of(builder *b, xmlNodePtr n);
/* The folded text content of an element, interned (its xml:lang noted). */
const char *pc_build_text(builder *b, xmlNodePtr n);
/* An attribute's value, folded and interned; NULL when absent. */
const char *pc_build_attr(builder *b, xmlNodePtr n, const char *name);
/* The first child element `name`, or NULL. */
xmlNodePtr pc_build_child(xmlNodePtr n, const char *name);
const char *pc_build_child_text(builder *b, xmlNodePtr n, const char *name);
/* A whole-number attribute; dflt when absent or bad (reported). */
int pc_build_parse_int(builder *b, xmlNodePtr n, const char *name, int dflt);
/* A decimal as written, canonical and interned; NULL when absent or bad (reported). */
const char *pc_build_parse_decimal(builder *b, xmlNodePtr n, const char *what, const char *s);
/* 1 for true, 0 for false, -1 when absent. */
int pc_build_parse_bool(const char *s);
/* Index of s in a name table, or -1. */
int pc_build_lookup(const char *const *table, int n, const char *s);
/* A node's header from its element: id, position, and its place in the id index. */
void pc_build_start_node(builder *b, pc_node *n, xmlNodePtr e, pc_kind kind, size_t index);
/* Resolve an id to a node of the wanted kind; report it when it is not one. */
int pc_build_resolve(builder *b, const char *id, pc_kind want, const char *who, const char *who_id, unsigned line,
		     unsigned col, uint32_t *index);
/* A reference to resolve once the whole source is read; nothing when to is NULL. */
void pc_build_add_pending(builder *b, int what, uint32_t from, const char *to, int extra, const char *factor,
			  unsigned line, unsigned col);
/* A construct of format 1.1 the graph does not keep, in a 1.0 source: an error. */
void pc_build_need_version_1_1(builder *b, xmlNodePtr n, const char *what);

/* The law section: its intro, thresholds and instruments (build_law.c). */
void pc_build_law(builder *b, xmlNodePtr n);

#endif
