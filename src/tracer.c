/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * The wait loop and the process events (fork, vfork, clone, exec, exit,
 * group-stops, signals). Stops are classified as in ptrace(2) for a seized
 * tracee: PTRACE_EVENT_* in status >> 16; PTRACE_EVENT_STOP with a stop
 * signal is a group-stop (restarted with PTRACE_LISTEN so it stays
 * stopped), with SIGTRAP an interrupt or the first stop of a new task;
 * SIGTRAP|0x80 a syscall-exit stop (only after a PTRACE_SYSCALL restart);
 * any other signal a signal-delivery-stop, re-injected unchanged.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "arch.h"
#include "decode/decode.h"
#include "pyimage.h"
#include "readroot.h"
#include "log.h"
#include "tracer.h"
#include "tracer_int.h"
#include "xmalloc.h"

/* The target's pid while it lives, for signal forwarding. */
static volatile sig_atomic_t forward_pid;

void
tracer_forward_signal(int sig)
{
	pid_t pid = (pid_t)forward_pid;

	if (pid > 0)
		kill(pid, sig);
}

void
tracer_queue(struct tracer *tr, pid_t tid, int status)
{
	tr->queue =
	    xgrow(tr->queue, &tr->capqueue, tr->nqueue + 1, sizeof(*tr->queue));
	tr->queue[tr->nqueue].tid = tid;
	tr->queue[tr->nqueue].status = status;
	tr->nqueue++;
}

void
tracer_resume(struct tracer *tr, struct tracee *t, int sig)
{
	long req =
	    t->await_exit || t->dns_watch > 0 ? PTRACE_SYSCALL : PTRACE_CONT;

	if (t->held_by) {
		/* restarted by freeze_release() */
		t->resume_on_release = true;
		return;
	}
	if (ptrace(req, t->tid, NULL, (void *)(long)sig) < 0 && errno != ESRCH)
		warn_errno("cannot restart pid %d", (int)t->tid);
	t->stopped = false;
}

static void
listen_stop(struct tracee *t)
{
	if (ptrace(PTRACE_LISTEN, t->tid, NULL, NULL) < 0 && errno != ESRCH)
		warn_errno("cannot leave pid %d in its group-stop",
			   (int)t->tid);
	t->stopped = false;
}

/* ===== Task events ===== */

static void dispatch(struct tracer *tr, pid_t tid, int status);

static void
on_death(struct tracer *tr, struct tracee *t, pid_t tid, int status)
{
	if (t) {
		if (t->nheld)
			freeze_release(tr, t);
		if (t->held_by)
			freeze_forget(tr, t);
		tracee_del(t);
	}
	if (tid == tr->target) {
		tr->target_exited = true;
		tr->target_status = status;
		forward_pid = 0;
	}
}

static void
on_clone(struct tracer *tr, struct tracee *t, int ev)
{
	unsigned long msg = 0;
	uint64_t flags = 0;
	struct tracee *child;
	struct proc *proc;
	struct mm *mm;
	pid_t tid;

	if (ptrace(PTRACE_GETEVENTMSG, t->tid, NULL, &msg) < 0) {
		tracer_resume(tr, t, 0);
		return;
	}
	tid = (pid_t)msg;
	if (arch_clone_flags(t->tid, &flags) < 0) {
		/* unreadable: assume the most sharing, which freezes more */
		flags = ev == PTRACE_EVENT_FORK	   ? SIGCHLD
			: ev == PTRACE_EVENT_VFORK ? (CLONE_VM | CLONE_VFORK)
						   : (CLONE_VM | CLONE_THREAD);
	}
	if (flags & CLONE_THREAD) {
		proc = t->proc;
	} else {
		proc = proc_new(tid);
		proc->armed = t->proc->armed; /* born armed */
		for (size_t i = 0; i < t->proc->read_dirs.n; i++)
			strlist_add(&proc->read_dirs, t->proc->read_dirs.v[i]);
	}
	mm = (flags & CLONE_VM) ? t->mm : mm_new();

	child = tracee_find(tid);
	if (child && child->orphan) {
		int st = child->orphan_status;

		tracee_adopt(child, proc, mm);
		if (!(flags & CLONE_THREAD))
			child->forked_by = t->tid;
		dispatch(tr, tid, st);
	} else if (!child) {
		child = tracee_add(tid, proc, mm);
		if (!(flags & CLONE_THREAD))
			child->forked_by = t->tid;
	}
	if (ev == PTRACE_EVENT_VFORK)
		t->in_vfork = true;
	tracer_resume(tr, t, 0);
}

