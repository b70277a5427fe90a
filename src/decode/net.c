/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * Network arguments: socket addresses and message headers.
 */
#include "config.h"

#include <errno.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "decode/decode.h"
#include "mem.h"

#ifndef SYS_pidfd_open
#define SYS_pidfd_open 434
#endif
#ifndef SYS_pidfd_getfd
#define SYS_pidfd_getfd 438
#endif

int
decode_sockaddr(pid_t tid, uint64_t addr, uint64_t len, struct hm_sockaddr *sa)
{
	struct sockaddr_storage ss;
	int rc;

	/* the kernel refuses more than a sockaddr_storage, and negative
	 * lengths (addrlen is an int) */
	if (len > sizeof(ss) || (int32_t)len < 0)
		return -EINVAL;
	if (len && addr == 0)
		return -EFAULT;
	rc = mem_read(tid, addr, &ss, (size_t)len);
	if (rc < 0)
		return rc;
	return sockaddr_decode(&ss, (size_t)len, sa);
}

int
decode_msghdr_name(pid_t tid, uint64_t msg, uint64_t *name, uint32_t *namelen)
{
	struct msghdr mh;
	int rc;

	rc = mem_read(tid, msg, &mh, sizeof(mh));
	if (rc < 0)
		return rc;
	*name = (uint64_t)(uintptr_t)mh.msg_name;
	*namelen = mh.msg_namelen;
	return 0;
}

long
decode_mmsg_names(pid_t tid, uint64_t vec, unsigned int vlen, uint64_t *names,
		  uint32_t *lens, size_t max)
{
	struct mmsghdr m[32];
	size_t done = 0;

	if (vlen > 1024)
		vlen = 1024; /* UIO_MAXIOV: the kernel sends no more */
	if (vlen > max)
		vlen = (unsigned int)max;
	while (done < vlen) {
		size_t n = vlen - done;
		int rc;

		if (n > 32)
			n = 32;
		rc = mem_read(tid, vec + done * sizeof(m[0]), m,
			      n * sizeof(m[0]));
		if (rc < 0)
			return rc;
		for (size_t i = 0; i < n; i++) {
			names[done + i] =
			    (uint64_t)(uintptr_t)m[i].msg_hdr.msg_name;
			lens[done + i] = m[i].msg_hdr.msg_namelen;
		}
		done += n;
	}
	return (long)done;
}

int
decode_fd_copy(pid_t pid, int fd)
{
	int pidfd = (int)syscall(SYS_pidfd_open, pid, 0), copy, err;

	if (pidfd < 0)
		return -errno;
	copy = (int)syscall(SYS_pidfd_getfd, pidfd, fd, 0);
	err = errno;
	close(pidfd);
	return copy < 0 ? -err : copy;
}
