/* The normalizer's steps (normalize.c runs them) and the id helpers they share. */
#ifndef PC_NORMALIZE_H
#define PC_NORMALIZE_H

#include <stddef.h>

#include "compiler.h"

/* One person per real person (persons.c). */
void pc_resolve_persons(pc_graph *g, pc_diag *d);
/* One publication per work, near-duplicates related (publications.c). */
void pc_merge_publications(pc_graph *g, pc_diag *d);

/* The why of each decision, as `dump` and `validate --show-merges` print it. */
#define PC_WHY_DUPLICATE                                                                                               \
	"same title, subtitle, year and authors after folding case, marks and punctuation (a subtitle left out "       \
	"agrees with the only one given)"
#define PC_WHY_NEAR_DUPLICATE "same title and year, but another subtitle, edition or author list: both kept"

/* Append key to out as an id slug: ASCII letters and digits kept, a space
 * becomes one hyphen, anything else is dropped; out stays under cap. */
void pc_slug_append(char *out, size_t cap, const char *key);

/* Whether a node of another kind than `except` has the id (a generated
 * id must not take it). */
int pc_id_taken(const pc_graph *g, pc_kind except, const char *id);

/* The first n hex digits of the SHA-256 of s: a short name for s alone. */
void pc_short_hash(const char *s, char *out, size_t n);

#endif
