/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * Seccomp stops: decode the syscall (decode/), ask the policy, enforce the
 * answer (arch_deny_syscall()), report it, restart the task. The BPF filter
 * only sends here what it could not settle from registers, so everything
 * that arrives is looked at; an argument that cannot be read, a stop that
 * cannot be understood, or a syscall that should not have arrived is
 * denied.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <limits.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "arch.h"
#include "compat.h"
#include "context.h"
#include "decode/decode.h"
#include "dns.h"
#include "dnsstub.h"
#include "filter.h"
#include "log.h"
#include "mem.h"
#include "report.h"
#include "sysent.h"
#include "tracer_int.h"
#include "xmalloc.h"

#ifndef SECCOMP_FILTER_FLAG_NEW_LISTENER
#define SECCOMP_FILTER_FLAG_NEW_LISTENER (1UL << 3)
#endif
#ifndef CLONE_NEWCGROUP
#define CLONE_NEWCGROUP 0x02000000
#endif
#define CLONE_ESCAPE_FLAGS                                                     \
	((uint64_t)(CLONE_UNTRACED | CLONE_NEWNS | CLONE_NEWCGROUP |           \
		    CLONE_NEWUTS | CLONE_NEWIPC | CLONE_NEWUSER |              \
		    CLONE_NEWPID | CLONE_NEWNET))

void
outcome_deny(struct outcome *o, enum category cat, const char *reason)
{
	o->d.verdict = V_DENY;
	o->d.cat = cat;
	o->d.reason = reason;
	o->err = EPERM;
	o->report = true;
}

void
outcome_deny_quietly(struct outcome *o, int err)
{
	o->d.verdict = V_DENY;
	o->d.reason = NULL;
	o->err = err;
	o->report = false;
}

void
outcome_apply(struct outcome *o, struct decision d)
{
	o->d = d;
	if (d.verdict == V_DENY) {
		o->err = EPERM;
		o->report = true;
	}
}

/* ===== Unix sockets the tree bound itself ===== */

static void
own_unix_add(struct tracer *tr, dev_t dev, ino_t ino)
{
	tr->own_unix = xgrow(tr->own_unix, &tr->cap_own_unix,
			     tr->n_own_unix + 1, sizeof(*tr->own_unix));
	tr->own_unix[tr->n_own_unix].dev = dev;
	tr->own_unix[tr->n_own_unix].ino = ino;
	tr->n_own_unix++;
}

static bool
own_unix_has(const struct tracer *tr, const struct stat *st)
{
	for (size_t i = 0; i < tr->n_own_unix; i++)
		if (tr->own_unix[i].dev == st->st_dev &&
		    tr->own_unix[i].ino == st->st_ino)
			return true;
	return false;
}

/* ===== Network ===== */

