/* The tabular view of the graph: one table per node kind and per edge kind, shared by the CSV, datapackage.json and the
 * workbook. */
/*
 * Each table is one definition: its columns, each naming the field of the
 * row's record it shows and how to read it. A new column is one line in
 * its table's column list, nowhere else; the compiler checks that the
 * field has the type the reader expects.
 */
#include <stddef.h>
#include <string.h>

#include "tables.h"

#include "../compiler/identifiers.h"

#define NCOLS(a) (sizeof(a) / sizeof((a)[0]))

/* How a column reads its cell from the row's record. */
enum {
	G_NONE,   /* always empty */
	G_STR,    /* const char *, NULL when absent */
	G_DEC,    /* const char *, a canonical decimal */
	G_INT,    /* int, always present */
	G_OPT,    /* int, PC_NONE when absent */
	G_U32,    /* uint32_t, always present */
	G_TRI,    /* int: -1 unknown, 0 no, 1 yes */
	G_FLAG,   /* int: 0 no, else yes */
	G_LINE,   /* unsigned, 0 when unknown */
	G_REF,    /* int32_t or uint32_t index of a ref_kind node; out of range when none */
	G_NAME,   /* an enum, shown by its name in names[] */
	G_SELF,   /* the row's own index as a ref_kind node (a list's parent) */
	G_POS,    /* the place in a parent's list, from 1 */
	G_STR_AT, /* const char ** list: element k */
	G_REF_AT, /* uint32_t * list of ref_kind indices: element k */
	G_FN,     /* fn */
};

/* The offset of field f of T, which must have type `type`: a column that
 * reads a field as what it is not does not compile. */
#define FIELD(T, f, type) (offsetof(T, f) + 0 * sizeof(_Generic(((T *)0)->f, type : 1)))

#define COL(name_, desc_) .name = (name_), .description = (desc_)
#define WIDE              .wide = 1
#define STR(T, f)         .type = PC_COL_STRING, .get = G_STR, .offset = FIELD(T, f, const char *)
#define DEC(T, f)         .type = PC_COL_NUMBER, .get = G_DEC, .offset = FIELD(T, f, const char *)
#define INT(T, f)         .type = PC_COL_INTEGER, .get = G_INT, .offset = FIELD(T, f, int)
#define OPT(T, f)         .type = PC_COL_INTEGER, .get = G_OPT, .offset = FIELD(T, f, int)
#define YEAR(T, f)        .type = PC_COL_YEAR, .get = G_OPT, .offset = FIELD(T, f, int)
#define YEARMONTH(T, f)   .type = PC_COL_YEARMONTH, .get = G_STR, .offset = FIELD(T, f, const char *)
#define U32(T, f)         .type = PC_COL_INTEGER, .get = G_U32, .offset = FIELD(T, f, uint32_t)
#define TRI(T, f)         .type = PC_COL_BOOLEAN, .get = G_TRI, .offset = FIELD(T, f, int)
#define FLAG(T, f)        .type = PC_COL_BOOLEAN, .get = G_FLAG, .offset = FIELD(T, f, int)
#define LINE(T, f)                                                                                                     \
	COL("line", "Line of the source file that states it"), .type = PC_COL_INTEGER, .get = G_LINE,                  \
							       .offset = FIELD(T, f, unsigned)
/* A reference: the target's id as text, the target as the cell's link.
 * TABLE_<kind> names the table the foreign key points to. */
#define REF(T, f, K)                                                                                                   \
	.type = PC_COL_STRING, .get = G_REF, .offset = FIELD(T, f, int32_t), .ref_kind = K, .references = TABLE_##K
#define UREF(T, f, K)                                                                                                  \
	.type = PC_COL_STRING, .get = G_REF, .offset = FIELD(T, f, uint32_t), .ref_kind = K, .references = TABLE_##K
#define NAME(T, f, names_, n_)                                                                                         \
	.type = PC_COL_STRING, .get = G_NAME, .offset = offsetof(T, f), .names = (names_), .n_names = (n_)
#define SELF(K)      .type = PC_COL_STRING, .get = G_SELF, .ref_kind = K, .references = TABLE_##K
#define POS          .type = PC_COL_INTEGER, .get = G_POS
#define STR_AT(T, f) .type = PC_COL_STRING, .get = G_STR_AT, .offset = FIELD(T, f, const char **)
#define REF_AT(T, f, K)                                                                                                \
	.type = PC_COL_STRING, .get = G_REF_AT, .offset = FIELD(T, f, uint32_t *), .ref_kind = K,                      \
	.references = TABLE_##K
#define FN(type_, fn_) .type = (type_), .get = G_FN, .fn = (fn_)
/* A link or identifier of kind K (PC_IDENT_URL, ...): a string the workbook links. */
#define IDENT(T, f, K) STR(T, f), .ident = 1 + (K)

#define TABLE_PC_COUNTRY     "countries"
#define TABLE_PC_INDICATOR   "indicators"
#define TABLE_PC_PROVIDER    "sources"
#define TABLE_PC_EVENT       "events"
#define TABLE_PC_ACTOR       "actors"
#define TABLE_PC_PERSON      "people"
#define TABLE_PC_PUBLICATION "publications"
#define TABLE_PC_INSTRUMENT  "instruments"
#define TABLE_PC_ARTICLE     "articles"
#define TABLE_PC_PART        "parts"
#define TABLE_PC_PENALTY     "penalties"
#define TABLE_PC_THRESHOLD   "thresholds"

