/* The normalized graph of one country profile: the only thing exporters see. */
#ifndef PC_GRAPH_H
#define PC_GRAPH_H

#include <stddef.h>
#include <stdint.h>

#include "strtab.h"

/* Node kinds, in the order exporters list them. */
typedef enum {
	PC_COUNTRY,
	PC_INDICATOR,
	PC_PROVIDER, /* a provider of statistics */
	PC_EVENT,
	PC_ACTOR,
	PC_PERSON,
	PC_PUBLICATION,
	PC_INSTRUMENT,
	PC_ARTICLE,
	PC_PART, /* a named part of an instrument that sets penalties (format 1.1) */
	PC_PENALTY,
	PC_THRESHOLD,
	PC_KIND_COUNT
} pc_kind;

extern const char *const pc_kind_name[PC_KIND_COUNT];   /* "event", ... */
extern const char *const pc_kind_plural[PC_KIND_COUNT]; /* "events", ... */

/* A reference to a node: its kind and its index in that kind's array. */
typedef struct {
	pc_kind kind;
	uint32_t index;
} pc_ref;

/* The absent value for years and optional integers. */
#define PC_NONE 0

/* Every node starts with this header. */
typedef struct {
	const char *id; /* stable, unique in the profile */
	unsigned line;  /* source line, 0 when synthesized */
	unsigned col;   /* source column of the element, 0 when unknown */
} pc_node;

typedef struct {
	pc_node n;
	const char *code; /* ISO 3166-1 alpha-2, upper case; n.id is it in lower case */
	const char *name;
} pc_country;

typedef struct {
	pc_node n;
	const char *label;
	int has_value;          /* 0: the profile gives no value */
	const char *value;      /* canonical decimal (compiler/decimal.h), NULL when missing */
	const char *value_text; /* the value as written, NULL when missing */
	const char *unit;       /* may be NULL */
	int year;               /* PC_NONE when absent */
	uint32_t *providers;    /* indices into g->providers */
	size_t n_providers;
} pc_indicator;

typedef struct {
	pc_node n;
	const char *name;
} pc_provider;

/* A timeline the profile declares (format 1.1), or one of the two every
 * profile that declares none gets: education-ict and child-protection.
 * g->themes is in the order the products list them (by `order`). */
typedef struct {
	pc_node n; /* n.id is the theme's id; themes share no id space with nodes */
	const char *label;
	int order;
} pc_theme;
/* A text whose element says its language (xml:lang, format 1.1): the
 * text (interned), the BCP 47 tag, the element's name and the id of the
 * entity it belongs to (NULL: the profile). compiler/langs.c. */
typedef struct {
	const char *text, *lang, *element, *owner;
	unsigned line, col;
} pc_text_lang;

/* The most themes a profile may declare: the EPUB timeline has a colour and
 * a shape for each. */
#define PC_THEME_MAX 8
/* The two themes of format 1.0, at these indices when no theme is declared. */
enum { PC_THEME_EDUCATION_ICT, PC_THEME_CHILD_PROTECTION, PC_THEME_DEFAULT_COUNT };
extern const char *const pc_theme_default_id[PC_THEME_DEFAULT_COUNT];    /* "education-ict", ... */
extern const char *const pc_theme_default_label[PC_THEME_DEFAULT_COUNT]; /* "Education and ICT", ... */

typedef struct {
	pc_node n;
	int year;
	int end_year;   /* PC_NONE when the event is not a span */
	int planned;    /* 1.1: 1 the profile says it is planned (its years may be after the edition), -1 it
			 * says it is not, 0 it does not say */
	uint32_t theme; /* index into g->themes */
	const char *text;
} pc_event;

