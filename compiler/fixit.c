/* Fix-it messages: what libxml2 says is wrong, reworded to say what to
 * write instead. Each rewrite parses libxml2's own wording (xmlschemas.c,
 * parser.c); a message this file does not know keeps libxml2's words. */
#include "fixit.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include "alloc.h"
#include "decimal.h"

#define XS "http://www.w3.org/2001/XMLSchema"

/* ---- nearest word --------------------------------------------------- */

static size_t
edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	if (la > 64 || lb > 64)
		return (size_t)-1;
	size_t row[65];
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t diag = row[0];
		row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t up = row[j];
			size_t best = diag + (tolower((unsigned char)a[i - 1]) != tolower((unsigned char)b[j - 1]));
			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	return row[lb];
}

const char *
pc_nearest(const char *word, const char *const *candidates, size_t n)
{
	const char *best = NULL;
	size_t best_d = (size_t)-1, len = strlen(word);
	if (len == 0)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		size_t d = edit_distance(word, candidates[i]);
		size_t lc = strlen(candidates[i]);
		/* "education" for "education-ict": one is the start of the other. */
		if (len >= 3 && lc >= 3 && (strncmp(word, candidates[i], lc < len ? lc : len) == 0))
			d = d < 2 ? d : 2;
		if (d < best_d) {
			best_d = d;
			best = candidates[i];
		}
	}
	/* Distance 0 ignores case: "Partner" still gets "partner". */
	return best && best_d <= (len + 2) / 3 && strcmp(best, word) != 0 ? best : NULL;
}

/* ---- libxml2's message, taken apart --------------------------------- */

