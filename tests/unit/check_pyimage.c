/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * Unit tests of the CPython detector (pyimage.c). Small ELF files are
 * built with tests/lib/elf_build (a header, .dynstr, .dynsym, .dynamic
 * and the section headers) and then mutated: truncated, with offsets past
 * the end or overflowing, with string indexes out of range. Every scan of
 * a buffer runs on a copy that ends right at an inaccessible page, so a
 * read past the end kills the test instead of going unnoticed. The file
 * scanner is tried on /bin/true, /usr/bin/python3 (when installed) and
 * files of our own, and its cache on a file that changes.
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
#include "elf_build.h"
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
struct py_spec {
	const char *const *syms;   /* defined dynamic symbols, NULL-ended */
	const char *const *needed; /* DT_NEEDED names, NULL-ended */
	bool no_dynsym;		   /* make .dynsym PROGBITS */
	bool no_dynamic;	   /* make .dynamic PROGBITS */
};

/* Section indexes of a built file, in the builder's order (elf_build.h);
 * build_elf() checks that they are. */
enum {
	SEC_NULL,
	SEC_DYNSTR,
	SEC_DYNSYM,
	SEC_DYNAMIC,
	SEC_COUNT
};

/* Layout: header, .dynstr, .dynsym, .dynamic, section headers. Each name
 * of .dynsym is a defined object, in .dynamic. */
static struct elf
build_elf(const struct py_spec *spec)
{
	static const unsigned int layout[ELF_NPARTS] = {
	    [ELF_PART_DYNSTR] = SEC_DYNSTR,
	    [ELF_PART_DYNSYM] = SEC_DYNSYM,
	    [ELF_PART_DYNAMIC] = SEC_DYNAMIC,
	};
	struct elf_symdef syms[16];
	size_t nsyms = 0;
	struct elf e;
	Elf64_Shdr sh;

	for (; spec->syms && spec->syms[nsyms]; nsyms++) {
		ck_assert_uint_lt(nsyms, HM_ARRAY_SIZE(syms));
		syms[nsyms].name = spec->syms[nsyms];
		syms[nsyms].value = 0x4000 + 16 * nsyms;
		syms[nsyms].shndx = SEC_DYNAMIC;
	}
	e = elf_build(&(struct elf_spec){
	    .dynsym = syms,
	    .ndynsym = nsyms,
	    .dynamic = true,
	    .needed = spec->needed,
	});
	elf_assert_layout(&e, layout, SEC_COUNT);
	if (spec->no_dynsym) {
		sh = elf_shdr(&e, SEC_DYNSYM);
		sh.sh_type = SHT_PROGBITS;
		elf_set_shdr(&e, SEC_DYNSYM, &sh);
	}
	if (spec->no_dynamic) {
		sh = elf_shdr(&e, SEC_DYNAMIC);
		sh.sh_type = SHT_PROGBITS;
		elf_set_shdr(&e, SEC_DYNAMIC, &sh);
	}
	return e;
}

