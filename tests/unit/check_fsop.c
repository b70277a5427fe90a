/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * Unit tests of the data of --fs-readonly: the table of syscalls that
 * change the filesystem and where their arguments are (fsop.c), and the
 * rights of the Landlock wall (fswall.c).
 *
 * The table is checked against a layout written down here from the
 * kernel's syscall signatures (fs/namei.c, fs/open.c, fs/utimes.c,
 * fs/xattr.c, fs/file_attr.c), against the syscall list of this arch (a
 * name the arch lacks, such as open on aarch64, is skipped with a note),
 * and against the classes of sysent.c: every SC_FS and SC_OPEN syscall has
 * an entry and every entry is one of them. Then the rules that hold for
 * any entry: argument indexes within 0..5 and distinct, an entry names
 * either a descriptor or paths, a flag only where following depends on
 * it. The Landlock rights: none below ABI 3, a file's rights a subset of
 * a directory's with none that Landlock refuses on a file rule (MAKE_*,
 * REMOVE_*, REFER), and nothing that restricts reading; and the plan
 * fswall_plan() makes for a policy.
 */
#include "config.h"

#include <check.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "check_common.h"
#include "fsop.h"
#include "fswall.h"
#include "landlock.h"
#include "policy.h"
#include "sysent.h"

#ifndef AT_SYMLINK_NOFOLLOW
#define AT_SYMLINK_NOFOLLOW 0x100
#endif
#ifndef AT_SYMLINK_FOLLOW
#define AT_SYMLINK_FOLLOW 0x400
#endif

/* ===== The table ===== */

struct want_path {
	signed char dirfd, path;
	enum fsop_follow follow;
	signed char flags;
	uint32_t flag;
	bool empty_ok;
};

struct want {
	const char *name;
	bool x86; /* absent from the generic table (aarch64) */
	signed char fd;
	unsigned char npaths;
	struct want_path p[2];
};

#define NEVER(path)                                                            \
	{                                                                      \
		-1, path, FOLLOW_NEVER, -1, 0, false                           \
	}
#define ALWAYS(path)                                                           \
	{                                                                      \
		-1, path, FOLLOW_ALWAYS, -1, 0, false                          \
	}
#define NEVER_AT(dirfd, path)                                                  \
	{                                                                      \
		dirfd, path, FOLLOW_NEVER, -1, 0, false                        \
	}
/* an *at call with a flags argument: AT_SYMLINK_NOFOLLOW, AT_EMPTY_PATH */
#define NOFOLLOW_AT(dirfd, path, flags)                                        \
	{                                                                      \
		dirfd, path, FOLLOW_UNLESS, flags, AT_SYMLINK_NOFOLLOW, true   \
	}
#define BY_FD                                                                  \
	{                                                                      \
		{                                                              \
			0                                                      \
		}                                                              \
	}

