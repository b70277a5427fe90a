/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * The table, from the syscalls' signatures (fs/namei.c, fs/open.c,
 * fs/xattr.c, fs/utimes.c, fs/file_attr.c). open, openat and creat are
 * here too; the tracer looks at their flags first.
 */
#include "config.h"

#include <fcntl.h>
#include <string.h>

#include "fsop.h"

#ifndef AT_SYMLINK_NOFOLLOW
#define AT_SYMLINK_NOFOLLOW 0x100
#endif
#ifndef AT_SYMLINK_FOLLOW
#define AT_SYMLINK_FOLLOW 0x400
#endif

/* a path argument: relative to the cwd, or to a dirfd argument */
#define P(path, follow)                                                        \
	{                                                                      \
		-1, path, follow, -1, 0, false                                 \
	}
#define PAT(dirfd, path, follow)                                               \
	{                                                                      \
		dirfd, path, follow, -1, 0, false                              \
	}
/* following decided by AT_SYMLINK_NOFOLLOW / AT_SYMLINK_FOLLOW in "fl" */
#define PAT_NOFOLLOW(dirfd, path, fl)                                          \
	{                                                                      \
		dirfd, path, FOLLOW_UNLESS, fl, AT_SYMLINK_NOFOLLOW, true      \
	}

/* clang-format off */
static const struct fsop table[] = {
	{ "open", -1, 1, { { -1, 0, FOLLOW_UNLESS, 1, O_NOFOLLOW, false } } },
	{ "openat", -1, 1, { { 0, 1, FOLLOW_UNLESS, 2, O_NOFOLLOW, false } } },
	{ "creat", -1, 1, { P(0, FOLLOW_ALWAYS) } },
	{ "unlink", -1, 1, { P(0, FOLLOW_NEVER) } },
	{ "unlinkat", -1, 1, { PAT(0, 1, FOLLOW_NEVER) } },
	{ "rmdir", -1, 1, { P(0, FOLLOW_NEVER) } },
	{ "mkdir", -1, 1, { P(0, FOLLOW_NEVER) } },
	{ "mkdirat", -1, 1, { PAT(0, 1, FOLLOW_NEVER) } },
	{ "mknod", -1, 1, { P(0, FOLLOW_NEVER) } },
	{ "mknodat", -1, 1, { PAT(0, 1, FOLLOW_NEVER) } },
	{ "rename", -1, 2, { P(0, FOLLOW_NEVER), P(1, FOLLOW_NEVER) } },
	{ "renameat", -1, 2,
	  { PAT(0, 1, FOLLOW_NEVER), PAT(2, 3, FOLLOW_NEVER) } },
	{ "renameat2", -1, 2,
	  { PAT(0, 1, FOLLOW_NEVER), PAT(2, 3, FOLLOW_NEVER) } },
	{ "link", -1, 2, { P(0, FOLLOW_NEVER), P(1, FOLLOW_NEVER) } },
	{ "linkat", -1, 2,
	  { { 0, 1, FOLLOW_IF, 4, AT_SYMLINK_FOLLOW, true },
	    PAT(2, 3, FOLLOW_NEVER) } },
	{ "symlink", -1, 1, { P(1, FOLLOW_NEVER) } },
	{ "symlinkat", -1, 1, { PAT(1, 2, FOLLOW_NEVER) } },
	{ "truncate", -1, 1, { P(0, FOLLOW_ALWAYS) } },
	{ "chmod", -1, 1, { P(0, FOLLOW_ALWAYS) } },
	{ "fchmodat", -1, 1, { PAT(0, 1, FOLLOW_ALWAYS) } },
	{ "fchmodat2", -1, 1, { PAT_NOFOLLOW(0, 1, 3) } },
	{ "chown", -1, 1, { P(0, FOLLOW_ALWAYS) } },
	{ "lchown", -1, 1, { P(0, FOLLOW_NEVER) } },
	{ "fchownat", -1, 1, { PAT_NOFOLLOW(0, 1, 4) } },
	{ "utime", -1, 1, { P(0, FOLLOW_ALWAYS) } },
	{ "utimes", -1, 1, { P(0, FOLLOW_ALWAYS) } },
	{ "futimesat", -1, 1, { { 0, 1, FOLLOW_ALWAYS, -1, 0, true } } },
	{ "utimensat", -1, 1, { PAT_NOFOLLOW(0, 1, 3) } },
	{ "setxattr", -1, 1, { P(0, FOLLOW_ALWAYS) } },
	{ "lsetxattr", -1, 1, { P(0, FOLLOW_NEVER) } },
	{ "removexattr", -1, 1, { P(0, FOLLOW_ALWAYS) } },
	{ "lremovexattr", -1, 1, { P(0, FOLLOW_NEVER) } },
	{ "setxattrat", -1, 1, { PAT_NOFOLLOW(0, 1, 2) } },
	{ "removexattrat", -1, 1, { PAT_NOFOLLOW(0, 1, 2) } },
	{ "file_setattr", -1, 1, { PAT_NOFOLLOW(0, 1, 4) } },
	{ "ftruncate", 0, 0, { { 0 } } },
	{ "fallocate", 0, 0, { { 0 } } },
	{ "fchmod", 0, 0, { { 0 } } },
	{ "fchown", 0, 0, { { 0 } } },
	{ "fsetxattr", 0, 0, { { 0 } } },
	{ "fremovexattr", 0, 0, { { 0 } } },
};
/* clang-format on */

const struct fsop *
fsop_find(const char *name)
{
	for (size_t i = 0; name && i < sizeof(table) / sizeof(table[0]); i++)
		if (strcmp(table[i].name, name) == 0)
			return &table[i];
	return NULL;
}
