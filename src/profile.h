/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * Profiles: text files of long options without the dashes, one per line,
 * "#" comments ("no-network", "allow-exec = /usr/bin/git"). A profile is
 * named (NAME.profile looked up in the search path) or given as a path.
 * Applying a profile is the same as giving its options as flags: options
 * only add, so flags and profiles combine by union. See hermetic-profile(5).
 */
#ifndef HERMETIC_PROFILE_H
#define HERMETIC_PROFILE_H

#include <stdio.h>

#include "cli.h"
#include "strlist.h"

/*
 * The directories searched for NAME.profile, in order:
 * $HERMETIC_PROFILE_PATH (colon-separated), $XDG_CONFIG_HOME/hermetic/profiles
 * (default ~/.config/hermetic/profiles), SYSCONFDIR/hermetic/profiles and
 * PKGDATADIR/profiles. Appends to "dirs".
 */
void profile_search_dirs(struct strlist *dirs);

/*
 * The file of profile "name": a path when "name" contains '/' or ends in
 * ".profile", else the first NAME.profile in the search path. Returns a
 * new string (free(3)) or NULL when there is none.
 */
char *profile_find(const char *name);

/*
 * Apply the profile text "text" to "o". "origin" names the file in
 * messages. Returns 0, or -1 with "*err" set to "ORIGIN:LINE: message"
 * (free(3)).
 */
int profile_parse(struct options *o, const char *text, const char *origin,
		  char **err);

/*
 * Find, read and apply profile "name". Returns 0, or -1 with "*err" set
 * ("unknown profile: NAME" when there is no such profile).
 */
int profile_load(struct options *o, const char *name, char **err);

/* Print the profiles found in the search path, one per line with its
 * description (its first comment) and file. Returns 0. */
int profile_list(FILE *out);

/* Print the file of profile "name". Returns 0, or -1 with "*err" set. */
int profile_show(FILE *out, const char *name, char **err);

#endif
