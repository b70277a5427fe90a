/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * The Landlock kernel interface (linux/landlock.h, which older build hosts
 * lack): the syscalls, the access rights and the structures, and the ABI
 * probe. Used by protect.c (the tree's own domain) and fswall.c (the
 * filesystem wall of --fs-readonly).
 */
#ifndef HERMETIC_LANDLOCK_H
#define HERMETIC_LANDLOCK_H

#include <stdint.h>
#include <sys/syscall.h>
#include <unistd.h>

#ifndef SYS_landlock_create_ruleset
#define SYS_landlock_create_ruleset 444
#define SYS_landlock_add_rule 445
#define SYS_landlock_restrict_self 446
#endif

#define HM_LANDLOCK_CREATE_RULESET_VERSION (1U << 0)
#define HM_LANDLOCK_RULE_PATH_BENEATH 1
#define HM_LANDLOCK_SCOPE_ABSTRACT_UNIX_SOCKET (1ULL << 0)
#define HM_LANDLOCK_SCOPE_SIGNAL (1ULL << 1)

/* filesystem access rights */
#define HM_LL_EXECUTE (1ULL << 0)
#define HM_LL_WRITE_FILE (1ULL << 1)
#define HM_LL_READ_FILE (1ULL << 2)
#define HM_LL_READ_DIR (1ULL << 3)
#define HM_LL_REMOVE_DIR (1ULL << 4)
#define HM_LL_REMOVE_FILE (1ULL << 5)
#define HM_LL_MAKE_CHAR (1ULL << 6)
#define HM_LL_MAKE_DIR (1ULL << 7)
#define HM_LL_MAKE_REG (1ULL << 8)
#define HM_LL_MAKE_SOCK (1ULL << 9)
#define HM_LL_MAKE_FIFO (1ULL << 10)
#define HM_LL_MAKE_BLOCK (1ULL << 11)
#define HM_LL_MAKE_SYM (1ULL << 12)
#define HM_LL_REFER (1ULL << 13)     /* ABI 2 */
#define HM_LL_TRUNCATE (1ULL << 14)  /* ABI 3 */
#define HM_LL_IOCTL_DEV (1ULL << 15) /* ABI 5 */

struct hm_ruleset_attr {
	uint64_t handled_access_fs;
	uint64_t handled_access_net;
	uint64_t scoped;
};

struct hm_path_beneath {
	uint64_t allowed_access;
	int32_t parent_fd;
} __attribute__((packed));

/* The Landlock ABI version of the running kernel, 0 when it has none (or
 * it is disabled). */
static inline int
landlock_abi(void)
{
	long abi = syscall(SYS_landlock_create_ruleset, NULL, 0,
			   HM_LANDLOCK_CREATE_RULESET_VERSION);

	return abi < 0 ? 0 : (int)abi;
}

#endif
