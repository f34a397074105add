/* The language of a text (format 1.1): xml:lang on any text element, where
 * it differs from the profile's lang. Kept beside the graph's texts, by the
 * text's pointer (equal short texts share one, build.c), so that every
 * exporter can ask for any text it writes without a language field on
 * every node. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>
#include <unicode/uloc.h>

#include "alloc.h"
#include "compiler.h"

void
pc_text_lang_note(pc_graph *g, const pc_input *src, struct _xmlNode *n, const char *text)
{
	xmlChar *lang = xmlGetNsProp(n, (const xmlChar *)"lang", XML_XML_NAMESPACE);
	if (lang == NULL || text == NULL) {
		xmlFree(lang);
		return;
	}
	/* Its entity: the nearest element with an id, itself first (a
	 * statistics <source id> is its own text's entity; none: the profile). */
	xmlChar *owner = NULL;
	for (xmlNodePtr p = n; p && p->type == XML_ELEMENT_NODE && owner == NULL; p = p->parent)
		owner = xmlGetProp(p, (const xmlChar *)"id");
	pc_text_lang *t = PC_PUSH(g, text_langs);
	t->text = text;
	t->lang = pc_intern(&g->strings, (const char *)lang);
	t->element = pc_intern(&g->strings, (const char *)n->name);
	t->owner = owner ? pc_intern(&g->strings, (const char *)owner) : NULL;
	/* The attribute's own place: libxml2 keeps only the element's line, so
	 * the column comes from the source's bytes. */
	long line = xmlGetLineNo(n);
	t->line = line > 0 ? (unsigned)line : 0;
	t->col = pc_input_column(src, t->line, (const char *)n->name);
	pc_input_attr_position(src, "xml:lang", &t->line, &t->col);
	xmlFree(lang);
	xmlFree(owner);
}

static const pc_text_lang *sorting; /* qsort has no context argument */

static int
cmp_by_text(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	uintptr_t tx = (uintptr_t)sorting[x].text, ty = (uintptr_t)sorting[y].text;
	if (tx != ty)
		return tx < ty ? -1 : 1;
	return (x > y) - (x < y); /* the first in the source wins */
}

void
pc_text_langs_index(pc_graph *g)
{
	free(g->text_langs_by_text);
	g->text_langs_by_text = pc_malloc((g->n_text_langs + 1) * sizeof *g->text_langs_by_text);
	for (size_t i = 0; i < g->n_text_langs; i++)
		g->text_langs_by_text[i] = (uint32_t)i;
	sorting = g->text_langs;
	qsort(g->text_langs_by_text, g->n_text_langs, sizeof *g->text_langs_by_text, cmp_by_text);
	sorting = NULL;
}

const char *
pc_graph_text_lang(const pc_graph *g, const char *text)
{
	if (text == NULL || g->n_text_langs == 0)
		return NULL;
	if (g->text_langs_by_text == NULL) { /* a graph made by hand */
		for (size_t i = 0; i < g->n_text_langs; i++)
			if (g->text_langs[i].text == text)
				return g->text_langs[i].lang;
		return NULL;
	}
	/* The first entry of this text: the lowest index among equals. */
	size_t lo = 0, hi = g->n_text_langs;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if ((uintptr_t)g->text_langs[g->text_langs_by_text[mid]].text < (uintptr_t)text)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < g->n_text_langs && g->text_langs[g->text_langs_by_text[lo]].text == text)
		return g->text_langs[g->text_langs_by_text[lo]].lang;
	return NULL;
}

int
pc_lang_is_rtl(const char *lang)
{
	char locale[ULOC_FULLNAME_CAPACITY];
	UErrorCode e = U_ZERO_ERROR;
	uloc_forLanguageTag(lang, locale, sizeof locale, NULL, &e);
	return U_SUCCESS(e) && uloc_isRightToLeft(locale);
}

/* A tag ICU cannot read whole as BCP 47 ("en_GB"), or whose language is
 * not an ISO 639 language ICU knows ("english"), is an error. */
void
pc_check_langs(const pc_graph *g, pc_diag *d)
{
	for (size_t i = 0; i < g->n_text_langs; i++) {
		const pc_text_lang *t = &g->text_langs[i];
		char locale[ULOC_FULLNAME_CAPACITY];
		int32_t parsed = 0;
		UErrorCode e = U_ZERO_ERROR;
		uloc_forLanguageTag(t->lang, locale, sizeof locale, &parsed, &e);
		if (U_FAILURE(e) || parsed != (int32_t)strlen(t->lang) || parsed == 0 ||
		    *uloc_getISO3Language(locale) == '\0')
			pc_diag_report(d, PC_SEV_ERROR, g->source_path, t->line, t->col, "bad-lang",
				       "<%s> has xml:lang=\"%s\", which is not a BCP 47 language tag: write a tag such "
				       "as \"en\", \"uk\", \"zh-Hant\" or \"pt-BR\"",
				       t->element, t->lang);
	}
}
