/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * Command-line parsing. One table describes every option: its long name,
 * whether it takes a value, and whether a profile may set it. getopt_long()
 * reads the command line from that table, and cli_apply() serves profiles
 * from the same table, so a profile line and a flag can never disagree.
 */
#include "config.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "xmalloc.h"

enum opt_id {
	OPT_NO_NETWORK = 256,
	OPT_ALLOW_LOCALHOST,
	OPT_ALLOW_UNIX,
	OPT_ALLOW_DOMAIN,
	OPT_ALLOW_HOST,
	OPT_NO_SUBPROCESS,
	OPT_ALLOW_EXEC,
	OPT_NO_ENVIRONMENT,
	OPT_KEEP_ENV,
	OPT_FS_READONLY,
	OPT_ALLOW_WRITE,
	OPT_ALLOW_READ,
	OPT_BLOCK_NATIVE,
	OPT_DENY_IMPORT,
	OPT_NO_CODE_EXEC,
	OPT_NO_INTERPRETER_MUTATION,
	OPT_PROFILE,
	OPT_TRACE,
	OPT_AUDIT,
	OPT_LOG,
	OPT_LOG_FORMAT,
	OPT_REPORT,
	OPT_FAIL_ON_VIOLATION,
	OPT_QUIET,
	OPT_BACKTRACE,
	OPT_SHOW_ARGV,
	OPT_SHOW_POLICY,
	OPT_PYTHON,
	OPT_SEAL,
	OPT_LIST_PROFILES,
	OPT_SHOW_PROFILE,
	OPT_VERSION,
	OPT_HELP = 'h',
};

struct opt_def {
	const char *name;
	int has_arg; /* no_argument, required_argument, optional_argument */
	int id;
	bool cli_only; /* refused in profiles */
};

/* clang-format off */
static const struct opt_def opt_defs[] = {
	{ "no-network", no_argument, OPT_NO_NETWORK, false },
	{ "allow-localhost", no_argument, OPT_ALLOW_LOCALHOST, false },
	{ "allow-unix", optional_argument, OPT_ALLOW_UNIX, false },
	{ "allow-domain", required_argument, OPT_ALLOW_DOMAIN, false },
	{ "allow-host", required_argument, OPT_ALLOW_HOST, false },
	{ "no-subprocess", no_argument, OPT_NO_SUBPROCESS, false },
	{ "allow-exec", required_argument, OPT_ALLOW_EXEC, false },
	{ "no-environment", no_argument, OPT_NO_ENVIRONMENT, false },
	{ "no-env", no_argument, OPT_NO_ENVIRONMENT, false },
	{ "keep-env", required_argument, OPT_KEEP_ENV, false },
	{ "fs-readonly", optional_argument, OPT_FS_READONLY, false },
	{ "allow-write", required_argument, OPT_ALLOW_WRITE, false },
	{ "allow-read", required_argument, OPT_ALLOW_READ, false },
	{ "block-native", no_argument, OPT_BLOCK_NATIVE, false },
	{ "deny-import", required_argument, OPT_DENY_IMPORT, false },
	{ "no-code-exec", no_argument, OPT_NO_CODE_EXEC, false },
	{ "no-interpreter-mutation", no_argument, OPT_NO_INTERPRETER_MUTATION,
	  false },
	{ "profile", required_argument, OPT_PROFILE, false },
	{ "trace", optional_argument, OPT_TRACE, false },
	{ "audit", no_argument, OPT_AUDIT, false },
	{ "log", required_argument, OPT_LOG, false },
	{ "log-format", required_argument, OPT_LOG_FORMAT, false },
	{ "report", required_argument, OPT_REPORT, false },
	{ "fail-on-violation", no_argument, OPT_FAIL_ON_VIOLATION, false },
	{ "quiet", no_argument, OPT_QUIET, false },
	{ "backtrace", required_argument, OPT_BACKTRACE, false },
	{ "show-argv", no_argument, OPT_SHOW_ARGV, false },
	{ "show-policy", no_argument, OPT_SHOW_POLICY, false },
	{ "python", required_argument, OPT_PYTHON, false },
	{ "seal", no_argument, OPT_SEAL, false },
	{ "list-profiles", no_argument, OPT_LIST_PROFILES, true },
	{ "show-profile", required_argument, OPT_SHOW_PROFILE, true },
	{ "version", no_argument, OPT_VERSION, true },
	{ "help", no_argument, OPT_HELP, true },
};
/* clang-format on */

