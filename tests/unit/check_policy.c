/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * Unit tests of the policy decisions (policy.c): socket addresses by
 * operation under --no-network with and without --allow-localhost (a
 * table of addresses), unix names (matched as given or as resolved),
 * netlink and truncated addresses, listen(), the socket() allowlist,
 * spawning and exec, the exec allow-list by file identity, changes to the
 * filesystem under --fs-readonly (open flags that write, paths below an
 * --allow-write directory, the character devices that may be opened for
 * writing, hermetic's own stdout and stderr), the files that may be
 * mapped executable under --block-native (the system's and the
 * interpreter's lib directories, not site-packages, dist-packages or the
 * ctypes and cffi back-ends), the files whose opening --deny-import
 * denies (a module's source, bytecode and extension files and its
 * package directory, by path) and the module names it accepts, and what
 * policy_build() refuses.
 */
#include "config.h"

#include <arpa/inet.h>
#include <check.h>
#include <fcntl.h>
#include <linux/netlink.h>
#include <netinet/in.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>

#include "check_common.h"
#include "policy.h"

/* A decoded inet address: "addr" in inet_pton() form, IPv6 when it holds
 * a ':'. */
static struct hm_sockaddr
inet_addr_of(const char *addr, uint16_t port, uint32_t scope_id)
{
	struct hm_sockaddr sa;

	if (strchr(addr, ':')) {
		struct sockaddr_in6 sin6 = {.sin6_family = AF_INET6};

		sin6.sin6_port = htons(port);
		sin6.sin6_scope_id = scope_id;
		ck_assert_int_eq(inet_pton(AF_INET6, addr, &sin6.sin6_addr), 1);
		ck_assert_int_eq(sockaddr_decode(&sin6, sizeof(sin6), &sa), 0);
	} else {
		struct sockaddr_in sin = {.sin_family = AF_INET};

		sin.sin_port = htons(port);
		ck_assert_int_eq(inet_pton(AF_INET, addr, &sin.sin_addr), 1);
		ck_assert_int_eq(sockaddr_decode(&sin, sizeof(sin), &sa), 0);
	}
	ck_assert(sa.valid);
	return sa;
}

/* A decoded unix address: a path, or with "abstract" an abstract name of
 * "n" bytes (which may hold NULs). */
static struct hm_sockaddr
unix_addr_of(const char *name, size_t n, bool abstract)
{
	struct sockaddr_un sun = {.sun_family = AF_UNIX};
	struct hm_sockaddr sa;
	size_t off = offsetof(struct sockaddr_un, sun_path);

	if (abstract) {
		memcpy(sun.sun_path + 1, name, n);
		n++;
	} else {
		memcpy(sun.sun_path, name, n);
	}
	ck_assert_int_eq(sockaddr_decode(&sun, off + n, &sa), 0);
	ck_assert(sa.valid);
	return sa;
}

static struct hm_sockaddr
unix_path(const char *path)
{
	return unix_addr_of(path, strlen(path) + 1, false);
}

static struct hm_sockaddr
unix_abstract(const char *name)
{
	return unix_addr_of(name, strlen(name), true);
}

static const char *const op_names[] = {"connect", "send", "bind"};

/* 'A' allowed, 'N' denied with reason no-network, 'M' denied with reason
 * cloud-metadata. */
static void
check_decision(struct decision d, char want, const char *what)
{
	ck_assert_msg(d.cat == CAT_NETWORK, "%s: category %d", what, d.cat);
	switch (want) {
	case 'A':
		ck_assert_msg(d.verdict == V_ALLOW, "%s: denied (%s)", what,
			      d.reason ? d.reason : "no reason");
		ck_assert_msg(d.reason == NULL, "%s: allowed with reason %s",
			      what, d.reason);
		break;
	case 'N':
	case 'M':
		ck_assert_msg(d.verdict == V_DENY, "%s: allowed", what);
		ck_assert_ptr_nonnull(d.reason);
		ck_assert_msg(strcmp(d.reason, want == 'N'
						   ? "no-network"
						   : "cloud-metadata") == 0,
			      "%s: reason %s", what, d.reason);
		break;
	default:
		ck_abort_msg("bad expectation %c", want);
	}
}

/* A policy with just the network flags set. */
static struct policy
policy_of(bool no_network, bool allow_localhost)
{
	struct policy p;

	memset(&p, 0, sizeof(p));
	p.no_network = no_network;
	p.allow_localhost = allow_localhost;
	return p;
}

/* clang-format off */
static const struct addr_row {
	const char *addr;
	uint16_t port;
	uint32_t scope_id;
	/* connect, send, bind: without and with --allow-localhost */
	const char *plain;
	const char *localhost;
} addr_rows[] = {
	/* loopback: reachable only with --allow-localhost; binding to it
	 * is local whatever the flags */
	{ "127.0.0.1",		80,  0, "NNA", "AAA" },
	{ "127.255.255.254",	80,  0, "NNA", "AAA" },
	{ "::1",		80,  0, "NNA", "AAA" },
	{ "::ffff:127.0.0.1",	80,  0, "NNA", "AAA" },
	/* the unspecified addresses reach loopback on Linux; binding to
	 * them listens on every interface */
	{ "0.0.0.0",		80,  0, "NNN", "AAN" },
	{ "::",			80,  0, "NNN", "AAN" },
	{ "::ffff:0.0.0.0",	80,  0, "NNN", "AAN" },
	/* the network */
	{ "203.0.113.5",	80,  0, "NNN", "NNN" },
	{ "::ffff:203.0.113.5",	443, 0, "NNN", "NNN" },
	{ "2001:db8::1",	443, 0, "NNN", "NNN" },
	{ "10.0.0.1",		8080, 0, "NNN", "NNN" },
	{ "fe80::1",		80,  2, "NNN", "NNN" },
	{ "::2",		80,  0, "NNN", "NNN" },
	{ "128.0.0.1",		80,  0, "NNN", "NNN" },
	/* DNS, even to a loopback stub resolver, is the network */
	{ "127.0.0.53",		53,  0, "NNA", "NNA" },
	{ "::1",		53,  0, "NNA", "NNA" },
	{ "0.0.0.0",		53,  0, "NNN", "NNN" },
	/* cloud metadata endpoints, in every form, whatever the flags */
	{ "169.254.169.254",	80,  0, "MMM", "MMM" },
	{ "169.254.169.254",	53,  0, "MMM", "MMM" },
	{ "100.100.100.200",	80,  0, "MMM", "MMM" },
	{ "fd00:ec2::254",	80,  0, "MMM", "MMM" },
	{ "fe80::a9fe:a9fe",	80,  0, "MMM", "MMM" },
	{ "fe80::a9fe:a9fe",	80,  3, "MMM", "MMM" },
	{ "::ffff:169.254.169.254", 80, 0, "MMM", "MMM" },
	{ "::ffff:100.100.100.200", 80, 0, "MMM", "MMM" },
	/* neighbours of the metadata addresses are just the network */
	{ "169.254.169.253",	80,  0, "NNN", "NNN" },
	{ "fd00:ec2::253",	80,  0, "NNN", "NNN" },
};
/* clang-format on */

START_TEST(test_inet_table)
{
	const struct addr_row *r = &addr_rows[_i];
	struct hm_sockaddr sa = inet_addr_of(r->addr, r->port, r->scope_id);

	for (int lh = 0; lh < 2; lh++) {
		struct policy p = policy_of(true, lh);
		const char *want = lh ? r->localhost : r->plain;

		for (int op = NET_CONNECT; op <= NET_BIND; op++) {
			char what[128];

			snprintf(what, sizeof(what), "%s %s port %u%s",
				 op_names[op], r->addr, r->port,
				 lh ? " --allow-localhost" : "");
			check_decision(policy_sockaddr(&p, (enum net_op)op, &sa,
						       false, NULL),
				       want[op], what);
			/* own_unix says nothing about inet addresses */
			check_decision(policy_sockaddr(&p, (enum net_op)op, &sa,
						       true, NULL),
				       want[op], what);
		}
	}
	/* without --no-network everything is allowed */
	for (int lh = 0; lh < 2; lh++) {
		struct policy p = policy_of(false, lh);

		for (int op = NET_CONNECT; op <= NET_BIND; op++)
			ck_assert_int_eq(policy_sockaddr(&p, (enum net_op)op,
							 &sa, false, NULL)
					     .verdict,
					 V_ALLOW);
	}
}
END_TEST

START_TEST(test_unspec)
{
	struct policy p = policy_of(true, false);
	sa_family_t fam = AF_UNSPEC;
	struct hm_sockaddr sa;

	ck_assert_int_eq(sockaddr_decode(&fam, sizeof(fam), &sa), 0);
	ck_assert(sa.valid);
	/* connect(AF_UNSPEC) dissolves an association: allowed */
	check_decision(policy_sockaddr(&p, NET_CONNECT, &sa, false, NULL), 'A',
		       "connect AF_UNSPEC");
	check_decision(policy_sockaddr(&p, NET_SEND, &sa, false, NULL), 'N',
		       "send AF_UNSPEC");
	check_decision(policy_sockaddr(&p, NET_BIND, &sa, false, NULL), 'N',
		       "bind AF_UNSPEC");
}
END_TEST

START_TEST(test_truncated)
{
	struct sockaddr_in sin = {.sin_family = AF_INET};
	struct sockaddr_in6 sin6 = {.sin6_family = AF_INET6};
	struct sockaddr_nl snl = {.nl_family = AF_NETLINK};
	/* clang-format off */
	struct {
		const void *buf;
		size_t len;
	} cases[] = {
		{ &sin, sizeof(sin) - 1 },
		{ &sin, 4 },
		{ &sin6, 23 },
		{ &snl, sizeof(snl) - 1 },
		{ &sin, 1 },
		{ &sin, 0 },
	};
	/* clang-format on */

	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	sin6.sin6_addr = in6addr_loopback;
	for (size_t i = 0; i < HM_ARRAY_SIZE(cases); i++) {
		struct hm_sockaddr sa;

		ck_assert_int_eq(
		    sockaddr_decode(cases[i].buf, cases[i].len, &sa), 0);
		ck_assert(!sa.valid);
		for (int lh = 0; lh < 2; lh++) {
			struct policy p = policy_of(true, lh);

			for (int op = NET_CONNECT; op <= NET_BIND; op++)
				check_decision(policy_sockaddr(&p,
							       (enum net_op)op,
							       &sa, true, NULL),
					       'N', "truncated address");
			/* the kernel refuses it anyway: without
			 * --no-network there is nothing to decide */
			p = policy_of(false, lh);
			ck_assert_int_eq(
			    policy_sockaddr(&p, NET_CONNECT, &sa, false, NULL)
				.verdict,
			    V_ALLOW);
		}
	}
}
END_TEST

START_TEST(test_other_family)
{
	struct policy p = policy_of(true, true);
	sa_family_t fam = AF_PACKET;
	struct hm_sockaddr sa;
	unsigned char buf[32] = {0};

	memcpy(buf, &fam, sizeof(fam));
	ck_assert_int_eq(sockaddr_decode(buf, sizeof(buf), &sa), 0);
	for (int op = NET_CONNECT; op <= NET_BIND; op++)
		check_decision(
		    policy_sockaddr(&p, (enum net_op)op, &sa, true, NULL), 'N',
		    "AF_PACKET address");
}
END_TEST

START_TEST(test_unix_bind_and_own)
{
	struct policy p = policy_of(true, false);
	struct hm_sockaddr path = unix_path("/run/foreign.sock");
	struct hm_sockaddr abs = unix_abstract("foreign");
	struct hm_sockaddr unnamed;
	sa_family_t fam = AF_UNIX;

	ck_assert_int_eq(sockaddr_decode(&fam, sizeof(fam), &unnamed), 0);
	ck_assert(unnamed.unnamed);

	/* binding a name is local */
	check_decision(policy_sockaddr(&p, NET_BIND, &path, false, NULL), 'A',
		       "bind path");
	check_decision(policy_sockaddr(&p, NET_BIND, &abs, false, NULL), 'A',
		       "bind abstract");
	check_decision(policy_sockaddr(&p, NET_BIND, &unnamed, false, NULL),
		       'A', "bind autobind");
	/* using a name another process bound is not */
	check_decision(policy_sockaddr(&p, NET_CONNECT, &path, false, NULL),
		       'N', "connect foreign path");
	check_decision(policy_sockaddr(&p, NET_SEND, &path, false, NULL), 'N',
		       "send foreign path");
	check_decision(policy_sockaddr(&p, NET_CONNECT, &abs, false, NULL), 'N',
		       "connect foreign abstract");
	check_decision(policy_sockaddr(&p, NET_CONNECT, &unnamed, false, NULL),
		       'N', "connect unnamed");
	/* unless the traced tree bound it */
	check_decision(policy_sockaddr(&p, NET_CONNECT, &path, true, NULL), 'A',
		       "connect own path");
	check_decision(policy_sockaddr(&p, NET_SEND, &abs, true, NULL), 'A',
		       "send own abstract");
	/* --allow-localhost is about inet, not unix sockets */
	p.allow_localhost = true;
	check_decision(policy_sockaddr(&p, NET_CONNECT, &path, false, NULL),
		       'N', "connect foreign path with --allow-localhost");
}
END_TEST

START_TEST(test_unix_allow_all)
{
	struct policy p = policy_of(true, false);
	struct hm_sockaddr path = unix_path("/run/anything.sock");
	struct hm_sockaddr rel = unix_path("relative.sock");
	struct hm_sockaddr abs = unix_abstract("anything");

	p.allow_unix_all = true;
	for (int op = NET_CONNECT; op <= NET_BIND; op++) {
		check_decision(
		    policy_sockaddr(&p, (enum net_op)op, &path, false, NULL),
		    'A', "path with --allow-unix");
		check_decision(
		    policy_sockaddr(&p, (enum net_op)op, &rel, false, NULL),
		    'A', "relative path with --allow-unix");
		check_decision(
		    policy_sockaddr(&p, (enum net_op)op, &abs, false, NULL),
		    'A', "abstract with --allow-unix");
	}
}
END_TEST

/* clang-format off */
static const struct unix_row {
	const char *rule;	/* one --allow-unix value */
	const char *name;	/* "@..." abstract, else a path */
	char want;		/* for connect and send */
} unix_rows[] = {
	{ "/run/x.sock",	"/run/x.sock",		'A' },
	{ "/run/x.sock",	"/run/x.sock2",		'N' },
	{ "/run/x.sock",	"/run/x.soc",		'N' },
	{ "/run/x.sock",	"/run/y.sock",		'N' },
	{ "/run/x.sock",	"/run/x.sock/sub",	'A' },
	{ "/run/x.sock",	"@/run/x.sock",		'N' },
	{ "/run/x.sock",	"run/x.sock",		'N' },
	/* a directory covers what is below it, not its name's prefix */
	{ "/run/dir",		"/run/dir/a.sock",	'A' },
	{ "/run/dir",		"/run/dir/sub/b.sock",	'A' },
	{ "/run/dir",		"/run/dir",		'A' },
	{ "/run/dir",		"/run/dirx",		'N' },
	{ "/run/dir",		"/run/dirx/a.sock",	'N' },
	{ "/run/dir",		"/run/di",		'N' },
	{ "/run/dir/",		"/run/dir/a.sock",	'A' },
	{ "/run/dir/",		"/run/dirx",		'N' },
	{ "/run/dir//",		"/run/dir/a.sock",	'A' },
	{ "/",			"/any/where.sock",	'A' },
	{ "/",			"@name",		'N' },
	/* an abstract rule names one abstract socket */
	{ "@name",		"@name",		'A' },
	{ "@name",		"@name2",		'N' },
	{ "@name",		"@nam",			'N' },
	{ "@name",		"@",			'N' },
	{ "@name",		"/name",		'N' },
	{ "@name",		"@name/sub",		'N' },
	{ "@",			"@",			'A' },
	{ "@",			"@x",			'N' },
	{ "@/run/x.sock",	"/run/x.sock",		'N' },
};
/* clang-format on */

START_TEST(test_unix_rules)
{
	const struct unix_row *r = &unix_rows[_i];
	struct policy p = policy_of(true, false);
	char *rules[] = {strdup(r->rule), NULL};
	struct hm_sockaddr sa =
	    r->name[0] == '@' ? unix_abstract(r->name + 1) : unix_path(r->name);
	char what[160];

	p.allow_unix = rules;
	p.n_allow_unix = 1;
	snprintf(what, sizeof(what), "--allow-unix=%s, %s", r->rule, r->name);
	check_decision(policy_sockaddr(&p, NET_CONNECT, &sa, false, NULL),
		       r->want, what);
	check_decision(policy_sockaddr(&p, NET_SEND, &sa, false, NULL), r->want,
		       what);
	free(rules[0]);
}
END_TEST

START_TEST(test_unix_rules_several)
{
	struct policy p = policy_of(true, false);
	char *rules[] = {strdup("@one"), strdup("/run/two.sock"),
			 strdup("/srv/dir"), NULL};
	struct hm_sockaddr sa;

	p.allow_unix = rules;
	p.n_allow_unix = 3;
	sa = unix_abstract("one");
	check_decision(policy_sockaddr(&p, NET_CONNECT, &sa, false, NULL), 'A',
		       "@one");
	sa = unix_path("/run/two.sock");
	check_decision(policy_sockaddr(&p, NET_CONNECT, &sa, false, NULL), 'A',
		       "/run/two.sock");
	sa = unix_path("/srv/dir/x");
	check_decision(policy_sockaddr(&p, NET_CONNECT, &sa, false, NULL), 'A',
		       "/srv/dir/x");
	sa = unix_abstract("two.sock");
	check_decision(policy_sockaddr(&p, NET_CONNECT, &sa, false, NULL), 'N',
		       "@two.sock");
	sa = unix_path("/run/one");
	check_decision(policy_sockaddr(&p, NET_CONNECT, &sa, false, NULL), 'N',
		       "/run/one");
	for (size_t i = 0; i < 3; i++)
		free(rules[i]);
}
END_TEST

START_TEST(test_unix_abstract_embedded_nul)
{
	struct policy p = policy_of(true, false);
	char *rules[] = {strdup("@a"), NULL};
	struct hm_sockaddr sa = unix_addr_of("a\0b", 3, true);

	p.allow_unix = rules;
	p.n_allow_unix = 1;
	/* "@a" is not "a\0b": the whole name counts, NULs included */
	ck_assert_uint_eq(sa.path_len, 3);
	check_decision(policy_sockaddr(&p, NET_CONNECT, &sa, false, NULL), 'N',
		       "abstract a\\0b against @a");
	sa = unix_addr_of("a", 1, true);
	check_decision(policy_sockaddr(&p, NET_CONNECT, &sa, false, NULL), 'A',
		       "abstract a against @a");
	free(rules[0]);
}
END_TEST

START_TEST(test_unix_real_path)
{
	struct policy p = policy_of(true, false);
	char *rules[] = {strdup("/run/dir"), strdup("@name"), NULL};
	struct hm_sockaddr sa;

	p.allow_unix = rules;
	p.n_allow_unix = 2;
	/* the rules are matched against where the name resolves to */
	sa = unix_path("/tmp/link.sock");
	check_decision(
	    policy_sockaddr(&p, NET_CONNECT, &sa, false, "/run/dir/a.sock"),
	    'A', "a link into /run/dir");
	sa = unix_path("/run/dir/../etc/x.sock");
	check_decision(policy_sockaddr(&p, NET_CONNECT, &sa, false, NULL), 'A',
		       "/run/dir/../etc/x.sock, not resolved");
	check_decision(
	    policy_sockaddr(&p, NET_CONNECT, &sa, false, "/run/etc/x.sock"),
	    'N', "/run/dir/../etc/x.sock resolved out of /run/dir");
	sa = unix_path("/run/dir/escape.sock");
	check_decision(
	    policy_sockaddr(&p, NET_SEND, &sa, false, "/var/run/other.sock"),
	    'N', "a link out of /run/dir");
	/* abstract names have no filesystem path */
	sa = unix_abstract("name");
	check_decision(
	    policy_sockaddr(&p, NET_CONNECT, &sa, false, "/elsewhere"), 'A',
	    "@name");
	/* without --no-network nothing is looked at */
	p.no_network = false;
	sa = unix_path("/x");
	ck_assert_int_eq(
	    policy_sockaddr(&p, NET_CONNECT, &sa, false, "/y").verdict,
	    V_ALLOW);
	free(rules[0]);
	free(rules[1]);
}
END_TEST

START_TEST(test_listen)
{
	/* clang-format off */
	static const struct {
		const char *addr;
		bool allowed;
	} cases[] = {
		{ "127.0.0.1", true },
		{ "127.0.0.53", true },
		{ "::1", true },
		{ "::ffff:127.0.0.1", true },
		/* an unbound socket, or one bound to every address */
		{ "0.0.0.0", false },
		{ "::", false },
		{ "::ffff:0.0.0.0", false },
		{ "203.0.113.5", false },
		{ "2001:db8::1", false },
		{ "169.254.169.254", false },
	};
	/* clang-format on */

	for (size_t i = 0; i < HM_ARRAY_SIZE(cases); i++) {
		struct hm_sockaddr sa = inet_addr_of(cases[i].addr, 8000, 0);

		for (int lh = 0; lh < 2; lh++) {
			struct policy p = policy_of(true, lh);
			char what[96];

			snprintf(what, sizeof(what), "listen on %s%s",
				 cases[i].addr, lh ? " --allow-localhost" : "");
			check_decision(policy_listen(&p, &sa),
				       cases[i].allowed ? 'A' : 'N', what);
			p = policy_of(false, lh);
			ck_assert_int_eq(policy_listen(&p, &sa).verdict,
					 V_ALLOW);
		}
	}
}
END_TEST

START_TEST(test_listen_other_families)
{
	struct policy p = policy_of(true, false);
	struct hm_sockaddr sa = unix_path("/run/x.sock");
	struct sockaddr_in sin = {.sin_family = AF_INET};

	/* a unix socket listens on its own name */
	check_decision(policy_listen(&p, &sa), 'A', "listen on a unix socket");
	sa = unix_abstract("x");
	check_decision(policy_listen(&p, &sa), 'A', "listen on @x");
	/* an inet address that could not be read is no loopback */
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	ck_assert_int_eq(sockaddr_decode(&sin, sizeof(sin) - 1, &sa), 0);
	check_decision(policy_listen(&p, &sa), 'N',
		       "listen with a truncated local address");
}
END_TEST

START_TEST(test_netlink)
{
	struct policy p = policy_of(true, true);
	struct sockaddr_nl snl = {.nl_family = AF_NETLINK};
	struct hm_sockaddr sa;

	ck_assert_int_eq(sockaddr_decode(&snl, sizeof(snl), &sa), 0);
	/* the kernel (pid 0) */
	check_decision(policy_sockaddr(&p, NET_CONNECT, &sa, false, NULL), 'A',
		       "netlink connect pid 0");
	check_decision(policy_sockaddr(&p, NET_SEND, &sa, false, NULL), 'A',
		       "netlink send pid 0");
	check_decision(policy_sockaddr(&p, NET_BIND, &sa, false, NULL), 'A',
		       "netlink bind pid 0");
	/* another process's port */
	snl.nl_pid = 4242;
	ck_assert_int_eq(sockaddr_decode(&snl, sizeof(snl), &sa), 0);
	check_decision(policy_sockaddr(&p, NET_CONNECT, &sa, false, NULL), 'N',
		       "netlink connect pid 4242");
	check_decision(policy_sockaddr(&p, NET_SEND, &sa, false, NULL), 'N',
		       "netlink send pid 4242");
	/* binding names our own port */
	check_decision(policy_sockaddr(&p, NET_BIND, &sa, false, NULL), 'A',
		       "netlink bind pid 4242");
}
END_TEST

/* clang-format off */
static const struct socket_row {
	int domain, type, protocol;
	bool allowed;	/* under --no-network */
} socket_rows[] = {
	{ AF_UNIX, SOCK_STREAM, 0, true },
	{ AF_UNIX, SOCK_DGRAM, 0, true },
	{ AF_UNIX, SOCK_SEQPACKET, 0, true },
	{ AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0, true },
	{ AF_UNIX, SOCK_RAW, 5, true },
	{ AF_NETLINK, SOCK_RAW, NETLINK_ROUTE, true },
	{ AF_NETLINK, SOCK_DGRAM | SOCK_CLOEXEC, NETLINK_ROUTE, true },
	{ AF_INET, SOCK_STREAM, 0, true },
	{ AF_INET, SOCK_STREAM, IPPROTO_TCP, true },
	{ AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, true },
	{ AF_INET, SOCK_DGRAM, 0, true },
	{ AF_INET, SOCK_DGRAM, IPPROTO_UDP, true },
	{ AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, IPPROTO_UDP, true },
	{ AF_INET, SOCK_DGRAM, IPPROTO_ICMP, true },
	{ AF_INET6, SOCK_STREAM, 0, true },
	{ AF_INET6, SOCK_STREAM | SOCK_NONBLOCK, IPPROTO_TCP, true },
	{ AF_INET6, SOCK_DGRAM, 0, true },
	{ AF_INET6, SOCK_DGRAM, IPPROTO_UDP, true },
	{ AF_INET6, SOCK_DGRAM, IPPROTO_ICMPV6, true },
	{ AF_PACKET, SOCK_RAW, 0x0300 /* htons(ETH_P_ALL) */, false },
	{ AF_PACKET, SOCK_DGRAM, 0, false },
	{ AF_INET, SOCK_RAW, IPPROTO_TCP, false },
	{ AF_INET, SOCK_RAW, IPPROTO_ICMP, false },
	{ AF_INET, SOCK_RAW, IPPROTO_RAW, false },
	{ AF_INET6, SOCK_RAW, IPPROTO_ICMPV6, false },
	{ AF_INET, SOCK_STREAM, IPPROTO_SCTP, false },
	{ AF_INET, SOCK_SEQPACKET, IPPROTO_SCTP, false },
	{ AF_INET6, SOCK_STREAM, IPPROTO_SCTP, false },
	{ AF_INET, SOCK_STREAM, IPPROTO_MPTCP, false },
	{ AF_INET, SOCK_STREAM, IPPROTO_UDP, false },
	{ AF_INET, SOCK_DGRAM, IPPROTO_TCP, false },
	{ AF_INET, SOCK_DGRAM, IPPROTO_UDPLITE, false },
	{ AF_INET, SOCK_DGRAM, IPPROTO_ICMPV6, false },
	{ AF_INET6, SOCK_DGRAM, IPPROTO_ICMP, false },
	{ AF_INET, SOCK_DCCP, 0, false },
	{ AF_INET, SOCK_PACKET, 0, false },
	{ AF_INET, SOCK_RDM, 0, false },
	{ AF_NETLINK, SOCK_RAW, NETLINK_AUDIT, false },
	{ AF_NETLINK, SOCK_RAW, NETLINK_KOBJECT_UEVENT, false },
	{ AF_NETLINK, SOCK_RAW, NETLINK_NETFILTER, false },
	{ AF_NETLINK, SOCK_RAW, NETLINK_SOCK_DIAG, false },
	{ AF_VSOCK, SOCK_STREAM, 0, false },
	{ AF_BLUETOOTH, SOCK_STREAM, 0, false },
	{ AF_ALG, SOCK_SEQPACKET, 0, false },
	{ AF_CAN, SOCK_RAW, 1, false },
	{ AF_XDP, SOCK_RAW, 0, false },
	{ AF_TIPC, SOCK_RDM, 0, false },
	{ AF_KEY, SOCK_RAW, 2, false },
	{ AF_RDS, SOCK_SEQPACKET, 0, false },
	{ AF_UNSPEC, SOCK_STREAM, 0, false },
	{ -1, SOCK_STREAM, 0, false },
};
/* clang-format on */

START_TEST(test_socket_table)
{
	const struct socket_row *r = &socket_rows[_i];
	struct policy p = policy_of(true, false);
	struct decision d = policy_socket(&p, r->domain, r->type, r->protocol);

	ck_assert_msg(d.verdict == (r->allowed ? V_ALLOW : V_DENY),
		      "socket(%d, %#x, %d): %s", r->domain, r->type,
		      r->protocol, d.verdict == V_ALLOW ? "allowed" : "denied");
	ck_assert_int_eq(d.cat, CAT_NETWORK);
	if (r->allowed)
		ck_assert_ptr_null(d.reason);
	else
		ck_assert_str_eq(d.reason, "no-network");
	/* --allow-localhost does not widen socket() */
	p.allow_localhost = true;
	ck_assert_int_eq(
	    policy_socket(&p, r->domain, r->type, r->protocol).verdict,
	    d.verdict);
	/* and without --no-network every socket is allowed */
	p = policy_of(false, false);
	ck_assert_int_eq(
	    policy_socket(&p, r->domain, r->type, r->protocol).verdict,
	    V_ALLOW);
}
END_TEST

START_TEST(test_spawn_and_exec)
{
	struct policy p = policy_of(false, false);
	struct decision d;

	for (int armed = 0; armed < 2; armed++) {
		ck_assert_int_eq(policy_spawn(&p, armed).verdict, V_ALLOW);
		for (int file = 0; file < 2; file++)
			ck_assert_int_eq(policy_exec(&p, armed, file).verdict,
					 V_ALLOW);
	}

	p.no_subprocess = true;
	d = policy_spawn(&p, false);
	ck_assert_int_eq(d.verdict, V_ALLOW);
	ck_assert_int_eq(d.cat, CAT_SUBPROCESS);
	d = policy_spawn(&p, true);
	ck_assert_int_eq(d.verdict, V_DENY);
	ck_assert_int_eq(d.cat, CAT_SUBPROCESS);
	ck_assert_str_eq(d.reason, "no-subprocess");

	/* an unarmed process (before the interpreter runs) may exec */
	ck_assert_int_eq(policy_exec(&p, false, false).verdict, V_ALLOW);
	ck_assert_int_eq(policy_exec(&p, false, true).verdict, V_ALLOW);
	/* an armed one only what --allow-exec names */
	ck_assert_int_eq(policy_exec(&p, true, true).verdict, V_ALLOW);
	d = policy_exec(&p, true, false);
	ck_assert_int_eq(d.verdict, V_DENY);
	ck_assert_int_eq(d.cat, CAT_SUBPROCESS);
	ck_assert_str_eq(d.reason, "no-subprocess");
}
END_TEST

START_TEST(test_exec_ids)
{
	struct options o = {0};
	struct policy p;
	char *err = NULL;

	ck_assert_int_eq(policy_build(&p, &o, &err), 0);
	ck_assert(!policy_exec_id_allowed(&p, 1, 2, false));
	ck_assert(!policy_exec_id_allowed(&p, 1, 2, true));

	/* a file --allow-exec names may run, and may be the image */
	policy_add_exec_id(&p, 1, 2, true);
	/* its script interpreter may only be the image */
	policy_add_exec_id(&p, 1, 3, false);
	policy_add_exec_id(&p, 7, 2, true);

	ck_assert(policy_exec_id_allowed(&p, 1, 2, false));
	ck_assert(policy_exec_id_allowed(&p, 1, 2, true));
	ck_assert(!policy_exec_id_allowed(&p, 1, 3, false));
	ck_assert(policy_exec_id_allowed(&p, 1, 3, true));
	ck_assert(policy_exec_id_allowed(&p, 7, 2, false));
	ck_assert(policy_exec_id_allowed(&p, 7, 2, true));
	/* both halves of the identity count */
	ck_assert(!policy_exec_id_allowed(&p, 2, 1, false));
	ck_assert(!policy_exec_id_allowed(&p, 7, 3, true));
	ck_assert(!policy_exec_id_allowed(&p, 1, 4, true));
	ck_assert_uint_eq(p.n_exec_ids, 2);
	ck_assert_uint_eq(p.n_image_ids, 3);
	policy_free(&p);
	ck_assert_ptr_null(p.exec_ids);
	ck_assert_uint_eq(p.n_image_ids, 0);
}
END_TEST

START_TEST(test_refuse_and_categories)
{
	struct decision d = policy_refuse("ptrace");

	ck_assert_int_eq(d.verdict, V_DENY);
	ck_assert_int_eq(d.cat, CAT_SANDBOX);
	ck_assert_str_eq(d.reason, "ptrace");

	ck_assert_str_eq(category_name(CAT_NETWORK), "network");
	ck_assert_str_eq(category_name(CAT_SUBPROCESS), "subprocess");
	ck_assert_str_eq(category_name(CAT_SANDBOX), "sandbox-escape");
	ck_assert_str_eq(category_name(CAT_FILESYSTEM), "filesystem");
	ck_assert_str_eq(category_name(CAT_NATIVE), "native-code");
	ck_assert_str_eq(category_name(CAT_IMPORT), "import");
	ck_assert_str_eq(category_name(CAT_COUNT), "?");
}
END_TEST

START_TEST(test_build_copies)
{
	struct options o = {0};
	struct policy p;
	char *err = NULL;

	o.no_network = o.allow_localhost = o.no_subprocess = true;
	o.no_environment = o.trace = o.show_argv = o.allow_unix_all = true;
	o.seal = o.block_native = true;
	strlist_add(&o.allow_unix, "/run/x.sock");
	strlist_add(&o.allow_unix, "@y");
	strlist_add(&o.allow_exec, "git");
	strlist_add(&o.keep_env, "FOO");
	ck_assert_int_eq(policy_build(&p, &o, &err), 0);
	ck_assert(p.no_network && p.allow_localhost && p.no_subprocess);
	ck_assert(p.no_environment && p.trace && p.show_argv);
	ck_assert(p.allow_unix_all && p.block_native);
	/* copies, not borrowed from the options */
	options_free(&o);
	ck_assert_uint_eq(p.n_allow_unix, 2);
	ck_assert_str_eq(p.allow_unix[0], "/run/x.sock");
	ck_assert_str_eq(p.allow_unix[1], "@y");
	ck_assert_uint_eq(p.n_allow_exec, 1);
	ck_assert_str_eq(p.allow_exec[0], "git");
	ck_assert_uint_eq(p.n_keep_env, 1);
	ck_assert_str_eq(p.keep_env[0], "FOO");
	ck_assert_uint_eq(p.n_exec_ids, 0);
	policy_free(&p);
	ck_assert_ptr_null(p.allow_unix);
	ck_assert(!p.no_network && !p.block_native);
}
END_TEST

/* --block-native builds (it was refused as "not supported yet" before),
 * alone and with the other guards, and sets nothing else. */
START_TEST(test_build_block_native)
{
	struct options o = {0};
	struct policy p;
	char *err = NULL;

	o.block_native = true;
	ck_assert_int_eq(policy_build(&p, &o, &err), 0);
	ck_assert_ptr_null(err);
	ck_assert(p.block_native);
	ck_assert(!p.no_network && !p.no_subprocess && !p.fs_readonly);
	ck_assert(!p.no_environment);
	policy_free(&p);
	ck_assert(!p.block_native);

	o.no_network = o.no_subprocess = o.fs_readonly = true;
	ck_assert_int_eq(policy_build(&p, &o, &err), 0);
	ck_assert_ptr_null(err);
	ck_assert(p.block_native && p.no_network && p.no_subprocess &&
		  p.fs_readonly);
	policy_free(&p);
	options_free(&o);

	/* and stays off unless asked for */
	memset(&o, 0, sizeof(o));
	o.no_network = true;
	ck_assert_int_eq(policy_build(&p, &o, &err), 0);
	ck_assert(!p.block_native);
	policy_free(&p);
	options_free(&o);
}
END_TEST

START_TEST(test_build_refusals)
{
	static const struct {
		const char *what;
		const char *prefix; /* the message starts with it */
		const char *also;   /* and holds this, or NULL */
	} cases[] = {
	    {"no-code-exec", "--no-code-exec cannot be enforced",
	     "system-call boundary"},
	    {"no-interpreter-mutation",
	     "--no-interpreter-mutation cannot be enforced",
	     "system-call boundary"},
	    /* --fs-readonly=ROOT runs now (it was "not supported yet") */
	    {"fs-readonly=",
	     "--fs-readonly=: give the directory reading is limited to, or "
	     "no '=' to limit only writes",
	     NULL},
	    {"fs-readonly allow-read",
	     "--allow-read needs --fs-readonly=ROOT: without a root every "
	     "path may be read",
	     NULL},
	    {"allow-write",
	     "--allow-write needs --fs-readonly: without it "
	     "every path may be written",
	     NULL},
	    /* --deny-import runs now (it was "not supported yet"); a
	     * name that is not a module name is refused */
	    {"deny-import a-b", "--deny-import 'a-b': not a module name (",
	     "identifiers joined by dots"},
	    {"deny-import json a..b",
	     "--deny-import 'a..b': not a module name (",
	     "identifiers joined by dots"},
	    /* --allow-domain runs now; a bad name is refused */
	    {"allow-domain", "--allow-domain exa mple.com: not a host name",
	     "letters, digits"},
	};

	for (size_t i = 0; i < HM_ARRAY_SIZE(cases); i++) {
		struct options o = {0};
		struct policy p;
		char *err = NULL;

		o.no_network = true;
		if (strcmp(cases[i].what, "no-code-exec") == 0)
			o.no_code_exec = true;
		else if (strcmp(cases[i].what, "no-interpreter-mutation") == 0)
			o.no_interpreter_mutation = true;
		else if (strcmp(cases[i].what, "fs-readonly=") == 0) {
			o.fs_readonly = true;
			o.fs_root = strdup("");
		} else if (strcmp(cases[i].what, "fs-readonly allow-read") ==
			   0) {
			o.fs_readonly = true;
			strlist_add(&o.allow_read, "/srv");
		} else if (strcmp(cases[i].what, "allow-write") == 0)
			strlist_add(&o.allow_write, "/tmp");
		else if (strcmp(cases[i].what, "deny-import a-b") == 0)
			strlist_add(&o.deny_import, "a-b");
		else if (strcmp(cases[i].what, "deny-import json a..b") == 0) {
			/* a good name before it does not help */
			strlist_add(&o.deny_import, "json");
			strlist_add(&o.deny_import, "a..b");
		} else
			strlist_add(&o.allow_domain, "exa mple.com");

		ck_assert_msg(policy_build(&p, &o, &err) == -1, "--%s accepted",
			      cases[i].what);
		ck_assert_ptr_nonnull(err);
		if (cases[i].also) {
			ck_assert_msg(strncmp(err, cases[i].prefix,
					      strlen(cases[i].prefix)) == 0,
				      "'%s' does not start with '%s'", err,
				      cases[i].prefix);
			ck_assert_ptr_nonnull(strstr(err, cases[i].also));
		} else {
			ck_assert_str_eq(err, cases[i].prefix);
		}
		/* nothing half-built to free */
		ck_assert_ptr_null(p.allow_unix);
		ck_assert_ptr_null(p.allow_exec);
		ck_assert_ptr_null(p.allow_write);
		ck_assert_ptr_null(p.deny_import);
		ck_assert_uint_eq(p.n_deny_import, 0);
		ck_assert(!p.fs_readonly);
		ck_assert(!p.block_native);
		free(err);
		options_free(&o);
	}
}
END_TEST

/* --fs-readonly without a root builds, with its --allow-write directories
 * copied; --allow-write is accepted only with it. */
START_TEST(test_build_fs_readonly)
{
	struct options o = {0};
	struct policy p;
	char *err = NULL;

	o.fs_readonly = true;
	ck_assert_int_eq(policy_build(&p, &o, &err), 0);
	ck_assert_ptr_null(err);
	ck_assert(p.fs_readonly);
	ck_assert(!p.fs_landlock_only);
	ck_assert_uint_eq(p.n_allow_write, 0);
	ck_assert(!p.no_network && !p.no_subprocess);
	policy_free(&p);

	strlist_add(&o.allow_write, "/srv/out");
	strlist_add(&o.allow_write, "relative/dir");
	o.no_network = true;
	ck_assert_int_eq(policy_build(&p, &o, &err), 0);
	/* copies, not borrowed from the options; made absolute later, by
	 * the caller (hermetic.c resolves them) */
	options_free(&o);
	ck_assert(p.fs_readonly && p.no_network);
	ck_assert_uint_eq(p.n_allow_write, 2);
	ck_assert_str_eq(p.allow_write[0], "/srv/out");
	ck_assert_str_eq(p.allow_write[1], "relative/dir");
	policy_free(&p);
	ck_assert_ptr_null(p.allow_write);
	ck_assert_uint_eq(p.n_allow_write, 0);
	ck_assert(!p.fs_readonly);
}
END_TEST

/* open flags that may change the filesystem (check_filter sweeps every
 * combination against the BPF filter) */
START_TEST(test_open_writes)
{
	static const struct {
		uint32_t flags;
		bool writes;
	} rows[] = {
	    {O_RDONLY, false},
	    {O_RDONLY | O_CLOEXEC, false},
	    {O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC, false},
	    {O_RDONLY | O_NONBLOCK | O_NOCTTY, false},
	    {O_PATH | O_CLOEXEC, false},
	    {O_PATH | O_NOFOLLOW, false},
	    {O_RDONLY | O_EXCL, false}, /* O_EXCL alone creates nothing */
	    {O_RDONLY | O_NOATIME | O_LARGEFILE, false},
	    {O_RDONLY | O_SYNC | O_DSYNC, false},
	    {O_WRONLY, true},
	    {O_RDWR, true},
	    {O_ACCMODE, true}, /* 3: the kernel checks read and write */
	    {O_RDONLY | O_CREAT, true},
	    {O_RDONLY | O_TRUNC, true}, /* Linux truncates even so */
	    {O_RDONLY | O_APPEND, true},
	    {O_RDONLY | O_CREAT | O_EXCL, true},
	    {O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, true},
	    {O_RDWR | O_TMPFILE, true},
	    {O_WRONLY | O_TMPFILE | O_EXCL, true},
	    /* conservative: the kernel drops O_CREAT under O_PATH */
	    {O_PATH | O_CREAT, true},
	    {0xffffffffU, true},
	    {0xffffffffU &
		 ~(uint32_t)(O_ACCMODE | O_CREAT | O_TRUNC | O_APPEND),
	     false},
	};

	for (size_t i = 0; i < HM_ARRAY_SIZE(rows); i++)
		ck_assert_msg(
		    policy_open_writes(rows[i].flags) == rows[i].writes,
		    "flags %#x: %d, want %d", rows[i].flags,
		    policy_open_writes(rows[i].flags), rows[i].writes);
}
END_TEST

/* clang-format off */
static const struct {
	const char *path;
	const char *dir;
	bool below;
} below_rows[] = {
	/* the root holds every absolute path */
	{ "/", "/", true },
	{ "/a", "/", true },
	{ "/a/b/c", "/", true },
	{ "/", "//", true },
	{ "/a", "///", true },
	/* equal */
	{ "/a/b", "/a/b", true },
	{ "/tmp", "/tmp", true },
	/* below */
	{ "/a/b/c", "/a/b", true },
	{ "/a/b/c/d/e", "/a/b", true },
	{ "/a/b/", "/a/b", true },
	/* trailing slashes of the directory do not count */
	{ "/a/b", "/a/b/", true },
	{ "/a/b/c", "/a/b/", true },
	{ "/a/b/c", "/a/b//", true },
	{ "/a/bc", "/a/b/", false },
	/* a sibling that shares a prefix is not below */
	{ "/a/bc", "/a/b", false },
	{ "/a/b-c/d", "/a/b", false },
	{ "/a/b.old", "/a/b", false },
	{ "/tmpx", "/tmp", false },
	/* above, beside */
	{ "/a", "/a/b", false },
	{ "/", "/a", false },
	{ "/c/b", "/a/b", false },
	{ "/A/b", "/a/b", false },
	/* not absolute */
	{ "a/b", "/", false },
	{ "", "/", false },
	{ "", "/a", false },
	{ "a/b/c", "/a/b", false },
};
/* clang-format on */

START_TEST(test_path_below)
{
	const char *path = below_rows[_i].path, *dir = below_rows[_i].dir;

	ck_assert_msg(policy_path_below(path, dir) == below_rows[_i].below,
		      "'%s' below '%s': %d, want %d", path, dir,
		      policy_path_below(path, dir), below_rows[_i].below);
}
END_TEST

/* A policy with --fs-readonly and the --allow-write directories "dirs"
 * (NULL-terminated), as hermetic.c leaves it after resolving them. */
static struct policy
fs_policy(bool fs_readonly, const char *const *dirs)
{
	struct policy p;

	memset(&p, 0, sizeof(p));
	p.fs_readonly = fs_readonly;
	for (size_t i = 0; dirs && dirs[i]; i++) {
		p.allow_write =
		    realloc(p.allow_write, (i + 1) * sizeof(char *));
		ck_assert_ptr_nonnull(p.allow_write);
		p.allow_write[i] = strdup(dirs[i]);
		p.n_allow_write = i + 1;
	}
	return p;
}

static const char *
fs_object_name(enum fs_object obj)
{
	switch (obj) {
	case FS_TREE:
		return "tree";
	case FS_STDIO:
		return "stdio";
	case FS_SPECIAL:
		return "special";
	}
	return "?";
}

static void
expect_fs(const struct policy *p, const char *real, enum fs_object obj,
	  bool allowed)
{
	struct decision d = policy_fs_write(p, real, obj);

	ck_assert_msg(d.verdict == (allowed ? V_ALLOW : V_DENY),
		      "%s (%s): %s, want %s", real ? real : "(null)",
		      fs_object_name(obj),
		      d.verdict == V_ALLOW ? "allow" : "deny",
		      allowed ? "allow" : "deny");
	if (!allowed) {
		ck_assert_int_eq(d.cat, CAT_FILESYSTEM);
		ck_assert_ptr_nonnull(d.reason);
		ck_assert_str_eq(d.reason, "fs-readonly");
	}
}

START_TEST(test_fs_write)
{
	static const char *const none[] = {NULL};
	static const char *const dirs[] = {"/srv/out", "/tmp/work/", NULL};
	static const char *const root[] = {"/", NULL};
	static const char *const bad[] = {"srv/out", "", "out", NULL};
	struct policy p;

	/* no --fs-readonly: every change is allowed, even unresolved */
	p = fs_policy(false, dirs);
	expect_fs(&p, "/etc/passwd", FS_TREE, true);
	expect_fs(&p, "/srv/out/x", FS_TREE, true);
	expect_fs(&p, NULL, FS_TREE, true);
	expect_fs(&p, "/dev/null", FS_SPECIAL, true);
	expect_fs(&p, "/srv/log", FS_STDIO, true);
	policy_free(&p);

	/* --fs-readonly alone: nothing in the tree */
	p = fs_policy(true, none);
	expect_fs(&p, "/etc/passwd", FS_TREE, false);
	expect_fs(&p, "/tmp/x", FS_TREE, false);
	expect_fs(&p, "/", FS_TREE, false);
	expect_fs(&p, NULL, FS_TREE, false);
	/* an existing device, FIFO or socket opened for writing changes
	 * nothing */
	expect_fs(&p, "/dev/null", FS_SPECIAL, true);
	expect_fs(&p, "/tmp/fifo", FS_SPECIAL, true);
	/* the same paths as tree changes (mknod, unlink, chmod) are not */
	expect_fs(&p, "/dev/null", FS_TREE, false);
	expect_fs(&p, "/tmp/fifo", FS_TREE, false);
	/* the file hermetic's stdout or stderr is (found by identity, so
	 * under any name) may be opened for writing; the same path as a
	 * file of the tree may not */
	expect_fs(&p, "/srv/log", FS_STDIO, true);
	expect_fs(&p, "/home/u/build.log", FS_STDIO, true);
	expect_fs(&p, "/srv/log", FS_TREE, false);
	expect_fs(&p, "/home/u/build.log", FS_TREE, false);
	policy_free(&p);

	/* with --allow-write directories */
	p = fs_policy(true, dirs);
	expect_fs(&p, "/srv/out", FS_TREE, true);
	expect_fs(&p, "/srv/out/x", FS_TREE, true);
	expect_fs(&p, "/srv/out/a/b/c", FS_TREE, true);
	expect_fs(&p, "/tmp/work", FS_TREE, true); /* trailing '/' given */
	expect_fs(&p, "/tmp/work/x", FS_TREE, true);
	expect_fs(&p, "/srv/outside", FS_TREE, false);
	expect_fs(&p, "/srv/out.tmp", FS_TREE, false);
	expect_fs(&p, "/srv", FS_TREE, false);
	expect_fs(&p, "/tmp/workx/y", FS_TREE, false);
	expect_fs(&p, "/tmp/x", FS_TREE, false);
	expect_fs(&p, "/etc/passwd", FS_TREE, false);
	/* stdout's file outside the directories, special files anywhere */
	expect_fs(&p, "/srv/log", FS_STDIO, true);
	expect_fs(&p, "/dev/pts/3", FS_SPECIAL, true);
	/* unresolved: no directory can hold it */
	expect_fs(&p, NULL, FS_TREE, false);
	/* relative: never below an absolute directory */
	expect_fs(&p, "srv/out/x", FS_TREE, false);
	policy_free(&p);

	/* --allow-write / lets everything absolute through, still not an
	 * unresolved path */
	p = fs_policy(true, root);
	expect_fs(&p, "/etc/passwd", FS_TREE, true);
	expect_fs(&p, "/", FS_TREE, true);
	expect_fs(&p, NULL, FS_TREE, false);
	policy_free(&p);

	/* an entry that is not absolute (resolution failed) never matches,
	 * not even a path that starts with it, and "" is not the root */
	p = fs_policy(true, bad);
	expect_fs(&p, "srv/out/x", FS_TREE, false);
	expect_fs(&p, "out", FS_TREE, false);
	expect_fs(&p, "/srv/out/x", FS_TREE, false);
	expect_fs(&p, "/etc/passwd", FS_TREE, false);
	expect_fs(&p, "/", FS_TREE, false);
	policy_free(&p);
}
END_TEST

/* The character devices that may be opened for writing under
 * --fs-readonly, written down here rather than copied from policy.c:
 * exactly these, no two alike, all absolute. */
START_TEST(test_writable_devices)
{
	static const char *const want[] = {
	    "/dev/null",    "/dev/zero", "/dev/full", "/dev/random",
	    "/dev/urandom", "/dev/tty",	 "/dev/ptmx", "/dev/pts",
	};
	const char *const *list;
	size_t n = 0;

	list = policy_writable_devices(&n);
	ck_assert_ptr_nonnull(list);
	ck_assert_uint_eq(n, HM_ARRAY_SIZE(want));
	for (size_t i = 0; i < n; i++) {
		bool found = false;

		ck_assert_ptr_nonnull(list[i]);
		ck_assert_msg(list[i][0] == '/', "'%s' is not absolute",
			      list[i]);
		for (size_t j = 0; j < HM_ARRAY_SIZE(want); j++)
			found |= strcmp(list[i], want[j]) == 0;
		ck_assert_msg(found, "'%s' is not one of the devices", list[i]);
		for (size_t j = i + 1; j < n; j++)
			ck_assert_msg(strcmp(list[i], list[j]) != 0,
				      "'%s' twice", list[i]);
		/* each is one by policy_writable_device() too */
		ck_assert_msg(policy_writable_device(list[i]),
			      "'%s' listed but not writable", list[i]);
	}
}
END_TEST

/* clang-format off */
static const struct {
	const char *real;
	bool writable;
} device_rows[] = {
	{ "/dev/null", true },
	{ "/dev/zero", true },
	{ "/dev/full", true },
	{ "/dev/random", true },
	{ "/dev/urandom", true },
	{ "/dev/tty", true },
	{ "/dev/ptmx", true },
	/* the terminals below /dev/pts */
	{ "/dev/pts/0", true },
	{ "/dev/pts/3", true },
	{ "/dev/pts/123", true },
	{ "/dev/pts/ptmx", true },
	/* names that only share a prefix */
	{ "/dev/ptsx", false },
	{ "/dev/pts0", false },
	{ "/dev/nullx", false },
	{ "/dev/null2", false },
	{ "/dev/zero.bak", false },
	{ "/dev/ttyS0", false },
	{ "/dev/tty1", false },
	{ "/dev/tty0", false },
	{ "/dev/ptmx2", false },
	{ "/dev/urandomx", false },
	/* the dangerous ones */
	{ "/dev/mem", false },
	{ "/dev/kmem", false },
	{ "/dev/port", false },
	{ "/dev/sda", false },
	{ "/dev/nvme0n1", false },
	{ "/dev/loop0", false },
	{ "/dev/kmsg", false },
	{ "/dev/console", false },
	{ "/dev/fuse", false },
	{ "/dev/kvm", false },
	{ "/dev/net/tun", false },
	{ "/dev/watchdog", false },
	{ "/dev/cpu/0/msr", false },
	/* not below /dev, or not /dev itself */
	{ "/dev", false },
	{ "/dev/", false },
	{ "/", false },
	{ "", false },
	{ "/tmp/dev/null", false },
	{ "/home/u/dev/pts/3", false },
	{ "/null", false },
	/* not absolute */
	{ "dev/null", false },
	{ "null", false },
	{ "pts/3", false },
	/* the names of the program's descriptors are resolved first */
	{ "/dev/stdout", false },
	{ "/dev/stderr", false },
	{ "/dev/fd/1", false },
	{ "/proc/self/fd/1", false },
};
/* clang-format on */

START_TEST(test_writable_device_paths)
{
	const char *real = device_rows[_i].real;

	ck_assert_msg(policy_writable_device(real) == device_rows[_i].writable,
		      "policy_writable_device('%s'): %d, want %d", real,
		      policy_writable_device(real), device_rows[_i].writable);
}
END_TEST

/* clang-format off */
static const struct native_row {
	const char *real;	/* the resolved file being mapped */
	const char *prefix;	/* the interpreter's installation prefix */
	char want;		/* 'A' allowed, 'D' denied (block-native) */
} native_rows[] = {
	/* the system's library directories, whatever the prefix */
	{ "/lib/x86_64-linux-gnu/libc.so.6",		NULL,		'A' },
	{ "/lib64/ld-linux-x86-64.so.2",		NULL,		'A' },
	{ "/usr/lib/x86_64-linux-gnu/libssl.so.3",	NULL,		'A' },
	{ "/usr/lib64/libcrypto.so.3",			"/opt/py",	'A' },
	{ "/usr/lib/x86_64-linux-gnu/libffi.so.8",	"/usr",		'A' },
	{ "/usr/lib/python3.11/lib-dynload/_hashlib.cpython-311-x86_64-linux-gnu.so", "/usr", 'A' },
	{ "/usr/lib/python3.11/lib-dynload/_json.cpython-311-x86_64-linux-gnu.so", NULL, 'A' },
	{ "/usr/lib/python3.11/lib-dynload/_decimal.cpython-311-x86_64-linux-gnu.so", "/opt/other", 'A' },
	/* names that only share a prefix with them, and elsewhere */
	{ "/usr/libexec/foo.so",			"/usr",		'D' },
	{ "/usr/lib64x/foo.so",				NULL,		'D' },
	{ "/usr/libx/foo.so",				NULL,		'D' },
	{ "/libx/foo.so",				NULL,		'D' },
	{ "/lib32x/foo.so",				NULL,		'D' },
	{ "/usr/local/lib/libfoo.so",			NULL,		'D' },
	{ "/usr/local/lib/libfoo.so",			"/usr",		'D' },
	{ "/opt/lib/libfoo.so",				NULL,		'D' },
	{ "/tmp/x.so",					NULL,		'D' },
	{ "/tmp/usr/lib/x.so",				"/usr",		'D' },
	{ "/home/u/app/ext.cpython-311-x86_64-linux-gnu.so", "/usr",	'D' },
	{ "/dev/shm/x.so",				NULL,		'D' },
	{ "/memfd:payload (deleted)",			"/usr",		'D' },
	/* the interpreter's own lib and lib64 */
	{ "/root/.pyenv/versions/3.12.1/lib/python3.12/lib-dynload/_json.cpython-312-x86_64-linux-gnu.so", "/root/.pyenv/versions/3.12.1", 'A' },
	{ "/root/.pyenv/versions/3.12.1/lib/libpython3.12.so.1.0", "/root/.pyenv/versions/3.12.1", 'A' },
	{ "/opt/py/lib64/libpython3.12.so",		"/opt/py",	'A' },
	{ "/usr/local/lib/python3.12/lib-dynload/array.cpython-312-x86_64-linux-gnu.so", "/usr/local", 'A' },
	/* not another interpreter's, nor without a prefix */
	{ "/root/.pyenv/versions/3.12.1/lib/python3.12/lib-dynload/_json.cpython-312-x86_64-linux-gnu.so", "/root/.pyenv/versions/3.11.7", 'D' },
	{ "/root/.pyenv/versions/3.12.1/lib/python3.12/lib-dynload/_json.cpython-312-x86_64-linux-gnu.so", NULL, 'D' },
	{ "/root/.pyenv/versions/3.12.1/lib/python3.12/lib-dynload/_json.cpython-312-x86_64-linux-gnu.so", "/root/.pyenv/versions", 'D' },
	/* nor the prefix's other directories, or a sibling sharing a name */
	{ "/opt/py/libexec/x.so",			"/opt/py",	'D' },
	{ "/opt/py/bin/x.so",				"/opt/py",	'D' },
	{ "/opt/py/libx/x.so",				"/opt/py",	'D' },
	{ "/opt/py/x.so",				"/opt/py",	'D' },
	{ "/opt/pyx/lib/x.so",				"/opt/py",	'D' },
	{ "/opt/py/lib/x.so",				"/opt/p",	'D' },
	/* prefix "/" (an interpreter in /bin): /lib and /lib64, not all */
	{ "/lib/x86_64-linux-gnu/libm.so.6",		"/",		'A' },
	{ "/lib64/x.so",				"/",		'A' },
	{ "/tmp/x.so",					"/",		'D' },
	{ "/opt/x.so",					"/",		'D' },
	{ "/usr/local/lib/x.so",			"/",		'D' },
	{ "/x.so",					"/",		'D' },
	/* prefix "/usr": /usr/lib and /usr/lib64, not /usr/local/lib */
	{ "/usr/lib/python3.11/lib-dynload/_ssl.cpython-311-x86_64-linux-gnu.so", "/usr", 'A' },
	{ "/usr/lib64/x.so",				"/usr",		'A' },
	{ "/usr/bin/x.so",				"/usr",		'D' },
	{ "/usr/share/x.so",				"/usr",		'D' },
	/* a prefix that is not absolute counts for nothing */
	{ "/opt/py/lib/x.so",				"opt/py",	'D' },
	{ "/opt/py/lib/x.so",				"",		'D' },
	{ "/lib/x86_64-linux-gnu/libc.so.6",		"",		'A' },
	{ "/lib/x86_64-linux-gnu/libc.so.6",		"relative",	'A' },
	/* site-packages and dist-packages, even below allowed
	 * directories */
	{ "/usr/lib/python3/dist-packages/yaml/_yaml.cpython-311-x86_64-linux-gnu.so", "/usr", 'D' },
	{ "/usr/lib/python3.11/site-packages/numpy/core/_multiarray_umath.cpython-311-x86_64-linux-gnu.so", "/usr", 'D' },
	{ "/usr/lib64/python3.11/site-packages/x.so",	"/usr",		'D' },
	{ "/lib/python3/dist-packages/x.so",		NULL,		'D' },
	{ "/usr/local/lib/python3.11/dist-packages/x.so", "/usr/local",	'D' },
	{ "/root/.pyenv/versions/3.12.1/lib/python3.12/site-packages/markupsafe/_speedups.cpython-312-x86_64-linux-gnu.so", "/root/.pyenv/versions/3.12.1", 'D' },
	{ "/home/u/venv/lib/python3.12/site-packages/x.so", "/home/u/venv", 'D' },
	{ "/usr/lib/site-packages/x.so",		"/usr",		'D' },
	{ "/usr/lib/dist-packages/x.so",		"/usr",		'D' },
	/* a directory whose name only holds the word is none of them */
	{ "/usr/lib/my-site-packages/x.so",		"/usr",		'A' },
	{ "/usr/lib/site-packages.old/x.so",		"/usr",		'A' },
	{ "/usr/lib/x86_64-linux-gnu/dist-packages-x.so", "/usr",	'A' },
	/* the ctypes and cffi back-ends, wherever they are */
	{ "/usr/lib/python3.11/lib-dynload/_ctypes.cpython-311-x86_64-linux-gnu.so", "/usr", 'D' },
	{ "/usr/lib/python3.11/lib-dynload/_ctypes.cpython-311-x86_64-linux-gnu.so", NULL, 'D' },
	{ "/root/.pyenv/versions/3.12.1/lib/python3.12/lib-dynload/_ctypes.cpython-312-x86_64-linux-gnu.so", "/root/.pyenv/versions/3.12.1", 'D' },
	{ "/usr/lib/python3.11/lib-dynload/_cffi_backend.cpython-311-x86_64-linux-gnu.so", "/usr", 'D' },
	{ "/root/.pyenv/versions/3.12.1/lib/python3.12/lib-dynload/_cffi_backend.cpython-312-x86_64-linux-gnu.so", "/root/.pyenv/versions/3.12.1", 'D' },
	{ "/usr/lib/python3/dist-packages/_cffi_backend.cpython-311-x86_64-linux-gnu.so", "/usr", 'D' },
	{ "/usr/lib/x86_64-linux-gnu/_ctypes.so",	"/usr",		'D' },
	{ "/lib/_ctypes.abi3.so",			NULL,		'D' },
	{ "/usr/lib/_ctypes",				"/usr",		'D' },
	{ "/usr/lib/_cffi_backend",			"/usr",		'D' },
	{ "/usr/lib/_cffi_backend.so",			"/usr",		'D' },
	{ "/tmp/_ctypes.cpython-311-x86_64-linux-gnu.so", "/usr",	'D' },
	/* only those basenames: "_ctypes" or "_cffi_backend" followed by
	 * '.' or the end. _ctypes_test (the test helper of ctypes, which
	 * calls nothing without _ctypes) and other near names pass */
	{ "/usr/lib/python3.11/lib-dynload/_ctypes_test.cpython-311-x86_64-linux-gnu.so", "/usr", 'A' },
	{ "/root/.pyenv/versions/3.12.1/lib/python3.12/lib-dynload/_ctypes_test.cpython-312-x86_64-linux-gnu.so", "/root/.pyenv/versions/3.12.1", 'A' },
	{ "/usr/lib/_ctypesx.so",			"/usr",		'A' },
	{ "/usr/lib/x_ctypes.so",			"/usr",		'A' },
	{ "/usr/lib/_CTYPES.so",			"/usr",		'A' },
	{ "/usr/lib/_cffi_backend_extra.so",		"/usr",		'A' },
	{ "/usr/lib/_cffi.so",				"/usr",		'A' },
	{ "/usr/lib/_ctypes.d/libx.so",			"/usr",		'A' },
	/* not resolved, or not absolute */
	{ NULL,						"/usr",		'D' },
	{ NULL,						NULL,		'D' },
	{ "",						"/usr",		'D' },
	{ "lib/x.so",					"/usr",		'D' },
	{ "usr/lib/x86_64-linux-gnu/libc.so.6",		NULL,		'D' },
	{ "./x.so",					"/usr",		'D' },
	{ "x.so",					"/",		'D' },
};
/* clang-format on */

/* policy_native() for a row, with and without --block-native. */
START_TEST(test_native_table)
{
	const struct native_row *r = &native_rows[_i];
	struct policy p;
	struct decision d;
	char what[512];

	snprintf(what, sizeof(what), "'%s' (prefix '%s')",
		 r->real ? r->real : "(null)",
		 r->prefix ? r->prefix : "(null)");
	memset(&p, 0, sizeof(p));
	p.block_native = true;
	d = policy_native(&p, r->real, r->prefix);
	ck_assert_msg(d.cat == CAT_NATIVE, "%s: category %d", what, d.cat);
	if (r->want == 'A') {
		ck_assert_msg(d.verdict == V_ALLOW, "%s: denied (%s)", what,
			      d.reason ? d.reason : "no reason");
		ck_assert_msg(d.reason == NULL, "%s: allowed with reason %s",
			      what, d.reason);
	} else {
		ck_assert_msg(r->want == 'D', "bad expectation %c", r->want);
		ck_assert_msg(d.verdict == V_DENY, "%s: allowed", what);
		ck_assert_ptr_nonnull(d.reason);
		ck_assert_str_eq(d.reason, "block-native");
	}

	/* without the guard every file may be mapped, even unresolved */
	p.block_native = false;
	d = policy_native(&p, r->real, r->prefix);
	ck_assert_msg(d.verdict == V_ALLOW, "%s: denied without the guard",
		      what);
	ck_assert_msg(d.reason == NULL, "%s: reason %s without the guard", what,
		      d.reason);

	/* nor do the other guards turn it on */
	p.no_network = p.no_subprocess = p.fs_readonly = true;
	ck_assert_int_eq(policy_native(&p, r->real, r->prefix).verdict,
			 V_ALLOW);
}
END_TEST

/* ===== --fs-readonly=ROOT ===== */

struct read_row {
	const char *real;
	char want; /* 'A' allowed, 'D' denied */
};

/* clang-format off */
static const struct read_row read_rows[] = {
	{ "/srv/app",					'A' },
	{ "/srv/app/main.py",				'A' },
	{ "/srv/app/pkg/__pycache__/m.cpython-312.pyc",	'A' },
	{ "/srv/application",				'D' },
	{ "/srv",					'D' },
	{ "/",						'D' },
	{ "/etc/passwd",				'D' },
	{ "/etc/ssh/ssh_host_ed25519_key",		'D' },
	{ "/root/.ssh/id_ed25519",			'D' },
	/* --allow-read: a file, and a directory */
	{ "/opt/data.txt",				'A' },
	{ "/opt/data.txt.bak",				'D' },
	{ "/opt/other",					'D' },
	{ "/var/share/models/a.bin",			'A' },
	/* --allow-write directories are readable */
	{ "/tmp/out/x",					'A' },
	{ "/tmp/outside",				'D' },
	/* the interpreter's directories, given by the caller */
	{ "/py/3.12/lib/python3.12/os.py",		'A' },
	{ "/py/3.12/bin/python3.12",			'A' },
	{ "/py/3.12/bin/pip",				'D' },
	/* the system's */
	{ "/etc/ld.so.cache",				'A' },
	{ "/usr/lib/x86_64-linux-gnu/libc.so.6",	'A' },
	{ "/lib/x86_64-linux-gnu/libm.so.6",		'A' },
	{ "/usr/lib/python3.11/json/__init__.py",	'A' },
	{ "/usr/share/zoneinfo/Europe/Paris",		'A' },
	{ "/usr/lib/locale/C.utf8/LC_CTYPE",		'A' },
	{ "/etc/locale.alias",				'A' },
	{ "/dev/urandom",				'A' },
	{ "/dev/null",					'A' },
	{ "/dev/sda",					'D' },
	{ "/usr/share/doc/x",				'D' },
	{ "/usr/bin/curl",				'D' },
	{ "/etc/ld.so.cache.d",				'D' },
	/* its own /proc/PID (process and thread), no other */
	{ "/proc/100/maps",				'A' },
	{ "/proc/100",					'A' },
	{ "/proc/101/status",				'A' },
	{ "/proc/1000/environ",				'D' },
	{ "/proc/1/environ",				'D' },
	{ "/proc/10/environ",				'D' },
	{ "/proc/kcore",				'D' },
	/* not resolved */
	{ NULL,						'D' },
	{ "",						'D' },
	{ "srv/app/main.py",				'D' },
};
/* clang-format on */

START_TEST(test_read_table)
{
	const struct read_row *r = &read_rows[_i];
	char r1[] = "/opt/data.txt", r2[] = "/var/share/models";
	char w1[] = "/tmp/out", root[] = "/srv/app";
	char p1[] = "/py/3.12/bin/python3.12", p2[] = "/py/3.12/lib",
	     p3[] = "/py/3.12/lib64";
	char *allow_read[] = {r1, r2};
	char *allow_write[] = {w1};
	char *prog[] = {p1, p2, p3};
	struct policy p;
	struct decision d;
	const char *what = r->real ? r->real : "(null)";

	memset(&p, 0, sizeof(p));
	p.fs_readonly = true;
	p.read_root = root;
	p.allow_read = allow_read;
	p.n_allow_read = 2;
	p.allow_write = allow_write;
	p.n_allow_write = 1;
	d = policy_read(&p, r->real, prog, 3, 100, 101);
	ck_assert_int_eq(d.cat, CAT_FILESYSTEM);
	if (r->want == 'A') {
		ck_assert_msg(d.verdict == V_ALLOW, "%s: denied", what);
		ck_assert_ptr_null(d.reason);
	} else {
		ck_assert_msg(d.verdict == V_DENY, "%s: allowed", what);
		ck_assert_str_eq(d.reason, "read-outside-root");
	}
	/* the interpreter's directories are the process's own: another
	 * process (no list) may not read them */
	if (r->real && strncmp(r->real, "/py/", 4) == 0)
		ck_assert_int_eq(
		    policy_read(&p, r->real, NULL, 0, 100, 101).verdict,
		    V_DENY);
	/* without a root every path may be read */
	p.read_root = NULL;
	ck_assert_int_eq(policy_read(&p, r->real, prog, 3, 100, 101).verdict,
			 V_ALLOW);
}
END_TEST

START_TEST(test_read_system)
{
	size_t n;
	const char *const *v = policy_read_system(&n);

	ck_assert_uint_gt(n, 10);
	for (size_t i = 0; i < n; i++) {
		/* absolute, no trailing slash, never the whole of /, /etc,
		 * /usr, /home, /root, /proc or /dev */
		ck_assert_msg(v[i][0] == '/' && v[i][strlen(v[i]) - 1] != '/',
			      "%s", v[i]);
		ck_assert_msg(strcmp(v[i], "/") && strcmp(v[i], "/etc") &&
				  strcmp(v[i], "/usr") &&
				  strcmp(v[i], "/home") &&
				  strcmp(v[i], "/root") &&
				  strcmp(v[i], "/proc") && strcmp(v[i], "/dev"),
			      "%s is too wide", v[i]);
	}
}
END_TEST

/* ===== --deny-import ===== */

/* --deny-import builds (it was refused as "not supported yet" before):
 * its names are copied, in order, and it sets nothing else. */
START_TEST(test_build_deny_import)
{
	struct options o = {0};
	struct policy p;
	char *err = NULL;

	strlist_add(&o.deny_import, "json");
	strlist_add(&o.deny_import, "yaml.cyaml");
	strlist_add(&o.deny_import, "_x1");
	ck_assert_int_eq(policy_build(&p, &o, &err), 0);
	ck_assert_ptr_null(err);
	/* copies, not borrowed from the options */
	options_free(&o);
	ck_assert_uint_eq(p.n_deny_import, 3);
	ck_assert_str_eq(p.deny_import[0], "json");
	ck_assert_str_eq(p.deny_import[1], "yaml.cyaml");
	ck_assert_str_eq(p.deny_import[2], "_x1");
	ck_assert(!p.no_network && !p.no_subprocess && !p.fs_readonly);
	ck_assert(!p.block_native && !p.no_environment);
	policy_free(&p);
	ck_assert_ptr_null(p.deny_import);
	ck_assert_uint_eq(p.n_deny_import, 0);

	/* and stays off unless asked for (no names: an empty list) */
	memset(&o, 0, sizeof(o));
	o.no_network = o.fs_readonly = o.block_native = true;
	ck_assert_int_eq(policy_build(&p, &o, &err), 0);
	ck_assert_uint_eq(p.n_deny_import, 0);
	policy_free(&p);
	options_free(&o);
}
END_TEST

/* What --deny-import accepts as a module name: identifiers (a letter or
 * '_', then letters, digits, '_') joined by single dots. */
START_TEST(test_module_name_ok)
{
	static const char *const good[] = {
	    "a",    "a.b",	  "_x",	   "x1.y_2",
	    "json", "yaml.cyaml", "A.B.C", "__init__",
	};
	static const char *const bad[] = {
	    "",	   ".",	  "a.",	 ".a",	 "a..b", "1a",	 "a.1b",
	    "a-b", "a b", "a/b", "a.b.", "..",	 "a\\b", "a*",
	};

	for (size_t i = 0; i < HM_ARRAY_SIZE(good); i++)
		ck_assert_msg(policy_module_name_ok(good[i]),
			      "'%s' refused as a module name", good[i]);
	for (size_t i = 0; i < HM_ARRAY_SIZE(bad); i++)
		ck_assert_msg(!policy_module_name_ok(bad[i]),
			      "'%s' accepted as a module name", bad[i]);
	ck_assert(!policy_module_name_ok(NULL));
}
END_TEST

/* clang-format off */
static const struct import_row {
	const char *name;	/* the denied module */
	const char *real;	/* the resolved file being opened */
	char want;		/* 'A' allowed, 'D' denied (deny-import) */
} import_rows[] = {
	/* a top-level package: every file below its directory */
	{ "json",	"/usr/lib/python3.11/json/__init__.py",				'D' },
	{ "json",	"/usr/lib/python3.11/json/decoder.py",				'D' },
	{ "json",	"/usr/lib/python3.11/json/__pycache__/decoder.cpython-311.pyc",	'D' },
	{ "json",	"/usr/lib/python3.11/jsonx.py",					'A' },
	{ "json",	"/x/notjson.py",						'A' },
	{ "json",	"/x/json_extra/a.py",						'A' },
	{ "json",	"/x/myjson.py",							'A' },
	/* a top-level module: its source, bytecode and extension files */
	{ "mymod",	"/p/mymod.py",							'D' },
	{ "mymod",	"/p/mymod.pyc",							'D' },
	{ "mymod",	"/p/__pycache__/mymod.cpython-312.pyc",				'D' },
	{ "mymod",	"/p/mymod.cpython-311-x86_64-linux-gnu.so",			'D' },
	{ "mymod",	"/p/mymod.abi3.so",						'D' },
	{ "mymod",	"/p/mymod_x.py",						'A' },
	{ "mymod",	"/p/__pycache__/mymod_x.cpython-312.pyc",			'A' },
	/* a dotted name: a/b as a module or a package, in that directory */
	{ "a.b",	"/s/a/b.py",							'D' },
	{ "a.b",	"/s/a/b/__init__.py",						'D' },
	{ "a.b",	"/s/a/__pycache__/b.cpython-311.pyc",				'D' },
	{ "a.b",	"/s/a/b.cpython-311-x86_64-linux-gnu.so",			'D' },
	{ "a.b",	"/s/a/c.py",							'A' },
	{ "a.b",	"/s/b.py",							'A' },
	{ "a.b",	"/s/x/b.py",							'A' },
	/* nothing resolved: nothing to match */
	{ "json",	NULL,								'A' },
};
/* clang-format on */

/* policy_import() for a row, with and without --deny-import. */
START_TEST(test_import_table)
{
	const struct import_row *r = &import_rows[_i];
	char *names[2] = {(char *)"unrelated", (char *)r->name};
	struct policy p;
	struct decision d;
	char what[512];

	snprintf(what, sizeof(what), "'%s' (--deny-import %s)",
		 r->real ? r->real : "(null)", r->name);
	memset(&p, 0, sizeof(p));
	p.deny_import = &names[1];
	p.n_deny_import = 1;
	d = policy_import(&p, r->real);
	ck_assert_msg(d.cat == CAT_IMPORT, "%s: category %d", what, d.cat);
	if (r->want == 'A') {
		ck_assert_msg(d.verdict == V_ALLOW, "%s: denied (%s)", what,
			      d.reason ? d.reason : "no reason");
		ck_assert_msg(d.reason == NULL, "%s: allowed with reason %s",
			      what, d.reason);
	} else {
		ck_assert_msg(r->want == 'D', "bad expectation %c", r->want);
		ck_assert_msg(d.verdict == V_DENY, "%s: allowed", what);
		ck_assert_ptr_nonnull(d.reason);
		ck_assert_str_eq(d.reason, "deny-import");
	}

	/* the same with another name before it: any of the names counts */
	p.deny_import = names;
	p.n_deny_import = 2;
	d = policy_import(&p, r->real);
	ck_assert_msg(d.verdict == (r->want == 'D' ? V_DENY : V_ALLOW),
		      "%s: a second name changes the verdict", what);

	/* the guard off (no names): every file may be opened */
	p.n_deny_import = 0;
	p.deny_import = NULL;
	d = policy_import(&p, r->real);
	ck_assert_msg(d.verdict == V_ALLOW, "%s: denied without the guard",
		      what);
	ck_assert_msg(d.reason == NULL, "%s: reason %s without the guard", what,
		      d.reason);

	/* nor do the other guards turn it on */
	p.no_network = p.no_subprocess = p.fs_readonly = p.block_native = true;
	ck_assert_int_eq(policy_import(&p, r->real).verdict, V_ALLOW);
}
END_TEST

static Suite *
policy_suite(void)
{
	Suite *s = suite_create("policy");
	TCase *tc = tcase_create("sockaddr");

	tcase_add_loop_test(tc, test_inet_table, 0, HM_ARRAY_SIZE(addr_rows));
	tcase_add_test(tc, test_unspec);
	tcase_add_test(tc, test_truncated);
	tcase_add_test(tc, test_other_family);
	tcase_add_test(tc, test_unix_bind_and_own);
	tcase_add_test(tc, test_unix_allow_all);
	tcase_add_loop_test(tc, test_unix_rules, 0, HM_ARRAY_SIZE(unix_rows));
	tcase_add_test(tc, test_unix_rules_several);
	tcase_add_test(tc, test_unix_abstract_embedded_nul);
	tcase_add_test(tc, test_unix_real_path);
	tcase_add_test(tc, test_netlink);
	suite_add_tcase(s, tc);

	tc = tcase_create("listen");
	tcase_add_test(tc, test_listen);
	tcase_add_test(tc, test_listen_other_families);
	suite_add_tcase(s, tc);

	tc = tcase_create("socket");
	tcase_add_loop_test(tc, test_socket_table, 0,
			    HM_ARRAY_SIZE(socket_rows));
	suite_add_tcase(s, tc);

	tc = tcase_create("process");
	tcase_add_test(tc, test_spawn_and_exec);
	tcase_add_test(tc, test_exec_ids);
	tcase_add_test(tc, test_refuse_and_categories);
	suite_add_tcase(s, tc);

	tc = tcase_create("build");
	tcase_add_test(tc, test_build_copies);
	tcase_add_test(tc, test_build_refusals);
	tcase_add_test(tc, test_build_fs_readonly);
	tcase_add_test(tc, test_build_block_native);
	suite_add_tcase(s, tc);

	tc = tcase_create("native");
	tcase_add_loop_test(tc, test_native_table, 0,
			    HM_ARRAY_SIZE(native_rows));
	suite_add_tcase(s, tc);

	tc = tcase_create("read-root");
	tcase_add_loop_test(tc, test_read_table, 0, HM_ARRAY_SIZE(read_rows));
	tcase_add_test(tc, test_read_system);
	suite_add_tcase(s, tc);

	tc = tcase_create("import");
	tcase_add_test(tc, test_build_deny_import);
	tcase_add_test(tc, test_module_name_ok);
	tcase_add_loop_test(tc, test_import_table, 0,
			    HM_ARRAY_SIZE(import_rows));
	suite_add_tcase(s, tc);

	tc = tcase_create("filesystem");
	tcase_add_test(tc, test_open_writes);
	tcase_add_loop_test(tc, test_path_below, 0, HM_ARRAY_SIZE(below_rows));
	tcase_add_test(tc, test_fs_write);
	tcase_add_test(tc, test_writable_devices);
	tcase_add_loop_test(tc, test_writable_device_paths, 0,
			    HM_ARRAY_SIZE(device_rows));
	suite_add_tcase(s, tc);
	return s;
}

HM_SUITE_MAIN(policy_suite)
