/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * Unit tests of the native syscall table (sysent.c): sorted by number,
 * names unique, number and name lookups that round-trip, the classes of
 * the syscalls the filter and the tracer treat specially (the guards of
 * the network, of processes, of the filesystem and of native code,
 * checked against a list made from the kernel's syscalls, not from
 * sysent.c), and unknown numbers.
 */
#include "config.h"

#include <check.h>
#include <stdbool.h>
#include <stdio.h>
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

/*
 * The classes, written down from the kernel's syscall list rather than
 * copied from sysent.c. "x86" marks the names of the old path-only calls
 * that the generic table of aarch64 (and other newer arches) lacks.
 *
 * SC_OPEN, SC_FS and SC_FSMOUNT are the calls that can change the
 * filesystem by themselves: opens that may write, every call that makes,
 * removes, renames or links a name, and every call that changes a file's
 * size, mode, owner, times, extended attributes or fsxattr flags, by path
 * or by a descriptor that may have been opened read-only (fchmod, fchown,
 * fsetxattr, fremovexattr: the kernel lets them through on an O_RDONLY
 * descriptor; ftruncate and fallocate need one open for writing, which
 * the open already showed, but cost nothing to look at). Mounts, swap,
 * quotas and process accounting are SC_FSMOUNT. Calls that only write
 * through a descriptor opened for writing (write, pwrite64, writev,
 * copy_file_range, sendfile, splice) and calls that only read a path stay
 * SC_PLAIN: the open was the time to look. ioctl is SC_IOCTL: some of its
 * commands (chattr's FS_IOC_SETFLAGS, FS_IOC_FSSETXATTR, FICLONE) change a
 * file through a descriptor that may have been opened read-only. bind
 * stays SC_BIND, which --fs-readonly looks at as well (a unix socket bound
 * to a path is a new file).
 *
 * SC_MMAP are the calls that can make a mapping executable, the one way
 * native code from a file gets to run in the process (--block-native):
 * mmap, and mprotect and pkey_mprotect, which take the same protection
 * bits. The calls that keep a mapping's protection (munmap, mremap,
 * madvise, msync, mlock, remap_file_pages) stay SC_PLAIN.
 */
