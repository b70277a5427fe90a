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

#include "decode/decode.h"

int
decode_proc_path(pid_t tid, int dirfd, const char *path, char *out,
		 size_t size)
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
