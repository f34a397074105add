/* Atomic output: build the whole new tree beside DIR, then swap it in. */
#define _GNU_SOURCE /* renameat2, nftw */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "alloc.h"
#include "publish.h"

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
fail(pc_diag *d, const char *path, const char *fmt, const char *detail)
{
	pc_diag_report(d, PC_SEV_ERROR, path, 0, 0, "output", fmt, detail);
	return PC_EXIT_OUTPUT;
}

/* mkdir -p of dir, recording what was made (outermost first) so that a
 * failed build can take it away again. */
static int
make_parents(pc_stage *st, const char *dir, pc_diag *d)
{
	struct stat sb;
	if (stat(dir, &sb) == 0)
		return S_ISDIR(sb.st_mode) ? 0 : fail(d, dir, "%s", "not a directory");
	char *p = pc_strdup(dir);
	for (char *s = p + 1;; s++) {
		if (*s != '/' && *s != '\0')
			continue;
		char c = *s;
		*s = '\0';
		if (mkdir(p, 0777) == 0) {
			st->made = pc_realloc(st->made, (st->n_made + 1) * sizeof *st->made);
			st->made[st->n_made++] = pc_strdup(p);
		} else if (errno != EEXIST) {
			fail(d, p, "cannot create directory: %s", strerror(errno));
			free(p);
			return PC_EXIT_OUTPUT;
		}
		if (c == '\0')
			break;
		*s = c;
	}
	free(p);
	return PC_EXIT_OK;
}

/* DIR without trailing slashes, a symbolic link resolved (the build swaps
 * the directory it points to), and its parent. */
static int
name_paths(pc_stage *st, const char *out_dir, pc_diag *d)
{
	char *dir = pc_strdup(out_dir);
	size_t len = strlen(dir);
	while (len > 1 && dir[len - 1] == '/')
		dir[--len] = '\0';
	/* A link is followed, to a target that may not exist yet (the first
	 * build makes it). */
	struct stat sb;
	for (int hops = 0; lstat(dir, &sb) == 0 && S_ISLNK(sb.st_mode); hops++) {
		char target[PATH_MAX];
		ssize_t n = readlink(dir, target, sizeof target - 1);
		if (n <= 0 || hops == 40) {
			fail(d, out_dir, "cannot follow the symbolic link: %s",
			     n <= 0 ? strerror(errno) : "too many links");
			free(dir);
			return PC_EXIT_OUTPUT;
		}
		target[n] = '\0';
		const char *slash = strrchr(dir, '/');
		char *next = target[0] == '/' || slash == NULL
				     ? pc_strdup(target)
				     : pc_asprintf("%.*s/%s", (int)(slash - dir), dir, target);
		free(dir);
		dir = next;
		for (len = strlen(dir); len > 1 && dir[len - 1] == '/';)
			dir[--len] = '\0';
	}
	const char *slash = strrchr(dir, '/');
	const char *base = slash ? slash + 1 : dir;
	if (strcmp(base, ".") == 0 || strcmp(base, "..") == 0 || *base == '\0') {
		fail(d, out_dir,
		     "%s: a build replaces its output directory whole, by swapping it with a new tree built beside it, "
		     "and cannot swap this one: name a subdirectory (-o dist)",
		     "cannot be the output directory");
		free(dir);
		return PC_EXIT_OUTPUT;
	}
	st->out_dir = dir;
	st->parent = slash == dir ? pc_strdup("/")
		     : slash      ? pc_asprintf("%.*s", (int)(slash - dir), dir)
				  : pc_strdup(".");
	st->staging = pc_asprintf("%s/.%s.profilec-new", st->parent, base);
	st->old = pc_asprintf("%s/.%s.profilec-old", st->parent, base);
	st->lock_path = pc_asprintf("%s/%s.lock", st->parent, base);
	return PC_EXIT_OK;
}

/* Builds of one DIR take turns. The lock file goes when its build ends, so
 * a lock taken on a file that is no longer the one at lock_path is no lock:
 * take it again. */
