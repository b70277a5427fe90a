/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * Unit tests of the command line (cli.c): the split at the first "--",
 * the messages for a missing or empty target, the actions that need no
 * target, unknown, abbreviated and ambiguous options, values that are
 * missing, refused or optional, repeatable options, and cli_apply() as
 * profiles use it.
 */
#include "config.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "check_common.h"
#include "cli.h"

/* An argv that cli_parse() may point into, built from string literals. */
struct args {
	int argc;
	char *argv[32];
};

static void
args_free(struct args *a)
{
	for (int i = 0; i < a->argc; i++)
		free(a->argv[i]);
	a->argc = 0;
}

/* Parse "hermetic WORDS..." into "o" (zeroed here). */
static int
parse_words(struct args *a, struct options *o, char **err,
	    const char *const *words)
{
	a->argc = 0;
	a->argv[a->argc++] = strdup("hermetic");
	for (; *words; words++) {
		ck_assert_int_lt(a->argc, (int)HM_ARRAY_SIZE(a->argv) - 1);
		a->argv[a->argc++] = strdup(*words);
	}
	a->argv[a->argc] = NULL;
	memset(o, 0, sizeof(*o));
	*err = NULL;
	return cli_parse(a->argc, a->argv, o, err);
}

#define PARSE(a, o, err, ...)                                                  \
	parse_words(a, o, err, (const char *const[]){__VA_ARGS__, NULL})

/* Parsing must fail with a message containing "want". */
static void
expect_error(const char *want, const char *const *words)
{
	struct args a;
	struct options o;
	char *err;
	int rc = parse_words(&a, &o, &err, words);

	ck_assert_msg(rc == -1, "parse succeeded; wanted an error with '%s'",
		      want);
	ck_assert_ptr_nonnull(err);
	ck_assert_msg(strstr(err, want) != NULL, "error '%s' lacks '%s'", err,
		      want);
	free(err);
	options_free(&o);
	args_free(&a);
}

#define EXPECT_ERROR(want, ...)                                                \
	expect_error(want, (const char *const[]){__VA_ARGS__, NULL})

START_TEST(test_split_at_first_dashdash)
{
	struct args a;
	struct options o;
	char *err;

	ck_assert_int_eq(PARSE(&a, &o, &err, "--no-network", "--", "x.py", "-v",
			       "--", "--trace", "b"),
			 0);
	ck_assert_ptr_null(err);
	ck_assert_int_eq(o.action, CLI_RUN);
	ck_assert(o.no_network);
	/* options after the first "--" belong to the target */
	ck_assert(!o.trace);
	ck_assert_int_eq(o.target_argc, 5);
	ck_assert_ptr_eq(o.target_argv, &a.argv[3]);
	ck_assert_str_eq(o.target_argv[0], "x.py");
	ck_assert_str_eq(o.target_argv[1], "-v");
	ck_assert_str_eq(o.target_argv[2], "--");
	ck_assert_str_eq(o.target_argv[3], "--trace");
	ck_assert_str_eq(o.target_argv[4], "b");
	ck_assert_ptr_null(o.target_argv[5]);
	options_free(&o);
	args_free(&a);
}
END_TEST

START_TEST(test_no_options)
{
	struct args a;
	struct options o;
	char *err;

	ck_assert_int_eq(PARSE(&a, &o, &err, "--", "prog"), 0);
	ck_assert_int_eq(o.target_argc, 1);
	ck_assert_str_eq(o.target_argv[0], "prog");
	ck_assert(!o.no_network && !o.no_subprocess && !o.no_environment);
	options_free(&o);
	args_free(&a);
}
END_TEST

START_TEST(test_missing_dashdash)
{
	/* the message tells what to write, with the target the user gave */
	EXPECT_ERROR("missing '--' before the target", "--no-network", "x.py");
	EXPECT_ERROR("'hermetic [OPTIONS] -- x.py ...'", "--no-network", "x.py",
		     "arg");
	EXPECT_ERROR("'hermetic [OPTIONS] -- script.py ...'", "script.py");
	/* and a generic one when there is no target at all */
	EXPECT_ERROR("missing '--' before the target", "--no-network");
	EXPECT_ERROR("'hermetic [OPTIONS] -- TARGET [ARGS...]'", "--trace");
}
END_TEST

