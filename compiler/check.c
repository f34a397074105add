/* Check what XSD cannot: plausible years, penalty bounds, cycles, formula
 * triggers, and the data-quality notes that the products show. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "../exporters/xlsx_limits.h"
#include "compiler.h"
#include "decimal.h"

#define YEAR_MIN 1800
#define YEAR_MAX 2100

/* A note quotes names and titles, which may be as long as a cell holds: the
 * note, a cell of its own in the data_quality table, is cut short at a
 * character boundary instead (the quoted text is whole in its own row),
 * so a derived message never trips a limit the editor cannot fix. */
#define NOTE_MAX 1000
static void
shorten_note(char *msg)
{
	size_t n = strlen(msg);
	if (n <= NOTE_MAX)
		return;
	n = NOTE_MAX - 3;
	while (n > 0 && ((unsigned char)msg[n] & 0xC0) == 0x80)
		n--;                        /* not inside a UTF-8 sequence */
	memcpy(msg + n, "\xE2\x80\xA6", 4); /* U+2026 and the NUL */
}

void
pc_quality(pc_graph *g, pc_diag *d, pc_ref subject, unsigned line, unsigned col, const char *rule, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *msg = pc_vasprintf(fmt, ap);
	va_end(ap);
	shorten_note(msg);
	pc_quality_note *q = PC_PUSH(g, quality);
	q->rule = pc_intern(&g->strings, rule);
	q->subject = subject;
	q->message = pc_intern(&g->strings, msg);
	q->line = line;
	q->col = col;
	pc_diag_report(d, PC_SEV_WARNING, g->source_path, line, col, rule, "%s", msg);
	free(msg);
}

/* A year is PC_NONE when absent, 0 as written, or not a number. In a
 * checked graph only an optional year can be absent, so a required one at
 * PC_NONE was written 0; in a partial graph it may be one the schema
 * refused, which is reported already. */
static void
check_year(const pc_graph *g, pc_diag *d, int year, const pc_node *n, const char *what, int partial)
{
	if (year == PC_NONE && (partial || strcmp(what, "year") != 0))
		return;
	if (year < YEAR_MIN || year > YEAR_MAX)
		pc_diag_report(d, PC_SEV_ERROR, g->source_path, n->line, n->col, "implausible-year",
			       "'%s' has %s %d, outside %d..%d", n->id, what, year, YEAR_MIN, YEAR_MAX);
}

/* The year of an xs:gYearMonth ("2001-11", "-2017-03", "12001-11"), or
 * PC_NONE when there is no date. Year 0 (no xs:gYear) and years past five
 * digits come back as implausible years, not as PC_NONE or an overflow. */
static int
year_of(const char *date)
{
	if (date == NULL)
		return PC_NONE;
	char *end;
	long y = strtol(date, &end, 10);
	if (end == date)
		return PC_NONE; /* the schema lets no such date through */
	return y == 0 ? -1 : y < -99999 ? -99999 : y > 99999 ? 99999 : (int)y;
}

/* A year after the profile's edition is a typo, unless the profile says
 * the event is planned. */
static void
check_not_future(const pc_graph *g, pc_diag *d, int year, const pc_node *n, const char *what, int planned)
{
	int edition = g->modified ? atoi(g->modified) : 0;
	if (year == PC_NONE || planned || edition <= 0 || year <= edition || year > YEAR_MAX)
		return;
	pc_diag_report(d, PC_SEV_ERROR, g->source_path, n->line, n->col, "future-year",
		       "'%s' has %s %d, after the profile's edition (%s): correct it, or, for an event the profile "
		       "says is planned, write planned=\"true\"",
		       n->id, what, year, g->modified);
}

