/* The normalized graph as deterministic text: the cheapest golden test. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "compiler.h"
#include "normalize.h"

void
pc_put_quoted(FILE *f, const char *s)
{
	fputc('"', f);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\')
			fprintf(f, "\\%c", c);
		else if (c == '\n')
			fputs("\\n", f);
		else if (c == '\t')
			fputs("\\t", f);
		else if (c < 0x20 || c == 0x7f)
			fprintf(f, "\\x%02x", c);
		else
			fputc(c, f);
	}
	fputc('"', f);
}

static void
q(FILE *f, const char *key, const char *s)
{
	if (s == NULL)
		return;
	fprintf(f, " %s=", key);
	pc_put_quoted(f, s);
}

static void
num(FILE *f, const char *key, int v)
{
	if (v != PC_NONE)
		fprintf(f, " %s=%d", key, v);
}

/* A decimal as canonical text (compiler/decimal.h); nothing when absent. */
static void
dec(FILE *f, const char *key, const char *v)
{
	if (v != NULL)
		fprintf(f, " %s=%s", key, v);
}

static const char *
id_of(const pc_graph *g, pc_ref r)
{
	const pc_node *n = pc_graph_node(g, r);
	return n && n->id ? n->id : "?";
}

static void
head(FILE *f, const char *kind, const pc_node *n)
{
	fprintf(f, "%s %s @%u", kind, n->id ? n->id : "-", n->line);
}

static void
dump_header(const pc_graph *g, FILE *f)
{
	fputs("profile", f);
	q(f, "cc", pc_graph_cc(g));
	q(f, "title", g->title);
	q(f, "version", g->version);
	q(f, "lang", g->lang);
	q(f, "modified", g->modified);
	fputc('\n', f);
	fputs("counts", f);
	for (int k = 0; k < PC_KIND_COUNT; k++)
		fprintf(f, " %s=%zu", pc_kind_plural[k], pc_graph_count(g, (pc_kind)k));
	fprintf(f,
		" event_actors=%zu actor_relations=%zu authorships=%zu event_citations=%zu penalty_changes=%zu "
		"quality=%zu themes=%zu\n",
		g->n_event_actors, g->n_actor_relations, g->n_authorships, g->n_event_citations, g->n_penalty_changes,
		g->n_quality, g->n_themes);
}

static void
dump_country_and_statistics(const pc_graph *g, FILE *f)
{
	for (size_t i = 0; i < g->n_countries; i++) {
		head(f, "country", &g->countries[i].n);
		q(f, "code", g->countries[i].code);
		q(f, "name", g->countries[i].name);
		fputc('\n', f);
	}
	for (size_t i = 0; i < g->n_providers; i++) {
		head(f, "source", &g->providers[i].n);
		q(f, "name", g->providers[i].name);
		fputc('\n', f);
	}
	for (size_t i = 0; i < g->n_indicators; i++) {
		const pc_indicator *x = &g->indicators[i];
		head(f, "indicator", &x->n);
		q(f, "label", x->label);
		if (x->has_value)
			q(f, "value", x->value_text);
		else
			fputs(" value=missing", f);
		q(f, "unit", x->unit);
		num(f, "year", x->year);
		for (size_t k = 0; k < x->n_providers; k++)
			q(f, "source", g->providers[x->providers[k]].n.id);
		fputc('\n', f);
	}
}

static void
dump_actors_and_people(const pc_graph *g, FILE *f)
{
	for (size_t i = 0; i < g->n_actors; i++) {
		const pc_actor *x = &g->actors[i];
		head(f, "actor", &x->n);
		q(f, "kind", x->kind);
		if (x->name)
			q(f, "name", x->name);
		else
			fputs(" name=missing", f);
		q(f, "acronym", x->acronym);
		for (size_t k = 0; k < x->n_aliases; k++)
			q(f, "alias", x->aliases[k]);
		num(f, "founded", x->founded);
		if (x->directory)
			fputs(" directory", f);
		fputc('\n', f);
	}
	for (size_t i = 0; i < g->n_persons; i++) {
		const pc_person *x = &g->persons[i];
		head(f, "person", &x->n);
		q(f, "family", x->family);
		q(f, "given", x->given);
		q(f, "display", x->display);
		if (x->declared)
			fputs(" declared", f);
		if (x->family_first)
			fputs(" family-first", f);
		if (x->mononym)
			fputs(" mononym", f);
		fputc('\n', f);
	}
	for (size_t i = 0; i < g->n_publications; i++) {
		const pc_publication *x = &g->publications[i];
		head(f, "publication", &x->n);
		num(f, "year", x->year);
		q(f, "kind", x->kind);
		q(f, "title", x->title);
		if (x->publisher >= 0)
			q(f, "publisher", g->actors[x->publisher].n.id);
		if (x->edition_of >= 0)
			q(f, "edition_of", g->publications[x->edition_of].n.id);
		if (x->near_duplicate_of >= 0)
			q(f, "near_duplicate_of", g->publications[x->near_duplicate_of].n.id);
		for (size_t k = 0; k < x->n_merged; k++)
			q(f, "merged", x->merged_ids[k]);
		fputc('\n', f);
	}
}