static int
starts(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

typedef struct {
	char element[128];
	char attribute[128]; /* "" for the element's content */
	const char *body;    /* after "Element 'E'[, attribute 'A']: " */
} schema_msg;

static int
quoted(const char *p, const char *prefix, char *out, size_t size, const char **after)
{
	size_t n = strlen(prefix);
	if (strncmp(p, prefix, n) != 0)
		return 0;
	p += n;
	const char *q = strchr(p, '\'');
	if (q == NULL || (size_t)(q - p) >= size)
		return 0;
	memcpy(out, p, (size_t)(q - p));
	out[q - p] = '\0';
	*after = q + 1;
	return 1;
}

static int
split_message(const char *msg, schema_msg *m)
{
	const char *p;
	m->attribute[0] = '\0';
	if (!quoted(msg, "Element '", m->element, sizeof m->element, &p))
		return 0;
	if (starts(p, ", attribute '") && !quoted(p, ", attribute '", m->attribute, sizeof m->attribute, &p))
		return 0;
	if (strncmp(p, ": ", 2) != 0)
		return 0;
	m->body = p + 2;
	return 1;
}

/* The text between `open` and the next `close` in s, in new memory. */
static char *
between(const char *s, const char *open, const char *close)
{
	const char *p = strstr(s, open);
	if (p == NULL)
		return NULL;
	p += strlen(open);
	const char *q = strstr(p, close);
	return q ? pc_strndup(p, (size_t)(q - p)) : NULL;
}

/* What the message is about: `<event> theme="education"` or `<value> text "3,250,000"`. */
static char *
subject(const schema_msg *m, const char *id, const char *value)
{
	char idpart[160] = "";
	if (id && *id && strcmp(m->attribute, "id") != 0)
		snprintf(idpart, sizeof idpart, " id=\"%s\"", id);
	if (m->attribute[0])
		return pc_asprintf("<%s%s> %s=\"%s\"", m->element, idpart, m->attribute, value ? value : "");
	if (value == NULL)
		return pc_asprintf("<%s%s>", m->element, idpart);
	return pc_asprintf("<%s%s> text \"%.60s%s\"", m->element, idpart, value, strlen(value) > 60 ? "..." : "");
}

/* "{'a', 'b'}" or "( a, b )" -> an array of words (freed by free_words). */
static size_t
words_of(const char *list, char ***out)
{
	size_t n = 0, cap = 8;
	char **w = pc_malloc(cap * sizeof *w);
	const char *p = list;
	while (*p) {
		while (*p && (*p == ' ' || *p == ',' || *p == '\'' || *p == '{' || *p == '}' || *p == '(' || *p == ')'))
			p++;
		const char *q = p;
		while (*q && *q != ',' && *q != '\'' && *q != ' ' && *q != '}' && *q != ')')
			q++;
		if (q == p)
			break;
		if (n == cap)
			w = pc_realloc(w, (cap *= 2) * sizeof *w);
		w[n++] = pc_strndup(p, (size_t)(q - p));
		p = q;
	}
	*out = w;
	return n;
}

static void
free_words(char **w, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(w[i]);
	free(w);
}

/* "a, b or c", each word wrapped in pre/post. */
static char *
join_or(char **w, size_t n, const char *pre, const char *post)
{
	size_t len = 1;
	for (size_t i = 0; i < n; i++)
		len += strlen(w[i]) + strlen(pre) + strlen(post) + 4;
	char *s = pc_malloc(len);
	s[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		if (i > 0)
			strcat(s, i + 1 == n ? " or " : ", ");
		strcat(s, pre);
		strcat(s, w[i]);
		strcat(s, post);
	}
	return s;
}

static char *
did_you_mean(const char *value, char **w, size_t n, const char *pre, const char *post)
{
	const char *near = pc_nearest(value, (const char *const *)w, n);
	return near ? pc_asprintf(" (did you mean %s%s%s?)", pre, near, post) : pc_strdup("");
}

/* ---- types: the schema's own, and XSD's built-in ones --------------- */

/* Enumerated values and patterns of a named simple type of the schema,
 * through unions and restrictions of other named types. */
static void type_values(const xmlDoc *schema, const char *type, char ***w, size_t *n, size_t *cap, char *patterns,
			size_t psize, int depth);

static void
collect(const xmlDoc *schema, xmlNodePtr node, char ***w, size_t *n, size_t *cap, char *patterns, size_t psize,
	int depth)
{
	for (xmlNodePtr c = node->children; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		xmlChar *v = xmlGetProp(c, BAD_CAST "value");
		if (xmlStrEqual(c->name, BAD_CAST "enumeration") && v) {
			if (*n == *cap)
				*w = pc_realloc(*w, (*cap = *cap ? *cap * 2 : 8) * sizeof **w);
			(*w)[(*n)++] = pc_strdup((const char *)v);
		} else if (xmlStrEqual(c->name, BAD_CAST "pattern") && v) {
			size_t used = strlen(patterns);
			snprintf(patterns + used, psize - used, "%s%s", used ? " or " : "", (const char *)v);
		}
		xmlFree(v);
		if (xmlStrEqual(c->name, BAD_CAST "union")) {
			xmlChar *members = xmlGetProp(c, BAD_CAST "memberTypes");
			if (members) {
				char **m;
				size_t k = words_of((const char *)members, &m);
				for (size_t i = 0; i < k; i++)
					type_values(schema, m[i], w, n, cap, patterns, psize, depth + 1);
				free_words(m, k);
				xmlFree(members);
			}
		}
		collect(schema, c, w, n, cap, patterns, psize, depth);
	}
}

static xmlNodePtr
find_type(const xmlDoc *schema, const char *type)
{
	if (schema == NULL)
		return NULL;
	const char *colon = strchr(type, ':');
	const char *local = colon ? colon + 1 : type;
	for (xmlNodePtr c = xmlDocGetRootElement((xmlDocPtr)schema)->children; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE || !xmlStrEqual(c->name, BAD_CAST "simpleType"))
			continue;
		xmlChar *name = xmlGetProp(c, BAD_CAST "name");
		int hit = name && strcmp((const char *)name, local) == 0;
		xmlFree(name);
		if (hit)
			return c;
	}
	return NULL;
}

static void
type_values(const xmlDoc *schema, const char *type, char ***w, size_t *n, size_t *cap, char *patterns, size_t psize,
	    int depth)
{
	xmlNodePtr t = depth < 8 ? find_type(schema, type) : NULL;
	if (t != NULL)
		collect(schema, t, w, n, cap, patterns, psize, depth);
}

