/* Load a source safely: read it ourselves, refuse hostile shapes, parse from memory. */
#include <errno.h>
#include <signal.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include "alloc.h"
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
	int fd = open(src->path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		pc_diag_report(d, PC_SEV_ERROR, src->path, 0, 0, "io", "cannot open: %s", strerror(errno));
		return -1;
	}
	struct stat st;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		pc_diag_report(d, PC_SEV_ERROR, src->path, 0, 0, "io", "not a regular file");
		close(fd);
		return -1;
	}
	if ((unsigned long long)st.st_size > lim->max_size) {
		pc_diag_report(d, PC_SEV_ERROR, src->path, 0, 0, "limit-size",
			       "source is %lld bytes, over the limit of %zu (see --max-size)", (long long)st.st_size,
			       lim->max_size);
		close(fd);
		return -1;
	}
	if ((unsigned long long)st.st_size > (unsigned long long)INT32_MAX) {
		pc_diag_report(d, PC_SEV_ERROR, src->path, 0, 0, "limit-size", "source over 2 GiB");
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

/* Pages are released in steps of this many bytes, not one by one. */
#define RELEASE_STEP ((size_t)4 << 20)

void
pc_input_release(pc_input *src, size_t upto)
{
	if (src->len == 0 || upto > src->len || upto < src->released + RELEASE_STEP)
		return;
	size_t page = (size_t)sysconf(_SC_PAGESIZE);
	size_t to = upto / page * page;
	if (to <= src->released)
		return;
	madvise((char *)src->data + src->released, to - src->released, MADV_DONTNEED);
	src->released = to;
}

static void
add_line(pc_input *src, size_t offset)
{
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
	if (q == p + 1)
		pc_diag_report(d, PC_SEV_ERROR, src->path, line, col, "malformed",
			       "a bare '&': write &amp; for an ampersand");
	else
		pc_diag_report(d, PC_SEV_ERROR, src->path, line, col, "malformed",
			       "'%.*s' is not a reference XML knows without a DTD: write the character itself, "
			       "&amp;, or a numeric reference such as &#160;",
			       (int)(q - p), p);
	return -1;
}

/* One pass over the bytes before libxml2 sees them: refuse what a profile
 * never holds (a DOCTYPE, a NUL byte) and shapes that make libxml2 slow or
 * deep (thousands of attributes on one element, deep nesting). The same
 * pass indexes the lines. */
static int
prescan(pc_input *src, const pc_limits *lim, pc_diag *d)
{
	const char *p = src->data, *end = src->data + src->len;
	unsigned line = 1;
	const char *line_start = p;
	unsigned depth = 0;
	/* Where the current run of text began: libxml2's schema patterns cost
	 * far more than linear time and memory on megabytes of text. */
	const char *text_start = p;
	unsigned text_line = 1, text_col = 1;
	/* A text runs on through CDATA sections and comments (an element's
	 * text is all of it): the bytes of the run before the last one. */
	size_t text_before = 0;
#define COL ((unsigned)(p - line_start) + 1)
#define TEXT_ENDS_HERE()                                                                                               \
	do {                                                                                                           \
		if (text_before + (size_t)(p - text_start) > lim->max_text) {                                          \
			pc_diag_report(d, PC_SEV_ERROR, src->path, text_line, text_col, "limit-text",                  \
				       "a text of %zu bytes, over the limit of %zu (see --max-text)",                  \
				       text_before + (size_t)(p - text_start), lim->max_text);                         \
			return -1;                                                                                     \
		}                                                                                                      \
	} while (0)
#define TEXT_STARTS_AFTER(q)                                                                                           \
	do {                                                                                                           \
		text_start = (q);                                                                                      \
		text_before = 0;                                                                                       \
		text_line = line;                                                                                      \
		text_col = (unsigned)(text_start - line_start) + 1;                                                    \
	} while (0)
	while (p < end) {
		char c = *p;
		if (c == '\n') {
			line++;
			line_start = ++p;
			add_line(src, (size_t)(p - src->data));
			pc_input_release(src, (size_t)(p - src->data));
			continue;
		}
		if (c == '\0') {
			pc_diag_report(d, PC_SEV_ERROR, src->path, line, COL, "malformed", "NUL byte in the source");
			return -1;
		}
		if (c == '&' && known_reference(p, end) == 0)
			return report_reference(src, d, p, end, line, COL);
		if (c != '<') {
			p++;
			continue;
		}
		TEXT_ENDS_HERE();
		/* Comments, CDATA and processing instructions: skip to their end. */
		const char *close = NULL;
		if (end - p >= 4 && memcmp(p, "<!--", 4) == 0)
			close = "-->";
		else if (end - p >= 9 && memcmp(p, "<![CDATA[", 9) == 0)
			close = "]]>";
		else if (end - p >= 2 && p[1] == '?')
			close = "?>";
		if (close) {
			const char *q = p + 2;
			size_t cl = strlen(close);
			while (q + cl <= end && memcmp(q, close, cl) != 0) {
				if (*q == '\n') {
					line++;
					line_start = q + 1;
					add_line(src, (size_t)(line_start - src->data));
				} else if (*q == '\0') {
					p = q;
					pc_diag_report(d, PC_SEV_ERROR, src->path, line, COL, "malformed",
						       "NUL byte in the source");
					return -1;
				}
				q++;
			}
			/* Unterminated: libxml2 reports it, on a line we index. */
			for (; q + cl > end && q < end; q++)
				if (*q == '\n')
					add_line(src, (size_t)(q + 1 - src->data));
			/* A CDATA section's content is text of the run; a comment's
			 * or a processing instruction's is not. */
			text_before += (size_t)(p - text_start);
			if (close[0] == ']')
				text_before += (size_t)(q - (p + 9));
			p = q + cl <= end ? q + cl : end;
			text_start = p;
			TEXT_ENDS_HERE();
			continue;
		}
		if (end - p >= 2 && p[1] == '!') {
			pc_diag_report(d, PC_SEV_ERROR, src->path, line, COL, "doctype",
				       "a profile has no DOCTYPE or markup declaration; remove it");
			return -1;
		}
		int closing = end - p >= 2 && p[1] == '/';
		unsigned tag_line = line, tag_col = COL;
		/* Walk the tag, counting attributes (an '=' outside quotes). */
		unsigned attrs = 0;
		char quote = 0;
		const char *q = p + 1, *value_start = NULL;
		unsigned value_line = 0, value_col = 0;
		for (; q < end; q++) {
			if (*q == '\n') {
				line++;
				line_start = q + 1;
				add_line(src, (size_t)(line_start - src->data));
			} else if (*q == '\0') {
				p = q;
				pc_diag_report(d, PC_SEV_ERROR, src->path, line, COL, "malformed",
					       "NUL byte in the source");
				return -1;
			}
			if (quote) {
				if (*q == '&' && known_reference(q, end) == 0)
					return report_reference(src, d, q, end, line, (unsigned)(q - line_start) + 1);
				if (*q != quote)
					continue;
				quote = 0;
				if ((size_t)(q - value_start) > lim->max_text) {
					pc_diag_report(d, PC_SEV_ERROR, src->path, value_line, value_col, "limit-text",
						       "an attribute value of %zu bytes, over the limit of %zu (see "
						       "--max-text)",
						       (size_t)(q - value_start), lim->max_text);
					return -1;
				}
			} else if (*q == '"' || *q == '\'') {
				quote = *q;
				value_start = q + 1;
				value_line = line;
				value_col = (unsigned)(q - line_start) + 1;
			} else if (*q == '=') {
				attrs++;
			} else if (*q == '>' || *q == '<') {
				break;
			}
		}
		if (attrs > lim->max_attributes) {
			pc_diag_report(d, PC_SEV_ERROR, src->path, tag_line, tag_col, "limit-attributes",
				       "element has %u attributes, over the limit of %u (see --max-attributes)", attrs,
				       lim->max_attributes);
			return -1;
		}
		int empty = q < end && *q == '>' && q[-1] == '/';
		if (closing) {
			if (depth > 0)
				depth--;
		} else if (!empty) {
			if (++depth > lim->max_depth) {
				pc_diag_report(d, PC_SEV_ERROR, src->path, tag_line, tag_col, "limit-depth",
					       "elements nested deeper than %u (see --max-depth)", lim->max_depth);
				return -1;
			}
		}
		p = (q < end && *q == '>') ? q + 1 : q;
		TEXT_STARTS_AFTER(p);
	}
	TEXT_ENDS_HERE();
#undef TEXT_ENDS_HERE
#undef TEXT_STARTS_AFTER
#undef COL
	return 0;
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

unsigned
pc_input_column(const pc_input *src, unsigned line, const char *name)
{
	if (line == 0 || src->data == NULL || src->line_starts == NULL || line > src->n_lines)
		return 0;
	const char *p = src->data + src->line_starts[line - 1], *end = src->data + src->len;
	const char *eol = memchr(p, '\n', (size_t)(end - p));
	if (eol == NULL)
		eol = end;
	size_t nl = name ? strlen(name) : 0;
	for (const char *q = p; q < eol; q++) {
		if (*q != '<')
			continue;
		if (nl == 0)
			return (unsigned)(q - p) + 1;
		if ((size_t)(eol - q) > nl && memcmp(q + 1, name, nl) == 0 &&
		    (q + 1 + nl == eol || q[1 + nl] == ' ' || q[1 + nl] == '>' || q[1 + nl] == '/' ||
		     q[1 + nl] == '\t' || q[1 + nl] == '\r'))
			return (unsigned)(q - p) + 1;
	}
	return 0;
}
