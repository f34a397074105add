/* The JSON-LD exporter: the whole graph as schema.org terms, with an inline context and absolute @ids. */
/*
 * <cc>/<cc>.jsonld is one JSON-LD 1.1 document: an inline "@context" and a
 * "@graph" holding every node of the profile, in the graph's kind order
 * and row order. There is no @vocab: every key is a term of the context,
 * so a processor never drops one silently and every property expands to
 * an absolute IRI (tests/jsonld_check.py proves it).
 *
 * Identifiers: every node's "@id" is BASE cc "/" kind "/" id, BASE being
 * --base-iri (default https://profilec.example/id/), kind the graph's kind
 * name ("event", "actor", ...) and id the source's id, e.g.
 * https://profilec.example/id/ro/event/ev-2012-etwinning. The profile
 * itself is BASE cc "/profile/" cc. Value nodes nested in a penalty get
 * the penalty's IRI and a fragment (#duration, #amount, #change-N).
 *
 * Vocabulary: schema.org (http://schema.org/) where it has the term; the
 * project's own namespace pc: (https://w3id.org/profilec/vocab#) where it
 * has none. The choices a reader may ask about:
 *  - event roles are direct properties of the event, one per role, each
 *    a set of actor IRIs: organizer -> schema:organizer, funder ->
 *    schema:funder, subject -> schema:about; partner, participant,
 *    signatory, implementer, operator and supporter have no schema.org
 *    property of that meaning, so pc:partner, pc:participant, ...; an
 *    actor the profile names without a role (format 1.1) is
 *    pc:involvedOrganization. The edge carries nothing but its role, so
 *    no reified node is needed. pc:planned is stated where the source is.
 *  - actor relations: part-of -> schema:parentOrganization, member-of ->
 *    schema:memberOf, founded-by -> schema:founder, funded-by ->
 *    schema:funder, operated-by -> pc:operatedBy, partner-of ->
 *    pc:partnerOf. Every actor is a schema:Organization (government
 *    bodies and law enforcement also schema:GovernmentOrganization, NGOs
 *    schema:NGO, companies schema:Corporation); pc:actorKind keeps the
 *    source's kind.
 *  - publications: report and study -> schema:Report, paper and article
 *    -> schema:ScholarlyArticle, book -> schema:Book, the rest ->
 *    schema:CreativeWork; pc:publicationKind keeps the source's kind.
 *    schema:author is an ordered @list of the authors alone;
 *    pc:authorAsWritten their citations as written, in the same order;
 *    editors and translators (format 1.1) are schema:editor and
 *    schema:translator, never authors.
 *  - links and identifiers (format 1.1, jsonld_links.c): schema:url,
 *    schema:sameAs the identifier's IRI (https://doi.org/...), schema:isbn.
 *  - instruments and articles are schema:Legislation; an article
 *    isPartOf its instrument. legislationJurisdiction is the country for
 *    laws and codes only: a convention's jurisdiction is not the
 *    country, whose relation to it is pc:treatyStatus, pc:signed, ...
 *  - penalties are pc:Penalty: pc:duration is a schema:QuantitativeValue
 *    (unitCode DAY, WEE, MON, ANN, HUR of UN/CEFACT), pc:amount a
 *    schema:MonetaryAmount with its ISO 4217 currency, pc:percentage a
 *    QuantitativeValue in percent (P1) of pc:percentageOf, pc:dayUnits the
 *    number of a day-fine's units and pc:dailyAmount the amount of one.
 *    pc:instrument names the instrument that sets it, pc:article or
 *    pc:part (a schema:Legislation of legislationType "part", labelled
 *    by legislationIdentifier) the article or part where one does.
 *  - indicators are pc:Indicator; pc:missing is true when the profile
 *    gives no value. Data-quality notes of a node are pc:qualityNote.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../compiler/alloc.h"
#include "../compiler/decimal.h"
#include "jsonld.h"
#include "jsonld_links.h"

#define PC_VOCAB "https://w3id.org/profilec/vocab#"

typedef pc_jsonld_term term_def; /* links and identifiers add theirs (jsonld_links.c) */

#define ID   "@id"
#define SET  "@set"
#define YEAR "xsd:gYear"