START_TEST(test_missing_dashdash_no_args)
{
	struct args a;
	struct options o;
	char *err;

	a.argc = 1;
	a.argv[0] = strdup("hermetic");
	a.argv[1] = NULL;
	memset(&o, 0, sizeof(o));
	err = NULL;
	ck_assert_int_eq(cli_parse(a.argc, a.argv, &o, &err), -1);
	ck_assert_ptr_nonnull(strstr(err, "missing '--'"));
	free(err);
	options_free(&o);
	args_free(&a);
}
END_TEST

START_TEST(test_nothing_after_dashdash)
{
	EXPECT_ERROR("no target after '--'", "--no-network", "--");
	EXPECT_ERROR("no target after '--'", "--");
}
END_TEST

START_TEST(test_argument_before_dashdash)
{
	EXPECT_ERROR("unexpected argument 'x.py' before '--'", "--trace",
		     "x.py", "--", "y.py");
}
END_TEST

START_TEST(test_actions_need_no_target)
{
	/* clang-format off */
	static const struct {
		const char *word;
		enum cli_action action;
	} cases[] = {
		{ "--help", CLI_HELP },
		{ "-h", CLI_HELP },
		{ "--version", CLI_VERSION },
		{ "--list-profiles", CLI_LIST_PROFILES },
		{ "--vers", CLI_VERSION },	/* a prefix works here too */
	};
	/* clang-format on */

	for (size_t i = 0; i < HM_ARRAY_SIZE(cases); i++) {
		struct args a;
		struct options o;
		char *err;

		ck_assert_msg(PARSE(&a, &o, &err, "--trace", cases[i].word) ==
				  0,
			      "%s: %s", cases[i].word, err ? err : "");
		ck_assert_int_eq(o.action, cases[i].action);
		ck_assert_ptr_null(o.target_argv);
		ck_assert_int_eq(o.target_argc, 0);
		options_free(&o);
		args_free(&a);
	}
}
END_TEST

START_TEST(test_show_profile)
{
	struct args a;
	struct options o;
	char *err;

	ck_assert_int_eq(PARSE(&a, &o, &err, "--show-profile", "pytest"), 0);
	ck_assert_int_eq(o.action, CLI_SHOW_PROFILE);
	ck_assert_str_eq(o.show_profile, "pytest");
	options_free(&o);
	args_free(&a);

	ck_assert_int_eq(PARSE(&a, &o, &err, "--show-profile=net-hermetic"), 0);
	ck_assert_int_eq(o.action, CLI_SHOW_PROFILE);
	ck_assert_str_eq(o.show_profile, "net-hermetic");
	options_free(&o);
	args_free(&a);

	EXPECT_ERROR("needs a value", "--show-profile");
}
END_TEST

START_TEST(test_help_wins_over_version)
{
	struct args a;
	struct options o;
	char *err;

	ck_assert_int_eq(PARSE(&a, &o, &err, "--help", "--version"), 0);
	ck_assert_int_eq(o.action, CLI_HELP);
	options_free(&o);
	args_free(&a);
	ck_assert_int_eq(PARSE(&a, &o, &err, "--version", "--help"), 0);
	ck_assert_int_eq(o.action, CLI_HELP);
	options_free(&o);
	args_free(&a);
	/* an action with a target is still just the action */
	ck_assert_int_eq(PARSE(&a, &o, &err, "--help", "--", "x.py"), 0);
	ck_assert_int_eq(o.action, CLI_HELP);
	options_free(&o);
	args_free(&a);
}
END_TEST

START_TEST(test_unknown_option)
{
	EXPECT_ERROR("unknown or ambiguous option '--bogus'", "--bogus", "--",
		     "x");
	EXPECT_ERROR("try 'hermetic --help'", "--bogus", "--", "x");
	EXPECT_ERROR("unknown option '-x'", "-x", "--", "x");
	/* a long option name needs two dashes */
	EXPECT_ERROR("unknown option '-n'", "-no-network", "--", "x");
}
END_TEST

START_TEST(test_prefixes)
{
	struct args a;
	struct options o;
	char *err;

	ck_assert_int_eq(
	    PARSE(&a, &o, &err, "--no-net", "--allow-l", "--no-sub", "--", "x"),
	    0);
	ck_assert(o.no_network);
	ck_assert(o.allow_localhost);
	ck_assert(o.no_subprocess);
	options_free(&o);
	args_free(&a);

	/* no-environment and its alias no-env are one option: not
	 * ambiguous */
	ck_assert_int_eq(PARSE(&a, &o, &err, "--no-e", "--", "x"), 0);
	ck_assert(o.no_environment);
	options_free(&o);
	args_free(&a);

	EXPECT_ERROR("unknown or ambiguous option '--no'", "--no", "--", "x");
	EXPECT_ERROR("unknown or ambiguous option '--allow'", "--allow", "--",
		     "x");
	EXPECT_ERROR("unknown or ambiguous option '--no-'", "--no-", "--", "x");
}
END_TEST

