/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * The decoded details of an event ("host=203.0.113.5:443",
 * "path=/etc/passwd", "family=AF_PACKET type=SOCK_RAW protocol=0") as
 * key/value fields, for the JSON log and the report. A path, unix, host
 * or netlink value is the rest of the text (a path may hold spaces);
 * otherwise fields are separated by spaces, and text that is not KEY=VALUE
 * (a note in parentheses) becomes the field "note". Pure.
 */
#ifndef HERMETIC_DETAIL_H
#define HERMETIC_DETAIL_H

#include <stddef.h>

#define DETAIL_MAX_FIELDS 8

struct detail_field {
	char key[16];
	const char *value; /* into the detail text, not terminated */
	size_t len;
};

/* Split "detail" into at most "max" fields; returns how many. */
size_t detail_split(const char *detail, struct detail_field *out, size_t max);

/* The value of field "key" copied into "buf", or NULL when absent. */
const char *detail_get(const char *detail, const char *key, char *buf,
		       size_t size);

#endif
