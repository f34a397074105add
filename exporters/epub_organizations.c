/* The EPUB handout's directory: every organization A to Z. */
#include <stdlib.h>
#include <string.h>

#include "../compiler/alloc.h"
#include "../compiler/fold.h"
#include <unicode/ucol.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>
#include "epub_write.h"

/* The heading, what it is, its other names and its description. */
static void
actor_heading(pc_epub_ctx *c, pc_epub_doc *doc, uint32_t i)
{
	const pc_graph *g = c->g;
	const pc_actor *a = &g->actors[i];
	pc_buf *b = &doc->xhtml;

	pc_buf_puts(b, "<section id=\"");
	pc_epub_text(b, a->n.id);
	pc_buf_puts(b, "\">\n<h3>");
	pc_epub_actor_name(b, a);
	if (a->name && a->acronym) {
		pc_buf_puts(b, " <span class=\"acronym\">(");
		pc_epub_text(b, a->acronym);
		pc_buf_puts(b, ")</span>");
	}
	pc_buf_puts(b, "</h3>\n<p class=\"meta\">");
	/* A kind the profile does not state (format 1.1) is said to be so. */
	pc_epub_words(b, a->kind ? a->kind : "organization, kind not stated", 1);
	if (a->founded != PC_NONE)
		pc_buf_printf(b, " \xc2\xb7 founded %d", a->founded);
	if (a->directory)
		pc_buf_puts(b, " \xc2\xb7 in the profile\xe2\x80\x99s directory");
	if (!a->name)
		pc_buf_puts(b, " \xc2\xb7 <span class=\"missing\">the profile gives no name</span>");
	pc_buf_puts(b, "</p>\n");
	if (a->n_aliases > 0) {
		pc_buf_puts(b, "<p>Also known as: ");
		for (size_t k = 0; k < a->n_aliases; k++) {
			if (k > 0)
				pc_buf_puts(b, "; ");
			pc_epub_bdi(b, a->aliases[k]);
		}
		pc_buf_puts(b, "</p>\n");
	}
	if (a->description) {
		pc_buf_puts(b, "<p");
		pc_epub_dir(b, a->description);
		pc_buf_puts(b, ">");
		pc_epub_text(b, a->description);
		pc_buf_puts(b, "</p>\n");
	}
	pc_epub_actor_links(b, a);
}

/* Its relations to other organizations, from both ends. */
static void
actor_relations(pc_epub_ctx *c, pc_epub_doc *doc, uint32_t i)
{
	const pc_graph *g = c->g;
	pc_buf *b = &doc->xhtml;
	const char *me = doc->file;
	if (PC_EDGE_COUNT(&c->rel_by_from, i) + PC_EDGE_COUNT(&c->rel_by_to, i) > 0) {
		pc_buf_puts(b, "<p class=\"links\">Related: ");
		int first = 1;
		PC_EDGE_EACH(&c->rel_by_from, i, k)
		{
			const pc_actor_relation *r = &g->actor_relations[c->rel_by_from.items[k]];
			if (r->to >= g->n_actors)
				continue;
			pc_buf_puts(b, first ? "" : "; ");
			first = 0;
			pc_epub_words(b, r->type < PC_REL_COUNT ? pc_relation_name[r->type] : "related to", 0);
			pc_buf_putc(b, ' ');
			pc_epub_link_actor(b, c, me, r->to);
		}
		/* The other end of each relation, so both entries show it. */
		PC_EDGE_EACH(&c->rel_by_to, i, k)
		{
			const pc_actor_relation *r = &g->actor_relations[c->rel_by_to.items[k]];
			if (r->from >= g->n_actors)
				continue;
			pc_buf_puts(b, first ? "" : "; ");
			first = 0;
			pc_epub_link_actor(b, c, me, r->from);
			pc_buf_puts(b, " is ");
			pc_epub_words(b, r->type < PC_REL_COUNT ? pc_relation_name[r->type] : "related to", 0);
			pc_buf_puts(b, " it");
		}
		pc_buf_puts(b, "</p>\n");
	}
}

