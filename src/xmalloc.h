/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * Allocation helpers that never return NULL: on exhaustion they print a
 * message and exit 125, so callers do not check. Everything they return is
 * freed with free(3).
 */
#ifndef HERMETIC_XMALLOC_H
#define HERMETIC_XMALLOC_H

#include <stddef.h>

void *xmalloc(size_t size);
void *xcalloc(size_t nmemb, size_t size);
void *xrealloc(void *ptr, size_t size);
/* Grow an array of "*nmemb" elements of "size" bytes to hold at least
 * "want"; updates "*nmemb". */
void *xgrow(void *ptr, size_t *nmemb, size_t want, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
