/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * readroot.c: the paths of --fs-readonly=ROOT resolved, with the errors a
 * user sees, and what an interpreter needs to read, for an installation
 * and a virtual environment built in a temporary directory.
 */
#include "config.h"

#include <check.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check_common.h"
#include "readroot.h"
#include "xmalloc.h"

static void
want(const struct strlist *l, const char *dir, const char *name, bool in)
{
	char *p = xasprintf("%s%s", dir, name);

	ck_assert_msg(strlist_contains(l, p) == in, "%s %s the list", p,
		      in ? "missing from" : "in");
	free(p);
}

static void
mkdir_in(const char *dir, const char *name)
{
	char *p = hm_path(dir, name);

	ck_assert_int_eq(mkdir(p, 0755), 0);
	free(p);
}

START_TEST(test_program_dirs)
{
	char *dir = hm_tmpdir_make(), *exe, *venv_py;
	struct strlist l = {0};

	mkdir_in(dir, "bin");
	mkdir_in(dir, "venv");
	mkdir_in(dir, "venv/bin");
	exe = hm_write_file(dir, "bin/python3.12", "", 0755);
	free(hm_write_file(dir, "venv/pyvenv.cfg", "home = x\n", 0644));
	venv_py = hm_path(dir, "venv/bin/python");

	/* an installation: the file, PREFIX/lib, PREFIX/lib64, /etc/NAME */
	readroot_program_dirs(exe, exe, &l);
	want(&l, exe, "", true);
	want(&l, dir, "/lib", true);
	want(&l, dir, "/lib64", true);
	want(&l, "/etc/python3.12", "", true);
	want(&l, dir, "/bin", false);
	want(&l, dir, "", false);
	strlist_free(&l);

	/* run through a virtual environment's path: its files too */
	readroot_program_dirs(exe, venv_py, &l);
	want(&l, dir, "/lib", true);
	want(&l, dir, "/venv/pyvenv.cfg", true);
	want(&l, dir, "/venv/lib", true);
	want(&l, dir, "/venv/lib64", true);
	want(&l, dir, "/venv", false);
	strlist_free(&l);

	/* not a Python: no /etc entry; unknown or relative: nothing */
	readroot_program_dirs("/usr/bin/git", NULL, &l);
	want(&l, "/usr/lib", "", true);
	ck_assert_uint_eq(l.n, 3);
	strlist_free(&l);
	readroot_program_dirs("/git", "rel/bin/python", &l);
	want(&l, "/lib", "", true);
	strlist_free(&l);
	readroot_program_dirs(NULL, NULL, &l);
	readroot_program_dirs("bin/python", NULL, &l);
	ck_assert_uint_eq(l.n, 0);

	free(venv_py);
	free(exe);
	hm_rm_rf(dir);
}
END_TEST

START_TEST(test_resolve)
{
	char *dir = hm_tmpdir_make(), *file, *link, *real_dir;
	char *files[] = {NULL, NULL, NULL};
	char missing_target[] = "/nonexistent/target.py";
	struct policy p;
	char *err = NULL;

	file = hm_write_file(dir, "f", "x", 0644);
	link = hm_path(dir, "l");
	ck_assert_int_eq(symlink(dir, link), 0);
	real_dir = realpath(dir, NULL);

	/* no root: nothing to do */
	memset(&p, 0, sizeof(p));
	ck_assert_int_eq(readroot_resolve(&p, files, &err), 0);

	/* the root and the entries resolved; the target's files added */
	p.read_root = xstrdup(link);
	p.allow_read = xmalloc(sizeof(char *));
	p.allow_read[0] = xasprintf("%s/./f", link);
	p.n_allow_read = 1;
	files[0] = file;
	files[1] = missing_target; /* skipped */
	ck_assert_int_eq(readroot_resolve(&p, files, &err), 0);
	ck_assert_str_eq(p.read_root, real_dir);
	ck_assert_uint_eq(p.n_allow_read, 2);
	ck_assert_ptr_nonnull(strstr(p.allow_read[0], "/f"));
	ck_assert_int_eq(p.allow_read[0][0], '/');
	ck_assert_str_eq(p.allow_read[0], p.allow_read[1]);
	policy_free(&p);

	/* a missing root, a file as root, a missing entry */
	memset(&p, 0, sizeof(p));
	p.read_root = xasprintf("%s/none", dir);
	ck_assert_int_eq(readroot_resolve(&p, NULL, &err), -1);
	ck_assert_ptr_nonnull(strstr(err, "--fs-readonly=ROOT "));
	ck_assert_ptr_nonnull(strstr(err, ": No such file or directory"));
	free(err);
	policy_free(&p);
	p.read_root = xstrdup(file);
	ck_assert_int_eq(readroot_resolve(&p, NULL, &err), -1);
	ck_assert_ptr_nonnull(strstr(err, "not a directory"));
	free(err);
	policy_free(&p);
	p.read_root = xstrdup(dir);
	p.allow_read = xmalloc(sizeof(char *));
	p.allow_read[0] = xasprintf("%s/none", dir);
	p.n_allow_read = 1;
	ck_assert_int_eq(readroot_resolve(&p, NULL, &err), -1);
	ck_assert_ptr_nonnull(strstr(err, "--allow-read "));
	free(err);
	policy_free(&p);

	free(real_dir);
	free(link);
	free(file);
	hm_rm_rf(dir);
}
END_TEST

static Suite *
readroot_suite(void)
{
	Suite *s = suite_create("readroot");
	TCase *tc = tcase_create("readroot");

	tcase_add_test(tc, test_program_dirs);
	tcase_add_test(tc, test_resolve);
	suite_add_tcase(s, tc);
	return s;
}

HM_SUITE_MAIN(readroot_suite)
