/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * Resolution: /proc/PID/maps gives the objects mapped at file offset 0;
 * the executable, every object named libpython* or python*, and libc are
 * parsed (results cached by device, inode and mtime) and rebased by their
 * first PT_LOAD.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "elfload.h"
#include "elfread.h"
#include "log.h"
#include "mem.h"
#include "maps.h"
#include "python/runtime.h"

/* Give up looking for libpython after this many tries once libc is
 * mapped (ld.so is done with the dependencies by then). */
#define MAX_ATTEMPTS 4
#define MAX_OBJECTS 16

enum sym {
	S_RUNTIME,
	S_VERSION,
	S_CODE_TYPE,
	S_ENVIRON,
	S_ENVIRON2,
	NSYMS
};

static const char *const sym_names[NSYMS] = {
    "_PyRuntime", "Py_Version", "PyCode_Type", "environ", "__environ",
};

#define WANT_PYTHON                                                            \
	((1u << S_RUNTIME) | (1u << S_VERSION) | (1u << S_CODE_TYPE))
#define WANT_LIBC ((1u << S_ENVIRON) | (1u << S_ENVIRON2))

/* What one file says, before rebasing. */
struct parsed {
	dev_t dev;
	ino_t ino;
	struct timespec mtime;
	unsigned int want; /* the symbols looked for (1 << enum sym) */
	bool ok;
	uint64_t first_load;
	uint64_t sym[NSYMS];
	uint64_t section; /* .PyRuntime, 0 when absent */
};

static struct parsed cache[MAX_OBJECTS];
static unsigned int cache_next;

/* Look up the symbols of "want" only: .dynsym first; .symtab (read only
 * then) for what an interpreter must have, since a static build may
 * export nothing (Py_Version does not exist before 3.11, so asking
 * .symtab for everything missing would read libpython's large table for
 * nothing). */
static void
lookup(struct elf_sparse *sp, unsigned int want, uint64_t *sym)
{
	const char *names[NSYMS];
	uint64_t values[NSYMS];
	int idx[NSYMS];
	size_t n = 0;

	for (int i = 0; i < NSYMS; i++) {
		if (want & (1u << i)) {
			idx[n] = i;
			names[n++] = sym_names[i];
		}
	}
	memset(values, 0, sizeof(values));
	elfread_symbols_in(&sp->ef, SHT_DYNSYM, names, values, n);
	if (!values[0]) {
		elfload_sections(sp, SHT_SYMTAB);
		elfread_symbols_in(&sp->ef, SHT_SYMTAB, names, values, n);
	}
	for (size_t i = 0; i < n; i++)
		sym[idx[i]] = values[i];
}

#define MAX_FILE (1024UL * 1024 * 1024)

static void
parse_file(int fd, const struct stat *st, unsigned int want, struct parsed *out)
{
	struct elf_sparse sp;
	uint64_t size;

	memset(out, 0, sizeof(*out));
	out->dev = st->st_dev;
	out->ino = st->st_ino;
	out->mtime = st->st_mtim;
	out->want = want;
	if (st->st_size <= 0 || (uint64_t)st->st_size > MAX_FILE ||
	    elfload_open(&sp, fd, (size_t)st->st_size) < 0)
		return;
	if (elfread_open(&sp.ef, sp.buf, sp.size) == 0 &&
	    elfread_first_load(&sp.ef, &out->first_load)) {
		out->ok = true;
		lookup(&sp, want, out->sym);
		if ((want & WANT_PYTHON) &&
		    !elfread_section_by_name(&sp.ef, ".PyRuntime",
					     &out->section, &size))
			out->section = 0;
	}
	elfload_close(&sp);
}

/* Parse "path" as seen by "pid" for the symbols "want"; NULL when it
 * cannot be read. */
static const struct parsed *
parse_object(pid_t pid, const char *path, unsigned int want)
{
	char full[PATH_MAX + 64];
	struct stat st;
	const struct parsed *r = NULL;
	int fd;

	snprintf(full, sizeof(full), "/proc/%d/root%s", (int)pid, path);
	/* O_NONBLOCK: the tracee may have put a FIFO there */
	fd = open(full, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
	if (fd < 0)
		return NULL;
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode))
		goto out;
	for (unsigned int i = 0; i < MAX_OBJECTS; i++) {
		if (cache[i].ino == st.st_ino && cache[i].dev == st.st_dev &&
		    cache[i].want == want &&
		    cache[i].mtime.tv_sec == st.st_mtim.tv_sec &&
		    cache[i].mtime.tv_nsec == st.st_mtim.tv_nsec) {
			r = &cache[i];
			goto out;
		}
	}
	r = &cache[cache_next];
	cache_next = (cache_next + 1) % MAX_OBJECTS;
	parse_file(fd, &st, want, (struct parsed *)r);
