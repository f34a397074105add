/* Helpers the Check suites share: run the real binary, read files, temp dirs. */
#include "testutil.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <check.h>

#include "../compiler/alloc.h"

const char *
profilec_path(void)
{
	const char *p = getenv("PROFILEC");
	return p && *p ? p : "./profilec";
}

static void
append(char **buf, size_t *len, const char *data, size_t n)
{
	*buf = pc_realloc(*buf, *len + n + 1);
	memcpy(*buf + *len, data, n);
	*len += n;
	(*buf)[*len] = '\0';
}

/* Fork, exec argv, and collect stdout and stderr without deadlocking. */
static int
run_argv(pc_run *r, char *const argv[])
{
	memset(r, 0, sizeof *r);
	r->out = pc_calloc(1, 1);
	r->err = pc_calloc(1, 1);
	int po[2], pe[2];
	if (pipe(po) != 0 || pipe(pe) != 0)
		return r->status = -1;
	fflush(NULL);
	pid_t pid = fork();
	if (pid < 0)
		return r->status = -1;
	if (pid == 0) {
		dup2(po[1], 1);
		dup2(pe[1], 2);
		close(po[0]);
		close(po[1]);
		close(pe[0]);
		close(pe[1]);
		int devnull = open("/dev/null", O_RDONLY);
		if (devnull >= 0)
			dup2(devnull, 0);
		execvp(argv[0], argv);
		fprintf(stderr, "exec %s: %s\n", argv[0], strerror(errno));
		_exit(127);
	}
	close(po[1]);
	close(pe[1]);
	struct pollfd fds[2] = {{po[0], POLLIN, 0}, {pe[0], POLLIN, 0}};
	int open_fds = 2;
	char chunk[65536];
	while (open_fds > 0) {
		if (poll(fds, 2, -1) < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		for (int i = 0; i < 2; i++) {
			if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR)))
				continue;
			ssize_t n = read(fds[i].fd, chunk, sizeof chunk);
			if (n <= 0) {
				close(fds[i].fd);
				fds[i].fd = -1;
				open_fds--;
			} else if (i == 0) {
				append(&r->out, &r->out_len, chunk, (size_t)n);
			} else {
				append(&r->err, &r->err_len, chunk, (size_t)n);
			}
		}
	}
	int st;
	while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
		;
	r->status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
	return r->status;
}

int
run_profilec(pc_run *r, const char *arg, ...)
{
	char *argv[256];
	int n = 0;
	char *wrapper = NULL;
	const char *w = getenv("PROFILEC_WRAPPER");
	if (w && *w) {
		wrapper = pc_strdup(w);
		for (char *tok = strtok(wrapper, " "); tok && n < 64; tok = strtok(NULL, " "))
			argv[n++] = tok;
	}
	argv[n++] = (char *)profilec_path();
	va_list ap;
	va_start(ap, arg);
	for (const char *a = arg; a != NULL && n < 255; a = va_arg(ap, const char *))
		argv[n++] = (char *)a;
	va_end(ap);
	argv[n] = NULL;
	int st = run_argv(r, argv);
	free(wrapper);
	return st;
}

int
run_sh(pc_run *r, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *cmd = pc_vasprintf(fmt, ap);
	va_end(ap);
	char *argv[] = {"/bin/sh", "-c", cmd, NULL};
	int st = run_argv(r, argv);
	free(cmd);
	return st;
}

void
run_free(pc_run *r)
{
	free(r->out);
	free(r->err);
	memset(r, 0, sizeof *r);
}

char *
read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (f == NULL)
		return NULL;
	char *buf = NULL;
	size_t n = 0;
	char chunk[65536];
	size_t got;
	buf = pc_calloc(1, 1);
	while ((got = fread(chunk, 1, sizeof chunk, f)) > 0)
		append(&buf, &n, chunk, got);
	fclose(f);
	if (len)
		*len = n;
	return buf;
}

char *
make_tmpdir(void)
{
	const char *t = getenv("TMPDIR");
	char *tmpl = pc_asprintf("%s/profilec-test-XXXXXX", t && *t ? t : "/tmp");
	if (mkdtemp(tmpl) == NULL) {
		free(tmpl);
		return NULL;
	}
	return tmpl;
}

void
rm_tree(const char *dir)
{
	pc_run r;
	if (dir && strncmp(dir, "/tmp/", 5) == 0)
		run_sh(&r, "chmod -R u+w '%s' 2>/dev/null; rm -rf '%s'", dir, dir);
	else if (dir)
		run_sh(&r, "rm -rf '%s'", dir);
	else
		return;
	run_free(&r);
}

int
have_command(const char *name)
{
	pc_run r;
	int st = run_sh(&r, "command -v '%s' >/dev/null 2>&1", name);
	run_free(&r);
	return st == 0;
}

int
tool_missing(const char *test, int present, const char *why)
{
	if (present)
		return 0;
	const char *ci = getenv("CI");
	ck_assert_msg(ci == NULL || *ci == '\0', "%s: %s (CI is set: CI must install it)", test, why);
	printf("skipped: %s: %s\n", test, why);
	return 1;
}

static int
by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

