/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * The builder of synthetic ELF files of the elfread and pyimage tests. A
 * file is laid out first (every offset and size computed in one place),
 * then written into a buffer of that size.
 * What goes wrong here (no memory, a spec that contradicts itself) fails
 * the running test: a builder that guessed would let a test pass on a
 * file other than the one it describes.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "elf_build.h"

/* The names of the sections; the data section's comes from the spec. */
static const char *const part_names[ELF_NPARTS] = {
    [ELF_PART_DYNSTR] = ".dynstr",     [ELF_PART_DYNSYM] = ".dynsym",
    [ELF_PART_STRTAB] = ".strtab",     [ELF_PART_SYMTAB] = ".symtab",
    [ELF_PART_DYNAMIC] = ".dynamic",   [ELF_PART_DATA] = NULL,
    [ELF_PART_SHSTRTAB] = ".shstrtab",
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

static void *
alloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size);

	ck_assert_ptr_nonnull(p);
	return p;
}

/* The size of the string table of "names": a NUL, then each name and
 * its NUL. */
static size_t
strtab_size(const char *const *names, size_t n)
{
	size_t size = 1;

	for (size_t i = 0; i < n; i++)
		size += strlen(names[i]) + 1;
	return size;
}

/* Write that string table at "off" of "buf"; "at" gets the offset of each
 * name in it. */
static void
put_strtab(unsigned char *buf, size_t off, const char *const *names, size_t n,
	   uint32_t *at)
{
	size_t o = 1;

	buf[off] = '\0';
	for (size_t i = 0; i < n; i++) {
		size_t len = strlen(names[i]) + 1;

		at[i] = (uint32_t)o;
		memcpy(buf + off + o, names[i], len);
		o += len;
	}
}

/* The null symbol, then "s", their names at the offsets "names". */
static void
put_syms(unsigned char *buf, size_t off, const struct elf_symdef *s, size_t n,
	 const uint32_t *names)
{
	Elf64_Sym sym;

	memset(&sym, 0, sizeof(sym));
	memcpy(buf + off, &sym, sizeof(sym));
	for (size_t i = 0; i < n; i++) {
		memset(&sym, 0, sizeof(sym));
		sym.st_name = names[i];
		sym.st_info = ELF64_ST_INFO(STB_GLOBAL, STT_OBJECT);
		sym.st_shndx = s[i].shndx;
		sym.st_value = s[i].value;
		sym.st_size = 8;
		memcpy(buf + off + (i + 1) * sizeof(sym), &sym, sizeof(sym));
	}
}

/* A DT_NEEDED entry for each name at the offsets "names", then DT_NULL. */
static void
put_dynamic(unsigned char *buf, size_t off, const uint32_t *names, size_t n)
{
	Elf64_Dyn d;

	for (size_t i = 0; i <= n; i++) {
		memset(&d, 0, sizeof(d));
		if (i < n) {
			d.d_tag = DT_NEEDED;
			d.d_un.d_val = names[i];
		}
		memcpy(buf + off + i * sizeof(d), &d, sizeof(d));
	}
}

/* Where the parts of a file go, while it is laid out. */
struct layout {
	struct elf *e;
	size_t pos; /* the end of what is laid out */
	size_t size[ELF_NPARTS];
};

/* Lay part "p", of "size" bytes, out next (8-aligned when "align"). */
static void
place(struct layout *l, enum elf_part p, size_t size, bool align)
{
	if (align)
		l->pos = align8(l->pos);
	l->e->off[p] = l->pos;
	l->size[p] = size;
	l->pos += size;
}

/* The section header of each part "e" has, named at "name_at" (or not
 * named). */
