/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * Unit tests of the CPython detector (pyimage.c). Small ELF files are
 * built here (a header, .dynstr, .dynsym, .dynamic and the section
 * headers) and then mutated: truncated, with offsets past the end or
 * overflowing, with string indexes out of range. Every scan of a buffer
 * runs on a copy that ends right at an inaccessible page, so a read past
 * the end kills the test instead of going unnoticed. The file scanner is
 * tried on /bin/true, /usr/bin/python3 (when installed) and files of our
 * own, and its cache on a file that changes.
 */
#include "config.h"

#include <check.h>
#include <elf.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check_common.h"
#include "pyimage.h"

/* Scan a copy of "buf" placed so that its last byte is followed by a
 * PROT_NONE page. */
static enum pyimage
scan_guarded(const void *buf, size_t len)
{
	size_t page = (size_t)sysconf(_SC_PAGESIZE);
	size_t data = (len + page - 1) / page * page;
	unsigned char *map, *copy;
	enum pyimage r;

	if (data == 0)
		data = page;
	map = mmap(NULL, data + page, PROT_READ | PROT_WRITE,
		   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	ck_assert(map != MAP_FAILED);
	ck_assert_int_eq(mprotect(map + data, page, PROT_NONE), 0);
	copy = map + data - len;
	if (len)
		memcpy(copy, buf, len);
	ck_assert_int_eq(mprotect(map, data, PROT_READ), 0);
	r = pyimage_scan(copy, len);
	ck_assert_int_eq(munmap(map, data + page), 0);
	ck_assert_msg(r == PYIMAGE_NOT_ELF || r == PYIMAGE_NO_PYTHON ||
			  r == PYIMAGE_PYTHON || r == PYIMAGE_UNKNOWN,
		      "result %d", r);
	return r;
}

/* What to put in a built ELF file. */
struct elf_spec {
	const char *const *syms;   /* defined dynamic symbols, NULL-ended */
	const char *const *needed; /* DT_NEEDED names, NULL-ended */
	bool no_dynsym;		   /* make .dynsym PROGBITS */
	bool no_dynamic;	   /* make .dynamic PROGBITS */
};

/* Section indexes of a built file. */
enum {
	SEC_NULL,
	SEC_DYNSTR,
	SEC_DYNSYM,
	SEC_DYNAMIC,
	SEC_COUNT
};

struct elf {
	unsigned char *buf;
	size_t len;
	size_t symoff; /* file offset of .dynsym */
	size_t dynoff; /* file offset of .dynamic */
};

static size_t
align8(size_t n)
{
	return (n + 7) & ~(size_t)7;
}

static size_t
count(const char *const *v)
{
	size_t n = 0;

	while (v && v[n])
		n++;
	return n;
}

/* Layout: header, .dynstr, .dynsym, .dynamic, section headers. */
static struct elf
elf_build(const struct elf_spec *spec)
{
	size_t nsyms = count(spec->syms), nneeded = count(spec->needed);
	size_t strsize = 1, stroff = sizeof(Elf64_Ehdr), symoff, dynoff, shoff;
	size_t name_at[16];
	struct elf e;
	Elf64_Ehdr eh;
	Elf64_Shdr sh[SEC_COUNT];
	size_t pos;

	ck_assert_uint_le(nsyms + nneeded, HM_ARRAY_SIZE(name_at));
	for (size_t i = 0; i < nsyms; i++)
		strsize += strlen(spec->syms[i]) + 1;
	for (size_t i = 0; i < nneeded; i++)
		strsize += strlen(spec->needed[i]) + 1;
	symoff = align8(stroff + strsize);
	dynoff = symoff + (nsyms + 1) * sizeof(Elf64_Sym);
	shoff = dynoff + (nneeded + 1) * sizeof(Elf64_Dyn);
	e.len = shoff + SEC_COUNT * sizeof(Elf64_Shdr);
	e.buf = calloc(1, e.len);
	ck_assert_ptr_nonnull(e.buf);
	e.symoff = symoff;
	e.dynoff = dynoff;

	/* .dynstr */
	pos = 1;
	for (size_t i = 0; i < nsyms; i++) {
		name_at[i] = pos;
		strcpy((char *)e.buf + stroff + pos, spec->syms[i]);
		pos += strlen(spec->syms[i]) + 1;
	}
	for (size_t i = 0; i < nneeded; i++) {
		name_at[nsyms + i] = pos;
		strcpy((char *)e.buf + stroff + pos, spec->needed[i]);
		pos += strlen(spec->needed[i]) + 1;
	}
	/* .dynsym: the null symbol, then one defined object per name */
	for (size_t i = 0; i < nsyms; i++) {
		Elf64_Sym s;

		memset(&s, 0, sizeof(s));
		s.st_name = (Elf64_Word)name_at[i];
		s.st_info = ELF64_ST_INFO(STB_GLOBAL, STT_OBJECT);
		s.st_shndx = SEC_DYNAMIC;
		s.st_value = 0x4000 + 16 * i;
		s.st_size = 8;
		memcpy(e.buf + symoff + (i + 1) * sizeof(s), &s, sizeof(s));
	}
	/* .dynamic: the DT_NEEDED entries and DT_NULL */
	for (size_t i = 0; i < nneeded; i++) {
		Elf64_Dyn d;

		memset(&d, 0, sizeof(d));
		d.d_tag = DT_NEEDED;
		d.d_un.d_val = name_at[nsyms + i];
		memcpy(e.buf + dynoff + i * sizeof(d), &d, sizeof(d));
	}

	memset(sh, 0, sizeof(sh));
	sh[SEC_DYNSTR].sh_type = SHT_STRTAB;
	sh[SEC_DYNSTR].sh_offset = stroff;
	sh[SEC_DYNSTR].sh_size = strsize;
	sh[SEC_DYNSYM].sh_type = spec->no_dynsym ? SHT_PROGBITS : SHT_DYNSYM;
	sh[SEC_DYNSYM].sh_offset = symoff;
	sh[SEC_DYNSYM].sh_size = (nsyms + 1) * sizeof(Elf64_Sym);
	sh[SEC_DYNSYM].sh_link = SEC_DYNSTR;
	sh[SEC_DYNSYM].sh_info = 1;
	sh[SEC_DYNSYM].sh_entsize = sizeof(Elf64_Sym);
	sh[SEC_DYNAMIC].sh_type = spec->no_dynamic ? SHT_PROGBITS : SHT_DYNAMIC;
	sh[SEC_DYNAMIC].sh_offset = dynoff;
	sh[SEC_DYNAMIC].sh_size = (nneeded + 1) * sizeof(Elf64_Dyn);
	sh[SEC_DYNAMIC].sh_link = SEC_DYNSTR;
	sh[SEC_DYNAMIC].sh_entsize = sizeof(Elf64_Dyn);
	memcpy(e.buf + shoff, sh, sizeof(sh));

	memset(&eh, 0, sizeof(eh));
	memcpy(eh.e_ident, ELFMAG, SELFMAG);
	eh.e_ident[EI_CLASS] = ELFCLASS64;
	eh.e_ident[EI_DATA] = ELFDATA2LSB;
	eh.e_ident[EI_VERSION] = EV_CURRENT;
	eh.e_type = ET_DYN;
	eh.e_machine = EM_X86_64;
	eh.e_version = EV_CURRENT;
	eh.e_ehsize = sizeof(eh);
	eh.e_shoff = shoff;
	eh.e_shentsize = sizeof(Elf64_Shdr);
	eh.e_shnum = SEC_COUNT;
	eh.e_shstrndx = SHN_UNDEF;
	memcpy(e.buf, &eh, sizeof(eh));
	return e;
}

#define SYMS(...) ((const char *const[]){__VA_ARGS__, NULL})

/* Read-modify-write helpers on a built file. */
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

	memcpy(&sh, e->buf + ehdr(e).e_shoff + i * sizeof(sh), sizeof(sh));
	return sh;
}

