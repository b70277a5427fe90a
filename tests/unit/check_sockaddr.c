/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * Unit tests of socket address decoding and formatting (sockaddr.c):
 * every family the policy looks at, the lengths at which an address stops
 * being valid, unix names (paths with and without a NUL, abstract names
 * with NULs and unprintable bytes, autobind), the exact trace-line forms,
 * and the loopback, unspecified and metadata predicates.
 */
#include "config.h"

#include <arpa/inet.h>
#include <check.h>
#include <linux/netlink.h>
#include <netinet/in.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>

#include "check_common.h"
#include "sockaddr.h"

#define SUN_OFF offsetof(struct sockaddr_un, sun_path)

static struct hm_sockaddr
decode(const void *buf, size_t len)
{
	struct hm_sockaddr sa;

	/* garbage first: decode must set every field */
	memset(&sa, 0xa5, sizeof(sa));
	ck_assert_int_eq(sockaddr_decode(buf, len, &sa), 0);
	return sa;
}

static const char *
fmt(const struct hm_sockaddr *sa)
{
	static char buf[1024];

	return sockaddr_format(sa, buf, sizeof(buf));
}

static struct sockaddr_in
sin_of(const char *addr, uint16_t port)
{
	struct sockaddr_in sin = {.sin_family = AF_INET};

	sin.sin_port = htons(port);
	ck_assert_int_eq(inet_pton(AF_INET, addr, &sin.sin_addr), 1);
	return sin;
}

static struct sockaddr_in6
sin6_of(const char *addr, uint16_t port)
{
	struct sockaddr_in6 sin6 = {.sin6_family = AF_INET6};

	sin6.sin6_port = htons(port);
	ck_assert_int_eq(inet_pton(AF_INET6, addr, &sin6.sin6_addr), 1);
	return sin6;
}

START_TEST(test_inet)
{
	static const uint8_t want_ip[16] = {
	    [10] = 0xff, [11] = 0xff, [12] = 203,
	    [13] = 0,	 [14] = 113,  [15] = 5};
	struct sockaddr_in sin = sin_of("203.0.113.5", 80);
	struct hm_sockaddr sa = decode(&sin, sizeof(sin));

	ck_assert_int_eq(sa.family, AF_INET);
	ck_assert(sa.valid);
	ck_assert(sa.v4);
	ck_assert(!sa.v6_sockaddr);
	ck_assert_uint_eq(sa.port, 80);
	/* kept in the mapped form */
	ck_assert_mem_eq(sa.ip, want_ip, 16);
	ck_assert(!sa.abstract && !sa.unnamed);
	ck_assert_uint_eq(sa.path_len, 0);
	ck_assert_str_eq(sa.path, "");
	ck_assert_str_eq(fmt(&sa), "host=203.0.113.5:80");

	/* a longer buffer is fine (sockaddr_storage) */
	{
		struct sockaddr_storage ss;

		memset(&ss, 0, sizeof(ss));
		memcpy(&ss, &sin, sizeof(sin));
		sa = decode(&ss, sizeof(ss));
		ck_assert(sa.valid);
		ck_assert_str_eq(fmt(&sa), "host=203.0.113.5:80");
	}

	sin = sin_of("0.0.0.0", 65535);
	sa = decode(&sin, sizeof(sin));
	ck_assert_str_eq(fmt(&sa), "host=0.0.0.0:65535");
}
END_TEST

START_TEST(test_inet_truncated)
{
	struct sockaddr_in sin = sin_of("203.0.113.5", 80);

	for (size_t len = 2; len < sizeof(sin); len++) {
		struct hm_sockaddr sa = decode(&sin, len);

		ck_assert_msg(!sa.valid, "len %zu valid", len);
		ck_assert_int_eq(sa.family, AF_INET);
		ck_assert_str_eq(fmt(&sa),
				 "family=AF_INET (truncated address)");
	}
}
END_TEST

START_TEST(test_no_family)
{
	struct sockaddr_in sin = sin_of("203.0.113.5", 80);

	for (size_t len = 0; len < sizeof(sa_family_t); len++) {
		struct hm_sockaddr sa = decode(&sin, len);

		ck_assert(!sa.valid);
		ck_assert_int_eq(sa.family, -1);
		ck_assert_str_eq(fmt(&sa), "host=? (no address)");
	}
}
END_TEST

