/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * Filesystem changes under --fs-readonly. The BPF filter sends only opens
 * whose flags may write, and the syscalls of src/fsop.c; each path is
 * read and resolved as the tracee's kernel would (its cwd, the directory
 * descriptor, its root, /proc/self, symbolic links) while the tasks that
 * share its memory are held, then matched against --allow-write. Landlock,
 * where the kernel has it, checks the same operations again on the
 * kernel's own copy of the path (spawn.c).
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>

#include "decode/decode.h"
#include "fsop.h"
#include "mem.h"
#include "report.h"
#include "tracer_int.h"
#include "xmalloc.h"

/* A denied write into a __pycache__ directory (a .pyc, its temporary
 * file, the directory itself): Python goes on without it. */
static bool
is_pycache(const char *real)
{
	const char *p = strstr(real, "/__pycache__");

	return p && (p[12] == '\0' || p[12] == '/');
}

static bool
follows(const struct fsop_path *pa, const uint64_t *a, bool is_open)
{
	uint32_t flags = pa->flags >= 0 ? (uint32_t)a[pa->flags] : 0;

	/* O_CREAT | O_EXCL never follows a last symbolic link */
	if (is_open && (flags & (O_CREAT | O_EXCL)) == (O_CREAT | O_EXCL))
		return false;
	switch (pa->follow) {
	case FOLLOW_ALWAYS:
		return true;
	case FOLLOW_UNLESS:
		return !(flags & pa->flag);
	case FOLLOW_IF:
		return (flags & pa->flag) != 0;
	case FOLLOW_NEVER:
		break;
	}
	return false;
}

/* Is the file at "real" one that opening for writing does not change: an
 * existing FIFO or socket, a character device of the short list (not
 * /dev/mem), or the file hermetic's own stdout or stderr is (/dev/stdout
 * reopened)? By identity, not by name: a program can point its own fd 1
 * anywhere. */
static enum fs_object
object_of(const struct policy *p, const char *real)
{
	struct stat st;

	if (stat(real, &st) < 0)
		return FS_TREE;
	if (S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode) ||
	    (S_ISCHR(st.st_mode) && policy_writable_device(real)))
		return FS_SPECIAL;
	for (size_t i = 0; i < p->n_std_files; i++)
		if (p->std_files[i].dev == st.st_dev &&
		    p->std_files[i].ino == st.st_ino)
			return FS_STDIO;
	return FS_TREE;
}

/* Decide one resolved path; returns false when it was denied. */
static bool
judge(const struct policy *p, const char *real, bool is_open, struct outcome *o)
{
	struct decision d =
	    policy_fs_write(p, real, is_open ? object_of(p, real) : FS_TREE);
	struct stat st;

	/* for the report: does the open make the file? */
	if (d.verdict == V_DENY || report_wants_allowed())
		o->creates = is_open && lstat(real, &st) < 0;
	if (d.verdict == V_ALLOW) {
		/* the first path of the call names it (rename: the source) */
		if (!o->inspected) {
			snprintf(o->detail, sizeof(o->detail), "path=%s", real);
			o->d.cat = CAT_FILESYSTEM;
			o->inspected = !is_pycache(real);
		}
		return true;
	}
	outcome_apply(o, d);
	snprintf(o->detail, sizeof(o->detail), "path=%s", real);
	o->quiet_pyc = is_pycache(real);
	return false;
}

/* The errors the kernel itself gives for a path it cannot resolve: deny
 * quietly with the same. */
static bool
kernel_error(int err)
{
	return err == ENOENT || err == ENOTDIR || err == EACCES ||
	       err == ELOOP || err == ENAMETOOLONG || err == EFAULT ||
	       err == EBADF;
}

/* A path that did not resolve ("err"): deny quietly with the error the
 * kernel would give, or else report "KEY=GIVEN" under "cat" and "reason":
 * where it leads is unknown, so no rule can match it. */
static void
deny_unresolved(int err, enum category cat, const char *reason, const char *key,
		const char *given, struct outcome *o)
{
	if (kernel_error(err)) {
		outcome_deny_quietly(o, err);
		return;
	}
	outcome_deny(o, cat, reason);
	snprintf(o->detail, sizeof(o->detail), "%s=%s", key, given);
}

/*
 * Read path argument "pa" and resolve it as the kernel would into "real".
 * Returns 1 when it names no file of a filesystem (a pipe), 0 with "real"
 * set, or -1 with "o" denying the call ("cat"/"reason" when the path
 * cannot be resolved and the kernel would not fail it either).
 */