/* ---- Reading a cell ------------------------------------------------------ */

#define AT(rec, off, type) (*(const type *)(const void *)((const char *)(rec) + (off)))

static void
set_ref(pc_cell *c, const pc_graph *g, pc_kind kind, size_t index)
{
	if (index >= pc_graph_count(g, kind))
		return; /* none, or out of range: a missing value */
	pc_ref r = {kind, (uint32_t)index};
	c->present = 1;
	c->str = pc_graph_node(g, r)->id;
	c->link = r;
}

void
pc_cell_str(pc_cell *c, const char *s)
{
	c->present = s != NULL;
	c->str = s;
}

void
pc_cell_num(pc_cell *c, double v, int present)
{
	c->present = present;
	c->num = v;
}

static void
read_cell(const pc_column *col, const pc_row *row, pc_cell *c)
{
	memset(c, 0, sizeof *c);
	c->link.kind = PC_KIND_COUNT;
	const void *rec = row->rec;
	size_t off = col->offset;
	switch (col->get) {
	case G_NONE: break;
	case G_STR:
	case G_DEC: pc_cell_str(c, AT(rec, off, char *)); break;
	case G_INT: pc_cell_num(c, AT(rec, off, int), 1); break;
	case G_OPT: pc_cell_num(c, AT(rec, off, int), AT(rec, off, int) != PC_NONE); break;
	case G_U32: pc_cell_num(c, AT(rec, off, uint32_t), 1); break;
	case G_TRI: pc_cell_num(c, AT(rec, off, int) > 0, AT(rec, off, int) >= 0); break;
	case G_FLAG: pc_cell_num(c, AT(rec, off, int) != 0, 1); break;
	case G_LINE: pc_cell_num(c, AT(rec, off, unsigned), AT(rec, off, unsigned) != 0); break;
	case G_REF: set_ref(c, row->g, col->ref_kind, AT(rec, off, uint32_t)); break;
	case G_NAME: {
		int v = AT(rec, off, int);
		if (v >= 0 && v < col->n_names)
			pc_cell_str(c, col->names[v]);
		break;
	}
	case G_SELF: set_ref(c, row->g, col->ref_kind, row->index); break;
	case G_POS: pc_cell_num(c, (double)row->k + 1, 1); break;
	case G_STR_AT: pc_cell_str(c, AT(rec, off, char **)[row->k]); break;
	case G_REF_AT: set_ref(c, row->g, col->ref_kind, AT(rec, off, uint32_t *)[row->k]); break;
	case G_FN: col->fn(row, c); break;
	}
}

/* ---- The profile -------------------------------------------------------- */

static void
profile_id(const pc_row *row, pc_cell *c)
{
	pc_cell_str(c, row->g->n_countries > 0 ? pc_graph_cc(row->g) : NULL);
}

static void
profile_country(const pc_row *row, pc_cell *c)
{
	set_ref(c, row->g, PC_COUNTRY, 0);
}

static const pc_column profile_cols[] = {
	{COL("id", "Identifier: the country code in lower case"), FN(PC_COL_STRING, profile_id)},
	{COL("title", "The profile's title as written; empty when it has none"), STR(pc_graph, title_written)},
	{COL("name", "The profile's name in the products: its title, or one made from the country's name"),
	 STR(pc_graph, title)},
	{COL("country_id", "The country it describes"), FN(PC_COL_STRING, profile_country), .references = "countries"},
	{COL("format_version", "Version of the source format the profile is written in"), STR(pc_graph, version)},
	{COL("lang", "Language of the profile's texts"), STR(pc_graph, lang)},
	{COL("modified", "Date of the profile's edition"), STR(pc_graph, modified)},
	{COL("statistics_note", "The profile's note on its statistics"), STR(pc_graph, indicator_note), WIDE},
	{COL("law_intro", "The introduction to the profile's legal section"), STR(pc_graph, law_intro), WIDE},
};

/* ---- Nodes ---------------------------------------------------------------- */

static const pc_column country_cols[] = {
	{COL("id", "Identifier: the ISO 3166-1 alpha-2 code in lower case"), STR(pc_country, n.id)},
	{COL("code", "ISO 3166-1 alpha-2 code"), STR(pc_country, code)},
	{COL("name", "Name of the country"), STR(pc_country, name)},
	{LINE(pc_country, n.line)},
};

static const pc_column indicator_cols[] = {
	{COL("id", "Identifier of the indicator"), STR(pc_indicator, n.id)},
	{COL("label", "What the indicator measures"), STR(pc_indicator, label), WIDE},
	{COL("value", "The value, exactly as a decimal; empty when the profile gives none"), DEC(pc_indicator, value)},
	{COL("value_text", "The value as the profile writes it"), STR(pc_indicator, value_text)},
	{COL("unit", "Unit of the value"), STR(pc_indicator, unit)},
	{COL("year", "Year the value refers to"), YEAR(pc_indicator, year)},
	{LINE(pc_indicator, n.line)},
};

static const pc_column provider_cols[] = {
	{COL("id", "Identifier of the statistics source"), STR(pc_provider, n.id)},
	{COL("name", "Name of the provider of statistics"), STR(pc_provider, name)},
	{LINE(pc_provider, n.line)},
};

static void
event_theme(const pc_row *row, pc_cell *c)
{
	const pc_event *x = row->rec;
	if (x->theme < row->g->n_themes)
		pc_cell_str(c, row->g->themes[x->theme].n.id);
}