START_TEST(test_inet6)
{
	struct sockaddr_in6 sin6 = sin6_of("2001:db8::1", 443);
	struct hm_sockaddr sa;

	sin6.sin6_scope_id = 7;
	sa = decode(&sin6, sizeof(sin6));
	ck_assert_int_eq(sa.family, AF_INET6);
	ck_assert(sa.valid);
	ck_assert(!sa.v4);
	ck_assert(sa.v6_sockaddr);
	ck_assert_uint_eq(sa.port, 443);
	ck_assert_mem_eq(sa.ip, &sin6.sin6_addr, 16);
	ck_assert_str_eq(fmt(&sa), "host=[2001:db8::1]:443");

	sin6 = sin6_of("::1", 8080);
	sa = decode(&sin6, sizeof(sin6));
	ck_assert_str_eq(fmt(&sa), "host=[::1]:8080");
}
END_TEST

START_TEST(test_inet6_rfc2133_size)
{
	/* the kernel accepts a sockaddr_in6 without sin6_scope_id */
	struct sockaddr_in6 sin6 = sin6_of("2001:db8::2", 22);
	struct hm_sockaddr sa;

	ck_assert_uint_eq(offsetof(struct sockaddr_in6, sin6_scope_id), 24);
	sa = decode(&sin6, 24);
	ck_assert(sa.valid);
	ck_assert_uint_eq(sa.port, 22);
	ck_assert_str_eq(fmt(&sa), "host=[2001:db8::2]:22");
	for (size_t len = 2; len < 24; len++) {
		sa = decode(&sin6, len);
		ck_assert_msg(!sa.valid, "len %zu valid", len);
		ck_assert_str_eq(fmt(&sa),
				 "family=AF_INET6 (truncated address)");
	}
}
END_TEST

START_TEST(test_inet6_mapped)
{
	struct sockaddr_in6 sin6 = sin6_of("::ffff:127.0.0.1", 80);
	struct hm_sockaddr sa = decode(&sin6, sizeof(sin6));
	struct sockaddr_in sin = sin_of("127.0.0.1", 80);
	struct hm_sockaddr sa4 = decode(&sin, sizeof(sin));

	ck_assert(sa.valid);
	ck_assert(sa.v4);
	ck_assert(sa.v6_sockaddr);
	ck_assert_int_eq(sa.family, AF_INET6);
	/* one comparison covers both forms */
	ck_assert_mem_eq(sa.ip, sa4.ip, 16);
	ck_assert_str_eq(fmt(&sa), "host=[::ffff:127.0.0.1]:80");
	ck_assert_str_eq(fmt(&sa4), "host=127.0.0.1:80");
	/* ::1 and :: are not mapped */
	sin6 = sin6_of("::", 1);
	sa = decode(&sin6, sizeof(sin6));
	ck_assert(!sa.v4);
	ck_assert_str_eq(fmt(&sa), "host=[::]:1");
}
END_TEST

START_TEST(test_unix_path)
{
	struct sockaddr_un sun = {.sun_family = AF_UNIX};
	struct hm_sockaddr sa;

	strcpy(sun.sun_path, "/run/x.sock");
	/* with the NUL, as most callers pass it */
	sa = decode(&sun, SUN_OFF + strlen(sun.sun_path) + 1);
	ck_assert_int_eq(sa.family, AF_UNIX);
	ck_assert(sa.valid);
	ck_assert(!sa.abstract && !sa.unnamed);
	ck_assert_str_eq(sa.path, "/run/x.sock");
	ck_assert_uint_eq(sa.path_len, 11);
	ck_assert_str_eq(fmt(&sa), "unix=/run/x.sock");
	/* without it */
	sa = decode(&sun, SUN_OFF + strlen(sun.sun_path));
	ck_assert_str_eq(sa.path, "/run/x.sock");
	ck_assert_uint_eq(sa.path_len, 11);
	/* the whole structure: the name ends at the first NUL */
	memcpy(sun.sun_path + 12, "junk", 4);
	sa = decode(&sun, sizeof(sun));
	ck_assert_str_eq(sa.path, "/run/x.sock");
	ck_assert_uint_eq(sa.path_len, 11);
	/* a shorter length cuts the name */
	sa = decode(&sun, SUN_OFF + 4);
	ck_assert_str_eq(sa.path, "/run");
	ck_assert_str_eq(fmt(&sa), "unix=/run");
}
END_TEST

