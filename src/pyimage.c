/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * A small ELF reader: section headers, .dynsym/.dynstr and .dynamic. Every
 * offset and size read from the file is checked against the file's length
 * before use.
 */
#include "config.h"

#include <elf.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>

#include "pyimage.h"

struct image {
	const unsigned char *p;
	size_t len;
};

static bool
in_bounds(const struct image *im, uint64_t off, uint64_t size)
{
	return off <= im->len && size <= im->len - off;
}

/* Copy section header "i" into "out"; false when it is out of the file. */
static bool
section(const struct image *im, const Elf64_Ehdr *eh, unsigned int i,
	Elf64_Shdr *out)
{
	uint64_t off = eh->e_shoff + (uint64_t)i * eh->e_shentsize;

	if (i >= eh->e_shnum || eh->e_shoff > im->len ||
	    !in_bounds(im, off, sizeof(*out)))
		return false;
	memcpy(out, im->p + off, sizeof(*out));
	return true;
}

/* The NUL-terminated string at "off" of string table "strtab", or NULL. */
static const char *
string_at(const struct image *im, const Elf64_Shdr *strtab, uint64_t off)
{
	const char *s;

	if (off >= strtab->sh_size ||
	    !in_bounds(im, strtab->sh_offset, strtab->sh_size))
		return NULL;
	s = (const char *)im->p + strtab->sh_offset + off;
	if (!memchr(s, '\0', strtab->sh_size - off))
		return NULL;
	return s;
}

/* The scans return 1 (found), 0 (not there) or -1 (the table cannot be
 * read: the caller must not conclude "no Python"). */
static int
dynsym_exports_python(const struct image *im, const Elf64_Ehdr *eh,
		      const Elf64_Shdr *sh)
{
	Elf64_Shdr strtab;
	uint64_t n;

	if (!section(im, eh, sh->sh_link, &strtab) ||
	    sh->sh_entsize != sizeof(Elf64_Sym) ||
	    !in_bounds(im, sh->sh_offset, sh->sh_size) ||
	    !in_bounds(im, strtab.sh_offset, strtab.sh_size))
		return -1;
	n = sh->sh_size / sizeof(Elf64_Sym);
	for (uint64_t i = 0; i < n; i++) {
		Elf64_Sym sym;
		const char *name;

		memcpy(&sym, im->p + sh->sh_offset + i * sizeof(sym),
		       sizeof(sym));
		if (sym.st_shndx == SHN_UNDEF)
			continue;
		name = string_at(im, &strtab, sym.st_name);
		if (name && (strcmp(name, "_PyRuntime") == 0 ||
			     strcmp(name, "Py_Version") == 0))
			return 1;
	}
	return 0;
}

static int
dynamic_needs_libpython(const struct image *im, const Elf64_Ehdr *eh,
			const Elf64_Shdr *sh)
{
	Elf64_Shdr strtab;
	uint64_t n;

	if (!section(im, eh, sh->sh_link, &strtab) ||
	    sh->sh_entsize != sizeof(Elf64_Dyn) ||
	    !in_bounds(im, sh->sh_offset, sh->sh_size) ||
	    !in_bounds(im, strtab.sh_offset, strtab.sh_size))
		return -1;
	n = sh->sh_size / sizeof(Elf64_Dyn);
	for (uint64_t i = 0; i < n; i++) {
		Elf64_Dyn d;
		const char *name;

		memcpy(&d, im->p + sh->sh_offset + i * sizeof(d), sizeof(d));
		if (d.d_tag == DT_NULL)
			break;
		if (d.d_tag != DT_NEEDED)
			continue;
		name = string_at(im, &strtab, d.d_un.d_val);
		if (name && strncmp(name, "libpython3", 10) == 0)
			return 1;
	}
	return 0;
}

enum pyimage
pyimage_scan(const void *buf, size_t len)
{
	struct image im = {buf, len};
	bool seen_table = false, unreadable = false;
	Elf64_Ehdr eh;

	if (len < EI_NIDENT || memcmp(buf, ELFMAG, SELFMAG) != 0)
		return PYIMAGE_NOT_ELF;
	if (len < sizeof(eh))
		return PYIMAGE_UNKNOWN;
	memcpy(&eh, buf, sizeof(eh));
	if (eh.e_ident[EI_CLASS] != ELFCLASS64)
		return PYIMAGE_NO_PYTHON; /* 32-bit: a foreign ABI here */
	if (eh.e_shentsize != sizeof(Elf64_Shdr) || eh.e_shnum == 0)
		return PYIMAGE_UNKNOWN;

	for (unsigned int i = 0; i < eh.e_shnum; i++) {
		Elf64_Shdr sh;
		int r = 0;

		if (!section(&im, &eh, i, &sh))
			return PYIMAGE_UNKNOWN;
		if (sh.sh_type == SHT_DYNSYM)
			r = dynsym_exports_python(&im, &eh, &sh);
		else if (sh.sh_type == SHT_DYNAMIC)
			r = dynamic_needs_libpython(&im, &eh, &sh);
		else
			continue;
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
	struct stat st;
	enum pyimage r;
	void *map;

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
	map = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	if (map == MAP_FAILED)
		return PYIMAGE_UNKNOWN;
	r = pyimage_scan(map, (size_t)st.st_size);
	munmap(map, (size_t)st.st_size);

	cache[cache_next].dev = st.st_dev;
	cache[cache_next].ino = st.st_ino;
	cache[cache_next].size = st.st_size;
	cache[cache_next].mtime = st.st_mtim;
	cache[cache_next].result = r;
	cache[cache_next].used = true;
	cache_next = (cache_next + 1) % CACHE_SIZE;
	return r;
}
