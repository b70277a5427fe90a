/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * The policy: plain data built from the options and profiles, and the pure
 * decisions made from it. policy_* functions never touch a process: the
 * tracer decodes a syscall into values, asks here, and enforces the answer.
 * Every decision names the category it counts under and the rule (reason)
 * that produced it.
 */
#ifndef HERMETIC_POLICY_H
#define HERMETIC_POLICY_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "cli.h"
#include "hostrule.h"
#include "sockaddr.h"

enum verdict {
	V_ALLOW,
	V_DENY,
};

/* Categories that counts and summaries group by; keep category_name() in
 * step when adding one. */
enum category {
	CAT_NETWORK,
	CAT_SUBPROCESS,
	CAT_SANDBOX, /* always-refused syscalls, foreign ABIs, unknown nrs */
	CAT_FILESYSTEM,
	CAT_NATIVE, /* native code loaded */
	CAT_IMPORT, /* --deny-import */
	CAT_COUNT,
};

struct decision {
	enum verdict verdict;
	enum category cat;
	const char *reason; /* static string, e.g. "no-network" */
};

/* A file identity for --allow-exec. */
struct file_id {
	dev_t dev;
	ino_t ino;
};

struct policy {
	bool no_network;
	bool allow_localhost;
	bool allow_unix_all;
	char **allow_unix; /* "/path" or "@name" */
	size_t n_allow_unix;
	char **allow_domain; /* normalised (hostrule_domain()) */
	size_t n_allow_domain;
	struct host_rule *allow_host;
	size_t n_allow_host;
	bool no_subprocess;
	char **allow_exec; /* resolved absolute paths */
	size_t n_allow_exec;
	struct file_id *exec_ids; /* files --allow-exec lets run */
	size_t n_exec_ids;
	struct file_id *image_ids; /* images that may appear at exec:
				    * the files and their interpreters */
	size_t n_image_ids;
	bool block_native;
	char **deny_import; /* module names, dotted */
	size_t n_deny_import;
	bool fs_readonly;
	bool fs_landlock_only; /* test knob HERMETIC_TEST_LANDLOCK_ONLY: the
				* tracer does not look, Landlock alone acts */
	struct file_id std_files[2]; /* hermetic's stdout and stderr when
				      * they are files: writable by name */
	size_t n_std_files;
	char **allow_write; /* directories, resolved with realpath() by the
			     * caller when they exist */
	size_t n_allow_write;
	char *read_root;   /* --fs-readonly=ROOT, resolved by the caller */
	char **allow_read; /* files and directories, resolved likewise,
			    * with the target's own file */
	size_t n_allow_read;
	bool audit; /* --audit: decide as usual, let everything run (but
		     * the always-refused calls), report what would have
		     * been denied */
	bool no_environment; /* never in audit mode (nothing to record) */
	char **keep_env;
	size_t n_keep_env;
	bool trace;
	bool show_argv;
};

/*
 * Build "p" from "o". Flags that this version cannot enforce are refused:
 * returns 0, or -1 with "*err" set to the message (free with free(3)).
 * Copies what it keeps; --allow-exec entries are stored as given, and the
 * caller fills in exec_ids/image_ids (see policy_add_exec_id()). Free with
 * policy_free().
 */
int policy_build(struct policy *p, const struct options *o, char **err);

/* Record a file that --allow-exec lets run ("is_file") or that may appear
 * as the image of such an exec (its script interpreter). */
void policy_add_exec_id(struct policy *p, dev_t dev, ino_t ino, bool is_file);

/* Free what "p" owns. */
void policy_free(struct policy *p);

/* Name of a category for summaries ("network"). */
const char *category_name(enum category cat);

/* socket(domain, type, protocol). */
struct decision policy_socket(const struct policy *p, int domain, int type,
			      int protocol);

enum net_op {
	NET_CONNECT,
	NET_SEND, /* sendto/sendmsg/sendmmsg with a destination */
	NET_BIND,
};

/*
 * A socket address used by connect, a send with a destination, or bind.
 * For a unix socket with a filesystem name, "unix_real" is the path it
 * resolves to (symlinks and ".." followed; NULL when unknown), which the
 * --allow-unix rules are matched against, and "own_unix" says the socket
 * there was bound by a process of the traced tree.
 */
struct decision policy_sockaddr(const struct policy *p, enum net_op op,
				const struct hm_sockaddr *sa, bool own_unix,
				const char *unix_real);

/*
 * listen() on a socket whose local address is "local": the kernel binds an
 * unbound socket to every address, so under --no-network only a socket
 * bound to loopback may listen.
 */
struct decision policy_listen(const struct policy *p,
			      const struct hm_sockaddr *local);

/* fork, vfork, or clone without CLONE_THREAD, by a process that is (or is
 * not) armed. */
struct decision policy_spawn(const struct policy *p, bool armed);

