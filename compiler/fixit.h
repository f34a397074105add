/* Fix-it messages: libxml2's schema and markup errors rewritten for an
 * editor, saying what to write instead. */
#ifndef PC_FIXIT_H
#define PC_FIXIT_H

#include <stddef.h>

struct _xmlDoc;

/* A schema error's message (namespace already stripped, as libxml2 words
 * it: "Element 'event', attribute 'theme': [facet 'enumeration'] ...")
 * rewritten, in new memory; NULL when it has no better wording. id is the
 * element's id attribute or NULL; schema is the schema document, where
 * named types are looked up. */
char *pc_fixit_schema(const char *msg, const char *id, const struct _xmlDoc *schema);
/* A markup error of libxml2's parser (its error code and message),
 * rewritten; NULL to keep libxml2's words. */
char *pc_fixit_markup(int code, const char *msg);
/* Whether a schema message reports a missing child: its place is the
 * element's opening tag, not where libxml2 noticed (the closing one). */
int pc_fixit_is_missing_child(const char *msg);

/* The candidate closest to word (edit distance, or one a prefix of the
 * other), or NULL when none is close enough to suggest. */
const char *pc_nearest(const char *word, const char *const *candidates, size_t n);

#endif
