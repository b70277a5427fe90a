/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * Forking, seizing and exec'ing the target.
 */
#include "config.h"

#include <errno.h>
#include <linux/seccomp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "log.h"
#include "protect.h"
#include "spawn.h"
#include "xmalloc.h"

int
spawn_check_support(char **err)
{
	unsigned int action = SECCOMP_RET_TRACE;

	if (prctl(PR_GET_SECCOMP, 0, 0, 0, 0) < 0 && errno == EINVAL) {
		*err = xstrdup("this kernel has no seccomp support "
			       "(CONFIG_SECCOMP): hermetic cannot supervise");
		return -1;
	}
	if (syscall(SYS_seccomp, SECCOMP_GET_ACTION_AVAIL, 0, &action) < 0) {
		*err = xasprintf("seccomp filters with SECCOMP_RET_TRACE are "
				 "not available here (%s): hermetic needs "
				 "Linux 4.14 or later with "
				 "CONFIG_SECCOMP_FILTER, and no seccomp "
				 "profile that forbids seccomp(2)",
				 strerror(errno));
		return -1;
	}
	return 0;
}

static noreturn void
child_fail(int status, const char *what, int err)
{
	errno = err;
	warn_errno("%s", what);
	_exit(status);
}

static noreturn void
child_main(const struct spawn_spec *s, pid_t parent)
{
	const char *how = "";
	int rc;

	/* what hermetic changed goes back to how hermetic found it: an
	 * ignored SIGHUP (nohup) stays ignored, a blocked signal blocked */
	for (int i = 0; i < s->nsaved; i++)
		sigaction(s->saved[i].sig, &s->saved[i].sa, NULL);

	if (prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0) < 0 ||
	    getppid() != parent)
		_exit(HM_EXIT_FAILURE);
	/* wait here until the parent has seized us */
	raise(SIGSTOP);

	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0)
		child_fail(HM_EXIT_FAILURE, "cannot set no_new_privs", errno);
	rc = protect_child(s->scope_abstract_unix, &how);
	if (rc < 0)
		child_fail(HM_EXIT_FAILURE, "cannot confine the target", -rc);
	debug("self-protection: %s", how);
	rc = fswall_apply(s->fswall);
	if (rc < 0)
		child_fail(HM_EXIT_FAILURE,
			   "cannot apply the Landlock filesystem wall", -rc);
	{
		struct sock_fprog range = {s->filter->range_len,
					   s->filter->range};

		if (syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &range) <
		    0)
			child_fail(HM_EXIT_FAILURE,
				   "cannot install the seccomp filter", errno);
	}
	rc = seccomp_load(s->filter->policy);
	if (rc < 0)
		child_fail(HM_EXIT_FAILURE, "cannot install the seccomp filter",
			   -rc);

	sigprocmask(SIG_SETMASK, &s->mask, NULL);
	execve(s->path, s->argv, s->envp);
	rc = errno;
	errno = rc;
	warn_errno("cannot run %s", s->display);
	_exit(rc == ENOENT || rc == ENOTDIR ? HM_EXIT_NOT_FOUND
					    : HM_EXIT_CANNOT_EXEC);
}

static long
status_field(pid_t pid, const char *field)
{
	char path[64], line[256];
	size_t n = strlen(field);
	long v = -1;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/status", (int)pid);
	f = fopen(path, "re");
	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f))
		if (strncmp(line, field, n) == 0 && line[n] == ':') {
			v = strtol(line + n + 1, NULL, 10);
			break;
		}
	fclose(f);
	return v;
}

static int
read_int_file(const char *path)
{
	FILE *f = fopen(path, "re");
	int v = -1;

	if (!f)
		return -1;
	if (fscanf(f, "%d", &v) != 1)
		v = -1;
	fclose(f);
	return v;
}

/* Why PTRACE_SEIZE failed with "err", and what to do about it. */
static char *
explain_seize(pid_t child, int err)
{
	long tracer = status_field(child, "TracerPid");
	int yama = read_int_file("/proc/sys/kernel/yama/ptrace_scope");

	if (tracer > 0)
		return xasprintf(
		    "cannot trace the target: it is already traced by "
		    "pid %ld, since hermetic itself runs under a tracer "
		    "that follows children (strace -f, gdb); a process "
		    "can have only one tracer, so run hermetic outside "
		    "it",
		    tracer);
	if (yama == 3)
		return xstrdup("cannot trace the target: ptrace is disabled "
			       "on this system (kernel.yama.ptrace_scope = 3, "
			       "which only a reboot resets)");
	if (yama == 2)
		return xstrdup("cannot trace the target: "
			       "kernel.yama.ptrace_scope = 2 lets only "
			       "CAP_SYS_PTRACE trace; run hermetic as root or "
			       "set the sysctl to 1");
	if (err == EPERM)
		return xstrdup("cannot trace the target: ptrace is not "
			       "permitted here (a container or seccomp "
			       "profile may forbid it: Docker needs "
			       "--cap-add=SYS_PTRACE, or a profile that allows "
			       "ptrace)");
	return xasprintf("cannot trace the target: ptrace: %s", strerror(err));
}

pid_t
spawn_target(const struct spawn_spec *s, char **err)
{
	pid_t parent = getpid(), pid;
	int status, e;

	pid = fork();
	if (pid < 0) {
		*err = xasprintf("cannot fork: %s", strerror(errno));
		return -1;
	}
	if (pid == 0)
		child_main(s, parent);

	if (waitpid(pid, &status, WUNTRACED) < 0 || !WIFSTOPPED(status)) {
		*err = xstrdup("the target process died before it could be "
			       "traced");
		return -1;
	}
	if (ptrace(PTRACE_SEIZE, pid, NULL,
		   (void *)(long)SPAWN_PTRACE_OPTIONS) < 0) {
		e = errno;
		*err = explain_seize(pid, e);
		kill(pid, SIGKILL);
		waitpid(pid, &status, 0);
		return -1;
	}
	kill(pid, SIGCONT);
	return pid;
}
