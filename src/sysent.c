/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * The native syscall table and the class of each syscall. The class list
 * is by name, so it holds for every arch; a name an arch lacks (fork on
 * aarch64) is simply absent there.
 *
 * Adding a class: update enum sc_class, classes[] here, filter.c (what BPF
 * allows) and inspect.c (what the tracer decides).
 */
#include "config.h"

#include <stdbool.h>
#include <string.h>

#include "sysent.h"

static const struct sysent table[] = {
#define HM_SC(nr, name) {nr, #name},
#include "syscallent.h"
#undef HM_SC
};

#define N_TABLE (sizeof(table) / sizeof(table[0]))

/* clang-format off */
static const struct {
	const char *name;
	enum sc_class cls;
} classes[] = {
	{ "socket", SC_SOCKET },
	{ "connect", SC_CONNECT },
	{ "sendto", SC_SENDTO },
	{ "sendmsg", SC_SENDMSG },
	{ "sendmmsg", SC_SENDMMSG },
	{ "bind", SC_BIND },
	{ "listen", SC_LISTEN },
	{ "execve", SC_EXECVE },
	{ "execveat", SC_EXECVEAT },
	{ "fork", SC_FORK },
	{ "vfork", SC_FORK },
	{ "clone", SC_CLONE },
	{ "ptrace", SC_ESCAPE },
	{ "process_vm_readv", SC_ESCAPE },
	{ "process_vm_writev", SC_ESCAPE },
	{ "pidfd_getfd", SC_ESCAPE },
	{ "io_uring_setup", SC_ESCAPE },
	{ "io_uring_enter", SC_ESCAPE },
	{ "io_uring_register", SC_ESCAPE },
	{ "bpf", SC_ESCAPE },
	{ "userfaultfd", SC_ESCAPE },
	{ "unshare", SC_ESCAPE },
	{ "setns", SC_ESCAPE },
	{ "open_by_handle_at", SC_ESCAPE },
	{ "prctl", SC_PRCTL },
	{ "seccomp", SC_SECCOMP },
	{ "personality", SC_PERSONALITY },
	{ "clone3", SC_FALLBACK },
	{ "openat2", SC_FALLBACK },
	{ "ioctl", SC_IOCTL },
	{ "mmap", SC_MMAP },
	{ "mprotect", SC_MMAP },
	{ "pkey_mprotect", SC_MMAP },
	{ "open", SC_OPEN },
	{ "openat", SC_OPEN },
	{ "creat", SC_FS },
	{ "unlink", SC_FS },
	{ "unlinkat", SC_FS },
	{ "rmdir", SC_FS },
	{ "mkdir", SC_FS },
	{ "mkdirat", SC_FS },
	{ "mknod", SC_FS },
	{ "mknodat", SC_FS },
	{ "rename", SC_FS },
	{ "renameat", SC_FS },
	{ "renameat2", SC_FS },
	{ "link", SC_FS },
	{ "linkat", SC_FS },
	{ "symlink", SC_FS },
	{ "symlinkat", SC_FS },
	{ "truncate", SC_FS },
	{ "ftruncate", SC_FS },
	{ "fallocate", SC_FS },
	{ "chmod", SC_FS },
	{ "fchmod", SC_FS },
	{ "fchmodat", SC_FS },
	{ "fchmodat2", SC_FS },
	{ "chown", SC_FS },
	{ "fchown", SC_FS },
	{ "lchown", SC_FS },
	{ "fchownat", SC_FS },
	{ "utime", SC_FS },
	{ "utimes", SC_FS },
	{ "futimesat", SC_FS },
	{ "utimensat", SC_FS },
	{ "setxattr", SC_FS },
	{ "lsetxattr", SC_FS },
	{ "fsetxattr", SC_FS },
	{ "removexattr", SC_FS },
	{ "lremovexattr", SC_FS },
	{ "fremovexattr", SC_FS },
	{ "setxattrat", SC_FS },
	{ "removexattrat", SC_FS },
	{ "file_setattr", SC_FS },
	{ "mount", SC_FSMOUNT },
	{ "umount2", SC_FSMOUNT },
	{ "move_mount", SC_FSMOUNT },
	{ "fsopen", SC_FSMOUNT },
	{ "fsconfig", SC_FSMOUNT },
	{ "fsmount", SC_FSMOUNT },
	{ "fspick", SC_FSMOUNT },
	{ "open_tree", SC_FSMOUNT },
	{ "open_tree_attr", SC_FSMOUNT },
	{ "mount_setattr", SC_FSMOUNT },
	{ "pivot_root", SC_FSMOUNT },
	{ "swapon", SC_FSMOUNT },
	{ "swapoff", SC_FSMOUNT },
	{ "quotactl", SC_FSMOUNT },
	{ "quotactl_fd", SC_FSMOUNT },
	{ "acct", SC_FSMOUNT },
};
/* clang-format on */

const struct sysent *
sysent_table(size_t *n)
{
	*n = N_TABLE;
	return table;
}

static const struct sysent *
find(long nr)
{
	size_t lo = 0, hi = N_TABLE;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (table[mid].nr == nr)
			return &table[mid];
		if (table[mid].nr < nr)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

const char *
sysent_name(long nr)
{
	const struct sysent *e = find(nr);

	return e ? e->name : NULL;
}

long
sysent_nr(const char *name)
{
	for (size_t i = 0; i < N_TABLE; i++)
		if (strcmp(table[i].name, name) == 0)
			return table[i].nr;
	return -1;
}

/* Largest number in any arch table; checked when the cache is built. */
#define NR_LIMIT 1024

enum sc_class
sysent_class(long nr)
{
	static unsigned char by_nr[NR_LIMIT];
	static bool built;

	if (!built) {
		for (size_t i = 0; i < sizeof(classes) / sizeof(classes[0]);
		     i++) {
			long n = sysent_nr(classes[i].name);

			if (n >= 0 && n < NR_LIMIT)
				by_nr[n] = (unsigned char)classes[i].cls;
		}
		built = true;
	}
	if (nr < 0 || nr >= NR_LIMIT)
		return SC_PLAIN;
	return (enum sc_class)by_nr[nr];
}