static void
set_shdr(struct elf *e, unsigned int i, const Elf64_Shdr *sh)
{
	memcpy(e->buf + ehdr(e).e_shoff + i * sizeof(*sh), sh, sizeof(*sh));
}

static Elf64_Sym
sym(const struct elf *e, unsigned int i)
{
	Elf64_Sym s;

	memcpy(&s, e->buf + e->symoff + i * sizeof(s), sizeof(s));
	return s;
}

static void
set_sym(struct elf *e, unsigned int i, const Elf64_Sym *s)
{
	memcpy(e->buf + e->symoff + i * sizeof(*s), s, sizeof(*s));
}

static enum pyimage
scan_elf(const struct elf *e)
{
	return scan_guarded(e->buf, e->len);
}

START_TEST(test_not_elf)
{
	static const char script[] = "#!/bin/sh\necho hi\n";
	static const char nearly[16] = "\x7f"
				       "ELX";

	ck_assert_int_eq(scan_guarded(script, sizeof(script) - 1),
			 PYIMAGE_NOT_ELF);
	ck_assert_int_eq(scan_guarded("", 0), PYIMAGE_NOT_ELF);
	/* the magic alone is too short to be a file header */
	ck_assert_int_eq(scan_guarded("\x7f"
				      "ELF",
				      4),
			 PYIMAGE_NOT_ELF);
	ck_assert_int_eq(scan_guarded(nearly, sizeof(nearly)), PYIMAGE_NOT_ELF);
}
END_TEST