typedef struct {
	pc_node n;
	const char *kind;    /* "ngo", "government-body", ... as in the schema */
	const char *name;    /* NULL when the profile does not give it */
	const char *acronym; /* may be NULL */
	const char **aliases;
	size_t n_aliases;
	const char *description; /* may be NULL */
	int founded;             /* PC_NONE when unknown */
	int directory;           /* listed in the profile's directory */
	/* Links and identifiers (format 1.1), NULL when not given; checked
	 * for syntax (compiler/identifiers.h). */
	const char *website;  /* absolute http(s) URL */
	const char *wikidata; /* "Q42" */
	const char *ror;      /* "015w2mp89" */
} pc_actor;

/* How a name is written: given name first ("Sonia Livingstone") or family
 * name first ("王小明", "Kovács János"). */
typedef enum { PC_ORDER_UNSTATED, PC_ORDER_FAMILY_FIRST, PC_ORDER_GIVEN_FIRST, PC_ORDER_COUNT } pc_name_order;
extern const char *const pc_name_order_name[PC_ORDER_COUNT]; /* "", "family-first", "given-first" */

/* One real person, merged across the spellings that cite them (persons.c).
 * Before normalization there is one per citation, and one per person the
 * source declares in <people> (those have an id). */
typedef struct {
	pc_node n;
	const char *family;   /* the spelling cited most often, accents kept */
	const char *given;    /* the fullest given name cited (may be initials), may be NULL */
	const char *display;  /* "Sonia Livingstone", "王小明" */
	const char *sort_key; /* folded "livingstone sonia", for ordering */
	int declared;         /* declared in the source's <people>: its id is the editor's */
	int family_first;     /* displayed family name first */
	/* A person with one name (name=, format 1.1: "Sukarno"): family holds
	 * it for the matcher, given is NULL, and the products show it as the
	 * name alone, never as a family name. A mononym is matched only with
	 * the same mononym, never with a family name. */
	int mononym;
	pc_name_order order; /* as the source states it (name-order), else unstated */
	int32_t ref;         /* a citation's declared person (ref="..."), -1 when none; -1 after normalization */
	const char *orcid;   /* a declared person's ORCID iD (format 1.1), NULL when none */
} pc_person;

typedef struct {
	pc_node n;
	const char *title;
	const char *subtitle; /* may be NULL */
	int year;
	const char *kind;        /* "report", ... or NULL */
	const char *description; /* may be NULL */
	int32_t publisher;       /* actor index, -1 when none */
	int32_t edition_of;      /* publication index, -1 when none */
	/* The first listing with the same title and year but another subtitle,
	 * edition or authors (a near-duplicate: both kept), -1 when none. */
	int32_t near_duplicate_of;
	/* Links and identifiers (format 1.1), NULL when not given: a merged
	 * publication takes each from the first listing that gives it. */
	const char *url;         /* absolute http(s) URL */
	const char *doi;         /* "10.1000/xyz123" */
	const char *isbn;        /* as written, hyphens kept */
	const char **merged_ids; /* ids of the entries merged into this one */
	unsigned *merged_lines;
	size_t n_merged;
} pc_publication;

/* One bibliography entry as the source lists it. Normalization merges the
 * entries that list one work into one publication; each entry keeps its
 * listing, so nothing a merged entry said is lost. Listing i is the
 * source's i-th publication element. */
typedef struct {
	pc_node n;            /* the entry's own id and place */
	uint32_t publication; /* the publication it lists (merged into), an index into publications */
	const char *title;
	const char *subtitle; /* may be NULL */
	int year;
	const char *kind;             /* may be NULL */
	const char *description;      /* may be NULL */
	int32_t publisher;            /* actor index, -1 when none */
	const char *edition_of;       /* the listing id its edition-of names, may be NULL */
	const char *url, *doi, *isbn; /* as the entry gives them, may be NULL */
} pc_listing;

typedef enum { PC_INSTR_LAW, PC_INSTR_CODE, PC_INSTR_CONVENTION, PC_INSTR_COUNT } pc_instrument_type;
extern const char *const pc_instrument_type_name[PC_INSTR_COUNT];

