/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * Unit tests of target resolution (target.c): #! lines split as the
 * kernel splits them, PATH search, the order in which a target is tried
 * (path, program on PATH, module:attr, module) with the argv each gives
 * and the exit statuses of the failures, and whether a program reaches a
 * Python interpreter. Files are made in a private temporary directory;
 * the few checks that need /usr/bin/python3 say so and skip when it is
 * not installed.
 */
#include "config.h"

#include <check.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check_common.h"
#include "target.h"

#define SYSTEM_PYTHON "/usr/bin/python3"

static bool
have_system_python(const char *what)
{
	if (access(SYSTEM_PYTHON, X_OK) == 0)
		return true;
	printf("check_target: %s is not installed: skipping %s\n",
	       SYSTEM_PYTHON, what);
	return false;
}

/* Parse "text" (its whole length, no NUL needed) as a #! line. */
static bool
shebang(const char *text, size_t len, char **interp, char **arg)
{
	char *copy = malloc(len ? len : 1);
	bool r;

	/* an exact-size copy: a read past "len" is a read past the heap
	 * block (valgrind, ASan) */
	ck_assert_ptr_nonnull(copy);
	memcpy(copy, text, len);
	r = target_parse_shebang(copy, len, interp, arg);
	free(copy);
	return r;
}

static void
expect_shebang(const char *text, const char *interp, const char *arg)
{
	char *i = (char *)1, *a = (char *)1;

	ck_assert_msg(shebang(text, strlen(text), &i, &a), "'%s' refused",
		      text);
	ck_assert_pstr_eq(i, interp);
	ck_assert_pstr_eq(a, arg);
	free(i);
	free(a);
}

static void
expect_not_shebang(const char *text, size_t len)
{
	char *i = (char *)1, *a = (char *)1;

	ck_assert_msg(!shebang(text, len, &i, &a), "'%.*s' accepted", (int)len,
		      text);
	ck_assert_ptr_null(i);
	ck_assert_ptr_null(a);
}

START_TEST(test_shebang_forms)
{
	expect_shebang("#!/usr/bin/env python3\nimport sys\n", "/usr/bin/env",
		       "python3");
	expect_shebang("#! /bin/sh -e\n", "/bin/sh", "-e");
	expect_shebang("#!/bin/sh\n", "/bin/sh", NULL);
	expect_shebang("#!/bin/sh", "/bin/sh", NULL); /* no newline */
	expect_shebang("#!\t/bin/bash\t-x\n", "/bin/bash", "-x");
	/* trailing blanks are not part of the argument */
	expect_shebang("#!/bin/sh   \n", "/bin/sh", NULL);
	expect_shebang("#!/usr/bin/python3 -u \t\n", "/usr/bin/python3", "-u");
	/* nor a CR before the newline (a DOS line end). The kernel keeps
	 * it, and env then fails to find "python3\r"; dropping it makes
	 * target_reaches_python() err towards Python, which fails closed */
	expect_shebang("#!/usr/bin/env python3\r\n", "/usr/bin/env", "python3");
	expect_shebang("#!/usr/bin/env python3 \r\n", "/usr/bin/env",
		       "python3");
	/* right after the interpreter a CR is part of its name, as for the
	 * kernel (whose exec of such a script fails: "bad interpreter") */
	expect_shebang("#!/bin/sh\r\n", "/bin/sh\r", NULL);
	/* the rest of the line is one argument, as the kernel passes it */
	expect_shebang("#!/usr/bin/env -S python3 -u -X dev\n", "/usr/bin/env",
		       "-S python3 -u -X dev");
	/* only the first line counts */
	expect_shebang("#!/bin/sh\n-e\n", "/bin/sh", NULL);
}
END_TEST

