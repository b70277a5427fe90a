/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * Loading the parts of an ELF file that symbol lookups need, by reading
 * (pread) them into a zero-filled buffer of the file's size, not by
 * mapping the file: a file that a traced program truncates meanwhile
 * gives zeros (garbage to the bounds-checked reader of elfread.h), never
 * SIGBUS in the supervisor. Untouched pages of the buffer cost nothing.
 */
#ifndef HERMETIC_ELFLOAD_H
#define HERMETIC_ELFLOAD_H

#include <stddef.h>

#include "elfread.h"

struct elf_sparse {
	int fd; /* borrowed: the caller closes it */
	size_t size;
	unsigned char *buf;
	struct elf_file ef; /* valid when elfread_open() said so */
};

/* Read the header, program and section headers, section names and the
 * dynamic symbols of the "size" bytes file "fd". Returns 0 (then call
 * elfload_close()), or -errno. Whether it is ELF: elfread_open() on
 * sp->buf, as elfload_open() leaves it. */
int elfload_open(struct elf_sparse *sp, int fd, size_t size);

/* Also read the sections of type "type" (SHT_SYMTAB) and their strings. */
void elfload_sections(struct elf_sparse *sp, unsigned int type);

void elfload_close(struct elf_sparse *sp);

#endif