START_TEST(test_python_by_symbol)
{
	struct elf e = elf_build(&(struct elf_spec){
	    .syms = SYMS("PyList_New", "_PyRuntime"),
	    .needed = SYMS("libc.so.6"),
	});

	ck_assert_int_eq(scan_elf(&e), PYIMAGE_PYTHON);
	free(e.buf);

	e = elf_build(&(struct elf_spec){.syms = SYMS("Py_Version")});
	ck_assert_int_eq(scan_elf(&e), PYIMAGE_PYTHON);
	free(e.buf);

	/* the whole name only */
	e = elf_build(&(struct elf_spec){
	    .syms =
		SYMS("_PyRuntimeX", "PyRuntime", "Py_Versio", "_PyRuntime_x"),
	    .needed = SYMS("libc.so.6"),
	});
	ck_assert_int_eq(scan_elf(&e), PYIMAGE_NO_PYTHON);
	free(e.buf);
}
END_TEST

START_TEST(test_undefined_symbol)
{
	/* an extension module imports _PyRuntime; it does not define it */
	struct elf e = elf_build(&(struct elf_spec){
	    .syms = SYMS("_PyRuntime"),
	    .needed = SYMS("libc.so.6"),
	});
	Elf64_Sym s = sym(&e, 1);

	s.st_shndx = SHN_UNDEF;
	set_sym(&e, 1, &s);
	ck_assert_int_eq(scan_elf(&e), PYIMAGE_NO_PYTHON);
	free(e.buf);
}
END_TEST

START_TEST(test_python_by_needed)
{
	struct elf e = elf_build(&(struct elf_spec){
	    .syms = SYMS("main"),
	    .needed = SYMS("libm.so.6", "libpython3.12.so.1.0", "libc.so.6"),
	});

	ck_assert_int_eq(scan_elf(&e), PYIMAGE_PYTHON);
	free(e.buf);

	e = elf_build(&(struct elf_spec){
	    .needed = SYMS("libpython3.so"),
	    .no_dynsym = true,
	});
	ck_assert_int_eq(scan_elf(&e), PYIMAGE_PYTHON);
	free(e.buf);

	e = elf_build(&(struct elf_spec){
	    .syms = SYMS("main"),
	    .needed =
		SYMS("libpython2.7.so.1.0", "libc.so.6", "libpythonic.so"),
	});
	ck_assert_int_eq(scan_elf(&e), PYIMAGE_NO_PYTHON);
	free(e.buf);
}
END_TEST

