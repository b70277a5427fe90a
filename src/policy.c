/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * Policy data and decisions. Pure: no process is touched here.
 */
#include "config.h"

#include <linux/netlink.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

#include "policy.h"
#include "xmalloc.h"

static const struct decision allow_any = {V_ALLOW, CAT_NETWORK, NULL};

static char **
copy_list(const struct strlist *l, size_t *n)
{
	char **v = xcalloc(l->n + 1, sizeof(*v));

	for (size_t i = 0; i < l->n; i++)
		v[i] = xstrdup(l->v[i]);
	*n = l->n;
	return v;
}

static void
free_list(char **v, size_t n)
{
	for (size_t i = 0; v && i < n; i++)
		free(v[i]);
	free(v);
}

/* --allow-domain and --allow-host, checked and normalised. */
static int
build_hosts(struct policy *p, const struct options *o, char **err)
{
	char msg[512];

	p->allow_domain = xcalloc(o->allow_domain.n + 1, sizeof(char *));
	for (size_t i = 0; i < o->allow_domain.n; i++) {
		char name[HOSTRULE_NAME_MAX];

		if (hostrule_domain(o->allow_domain.v[i], name, sizeof(name),
				    msg, sizeof(msg)) < 0) {
			*err = xasprintf("--allow-domain %s", msg);
			return -1;
		}
		p->allow_domain[p->n_allow_domain++] = xstrdup(name);
	}
	p->allow_host = xcalloc(o->allow_host.n + 1, sizeof(*p->allow_host));
	for (size_t i = 0; i < o->allow_host.n; i++) {
		if (hostrule_parse(o->allow_host.v[i],
				   &p->allow_host[p->n_allow_host], msg,
				   sizeof(msg)) < 0) {
			*err = xasprintf("--allow-host %s", msg);
			return -1;
		}
		p->n_allow_host++;
	}
	return 0;
}

int
policy_build(struct policy *p, const struct options *o, char **err)
{
	memset(p, 0, sizeof(*p));

	if (o->no_code_exec) {
		*err = xstrdup("--no-code-exec cannot be enforced at the "
			       "system-call boundary: eval, exec and compile "
			       "run inside the Python VM without a system "
			       "call, so hermetic does not offer it");
		return -1;
	}
	if (o->no_interpreter_mutation) {
		*err = xstrdup("--no-interpreter-mutation cannot be enforced "
			       "at the system-call boundary: sys.path and "
			       "import hooks are Python VM state, so hermetic "
			       "does not offer it");
		return -1;
	}
	if (o->fs_root && !o->fs_root[0]) {
		*err = xstrdup("--fs-readonly=: give the directory reading is "
			       "limited to, or no '=' to limit only writes");
		return -1;
	}
	if (o->allow_read.n && !o->fs_root) {
		*err = xstrdup("--allow-read needs --fs-readonly=ROOT: without "
			       "a root every path may be read");
		return -1;
	}
	if (o->allow_write.n && !o->fs_readonly) {
		*err = xstrdup("--allow-write needs --fs-readonly: without it "
			       "every path may be written");
		return -1;
	}
	for (size_t i = 0; i < o->deny_import.n; i++) {
		if (!policy_module_name_ok(o->deny_import.v[i])) {
			*err = xasprintf("--deny-import '%s': not a module "
					 "name (identifiers joined by dots, "
					 "such as requests or yaml.cyaml)",
					 o->deny_import.v[i]);
			return -1;
		}
	}
	if ((o->allow_domain.n || o->allow_host.n) && !o->no_network) {
		*err = xasprintf("--%s needs --no-network: without it every "
				 "host may be reached",
				 o->allow_domain.n ? "allow-domain"
						   : "allow-host");
		return -1;
	}
	if (build_hosts(p, o, err) < 0)
		return -1;

	p->no_network = o->no_network;
	p->allow_localhost = o->allow_localhost;
	p->allow_unix_all = o->allow_unix_all;
	p->allow_unix = copy_list(&o->allow_unix, &p->n_allow_unix);
	p->no_subprocess = o->no_subprocess;
	p->allow_exec = copy_list(&o->allow_exec, &p->n_allow_exec);
	p->block_native = o->block_native;
	p->deny_import = copy_list(&o->deny_import, &p->n_deny_import);
	p->fs_readonly = o->fs_readonly;
	p->allow_write = copy_list(&o->allow_write, &p->n_allow_write);
	p->read_root = o->fs_root ? xstrdup(o->fs_root) : NULL;
	p->allow_read = copy_list(&o->allow_read, &p->n_allow_read);
	p->audit = o->audit;
	/* scrubbing the environment is done at start, not to a syscall:
	 * in audit mode there is nothing to record, and the program must
	 * run as it would */
	p->no_environment = o->no_environment && !o->audit;
	p->keep_env = copy_list(&o->keep_env, &p->n_keep_env);
	p->trace = o->trace;
	p->show_argv = o->show_argv;
	return 0;
}

