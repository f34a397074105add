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

/* A pretty-printing JSON writer (two-space indent, one member per line),
 * so every JSON product is laid out the same way. key is the member name
 * inside an object and NULL for an array element or the top value. */
typedef struct {
	pc_buf *b;
	unsigned depth;
	unsigned char empty[32]; /* per open container: nothing written in it yet */
	/* Optional: called when a container closes and b holds a megabyte or
	 * more, to move the text so far elsewhere (pc_out_stream_drain). */
	void (*drain)(void *ctx);
	void *drain_ctx;
} pc_json;

void pc_json_init(pc_json *w, pc_buf *b);
void pc_json_open(pc_json *w, const char *key, char bracket); /* '{' or '[' */
void pc_json_close(pc_json *w, char bracket);                 /* '}' or ']' */
void pc_json_string(pc_json *w, const char *key, const char *s);
void pc_json_number(pc_json *w, const char *key, double v);
/* A canonical decimal (compiler/decimal.h) as a JSON number, its digits as they are. */
void pc_json_decimal(pc_json *w, const char *key, const char *canon);
void pc_json_bool(pc_json *w, const char *key, int v);

#endif