START_TEST(test_needed_after_dt_null)
{
	struct elf e = elf_build(&(struct elf_spec){
	    .needed = SYMS("libc.so.6", "libpython3.11.so.1.0"),
	    .no_dynsym = true,
	});
	Elf64_Dyn end;

	/* DT_NULL ends the table: what follows is not an entry */
	memset(&end, 0, sizeof(end));
	memcpy(e.buf + e.dynoff + sizeof(end), &end, sizeof(end));
	ck_assert_int_eq(scan_elf(&e), PYIMAGE_NO_PYTHON);
	free(e.buf);
}
END_TEST

START_TEST(test_elf32)
{
	struct elf e = elf_build(&(struct elf_spec){
	    .syms = SYMS("_PyRuntime"),
	    .needed = SYMS("libpython3.12.so.1.0"),
	});
	Elf64_Ehdr eh = ehdr(&e);

	eh.e_ident[EI_CLASS] = ELFCLASS32;
	set_ehdr(&e, &eh);
	/* a 32-bit program is a foreign ABI here, denied on its own */
	ck_assert_int_eq(scan_elf(&e), PYIMAGE_NO_PYTHON);
	free(e.buf);
}
END_TEST

START_TEST(test_no_tables)
{
	struct elf e = elf_build(&(struct elf_spec){
	    .syms = SYMS("_PyRuntime"),
	    .no_dynsym = true,
	    .no_dynamic = true,
	});
	Elf64_Ehdr eh;

	/* a static binary: neither table, so no way to tell */
	ck_assert_int_eq(scan_elf(&e), PYIMAGE_UNKNOWN);
	free(e.buf);

	/* no section headers at all */
	e = elf_build(&(struct elf_spec){.syms = SYMS("_PyRuntime")});
	eh = ehdr(&e);
	eh.e_shnum = 0;
	eh.e_shoff = 0;
	set_ehdr(&e, &eh);
	ck_assert_int_eq(scan_elf(&e), PYIMAGE_UNKNOWN);
	free(e.buf);

	/* section headers of a size this reader does not know */
	e = elf_build(&(struct elf_spec){.syms = SYMS("_PyRuntime")});
	eh = ehdr(&e);
	eh.e_shentsize = sizeof(Elf32_Shdr);
	set_ehdr(&e, &eh);
	ck_assert_int_eq(scan_elf(&e), PYIMAGE_UNKNOWN);
	free(e.buf);
}
END_TEST

START_TEST(test_truncated_header)
{
	struct elf e = elf_build(&(struct elf_spec){
	    .syms = SYMS("_PyRuntime"),
	});

	for (size_t len = EI_NIDENT; len < sizeof(Elf64_Ehdr); len++)
		ck_assert_msg(scan_guarded(e.buf, len) == PYIMAGE_UNKNOWN,
			      "len %zu", len);
	for (size_t len = 0; len < EI_NIDENT; len++)
		ck_assert_msg(scan_guarded(e.buf, len) == PYIMAGE_NOT_ELF,
			      "len %zu", len);
	free(e.buf);
}
END_TEST