static void
check_years(const pc_graph *g, pc_diag *d, int partial)
{
	for (size_t i = 0; i < g->n_events; i++) {
		const pc_event *e = &g->events[i];
		check_not_future(g, d, e->year, &e->n, "year", e->planned > 0);
		check_not_future(g, d, e->end_year, &e->n, "end-year", e->planned > 0);
	}
	for (size_t i = 0; i < g->n_publications; i++)
		check_not_future(g, d, g->publications[i].year, &g->publications[i].n, "year", 0);
	for (size_t i = 0; i < g->n_actors; i++)
		check_not_future(g, d, g->actors[i].founded, &g->actors[i].n, "founded", 0);
	for (size_t i = 0; i < g->n_instruments; i++)
		check_not_future(g, d, g->instruments[i].year, &g->instruments[i].n, "instrument year", 0);
	for (size_t i = 0; i < g->n_indicators; i++)
		check_not_future(g, d, g->indicators[i].year, &g->indicators[i].n, "value year", 0);
	for (size_t i = 0; i < g->n_events; i++) {
		const pc_event *e = &g->events[i];
		check_year(g, d, e->year, &e->n, "year", partial);
		if (e->end_year != PC_NONE) {
			check_year(g, d, e->end_year, &e->n, "end-year", partial);
			if (e->end_year < e->year)
				pc_diag_report(d, PC_SEV_ERROR, g->source_path, e->n.line, e->n.col, "implausible-year",
					       "event '%s' ends (%d) before it starts (%d)", e->n.id, e->end_year,
					       e->year);
		}
	}
	for (size_t i = 0; i < g->n_publications; i++)
		check_year(g, d, g->publications[i].year, &g->publications[i].n, "year", partial);
	for (size_t i = 0; i < g->n_actors; i++)
		check_year(g, d, g->actors[i].founded, &g->actors[i].n, "founded", partial);
	for (size_t i = 0; i < g->n_instruments; i++) {
		check_year(g, d, g->instruments[i].year, &g->instruments[i].n, "instrument year", partial);
		check_year(g, d, year_of(g->instruments[i].status_date), &g->instruments[i].n, "status date year",
			   partial);
	}
	for (size_t i = 0; i < g->n_indicators; i++)
		check_year(g, d, g->indicators[i].year, &g->indicators[i].n, "value year", partial);
}

static int
unit_is(const pc_penalty *p, const char *unit)
{
	return p->unit && strcmp(p->unit, unit) == 0;
}

static int
unit_is_duration(const pc_penalty *p)
{
	return unit_is(p, "days") || unit_is(p, "weeks") || unit_is(p, "months") || unit_is(p, "years");
}

/* The unit a penalty's kind allows: a term in days to years, a fine in a
 * currency or percent, community service in hours, a day-fine in
 * day-units. One error per penalty, with the unit to write. */
static void
check_penalty_unit(const pc_graph *g, pc_diag *d, const pc_penalty *p)
{
	const char *id = p->n.id, *kind = pc_penalty_kind_name[p->kind];
	if (p->unit == NULL) {
		if ((p->min || p->max) && p->kind != PC_PEN_LIFE)
			pc_diag_report(d, PC_SEV_ERROR, g->source_path, p->n.line, p->n.col, "penalty-unit",
				       "penalty '%s' has bounds but no unit", id);
		return;
	}
	const char *want = NULL; /* what to write instead, NULL when the unit fits */
	switch (p->kind) {
	case PC_PEN_FINE:
		if (!p->unit_is_currency && !unit_is(p, "percent")) {
			pc_diag_report(d, PC_SEV_ERROR, g->source_path, p->n.line, p->n.col, "penalty-unit",
				       "fine '%s' is measured in %s, not a currency", id, p->unit);
			return;
		}
		break;
	case PC_PEN_IMPRISONMENT:
	case PC_PEN_PROHIBITION:
		if (p->unit_is_currency) {
			pc_diag_report(d, PC_SEV_ERROR, g->source_path, p->n.line, p->n.col, "penalty-unit",
				       "penalty '%s' (%s) is measured in a currency (%s)", id, kind, p->unit);
			return;
		}
		want = unit_is_duration(p) ? NULL : "a term is in days, weeks, months or years";
		break;
	case PC_PEN_COMMUNITY_SERVICE:
		want = unit_is(p, "hours") ? NULL : "community service is counted in hours: write unit=\"hours\"";
		break;
	case PC_PEN_DAY_FINE:
		want = unit_is(p, "day-units") ? NULL
					       : "a day-fine's bounds count daily units: write unit=\"day-units\"";
		break;
	case PC_PEN_LIFE:
	case PC_PEN_COUNT: break; /* life imprisonment: check_penalty_bounds */
	}
	if (want)
		pc_diag_report(d, PC_SEV_ERROR, g->source_path, p->n.line, p->n.col, "penalty-unit",
			       "penalty '%s' (%s) is measured in %s: %s%s", id, kind, p->unit, want,
			       p->kind == PC_PEN_DAY_FINE && p->unit_is_currency
				       ? " and the amount per day as <daily-amount currency=\"...\"/>"
				       : "");
	if (p->base && !unit_is(p, "percent"))
		pc_diag_report(d, PC_SEV_ERROR, g->source_path, p->n.line, p->n.col, "penalty-unit",
			       "penalty '%s' has a <base>, which only a fine in percent has: write unit=\"percent\" "
			       "or remove <base>",
			       id);
}

