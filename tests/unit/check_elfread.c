/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * Unit tests of the ELF reader (elfread.c). A small ELF file is built here
 * (program headers, .dynstr/.dynsym, .strtab/.symtab, a .PyRuntime
 * section and .shstrtab, the section headers last) and then damaged:
 * truncated at every length, with offsets, sizes and indexes out of
 * range, with random bytes. Every read runs on a copy that ends right at
 * an inaccessible page, so a read past the end kills the test instead of
 * going unnoticed. Then real files: this test binary itself, whose
 * symbols must match the addresses of its own functions once rebased by
 * the load bias, and Debian's libpython3.11 when it is installed.
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

struct bsym {
	const char *name;
	uint64_t value;
	bool undef;
};

/* The dynamic symbols: one imported, one also in .symtab with another
 * value (.dynsym is searched first). */
static const struct bsym dyn_syms[] = {
    {"_PyRuntime", 0x5000, false},
    {"Py_Version", 0x3000, false},
    {"PyList_New", 0, true},
    {"dup", 0x7000, false},
};

/* The full symbol table: what only it has, and an undefined symbol that
 * .dynsym does not define either. */
static const struct bsym tab_syms[] = {
    {"local_only", 0x6100, false},  {"_PyRuntime", 0x9999, false},
    {"PyCode_Type", 0x6000, false}, {"PyList_New", 0, true},
    {"dup", 0x7000, false},
};

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

static const char *const sec_names[SEC_COUNT] = {
    "", ".dynstr", ".dynsym", ".strtab", ".symtab", ".PyRuntime", ".shstrtab",
};

#define PYRUNTIME_ADDR 0x5000
#define PYRUNTIME_SIZE 64
#define NPHDR 3

struct elf {
	unsigned char *buf;
	size_t len;
	size_t shoff;
};

static size_t
align8(size_t n)
{
	return (n + 7) & ~(size_t)7;
}

/* Append a string table of "names" at "*pos"; "at" gets each offset. */
static size_t
put_strtab(unsigned char *buf, size_t *pos, const char *const *names, size_t n,
	   uint32_t *at)
{
	size_t start = *pos, o = 1;

	if (buf)
		buf[start] = '\0';
	for (size_t i = 0; i < n; i++) {
		size_t len = strlen(names[i]) + 1;

		if (at)
			at[i] = (uint32_t)o;
		if (buf)
			memcpy(buf + start + o, names[i], len);
		o += len;
	}
	*pos = start + o;
	return o;
}

static void
put_syms(unsigned char *buf, size_t off, const struct bsym *s, size_t n,
	 const uint32_t *names)
{
	Elf64_Sym sym;

	memset(&sym, 0, sizeof(sym));
	memcpy(buf + off, &sym, sizeof(sym)); /* the null symbol */
	for (size_t i = 0; i < n; i++) {
		memset(&sym, 0, sizeof(sym));
		sym.st_name = names[i];
		sym.st_info = ELF64_ST_INFO(STB_GLOBAL, STT_OBJECT);
		sym.st_shndx = s[i].undef ? SHN_UNDEF : SEC_PYRUNTIME;
		sym.st_value = s[i].value;
		sym.st_size = 8;
		memcpy(buf + off + (i + 1) * sizeof(sym), &sym, sizeof(sym));
	}
}

/* Layout: header, program headers, .dynstr, .dynsym, .strtab, .symtab,
 * the .PyRuntime bytes, .shstrtab, section headers. Built twice: once to
 * measure, once to write. */
