/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * --no-environment: the environment the target starts with. Pure.
 */
#ifndef HERMETIC_ENV_H
#define HERMETIC_ENV_H

#include <stddef.h>

#include "strlist.h"

/*
 * Keep from "envp" the variables PATH, HOME, LANG, TERM, TMPDIR, every
 * LC_*, and those named in "keep" (n_keep names); drop the rest. Appends
 * copies to "out".
 */
void env_filter(char *const *envp, char *const *keep, size_t n_keep,
		struct strlist *out);

#endif