static const term_def context[] = {
	/* Types. */
	{"Profile", "pc:Profile", NULL, NULL},
	{"Country", "schema:Country", NULL, NULL},
	{"Indicator", "pc:Indicator", NULL, NULL},
	{"StatisticsSource", "pc:StatisticsSource", NULL, NULL},
	{"Event", "schema:Event", NULL, NULL},
	{"Organization", "schema:Organization", NULL, NULL},
	{"GovernmentOrganization", "schema:GovernmentOrganization", NULL, NULL},
	{"NGO", "schema:NGO", NULL, NULL},
	{"Corporation", "schema:Corporation", NULL, NULL},
	{"Person", "schema:Person", NULL, NULL},
	{"Report", "schema:Report", NULL, NULL},
	{"ScholarlyArticle", "schema:ScholarlyArticle", NULL, NULL},
	{"Book", "schema:Book", NULL, NULL},
	{"CreativeWork", "schema:CreativeWork", NULL, NULL},
	{"Legislation", "schema:Legislation", NULL, NULL},
	{"Penalty", "pc:Penalty", NULL, NULL},
	{"PenaltyChange", "pc:PenaltyChange", NULL, NULL},
	{"QuantitativeValue", "schema:QuantitativeValue", NULL, NULL},
	{"MonetaryAmount", "schema:MonetaryAmount", NULL, NULL},
	{"LegalThreshold", "pc:LegalThreshold", NULL, NULL},
	/* Shared properties. */
	{"name", "schema:name", NULL, NULL},
	{"description", "schema:description", NULL, NULL},
	{"identifier", "schema:identifier", NULL, NULL},
	{"country", "pc:country", ID, NULL},
	{"qualityNote", "pc:qualityNote", NULL, SET},
	/* The profile. */
	{"inLanguage", "schema:inLanguage", NULL, NULL},
	{"dateModified", "schema:dateModified", "xsd:date", NULL},
	{"about", "schema:about", ID, SET},
	{"lawIntroduction", "pc:lawIntroduction", NULL, NULL},
	{"statisticsNote", "pc:statisticsNote", NULL, NULL},
	{"formatVersion", "pc:formatVersion", NULL, NULL},
	/* Indicators. */
	{"value", "schema:value", NULL, NULL},
	{"unitText", "schema:unitText", NULL, NULL},
	{"year", "pc:year", YEAR, NULL},
	{"missing", "pc:missing", NULL, NULL},
	{"source", "pc:source", ID, "@list"},
	/* Events. */
	{"startDate", "schema:startDate", YEAR, NULL},
	{"endDate", "schema:endDate", YEAR, NULL},
	{"theme", "pc:theme", NULL, NULL},
	{"Theme", "pc:Theme", NULL, NULL},
	{"themeOrder", "pc:themeOrder", "xsd:integer", NULL},
	{"organizer", "schema:organizer", ID, SET},
	{"funder", "schema:funder", ID, SET},
	{"partner", "pc:partner", ID, SET},
	{"participant", "pc:participant", ID, SET},
	{"signatory", "pc:signatory", ID, SET},
	{"implementer", "pc:implementer", ID, SET},
	{"operator", "pc:operator", ID, SET},
	{"supporter", "pc:supporter", ID, SET},
	{"involvedOrganization", "pc:involvedOrganization", ID, SET},
	{"planned", "pc:planned", NULL, NULL},
	{"cites", "pc:cites", ID, SET},
	/* Actors. */
	{"alternateName", "schema:alternateName", NULL, SET},
	{"foundingDate", "schema:foundingDate", YEAR, NULL},
	{"actorKind", "pc:actorKind", NULL, NULL},
	{"inDirectory", "pc:inDirectory", NULL, NULL},
	{"parentOrganization", "schema:parentOrganization", ID, SET},
	{"memberOf", "schema:memberOf", ID, SET},
	{"operatedBy", "pc:operatedBy", ID, SET},
	{"partnerOf", "pc:partnerOf", ID, SET},
	{"founder", "schema:founder", ID, SET},
	/* Persons. */
	{"familyName", "schema:familyName", NULL, NULL},
	{"givenName", "schema:givenName", NULL, NULL},
	/* Publications. */
	{"alternativeHeadline", "schema:alternativeHeadline", NULL, NULL},
	{"datePublished", "schema:datePublished", YEAR, NULL},
	{"publicationKind", "pc:publicationKind", NULL, NULL},
	{"author", "schema:author", ID, "@list"},
	{"authorAsWritten", "pc:authorAsWritten", NULL, "@list"},
	{"publisher", "schema:publisher", ID, NULL},
	{"editionOf", "pc:editionOf", ID, NULL},
	{"nearDuplicateOf", "pc:nearDuplicateOf", ID, NULL},
	{"mergedId", "pc:mergedId", NULL, SET},
	/* The bibliography as listed. */
	{"Listing", "pc:Listing", NULL, NULL},
	{"AuthorCitation", "pc:AuthorCitation", NULL, NULL},
	{"listingOf", "pc:listingOf", ID, NULL},
	{"editionOfListing", "pc:editionOfListing", ID, NULL},
	{"listedAuthor", "pc:listedAuthor", NULL, "@list"},
	{"citedAs", "pc:citedAs", NULL, NULL},
	{"citesAuthor", "pc:citesAuthor", ID, NULL},
	{"nameOrder", "pc:nameOrder", NULL, NULL},
	{"position", "schema:position", NULL, NULL},
	/* Legislation. */
	{"legislationType", "schema:legislationType", NULL, NULL},
	{"legislationIdentifier", "schema:legislationIdentifier", NULL, NULL},
	{"legislationDate", "schema:legislationDate", YEAR, NULL},
	{"legislationJurisdiction", "schema:legislationJurisdiction", ID, NULL},
	{"legislationPassedBy", "schema:legislationPassedBy", ID, NULL},
	{"isPartOf", "schema:isPartOf", ID, NULL},
	{"treatyStatus", "pc:treatyStatus", NULL, NULL},
	{"signed", "pc:signed", NULL, NULL},
	{"ratified", "pc:ratified", NULL, NULL},
	{"inForce", "pc:inForce", NULL, NULL},
	{"statusDate", "pc:statusDate", "xsd:gYearMonth", NULL},
	/* Penalties. */
	{"article", "pc:article", ID, NULL},
	{"part", "pc:part", ID, NULL},
	{"instrument", "pc:instrument", ID, NULL},
	{"percentage", "pc:percentage", NULL, NULL},
	{"percentageOf", "pc:percentageOf", NULL, NULL},
	{"dayUnits", "pc:dayUnits", NULL, NULL},
	{"dailyAmount", "pc:dailyAmount", NULL, NULL},
	{"penaltyKind", "pc:penaltyKind", NULL, NULL},
	{"offence", "pc:offence", NULL, NULL},
	{"condition", "pc:condition", NULL, NULL},
	{"duration", "pc:duration", NULL, NULL},
	{"amount", "pc:amount", NULL, NULL},
	{"minValue", "schema:minValue", NULL, NULL},
	{"maxValue", "schema:maxValue", NULL, NULL},
	{"unitCode", "schema:unitCode", NULL, NULL},
	{"currency", "schema:currency", NULL, NULL},
	{"alternativeTo", "pc:alternativeTo", ID, NULL},
	{"inAdditionTo", "pc:inAdditionTo", ID, NULL},
	{"changes", "pc:changes", NULL, SET},
	{"changeOf", "pc:changeOf", ID, NULL},
	{"factor", "pc:factor", NULL, NULL},
	/* Thresholds. */
	{"thresholdKind", "pc:thresholdKind", NULL, NULL},
	{"age", "pc:age", NULL, NULL},
};