static struct elf
elf_build(void)
{
	const size_t ndyn = HM_ARRAY_SIZE(dyn_syms);
	const size_t ntab = HM_ARRAY_SIZE(tab_syms);
	const char *dyn_names[8], *tab_names[8];
	uint32_t dyn_at[8], tab_at[8], sec_at[SEC_COUNT];
	Elf64_Shdr sh[SEC_COUNT];
	Elf64_Phdr ph[NPHDR];
	Elf64_Ehdr eh;
	struct elf e = {NULL, 0, 0};

	for (size_t i = 0; i < ndyn; i++)
		dyn_names[i] = dyn_syms[i].name;
	for (size_t i = 0; i < ntab; i++)
		tab_names[i] = tab_syms[i].name;
	for (int pass = 0; pass < 2; pass++) {
		size_t pos = sizeof(eh) + sizeof(ph);

		memset(sh, 0, sizeof(sh));
		sh[SEC_DYNSTR].sh_offset = pos;
		sh[SEC_DYNSTR].sh_size =
		    put_strtab(e.buf, &pos, dyn_names, ndyn, dyn_at);
		pos = align8(pos);
		sh[SEC_DYNSYM].sh_offset = pos;
		sh[SEC_DYNSYM].sh_size = (ndyn + 1) * sizeof(Elf64_Sym);
		if (e.buf)
			put_syms(e.buf, pos, dyn_syms, ndyn, dyn_at);
		pos += sh[SEC_DYNSYM].sh_size;
		sh[SEC_STRTAB].sh_offset = pos;
		sh[SEC_STRTAB].sh_size =
		    put_strtab(e.buf, &pos, tab_names, ntab, tab_at);
		pos = align8(pos);
		sh[SEC_SYMTAB].sh_offset = pos;
		sh[SEC_SYMTAB].sh_size = (ntab + 1) * sizeof(Elf64_Sym);
		if (e.buf)
			put_syms(e.buf, pos, tab_syms, ntab, tab_at);
		pos += sh[SEC_SYMTAB].sh_size;
		sh[SEC_PYRUNTIME].sh_offset = pos;
		sh[SEC_PYRUNTIME].sh_size = PYRUNTIME_SIZE;
		if (e.buf)
			memcpy(e.buf + pos, "xdebugpy", 8);
		pos += PYRUNTIME_SIZE;
		sh[SEC_SHSTRTAB].sh_offset = pos;
		sh[SEC_SHSTRTAB].sh_size = put_strtab(
		    e.buf, &pos, sec_names + 1, SEC_COUNT - 1, sec_at + 1);
		sec_at[0] = 0;
		e.shoff = align8(pos);
		e.len = e.shoff + sizeof(sh);
		if (!e.buf) {
			e.buf = calloc(1, e.len);
			ck_assert_ptr_nonnull(e.buf);
		}
	}

	for (int i = 0; i < SEC_COUNT; i++)
		sh[i].sh_name = sec_at[i];
	sh[SEC_DYNSTR].sh_type = SHT_STRTAB;
	sh[SEC_DYNSYM].sh_type = SHT_DYNSYM;
	sh[SEC_DYNSYM].sh_link = SEC_DYNSTR;
	sh[SEC_DYNSYM].sh_info = 1;
	sh[SEC_DYNSYM].sh_entsize = sizeof(Elf64_Sym);
	sh[SEC_STRTAB].sh_type = SHT_STRTAB;
	sh[SEC_SYMTAB].sh_type = SHT_SYMTAB;
	sh[SEC_SYMTAB].sh_link = SEC_STRTAB;
	sh[SEC_SYMTAB].sh_info = 1;
	sh[SEC_SYMTAB].sh_entsize = sizeof(Elf64_Sym);
	sh[SEC_PYRUNTIME].sh_type = SHT_PROGBITS;
	sh[SEC_PYRUNTIME].sh_addr = PYRUNTIME_ADDR;
	sh[SEC_PYRUNTIME].sh_addralign = 32;
	sh[SEC_SHSTRTAB].sh_type = SHT_STRTAB;
	memcpy(e.buf + e.shoff, sh, sizeof(sh));

	/* a PT_PHDR, then two loads; the first one's address is not on a
	 * page boundary */
	memset(ph, 0, sizeof(ph));
	ph[0].p_type = PT_PHDR;
	ph[0].p_offset = sizeof(eh);
	ph[0].p_vaddr = 0x400040;
	ph[0].p_filesz = ph[0].p_memsz = sizeof(ph);
	ph[0].p_align = 8;
	ph[1].p_type = PT_LOAD;
	ph[1].p_flags = PF_R;
	ph[1].p_vaddr = 0x400e40;
	ph[1].p_offset = 0xe40;
	ph[1].p_align = 0x1000;
	ph[2].p_type = PT_LOAD;
	ph[2].p_flags = PF_R | PF_X;
	ph[2].p_vaddr = 0x600000;
	ph[2].p_align = 0x1000;
	memcpy(e.buf + sizeof(eh), ph, sizeof(ph));

	memset(&eh, 0, sizeof(eh));
	memcpy(eh.e_ident, ELFMAG, SELFMAG);
	eh.e_ident[EI_CLASS] = ELFCLASS64;
	eh.e_ident[EI_DATA] = ELFDATA2LSB;
	eh.e_ident[EI_VERSION] = EV_CURRENT;
	eh.e_type = ET_DYN;
	eh.e_machine = EM_X86_64;
	eh.e_version = EV_CURRENT;
	eh.e_ehsize = sizeof(eh);
	eh.e_phoff = sizeof(eh);
	eh.e_phentsize = sizeof(Elf64_Phdr);
	eh.e_phnum = NPHDR;
	eh.e_shoff = e.shoff;
	eh.e_shentsize = sizeof(Elf64_Shdr);
	eh.e_shnum = SEC_COUNT;
	eh.e_shstrndx = SEC_SHSTRTAB;
	memcpy(e.buf, &eh, sizeof(eh));
	return e;
}

