/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * The raw cost of one ptrace stop, for bench/run to compare hermetic's
 * trapped syscalls with: a child calls getppid(2) N times under a seccomp
 * filter that traces only getppid (SECCOMP_RET_TRACE); the parent, its
 * tracer, does nothing but waitpid() and PTRACE_CONT at each stop. The
 * same loop without a filter gives the untraced cost. Prints JSON:
 *   {"n": N, "bare_us": B, "trapped_us": T, "round_trip_us": T - B,
 *    "pinned_round_trip_us": P}
 * (microseconds per call). For "round_trip_us" nothing is pinned: the
 * tracer and the child run wherever the scheduler puts them, as
 * hermetic's do; for "pinned_round_trip_us" both run on one CPU (the best
 * case: no wake-up of another CPU).
 *
 * usage: ptrace_rt [N]
 */
#include "config.h"

#include <errno.h>
#include <sched.h>
#include <seccomp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void
loop(long n)
{
	for (long i = 0; i < n; i++)
		syscall(SYS_getppid);
}

/* The child: stop for the tracer to seize it, filter, loop, exit. */
static void
child(long n)
{
	scmp_filter_ctx ctx = seccomp_init(SCMP_ACT_ALLOW);

	raise(SIGSTOP);
	if (!ctx ||
	    seccomp_rule_add(ctx, SCMP_ACT_TRACE(1), SCMP_SYS(getppid), 0) ||
	    seccomp_load(ctx))
		_exit(2);
	loop(n);
	_exit(0);
}

static double
trapped(long n)
{
	pid_t pid = fork();
	int status;
	double t0, t1;

	if (pid < 0)
		exit(1);
	if (pid == 0)
		child(n);
	if (waitpid(pid, &status, WSTOPPED) < 0 ||
	    ptrace(PTRACE_SEIZE, pid, NULL,
		   (void *)(long)(PTRACE_O_TRACESECCOMP | PTRACE_O_EXITKILL)) <
		0) {
		perror("ptrace_rt: seize");
		exit(1);
	}
	kill(pid, SIGCONT);
	t0 = now();
	for (;;) {
		int sig = 0;

		if (waitpid(pid, &status, __WALL) < 0)
			exit(1);
		if (WIFEXITED(status) || WIFSIGNALED(status))
			break;
		if (WIFSTOPPED(status) &&
		    status >> 8 != (SIGTRAP | PTRACE_EVENT_SECCOMP << 8) &&
		    WSTOPSIG(status) != SIGTRAP &&
		    WSTOPSIG(status) != SIGCONT && WSTOPSIG(status) != SIGSTOP)
			sig = WSTOPSIG(status);
		ptrace(PTRACE_CONT, pid, NULL, (void *)(long)sig);
	}
	t1 = now();
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		fprintf(stderr, "ptrace_rt: the child failed\n");
		exit(1);
	}
	return (t1 - t0) / (double)n * 1e6;
}

int
main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : 20000;
	double t0, bare, trap;

	if (n < 1)
		return 2;
	t0 = now();
	loop(n);
	bare = (now() - t0) / (double)n * 1e6;
	trap = trapped(n);
	{
		cpu_set_t old, one;
		double pinned;

		sched_getaffinity(0, sizeof(old), &old);
		CPU_ZERO(&one);
		CPU_SET(sched_getcpu() >= 0 ? sched_getcpu() : 0, &one);
		sched_setaffinity(0, sizeof(one), &one);
		pinned = trapped(n) - bare;
		sched_setaffinity(0, sizeof(old), &old);
		printf("{\"n\": %ld, \"bare_us\": %.3f, \"trapped_us\": "
		       "%.3f, \"round_trip_us\": %.3f, "
		       "\"pinned_round_trip_us\": %.3f}\n",
		       n, bare, trap, trap - bare, pinned);
	}
	return 0;
}
