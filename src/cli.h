/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * The command line: splits hermetic's options from the target at the first
 * "--", parses the options (long options, unambiguous prefixes accepted) into
 * struct options, and applies options by name for profile files. Pure: it
 * never prints or exits; errors come back as messages.
 */
#ifndef HERMETIC_CLI_H
#define HERMETIC_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "strlist.h"

enum cli_action {
	CLI_RUN,
	CLI_HELP,
	CLI_VERSION,
	CLI_LIST_PROFILES,
	CLI_SHOW_PROFILE,
};

/* --backtrace: which frames to print under a trace line (bit flags). */
enum backtrace {
	BACKTRACE_NONE = 0,
	BACKTRACE_PYTHON = 1,
	BACKTRACE_NATIVE = 2,
	BACKTRACE_FULL = BACKTRACE_PYTHON | BACKTRACE_NATIVE,
};

struct options {
	enum cli_action action;

	/* guards */
	bool no_network;
	bool allow_localhost;
	bool allow_unix_all;	   /* --allow-unix without a value */
	struct strlist allow_unix; /* --allow-unix=PATH or =@NAME */
	bool no_subprocess;
	struct strlist allow_exec;
	bool no_environment;
	struct strlist keep_env;

	/* accepted flags that this version cannot enforce yet */
	bool fs_readonly;
	char *fs_root;
	struct strlist allow_write;
	struct strlist allow_read;
	bool block_native;
	struct strlist deny_import;
	struct strlist allow_domain;
	struct strlist allow_host;
	bool no_code_exec;
	bool no_interpreter_mutation;

	/* output and the rest */
	bool trace;
	bool trace_all;		  /* --trace=all */
	enum backtrace backtrace; /* implies trace */
	bool audit;
	char *log;	     /* --log FILE, "-" for stderr */
	bool log_json;	     /* --log-format=json */
	bool log_format_set; /* --log-format given */
	char *report;	     /* --report FILE (.json, or .html) */
	bool fail_on_violation;
	bool quiet;
	bool show_argv;
	bool show_policy;
	bool seal;
	char *python;
	struct strlist profiles; /* --profile values, in order */
	char *show_profile;

	/* the target: points into the argv given to cli_parse() */
	char **target_argv;
	int target_argc;
};

/*
 * Parse "argv" into "o" (zeroed by the caller). Returns 0 on success, or -1
 * with "*err" set to a message for the user (free it with free(3)). Strings
 * in "o" are owned by it (free with options_free()), except target_argv,
 * which points into "argv".
 */
int cli_parse(int argc, char **argv, struct options *o, char **err);

/*
 * Apply one option by its long name without dashes ("no-network",
 * "allow-exec") and its value (NULL when none was given), as a profile line
 * does. Options that only make sense on the command line (help, version,
 * list-profiles, show-profile) are refused. Returns 0, or -1 with "*err" set.
 * "from_profile" says the value came from a profile: then an already set
 * --python is kept.
 */
int cli_apply(struct options *o, const char *name, const char *value,
	      bool from_profile, char **err);

/* Print the --help text to "out". */
void cli_usage(FILE *out);

/* Free what "o" owns; "o" may then be reused after zeroing. */
void options_free(struct options *o);

#endif
