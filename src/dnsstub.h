/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * The DNS stub: under --no-network, every UDP or TCP socket the traced
 * programs connect to port 53 is connected to this instead
 * (inspect_dns.c), a socket of hermetic on loopback that stands for that
 * resolver. A thread
 * of hermetic reads what arrives there: a query policy_dns() allows is
 * forwarded to the real resolver and its answer relayed back, and the
 * addresses in it are learned for the name asked; anything else is
 * answered REFUSED (and reported, unless the tracer already did at the
 * send). So nothing the program writes to that socket, by any system
 * call from any thread, reaches the network unless it is an allowed
 * query, and hermetic sees the answers without trapping any receive.
 * The learned names are what trace lines show after an address.
 */
#ifndef HERMETIC_DNSSTUB_H
#define HERMETIC_DNSSTUB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "policy.h"
#include "sockaddr.h"

/* Start the stub thread for policy "p" (kept). Returns 0 or -1 with
 * "*err" set. */
int dnsstub_start(const struct policy *p, char **err);

/*
 * The loopback address (127.0.0.1 and a port, in "out") of the UDP or
 * ("tcp") the TCP socket that stands for
 * resolver "up", made on first use, for process "pid"; "listed" says
 * whether the tracee's resolv.conf names it (only then are allowed
 * queries forwarded).
 * Returns 0 or -1.
 */
int dnsstub_address(const struct hm_sockaddr *up, bool listed, pid_t pid,
		    bool tcp, struct hm_sockaddr *out);

/* Is "sa" the address of one of the stub's sockets (a program that kept
 * the rewritten address connects to it again)? Its resolver in "*up". */
bool dnsstub_is_stub(const struct hm_sockaddr *sa, struct hm_sockaddr *up);

/* The name address "ip" (mapped form) was learned for from an answer,
 * copied into "buf"; NULL when none. */
const char *dnsstub_name_of(const uint8_t ip[16], char *buf, size_t size);

/* The tracer reported the query with id "id" for "qname" (in audit mode:
 * let through): the stub must not report it again. */
void dnsstub_seen(uint16_t id, const char *qname);

/* Stop the thread and close the sockets. */
void dnsstub_stop(void);

#endif
