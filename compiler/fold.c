/* Text folding with ICU: whitespace and NFC for display, case and marks for matching, ASCII for ids. */
#include "fold.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/udata.h>
#include <unicode/unorm2.h>
#include <unicode/ures.h>
#include <unicode/ustring.h>
#include <unicode/utrans.h>

#include "../exporters/swar.h"
#include "alloc.h"

/* ---- UTF-8 <-> UTF-16: ICU's C API works on UTF-16 ------------------- */

typedef struct {
	UChar *s;
	int32_t len, cap;
} ubuf;

/* s as UTF-16, or -1 when s is not valid UTF-8. */
static int
ubuf_from_utf8(ubuf *b, const char *s, size_t n)
{
	UErrorCode e = U_ZERO_ERROR;
	b->cap = (int32_t)n + 1; /* UTF-16 never has more units than UTF-8 bytes */
	b->s = pc_malloc((size_t)b->cap * sizeof *b->s);
	u_strFromUTF8(b->s, b->cap, &b->len, s, (int32_t)n, &e);
	if (U_FAILURE(e)) {
		free(b->s);
		b->s = NULL;
		return -1;
	}
	return 0;
}

static char *
ubuf_to_utf8(const UChar *s, int32_t len)
{
	UErrorCode e = U_ZERO_ERROR;
	int32_t n = 0;
	char *out = pc_malloc((size_t)len * 3 + 1);
	u_strToUTF8(out, len * 3 + 1, &n, s, len, &e);
	if (U_FAILURE(e))
		pc_fatal("UTF-16 to UTF-8: %s", u_errorName(e));
	out[n] = '\0';
	return out;
}

/* Apply a normalizer (or, with fold set, full case folding) to b in place. */
static void
ubuf_normalize(ubuf *b, const UNormalizer2 *norm, int fold)
{
	for (;;) {
		UErrorCode e = U_ZERO_ERROR;
		UChar *out = pc_malloc((size_t)b->cap * sizeof *out);
		int32_t n = fold ? u_strFoldCase(out, b->cap, b->s, b->len, U_FOLD_CASE_DEFAULT, &e)
				 : unorm2_normalize(norm, b->s, b->len, out, b->cap, &e);
		if (e == U_BUFFER_OVERFLOW_ERROR) {
			free(out);
			b->cap = n + 1;
			b->s = pc_realloc(b->s, (size_t)b->cap * sizeof *b->s);
			continue;
		}
		if (U_FAILURE(e))
			pc_fatal("Unicode normalization: %s", u_errorName(e));
		free(b->s);
		b->s = out;
		b->len = n;
		return;
	}
}

static const UNormalizer2 *
normalizer(int nfc)
{
	static const UNormalizer2 *cached[2];
	if (cached[nfc] == NULL) {
		UErrorCode e = U_ZERO_ERROR;
		cached[nfc] = nfc ? unorm2_getNFCInstance(&e) : unorm2_getNFDInstance(&e);
		if (U_FAILURE(e))
			pc_fatal("ICU normalizer: %s", u_errorName(e));
	}
	return cached[nfc];
}

/* ---- Long runs of marks ---------------------------------------------- */

/* ICU puts combining marks in canonical order by insertion sort, quadratic
 * in the length of a run: a hostile source can hold a 1 MB run of marks
 * (50,000 take ICU 3 s). So a long run is decomposed and put in order here
 * first, by a stable counting sort on the combining class, and ICU then
 * finds it ordered, which costs it linear time. Short runs, the only ones
 * real text has, are left to ICU. */
#define LONG_RUN 32

static int
decomposes_to_nonstarter(UChar32 c)
{
	if (u_getCombiningClass(c) != 0)
		return 1;
	if (c < 0x300)
		return 0;
	UChar d[16];
	UErrorCode e = U_ZERO_ERROR;
	int32_t n = unorm2_getDecomposition(normalizer(0), c, d, 16, &e);
	if (n <= 0 || U_FAILURE(e))
		return 0;
	UChar32 first;
	int32_t i = 0;
	U16_NEXT(d, i, n, first);
	return u_getCombiningClass(first) != 0;
}

