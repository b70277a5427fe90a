/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * --fs-readonly=ROOT: which files a program may open for reading or run.
 * Pure: the paths come resolved, the interpreter's directories worked out
 * by readroot.c.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "policy.h"

/* What any program needs to start and to run its standard library: the
 * dynamic loader's cache and the shared libraries (the interpreters of
 * Debian and most distributions keep their standard library below these
 * too), locale, time zone and TLS data, and a few harmless devices. */
static const char *const read_system[] = {
    "/lib",
    "/lib32",
    "/lib64",
    "/libx32",
    "/usr/lib",
    "/usr/lib32",
    "/usr/lib64",
    "/usr/libx32",
    "/usr/local/lib",
    "/etc/ld.so.cache",
    "/etc/localtime",
    "/usr/share/zoneinfo",
    "/usr/share/locale",
    "/etc/locale.alias",
    "/usr/share/i18n",
    "/etc/ssl",
    "/usr/share/ca-certificates",
    "/sys/devices/system/cpu",
    "/proc/sys/vm/overcommit_memory",
    "/dev/null",
    "/dev/zero",
    "/dev/full",
    "/dev/random",
    "/dev/urandom",
    "/dev/tty",
};

const char *const *
policy_read_system(size_t *n)
{
	*n = sizeof(read_system) / sizeof(*read_system);
	return read_system;
}

static bool
below_any(const char *real, char *const *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (v[i] && v[i][0] == '/' && policy_path_below(real, v[i]))
			return true;
	return false;
}

/* Is "real" in /proc/ID of the task (its process or its thread)? */
static bool
own_proc(const char *real, pid_t tgid, pid_t tid)
{
	char dir[32];

	snprintf(dir, sizeof(dir), "/proc/%d", (int)tgid);
	if (tgid > 0 && policy_path_below(real, dir))
		return true;
	snprintf(dir, sizeof(dir), "/proc/%d", (int)tid);
	return tid > 0 && policy_path_below(real, dir);
}

struct decision
policy_read(const struct policy *p, const char *real, char *const *prog,
	    size_t n_prog, pid_t tgid, pid_t tid)
{
	struct decision d = {V_ALLOW, CAT_FILESYSTEM, NULL};
	size_t nsys;
	const char *const *sys = policy_read_system(&nsys);

	if (!p->read_root)
		return d;
	if (real && real[0] == '/') {
		if (policy_path_below(real, p->read_root) ||
		    below_any(real, p->allow_read, p->n_allow_read) ||
		    below_any(real, p->allow_write, p->n_allow_write) ||
		    below_any(real, prog, n_prog) ||
		    below_any(real, (char *const *)sys, nsys) ||
		    own_proc(real, tgid, tid))
			return d;
	}
	d.verdict = V_DENY;
	d.reason = "read-outside-root";
	return d;
}
