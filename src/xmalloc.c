/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * Allocation helpers that die on exhaustion.
 */
#include "config.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "log.h"
#include "xmalloc.h"

static void *
check(void *p)
{
	if (!p)
		die(HM_EXIT_FAILURE, "out of memory");
	return p;
}

void *
xmalloc(size_t size)
{
	return check(malloc(size ? size : 1));
}

void *
xcalloc(size_t nmemb, size_t size)
{
	return check(calloc(nmemb ? nmemb : 1, size ? size : 1));
}

void *
xrealloc(void *ptr, size_t size)
{
	return check(realloc(ptr, size ? size : 1));
}

void *
xgrow(void *ptr, size_t *nmemb, size_t want, size_t size)
{
	size_t n = *nmemb ? *nmemb : 4;

	if (want <= *nmemb)
		return ptr;
	while (n < want)
		n *= 2;
	if (n > SIZE_MAX / size)
		die(HM_EXIT_FAILURE, "out of memory");
	ptr = xrealloc(ptr, n * size);
	*nmemb = n;
	return ptr;
}

char *
xstrdup(const char *s)
{
	return check(strdup(s));
}

char *
xstrndup(const char *s, size_t n)
{
	return check(strndup(s, n));
}

char *
xasprintf(const char *fmt, ...)
{
	va_list ap;
	char *s;
	int r;

	va_start(ap, fmt);
	r = vasprintf(&s, fmt, ap);
	va_end(ap);
	if (r < 0)
		die(HM_EXIT_FAILURE, "out of memory");
	return s;
}
