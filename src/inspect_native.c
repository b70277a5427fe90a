/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * Native code under --block-native: an armed process mapping a file
 * executable (mmap with PROT_EXEC, or mprotect/pkey_mprotect adding it to
 * a file mapping). Loading an extension module or a shared library always
 * goes through such a mapping, whatever opened the file, so this is where
 * it is decided, by the file's resolved path (policy_native()). Anonymous
 * executable memory (JITs, libffi trampolines) is not a file and is not
 * looked at.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "decode/decode.h"
#include "elfload.h"
#include "maps.h"
#include "tracer_int.h"

/* The installation prefix of the program "pid" runs: the directory above
 * the one holding its executable (/usr for /usr/bin/python3). */
static void
prefix_of(pid_t pid, char *out, size_t size)
{
	char link[64];
	ssize_t n;
	char *slash;

	snprintf(link, sizeof(link), "/proc/%d/exe", (int)pid);
	n = readlink(link, out, size - 1);
	out[n > 0 ? n : 0] = '\0';
	for (int i = 0; i < 2; i++) {
		slash = strrchr(out, '/');
		if (!slash) {
			out[0] = '\0';
			return;
		}
		*slash = '\0';
	}
	if (!out[0])
		snprintf(out, size, "/");
}

/* Does the file being mapped export the init function of the ctypes or
 * cffi back-end? Read through the descriptor (mmap) or the resolved path
 * (mprotect); results cached by device, inode, size and mtime. A file
 * that cannot be read is taken for one. */
static bool
is_ffi_module(pid_t tid, const char *name, const uint64_t *a, const char *real)
{
	static const char *const inits[] = {"PyInit__ctypes",
					    "PyInit__cffi_backend"};
	static struct {
		dev_t dev;
		ino_t ino;
		off_t size;
		struct timespec mtime;
		bool ffi;
	} cache[32];
	static unsigned int next;
	char path[PATH_MAX + 64];
	struct elf_sparse sp;
	struct stat st;
	uint64_t values[2];
	bool ffi = true;
	int fd;

	if (strcmp(name, "mmap") == 0)
		snprintf(path, sizeof(path), "/proc/%d/fd/%d", (int)tid,
			 (int)a[4]);
	else
		snprintf(path, sizeof(path), "%s", real);
	fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
	if (fd < 0)
		return true;
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode) || st.st_size <= 0)
		goto out;
	for (unsigned int i = 0; i < 32; i++) {
		if (cache[i].ino == st.st_ino && cache[i].dev == st.st_dev &&
		    cache[i].size == st.st_size &&
		    cache[i].mtime.tv_sec == st.st_mtim.tv_sec &&
		    cache[i].mtime.tv_nsec == st.st_mtim.tv_nsec) {
			ffi = cache[i].ffi;
			goto out;
		}
	}
	/* read, not mapped: the file may be truncated meanwhile */
	if (elfload_open(&sp, fd, (size_t)st.st_size) < 0)
		goto out;
	ffi = elfread_open(&sp.ef, sp.buf, sp.size) == 0 &&
	      elfread_symbols_in(&sp.ef, SHT_DYNSYM, inits, values, 2) > 0;
	elfload_close(&sp);
	cache[next].dev = st.st_dev;
	cache[next].ino = st.st_ino;
	cache[next].size = st.st_size;
	cache[next].mtime = st.st_mtim;
	cache[next].ffi = ffi;
	next = (next + 1) % 32;
out:
	close(fd);
	return ffi;
}

void
inspect_native(struct tracer *tr, struct tracee *t, const char *name,
	       const uint64_t *a, struct outcome *o)
{
	const struct policy *p = tr->policy;
	char real[PATH_MAX + 64], prefix[PATH_MAX];
	pid_t pid = t->proc ? t->proc->tgid : t->tid;
	int rc;

	o->d.verdict = V_ALLOW;
	if (!p->block_native || !t->proc || !t->proc->armed ||
	    !((uint32_t)a[2] & PROT_EXEC))
		return;
	if (strcmp(name, "mmap") == 0) {
		if ((uint32_t)a[3] & MAP_ANONYMOUS)
			return;
		rc = decode_resolve(t->tid, (int)a[4], "", true, real,
				    sizeof(real));
		if (rc == -EBADF) {
			outcome_deny_quietly(o, EBADF);
			return;
		}
	} else {
		rc = maps_file_at(pid, a[0], real, sizeof(real));
	}
	if (rc == 1)
		return; /* anonymous memory, a pipe: no file to load */
	if (rc < 0) {
		outcome_deny(o, CAT_NATIVE, "block-native");
		snprintf(o->detail, sizeof(o->detail), "(mapping unreadable)");
		return;
	}
	prefix_of(pid, prefix, sizeof(prefix));
	outcome_apply(o, policy_native(p, real, prefix));
	/* the back-ends by what they are, not by their file name: a copy
	 * under another name still exports its module's init function */
	if (o->d.verdict == V_ALLOW && is_ffi_module(t->tid, name, a, real))
		outcome_deny(o, CAT_NATIVE, "block-native");
	snprintf(o->detail, sizeof(o->detail), "path=%s", real);
	o->inspected = true;
}
