/* Load a source safely: read it ourselves, refuse hostile shapes, parse from memory. */
#include <ctype.h>
#include <errno.h>
#include <signal.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include "alloc.h"
#include "../exporters/swar.h"
#include "compiler.h"
#include "digest.h"

void
pc_limits_default(pc_limits *lim)
{
	lim->max_size = PC_DEFAULT_MAX_SIZE;
	lim->max_depth = PC_DEFAULT_MAX_DEPTH;
	lim->max_attributes = PC_DEFAULT_MAX_ATTRIBUTES;
	lim->max_text = PC_DEFAULT_MAX_TEXT;
	lim->digest = 0;
}

/* A profile never needs anything from outside its own bytes. */
static xmlParserInputPtr
refuse_external(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
	(void)url;
	(void)id;
	(void)ctxt;
	return NULL;
}

/* Everything we report comes through the structured handlers; the generic
 * channel would print straight to stderr, once per failed allocation. */
static void
silence(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

/* A mapped file that shrinks under us raises SIGBUS on the next page read.
 * Nothing can be recovered then: say which file and stop, as an invalid
 * source (a build's output directory is untouched, its staging is swept
 * by the next build; diagnostics gathered so far are lost). A SIGBUS
 * elsewhere is not ours to explain: it kills as it would have. */
static const char *volatile mapped_path;
static const char *volatile mapped_base;
static volatile size_t mapped_len;

static void
on_sigbus(int sig, siginfo_t *info, void *context)
{
	(void)context;
	const char *path = mapped_path, *at = info ? (const char *)info->si_addr : NULL;
	if (path == NULL || at < mapped_base || at >= mapped_base + mapped_len) {
		signal(sig, SIG_DFL);
		raise(sig);
		return;
	}
	static const char msg[] = ": error: the file changed size while it was read; run again [io]\n";
	if (write(STDERR_FILENO, path, strlen(path)) < 0 || write(STDERR_FILENO, msg, sizeof msg - 1) < 0)
		_exit(PC_EXIT_INVALID);
	_exit(PC_EXIT_INVALID);
}

void
pc_compiler_init(void)
{
	xmlInitParser();
	xmlSetGenericErrorFunc(NULL, silence);
	xmlSetExternalEntityLoader(refuse_external);
	struct sigaction sa = {.sa_sigaction = on_sigbus, .sa_flags = SA_SIGINFO};
	sigemptyset(&sa.sa_mask);
	sigaction(SIGBUS, &sa, NULL);
}

static int
map_source(pc_input *src, const pc_limits *lim, pc_diag *d)
{
	/* O_NONBLOCK: opening a FIFO (or a device) must not wait for a
	 * writer before the type check below refuses it. A regular file's
	 * reads never block, so the flag changes nothing else. */
	int fd = open(src->path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
	if (fd < 0) {
		pc_diag_report(d, PC_SEV_ERROR, src->path, 0, 0, "io", "cannot open: %s", strerror(errno));
		return -1;
	}
	struct stat st = {0};
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		pc_diag_report(d, PC_SEV_ERROR, src->path, 0, 0, "io",
			       "not a regular file (%s): a source is read from a file on disk",
			       S_ISFIFO(st.st_mode)                         ? "a FIFO"
			       : S_ISDIR(st.st_mode)                        ? "a directory"
			       : S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode) ? "a device"
			       : S_ISSOCK(st.st_mode)                       ? "a socket"
									    : "not a file");
		close(fd);
		return -1;
	}
	/* --max-size is at most 2^31 - 1 (main.c): libxml2 counts in ints. */
	if ((unsigned long long)st.st_size > lim->max_size) {
		pc_diag_report(d, PC_SEV_ERROR, src->path, 0, 0, "limit-size",
			       "source is %lld bytes, over the limit of %zu (see --max-size)", (long long)st.st_size,
			       lim->max_size);
		close(fd);
		return -1;
	}
	/* /proc and /sys files say they hold 0 bytes and yet have some: a
	 * mapping would read nothing, and "empty" would be untrue. */
	char probe;
	if (st.st_size == 0 && read(fd, &probe, 1) == 1) {
		pc_diag_report(d, PC_SEV_ERROR, src->path, 0, 0, "io",
			       "not a regular file (its size reads as 0 but it has bytes, like a /proc or /sys file): "
			       "copy it to a file on disk");
		close(fd);
		return -1;
	}
	src->len = (size_t)st.st_size;
	src->data = "";
	if (src->len > 0) {
		void *map = mmap(NULL, src->len, PROT_READ, MAP_PRIVATE, fd, 0);
		if (map == MAP_FAILED) {
			pc_diag_report(d, PC_SEV_ERROR, src->path, 0, 0, "io", "cannot read: %s", strerror(errno));
			src->len = 0;
			close(fd);
			return -1;
		}
		madvise(map, src->len, MADV_SEQUENTIAL);
		src->data = map;
		mapped_base = map;
		mapped_len = src->len;
		mapped_path = src->path;
	}
	src->fd = fd;
	src->size = (long long)st.st_size;
	src->mtime_ns = (long long)st.st_mtim.tv_sec * 1000000000 + st.st_mtim.tv_nsec;
	src->ctime_ns = (long long)st.st_ctim.tv_sec * 1000000000 + st.st_ctim.tv_nsec;
	return 0;
}

