/* Syntax and check digits of links and identifiers (format 1.1), and their IRIs. */
/*
 * Each identifier is written in its bare, canonical form (a DOI as
 * 10.1234/abc, an ORCID as 0000-0002-1825-0097): the resolver's URL form
 * is refused with a hint that shows the bare form, so that a value has one
 * spelling in the source and the products build the IRIs themselves.
 */
#include "identifiers.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "alloc.h"

const char *const pc_ident_scheme[PC_IDENT_COUNT] = {"", "doi", "isbn", "orcid", "ror", "wikidata"};

static int
fail(char *msg, size_t size, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, size, fmt, ap);
	va_end(ap);
	return 0;
}

static int
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* The length of a resolver prefix s starts with (any of the list, any
 * case), or 0. */
static size_t
url_prefix(const char *s, const char *const *prefixes)
{
	for (; *prefixes; prefixes++) {
		size_t n = strlen(*prefixes);
		if (strncasecmp(s, *prefixes, n) == 0)
			return n;
	}
	return 0;
}

/* Characters RFC 3986 never allows in a URL as written (they must be
 * percent-encoded): spaces, controls, non-ASCII (an IRI's, which the
 * datapackage's "uri" format refuses) and "<>\^`{|}. */
static int
url_char_ok(unsigned char c)
{
	return c > 0x20 && c < 0x7f && strchr("\"<>\\^`{|}", c) == NULL;
}

static int
check_url(const char *s, char *msg, size_t size)
{
	size_t scheme = strncmp(s, "https://", 8) == 0 ? 8 : strncmp(s, "http://", 7) == 0 ? 7 : 0;
	if (scheme == 0) {
		if (strncasecmp(s, "https://", 8) == 0 || strncasecmp(s, "http://", 7) == 0)
			return fail(msg, size, "URL '%s' has its scheme in capitals: write http:// or https://", s);
		if (strncasecmp(s, "www.", 4) == 0)
			return fail(msg, size, "URL '%s' has no scheme: write the full address, https://%s", s, s);
		size_t n = strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+.-");
		if (n > 0 && s[n] == ':')
			return fail(msg, size,
				    "URL '%s' is a '%.*s:' link: a profile links only to http and https "
				    "addresses",
				    s, (int)n, s);
		return fail(msg, size,
			    "URL '%s' is not absolute: write the full address, beginning with https:// "
			    "or http://",
			    s);
	}
	const char *host = s + scheme;
	size_t hn = strcspn(host, "/?#");
	if (hn == 0)
		return fail(msg, size, "URL '%s' names no host: write the full address, as https://example.org/page",
			    s);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (!url_char_ok(*p))
			return fail(msg, size,
				    "URL '%s' holds a character a URL cannot (a space, a quote, a letter "
				    "outside ASCII): percent-encode it as UTF-8 bytes (a space is %%20, é is %%C3%%A9)",
				    s);
	return 1;
}

static int
check_doi(const char *s, char *msg, size_t size)
{
	static const char *const resolvers[] = {
		"https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi:", NULL};
	size_t n = url_prefix(s, resolvers);
	if (n > 0)
		return fail(msg, size, "DOI '%s' is written with its resolver: write the DOI alone, doi=\"%s\"", s,
			    s + n);
	const char *p = s;
	if (strncmp(p, "10.", 3) != 0)
		return fail(msg, size,
			    "DOI '%s' does not begin with '10.': a DOI is 10.NNNN/suffix, as "
			    "10.1000/xyz123",
			    s);
	p += 3;
	size_t digits = strspn(p, "0123456789");
	if (digits < 4 || digits > 9)
		return fail(msg, size,
			    "DOI '%s' has no registrant code of 4 to 9 digits after '10.': a DOI is "
			    "10.NNNN/suffix, as 10.1000/xyz123",
			    s);
	p += digits;
	while (*p == '.' && is_digit(p[1]))
		p += 1 + strspn(p + 1, "0123456789");
	if (*p != '/' || p[1] == '\0')
		return fail(msg, size,
			    "DOI '%s' has no '/suffix' after its prefix: a DOI is 10.NNNN/suffix, as "
			    "10.1000/xyz123",
			    s);
	for (const unsigned char *q = (const unsigned char *)p; *q; q++)
		if (*q <= 0x20 || *q == 0x7f)
			return fail(msg, size, "DOI '%s' holds a space: a DOI has none", s);
	return 1;
}

