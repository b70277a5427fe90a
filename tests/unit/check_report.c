/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * Unit tests of the report (report.c): the exact shape of a trace line
 * (tid only when it differs from pid, argv only when given), truncation
 * into a small buffer, and the counts and end-of-run summary written to
 * stderr.
 */
#include "config.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "check_common.h"
#include "report.h"

static struct event
event_of(const char *syscall, enum verdict v, enum category cat,
	 const char *reason, const char *detail)
{
	struct event ev;

	memset(&ev, 0, sizeof(ev));
	ev.pid = ev.tid = 42;
	ev.syscall = syscall;
	ev.d.verdict = v;
	ev.d.cat = cat;
	ev.d.reason = reason;
	ev.detail = detail;
	return ev;
}

START_TEST(test_line_shape)
{
	struct event ev = event_of("connect", V_DENY, CAT_NETWORK, "no-network",
				   "host=203.0.113.5:80");
	char buf[512];

	ck_assert_ptr_eq(report_format(&ev, buf, sizeof(buf)), buf);
	ck_assert_str_eq(buf, "[hermetic] blocked connect host=203.0.113.5:80 "
			      "reason=no-network pid=42");

	/* a thread other than the leader */
	ev.tid = 43;
	ck_assert_str_eq(report_format(&ev, buf, sizeof(buf)),
			 "[hermetic] blocked connect host=203.0.113.5:80 "
			 "reason=no-network pid=42 tid=43");
}
END_TEST

START_TEST(test_line_argv)
{
	struct event ev = event_of("execve", V_DENY, CAT_SUBPROCESS,
				   "no-subprocess", "path=/bin/ls");
	char buf[512];

	ck_assert_str_eq(report_format(&ev, buf, sizeof(buf)),
			 "[hermetic] blocked execve path=/bin/ls "
			 "reason=no-subprocess pid=42");
	ev.argv = "['ls', '-l']";
	ck_assert_str_eq(report_format(&ev, buf, sizeof(buf)),
			 "[hermetic] blocked execve path=/bin/ls argv=['ls', "
			 "'-l'] reason=no-subprocess pid=42");
}
END_TEST

START_TEST(test_line_optional_parts)
{
	struct event ev =
	    event_of("ptrace", V_DENY, CAT_SANDBOX, "ptrace", NULL);
	char buf[512];

	/* no detail: no double blank */
	ck_assert_str_eq(report_format(&ev, buf, sizeof(buf)),
			 "[hermetic] blocked ptrace reason=ptrace pid=42");
	ev.detail = "";
	ck_assert_str_eq(report_format(&ev, buf, sizeof(buf)),
			 "[hermetic] blocked ptrace reason=ptrace pid=42");
	/* an allowed action has no reason */
	ev = event_of("connect", V_ALLOW, CAT_NETWORK, NULL,
		      "host=127.0.0.1:8080");
	ev.pid = 7;
	ev.tid = 7;
	ck_assert_str_eq(report_format(&ev, buf, sizeof(buf)),
			 "[hermetic] allowed connect host=127.0.0.1:8080 "
			 "pid=7");
	ev.syscall = "i386:socketcall";
	ev.d.verdict = V_DENY;
	ev.d.cat = CAT_SANDBOX;
	ev.d.reason = "foreign-abi";
	ev.detail = NULL;
	ev.tid = 8;
	ck_assert_str_eq(
	    report_format(&ev, buf, sizeof(buf)),
	    "[hermetic] blocked i386:socketcall reason=foreign-abi "
	    "pid=7 tid=8");
}
END_TEST

START_TEST(test_truncation)
{
	char detail[1000], buf[64];
	struct event ev;

	memset(detail, 'x', sizeof(detail) - 1);
	detail[sizeof(detail) - 1] = '\0';
	ev = event_of("connect", V_DENY, CAT_NETWORK, "no-network", detail);
	memset(buf, 'z', sizeof(buf));
	report_format(&ev, buf, sizeof(buf));
	ck_assert_uint_eq(strlen(buf), sizeof(buf) - 1);
	ck_assert_int_eq(buf[sizeof(buf) - 1], '\0');
	ck_assert_str_eq(buf + sizeof(buf) - 4, "...");
	ck_assert(strncmp(buf, "[hermetic] blocked connect xxxx", 31) == 0);
}
END_TEST

/* For every buffer size: the line when it fits, else its start with
 * "..." in the last three places, always NUL-terminated inside "size". */
