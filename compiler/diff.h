/* `profilec diff`: two versions of a profile compared entity by entity. */
#ifndef PC_DIFF_H
#define PC_DIFF_H

#include <stdio.h>

#include "graph.h"

typedef enum { PC_DIFF_TEXT, PC_DIFF_MARKDOWN, PC_DIFF_JSON } pc_diff_format;

/* Write what differs between the two compiled graphs (nothing when they
 * are the same) in the given format to f; 1 when they differ, else 0. */
int pc_diff(const pc_graph *old, const pc_graph *new, const char *old_path, const char *new_path, pc_diff_format fmt,
	    FILE *f);

#endif
