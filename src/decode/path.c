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
#include <string.h>

#include "decode/decode.h"

int
decode_proc_path(pid_t tid, int dirfd, const char *path, char *out, size_t size)
{
	int n;

	if (path[0] == '/')
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
