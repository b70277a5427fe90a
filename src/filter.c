/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * Policy to BPF: the libseccomp policy filter and the range filter (see
 * filter.h). Rules are added by number, never by name: the libseccomp of a
 * build host may not know the newest syscalls, and hermetic's own table
 * (sysent) is what counts as "known".
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/netlink.h>
#include <linux/seccomp.h>
#include <netinet/in.h>
#include <sched.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/socket.h>

#include "arch.h"
#include "filter.h"
#include "fsop.h"
#include "sysent.h"
#include "xmalloc.h"

#ifndef SECCOMP_FILTER_FLAG_NEW_LISTENER
#define SECCOMP_FILTER_FLAG_NEW_LISTENER (1UL << 3)
#endif
#ifndef CLONE_NEWCGROUP
#define CLONE_NEWCGROUP 0x02000000
#endif

/* clone flags that leave the supervisor's view: no tracing, namespaces */
static const uint64_t clone_escape_bits[] = {
    CLONE_UNTRACED, CLONE_NEWNS,   CLONE_NEWCGROUP, CLONE_NEWUTS,
    CLONE_NEWIPC,   CLONE_NEWUSER, CLONE_NEWPID,    CLONE_NEWNET,
};

/* ioctl command types whose writes change a file: 'f' (FS_IOC_SETFLAGS,
 * EXT4_IOC_SETVERSION), 'X' (FS_IOC_FSSETXATTR), 0x94 (btrfs, FICLONE) */
static const uint64_t fs_ioctl_types[] = {0x66, 0x58, 0x94};

#define TRACE_CHECK SCMP_ACT_TRACE(FILTER_TAG_CHECK)
#define MAX_CMP 4

struct builder {
	scmp_filter_ctx ctx;
	int rc;	 /* first error */
	long nr; /* syscall being added, for the message */
};

/* Add a rule of "n" comparisons (n may be 0). */
static void
rule(struct builder *b, uint32_t action, unsigned int n,
     const struct scmp_arg_cmp *cmp)
{
	int rc;

	if (b->rc)
		return;
	rc = seccomp_rule_add_array(b->ctx, action, (int)b->nr, n, cmp);
	if (rc < 0)
		b->rc = rc;
}

/* TRACE when the comparisons "pre" hold and "last" holds too. */
static void
trace_when(struct builder *b, const struct scmp_arg_cmp *pre, unsigned int npre,
	   struct scmp_arg_cmp last)
{
	struct scmp_arg_cmp cmp[MAX_CMP];

	memcpy(cmp, pre, npre * sizeof(*pre));
	cmp[npre] = last;
	rule(b, TRACE_CHECK, npre + 1, cmp);
}

/*
 * TRACE every value of argument "arg" whose bits under "field" (a mask of
 * the form 2^k - 1 within the low half) are in [lo, hi]: the range is cut
 * into aligned power-of-two blocks, one masked comparison each.
 */
static void
trace_range(struct builder *b, const struct scmp_arg_cmp *pre,
	    unsigned int npre, unsigned int arg, uint32_t field, uint64_t lo,
	    uint64_t hi)
{
	while (lo <= hi) {
		uint64_t size = 1;

		while ((lo & (size * 2 - 1)) == 0 && lo + size * 2 - 1 <= hi &&
		       size * 2 - 1 <= field)
			size *= 2;
		trace_when(b, pre, npre,
			   SCMP_CMP(arg, SCMP_CMP_MASKED_EQ,
				    field & ~(uint32_t)(size - 1), lo));
		lo += size;
	}
}

/*
 * TRACE every value of int argument "arg" that is not in "allowed" (sorted
 * ascending): the holes below the largest allowed value by masked
 * comparisons of the low half (what the kernel reads), and everything
 * above it by a comparison of all 64 bits, which also catches any upper
 * half that is not zero.
 */
