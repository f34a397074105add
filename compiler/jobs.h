/* Run independent jobs (one per profile) in worker processes. */
#ifndef PC_JOBS_H
#define PC_JOBS_H

#include <stddef.h>

#include "diag.h"

/* One job: returns a PC_EXIT_* status and reports into d. */
typedef int (*pc_job_fn)(size_t index, void *ctx, pc_diag *d);

/* Run jobs 0..n-1, at most `jobs` at a time, each in its own process when
 * jobs > 1 (so the libraries behind the exporters need not be
 * thread-safe), passing diagnostics back through files in scratch_dir, in
 * job order. No job starts after one has failed. Returns the worst status. */
int pc_run_jobs(size_t n, unsigned jobs, pc_job_fn fn, void *ctx, const char *scratch_dir, pc_diag *d);

#endif
