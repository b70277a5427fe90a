/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * Paths as the tracee's kernel would resolve them, reached through /proc:
 * /proc/TID/root for absolute paths (a chroot or another mount namespace
 * is honoured), /proc/TID/cwd or /proc/TID/fd/N for relative ones. The
 * tid, not the tgid: threads created without CLONE_FS or CLONE_FILES have
 * their own cwd and descriptor table.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <limits.h>
#include <string.h>
#include <unistd.h>

#include "decode/decode.h"

/* The length of a leading "/proc/self" or "/proc/thread-self" of "path"
 * (the task's own, which hermetic must not read as its own), or 0. */
static size_t
self_prefix(const char *path)
{
	static const char *const aliases[] = {"/proc/self",
					      "/proc/thread-self"};

	for (size_t i = 0; i < 2; i++) {
		size_t n = strlen(aliases[i]);

		if (strncmp(path, aliases[i], n) == 0 &&
		    (path[n] == '/' || path[n] == '\0'))
			return n;
	}
	return 0;
}

int
decode_proc_path(pid_t tid, int dirfd, const char *path, char *out, size_t size)
{
	size_t self = self_prefix(path);
	int n;

	if (self)
		n = snprintf(out, size, "/proc/%d%s", (int)tid, path + self);
	else if (path[0] == '/')
		n = snprintf(out, size, "/proc/%d/root%s", (int)tid, path);
	else if (dirfd == AT_FDCWD)
		n = snprintf(out, size, "/proc/%d/cwd%s%s", (int)tid,
			     path[0] ? "/" : "", path);
	else
		n = snprintf(out, size, "/proc/%d/fd/%d%s%s", (int)tid, dirfd,
			     path[0] ? "/" : "", path);
	if (n < 0 || (size_t)n >= size)
		return -ENAMETOOLONG;
	return 0;
}

#define MAX_LINKS 40 /* symbolic links followed, as the kernel allows */

struct walk {
	pid_t tid;
	char root[PATH_MAX]; /* the task's root as hermetic sees it; "" for / */
	char cur[PATH_MAX];  /* where the walk is, "" for the root */
	int links;
};

/* Append "/comp" to "w->cur". */
static int
push(struct walk *w, const char *comp, size_t len)
{
	size_t n = strlen(w->cur);

	if (n + 1 + len >= sizeof(w->cur))
		return -ENAMETOOLONG;
	w->cur[n] = '/';
	memcpy(w->cur + n + 1, comp, len);
	w->cur[n + 1 + len] = '\0';
	return 0;
}

/* Go to the parent, never above the task's root (as ".." at "/" does). */
static void
pop(struct walk *w)
{
	char *slash = strrchr(w->cur, '/');

	if (strcmp(w->cur, w->root) == 0 || !slash)
		return;
	*slash = '\0';
	if (strlen(w->cur) < strlen(w->root))
		snprintf(w->cur, sizeof(w->cur), "%s", w->root);
}

/*
 * Walk "path" from w->cur, component by component, following symbolic
 * links itself (not with realpath(), which would take /proc/self for
 * hermetic): "/proc/self" and "/proc/thread-self" are the task's, and an
 * absolute link target starts again at the task's root. The last
 * component may be missing (a file about to be made). Returns 0, 1 for a
 * link to something outside any filesystem (a pipe), or -errno.
 */
static int
walk_path(struct walk *w, const char *path, bool follow)
{
	char rest[2 * PATH_MAX + 2], link[PATH_MAX];
	const char *p;

	if (snprintf(rest, sizeof(rest), "%s", path) >= (int)sizeof(rest))
		return -ENAMETOOLONG;
	if (rest[0] == '/')
		snprintf(w->cur, sizeof(w->cur), "%s", w->root);
	p = rest;
	for (;;) {
		const char *end;
		size_t len;
		bool last;
		struct stat st;
		ssize_t n;
		int rc;

		while (*p == '/')
			p++;
		if (!*p)
			return 0;
		end = strchr(p, '/');
		len = end ? (size_t)(end - p) : strlen(p);
		last = !end || !end[strspn(end, "/")];
		if (len == 1 && p[0] == '.') {
			p += len;
			continue;
		}
		if (len == 2 && p[0] == '.' && p[1] == '.') {
			pop(w);
			p += len;
			continue;
		}
		/* the task's own /proc/self */
		if (strcmp(w->cur + strlen(w->root), "/proc") == 0 &&
		    ((len == 4 && strncmp(p, "self", 4) == 0) ||
		     (len == 11 && strncmp(p, "thread-self", 11) == 0))) {
			char id[16];

			snprintf(id, sizeof(id), "%d", (int)w->tid);
			rc = push(w, id, strlen(id));
			if (rc < 0)
				return rc;
			p += len;
			continue;
		}
		rc = push(w, p, len);
		if (rc < 0)
			return rc;
		p += len;
		if (lstat(w->cur, &st) < 0)
			return errno == ENOENT && last ? 0 : -errno;
		if (!S_ISLNK(st.st_mode) || (last && !follow)) {
			if (!last && !S_ISDIR(st.st_mode))
				return -ENOTDIR;
			continue;
		}
		if (++w->links > MAX_LINKS)
			return -ELOOP;
		n = readlink(w->cur, link, sizeof(link) - 1);
		if (n <= 0)
			return -EIO;
		link[n] = '\0';
		if (link[0] != '/' && strncmp(w->cur, "/proc/", 6) == 0 &&
		    strchr(link, ':'))
			return last ? 1 : -ENOTDIR; /* "pipe:[123]" */
		pop(w);
		if (strlen(link) + 1 + strlen(p) >= sizeof(rest))
			return -ENAMETOOLONG;
		/* the rest of the path after the link's target */
		memmove(rest + strlen(link), p, strlen(p) + 1);
		memcpy(rest, link, strlen(link));
		p = rest;
		if (link[0] == '/')
			snprintf(w->cur, sizeof(w->cur), "%s", w->root);
	}
}