static void
trace_outside(struct builder *b, const struct scmp_arg_cmp *pre,
	      unsigned int npre, unsigned int arg, const uint32_t *allowed,
	      size_t n)
{
	uint64_t next = 0;

	for (size_t i = 0; i < n; i++) {
		if (allowed[i] > next)
			trace_range(b, pre, npre, arg, 0xffffffffU, next,
				    allowed[i] - 1);
		next = (uint64_t)allowed[i] + 1;
	}
	trace_when(b, pre, npre,
		   SCMP_CMP(arg, SCMP_CMP_GT, (uint64_t)allowed[n - 1]));
}

/* TRACE every value of the bit field "field" of "arg" not in "allowed". */
static void
trace_field_outside(struct builder *b, const struct scmp_arg_cmp *pre,
		    unsigned int npre, unsigned int arg, uint32_t field,
		    const uint32_t *allowed, size_t n)
{
	uint64_t next = 0;

	for (size_t i = 0; i <= n; i++) {
		uint64_t end = i < n ? allowed[i] : (uint64_t)field + 1;

		if (end > next)
			trace_range(b, pre, npre, arg, field, next, end - 1);
		next = end + 1;
	}
}

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* socket() under --no-network: must match policy_socket(); the unit tests
 * check that they agree on every family, type and protocol. */
static void
add_socket(struct builder *b)
{
	static const uint32_t families[] = {AF_UNIX, AF_INET, AF_INET6,
					    AF_NETLINK};
	static const uint32_t types[] = {SOCK_STREAM, SOCK_DGRAM};
	static const uint32_t stream[] = {0, IPPROTO_TCP};
	static const uint32_t dgram4[] = {0, IPPROTO_ICMP, IPPROTO_UDP};
	static const uint32_t dgram6[] = {0, IPPROTO_UDP, IPPROTO_ICMPV6};
	static const uint32_t route[] = {NETLINK_ROUTE};
	static const int inet[] = {AF_INET, AF_INET6};

	trace_outside(b, NULL, 0, 0, families, N(families));
	for (size_t i = 0; i < N(inet); i++) {
		struct scmp_arg_cmp fam[2] = {
		    SCMP_A0(SCMP_CMP_MASKED_EQ, 0xffffffffU, (uint64_t)inet[i]),
		};

		trace_field_outside(b, fam, 1, 1, 0xf, types, N(types));
		fam[1] = SCMP_A1(SCMP_CMP_MASKED_EQ, 0xf, SOCK_STREAM);
		trace_outside(b, fam, 2, 2, stream, N(stream));
		fam[1] = SCMP_A1(SCMP_CMP_MASKED_EQ, 0xf, SOCK_DGRAM);
		if (inet[i] == AF_INET)
			trace_outside(b, fam, 2, 2, dgram4, N(dgram4));
		else
			trace_outside(b, fam, 2, 2, dgram6, N(dgram6));
	}
	{
		struct scmp_arg_cmp nl =
		    SCMP_A0(SCMP_CMP_MASKED_EQ, 0xffffffffU, AF_NETLINK);

		trace_outside(b, &nl, 1, 2, route, N(route));
	}
}

/* open/openat under --fs-readonly: TRACE when the flags may write, as
 * policy_open_writes() says (the unit tests check that they agree); a
 * read-only open never stops. The kernel reads the flags as an int: only
 * the low half is compared. */
static void
add_open(struct builder *b)
{
	static const uint32_t bits[] = {O_CREAT, O_TRUNC, O_APPEND};
	const struct fsop *op = fsop_find(sysent_name(b->nr));
	unsigned int arg;

	if (!op) {
		rule(b, TRACE_CHECK, 0, NULL);
		return;
	}
	arg = (unsigned int)op->path[0].flags;
	for (uint32_t mode = O_WRONLY; mode <= O_ACCMODE; mode++)
		trace_when(b, NULL, 0,
			   SCMP_CMP(arg, SCMP_CMP_MASKED_EQ, O_ACCMODE, mode));
	for (size_t i = 0; i < N(bits); i++)
		trace_when(b, NULL, 0,
			   SCMP_CMP(arg, SCMP_CMP_MASKED_EQ, bits[i], bits[i]));
}

