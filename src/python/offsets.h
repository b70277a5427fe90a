/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * Where CPython keeps what a remote reader needs, per minor version: the
 * runtime's interpreter list, thread states, frames, code objects, str and
 * bytes objects. Built in for 3.8 to 3.12 (x86_64 and aarch64 GIL builds
 * agree on every field used here); read from the target's own
 * _Py_DebugOffsets for 3.13 and 3.14, whose layout is described per minor.
 * Pure. Anything else is unsupported, never guessed.
 */
#ifndef HERMETIC_PYTHON_OFFSETS_H
#define HERMETIC_PYTHON_OFFSETS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum py_frames {
	PYF_FRAMEOBJECT, /* 3.8-3.10: tstate->frame, PyFrameObject chain */
	PYF_CFRAME,	 /* 3.11-3.12: tstate->cframe->current_frame */
	PYF_CURRENT,	 /* 3.13+: tstate->current_frame */
};

enum py_lines {
	PYL_LNOTAB, /* 3.8-3.9, byte offsets */
	PYL_310,    /* 3.10, instruction indexes */
	PYL_311,    /* 3.11+, code units into co_code_adaptive */
};

struct py_offsets {
	unsigned int minor; /* 3.minor */
	enum py_frames frames;
	enum py_lines lines;

	uint64_t rt_interp_head; /* _PyRuntimeState.interpreters.head */
	uint64_t is_next;	 /* PyInterpreterState.next */
	uint64_t is_threads;	 /* tstate_head / threads.head */
	uint64_t ts_next;
	uint64_t ts_interp;
	uint64_t ts_frame; /* frame, cframe or current_frame */
	uint64_t ts_thread_id;
	uint64_t ts_native_id; /* 0: none (before 3.11) */
	uint64_t cframe_current;

	uint64_t fr_back;	 /* f_back / previous */
	uint64_t fr_code;	 /* f_code / f_executable */
	uint64_t fr_instr;	 /* f_lasti (int) / prev_instr / instr_ptr */
	uint64_t fr_owner;	 /* 0: no owner field (before 3.12) */
	unsigned int owner_skip; /* owners >= this are not Python frames */
	bool code_tagged;	 /* f_executable is a tagged stack ref */

	uint64_t co_firstlineno; /* int */
	uint64_t co_filename;
	uint64_t co_name;
	uint64_t co_qualname; /* 0: none (before 3.11) */
	uint64_t co_linetable;
	uint64_t co_code_adaptive; /* 3.11+ */

	uint64_t ob_type;
	uint64_t bytes_size; /* ob_size */
	uint64_t bytes_sval;
	uint64_t str_length;
	uint64_t str_state;
	uint64_t str_ascii_size;   /* sizeof(PyASCIIObject) */
	uint64_t str_compact_size; /* sizeof(PyCompactUnicodeObject) */
};

/* The built-in table for 3."minor" (8 to 12); false for any other. */
bool py_offsets_builtin(unsigned int minor, struct py_offsets *out);

/*
 * Parse the _Py_DebugOffsets at the start of the "len" bytes at "buf"
 * (copied from _PyRuntime). Returns 0 with "out" filled; -1 when there is
 * no "xdebugpy" cookie; -2 when the version (in "*version_hex") has a
 * layout this reader does not know, or is an alpha or beta, or is a
 * free-threaded build, or the buffer is short, or a value is implausible.
 */
int py_offsets_from_debug(const void *buf, size_t len, struct py_offsets *out,
			  uint32_t *version_hex);

/* How many bytes py_offsets_from_debug() may need. */
#define PY_DEBUG_OFFSETS_MAX (96 * 8)

#endif