/* The options of auditing and its outputs. */
START_TEST(test_audit_options)
{
	struct args a;
	struct options o;
	char *err = NULL;

	ck_assert_int_eq(PARSE(&a, &o, &err, "--audit", "--trace=all", "--log",
			       "l.jsonl", "--log-format=json", "--report",
			       "r.html", "--fail-on-violation", "--quiet", "--",
			       "x"),
			 0);
	ck_assert(o.audit && o.trace && o.trace_all && o.log_json &&
		  o.log_format_set && o.fail_on_violation && o.quiet);
	ck_assert_str_eq(o.log, "l.jsonl");
	ck_assert_str_eq(o.report, "r.html");
	options_free(&o);
	args_free(&a);

	ck_assert_int_eq(
	    PARSE(&a, &o, &err, "--trace", "--log-format", "text", "--", "x"),
	    0);
	ck_assert(o.trace && !o.trace_all && !o.log_json && !o.audit);
	ck_assert_ptr_null(o.log);
	options_free(&o);
	args_free(&a);

	EXPECT_ERROR("--log-format=xml: give text or json", "--log-format=xml",
		     "--", "x");
	EXPECT_ERROR("needs a value", "--report=", "--", "x");
	EXPECT_ERROR("option '--audit' takes no value", "--audit=1", "--", "x");
}
END_TEST

START_TEST(test_flag_takes_no_value)
{
	EXPECT_ERROR("option '--no-network' takes no value", "--no-network=1",
		     "--", "x");
	EXPECT_ERROR("option '--no-network' takes no value", "--no-net=yes",
		     "--", "x");
	/* --trace takes "all" and nothing else */
	EXPECT_ERROR("--trace=: the value can only be 'all'", "--trace=", "--",
		     "x");
	EXPECT_ERROR("--trace=yes: the value can only be 'all'", "--trace=yes",
		     "--", "x");
	EXPECT_ERROR("option '--no-environment' takes no value", "--no-env=1",
		     "--", "x");
}
END_TEST

START_TEST(test_required_values)
{
	static const char *const names[] = {
	    "--allow-exec", "--keep-env",     "--profile",
	    "--python",	    "--allow-domain", "--deny-import",
	};

	for (size_t i = 0; i < HM_ARRAY_SIZE(names); i++) {
		char want[64];

		/* the value cannot come from after "--" */
		snprintf(want, sizeof(want), "option '%s' needs a value",
			 names[i]);
		expect_error(want,
			     (const char *const[]){names[i], "--", "x", NULL});
		/* nor be empty */
		snprintf(want, sizeof(want), "%s needs a value", names[i]);
		{
			char eq[64];

			snprintf(eq, sizeof(eq), "%s=", names[i]);
			expect_error(
			    want, (const char *const[]){eq, "--", "x", NULL});
		}
	}
}
END_TEST

START_TEST(test_allow_unix)
{
	struct args a;
	struct options o;
	char *err;

	ck_assert_int_eq(PARSE(&a, &o, &err, "--allow-unix", "--", "x"), 0);
	ck_assert(o.allow_unix_all);
	ck_assert_uint_eq(o.allow_unix.n, 0);
	options_free(&o);
	args_free(&a);

	ck_assert_int_eq(PARSE(&a, &o, &err, "--allow-unix=/run/x.sock",
			       "--allow-unix=@name", "--", "x"),
			 0);
	ck_assert(!o.allow_unix_all);
	ck_assert_uint_eq(o.allow_unix.n, 2);
	ck_assert_str_eq(o.allow_unix.v[0], "/run/x.sock");
	ck_assert_str_eq(o.allow_unix.v[1], "@name");
	options_free(&o);
	args_free(&a);

	EXPECT_ERROR("--allow-unix=run/x.sock: give an absolute socket path",
		     "--allow-unix=run/x.sock", "--", "x");
	EXPECT_ERROR("or @NAME", "--allow-unix=x.sock", "--", "x");
	/* the value is optional, so it must be attached with '=': a
	 * separate word is not taken as the value */
	EXPECT_ERROR("unexpected argument '/run/x.sock' before '--'",
		     "--allow-unix", "/run/x.sock", "--", "x");
}
END_TEST

