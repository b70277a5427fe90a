/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * Frame choice and naming.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "python/callsite.h"

/* Does "path" have a directory component "lib/python3.N" or
 * "lib64/python3.N" (N digits)? */
static bool
in_python_lib(const char *path)
{
	for (const char *p = strstr(path, "/python3."); p;
	     p = strstr(p + 1, "/python3.")) {
		const char *d = p + 9;

		if (!((p - path >= 4 && strncmp(p - 4, "/lib", 4) == 0) ||
		      (p - path >= 6 && strncmp(p - 6, "/lib64", 6) == 0)))
			continue;
		if (*d < '0' || *d > '9')
			continue;
		while (*d >= '0' && *d <= '9')
			d++;
		if (*d == '/')
			return true;
	}
	return false;
}

enum frame_origin
callsite_origin(const char *file)
{
	if (strncmp(file, "<frozen ", 8) == 0)
		return ORIGIN_FROZEN;
	if (strstr(file, "/site-packages/") || strstr(file, "/dist-packages/"))
		return ORIGIN_SITE;
	if (in_python_lib(file))
		return ORIGIN_STDLIB;
	return ORIGIN_USER;
}

int
callsite_pick(const struct pyframe *frames, int n)
{
	int site = -1;

	for (int i = 0; i < n; i++) {
		enum frame_origin o = callsite_origin(frames[i].file);

		if (o == ORIGIN_USER)
			return i;
		if (o == ORIGIN_SITE && site < 0)
			site = i;
	}
	if (site >= 0)
		return site;
	return n > 0 ? 0 : -1;
}

const char *
callsite_relative(const char *cwd, const char *file)
{
	size_t n = strlen(cwd);

	if (n == 0 || file[0] != '/')
		return file;
	if (n == 1 && cwd[0] == '/')
		return file[1] ? file + 1 : file;
	if (strncmp(file, cwd, n) == 0 && file[n] == '/' && file[n + 1])
		return file + n + 1;
	return file;
}

bool
callsite_pytest_env(const char *value, char *out, size_t size)
{
	const char *end = strrchr(value, ' ');
	size_t n = strlen(value);

	if (!strstr(value, "::"))
		return false;
	/* "NODEID (PHASE)"; a node id may itself contain spaces in its
	 * parameters, so only the last " (" counts, and only when it ends
	 * the value: in "t.py::test[a (b)]" it is a parameter's */
	if (end && end[1] == '(' && end > value && value[n - 1] == ')')
		n = (size_t)(end - value);
	if (n == 0 || n >= size)
		return false;
	memcpy(out, value, n);
	out[n] = '\0';
	return true;
}

static bool
is_test_file(const char *file)
{
	const char *b = strrchr(file, '/');
	size_t n;

	b = b ? b + 1 : file;
	n = strlen(b);
	if (n < 4 || strcmp(b + n - 3, ".py") != 0)
		return false;
	return strncmp(b, "test_", 5) == 0 ||
	       (n >= 8 && strcmp(b + n - 8, "_test.py") == 0);
}

static bool
is_test_name(const char *qualname)
{
	const char *last = strrchr(qualname, '.');

	last = last ? last + 1 : qualname;
	return strncmp(last, "test", 4) == 0 && !strstr(qualname, "<locals>");
}

static bool
under_pytest(const struct pyframe *frames, int n)
{
	for (int i = 0; i < n; i++)
		if (strstr(frames[i].file, "/_pytest/") ||
		    strstr(frames[i].file, "/pytest/"))
			return true;
	return false;
}

bool
callsite_pytest_frames(const struct pyframe *frames, int n, const char *cwd,
		       char *out, size_t size)
{
	int found = -1;
	size_t len;

	if (!under_pytest(frames, n))
		return false;
	for (int i = 0; i < n; i++)
		if (is_test_file(frames[i].file) &&
		    is_test_name(frames[i].name))
			found = i; /* keep the outermost */
	if (found < 0)
		return false;
	len = (size_t)snprintf(
	    out, size, "%s::", callsite_relative(cwd, frames[found].file));
	if (len >= size)
		return false;
	/* the qualified name with "::" for ".", and its NUL, must fit: a
	 * truncated node id would name another test */
	for (const char *p = frames[found].name; *p; p++) {
		if (len + (*p == '.' ? 2 : 1) >= size)
			return false;
		if (*p == '.') {
			out[len++] = ':';
			out[len++] = ':';
		} else {
			out[len++] = *p;
		}
	}
	out[len] = '\0';
	return true;
}
