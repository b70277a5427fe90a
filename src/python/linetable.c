/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * CPython line tables. Three formats, each walked from the start of the
 * table with the running line starting at co_firstlineno:
 *
 *   3.8, 3.9  co_lnotab: byte pairs (unsigned address increment, signed
 *             line increment). The line in effect at "lasti" is the one
 *             reached after the last pair whose address is <= lasti.
 *   3.10      co_linetable (PEP 626): byte pairs (length in bytes of an
 *             address range, signed line delta; -128: the range has no
 *             line, and the running line does not move). Ranges follow
 *             each other from address 0; zero-length ones only move the
 *             line.
 *   3.11+     the location table: entries that start with a byte with bit
 *             7 set (bits 3-6 a code, bits 0-2 the length in code units
 *             minus 1) followed by bytes with bit 7 clear. Codes 0-9 keep
 *             the line, 10-12 add code - 10, 13 and 14 add a signed varint,
 *             15 is "no location". Entries follow each other from code
 *             unit 0.
 *
 * As in CPython, the next 3.11 entry is the next byte with bit 7 set, so
 * the column bytes are never parsed. Every read is bounded by "len"; a
 * varint longer than a line number can be, or one the entry cuts off,
 * ends the walk (-1), and a line that leaves the range of an int or is
 * negative is reported as -1 rather than a made-up number.
 */
#include "config.h"

#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "python/linetable.h"

/* Longest shift of a varint 6-bit group: 6 groups, 36 bits, more than any
 * line number or delta a compiler writes. */
#define LINETABLE_VARINT_MAX_SHIFT 30

/* The 3.11 entry codes that matter for lines. */
enum {
	LOC_ONE_LINE0 = 10,
	LOC_ONE_LINE2 = 12,
	LOC_NO_COLUMNS = 13,
	LOC_LONG = 14,
	LOC_NONE = 15,
};

/* "line" as a result: -1 when it is not a line number. */
static int
linetable_result(int64_t line)
{
	if (line < 0 || line > INT_MAX)
		return -1;
	return (int)line;
}

int
linetable_lnotab(const uint8_t *tab, size_t len, int firstlineno, int64_t lasti)
{
	int64_t addr = 0;
	int64_t line = firstlineno;
	size_t i;

	if (!tab)
		len = 0;
	/* an odd last byte is not a pair; CPython ignores it too */
	for (i = 0; i + 1 < len; i += 2) {
		addr += tab[i];
		if (addr > lasti)
			break;
		line += (int8_t)tab[i + 1];
	}
	return linetable_result(line);
}

int
linetable_310(const uint8_t *tab, size_t len, int firstlineno, int64_t lasti)
{
	int64_t target, start, end = 0;
	int64_t line = firstlineno;
	size_t i;

	/* before the first instruction: CPython's PyCode_Addr2Line() */
	if (lasti < 0)
		return linetable_result(firstlineno);
	if (lasti > INT64_MAX / 2)
		return -1;
	if (!tab)
		len = 0;
	target = lasti * 2;
	for (i = 0; i + 1 < len; i += 2) {
		int8_t delta = (int8_t)tab[i + 1];

		start = end;
		end += tab[i];
		if (delta != -128)
			line += delta;
		if (start <= target && target < end)
			return delta == -128 ? -1 : linetable_result(line);
	}
	return -1;
}

/* Read an unsigned varint from the "n" bytes at "p"; false when it does
 * not end within them or is longer than LINETABLE_VARINT_MAX_SHIFT. */
static bool
linetable_varint(const uint8_t *p, size_t n, uint64_t *out)
{
	uint64_t val = 0;
	unsigned int shift = 0;
	size_t k;

	for (k = 0; k < n; k++) {
		val |= (uint64_t)(p[k] & 0x3f) << shift;
		if (!(p[k] & 0x40)) {
			*out = val;
			return true;
		}
		shift += 6;
		if (shift > LINETABLE_VARINT_MAX_SHIFT)
			return false;
	}
	return false;
}

/* The same, signed: the low bit is the sign of the rest. */
static bool
linetable_svarint(const uint8_t *p, size_t n, int64_t *out)
{
	uint64_t u;

	if (!linetable_varint(p, n, &u))
		return false;
	*out = (u & 1) ? -(int64_t)(u >> 1) : (int64_t)(u >> 1);
	return true;
}

int
linetable_311(const uint8_t *tab, size_t len, int firstlineno, int64_t index)
{
	int64_t start = 0;
	int64_t line = firstlineno;
	size_t i = 0;

	if (index < 0 || !tab)
		return -1;
	while (i < len) {
		unsigned int code = (tab[i] >> 3) & 0xf;
		int64_t length = (tab[i] & 7) + 1;
		int64_t delta = 0;
		size_t next = i + 1;

		/* the entry's other bytes: up to the next with bit 7 set */
		while (next < len && !(tab[next] & 0x80))
			next++;
		if (code == LOC_NO_COLUMNS || code == LOC_LONG) {
			if (!linetable_svarint(tab + i + 1, next - i - 1,
					       &delta))
				return -1;
		} else if (code >= LOC_ONE_LINE0 && code <= LOC_ONE_LINE2) {
			delta = code - LOC_ONE_LINE0;
		}
		line += delta;
		/* a table of garbage: the line has left every int */
		if (line > INT_MAX || line < INT_MIN)
			return -1;
		if (start <= index && index < start + length)
			return code == LOC_NONE ? -1 : linetable_result(line);
		start += length;
		i = next;
	}
	return -1;
}
