/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * Unit tests of profiles (profile.c): the line syntax and its error
 * messages, lookup by name through HERMETIC_PROFILE_PATH and by path,
 * loading, listing and showing, and every profile shipped in profiles/
 * (each parses and builds a policy, fs-readonly's with the filesystem
 * guard on, block-native's with the native-code guard on and nothing
 * else).
 */
#include "config.h"

#include <check.h>
#include <dirent.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "check_common.h"
#include "policy.h"
#include "profile.h"

/* Parse "text" into a fresh "o"; on failure "*err" holds the message. */
static int
parse(struct options *o, const char *text, char **err)
{
	memset(o, 0, sizeof(*o));
	*err = NULL;
	return profile_parse(o, text, "t.profile", err);
}

/* Parsing "text" must fail with exactly "want". */
static void
expect_error(const char *text, const char *want)
{
	struct options o;
	char *err;

	ck_assert_msg(parse(&o, text, &err) == -1, "'%s' parsed", text);
	ck_assert_ptr_nonnull(err);
	ck_assert_str_eq(err, want);
	free(err);
	options_free(&o);
}

START_TEST(test_good_file)
{
	static const char text[] =
	    "# A profile: the first comment describes it\n"
	    "\n"
	    "   \n"
	    "no-network\n"
	    "\tallow-localhost   # a comment after a blank\n"
	    "allow-exec = /usr/bin/git\n"
	    "allow-exec=/bin/ls\n"
	    "  allow-exec   =   /bin/cat  \n"
	    "--trace\n"
	    "--keep-env = FOO\n"
	    "allow-unix = /run/a#b.sock\n"
	    "allow-unix=@abstract # comment\n"
	    "no-subprocess\r\n"
	    "#no-environment\n"
	    "  # indented comment\n"
	    "show-argv"; /* no newline at the end */
	struct options o;
	char *err;

	ck_assert_msg(parse(&o, text, &err) == 0, "%s", err ? err : "");
	ck_assert(o.no_network);
	ck_assert(o.allow_localhost);
	ck_assert(o.trace);
	ck_assert(o.no_subprocess);
	ck_assert(o.show_argv);
	ck_assert(!o.no_environment);
	ck_assert_uint_eq(o.allow_exec.n, 3);
	ck_assert_str_eq(o.allow_exec.v[0], "/usr/bin/git");
	ck_assert_str_eq(o.allow_exec.v[1], "/bin/ls");
	ck_assert_str_eq(o.allow_exec.v[2], "/bin/cat");
	ck_assert_uint_eq(o.keep_env.n, 1);
	ck_assert_str_eq(o.keep_env.v[0], "FOO");
	/* '#' without a blank before it is part of the value */
	ck_assert_uint_eq(o.allow_unix.n, 2);
	ck_assert_str_eq(o.allow_unix.v[0], "/run/a#b.sock");
	ck_assert_str_eq(o.allow_unix.v[1], "@abstract");
	ck_assert_int_eq(o.action, CLI_RUN);
	options_free(&o);
}
END_TEST

START_TEST(test_empty_and_comment_only)
{
	static const char *const texts[] = {"", "\n\n", "# only\n# comments",
					    "   \t\n"};

	for (size_t i = 0; i < HM_ARRAY_SIZE(texts); i++) {
		struct options o;
		char *err;

		ck_assert_int_eq(parse(&o, texts[i], &err), 0);
		ck_assert(!o.no_network && !o.no_subprocess);
		options_free(&o);
	}
}
END_TEST

START_TEST(test_profile_adds_to_options)
{
	struct options o = {0};
	char *err = NULL;

	o.trace = true;
	strlist_add(&o.allow_exec, "/bin/true");
	ck_assert_int_eq(
	    profile_parse(&o, "allow-exec = /bin/false\n", "x.profile", &err),
	    0);
	ck_assert(o.trace);
	ck_assert_uint_eq(o.allow_exec.n, 2);
	ck_assert_str_eq(o.allow_exec.v[0], "/bin/true");
	ck_assert_str_eq(o.allow_exec.v[1], "/bin/false");

	/* python from a profile does not replace one already set */
	o.python = strdup("/opt/py");
	ck_assert_int_eq(
	    profile_parse(&o, "python = /usr/bin/python3", "x.profile", &err),
	    0);
	ck_assert_str_eq(o.python, "/opt/py");
	options_free(&o);
}
END_TEST

