/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * Unit tests of the seccomp filters (filter.c). filter_build() makes two
 * programs for a policy: the libseccomp policy filter (exported here with
 * seccomp_export_bpf()) and the range filter. Each table row (policy,
 * arch, syscall number, arguments) runs through both in the simulator of
 * tests/lib/bpf_sim.c, combined as the kernel combines stacked filters,
 * and the action and data are compared with the expected ones. Rows cover
 * the register-only conditions (socket families, sendto without an
 * address, clone flags, prctl, seccomp, personality), garbage in the
 * upper half of 32-bit arguments, the always-refused and fallback
 * syscalls, unknown numbers, x32 numbers, nr -1 and foreign arches, and
 * under --fs-readonly the opens that may write, the calls that change the
 * filesystem, bind (a unix socket's name is a new file) and the ioctl
 * commands of the file-attribute types, and under --block-native the
 * mmap, mprotect and pkey_mprotect calls that ask for PROT_EXEC, and
 * under --deny-import every open and openat, whatever its flags. Then
 * every syscall of sysent is checked against its class, each filter on
 * its own against its part of the job, socket() against policy_socket()
 * and open/openat against policy_open_writes() (and --deny-import) over
 * a wide range of arguments, so that BPF and the tracer agree, ioctl over
 * every command type, the protection argument of the mapping calls over
 * every low byte and a sweep of the rest, and each guard's rules touch no
 * other syscall.
 *
 * The rows use x86_64 numbers; on other arches the binary says so and
 * exits 77 (skipped).
 */
#include "config.h"

#include <stdio.h>

#include "check_common.h"

#if defined(__x86_64__)

#include <errno.h>
#include <fcntl.h>
#include <linux/audit.h>
#include <linux/netlink.h>
#include <linux/seccomp.h>
#include <netinet/in.h>
#include <sched.h>
#include <signal.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include "bpf_sim.h"
#include "filter.h"
#include "policy.h"
#include "sysent.h"

#ifndef SECCOMP_FILTER_FLAG_NEW_LISTENER
#define SECCOMP_FILTER_FLAG_NEW_LISTENER (1UL << 3)
#endif
#ifndef CLONE_NEWCGROUP
#define CLONE_NEWCGROUP 0x02000000
#endif

#define X32_BIT 0x40000000U

/* The flags glibc's pthread_create() passes to clone. */
#define THREAD_FLAGS                                                           \
	(CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD |    \
	 CLONE_SYSVSEM | CLONE_SETTLS | CLONE_PARENT_SETTID |                  \
	 CLONE_CHILD_CLEARTID)
/* What fork() passes. */
#define FORK_FLAGS (CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID | SIGCHLD)

#define UPPER 0xdeadbeef00000000ULL
/* AT_FDCWD as the register holds it */
#define FDCWD ((uint64_t)(int64_t)AT_FDCWD)
/* A path address whose low bits, read as open flags, would write:
 * accmode 3, O_CREAT, O_TRUNC, O_APPEND. */
#define DECOY 0x7ffc00000643ULL

/* ioctl commands, as <linux/fs.h>, <linux/fiemap.h>, <asm/termbits.h> and
 * btrfs define them (written out, to need none of those headers). The
 * types the filter sends to the tracer under --fs-readonly: 'f', 'X' and
 * btrfs's 0x94; the tracer then denies those that only pass data in
 * (_IOW) on a file outside --allow-write. */
#define FS_IOC_GETFLAGS_ _IOR('f', 1, long)	   /* 0x80086601 */
#define FS_IOC_SETFLAGS_ _IOW('f', 2, long)	   /* 0x40086602 */
#define FS_IOC_FIEMAP_ _IOWR('f', 11, char[32])	   /* 0xc020660b */
#define FS_IOC_FSGETXATTR_ _IOR('X', 31, char[28]) /* 0x801c581f */
#define FS_IOC_FSSETXATTR_ _IOW('X', 32, char[28]) /* 0x401c5820 */
#define FICLONE_ _IOW(0x94, 9, int)		   /* 0x40049409 */
#define BTRFS_IOC_SNAP_CREATE_ _IOW(0x94, 1, char[4096])
#define TCGETS_ 0x5401
#define TIOCGWINSZ_ 0x5413
#define FIONREAD_ 0x541B
#define FIOCLEX_ 0x5451

/* Is "cmd" (the low half: the kernel reads an unsigned int) of a type the
 * filter sends to the tracer under --fs-readonly? Written from the list
 * above, not from filter.c. */
static bool
fs_ioctl_cmd(uint64_t cmd)
{
	uint32_t type = ((uint32_t)cmd >> 8) & 0xff;

	return type == 'f' || type == 'X' || type == 0x94;
}

/* The policies of the rows. */
enum pol {
	P_NONE,	  /* no guard */
	P_NET,	  /* --no-network */
	P_SUB,	  /* --no-subprocess */
	P_BOTH,	  /* both */
	P_FS,	  /* --fs-readonly */
	P_FS_LL,  /* --fs-readonly, HERMETIC_TEST_LANDLOCK_ONLY */
	P_ALL,	  /* --no-network --no-subprocess --fs-readonly */
	P_NATIVE, /* --block-native */
	P_EVERY,  /* P_ALL and --block-native */
	P_IMPORT, /* --deny-import */
	P_COUNT,
};

static const char *const pol_names[] = {
    "none",	   "no-network",   "no-subprocess",
    "both",	   "fs-readonly",  "fs-readonly landlock-only",
    "all",	   "block-native", "all and block-native",
    "deny-import",
};

static bool
pol_net(int p)
{
	return p == P_NET || p == P_BOTH || p == P_ALL || p == P_EVERY;
}

static bool
pol_sub(int p)
{
	return p == P_SUB || p == P_BOTH || p == P_ALL || p == P_EVERY;
}

/* --fs-readonly with the tracer looking (not Landlock alone) */
static bool
pol_fs(int p)
{
	return p == P_FS || p == P_ALL || p == P_EVERY;
}

static bool
pol_native(int p)
{
	return p == P_NATIVE || p == P_EVERY;
}

/* --deny-import: the tracer looks at every open */
static bool
pol_import(int p)
{
	return p == P_IMPORT;
}

/* How many of the policies have --fs-readonly with the tracer looking. */
static unsigned int
n_fs_pols(void)
{
	unsigned int n = 0;

	for (int p = 0; p < P_COUNT; p++)
		n += pol_fs(p);
	return n;
}

/* The two programs of each of the policies, built once per process:
 * the libseccomp policy filter (exported with seccomp_export_bpf()) and
 * the range filter. */
struct progs {
	struct bpf_prog policy;
	struct bpf_prog range;
};

static struct progs progs[P_COUNT];

static void
build_progs(enum pol which, struct progs *out)
{
	static char *deny_import[] = {(char *)"mymod"};
	struct policy p;
	struct filter f;
	char *err = NULL, msg[256];
	int fd, rc;

	memset(&p, 0, sizeof(p));
	p.no_network = pol_net(which);
	p.no_subprocess = pol_sub(which);
	p.fs_readonly = pol_fs(which) || which == P_FS_LL;
	p.fs_landlock_only = which == P_FS_LL;
	p.block_native = pol_native(which);
	if (pol_import(which)) {
		p.deny_import = deny_import;
		p.n_deny_import = HM_ARRAY_SIZE(deny_import);
	}
	rc = filter_build(&p, &f, &err);
	ck_assert_msg(rc == 0, "filter_build(%s): %s", pol_names[which],
		      err ? err : "");
	ck_assert_ptr_nonnull(f.policy);
	ck_assert_ptr_nonnull(f.range);
	ck_assert_uint_gt(f.range_len, 0);
	fd = memfd_create("hermetic-bpf", MFD_CLOEXEC);
	ck_assert_msg(fd >= 0, "memfd_create failed");
	rc = seccomp_export_bpf(f.policy, fd);
	ck_assert_msg(rc == 0, "seccomp_export_bpf: %s", strerror(-rc));
	rc = bpf_prog_read(fd, &out->policy, msg, sizeof(msg));
	ck_assert_msg(rc == 0, "%s", msg);
	close(fd);
	out->range.len = f.range_len;
	out->range.insns = malloc(f.range_len * sizeof(*f.range));
	ck_assert_ptr_nonnull(out->range.insns);
	memcpy(out->range.insns, f.range, f.range_len * sizeof(*f.range));
	filter_free(&f);
	ck_assert_ptr_null(f.policy);
	ck_assert_ptr_null(f.range);
}

static void
progs_setup(void)
{
	for (int i = 0; i < P_COUNT; i++)
		if (!progs[i].policy.insns)
			build_progs((enum pol)i, &progs[i]);
}

static void
progs_teardown(void)
{
	for (int i = 0; i < P_COUNT; i++) {
		bpf_prog_free(&progs[i].policy);
		bpf_prog_free(&progs[i].range);
	}
}

static uint32_t
run_one(const struct bpf_prog *prog, const char *which,
	const struct seccomp_data *d)
{
	char msg[256];
	uint32_t ret;

	HM_CHECK(bpf_sim_run(prog, d, &ret, msg, sizeof(msg)) == 0,
		 "%s filter, nr %d: %s", which, d->nr, msg);
	return ret;
}

static struct seccomp_data
data_of(uint32_t arch, int nr, const uint64_t args[6])
{
	struct seccomp_data d;

	memset(&d, 0, sizeof(d));
	d.nr = nr;
	d.arch = arch;
	d.instruction_pointer = 0x401000;
	for (int i = 0; i < 6; i++)
		d.args[i] = args ? args[i] : 0;
	return d;
}

/* The precedence of an action, as the kernel's ACTION_ONLY() compares
 * them: signed, lower wins (KILL_PROCESS is negative). */
static int32_t
action_rank(uint32_t ret)
{
	return (int32_t)(ret & SECCOMP_RET_ACTION_FULL);
}

/*
 * Run one syscall through the stacked filters of "which" as the kernel
 * does (seccomp_run_filters()): every filter runs, newest first, and a
 * result replaces the one so far only when its action ranks strictly
 * higher, so on a tie the newer filter's data stays. spawn.c installs the
 * range filter first and the policy filter over it.
 */
static uint32_t
run(enum pol which, uint32_t arch, int nr, const uint64_t args[6])
{
	struct seccomp_data d = data_of(arch, nr, args);
	const struct bpf_prog *stack[2] = {&progs[which].policy,
					   &progs[which].range};
	static const char *const names[2] = {"policy", "range"};
	uint32_t ret = SECCOMP_RET_ALLOW;

	for (int i = 0; i < 2; i++) {
		uint32_t cur = run_one(stack[i], names[i], &d);

		if (action_rank(cur) < action_rank(ret))
			ret = cur;
	}
	return ret;
}

#define ALLOW SECCOMP_RET_ALLOW
#define TRACE_CHECK (SECCOMP_RET_TRACE | FILTER_TAG_CHECK)
#define TRACE_ABI (SECCOMP_RET_TRACE | FILTER_TAG_ABI)
#define ENOSYS_RET (SECCOMP_RET_ERRNO | ENOSYS)

static const char *
action_name(uint32_t ret, char *buf, size_t size)
{
	switch (ret & SECCOMP_RET_ACTION_FULL) {
	case SECCOMP_RET_ALLOW:
		snprintf(buf, size, "ALLOW");
		break;
	case SECCOMP_RET_TRACE:
		snprintf(buf, size, "TRACE(%u)", ret & SECCOMP_RET_DATA);
		break;
	case SECCOMP_RET_ERRNO:
		snprintf(buf, size, "ERRNO(%u)", ret & SECCOMP_RET_DATA);
		break;
	default:
		snprintf(buf, size, "0x%08x", ret);
		break;
	}
	return buf;
}

/* A row: under policies "pols" (a bit per enum pol), the syscall must
 * give "want". */
struct row {
	const char *what;
	unsigned int pols;
	uint32_t arch;
	int nr;
	uint64_t args[6];
	uint32_t want;
};

#define PB(p) (1U << (p))
#define ALL_POLS (PB(P_COUNT) - 1)
#define NET_ON (PB(P_NET) | PB(P_BOTH) | PB(P_ALL) | PB(P_EVERY))
#define NET_OFF (ALL_POLS & ~NET_ON)
#define SUB_ON (PB(P_SUB) | PB(P_BOTH) | PB(P_ALL) | PB(P_EVERY))
#define SUB_OFF (ALL_POLS & ~SUB_ON)
/* the tracer looks at the filesystem */
#define FS_ON (PB(P_FS) | PB(P_ALL) | PB(P_EVERY))
#define FS_OFF (ALL_POLS & ~FS_ON)
#define NET_OR_FS (NET_ON | FS_ON) /* bind: either guard looks */
#define NEITHER (ALL_POLS & ~NET_OR_FS)
#define NATIVE_ON (PB(P_NATIVE) | PB(P_EVERY))
#define NATIVE_OFF (ALL_POLS & ~NATIVE_ON)
/* the tracer looks at every open and openat, whatever the flags */
#define IMPORT_ON PB(P_IMPORT)
#define IMPORT_OFF (ALL_POLS & ~IMPORT_ON)
#define FS_IMPORT_OFF (FS_OFF & ~IMPORT_ON) /* neither looks */
#define X86 AUDIT_ARCH_X86_64

/* clang-format off */
static const struct row rows[] = {
	{ "read(0)", ALL_POLS, X86, 0, { 0 }, ALLOW },
	{ "write(1)", ALL_POLS, X86, 1, { 1 }, ALLOW },
	{ "exit_group", ALL_POLS, X86, 231, { 0 }, ALLOW },
	{ "read with garbage args", ALL_POLS, X86, 0, { ~0ULL, ~0ULL, ~0ULL }, ALLOW },

	/* connect, bind, sendmsg: the tracer decides under --no-network */
	{ "connect", NET_OFF, X86, 42, { 3, 0x7000, 16 }, ALLOW },
	{ "connect", NET_ON, X86, 42, { 3, 0x7000, 16 }, TRACE_CHECK },
	/* bind also under --fs-readonly: a unix socket bound to a path is
	 * a new file (not with Landlock alone) */
	{ "bind", NEITHER, X86, 49, { 3, 0x7000, 16 }, ALLOW },
	{ "bind", NET_OR_FS, X86, 49, { 3, 0x7000, 16 }, TRACE_CHECK },
	{ "bind with garbage args", NEITHER, X86, 49, { ~0ULL, ~0ULL, ~0ULL }, ALLOW },
	{ "bind with garbage args", NET_OR_FS, X86, 49, { ~0ULL, ~0ULL, ~0ULL }, TRACE_CHECK },
	{ "listen", NET_OFF, X86, 50, { 3, 128 }, ALLOW },
	{ "listen", NET_ON, X86, 50, { 3, 128 }, TRACE_CHECK },
	{ "sendmsg", NET_ON, X86, 46, { 3, 0x7000, 0 }, TRACE_CHECK },
	{ "sendmmsg", NET_ON, X86, 307, { 3, 0x7000, 1, 0 }, TRACE_CHECK },
	{ "sendmmsg", NET_OFF, X86, 307, { 3, 0x7000, 1, 0 }, ALLOW },
	{ "sendmsg", NET_OFF, X86, 46, { 3, 0x7000, 0 }, ALLOW },

	/* sendto: without an address it is a send on a connected socket */
	{ "sendto no address", ALL_POLS, X86, 44, { 3, 0x7000, 10, 0, 0, 0 }, ALLOW },
	{ "sendto address", NET_ON, X86, 44, { 3, 0x7000, 10, 0, 0x8000, 16 }, TRACE_CHECK },
	{ "sendto address", NET_OFF, X86, 44, { 3, 0x7000, 10, 0, 0x8000, 16 }, ALLOW },
	{ "sendto address in upper half", NET_ON, X86, 44, { 3, 0x7000, 10, 0, UPPER, 16 }, TRACE_CHECK },
	{ "sendto address in upper half", NET_OFF, X86, 44, { 3, 0x7000, 10, 0, UPPER, 16 }, ALLOW },

	/* socket() */
	{ "socket inet stream nonblock", ALL_POLS, X86, 41, { AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0 }, ALLOW },
	{ "socket inet6 dgram udp cloexec", ALL_POLS, X86, 41, { AF_INET6, SOCK_DGRAM | SOCK_CLOEXEC, IPPROTO_UDP }, ALLOW },
	{ "socket unix seqpacket", ALL_POLS, X86, 41, { AF_UNIX, SOCK_SEQPACKET, 0 }, ALLOW },
	{ "socket netlink route", ALL_POLS, X86, 41, { AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE }, ALLOW },
	{ "socket netlink audit", NET_ON, X86, 41, { AF_NETLINK, SOCK_RAW, NETLINK_AUDIT }, TRACE_CHECK },
	{ "socket netlink audit", NET_OFF, X86, 41, { AF_NETLINK, SOCK_RAW, NETLINK_AUDIT }, ALLOW },
	{ "socket packet", NET_ON, X86, 41, { AF_PACKET, SOCK_RAW, 0x0300 }, TRACE_CHECK },
	{ "socket packet", NET_OFF, X86, 41, { AF_PACKET, SOCK_RAW, 0x0300 }, ALLOW },
	{ "socket inet raw", NET_ON, X86, 41, { AF_INET, SOCK_RAW, IPPROTO_ICMP }, TRACE_CHECK },
	{ "socket inet raw", NET_OFF, X86, 41, { AF_INET, SOCK_RAW, IPPROTO_ICMP }, ALLOW },
	{ "socket inet sctp", NET_ON, X86, 41, { AF_INET, SOCK_STREAM, 132 }, TRACE_CHECK },
	{ "socket inet sctp", NET_OFF, X86, 41, { AF_INET, SOCK_STREAM, 132 }, ALLOW },
	{ "socket vsock", NET_ON, X86, 41, { AF_VSOCK, SOCK_STREAM, 0 }, TRACE_CHECK },
	{ "socket vsock", NET_OFF, X86, 41, { AF_VSOCK, SOCK_STREAM, 0 }, ALLOW },
	/* the kernel reads only the low half of int arguments: garbage in
	 * the upper half must never turn into ALLOW */
	{ "socket inet, upper half of domain", NET_ON, X86, 41, { UPPER | AF_INET, SOCK_STREAM, 0 }, TRACE_CHECK },
	{ "socket inet, upper half of domain", NET_OFF, X86, 41, { UPPER | AF_INET, SOCK_STREAM, 0 }, ALLOW },
	{ "socket inet, upper half of protocol", NET_ON, X86, 41, { AF_INET, SOCK_STREAM, UPPER }, TRACE_CHECK },
	{ "socket inet, upper half of protocol", NET_OFF, X86, 41, { AF_INET, SOCK_STREAM, UPPER }, ALLOW },
	{ "socket unix, upper half of domain", NET_ON, X86, 41, { UPPER | AF_UNIX, SOCK_STREAM, 0 }, TRACE_CHECK },
	{ "socket unix, upper half of domain", NET_OFF, X86, 41, { UPPER | AF_UNIX, SOCK_STREAM, 0 }, ALLOW },
	{ "socket packet, upper half of domain", NET_ON, X86, 41, { UPPER | AF_PACKET, SOCK_RAW, 0 }, TRACE_CHECK },
	{ "socket packet, upper half of domain", NET_OFF, X86, 41, { UPPER | AF_PACKET, SOCK_RAW, 0 }, ALLOW },
	/* the type is masked to its low bits, which is all the kernel
	 * reads as the type */
	{ "socket inet stream, upper half of type", ALL_POLS, X86, 41, { AF_INET, UPPER | SOCK_STREAM, 0 }, ALLOW },

	/* clone: threads always; processes only without --no-subprocess */
	{ "clone thread", ALL_POLS, X86, 56, { THREAD_FLAGS }, ALLOW },
	{ "clone fork", SUB_OFF, X86, 56, { FORK_FLAGS }, ALLOW },
	{ "clone fork", SUB_ON, X86, 56, { FORK_FLAGS }, TRACE_CHECK },
	{ "clone vm, no thread", SUB_ON, X86, 56, { CLONE_VM | CLONE_VFORK | SIGCHLD }, TRACE_CHECK },
	{ "clone vm, no thread", SUB_OFF, X86, 56, { CLONE_VM | CLONE_VFORK | SIGCHLD }, ALLOW },
	{ "clone thread|newuser", ALL_POLS, X86, 56, { THREAD_FLAGS | CLONE_NEWUSER }, TRACE_CHECK },
	{ "clone newuser", ALL_POLS, X86, 56, { CLONE_NEWUSER | SIGCHLD }, TRACE_CHECK },
	{ "clone untraced thread", ALL_POLS, X86, 56, { THREAD_FLAGS | CLONE_UNTRACED }, TRACE_CHECK },
	{ "clone untraced", ALL_POLS, X86, 56, { CLONE_UNTRACED | SIGCHLD }, TRACE_CHECK },
	{ "clone newns", ALL_POLS, X86, 56, { CLONE_NEWNS | SIGCHLD }, TRACE_CHECK },
	{ "clone newnet", ALL_POLS, X86, 56, { CLONE_NEWNET | SIGCHLD }, TRACE_CHECK },
	{ "clone newpid", ALL_POLS, X86, 56, { CLONE_NEWPID | SIGCHLD }, TRACE_CHECK },
	{ "clone newipc", ALL_POLS, X86, 56, { CLONE_NEWIPC | SIGCHLD }, TRACE_CHECK },
	{ "clone newuts", ALL_POLS, X86, 56, { CLONE_NEWUTS | SIGCHLD }, TRACE_CHECK },
	{ "clone newcgroup", ALL_POLS, X86, 56, { CLONE_NEWCGROUP | SIGCHLD }, TRACE_CHECK },
	/* the kernel takes the low 32 bits of clone flags */
	{ "clone thread, upper half", ALL_POLS, X86, 56, { UPPER | THREAD_FLAGS }, ALLOW },
	{ "clone fork, upper half", SUB_ON, X86, 56, { UPPER | FORK_FLAGS }, TRACE_CHECK },
	{ "clone fork, upper half", SUB_OFF, X86, 56, { UPPER | FORK_FLAGS }, ALLOW },
	{ "fork", SUB_OFF, X86, 57, { 0 }, ALLOW },
	{ "fork", SUB_ON, X86, 57, { 0 }, TRACE_CHECK },
	{ "vfork", SUB_ON, X86, 58, { 0 }, TRACE_CHECK },
	{ "vfork", SUB_OFF, X86, 58, { 0 }, ALLOW },

	/* exec */
	{ "execve", SUB_OFF, X86, 59, { 0x1000, 0x2000, 0x3000 }, ALLOW },
	{ "execve", SUB_ON, X86, 59, { 0x1000, 0x2000, 0x3000 }, TRACE_CHECK },
	{ "execveat", SUB_OFF, X86, 322, { 3, 0x1000 }, ALLOW },
	{ "execveat", SUB_ON, X86, 322, { 3, 0x1000 }, TRACE_CHECK },

	/* ENOSYS, so libc falls back to clone and openat */
	{ "clone3", ALL_POLS, X86, 435, { 0x1000, 88 }, ENOSYS_RET },
	{ "openat2", ALL_POLS, X86, 437, { 3, 0x1000, 0x2000, 24 }, ENOSYS_RET },

	/* always refused: the tracer reports and denies them */
	{ "ptrace", ALL_POLS, X86, 101, { 16 /* PTRACE_ATTACH */, 1 }, TRACE_CHECK },
	{ "process_vm_readv", ALL_POLS, X86, 310, { 1 }, TRACE_CHECK },
	{ "process_vm_writev", ALL_POLS, X86, 311, { 1 }, TRACE_CHECK },
	{ "pidfd_getfd", ALL_POLS, X86, 438, { 3, 4, 0 }, TRACE_CHECK },
	{ "io_uring_setup", ALL_POLS, X86, 425, { 8, 0x1000 }, TRACE_CHECK },
	{ "io_uring_enter", ALL_POLS, X86, 426, { 3 }, TRACE_CHECK },
	{ "io_uring_register", ALL_POLS, X86, 427, { 3 }, TRACE_CHECK },
	{ "bpf", ALL_POLS, X86, 321, { 0 }, TRACE_CHECK },
	{ "userfaultfd", ALL_POLS, X86, 323, { 0 }, TRACE_CHECK },
	{ "unshare", ALL_POLS, X86, 272, { CLONE_NEWUSER }, TRACE_CHECK },
	{ "unshare(0)", ALL_POLS, X86, 272, { 0 }, TRACE_CHECK },
	{ "setns", ALL_POLS, X86, 308, { 3, 0 }, TRACE_CHECK },
	{ "open_by_handle_at", ALL_POLS, X86, 304, { 3, 0x1000, 0 }, TRACE_CHECK },

	/* prctl: only PR_SET_DUMPABLE goes to the tracer, which refuses
	 * any value but 1; the kernel reads the option from the low half */
	{ "prctl PR_SET_NAME", ALL_POLS, X86, 157, { PR_SET_NAME, 0x1000 }, ALLOW },
	{ "prctl PR_GET_DUMPABLE", ALL_POLS, X86, 157, { PR_GET_DUMPABLE }, ALLOW },
	{ "prctl PR_SET_NO_NEW_PRIVS", ALL_POLS, X86, 157, { PR_SET_NO_NEW_PRIVS, 1 }, ALLOW },
	{ "prctl PR_SET_DUMPABLE 0", ALL_POLS, X86, 157, { PR_SET_DUMPABLE, 0 }, TRACE_CHECK },
	{ "prctl PR_SET_DUMPABLE 2", ALL_POLS, X86, 157, { PR_SET_DUMPABLE, 2 }, TRACE_CHECK },
	{ "prctl PR_SET_DUMPABLE 1", ALL_POLS, X86, 157, { PR_SET_DUMPABLE, 1 }, TRACE_CHECK },
	{ "prctl PR_SET_DUMPABLE 0, upper half of option", ALL_POLS, X86, 157, { UPPER | PR_SET_DUMPABLE, 0 }, TRACE_CHECK },
	{ "prctl PR_SET_DUMPABLE 1, upper half of option", ALL_POLS, X86, 157, { UPPER | PR_SET_DUMPABLE, 1 }, TRACE_CHECK },
	{ "prctl PR_SET_NAME, upper half of option", ALL_POLS, X86, 157, { UPPER | PR_SET_NAME, 0x1000 }, ALLOW },

	/* seccomp: stacking a filter is fine, a user-notify listener is not */
	{ "seccomp filter", ALL_POLS, X86, 317, { SECCOMP_SET_MODE_FILTER, 0, 0x1000 }, ALLOW },
	{ "seccomp filter tsync", ALL_POLS, X86, 317, { SECCOMP_SET_MODE_FILTER, SECCOMP_FILTER_FLAG_TSYNC, 0x1000 }, ALLOW },
	{ "seccomp new listener", ALL_POLS, X86, 317, { SECCOMP_SET_MODE_FILTER, SECCOMP_FILTER_FLAG_NEW_LISTENER, 0x1000 }, TRACE_CHECK },
	{ "seccomp new listener, upper half of flags", ALL_POLS, X86, 317, { SECCOMP_SET_MODE_FILTER, UPPER | SECCOMP_FILTER_FLAG_NEW_LISTENER, 0x1000 }, TRACE_CHECK },
	{ "seccomp new listener|tsync", ALL_POLS, X86, 317, { SECCOMP_SET_MODE_FILTER, SECCOMP_FILTER_FLAG_NEW_LISTENER | SECCOMP_FILTER_FLAG_TSYNC, 0x1000 }, TRACE_CHECK },

	/* personality: a change of execution domain (the low byte) goes to
	 * the tracer, and so does the query 0xffffffff, which the tracer
	 * lets through; flag changes on PER_LINUX need no look */
	{ "personality PER_LINUX", ALL_POLS, X86, 135, { 0 }, ALLOW },
	{ "personality ADDR_NO_RANDOMIZE", ALL_POLS, X86, 135, { 0x0040000 }, ALLOW },
	{ "personality PER_LINUX, upper half", ALL_POLS, X86, 135, { UPPER }, ALLOW },
	{ "personality query", ALL_POLS, X86, 135, { 0xffffffffULL }, TRACE_CHECK },
	{ "personality PER_LINUX32", ALL_POLS, X86, 135, { 0x0008 }, TRACE_CHECK },
	{ "personality PER_BSD", ALL_POLS, X86, 135, { 0x0006 }, TRACE_CHECK },
	{ "personality PER_LINUX32, upper half", ALL_POLS, X86, 135, { UPPER | 0x0008 }, TRACE_CHECK },

	/* --fs-readonly: an open whose flags may write (write access,
	 * O_CREAT, O_TRUNC, O_APPEND) goes to the tracer, a read-only one
	 * never stops; the kernel reads the flags as an int. --deny-import:
	 * every open and openat goes to the tracer, read-only ones too */
	{ "openat O_RDONLY", IMPORT_OFF, X86, 257, { FDCWD, 0x1000, O_RDONLY | O_CLOEXEC }, ALLOW },
	{ "openat O_RDONLY", IMPORT_ON, X86, 257, { FDCWD, 0x1000, O_RDONLY | O_CLOEXEC }, TRACE_CHECK },
	{ "openat O_DIRECTORY|O_NOFOLLOW|O_NONBLOCK", IMPORT_OFF, X86, 257, { FDCWD, 0x1000, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC }, ALLOW },
	{ "openat O_DIRECTORY|O_NOFOLLOW|O_NONBLOCK", IMPORT_ON, X86, 257, { FDCWD, 0x1000, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC }, TRACE_CHECK },
	{ "openat O_PATH", IMPORT_OFF, X86, 257, { FDCWD, 0x1000, O_PATH | O_CLOEXEC }, ALLOW },
	{ "openat O_PATH", IMPORT_ON, X86, 257, { FDCWD, 0x1000, O_PATH | O_CLOEXEC }, TRACE_CHECK },
	{ "openat O_RDONLY|O_EXCL", IMPORT_OFF, X86, 257, { FDCWD, 0x1000, O_RDONLY | O_EXCL }, ALLOW },
	{ "openat O_RDONLY|O_EXCL", IMPORT_ON, X86, 257, { FDCWD, 0x1000, O_RDONLY | O_EXCL }, TRACE_CHECK },
	{ "openat O_WRONLY|O_CREAT|O_TRUNC", FS_ON, X86, 257, { FDCWD, 0x1000, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666 }, TRACE_CHECK },
	{ "openat O_WRONLY|O_CREAT|O_TRUNC", FS_IMPORT_OFF, X86, 257, { FDCWD, 0x1000, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666 }, ALLOW },
	{ "openat O_WRONLY|O_CREAT|O_TRUNC", IMPORT_ON, X86, 257, { FDCWD, 0x1000, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666 }, TRACE_CHECK },
	{ "openat O_RDWR", FS_ON, X86, 257, { FDCWD, 0x1000, O_RDWR }, TRACE_CHECK },
	{ "openat O_RDWR", FS_IMPORT_OFF, X86, 257, { FDCWD, 0x1000, O_RDWR }, ALLOW },
	{ "openat O_RDWR", IMPORT_ON, X86, 257, { FDCWD, 0x1000, O_RDWR }, TRACE_CHECK },
	{ "openat access mode 3", FS_ON, X86, 257, { FDCWD, 0x1000, O_ACCMODE }, TRACE_CHECK },
	{ "openat access mode 3", FS_IMPORT_OFF, X86, 257, { FDCWD, 0x1000, O_ACCMODE }, ALLOW },
	{ "openat access mode 3", IMPORT_ON, X86, 257, { FDCWD, 0x1000, O_ACCMODE }, TRACE_CHECK },
	{ "openat O_RDONLY|O_CREAT", FS_ON, X86, 257, { FDCWD, 0x1000, O_RDONLY | O_CREAT, 0600 }, TRACE_CHECK },
	{ "openat O_RDONLY|O_CREAT", FS_IMPORT_OFF, X86, 257, { FDCWD, 0x1000, O_RDONLY | O_CREAT, 0600 }, ALLOW },
	{ "openat O_RDONLY|O_CREAT", IMPORT_ON, X86, 257, { FDCWD, 0x1000, O_RDONLY | O_CREAT, 0600 }, TRACE_CHECK },
	{ "openat O_RDONLY|O_TRUNC", FS_ON, X86, 257, { FDCWD, 0x1000, O_RDONLY | O_TRUNC }, TRACE_CHECK },
	{ "openat O_RDONLY|O_TRUNC", FS_IMPORT_OFF, X86, 257, { FDCWD, 0x1000, O_RDONLY | O_TRUNC }, ALLOW },
	{ "openat O_RDONLY|O_TRUNC", IMPORT_ON, X86, 257, { FDCWD, 0x1000, O_RDONLY | O_TRUNC }, TRACE_CHECK },
	{ "openat O_RDONLY|O_APPEND", FS_ON, X86, 257, { FDCWD, 0x1000, O_RDONLY | O_APPEND }, TRACE_CHECK },
	{ "openat O_RDONLY|O_APPEND", FS_IMPORT_OFF, X86, 257, { FDCWD, 0x1000, O_RDONLY | O_APPEND }, ALLOW },
	{ "openat O_RDONLY|O_APPEND", IMPORT_ON, X86, 257, { FDCWD, 0x1000, O_RDONLY | O_APPEND }, TRACE_CHECK },
	{ "openat O_TMPFILE|O_RDWR", FS_ON, X86, 257, { 3, 0x1000, O_TMPFILE | O_RDWR, 0600 }, TRACE_CHECK },
	{ "openat O_TMPFILE|O_RDWR", FS_IMPORT_OFF, X86, 257, { 3, 0x1000, O_TMPFILE | O_RDWR, 0600 }, ALLOW },
	{ "openat O_TMPFILE|O_RDWR", IMPORT_ON, X86, 257, { 3, 0x1000, O_TMPFILE | O_RDWR, 0600 }, TRACE_CHECK },
	{ "openat O_RDONLY, upper half of flags", IMPORT_OFF, X86, 257, { FDCWD, 0x1000, UPPER | O_RDONLY }, ALLOW },
	{ "openat O_RDONLY, upper half of flags", IMPORT_ON, X86, 257, { FDCWD, 0x1000, UPPER | O_RDONLY }, TRACE_CHECK },
	{ "openat O_RDONLY, write bits only in the upper half", IMPORT_OFF, X86, 257, { FDCWD, 0x1000, (uint64_t)(O_ACCMODE | O_CREAT | O_TRUNC | O_APPEND) << 32 }, ALLOW },
	{ "openat O_RDONLY, write bits only in the upper half", IMPORT_ON, X86, 257, { FDCWD, 0x1000, (uint64_t)(O_ACCMODE | O_CREAT | O_TRUNC | O_APPEND) << 32 }, TRACE_CHECK },
	{ "openat O_WRONLY, upper half of flags", FS_ON, X86, 257, { FDCWD, 0x1000, UPPER | O_WRONLY }, TRACE_CHECK },
	{ "openat O_WRONLY, upper half of flags", FS_IMPORT_OFF, X86, 257, { FDCWD, 0x1000, UPPER | O_WRONLY }, ALLOW },
	{ "openat O_WRONLY, upper half of flags", IMPORT_ON, X86, 257, { FDCWD, 0x1000, UPPER | O_WRONLY }, TRACE_CHECK },
	/* the flags are the third argument of openat, the second of open:
	 * write bits elsewhere (a dirfd, a path address, a mode) do not
	 * count */
	{ "openat O_RDONLY, write bits in the others", IMPORT_OFF, X86, 257, { 0x643, DECOY, O_RDONLY, 0777 }, ALLOW },
	{ "openat O_RDONLY, write bits in the others", IMPORT_ON, X86, 257, { 0x643, DECOY, O_RDONLY, 0777 }, TRACE_CHECK },
	{ "open O_RDONLY", IMPORT_OFF, X86, 2, { 0x1000, O_RDONLY | O_CLOEXEC }, ALLOW },
	{ "open O_RDONLY", IMPORT_ON, X86, 2, { 0x1000, O_RDONLY | O_CLOEXEC }, TRACE_CHECK },
	{ "open O_RDONLY, write bits in the others", IMPORT_OFF, X86, 2, { DECOY, O_RDONLY, 0777 }, ALLOW },
	{ "open O_RDONLY, write bits in the others", IMPORT_ON, X86, 2, { DECOY, O_RDONLY, 0777 }, TRACE_CHECK },
	{ "open O_RDONLY, upper half of flags", IMPORT_OFF, X86, 2, { 0x1000, UPPER | O_RDONLY }, ALLOW },
	{ "open O_RDONLY, upper half of flags", IMPORT_ON, X86, 2, { 0x1000, UPPER | O_RDONLY }, TRACE_CHECK },
	{ "open O_WRONLY|O_CREAT|O_TRUNC", FS_ON, X86, 2, { 0x1000, O_WRONLY | O_CREAT | O_TRUNC, 0666 }, TRACE_CHECK },
	{ "open O_WRONLY|O_CREAT|O_TRUNC", FS_IMPORT_OFF, X86, 2, { 0x1000, O_WRONLY | O_CREAT | O_TRUNC, 0666 }, ALLOW },
	{ "open O_WRONLY|O_CREAT|O_TRUNC", IMPORT_ON, X86, 2, { 0x1000, O_WRONLY | O_CREAT | O_TRUNC, 0666 }, TRACE_CHECK },
	{ "open O_RDONLY|O_APPEND, upper half", FS_ON, X86, 2, { 0x1000, UPPER | O_APPEND }, TRACE_CHECK },
	{ "open O_RDONLY|O_APPEND, upper half", FS_IMPORT_OFF, X86, 2, { 0x1000, UPPER | O_APPEND }, ALLOW },
	{ "open O_RDONLY|O_APPEND, upper half", IMPORT_ON, X86, 2, { 0x1000, UPPER | O_APPEND }, TRACE_CHECK },
	/* every bit of every argument set: the flags may write */
	{ "openat with garbage args", FS_ON | IMPORT_ON, X86, 257, { ~0ULL, ~0ULL, ~0ULL, ~0ULL }, TRACE_CHECK },
	{ "openat with garbage args", FS_IMPORT_OFF, X86, 257, { ~0ULL, ~0ULL, ~0ULL, ~0ULL }, ALLOW },
	{ "open with garbage args", FS_ON | IMPORT_ON, X86, 2, { ~0ULL, ~0ULL, ~0ULL }, TRACE_CHECK },
	{ "open with garbage args", FS_IMPORT_OFF, X86, 2, { ~0ULL, ~0ULL, ~0ULL }, ALLOW },
	/* no argument set at all */
	{ "openat with zero args", IMPORT_OFF, X86, 257, { 0 }, ALLOW },
	{ "openat with zero args", IMPORT_ON, X86, 257, { 0 }, TRACE_CHECK },

	/* every call that changes the filesystem goes to the tracer,
	 * whatever its arguments */
	{ "creat", FS_ON, X86, 85, { 0x1000, 0644 }, TRACE_CHECK },
	{ "creat", FS_OFF, X86, 85, { 0x1000, 0644 }, ALLOW },
	{ "mkdir", FS_ON, X86, 83, { 0x1000, 0755 }, TRACE_CHECK },
	{ "mkdir", FS_OFF, X86, 83, { 0x1000, 0755 }, ALLOW },
	{ "unlinkat", FS_ON, X86, 263, { FDCWD, 0x1000, 0 }, TRACE_CHECK },
	{ "unlinkat", FS_OFF, X86, 263, { FDCWD, 0x1000, 0 }, ALLOW },
	{ "renameat2", FS_ON, X86, 316, { FDCWD, 0x1000, FDCWD, 0x2000, 1 }, TRACE_CHECK },
	{ "renameat2", FS_OFF, X86, 316, { FDCWD, 0x1000, FDCWD, 0x2000, 1 }, ALLOW },
	{ "linkat", FS_ON, X86, 265, { 3, 0, FDCWD, 0x2000, 0x1000 }, TRACE_CHECK },
	{ "linkat", FS_OFF, X86, 265, { 3, 0, FDCWD, 0x2000, 0x1000 }, ALLOW },
	{ "symlink", FS_ON, X86, 88, { 0x1000, 0x2000 }, TRACE_CHECK },
	{ "symlink", FS_OFF, X86, 88, { 0x1000, 0x2000 }, ALLOW },
	{ "mknodat", FS_ON, X86, 259, { FDCWD, 0x1000, 010644, 0 }, TRACE_CHECK },
	{ "mknodat", FS_OFF, X86, 259, { FDCWD, 0x1000, 010644, 0 }, ALLOW },
	{ "truncate", FS_ON, X86, 76, { 0x1000, 0 }, TRACE_CHECK },
	{ "truncate", FS_OFF, X86, 76, { 0x1000, 0 }, ALLOW },
	{ "ftruncate", FS_ON, X86, 77, { 3, 0 }, TRACE_CHECK },
	{ "ftruncate", FS_OFF, X86, 77, { 3, 0 }, ALLOW },
	{ "fallocate", FS_ON, X86, 285, { 3, 0, 0, 4096 }, TRACE_CHECK },
	{ "fallocate", FS_OFF, X86, 285, { 3, 0, 0, 4096 }, ALLOW },
	{ "chmod", FS_ON, X86, 90, { 0x1000, 04755 }, TRACE_CHECK },
	{ "chmod", FS_OFF, X86, 90, { 0x1000, 04755 }, ALLOW },
	{ "fchmod", FS_ON, X86, 91, { 0, 0777 }, TRACE_CHECK },
	{ "fchmod", FS_OFF, X86, 91, { 0, 0777 }, ALLOW },
	{ "fchmodat2", FS_ON, X86, 452, { 3, 0, 0644, 0x1000 }, TRACE_CHECK },
	{ "fchmodat2", FS_OFF, X86, 452, { 3, 0, 0644, 0x1000 }, ALLOW },
	{ "fchownat", FS_ON, X86, 260, { FDCWD, 0x1000, 0, 0, 0x100 }, TRACE_CHECK },
	{ "fchownat", FS_OFF, X86, 260, { FDCWD, 0x1000, 0, 0, 0x100 }, ALLOW },
	{ "utimensat NULL path", FS_ON, X86, 280, { 3, 0, 0, 0 }, TRACE_CHECK },
	{ "utimensat NULL path", FS_OFF, X86, 280, { 3, 0, 0, 0 }, ALLOW },
	{ "setxattr", FS_ON, X86, 188, { 0x1000, 0x2000, 0x3000, 4, 0 }, TRACE_CHECK },
	{ "setxattr", FS_OFF, X86, 188, { 0x1000, 0x2000, 0x3000, 4, 0 }, ALLOW },
	{ "fremovexattr", FS_ON, X86, 199, { 3, 0x2000 }, TRACE_CHECK },
	{ "fremovexattr", FS_OFF, X86, 199, { 3, 0x2000 }, ALLOW },
	{ "file_setattr", FS_ON, X86, 469, { FDCWD, 0x1000, 0x2000, 24, 0 }, TRACE_CHECK },
	{ "file_setattr", FS_OFF, X86, 469, { FDCWD, 0x1000, 0x2000, 24, 0 }, ALLOW },
	/* mounts, swap, quotas, accounting: the tracer refuses them */
	{ "mount", FS_ON, X86, 165, { 0x1000, 0x2000, 0x3000, 0, 0 }, TRACE_CHECK },
	{ "mount", FS_OFF, X86, 165, { 0x1000, 0x2000, 0x3000, 0, 0 }, ALLOW },
	{ "umount2", FS_ON, X86, 166, { 0x1000, 2 }, TRACE_CHECK },
	{ "umount2", FS_OFF, X86, 166, { 0x1000, 2 }, ALLOW },
	{ "pivot_root", FS_ON, X86, 155, { 0x1000, 0x2000 }, TRACE_CHECK },
	{ "pivot_root", FS_OFF, X86, 155, { 0x1000, 0x2000 }, ALLOW },
	{ "fsopen", FS_ON, X86, 430, { 0x1000, 1 }, TRACE_CHECK },
	{ "fsopen", FS_OFF, X86, 430, { 0x1000, 1 }, ALLOW },
	{ "move_mount", FS_ON, X86, 429, { 3, 0, FDCWD, 0x1000, 4 }, TRACE_CHECK },
	{ "move_mount", FS_OFF, X86, 429, { 3, 0, FDCWD, 0x1000, 4 }, ALLOW },
	{ "swapon", FS_ON, X86, 167, { 0x1000, 0 }, TRACE_CHECK },
	{ "swapon", FS_OFF, X86, 167, { 0x1000, 0 }, ALLOW },
	{ "acct", FS_ON, X86, 163, { 0x1000 }, TRACE_CHECK },
	{ "acct", FS_OFF, X86, 163, { 0x1000 }, ALLOW },
	/* writing through a descriptor, and reading a path, need no look:
	 * the open was checked */
	{ "pwrite64", ALL_POLS, X86, 18, { 3, 0x1000, 10, 0 }, ALLOW },
	{ "copy_file_range", ALL_POLS, X86, 326, { 3, 0, 4, 0, 10, 0 }, ALLOW },
	{ "stat", ALL_POLS, X86, 4, { 0x1000, 0x2000 }, ALLOW },
	{ "newfstatat", ALL_POLS, X86, 262, { FDCWD, 0x1000, 0x2000, 0x100 }, ALLOW },
	{ "statx", ALL_POLS, X86, 332, { FDCWD, 0x1000, 0, 0xfff, 0x2000 }, ALLOW },
	{ "access W_OK", ALL_POLS, X86, 21, { 0x1000, 2 }, ALLOW },
	{ "readlink", ALL_POLS, X86, 89, { 0x1000, 0x2000, 4096 }, ALLOW },
	{ "getxattr", ALL_POLS, X86, 191, { 0x1000, 0x2000, 0x3000, 64 }, ALLOW },
	{ "chdir", ALL_POLS, X86, 80, { 0x1000 }, ALLOW },
	{ "fsync", ALL_POLS, X86, 74, { 3 }, ALLOW },

	/* ioctl: under --fs-readonly (not Landlock alone) every command of
	 * the types 'f', 'X' and 0x94 goes to the tracer, which looks at
	 * the direction (queries pass); the kernel reads the command as an
	 * unsigned int, so only its low half counts */
	{ "ioctl FS_IOC_SETFLAGS", FS_ON, X86, 16, { 3, FS_IOC_SETFLAGS_, 0x1000 }, TRACE_CHECK },
	{ "ioctl FS_IOC_SETFLAGS", FS_OFF, X86, 16, { 3, FS_IOC_SETFLAGS_, 0x1000 }, ALLOW },
	{ "ioctl FS_IOC_GETFLAGS", FS_ON, X86, 16, { 3, FS_IOC_GETFLAGS_, 0x1000 }, TRACE_CHECK },
	{ "ioctl FS_IOC_GETFLAGS", FS_OFF, X86, 16, { 3, FS_IOC_GETFLAGS_, 0x1000 }, ALLOW },
	{ "ioctl FIEMAP", FS_ON, X86, 16, { 3, FS_IOC_FIEMAP_, 0x1000 }, TRACE_CHECK },
	{ "ioctl FIEMAP", FS_OFF, X86, 16, { 3, FS_IOC_FIEMAP_, 0x1000 }, ALLOW },
	{ "ioctl FS_IOC_FSSETXATTR", FS_ON, X86, 16, { 3, FS_IOC_FSSETXATTR_, 0x1000 }, TRACE_CHECK },
	{ "ioctl FS_IOC_FSSETXATTR", FS_OFF, X86, 16, { 3, FS_IOC_FSSETXATTR_, 0x1000 }, ALLOW },
	{ "ioctl FS_IOC_FSGETXATTR", FS_ON, X86, 16, { 3, FS_IOC_FSGETXATTR_, 0x1000 }, TRACE_CHECK },
	{ "ioctl FS_IOC_FSGETXATTR", FS_OFF, X86, 16, { 3, FS_IOC_FSGETXATTR_, 0x1000 }, ALLOW },
	{ "ioctl FICLONE", FS_ON, X86, 16, { 4, FICLONE_, 3 }, TRACE_CHECK },
	{ "ioctl FICLONE", FS_OFF, X86, 16, { 4, FICLONE_, 3 }, ALLOW },
	{ "ioctl BTRFS_IOC_SNAP_CREATE", FS_ON, X86, 16, { 3, BTRFS_IOC_SNAP_CREATE_, 0x1000 }, TRACE_CHECK },
	{ "ioctl BTRFS_IOC_SNAP_CREATE", FS_OFF, X86, 16, { 3, BTRFS_IOC_SNAP_CREATE_, 0x1000 }, ALLOW },
	{ "ioctl 'f' type, no direction", FS_ON, X86, 16, { 3, _IO('f', 0x7f), 0 }, TRACE_CHECK },
	{ "ioctl 'f' type, no direction", FS_OFF, X86, 16, { 3, _IO('f', 0x7f), 0 }, ALLOW },
	{ "ioctl FS_IOC_SETFLAGS, upper half of cmd", FS_ON, X86, 16, { 3, UPPER | FS_IOC_SETFLAGS_, 0x1000 }, TRACE_CHECK },
	{ "ioctl FS_IOC_SETFLAGS, upper half of cmd", FS_OFF, X86, 16, { 3, UPPER | FS_IOC_SETFLAGS_, 0x1000 }, ALLOW },
	{ "ioctl FS_IOC_SETFLAGS, garbage fd and arg", FS_ON, X86, 16, { ~0ULL, FS_IOC_SETFLAGS_, ~0ULL }, TRACE_CHECK },
	{ "ioctl FS_IOC_SETFLAGS, garbage fd and arg", FS_OFF, X86, 16, { ~0ULL, FS_IOC_SETFLAGS_, ~0ULL }, ALLOW },
	/* other types never stop */
	{ "ioctl TCGETS", ALL_POLS, X86, 16, { 0, TCGETS_, 0x1000 }, ALLOW },
	{ "ioctl TIOCGWINSZ", ALL_POLS, X86, 16, { 1, TIOCGWINSZ_, 0x1000 }, ALLOW },
	{ "ioctl FIONREAD", ALL_POLS, X86, 16, { 3, FIONREAD_, 0x1000 }, ALLOW },
	{ "ioctl FIOCLEX", ALL_POLS, X86, 16, { 3, FIOCLEX_, 0 }, ALLOW },
	{ "ioctl 0", ALL_POLS, X86, 16, { 3, 0, 0 }, ALLOW },
	{ "ioctl TCGETS, upper half of cmd", ALL_POLS, X86, 16, { 0, UPPER | TCGETS_, 0x1000 }, ALLOW },
	{ "ioctl TCGETS, all of the upper half set", ALL_POLS, X86, 16, { 0, 0xffffffff00000000ULL | TCGETS_, 0x1000 }, ALLOW },
	/* an 'f' type only in the upper half is no 'f' command */
	{ "ioctl 'f' type in the upper half only", ALL_POLS, X86, 16, { 3, (uint64_t)FS_IOC_SETFLAGS_ << 32, 0x1000 }, ALLOW },
	{ "ioctl 'f' type in the upper half only, TCGETS below", ALL_POLS, X86, 16, { 3, ((uint64_t)FS_IOC_SETFLAGS_ << 32) | TCGETS_, 0x1000 }, ALLOW },
	/* the type is the second byte: 'f' elsewhere in the command, or in
	 * the other arguments, does not count */
	{ "ioctl 'f' as the number", ALL_POLS, X86, 16, { 3, _IOW('T', 'f', int), 0 }, ALLOW },
	{ "ioctl 'f' as the size", ALL_POLS, X86, 16, { 3, 0x40665401, 0 }, ALLOW },
	{ "ioctl 'f' in the fd and arg", ALL_POLS, X86, 16, { FS_IOC_SETFLAGS_, TCGETS_, FS_IOC_SETFLAGS_ }, ALLOW },

	/* --block-native: a mapping asked to be executable goes to the
	 * tracer, which looks at the file (mmap's descriptor, the mapping
	 * under mprotect's address); only the low half of the protection
	 * (the third argument of all three) holds PROT_EXEC */
	{ "mmap file r-x", NATIVE_ON, X86, 9, { 0, 0x5000, PROT_READ | PROT_EXEC, MAP_PRIVATE | MAP_FIXED | MAP_DENYWRITE, 3, 0x1000 }, TRACE_CHECK },
	{ "mmap file r-x", NATIVE_OFF, X86, 9, { 0, 0x5000, PROT_READ | PROT_EXEC, MAP_PRIVATE | MAP_FIXED | MAP_DENYWRITE, 3, 0x1000 }, ALLOW },
	{ "mmap file --x", NATIVE_ON, X86, 9, { 0, 0x1000, PROT_EXEC, MAP_PRIVATE, 3, 0 }, TRACE_CHECK },
	{ "mmap file --x", NATIVE_OFF, X86, 9, { 0, 0x1000, PROT_EXEC, MAP_PRIVATE, 3, 0 }, ALLOW },
	{ "mmap file rwx shared", NATIVE_ON, X86, 9, { 0, 0x1000, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_SHARED, 3, 0 }, TRACE_CHECK },
	{ "mmap file rwx shared", NATIVE_OFF, X86, 9, { 0, 0x1000, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_SHARED, 3, 0 }, ALLOW },
	/* BPF does not look at the flags: anonymous executable memory
	 * stops too, and the tracer lets it through */
	{ "mmap anonymous rwx", NATIVE_ON, X86, 9, { 0, 0x1000, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, ~0ULL, 0 }, TRACE_CHECK },
	{ "mmap anonymous rwx", NATIVE_OFF, X86, 9, { 0, 0x1000, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, ~0ULL, 0 }, ALLOW },
	/* without PROT_EXEC nothing stops, files or not */
	{ "mmap file r--", ALL_POLS, X86, 9, { 0, 0x5000, PROT_READ, MAP_PRIVATE | MAP_DENYWRITE, 3, 0 }, ALLOW },
	{ "mmap anonymous rw-", ALL_POLS, X86, 9, { 0, 0x21000, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, ~0ULL, 0 }, ALLOW },
	{ "mmap file rw- shared", ALL_POLS, X86, 9, { 0, 0x1000, PROT_READ | PROT_WRITE, MAP_SHARED, 3, 0 }, ALLOW },
	{ "mmap PROT_NONE", ALL_POLS, X86, 9, { 0, 0x200000, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, ~0ULL, 0 }, ALLOW },
	/* PROT_EXEC's bit (4) elsewhere than the protection does not
	 * count */
	{ "mmap r--, the exec bit in the others", ALL_POLS, X86, 9, { 0x7ffc00000004ULL, 0x4004, PROT_READ, 0x4 | MAP_PRIVATE, 4, 0x4000 }, ALLOW },
	{ "mprotect r--, the exec bit in the others", ALL_POLS, X86, 10, { 0x7ffc00000004ULL, 0x4004, PROT_READ, 4, 4, 4 }, ALLOW },
	/* garbage in the upper half of the protection changes nothing */
	{ "mmap r-x, upper half of prot", NATIVE_ON, X86, 9, { 0, 0x1000, UPPER | PROT_READ | PROT_EXEC, MAP_PRIVATE, 3, 0 }, TRACE_CHECK },
	{ "mmap r-x, upper half of prot", NATIVE_OFF, X86, 9, { 0, 0x1000, UPPER | PROT_READ | PROT_EXEC, MAP_PRIVATE, 3, 0 }, ALLOW },
	{ "mmap r--, upper half of prot", ALL_POLS, X86, 9, { 0, 0x1000, UPPER | PROT_READ, MAP_PRIVATE, 3, 0 }, ALLOW },
	{ "mmap rw-, all of the upper half set", ALL_POLS, X86, 9, { 0, 0x1000, 0xffffffff00000000ULL | PROT_READ | PROT_WRITE, MAP_PRIVATE, 3, 0 }, ALLOW },
	{ "mmap, PROT_EXEC only in the upper half", ALL_POLS, X86, 9, { 0, 0x1000, ((uint64_t)PROT_EXEC << 32) | PROT_READ, MAP_PRIVATE, 3, 0 }, ALLOW },
	{ "mmap --x, all of the upper half set", NATIVE_ON, X86, 9, { 0, 0x1000, 0xffffffff00000000ULL | PROT_EXEC, MAP_PRIVATE, 3, 0 }, TRACE_CHECK },
	{ "mmap --x, all of the upper half set", NATIVE_OFF, X86, 9, { 0, 0x1000, 0xffffffff00000000ULL | PROT_EXEC, MAP_PRIVATE, 3, 0 }, ALLOW },
	{ "mmap, every bit of prot", NATIVE_ON, X86, 9, { 0, 0x1000, ~0ULL, MAP_PRIVATE, 3, 0 }, TRACE_CHECK },
	{ "mmap, every bit of prot", NATIVE_OFF, X86, 9, { 0, 0x1000, ~0ULL, MAP_PRIVATE, 3, 0 }, ALLOW },
	{ "mmap, every bit of prot but exec", ALL_POLS, X86, 9, { 0, 0x1000, ~(uint64_t)PROT_EXEC, MAP_PRIVATE, 3, 0 }, ALLOW },
	/* mprotect and pkey_mprotect: the same */
	{ "mprotect r-x", NATIVE_ON, X86, 10, { 0x7f0000000000ULL, 0x1000, PROT_READ | PROT_EXEC }, TRACE_CHECK },
	{ "mprotect r-x", NATIVE_OFF, X86, 10, { 0x7f0000000000ULL, 0x1000, PROT_READ | PROT_EXEC }, ALLOW },
	{ "mprotect r--", ALL_POLS, X86, 10, { 0x7f0000000000ULL, 0x1000, PROT_READ }, ALLOW },
	{ "mprotect rw-", ALL_POLS, X86, 10, { 0x7f0000000000ULL, 0x1000, PROT_READ | PROT_WRITE }, ALLOW },
	{ "mprotect ---", ALL_POLS, X86, 10, { 0x7f0000000000ULL, 0x1000, PROT_NONE }, ALLOW },
	{ "mprotect r-x|PROT_GROWSDOWN", NATIVE_ON, X86, 10, { 0x7ffc00000000ULL, 0x1000, PROT_READ | PROT_EXEC | PROT_GROWSDOWN }, TRACE_CHECK },
	{ "mprotect r-x|PROT_GROWSDOWN", NATIVE_OFF, X86, 10, { 0x7ffc00000000ULL, 0x1000, PROT_READ | PROT_EXEC | PROT_GROWSDOWN }, ALLOW },
	{ "mprotect r-x, upper half of prot", NATIVE_ON, X86, 10, { 0x7f0000000000ULL, 0x1000, UPPER | PROT_READ | PROT_EXEC }, TRACE_CHECK },
	{ "mprotect r-x, upper half of prot", NATIVE_OFF, X86, 10, { 0x7f0000000000ULL, 0x1000, UPPER | PROT_READ | PROT_EXEC }, ALLOW },
	{ "mprotect rw-, upper half of prot", ALL_POLS, X86, 10, { 0x7f0000000000ULL, 0x1000, UPPER | PROT_READ | PROT_WRITE }, ALLOW },
	{ "pkey_mprotect r-x", NATIVE_ON, X86, 329, { 0x7f0000000000ULL, 0x1000, PROT_READ | PROT_EXEC, 1 }, TRACE_CHECK },
	{ "pkey_mprotect r-x", NATIVE_OFF, X86, 329, { 0x7f0000000000ULL, 0x1000, PROT_READ | PROT_EXEC, 1 }, ALLOW },
	{ "pkey_mprotect rw-", ALL_POLS, X86, 329, { 0x7f0000000000ULL, 0x1000, PROT_READ | PROT_WRITE, 1 }, ALLOW },
	{ "pkey_mprotect r--, the exec bit as the key", ALL_POLS, X86, 329, { 0x7f0000000000ULL, 0x1000, PROT_READ, PROT_EXEC }, ALLOW },
	{ "pkey_mprotect r-x, upper half of prot", NATIVE_ON, X86, 329, { 0x7f0000000000ULL, 0x1000, UPPER | PROT_READ | PROT_EXEC, ~0ULL }, TRACE_CHECK },
	{ "pkey_mprotect r-x, upper half of prot", NATIVE_OFF, X86, 329, { 0x7f0000000000ULL, 0x1000, UPPER | PROT_READ | PROT_EXEC, ~0ULL }, ALLOW },
	{ "pkey_mprotect rw-, upper half of prot", ALL_POLS, X86, 329, { 0x7f0000000000ULL, 0x1000, UPPER | PROT_READ | PROT_WRITE, ~0ULL }, ALLOW },
	/* the calls that keep a mapping's protection never stop */
	{ "munmap", ALL_POLS, X86, 11, { 0x7f0000000000ULL, 0x1000, PROT_EXEC }, ALLOW },
	{ "mremap", ALL_POLS, X86, 25, { 0x7f0000000000ULL, 0x1000, 0x2000, 1, 0 }, ALLOW },
	{ "madvise", ALL_POLS, X86, 28, { 0x7f0000000000ULL, 0x1000, 4 }, ALLOW },

	/* numbers hermetic does not know go to the tracer, which denies
	 * them */
	{ "nr 471", ALL_POLS, X86, 471, { 0 }, TRACE_CHECK },
	{ "nr 600", ALL_POLS, X86, 600, { 0 }, TRACE_CHECK },
	{ "nr 1000", ALL_POLS, X86, 1000, { 0 }, TRACE_CHECK },
	{ "nr 0x3fffffff", ALL_POLS, X86, 0x3fffffff, { 0 }, TRACE_CHECK },

	/* x32 shares AUDIT_ARCH_X86_64 and sets bit 30 of the number.
	 * libseccomp 2.5 puts "nr >= X32_SYSCALL_BIT and nr != -1: the
	 * bad-arch action" right after the arch check of an x86_64-only
	 * filter, so x32 is TRACE with the ABI tag (the range filter says
	 * TRACE(1) as well; on a tie the policy filter, installed last, is
	 * the one the kernel reports). Never an x86_64 rule by its low
	 * bits: x32 read is 0x40000000. */
	{ "x32 read", ALL_POLS, X86, X32_BIT | 0, { 0 }, TRACE_ABI },
	{ "x32 getpid", ALL_POLS, X86, X32_BIT | 39, { 0 }, TRACE_ABI },
	{ "x32 socket", ALL_POLS, X86, X32_BIT | 41, { AF_INET, SOCK_STREAM, 0 }, TRACE_ABI },
	{ "x32 execve", ALL_POLS, X86, X32_BIT | 520, { 0 }, TRACE_ABI },
	{ "nr INT_MIN", ALL_POLS, X86, (int)0x80000000U, { 0 }, TRACE_ABI },
	{ "nr -2", ALL_POLS, X86, -2, { 0 }, TRACE_ABI },
	/* nr -1 is no syscall: a task can pass it (syscall(-1)), and a
	 * tracer that skips a call at a syscall-entry stop leaves it there
	 * before seccomp runs. Both filters let it through on purpose (libseccomp exempts -1
	 * from its x32 test, and the range filter allows it before its
	 * number checks), because the kernel then does nothing but return
	 * ENOSYS: its dispatch runs no syscall for a number outside the
	 * table, x86_64 or x32. ALLOW is the documented answer, and the
	 * only number at or above X32_SYSCALL_BIT that gets it. */
	{ "nr -1", ALL_POLS, X86, -1, { 0 }, ALLOW },
	{ "nr -1 with arguments", ALL_POLS, X86, -1, { AF_PACKET, SOCK_RAW, 0, 0, 0x1000 }, ALLOW },

	/* foreign arches: every number, whatever the policy */
	{ "i386 read", ALL_POLS, AUDIT_ARCH_I386, 3, { 0 }, TRACE_ABI },
	{ "i386 socketcall", ALL_POLS, AUDIT_ARCH_I386, 102, { 1 }, TRACE_ABI },
	{ "i386 nr 0", ALL_POLS, AUDIT_ARCH_I386, 0, { 0 }, TRACE_ABI },
	{ "i386 nr 42", ALL_POLS, AUDIT_ARCH_I386, 42, { 0 }, TRACE_ABI },
	{ "aarch64 read", ALL_POLS, AUDIT_ARCH_AARCH64, 63, { 0 }, TRACE_ABI },
	{ "arch 0", ALL_POLS, 0, 0, { 0 }, TRACE_ABI },
};
/* clang-format on */

START_TEST(test_rows)
{
	const struct row *r = &rows[_i];

	progs_setup();
	for (int p = 0; p < P_COUNT; p++) {
		char got[32], want[32];
		uint32_t ret;

		if (!(r->pols & PB(p)))
			continue;
		ret = run((enum pol)p, r->arch, r->nr, r->args);
		ck_assert_msg(ret == r->want, "%s under %s: got %s, want %s",
			      r->what, pol_names[p],
			      action_name(ret, got, sizeof(got)),
			      action_name(r->want, want, sizeof(want)));
	}
}
END_TEST

/* Every row says what each of the policies does. */
START_TEST(test_rows_cover_policies)
{
	for (size_t i = 0; i < HM_ARRAY_SIZE(rows); i++) {
		unsigned int seen = 0;

		for (size_t j = 0; j < HM_ARRAY_SIZE(rows); j++)
			if (strcmp(rows[i].what, rows[j].what) == 0 &&
			    rows[i].nr == rows[j].nr &&
			    rows[i].arch == rows[j].arch &&
			    memcmp(rows[i].args, rows[j].args,
				   sizeof(rows[i].args)) == 0)
				seen |= rows[j].pols;
		ck_assert_msg(seen == ALL_POLS,
			      "row '%s' leaves policies out (%#x)",
			      rows[i].what, seen);
	}
}
END_TEST

/* Every syscall the table knows gets the action its class calls for
 * (with arguments that need no look). */
START_TEST(test_sysent_classes)
{
	const struct sysent *t;
	size_t n;

	progs_setup();
	t = sysent_table(&n);
	for (size_t i = 0; i < n; i++) {
		enum sc_class cls = sysent_class(t[i].nr);

		for (int p = 0; p < P_COUNT; p++) {
			bool net = pol_net(p);
			bool sub = pol_sub(p);
			bool fs = pol_fs(p);
			bool native = pol_native(p);
			bool import = pol_import(p);
			uint64_t args[6] = {0};
			uint32_t want, ret;
			char got[32], wants[32];

			switch (cls) {
			case SC_PLAIN:
				want = ALLOW;
				break;
			case SC_FALLBACK:
				want = ENOSYS_RET;
				break;
			case SC_ESCAPE:
				want = TRACE_CHECK;
				break;
			case SC_CONNECT:
			case SC_SENDMSG:
			case SC_SENDMMSG:
			case SC_LISTEN:
				want = net ? TRACE_CHECK : ALLOW;
				break;
			case SC_BIND:
				/* a unix socket's name is a new file */
				want = net || fs ? TRACE_CHECK : ALLOW;
				break;
			case SC_SENDTO:
				args[4] = 0x1000;
				want = net ? TRACE_CHECK : ALLOW;
				break;
			case SC_SOCKET:
				args[0] = AF_PACKET;
				args[1] = SOCK_RAW;
				want = net ? TRACE_CHECK : ALLOW;
				break;
			case SC_EXECVE:
			case SC_EXECVEAT:
			case SC_FORK:
				want = sub ? TRACE_CHECK : ALLOW;
				break;
			case SC_CLONE:
				args[0] = FORK_FLAGS;
				want = sub ? TRACE_CHECK : ALLOW;
				break;
			case SC_PRCTL:
				args[0] = PR_SET_DUMPABLE;
				want = TRACE_CHECK;
				break;
			case SC_SECCOMP:
				args[1] = SECCOMP_FILTER_FLAG_NEW_LISTENER;
				want = TRACE_CHECK;
				break;
			case SC_PERSONALITY:
				args[0] = 0x0008;
				want = TRACE_CHECK;
				break;
			case SC_OPEN:
				/* the flags: open(path, flags), openat(dirfd,
				 * path, flags) */
				args[strcmp(t[i].name, "open") == 0 ? 1 : 2] =
				    O_WRONLY;
				want = fs || import ? TRACE_CHECK : ALLOW;
				break;
			case SC_FS:
			case SC_FSMOUNT:
				want = fs ? TRACE_CHECK : ALLOW;
				break;
			case SC_IOCTL:
				/* ioctl(fd, cmd, arg) */
				args[1] = FS_IOC_SETFLAGS_;
				want = fs ? TRACE_CHECK : ALLOW;
				break;
			case SC_MMAP:
				/* the protection is the third argument of
				 * mmap, mprotect and pkey_mprotect */
				args[2] = PROT_READ | PROT_EXEC;
				want = native ? TRACE_CHECK : ALLOW;
				break;
			default:
				ck_abort_msg("%s: class %d", t[i].name, cls);
			}
			ret = run((enum pol)p, AUDIT_ARCH_X86_64, (int)t[i].nr,
				  args);
			HM_CHECK(ret == want,
				 "%s (%ld) under %s: got %s, "
				 "want %s",
				 t[i].name, t[i].nr, pol_names[p],
				 action_name(ret, got, sizeof(got)),
				 action_name(want, wants, sizeof(wants)));
			if (cls == SC_MMAP) {
				/* and a mapping that is not executable never
				 * stops */
				args[2] = PROT_READ | PROT_WRITE;
				ret = run((enum pol)p, AUDIT_ARCH_X86_64,
					  (int)t[i].nr, args);
				HM_CHECK(ret == ALLOW,
					 "%s PROT_READ|PROT_WRITE under %s: "
					 "got %s",
					 t[i].name, pol_names[p],
					 action_name(ret, got, sizeof(got)));
			}
			if (cls == SC_OPEN) {
				/* and a read-only open stops only under
				 * --deny-import */
				args[strcmp(t[i].name, "open") == 0 ? 1 : 2] =
				    O_RDONLY;
				want = import ? TRACE_CHECK : ALLOW;
				ret = run((enum pol)p, AUDIT_ARCH_X86_64,
					  (int)t[i].nr, args);
				HM_CHECK(
				    ret == want,
				    "%s O_RDONLY under %s: got %s, "
				    "want %s",
				    t[i].name, pol_names[p],
				    action_name(ret, got, sizeof(got)),
				    action_name(want, wants, sizeof(wants)));
			}
			if (cls != SC_IOCTL)
				continue;
			/* and a terminal's command never stops */
			args[1] = TCGETS_;
			ret = run((enum pol)p, AUDIT_ARCH_X86_64, (int)t[i].nr,
				  args);
			HM_CHECK(ret == ALLOW, "%s TCGETS under %s: got %s",
				 t[i].name, pol_names[p],
				 action_name(ret, got, sizeof(got)));
		}
	}
}
END_TEST

/* Every number below 1024 that the table does not know is TRACE. */
START_TEST(test_unknown_numbers)
{
	progs_setup();
	for (int nr = 0; nr < 1024; nr++) {
		if (sysent_name(nr))
			continue;
		for (int p = 0; p < P_COUNT; p++) {
			uint32_t ret =
			    run((enum pol)p, AUDIT_ARCH_X86_64, nr, NULL);

			HM_CHECK(ret == TRACE_CHECK,
				 "unknown nr %d under %s: 0x%08x", nr,
				 pol_names[p], ret);
		}
	}
}
END_TEST

/* Each filter on its own: the range filter knows numbers and arches and
 * nothing else; the policy filter leaves unknown numbers to it. */
START_TEST(test_filters_alone)
{
	size_t n;
	const struct sysent *t;

	progs_setup();
	t = sysent_table(&n);
	for (int p = 0; p < P_COUNT; p++) {
		const struct bpf_prog *range = &progs[p].range;
		const struct bpf_prog *policy = &progs[p].policy;
		struct seccomp_data d;
		uint64_t args[6] = {AF_PACKET, SOCK_RAW, 0};

		for (int nr = 0; nr < 1024; nr++) {
			uint32_t want = sysent_name(nr) ? ALLOW : TRACE_CHECK;

			/* arguments do not matter to the range filter */
			d = data_of(AUDIT_ARCH_X86_64, nr, args);
			HM_CHECK(run_one(range, "range", &d) == want,
				 "range filter, nr %d under %s", nr,
				 pol_names[p]);
			/* and unknown numbers do not matter to the policy
			 * filter */
			if (!sysent_name(nr))
				HM_CHECK(run_one(policy, "policy", &d) == ALLOW,
					 "policy filter, unknown nr %d under "
					 "%s",
					 nr, pol_names[p]);
		}
		d = data_of(AUDIT_ARCH_X86_64, (int)t[n - 1].nr + 1, NULL);
		ck_assert_uint_eq(run_one(range, "range", &d), TRACE_CHECK);
		d = data_of(AUDIT_ARCH_X86_64, -1, NULL);
		ck_assert_uint_eq(run_one(range, "range", &d), ALLOW);
		ck_assert_uint_eq(run_one(policy, "policy", &d), ALLOW);
		/* x32: the range filter sees a number above its table */
		d = data_of(AUDIT_ARCH_X86_64, (int)(X32_BIT | 39), NULL);
		ck_assert_uint_eq(run_one(range, "range", &d), TRACE_CHECK);
		ck_assert_uint_eq(run_one(policy, "policy", &d), TRACE_ABI);
		d = data_of(AUDIT_ARCH_I386, 3, NULL);
		ck_assert_uint_eq(run_one(range, "range", &d), TRACE_ABI);
		ck_assert_uint_eq(run_one(policy, "policy", &d), TRACE_ABI);
	}
}
END_TEST

/* No x32 number, and no foreign-arch call, is ever allowed. */
START_TEST(test_foreign_abi_never_allowed)
{
	static const uint32_t arches[] = {AUDIT_ARCH_I386, AUDIT_ARCH_AARCH64,
					  AUDIT_ARCH_ARM, 0x12345678};

	progs_setup();
	for (int p = 0; p < P_COUNT; p++) {
		for (int nr = 0; nr < 600; nr++) {
			uint64_t args[6] = {AF_UNIX, SOCK_STREAM, 0};

			HM_CHECK(run((enum pol)p, AUDIT_ARCH_X86_64,
				     (int)(X32_BIT | (uint32_t)nr),
				     args) == TRACE_ABI,
				 "x32 nr %d under %s", nr, pol_names[p]);
			for (size_t a = 0; a < HM_ARRAY_SIZE(arches); a++)
				HM_CHECK(run((enum pol)p, arches[a], nr,
					     args) == TRACE_ABI,
					 "arch %#x nr %d under %s", arches[a],
					 nr, pol_names[p]);
		}
	}
}
END_TEST

/* socket() through the filters of "p" and policy_socket() of the
 * policy; "args" may have garbage in their upper halves, which the
 * kernel (and the tracer) ignore. */
static void
socket_both(enum pol p, const uint64_t args[6], uint32_t *bpf,
	    struct decision *d)
{
	struct policy pol;

	memset(&pol, 0, sizeof(pol));
	pol.no_network = pol_net(p);
	*bpf = run(p, AUDIT_ARCH_X86_64, 41, args);
	*d = policy_socket(&pol, (int)args[0], (int)args[1], (int)args[2]);
}

/* One socket() through BPF and policy_socket(): they must agree. Counts
 * the calls and the allowed ones. */
static void
socket_agree(enum pol p, int domain, int type, int protocol,
	     unsigned long *checked, unsigned long *allowed)
{
	uint64_t args[6] = {(uint32_t)domain, (uint32_t)type,
			    (uint32_t)protocol};
	struct decision d;
	uint32_t ret, want;

	socket_both(p, args, &ret, &d);
	want = d.verdict == V_ALLOW ? ALLOW : TRACE_CHECK;
	HM_CHECK(ret == want,
		 "socket(%d, %#x, %d) under %s: BPF 0x%08x, policy_socket %s",
		 domain, type, protocol, pol_names[p], ret,
		 d.verdict == V_ALLOW ? "allows" : "denies");
	(*checked)++;
	*allowed += ret == ALLOW;
}

/* socket_agree() for protocols 0..263 and a few odd ones. */
static void
socket_agree_protocols(enum pol p, int domain, int type, unsigned long *checked,
		       unsigned long *allowed)
{
	static const int odd[] = {-1, 0x0300, 0x7fffffff, (int)0x80000000U};

	for (int proto = 0; proto < 264; proto++)
		socket_agree(p, domain, type, proto, checked, allowed);
	for (size_t k = 0; k < HM_ARRAY_SIZE(odd); k++)
		socket_agree(p, domain, type, odd[k], checked, allowed);
}

/* BPF allows socket() exactly when policy_socket() does, over every
 * family, type (with and without the flag bits) and a protocol range;
 * anything else goes to the tracer, whose answer is policy_socket(). */
START_TEST(test_socket_agrees_with_policy)
{
	static const int flags[] = {0, SOCK_NONBLOCK | SOCK_CLOEXEC};
	unsigned long checked = 0, allowed = 0;

	progs_setup();
	ck_assert_int_eq(sysent_nr("socket"), 41);
	for (int p = P_NONE; p <= P_NET; p++)
		for (int domain = -1; domain <= 46; domain++)
			for (int type = 0; type <= 15; type++)
				for (size_t f = 0; f < HM_ARRAY_SIZE(flags);
				     f++)
					socket_agree_protocols(
					    (enum pol)p, domain,
					    type | flags[f], &checked,
					    &allowed);
	/* the sweep must have seen both outcomes */
	ck_assert_uint_gt(allowed, 0);
	ck_assert_uint_lt(allowed, checked);
}
END_TEST

/* socket() with "garbage" or'ed into argument "which": BPF may send more
 * to the tracer, but never allows what policy_socket() (reading the low
 * halves, as the kernel does) would deny. */
static void
socket_garbage(int domain, int type, int protocol, int which, uint64_t garbage)
{
	uint64_t args[6] = {(uint32_t)domain, (uint32_t)type,
			    (uint32_t)protocol};
	struct decision d;
	uint32_t ret;

	args[which] |= garbage;
	socket_both(P_NET, args, &ret, &d);
	HM_CHECK(ret == ALLOW || ret == TRACE_CHECK, "socket: 0x%08x", ret);
	HM_CHECK(ret != ALLOW || d.verdict == V_ALLOW,
		 "socket(%#llx, %#llx, %#llx) allowed by BPF",
		 (unsigned long long)args[0], (unsigned long long)args[1],
		 (unsigned long long)args[2]);
}

START_TEST(test_socket_upper_halves)
{
	static const uint64_t garbage[] = {0x100000000ULL, UPPER,
					   0xffffffff00000000ULL};
	static const int domains[] = {AF_UNIX,	  AF_INET,   AF_INET6,
				      AF_NETLINK, AF_PACKET, AF_VSOCK};
	static const int protocols[] = {0, 1, 6, 17, 58, 132, 255};

	progs_setup();
	for (size_t g = 0; g < HM_ARRAY_SIZE(garbage); g++)
		for (int which = 0; which < 3; which++)
			for (size_t i = 0; i < HM_ARRAY_SIZE(domains); i++)
				for (int type = 1; type <= 5; type++)
					for (size_t k = 0;
					     k < HM_ARRAY_SIZE(protocols); k++)
						socket_garbage(domains[i], type,
							       protocols[k],
							       which,
							       garbage[g]);
	/* the family is compared whole: garbage there always goes to the
	 * tracer (the type is masked to its low bits, all the kernel
	 * reads) */
	for (size_t i = 0; i < HM_ARRAY_SIZE(domains); i++) {
		uint64_t args[6] = {UPPER | (uint32_t)domains[i], SOCK_STREAM,
				    0};
		struct decision d;
		uint32_t ret;

		socket_both(P_NET, args, &ret, &d);
		ck_assert_uint_eq(ret, TRACE_CHECK);
	}
}
END_TEST

/* ===== --fs-readonly ===== */

/* One open or openat with "flags" (any upper half) through the filters of
 * "p": it stops exactly when the tracer would look, that is under
 * --deny-import always, and under --fs-readonly (not Landlock alone) when
 * policy_open_writes() says the low half of the flags may write. The
 * other arguments hold decoys whose low bits, read as flags, would write.
 * Counts the stops. */
static void
open_agree(enum pol p, bool at, uint64_t flags, unsigned long *checked,
	   unsigned long *traced)
{
	uint64_t args[6] = {0};
	uint32_t ret, want;
	bool writes = policy_open_writes((uint32_t)flags);

	if (at) {
		args[0] = 0x643; /* a dirfd */
		args[1] = DECOY;
		args[2] = flags;
		args[3] = 0777; /* the mode */
	} else {
		args[0] = DECOY;
		args[1] = flags;
		args[2] = 0777;
	}
	ret = run(p, AUDIT_ARCH_X86_64, at ? 257 : 2, args);
	want = pol_import(p) || (pol_fs(p) && writes) ? TRACE_CHECK : ALLOW;
	HM_CHECK(ret == want,
		 "%s(flags %#llx) under %s: BPF 0x%08x, "
		 "policy_open_writes %d",
		 at ? "openat" : "open", (unsigned long long)flags,
		 pol_names[p], ret, writes);
	(*checked)++;
	*traced += ret == TRACE_CHECK;
}

/* open_agree() with the flags as given and with garbage in the upper
 * half, which the kernel (reading an int) and the tracer ignore. */
static void
open_agree_halves(enum pol p, bool at, uint32_t flags, unsigned long *checked,
		  unsigned long *traced)
{
	static const uint64_t garbage[] = {0, 1ULL << 32, UPPER,
					   0xffffffff00000000ULL};

	for (size_t g = 0; g < HM_ARRAY_SIZE(garbage); g++)
		open_agree(p, at, garbage[g] | flags, checked, traced);
}

/* BPF and policy_open_writes() agree for open and openat over every
 * combination of the access mode (0-3) and the flag bits that matter,
 * every single bit on top of each access mode, and a pseudo-random sweep
 * of the low half, each with and without garbage in the upper half; and
 * only the policies with --fs-readonly (not Landlock alone) stop any but
 * --deny-import, which stops them all. */
START_TEST(test_open_agrees_with_policy)
{
	static const uint32_t bits[] = {
	    O_CREAT,	 O_TRUNC,   O_APPEND, O_EXCL,	 O_NOFOLLOW,
	    O_DIRECTORY, O_TMPFILE, O_PATH,   O_CLOEXEC, O_NONBLOCK,
	    O_NOCTTY,	 O_SYNC,    O_DIRECT, O_NOATIME,
	};
	unsigned long checked = 0, traced = 0, fs_traced = 0;
	unsigned long per_pol = 0;

	progs_setup();
	ck_assert_int_eq(sysent_nr("open"), 2);
	ck_assert_int_eq(sysent_nr("openat"), 257);
	for (int p = 0; p < P_COUNT; p++) {
		unsigned long before = traced, checked_before = checked;

		for (int at = 0; at < 2; at++) {
			uint32_t x = 0x12345678U;

			for (uint32_t set = 0;
			     set < (1U << HM_ARRAY_SIZE(bits)); set++) {
				uint32_t flags = 0;

				for (size_t b = 0; b < HM_ARRAY_SIZE(bits); b++)
					if (set & (1U << b))
						flags |= bits[b];
				for (uint32_t mode = 0; mode <= O_ACCMODE;
				     mode++)
					open_agree_halves((enum pol)p, at,
							  flags | mode,
							  &checked, &traced);
			}
			for (int bit = 0; bit < 32; bit++)
				for (uint32_t mode = 0; mode <= O_ACCMODE;
				     mode++)
					open_agree_halves((enum pol)p, at,
							  (1U << bit) | mode,
							  &checked, &traced);
			open_agree_halves((enum pol)p, at, 0xffffffffU,
					  &checked, &traced);
			/* a linear congruential sweep of the low half */
			for (int k = 0; k < 4096; k++) {
				x = x * 1664525U + 1013904223U;
				open_agree_halves((enum pol)p, at, x, &checked,
						  &traced);
			}
		}
		per_pol = checked - checked_before;
		if (pol_import(p))
			ck_assert_msg(traced - before == per_pol,
				      "%s let %lu of %lu opens through",
				      pol_names[p], per_pol - (traced - before),
				      per_pol);
		else if (pol_fs(p))
			fs_traced += traced - before;
		else
			ck_assert_msg(traced == before, "%s stopped an open",
				      pol_names[p]);
	}
	/* the sweep saw both outcomes under --fs-readonly */
	ck_assert_uint_gt(fs_traced, 0);
	ck_assert_uint_lt(fs_traced, per_pol * n_fs_pols());
	ck_assert_uint_eq(checked, per_pol * P_COUNT);
}
END_TEST

/* Every syscall of classes SC_FS and SC_FSMOUNT is TRACE under
 * --fs-readonly, whatever its arguments, and ALLOW without it or with
 * Landlock alone (HERMETIC_TEST_LANDLOCK_ONLY). */
START_TEST(test_fs_classes_by_policy)
{
	static const uint64_t argsets[][6] = {
	    {0},
	    {FDCWD, 0x1000, 0, 0, 0, 0},
	    {3, 0x1000, 0x100, 0x1000, 0x1000, 0},
	    {~0ULL, ~0ULL, ~0ULL, ~0ULL, ~0ULL, ~0ULL},
	    {UPPER, UPPER, UPPER, UPPER, UPPER, UPPER},
	};
	const struct sysent *t;
	size_t n, n_fs = 0, n_mount = 0;

	progs_setup();
	t = sysent_table(&n);
	for (size_t i = 0; i < n; i++) {
		enum sc_class cls = sysent_class(t[i].nr);

		if (cls != SC_FS && cls != SC_FSMOUNT)
			continue;
		n_fs += cls == SC_FS;
		n_mount += cls == SC_FSMOUNT;
		for (int p = 0; p < P_COUNT; p++)
			for (size_t k = 0; k < HM_ARRAY_SIZE(argsets); k++) {
				uint32_t ret =
				    run((enum pol)p, AUDIT_ARCH_X86_64,
					(int)t[i].nr, argsets[k]);
				uint32_t want = pol_fs(p) ? TRACE_CHECK : ALLOW;
				char got[32], wants[32];

				HM_CHECK(
				    ret == want,
				    "%s (%ld), arguments %zu, under %s: "
				    "got %s, want %s",
				    t[i].name, t[i].nr, k, pol_names[p],
				    action_name(ret, got, sizeof(got)),
				    action_name(want, wants, sizeof(wants)));
			}
	}
	/* x86_64 has the old path calls too (open, creat, mkdir, ...) */
	ck_assert_uint_ge(n_fs, 39);
	ck_assert_uint_ge(n_mount, 16);
}
END_TEST

/* ioctl over every command type, with every direction, a few numbers and
 * sizes, and garbage in the upper half of the command and in the other
 * arguments: TRACE exactly under --fs-readonly (not Landlock alone) and
 * for the types 'f', 'X' and 0x94, whatever the rest; ALLOW otherwise. */
START_TEST(test_ioctl_types)
{
	static const uint32_t nrs[] = {0, 1, 2, 0x20, 0x7f, 0x80, 0xff};
	static const uint32_t sizes[] = {0, 4, 8, 28, 0x3fff};
	static const uint64_t upper[] = {0, 1ULL << 32, UPPER,
					 0xffffffff00000000ULL};
	static const uint64_t others[] = {0, 3, ~0ULL, FS_IOC_SETFLAGS_};
	unsigned long checked = 0, traced = 0;
	long nr_ioctl = sysent_nr("ioctl");

	progs_setup();
	ck_assert_int_eq(nr_ioctl, 16);
	ck_assert_int_eq(sysent_class(nr_ioctl), SC_IOCTL);
	for (int p = 0; p < P_COUNT; p++)
		for (uint32_t type = 0; type < 256; type++)
			for (uint32_t dir = 0; dir < 4; dir++)
				for (size_t n = 0; n < HM_ARRAY_SIZE(nrs); n++)
					for (size_t z = 0;
					     z < HM_ARRAY_SIZE(sizes); z++) {
						uint32_t cmd =
						    _IOC(dir, type, nrs[n],
							 sizes[z]);
						size_t u = (type + n + z) %
							   HM_ARRAY_SIZE(upper);
						size_t o =
						    (type + dir + z) %
						    HM_ARRAY_SIZE(others);
						uint64_t args[6] = {
						    others[o], upper[u] | cmd,
						    others[o], others[o],
						    others[o], others[o]};
						bool fs = pol_fs(p) &&
							  fs_ioctl_cmd(cmd);
						uint32_t want =
						    fs ? TRACE_CHECK : ALLOW;
						uint32_t ret =
						    run((enum pol)p,
							AUDIT_ARCH_X86_64,
							(int)nr_ioctl, args);

						HM_CHECK(
						    ret == want,
						    "ioctl(%#llx, %#llx) "
						    "under %s: 0x%08x",
						    (unsigned long long)args[0],
						    (unsigned long long)args[1],
						    pol_names[p], ret);
						checked++;
						traced += ret == TRACE_CHECK;
					}
	/* 3 types of 256, under the n_fs_pols() policies of P_COUNT */
	ck_assert_uint_eq(traced * 256 * P_COUNT, checked * 3 * n_fs_pols());
}
END_TEST

/* The filesystem rules touch nothing else: with --fs-readonly every
 * other syscall gets what it gets without it (P_FS as P_NONE, P_ALL as
 * P_BOTH), and with Landlock alone the filter is P_NONE's for every
 * syscall, open and openat with write flags included. bind is TRACE
 * under --fs-readonly whatever its arguments (a unix socket's name is a
 * new file), and ioctl is TRACE exactly for the commands of the
 * file-attribute types, as P_NONE (P_BOTH) for the others. */
START_TEST(test_fs_rules_stay_in_their_lane)
{
	static const uint64_t argsets[][6] = {
	    {0},
	    {O_WRONLY | O_CREAT, O_WRONLY | O_CREAT, O_WRONLY | O_CREAT,
	     O_WRONLY | O_CREAT, O_WRONLY | O_CREAT, O_WRONLY | O_CREAT},
	    {AF_PACKET, SOCK_RAW, 0, 0, 0x1000, 16},
	    {FORK_FLAGS, 0, 0, 0, 0, 0},
	    {PR_SET_DUMPABLE, 0, 0, 0, 0, 0},
	    {~0ULL, ~0ULL, ~0ULL, ~0ULL, ~0ULL, ~0ULL},
	    {FS_IOC_SETFLAGS_, FS_IOC_SETFLAGS_, FS_IOC_SETFLAGS_,
	     FS_IOC_SETFLAGS_, FS_IOC_SETFLAGS_, FS_IOC_SETFLAGS_},
	    {3, FS_IOC_GETFLAGS_, 0x1000, 0, 0, 0},
	    {3, UPPER | FICLONE_, 4, 0, 0, 0},
	    {AF_UNIX, TCGETS_, 0x1000, 0, 0, 0},
	};
	unsigned int seen_bind = 0, seen_ioctl_fs = 0, seen_ioctl_other = 0;

	progs_setup();
	for (int nr = -1; nr < 1024; nr++) {
		enum sc_class cls = sysent_class(nr);
		bool known = sysent_name(nr) != NULL;
		bool fs = known &&
			  (cls == SC_OPEN || cls == SC_FS || cls == SC_FSMOUNT);
		bool bind = known && cls == SC_BIND;
		bool ioctl = known && cls == SC_IOCTL;

		for (size_t k = 0; k < HM_ARRAY_SIZE(argsets); k++) {
			const uint64_t *a = argsets[k];
			uint32_t none = run(P_NONE, AUDIT_ARCH_X86_64, nr, a);
			uint32_t both = run(P_BOTH, AUDIT_ARCH_X86_64, nr, a);
			uint32_t want_fs = none, want_all = both;

			HM_CHECK(run(P_FS_LL, AUDIT_ARCH_X86_64, nr, a) == none,
				 "nr %d, arguments %zu: landlock-only differs "
				 "from none",
				 nr, k);
			if (fs) {
				HM_CHECK(none == ALLOW,
					 "nr %d, arguments %zu: not ALLOW "
					 "without --fs-readonly",
					 nr, k);
				continue;
			}
			if (bind || (ioctl && fs_ioctl_cmd(a[1]))) {
				HM_CHECK(none == ALLOW,
					 "nr %d, arguments %zu: not ALLOW "
					 "without a guard",
					 nr, k);
				want_fs = TRACE_CHECK;
				want_all = TRACE_CHECK;
				seen_bind += bind;
				seen_ioctl_fs += ioctl;
			} else {
				seen_ioctl_other += ioctl;
			}
			HM_CHECK(run(P_FS, AUDIT_ARCH_X86_64, nr, a) == want_fs,
				 "nr %d, arguments %zu: fs-readonly gives "
				 "0x%08x, want 0x%08x (none: 0x%08x)",
				 nr, k, run(P_FS, AUDIT_ARCH_X86_64, nr, a),
				 want_fs, none);
			HM_CHECK(run(P_ALL, AUDIT_ARCH_X86_64, nr, a) ==
				     want_all,
				 "nr %d, arguments %zu: all gives 0x%08x, "
				 "want 0x%08x (both: 0x%08x)",
				 nr, k, run(P_ALL, AUDIT_ARCH_X86_64, nr, a),
				 want_all, both);
		}
	}
	/* bind with every argument set; ioctl with both kinds of command */
	ck_assert_uint_eq(seen_bind, HM_ARRAY_SIZE(argsets));
	ck_assert_uint_eq(seen_ioctl_fs, 3);
	ck_assert_uint_eq(seen_ioctl_other, HM_ARRAY_SIZE(argsets) - 3);
}
END_TEST

/* ===== --block-native ===== */

/* One mapping call "nr" with protection "prot" (any upper half) through
 * the filters of "p": it stops exactly under --block-native and when the
 * low half of the protection has PROT_EXEC, whatever the other arguments
 * hold. Counts the stops. */
static void
mmap_agree(enum pol p, int nr, uint64_t prot, uint64_t others,
	   unsigned long *checked, unsigned long *traced)
{
	uint64_t args[6] = {others, others, prot, others, others, others};
	bool exec = ((uint32_t)prot & PROT_EXEC) != 0;
	uint32_t ret = run(p, AUDIT_ARCH_X86_64, nr, args);
	uint32_t want = pol_native(p) && exec ? TRACE_CHECK : ALLOW;

	HM_CHECK(ret == want,
		 "nr %d (prot %#llx, others %#llx) under %s: 0x%08x, "
		 "want 0x%08x",
		 nr, (unsigned long long)prot, (unsigned long long)others,
		 pol_names[p], ret, want);
	(*checked)++;
	*traced += ret == TRACE_CHECK;
}

/* mmap, mprotect and pkey_mprotect over every low byte of the protection
 * and a pseudo-random sweep of the low half, each with garbage in the
 * upper half (which mmap ignores for PROT_EXEC and mprotect refuses) and
 * in the other arguments: TRACE exactly for PROT_EXEC under
 * --block-native, never under the other policies. */
START_TEST(test_mmap_prot)
{
	static const uint64_t upper[] = {0, 1ULL << 32,
					 (uint64_t)PROT_EXEC << 32, UPPER,
					 0xffffffff00000000ULL};
	static const uint64_t others[] = {0, PROT_EXEC, ~0ULL,
					  0x7ffc00000004ULL};
	static const char *const names[] = {"mmap", "mprotect",
					    "pkey_mprotect"};
	unsigned long checked = 0, traced = 0, native_traced = 0;

	progs_setup();
	for (size_t k = 0; k < HM_ARRAY_SIZE(names); k++) {
		long nr = sysent_nr(names[k]);

		ck_assert_msg(nr >= 0, "%s unknown", names[k]);
		ck_assert_int_eq(sysent_class(nr), SC_MMAP);
		for (int p = 0; p < P_COUNT; p++) {
			unsigned long before = traced;
			uint32_t x = 0x9e3779b9U;

			for (size_t u = 0; u < HM_ARRAY_SIZE(upper); u++)
				for (size_t o = 0; o < HM_ARRAY_SIZE(others);
				     o++) {
					for (uint32_t low = 0; low < 256; low++)
						mmap_agree((enum pol)p, (int)nr,
							   upper[u] | low,
							   others[o], &checked,
							   &traced);
					for (int i = 0; i < 256; i++) {
						x = x * 1664525U + 1013904223U;
						mmap_agree((enum pol)p, (int)nr,
							   upper[u] | x,
							   others[o], &checked,
							   &traced);
					}
				}
			if (pol_native(p))
				native_traced += traced - before;
			else
				ck_assert_msg(traced == before, "%s stopped %s",
					      pol_names[p], names[k]);
		}
	}
	/* half the low bytes have the bit: both outcomes were seen */
	ck_assert_uint_gt(native_traced, 0);
	ck_assert_uint_lt(native_traced, checked / P_COUNT * 2);
}
END_TEST

/* The native-code rules touch nothing else: with --block-native every
 * syscall gets what it gets without it (P_NATIVE as P_NONE, P_EVERY as
 * P_ALL), except mmap, mprotect and pkey_mprotect with PROT_EXEC in the
 * low half of their third argument, which are TRACE. */
START_TEST(test_native_rules_stay_in_their_lane)
{
	static const uint64_t argsets[][6] = {
	    {0},
	    {0, 0x1000, PROT_READ | PROT_EXEC, MAP_PRIVATE, 3, 0},
	    {0, 0x1000, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
	     ~0ULL, 0},
	    {PROT_EXEC, PROT_EXEC, PROT_EXEC, PROT_EXEC, PROT_EXEC, PROT_EXEC},
	    {PROT_EXEC, PROT_EXEC, PROT_READ, PROT_EXEC, PROT_EXEC, PROT_EXEC},
	    {~0ULL, ~0ULL, ~0ULL, ~0ULL, ~0ULL, ~0ULL},
	    {UPPER, UPPER, UPPER, UPPER, UPPER, UPPER},
	    {O_WRONLY | O_CREAT, O_WRONLY | O_CREAT, O_WRONLY | O_CREAT,
	     O_WRONLY | O_CREAT, O_WRONLY | O_CREAT, O_WRONLY | O_CREAT},
	    {AF_PACKET, SOCK_RAW, 0, 0, 0x1000, 16},
	    {FORK_FLAGS, 0, PROT_EXEC, 0, 0, 0},
	    {3, FS_IOC_SETFLAGS_, UPPER | PROT_EXEC, 0, 0, 0},
	};
	unsigned int seen_exec = 0, seen_plain = 0;

	progs_setup();
	for (int nr = -1; nr < 1024; nr++) {
		bool mapping =
		    sysent_name(nr) != NULL && sysent_class(nr) == SC_MMAP;

		for (size_t k = 0; k < HM_ARRAY_SIZE(argsets); k++) {
			const uint64_t *a = argsets[k];
			uint32_t none = run(P_NONE, AUDIT_ARCH_X86_64, nr, a);
			uint32_t all = run(P_ALL, AUDIT_ARCH_X86_64, nr, a);
			uint32_t want_native = none, want_every = all;

			if (mapping && ((uint32_t)a[2] & PROT_EXEC)) {
				HM_CHECK(none == ALLOW && all == ALLOW,
					 "nr %d, arguments %zu: not ALLOW "
					 "without --block-native",
					 nr, k);
				want_native = TRACE_CHECK;
				want_every = TRACE_CHECK;
				seen_exec++;
			} else if (mapping) {
				seen_plain++;
			}
			HM_CHECK(run(P_NATIVE, AUDIT_ARCH_X86_64, nr, a) ==
				     want_native,
				 "nr %d, arguments %zu: block-native gives "
				 "0x%08x, want 0x%08x (none: 0x%08x)",
				 nr, k, run(P_NATIVE, AUDIT_ARCH_X86_64, nr, a),
				 want_native, none);
			HM_CHECK(run(P_EVERY, AUDIT_ARCH_X86_64, nr, a) ==
				     want_every,
				 "nr %d, arguments %zu: all and block-native "
				 "gives 0x%08x, want 0x%08x (all: 0x%08x)",
				 nr, k, run(P_EVERY, AUDIT_ARCH_X86_64, nr, a),
				 want_every, all);
		}
	}
	/* the three calls, with 5 argument sets of PROT_EXEC and 6 without */
	ck_assert_uint_eq(seen_exec, 3 * 5);
	ck_assert_uint_eq(seen_plain, 3 * 6);
}
END_TEST

/* ===== --deny-import ===== */

/* The import rules touch nothing else: with --deny-import every syscall
 * gets what it gets without a guard (P_IMPORT as P_NONE), except open
 * and openat, which are TRACE whatever their arguments. */
START_TEST(test_import_rules_stay_in_their_lane)
{
	static const uint64_t argsets[][6] = {
	    {0},
	    {FDCWD, 0x1000, O_RDONLY | O_CLOEXEC, 0, 0, 0},
	    {0x1000, O_RDONLY, 0, 0, 0, 0},
	    {O_WRONLY | O_CREAT, O_WRONLY | O_CREAT, O_WRONLY | O_CREAT,
	     O_WRONLY | O_CREAT, O_WRONLY | O_CREAT, O_WRONLY | O_CREAT},
	    {~0ULL, ~0ULL, ~0ULL, ~0ULL, ~0ULL, ~0ULL},
	    {UPPER, UPPER, UPPER, UPPER, UPPER, UPPER},
	    {AF_PACKET, SOCK_RAW, 0, 0, 0x1000, 16},
	    {FORK_FLAGS, 0, PROT_EXEC, 0, 0, 0},
	    {3, FS_IOC_SETFLAGS_, 0x1000, 0, 0, 0},
	    {PR_SET_DUMPABLE, 0, 0, 0, 0, 0},
	};
	unsigned int seen_open = 0;

	progs_setup();
	for (int nr = -1; nr < 1024; nr++) {
		bool open =
		    sysent_name(nr) != NULL && sysent_class(nr) == SC_OPEN;

		for (size_t k = 0; k < HM_ARRAY_SIZE(argsets); k++) {
			const uint64_t *a = argsets[k];
			uint32_t none = run(P_NONE, AUDIT_ARCH_X86_64, nr, a);
			uint32_t want = open ? TRACE_CHECK : none;
			uint32_t ret = run(P_IMPORT, AUDIT_ARCH_X86_64, nr, a);

			if (open) {
				HM_CHECK(none == ALLOW,
					 "nr %d, arguments %zu: not ALLOW "
					 "without a guard",
					 nr, k);
				seen_open++;
			}
			HM_CHECK(ret == want,
				 "nr %d, arguments %zu: deny-import gives "
				 "0x%08x, want 0x%08x (none: 0x%08x)",
				 nr, k, ret, want, none);
		}
	}
	/* open and openat, with every argument set */
	ck_assert_uint_eq(seen_open, 2 * HM_ARRAY_SIZE(argsets));
}
END_TEST

/* The simulator refuses what it does not know instead of guessing. */
START_TEST(test_simulator_refuses)
{
	struct sock_filter bad_op[] = {
	    BPF_STMT(BPF_LD | BPF_W | BPF_IND, 0),
	    BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
	};
	struct sock_filter bad_load[] = {
	    BPF_STMT(BPF_LD | BPF_W | BPF_ABS, 2),
	    BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
	};
	struct sock_filter bad_jump[] = {
	    BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, 0, 5, 0),
	    BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
	};
	struct sock_filter off_end[] = {
	    BPF_STMT(BPF_LD | BPF_W | BPF_ABS, 0),
	};
	struct sock_filter scratch[] = {
	    BPF_STMT(BPF_LD | BPF_MEM, 3),
	    BPF_STMT(BPF_RET | BPF_A, 0),
	};
	struct sock_filter good[] = {
	    BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
		     offsetof(struct seccomp_data, args[0]) + 4),
	    BPF_STMT(BPF_ST, 0),
	    BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
		     offsetof(struct seccomp_data, nr)),
	    BPF_STMT(BPF_ALU | BPF_AND | BPF_K, 0xff),
	    BPF_STMT(BPF_MISC | BPF_TAX, 0),
	    BPF_STMT(BPF_LD | BPF_MEM, 0),
	    BPF_JUMP(BPF_JMP | BPF_JSET | BPF_K, 0x80000000, 0, 1),
	    BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_KILL_PROCESS),
	    BPF_STMT(BPF_MISC | BPF_TXA, 0),
	    BPF_STMT(BPF_ALU | BPF_OR | BPF_K, SECCOMP_RET_ERRNO),
	    BPF_STMT(BPF_RET | BPF_A, 0),
	};
	struct {
		struct sock_filter *insns;
		size_t len;
	} bad[] = {
	    {bad_op, HM_ARRAY_SIZE(bad_op)},
	    {bad_load, HM_ARRAY_SIZE(bad_load)},
	    {bad_jump, HM_ARRAY_SIZE(bad_jump)},
	    {off_end, HM_ARRAY_SIZE(off_end)},
	    {scratch, HM_ARRAY_SIZE(scratch)},
	};
	struct seccomp_data d;
	struct bpf_prog prog;
	char msg[128];
	uint32_t ret;

	memset(&d, 0, sizeof(d));
	for (size_t i = 0; i < HM_ARRAY_SIZE(bad); i++) {
		prog.insns = bad[i].insns;
		prog.len = bad[i].len;
		msg[0] = '\0';
		ck_assert_msg(bpf_sim_run(&prog, &d, &ret, msg, sizeof(msg)) ==
				  -1,
			      "bad program %zu ran", i);
		ck_assert_msg(msg[0] != '\0', "no message for %zu", i);
	}
	/* and runs what it knows: the upper half of args[0] is at +4 on
	 * little-endian x86_64 */
	prog.insns = good;
	prog.len = HM_ARRAY_SIZE(good);
	d.nr = 0x1234;
	d.args[0] = 0x80000000ULL << 32;
	ck_assert_int_eq(bpf_sim_run(&prog, &d, &ret, msg, sizeof(msg)), 0);
	ck_assert_uint_eq(ret, SECCOMP_RET_KILL_PROCESS);
	d.args[0] = 0x80000000ULL;
	ck_assert_int_eq(bpf_sim_run(&prog, &d, &ret, msg, sizeof(msg)), 0);
	ck_assert_uint_eq(ret, SECCOMP_RET_ERRNO | 0x34);
}
END_TEST

