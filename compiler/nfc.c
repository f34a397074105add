/* Unicode Normalization Form C (UAX #15): decompose, order the marks, recompose. */
#include "nfc.h"

#include <stdlib.h>
#include <string.h>

#include "alloc.h"

/* Hangul syllables are composed by arithmetic (Unicode ch. 3.12), not tables. */
enum {
	S_BASE = 0xac00,
	L_BASE = 0x1100,
	V_BASE = 0x1161,
	T_BASE = 0x11a7,
	L_COUNT = 19,
	V_COUNT = 21,
	T_COUNT = 28,
	N_COUNT = V_COUNT * T_COUNT,
	S_COUNT = L_COUNT * N_COUNT,
};

/* A byte that is not valid UTF-8 travels as RAW_BYTE | byte: a starter that
 * composes with nothing, written back out as the byte itself. */
#define RAW_BYTE 0x80000000u

/* Runs of combining marks longer than this are ordered by counting sort, so
 * that a hostile run of marks costs linear time, not quadratic. */
#define SHORT_RUN 16

/* Decode one scalar value; anything invalid (stray or missing continuation
 * bytes, overlong forms, surrogates, beyond U+10FFFF) is one RAW_BYTE. */
static size_t
decode(const unsigned char *p, uint32_t *cp)
{
	uint32_t c = p[0], min;
	size_t n;
	if (c < 0x80) {
		*cp = c;
		return 1;
	} else if (c >= 0xc2 && c <= 0xdf) {
		n = 2, c &= 0x1f, min = 0x80;
	} else if (c >= 0xe0 && c <= 0xef) {
		n = 3, c &= 0x0f, min = 0x800;
	} else if (c >= 0xf0 && c <= 0xf4) {
		n = 4, c &= 0x07, min = 0x10000;
	} else {
		*cp = RAW_BYTE | c;
		return 1;
	}
	for (size_t i = 1; i < n; i++) {
		if ((p[i] & 0xc0) != 0x80) { /* also stops at the terminating NUL */
			*cp = RAW_BYTE | p[0];
			return 1;
		}
		c = (c << 6) | (p[i] & 0x3f);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff)) {
		*cp = RAW_BYTE | p[0];
		return 1;
	}
	*cp = c;
	return n;
}

static size_t
encode(uint32_t c, char *o)
{
	if (c & RAW_BYTE) {
		o[0] = (char)(c & 0xff);
		return 1;
	} else if (c < 0x80) {
		o[0] = (char)c;
		return 1;
	} else if (c < 0x800) {
		o[0] = (char)(0xc0 | c >> 6);
		o[1] = (char)(0x80 | (c & 0x3f));
		return 2;
	} else if (c < 0x10000) {
		o[0] = (char)(0xe0 | c >> 12);
		o[1] = (char)(0x80 | (c >> 6 & 0x3f));
		o[2] = (char)(0x80 | (c & 0x3f));
		return 3;
	}
	o[0] = (char)(0xf0 | c >> 18);
	o[1] = (char)(0x80 | (c >> 12 & 0x3f));
	o[2] = (char)(0x80 | (c >> 6 & 0x3f));
	o[3] = (char)(0x80 | (c & 0x3f));
	return 4;
}

static uint8_t
ccc(uint32_t c)
{
	if (c < PC_NFC_STABLE_BELOW || c > 0x10ffff)
		return 0;
	size_t lo = 0, hi = pc_nfc_n_ccc;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (c < pc_nfc_ccc[mid].first)
			hi = mid;
		else if (c > pc_nfc_ccc[mid].last)
			lo = mid + 1;
		else
			return pc_nfc_ccc[mid].ccc;
	}
	return 0;
}

/* NFC_Quick_Check is No or Maybe. */
static int
unstable(uint32_t c)
{
	if (c < PC_NFC_STABLE_BELOW || c > 0x10ffff)
		return 0;
	size_t lo = 0, hi = pc_nfc_n_unstable;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (c < pc_nfc_unstable[mid].first)
			hi = mid;
		else if (c > pc_nfc_unstable[mid].last)
			lo = mid + 1;
		else
			return 1;
	}
	return 0;
}

static const pc_nfc_decomp *
find_decomp(uint32_t c)
{
	if (c < pc_nfc_decomps[0].cp || c > 0x10ffff)
		return NULL;
	size_t lo = 0, hi = pc_nfc_n_decomps;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (c < pc_nfc_decomps[mid].cp)
			hi = mid;
		else if (c > pc_nfc_decomps[mid].cp)
			lo = mid + 1;
		else
			return &pc_nfc_decomps[mid];
	}
	return NULL;
}

/* The primary composite of a and b, or 0. */
static uint32_t
compose(uint32_t a, uint32_t b)
{
	if (a - L_BASE < L_COUNT && b - V_BASE < V_COUNT)
		return S_BASE + ((a - L_BASE) * V_COUNT + (b - V_BASE)) * T_COUNT;
	if (a - S_BASE < S_COUNT && (a - S_BASE) % T_COUNT == 0 && b - T_BASE - 1 < T_COUNT - 1)
		return a + (b - T_BASE);
	size_t lo = 0, hi = pc_nfc_n_pairs;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const pc_nfc_pair *p = &pc_nfc_pairs[mid];
		if (a < p->first || (a == p->first && b < p->second))
			hi = mid;
		else if (a > p->first || b > p->second)
			lo = mid + 1;
		else
			return p->composite;
	}
	return 0;
}