/* Bounds a kind cannot have: life imprisonment has none, a percentage is
 * at most 100, a daily amount belongs to a day-fine. */
static void
check_penalty_bounds(const pc_graph *g, pc_diag *d, const pc_penalty *p)
{
	const char *id = p->n.id;
	if (p->kind == PC_PEN_LIFE && (p->min || p->max || p->unit))
		pc_diag_report(d, PC_SEV_ERROR, g->source_path, p->n.line, p->n.col, "penalty-bounds",
			       "life imprisonment '%s' has %s: life imprisonment has no bounds; remove min, max and "
			       "unit, or write kind=\"imprisonment\" for a term",
			       id, p->min || p->max ? "a bound" : "a unit");
	const char *over = p->max && pc_decimal_cmp(p->max, "100") > 0   ? p->max
			   : p->min && pc_decimal_cmp(p->min, "100") > 0 ? p->min
									 : NULL;
	if (unit_is(p, "percent") && over)
		pc_diag_report(d, PC_SEV_ERROR, g->source_path, p->n.line, p->n.col, "penalty-percent",
			       "fine '%s' is %s percent, over 100: a percentage of its base is at most 100; "
			       "an amount of money takes a currency as unit",
			       id, over);
	if (p->daily_currency == NULL)
		return;
	if (p->kind != PC_PEN_DAY_FINE)
		pc_diag_report(d, PC_SEV_ERROR, g->source_path, p->daily_line, p->daily_col, "penalty-daily-amount",
			       "penalty '%s' (%s) has a <daily-amount>, which only a day-fine has: write "
			       "kind=\"day-fine\" or remove <daily-amount>",
			       id, pc_penalty_kind_name[p->kind]);
	else if (p->daily_min && p->daily_max && pc_decimal_cmp(p->daily_min, p->daily_max) > 0)
		pc_diag_report(d, PC_SEV_ERROR, g->source_path, p->daily_line, p->daily_col, "penalty-daily-amount",
			       "day-fine '%s' has a daily amount whose minimum (%s) is above its maximum (%s)", id,
			       p->daily_min, p->daily_max);
}

/* The penalty constructs of format 1.1 (kinds, units, <base>,
 * <daily-amount>) in a source that says version="1.0"; the builder reports
 * the elements of 1.1 (<part>, a penalty of a whole instrument). */
static void
check_penalty_version(const pc_graph *g, pc_diag *d, const pc_penalty *p)
{
	if (g->version == NULL || strcmp(g->version, "1.0") != 0)
		return;
	const char *unit = unit_is(p, "hours") || unit_is(p, "percent") || unit_is(p, "day-units") ? p->unit : NULL;
	const char *fmt =
		"%s%s%s is format 1.1, but the profile says version=\"1.0\": write version=\"1.1\" on <profile>";
	if (p->kind >= PC_PEN_LIFE && p->kind < PC_PEN_COUNT)
		pc_diag_report(d, PC_SEV_ERROR, g->source_path, p->n.line, p->n.col, "format-version", fmt,
			       "penalty kind \"", pc_penalty_kind_name[p->kind], "\"");
	if (unit)
		pc_diag_report(d, PC_SEV_ERROR, g->source_path, p->n.line, p->n.col, "format-version", fmt, "unit \"",
			       unit, "\"");
	if (p->base)
		pc_diag_report(d, PC_SEV_ERROR, g->source_path, p->n.line, p->n.col, "format-version", fmt, "<base>",
			       "", "");
	if (p->daily_currency)
		pc_diag_report(d, PC_SEV_ERROR, g->source_path, p->daily_line, p->daily_col, "format-version", fmt,
			       "<daily-amount>", "", "");
}