/* Decide one destination of connect/sendto/sendmsg/bind. */
static void
check_decoded(struct tracer *tr, struct tracee *t, enum net_op op,
	      const struct hm_sockaddr *given, struct outcome *o)
{
	char real[PATH_MAX + 64], namebuf[DNS_NAME_MAX];
	bool own = false, have_real = false;
	const char *name = NULL;
	struct hm_sockaddr sa = *given;
	struct decision d;

	if (sa.family == AF_UNIX && sa.valid && !sa.unnamed && op != NET_BIND) {
		if (sa.abstract) {
			char abs[HM_UNIX_PATH_MAX + 2];

			snprintf(abs, sizeof(abs), "@%.*s", (int)sa.path_len,
				 sa.path);
			own = strlist_contains(&tr->own_abstract, abs);
		} else {
			struct stat st;
			int res = decode_resolve(t->tid, AT_FDCWD, sa.path,
						 true, real, sizeof(real));

			if (res < 0)
				errno = -res;
			else if (res > 0)
				errno = ENOTSOCK; /* a pipe: unknown here */
			if (res != 0 || stat(real, &st) < 0) {
				/* nothing listens there (nscd, say), or the
				 * task could not reach it either: the kernel
				 * says the same */
				if (errno == ENOENT || errno == ENOTDIR ||
				    errno == EACCES) {
					outcome_deny_quietly(o, errno);
					return;
				}
				/* where it leads is unknown: no rule can
				 * match it */
				outcome_deny(o, CAT_NETWORK, "no-network");
				sockaddr_format(&sa, o->detail,
						sizeof(o->detail));
				return;
			} else {
				own = own_unix_has(tr, &st);
				have_real = true;
			}
		}
	}
	d = policy_sockaddr(tr->policy, op, &sa, own, have_real ? real : NULL);
	/* the name an answer gave this address: for the allow rules, and
	 * for a line that will be printed */
	if ((sa.family == AF_INET || sa.family == AF_INET6) && sa.valid &&
	    (tr->policy->n_allow_domain || tr->policy->n_allow_host ||
	     d.verdict == V_DENY || report_wants_allowed()))
		name = dnsstub_name_of(sa.ip, namebuf, sizeof(namebuf));
	if (op != NET_BIND)
		d = policy_remote(tr->policy, &sa, name, d);
	outcome_apply(o, d);
	if (o->report || (o->d.verdict == V_ALLOW && report_wants_allowed())) {
		sockaddr_format(&sa, o->detail, sizeof(o->detail));
		if (name) {
			size_t k = strlen(o->detail);

			snprintf(o->detail + k, sizeof(o->detail) - k, " (%s)",
				 name);
		}
		o->inspected = true;
	}

	/* a unix name the tree binds becomes its own once bind succeeds */
	if (op == NET_BIND && o->d.verdict == V_ALLOW && sa.family == AF_UNIX &&
	    sa.valid && !sa.unnamed) {
		free(t->bind_name);
		t->bind_name =
		    sa.abstract ? xasprintf("@%.*s", (int)sa.path_len, sa.path)
				: xstrdup(sa.path);
		t->exit_work |= EXIT_WORK_BIND;
	}
}

/* Decide one destination of connect/sendto/sendmsg/bind, read from
 * "len" bytes at "addr". */
static void
check_sockaddr(struct tracer *tr, struct tracee *t, enum net_op op,
	       uint64_t addr, uint64_t len, struct outcome *o)
{
	struct hm_sockaddr sa;
	int rc = decode_sockaddr(t->tid, addr, len, &sa);

	if (rc < 0) {
		/* the kernel fails these the same way */
		outcome_deny_quietly(o, -rc);
		return;
	}
	check_decoded(tr, t, op, &sa, o);
}

static void
check_sendmsg(struct tracer *tr, struct tracee *t, uint64_t msg,
	      struct outcome *o)
{
	uint64_t name;
	uint32_t namelen;
	int rc = decode_msghdr_name(t->tid, msg, &name, &namelen);

	if (rc < 0) {
		outcome_deny_quietly(o, -rc);
		return;
	}
	if (name == 0) {
		/* a connected socket: its peer was checked at connect */
		o->d.verdict = V_ALLOW;
		return;
	}
	check_sockaddr(tr, t, NET_SEND, name, namelen, o);
}

static void
check_sendmmsg(struct tracer *tr, struct tracee *t, uint64_t vec,
	       unsigned int vlen, struct outcome *o)
{
	uint64_t names[1024];
	uint32_t lens[1024];
	long n = decode_mmsg_names(t->tid, vec, vlen, names, lens, 1024);

	if (n < 0) {
		outcome_deny_quietly(o, (int)-n);
		return;
	}
	o->d.verdict = V_ALLOW;
	for (long i = 0; i < n; i++) {
		if (names[i] == 0)
			continue;
		check_sockaddr(tr, t, NET_SEND, names[i], lens[i], o);
		if (o->d.verdict == V_DENY)
			return;
	}
}

/*
 * listen(fd): the kernel binds an unbound socket to every address, so look
 * at the socket's local address, through a copy of the descriptor
 * (pidfd_getfd, Linux 5.6).
 */