static Suite *
filter_suite(void)
{
	Suite *s = suite_create("filter");
	TCase *tc = tcase_create("rows");

	/* unchecked: built once in the parent, inherited by each forked
	 * test, freed at the end */
	tcase_add_unchecked_fixture(tc, progs_setup, progs_teardown);
	tcase_add_loop_test(tc, test_rows, 0, HM_ARRAY_SIZE(rows));
	tcase_add_test(tc, test_rows_cover_policies);
	tcase_add_test(tc, test_sysent_classes);
	tcase_add_test(tc, test_unknown_numbers);
	tcase_add_test(tc, test_filters_alone);
	tcase_add_test(tc, test_foreign_abi_never_allowed);
	tcase_add_test(tc, test_socket_agrees_with_policy);
	tcase_add_test(tc, test_socket_upper_halves);
	tcase_add_test(tc, test_open_agrees_with_policy);
	tcase_add_test(tc, test_fs_classes_by_policy);
	tcase_add_test(tc, test_ioctl_types);
	tcase_add_test(tc, test_fs_rules_stay_in_their_lane);
	tcase_add_test(tc, test_mmap_prot);
	tcase_add_test(tc, test_native_rules_stay_in_their_lane);
	tcase_add_test(tc, test_import_rules_stay_in_their_lane);
	suite_add_tcase(s, tc);

	tc = tcase_create("simulator");
	tcase_add_test(tc, test_simulator_refuses);
	suite_add_tcase(s, tc);
	return s;
}

HM_SUITE_MAIN(filter_suite)

#else /* !__x86_64__ */

int
main(void)
{
	printf("check_filter: the filter rows use x86_64 syscall numbers and "
	       "this is not x86_64: skipped\n");
	return HM_EXIT_SKIP;
}

#endif