static int
take_lock(pc_stage *st, pc_diag *d)
{
	int said = 0;
	for (int tries = 0; tries < 1000; tries++) {
		int fd = open(st->lock_path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0666);
		if (fd < 0 && errno == ENOENT && make_parents(st, st->parent, d) == PC_EXIT_OK)
			continue; /* a failed build took the parent it had made */
		if (fd < 0)
			return fail(d, st->lock_path, "cannot create the lock file beside the output directory: %s",
				    strerror(errno));
		/* Waiting polls rather than blocks in flock: a signal that lands
		 * between a check of st->stop and a blocking call would leave the
		 * build waiting for ever (seen under valgrind, which widens it). */
		while (flock(fd, LOCK_EX | LOCK_NB) != 0) {
			if (errno != EWOULDBLOCK && errno != EINTR) {
				int err = errno;
				close(fd);
				return fail(d, st->lock_path, "cannot lock the lock file: %s", strerror(err));
			}
			if (st->stop != NULL && *st->stop) {
				close(fd);
				pc_diag_report(d, PC_SEV_ERROR, st->out_dir, 0, 0, "interrupted",
					       "interrupted while waiting for another build; nothing was written");
				return PC_EXIT_OUTPUT;
			}
			if (!said)
				fprintf(stderr,
					"profilec: another build of %s is running (it holds %s); waiting for it\n",
					st->out_dir, st->lock_path);
			said = 1;
			nanosleep(&(struct timespec){.tv_nsec = 20 * 1000 * 1000}, NULL);
		}
		struct stat held, now;
		if (fstat(fd, &held) == 0 && stat(st->lock_path, &now) == 0 && held.st_dev == now.st_dev &&
		    held.st_ino == now.st_ino) {
			st->lock_fd = fd;
			st->locked = 1;
			return PC_EXIT_OK;
		}
		close(fd);
	}
	return fail(d, st->lock_path, "%s", "cannot take the lock: it keeps being replaced");
}

/* With the lock held, nothing beside DIR belongs to a running build: finish
 * or roll back what a killed one left. DIR itself always holds a whole
 * tree, except between the two renames of the fallback (no
 * RENAME_EXCHANGE), when the old tree waits at st->old. */
static int
recover(pc_stage *st, pc_diag *d)
{
	struct stat sb;
	if (lstat(st->out_dir, &sb) != 0 && errno == ENOENT && lstat(st->old, &sb) == 0 &&
	    rename(st->old, st->out_dir) != 0)
		return fail(d, st->old, "cannot put the previous build back in place: %s", strerror(errno));
	if (pc_remove_tree(st->old) != 0)
		return fail(d, st->old, "cannot remove what a killed build left: %s", strerror(errno));
	if (pc_remove_tree(st->staging) != 0)
		return fail(d, st->staging, "cannot remove what a killed build left: %s", strerror(errno));
	return PC_EXIT_OK;
}

/* 1 when the directory `dir` is the directory `start` or holds it. */
static int
holds(const struct stat *dir, const char *start)
{
	struct stat sb;
	char up[PATH_MAX];
	if (snprintf(up, sizeof up, "%s", start) >= (int)sizeof up)
		return 0;
	for (int depth = 0; depth < 256 && strlen(up) + 4 < sizeof up; depth++) {
		if (stat(up, &sb) != 0)
			return 0;
		if (sb.st_dev == dir->st_dev && sb.st_ino == dir->st_ino)
			return 1;
		struct stat parent;
		strcat(up, "/..");
		if (stat(up, &parent) != 0 || (parent.st_dev == sb.st_dev && parent.st_ino == sb.st_ino))
			return 0; /* the root */
	}
	return 0;
}

/* A build replaces DIR whole: refuse one that cannot be swapped, or that
 * holds more than a build's outputs (a mistyped -o must not empty a home
 * directory). */
static int
check_out_dir(pc_stage *st, pc_diag *d, mode_t *mode)
{
	struct stat sb, parent;
	*mode = 0;
	if (lstat(st->out_dir, &sb) != 0)
		return errno == ENOENT ? PC_EXIT_OK : fail(d, st->out_dir, "cannot read: %s", strerror(errno));
	if (!S_ISDIR(sb.st_mode))
		return fail(d, st->out_dir, "%s", "not a directory");
	*mode = sb.st_mode & 07777;
	if (stat(st->parent, &parent) == 0 && parent.st_dev != sb.st_dev)
		return fail(d, st->out_dir, "%s",
			    "is a mount point: a build swaps its output directory with a new tree beside it, which "
			    "cannot cross file systems; name a directory inside it (-o MOUNT/dist)");
	if (holds(&sb, "."))
		return fail(d, st->out_dir, "%s",
			    "holds the current directory: a build replaces its output directory whole; run it from "
			    "elsewhere, or name a subdirectory");
	DIR *dir = opendir(st->out_dir);
	if (dir == NULL)
		return fail(d, st->out_dir, "cannot read: %s", strerror(errno));
	int entries = 0, catalog = 0;
	for (struct dirent *e; (e = readdir(dir)) != NULL;) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		entries++;
		catalog |= strcmp(e->d_name, "catalog.jsonld") == 0;
	}
	closedir(dir);
	if (entries > 0 && !catalog)
		return fail(d, st->out_dir, "%s",
			    "holds files but no catalog.jsonld, so it is not a build's output: a build replaces "
			    "its output directory whole; remove it or name another");
	return PC_EXIT_OK;
}