/* Pages are released in steps of this many bytes, not one by one: a
 * madvise a megabyte costs nothing beside reading it, and what is mapped
 * but read counts in the peak. */
#define RELEASE_STEP ((size_t)1 << 20)

void
pc_input_release(pc_input *src, size_t upto)
{
	if (src->len == 0 || upto > src->len || upto < src->released + RELEASE_STEP)
		return;
	size_t page = (size_t)sysconf(_SC_PAGESIZE);
	size_t to = upto / page * page;
	if (to <= src->released)
		return;
	/* From the start, not from the last step: a diagnostic's column is
	 * looked up in lines already released, and the page it reads comes
	 * back mapped with its neighbours (a large folio, megabytes), which
	 * would stay for the rest of the parse. */
	madvise((void *)src->data, to, MADV_DONTNEED);
	src->released = to;
}

/* The column of the first `<name` of each (line, name) looked up on a long
 * line. Every element of a source written on one line (minified XML) is
 * on that line: without this, each lookup would scan the line, and a
 * source of n bytes would cost n per element. (As on any line, a second
 * element of one name on it gets the first one's column: libxml2 keeps no
 * column to tell them apart.) */
struct pc_column_memo {
	struct column_slot {
		unsigned line, col;
		char *name; /* NULL: an empty slot */
	} * slots;
	size_t n, cap; /* cap is a power of two */
};

/* A line scanned whole for each lookup: longer ones go through the memo. */
#define SHORT_LINE 4096

static void
add_line(pc_input *src, size_t offset)
{
	if (src->columns == NULL)
		src->columns = pc_calloc(1, sizeof *src->columns);
	if (src->n_lines == src->cap_lines) {
		src->cap_lines = src->cap_lines ? src->cap_lines * 2 : 1024;
		src->line_starts = pc_realloc(src->line_starts, src->cap_lines * sizeof *src->line_starts);
	}
	src->line_starts[src->n_lines++] = (uint32_t)offset;
}

/* The length of a reference XML defines without a DTD at p ("&amp;",
 * "&#233;", "&#xE9;"), or 0. A profile has no DTD, so no other entity
 * can exist; libxml2 would report it too, but leaks while doing so. */
static size_t
known_reference(const char *p, const char *end)
{
	static const char *const predefined[] = {"&amp;", "&lt;", "&gt;", "&quot;", "&apos;"};
	for (size_t i = 0; i < sizeof predefined / sizeof predefined[0]; i++) {
		size_t n = strlen(predefined[i]);
		if ((size_t)(end - p) >= n && memcmp(p, predefined[i], n) == 0)
			return n;
	}
	const char *q = p + 1;
	if (q >= end || *q != '#')
		return 0;
	int hex = ++q < end && *q == 'x';
	q += hex;
	const char *digits = q;
	while (q < end && q - digits < 8 &&
	       ((*q >= '0' && *q <= '9') || (hex && ((*q >= 'a' && *q <= 'f') || (*q >= 'A' && *q <= 'F')))))
		q++;
	return q > digits && q < end && *q == ';' ? (size_t)(q + 1 - p) : 0;
}

