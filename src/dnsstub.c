/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * The DNS stub thread.
 */
#include "config.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "dns.h"
#include "dnsstub.h"
#include "log.h"
#include "report.h"
#include "xmalloc.h"

#define MAX_SLOTS 16	   /* resolvers */
#define MAX_PENDING 64	   /* queries in flight per resolver */
#define MAX_LEARNED 4096   /* address -> name */
#define MAX_SEEN 64	   /* queries the tracer reported */
#define PENDING_TIMEOUT 15 /* seconds */

struct pending {
	bool used;
	uint16_t id;
	char qname[DNS_NAME_MAX];
	struct sockaddr_storage client;
	socklen_t clen;
	time_t since;
};

struct slot {
	struct hm_sockaddr up;
	bool listed;
	pid_t pid;
	int lfd; /* the program's side: 127.0.0.1:port */
	int ufd; /* the resolver's side: connected to "up" */
	int tfd; /* the program's side over TCP: 127.0.0.1:tport */
	uint16_t port, tport;
	struct pending pending[MAX_PENDING];
};

struct learned {
	uint8_t ip[16];
	char name[DNS_NAME_MAX];
};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static const struct policy *pol;
static struct slot slots[MAX_SLOTS];
static size_t nslots;
static struct learned *learned; /* a ring */
static size_t nlearned, next_learned;
static struct {
	uint16_t id;
	char qname[DNS_NAME_MAX];
} seen[MAX_SEEN];
static size_t next_seen;
static int wake[2] = {-1, -1};
static pthread_t thread;
static bool running, stopping;

static void
to_storage(const struct hm_sockaddr *sa, struct sockaddr_storage *ss,
	   socklen_t *len)
{
	memset(ss, 0, sizeof(*ss));
	if (sa->v4) {
		struct sockaddr_in *in = (struct sockaddr_in *)ss;

		in->sin_family = AF_INET;
		in->sin_port = htons(sa->port);
		memcpy(&in->sin_addr, sa->ip + 12, 4);
		*len = sizeof(*in);
	} else {
		struct sockaddr_in6 *in6 = (struct sockaddr_in6 *)ss;

		in6->sin6_family = AF_INET6;
		in6->sin6_port = htons(sa->port);
		memcpy(&in6->sin6_addr, sa->ip, 16);
		*len = sizeof(*in6);
	}
}

static void
learn(const char *name, const struct dns_addr *a)
{
	struct learned *l;
	uint8_t ip[16] = {0};

	if (a->family == AF_INET) {
		ip[10] = ip[11] = 0xff;
		memcpy(ip + 12, a->ip, 4);
	} else {
		memcpy(ip, a->ip, 16);
	}
	for (size_t i = 0; i < nlearned; i++)
		if (memcmp(learned[i].ip, ip, 16) == 0) {
			/* an address an allowed name gave stays that name's
			 * (in audit mode other names are learned too, for
			 * the reports) */
			if (policy_dns(pol, learned[i].name, true).verdict !=
			    V_ALLOW)
				snprintf(learned[i].name,
					 sizeof(learned[i].name), "%s", name);
			return;
		}
	l = &learned[next_learned];
	next_learned = (next_learned + 1) % MAX_LEARNED;
	if (nlearned < MAX_LEARNED)
		nlearned++;
	memcpy(l->ip, ip, 16);
	snprintf(l->name, sizeof(l->name), "%s", name);
}

const char *
dnsstub_name_of(const uint8_t ip[16], char *buf, size_t size)
{
	const char *found = NULL;

	pthread_mutex_lock(&lock);
	for (size_t i = 0; learned && i < nlearned; i++)
		if (memcmp(learned[i].ip, ip, 16) == 0) {
			snprintf(buf, size, "%s", learned[i].name);
			found = buf;
			break;
		}
	pthread_mutex_unlock(&lock);
	return found;
}

bool
dnsstub_is_stub(const struct hm_sockaddr *sa, struct hm_sockaddr *up)
{
	static const uint8_t lo[16] = {0, 0, 0,	   0,	 0,   0, 0, 0,
				       0, 0, 0xff, 0xff, 127, 0, 0, 1};
	bool found = false;

	if (!sa->valid || memcmp(sa->ip, lo, 16) != 0)
		return false;
	pthread_mutex_lock(&lock);
	for (size_t i = 0; i < nslots; i++)
		if (slots[i].port == sa->port || slots[i].tport == sa->port) {
			*up = slots[i].up;
			found = true;
		}
	pthread_mutex_unlock(&lock);
	return found;
}

