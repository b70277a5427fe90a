/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * Environment filtering for --no-environment.
 */
#include "config.h"

#include <stdbool.h>
#include <string.h>

#include "env.h"

static const char *const base_keep[] = {"PATH", "HOME", "LANG", "TERM",
					"TMPDIR"};

static bool
name_is(const char *var, const char *name)
{
	size_t n = strlen(name);

	return strncmp(var, name, n) == 0 && var[n] == '=';
}

static bool
kept(const char *var, char *const *keep, size_t n_keep)
{
	if (strncmp(var, "LC_", 3) == 0 && strchr(var, '='))
		return true;
	for (size_t i = 0; i < sizeof(base_keep) / sizeof(base_keep[0]); i++)
		if (name_is(var, base_keep[i]))
			return true;
	for (size_t i = 0; i < n_keep; i++)
		if (name_is(var, keep[i]))
			return true;
	return false;
}

void
env_filter(char *const *envp, char *const *keep, size_t n_keep,
	   struct strlist *out)
{
	for (; envp && *envp; envp++)
		if (kept(*envp, keep, n_keep))
			strlist_add(out, *envp);
}
