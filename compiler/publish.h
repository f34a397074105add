/* Atomic output: build the whole new tree beside DIR, then swap it in. */
#ifndef PC_PUBLISH_H
#define PC_PUBLISH_H

#include <signal.h>
#include <stddef.h>

#include "diag.h"

/* A build owns its output directory DIR: it stages the complete new tree
 * in a sibling, PARENT/.NAME.profilec-new, and exchanges it with DIR in
 * one renameat2(RENAME_EXCHANGE), so a reader sees the whole old tree or
 * the whole new one at every instant. Builds of one DIR take turns on
 * flock(PARENT/NAME.lock); whoever holds the lock finishes or rolls back
 * what a killed build left (pc_stage_open). */
typedef struct {
	char *out_dir;   /* DIR as swapped: no trailing '/', a symbolic link resolved */
	char *parent;    /* the directory holding DIR, the staging tree and the lock */
	char *staging;   /* PARENT/.NAME.profilec-new: the new tree, then the old one */
	char *old;       /* PARENT/.NAME.profilec-old: the old tree, where RENAME_EXCHANGE is missing */
	char *lock_path; /* PARENT/NAME.lock */
	int lock_fd, locked;
	char **made; /* directories above DIR this build created, outermost first */
	size_t n_made;
	int published;
	const volatile sig_atomic_t *stop; /* see pc_stage_open */
} pc_stage;

/* Take the lock (waiting, and saying so once on stderr, while another
 * build holds it), recover what a killed build left, refuse a DIR that
 * cannot be swapped (the current directory, a mount point, a directory
 * that holds other things than a build's outputs), and make the empty
 * staging directory. A build waiting for the lock stops ("interrupted")
 * once *stop is set, by the caller's signal handler. PC_EXIT_OK or
 * PC_EXIT_OUTPUT. */
int pc_stage_open(pc_stage *st, const char *out_dir, const volatile sig_atomic_t *stop, pc_diag *d);
/* Refuse sources inside DIR (through links too): swapping DIR out would
 * delete them. PC_EXIT_OK or PC_EXIT_OUTPUT. */
int pc_stage_check_sources(const pc_stage *st, const char *const *files, size_t n, pc_diag *d);
/* Remove from the staging tree what is not one of names (scratch), then
 * swap it in for DIR. PC_EXIT_OK or PC_EXIT_OUTPUT (DIR as it was). */
int pc_stage_publish(pc_stage *st, const char *const *names, size_t n, pc_diag *d);
/* Remove the staging tree (the new one if not published, else the old
 * one), release and remove the lock, and remove the directories that
 * pc_stage_open made when nothing was published. Safe on a zeroed st. */
void pc_stage_close(pc_stage *st);
/* rm -rf without following symbolic links. */
int pc_remove_tree(const char *path);

#endif