/* clang-format off */
static const struct want wants[] = {
	/* open(filename, flags, mode), openat(dfd, filename, flags, mode) */
	{ "open", true, -1, 1, { { -1, 0, FOLLOW_UNLESS, 1, O_NOFOLLOW, false } } },
	{ "openat", false, -1, 1, { { 0, 1, FOLLOW_UNLESS, 2, O_NOFOLLOW, false } } },
	/* creat(pathname, mode): O_CREAT | O_WRONLY | O_TRUNC, follows */
	{ "creat", true, -1, 1, { ALWAYS(0) } },
	/* unlink(pathname), unlinkat(dfd, pathname, flag), rmdir(pathname) */
	{ "unlink", true, -1, 1, { NEVER(0) } },
	{ "unlinkat", false, -1, 1, { NEVER_AT(0, 1) } },
	{ "rmdir", true, -1, 1, { NEVER(0) } },
	/* mkdir(pathname, mode), mkdirat(dfd, pathname, mode),
	 * mknod(filename, mode, dev), mknodat(dfd, filename, mode, dev) */
	{ "mkdir", true, -1, 1, { NEVER(0) } },
	{ "mkdirat", false, -1, 1, { NEVER_AT(0, 1) } },
	{ "mknod", true, -1, 1, { NEVER(0) } },
	{ "mknodat", false, -1, 1, { NEVER_AT(0, 1) } },
	/* rename(old, new), renameat(olddfd, old, newdfd, new),
	 * renameat2(olddfd, old, newdfd, new, flags) */
	{ "rename", true, -1, 2, { NEVER(0), NEVER(1) } },
	{ "renameat", false, -1, 2, { NEVER_AT(0, 1), NEVER_AT(2, 3) } },
	{ "renameat2", false, -1, 2, { NEVER_AT(0, 1), NEVER_AT(2, 3) } },
	/* link(old, new) does not follow old; linkat(olddfd, old, newdfd,
	 * new, flags) follows it with AT_SYMLINK_FOLLOW, takes
	 * AT_EMPTY_PATH */
	{ "link", true, -1, 2, { NEVER(0), NEVER(1) } },
	{ "linkat", false, -1, 2,
	  { { 0, 1, FOLLOW_IF, 4, AT_SYMLINK_FOLLOW, true }, NEVER_AT(2, 3) } },
	/* symlink(target, linkpath), symlinkat(target, newdfd, linkpath):
	 * the target is only a string */
	{ "symlink", true, -1, 1, { NEVER(1) } },
	{ "symlinkat", false, -1, 1, { NEVER_AT(1, 2) } },
	/* truncate(path, length) */
	{ "truncate", false, -1, 1, { ALWAYS(0) } },
	/* chmod(filename, mode), fchmodat(dfd, filename, mode) (no flags),
	 * fchmodat2(dfd, filename, mode, flags) */
	{ "chmod", true, -1, 1, { ALWAYS(0) } },
	{ "fchmodat", false, -1, 1, { { 0, 1, FOLLOW_ALWAYS, -1, 0, false } } },
	{ "fchmodat2", false, -1, 1, { NOFOLLOW_AT(0, 1, 3) } },
	/* chown(filename, user, group), lchown(...),
	 * fchownat(dfd, filename, user, group, flag) */
	{ "chown", true, -1, 1, { ALWAYS(0) } },
	{ "lchown", true, -1, 1, { NEVER(0) } },
	{ "fchownat", false, -1, 1, { NOFOLLOW_AT(0, 1, 4) } },
	/* utime(filename, times), utimes(filename, utimes),
	 * futimesat(dfd, filename, utimes) (a NULL filename is dfd),
	 * utimensat(dfd, filename, utimes, flags) */
	{ "utime", true, -1, 1, { ALWAYS(0) } },
	{ "utimes", true, -1, 1, { ALWAYS(0) } },
	{ "futimesat", true, -1, 1, { { 0, 1, FOLLOW_ALWAYS, -1, 0, true } } },
	{ "utimensat", false, -1, 1, { NOFOLLOW_AT(0, 1, 3) } },
	/* setxattr(pathname, name, value, size, flags), lsetxattr(...),
	 * removexattr(pathname, name), lremovexattr(...),
	 * setxattrat(dfd, pathname, at_flags, name, uargs, usize),
	 * removexattrat(dfd, pathname, at_flags, name),
	 * file_setattr(dfd, filename, ufattr, usize, at_flags) */
	{ "setxattr", false, -1, 1, { ALWAYS(0) } },
	{ "lsetxattr", false, -1, 1, { NEVER(0) } },
	{ "removexattr", false, -1, 1, { ALWAYS(0) } },
	{ "lremovexattr", false, -1, 1, { NEVER(0) } },
	{ "setxattrat", false, -1, 1, { NOFOLLOW_AT(0, 1, 2) } },
	{ "removexattrat", false, -1, 1, { NOFOLLOW_AT(0, 1, 2) } },
	{ "file_setattr", false, -1, 1, { NOFOLLOW_AT(0, 1, 4) } },
	/* by descriptor: the first argument */
	{ "ftruncate", false, 0, 0, BY_FD },
	{ "fallocate", false, 0, 0, BY_FD },
	{ "fchmod", false, 0, 0, BY_FD },
	{ "fchown", false, 0, 0, BY_FD },
	{ "fsetxattr", false, 0, 0, BY_FD },
	{ "fremovexattr", false, 0, 0, BY_FD },
};
/* clang-format on */

static const char *
follow_name(enum fsop_follow f)
{
	switch (f) {
	case FOLLOW_NEVER:
		return "never";
	case FOLLOW_ALWAYS:
		return "always";
	case FOLLOW_UNLESS:
		return "unless";
	case FOLLOW_IF:
		return "if";
	}
	return "?";
}

