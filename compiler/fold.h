/* Text folding: whitespace and NFC for display, accents and punctuation for matching. */
#ifndef PC_FOLD_H
#define PC_FOLD_H

#include <stddef.h>

/* Collapse runs of XML whitespace to one space, trim both ends, and put the
 * result in Unicode NFC (compiler/nfc.h). Returns a malloc'd string (free it). */
char *pc_fold_space(const char *s);

/* A matching key: lower case, accents removed (Ó -> o, ş -> s; Latin-1 and
 * Latin Extended-A letters, Ș Ț, and the combining accents U+0300..U+036F
 * of decomposed text, so "O\u0301" -> o as Ó does), apostrophes
 * of every shape dropped (O’Neill = O'Neill = ONeill), other punctuation
 * turned into single spaces, trimmed. Returns a malloc'd string. */
char *pc_fold_key(const char *s);

/* The first letter of a given name's key ("Sonia" -> 's', "S." -> 's'), or 0. */
char pc_fold_initial(const char *given);

#endif