/* The event roles' terms, indexed by pc_role. */
static const char *const role_term[PC_ROLE_COUNT] = {
	[PC_ROLE_ORGANIZER] = "organizer", [PC_ROLE_FUNDER] = "funder",
	[PC_ROLE_PARTNER] = "partner",     [PC_ROLE_PARTICIPANT] = "participant",
	[PC_ROLE_SIGNATORY] = "signatory", [PC_ROLE_IMPLEMENTER] = "implementer",
	[PC_ROLE_OPERATOR] = "operator",   [PC_ROLE_SUPPORTER] = "supporter",
	[PC_ROLE_SUBJECT] = "about",       [PC_ROLE_INVOLVED] = "involvedOrganization",
};

/* The actor relations' terms, indexed by pc_relation_type. */
static const char *const relation_term[PC_REL_COUNT] = {
	[PC_REL_PART_OF] = "parentOrganization", [PC_REL_MEMBER_OF] = "memberOf", [PC_REL_OPERATED_BY] = "operatedBy",
	[PC_REL_PARTNER_OF] = "partnerOf",       [PC_REL_FOUNDED_BY] = "founder", [PC_REL_FUNDED_BY] = "funder",
};

/* base + cc + "/" + what + "/" + id in x->iri, piece by piece: printf
 * cost a thousand instructions for each of the product's IRIs. */
