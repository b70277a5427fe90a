/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * The seccomp filters, compiled from the policy. Two programs are stacked
 * (the kernel applies the most restrictive answer of all filters):
 *
 * - the policy filter, built with libseccomp: everything is ALLOW except
 *   the syscalls the policy must look at, which are TRACE (sent to the
 *   tracer) under register conditions where those settle it (socket()
 *   families and types, clone flags, sendto without an address, prctl
 *   options); clone3 and openat2 get ENOSYS so libc falls back to forms
 *   whose flags BPF can see; a foreign ABI (i386 int 0x80, AArch32) is
 *   TRACE with its own tag;
 * - the range filter, a few instructions made here: every syscall number
 *   that hermetic's table (sysent) does not know — newer than the table,
 *   in a hole of it, or carrying the x32 bit — is TRACE, so the tracer
 *   denies it. libseccomp can only name numbers one by one, and listing
 *   every known syscall as an ALLOW rule made it spend milliseconds
 *   generating each run's filter.
 *
 * Every TRACE condition on an argument is written so that a value the
 * kernel would read differently (an int with garbage in the upper half)
 * is sent to the tracer, never allowed: equality tests mask the low half,
 * and "greater than" tests compare all 64 bits.
 *
 * Building is pure (no process is touched); spawn.c loads the result.
 */
#ifndef HERMETIC_FILTER_H
#define HERMETIC_FILTER_H

#include <linux/filter.h>
#include <seccomp.h>

#include "policy.h"

/* SECCOMP_RET_DATA of the TRACE actions. */
#define FILTER_TAG_CHECK 1 /* look at it (native ABI) */
#define FILTER_TAG_ABI 2   /* foreign ABI: always denied */

struct filter {
	scmp_filter_ctx policy;	   /* the libseccomp filter */
	struct sock_filter *range; /* the range filter's program */
	unsigned short range_len;
};

/*
 * Build both filters for "p" into "f". Returns 0, or -1 with "*err" set
 * (free with free(3)). Free "f" with filter_free().
 */
int filter_build(const struct policy *p, struct filter *f, char **err);

void filter_free(struct filter *f);

#endif