static void
actor_events(pc_epub_ctx *c, pc_epub_doc *doc, uint32_t i)
{
	const pc_graph *g = c->g;
	pc_buf *b = &doc->xhtml;
	const char *me = doc->file;
	if (PC_EDGE_COUNT(&c->ea_by_actor, i) > 0) {
		pc_buf_puts(b, "<p class=\"links\">Events: ");
		int first = 1;
		PC_EDGE_EACH(&c->ea_by_actor, i, k)
		{
			const pc_event_actor *ea = &g->event_actors[c->ea_by_actor.items[k]];
			if (ea->event >= g->n_events)
				continue;
			pc_buf_puts(b, first ? "" : "; ");
			first = 0;
			pc_buf_printf(b, "%d, %s: ", g->events[ea->event].year,
				      ea->role < PC_ROLE_COUNT ? pc_role_name[ea->role] : "involved");
			pc_epub_link_label(b, c, me, (pc_ref){PC_EVENT, ea->event});
		}
		pc_buf_puts(b, "</p>\n");
	}
}

/* What it wrote or published. */
static void
actor_publications(pc_epub_ctx *c, pc_epub_doc *doc, uint32_t i)
{
	const pc_graph *g = c->g;
	pc_buf *b = &doc->xhtml;
	const char *me = doc->file;
	if (PC_EDGE_COUNT(&c->auth_by_actor, i) + PC_EDGE_COUNT(&c->pub_by_publisher, i) > 0) {
		pc_buf_puts(b, "<p class=\"links\">Publications: ");
		int first = 1;
		PC_EDGE_EACH(&c->auth_by_actor, i, k)
		{
			uint32_t p = g->authorships[c->auth_by_actor.items[k]].publication;
			if (p >= g->n_publications)
				continue;
			pc_buf_puts(b, first ? "" : "; ");
			first = 0;
			pc_buf_printf(b, "%s of ",
				      pc_contributor_role_name[g->authorships[c->auth_by_actor.items[k]].role]);
			pc_epub_link_label(b, c, me, (pc_ref){PC_PUBLICATION, p});
		}
		PC_EDGE_EACH(&c->pub_by_publisher, i, k)
		{
			pc_buf_puts(b, first ? "" : "; ");
			first = 0;
			pc_buf_puts(b, "publisher of ");
			pc_epub_link_label(b, c, me, (pc_ref){PC_PUBLICATION, c->pub_by_publisher.items[k]});
		}
		pc_buf_puts(b, "</p>\n");
	}
}

/* The legal instruments it issued. */
static void
actor_issued(pc_epub_ctx *c, pc_epub_doc *doc, uint32_t i)
{
	pc_buf *b = &doc->xhtml;
	const char *me = doc->file;
	if (PC_EDGE_COUNT(&c->instr_by_issuer, i) > 0) {
		pc_buf_puts(b, "<p class=\"links\">Issued: ");
		PC_EDGE_EACH(&c->instr_by_issuer, i, k)
		{
			pc_buf_puts(b, k > c->instr_by_issuer.start[i] ? "; " : "");
			pc_epub_link_label(b, c, me, (pc_ref){PC_INSTRUMENT, c->instr_by_issuer.items[k]});
		}
		pc_buf_puts(b, "</p>\n");
	}
}

static void
write_actor(pc_epub_ctx *c, pc_epub_doc *doc, uint32_t i)
{
	actor_heading(c, doc, i);
	actor_relations(c, doc, i);
	actor_events(c, doc, i);
	actor_publications(c, doc, i);
	actor_issued(c, doc, i);
	pc_buf_puts(&doc->xhtml, "</section>\n");
}

/* ---- The A-Z order: the collation of the profile's language ------------ */

/* ICU's collator for the profile's language (root's order for one ICU does
 * not know), and the same at primary strength to tell whether two letters
 * file together ("E" and "É" in English; "S" and "Ș" are two letters in
 * Romanian). NULL when ICU cannot open one: then the folded keys' order. */
typedef struct {
	UCollator *sort, *primary;
} collation;

static void
collation_open(collation *k, const char *lang)
{
	UErrorCode e = U_ZERO_ERROR;
	k->sort = ucol_open(lang, &e);
	if (U_FAILURE(e))
		k->sort = NULL;
	e = U_ZERO_ERROR;
	k->primary = ucol_open(lang, &e);
	if (U_FAILURE(e))
		k->primary = NULL;
	else
		ucol_setStrength(k->primary, UCOL_PRIMARY);
}

static void
collation_close(collation *k)
{
	if (k->sort)
		ucol_close(k->sort);
	if (k->primary)
		ucol_close(k->primary);
}