START_TEST(test_shebang_bounded_by_len)
{
	static const char text[] = "#!/bin/sh -e\nrest";
	char *i, *a;

	/* "len" ends the line, not a NUL */
	ck_assert(shebang(text, 5, &i, &a));
	ck_assert_str_eq(i, "/bi");
	ck_assert_ptr_null(a);
	free(i);
	ck_assert(shebang(text, 12, &i, &a));
	ck_assert_str_eq(i, "/bin/sh");
	ck_assert_str_eq(a, "-e");
	free(i);
	free(a);
}
END_TEST

START_TEST(test_not_shebang)
{
	expect_not_shebang("", 0);
	expect_not_shebang("#", 1);
	expect_not_shebang("#!", 2);
	expect_not_shebang("#!   \t\n/bin/sh\n", 15);
	expect_not_shebang("#!\n", 3);
	expect_not_shebang("# !/bin/sh\n", 11);
	expect_not_shebang("!#/bin/sh\n", 10);
	expect_not_shebang("\x7f"
			   "ELF\x02\x01\x01",
			   7);
	expect_not_shebang("import os\n", 10);
	expect_not_shebang(" #!/bin/sh\n", 11);
}
END_TEST

/* A temporary directory and files in it, removed at the end. */
struct fixture {
	char *dir;   /* holds the files */
	char *bin;   /* a second directory, for PATH */
	char *empty; /* an empty directory */
};

static void
fixture_enter(struct fixture *f)
{
	f->dir = hm_tmpdir_make();
	f->bin = hm_path(f->dir, "bin");
	f->empty = hm_path(f->dir, "empty");
	ck_assert_int_eq(mkdir(f->bin, 0755), 0);
	ck_assert_int_eq(mkdir(f->empty, 0755), 0);
}

static void
fixture_leave(struct fixture *f)
{
	free(f->bin);
	free(f->empty);
	hm_rm_rf(f->dir);
}

START_TEST(test_which)
{
	struct fixture f;
	char *plain, *exec, *path, *got, *sub;

	fixture_enter(&f);
	/* dir/tool is not executable; bin/tool is */
	plain = hm_write_file(f.dir, "tool", "#!/bin/sh\n", 0644);
	exec = hm_write_file(f.bin, "tool", "#!/bin/sh\n", 0755);
	path = malloc(strlen(f.dir) + strlen(f.bin) + 2);
	sprintf(path, "%s:%s", f.dir, f.bin);

	got = target_which("tool", path);
	ck_assert_pstr_eq(got, exec);
	free(got);
	ck_assert_ptr_null(target_which("tool", f.dir));
	ck_assert_ptr_null(target_which("tool", f.empty));
	ck_assert_ptr_null(target_which("missing", path));
	ck_assert_ptr_null(target_which("", path));

	/* an executable directory is not a program */
	sub = hm_path(f.empty, "tool");
	ck_assert_int_eq(mkdir(sub, 0755), 0);
	{
		char *p2 = malloc(strlen(f.empty) + strlen(f.bin) + 2);

		sprintf(p2, "%s:%s", f.empty, f.bin);
		got = target_which("tool", p2);
		ck_assert_pstr_eq(got, exec);
		free(got);
		free(p2);
	}
	free(sub);
	free(path);
	free(plain);
	free(exec);
	fixture_leave(&f);
}
END_TEST

START_TEST(test_which_empty_entry_is_cwd)
{
	struct fixture f;
	char *exec, *got, cwd[4096];

	fixture_enter(&f);
	exec = hm_write_file(f.bin, "here", "#!/bin/sh\n", 0755);
	ck_assert_ptr_nonnull(getcwd(cwd, sizeof(cwd)));
	ck_assert_int_eq(chdir(f.bin), 0);
	got = target_which("here", "/nonexistent-dir:");
	ck_assert_int_eq(chdir(cwd), 0);
	ck_assert_pstr_eq(got, "./here");
	free(got);
	free(exec);
	fixture_leave(&f);
}
END_TEST

/* A resolve of "words" (the target and its arguments). */
struct resolved {
	struct strlist words;
	struct options o;
	struct target t;
	char *err;
	int rc;
};

