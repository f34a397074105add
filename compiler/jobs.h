/* Run independent jobs (one per profile) in worker processes. */
#ifndef PC_JOBS_H
#define PC_JOBS_H

#include <stddef.h>

#include "diag.h"

/* What a job hands back besides its status and diagnostics: bytes it
 * allocated with malloc (or none). */
typedef struct {
	char *data;
	size_t len;
} pc_blob;

/* One job: returns a PC_EXIT_* status, reports into d, may fill result. */
typedef int (*pc_job_fn)(size_t index, void *ctx, pc_diag *d, pc_blob *result);

/* Run jobs 0..n-1 in this process when jobs is 0, else in at most `jobs`
 * worker processes (so the libraries behind the exporters need not be
 * thread-safe, and a job that dies, e.g. of SIGBUS on a source truncated
 * while mapped, leaves the caller to clean up), passing diagnostics and results[i] back through a pipe
 * (never a file: a full disk still gets its diagnostic home);
 * diagnostics arrive in job order. An invalid source does not stop the
 * others (every source gets its diagnostics); no job starts after an
 * output failure. Returns the worst status; free results[i].data. */
int pc_run_jobs(size_t n, unsigned jobs, pc_job_fn fn, void *ctx, pc_diag *d, pc_blob *results);

#endif