/* The XSD built-in a named type restricts, e.g. "Year" -> "xs:integer". */
static const char *
builtin_of(const xmlDoc *schema, const char *type, char *buf, size_t size)
{
	for (int depth = 0; depth < 8; depth++) {
		if (starts(type, "xs:"))
			return type;
		xmlNodePtr t = find_type(schema, type);
		if (t == NULL)
			return NULL;
		xmlNodePtr r = NULL;
		for (xmlNodePtr c = t->children; c != NULL && r == NULL; c = c->next)
			if (c->type == XML_ELEMENT_NODE && xmlStrEqual(c->name, BAD_CAST "restriction"))
				r = c;
		xmlChar *base = r ? xmlGetProp(r, BAD_CAST "base") : NULL;
		if (base == NULL)
			return NULL;
		snprintf(buf, size, "%s", (const char *)base);
		xmlFree(base);
		type = buf;
	}
	return NULL;
}

static int
all_digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]))
			return 0;
	return n > 0;
}

/* A decimal as XSD writes it, from what an editor wrote: "3,250,000" ->
 * "3250000", "87,5" -> "87.5", "12 %" -> "12"; NULL when unclear. */
static char *
decimal_from(const char *v)
{
	char *out = pc_malloc(strlen(v) + 1);
	size_t n = 0, commas = 0, dots = 0, after_comma = 0;
	for (const char *p = v; *p; p++) {
		if (isdigit((unsigned char)*p)) {
			out[n++] = *p;
			after_comma++;
		} else if (*p == ',') {
			commas++;
			after_comma = 0;
			out[n++] = ',';
		} else if (*p == '.') {
			dots++;
			out[n++] = '.';
		} else if (*p == '-' && n == 0) {
			out[n++] = '-';
		} else if (*p == '+' && n == 0) {
			continue;
		} else if (*p != ' ' && *p != '%' && *p != '_' && *p != '\'') {
			free(out);
			return NULL;
		}
	}
	out[n] = '\0';
	/* One comma and not three digits after it: a decimal comma. */
	int decimal_comma = commas == 1 && dots == 0 && after_comma != 3;
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		if (out[i] != ',')
			out[k++] = out[i];
		else if (decimal_comma)
			out[k++] = '.';
	out[k] = '\0';
	if (dots + decimal_comma > 1 ||
	    !all_digits(out + (out[0] == '-'), strspn(out + (out[0] == '-'), "0123456789")) || strcmp(out, v) == 0) {
		free(out);
		return NULL;
	}
	return out;
}

/* "2014-6" -> "2014-06", "6/2014" -> "2014-06", "2014-06-12" -> "2014-06"; NULL when unclear. */
static char *
year_month_from(const char *v)
{
	unsigned a, b;
	char sep, tail[2];
	if (sscanf(v, "%4u%c%2u%1s", &a, &sep, &b, tail) >= 3 && a >= 1000 && b >= 1 && b <= 12 && strchr("-/.", sep))
		return pc_asprintf("%04u-%02u", a, b);
	if (sscanf(v, "%2u%c%4u%1s", &a, &sep, &b, tail) == 3 && b >= 1000 && a >= 1 && a <= 12 && strchr("-/.", sep))
		return pc_asprintf("%04u-%02u", b, a);
	return NULL;
}

static unsigned
days_in_month(unsigned y, unsigned m)
{
	static const unsigned char days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return days[m - 1] + (m == 2 && leap);
}

/* "2026-1-5" -> "2026-01-05"; NULL when unclear (day and month could swap)
 * or no such day ("2026-11-31": the example must be a date). */
static char *
date_from(const char *v)
{
	unsigned y, m, d;
	char s1, s2, tail[2];
	if (sscanf(v, "%4u%c%2u%c%2u%1s", &y, &s1, &m, &s2, &d, tail) == 5 && y >= 1000 && m >= 1 && m <= 12 &&
	    d >= 1 && d <= days_in_month(y, m) && strchr("-/.", s1) && s1 == s2)
		return pc_asprintf("%04u-%02u-%02u", y, m, d);
	return NULL;
}

