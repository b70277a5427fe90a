/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * Native backtraces of a thread in a ptrace-stop, with libunwind-ptrace.
 * One struct unwind per address space, owned by the caller: it keeps
 * libunwind's caches, flushed when the mappings change. Without
 * libunwind (configure --without-libunwind) unwind_read() says -ENOSYS.
 */
#ifndef HERMETIC_UNWIND_H
#define HERMETIC_UNWIND_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

struct nframe {
	uint64_t ip;
	uint64_t off;  /* from the start of "sym" */
	char sym[128]; /* "" when unknown */
	char obj[256]; /* the mapped file holding "ip", "" when none */
};

struct unwind;

struct unwind *unwind_new(void);
void unwind_free(struct unwind *uw);

/* Unwind stopped thread "tid" of process "pid" into "out" (at most
 * "max"), innermost first; "*more" says whether frames were left out.
 * Returns the number of frames or -errno. */
int unwind_read(struct unwind *uw, pid_t pid, pid_t tid, struct nframe *out,
		int max, bool *more);

#endif
