/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * Target resolution.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pyimage.h"
#include "target.h"
#include "xmalloc.h"

#define DEFAULT_PATH "/usr/local/bin:/usr/bin:/bin"
#define MAX_DEPTH 8

const char target_callable_launcher[] =
    "import sys,importlib,functools;"
    "t=sys.argv[1];m,_,a=t.partition(':');sys.argv=sys.argv[1:];"
    "r=functools.reduce(getattr,a.split('.'),importlib.import_module(m))();"
    "sys.exit(r if isinstance(r,int) else 0)";

static bool
is_executable_file(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode) &&
	       access(path, X_OK) == 0;
}

char *
target_which(const char *name, const char *path_env)
{
	const char *p = path_env ? path_env : DEFAULT_PATH;

	if (!*name)
		return NULL;
	for (;;) {
		const char *end = strchr(p, ':');
		size_t n = end ? (size_t)(end - p) : strlen(p);
		char *cand;

		/* an empty entry means the current directory */
		cand = n ? xasprintf("%.*s/%s", (int)n, p, name)
			 : xasprintf("./%s", name);
		if (is_executable_file(cand))
			return cand;
		free(cand);
		if (!end)
			return NULL;
		p = end + 1;
	}
}

bool
target_parse_shebang(const char *buf, size_t len, char **interp, char **arg)
{
	const char *p, *end, *nl;

	*interp = *arg = NULL;
	if (len < 2 || buf[0] != '#' || buf[1] != '!')
		return false;
	nl = memchr(buf, '\n', len);
	end = nl ? nl : buf + len;
	p = buf + 2;
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	if (p == end)
		return false;
	{
		const char *s = p;

		while (p < end && *p != ' ' && *p != '\t')
			p++;
		*interp = xstrndup(s, (size_t)(p - s));
	}
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	while (end > p &&
	       (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\r'))
		end--;
	if (p < end)
		*arg = xstrndup(p, (size_t)(end - p));
	return true;
}

static const char *
base_name(const char *path)
{
	const char *s = strrchr(path, '/');

	return s ? s + 1 : path;
}

static bool reaches(const char *path, const char *path_env, int depth,
		    struct target_chain *chain);

/* A pyenv shim: a small script that execs "$PYENV_ROOT/libexec/pyenv exec
 * NAME". It reaches Python if some installed version provides NAME as a
 * program that does. */
static bool
pyenv_shim_reaches(const char *path, const char *head, const char *path_env,
		   int depth)
{
	const char *root_at = strstr(head, "export PYENV_ROOT=\"");
	char root[512], *dir;
	const char *name = base_name(path);
	struct dirent *de;
	bool found = false;
	DIR *d;

	if (!root_at || !strstr(head, "/libexec/pyenv\" exec"))
		return false;
	root_at += strlen("export PYENV_ROOT=\"");
	{
		const char *q = strchr(root_at, '"');
		size_t n = q ? (size_t)(q - root_at) : 0;

		if (!n || n >= sizeof(root))
			return false;
		memcpy(root, root_at, n);
		root[n] = '\0';
	}
	dir = xasprintf("%s/versions", root);
	d = opendir(dir);
	while (d && !found && (de = readdir(d)) != NULL) {
		char *cand;

		if (de->d_name[0] == '.')
			continue;
		cand = xasprintf("%s/%s/bin/%s", dir, de->d_name, name);
		if (is_executable_file(cand))
			found = reaches(cand, path_env, depth + 1, NULL);
		free(cand);
	}
	if (d)
		closedir(d);
	free(dir);
	return found;
}

/* Note "path" as a file of "chain". */
static void
chain_add(struct target_chain *chain, const char *path)
{
	char *real;

	if (!chain)
		return;
	real = realpath(path, NULL);
	if (real)
		strlist_take(&chain->files, real);
}

static bool
reaches(const char *path, const char *path_env, int depth,
	struct target_chain *chain)
{
	char head[1024], *interp = NULL, *arg = NULL;
	bool result = false;
	ssize_t n;
	int fd;

	if (depth > MAX_DEPTH)
		return false;
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return false;
	chain_add(chain, path);
	n = read(fd, head, sizeof(head) - 1);
	if (n < 0)
		n = 0;
	head[n] = '\0';
	if (target_parse_shebang(head, (size_t)n, &interp, &arg)) {
		if (pyenv_shim_reaches(path, head, path_env, depth)) {
			result = true;
			if (chain)
				chain->indirect = true;
		} else if (strcmp(base_name(interp), "env") == 0 && arg) {
			/* "#!/usr/bin/env [-S] NAME ...": NAME on PATH */
			char *a = arg, *prog, *sp;

			if (strncmp(a, "-S", 2) == 0)
				a += 2;
			while (*a == ' ' || *a == '\t')
				a++;
			sp = strpbrk(a, " \t");
			if (sp)
				*sp = '\0';
			prog = strchr(a, '/') ? xstrdup(a)
					      : target_which(a, path_env);
			chain_add(chain, interp);
			if (prog)
				result =
				    reaches(prog, path_env, depth + 1, chain);
			free(prog);
		} else {
			result = reaches(interp, path_env, depth + 1, chain);
		}
	} else {
		result = pyimage_scan_fd(fd) == PYIMAGE_PYTHON;
		if (result && chain && !chain->image && chain->files.n)
			chain->image =
			    xstrdup(chain->files.v[chain->files.n - 1]);
	}
	free(interp);
	free(arg);
	close(fd);
	return result;
}

bool
target_reaches_python(const char *path, const char *path_env)
{
	return reaches(path, path_env, 0, NULL);
}

bool
target_chain(const char *path, const char *path_env, struct target_chain *chain)
{
	return reaches(path, path_env, 0, chain);
}

void
target_chain_free(struct target_chain *chain)
{
	strlist_free(&chain->files);
	free(chain->image);
	memset(chain, 0, sizeof(*chain));
}

/*
 * "env [-i] [-u NAME] [NAME=VALUE]... PROGRAM ARGS": the PROGRAM env will
 * run, or NULL. env(1) given as the target is a launcher like a #! line.
 */
static const char *
env_program(char *const *args, int n)
{
	for (int i = 0; i < n; i++) {
		const char *a = args[i];

		if (strcmp(a, "-u") == 0 || strcmp(a, "-C") == 0) {
			i++;
			continue;
		}
		if (strcmp(a, "--") == 0)
			return i + 1 < n ? args[i + 1] : NULL;
		if (a[0] == '-' || strchr(a, '='))
			continue;
		return a;
	}
	return NULL;
}

static bool
has_suffix(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);

	return n >= k && strcmp(s + n - k, suffix) == 0;
}

static int
fail(char **err, int status, char *msg)
{
	*err = msg;
	return status;
}

/* Find the interpreter for .py, module and module:attr targets. */
static int
find_python(const struct options *o, const char *path_env, char **out,
	    char **err)
{
	const char *py = o->python ? o->python : "python3";

	if (strchr(py, '/')) {
		struct stat st;

		if (stat(py, &st) < 0)
			return fail(err, 127,
				    xasprintf("interpreter %s: %s", py,
					      strerror(errno)));
		if (!S_ISREG(st.st_mode) || access(py, X_OK) < 0)
			return fail(
			    err, 126,
			    xasprintf(
				"interpreter %s is not an executable file",
				py));
		*out = xstrdup(py);
		return 0;
	}
	*out = target_which(py, path_env);
	if (!*out)
		return fail(
		    err, 127,
		    xasprintf(
			"%s not found on PATH: install Python 3 or name the "
			"interpreter with --python PATH",
			py));
	return 0;
}

static void
add_args(struct target *t, const struct options *o, int from)
{
	for (int i = from; i < o->target_argc; i++)
		strlist_add(&t->argv, o->target_argv[i]);
}

/* Does the program target "t" reach Python? env(1) given as the target is
 * a launcher like a #! line: then what it runs decides. */
char *
target_env_program(const struct target *t, const struct options *o,
		   const char *path_env)
{
	const char *prog;

	if (t->kind != TARGET_PROGRAM || strcmp(base_name(t->path), "env"))
		return NULL;
	prog = env_program(o->target_argv + 1, o->target_argc - 1);
	if (!prog)
		return NULL;
	return strchr(prog, '/') ? xstrdup(prog) : target_which(prog, path_env);
}

static bool
program_reaches_python(const struct target *t, const struct options *o,
		       const char *path_env)
{
	char *p;
	bool r;

	if (strcmp(base_name(t->path), "env") != 0)
		return target_reaches_python(t->path, path_env);
	p = target_env_program(t, o, path_env);
	r = p && target_reaches_python(p, path_env);
	free(p);
	return r;
}

static int
resolve_path(const struct options *o, const char *path_env, struct target *t,
	     char **err)
{
	const char *name = o->target_argv[0];
	struct stat st;
	int rc;

	if (stat(name, &st) < 0)
		return fail(
		    err, errno == ENOENT || errno == ENOTDIR ? 127 : 126,
		    xasprintf("cannot run %s: %s", name, strerror(errno)));
	if (S_ISDIR(st.st_mode))
		return fail(err, 126,
			    xasprintf("cannot run %s: it is a "
				      "directory",
				      name));
	if (has_suffix(name, ".py")) {
		t->kind = TARGET_SCRIPT;
		rc = find_python(o, path_env, &t->path, err);
		if (rc)
			return rc;
		strlist_add(&t->argv, t->path);
		add_args(t, o, 0);
		t->python = target_reaches_python(t->path, path_env);
		return 0;
	}
	if (!S_ISREG(st.st_mode) || access(name, X_OK) < 0)
		return fail(
		    err, 126,
		    xasprintf(
			"cannot run %s: not an executable file (for a Python "
			"script without the .py suffix, run it with the "
			"interpreter: hermetic -- python3 %s)",
			name, name));
	t->kind = TARGET_PROGRAM;
	t->path = xstrdup(name);
	add_args(t, o, 0);
	t->python = program_reaches_python(t, o, path_env);
	return 0;
}

int
target_resolve(const struct options *o, const char *path_env, struct target *t,
	       char **err)
{
	const char *name = o->target_argv[0];
	char *found;
	int rc;

	memset(t, 0, sizeof(*t));
	if (!*name)
		return fail(err, 127, xstrdup("empty target name"));
	if (strchr(name, '/') || has_suffix(name, ".py"))
		return resolve_path(o, path_env, t, err);

	found = target_which(name, path_env);
	if (found) {
		t->kind = TARGET_PROGRAM;
		t->path = found;
		add_args(t, o, 0);
		t->python = program_reaches_python(t, o, path_env);
		return 0;
	}

	rc = find_python(o, path_env, &t->path, err);
	if (rc)
		return rc;
	strlist_add(&t->argv, t->path);
	t->python = target_reaches_python(t->path, path_env);
	if (strchr(name, ':')) {
		const char *colon = strchr(name, ':');

		if (colon == name || colon[1] == '\0')
			return fail(
			    err, 125,
			    xasprintf("target %s: write module:attr, e.g. "
				      "mypkg.cli:main",
				      name));
		t->kind = TARGET_CALLABLE;
		strlist_add(&t->argv, "-c");
		strlist_add(&t->argv, target_callable_launcher);
	} else {
		t->kind = TARGET_MODULE;
		strlist_add(&t->argv, "-m");
	}
	add_args(t, o, 0);
	return 0;
}

void
target_free(struct target *t)
{
	free(t->path);
	strlist_free(&t->argv);
	t->path = NULL;
}