static void
resolve(struct resolved *r, const char *python, const char *path_env,
	const char *const *words)
{
	memset(r, 0, sizeof(*r));
	for (; *words; words++)
		strlist_add(&r->words, *words);
	r->o.target_argv = r->words.v;
	r->o.target_argc = (int)r->words.n;
	if (python)
		r->o.python = strdup(python);
	r->rc = target_resolve(&r->o, path_env, &r->t, &r->err);
}

#define RESOLVE(r, python, path_env, ...)                                      \
	resolve(r, python, path_env, (const char *const[]){__VA_ARGS__, NULL})

static void
resolved_free(struct resolved *r)
{
	target_free(&r->t);
	options_free(&r->o);
	strlist_free(&r->words);
	free(r->err);
}

static void
expect_argv(const struct resolved *r, const char *const *want)
{
	size_t n = 0;

	ck_assert_msg(r->rc == 0, "resolve failed: %s", r->err ? r->err : "");
	for (; want[n]; n++) {
		ck_assert_msg(n < r->t.argv.n, "argv too short: no %s",
			      want[n]);
		ck_assert_str_eq(r->t.argv.v[n], want[n]);
	}
	ck_assert_uint_eq(r->t.argv.n, n);
	ck_assert_ptr_null(r->t.argv.v[n]);
}

#define EXPECT_ARGV(r, ...)                                                    \
	expect_argv(r, (const char *const[]){__VA_ARGS__, NULL})

/* The fixture for resolving: a fake python3 and some files. */
struct world {
	struct fixture f;
	char *python; /* bin/python3, a shell script */
	char *script; /* dir/x.py, not executable */
	char *prog;   /* bin/prog */
	char *plain;  /* dir/plain, not executable */
};

static void
world_enter(struct world *w)
{
	fixture_enter(&w->f);
	w->python =
	    hm_write_file(w->f.bin, "python3", "#!/bin/sh\nexit 0\n", 0755);
	w->script = hm_write_file(w->f.dir, "x.py", "print('hi')\n", 0644);
	w->prog = hm_write_file(w->f.bin, "prog", "#!/bin/sh\nexit 0\n", 0755);
	w->plain = hm_write_file(w->f.dir, "plain", "data\n", 0644);
}

static void
world_leave(struct world *w)
{
	free(w->python);
	free(w->script);
	free(w->prog);
	free(w->plain);
	fixture_leave(&w->f);
}

START_TEST(test_resolve_script)
{
	struct world w;
	struct resolved r;

	world_enter(&w);
	RESOLVE(&r, NULL, w.f.bin, w.script, "a", "-b");
	ck_assert_int_eq(r.rc, 0);
	ck_assert_int_eq(r.t.kind, TARGET_SCRIPT);
	ck_assert_str_eq(r.t.path, w.python);
	EXPECT_ARGV(&r, w.python, w.script, "a", "-b");
	resolved_free(&r);

	/* --python names the interpreter */
	RESOLVE(&r, w.prog, w.f.empty, w.script);
	ck_assert_int_eq(r.t.kind, TARGET_SCRIPT);
	ck_assert_str_eq(r.t.path, w.prog);
	EXPECT_ARGV(&r, w.prog, w.script);
	resolved_free(&r);
	world_leave(&w);
}
END_TEST

START_TEST(test_resolve_script_relative)
{
	struct world w;
	struct resolved r;
	char cwd[4096];

	world_enter(&w);
	ck_assert_ptr_nonnull(getcwd(cwd, sizeof(cwd)));
	ck_assert_int_eq(chdir(w.f.dir), 0);
	/* "x.py" has no '/', but a .py name is a path first */
	RESOLVE(&r, NULL, w.f.bin, "x.py", "arg");
	ck_assert_int_eq(chdir(cwd), 0);
	ck_assert_int_eq(r.rc, 0);
	ck_assert_int_eq(r.t.kind, TARGET_SCRIPT);
	EXPECT_ARGV(&r, w.python, "x.py", "arg");
	resolved_free(&r);
	world_leave(&w);
}
END_TEST

