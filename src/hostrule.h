/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * --allow-host and --allow-domain rules: parsed from the command line
 * (HOST, HOST:PORT, IP, IP:PORT, CIDR, CIDR:PORT, [IPv6]:PORT, a port
 * being N or N-M) and matched against names and addresses. A domain
 * matches itself and its subdomains, dot-anchored and case-insensitive,
 * a final dot ignored. Pure.
 */
#ifndef HERMETIC_HOSTRULE_H
#define HERMETIC_HOSTRULE_H

#include <stdbool.h>
#include <stdint.h>

#include "sockaddr.h"

#define HOSTRULE_NAME_MAX 254

struct host_rule {
	bool is_name; /* HOST: matched by name, through learned answers */
	char name[HOSTRULE_NAME_MAX]; /* lower case, no final dot */
	uint8_t ip[16]; /* an address: IPv4 mapped, like hm_sockaddr */
	int prefix;	/* of the 128 bits (IPv4: 96 + its prefix) */
	uint16_t port_lo, port_hi; /* 0 and 65535: any port */
};

/*
 * Parse "--allow-host" value "s" into "r". Returns 0, or -1 with "err"
 * (a buffer of "size" bytes) saying what is wrong.
 */
int hostrule_parse(const char *s, struct host_rule *r, char *err, size_t size);

/* Check a "--allow-domain" value: a host name (labels of letters,
 * digits, '-' and '_'), and normalise it into "out" (lower case, no final
 * dot). Returns 0, or -1 with "err" set. */
int hostrule_domain(const char *s, char *out, size_t outsize, char *err,
		    size_t size);

/* Does name "name" (any case, a final dot allowed) fall under domain
 * "domain" (normalised): equal, or ending in "." + domain? */
bool hostrule_domain_match(const char *name, const char *domain);

/* Does the address rule "r" (not a name rule) cover address "sa" and its
 * port? */
bool hostrule_match_addr(const struct host_rule *r,
			 const struct hm_sockaddr *sa);

/* Does the port of "sa" fall in the rule's range? */
bool hostrule_port_ok(const struct host_rule *r, uint16_t port);

#endif
