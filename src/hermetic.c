/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * main: options and profiles, policy, target, filter; then spawn, supervise,
 * summarise, and exit with the target's status (128+N when a signal N
 * killed it; 125 for hermetic's own errors, 126/127 when the target cannot
 * run or is not found).
 */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <limits.h>
#include <unistd.h>

#include "cli.h"
#include "context.h"
#include "dnsstub.h"
#include "fswall.h"
#include "landlock.h"
#include "env.h"
#include "filter.h"
#include "log.h"
#include "policy.h"
#include "policy_show.h"
#include "profile.h"
#include "readroot.h"
#include "protect.h"
#include "report.h"
#include "sinks.h"
#include "spawn.h"
#include "target.h"
#include "tracer.h"
#include "xmalloc.h"

#define MAX_PROFILES 32

extern char **environ;

static noreturn void
die_msg(int status, char *msg)
{
	die(status, "%s", msg);
}

static void
load_profiles(struct options *o)
{
	char *err = NULL;

	/* a profile may name others ("profile = x"): the list grows */
	for (size_t i = 0; i < o->profiles.n; i++) {
		char *name = o->profiles.v[i];
		bool dup = false;

		for (size_t k = 0; k < i; k++)
			if (strcmp(o->profiles.v[k], name) == 0)
				dup = true;
		if (dup)
			continue;
		if (i >= MAX_PROFILES)
			die(HM_EXIT_FAILURE, "more than %d profiles",
			    MAX_PROFILES);
		if (profile_load(o, name, &err) < 0)
			die_msg(HM_EXIT_FAILURE, err);
	}
}

/* --allow-exec: resolve each program and record the files it may run,
 * with the interpreter of a #! script (which is what exec maps). */
static void
resolve_allow_exec(struct policy *p)
{
	const char *path_env = getenv("PATH");

	for (size_t i = 0; i < p->n_allow_exec; i++) {
		const char *name = p->allow_exec[i];
		char *file = strchr(name, '/') ? xstrdup(name)
					       : target_which(name, path_env);
		char head[256], *interp = NULL, *arg = NULL;
		struct stat st;
		FILE *f;
		size_t n;

		if (!file || stat(file, &st) < 0)
			die(HM_EXIT_FAILURE, "--allow-exec %s: %s", name,
			    file ? strerror(errno) : "not found on PATH");
		policy_add_exec_id(p, st.st_dev, st.st_ino, true);
		f = fopen(file, "re");
		n = f ? fread(head, 1, sizeof(head), f) : 0;
		if (f)
			fclose(f);
		if (target_parse_shebang(head, n, &interp, &arg) &&
		    stat(interp, &st) == 0)
			policy_add_exec_id(p, st.st_dev, st.st_ino, false);
		free(interp);
		free(arg);
		free(file);
	}
}

/* --allow-unix=PATH rules are matched against where a socket path leads
 * (symlinks and ".." resolved), so resolve the rules the same way. */
static void
resolve_allow_unix(struct policy *p)
{
	for (size_t i = 0; i < p->n_allow_unix; i++) {
		char *real;

		if (p->allow_unix[i][0] != '/')
			continue;
		real = realpath(p->allow_unix[i], NULL);
		if (real) {
			free(p->allow_unix[i]);
			p->allow_unix[i] = real;
		}
	}
}

/* --allow-write directories, as the kernel will find them: resolved with
 * realpath; one that does not exist yet is kept as written (made absolute),
 * so that it can match once it exists under that name. */
static void
resolve_allow_write(struct policy *p)
{
	for (size_t i = 0; i < p->n_allow_write; i++) {
		char *real = realpath(p->allow_write[i], NULL);

		if (!real && p->allow_write[i][0] != '/') {
			char cwd[PATH_MAX];

			if (getcwd(cwd, sizeof(cwd)))
				real =
				    xasprintf("%s/%s", cwd, p->allow_write[i]);
		}
		if (real) {
			free(p->allow_write[i]);
			p->allow_write[i] = real;
		}
	}
}

