/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * x86_64 registers: the syscall number is orig_rax, the return value rax,
 * the first argument rdi. Setting orig_rax to -1 at a seccomp stop makes
 * the kernel skip the call and return rax as it is.
 */
#include "config.h"

#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stddef.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/user.h>

#include "arch.h"

int
arch_deny_syscall(pid_t tid, int err)
{
	if (ptrace(PTRACE_POKEUSER, tid,
		   (void *)offsetof(struct user_regs_struct, orig_rax),
		   (void *)-1L) < 0)
		return -errno;
	if (ptrace(PTRACE_POKEUSER, tid,
		   (void *)offsetof(struct user_regs_struct, rax),
		   (void *)(long)-err) < 0)
		return -errno;
	return 0;
}

int
arch_clone_flags(pid_t tid, uint64_t *flags)
{
	struct user_regs_struct regs;

	if (ptrace(PTRACE_GETREGS, tid, NULL, &regs) < 0)
		return -errno;
	switch (regs.orig_rax) {
	case SYS_fork:
		*flags = SIGCHLD;
		break;
	case SYS_vfork:
		*flags = CLONE_VM | CLONE_VFORK | SIGCHLD;
		break;
	case SYS_clone:
		*flags = regs.rdi;
		break;
	default:
		return -EINVAL;
	}
	return 0;
}

int
arch_pthread_self(pid_t tid, uint64_t *out)
{
	long v;

	errno = 0;
	v = ptrace(PTRACE_PEEKUSER, tid,
		   (void *)offsetof(struct user_regs_struct, fs_base), NULL);
	if (v == -1 && errno)
		return -errno;
	*out = (uint64_t)v;
	return 0;
}