void
policy_add_exec_id(struct policy *p, dev_t dev, ino_t ino, bool is_file)
{
	struct file_id **v = is_file ? &p->exec_ids : &p->image_ids;
	size_t *n = is_file ? &p->n_exec_ids : &p->n_image_ids;

	*v = xrealloc(*v, (*n + 1) * sizeof(**v));
	(*v)[*n].dev = dev;
	(*v)[*n].ino = ino;
	(*n)++;
	if (is_file)
		policy_add_exec_id(p, dev, ino, false);
}

void
policy_free(struct policy *p)
{
	free_list(p->allow_unix, p->n_allow_unix);
	free_list(p->allow_exec, p->n_allow_exec);
	free_list(p->keep_env, p->n_keep_env);
	free_list(p->allow_write, p->n_allow_write);
	free_list(p->allow_read, p->n_allow_read);
	free_list(p->allow_domain, p->n_allow_domain);
	free(p->allow_host);
	free(p->read_root);
	free_list(p->deny_import, p->n_deny_import);
	free(p->exec_ids);
	free(p->image_ids);
	memset(p, 0, sizeof(*p));
}

const char *
category_name(enum category cat)
{
	switch (cat) {
	case CAT_NETWORK:
		return "network";
	case CAT_SUBPROCESS:
		return "subprocess";
	case CAT_SANDBOX:
		return "sandbox-escape";
	case CAT_FILESYSTEM:
		return "filesystem";
	case CAT_NATIVE:
		return "native-code";
	case CAT_IMPORT:
		return "import";
	case CAT_COUNT:
		break;
	}
	return "?";
}

static struct decision
deny(enum category cat, const char *reason)
{
	struct decision d = {V_DENY, cat, reason};

	return d;
}

static struct decision
allow(enum category cat)
{
	struct decision d = {V_ALLOW, cat, NULL};

	return d;
}

bool
policy_open_writes(uint32_t flags)
{
	return (flags & O_ACCMODE) != O_RDONLY ||
	       (flags & (O_CREAT | O_TRUNC | O_APPEND)) != 0;
}

static const char *const writable_devices[] = {
    "/dev/null",    "/dev/zero", "/dev/full", "/dev/random",
    "/dev/urandom", "/dev/tty",	 "/dev/ptmx", "/dev/pts",
};

const char *const *
policy_writable_devices(size_t *n)
{
	*n = sizeof(writable_devices) / sizeof(writable_devices[0]);
	return writable_devices;
}

bool
policy_writable_device(const char *real)
{
	for (size_t i = 0;
	     i < sizeof(writable_devices) / sizeof(*writable_devices); i++)
		if (policy_path_below(real, writable_devices[i]))
			return true;
	return false;
}

