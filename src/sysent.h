/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * The native syscall table of the build's arch (src/arch/ARCH/syscallent.h):
 * numbers, names, and the class that tells the filter and the tracer how
 * much of a look each syscall needs. Numbers not in the table are unknown:
 * the filter sends them to the tracer, which denies them.
 */
#ifndef HERMETIC_SYSENT_H
#define HERMETIC_SYSENT_H

#include <stddef.h>

enum sc_class {
	SC_PLAIN, /* no look needed: allowed in BPF */
	SC_SOCKET,
	SC_CONNECT,
	SC_SENDTO,
	SC_SENDMSG,
	SC_SENDMMSG,
	SC_BIND,
	SC_LISTEN, /* refused on a socket not bound to loopback */
	SC_EXECVE,
	SC_EXECVEAT,
	SC_FORK, /* fork, vfork */
	SC_CLONE,
	SC_ESCAPE,	/* always refused */
	SC_PRCTL,	/* refused for PR_SET_DUMPABLE other than 1 */
	SC_SECCOMP,	/* refused with SECCOMP_FILTER_FLAG_NEW_LISTENER */
	SC_PERSONALITY, /* refused when it changes the execution domain */
	SC_FALLBACK,	/* ENOSYS in BPF, so libc falls back: clone3, openat2 */
	SC_OPEN,	/* open, openat: a look when the flags may write */
	SC_FS,		/* changes the filesystem (src/fsop.c has the list) */
	SC_MMAP,	/* mmap, mprotect, pkey_mprotect: a look under
			 * --block-native when executable */
	SC_IOCTL,	/* ioctl: a look under --fs-readonly for the
			 * commands that change a file's attributes */
	SC_FSMOUNT,	/* mounts, swap, quotas, acct: refused under
			 * --fs-readonly */
};

struct sysent {
	long nr;
	const char *name;
};

/* The table, sorted by number; "*n" receives its length. */
const struct sysent *sysent_table(size_t *n);

/* Name of "nr", or NULL when the table does not know it. */
const char *sysent_name(long nr);

/* Number of "name", or -1 when this arch has no such syscall. */
long sysent_nr(const char *name);

/* Class of a known "nr" (SC_PLAIN for numbers not classed). */
enum sc_class sysent_class(long nr);

#endif
