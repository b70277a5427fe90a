/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * Gathering. The frame and node-id buffers are static: the tracer reports
 * one event at a time. A node id that hermetic itself inherited (hermetic
 * run from inside a pytest test) says nothing about the target and is
 * ignored.
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "context.h"
#include "log.h"
#include "mem.h"
#include "pystack.h"
#include "python/callsite.h"
#include "python/remote.h"
#include "xmalloc.h"

#define ENV_NAME "PYTEST_CURRENT_TEST="
#define ENV_MAX 4096 /* entries of environ looked at */
#define MAX_WARNED 8

static char *cwd;
static enum backtrace backtrace;
static const char *inherited_test;
static char warned[MAX_WARNED][24];

static struct pyframe frames[CONTEXT_PY_MAX];
static struct nframe nframes[CONTEXT_NATIVE_MAX];
static char test[CONTEXT_TEST_MAX];

void
context_init(const char *dir, enum backtrace bt)
{
	free(cwd);
	cwd = xstrdup(dir ? dir : "");
	backtrace = bt;
	inherited_test = getenv("PYTEST_CURRENT_TEST");
}

const char *
context_cwd(void)
{
	return cwd ? cwd : "";
}

/* Say once per version that it cannot be read. */
static void
warn_unsupported(const char *version)
{
	for (int i = 0; i < MAX_WARNED; i++) {
		if (strcmp(warned[i], version) == 0)
			return;
		if (!warned[i][0]) {
			snprintf(warned[i], sizeof(warned[i]), "%s", version);
			break;
		}
	}
	warn("python version %s not supported: no Python call sites", version);
}

/* The value of PYTEST_CURRENT_TEST in the environ of the stopped task,
 * into "out"; false when it has none. */
static bool
read_env_test(pid_t tid, uint64_t environ, char *out, size_t size)
{
	static const size_t name_len = sizeof(ENV_NAME) - 1;
	char value[CONTEXT_TEST_MAX + sizeof(ENV_NAME)];
	uint64_t array;

	if (!environ)
		return false;
	remote_begin(tid);
	if (remote_word(environ, &array) < 0 || !array)
		return false;
	for (int i = 0; i < ENV_MAX; i++) {
		char prefix[sizeof(ENV_NAME) - 1];
		uint64_t s;

		if (remote_word(array + 8 * (uint64_t)i, &s) < 0 || !s)
			return false;
		if (remote_read(s, prefix, name_len) < 0 ||
		    memcmp(prefix, ENV_NAME, name_len) != 0)
			continue;
		if (mem_read_str(tid, s + name_len, value, sizeof(value)) < 0)
			return false;
		if (inherited_test && strcmp(value, inherited_test) == 0)
			return false;
		return callsite_pytest_env(value, out, size);
	}
	return false;
}

static struct pystack *
mm_pystack(struct tracee *t)
{
	if (!t->mm)
		return NULL;
	if (!t->mm->py)
		t->mm->py = pystack_new();
	return t->mm->py;
}

void
context_gather(struct tracee *t, struct context *out)
{
	pid_t pid = t->proc ? t->proc->tgid : t->tid;
	struct pystack *ps = mm_pystack(t);
	int n;

	memset(out, 0, sizeof(*out));
	out->pick = -1;
	if (!ps)
		return;
	n = pystack_read(ps, pid, t->tid, t->forked_by, frames, CONTEXT_PY_MAX,
			 &out->py_more);
	if (n == -EOPNOTSUPP)
		warn_unsupported(pystack_version(ps));
	if (n > 0) {
		out->py = frames;
		out->npy = n;
		out->pick = callsite_pick(frames, n);
		out->file = callsite_relative(cwd, frames[out->pick].file);
	}
	if (read_env_test(t->tid, pystack_environ(ps), test, sizeof(test)) ||
	    (n > 0 &&
	     callsite_pytest_frames(frames, n, cwd, test, sizeof(test))))
		out->test = test;

	if (backtrace & BACKTRACE_NATIVE) {
		if (!t->mm->uw)
			t->mm->uw = unwind_new();
		n = unwind_read(t->mm->uw, pid, t->tid, nframes,
				CONTEXT_NATIVE_MAX, &out->native_more);
		if (n > 0) {
			out->native = nframes;
			out->nnative = n;
		}
	}
}