static void
event_planned(const pc_row *row, pc_cell *c)
{
	const pc_event *x = row->rec;
	pc_cell_num(c, x->planned > 0, x->planned != 0);
}

static const pc_column event_cols[] = {
	{COL("id", "Identifier of the event"), STR(pc_event, n.id)},
	{COL("year", "Year the event happened or began"), YEAR(pc_event, year)},
	{COL("end_year", "Last year of an event that spans years"), YEAR(pc_event, end_year)},
	{COL("theme", "Timeline it belongs to (education-ict or child-protection unless the profile declares its own)"),
	 FN(PC_COL_STRING, event_theme), .references = "themes"},
	{COL("text", "What happened, as the profile tells it"), STR(pc_event, text), WIDE},
	{COL("planned", "true: the profile says the event is planned (format 1.1); empty when it does not say"),
	 FN(PC_COL_BOOLEAN, event_planned)},
	{LINE(pc_event, n.line)},
};

static const pc_column actor_cols[] = {
	{COL("id", "Identifier of the organization"), STR(pc_actor, n.id)},
	{COL("kind", "Kind of organization: ngo, government-body, ...; empty when the profile does not state it"),
	 STR(pc_actor, kind), .absent = "not stated"},
	{COL("name", "Name; empty when the profile does not give it"), STR(pc_actor, name)},
	{COL("acronym", "Acronym"), STR(pc_actor, acronym)},
	{COL("description", "What the profile says of it"), STR(pc_actor, description), WIDE},
	{COL("founded", "Year it was founded"), YEAR(pc_actor, founded)},
	{COL("directory", "Listed in the profile's directory of organizations"), FLAG(pc_actor, directory)},
	{COL("website", "Its website, an absolute http(s) URL"), IDENT(pc_actor, website, PC_IDENT_URL)},
	{COL("wikidata", "Its Wikidata item (Q42)"), IDENT(pc_actor, wikidata, PC_IDENT_WIKIDATA)},
	{COL("ror", "Its ROR id (Research Organization Registry)"), IDENT(pc_actor, ror, PC_IDENT_ROR)},
	{LINE(pc_actor, n.line)},
};

/* A mononym is held as the family name for the matcher, but it is not one. */
static void
person_family(const pc_row *row, pc_cell *c)
{
	const pc_person *p = row->rec;
	pc_cell_str(c, p->mononym ? NULL : p->family);
}

static const pc_column person_cols[] = {
	{COL("id", "Identifier of the person"), STR(pc_person, n.id)},
	{COL("display_name", "Name as a reader reads it"), STR(pc_person, display)},
	{COL("family_name", "Family name, the fullest spelling cited; empty for a person with one name"),
	 FN(PC_COL_STRING, person_family)},
	{COL("given_name", "Given name or initials, the fullest cited"), STR(pc_person, given)},
	{COL("sort_key", "Folded name the rows are sorted by"), STR(pc_person, sort_key)},
	{COL("declared", "Declared by the profile's list of people (its id is the editor's)"),
	 FLAG(pc_person, declared)},
	{COL("name_order", "family-first or given-first, as the profile states it; empty when it does not"),
	 NAME(pc_person, order, pc_name_order_name, PC_ORDER_COUNT)},
	{COL("orcid", "ORCID iD of a declared person"), IDENT(pc_person, orcid, PC_IDENT_ORCID)},
	{COL("mononym", "Known by one name only (display_name), with no family or given name"),
	 FLAG(pc_person, mononym)},
	{COL("line", "Line of the source file that first cites the person"), .type = PC_COL_INTEGER, .get = G_LINE,
	 .offset = FIELD(pc_person, n.line, unsigned)},
};

static const pc_column publication_cols[] = {
	{COL("id", "Identifier of the publication"), STR(pc_publication, n.id)},
	{COL("title", "Title"), STR(pc_publication, title), WIDE},
	{COL("subtitle", "Subtitle"), STR(pc_publication, subtitle), WIDE},
	{COL("year", "Year of publication"), YEAR(pc_publication, year)},
	{COL("kind", "Kind of publication: report, article, ..."), STR(pc_publication, kind)},
	{COL("publisher_id", "Organization that published it"), REF(pc_publication, publisher, PC_ACTOR)},
	{COL("edition_of_id", "Publication this one is an edition of"),
	 REF(pc_publication, edition_of, PC_PUBLICATION)},
	{COL("near_duplicate_of_id", "An earlier listing with the same title and year but another subtitle, edition "
				     "or authors: a different work, or one to reconcile"),
	 REF(pc_publication, near_duplicate_of, PC_PUBLICATION)},
	{COL("description", "What the profile says of it"), STR(pc_publication, description), WIDE},
	{COL("url", "Where to read it, an absolute http(s) URL"), IDENT(pc_publication, url, PC_IDENT_URL)},
	{COL("doi", "Its DOI (10.NNNN/suffix)"), IDENT(pc_publication, doi, PC_IDENT_DOI)},
	{COL("isbn", "Its ISBN as written"), STR(pc_publication, isbn)},
	{LINE(pc_publication, n.line)},
};