#define N_OPTS (sizeof(opt_defs) / sizeof(opt_defs[0]))

static const struct opt_def *
opt_by_name(const char *name)
{
	for (size_t i = 0; i < N_OPTS; i++)
		if (strcmp(opt_defs[i].name, name) == 0)
			return &opt_defs[i];
	return NULL;
}

static const struct opt_def *
opt_by_id(int id)
{
	for (size_t i = 0; i < N_OPTS; i++)
		if (opt_defs[i].id == id)
			return &opt_defs[i];
	return NULL;
}

static int
set_error(char **err, char *msg)
{
	*err = msg;
	return -1;
}

/* Store one option; "value" is NULL when none was given. */
static int
apply_id(struct options *o, const struct opt_def *d, const char *value,
	 bool from_profile, char **err)
{
	if (d->has_arg == required_argument && (!value || !*value))
		return set_error(err, xasprintf("--%s needs a value", d->name));
	if (d->has_arg == no_argument && value)
		return set_error(err,
				 xasprintf("--%s takes no value", d->name));

	switch (d->id) {
	case OPT_NO_NETWORK:
		o->no_network = true;
		break;
	case OPT_ALLOW_LOCALHOST:
		o->allow_localhost = true;
		break;
	case OPT_ALLOW_UNIX:
		if (!value)
			o->allow_unix_all = true;
		else if (*value != '/' && *value != '@')
			return set_error(
			    err,
			    xasprintf(
				"--allow-unix=%s: give an absolute socket path "
				"or @NAME for an abstract socket",
				value));
		else
			strlist_add(&o->allow_unix, value);
		break;
	case OPT_ALLOW_DOMAIN:
		strlist_add(&o->allow_domain, value);
		break;
	case OPT_ALLOW_HOST:
		strlist_add(&o->allow_host, value);
		break;
	case OPT_NO_SUBPROCESS:
		o->no_subprocess = true;
		break;
	case OPT_ALLOW_EXEC:
		strlist_add(&o->allow_exec, value);
		break;
	case OPT_NO_ENVIRONMENT:
		o->no_environment = true;
		break;
	case OPT_KEEP_ENV:
		if (strchr(value, '='))
			return set_error(
			    err,
			    xasprintf("--keep-env %s: give a variable name, "
				      "without '='",
				      value));
		strlist_add(&o->keep_env, value);
		break;
	case OPT_ALLOW_WRITE:
		strlist_add(&o->allow_write, value);
		break;
	case OPT_ALLOW_READ:
		strlist_add(&o->allow_read, value);
		break;
	case OPT_FS_READONLY:
		o->fs_readonly = true;
		if (value) {
			free(o->fs_root);
			o->fs_root = xstrdup(value);
		}
		break;
	case OPT_BLOCK_NATIVE:
		o->block_native = true;
		break;
	case OPT_DENY_IMPORT:
		strlist_add(&o->deny_import, value);
		break;
	case OPT_NO_CODE_EXEC:
		o->no_code_exec = true;
		break;
	case OPT_NO_INTERPRETER_MUTATION:
		o->no_interpreter_mutation = true;
		break;
	case OPT_PROFILE:
		strlist_add(&o->profiles, value);
		break;
	case OPT_TRACE:
		if (value && strcmp(value, "all") != 0)
			return set_error(err,
					 xasprintf("--trace=%s: the value can "
						   "only be 'all' (also "
						   "actions allowed after a "
						   "look)",
						   value));
		o->trace = true;
		if (value)
			o->trace_all = true;
		break;
	case OPT_AUDIT:
		o->audit = true;
		break;
	case OPT_LOG:
		free(o->log);
		o->log = xstrdup(value);
		break;
	case OPT_LOG_FORMAT:
		if (strcmp(value, "text") == 0)
			o->log_json = false;
		else if (strcmp(value, "json") == 0)
			o->log_json = true;
		else
			return set_error(err,
					 xasprintf("--log-format=%s: give text "
						   "or json",
						   value));
		o->log_format_set = true;
		break;
	case OPT_REPORT:
		free(o->report);
		o->report = xstrdup(value);
		break;
	case OPT_FAIL_ON_VIOLATION:
		o->fail_on_violation = true;
		break;
	case OPT_QUIET:
		o->quiet = true;
		break;
	case OPT_BACKTRACE:
		if (strcmp(value, "python") == 0)
			o->backtrace = BACKTRACE_PYTHON;
		else if (strcmp(value, "native") == 0)
			o->backtrace = BACKTRACE_NATIVE;
		else if (strcmp(value, "full") == 0)
			o->backtrace = BACKTRACE_FULL;
		else
			return set_error(err,
					 xasprintf("--backtrace: unknown value "
						   "'%s' (use python, native "
						   "or full)",
						   value));
		o->trace = true;
		break;
	case OPT_SHOW_POLICY:
		o->show_policy = true;
		break;
	case OPT_SHOW_ARGV:
		o->show_argv = true;
		break;
	case OPT_PYTHON:
		if (from_profile && o->python)
			break;
		free(o->python);
		o->python = xstrdup(value);
		break;
	case OPT_SEAL:
		o->seal = true;
		break;
	case OPT_LIST_PROFILES:
		o->action = CLI_LIST_PROFILES;
		break;
	case OPT_SHOW_PROFILE:
		o->action = CLI_SHOW_PROFILE;
		free(o->show_profile);
		o->show_profile = xstrdup(value);
		break;
	case OPT_VERSION:
		if (o->action != CLI_HELP)
			o->action = CLI_VERSION;
		break;
	case OPT_HELP:
		o->action = CLI_HELP;
		break;
	}
	return 0;
}

