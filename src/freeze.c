/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * Holding the peers of an inspected task. A sockaddr read at a seccomp stop
 * is checked, then the kernel copies it again after the restart; another
 * task sharing the address space could rewrite it in between. So, only when
 * such tasks exist, they are interrupted before the read and held until the
 * inspected syscall's exit stop. A syscall that blocks (a connect that
 * waits, say) has copied its address before it sleeps, so a hold whose task
 * sleeps in the kernel is released after HOLD_CHECK_MS; every hold ends
 * after HOLD_MAX_MS, which bounds how long a program can be frozen. What
 * stays open (memory shared with another process, a task that is runnable
 * but not scheduled for HOLD_MAX_MS) is in docs/threat-model.md.
 */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/wait.h>
#include <time.h>

#include "log.h"
#include "tracer_int.h"

#define FREEZE_TIMEOUT_MS 500 /* for the peers to stop */
#define HOLD_CHECK_MS 20      /* then release if the syscall sleeps */
#define HOLD_MAX_MS 1000      /* then release whatever it does */

static long
ms_since(const struct timespec *t0)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (now.tv_sec - t0->tv_sec) * 1000L +
	       (now.tv_nsec - t0->tv_nsec) / 1000000L;
}

static void
wait_chld(long ms)
{
	struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
	sigset_t chld;

	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	sigtimedwait(&chld, NULL, &ts);
}

int
freeze_peers(struct tracer *tr, struct tracee *t)
{
	struct timespec start;
	int want = 0;

	if (tr->no_freeze || !t->mm || t->mm->ntasks < 2)
		return 0;
	for (struct tracee *p = tracee_first(); p; p = tracee_next(p)) {
		if (p == t || p->mm != t->mm || p->in_vfork)
			continue;
		p->held_by = t->tid;
		t->nheld++;
		if (p->stopped)
			continue;
		if (ptrace(PTRACE_INTERRUPT, p->tid, NULL, NULL) < 0)
			continue; /* ESRCH: it is dying */
		p->freezing = true;
		want++;
	}
	clock_gettime(CLOCK_MONOTONIC, &start);
	while (want > 0) {
		struct tracee *p;
		int status;
		pid_t pid = waitpid(-1, &status, __WALL | WNOHANG);

		if (pid < 0 && errno == ECHILD)
			break;
		if (pid <= 0) {
			if (ms_since(&start) >= FREEZE_TIMEOUT_MS)
				break;
			wait_chld(1);
			continue;
		}
		p = tracee_find(pid);
		if (!p || !p->freezing) {
			tracer_queue(tr, pid, status);
			continue;
		}
		p->freezing = false;
		want--;
		if (WIFSTOPPED(status) &&
		    (unsigned int)status >> 16 == PTRACE_EVENT_STOP &&
		    WSTOPSIG(status) == SIGTRAP) {
			/* our interrupt: restart it on release */
			p->stopped = true;
			p->resume_on_release = true;
		} else {
			/* a stop or exit of its own: the loop handles it
			 * once the hold ends */
			if (WIFSTOPPED(status))
				p->stopped = true;
			tracer_queue(tr, pid, status);
		}
	}
	t->holding = true;
	tr->nholds++;
	clock_gettime(CLOCK_MONOTONIC, &t->hold_start);
	if (want > 0) {
		freeze_release(tr, t);
		return -ETIMEDOUT;
	}
	return 0;
}

void
freeze_release(struct tracer *tr, struct tracee *t)
{
	for (struct tracee *p = tracee_first(); p && t->nheld;
	     p = tracee_next(p)) {
		if (p->held_by != t->tid)
			continue;
		p->held_by = 0;
		p->freezing = false;
		t->nheld--;
		if (p->resume_on_release) {
			p->resume_on_release = false;
			tracer_resume(tr, p, 0);
		}
	}
	t->nheld = 0;
	t->exit_work &= ~EXIT_WORK_RELEASE;
	if (t->holding) {
		t->holding = false;
		tr->nholds--;
	}
}

void
freeze_forget(struct tracer *tr, struct tracee *t)
{
	struct tracee *holder = tracee_find(t->held_by);

	(void)tr;
	if (holder && holder->nheld > 0)
		holder->nheld--;
	t->held_by = 0;
}

/* The state letter of /proc/TID/stat ('R', 'S', 'D', ...), or 0. */
static char
task_state(pid_t tid)
{
	char path[64], buf[512], *p;
	size_t n;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/stat", (int)tid);
	f = fopen(path, "re");
	if (!f)
		return 0;
	n = fread(buf, 1, sizeof(buf) - 1, f);
	fclose(f);
	buf[n] = '\0';
	p = strrchr(buf, ')');
	return p && p[1] == ' ' ? p[2] : 0;
}

int
freeze_check(struct tracer *tr)
{
	int next = -1;

	if (tr->nholds == 0)
		return -1;
	for (struct tracee *t = tracee_first(); t; t = tracee_next(t)) {
		long held;
		char st;

		if (!t->holding)
			continue;
		held = ms_since(&t->hold_start);
		if (held >= HOLD_MAX_MS) {
			debug("pid %d: hold released after %ld ms", (int)t->tid,
			      held);
			freeze_release(tr, t);
			/* the table walk may continue: only flags changed */
			continue;
		}
		if (held >= HOLD_CHECK_MS && !t->exit_work_mmsg) {
			st = task_state(t->tid);
			if (st == 'S' || st == 'D') {
				freeze_release(tr, t);
				continue;
			}
		}
		if (next < 0 || next > HOLD_CHECK_MS / 2)
			next = HOLD_CHECK_MS / 2;
	}
	return tr->nholds ? (next < 0 ? 1 : next) : -1;
}