START_TEST(test_every_prefix)
{
	/* the section headers come last. A prefix that cuts the header of
	 * .dynsym (or one before it) cannot be read; one that holds it finds
	 * _PyRuntime there, before the scan reaches the cut header of
	 * .dynamic */
	struct elf e = elf_build(&(struct elf_spec){
	    .syms = SYMS("_PyRuntime"),
	    .needed = SYMS("libpython3.12.so.1.0"),
	});
	size_t dynsym_end =
	    ehdr(&e).e_shoff + (SEC_DYNSYM + 1) * sizeof(Elf64_Shdr);

	for (size_t len = sizeof(Elf64_Ehdr); len <= e.len; len++)
		ck_assert_msg(
		    scan_guarded(e.buf, len) ==
			(len < dynsym_end ? PYIMAGE_UNKNOWN : PYIMAGE_PYTHON),
		    "len %zu of %zu", len, e.len);
	free(e.buf);

	/* with Python only in .dynamic, every prefix is unknown */
	e = elf_build(&(struct elf_spec){
	    .syms = SYMS("main"),
	    .needed = SYMS("libpython3.12.so.1.0"),
	});
	for (size_t len = sizeof(Elf64_Ehdr); len < e.len; len++)
		ck_assert_msg(scan_guarded(e.buf, len) == PYIMAGE_UNKNOWN,
			      "len %zu of %zu", len, e.len);
	ck_assert_int_eq(scan_guarded(e.buf, e.len), PYIMAGE_PYTHON);
	free(e.buf);
}
END_TEST

START_TEST(test_section_headers_out_of_file)
{
	static const uint64_t shoffs[] = {
	    0, /* replaced by the file length */
	    1, /* replaced by the file length - 1 */
	    0x7fffffffffffffffULL,
	    UINT64_MAX - 63,
	    UINT64_MAX,
	};

	for (size_t i = 0; i < HM_ARRAY_SIZE(shoffs); i++) {
		struct elf e = elf_build(&(struct elf_spec){
		    .syms = SYMS("_PyRuntime"),
		});
		Elf64_Ehdr eh = ehdr(&e);

		eh.e_shoff = i == 0 ? e.len : i == 1 ? e.len - 1 : shoffs[i];
		set_ehdr(&e, &eh);
		ck_assert_msg(scan_elf(&e) == PYIMAGE_UNKNOWN, "e_shoff %#llx",
			      (unsigned long long)eh.e_shoff);
		free(e.buf);
	}

	/* more headers than the file holds */
	{
		struct elf e = elf_build(&(struct elf_spec){
		    .needed = SYMS("libc.so.6"),
		});
		Elf64_Ehdr eh = ehdr(&e);

		eh.e_shnum = 0xffff;
		set_ehdr(&e, &eh);
		ck_assert_int_eq(scan_elf(&e), PYIMAGE_UNKNOWN);
		free(e.buf);
	}
}
END_TEST

/* The ways a table's header can point outside the file. */
enum table_damage {
	DMG_OFFSET_PAST_END,
	DMG_SIZE_OVERFLOWS, /* sh_offset + sh_size wraps around */
	DMG_SIZE_PAST_END,
	DMG_LINK_OUT_OF_RANGE,
	DMG_STRTAB_OVERFLOWS,
	DMG_STRTAB_PAST_END,
	DMG_ENTSIZE,
	DMG_COUNT,
};

/* clang-format off */
static const char *const damage_names[] = {
	"sh_offset past the end",
	"sh_offset + sh_size overflowing",
	"sh_size past the end",
	"sh_link out of range",
	"string table offset + size overflowing",
	"string table past the end",
	"sh_entsize not the entry size",
};
/* clang-format on */

static void
damage(struct elf *e, unsigned int sec, enum table_damage d)
{
	Elf64_Shdr sh = shdr(e, sec), str = shdr(e, SEC_DYNSTR);

	switch (d) {
	case DMG_OFFSET_PAST_END:
		sh.sh_offset = e->len + 8;
		break;
	case DMG_SIZE_OVERFLOWS:
		sh.sh_size = UINT64_MAX - sh.sh_offset + 1 + sh.sh_entsize;
		break;
	case DMG_SIZE_PAST_END:
		sh.sh_size = e->len - sh.sh_offset + sh.sh_entsize;
		break;
	case DMG_LINK_OUT_OF_RANGE:
		sh.sh_link = 0xfff0;
		break;
	case DMG_STRTAB_OVERFLOWS:
		str.sh_size = UINT64_MAX - str.sh_offset + 2;
		break;
	case DMG_STRTAB_PAST_END:
		str.sh_offset = e->len - 2;
		break;
	case DMG_ENTSIZE:
		sh.sh_entsize = 0;
		break;
	case DMG_COUNT:
		break;
	}
	set_shdr(e, sec, &sh);
	set_shdr(e, SEC_DYNSTR, &str);
}