/* A label as UTF-16 for ICU; free it. */
static UChar *
utf16(const char *s, int32_t *len)
{
	UErrorCode e = U_ZERO_ERROR;
	u_strFromUTF8(NULL, 0, len, s, -1, &e); /* the length only */
	UChar *u = pc_malloc(((size_t)*len + 1) * sizeof *u);
	e = U_ZERO_ERROR;
	u_strFromUTF8(u, *len + 1, NULL, s, -1, &e);
	if (U_FAILURE(e))
		*len = 0;
	return u;
}

/* The label's collation key: a NUL-terminated byte string, so that strcmp
 * orders the keys as the collator orders the labels. */
static char *
sort_key(const collation *k, const char *label)
{
	if (k->sort == NULL)
		return pc_fold_key(label);
	int32_t n16;
	UChar *u = utf16(label, &n16);
	int32_t n = ucol_getSortKey(k->sort, u, n16, NULL, 0);
	uint8_t *key = pc_malloc((size_t)n + 1);
	ucol_getSortKey(k->sort, u, n16, key, n + 1);
	free(u);
	return (char *)key;
}

/* The letter a label is filed under: its first character, upper-cased,
 * when it is a letter of any script; 0 for a digit or a symbol. */
static UChar32
first_letter(const char *label)
{
	const uint8_t *s = (const uint8_t *)label;
	int32_t i = 0, n = (int32_t)strlen(label);
	UChar32 c = 0;
	if (n > 0)
		U8_NEXT(s, i, n, c);
	return c > 0 && u_isalpha(c) ? u_toupper(c) : 0;
}

static int
same_letter(const collation *k, UChar32 a, UChar32 b)
{
	if (a == b || a == 0 || b == 0 || k->primary == NULL)
		return a == b;
	UChar x[2], y[2];
	int32_t nx = 0, ny = 0;
	UBool err = 0;
	U16_APPEND(x, nx, 2, a, err);
	U16_APPEND(y, ny, 2, b, err);
	return !err && ucol_strcoll(k->primary, x, nx, y, ny) == UCOL_EQUAL;
}

/* A group's heading letter: the bare letter when the collator files the
 * accented one with it ("É" under "E"), else the letter itself. */
static UChar32
heading_letter(const collation *k, UChar32 c)
{
	UErrorCode e = U_ZERO_ERROR;
	const UNormalizer2 *nfd = unorm2_getNFDInstance(&e);
	UChar parts[8];
	int32_t n = U_FAILURE(e) ? 0 : unorm2_getDecomposition(nfd, c, parts, 8, &e);
	if (U_FAILURE(e) || n <= 0)
		return c;
	UChar32 base;
	U16_GET(parts, 0, 0, n, base);
	return same_letter(k, base, c) ? base : c;
}

typedef struct {
	size_t first;   /* index in the sorted order */
	UChar32 letter; /* 0: digits and symbols */
	int repeat;     /* an earlier group has the same letter (a symbol sorted after letters) */
} letter_group;

/* "l_A" for an ASCII letter, "l_u0633" for another, "l_0" for the rest. */
static void
letter_anchor(char *out, size_t size, const letter_group *gr)
{
	UChar32 l = gr->letter;
	int n;
	if (l == 0)
		n = snprintf(out, size, "l_0");
	else if (l < 0x80)
		n = snprintf(out, size, "l_%c", (char)l);
	else
		n = snprintf(out, size, "l_u%04X", (unsigned)l);
	if (gr->repeat > 0 && n > 0 && (size_t)n < size) /* ids stay unique */
		snprintf(out + n, size - (size_t)n, "_%d", gr->repeat + 1);
}

static void
letter_label(char *out, size_t size, UChar32 l)
{
	if (l == 0) {
		snprintf(out, size,
			 "0\xe2\x80\x93"
			 "9 and symbols");
		return;
	}
	int32_t n = 0;
	UBool err = 0;
	U8_APPEND((uint8_t *)out, n, (int32_t)size - 1, l, err);
	out[err ? 0 : n] = '\0';
}

/* The groups of the sorted labels: a new one where the first letter stops
 * filing with the group's. */
