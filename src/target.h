/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * What to run for "hermetic -- TARGET ARGS": in this order, a path (a .py
 * file runs with the interpreter), a program on PATH, module:attr (imported
 * and called; an int result is the exit status), or a module run with
 * "python -m". Also says whether the resolved program reaches a Python
 * interpreter (its ELF embeds CPython, its #! line leads to one, or it is a
 * pyenv shim), which the --no-subprocess arming rule needs.
 */
#ifndef HERMETIC_TARGET_H
#define HERMETIC_TARGET_H

#include <stdbool.h>
#include <stddef.h>

#include "cli.h"
#include "strlist.h"

enum target_kind {
	TARGET_SCRIPT,	 /* a .py file */
	TARGET_PROGRAM,	 /* a path or a program on PATH */
	TARGET_CALLABLE, /* module:attr */
	TARGET_MODULE,	 /* python -m */
};

struct target {
	enum target_kind kind;
	char *path;	     /* the file to execve */
	struct strlist argv; /* its argv */
	bool python;	     /* reaches a Python interpreter */
};

/*
 * Resolve the target of "o" using the PATH "path_env" (NULL: the default
 * search path). Returns 0, or an exit status (125, 126 or 127) with "*err"
 * set to the message (free with free(3)). Free "t" with target_free().
 */
int target_resolve(const struct options *o, const char *path_env,
		   struct target *t, char **err);

void target_free(struct target *t);

/*
 * Find "name" on "path_env" as execvp(3) would: the first regular file with
 * execute permission. Returns a new string (free(3)) or NULL.
 */
char *target_which(const char *name, const char *path_env);

/*
 * Split a "#!" line ("len" bytes at "buf", from the start of a file) into
 * the interpreter and its optional single argument, as the kernel does.
 * Returns true if it is a #! line; "*interp" and "*arg" are new strings
 * (free(3)), "*arg" NULL when there is none.
 */
bool target_parse_shebang(const char *buf, size_t len, char **interp,
			  char **arg);

/* For env(1) given as the target ("env [-i] [NAME=VALUE]... PROGRAM"),
 * PROGRAM found as env will find it (a new string, free(3)); else NULL. */
char *target_env_program(const struct target *t, const struct options *o,
			 const char *path_env);

/* True if running "path" reaches a Python interpreter (see above). */
bool target_reaches_python(const char *path, const char *path_env);

/*
 * The files running "path" goes through to reach a Python interpreter:
 * itself, each #! interpreter (env included) and the program env runs,
 * resolved with realpath; "image" is the interpreter's ELF file. A pyenv
 * shim (which picks the version at run time) sets "indirect" and no
 * image. Returns what target_reaches_python() does. Free with
 * target_chain_free().
 */
struct target_chain {
	struct strlist files;
	char *image;
	bool indirect;
};
bool target_chain(const char *path, const char *path_env,
		  struct target_chain *chain);
void target_chain_free(struct target_chain *chain);

/* The Python code run for module:attr targets (argv[1] is "module:attr"). */
extern const char target_callable_launcher[];

#endif
