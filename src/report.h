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
	struct decision d;   /* V_ALLOW: allowed after a look (--trace=all) */
	bool audited;	     /* denied by the policy, let run by --audit */
	const char *detail;  /* "host=1.2.3.4:80", "path=/bin/ls", or NULL */
	const char *argv;    /* formatted argv (--show-argv), or NULL */
	const char *exe;     /* the process's executable, or NULL */
	const char *proto;   /* a socket's protocol ("tcp"), or NULL */
	bool creates;	     /* an open that makes a new file */
	const struct context *ctx; /* where it came from, or NULL */
};

/* Where reports go, from the options. */
struct report_config {
	bool trace;	   /* a line per event on stderr */
	bool trace_all;	   /* also actions allowed after a look */
	enum backtrace bt; /* frames under each line */
	bool audit;	   /* --audit: the summary says "would have" */
	bool quiet;	   /* no summary */
	bool log;	   /* an event log is open (eventlog.h) */
	bool aggregate;	   /* keep the events for --report (aggregate.h) */
};

/* Set up reporting. */
void report_init(const struct report_config *cfg);

/* Does an event need its context (call site, test, frames, executable)?
 * Gathering it costs memory reads, so only when something will use it. */
bool report_wants_context(void);

/* Are allowed actions reported (--trace=all)? */
bool report_wants_allowed(void);

/* Count "ev", print its trace line when tracing, log it, keep it for the
 * report. */
void report_event(const struct event *ev);

/* The counts so far by verdict (0 denied, 1 audited, 2 allowed) and
 * category. */
const unsigned long (*report_counts(void))[CAT_COUNT];

/* Denied __pycache__ writes so far. */
unsigned long report_pycache_count(void);

/* Count a denied write into a __pycache__ directory: not an action the
 * program meant (Python runs without its bytecode cache), so it is neither
 * traced one by one nor counted as blocked; the summary says how many. */
void report_pycache(void);

/* Number of denied actions so far (in audit mode: that would have been
 * denied). */
unsigned long report_denied(void);

/*
 * Print the end-of-run summary (unless quiet): the denied (or, in audit
 * mode, audited) actions by category when there were any, with the call
 * sites that made the most when they are known, and, when "killed" > 0,
 * the processes hermetic killed because the target had exited.
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