static const char *
iri_of(writer *x, const char *what, const char *id)
{
	pc_buf_reset(&x->iri);
	pc_buf_puts(&x->iri, x->base);
	pc_buf_puts(&x->iri, x->cc);
	pc_buf_putc(&x->iri, '/');
	pc_buf_puts(&x->iri, what);
	pc_buf_putc(&x->iri, '/');
	pc_buf_puts(&x->iri, id ? id : "");
	return x->iri.data;
}

const char *
node_iri(writer *x, pc_kind kind, const char *id)
{
	return iri_of(x, pc_kind_name[kind], id);
}

static const char *
ref_iri(writer *x, pc_ref r)
{
	/* The checks resolved every reference; an empty id never happens. */
	const pc_node *n = pc_graph_node(x->g, r);
	return node_iri(x, r.kind, n ? n->id : "");
}

/* A reference to node r under key (NULL inside an array). */
void
put_ref(writer *x, const char *key, pc_kind kind, uint32_t index)
{
	pc_json_string(&x->w, key, ref_iri(x, (pc_ref){kind, index}));
}

void
put_text(writer *x, const char *key, const char *s)
{
	if (s == NULL)
		return;
	/* A text whose element states its language (1.1): a language-tagged literal. */
	const char *lang = pc_graph_text_lang(x->g, s);
	if (lang == NULL) {
		pc_json_string(&x->w, key, s);
		return;
	}
	pc_json_open(&x->w, key, '{');
	pc_json_string(&x->w, "@value", s);
	pc_json_string(&x->w, "@language", lang);
	pc_json_close(&x->w, '}');
}

/* A year as the lexical form of xsd:gYear: at least four digits. */
void
put_year(writer *x, const char *key, int year)
{
	if (year == PC_NONE)
		return;
	char s[16];
	if (year < 0)
		snprintf(s, sizeof s, "-%04d", -year);
	else
		snprintf(s, sizeof s, "%04d", year);
	pc_json_string(&x->w, key, s);
}

/* A decimal exactly: a JSON number while a double holds it (a processor
 * reads JSON numbers as doubles), else a typed xsd:decimal literal. */
void
put_decimal(writer *x, const char *key, const char *canon)
{
	if (canon == NULL)
		return;
	if (pc_decimal_fits_double(canon)) {
		pc_json_decimal(&x->w, key, canon);
		return;
	}
	pc_json_open(&x->w, key, '{');
	pc_json_string(&x->w, "@value", canon);
	pc_json_string(&x->w, "@type", "xsd:decimal");
	pc_json_close(&x->w, '}');
}

/* Open a node: its @id and @type. */
void
open_node(writer *x, const char *key, const char *iri, const char *type)
{
	pc_json_open(&x->w, key, '{');
	pc_json_string(&x->w, "@id", iri);
	pc_json_string(&x->w, "@type", type);
}

void
put_quality(writer *x, pc_kind kind, uint32_t index)
{
	const pc_edge_index *q = &x->quality[kind];
	if (PC_EDGE_COUNT(q, index) == 0)
		return;
	pc_json_open(&x->w, "qualityNote", '[');
	PC_EDGE_EACH(q, index, k)
	pc_json_string(&x->w, NULL, x->g->quality[q->items[k]].message);
	pc_json_close(&x->w, ']');
}

static void
write_context(writer *x)
{
	pc_json *w = &x->w;
	pc_json_open(w, "@context", '{');
	pc_json_number(w, "@version", 1.1);
	pc_json_string(w, "schema", "http://schema.org/");
	pc_json_string(w, "pc", PC_VOCAB);
	pc_json_string(w, "xsd", "http://www.w3.org/2001/XMLSchema#");
	size_t n = sizeof context / sizeof context[0];
	for (size_t i = 0; i < n + pc_jsonld_n_link_terms; i++) {
		const term_def *t = i < n ? &context[i] : &pc_jsonld_link_terms[i - n];
		if (t->type == NULL && t->container == NULL) {
			pc_json_string(w, t->term, t->iri);
			continue;
		}
		pc_json_open(w, t->term, '{');
		pc_json_string(w, "@id", t->iri);
		if (t->type)
			pc_json_string(w, "@type", t->type);
		if (t->container)
			pc_json_string(w, "@container", t->container);
		pc_json_close(w, '}');
	}
	pc_json_close(w, '}');
}

