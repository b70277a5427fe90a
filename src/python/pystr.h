/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * CPython str objects as copied out of the tracee: the "state" bit field
 * and the UCS-1, UCS-2 or UCS-4 characters converted to UTF-8. Pure.
 */
#ifndef HERMETIC_PYTHON_PYSTR_H
#define HERMETIC_PYTHON_PYSTR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The fields of PyASCIIObject.state that a reader needs (GIL builds of
 * 3.8 to 3.14: interned bits 0-1, kind 2-4, compact 5, ascii 6). */
struct pystr_state {
	unsigned int kind; /* 1, 2 or 4 bytes per character */
	bool compact;
	bool ascii;
};

/* Decode "state"; false when the kind is not 1, 2 or 4. */
bool pystr_state_decode(uint32_t state, struct pystr_state *out);

/*
 * Convert "nchars" characters of "kind" bytes each at "data" (host byte
 * order) to NUL-terminated UTF-8 in "out" of "size" bytes. A character
 * that is not a valid code point (a surrogate, above U+10FFFF) and the C0
 * controls, U+007F and U+0080-U+009F (a NUL, a newline that would forge a
 * trace line)
 * become U+FFFD, so that the result is one printable C string. When "out"
 * is too small the text is cut at a whole character and ends in "...".
 * Returns the length written (without the NUL).
 */
size_t pystr_to_utf8(const void *data, size_t nchars, unsigned int kind,
		     char *out, size_t size);

#endif