/* Each entry is where the kernel has the arguments. */
START_TEST(test_layout)
{
	const struct want *w = &wants[_i];
	const struct fsop *op = fsop_find(w->name);

	ck_assert_msg(op != NULL, "%s has no entry", w->name);
	ck_assert_str_eq(op->name, w->name);
	ck_assert_msg(op->fd == w->fd, "%s: fd argument %d, want %d", w->name,
		      op->fd, w->fd);
	ck_assert_msg(op->npaths == w->npaths, "%s: %u paths, want %u", w->name,
		      op->npaths, w->npaths);
	for (unsigned int i = 0; i < w->npaths; i++) {
		const struct fsop_path *g = &op->path[i];
		const struct want_path *e = &w->p[i];

		ck_assert_msg(g->dirfd == e->dirfd && g->path == e->path,
			      "%s path %u: dirfd %d path %d, want %d %d",
			      w->name, i, g->dirfd, g->path, e->dirfd, e->path);
		ck_assert_msg(g->follow == e->follow,
			      "%s path %u: follows %s, want %s", w->name, i,
			      follow_name(g->follow), follow_name(e->follow));
		ck_assert_msg(g->flags == e->flags && g->flag == e->flag,
			      "%s path %u: flag %#x in argument %d, want %#x "
			      "in %d",
			      w->name, i, g->flag, g->flags, e->flag, e->flags);
		ck_assert_msg(g->empty_ok == e->empty_ok,
			      "%s path %u: empty_ok %d, want %d", w->name, i,
			      g->empty_ok, e->empty_ok);
	}
}
END_TEST

/* Every listed name is a syscall of this arch (or one it lacks), every
 * SC_FS and SC_OPEN syscall has an entry, and every syscall with an entry
 * is one of them; mounts (SC_FSMOUNT) have none: refused whole. */
START_TEST(test_table_and_classes)
{
	const struct sysent *t;
	size_t n, absent = 0, with_entry = 0;

	for (size_t i = 0; i < HM_ARRAY_SIZE(wants); i++) {
		long nr = sysent_nr(wants[i].name);

		if (nr < 0) {
#if defined(__x86_64__)
			ck_abort_msg("%s is not an x86_64 syscall",
				     wants[i].name);
#else
			ck_assert_msg(wants[i].x86,
				      "%s is not a syscall of this arch",
				      wants[i].name);
			printf("check_fsop: note: no %s on this arch, "
			       "skipped\n",
			       wants[i].name);
			absent++;
			continue;
#endif
		}
		ck_assert_msg(sysent_class(nr) == SC_FS ||
				  sysent_class(nr) == SC_OPEN,
			      "%s has an entry but class %d", wants[i].name,
			      sysent_class(nr));
		/* no name twice */
		for (size_t j = i + 1; j < HM_ARRAY_SIZE(wants); j++)
			ck_assert_str_ne(wants[i].name, wants[j].name);
	}

	t = sysent_table(&n);
	for (size_t i = 0; i < n; i++) {
		enum sc_class cls = sysent_class(t[i].nr);
		const struct fsop *op = fsop_find(t[i].name);
		bool listed = false;

		if (cls == SC_FS || cls == SC_OPEN)
			ck_assert_msg(op != NULL, "%s (class %d) has no entry",
				      t[i].name, cls);
		else
			ck_assert_msg(op == NULL,
				      "%s has an entry but class %d", t[i].name,
				      cls);
		if (!op)
			continue;
		with_entry++;
		for (size_t k = 0; k < HM_ARRAY_SIZE(wants); k++)
			listed |= strcmp(wants[k].name, t[i].name) == 0;
		ck_assert_msg(listed, "%s has an entry but not in the test",
			      t[i].name);
	}
	ck_assert_uint_eq(with_entry + absent, HM_ARRAY_SIZE(wants));
#if defined(__aarch64__)
	ck_assert_uint_eq(absent, 15);
#endif
}
END_TEST