static void
write_profile(writer *x)
{
	const pc_graph *g = x->g;
	pc_buf_reset(&x->iri);
	pc_buf_printf(&x->iri, "%s%s/profile/%s", x->base, x->cc, x->cc);
	open_node(x, NULL, x->iri.data, "Profile");
	put_text(x, "name", g->title);
	put_text(x, "formatVersion", g->version);
	put_text(x, "inLanguage", g->lang);
	put_text(x, "dateModified", g->modified);
	if (g->n_countries > 0) {
		pc_json_open(&x->w, "about", '[');
		put_ref(x, NULL, PC_COUNTRY, 0);
		pc_json_close(&x->w, ']');
	}
	put_text(x, "lawIntroduction", g->law_intro);
	put_text(x, "statisticsNote", g->indicator_note);
	pc_json_close(&x->w, '}');
}

void
put_country(writer *x, const char *key)
{
	if (x->g->n_countries > 0)
		put_ref(x, key, PC_COUNTRY, 0);
}

static void
write_countries(writer *x)
{
	for (uint32_t i = 0; i < x->g->n_countries; i++) {
		const pc_country *c = &x->g->countries[i];
		open_node(x, NULL, node_iri(x, PC_COUNTRY, c->n.id), "Country");
		put_text(x, "name", c->name);
		put_text(x, "identifier", c->code);
		put_quality(x, PC_COUNTRY, i);
		pc_json_close(&x->w, '}');
	}
}

static void
write_indicators(writer *x)
{
	const pc_graph *g = x->g;
	for (uint32_t i = 0; i < g->n_indicators; i++) {
		const pc_indicator *ind = &g->indicators[i];
		open_node(x, NULL, node_iri(x, PC_INDICATOR, ind->n.id), "Indicator");
		put_text(x, "name", ind->label);
		if (ind->has_value) {
			put_decimal(x, "value", ind->value);
			put_text(x, "unitText", ind->unit);
			put_year(x, "year", ind->year);
		} else {
			pc_json_bool(&x->w, "missing", 1);
		}
		if (ind->n_providers > 0) {
			pc_json_open(&x->w, "source", '[');
			for (size_t k = 0; k < ind->n_providers; k++)
				put_ref(x, NULL, PC_PROVIDER, ind->providers[k]);
			pc_json_close(&x->w, ']');
		}
		put_country(x, "country");
		put_quality(x, PC_INDICATOR, i);
		pc_json_close(&x->w, '}');
	}
	for (uint32_t i = 0; i < g->n_providers; i++) {
		open_node(x, NULL, node_iri(x, PC_PROVIDER, g->providers[i].n.id), "StatisticsSource");
		put_text(x, "name", g->providers[i].name);
		put_quality(x, PC_PROVIDER, i);
		pc_json_close(&x->w, '}');
	}
}

/* The timelines: an event's theme is the id of one of these. */
static void
write_themes(writer *x)
{
	const pc_graph *g = x->g;
	for (uint32_t i = 0; i < g->n_themes; i++) {
		const pc_theme *t = &g->themes[i];
		pc_buf_reset(&x->iri);
		pc_buf_printf(&x->iri, "%s%s/theme/%s", x->base, x->cc, t->n.id);
		open_node(x, NULL, x->iri.data, "Theme");
		put_text(x, "name", t->label);
		pc_json_number(&x->w, "themeOrder", t->order);
		pc_json_close(&x->w, '}');
	}
}

