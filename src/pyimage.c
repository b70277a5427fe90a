/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * The scan: symbols through elf.c, then the DT_NEEDED entries of
 * .dynamic. Every offset and size read from the file is checked against
 * the file's length before use.
 */
#include "config.h"

#include <elf.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <sys/stat.h>

#include "elfload.h"
#include "elfread.h"
#include "pyimage.h"

/* 1 when a DT_NEEDED entry names libpython3, 0 when none does, -1 when
 * the table cannot be read (the caller must not conclude "no Python"). */
static int
dynamic_needs_libpython(const struct elf_file *ef, const Elf64_Shdr *sh)
{
	Elf64_Shdr strtab;
	uint64_t n;

	if (!elfread_section(ef, sh->sh_link, &strtab) ||
	    sh->sh_entsize != sizeof(Elf64_Dyn) || sh->sh_offset > ef->len ||
	    sh->sh_size > ef->len - sh->sh_offset ||
	    strtab.sh_offset > ef->len ||
	    strtab.sh_size > ef->len - strtab.sh_offset)
		return -1;
	n = sh->sh_size / sizeof(Elf64_Dyn);
	for (uint64_t i = 0; i < n; i++) {
		Elf64_Dyn d;
		const char *name;

		memcpy(&d, ef->p + sh->sh_offset + i * sizeof(d), sizeof(d));
		if (d.d_tag == DT_NULL)
			break;
		if (d.d_tag != DT_NEEDED)
			continue;
		name = elfread_string(ef, &strtab, d.d_un.d_val);
		if (name && strncmp(name, "libpython3", 10) == 0)
			return 1;
	}
	return 0;
}

enum pyimage
pyimage_scan(const void *buf, size_t len)
{
	static const char *const names[] = {"_PyRuntime", "Py_Version"};
	bool seen_table = false, unreadable = false;
	struct elf_file ef;
	uint64_t values[2];
	int r;

	r = elfread_open(&ef, buf, len);
	if (r == -1)
		return PYIMAGE_NOT_ELF;
	if (r < 0)
		return len >= EI_NIDENT &&
			       ((const unsigned char *)buf)[EI_CLASS] ==
				   ELFCLASS32
			   ? PYIMAGE_NO_PYTHON /* 32-bit: a foreign ABI */
			   : PYIMAGE_UNKNOWN;
	if (ef.eh.e_shnum == 0)
		return PYIMAGE_UNKNOWN;

	r = elfread_symbols(&ef, names, values, 2);
	if (r > 0)
		return PYIMAGE_PYTHON;
	if (r < 0)
		unreadable = true;
	for (unsigned int i = 0; i < ef.eh.e_shnum; i++) {
		Elf64_Shdr sh;

		if (!elfread_section(&ef, i, &sh))
			return PYIMAGE_UNKNOWN;
		if (sh.sh_type == SHT_DYNSYM)
			seen_table = true;
		if (sh.sh_type != SHT_DYNAMIC)
			continue;
		r = dynamic_needs_libpython(&ef, &sh);
		if (r > 0)
			return PYIMAGE_PYTHON;
		if (r < 0)
			unreadable = true;
		else
			seen_table = true;
	}
	/* a static binary has neither table: it cannot load extension
	 * modules, but we cannot tell either, so say unknown; and a table
	 * that could not be read leaves the question open */
	return seen_table && !unreadable ? PYIMAGE_NO_PYTHON : PYIMAGE_UNKNOWN;
}

#define CACHE_SIZE 64

static struct {
	dev_t dev;
	ino_t ino;
	off_t size;
	struct timespec mtime;
	enum pyimage result;
	bool used;
} cache[CACHE_SIZE];
static unsigned int cache_next;

enum pyimage
pyimage_scan_fd(int fd)
{
	struct elf_sparse sp;
	struct stat st;
	enum pyimage r;

	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode))
		return PYIMAGE_UNKNOWN;
	for (unsigned int i = 0; i < CACHE_SIZE; i++) {
		if (cache[i].used && cache[i].dev == st.st_dev &&
		    cache[i].ino == st.st_ino && cache[i].size == st.st_size &&
		    cache[i].mtime.tv_sec == st.st_mtim.tv_sec &&
		    cache[i].mtime.tv_nsec == st.st_mtim.tv_nsec)
			return cache[i].result;
	}
	if (st.st_size == 0)
		return PYIMAGE_NOT_ELF;
	/* read, not mapped: a traced program could truncate the file while
	 * it is scanned, and SIGBUS would take the supervisor down */
	if (elfload_open(&sp, fd, (size_t)st.st_size) < 0)
		return PYIMAGE_UNKNOWN;
	elfload_sections(&sp, SHT_DYNAMIC);
	r = pyimage_scan(sp.buf, sp.size);
	elfload_close(&sp);

	cache[cache_next].dev = st.st_dev;
	cache[cache_next].ino = st.st_ino;
	cache[cache_next].size = st.st_size;
	cache[cache_next].mtime = st.st_mtim;
	cache[cache_next].result = r;
	cache[cache_next].used = true;
	cache_next = (cache_next + 1) % CACHE_SIZE;
	return r;
}
