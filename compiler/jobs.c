/* Run independent jobs (one per profile) in worker processes. */
#define _GNU_SOURCE /* pipe2 */
#include "jobs.h"

#include <errno.h>
#include <fcntl.h>
#include <malloc.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include "alloc.h"

#ifdef PC_COVERAGE
/* gcc's: write this process's coverage counts now. A worker leaves by
 * _exit, which skips the exit hook that writes them (make coverage). */
void __gcov_dump(void);
#endif

/* What a worker sends its parent for each job, on its pipe: a header, the
 * result's bytes, then the diagnostics as pc_diag_save writes them. */
typedef struct {
	uint64_t index, result_len, diag_len;
} record_head;

static int
write_all(int fd, const void *data, size_t len)
{
	const char *p = data;
	while (len > 0) {
		ssize_t k = write(fd, p, len);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return -1;
		p += k;
		len -= (size_t)k;
	}
	return 0;
}

/* Run job index in a worker and send what it made down fd. */
static int
run_in_worker(size_t index, pc_job_fn fn, void *ctx, int fd, int werror)
{
	pc_diag cd;
	pc_diag_init(&cd);
	cd.werror = werror;
	pc_blob result = {0};
	int rc = fn(index, ctx, &cd, &result);
	char *diags = NULL;
	size_t diag_len = 0;
	FILE *mem = open_memstream(&diags, &diag_len);
	if (mem == NULL || pc_diag_save(&cd, mem) != 0 || fclose(mem) != 0)
		rc = pc_exit_worse(rc, PC_EXIT_OUTPUT);
	record_head h = {index, result.len, diag_len};
	if (write_all(fd, &h, sizeof h) != 0 || write_all(fd, result.data ? result.data : "", result.len) != 0 ||
	    write_all(fd, diags ? diags : "", diag_len) != 0)
		rc = pc_exit_worse(rc, PC_EXIT_OUTPUT);
	free(diags);
	free(result.data);
	pc_diag_free(&cd);
	return rc;
}

/* What the workers share: the next job to take, so that a long profile
 * does not hold the others up, and whether to stop taking jobs. */
typedef struct {
	size_t next;
	int stop;
	size_t running[256]; /* by worker: its job, or SIZE_MAX between jobs */
} queue;

static int
worker(queue *q, unsigned self, size_t n, pc_job_fn fn, void *ctx, int fd, int werror)
{
	/* A fresh process starts with a cold heap: grow it in large steps and
	 * never give it back, instead of a brk and page faults per export. */
	mallopt(M_TOP_PAD, 32 << 20);
	mallopt(M_TRIM_THRESHOLD, 256 << 20);
	int rc = 0;
	while (!__atomic_load_n(&q->stop, __ATOMIC_RELAXED)) {
		size_t i = __atomic_fetch_add(&q->next, 1, __ATOMIC_RELAXED);
		if (i >= n)
			break;
		q->running[self] = i;
		int job_rc = run_in_worker(i, fn, ctx, fd, werror);
		q->running[self] = SIZE_MAX;
		if (job_rc == PC_EXIT_OUTPUT)
			__atomic_store_n(&q->stop, 1, __ATOMIC_RELAXED);
		rc = pc_exit_worse(rc, job_rc);
	}
	return rc;
}

static int
run_here(size_t from, size_t n, pc_job_fn fn, void *ctx, pc_diag *d, pc_blob *results)
{
	int rc = 0;
	for (size_t i = from; i < n && rc != PC_EXIT_OUTPUT; i++)
		rc = pc_exit_worse(rc, fn(i, ctx, d, &results[i]));
	return rc;
}

/* What came down one worker's pipe. */
typedef struct {
	int fd; /* -1 at its end */
	char *data;
	size_t len, cap;
} inbox;

/* Read every pipe until each worker has closed its end: a worker blocks
 * on a full pipe, so reading goes on while they run. A signal (the build
 * being interrupted) stops the taking of new jobs. */
static void
drain(inbox *in, unsigned n, queue *q)
{
	struct pollfd *p = pc_calloc(n, sizeof *p);
	for (unsigned open = n; open > 0;) {
		for (unsigned w = 0; w < n; w++)
			p[w] = (struct pollfd){.fd = in[w].fd, .events = POLLIN};
		if (poll(p, n, -1) < 0) {
			if (errno == EINTR)
				__atomic_store_n(&q->stop, 1, __ATOMIC_RELAXED);
			continue;
		}
		for (unsigned w = 0; w < n; w++) {
			if (in[w].fd < 0 || !(p[w].revents & (POLLIN | POLLHUP | POLLERR)))
				continue;
			if (in[w].cap - in[w].len < 65536) {
				in[w].cap = in[w].cap * 2 + 65536;
				in[w].data = pc_realloc(in[w].data, in[w].cap);
			}
			ssize_t k = read(in[w].fd, in[w].data + in[w].len, in[w].cap - in[w].len);
			if (k > 0)
				in[w].len += (size_t)k;
			else if (k == 0 || errno != EINTR) {
				close(in[w].fd);
				in[w].fd = -1;
				open--;
			}
		}
	}
	free(p);
}