/* The Quick_Check: 1 when s is in NFC. Otherwise *boundary gets the offset
 * of a character before which nothing can change, and that nothing after can
 * reach (a starter whose Quick_Check is Yes: gen_nfc.py checks that). */
static int
quick_check(const unsigned char *s, size_t *boundary)
{
	const unsigned char *p = s;
	size_t safe = 0;
	uint8_t last = 0;
	while (*p) {
		if (*p < 0x80) { /* ASCII: starters, and nothing before composes with them */
			while (p[1] != 0 && p[1] < 0x80)
				p++;
			safe = (size_t)(p - s);
			last = 0;
			p++;
			continue;
		}
		size_t at = (size_t)(p - s);
		uint32_t c;
		p += decode(p, &c);
		uint8_t k = ccc(c);
		if ((k != 0 && last > k) || unstable(c)) {
			*boundary = safe;
			return 0;
		}
		if (k == 0)
			safe = at;
		last = k;
	}
	return 1;
}

int
pc_nfc_is_normalized(const char *s)
{
	size_t boundary;
	return quick_check((const unsigned char *)s, &boundary);
}

/* Append the full canonical decomposition of c to cp/cc at n; the new n. */
static size_t
decompose(uint32_t c, uint32_t *cp, uint8_t *cc, size_t n)
{
	if (c - S_BASE < S_COUNT) {
		uint32_t s = c - S_BASE;
		cp[n] = L_BASE + s / N_COUNT, cc[n++] = 0;
		cp[n] = V_BASE + s % N_COUNT / T_COUNT, cc[n++] = 0;
		if (s % T_COUNT != 0)
			cp[n] = T_BASE + s % T_COUNT, cc[n++] = 0;
		return n;
	}
	const pc_nfc_decomp *d = find_decomp(c);
	if (d == NULL) {
		cp[n] = c, cc[n++] = ccc(c);
		return n;
	}
	for (size_t i = 0; i < d->len; i++) {
		uint32_t x = pc_nfc_decomp_cps[d->at + i];
		cp[n] = x, cc[n++] = ccc(x);
	}
	return n;
}

/* Put the run of marks cp[a..b) in the canonical order: a stable sort by
 * combining class. tmp has room for b - a code points. */
static void
order_run(uint32_t *cp, uint8_t *cc, size_t a, size_t b, uint32_t *tmp)
{
	if (b - a <= SHORT_RUN) {
		for (size_t i = a + 1; i < b; i++)
			for (size_t j = i; j > a && cc[j - 1] > cc[j]; j--) {
				uint32_t t = cp[j];
				cp[j] = cp[j - 1], cp[j - 1] = t;
				uint8_t u = cc[j];
				cc[j] = cc[j - 1], cc[j - 1] = u;
			}
		return;
	}
	size_t count[256] = {0}, start[256], sum = 0;
	for (size_t i = a; i < b; i++)
		count[cc[i]]++;
	for (int k = 0; k < 256; k++)
		start[k] = sum, sum += count[k];
	for (size_t i = a; i < b; i++)
		tmp[start[cc[i]]++] = cp[i];
	size_t i = a;
	for (int k = 0; k < 256; k++)
		for (size_t m = 0; m < count[k]; m++, i++)
			cp[i] = tmp[i - a], cc[i] = (uint8_t)k;
}

/* Canonical composition in place (UAX #15, D117); the new length. */
static size_t
recompose(uint32_t *cp, uint8_t *cc, size_t n)
{
	if (n == 0)
		return 0;
	size_t starter = 0, w = 1;
	/* 256: no starter yet, so nothing may compose. */
	int last = cc[0] == 0 ? 0 : 256;
	for (size_t r = 1; r < n; r++) {
		uint32_t c = cp[r], composite;
		int k = cc[r];
		/* Not blocked: nothing stands between the starter and c, or what
		 * stands there has a lower class than c. */
		if ((last == 0 || last < k) && (composite = compose(cp[starter], c)) != 0) {
			cp[starter] = composite;
			continue;
		}
		if (k == 0)
			starter = w;
		last = k;
		cp[w] = c, cc[w] = (uint8_t)k;
		w++;
	}
	return w;
}

char *
pc_nfc(const char *utf8)
{
	const unsigned char *s = (const unsigned char *)utf8;
	size_t boundary;
	if (quick_check(s, &boundary))
		return pc_strdup(utf8);
	/* What precedes the boundary is in NFC and stays as it is. */
	const unsigned char *p = s + boundary;
	size_t rest = strlen((const char *)p);
	size_t cap = rest * PC_NFC_MAX_DECOMP; /* at most one code point per byte */
	uint32_t *cp = pc_malloc(cap * sizeof *cp);
	uint8_t *cc = pc_malloc(cap);
	size_t n = 0;
	while (*p) {
		uint32_t c;
		p += decode(p, &c);
		n = decompose(c, cp, cc, n);
	}
	uint32_t *tmp = NULL;
	for (size_t i = 0; i < n;) {
		if (cc[i] == 0) {
			i++;
			continue;
		}
		size_t j = i + 1;
		while (j < n && cc[j] != 0)
			j++;
		if (j - i > SHORT_RUN && tmp == NULL)
			tmp = pc_malloc(n * sizeof *tmp);
		order_run(cp, cc, i, j, tmp);
		i = j;
	}
	free(tmp);
	n = recompose(cp, cc, n);
	char *out = pc_malloc(boundary + n * 4 + 1), *o = out + boundary;
	memcpy(out, utf8, boundary);
	for (size_t i = 0; i < n; i++)
		o += encode(cp[i], o);
	*o = '\0';
	free(cp);
	free(cc);
	return out;
}
