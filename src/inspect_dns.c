/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * DNS under --no-network. A connect() of a UDP socket to port 53 sends
 * nothing, so it is let through, but to hermetic's stub (dnsstub.h): the
 * address the program gave is rewritten in its memory to the stub's (for
 * glibc that is its copy of the nameserver's address, which it then also
 * expects answers from). A TCP connection to port 53 goes to the stub's
 * TCP side the same way. The thread that connected is then followed
 * through every system call (PTRACE_SYSCALL) until it closes the socket
 * or a few dozen calls have passed: a query it sends is decoded there,
 * while it is stopped, so that a denied one is reported with its call
 * site; the stub enforces (it refuses what is not allowed, whoever sends
 * it). Nothing else is slowed: other threads and sockets are not followed.
 */
#include "config.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <netinet/in.h>
#include <unistd.h>

#include "context.h"
#include "decode/decode.h"
#include "dns.h"
#include "dnsstub.h"
#include "log.h"
#include "mem.h"
#include "report.h"
#include "sysent.h"
#include "tracer_int.h"

#define DNS_WATCH_CALLS 64 /* system calls followed after the connect */

/* The type of socket "fd" of "pid" (SOCK_DGRAM...), or -1. */
static int
socket_type(pid_t pid, int fd)
{
	int sock = decode_fd_copy(pid, fd), type = -1;
	socklen_t len = sizeof(type);

	if (sock < 0)
		return -1;
	if (getsockopt(sock, SOL_SOCKET, SO_TYPE, &type, &len) < 0)
		type = -1;
	close(sock);
	return type;
}

/* Does the tracee's resolv.conf name "sa"? */
static bool
listed(pid_t pid, const struct hm_sockaddr *sa)
{
	char path[64], text[8192];
	ssize_t n;
	int fd;

	snprintf(path, sizeof(path), "/proc/%d/root/etc/resolv.conf", (int)pid);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return false;
	n = read(fd, text, sizeof(text) - 1);
	close(fd);
	if (n <= 0)
		return false;
	text[n] = '\0';
	return policy_resolvconf_lists(text, sa);
}

/* The stub's address in the form of the program's own sockaddr. */
static size_t
stub_sockaddr(const struct hm_sockaddr *stub, int family, uint8_t *out)
{
	if (family == AF_INET) {
		struct sockaddr_in in = {.sin_family = AF_INET,
					 .sin_port = htons(stub->port)};

		memcpy(&in.sin_addr, stub->ip + 12, 4);
		memcpy(out, &in, sizeof(in));
		return sizeof(in);
	} else {
		struct sockaddr_in6 in6 = {.sin6_family = AF_INET6,
					   .sin6_port = htons(stub->port)};

		memcpy(&in6.sin6_addr, stub->ip, 16); /* ::ffff:127.0.0.1 */
		memcpy(out, &in6, sizeof(in6));
		return sizeof(in6);
	}
}

bool
inspect_dns_connect(struct tracer *tr, struct tracee *t, int fd, uint64_t addr,
		    const struct hm_sockaddr *given, struct outcome *o)
{
	pid_t pid = t->proc ? t->proc->tgid : t->tid;
	const struct hm_sockaddr *sa = given;
	struct hm_sockaddr stub, up;
	uint8_t raw[sizeof(struct sockaddr_in6)];
	size_t n;
	int type;

	if (!tr->policy->no_network ||
	    (sa->family != AF_INET && sa->family != AF_INET6) || !sa->valid)
		return false;
	/* the stub's own address, which glibc keeps as its nameserver's
	 * once rewritten: the same resolver again */
	if (dnsstub_is_stub(given, &up))
		sa = &up;
	if (sa->port != 53 || sockaddr_is_metadata(sa))
		return false;
	type = socket_type(pid, fd);
	if (type != SOCK_DGRAM && type != SOCK_STREAM)
		return false;
	if (dnsstub_address(sa, listed(pid, sa), pid, type == SOCK_STREAM,
			    &stub) < 0)
		return false; /* no stub: the network rules deny it */
	n = stub_sockaddr(&stub, given->v6_sockaddr ? AF_INET6 : AF_INET, raw);
	if (mem_write(t->tid, addr, raw, n) < 0)
		return false;
	o->d.verdict = V_ALLOW;
	o->d.cat = CAT_NETWORK;
	if (report_wants_allowed()) {
		sockaddr_format(sa, o->detail, sizeof(o->detail));
		o->inspected = true;
	}
	t->dns_fd = fd;
	t->dns_tcp = type == SOCK_STREAM;
	t->dns_watch = DNS_WATCH_CALLS;
	t->dns_check = true;
	return true;
}

