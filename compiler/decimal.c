/* Decimal numbers as the editor wrote them: canonical strings, compared exactly, never rounded through a double. */
#include "decimal.h"

#include <stdlib.h>
#include <string.h>

static int
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

pc_decimal_status
pc_decimal_canon(const char *s, char *out)
{
	const char *p = s;
	int negative = 0;
	if (*p == '+' || *p == '-')
		negative = *p++ == '-';
	const char *int_start = p;
	while (is_digit(*p))
		p++;
	const char *int_end = p;
	const char *frac_start = p, *frac_end = p;
	if (*p == '.') {
		frac_start = ++p;
		while (is_digit(*p))
			p++;
		frac_end = p;
	}
	/* xs:decimal: at least one digit, nothing after; no exponent. */
	if (*p != '\0' || (int_end == int_start && frac_end == frac_start))
		return PC_DECIMAL_SYNTAX;
	while (int_start < int_end && *int_start == '0')
		int_start++;
	while (frac_end > frac_start && frac_end[-1] == '0')
		frac_end--;
	size_t n_int = (size_t)(int_end - int_start), n_frac = (size_t)(frac_end - frac_start);
	char *o = out;
	if (n_int == 0 && n_frac == 0) {
		strcpy(out, "0"); /* every zero is "0": no "-0" */
		return PC_DECIMAL_OK;
	}
	if (negative)
		*o++ = '-';
	if (n_int == 0)
		*o++ = '0';
	memcpy(o, int_start, n_int);
	o += n_int;
	if (n_frac > 0) {
		*o++ = '.';
		memcpy(o, frac_start, n_frac);
		o += n_frac;
	}
	*o = '\0';
	return pc_decimal_digits(out) > PC_DECIMAL_MAX_DIGITS ? PC_DECIMAL_TOO_LONG : PC_DECIMAL_OK;
}

/* Compare the magnitudes of two canonical decimals without their signs. */
static int
cmp_magnitude(const char *a, const char *b)
{
	size_t ia = strcspn(a, "."), ib = strcspn(b, ".");
	/* No leading zeros: the longer integer part is the larger ("0" is the
	 * one integer part of 0.x, and it is shorter than any other). */
	if (ia != ib)
		return ia < ib ? -1 : 1;
	int c = strncmp(a, b, ia);
	if (c != 0)
		return c < 0 ? -1 : 1;
	const char *fa = a[ia] ? a + ia + 1 : "", *fb = b[ib] ? b + ib + 1 : "";
	/* Fractions compare digit by digit; the one that runs out is smaller
	 * (no trailing zeros, so the longer one has a non-zero digit left). */
	for (; *fa && *fb; fa++, fb++)
		if (*fa != *fb)
			return *fa < *fb ? -1 : 1;
	return *fa ? 1 : *fb ? -1 : 0;
}

int
pc_decimal_cmp(const char *a, const char *b)
{
	int na = a[0] == '-', nb = b[0] == '-';
	if (na != nb)
		return na ? -1 : 1;
	int c = cmp_magnitude(a + na, b + nb);
	return na ? -c : c;
}

size_t
pc_decimal_digits(const char *canon)
{
	size_t n = 0;
	const char *p = canon + (canon[0] == '-');
	if (p[0] == '0') /* "0" or "0.x": the zero is not a digit of the value */
		p++;
	for (; *p; p++)
		n += is_digit(*p);
	return n;
}

size_t
pc_decimal_significant(const char *canon)
{
	const char *first = NULL, *last = NULL;
	for (const char *p = canon; *p; p++) {
		if (*p >= '1' && *p <= '9') {
			if (first == NULL)
				first = p;
			last = p;
		}
	}
	if (first == NULL)
		return 0;
	size_t n = 0;
	for (const char *p = first; p <= last; p++)
		n += is_digit(*p);
	return n;
}

int
pc_decimal_fits_double(const char *canon)
{
	return pc_decimal_significant(canon) <= PC_DECIMAL_DOUBLE_DIGITS;
}

double
pc_decimal_to_double(const char *canon)
{
	return strtod(canon, NULL);
}
