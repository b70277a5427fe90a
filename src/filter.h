/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * The seccomp filter, compiled from the policy with libseccomp. Shape:
 * syscalls that need no look are ALLOW (with register-only conditions where
 * they settle it, e.g. socket() families, clone flags, sendto without an
 * address); syscalls the policy must inspect, the always-refused ones, and
 * every number hermetic does not know are TRACE; a foreign ABI (i386
 * int 0x80, x32, AArch32) is TRACE with its own tag; clone3 and openat2 get
 * ENOSYS so libc falls back to forms whose flags BPF can see.
 *
 * Building is pure (no process is touched); spawn.c loads the result.
 */
#ifndef HERMETIC_FILTER_H
#define HERMETIC_FILTER_H

#include <seccomp.h>

#include "policy.h"

/* SECCOMP_RET_DATA of the TRACE actions. */
#define FILTER_TAG_CHECK 1	/* look at it (native ABI) */
#define FILTER_TAG_ABI 2	/* foreign ABI: always denied */

/*
 * Build the filter for "p". Returns a new libseccomp context (release with
 * seccomp_release()), or NULL with "*err" set (free with free(3)).
 */
scmp_filter_ctx filter_build(const struct policy *p, char **err);

#endif
