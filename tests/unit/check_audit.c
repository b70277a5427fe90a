/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * The pure parts of auditing and its outputs: details as fields
 * (detail.c), JSON and HTML escaping (escape.c), grouping (aggregate.c),
 * the report's host and operation helpers (reportfile.c) and the exit
 * status of --fail-on-violation (sinks.c).
 */
#include "config.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "aggregate.h"
#include "check_common.h"
#include "detail.h"
#include "escape.h"
#include "reportfile.h"
#include "sinks.h"

static void
want_field(const char *detail, const char *key, const char *value)
{
	char buf[256];
	const char *got = detail_get(detail, key, buf, sizeof(buf));

	if (!value) {
		ck_assert_msg(got == NULL, "'%s': %s is '%s'", detail, key,
			      got);
		return;
	}
	ck_assert_msg(got != NULL, "'%s': no %s", detail, key);
	ck_assert_str_eq(got, value);
}

START_TEST(test_detail)
{
	struct detail_field f[DETAIL_MAX_FIELDS];

	want_field("host=203.0.113.5:443", "host", "203.0.113.5:443");
	/* a path runs to the end: spaces and '=' are its own */
	want_field("path=/tmp/a b=c d", "path", "/tmp/a b=c d");
	want_field("path=/tmp/a b=c d", "b", NULL);
	want_field("unix=@name with space", "unix", "@name with space");
	want_field("family=AF_PACKET type=SOCK_RAW protocol=0", "type",
		   "SOCK_RAW");
	want_field("family=AF_PACKET type=SOCK_RAW protocol=0", "protocol",
		   "0");
	want_field("fd=3 (its address is unreadable: Bad file descriptor)",
		   "fd", "3");
	want_field("fd=3 (its address is unreadable: Bad file descriptor)",
		   "note", "(its address is unreadable: Bad file descriptor)");
	want_field("(threads sharing its memory did not stop)", "note",
		   "(threads sharing its memory did not stop)");
	want_field("abi=x32 nr=0x40000029", "nr", "0x40000029");
	ck_assert_uint_eq(detail_split(NULL, f, DETAIL_MAX_FIELDS), 0);
	ck_assert_uint_eq(detail_split("", f, DETAIL_MAX_FIELDS), 0);
	/* never more than asked for */
	ck_assert_uint_eq(detail_split("a=1 b=2 c=3", f, 2), 2);
	/* a key too long, or not plain, is text */
	want_field("AF=1", "note", "AF=1");
	want_field("averyveryverylongkey=1", "note", "averyveryverylongkey=1");
}
END_TEST

static char *
escaped(void (*fn)(FILE *, const char *), const char *s)
{
	char *buf = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&buf, &n);

	ck_assert_ptr_nonnull(f);
	fn(f, s);
	fclose(f);
	return buf;
}

START_TEST(test_escape)
{
	static const struct {
		const char *in, *json, *html;
	} rows[] = {
	    {"plain", "\"plain\"", "plain"},
	    {"a\"b\\c", "\"a\\\"b\\\\c\"", "a&quot;b\\c"},
	    {"<x & 'y'>", "\"<x & 'y'>\"", "&lt;x &amp; &#39;y&#39;&gt;"},
	    {"l1\nl2\t\r\x01\x7f", "\"l1\\nl2\\t\\r\\u0001\\u007f\"",
	     "l1\nl2\t??\x7f"},
	    /* valid UTF-8 stays, invalid bytes become U+FFFD */
	    {"caf\xc3\xa9", "\"caf\xc3\xa9\"", "caf\xc3\xa9"},
	    {"bad\xff!", "\"bad\xef\xbf\xbd!\"", "bad\xef\xbf\xbd!"},
	    {"\xc0\xaf", "\"\xef\xbf\xbd\xef\xbf\xbd\"",
	     "\xef\xbf\xbd\xef\xbf\xbd"}, /* overlong */
	    {"\xed\xa0\x80", "\"\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\"",
	     "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd"}, /* surrogate */
	    {"\xe2\x82", "\"\xef\xbf\xbd\xef\xbf\xbd\"",
	     "\xef\xbf\xbd\xef\xbf\xbd"}, /* cut */
	    {"\xf0\x9f\x98\x80", "\"\xf0\x9f\x98\x80\"", "\xf0\x9f\x98\x80"},
	};

	for (size_t i = 0; i < HM_ARRAY_SIZE(rows); i++) {
		char *j = escaped(escape_json, rows[i].in);
		char *h = escaped(escape_html, rows[i].in);

		ck_assert_msg(strcmp(j, rows[i].json) == 0, "row %zu: json %s",
			      i, j);
		ck_assert_msg(strcmp(h, rows[i].html) == 0, "row %zu: html %s",
			      i, h);
		free(j);
		free(h);
	}
	{
		char *j = escaped(escape_json, NULL);
		char *h = escaped(escape_html, NULL);

		ck_assert_str_eq(j, "null");
		ck_assert_str_eq(h, "");
		free(j);
		free(h);
	}
}
END_TEST

