/* Text folding: whitespace and NFC for display, accents and punctuation for matching. */
#include "fold.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "nfc.h"

char *
pc_fold_space(const char *s)
{
	size_t n = strlen(s);
	char *out = pc_malloc(n + 1), *o = out;
	int pending = 0;
	unsigned char bytes = 0; /* every byte OR'ed: ASCII text needs no NFC */
	for (; *s; s++) {
		bytes |= (unsigned char)*s;
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
	/* NFC after folding, on the shorter string: the order does not matter,
	 * since ASCII whitespace neither composes nor decomposes, and NFC never
	 * makes any. */
	if ((bytes & 0x80) && !pc_nfc_is_normalized(out)) {
		char *nfc = pc_nfc(out);
		free(out);
		out = nfc;
	}
	return out;
}

/* Decode one UTF-8 sequence; invalid bytes come back as themselves. */
static uint32_t
next_cp(const unsigned char **pp)
{
	const unsigned char *p = *pp;
	uint32_t c = *p++;
	int extra = 0;
	if (c >= 0xf0 && c < 0xf8) {
		c &= 0x07;
		extra = 3;
	} else if (c >= 0xe0) {
		c &= 0x0f;
		extra = 2;
	} else if (c >= 0xc0) {
		c &= 0x1f;
		extra = 1;
	}
	for (; extra > 0 && (*p & 0xc0) == 0x80; extra--)
		c = (c << 6) | (*p++ & 0x3f);
	*pp = p;
	return c;
}

/* Base letters of U+00C0..U+017F (Latin-1 Supplement and Latin Extended-A);
 * '\0' where the character is not a letter with a plain base. */
static const char latin_base[] = "aaaaaaaceeeeiiii"  /* C0-CF */
				 "dnooooo\0ouuuuyts" /* D0-DF: D7 is x (multiplication), DE thorn, DF sharp s */
				 "aaaaaaaceeeeiiii"  /* E0-EF */
				 "dnooooo\0ouuuuyty" /* F0-FF */
				 "aaaaaaccccccccdd"  /* 100-10F */
				 "ddeeeeeeeeeegggg"  /* 110-11F */
				 "gggghhhhiiiiiiii"  /* 120-12F */
				 "iiiijjkkklllllll"  /* 130-13F */
				 "lllnnnnnnnnnoooo"  /* 140-14F */
				 "oooorrrrrrssssss"  /* 150-15F */
				 "ssttttttuuuuuuuu"  /* 160-16F */
				 "uuuuwwyyyzzzzzzs"; /* 170-17F */

static int
is_apostrophe(uint32_t c)
{
	return c == '\'' || c == '`' || c == 0x2018 || c == 0x2019 || c == 0x02bc || c == 0x00b4;
}

char *
pc_fold_key(const char *s)
{
	size_t n = strlen(s);
	char *out = pc_malloc(n + 1), *o = out;
	const unsigned char *p = (const unsigned char *)s;
	int pending = 0;
	while (*p) {
		const unsigned char *start = p;
		uint32_t c = next_cp(&p);
		char base = 0;
		if (c < 0x80) {
			if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
				base = (char)c;
			else if (c >= 'A' && c <= 'Z')
				base = (char)(c - 'A' + 'a');
		} else if (c >= 0xc0 && c <= 0x17f) {
			base = latin_base[c - 0xc0];
		} else if (c == 0x218 || c == 0x219) { /* Romanian Ș ș with comma below */
			base = 's';
		} else if (c == 0x21a || c == 0x21b) { /* Ț ț */
			base = 't';
		}
		if (is_apostrophe(c))
			continue;
		if (c >= 0x300 && c <= 0x36f) /* a combining accent, as in decomposed text */
			continue;
		if (base) {
			if (pending && o != out)
				*o++ = ' ';
			pending = 0;
			*o++ = base;
			if (c == 0xdf || c == 0xc6 || c == 0xe6) /* ß -> ss, Æ æ -> ae */
				*o++ = c == 0xdf ? 's' : 'e';
		} else if (c >= 0x80 && !(c >= 0x2000 && c <= 0x206f) && c != 0xa0 && !(c >= 0xa1 && c <= 0xbf)) {
			/* A letter of another script: keep it as written. */
			if (pending && o != out)
				*o++ = ' ';
			pending = 0;
			memcpy(o, start, (size_t)(p - start));
			o += p - start;
		} else {
			pending = 1; /* punctuation, spaces, symbols */
		}
	}
	*o = '\0';
	return out;
}

char
pc_fold_initial(const char *given)
{
	if (given == NULL)
		return 0;
	char *k = pc_fold_key(given);
	char c = k[0];
	free(k);
	return c;
}