/* clang-format off */
static const struct {
	const char *name;
	enum sc_class cls;
	bool x86; /* absent from the generic table (aarch64) */
} classes[] = {
	{ "read",		SC_PLAIN, false },
	{ "write",		SC_PLAIN, false },
	{ "getpid",		SC_PLAIN, false },
	{ "socket",		SC_SOCKET, false },
	{ "connect",		SC_CONNECT, false },
	{ "sendto",		SC_SENDTO, false },
	{ "sendmsg",		SC_SENDMSG, false },
	{ "sendmmsg",		SC_SENDMMSG, false },
	{ "bind",		SC_BIND, false },
	{ "listen",		SC_LISTEN, false },
	{ "execve",		SC_EXECVE, false },
	{ "execveat",		SC_EXECVEAT, false },
	{ "clone",		SC_CLONE, false },
	{ "ptrace",		SC_ESCAPE, false },
	{ "process_vm_readv",	SC_ESCAPE, false },
	{ "process_vm_writev",	SC_ESCAPE, false },
	{ "pidfd_getfd",	SC_ESCAPE, false },
	{ "io_uring_setup",	SC_ESCAPE, false },
	{ "io_uring_enter",	SC_ESCAPE, false },
	{ "io_uring_register",	SC_ESCAPE, false },
	{ "bpf",		SC_ESCAPE, false },
	{ "userfaultfd",	SC_ESCAPE, false },
	{ "unshare",		SC_ESCAPE, false },
	{ "setns",		SC_ESCAPE, false },
	{ "open_by_handle_at",	SC_ESCAPE, false },
	{ "prctl",		SC_PRCTL, false },
	{ "seccomp",		SC_SECCOMP, false },
	{ "personality",	SC_PERSONALITY, false },
	{ "clone3",		SC_FALLBACK, false },
	{ "openat2",		SC_FALLBACK, false },

	/* a look at the command under --fs-readonly */
	{ "ioctl",		SC_IOCTL, false },

	/* executable mappings: a look under --block-native */
	{ "mmap",		SC_MMAP, false },
	{ "mprotect",		SC_MMAP, false },
	{ "pkey_mprotect",	SC_MMAP, false },
	/* they keep the protection a mapping has */
	{ "munmap",		SC_PLAIN, false },
	{ "mremap",		SC_PLAIN, false },
	{ "madvise",		SC_PLAIN, false },
	{ "msync",		SC_PLAIN, false },
	{ "mlock",		SC_PLAIN, false },
	{ "remap_file_pages",	SC_PLAIN, false },
	{ "pkey_alloc",		SC_PLAIN, false },
	{ "memfd_create",	SC_PLAIN, false },

	/* opens: a look when the flags may write */
	{ "open",		SC_OPEN, true },
	{ "openat",		SC_OPEN, false },

	/* making, removing, renaming and linking names */
	{ "creat",		SC_FS, true },
	{ "mkdir",		SC_FS, true },
	{ "mkdirat",		SC_FS, false },
	{ "mknod",		SC_FS, true },
	{ "mknodat",		SC_FS, false },
	{ "rmdir",		SC_FS, true },
	{ "unlink",		SC_FS, true },
	{ "unlinkat",		SC_FS, false },
	{ "rename",		SC_FS, true },
	{ "renameat",		SC_FS, false },
	{ "renameat2",		SC_FS, false },
	{ "link",		SC_FS, true },
	{ "linkat",		SC_FS, false },
	{ "symlink",		SC_FS, true },
	{ "symlinkat",		SC_FS, false },
	/* size */
	{ "truncate",		SC_FS, false },
	{ "ftruncate",		SC_FS, false },
	{ "fallocate",		SC_FS, false },
	/* mode and owner */
	{ "chmod",		SC_FS, true },
	{ "fchmod",		SC_FS, false },
	{ "fchmodat",		SC_FS, false },
	{ "fchmodat2",		SC_FS, false },
	{ "chown",		SC_FS, true },
	{ "lchown",		SC_FS, true },
	{ "fchown",		SC_FS, false },
	{ "fchownat",		SC_FS, false },
	/* times */
	{ "utime",		SC_FS, true },
	{ "utimes",		SC_FS, true },
	{ "futimesat",		SC_FS, true },
	{ "utimensat",		SC_FS, false },
	/* extended attributes and fsxattr flags */
	{ "setxattr",		SC_FS, false },
	{ "lsetxattr",		SC_FS, false },
	{ "fsetxattr",		SC_FS, false },
	{ "setxattrat",		SC_FS, false },
	{ "removexattr",	SC_FS, false },
	{ "lremovexattr",	SC_FS, false },
	{ "fremovexattr",	SC_FS, false },
	{ "removexattrat",	SC_FS, false },
	{ "file_setattr",	SC_FS, false },

	/* mounts, swap, quotas, accounting: refused under --fs-readonly */
	{ "mount",		SC_FSMOUNT, false },
	{ "umount2",		SC_FSMOUNT, false },
	{ "pivot_root",		SC_FSMOUNT, false },
	{ "open_tree",		SC_FSMOUNT, false },
	{ "open_tree_attr",	SC_FSMOUNT, false },
	{ "move_mount",		SC_FSMOUNT, false },
	{ "fsopen",		SC_FSMOUNT, false },
	{ "fsconfig",		SC_FSMOUNT, false },
	{ "fsmount",		SC_FSMOUNT, false },
	{ "fspick",		SC_FSMOUNT, false },
	{ "mount_setattr",	SC_FSMOUNT, false },
	{ "swapon",		SC_FSMOUNT, false },
	{ "swapoff",		SC_FSMOUNT, false },
	{ "quotactl",		SC_FSMOUNT, false },
	{ "quotactl_fd",	SC_FSMOUNT, false },
	{ "acct",		SC_FSMOUNT, false },

	/* they write only through a descriptor open for writing, or only
	 * read: no look */
	{ "pwrite64",		SC_PLAIN, false },
	{ "writev",		SC_PLAIN, false },
	{ "pwritev",		SC_PLAIN, false },
	{ "pwritev2",		SC_PLAIN, false },
	{ "copy_file_range",	SC_PLAIN, false },
	{ "sendfile",		SC_PLAIN, false },
	{ "splice",		SC_PLAIN, false },
	{ "fsync",		SC_PLAIN, false },
	{ "fdatasync",		SC_PLAIN, false },
	{ "sync_file_range",	SC_PLAIN, false },
	{ "stat",		SC_PLAIN, true },
	{ "lstat",		SC_PLAIN, true },
	{ "newfstatat",		SC_PLAIN, false },
	{ "statx",		SC_PLAIN, false },
	{ "access",		SC_PLAIN, true },
	{ "faccessat",		SC_PLAIN, false },
	{ "faccessat2",		SC_PLAIN, false },
	{ "readlink",		SC_PLAIN, true },
	{ "readlinkat",		SC_PLAIN, false },
	{ "getxattr",		SC_PLAIN, false },
	{ "lgetxattr",		SC_PLAIN, false },
	{ "fgetxattr",		SC_PLAIN, false },
	{ "getxattrat",		SC_PLAIN, false },
	{ "listxattr",		SC_PLAIN, false },
	{ "listxattrat",	SC_PLAIN, false },
	{ "file_getattr",	SC_PLAIN, false },
	{ "statfs",		SC_PLAIN, false },
	{ "chdir",		SC_PLAIN, false },
	{ "getcwd",		SC_PLAIN, false },
	{ "getdents64",		SC_PLAIN, false },
	{ "name_to_handle_at",	SC_PLAIN, false },
	{ "inotify_add_watch",	SC_PLAIN, false },
	{ "statmount",		SC_PLAIN, false },
	{ "listmount",		SC_PLAIN, false },
	{ "umask",		SC_PLAIN, false },
};
/* clang-format on */