/* Damaged tables are never read out of the buffer (the guard page would
 * fault), and never make a file look like Python. */
START_TEST(test_damaged_tables_stay_in_bounds)
{
	for (int d = 0; d < DMG_COUNT; d++) {
		struct elf e = elf_build(&(struct elf_spec){
		    .syms = SYMS("a", "b", "c"),
		    .needed = SYMS("libc.so.6"),
		});
		enum pyimage r;

		damage(&e, SEC_DYNSYM, (enum table_damage)d);
		damage(&e, SEC_DYNAMIC, (enum table_damage)d);
		r = scan_elf(&e);
		ck_assert_msg(r == PYIMAGE_NO_PYTHON || r == PYIMAGE_UNKNOWN,
			      "%s: %d", damage_names[d], r);
		free(e.buf);
	}
}
END_TEST

/* A table that cannot be read leaves the question open: UNKNOWN (which
 * the tracer treats as Python, failing closed), not NO_PYTHON. The file
 * has only that one table. */
START_TEST(test_unreadable_table_is_unknown)
{
	char wrong[1024] = "";
	size_t o = 0;

	/* every case is tried, and the message lists those that fail */
	for (int d = 0; d < DMG_COUNT; d++) {
		struct elf e = elf_build(&(struct elf_spec){
		    .syms = SYMS("_PyRuntime"),
		    .no_dynamic = true,
		});
		enum pyimage r;

		damage(&e, SEC_DYNSYM, (enum table_damage)d);
		r = scan_elf(&e);
		if (r != PYIMAGE_UNKNOWN && o < sizeof(wrong))
			o += (size_t)snprintf(wrong + o, sizeof(wrong) - o,
					      "; .dynsym with %s: %d",
					      damage_names[d], r);
		free(e.buf);

		e = elf_build(&(struct elf_spec){
		    .needed = SYMS("libpython3.12.so.1.0"),
		    .no_dynsym = true,
		});
		damage(&e, SEC_DYNAMIC, (enum table_damage)d);
		r = scan_elf(&e);
		if (r != PYIMAGE_UNKNOWN && o < sizeof(wrong))
			o += (size_t)snprintf(wrong + o, sizeof(wrong) - o,
					      "; .dynamic with %s: %d",
					      damage_names[d], r);
		free(e.buf);
	}
	ck_assert_msg(o == 0, "want PYIMAGE_UNKNOWN (%d)%s", PYIMAGE_UNKNOWN,
		      wrong);
}
END_TEST

START_TEST(test_string_index_out_of_range)
{
	struct elf e = elf_build(&(struct elf_spec){
	    .syms = SYMS("bad", "_PyRuntime"),
	});
	Elf64_Shdr str = shdr(&e, SEC_DYNSTR);
	Elf64_Sym s = sym(&e, 1);

	/* one bad name does not hide the next symbol */
	s.st_name = 0xffffffff;
	set_sym(&e, 1, &s);
	ck_assert_int_eq(scan_elf(&e), PYIMAGE_PYTHON);
	free(e.buf);

	/* a name just past the string table is no name */
	e = elf_build(&(struct elf_spec){.syms = SYMS("x")});
	s = sym(&e, 1);
	s.st_name = (Elf64_Word)str.sh_size;
	set_sym(&e, 1, &s);
	ck_assert_int_eq(scan_elf(&e), PYIMAGE_NO_PYTHON);
	free(e.buf);

	/* nor is a DT_NEEDED value past it */
	e = elf_build(&(struct elf_spec){
	    .needed = SYMS("libc.so.6", "libpython3.12.so.1.0"),
	    .no_dynsym = true,
	});
	{
		Elf64_Dyn d;

		memcpy(&d, e.buf + e.dynoff, sizeof(d));
		d.d_un.d_val = UINT64_MAX;
		memcpy(e.buf + e.dynoff, &d, sizeof(d));
	}
	ck_assert_int_eq(scan_elf(&e), PYIMAGE_PYTHON);
	free(e.buf);
}
END_TEST