START_TEST(test_unix_path_full)
{
	struct sockaddr_un sun = {.sun_family = AF_UNIX};
	unsigned char big[300];
	struct hm_sockaddr sa;

	ck_assert_uint_eq(sizeof(sun.sun_path), HM_UNIX_PATH_MAX);
	memset(sun.sun_path, 'a', sizeof(sun.sun_path));
	sun.sun_path[0] = '/';
	sa = decode(&sun, sizeof(sun));
	ck_assert(sa.valid);
	ck_assert_uint_eq(sa.path_len, HM_UNIX_PATH_MAX);
	ck_assert_uint_eq(strlen(sa.path), HM_UNIX_PATH_MAX);

	/* a longer length than a sockaddr_un: the name is at most 108 */
	memset(big, 'b', sizeof(big));
	memcpy(big, &sun, sizeof(sun.sun_family));
	sa = decode(big, sizeof(big));
	ck_assert(sa.valid);
	ck_assert_uint_eq(sa.path_len, HM_UNIX_PATH_MAX);
	ck_assert_uint_eq(strlen(sa.path), HM_UNIX_PATH_MAX);
}
END_TEST

START_TEST(test_unix_path_escaped)
{
	static const char name[] = "/tmp/a b\\c\x01\x7f\xff";
	struct sockaddr_un sun = {.sun_family = AF_UNIX};
	struct hm_sockaddr sa;

	memcpy(sun.sun_path, name, sizeof(name));
	sa = decode(&sun, SUN_OFF + sizeof(name));
	ck_assert_uint_eq(sa.path_len, sizeof(name) - 1);
	/* blanks, backslashes and unprintable bytes are escaped */
	ck_assert_str_eq(fmt(&sa), "unix=/tmp/a\\x20b\\x5cc\\x01\\x7f\\xff");
}
END_TEST

START_TEST(test_unix_long_unprintable_names)
{
	struct sockaddr_un sun = {.sun_family = AF_UNIX};
	char want[8 + 4 * HM_UNIX_PATH_MAX + 1];
	struct hm_sockaddr sa;
	size_t o;

	/* the longest abstract name, every byte escaped */
	memset(sun.sun_path, 0xff, sizeof(sun.sun_path));
	sun.sun_path[0] = '\0';
	sa = decode(&sun, sizeof(sun));
	ck_assert(sa.abstract);
	ck_assert_uint_eq(sa.path_len, HM_UNIX_PATH_MAX - 1);
	o = (size_t)sprintf(want, "unix=@");
	for (size_t i = 0; i < HM_UNIX_PATH_MAX - 1; i++)
		o += (size_t)sprintf(want + o, "\\xff");
	ck_assert_str_eq(fmt(&sa), want);

	/* the longest path, every byte escaped: none may be lost */
	memset(sun.sun_path, 0x01, sizeof(sun.sun_path));
	sa = decode(&sun, sizeof(sun));
	ck_assert(!sa.abstract);
	ck_assert_uint_eq(sa.path_len, HM_UNIX_PATH_MAX);
	o = (size_t)sprintf(want, "unix=");
	for (size_t i = 0; i < HM_UNIX_PATH_MAX; i++)
		o += (size_t)sprintf(want + o, "\\x01");
	ck_assert_msg(strcmp(fmt(&sa), want) == 0,
		      "a name of %d unprintable bytes shows %zu of them",
		      HM_UNIX_PATH_MAX,
		      (strlen(fmt(&sa)) - strlen("unix=")) / 4);
}
END_TEST