static void
write_events(writer *x)
{
	const pc_graph *g = x->g;
	for (uint32_t i = 0; i < g->n_events; i++) {
		const pc_event *e = &g->events[i];
		open_node(x, NULL, node_iri(x, PC_EVENT, e->n.id), "Event");
		put_text(x, "description", e->text);
		put_year(x, "startDate", e->year);
		put_year(x, "endDate", e->end_year);
		if (e->theme < g->n_themes)
			put_text(x, "theme", g->themes[e->theme].n.id);
		if (e->planned != 0)
			pc_json_bool(&x->w, "planned", e->planned > 0);
		const pc_edge_index *r = &x->roles;
		for (int role = 0; role < PC_ROLE_COUNT; role++) {
			int open = 0;
			PC_EDGE_EACH(r, i, k)
			{
				const pc_event_actor *ea = &g->event_actors[r->items[k]];
				if ((int)ea->role != role)
					continue;
				if (!open)
					pc_json_open(&x->w, role_term[role], '[');
				open = 1;
				put_ref(x, NULL, PC_ACTOR, ea->actor);
			}
			if (open)
				pc_json_close(&x->w, ']');
		}
		const pc_edge_index *c = &x->citations;
		if (PC_EDGE_COUNT(c, i) > 0) {
			pc_json_open(&x->w, "cites", '[');
			PC_EDGE_EACH(c, i, k)
			pc_json_string(&x->w, NULL, ref_iri(x, g->event_citations[c->items[k]].target));
			pc_json_close(&x->w, ']');
		}
		put_quality(x, PC_EVENT, i);
		pc_json_close(&x->w, '}');
	}
}

/* The schema.org subtype an actor kind also gets, or NULL. */
static const char *
actor_subtype(const char *kind)
{
	if (kind == NULL)
		return NULL;
	if (strcmp(kind, "government-body") == 0 || strcmp(kind, "law-enforcement") == 0)
		return "GovernmentOrganization";
	if (strcmp(kind, "ngo") == 0)
		return "NGO";
	if (strcmp(kind, "company") == 0)
		return "Corporation";
	return NULL;
}

static void
write_actors(writer *x)
{
	const pc_graph *g = x->g;
	pc_json *w = &x->w;
	for (uint32_t i = 0; i < g->n_actors; i++) {
		const pc_actor *a = &g->actors[i];
		pc_json_open(w, NULL, '{');
		pc_json_string(w, "@id", node_iri(x, PC_ACTOR, a->n.id));
		const char *sub = actor_subtype(a->kind);
		if (sub) {
			pc_json_open(w, "@type", '[');
			pc_json_string(w, NULL, "Organization");
			pc_json_string(w, NULL, sub);
			pc_json_close(w, ']');
		} else {
			pc_json_string(w, "@type", "Organization");
		}
		put_text(x, "name", a->name);
		if (a->acronym || a->n_aliases) {
			pc_json_open(w, "alternateName", '[');
			put_text(x, NULL, a->acronym);
			for (size_t k = 0; k < a->n_aliases; k++)
				put_text(x, NULL, a->aliases[k]);
			pc_json_close(w, ']');
		}
		put_text(x, "description", a->description);
		put_year(x, "foundingDate", a->founded);
		put_text(x, "actorKind", a->kind);
		pc_json_bool(w, "inDirectory", a->directory);
		pc_jsonld_actor_links(w, a);
		const pc_edge_index *r = &x->relations;
		for (int type = 0; type < PC_REL_COUNT; type++) {
			int open = 0;
			PC_EDGE_EACH(r, i, k)
			{
				const pc_actor_relation *ar = &g->actor_relations[r->items[k]];
				if ((int)ar->type != type)
					continue;
				if (!open)
					pc_json_open(w, relation_term[type], '[');
				open = 1;
				put_ref(x, NULL, PC_ACTOR, ar->to);
			}
			if (open)
				pc_json_close(w, ']');
		}
		put_quality(x, PC_ACTOR, i);
		pc_json_close(w, '}');
	}
}

static void
write_persons(writer *x)
{
	for (uint32_t i = 0; i < x->g->n_persons; i++) {
		const pc_person *p = &x->g->persons[i];
		open_node(x, NULL, node_iri(x, PC_PERSON, p->n.id), "Person");
		put_text(x, "name", p->display);
		/* A person with one name has no family name: schema:name alone. */
		put_text(x, "familyName", p->mononym ? NULL : p->family);
		put_text(x, "givenName", p->given);
		if (p->order != PC_ORDER_UNSTATED && p->order < PC_ORDER_COUNT)
			put_text(x, "nameOrder", pc_name_order_name[p->order]);
		pc_jsonld_person_links(&x->w, p);
		put_quality(x, PC_PERSON, i);
		pc_json_close(&x->w, '}');
	}
}

