/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * libunwind-ptrace as ../shared/reference/ptrace-seccomp-anchors.md §5.1
 * describes it: one address space per process image with global caching,
 * flushed when /proc/PID/maps changed since the last unwind; _UPT_create
 * per unwind. Symbol names come from unw_get_proc_name (slow, which is
 * why native frames are only read under --backtrace).
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "maps.h"
#include "unwind.h"
#include "xmalloc.h"

#ifdef HAVE_LIBUNWIND
#include <libunwind-ptrace.h>
#endif

#define MAPS_MAX (1024 * 1024)

struct unwind {
#ifdef HAVE_LIBUNWIND
	unw_addr_space_t as;
#endif
	uint64_t maps_hash;
	char *maps; /* the text of /proc/PID/maps at the last unwind */
};

struct unwind *
unwind_new(void)
{
	return xcalloc(1, sizeof(struct unwind));
}

void
unwind_free(struct unwind *uw)
{
	if (!uw)
		return;
#ifdef HAVE_LIBUNWIND
	if (uw->as)
		unw_destroy_addr_space(uw->as);
#endif
	free(uw->maps);
	free(uw);
}

#ifdef HAVE_LIBUNWIND
/* Read /proc/PID/maps into uw->maps; returns its FNV-1a hash, 0 when it
 * could not be read. */
static uint64_t
read_maps(struct unwind *uw, pid_t pid)
{
	char path[64];
	size_t n = 0, cap = 65536;
	uint64_t h = 1469598103934665603ULL;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/maps", (int)pid);
	f = fopen(path, "re");
	if (!f)
		return 0;
	free(uw->maps);
	uw->maps = xmalloc(cap + 1);
	for (;;) {
		size_t r = fread(uw->maps + n, 1, cap - n, f);

		n += r;
		if (r == 0 || n >= MAPS_MAX)
			break;
		if (n == cap) {
			cap *= 2;
			uw->maps = xrealloc(uw->maps, cap + 1);
		}
	}
	fclose(f);
	uw->maps[n] = '\0';
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)uw->maps[i]) * 1099511628211ULL;
	return h ? h : 1;
}

/* The file mapped at "ip", from the saved maps text ("" for anonymous
 * memory). */
static void
object_of(const struct unwind *uw, uint64_t ip, char *out, size_t size)
{
	out[0] = '\0';
	for (const char *line = uw->maps; line && *line;) {
		struct maps_entry e;

		if (maps_parse(line, &e) && ip >= e.start && ip < e.end) {
			snprintf(out, size, "%.*s", (int)e.path_len, e.path);
			return;
		}
		line = strchr(line, '\n');
		if (line)
			line++;
	}
}

int
unwind_read(struct unwind *uw, pid_t pid, pid_t tid, struct nframe *out,
	    int max, bool *more)
{
	unw_cursor_t cursor;
	uint64_t h;
	void *upt;
	int n = 0, r;

	*more = false;
	if (!uw->as) {
		uw->as = unw_create_addr_space(&_UPT_accessors, 0);
		if (!uw->as)
			return -ENOMEM;
		unw_set_caching_policy(uw->as, UNW_CACHE_GLOBAL);
	}
	h = read_maps(uw, pid);
	if (h == 0 || h != uw->maps_hash)
		unw_flush_cache(uw->as, 0, 0);
	uw->maps_hash = h;

	upt = _UPT_create(tid);
	if (!upt)
		return -ENOMEM;
	r = unw_init_remote(&cursor, uw->as, upt);
	if (r < 0) {
		_UPT_destroy(upt);
		return -EIO;
	}
	do {
		unw_word_t ip = 0, off = 0;

		if (n == max) {
			*more = true;
			break;
		}
		if (unw_get_reg(&cursor, UNW_REG_IP, &ip) < 0 || ip == 0)
			break;
		out[n].ip = ip;
		if (unw_get_proc_name(&cursor, out[n].sym, sizeof(out[n].sym),
				      &off) < 0)
			out[n].sym[0] = '\0';
		out[n].off = off;
		object_of(uw, ip, out[n].obj, sizeof(out[n].obj));
		n++;
	} while (unw_step(&cursor) > 0);
	_UPT_destroy(upt);
	return n;
}
#else
int
unwind_read(struct unwind *uw, pid_t pid, pid_t tid, struct nframe *out,
	    int max, bool *more)
{
	(void)uw;
	(void)pid;
	(void)tid;
	(void)out;
	(void)max;
	*more = false;
	return -ENOSYS;
}
#endif
