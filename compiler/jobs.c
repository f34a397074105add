/* Run independent jobs (one per profile) in worker processes. */
#include "jobs.h"

#include <errno.h>
#include <malloc.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include "alloc.h"

static char *
scratch_path(const char *scratch_dir, size_t index)
{
	return pc_asprintf("%s/.job-%zu", scratch_dir, index);
}

/* Run job index in a worker; its scratch file holds the result's length
 * and bytes, then the diagnostics as pc_diag_save writes them. */
static int
run_in_worker(size_t index, pc_job_fn fn, void *ctx, const char *scratch_dir, int werror)
{
	pc_diag cd;
	pc_diag_init(&cd);
	cd.werror = werror;
	pc_blob result = {0};
	int rc = fn(index, ctx, &cd, &result);
	char *path = scratch_path(scratch_dir, index);
	FILE *f = fopen(path, "wb");
	uint64_t len = result.len;
	if (f == NULL || fwrite(&len, sizeof len, 1, f) != 1 ||
	    fwrite(result.data ? result.data : "", 1, result.len, f) != result.len || pc_diag_save(&cd, f) != 0 ||
	    fclose(f) != 0)
		rc = pc_exit_worse(rc, PC_EXIT_OUTPUT);
	free(path);
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
worker(queue *q, unsigned self, size_t n, pc_job_fn fn, void *ctx, const char *scratch_dir, int werror)
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
		int job_rc = run_in_worker(i, fn, ctx, scratch_dir, werror);
		q->running[self] = SIZE_MAX;
		if (job_rc == PC_EXIT_OUTPUT)
			__atomic_store_n(&q->stop, 1, __ATOMIC_RELAXED);
		rc = pc_exit_worse(rc, job_rc);
	}
	return rc;
}

/* Read back what run_in_worker wrote, if it ran job index. */
static void
collect(const char *scratch_dir, size_t index, pc_diag *d, pc_blob *result)
{
	char *path = scratch_path(scratch_dir, index);
	FILE *f = fopen(path, "rb");
	uint64_t len;
	if (f != NULL && fread(&len, sizeof len, 1, f) == 1 && len < ((uint64_t)1 << 31)) {
		if (len > 0) {
			result->data = pc_malloc((size_t)len);
			result->len = fread(result->data, 1, (size_t)len, f);
		}
		pc_diag_load(d, f);
	}
	if (f != NULL) {
		fclose(f);
		unlink(path);
	}
	free(path);
}

static int
run_here(size_t from, size_t n, pc_job_fn fn, void *ctx, pc_diag *d, pc_blob *results)
{
	int rc = 0;
	for (size_t i = from; i < n && rc != PC_EXIT_OUTPUT; i++)
		rc = pc_exit_worse(rc, fn(i, ctx, d, &results[i]));
	return rc;
}

int
pc_run_jobs(size_t n, unsigned jobs, pc_job_fn fn, void *ctx, const char *scratch_dir, pc_diag *d, pc_blob *results)
{
	if (jobs > n)
		jobs = (unsigned)n;
	queue *q = MAP_FAILED;
	if (jobs > 1)
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
	unsigned started = 0;
	for (; started < jobs; started++) {
		fflush(NULL); /* nothing buffered is written twice */
		pid_t pid = fork();
		if (pid == 0) {
			int rc = worker(q, started, n, fn, ctx, scratch_dir, d->werror);
			free(pids);
			_exit(rc);
		}
		if (pid < 0)
			break;
		pids[started] = pid;
	}
	int rc = 0;
	for (unsigned running = started; running > 0;) {
		int status;
		pid_t done = wait(&status);
		if (done < 0) {
			if (errno != EINTR)
				break;
			/* A signal (the build is being interrupted): no new job. */
			__atomic_store_n(&q->stop, 1, __ATOMIC_RELAXED);
			continue;
		}
		running--;
		rc = pc_exit_worse(rc, WIFEXITED(status) ? WEXITSTATUS(status) : PC_EXIT_OUTPUT);
		if (!WIFEXITED(status)) {
			size_t job = SIZE_MAX;
			for (unsigned w = 0; w < started; w++)
				if (pids[w] == done)
					job = q->running[w];
			if (job != SIZE_MAX)
				pc_diag_report(d, PC_SEV_ERROR, NULL, 0, 0, "internal",
					       "the worker running job %zu of %zu died of signal %d", job + 1, n,
					       WIFSIGNALED(status) ? WTERMSIG(status) : 0);
			else
				pc_diag_report(d, PC_SEV_ERROR, NULL, 0, 0, "internal",
					       "a worker process died of signal %d",
					       WIFSIGNALED(status) ? WTERMSIG(status) : 0);
		}
	}
	/* Diagnostics in job order, whatever order the workers ran them in. */
	size_t taken = q->next < n ? q->next : n;
	for (size_t i = 0; i < taken; i++)
		collect(scratch_dir, i, d, &results[i]);
	/* No worker at all could start: do the jobs here. */
	if (started == 0)
		rc = run_here(0, n, fn, ctx, d, results);
	sigaction(SIGCHLD, &old_chld, NULL);
	munmap(q, sizeof *q);
	free(pids);
	return rc;
}