bool
policy_path_below(const char *path, const char *dir)
{
	size_t n = strlen(dir);

	while (n > 1 && dir[n - 1] == '/')
		n--;
	if (n == 1 && dir[0] == '/')
		return path[0] == '/';
	return strncmp(path, dir, n) == 0 &&
	       (path[n] == '\0' || path[n] == '/');
}

struct decision
policy_fs_write(const struct policy *p, const char *real, enum fs_object obj)
{
	struct decision d = {V_ALLOW, CAT_FILESYSTEM, NULL};

	if (!p->fs_readonly || obj == FS_SPECIAL || obj == FS_STDIO)
		return d;
	for (size_t i = 0; real && i < p->n_allow_write; i++)
		if (p->allow_write[i][0] == '/' &&
		    policy_path_below(real, p->allow_write[i]))
			return d;
	d.verdict = V_DENY;
	d.reason = "fs-readonly";
	return d;
}

/* The ctypes and cffi back-ends: a program with either can call any native
 * function, so --block-native keeps them out wherever they live. */
static bool
is_ffi_backend(const char *real)
{
	const char *b = strrchr(real, '/');

	b = b ? b + 1 : real;
	return (strncmp(b, "_ctypes", 7) == 0 &&
		(b[7] == '.' || b[7] == '\0')) ||
	       (strncmp(b, "_cffi_backend", 13) == 0 &&
		(b[13] == '.' || b[13] == '\0'));
}

struct decision
policy_native(const struct policy *p, const char *real, const char *prefix)
{
	static const char *const system_dirs[] = {"/lib", "/lib64", "/usr/lib",
						  "/usr/lib64"};
	struct decision d = {V_ALLOW, CAT_NATIVE, NULL};
	char dir[PATH_MAX];

	if (!p->block_native)
		return d;
	d.verdict = V_DENY;
	d.reason = "block-native";
	if (!real || real[0] != '/' || is_ffi_backend(real) ||
	    strstr(real, "/site-packages/") || strstr(real, "/dist-packages/"))
		return d;
	for (size_t i = 0; i < sizeof(system_dirs) / sizeof(*system_dirs); i++)
		if (policy_path_below(real, system_dirs[i]))
			d.verdict = V_ALLOW;
	for (int i = 0; prefix && prefix[0] == '/' && i < 2; i++) {
		int n = snprintf(dir, sizeof(dir), "%s/%s",
				 strcmp(prefix, "/") == 0 ? "" : prefix,
				 i ? "lib64" : "lib");

		/* a cut directory could be a prefix of anything */
		if (n > 0 && (size_t)n < sizeof(dir) &&
		    policy_path_below(real, dir))
			d.verdict = V_ALLOW;
	}
	if (d.verdict == V_ALLOW)
		d.reason = NULL;
	return d;
}

bool
policy_module_name_ok(const char *name)
{
	bool start = true;

	if (!name || !*name)
		return false;
	for (const char *c = name; *c; c++) {
		bool alpha = (*c >= 'a' && *c <= 'z') ||
			     (*c >= 'A' && *c <= 'Z') || *c == '_';
		bool digit = *c >= '0' && *c <= '9';

		if (*c == '.') {
			if (start)
				return false;
			start = true;
		} else if (alpha || (digit && !start)) {
			start = false;
		} else {
			return false;
		}
	}
	return !start;
}

/* Does "s" end with "tail"? */
static bool
ends_with(const char *s, size_t n, const char *tail)
{
	size_t m = strlen(tail);

	return n >= m && strncmp(s + n - m, tail, m) == 0;
}

/* Does the directory "dir" (of "n" bytes) end with "/" + "sub" ("sub"
 * without a trailing slash; "" matches every directory)? */
static bool
dir_is(const char *dir, size_t n, const char *sub, size_t m)
{
	if (m == 0)
		return true;
	return n > m && dir[n - m - 1] == '/' &&
	       strncmp(dir + n - m, sub, m) == 0;
}