static void
add_one(struct builder *b, const struct policy *p, enum sc_class cls)
{
	switch (cls) {
	case SC_PLAIN:
		break;
	case SC_FALLBACK:
		rule(b, SCMP_ACT_ERRNO(ENOSYS), 0, NULL);
		break;
	case SC_ESCAPE:
		rule(b, TRACE_CHECK, 0, NULL);
		break;
	case SC_SOCKET:
		if (p->no_network)
			add_socket(b);
		break;
	case SC_SENDTO:
		/* only with a destination: a connected socket's peer was
		 * checked at connect */
		if (p->no_network)
			trace_when(b, NULL, 0, SCMP_A4(SCMP_CMP_NE, 0));
		break;
	case SC_BIND:
		/* a unix socket bound to a path is a new file */
		if (p->no_network || (p->fs_readonly && !p->fs_landlock_only))
			rule(b, TRACE_CHECK, 0, NULL);
		break;
	case SC_CONNECT:
	case SC_SENDMSG:
	case SC_SENDMMSG:
	case SC_LISTEN:
		if (p->no_network)
			rule(b, TRACE_CHECK, 0, NULL);
		break;
	case SC_EXECVE:
	case SC_EXECVEAT:
		/* --fs-readonly=ROOT also decides what may run */
		if (p->no_subprocess || (p->read_root && !p->fs_landlock_only))
			rule(b, TRACE_CHECK, 0, NULL);
		break;
	case SC_FORK:
		if (p->no_subprocess)
			rule(b, TRACE_CHECK, 0, NULL);
		break;
	case SC_CLONE:
		/* the kernel reads the low half of the flags */
		for (size_t i = 0; i < N(clone_escape_bits); i++)
			trace_when(b, NULL, 0,
				   SCMP_A0(SCMP_CMP_MASKED_EQ,
					   clone_escape_bits[i],
					   clone_escape_bits[i]));
		if (p->no_subprocess)
			trace_when(
			    b, NULL, 0,
			    SCMP_A0(SCMP_CMP_MASKED_EQ, CLONE_THREAD, 0));
		break;
	case SC_PRCTL:
		/* the tracer refuses values other than 1 */
		trace_when(
		    b, NULL, 0,
		    SCMP_A0(SCMP_CMP_MASKED_EQ, 0xffffffffU, PR_SET_DUMPABLE));
		break;
	case SC_SECCOMP:
		trace_when(b, NULL, 0,
			   SCMP_A1(SCMP_CMP_MASKED_EQ,
				   SECCOMP_FILTER_FLAG_NEW_LISTENER,
				   SECCOMP_FILTER_FLAG_NEW_LISTENER));
		break;
	case SC_OPEN:
		/* --deny-import and --fs-readonly=ROOT need every open,
		 * reads too */
		if (p->n_deny_import || (p->read_root && !p->fs_landlock_only))
			rule(b, TRACE_CHECK, 0, NULL);
		else if (p->fs_readonly && !p->fs_landlock_only)
			add_open(b);
		break;
	case SC_FS:
	case SC_FSMOUNT:
		if (p->fs_readonly && !p->fs_landlock_only)
			rule(b, TRACE_CHECK, 0, NULL);
		break;
	case SC_MMAP:
		/* executable mappings (mmap and mprotect both have the
		 * protection in the third argument) */
		if (p->block_native)
			trace_when(
			    b, NULL, 0,
			    SCMP_A2(SCMP_CMP_MASKED_EQ, PROT_EXEC, PROT_EXEC));
		break;
	case SC_IOCTL:
		/* the command types of file attributes (chattr, fsxattr)
		 * and btrfs; the tracer looks at the direction */
		if (p->fs_readonly && !p->fs_landlock_only)
			for (size_t i = 0; i < N(fs_ioctl_types); i++)
				trace_when(b, NULL, 0,
					   SCMP_A1(SCMP_CMP_MASKED_EQ, 0xff00,
						   fs_ioctl_types[i] << 8));
		break;
	case SC_PERSONALITY:
		/* a change of execution domain (the low byte); the tracer
		 * lets the query 0xffffffff through */
		for (unsigned int bit = 0; bit < 8; bit++)
			trace_when(
			    b, NULL, 0,
			    SCMP_A0(SCMP_CMP_MASKED_EQ, 1U << bit, 1U << bit));
		break;
	}
}