START_TEST(test_classes)
{
	size_t absent = 0;

	for (size_t i = 0; i < HM_ARRAY_SIZE(classes); i++) {
		long nr = sysent_nr(classes[i].name);

#if !defined(__x86_64__)
		if (nr < 0 && classes[i].x86) {
			/* a name the generic table lacks */
			absent++;
			continue;
		}
#endif
		ck_assert_msg(nr >= 0, "%s is not in the table",
			      classes[i].name);
		ck_assert_msg(sysent_class(nr) == classes[i].cls,
			      "%s: class %d, want %d", classes[i].name,
			      sysent_class(nr), classes[i].cls);
	}
#if defined(__aarch64__)
	/* open, creat, mkdir, ...: all gone there */
	ck_assert_uint_gt(absent, 10);
#endif
	if (absent)
		printf("check_sysent: %zu listed names are not syscalls of "
		       "this arch (skipped)\n",
		       absent);
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
	/* 27 guards of the network, processes and sandbox (and fork, vfork
	 * on x86_64), 57 of the filesystem (15 of them x86_64 only), ioctl,
	 * 3 of native code */
	ck_assert_uint_ge(special, 73);
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
	ck_assert_int_eq(sysent_class(2), SC_OPEN);	 /* open */
	ck_assert_int_eq(sysent_class(257), SC_OPEN);	 /* openat */
	ck_assert_int_eq(sysent_class(85), SC_FS);	 /* creat */
	ck_assert_int_eq(sysent_class(87), SC_FS);	 /* unlink */
	ck_assert_int_eq(sysent_class(316), SC_FS);	 /* renameat2 */
	ck_assert_int_eq(sysent_class(452), SC_FS);	 /* fchmodat2 */
	ck_assert_int_eq(sysent_class(165), SC_FSMOUNT); /* mount */
	ck_assert_int_eq(sysent_class(155), SC_FSMOUNT); /* pivot_root */
	ck_assert_int_eq(sysent_class(4), SC_PLAIN);	 /* stat */
	ck_assert_int_eq(sysent_class(16), SC_IOCTL);	 /* ioctl */
	ck_assert_int_eq(sysent_class(49), SC_BIND);	 /* bind */
	ck_assert_int_eq(sysent_nr("mmap"), 9);
	ck_assert_int_eq(sysent_nr("mprotect"), 10);
	ck_assert_int_eq(sysent_nr("pkey_mprotect"), 329);
	ck_assert_int_eq(sysent_class(9), SC_MMAP);   /* mmap */
	ck_assert_int_eq(sysent_class(10), SC_MMAP);  /* mprotect */
	ck_assert_int_eq(sysent_class(329), SC_MMAP); /* pkey_mprotect */
	ck_assert_int_eq(sysent_class(11), SC_PLAIN); /* munmap */
	ck_assert_int_eq(sysent_class(25), SC_PLAIN); /* mremap */
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
	ck_assert_int_eq(sysent_nr("openat"), 56);
	ck_assert_int_eq(sysent_class(56), SC_OPEN);
	ck_assert_int_eq(sysent_class(34), SC_FS);	/* mkdirat */
	ck_assert_int_eq(sysent_class(40), SC_FSMOUNT); /* mount */
	ck_assert_int_eq(sysent_class(29), SC_IOCTL);	/* ioctl */
	ck_assert_int_eq(sysent_class(200), SC_BIND);	/* bind */
	ck_assert_int_eq(sysent_class(222), SC_MMAP);	/* mmap */
	ck_assert_int_eq(sysent_class(226), SC_MMAP);	/* mprotect */
	ck_assert_int_eq(sysent_class(288), SC_MMAP);	/* pkey_mprotect */
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