static const char *
boolean_from(const char *v)
{
	static const char *const yes[] = {"yes", "y", "on", "True", "TRUE", "oui", "da", "ja", "si", "sí"};
	static const char *const no[] = {"no", "n", "off", "False", "FALSE", "non", "nu", "nein"};
	for (size_t i = 0; i < sizeof yes / sizeof *yes; i++)
		if (strcmp(v, yes[i]) == 0)
			return "true";
	for (size_t i = 0; i < sizeof no / sizeof *no; i++)
		if (strcmp(v, no[i]) == 0)
			return "false";
	return NULL;
}

/* An id from what an editor wrote: "Ev_Bad 2" -> "ev-bad-2". */
static char *
id_from(const char *v)
{
	char *out = pc_malloc(strlen(v) + 2);
	size_t n = 0;
	for (const char *p = v; *p && n < 64; p++) {
		unsigned char c = (unsigned char)*p;
		if (isalnum(c) && c < 0x80)
			out[n++] = (char)tolower(c);
		else if (n > 0 && out[n - 1] != '-')
			out[n++] = '-';
	}
	while (n > 0 && out[n - 1] == '-')
		n--;
	out[n] = '\0';
	if (n == 0 || !islower((unsigned char)out[0])) {
		free(out);
		return NULL;
	}
	return out;
}

/* A decimal of the wrong form. `never_negative` names what an amount that
 * cannot be negative is ("a bound", "a factor"), NULL for a signed decimal:
 * a minus sign is then the error, and the fix drops it. */
static char *
decimal_message(const char *what, const char *value, const char *never_negative)
{
	char *fixed = decimal_from(value);
	const char *v = fixed ? fixed : value;
	char *canon = pc_malloc(strlen(v) + 2);
	char *out;
	if (never_negative && v[0] == '-' && pc_decimal_canon(v, canon) == PC_DECIMAL_OK && strcmp(canon, "0") != 0)
		out = pc_asprintf("%s is negative, which %s cannot be: write \"%s\" (digits and one '.'; no sign, "
				  "thousands separators, spaces or units)",
				  what, never_negative, v + 1);
	else if (never_negative)
		out = pc_asprintf("%s is not a plain decimal: write %s%s%s (digits and one '.', never negative; no "
				  "thousands separators, spaces or units)",
				  what, fixed ? "\"" : "e.g. \"1250.5\"", fixed ? fixed : "", fixed ? "\"" : "");
	else
		out = pc_asprintf("%s is not a plain decimal: write %s%s%s (digits, an optional '-' and one '.'; no "
				  "thousands separators, spaces or units)",
				  what, fixed ? "\"" : "e.g. \"1250.5\"", fixed ? fixed : "", fixed ? "\"" : "");
	free(canon);
	free(fixed);
	return out;
}

/* A whole number of the wrong form; a year is named as such, and its
 * example is a year. */
static char *
whole_number_message(const char *what, const char *value, const char *attribute, int negative_ok)
{
	char *fixed = decimal_from(value);
	int year = strstr(attribute, "year") || strcmp(attribute, "founded") == 0;
	char *out = pc_asprintf("%s is not %s: write digits only%s, e.g. \"%s\"", what,
				year ? "a year" : "a whole number", negative_ok ? "" : " (not negative)",
				fixed && !strchr(fixed, '.') && (negative_ok || fixed[0] != '-') ? fixed
				: year                                                           ? "2014"
												 : "15");
	free(fixed);
	return out;
}