static letter_group *
group_by_letter(const collation *k, const pc_graph *g, const pc_epub_order *o, size_t n, size_t *n_groups)
{
	letter_group *gr = pc_malloc((n ? n : 1) * sizeof *gr);
	*n_groups = 0;
	UChar32 cur = 0;
	for (size_t i = 0; i < n; i++) {
		const pc_actor *a = &g->actors[o[i].index];
		UChar32 l = first_letter(a->name ? a->name : a->acronym);
		if (*n_groups > 0 && same_letter(k, l, cur))
			continue;
		cur = l;
		letter_group *x = &gr[(*n_groups)++];
		*x = (letter_group){i, l ? heading_letter(k, l) : 0, 0};
		for (size_t j = 0; j + 1 < *n_groups; j++)
			x->repeat += gr[j].letter == x->letter;
	}
	return gr;
}

static void
write_letters_bar(pc_buf *b, const letter_group *gr, size_t n_groups, int unnamed)
{
	pc_buf_puts(b, "<p class=\"letters\">");
	for (size_t i = 0; i < n_groups; i++) {
		char anchor[24], label[32];
		letter_anchor(anchor, sizeof anchor, &gr[i]);
		letter_label(label, sizeof label, gr[i].letter);
		if (gr[i].letter == 0)
			snprintf(label, sizeof label,
				 "0\xe2\x80\x93"
				 "9");
		pc_buf_printf(b, "<a href=\"#%s\">", anchor);
		pc_buf_xml(b, label);
		pc_buf_puts(b, "</a> ");
	}
	if (unnamed)
		pc_buf_puts(b, "<a href=\"#l_unnamed\">Unnamed</a>");
	pc_buf_puts(b, "</p>\n");
}

void
pc_epub_write_organizations(pc_epub_ctx *c, pc_epub_doc *doc)
{
	const pc_graph *g = c->g;
	pc_buf *b = &doc->xhtml;
	pc_epub_doc_begin(doc, g, "chapter");
	if (g->n_actors == 0) {
		pc_buf_puts(b, "<p>The profile lists no organizations.</p>\n");
		pc_epub_doc_end(doc);
		return;
	}
	/* Named (by name or acronym) ones A-Z in the collation of the
	 * profile's language; those with neither last, in source order. */
	collation k;
	collation_open(&k, pc_epub_lang_of(g));
	pc_epub_order *o = pc_malloc(g->n_actors * sizeof *o);
	size_t n_named = 0, n_unnamed = 0;
	uint32_t *unnamed = pc_malloc(g->n_actors * sizeof *unnamed);
	for (size_t i = 0; i < g->n_actors; i++) {
		const pc_actor *a = &g->actors[i];
		const char *label = a->name ? a->name : a->acronym;
		if (label == NULL)
			unnamed[n_unnamed++] = (uint32_t)i;
		else
			o[n_named++] = (pc_epub_order){0, sort_key(&k, label), (uint32_t)i};
	}
	qsort(o, n_named, sizeof *o, pc_epub_by_key);
	size_t n_groups;
	letter_group *gr = group_by_letter(&k, g, o, n_named, &n_groups);

	pc_buf_puts(b, "<p>Every organization, programme, network and website the profile names, A to Z, with "
		       "links to the events they took part in.</p>\n");
	write_letters_bar(b, gr, n_groups, n_unnamed > 0);
	for (size_t i = 0; i < n_groups; i++) {
		char anchor[24], label[32];
		letter_anchor(anchor, sizeof anchor, &gr[i]);
		letter_label(label, sizeof label, gr[i].letter);
		pc_buf_printf(b, "<section id=\"%s\">\n<h2>", anchor);
		pc_buf_xml(b, label);
		pc_buf_puts(b, "</h2>\n");
		size_t end = i + 1 < n_groups ? gr[i + 1].first : n_named;
		for (size_t j = gr[i].first; j < end; j++)
			write_actor(c, doc, o[j].index);
		pc_buf_puts(b, "</section>\n");
	}
	if (n_unnamed > 0) {
		pc_epub_add_section(doc, "l_unnamed", "Unnamed in the profile");
		pc_buf_puts(b, "<section id=\"l_unnamed\">\n<h2>Unnamed in the profile</h2>\n<p>The profile describes "
			       "these without naming them.</p>\n");
		for (size_t i = 0; i < n_unnamed; i++)
			write_actor(c, doc, unnamed[i]);
		pc_buf_puts(b, "</section>\n");
	}
	for (size_t i = 0; i < n_named; i++)
		free((char *)o[i].key);
	free(o);
	free(gr);
	free(unnamed);
	collation_close(&k);
	pc_epub_doc_end(doc);
}