int
cli_apply(struct options *o, const char *name, const char *value,
	  bool from_profile, char **err)
{
	const struct opt_def *d = opt_by_name(name);

	if (!d)
		return set_error(err, xasprintf("unknown option '%s'", name));
	if (d->cli_only && from_profile)
		return set_error(
		    err,
		    xasprintf(
			"'%s' is a command-line action, not a profile setting",
			name));
	return apply_id(o, d, value, from_profile, err);
}

static void
build_longopts(struct option *lo)
{
	for (size_t i = 0; i < N_OPTS; i++) {
		lo[i].name = opt_defs[i].name;
		lo[i].has_arg = opt_defs[i].has_arg;
		lo[i].flag = NULL;
		lo[i].val = opt_defs[i].id;
	}
	memset(&lo[N_OPTS], 0, sizeof(lo[N_OPTS]));
}

static const char usage_hint[] = "; try 'hermetic --help'";

int
cli_parse(int argc, char **argv, struct options *o, char **err)
{
	struct option lo[N_OPTS + 1];
	int sep = -1, nopt, c, rc = 0;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0) {
			sep = i;
			break;
		}
	}
	nopt = sep < 0 ? argc : sep;

	build_longopts(lo);
	opterr = 0;
	optind = 0; /* full re-initialisation of getopt's state */
	while ((c = getopt_long(nopt, argv, "+:h", lo, NULL)) != -1) {
		const struct opt_def *d;
		const char *value = optarg;

		if (c == '?') {
			const char *bad = argv[optind - 1];
			const struct opt_def *dd = opt_by_id(optopt);

			if (optopt >= 256 && dd)
				return set_error(
				    err,
				    xasprintf("option '--%s' takes no value%s",
					      dd->name, usage_hint));
			if (optopt > 0)
				return set_error(
				    err, xasprintf("unknown option '-%c'%s",
						   optopt, usage_hint));
			return set_error(
			    err, xasprintf("unknown or ambiguous option '%s'%s",
					   bad, usage_hint));
		}
		if (c == ':')
			return set_error(
			    err, xasprintf("option '%s' needs a value%s",
					   argv[optind - 1], usage_hint));
		d = opt_by_id(c);
		if (!d)
			return set_error(err, xasprintf("unknown option '%s'%s",
							argv[optind - 1],
							usage_hint));
		/* --fs-readonly ROOT: the seed also takes a separate token */
		if (d->id == OPT_FS_READONLY && !value && optind < nopt &&
		    argv[optind][0] != '-')
			value = argv[optind++];
		rc = apply_id(o, d, value, false, err);
		if (rc < 0)
			return rc;
	}
	if (optind < nopt) {
		if (sep < 0 && o->action == CLI_RUN)
			return set_error(
			    err,
			    xasprintf("missing '--' before the target: write "
				      "'hermetic [OPTIONS] -- %s ...'",
				      argv[optind]));
		return set_error(
		    err, xasprintf("unexpected argument '%s' before '--'%s",
				   argv[optind], usage_hint));
	}
	if (o->action != CLI_RUN)
		return 0;
	if (sep < 0)
		return set_error(
		    err, xasprintf("missing '--' before the target: write "
				   "'hermetic [OPTIONS] -- TARGET [ARGS...]'%s",
				   usage_hint));
	if (sep + 1 >= argc)
		return set_error(
		    err, xasprintf("no target after '--'%s", usage_hint));
	o->target_argv = &argv[sep + 1];
	o->target_argc = argc - sep - 1;
	return 0;
}

