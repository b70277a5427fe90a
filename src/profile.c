/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * Profile lookup and parsing.
 */
#include "config.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "profile.h"
#include "xmalloc.h"

#define PROFILE_SUFFIX ".profile"
#define PROFILE_MAX_SIZE (64 * 1024)

static void
add_path_list(struct strlist *dirs, const char *list)
{
	const char *p = list;

	while (p && *p) {
		const char *end = strchr(p, ':');
		size_t n = end ? (size_t)(end - p) : strlen(p);

		if (n)
			strlist_take(dirs, xstrndup(p, n));
		p = end ? end + 1 : NULL;
	}
}

void
profile_search_dirs(struct strlist *dirs)
{
	const char *env = getenv("HERMETIC_PROFILE_PATH");
	const char *xdg = getenv("XDG_CONFIG_HOME");
	const char *home = getenv("HOME");

	add_path_list(dirs, env);
	if (xdg && *xdg)
		strlist_take(dirs, xasprintf("%s/hermetic/profiles", xdg));
	else if (home && *home)
		strlist_take(dirs,
			     xasprintf("%s/.config/hermetic/profiles", home));
	strlist_add(dirs, SYSCONFDIR "/hermetic/profiles");
	strlist_add(dirs, PKGDATADIR "/profiles");
}

static bool
ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);

	return n >= k && strcmp(s + n - k, suffix) == 0;
}

static bool
is_file(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

char *
profile_find(const char *name)
{
	struct strlist dirs = {0};
	char *found = NULL;

	if (strchr(name, '/') || ends_with(name, PROFILE_SUFFIX))
		return is_file(name) ? xstrdup(name) : NULL;
	if (!*name || name[0] == '.')
		return NULL;
	profile_search_dirs(&dirs);
	for (size_t i = 0; i < dirs.n && !found; i++) {
		char *cand = xasprintf("%s/%s" PROFILE_SUFFIX, dirs.v[i], name);

		if (is_file(cand))
			found = cand;
		else
			free(cand);
	}
	strlist_free(&dirs);
	return found;
}

static char *
trim(char *s)
{
	char *end;

	while (isspace((unsigned char)*s))
		s++;
	end = s + strlen(s);
	while (end > s && isspace((unsigned char)end[-1]))
		*--end = '\0';
	return s;
}

/* Parse one line into "o"; returns 0 or -1 with "*msg" (no location). */
static int
parse_line(struct options *o, char *line, char **msg)
{
	char *hash, *key, *value = NULL, *eq;

	/* a comment starts at '#' at the start or after a blank */
	for (hash = line; (hash = strchr(hash, '#')) != NULL; hash++)
		if (hash == line || isspace((unsigned char)hash[-1])) {
			*hash = '\0';
			break;
		}
	key = trim(line);
	if (!*key)
		return 0;
	if (strncmp(key, "--", 2) == 0)
		key += 2;
	eq = strchr(key, '=');
	if (eq) {
		*eq = '\0';
		value = trim(eq + 1);
		key = trim(key);
		if (!*value) {
			*msg = xasprintf("'%s =' needs a value", key);
			return -1;
		}
	} else {
		for (char *p = key; *p; p++)
			if (isspace((unsigned char)*p)) {
				*msg = xasprintf("'%s': write 'option = value'",
						 key);
				return -1;
			}
	}
	return cli_apply(o, key, value, true, msg);
}

int
profile_parse(struct options *o, const char *text, const char *origin,
	      char **err)
{
	char *copy = xstrdup(text), *line = copy, *next;
	int lineno = 0, rc = 0;

	for (; line; line = next) {
		char *msg = NULL;

		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		lineno++;
		if (parse_line(o, line, &msg) < 0) {
			*err = xasprintf("%s:%d: %s", origin, lineno, msg);
			free(msg);
			rc = -1;
			break;
		}
	}
	free(copy);
	return rc;
}

static char *
read_file(const char *path, char **err)
{
	char *buf;
	size_t n;
	FILE *f = fopen(path, "re");

	if (!f) {
		*err = xasprintf("cannot read profile %s: %s", path,
				 strerror(errno));
		return NULL;
	}
	buf = xmalloc(PROFILE_MAX_SIZE + 1);
	n = fread(buf, 1, PROFILE_MAX_SIZE + 1, f);
	fclose(f);
	if (n > PROFILE_MAX_SIZE) {
		*err = xasprintf("profile %s is larger than %d bytes", path,
				 PROFILE_MAX_SIZE);
		free(buf);
		return NULL;
	}
	if (memchr(buf, '\0', n)) {
		*err = xasprintf("profile %s is not a text file", path);
		free(buf);
		return NULL;
	}
	buf[n] = '\0';
	return buf;
}

/* Find and read profile "name": its text, and its path in "*path" (both
 * for the caller to free), or NULL with "*err" set. */
static char *
read_profile(const char *name, char **path, char **err)
{
	char *text;

	*path = profile_find(name);
	if (!*path) {
		*err = xasprintf("unknown profile: %s", name);
		return NULL;
	}
	text = read_file(*path, err);
	if (!text) {
		free(*path);
		*path = NULL;
	}
	return text;
}

int
profile_load(struct options *o, const char *name, char **err)
{
	char *path, *text = read_profile(name, &path, err);
	int rc;

	if (!text)
		return -1;
	rc = profile_parse(o, text, path, err);
	free(text);
	free(path);
	return rc;
}

/* The first comment of a profile file, without the '#'. */
static char *
description(const char *path)
{
	char line[256];
	char *d = NULL;
	FILE *f = fopen(path, "re");

	if (!f)
		return xstrdup("");
	while (fgets(line, sizeof(line), f)) {
		char *s = trim(line);

		if (*s == '#') {
			d = xstrdup(trim(s + 1));
			break;
		}
		if (*s)
			break;
	}
	fclose(f);
	return d ? d : xstrdup("");
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int
profile_list(FILE *out)
{
	struct strlist dirs = {0}, seen = {0};

	profile_search_dirs(&dirs);
	for (size_t i = 0; i < dirs.n; i++) {
		struct strlist names = {0};
		struct dirent *de;
		DIR *d = opendir(dirs.v[i]);

		if (!d)
			continue;
		while ((de = readdir(d)) != NULL)
			if (de->d_name[0] != '.' &&
			    ends_with(de->d_name, PROFILE_SUFFIX))
				strlist_add(&names, de->d_name);
		closedir(d);
		if (names.n)
			qsort(names.v, names.n, sizeof(*names.v), cmp_str);
		for (size_t k = 0; k < names.n; k++) {
			char *name =
			    xstrndup(names.v[k], strlen(names.v[k]) -
						     strlen(PROFILE_SUFFIX));
			char *path = xasprintf("%s/%s", dirs.v[i], names.v[k]);
			char *desc = description(path);

			if (!strlist_contains(&seen, name)) {
				fprintf(out, "%-16s %s (%s)\n", name, desc,
					path);
				strlist_add(&seen, name);
			}
			free(desc);
			free(path);
			free(name);
		}
		strlist_free(&names);
	}
	if (!seen.n)
		fprintf(out, "no profiles found (see hermetic-profile(5) for "
			     "the search path)\n");
	strlist_free(&seen);
	strlist_free(&dirs);
	return 0;
}

int
profile_show(FILE *out, const char *name, char **err)
{
	char *path, *text = read_profile(name, &path, err);

	if (!text)
		return -1;
	fprintf(out, "# %s\n%s", path, text);
	if (*text && text[strlen(text) - 1] != '\n')
		fputc('\n', out);
	free(text);
	free(path);
	return 0;
}
