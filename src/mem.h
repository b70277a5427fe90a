/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * Reading a stopped tracee's memory: process_vm_readv, one iovec per page
 * so that a read that ends at the edge of a mapping still gets what is
 * readable, with /proc/TID/mem as the fallback. Every read is bounded by
 * its caller; a read that fails is an error the caller treats as a deny.
 */
#ifndef HERMETIC_MEM_H
#define HERMETIC_MEM_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/* Read exactly "len" bytes at "addr" of "tid" into "buf". Returns 0 or
 * -errno (-EFAULT for an unmapped address). */
int mem_read(pid_t tid, uint64_t addr, void *buf, size_t len);

/* Write exactly "len" bytes of "buf" at "addr" of the stopped "tid"
 * (through /proc/TID/mem, which writes read-only pages too, as ptrace
 * does). Returns 0 or -errno. */
int mem_write(pid_t tid, uint64_t addr, const void *buf, size_t len);

/*
 * Read a NUL-terminated string at "addr" into "buf" of "size" bytes.
 * Returns its length, -ENAMETOOLONG when no NUL came within "size" - 1
 * bytes (buf then holds the truncated prefix, NUL-terminated), or -errno.
 */
long mem_read_str(pid_t tid, uint64_t addr, char *buf, size_t size);

#endif
