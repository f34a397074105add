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

/* The ids a generated id must not take: every id of the graph but those of
 * one kind (the kind being named), sorted for a binary search. */
typedef struct {
	const char **ids;
	size_t n;
} pc_id_set;
void pc_id_set_init(pc_id_set *set, const pc_graph *g, pc_kind except);
int pc_id_set_has(const pc_id_set *set, const char *id);
void pc_id_set_free(pc_id_set *set);

/* The first n hex digits of the SHA-256 of s: a short name for s alone. */
void pc_short_hash(const char *s, char *out, size_t n);

#endif
