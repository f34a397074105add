/* Allocation wrappers that abort on out-of-memory, so only real errors travel up. */
#ifndef PC_ALLOC_H
#define PC_ALLOC_H

#include <stdarg.h>
#include <stddef.h>

/* "profilec: " and the message on stderr, then abort(): for what cannot
 * happen but without memory or a library's data (ICU, libcrypto). */
void pc_fatal(const char *fmt, ...) __attribute__((noreturn, format(printf, 1, 2)));

void *pc_malloc(size_t size);
void *pc_calloc(size_t n, size_t size);
void *pc_realloc(void *p, size_t size);
char *pc_strdup(const char *s);
char *pc_strndup(const char *s, size_t n);
/* A formatted string in new memory; "" when it fails. */
char *pc_vasprintf(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));
char *pc_asprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