/* Is "name" "base" + "." + something ending in "ext"? */
static bool
module_named(const char *name, const char *base, size_t blen, const char *ext)
{
	return strncmp(name, base, blen) == 0 && name[blen] == '.' &&
	       ends_with(name, strlen(name), ext);
}

/* Does "real" belong to module "path" ("a/b" for a.b)? */
static bool
module_file(const char *real, const char *path)
{
	const char *slash = strrchr(path, '/'), *rslash = strrchr(real, '/');
	const char *base = slash ? slash + 1 : path, *name;
	size_t plen = strlen(path), blen = strlen(base);
	size_t dlen = slash ? (size_t)(slash - path) : 0, rdlen;

	if (!rslash)
		return false;
	/* a package: anything below a directory .../a/b/ */
	for (const char *c = strstr(real, path); c; c = strstr(c + 1, path))
		if (c > real && c[-1] == '/' && c[plen] == '/')
			return true;
	name = rslash + 1;
	rdlen = (size_t)(rslash - real);
	/* .../a/b.py, b.pyc, b.pyw, b.*.so, b.so */
	if (dir_is(real, rdlen, path, dlen) &&
	    ((strncmp(name, base, blen) == 0 &&
	      (strcmp(name + blen, ".py") == 0 ||
	       strcmp(name + blen, ".pyc") == 0 ||
	       strcmp(name + blen, ".pyw") == 0)) ||
	     module_named(name, base, blen, ".so")))
		return true;
	/* .../a/__pycache__/b.cpython-311.pyc */
	if (module_named(name, base, blen, ".pyc") &&
	    ends_with(real, rdlen, "/__pycache__")) {
		size_t up = rdlen - strlen("/__pycache__");

		return dir_is(real, up, path, dlen);
	}
	return false;
}

struct decision
policy_import(const struct policy *p, const char *real)
{
	struct decision d = {V_ALLOW, CAT_IMPORT, NULL};
	char path[PATH_MAX];

	for (size_t i = 0; real && i < p->n_deny_import; i++) {
		size_t n = strlen(p->deny_import[i]);

		if (n >= sizeof(path))
			continue;
		for (size_t k = 0; k <= n; k++)
			path[k] = p->deny_import[i][k] == '.'
				      ? '/'
				      : p->deny_import[i][k];
		if (module_file(real, path)) {
			d.verdict = V_DENY;
			d.reason = "deny-import";
			return d;
		}
	}
	return d;
}

struct decision
policy_refuse(const char *reason)
{
	return deny(CAT_SANDBOX, reason);
}

struct decision
policy_socket(const struct policy *p, int domain, int type, int protocol)
{
	int base = type & 0xf; /* SOCK_TYPE_MASK: drop NONBLOCK|CLOEXEC */

	if (!p->no_network)
		return allow_any;
	switch (domain) {
	case AF_UNIX:
		return allow(CAT_NETWORK);
	case AF_NETLINK:
		if (protocol == NETLINK_ROUTE)
			return allow(CAT_NETWORK);
		break;
	case AF_INET:
	case AF_INET6:
		if (base == SOCK_STREAM &&
		    (protocol == 0 || protocol == IPPROTO_TCP))
			return allow(CAT_NETWORK);
		if (base == SOCK_DGRAM &&
		    (protocol == 0 || protocol == IPPROTO_UDP))
			return allow(CAT_NETWORK);
		/* unprivileged ping sockets */
		if (base == SOCK_DGRAM && domain == AF_INET &&
		    protocol == IPPROTO_ICMP)
			return allow(CAT_NETWORK);
		if (base == SOCK_DGRAM && domain == AF_INET6 &&
		    protocol == IPPROTO_ICMPV6)
			return allow(CAT_NETWORK);
		break;
	}
	return deny(CAT_NETWORK, "no-network");
}

/* --allow-unix=PATH matches the socket itself or anything below a
 * directory; =@NAME matches one abstract name. */
