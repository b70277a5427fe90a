/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * The JSON report.
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "escape.h"
#include "eventlog.h"
#include "reportfile.h"
#include "xmalloc.h"

bool
reportfile_is_html(const char *path)
{
	size_t n = strlen(path);

	return (n >= 5 && strcmp(path + n - 5, ".html") == 0) ||
	       (n >= 4 && strcmp(path + n - 4, ".htm") == 0);
}

int
reportfile_check(const char *path, char **err)
{
	FILE *f = fopen(path, "we");

	if (!f) {
		*err = xasprintf("--report %s: %s", path, strerror(errno));
		return -1;
	}
	fclose(f);
	return 0;
}

void
reportfile_split_host(const char *key, char *addr, size_t size, int *port)
{
	const char *colon = strrchr(key, ':');
	size_t n;
	char *end;
	long p;

	*port = -1;
	snprintf(addr, size, "%s", key);
	if (!colon || key[0] == '/' || key[0] == '@')
		return;
	p = strtol(colon + 1, &end, 10);
	if (end == colon + 1 || *end || p < 0 || p > 65535)
		return;
	if (key[0] == '[' && colon > key && colon[-1] == ']') {
		n = (size_t)(colon - key) - 2; /* without the brackets */
		key++;
	} else if (memchr(key, ':', (size_t)(colon - key))) {
		return; /* a bare IPv6 address has no port */
	} else {
		n = (size_t)(colon - key);
	}
	if (n >= size)
		n = size - 1;
	memcpy(addr, key, n);
	addr[n] = '\0';
	*port = (int)p;
}

size_t
reportfile_op_names(unsigned int ops, const char **out)
{
	static const struct {
		unsigned int bit;
		const char *name;
	} names[] = {
	    {AGG_OP_CREATE, "created"}, {AGG_OP_WRITE, "written"},
	    {AGG_OP_DELETE, "deleted"}, {AGG_OP_RENAME, "renamed"},
	    {AGG_OP_LINK, "linked"},	{AGG_OP_ATTR, "attributes"},
	    {AGG_OP_READ, "read"},
	};
	size_t n = 0;

	for (size_t i = 0; i < sizeof(names) / sizeof(*names); i++)
		if (ops & names[i].bit)
			out[n++] = names[i].name;
	return n;
}

static void
strings(FILE *f, char *const *v, size_t n)
{
	fputc('[', f);
	for (size_t i = 0; i < n; i++) {
		if (i)
			fputc(',', f);
		escape_json(f, v[i]);
	}
	fputc(']', f);
}

/* The fields every row has. */
static void
row_common(FILE *f, const struct agg_row *r)
{
	fprintf(f,
		"\"count\":%lu,\"denied\":%lu,\"audited\":%lu,"
		"\"allowed\":%lu,\"category\":\"%s\",\"reason\":",
		r->count, r->denied, r->audited, r->allowed,
		category_name(r->cat));
	escape_json(f, r->reason);
	fprintf(f, ",\"first_site\":");
	if (r->have_site) {
		fprintf(f, "{\"file\":");
		escape_json(f, r->site.file);
		fprintf(f, ",\"line\":%d,\"function\":", r->site.line);
		escape_json(f, r->site.func);
		fputc('}', f);
	} else {
		fputs("null", f);
	}
	fprintf(f, ",\"tests\":");
	strings(f, r->tests.v, r->tests.n);
	fprintf(f, ",\"tests_truncated\":%s", r->tests_more ? "true" : "false");
}