void
inspect_dns_verify(struct tracer *tr, struct tracee *t)
{
	pid_t pid = t->proc ? t->proc->tgid : t->tid;
	int sock = decode_fd_copy(pid, t->dns_fd);
	struct sockaddr_storage ss;
	socklen_t len = sizeof(ss);
	struct hm_sockaddr peer, up;
	bool ok;

	(void)tr;
	if (sock < 0)
		return; /* closed already: nothing can be sent on it */
	memset(&ss, 0, sizeof(ss));
	if (getpeername(sock, (struct sockaddr *)&ss, &len) < 0) {
		close(sock);
		return; /* not connected (the connect failed) */
	}
	close(sock);
	sockaddr_decode(&ss, len, &peer);
	ok = dnsstub_is_stub(&peer, &up);
	if (!ok) {
		warn("pid %d connected its DNS socket past hermetic's stub (an "
		     "address changed after the check?): killed",
		     (int)pid);
		kill(pid, SIGKILL);
	}
}

/* Read the first bytes of what a send-like call "name" with arguments
 * "a" sends, into "buf"; returns their number, or -1. */
static long
sent_bytes(pid_t tid, const char *name, const uint64_t *a, uint8_t *buf,
	   size_t size, unsigned int which)
{
	struct iovec iov;
	uint64_t base = 0, len = 0;

	if (strcmp(name, "sendto") == 0 || strcmp(name, "write") == 0 ||
	    strcmp(name, "send") == 0) {
		if (which)
			return -1;
		base = a[1];
		len = a[2];
	} else if (strcmp(name, "writev") == 0) {
		/* glibc writes a TCP query's length and body as two */
		size_t got = 0;

		if (which)
			return -1;
		for (uint64_t i = 0; i < a[2] && i < 4 && got < size; i++) {
			size_t k;

			if (mem_read(tid, a[1] + i * sizeof(iov), &iov,
				     sizeof(iov)) < 0)
				return -1;
			k = iov.iov_len < size - got ? iov.iov_len : size - got;
			if (mem_read(tid, (uint64_t)(uintptr_t)iov.iov_base,
				     buf + got, k) < 0)
				return -1;
			got += k;
		}
		return (long)got;
	} else if (strcmp(name, "sendmsg") == 0 ||
		   strcmp(name, "sendmmsg") == 0) {
		struct mmsghdr mm;
		uint64_t at = a[1];

		if (strcmp(name, "sendmsg") == 0 ? which != 0
						 : which >= (unsigned)a[2])
			return -1;
		at += (uint64_t)which * sizeof(struct mmsghdr);
		if (mem_read(tid, at, &mm.msg_hdr, sizeof(mm.msg_hdr)) < 0 ||
		    mm.msg_hdr.msg_iovlen < 1 ||
		    mem_read(tid, (uint64_t)(uintptr_t)mm.msg_hdr.msg_iov, &iov,
			     sizeof(iov)) < 0)
			return -1;
		base = (uint64_t)(uintptr_t)iov.iov_base;
		len = iov.iov_len;
	} else {
		return -1;
	}
	if (len > size)
		len = size;
	if (mem_read(tid, base, buf, (size_t)len) < 0)
		return -1;
	return (long)len;
}

/* Report a denied (or, in audit mode, audited) query "m" of "t". */
static void
report_query(struct tracer *tr, struct tracee *t, const struct dns_msg *m,
	     struct decision d)
{
	char detail[DNS_NAME_MAX + 64], type[16];
	struct context ctx;
	struct event ev = {
	    .pid = t->proc ? t->proc->tgid : t->tid,
	    .tid = t->tid,
	    .syscall = "dns",
	    .d = d,
	    .audited = tr->policy->audit,
	    .detail = detail,
	    .ctx = &ctx,
	};

	memset(&ctx, 0, sizeof(ctx));
	ctx.pick = -1;
	if (report_wants_context())
		context_gather(t, &ctx);
	snprintf(detail, sizeof(detail), "query name=%s type=%s", m->qname,
		 dns_type_name(m->qtype, type, sizeof(type)));
	report_event(&ev);
}

