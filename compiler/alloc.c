/* Allocation wrappers that abort on out-of-memory. */
#include "alloc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void
pc_fatal(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("profilec: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
	abort();
}

static void *
check(void *p)
{
	if (p == NULL)
		pc_fatal("out of memory");
	return p;
}

void *
pc_malloc(size_t size)
{
	return check(malloc(size ? size : 1));
}

void *
pc_calloc(size_t n, size_t size)
{
	return check(calloc(n ? n : 1, size ? size : 1));
}

void *
pc_realloc(void *p, size_t size)
{
	return check(realloc(p, size ? size : 1));
}

char *
pc_strdup(const char *s)
{
	return pc_strndup(s, strlen(s));
}

char *
pc_strndup(const char *s, size_t n)
{
	char *r = pc_malloc(n + 1);
	memcpy(r, s, n);
	r[n] = '\0';
	return r;
}

char *
pc_vasprintf(const char *fmt, va_list ap)
{
	/* Most results are short: formatted once into the stack, then
	 * copied; only a longer one is formatted again at its size. */
	char small[256];
	va_list again;
	va_copy(again, ap);
	int n = vsnprintf(small, sizeof small, fmt, ap);
	char *r = pc_malloc(n > 0 ? (size_t)n + 1 : 1);
	r[0] = '\0';
	if (n > 0 && (size_t)n < sizeof small)
		memcpy(r, small, (size_t)n + 1);
	else if (n > 0)
		vsnprintf(r, (size_t)n + 1, fmt, again);
	va_end(again);
	return r;
}

char *
pc_asprintf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *r = pc_vasprintf(fmt, ap);
	va_end(ap);
	return r;
}
