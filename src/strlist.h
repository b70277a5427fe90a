/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * A growable, NULL-terminated list of owned strings (option values, argv,
 * environments). Pure: no I/O.
 */
#ifndef HERMETIC_STRLIST_H
#define HERMETIC_STRLIST_H

#include <stdbool.h>
#include <stddef.h>

struct strlist {
	char **v;   /* NULL-terminated once anything was added */
	size_t n;   /* number of strings */
	size_t cap; /* allocated slots, terminator included */
};

/* Append a copy of "s". */
void strlist_add(struct strlist *l, const char *s);

/* Append "s", taking ownership of it. */
void strlist_take(struct strlist *l, char *s);

/* True if "s" is in the list. */
bool strlist_contains(const struct strlist *l, const char *s);

/* Free every string and the array; the list is empty again. */
void strlist_free(struct strlist *l);

#endif