static const pc_column instrument_cols[] = {
	{COL("id", "Identifier of the legal instrument"), STR(pc_instrument, n.id)},
	{COL("type", "law, code or convention"), NAME(pc_instrument, type, pc_instrument_type_name, PC_INSTR_COUNT)},
	{COL("number", "Official number, as 196/2003"), STR(pc_instrument, number)},
	{COL("year", "Year of adoption"), YEAR(pc_instrument, year)},
	{COL("title", "Title"), STR(pc_instrument, title), WIDE},
	{COL("status", "Treaty status as the profile writes it"), STR(pc_instrument, status)},
	{COL("signed", "Signed by the country; empty when unknown"), TRI(pc_instrument, signed_)},
	{COL("ratified", "Ratified by the country; empty when unknown"), TRI(pc_instrument, ratified)},
	{COL("in_force", "In force in the country; empty when unknown"), TRI(pc_instrument, in_force)},
	{COL("status_date", "Year and month of the status, as 2001-11"), YEARMONTH(pc_instrument, status_date)},
	{COL("issuer_id", "Organization that issued it"), REF(pc_instrument, issuer, PC_ACTOR)},
	{LINE(pc_instrument, n.line)},
};

static const pc_column article_cols[] = {
	{COL("id", "Identifier of the article"), STR(pc_article, n.id)},
	{COL("instrument_id", "Legal instrument the article belongs to"), UREF(pc_article, instrument, PC_INSTRUMENT)},
	{COL("number", "Article number, as 211"), STR(pc_article, number)},
	{COL("heading", "Heading of the article"), STR(pc_article, heading)},
	{COL("text", "Text of the article as the profile gives it"), STR(pc_article, text), WIDE},
	{LINE(pc_article, n.line)},
};

/* Whether the unit is a currency: said only when there is a unit. */
static void
penalty_unit_is_currency(const pc_row *row, pc_cell *c)
{
	const pc_penalty *p = row->rec;
	if (p->unit != NULL)
		pc_cell_num(c, p->unit_is_currency != 0, 1);
}

static const pc_column part_cols[] = {
	{COL("id", "Identifier of the part"), STR(pc_part, n.id)},
	{COL("instrument_id", "Legal instrument the part belongs to"), UREF(pc_part, instrument, PC_INSTRUMENT)},
	{COL("label", "Label of the part as the law writes it, as Title III"), STR(pc_part, label)},
	{COL("heading", "Heading of the part"), STR(pc_part, heading)},
	{LINE(pc_part, n.line)},
};

static const pc_column penalty_cols[] = {
	{COL("id", "Identifier of the penalty"), STR(pc_penalty, n.id)},
	{COL("article_id", "Article that sets the penalty; empty when a part or the instrument itself sets it"),
	 REF(pc_penalty, article, PC_ARTICLE)},
	{COL("instrument_id", "Legal instrument that sets the penalty (through the article or part, or itself)"),
	 UREF(pc_penalty, instrument, PC_INSTRUMENT)},
	{COL("part_id", "Part of the instrument that sets the penalty (a title, chapter), empty when none"),
	 REF(pc_penalty, part, PC_PART)},
	{COL("kind", "imprisonment, fine or prohibition-of-rights"),
	 NAME(pc_penalty, kind, pc_penalty_kind_name, PC_PEN_COUNT)},
	{COL("min_value", "Lower bound, in unit, exactly as a decimal"), DEC(pc_penalty, min)},
	{COL("max_value", "Upper bound, in unit, exactly as a decimal"), DEC(pc_penalty, max)},
	{COL("unit", "Unit of the bounds: days to years, hours, percent, day-units, or a currency code as RON"),
	 STR(pc_penalty, unit)},
	{COL("unit_is_currency", "The unit is a currency (the penalty is an amount of money)"),
	 FN(PC_COL_BOOLEAN, penalty_unit_is_currency)},
	{COL("base", "What a fine in percent is a percentage of, as annual turnover"), STR(pc_penalty, base)},
	{COL("daily_amount_min", "A day-fine's lowest amount per day-unit, exactly as a decimal"),
	 DEC(pc_penalty, daily_min)},
	{COL("daily_amount_max", "A day-fine's highest amount per day-unit, exactly as a decimal"),
	 DEC(pc_penalty, daily_max)},
	{COL("daily_amount_currency", "Currency of a day-fine's amount per day-unit (ISO 4217)"),
	 STR(pc_penalty, daily_currency)},
	{COL("offence", "Offence the penalty punishes"), STR(pc_penalty, offence), WIDE},
	{COL("condition", "Condition under which it applies; empty for the basic offence"), STR(pc_penalty, condition),
	 WIDE},
	{COL("alternative_to_id", "Penalty this one is an alternative to (or ...)"),
	 REF(pc_penalty, alternative_to, PC_PENALTY)},
	{COL("in_addition_to_id", "Penalty this one is applied in addition to"),
	 REF(pc_penalty, in_addition_to, PC_PENALTY)},
	{LINE(pc_penalty, n.line)},
};

static const pc_column threshold_cols[] = {
	{COL("id", "Identifier of the legal threshold"), STR(pc_threshold, n.id)},
	{COL("kind", "age-of-consent, age-of-majority, marriage-age or digital-age-of-consent"),
	 NAME(pc_threshold, kind, pc_threshold_kind_name, PC_THR_COUNT)},
	{COL("age", "Age in years"), INT(pc_threshold, age)},
	{COL("condition", "When it applies, as the profile says (a close-in-age exception); empty: always"),
	 STR(pc_threshold, condition), WIDE},
	{LINE(pc_threshold, n.line)},
};

/* ---- Edges ------------------------------------------------------------------ */