START_TEST(test_unix_abstract)
{
	static const char raw[] = "\0name";
	struct sockaddr_un sun = {.sun_family = AF_UNIX};
	struct hm_sockaddr sa;

	memcpy(sun.sun_path, raw, sizeof(raw) - 1);
	sa = decode(&sun, SUN_OFF + sizeof(raw) - 1);
	ck_assert(sa.valid);
	ck_assert(sa.abstract);
	ck_assert(!sa.unnamed);
	ck_assert_uint_eq(sa.path_len, 4);
	ck_assert_mem_eq(sa.path, "name", 4);
	ck_assert_str_eq(fmt(&sa), "unix=@name");

	/* the name is exactly the given length: a trailing NUL is part of
	 * it */
	sa = decode(&sun, SUN_OFF + sizeof(raw));
	ck_assert_uint_eq(sa.path_len, 5);
	ck_assert_str_eq(fmt(&sa), "unix=@name\\x00");

	/* an empty abstract name */
	sa = decode(&sun, SUN_OFF + 1);
	ck_assert(sa.abstract);
	ck_assert_uint_eq(sa.path_len, 0);
	ck_assert_str_eq(fmt(&sa), "unix=@");
}
END_TEST

START_TEST(test_unix_abstract_nul_and_unprintable)
{
	static const char raw[] = "\0a\0b\x01\n\x7f"
				  "c";
	struct sockaddr_un sun = {.sun_family = AF_UNIX};
	struct hm_sockaddr sa;

	memcpy(sun.sun_path, raw, sizeof(raw) - 1);
	sa = decode(&sun, SUN_OFF + sizeof(raw) - 1);
	ck_assert(sa.abstract);
	ck_assert_uint_eq(sa.path_len, sizeof(raw) - 2);
	ck_assert_mem_eq(sa.path, raw + 1, sizeof(raw) - 2);
	ck_assert_str_eq(fmt(&sa), "unix=@a\\x00b\\x01\\x0a\\x7fc");
}
END_TEST

START_TEST(test_unix_autobind)
{
	struct sockaddr_un sun = {.sun_family = AF_UNIX};
	struct hm_sockaddr sa = decode(&sun, sizeof(sa_family_t));

	ck_assert(sa.valid);
	ck_assert(sa.unnamed);
	ck_assert(!sa.abstract);
	ck_assert_uint_eq(sa.path_len, 0);
	ck_assert_str_eq(fmt(&sa), "unix=(unnamed)");
}
END_TEST

START_TEST(test_netlink)
{
	struct sockaddr_nl snl = {.nl_family = AF_NETLINK};
	struct hm_sockaddr sa;

	sa = decode(&snl, sizeof(snl));
	ck_assert(sa.valid);
	ck_assert_int_eq(sa.family, AF_NETLINK);
	ck_assert_uint_eq(sa.nl_pid, 0);
	ck_assert_str_eq(fmt(&sa), "netlink=pid:0");
	snl.nl_pid = 4242;
	snl.nl_groups = 1;
	sa = decode(&snl, sizeof(snl));
	ck_assert_uint_eq(sa.nl_pid, 4242);
	ck_assert_str_eq(fmt(&sa), "netlink=pid:4242");
	sa = decode(&snl, sizeof(snl) - 1);
	ck_assert(!sa.valid);
	ck_assert_str_eq(fmt(&sa), "family=AF_NETLINK (truncated address)");
}
END_TEST

START_TEST(test_other_families)
{
	unsigned char buf[32] = {0};
	sa_family_t fam;
	struct hm_sockaddr sa;

	fam = AF_UNSPEC;
	memcpy(buf, &fam, sizeof(fam));
	sa = decode(buf, sizeof(fam));
	ck_assert(sa.valid);
	ck_assert_int_eq(sa.family, AF_UNSPEC);
	ck_assert_str_eq(fmt(&sa), "family=AF_UNSPEC");

	fam = AF_PACKET;
	memcpy(buf, &fam, sizeof(fam));
	sa = decode(buf, sizeof(buf));
	ck_assert(sa.valid);
	ck_assert_str_eq(fmt(&sa), "family=AF_PACKET");

	fam = AF_VSOCK;
	memcpy(buf, &fam, sizeof(fam));
	sa = decode(buf, sizeof(buf));
	ck_assert_str_eq(fmt(&sa), "family=AF_VSOCK");

	fam = 250;
	memcpy(buf, &fam, sizeof(fam));
	sa = decode(buf, sizeof(buf));
	ck_assert_int_eq(sa.family, 250);
	ck_assert_str_eq(fmt(&sa), "family=250");
}
END_TEST

