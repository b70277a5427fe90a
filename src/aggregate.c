/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * Grouping events for the report: a hash table of rows per kind, the
 * tests, the call sites.
 */
#include "config.h"

#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aggregate.h"
#include "detail.h"
#include "xmalloc.h"

#define NBUCKETS 1024

struct table {
	struct agg_row *buckets[NBUCKETS];
	struct agg_row **sorted; /* for agg_rows() */
	size_t n;
};

static struct table tables[AGG_KINDS];
static struct agg_test *tests;
static size_t ntests, captests;
static struct agg_callsite **sites;
static size_t nsites, capsites;

static uint32_t
hash(const char *a, const char *b)
{
	uint32_t h = 2166136261u;

	for (; *a; a++)
		h = (h ^ (unsigned char)*a) * 16777619u;
	for (; b && *b; b++)
		h = (h ^ (unsigned char)*b) * 16777619u;
	return h;
}

static bool
same(const char *a, const char *b)
{
	return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

static char *
dup_or_null(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

void
agg_free(void)
{
	for (int k = 0; k < AGG_KINDS; k++) {
		for (size_t b = 0; b < NBUCKETS; b++) {
			struct agg_row *r = tables[k].buckets[b], *next;

			for (; r; r = next) {
				next = r->next;
				free(r->key);
				free(r->proto);
				free(r->argv);
				free(r->host);
				free(r->reason);
				free(r->site.file);
				free(r->site.func);
				strlist_free(&r->tests);
				free(r);
			}
		}
		free(tables[k].sorted);
	}
	for (size_t i = 0; i < ntests; i++)
		free(tests[i].id);
	free(tests);
	for (size_t i = 0; i < nsites; i++) {
		free(sites[i]->site.file);
		free(sites[i]->site.func);
		free(sites[i]);
	}
	free(sites);
	memset(tables, 0, sizeof(tables));
	tests = NULL;
	sites = NULL;
	ntests = captests = nsites = capsites = 0;
}

void
agg_init(void)
{
	agg_free();
}

unsigned int
agg_file_op(const char *sc, bool creates)
{
	static const struct {
		const char *prefix;
		unsigned int op;
	} ops[] = {
	    {"unlink", AGG_OP_DELETE},	   {"rmdir", AGG_OP_DELETE},
	    {"rename", AGG_OP_RENAME},	   {"mkdir", AGG_OP_CREATE},
	    {"mknod", AGG_OP_CREATE},	   {"symlink", AGG_OP_CREATE},
	    {"bind", AGG_OP_CREATE},	   {"link", AGG_OP_LINK},
	    {"truncate", AGG_OP_WRITE},	   {"ftruncate", AGG_OP_WRITE},
	    {"fallocate", AGG_OP_WRITE},   {"chmod", AGG_OP_ATTR},
	    {"fchmod", AGG_OP_ATTR},	   {"chown", AGG_OP_ATTR},
	    {"fchown", AGG_OP_ATTR},	   {"lchown", AGG_OP_ATTR},
	    {"utime", AGG_OP_ATTR},	   {"futimesat", AGG_OP_ATTR},
	    {"setxattr", AGG_OP_ATTR},	   {"lsetxattr", AGG_OP_ATTR},
	    {"fsetxattr", AGG_OP_ATTR},	   {"removexattr", AGG_OP_ATTR},
	    {"lremovexattr", AGG_OP_ATTR}, {"fremovexattr", AGG_OP_ATTR},
	    {"file_setattr", AGG_OP_ATTR}, {"ioctl", AGG_OP_ATTR},
	};

	if (!sc)
		return 0;
	if (strcmp(sc, "open") == 0 || strcmp(sc, "openat") == 0 ||
	    strcmp(sc, "creat") == 0)
		return creates ? AGG_OP_CREATE | AGG_OP_WRITE : AGG_OP_WRITE;
	for (size_t i = 0; i < sizeof(ops) / sizeof(*ops); i++)
		if (strncmp(sc, ops[i].prefix, strlen(ops[i].prefix)) == 0)
			return ops[i].op;
	return 0;
}

/* Which table an event goes in, and its key in "key". */
static enum agg_kind
kind_of(const struct event *ev, char *key, size_t size, const char **proto,
	char *type, size_t tsize)
{
	bool exec = ev->syscall && strncmp(ev->syscall, "execve", 6) == 0;

	*proto = NULL;
	if (exec && detail_get(ev->detail, "path", key, size))
		return AGG_PROGRAM;
	if (ev->syscall && strcmp(ev->syscall, "dns") == 0 &&
	    detail_get(ev->detail, "name", key, size)) {
		*proto = detail_get(ev->detail, "type", type, tsize);
		return AGG_DNS;
	}
	switch (ev->d.cat) {
	case CAT_NETWORK:
		if (detail_get(ev->detail, "host", key, size)) {
			*proto = ev->proto;
			return AGG_NET;
		}
		if (detail_get(ev->detail, "unix", key, size)) {
			*proto = "unix";
			return AGG_NET;
		}
		break;
	case CAT_FILESYSTEM:
	case CAT_IMPORT:
		if (detail_get(ev->detail, "path", key, size) ||
		    detail_get(ev->detail, "unix", key, size))
			return AGG_FILE;
		break;
	case CAT_NATIVE:
		if (detail_get(ev->detail, "path", key, size))
			return AGG_NATIVE;
		break;
	default:
		break;
	}
	snprintf(key, size, "%s", ev->syscall ? ev->syscall : "?");
	return AGG_OTHER;
}

static void
set_site(struct agg_site *s, const struct event *ev)
{
	const struct context *c = ev->ctx;
	const struct pyframe *f = &c->py[c->pick];

	s->file = xstrdup(c->file ? c->file : f->file);
	s->line = f->line;
	s->func = xstrdup(f->name);
}

static bool
has_site(const struct event *ev)
{
	return ev->ctx && ev->ctx->pick >= 0 && ev->ctx->pick < ev->ctx->npy;
}

static struct agg_row *
row_for(enum agg_kind k, const char *key, const char *proto,
	const struct event *ev)
{
	struct table *t = &tables[k];
	uint32_t h = hash(key, proto) % NBUCKETS;
	struct agg_row *r;

	for (r = t->buckets[h]; r; r = r->next)
		if (strcmp(r->key, key) == 0 && same(r->proto, proto))
			return r;
	r = xcalloc(1, sizeof(*r));
	r->kind = k;
	r->key = xstrdup(key);
	r->proto = dup_or_null(proto);
	r->argv = dup_or_null(ev->argv);
	r->reason = dup_or_null(ev->d.reason);
	r->cat = ev->d.cat;
	if (has_site(ev)) {
		r->have_site = true;
		set_site(&r->site, ev);
	}
	r->next = t->buckets[h];
	t->buckets[h] = r;
	t->n++;
	return r;
}

static void
add_test(const char *id, enum category cat)
{
	for (size_t i = 0; i < ntests; i++)
		if (strcmp(tests[i].id, id) == 0) {
			tests[i].counts[cat]++;
			return;
		}
	if (ntests == captests) {
		captests = captests ? 2 * captests : 16;
		tests = xrealloc(tests, captests * sizeof(*tests));
	}
	memset(&tests[ntests], 0, sizeof(tests[ntests]));
	tests[ntests].id = xstrdup(id);
	tests[ntests].counts[cat]++;
	ntests++;
}

static void
add_site(const struct event *ev)
{
	const struct context *c = ev->ctx;
	const struct pyframe *f = &c->py[c->pick];
	const char *file = c->file ? c->file : f->file;

	for (size_t i = 0; i < nsites; i++) {
		struct agg_callsite *s = sites[i];

		if (s->cat == ev->d.cat && s->site.line == f->line &&
		    strcmp(s->site.file, file) == 0 &&
		    strcmp(s->site.func, f->name) == 0) {
			s->count++;
			return;
		}
	}
	if (nsites == capsites) {
		capsites = capsites ? 2 * capsites : 16;
		sites = xrealloc(sites, capsites * sizeof(*sites));
	}
	sites[nsites] = xcalloc(1, sizeof(**sites));
	set_site(&sites[nsites]->site, ev);
	sites[nsites]->cat = ev->d.cat;
	sites[nsites]->count = 1;
	nsites++;
}

void
agg_add(const struct event *ev)
{
	char key[PATH_MAX + 64], type[32], host[PATH_MAX];
	const char *proto;
	enum agg_kind k =
	    kind_of(ev, key, sizeof(key), &proto, type, sizeof(type));
	struct agg_row *r = row_for(k, key, proto, ev);
	const char *test = ev->ctx ? ev->ctx->test : NULL;

	r->count++;
	if (k == AGG_NET && !r->host &&
	    detail_get(ev->detail, "name", host, sizeof(host)))
		r->host = xstrdup(host);
	if (ev->d.verdict == V_ALLOW)
		r->allowed++;
	else if (ev->audited)
		r->audited++;
	else
		r->denied++;
	if (k == AGG_FILE)
		r->ops |=
		    ev->d.reason &&
			    (strcmp(ev->d.reason, "read-outside-root") == 0 ||
			     strcmp(ev->d.reason, "deny-import") == 0)
			? AGG_OP_READ
			: agg_file_op(ev->syscall, ev->creates);
	if (test) {
		if (strlist_contains(&r->tests, test))
			;
		else if (r->tests.n < AGG_TESTS_MAX)
			strlist_add(&r->tests, test);
		else
			r->tests_more = true;
		add_test(test, ev->d.cat);
	}
	if (has_site(ev))
		add_site(ev);
}

static int
by_count(const void *a, const void *b)
{
	const struct agg_row *x = *(const struct agg_row *const *)a;
	const struct agg_row *y = *(const struct agg_row *const *)b;

	if (x->count != y->count)
		return x->count < y->count ? 1 : -1;
	return strcmp(x->key, y->key);
}

struct agg_row **
agg_rows(enum agg_kind kind, size_t *n)
{
	struct table *t = &tables[kind];
	size_t i = 0;

	free(t->sorted);
	t->sorted = xmalloc((t->n ? t->n : 1) * sizeof(*t->sorted));
	for (size_t b = 0; b < NBUCKETS; b++)
		for (struct agg_row *r = t->buckets[b]; r; r = r->next)
			t->sorted[i++] = r;
	qsort(t->sorted, i, sizeof(*t->sorted), by_count);
	*n = i;
	return t->sorted;
}

const struct agg_test *
agg_tests(size_t *n)
{
	*n = ntests;
	return tests;
}

static int
site_by_count(const void *a, const void *b)
{
	const struct agg_callsite *x = *(const struct agg_callsite *const *)a;
	const struct agg_callsite *y = *(const struct agg_callsite *const *)b;

	if (x->count != y->count)
		return x->count < y->count ? 1 : -1;
	return 0;
}

struct agg_callsite **
agg_callsites(size_t *n)
{
	/* a stable sort keeps the first seen first among equals */
	for (size_t i = 1; i < nsites; i++)
		for (size_t j = i;
		     j > 0 && site_by_count(&sites[j - 1], &sites[j]) > 0;
		     j--) {
			struct agg_callsite *tmp = sites[j];

			sites[j] = sites[j - 1];
			sites[j - 1] = tmp;
		}
	*n = nsites;
	return sites;
}