static bool
unix_allowed(const struct policy *p, const struct hm_sockaddr *sa,
	     const char *real)
{
	const char *path = real ? real : sa->path;

	if (p->allow_unix_all)
		return true;
	for (size_t i = 0; i < p->n_allow_unix; i++) {
		const char *rule = p->allow_unix[i];
		size_t n = strlen(rule);

		if (sa->abstract) {
			if (rule[0] == '@' && n - 1 == sa->path_len &&
			    memcmp(rule + 1, sa->path, n - 1) == 0)
				return true;
			continue;
		}
		if (rule[0] != '/')
			continue;
		while (n > 1 && rule[n - 1] == '/')
			n--;
		if (strncmp(path, rule, n) == 0 &&
		    (path[n] == '\0' || path[n] == '/' || n == 1))
			return true;
	}
	return false;
}

struct decision
policy_sockaddr(const struct policy *p, enum net_op op,
		const struct hm_sockaddr *sa, bool own_unix,
		const char *unix_real)
{
	if (!p->no_network)
		return allow_any;
	if (!sa->valid)
		return deny(CAT_NETWORK, "no-network");

	switch (sa->family) {
	case AF_UNSPEC:
		/* connect(AF_UNSPEC) dissolves an association */
		if (op == NET_CONNECT)
			return allow(CAT_NETWORK);
		break;
	case AF_UNIX:
		/* binding a name is local; using one needs it to be ours */
		if (op == NET_BIND || own_unix ||
		    unix_allowed(p, sa, unix_real))
			return allow(CAT_NETWORK);
		break;
	case AF_NETLINK:
		/* route sockets to the kernel only (socket() checked the
		 * protocol); other processes' netlink ports are not ours */
		if (sa->nl_pid == 0 || op == NET_BIND)
			return allow(CAT_NETWORK);
		break;
	case AF_INET:
	case AF_INET6:
		if (sockaddr_is_metadata(sa))
			return deny(CAT_NETWORK, "cloud-metadata");
		if (op == NET_BIND)
			return sockaddr_is_loopback(sa)
				   ? allow(CAT_NETWORK)
				   : deny(CAT_NETWORK, "no-network");
		/* port 53 is DNS whatever the resolver's address: a loopback
		 * stub resolver would forward anything */
		if (sa->port == 53)
			return deny(CAT_NETWORK, "no-network");
		if (p->allow_localhost &&
		    (sockaddr_is_loopback(sa) || sockaddr_is_unspecified(sa)))
			return allow(CAT_NETWORK);
		break;
	}
	return deny(CAT_NETWORK, "no-network");
}

struct decision
policy_listen(const struct policy *p, const struct hm_sockaddr *local)
{
	if (!p->no_network)
		return allow_any;
	if (local->family != AF_INET && local->family != AF_INET6)
		return allow(CAT_NETWORK);
	if (local->valid && sockaddr_is_loopback(local))
		return allow(CAT_NETWORK);
	return deny(CAT_NETWORK, "no-network");
}

struct decision
policy_spawn(const struct policy *p, bool armed)
{
	if (p->no_subprocess && armed)
		return deny(CAT_SUBPROCESS, "no-subprocess");
	return allow(CAT_SUBPROCESS);
}

struct decision
policy_exec(const struct policy *p, bool armed, bool allowed_file)
{
	if (p->no_subprocess && armed && !allowed_file)
		return deny(CAT_SUBPROCESS, "no-subprocess");
	return allow(CAT_SUBPROCESS);
}

bool
policy_exec_id_allowed(const struct policy *p, dev_t dev, ino_t ino, bool image)
{
	const struct file_id *v = image ? p->image_ids : p->exec_ids;
	size_t n = image ? p->n_image_ids : p->n_exec_ids;

	for (size_t i = 0; i < n; i++)
		if (v[i].dev == dev && v[i].ino == ino)
			return true;
	return false;
}