static const pc_column event_actor_cols[] = {
	{COL("event_id", "Event"), UREF(pc_event_actor, event, PC_EVENT)},
	{COL("actor_id", "Organization involved in it"), UREF(pc_event_actor, actor, PC_ACTOR)},
	{COL("role", "Role: organizer, funder, partner, participant, signatory, ..."),
	 NAME(pc_event_actor, role, pc_role_name, PC_ROLE_COUNT)},
	{LINE(pc_event_actor, line)},
};

static const pc_column actor_relation_cols[] = {
	{COL("actor_id", "Organization the relation starts from"), UREF(pc_actor_relation, from, PC_ACTOR)},
	{COL("relation", "part-of, member-of, operated-by, partner-of, founded-by or funded-by"),
	 NAME(pc_actor_relation, type, pc_relation_name, PC_REL_COUNT)},
	{COL("related_actor_id", "Organization it is related to"), UREF(pc_actor_relation, to, PC_ACTOR)},
	{LINE(pc_actor_relation, line)},
};

/* An author is a person or an organization: one typed column each. */
static void
author_person(const pc_row *row, pc_cell *c)
{
	const pc_ref *a = (const pc_ref *)((const char *)row->rec + offsetof(pc_authorship, author));
	if (a->kind == PC_PERSON)
		set_ref(c, row->g, PC_PERSON, a->index);
}

static void
author_actor(const pc_row *row, pc_cell *c)
{
	const pc_ref *a = (const pc_ref *)((const char *)row->rec + offsetof(pc_authorship, author));
	if (a->kind == PC_ACTOR)
		set_ref(c, row->g, PC_ACTOR, a->index);
}

static void
citation_person(const pc_row *row, pc_cell *c)
{
	const pc_citation *x = row->rec;
	if (x->author.kind == PC_PERSON)
		set_ref(c, row->g, PC_PERSON, x->author.index);
}

static void
citation_actor(const pc_row *row, pc_cell *c)
{
	const pc_citation *x = row->rec;
	if (x->author.kind == PC_ACTOR)
		set_ref(c, row->g, PC_ACTOR, x->author.index);
}

static const pc_column authorship_cols[] = {
	{COL("publication_id", "Publication"), UREF(pc_authorship, publication, PC_PUBLICATION)},
	{COL("position", "Place in the list of authors, from 1"), U32(pc_authorship, position)},
	{COL("person_id", "Author, when a person"), FN(PC_COL_STRING, author_person), .references = "people"},
	{COL("actor_id", "Author, when an organization"), FN(PC_COL_STRING, author_actor), .references = "actors"},
	{COL("as_written", "The author as the citation spells it"), STR(pc_authorship, as_written)},
	{COL("role", "What the contributor did: author, editor or translator (an organization as author: the "
		     "corporate author)"),
	 NAME(pc_authorship, role, pc_contributor_role_name, PC_CONTRIB_COUNT)},
	{LINE(pc_authorship, line)},
};

/* The target is an instrument or a publication: one typed column each, so
 * that each has a foreign key, and cited_id for a key that is never empty. */
static void
cited(const pc_row *row, pc_cell *c, pc_kind only)
{
	const pc_event_citation *x = row->rec;
	if (only == PC_KIND_COUNT || x->target.kind == only)
		set_ref(c, row->g, x->target.kind, x->target.index);
}

static void
cited_any(const pc_row *row, pc_cell *c)
{
	cited(row, c, PC_KIND_COUNT);
}

static void
cited_instrument(const pc_row *row, pc_cell *c)
{
	cited(row, c, PC_INSTRUMENT);
}

static void
cited_publication(const pc_row *row, pc_cell *c)
{
	cited(row, c, PC_PUBLICATION);
}

static const pc_column event_citation_cols[] = {
	{COL("event_id", "Event"), UREF(pc_event_citation, event, PC_EVENT)},
	{COL("cited_id", "Instrument or publication the event's text ties it to"), FN(PC_COL_STRING, cited_any)},
	{COL("instrument_id", "Legal instrument cited, when it is one"), FN(PC_COL_STRING, cited_instrument),
	 .references = "instruments"},
	{COL("publication_id", "Publication cited, when it is one"), FN(PC_COL_STRING, cited_publication),
	 .references = "publications"},
	{LINE(pc_event_citation, line)},
};

static const pc_column penalty_change_cols[] = {
	{COL("penalty_id", "Penalty stated as a change of another"), UREF(pc_penalty_change, penalty, PC_PENALTY)},
	{COL("base_penalty_id", "Penalty whose bounds are changed"), UREF(pc_penalty_change, of, PC_PENALTY)},
	{COL("factor", "Factor the base bounds are multiplied by (1.5: increased by half), exactly as a decimal"),
	 DEC(pc_penalty_change, factor)},
	{LINE(pc_penalty_change, line)},
};

/* ---- Lists held by a node --------------------------------------------------- */

static const pc_column indicator_provider_cols[] = {
	{COL("indicator_id", "Indicator"), SELF(PC_INDICATOR)},
	{COL("source_id", "Source of its statistics"), REF_AT(pc_indicator, providers, PC_PROVIDER)},
	{COL("position", "Place in the indicator's list of sources, from 1"), POS},
};

static size_t
indicator_n_providers(const void *rec)
{
	return ((const pc_indicator *)rec)->n_providers;
}

