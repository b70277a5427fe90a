/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * A builder of small synthetic 64-bit little-endian ELF files, for the
 * tests of the code that parses them (elfread, pyimage), and the
 * read-modify-write accessors and the random damage those tests use to
 * break a built file.
 *
 * Who owns what: the spec (the test) says what the file holds (program
 * headers, the symbols of .dynsym and .symtab, the DT_NEEDED names, a data
 * section) and which optional sections it has. The builder owns the
 * layout: the sections always come in the order of enum elf_part, the
 * absent ones left out, so a test can rely on fixed section indexes (and
 * check them with elf_assert_layout()), each at the file offset the
 * builder chose: the ELF header, the program headers, then the section
 * contents in index order, the section headers last. The caller owns the
 * returned buffer (free(3) e.buf, or realloc(3) it); nothing of the spec
 * is kept.
 */
#ifndef HERMETIC_ELF_BUILD_H
#define HERMETIC_ELF_BUILD_H

#include <elf.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * The sections a built file can have, in the order they have in it: after
 * the null section, .dynstr and .dynsym (always there), .strtab and
 * .symtab, .dynamic, the data section and .shstrtab (each when the spec
 * asks for it).
 */
enum elf_part {
	ELF_PART_DYNSTR,
	ELF_PART_DYNSYM,
	ELF_PART_STRTAB,
	ELF_PART_SYMTAB,
	ELF_PART_DYNAMIC,
	ELF_PART_DATA,
	ELF_PART_SHSTRTAB,
	ELF_NPARTS
};

/*
 * A symbol of .dynsym or .symtab: a global object of 8 bytes at "value",
 * defined in section "shndx" (SHN_UNDEF: an imported symbol).
 */
struct elf_symdef {
	const char *name;
	uint64_t value;
	uint16_t shndx;
};

/* A PROGBITS section of "size" bytes that start with "nbytes" (at most
 * "size") of "bytes", the rest 0. */
struct elf_data {
	const char *name;
	uint64_t addr;
	uint64_t size;
	uint64_t align; /* sh_addralign */
	const void *bytes;
	size_t nbytes;
};

/* What a built file holds. */
struct elf_spec {
	const Elf64_Phdr *phdrs; /* right after the ELF header */
	size_t nphdrs;
	const struct elf_symdef *dynsym; /* after the null symbol */
	size_t ndynsym;
	const struct elf_symdef *symtab; /* non-NULL: .strtab and .symtab */
	size_t nsymtab;
	bool dynamic; /* .dynamic: the DT_NEEDED entries, DT_NULL */
	const char *const *needed;   /* DT_NEEDED names, NULL-ended */
	const struct elf_data *data; /* non-NULL: a data section */
	bool shstrtab; /* .shstrtab; without it every sh_name is 0 and
			  e_shstrndx SHN_UNDEF */
};

/* A built file. */
struct elf {
	unsigned char *buf;
	size_t len;
	size_t shoff;			/* file offset of the section headers */
	unsigned int shnum;		/* how many there are */
	unsigned int shndx[ELF_NPARTS]; /* the index of each part, 0: absent */
	size_t off[ELF_NPARTS];		/* and its file offset */
};

/*
 * Build the file "spec" describes. .dynstr holds the names of .dynsym,
 * then the DT_NEEDED names; .strtab those of .symtab; .shstrtab the
 * section names. The sections of symbols and of .dynamic start 8-aligned,
 * the string tables and the data section right after what precedes them.
 * Fails the running test when out of memory or when the spec asks for
 * DT_NEEDED entries without .dynamic.
 */
struct elf elf_build(const struct elf_spec *spec);

/*
 * Fail the running test unless "e" has "shnum" sections and each part at
 * the index "want" gives (0 for a part it must not have): how a test that
 * names section indexes checks that they are still the builder's.
 */
void elf_assert_layout(const struct elf *e, const unsigned int want[ELF_NPARTS],
		       unsigned int shnum);

/*
 * Copies in and out of a built file. The section and program headers are
 * found where the builder put them (not where a damaged ELF header says),
 * the symbols at the offset of the part "table" (ELF_PART_DYNSYM or
 * ELF_PART_SYMTAB), symbol 0 being the null one.
 */
Elf64_Ehdr elf_ehdr(const struct elf *e);
void elf_set_ehdr(struct elf *e, const Elf64_Ehdr *eh);
Elf64_Shdr elf_shdr(const struct elf *e, unsigned int i);
void elf_set_shdr(struct elf *e, unsigned int i, const Elf64_Shdr *sh);
Elf64_Phdr elf_phdr(const struct elf *e, unsigned int i);
void elf_set_phdr(struct elf *e, unsigned int i, const Elf64_Phdr *ph);
Elf64_Sym elf_sym(const struct elf *e, enum elf_part table, unsigned int i);
void elf_set_sym(struct elf *e, enum elf_part table, unsigned int i,
		 const Elf64_Sym *s);

/*
 * What can be done to the section header of a table (.dynsym, .symtab,
 * .dynamic) or to that of its string table (the section its sh_link
 * names), to make it point outside the file or be otherwise unusable. A
 * test lists those it tries.
 */
enum elf_damage {
	ELF_DMG_OFFSET_PAST_END,  /* sh_offset 8 bytes past the end */
	ELF_DMG_SIZE_PAST_END,	  /* sh_size one entry past the end */
	ELF_DMG_SIZE_OVERFLOWS,	  /* sh_offset + sh_size wraps to one entry */
	ELF_DMG_LINK_PAST_LAST,	  /* sh_link the section count + 10 */
	ELF_DMG_LINK_RESERVED,	  /* sh_link 0xfff0, a reserved index */
	ELF_DMG_ENTSIZE_ZERO,	  /* sh_entsize 0 */
	ELF_DMG_ENTSIZE_LARGER,	  /* sh_entsize 8 more than an entry */
	ELF_DMG_STRTAB_PAST_END,  /* the string table 2 bytes before the end */
	ELF_DMG_STRTAB_OVERFLOWS, /* its sh_offset + sh_size wraps to 1 */
	ELF_NDAMAGES
};

/*
 * Apply "d" to section "sec" of "e", whose sh_link must still name a
 * section of the file (fails the running test otherwise).
 */
void elf_damage_table(struct elf *e, unsigned int sec, enum elf_damage d);

/* What "d" does, for messages. */
const char *elf_damage_name(enum elf_damage d);

/*
 * Random damage, reproducible from its seed: each round makes 1 to
 * "max_flips" writes of a random byte at a random offset. When "hot" is
 * not 0, half of the writes go to the first "hot" bytes (where the headers
 * are); a write that falls in the first "keep" bytes is dropped.
 */
struct elf_fuzz {
	uint64_t state; /* the seed, then the generator's state */
	unsigned int max_flips;
	size_t hot;
	size_t keep;
};

/* The next round of "f": the "len" bytes of "good", damaged, in "buf". */
void elf_fuzz_round(struct elf_fuzz *f, unsigned char *buf,
		    const unsigned char *good, size_t len);

#endif
