/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * State shared by the parts of the tracer: tracer.c (the loop and process
 * events), inspect.c (seccomp stops) and freeze.c (holding the tasks that
 * share an address space while a pointer argument is checked and used).
 * Not for other modules.
 */
#ifndef HERMETIC_TRACER_INT_H
#define HERMETIC_TRACER_INT_H

#include <stdbool.h>
#include <limits.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <time.h>

#include "policy.h"
#include "strlist.h"
#include "sysent.h"
#include "tracee.h"

struct pending {
	pid_t tid;
	int status;
};

struct tracer {
	const struct policy *policy;
	pid_t target;
	bool target_python;
	bool target_exited;
	int target_status;
	bool killing; /* the target exited: the rest is killed */
	unsigned int killed;

	struct pending *queue; /* stops taken while freezing, replayed */
	size_t nqueue, capqueue;

	int nholds;		   /* tasks holding their peers */
	struct timespec last_stop; /* when the last status came (see
				    * poll_briefly() in tracer.c) */
	bool no_freeze;		   /* test knob: HERMETIC_TEST_NO_FREEZE */

	struct file_id *own_unix; /* unix sockets bound by the tree */
	size_t n_own_unix, cap_own_unix;
	struct strlist own_abstract; /* abstract names bound, "@name" */
};

/* ===== tracer.c ===== */

/* Restart "t" from its stop, delivering "sig" (0 for none); a held task
 * is only marked, and restarted when released. */
void tracer_resume(struct tracer *tr, struct tracee *t, int sig);

/* Queue a status taken out of order, to be dispatched by the loop. */
void tracer_queue(struct tracer *tr, pid_t tid, int status);

/* ===== inspect.c ===== */

/* What to do with a stopped syscall, as its inspector decides. */
struct outcome {
	struct decision d;
	int err;	/* errno for a deny (EPERM unless said) */
	bool report;	/* report it (a deny that is a real action) */
	bool quiet_pyc; /* a denied __pycache__ write: counted, not traced */
	bool inspected; /* an allowed action worth a line under --trace=all
			 * (detail and d.cat set) */
	bool creates;	/* an open that makes a new file */
	char detail[PATH_MAX + 256]; /* for the trace line */
	char *argv;		     /* formatted argv (--show-argv), owned */
	char syscall[48];	     /* name for the trace line */
};

/* Deny with EPERM and report it under category "cat", rule "reason". */
void outcome_deny(struct outcome *o, enum category cat, const char *reason);

/* Deny without a report: the kernel would have failed the call with "err"
 * anyway, so no action was kept from happening. */
void outcome_deny_quietly(struct outcome *o, int err);

/* Take the policy's decision "d" (a deny is EPERM and reported; an allow
 * in category "d.cat" is an inspected action, see outcome.inspected). */
void outcome_apply(struct outcome *o, struct decision d);

/* Decide and enforce the seccomp stop "t" is in, then restart it. */
void inspect_seccomp_stop(struct tracer *tr, struct tracee *t);

/* The syscall-exit stop after an inspected, allowed syscall. */
void inspect_syscall_exit(struct tracer *tr, struct tracee *t);

/* ===== inspect_fs.c ===== */

/*
 * A syscall of class SC_OPEN, SC_FS or SC_FSMOUNT named "name", arguments
 * "a", under --fs-readonly: resolve its paths as the tracee would, with
 * the tasks sharing its memory held, and decide.
 */
void inspect_fs(struct tracer *tr, struct tracee *t, const char *name,
		enum sc_class cls, const uint64_t *a, struct outcome *o);

/* Under --fs-readonly, bind() of a unix socket to "path" makes a file:
 * returns false when that is denied ("o" then says how). */
bool inspect_fs_bind(struct tracer *tr, struct tracee *t, const char *path,
		     struct outcome *o);

/*
 * Under --fs-readonly=ROOT, an exec of "path" (relative to "dirfd") by an
 * armed "t": the file must be one it may read ("follow": resolve a last
 * symbolic link; execveat with AT_SYMLINK_NOFOLLOW does not). Keeps the
 * path, last component not followed, as t->proc->exec_path. Returns false
 * when denied ("o" says how). The caller holds the peers.
 */
bool inspect_fs_exec(struct tracer *tr, struct tracee *t, int dirfd,
		     const char *path, bool follow, struct outcome *o);

/* ===== inspect_dns.c ===== */

/*
 * connect(fd, addr, len) under --no-network, "given" being the address
 * read at "addr": when it connects a UDP or TCP socket to port 53, rewrite the
 * address in the tracee's memory to the DNS stub's, allow it, and follow
 * the thread's next system calls (t->dns_watch). Returns false when it is not
 * such a connect (the network rules decide). The caller holds the peers.
 */
bool inspect_dns_connect(struct tracer *tr, struct tracee *t, int fd,
			 uint64_t addr, const struct hm_sockaddr *given,
			 struct outcome *o);

/*
 * sendto, sendmsg or sendmmsg ("cls", arguments "a") of a DNS query to
 * port 53 named in the call (not on a connected socket): not redirected
 * to the stub (the answer would come from an address the client does not
 * expect), so denied, but reported as the query it is. Returns false
 * when it is not one (the network rules decide).
 */
bool inspect_dns_send(struct tracer *tr, struct tracee *t, enum sc_class cls,
		      const uint64_t *a, struct outcome *o);

/* At the exit of a connect redirected to the stub: the socket's peer must
 * be the stub (the address could have been raced through memory shared
 * with another process); if it is not, the process is killed. */
void inspect_dns_verify(struct tracer *tr, struct tracee *t);

/* A syscall-entry stop (number "nr", arguments "a") of a followed thread:
 * report the denied DNS queries it sends on its DNS socket. */
void inspect_dns_entry(struct tracer *tr, struct tracee *t, long nr,
		       const uint64_t *a);

/* ===== inspect_native.c ===== */

/* mmap, mprotect or pkey_mprotect "name" under --block-native. */
void inspect_native(struct tracer *tr, struct tracee *t, const char *name,
		    const uint64_t *a, struct outcome *o);

/* ===== freeze.c ===== */

/*
 * Stop every other task that shares the address space of "t" (threads,
 * CLONE_VM children; not a parent suspended in vfork, which cannot run),
 * so that the memory about to be checked cannot change until the kernel
 * has copied it. Returns 0 with the peers held (none when "t" is alone),
 * or -ETIMEDOUT when a peer did not stop in time; then nothing is held.
 */
int freeze_peers(struct tracer *tr, struct tracee *t);

/* Restart the tasks "t" holds. */
void freeze_release(struct tracer *tr, struct tracee *t);

/* A held task died: update its holder. */
void freeze_forget(struct tracer *tr, struct tracee *t);

/* Release holds whose syscall is past copying its arguments, or that
 * have lasted too long. Returns the milliseconds until the next check is
 * due, or -1 when nothing is held. */
int freeze_check(struct tracer *tr);

#endif