void
inspect_dns_entry(struct tracer *tr, struct tracee *t, long nr,
		  const uint64_t *a)
{
	const char *name = sysent_name(nr);
	uint8_t buf[512];

	if (--t->dns_watch <= 0 || !name || (int)a[0] != t->dns_fd)
		return;
	debug("pid %d: %s on its DNS socket %d", (int)t->tid, name, t->dns_fd);
	if (strcmp(name, "close") == 0) {
		t->dns_watch = 0; /* done with it */
		return;
	}
	for (unsigned int i = 0; i < 4; i++) {
		long n = sent_bytes(t->tid, name, a, buf, sizeof(buf), i);
		struct dns_msg m;
		struct decision d;

		if (n < 0)
			break;
		/* over TCP a query comes after its two-byte length */
		if (t->dns_tcp &&
		    (n < 2 || dns_parse(buf + 2, (size_t)n - 2, &m) < 0))
			continue; /* the stub refuses it, and says so */
		if (!t->dns_tcp && dns_parse(buf, (size_t)n, &m) < 0)
			continue;
		if (m.response || !m.have_question)
			continue;
		d = policy_dns(tr->policy, m.qname, true);
		if (d.verdict == V_ALLOW)
			continue;
		report_query(tr, t, &m, d);
		dnsstub_seen(m.id, m.qname);
	}
}

/* A datagram of "len" bytes at "buf" sent to the address of "namelen"
 * bytes at "name": the DNS query case of inspect_dns_send(). */
static bool
query_to(struct tracer *tr, struct tracee *t, uint64_t name, uint64_t namelen,
	 uint64_t buf, uint64_t len, struct outcome *o)
{
	struct hm_sockaddr sa;
	struct dns_msg m;
	struct decision d;
	uint8_t data[512];
	size_t n = len < sizeof(data) ? (size_t)len : sizeof(data);
	char type[16];

	if (!tr->policy->no_network ||
	    decode_sockaddr(t->tid, name, namelen, &sa) < 0 || !sa.valid ||
	    (sa.family != AF_INET && sa.family != AF_INET6) || sa.port != 53 ||
	    sockaddr_is_metadata(&sa) || mem_read(t->tid, buf, data, n) < 0 ||
	    dns_parse(data, n, &m) < 0 || m.response || !m.have_question)
		return false;
	d = policy_dns(tr->policy, m.qname,
		       listed(t->proc ? t->proc->tgid : t->tid, &sa));
	if (d.verdict == V_ALLOW)
		d = (struct decision){V_DENY, CAT_NETWORK, "no-network"};
	outcome_apply(o, d);
	snprintf(o->syscall, sizeof(o->syscall), "dns");
	snprintf(o->detail, sizeof(o->detail), "query name=%s type=%s%s",
		 m.qname, dns_type_name(m.qtype, type, sizeof(type)),
		 d.reason && strcmp(d.reason, "no-network") == 0 &&
			 policy_dns(tr->policy, m.qname, true).verdict ==
			     V_ALLOW
		     ? " (sent with sendto, not on a connected socket: only "
		       "those go through hermetic's resolver)"
		     : "");
	return true;
}

/* The name and first buffer of the struct msghdr at "at". */
static bool
msg_parts(pid_t tid, uint64_t at, uint64_t *name, uint64_t *namelen,
	  uint64_t *buf, uint64_t *len)
{
	struct msghdr h;
	struct iovec iov;

	if (mem_read(tid, at, &h, sizeof(h)) < 0 || !h.msg_name ||
	    h.msg_iovlen < 1 ||
	    mem_read(tid, (uint64_t)(uintptr_t)h.msg_iov, &iov, sizeof(iov)) <
		0)
		return false;
	*name = (uint64_t)(uintptr_t)h.msg_name;
	*namelen = h.msg_namelen;
	*buf = (uint64_t)(uintptr_t)iov.iov_base;
	*len = iov.iov_len;
	return true;
}

bool
inspect_dns_send(struct tracer *tr, struct tracee *t, enum sc_class cls,
		 const uint64_t *a, struct outcome *o)
{
	uint64_t name, namelen, buf, len;

	if (!tr->policy->no_network)
		return false;
	if (cls == SC_SENDTO)
		return a[4] && query_to(tr, t, a[4], a[5], a[1], a[2], o);
	if (cls == SC_SENDMSG)
		return msg_parts(t->tid, a[1], &name, &namelen, &buf, &len) &&
		       query_to(tr, t, name, namelen, buf, len, o);
	for (unsigned int i = 0;
	     cls == SC_SENDMMSG && i < (unsigned)a[2] && i < 8; i++)
		if (msg_parts(t->tid, a[1] + i * sizeof(struct mmsghdr), &name,
			      &namelen, &buf, &len) &&
		    query_to(tr, t, name, namelen, buf, len, o))
			return true;
	return false;
}