/* The records of every inbox, handed out in job order. */
static void
collect(inbox *in, unsigned n_workers, size_t n, pc_diag *d, pc_blob *results)
{
	const char **at = pc_calloc(n ? n : 1, sizeof *at);
	for (unsigned w = 0; w < n_workers; w++) {
		for (size_t off = 0; in[w].len - off >= sizeof(record_head);) {
			record_head h;
			memcpy(&h, in[w].data + off, sizeof h);
			size_t size = sizeof h + (size_t)h.result_len + (size_t)h.diag_len;
			if (h.index >= n || h.result_len > in[w].len || h.diag_len > in[w].len ||
			    in[w].len - off < size)
				break; /* cut short: the worker died writing it */
			at[h.index] = in[w].data + off;
			off += size;
		}
	}
	for (size_t i = 0; i < n; i++) {
		if (at[i] == NULL)
			continue;
		record_head h;
		memcpy(&h, at[i], sizeof h);
		const char *bytes = at[i] + sizeof h;
		if (h.result_len > 0) {
			results[i].data = pc_malloc((size_t)h.result_len);
			memcpy(results[i].data, bytes, (size_t)h.result_len);
			results[i].len = (size_t)h.result_len;
		}
		FILE *f = h.diag_len ? fmemopen((void *)(bytes + h.result_len), (size_t)h.diag_len, "rb") : NULL;
		if (f != NULL) {
			pc_diag_load(d, f);
			fclose(f);
		}
	}
	free(at);
}

/* Wait for every worker; a worker killed by a signal is named by its job. */
static int
reap(const pid_t *pids, unsigned started, const queue *q, size_t n, pc_diag *d)
{
	int rc = 0;
	for (unsigned w = 0; w < started; w++) {
		int status;
		while (waitpid(pids[w], &status, 0) < 0)
			if (errno != EINTR)
				return pc_exit_worse(rc, PC_EXIT_OUTPUT);
		rc = pc_exit_worse(rc, WIFEXITED(status) ? WEXITSTATUS(status) : PC_EXIT_OUTPUT);
		if (WIFEXITED(status))
			continue;
		size_t job = q->running[w];
		int sig = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
		if (job != SIZE_MAX)
			pc_diag_report(d, PC_SEV_ERROR, NULL, 0, 0, "internal",
				       "the worker running job %zu of %zu died of signal %d", job + 1, n, sig);
		else
			pc_diag_report(d, PC_SEV_ERROR, NULL, 0, 0, "internal", "a worker process died of signal %d",
				       sig);
	}
	return rc;
}

int
pc_run_jobs(size_t n, unsigned jobs, pc_job_fn fn, void *ctx, pc_diag *d, pc_blob *results)
{
	if (jobs > n)
		jobs = (unsigned)n;
	queue *q = MAP_FAILED;
	if (jobs > 0)
		q = mmap(NULL, sizeof *q, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (q == MAP_FAILED)
		return run_here(0, n, fn, ctx, d, results);
	/* Workers live as long as there are jobs: a process per profile
	 * would pay its start-up page faults again for every profile. */
	if (jobs > sizeof q->running / sizeof q->running[0])
		jobs = sizeof q->running / sizeof q->running[0];
	for (unsigned w = 0; w < jobs; w++)
		q->running[w] = SIZE_MAX;
	/* Our children's statuses are ours to collect, whatever we inherited. */
	struct sigaction dfl = {.sa_handler = SIG_DFL}, old_chld;
	sigemptyset(&dfl.sa_mask);
	sigaction(SIGCHLD, &dfl, &old_chld);
	pid_t *pids = pc_calloc(jobs, sizeof *pids);
	inbox *in = pc_calloc(jobs, sizeof *in);
	unsigned started = 0;
	for (; started < jobs; started++) {
		int fds[2];
		if (pipe2(fds, O_CLOEXEC) != 0)
			break;
		fflush(NULL); /* nothing buffered is written twice */
		pid_t pid = fork();
		if (pid == 0) {
			for (unsigned w = 0; w < started; w++)
				close(in[w].fd);
			close(fds[0]);
			int rc = worker(q, started, n, fn, ctx, fds[1], d->werror);
			close(fds[1]);
			free(pids);
			free(in);
#ifdef PC_COVERAGE
			__gcov_dump();
#endif
			_exit(rc);
		}
		close(fds[1]);
		if (pid < 0) {
			close(fds[0]);
			break;
		}
		pids[started] = pid;
		in[started].fd = fds[0];
	}
	drain(in, started, q);
	int rc = reap(pids, started, q, n, d);
	/* Diagnostics in job order, whatever order the workers ran them in. */
	collect(in, started, n, d, results);
	/* No worker at all could start: do the jobs here. */
	if (started == 0)
		rc = run_here(0, n, fn, ctx, d, results);
	for (unsigned w = 0; w < started; w++)
		free(in[w].data);
	sigaction(SIGCHLD, &old_chld, NULL);
	munmap(q, sizeof *q);
	free(in);
	free(pids);
	return rc;
}