static void
dump_law_and_events(const pc_graph *g, FILE *f)
{
	for (size_t i = 0; i < g->n_instruments; i++) {
		const pc_instrument *x = &g->instruments[i];
		head(f, "instrument", &x->n);
		q(f, "type", pc_instrument_type_name[x->type]);
		q(f, "number", x->number);
		num(f, "year", x->year);
		q(f, "title", x->title);
		q(f, "status", x->status);
		q(f, "status_date", x->status_date);
		if (x->issuer >= 0)
			q(f, "issuer", g->actors[x->issuer].n.id);
		fputc('\n', f);
	}
	for (size_t i = 0; i < g->n_articles; i++) {
		const pc_article *x = &g->articles[i];
		head(f, "article", &x->n);
		q(f, "instrument", g->instruments[x->instrument].n.id);
		q(f, "number", x->number);
		q(f, "heading", x->heading);
		fputc('\n', f);
	}
	for (size_t i = 0; i < g->n_parts; i++) {
		const pc_part *x = &g->parts[i];
		head(f, "part", &x->n);
		q(f, "instrument", g->instruments[x->instrument].n.id);
		q(f, "label", x->label);
		q(f, "heading", x->heading);
		fputc('\n', f);
	}
	for (size_t i = 0; i < g->n_penalties; i++) {
		const pc_penalty *x = &g->penalties[i];
		head(f, "penalty", &x->n);
		if (x->article >= 0)
			q(f, "article", g->articles[x->article].n.id);
		else
			q(f, "instrument", g->instruments[x->instrument].n.id);
		if (x->part >= 0)
			q(f, "part", g->parts[x->part].n.id);
		q(f, "kind", pc_penalty_kind_name[x->kind]);
		dec(f, "min", x->min);
		dec(f, "max", x->max);
		q(f, "unit", x->unit);
		q(f, "base", x->base);
		dec(f, "daily_min", x->daily_min);
		dec(f, "daily_max", x->daily_max);
		q(f, "daily_currency", x->daily_currency);
		q(f, "condition", x->condition);
		if (x->alternative_to >= 0)
			q(f, "alternative_to", g->penalties[x->alternative_to].n.id);
		if (x->in_addition_to >= 0)
			q(f, "in_addition_to", g->penalties[x->in_addition_to].n.id);
		fputc('\n', f);
	}
	for (size_t i = 0; i < g->n_thresholds; i++) {
		const pc_threshold *x = &g->thresholds[i];
		head(f, "threshold", &x->n);
		q(f, "kind", pc_threshold_kind_name[x->kind]);
		fprintf(f, " age=%d\n", x->age);
	}
	for (size_t i = 0; i < g->n_themes; i++) {
		head(f, "theme", &g->themes[i].n);
		q(f, "label", g->themes[i].label);
		num(f, "order", g->themes[i].order);
		fputc('\n', f);
	}
	for (size_t i = 0; i < g->n_events; i++) {
		const pc_event *x = &g->events[i];
		head(f, "event", &x->n);
		num(f, "year", x->year);
		num(f, "end_year", x->end_year);
		q(f, "theme", x->theme < g->n_themes ? g->themes[x->theme].n.id : NULL);
		fputc('\n', f);
	}
}

