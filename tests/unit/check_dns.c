/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * The DNS reader (dns.c) on well-formed and hostile messages, and the
 * --allow-host / --allow-domain rules (hostrule.c).
 */
#include "config.h"

#include <arpa/inet.h>
#include <check.h>
#include <string.h>

#include "check_common.h"
#include "dns.h"
#include "hostrule.h"
#include "policy.h"

/* example.com A? id 0x1234, RD */
static const uint8_t query[] = {
    0x12, 0x34, 0x01, 0x00, 0,	 1, 0,	 0,   0,   0, 0, 0, 7, 'e', 'x',
    'a',  'm',	'p',  'l',  'e', 3, 'c', 'o', 'm', 0, 0, 1, 0, 1,
};

/* its answer: a CNAME to www.example.com (compressed) and two A */
static const uint8_t answer[] = {
    0x12,
    0x34,
    0x81,
    0x80,
    0,
    1,
    0,
    3,
    0,
    0,
    0,
    0,
    7,
    'E',
    'x',
    'a',
    'm',
    'p',
    'l',
    'e',
    3,
    'c',
    'o',
    'm',
    0,
    0,
    1,
    0,
    1,
    /* CNAME www.<12> */
    0xc0,
    12,
    0,
    5,
    0,
    1,
    0,
    0,
    0,
    60,
    0,
    6,
    3,
    'w',
    'w',
    'w',
    0xc0,
    12,
    /* A 192.0.2.1 for the CNAME target (offset 41) */
    0xc0,
    41,
    0,
    1,
    0,
    1,
    0,
    0,
    0,
    60,
    0,
    4,
    192,
    0,
    2,
    1,
    /* AAAA 2001:db8::1 */
    0xc0,
    12,
    0,
    28,
    0,
    1,
    0,
    0,
    1,
    0,
    0,
    16,
    0x20,
    0x01,
    0x0d,
    0xb8,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    1,
};

START_TEST(test_parse)
{
	struct dns_msg m;
	char t[16];

	ck_assert_int_eq(dns_parse(query, sizeof(query), &m), 0);
	ck_assert(!m.response && m.have_question);
	ck_assert_uint_eq(m.id, 0x1234);
	ck_assert_str_eq(m.qname, "example.com");
	ck_assert_uint_eq(m.qtype, DNS_TYPE_A);
	ck_assert_str_eq(dns_type_name(m.qtype, t, sizeof(t)), "A");
	ck_assert_str_eq(dns_type_name(65, t, sizeof(t)), "HTTPS");
	ck_assert_str_eq(dns_type_name(999, t, sizeof(t)), "TYPE999");

	ck_assert_int_eq(dns_parse(answer, sizeof(answer), &m), 0);
	ck_assert(m.response);
	ck_assert_str_eq(m.qname, "Example.com");
	ck_assert_uint_eq(m.naddrs, 2);
	ck_assert_int_eq(m.addrs[0].family, AF_INET);
	ck_assert_mem_eq(m.addrs[0].ip, "\xc0\x00\x02\x01", 4);
	ck_assert_int_eq(m.addrs[1].family, AF_INET6);
	ck_assert_uint_eq(m.addrs[1].ttl, 256);
}
END_TEST

