/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * --show-policy.
 */
#include "config.h"

#include "policy_show.h"

static void
list(FILE *out, const char *head, char *const *v, size_t n)
{
	if (!n)
		return;
	fprintf(out, "%s", head);
	for (size_t i = 0; i < n; i++)
		fprintf(out, "%s%s", i ? ", " : " ", v[i]);
	fprintf(out, "\n");
}

static void
show_network(FILE *out, const struct policy *p)
{
	if (!p->no_network) {
		fprintf(out, "  network: allowed\n");
		return;
	}
	fprintf(out, "  network: denied (connect, send, bind, listen)%s\n",
		p->allow_localhost ? "; loopback allowed" : "");
	if (p->allow_unix_all)
		fprintf(out, "    unix sockets: allowed\n");
	list(out, "    unix sockets allowed:", p->allow_unix, p->n_allow_unix);
	list(out, "    domains allowed:", p->allow_domain, p->n_allow_domain);
	if (p->n_allow_host)
		fprintf(out, "    --allow-host rules: %zu\n", p->n_allow_host);
	fprintf(out, "    DNS: queries go to hermetic's stub, which %s\n",
		p->n_allow_domain || p->n_allow_host
		    ? "forwards the allowed names and refuses the rest"
		    : "refuses them");
}

static void
show_files(FILE *out, const struct policy *p)
{
	if (!p->fs_readonly) {
		fprintf(out, "  filesystem: changes allowed\n");
		return;
	}
	fprintf(out, "  filesystem: changes denied\n");
	list(out, "    changes allowed below:", p->allow_write,
	     p->n_allow_write);
	if (!p->read_root)
		return;
	fprintf(out,
		"    reading and running: only below %s, the "
		"interpreter's own files, the system's libraries, "
		"locale, zoneinfo and TLS data, and /proc/self\n",
		p->read_root);
	list(out, "    reading also allowed:", p->allow_read, p->n_allow_read);
}

void
policy_show(FILE *out, const struct policy *p, const struct fswall *w)
{
	bool traced = p->no_network || p->no_subprocess || p->fs_readonly ||
		      p->block_native || p->n_deny_import;

	fprintf(out, "hermetic: policy in force\n");
	show_network(out, p);
	fprintf(out, "  processes: %s\n",
		p->no_subprocess ? "new programs and forks denied once the "
				   "interpreter runs"
				 : "allowed");
	list(out, "    programs allowed:", p->allow_exec, p->n_allow_exec);
	show_files(out, p);
	fprintf(out, "  native code: %s\n",
		p->block_native ? "only the interpreter's and the system's "
				  "libraries; no ctypes, no cffi"
				: "allowed");
	list(out, "  imports denied:", p->deny_import, p->n_deny_import);
	if (p->no_environment)
		fprintf(out, "  environment: PATH, HOME, LANG, LC_*, TERM and "
			     "TMPDIR only\n");
	list(out, "    variables kept:", p->keep_env, p->n_keep_env);
	fprintf(out, "walls:\n");
	fprintf(out, "  seccomp filter: on (sandbox escapes refused; only "
		     "the calls the policy looks at stop)\n");
	fprintf(out, "  ptrace checks: %s\n",
		p->fs_landlock_only ? "on, except the filesystem "
				      "(HERMETIC_TEST_LANDLOCK_ONLY)"
		: traced	    ? "on"
				    : "on (nothing to check)");
	fprintf(out, "  Landlock: %s\n", w->state ? w->state : "off");
}