static const char *
publication_type(const char *kind)
{
	if (kind == NULL)
		return "CreativeWork";
	if (strcmp(kind, "report") == 0 || strcmp(kind, "study") == 0)
		return "Report";
	if (strcmp(kind, "paper") == 0 || strcmp(kind, "article") == 0)
		return "ScholarlyArticle";
	if (strcmp(kind, "book") == 0)
		return "Book";
	return "CreativeWork";
}

/* The contributors of one role, in the order written; the authors also
 * as written, in a list aligned with theirs (a missing spelling falls
 * back to the name). Editors and translators are never authors. */
static void
put_contributors(writer *x, uint32_t pub, pc_contributor_role role, const char *key, const char *as_written)
{
	const pc_graph *g = x->g;
	const pc_edge_index *a = &x->authors;
	for (int pass = 0; pass < (as_written ? 2 : 1); pass++) {
		int open = 0;
		PC_EDGE_EACH(a, pub, k)
		{
			const pc_authorship *au = &g->authorships[a->items[k]];
			if (au->role != role)
				continue;
			if (!open)
				pc_json_open(&x->w, pass ? as_written : key, '[');
			open = 1;
			pc_json_string(&x->w, NULL,
				       pass ? (au->as_written ? au->as_written : pc_graph_label(g, au->author))
					    : ref_iri(x, au->author));
		}
		if (open)
			pc_json_close(&x->w, ']');
	}
}

static void
write_publications(writer *x)
{
	const pc_graph *g = x->g;
	pc_json *w = &x->w;
	for (uint32_t i = 0; i < g->n_publications; i++) {
		const pc_publication *p = &g->publications[i];
		open_node(x, NULL, node_iri(x, PC_PUBLICATION, p->n.id), publication_type(p->kind));
		put_text(x, "name", p->title);
		put_text(x, "alternativeHeadline", p->subtitle);
		put_year(x, "datePublished", p->year);
		put_text(x, "publicationKind", p->kind);
		put_contributors(x, i, PC_CONTRIB_AUTHOR, "author", "authorAsWritten");
		put_contributors(x, i, PC_CONTRIB_EDITOR, "editor", NULL);
		put_contributors(x, i, PC_CONTRIB_TRANSLATOR, "translator", NULL);
		if (p->publisher >= 0)
			put_ref(x, "publisher", PC_ACTOR, (uint32_t)p->publisher);
		put_text(x, "description", p->description);
		if (p->edition_of >= 0)
			put_ref(x, "editionOf", PC_PUBLICATION, (uint32_t)p->edition_of);
		if (p->near_duplicate_of >= 0)
			put_ref(x, "nearDuplicateOf", PC_PUBLICATION, (uint32_t)p->near_duplicate_of);
		pc_jsonld_publication_links(w, p->url, p->doi, p->isbn);
		if (p->n_merged > 0) {
			pc_json_open(w, "mergedId", '[');
			for (size_t k = 0; k < p->n_merged; k++)
				put_text(x, NULL, p->merged_ids[k]);
			pc_json_close(w, ']');
		}
		put_quality(x, PC_PUBLICATION, i);
		pc_json_close(w, '}');
	}
}

static const char *
listing_iri(writer *x, const char *id)
{
	return iri_of(x, "listing", id);
}

/* One listing's authors as it writes them: an ordered list of citations,
 * each with the words, the names as split and the author it cites. */
static void
put_listed_authors(writer *x, const char *listing, size_t from, size_t to)
{
	pc_json *w = &x->w;
	pc_json_open(w, "listedAuthor", '[');
	for (size_t k = from; k < to; k++) {
		const pc_citation *c = &x->g->citations[k];
		char *iri = pc_asprintf("%s#author-%u", listing, (unsigned)c->position);
		open_node(x, NULL, iri, "AuthorCitation");
		free(iri);
		pc_json_number(w, "position", c->position);
		put_text(x, "citedAs", c->as_written);
		put_text(x, "name", c->name); /* a one-part name as written */
		put_text(x, "familyName", c->family);
		put_text(x, "givenName", c->given);
		if (c->order != PC_ORDER_UNSTATED && c->order < PC_ORDER_COUNT)
			put_text(x, "nameOrder", pc_name_order_name[c->order]);
		put_text(x, "contributorRole", pc_contributor_role_name[c->role]);
		pc_json_string(w, "citesAuthor", ref_iri(x, c->author));
		pc_json_close(w, '}');
	}
	pc_json_close(w, ']');
}

