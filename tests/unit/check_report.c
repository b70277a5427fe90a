/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * Unit tests of the report (report.c): the exact shape of a trace line
 * (tid only when it differs from pid, argv only when given, the call site
 * and the pytest test when there is a context), truncation into a small
 * buffer, the frame lines of --backtrace (Python, native, both), and the
 * counts and end-of-run summary written to stderr.
 */
#include "config.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "check_common.h"
#include "context.h"
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

/* ---- the context: call site, test, frames -------------------------------- */

static struct pyframe pyframes[REPORT_PY_FRAMES + 8];
static struct nframe nframes[4];

static void
set_frame(int i, const char *file, const char *name, int line)
{
	snprintf(pyframes[i].file, sizeof(pyframes[i].file), "%s", file);
	snprintf(pyframes[i].name, sizeof(pyframes[i].name), "%s", name);
	pyframes[i].line = line;
}

/* Three frames, innermost first: socket.py, the user's app.py (picked),
 * and a frozen one without a line. */
static struct context
context_of(void)
{
	struct context c;

	memset(&c, 0, sizeof(c));
	memset(pyframes, 0, sizeof(pyframes));
	set_frame(0, "/usr/lib/python3.11/socket.py", "create_connection", 851);
	set_frame(1, "/home/u/proj/app.py", "Client.fetch", 12);
	set_frame(2, "<frozen runpy>", "_run_code", 0);
	c.py = pyframes;
	c.npy = 3;
	c.pick = 1;
	c.file = "app.py";
	return c;
}

START_TEST(test_line_call_site)
{
	struct event ev = event_of("connect", V_DENY, CAT_NETWORK, "no-network",
				   "host=203.0.113.5:80");
	struct context c = context_of();
	char buf[512];

	ev.ctx = &c;
	/* after reason=, before pid=; the file as the context names it */
	ck_assert_str_eq(report_format(&ev, buf, sizeof(buf)),
			 "[hermetic] blocked connect host=203.0.113.5:80 "
			 "reason=no-network at app.py:12 in Client.fetch "
			 "pid=42");
	/* an unknown line */
	pyframes[1].line = 0;
	ck_assert_str_eq(report_format(&ev, buf, sizeof(buf)),
			 "[hermetic] blocked connect host=203.0.113.5:80 "
			 "reason=no-network at app.py:? in Client.fetch "
			 "pid=42");
	/* another frame picked: its own file and name */
	c.pick = 2;
	c.file = pyframes[2].file;
	ck_assert_str_eq(report_format(&ev, buf, sizeof(buf)),
			 "[hermetic] blocked connect host=203.0.113.5:80 "
			 "reason=no-network at <frozen runpy>:? in _run_code "
			 "pid=42");
	/* no frame to name, or no context: no part */
	c.pick = -1;
	ck_assert_str_eq(report_format(&ev, buf, sizeof(buf)),
			 "[hermetic] blocked connect host=203.0.113.5:80 "
			 "reason=no-network pid=42");
	ev.ctx = NULL;
	ck_assert_str_eq(report_format(&ev, buf, sizeof(buf)),
			 "[hermetic] blocked connect host=203.0.113.5:80 "
			 "reason=no-network pid=42");
	/* an allowed action has no reason: the site follows the detail */
	c = context_of();
	ev = event_of("connect", V_ALLOW, CAT_NETWORK, NULL,
		      "host=127.0.0.1:8080");
	ev.ctx = &c;
	ck_assert_str_eq(report_format(&ev, buf, sizeof(buf)),
			 "[hermetic] allowed connect host=127.0.0.1:8080 "
			 "at app.py:12 in Client.fetch pid=42");
	/* no detail either */
	ev = event_of("ptrace", V_DENY, CAT_SANDBOX, "ptrace", NULL);
	ev.ctx = &c;
	ck_assert_str_eq(report_format(&ev, buf, sizeof(buf)),
			 "[hermetic] blocked ptrace reason=ptrace at "
			 "app.py:12 in Client.fetch pid=42");
}
END_TEST

