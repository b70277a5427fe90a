/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * Kernel interfaces that older libc headers lack, defined from the kernel
 * ABI so that the build does not depend on the host's header versions.
 */
#ifndef HERMETIC_COMPAT_H
#define HERMETIC_COMPAT_H

#include <stdint.h>

#ifndef PTRACE_GET_SYSCALL_INFO
#define PTRACE_GET_SYSCALL_INFO 0x420e
#endif

/* struct ptrace_syscall_info (Linux 5.3) */
enum {
	HM_SYSCALL_INFO_NONE = 0,
	HM_SYSCALL_INFO_ENTRY = 1,
	HM_SYSCALL_INFO_EXIT = 2,
	HM_SYSCALL_INFO_SECCOMP = 3,
};

struct hm_syscall_info {
	uint8_t op;
	uint32_t arch __attribute__((aligned(4)));
	uint64_t instruction_pointer;
	uint64_t stack_pointer;
	union {
		struct {
			uint64_t nr;
			uint64_t args[6];
		} entry;
		struct {
			int64_t rval;
			uint8_t is_error;
		} exit;
		struct {
			uint64_t nr;
			uint64_t args[6];
			uint32_t ret_data;
		} seccomp;
	};
};

#endif