/* Does the image "tid" now runs embed CPython? Unreadable: yes, so that
 * doubt arms the process. */
static bool
image_is_python(pid_t tid)
{
	char path[64];
	enum pyimage r;
	int fd;

	snprintf(path, sizeof(path), "/proc/%d/exe", (int)tid);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return true;
	r = pyimage_scan_fd(fd);
	close(fd);
	return r == PYIMAGE_PYTHON || r == PYIMAGE_UNKNOWN;
}

static bool
stat_allowed(const struct policy *p, const char *path, bool image)
{
	struct stat st;

	return stat(path, &st) == 0 &&
	       policy_exec_id_allowed(p, st.st_dev, st.st_ino, image);
}

/*
 * After an exec by an armed process: the image must be one that
 * --allow-exec lets run (the check at the seccomp stop could be raced).
 * For a #! script the image is its interpreter; then the script itself,
 * which the kernel put in argv[1] or argv[2], must be an allowed file.
 */
static bool
image_allowed(const struct policy *p, pid_t tid)
{
	char path[64], cmd[PATH_MAX * 2 + 16], arg[PATH_MAX + 64];
	ssize_t n;
	size_t off;
	int fd;

	snprintf(path, sizeof(path), "/proc/%d/exe", (int)tid);
	if (stat_allowed(p, path, false))
		return true;
	if (!stat_allowed(p, path, true))
		return false;
	snprintf(path, sizeof(path), "/proc/%d/cmdline", (int)tid);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return false;
	n = read(fd, cmd, sizeof(cmd) - 1);
	close(fd);
	if (n <= 0)
		return false;
	cmd[n] = '\0';
	off = strlen(cmd) + 1; /* skip argv[0], the interpreter */
	for (int i = 1; i <= 2 && off < (size_t)n; i++) {
		const char *a = cmd + off;

		if (decode_proc_path(tid, AT_FDCWD, a, arg, sizeof(arg)) == 0 &&
		    stat_allowed(p, arg, false))
			return true;
		off += strlen(a) + 1;
	}
	return false;
}

/* Under --fs-readonly=ROOT: what the program "proc" now runs needs to
 * read, from its executable and the path its exec was given. */
static void
learn_program(struct proc *proc, pid_t tid)
{
	char link[64], exe[PATH_MAX];
	ssize_t n;

	snprintf(link, sizeof(link), "/proc/%d/exe", (int)tid);
	n = readlink(link, exe, sizeof(exe) - 1);
	strlist_free(&proc->read_dirs);
	if (n > 0) {
		exe[n] = '\0';
		readroot_program_dirs(exe, proc->exec_path, &proc->read_dirs);
	}
	free(proc->exec_path);
	proc->exec_path = NULL;
	for (size_t i = 0; i < proc->read_dirs.n; i++)
		debug("pid %d may read %s", (int)tid, proc->read_dirs.v[i]);
}

