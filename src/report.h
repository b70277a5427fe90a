/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * The only writer of what hermetic reports about the target: one trace line
 * per denied action under --trace (with its call site, its pytest test and
 * the frames --backtrace asks for), the counts, and the end-of-run summary
 * on stderr. An event is written with one write(2).
 */
#ifndef HERMETIC_REPORT_H
#define HERMETIC_REPORT_H

#include <stdbool.h>
#include <sys/types.h>

#include "cli.h"
#include "context.h"
#include "policy.h"

/* One reported action. Strings are borrowed for the call. */
struct event {
	pid_t pid; /* process (tgid) */
	pid_t tid;
	const char *syscall; /* "connect", "execve", "syscall" (unknown) */
	struct decision d;
	const char *detail; /* "host=1.2.3.4:80", "path=/bin/ls", or NULL */
	const char *argv;   /* formatted argv (--show-argv), or NULL */
	const struct context *ctx; /* where it came from, or NULL */
};

/* Set up reporting: "trace" prints a line per event, "bt" the frames
 * under it. */
void report_init(bool trace, enum backtrace bt);

/* Does an event need its context (call site, test, frames)? Gathering
 * it costs memory reads, so only when something will show it. */
bool report_wants_context(void);

/* Count "ev" and print its trace line when tracing. */
void report_event(const struct event *ev);

/* Count a denied write into a __pycache__ directory: not an action the
 * program meant (Python runs without its bytecode cache), so it is neither
 * traced one by one nor counted as blocked; the summary says how many. */
void report_pycache(void);

/* Number of denied actions so far. */
unsigned long report_denied(void);

/*
 * Print the end-of-run summary: the denied actions by category (when there
 * were any) and, when "killed" > 0, the processes hermetic killed because
 * the target had exited.
 */
void report_summary(unsigned int killed);

/*
 * Format the line of "ev" into "buf" of "size" bytes, without the newline
 * (used by report_event() and the unit tests). Returns "buf".
 */
char *report_format(const struct event *ev, char *buf, size_t size);

/*
 * Format the frame lines --backtrace wants ("bt") for "ev" into "buf" of
 * "size" bytes, each ending in a newline; "" when there are none. At most
 * REPORT_PY_FRAMES Python frames are printed. Returns "buf".
 */
char *report_format_frames(const struct event *ev, enum backtrace bt, char *buf,
			   size_t size);

#define REPORT_PY_FRAMES 64

#endif
