/* A growable byte buffer and the escaping every exporter shares. */
#ifndef PC_BUF_H
#define PC_BUF_H

#include <stddef.h>

typedef struct {
	char *data; /* always NUL-terminated once anything was appended */
	size_t len, cap;
} pc_buf;

void pc_buf_init(pc_buf *b);
void pc_buf_free(pc_buf *b);
void pc_buf_reset(pc_buf *b); /* length to 0, memory kept */
void pc_buf_add(pc_buf *b, const char *s, size_t n);
void pc_buf_puts(pc_buf *b, const char *s);
void pc_buf_putc(pc_buf *b, char c);
void pc_buf_printf(pc_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* XML text and attribute escaping: & < > " ' */
void pc_buf_xml(pc_buf *b, const char *s);
/* A JSON string literal, quotes included; NULL gives null. */
void pc_buf_json_str(pc_buf *b, const char *s);
/* A number as JSON/CSV write it: integers without a fraction, others with %.15g. */
void pc_buf_number(pc_buf *b, double v);
/* A CSV field per RFC 4180: quoted only when it holds , " CR or LF. */
void pc_buf_csv_field(pc_buf *b, const char *s);

#endif