static void
check_penalty_range(const pc_graph *g, pc_diag *d, const pc_penalty *p)
{
	/* Compared as the decimals written: 9007199254740993 > 9007199254740992. */
	if (p->min && p->max && pc_decimal_cmp(p->min, p->max) > 0)
		pc_diag_report(d, PC_SEV_ERROR, g->source_path, p->n.line, p->n.col, "penalty-range",
			       "penalty '%s' has a minimum (%s) above its maximum (%s)", p->n.id, p->min, p->max);
}

static void
check_penalties(const pc_graph *g, pc_diag *d)
{
	for (size_t i = 0; i < g->n_penalties; i++) {
		const pc_penalty *p = &g->penalties[i];
		check_penalty_range(g, d, p);
		check_penalty_unit(g, d, p);
		check_penalty_bounds(g, d, p);
		check_penalty_version(g, d, p);
		if (p->alternative_to == (int32_t)i || p->in_addition_to == (int32_t)i)
			pc_diag_report(d, PC_SEV_ERROR, g->source_path, p->n.line, p->n.col, "ref-cycle",
				       "penalty '%s' refers to itself", p->n.id);
	}
	for (size_t i = 0; i < g->n_penalty_changes; i++) {
		const pc_penalty_change *c = &g->penalty_changes[i];
		if (c->penalty == c->of)
			pc_diag_report(d, PC_SEV_ERROR, g->source_path, c->line, c->col, "ref-cycle",
				       "penalty '%s' changes itself", g->penalties[c->penalty].n.id);
	}
}

/* part-of, member-of and operated-by form a hierarchy: no actor may reach
 * itself through them. Depth-first search with colours. */
static int
hierarchical(pc_relation_type t)
{
	return t == PC_REL_PART_OF || t == PC_REL_MEMBER_OF || t == PC_REL_OPERATED_BY;
}

static void
check_cycles(const pc_graph *g, pc_diag *d)
{
	size_t n = g->n_actors;
	if (n == 0)
		return;
	/* The hierarchical relations of each actor, by a counting sort. */
	size_t *first = pc_calloc(n + 1, sizeof *first);
	size_t *adj = pc_malloc((g->n_actor_relations ? g->n_actor_relations : 1) * sizeof *adj);
	for (size_t e = 0; e < g->n_actor_relations; e++)
		if (hierarchical(g->actor_relations[e].type))
			first[g->actor_relations[e].from + 1]++;
	for (size_t a = 0; a < n; a++)
		first[a + 1] += first[a];
	size_t *fill = pc_malloc((n + 1) * sizeof *fill);
	memcpy(fill, first, (n + 1) * sizeof *fill);
	for (size_t e = 0; e < g->n_actor_relations; e++)
		if (hierarchical(g->actor_relations[e].type))
			adj[fill[g->actor_relations[e].from]++] = e;
	free(fill);
	unsigned char *colour = pc_calloc(n, 1); /* 0 new, 1 on the stack, 2 done */
	size_t *stack = pc_malloc((n + 1) * sizeof *stack);
	size_t *edge_pos = pc_malloc((n + 1) * sizeof *edge_pos);
	for (size_t start = 0; start < n; start++) {
		if (colour[start])
			continue;
		size_t top = 0;
		stack[0] = start;
		edge_pos[0] = first[start];
		colour[start] = 1;
		while (1) {
			size_t a = stack[top];
			size_t k = edge_pos[top];
			if (k == first[a + 1]) {
				colour[a] = 2;
				if (top == 0)
					break;
				top--;
				continue;
			}
			edge_pos[top] = k + 1;
			const pc_actor_relation *r = &g->actor_relations[adj[k]];
			if (colour[r->to] == 1) {
				pc_diag_report(d, PC_SEV_ERROR, g->source_path, r->line, r->col, "ref-cycle",
					       "actor '%s' is %s '%s', which leads back to itself", g->actors[a].n.id,
					       pc_relation_name[r->type], g->actors[r->to].n.id);
			} else if (colour[r->to] == 0) {
				colour[r->to] = 1;
				stack[++top] = r->to;
				edge_pos[top] = first[r->to];
			}
		}
	}
	free(first);
	free(adj);
	free(colour);
	free(stack);
	free(edge_pos);
}

