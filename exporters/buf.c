/* A growable byte buffer and the escaping every exporter shares. */
#include "buf.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../compiler/alloc.h"
#include "swar.h"

void
pc_buf_init(pc_buf *b)
{
	memset(b, 0, sizeof *b);
}

void
pc_buf_free(pc_buf *b)
{
	if (b == NULL)
		return;
	free(b->data);
	memset(b, 0, sizeof *b);
}

void
pc_buf_reset(pc_buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

static void
reserve(pc_buf *b, size_t extra)
{
	if (b->len + extra + 1 <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 256;
	while (cap < b->len + extra + 1)
		cap *= 2;
	b->data = pc_realloc(b->data, cap);
	b->cap = cap;
}

void
pc_buf_add(pc_buf *b, const char *s, size_t n)
{
	reserve(b, n);
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void
pc_buf_puts(pc_buf *b, const char *s)
{
	pc_buf_add(b, s, strlen(s));
}

void
pc_buf_putc(pc_buf *b, char c)
{
	reserve(b, 1);
	b->data[b->len++] = c;
	b->data[b->len] = '\0';
}

void
pc_buf_printf(pc_buf *b, const char *fmt, ...)
{
	/* Straight into the free space; a second pass only when it did not fit. */
	reserve(b, 64);
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(b->data + b->len, b->cap - b->len, fmt, ap);
	va_end(ap);
	if (n <= 0) {
		b->data[b->len] = '\0';
		return;
	}
	if ((size_t)n >= b->cap - b->len) {
		reserve(b, (size_t)n);
		va_start(ap, fmt);
		vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
		va_end(ap);
	}
	b->len += (size_t)n;
}

void
pc_buf_xml(pc_buf *b, const char *s)
{
	/* From one character to escape to the next (strcspn looks at many
	 * bytes at a time: most text has none). */
	for (;;) {
		size_t n = strcspn(s, "&<>\"'");
		pc_buf_add(b, s, n);
		s += n;
		const char *rep;
		switch (*s) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '"': rep = "&quot;"; break;
		case '\'': rep = "&#39;"; break;
		default: return; /* the end */
		}
		pc_buf_puts(b, rep);
		s++;
	}
}

/* How many of the n bytes from s on need no JSON escape: none below
 * U+0020, no '"', no '\\'; eight at a time while a word has none. */
static size_t
json_plain(const char *s, size_t n)
{
	size_t i = 0;
	for (; i + 8 <= n; i += 8) {
		uint64_t w = pc_swar_load(s + i);
		if ((pc_swar_any_below(w, 0x20) | pc_swar_eq(w, '"') | pc_swar_eq(w, '\\')) != 0)
			break;
	}
	while (i < n && (unsigned char)s[i] >= 0x20 && s[i] != '"' && s[i] != '\\')
		i++;
	return i;
}

void
pc_buf_json_str(pc_buf *b, const char *s)
{
	if (s == NULL) {
		pc_buf_puts(b, "null");
		return;
	}
	size_t n = strlen(s), i = 0;
	pc_buf_putc(b, '"');
	for (;;) {
		size_t run = json_plain(s + i, n - i);
		pc_buf_add(b, s + i, run);
		i += run;
		if (i == n)
			break;
		unsigned char c = (unsigned char)s[i++];
		switch (c) {
		case '"': pc_buf_puts(b, "\\\""); break;
		case '\\': pc_buf_puts(b, "\\\\"); break;
		case '\n': pc_buf_puts(b, "\\n"); break;
		case '\r': pc_buf_puts(b, "\\r"); break;
		case '\t': pc_buf_puts(b, "\\t"); break;
		default: pc_buf_printf(b, "\\u%04x", c);
		}
	}
	pc_buf_putc(b, '"');
}

void
pc_buf_number(pc_buf *b, double v)
{
	if (v == 0)
		v = 0; /* no "-0" */
	if (v == floor(v) && fabs(v) < 1e15) {
		/* An integer, exact in a long long: its digits, as "%.0f"
		 * writes them, without printf (a year or count in every row). */
		long long k = (long long)v;
		unsigned long long u = k < 0 ? 0ull - (unsigned long long)k : (unsigned long long)k;
		char digits[24], *p = digits + sizeof digits;
		do
			*--p = (char)('0' + u % 10);
		while ((u /= 10) != 0);
		if (k < 0)
			*--p = '-';
		pc_buf_add(b, p, (size_t)(digits + sizeof digits - p));
	} else
		pc_buf_printf(b, "%.15g", v);
}

void
pc_buf_csv_field(pc_buf *b, const char *s)
{
	if (strpbrk(s, ",\"\r\n") == NULL) {
		pc_buf_puts(b, s);
		return;
	}
	pc_buf_putc(b, '"');
	for (const char *q; (q = strchr(s, '"')) != NULL; s = q + 1) {
		pc_buf_add(b, s, (size_t)(q + 1 - s));
		pc_buf_putc(b, '"'); /* a quote is doubled */
	}
	pc_buf_puts(b, s);
	pc_buf_putc(b, '"');
}

void
pc_json_init(pc_json *w, pc_buf *b)
{
	memset(w, 0, sizeof *w);
	w->b = b;
}

/* A line break and two spaces a level, in one piece. */
static void
indent(pc_json *w)
{
	static const char line[] = "\n                                                                ";
	_Static_assert(sizeof line - 2 == 2 * sizeof w->empty, "an indent for every depth");
	pc_buf_add(w->b, line, 1 + 2 * (size_t)w->depth);
}

/* The separator, line break and indent before a value, then its key. */
static void
json_member(pc_json *w, const char *key)
{
	if (w->depth > 0) {
		if (!w->empty[w->depth - 1])
			pc_buf_putc(w->b, ',');
		w->empty[w->depth - 1] = 0;
		indent(w);
	}
	if (key != NULL) {
		pc_buf_json_str(w->b, key);
		pc_buf_puts(w->b, ": ");
	}
}

void
pc_json_open(pc_json *w, const char *key, char bracket)
{
	json_member(w, key);
	pc_buf_putc(w->b, bracket);
	/* Nesting is fixed by the exporters' code, never by the input. */
	if (w->depth >= sizeof w->empty)
		abort();
	w->empty[w->depth++] = 1;
}

void
pc_json_close(pc_json *w, char bracket)
{
	if (w->depth == 0)
		abort();
	if (!w->empty[--w->depth])
		indent(w);
	pc_buf_putc(w->b, bracket);
	if (w->drain != NULL && w->b->len >= ((size_t)1 << 20))
		w->drain(w->drain_ctx);
}

void
pc_json_string(pc_json *w, const char *key, const char *s)
{
	json_member(w, key);
	pc_buf_json_str(w->b, s);
}

void
pc_json_number(pc_json *w, const char *key, double v)
{
	json_member(w, key);
	/* JSON has no spelling for these; callers leave such values out. */
	if (!isfinite(v))
		pc_buf_puts(w->b, "null");
	else
		pc_buf_number(w->b, v);
}

void
pc_json_decimal(pc_json *w, const char *key, const char *canon)
{
	json_member(w, key);
	pc_buf_puts(w->b, canon);
}

void
pc_json_bool(pc_json *w, const char *key, int v)
{
	json_member(w, key);
	pc_buf_puts(w->b, v ? "true" : "false");
}