START_TEST(test_resolve_path_failures)
{
	struct world w;
	struct resolved r;
	char *missing;

	world_enter(&w);
	RESOLVE(&r, NULL, w.f.bin, "./missing.py");
	ck_assert_int_eq(r.rc, 127);
	ck_assert_ptr_nonnull(strstr(r.err, "cannot run ./missing.py"));
	resolved_free(&r);

	missing = hm_path(w.f.dir, "missing");
	RESOLVE(&r, NULL, w.f.bin, missing);
	ck_assert_int_eq(r.rc, 127);
	resolved_free(&r);
	free(missing);

	/* a directory */
	RESOLVE(&r, NULL, w.f.bin, w.f.empty);
	ck_assert_int_eq(r.rc, 126);
	ck_assert_ptr_nonnull(strstr(r.err, "it is a directory"));
	resolved_free(&r);

	/* a file that is not executable (and not .py) */
	RESOLVE(&r, NULL, w.f.bin, w.plain);
	ck_assert_int_eq(r.rc, 126);
	ck_assert_ptr_nonnull(strstr(r.err, "not an executable file"));
	resolved_free(&r);

	/* a path through a file */
	missing = hm_path(w.plain, "x");
	RESOLVE(&r, NULL, w.f.bin, missing);
	ck_assert_int_eq(r.rc, 127);
	resolved_free(&r);
	free(missing);

	RESOLVE(&r, NULL, w.f.bin, "");
	ck_assert_int_eq(r.rc, 127);
	resolved_free(&r);
	world_leave(&w);
}
END_TEST

START_TEST(test_resolve_program)
{
	struct world w;
	struct resolved r;

	world_enter(&w);
	/* found on PATH: argv[0] stays as typed */
	RESOLVE(&r, NULL, w.f.bin, "prog", "x", "--", "y");
	ck_assert_int_eq(r.rc, 0);
	ck_assert_int_eq(r.t.kind, TARGET_PROGRAM);
	ck_assert_str_eq(r.t.path, w.prog);
	EXPECT_ARGV(&r, "prog", "x", "--", "y");
	resolved_free(&r);

	/* an executable given by path */
	RESOLVE(&r, NULL, w.f.empty, w.prog, "1");
	ck_assert_int_eq(r.t.kind, TARGET_PROGRAM);
	ck_assert_str_eq(r.t.path, w.prog);
	EXPECT_ARGV(&r, w.prog, "1");
	resolved_free(&r);

	RESOLVE(&r, NULL, w.f.empty, "/bin/true");
	ck_assert_int_eq(r.t.kind, TARGET_PROGRAM);
	ck_assert_str_eq(r.t.path, "/bin/true");
	ck_assert(!r.t.python);
	resolved_free(&r);
	world_leave(&w);
}
END_TEST

START_TEST(test_resolve_program_before_module)
{
	struct world w;
	struct resolved r;
	char *tool;

	world_enter(&w);
	/* a program on PATH wins over a module of the same name */
	tool = hm_write_file(w.f.bin, "json.tool", "#!/bin/sh\n", 0755);
	RESOLVE(&r, NULL, w.f.bin, "json.tool");
	ck_assert_int_eq(r.t.kind, TARGET_PROGRAM);
	ck_assert_str_eq(r.t.path, tool);
	EXPECT_ARGV(&r, "json.tool");
	resolved_free(&r);
	free(tool);
	world_leave(&w);
}
END_TEST