/* execve/execveat by an armed or unarmed process; "allowed_file" says the
 * file resolves to an --allow-exec entry. */
struct decision policy_exec(const struct policy *p, bool armed,
			    bool allowed_file);

/* True if (dev, ino) is in the exec allow-list ("image": the image list). */
bool policy_exec_id_allowed(const struct policy *p, dev_t dev, ino_t ino,
			    bool image);

/* Does an open with "flags" ask to change the filesystem: write access,
 * O_CREAT, O_TRUNC or O_APPEND? The BPF filter must agree. */
bool policy_open_writes(uint32_t flags);

/* What a change to the filesystem is made to. */
enum fs_object {
	FS_TREE,    /* a file, directory or link: the tree itself */
	FS_STDIO,   /* the file hermetic's stdout or stderr is, reopened by
		     * name (/dev/stdout) to write to it */
	FS_SPECIAL, /* an existing FIFO or socket, or one of the writable
		     * character devices, opened
		     * for writing: no change to the tree */
};

/*
 * A change to the filesystem at "real" (the path resolved as the kernel
 * would, in hermetic's view; NULL when it could not be resolved).
 * Under --fs-readonly only paths below an --allow-write directory pass,
 * and opening an existing special file for writing.
 */
struct decision policy_fs_write(const struct policy *p, const char *real,
				enum fs_object obj);

/* The character devices a program may open for writing under
 * --fs-readonly (/dev/null, /dev/tty, ...; "*n" gets their number), and
 * whether "real" is one of them or a terminal under /dev/pts. */
const char *const *policy_writable_devices(size_t *n);
bool policy_writable_device(const char *real);

/* Is "path" "dir" or below it (both absolute, resolved)? */
bool policy_path_below(const char *path, const char *dir);

/*
 * Under --block-native, a file "real" (resolved) about to be mapped
 * executable by an armed process of an interpreter installed under
 * "prefix" (the directory above its bin/): allowed are the system's
 * library directories and the interpreter's own lib directories, except
 * site-packages, dist-packages and the ctypes and cffi back-ends.
 */
struct decision policy_native(const struct policy *p, const char *real,
			      const char *prefix);

/*
 * --deny-import: is the file "real" (resolved) one that importing a
 * denied module NAME (or anything under NAME.) reads? By path: NAME.py,
 * NAME.pyc, NAME.*.so or NAME.so, __pycache__/NAME.*.pyc in the same
 * directory, and every file below a directory NAME/ (a package), with a
 * dotted NAME a.b as a/b.
 */
struct decision policy_import(const struct policy *p, const char *real);

/* Is "name" a module name --deny-import accepts (identifiers joined by
 * dots)? */
bool policy_module_name_ok(const char *name);

/*
 * Under --fs-readonly=ROOT, opening the file "real" (resolved) for reading
 * or running it, by a process of the program tgid "tgid", thread "tid":
 * allowed below ROOT, an --allow-read or --allow-write entry, the
 * directories that program's interpreter needs ("prog", "n_prog": see
 * readroot.h), the system's shared libraries and locale, zoneinfo and TLS
 * data (policy_read_system()), and the task's own /proc/PID. Else denied,
 * reason "read-outside-root".
 */
struct decision policy_read(const struct policy *p, const char *real,
			    char *const *prog, size_t n_prog, pid_t tgid,
			    pid_t tid);

/* The system paths every program may read under --fs-readonly=ROOT
 * ("*n" gets their number). */
const char *const *policy_read_system(size_t *n);

/*
 * A DNS query for "qname" under --no-network, sent to a resolver that is
 * ("upstream_ok") or is not one of the tracee's resolv.conf: allowed when
 * the name falls under an --allow-domain or is an --allow-host name and
 * the resolver is the tracee's own; never for the metadata names
 * ("metadata.google.internal", "metadata"). Else denied: reason
 * "cloud-metadata", "not-allowed-domain" (rules exist), or "no-network".
 */
struct decision policy_dns(const struct policy *p, const char *qname,
			   bool upstream_ok);

/*
 * Under --no-network, a connect or send to the IPv4/IPv6 address "sa"
 * that the base rules denied ("base"): allowed by an --allow-host
 * address rule, or when "name" (the name the address was learned for from
 * an allowed answer, or NULL) falls under an --allow-domain or is an
 * --allow-host name whose port range covers the port. Else "base", with
 * the reason "not-allowed-domain" when such rules exist.
 */
struct decision policy_remote(const struct policy *p,
			      const struct hm_sockaddr *sa, const char *name,
			      struct decision base);

/* Does the resolv.conf text "text" list "sa" as a nameserver? */
bool policy_resolvconf_lists(const char *text, const struct hm_sockaddr *sa);

/* Always refused: a sandbox-escape syscall, a foreign ABI or an unknown
 * number. */
struct decision policy_refuse(const char *reason);

#endif
