/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * Parsing and matching --allow-host and --allow-domain.
 */
#include "config.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "hostrule.h"

static int
fail(char *err, size_t size, const char *what, const char *s)
{
	snprintf(err, size, "%s: %s", s, what);
	return -1;
}

/* A port or a range "N" / "N-M", 1 to 65535. */
static int
parse_ports(const char *p, struct host_rule *r)
{
	char *end;
	long lo, hi;

	if (!*p || !isdigit((unsigned char)*p))
		return -1;
	errno = 0;
	lo = strtol(p, &end, 10);
	hi = lo;
	if (*end == '-') {
		const char *q = end + 1;

		if (!isdigit((unsigned char)*q))
			return -1;
		hi = strtol(q, &end, 10);
	}
	if (errno || *end || lo < 1 || hi > 65535 || lo > hi)
		return -1;
	r->port_lo = (uint16_t)lo;
	r->port_hi = (uint16_t)hi;
	return 0;
}

/* An IPv4 or IPv6 address, with an optional "/prefix". */
static int
parse_net(const char *s, struct host_rule *r)
{
	char buf[64];
	const char *slash = strchr(s, '/');
	size_t n = slash ? (size_t)(slash - s) : strlen(s);
	uint8_t v4[4];
	long prefix = -1;

	if (n == 0 || n >= sizeof(buf))
		return -1;
	memcpy(buf, s, n);
	buf[n] = '\0';
	if (slash) {
		char *end;

		if (!isdigit((unsigned char)slash[1]))
			return -1;
		errno = 0;
		prefix = strtol(slash + 1, &end, 10);
		if (errno || *end)
			return -1;
	}
	memset(r->ip, 0, sizeof(r->ip));
	if (inet_pton(AF_INET, buf, v4) == 1) {
		if (prefix > 32)
			return -1;
		r->ip[10] = r->ip[11] = 0xff;
		memcpy(r->ip + 12, v4, 4);
		r->prefix = prefix < 0 ? 128 : 96 + (int)prefix;
	} else if (inet_pton(AF_INET6, buf, r->ip) == 1) {
		if (prefix > 128)
			return -1;
		r->prefix = prefix < 0 ? 128 : (int)prefix;
	} else {
		return -1;
	}
	/* the bits below the prefix must be zero: 10.0.0.1/8 is a typo */
	for (int bit = r->prefix; bit < 128; bit++)
		if (r->ip[bit / 8] & (0x80 >> (bit % 8)))
			return -2;
	return 0;
}

int
hostrule_domain(const char *s, char *out, size_t outsize, char *err,
		size_t size)
{
	size_t n = strlen(s), label = 0;

	while (n > 0 && s[n - 1] == '.')
		n--;
	if (n == 0)
		return fail(err, size, "empty name", s);
	if (n >= outsize || n > 253)
		return fail(err, size, "name longer than 253 characters", s);
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '.') {
			if (label == 0)
				return fail(err, size, "empty label", s);
			label = 0;
		} else if (isalnum(c) || c == '-' || c == '_') {
			if (++label > 63)
				return fail(err, size,
					    "label longer than 63 characters",
					    s);
		} else {
			return fail(err, size,
				    "not a host name (letters, digits, '-', "
				    "'_' and dots)",
				    s);
		}
		out[i] = (char)tolower(c);
	}
	out[n] = '\0';
	return 0;
}

int
hostrule_parse(const char *s, struct host_rule *r, char *err, size_t size)
{
	char host[300];
	const char *port = NULL;
	int rc;

	memset(r, 0, sizeof(*r));
	r->port_lo = 0;
	r->port_hi = 65535;
	if (!*s)
		return fail(err, size, "empty rule", s);
	if (s[0] == '[') {
		const char *close = strchr(s, ']');

		if (!close || (size_t)(close - s - 1) >= sizeof(host))
			return fail(err, size, "no ']' after the IPv6 address",
				    s);
		memcpy(host, s + 1, (size_t)(close - s - 1));
		host[close - s - 1] = '\0';
		if (close[1] == ':')
			port = close + 2;
		else if (close[1])
			return fail(err, size, "expected ':PORT' after ']'", s);
		if (parse_net(host, r) < 0 || !strchr(host, ':'))
			return fail(err, size, "not an IPv6 address or CIDR",
				    s);
	} else {
		const char *colon = strchr(s, ':');

		if (colon && strchr(colon + 1, ':')) {
			/* a bare IPv6 address or CIDR: no port */
			snprintf(host, sizeof(host), "%s", s);
		} else {
			size_t n = colon ? (size_t)(colon - s) : strlen(s);

			if (n >= sizeof(host))
				return fail(err, size, "too long", s);
			memcpy(host, s, n);
			host[n] = '\0';
			port = colon ? colon + 1 : NULL;
		}
		rc = parse_net(host, r);
		if (rc == -2)
			return fail(err, size,
				    "address bits set below the prefix length",
				    s);
		if (rc < 0) {
			/* digits, dots and a slash: a malformed address */
			if (strspn(host, "0123456789./") == strlen(host) ||
			    strchr(host, '/') || strchr(host, ':'))
				return fail(err, size,
					    "not an IP address or CIDR", s);
			if (hostrule_domain(host, r->name, sizeof(r->name), err,
					    size) < 0)
				return -1;
			r->is_name = true;
		}
	}
	if (port && parse_ports(port, r) < 0)
		return fail(err, size,
			    "the port must be a number from 1 to 65535, or a "
			    "range N-M",
			    s);
	return 0;
}

bool
hostrule_domain_match(const char *name, const char *domain)
{
	size_t n = strlen(name), d = strlen(domain);

	while (n > 0 && name[n - 1] == '.')
		n--;
	if (d == 0 || n < d || strncasecmp(name + n - d, domain, d) != 0)
		return false;
	return n == d || name[n - d - 1] == '.';
}

bool
hostrule_port_ok(const struct host_rule *r, uint16_t port)
{
	return port >= r->port_lo && port <= r->port_hi;
}

bool
hostrule_match_addr(const struct host_rule *r, const struct hm_sockaddr *sa)
{
	if (r->is_name || !sa->valid ||
	    (sa->family != AF_INET && sa->family != AF_INET6))
		return false;
	for (int bit = 0; bit < r->prefix; bit++) {
		uint8_t mask = (uint8_t)(0x80 >> (bit % 8));

		if ((r->ip[bit / 8] & mask) != (sa->ip[bit / 8] & mask))
			return false;
	}
	return hostrule_port_ok(r, sa->port);
}