/* Editions form a chain, never a loop (a profile without actors too). */
static void
check_edition_cycles(const pc_graph *g, pc_diag *d)
{
	for (size_t i = 0; i < g->n_publications; i++) {
		int32_t p = g->publications[i].edition_of;
		for (size_t steps = 0; p >= 0 && steps <= g->n_publications; steps++) {
			if ((size_t)p == i) {
				pc_diag_report(d, PC_SEV_ERROR, g->source_path, g->publications[i].n.line,
					       g->publications[i].n.col, "ref-cycle",
					       "publication '%s' is, through its editions, an edition of itself",
					       g->publications[i].n.id);
				break;
			}
			p = g->publications[p].edition_of;
		}
	}
}

/* A text a spreadsheet would run as a formula; with `lengths`, also one
 * no Excel cell holds (for a partial graph: a checked one has every cell
 * of the workbook measured by pc_check_xlsx_limits). */
static void
check_text(const pc_graph *g, pc_diag *d, int lengths, const char *s, unsigned line, unsigned col, pc_kind kind,
	   const char *id, const char *field)
{
	size_t len;
	if (lengths && s != NULL && strlen(s) > PC_EXCEL_CELL_MAX / 2 && (len = pc_excel_len(s)) > PC_EXCEL_CELL_MAX)
		pc_diag_report(d, PC_SEV_ERROR, g->source_path, line, col, "xlsx-cell-limit",
			       "%s '%s': %s is %zu characters long; an Excel cell holds at most %d: shorten it",
			       pc_kind_name[kind], id ? id : "", field, len, PC_EXCEL_CELL_MAX);
	if (s == NULL || strchr("=+-@\t\r", s[0]) == NULL || s[0] == '\0')
		return;
	pc_diag_report(d, PC_SEV_ERROR, g->source_path, line, col, "formula-trigger",
		       "%s '%s': %s begins with '%c', which a spreadsheet runs as a formula", pc_kind_name[kind],
		       id ? id : "", field, s[0] == '\t' ? ' ' : s[0]);
}