int
pc_stage_open(pc_stage *st, const char *out_dir, const volatile sig_atomic_t *stop, pc_diag *d)
{
	memset(st, 0, sizeof *st);
	st->stop = stop;
	mode_t mode;
	struct stat sb;
	int rc = name_paths(st, out_dir, d);
	/* Not a directory: refused before a lock file is made beside it. */
	if (rc == PC_EXIT_OK && lstat(st->out_dir, &sb) == 0 && !S_ISDIR(sb.st_mode))
		rc = fail(d, st->out_dir, "%s", "not a directory");
	if (rc == PC_EXIT_OK)
		rc = make_parents(st, st->parent, d);
	if (rc == PC_EXIT_OK)
		rc = take_lock(st, d);
	if (rc == PC_EXIT_OK)
		rc = recover(st, d);
	if (rc == PC_EXIT_OK)
		rc = check_out_dir(st, d, &mode);
	if (rc == PC_EXIT_OK && mkdir(st->staging, 0777) != 0)
		rc = fail(d, st->out_dir, "cannot create the new tree beside the output directory: %s",
			  strerror(errno));
	/* The new DIR keeps the old one's permissions. */
	if (rc == PC_EXIT_OK && mode != 0)
		chmod(st->staging, mode);
	if (rc != PC_EXIT_OK)
		pc_stage_close(st);
	return rc;
}

int
pc_stage_check_sources(const pc_stage *st, const char *const *files, size_t n, pc_diag *d)
{
	struct stat out;
	if (lstat(st->out_dir, &out) != 0 || !S_ISDIR(out.st_mode))
		return PC_EXIT_OK;
	int rc = PC_EXIT_OK;
	for (size_t i = 0; i < n; i++) {
		/* The directory the file really is in, through any link. */
		char *real = realpath(files[i], NULL), *slash = real ? strrchr(real, '/') : NULL;
		if (slash != NULL) {
			slash[slash == real] = '\0';
			if (holds(&out, real))
				rc = fail(d, files[i],
					  "is inside the output directory %s, which a build replaces whole (the source "
					  "would be deleted): move it out, or name another directory with -o",
					  st->out_dir);
		}
		free(real);
	}
	return rc;
}

/* Scratch in the staging tree (what is not one of names) is not published. */
static int
remove_scratch(pc_stage *st, const char *const *names, size_t n)
{
	DIR *dir = opendir(st->staging);
	if (dir == NULL)
		return -1;
	int rc = 0;
	for (struct dirent *e; (e = readdir(dir)) != NULL;) {
		size_t i = 0;
		while (i < n && strcmp(names[i], e->d_name) != 0)
			i++;
		if (i < n || strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		char *path = pc_asprintf("%s/%s", st->staging, e->d_name);
		rc |= pc_remove_tree(path);
		free(path);
	}
	closedir(dir);
	return rc;
}

int
pc_stage_publish(pc_stage *st, const char *const *names, size_t n, pc_diag *d)
{
	if (remove_scratch(st, names, n) != 0)
		return fail(d, st->staging, "cannot remove scratch files: %s", strerror(errno));
	struct stat sb;
	if (lstat(st->out_dir, &sb) != 0) {
		/* The first build: the new tree becomes DIR, which we hold the
		 * lock of, so nothing can appear there meanwhile. */
		if (rename(st->staging, st->out_dir) != 0)
			return fail(d, st->out_dir, "cannot publish: %s", strerror(errno));
	} else if (renameat2(AT_FDCWD, st->staging, AT_FDCWD, st->out_dir, RENAME_EXCHANGE) != 0) {
		if (errno != EINVAL && errno != ENOSYS)
			return fail(d, st->out_dir, "cannot publish: %s", strerror(errno));
		/* A file system without RENAME_EXCHANGE: two renames, and a killed
		 * build's next one puts the old tree back from st->old. */
		if (rename(st->out_dir, st->old) != 0)
			return fail(d, st->out_dir, "cannot publish: %s", strerror(errno));
		if (rename(st->staging, st->out_dir) != 0) {
			int err = errno;
			rename(st->old, st->out_dir);
			return fail(d, st->out_dir, "cannot publish: %s", strerror(err));
		}
	}
	st->published = 1;
	return PC_EXIT_OK;
}

void
pc_stage_close(pc_stage *st)
{
	/* Unpublished, the staging tree is the new one; published, it is the
	 * old one (or gone): either way it goes. */
	if (st->staging)
		pc_remove_tree(st->staging);
	if (st->old && st->published)
		pc_remove_tree(st->old);
	if (st->locked) {
		unlink(st->lock_path); /* while held: see take_lock */
		close(st->lock_fd);
	}
	/* A build that wrote nothing leaves no directory it made behind. */
	for (size_t i = st->n_made; i-- > 0;) {
		if (!st->published)
			rmdir(st->made[i]);
		free(st->made[i]);
	}
	free(st->made);
	free(st->out_dir);
	free(st->parent);
	free(st->staging);
	free(st->old);
	free(st->lock_path);
	memset(st, 0, sizeof *st);
}
