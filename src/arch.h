/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * What differs between arches: the native audit arch, and the register
 * work of denying a syscall and of reading clone flags. Each arch provides
 * arch_defs.h and regs.c under src/arch/ARCH/; the include path picks them.
 * All functions need the task in a ptrace-stop.
 */
#ifndef HERMETIC_ARCH_H
#define HERMETIC_ARCH_H

#include <stdint.h>
#include <sys/types.h>

#include "arch_defs.h"

/*
 * At a seccomp stop of "tid": skip the syscall and make it return -"err".
 * Returns 0 or -errno (-ESRCH when the task died meanwhile).
 */
int arch_deny_syscall(pid_t tid, int err);

/*
 * At a PTRACE_EVENT_FORK/VFORK/CLONE stop of the parent "tid": the clone
 * flags of the call that made the child (fork reports SIGCHLD, vfork
 * CLONE_VM|CLONE_VFORK|SIGCHLD). Returns 0 or -errno.
 */
int arch_clone_flags(pid_t tid, uint64_t *flags);

/*
 * The value of pthread_self() in the stopped thread "tid", where glibc
 * makes it the thread pointer (x86_64: fs_base). Returns 0, -EOPNOTSUPP
 * where the arch keeps it elsewhere (aarch64), or -errno.
 */
int arch_pthread_self(pid_t tid, uint64_t *out);

#endif