START_TEST(test_unterminated_string_at_end)
{
	/* the string table is the last bytes of the file, and its last
	 * string has no NUL: the name must not be read past the end */
	struct elf e = elf_build(&(struct elf_spec){.syms = SYMS("x")});
	unsigned char *buf = malloc(e.len + 10);
	Elf64_Shdr str;
	Elf64_Sym s;

	ck_assert_ptr_nonnull(buf);
	memcpy(buf, e.buf, e.len);
	memcpy(buf + e.len, "_PyRuntime", 10);
	free(e.buf);
	e.buf = buf;
	str = shdr(&e, SEC_DYNSTR);
	str.sh_offset = e.len;
	str.sh_size = 10;
	set_shdr(&e, SEC_DYNSTR, &str);
	e.len += 10;
	s = sym(&e, 1);
	s.st_name = 0;
	set_sym(&e, 1, &s);
	ck_assert_int_eq(scan_elf(&e), PYIMAGE_NO_PYTHON);

	/* and with its NUL it is found */
	{
		unsigned char *nb = realloc(e.buf, e.len + 1);

		ck_assert_ptr_nonnull(nb);
		e.buf = nb;
		e.buf[e.len++] = '\0';
		str.sh_size = 11;
		set_shdr(&e, SEC_DYNSTR, &str);
		ck_assert_int_eq(scan_elf(&e), PYIMAGE_PYTHON);
	}
	free(e.buf);
}
END_TEST

/* Random damage: every result must be one of the four, with no read past
 * the end. A fixed seed keeps failures reproducible. */
START_TEST(test_random_damage)
{
	struct elf good = elf_build(&(struct elf_spec){
	    .syms = SYMS("PyList_New", "_PyRuntime", "main"),
	    .needed = SYMS("libc.so.6", "libpython3.12.so.1.0"),
	});
	unsigned char *buf = malloc(good.len);
	uint64_t state = 0x9e3779b97f4a7c15ULL;

	ck_assert_ptr_nonnull(buf);
	for (int round = 0; round < 20000; round++) {
		int flips;

		memcpy(buf, good.buf, good.len);
		state = state * 6364136223846793005ULL + 1442695040888963407ULL;
		flips = 1 + (int)((state >> 60) & 3);
		for (int f = 0; f < flips; f++) {
			size_t at;

			state = state * 6364136223846793005ULL +
				1442695040888963407ULL;
			at = (size_t)((state >> 33) % good.len);
			buf[at] = (unsigned char)(state >> 16);
		}
		/* the result is checked inside scan_guarded() */
		scan_guarded(buf, good.len);
	}
	free(buf);
	free(good.buf);
}
END_TEST

START_TEST(test_scan_fd_system_files)
{
	int fd = open("/bin/true", O_RDONLY | O_CLOEXEC);

	ck_assert_msg(fd >= 0, "cannot open /bin/true");
	ck_assert_int_eq(pyimage_scan_fd(fd), PYIMAGE_NO_PYTHON);
	close(fd);

	fd = open("/usr/bin/python3", O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		printf("check_pyimage: /usr/bin/python3 is not installed: "
		       "its check is skipped\n");
		return;
	}
	ck_assert_int_eq(pyimage_scan_fd(fd), PYIMAGE_PYTHON);
	/* again, from the cache */
	ck_assert_int_eq(pyimage_scan_fd(fd), PYIMAGE_PYTHON);
	close(fd);
}
END_TEST