static void
put_shdrs(struct elf *e, const struct elf_spec *spec,
	  const size_t size[ELF_NPARTS], const uint32_t *name_at)
{
	Elf64_Shdr *sh = alloc(e->shnum, sizeof(*sh));

	for (int p = 0, k = 0; p < ELF_NPARTS; p++) {
		Elf64_Shdr *s = &sh[e->shndx[p]];

		if (e->shndx[p] == 0)
			continue;
		s->sh_name = name_at ? name_at[k++] : 0;
		s->sh_offset = e->off[p];
		s->sh_size = size[p];
		switch ((enum elf_part)p) {
		case ELF_PART_DYNSTR:
		case ELF_PART_STRTAB:
		case ELF_PART_SHSTRTAB:
			s->sh_type = SHT_STRTAB;
			break;
		case ELF_PART_DYNSYM:
		case ELF_PART_SYMTAB:
			s->sh_type =
			    p == ELF_PART_DYNSYM ? SHT_DYNSYM : SHT_SYMTAB;
			s->sh_link =
			    e->shndx[p == ELF_PART_DYNSYM ? ELF_PART_DYNSTR
							  : ELF_PART_STRTAB];
			s->sh_info = 1; /* the null symbol is the only local */
			s->sh_entsize = sizeof(Elf64_Sym);
			break;
		case ELF_PART_DYNAMIC:
			s->sh_type = SHT_DYNAMIC;
			s->sh_link = e->shndx[ELF_PART_DYNSTR];
			s->sh_entsize = sizeof(Elf64_Dyn);
			break;
		case ELF_PART_DATA:
			s->sh_type = SHT_PROGBITS;
			s->sh_addr = spec->data->addr;
			s->sh_addralign = spec->data->align;
			break;
		case ELF_NPARTS:
			break;
		}
	}
	memcpy(e->buf + e->shoff, sh, e->shnum * sizeof(*sh));
	free(sh);
}

static void
put_ehdr(struct elf *e, const struct elf_spec *spec)
{
	Elf64_Ehdr eh;

	memset(&eh, 0, sizeof(eh));
	memcpy(eh.e_ident, ELFMAG, SELFMAG);
	eh.e_ident[EI_CLASS] = ELFCLASS64;
	eh.e_ident[EI_DATA] = ELFDATA2LSB;
	eh.e_ident[EI_VERSION] = EV_CURRENT;
	eh.e_type = ET_DYN;
	eh.e_machine = EM_X86_64;
	eh.e_version = EV_CURRENT;
	eh.e_ehsize = sizeof(eh);
	if (spec->nphdrs) {
		eh.e_phoff = sizeof(eh);
		eh.e_phentsize = sizeof(Elf64_Phdr);
		eh.e_phnum = (Elf64_Half)spec->nphdrs;
	}
	eh.e_shoff = e->shoff;
	eh.e_shentsize = sizeof(Elf64_Shdr);
	eh.e_shnum = (Elf64_Half)e->shnum;
	eh.e_shstrndx = (Elf64_Half)e->shndx[ELF_PART_SHSTRTAB];
	memcpy(e->buf, &eh, sizeof(eh));
}