static void
check_listen(struct tracer *tr, struct tracee *t, int fd, struct outcome *o)
{
	struct sockaddr_storage ss;
	socklen_t len = sizeof(ss);
	struct hm_sockaddr local;
	pid_t pid = t->proc ? t->proc->tgid : t->tid;
	int sock = decode_fd_copy(pid, fd), err = -sock;

	if (sock < 0) {
		if (err == EBADF) {
			outcome_deny_quietly(o,
					     EBADF); /* as the kernel would */
			return;
		}
		snprintf(o->detail, sizeof(o->detail),
			 "fd=%d (its address is unreadable: %s)", fd,
			 strerror(err));
		outcome_deny(o, CAT_NETWORK, "no-network");
		return;
	}
	memset(&ss, 0, sizeof(ss));
	if (getsockname(sock, (struct sockaddr *)&ss, &len) < 0) {
		err = errno;
		close(sock);
		/* not a socket: the kernel refuses listen() by itself */
		outcome_deny_quietly(o, err == ENOTSOCK ? ENOTSOCK : EBADF);
		return;
	}
	close(sock);
	sockaddr_decode(&ss, len, &local);
	sockaddr_format(&local, o->detail, sizeof(o->detail));
	outcome_apply(o, policy_listen(tr->policy, &local));
	o->inspected = true;
}

/* Read what the network syscalls point at, with the peers held. */
/* bind() of a unix socket to a path under --fs-readonly: a new file.
 * Returns false when it is denied. */
static bool
check_bind_file(struct tracer *tr, struct tracee *t, const uint64_t *a,
		struct outcome *o)
{
	struct hm_sockaddr sa;

	if (decode_sockaddr(t->tid, a[1], a[2], &sa) < 0 ||
	    sa.family != AF_UNIX || !sa.valid || sa.unnamed || sa.abstract)
		return true; /* the network check (or the kernel) decides */
	return inspect_fs_bind(tr, t, sa.path, o);
}

static void
inspect_net(struct tracer *tr, struct tracee *t, enum sc_class cls,
	    const uint64_t *a, struct outcome *o)
{
	bool fs_bind = cls == SC_BIND && tr->policy->fs_readonly;

	if (!tr->policy->no_network && !fs_bind) {
		o->d.verdict = V_ALLOW;
		return;
	}
	if (cls == SC_SENDTO && a[4] == 0) {
		o->d.verdict = V_ALLOW; /* no destination given */
		return;
	}
	if (freeze_peers(tr, t) < 0) {
		snprintf(o->detail, sizeof(o->detail),
			 "(threads sharing its memory did not stop)");
		outcome_deny(o, CAT_NETWORK, "unfrozen-threads");
		return;
	}
	o->d.verdict = V_ALLOW;
	if (fs_bind && !check_bind_file(tr, t, a, o))
		cls = SC_PLAIN; /* denied: nothing more to look at */
	else if (!tr->policy->no_network)
		cls = SC_PLAIN; /* the file may be made; no network rule */
	switch (cls) {
	case SC_CONNECT: {
		struct hm_sockaddr sa;
		int rc = decode_sockaddr(t->tid, a[1], a[2], &sa);

		if (rc < 0)
			outcome_deny_quietly(o, -rc); /* as the kernel would */
		else if (!inspect_dns_connect(tr, t, (int)a[0], a[1], &sa, o))
			check_decoded(tr, t, NET_CONNECT, &sa, o);
		break;
	}
	case SC_SENDTO:
		if (!inspect_dns_send(tr, t, cls, a, o))
			check_sockaddr(tr, t, NET_SEND, a[4], a[5], o);
		break;
	case SC_BIND:
		check_sockaddr(tr, t, NET_BIND, a[1], a[2], o);
		break;
	case SC_LISTEN:
		check_listen(tr, t, (int)a[0], o);
		break;
	case SC_SENDMSG:
		if (!inspect_dns_send(tr, t, cls, a, o))
			check_sendmsg(tr, t, a[1], o);
		break;
	case SC_SENDMMSG:
		if (!inspect_dns_send(tr, t, cls, a, o))
			check_sendmmsg(tr, t, a[1], (unsigned int)a[2], o);
		t->exit_work_mmsg = true;
		break;
	default:
		break;
	}
	if (t->nheld && o->d.verdict == V_ALLOW) {
		t->exit_work |= EXIT_WORK_RELEASE; /* at the exit stop */
	} else if (t->holding) {
		freeze_release(tr, t);
		t->exit_work_mmsg = false;
	}
}

