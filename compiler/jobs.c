/* Run independent jobs (one per profile) in worker processes. */
#include "jobs.h"

#include <errno.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "alloc.h"

static int
worse(int a, int b)
{
	/* An output failure outranks an invalid source: it is what stopped the build. */
	return a == PC_EXIT_OUTPUT || b == PC_EXIT_OUTPUT ? PC_EXIT_OUTPUT : (a > b ? a : b);
}

static char *
diag_path(const char *scratch_dir, size_t index)
{
	return pc_asprintf("%s/.diag-%zu", scratch_dir, index);
}

static int
run_child(size_t index, pc_job_fn fn, void *ctx, const char *scratch_dir)
{
	/* A fresh process starts with a cold heap: grow it in large steps and
	 * never give it back, instead of a brk and page faults per export. */
	mallopt(M_TOP_PAD, 32 << 20);
	mallopt(M_TRIM_THRESHOLD, 256 << 20);
	pc_diag cd;
	pc_diag_init(&cd);
	int rc = fn(index, ctx, &cd);
	char *path = diag_path(scratch_dir, index);
	FILE *f = fopen(path, "wb");
	if (f == NULL || pc_diag_save(&cd, f) != 0 || fclose(f) != 0)
		rc = worse(rc, PC_EXIT_OUTPUT);
	free(path);
	pc_diag_free(&cd);
	return rc;
}

int
pc_run_jobs(size_t n, unsigned jobs, pc_job_fn fn, void *ctx, const char *scratch_dir, pc_diag *d)
{
	int rc = 0;
	if (jobs <= 1 || n <= 1) {
		for (size_t i = 0; i < n && rc == 0; i++)
			rc = worse(rc, fn(i, ctx, d));
		return rc;
	}
	pid_t *pids = pc_calloc(n, sizeof *pids);
	size_t started = 0, running = 0;
	while (started < n || running > 0) {
		if (started < n && running < jobs && rc == 0) {
			fflush(NULL); /* nothing buffered is written twice */
			pid_t pid = fork();
			if (pid == 0) {
				int child_rc = run_child(started, fn, ctx, scratch_dir);
				free(pids);
				_exit(child_rc);
			}
			if (pid < 0) {
				/* No process to spare: do this one here. */
				rc = worse(rc, fn(started, ctx, d));
				pids[started++] = 0;
				continue;
			}
			pids[started++] = pid;
			running++;
			continue;
		}
		if (running == 0)
			break;
		int status;
		pid_t done = wait(&status);
		if (done < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		running--;
		int child_rc = WIFEXITED(status) ? WEXITSTATUS(status) : PC_EXIT_OUTPUT;
		rc = worse(rc, child_rc);
		for (size_t i = 0; i < started; i++)
			if (pids[i] == done && !WIFEXITED(status))
				pc_diag_report(d, PC_SEV_ERROR, NULL, 0, 0, "internal",
					       "the worker for profile %zu died of signal %d", i + 1,
					       WIFSIGNALED(status) ? WTERMSIG(status) : 0);
	}
	/* Diagnostics in job order, whatever order the workers finished in. */
	for (size_t i = 0; i < started; i++) {
		if (pids[i] == 0)
			continue;
		char *path = diag_path(scratch_dir, i);
		FILE *f = fopen(path, "rb");
		if (f != NULL) {
			pc_diag_load(d, f);
			fclose(f);
			unlink(path);
		}
		free(path);
	}
	free(pids);
	return rc;
}
