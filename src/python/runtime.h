/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * Finding CPython in a process image: _PyRuntime (from the ELF symbols of
 * the executable or a mapped libpython, opened through /proc/PID/root so
 * that containers and chroots work, or the .PyRuntime section), the
 * version (the _Py_DebugOffsets cookie, Py_Version, the file name), the
 * offsets for it, &PyCode_Type, and libc's environ. Done once per image;
 * the caller retries while it says "not yet" (ld.so has not mapped
 * libpython at the first stops).
 */
#ifndef HERMETIC_PYTHON_RUNTIME_H
#define HERMETIC_PYTHON_RUNTIME_H

#include <stdint.h>
#include <sys/types.h>

#include "python/offsets.h"

enum py_state {
	PYRT_UNRESOLVED, /* not looked at yet, or not all mapped yet */
	PYRT_READY,	 /* runtime, version and offsets known */
	PYRT_NONE,	 /* no CPython in this image */
	PYRT_UNSUPPORTED /* a CPython this reader does not know */
};

struct py_runtime {
	enum py_state state;
	unsigned int attempts;
	uint64_t runtime;   /* &_PyRuntime */
	uint64_t code_type; /* &PyCode_Type, 0 when unknown */
	uint64_t environ;   /* &environ (a char **), 0 when unknown */
	struct py_offsets off;
	char version[24]; /* "3.11", or what was found */
};

/* Look at the image of "pid" again unless the state is final. Returns
 * the new state. */
enum py_state py_runtime_resolve(pid_t pid, struct py_runtime *rt);

#endif