out:
	close(fd);
	return r && r->ok ? r : NULL;
}

/* A mapped object of interest. */
struct object {
	uint64_t start;
	char path[PATH_MAX];
	bool exe, python, libc;
};

static const char *
base_name(const char *path)
{
	const char *s = strrchr(path, '/');

	return s ? s + 1 : path;
}

/* Parse one line of /proc/PID/maps; false when it is not a file mapped
 * at offset 0. */
static bool
maps_line(const char *line, uint64_t *start, char *path, size_t size)
{
	struct maps_entry e;

	if (!maps_parse(line, &e) || e.offset != 0 || e.path[0] != '/' ||
	    e.path_len >= size)
		return false;
	snprintf(path, size, "%.*s", (int)e.path_len, e.path);
	*start = e.start;
	return true;
}

static int
collect(pid_t pid, struct object *objs, int max, bool *libc_seen)
{
	char path[64], exe[PATH_MAX], line[PATH_MAX + 128];
	ssize_t n;
	FILE *f;
	int count = 0;

	snprintf(path, sizeof(path), "/proc/%d/exe", (int)pid);
	n = readlink(path, exe, sizeof(exe) - 1);
	exe[n > 0 ? n : 0] = '\0';
	snprintf(path, sizeof(path), "/proc/%d/maps", (int)pid);
	f = fopen(path, "re");
	if (!f)
		return -errno;
	while (count < max && fgets(line, sizeof(line), f)) {
		struct object *o = &objs[count];
		const char *b;
		bool dup = false;

		if (!strchr(line, '\n') && !feof(f)) {
			/* longer than a path can be here: skip all of it */
			int c;

			while ((c = getc(f)) != EOF && c != '\n')
				;
			continue;
		}
		if (!maps_line(line, &o->start, o->path, sizeof(o->path)))
			continue;
		for (int i = 0; i < count; i++)
			dup |= strcmp(objs[i].path, o->path) == 0;
		if (dup)
			continue;
		b = base_name(o->path);
		o->exe = strcmp(o->path, exe) == 0;
		/* libpython3.X.so, python3.X; not the extension modules
		 * (_socket.cpython-311-….so), which are many */
		o->python = strncmp(b, "libpython", 9) == 0 ||
			    strncmp(b, "python", 6) == 0;
		o->libc = strncmp(b, "libc.so", 7) == 0 ||
			  strncmp(b, "libc-", 5) == 0;
		*libc_seen |= o->libc;
		if (o->exe || o->python || o->libc)
			count++;
	}
	fclose(f);
	return count;
}

/* The minor version in a file name "…python3.N…", with the build flags
 * that follow it; -1 when there is none. */
static int
minor_from_name(const char *path, char *flags, size_t size)
{
	const char *b = base_name(path), *p = strstr(b, "python3.");
	char *end;
	long m;

	if (!p)
		return -1;
	m = strtol(p + 8, &end, 10);
	if (end == p + 8 || m < 0 || m > 99)
		return -1;
	/* keep only what changes the layout: d (debug), t (free-threaded);
	 * m and u were ABI tags of 3.7 and older */
	snprintf(flags, size, "%s%s",
		 strchr("dt", *end) && *end ? (*end == 'd' ? "d" : "t") : "",
		 "");
	return (int)m;
}

static uint64_t
rebase(const struct object *o, const struct parsed *pr, uint64_t v)
{
	return v ? v + (o->start - pr->first_load) : 0;
}

