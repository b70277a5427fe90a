/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * Unit tests of --no-environment (env.c): which variables env_filter()
 * keeps (the base set, every LC_*, --keep-env names), that names match
 * whole and never as prefixes, and that the order is kept.
 */
#include "config.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "check_common.h"
#include "env.h"

/* A list of copies of "v" (NULL-terminated), for the char *const *
 * parameters. */
static struct strlist
list_of(const char *const *v)
{
	struct strlist l = {0};

	for (; *v; v++)
		strlist_add(&l, *v);
	return l;
}

#define LIST(...) list_of((const char *const[]){__VA_ARGS__, NULL})

static void
expect(const struct strlist *out, const char *const *want)
{
	size_t n = 0;

	for (; want[n]; n++) {
		ck_assert_msg(n < out->n, "missing %s", want[n]);
		ck_assert_str_eq(out->v[n], want[n]);
	}
	ck_assert_msg(out->n == n, "kept %zu variables, want %zu (extra: %s)",
		      out->n, n, out->n > n ? out->v[n] : "");
	if (out->v)
		ck_assert_ptr_null(out->v[out->n]);
}

START_TEST(test_filter)
{
	struct strlist envp = LIST(
	    "PATH=/usr/bin:/bin", "SECRET_TOKEN=hunter2", "HOME=/home/u",
	    "LANG=C.UTF-8", "AWS_ACCESS_KEY_ID=AKIA", "TERM=xterm-256color",
	    "TMPDIR=/tmp", "LC_ALL=C", "LC_CTYPE=en_US.UTF-8",
	    "LC_MESSAGES=", "PYTHONPATH=/evil", "FOO=bar", "KEEPME=1");
	struct strlist keep = LIST("FOO", "KEEPME");
	static const char *const want[] = {
	    "PATH=/usr/bin:/bin",
	    "HOME=/home/u",
	    "LANG=C.UTF-8",
	    "TERM=xterm-256color",
	    "TMPDIR=/tmp",
	    "LC_ALL=C",
	    "LC_CTYPE=en_US.UTF-8",
	    "LC_MESSAGES=",
	    "FOO=bar",
	    "KEEPME=1",
	    NULL,
	};
	struct strlist out = {0};

	env_filter(envp.v, keep.v, keep.n, &out);
	expect(&out, want);
	strlist_free(&out);
	strlist_free(&keep);
	strlist_free(&envp);
}
END_TEST

START_TEST(test_no_prefix_match)
{
	/* nothing here may be kept: names match whole, case and all */
	struct strlist envp = LIST(
	    "PATHX=1", "HOMEBREW=1", "HOME_DIR=/x", "LANGUAGE=en",
	    "TERMINFO=/x", "TMPDIR2=/x", "PATH", "HOME", "LC_ALL", "LCX=1",
	    "XLC_ALL=C", "FOOBAR=1", "FO=1", "=value", "path=/bin", "Lc_ALL=C");
	struct strlist keep = LIST("FOO");
	static const char *const want[] = {NULL};
	struct strlist out = {0};

	env_filter(envp.v, keep.v, keep.n, &out);
	expect(&out, want);
	strlist_free(&out);
	strlist_free(&keep);
	strlist_free(&envp);
}
END_TEST

START_TEST(test_keep_is_exact)
{
	struct strlist envp = LIST("FOO=1", "FOOBAR=2", "BAR=3", "FO=4");
	struct strlist keep = LIST("FOOBAR", "FO");
	static const char *const want[] = {"FOOBAR=2", "FO=4", NULL};
	struct strlist out = {0};

	env_filter(envp.v, keep.v, keep.n, &out);
	expect(&out, want);
	strlist_free(&out);
	strlist_free(&keep);
	strlist_free(&envp);
}
END_TEST

START_TEST(test_empty_and_append)
{
	char *const empty[] = {NULL};
	struct strlist envp = LIST("HOME=/h", "X=1");
	static const char *const want[] = {"already=there", "HOME=/h", NULL};
	static const char *const none[] = {NULL};
	struct strlist out = {0};

	env_filter(empty, NULL, 0, &out);
	expect(&out, none);
	env_filter(NULL, NULL, 0, &out);
	expect(&out, none);
	/* appends to what "out" holds, as copies */
	strlist_add(&out, "already=there");
	env_filter(envp.v, NULL, 0, &out);
	expect(&out, want);
	ck_assert_ptr_ne(out.v[1], envp.v[0]);
	strlist_free(&out);
	strlist_free(&envp);
}
END_TEST

START_TEST(test_values_with_equals)
{
	struct strlist envp = LIST("PATH=/a=b:/c", "LC_X=a=b", "K==");
	struct strlist keep = LIST("K");
	static const char *const want[] = {"PATH=/a=b:/c", "LC_X=a=b",
					   "K==", NULL};
	struct strlist out = {0};

	env_filter(envp.v, keep.v, keep.n, &out);
	expect(&out, want);
	strlist_free(&out);
	strlist_free(&keep);
	strlist_free(&envp);
}
END_TEST

static Suite *
env_suite(void)
{
	Suite *s = suite_create("env");
	TCase *tc = tcase_create("filter");

	tcase_add_test(tc, test_filter);
	tcase_add_test(tc, test_no_prefix_match);
	tcase_add_test(tc, test_keep_is_exact);
	tcase_add_test(tc, test_empty_and_append);
	tcase_add_test(tc, test_values_with_equals);
	suite_add_tcase(s, tc);
	return s;
}

HM_SUITE_MAIN(env_suite)