void
dnsstub_seen(uint16_t id, const char *qname)
{
	pthread_mutex_lock(&lock);
	seen[next_seen].id = id;
	snprintf(seen[next_seen].qname, sizeof(seen[next_seen].qname), "%s",
		 qname);
	next_seen = (next_seen + 1) % MAX_SEEN;
	pthread_mutex_unlock(&lock);
}

static bool
was_seen(uint16_t id, const char *qname)
{
	for (size_t i = 0; i < MAX_SEEN; i++)
		if (seen[i].id == id && strcmp(seen[i].qname, qname) == 0) {
			seen[i].qname[0] = '\0'; /* once */
			return true;
		}
	return false;
}

/* A query the stub refuses (or lets through in audit mode) that the
 * tracer did not see: reported here, without a call site. */
static void
report_query(const struct slot *s, const struct dns_msg *m, struct decision d,
	     bool audited)
{
	char detail[DNS_NAME_MAX + 64], type[16];
	struct event ev = {
	    .pid = s->pid,
	    .tid = s->pid,
	    .syscall = "dns",
	    .d = d,
	    .audited = audited,
	    .detail = detail,
	};

	snprintf(detail, sizeof(detail), "query name=%s type=%s", m->qname,
		 dns_type_name(m->qtype, type, sizeof(type)));
	report_event(&ev);
}

/* Decide the query of "n" bytes at "buf" (into "m"): true to forward it,
 * false to refuse it (reported unless the tracer did). */
static bool
judge(struct slot *s, const uint8_t *buf, size_t n, struct dns_msg *m)
{
	struct decision d;
	bool reported;

	if (dns_parse(buf, n, m) < 0 || m->response || !m->have_question ||
	    m->qdcount != 1) {
		/* not a query hermetic can read: refused, and said */
		struct dns_msg none = {0};

		snprintf(none.qname, sizeof(none.qname), "(unreadable)");
		report_query(
		    s, &none,
		    (struct decision){V_DENY, CAT_NETWORK, "no-network"},
		    false);
		return false;
	}
	d = policy_dns(pol, m->qname, s->listed);
	pthread_mutex_lock(&lock);
	reported = was_seen(m->id, m->qname);
	pthread_mutex_unlock(&lock);
	if (d.verdict == V_DENY && !reported)
		report_query(s, m, d, pol->audit);
	return d.verdict == V_ALLOW || pol->audit;
}

static void
on_query(struct slot *s)
{
	uint8_t buf[4096], out[512];
	struct sockaddr_storage from;
	socklen_t flen = sizeof(from);
	struct dns_msg m;
	ssize_t n = recvfrom(s->lfd, buf, sizeof(buf), 0,
			     (struct sockaddr *)&from, &flen);
	bool forward;
	size_t k;

	if (n <= 0)
		return;
	forward = judge(s, buf, (size_t)n, &m);
	pthread_mutex_lock(&lock);
	if (forward) {
		struct pending *p = NULL;
		time_t now = time(NULL);

		for (size_t i = 0; i < MAX_PENDING; i++)
			if (!s->pending[i].used ||
			    now - s->pending[i].since > PENDING_TIMEOUT) {
				p = &s->pending[i];
				break;
			}
		if (p) {
			p->used = true;
			p->id = m.id;
			snprintf(p->qname, sizeof(p->qname), "%s", m.qname);
			p->client = from;
			p->clen = flen;
			p->since = now;
		}
		pthread_mutex_unlock(&lock);
		if (p && send(s->ufd, buf, (size_t)n, 0) == n)
			return;
	} else {
		pthread_mutex_unlock(&lock);
	}
	k = dns_refuse(buf, (size_t)n, out, sizeof(out));
	if (k)
		sendto(s->lfd, out, k, 0, (struct sockaddr *)&from, flen);
}

static void
on_answer(struct slot *s)
{
	uint8_t buf[65536];
	ssize_t n = recv(s->ufd, buf, sizeof(buf), 0);
	struct dns_msg m;

	if (n <= 0 || dns_parse(buf, (size_t)n, &m) < 0 || !m.response)
		return;
	pthread_mutex_lock(&lock);
	for (size_t i = 0; i < MAX_PENDING; i++) {
		struct pending *p = &s->pending[i];

		if (!p->used || p->id != m.id ||
		    strcasecmp(p->qname, m.qname) != 0)
			continue;
		/* every answer names its addresses; only an allowed name's
		 * can allow a connect (policy_remote) */
		for (size_t a = 0; a < m.naddrs; a++)
			learn(p->qname, &m.addrs[a]);
		p->used = false;
		pthread_mutex_unlock(&lock);
		sendto(s->lfd, buf, (size_t)n, 0, (struct sockaddr *)&p->client,
		       p->clen);
		return;
	}
	pthread_mutex_unlock(&lock);
}

