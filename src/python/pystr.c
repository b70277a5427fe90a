/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * CPython str objects: the state bit field, and the characters converted
 * to one printable UTF-8 C string. The characters come from the tracee
 * and may be anything; what is not a printable code point becomes U+FFFD,
 * and the output is cut at a whole character, "..." marking the cut.
 */
#include "config.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "python/pystr.h"

#define PYSTR_KIND_SHIFT 2
#define PYSTR_KIND_MASK 0x7u
#define PYSTR_COMPACT_BIT (1u << 5)
#define PYSTR_ASCII_BIT (1u << 6)

#define PYSTR_REPLACEMENT 0xfffdu
#define PYSTR_ELLIPSIS "..."
#define PYSTR_ELLIPSIS_LEN (sizeof(PYSTR_ELLIPSIS) - 1)

bool
pystr_state_decode(uint32_t state, struct pystr_state *out)
{
	unsigned int kind = (state >> PYSTR_KIND_SHIFT) & PYSTR_KIND_MASK;

	if (kind != 1 && kind != 2 && kind != 4)
		return false;
	out->kind = kind;
	out->compact = (state & PYSTR_COMPACT_BIT) != 0;
	out->ascii = (state & PYSTR_ASCII_BIT) != 0;
	return true;
}

/* Character "i" of "kind" bytes at "data", which may be unaligned. */
static uint32_t
pystr_char(const unsigned char *data, size_t i, unsigned int kind)
{
	uint16_t u2;
	uint32_t u4;

	switch (kind) {
	case 1:
		return data[i];
	case 2:
		memcpy(&u2, data + i * 2, sizeof(u2));
		return u2;
	default:
		memcpy(&u4, data + i * 4, sizeof(u4));
		return u4;
	}
}

/* The code point to print for "c": U+FFFD for what is not a code point
 * (a surrogate, above U+10FFFF) and for the C0 and C1 controls and DEL. */
static uint32_t
pystr_printable(uint32_t c)
{
	if (c < 0x20 || (c >= 0x7f && c <= 0x9f))
		return PYSTR_REPLACEMENT;
	if ((c >= 0xd800 && c <= 0xdfff) || c > 0x10ffff)
		return PYSTR_REPLACEMENT;
	return c;
}

/* Encode the code point "c" (a valid one) into "buf"; returns its length. */
static size_t
pystr_encode(uint32_t c, char buf[4])
{
	if (c < 0x80) {
		buf[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		buf[0] = (char)(0xc0 | (c >> 6));
		buf[1] = (char)(0x80 | (c & 0x3f));
		return 2;
	}
	if (c < 0x10000) {
		buf[0] = (char)(0xe0 | (c >> 12));
		buf[1] = (char)(0x80 | ((c >> 6) & 0x3f));
		buf[2] = (char)(0x80 | (c & 0x3f));
		return 3;
	}
	buf[0] = (char)(0xf0 | (c >> 18));
	buf[1] = (char)(0x80 | ((c >> 12) & 0x3f));
	buf[2] = (char)(0x80 | ((c >> 6) & 0x3f));
	buf[3] = (char)(0x80 | (c & 0x3f));
	return 4;
}

size_t
pystr_to_utf8(const void *data, size_t nchars, unsigned int kind, char *out,
	      size_t size)
{
	const unsigned char *p = data;
	size_t room, pos = 0, safe = 0, n, i;
	char buf[4];

	if (!out || size == 0)
		return 0;
	if ((kind != 1 && kind != 2 && kind != 4) || (!p && nchars)) {
		out[0] = '\0';
		return 0;
	}
	/* bytes for the text, the NUL kept apart */
	room = size - 1;
	for (i = 0; i < nchars; i++) {
		n = pystr_encode(pystr_printable(pystr_char(p, i, kind)), buf);
		if (n > room - pos)
			goto cut;
		memcpy(out + pos, buf, n);
		pos += n;
		/* the last whole character after which "..." still fits */
		if (room - pos >= PYSTR_ELLIPSIS_LEN)
			safe = pos;
	}
	out[pos] = '\0';
	return pos;

cut:
	/* when even "..." does not fit (size < 4), as much of it as does */
	n = room - safe < PYSTR_ELLIPSIS_LEN ? room - safe : PYSTR_ELLIPSIS_LEN;
	memcpy(out + safe, PYSTR_ELLIPSIS, n);
	pos = safe + n;
	out[pos] = '\0';
	return pos;
}
