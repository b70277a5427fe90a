/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * The table of traced tasks, like strace's tcb list: one struct tracee per
 * thread, grouped into processes (struct proc: arming state) and address
 * spaces (struct mm: which tasks could rewrite each other's memory). The
 * tracer owns every entry; nothing here makes a ptrace call.
 */
#ifndef HERMETIC_TRACEE_H
#define HERMETIC_TRACEE_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>
#include <time.h>

#include "strlist.h"

struct proc {
	pid_t tgid;
	int ntasks;
	bool armed;   /* --no-subprocess applies to it */
	bool initial; /* the target's own process */
	bool execed;  /* it has completed an exec under hermetic */
	bool killed;  /* killed as a leftover once the target exited */
	struct strlist read_dirs; /* what its interpreter reads, under
				   * --fs-readonly=ROOT (readroot.h) */
	char *exec_path;	  /* the path its pending exec was given,
				   * last component not followed */
};

struct pystack;
struct unwind;

struct mm {
	int ntasks;	    /* tasks sharing this address space */
	struct pystack *py; /* Python state of the image, made on demand */
	struct unwind *uw;  /* libunwind caches, made on demand */
};

struct tracee {
	pid_t tid;
	struct proc *proc; /* NULL while waiting for its parent's event */
	struct mm *mm;
	bool stopped;		/* in a ptrace-stop we took and did not end */
	bool orphan;		/* stopped before its parent's clone event */
	int orphan_status;	/* that first stop, replayed on adoption */
	bool in_vfork;		/* parent blocked until its vfork child execs */
	pid_t held_by;		/* the inspecting task that froze it, or 0 */
	pid_t forked_by;	/* the thread that forked it, until it execs */
	bool freezing;		/* interrupted; its stop not collected yet */
	bool resume_on_release; /* held in an interrupt stop: PTRACE_CONT */
	bool await_exit;	/* restarted with PTRACE_SYSCALL */
	bool holding;		/* it holds its peers (see freeze.c) */
	int nheld;		/* tasks this one holds */
	int exit_work;		/* EXIT_WORK_* at the syscall-exit stop */
	bool exit_work_mmsg;	/* the held call was sendmmsg */
	struct timespec hold_start;
	char *bind_name;     /* unix name to record if bind succeeds */
	int dns_fd;	     /* its socket connected to the DNS stub */
	int dns_watch;	     /* system calls still to follow, or 0 */
	bool dns_check;	     /* verify dns_fd's peer at the exit stop */
	bool dns_tcp;	     /* dns_fd is a TCP socket */
	struct tracee *next; /* hash chain */
};

/* What a syscall-exit stop must do (bit flags). */
#define EXIT_WORK_RELEASE 1 /* release the tasks it holds */
#define EXIT_WORK_BIND 2    /* record bind_name on success */

/* Look up "tid"; NULL if unknown. */
struct tracee *tracee_find(pid_t tid);

/*
 * Add "tid" in process "proc" and address space "mm" (either may be NULL
 * for an orphan, set later with tracee_adopt()). Takes a reference on both.
 */
struct tracee *tracee_add(pid_t tid, struct proc *proc, struct mm *mm);

/* Give an orphan its process and address space. */
void tracee_adopt(struct tracee *t, struct proc *proc, struct mm *mm);

/* Move "t" into address space "mm" (after exec); takes a reference. */
void tracee_set_mm(struct tracee *t, struct mm *mm);

/* Rename "t" to "tid" (a non-leader exec takes the leader's tid). */
void tracee_rename(struct tracee *t, pid_t tid);

/* Remove and free "t", dropping its references. */
void tracee_del(struct tracee *t);

/* New process and address space, with no tasks yet. */
struct proc *proc_new(pid_t tgid);
struct mm *mm_new(void);

/* Iterate: tracee_first() then tracee_next(t) until NULL. Deleting the
 * current entry during the walk is not allowed. */
struct tracee *tracee_first(void);
struct tracee *tracee_next(const struct tracee *t);

/* Number of tasks in the table. */
int tracee_count(void);

#endif