static void
check_texts(const pc_graph *g, pc_diag *d, int lengths)
{
#define T(s, node, kind, field) check_text(g, d, lengths, (s), (node).line, (node).col, (kind), (node).id, (field))
	check_text(g, d, lengths, g->title, 0, 0, PC_COUNTRY, pc_graph_cc(g), "title");
	check_text(g, d, lengths, g->indicator_note, 0, 0, PC_INDICATOR, "", "note");
	check_text(g, d, lengths, g->law_intro, 0, 0, PC_INSTRUMENT, "", "intro");
	for (size_t i = 0; i < g->n_countries; i++)
		T(g->countries[i].name, g->countries[i].n, PC_COUNTRY, "name");
	for (size_t i = 0; i < g->n_indicators; i++) {
		T(g->indicators[i].label, g->indicators[i].n, PC_INDICATOR, "label");
		T(g->indicators[i].unit, g->indicators[i].n, PC_INDICATOR, "unit");
	}
	for (size_t i = 0; i < g->n_providers; i++)
		T(g->providers[i].name, g->providers[i].n, PC_PROVIDER, "name");
	for (size_t i = 0; i < g->n_events; i++)
		T(g->events[i].text, g->events[i].n, PC_EVENT, "text");
	for (size_t i = 0; i < g->n_actors; i++) {
		const pc_actor *a = &g->actors[i];
		T(a->name, a->n, PC_ACTOR, "name");
		T(a->acronym, a->n, PC_ACTOR, "acronym");
		T(a->description, a->n, PC_ACTOR, "description");
		for (size_t k = 0; k < a->n_aliases; k++)
			T(a->aliases[k], a->n, PC_ACTOR, "alias");
	}
	for (size_t i = 0; i < g->n_persons; i++) {
		T(g->persons[i].family, g->persons[i].n, PC_PERSON, "family name");
		T(g->persons[i].given, g->persons[i].n, PC_PERSON, "given name");
	}
	for (size_t i = 0; i < g->n_authorships; i++) {
		const pc_authorship *au = &g->authorships[i];
		check_text(g, d, lengths, au->as_written, au->line, au->col, PC_PUBLICATION,
			   g->publications[au->publication].n.id, "author");
	}
	for (size_t i = 0; i < g->n_publications; i++) {
		const pc_publication *p = &g->publications[i];
		T(p->title, p->n, PC_PUBLICATION, "title");
		T(p->subtitle, p->n, PC_PUBLICATION, "subtitle");
		T(p->description, p->n, PC_PUBLICATION, "description");
	}
	/* Each entry as listed, merged ones included, and its authors as it
	 * writes them reach cells too (publication_listings, listing_authors);
	 * a text the merged publication also holds is reported once (diag.c). */
	for (size_t i = 0; i < g->n_listings; i++) {
		const pc_listing *li = &g->listings[i];
		T(li->title, li->n, PC_PUBLICATION, "title");
		T(li->subtitle, li->n, PC_PUBLICATION, "subtitle");
		T(li->description, li->n, PC_PUBLICATION, "description");
	}
	for (size_t i = 0; i < g->n_citations; i++) {
		const pc_citation *ci = &g->citations[i];
		const char *id = ci->listing < g->n_listings ? g->listings[ci->listing].n.id : "";
		check_text(g, d, lengths, ci->as_written, ci->line, ci->col, PC_PUBLICATION, id, "author");
		check_text(g, d, lengths, ci->family, ci->line, ci->col, PC_PUBLICATION, id, "author's family name");
		check_text(g, d, lengths, ci->given, ci->line, ci->col, PC_PUBLICATION, id, "author's given name");
	}
	for (size_t i = 0; i < g->n_instruments; i++) {
		T(g->instruments[i].title, g->instruments[i].n, PC_INSTRUMENT, "title");
		T(g->instruments[i].number, g->instruments[i].n, PC_INSTRUMENT, "number");
		T(g->instruments[i].status, g->instruments[i].n, PC_INSTRUMENT, "status");
		T(g->instruments[i].status_date, g->instruments[i].n, PC_INSTRUMENT, "status date");
	}
	for (size_t i = 0; i < g->n_articles; i++) {
		T(g->articles[i].number, g->articles[i].n, PC_ARTICLE, "number");
		T(g->articles[i].heading, g->articles[i].n, PC_ARTICLE, "heading");
		T(g->articles[i].text, g->articles[i].n, PC_ARTICLE, "text");
	}
	for (size_t i = 0; i < g->n_penalties; i++) {
		T(g->penalties[i].offence, g->penalties[i].n, PC_PENALTY, "offence");
		T(g->penalties[i].condition, g->penalties[i].n, PC_PENALTY, "condition");
		T(g->penalties[i].base, g->penalties[i].n, PC_PENALTY, "base");
	}
	for (size_t i = 0; i < g->n_parts; i++) {
		T(g->parts[i].label, g->parts[i].n, PC_PART, "label");
		T(g->parts[i].heading, g->parts[i].n, PC_PART, "heading");
	}
	for (size_t i = 0; i < g->n_thresholds; i++)
		T(g->thresholds[i].condition, g->thresholds[i].n, PC_THRESHOLD, "condition");
#undef T
}

/* The rules of note_missing: what the profile lacks. */
static const char *const gap_rules[] = {"missing-value", "unnamed-actor", "missing-author", "missing-kind"};

int
pc_quality_is_gap(const pc_quality_note *q)
{
	for (size_t i = 0; i < sizeof gap_rules / sizeof gap_rules[0]; i++)
		if (strcmp(q->rule, gap_rules[i]) == 0)
			return 1;
	return 0;
}