/* An event with a call site and a test. */
static struct event
ev_at(const char *sc, enum category cat, const char *reason, const char *detail,
      const struct context *ctx)
{
	struct event ev = {
	    .pid = 10,
	    .tid = 10,
	    .syscall = sc,
	    .d = {V_DENY, cat, reason},
	    .detail = detail,
	    .ctx = ctx,
	};

	return ev;
}

START_TEST(test_aggregate)
{
	struct pyframe frames[2] = {
	    {"/usr/lib/python3.11/socket.py", "create_connection", 8},
	    {"/p/setup.py", "<module>", 12},
	};
	struct context c1 = {.py = frames,
			     .npy = 2,
			     .pick = 1,
			     .file = "setup.py",
			     .test = "t.py::test_a"};
	struct context c2 = c1;
	struct event ev;
	struct agg_row **rows;
	const struct agg_test *tests;
	struct agg_callsite **sites;
	size_t n;

	c2.test = "t.py::test_b[x]";
	agg_init();
	ev = ev_at("connect", CAT_NETWORK, "no-network", "host=203.0.113.5:443",
		   &c1);
	ev.proto = "tcp";
	agg_add(&ev);
	ev.audited = true;
	ev.ctx = &c2;
	agg_add(&ev);
	ev = ev_at("sendto", CAT_NETWORK, "no-network", "host=203.0.113.5:53",
		   NULL);
	ev.proto = "udp";
	agg_add(&ev);
	ev = ev_at("openat", CAT_FILESYSTEM, "fs-readonly", "path=/etc/x", &c1);
	ev.creates = true;
	agg_add(&ev);
	ev = ev_at("unlinkat", CAT_FILESYSTEM, "fs-readonly", "path=/etc/x",
		   &c1);
	agg_add(&ev);
	ev = ev_at("openat", CAT_FILESYSTEM, "read-outside-root",
		   "path=/home/u/.ssh/id", NULL);
	agg_add(&ev);
	ev = ev_at("execve", CAT_SUBPROCESS, "no-subprocess", "path=/bin/sh",
		   &c1);
	ev.argv = "[\"sh\",\"-c\",\"x\"]";
	agg_add(&ev);
	ev = ev_at("vfork", CAT_SUBPROCESS, "no-subprocess", NULL, &c1);
	agg_add(&ev);
	ev = ev_at("mmap", CAT_NATIVE, "block-native", "path=/s/_x.so", NULL);
	ev.d.verdict = V_ALLOW;
	agg_add(&ev);

	rows = agg_rows(AGG_NET, &n);
	ck_assert_uint_eq(n, 2);
	ck_assert_str_eq(rows[0]->key, "203.0.113.5:443");
	ck_assert_str_eq(rows[0]->proto, "tcp");
	ck_assert_uint_eq(rows[0]->count, 2);
	ck_assert_uint_eq(rows[0]->denied, 1);
	ck_assert_uint_eq(rows[0]->audited, 1);
	ck_assert(rows[0]->have_site);
	ck_assert_str_eq(rows[0]->site.file, "setup.py");
	ck_assert_int_eq(rows[0]->site.line, 12);
	ck_assert_uint_eq(rows[0]->tests.n, 2);
	ck_assert_str_eq(rows[0]->tests.v[1], "t.py::test_b[x]");
	ck_assert(!rows[1]->have_site);

	rows = agg_rows(AGG_FILE, &n);
	ck_assert_uint_eq(n, 2);
	ck_assert_str_eq(rows[0]->key, "/etc/x");
	ck_assert_uint_eq(rows[0]->ops,
			  AGG_OP_CREATE | AGG_OP_WRITE | AGG_OP_DELETE);
	ck_assert_uint_eq(rows[1]->ops, AGG_OP_READ);

	rows = agg_rows(AGG_PROGRAM, &n);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(rows[0]->key, "/bin/sh");
	ck_assert_str_eq(rows[0]->argv, "[\"sh\",\"-c\",\"x\"]");
	rows = agg_rows(AGG_OTHER, &n);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(rows[0]->key, "vfork");
	rows = agg_rows(AGG_NATIVE, &n);
	ck_assert_uint_eq(n, 1);
	ck_assert_uint_eq(rows[0]->allowed, 1);

	tests = agg_tests(&n);
	ck_assert_uint_eq(n, 2);
	ck_assert_str_eq(tests[0].id, "t.py::test_a");
	ck_assert_uint_eq(tests[0].counts[CAT_NETWORK], 1);
	ck_assert_uint_eq(tests[0].counts[CAT_FILESYSTEM], 2);
	ck_assert_uint_eq(tests[0].counts[CAT_SUBPROCESS], 2);
	ck_assert_uint_eq(tests[1].counts[CAT_NETWORK], 1);

	/* one site per category: subprocess 2, filesystem 2, network 2 */
	sites = agg_callsites(&n);
	ck_assert_uint_eq(n, 3);
	ck_assert_uint_eq(sites[0]->count, 2);
	ck_assert_str_eq(sites[0]->site.func, "<module>");
	agg_free();
	ck_assert_uint_eq((agg_rows(AGG_NET, &n), n), 0);
	agg_free();
}
END_TEST