static scmp_filter_ctx
build_policy(const struct policy *p, char **err)
{
	struct builder b = {0};
	const struct sysent *t;
	size_t n;
	int rc;

	b.ctx = seccomp_init(SCMP_ACT_ALLOW);
	if (!b.ctx) {
		*err = xstrdup("cannot initialise libseccomp");
		return NULL;
	}
	rc = seccomp_attr_set(b.ctx, SCMP_FLTATR_ACT_BADARCH,
			      SCMP_ACT_TRACE(FILTER_TAG_ABI));
	if (rc == 0)
		rc = seccomp_attr_set(b.ctx, SCMP_FLTATR_CTL_OPTIMIZE, 2);
	if (rc < 0) {
		*err =
		    xasprintf("cannot configure libseccomp: %s", strerror(-rc));
		goto out_release;
	}
	t = sysent_table(&n);
	for (size_t i = 0; i < n && !b.rc; i++) {
		b.nr = t[i].nr;
		add_one(&b, p, sysent_class(t[i].nr));
	}
	if (b.rc) {
		*err = xasprintf("cannot add the seccomp rule for %s: %s",
				 sysent_name(b.nr), strerror(-b.rc));
		goto out_release;
	}
	return b.ctx;

out_release:
	seccomp_release(b.ctx);
	return NULL;
}

/*
 * The range filter: the native arch only, nr -1 allowed (the kernel
 * answers ENOSYS, as for a user's syscall(-1)), then for each hole in the
 * sorted table "below it: allow; in it: trace", and above the largest
 * number trace. Every jump is to the next instruction or the one after,
 * so no offset can overflow.
 */
static void
build_range(struct filter *f)
{
	const struct sysent *t;
	size_t n, max, len = 0;
	struct sock_filter *prog;

	t = sysent_table(&n);
	max = 7 + 4 * n;
	prog = xcalloc(max, sizeof(*prog));

#define EMIT(stmt) (prog[len++] = (struct sock_filter)stmt)
	EMIT(BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
		      offsetof(struct seccomp_data, arch)));
	EMIT(BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, HM_AUDIT_ARCH, 1, 0));
	EMIT(BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_TRACE | FILTER_TAG_ABI));
	EMIT(BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
		      offsetof(struct seccomp_data, nr)));
	EMIT(BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, 0xffffffffU, 0, 1));
	EMIT(BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW));
	for (size_t i = 0; i + 1 < n; i++) {
		uint32_t lo = (uint32_t)t[i].nr + 1;
		uint32_t hi = (uint32_t)t[i + 1].nr - 1;

		if (lo > hi)
			continue;
		/* below the hole: a known number */
		EMIT(BPF_JUMP(BPF_JMP | BPF_JGE | BPF_K, lo, 1, 0));
		EMIT(BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW));
		/* in the hole: unknown */
		EMIT(BPF_JUMP(BPF_JMP | BPF_JGT | BPF_K, hi, 1, 0));
		EMIT(BPF_STMT(BPF_RET | BPF_K,
			      SECCOMP_RET_TRACE | FILTER_TAG_CHECK));
	}
	EMIT(BPF_JUMP(BPF_JMP | BPF_JGT | BPF_K, (uint32_t)t[n - 1].nr, 1, 0));
	EMIT(BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW));
	EMIT(BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_TRACE | FILTER_TAG_CHECK));
#undef EMIT
	f->range = prog;
	f->range_len = (unsigned short)len;
}

int
filter_build(const struct policy *p, struct filter *f, char **err)
{
	memset(f, 0, sizeof(*f));
	f->policy = build_policy(p, err);
	if (!f->policy)
		return -1;
	build_range(f);
	return 0;
}

void
filter_free(struct filter *f)
{
	if (f->policy)
		seccomp_release(f->policy);
	free(f->range);
	memset(f, 0, sizeof(*f));
}
