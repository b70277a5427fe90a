/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * --report FILE: at exit, the events of the run grouped for people
 * (aggregate.h) as one JSON document, or, for a FILE ending in .html, as
 * one self-contained HTML page with the same tables and a chart by
 * category (reporthtml.c). docs/json-schema.md documents the JSON.
 */
#ifndef HERMETIC_REPORTFILE_H
#define HERMETIC_REPORTFILE_H

#include <stdbool.h>
#include <stdio.h>

#include "aggregate.h"
#include "policy.h"

#define REPORT_SCHEMA 1

struct report_meta {
	char *const *argv;   /* hermetic's command line */
	char *const *target; /* the target's argv */
	const struct policy *policy;
	int wait_status;
	int exit_status;
	unsigned int killed;
};

/* Check that "path" can be written, before the run: 0, or -1 with
 * "*err" set (free(3)). The file is made empty. */
int reportfile_check(const char *path, char **err);

/* Write the report to "path". Returns 0 or -1 with "*err" set. */
int reportfile_write(const char *path, const struct report_meta *m, char **err);

/* Does "path" name an HTML report? */
bool reportfile_is_html(const char *path);

/* The address and port of a network row's key ("203.0.113.5:443",
 * "[2001:db8::1]:53", a unix path): "addr" gets the address, "*port" the
 * port or -1. Pure. */
void reportfile_split_host(const char *key, char *addr, size_t size, int *port);

/* The names of the AGG_OP_* bits of "ops", in a fixed order, into "out"
 * (at most 7); returns how many. Pure. */
size_t reportfile_op_names(unsigned int ops, const char **out);

/* The HTML form (reporthtml.c). */
void reporthtml_write(FILE *out, const struct report_meta *m);

#endif
