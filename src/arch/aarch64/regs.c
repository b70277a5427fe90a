/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * aarch64 registers: there is no PTRACE_GETREGS. The general registers come
 * from the NT_PRSTATUS regset (x0 holds the first argument and, on return,
 * the result); the syscall number is the separate NT_ARM_SYSTEM_CALL regset,
 * a 4-byte int. A full int -1 there makes the kernel skip the call; x0 must
 * then be written by the tracer, since the kernel does not preset it.
 */
#include "config.h"

#include <elf.h>
#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <sys/ptrace.h>
#include <sys/uio.h>
#include <asm/ptrace.h>
#include <asm/unistd.h>

#include "arch.h"

#ifndef NT_ARM_SYSTEM_CALL
#define NT_ARM_SYSTEM_CALL 0x404
#endif

static int
get_regs(pid_t tid, struct user_pt_regs *regs)
{
	struct iovec iov = {regs, sizeof(*regs)};

	if (ptrace(PTRACE_GETREGSET, tid, (void *)NT_PRSTATUS, &iov) < 0)
		return -errno;
	return 0;
}

int
arch_deny_syscall(pid_t tid, int err)
{
	struct user_pt_regs regs;
	int nr = -1, rc;
	struct iovec iov = {&nr, sizeof(nr)};

	if (ptrace(PTRACE_SETREGSET, tid, (void *)NT_ARM_SYSTEM_CALL, &iov) < 0)
		return -errno;
	rc = get_regs(tid, &regs);
	if (rc < 0)
		return rc;
	regs.regs[0] = (unsigned long long)(long long)-err;
	iov.iov_base = &regs;
	iov.iov_len = sizeof(regs);
	if (ptrace(PTRACE_SETREGSET, tid, (void *)NT_PRSTATUS, &iov) < 0)
		return -errno;
	return 0;
}

int
arch_clone_flags(pid_t tid, uint64_t *flags)
{
	struct user_pt_regs regs;
	int nr = -1, rc;
	struct iovec iov = {&nr, sizeof(nr)};

	if (ptrace(PTRACE_GETREGSET, tid, (void *)NT_ARM_SYSTEM_CALL, &iov) < 0)
		return -errno;
	/* at an event stop inside clone, x0 still holds the first argument */
	rc = get_regs(tid, &regs);
	if (rc < 0)
		return rc;
	if (nr != __NR_clone)
		return -EINVAL;
	*flags = regs.regs[0];
	return 0;
}

int
arch_pthread_self(pid_t tid, uint64_t *out)
{
	/* glibc puts struct pthread below TPIDR_EL0 at an offset that
	 * depends on its version: not guessed */
	(void)tid;
	(void)out;
	return -EOPNOTSUPP;
}