START_TEST(test_line_test_id)
{
	struct event ev = event_of("execve", V_DENY, CAT_SUBPROCESS,
				   "no-subprocess", "path=/bin/ls");
	struct context c = context_of();
	char buf[512];

	ev.ctx = &c;
	c.test = "tests/test_x.py::test_a[1 (b)]";
	/* after pid= (and tid= when there is one) */
	ck_assert_str_eq(report_format(&ev, buf, sizeof(buf)),
			 "[hermetic] blocked execve path=/bin/ls "
			 "reason=no-subprocess at app.py:12 in Client.fetch "
			 "pid=42 test=tests/test_x.py::test_a[1 (b)]");
	ev.tid = 43;
	ev.argv = "['ls']";
	ck_assert_str_eq(report_format(&ev, buf, sizeof(buf)),
			 "[hermetic] blocked execve path=/bin/ls argv=['ls'] "
			 "reason=no-subprocess at app.py:12 in Client.fetch "
			 "pid=42 tid=43 test=tests/test_x.py::test_a[1 (b)]");
	/* a test without a frame to name */
	c.pick = -1;
	ck_assert_str_eq(report_format(&ev, buf, sizeof(buf)),
			 "[hermetic] blocked execve path=/bin/ls argv=['ls'] "
			 "reason=no-subprocess pid=42 tid=43 "
			 "test=tests/test_x.py::test_a[1 (b)]");
	/* the site, but no test */
	c.pick = 1;
	c.test = NULL;
	ck_assert_str_eq(report_format(&ev, buf, sizeof(buf)),
			 "[hermetic] blocked execve path=/bin/ls argv=['ls'] "
			 "reason=no-subprocess at app.py:12 in Client.fetch "
			 "pid=42 tid=43");
}
END_TEST

/* A test id and native names come from the tracee: control characters
 * cannot start a line of their own. */
START_TEST(test_line_controls)
{
	struct event ev = event_of("connect", V_DENY, CAT_NETWORK, "no-network",
				   "host=203.0.113.1:9");
	struct context c = context_of();
	struct nframe nf = {.ip = 0x1000, .off = 4};
	char buf[1024];

	ev.ctx = &c;
	c.test = "t.py::a\n[hermetic] allowed connect\r\x1b[2K\x7f";
	ck_assert_str_eq(
	    report_format(&ev, buf, sizeof(buf)),
	    "[hermetic] blocked connect host=203.0.113.1:9 "
	    "reason=no-network at app.py:12 in Client.fetch "
	    "pid=42 test=t.py::a?[hermetic] allowed connect??[2K?");
	snprintf(nf.sym, sizeof(nf.sym), "evil\nsym");
	snprintf(nf.obj, sizeof(nf.obj), "/x\n[hermetic] y");
	c.native = &nf;
	c.nnative = 1;
	ck_assert_str_eq(
	    report_format_frames(&ev, BACKTRACE_NATIVE, buf, sizeof(buf)),
	    "    #0 0x0000000000001000 evil?sym+0x4 "
	    "(/x?[hermetic] y)\n");
}
END_TEST

