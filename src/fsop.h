/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * The syscalls that change the filesystem, and where their arguments are:
 * which argument is a directory descriptor, which a path, whether a
 * symbolic link in the last component is followed (always, never, or as a
 * flag argument says), or which argument is a descriptor of the file
 * changed. Pure data, read by the tracer under --fs-readonly.
 */
#ifndef HERMETIC_FSOP_H
#define HERMETIC_FSOP_H

#include <stdbool.h>
#include <stdint.h>

enum fsop_follow {
	FOLLOW_NEVER,
	FOLLOW_ALWAYS,
	FOLLOW_UNLESS, /* unless "flag" is set in argument "flags" */
	FOLLOW_IF,     /* only when "flag" is set in argument "flags" */
};

/* One path argument: argument "path" relative to directory descriptor
 * argument "dirfd" (-1: the cwd). */
struct fsop_path {
	signed char dirfd;
	signed char path;
	enum fsop_follow follow;
	signed char flags; /* argument holding "flag", or -1 */
	uint32_t flag;
	bool empty_ok; /* an empty (AT_EMPTY_PATH) or NULL path names
			* "dirfd" itself */
};

struct fsop {
	const char *name;
	signed char fd;		  /* the file's descriptor argument, or -1 */
	unsigned char npaths;	  /* path arguments, all checked */
	struct fsop_path path[2]; /* rename and link: source, then target */
};

/* The entry of syscall "name", or NULL when it is not one. */
const struct fsop *fsop_find(const char *name);

#endif