static void
row_json(FILE *f, const struct agg_row *r)
{
	char addr[4096 + 64];
	const char *ops[8];
	size_t n;
	int port;

	fputc('{', f);
	switch (r->kind) {
	case AGG_NET:
		reportfile_split_host(r->key, addr, sizeof(addr), &port);
		fprintf(f, "\"host\":");
		escape_json(f, r->host);
		fprintf(f, ",\"address\":");
		escape_json(f, addr);
		if (port >= 0)
			fprintf(f, ",\"port\":%d", port);
		else
			fprintf(f, ",\"port\":null");
		fprintf(f, ",\"protocol\":");
		escape_json(f, r->proto);
		break;
	case AGG_PROGRAM:
		fprintf(f, "\"path\":");
		escape_json(f, r->key);
		fprintf(f, ",\"argv\":%s",
			r->argv && r->argv[0] == '[' ? r->argv : "null");
		break;
	case AGG_FILE:
		fprintf(f, "\"path\":");
		escape_json(f, r->key);
		n = reportfile_op_names(r->ops, ops);
		fprintf(f, ",\"operations\":");
		strings(f, (char *const *)ops, n);
		break;
	case AGG_NATIVE:
		fprintf(f, "\"path\":");
		escape_json(f, r->key);
		break;
	case AGG_DNS:
		fprintf(f, "\"name\":");
		escape_json(f, r->key);
		fprintf(f, ",\"type\":");
		escape_json(f, r->proto);
		break;
	default:
		fprintf(f, "\"syscall\":");
		escape_json(f, r->key);
	}
	fputc(',', f);
	row_common(f, r);
	fputc('}', f);
}

static void
section(FILE *f, const char *name, enum agg_kind k)
{
	size_t n;
	struct agg_row **rows = agg_rows(k, &n);

	fprintf(f, ",\"%s\":[", name);
	for (size_t i = 0; i < n; i++) {
		if (i)
			fputs(",\n", f);
		row_json(f, rows[i]);
	}
	fputc(']', f);
}

static void
tests_json(FILE *f)
{
	size_t n;
	const struct agg_test *t = agg_tests(&n);

	fprintf(f, ",\"tests\":[");
	for (size_t i = 0; i < n; i++) {
		const char *sep = "";

		fprintf(f, "%s{\"id\":", i ? ",\n" : "");
		escape_json(f, t[i].id);
		fprintf(f, ",\"counts\":{");
		for (int c = 0; c < CAT_COUNT; c++) {
			if (!t[i].counts[c])
				continue;
			fprintf(f, "%s\"%s\":%lu", sep,
				category_name((enum category)c),
				t[i].counts[c]);
			sep = ",";
		}
		fprintf(f, "}}");
	}
	fputc(']', f);
}

static void
json_write(FILE *f, const struct report_meta *m)
{
	size_t n = 0;

	fprintf(f,
		"{\"schema\":%d,\"hermetic\":\"%s\",\"time\":", REPORT_SCHEMA,
		PACKAGE_VERSION);
	eventlog_time_json(f);
	while (m->argv && m->argv[n])
		n++;
	fprintf(f, ",\"argv\":");
	strings(f, m->argv, n);
	for (n = 0; m->target && m->target[n];)
		n++;
	fprintf(f, ",\"target\":");
	strings(f, m->target, n);
	fprintf(f, ",\"mode\":\"%s\",\"status\":",
		m->policy->audit ? "audit" : "enforce");
	eventlog_status_json(f, m->wait_status);
	fprintf(f,
		",\"exit_status\":%d,\"killed\":%u,\"policy\":", m->exit_status,
		m->killed);
	eventlog_policy_json(f, m->policy);
	fprintf(f, ",\"counts\":");
	eventlog_counts_json(f);
	fputs("\n", f);
	section(f, "network", AGG_NET);
	section(f, "dns", AGG_DNS);
	fputs("\n", f);
	section(f, "programs", AGG_PROGRAM);
	fputs("\n", f);
	section(f, "files", AGG_FILE);
	fputs("\n", f);
	section(f, "native", AGG_NATIVE);
	fputs("\n", f);
	section(f, "other", AGG_OTHER);
	fputs("\n", f);
	tests_json(f);
	fputs("}\n", f);
}

int
reportfile_write(const char *path, const struct report_meta *m, char **err)
{
	FILE *f = fopen(path, "we");

	if (!f) {
		*err = xasprintf("--report %s: %s", path, strerror(errno));
		return -1;
	}
	if (reportfile_is_html(path))
		reporthtml_write(f, m);
	else
		json_write(f, m);
	if (fclose(f) != 0) {
		*err = xasprintf("--report %s: %s", path, strerror(errno));
		return -1;
	}
	return 0;
}