static Elf64_Ehdr
ehdr(const struct elf *e)
{
	Elf64_Ehdr eh;

	memcpy(&eh, e->buf, sizeof(eh));
	return eh;
}

static void
set_ehdr(struct elf *e, const Elf64_Ehdr *eh)
{
	memcpy(e->buf, eh, sizeof(*eh));
}

static Elf64_Shdr
shdr(const struct elf *e, unsigned int i)
{
	Elf64_Shdr sh;

	memcpy(&sh, e->buf + e->shoff + i * sizeof(sh), sizeof(sh));
	return sh;
}

static void
set_shdr(struct elf *e, unsigned int i, const Elf64_Shdr *sh)
{
	memcpy(e->buf + e->shoff + i * sizeof(*sh), sh, sizeof(*sh));
}

static Elf64_Phdr
phdr(const struct elf *e, unsigned int i)
{
	Elf64_Phdr ph;

	memcpy(&ph, e->buf + sizeof(Elf64_Ehdr) + i * sizeof(ph), sizeof(ph));
	return ph;
}

static void
set_phdr(struct elf *e, unsigned int i, const Elf64_Phdr *ph)
{
	memcpy(e->buf + sizeof(Elf64_Ehdr) + i * sizeof(*ph), ph, sizeof(*ph));
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
	struct elf e = elf_build();
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
	eh = ehdr(&e);
	eh.e_ident[EI_CLASS] = ELFCLASS32;
	set_ehdr(&e, &eh);
	ck_assert_int_eq(elfread_open(&ef, e.buf, e.len), -2);
	eh.e_ident[EI_CLASS] = ELFCLASSNONE;
	set_ehdr(&e, &eh);
	ck_assert_int_eq(elfread_open(&ef, e.buf, e.len), -2);
	eh = ehdr(&e);
	eh.e_ident[EI_CLASS] = ELFCLASS64;
	eh.e_shentsize = sizeof(Elf32_Shdr);
	set_ehdr(&e, &eh);
	ck_assert_int_eq(elfread_open(&ef, e.buf, e.len), -2);
	/* ... which does not matter when there are no section headers */
	eh.e_shnum = 0;
	set_ehdr(&e, &eh);
	ck_assert_int_eq(elfread_open(&ef, e.buf, e.len), 0);
	eh = ehdr(&e);
	eh.e_shentsize = sizeof(Elf64_Shdr);
	eh.e_shnum = SEC_COUNT;
	eh.e_phentsize = sizeof(Elf32_Phdr);
	set_ehdr(&e, &eh);
	ck_assert_int_eq(elfread_open(&ef, e.buf, e.len), -2);
	eh.e_phnum = 0;
	set_ehdr(&e, &eh);
	ck_assert_int_eq(elfread_open(&ef, e.buf, e.len), 0);
	free(e.buf);
}
END_TEST