START_TEST(test_hostile)
{
	uint8_t b[sizeof(answer)];
	struct dns_msg m;
	char name[DNS_NAME_MAX];
	size_t off;
	/* a pointer to itself, and two pointing at each other */
	static const uint8_t self[] = {0, 1, 0x81, 0x80, 0,  1, 0, 0, 0,
				       0, 0, 0,	   0xc0, 12, 0, 1, 0, 1};
	static const uint8_t pair[] = {0, 1, 0x81, 0x80, 0,    1,  0, 0, 0, 0,
				       0, 0, 0xc0, 14,	 0xc0, 12, 0, 1, 0, 1};
	static const uint8_t dotty[] = {3, 'a', '.', 'b', 2, 0x01, '\\', 0};

	/* every truncation of a good message fails cleanly */
	for (size_t n = 0; n < sizeof(answer); n++)
		ck_assert_int_eq(dns_parse(answer, n, &m), -1);
	ck_assert_int_eq(dns_parse(self, sizeof(self), &m), -1);
	ck_assert_int_eq(dns_parse(pair, sizeof(pair), &m), -1);
	/* a reserved label type */
	memcpy(b, answer, sizeof(b));
	b[12] = 0x47;
	ck_assert_int_eq(dns_parse(b, sizeof(b), &m), -1);
	/* a record longer than the message */
	memcpy(b, answer, sizeof(b));
	b[40] = 0xff;
	ck_assert_int_eq(dns_parse(b, sizeof(b), &m), -1);
	/* dots and odd bytes inside labels are escaped */
	off = 0;
	ck_assert_int_eq(
	    dns_read_name(dotty, sizeof(dotty), &off, name, sizeof(name)), 0);
	ck_assert_str_eq(name, "a\\046b.\\001\\092");
	ck_assert_uint_eq(off, sizeof(dotty));
	/* a name that does not fit the buffer */
	off = 12;
	ck_assert_int_eq(dns_read_name(query, sizeof(query), &off, name, 5),
			 -1);
	/* more than 255 bytes on the wire */
	{
		uint8_t big[320];
		size_t n = 0;

		for (int i = 0; i < 5; i++) {
			big[n++] = 60;
			memset(big + n, 'a', 60);
			n += 60;
		}
		big[n++] = 0;
		off = 0;
		ck_assert_int_eq(
		    dns_read_name(big, n, &off, name, sizeof(name)), -1);
	}
}
END_TEST

START_TEST(test_refuse)
{
	uint8_t out[512];
	struct dns_msg m;
	size_t n = dns_refuse(query, sizeof(query), out, sizeof(out));

	ck_assert_uint_eq(n, sizeof(query));
	ck_assert_int_eq(dns_parse(out, n, &m), 0);
	ck_assert(m.response);
	ck_assert_int_eq(m.rcode, DNS_RCODE_REFUSED);
	ck_assert_uint_eq(m.id, 0x1234);
	ck_assert_str_eq(m.qname, "example.com");
	ck_assert_uint_eq(out[2] & 0x01, 1); /* RD kept */
	/* a header alone: refused without a question */
	n = dns_refuse(query, DNS_HEADER + 3, out, sizeof(out));
	ck_assert_uint_eq(n, DNS_HEADER);
	ck_assert_uint_eq(out[5], 0);
	ck_assert_uint_eq(dns_refuse(query, 5, out, sizeof(out)), 0);
}
END_TEST

static struct hm_sockaddr
addr(const char *ip, uint16_t port)
{
	struct hm_sockaddr sa = {.valid = true, .port = port};
	uint8_t v4[4];

	if (inet_pton(AF_INET, ip, v4) == 1) {
		sa.family = AF_INET;
		sa.v4 = true;
		sa.ip[10] = sa.ip[11] = 0xff;
		memcpy(sa.ip + 12, v4, 4);
	} else {
		sa.family = AF_INET6;
		ck_assert_int_eq(inet_pton(AF_INET6, ip, sa.ip), 1);
	}
	return sa;
}