/* What fsop_find() does not know. */
START_TEST(test_find_unknown)
{
	static const char *const names[] = {
	    "read",    "write",	  "stat",      "readlink",  "getxattr", "mount",
	    "umount2", "openat2", "execve",    "chdir",	    "",		"opena",
	    "OPEN",    "openat ", "unlinkatx", "fchmodat3", "pwrite64", "acct",
	};

	ck_assert_ptr_null(fsop_find(NULL));
	for (size_t i = 0; i < HM_ARRAY_SIZE(names); i++)
		ck_assert_msg(fsop_find(names[i]) == NULL,
			      "fsop_find(\"%s\") found an entry", names[i]);
	/* names match whole: the entry of "link" is not "linkat"'s */
	ck_assert_str_eq(fsop_find("link")->name, "link");
	ck_assert_str_eq(fsop_find("linkat")->name, "linkat");
}
END_TEST

/* Rules that hold for any entry, whatever the arch. */
START_TEST(test_entry_rules)
{
	const struct sysent *t;
	size_t n, checked = 0;

	t = sysent_table(&n);
	for (size_t i = 0; i < n; i++) {
		const struct fsop *op = fsop_find(t[i].name);
		const char *name = t[i].name;
		bool used[6] = {false};

		if (!op)
			continue;
		checked++;
		/* a descriptor or paths, never both, never neither */
		ck_assert_msg((op->fd >= 0) != (op->npaths > 0),
			      "%s: fd %d and %u paths", name, op->fd,
			      op->npaths);
		ck_assert_msg(op->fd >= -1 && op->fd <= 5, "%s: fd %d", name,
			      op->fd);
		ck_assert_msg(op->npaths <= 2, "%s: %u paths", name,
			      op->npaths);
		if (op->fd >= 0)
			used[op->fd] = true;
		for (unsigned int k = 0; k < op->npaths; k++) {
			const struct fsop_path *pa = &op->path[k];

			ck_assert_msg(pa->path >= 0 && pa->path <= 5,
				      "%s: path argument %d", name, pa->path);
			ck_assert_msg(pa->dirfd >= -1 && pa->dirfd <= 5,
				      "%s: dirfd argument %d", name, pa->dirfd);
			ck_assert_msg(pa->flags >= -1 && pa->flags <= 5,
				      "%s: flags argument %d", name, pa->flags);
			/* a path and a dirfd are arguments of their own; a
			 * flags argument may serve both paths (linkat) */
			ck_assert_msg(!used[pa->path], "%s: argument %d twice",
				      name, pa->path);
			used[pa->path] = true;
			if (pa->dirfd >= 0) {
				ck_assert_msg(!used[pa->dirfd],
					      "%s: argument %d twice", name,
					      pa->dirfd);
				used[pa->dirfd] = true;
			}
			if (pa->flags >= 0)
				ck_assert_msg(pa->flags != pa->path &&
						  pa->flags != pa->dirfd,
					      "%s: flags in argument %d", name,
					      pa->flags);
			/* a flag exactly where following depends on one */
			if (pa->follow == FOLLOW_UNLESS ||
			    pa->follow == FOLLOW_IF) {
				ck_assert_msg(pa->flags >= 0, "%s: no flags",
					      name);
				ck_assert_msg(pa->flag != 0 &&
						  (pa->flag & (pa->flag - 1)) ==
						      0,
					      "%s: flag %#x", name, pa->flag);
			} else {
				ck_assert_msg(pa->flags == -1 && pa->flag == 0,
					      "%s: a flag that is not read",
					      name);
			}
			/* an empty path names the directory descriptor */
			if (pa->empty_ok)
				ck_assert_msg(pa->dirfd >= 0,
					      "%s: empty path without a dirfd",
					      name);
		}
	}
	ck_assert_uint_ge(checked, 26);
}
END_TEST

/* The flags of open and openat are where the kernel has them: the filter
 * compares that argument (filter.c takes it from this table), and so does
 * the tracer. */
START_TEST(test_open_flags)
{
	const struct fsop *op;

	op = fsop_find("openat");
	ck_assert_ptr_nonnull(op);
	ck_assert_int_eq(op->npaths, 1);
	ck_assert_int_eq(op->fd, -1);
	ck_assert_int_eq(op->path[0].dirfd, 0);
	ck_assert_int_eq(op->path[0].path, 1);
	ck_assert_int_eq(op->path[0].flags, 2);
	ck_assert_uint_eq(op->path[0].flag, O_NOFOLLOW);
	ck_assert_int_eq(op->path[0].follow, FOLLOW_UNLESS);

	op = fsop_find("open");
	ck_assert_ptr_nonnull(op);
	ck_assert_int_eq(op->npaths, 1);
	ck_assert_int_eq(op->path[0].dirfd, -1);
	ck_assert_int_eq(op->path[0].path, 0);
	ck_assert_int_eq(op->path[0].flags, 1);
	ck_assert_uint_eq(op->path[0].flag, O_NOFOLLOW);

	/* openat2 has no entry: ENOSYS in BPF, libc falls back to openat */
	ck_assert_ptr_null(fsop_find("openat2"));
}
END_TEST

