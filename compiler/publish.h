/* Atomic output: stage every file of a build, then swap it into place. */
#ifndef PC_PUBLISH_H
#define PC_PUBLISH_H

#include "diag.h"

typedef struct {
	char *out_dir; /* "dist" */
	char *staging; /* "dist/.profilec-tmp-<pid>-XXXXXX" */
	int created;   /* out_dir did not exist: a failed build removes it again */
	int published;
} pc_stage;

/* Make out_dir if needed and a private staging directory inside it (so the
 * final renames stay on one file system). PC_EXIT_OK or PC_EXIT_OUTPUT. */
int pc_stage_open(pc_stage *st, const char *out_dir, pc_diag *d);
/* Move staging/<name> (a file or directory) over out_dir/<name> for each
 * name; on failure put back what was moved. PC_EXIT_OK or PC_EXIT_OUTPUT. */
int pc_stage_publish(pc_stage *st, const char *const *names, size_t n, pc_diag *d);
/* Remove the staging directory and everything in it, and the output
 * directory too when pc_stage_open made it and nothing was published. */
void pc_stage_close(pc_stage *st);
/* Remove what earlier, killed builds left in out_dir. */
void pc_stage_sweep(const char *out_dir);
/* rm -rf without following symbolic links. */
int pc_remove_tree(const char *path);

#endif
