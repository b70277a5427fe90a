/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * Lines of /proc/PID/maps: one parser for the readers of python/runtime.c
 * (objects mapped at offset 0), unwind.c (the object of an address) and
 * inspect_native.c (the file under an address). Parsing is pure.
 */
#ifndef HERMETIC_MAPS_H
#define HERMETIC_MAPS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

struct maps_entry {
	uint64_t start, end, offset;
	const char *path; /* into the line, up to its end or newline;
			   * "" for anonymous memory */
	size_t path_len;
};

/* Parse one line (it may end with a newline). False when it is not one. */
bool maps_parse(const char *line, struct maps_entry *e);

/* The file mapped at "addr" in "pid" into "out": 0, 1 for memory that is
 * not a file ([heap], anonymous), or -errno. */
int maps_file_at(pid_t pid, uint64_t addr, char *out, size_t size);

#endif