static int
is_name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '#' || c == '.' ||
	       c == '_' || c == '-' || c == ':';
}

static int
report_reference(const pc_input *src, pc_diag *d, const char *p, const char *end, unsigned line, unsigned col)
{
	/* Quote only ASCII name characters: the rest may not even be UTF-8. */
	const char *q = p + 1;
	while (q < end && q - p < 40 && is_name_char(*q))
		q++;
	if (q < end && *q == ';')
		q++;
	static const char *const predefined[] = {"&amp", "&lt", "&gt", "&quot", "&apos"};
	int known = 0;
	for (size_t i = 0; i < sizeof predefined / sizeof *predefined; i++)
		known |= (size_t)(q - p) == strlen(predefined[i]) && memcmp(p, predefined[i], (size_t)(q - p)) == 0;
	if (q == p + 1)
		pc_diag_report(d, PC_SEV_ERROR, src->path, line, col, "malformed",
			       "a bare '&': write &amp; for an ampersand");
	else if (known)
		pc_diag_report(d, PC_SEV_ERROR, src->path, line, col, "malformed", "'%.*s' lacks its ';': write %.*s;",
			       (int)(q - p), p, (int)(q - p), p);
	else
		pc_diag_report(d, PC_SEV_ERROR, src->path, line, col, "malformed",
			       "'%.*s' is not a reference XML knows without a DTD: write the character itself, "
			       "&amp;, or a numeric reference such as &#160;",
			       (int)(q - p), p);
	return -1;
}

/* The prescan: one pass over the bytes before libxml2 sees them. It
 * refuses what a profile never holds (another encoding, a DOCTYPE, a NUL
 * byte) and shapes that make libxml2 slow or deep (thousands of attributes
 * on one element, deep nesting, megabytes of text), and indexes the lines.
 * Each step below reads from s->p and leaves s->p after what it read. */
typedef struct {
	pc_input *src;
	const pc_limits *lim;
	pc_diag *d;
	const char *p, *end;
	const char *line_start;
	unsigned line;
	unsigned depth;
	/* The text since the last element tag: comments and processing
	 * instructions inside it neither end it nor count, CDATA counts.
	 * libxml2's schema patterns cost far more than linear time and memory
	 * on megabytes of text, however it is cut. */
	size_t text_len;
	unsigned text_line, text_col;
} scan;

static unsigned
col_of(const scan *s, const char *at)
{
	return (unsigned)(at - s->line_start) + 1;
}

/* The one place a byte's line and NUL bookkeeping happens: 0, or -1 after
 * reporting a NUL byte at q. A newline starts a line at q + 1. */
static int
account(scan *s, const char *q)
{
	if (*q == '\n') {
		s->line++;
		s->line_start = q + 1;
		add_line(s->src, (size_t)(q + 1 - s->src->data));
		return 0;
	}
	if (*q == '\0') {
		pc_diag_report(s->d, PC_SEV_ERROR, s->src->path, s->line, col_of(s, q), "malformed",
			       "NUL byte in the source");
		return -1;
	}
	return 0;
}

static int
text_over_limit(scan *s)
{
	if (s->text_len <= s->lim->max_text)
		return 0;
	pc_diag_report(s->d, PC_SEV_ERROR, s->src->path, s->text_line, s->text_col, "limit-text",
		       "a text of %zu bytes, over the limit of %zu (see --max-text; comments and processing "
		       "instructions inside a text do not end it)",
		       s->text_len, s->lim->max_text);
	return -1;
}

static void
text_starts(scan *s)
{
	s->text_len = 0;
	s->text_line = s->line;
	s->text_col = col_of(s, s->p);
}

/* A comment, a CDATA section or a processing instruction at s->p: skip
 * to its end (an unterminated one is libxml2's to report, on lines we
 * index). Only CDATA is text. */
