/* String interning: every string of a graph lives once, in one arena. */
#ifndef PC_STRTAB_H
#define PC_STRTAB_H

#include <stddef.h>

typedef struct pc_strtab {
	struct pc_strchunk *chunks; /* arena, freed as a whole */
	const char **slots;         /* open-addressing hash table of interned strings */
	size_t n_slots, n_used;
} pc_strtab;

void pc_strtab_init(pc_strtab *t);
void pc_strtab_free(pc_strtab *t);
/* The interned copy of s[0..len), NUL-terminated; equal strings share one copy. */
const char *pc_intern_n(pc_strtab *t, const char *s, size_t len);
const char *pc_intern(pc_strtab *t, const char *s); /* NULL gives NULL */
/* The interned copy of s, or NULL when s was never interned. */
const char *pc_strtab_find(const pc_strtab *t, const char *s);
/* A copy of s[0..len), NUL-terminated, in the arena but not interned: for
 * long texts, which are seldom equal and cost the hash most. */
const char *pc_strtab_store(pc_strtab *t, const char *s, size_t len);
/* Arena memory that lives as long as the table (not interned). */
void *pc_strtab_alloc(pc_strtab *t, size_t size);

#endif