static void
on_exec(struct tracer *tr, struct tracee *t)
{
	const struct policy *p = tr->policy;
	unsigned long former = 0;
	struct proc *proc;
	bool first;

	/* a non-leader exec: the execing thread takes the leader's tid, and
	 * the old leader vanishes without an exit of its own */
	if (ptrace(PTRACE_GETEVENTMSG, t->tid, NULL, &former) == 0 &&
	    (pid_t)former != t->tid) {
		struct tracee *f = tracee_find((pid_t)former);

		if (f) {
			pid_t leader = t->tid;

			on_death(tr, t, 0, 0);
			tracee_rename(f, leader);
			t = f;
			t->stopped = true;
		}
	}
	if (t->nheld)
		freeze_release(tr, t);
	t->await_exit = false;
	t->exit_work = 0;
	t->forked_by = 0;
	t->dns_watch = 0;
	t->dns_check = false;
	tracee_set_mm(t, mm_new());

	proc = t->proc;
	first = !proc->execed;
	proc->execed = true;
	if (p->read_root)
		learn_program(proc, t->tid);
	if (p->no_subprocess || p->block_native || p->read_root) {
		if (proc->armed) {
			if (p->no_subprocess && !p->audit &&
			    !image_allowed(p, t->tid)) {
				warn("pid %d exec'd a program that "
				     "--allow-exec does not allow (a raced "
				     "path?): killed",
				     (int)t->tid);
				kill(t->tid, SIGKILL);
			}
		} else if (proc->initial && first && !tr->target_python) {
			proc->armed = true;
			debug("pid %d armed: the target is not a Python "
			      "program",
			      (int)t->tid);
		} else if (image_is_python(t->tid)) {
			proc->armed = true;
			debug("pid %d armed: it runs a Python interpreter",
			      (int)t->tid);
		}
	}
	tracer_resume(tr, t, 0);
}

static bool
is_stop_signal(int sig)
{
	return sig == SIGSTOP || sig == SIGTSTP || sig == SIGTTIN ||
	       sig == SIGTTOU;
}

static void
dispatch(struct tracer *tr, pid_t tid, int status)
{
	struct tracee *t = tracee_find(tid);
	int ev, sig;

	if (WIFEXITED(status) || WIFSIGNALED(status)) {
		on_death(tr, t, tid, status);
		return;
	}
	if (!WIFSTOPPED(status))
		return;
	if (!t) {
		/* a new task that stops before its parent's clone event: keep
		 * it stopped until that event says what it inherits */
		t = tracee_add(tid, NULL, NULL);
		t->stopped = true;
		t->orphan_status = status;
		return;
	}
	t->stopped = true;
	ev = (int)((unsigned int)status >> 16);
	sig = WSTOPSIG(status);
	switch (ev) {
	case PTRACE_EVENT_SECCOMP:
		inspect_seccomp_stop(tr, t);
		break;
	case PTRACE_EVENT_FORK:
	case PTRACE_EVENT_VFORK:
	case PTRACE_EVENT_CLONE:
		on_clone(tr, t, ev);
		break;
	case PTRACE_EVENT_VFORK_DONE:
		t->in_vfork = false;
		tracer_resume(tr, t, 0);
		break;
	case PTRACE_EVENT_EXEC:
		on_exec(tr, t);
		break;
	case PTRACE_EVENT_STOP:
		if (is_stop_signal(sig))
			listen_stop(t);
		else
			tracer_resume(tr, t, 0);
		break;
	case 0:
		if (sig == (SIGTRAP | 0x80))
			inspect_syscall_exit(tr, t);
		else
			tracer_resume(tr, t, sig);
		break;
	default:
		tracer_resume(tr, t, 0);
		break;
	}
}

/* ===== The loop ===== */

static bool
held(pid_t tid)
{
	struct tracee *t = tracee_find(tid);

	return t && t->held_by;
}

static long
usec_between(const struct timespec *a, const struct timespec *b)
{
	return (b->tv_sec - a->tv_sec) * 1000000L +
	       (b->tv_nsec - a->tv_nsec) / 1000;
}

/*
 * While stops come in quick succession, poll for the next one for up to
 * SPIN_US before sleeping in waitpid(): a stop that arrives while hermetic
 * polls is taken at once, where waking a sleeping supervisor on an idle
 * CPU costs tens of microseconds on virtual machines. Only while stops
 * are SPIN_RECENT_US apart or closer, so an idle program costs nothing.
 * Returns the pid waitpid() gave, or 0 when none came.
 */
