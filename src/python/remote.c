/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * The per-stop page cache: 32 pages, found by a linear scan (a stack
 * touches a handful), refilled round-robin. A page that cannot be read is
 * not cached; reads larger than a page go straight to mem_read().
 */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/uio.h>

#include <stdbool.h>

#include "mem.h"
#include "python/remote.h"

#define PAGE 4096u
#define NPAGES 32

static struct {
	pid_t tid;
	unsigned int used, next;
	uint64_t base[NPAGES];
	unsigned char data[NPAGES][PAGE];
} rc;

void
remote_begin(pid_t tid)
{
	rc.tid = tid;
	rc.used = 0;
	rc.next = 0;
}

static const unsigned char *
page(uint64_t base)
{
	unsigned int slot;

	for (unsigned int i = 0; i < rc.used; i++)
		if (rc.base[i] == base)
			return rc.data[i];
	slot = rc.used < NPAGES ? rc.used++ : rc.next++ % NPAGES;
	if (mem_read(rc.tid, base, rc.data[slot], PAGE) < 0) {
		rc.base[slot] = UINT64_MAX; /* matches no page base */
		return NULL;
	}
	rc.base[slot] = base;
	return rc.data[slot];
}

void
remote_prefetch(const uint64_t *bases, unsigned int n)
{
	struct iovec local[NPAGES], remote[NPAGES];
	unsigned int slots[NPAGES], k = 0;
	ssize_t r;

	for (unsigned int i = 0; i < n && rc.used < NPAGES; i++) {
		bool have = false;

		for (unsigned int j = 0; j < rc.used; j++)
			have |= rc.base[j] == bases[i];
		if (have || bases[i] % PAGE || !bases[i])
			continue;
		slots[k] = rc.used++;
		rc.base[slots[k]] = UINT64_MAX; /* until it is read */
		local[k].iov_base = rc.data[slots[k]];
		local[k].iov_len = PAGE;
		remote[k].iov_base = (void *)(uintptr_t)bases[i];
		remote[k].iov_len = PAGE;
		k++;
	}
	if (k == 0)
		return;
	r = process_vm_readv(rc.tid, local, k, remote, k, 0);
	for (unsigned int i = 0; r > 0 && i < k; i++) {
		if ((size_t)r < (i + 1) * (size_t)PAGE)
			break; /* the kernel stops at the first bad page */
		rc.base[slots[i]] = (uint64_t)(uintptr_t)remote[i].iov_base;
	}
}

unsigned int
remote_pages(uint64_t *out, unsigned int max)
{
	unsigned int n = 0;

	for (unsigned int i = 0; i < rc.used && n < max; i++)
		if (rc.base[i] != UINT64_MAX)
			out[n++] = rc.base[i];
	return n;
}

int
remote_read(uint64_t addr, void *buf, size_t len)
{
	size_t done = 0;

	if (addr == 0 || addr + len < addr)
		return -EFAULT;
	if (len > PAGE) {
		return mem_read(rc.tid, addr, buf, len);
	}
	while (done < len) {
		uint64_t a = addr + done;
		uint64_t base = a & ~(uint64_t)(PAGE - 1);
		size_t off = (size_t)(a - base), n = PAGE - off;
		const unsigned char *p = page(base);

		if (!p)
			return -EFAULT;
		if (n > len - done)
			n = len - done;
		memcpy((char *)buf + done, p + off, n);
		done += n;
	}
	return 0;
}

int
remote_word(uint64_t addr, uint64_t *out)
{
	if (addr % 8)
		return -EFAULT;
	return remote_read(addr, out, sizeof(*out));
}
