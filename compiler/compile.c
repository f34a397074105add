/* The pipeline: load -> validate -> build -> normalize -> check, for one file. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../exporters/xlsx_limits.h"
#include "compiler.h"

/* Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's
 * algorithm): no timegm(), no time zone. */
static long long
days_from_civil(int y, unsigned m, unsigned d)
{
	y -= m <= 2;
	long long era = (y >= 0 ? y : y - 399) / 400;
	unsigned yoe = (unsigned)(y - era * 400);
	unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (long long)doe - 719468;
}

/* The date of an xs:date ("2026-11-28", "2026-11-28Z",
 * "2026-11-28+02:00"), from 1970 on (the build date is seconds since
 * then): 0, or -1. The time zone says where the day was, not which day: it
 * is dropped. The schema has already checked the form; this checks the
 * range. */
static int
modified_date(const char *s, int *y, unsigned *m, unsigned *day)
{
	int n = 0;
	if (s == NULL || sscanf(s, "%4d-%2u-%2u%n", y, m, day, &n) != 3 || n != 10 || *y < 1970 || *m < 1 || *m > 12 ||
	    *day < 1 || *day > 31)
		return -1;
	const char *zone = s + n;
	unsigned hh, mm;
	int z = 0;
	if (*zone == '\0' || strcmp(zone, "Z") == 0)
		return 0;
	if ((*zone == '+' || *zone == '-') && sscanf(zone + 1, "%2u:%2u%n", &hh, &mm, &z) == 2 && z == 5 &&
	    zone[1 + z] == '\0' && hh * 60 + mm <= 14 * 60 && mm < 60)
		return 0;
	return -1;
}

/* SOURCE_DATE_EPOCH when set (reproducible-builds.org), else the source's
 * own edition date: never the clock. */
static int
set_build_date(pc_graph *g, pc_diag *d)
{
	const char *env = getenv("SOURCE_DATE_EPOCH");
	long long epoch = 0;
	if (env && *env) {
		char *end;
		errno = 0;
		epoch = strtoll(env, &end, 10);
		if (errno || *end || epoch < 0 || epoch > 253402300799LL) {
			pc_diag_report(d, PC_SEV_ERROR, NULL, 0, 0, "source-date-epoch",
				       "SOURCE_DATE_EPOCH='%s' is not a number of seconds between 1970 and 9999", env);
			return -1;
		}
	} else {
		int y;
		unsigned m, day;
		if (modified_date(g->modified, &y, &m, &day) != 0) {
			pc_diag_report(d, PC_SEV_ERROR, g->source_path, g->modified_line, g->modified_col, "schema",
				       "the profile's modified date '%s' is not a date from 1970 to 9999: write "
				       "YYYY-MM-DD, with a time zone (Z, +hh:mm or -hh:mm) if you like, or set "
				       "SOURCE_DATE_EPOCH",
				       g->modified ? g->modified : "");
			return -1;
		}
		epoch = days_from_civil(y, m, day) * 86400;
	}
	time_t t = (time_t)epoch;
	struct tm tm;
	if (gmtime_r(&t, &tm) == NULL)
		return -1;
	g->build_epoch = epoch;
	strftime(g->build_date, sizeof g->build_date, "%Y-%m-%d", &tm);
	strftime(g->build_timestamp, sizeof g->build_timestamp, "%Y-%m-%dT%H:%M:%SZ", &tm);
	return 0;
}

pc_graph *
pc_compile(const char *path, const pc_limits *lim, pc_diag *d)
{
	pc_input src = {.path = path, .digest = lim->digest, .fd = -1};
	pc_graph *g = NULL;
	if (pc_load(&src, lim, d) == 0)
		g = pc_parse(&src, d);
	if (g != NULL && pc_input_unchanged(&src, d) != 0) {
		pc_graph_free(g);
		g = NULL;
	}
	pc_input_free(&src);
	if (g == NULL)
		return NULL;
	if (set_build_date(g, d) != 0) {
		pc_graph_free(g);
		return NULL;
	}
	pc_drop_repeated_links(g, d);
	pc_normalize(g, d);
	pc_text_langs_index(g);
	pc_check(g, d);
	/* What the workbook would refuse, validate refuses too. */
	pc_check_xlsx_limits(g, d);
	return g;
}