/* Every bibliography entry as listed, merged duplicates included. The
 * citations are in listing order (the builder makes them so). */
static void
write_listings(writer *x)
{
	const pc_graph *g = x->g;
	size_t c = 0;
	for (uint32_t i = 0; i < g->n_listings; i++) {
		const pc_listing *l = &g->listings[i];
		char *iri = pc_strdup(listing_iri(x, l->n.id));
		open_node(x, NULL, iri, "Listing");
		put_text(x, "name", l->title);
		put_text(x, "alternativeHeadline", l->subtitle);
		put_year(x, "datePublished", l->year);
		put_text(x, "publicationKind", l->kind);
		put_text(x, "description", l->description);
		pc_jsonld_publication_links(&x->w, l->url, l->doi, l->isbn);
		if (l->publication < g->n_publications)
			put_ref(x, "listingOf", PC_PUBLICATION, l->publication);
		if (l->publisher >= 0)
			put_ref(x, "publisher", PC_ACTOR, (uint32_t)l->publisher);
		if (l->edition_of != NULL)
			pc_json_string(&x->w, "editionOfListing", listing_iri(x, l->edition_of));
		while (c < g->n_citations && g->citations[c].listing < i)
			c++;
		size_t end = c;
		while (end < g->n_citations && g->citations[end].listing == i)
			end++;
		if (end > c)
			put_listed_authors(x, iri, c, end);
		c = end;
		pc_json_close(&x->w, '}');
		free(iri);
	}
}

/* Group every edge kind by its source node, once, so the export is linear. */
static void
build_indexes(writer *x)
{
	pc_edge_index_group(&x->roles, x->g, PC_ROLES_BY_EVENT);
	pc_edge_index_group(&x->relations, x->g, PC_RELATIONS_BY_FROM);
	pc_edge_index_authors(&x->authors, x->g); /* in position order */
	pc_edge_index_group(&x->citations, x->g, PC_CITATIONS_BY_EVENT);
	pc_edge_index_group(&x->changes, x->g, PC_CHANGES_BY_PENALTY);
	for (int k = 0; k < PC_KIND_COUNT; k++)
		pc_edge_index_quality(&x->quality[k], x->g, (pc_kind)k);
}

static void
free_indexes(writer *x)
{
	pc_edge_index_free(&x->roles);
	pc_edge_index_free(&x->relations);
	pc_edge_index_free(&x->authors);
	pc_edge_index_free(&x->citations);
	pc_edge_index_free(&x->changes);
	for (int k = 0; k < PC_KIND_COUNT; k++)
		pc_edge_index_free(&x->quality[k]);
}

int
pc_export_jsonld(const pc_graph *g, const pc_export_opts *o, pc_diag *d)
{
	writer x = {.g = g, .base = o->base_iri, .cc = pc_graph_cc(g)};
	pc_buf out;
	pc_buf_init(&out);
	pc_buf_init(&x.iri);
	pc_json_init(&x.w, &out);
	/* Written as it is made: the bundle is larger than its source. */
	char *name = pc_asprintf("%s.jsonld", x.cc);
	pc_out_stream file;
	int rc = pc_out_stream_open(&file, o->dir, name, &out, d);
	free(name);
	if (rc != PC_EXIT_OK) {
		pc_buf_free(&x.iri);
		return rc;
	}
	x.w.drain = pc_out_stream_drain;
	x.w.drain_ctx = &file;
	build_indexes(&x);

	pc_json_open(&x.w, NULL, '{');
	write_context(&x);
	pc_json_open(&x.w, "@graph", '[');
	write_profile(&x);
	write_countries(&x);
	write_indicators(&x);
	write_themes(&x);
	write_events(&x);
	write_actors(&x);
	write_persons(&x);
	write_publications(&x);
	write_listings(&x);
	pc_jsonld_write_legislation(&x);
	pc_jsonld_write_penalties(&x);
	pc_jsonld_write_thresholds(&x);
	pc_json_close(&x.w, ']');
	pc_json_close(&x.w, '}');
	pc_buf_putc(&out, '\n');

	rc = pc_out_stream_close(&file, d);
	free_indexes(&x);
	pc_buf_free(&x.iri);
	pc_buf_free(&out);
	return rc;
}