static int
has_long_run(const ubuf *b)
{
	int run = 0;
	for (int32_t i = 0; i < b->len;) {
		UChar32 c;
		U16_NEXT(b->s, i, b->len, c);
		run = decomposes_to_nonstarter(c) ? run + 1 : 0;
		if (run > LONG_RUN)
			return 1;
	}
	return 0;
}

static void
sort_run(UChar32 *cps, size_t n, UChar32 *tmp)
{
	size_t count[257] = {0};
	for (size_t i = 0; i < n; i++)
		count[u_getCombiningClass(cps[i]) + 1]++;
	for (int k = 0; k < 256; k++)
		count[k + 1] += count[k];
	for (size_t i = 0; i < n; i++)
		tmp[count[u_getCombiningClass(cps[i])]++] = cps[i];
	memcpy(cps, tmp, n * sizeof *cps);
}

/* b decomposed (NFD) with every run of marks in canonical order. */
static void
order_long_runs(ubuf *b)
{
	if (!has_long_run(b))
		return;
	size_t cap = (size_t)b->len * 4 + 1, n = 0;
	UChar32 *cps = pc_malloc(cap * sizeof *cps), *tmp = pc_malloc(cap * sizeof *tmp);
	for (int32_t i = 0; i < b->len;) {
		UChar32 c;
		U16_NEXT(b->s, i, b->len, c);
		UChar d[16];
		UErrorCode e = U_ZERO_ERROR;
		int32_t dn = unorm2_getDecomposition(normalizer(0), c, d, 16, &e);
		if (dn <= 0 || U_FAILURE(e)) {
			cps[n++] = c;
			continue;
		}
		for (int32_t k = 0; k < dn;) {
			UChar32 x;
			U16_NEXT(d, k, dn, x);
			cps[n++] = x;
		}
	}
	for (size_t i = 0; i < n;) {
		size_t j = i;
		while (j < n && u_getCombiningClass(cps[j]) != 0)
			j++;
		if (j - i > 1)
			sort_run(cps + i, j - i, tmp);
		i = j > i ? j : i + 1;
	}
	free(b->s);
	b->cap = (int32_t)(n * 2 + 1);
	b->s = pc_malloc((size_t)b->cap * sizeof *b->s);
	b->len = 0;
	for (size_t i = 0; i < n; i++)
		U16_APPEND_UNSAFE(b->s, b->len, cps[i]);
	free(cps);
	free(tmp);
}

/* ---- NFC ------------------------------------------------------------- */

int
pc_is_ascii(const char *s)
{
	/* Eight bytes at a time: every text of the source passes here. */
	size_t n = strlen(s), i = 0;
	for (; i + 8 <= n; i += 8)
		if (pc_swar_load(s + i) & PC_SWAR_HIGHS)
			return 0;
	for (; i < n; i++)
		if (s[i] & 0x80)
			return 0;
	return 1;
}

int
pc_nfc_is_normalized(const char *s)
{
	if (pc_is_ascii(s))
		return 1;
	ubuf b;
	if (ubuf_from_utf8(&b, s, strlen(s)) < 0)
		return 1; /* not UTF-8: pc_nfc leaves it as it is */
	UErrorCode e = U_ZERO_ERROR;
	int32_t span = unorm2_spanQuickCheckYes(normalizer(1), b.s, b.len, &e);
	free(b.s);
	return U_SUCCESS(e) && span == b.len;
}

char *
pc_nfc(const char *s)
{
	ubuf b;
	if (pc_is_ascii(s) || ubuf_from_utf8(&b, s, strlen(s)) < 0)
		return pc_strdup(s);
	UErrorCode e = U_ZERO_ERROR;
	int32_t span = unorm2_spanQuickCheckYes(normalizer(1), b.s, b.len, &e);
	if (U_SUCCESS(e) && span == b.len) {
		free(b.s);
		return pc_strdup(s);
	}
	order_long_runs(&b);
	ubuf_normalize(&b, normalizer(1), 0);
	char *out = ubuf_to_utf8(b.s, b.len);
	free(b.s);
	return out;
}