START_TEST(test_resolve_callable)
{
	struct world w;
	struct resolved r;

	world_enter(&w);
	RESOLVE(&r, NULL, w.f.bin, "pkg.mod:func", "a", "b");
	ck_assert_int_eq(r.rc, 0);
	ck_assert_int_eq(r.t.kind, TARGET_CALLABLE);
	ck_assert_str_eq(r.t.path, w.python);
	EXPECT_ARGV(&r, w.python, "-c", target_callable_launcher,
		    "pkg.mod:func", "a", "b");
	resolved_free(&r);

	RESOLVE(&r, NULL, w.f.bin, "pkg:obj.method");
	ck_assert_int_eq(r.t.kind, TARGET_CALLABLE);
	EXPECT_ARGV(&r, w.python, "-c", target_callable_launcher,
		    "pkg:obj.method");
	resolved_free(&r);

	RESOLVE(&r, NULL, w.f.bin, ":x");
	ck_assert_int_eq(r.rc, 125);
	ck_assert_ptr_nonnull(strstr(r.err, "write module:attr"));
	resolved_free(&r);
	RESOLVE(&r, NULL, w.f.bin, "x:");
	ck_assert_int_eq(r.rc, 125);
	ck_assert_ptr_nonnull(strstr(r.err, "write module:attr"));
	resolved_free(&r);
	world_leave(&w);
}
END_TEST

START_TEST(test_resolve_module)
{
	struct world w;
	struct resolved r;

	world_enter(&w);
	RESOLVE(&r, NULL, w.f.bin, "json.tool", "--sort-keys", "f.json");
	ck_assert_int_eq(r.rc, 0);
	ck_assert_int_eq(r.t.kind, TARGET_MODULE);
	ck_assert_str_eq(r.t.path, w.python);
	EXPECT_ARGV(&r, w.python, "-m", "json.tool", "--sort-keys", "f.json");
	resolved_free(&r);

	RESOLVE(&r, w.prog, w.f.empty, "http.server");
	ck_assert_int_eq(r.t.kind, TARGET_MODULE);
	EXPECT_ARGV(&r, w.prog, "-m", "http.server");
	resolved_free(&r);
	world_leave(&w);
}
END_TEST

START_TEST(test_resolve_python_missing)
{
	struct world w;
	struct resolved r;

	world_enter(&w);
	RESOLVE(&r, "/nonexistent/python3", w.f.bin, "json.tool");
	ck_assert_int_eq(r.rc, 127);
	ck_assert_ptr_nonnull(strstr(r.err, "/nonexistent/python3"));
	resolved_free(&r);

	RESOLVE(&r, "/nonexistent/python3", w.f.bin, w.script);
	ck_assert_int_eq(r.rc, 127);
	resolved_free(&r);

	RESOLVE(&r, "/nonexistent/python3", w.f.bin, "m:f");
	ck_assert_int_eq(r.rc, 127);
	resolved_free(&r);

	/* not executable */
	RESOLVE(&r, w.plain, w.f.bin, "json.tool");
	ck_assert_int_eq(r.rc, 126);
	resolved_free(&r);

	/* no python3 on PATH */
	RESOLVE(&r, NULL, w.f.empty, "json.tool");
	ck_assert_int_eq(r.rc, 127);
	ck_assert_ptr_nonnull(strstr(r.err, "python3 not found on PATH"));
	resolved_free(&r);

	/* a name on PATH */
	RESOLVE(&r, "prog", w.f.bin, "json.tool");
	ck_assert_int_eq(r.rc, 0);
	ck_assert_str_eq(r.t.path, w.prog);
	resolved_free(&r);
	world_leave(&w);
}
END_TEST

START_TEST(test_reaches_python_system)
{
	ck_assert(!target_reaches_python("/bin/sh", "/usr/bin:/bin"));
	ck_assert(!target_reaches_python("/bin/true", "/usr/bin:/bin"));
	ck_assert(!target_reaches_python("/nonexistent", "/usr/bin:/bin"));
	if (!have_system_python("target_reaches_python(" SYSTEM_PYTHON ")"))
		return;
	ck_assert(target_reaches_python(SYSTEM_PYTHON, "/usr/bin:/bin"));
}
END_TEST

