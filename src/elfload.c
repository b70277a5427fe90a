/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * The sparse loader.
 */
#include "config.h"

#include <errno.h>
#include <sys/mman.h>
#include <unistd.h>

#include "elfload.h"

static void
fill(struct elf_sparse *sp, uint64_t off, uint64_t len)
{
	size_t done = 0;

	if (off > sp->size || len > sp->size - off)
		return;
	while (done < len) {
		ssize_t r = pread(sp->fd, sp->buf + off + done, len - done,
				  (off_t)(off + done));

		if (r <= 0)
			return; /* zeros stay: the parse sees garbage */
		done += (size_t)r;
	}
}

void
elfload_sections(struct elf_sparse *sp, unsigned int type)
{
	for (unsigned int i = 0; i < sp->ef.eh.e_shnum; i++) {
		Elf64_Shdr sh, link;

		if (!elfread_section(&sp->ef, i, &sh) || sh.sh_type != type)
			continue;
		fill(sp, sh.sh_offset, sh.sh_size);
		if (elfread_section(&sp->ef, sh.sh_link, &link))
			fill(sp, link.sh_offset, link.sh_size);
	}
}

int
elfload_open(struct elf_sparse *sp, int fd, size_t size)
{
	Elf64_Shdr names;

	sp->fd = fd;
	sp->size = size;
	sp->buf = mmap(NULL, size, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (sp->buf == MAP_FAILED)
		return -errno;
	fill(sp, 0, sizeof(Elf64_Ehdr));
	if (elfread_open(&sp->ef, sp->buf, size) != 0)
		return 0; /* the caller sees it is not ELF */
	fill(sp, sp->ef.eh.e_phoff,
	     (uint64_t)sp->ef.eh.e_phnum * sizeof(Elf64_Phdr));
	fill(sp, sp->ef.eh.e_shoff,
	     (uint64_t)sp->ef.eh.e_shnum * sizeof(Elf64_Shdr));
	if (elfread_section(&sp->ef, sp->ef.eh.e_shstrndx, &names))
		fill(sp, names.sh_offset, names.sh_size);
	elfload_sections(sp, SHT_DYNSYM);
	return 0;
}

void
elfload_close(struct elf_sparse *sp)
{
	if (sp->buf && sp->buf != MAP_FAILED)
		munmap(sp->buf, sp->size);
	sp->buf = NULL;
}