struct elf
elf_build(const struct elf_spec *spec)
{
	const bool present[ELF_NPARTS] = {
	    [ELF_PART_DYNSTR] = true,
	    [ELF_PART_DYNSYM] = true,
	    [ELF_PART_STRTAB] = spec->symtab != NULL,
	    [ELF_PART_SYMTAB] = spec->symtab != NULL,
	    [ELF_PART_DYNAMIC] = spec->dynamic,
	    [ELF_PART_DATA] = spec->data != NULL,
	    [ELF_PART_SHSTRTAB] = spec->shstrtab,
	};
	const size_t nneeded = count(spec->needed);
	const size_t ndyn = spec->ndynsym,
		     ntab = spec->symtab ? spec->nsymtab : 0;
	const char **dyn_names = alloc(ndyn + nneeded, sizeof(char *));
	const char **tab_names = alloc(ntab, sizeof(char *));
	uint32_t *dyn_at = alloc(ndyn + nneeded, sizeof(uint32_t));
	uint32_t *tab_at = alloc(ntab, sizeof(uint32_t));
	const char *sec_names[ELF_NPARTS];
	uint32_t sec_at[ELF_NPARTS];
	size_t nsec = 0;
	struct layout l;
	struct elf e;

	ck_assert_msg(spec->dynamic || nneeded == 0,
		      "DT_NEEDED names but no .dynamic");
	memset(&e, 0, sizeof(e));
	memset(&l, 0, sizeof(l));
	e.shnum = 1; /* the null section */
	for (int p = 0; p < ELF_NPARTS; p++) {
		if (!present[p])
			continue;
		e.shndx[p] = e.shnum++;
		sec_names[nsec++] =
		    p == ELF_PART_DATA ? spec->data->name : part_names[p];
	}
	for (size_t i = 0; i < ndyn; i++)
		dyn_names[i] = spec->dynsym[i].name;
	for (size_t i = 0; i < nneeded; i++)
		dyn_names[ndyn + i] = spec->needed[i];
	for (size_t i = 0; i < ntab; i++)
		tab_names[i] = spec->symtab[i].name;

	l.e = &e;
	l.pos = sizeof(Elf64_Ehdr) + spec->nphdrs * sizeof(Elf64_Phdr);
	place(&l, ELF_PART_DYNSTR, strtab_size(dyn_names, ndyn + nneeded),
	      false);
	place(&l, ELF_PART_DYNSYM, (ndyn + 1) * sizeof(Elf64_Sym), true);
	if (present[ELF_PART_SYMTAB]) {
		place(&l, ELF_PART_STRTAB, strtab_size(tab_names, ntab), false);
		place(&l, ELF_PART_SYMTAB, (ntab + 1) * sizeof(Elf64_Sym),
		      true);
	}
	if (present[ELF_PART_DYNAMIC])
		place(&l, ELF_PART_DYNAMIC, (nneeded + 1) * sizeof(Elf64_Dyn),
		      true);
	if (present[ELF_PART_DATA]) {
		ck_assert_uint_le(spec->data->nbytes, spec->data->size);
		place(&l, ELF_PART_DATA, spec->data->size, false);
	}
	if (present[ELF_PART_SHSTRTAB])
		place(&l, ELF_PART_SHSTRTAB, strtab_size(sec_names, nsec),
		      false);
	e.shoff = align8(l.pos);
	e.len = e.shoff + e.shnum * sizeof(Elf64_Shdr);
	e.buf = alloc(1, e.len);

	put_strtab(e.buf, e.off[ELF_PART_DYNSTR], dyn_names, ndyn + nneeded,
		   dyn_at);
	put_syms(e.buf, e.off[ELF_PART_DYNSYM], spec->dynsym, ndyn, dyn_at);
	if (present[ELF_PART_SYMTAB]) {
		put_strtab(e.buf, e.off[ELF_PART_STRTAB], tab_names, ntab,
			   tab_at);
		put_syms(e.buf, e.off[ELF_PART_SYMTAB], spec->symtab, ntab,
			 tab_at);
	}
	if (present[ELF_PART_DYNAMIC])
		put_dynamic(e.buf, e.off[ELF_PART_DYNAMIC], dyn_at + ndyn,
			    nneeded);
	if (present[ELF_PART_DATA] && spec->data->nbytes)
		memcpy(e.buf + e.off[ELF_PART_DATA], spec->data->bytes,
		       spec->data->nbytes);
	if (present[ELF_PART_SHSTRTAB])
		put_strtab(e.buf, e.off[ELF_PART_SHSTRTAB], sec_names, nsec,
			   sec_at);
	put_shdrs(&e, spec, l.size, spec->shstrtab ? sec_at : NULL);
	if (spec->nphdrs)
		memcpy(e.buf + sizeof(Elf64_Ehdr), spec->phdrs,
		       spec->nphdrs * sizeof(Elf64_Phdr));
	put_ehdr(&e, spec);
	free(dyn_names);
	free(tab_names);
	free(dyn_at);
	free(tab_at);
	return e;
}

void
elf_assert_layout(const struct elf *e, const unsigned int want[ELF_NPARTS],
		  unsigned int shnum)
{
	if (e->shnum != shnum)
		ck_abort_msg("%u sections, not %u", e->shnum, shnum);
	for (int p = 0; p < ELF_NPARTS; p++)
		if (e->shndx[p] != want[p])
			ck_abort_msg("%s is section %u, not %u",
				     p == ELF_PART_DATA ? "the data section"
							: part_names[p],
				     e->shndx[p], want[p]);
}

Elf64_Ehdr
elf_ehdr(const struct elf *e)
{
	Elf64_Ehdr eh;

	memcpy(&eh, e->buf, sizeof(eh));
	return eh;
}

void
elf_set_ehdr(struct elf *e, const Elf64_Ehdr *eh)
{
	memcpy(e->buf, eh, sizeof(*eh));
}

Elf64_Shdr
elf_shdr(const struct elf *e, unsigned int i)
{
	Elf64_Shdr sh;

	memcpy(&sh, e->buf + e->shoff + i * sizeof(sh), sizeof(sh));
	return sh;
}

void
elf_set_shdr(struct elf *e, unsigned int i, const Elf64_Shdr *sh)
{
	memcpy(e->buf + e->shoff + i * sizeof(*sh), sh, sizeof(*sh));
}

Elf64_Phdr
elf_phdr(const struct elf *e, unsigned int i)
{
	Elf64_Phdr ph;

	memcpy(&ph, e->buf + sizeof(Elf64_Ehdr) + i * sizeof(ph), sizeof(ph));
	return ph;
}