static void
note_missing(pc_graph *g, pc_diag *d)
{
	for (size_t i = 0; i < g->n_indicators; i++) {
		const pc_indicator *ind = &g->indicators[i];
		if (!ind->has_value)
			pc_quality(g, d, (pc_ref){PC_INDICATOR, (uint32_t)i}, ind->n.line, ind->n.col, "missing-value",
				   "indicator '%s' (%s) has no value in the profile", ind->n.id, ind->label);
	}
	for (size_t i = 0; i < g->n_actors; i++) {
		const pc_actor *a = &g->actors[i];
		if (a->name == NULL)
			pc_quality(g, d, (pc_ref){PC_ACTOR, (uint32_t)i}, a->n.line, a->n.col, "unnamed-actor",
				   "actor '%s' has no name in the profile", a->n.id);
		if (a->kind == NULL)
			pc_quality(g, d, (pc_ref){PC_ACTOR, (uint32_t)i}, a->n.line, a->n.col, "missing-kind",
				   "actor '%s' has no kind in the profile (not stated)", a->n.id);
	}
	unsigned char *has_author = pc_calloc(g->n_publications, 1);
	for (size_t k = 0; k < g->n_authorships; k++)
		has_author[g->authorships[k].publication] = 1;
	for (size_t i = 0; i < g->n_publications; i++) {
		if (!has_author[i])
			pc_quality(g, d, (pc_ref){PC_PUBLICATION, (uint32_t)i}, g->publications[i].n.line,
				   g->publications[i].n.col, "missing-author",
				   "publication '%s' has no author in the profile", g->publications[i].n.id);
	}
	free(has_author);
}

/* A number with more significant digits than a spreadsheet number holds:
 * the workbook writes its digits as text, and says so here. */
static void
note_long_number(pc_graph *g, pc_diag *d, pc_ref subject, const pc_node *n, const char *what, const char *v)
{
	if (v == NULL || pc_decimal_fits_double(v))
		return;
	pc_quality(g, d, subject, n->line, n->col, "number-precision",
		   "%s '%s': %s %s has %zu significant digits; the workbook holds it as text, since a spreadsheet "
		   "number keeps %d",
		   pc_kind_name[subject.kind], n->id, what, v, pc_decimal_significant(v), PC_DECIMAL_DOUBLE_DIGITS);
}

static void
note_long_numbers(pc_graph *g, pc_diag *d)
{
	for (size_t i = 0; i < g->n_indicators; i++)
		note_long_number(g, d, (pc_ref){PC_INDICATOR, (uint32_t)i}, &g->indicators[i].n, "value",
				 g->indicators[i].value);
	for (size_t i = 0; i < g->n_penalties; i++) {
		pc_ref r = {PC_PENALTY, (uint32_t)i};
		note_long_number(g, d, r, &g->penalties[i].n, "minimum", g->penalties[i].min);
		note_long_number(g, d, r, &g->penalties[i].n, "maximum", g->penalties[i].max);
	}
	for (size_t i = 0; i < g->n_penalty_changes; i++) {
		const pc_penalty_change *c = &g->penalty_changes[i];
		pc_node at = g->penalties[c->penalty].n;
		at.line = c->line;
		at.col = c->col;
		note_long_number(g, d, (pc_ref){PC_PENALTY, c->penalty}, &at, "factor", c->factor);
	}
}

/* A source the schema refused still gets, in the same run, every check
 * that needs no valid graph (its texts, as far as they were read): the
 * editor fixes everything in one round. */
void
pc_check_partial(const pc_graph *g, pc_diag *d)
{
	check_texts(g, d, 1);
	pc_check_version(g, d);
	/* The rules that read one node's own values, which the builder keeps
	 * only when they parse: the editor sees them beside the schema's
	 * errors, not in a second run. Rules that follow references, or read
	 * a kind the schema may have refused (the builder's default stands
	 * in for it), wait for a valid source. */
	check_years(g, d, 1);
	for (size_t i = 0; i < g->n_penalties; i++) {
		check_penalty_range(g, d, &g->penalties[i]);
		check_penalty_version(g, d, &g->penalties[i]);
	}
}

void
pc_check(pc_graph *g, pc_diag *d)
{
	check_years(g, d, 0);
	pc_check_version(g, d);
	pc_check_units(g, d);
	pc_check_langs(g, d);
	check_penalties(g, d);
	check_cycles(g, d);
	check_edition_cycles(g, d);
	pc_check_identifiers(g, d);
	check_texts(g, d, 0);
	note_missing(g, d);
	note_long_numbers(g, d);
}