/* The files hermetic's stdout and stderr are, which the target may reopen
 * by name (/dev/stdout) under --fs-readonly. */
static void
note_std_files(struct policy *p)
{
	for (int fd = 1; fd <= 2; fd++) {
		struct stat st;

		if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
			p->std_files[p->n_std_files].dev = st.st_dev;
			p->std_files[p->n_std_files].ino = st.st_ino;
			p->n_std_files++;
		}
	}
}

static void
on_signal(int sig, siginfo_t *si, void *ctx)
{
	(void)ctx;
	/* from the terminal (Ctrl-C, hangup): the target's process group
	 * received it as well */
	if (si->si_code == SI_KERNEL)
		return;
	tracer_forward_signal(sig);
}

/*
 * Forward SIGINT, SIGTERM, SIGHUP and SIGQUIT sent to hermetic to the
 * target, whose own disposition then decides: if they were ignored when
 * hermetic started (nohup, a background job), the target starts with them
 * ignored as it would without hermetic. Ignore SIGPIPE, so that a closed
 * stderr cannot kill the supervisor. Block SIGCHLD (the tracer takes it with
 * sigtimedwait) and, until the target exists, the forwarded signals, which the
 * tracer unblocks then, so that none is lost in between. What was changed is
 * recorded in "spec", for the target to get back.
 */
static void
setup_signals(struct spawn_spec *spec, sigset_t *forwarded_set)
{
	static const int forwarded[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};
	struct sigaction sa = {.sa_sigaction = on_signal,
			       .sa_flags = SA_SIGINFO | SA_RESTART};
	struct sigaction ign = {.sa_handler = SIG_IGN};
	sigset_t block;

	sigemptyset(&sa.sa_mask);
	sigemptyset(forwarded_set);
	sigemptyset(&block);
	sigaddset(&block, SIGCHLD);
	for (size_t i = 0; i < sizeof(forwarded) / sizeof(forwarded[0]); i++) {
		int sig = forwarded[i];
		struct sigaction *old = &spec->saved[spec->nsaved].sa;

		spec->saved[spec->nsaved++].sig = sig;
		sigaction(sig, &sa, old);
		sigaddset(forwarded_set, sig);
		sigaddset(&block, sig);
	}
	spec->saved[spec->nsaved].sig = SIGPIPE;
	sigaction(SIGPIPE, &ign, &spec->saved[spec->nsaved].sa);
	spec->nsaved++;
	sigprocmask(SIG_BLOCK, &block, &spec->mask);
}

/*
 * --no-environment keeps the environment from the target, but a root
 * target can still read /proc/PID/environ of hermetic (the kernel lets
 * root read it even from a non-dumpable process without CAP_SYS_PTRACE).
 * So once the target has its own copy, blank hermetic's: the strings the
 * kernel shows there are the ones on hermetic's initial stack, which
 * "env" points at.
 */
static void
scrub_own_environment(char **env)
{
	for (; env && *env; env++)
		memset(*env, 0, strlen(*env));
}