static void
dump_edges_and_quality(const pc_graph *g, FILE *f)
{
	for (size_t i = 0; i < g->n_event_actors; i++) {
		const pc_event_actor *e = &g->event_actors[i];
		fprintf(f, "edge event_actor %s -> %s role=%s\n", g->events[e->event].n.id, g->actors[e->actor].n.id,
			pc_role_name[e->role]);
	}
	for (size_t i = 0; i < g->n_actor_relations; i++) {
		const pc_actor_relation *e = &g->actor_relations[i];
		fprintf(f, "edge actor_relation %s -> %s type=%s\n", g->actors[e->from].n.id, g->actors[e->to].n.id,
			pc_relation_name[e->type]);
	}
	for (size_t i = 0; i < g->n_authorships; i++) {
		const pc_authorship *e = &g->authorships[i];
		fprintf(f, "edge authorship %s #%u -> %s %s", g->publications[e->publication].n.id, e->position,
			pc_kind_name[e->author.kind], id_of(g, e->author));
		q(f, "as_written", e->as_written);
		if (e->role != PC_CONTRIB_AUTHOR) /* format 1.1; every 1.0 contributor is an author */
			fprintf(f, " role=%s", pc_contributor_role_name[e->role]);
		fputc('\n', f);
	}
	for (size_t i = 0; i < g->n_event_citations; i++) {
		const pc_event_citation *e = &g->event_citations[i];
		fprintf(f, "edge event_citation %s -> %s %s\n", g->events[e->event].n.id, pc_kind_name[e->target.kind],
			id_of(g, e->target));
	}
	for (size_t i = 0; i < g->n_penalty_changes; i++) {
		const pc_penalty_change *e = &g->penalty_changes[i];
		fprintf(f, "edge penalty_change %s -> %s factor=%s\n", g->penalties[e->penalty].n.id,
			g->penalties[e->of].n.id, e->factor);
	}
	for (size_t i = 0; i < g->n_quality; i++) {
		const pc_quality_note *x = &g->quality[i];
		fprintf(f, "quality %s @%u %s %s", x->rule, x->line, pc_kind_name[x->subject.kind],
			id_of(g, x->subject));
		q(f, "message", x->message);
		fputc('\n', f);
	}
}

/* ---- The normalizer's decisions --------------------------------------- */

static const char *
why_person(const char *rule)
{
	if (rule == NULL)
		return "?";
	if (strcmp(rule, "declared") == 0)
		return "declared: the citation names this person (ref)";
	if (strcmp(rule, "full-form") == 0)
		return "full-form: a fullest form of the name";
	if (strcmp(rule, "sole-candidate") == 0)
		return "sole-candidate: compatible with this person and no other";
	if (strcmp(rule, "ambiguous") == 0)
		return "ambiguous: compatible with two or more people, kept apart (see the ambiguous-person warning)";
	if (strcmp(rule, "apart") == 0)
		return "apart: compatible with no one person, kept apart";
	return rule;
}

static void
dump_person_decisions(const pc_graph *g, FILE *f)
{
	/* Each person's citations in every listing (a merged listing's too), by
	 * a counting sort. */
	size_t *start = pc_calloc(g->n_persons + 1, sizeof *start);
	size_t *items = pc_malloc((g->n_citations + 1) * sizeof *items);
	for (size_t i = 0; i < g->n_citations; i++)
		if (g->citations[i].author.kind == PC_PERSON)
			start[g->citations[i].author.index + 1]++;
	for (size_t k = 0; k < g->n_persons; k++)
		start[k + 1] += start[k];
	size_t *fill = pc_malloc((g->n_persons + 1) * sizeof *fill);
	memcpy(fill, start, (g->n_persons + 1) * sizeof *fill);
	for (size_t i = 0; i < g->n_citations; i++)
		if (g->citations[i].author.kind == PC_PERSON)
			items[fill[g->citations[i].author.index]++] = i;
	for (size_t k = 0; k < g->n_persons; k++) {
		const pc_person *p = &g->persons[k];
		fprintf(f, "decision person %s citations=%zu", p->n.id, start[k + 1] - start[k]);
		q(f, "display", p->display);
		fputs(p->declared ? " declared\n" : "\n", f);
		for (size_t j = start[k]; j < start[k + 1]; j++) {
			const pc_citation *ci = &g->citations[items[j]];
			fprintf(f, "decision cite %s line=%u in=%s", p->n.id, ci->line, g->listings[ci->listing].n.id);
			q(f, "as_written", ci->as_written);
			fprintf(f, " rule=%s\n", why_person(ci->joined_by));
		}
	}
	free(start);
	free(fill);
	free(items);
}

void
pc_dump_merges(const pc_graph *g, FILE *f)
{
	dump_person_decisions(g, f);
	for (size_t i = 0; i < g->n_publications; i++) {
		const pc_publication *p = &g->publications[i];
		for (size_t k = 0; k < p->n_merged; k++)
			fprintf(f, "decision publication %s merged=%s line=%u: %s\n", p->n.id, p->merged_ids[k],
				p->merged_lines[k], PC_WHY_DUPLICATE);
		if (p->near_duplicate_of >= 0)
			fprintf(f, "decision publication %s near_duplicate_of=%s: %s\n", p->n.id,
				g->publications[p->near_duplicate_of].n.id, PC_WHY_NEAR_DUPLICATE);
	}
}

void
pc_dump(const pc_graph *g, FILE *f)
{
	dump_header(g, f);
	dump_country_and_statistics(g, f);
	dump_actors_and_people(g, f);
	dump_law_and_events(g, f);
	dump_edges_and_quality(g, f);
	pc_dump_merges(g, f);
}
