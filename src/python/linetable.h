/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * CPython line tables: the line number of an instruction, decoded from a
 * code object's table as copied out of the tracee. Pure: the tables are
 * untrusted bytes, every read is bounded by "len", and a table that does
 * not cover the position gives -1, never a guess.
 */
#ifndef HERMETIC_PYTHON_LINETABLE_H
#define HERMETIC_PYTHON_LINETABLE_H

#include <stddef.h>
#include <stdint.h>

/* 3.8 and 3.9: co_lnotab, "lasti" a byte offset (-1: before the first
 * instruction, which is on "firstlineno"). */
int linetable_lnotab(const uint8_t *tab, size_t len, int firstlineno,
		     int64_t lasti);

/* 3.10: the PEP 626 co_linetable, "lasti" an instruction index (the byte
 * offset is twice it). Returns -1 for a range that has no line. */
int linetable_310(const uint8_t *tab, size_t len, int firstlineno,
		  int64_t lasti);

/* 3.11 and later: the location table, "index" in 16-bit code units.
 * Returns -1 for an entry with no location or an index no entry covers. */
int linetable_311(const uint8_t *tab, size_t len, int firstlineno,
		  int64_t index);

#endif
