/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * A bounds-checked DNS message reader.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

#include "dns.h"

static bool
get16(const uint8_t *b, size_t len, size_t off, uint16_t *v)
{
	if (off > len || len - off < 2)
		return false;
	*v = (uint16_t)(b[off] << 8 | b[off + 1]);
	return true;
}

static bool
get32(const uint8_t *b, size_t len, size_t off, uint32_t *v)
{
	uint16_t hi, lo;

	if (!get16(b, len, off, &hi) || !get16(b, len, off + 2, &lo))
		return false;
	*v = (uint32_t)hi << 16 | lo;
	return true;
}

/* Append "c" to the name, escaped; false when it does not fit. */
static bool
put_char(char *out, size_t size, size_t *n, uint8_t c)
{
	bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		     (c >= '0' && c <= '9') || c == '-' || c == '_';
	int w;

	if (plain) {
		if (*n + 1 >= size)
			return false;
		out[(*n)++] = (char)c;
		out[*n] = '\0';
		return true;
	}
	if (*n + 4 >= size)
		return false;
	w = snprintf(out + *n, size - *n, "\\%03u", c);
	*n += (size_t)w;
	return true;
}

int
dns_read_name(const uint8_t *msg, size_t len, size_t *off, char *out,
	      size_t size)
{
	size_t pos = *off, n = 0, wire = 0, end = 0;
	int jumps = 0;
	bool jumped = false;

	if (size < 2)
		return -1;
	out[0] = '\0';
	for (;;) {
		uint8_t l;

		if (pos >= len)
			return -1;
		l = msg[pos];
		if ((l & 0xc0) == 0xc0) {
			size_t target;

			if (pos + 1 >= len || ++jumps > DNS_MAX_JUMPS)
				return -1;
			target = (size_t)(l & 0x3f) << 8 | msg[pos + 1];
			/* only backwards: no loop can be built */
			if (target >= pos)
				return -1;
			if (!jumped)
				end = pos + 2;
			jumped = true;
			pos = target;
			continue;
		}
		if (l & 0xc0)
			return -1; /* the reserved label types */
		if (l == 0) {
			pos++;
			break;
		}
		wire += 1u + l;
		if (wire > 254 || pos + 1 + l > len)
			return -1;
		if (n) {
			if (n + 1 >= size)
				return -1;
			out[n++] = '.';
			out[n] = '\0';
		}
		for (size_t i = 0; i < l; i++) {
			uint8_t c = msg[pos + 1 + i];

			if (c == '.' || c == '\\') {
				if (n + 4 >= size)
					return -1;
				n += (size_t)snprintf(out + n, size - n,
						      "\\%03u", c);
			} else if (!put_char(out, size, &n, c)) {
				return -1;
			}
		}
		pos += 1u + l;
	}
	if (n == 0) {
		out[0] = '.';
		out[1] = '\0';
	}
	*off = jumped ? end : pos;
	return 0;
}

/* Skip a resource record's name, type, class, TTL and data; fills in the
 * address of an A or AAAA record of class IN. */
static int
read_rr(const uint8_t *b, size_t len, size_t *off, struct dns_msg *m, bool want)
{
	char name[DNS_NAME_MAX];
	uint16_t type, class, rdlen;
	uint32_t ttl;
	size_t data;

	if (dns_read_name(b, len, off, name, sizeof(name)) < 0 ||
	    !get16(b, len, *off, &type) || !get16(b, len, *off + 2, &class) ||
	    !get32(b, len, *off + 4, &ttl) || !get16(b, len, *off + 8, &rdlen))
		return -1;
	data = *off + 10;
	if (data > len || len - data < rdlen)
		return -1;
	*off = data + rdlen;
	if (!want || class != DNS_CLASS_IN || m->naddrs >= DNS_MAX_ADDRS)
		return 0;
	if ((type == DNS_TYPE_A && rdlen == 4) ||
	    (type == DNS_TYPE_AAAA && rdlen == 16)) {
		struct dns_addr *a = &m->addrs[m->naddrs++];

		a->family = type == DNS_TYPE_A ? AF_INET : AF_INET6;
		memset(a->ip, 0, sizeof(a->ip));
		memcpy(a->ip, b + data, rdlen);
		a->ttl = ttl;
	}
	return 0;
}

