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
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "context.h"
#include "log.h"
#include "pystack.h"
#include "python/callsite.h"
#include "python/remote.h"
#include "xmalloc.h"

#define MAX_WARNED 8

static char *cwd;
static enum backtrace backtrace;
static char *inherited_test; /* a copy: --no-environment blanks ours */
static char warned[MAX_WARNED][24];

/* bench/ figures: the cost of each stack read, the first of each image
 * (resolution included) apart */
#define STATS_MAX 65536
static bool no_pystack; /* test knob: HERMETIC_TEST_NO_PYSTACK */
static float stats_cold[STATS_MAX / 16], stats_warm[STATS_MAX];
static unsigned int n_cold, n_warm;

static struct pyframe frames[CONTEXT_PY_MAX];
static struct nframe nframes[CONTEXT_NATIVE_MAX];
static char test[CONTEXT_TEST_MAX];

void
context_init(const char *dir, enum backtrace bt)
{
	free(cwd);
	cwd = xstrdup(dir ? dir : "");
	backtrace = bt;
	free(inherited_test);
	inherited_test = getenv("PYTEST_CURRENT_TEST")
			     ? xstrdup(getenv("PYTEST_CURRENT_TEST"))
			     : NULL;
	no_pystack = getenv("HERMETIC_TEST_NO_PYSTACK") &&
		     *getenv("HERMETIC_TEST_NO_PYSTACK");
}

static double
now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec / 1e3;
}

static void
write_floats(FILE *f, const char *name, const float *v, unsigned int n)
{
	fprintf(f, "\"%s\": [", name);
	for (unsigned int i = 0; i < n; i++)
		fprintf(f, "%s%.2f", i ? ", " : "", (double)v[i]);
	fprintf(f, "]");
}

/* hermetic's own peak resident set (VmHWM), in KiB, or -1. */
static long
peak_rss_kb(void)
{
	char line[256];
	long kb = -1;
	FILE *f = fopen("/proc/self/status", "re");

	while (f && fgets(line, sizeof(line), f))
		if (sscanf(line, "VmHWM: %ld kB", &kb) == 1)
			break;
	if (f)
		fclose(f);
	return kb;
}

void
context_write_stats(void)
{
	const char *path = getenv("HERMETIC_BENCH_STATS");
	FILE *f;

	if (!path || !*path)
		return;
	f = fopen(path, "we");
	if (!f) {
		warn_errno("cannot write %s", path);
		return;
	}
	fprintf(f, "{");
	write_floats(f, "cold_us", stats_cold, n_cold);
	fprintf(f, ", ");
	write_floats(f, "warm_us", stats_warm, n_warm);
	fprintf(f, ", \"supervisor_peak_rss_kb\": %ld}\n", peak_rss_kb());
	fclose(f);
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

/* The node id in PYTEST_CURRENT_TEST of the stopped task, into "out";
 * false when it has none. */
static bool
env_test(struct pystack *ps, pid_t tid, char *out, size_t size)
{
	const char *value = pystack_getenv(ps, tid, "PYTEST_CURRENT_TEST");

	if (!value || (inherited_test && strcmp(value, inherited_test) == 0))
		return false;
	return callsite_pytest_env(value, out, size);
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
	bool cold;
	double t0;
	int n;

	memset(out, 0, sizeof(*out));
	out->pick = -1;
	if (!ps || no_pystack)
		return;
	cold = !pystack_version(ps)[0];
	t0 = now_us();
	remote_begin(t->tid);
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
	if (env_test(ps, t->tid, test, sizeof(test)) ||
	    (n > 0 &&
	     callsite_pytest_frames(frames, n, cwd, test, sizeof(test))))
		out->test = test;
	if (cold && n_cold < sizeof(stats_cold) / sizeof(stats_cold[0]))
		stats_cold[n_cold++] = (float)(now_us() - t0);
	else if (!cold && n_warm < STATS_MAX)
		stats_warm[n_warm++] = (float)(now_us() - t0);

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