START_TEST(test_no_env_alias)
{
	struct args a;
	struct options o;
	char *err;

	ck_assert_int_eq(PARSE(&a, &o, &err, "--no-env", "--", "x"), 0);
	ck_assert(o.no_environment);
	options_free(&o);
	args_free(&a);
	ck_assert_int_eq(PARSE(&a, &o, &err, "--no-environment", "--", "x"), 0);
	ck_assert(o.no_environment);
	options_free(&o);
	args_free(&a);
}
END_TEST

START_TEST(test_keep_env)
{
	struct args a;
	struct options o;
	char *err;

	ck_assert_int_eq(PARSE(&a, &o, &err, "--keep-env", "FOO",
			       "--keep-env=BAR", "--", "x"),
			 0);
	ck_assert_uint_eq(o.keep_env.n, 2);
	ck_assert_str_eq(o.keep_env.v[0], "FOO");
	ck_assert_str_eq(o.keep_env.v[1], "BAR");
	options_free(&o);
	args_free(&a);

	EXPECT_ERROR("--keep-env FOO=1: give a variable name, without '='",
		     "--keep-env", "FOO=1", "--", "x");
	EXPECT_ERROR("without '='", "--keep-env==", "--", "x");
}
END_TEST

START_TEST(test_fs_readonly)
{
	struct args a;
	struct options o;
	char *err;

	ck_assert_int_eq(PARSE(&a, &o, &err, "--fs-readonly", "--", "x"), 0);
	ck_assert(o.fs_readonly);
	ck_assert_ptr_null(o.fs_root);
	ck_assert_int_eq(o.target_argc, 1);
	options_free(&o);
	args_free(&a);

	ck_assert_int_eq(PARSE(&a, &o, &err, "--fs-readonly=/x", "--", "x"), 0);
	ck_assert(o.fs_readonly);
	ck_assert_str_eq(o.fs_root, "/x");
	options_free(&o);
	args_free(&a);

	/* the seed's form: the root as the next word */
	ck_assert_int_eq(PARSE(&a, &o, &err, "--fs-readonly", "/x", "--trace",
			       "--", "t", "a"),
			 0);
	ck_assert(o.fs_readonly);
	ck_assert_str_eq(o.fs_root, "/x");
	ck_assert(o.trace);
	ck_assert_int_eq(o.target_argc, 2);
	ck_assert_str_eq(o.target_argv[0], "t");
	options_free(&o);
	args_free(&a);

	/* an option after it is not a root */
	ck_assert_int_eq(
	    PARSE(&a, &o, &err, "--fs-readonly", "--trace", "--", "t"), 0);
	ck_assert(o.fs_readonly);
	ck_assert_ptr_null(o.fs_root);
	ck_assert(o.trace);
	options_free(&o);
	args_free(&a);

	/* nor is the target after "--" */
	ck_assert_int_eq(PARSE(&a, &o, &err, "--fs-readonly", "--", "t"), 0);
	ck_assert_ptr_null(o.fs_root);
	ck_assert_str_eq(o.target_argv[0], "t");
	options_free(&o);
	args_free(&a);

	/* the last root wins */
	ck_assert_int_eq(PARSE(&a, &o, &err, "--fs-readonly=/a",
			       "--fs-readonly=/b", "--", "t"),
			 0);
	ck_assert_str_eq(o.fs_root, "/b");
	options_free(&o);
	args_free(&a);
}
END_TEST

START_TEST(test_flags)
{
	struct args a;
	struct options o;
	char *err;

	ck_assert_int_eq(PARSE(&a, &o, &err, "--no-network",
			       "--allow-localhost", "--no-subprocess",
			       "--no-environment", "--block-native",
			       "--no-code-exec", "--no-interpreter-mutation",
			       "--trace", "--show-argv", "--seal", "--python",
			       "/usr/bin/python3", "--", "x"),
			 0);
	ck_assert(o.no_network && o.allow_localhost && o.no_subprocess);
	ck_assert(o.no_environment && o.block_native && o.no_code_exec);
	ck_assert(o.no_interpreter_mutation && o.trace && o.show_argv);
	ck_assert(o.seal);
	ck_assert(!o.fs_readonly && !o.allow_unix_all);
	ck_assert_str_eq(o.python, "/usr/bin/python3");
	options_free(&o);
	args_free(&a);
}
END_TEST