static const pc_column actor_alias_cols[] = {
	{COL("actor_id", "Organization"), SELF(PC_ACTOR)},
	{COL("position", "Place in the organization's list of aliases, from 1"), POS},
	{COL("alias", "Another name the organization is known by"), STR_AT(pc_actor, aliases)},
};

static size_t
actor_n_aliases(const void *rec)
{
	return ((const pc_actor *)rec)->n_aliases;
}

/* ---- The bibliography as listed ------------------------------------------------ */

static const pc_column listing_cols[] = {
	{COL("id", "Identifier of the bibliography entry"), STR(pc_listing, n.id)},
	{COL("publication_id", "Publication it lists: itself, or the one it was merged into"),
	 UREF(pc_listing, publication, PC_PUBLICATION)},
	{COL("title", "Title as the entry writes it"), STR(pc_listing, title), WIDE},
	{COL("subtitle", "Subtitle as the entry writes it"), STR(pc_listing, subtitle), WIDE},
	{COL("year", "Year as the entry gives it"), YEAR(pc_listing, year)},
	{COL("kind", "Kind of publication as the entry says"), STR(pc_listing, kind)},
	{COL("publisher_id", "Organization the entry names as publisher"), REF(pc_listing, publisher, PC_ACTOR)},
	{COL("edition_of_id", "Entry this one names as the work it is an edition of"), STR(pc_listing, edition_of),
	 .references = "publication_listings"},
	{COL("description", "What the profile says of it in this entry"), STR(pc_listing, description), WIDE},
	{COL("url", "URL as the entry gives it"), IDENT(pc_listing, url, PC_IDENT_URL)},
	{COL("doi", "DOI as the entry gives it"), IDENT(pc_listing, doi, PC_IDENT_DOI)},
	{COL("isbn", "ISBN as the entry gives it"), STR(pc_listing, isbn)},
	{LINE(pc_listing, n.line)},
};

static void
citation_listing(const pc_row *row, pc_cell *c)
{
	const pc_citation *x = row->rec;
	if (x->listing < row->g->n_listings)
		pc_cell_str(c, row->g->listings[x->listing].n.id);
}

static const pc_column citation_cols[] = {
	{COL("listing_id", "Bibliography entry"), FN(PC_COL_STRING, citation_listing),
	 .references = "publication_listings"},
	{COL("position", "Place in the entry's list of authors, from 1"), U32(pc_citation, position)},
	{COL("person_id", "Author, when a person"), FN(PC_COL_STRING, citation_person), .references = "people"},
	{COL("actor_id", "Author, when an organization"), FN(PC_COL_STRING, citation_actor), .references = "actors"},
	{COL("as_written", "The author as the entry writes it"), STR(pc_citation, as_written)},
	{COL("family_as_written", "A person's family name as the entry splits it"), STR(pc_citation, family)},
	{COL("given_as_written", "A person's given name or initials as the entry splits it"), STR(pc_citation, given)},
	{COL("name_as_written", "The one name of a person known by one name only, as the entry writes it"),
	 STR(pc_citation, name)},
	{COL("name_order_as_written", "A person's name order as the entry states it (name-order)"),
	 NAME(pc_citation, order, pc_name_order_name, PC_ORDER_COUNT)},
	{COL("role", "What the contributor did, as the entry states it: author, editor or translator"),
	 NAME(pc_citation, role, pc_contributor_role_name, PC_CONTRIB_COUNT)},
	{LINE(pc_citation, line)},
};

/* ---- Themes ---------------------------------------------------------------------- */

static const pc_column theme_cols[] = {
	{COL("id", "Identifier of the timeline theme"), STR(pc_theme, n.id)},
	{COL("label", "Name of the timeline"), STR(pc_theme, label)},
	{COL("order", "Place of the timeline among the profile's, from 1"), INT(pc_theme, order)},
	{COL("line", "Line of the source file that declares it; empty for the two themes of format 1.0"),
	 .type = PC_COL_INTEGER, .get = G_LINE, .offset = FIELD(pc_theme, n.line, unsigned)},
};

/* xml:lang on a text (format 1.1): which text of which entity is in which language. */
static void
text_lang_owner(const pc_row *row, pc_cell *c)
{
	const pc_text_lang *t = row->rec;
	pc_cell_str(c, t->owner ? t->owner : pc_graph_cc(row->g)); /* the profile's own texts: its id */
}

static const pc_column text_lang_cols[] = {
	{COL("entity_id", "Id of the entity the text belongs to (the profile's id for its own title, notes)"),
	 FN(PC_COL_STRING, text_lang_owner)},
	{COL("element", "The source element holding the text (name, description, text, ...)"),
	 STR(pc_text_lang, element)},
	{COL("text", "The text, as in its own table"), STR(pc_text_lang, text), WIDE},
	{COL("lang", "Its language, a BCP 47 tag (xml:lang), where it differs from the profile's"),
	 STR(pc_text_lang, lang)},
	{LINE(pc_text_lang, line)},
};

/* ---- The table of tables ------------------------------------------------------- */

static const char *const pk_id[] = {"id", NULL};
static const char *const pk_text_lang[] = {"entity_id", "element", "text", NULL};
static const char *const pk_event_actor[] = {"event_id", "actor_id", "role", NULL};
static const char *const pk_actor_relation[] = {"actor_id", "relation", "related_actor_id", NULL};
static const char *const pk_authorship[] = {"publication_id", "position", NULL};
static const char *const pk_event_citation[] = {"event_id", "cited_id", NULL};
static const char *const pk_penalty_change[] = {"penalty_id", "base_penalty_id", NULL};
static const char *const pk_indicator_provider[] = {"indicator_id", "source_id", NULL};
static const char *const pk_actor_alias[] = {"actor_id", "position", NULL};
static const char *const pk_citation[] = {"listing_id", "position", NULL};

