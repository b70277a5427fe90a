/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * A small reader of 64-bit ELF files held in memory: section headers,
 * string tables, symbols (.dynsym, then .symtab), program headers. Pure:
 * the file is untrusted input, and every offset and size read from it is
 * checked against its length before use. The caller owns the buffer.
 */
#ifndef HERMETIC_ELFREAD_H
#define HERMETIC_ELFREAD_H

#include <elf.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct elf_file {
	const unsigned char *p;
	size_t len;
	Elf64_Ehdr eh;
};

/* Check the header of the "len" bytes at "buf". Returns 0, -1 when it is
 * not an ELF file, -2 when it is one this reader cannot use (32-bit, bad
 * header sizes). */
int elfread_open(struct elf_file *ef, const void *buf, size_t len);

/* Copy section header "i"; false when it lies outside the file. */
bool elfread_section(const struct elf_file *ef, unsigned int i,
		     Elf64_Shdr *out);

/* The NUL-terminated string at "off" of string table section "strtab", or
 * NULL when it is out of bounds or unterminated. */
const char *elfread_string(const struct elf_file *ef, const Elf64_Shdr *strtab,
			   uint64_t off);

/*
 * Look up the "n" defined symbols "names" in .dynsym, then in .symtab for
 * those still missing; "values" gets each st_value, 0 when absent (a
 * symbol whose value is 0 counts as absent). Returns how many were found,
 * or -1 when none was and a table was unreadable.
 */
int elfread_symbols(const struct elf_file *ef, const char *const *names,
		    uint64_t *values, size_t n);

/* The same in the symbol tables of section type "type" (SHT_DYNSYM or
 * SHT_SYMTAB) only, filling only the "values" still 0. */
int elfread_symbols_in(const struct elf_file *ef, Elf64_Word type,
		       const char *const *names, uint64_t *values, size_t n);

/* Address and size of the section called "name"; false when absent. */
bool elfread_section_by_name(const struct elf_file *ef, const char *name,
			     uint64_t *addr, uint64_t *size);

/* The virtual address the file's first PT_LOAD segment asks for, rounded
 * down to its alignment: a mapping of file offset 0 at address A gives a
 * load bias of A minus this. False when there is no readable PT_LOAD. */
bool elfread_first_load(const struct elf_file *ef, uint64_t *vaddr);

#endif
