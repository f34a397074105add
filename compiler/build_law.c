/* Build the law section: its intro, the legal thresholds, and each
 * instrument with its articles, parts and typed penalties. */
#include <string.h>

#include "compiler.h"

#include "build.h"

/* A penalty of an article, of a part of an instrument, or of the
 * instrument itself (article and part -1). */
static void
build_penalty(builder *b, xmlNodePtr c, uint32_t instrument, int32_t article, int32_t part)
{
	pc_graph *g = b->g;
	uint32_t pi = (uint32_t)g->n_penalties;
	pc_penalty *p = PC_PUSH(g, penalties);
	pc_build_start_node(b, &p->n, c, PC_PENALTY, pi);
	p->instrument = instrument;
	p->article = article;
	p->part = part;
	int kind = pc_build_lookup(pc_penalty_kind_name, PC_PEN_COUNT, pc_build_attr(b, c, "kind"));
	p->kind = kind < 0 ? PC_PEN_IMPRISONMENT : (pc_penalty_kind)kind;
	p->min = pc_build_parse_decimal(b, c, "min", pc_build_attr(b, c, "min"));
	p->max = pc_build_parse_decimal(b, c, "max", pc_build_attr(b, c, "max"));
	p->unit = pc_build_attr(b, c, "unit");
	p->unit_is_currency = p->unit && strlen(p->unit) == 3 && p->unit[0] >= 'A' && p->unit[0] <= 'Z';
	p->offence = pc_build_child_text(b, c, "offence");
	p->condition = pc_build_child_text(b, c, "condition");
	p->base = pc_build_child_text(b, c, "base");
	xmlNodePtr daily = pc_build_child(c, "daily-amount");
	if (daily) {
		p->daily_min = pc_build_parse_decimal(b, daily, "min", pc_build_attr(b, daily, "min"));
		p->daily_max = pc_build_parse_decimal(b, daily, "max", pc_build_attr(b, daily, "max"));
		p->daily_currency = pc_build_attr(b, daily, "currency");
		p->daily_line = pc_build_line_of(daily), p->daily_col = pc_build_col_of(b, daily);
	}
	p->alternative_to = -1;
	p->in_addition_to = -1;
	pc_build_add_pending(b, PEND_ALTERNATIVE, pi, pc_build_attr(b, c, "alternative-to"), 0, NULL, p->n.line,
			     p->n.col);
	pc_build_add_pending(b, PEND_ADDITION, pi, pc_build_attr(b, c, "in-addition-to"), 0, NULL, p->n.line, p->n.col);
	FOR_CHILDREN (x, c) {
		if (!pc_build_is(x, "change"))
			continue;
		const char *factor = pc_build_parse_decimal(b, x, "factor", pc_build_attr(b, x, "factor"));
		if (factor == NULL)
			continue;
		pc_build_add_pending(b, PEND_CHANGE, pi, pc_build_attr(b, x, "of"), 0, factor, pc_build_line_of(x),
				     pc_build_col_of(b, x));
	}
}

/* An instrument's articles, parts and own penalties, in document order. */
static void
build_instrument_body(builder *b, xmlNodePtr c, uint32_t ii)
{
	pc_graph *g = b->g;
	FOR_CHILDREN (x, c) {
		if (pc_build_is(x, "penalty")) {
			pc_build_need_version_1_1(b, x, "a <penalty> of a whole <instrument>");
			build_penalty(b, x, ii, -1, -1);
		} else if (pc_build_is(x, "part")) {
			pc_build_need_version_1_1(b, x, "<part>");
			uint32_t pi = (uint32_t)g->n_parts;
			pc_part *pt = PC_PUSH(g, parts);
			pc_build_start_node(b, &pt->n, x, PC_PART, pi);
			pt->instrument = ii;
			pt->label = pc_build_attr(b, x, "label");
			pt->heading = pc_build_child_text(b, x, "heading");
			FOR_CHILDREN (y, x)
				if (pc_build_is(y, "penalty"))
					build_penalty(b, y, ii, -1, (int32_t)pi);
		} else if (pc_build_is(x, "article")) {
			uint32_t ai = (uint32_t)g->n_articles;
			pc_article *a = PC_PUSH(g, articles);
			pc_build_start_node(b, &a->n, x, PC_ARTICLE, ai);
			a->instrument = ii;
			a->number = pc_build_attr(b, x, "number");
			a->heading = pc_build_child_text(b, x, "heading");
			a->text = pc_build_child_text(b, x, "text");
			FOR_CHILDREN (y, x)
				if (pc_build_is(y, "penalty"))
					build_penalty(b, y, ii, (int32_t)ai, -1);
		}
	}
}

void
pc_build_law(builder *b, xmlNodePtr c)
{
	pc_graph *g = b->g;
	if (pc_build_is(c, "intro")) {
		g->law_intro = pc_build_text(b, c);
	} else if (pc_build_is(c, "threshold")) {
		pc_threshold *t = PC_PUSH(g, thresholds);
		pc_build_start_node(b, &t->n, c, PC_THRESHOLD, g->n_thresholds - 1);
		int kind = pc_build_lookup(pc_threshold_kind_name, PC_THR_COUNT, pc_build_attr(b, c, "kind"));
		t->kind = kind < 0 ? PC_THR_CONSENT : (pc_threshold_kind)kind;
		t->age = pc_build_parse_int(b, c, "age", 0);
		t->condition = pc_build_child_text(b, c, "condition");
	} else if (pc_build_is(c, "instrument")) {
		uint32_t ii = (uint32_t)g->n_instruments;
		pc_instrument *in = PC_PUSH(g, instruments);
		pc_build_start_node(b, &in->n, c, PC_INSTRUMENT, ii);
		int type = pc_build_lookup(pc_instrument_type_name, PC_INSTR_COUNT, pc_build_attr(b, c, "type"));
		in->type = type < 0 ? PC_INSTR_LAW : (pc_instrument_type)type;
		in->number = pc_build_attr(b, c, "number");
		in->year = pc_build_parse_int(b, c, "year", PC_NONE);
		in->title = pc_build_child_text(b, c, "title");
		in->signed_ = in->ratified = in->in_force = -1;
		in->issuer = -1;
		xmlNodePtr st = pc_build_child(c, "status");
		if (st) {
			in->status = pc_build_text(b, st);
			in->signed_ = pc_build_parse_bool(pc_build_attr(b, st, "signed"));
			in->ratified = pc_build_parse_bool(pc_build_attr(b, st, "ratified"));
			in->in_force = pc_build_parse_bool(pc_build_attr(b, st, "in-force"));
			in->status_date = pc_build_attr(b, st, "date");
		}
		xmlNodePtr issuer = pc_build_child(c, "issuer");
		uint32_t idx;
		if (issuer && pc_build_resolve(b, pc_build_attr(b, issuer, "ref"), PC_ACTOR, "instrument", in->n.id,
					       pc_build_line_of(issuer), pc_build_col_of(b, issuer), &idx))
			g->instruments[ii].issuer = (int32_t)idx;
		build_instrument_body(b, c, ii);
	}
}