/* ===== Processes ===== */

static void
inspect_exec(struct tracer *tr, struct tracee *t, enum sc_class cls,
	     const uint64_t *a, struct outcome *o)
{
	const struct policy *p = tr->policy;
	int dirfd = cls == SC_EXECVEAT ? (int)a[0] : AT_FDCWD;
	uint64_t path_arg = cls == SC_EXECVEAT ? a[1] : a[0];
	uint64_t argv_arg = cls == SC_EXECVEAT ? a[2] : a[1];
	char path[PATH_MAX], proc_path[PATH_MAX + 64];
	bool armed = t->proc && t->proc->armed;
	bool allowed = false;
	struct stat st;
	long n;

	if (!armed || (!p->no_subprocess && !p->read_root)) {
		o->d.verdict = V_ALLOW;
		return;
	}
	if (p->read_root && freeze_peers(tr, t) < 0) {
		outcome_deny(o, CAT_FILESYSTEM, "unfrozen-threads");
		return;
	}
	n = mem_read_str(t->tid, path_arg, path, sizeof(path));
	if (n < 0 && (n != -ENAMETOOLONG || p->read_root)) {
		outcome_deny_quietly(o, (int)-n);
		goto release;
	}
	if (p->read_root &&
	    !inspect_fs_exec(
		tr, t, dirfd, path,
		!(cls == SC_EXECVEAT && (a[4] & AT_SYMLINK_NOFOLLOW)), o)) {
		if (o->d.verdict == V_DENY && o->report && p->show_argv)
			o->argv = decode_argv(t->tid, argv_arg);
		goto release;
	}
	if (!p->no_subprocess) {
		o->d.verdict = V_ALLOW;
		o->d.cat = CAT_SUBPROCESS;
		o->inspected = true;
		snprintf(o->detail, sizeof(o->detail), "path=%s", path);
		goto release;
	}
	if (decode_proc_path(t->tid, dirfd, path, proc_path,
			     sizeof(proc_path)) < 0) {
		outcome_deny_quietly(o, ENAMETOOLONG);
		goto release;
	}
	if (stat(proc_path, &st) < 0) {
		int e = errno;

		/* exec would fail by itself, and a PATH search (execvp,
		 * posix_spawnp) goes on to the next directory after these:
		 * answer as the kernel would, and report nothing */
		if (e == ENOENT || e == ENOTDIR || e == EACCES || e == ELOOP ||
		    e == ENAMETOOLONG) {
			outcome_deny_quietly(o, e);
			goto release;
		}
	} else if (!decode_may_exec(t->tid, &st)) {
		outcome_deny_quietly(o, EACCES);
		goto release;
	} else {
		allowed =
		    policy_exec_id_allowed(p, st.st_dev, st.st_ino, false);
	}
	snprintf(o->detail, sizeof(o->detail), "path=%s", path);
	outcome_apply(o, policy_exec(p, armed, allowed));
	o->inspected = true;
	if (o->d.verdict == V_DENY && p->show_argv)
		o->argv = decode_argv(t->tid, argv_arg);
release:
	if (t->nheld && o->d.verdict == V_ALLOW)
		t->exit_work |= EXIT_WORK_RELEASE; /* at the exit stop */
	else if (t->holding)
		freeze_release(tr, t);
}

static void
inspect_spawn(struct tracer *tr, struct tracee *t, enum sc_class cls,
	      const uint64_t *a, struct outcome *o)
{
	bool armed = t->proc && t->proc->armed;
	uint64_t flags = cls == SC_CLONE ? (uint32_t)a[0] : 0;

	if (cls == SC_CLONE && (flags & CLONE_ESCAPE_FLAGS)) {
		snprintf(o->detail, sizeof(o->detail), "flags=0x%llx",
			 (unsigned long long)flags);
		outcome_apply(o, policy_refuse("sandbox-escape"));
		return;
	}
	if (cls == SC_CLONE && (flags & CLONE_THREAD)) {
		o->d.verdict = V_ALLOW;
		return;
	}
	if (tr->policy->no_subprocess && tr->policy->n_allow_exec) {
		/* a process is needed to run an allowed program; its exec
		 * is checked, and it is born armed */
		o->d.verdict = V_ALLOW;
		return;
	}
	outcome_apply(o, policy_spawn(tr->policy, armed));
}