static int
resolve_arg(struct tracee *t, const struct fsop_path *pa, const uint64_t *a,
	    bool is_open, char *real, size_t size, enum category cat,
	    const char *reason, struct outcome *o)
{
	char given[PATH_MAX];
	int dirfd = pa->dirfd >= 0 ? (int)a[pa->dirfd] : AT_FDCWD;
	uint64_t addr = a[pa->path];
	long n;
	int rc;

	if (addr == 0 && pa->empty_ok) {
		given[0] = '\0'; /* utimensat(fd, NULL): the file of fd */
	} else {
		n = mem_read_str(t->tid, addr, given, sizeof(given));
		if (n < 0) {
			outcome_deny_quietly(
			    o, n == -ENAMETOOLONG ? ENAMETOOLONG : EFAULT);
			return -1;
		}
		if (n == 0 && !pa->empty_ok) {
			outcome_deny_quietly(o, ENOENT);
			return -1;
		}
	}
	rc = decode_resolve(t->tid, dirfd, given, follows(pa, a, is_open), real,
			    size);
	if (rc == 1)
		return 1; /* a pipe or a socket: not the filesystem */
	if (rc < 0) {
		deny_unresolved(-rc, cat, reason, "path", given, o);
		return -1;
	}
	return 0;
}

/* Check path argument "pa"; returns false when the call is denied. */
static bool
check_path(const struct policy *p, struct tracee *t, const struct fsop_path *pa,
	   const uint64_t *a, bool is_open, struct outcome *o)
{
	char real[PATH_MAX + 64];
	int rc = resolve_arg(t, pa, a, is_open, real, sizeof(real),
			     CAT_FILESYSTEM, "fs-readonly", o);

	if (rc != 0)
		return rc > 0;
	return judge(p, real, is_open, o);
}

/* --deny-import: an open of a file that importing a denied module would
 * read. Returns false when the call is denied. */
static bool
check_import(const struct policy *p, struct tracee *t,
	     const struct fsop_path *pa, const uint64_t *a, struct outcome *o)
{
	char real[PATH_MAX + 64];
	int rc = resolve_arg(t, pa, a, true, real, sizeof(real), CAT_IMPORT,
			     "deny-import", o);
	struct decision d;

	if (rc != 0)
		return rc > 0;
	d = policy_import(p, real);
	if (d.verdict == V_ALLOW)
		return true;
	outcome_apply(o, d);
	snprintf(o->detail, sizeof(o->detail), "path=%s", real);
	return false;
}

/* Under --fs-readonly=ROOT, does an open with "flags" by "t" read a file
 * the policy must look at? Armed processes only (the arming rule), and
 * not O_PATH, which reads nothing. */
static bool
reads_file(const struct policy *p, const struct tracee *t, uint32_t flags)
{
	return p->read_root && t->proc && t->proc->armed &&
	       (flags & O_ACCMODE) != O_WRONLY && !(flags & O_PATH);
}

/* --fs-readonly=ROOT: an open for reading. Returns false when the call is
 * denied. A file that does not exist outside the allowed paths is
 * answered ENOENT, as the kernel would (with O_CREAT, it is a change,
 * which the write check decides). */
static bool
check_read(const struct policy *p, struct tracee *t, const struct fsop_path *pa,
	   const uint64_t *a, struct outcome *o)
{
	char real[PATH_MAX + 64];
	uint32_t flags = (uint32_t)a[pa->flags];
	int rc = resolve_arg(t, pa, a, true, real, sizeof(real), CAT_FILESYSTEM,
			     "read-outside-root", o);
	struct decision d;
	struct stat st;

	if (rc != 0)
		return rc > 0;
	d = policy_read(p, real, t->proc->read_dirs.v, t->proc->read_dirs.n,
			t->proc->tgid, t->tid);
	if (d.verdict == V_ALLOW)
		return true;
	if (lstat(real, &st) < 0 && errno == ENOENT) {
		if (flags & O_CREAT)
			return true;
		outcome_deny_quietly(o, ENOENT);
		return false;
	}
	outcome_apply(o, d);
	snprintf(o->detail, sizeof(o->detail), "path=%s", real);
	return false;
}

bool
inspect_fs_exec(struct tracer *tr, struct tracee *t, int dirfd,
		const char *path, bool follow, struct outcome *o)
{
	const struct policy *p = tr->policy;
	char real[PATH_MAX + 64];
	struct decision d;
	int rc = decode_resolve(t->tid, dirfd, path, false, real, sizeof(real));

	if (rc == 0) {
		free(t->proc->exec_path);
		t->proc->exec_path = xstrdup(real);
	}
	if (follow)
		rc = decode_resolve(t->tid, dirfd, path, true, real,
				    sizeof(real));
	if (rc == 1) /* a descriptor of no file: the kernel fails it */
		return true;
	if (rc < 0) {
		deny_unresolved(-rc, CAT_FILESYSTEM, "read-outside-root",
				"path", path, o);
		return false;
	}
	d = policy_read(p, real, t->proc->read_dirs.v, t->proc->read_dirs.n,
			t->proc->tgid, t->tid);
	if (d.verdict == V_ALLOW)
		return true;
	outcome_apply(o, d);
	snprintf(o->detail, sizeof(o->detail), "path=%s", real);
	return false;
}