START_TEST(test_repeatable)
{
	struct args a;
	struct options o;
	char *err;

	ck_assert_int_eq(PARSE(&a, &o, &err, "--allow-exec", "/usr/bin/git",
			       "--allow-exec=ls", "--profile", "pytest",
			       "--profile=./mine.profile", "--deny-import",
			       "ctypes", "--deny-import=cffi", "--allow-domain",
			       "example.com", "--allow-domain=pypi.org",
			       "--allow-unix=/a", "--allow-unix=/b",
			       "--allow-unix=@c", "--", "x"),
			 0);
	ck_assert_uint_eq(o.allow_exec.n, 2);
	ck_assert_str_eq(o.allow_exec.v[0], "/usr/bin/git");
	ck_assert_str_eq(o.allow_exec.v[1], "ls");
	ck_assert_ptr_null(o.allow_exec.v[2]);
	ck_assert_uint_eq(o.profiles.n, 2);
	ck_assert_str_eq(o.profiles.v[0], "pytest");
	ck_assert_str_eq(o.profiles.v[1], "./mine.profile");
	ck_assert_uint_eq(o.deny_import.n, 2);
	ck_assert_str_eq(o.deny_import.v[1], "cffi");
	ck_assert_uint_eq(o.allow_domain.n, 2);
	ck_assert_str_eq(o.allow_domain.v[0], "example.com");
	ck_assert_uint_eq(o.allow_unix.n, 3);
	ck_assert_str_eq(o.allow_unix.v[2], "@c");
	options_free(&o);
	args_free(&a);
}
END_TEST

START_TEST(test_python_last_wins_on_command_line)
{
	struct args a;
	struct options o;
	char *err;

	ck_assert_int_eq(
	    PARSE(&a, &o, &err, "--python", "/a", "--python=/b", "--", "x"), 0);
	ck_assert_str_eq(o.python, "/b");
	options_free(&o);
	args_free(&a);
}
END_TEST

START_TEST(test_reparse_resets_getopt)
{
	/* getopt keeps state between calls; cli_parse() resets it, so a
	 * failure and a success can follow each other */
	for (int round = 0; round < 3; round++) {
		struct args a;
		struct options o;
		char *err;

		EXPECT_ERROR("takes no value", "--trace", "--no-network=1",
			     "--", "x");
		ck_assert_int_eq(
		    PARSE(&a, &o, &err, "--trace", "--no-network", "--", "x"),
		    0);
		ck_assert(o.trace && o.no_network);
		ck_assert_str_eq(o.target_argv[0], "x");
		options_free(&o);
		args_free(&a);
	}
}
END_TEST

START_TEST(test_apply_refuses_cli_only_from_profile)
{
	static const char *const names[] = {"help", "version", "list-profiles",
					    "show-profile"};

	for (size_t i = 0; i < HM_ARRAY_SIZE(names); i++) {
		struct options o = {0};
		char *err = NULL;
		char want[80];

		ck_assert_int_eq(cli_apply(&o, names[i],
					   i == 3 ? "pytest" : NULL, true,
					   &err),
				 -1);
		snprintf(want, sizeof(want),
			 "'%s' is a command-line action, not a profile "
			 "setting",
			 names[i]);
		ck_assert_str_eq(err, want);
		ck_assert_int_eq(o.action, CLI_RUN);
		free(err);
		options_free(&o);
	}
}
END_TEST