/* The line with a long site and test, cut at every buffer size. */
START_TEST(test_line_context_truncation)
{
	struct event ev = event_of("connect", V_DENY, CAT_NETWORK, "no-network",
				   "host=203.0.113.5:80");
	struct context c = context_of();
	char full[2048], buf[2048];
	size_t len;

	memset(pyframes[1].name, 'n', PYFRAME_NAME_MAX - 1);
	pyframes[1].name[PYFRAME_NAME_MAX - 1] = '\0';
	memset(pyframes[1].file, 'f', PYFRAME_FILE_MAX - 1);
	pyframes[1].file[PYFRAME_FILE_MAX - 1] = '\0';
	c.file = pyframes[1].file;
	pyframes[1].line = 2147483647;
	c.test = "t.py::test_a";
	ev.tid = 43;
	ev.ctx = &c;
	report_format(&ev, full, sizeof(full));
	len = strlen(full);
	ck_assert_uint_lt(len, sizeof(full) - 1);
	/* the longest site fits whole */
	ck_assert_ptr_nonnull(strstr(full, ":2147483647 in nnnn"));
	ck_assert_str_eq(full + len - 35,
			 "nnn pid=42 tid=43 test=t.py::test_a");
	for (size_t size = 1; size <= len + 2; size++) {
		memset(buf, 'z', sizeof(buf));
		report_format(&ev, buf, size);
		HM_CHECK(memchr(buf, '\0', size) != NULL,
			 "size %zu: not terminated", size);
		HM_CHECK(buf[size] == 'z', "size %zu: written past", size);
		if (size > len)
			HM_CHECK(strcmp(buf, full) == 0, "size %zu", size);
		else if (size > 4)
			HM_CHECK(strlen(buf) == size - 1 &&
				     strcmp(buf + size - 4, "...") == 0 &&
				     strncmp(buf, full, size - 4) == 0,
				 "size %zu: %s", size, buf);
		else
			HM_CHECK(strlen(buf) == size - 1 &&
				     strncmp(buf, full, size - 1) == 0,
				 "size %zu", size);
	}
}
END_TEST

START_TEST(test_frames_none)
{
	struct event ev = event_of("connect", V_DENY, CAT_NETWORK, "no-network",
				   "host=203.0.113.5:80");
	struct context c = context_of();
	char buf[256];

	context_init("/home/u/proj", BACKTRACE_NONE);
	/* no context */
	memset(buf, 'z', sizeof(buf));
	ck_assert_str_eq(
	    report_format_frames(&ev, BACKTRACE_FULL, buf, sizeof(buf)), "");
	/* nothing asked for */
	ev.ctx = &c;
	ck_assert_str_eq(
	    report_format_frames(&ev, BACKTRACE_NONE, buf, sizeof(buf)), "");
	/* asked for, but there are none */
	c.npy = 0;
	c.py = NULL;
	c.pick = -1;
	ck_assert_str_eq(
	    report_format_frames(&ev, BACKTRACE_FULL, buf, sizeof(buf)), "");
	/* a zero-sized buffer is not written */
	buf[0] = 'z';
	report_format_frames(&ev, BACKTRACE_FULL, buf, 0);
	ck_assert_int_eq(buf[0], 'z');
	context_init("", BACKTRACE_NONE);
}
END_TEST

