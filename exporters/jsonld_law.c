/* The JSON-LD exporter's law nodes: instruments, articles, penalties and legal thresholds (split from jsonld.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../compiler/alloc.h"
#include "jsonld.h"

static void
put_tristate(writer *x, const char *key, int v)
{
	if (v >= 0)
		pc_json_bool(&x->w, key, v);
}

/* An article or a part of an instrument: schema:Legislation, isPartOf its
 * instrument, in the country's jurisdiction unless it is a convention's. */
static void
legislation_unit(writer *x, pc_ref r, const char *name, const char *type, const char *identifier, const char *text,
		 uint32_t instrument)
{
	const pc_graph *g = x->g;
	open_node(x, NULL, node_iri(x, r.kind, pc_graph_node(g, r)->id), "Legislation");
	put_text(x, "name", name);
	put_text(x, "legislationType", type);
	put_text(x, "legislationIdentifier", identifier);
	put_text(x, "description", text);
	if (instrument < g->n_instruments) {
		put_ref(x, "isPartOf", PC_INSTRUMENT, instrument);
		if (g->instruments[instrument].type != PC_INSTR_CONVENTION)
			put_country(x, "legislationJurisdiction");
	}
	put_quality(x, r.kind, r.index);
	pc_json_close(&x->w, '}');
}

void
pc_jsonld_write_legislation(writer *x)
{
	const pc_graph *g = x->g;
	for (uint32_t i = 0; i < g->n_instruments; i++) {
		const pc_instrument *in = &g->instruments[i];
		open_node(x, NULL, node_iri(x, PC_INSTRUMENT, in->n.id), "Legislation");
		put_text(x, "name", in->title);
		if ((unsigned)in->type < PC_INSTR_COUNT)
			put_text(x, "legislationType", pc_instrument_type_name[in->type]);
		put_text(x, "legislationIdentifier", in->number);
		put_year(x, "legislationDate", in->year);
		if (in->type != PC_INSTR_CONVENTION)
			put_country(x, "legislationJurisdiction");
		if (in->issuer >= 0)
			put_ref(x, "legislationPassedBy", PC_ACTOR, (uint32_t)in->issuer);
		put_text(x, "treatyStatus", in->status);
		put_tristate(x, "signed", in->signed_);
		put_tristate(x, "ratified", in->ratified);
		put_tristate(x, "inForce", in->in_force);
		put_text(x, "statusDate", in->status_date);
		put_quality(x, PC_INSTRUMENT, i);
		pc_json_close(&x->w, '}');
	}
	for (uint32_t i = 0; i < g->n_articles; i++) {
		const pc_article *ar = &g->articles[i];
		legislation_unit(x, (pc_ref){PC_ARTICLE, i}, ar->heading, "article", ar->number, ar->text,
				 ar->instrument);
	}
	/* A part (a title, a chapter) is legislation too, labelled as the law
	 * labels it. */
	for (uint32_t i = 0; i < g->n_parts; i++) {
		const pc_part *pt = &g->parts[i];
		legislation_unit(x, (pc_ref){PC_PART, i}, pt->heading, "part", pt->label, NULL, pt->instrument);
	}
}

/* UN/CEFACT common codes of the time units the schema allows. */
static const char *
duration_code(const char *unit)
{
	static const char *const map[][2] = {
		{"days", "DAY"}, {"weeks", "WEE"}, {"months", "MON"}, {"years", "ANN"}, {"hours", "HUR"},
	};
	for (size_t i = 0; unit && i < sizeof map / sizeof map[0]; i++)
		if (strcmp(unit, map[i][0]) == 0)
			return map[i][1];
	return NULL;
}

/* The bounds of a penalty, as the node their unit makes them: an amount
 * of money (pc:amount), a percentage of a base (pc:percentage, UN/CEFACT
 * P1), a number of day-units (pc:dayUnits), else a time (pc:duration). An
 * open bound is left out, never written as 0. */