char **
list_names(const char *dir, const char *suffix, size_t *n)
{
	DIR *d = opendir(dir);
	char **names = pc_calloc(1, sizeof *names);
	*n = 0;
	if (d == NULL)
		return names;
	size_t sl = strlen(suffix);
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		size_t len = strlen(e->d_name);
		if (len <= sl || strcmp(e->d_name + len - sl, suffix) != 0)
			continue;
		names = pc_realloc(names, (*n + 2) * sizeof *names);
		names[(*n)++] = pc_strndup(e->d_name, len - sl);
		names[*n] = NULL;
	}
	closedir(d);
	qsort(names, *n, sizeof *names, by_name);
	return names;
}

void
free_names(char **names)
{
	for (char **p = names; p && *p; p++)
		free(*p);
	free(names);
}

char *test_tmp;

void
test_tmp_setup(void)
{
	test_tmp = make_tmpdir();
	if (test_tmp == NULL)
		abort();
}

void
test_tmp_teardown(void)
{
	rm_tree(test_tmp);
	free(test_tmp);
	test_tmp = NULL;
}

void
write_file(const char *path, const void *data, size_t len)
{
	FILE *f = fopen(path, "wb");
	ck_assert_msg(f != NULL, "cannot create %s", path);
	ck_assert_uint_eq(fwrite(data, 1, len, f), len);
	ck_assert_int_eq(fclose(f), 0);
}

size_t
count_diags(const pc_diag *d, const char *rule, const char *text, unsigned line)
{
	size_t n = 0;
	for (size_t i = 0; i < d->n_items; i++)
		n += strcmp(d->items[i].rule, rule) == 0 && (text == NULL || strstr(d->items[i].message, text)) &&
		     (line == 0 || d->items[i].line == line);
	return n;
}

char *
write_tmp_file(const char *name, const char *text)
{
	char *path = pc_asprintf("%s/%s", test_tmp, name);
	write_file(path, text, strlen(text));
	return path;
}

char *
read_file_in(const char *dir, const char *rel, size_t *len)
{
	char *path = pc_asprintf("%s/%s", dir, rel);
	char *data = read_file(path, len);
	ck_assert_msg(data != NULL, "cannot read %s", path);
	free(path);
	return data;
}

char *
build_product(const char *name, const char *env, const char *src, const char *cc, const char *format)
{
	pc_run r;
	char *out = pc_asprintf("%s/%s", test_tmp, name);
	run_sh(&r, "%s '%s' build -o '%s' --formats=%s '%s'", env, profilec_path(), out, format, src);
	ck_assert_msg(r.status == 0, "build %s: exit %d: %.2000s", src, r.status, r.err);
	run_free(&r);
	char *path = pc_asprintf("%s/%s/%s.%s", out, cc, cc, format);
	free(out);
	struct stat sb;
	ck_assert_msg(stat(path, &sb) == 0 && sb.st_size > 0, "nothing at %s", path);
	return path;
}

char *
dump_to_file(const char *src)
{
	pc_run r;
	run_profilec(&r, "dump", src, NULL);
	ck_assert_msg(r.status == 0, "dump %s: exit %d: %.500s", src, r.status, r.err);
	const char *name = strrchr(src, '/');
	char *path = pc_asprintf("%s/%s.dump", test_tmp, name ? name + 1 : src);
	write_file(path, r.out, r.out_len);
	run_free(&r);
	return path;
}

char *
tree_snapshot(const char *dir)
{
	pc_run r;
	run_sh(&r,
	       "cd '%s' && find . -printf '%%p %%y %%s\\n' | LC_ALL=C sort && "
	       "find . -type f -print0 | LC_ALL=C sort -z | xargs -0 -r sha256sum",
	       dir);
	ck_assert_msg(r.status == 0, "cannot snapshot %s: %s", dir, r.err);
	char *s = pc_strdup(r.out);
	run_free(&r);
	return s;
}

void
assert_nothing_beside(const char *parent, const char *name)
{
	pc_run r;
	run_sh(&r, "ls -a '%s' | grep -Fx -e '%s.lock' -e '.%s.profilec-new' -e '.%s.profilec-old'", parent, name, name,
	       name);
	ck_assert_msg(r.status == 1, "left beside %s/%s: %s", parent, name, r.out);
	run_free(&r);
}

int
build_every_source(const char *dir, const char *format)
{
	pc_run r;
	/* Invalid cases exit 1 by design; any other exit is a bug, and the
	 * profile and the fixtures must build. */
	run_sh(&r,
	       "n=0; for src in sources/*.xml tests/fixtures/*.xml tests/cases/*.xml; do n=$((n+1)); "
	       "out='%s'/b$n; %s '%s' build -o \"$out\" --formats=%s \"$src\" 2>\"$out.err\"; st=$?; "
	       "case \"$st/$src\" in 0/*) for f in \"$out\"/*/*.%s; do cp \"$f\" '%s'/b$n-\"$(basename \"$f\")\"; "
	       "done; echo built;; 1/tests/cases/*) ;; *) echo \"build $src: exit $st\"; cat \"$out.err\";; esac; "
	       "done",
	       dir, getenv("PROFILEC_WRAPPER") ? getenv("PROFILEC_WRAPPER") : "", profilec_path(), format, format, dir);
	ck_assert_msg(r.status == 0 && strstr(r.out, "build ") == NULL, "%.4000s%.1000s", r.out, r.err);
	int built = 0;
	for (const char *p = r.out; (p = strstr(p, "built")) != NULL; p += 5)
		built++;
	run_free(&r);
	return built;
}