START_TEST(test_frames_python)
{
	struct event ev = event_of("connect", V_DENY, CAT_NETWORK, "no-network",
				   "host=203.0.113.5:80");
	struct context c = context_of();
	char buf[4096];

	/* file names relative to the directory given to context_init() */
	context_init("/home/u/proj", BACKTRACE_NONE);
	ev.ctx = &c;
	ck_assert_str_eq(
	    report_format_frames(&ev, BACKTRACE_PYTHON, buf, sizeof(buf)),
	    "    at /usr/lib/python3.11/socket.py:851 in create_connection\n"
	    "    at app.py:12 in Client.fetch\n"
	    "    at <frozen runpy>:? in _run_code\n");
	/* another directory: app.py stays absolute, a sibling directory too */
	set_frame(0, "/home/u/proj2/x.py", "f", 3);
	context_init("/home/u/proj2", BACKTRACE_NONE);
	ck_assert_str_eq(
	    report_format_frames(&ev, BACKTRACE_PYTHON, buf, sizeof(buf)),
	    "    at x.py:3 in f\n"
	    "    at /home/u/proj/app.py:12 in Client.fetch\n"
	    "    at <frozen runpy>:? in _run_code\n");
	context_init("/", BACKTRACE_NONE);
	ck_assert_str_eq(
	    report_format_frames(&ev, BACKTRACE_PYTHON, buf, sizeof(buf)),
	    "    at home/u/proj2/x.py:3 in f\n"
	    "    at home/u/proj/app.py:12 in Client.fetch\n"
	    "    at <frozen runpy>:? in _run_code\n");
	/* frames left out by the reader */
	c.py_more = true;
	ck_assert_str_eq(
	    report_format_frames(&ev, BACKTRACE_PYTHON, buf, sizeof(buf)),
	    "    at home/u/proj2/x.py:3 in f\n"
	    "    at home/u/proj/app.py:12 in Client.fetch\n"
	    "    at <frozen runpy>:? in _run_code\n"
	    "    ... more frames not shown\n");
	/* native frames are not asked for */
	c.py_more = false;
	c.native = nframes;
	c.nnative = 1;
	ck_assert_str_eq(
	    report_format_frames(&ev, BACKTRACE_PYTHON, buf, sizeof(buf)),
	    "    at home/u/proj2/x.py:3 in f\n"
	    "    at home/u/proj/app.py:12 in Client.fetch\n"
	    "    at <frozen runpy>:? in _run_code\n");
	context_init("", BACKTRACE_NONE);
}
END_TEST

/* Count the lines of "s" that start with "prefix". */
static int
count_lines(const char *s, const char *prefix)
{
	int n = 0;

	for (const char *l = s; *l; l = strchr(l, '\n') + 1) {
		if (strncmp(l, prefix, strlen(prefix)) == 0)
			n++;
		if (!strchr(l, '\n'))
			break;
	}
	return n;
}

START_TEST(test_frames_python_limit)
{
	struct event ev = event_of("connect", V_DENY, CAT_NETWORK, "no-network",
				   "host=203.0.113.5:80");
	struct context c = context_of();
	static char buf[64 * 1024];
	char want[64];

	context_init("/home/u/proj", BACKTRACE_NONE);
	for (int i = 0; i < (int)HM_ARRAY_SIZE(pyframes); i++) {
		char file[32];

		snprintf(file, sizeof(file), "/home/u/proj/m%d.py", i);
		set_frame(i, file, "f", i + 1);
	}
	ev.ctx = &c;
	c.py = pyframes;
	/* exactly REPORT_PY_FRAMES: all of them, no "more" */
	c.npy = REPORT_PY_FRAMES;
	report_format_frames(&ev, BACKTRACE_PYTHON, buf, sizeof(buf));
	ck_assert_int_eq(count_lines(buf, "    at "), REPORT_PY_FRAMES);
	ck_assert_int_eq(count_lines(buf, "    ... more"), 0);
	snprintf(want, sizeof(want), "    at m%d.py:%d in f\n",
		 REPORT_PY_FRAMES - 1, REPORT_PY_FRAMES);
	ck_assert_str_eq(buf + strlen(buf) - strlen(want), want);
	ck_assert(strncmp(buf, "    at m0.py:1 in f\n", 20) == 0);
	/* one more than that: the innermost REPORT_PY_FRAMES, then the note */
	c.npy = REPORT_PY_FRAMES + 1;
	report_format_frames(&ev, BACKTRACE_PYTHON, buf, sizeof(buf));
	ck_assert_int_eq(count_lines(buf, "    at "), REPORT_PY_FRAMES);
	snprintf(want, sizeof(want),
		 "    at m%d.py:%d in f\n    ... more frames not shown\n",
		 REPORT_PY_FRAMES - 1, REPORT_PY_FRAMES);
	ck_assert_str_eq(buf + strlen(buf) - strlen(want), want);
	ck_assert_int_eq(count_lines(buf, "    ... more frames not shown"), 1);
	/* many more, and the reader's own "more" too: one note */
	c.npy = (int)HM_ARRAY_SIZE(pyframes);
	c.py_more = true;
	report_format_frames(&ev, BACKTRACE_PYTHON, buf, sizeof(buf));
	ck_assert_int_eq(count_lines(buf, "    at "), REPORT_PY_FRAMES);
	ck_assert_int_eq(count_lines(buf, "    ... more frames not shown"), 1);
	context_init("", BACKTRACE_NONE);
}
END_TEST

