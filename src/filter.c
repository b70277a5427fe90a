/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * Policy to BPF through libseccomp. Rules are added by number, never by
 * name: the libseccomp of a build host may not know the newest syscalls,
 * and hermetic's own table (sysent) is what counts as "known".
 *
 * Every ALLOW condition on an int argument either compares all 64 bits for
 * equality (garbage in the upper half then fails the match and the call
 * goes to the tracer, which reads the low half as the kernel does) or masks
 * bits of the low half only (which is all the kernel reads). So no upper
 * half can turn a TRACE into an ALLOW.
 */
#include "config.h"

#include <errno.h>
#include <linux/netlink.h>
#include <netinet/in.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>

#include "filter.h"
#include "sysent.h"
#include "xmalloc.h"

#ifndef SECCOMP_FILTER_FLAG_NEW_LISTENER
#define SECCOMP_FILTER_FLAG_NEW_LISTENER (1UL << 3)
#endif
#ifndef CLONE_NEWCGROUP
#define CLONE_NEWCGROUP 0x02000000
#endif

/* clone flags that leave the supervisor's view: no tracing, namespaces */
#define CLONE_ESCAPE_FLAGS                                                   \
	((uint64_t)(CLONE_UNTRACED | CLONE_NEWNS | CLONE_NEWCGROUP |         \
		    CLONE_NEWUTS | CLONE_NEWIPC | CLONE_NEWUSER |            \
		    CLONE_NEWPID | CLONE_NEWNET))

/* prctl options allowed without a stop: reads, and settings that cannot
 * blind or escape the supervisor. Everything else is decided in inspect.c */
static const int plain_prctl[] = {
	PR_SET_PDEATHSIG,	PR_GET_PDEATHSIG, PR_GET_DUMPABLE,
	PR_GET_KEEPCAPS,	PR_SET_KEEPCAPS,  PR_SET_NAME,
	PR_GET_NAME,		PR_GET_SECCOMP,	  PR_CAPBSET_READ,
	PR_SET_TIMERSLACK,	PR_GET_TIMERSLACK, PR_SET_CHILD_SUBREAPER,
	PR_GET_CHILD_SUBREAPER, PR_SET_NO_NEW_PRIVS, PR_GET_NO_NEW_PRIVS,
	PR_GET_THP_DISABLE,	PR_SET_THP_DISABLE, 0x53564d41 /* PR_SET_VMA */,
};

struct builder {
	scmp_filter_ctx ctx;
	int rc;		/* first error */
	long nr;	/* syscall being added, for the message */
};

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

static void
allow(struct builder *b)
{
	rule(b, SCMP_ACT_ALLOW, 0, NULL);
}

static void
allow_socket(struct builder *b, int domain, int type, int protocol)
{
	struct scmp_arg_cmp cmp[3] = {
		SCMP_A0(SCMP_CMP_EQ, (uint64_t)domain),
		SCMP_A1(SCMP_CMP_MASKED_EQ, 0xf, (uint64_t)type),
		SCMP_A2(SCMP_CMP_EQ, (uint64_t)protocol),
	};

	rule(b, SCMP_ACT_ALLOW, type < 0 ? 1 : 3, cmp);
}

static void
add_socket(struct builder *b, const struct policy *p)
{
	static const int inet[] = { AF_INET, AF_INET6 };

	if (!p->no_network) {
		allow(b);
		return;
	}
	/* must match policy_socket(); check_filter tests that they agree */
	allow_socket(b, AF_UNIX, -1, 0);
	{
		struct scmp_arg_cmp cmp[2] = {
			SCMP_A0(SCMP_CMP_EQ, AF_NETLINK),
			SCMP_A2(SCMP_CMP_EQ, NETLINK_ROUTE),
		};
		rule(b, SCMP_ACT_ALLOW, 2, cmp);
	}
	for (size_t i = 0; i < 2; i++) {
		allow_socket(b, inet[i], SOCK_STREAM, 0);
		allow_socket(b, inet[i], SOCK_STREAM, IPPROTO_TCP);
		allow_socket(b, inet[i], SOCK_DGRAM, 0);
		allow_socket(b, inet[i], SOCK_DGRAM, IPPROTO_UDP);
	}
	allow_socket(b, AF_INET, SOCK_DGRAM, IPPROTO_ICMP);
	allow_socket(b, AF_INET6, SOCK_DGRAM, IPPROTO_ICMPV6);
}