const char *
pc_unicode_version(void)
{
	static char text[U_MAX_VERSION_STRING_LENGTH];
	UVersionInfo v;
	u_getUnicodeVersion(v);
	u_versionToString(v, text);
	return text;
}

char *
pc_fold_space(const char *s)
{
	size_t n = strlen(s);
	char *out = pc_malloc(n + 1), *o = out;
	int pending = 0;
	for (; *s; s++) {
		if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') {
			pending = o != out;
			continue;
		}
		if (pending)
			*o++ = ' ';
		pending = 0;
		*o++ = *s;
	}
	*o = '\0';
	/* NFC after folding, on the shorter string: ASCII whitespace neither
	 * composes nor decomposes, and NFC never makes any. */
	if (!pc_nfc_is_normalized(out)) {
		char *nfc = pc_nfc(out);
		free(out);
		out = nfc;
	}
	return out;
}

/* ---- Transliteration ------------------------------------------------- */

enum { TR_LATIN_ASCII, TR_ANY_ASCII, TR_COUNT };
static UTransliterator *translit[TR_COUNT];
static int by_id; /* pc_fold_latin_ascii_by_id */

/* Remove the first `step` from the rules in r (NUL-terminated); 0 when absent. */
static int
drop_step(UChar *r, const char *step)
{
	UChar s[32];
	u_uastrcpy(s, step);
	UChar *p = u_strstr(r, s);
	if (p == NULL)
		return 0;
	int32_t n = u_strlen(s);
	memmove(p, p + n, (size_t)(u_strlen(p + n) + 1) * sizeof *p);
	return 1;
}

/* ICU's own Latin-ASCII rules (its translit data), less their NFD and NFC
 * steps. Opening a transliterator by id, or from rules that name another
 * one, first builds ICU's registry of every transliterator: 11 ms and 150 M
 * instructions, ten times what validating a 40 KB profile takes otherwise.
 * These rules name none (1.5 ms). fold() puts the text in NFD with its
 * marks stripped before, and in NFC after (the NFC of pieces in NFC is the
 * NFC of the whole), so the keys are the same: tests/check_nfc.c compares
 * them with the transliterator opened by id, code point by code point.
 * NULL when ICU's data is not as expected; the id is used then. */
static UTransliterator *
open_latin_ascii_rules(void)
{
	UErrorCode e = U_ZERO_ERROR;
	UResourceBundle *root = ures_openDirect(U_ICUDATA_NAME U_TREE_SEPARATOR_STRING "translit", "root", &e);
	UResourceBundle *ids = ures_getByKey(root, "RuleBasedTransliteratorIDs", NULL, &e);
	UResourceBundle *entry = ures_getByKey(ids, "Latin-ASCII", NULL, &e);
	UResourceBundle *file = ures_getByKey(entry, "file", NULL, &e);
	int32_t len = 0;
	const UChar *rules = ures_getStringByKey(file, "resource", &len, &e);
	UTransliterator *t = NULL;
	if (U_SUCCESS(e) && len > 0) {
		UChar *r = pc_malloc(((size_t)len + 1) * sizeof *r);
		u_strncpy(r, rules, len);
		r[len] = 0;
		if (drop_step(r, ":: NFD() ;") && drop_step(r, ":: NFC() ;")) {
			UChar id[] = {'x', '-', 'l', 'a', 't', 'i', 'n', 'a', 's', 'c', 'i', 'i', 0};
			UParseError pe;
			t = utrans_openU(id, -1, UTRANS_FORWARD, r, u_strlen(r), &pe, &e);
			if (U_FAILURE(e))
				t = NULL;
		}
		free(r);
	}
	ures_close(file);
	ures_close(entry);
	ures_close(ids);
	ures_close(root);
	return t;
}

