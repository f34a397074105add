/* Text folding: whitespace for display, accents and punctuation for matching. */
#ifndef PC_FOLD_H
#define PC_FOLD_H

#include <stddef.h>

/* Collapse runs of XML whitespace to one space and trim both ends, in place
 * of a fresh malloc'd copy (free it). */
char *pc_fold_space(const char *s);

/* A matching key: lower case, accents removed (Ó -> o, ş -> s), apostrophes
 * of every shape dropped (O’Neill = O'Neill = ONeill), other punctuation
 * turned into single spaces, trimmed. Returns a malloc'd string. */
char *pc_fold_key(const char *s);

/* The first letter of a given name's key ("Sonia" -> 's', "S." -> 's'), or 0. */
char pc_fold_initial(const char *given);

#endif