START_TEST(test_truncated_header)
{
	struct elf e = elf_build();
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
	struct elf e = elf_build();
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
	eh = ehdr(&e);
	eh.e_shnum = 0xffff;
	set_ehdr(&e, &eh);
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
		eh = ehdr(&e);
		eh.e_shoff = k == 0 ? e.len : k == 1 ? e.len - 1 : shoffs[k];
		set_ehdr(&e, &eh);
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
	struct elf e = elf_build();
	struct elf_file ef;
	struct guarded g = guard(e.buf, e.len);
	Elf64_Shdr str = shdr(&e, SEC_DYNSTR), bad;
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
	struct elf e = elf_build();
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
	struct elf e = elf_build();
	uint64_t values[HM_ARRAY_SIZE(lookup)];
	Elf64_Shdr sh;

	/* without .symtab (a stripped file) */
	sh = shdr(&e, SEC_SYMTAB);
	sh.sh_type = SHT_PROGBITS;
	set_shdr(&e, SEC_SYMTAB, &sh);
	ck_assert_int_eq(symbols_of(&e, values), 3);
	ck_assert_uint_eq(values[0], 0x5000);
	ck_assert_uint_eq(values[1], 0x3000);
	ck_assert_uint_eq(values[2], 0);
	ck_assert_uint_eq(values[3], 0);
	free(e.buf);

	/* without .dynsym (a static binary): .symtab's _PyRuntime */
	e = elf_build();
	sh = shdr(&e, SEC_DYNSYM);
	sh.sh_type = SHT_PROGBITS;
	set_shdr(&e, SEC_DYNSYM, &sh);
	ck_assert_int_eq(symbols_of(&e, values), 4);
	ck_assert_uint_eq(values[0], 0x9999);
	ck_assert_uint_eq(values[1], 0);
	ck_assert_uint_eq(values[2], 0x6000);
	ck_assert_uint_eq(values[3], 0x6100);
	ck_assert_uint_eq(values[6], 0x7000);
	free(e.buf);

	/* neither: nothing found, but nothing unreadable either */
	e = elf_build();
	for (unsigned int i = SEC_DYNSYM; i <= SEC_SYMTAB; i += 2) {
		sh = shdr(&e, i);
		sh.sh_type = SHT_PROGBITS;
		set_shdr(&e, i, &sh);
	}
	ck_assert_int_eq(symbols_of(&e, values), 0);
	for (size_t i = 0; i < HM_ARRAY_SIZE(lookup); i++)
		ck_assert_uint_eq(values[i], 0);
	free(e.buf);
}
END_TEST

