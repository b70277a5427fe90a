/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * One Python frame as reported: file, qualified name (co_qualname from
 * 3.11, co_name before) and line, all copied out of the tracee.
 */
#ifndef HERMETIC_PYTHON_FRAME_H
#define HERMETIC_PYTHON_FRAME_H

#define PYFRAME_FILE_MAX 512
#define PYFRAME_NAME_MAX 256

struct pyframe {
	char file[PYFRAME_FILE_MAX];
	char name[PYFRAME_NAME_MAX];
	int line; /* 0 when unknown */
};

#endif