/* Version and offsets from the runtime at "rt->runtime", found in "o". */
static enum py_state
identify(pid_t pid, struct py_runtime *rt, const struct object *o,
	 uint64_t py_version)
{
	unsigned char dbg[PY_DEBUG_OFFSETS_MAX];
	uint32_t hex = 0;
	char flags[8] = "";
	int minor = -1, named, r;

	if (mem_read(pid, rt->runtime, dbg, 24) == 0 &&
	    memcmp(dbg, "xdebugpy", 8) == 0) {
		r = mem_read(pid, rt->runtime, dbg, sizeof(dbg));
		if (r == 0)
			r = py_offsets_from_debug(dbg, sizeof(dbg), &rt->off,
						  &hex);
		snprintf(rt->version, sizeof(rt->version), "%u.%u%s", hex >> 24,
			 (hex >> 16) & 0xff,
			 r == 0		    ? ""
			 : (hex && dbg[16]) ? "t"
					    : "");
		return r == 0 ? PYRT_READY : PYRT_UNSUPPORTED;
	}
	if (py_version && mem_read(pid, py_version, &hex, 4) == 0 &&
	    (hex >> 24) == 3)
		minor = (int)((hex >> 16) & 0xff);
	named = minor_from_name(o->path, flags, sizeof(flags));
	if (minor < 0)
		minor = named;
	if (minor < 0) {
		snprintf(rt->version, sizeof(rt->version), "unknown");
		return PYRT_UNSUPPORTED;
	}
	snprintf(rt->version, sizeof(rt->version), "3.%d%s", minor, flags);
	/* debug (d) and free-threaded (t) builds lay objects out otherwise */
	if (strchr(flags, 'd') || strchr(flags, 't') ||
	    !py_offsets_builtin((unsigned int)minor, &rt->off))
		return PYRT_UNSUPPORTED;
	return PYRT_READY;
}

enum py_state
py_runtime_resolve(pid_t pid, struct py_runtime *rt)
{
	struct object *objs;
	const struct object *py_obj = NULL, *named = NULL;
	char flags[8];
	uint64_t py_version = 0;
	bool libc_seen = false, any_python = false;
	int n;

	if (rt->state != PYRT_UNRESOLVED)
		return rt->state;
	objs = calloc(MAX_OBJECTS, sizeof(*objs));
	if (!objs)
		return rt->state;
	n = collect(pid, objs, MAX_OBJECTS, &libc_seen);
	rt->attempts++;
	/* symbol lookup order: the executable, then libraries (a copy
	 * relocation puts environ in the executable) */
	for (int pass = 0; pass < 3; pass++) {
		for (int i = 0; i < n; i++) {
			const struct object *o = &objs[i];
			const struct parsed *pr;
			bool want = pass == 0	? o->exe
				    : pass == 1 ? o->python && !o->exe
						: o->libc && !o->python;

			if (!want)
				continue;
			if (o->python && !named &&
			    minor_from_name(o->path, flags, sizeof(flags)) >= 0)
				named = o;
			pr = parse_object(pid, o->path,
					  pass == 0   ? WANT_PYTHON | WANT_LIBC
					  : pass == 1 ? WANT_PYTHON
						      : WANT_LIBC);
			any_python |= o->python;
			if (!pr) {
				debug("pid %d: cannot parse %s", (int)pid,
				      o->path);
				continue;
			}
			if (!rt->environ)
				rt->environ = rebase(o, pr,
						     pr->sym[S_ENVIRON]
							 ? pr->sym[S_ENVIRON]
							 : pr->sym[S_ENVIRON2]);
			/* PyCode_Type the same way: an embedding program
			 * may hold a copy of it */
			if (!rt->code_type && pass < 2)
				rt->code_type =
				    rebase(o, pr, pr->sym[S_CODE_TYPE]);
			if (rt->runtime || pass == 2)
				continue;
			rt->runtime =
			    rebase(o, pr,
				   pr->sym[S_RUNTIME] ? pr->sym[S_RUNTIME]
						      : pr->section);
			if (!rt->runtime)
				continue;
			py_obj = o;
			py_version = rebase(o, pr, pr->sym[S_VERSION]);
		}
	}
	if (py_obj) {
		rt->state = identify(pid, rt, py_obj, py_version);
		debug("pid %d: python %s, _PyRuntime at %#llx (%s)", (int)pid,
		      rt->version, (unsigned long long)rt->runtime,
		      py_obj->path);
	} else if (named && libc_seen &&
		   minor_from_name(named->path, flags, sizeof(flags)) <= 6) {
		/* a libpython without _PyRuntime: 3.6 and older (a newer
		 * one that could not be parsed is tried again) */
		snprintf(rt->version, sizeof(rt->version), "3.%d%s",
			 minor_from_name(named->path, flags, sizeof(flags)),
			 flags);
		rt->state = PYRT_UNSUPPORTED;
	} else {
		debug("pid %d: no python runtime found (attempt %u)", (int)pid,
		      rt->attempts);
		if ((libc_seen && !any_python &&
		     rt->attempts >= MAX_ATTEMPTS) ||
		    rt->attempts >= 4 * MAX_ATTEMPTS)
			rt->state = PYRT_NONE;
	}
	free(objs);
	return rt->state;
}