#define SYMS(...) ((const char *const[]){__VA_ARGS__, NULL})

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
	struct elf e = build_elf(&(struct py_spec){
	    .syms = SYMS("PyList_New", "_PyRuntime"),
	    .needed = SYMS("libc.so.6"),
	});

	ck_assert_int_eq(scan_elf(&e), PYIMAGE_PYTHON);
	free(e.buf);

	e = build_elf(&(struct py_spec){.syms = SYMS("Py_Version")});
	ck_assert_int_eq(scan_elf(&e), PYIMAGE_PYTHON);
	free(e.buf);

	/* the whole name only */
	e = build_elf(&(struct py_spec){
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
	struct elf e = build_elf(&(struct py_spec){
	    .syms = SYMS("_PyRuntime"),
	    .needed = SYMS("libc.so.6"),
	});
	Elf64_Sym s = elf_sym(&e, ELF_PART_DYNSYM, 1);

	s.st_shndx = SHN_UNDEF;
	elf_set_sym(&e, ELF_PART_DYNSYM, 1, &s);
	ck_assert_int_eq(scan_elf(&e), PYIMAGE_NO_PYTHON);
	free(e.buf);
}
END_TEST

START_TEST(test_python_by_needed)
{
	struct elf e = build_elf(&(struct py_spec){
	    .syms = SYMS("main"),
	    .needed = SYMS("libm.so.6", "libpython3.12.so.1.0", "libc.so.6"),
	});

	ck_assert_int_eq(scan_elf(&e), PYIMAGE_PYTHON);
	free(e.buf);

	e = build_elf(&(struct py_spec){
	    .needed = SYMS("libpython3.so"),
	    .no_dynsym = true,
	});
	ck_assert_int_eq(scan_elf(&e), PYIMAGE_PYTHON);
	free(e.buf);

	e = build_elf(&(struct py_spec){
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
	struct elf e = build_elf(&(struct py_spec){
	    .needed = SYMS("libc.so.6", "libpython3.11.so.1.0"),
	    .no_dynsym = true,
	});
	Elf64_Dyn end;

	/* DT_NULL ends the table: what follows is not an entry */
	memset(&end, 0, sizeof(end));
	memcpy(e.buf + e.off[ELF_PART_DYNAMIC] + sizeof(end), &end,
	       sizeof(end));
	ck_assert_int_eq(scan_elf(&e), PYIMAGE_NO_PYTHON);
	free(e.buf);
}
END_TEST

START_TEST(test_elf32)
{
	struct elf e = build_elf(&(struct py_spec){
	    .syms = SYMS("_PyRuntime"),
	    .needed = SYMS("libpython3.12.so.1.0"),
	});
	Elf64_Ehdr eh = elf_ehdr(&e);

	eh.e_ident[EI_CLASS] = ELFCLASS32;
	elf_set_ehdr(&e, &eh);
	/* a 32-bit program is a foreign ABI here, denied on its own */
	ck_assert_int_eq(scan_elf(&e), PYIMAGE_NO_PYTHON);
	free(e.buf);
}
END_TEST

START_TEST(test_no_tables)
{
	struct elf e = build_elf(&(struct py_spec){
	    .syms = SYMS("_PyRuntime"),
	    .no_dynsym = true,
	    .no_dynamic = true,
	});
	Elf64_Ehdr eh;

	/* a static binary: neither table, so no way to tell */
	ck_assert_int_eq(scan_elf(&e), PYIMAGE_UNKNOWN);
	free(e.buf);

	/* no section headers at all */
	e = build_elf(&(struct py_spec){.syms = SYMS("_PyRuntime")});
	eh = elf_ehdr(&e);
	eh.e_shnum = 0;
	eh.e_shoff = 0;
	elf_set_ehdr(&e, &eh);
	ck_assert_int_eq(scan_elf(&e), PYIMAGE_UNKNOWN);
	free(e.buf);

	/* section headers of a size this reader does not know */
	e = build_elf(&(struct py_spec){.syms = SYMS("_PyRuntime")});
	eh = elf_ehdr(&e);
	eh.e_shentsize = sizeof(Elf32_Shdr);
	elf_set_ehdr(&e, &eh);
	ck_assert_int_eq(scan_elf(&e), PYIMAGE_UNKNOWN);
	free(e.buf);
}
END_TEST

START_TEST(test_truncated_header)
{
	struct elf e = build_elf(&(struct py_spec){
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
	struct elf e = build_elf(&(struct py_spec){
	    .syms = SYMS("_PyRuntime"),
	    .needed = SYMS("libpython3.12.so.1.0"),
	});
	size_t dynsym_end =
	    elf_ehdr(&e).e_shoff + (SEC_DYNSYM + 1) * sizeof(Elf64_Shdr);

	for (size_t len = sizeof(Elf64_Ehdr); len <= e.len; len++)
		ck_assert_msg(
		    scan_guarded(e.buf, len) ==
			(len < dynsym_end ? PYIMAGE_UNKNOWN : PYIMAGE_PYTHON),
		    "len %zu of %zu", len, e.len);
	free(e.buf);

	/* with Python only in .dynamic, every prefix is unknown */
	e = build_elf(&(struct py_spec){
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
		struct elf e = build_elf(&(struct py_spec){
		    .syms = SYMS("_PyRuntime"),
		});
		Elf64_Ehdr eh = elf_ehdr(&e);

		eh.e_shoff = i == 0 ? e.len : i == 1 ? e.len - 1 : shoffs[i];
		elf_set_ehdr(&e, &eh);
		ck_assert_msg(scan_elf(&e) == PYIMAGE_UNKNOWN, "e_shoff %#llx",
			      (unsigned long long)eh.e_shoff);
		free(e.buf);
	}

	/* more headers than the file holds */
	{
		struct elf e = build_elf(&(struct py_spec){
		    .needed = SYMS("libc.so.6"),
		});
		Elf64_Ehdr eh = elf_ehdr(&e);

		eh.e_shnum = 0xffff;
		elf_set_ehdr(&e, &eh);
		ck_assert_int_eq(scan_elf(&e), PYIMAGE_UNKNOWN);
		free(e.buf);
	}
}
END_TEST

/* The ways a table's header can point outside the file. */
static const enum elf_damage damages[] = {
    ELF_DMG_OFFSET_PAST_END, ELF_DMG_SIZE_OVERFLOWS,   ELF_DMG_SIZE_PAST_END,
    ELF_DMG_LINK_RESERVED,   ELF_DMG_STRTAB_OVERFLOWS, ELF_DMG_STRTAB_PAST_END,
    ELF_DMG_ENTSIZE_ZERO};

/* Damaged tables are never read out of the buffer (the guard page would
 * fault), and never make a file look like Python. */
START_TEST(test_damaged_tables_stay_in_bounds)
{
	for (size_t d = 0; d < HM_ARRAY_SIZE(damages); d++) {
		struct elf e = build_elf(&(struct py_spec){
		    .syms = SYMS("a", "b", "c"),
		    .needed = SYMS("libc.so.6"),
		});
		enum pyimage r;

		elf_damage_table(&e, SEC_DYNSYM, damages[d]);
		elf_damage_table(&e, SEC_DYNAMIC, damages[d]);
		r = scan_elf(&e);
		ck_assert_msg(r == PYIMAGE_NO_PYTHON || r == PYIMAGE_UNKNOWN,
			      "%s: %d", elf_damage_name(damages[d]), r);
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
	for (size_t d = 0; d < HM_ARRAY_SIZE(damages); d++) {
		struct elf e = build_elf(&(struct py_spec){
		    .syms = SYMS("_PyRuntime"),
		    .no_dynamic = true,
		});
		enum pyimage r;

		elf_damage_table(&e, SEC_DYNSYM, damages[d]);
		r = scan_elf(&e);
		if (r != PYIMAGE_UNKNOWN && o < sizeof(wrong))
			o += (size_t)snprintf(wrong + o, sizeof(wrong) - o,
					      "; .dynsym with %s: %d",
					      elf_damage_name(damages[d]), r);
		free(e.buf);

		e = build_elf(&(struct py_spec){
		    .needed = SYMS("libpython3.12.so.1.0"),
		    .no_dynsym = true,
		});
		elf_damage_table(&e, SEC_DYNAMIC, damages[d]);
		r = scan_elf(&e);
		if (r != PYIMAGE_UNKNOWN && o < sizeof(wrong))
			o += (size_t)snprintf(wrong + o, sizeof(wrong) - o,
					      "; .dynamic with %s: %d",
					      elf_damage_name(damages[d]), r);
		free(e.buf);
	}
	ck_assert_msg(o == 0, "want PYIMAGE_UNKNOWN (%d)%s", PYIMAGE_UNKNOWN,
		      wrong);
}
END_TEST

START_TEST(test_string_index_out_of_range)
{
	struct elf e = build_elf(&(struct py_spec){
	    .syms = SYMS("bad", "_PyRuntime"),
	});
	Elf64_Shdr str = elf_shdr(&e, SEC_DYNSTR);
	Elf64_Sym s = elf_sym(&e, ELF_PART_DYNSYM, 1);

	/* one bad name does not hide the next symbol */
	s.st_name = 0xffffffff;
	elf_set_sym(&e, ELF_PART_DYNSYM, 1, &s);
	ck_assert_int_eq(scan_elf(&e), PYIMAGE_PYTHON);
	free(e.buf);

	/* a name just past the string table is no name */
	e = build_elf(&(struct py_spec){.syms = SYMS("x")});
	s = elf_sym(&e, ELF_PART_DYNSYM, 1);
	s.st_name = (Elf64_Word)str.sh_size;
	elf_set_sym(&e, ELF_PART_DYNSYM, 1, &s);
	ck_assert_int_eq(scan_elf(&e), PYIMAGE_NO_PYTHON);
	free(e.buf);

	/* nor is a DT_NEEDED value past it */
	e = build_elf(&(struct py_spec){
	    .needed = SYMS("libc.so.6", "libpython3.12.so.1.0"),
	    .no_dynsym = true,
	});
	{
		Elf64_Dyn d;

		memcpy(&d, e.buf + e.off[ELF_PART_DYNAMIC], sizeof(d));
		d.d_un.d_val = UINT64_MAX;
		memcpy(e.buf + e.off[ELF_PART_DYNAMIC], &d, sizeof(d));
	}
	ck_assert_int_eq(scan_elf(&e), PYIMAGE_PYTHON);
	free(e.buf);
}
END_TEST

START_TEST(test_unterminated_string_at_end)
{
	/* the string table is the last bytes of the file, and its last
	 * string has no NUL: the name must not be read past the end */
	struct elf e = build_elf(&(struct py_spec){.syms = SYMS("x")});
	unsigned char *buf = malloc(e.len + 10);
	Elf64_Shdr str;
	Elf64_Sym s;

	ck_assert_ptr_nonnull(buf);
	memcpy(buf, e.buf, e.len);
	memcpy(buf + e.len, "_PyRuntime", 10);
	free(e.buf);
	e.buf = buf;
	str = elf_shdr(&e, SEC_DYNSTR);
	str.sh_offset = e.len;
	str.sh_size = 10;
	elf_set_shdr(&e, SEC_DYNSTR, &str);
	e.len += 10;
	s = elf_sym(&e, ELF_PART_DYNSYM, 1);
	s.st_name = 0;
	elf_set_sym(&e, ELF_PART_DYNSYM, 1, &s);
	ck_assert_int_eq(scan_elf(&e), PYIMAGE_NO_PYTHON);

	/* and with its NUL it is found */
	{
		unsigned char *nb = realloc(e.buf, e.len + 1);

		ck_assert_ptr_nonnull(nb);
		e.buf = nb;
		e.buf[e.len++] = '\0';
		str.sh_size = 11;
		elf_set_shdr(&e, SEC_DYNSTR, &str);
		ck_assert_int_eq(scan_elf(&e), PYIMAGE_PYTHON);
	}
	free(e.buf);
}
END_TEST

/* Random damage: every result must be one of the four, with no read past
 * the end. A fixed seed keeps failures reproducible. */
START_TEST(test_random_damage)
{
	struct elf good = build_elf(&(struct py_spec){
	    .syms = SYMS("PyList_New", "_PyRuntime", "main"),
	    .needed = SYMS("libc.so.6", "libpython3.12.so.1.0"),
	});
	struct elf_fuzz fuzz = {.state = 0x9e3779b97f4a7c15ULL, .max_flips = 4};
	unsigned char *buf = malloc(good.len);

	ck_assert_ptr_nonnull(buf);
	for (int round = 0; round < 20000; round++) {
		elf_fuzz_round(&fuzz, buf, good.buf, good.len);
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
	struct elf e = build_elf(&(struct py_spec){
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
