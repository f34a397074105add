/* Atomic output: stage every file of a build, then swap it into place. */
#define _XOPEN_SOURCE 700 /* nftw */
#include <dirent.h>
#include <errno.h>
#include <ftw.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "alloc.h"
#include "publish.h"

#define STAGE_PREFIX ".profilec-tmp-"

static int
remove_one(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
	(void)sb;
	(void)ftw;
	if (flag == FTW_DP)
		return rmdir(path) == 0 || errno == ENOENT ? 0 : -1;
	return unlink(path) == 0 || errno == ENOENT ? 0 : -1;
}

int
pc_remove_tree(const char *path)
{
	struct stat sb;
	if (lstat(path, &sb) != 0)
		return errno == ENOENT ? 0 : -1;
	if (!S_ISDIR(sb.st_mode))
		return unlink(path);
	return nftw(path, remove_one, 16, FTW_DEPTH | FTW_PHYS);
}

static int
mkdir_p(const char *dir, pc_diag *d)
{
	char *p = pc_strdup(dir);
	for (char *s = p + 1; *s; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		if (mkdir(p, 0777) != 0 && errno != EEXIST) {
			pc_diag_report(d, PC_SEV_ERROR, p, 0, 0, "output", "cannot create directory: %s",
				       strerror(errno));
			free(p);
			return -1;
		}
		*s = '/';
	}
	free(p);
	if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
		pc_diag_report(d, PC_SEV_ERROR, dir, 0, 0, "output", "cannot create directory: %s", strerror(errno));
		return -1;
	}
	struct stat sb;
	if (stat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode)) {
		pc_diag_report(d, PC_SEV_ERROR, dir, 0, 0, "output", "not a directory");
		return -1;
	}
	return 0;
}

void
pc_stage_sweep(const char *out_dir)
{
	DIR *dir = opendir(out_dir);
	if (dir == NULL)
		return;
	struct dirent *e;
	while ((e = readdir(dir)) != NULL) {
		if (strncmp(e->d_name, STAGE_PREFIX, sizeof STAGE_PREFIX - 1) != 0)
			continue;
		long pid = strtol(e->d_name + sizeof STAGE_PREFIX - 1, NULL, 10);
		/* A build still running owns its staging directory. */
		if (pid > 0 && (kill((pid_t)pid, 0) == 0 || errno == EPERM))
			continue;
		char *path = pc_asprintf("%s/%s", out_dir, e->d_name);
		pc_remove_tree(path);
		free(path);
	}
	closedir(dir);
}

int
pc_stage_open(pc_stage *st, const char *out_dir, pc_diag *d)
{
	memset(st, 0, sizeof *st);
	struct stat sb;
	int existed = lstat(out_dir, &sb) == 0;
	if (mkdir_p(out_dir, d) != 0)
		return PC_EXIT_OUTPUT;
	pc_stage_sweep(out_dir);
	st->out_dir = pc_strdup(out_dir);
	st->created = !existed;
	st->staging = pc_asprintf("%s/" STAGE_PREFIX "%ld-XXXXXX", out_dir, (long)getpid());
	if (mkdtemp(st->staging) == NULL) {
		pc_diag_report(d, PC_SEV_ERROR, out_dir, 0, 0, "output", "cannot write in the output directory: %s",
			       strerror(errno));
		free(st->staging);
		free(st->out_dir);
		st->staging = NULL;
		st->out_dir = NULL;
		return PC_EXIT_OUTPUT;
	}
	return PC_EXIT_OK;
}

int
pc_stage_publish(pc_stage *st, const char *const *names, size_t n, pc_diag *d)
{
	/* Old outputs move into the staging area first, so a failure can put
	 * them back and a success removes them with it. */
	char **old = pc_calloc(n ? n : 1, sizeof *old);
	size_t done = 0;
	int rc = PC_EXIT_OK;
	for (; done < n; done++) {
		char *from = pc_asprintf("%s/%s", st->staging, names[done]);
		char *to = pc_asprintf("%s/%s", st->out_dir, names[done]);
		char *keep = pc_asprintf("%s/.old-%s", st->staging, names[done]);
		struct stat sb, staged;
		int had_old = lstat(to, &sb) == 0;
		/* Replace only what a build makes: a directory by a directory, a
		 * file by a file; never a planted symbolic link. */
		if (had_old && lstat(from, &staged) == 0 &&
		    (S_ISLNK(sb.st_mode) || S_ISDIR(sb.st_mode) != S_ISDIR(staged.st_mode))) {
			pc_diag_report(d, PC_SEV_ERROR, to, 0, 0, "output", "refusing to replace: %s",
				       S_ISLNK(sb.st_mode)   ? "it is a symbolic link"
				       : S_ISDIR(sb.st_mode) ? "it is a directory, not a file"
							     : "it is a file, not a directory");
			rc = PC_EXIT_OUTPUT;
		} else if (had_old && rename(to, keep) != 0) {
			pc_diag_report(d, PC_SEV_ERROR, to, 0, 0, "output", "cannot replace: %s", strerror(errno));
			rc = PC_EXIT_OUTPUT;
		} else if (rename(from, to) != 0) {
			pc_diag_report(d, PC_SEV_ERROR, to, 0, 0, "output", "cannot publish: %s", strerror(errno));
			if (had_old)
				rename(keep, to);
			rc = PC_EXIT_OUTPUT;
		}
		if (had_old && rc == PC_EXIT_OK)
			old[done] = keep;
		else
			free(keep);
		free(from);
		free(to);
		if (rc != PC_EXIT_OK)
			break;
	}
	if (rc != PC_EXIT_OK) {
		/* Undo in reverse: the published entries go back to staging, the
		 * old ones back into place. */
		while (done-- > 0) {
			char *to = pc_asprintf("%s/%s", st->out_dir, names[done]);
			char *back = pc_asprintf("%s/%s", st->staging, names[done]);
			rename(to, back);
			if (old[done])
				rename(old[done], to);
			free(to);
			free(back);
		}
	}
	for (size_t i = 0; i < n; i++)
		free(old[i]);
	free(old);
	st->published = rc == PC_EXIT_OK;
	return rc;
}

void
pc_stage_close(pc_stage *st)
{
	if (st->staging)
		pc_remove_tree(st->staging);
	/* A build that wrote nothing leaves no output directory behind. */
	if (st->created && !st->published && st->out_dir)
		rmdir(st->out_dir);
	free(st->staging);
	free(st->out_dir);
	memset(st, 0, sizeof *st);
}