/* ===== Integrity ===== */

static void
inspect_conditional(enum sc_class cls, const uint64_t *a, struct outcome *o)
{
	bool refuse = false;

	switch (cls) {
	case SC_PRCTL:
		/* the kernel reads int arguments from the low halves */
		refuse = (int)a[0] == PR_SET_DUMPABLE && (int)a[1] != 1;
		if (refuse)
			snprintf(o->detail, sizeof(o->detail),
				 "option=PR_SET_DUMPABLE value=%d", (int)a[1]);
		break;
	case SC_SECCOMP:
		refuse =
		    ((uint32_t)a[1] & SECCOMP_FILTER_FLAG_NEW_LISTENER) != 0;
		if (refuse && a[2] == 0) {
			/* a probe of the flag (libseccomp makes one): with no
			 * program the kernel answers EFAULT by itself */
			outcome_deny_quietly(o, EFAULT);
			return;
		}
		if (refuse)
			snprintf(o->detail, sizeof(o->detail),
				 "flags=SECCOMP_FILTER_FLAG_NEW_LISTENER");
		break;
	case SC_PERSONALITY:
		refuse = (uint32_t)a[0] != 0xffffffffU &&
			 ((uint32_t)a[0] & 0xff) != 0;
		if (refuse)
			snprintf(o->detail, sizeof(o->detail), "persona=0x%x",
				 (unsigned int)(uint32_t)a[0]);
		break;
	default:
		break;
	}
	if (refuse)
		outcome_apply(o, policy_refuse("sandbox-escape"));
	else
		o->d.verdict = V_ALLOW;
}

/* ===== The stop ===== */

static void
decide(struct tracer *tr, struct tracee *t, const struct hm_syscall_info *info,
       struct outcome *o)
{
	const uint64_t *a = info->seccomp.args;
	long nr = (long)info->seccomp.nr;
	const char *name;
	enum sc_class cls;

	if (info->arch != HM_AUDIT_ARCH) {
		snprintf(o->syscall, sizeof(o->syscall), "syscall");
		snprintf(o->detail, sizeof(o->detail), "abi=%s nr=%ld",
			 info->arch == AUDIT_ARCH_I386	? "i386"
			 : info->arch == AUDIT_ARCH_ARM ? "arm"
							: "foreign",
			 nr);
		outcome_apply(o, policy_refuse("sandbox-escape"));
		return;
	}
#ifdef HM_X32_SYSCALL_BIT
	if (nr >= 0 && ((unsigned long)nr & HM_X32_SYSCALL_BIT)) {
		snprintf(o->syscall, sizeof(o->syscall), "syscall");
		snprintf(o->detail, sizeof(o->detail), "abi=x32 nr=0x%lx",
			 (unsigned long)nr);
		outcome_apply(o, policy_refuse("sandbox-escape"));
		return;
	}
#endif
	name = sysent_name(nr);
	if (!name) {
		snprintf(o->syscall, sizeof(o->syscall), "syscall");
		snprintf(o->detail, sizeof(o->detail), "nr=%ld", nr);
		outcome_apply(o, policy_refuse("unknown-syscall"));
		return;
	}
	snprintf(o->syscall, sizeof(o->syscall), "%s", name);