static void
set_native(int i, uint64_t ip, const char *sym, uint64_t off, const char *obj)
{
	memset(&nframes[i], 0, sizeof(nframes[i]));
	nframes[i].ip = ip;
	nframes[i].off = off;
	snprintf(nframes[i].sym, sizeof(nframes[i].sym), "%s", sym);
	snprintf(nframes[i].obj, sizeof(nframes[i].obj), "%s", obj);
}

START_TEST(test_frames_native)
{
	struct event ev = event_of("connect", V_DENY, CAT_NETWORK, "no-network",
				   "host=203.0.113.5:80");
	struct context c = context_of();
	char buf[4096];

	context_init("/home/u/proj", BACKTRACE_NONE);
	set_native(0, 0x7f1234567890ULL, "__connect", 0x1b,
		   "/usr/lib/x86_64-linux-gnu/libc.so.6");
	set_native(1, 0x5555deadbeefULL, "", 0, "/usr/bin/python3.11");
	set_native(2, 0x10, "", 0, "");
	set_native(3, 0xffffffffffffffffULL, "sock_call_ex", 0x123456789ULL,
		   "");
	c.native = nframes;
	c.nnative = 4;
	ev.ctx = &c;
	ck_assert_str_eq(
	    report_format_frames(&ev, BACKTRACE_NATIVE, buf, sizeof(buf)),
	    "    #0 0x00007f1234567890 __connect+0x1b "
	    "(/usr/lib/x86_64-linux-gnu/libc.so.6)\n"
	    "    #1 0x00005555deadbeef ??+0x0 (/usr/bin/python3.11)\n"
	    "    #2 0x0000000000000010 ??+0x0 (?)\n"
	    "    #3 0xffffffffffffffff sock_call_ex+0x123456789 (?)\n");
	c.nnative = 1;
	c.native_more = true;
	ck_assert_str_eq(
	    report_format_frames(&ev, BACKTRACE_NATIVE, buf, sizeof(buf)),
	    "    #0 0x00007f1234567890 __connect+0x1b "
	    "(/usr/lib/x86_64-linux-gnu/libc.so.6)\n"
	    "    ... more frames not shown\n");
	/* Python frames are not asked for, and their "more" not shown */
	c.py_more = true;
	c.native_more = false;
	ck_assert_str_eq(
	    report_format_frames(&ev, BACKTRACE_NATIVE, buf, sizeof(buf)),
	    "    #0 0x00007f1234567890 __connect+0x1b "
	    "(/usr/lib/x86_64-linux-gnu/libc.so.6)\n");
	context_init("", BACKTRACE_NONE);
}
END_TEST

START_TEST(test_frames_full)
{
	struct event ev = event_of("connect", V_DENY, CAT_NETWORK, "no-network",
				   "host=203.0.113.5:80");
	struct context c = context_of();
	char buf[4096];

	context_init("/home/u/proj", BACKTRACE_NONE);
	set_native(0, 0x7f1234567890ULL, "__connect", 0x1b, "libc.so.6");
	set_native(1, 0x401000, "main", 0, "python3");
	c.native = nframes;
	c.nnative = 2;
	c.native_more = true;
	c.py_more = true;
	ev.ctx = &c;
	/* Python first, each with its own note */
	ck_assert_str_eq(
	    report_format_frames(&ev, BACKTRACE_FULL, buf, sizeof(buf)),
	    "    at /usr/lib/python3.11/socket.py:851 in create_connection\n"
	    "    at app.py:12 in Client.fetch\n"
	    "    at <frozen runpy>:? in _run_code\n"
	    "    ... more frames not shown\n"
	    "    #0 0x00007f1234567890 __connect+0x1b (libc.so.6)\n"
	    "    #1 0x0000000000401000 main+0x0 (python3)\n"
	    "    ... more frames not shown\n");
	/* no Python frames: the native ones alone */
	c.npy = 0;
	c.py_more = false;
	c.native_more = false;
	ck_assert_str_eq(
	    report_format_frames(&ev, BACKTRACE_FULL, buf, sizeof(buf)),
	    "    #0 0x00007f1234567890 __connect+0x1b (libc.so.6)\n"
	    "    #1 0x0000000000401000 main+0x0 (python3)\n");
	context_init("", BACKTRACE_NONE);
}
END_TEST

