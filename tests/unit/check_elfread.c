/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * Unit tests of the ELF reader (elfread.c). A small ELF file is built
 * with tests/lib/elf_build (program headers, .dynstr/.dynsym,
 * .strtab/.symtab, a .PyRuntime section and .shstrtab, the section
 * headers last) and then damaged: truncated at every length, with
 * offsets, sizes and indexes out of range, with random bytes. Every read
 * runs on a copy that ends right at an inaccessible page, so a read past
 * the end kills the test instead of going unnoticed. Then real files:
 * this test binary itself, whose symbols must match the addresses of its
 * own functions once rebased by the load bias, and Debian's libpython3.11
 * when it is installed.
 */
#include "config.h"

#include <check.h>
#include <elf.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check_common.h"
#include "elf_build.h"
#include "elfread.h"

/* ---- guarded copies ------------------------------------------------------ */

/* A read-only copy of some bytes whose last byte is followed by a
 * PROT_NONE page. */
struct guarded {
	unsigned char *map;
	size_t maplen;
	const unsigned char *p;
};

static struct guarded
guard(const void *buf, size_t len)
{
	size_t page = (size_t)sysconf(_SC_PAGESIZE);
	size_t data = (len + page - 1) / page * page;
	struct guarded g;
	unsigned char *copy;

	if (data == 0)
		data = page;
	g.maplen = data + page;
	g.map = mmap(NULL, g.maplen, PROT_READ | PROT_WRITE,
		     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	ck_assert(g.map != MAP_FAILED);
	ck_assert_int_eq(mprotect(g.map + data, page, PROT_NONE), 0);
	copy = g.map + data - len;
	if (len)
		memcpy(copy, buf, len);
	ck_assert_int_eq(mprotect(g.map, data, PROT_READ), 0);
	g.p = copy;
	return g;
}

static void
unguard(struct guarded *g)
{
	ck_assert_int_eq(munmap(g->map, g->maplen), 0);
}

/* ---- a synthetic ELF file ------------------------------------------------ */

/* The sections of the file every synthetic test starts from, in the
 * builder's order (elf_build.h); build_elf() checks that they are. */
enum {
	SEC_NULL,
	SEC_DYNSTR,
	SEC_DYNSYM,
	SEC_STRTAB,
	SEC_SYMTAB,
	SEC_PYRUNTIME,
	SEC_SHSTRTAB,
	SEC_COUNT
};

#define PYRUNTIME_ADDR 0x5000
#define PYRUNTIME_SIZE 64
#define NPHDR 3

/* The dynamic symbols: one imported, one also in .symtab with another
 * value (.dynsym is searched first). */
static const struct elf_symdef dyn_syms[] = {
    {"_PyRuntime", 0x5000, SEC_PYRUNTIME},
    {"Py_Version", 0x3000, SEC_PYRUNTIME},
    {"PyList_New", 0, SHN_UNDEF},
    {"dup", 0x7000, SEC_PYRUNTIME},
};

/* The full symbol table: what only it has, and an undefined symbol that
 * .dynsym does not define either. */
static const struct elf_symdef tab_syms[] = {
    {"local_only", 0x6100, SEC_PYRUNTIME},
    {"_PyRuntime", 0x9999, SEC_PYRUNTIME},
    {"PyCode_Type", 0x6000, SEC_PYRUNTIME},
    {"PyList_New", 0, SHN_UNDEF},
    {"dup", 0x7000, SEC_PYRUNTIME},
};

/* A PT_PHDR, then two loads; the first one's address is not on a page
 * boundary. */
static const Elf64_Phdr phdrs[NPHDR] = {
    {
	.p_type = PT_PHDR,
	.p_offset = sizeof(Elf64_Ehdr),
	.p_vaddr = 0x400040,
	.p_filesz = NPHDR * sizeof(Elf64_Phdr),
	.p_memsz = NPHDR * sizeof(Elf64_Phdr),
	.p_align = 8,
    },
    {
	.p_type = PT_LOAD,
	.p_flags = PF_R,
	.p_offset = 0xe40,
	.p_vaddr = 0x400e40,
	.p_align = 0x1000,
    },
    {
	.p_type = PT_LOAD,
	.p_flags = PF_R | PF_X,
	.p_vaddr = 0x600000,
	.p_align = 0x1000,
    },
};

/* Layout: header, program headers, .dynstr, .dynsym, .strtab, .symtab,
 * the .PyRuntime bytes, .shstrtab, section headers. */
static struct elf
build_elf(void)
{
	static const struct elf_data pyruntime = {
	    .name = ".PyRuntime",
	    .addr = PYRUNTIME_ADDR,
	    .size = PYRUNTIME_SIZE,
	    .align = 32,
	    .bytes = "xdebugpy",
	    .nbytes = 8,
	};
	static const struct elf_spec spec = {
	    .phdrs = phdrs,
	    .nphdrs = NPHDR,
	    .dynsym = dyn_syms,
	    .ndynsym = HM_ARRAY_SIZE(dyn_syms),
	    .symtab = tab_syms,
	    .nsymtab = HM_ARRAY_SIZE(tab_syms),
	    .data = &pyruntime,
	    .shstrtab = true,
	};
	static const unsigned int layout[ELF_NPARTS] = {
	    [ELF_PART_DYNSTR] = SEC_DYNSTR,  [ELF_PART_DYNSYM] = SEC_DYNSYM,
	    [ELF_PART_STRTAB] = SEC_STRTAB,  [ELF_PART_SYMTAB] = SEC_SYMTAB,
	    [ELF_PART_DATA] = SEC_PYRUNTIME, [ELF_PART_SHSTRTAB] = SEC_SHSTRTAB,
	};
	struct elf e = elf_build(&spec);

	elf_assert_layout(&e, layout, SEC_COUNT);
	return e;
}

/* The names looked up, and what the intact file gives for them. */
static const char *const lookup[] = {
    "_PyRuntime", "Py_Version", "PyCode_Type", "local_only",
    "PyList_New", "missing",	"dup",
};
static const uint64_t want_values[] = {
    0x5000, 0x3000, 0x6000, 0x6100, 0, 0, 0x7000,
};
#define WANT_FOUND 5

/* elfread_symbols() of "lookup" on a guarded copy of "e". */
static int
symbols_of(const struct elf *e, uint64_t *values)
{
	struct guarded g = guard(e->buf, e->len);
	struct elf_file ef;
	int r;

	ck_assert_int_eq(elfread_open(&ef, g.p, e->len), 0);
	r = elfread_symbols(&ef, lookup, values, HM_ARRAY_SIZE(lookup));
	unguard(&g);
	return r;
}

/* ---- header ------------------------------------------------------------- */

START_TEST(test_open)
{
	struct elf e = build_elf();
	struct elf_file ef;
	struct guarded g;
	Elf64_Ehdr eh;
	static const char script[] = "#!/bin/sh\nexit 0\n";

	g = guard(e.buf, e.len);
	ck_assert_int_eq(elfread_open(&ef, g.p, e.len), 0);
	ck_assert_ptr_eq(ef.p, g.p);
	ck_assert_uint_eq(ef.len, e.len);
	ck_assert_uint_eq(ef.eh.e_shnum, SEC_COUNT);
	unguard(&g);

	/* not ELF: the magic, however long the buffer */
	g = guard(script, sizeof(script) - 1);
	ck_assert_int_eq(elfread_open(&ef, g.p, sizeof(script) - 1), -1);
	unguard(&g);
	e.buf[3] = 'X';
	ck_assert_int_eq(elfread_open(&ef, e.buf, e.len), -1);
	e.buf[3] = 'F';

	/* ELF, but 32-bit, or header sizes this reader does not know */
	eh = elf_ehdr(&e);
	eh.e_ident[EI_CLASS] = ELFCLASS32;
	elf_set_ehdr(&e, &eh);
	ck_assert_int_eq(elfread_open(&ef, e.buf, e.len), -2);
	eh.e_ident[EI_CLASS] = ELFCLASSNONE;
	elf_set_ehdr(&e, &eh);
	ck_assert_int_eq(elfread_open(&ef, e.buf, e.len), -2);
	eh = elf_ehdr(&e);
	eh.e_ident[EI_CLASS] = ELFCLASS64;
	eh.e_shentsize = sizeof(Elf32_Shdr);
	elf_set_ehdr(&e, &eh);
	ck_assert_int_eq(elfread_open(&ef, e.buf, e.len), -2);
	/* ... which does not matter when there are no section headers */
	eh.e_shnum = 0;
	elf_set_ehdr(&e, &eh);
	ck_assert_int_eq(elfread_open(&ef, e.buf, e.len), 0);
	eh = elf_ehdr(&e);
	eh.e_shentsize = sizeof(Elf64_Shdr);
	eh.e_shnum = SEC_COUNT;
	eh.e_phentsize = sizeof(Elf32_Phdr);
	elf_set_ehdr(&e, &eh);
	ck_assert_int_eq(elfread_open(&ef, e.buf, e.len), -2);
	eh.e_phnum = 0;
	elf_set_ehdr(&e, &eh);
	ck_assert_int_eq(elfread_open(&ef, e.buf, e.len), 0);
	free(e.buf);
}
END_TEST

START_TEST(test_truncated_header)
{
	struct elf e = build_elf();
	struct elf_file ef;

	for (size_t len = 0; len <= sizeof(Elf64_Ehdr); len++) {
		struct guarded g = guard(e.buf, len);
		int r = elfread_open(&ef, g.p, len);

		unguard(&g);
		if (len < EI_NIDENT)
			ck_assert_msg(r == -1, "len %zu: %d", len, r);
		else if (len < sizeof(Elf64_Ehdr))
			ck_assert_msg(r == -2, "len %zu: %d", len, r);
		else
			ck_assert_msg(r == 0, "len %zu: %d", len, r);
	}
	free(e.buf);
}
END_TEST

/* ---- sections and strings ------------------------------------------------ */

START_TEST(test_section)
{
	struct elf e = build_elf();
	struct elf_file ef;
	Elf64_Shdr sh;
	Elf64_Ehdr eh;

	ck_assert_int_eq(elfread_open(&ef, e.buf, e.len), 0);
	for (unsigned int i = 0; i < SEC_COUNT; i++) {
		ck_assert(elfread_section(&ef, i, &sh));
		ck_assert(memcmp(&sh, e.buf + e.shoff + i * sizeof(sh),
				 sizeof(sh)) == 0);
	}
	ck_assert(elfread_section(&ef, SEC_SYMTAB, &sh));
	ck_assert_uint_eq(sh.sh_type, SHT_SYMTAB);
	ck_assert(!elfread_section(&ef, SEC_COUNT, &sh));
	ck_assert(!elfread_section(&ef, 0xffff, &sh));
	ck_assert(!elfread_section(&ef, UINT32_MAX, &sh));

	/* headers past the end, or whose offset wraps around */
	eh = elf_ehdr(&e);
	eh.e_shnum = 0xffff;
	elf_set_ehdr(&e, &eh);
	ck_assert_int_eq(elfread_open(&ef, e.buf, e.len), 0);
	ck_assert(elfread_section(&ef, SEC_COUNT - 1, &sh));
	ck_assert(!elfread_section(&ef, SEC_COUNT, &sh));
	ck_assert(!elfread_section(&ef, 0xfffe, &sh));
	static const uint64_t shoffs[] = {
	    0, /* replaced by the length: the headers start at the end */
	    1, /* replaced by the length - 1 */
	    UINT64_MAX, UINT64_MAX - 63, 0x8000000000000000ULL,
	};
	for (size_t k = 0; k < HM_ARRAY_SIZE(shoffs); k++) {
		eh = elf_ehdr(&e);
		eh.e_shoff = k == 0 ? e.len : k == 1 ? e.len - 1 : shoffs[k];
		elf_set_ehdr(&e, &eh);
		ck_assert_int_eq(elfread_open(&ef, e.buf, e.len), 0);
		for (unsigned int i = 0; i < 4; i++)
			ck_assert_msg(!elfread_section(&ef, i, &sh),
				      "e_shoff %#llx, section %u",
				      (unsigned long long)eh.e_shoff, i);
	}
	free(e.buf);
}
END_TEST

START_TEST(test_string)
{
	struct elf e = build_elf();
	struct elf_file ef;
	struct guarded g = guard(e.buf, e.len);
	Elf64_Shdr str = elf_shdr(&e, SEC_DYNSTR), bad;
	const char *s;

	ck_assert_int_eq(elfread_open(&ef, g.p, e.len), 0);
	ck_assert_str_eq(elfread_string(&ef, &str, 0), "");
	ck_assert_str_eq(elfread_string(&ef, &str, 1), "_PyRuntime");
	ck_assert_str_eq(elfread_string(&ef, &str, 2), "PyRuntime");
	s = elfread_string(&ef, &str, 1 + sizeof("_PyRuntime"));
	ck_assert_str_eq(s, "Py_Version");
	/* the last string */
	ck_assert_str_eq(elfread_string(&ef, &str, str.sh_size - 4), "dup");
	ck_assert_str_eq(elfread_string(&ef, &str, str.sh_size - 1), "");
	/* out of the table */
	ck_assert_ptr_null(elfread_string(&ef, &str, str.sh_size));
	ck_assert_ptr_null(elfread_string(&ef, &str, str.sh_size + 1));
	ck_assert_ptr_null(elfread_string(&ef, &str, UINT64_MAX));
	/* the last string without its NUL */
	bad = str;
	bad.sh_size--;
	ck_assert_ptr_null(elfread_string(&ef, &bad, bad.sh_size - 3));
	ck_assert_str_eq(elfread_string(&ef, &bad, 1), "_PyRuntime");
	/* a table out of the file, or whose end wraps around */
	bad = str;
	bad.sh_offset = e.len;
	ck_assert_ptr_null(elfread_string(&ef, &bad, 0));
	bad.sh_offset = e.len - 2;
	ck_assert_ptr_null(elfread_string(&ef, &bad, 0));
	bad = str;
	bad.sh_size = UINT64_MAX - bad.sh_offset + 2;
	ck_assert_ptr_null(elfread_string(&ef, &bad, 1));
	bad.sh_size = UINT64_MAX;
	ck_assert_ptr_null(elfread_string(&ef, &bad, 1));
	bad = str;
	bad.sh_offset = UINT64_MAX;
	bad.sh_size = 2;
	ck_assert_ptr_null(elfread_string(&ef, &bad, 0));
	unguard(&g);

	/* a table that is the file's last bytes, its string unterminated */
	{
		unsigned char *longer = malloc(e.len + 3);

		ck_assert_ptr_nonnull(longer);
		memcpy(longer, e.buf, e.len);
		memcpy(longer + e.len, "abc", 3);
		g = guard(longer, e.len + 3);
		ck_assert_int_eq(elfread_open(&ef, g.p, e.len + 3), 0);
		bad.sh_offset = e.len;
		bad.sh_size = 3;
		ck_assert_ptr_null(elfread_string(&ef, &bad, 0));
		ck_assert_ptr_null(elfread_string(&ef, &bad, 2));
		unguard(&g);
		free(longer);
	}
	free(e.buf);
}
END_TEST

/* ---- symbols --------------------------------------------------------------
 */

START_TEST(test_symbols)
{
	struct elf e = build_elf();
	uint64_t values[HM_ARRAY_SIZE(lookup)];
	struct elf_file ef;

	memset(values, 0xa5, sizeof(values));
	/* .dynsym first: _PyRuntime is not the .symtab value; local_only
	 * and PyCode_Type come from .symtab; PyList_New is only undefined */
	ck_assert_int_eq(symbols_of(&e, values), WANT_FOUND);
	for (size_t i = 0; i < HM_ARRAY_SIZE(lookup); i++)
		ck_assert_msg(values[i] == want_values[i], "%s: %#llx",
			      lookup[i], (unsigned long long)values[i]);

	/* only some names; none */
	ck_assert_int_eq(elfread_open(&ef, e.buf, e.len), 0);
	ck_assert_int_eq(
	    elfread_symbols(&ef, (const char *const[]){"missing", "dup"},
			    values, 2),
	    1);
	ck_assert_uint_eq(values[0], 0);
	ck_assert_uint_eq(values[1], 0x7000);
	ck_assert_int_eq(elfread_symbols(&ef, lookup, values, 0), 0);
	/* a prefix or an extension of a name is not the name */
	ck_assert_int_eq(
	    elfread_symbols(&ef,
			    (const char *const[]){"_PyRuntim", "_PyRuntimeX",
						  "PyRuntime", ""},
			    values, 4),
	    0);
	for (int i = 0; i < 4; i++)
		ck_assert_uint_eq(values[i], 0);
	free(e.buf);
}
END_TEST

START_TEST(test_symbols_one_table)
{
	struct elf e = build_elf();
	uint64_t values[HM_ARRAY_SIZE(lookup)];
	Elf64_Shdr sh;

	/* without .symtab (a stripped file) */
	sh = elf_shdr(&e, SEC_SYMTAB);
	sh.sh_type = SHT_PROGBITS;
	elf_set_shdr(&e, SEC_SYMTAB, &sh);
	ck_assert_int_eq(symbols_of(&e, values), 3);
	ck_assert_uint_eq(values[0], 0x5000);
	ck_assert_uint_eq(values[1], 0x3000);
	ck_assert_uint_eq(values[2], 0);
	ck_assert_uint_eq(values[3], 0);
	free(e.buf);

	/* without .dynsym (a static binary): .symtab's _PyRuntime */
	e = build_elf();
	sh = elf_shdr(&e, SEC_DYNSYM);
	sh.sh_type = SHT_PROGBITS;
	elf_set_shdr(&e, SEC_DYNSYM, &sh);
	ck_assert_int_eq(symbols_of(&e, values), 4);
	ck_assert_uint_eq(values[0], 0x9999);
	ck_assert_uint_eq(values[1], 0);
	ck_assert_uint_eq(values[2], 0x6000);
	ck_assert_uint_eq(values[3], 0x6100);
	ck_assert_uint_eq(values[6], 0x7000);
	free(e.buf);

	/* neither: nothing found, but nothing unreadable either */
	e = build_elf();
	for (unsigned int i = SEC_DYNSYM; i <= SEC_SYMTAB; i += 2) {
		sh = elf_shdr(&e, i);
		sh.sh_type = SHT_PROGBITS;
		elf_set_shdr(&e, i, &sh);
	}
	ck_assert_int_eq(symbols_of(&e, values), 0);
	for (size_t i = 0; i < HM_ARRAY_SIZE(lookup); i++)
		ck_assert_uint_eq(values[i], 0);
	free(e.buf);
}
END_TEST

START_TEST(test_symbols_in)
{
	struct elf e = build_elf();
	uint64_t values[HM_ARRAY_SIZE(lookup)];
	struct elf_file ef;

	ck_assert_int_eq(elfread_open(&ef, e.buf, e.len), 0);
	/* one table type only */
	memset(values, 0, sizeof(values));
	ck_assert_int_eq(elfread_symbols_in(&ef, SHT_DYNSYM, lookup, values,
					    HM_ARRAY_SIZE(lookup)),
			 3);
	ck_assert_uint_eq(values[0], 0x5000);
	ck_assert_uint_eq(values[2], 0);
	memset(values, 0, sizeof(values));
	ck_assert_int_eq(elfread_symbols_in(&ef, SHT_SYMTAB, lookup, values,
					    HM_ARRAY_SIZE(lookup)),
			 4);
	ck_assert_uint_eq(values[0], 0x9999);
	ck_assert_uint_eq(values[1], 0);
	ck_assert_uint_eq(values[3], 0x6100);
	/* only the values still 0 are filled */
	memset(values, 0, sizeof(values));
	values[0] = 0x1234;
	values[2] = 0x4321;
	ck_assert_int_eq(elfread_symbols_in(&ef, SHT_SYMTAB, lookup, values,
					    HM_ARRAY_SIZE(lookup)),
			 2);
	ck_assert_uint_eq(values[0], 0x1234);
	ck_assert_uint_eq(values[2], 0x4321);
	ck_assert_uint_eq(values[3], 0x6100);
	ck_assert_uint_eq(values[6], 0x7000);
	/* a type with no table */
	memset(values, 0, sizeof(values));
	ck_assert_int_eq(elfread_symbols_in(&ef, SHT_HASH, lookup, values,
					    HM_ARRAY_SIZE(lookup)),
			 0);
	free(e.buf);
}
END_TEST

/* Ways a symbol table's header can be unusable. */
static const enum elf_damage damages[] = {
    ELF_DMG_LINK_PAST_LAST, ELF_DMG_ENTSIZE_LARGER, ELF_DMG_OFFSET_PAST_END,
    ELF_DMG_SIZE_PAST_END,  ELF_DMG_SIZE_OVERFLOWS, ELF_DMG_STRTAB_PAST_END};

START_TEST(test_symbols_damaged)
{
	for (size_t d = 0; d < HM_ARRAY_SIZE(damages); d++) {
		uint64_t values[HM_ARRAY_SIZE(lookup)];
		struct elf e = build_elf();
		int r;

		/* .dynsym unreadable: .symtab still answers, for all names */
		elf_damage_table(&e, SEC_DYNSYM, damages[d]);
		r = symbols_of(&e, values);
		ck_assert_msg(r == 4, "%s: %d", elf_damage_name(damages[d]), r);
		ck_assert_uint_eq(values[0], 0x9999);
		ck_assert_uint_eq(values[1], 0);
		ck_assert_uint_eq(values[2], 0x6000);
		free(e.buf);

		/* .symtab unreadable: what .dynsym has */
		e = build_elf();
		elf_damage_table(&e, SEC_SYMTAB, damages[d]);
		r = symbols_of(&e, values);
		ck_assert_msg(r == 3, "%s: %d", elf_damage_name(damages[d]), r);
		ck_assert_uint_eq(values[0], 0x5000);
		ck_assert_uint_eq(values[2], 0);
		free(e.buf);

		/* both: none found and a table unreadable is -1, not 0 */
		e = build_elf();
		elf_damage_table(&e, SEC_DYNSYM, damages[d]);
		elf_damage_table(&e, SEC_SYMTAB, damages[d]);
		r = symbols_of(&e, values);
		ck_assert_msg(r == -1, "%s: %d", elf_damage_name(damages[d]),
			      r);
		for (size_t i = 0; i < HM_ARRAY_SIZE(lookup); i++)
			ck_assert_uint_eq(values[i], 0);
		free(e.buf);
	}
}
END_TEST

START_TEST(test_symbols_bad_names)
{
	struct elf e = build_elf();
	uint64_t values[HM_ARRAY_SIZE(lookup)];
	Elf64_Shdr sh = elf_shdr(&e, SEC_DYNSYM);
	Elf64_Sym s;

	/* _PyRuntime's name out of .dynstr: .symtab's is taken instead,
	 * and the next symbol is still read */
	memcpy(&s, e.buf + sh.sh_offset + sizeof(s), sizeof(s));
	s.st_name = 0xffffffff;
	memcpy(e.buf + sh.sh_offset + sizeof(s), &s, sizeof(s));
	ck_assert_int_eq(symbols_of(&e, values), WANT_FOUND);
	ck_assert_uint_eq(values[0], 0x9999);
	ck_assert_uint_eq(values[1], 0x3000);
	free(e.buf);

	/* a section header table that ends early: the tables before the
	 * cut are still read */
	e = build_elf();
	{
		Elf64_Ehdr eh = elf_ehdr(&e);

		eh.e_shnum = SEC_COUNT + 3;
		elf_set_ehdr(&e, &eh);
	}
	ck_assert_int_eq(symbols_of(&e, values), WANT_FOUND);
	free(e.buf);
}
END_TEST

/* ---- sections by name ------------------------------------------------------
 */

START_TEST(test_section_by_name)
{
	struct elf e = build_elf();
	struct elf_file ef;
	uint64_t addr = 1, size = 1;

	ck_assert_int_eq(elfread_open(&ef, e.buf, e.len), 0);
	ck_assert(elfread_section_by_name(&ef, ".PyRuntime", &addr, &size));
	ck_assert_uint_eq(addr, PYRUNTIME_ADDR);
	ck_assert_uint_eq(size, PYRUNTIME_SIZE);
	ck_assert(elfread_section_by_name(&ef, ".symtab", &addr, &size));
	ck_assert_uint_eq(size,
			  (HM_ARRAY_SIZE(tab_syms) + 1) * sizeof(Elf64_Sym));
	addr = size = 1;
	ck_assert(!elfread_section_by_name(&ef, ".bss", &addr, &size));
	ck_assert(!elfread_section_by_name(&ef, ".PyRuntim", &addr, &size));
	ck_assert(!elfread_section_by_name(&ef, ".PyRuntimeX", &addr, &size));
	ck_assert(!elfread_section_by_name(&ef, "PyRuntime", &addr, &size));
	/* untouched when absent */
	ck_assert_uint_eq(addr, 1);
	ck_assert_uint_eq(size, 1);
	free(e.buf);
}
END_TEST

START_TEST(test_section_by_name_broken_shstrndx)
{
	static const unsigned int indexes[] = {
	    SHN_UNDEF, /* the null section: an empty table */
	    SEC_COUNT, /* one past the last */
	    SHN_LORESERVE, SHN_XINDEX, SEC_DYNSYM, /* not a string table */
	    SEC_PYRUNTIME,
	};

	for (size_t i = 0; i < HM_ARRAY_SIZE(indexes); i++) {
		struct elf e = build_elf();
		Elf64_Ehdr eh = elf_ehdr(&e);
		struct guarded g;
		struct elf_file ef;
		uint64_t addr, size;

		eh.e_shstrndx = (Elf64_Half)indexes[i];
		elf_set_ehdr(&e, &eh);
		g = guard(e.buf, e.len);
		ck_assert_int_eq(elfread_open(&ef, g.p, e.len), 0);
		ck_assert_msg(
		    !elfread_section_by_name(&ef, ".PyRuntime", &addr, &size),
		    "e_shstrndx %u", indexes[i]);
		unguard(&g);
		free(e.buf);
	}

	/* .shstrtab itself out of the file, or overflowing */
	for (int k = 0; k < 3; k++) {
		struct elf e = build_elf();
		Elf64_Shdr sh = elf_shdr(&e, SEC_SHSTRTAB);
		struct guarded g;
		struct elf_file ef;
		uint64_t addr, size;

		if (k == 0)
			sh.sh_offset = e.len + 1;
		else if (k == 1)
			sh.sh_size = e.len;
		else
			sh.sh_size = UINT64_MAX - sh.sh_offset + 2;
		elf_set_shdr(&e, SEC_SHSTRTAB, &sh);
		g = guard(e.buf, e.len);
		ck_assert_int_eq(elfread_open(&ef, g.p, e.len), 0);
		ck_assert_msg(
		    !elfread_section_by_name(&ef, ".PyRuntime", &addr, &size),
		    "case %d", k);
		unguard(&g);
		free(e.buf);
	}

	/* a name index out of .shstrtab hides that section only */
	{
		struct elf e = build_elf();
		Elf64_Shdr sh = elf_shdr(&e, SEC_SYMTAB);
		struct elf_file ef;
		uint64_t addr, size;

		sh.sh_name = 0xfffffff0;
		elf_set_shdr(&e, SEC_SYMTAB, &sh);
		ck_assert_int_eq(elfread_open(&ef, e.buf, e.len), 0);
		ck_assert(
		    !elfread_section_by_name(&ef, ".symtab", &addr, &size));
		ck_assert(
		    elfread_section_by_name(&ef, ".PyRuntime", &addr, &size));
		ck_assert_uint_eq(addr, PYRUNTIME_ADDR);
		free(e.buf);
	}
}
END_TEST

/* ---- program headers -------------------------------------------------------
 */

static bool
first_load_of(const struct elf *e, uint64_t *vaddr)
{
	struct guarded g = guard(e->buf, e->len);
	struct elf_file ef;
	bool r;

	ck_assert_int_eq(elfread_open(&ef, g.p, e->len), 0);
	r = elfread_first_load(&ef, vaddr);
	unguard(&g);
	return r;
}

START_TEST(test_first_load)
{
	struct elf e = build_elf();
	uint64_t vaddr = 0;
	Elf64_Phdr ph;
	Elf64_Ehdr eh;

	/* the PT_PHDR is skipped; 0x400e40 rounded down to its alignment */
	ck_assert(first_load_of(&e, &vaddr));
	ck_assert_uint_eq(vaddr, 0x400000);
	/* a larger alignment */
	ph = elf_phdr(&e, 1);
	ph.p_align = 0x200000;
	elf_set_phdr(&e, 1, &ph);
	ck_assert(first_load_of(&e, &vaddr));
	ck_assert_uint_eq(vaddr, 0x400000);
	ph.p_vaddr = 0x5ff000;
	elf_set_phdr(&e, 1, &ph);
	ck_assert(first_load_of(&e, &vaddr));
	ck_assert_uint_eq(vaddr, 0x400000);
	/* an alignment of 0, 1 or not a power of two: the address as is */
	ph.p_vaddr = 0x400e40;
	ph.p_align = 0;
	elf_set_phdr(&e, 1, &ph);
	ck_assert(first_load_of(&e, &vaddr));
	ck_assert_uint_eq(vaddr, 0x400e40);
	ph.p_align = 1;
	elf_set_phdr(&e, 1, &ph);
	ck_assert(first_load_of(&e, &vaddr));
	ck_assert_uint_eq(vaddr, 0x400e40);
	ph.p_align = 0x1800;
	elf_set_phdr(&e, 1, &ph);
	ck_assert(first_load_of(&e, &vaddr));
	ck_assert_uint_eq(vaddr, 0x400e40);
	/* the first load is the one that counts, not the lowest */
	ph.p_type = PT_NOTE;
	elf_set_phdr(&e, 1, &ph);
	ck_assert(first_load_of(&e, &vaddr));
	ck_assert_uint_eq(vaddr, 0x600000);
	/* no load at all */
	ph = elf_phdr(&e, 2);
	ph.p_type = PT_GNU_STACK;
	elf_set_phdr(&e, 2, &ph);
	ck_assert(!first_load_of(&e, &vaddr));
	free(e.buf);

	/* no program headers, or not in the file */
	e = build_elf();
	eh = elf_ehdr(&e);
	eh.e_phnum = 0;
	elf_set_ehdr(&e, &eh);
	ck_assert(!first_load_of(&e, &vaddr));
	static const uint64_t phoffs[] = {
	    0, /* replaced by the length */
	    1, /* replaced by the length - 1 */
	    UINT64_MAX,
	    UINT64_MAX - 55,
	};
	for (size_t k = 0; k < HM_ARRAY_SIZE(phoffs); k++) {
		eh = elf_ehdr(&e);
		eh.e_phnum = NPHDR;
		eh.e_phoff = k == 0 ? e.len : k == 1 ? e.len - 1 : phoffs[k];
		elf_set_ehdr(&e, &eh);
		ck_assert_msg(!first_load_of(&e, &vaddr), "e_phoff %#llx",
			      (unsigned long long)eh.e_phoff);
	}
	free(e.buf);

	/* more headers than the file holds: the load is found first */
	e = build_elf();
	eh = elf_ehdr(&e);
	eh.e_phnum = 0xffff;
	elf_set_ehdr(&e, &eh);
	ck_assert(first_load_of(&e, &vaddr));
	ck_assert_uint_eq(vaddr, 0x400000);
	free(e.buf);
}
END_TEST

/* ---- every prefix, random damage
 * ---------------------------------------------- */

/* Run every reader on the "len" bytes at "buf": nothing may be read past
 * the end, and what is found must be what the intact file holds (never a
 * value read from the wrong place). Returns the number of lookups
 * answered. */
static int
read_all(const unsigned char *buf, size_t len, bool exact)
{
	struct guarded g = guard(buf, len);
	uint64_t values[HM_ARRAY_SIZE(lookup)], addr, size, vaddr;
	struct elf_file ef;
	int r, answered = 0;

	if (elfread_open(&ef, g.p, len) != 0) {
		unguard(&g);
		return 0;
	}
	for (unsigned int i = 0; i < ef.eh.e_shnum && i < 64; i++) {
		Elf64_Shdr sh;

		if (!elfread_section(&ef, i, &sh))
			continue;
		for (uint64_t off = 0; off < 64; off += 7)
			(void)elfread_string(&ef, &sh, off);
	}
	r = elfread_symbols(&ef, lookup, values, HM_ARRAY_SIZE(lookup));
	HM_CHECK(r >= -1 && r <= (int)HM_ARRAY_SIZE(lookup), "len %zu: %d", len,
		 r);
	for (size_t i = 0; exact && i < HM_ARRAY_SIZE(lookup); i++) {
		/* .symtab's _PyRuntime when .dynsym cannot be read */
		HM_CHECK(values[i] == 0 || values[i] == want_values[i] ||
			     (i == 0 && values[i] == 0x9999),
			 "len %zu: %s = %#llx", len, lookup[i],
			 (unsigned long long)values[i]);
	}
	if (r > 0)
		answered += r;
	if (elfread_section_by_name(&ef, ".PyRuntime", &addr, &size)) {
		HM_CHECK(!exact ||
			     (addr == PYRUNTIME_ADDR && size == PYRUNTIME_SIZE),
			 "len %zu: .PyRuntime %#llx %#llx", len,
			 (unsigned long long)addr, (unsigned long long)size);
		answered++;
	}
	if (elfread_first_load(&ef, &vaddr)) {
		HM_CHECK(!exact || vaddr == 0x400000, "len %zu: load %#llx",
			 len, (unsigned long long)vaddr);
		answered++;
	}
	unguard(&g);
	return answered;
}

START_TEST(test_every_prefix)
{
	struct elf e = build_elf();

	for (size_t len = 0; len < e.len; len++)
		read_all(e.buf, len, true);
	/* and the whole file answers everything */
	ck_assert_int_eq(read_all(e.buf, e.len, true), WANT_FOUND + 2);
	free(e.buf);
}
END_TEST

/* Random damage: no read past the end, whatever the bytes say. A fixed
 * seed keeps failures reproducible. */
START_TEST(test_random_damage)
{
	struct elf good = build_elf();
	struct elf_fuzz fuzz = {
	    .state = 0x2545f4914f6cdd1dULL,
	    .max_flips = 8,
	    /* the headers most of the time: that is where the offsets are */
	    .hot = sizeof(Elf64_Ehdr) + NPHDR * sizeof(Elf64_Phdr),
	    .keep = SELFMAG,
	};
	unsigned char *buf = malloc(good.len);

	ck_assert_ptr_nonnull(buf);
	for (int round = 0; round < 5000; round++) {
		elf_fuzz_round(&fuzz, buf, good.buf, good.len);
		read_all(buf, good.len, false);
	}
	free(buf);
	free(good.buf);
}
END_TEST

/* ---- real files ------------------------------------------------------------
 */

/* A global function of this program, to be found in its .symtab. */
uint64_t hm_elfread_probe(uint64_t x);

uint64_t
hm_elfread_probe(uint64_t x)
{
	return x * 3 + 1;
}

int main(void);

struct mapped {
	void *p;
	size_t len;
};

/* Map the file "path" read-only; p is NULL when it cannot be opened. */
static struct mapped
map_file(const char *path)
{
	struct mapped m = {NULL, 0};
	struct stat st;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return m;
	ck_assert_int_eq(fstat(fd, &st), 0);
	ck_assert_int_gt(st.st_size, 0);
	m.len = (size_t)st.st_size;
	m.p = mmap(NULL, m.len, PROT_READ, MAP_PRIVATE, fd, 0);
	ck_assert(m.p != MAP_FAILED);
	close(fd);
	return m;
}

/* The start of this process's mapping of file offset 0 of "path". */
static uint64_t
map_start(const char *path)
{
	FILE *f = fopen("/proc/self/maps", "r");
	char *line = NULL;
	size_t cap = 0;
	uint64_t start = 0;

	ck_assert_ptr_nonnull(f);
	while (getline(&line, &cap, f) > 0) {
		unsigned long long lo, hi, off;
		int name = 0;

		line[strcspn(line, "\n")] = '\0';
		if (sscanf(line, "%llx-%llx %*s %llx %*s %*s %n", &lo, &hi,
			   &off, &name) != 3 ||
		    name == 0)
			continue;
		if (off == 0 && strcmp(line + name, path) == 0) {
			start = lo;
			break;
		}
	}
	free(line);
	fclose(f);
	return start;
}

START_TEST(test_self)
{
	static const char *const names[] = {"hm_elfread_probe", "main"};
	char exe[4096];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	struct mapped m;
	struct elf_file ef;
	uint64_t values[2], first, start, bias, addr, size;
	int r;

	ck_assert_int_gt(n, 0);
	exe[n] = '\0';
	m = map_file("/proc/self/exe");
	ck_assert_ptr_nonnull(m.p);
	ck_assert_int_eq(elfread_open(&ef, m.p, m.len), 0);
	ck_assert(elfread_first_load(&ef, &first));
	r = elfread_symbols(&ef, names, values, 2);
	if (r == 0 && !elfread_section_by_name(&ef, ".symtab", &addr, &size)) {
		printf("check_elfread: %s is stripped (no .symtab): its "
		       "symbol check is skipped\n",
		       exe);
		munmap(m.p, m.len);
		return;
	}
	ck_assert_int_eq(r, 2);
	start = map_start(exe);
	ck_assert_msg(start != 0, "no mapping of %s at offset 0", exe);
	bias = start - first;
	/* a non-PIE executable is mapped where it asks: no bias */
	if (ef.eh.e_type == ET_EXEC)
		ck_assert_uint_eq(bias, 0);
	ck_assert_msg(
	    values[0] + bias == (uint64_t)(uintptr_t)&hm_elfread_probe,
	    "hm_elfread_probe: %#" PRIx64 " + bias %#" PRIx64 " is not %p",
	    values[0], bias, (void *)&hm_elfread_probe);
	ck_assert_msg(values[1] + bias == (uint64_t)(uintptr_t)&main,
		      "main: %#" PRIx64 " + bias %#" PRIx64 " is not %p",
		      values[1], bias, (void *)&main);
	/* the probe works, so it is what was found */
	ck_assert_uint_eq(hm_elfread_probe(2), 7);
	ck_assert_int_eq(munmap(m.p, m.len), 0);
}
END_TEST

#define LIBPYTHON311 "/usr/lib/x86_64-linux-gnu/libpython3.11.so.1.0"

START_TEST(test_libpython)
{
	static const char *const names[] = {"_PyRuntime", "Py_Version",
					    "PyCode_Type"};
	struct mapped m = map_file(LIBPYTHON311);
	struct elf_file ef;
	uint64_t values[3], addr = 0, size = 0, first = 1;

	if (!m.p) {
		printf("check_elfread: %s is not installed: its check is "
		       "skipped\n",
		       LIBPYTHON311);
		return;
	}
	ck_assert_int_eq(elfread_open(&ef, m.p, m.len), 0);
	ck_assert_int_eq(ef.eh.e_type, ET_DYN);
	ck_assert_int_eq(elfread_symbols(&ef, names, values, 3), 3);
	ck_assert_uint_ne(values[0], 0);
	/* _PyRuntime is alone in its section (3.10+) */
	ck_assert(elfread_section_by_name(&ef, ".PyRuntime", &addr, &size));
	ck_assert_uint_eq(values[0], addr);
	ck_assert_uint_gt(size, 0);
	/* a shared library asks for address 0 */
	ck_assert(elfread_first_load(&ef, &first));
	ck_assert_uint_eq(first, 0);
	ck_assert_int_eq(munmap(m.p, m.len), 0);
}
END_TEST

static Suite *
elfread_suite(void)
{
	Suite *s = suite_create("elfread");
	TCase *tc = tcase_create("synthetic");

	tcase_add_test(tc, test_open);
	tcase_add_test(tc, test_truncated_header);
	tcase_add_test(tc, test_section);
	tcase_add_test(tc, test_string);
	tcase_add_test(tc, test_symbols);
	tcase_add_test(tc, test_symbols_one_table);
	tcase_add_test(tc, test_symbols_in);
	tcase_add_test(tc, test_symbols_damaged);
	tcase_add_test(tc, test_symbols_bad_names);
	tcase_add_test(tc, test_section_by_name);
	tcase_add_test(tc, test_section_by_name_broken_shstrndx);
	tcase_add_test(tc, test_first_load);
	tcase_add_test(tc, test_every_prefix);
	tcase_add_test(tc, test_random_damage);
	suite_add_tcase(s, tc);

	tc = tcase_create("files");
	tcase_add_test(tc, test_self);
	tcase_add_test(tc, test_libpython);
	suite_add_tcase(s, tc);
	return s;
}

HM_SUITE_MAIN(elfread_suite)
