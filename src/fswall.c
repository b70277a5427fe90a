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

static void
add(struct fswall *w, const char *path, bool dir)
{
	if (w->n == FSWALL_MAX_RULES)
		return;
	w->rules[w->n].path = path;
	w->rules[w->n].is_dir = dir;
	w->rules[w->n].access = fswall_rights(w->abi, dir);
	w->n++;
}

void
fswall_plan(const struct policy *p, int abi, struct fswall *w)
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
	for (size_t i = 0; i < p->n_allow_write; i++) {
		if (stat(p->allow_write[i], &st) < 0 || !S_ISDIR(st.st_mode)) {
			w->state = "off (an --allow-write directory does not "
				   "exist yet)";
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
	w->enabled = w->n < FSWALL_MAX_RULES;
	w->state = w->enabled ? "on (Landlock)" : "off (too many rules)";
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
			pb.allowed_access &= fswall_rights(w->abi, false);
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
