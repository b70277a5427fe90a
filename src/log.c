/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * Diagnostics of hermetic itself. Each message is formatted into one buffer
 * and written with a single write(2), so that it cannot interleave with the
 * target's own output in the middle of a line.
 */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "log.h"

bool log_debug_enabled;

void
log_init(void)
{
	const char *v = getenv("HERMETIC_DEBUG");

	log_debug_enabled = v && *v;
}

static void
vlog(const char *kind, int err, const char *fmt, va_list ap)
{
	char buf[2048];
	size_t n;
	int r;

	n = (size_t)snprintf(buf, sizeof(buf), "hermetic: %s", kind);
	r = vsnprintf(buf + n, sizeof(buf) - n, fmt, ap);
	if (r > 0)
		n += (size_t)r;
	if (n >= sizeof(buf) - 1)
		n = sizeof(buf) - 2;
	if (err)
		n += (size_t)snprintf(buf + n, sizeof(buf) - n, ": %s",
				      strerror(err));
	if (n >= sizeof(buf) - 1)
		n = sizeof(buf) - 2;
	buf[n++] = '\n';
	if (write(STDERR_FILENO, buf, n) < 0) {
		/* nowhere left to report it */
	}
}

void
die(int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vlog("", 0, fmt, ap);
	va_end(ap);
	exit(status);
}

void
die_errno(int status, const char *fmt, ...)
{
	int err = errno;
	va_list ap;

	va_start(ap, fmt);
	vlog("", err, fmt, ap);
	va_end(ap);
	exit(status);
}

void
warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vlog("", 0, fmt, ap);
	va_end(ap);
}

void
warn_errno(const char *fmt, ...)
{
	int err = errno;
	va_list ap;

	va_start(ap, fmt);
	vlog("", err, fmt, ap);
	va_end(ap);
	errno = err;
}

void
debug(const char *fmt, ...)
{
	int err = errno;
	va_list ap;

	if (!log_debug_enabled)
		return;
	va_start(ap, fmt);
	vlog("debug: ", 0, fmt, ap);
	va_end(ap);
	errno = err;
}
