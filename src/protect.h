/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * Keeping the traced tree away from its supervisor, even as root. The tree
 * cannot ptrace the supervisor or read its memory: ptrace and
 * process_vm_* are refused by the filter, and where the kernel has Landlock
 * the tree lives in its own Landlock domain, whose ptrace restriction has no
 * capability override (ABI 6 also scopes signals and abstract unix sockets
 * to the domain). Without Landlock, CAP_SYS_PTRACE leaves the tree's
 * bounding set. The supervisor itself is made non-dumpable, which keeps
 * non-root processes of the same user out of its memory.
 */
#ifndef HERMETIC_PROTECT_H
#define HERMETIC_PROTECT_H

#include <stdbool.h>

/*
 * In the child, after PR_SET_NO_NEW_PRIVS and before the filter: confine
 * the tree. "scope_abstract_unix" also scopes abstract unix sockets (only
 * when the policy denies foreign unix sockets anyway). Returns 0 or -errno;
 * "*how" says what was applied, for debug output.
 */
int protect_child(bool scope_abstract_unix, const char **how);

/* In the supervisor: become non-dumpable. */
void protect_supervisor(void);

#endif