static int
check_isbn(const char *s, char *msg, size_t size)
{
	if (strncasecmp(s, "isbn", 4) == 0)
		return fail(msg, size, "ISBN '%s' begins with 'ISBN': write the number alone, as 978-3-16-148410-0", s);
	char d[14];
	size_t n = 0;
	for (const char *p = s; *p; p++) {
		if ((*p == '-' || *p == ' ') && n > 0 && p[1] != '\0' && p[1] != '-' && p[1] != ' ')
			continue;
		if (n < 13 && (is_digit(*p) || ((*p == 'X' || *p == 'x') && n == 9 && p[1] == '\0')))
			d[n++] = *p == 'x' ? 'X' : *p;
		else
			return fail(msg, size,
				    "ISBN '%s' is not 10 or 13 digits (hyphens or spaces between them): "
				    "write it as printed, as 978-3-16-148410-0",
				    s);
	}
	if (n == 10) {
		int sum = 0;
		for (size_t i = 0; i < 9; i++)
			sum += (int)(10 - i) * (d[i] - '0');
		int want = (11 - sum % 11) % 11;
		int got = d[9] == 'X' ? 10 : d[9] - '0';
		if (want != got)
			return fail(msg, size,
				    "ISBN '%s' fails its check digit (it should end in %c): is a digit "
				    "mistyped?",
				    s, want == 10 ? 'X' : '0' + want);
		return 1;
	}
	if (n != 13 || d[9] == 'X')
		return fail(msg, size,
			    "ISBN '%s' is not 10 or 13 digits (hyphens or spaces between them): write it "
			    "as printed, as 978-3-16-148410-0",
			    s);
	if (strncmp(d, "978", 3) != 0 && strncmp(d, "979", 3) != 0)
		return fail(msg, size, "ISBN '%s' does not begin with 978 or 979, as every ISBN-13 does", s);
	int sum = 0;
	for (size_t i = 0; i < 12; i++)
		sum += (i % 2 ? 3 : 1) * (d[i] - '0');
	int want = (10 - sum % 10) % 10;
	if (want != d[12] - '0')
		return fail(msg, size, "ISBN '%s' fails its check digit (it should end in %d): is a digit mistyped?", s,
			    want);
	return 1;
}

/* ISO 7064 MOD 11-2 over the first 15 digits. */
static int
check_orcid(const char *s, char *msg, size_t size)
{
	static const char *const resolvers[] = {"https://orcid.org/", "http://orcid.org/", NULL};
	size_t n = url_prefix(s, resolvers);
	if (n > 0)
		return fail(msg, size, "ORCID '%s' is written with its resolver: write the iD alone, orcid=\"%s\"", s,
			    s + n);
	int ok = strlen(s) == 19;
	for (size_t i = 0; ok && i < 19; i++)
		ok = i % 5 == 4 ? s[i] == '-' : is_digit(s[i]) || (i == 18 && s[i] == 'X');
	if (!ok)
		return fail(msg, size,
			    "ORCID '%s' is not four groups of four digits (the last may be X): write it as "
			    "0000-0002-1825-0097",
			    s);
	int total = 0;
	for (size_t i = 0; i < 18; i++)
		if (s[i] != '-')
			total = (total + s[i] - '0') * 2;
	int want = (12 - total % 11) % 11;
	char check = want == 10 ? 'X' : (char)('0' + want);
	if (s[18] != check)
		return fail(msg, size, "ORCID '%s' fails its checksum (it should end in %c): is a digit mistyped?", s,
			    check);
	return 1;
}

/* A ROR id: '0', six characters of Crockford's base32 alphabet, and two
 * check digits, ISO 7064 MOD 97-10 of the number the first seven spell. */
static int
check_ror(const char *s, char *msg, size_t size)
{
	static const char *const resolvers[] = {"https://ror.org/", "http://ror.org/", NULL};
	static const char alphabet[] = "0123456789abcdefghjkmnpqrstvwxyz";
	size_t n = url_prefix(s, resolvers);
	if (n > 0)
		return fail(msg, size, "ROR id '%s' is written with its resolver: write the id alone, ror=\"%s\"", s,
			    s + n);
	int ok = strlen(s) == 9 && s[0] == '0' && is_digit(s[7]) && is_digit(s[8]);
	unsigned long long v = 0;
	for (size_t i = 0; ok && i < 7; i++) {
		const char *at = s[i] ? strchr(alphabet, s[i]) : NULL;
		ok = at != NULL;
		v = v * 32 + (unsigned long long)(at ? at - alphabet : 0);
	}
	if (!ok)
		return fail(msg, size,
			    "ROR id '%s' is not '0', six characters of 0-9 and a-z (no i, l, o, u) and two "
			    "digits: write it in lower case, as 015w2mp89",
			    s);
	unsigned want = (unsigned)(98 - (v * 100) % 97);
	if ((unsigned)((s[7] - '0') * 10 + (s[8] - '0')) != want)
		return fail(msg, size,
			    "ROR id '%s' fails its check digits (it should end in %02u): is a character "
			    "mistyped?",
			    s, want);
	return 1;
}