/* For every buffer size: the frames when they fit, else their start with
 * "...\n" in the last four places, always NUL-terminated inside "size". */
START_TEST(test_frames_truncation_every_size)
{
	struct event ev = event_of("connect", V_DENY, CAT_NETWORK, "no-network",
				   "host=203.0.113.5:80");
	struct context c = context_of();
	char full[4096], buf[4096];
	size_t len;

	context_init("/home/u/proj", BACKTRACE_NONE);
	set_native(0, 0x7f1234567890ULL, "__connect", 0x1b, "libc.so.6");
	set_native(1, 0x401000, "", 0, "");
	c.native = nframes;
	c.nnative = 2;
	c.py_more = true;
	ev.ctx = &c;
	report_format_frames(&ev, BACKTRACE_FULL, full, sizeof(full));
	len = strlen(full);
	ck_assert_uint_gt(len, 100);
	ck_assert_uint_lt(len, sizeof(full) - 1);
	for (size_t size = 1; size <= len + 2; size++) {
		memset(buf, 'z', sizeof(buf));
		report_format_frames(&ev, BACKTRACE_FULL, buf, size);
		HM_CHECK(memchr(buf, '\0', size) != NULL,
			 "size %zu: not terminated", size);
		HM_CHECK(buf[size] == 'z', "size %zu: written past", size);
		if (size > len)
			HM_CHECK(strcmp(buf, full) == 0, "size %zu", size);
		else if (size > 5)
			HM_CHECK(strlen(buf) == size - 1 &&
				     strcmp(buf + size - 5, "...\n") == 0 &&
				     strncmp(buf, full, size - 5) == 0,
				 "size %zu: %s", size, buf);
		else
			HM_CHECK(strlen(buf) == size - 1 &&
				     strncmp(buf, full, size - 1) == 0,
				 "size %zu", size);
	}
	context_init("", BACKTRACE_NONE);
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

	report_init(&(struct report_config){.bt = BACKTRACE_NONE});
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

	report_init(&(struct report_config){.trace = true});
	report_event(&ev);
	ck_assert_uint_eq(report_denied(), 1);
	report_summary(2);
}

static void
events_none(void)
{
	report_init(&(struct report_config){.bt = BACKTRACE_NONE});
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
	tcase_add_test(tc, test_line_call_site);
	tcase_add_test(tc, test_line_test_id);
	tcase_add_test(tc, test_line_context_truncation);
	tcase_add_test(tc, test_line_controls);
	suite_add_tcase(s, tc);

	tc = tcase_create("frames");
	tcase_add_test(tc, test_frames_none);
	tcase_add_test(tc, test_frames_python);
	tcase_add_test(tc, test_frames_python_limit);
	tcase_add_test(tc, test_frames_native);
	tcase_add_test(tc, test_frames_full);
	tcase_add_test(tc, test_frames_truncation_every_size);
	suite_add_tcase(s, tc);

	tc = tcase_create("summary");
	tcase_add_test(tc, test_summary);
	suite_add_tcase(s, tc);
	return s;
}

HM_SUITE_MAIN(report_suite)
