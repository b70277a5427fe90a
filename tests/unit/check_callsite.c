/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * Unit tests of the call-site choice and naming (python/callsite.c): where
 * a file comes from by its path (the layouts of Debian, pyenv, venvs and
 * lib64 systems, pseudo files, look-alikes that are the user's own),
 * which frame is named, file names made relative to the start directory
 * (and sibling directories that must not be), and the pytest node id from
 * PYTEST_CURRENT_TEST or from the frames alone.
 */
#include "config.h"

#include <check.h>
#include <stdio.h>
#include <string.h>

#include "check_common.h"
#include "python/callsite.h"

/* ---- callsite_origin ---------------------------------------------------- */

static const struct {
	const char *file;
	enum frame_origin want;
} origins[] = {
    /* Debian's system interpreter */
    {"/usr/lib/python3.11/socket.py", ORIGIN_STDLIB},
    {"/usr/lib/python3.11/http/client.py", ORIGIN_STDLIB},
    {"/usr/lib/python3.11/lib-dynload/x.so", ORIGIN_STDLIB},
    {"/usr/lib/python3/dist-packages/pytest/__init__.py", ORIGIN_SITE},
    {"/usr/lib/python3/dist-packages/_pytest/python.py", ORIGIN_SITE},
    {"/usr/local/lib/python3.11/dist-packages/requests/api.py", ORIGIN_SITE},
    /* pyenv */
    {"/root/.pyenv/versions/3.12.1/lib/python3.12/socket.py", ORIGIN_STDLIB},
    {"/root/.pyenv/versions/3.12.1/lib/python3.12/site-packages/pip/x.py",
     ORIGIN_SITE},
    {"/root/.pyenv/versions/3.8.18/lib/python3.8/asyncio/base_events.py",
     ORIGIN_STDLIB},
    /* a virtual environment, as an absolute and a relative path */
    {"/home/u/proj/.venv/lib/python3.11/site-packages/requests/api.py",
     ORIGIN_SITE},
    {".venv/lib/python3.11/site-packages/requests/api.py", ORIGIN_SITE},
    /* lib64 systems */
    {"/usr/lib64/python3.9/ssl.py", ORIGIN_STDLIB},
    {"/usr/lib64/python3.9/site-packages/yaml/__init__.py", ORIGIN_SITE},
    /* frozen modules */
    {"<frozen importlib._bootstrap>", ORIGIN_FROZEN},
    {"<frozen importlib._bootstrap_external>", ORIGIN_FROZEN},
    {"<frozen getpath>", ORIGIN_FROZEN},
    /* the user's own code, and pseudo files */
    {"/home/u/proj/app.py", ORIGIN_USER},
    {"<string>", ORIGIN_USER},
    {"<stdin>", ORIGIN_USER},
    {"app.py", ORIGIN_USER},
    {"", ORIGIN_USER},
    /* look-alikes: not a digit after "python3.", no lib/ before it, a
     * longer directory name ending in lib, no directory after it */
    {"/home/u/lib/python3.x/notreally.py", ORIGIN_USER},
    {"/home/u/lib/python3./x.py", ORIGIN_USER},
    {"/home/u/python3.11/x.py", ORIGIN_USER},
    {"/home/u/mylib/python3.11/x.py", ORIGIN_USER},
    {"/home/u/lib/python3.11x/y.py", ORIGIN_USER},
    {"/home/u/lib/python3.11", ORIGIN_USER},
    {"/home/u/site-packages.py", ORIGIN_USER},
    {"/home/u/my-site-packages/x.py", ORIGIN_USER},
    {"<frozen", ORIGIN_USER},
    /* a second "/python3." later in the path still counts */
    {"/opt/python3.x/lib/python3.10/json/decoder.py", ORIGIN_STDLIB},
};

START_TEST(test_origin)
{
	enum frame_origin got = callsite_origin(origins[_i].file);

	ck_assert_msg(got == origins[_i].want, "%s: got %d, want %d",
		      origins[_i].file, got, origins[_i].want);
}
END_TEST

/* ---- callsite_pick ------------------------------------------------------ */

static struct pyframe frames_buf[8];

/* Fill frames_buf with "n" frames (innermost first) in these files. */
static const struct pyframe *
frames_of(const char *const *files, int n)
{
	ck_assert_int_le(n, (int)HM_ARRAY_SIZE(frames_buf));
	memset(frames_buf, 0, sizeof(frames_buf));
	for (int i = 0; i < n; i++) {
		snprintf(frames_buf[i].file, sizeof(frames_buf[i].file), "%s",
			 files[i]);
		snprintf(frames_buf[i].name, sizeof(frames_buf[i].name), "f%d",
			 i);
		frames_buf[i].line = 10 + i;
	}
	return frames_buf;
}

#define FILES(...) ((const char *const[]){__VA_ARGS__})
#define PICK(...)                                                              \
	callsite_pick(frames_of(FILES(__VA_ARGS__),                            \
				(int)HM_ARRAY_SIZE(FILES(__VA_ARGS__))),       \
		      (int)HM_ARRAY_SIZE(FILES(__VA_ARGS__)))

START_TEST(test_pick)
{
	/* socket.py called from the user's code */
	ck_assert_int_eq(PICK("/usr/lib/python3.11/socket.py",
			      "/home/u/proj/app.py", "/home/u/proj/main.py"),
			 1);
	/* the user's frame is innermost */
	ck_assert_int_eq(PICK("/home/u/proj/app.py",
			      "/usr/lib/python3.11/socket.py",
			      "/home/u/proj/main.py"),
			 0);
	/* the user's frame is outermost, under a library and the stdlib */
	ck_assert_int_eq(
	    PICK("/usr/lib/python3.11/socket.py",
		 "/usr/lib/python3.11/http/client.py",
		 ".venv/lib/python3.11/site-packages/requests/api.py",
		 "<frozen importlib._bootstrap>", "/home/u/proj/app.py"),
	    4);
	/* only the stdlib and libraries: the innermost library frame */
	ck_assert_int_eq(
	    PICK("/usr/lib/python3.11/socket.py",
		 "/usr/lib/python3.11/http/client.py",
		 ".venv/lib/python3.11/site-packages/urllib3/conn.py",
		 ".venv/lib/python3.11/site-packages/requests/api.py"),
	    2);
	/* only the stdlib and frozen frames: the innermost */
	ck_assert_int_eq(PICK("<frozen importlib._bootstrap_external>",
			      "<frozen importlib._bootstrap>",
			      "/usr/lib/python3.11/runpy.py"),
			 0);
	ck_assert_int_eq(PICK("/usr/lib/python3.11/socket.py"), 0);
	/* pseudo files are the user's */
	ck_assert_int_eq(PICK("/usr/lib/python3.11/socket.py", "<string>",
			      "/home/u/proj/app.py"),
			 1);
	/* no frames */
	ck_assert_int_eq(callsite_pick(frames_buf, 0), -1);
	ck_assert_int_eq(callsite_pick(NULL, 0), -1);
}
END_TEST

/* ---- callsite_relative -------------------------------------------------- */

START_TEST(test_relative)
{
	static const char below[] = "/home/u/proj/app.py";
	static const char deeper[] = "/home/u/proj/pkg/sub/mod.py";

	/* below: a pointer into the name */
	ck_assert_ptr_eq(callsite_relative("/home/u/proj", below), below + 13);
	ck_assert_str_eq(callsite_relative("/home/u/proj", below), "app.py");
	ck_assert_str_eq(callsite_relative("/home/u/proj", deeper),
			 "pkg/sub/mod.py");
	ck_assert_str_eq(callsite_relative("/home/u", deeper),
			 "proj/pkg/sub/mod.py");
	ck_assert_str_eq(callsite_relative("/home", deeper),
			 "u/proj/pkg/sub/mod.py");
	/* a cwd deeper than the file, or elsewhere */
	ck_assert_ptr_eq(callsite_relative("/home/u/proj/pkg/sub/x", deeper),
			 deeper);
	ck_assert_ptr_eq(callsite_relative("/srv", below), below);
	/* the root: everything is below it */
	ck_assert_str_eq(callsite_relative("/", below), "home/u/proj/app.py");
	ck_assert_str_eq(callsite_relative("/", "/x.py"), "x.py");
	ck_assert_str_eq(callsite_relative("/", "/"), "/");
	/* siblings that share a prefix are not below */
	ck_assert_str_eq(
	    callsite_relative("/home/u/proj", "/home/u/proj2/x.py"),
	    "/home/u/proj2/x.py");
	ck_assert_str_eq(
	    callsite_relative("/home/u/proj", "/home/u/project/x.py"),
	    "/home/u/project/x.py");
	ck_assert_str_eq(callsite_relative("/home/u/proj", "/home/u/proj.py"),
			 "/home/u/proj.py");
	ck_assert_str_eq(callsite_relative("/home/u/pro", "/home/u/proj/x.py"),
			 "/home/u/proj/x.py");
	/* the cwd itself, and the cwd with a slash: nothing is left to name */
	ck_assert_str_eq(callsite_relative("/home/u/proj", "/home/u/proj"),
			 "/home/u/proj");
	ck_assert_str_eq(callsite_relative("/home/u/proj", "/home/u/proj/"),
			 "/home/u/proj/");
	/* relative and pseudo names are kept */
	ck_assert_str_eq(callsite_relative("/home/u/proj", "app.py"), "app.py");
	ck_assert_str_eq(callsite_relative("/", "app.py"), "app.py");
	ck_assert_str_eq(callsite_relative("/home/u/proj", "<string>"),
			 "<string>");
	ck_assert_str_eq(callsite_relative("/", "<frozen getpath>"),
			 "<frozen getpath>");
	ck_assert_str_eq(callsite_relative("/home/u/proj", ""), "");
	/* no cwd (before context_init, or getcwd failed) */
	ck_assert_ptr_eq(callsite_relative("", below), below);
}
END_TEST

/* ---- callsite_pytest_env ------------------------------------------------ */

START_TEST(test_pytest_env)
{
	char out[128];

	ck_assert(callsite_pytest_env("t.py::test_a (call)", out, sizeof(out)));
	ck_assert_str_eq(out, "t.py::test_a");
	ck_assert(callsite_pytest_env("tests/test_x.py::TestApi::test_get "
				      "(setup)",
				      out, sizeof(out)));
	ck_assert_str_eq(out, "tests/test_x.py::TestApi::test_get");
	ck_assert(callsite_pytest_env("tests/test_x.py::test_a[1] (teardown)",
				      out, sizeof(out)));
	ck_assert_str_eq(out, "tests/test_x.py::test_a[1]");
	/* parameters with spaces and parentheses: only the last " (" */
	ck_assert(callsite_pytest_env("t.py::test_x[a (b) c] (setup)", out,
				      sizeof(out)));
	ck_assert_str_eq(out, "t.py::test_x[a (b) c]");
	ck_assert(callsite_pytest_env("t.py::test_x[(1, 2) (3)] (call)", out,
				      sizeof(out)));
	ck_assert_str_eq(out, "t.py::test_x[(1, 2) (3)]");
	ck_assert(
	    callsite_pytest_env("t.py::test_x[a b] (call)", out, sizeof(out)));
	ck_assert_str_eq(out, "t.py::test_x[a b]");
	/* no phase: the whole value */
	ck_assert(callsite_pytest_env("t.py::test_a", out, sizeof(out)));
	ck_assert_str_eq(out, "t.py::test_a");
	ck_assert(callsite_pytest_env("t.py::test_x[a b]", out, sizeof(out)));
	ck_assert_str_eq(out, "t.py::test_x[a b]");
	/* no phase, and a " (" inside the parameters: not a phase either */
	ck_assert(callsite_pytest_env("t.py::test_x[a (b)]", out, sizeof(out)));
	ck_assert_str_eq(out, "t.py::test_x[a (b)]");
	ck_assert(
	    callsite_pytest_env("t.py::test_x[a (b) c]", out, sizeof(out)));
	ck_assert_str_eq(out, "t.py::test_x[a (b) c]");
	/* not a node id */
	ck_assert(!callsite_pytest_env("t.py (call)", out, sizeof(out)));
	ck_assert(!callsite_pytest_env("", out, sizeof(out)));
	ck_assert(!callsite_pytest_env("t.py:test_a (call)", out, sizeof(out)));
}
END_TEST

START_TEST(test_pytest_env_sizes)
{
	static const char value[] = "tests/test_x.py::test_a[1] (call)";
	static const char want[] = "tests/test_x.py::test_a[1]";
	char out[64];

	/* the node id and its NUL fit exactly; one byte less does not */
	memset(out, 'z', sizeof(out));
	ck_assert(callsite_pytest_env(value, out, sizeof(want)));
	ck_assert_str_eq(out, want);
	for (size_t size = 0; size < sizeof(want); size++) {
		memset(out, 'z', sizeof(out));
		ck_assert_msg(!callsite_pytest_env(value, out, size),
			      "size %zu", size);
		/* nothing written past "size" */
		ck_assert_msg(out[size] == 'z', "size %zu", size);
	}
	/* the same for a value without a phase */
	ck_assert(callsite_pytest_env(want, out, sizeof(want)));
	ck_assert_str_eq(out, want);
	ck_assert(!callsite_pytest_env(want, out, sizeof(want) - 1));
}
END_TEST

/* ---- callsite_pytest_frames --------------------------------------------- */

struct fr {
	const char *file, *name;
};

static const struct pyframe *
stack_of(const struct fr *spec, int n)
{
	ck_assert_int_le(n, (int)HM_ARRAY_SIZE(frames_buf));
	memset(frames_buf, 0, sizeof(frames_buf));
	for (int i = 0; i < n; i++) {
		snprintf(frames_buf[i].file, sizeof(frames_buf[i].file), "%s",
			 spec[i].file);
		snprintf(frames_buf[i].name, sizeof(frames_buf[i].name), "%s",
			 spec[i].name);
		frames_buf[i].line = 1 + i;
	}
	return frames_buf;
}

#define PYTEST_PY "/usr/lib/python3/dist-packages/_pytest/python.py"
#define PLUGGY_PY "/usr/lib/python3/dist-packages/pluggy/_callers.py"
#define PYTEST_MAIN "/usr/lib/python3/dist-packages/pytest/__main__.py"
#define SOCKET_PY "/usr/lib/python3.11/socket.py"

/* The node id callsite_pytest_frames() gives for "spec" under cwd
 * "/home/u/proj", or "-" when none. */
static const char *
node_of(const struct fr *spec, int n)
{
	static char out[256];

	if (!callsite_pytest_frames(stack_of(spec, n), n, "/home/u/proj", out,
				    sizeof(out)))
		return "-";
	return out;
}

#define NODE(...)                                                              \
	node_of((const struct fr[]){__VA_ARGS__},                              \
		(int)HM_ARRAY_SIZE(((const struct fr[]){__VA_ARGS__})))

START_TEST(test_pytest_frames)
{
	/* a plain test function */
	ck_assert_str_eq(NODE({SOCKET_PY, "socket.connect"},
			      {"/home/u/proj/tests/test_a.py", "test_net"},
			      {PYTEST_PY, "pytest_pyfunc_call"},
			      {PLUGGY_PY, "_multicall"}),
			 "tests/test_a.py::test_net");
	/* a method: the class becomes a part of the id */
	ck_assert_str_eq(NODE({SOCKET_PY, "create_connection"},
			      {"/home/u/proj/test_b.py", "TestApi.test_get"},
			      {PYTEST_PY, "pytest_pyfunc_call"}),
			 "test_b.py::TestApi::test_get");
	ck_assert_str_eq(NODE({"/home/u/proj/test_b.py", "TestA.TestB.test_x"},
			      {PYTEST_MAIN, "<module>"}),
			 "test_b.py::TestA::TestB::test_x");
	/* *_test.py files count too */
	ck_assert_str_eq(NODE({"/home/u/proj/pkg/api_test.py", "test_x"},
			      {PYTEST_PY, "pytest_pyfunc_call"}),
			 "pkg/api_test.py::test_x");
	/* the outermost test frame: a test calling a helper named test* */
	ck_assert_str_eq(NODE({SOCKET_PY, "connect"},
			      {"/home/u/proj/tests/test_a.py", "test_helper"},
			      {"/home/u/proj/tests/test_a.py", "test_outer"},
			      {PYTEST_PY, "pytest_pyfunc_call"}),
			 "tests/test_a.py::test_outer");
	/* a helper module and a non-test function in a test file are not
	 * the test */
	ck_assert_str_eq(NODE({"/home/u/proj/helpers.py", "test_like"},
			      {"/home/u/proj/test_c.py", "fixture_body"},
			      {"/home/u/proj/test_c.py", "test_real"},
			      {PYTEST_PY, "pytest_pyfunc_call"}),
			 "test_c.py::test_real");
	/* a nested function (<locals>) is never the test */
	ck_assert_str_eq(
	    NODE({"/home/u/proj/test_c.py", "test_real.<locals>.test_inner"},
		 {PYTEST_PY, "pytest_pyfunc_call"}),
	    "-");
	ck_assert_str_eq(
	    NODE({"/home/u/proj/test_c.py", "test_real.<locals>.test_inner"},
		 {"/home/u/proj/test_c.py", "test_real"},
		 {PYTEST_PY, "pytest_pyfunc_call"}),
	    "test_c.py::test_real");
	/* outside the cwd the name stays absolute */
	ck_assert_str_eq(NODE({"/srv/other/test_d.py", "test_x"},
			      {PYTEST_PY, "pytest_pyfunc_call"}),
			 "/srv/other/test_d.py::test_x");
	ck_assert_str_eq(NODE({"/home/u/proj2/test_d.py", "test_x"},
			      {PYTEST_PY, "pytest_pyfunc_call"}),
			 "/home/u/proj2/test_d.py::test_x");
	/* not under pytest: no id, however test-like the frames look */
	ck_assert_str_eq(NODE({"/home/u/proj/test_a.py", "test_net"},
			      {"/usr/lib/python3.11/unittest/case.py", "run"}),
			 "-");
	ck_assert_str_eq(
	    NODE({"/home/u/proj/test_a.py", "test_net"},
		 {"/home/u/proj/mypytest.py", "main"},
		 {"/usr/lib/python3/dist-packages/pytest_cov/p.py", "x"}),
	    "-");
	/* under pytest, but no test frame */
	ck_assert_str_eq(NODE({"/home/u/proj/conftest.py", "fixture"},
			      {"/home/u/proj/test_a.py", "helper"},
			      {"/home/u/proj/tests.py", "test_a"},
			      {"/home/u/proj/test_a.txt", "test_a"},
			      {PYTEST_PY, "pytest_pyfunc_call"}),
			 "-");
	ck_assert_str_eq(NODE({PYTEST_PY, "pytest_pyfunc_call"}), "-");
	ck_assert_int_eq(
	    callsite_pytest_frames(frames_buf, 0, "/", (char[8]){0}, 8), 0);
}
END_TEST

START_TEST(test_pytest_frames_relative)
{
	static const struct fr spec[] = {
	    {"/home/u/proj/tests/test_a.py", "TestApi.test_get"},
	    {PYTEST_PY, "pytest_pyfunc_call"},
	};
	char out[128];

	stack_of(spec, 2);
	ck_assert(
	    callsite_pytest_frames(frames_buf, 2, "/home/u", out, sizeof(out)));
	ck_assert_str_eq(out, "proj/tests/test_a.py::TestApi::test_get");
	ck_assert(callsite_pytest_frames(frames_buf, 2, "/", out, sizeof(out)));
	ck_assert_str_eq(out, "home/u/proj/tests/test_a.py::TestApi::test_get");
	ck_assert(callsite_pytest_frames(frames_buf, 2, "", out, sizeof(out)));
	ck_assert_str_eq(out,
			 "/home/u/proj/tests/test_a.py::TestApi::test_get");
	/* a relative co_filename (3.8 keeps the script path as typed) */
	snprintf(frames_buf[0].file, sizeof(frames_buf[0].file),
		 "tests/test_a.py");
	ck_assert(callsite_pytest_frames(frames_buf, 2, "/home/u/proj", out,
					 sizeof(out)));
	ck_assert_str_eq(out, "tests/test_a.py::TestApi::test_get");
}
END_TEST

/* A node id that does not fit is no node id: never a truncated one, and
 * nothing is written past the buffer. */
START_TEST(test_pytest_frames_sizes)
{
	static const struct fr spec[] = {
	    {"/home/u/proj/test_b.py", "TestApi.test_get"},
	    {PYTEST_PY, "pytest_pyfunc_call"},
	};
	static const char want[] = "test_b.py::TestApi::test_get";
	char out[64];

	stack_of(spec, 2);
	memset(out, 'z', sizeof(out));
	ck_assert(callsite_pytest_frames(frames_buf, 2, "/home/u/proj", out,
					 sizeof(want)));
	ck_assert_str_eq(out, want);
	for (size_t size = 1; size < sizeof(want); size++) {
		memset(out, 'z', sizeof(out));
		ck_assert_msg(!callsite_pytest_frames(
				  frames_buf, 2, "/home/u/proj", out, size),
			      "size %zu: \"%.*s\"", size, (int)size, out);
		ck_assert_msg(out[size] == 'z', "size %zu: written past", size);
	}
}
END_TEST

static Suite *
callsite_suite(void)
{
	Suite *s = suite_create("callsite");
	TCase *tc = tcase_create("origin");

	tcase_add_loop_test(tc, test_origin, 0, HM_ARRAY_SIZE(origins));
	tcase_add_test(tc, test_pick);
	suite_add_tcase(s, tc);

	tc = tcase_create("relative");
	tcase_add_test(tc, test_relative);
	suite_add_tcase(s, tc);

	tc = tcase_create("pytest");
	tcase_add_test(tc, test_pytest_env);
	tcase_add_test(tc, test_pytest_env_sizes);
	tcase_add_test(tc, test_pytest_frames);
	tcase_add_test(tc, test_pytest_frames_relative);
	tcase_add_test(tc, test_pytest_frames_sizes);
	suite_add_tcase(s, tc);
	return s;
}

HM_SUITE_MAIN(callsite_suite)