	switch ((cls = sysent_class(nr))) {
	case SC_SOCKET:
		sockaddr_format_socket((int)a[0], (int)a[1], (int)a[2],
				       o->detail, sizeof(o->detail));
		outcome_apply(o, policy_socket(tr->policy, (int)a[0], (int)a[1],
					       (int)a[2]));
		break;
	case SC_CONNECT:
	case SC_SENDTO:
	case SC_SENDMSG:
	case SC_SENDMMSG:
	case SC_BIND:
	case SC_LISTEN:
		inspect_net(tr, t, cls, a, o);
		break;
	case SC_EXECVE:
	case SC_EXECVEAT:
		inspect_exec(tr, t, cls, a, o);
		break;
	case SC_FORK:
	case SC_CLONE:
		inspect_spawn(tr, t, cls, a, o);
		break;
	case SC_ESCAPE:
		outcome_apply(o, policy_refuse("sandbox-escape"));
		break;
	case SC_MMAP:
		inspect_native(tr, t, name, a, o);
		break;
	case SC_OPEN:
	case SC_FS:
	case SC_IOCTL:
	case SC_FSMOUNT:
		inspect_fs(tr, t, name, cls, a, o);
		break;
	case SC_PRCTL:
	case SC_SECCOMP:
	case SC_PERSONALITY:
		inspect_conditional(cls, a, o);
		break;
	case SC_FALLBACK:
		outcome_deny_quietly(o, ENOSYS);
		break;
	case SC_PLAIN:
		/* BPF allows these; a stop means the filter and this table
		 * disagree, and doubt is a deny */
		outcome_apply(o, policy_refuse("unexpected-stop"));
		break;
	}
}

/* The protocol of socket "fd" of "pid" ("tcp", "udp", "raw"...), through
 * a copy of the descriptor; "" when it cannot be had. */
static void
socket_proto(pid_t pid, int fd, char *buf, size_t size)
{
	int sock = decode_fd_copy(pid, fd), type = 0, proto = 0;
	socklen_t len = sizeof(type);

	buf[0] = '\0';
	if (sock < 0)
		return;
	if (getsockopt(sock, SOL_SOCKET, SO_TYPE, &type, &len) == 0) {
		len = sizeof(proto);
		getsockopt(sock, SOL_SOCKET, SO_PROTOCOL, &proto, &len);
		snprintf(buf, size, "%s",
			 proto == IPPROTO_TCP	  ? "tcp"
			 : proto == IPPROTO_UDP	  ? "udp"
			 : type == SOCK_RAW	  ? "raw"
			 : proto == IPPROTO_SCTP  ? "sctp"
			 : type == SOCK_STREAM	  ? "stream"
			 : type == SOCK_DGRAM	  ? "dgram"
			 : type == SOCK_SEQPACKET ? "seqpacket"
						  : "other");
	}
	close(sock);
}

/* What a reported event adds for the log and the report: the process's
 * executable and, for a socket call, the socket's protocol. */
static void
event_extras(const struct tracee *t, const struct hm_syscall_info *info,
	     const struct outcome *o, char *exe, size_t esize, char *proto,
	     size_t psize)
{
	pid_t pid = t->proc ? t->proc->tgid : t->tid;
	char link[64];
	ssize_t n;

	snprintf(link, sizeof(link), "/proc/%d/exe", (int)pid);
	n = readlink(link, exe, esize - 1);
	exe[n > 0 ? n : 0] = '\0';
	if (o->d.cat == CAT_NETWORK && info->op == HM_SYSCALL_INFO_SECCOMP &&
	    strncmp(o->detail, "host=", 5) == 0)
		socket_proto(pid, (int)info->seccomp.args[0], proto, psize);
}

