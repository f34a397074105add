/* Writing staged output files, with every failure turned into a diagnostic. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zip.h>

#include "../compiler/alloc.h"
#include "export.h"

int
pc_out_fail(pc_diag *d, const char *path, const char *what)
{
	pc_diag_report(d, PC_SEV_ERROR, path, 0, 0, "output", "cannot %s: %s", what, strerror(errno));
	return PC_EXIT_OUTPUT;
}

int
pc_out_zip_fail(pc_diag *d, const char *path, int zip_err, const char *what)
{
	zip_error_t ze;
	zip_error_init_with_code(&ze, zip_err);
	pc_diag_report(d, PC_SEV_ERROR, path, 0, 0, "output", "%s: %s", what, zip_error_strerror(&ze));
	zip_error_fini(&ze);
	return PC_EXIT_OUTPUT;
}

char *
pc_out_path(const char *dir, const char *relpath, pc_diag *d)
{
	char *path = pc_asprintf("%s/%s", dir, relpath);
	/* Make every parent below dir; dir itself exists (the build made it). */
	for (char *p = path + strlen(dir) + 1; (p = strchr(p, '/')) != NULL; p++) {
		*p = '\0';
		if (mkdir(path, 0777) != 0 && errno != EEXIST) {
			pc_out_fail(d, path, "create directory");
			free(path);
			return NULL;
		}
		*p = '/';
	}
	return path;
}

/* O_EXCL: the staging area is ours alone, so a file already there (a
 * planted symlink) is an attack or a bug, never overwritten. */
static int
create_file(const char *path)
{
	return open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
}

/* 0, or -1 with errno (ENOSPC for a write that took nothing). */
static int
write_all(int fd, const char *p, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, p, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			if (n == 0)
				errno = ENOSPC;
			return -1;
		}
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

int
pc_out_write(const char *dir, const char *relpath, const void *data, size_t len, pc_diag *d)
{
	char *path = pc_out_path(dir, relpath, d);
	if (path == NULL)
		return PC_EXIT_OUTPUT;
	int rc = PC_EXIT_OK;
	int fd = create_file(path);
	if (fd < 0)
		rc = pc_out_fail(d, path, "create file");
	else if (write_all(fd, data, len) != 0) {
		rc = pc_out_fail(d, path, "write");
		close(fd);
	} else if (close(fd) != 0)
		rc = pc_out_fail(d, path, "write");
	free(path);
	return rc;
}

int
pc_out_stream_open(pc_out_stream *s, const char *dir, const char *relpath, pc_buf *buf, pc_diag *d)
{
	memset(s, 0, sizeof *s);
	s->buf = buf;
	s->fd = -1;
	s->path = pc_out_path(dir, relpath, d);
	if (s->path == NULL)
		return PC_EXIT_OUTPUT;
	s->fd = create_file(s->path);
	if (s->fd < 0) {
		int rc = pc_out_fail(d, s->path, "create file");
		free(s->path);
		s->path = NULL;
		return rc;
	}
	return PC_EXIT_OK;
}

void
pc_out_stream_drain(void *stream)
{
	pc_out_stream *s = stream;
	if (s->err == 0 && write_all(s->fd, s->buf->data ? s->buf->data : "", s->buf->len) != 0)
		s->err = errno;
	pc_buf_reset(s->buf);
}

int
pc_out_stream_close(pc_out_stream *s, pc_diag *d)
{
	if (s->path == NULL)
		return PC_EXIT_OUTPUT;
	pc_out_stream_drain(s);
	if (close(s->fd) != 0 && s->err == 0)
		s->err = errno;
	int rc = PC_EXIT_OK;
	if (s->err != 0) {
		errno = s->err;
		rc = pc_out_fail(d, s->path, "write");
	}
	free(s->path);
	s->path = NULL;
	return rc;
}

int
pc_out_digest(const char *path, char sha256[65], size_t *size, pc_diag *d)
{
	FILE *f = fopen(path, "rb");
	if (f == NULL)
		return pc_out_fail(d, path, "read back");
	pc_sha256 h;
	pc_sha256_init(&h);
	char chunk[1 << 16];
	size_t n;
	*size = 0;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
		pc_sha256_update(&h, chunk, n);
		*size += n;
	}
	int bad = ferror(f);
	fclose(f);
	if (bad) {
		unsigned char discard[32];
		pc_sha256_final(&h, discard);
		return pc_out_fail(d, path, "read back");
	}
	pc_sha256_final_hex(&h, sha256);
	return PC_EXIT_OK;
}