void
elf_set_phdr(struct elf *e, unsigned int i, const Elf64_Phdr *ph)
{
	memcpy(e->buf + sizeof(Elf64_Ehdr) + i * sizeof(*ph), ph, sizeof(*ph));
}

Elf64_Sym
elf_sym(const struct elf *e, enum elf_part table, unsigned int i)
{
	Elf64_Sym s;

	memcpy(&s, e->buf + e->off[table] + i * sizeof(s), sizeof(s));
	return s;
}

void
elf_set_sym(struct elf *e, enum elf_part table, unsigned int i,
	    const Elf64_Sym *s)
{
	memcpy(e->buf + e->off[table] + i * sizeof(*s), s, sizeof(*s));
}

void
elf_damage_table(struct elf *e, unsigned int sec, enum elf_damage d)
{
	Elf64_Shdr sh = elf_shdr(e, sec), str;
	unsigned int strsec = sh.sh_link;

	if (strsec >= e->shnum)
		ck_abort_msg("section %u links to %u, not a section", sec,
			     strsec);
	str = elf_shdr(e, strsec);
	switch (d) {
	case ELF_DMG_OFFSET_PAST_END:
		sh.sh_offset = e->len + 8;
		break;
	case ELF_DMG_SIZE_PAST_END:
		sh.sh_size = e->len - sh.sh_offset + sh.sh_entsize;
		break;
	case ELF_DMG_SIZE_OVERFLOWS:
		sh.sh_size = UINT64_MAX - sh.sh_offset + 1 + sh.sh_entsize;
		break;
	case ELF_DMG_LINK_PAST_LAST:
		sh.sh_link = e->shnum + 10;
		break;
	case ELF_DMG_LINK_RESERVED:
		sh.sh_link = 0xfff0;
		break;
	case ELF_DMG_ENTSIZE_ZERO:
		sh.sh_entsize = 0;
		break;
	case ELF_DMG_ENTSIZE_LARGER:
		sh.sh_entsize += 8;
		break;
	case ELF_DMG_STRTAB_PAST_END:
		str.sh_offset = e->len - 2;
		break;
	case ELF_DMG_STRTAB_OVERFLOWS:
		str.sh_size = UINT64_MAX - str.sh_offset + 2;
		break;
	case ELF_NDAMAGES:
		ck_abort_msg("no damage %d", (int)d);
	}
	elf_set_shdr(e, sec, &sh);
	elf_set_shdr(e, strsec, &str);
}

const char *
elf_damage_name(enum elf_damage d)
{
	static const char *const names[ELF_NDAMAGES] = {
	    [ELF_DMG_OFFSET_PAST_END] = "sh_offset past the end",
	    [ELF_DMG_SIZE_PAST_END] = "sh_size past the end",
	    [ELF_DMG_SIZE_OVERFLOWS] = "sh_offset + sh_size overflowing",
	    [ELF_DMG_LINK_PAST_LAST] = "sh_link past the last section",
	    [ELF_DMG_LINK_RESERVED] = "sh_link a reserved index",
	    [ELF_DMG_ENTSIZE_ZERO] = "sh_entsize 0",
	    [ELF_DMG_ENTSIZE_LARGER] = "sh_entsize larger than an entry",
	    [ELF_DMG_STRTAB_PAST_END] = "string table past the end",
	    [ELF_DMG_STRTAB_OVERFLOWS] =
		"string table offset + size overflowing",
	};

	return (unsigned int)d < ELF_NDAMAGES ? names[d] : "?";
}

/* Knuth's MMIX linear congruential generator. */
static uint64_t
next_random(uint64_t *state)
{
	*state = *state * 6364136223846793005ULL + 1442695040888963407ULL;
	return *state;
}

void
elf_fuzz_round(struct elf_fuzz *f, unsigned char *buf,
	       const unsigned char *good, size_t len)
{
	unsigned int flips;

	memcpy(buf, good, len);
	flips =
	    1 + (unsigned int)((next_random(&f->state) >> 60) % f->max_flips);
	for (unsigned int i = 0; i < flips; i++) {
		uint64_t r = next_random(&f->state);
		size_t at;

		if (f->hot && (r & (1ULL << 40)))
			at = (size_t)((r >> 33) % f->hot);
		else
			at = (size_t)((r >> 33) % len);
		if (at < f->keep)
			continue;
		buf[at] = (unsigned char)(r >> 16);
	}
}
