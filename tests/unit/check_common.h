/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * What the libcheck unit tests share: the main() of a suite binary, and
 * helpers for the tests that need files (a private temporary directory
 * removed afterwards, files written into it with a given mode). Every
 * test must also pass with CK_FORK=no (how they run under valgrind), so
 * tests restore what they change in the process: environment variables,
 * the working directory, file descriptors.
 */
#ifndef HERMETIC_CHECK_COMMON_H
#define HERMETIC_CHECK_COMMON_H

#include <check.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Exit status that tells the Automake harness a test was skipped. */
#define HM_EXIT_SKIP 77

/* main(): run the suite "make_suite()" returns and exit 1 on failures. */
#define HM_SUITE_MAIN(make_suite)                                              \
	int main(void)                                                         \
	{                                                                      \
		SRunner *sr = srunner_create(make_suite());                    \
		int failed;                                                    \
                                                                               \
		srunner_run_all(sr, CK_NORMAL);                                \
		failed = srunner_ntests_failed(sr);                            \
		srunner_free(sr);                                              \
		return failed ? 1 : 0;                                         \
	}

/*
 * An assertion for hot loops: fails like ck_assert_msg(), but costs
 * nothing when it holds (libcheck records a location for every passing
 * ck_assert, a write each).
 */
#define HM_CHECK(expr, ...)                                                    \
	do {                                                                   \
		if (!(expr))                                                   \
			ck_abort_msg(__VA_ARGS__);                             \
	} while (0)

/* Number of elements of an array. */
#define HM_ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* A new private directory under $TMPDIR (or /tmp); free(3) the name and
 * remove it with hm_rm_rf(). */
static inline char *
hm_tmpdir_make(void)
{
	const char *base = getenv("TMPDIR");
	char *dir;

	if (!base || !*base)
		base = "/tmp";
	dir = malloc(strlen(base) + sizeof("/hermetic-check.XXXXXX"));
	ck_assert_ptr_nonnull(dir);
	strcpy(dir, base);
	strcat(dir, "/hermetic-check.XXXXXX");
	ck_assert_msg(mkdtemp(dir) != NULL, "mkdtemp %s failed", dir);
	return dir;
}

static inline int
hm_rm_one(const char *path, const struct stat *st, int flag, struct FTW *f)
{
	(void)st;
	(void)f;
	return flag == FTW_DP ? rmdir(path) : unlink(path);
}

/* Remove "dir" and everything below it, then free the name. */
static inline void
hm_rm_rf(char *dir)
{
	if (!dir)
		return;
	ck_assert_msg(nftw(dir, hm_rm_one, 16, FTW_DEPTH | FTW_PHYS) == 0,
		      "cannot remove %s", dir);
	free(dir);
}

/* "dir/name" as a new string (free(3)). */
static inline char *
hm_path(const char *dir, const char *name)
{
	char *p = malloc(strlen(dir) + strlen(name) + 2);

	ck_assert_ptr_nonnull(p);
	strcpy(p, dir);
	strcat(p, "/");
	strcat(p, name);
	return p;
}

/* Write "len" bytes to "dir/name" with permissions "mode"; returns the
 * path (free(3)). */
static inline char *
hm_write_bytes(const char *dir, const char *name, const void *data, size_t len,
	       mode_t mode)
{
	char *path = hm_path(dir, name);
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode);

	ck_assert_msg(fd >= 0, "cannot create %s", path);
	ck_assert_msg(write(fd, data, len) == (ssize_t)len, "cannot write %s",
		      path);
	ck_assert_int_eq(close(fd), 0);
	/* open() applied the umask */
	ck_assert_int_eq(chmod(path, mode), 0);
	return path;
}

/* Write the string "text" to "dir/name"; returns the path (free(3)). */
static inline char *
hm_write_file(const char *dir, const char *name, const char *text, mode_t mode)
{
	return hm_write_bytes(dir, name, text, strlen(text), mode);
}

/* Set (or, with "value" NULL, unset) an environment variable, returning
 * its old value (free(3); NULL when it was unset) for hm_env_restore(). */
static inline char *
hm_env_set(const char *name, const char *value)
{
	const char *old = getenv(name);
	char *saved = old ? strdup(old) : NULL;

	if (value)
		ck_assert_int_eq(setenv(name, value, 1), 0);
	else
		ck_assert_int_eq(unsetenv(name), 0);
	return saved;
}

/* Put back what hm_env_set() returned, and free it. */
static inline void
hm_env_restore(const char *name, char *saved)
{
	if (saved)
		ck_assert_int_eq(setenv(name, saved, 1), 0);
	else
		ck_assert_int_eq(unsetenv(name), 0);
	free(saved);
}

/*
 * The source tree: $top_srcdir (make check exports it), else derived from
 * "file", the __FILE__ of a test under tests/unit/. Free it with free(3).
 */
static inline char *
hm_top_srcdir(const char *file)
{
	const char *env = getenv("top_srcdir"), *p, *last = NULL;

	if (env && *env)
		return strdup(env);
	for (p = strstr(file, "tests/unit/"); p;
	     p = strstr(p + 1, "tests/unit/"))
		last = p;
	ck_assert_msg(last != NULL, "cannot find the source tree from %s",
		      file);
	return last > file ? strndup(file, (size_t)(last - file)) : strdup(".");
}

#endif
