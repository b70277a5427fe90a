/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * The outputs of a run around the tracer: checking the output options,
 * opening the event log and the report file before the target starts
 * (so that a bad path fails at once), setting up report.c, and at the end
 * the exit record, the report, the summary and the exit status that
 * --fail-on-violation makes.
 */
#ifndef HERMETIC_SINKS_H
#define HERMETIC_SINKS_H

#include "cli.h"
#include "fswall.h"
#include "policy.h"

/* Is a guard asked for (so that --audit has something to audit)? */
bool sinks_has_guard(const struct options *o);

/* Check the output options, open the log, check the report file, set up
 * reporting. Returns 0 or -1 with "*err" set (free(3)). */
int sinks_open(const struct options *o, const struct policy *p, char **err);

/* Write the start record. */
void sinks_start(char *const *argv, char *const *target, const struct policy *p,
		 const struct fswall *w, int abi);

/*
 * The end: from the target's wait status and the processes killed as
 * leftovers, write the exit record, the report and the summary, and
 * return hermetic's exit status: the target's (128+N for a signal),
 * or, under --fail-on-violation, HM_EXIT_VIOLATION when the target
 * exited 0 and something was denied (in audit mode: would have been).
 */
int sinks_finish(int wait_status, unsigned int killed);

#define HM_EXIT_VIOLATION 2

/* hermetic's exit status for the target's wait status, alone. Pure. */
int sinks_exit_status(int wait_status, bool fail_on_violation,
		      unsigned long violations);

#endif