START_TEST(test_symbols_in)
{
	struct elf e = elf_build();
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
enum table_damage {
	DMG_LINK,
	DMG_ENTSIZE,
	DMG_OFFSET_PAST_END,
	DMG_SIZE_PAST_END,
	DMG_SIZE_OVERFLOWS,
	DMG_STRTAB_PAST_END,
	DMG_COUNT
};

static const char *const damage_names[] = {
    "sh_link out of range", "sh_entsize wrong",	   "sh_offset past the end",
    "sh_size past the end", "sh_size overflowing", "string table past the end",
};

static void
damage(struct elf *e, unsigned int sec, enum table_damage d)
{
	Elf64_Shdr sh = shdr(e, sec);
	unsigned int strsec = sh.sh_link;
	Elf64_Shdr str = shdr(e, strsec);

	switch (d) {
	case DMG_LINK:
		sh.sh_link = SEC_COUNT + 10;
		break;
	case DMG_ENTSIZE:
		sh.sh_entsize = sizeof(Elf64_Sym) + 8;
		break;
	case DMG_OFFSET_PAST_END:
		sh.sh_offset = e->len + 8;
		break;
	case DMG_SIZE_PAST_END:
		sh.sh_size = e->len - sh.sh_offset + sizeof(Elf64_Sym);
		break;
	case DMG_SIZE_OVERFLOWS:
		sh.sh_size = UINT64_MAX - sh.sh_offset + 1 + sizeof(Elf64_Sym);
		break;
	case DMG_STRTAB_PAST_END:
		str.sh_offset = e->len - 2;
		break;
	case DMG_COUNT:
		break;
	}
	set_shdr(e, sec, &sh);
	set_shdr(e, strsec, &str);
}

START_TEST(test_symbols_damaged)
{
	for (int d = 0; d < DMG_COUNT; d++) {
		uint64_t values[HM_ARRAY_SIZE(lookup)];
		struct elf e = elf_build();
		int r;

		/* .dynsym unreadable: .symtab still answers, for all names */
		damage(&e, SEC_DYNSYM, (enum table_damage)d);
		r = symbols_of(&e, values);
		ck_assert_msg(r == 4, "%s: %d", damage_names[d], r);
		ck_assert_uint_eq(values[0], 0x9999);
		ck_assert_uint_eq(values[1], 0);
		ck_assert_uint_eq(values[2], 0x6000);
		free(e.buf);

		/* .symtab unreadable: what .dynsym has */
		e = elf_build();
		damage(&e, SEC_SYMTAB, (enum table_damage)d);
		r = symbols_of(&e, values);
		ck_assert_msg(r == 3, "%s: %d", damage_names[d], r);
		ck_assert_uint_eq(values[0], 0x5000);
		ck_assert_uint_eq(values[2], 0);
		free(e.buf);

		/* both: none found and a table unreadable is -1, not 0 */
		e = elf_build();
		damage(&e, SEC_DYNSYM, (enum table_damage)d);
		damage(&e, SEC_SYMTAB, (enum table_damage)d);
		r = symbols_of(&e, values);
		ck_assert_msg(r == -1, "%s: %d", damage_names[d], r);
		for (size_t i = 0; i < HM_ARRAY_SIZE(lookup); i++)
			ck_assert_uint_eq(values[i], 0);
		free(e.buf);
	}
}
END_TEST

START_TEST(test_symbols_bad_names)
{
	struct elf e = elf_build();
	uint64_t values[HM_ARRAY_SIZE(lookup)];
	Elf64_Shdr sh = shdr(&e, SEC_DYNSYM);
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
	e = elf_build();
	{
		Elf64_Ehdr eh = ehdr(&e);

		eh.e_shnum = SEC_COUNT + 3;
		set_ehdr(&e, &eh);
	}
	ck_assert_int_eq(symbols_of(&e, values), WANT_FOUND);
	free(e.buf);
}
END_TEST

/* ---- sections by name ------------------------------------------------------
 */

START_TEST(test_section_by_name)
{
	struct elf e = elf_build();
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
		struct elf e = elf_build();
		Elf64_Ehdr eh = ehdr(&e);
		struct guarded g;
		struct elf_file ef;
		uint64_t addr, size;

		eh.e_shstrndx = (Elf64_Half)indexes[i];
		set_ehdr(&e, &eh);
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
		struct elf e = elf_build();
		Elf64_Shdr sh = shdr(&e, SEC_SHSTRTAB);
		struct guarded g;
		struct elf_file ef;
		uint64_t addr, size;

		if (k == 0)
			sh.sh_offset = e.len + 1;
		else if (k == 1)
			sh.sh_size = e.len;
		else
			sh.sh_size = UINT64_MAX - sh.sh_offset + 2;
		set_shdr(&e, SEC_SHSTRTAB, &sh);
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
		struct elf e = elf_build();
		Elf64_Shdr sh = shdr(&e, SEC_SYMTAB);
		struct elf_file ef;
		uint64_t addr, size;

		sh.sh_name = 0xfffffff0;
		set_shdr(&e, SEC_SYMTAB, &sh);
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
	struct elf e = elf_build();
	uint64_t vaddr = 0;
	Elf64_Phdr ph;
	Elf64_Ehdr eh;

	/* the PT_PHDR is skipped; 0x400e40 rounded down to its alignment */
	ck_assert(first_load_of(&e, &vaddr));
	ck_assert_uint_eq(vaddr, 0x400000);
	/* a larger alignment */
	ph = phdr(&e, 1);
	ph.p_align = 0x200000;
	set_phdr(&e, 1, &ph);
	ck_assert(first_load_of(&e, &vaddr));
	ck_assert_uint_eq(vaddr, 0x400000);
	ph.p_vaddr = 0x5ff000;
	set_phdr(&e, 1, &ph);
	ck_assert(first_load_of(&e, &vaddr));
	ck_assert_uint_eq(vaddr, 0x400000);
	/* an alignment of 0, 1 or not a power of two: the address as is */
	ph.p_vaddr = 0x400e40;
	ph.p_align = 0;
	set_phdr(&e, 1, &ph);
	ck_assert(first_load_of(&e, &vaddr));
	ck_assert_uint_eq(vaddr, 0x400e40);
	ph.p_align = 1;
	set_phdr(&e, 1, &ph);
	ck_assert(first_load_of(&e, &vaddr));
	ck_assert_uint_eq(vaddr, 0x400e40);
	ph.p_align = 0x1800;
	set_phdr(&e, 1, &ph);
	ck_assert(first_load_of(&e, &vaddr));
	ck_assert_uint_eq(vaddr, 0x400e40);
	/* the first load is the one that counts, not the lowest */
	ph.p_type = PT_NOTE;
	set_phdr(&e, 1, &ph);
	ck_assert(first_load_of(&e, &vaddr));
	ck_assert_uint_eq(vaddr, 0x600000);
	/* no load at all */
	ph = phdr(&e, 2);
	ph.p_type = PT_GNU_STACK;
	set_phdr(&e, 2, &ph);
	ck_assert(!first_load_of(&e, &vaddr));
	free(e.buf);

	/* no program headers, or not in the file */
	e = elf_build();
	eh = ehdr(&e);
	eh.e_phnum = 0;
	set_ehdr(&e, &eh);
	ck_assert(!first_load_of(&e, &vaddr));
	static const uint64_t phoffs[] = {
	    0, /* replaced by the length */
	    1, /* replaced by the length - 1 */
	    UINT64_MAX,
	    UINT64_MAX - 55,
	};
	for (size_t k = 0; k < HM_ARRAY_SIZE(phoffs); k++) {
		eh = ehdr(&e);
		eh.e_phnum = NPHDR;
		eh.e_phoff = k == 0 ? e.len : k == 1 ? e.len - 1 : phoffs[k];
		set_ehdr(&e, &eh);
		ck_assert_msg(!first_load_of(&e, &vaddr), "e_phoff %#llx",
			      (unsigned long long)eh.e_phoff);
	}
	free(e.buf);

	/* more headers than the file holds: the load is found first */
	e = elf_build();
	eh = ehdr(&e);
	eh.e_phnum = 0xffff;
	set_ehdr(&e, &eh);
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
	struct elf e = elf_build();

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
	struct elf good = elf_build();
	unsigned char *buf = malloc(good.len);
	uint64_t state = 0x2545f4914f6cdd1dULL;

	ck_assert_ptr_nonnull(buf);
	for (int round = 0; round < 5000; round++) {
		int flips;

		memcpy(buf, good.buf, good.len);
		state = state * 6364136223846793005ULL + 1442695040888963407ULL;
		flips = 1 + (int)((state >> 60) & 7);
		for (int f = 0; f < flips; f++) {
			size_t at;

			state = state * 6364136223846793005ULL +
				1442695040888963407ULL;
			/* the headers most of the time: that is where the
			 * offsets are */
			if (state & (1ULL << 40))
				at = (size_t)((state >> 33) %
					      (sizeof(Elf64_Ehdr) +
					       NPHDR * sizeof(Elf64_Phdr)));
			else
				at = (size_t)((state >> 33) % good.len);
			if (at < SELFMAG)
				continue;
			buf[at] = (unsigned char)(state >> 16);
		}
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