/* Read exactly "n" bytes (the socket has a timeout). */
static bool
read_full(int fd, uint8_t *buf, size_t n)
{
	while (n > 0) {
		ssize_t r = recv(fd, buf, n, 0);

		if (r <= 0)
			return false;
		buf += r;
		n -= (size_t)r;
	}
	return true;
}

static bool
write_msg(int fd, const uint8_t *msg, size_t n)
{
	uint8_t hdr[2] = {(uint8_t)(n >> 8), (uint8_t)n};

	return send(fd, hdr, 2, MSG_NOSIGNAL) == 2 &&
	       send(fd, msg, n, MSG_NOSIGNAL) == (ssize_t)n;
}

static void
timeouts(int fd)
{
	struct timeval tv = {3, 0};

	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv));
}

/* Forward one query over TCP to the resolver; the answer into "ans"
 * ("*n" bytes), or false. */
static bool
ask_tcp(struct slot *s, const uint8_t *q, size_t qn, uint8_t *ans, size_t *n)
{
	struct sockaddr_storage ss;
	socklen_t len;
	uint8_t hdr[2];
	int fd;
	bool ok;

	to_storage(&s->up, &ss, &len);
	fd = socket(ss.ss_family, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return false;
	timeouts(fd);
	ok = connect(fd, (struct sockaddr *)&ss, len) == 0 &&
	     write_msg(fd, q, qn) && read_full(fd, hdr, 2);
	if (ok) {
		*n = (size_t)hdr[0] << 8 | hdr[1];
		ok = read_full(fd, ans, *n);
	}
	close(fd);
	return ok;
}

/* A DNS-over-TCP connection of the program: each length-prefixed query
 * judged, forwarded (over TCP) or refused, until it closes. Served in
 * the stub's thread, one at a time (TCP is glibc's fallback after a
 * truncated answer, rare). */
static void
serve_tcp(struct slot *s, int c)
{
	static uint8_t q[65536], ans[65536];
	uint8_t hdr[2], out[512];
	size_t n, an, k;
	struct dns_msg m;

	timeouts(c);
	while (read_full(c, hdr, 2)) {
		n = (size_t)hdr[0] << 8 | hdr[1];
		if (n == 0 || !read_full(c, q, n))
			break;
		if (judge(s, q, n, &m) && ask_tcp(s, q, n, ans, &an)) {
			struct dns_msg a;

			if (dns_parse(ans, an, &a) == 0 && a.response) {
				pthread_mutex_lock(&lock);
				for (size_t i = 0; i < a.naddrs; i++)
					learn(m.qname, &a.addrs[i]);
				pthread_mutex_unlock(&lock);
			}
			if (!write_msg(c, ans, an))
				break;
			continue;
		}
		k = dns_refuse(q, n, out, sizeof(out));
		if (!k || !write_msg(c, out, k))
			break;
	}
	close(c);
}

static void *
loop(void *arg)
{
	(void)arg;
	for (;;) {
		struct pollfd fds[3 * MAX_SLOTS + 1];
		struct slot *owner[3 * MAX_SLOTS + 1];
		size_t n = 0;

		pthread_mutex_lock(&lock);
		if (stopping) {
			pthread_mutex_unlock(&lock);
			return NULL;
		}
		fds[n++] = (struct pollfd){.fd = wake[0], .events = POLLIN};
		for (size_t i = 0; i < nslots; i++) {
			owner[n] = &slots[i];
			fds[n++] = (struct pollfd){.fd = slots[i].lfd,
						   .events = POLLIN};
			owner[n] = &slots[i];
			fds[n++] = (struct pollfd){.fd = slots[i].ufd,
						   .events = POLLIN};
			owner[n] = &slots[i];
			fds[n++] = (struct pollfd){.fd = slots[i].tfd,
						   .events = POLLIN};
		}
		pthread_mutex_unlock(&lock);
		if (poll(fds, n, 1000) < 0 && errno != EINTR)
			return NULL;
		if (fds[0].revents) {
			char c[16];

			if (read(wake[0], c, sizeof(c)) < 0)
				continue;
		}
		for (size_t i = 1; i < n; i++) {
			if (!(fds[i].revents & POLLIN))
				continue;
			if (fds[i].fd == owner[i]->lfd) {
				on_query(owner[i]);
			} else if (fds[i].fd == owner[i]->tfd) {
				int c = accept4(owner[i]->tfd, NULL, NULL,
						SOCK_CLOEXEC);

				if (c >= 0)
					serve_tcp(owner[i], c);
			} else {
				on_answer(owner[i]);
			}
		}
	}
}

int
dnsstub_start(const struct policy *p, char **err)
{
	sigset_t all, old;
	int rc;

	pol = p;
	learned = xcalloc(MAX_LEARNED, sizeof(*learned));
	if (pipe2(wake, O_CLOEXEC | O_NONBLOCK) < 0) {
		*err =
		    xasprintf("cannot start the DNS stub: %s", strerror(errno));
		return -1;
	}
	/* signals are the main thread's */
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	rc = pthread_create(&thread, NULL, loop, NULL);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (rc != 0) {
		*err = xasprintf("cannot start the DNS stub: %s", strerror(rc));
		return -1;
	}
	running = true;
	return 0;
}

static int
udp_socket(int family)
{
	return socket(family, SOCK_DGRAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
}

int
dnsstub_address(const struct hm_sockaddr *up, bool listed, pid_t pid, bool tcp,
		struct hm_sockaddr *out)
{
	struct sockaddr_storage ss;
	struct sockaddr_in lo = {.sin_family = AF_INET};
	socklen_t len = sizeof(lo);
	struct slot *s = NULL;
	int rc = -1;

	if (!running)
		return -1;
	pthread_mutex_lock(&lock);
	for (size_t i = 0; i < nslots; i++)
		if (memcmp(slots[i].up.ip, up->ip, 16) == 0 &&
		    slots[i].up.port == up->port)
			s = &slots[i];
	if (!s && nslots < MAX_SLOTS) {
		s = &slots[nslots];
		memset(s, 0, sizeof(*s));
		s->up = *up;
		s->listed = listed;
		lo.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
		s->lfd = udp_socket(AF_INET);
		to_storage(up, &ss, &len);
		s->ufd = udp_socket(ss.ss_family);
		s->tfd = socket(AF_INET,
				SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
		if (s->lfd < 0 || s->ufd < 0 || s->tfd < 0 ||
		    bind(s->lfd, (struct sockaddr *)&lo, sizeof(lo)) < 0 ||
		    bind(s->tfd, (struct sockaddr *)&lo, sizeof(lo)) < 0 ||
		    listen(s->tfd, 16) < 0 ||
		    connect(s->ufd, (struct sockaddr *)&ss, len) < 0) {
			if (s->lfd >= 0)
				close(s->lfd);
			if (s->ufd >= 0)
				close(s->ufd);
			if (s->tfd >= 0)
				close(s->tfd);
			s = NULL;
		} else {
			len = sizeof(lo);
			getsockname(s->lfd, (struct sockaddr *)&lo, &len);
			s->port = ntohs(lo.sin_port);
			len = sizeof(lo);
			getsockname(s->tfd, (struct sockaddr *)&lo, &len);
			s->tport = ntohs(lo.sin_port);
			nslots++;
			if (write(wake[1], "x", 1) < 0)
				debug("DNS stub: cannot wake the thread");
		}
	}
	if (s) {
		s->pid = pid;
		if (listed)
			s->listed = true;
		memset(out, 0, sizeof(*out));
		out->family = AF_INET;
		out->valid = out->v4 = true;
		out->ip[10] = out->ip[11] = 0xff;
		out->ip[12] = 127;
		out->ip[15] = 1;
		out->port = tcp ? s->tport : s->port;
		rc = 0;
	}
	pthread_mutex_unlock(&lock);
	return rc;
}

void
dnsstub_stop(void)
{
	if (!running)
		return;
	pthread_mutex_lock(&lock);
	stopping = true;
	pthread_mutex_unlock(&lock);
	if (write(wake[1], "x", 1) < 0)
		debug("DNS stub: cannot wake the thread");
	pthread_join(thread, NULL);
	for (size_t i = 0; i < nslots; i++) {
		close(slots[i].lfd);
		close(slots[i].ufd);
		close(slots[i].tfd);
	}
	close(wake[0]);
	close(wake[1]);
	free(learned);
	running = false;
}