START_TEST(test_errors)
{
	expect_error("bogus\n", "t.profile:1: unknown option 'bogus'");
	/* the line number counts comments and blank lines */
	expect_error("# c\n\nno-network\nnot-an-option = 1\nno-subprocess\n",
		     "t.profile:4: unknown option 'not-an-option'");
	expect_error("no-network\nallow-exec =\n",
		     "t.profile:2: 'allow-exec =' needs a value");
	expect_error("allow-exec=   # a comment is no value\n",
		     "t.profile:1: 'allow-exec =' needs a value");
	expect_error("allow-exec /usr/bin/git\n",
		     "t.profile:1: 'allow-exec /usr/bin/git': write 'option = "
		     "value'");
	expect_error("no-network = yes\n",
		     "t.profile:1: --no-network takes no value");
	expect_error("allow-exec\n", "t.profile:1: --allow-exec needs a value");
	expect_error("keep-env = A=B\n",
		     "t.profile:1: --keep-env A=B: give a variable name, "
		     "without '='");
	/* a profile line names the option exactly */
	expect_error("no-net\n", "t.profile:1: unknown option 'no-net'");
	expect_error("\n\n\n= x\n", "t.profile:4: unknown option ''");
}
END_TEST

START_TEST(test_cli_only_refused)
{
	expect_error("help\n", "t.profile:1: 'help' is a command-line action, "
			       "not a profile setting");
	expect_error("no-network\nversion\n",
		     "t.profile:2: 'version' is a command-line action, not a "
		     "profile setting");
	expect_error("list-profiles\n",
		     "t.profile:1: 'list-profiles' is a command-line action, "
		     "not a profile setting");
	expect_error("show-profile = pytest\n",
		     "t.profile:1: 'show-profile' is a command-line action, "
		     "not a profile setting");
}
END_TEST

START_TEST(test_error_stops_parsing)
{
	struct options o;
	char *err;

	ck_assert_int_eq(parse(&o, "no-network\nbogus\nno-subprocess\n", &err),
			 -1);
	ck_assert(o.no_network);
	ck_assert(!o.no_subprocess);
	free(err);
	options_free(&o);
}
END_TEST

/* A temporary profile directory on HERMETIC_PROFILE_PATH, with the user's
 * own profile directory pointed at an empty place. */
struct profile_env {
	char *dir;
	char *saved_path;
	char *saved_xdg;
};

static void
profile_env_enter(struct profile_env *pe, const char *search)
{
	char *xdg;

	pe->dir = hm_tmpdir_make();
	xdg = hm_path(pe->dir, "no-such-xdg");
	pe->saved_xdg = hm_env_set("XDG_CONFIG_HOME", xdg);
	free(xdg);
	if (search) {
		char *list = malloc(strlen(search) + strlen(pe->dir) + 2);

		ck_assert_ptr_nonnull(list);
		strcpy(list, search);
		strcat(list, ":");
		strcat(list, pe->dir);
		pe->saved_path = hm_env_set("HERMETIC_PROFILE_PATH", list);
		free(list);
	} else {
		pe->saved_path = hm_env_set("HERMETIC_PROFILE_PATH", pe->dir);
	}
}

static void
profile_env_leave(struct profile_env *pe)
{
	hm_env_restore("HERMETIC_PROFILE_PATH", pe->saved_path);
	hm_env_restore("XDG_CONFIG_HOME", pe->saved_xdg);
	hm_rm_rf(pe->dir);
}

