/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * DNS messages (RFC 1035) as hermetic needs them: the first question of a
 * query, the addresses in the answer section of a response, and a
 * REFUSED reply to a query. The bytes come from the traced program or a
 * resolver, so they are untrusted: every read is bounds-checked, name
 * compression may only point backwards and at most DNS_MAX_JUMPS times,
 * a name longer than 255 bytes is an error, and anything malformed is
 * refused rather than guessed at. Pure; fuzzed by tests/fuzz/fuzz_dns.c.
 */
#ifndef HERMETIC_DNS_H
#define HERMETIC_DNS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define DNS_HEADER 12
#define DNS_NAME_MAX 1024 /* presentation form, with \DDD escapes */
#define DNS_MAX_JUMPS 32
#define DNS_MAX_ADDRS 32

#define DNS_TYPE_A 1
#define DNS_TYPE_CNAME 5
#define DNS_TYPE_AAAA 28
#define DNS_CLASS_IN 1
#define DNS_RCODE_REFUSED 5

struct dns_addr {
	int family;	/* AF_INET or AF_INET6 */
	uint8_t ip[16]; /* 4 or 16 bytes used */
	uint32_t ttl;
};

struct dns_msg {
	uint16_t id;
	bool response;	/* QR */
	bool truncated; /* TC */
	int opcode;
	int rcode;
	uint16_t qdcount, ancount;
	bool have_question;
	char qname[DNS_NAME_MAX]; /* presentation form, no final dot; "."
				   * for the root */
	uint16_t qtype, qclass;
	size_t naddrs; /* A and AAAA records of the answer section */
	struct dns_addr addrs[DNS_MAX_ADDRS];
};

/*
 * Parse "len" bytes at "buf" into "out": the header, the first question
 * and (in a response) the A and AAAA records of the answer section, at
 * most DNS_MAX_ADDRS. Returns 0, or -1 when the message is malformed
 * (truncated, a bad name, a compression loop); "out" is then partly
 * filled and must not be used.
 */
int dns_parse(const uint8_t *buf, size_t len, struct dns_msg *out);

/*
 * Read the name at "*off" of the message "msg" ("len" bytes) into "out"
 * (presentation form: labels joined by dots, bytes other than letters,
 * digits, '-' and '_' as \DDD, no final dot, "." for the root) and move
 * "*off" past it (past the first pointer when compressed). Returns 0 or
 * -1.
 */
int dns_read_name(const uint8_t *msg, size_t len, size_t *off, char *out,
		  size_t size);

/*
 * Write into "out" ("size" bytes) a REFUSED response to the query
 * "query" ("len" bytes): its header with QR and RCODE 5, no records, and
 * its question section when it parses. Returns the length, or 0 when the
 * query is too short to answer.
 */
size_t dns_refuse(const uint8_t *query, size_t len, uint8_t *out, size_t size);

/* The name of record type "type" ("A", "AAAA", "MX"; "TYPE65" for the
 * others) in "buf" (16 bytes). */
const char *dns_type_name(uint16_t type, char *buf, size_t size);

#endif
