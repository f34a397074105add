/* Personal names as the person matcher sees them: folded family name, given-name parts, compatibility. */
#include "names.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>
#include <unicode/uscript.h>

#include "alloc.h"
#include "fold.h"

/* ---- Parsing --------------------------------------------------------- */

typedef struct {
	const char *s; /* raw bytes of the word */
	size_t len;
	int dot_after, hyphen_before;
} word;

static UChar32
cp_at(const char *s, size_t len, size_t *i)
{
	UChar32 c;
	U8_NEXT(s, *i, len, c);
	return c;
}

static int
is_dash(UChar32 c)
{
	return c == '-' || u_hasBinaryProperty(c, UCHAR_DASH);
}

static int
is_apostrophe(UChar32 c)
{
	return c == '\'' || c == '`' || c == 0x2018 || c == 0x2019 || c == 0x02bc;
}

/* A word goes on while letters, marks, digits or apostrophes follow. */
static int
in_word(UChar32 c)
{
	return c >= 0 && (u_isalnum(c) || is_apostrophe(c) || (U_GET_GC_MASK(c) & U_GC_M_MASK));
}

static size_t
split_words(const char *s, word *out)
{
	size_t len = strlen(s), i = 0, n = 0;
	int hyphen = 0;
	while (i < len) {
		size_t start = i;
		UChar32 c = cp_at(s, len, &i);
		if (!in_word(c)) {
			if (c == '.' && n > 0 && !out[n - 1].dot_after && out[n - 1].s + out[n - 1].len == s + start)
				out[n - 1].dot_after = 1;
			hyphen |= is_dash(c) && n > 0;
			continue;
		}
		size_t end = i;
		while (end < len) {
			size_t j = end;
			if (!in_word(cp_at(s, len, &j)))
				break;
			end = j;
		}
		out[n++] = (word){s + start, end - start, 0, hyphen};
		hyphen = 0;
		i = end;
	}
	return n;
}

/* Letters only in capitals (and at least one cased letter). */
static int
all_capitals(const char *s, size_t len)
{
	int cased = 0;
	for (size_t i = 0; i < len;) {
		UChar32 c = cp_at(s, len, &i);
		if (u_islower(c))
			return 0;
		cased |= u_isupper(c);
	}
	return cased;
}

static size_t
count_graphemes(const char *s, size_t len)
{
	size_t n = 0;
	while (n < len && !(s[n] & 0x80))
		n++;
	if (n == len)
		return len; /* ASCII: a grapheme a byte */
	n = 0;
	char *copy = pc_strndup(s, len);
	for (const char *p = copy; *p; p += pc_grapheme_len(p))
		n++;
	free(copy);
	return n;
}

static void
add_part(pc_name *n, pc_name_part *parts, pc_strtab *strings, const char *raw, size_t len, int initial, int hyphen)
{
	char *copy = pc_strndup(raw, len);
	char *key = pc_fold_key(copy);
	if (key[0] == '\0') {
		free(key);
		free(copy);
		return;
	}
	if (initial) {
		key[pc_grapheme_len(key)] = '\0';
		copy[pc_grapheme_len(copy)] = '\0';
	}
	pc_name_part *p = &parts[n->n_parts++];
	*p = (pc_name_part){pc_intern(strings, key), pc_intern(strings, copy), initial, hyphen && n->n_parts > 1};
	n->n_full += !initial;
	free(key);
	free(copy);
}

/* The parts as one key: "jean-luc", "j. l.". */
static char *
form_of(const pc_name *n)
{
	size_t len = 1;
	for (size_t i = 0; i < n->n_parts; i++)
		len += strlen(n->parts[i].text) + 2;
	char *out = pc_malloc(len), *o = out;
	for (size_t i = 0; i < n->n_parts; i++) {
		if (i > 0)
			*o++ = n->parts[i].hyphen ? '-' : ' ';
		o = stpcpy(o, n->parts[i].text);
		if (n->parts[i].initial)
			*o++ = '.';
	}
	*o = '\0';
	return out;
}