START_TEST(test_find_by_name)
{
	struct profile_env pe;
	char *want, *got, *other, *sub;

	/* empty entries and missing directories are skipped */
	profile_env_enter(&pe, "/nonexistent-hermetic-dir::");
	want = hm_write_file(pe.dir, "mine.profile", "no-network\n", 0644);
	got = profile_find("mine");
	ck_assert_pstr_eq(got, want);
	free(got);

	ck_assert_ptr_null(profile_find("nope"));
	ck_assert_ptr_null(profile_find(""));
	/* a name is not a relative path out of the directory */
	ck_assert_ptr_null(profile_find(".mine"));
	ck_assert_ptr_null(profile_find(".."));

	/* a directory with the name is not a profile */
	sub = hm_path(pe.dir, "adir.profile");
	ck_assert_int_eq(mkdir(sub, 0755), 0);
	ck_assert_ptr_null(profile_find("adir"));
	free(sub);

	/* the first directory of the path wins */
	other = hm_tmpdir_make();
	{
		char *list = malloc(strlen(other) + strlen(pe.dir) + 2);
		char *first, *saved;

		strcpy(list, other);
		strcat(list, ":");
		strcat(list, pe.dir);
		saved = hm_env_set("HERMETIC_PROFILE_PATH", list);
		first = hm_write_file(other, "mine.profile", "trace\n", 0644);
		got = profile_find("mine");
		ck_assert_pstr_eq(got, first);
		free(got);
		free(first);
		hm_env_restore("HERMETIC_PROFILE_PATH", saved);
		free(list);
	}
	hm_rm_rf(other);
	free(want);
	profile_env_leave(&pe);
}
END_TEST

START_TEST(test_find_by_path)
{
	struct profile_env pe;
	char *path, *got, *odd;

	profile_env_enter(&pe, NULL);
	path = hm_write_file(pe.dir, "by-path.profile", "trace\n", 0644);
	/* a name with '/' is a path */
	got = profile_find(path);
	ck_assert_pstr_eq(got, path);
	free(got);
	/* which need not end in .profile */
	odd = hm_write_file(pe.dir, "odd", "trace\n", 0644);
	got = profile_find(odd);
	ck_assert_pstr_eq(got, odd);
	free(got);
	/* a name ending in .profile is a path too (here relative to the
	 * working directory, which has no such file), not a search */
	ck_assert_ptr_null(profile_find("by-path.profile"));
	ck_assert_ptr_null(profile_find("/nonexistent/x.profile"));
	ck_assert_ptr_null(profile_find(pe.dir)); /* a directory */
	free(odd);
	free(path);
	profile_env_leave(&pe);
}
END_TEST

START_TEST(test_load)
{
	struct profile_env pe;
	struct options o = {0};
	char *err = NULL, *bad, *want;

	profile_env_enter(&pe, NULL);
	free(hm_write_file(pe.dir, "loaded.profile",
			   "# test\nno-network\nallow-localhost\n", 0644));
	ck_assert_msg(profile_load(&o, "loaded", &err) == 0, "%s",
		      err ? err : "");
	ck_assert(o.no_network && o.allow_localhost);
	options_free(&o);

	/* an unknown name: exactly this message */
	memset(&o, 0, sizeof(o));
	ck_assert_int_eq(profile_load(&o, "no-such-profile", &err), -1);
	ck_assert_str_eq(err, "unknown profile: no-such-profile");
	free(err);
	ck_assert_int_eq(profile_load(&o, "/nonexistent/p.profile", &err), -1);
	ck_assert_str_eq(err, "unknown profile: /nonexistent/p.profile");
	free(err);

	/* errors name the file that holds the line */
	bad = hm_write_file(pe.dir, "bad.profile", "no-network\n\nfrobnicate\n",
			    0644);
	ck_assert_int_eq(profile_load(&o, "bad", &err), -1);
	want = malloc(strlen(bad) + 64);
	sprintf(want, "%s:3: unknown option 'frobnicate'", bad);
	ck_assert_str_eq(err, want);
	free(err);
	free(want);
	free(bad);

	/* not a text file */
	free(hm_write_bytes(pe.dir, "bin.profile", "trace\0\n", 7, 0644));
	ck_assert_int_eq(profile_load(&o, "bin", &err), -1);
	ck_assert_ptr_nonnull(strstr(err, "is not a text file"));
	free(err);
	options_free(&o);
	profile_env_leave(&pe);
}
END_TEST