/* "'V' is not a valid value of the atomic type 'T'." and the like. */
static char *
bad_type_value(const schema_msg *m, const char *id, const xmlDoc *schema)
{
	const char *p;
	char value[512], type[128], buf[128];
	const char *rest;
	if (!quoted(m->body, "'", value, sizeof value, &p))
		return NULL;
	int is_union = starts(p, " is not a valid value of the union type '");
	if (!quoted(p,
		    is_union ? " is not a valid value of the union type '"
			     : " is not a valid value of the atomic type '",
		    type, sizeof type, &rest))
		return NULL;
	char *what = subject(m, id, value);
	char *out = NULL;
	if (is_union) {
		char **w = NULL;
		size_t n = 0, cap = 0;
		char patterns[256] = "";
		type_values(schema, type, &w, &n, &cap, patterns, sizeof patterns, 0);
		if (n > 0) {
			char *list = join_or(w, n, "", "");
			char *hint = did_you_mean(value, w, n, "\"", "\"");
			out = pc_asprintf("%s is not allowed: write %s%s%s%s", what, list,
					  patterns[0] ? ", or a code matching " : "", patterns, hint);
			free(list);
			free(hint);
		}
		free_words(w, n);
		free(what);
		return out;
	}
	const char *builtin = builtin_of(schema, type, buf, sizeof buf);
	char *fixed = NULL;
	if (builtin == NULL) {
		out = NULL;
	} else if (strcmp(builtin, "xs:boolean") == 0) {
		const char *b = boolean_from(value);
		out = pc_asprintf("%s is not a boolean: write true or false%s%s%s", what, b ? " (here: \"" : "",
				  b ? b : "", b ? "\")" : "");
	} else if (strcmp(builtin, "xs:gYearMonth") == 0) {
		fixed = year_month_from(value);
		out = pc_asprintf("%s is not a year and month: write YYYY-MM, e.g. \"%s\"", what,
				  fixed ? fixed : "2014-06");
	} else if (strcmp(builtin, "xs:date") == 0) {
		unsigned y, m, day;
		char tail[2];
		fixed = date_from(value);
		if (sscanf(value, "%4u-%2u-%2u%1s", &y, &m, &day, tail) == 3 && m >= 1 && m <= 12 &&
		    day > days_in_month(y, m))
			out = pc_asprintf("%s is not a date: month %02u of %u has %u days", what, m, y,
					  days_in_month(y, m));
		else
			out = pc_asprintf("%s is not a date: write YYYY-MM-DD, e.g. \"%s\"", what,
					  fixed ? fixed : "2026-11-28");
	} else if (strcmp(builtin, "xs:gYear") == 0) {
		out = pc_asprintf("%s is not a year: write four digits, e.g. \"2014\"", what);
	} else if (strcmp(builtin, "xs:decimal") == 0) {
		out = decimal_message(what, value, NULL);
	} else if (strstr(builtin, "nteger") != NULL || strcmp(builtin, "xs:int") == 0) {
		int negative_ok = strstr(builtin, "nonNegative") == NULL && strstr(builtin, "positive") == NULL;
		out = whole_number_message(what, value, m->attribute, negative_ok);
	} else if (strcmp(builtin, "xs:language") == 0) {
		out = pc_asprintf("%s is not a language tag: write e.g. \"en\", \"ro\" or \"pt-BR\"", what);
	}
	free(fixed);
	free(what);
	return out;
}

