/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * --fs-readonly=ROOT: the paths of the policy resolved as the kernel will
 * find them, and what a program's interpreter needs to read, worked out
 * from the interpreter itself (its executable, the prefix above it, a
 * virtual environment around the path it was run by). These functions
 * look at the filesystem; the decision is policy_read() (pure).
 */
#ifndef HERMETIC_READROOT_H
#define HERMETIC_READROOT_H

#include "cli.h"
#include "policy.h"
#include "strlist.h"
#include "target.h"

/*
 * Resolve p->read_root (an existing directory) and the --allow-read
 * entries (existing files or directories) with realpath, and add "files"
 * (NULL-terminated: the target's own script and program, which the user
 * named) to the --allow-read entries. Returns 0, or -1 with "*err" set to
 * the message (free(3)).
 */
int readroot_resolve(struct policy *p, char *const *files, char **err);

/*
 * Append to "out" what the program whose executable is "exe" (resolved)
 * needs to read, when run by the path "invoked" (the path given to exec
 * with its directories resolved and its last component not followed, or
 * NULL): "exe" itself, PREFIX/lib and PREFIX/lib64 for the directory
 * PREFIX above the one holding it, /etc/NAME for an executable NAME
 * beginning with "python" (Debian keeps sitecustomize.py there), and for a
 * virtual environment (pyvenv.cfg beside "invoked" or one directory up)
 * that file and the environment's lib and lib64.
 */
void readroot_program_dirs(const char *exe, const char *invoked,
			   struct strlist *out);

/*
 * Under --fs-readonly=ROOT, everything above for target "t" of options
 * "o": the policy's paths resolved (the target's script and program
 * allowed), and into "reads" what its interpreter needs when it is known
 * before it runs (the #! chain to a Python ELF, not a pyenv shim): then
 * returns 1, and 0 when it is not known. -1 with "*err" set on bad input.
 */
int readroot_setup(struct policy *p, const struct options *o,
		   const struct target *t, const char *path_env,
		   struct strlist *reads, char **err);

#endif