START_TEST(test_scan_fd_not_files)
{
	char *dir = hm_tmpdir_make();
	int fd, pipefd[2];

	fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(pyimage_scan_fd(fd), PYIMAGE_UNKNOWN);
	close(fd);
	ck_assert_int_eq(pipe(pipefd), 0);
	ck_assert_int_eq(pyimage_scan_fd(pipefd[0]), PYIMAGE_UNKNOWN);
	close(pipefd[0]);
	close(pipefd[1]);
	ck_assert_int_eq(pyimage_scan_fd(-1), PYIMAGE_UNKNOWN);
	hm_rm_rf(dir);
}
END_TEST

static enum pyimage
scan_path(const char *path)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	enum pyimage r;

	ck_assert_msg(fd >= 0, "cannot open %s", path);
	r = pyimage_scan_fd(fd);
	close(fd);
	return r;
}

START_TEST(test_scan_fd_own_files)
{
	char *dir = hm_tmpdir_make(), *path;
	struct elf e = elf_build(&(struct elf_spec){
	    .syms = SYMS("_PyRuntime"),
	});
	struct timespec ts[2];

	path = hm_write_file(dir, "script", "#!/bin/sh\nexit 0\n", 0755);
	ck_assert_int_eq(scan_path(path), PYIMAGE_NOT_ELF);
	free(path);
	path = hm_write_file(dir, "empty", "", 0644);
	ck_assert_int_eq(scan_path(path), PYIMAGE_NOT_ELF);
	free(path);

	path = hm_write_bytes(dir, "elf", e.buf, e.len, 0755);
	ck_assert_int_eq(scan_path(path), PYIMAGE_PYTHON);
	/* rewritten with another size: the cache must not answer */
	free(hm_write_bytes(dir, "elf", "not elf", 7, 0755));
	ck_assert_int_eq(scan_path(path), PYIMAGE_NOT_ELF);
	ck_assert_int_eq(scan_path(path), PYIMAGE_NOT_ELF);
	free(hm_write_bytes(dir, "elf", e.buf, e.len, 0755));
	ck_assert_int_eq(scan_path(path), PYIMAGE_PYTHON);
	/* same inode and size, another modification time */
	e.buf[EI_CLASS] = ELFCLASS32;
	free(hm_write_bytes(dir, "elf", e.buf, e.len, 0755));
	ts[0].tv_sec = ts[1].tv_sec = 1000000000;
	ts[0].tv_nsec = ts[1].tv_nsec = 0;
	ck_assert_int_eq(utimensat(AT_FDCWD, path, ts, 0), 0);
	ck_assert_int_eq(scan_path(path), PYIMAGE_NO_PYTHON);
	free(path);
	free(e.buf);
	hm_rm_rf(dir);
}
END_TEST

static Suite *
pyimage_suite(void)
{
	Suite *s = suite_create("pyimage");
	TCase *tc = tcase_create("buffer");

	tcase_add_test(tc, test_not_elf);
	tcase_add_test(tc, test_python_by_symbol);
	tcase_add_test(tc, test_undefined_symbol);
	tcase_add_test(tc, test_python_by_needed);
	tcase_add_test(tc, test_needed_after_dt_null);
	tcase_add_test(tc, test_elf32);
	tcase_add_test(tc, test_no_tables);
	tcase_add_test(tc, test_truncated_header);
	tcase_add_test(tc, test_every_prefix);
	tcase_add_test(tc, test_section_headers_out_of_file);
	tcase_add_test(tc, test_damaged_tables_stay_in_bounds);
	tcase_add_test(tc, test_unreadable_table_is_unknown);
	tcase_add_test(tc, test_string_index_out_of_range);
	tcase_add_test(tc, test_unterminated_string_at_end);
	tcase_add_test(tc, test_random_damage);
	suite_add_tcase(s, tc);

	tc = tcase_create("file");
	tcase_add_test(tc, test_scan_fd_system_files);
	tcase_add_test(tc, test_scan_fd_not_files);
	tcase_add_test(tc, test_scan_fd_own_files);
	suite_add_tcase(s, tc);
	return s;
}

HM_SUITE_MAIN(pyimage_suite)