START_TEST(test_format_small_buffer)
{
	struct sockaddr_in6 sin6 = sin6_of("2001:db8::1", 443);
	struct hm_sockaddr sa = decode(&sin6, sizeof(sin6));
	char buf[16];

	memset(buf, 'z', sizeof(buf));
	ck_assert_ptr_eq(sockaddr_format(&sa, buf, 8), buf);
	ck_assert_str_eq(buf, "host=[2");
	ck_assert_int_eq(buf[8], 'z');
}
END_TEST

START_TEST(test_format_socket)
{
	char buf[128];

	ck_assert_str_eq(
	    sockaddr_format_socket(AF_PACKET, SOCK_RAW, 768, buf, sizeof(buf)),
	    "family=AF_PACKET type=SOCK_RAW protocol=768");
	/* the flag bits are not the type */
	ck_assert_str_eq(
	    sockaddr_format_socket(AF_INET,
				   SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC,
				   6, buf, sizeof(buf)),
	    "family=AF_INET type=SOCK_STREAM protocol=6");
	ck_assert_str_eq(
	    sockaddr_format_socket(AF_INET6, SOCK_DGRAM, 58, buf, sizeof(buf)),
	    "family=AF_INET6 type=SOCK_DGRAM protocol=58");
	ck_assert_str_eq(sockaddr_format_socket(AF_UNIX, SOCK_SEQPACKET, 0, buf,
						sizeof(buf)),
			 "family=AF_UNIX type=SOCK_SEQPACKET protocol=0");
	ck_assert_str_eq(
	    sockaddr_format_socket(AF_INET, SOCK_PACKET, 0, buf, sizeof(buf)),
	    "family=AF_INET type=SOCK_PACKET protocol=0");
	ck_assert_str_eq(
	    sockaddr_format_socket(AF_NETLINK, SOCK_RAW, 9, buf, sizeof(buf)),
	    "family=AF_NETLINK type=SOCK_RAW protocol=9");
	/* numbers for what has no name */
	ck_assert_str_eq(sockaddr_format_socket(99, 8, -1, buf, sizeof(buf)),
			 "family=99 type=8 protocol=-1");
	ck_assert_str_eq(sockaddr_format_socket(-5, 15, 0, buf, sizeof(buf)),
			 "family=-5 type=15 protocol=0");
}
END_TEST

START_TEST(test_family_names)
{
	ck_assert_str_eq(sockaddr_family_name(AF_UNSPEC), "AF_UNSPEC");
	ck_assert_str_eq(sockaddr_family_name(AF_UNIX), "AF_UNIX");
	ck_assert_str_eq(sockaddr_family_name(AF_INET), "AF_INET");
	ck_assert_str_eq(sockaddr_family_name(AF_INET6), "AF_INET6");
	ck_assert_str_eq(sockaddr_family_name(AF_NETLINK), "AF_NETLINK");
	ck_assert_str_eq(sockaddr_family_name(AF_PACKET), "AF_PACKET");
	ck_assert_str_eq(sockaddr_family_name(AF_ALG), "AF_ALG");
	ck_assert_ptr_null(sockaddr_family_name(250));
	ck_assert_ptr_null(sockaddr_family_name(-1));
}
END_TEST

/* clang-format off */
static const struct pred_row {
	const char *addr;
	uint32_t scope_id;
	bool loopback, unspecified, metadata;
} pred_rows[] = {
	{ "127.0.0.1",			0, true,  false, false },
	{ "127.1.2.3",			0, true,  false, false },
	{ "127.255.255.255",		0, true,  false, false },
	{ "::1",			0, true,  false, false },
	{ "::ffff:127.0.0.1",		0, true,  false, false },
	{ "::ffff:127.9.9.9",		0, true,  false, false },
	{ "128.0.0.1",			0, false, false, false },
	{ "126.255.255.255",		0, false, false, false },
	{ "::2",			0, false, false, false },
	{ "::127.0.0.1",		0, false, false, false },
	{ "0.0.0.0",			0, false, true,  false },
	{ "::",				0, false, true,  false },
	{ "::ffff:0.0.0.0",		0, false, true,  false },
	{ "0.0.0.1",			0, false, false, false },
	{ "169.254.169.254",		0, false, false, true },
	{ "100.100.100.200",		0, false, false, true },
	{ "::ffff:169.254.169.254",	0, false, false, true },
	{ "::ffff:100.100.100.200",	0, false, false, true },
	{ "fd00:ec2::254",		0, false, false, true },
	{ "fe80::a9fe:a9fe",		0, false, false, true },
	{ "fe80::a9fe:a9fe",		5, false, false, true },
	{ "169.254.169.253",		0, false, false, false },
	{ "169.254.170.2",		0, false, false, false },
	{ "100.100.100.201",		0, false, false, false },
	{ "fd00:ec2::253",		0, false, false, false },
	{ "fd00:ec2::1:254",		0, false, false, false },
	{ "fe80::1",			0, false, false, false },
	{ "203.0.113.5",		0, false, false, false },
	{ "2001:db8::1",		0, false, false, false },
};
/* clang-format on */