/* rename and link change two names: both are checked, source first. */
START_TEST(test_two_paths)
{
	static const char *const two[] = {"rename", "renameat", "renameat2",
					  "link", "linkat"};
	static const char *const one[] = {"symlink",  "symlinkat", "unlink",
					  "unlinkat", "mkdirat",   "creat"};

	for (size_t i = 0; i < HM_ARRAY_SIZE(two); i++) {
		const struct fsop *op = fsop_find(two[i]);

		ck_assert_msg(op && op->npaths == 2, "%s: not 2 paths", two[i]);
		ck_assert_int_lt(op->path[0].path, op->path[1].path);
		ck_assert_int_eq(op->path[1].follow, FOLLOW_NEVER);
	}
	/* symlink makes one name; its target is only a string */
	for (size_t i = 0; i < HM_ARRAY_SIZE(one); i++) {
		const struct fsop *op = fsop_find(one[i]);

		ck_assert_msg(op && op->npaths == 1, "%s: not 1 path", one[i]);
	}
	ck_assert_int_eq(fsop_find("symlink")->path[0].path, 1);
	ck_assert_int_eq(fsop_find("symlinkat")->path[0].path, 2);
}
END_TEST

/* ===== The Landlock wall ===== */

#define LL_MAKE                                                                \
	(HM_LL_MAKE_CHAR | HM_LL_MAKE_DIR | HM_LL_MAKE_REG | HM_LL_MAKE_SOCK | \
	 HM_LL_MAKE_FIFO | HM_LL_MAKE_BLOCK | HM_LL_MAKE_SYM)
#define LL_REMOVE (HM_LL_REMOVE_DIR | HM_LL_REMOVE_FILE)
/* what landlock_add_rule() accepts on a file that is not a directory */
#define LL_FILE_OK                                                             \
	(HM_LL_EXECUTE | HM_LL_WRITE_FILE | HM_LL_READ_FILE | HM_LL_TRUNCATE | \
	 HM_LL_IOCTL_DEV)
/* the rights of ABI 3 */
#define LL_ABI3 ((HM_LL_TRUNCATE << 1) - 1)

START_TEST(test_rights)
{
	/* no wall below ABI 3: truncate(2) and cross-directory renames
	 * could not be stopped or allowed */
	for (int abi = -1; abi < 3; abi++) {
		ck_assert_uint_eq(fswall_rights(abi, true), 0);
		ck_assert_uint_eq(fswall_rights(abi, false), 0);
	}
	for (int abi = 3; abi <= 10; abi++) {
		uint64_t dir = fswall_rights(abi, true);
		uint64_t file = fswall_rights(abi, false);

		ck_assert_uint_ne(file, 0);
		/* a file's rights are a directory's */
		ck_assert_msg(
		    (file & ~dir) == 0, "ABI %d: file %#llx dir %#llx", abi,
		    (unsigned long long)file, (unsigned long long)dir);
		/* Landlock refuses these on a file rule (EINVAL) */
		ck_assert_uint_eq(file & (LL_MAKE | LL_REMOVE | HM_LL_REFER),
				  0);
		ck_assert_uint_eq(file & ~LL_FILE_OK, 0);
		ck_assert_uint_eq(file & (HM_LL_WRITE_FILE | HM_LL_TRUNCATE),
				  HM_LL_WRITE_FILE | HM_LL_TRUNCATE);
		/* a directory grants every change below it */
		ck_assert_uint_eq(dir & (LL_MAKE | LL_REMOVE | HM_LL_REFER |
					 HM_LL_WRITE_FILE | HM_LL_TRUNCATE),
				  LL_MAKE | LL_REMOVE | HM_LL_REFER |
				      HM_LL_WRITE_FILE | HM_LL_TRUNCATE);
		/* the handled set is the directory's: reading, executing
		 * and ioctl stay unrestricted */
		ck_assert_uint_eq(dir & (HM_LL_READ_FILE | HM_LL_READ_DIR |
					 HM_LL_EXECUTE | HM_LL_IOCTL_DEV),
				  0);
		/* and every right exists on ABI 3 */
		ck_assert_uint_eq(dir & ~LL_ABI3, 0);
	}
}
END_TEST