void
inspect_seccomp_stop(struct tracer *tr, struct tracee *t)
{
	struct hm_syscall_info info;
	struct outcome o = {0};
	struct context ctx;
	char exe[PATH_MAX] = "", proto[16] = "";
	bool audited = false;
	int rc;

	o.d.verdict = V_DENY;
	memset(&info, 0, sizeof(info));
	if (ptrace(PTRACE_GET_SYSCALL_INFO, t->tid, (void *)sizeof(info),
		   &info) <= 0) {
		if (errno == ESRCH)
			return; /* killed meanwhile: its exit follows */
		snprintf(o.syscall, sizeof(o.syscall), "syscall");
		snprintf(o.detail, sizeof(o.detail),
			 "(PTRACE_GET_SYSCALL_INFO failed: %s; Linux 5.3 or "
			 "later is needed)",
			 strerror(errno));
		outcome_apply(&o, policy_refuse("unreadable-stop"));
	} else if (info.op != HM_SYSCALL_INFO_SECCOMP) {
		snprintf(o.syscall, sizeof(o.syscall), "syscall");
		snprintf(o.detail, sizeof(o.detail), "(stop op %u)",
			 (unsigned int)info.op);
		outcome_apply(&o, policy_refuse("unreadable-stop"));
	} else {
		decide(tr, t, &info, &o);
	}

	/* the call site is read while the task is stopped, before its
	 * registers change */
	memset(&ctx, 0, sizeof(ctx));
	ctx.pick = -1;
	if (o.report && o.quiet_pyc) {
		/* a .pyc Python cannot cache: counted, one line at the end */
		o.report = false;
		report_pycache();
	}
	/* --audit: what the policy denies runs, and is reported as such;
	 * the always-refused calls stay refused, and a quiet deny is the
	 * kernel's own answer (or a fallback the filter relies on) */
	if (o.report && tr->policy->audit && o.d.cat != CAT_SANDBOX) {
		o.d.verdict = V_ALLOW;
		audited = true;
	} else if (!o.report && o.inspected && o.d.verdict == V_ALLOW &&
		   report_wants_allowed()) {
		o.report = true;
	}
	if (o.report && report_wants_context()) {
		context_gather(t, &ctx);
		event_extras(t, &info, &o, exe, sizeof(exe), proto,
			     sizeof(proto));
	}
	if (o.d.verdict == V_DENY) {
		rc = arch_deny_syscall(t->tid, o.err);
		if (rc < 0 && rc != -ESRCH)
			die(HM_EXIT_FAILURE,
			    "cannot deny a syscall of pid %d (%s): stopping "
			    "rather than letting it run",
			    (int)t->tid, strerror(-rc));
		t->exit_work &= ~EXIT_WORK_BIND;
	}
	if (o.report) {
		struct event ev = {
		    .pid = t->proc ? t->proc->tgid : t->tid,
		    .tid = t->tid,
		    .syscall = o.syscall,
		    .d = o.d,
		    .audited = audited,
		    .detail = o.detail,
		    .argv = o.argv,
		    .exe = exe[0] ? exe : NULL,
		    .proto = proto[0] ? proto : NULL,
		    .creates = o.creates,
		    .ctx = &ctx,
		};

		if (audited)
			ev.d.verdict = V_DENY; /* what the policy said */

		report_event(&ev);
	}
	free(o.argv);
	t->await_exit = o.d.verdict == V_ALLOW && t->exit_work != 0;
	tracer_resume(tr, t, 0);
}

void
inspect_syscall_exit(struct tracer *tr, struct tracee *t)
{
	struct hm_syscall_info info;

	memset(&info, 0, sizeof(info));
	if (ptrace(PTRACE_GET_SYSCALL_INFO, t->tid, (void *)sizeof(info),
		   &info) > 0 &&
	    info.op == HM_SYSCALL_INFO_ENTRY) {
		/* a thread followed for its DNS socket; or, on kernels
		 * before 4.8, the entry before the exit */
		if (t->dns_watch > 0)
			inspect_dns_entry(tr, t, (long)info.entry.nr,
					  info.entry.args);
		tracer_resume(tr, t, 0);
		return;
	}
	if (t->dns_check) {
		/* the connect redirected to the DNS stub has been made */
		t->dns_check = false;
		inspect_dns_verify(tr, t);
	}
	if (!t->await_exit) {
		/* the exit of a call made while followed: nothing to do */
		tracer_resume(tr, t, 0);
		return;
	}
	if ((t->exit_work & EXIT_WORK_BIND) && t->bind_name &&
	    info.op == HM_SYSCALL_INFO_EXIT && info.exit.rval == 0) {
		if (t->bind_name[0] == '@') {
			strlist_add(&tr->own_abstract, t->bind_name);
		} else {
			char path[PATH_MAX + 64];
			struct stat st;

			if (decode_proc_path(t->tid, AT_FDCWD, t->bind_name,
					     path, sizeof(path)) == 0 &&
			    stat(path, &st) == 0)
				own_unix_add(tr, st.st_dev, st.st_ino);
		}
	}
	free(t->bind_name);
	t->bind_name = NULL;
	if (t->holding)
		freeze_release(tr, t);
	t->exit_work = 0;
	t->exit_work_mmsg = false;
	t->await_exit = false;
	tracer_resume(tr, t, 0);
}
