/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * Reads of a stopped tracee's memory through a small cache of whole 4 KiB
 * pages, valid for one stop only: frames, code objects and strings sit
 * close together, so a stack costs a few page reads instead of hundreds
 * of small ones. One reader at a time (the tracer is single-threaded).
 */
#ifndef HERMETIC_PYTHON_REMOTE_H
#define HERMETIC_PYTHON_REMOTE_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/* Start reading task "tid"; forgets every cached page. */
void remote_begin(pid_t tid);

/* Read "len" bytes at "addr". Returns 0 or -errno (-EFAULT: unmapped). */
int remote_read(uint64_t addr, void *buf, size_t len);

/* Read one pointer-sized word at "addr" (which must be 8-byte aligned). */
int remote_word(uint64_t addr, uint64_t *out);

/*
 * Read the pages at "bases" (page-aligned) now, in one system call, as far
 * as they can be read in order: the pages a previous stop needed, which
 * the same call site needs again.
 */
void remote_prefetch(const uint64_t *bases, unsigned int n);

/* The bases of up to "max" pages read since remote_begin(), into "out";
 * returns how many. */
unsigned int remote_pages(uint64_t *out, unsigned int max);

#endif
