/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * Does an executable embed CPython? Answered from its ELF dynamic symbols
 * (an interpreter exports _PyRuntime, and Py_Version from 3.11 on) and its
 * DT_NEEDED entries (a libpython3.* dependency). Used for the --no-subprocess
 * arming rule. The scan of a buffer is pure and bounds-checked throughout.
 */
#ifndef HERMETIC_PYIMAGE_H
#define HERMETIC_PYIMAGE_H

#include <stddef.h>

enum pyimage {
	PYIMAGE_NOT_ELF,   /* not an ELF file (a script, say) */
	PYIMAGE_NO_PYTHON, /* an ELF file without CPython */
	PYIMAGE_PYTHON,	   /* exports CPython or needs libpython3 */
	PYIMAGE_UNKNOWN,   /* ELF, but its tables could not be read */
};

/* Scan the "len" bytes of a whole file at "buf". */
enum pyimage pyimage_scan(const void *buf, size_t len);

/* Scan the file open at "fd" (its tables read with elfload.h); a file that
 * cannot be read is PYIMAGE_UNKNOWN. Results are cached by device, inode, size
 * and modification time. */
enum pyimage pyimage_scan_fd(int fd);

#endif
