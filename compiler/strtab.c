/* String interning in an arena with an open-addressing hash table. */
#include "strtab.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"

#define CHUNK_SIZE (64 * 1024)

struct pc_strchunk {
	struct pc_strchunk *next;
	size_t used, size;
	_Alignas(16) char data[];
};

void
pc_strtab_init(pc_strtab *t)
{
	memset(t, 0, sizeof *t);
}

void
pc_strtab_free(pc_strtab *t)
{
	if (t == NULL)
		return;
	struct pc_strchunk *c = t->chunks;
	while (c != NULL) {
		struct pc_strchunk *next = c->next;
		free(c);
		c = next;
	}
	free(t->slots);
	memset(t, 0, sizeof *t);
}

/* n bytes at the arena's end, `align` a power of two: a new chunk when the
 * last one cannot hold them. */
static char *
arena_take(pc_strtab *t, size_t n, size_t align)
{
	struct pc_strchunk *c = t->chunks;
	size_t at = c ? (c->used + align - 1) & ~(align - 1) : 0;
	if (c == NULL || at > c->size || c->size - at < n) {
		size_t want = n > CHUNK_SIZE ? n : CHUNK_SIZE;
		c = pc_malloc(sizeof *c + want);
		c->used = 0;
		c->size = want;
		c->next = t->chunks;
		t->chunks = c;
		at = 0;
	}
	c->used = at + n;
	return c->data + at;
}

void *
pc_strtab_alloc(pc_strtab *t, size_t size)
{
	void *p = arena_take(t, size, 16);
	memset(p, 0, size);
	return p;
}

static uint64_t
hash(const char *s, size_t len)
{
	uint64_t h = 1469598103934665603ull; /* FNV-1a */
	for (size_t i = 0; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ull;
	}
	return h;
}

static void
grow(pc_strtab *t)
{
	size_t n = t->n_slots ? t->n_slots * 2 : 1024;
	const char **slots = pc_calloc(n, sizeof *slots);
	for (size_t i = 0; i < t->n_slots; i++) {
		const char *s = t->slots[i];
		if (s == NULL)
			continue;
		size_t j = hash(s, strlen(s)) & (n - 1);
		while (slots[j] != NULL)
			j = (j + 1) & (n - 1);
		slots[j] = s;
	}
	free(t->slots);
	t->slots = slots;
	t->n_slots = n;
}

const char *
pc_strtab_store(pc_strtab *t, const char *s, size_t len)
{
	/* Strings end to end, unaligned: rounding each up to 16 bytes cost
	 * a twentieth of a large profile's strings. */
	char *copy = arena_take(t, len + 1, 1);
	memcpy(copy, s, len);
	copy[len] = '\0';
	return copy;
}

const char *
pc_intern_n(pc_strtab *t, const char *s, size_t len)
{
	/* Up to three quarters full: linear probing stays short, and a
	 * large profile's table is often half the size it is at one half full. */
	if (t->n_used * 4 >= t->n_slots * 3)
		grow(t);
	size_t j = hash(s, len) & (t->n_slots - 1);
	while (t->slots[j] != NULL) {
		const char *e = t->slots[j];
		if (strncmp(e, s, len) == 0 && e[len] == '\0')
			return e;
		j = (j + 1) & (t->n_slots - 1);
	}
	const char *copy = pc_strtab_store(t, s, len);
	t->slots[j] = copy;
	t->n_used++;
	return copy;
}

const char *
pc_strtab_find(const pc_strtab *t, const char *s)
{
	if (t->n_slots == 0)
		return NULL;
	size_t len = strlen(s);
	for (size_t j = hash(s, len) & (t->n_slots - 1); t->slots[j] != NULL; j = (j + 1) & (t->n_slots - 1))
		if (strcmp(t->slots[j], s) == 0)
			return t->slots[j];
	return NULL;
}

const char *
pc_intern(pc_strtab *t, const char *s)
{
	return s == NULL ? NULL : pc_intern_n(t, s, strlen(s));
}
