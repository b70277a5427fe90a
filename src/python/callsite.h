/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * Which frame to name, and how: the innermost frame of the user's own
 * code, not the standard library's socket.py; file names relative to the
 * directory hermetic was started in; the pytest node id of the test that
 * ran. Pure: strings in, strings out.
 */
#ifndef HERMETIC_PYTHON_CALLSITE_H
#define HERMETIC_PYTHON_CALLSITE_H

#include <stdbool.h>
#include <stddef.h>

#include "python/frame.h"

enum frame_origin {
	ORIGIN_USER,   /* anything else: the program's own code */
	ORIGIN_SITE,   /* under site-packages or dist-packages */
	ORIGIN_STDLIB, /* under .../lib/python3.N/ */
	ORIGIN_FROZEN, /* "<frozen ...>" */
};

/* Where the file "file" (a co_filename) comes from, by its path. */
enum frame_origin callsite_origin(const char *file);

/* The frame to report of "n" frames, innermost first: the innermost user
 * frame, else the innermost site-packages frame, else the innermost one;
 * -1 when n is 0. */
int callsite_pick(const struct pyframe *frames, int n);

/* "file" relative to the directory "cwd" when it is below it (a pointer
 * into "file"), else "file" itself. */
const char *callsite_relative(const char *cwd, const char *file);

/*
 * The node id in a PYTEST_CURRENT_TEST value, "tests/test_x.py::test_a[1]
 * (call)": the text before the last " (". False when "value" does not look
 * like a node id.
 */
bool callsite_pytest_env(const char *value, char *out, size_t size);

/*
 * The node id from the frames alone, when the stack runs under pytest (a
 * frame in a _pytest or pytest package): the outermost frame of a test
 * file (test_*.py or *_test.py) whose function is a test (test*), named
 * FILE::CLASS::FUNC, FILE relative to "cwd". Parametrized ids cannot be
 * seen here. False when there is none.
 */
bool callsite_pytest_frames(const struct pyframe *frames, int n,
			    const char *cwd, char *out, size_t size);

#endif