static int
scan_section(scan *s, const char *open, const char *close)
{
	size_t cl = strlen(close);
	const char *q = s->p + strlen(open), *content = q;
	for (; q < s->end && !(q + cl <= s->end && memcmp(q, close, cl) == 0); q++)
		if (account(s, q) != 0)
			return -1;
	if (strcmp(open, "<![CDATA[") == 0)
		s->text_len += (size_t)(q - content);
	s->p = q + cl <= s->end ? q + cl : s->end;
	return 0;
}

static int
attribute_over_limit(scan *s, const char *value_start, const char *q, unsigned line, unsigned col)
{
	if ((size_t)(q - value_start) <= s->lim->max_text)
		return 0;
	pc_diag_report(s->d, PC_SEV_ERROR, s->src->path, line, col, "limit-text",
		       "an attribute value of %zu bytes, over the limit of %zu (see --max-text)",
		       (size_t)(q - value_start), s->lim->max_text);
	return -1;
}

/* An element tag at s->p: count its attributes (an '=' outside quotes),
 * check their values, and follow the nesting depth. */
static int
scan_tag(scan *s)
{
	int closing = s->end - s->p >= 2 && s->p[1] == '/';
	unsigned tag_line = s->line, tag_col = col_of(s, s->p), attrs = 0;
	char quote = 0;
	const char *q = s->p + 1, *value_start = NULL;
	unsigned value_line = 0, value_col = 0;
	for (; q < s->end; q++) {
		if (account(s, q) != 0)
			return -1;
		if (quote) {
			if (*q == '&' && known_reference(q, s->end) == 0)
				return report_reference(s->src, s->d, q, s->end, s->line, col_of(s, q));
			if (*q != quote)
				continue;
			quote = 0;
			if (attribute_over_limit(s, value_start, q, value_line, value_col) != 0)
				return -1;
		} else if (*q == '"' || *q == '\'') {
			quote = *q;
			value_start = q + 1;
			value_line = s->line;
			value_col = col_of(s, q);
		} else if (*q == '=') {
			attrs++;
		} else if (*q == '>' || *q == '<') {
			break;
		}
	}
	if (attrs > s->lim->max_attributes) {
		pc_diag_report(s->d, PC_SEV_ERROR, s->src->path, tag_line, tag_col, "limit-attributes",
			       "element has %u attributes, over the limit of %u (see --max-attributes)", attrs,
			       s->lim->max_attributes);
		return -1;
	}
	int empty = q < s->end && *q == '>' && q[-1] == '/';
	if (closing) {
		if (s->depth > 0)
			s->depth--;
	} else if (!empty && ++s->depth > s->lim->max_depth) {
		pc_diag_report(s->d, PC_SEV_ERROR, s->src->path, tag_line, tag_col, "limit-depth",
			       "elements nested deeper than %u (see --max-depth)", s->lim->max_depth);
		return -1;
	}
	s->p = (q < s->end && *q == '>') ? q + 1 : q;
	return 0;
}

/* Markup at s->p (a '<'). */
static int
scan_markup(scan *s)
{
	size_t left = (size_t)(s->end - s->p);
	if (left >= 4 && memcmp(s->p, "<!--", 4) == 0)
		return scan_section(s, "<!--", "-->");
	if (left >= 9 && memcmp(s->p, "<![CDATA[", 9) == 0)
		return scan_section(s, "<![CDATA[", "]]>");
	if (left >= 2 && s->p[1] == '?')
		return scan_section(s, "<?", "?>");
	if (left >= 2 && s->p[1] == '!') {
		pc_diag_report(s->d, PC_SEV_ERROR, s->src->path, s->line, col_of(s, s->p), "doctype",
			       "a profile has no DOCTYPE or markup declaration; remove it");
		return -1;
	}
	/* An element tag ends the text before it and starts the next. */
	if (text_over_limit(s) != 0 || scan_tag(s) != 0)
		return -1;
	text_starts(s);
	return 0;
}

/* A profile is UTF-8 (a BOM allowed): libxml2 would otherwise decode a
 * declared encoding (UTF-7, EBCDIC, ...) after the prescan, and every check
 * above would have looked at bytes that are not the text. The parser is
 * told UTF-8 too (parse.c), so nothing decodes what was not scanned. */