/* The rows of a table: the elements of a graph array, or of the lists its elements hold. */
#define ROWS(arr, T)         .array = offsetof(pc_graph, arr), .count = offsetof(pc_graph, n_##arr), .size = sizeof(T)
#define LISTS(arr, T, count) ROWS(arr, T), .per_parent = (count)
#define T(name_, title_, desc_, kind_, cols_, pk_)                                                                     \
	.name = (name_), .title = (title_), .description = (desc_), .kind = (kind_), .columns = (cols_),               \
	.n_columns = NCOLS(cols_), .primary_key = (pk_)

/* Node tables first, in pc_kind order, so pc_tables[kind] is kind's table. */
const pc_table pc_tables[] = {
	{T("countries", "Countries", "The country the profile describes", PC_COUNTRY, country_cols, pk_id),
	 ROWS(countries, pc_country)},
	{T("indicators", "Indicators", "Headline statistics of the profile", PC_INDICATOR, indicator_cols, pk_id),
	 ROWS(indicators, pc_indicator)},
	{T("sources", "Sources", "Providers of the indicators' statistics", PC_PROVIDER, provider_cols, pk_id),
	 ROWS(providers, pc_provider)},
	{T("events", "Events", "The profile's timelines of events", PC_EVENT, event_cols, pk_id),
	 ROWS(events, pc_event)},
	{T("actors", "Organizations", "Organizations, programmes, networks, hotlines and websites", PC_ACTOR,
	   actor_cols, pk_id),
	 ROWS(actors, pc_actor)},
	{T("people", "People", "Authors cited by the bibliography, one row per person however spelled", PC_PERSON,
	   person_cols, pk_id),
	 ROWS(persons, pc_person)},
	{T("publications", "Publications", "The bibliography, duplicates merged", PC_PUBLICATION, publication_cols,
	   pk_id),
	 ROWS(publications, pc_publication)},
	{T("instruments", "Legal instruments", "Laws, codes and conventions", PC_INSTRUMENT, instrument_cols, pk_id),
	 ROWS(instruments, pc_instrument)},
	{T("articles", "Articles", "Articles of the legal instruments", PC_ARTICLE, article_cols, pk_id),
	 ROWS(articles, pc_article)},
	{T("parts", "Parts of instruments", "Named parts of legal instruments (titles, chapters) that set penalties",
	   PC_PART, part_cols, pk_id),
	 ROWS(parts, pc_part)},
	{T("penalties", "Penalties", "Penalties the articles, parts and instruments set, with typed bounds", PC_PENALTY,
	   penalty_cols, pk_id),
	 ROWS(penalties, pc_penalty)},
	{T("thresholds", "Legal thresholds", "Ages of consent, majority and marriage", PC_THRESHOLD, threshold_cols,
	   pk_id),
	 ROWS(thresholds, pc_threshold)},
	{T("profile", "Profile", "The profile itself: its title, language, edition and introductions", PC_KIND_COUNT,
	   profile_cols, pk_id)},
	{T("event_actors", "Event actors", "Organizations involved in events, with their role", PC_KIND_COUNT,
	   event_actor_cols, pk_event_actor),
	 ROWS(event_actors, pc_event_actor)},
	{T("actor_relations", "Relations between organizations", "Organizations tied to each other", PC_KIND_COUNT,
	   actor_relation_cols, pk_actor_relation),
	 ROWS(actor_relations, pc_actor_relation)},
	{T("authorships", "Authorships", "Authors of publications, in the order written", PC_KIND_COUNT,
	   authorship_cols, pk_authorship),
	 ROWS(authorships, pc_authorship)},
	{T("event_citations", "Event citations", "Laws and publications an event's text ties it to", PC_KIND_COUNT,
	   event_citation_cols, pk_event_citation),
	 ROWS(event_citations, pc_event_citation)},
	{T("penalty_changes", "Penalty changes", "Penalties stated relative to another (increased by half)",
	   PC_KIND_COUNT, penalty_change_cols, pk_penalty_change),
	 ROWS(penalty_changes, pc_penalty_change)},
	{T("indicator_sources", "Indicator sources", "Sources of each indicator's statistics", PC_KIND_COUNT,
	   indicator_provider_cols, pk_indicator_provider),
	 LISTS(indicators, pc_indicator, indicator_n_providers)},
	{T("actor_aliases", "Organization aliases", "Other names of organizations", PC_KIND_COUNT, actor_alias_cols,
	   pk_actor_alias),
	 LISTS(actors, pc_actor, actor_n_aliases)},
	{T("publication_listings", "Bibliography as listed",
	   "Every bibliography entry as the profile lists it, merged duplicates included, with the publication it "
	   "lists",
	   PC_KIND_COUNT, listing_cols, pk_id),
	 ROWS(listings, pc_listing)},
	{T("listing_authors", "Authors as listed", "The authors of each bibliography entry, as the entry writes them",
	   PC_KIND_COUNT, citation_cols, pk_citation),
	 ROWS(citations, pc_citation)},
	{T("themes", "Themes", "The timelines events belong to, in order", PC_KIND_COUNT, theme_cols, pk_id),
	 ROWS(themes, pc_theme)},
	{T("text_languages", "Text languages", "Texts whose language the profile states (xml:lang)", PC_KIND_COUNT,
	   text_lang_cols, pk_text_lang),
	 ROWS(text_langs, pc_text_lang)},
};
const size_t pc_n_tables = NCOLS(pc_tables);

