/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * /proc/PID/maps lines: "START-END PERMS OFFSET DEV INODE [PATH]".
 */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "maps.h"

bool
maps_parse(const char *line, struct maps_entry *e)
{
	unsigned long long s, end, off;
	int n = 0;

	if (sscanf(line, "%llx-%llx %*s %llx %*s %*s%n", &s, &end, &off, &n) <
		3 ||
	    n == 0)
		return false;
	e->start = s;
	e->end = end;
	e->offset = off;
	e->path = line + n + strspn(line + n, " ");
	e->path_len = strcspn(e->path, "\n");
	return true;
}

int
maps_file_at(pid_t pid, uint64_t addr, char *out, size_t size)
{
	char path[64], line[PATH_MAX + 128];
	struct maps_entry e;
	FILE *f;
	int rc = 1;

	snprintf(path, sizeof(path), "/proc/%d/maps", (int)pid);
	f = fopen(path, "re");
	if (!f)
		return -errno;
	while (fgets(line, sizeof(line), f)) {
		if (!maps_parse(line, &e) || addr < e.start || addr >= e.end)
			continue;
		if (e.path_len && e.path[0] == '/') {
			snprintf(out, size, "%.*s", (int)e.path_len, e.path);
			rc = 0;
		}
		break;
	}
	fclose(f);
	return rc;
}