START_TEST(test_reaches_python_scripts)
{
	struct fixture f;
	char *env_py, *sh, *direct, *loop, *chain, *env_s, *env_missing;
	char *text;

	fixture_enter(&f);
	sh = hm_write_file(f.dir, "sh-script", "#!/bin/sh\nexit 0\n", 0755);
	ck_assert(!target_reaches_python(sh, "/usr/bin:/bin"));

	/* a script that runs itself: the depth limit stops it */
	loop = hm_path(f.dir, "loop");
	text = malloc(strlen(loop) + 4);
	sprintf(text, "#!%s\n", loop);
	free(hm_write_file(f.dir, "loop", text, 0755));
	free(text);
	ck_assert(!target_reaches_python(loop, "/usr/bin:/bin"));

	env_missing = hm_write_file(f.dir, "env-missing",
				    "#!/usr/bin/env no-such-program-x\n", 0755);
	ck_assert(!target_reaches_python(env_missing, "/usr/bin:/bin"));

	if (have_system_python("the #! scripts that lead to it")) {
		env_py =
		    hm_write_file(f.dir, "env-py",
				  "#!/usr/bin/env python3\nprint(1)\n", 0755);
		ck_assert(target_reaches_python(env_py, "/usr/bin"));
		/* the PATH given is the one searched */
		ck_assert(!target_reaches_python(env_py, f.empty));
		direct = hm_write_file(f.dir, "direct",
				       "#!" SYSTEM_PYTHON " -u\n", 0755);
		ck_assert(target_reaches_python(direct, f.empty));
		env_s = hm_write_file(f.dir, "env-s",
				      "#!/usr/bin/env -S python3 -u\n", 0755);
		ck_assert(target_reaches_python(env_s, "/usr/bin"));
		/* a script whose interpreter is a script that reaches it */
		text = malloc(strlen(direct) + 4);
		sprintf(text, "#!%s\n", direct);
		chain = hm_write_file(f.dir, "chain", text, 0755);
		free(text);
		ck_assert(target_reaches_python(chain, f.empty));
		free(env_py);
		free(direct);
		free(env_s);
		free(chain);
	}
	free(sh);
	free(loop);
	free(env_missing);
	fixture_leave(&f);
}
END_TEST

START_TEST(test_reaches_python_pyenv_shim)
{
	struct fixture f;
	char *root, *vdir, *link, *shim, *text, *other;

	if (!have_system_python("the pyenv shim check"))
		return;
	fixture_enter(&f);
	/* PYENV_ROOT/versions/3.11.9/bin/python3 -> the system python */
	root = hm_path(f.dir, "pyenv");
	ck_assert_int_eq(mkdir(root, 0755), 0);
	vdir = hm_path(root, "versions");
	ck_assert_int_eq(mkdir(vdir, 0755), 0);
	free(vdir);
	vdir = hm_path(root, "versions/3.11.9");
	ck_assert_int_eq(mkdir(vdir, 0755), 0);
	free(vdir);
	vdir = hm_path(root, "versions/3.11.9/bin");
	ck_assert_int_eq(mkdir(vdir, 0755), 0);
	link = hm_path(vdir, "python3");
	ck_assert_int_eq(symlink(SYSTEM_PYTHON, link), 0);

	/* the shim is named like the program it stands for */
	text = malloc(strlen(root) + 256);
	sprintf(text,
		"#!/usr/bin/env bash\n"
		"set -e\n"
		"export PYENV_ROOT=\"%s\"\n"
		"exec \"/opt/pyenv/libexec/pyenv\" exec \"$program\" \"$@\"\n",
		root);
	shim = hm_write_file(f.bin, "python3", text, 0755);
	ck_assert(target_reaches_python(shim, f.empty));
	/* a shim for a program no version has */
	other = hm_write_file(f.bin, "pip-nothing", text, 0755);
	ck_assert(!target_reaches_python(other, f.empty));
	free(text);
	free(other);
	free(shim);
	free(link);
	free(vdir);
	free(root);
	fixture_leave(&f);
}
END_TEST

