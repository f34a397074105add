/* The links and identifiers a profile may give (format 1.1): their syntax,
 * checked with a message that says how to fix them, and their IRIs. */
#ifndef PC_IDENTIFIERS_H
#define PC_IDENTIFIERS_H

#include <stddef.h>

typedef enum {
	PC_IDENT_URL,      /* an absolute http or https URL */
	PC_IDENT_DOI,      /* 10.NNNN/suffix */
	PC_IDENT_ISBN,     /* ISBN-10 or ISBN-13, hyphens and spaces allowed */
	PC_IDENT_ORCID,    /* 0000-0002-1825-0097 */
	PC_IDENT_ROR,      /* 0 + 6 Crockford base32 characters + 2 check digits */
	PC_IDENT_WIKIDATA, /* Q42 */
	PC_IDENT_COUNT
} pc_ident_kind;

/* The scheme of each kind in the world's "scheme:value" ids: "doi", ... ("" for a URL). */
extern const char *const pc_ident_scheme[PC_IDENT_COUNT];

/* 1 when s is a valid value of kind k; else 0 and msg holds what is wrong
 * and how to write it ("... write the DOI alone: doi=\"10.1234/abc\""). */
int pc_ident_check(pc_ident_kind k, const char *s, char *msg, size_t size);

/* The IRI that names the value: https://doi.org/10.1234/abc,
 * https://orcid.org/..., https://ror.org/..., http://www.wikidata.org/entity/Q42,
 * the URL itself; NULL for an ISBN (it has no resolver IRI). Allocated. */
char *pc_ident_iri(pc_ident_kind k, const char *s);

/* The IRI of one of the world's "scheme:value" ids (the first len bytes
 * of s: "ror:0xerend97" -> https://ror.org/0xerend97), or NULL when its
 * scheme has none (isbn) or is unknown. Allocated. */
char *pc_ident_iri_scheme(const char *s, size_t len);

/* Excel's longest hyperlink (characters): a longer link is an error of the
 * compiler (rule xlsx-url-limit), so that validate refuses what the
 * workbook would. */
#define PC_EXCEL_URL_MAX 2079

#endif
