/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * Starting the target so that no instruction of it runs unsupervised: the
 * child stops itself, the parent seizes it with every ptrace option
 * (PTRACE_O_EXITKILL included) and lets it go on; only then does the child
 * set no_new_privs, confine itself (protect.h), load the seccomp filter and
 * exec the target. This is the only place the filter is installed.
 */
#ifndef HERMETIC_SPAWN_H
#define HERMETIC_SPAWN_H

#include <signal.h>
#include <stdbool.h>
#include <sys/types.h>

#include "filter.h"
#include "fswall.h"

struct spawn_spec {
	const char *path; /* file to execve */
	char *const *argv;
	char *const *envp;
	const struct filter *filter;
	const struct fswall *fswall; /* the Landlock wall of --fs-readonly */
	bool scope_abstract_unix;
	const char *display; /* target name for messages */
	/* the signal state hermetic was started with, which the target gets
	 * back before its exec (as if hermetic were not there) */
	sigset_t mask;
	int nsaved;
	struct {
		int sig;
		struct sigaction sa;
	} saved[8];
};

/* The ptrace options every tracee gets (inherited by its children). */
#define SPAWN_PTRACE_OPTIONS                                                   \
	(PTRACE_O_TRACESECCOMP | PTRACE_O_TRACEFORK | PTRACE_O_TRACEVFORK |    \
	 PTRACE_O_TRACECLONE | PTRACE_O_TRACEEXEC | PTRACE_O_TRACEVFORKDONE |  \
	 PTRACE_O_EXITKILL | PTRACE_O_TRACESYSGOOD)

/*
 * Check that this kernel and environment can run a supervised target at
 * all (seccomp filters with SECCOMP_RET_TRACE). Returns 0, or -1 with
 * "*err" set (free(3)).
 */
int spawn_check_support(char **err);

/*
 * Fork and seize the target. Returns its pid, running towards its exec
 * (the first stops are the tracer's to handle), or -1 with "*err" set to a
 * message that names the cause and what to do (free(3)); the child is then
 * gone. The child restores the signal mask and the dispositions recorded
 * in "s" before it execs.
 */
pid_t spawn_target(const struct spawn_spec *s, char **err);

#endif
