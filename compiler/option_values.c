/* Checks of values given on the command line: names of files, the base IRI. */
#include "option_values.h"

#include <arpa/inet.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "alloc.h"

/* The code point at s and its length in bytes, or a length of 0 when s
 * does not start with a well-formed UTF-8 sequence. */
static uint32_t
decode(const unsigned char *s, size_t *len)
{
	static const uint32_t min[] = {0, 0, 0x80, 0x800, 0x10000};
	unsigned n = s[0] < 0x80 ? 1 : s[0] >> 5 == 6 ? 2 : s[0] >> 4 == 14 ? 3 : s[0] >> 3 == 30 ? 4 : 0;
	*len = 0;
	if (n == 0)
		return 0;
	uint32_t c = n == 1 ? s[0] : s[0] & (0x7f >> n);
	for (unsigned i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80) /* also stops at the terminating NUL */
			return 0;
		c = c << 6 | (s[i] & 0x3f);
	}
	if (c < min[n] || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*len = n;
	return c;
}

int
pc_utf8_valid(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		size_t n;
		decode(p, &n);
		if (n == 0)
			return 0;
		p += n;
	}
	return 1;
}

/* Controls (C0, DEL, C1), and the bidi controls that would reorder the
 * line a name is printed on. */
static int
is_control(uint32_t c)
{
	return c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == 0x200e || c == 0x200f ||
	       (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}

const char *
pc_name_problem(const char *name)
{
	if (!pc_utf8_valid(name))
		return "it is not UTF-8";
	for (const unsigned char *p = (const unsigned char *)name; *p;) {
		size_t n;
		if (is_control(decode(p, &n)))
			return "it holds a control character";
		p += n;
	}
	return NULL;
}

char *
pc_name_escaped(const char *name)
{
	size_t cap = strlen(name) * 4 + 1, at = 0;
	char *out = pc_malloc(cap);
	const unsigned char *p = (const unsigned char *)name;
	while (*p) {
		size_t n;
		uint32_t c = decode(p, &n);
		if (n == 0 || is_control(c)) {
			for (size_t k = 0; k < (n ? n : 1); k++)
				at += (size_t)snprintf(out + at, cap - at, "\\x%02X", p[k]);
			p += n ? n : 1;
			continue;
		}
		memcpy(out + at, p, n);
		at += n;
		p += n;
	}
	out[at] = '\0';
	return out;
}

/* RFC 3986/3987 character classes, for ASCII. */
static int
unreserved(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
	       c == '_' || c == '~';
}

static int
sub_delim(int c)
{
	return c != '\0' && strchr("!$&'()*+,;=", c) != NULL;
}

static int
hex(int c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* ucschar of RFC 3987: what a non-ASCII character of an IRI may be.
 * Private use (iprivate) is for queries only; bidi formatting characters
 * must not appear (section 4.1). */
static int
ucschar(uint32_t c)
{
	if ((c & 0xfffe) == 0xfffe || (c >= 0xfdd0 && c <= 0xfdef) || c < 0xa0)
		return 0;
	if ((c >= 0xe000 && c <= 0xf8ff) || c >= 0xf0000)
		return 0;
	return !(c == 0x200e || c == 0x200f || (c >= 0x202a && c <= 0x202e));
}

/* One character of the host (reg-name) or path at p, or 0 when it is not
 * allowed there; `extra` names the ASCII delimiters also allowed. */
static size_t
iri_char(const char *p, const char *extra)
{
	unsigned char c = (unsigned char)*p;
	if (c == '%')
		return hex(p[1]) && hex(p[2]) ? 3 : 0;
	if (c < 0x80)
		return unreserved(c) || sub_delim(c) || (c && strchr(extra, c)) ? 1 : 0;
	size_t n;
	uint32_t cp = decode((const unsigned char *)p, &n);
	return n && ucschar(cp) ? n : 0;
}

/* Why the character at p cannot be in the IRI. */
static char *
bad_char(const char *iri, const char *p, const char *where)
{
	unsigned char c = (unsigned char)*p;
	if (c == '%')
		return pc_asprintf("'%.3s' %s is not a percent-encoding ('%%' and two hex digits; write %%25 for '%%')",
				   p, where);
	if (c <= 0x20 || c == 0x7f)
		return pc_asprintf("a space or control character (byte 0x%02X) %s, at byte %zu", c, where,
				   (size_t)(p - iri) + 1);
	if (c == '?' || c == '#')
		return pc_asprintf("a query or fragment ('%c'): the ids are appended to the base, which must end "
				   "in a path",
				   c);
	if (c >= 0x80)
		return pc_asprintf("byte %zu %s is not a character an IRI allows (not UTF-8, private use, or a "
				   "bidi control)",
				   (size_t)(p - iri) + 1, where);
	return pc_asprintf("'%c' %s is not allowed in an IRI (RFC 3987)", c, where);
}

/* The host and port between p and end. */
static char *
authority_problem(const char *iri, const char *p, const char *end)
{
	const char *at = memchr(p, '@', (size_t)(end - p));
	if (at != NULL) {
		for (const char *q = p; q < at;) {
			size_t n = iri_char(q, ":");
			if (n == 0)
				return bad_char(iri, q, "in the user name");
			q += n;
		}
		p = at + 1;
	}
	const char *host_end = end;
	if (*p == '[') {
		const char *close = memchr(p, ']', (size_t)(end - p));
		char addr[64];
		struct in6_addr a6;
		if (close == NULL || close - p - 1 >= (long)sizeof addr)
			return pc_asprintf("'%.*s' is not an IPv6 address in brackets", (int)(end - p), p);
		snprintf(addr, sizeof addr, "%.*s", (int)(close - p - 1), p + 1);
		if (inet_pton(AF_INET6, addr, &a6) != 1)
			return pc_asprintf("'[%s]' is not an IPv6 address", addr);
		host_end = close + 1;
		if (host_end < end && *host_end != ':')
			return pc_asprintf("'%.*s' follows the IPv6 address", (int)(end - host_end), host_end);
	} else {
		const char *colon = memchr(p, ':', (size_t)(end - p));
		host_end = colon ? colon : end;
		for (const char *q = p; q < host_end;) {
			size_t n = iri_char(q, "");
			if (n == 0)
				return bad_char(iri, q, "in the host");
			q += n;
		}
	}
	if (host_end == p)
		return pc_strdup("the host is missing (http://HOST/...)");
	if (host_end < end) { /* ":port" */
		const char *port = host_end + 1;
		long v = 0;
		for (const char *q = port; q < end; q++) {
			if (*q < '0' || *q > '9' || (v = v * 10 + (*q - '0')) > 65535)
				return pc_asprintf("the port '%.*s' is not a number up to 65535", (int)(end - port),
						   port);
		}
	}
	return NULL;
}

char *
pc_base_iri_problem(const char *iri)
{
	if (!pc_utf8_valid(iri))
		return pc_strdup("it is not UTF-8");
	size_t scheme = strncasecmp(iri, "https://", 8) == 0 ? 8 : strncasecmp(iri, "http://", 7) == 0 ? 7 : 0;
	if (scheme == 0)
		return pc_strdup("it must be absolute, beginning with http:// or https://");
	const char *host = iri + scheme, *path = host + strcspn(host, "/?#");
	for (const char *q = host; q < path; q++)
		if ((unsigned char)*q <= 0x20 || *q == 0x7f)
			return bad_char(iri, q, "in the host");
	char *why = authority_problem(iri, host, path);
	if (why != NULL)
		return why;
	for (const char *q = path; *q;) {
		size_t n = iri_char(q, ":@/");
		if (n == 0)
			return bad_char(iri, q, "in the path");
		q += n;
	}
	size_t len = strlen(iri);
	if (*path == '\0' || iri[len - 1] != '/')
		return pc_strdup("it must end with '/': the ids are appended to it");
	return NULL;
}