/*
 * The directory the magic link "link" (/proc/TID/root, cwd, fd/N) leads
 * to, in hermetic's view, into "out" (PATH_MAX). The kernel's own text of
 * the link is that path when it is absolute and not a deleted or
 * unreachable directory: one readlink instead of realpath's walk.
 */
static bool
link_dir(const char *link, char *out)
{
	ssize_t n = readlink(link, out, PATH_MAX - 1);
	static const char deleted[] = " (deleted)";

	if (n > 0 && out[0] == '/') {
		out[n] = '\0';
		if ((size_t)n < sizeof(deleted) - 1 ||
		    strcmp(out + n - (sizeof(deleted) - 1), deleted) != 0)
			return true;
	}
	return realpath(link, out) != NULL;
}

int
decode_resolve(pid_t tid, int dirfd, const char *path, bool follow, char *out,
	       size_t size)
{
	struct walk w = {.tid = tid};
	char start[64];
	int rc;

	snprintf(start, sizeof(start), "/proc/%d/root", (int)tid);
	if (!link_dir(start, w.root))
		return -errno;
	if (strcmp(w.root, "/") == 0)
		w.root[0] = '\0';
	if (path[0] != '/') {
		/* the starting directory (or, for an empty path, the file)
		 * the magic link of /proc points to */
		if (dirfd == AT_FDCWD)
			snprintf(start, sizeof(start), "/proc/%d/cwd",
				 (int)tid);
		else
			snprintf(start, sizeof(start), "/proc/%d/fd/%d",
				 (int)tid, dirfd);
		if (!path[0]) {
			char link[PATH_MAX];
			ssize_t n = readlink(start, link, sizeof(link) - 1);

			if (n <= 0)
				return errno == ENOENT ? -EBADF : -errno;
			link[n] = '\0';
			if (link[0] != '/')
				return 1; /* a pipe, a socket, an anon inode */
			/* a file deleted since it was opened keeps its
			 * name, with " (deleted)" */
			if (!realpath(start, w.cur))
				snprintf(w.cur, sizeof(w.cur), "%s%s", w.root,
					 link);
			rc = 0;
			goto done;
		}
		if (!link_dir(start, w.cur)) {
			char link[PATH_MAX];
			ssize_t n = readlink(start, link, sizeof(link) - 1);

			/* a descriptor of a pipe: not a directory */
			return n > 0 && link[0] != '/' ? -ENOTDIR : -errno;
		}
		if (strcmp(w.cur, "/") == 0)
			w.cur[0] = '\0';
	}
	rc = walk_path(&w, path, follow);
done:
	if (rc != 0)
		return rc;
	if (snprintf(out, size, "%s", w.cur[0] ? w.cur : "/") >= (int)size)
		return -ENAMETOOLONG;
	return 0;
}

/* The fourth field (the filesystem id) of the "Uid:" or "Gid:" line. */
static bool
fs_id(const char *line, unsigned long *id)
{
	char *end;
	const char *p = line;

	for (int i = 0; i < 3; i++) {
		strtoul(p, &end, 10);
		if (end == p)
			return false;
		p = end;
	}
	*id = strtoul(p, &end, 10);
	return end != p;
}

bool
decode_may_exec(pid_t tid, const struct stat *st)
{
	unsigned long uid = 0, gid = 0;
	bool have_uid = false, have_gid = false, in_group = false;
	char path[64], line[4096];
	FILE *f;

	if (!S_ISREG(st->st_mode))
		return false;
	snprintf(path, sizeof(path), "/proc/%d/status", (int)tid);
	f = fopen(path, "re");
	if (!f)
		return true;
	while (fgets(line, sizeof(line), f)) {
		if (strncmp(line, "Uid:", 4) == 0)
			have_uid = fs_id(line + 4, &uid);
		else if (strncmp(line, "Gid:", 4) == 0)
			have_gid = fs_id(line + 4, &gid);
		else if (strncmp(line, "Groups:", 7) == 0) {
			char *p = line + 7, *end;

			for (;;) {
				unsigned long g = strtoul(p, &end, 10);

				if (end == p)
					break;
				if (g == (unsigned long)st->st_gid)
					in_group = true;
				p = end;
			}
		}
	}
	fclose(f);
	if (!have_uid || !have_gid)
		return true;
	if (uid == 0)
		return (st->st_mode & 0111) != 0;
	if (uid == (unsigned long)st->st_uid)
		return (st->st_mode & 0100) != 0;
	if (gid == (unsigned long)st->st_gid || in_group)
		return (st->st_mode & 0010) != 0;
	return (st->st_mode & 0001) != 0;
}
