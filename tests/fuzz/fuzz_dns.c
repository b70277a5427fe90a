/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * libFuzzer harness for the DNS reader (src/dns.c) and the --allow-host
 * parser (src/hostrule.c), which take bytes from the traced program, a
 * resolver and the command line. Built with clang by "make fuzz-smoke",
 * under AddressSanitizer and UndefinedBehaviorSanitizer; a finding is a
 * crash, an out-of-bounds read, or a result that breaks the invariants
 * checked below.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dns.h"
#include "hostrule.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A broken invariant is a finding: say which, then abort. */
#define check(ok)                                                              \
	do {                                                                   \
		if (!(ok)) {                                                   \
			fprintf(stderr, "fuzz_dns.c:%d: %s\n", __LINE__, #ok); \
			abort();                                               \
		}                                                              \
	} while (0)

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct dns_msg m;
	uint8_t out[1024];
	char name[DNS_NAME_MAX], text[512], err[256];
	struct host_rule r;
	size_t n, off;

	if (dns_parse(data, size, &m) == 0) {
		check(m.naddrs <= DNS_MAX_ADDRS);
		check(strlen(m.qname) < DNS_NAME_MAX);
		for (size_t i = 0; i < m.naddrs; i++)
			check(m.addrs[i].family != 0);
	}
	n = dns_refuse(data, size, out, sizeof(out));
	check(n == 0 || (n >= DNS_HEADER && n <= size && n <= sizeof(out)));
	if (n)
		check(dns_parse(out, n, &m) == 0 && m.response &&
		      m.rcode == DNS_RCODE_REFUSED && m.ancount == 0);
	/* a name at every offset of the first bytes */
	for (off = 0; off < size && off < 64; off++) {
		size_t o = off;

		if (dns_read_name(data, size, &o, name, sizeof(name)) == 0)
			check(o > off && o <= size && strlen(name) > 0);
	}
	/* the same bytes as a command-line rule */
	n = size < sizeof(text) - 1 ? size : sizeof(text) - 1;
	memcpy(text, data, n);
	text[n] = '\0';
	if (hostrule_parse(text, &r, err, sizeof(err)) == 0) {
		check(r.port_lo <= r.port_hi);
		check(r.is_name || (r.prefix >= 0 && r.prefix <= 128));
		if (r.is_name)
			check(hostrule_domain_match(r.name, r.name));
	}
	return 0;
}