/* The data-quality notes: the workbook's sheet of them. */
static void
quality_kind(const pc_row *row, pc_cell *c)
{
	const pc_quality_note *q = row->rec;
	if (pc_graph_node(row->g, q->subject) != NULL)
		pc_cell_str(c, pc_kind_name[q->subject.kind]);
}

static void
quality_entity(const pc_row *row, pc_cell *c)
{
	const pc_quality_note *q = row->rec;
	const pc_node *n = pc_graph_node(row->g, q->subject);
	if (n != NULL) {
		pc_cell_str(c, n->id);
		c->link = q->subject;
	}
}

static const pc_column quality_cols[] = {
	{COL("rule", "Rule that found it"), STR(pc_quality_note, rule)},
	{COL("kind", "Kind of the entity concerned"), FN(PC_COL_STRING, quality_kind)},
	{COL("entity_id", "Entity concerned"), FN(PC_COL_STRING, quality_entity)},
	{COL("message", "What is missing or doubtful"), STR(pc_quality_note, message), WIDE},
	{COL("line", "Line of the source file"), .type = PC_COL_INTEGER, .get = G_LINE,
	 .offset = FIELD(pc_quality_note, line, unsigned)},
};

const pc_table pc_quality_table = {
	T("data_quality", "Data quality",
	  "Data-quality warnings: what the profile lacks or states twice, with the source line", PC_KIND_COUNT,
	  quality_cols, NULL),
	ROWS(quality, pc_quality_note)};

/* ---- Rows ------------------------------------------------------------------------ */

static const void *
array_of(const pc_table *t, const pc_graph *g, size_t *n)
{
	*n = AT(g, t->count, size_t);
	return AT(g, t->array, void *);
}

/* Lists held by each parent (an actor's aliases) address row r through a
 * cursor, so that walking the rows in order costs O(1) per row instead of
 * a rescan from the first parent. Row 0 always restarts the walk, so a
 * cursor left over from another graph is never trusted by an in-order walk. */
typedef struct {
	const pc_graph *g;
	const void *parents; /* the parent array walked, to tell graphs apart */
	size_t parent;       /* the parent the last row fell in */
	size_t base;         /* the row number of that parent's first element */
} flat_cursor;

static flat_cursor cursors[NCOLS(pc_tables)];

static int
flat_locate(const pc_table *t, const pc_graph *g, size_t r, size_t *parent, size_t *k)
{
	size_t n;
	const char *parents = array_of(t, g, &n);
	flat_cursor none = {0}, *cur = t >= pc_tables && t < pc_tables + pc_n_tables ? &cursors[t - pc_tables] : &none;
	size_t p = 0, base = 0;
	if (r != 0 && cur->g == g && cur->parents == parents && r >= cur->base && cur->parent < n) {
		p = cur->parent;
		base = cur->base;
	}
	for (; p < n; p++) {
		size_t m = t->per_parent(parents + p * t->size);
		if (r < base + m) {
			*cur = (flat_cursor){g, parents, p, base};
			*parent = p;
			*k = r - base;
			return 1;
		}
		base += m;
	}
	return 0;
}

size_t
pc_table_n_rows(const pc_table *t, const pc_graph *g)
{
	if (t->size == 0)
		return 1; /* the graph itself */
	size_t n;
	const char *a = array_of(t, g, &n);
	if (t->per_parent == NULL)
		return n;
	size_t total = 0;
	for (size_t p = 0; p < n; p++)
		total += t->per_parent(a + p * t->size);
	return total;
}

void
pc_table_row(const pc_table *t, const pc_graph *g, size_t r, pc_cell *cells)
{
	pc_row row = {g, NULL, r, 0};
	if (t->size == 0) {
		row.rec = r == 0 ? g : NULL;
	} else if (t->per_parent == NULL) {
		size_t n;
		const char *a = array_of(t, g, &n);
		row.rec = r < n ? a + r * t->size : NULL;
	} else if (flat_locate(t, g, r, &row.index, &row.k)) {
		size_t n;
		row.rec = (const char *)array_of(t, g, &n) + row.index * t->size;
	}
	for (size_t i = 0; i < t->n_columns; i++) {
		if (row.rec != NULL) {
			read_cell(&t->columns[i], &row, &cells[i]);
		} else {
			memset(&cells[i], 0, sizeof cells[i]);
			cells[i].link.kind = PC_KIND_COUNT;
		}
	}
}

const pc_table *
pc_table_for_kind(pc_kind kind)
{
	if ((unsigned)kind >= PC_KIND_COUNT)
		return NULL;
	return &pc_tables[kind];
}

const pc_table *
pc_table_named(const char *name)
{
	if (name == NULL)
		return NULL;
	for (size_t i = 0; i < pc_n_tables; i++)
		if (strcmp(pc_tables[i].name, name) == 0)
			return &pc_tables[i];
	return NULL;
}

int
pc_table_column(const pc_table *t, const char *name)
{
	for (size_t i = 0; i < t->n_columns; i++)
		if (strcmp(t->columns[i].name, name) == 0)
			return (int)i;
	return -1;
}
