/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * The events of a run grouped for people (--report and the summary's top
 * call sites): network destinations, programs run, files changed or read,
 * native libraries, other actions, per pytest test, and per call site.
 * Each row keeps its count, the first call site and the tests it happened
 * in. Pure (memory only); one aggregate per run, kept in this module.
 */
#ifndef HERMETIC_AGGREGATE_H
#define HERMETIC_AGGREGATE_H

#include <stdbool.h>

#include "report.h"
#include "strlist.h"

enum agg_kind {
	AGG_NET,     /* key "ADDRESS:PORT" (or a unix path), by protocol */
	AGG_PROGRAM, /* key: the path run */
	AGG_FILE,    /* key: the resolved path */
	AGG_NATIVE,  /* key: the library's path */
	AGG_DNS,     /* key: the name asked; proto: the record type */
	AGG_OTHER,   /* key: the syscall */
	AGG_KINDS,
};

/* What was done to a file (bits of agg_row.ops). */
#define AGG_OP_CREATE 0x01
#define AGG_OP_WRITE 0x02
#define AGG_OP_DELETE 0x04
#define AGG_OP_RENAME 0x08
#define AGG_OP_ATTR 0x10 /* chmod, chown, times, xattrs */
#define AGG_OP_READ 0x20
#define AGG_OP_LINK 0x40

#define AGG_TESTS_MAX 64 /* tests kept per row */

struct agg_site {
	char *file; /* as the trace line shows it */
	int line;
	char *func;
};

struct agg_row {
	enum agg_kind kind;
	char *key;
	char *proto;  /* AGG_NET: "tcp", "udp"..., or NULL */
	char *argv;   /* AGG_PROGRAM: the first argv shown (JSON), or NULL */
	char *host;   /* AGG_NET: the name the address was looked up by */
	char *reason; /* the rule of the first event */
	enum category cat;
	unsigned int ops; /* AGG_FILE: AGG_OP_* */
	unsigned long count;
	unsigned long denied, audited, allowed;
	bool have_site;
	struct agg_site site; /* the first call site */
	struct strlist tests; /* pytest ids, in order seen */
	bool tests_more;
	struct agg_row *next;
};

struct agg_test {
	char *id;
	unsigned long counts[CAT_COUNT];
};

struct agg_callsite {
	struct agg_site site;
	enum category cat;
	unsigned long count;
};

/* Start empty (again). */
void agg_init(void);

/* Add a reported event. */
void agg_add(const struct event *ev);

/* The rows of "kind", most frequent first ("*n" gets their number). The
 * array is valid until the next agg_add() or agg_init(). */
struct agg_row **agg_rows(enum agg_kind kind, size_t *n);

/* The tests, in the order first seen. */
const struct agg_test *agg_tests(size_t *n);

/* The call sites, most frequent first (valid until the next agg_add()). */
struct agg_callsite **agg_callsites(size_t *n);

/* The AGG_OP_* bit of a filesystem syscall ("creates": an open that made a
 * new file), 0 when it is not one. */
unsigned int agg_file_op(const char *syscall, bool creates);

/* Free everything. */
void agg_free(void);

#endif
