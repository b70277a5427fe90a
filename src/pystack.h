/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * The Python stack of a thread in a ptrace-stop, read from the tracee's
 * memory: the thread state of the stopped thread (by native TID from
 * 3.11, by pthread_self() before), then its frames, innermost first, with
 * file, name and line. One struct pystack per process image, owned by the
 * caller (it lives with the address space and dies with it, or at exec);
 * it holds the resolution of the image and a cache of code objects whose
 * every hit is checked against the tracee's memory again.
 *
 * Every loop is bounded and every read checked: a failure gives fewer
 * frames or none, never a frame that was not there. Reads go through
 * python/remote.h: the caller calls remote_begin() at each stop first.
 */
#ifndef HERMETIC_PYSTACK_H
#define HERMETIC_PYSTACK_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "python/frame.h"

struct pystack;

/* A new, unresolved state; pystack_free() releases it. */
struct pystack *pystack_new(void);
void pystack_free(struct pystack *ps);

/*
 * Read the frames of stopped thread "tid" of process "pid" into "out" (at
 * most "max"), innermost first. "alt_tid", when not 0, is the thread that
 * forked this process: a child forked by C code (subprocess) still runs on
 * a copy of that thread's state. "*more" says whether frames were left
 * out. Returns the number of frames, 0 when the thread has no Python
 * frames (yet), -ENOENT when the image has no CPython, -EOPNOTSUPP when
 * its version is not supported (pystack_version() names it).
 */
int pystack_read(struct pystack *ps, pid_t pid, pid_t tid, pid_t alt_tid,
		 struct pyframe *out, int max, bool *more);

/* The interpreter version found ("3.12"), or "" before resolution. */
const char *pystack_version(const struct pystack *ps);

/*
 * The value of environment variable "name" in the stopped task "tid", read
 * from its libc environ (so it sees what the program set since it
 * started), or NULL. Valid after a pystack_read() call, until the next
 * call. The strings are cached while the environ array is unchanged.
 */
const char *pystack_getenv(struct pystack *ps, pid_t tid, const char *name);

#endif