START_TEST(test_predicates)
{
	const struct pred_row *r = &pred_rows[_i];
	struct hm_sockaddr sa;

	if (strchr(r->addr, ':')) {
		struct sockaddr_in6 sin6 = sin6_of(r->addr, 80);

		sin6.sin6_scope_id = r->scope_id;
		sa = decode(&sin6, sizeof(sin6));
	} else {
		struct sockaddr_in sin = sin_of(r->addr, 80);

		sa = decode(&sin, sizeof(sin));
	}
	ck_assert_msg(sockaddr_is_loopback(&sa) == r->loopback, "%s: loopback",
		      r->addr);
	ck_assert_msg(sockaddr_is_unspecified(&sa) == r->unspecified,
		      "%s: unspecified", r->addr);
	ck_assert_msg(sockaddr_is_metadata(&sa) == r->metadata, "%s: metadata",
		      r->addr);
}
END_TEST

START_TEST(test_predicates_other_families)
{
	struct sockaddr_in sin = sin_of("127.0.0.1", 80);
	struct sockaddr_un sun = {.sun_family = AF_UNIX};
	struct hm_sockaddr sa;

	/* a truncated loopback address is not loopback */
	sa = decode(&sin, sizeof(sin) - 1);
	ck_assert(!sockaddr_is_loopback(&sa));
	ck_assert(!sockaddr_is_unspecified(&sa));
	/* a unix socket is neither */
	sa = decode(&sun, sizeof(sa_family_t));
	ck_assert(!sockaddr_is_loopback(&sa));
	ck_assert(!sockaddr_is_unspecified(&sa));
	ck_assert(!sockaddr_is_metadata(&sa));
}
END_TEST

static Suite *
sockaddr_suite(void)
{
	Suite *s = suite_create("sockaddr");
	TCase *tc = tcase_create("decode");

	tcase_add_test(tc, test_inet);
	tcase_add_test(tc, test_inet_truncated);
	tcase_add_test(tc, test_no_family);
	tcase_add_test(tc, test_inet6);
	tcase_add_test(tc, test_inet6_rfc2133_size);
	tcase_add_test(tc, test_inet6_mapped);
	tcase_add_test(tc, test_unix_path);
	tcase_add_test(tc, test_unix_path_full);
	tcase_add_test(tc, test_unix_path_escaped);
	tcase_add_test(tc, test_unix_long_unprintable_names);
	tcase_add_test(tc, test_unix_abstract);
	tcase_add_test(tc, test_unix_abstract_nul_and_unprintable);
	tcase_add_test(tc, test_unix_autobind);
	tcase_add_test(tc, test_netlink);
	tcase_add_test(tc, test_other_families);
	suite_add_tcase(s, tc);

	tc = tcase_create("format");
	tcase_add_test(tc, test_format_small_buffer);
	tcase_add_test(tc, test_format_socket);
	tcase_add_test(tc, test_family_names);
	suite_add_tcase(s, tc);

	tc = tcase_create("predicates");
	tcase_add_loop_test(tc, test_predicates, 0, HM_ARRAY_SIZE(pred_rows));
	tcase_add_test(tc, test_predicates_other_families);
	suite_add_tcase(s, tc);
	return s;
}

HM_SUITE_MAIN(sockaddr_suite)