typedef struct {
	pc_node n;
	pc_instrument_type type;
	const char *number; /* "196/2003", may be NULL */
	int year;           /* PC_NONE when absent */
	const char *title;
	const char *status;              /* treaty status as written, may be NULL */
	int signed_, ratified, in_force; /* -1 unknown, 0 no, 1 yes */
	const char *status_date;         /* "2001-11", may be NULL */
	int32_t issuer;                  /* actor index, -1 when none */
} pc_instrument;

typedef struct {
	pc_node n;
	uint32_t instrument;
	const char *number;  /* "211" */
	const char *heading; /* may be NULL */
	const char *text;
} pc_article;

/* A named part of an instrument (a title, a chapter) that sets penalties
 * itself rather than through a numbered article (format 1.1). */
typedef struct {
	pc_node n;
	uint32_t instrument;
	const char *label;   /* as the law writes it: "Title III" */
	const char *heading; /* may be NULL */
} pc_part;

/* The first three are format 1.0's; the rest 1.1's. */
typedef enum {
	PC_PEN_IMPRISONMENT,
	PC_PEN_FINE,
	PC_PEN_PROHIBITION,
	PC_PEN_LIFE,              /* life imprisonment: no bounds */
	PC_PEN_COMMUNITY_SERVICE, /* bounds in hours */
	PC_PEN_DAY_FINE,          /* bounds in day-units; a daily amount where stated */
	PC_PEN_COUNT
} pc_penalty_kind;
extern const char *const pc_penalty_kind_name[PC_PEN_COUNT];
/* How the products name a kind to a reader: "life imprisonment", "day-fine". */
extern const char *const pc_penalty_kind_label[PC_PEN_COUNT];

/* A penalty belongs to an article, or (format 1.1) to a part of an
 * instrument, or to the instrument as a whole; `instrument` is always set. */
typedef struct {
	pc_node n;
	uint32_t instrument;
	int32_t article; /* article index, -1 when set by a part or the instrument */
	int32_t part;    /* part index, -1 when set by an article or the instrument */
	pc_penalty_kind kind;
	/* Canonical decimals (compiler/decimal.h), NULL when not stated: an
	 * open bound ("up to", "at least") is absent, never 0. */
	const char *min, *max;
	const char *unit; /* "months", "years", "hours", "percent", "day-units", "RON", ... or NULL */
	int unit_is_currency;
	const char *base;               /* what a percentage is of ("annual turnover"), may be NULL */
	const char *daily_min;          /* a day-fine's amount per day-unit, canonical, may be NULL */
	const char *daily_max;          /* may be NULL */
	const char *daily_currency;     /* ISO 4217, NULL when the amount per day is not stated */
	unsigned daily_line, daily_col; /* where <daily-amount> is */
	const char *offence;            /* may be NULL */
	const char *condition;          /* may be NULL: the basic offence */
	int32_t alternative_to;         /* penalty index, -1 when none */
	int32_t in_addition_to;         /* penalty index, -1 when none */
} pc_penalty;

/* A relative change: penalty `penalty` multiplies the bounds of `of` by `factor`. */
typedef struct {
	uint32_t penalty;
	uint32_t of;
	const char *factor; /* canonical decimal */
	unsigned line, col;
} pc_penalty_change;

typedef enum {
	PC_THR_CONSENT,
	PC_THR_MAJORITY,
	PC_THR_MARRIAGE,
	PC_THR_DIGITAL_CONSENT, /* format 1.1 */
	PC_THR_COUNT
} pc_threshold_kind;
extern const char *const pc_threshold_kind_name[PC_THR_COUNT];
extern const char *const pc_threshold_kind_label[PC_THR_COUNT];

typedef struct {
	pc_node n;
	pc_threshold_kind kind;
	int age;
	const char *condition; /* when it applies, as written (1.1); may be NULL */
} pc_threshold;

/* ---- Edges ---------------------------------------------------------- */

