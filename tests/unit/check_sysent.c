/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * Unit tests of the native syscall table (sysent.c): sorted by number,
 * names unique, number and name lookups that round-trip, the classes of
 * the syscalls the filter and the tracer treat specially, and unknown
 * numbers.
 */
#include "config.h"

#include <check.h>
#include <stdbool.h>
#include <string.h>

#include "check_common.h"
#include "sysent.h"

START_TEST(test_sorted_and_unique)
{
	size_t n;
	const struct sysent *t = sysent_table(&n);

	ck_assert_ptr_nonnull(t);
	/* every arch has a few hundred */
	ck_assert_uint_gt(n, 250);
	for (size_t i = 0; i < n; i++) {
		ck_assert_ptr_nonnull(t[i].name);
		ck_assert_uint_gt(strlen(t[i].name), 0);
		ck_assert_int_ge(t[i].nr, 0);
		if (i > 0)
			ck_assert_msg(t[i - 1].nr < t[i].nr,
				      "%s (%ld) after %s (%ld)", t[i].name,
				      t[i].nr, t[i - 1].name, t[i - 1].nr);
		for (size_t j = i + 1; j < n; j++)
			ck_assert_msg(strcmp(t[i].name, t[j].name) != 0,
				      "%s twice", t[i].name);
	}
	/* the class cache is an array of 1024 */
	ck_assert_int_lt(t[n - 1].nr, 1024);
}
END_TEST

START_TEST(test_round_trip)
{
	size_t n;
	const struct sysent *t = sysent_table(&n);

	for (size_t i = 0; i < n; i++) {
		ck_assert_int_eq(sysent_nr(t[i].name), t[i].nr);
		ck_assert_pstr_eq(sysent_name(t[i].nr), t[i].name);
	}
}
END_TEST

START_TEST(test_unknown)
{
	size_t n;
	const struct sysent *t = sysent_table(&n);

	ck_assert_ptr_null(sysent_name(-1));
	ck_assert_ptr_null(sysent_name(t[n - 1].nr + 1));
	ck_assert_ptr_null(sysent_name(1000));
	ck_assert_ptr_null(sysent_name(0x40000000L));
	ck_assert_ptr_null(sysent_name(-1000000));
	ck_assert_int_eq(sysent_nr("no_such_syscall"), -1);
	ck_assert_int_eq(sysent_nr(""), -1);
	/* names match whole */
	ck_assert_int_eq(sysent_nr("rea"), -1);
	ck_assert_int_eq(sysent_nr("READ"), -1);
	/* an unknown number has no class of its own */
	ck_assert_int_eq(sysent_class(-1), SC_PLAIN);
	ck_assert_int_eq(sysent_class(1000), SC_PLAIN);
	ck_assert_int_eq(sysent_class(1024), SC_PLAIN);
	ck_assert_int_eq(sysent_class(1L << 40), SC_PLAIN);
}
END_TEST

/* clang-format off */
static const struct {
	const char *name;
	enum sc_class cls;
} classes[] = {
	{ "read",		SC_PLAIN },
	{ "write",		SC_PLAIN },
	{ "openat",		SC_PLAIN },
	{ "mmap",		SC_PLAIN },
	{ "getpid",		SC_PLAIN },
	{ "socket",		SC_SOCKET },
	{ "connect",		SC_CONNECT },
	{ "sendto",		SC_SENDTO },
	{ "sendmsg",		SC_SENDMSG },
	{ "sendmmsg",		SC_SENDMMSG },
	{ "bind",		SC_BIND },
	{ "listen",		SC_LISTEN },
	{ "execve",		SC_EXECVE },
	{ "execveat",		SC_EXECVEAT },
	{ "clone",		SC_CLONE },
	{ "ptrace",		SC_ESCAPE },
	{ "process_vm_readv",	SC_ESCAPE },
	{ "process_vm_writev",	SC_ESCAPE },
	{ "pidfd_getfd",	SC_ESCAPE },
	{ "io_uring_setup",	SC_ESCAPE },
	{ "io_uring_enter",	SC_ESCAPE },
	{ "io_uring_register",	SC_ESCAPE },
	{ "bpf",		SC_ESCAPE },
	{ "userfaultfd",	SC_ESCAPE },
	{ "unshare",		SC_ESCAPE },
	{ "setns",		SC_ESCAPE },
	{ "open_by_handle_at",	SC_ESCAPE },
	{ "prctl",		SC_PRCTL },
	{ "seccomp",		SC_SECCOMP },
	{ "personality",	SC_PERSONALITY },
	{ "clone3",		SC_FALLBACK },
	{ "openat2",		SC_FALLBACK },
};
/* clang-format on */

