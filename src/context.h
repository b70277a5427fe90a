/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * The script-level context of a reported action, gathered while the task
 * is still stopped: its Python frames (pystack), the frame to name
 * (python/callsite), the pytest node id (PYTEST_CURRENT_TEST in the
 * tracee's libc environ, else the frames) and, under --backtrace=native,
 * its native frames (unwind). Only reported actions pay for this.
 */
#ifndef HERMETIC_CONTEXT_H
#define HERMETIC_CONTEXT_H

#include <stdbool.h>

#include "cli.h"
#include "python/frame.h"
#include "tracee.h"
#include "unwind.h"

#define CONTEXT_PY_MAX 128
#define CONTEXT_NATIVE_MAX 64
#define CONTEXT_TEST_MAX 1024

struct context {
	const struct pyframe *py; /* innermost first */
	int npy;
	bool py_more;	  /* frames beyond CONTEXT_PY_MAX */
	int pick;	  /* index of the frame to name, -1 for none */
	const char *file; /* py[pick].file, relative to the cwd when below */
	const char *test; /* pytest node id, or NULL */
	const struct nframe *native;
	int nnative;
	bool native_more;
};

/* Set up: the directory file names are made relative to (copied), which
 * frames --backtrace wants. */
void context_init(const char *cwd, enum backtrace bt);

/* The directory given to context_init() ("" before). */
const char *context_cwd(void);

/* Gather the context of stopped task "t" into "out". The pointers in "out"
 * are valid until the next call. */
void context_gather(struct tracee *t, struct context *out);

/* With HERMETIC_BENCH_STATS=FILE in the environment, write the time each
 * stack read took, and hermetic's own peak resident memory, to FILE as
 * JSON, for bench/. */
void context_write_stats(void);

#endif
