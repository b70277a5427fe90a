/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * Decoding and formatting socket addresses.
 */
#include "config.h"

#include <arpa/inet.h>
#include <linux/netlink.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>

#include "sockaddr.h"

static const uint8_t mapped_prefix[12] = {0, 0, 0, 0, 0,    0,
					  0, 0, 0, 0, 0xff, 0xff};

static void
set_v4(struct hm_sockaddr *out, const void *addr4)
{
	memcpy(out->ip, mapped_prefix, 12);
	memcpy(out->ip + 12, addr4, 4);
	out->v4 = true;
}

int
sockaddr_decode(const void *buf, size_t len, struct hm_sockaddr *out)
{
	sa_family_t family;

	memset(out, 0, sizeof(*out));
	out->family = -1;
	if (len < sizeof(sa_family_t))
		return 0;
	memcpy(&family, buf, sizeof(family));
	out->family = family;

	switch (family) {
	case AF_INET: {
		struct sockaddr_in sin;

		if (len < sizeof(sin))
			return 0;
		memcpy(&sin, buf, sizeof(sin));
		set_v4(out, &sin.sin_addr);
		out->port = ntohs(sin.sin_port);
		out->valid = true;
		break;
	}
	case AF_INET6: {
		struct sockaddr_in6 sin6;

		/* the kernel accepts the RFC 2133 size, without scope id */
		if (len < offsetof(struct sockaddr_in6, sin6_scope_id))
			return 0;
		memset(&sin6, 0, sizeof(sin6));
		memcpy(&sin6, buf, len < sizeof(sin6) ? len : sizeof(sin6));
		memcpy(out->ip, &sin6.sin6_addr, 16);
		out->v4 = memcmp(out->ip, mapped_prefix, 12) == 0;
		out->v6_sockaddr = true;
		out->port = ntohs(sin6.sin6_port);
		out->valid = true;
		break;
	}
	case AF_UNIX: {
		const char *p = (const char *)buf + sizeof(sa_family_t);
		size_t n = len - sizeof(sa_family_t);

		if (n > HM_UNIX_PATH_MAX)
			n = HM_UNIX_PATH_MAX;
		if (n == 0) {
			out->unnamed = true;
		} else if (p[0] == '\0') {
			out->abstract = true;
			memcpy(out->path, p + 1, n - 1);
			out->path_len = n - 1;
		} else {
			/* a filesystem name ends at the first NUL */
			size_t k = strnlen(p, n);

			memcpy(out->path, p, k);
			out->path_len = k;
		}
		out->valid = true;
		break;
	}
	case AF_NETLINK: {
		struct sockaddr_nl snl;

		if (len < sizeof(snl))
			return 0;
		memcpy(&snl, buf, sizeof(snl));
		out->nl_pid = snl.nl_pid;
		out->valid = true;
		break;
	}
	case AF_UNSPEC:
		out->valid = true;
		break;
	default:
		out->valid = true;
		break;
	}
	return 0;
}

const char *
sockaddr_family_name(int family)
{
	switch (family) {
	case AF_UNSPEC:
		return "AF_UNSPEC";
	case AF_UNIX:
		return "AF_UNIX";
	case AF_INET:
		return "AF_INET";
	case AF_INET6:
		return "AF_INET6";
	case AF_NETLINK:
		return "AF_NETLINK";
	case AF_PACKET:
		return "AF_PACKET";
	case AF_VSOCK:
		return "AF_VSOCK";
	case AF_TIPC:
		return "AF_TIPC";
	case AF_BLUETOOTH:
		return "AF_BLUETOOTH";
	case AF_ALG:
		return "AF_ALG";
	case AF_CAN:
		return "AF_CAN";
	case AF_XDP:
		return "AF_XDP";
	case AF_KEY:
		return "AF_KEY";
	case AF_RDS:
		return "AF_RDS";
	}
	return NULL;
}

/* Copy "n" bytes of a unix socket name, escaping what is not printable. */
static void
format_name(char *dst, size_t size, const char *src, size_t n)
{
	size_t o = 0;

	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)src[i];

		if (c >= 0x21 && c < 0x7f && c != '\\') {
			if (o + 1 >= size)
				break;
			dst[o++] = (char)c;
		} else {
			if (o + 4 >= size)
				break;
			o += (size_t)snprintf(dst + o, size - o, "\\x%02x", c);
		}
	}
	dst[o] = '\0';
}