typedef enum {
	PC_ROLE_ORGANIZER,
	PC_ROLE_FUNDER,
	PC_ROLE_PARTNER,
	PC_ROLE_PARTICIPANT,
	PC_ROLE_SIGNATORY,
	PC_ROLE_IMPLEMENTER,
	PC_ROLE_OPERATOR,
	PC_ROLE_SUPPORTER,
	PC_ROLE_SUBJECT,
	PC_ROLE_INVOLVED, /* format 1.1: the profile names the actor, not its role */
	PC_ROLE_COUNT
} pc_role;
extern const char *const pc_role_name[PC_ROLE_COUNT];
int pc_actor_kind_is_1_1(const char *kind); /* a kind format 1.1 adds */

typedef struct {
	uint32_t event, actor;
	pc_role role;
	unsigned line, col;
} pc_event_actor;

typedef enum {
	PC_REL_PART_OF,
	PC_REL_MEMBER_OF,
	PC_REL_OPERATED_BY,
	PC_REL_PARTNER_OF,
	PC_REL_FOUNDED_BY,
	PC_REL_FUNDED_BY,
	PC_REL_COUNT
} pc_relation_type;
extern const char *const pc_relation_name[PC_REL_COUNT];

typedef struct {
	uint32_t from, to; /* actor indices */
	pc_relation_type type;
	unsigned line, col;
} pc_actor_relation;

/* What a contributor did for a publication (format 1.1; 1.0: all are
 * authors). An organization as author is the work's corporate author. */
typedef enum { PC_CONTRIB_AUTHOR, PC_CONTRIB_EDITOR, PC_CONTRIB_TRANSLATOR, PC_CONTRIB_COUNT } pc_contributor_role;
extern const char *const pc_contributor_role_name[PC_CONTRIB_COUNT]; /* "author", "editor", "translator" */

/* An ordered contributor of a publication: a person or an actor. */
typedef struct {
	uint32_t publication;
	uint32_t position;      /* 1-based, in the order written */
	pc_ref author;          /* PC_PERSON or PC_ACTOR */
	const char *as_written; /* the citation's own spelling */
	/* Why this citation is this person (persons.c): "declared", "full-form",
	 * "sole-candidate", "ambiguous", "apart"; NULL for an organization. */
	const char *joined_by;
	unsigned line, col;
	pc_contributor_role role;
} pc_authorship;

/* An author as a listing cites them, in the order written: the words and
 * the family and given names exactly as the entry writes them. */
typedef struct {
	uint32_t listing;  /* index into listings */
	uint32_t position; /* 1-based */
	pc_ref author;     /* PC_PERSON (the merged person) or PC_ACTOR */
	const char *as_written;
	const char *family, *given; /* a person's, as written; may be NULL */
	const char *name;           /* a one-part name as written (name=); family and given are then NULL */
	const char *joined_by;      /* a person's: why it is that person (pc_authorship.joined_by) */
	pc_name_order order;        /* a person's name-order as written, else unstated */
	pc_contributor_role role;
	unsigned line, col;
} pc_citation;

/* An event tied to an instrument or a publication by its text. */
typedef struct {
	uint32_t event;
	pc_ref target; /* PC_INSTRUMENT or PC_PUBLICATION */
	unsigned line, col;
} pc_event_citation;

/* A data-quality note found by the checks, kept for the products. */
typedef struct {
	const char *rule; /* "missing-value", ... */
	pc_ref subject;   /* the entity concerned */
	const char *message;
	unsigned line, col;
} pc_quality_note;

#define PC_ARRAY(type, name)                                                                                           \
	type *name;                                                                                                    \
	size_t n_##name;                                                                                               \
	size_t cap_##name