START_TEST(test_show_and_list)
{
	struct profile_env pe;
	char *text = NULL, *err = NULL, *path, *want;
	size_t len = 0;
	FILE *f;

	profile_env_enter(&pe, NULL);
	path = hm_write_file(pe.dir, "shown.profile",
			     "# Shown for the test\nno-network", 0644);

	f = open_memstream(&text, &len);
	ck_assert_int_eq(profile_show(f, "shown", &err), 0);
	fclose(f);
	want = malloc(strlen(path) + 64);
	sprintf(want, "# %s\n# Shown for the test\nno-network\n", path);
	ck_assert_str_eq(text, want);
	free(want);
	free(text);

	f = open_memstream(&text, &len);
	ck_assert_int_eq(profile_show(f, "missing", &err), -1);
	fclose(f);
	ck_assert_str_eq(err, "unknown profile: missing");
	free(err);
	free(text);

	f = open_memstream(&text, &len);
	ck_assert_int_eq(profile_list(f), 0);
	fclose(f);
	want = malloc(strlen(path) + 64);
	sprintf(want, "%-16s %s (%s)\n", "shown", "Shown for the test", path);
	ck_assert_msg(strstr(text, want) != NULL, "list '%s' lacks '%s'", text,
		      want);
	free(want);
	free(text);
	free(path);
	profile_env_leave(&pe);
}
END_TEST

START_TEST(test_shipped_profiles)
{
	static const struct {
		const char *name;
		const char *refusal; /* policy_build() message, or NULL */
	} known[] = {
	    {"block-all", NULL}, {"net-hermetic", NULL}, {"exec-deny", NULL},
	    {"pytest", NULL},	 {"fs-readonly", NULL},	 {"block-native", NULL},
	};
	char *top = hm_top_srcdir(__FILE__), *dir = hm_path(top, "profiles");
	bool seen[HM_ARRAY_SIZE(known)] = {false};
	struct dirent *de;
	size_t count = 0;
	DIR *d = opendir(dir);

	ck_assert_msg(d != NULL, "cannot open %s", dir);
	while ((de = readdir(d)) != NULL) {
		size_t n = strlen(de->d_name);
		struct options o = {0};
		struct policy p;
		char *err = NULL, *path, *name;
		const char *refusal = NULL;
		bool known_name = false;
		int rc;

		if (n <= 8 || strcmp(de->d_name + n - 8, ".profile") != 0)
			continue;
		count++;
		name = strndup(de->d_name, n - 8);
		path = hm_path(dir, de->d_name);
		ck_assert_msg(profile_load(&o, path, &err) == 0, "%s: %s", path,
			      err ? err : "");
		for (size_t i = 0; i < HM_ARRAY_SIZE(known); i++)
			if (strcmp(known[i].name, name) == 0) {
				seen[i] = true;
				known_name = true;
				refusal = known[i].refusal;
			}
		rc = policy_build(&p, &o, &err);
		if (refusal) {
			ck_assert_msg(rc == -1, "%s: policy_build accepted it",
				      name);
			ck_assert_str_eq(err, refusal);
			free(err);
		} else {
			ck_assert_msg(rc == 0, "%s: %s", name, err);
			if (strcmp(name, "fs-readonly") == 0) {
				ck_assert(p.fs_readonly);
				ck_assert(!p.fs_landlock_only);
				ck_assert_uint_eq(p.n_allow_write, 0);
			}
			/* block-native blocks native code and does nothing
			 * else; block-all has every guard; no other shipped
			 * profile blocks native code */
			if (strcmp(name, "block-native") == 0) {
				ck_assert(p.block_native);
				ck_assert(!p.no_network && !p.no_subprocess);
				ck_assert(!p.fs_readonly && !p.no_environment);
			} else if (strcmp(name, "block-all") == 0) {
				ck_assert(p.block_native && p.fs_readonly);
				ck_assert(p.no_network && p.no_subprocess);
				ck_assert(p.no_environment &&
					  !p.allow_localhost);
				ck_assert_uint_eq(p.n_allow_write, 0);
			} else if (known_name) {
				ck_assert_msg(!p.block_native,
					      "%s: block-native on", name);
			}
			policy_free(&p);
			ck_assert(!p.block_native);
		}
		options_free(&o);
		free(path);
		free(name);
	}
	closedir(d);
	for (size_t i = 0; i < HM_ARRAY_SIZE(known); i++)
		ck_assert_msg(seen[i], "profiles/%s.profile is missing",
			      known[i].name);
	ck_assert_uint_ge(count, HM_ARRAY_SIZE(known));
	free(dir);
	free(top);
}
END_TEST