/* The rule of "path" in "w", or NULL. */
static const char *
rule_of(const struct fswall *w, const char *path, uint64_t *access,
	bool *is_dir)
{
	for (size_t i = 0; i < w->n; i++)
		if (strcmp(w->rules[i].path, path) == 0) {
			*access = w->rules[i].access;
			*is_dir = w->rules[i].is_dir;
			return w->rules[i].path;
		}
	return NULL;
}

static struct policy
wall_policy(bool fs_readonly, char **dirs, size_t n)
{
	struct policy p;

	memset(&p, 0, sizeof(p));
	p.fs_readonly = fs_readonly;
	p.allow_write = dirs;
	p.n_allow_write = n;
	return p;
}

START_TEST(test_plan)
{
	char *saved = hm_env_set("HERMETIC_TEST_NO_LANDLOCK", NULL);
	char *dir = hm_tmpdir_make(), *file, *missing;
	char *dirs[FSWALL_MAX_RULES];
	struct fswall w;
	struct policy p;
	struct stat st;
	uint64_t access;
	bool is_dir;

	file = hm_write_file(dir, "f", "x", 0644);
	missing = hm_path(dir, "not-yet");

	/* no --fs-readonly: no wall */
	p = wall_policy(false, NULL, 0);
	fswall_plan(&p, 6, NULL, &w);
	ck_assert(!w.enabled);
	ck_assert_str_eq(w.state, "off (no --fs-readonly)");

	/* no Landlock, or too old */
	p = wall_policy(true, NULL, 0);
	fswall_plan(&p, 0, NULL, &w);
	ck_assert(!w.enabled);
	ck_assert_str_eq(w.state, "off (no Landlock in this kernel)");
	fswall_plan(&p, 2, NULL, &w);
	ck_assert(!w.enabled);
	ck_assert_str_eq(w.state, "off (Landlock ABI older than 3)");

	/* the test knob */
	ck_assert_int_eq(setenv("HERMETIC_TEST_NO_LANDLOCK", "1", 1), 0);
	fswall_plan(&p, 6, NULL, &w);
	ck_assert(!w.enabled);
	ck_assert_str_eq(w.state, "off (HERMETIC_TEST_NO_LANDLOCK)");
	ck_assert_int_eq(unsetenv("HERMETIC_TEST_NO_LANDLOCK"), 0);

	/* --fs-readonly alone: the devices and stdout, stderr */
	fswall_plan(&p, 3, NULL, &w);
	ck_assert(w.enabled);
	ck_assert_str_eq(w.state, "on (Landlock): changes");
	ck_assert_int_eq(w.abi, 3);
	ck_assert_uint_eq(w.handled, fswall_rights(3, true));
	ck_assert_ptr_nonnull(rule_of(&w, "/proc/self/fd/1", &access, &is_dir));
	ck_assert(!is_dir);
	ck_assert_uint_eq(access, fswall_rights(3, false));
	ck_assert_ptr_nonnull(rule_of(&w, "/proc/self/fd/2", &access, &is_dir));
	if (stat("/dev/null", &st) == 0) {
		ck_assert_ptr_nonnull(
		    rule_of(&w, "/dev/null", &access, &is_dir));
		ck_assert(!is_dir);
		ck_assert_uint_eq(access, fswall_rights(3, false));
	}

	/* with an existing directory */
	dirs[0] = dir;
	p = wall_policy(true, dirs, 1);
	fswall_plan(&p, 4, NULL, &w);
	ck_assert(w.enabled);
	ck_assert_ptr_nonnull(rule_of(&w, dir, &access, &is_dir));
	ck_assert(is_dir);
	ck_assert_uint_eq(access, fswall_rights(4, true));
	for (size_t i = 0; i < w.n; i++)
		ck_assert_uint_eq(w.rules[i].access & ~w.handled, 0);

	/* one that does not exist yet, or is a file: Landlock grants only
	 * existing directories, so no wall (the tracer alone) */
	dirs[1] = missing;
	p = wall_policy(true, dirs, 2);
	fswall_plan(&p, 4, NULL, &w);
	ck_assert(!w.enabled);
	ck_assert_str_eq(w.state,
			 "off (an --allow-write directory does not exist yet)");
	dirs[1] = file;
	fswall_plan(&p, 4, NULL, &w);
	ck_assert(!w.enabled);

	/* more rules than the plan holds: no wall rather than a partial
	 * one */
	for (size_t i = 0; i < FSWALL_MAX_RULES; i++)
		dirs[i] = dir;
	p = wall_policy(true, dirs, FSWALL_MAX_RULES);
	fswall_plan(&p, 4, NULL, &w);
	ck_assert(!w.enabled);
	ck_assert_str_eq(w.state, "off (too many rules)");
	ck_assert_uint_le(w.n, FSWALL_MAX_RULES);

	free(missing);
	free(file);
	hm_rm_rf(dir);
	hm_env_restore("HERMETIC_TEST_NO_LANDLOCK", saved);
}
END_TEST