/* "[facet 'X'] ..." errors. */
static char *
facet(const schema_msg *m, const char *id)
{
	char name[32], value[512] = "";
	const char *p, *q;
	if (!quoted(m->body, "[facet '", name, sizeof name, &p))
		return NULL;
	if (quoted(p, "] The value '", value, sizeof value, &q) == 0)
		value[0] = '\0';
	char *what = subject(m, id, value[0] || m->attribute[0] ? value : NULL);
	char *out = NULL;
	if (strcmp(name, "enumeration") == 0) {
		char *set = between(m->body, "the set {", "}");
		if (set) {
			char **w;
			size_t n = words_of(set, &w);
			char *list = join_or(w, n, "", "");
			char *hint = did_you_mean(value, w, n, "\"", "\"");
			out = pc_asprintf("%s is not allowed: write %s%s", what, list, hint);
			free(list);
			free(hint);
			free_words(w, n);
			free(set);
		}
	} else if (strcmp(name, "pattern") == 0) {
		char *pattern = between(m->body, "by the pattern '", "'.");
		if (pattern && strcmp(pattern, "[a-z][a-z0-9]*(-[a-z0-9]+)*") == 0) {
			char *fixed = id_from(value);
			out = pc_asprintf(
				"%s is not an id: write lower-case ASCII letters and digits, words joined by single "
				"hyphens%s%s%s",
				what, fixed ? ", e.g. \"" : "", fixed ? fixed : "", fixed ? "\"" : "");
			free(fixed);
		} else if (pattern && strstr(pattern, "[0-9]+(\\.[0-9]*)?") != NULL) {
			/* The schema's decimals are patterns: xs:decimal stops at 24 digits.
			 * An amount's pattern admits no minus sign but a zero's. */
			const char *never_negative = !starts(pattern, "\\+?")              ? NULL
						     : strcmp(m->attribute, "factor") == 0 ? "a factor"
											   : "a bound";
			out = decimal_message(what, value, never_negative);
		} else if (pattern && strcmp(pattern, "-?[0-9]+") == 0) {
			/* A year: an xs:integer that the pattern keeps to digits. */
			out = whole_number_message(what, value, m->attribute, 1);
		} else if (pattern && starts(pattern, "[A-Z]{")) {
			char *upper = pc_strdup(value);
			for (char *c = upper; *c; c++)
				*c = (char)toupper((unsigned char)*c);
			out = pc_asprintf("%s is not allowed: write %s capital letters (pattern %s), e.g. \"%s\"", what,
					  pattern[6] == '2'   ? "two"
					  : pattern[6] == '3' ? "three"
							      : "only",
					  pattern, upper);
			free(upper);
		} else if (pattern) {
			out = pc_asprintf("%s does not match the pattern %s", what, pattern);
		}
		free(pattern);
	} else if (strcmp(name, "maxLength") == 0 || strcmp(name, "minLength") == 0) {
		char *len = between(m->body, "has a length of '", "'");
		char *limit = between(m->body, "length of '", "'.");
		char *lim = limit ? strstr(m->body, "allowed") : NULL;
		char *bound = lim ? between(lim, "length of '", "'") : NULL;
		if (name[1] == 'i' && len && strcmp(len, "0") == 0)
			out = pc_asprintf("%s is empty: write its text, or leave the element out where it is optional",
					  what);
		else if (len && bound)
			out = pc_asprintf("%s has %s characters; %s %s are allowed: %s it", what, len,
					  name[1] == 'a' ? "at most" : "at least", bound,
					  name[1] == 'a' ? "shorten" : "lengthen");
		free(len);
		free(limit);
		free(bound);
	} else if (strcmp(name, "maxInclusive") == 0 || strcmp(name, "minInclusive") == 0) {
		char *bound = between(m->body, "allowed ('", "')");
		if (bound)
			out = pc_asprintf("%s is %s than the %s allowed, %s", what, name[1] == 'a' ? "greater" : "less",
					  name[1] == 'a' ? "largest" : "smallest", bound);
		free(bound);
	}
	free(what);
	return out;
}

/* "( a, b )" -> "<a> or <b>". */
static char *
element_list(const char *body, const char *from, char ***w, size_t *n)
{
	char *list = between(body, from, " )");
	if (list == NULL)
		return NULL;
	*n = words_of(list, w);
	free(list);
	return join_or(*w, *n, "<", ">");
}