int
dns_parse(const uint8_t *buf, size_t len, struct dns_msg *m)
{
	uint16_t flags;
	size_t off = DNS_HEADER;

	memset(m, 0, sizeof(*m));
	if (len < DNS_HEADER)
		return -1;
	get16(buf, len, 0, &m->id);
	get16(buf, len, 2, &flags);
	get16(buf, len, 4, &m->qdcount);
	get16(buf, len, 6, &m->ancount);
	m->response = flags & 0x8000;
	m->opcode = (flags >> 11) & 0xf;
	m->truncated = flags & 0x0200;
	m->rcode = flags & 0xf;
	for (unsigned int i = 0; i < m->qdcount; i++) {
		char name[DNS_NAME_MAX];
		uint16_t type, class;

		if (dns_read_name(buf, len, &off, name, sizeof(name)) < 0 ||
		    !get16(buf, len, off, &type) ||
		    !get16(buf, len, off + 2, &class))
			return -1;
		off += 4;
		if (i == 0) {
			m->have_question = true;
			memcpy(m->qname, name, sizeof(name));
			m->qtype = type;
			m->qclass = class;
		}
	}
	if (!m->response)
		return 0;
	for (unsigned int i = 0; i < m->ancount; i++)
		if (read_rr(buf, len, &off, m, true) < 0)
			return -1;
	return 0;
}

size_t
dns_refuse(const uint8_t *q, size_t len, uint8_t *out, size_t size)
{
	struct dns_msg m;
	size_t n = DNS_HEADER, qend = DNS_HEADER;

	if (len < DNS_HEADER || size < DNS_HEADER)
		return 0;
	/* the question section, when there is exactly one that parses and
	 * its name is not compressed (a pointer could only lead into the
	 * header, which the reply changes) */
	if (dns_parse(q, len, &m) == 0 && m.qdcount == 1) {
		size_t off = DNS_HEADER;

		while (off < len && q[off] != 0 && !(q[off] & 0xc0))
			off += 1u + q[off];
		if (off < len && q[off] == 0 && off + 5 <= len)
			qend = off + 5;
	}
	if (qend > size)
		qend = DNS_HEADER;
	memcpy(out, q, qend);
	n = qend;
	out[2] = (uint8_t)(0x80 | (q[2] & 0x79)); /* QR, opcode, RD */
	out[3] = DNS_RCODE_REFUSED;		  /* no RA, no Z, REFUSED */
	out[4] = 0;
	out[5] = qend > DNS_HEADER ? 1 : 0;
	memset(out + 6, 0, 6); /* no answer, authority, additional */
	return n;
}

const char *
dns_type_name(uint16_t type, char *buf, size_t size)
{
	static const struct {
		uint16_t type;
		const char *name;
	} names[] = {
	    {1, "A"},	  {2, "NS"},	 {5, "CNAME"}, {6, "SOA"},
	    {12, "PTR"},  {15, "MX"},	 {16, "TXT"},  {28, "AAAA"},
	    {33, "SRV"},  {35, "NAPTR"}, {43, "DS"},   {48, "DNSKEY"},
	    {64, "SVCB"}, {65, "HTTPS"}, {255, "ANY"}, {257, "CAA"},
	};

	for (size_t i = 0; i < sizeof(names) / sizeof(*names); i++)
		if (names[i].type == type) {
			snprintf(buf, size, "%s", names[i].name);
			return buf;
		}
	snprintf(buf, size, "TYPE%u", type);
	return buf;
}
