/* Decimal numbers as the editor wrote them: canonical strings, compared exactly, never rounded through a double. */
#ifndef PC_DECIMAL_H
#define PC_DECIMAL_H

#include <stddef.h>

/* The most digits a number may have (integer and fraction digits together,
 * once canonical): numbers are compared exactly up to it, and a double
 * never overflows on one. */
#define PC_DECIMAL_MAX_DIGITS 30
/* The most significant digits a double (and so an Excel cell or a JSON
 * number read by a processor) holds exactly. */
#define PC_DECIMAL_DOUBLE_DIGITS 15

typedef enum {
	PC_DECIMAL_OK,
	PC_DECIMAL_SYNTAX,   /* not [+-]digits[.digits] */
	PC_DECIMAL_TOO_LONG, /* more than PC_DECIMAL_MAX_DIGITS digits */
} pc_decimal_status;

/* The canonical form of an xs:decimal lexical value: no sign but '-', no
 * leading zeros, no trailing fraction zeros nor a bare '.', and "0" for
 * every zero ("-0", "+0.00"). "007.50" -> "7.5", ".5" -> "0.5".
 * out needs strlen(s) + 2 bytes. */
pc_decimal_status pc_decimal_canon(const char *s, char *out);

/* -1, 0 or 1 as a < b, a = b, a > b; both canonical. */
int pc_decimal_cmp(const char *a, const char *b);

/* Significant digits of a canonical decimal: from its first non-zero digit
 * to its last ("1200" has 2, "0.0012" has 2, "0" has 0). */
size_t pc_decimal_significant(const char *canon);

/* The number of digits PC_DECIMAL_MAX_DIGITS bounds. */
size_t pc_decimal_digits(const char *canon);

/* Whether a double holds the value exactly: at most
 * PC_DECIMAL_DOUBLE_DIGITS significant digits (and, the digits being
 * bounded, no overflow). */
int pc_decimal_fits_double(const char *canon);

/* The nearest double (exact when pc_decimal_fits_double). */
double pc_decimal_to_double(const char *canon);

#endif
