/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * The paths of --fs-readonly=ROOT, resolved, and what an interpreter needs.
 */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "readroot.h"
#include "xmalloc.h"

/* Replace "*path" by its realpath; "what" names the option for errors. */
static int
resolve_one(char **path, const char *what, bool want_dir, char **err)
{
	char *real = realpath(*path, NULL);
	struct stat st;

	if (!real) {
		*err = xasprintf("%s %s: %s", what, *path, strerror(errno));
		return -1;
	}
	if (want_dir && (stat(real, &st) < 0 || !S_ISDIR(st.st_mode))) {
		*err = xasprintf("%s %s: not a directory (give the directory "
				 "reading is limited to)",
				 what, *path);
		free(real);
		return -1;
	}
	free(*path);
	*path = real;
	return 0;
}

int
readroot_resolve(struct policy *p, char *const *files, char **err)
{
	size_t n = 0;

	if (!p->read_root)
		return 0;
	if (resolve_one(&p->read_root, "--fs-readonly=ROOT", true, err) < 0)
		return -1;
	for (size_t i = 0; i < p->n_allow_read; i++)
		if (resolve_one(&p->allow_read[i], "--allow-read", false, err) <
		    0)
			return -1;
	while (files && files[n])
		n++;
	p->allow_read =
	    xrealloc(p->allow_read, (p->n_allow_read + n) * sizeof(char *));
	for (size_t i = 0; i < n; i++) {
		char *real = realpath(files[i], NULL);

		if (real)
			p->allow_read[p->n_allow_read++] = real;
	}
	return 0;
}

/* "dir" with its last "up" components removed, or NULL at the top. */
static char *
up_from(const char *path, int up)
{
	char *d = xstrdup(path);

	for (int i = 0; i < up; i++) {
		char *slash = strrchr(d, '/');

		if (!slash || slash == d) {
			free(d);
			return NULL;
		}
		*slash = '\0';
	}
	return d;
}

/* "path" made absolute against the cwd, its last component kept. */
static char *
absolute(const char *path)
{
	char cwd[PATH_MAX];

	if (path[0] == '/' || !getcwd(cwd, sizeof(cwd)))
		return xstrdup(path);
	return xasprintf("%s/%s", cwd, path);
}

static void
add_under(struct strlist *out, const char *dir, const char *name)
{
	strlist_take(out, xasprintf("%s/%s", dir, name));
}

void
readroot_program_dirs(const char *exe, const char *invoked, struct strlist *out)
{
	const char *base;
	char *prefix;

	if (!exe || exe[0] != '/')
		return;
	strlist_add(out, exe);
	prefix = up_from(exe, 2);
	if (prefix) {
		add_under(out, prefix, "lib");
		add_under(out, prefix, "lib64");
		free(prefix);
	} else {
		strlist_add(out, "/lib");
		strlist_add(out, "/lib64");
	}
	base = strrchr(exe, '/') + 1;
	if (strncmp(base, "python", 6) == 0)
		add_under(out, "/etc", base);
	for (int up = 1; invoked && invoked[0] == '/' && up <= 2; up++) {
		char *venv = up_from(invoked, up);
		char *cfg;
		struct stat st;

		if (!venv)
			break;
		cfg = xasprintf("%s/pyvenv.cfg", venv);
		if (stat(cfg, &st) == 0 && S_ISREG(st.st_mode)) {
			strlist_take(out, cfg);
			add_under(out, venv, "lib");
			add_under(out, venv, "lib64");
			free(venv);
			break;
		}
		free(cfg);
		free(venv);
	}
}

int
readroot_setup(struct policy *p, const struct options *o,
	       const struct target *t, const char *path_env,
	       struct strlist *reads, char **err)
{
	struct target_chain chain = {0};
	char *env_prog = target_env_program(t, o, path_env);
	char *files[3] = {t->path, env_prog, NULL};
	char *invoked;
	int known = 0, rc;

	if (!p->read_root) {
		free(env_prog);
		return 0;
	}
	if (t->kind == TARGET_SCRIPT)
		files[1] = o->target_argv[0];
	rc = readroot_resolve(p, files, err);
	free(env_prog);
	if (rc < 0)
		return -1;
	if (target_chain(t->path, path_env, &chain) && chain.image &&
	    !chain.indirect) {
		for (size_t i = 0; i < chain.files.n; i++)
			strlist_add(reads, chain.files.v[i]);
		invoked = absolute(t->path);
		readroot_program_dirs(chain.image, invoked, reads);
		free(invoked);
		known = 1;
	}
	target_chain_free(&chain);
	return known;
}