typedef struct pc_graph {
	pc_strtab strings;       /* owns every string of the graph */
	const char *source_path; /* as given on the command line */
	char source_sha256[65];  /* hex digest of the source bytes */
	/* The profile's name in the products: its <title>, or, the title being
	 * optional, one made from the country's name. */
	const char *title;
	const char *title_written;            /* the <title> as written, NULL when absent */
	const char *version;                  /* the format version the source is written in */
	const char *lang;                     /* "en" */
	const char *modified;                 /* the source's edition date, "YYYY-MM-DD" */
	unsigned modified_line, modified_col; /* where it is written */
	/* The build date: from SOURCE_DATE_EPOCH when set, else the edition
	 * date at 00:00 UTC; never the clock, so builds are reproducible. */
	long long build_epoch;      /* seconds since 1970, UTC */
	char build_date[11];        /* "YYYY-MM-DD" */
	char build_timestamp[21];   /* "YYYY-MM-DDTHH:MM:SSZ" */
	const char *indicator_note; /* the profile's note on statistics, may be NULL */
	const char *law_intro;      /* may be NULL */

	/* Nodes, one array per kind; the country array has one element. */
	PC_ARRAY(pc_country, countries);
	PC_ARRAY(pc_indicator, indicators);
	PC_ARRAY(pc_provider, providers);
	PC_ARRAY(pc_event, events);
	PC_ARRAY(pc_actor, actors);
	PC_ARRAY(pc_person, persons);
	PC_ARRAY(pc_publication, publications);
	PC_ARRAY(pc_instrument, instruments);
	PC_ARRAY(pc_article, articles);
	PC_ARRAY(pc_part, parts);
	PC_ARRAY(pc_penalty, penalties);
	PC_ARRAY(pc_threshold, thresholds);

	/* Edges. */
	PC_ARRAY(pc_event_actor, event_actors);
	PC_ARRAY(pc_actor_relation, actor_relations);
	PC_ARRAY(pc_authorship, authorships);
	PC_ARRAY(pc_event_citation, event_citations);
	PC_ARRAY(pc_listing, listings);
	PC_ARRAY(pc_citation, citations);
	PC_ARRAY(pc_penalty_change, penalty_changes);

	PC_ARRAY(pc_quality_note, quality);

	PC_ARRAY(pc_theme, themes);         /* the timelines, in order; at most PC_THEME_MAX */
	PC_ARRAY(pc_text_lang, text_langs); /* texts whose element says its language (1.1) */
	uint32_t *text_langs_by_text;       /* indices into text_langs by text pointer, then source order; NULL: scan */
} pc_graph;

/* The language of a text of g when its element states one, else NULL (langs.c). */
const char *pc_graph_text_lang(const pc_graph *g, const char *text);
int pc_lang_is_rtl(const char *lang); /* ICU: the tag's script is right-to-left */

pc_graph *pc_graph_new(void);
void pc_graph_free(pc_graph *g); /* accepts NULL */

/* The count of nodes of a kind. */
size_t pc_graph_count(const pc_graph *g, pc_kind kind);
/* The header (id, line) of any node. */
const pc_node *pc_graph_node(const pc_graph *g, pc_ref ref);
/* A node's display label: the name, title or text a person reads. */
const char *pc_graph_label(const pc_graph *g, pc_ref ref);
/* Give g the two themes of format 1.0 (a profile that declares none). */
void pc_graph_default_themes(pc_graph *g);
/* Themes in their order (then document order); 1.0's two when none is declared. */
void pc_graph_order_themes(pc_graph *g);
/* The country code in lower case ("ro"), for file names. */
const char *pc_graph_cc(const pc_graph *g);
/* Whether a quality note says the profile lacks something (a value, an
 * organization's name or kind, an author) rather than that something was
 * merged or is odd: the
 * products' "what the profile lacks" lists these (check.c). */
int pc_quality_is_gap(const pc_quality_note *q);

/* Grow an array member by one zeroed element and return it. */
void *pc_grow(void **array, size_t *count, size_t *cap, size_t elem_size);
#define PC_PUSH(g, name)                                                                                               \
	((__typeof__((g)->name))pc_grow((void **)&(g)->name, &(g)->n_##name, &(g)->cap_##name, sizeof *(g)->name))

#endif