static int
refuse_encoding(scan *s, const char *at, const char *name)
{
	pc_diag_report(s->d, PC_SEV_ERROR, s->src->path, s->line, col_of(s, at), "encoding",
		       "the file is in %s; profilec reads UTF-8 only: convert it with 'iconv -f %s -t UTF-8' and "
		       "declare encoding=\"UTF-8\"",
		       name, name);
	return -1;
}

/* What the first bytes say of a file that is not UTF-8 (XML 1.0,
 * appendix F), or NULL. */
static const char *
sniffed_encoding(const unsigned char *b, size_t n)
{
	static const struct {
		const char *bytes;
		size_t len;
		const char *name;
	} marks[] = {
		{"\x00\x00\xFE\xFF", 4, "UTF-32"},   {"\xFF\xFE\x00\x00", 4, "UTF-32"},
		{"\x00\x00\x00\x3C", 4, "UTF-32BE"}, {"\x3C\x00\x00\x00", 4, "UTF-32LE"},
		{"\xFE\xFF", 2, "UTF-16"},           {"\xFF\xFE", 2, "UTF-16"},
		{"\x00\x3C\x00\x3F", 4, "UTF-16BE"}, {"\x3C\x00\x3F\x00", 4, "UTF-16LE"},
		{"\x4C\x6F\xA7\x94", 4, "IBM037"},   {"+/v", 3, "UTF-7"},
	};
	for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++)
		if (n >= marks[i].len && memcmp(b, marks[i].bytes, marks[i].len) == 0)
			return marks[i].name;
	return NULL;
}

