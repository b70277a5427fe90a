/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * The supervisor loop: waits for every stop of every task of the traced
 * tree, classifies it, decides seccomp stops against the policy (through
 * inspect.c), follows forks, clones and execs, passes signals through
 * unchanged, and returns when the target has exited and the rest of its
 * tree is gone. Fails closed: what it cannot read or understand is denied.
 */
#ifndef HERMETIC_TRACER_H
#define HERMETIC_TRACER_H

#include <signal.h>
#include <stdbool.h>
#include <sys/types.h>

#include "policy.h"

struct tracer_config {
	const struct policy *policy;
	pid_t target;		 /* seized by spawn_target() */
	bool target_python;	 /* the target reaches a Python interpreter */
	const char *target_path; /* the file the target's exec is given */
	sigset_t unblock;	 /* signals to unblock once the target is
				  * known: the forwarded ones */
	bool no_freeze;		 /* test knob: no hold (see freeze.c) */
};

/*
 * Supervise until the target exits. Returns the target's wait status;
 * "*killed" receives the number of processes hermetic killed because they
 * were still running when the target exited. Must run in the thread that
 * seized the target, with SIGCHLD blocked.
 */
int tracer_run(const struct tracer_config *cfg, unsigned int *killed);

/* Forward "sig" to the target (async-signal-safe; for signal handlers). */
void tracer_forward_signal(int sig);

#endif
