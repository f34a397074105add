/* Text folding with ICU: whitespace and NFC for display, case and marks for matching, ASCII for ids. */
#ifndef PC_FOLD_H
#define PC_FOLD_H

#include <stddef.h>

/* Collapse runs of XML whitespace to one space, trim both ends, and put the
 * result in Unicode NFC. Returns a malloc'd string (free it). */
char *pc_fold_space(const char *s);

/* The NFC form of a UTF-8 string, malloc'd. Text that is not valid UTF-8
 * (libxml2 never passes any on) comes back unchanged. */
char *pc_nfc(const char *utf8);
/* 1 when s is certainly in NFC already, so that pc_nfc(s) would copy it. */
int pc_nfc_is_normalized(const char *s);
/* The Unicode version of the ICU in use ("15.1"), for messages. */
const char *pc_unicode_version(void);

/* A matching key, the same in every script: canonical decomposition, marks
 * dropped (Ó -> o, ί -> ι, ễ -> e), full case folding (ΣΟΣ = σοσ, ß = ss),
 * Latin letters without a decomposition spelled in ASCII (ø -> o, ł -> l,
 * æ -> ae, đ -> d), apostrophes of every shape dropped (O’Neill = ONeill),
 * other punctuation and symbols turned into single spaces, trimmed, NFC.
 * Returns a malloc'd string. */
char *pc_fold_key(const char *s);

/* As pc_fold_key, but symbols that tell works apart survive: "C++" and "C"
 * differ, "C#" and "100%" keep their sign. For publication titles. */
char *pc_fold_title(const char *s);

/* The length in bytes of the first grapheme cluster of s (a letter with its
 * marks, a Hangul syllable, an Indic consonant with its vowel sign). */
size_t pc_grapheme_len(const char *s);

/* s transliterated to ASCII ("Any-Latin; Latin-ASCII": Петрова -> Petrova,
 * 王小明 -> wang xiao ming), malloc'd; what has no Latin form is dropped. */
char *pc_ascii(const char *s);

/* Free what the folding functions keep between calls (the transliterators). */
void pc_fold_cleanup(void);

/* For the test of keys: 1 opens ICU's Latin-ASCII by its id (through ICU's
 * registry, 11 ms), as the reference; 0 (the default) from its rules. */
void pc_fold_latin_ascii_by_id(int on);

/* Whether every byte of s is ASCII: such text needs no Unicode work. */
int pc_is_ascii(const char *s);

#endif
