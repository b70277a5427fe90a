/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * Names under --no-network: which DNS queries may go to a resolver, and
 * which addresses --allow-host and --allow-domain open. Pure.
 */
#include "config.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "policy.h"

/* The names of the cloud metadata service, never resolved. */
static bool
metadata_name(const char *name)
{
	static const char *const names[] = {"metadata.google.internal",
					    "metadata"};
	size_t n = strlen(name);

	while (n > 0 && name[n - 1] == '.')
		n--;
	for (size_t i = 0; i < sizeof(names) / sizeof(*names); i++)
		if (strlen(names[i]) == n &&
		    strncasecmp(name, names[i], n) == 0)
			return true;
	return false;
}

static bool
rules_exist(const struct policy *p)
{
	return p->n_allow_domain || p->n_allow_host;
}

/* Is "name" allowed by name: under an --allow-domain, or an --allow-host
 * name ("port" < 0: any of its ports will do). */
static bool
name_allowed(const struct policy *p, const char *name, int port)
{
	for (size_t i = 0; i < p->n_allow_domain; i++)
		if (hostrule_domain_match(name, p->allow_domain[i]))
			return true;
	for (size_t i = 0; i < p->n_allow_host; i++) {
		const struct host_rule *r = &p->allow_host[i];
		size_t n = strlen(name);

		while (n > 0 && name[n - 1] == '.')
			n--;
		if (r->is_name && strlen(r->name) == n &&
		    strncasecmp(name, r->name, n) == 0 &&
		    (port < 0 || hostrule_port_ok(r, (uint16_t)port)))
			return true;
	}
	return false;
}

struct decision
policy_dns(const struct policy *p, const char *qname, bool upstream_ok)
{
	struct decision d = {V_DENY, CAT_NETWORK, "no-network"};

	if (!p->no_network) {
		d.verdict = V_ALLOW;
		d.reason = NULL;
		return d;
	}
	if (metadata_name(qname)) {
		d.reason = "cloud-metadata";
		return d;
	}
	if (!rules_exist(p))
		return d;
	d.reason = "not-allowed-domain";
	if (upstream_ok && name_allowed(p, qname, -1)) {
		d.verdict = V_ALLOW;
		d.reason = NULL;
	}
	return d;
}

struct decision
policy_remote(const struct policy *p, const struct hm_sockaddr *sa,
	      const char *name, struct decision base)
{
	struct decision allow = {V_ALLOW, CAT_NETWORK, NULL};

	if (base.verdict != V_DENY || !p->no_network || !rules_exist(p) ||
	    (sa->family != AF_INET && sa->family != AF_INET6) ||
	    sockaddr_is_metadata(sa) || sa->port == 53)
		return base;
	for (size_t i = 0; i < p->n_allow_host; i++)
		if (hostrule_match_addr(&p->allow_host[i], sa))
			return allow;
	if (name && name_allowed(p, name, sa->port))
		return allow;
	base.reason = "not-allowed-domain";
	return base;
}

bool
policy_resolvconf_lists(const char *text, const struct hm_sockaddr *sa)
{
	const char *line = text;

	while (line && *line) {
		const char *end = strchr(line, '\n');
		size_t n = end ? (size_t)(end - line) : strlen(line);
		char buf[128], addr[64];
		struct hm_sockaddr ns = {0};
		uint8_t raw[16];

		if (n < sizeof(buf)) {
			memcpy(buf, line, n);
			buf[n] = '\0';
			if (sscanf(buf, " nameserver %63s", addr) == 1) {
				char *pct = strchr(addr, '%');

				if (pct)
					*pct = '\0'; /* fe80::1%eth0 */
				ns.valid = true;
				if (inet_pton(AF_INET, addr, raw) == 1) {
					ns.ip[10] = ns.ip[11] = 0xff;
					memcpy(ns.ip + 12, raw, 4);
				} else if (inet_pton(AF_INET6, addr, ns.ip) !=
					   1) {
					ns.valid = false;
				}
				if (ns.valid &&
				    memcmp(ns.ip, sa->ip, sizeof(ns.ip)) == 0)
					return true;
			}
		}
		line = end ? end + 1 : NULL;
	}
	return false;
}
