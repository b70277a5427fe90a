/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * Decoders: syscall arguments read out of a stopped tracee's memory into
 * typed values for the policy (socket addresses, message headers, paths,
 * argv). One file per family: net.c, path.c, exec.c. They never resume,
 * deny or kill; the caller decides.
 */
#ifndef HERMETIC_DECODE_H
#define HERMETIC_DECODE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>
#include <sys/types.h>

#include "sockaddr.h"

/* ===== net.c ===== */

/*
 * Read the socket address of "len" bytes at "addr". Returns 0, -EINVAL for
 * a length the kernel would refuse, or -errno for unreadable memory.
 */
int decode_sockaddr(pid_t tid, uint64_t addr, uint64_t len,
		    struct hm_sockaddr *sa);

/* A copy, in hermetic, of descriptor "fd" of process "pid"
 * (pidfd_getfd, Linux 5.6): the descriptor (close it), or -errno. */
int decode_fd_copy(pid_t pid, int fd);

/* The destination fields of the struct msghdr at "msg". Returns 0 or
 * -errno. */
int decode_msghdr_name(pid_t tid, uint64_t msg, uint64_t *name,
		       uint32_t *namelen);

/*
 * The destinations of sendmmsg's vector of "vlen" struct mmsghdr at "vec"
 * (vlen capped at 1024, as the kernel does). Fills up to "max" entries of
 * "names"/"lens" and returns how many messages were read, or -errno.
 */
long decode_mmsg_names(pid_t tid, uint64_t vec, unsigned int vlen,
		       uint64_t *names, uint32_t *lens, size_t max);

/* ===== path.c ===== */

/*
 * Build the path under /proc by which hermetic reaches what "path" names
 * for task "tid": /proc/TID/root/PATH for an absolute path (a leading
 * /proc/self or /proc/thread-self is the task's: /proc/TID), else
 * relative to the task's cwd (dirfd AT_FDCWD) or to its descriptor
 * "dirfd". An empty "path" names "dirfd" itself (AT_EMPTY_PATH). Symbolic
 * links met later are followed by the kernel for hermetic; use
 * decode_resolve() where that matters. Returns 0 or -ENAMETOOLONG.
 */
int decode_proc_path(pid_t tid, int dirfd, const char *path, char *out,
		     size_t size);

/*
 * Resolve "path" as task "tid" would (relative to its cwd or to its
 * descriptor "dirfd", its root, "/proc/self" meaning the task, symbolic
 * links and ".."), into "out" as hermetic sees it, following a symbolic
 * link in the last component when "follow" is set. The last component
 * need not exist (a file about to be created). An empty "path" names
 * "dirfd" (AT_EMPTY_PATH). Returns 0; 1 when what it names is not in a
 * filesystem (a pipe, a socket, an anonymous inode); -errno when it
 * cannot be resolved (-ENOENT: a directory on the way is missing).
 */
int decode_resolve(pid_t tid, int dirfd, const char *path, bool follow,
		   char *out, size_t size);

/*
 * Would the kernel let task "tid" execute the file "st" describes? A
 * regular file with the execute bit that applies to the task's fsuid,
 * fsgid and groups (read from /proc/TID/status); root needs any execute
 * bit. ACLs, capabilities and noexec mounts are not considered. Unreadable
 * credentials give true (the caller then reports a denial).
 */
bool decode_may_exec(pid_t tid, const struct stat *st);

/* ===== exec.c ===== */

/*
 * Read the NULL-terminated argv array at "argv" and format it as a JSON
 * array of strings, bounded in count and size. Returns a new string
 * (free(3)); unreadable memory gives "[?]".
 */
char *decode_argv(pid_t tid, uint64_t argv);

/* Escape "s" as the body of a JSON string into "out" of "size" bytes
 * (always NUL-terminated). */
void decode_json_escape(const char *s, char *out, size_t size);

#endif