static int
check_wikidata(const char *s, char *msg, size_t size)
{
	static const char *const resolvers[] = {"https://www.wikidata.org/wiki/", "http://www.wikidata.org/wiki/",
						"https://www.wikidata.org/entity/", "http://www.wikidata.org/entity/",
						NULL};
	size_t n = url_prefix(s, resolvers);
	if (n > 0)
		return fail(msg, size, "Wikidata id '%s' is written as a link: write the item alone, wikidata=\"%s\"",
			    s, s + n);
	size_t digits = strspn(s + 1, "0123456789");
	if ((s[0] == 'Q' || s[0] == 'q') && s[1] >= '1' && s[1] <= '9' && digits <= 12 && s[1 + digits] == '\0') {
		if (s[0] == 'Q')
			return 1;
		return fail(msg, size, "Wikidata id '%s' has a lower-case q: write Q%s", s, s + 1);
	}
	return fail(msg, size,
		    "Wikidata id '%s' is not an item: write Q and its number, as Q42 (a property P.. "
		    "or a lexeme L.. is not an organization)",
		    s);
}

int
pc_ident_check(pc_ident_kind k, const char *s, char *msg, size_t size)
{
	if (s == NULL || *s == '\0')
		return fail(msg, size, "the value is empty: leave the attribute out when the profile gives none");
	switch (k) {
	case PC_IDENT_URL: return check_url(s, msg, size);
	case PC_IDENT_DOI: return check_doi(s, msg, size);
	case PC_IDENT_ISBN: return check_isbn(s, msg, size);
	case PC_IDENT_ORCID: return check_orcid(s, msg, size);
	case PC_IDENT_ROR: return check_ror(s, msg, size);
	case PC_IDENT_WIKIDATA: return check_wikidata(s, msg, size);
	case PC_IDENT_COUNT: break;
	}
	return fail(msg, size, "unknown identifier kind");
}

/* https://doi.org/ and the DOI, with the characters an IRI's path cannot
 * hold as they are percent-encoded (a DOI's suffix may hold '#' or '?'). */
static char *
doi_iri(const char *doi)
{
	static const char prefix[] = "https://doi.org/";
	char *out = pc_malloc(sizeof prefix + 3 * strlen(doi)), *o = out + sizeof prefix - 1;
	memcpy(out, prefix, sizeof prefix - 1);
	for (const unsigned char *p = (const unsigned char *)doi; *p; p++) {
		if (*p == '%' || *p == '#' || *p == '?' || !url_char_ok(*p))
			o += sprintf(o, "%%%02X", *p);
		else
			*o++ = (char)*p;
	}
	*o = '\0';
	return out;
}

char *
pc_ident_iri(pc_ident_kind k, const char *s)
{
	switch (k) {
	case PC_IDENT_URL: return pc_strdup(s);
	case PC_IDENT_DOI: return doi_iri(s);
	case PC_IDENT_ORCID: return pc_asprintf("https://orcid.org/%s", s);
	case PC_IDENT_ROR: return pc_asprintf("https://ror.org/%s", s);
	case PC_IDENT_WIKIDATA: return pc_asprintf("http://www.wikidata.org/entity/%s", s);
	case PC_IDENT_ISBN:
	case PC_IDENT_COUNT: break;
	}
	return NULL;
}

char *
pc_ident_iri_scheme(const char *s, size_t len)
{
	const char *colon = memchr(s, ':', len);
	if (colon == NULL)
		return NULL;
	size_t n = (size_t)(colon - s);
	for (int k = 0; k < PC_IDENT_COUNT; k++)
		if (*pc_ident_scheme[k] && strlen(pc_ident_scheme[k]) == n && memcmp(s, pc_ident_scheme[k], n) == 0) {
			char *value = pc_strndup(colon + 1, len - n - 1);
			char *iri = pc_ident_iri((pc_ident_kind)k, value);
			free(value);
			return iri;
		}
	return NULL;
}