/* With a read root, the wall also restricts reading and running, when the
 * interpreter's files are known; else it restricts changes only. */
START_TEST(test_plan_reads)
{
	char *saved = hm_env_set("HERMETIC_TEST_NO_LANDLOCK", NULL);
	char *dir = hm_tmpdir_make();
	char *dirs[1] = {dir};
	char root[] = "/srv/app";
	struct strlist reads = {0};
	uint64_t access, rd = fswall_read_rights(3);
	struct fswall w;
	struct policy p;
	bool is_dir;

	ck_assert_uint_eq(fswall_read_rights(2), 0);
	ck_assert_uint_eq(rd & fswall_rights(3, true), 0);
	strlist_add(&reads, "/py/bin/python3.12");
	strlist_add(&reads, "/py/lib");
	p = wall_policy(true, dirs, 1);
	p.read_root = root;

	fswall_plan(&p, 3, &reads, &w);
	ck_assert(w.enabled && w.reads);
	ck_assert_str_eq(w.state,
			 "on (Landlock): changes, reading and running");
	ck_assert_uint_eq(w.handled, fswall_rights(3, true) | rd);
	ck_assert_ptr_nonnull(rule_of(&w, "/srv/app", &access, &is_dir));
	ck_assert_uint_eq(access, rd);
	ck_assert_ptr_nonnull(rule_of(&w, "/py/lib", &access, &is_dir));
	ck_assert_uint_eq(access, rd);
	ck_assert_ptr_nonnull(rule_of(&w, "/usr/lib", &access, &is_dir));
	ck_assert_ptr_nonnull(rule_of(&w, "/proc", &access, &is_dir));
	/* where writing is allowed, reading is too */
	ck_assert_ptr_nonnull(rule_of(&w, dir, &access, &is_dir));
	ck_assert_uint_eq(access, fswall_rights(3, true) | rd);
	for (size_t i = 0; i < w.n; i++)
		ck_assert_uint_eq(w.rules[i].access & ~w.handled, 0);

	/* the interpreter not known before it runs */
	fswall_plan(&p, 3, NULL, &w);
	ck_assert(w.enabled && !w.reads);
	ck_assert_uint_eq(w.handled, fswall_rights(3, true));
	ck_assert_ptr_null(rule_of(&w, "/srv/app", &access, &is_dir));
	ck_assert_ptr_nonnull(strstr(w.state, "checked by the tracer only"));

	strlist_free(&reads);
	hm_rm_rf(dir);
	hm_env_restore("HERMETIC_TEST_NO_LANDLOCK", saved);
}
END_TEST

static Suite *
fsop_suite(void)
{
	Suite *s = suite_create("fsop");
	TCase *tc = tcase_create("table");

	tcase_add_loop_test(tc, test_layout, 0, HM_ARRAY_SIZE(wants));
	tcase_add_test(tc, test_table_and_classes);
	tcase_add_test(tc, test_find_unknown);
	tcase_add_test(tc, test_entry_rules);
	tcase_add_test(tc, test_open_flags);
	tcase_add_test(tc, test_two_paths);
	suite_add_tcase(s, tc);

	tc = tcase_create("fswall");
	tcase_add_test(tc, test_rights);
	tcase_add_test(tc, test_plan);
	tcase_add_test(tc, test_plan_reads);
	suite_add_tcase(s, tc);
	return s;
}

HM_SUITE_MAIN(fsop_suite)
