/* The language of a text (format 1.1): xml:lang on any text element, where
 * it differs from the profile's lang. Kept beside the graph's texts, by the
 * text's interned pointer, so that every exporter can ask for any text it
 * writes without a language field on every node. */
#include <string.h>

#include <libxml/tree.h>
#include <unicode/uloc.h>

#include "compiler.h"

void
pc_text_lang_note(pc_graph *g, struct _xmlNode *n, const char *text)
{
	xmlChar *lang = xmlGetNsProp(n, (const xmlChar *)"lang", XML_XML_NAMESPACE);
	if (lang == NULL || text == NULL) {
		xmlFree(lang);
		return;
	}
	/* Its entity: the nearest element with an id (none: the profile). */
	xmlChar *owner = NULL;
	for (xmlNodePtr p = n->parent; p && p->type == XML_ELEMENT_NODE && owner == NULL; p = p->parent)
		owner = xmlGetProp(p, (const xmlChar *)"id");
	pc_text_lang *t = PC_PUSH(g, text_langs);
	t->text = text;
	t->lang = pc_intern(&g->strings, (const char *)lang);
	t->element = pc_intern(&g->strings, (const char *)n->name);
	t->owner = owner ? pc_intern(&g->strings, (const char *)owner) : NULL;
	t->line = (unsigned)xmlGetLineNo(n);
	t->col = 1;
	xmlFree(lang);
	xmlFree(owner);
}

const char *
pc_graph_text_lang(const pc_graph *g, const char *text)
{
	for (size_t i = 0; text && i < g->n_text_langs; i++)
		if (g->text_langs[i].text == text)
			return g->text_langs[i].lang;
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