START_TEST(test_apply)
{
	struct options o = {0};
	char *err = NULL;

	/* from the command line the actions are fine */
	ck_assert_int_eq(cli_apply(&o, "version", NULL, false, &err), 0);
	ck_assert_int_eq(o.action, CLI_VERSION);

	ck_assert_int_eq(cli_apply(&o, "no-network", NULL, true, &err), 0);
	ck_assert(o.no_network);
	ck_assert_int_eq(cli_apply(&o, "no-env", NULL, true, &err), 0);
	ck_assert(o.no_environment);
	ck_assert_int_eq(cli_apply(&o, "allow-exec", "/bin/ls", true, &err), 0);
	ck_assert_int_eq(cli_apply(&o, "allow-exec", "/bin/cat", true, &err),
			 0);
	ck_assert_uint_eq(o.allow_exec.n, 2);
	ck_assert_int_eq(cli_apply(&o, "allow-unix", NULL, true, &err), 0);
	ck_assert(o.allow_unix_all);
	ck_assert_int_eq(cli_apply(&o, "fs-readonly", "/srv", true, &err), 0);
	ck_assert(o.fs_readonly);
	ck_assert_str_eq(o.fs_root, "/srv");

	/* exact names only: a profile line is not abbreviated */
	ck_assert_int_eq(cli_apply(&o, "no-net", NULL, true, &err), -1);
	ck_assert_str_eq(err, "unknown option 'no-net'");
	free(err);
	ck_assert_int_eq(cli_apply(&o, "no-network", "1", true, &err), -1);
	ck_assert_str_eq(err, "--no-network takes no value");
	free(err);
	ck_assert_int_eq(cli_apply(&o, "allow-exec", NULL, true, &err), -1);
	ck_assert_str_eq(err, "--allow-exec needs a value");
	free(err);
	ck_assert_int_eq(cli_apply(&o, "keep-env", "", true, &err), -1);
	ck_assert_str_eq(err, "--keep-env needs a value");
	free(err);
	ck_assert_int_eq(cli_apply(&o, "keep-env", "A=B", true, &err), -1);
	ck_assert_ptr_nonnull(strstr(err, "without '='"));
	free(err);
	ck_assert_int_eq(cli_apply(&o, "allow-unix", "rel", true, &err), -1);
	ck_assert_ptr_nonnull(strstr(err, "absolute socket path"));
	free(err);
	options_free(&o);
}
END_TEST

START_TEST(test_apply_python_from_profile)
{
	struct options o = {0};
	char *err = NULL;

	/* a profile sets it when nothing did */
	ck_assert_int_eq(cli_apply(&o, "python", "/p1", true, &err), 0);
	ck_assert_str_eq(o.python, "/p1");
	/* a later profile does not override it */
	ck_assert_int_eq(cli_apply(&o, "python", "/p2", true, &err), 0);
	ck_assert_str_eq(o.python, "/p1");
	/* the command line does */
	ck_assert_int_eq(cli_apply(&o, "python", "/cli", false, &err), 0);
	ck_assert_str_eq(o.python, "/cli");
	ck_assert_int_eq(cli_apply(&o, "python", "/p3", true, &err), 0);
	ck_assert_str_eq(o.python, "/cli");
	options_free(&o);
	ck_assert_ptr_null(o.python);
}
END_TEST

START_TEST(test_usage)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);

	ck_assert_ptr_nonnull(f);
	cli_usage(f);
	ck_assert_int_eq(fclose(f), 0);
	ck_assert_msg(
	    strncmp(text, "usage: hermetic [OPTIONS] -- TARGET", 35) == 0,
	    "usage starts with '%.40s'", text);
	ck_assert_ptr_nonnull(strstr(text, "--no-network"));
	ck_assert_ptr_nonnull(strstr(text, "--allow-unix[=PATH|@NAME]"));
	free(text);
}
END_TEST

static Suite *
cli_suite(void)
{
	Suite *s = suite_create("cli");
	TCase *tc = tcase_create("parse");

	tcase_add_test(tc, test_split_at_first_dashdash);
	tcase_add_test(tc, test_no_options);
	tcase_add_test(tc, test_missing_dashdash);
	tcase_add_test(tc, test_missing_dashdash_no_args);
	tcase_add_test(tc, test_nothing_after_dashdash);
	tcase_add_test(tc, test_argument_before_dashdash);
	tcase_add_test(tc, test_actions_need_no_target);
	tcase_add_test(tc, test_show_profile);
	tcase_add_test(tc, test_help_wins_over_version);
	tcase_add_test(tc, test_unknown_option);
	tcase_add_test(tc, test_prefixes);
	tcase_add_test(tc, test_flag_takes_no_value);
	tcase_add_test(tc, test_audit_options);
	tcase_add_test(tc, test_required_values);
	tcase_add_test(tc, test_allow_unix);
	tcase_add_test(tc, test_no_env_alias);
	tcase_add_test(tc, test_keep_env);
	tcase_add_test(tc, test_fs_readonly);
	tcase_add_test(tc, test_flags);
	tcase_add_test(tc, test_repeatable);
	tcase_add_test(tc, test_python_last_wins_on_command_line);
	tcase_add_test(tc, test_reparse_resets_getopt);
	tcase_add_test(tc, test_usage);
	suite_add_tcase(s, tc);

	tc = tcase_create("apply");
	tcase_add_test(tc, test_apply_refuses_cli_only_from_profile);
	tcase_add_test(tc, test_apply);
	tcase_add_test(tc, test_apply_python_from_profile);
	suite_add_tcase(s, tc);
	return s;
}

HM_SUITE_MAIN(cli_suite)
