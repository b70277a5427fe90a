/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * ELF reading with every access bounds-checked.
 */
#include "config.h"

#include <string.h>

#include "elfread.h"

static bool
in_bounds(const struct elf_file *ef, uint64_t off, uint64_t size)
{
	return off <= ef->len && size <= ef->len - off;
}

int
elfread_open(struct elf_file *ef, const void *buf, size_t len)
{
	ef->p = buf;
	ef->len = len;
	if (len < EI_NIDENT || memcmp(buf, ELFMAG, SELFMAG) != 0)
		return -1;
	if (len < sizeof(ef->eh))
		return -2;
	memcpy(&ef->eh, buf, sizeof(ef->eh));
	if (ef->eh.e_ident[EI_CLASS] != ELFCLASS64)
		return -2;
	if (ef->eh.e_shnum && ef->eh.e_shentsize != sizeof(Elf64_Shdr))
		return -2;
	if (ef->eh.e_phnum && ef->eh.e_phentsize != sizeof(Elf64_Phdr))
		return -2;
	return 0;
}

bool
elfread_section(const struct elf_file *ef, unsigned int i, Elf64_Shdr *out)
{
	uint64_t off = ef->eh.e_shoff + (uint64_t)i * sizeof(*out);

	if (i >= ef->eh.e_shnum || ef->eh.e_shoff > ef->len ||
	    !in_bounds(ef, off, sizeof(*out)))
		return false;
	memcpy(out, ef->p + off, sizeof(*out));
	return true;
}

const char *
elfread_string(const struct elf_file *ef, const Elf64_Shdr *strtab,
	       uint64_t off)
{
	const char *s;

	if (off >= strtab->sh_size ||
	    !in_bounds(ef, strtab->sh_offset, strtab->sh_size))
		return NULL;
	s = (const char *)ef->p + strtab->sh_offset + off;
	if (!memchr(s, '\0', strtab->sh_size - off))
		return NULL;
	return s;
}

/* Fill the missing "values" from symbol table section "sh"; returns the
 * number newly found or -1. */
static int
scan_symtab(const struct elf_file *ef, const Elf64_Shdr *sh,
	    const char *const *names, uint64_t *values, size_t n)
{
	Elf64_Shdr strtab;
	uint64_t count;
	int found = 0;

	if (!elfread_section(ef, sh->sh_link, &strtab) ||
	    sh->sh_entsize != sizeof(Elf64_Sym) ||
	    !in_bounds(ef, sh->sh_offset, sh->sh_size) ||
	    !in_bounds(ef, strtab.sh_offset, strtab.sh_size))
		return -1;
	count = sh->sh_size / sizeof(Elf64_Sym);
	for (uint64_t i = 0; i < count; i++) {
		Elf64_Sym sym;
		const char *name;

		memcpy(&sym, ef->p + sh->sh_offset + i * sizeof(sym),
		       sizeof(sym));
		if (sym.st_shndx == SHN_UNDEF)
			continue;
		name = elfread_string(ef, &strtab, sym.st_name);
		if (!name)
			continue;
		for (size_t k = 0; k < n; k++) {
			if (!values[k] && strcmp(name, names[k]) == 0) {
				values[k] = sym.st_value;
				found++;
			}
		}
	}
	return found;
}

int
elfread_symbols_in(const struct elf_file *ef, Elf64_Word type,
		   const char *const *names, uint64_t *values, size_t n)
{
	bool unreadable = false;
	int found = 0;

	for (unsigned int i = 0; i < ef->eh.e_shnum; i++) {
		Elf64_Shdr sh;
		int r;

		if (!elfread_section(ef, i, &sh)) {
			unreadable = true;
			break;
		}
		if (sh.sh_type != type)
			continue;
		r = scan_symtab(ef, &sh, names, values, n);
		if (r < 0)
			unreadable = true;
		else
			found += r;
	}
	return found == 0 && unreadable ? -1 : found;
}

int
elfread_symbols(const struct elf_file *ef, const char *const *names,
		uint64_t *values, size_t n)
{
	int a, b = 0, total;

	memset(values, 0, n * sizeof(*values));
	a = elfread_symbols_in(ef, SHT_DYNSYM, names, values, n);
	if (a < 0 || (size_t)a < n)
		b = elfread_symbols_in(ef, SHT_SYMTAB, names, values, n);
	total = (a > 0 ? a : 0) + (b > 0 ? b : 0);
	return total == 0 && (a < 0 || b < 0) ? -1 : total;
}

bool
elfread_section_by_name(const struct elf_file *ef, const char *name,
			uint64_t *addr, uint64_t *size)
{
	Elf64_Shdr names;

	if (!elfread_section(ef, ef->eh.e_shstrndx, &names))
		return false;
	for (unsigned int i = 0; i < ef->eh.e_shnum; i++) {
		Elf64_Shdr sh;
		const char *s;

		if (!elfread_section(ef, i, &sh))
			return false;
		s = elfread_string(ef, &names, sh.sh_name);
		if (s && strcmp(s, name) == 0) {
			*addr = sh.sh_addr;
			*size = sh.sh_size;
			return true;
		}
	}
	return false;
}

bool
elfread_first_load(const struct elf_file *ef, uint64_t *vaddr)
{
	for (unsigned int i = 0; i < ef->eh.e_phnum; i++) {
		uint64_t off =
		    ef->eh.e_phoff + (uint64_t)i * sizeof(Elf64_Phdr);
		Elf64_Phdr ph;

		if (ef->eh.e_phoff > ef->len || !in_bounds(ef, off, sizeof(ph)))
			return false;
		memcpy(&ph, ef->p + off, sizeof(ph));
		if (ph.p_type != PT_LOAD)
			continue;
		if (ph.p_align > 1 && (ph.p_align & (ph.p_align - 1)) == 0)
			*vaddr = ph.p_vaddr & ~(ph.p_align - 1);
		else
			*vaddr = ph.p_vaddr;
		return true;
	}
	return false;
}
