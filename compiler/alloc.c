/* Allocation wrappers that abort on out-of-memory. */
#include "alloc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void *
check(void *p)
{
	if (p == NULL) {
		fputs("profilec: out of memory\n", stderr);
		abort();
	}
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
pc_asprintf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return pc_strdup("");
	char *r = pc_malloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(r, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return r;
}
