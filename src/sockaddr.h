/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * Socket addresses as the policy sees them: decoded from the raw bytes a
 * tracee passed to connect/sendto/sendmsg/bind, and formatted for trace
 * lines. IPv4 addresses, plain or IPv4-mapped IPv6, are kept in the mapped
 * form (::ffff:a.b.c.d) so that one comparison covers both. Pure.
 */
#ifndef HERMETIC_SOCKADDR_H
#define HERMETIC_SOCKADDR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define HM_UNIX_PATH_MAX 108

struct hm_sockaddr {
	int family; /* AF_* as given by the tracee */
	bool valid; /* long enough for its family */
	/* AF_INET, AF_INET6 */
	uint8_t ip[16];	  /* IPv4 stored as ::ffff:a.b.c.d */
	bool v4;	  /* AF_INET, or an IPv4-mapped AF_INET6 */
	bool v6_sockaddr; /* the tracee used a sockaddr_in6 */
	uint16_t port;	  /* host byte order */
	/* AF_UNIX */
	char path[HM_UNIX_PATH_MAX + 1]; /* NUL-terminated */
	size_t path_len; /* bytes of the name (abstract: after the NUL) */
	bool abstract;	 /* name in the abstract namespace */
	bool unnamed;	 /* no name at all (autobind) */
	/* AF_NETLINK */
	uint32_t nl_pid;
};

/*
 * Decode "len" bytes at "buf" into "out". Returns 0; "out->valid" is false
 * when the bytes are too short for the family they name (the kernel will
 * refuse such an address, and the policy fails closed on it).
 */
int sockaddr_decode(const void *buf, size_t len, struct hm_sockaddr *out);

/*
 * Write the address for a trace line into "buf" ("host=1.2.3.4:80",
 * "host=[2001:db8::1]:443", "unix=/run/x.sock", "unix=@name",
 * "netlink=pid:0", "family=AF_PACKET"). Returns "buf".
 */
char *sockaddr_format(const struct hm_sockaddr *sa, char *buf, size_t size);

/*
 * Write the arguments of socket(2) for a trace line into "buf"
 * ("family=AF_PACKET type=SOCK_RAW protocol=0"). Returns "buf".
 */
char *sockaddr_format_socket(int domain, int type, int protocol, char *buf,
			     size_t size);

/* Name of an address family for trace lines ("AF_INET"), or NULL. */
const char *sockaddr_family_name(int family);

/* True for 127.0.0.0/8, ::1 and their mapped forms. */
bool sockaddr_is_loopback(const struct hm_sockaddr *sa);

/* True for 0.0.0.0, :: and ::ffff:0.0.0.0 (which reach loopback on Linux). */
bool sockaddr_is_unspecified(const struct hm_sockaddr *sa);

/*
 * True for the cloud metadata addresses: 169.254.169.254, 100.100.100.200,
 * fd00:ec2::254 and fe80::a9fe:a9fe, in any form (mapped, any zone).
 */
bool sockaddr_is_metadata(const struct hm_sockaddr *sa);

#endif
