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
	start_node(b, &p->n, c, PC_PENALTY, pi);
	p->instrument = instrument;
	p->article = article;
	p->part = part;
	int kind = lookup(pc_penalty_kind_name, PC_PEN_COUNT, attr(b, c, "kind"));
	p->kind = kind < 0 ? PC_PEN_IMPRISONMENT : (pc_penalty_kind)kind;
	p->min = parse_decimal(b, c, "min", attr(b, c, "min"));
	p->max = parse_decimal(b, c, "max", attr(b, c, "max"));
	p->unit = attr(b, c, "unit");
	p->unit_is_currency = p->unit && strlen(p->unit) == 3 && p->unit[0] >= 'A' && p->unit[0] <= 'Z';
	p->offence = child_text(b, c, "offence");
	p->condition = child_text(b, c, "condition");
	p->base = child_text(b, c, "base");
	xmlNodePtr daily = child(c, "daily-amount");
	if (daily) {
		p->daily_min = parse_decimal(b, daily, "min", attr(b, daily, "min"));
		p->daily_max = parse_decimal(b, daily, "max", attr(b, daily, "max"));
		p->daily_currency = attr(b, daily, "currency");
		p->daily_line = line_of(daily), p->daily_col = col_of(b, daily);
	}
	p->alternative_to = -1;
	p->in_addition_to = -1;
	add_pending(b, PEND_ALTERNATIVE, pi, attr(b, c, "alternative-to"), 0, NULL, p->n.line, p->n.col);
	add_pending(b, PEND_ADDITION, pi, attr(b, c, "in-addition-to"), 0, NULL, p->n.line, p->n.col);
	FOR_CHILDREN (x, c) {
		if (!is(x, "change"))
			continue;
		const char *factor = parse_decimal(b, x, "factor", attr(b, x, "factor"));
		if (factor == NULL)
			continue;
		add_pending(b, PEND_CHANGE, pi, attr(b, x, "of"), 0, factor, line_of(x), col_of(b, x));
	}
}

/* An instrument's articles, parts and own penalties, in document order. */
static void
build_instrument_body(builder *b, xmlNodePtr c, uint32_t ii)
{
	pc_graph *g = b->g;
	FOR_CHILDREN (x, c) {
		if (is(x, "penalty")) {
			need_version_1_1(b, x, "a <penalty> of a whole <instrument>");
			build_penalty(b, x, ii, -1, -1);
		} else if (is(x, "part")) {
			need_version_1_1(b, x, "<part>");
			uint32_t pi = (uint32_t)g->n_parts;
			pc_part *pt = PC_PUSH(g, parts);
			start_node(b, &pt->n, x, PC_PART, pi);
			pt->instrument = ii;
			pt->label = attr(b, x, "label");
			pt->heading = child_text(b, x, "heading");
			FOR_CHILDREN (y, x)
				if (is(y, "penalty"))
					build_penalty(b, y, ii, -1, (int32_t)pi);
		} else if (is(x, "article")) {
			uint32_t ai = (uint32_t)g->n_articles;
			pc_article *a = PC_PUSH(g, articles);
			start_node(b, &a->n, x, PC_ARTICLE, ai);
			a->instrument = ii;
			a->number = attr(b, x, "number");
			a->heading = child_text(b, x, "heading");
			a->text = child_text(b, x, "text");
			FOR_CHILDREN (y, x)
				if (is(y, "penalty"))
					build_penalty(b, y, ii, (int32_t)ai, -1);
		}
	}
}

void
pc_build_law(builder *b, xmlNodePtr c)
{
	pc_graph *g = b->g;
	if (is(c, "intro")) {
		g->law_intro = text(b, c);
	} else if (is(c, "threshold")) {
		pc_threshold *t = PC_PUSH(g, thresholds);
		start_node(b, &t->n, c, PC_THRESHOLD, g->n_thresholds - 1);
		int kind = lookup(pc_threshold_kind_name, PC_THR_COUNT, attr(b, c, "kind"));
		t->kind = kind < 0 ? PC_THR_CONSENT : (pc_threshold_kind)kind;
		t->age = parse_int(b, c, "age", 0);
		t->condition = child_text(b, c, "condition");
	} else if (is(c, "instrument")) {
		uint32_t ii = (uint32_t)g->n_instruments;
		pc_instrument *in = PC_PUSH(g, instruments);
		start_node(b, &in->n, c, PC_INSTRUMENT, ii);
		int type = lookup(pc_instrument_type_name, PC_INSTR_COUNT, attr(b, c, "type"));
		in->type = type < 0 ? PC_INSTR_LAW : (pc_instrument_type)type;
		in->number = attr(b, c, "number");
		in->year = parse_int(b, c, "year", PC_NONE);
		in->title = child_text(b, c, "title");
		in->signed_ = in->ratified = in->in_force = -1;
		in->issuer = -1;
		xmlNodePtr st = child(c, "status");
		if (st) {
			in->status = text(b, st);
			in->signed_ = parse_bool(attr(b, st, "signed"));
			in->ratified = parse_bool(attr(b, st, "ratified"));
			in->in_force = parse_bool(attr(b, st, "in-force"));
			in->status_date = attr(b, st, "date");
		}
		xmlNodePtr issuer = child(c, "issuer");
		uint32_t idx;
		if (issuer && resolve(b, attr(b, issuer, "ref"), PC_ACTOR, "instrument", in->n.id, line_of(issuer),
				      col_of(b, issuer), &idx))
			g->instruments[ii].issuer = (int32_t)idx;
		build_instrument_body(b, c, ii);
	}
}