START_TEST(test_file_ops)
{
	ck_assert_uint_eq(agg_file_op("openat", false), AGG_OP_WRITE);
	ck_assert_uint_eq(agg_file_op("creat", true),
			  AGG_OP_CREATE | AGG_OP_WRITE);
	ck_assert_uint_eq(agg_file_op("unlinkat", false), AGG_OP_DELETE);
	ck_assert_uint_eq(agg_file_op("renameat2", false), AGG_OP_RENAME);
	ck_assert_uint_eq(agg_file_op("mkdirat", false), AGG_OP_CREATE);
	ck_assert_uint_eq(agg_file_op("linkat", false), AGG_OP_LINK);
	ck_assert_uint_eq(agg_file_op("fchmodat2", false), AGG_OP_ATTR);
	ck_assert_uint_eq(agg_file_op("utimensat", false), AGG_OP_ATTR);
	ck_assert_uint_eq(agg_file_op("ftruncate", false), AGG_OP_WRITE);
	ck_assert_uint_eq(agg_file_op("connect", false), 0);
	ck_assert_uint_eq(agg_file_op(NULL, false), 0);
}
END_TEST

START_TEST(test_split_host)
{
	static const struct {
		const char *key, *addr;
		int port;
	} rows[] = {
	    {"203.0.113.5:443", "203.0.113.5", 443},
	    {"[2001:db8::1]:53", "2001:db8::1", 53},
	    {"[::ffff:1.2.3.4]:80", "::ffff:1.2.3.4", 80},
	    {"/run/x.sock", "/run/x.sock", -1},
	    {"@abs:1", "@abs:1", -1},
	    {"? (no address)", "? (no address)", -1},
	    {"1.2.3.4:99999", "1.2.3.4:99999", -1},
	    {"2001:db8::1", "2001:db8::1", -1},
	};
	const char *ops[8];
	char addr[64];
	int port;

	for (size_t i = 0; i < HM_ARRAY_SIZE(rows); i++) {
		reportfile_split_host(rows[i].key, addr, sizeof(addr), &port);
		ck_assert_str_eq(addr, rows[i].addr);
		ck_assert_int_eq(port, rows[i].port);
	}
	ck_assert_uint_eq(reportfile_op_names(0, ops), 0);
	ck_assert_uint_eq(reportfile_op_names(
			      AGG_OP_READ | AGG_OP_CREATE | AGG_OP_WRITE, ops),
			  3);
	ck_assert_str_eq(ops[0], "created");
	ck_assert_str_eq(ops[1], "written");
	ck_assert_str_eq(ops[2], "read");
	ck_assert(reportfile_is_html("r.html") && reportfile_is_html("a.htm"));
	ck_assert(!reportfile_is_html("r.json") && !reportfile_is_html("html"));
}
END_TEST

START_TEST(test_exit_status)
{
	int ok = 0, failed = 3 << 8, killed = SIGKILL;

	ck_assert_int_eq(sinks_exit_status(ok, false, 5), 0);
	ck_assert_int_eq(sinks_exit_status(ok, true, 0), 0);
	ck_assert_int_eq(sinks_exit_status(ok, true, 1), HM_EXIT_VIOLATION);
	/* the target's own failure is kept */
	ck_assert_int_eq(sinks_exit_status(failed, true, 1), 3);
	ck_assert_int_eq(sinks_exit_status(killed, true, 1), 128 + SIGKILL);
	ck_assert_int_eq(sinks_exit_status(failed, false, 0), 3);
}
END_TEST

static Suite *
audit_suite(void)
{
	Suite *s = suite_create("audit");
	TCase *tc = tcase_create("audit");

	tcase_add_test(tc, test_detail);
	tcase_add_test(tc, test_escape);
	tcase_add_test(tc, test_aggregate);
	tcase_add_test(tc, test_file_ops);
	tcase_add_test(tc, test_split_host);
	tcase_add_test(tc, test_exit_status);
	suite_add_tcase(s, tc);
	return s;
}

HM_SUITE_MAIN(audit_suite)