void
cli_usage(FILE *out)
{
	/* clang-format off */
	fputs(
"usage: hermetic [OPTIONS] -- TARGET [ARGS...]\n"
"\n"
"Run a program, usually Python, under a ptrace + seccomp supervisor that\n"
"denies what the policy forbids with EPERM and reports where it happened.\n"
"\n"
"TARGET is, in this order: a path (a .py file runs with the interpreter),\n"
"a program on PATH, module:attr (imported and called), or a module run as\n"
"'python -m'.\n"
"\n"
"Network:\n"
"  --no-network            deny connect/send/bind to the network, raw and\n"
"                          packet sockets, and foreign unix sockets\n"
"  --allow-localhost       with --no-network: allow 127.0.0.0/8 and ::1\n"
"  --allow-unix[=PATH|@NAME]\n"
"                          with --no-network: allow connecting to every unix\n"
"                          socket, or to this one (repeatable)\n"
"  --allow-domain DOMAIN   with --no-network: allow DNS queries for DOMAIN\n"
"                          and its subdomains, and connections to the\n"
"                          addresses they answered (repeatable)\n"
"  --allow-host RULE       with --no-network: allow HOST[:PORT], IP[:PORT],\n"
"                          CIDR[:PORT] or [IPv6]:PORT; PORT may be N-M\n"
"                          (repeatable)\n"
"Processes:\n"
"  --no-subprocess         deny exec and fork once the interpreter runs;\n"
"                          threads keep working\n"
"  --allow-exec PATH       with --no-subprocess: allow running this program\n"
"                          (repeatable)\n"
"Filesystem:\n"
"  --fs-readonly           deny every change to the filesystem (writes,\n"
"                          creation, removal, rename, links, chmod, chown,\n"
"                          times, xattrs); reading stays allowed\n"
"  --fs-readonly=ROOT      also deny reading and running files outside ROOT,\n"
"                          except what the interpreter needs (its prefix,\n"
"                          shared libraries, locale, zoneinfo, /proc/self)\n"
"  --allow-read PATH       with --fs-readonly=ROOT: also allow reading PATH\n"
"                          (repeatable)\n"
"  --allow-write DIR       with --fs-readonly: allow changes below DIR\n"
"                          (repeatable)\n"
"Native code:\n"
"  --block-native          deny mapping native code from outside the\n"
"                          interpreter's and the system's lib directories\n"
"                          (site-packages, ctypes, cffi); the standard\n"
"                          library's extension modules keep working\n"
"Imports:\n"
"  --deny-import NAME      deny opening the files importing NAME (and\n"
"                          NAME.*) reads (repeatable; path-based)\n"
"Environment:\n"
"  --no-environment, --no-env\n"
"                          start the target with only PATH, HOME, LANG,\n"
"                          LC_*, TERM and TMPDIR\n"
"  --keep-env NAME         also keep this variable (repeatable)\n"
"Auditing:\n"
"  --audit                 deny nothing: report what the policy would deny\n"
"                          (with no guard given: the guards of block-all)\n"
"  --log FILE              write every reported action to FILE ('-':\n"
"                          stderr), as trace lines or JSON Lines\n"
"  --log-format=text|json  the format of --log (default text)\n"
"  --report FILE           at exit, write the actions grouped by host,\n"
"                          program, file and test: JSON, or HTML for a\n"
"                          FILE ending in .html\n"
"  --fail-on-violation     exit 2 when the target exited 0 but something\n"
"                          was (or, with --audit, would have been) denied\n"
"  --quiet                 no summary at the end\n"
"Profiles:\n"
"  --profile NAME|PATH     add the options of a profile (repeatable)\n"
"  --list-profiles         list the profiles found and exit\n"
"  --show-profile NAME     print a profile and exit\n"
"Output:\n"
"  --trace                 print one line per denied action on stderr, with\n"
"                          the Python file:line, function and pytest test\n"
"  --trace=all             also print the actions allowed after a look\n"
"                          (loopback connects, allowed writes and programs)\n"
"  --backtrace=python|native|full\n"
"                          with each line, print the Python frames, the\n"
"                          native frames, or both (implies --trace)\n"
"  --show-argv             include the argv of denied programs in the lines\n"
"  --show-policy           print the policy in force and the walls that\n"
"                          enforce it (seccomp, ptrace, Landlock) on stderr\n"
"                          before the target starts\n"
"Other:\n"
"  --python PATH           interpreter for .py, module and module:attr targets\n"
"                          (default: python3 on PATH)\n"
"  --seal                  accepted for compatibility: a seccomp filter is\n"
"                          always sealed\n"
"  --version               print the version and exit\n"
"  -h, --help              print this help and exit\n"
"\n"
"Refused (no system-call boundary): --no-code-exec,\n"
"--no-interpreter-mutation.\n"
"\n"
"Exit status: the target's; 128+N if it was killed by signal N; 125 for\n"
"hermetic's own errors; 126 if TARGET cannot run; 127 if it is not found;\n"
"2 under --fail-on-violation when the target exited 0 but was denied.\n"
"\n"
"Examples:\n"
"  hermetic --trace --no-network -- script.py\n"
"  hermetic --profile pytest -- pytest -q\n"
"  hermetic --no-subprocess --allow-exec git -- tool.py\n"
"  hermetic --audit --report report.html -- pip install ./pkg\n"
"\n"
"See hermetic(1) and hermetic-profile(5).\n",
	      out);
	/* clang-format on */
}

void
options_free(struct options *o)
{
	strlist_free(&o->allow_unix);
	strlist_free(&o->allow_exec);
	strlist_free(&o->keep_env);
	strlist_free(&o->deny_import);
	strlist_free(&o->allow_write);
	strlist_free(&o->allow_read);
	strlist_free(&o->allow_domain);
	strlist_free(&o->allow_host);
	strlist_free(&o->profiles);
	free(o->fs_root);
	free(o->python);
	free(o->show_profile);
	free(o->log);
	free(o->report);
	o->fs_root = o->python = o->show_profile = o->log = o->report = NULL;
}