/* Check the file descriptor argument "fd" names. */
static bool
check_fd(const struct policy *p, struct tracee *t, int fd, struct outcome *o)
{
	char link[64], real[PATH_MAX + 64];
	struct stat st;
	int rc;

	snprintf(link, sizeof(link), "/proc/%d/fd/%d", (int)t->tid, fd);
	if (fd < 0 || lstat(link, &st) < 0) {
		outcome_deny_quietly(o, EBADF);
		return false;
	}
	rc = decode_resolve(t->tid, fd, "", true, real, sizeof(real));
	if (rc == 1)
		return true;
	if (rc < 0) {
		outcome_deny(o, CAT_FILESYSTEM, "fs-readonly");
		snprintf(o->detail, sizeof(o->detail), "fd=%d", fd);
		return false;
	}
	return judge(p, real, false, o);
}

/* An ioctl of a file-attribute type: the commands that pass data in only
 * (_IOW) set something on the file; those that read are queries. */
static void
inspect_ioctl(struct tracer *tr, struct tracee *t, const uint64_t *a,
	      struct outcome *o)
{
	uint32_t cmd = (uint32_t)a[1];

	if (_IOC_DIR(cmd) != _IOC_WRITE)
		return;
	(void)tr;
	if (!check_fd(tr->policy, t, (int)a[0], o))
		snprintf(o->syscall, sizeof(o->syscall), "ioctl");
}

bool
inspect_fs_bind(struct tracer *tr, struct tracee *t, const char *path,
		struct outcome *o)
{
	char real[PATH_MAX + 64];
	int rc =
	    decode_resolve(t->tid, AT_FDCWD, path, false, real, sizeof(real));

	if (rc == 1)
		return true;
	if (rc < 0) {
		deny_unresolved(-rc, CAT_FILESYSTEM, "fs-readonly", "unix",
				path, o);
		return false;
	}
	if (judge(tr->policy, real, false, o))
		return true;
	snprintf(o->detail, sizeof(o->detail), "unix=%s", real);
	return false;
}

void
inspect_fs(struct tracer *tr, struct tracee *t, const char *name,
	   enum sc_class cls, const uint64_t *a, struct outcome *o)
{
	const struct policy *p = tr->policy;
	const struct fsop *op = fsop_find(name);
	bool is_open = cls == SC_OPEN || strcmp(name, "creat") == 0;
	bool import = cls == SC_OPEN && p->n_deny_import && op;
	bool ok = true, read = false, write = true;

	o->d.verdict = V_ALLOW;
	if (!p->fs_readonly && !import)
		return;
	if (!p->fs_readonly) {
		if (freeze_peers(tr, t) < 0) {
			outcome_deny(o, CAT_IMPORT, "unfrozen-threads");
			return;
		}
		check_import(p, t, &op->path[0], a, o);
		goto release;
	}
	if (cls == SC_IOCTL) {
		inspect_ioctl(tr, t, a, o);
		return;
	}
	if (cls == SC_FSMOUNT || !op) {
		outcome_deny(o, CAT_FILESYSTEM, "fs-readonly");
		return;
	}
	if (cls == SC_OPEN) {
		uint32_t flags = (uint32_t)a[op->path[0].flags];

		read = reads_file(p, t, flags);
		write = policy_open_writes(flags);
	}
	if (!import && !read && !write)
		return;
	if (freeze_peers(tr, t) < 0) {
		snprintf(o->detail, sizeof(o->detail),
			 "(threads sharing its memory did not stop)");
		outcome_deny(o, CAT_FILESYSTEM, "unfrozen-threads");
		return;
	}
	if (import)
		ok = check_import(p, t, &op->path[0], a, o);
	if (ok && read)
		ok = check_read(p, t, &op->path[0], a, o);
	if (ok && !write)
		goto release;
	if (ok && op->fd >= 0)
		ok = check_fd(p, t, (int)a[op->fd], o);
	for (unsigned int i = 0; ok && i < op->npaths; i++)
		ok = check_path(p, t, &op->path[i], a, is_open, o);
release:
	if (t->nheld && o->d.verdict == V_ALLOW)
		t->exit_work |= EXIT_WORK_RELEASE; /* at the exit stop */
	else if (t->holding)
		freeze_release(tr, t);
}
