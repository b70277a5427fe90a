/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * The outputs of a run: log, report, summary, exit status.
 */
#include "config.h"

#include <stdlib.h>
#include <sys/wait.h>

#include "eventlog.h"
#include "log.h"
#include "report.h"
#include "reportfile.h"
#include "sinks.h"
#include "xmalloc.h"

static const struct options *opts;
static const struct policy *pol;
static char *const *meta_argv, *const *meta_target;

bool
sinks_has_guard(const struct options *o)
{
	return o->no_network || o->no_subprocess || o->fs_readonly ||
	       o->block_native || o->deny_import.n || o->no_environment ||
	       o->allow_domain.n;
}

int
sinks_open(const struct options *o, const struct policy *p, char **err)
{
	struct report_config cfg = {
	    .trace = o->trace,
	    .trace_all = o->trace_all,
	    .bt = o->backtrace,
	    .audit = o->audit,
	    .quiet = o->quiet,
	    .log = o->log != NULL,
	    .aggregate = o->report != NULL,
	};

	opts = o;
	pol = p;
	if (o->log_format_set && !o->log) {
		*err = xstrdup("--log-format needs --log FILE (or --log - for "
			       "standard error)");
		return -1;
	}
	if (o->log && eventlog_open(o->log, o->log_json, err) < 0)
		return -1;
	if (o->report && reportfile_check(o->report, err) < 0)
		return -1;
	report_init(&cfg);
	return 0;
}

void
sinks_start(char *const *argv, char *const *target, const struct policy *p,
	    const struct fswall *w, int abi)
{
	struct eventlog_start s = {
	    .argv = argv,
	    .target = target,
	    .policy = p,
	    .landlock = w->state,
	    .landlock_abi = abi,
	};

	meta_argv = argv;
	meta_target = target;
	eventlog_start(&s);
}

int
sinks_exit_status(int st, bool fail_on_violation, unsigned long violations)
{
	int code = WIFEXITED(st)     ? WEXITSTATUS(st)
		   : WIFSIGNALED(st) ? 128 + WTERMSIG(st)
				     : HM_EXIT_FAILURE;

	if (fail_on_violation && violations && code == 0)
		return HM_EXIT_VIOLATION;
	return code;
}

int
sinks_finish(int wait_status, unsigned int killed)
{
	int code = sinks_exit_status(wait_status, opts->fail_on_violation,
				     report_denied());
	char *err = NULL;

	if (opts->log)
		eventlog_exit(wait_status, code, killed);
	if (opts->report) {
		struct report_meta m = {
		    .argv = meta_argv,
		    .target = meta_target,
		    .policy = pol,
		    .wait_status = wait_status,
		    .exit_status = code,
		    .killed = killed,
		};

		if (reportfile_write(opts->report, &m, &err) < 0) {
			warn("%s", err);
			free(err);
		}
	}
	report_summary(killed);
	if (code == HM_EXIT_VIOLATION && !opts->quiet) {
		unsigned long n = report_denied();

		warn("--fail-on-violation: exit status %d (the target exited "
		     "0, but %lu action%s %s denied)",
		     HM_EXIT_VIOLATION, n, n == 1 ? "" : "s",
		     pol->audit ? "would have been"
		     : n == 1	? "was"
				: "were");
	}
	return code;
}