static void
put_bounds(writer *x, const pc_penalty *p, const char *penalty_iri)
{
	if (p->min == NULL && p->max == NULL)
		return;
	/* Without a unit the kind decides: only a fine is money. */
	int money = p->unit ? p->unit_is_currency : p->kind == PC_PEN_FINE;
	const char *key = money ? "amount" : "duration", *code = NULL;
	if (p->unit && strcmp(p->unit, "percent") == 0)
		key = "percentage", code = "P1";
	else if (p->unit && strcmp(p->unit, "day-units") == 0)
		key = "dayUnits";
	else if (!money)
		code = duration_code(p->unit);
	char *iri = pc_asprintf("%s#%s", penalty_iri, key);
	open_node(x, key, iri, money ? "MonetaryAmount" : "QuantitativeValue");
	free(iri);
	put_decimal(x, "minValue", p->min);
	put_decimal(x, "maxValue", p->max);
	if (money) {
		put_text(x, "currency", p->unit);
	} else {
		put_text(x, "unitText", p->unit);
		put_text(x, "unitCode", code);
	}
	pc_json_close(&x->w, '}');
}

/* A day-fine's amount per day-unit, where the profile states it. */
static void
put_daily_amount(writer *x, const pc_penalty *p, const char *penalty_iri)
{
	if (p->daily_currency == NULL)
		return;
	char *iri = pc_asprintf("%s#daily-amount", penalty_iri);
	open_node(x, "dailyAmount", iri, "MonetaryAmount");
	free(iri);
	put_decimal(x, "minValue", p->daily_min);
	put_decimal(x, "maxValue", p->daily_max);
	put_text(x, "currency", p->daily_currency);
	pc_json_close(&x->w, '}');
}

void
pc_jsonld_write_penalties(writer *x)
{
	const pc_graph *g = x->g;
	pc_json *w = &x->w;
	for (uint32_t i = 0; i < g->n_penalties; i++) {
		const pc_penalty *p = &g->penalties[i];
		char *iri = pc_strdup(node_iri(x, PC_PENALTY, p->n.id));
		open_node(x, NULL, iri, "Penalty");
		/* What sets it: an article, or a part of an instrument, or the
		 * instrument itself; pc:instrument names the instrument always. */
		if (p->article >= 0 && (size_t)p->article < g->n_articles)
			put_ref(x, "article", PC_ARTICLE, (uint32_t)p->article);
		if (p->part >= 0 && (size_t)p->part < g->n_parts)
			put_ref(x, "part", PC_PART, (uint32_t)p->part);
		if (p->instrument < g->n_instruments)
			put_ref(x, "instrument", PC_INSTRUMENT, p->instrument);
		if ((unsigned)p->kind < PC_PEN_COUNT)
			put_text(x, "penaltyKind", pc_penalty_kind_name[p->kind]);
		put_text(x, "offence", p->offence);
		put_text(x, "condition", p->condition);
		put_bounds(x, p, iri);
		put_text(x, "percentageOf", p->base);
		put_daily_amount(x, p, iri);
		if (p->alternative_to >= 0)
			put_ref(x, "alternativeTo", PC_PENALTY, (uint32_t)p->alternative_to);
		if (p->in_addition_to >= 0)
			put_ref(x, "inAdditionTo", PC_PENALTY, (uint32_t)p->in_addition_to);
		const pc_edge_index *c = &x->changes;
		if (PC_EDGE_COUNT(c, i) > 0) {
			pc_json_open(w, "changes", '[');
			PC_EDGE_EACH(c, i, k)
			{
				const pc_penalty_change *ch = &g->penalty_changes[c->items[k]];
				char *cid = pc_asprintf("%s#change-%u", iri, (unsigned)(k - c->start[i] + 1));
				open_node(x, NULL, cid, "PenaltyChange");
				free(cid);
				put_ref(x, "changeOf", PC_PENALTY, ch->of);
				put_decimal(x, "factor", ch->factor);
				pc_json_close(w, '}');
			}
			pc_json_close(w, ']');
		}
		put_quality(x, PC_PENALTY, i);
		pc_json_close(w, '}');
		free(iri);
	}
}

void
pc_jsonld_write_thresholds(writer *x)
{
	for (uint32_t i = 0; i < x->g->n_thresholds; i++) {
		const pc_threshold *t = &x->g->thresholds[i];
		open_node(x, NULL, node_iri(x, PC_THRESHOLD, t->n.id), "LegalThreshold");
		if ((unsigned)t->kind < PC_THR_COUNT) {
			put_text(x, "name", pc_threshold_kind_label[t->kind]);
			put_text(x, "thresholdKind", pc_threshold_kind_name[t->kind]);
		}
		pc_json_number(&x->w, "age", t->age);
		put_text(x, "condition", t->condition);
		put_country(x, "country");
		put_quality(x, PC_THRESHOLD, i);
		pc_json_close(&x->w, '}');
	}
}