static UTransliterator *
transliterator(int which)
{
	static const char *const ids[TR_COUNT] = {"Latin-ASCII", "Any-Latin; Latin-ASCII"};
	if (translit[which] == NULL && which == TR_LATIN_ASCII && !by_id)
		translit[which] = open_latin_ascii_rules();
	if (translit[which] == NULL) {
		UChar id[64];
		u_uastrcpy(id, ids[which]);
		UErrorCode e = U_ZERO_ERROR;
		translit[which] = utrans_openU(id, -1, UTRANS_FORWARD, NULL, 0, NULL, &e);
		if (U_FAILURE(e))
			pc_fatal("ICU transliterator %s: %s", ids[which], u_errorName(e));
	}
	return translit[which];
}

void
pc_fold_latin_ascii_by_id(int on)
{
	if (translit[TR_LATIN_ASCII] != NULL)
		utrans_close(translit[TR_LATIN_ASCII]);
	translit[TR_LATIN_ASCII] = NULL;
	by_id = on;
}

static void
ubuf_transliterate(ubuf *b, int which)
{
	/* ICU may have changed the text when it reports an overflow: start
	 * again from a copy, with room for the length it asked for. */
	UChar *orig = pc_malloc(((size_t)b->len + 1) * sizeof *orig);
	int32_t orig_len = b->len;
	memcpy(orig, b->s, (size_t)b->len * sizeof *orig);
	if (b->cap < b->len * 4 + 16) {
		b->cap = b->len * 4 + 16;
		b->s = pc_realloc(b->s, (size_t)b->cap * sizeof *b->s);
	}
	for (;;) {
		UErrorCode e = U_ZERO_ERROR;
		int32_t len = b->len, limit = b->len;
		utrans_transUChars(transliterator(which), b->s, &len, b->cap, 0, &limit, &e);
		if (e == U_BUFFER_OVERFLOW_ERROR) {
			b->cap = (len > b->cap ? len : b->cap) * 2 + 16;
			b->s = pc_realloc(b->s, (size_t)b->cap * sizeof *b->s);
			memcpy(b->s, orig, (size_t)orig_len * sizeof *orig);
			b->len = orig_len;
			continue;
		}
		if (U_FAILURE(e))
			pc_fatal("transliteration: %s", u_errorName(e));
		b->len = len;
		break;
	}
	free(orig);
}

static UBreakIterator *graphemes;

void
pc_fold_cleanup(void)
{
	if (graphemes)
		ubrk_close(graphemes);
	graphemes = NULL;
	for (int i = 0; i < TR_COUNT; i++) {
		if (translit[i])
			utrans_close(translit[i]);
		translit[i] = NULL;
	}
}

char *
pc_ascii(const char *s)
{
	ubuf b;
	if (pc_is_ascii(s) || ubuf_from_utf8(&b, s, strlen(s)) < 0)
		return pc_strdup(s);
	ubuf_transliterate(&b, TR_ANY_ASCII);
	char *out = ubuf_to_utf8(b.s, b.len);
	free(b.s);
	/* What has no Latin form (symbols, unassigned) is dropped. */
	char *w = out;
	for (const char *p = out; *p; p++)
		if (!(*p & 0x80))
			*w++ = *p;
	*w = '\0';
	return out;
}

/* ---- Matching keys --------------------------------------------------- */

static int
is_apostrophe(UChar32 c)
{
	return c == '\'' || c == '`' || c == 0x2018 || c == 0x2019 || c == 0x02bc || c == 0x00b4 || c == 0x2032;
}

/* Kept in a title key: what distinguishes "C++" from "C", "C#", "100%". */
static int
is_title_symbol(UChar32 c)
{
	if (c == '#' || c == '%' || c == '&' || c == '@' || c == '*')
		return 1;
	int8_t t = u_charType(c);
	return t == U_MATH_SYMBOL || t == U_CURRENCY_SYMBOL || t == U_OTHER_SYMBOL;
}

