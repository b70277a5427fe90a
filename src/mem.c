/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * Tracee memory reads.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/uio.h>
#include <unistd.h>

#include "mem.h"

#define PAGE 4096UL

static int
read_procmem(pid_t tid, uint64_t addr, void *buf, size_t len)
{
	char path[64];
	ssize_t r;
	int fd, err = 0;

	snprintf(path, sizeof(path), "/proc/%d/mem", (int)tid);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	r = pread(fd, buf, len, (off_t)addr);
	if (r < 0)
		err = errno == EIO ? EFAULT : errno;
	else if ((size_t)r < len)
		err = EFAULT;
	close(fd);
	return -err;
}

/* Read up to "len" bytes, stopping at the first unreadable page; returns
 * the number of bytes read or -errno when not even the first byte was. */
static ssize_t
read_partial(pid_t tid, uint64_t addr, void *buf, size_t len)
{
	struct iovec local[16], remote[16];
	size_t n = 0, off = 0;
	ssize_t r;

	while (off < len && n < 16) {
		size_t chunk = PAGE - ((addr + off) % PAGE);

		if (chunk > len - off)
			chunk = len - off;
		local[n].iov_base = (char *)buf + off;
		local[n].iov_len = chunk;
		remote[n].iov_base = (void *)(uintptr_t)(addr + off);
		remote[n].iov_len = chunk;
		off += chunk;
		n++;
	}
	r = process_vm_readv(tid, local, n, remote, n, 0);
	if (r < 0) {
		if (errno != ENOSYS && errno != EPERM)
			return -errno;
		/* no process_vm_readv here: fall back, whole read only */
		int rc = read_procmem(tid, addr, buf, off);

		return rc < 0 ? rc : (ssize_t)off;
	}
	if (r == 0)
		return -EFAULT;
	return r;
}

int
mem_read(pid_t tid, uint64_t addr, void *buf, size_t len)
{
	size_t done = 0;

	while (done < len) {
		ssize_t r = read_partial(tid, addr + done, (char *)buf + done,
					 len - done);

		if (r < 0)
			return (int)r;
		done += (size_t)r;
		if (done < len && (addr + done) % PAGE != 0)
			return -EFAULT; /* stopped inside a page */
	}
	return 0;
}

long
mem_read_str(pid_t tid, uint64_t addr, char *buf, size_t size)
{
	size_t done = 0;

	if (size == 0)
		return -ENAMETOOLONG;
	if (addr == 0)
		return -EFAULT;
	while (done < size - 1) {
		size_t want = PAGE - ((addr + done) % PAGE);
		ssize_t r;
		char *nul;

		if (want > size - 1 - done)
			want = size - 1 - done;
		r = read_partial(tid, addr + done, buf + done, want);
		if (r < 0) {
			buf[done] = '\0';
			return r;
		}
		nul = memchr(buf + done, '\0', (size_t)r);
		if (nul)
			return (long)(nul - buf);
		done += (size_t)r;
	}
	buf[size - 1] = '\0';
	return -ENAMETOOLONG;
}

int
mem_write(pid_t tid, uint64_t addr, const void *buf, size_t len)
{
	char path[64];
	ssize_t n;
	int fd, err = 0;

	snprintf(path, sizeof(path), "/proc/%d/mem", (int)tid);
	fd = open(path, O_WRONLY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	n = pwrite(fd, buf, len, (off_t)addr);
	if (n < 0)
		err = -errno;
	else if ((size_t)n != len)
		err = -EFAULT;
	close(fd);
	return err;
}