START_TEST(test_shipped_profile_contents)
{
	char *top = hm_top_srcdir(__FILE__), *dir = hm_path(top, "profiles");
	struct options o = {0};
	char *err = NULL, *path;

	path = hm_path(dir, "block-all.profile");
	ck_assert_int_eq(profile_load(&o, path, &err), 0);
	ck_assert(o.no_network && o.no_subprocess && o.no_environment);
	ck_assert(!o.allow_localhost);
	options_free(&o);
	free(path);

	memset(&o, 0, sizeof(o));
	path = hm_path(dir, "net-hermetic.profile");
	ck_assert_int_eq(profile_load(&o, path, &err), 0);
	ck_assert(o.no_network && o.allow_localhost && !o.no_subprocess);
	options_free(&o);
	free(path);

	memset(&o, 0, sizeof(o));
	path = hm_path(dir, "exec-deny.profile");
	ck_assert_int_eq(profile_load(&o, path, &err), 0);
	ck_assert(o.no_subprocess && !o.no_network);
	options_free(&o);
	free(path);

	memset(&o, 0, sizeof(o));
	path = hm_path(dir, "fs-readonly.profile");
	ck_assert_int_eq(profile_load(&o, path, &err), 0);
	ck_assert(o.fs_readonly);
	/* no root (still refused), nothing writable */
	ck_assert_ptr_null(o.fs_root);
	ck_assert_uint_eq(o.allow_write.n, 0);
	ck_assert(!o.no_network && !o.no_subprocess);
	options_free(&o);
	free(path);

	memset(&o, 0, sizeof(o));
	path = hm_path(dir, "block-native.profile");
	ck_assert_int_eq(profile_load(&o, path, &err), 0);
	ck_assert(o.block_native);
	ck_assert(!o.no_network && !o.no_subprocess && !o.fs_readonly);
	options_free(&o);
	free(path);
	free(dir);
	free(top);
}
END_TEST

static Suite *
profile_suite(void)
{
	Suite *s = suite_create("profile");
	TCase *tc = tcase_create("parse");

	tcase_add_test(tc, test_good_file);
	tcase_add_test(tc, test_empty_and_comment_only);
	tcase_add_test(tc, test_profile_adds_to_options);
	tcase_add_test(tc, test_errors);
	tcase_add_test(tc, test_cli_only_refused);
	tcase_add_test(tc, test_error_stops_parsing);
	suite_add_tcase(s, tc);

	tc = tcase_create("files");
	tcase_add_test(tc, test_find_by_name);
	tcase_add_test(tc, test_find_by_path);
	tcase_add_test(tc, test_load);
	tcase_add_test(tc, test_show_and_list);
	tcase_add_test(tc, test_shipped_profiles);
	tcase_add_test(tc, test_shipped_profile_contents);
	suite_add_tcase(s, tc);
	return s;
}

HM_SUITE_MAIN(profile_suite)