/* ASCII-only text: lower case, letters and digits, the rest as spaces. */
static char *
fold_ascii(const char *s, int title)
{
	char *out = pc_malloc(strlen(s) + 1), *o = out;
	int pending = 0;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		unsigned c = *p;
		if (c == '\'' || c == '`')
			continue;
		int keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') ||
			   (title && is_title_symbol((UChar32)c));
		if (!keep) {
			pending = 1;
			continue;
		}
		if (pending && o != out)
			*o++ = ' ';
		pending = 0;
		*o++ = (char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
	}
	*o = '\0';
	return out;
}

static char *
fold(const char *s, int title)
{
	ubuf b;
	if (pc_is_ascii(s) || ubuf_from_utf8(&b, s, strlen(s)) < 0)
		return fold_ascii(s, title);
	order_long_runs(&b);
	ubuf_normalize(&b, normalizer(0), 0);
	/* By code point: a mark past U+FFFF is two units, neither a mark. */
	int32_t w = 0;
	for (int32_t i = 0; i < b.len;) {
		int32_t start = i;
		UChar32 c;
		U16_NEXT(b.s, i, b.len, c);
		int8_t t = u_charType(c);
		if (t != U_NON_SPACING_MARK && t != U_ENCLOSING_MARK)
			while (start < i)
				b.s[w++] = b.s[start++];
	}
	b.len = w;
	ubuf_normalize(&b, NULL, 1);
	ubuf_transliterate(&b, TR_LATIN_ASCII);
	ubuf_normalize(&b, normalizer(1), 0); /* Hangul syllables and the like again */
	UChar *out = pc_malloc(((size_t)b.len + 1) * sizeof *out);
	int32_t n = 0;
	int pending = 0;
	for (int32_t i = 0; i < b.len;) {
		int32_t start = i;
		UChar32 c;
		U16_NEXT(b.s, i, b.len, c);
		if (is_apostrophe(c))
			continue;
		int8_t t = u_charType(c);
		int keep = u_isalnum(c) || t == U_COMBINING_SPACING_MARK || (title && is_title_symbol(c));
		if (!keep) {
			pending = 1;
			continue;
		}
		if (pending && n > 0)
			out[n++] = ' ';
		pending = 0;
		while (start < i)
			out[n++] = b.s[start++];
	}
	char *utf8 = ubuf_to_utf8(out, n);
	free(out);
	free(b.s);
	return utf8;
}

char *
pc_fold_key(const char *s)
{
	return fold(s, 0);
}

char *
pc_fold_title(const char *s)
{
	return fold(s, 1);
}

size_t
pc_grapheme_len(const char *s)
{
	if (*s == '\0')
		return 0;
	/* Below U+0300 nothing extends a grapheme (no mark, joiner, jamo or
	 * regional indicator): the first character is the whole grapheme. */
	size_t n = strlen(s), i = 0;
	UChar32 c1, c2 = 0;
	U8_NEXT(s, i, n, c1);
	size_t first = i;
	if (i < n)
		U8_NEXT(s, i, n, c2);
	if (c1 >= 0 && c1 != '\r' && c2 >= 0 && c2 < 0x300)
		return first;
	if (n > 64)
		n = 64; /* a grapheme is shorter; cut at a character boundary below */
	while (n > 0 && (s[n] & 0xc0) == 0x80)
		n--;
	ubuf b;
	if (ubuf_from_utf8(&b, s, n) < 0)
		return 1;
	UErrorCode e = U_ZERO_ERROR;
	if (graphemes == NULL)
		graphemes = ubrk_open(UBRK_CHARACTER, "", NULL, 0, &e);
	if (U_SUCCESS(e))
		ubrk_setText(graphemes, b.s, b.len, &e);
	int32_t end = U_SUCCESS(e) ? ubrk_following(graphemes, 0) : 1;
	if (end == UBRK_DONE || end <= 0)
		end = b.len;
	/* Back to UTF-8 bytes. */
	int32_t bytes = 0;
	UErrorCode e2 = U_ZERO_ERROR;
	u_strToUTF8(NULL, 0, &bytes, b.s, end, &e2);
	free(b.s);
	return bytes > 0 ? (size_t)bytes : 1;
}