static char *
content_error(const schema_msg *m, const char *id)
{
	const char *b = m->body;
	char attr[128];
	const char *p;
	char **w = NULL;
	size_t n = 0;
	char *out = NULL, *list = NULL;
	char *what = subject(m, id, NULL);
	if (starts(b, "Missing child element(s).")) {
		list = element_list(b, "Expected is ( ", &w, &n);
		if (list == NULL)
			list = element_list(b, "Expected is one of ( ", &w, &n);
		out = list ? pc_asprintf("%s lacks a child element: add %s%s inside it", what, n > 1 ? "one of " : "",
					 list)
			   : NULL;
	} else if (starts(b, "This element is not expected.")) {
		list = element_list(b, "Expected is ( ", &w, &n);
		if (list == NULL)
			list = element_list(b, "Expected is one of ( ", &w, &n);
		if (list) {
			char *hint = did_you_mean(m->element, w, n, "<", ">");
			out = pc_asprintf("<%s> is not allowed here: expected %s%s (schemas/README.md gives the order)",
					  m->element, list, hint);
			free(hint);
		} else {
			out = pc_asprintf("<%s> is not allowed here: nothing more may follow at this place (is it in "
					  "the right parent, or written twice?)",
					  m->element);
		}
	} else if (quoted(b, "The attribute '", attr, sizeof attr, &p) && strcmp(p, " is required but missing.") == 0) {
		out = pc_asprintf("%s lacks the required attribute %s: add %s=\"...\"", what, attr, attr);
	} else if (quoted(b, "The attribute '", attr, sizeof attr, &p) && strcmp(p, " is not allowed.") == 0) {
		out = pc_asprintf("<%s> has no attribute %s: remove it, or check its spelling in schemas/README.md",
				  m->element, attr);
	} else if (starts(b, "No matching global declaration available for the validation root.")) {
		const char *close = m->element[0] == '{' ? strchr(m->element, '}') : NULL;
		if (close)
			out = pc_asprintf(
				"the root element <%s> is in the namespace %.*s: a profile's root is <profile "
				"xmlns=\"urn:profilec:profile:1\" version=\"1.0\" ...>",
				close + 1, (int)(close - m->element - 1), m->element + 1);
		else
			out = pc_asprintf("the root element is <%s>: a profile's root is <profile "
					  "xmlns=\"urn:profilec:profile:1\" version=\"1.0\" ...>",
					  m->element);
	} else if (starts(b, "Character content other than whitespace is not allowed")) {
		out = pc_asprintf("%s holds elements only: put its text inside the right child element, or delete it",
				  what);
	} else if (starts(b, "Element content is not allowed")) {
		out = pc_asprintf("%s holds text only, but has an element inside: a '<' in text starts a tag, so "
				  "write &lt; for a less-than sign (and &amp; for '&')",
				  what);
	}
	free_words(w, n);
	free(list);
	free(what);
	return out;
}

char *
pc_fixit_schema(const char *msg, const char *id, const struct _xmlDoc *schema)
{
	schema_msg m;
	if (msg == NULL || !split_message(msg, &m))
		return NULL;
	if (starts(m.body, "[facet '"))
		return facet(&m, id);
	if (m.body[0] == '\'')
		return bad_type_value(&m, id, schema);
	return content_error(&m, id);
}

int
pc_fixit_is_missing_child(const char *msg)
{
	return msg && strstr(msg, ": Missing child element(s).") != NULL;
}