START_TEST(test_rules)
{
	static const char *const bad[] = {
	    "",
	    "10.0.0.0/33",
	    "10.0.0.1/8",
	    "1.2.3.4:0",
	    "1.2.3.4:70000",
	    "host:",
	    "host:80-79",
	    "[::1",
	    "[::1]x",
	    "[example.com]:80",
	    "a..b",
	    "-:-",
	    "1.2.3.4/",
	    "2001:db8::/129",
	    "host:http",
	    "a b",
	    "1.2.3",
	};
	struct host_rule r;
	char err[256];
	struct hm_sockaddr sa;

	for (size_t i = 0; i < HM_ARRAY_SIZE(bad); i++)
		ck_assert_msg(hostrule_parse(bad[i], &r, err, sizeof(err)) < 0,
			      "'%s' accepted", bad[i]);
	ck_assert_int_eq(
	    hostrule_parse("Example.COM.:443", &r, err, sizeof(err)), 0);
	ck_assert(r.is_name);
	ck_assert_str_eq(r.name, "example.com");
	ck_assert(hostrule_port_ok(&r, 443) && !hostrule_port_ok(&r, 80));

	ck_assert_int_eq(
	    hostrule_parse("10.1.0.0/16:5432-5433", &r, err, sizeof(err)), 0);
	sa = addr("10.1.200.3", 5433);
	ck_assert(hostrule_match_addr(&r, &sa));
	sa = addr("10.2.0.1", 5432);
	ck_assert(!hostrule_match_addr(&r, &sa));
	sa = addr("10.1.0.1", 5434);
	ck_assert(!hostrule_match_addr(&r, &sa));
	/* an IPv4 rule covers the mapped form */
	sa = addr("::ffff:10.1.0.9", 5432);
	ck_assert(hostrule_match_addr(&r, &sa));

	ck_assert_int_eq(
	    hostrule_parse("[2001:db8::/32]:443", &r, err, sizeof(err)), 0);
	sa = addr("2001:db8:1::5", 443);
	ck_assert(hostrule_match_addr(&r, &sa));
	sa = addr("2001:db9::5", 443);
	ck_assert(!hostrule_match_addr(&r, &sa));
	ck_assert_int_eq(hostrule_parse("2001:db8::1", &r, err, sizeof(err)),
			 0);
	sa = addr("2001:db8::1", 1);
	ck_assert(hostrule_match_addr(&r, &sa));
	ck_assert_int_eq(hostrule_parse("192.0.2.9", &r, err, sizeof(err)), 0);
	sa = addr("192.0.2.9", 65535);
	ck_assert(hostrule_match_addr(&r, &sa));
}
END_TEST

START_TEST(test_domains)
{
	char d[256], err[256];

	ck_assert_int_eq(
	    hostrule_domain("Example.COM.", d, sizeof(d), err, sizeof(err)), 0);
	ck_assert_str_eq(d, "example.com");
	ck_assert(hostrule_domain_match("example.com", d));
	ck_assert(hostrule_domain_match("API.example.com.", d));
	ck_assert(hostrule_domain_match("a.b.example.com", d));
	ck_assert(!hostrule_domain_match("evilexample.com", d));
	ck_assert(!hostrule_domain_match("example.com.evil.net", d));
	ck_assert(!hostrule_domain_match("com", d));
	ck_assert(!hostrule_domain_match("", d));
	ck_assert_int_eq(
	    hostrule_domain("exa mple.com", d, sizeof(d), err, sizeof(err)),
	    -1);
	ck_assert_int_eq(hostrule_domain(".", d, sizeof(d), err, sizeof(err)),
			 -1);
	ck_assert_int_eq(
	    hostrule_domain("a..b", d, sizeof(d), err, sizeof(err)), -1);
}
END_TEST