START_TEST(test_truncation_every_size)
{
	struct event ev = event_of("connect", V_DENY, CAT_NETWORK, "no-network",
				   "host=[2001:db8::1]:443");
	char full[256], buf[256];
	size_t len;

	ev.tid = 43;
	report_format(&ev, full, sizeof(full));
	len = strlen(full);
	ck_assert_uint_lt(len, sizeof(full) - 1);
	for (size_t size = 1; size <= len + 2; size++) {
		memset(buf, 'z', sizeof(buf));
		report_format(&ev, buf, size);
		ck_assert_msg(memchr(buf, '\0', size) != NULL,
			      "size %zu: not terminated", size);
		ck_assert_int_eq(buf[size], 'z');
		if (size > len) {
			ck_assert_str_eq(buf, full);
		} else if (size > 4) {
			ck_assert_uint_eq(strlen(buf), size - 1);
			ck_assert_str_eq(buf + size - 4, "...");
			ck_assert(strncmp(buf, full, size - 4) == 0);
		} else {
			ck_assert_uint_eq(strlen(buf), size - 1);
			ck_assert(strncmp(buf, full, size - 1) == 0);
		}
	}
}
END_TEST

/* Run "fn" with stderr going to a memory file; returns what it wrote
 * (free(3)). */
static char *
capture_stderr(void (*fn)(void))
{
	int fd = memfd_create("hermetic-stderr", MFD_CLOEXEC);
	int saved = dup(STDERR_FILENO);
	char *out;
	off_t n;

	ck_assert_int_ge(fd, 0);
	ck_assert_int_ge(saved, 0);
	ck_assert_int_ge(dup2(fd, STDERR_FILENO), 0);
	fn();
	ck_assert_int_ge(dup2(saved, STDERR_FILENO), 0);
	close(saved);
	n = lseek(fd, 0, SEEK_END);
	ck_assert_int_ge(n, 0);
	out = calloc(1, (size_t)n + 1);
	ck_assert_ptr_nonnull(out);
	ck_assert_int_eq(pread(fd, out, (size_t)n, 0), n);
	close(fd);
	return out;
}

static void
events_quiet(void)
{
	struct event ev = event_of("connect", V_DENY, CAT_NETWORK, "no-network",
				   "host=203.0.113.5:80");

	report_init(false, BACKTRACE_NONE);
	report_event(&ev);
	report_event(&ev);
	ev.d.verdict = V_ALLOW;
	ev.d.reason = NULL;
	report_event(&ev);
	ev = event_of("execve", V_DENY, CAT_SUBPROCESS, "no-subprocess",
		      "path=/bin/ls");
	report_event(&ev);
	ck_assert_uint_eq(report_denied(), 3);
	report_summary(0);
}

static void
events_traced(void)
{
	struct event ev =
	    event_of("ptrace", V_DENY, CAT_SANDBOX, "ptrace", NULL);

	report_init(true, BACKTRACE_NONE);
	report_event(&ev);
	ck_assert_uint_eq(report_denied(), 1);
	report_summary(2);
}

static void
events_none(void)
{
	report_init(false, BACKTRACE_NONE);
	ck_assert_uint_eq(report_denied(), 0);
	report_summary(0);
	report_summary(1);
}

START_TEST(test_summary)
{
	char *out = capture_stderr(events_quiet);

	/* no trace lines without --trace; one summary line */
	ck_assert_str_eq(out, "hermetic: blocked 3 actions (2 network, 1 "
			      "subprocess); rerun with --trace for details\n");
	free(out);

	out = capture_stderr(events_traced);
	ck_assert_str_eq(out, "[hermetic] blocked ptrace reason=ptrace pid=42\n"
			      "hermetic: blocked 1 action (1 sandbox-escape)\n"
			      "hermetic: the target exited; killed 2 "
			      "processes it left running\n");
	free(out);

	out = capture_stderr(events_none);
	ck_assert_str_eq(out, "hermetic: the target exited; killed 1 process "
			      "it left running\n");
	free(out);
}
END_TEST

static Suite *
report_suite(void)
{
	Suite *s = suite_create("report");
	TCase *tc = tcase_create("format");

	tcase_add_test(tc, test_line_shape);
	tcase_add_test(tc, test_line_argv);
	tcase_add_test(tc, test_line_optional_parts);
	tcase_add_test(tc, test_truncation);
	tcase_add_test(tc, test_truncation_every_size);
	suite_add_tcase(s, tc);

	tc = tcase_create("summary");
	tcase_add_test(tc, test_summary);
	suite_add_tcase(s, tc);
	return s;
}

HM_SUITE_MAIN(report_suite)