int
main(int argc, char **argv)
{
	struct options o = {0};
	struct policy pol;
	struct target tgt;
	struct strlist env = {0}, reads = {0};
	bool known_reads;
	struct spawn_spec spec = {0};
	struct tracer_config cfg = {0};
	struct filter filter;
	struct fswall wall;
	unsigned int killed = 0;
	char *err = NULL;
	int rc, status, abi;
	pid_t pid;

	char **initial_env = environ;

	log_init();
	if (cli_parse(argc, argv, &o, &err) < 0)
		die_msg(HM_EXIT_FAILURE, err);
	switch (o.action) {
	case CLI_HELP:
		cli_usage(stdout);
		return 0;
	case CLI_VERSION:
		printf("hermetic %s\n", PACKAGE_VERSION);
		return 0;
	case CLI_LIST_PROFILES:
		return profile_list(stdout);
	case CLI_SHOW_PROFILE:
		if (profile_show(stdout, o.show_profile, &err) < 0)
			die_msg(HM_EXIT_FAILURE, err);
		return 0;
	case CLI_RUN:
		break;
	}

	/* --audit alone audits against the strictest policy: the guards of
	 * the block-all profile (set here: the profile file may not be
	 * installed) */
	if (o.audit && !sinks_has_guard(&o) && o.profiles.n == 0)
		o.no_network = o.no_subprocess = o.fs_readonly =
		    o.block_native = o.no_environment = true;
	load_profiles(&o);
	if (policy_build(&pol, &o, &err) < 0)
		die_msg(HM_EXIT_FAILURE, err);
	resolve_allow_exec(&pol);
	resolve_allow_unix(&pol);
	resolve_allow_write(&pol);
	note_std_files(&pol);
	if (getenv("HERMETIC_TEST_LANDLOCK_ONLY") && pol.fs_readonly) {
		pol.fs_landlock_only = true;
		warn("HERMETIC_TEST_LANDLOCK_ONLY is set: filesystem changes "
		     "(and reads, with a root) are not checked by the tracer, "
		     "only "
		     "by Landlock");
	}
	rc = target_resolve(&o, getenv("PATH"), &tgt, &err);
	if (rc)
		die_msg(rc, err);
	rc = readroot_setup(&pol, &o, &tgt, getenv("PATH"), &reads, &err);
	if (rc < 0)
		die_msg(HM_EXIT_FAILURE, err);
	known_reads = rc == 1;
	if (pol.no_environment)
		env_filter(environ, pol.keep_env, pol.n_keep_env, &env);

	if (filter_build(&pol, &filter, &err) < 0)
		die_msg(HM_EXIT_FAILURE, err);
	if (spawn_check_support(&err) < 0)
		die_msg(HM_EXIT_FAILURE, err);

	if (sinks_open(&o, &pol, &err) < 0)
		die_msg(HM_EXIT_FAILURE, err);
	{
		char dir[PATH_MAX];

		context_init(getcwd(dir, sizeof(dir)) ? dir : "", o.backtrace);
	}
	setup_signals(&spec, &cfg.unblock);
	spec.path = tgt.path;
	spec.argv = tgt.argv.v;
	spec.envp =
	    pol.no_environment ? (env.v ? env.v : (char *[]){NULL}) : environ;
	spec.filter = &filter;
	abi = landlock_abi();
	fswall_plan(&pol, abi, known_reads ? &reads : NULL, &wall);
	spec.fswall = &wall;
	if (pol.fs_readonly)
		debug("filesystem walls: ptrace checks; Landlock %s",
		      wall.state);
	if (o.show_policy)
		policy_show(stderr, &pol, &wall);
	spec.scope_abstract_unix = !pol.audit && pol.no_network &&
				   !pol.allow_unix_all && pol.n_allow_unix == 0;
	spec.display = o.target_argv[0];
	debug("target %s (%s a Python interpreter)", tgt.path,
	      tgt.python ? "reaches" : "does not reach");
	sinks_start(argv, o.target_argv, &pol, &wall, abi);

	pid = spawn_target(&spec, &err);
	if (pid < 0)
		die_msg(HM_EXIT_FAILURE, err);
	protect_supervisor();
	filter_free(&filter);

	cfg.policy = &pol;
	cfg.target = pid;
	cfg.target_python = tgt.python;
	cfg.target_path = tgt.path;
	cfg.no_freeze = getenv("HERMETIC_TEST_NO_FREEZE") != NULL;
	if (cfg.no_freeze)
		warn("HERMETIC_TEST_NO_FREEZE is set: pointer arguments can "
		     "be raced (for hermetic's own tests only)");
	if (pol.no_environment)
		scrub_own_environment(initial_env);
	if (pol.no_network && dnsstub_start(&pol, &err) < 0)
		die_msg(HM_EXIT_FAILURE, err);
	status = tracer_run(&cfg, &killed);
	dnsstub_stop();
	context_write_stats();
	rc = sinks_finish(status, killed);

	strlist_free(&env);
	strlist_free(&reads);
	target_free(&tgt);
	policy_free(&pol);
	options_free(&o);
	return rc;
}