void
pc_name_parse(pc_name *n, pc_strtab *strings, const char *family, const char *given)
{
	memset(n, 0, sizeof *n);
	char *family_key = pc_fold_key(family ? family : "");
	n->family = pc_intern(strings, family_key);
	free(family_key);
	given = given ? given : "";
	size_t len = strlen(given);
	word *words = pc_malloc((len + 1) * sizeof *words);
	size_t n_words = split_words(given, words);
	/* At most three initials from one word ("JLM"), one part otherwise. */
	pc_name_part *parts = pc_calloc(n_words * 3 + 1, sizeof *parts);
	int shouting = family && all_capitals(family, strlen(family));
	for (size_t w = 0; w < n_words; w++) {
		const word *x = &words[w];
		size_t i = 0, graphemes = count_graphemes(x->s, x->len);
		UChar32 first = cp_at(x->s, x->len, &i);
		int cased = u_hasBinaryProperty(first, UCHAR_CASED);
		if (!x->dot_after && !shouting && graphemes >= 2 && graphemes <= 3 && all_capitals(x->s, x->len)) {
			char *copy = pc_strndup(x->s, x->len);
			for (const char *p = copy; *p; p += pc_grapheme_len(p))
				add_part(n, parts, strings, p, pc_grapheme_len(p), 1, p == copy && x->hyphen_before);
			free(copy);
			continue;
		}
		int initial = x->dot_after || (graphemes == 1 && cased);
		add_part(n, parts, strings, x->s, x->len, initial, x->hyphen_before);
	}
	free(words);
	n->parts = parts;
	char *form = form_of(n);
	n->form = pc_intern(strings, form);
	free(form);
	/* The parts into the arena too, at their size. */
	pc_name_part *kept = pc_strtab_alloc(strings, (n->n_parts + 1) * sizeof *kept);
	memcpy(kept, parts, n->n_parts * sizeof *kept);
	n->parts = kept;
	free(parts);
}

/* ---- Compatibility --------------------------------------------------- */

static int
parts_match(const pc_name_part *a, const pc_name_part *b)
{
	if (!a->initial && !b->initial)
		return strcmp(a->text, b->text) == 0;
	const pc_name_part *init = a->initial ? a : b, *other = a->initial ? b : a;
	size_t n = strlen(init->text);
	return strncmp(init->text, other->text, n) == 0 && pc_grapheme_len(other->text) == n;
}

/* The first name's hyphenated group, when every part of it is in full. */
static size_t
full_first_group(const pc_name *n)
{
	size_t k = 1;
	while (k < n->n_parts && n->parts[k].hyphen)
		k++;
	for (size_t i = 0; i < k; i++)
		if (n->parts[i].initial)
			return 0;
	return k;
}

int
pc_name_compatible(const pc_name *a, const pc_name *b)
{
	if (strcmp(a->family, b->family) != 0)
		return 0;
	if (a->n_parts == 0 || b->n_parts == 0)
		return 1;
	if (!parts_match(&a->parts[0], &b->parts[0]))
		return 0;
	/* "Jean-Luc" and "Jean" both in full are two first names. */
	size_t ga = full_first_group(a), gb = full_first_group(b);
	if (ga && gb) {
		if (ga != gb)
			return 0;
		for (size_t i = 1; i < ga; i++)
			if (strcmp(a->parts[i].text, b->parts[i].text) != 0)
				return 0;
	}
	const pc_name *s = a->n_parts <= b->n_parts ? a : b, *l = s == a ? b : a;
	/* The shorter's other parts, in order, among the longer's: the earliest
	 * match is never worse than a later one, so greedy is exact. */
	size_t j = 1;
	for (size_t i = 1; i < s->n_parts; i++) {
		while (j < l->n_parts && !parts_match(&s->parts[i], &l->parts[j]))
			j++;
		if (j == l->n_parts)
			return 0;
		j++;
	}
	return 1;
}

int
pc_name_subsumes(const pc_name *a, const pc_name *b)
{
	return strcmp(a->form, b->form) != 0 && a->n_parts >= b->n_parts && a->n_full >= b->n_full &&
	       pc_name_compatible(a, b);
}

char *
pc_name_initials(const pc_name *n)
{
	size_t len = 1;
	for (size_t i = 0; i < n->n_parts; i++)
		len += strlen(n->parts[i].raw) + 2;
	char *out = pc_malloc(len), *o = out;
	for (size_t i = 0; i < n->n_parts; i++) {
		if (i > 0)
			*o++ = n->parts[i].hyphen ? '-' : ' ';
		size_t g = pc_grapheme_len(n->parts[i].raw);
		memcpy(o, n->parts[i].raw, g);
		o += g;
		*o++ = '.';
	}
	*o = '\0';
	return out;
}

int
pc_name_family_first_script(const char *family)
{
	if (family == NULL)
		return 0;
	size_t len = strlen(family), i = 0;
	while (i < len) {
		UChar32 c = cp_at(family, len, &i);
		UErrorCode e = U_ZERO_ERROR;
		UScriptCode sc = uscript_getScript(c, &e);
		if (sc == USCRIPT_HAN || sc == USCRIPT_HIRAGANA || sc == USCRIPT_KATAKANA || sc == USCRIPT_HANGUL)
			return 1;
		if (u_isalpha(c))
			return 0;
	}
	return 0;
}
