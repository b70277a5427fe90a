/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * The Landlock filesystem wall.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fswall.h"
#include "landlock.h"

uint64_t
fswall_rights(int abi, bool dir)
{
	uint64_t file = HM_LL_WRITE_FILE;
	uint64_t tree = HM_LL_REMOVE_DIR | HM_LL_REMOVE_FILE | HM_LL_MAKE_CHAR |
			HM_LL_MAKE_DIR | HM_LL_MAKE_REG | HM_LL_MAKE_SOCK |
			HM_LL_MAKE_FIFO | HM_LL_MAKE_BLOCK | HM_LL_MAKE_SYM;

	/* ABI 1 cannot stop truncate(2), and lets no file be renamed or
	 * linked across directories: not worth a wall */
	if (abi < 3)
		return 0;
	file |= HM_LL_TRUNCATE;
	return dir ? file | tree | HM_LL_REFER : file;
}

uint64_t
fswall_read_rights(int abi)
{
	return abi >= 3 ? HM_LL_EXECUTE | HM_LL_READ_FILE | HM_LL_READ_DIR : 0;
}

/* A rule granting "access" below "path" (or on it, a file); the wall is
 * off when there are too many. */
static void
grant(struct fswall *w, const char *path, uint64_t access, bool dir)
{
	if (w->n == FSWALL_MAX_RULES) {
		w->overflow = true;
		return;
	}
	w->rules[w->n].path = path;
	w->rules[w->n].access = access;
	w->rules[w->n].is_dir = dir;
	w->n++;
}

/* Where writing is allowed, so is reading when reads are restricted. */
static void
add(struct fswall *w, const char *path, bool dir)
{
	grant(w, path,
	      fswall_rights(w->abi, dir) |
		  (w->reads ? fswall_read_rights(w->abi) : 0),
	      dir);
}

static void
add_reads(struct fswall *w, char *const *v, size_t n)
{
	for (size_t i = 0; v && i < n; i++)
		grant(w, v[i], fswall_read_rights(w->abi), true);
}

/* The paths reading is allowed below under --fs-readonly=ROOT: the same
 * as policy_read(), with all of /proc (a rule cannot name the /proc/PID
 * of a process not yet born) and the terminals, plus "reads". */
static void
plan_reads(const struct policy *p, const struct strlist *reads,
	   struct fswall *w)
{
	static const char *const extra[] = {"/proc", "/dev/pts"};
	size_t nsys;
	const char *const *sys = policy_read_system(&nsys);

	grant(w, p->read_root, fswall_read_rights(w->abi), true);
	add_reads(w, p->allow_read, p->n_allow_read);
	add_reads(w, (char *const *)sys, nsys);
	add_reads(w, (char *const *)extra, 2);
	add_reads(w, reads->v, reads->n);
}

void
fswall_plan(const struct policy *p, int abi, const struct strlist *reads,
	    struct fswall *w)
{
	const char *knob = getenv("HERMETIC_TEST_NO_LANDLOCK");
	const char *const *devices;
	struct stat st;
	size_t ndev;

	*w = (struct fswall){.abi = abi};
	if (!p->fs_readonly) {
		w->state = "off (no --fs-readonly)";
		return;
	}
	if (p->audit) {
		w->state = "off (audit mode: nothing is denied)";
		return;
	}
	if (knob && *knob) {
		w->state = "off (HERMETIC_TEST_NO_LANDLOCK)";
		return;
	}
	w->handled = fswall_rights(abi, true);
	if (!w->handled) {
		w->state = abi ? "off (Landlock ABI older than 3)"
			       : "off (no Landlock in this kernel)";
		return;
	}
	w->reads = p->read_root && reads;
	if (w->reads)
		w->handled |= fswall_read_rights(abi);
	for (size_t i = 0; i < p->n_allow_write; i++) {
		if (stat(p->allow_write[i], &st) < 0 || !S_ISDIR(st.st_mode)) {
			w->state = "off (an --allow-write directory does not "
				   "exist yet)";
			w->reads = false;
			return;
		}
		add(w, p->allow_write[i], true);
	}
	devices = policy_writable_devices(&ndev);
	for (size_t i = 0; i < ndev; i++)
		if (stat(devices[i], &st) == 0)
			add(w, devices[i], S_ISDIR(st.st_mode));
	/* the files stdout and stderr already are, reopened by name */
	add(w, "/proc/self/fd/1", false);
	add(w, "/proc/self/fd/2", false);
	if (w->reads)
		plan_reads(p, reads, w);
	w->enabled = !w->overflow;
	if (!w->enabled)
		w->state = "off (too many rules)";
	else if (w->reads)
		w->state = "on (Landlock): changes, reading and running";
	else if (!p->read_root)
		w->state = "on (Landlock): changes";
	else
		w->state = "on (Landlock): changes; reading and running are "
			   "checked by the tracer only (the interpreter is "
			   "picked at run "
			   "time, as by a pyenv shim)";
}

int
fswall_apply(const struct fswall *w)
{
	struct hm_ruleset_attr attr = {.handled_access_fs = w->handled};
	int fd, rc = 0;

	if (!w->enabled)
		return 0;
	fd = (int)syscall(SYS_landlock_create_ruleset, &attr,
			  sizeof(attr.handled_access_fs), 0);
	if (fd < 0)
		return -errno;
	for (size_t i = 0; i < w->n && rc == 0; i++) {
		struct hm_path_beneath pb = {.allowed_access =
						 w->rules[i].access};
		struct stat st;

		pb.parent_fd = open(w->rules[i].path, O_PATH | O_CLOEXEC);
		if (pb.parent_fd < 0)
			continue; /* nothing to grant */
		/* stdout may be a pipe, a tty or a file: a rule needs a
		 * file's rights for a file, a directory's for a directory */
		if (fstat(pb.parent_fd, &st) < 0 ||
		    !(S_ISDIR(st.st_mode) || S_ISREG(st.st_mode) ||
		      S_ISCHR(st.st_mode))) {
			/* a pipe or a socket: Landlock does not restrict
			 * those anyway */
			close(pb.parent_fd);
			continue;
		}
		if (!S_ISDIR(st.st_mode))
			pb.allowed_access &= fswall_rights(w->abi, false) |
					     HM_LL_EXECUTE | HM_LL_READ_FILE;
		if (syscall(SYS_landlock_add_rule, fd,
			    HM_LANDLOCK_RULE_PATH_BENEATH, &pb, 0) < 0)
			rc = -errno;
		close(pb.parent_fd);
	}
	if (rc == 0 && syscall(SYS_landlock_restrict_self, fd, 0) < 0)
		rc = -errno;
	close(fd);
	return rc;
}