/* policy_dns, policy_remote and policy_resolvconf_lists (policy_dns.c) */
START_TEST(test_policy)
{
	char dom[] = "example.com";
	char *domains[] = {dom};
	struct host_rule rules[2];
	char err[128];
	struct policy p;
	struct decision base = {V_DENY, CAT_NETWORK, "no-network"};
	struct hm_sockaddr sa;

	memset(&p, 0, sizeof(p));
	/* no network guard: every query goes */
	ck_assert_int_eq(policy_dns(&p, "x.test", false).verdict, V_ALLOW);
	p.no_network = true;
	/* no rule: every query is refused, as no-network */
	ck_assert_str_eq(policy_dns(&p, "example.com", true).reason,
			 "no-network");
	ck_assert_str_eq(
	    policy_dns(&p, "metadata.google.internal.", true).reason,
	    "cloud-metadata");
	p.allow_domain = domains;
	p.n_allow_domain = 1;
	ck_assert_int_eq(policy_dns(&p, "API.Example.com", true).verdict,
			 V_ALLOW);
	/* not through a resolver the program's resolv.conf does not list */
	ck_assert_str_eq(policy_dns(&p, "example.com", false).reason,
			 "not-allowed-domain");
	ck_assert_str_eq(policy_dns(&p, "evilexample.com", true).reason,
			 "not-allowed-domain");
	ck_assert_str_eq(policy_dns(&p, "metadata", true).reason,
			 "cloud-metadata");

	/* destinations: by learned name, by rule, never the metadata */
	sa = addr("192.0.2.7", 443);
	ck_assert_int_eq(
	    policy_remote(&p, &sa, "www.example.com", base).verdict, V_ALLOW);
	ck_assert_str_eq(policy_remote(&p, &sa, "example.org", base).reason,
			 "not-allowed-domain");
	ck_assert_str_eq(policy_remote(&p, &sa, NULL, base).reason,
			 "not-allowed-domain");
	sa = addr("169.254.169.254", 80);
	ck_assert_str_eq(policy_remote(&p, &sa, "example.com",
				       (struct decision){V_DENY, CAT_NETWORK,
							 "cloud-metadata"})
			     .reason,
			 "cloud-metadata");
	p.n_allow_domain = 0;
	ck_assert_int_eq(
	    hostrule_parse("db.internal:5432", &rules[0], err, sizeof(err)), 0);
	ck_assert_int_eq(
	    hostrule_parse("10.0.0.0/8:6379", &rules[1], err, sizeof(err)), 0);
	p.allow_host = rules;
	p.n_allow_host = 2;
	sa = addr("10.9.9.9", 6379);
	ck_assert_int_eq(policy_remote(&p, &sa, NULL, base).verdict, V_ALLOW);
	sa = addr("10.9.9.9", 6380);
	ck_assert_int_eq(policy_remote(&p, &sa, NULL, base).verdict, V_DENY);
	sa = addr("192.0.2.8", 5432);
	ck_assert_int_eq(policy_remote(&p, &sa, "db.internal", base).verdict,
			 V_ALLOW);
	sa = addr("192.0.2.8", 5433);
	ck_assert_int_eq(policy_remote(&p, &sa, "db.internal", base).verdict,
			 V_DENY);
	/* a HOST rule allows its own query, not its subdomains' */
	ck_assert_int_eq(policy_dns(&p, "db.internal", true).verdict, V_ALLOW);
	ck_assert_int_eq(policy_dns(&p, "x.db.internal", true).verdict, V_DENY);

	sa = addr("10.0.0.53", 53);
	ck_assert(policy_resolvconf_lists("# x\nnameserver 10.0.0.53\n", &sa));
	ck_assert(
	    policy_resolvconf_lists("search a\n  nameserver 10.0.0.53", &sa));
	ck_assert(!policy_resolvconf_lists("nameserver 10.0.0.5\n", &sa));
	ck_assert(!policy_resolvconf_lists("", &sa));
	sa = addr("fe80::1", 53);
	ck_assert(policy_resolvconf_lists("nameserver fe80::1%eth0\n", &sa));
}
END_TEST

static Suite *
dns_suite(void)
{
	Suite *s = suite_create("dns");
	TCase *tc = tcase_create("dns");

	tcase_add_test(tc, test_parse);
	tcase_add_test(tc, test_hostile);
	tcase_add_test(tc, test_refuse);
	tcase_add_test(tc, test_rules);
	tcase_add_test(tc, test_domains);
	tcase_add_test(tc, test_policy);
	suite_add_tcase(s, tc);
	return s;
}

HM_SUITE_MAIN(dns_suite)
