/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * --log FILE: every reported event, as the trace lines (text) or as JSON
 * Lines (json): a "start" record (hermetic's version and command line,
 * the policy, the kernel features in use), one "event" record per event
 * and an "exit" record (the target's status, counts, duration).
 * docs/json-schema.md documents every key. One log per run, kept in this
 * module; report.c writes the events.
 */
#ifndef HERMETIC_EVENTLOG_H
#define HERMETIC_EVENTLOG_H

#include <stdbool.h>

#include "policy.h"
#include "report.h"

#define EVENTLOG_SCHEMA 1

/* Open "path" ("-" for stderr) for a log in JSON or text. Returns 0, or
 * -1 with "*err" set (free(3)). */
int eventlog_open(const char *path, bool json, char **err);

/* What the start record tells. */
struct eventlog_start {
	char *const *argv;   /* hermetic's own command line */
	char *const *target; /* the target's argv */
	const struct policy *policy;
	const char *landlock; /* the Landlock wall's state */
	int landlock_abi;
};

void eventlog_start(const struct eventlog_start *s);

/* An event, with its text form "text" (the trace line and frames). */
void eventlog_event(const struct event *ev, const char *text);

/* The end: the target's wait status, hermetic's exit status, processes
 * killed as leftovers. Closes the log. */
void eventlog_exit(int wait_status, int exit_status, unsigned int killed);

/* Write the policy as a JSON object (also used by the report). */
void eventlog_policy_json(FILE *out, const struct policy *p);

/* Write the counts so far, {"denied": {CATEGORY: N...}, "audited": ...,
 * "allowed": ...}, as a JSON object (also used by the report). */
void eventlog_counts_json(FILE *out);

/* Write a wait status as {"code": N|null, "signal": N|null} (also used
 * by the report). */
void eventlog_status_json(FILE *out, int wait_status);

/* Write the current UTC time in ISO 8601 with microseconds. */
void eventlog_time_json(FILE *out);

#endif
