/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * Self-protection: Landlock scoping, capability bounding, dumpability.
 * The Landlock definitions are local, since build hosts may have older
 * kernel headers than the kernels hermetic runs on.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/capability.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "landlock.h"
#include "protect.h"

static uint64_t
fs_rights(int abi)
{
	uint64_t r = (1ULL << 13) - 1;

	if (abi >= 2)
		r |= 1ULL << 13;
	if (abi >= 3)
		r |= 1ULL << 14;
	if (abi >= 5)
		r |= 1ULL << 15;
	return r;
}

/* The Landlock ABI of the running kernel, 0 when it has none. */
/* A domain that restricts nothing on the filesystem: every right that the
 * ABI handles is granted beneath "/". Used before ABI 6, where a domain
 * cannot be made from scopes alone. */
static int
landlock_fs_open_domain(int abi)
{
	struct hm_ruleset_attr attr = {.handled_access_fs = fs_rights(abi)};
	struct hm_path_beneath pb = {.allowed_access = fs_rights(abi)};
	int fd, root, rc = 0;

	fd = (int)syscall(SYS_landlock_create_ruleset, &attr,
			  sizeof(attr.handled_access_fs), 0);
	if (fd < 0)
		return -errno;
	root = open("/", O_PATH | O_CLOEXEC);
	if (root < 0) {
		rc = -errno;
		goto out_close;
	}
	pb.parent_fd = root;
	if (syscall(SYS_landlock_add_rule, fd, HM_LANDLOCK_RULE_PATH_BENEATH,
		    &pb, 0) < 0)
		rc = -errno;
	close(root);
	if (rc == 0 && syscall(SYS_landlock_restrict_self, fd, 0) < 0)
		rc = -errno;
out_close:
	close(fd);
	return rc;
}

/*
 * Take CAP_SYS_PTRACE out of the bounding and inheritable sets, so that no
 * program the tree execs has it (a root exec gets bounding | inheritable):
 * without it a root target cannot ptrace-attach to, or read the memory of,
 * processes outside the tree on kernels without Landlock. (Some read-only
 * /proc files, such as environ, stay readable to root anyway: see
 * scrub_own_environment() in hermetic.c.) As non-root the bounding drop
 * fails and only the inheritable set is cleared, which is harmless.
 */
static int
drop_ptrace_cap(void)
{
	struct __user_cap_header_struct hdr = {_LINUX_CAPABILITY_VERSION_3, 0};
	struct __user_cap_data_struct data[2];

	if (prctl(PR_CAPBSET_DROP, CAP_SYS_PTRACE, 0, 0, 0) < 0 &&
	    errno != EPERM)
		return -errno;
	if (syscall(SYS_capget, &hdr, data) < 0)
		return -errno;
	if (!(data[CAP_TO_INDEX(CAP_SYS_PTRACE)].inheritable &
	      CAP_TO_MASK(CAP_SYS_PTRACE)))
		return 0;
	data[CAP_TO_INDEX(CAP_SYS_PTRACE)].inheritable &=
	    ~CAP_TO_MASK(CAP_SYS_PTRACE);
	if (syscall(SYS_capset, &hdr, data) < 0)
		return -errno;
	return 0;
}

int
protect_child(bool scope_abstract_unix, const char **how)
{
	int abi = landlock_abi();
	int rc = drop_ptrace_cap();

	if (rc < 0)
		return rc;
	if (abi >= 6) {
		struct hm_ruleset_attr attr = {
		    .scoped = HM_LANDLOCK_SCOPE_SIGNAL |
			      (scope_abstract_unix
				   ? HM_LANDLOCK_SCOPE_ABSTRACT_UNIX_SOCKET
				   : 0),
		};
		int fd = (int)syscall(SYS_landlock_create_ruleset, &attr,
				      sizeof(attr), 0);

		if (fd >= 0) {
			rc = (int)syscall(SYS_landlock_restrict_self, fd, 0);
			close(fd);
			if (rc == 0) {
				*how =
				    scope_abstract_unix
					? "landlock domain (ptrace, signal and "
					  "abstract unix socket scopes)"
					: "landlock domain (ptrace and signal "
					  "scopes)";
				return 0;
			}
		}
	}
	if (abi >= 2 && landlock_fs_open_domain(abi) == 0) {
		*how = "landlock domain (ptrace scope)";
		return 0;
	}
	*how = "no landlock domain; CAP_SYS_PTRACE dropped";
	return 0;
}

void
protect_supervisor(void)
{
	prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
}