static void
add_clone(struct builder *b, const struct policy *p)
{
	uint64_t want = p->no_subprocess ? CLONE_THREAD : 0;
	struct scmp_arg_cmp cmp = SCMP_A0(SCMP_CMP_MASKED_EQ,
					  CLONE_ESCAPE_FLAGS | want, want);

	rule(b, SCMP_ACT_ALLOW, 1, &cmp);
}

static void
add_prctl(struct builder *b)
{
	for (size_t i = 0; i < sizeof(plain_prctl) / sizeof(plain_prctl[0]);
	     i++) {
		struct scmp_arg_cmp cmp =
			SCMP_A0(SCMP_CMP_EQ, (uint64_t)plain_prctl[i]);

		rule(b, SCMP_ACT_ALLOW, 1, &cmp);
	}
	{
		struct scmp_arg_cmp cmp[2] = {
			SCMP_A0(SCMP_CMP_EQ, PR_SET_DUMPABLE),
			SCMP_A1(SCMP_CMP_EQ, 1),
		};
		rule(b, SCMP_ACT_ALLOW, 2, cmp);
	}
}

static void
add_one(struct builder *b, const struct policy *p, enum sc_class cls)
{
	switch (cls) {
	case SC_PLAIN:
		allow(b);
		break;
	case SC_FALLBACK:
		rule(b, SCMP_ACT_ERRNO(ENOSYS), 0, NULL);
		break;
	case SC_ESCAPE:
		break;	/* TRACE by default, refused by the tracer */
	case SC_SOCKET:
		add_socket(b, p);
		break;
	case SC_SENDTO:
		if (!p->no_network) {
			allow(b);
		} else {
			struct scmp_arg_cmp cmp = SCMP_A4(SCMP_CMP_EQ, 0);

			rule(b, SCMP_ACT_ALLOW, 1, &cmp);
		}
		break;
	case SC_CONNECT:
	case SC_SENDMSG:
	case SC_SENDMMSG:
	case SC_BIND:
		if (!p->no_network)
			allow(b);
		break;
	case SC_EXECVE:
	case SC_EXECVEAT:
	case SC_FORK:
		if (!p->no_subprocess)
			allow(b);
		break;
	case SC_CLONE:
		add_clone(b, p);
		break;
	case SC_PRCTL:
		add_prctl(b);
		break;
	case SC_SECCOMP: {
		struct scmp_arg_cmp cmp =
			SCMP_A1(SCMP_CMP_MASKED_EQ,
				SECCOMP_FILTER_FLAG_NEW_LISTENER, 0);

		rule(b, SCMP_ACT_ALLOW, 1, &cmp);
		break;
	}
	case SC_PERSONALITY: {
		/* a query, or flags only (the low byte is the domain) */
		struct scmp_arg_cmp query = SCMP_A0(SCMP_CMP_EQ, 0xffffffffUL);
		struct scmp_arg_cmp linux_ = SCMP_A0(SCMP_CMP_MASKED_EQ, 0xff,
						     0);

		rule(b, SCMP_ACT_ALLOW, 1, &query);
		rule(b, SCMP_ACT_ALLOW, 1, &linux_);
		break;
	}
	}
}

scmp_filter_ctx
filter_build(const struct policy *p, char **err)
{
	struct builder b = { 0 };
	const struct sysent *t;
	size_t n;
	int rc;

	b.ctx = seccomp_init(SCMP_ACT_TRACE(FILTER_TAG_CHECK));
	if (!b.ctx) {
		*err = xstrdup("cannot initialise libseccomp");
		return NULL;
	}
	rc = seccomp_attr_set(b.ctx, SCMP_FLTATR_ACT_BADARCH,
			      SCMP_ACT_TRACE(FILTER_TAG_ABI));
	if (rc == 0)
		rc = seccomp_attr_set(b.ctx, SCMP_FLTATR_CTL_OPTIMIZE, 2);
	if (rc < 0) {
		*err = xasprintf("cannot configure libseccomp: %s",
				 strerror(-rc));
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