START_TEST(test_classes)
{
	for (size_t i = 0; i < HM_ARRAY_SIZE(classes); i++) {
		long nr = sysent_nr(classes[i].name);

		ck_assert_msg(nr >= 0, "%s is not in the table",
			      classes[i].name);
		ck_assert_msg(sysent_class(nr) == classes[i].cls,
			      "%s: class %d, want %d", classes[i].name,
			      sysent_class(nr), classes[i].cls);
	}
}
END_TEST

START_TEST(test_only_listed_names_are_classed)
{
	size_t n;
	const struct sysent *t = sysent_table(&n);
	size_t special = 0;

	for (size_t i = 0; i < n; i++) {
		enum sc_class cls = sysent_class(t[i].nr);
		bool listed = false;

		if (cls == SC_PLAIN)
			continue;
		special++;
		for (size_t k = 0; k < HM_ARRAY_SIZE(classes); k++)
			if (strcmp(classes[k].name, t[i].name) == 0)
				listed = true;
		/* fork and vfork exist on x86_64 only */
		if (strcmp(t[i].name, "fork") == 0 ||
		    strcmp(t[i].name, "vfork") == 0) {
			ck_assert_int_eq(cls, SC_FORK);
			listed = true;
		}
		ck_assert_msg(listed, "%s has class %d but is not in the test",
			      t[i].name, cls);
	}
	ck_assert_uint_ge(special, 25);
}
END_TEST

#if defined(__x86_64__)
START_TEST(test_x86_64_numbers)
{
	/* spot checks against the x86_64 ABI */
	ck_assert_int_eq(sysent_nr("read"), 0);
	ck_assert_int_eq(sysent_nr("socket"), 41);
	ck_assert_int_eq(sysent_nr("connect"), 42);
	ck_assert_int_eq(sysent_nr("clone"), 56);
	ck_assert_int_eq(sysent_nr("fork"), 57);
	ck_assert_int_eq(sysent_nr("execve"), 59);
	ck_assert_int_eq(sysent_nr("ptrace"), 101);
	ck_assert_int_eq(sysent_nr("clone3"), 435);
	ck_assert_int_eq(sysent_nr("openat2"), 437);
	ck_assert_str_eq(sysent_name(231), "exit_group");
	ck_assert_int_eq(sysent_class(57), SC_FORK);
	ck_assert_int_eq(sysent_class(58), SC_FORK);
	ck_assert_int_eq(sysent_class(435), SC_FALLBACK);
	ck_assert_int_eq(sysent_class(101), SC_ESCAPE);
	/* the x32-only numbers 512..547 are not native x86_64 calls */
	for (long nr = 512; nr <= 547; nr++)
		ck_assert_ptr_null(sysent_name(nr));
}
END_TEST
#endif

#if defined(__aarch64__)
START_TEST(test_aarch64_numbers)
{
	ck_assert_int_eq(sysent_nr("read"), 63);
	ck_assert_int_eq(sysent_nr("socket"), 198);
	ck_assert_int_eq(sysent_nr("clone"), 220);
	ck_assert_int_eq(sysent_nr("fork"), -1);
	ck_assert_int_eq(sysent_nr("open"), -1);
}
END_TEST
#endif

static Suite *
sysent_suite(void)
{
	Suite *s = suite_create("sysent");
	TCase *tc = tcase_create("table");

	tcase_add_test(tc, test_sorted_and_unique);
	tcase_add_test(tc, test_round_trip);
	tcase_add_test(tc, test_unknown);
	tcase_add_test(tc, test_classes);
	tcase_add_test(tc, test_only_listed_names_are_classed);
#if defined(__x86_64__)
	tcase_add_test(tc, test_x86_64_numbers);
#endif
#if defined(__aarch64__)
	tcase_add_test(tc, test_aarch64_numbers);
#endif
	suite_add_tcase(s, tc);
	return s;
}

HM_SUITE_MAIN(sysent_suite)