static int
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static int
check_encoding(scan *s)
{
	const char *named = sniffed_encoding((const unsigned char *)s->p, (size_t)(s->end - s->p));
	if (named)
		return refuse_encoding(s, s->p, named);
	const char *p = s->p;
	if (s->end - p >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		p += 3;
	if (s->end - p < 6 || memcmp(p, "<?xml", 5) != 0 || !is_space(p[5]))
		return 0;
	/* The declaration's pseudo-attribute encoding="NAME". The declaration
	 * ends at its "?>" and holds no other '>', however much space it
	 * holds (libxml2 reads it all: a cap here let a late encoding by). */
	const char *close = p;
	while (close + 1 < s->end && !(close[0] == '?' && close[1] == '>') && close[0] != '>')
		close++;
	for (const char *q = p + 5; q + 8 <= close; q++) {
		if (!is_space(q[-1]) || memcmp(q, "encoding", 8) != 0)
			continue;
		const char *v = q + 8;
		while (v < close && (is_space(*v) || *v == '='))
			v++;
		if (v >= close || (*v != '"' && *v != '\''))
			return 0; /* malformed: libxml2 says so */
		const char *name = ++v;
		while (v < close && (isalnum((unsigned char)*v) || *v == '-' || *v == '_' || *v == '.'))
			v++;
		size_t len = (size_t)(v - name);
		if ((len == 5 && strncasecmp(name, "UTF-8", 5) == 0) ||
		    (len == 8 && strncasecmp(name, "US-ASCII", 8) == 0))
			return 0;
		char shown[41];
		snprintf(shown, sizeof shown, "%.*s", (int)(len < 40 ? len : 40), name);
		unsigned line = s->line;
		const char *line_start = s->line_start;
		for (const char *c = s->p; c < q; c++)
			if (*c == '\n') {
				line++;
				line_start = c + 1;
			}
		pc_diag_report(s->d, PC_SEV_ERROR, s->src->path, line, (unsigned)(q - line_start) + 1, "encoding",
			       "the file declares encoding=\"%s\"; profilec reads UTF-8 only: convert it with "
			       "'iconv -f %s -t UTF-8' and declare encoding=\"UTF-8\"",
			       shown, len ? shown : "ENCODING");
		return -1;
	}
	return 0;
}

/* The length of the run of text at p that needs no look: no '<', '&',
 * newline or NUL. Eight bytes at a time: the prescan reads every byte of
 * the source, and most of them are such text. */
static size_t
plain_run(const char *p, const char *end)
{
	const char *q = p;
	for (; end - q >= 8; q += 8) {
		uint64_t w = pc_swar_load(q);
		if (pc_swar_eq(w, '<') | pc_swar_eq(w, '&') | pc_swar_eq(w, '\n') | pc_swar_eq(w, '\0'))
			break;
	}
	while (q < end && *q != '<' && *q != '&' && *q != '\n' && *q != '\0')
		q++;
	return (size_t)(q - p);
}

static int
prescan(pc_input *src, const pc_limits *lim, pc_diag *d)
{
	scan s = {.src = src, .lim = lim, .d = d, .p = src->data, .end = src->data + src->len, .line = 1};
	s.line_start = s.p;
	text_starts(&s);
	if (check_encoding(&s) != 0)
		return -1;
	while (s.p < s.end) {
		size_t run = plain_run(s.p, s.end);
		s.p += run;
		s.text_len += run;
		if (s.p == s.end)
			break;
		if (*s.p == '<') {
			if (scan_markup(&s) != 0)
				return -1;
			continue;
		}
		if (*s.p == '&' && known_reference(s.p, s.end) == 0)
			return report_reference(src, d, s.p, s.end, s.line, col_of(&s, s.p));
		if (account(&s, s.p) != 0)
			return -1;
		if (*s.p == '\n')
			pc_input_release(src, (size_t)(s.p + 1 - src->data));
		s.p++;
		s.text_len++;
	}
	return text_over_limit(&s);
}

/* The digest in steps, releasing what was hashed. */
static void
digest(pc_input *src)
{
	pc_sha256 h;
	pc_sha256_init(&h);
	for (size_t at = 0; at < src->len;) {
		size_t n = src->len - at < RELEASE_STEP ? src->len - at : RELEASE_STEP;
		pc_sha256_update(&h, src->data + at, n);
		at += n;
		pc_input_release(src, at);
	}
	pc_sha256_final_hex(&h, src->sha256);
}

int
pc_load(pc_input *src, const pc_limits *lim, pc_diag *d)
{
	if (map_source(src, lim, d) != 0)
		return -1;
	if (src->len == 0) {
		pc_diag_report(d, PC_SEV_ERROR, src->path, 1, 1, "malformed", "the file is empty");
		return -1;
	}
	if (src->digest) {
		digest(src);
		src->released = 0;
	}
	add_line(src, 0);
	int rc = prescan(src, lim, d);
	/* The parser reads from the start again. */
	src->released = 0;
	return rc;
}

void
pc_input_free(pc_input *src)
{
	if (src == NULL)
		return;
	if (src->len > 0)
		munmap((void *)src->data, src->len);
	if (src->fd > 0)
		close(src->fd);
	src->fd = -1;
	mapped_path = NULL;
	free(src->line_starts);
	if (src->columns) {
		for (size_t i = 0; i < src->columns->cap; i++)
			free(src->columns->slots[i].name);
		free(src->columns->slots);
		free(src->columns);
		src->columns = NULL;
	}
	src->data = NULL;
	src->len = 0;
	src->line_starts = NULL;
	src->n_lines = src->cap_lines = 0;
}

int
pc_input_unchanged(const pc_input *src, pc_diag *d)
{
	struct stat st;
	if (src->fd <= 0 || fstat(src->fd, &st) != 0)
		return 0;
	if ((long long)st.st_size == src->size &&
	    (long long)st.st_mtim.tv_sec * 1000000000 + st.st_mtim.tv_nsec == src->mtime_ns &&
	    (long long)st.st_ctim.tv_sec * 1000000000 + st.st_ctim.tv_nsec == src->ctime_ns)
		return 0;
	pc_diag_report(d, PC_SEV_ERROR, src->path, 0, 0, "io", "the file changed while it was read; run again");
	return -1;
}

/* The column of the first `<name` (any '<' when name is empty) in
 * [p, stop), 0 when there is none; *ended when the line ends before stop. */
static unsigned
scan_line(const char *p, const char *stop, const char *end, const char *name, size_t nl, int *ended)
{
	*ended = stop == end;
	for (const char *q = p; q < stop; q++) {
		if (*q == '\n') {
			*ended = 1;
			return 0;
		}
		if (*q != '<')
			continue;
		if (nl == 0)
			return (unsigned)(q - p) + 1;
		if ((size_t)(end - q) > nl && memcmp(q + 1, name, nl) == 0 &&
		    (q + 1 + nl == end || (q[1 + nl] != '\0' && strchr(" >/\t\r\n", q[1 + nl]) != NULL)))
			return (unsigned)(q - p) + 1;
	}
	return 0;
}

static size_t
column_hash(unsigned line, const char *name)
{
	size_t h = 1469598103934665603ull ^ line;
	for (const unsigned char *c = (const unsigned char *)name; *c; c++)
		h = (h ^ *c) * 1099511628211ull;
	return h;
}

static unsigned
remembered_column(struct pc_column_memo *m, const char *p, const char *end, unsigned line, const char *name, size_t nl)
{
	if (m->n * 2 >= m->cap) {
		struct pc_column_memo grown = {pc_calloc(m->cap ? m->cap * 2 : 64, sizeof *m->slots), m->n,
					       m->cap ? m->cap * 2 : 64};
		for (size_t i = 0; i < m->cap; i++) {
			if (m->slots[i].name == NULL)
				continue;
			size_t j = column_hash(m->slots[i].line, m->slots[i].name) & (grown.cap - 1);
			while (grown.slots[j].name)
				j = (j + 1) & (grown.cap - 1);
			grown.slots[j] = m->slots[i];
		}
		free(m->slots);
		*m = grown;
	}
	size_t j = column_hash(line, name) & (m->cap - 1);
	for (; m->slots[j].name; j = (j + 1) & (m->cap - 1))
		if (m->slots[j].line == line && strcmp(m->slots[j].name, name) == 0)
			return m->slots[j].col;
	int ended;
	unsigned col = scan_line(p, end, end, name, nl, &ended);
	m->slots[j] = (struct column_slot){line, col, pc_strdup(name)};
	m->n++;
	return col;
}

unsigned
pc_input_column(const pc_input *src, unsigned line, const char *name)
{
	if (line == 0 || src->data == NULL || src->line_starts == NULL || line > src->n_lines)
		return 0;
	const char *p = src->data + src->line_starts[line - 1], *end = src->data + src->len;
	size_t nl = name ? strlen(name) : 0;
	int ended;
	unsigned col = scan_line(p, (size_t)(end - p) > SHORT_LINE ? p + SHORT_LINE : end, end, name, nl, &ended);
	if (col || ended)
		return col;
	if (src->columns == NULL) /* an input pc_load did not index */
		return scan_line(p, end, end, name, nl, &ended);
	return remembered_column(src->columns, p, end, line, name ? name : "", nl);
}

void
pc_input_attr_position(const pc_input *src, const char *attr, unsigned *line, unsigned *col)
{
	if (*line == 0 || src->data == NULL || src->line_starts == NULL || *line > src->n_lines)
		return;
	size_t an = strlen(attr);
	unsigned l = *line;
	/* From the character after '<' (p[-1] is in the data), or, when the
	 * start tag began on an earlier line (col 0: the parser gave the line
	 * its start tag ends on), from the second character of the line. */
	const char *p = src->data + src->line_starts[l - 1] + (*col ? *col : 1), *end = src->data + src->len;
	for (char quote = 0; p < end && (quote || *p != '>'); p++) {
		if (*p == '\n') {
			l++;
			continue;
		}
		if (quote) {
			quote = *p == quote ? 0 : quote;
			continue;
		}
		if (*p == '"' || *p == '\'') {
			quote = *p;
		} else if ((p[-1] == ' ' || p[-1] == '\t' || p[-1] == '\n' || p[-1] == '\r') &&
			   (size_t)(end - p) > an && memcmp(p, attr, an) == 0 && (p[an] == '=' || p[an] == ' ')) {
			*line = l;
			*col = (unsigned)(p - (src->data + src->line_starts[l - 1])) + 1;
			return;
		}
	}
}
