/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * The second wall of --fs-readonly: a Landlock ruleset applied in the
 * child before the target's exec, so that the kernel itself refuses, on
 * its own copy of the path, what Landlock can express: opening for
 * writing, truncating, creating, removing, renaming and linking, except
 * below the --allow-write directories and for a few devices (/dev/null,
 * /dev/tty, ...) and the files hermetic's stdout and stderr already are.
 * It cannot express chmod, chown, extended attributes or times, which
 * stay with the tracer alone. The plan is made in the supervisor; the
 * child only applies it.
 */
#ifndef HERMETIC_FSWALL_H
#define HERMETIC_FSWALL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "policy.h"
#include "strlist.h"

#define FSWALL_MAX_RULES 128

struct fswall {
	bool enabled;	   /* apply it */
	bool reads;	   /* it restricts reading and running as well */
	bool overflow;	   /* more rules than FSWALL_MAX_RULES */
	const char *state; /* what it is, for --show-policy and docs */
	int abi;
	uint64_t handled; /* rights the ruleset restricts */
	size_t n;
	struct {
		const char *path; /* borrowed from the policy, the caller's
				   * "reads" list, or static */
		uint64_t access;  /* masked to a file's rights for a file */
		bool is_dir;	  /* planned as a directory */
	} rules[FSWALL_MAX_RULES];
};

/* The rights the wall restricts on Landlock ABI "abi" (0 when it cannot
 * be built on that ABI), and those a rule grants on a directory or on a
 * file. Pure. */
uint64_t fswall_rights(int abi, bool dir);

/* The rights of reading and running (0 below ABI 3). Pure. */
uint64_t fswall_read_rights(int abi);

/*
 * Plan the wall for policy "p" on Landlock ABI "abi" (landlock_abi()).
 * Not enabled without --fs-readonly, without Landlock, when
 * HERMETIC_TEST_NO_LANDLOCK is set, or when an --allow-write directory
 * does not exist yet (Landlock grants only existing paths); "state" says
 * which. Under --fs-readonly=ROOT it restricts reading and running too
 * when "reads" is given: the files and directories the target's
 * interpreter needs (readroot_program_dirs() and the #! chain), which
 * must outlive "w"; NULL when the interpreter is not known before it runs.
 */
void fswall_plan(const struct policy *p, int abi, const struct strlist *reads,
		 struct fswall *w);

/* In the child: apply the planned wall. Returns 0 or -errno. */
int fswall_apply(const struct fswall *w);

#endif