START_TEST(test_resolve_sets_python)
{
	struct world w;
	struct resolved r;

	if (!have_system_python("the python flag of resolved targets"))
		return;
	world_enter(&w);
	RESOLVE(&r, SYSTEM_PYTHON, w.f.empty, w.script);
	ck_assert_int_eq(r.rc, 0);
	ck_assert(r.t.python);
	resolved_free(&r);
	RESOLVE(&r, SYSTEM_PYTHON, w.f.empty, "json.tool");
	ck_assert(r.t.python);
	resolved_free(&r);
	RESOLVE(&r, NULL, w.f.bin, "prog");
	ck_assert(!r.t.python);
	resolved_free(&r);
	world_leave(&w);
}
END_TEST

/* env(1) as the target is a launcher, like a #! line: the program it
 * runs says whether the target reaches Python. */
START_TEST(test_resolve_env_launcher)
{
	static const char path_env[] = "/usr/bin:/bin";
	struct resolved r;

	if (access("/usr/bin/env", X_OK) != 0) {
		printf("check_target: no /usr/bin/env: skipping the env "
		       "launcher checks\n");
		return;
	}
	if (!have_system_python("the env launcher checks"))
		return;
	RESOLVE(&r, NULL, path_env, "env", "python3", "-c", "pass");
	ck_assert_int_eq(r.rc, 0);
	ck_assert_int_eq(r.t.kind, TARGET_PROGRAM);
	EXPECT_ARGV(&r, "env", "python3", "-c", "pass");
	ck_assert(r.t.python);
	resolved_free(&r);

	RESOLVE(&r, NULL, path_env, "env", "-i", "-u", "HOME", "A=1",
		"python3");
	ck_assert(r.t.python);
	resolved_free(&r);

	RESOLVE(&r, NULL, path_env, "env", "A=1", "--", SYSTEM_PYTHON);
	ck_assert(r.t.python);
	resolved_free(&r);

	RESOLVE(&r, NULL, path_env, "env", "true");
	ck_assert(!r.t.python);
	resolved_free(&r);

	/* the same launcher named by its path */
	RESOLVE(&r, NULL, path_env, "/usr/bin/env", "python3", "-c", "pass");
	ck_assert_int_eq(r.rc, 0);
	ck_assert_int_eq(r.t.kind, TARGET_PROGRAM);
	ck_assert_msg(r.t.python, "'/usr/bin/env python3' does not reach "
				  "Python, while 'env python3' does");
	resolved_free(&r);
}
END_TEST

static Suite *
target_suite(void)
{
	Suite *s = suite_create("target");
	TCase *tc = tcase_create("shebang");

	tcase_add_test(tc, test_shebang_forms);
	tcase_add_test(tc, test_shebang_bounded_by_len);
	tcase_add_test(tc, test_not_shebang);
	suite_add_tcase(s, tc);

	tc = tcase_create("which");
	tcase_add_test(tc, test_which);
	tcase_add_test(tc, test_which_empty_entry_is_cwd);
	suite_add_tcase(s, tc);

	tc = tcase_create("resolve");
	tcase_add_test(tc, test_resolve_script);
	tcase_add_test(tc, test_resolve_script_relative);
	tcase_add_test(tc, test_resolve_path_failures);
	tcase_add_test(tc, test_resolve_program);
	tcase_add_test(tc, test_resolve_program_before_module);
	tcase_add_test(tc, test_resolve_callable);
	tcase_add_test(tc, test_resolve_module);
	tcase_add_test(tc, test_resolve_python_missing);
	tcase_add_test(tc, test_resolve_sets_python);
	tcase_add_test(tc, test_resolve_env_launcher);
	suite_add_tcase(s, tc);

	tc = tcase_create("reaches_python");
	tcase_add_test(tc, test_reaches_python_system);
	tcase_add_test(tc, test_reaches_python_scripts);
	tcase_add_test(tc, test_reaches_python_pyenv_shim);
	suite_add_tcase(s, tc);
	return s;
}

HM_SUITE_MAIN(target_suite)
