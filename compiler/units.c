/* Units and currencies: ISO 4217 codes checked against ICU's currency data
 * (never a table of our own, which would age), and the vocabulary of
 * indicator units of format 1.1. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ucurr.h>
#include <unicode/uenum.h>
#include <unicode/ustring.h>

#include "alloc.h"
#include "compiler.h"
#include "fixit.h"

/* The units an indicator's value may have (format 1.1), besides a currency
 * code: schemas/README.md explains each. */
static const char *const indicator_units[] = {
	"percent",
	"count",
	"per-100-inhabitants",
	"per-1000-inhabitants",
	"per-100000-inhabitants",
	"per-100-households",
	"mbit-per-second",
	"index-points",
	"rank",
	"years",
	"hours-per-day",
};

/* Milliseconds since 1970 of a YYYY-MM-DD date (noon), or -1. */
static double
udate_of(const char *date)
{
	int y, m, d;
	if (date == NULL || sscanf(date, "%4d-%2d-%2d", &y, &m, &d) != 3 || m < 1 || m > 12 || d < 1 || d > 31)
		return -1;
	/* Days from civil (H. Hinnant's algorithm), proleptic Gregorian. */
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400, doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long days = era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
	return (double)days * 86400000.0 + 43200000.0;
}

/* The nearest code, ties going to a code of the same country (its first
 * two letters: "USX" is USD, not UGX), then to a current one. */
static const char *
nearest_code(const char *code, const char **codes, size_t n)
{
	UErrorCode e = U_ZERO_ERROR;
	UEnumeration *cur = ucurr_openISOCurrencies(UCURR_COMMON | UCURR_NON_DEPRECATED, &e);
	const char **order = pc_calloc(3 * n + 1, sizeof *order);
	size_t m = 0;
	const char *c;
	while (U_SUCCESS(e) && (c = uenum_next(cur, NULL, &e)) != NULL)
		for (size_t i = 0; i < n; i++)
			if (strcmp(codes[i], c) == 0 && strncmp(c, code, 2) == 0)
				order[m++] = codes[i];
	uenum_reset(cur, &e);
	while (U_SUCCESS(e) && (c = uenum_next(cur, NULL, &e)) != NULL)
		for (size_t i = 0; i < n; i++)
			if (strcmp(codes[i], c) == 0)
				order[m++] = codes[i];
	uenum_close(cur);
	for (size_t i = 0; i < n; i++)
		order[m++] = codes[i];
	const char *best = pc_nearest(code, order, m);
	free(order);
	return best;
}

pc_currency_status
pc_currency(const char *code, const char *date, char nearest[4])
{
	nearest[0] = '\0';
	UErrorCode e = U_ZERO_ERROR;
	UEnumeration *all = ucurr_openISOCurrencies(UCURR_ALL, &e);
	if (U_FAILURE(e))
		return PC_CURRENCY_CURRENT; /* no data: nothing to say */
	int found = 0;
	const char *c;
	while (!found && (c = uenum_next(all, NULL, &e)) != NULL && U_SUCCESS(e))
		found = strcmp(c, code) == 0;
	pc_currency_status st = PC_CURRENCY_UNKNOWN;
	if (found) {
		/* Current: legal tender on the profile's edition date (ICU's
		 * dates), else not deprecated in ISO 4217's list. */
		UChar u[4];
		u_charsToUChars(code, u, 4);
		double at = udate_of(date);
		e = U_ZERO_ERROR;
		UBool current = at >= 0 ? ucurr_isAvailable(u, at, at, &e) : 1;
		st = U_SUCCESS(e) && current ? PC_CURRENCY_CURRENT : PC_CURRENCY_HISTORIC;
	} else {
		/* The codes are copied only for an unknown one, to find the
		 * nearest (a copy of the 300 codes per amount was most of
		 * the checks' time on a 10 MB profile). */
		e = U_ZERO_ERROR;
		uenum_reset(all, &e);
		int32_t n = uenum_count(all, &e), k = 0;
		const char **codes = pc_calloc((size_t)(n > 0 ? n : 1), sizeof *codes);
		while (k < n && (c = uenum_next(all, NULL, &e)) != NULL && U_SUCCESS(e))
			codes[k++] = pc_strdup(c);
		const char *best = nearest_code(code, codes, (size_t)k);
		if (best)
			snprintf(nearest, 4, "%s", best);
		for (int32_t i = 0; i < k; i++)
			free((char *)codes[i]);
		free(codes);
	}
	uenum_close(all);
	return st;
}

static int
is_currency_code(const char *s)
{
	return s && strlen(s) == 3 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z' && s[2] >= 'A' &&
	       s[2] <= 'Z';
}

/* One currency code: an error when ISO 4217 has no such code, a data-quality
 * note when it is no longer current at the profile's edition. */
static void
check_currency(pc_graph *g, pc_diag *d, pc_ref who, unsigned line, unsigned col, const char *code)
{
	char near[4];
	const pc_node *n = pc_graph_node(g, who);
	switch (pc_currency(code, g->modified, near)) {
	case PC_CURRENCY_CURRENT: break;
	case PC_CURRENCY_HISTORIC:
		pc_quality(
			g, d, who, line, col, "historic-currency",
			"'%s' is in %s, a currency that was no longer current at the profile's edition (%s): amounts "
			"are as the law states them",
			n->id, code, g->modified ? g->modified : "?");
		break;
	case PC_CURRENCY_UNKNOWN:
		pc_diag_report(d, PC_SEV_ERROR, g->source_path, line, col, "unknown-currency",
			       "'%s' has currency '%s', which is not an ISO 4217 code: %s%s%s", n->id, code,
			       near[0] ? "did you mean " : "write the three-letter code (EUR, USD, ...)",
			       near[0] ? near : "", near[0] ? "?" : "");
		break;
	}
}

void
pc_check_units(pc_graph *g, pc_diag *d)
{
	for (size_t i = 0; i < g->n_penalties; i++) {
		const pc_penalty *p = &g->penalties[i];
		pc_ref r = {PC_PENALTY, (uint32_t)i};
		if (p->unit_is_currency && is_currency_code(p->unit))
			check_currency(g, d, r, p->n.line, p->n.col, p->unit);
		if (is_currency_code(p->daily_currency))
			check_currency(g, d, r, p->daily_line, p->daily_col, p->daily_currency);
	}
	/* Indicator units are free text in 1.0, a vocabulary in 1.1. */
	if (pc_is_format_1_0(g))
		return;
	size_t n_units = sizeof indicator_units / sizeof indicator_units[0];
	for (size_t i = 0; i < g->n_indicators; i++) {
		const pc_indicator *ind = &g->indicators[i];
		const char *u = ind->unit;
		if (u == NULL)
			continue;
		if (is_currency_code(u)) {
			check_currency(g, d, (pc_ref){PC_INDICATOR, (uint32_t)i}, ind->n.line, ind->n.col, u);
			continue;
		}
		size_t k = 0;
		while (k < n_units && strcmp(indicator_units[k], u) != 0)
			k++;
		if (k < n_units)
			continue;
		const char *near = pc_nearest(u, indicator_units, n_units);
		pc_diag_report(d, PC_SEV_ERROR, g->source_path, ind->n.line, ind->n.col, "unknown-unit",
			       "indicator '%s' has unit '%s', which format 1.1 does not know: %s%s%s", ind->n.id, u,
			       near ? "write "
				    : "write percent, count, per-100-inhabitants, ... or an ISO 4217 currency "
				      "code (schemas/README.md lists them)",
			       near ? near : "", near ? "" : "");
	}
}