#define SPIN_US 250
#define SPIN_RECENT_US 500

static pid_t
poll_briefly(struct tracer *tr, int *status)
{
	struct timespec start, now;
	pid_t pid = 0;

	clock_gettime(CLOCK_MONOTONIC, &start);
	if (tr->last_stop.tv_sec == 0 ||
	    usec_between(&tr->last_stop, &start) > SPIN_RECENT_US)
		return 0;
	do {
		pid = waitpid(-1, status, __WALL | WNOHANG);
		if (pid != 0)
			break;
		clock_gettime(CLOCK_MONOTONIC, &now);
	} while (usec_between(&start, &now) < SPIN_US);
	return pid;
}

/* The next status to handle: a queued one whose task is not held, else
 * one from the kernel. False when no traced task is left. */
static bool
next_status(struct tracer *tr, pid_t *tid, int *status)
{
	sigset_t chld;

	for (size_t i = 0; i < tr->nqueue; i++) {
		if (held(tr->queue[i].tid))
			continue;
		*tid = tr->queue[i].tid;
		*status = tr->queue[i].status;
		memmove(&tr->queue[i], &tr->queue[i + 1],
			(tr->nqueue - i - 1) * sizeof(*tr->queue));
		tr->nqueue--;
		return true;
	}
	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	for (;;) {
		int ms = freeze_check(tr);
		pid_t pid = ms < 0 ? poll_briefly(tr, status) : 0;

		if (pid == 0)
			pid = waitpid(-1, status,
				      __WALL | (ms >= 0 ? WNOHANG : 0));
		if (pid > 0) {
			clock_gettime(CLOCK_MONOTONIC, &tr->last_stop);
			*tid = pid;
			return true;
		}
		if (pid < 0 && errno == ECHILD)
			return false;
		if (pid < 0 && errno != EINTR)
			die_errno(HM_EXIT_FAILURE, "waitpid");
		if (pid == 0) {
			struct timespec ts = {0, (long)ms * 1000000L};

			/* a stop notifies us with SIGCHLD, which is blocked
			 * and so stays pending until taken here */
			sigtimedwait(&chld, NULL, &ts);
		}
	}
}

/* The target exited: kill what is left of its tree, counting processes. */
static void
kill_rest(struct tracer *tr)
{
	tr->killing = true;
	for (struct tracee *t = tracee_first(); t; t = tracee_next(t)) {
		if (!t->proc || !t->proc->killed) {
			tr->killed++;
			if (t->proc)
				t->proc->killed = true;
		}
		kill(t->tid, SIGKILL);
	}
}

int
tracer_run(const struct tracer_config *cfg, unsigned int *killed)
{
	struct tracer tr = {0};
	struct proc *proc;
	pid_t tid;
	int status;

	tr.policy = cfg->policy;
	tr.target = cfg->target;
	tr.target_python = cfg->target_python;
	tr.no_freeze = cfg->no_freeze;

	proc = proc_new(cfg->target);
	proc->initial = true;
	if (cfg->target_path)
		proc->exec_path = xstrdup(cfg->target_path);
	tracee_add(cfg->target, proc, mm_new());
	forward_pid = cfg->target;
	/* signals that came while the target was being started are
	 * forwarded now */
	sigprocmask(SIG_UNBLOCK, &cfg->unblock, NULL);

	while (next_status(&tr, &tid, &status)) {
		dispatch(&tr, tid, status);
		if (tr.target_exited && !tr.killing)
			kill_rest(&tr);
		if (tr.target_exited && tracee_count() == 0)
			break;
	}
	/* reap anything that raced with the end */
	while (waitpid(-1, &status, __WALL | WNOHANG) > 0)
		;
	for (struct tracee *t = tracee_first(); t; t = tracee_first())
		tracee_del(t);
	free(tr.queue);
	free(tr.own_unix);
	strlist_free(&tr.own_abstract);
	*killed = tr.killed;
	/* no status (the tree vanished): report it as killed */
	return tr.target_exited ? tr.target_status : SIGKILL;
}