char *
sockaddr_format(const struct hm_sockaddr *sa, char *buf, size_t size)
{
	char ip[INET6_ADDRSTRLEN], name[4 * HM_UNIX_PATH_MAX + 1];
	const char *fam;

	if (!sa->valid && sa->family != -1) {
		fam = sockaddr_family_name(sa->family);
		if (fam)
			snprintf(buf, size, "family=%s (truncated address)",
				 fam);
		else
			snprintf(buf, size, "family=%d (truncated address)",
				 sa->family);
		return buf;
	}
	switch (sa->family) {
	case -1:
		snprintf(buf, size, "host=? (no address)");
		break;
	case AF_INET:
	case AF_INET6:
		if (sa->v4) {
			inet_ntop(AF_INET, sa->ip + 12, ip, sizeof(ip));
			if (sa->v6_sockaddr)
				snprintf(buf, size, "host=[::ffff:%s]:%u", ip,
					 sa->port);
			else
				snprintf(buf, size, "host=%s:%u", ip, sa->port);
		} else {
			inet_ntop(AF_INET6, sa->ip, ip, sizeof(ip));
			snprintf(buf, size, "host=[%s]:%u", ip, sa->port);
		}
		break;
	case AF_UNIX:
		format_name(name, sizeof(name), sa->path, sa->path_len);
		if (sa->unnamed)
			snprintf(buf, size, "unix=(unnamed)");
		else
			snprintf(buf, size, "unix=%s%s",
				 sa->abstract ? "@" : "", name);
		break;
	case AF_NETLINK:
		snprintf(buf, size, "netlink=pid:%u", sa->nl_pid);
		break;
	default:
		fam = sockaddr_family_name(sa->family);
		if (fam)
			snprintf(buf, size, "family=%s", fam);
		else
			snprintf(buf, size, "family=%d", sa->family);
		break;
	}
	return buf;
}

static bool
is_inet(const struct hm_sockaddr *sa)
{
	return sa->valid && (sa->family == AF_INET || sa->family == AF_INET6);
}

bool
sockaddr_is_loopback(const struct hm_sockaddr *sa)
{
	static const uint8_t v6_loopback[16] = {[15] = 1};

	if (!is_inet(sa))
		return false;
	if (sa->v4)
		return sa->ip[12] == 127;
	return memcmp(sa->ip, v6_loopback, 16) == 0;
}

bool
sockaddr_is_unspecified(const struct hm_sockaddr *sa)
{
	static const uint8_t zero[16];

	if (!is_inet(sa))
		return false;
	if (sa->v4)
		return memcmp(sa->ip + 12, zero, 4) == 0;
	return memcmp(sa->ip, zero, 16) == 0;
}

bool
sockaddr_is_metadata(const struct hm_sockaddr *sa)
{
	static const uint8_t v4[][4] = {
	    {169, 254, 169, 254},
	    {100, 100, 100, 200},
	};
	static const uint8_t v6[][16] = {
	    /* fd00:ec2::254 */
	    {0xfd, 0x00, 0x0e, 0xc2, [14] = 0x02, [15] = 0x54},
	    /* fe80::a9fe:a9fe */
	    {0xfe, 0x80, [12] = 0xa9, 0xfe, 0xa9, 0xfe},
	};

	if (!is_inet(sa))
		return false;
	if (sa->v4) {
		for (size_t i = 0; i < sizeof(v4) / sizeof(v4[0]); i++)
			if (memcmp(sa->ip + 12, v4[i], 4) == 0)
				return true;
		return false;
	}
	for (size_t i = 0; i < sizeof(v6) / sizeof(v6[0]); i++)
		if (memcmp(sa->ip, v6[i], 16) == 0)
			return true;
	return false;
}

char *
sockaddr_format_socket(int domain, int type, int protocol, char *buf,
		       size_t size)
{
	static const char *const types[] = {
	    [SOCK_STREAM] = "SOCK_STREAM",
	    [SOCK_DGRAM] = "SOCK_DGRAM",
	    [SOCK_RAW] = "SOCK_RAW",
	    [SOCK_RDM] = "SOCK_RDM",
	    [SOCK_SEQPACKET] = "SOCK_SEQPACKET",
	    [SOCK_DCCP] = "SOCK_DCCP",
	    [SOCK_PACKET] = "SOCK_PACKET",
	};
	const char *fam = sockaddr_family_name(domain);
	int base = type & 0xf;
	const char *ty =
	    base < (int)(sizeof(types) / sizeof(types[0])) ? types[base] : NULL;
	char fbuf[16], tbuf[16];

	if (!fam) {
		snprintf(fbuf, sizeof(fbuf), "%d", domain);
		fam = fbuf;
	}
	if (!ty) {
		snprintf(tbuf, sizeof(tbuf), "%d", base);
		ty = tbuf;
	}
	snprintf(buf, size, "family=%s type=%s protocol=%d", fam, ty, protocol);
	return buf;
}
