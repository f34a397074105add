/* Which way a source text runs, from ICU's character properties: for dir="auto"-like choices the exporters make
 * themselves (a workbook cell's reading order). */
#ifndef PC_BIDI_H
#define PC_BIDI_H

typedef enum { PC_DIR_NEUTRAL, PC_DIR_LTR, PC_DIR_RTL } pc_dir;

/* The direction of the first strong character of a UTF-8 text, as the
 * Unicode bidirectional algorithm's rules P2 and P3 find it (isolates and
 * embeddings are not skipped: sources hold none); PC_DIR_NEUTRAL when the
 * text has only digits, punctuation and spaces, or is NULL. */
pc_dir pc_text_dir(const char *utf8);

#endif