char *
pc_fixit_markup(int code, const char *msg)
{
	char a[128], b[128];
	unsigned line;
	switch (code) {
	case XML_ERR_NAME_REQUIRED:
	case XML_ERR_LT_REQUIRED:
		if (msg && strstr(msg, "StartTag") != NULL)
			return pc_strdup("a '<' not followed by an element name: in text, write &lt; for a less-than "
					 "sign");
		if (msg && strstr(msg, "attribute name") != NULL)
			return pc_strdup("a tag with something that is not an attribute: if a '<' in text began it, "
					 "write &lt; for the less-than sign");
		return NULL;
	case XML_ERR_LT_IN_ATTRIBUTE: return pc_strdup("a '<' inside an attribute value: write &lt; instead");
	case XML_ERR_ATTRIBUTE_NOT_STARTED:
	case XML_ERR_ATTRIBUTE_WITHOUT_VALUE:
		return pc_strdup("an attribute without a quoted value: write name=\"value\" (if a '<' in text began "
				 "this tag, write &lt; for it)");
	case XML_ERR_ATTRIBUTE_NOT_FINISHED:
		return pc_strdup("an attribute value is not closed: end it with the quote it began with (write &quot; "
				 "for a '\"' inside it)");
	case XML_ERR_ATTRIBUTE_REDEFINED:
		if (msg && sscanf(msg, "Attribute %127s redefined", a) == 1)
			return pc_asprintf("attribute %s is written twice on this element: keep one", a);
		return NULL;
	case XML_ERR_TAG_NAME_MISMATCH:
		if (msg && sscanf(msg, "Opening and ending tag mismatch: %127s line %u and %127s", a, &line, b) == 3)
			return pc_asprintf(
				"</%s> closes <%s> (opened on line %u): write </%s> first, or check that <%s> "
				"was opened",
				b, a, line, a, b);
		return NULL;
	case XML_ERR_GT_REQUIRED:
		if (msg && sscanf(msg, "Couldn't find end of Start Tag %127s", a) == 1)
			return pc_asprintf(
				"the tag <%s is not finished: end it with '>' (write &lt; for a '<' in text)", a);
		return pc_strdup("a tag is not finished: end it with '>'");
	case XML_ERR_TAG_NOT_FINISHED:
		if (msg && sscanf(msg, "Premature end of data in tag %127s line %u", a, &line) == 2)
			return pc_asprintf("the file ends inside <%s> (opened on line %u): close it with </%s>", a,
					   line, a);
		return NULL;
	case XML_ERR_SPACE_REQUIRED:
		if (msg && strstr(msg, "attributes construct error") != NULL)
			return pc_strdup(
				"a tag whose attributes are not well formed, or the file ends inside it: write "
				"name=\"value\" pairs separated by spaces, then '>'");
		return NULL;
	case XML_ERR_DOCUMENT_END:
		return pc_strdup(
			"the file does not end where <profile> ends: either something follows </profile>, or "
			"a tag, a comment or a CDATA section above is not closed (look for a <![CDATA[ without "
			"]]>, or a <!-- without -->); keep everything inside <profile> ... </profile>");
	case XML_ERR_MISPLACED_CDATA_END:
		return pc_strdup("']]>' in text: write ]]&gt; (XML reserves ']]>' for the end of a CDATA section)");
	case XML_ERR_CDATA_NOT_FINISHED: return pc_strdup("a CDATA section is not closed: end it with ]]>");
	case XML_ERR_HYPHEN_IN_COMMENT:
		return pc_strdup("'--' inside a comment: XML ends comments with it, so write one hyphen or a dash "
				 "(\xE2\x80\x93) inside <!-- ... -->");
	case XML_ERR_COMMENT_NOT_FINISHED: return pc_strdup("a comment is not closed: end the <!-- with -->");
	case XML_ERR_ENTITYREF_SEMICOL_MISSING:
		return pc_strdup("a reference without its ';': write &amp; (or &lt;, &gt;, &quot;, &apos;, &#160;) "
				 "with the semicolon, and &amp; for an ampersand itself");
	case XML_WAR_UNKNOWN_VERSION:
		return pc_strdup("the XML declaration says a version other than 1.0: write <?xml version=\"1.0\" "
				 "encoding=\"UTF-8\"?> (the format's own version goes on <profile version=...>)");
	case XML_ERR_INVALID_CHARREF:
	case XML_ERR_INVALID_CHAR:
	case XML_ERR_INVALID_ENCODING: {
		if (msg && strstr(msg, "xmlParseCharRef") != NULL)
			return pc_strdup("a character reference to a character XML does not allow (&#0; or another "
					 "control character): remove it, or write the character meant");
		/* libxml2 names the bytes where decoding failed: keep them, they find the place. */
		const char *bytes = msg && strstr(msg, "not proper UTF-8") ? strstr(msg, "Bytes: ") : NULL;
		if (code == XML_ERR_INVALID_CHAR && bytes == NULL)
			return NULL;
		size_t n = bytes ? strcspn(bytes + 7, "\n") : 0;
		return pc_asprintf("bytes that are not UTF-8%s%.*s%s: save the file as UTF-8 (a Latin-1 or "
				   "Windows-1252 editor setting writes these)",
				   n ? " (" : "", (int)n, bytes ? bytes + 7 : "", n ? ")" : "");
	}
	default: return NULL;
	}
}
