/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * The event log, text or JSON Lines.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>

#include "detail.h"
#include "escape.h"
#include "eventlog.h"
#include "xmalloc.h"

static FILE *out;
static bool json;
static unsigned long seq;
static struct timespec t0;

static double
elapsed(void)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - t0.tv_sec) +
	       (double)(now.tv_nsec - t0.tv_nsec) / 1e9;
}

int
eventlog_open(const char *path, bool as_json, char **err)
{
	json = as_json;
	seq = 0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	if (strcmp(path, "-") == 0) {
		out = stderr;
		return 0;
	}
	out = fopen(path, "we");
	if (!out) {
		*err = xasprintf("--log %s: %s", path, strerror(errno));
		return -1;
	}
	return 0;
}

void
eventlog_time_json(FILE *f)
{
	struct timespec now;
	struct tm tm;
	char buf[32];

	clock_gettime(CLOCK_REALTIME, &now);
	gmtime_r(&now.tv_sec, &tm);
	strftime(buf, sizeof(buf), "%Y-%m-%dT%H:%M:%S", &tm);
	fprintf(f, "\"%s.%06ldZ\"", buf, now.tv_nsec / 1000);
}

static void
str_array(FILE *f, char *const *v, size_t n)
{
	fputc('[', f);
	for (size_t i = 0; v && i < n; i++) {
		if (i)
			fputc(',', f);
		escape_json(f, v[i]);
	}
	fputc(']', f);
}

static size_t
count(char *const *v)
{
	size_t n = 0;

	while (v && v[n])
		n++;
	return n;
}

/* ,"KEY":true|false and ,"KEY":[...] (the first key without a comma) */
static void
jbool(FILE *f, const char *key, bool v)
{
	fprintf(f, "%s\"%s\":%s", strcmp(key, "no_network") ? "," : "", key,
		v ? "true" : "false");
}

static void
jarray(FILE *f, const char *key, char *const *v, size_t n)
{
	fprintf(f, ",\"%s\":", key);
	str_array(f, v, n);
}

void
eventlog_policy_json(FILE *f, const struct policy *p)
{
	fputc('{', f);
	jbool(f, "no_network", p->no_network);
	jbool(f, "allow_localhost", p->allow_localhost);
	jbool(f, "allow_unix_all", p->allow_unix_all);
	jarray(f, "allow_unix", p->allow_unix, p->n_allow_unix);
	jarray(f, "allow_domain", p->allow_domain, p->n_allow_domain);
	fprintf(f, ",\"allow_host_rules\":%zu", p->n_allow_host);
	jbool(f, "no_subprocess", p->no_subprocess);
	jarray(f, "allow_exec", p->allow_exec, p->n_allow_exec);
	jbool(f, "fs_readonly", p->fs_readonly);
	jarray(f, "allow_write", p->allow_write, p->n_allow_write);
	fprintf(f, ",\"read_root\":");
	escape_json(f, p->read_root);
	jarray(f, "allow_read", p->allow_read, p->n_allow_read);
	jbool(f, "block_native", p->block_native);
	jarray(f, "deny_import", p->deny_import, p->n_deny_import);
	jbool(f, "no_environment", p->no_environment);
	jarray(f, "keep_env", p->keep_env, p->n_keep_env);
	jbool(f, "audit", p->audit);
	fputc('}', f);
}

/* The head every record shares. */
static void
head(const char *type)
{
	fprintf(out, "{\"type\":\"%s\",\"schema\":%d,\"time\":", type,
		EVENTLOG_SCHEMA);
	eventlog_time_json(out);
	fprintf(out, ",\"elapsed\":%.6f", elapsed());
}

void
eventlog_start(const struct eventlog_start *s)
{
	if (!out || !json)
		return;
	head("start");
	fprintf(out, ",\"hermetic\":\"%s\",\"argv\":", PACKAGE_VERSION);
	str_array(out, s->argv, count(s->argv));
	fprintf(out, ",\"target\":");
	str_array(out, s->target, count(s->target));
	fprintf(out, ",\"mode\":\"%s\",\"policy\":",
		s->policy->audit ? "audit" : "enforce");
	eventlog_policy_json(out, s->policy);
	fprintf(out,
		",\"features\":{\"seccomp\":true,\"ptrace\":true,"
		"\"landlock_abi\":%d,\"landlock\":",
		s->landlock_abi);
	escape_json(out, s->landlock);
	fprintf(out, "}}\n");
	fflush(out);
}

/* "file:line in name" parts of a frame as a JSON object. */
static void
frame_json(const char *file, const struct pyframe *f)
{
	fprintf(out, "{\"file\":");
	escape_json(out, file);
	fprintf(out, ",\"line\":%d,\"function\":", f->line);
	escape_json(out, f->name);
	fputc('}', out);
}

static void
details_json(const char *detail)
{
	struct detail_field fl[DETAIL_MAX_FIELDS];
	size_t n = detail_split(detail, fl, DETAIL_MAX_FIELDS);
	char value[4096 + 64];

	fputc('{', out);
	for (size_t i = 0; i < n; i++) {
		size_t len = fl[i].len < sizeof(value) - 1 ? fl[i].len
							   : sizeof(value) - 1;

		memcpy(value, fl[i].value, len);
		value[len] = '\0';
		fprintf(out, "%s\"%s\":", i ? "," : "", fl[i].key);
		escape_json(out, value);
	}
	fputc('}', out);
}

void
eventlog_event(const struct event *ev, const char *text)
{
	const struct context *c = ev->ctx;

	if (!out)
		return;
	if (!json) {
		fputs(text, out);
		fflush(out);
		return;
	}
	head("event");
	fprintf(out, ",\"seq\":%lu,\"pid\":%d,\"tid\":%d,\"exe\":", ++seq,
		(int)ev->pid, (int)ev->tid);
	escape_json(out, ev->exe);
	fprintf(out, ",\"syscall\":");
	escape_json(out, ev->syscall);
	fprintf(out, ",\"category\":\"%s\",\"verdict\":\"%s\",\"reason\":",
		category_name(ev->d.cat),
		ev->d.verdict != V_DENY ? "allowed"
		: ev->audited		? "audited"
					: "denied");
	escape_json(out, ev->d.reason);
	fprintf(out, ",\"details\":");
	details_json(ev->detail);
	fprintf(out, ",\"protocol\":");
	escape_json(out, ev->proto);
	/* the argv decode_argv() made is a JSON array already */
	fprintf(out, ",\"argv\":%s",
		ev->argv && ev->argv[0] == '[' ? ev->argv : "null");
	fprintf(out, ",\"site\":");
	if (c && c->pick >= 0 && c->pick < c->npy)
		frame_json(c->file, &c->py[c->pick]);
	else
		fputs("null", out);
	fprintf(out, ",\"frames\":[");
	for (int i = 0; c && i < c->npy && i < REPORT_PY_FRAMES; i++) {
		if (i)
			fputc(',', out);
		frame_json(c->py[i].file, &c->py[i]);
	}
	fprintf(out, "],\"test\":");
	escape_json(out, c ? c->test : NULL);
	fprintf(out, "}\n");
	fflush(out);
}

void
eventlog_counts_json(FILE *f)
{
	static const char *const names[] = {"denied", "audited", "allowed"};
	const unsigned long(*k)[CAT_COUNT] = report_counts();

	fputc('{', f);
	for (int v = 0; v < 3; v++) {
		const char *sep = "";

		fprintf(f, "%s\"%s\":{", v ? "," : "", names[v]);
		for (int c = 0; c < CAT_COUNT; c++) {
			if (!k[v][c])
				continue;
			fprintf(f, "%s\"%s\":%lu", sep,
				category_name((enum category)c), k[v][c]);
			sep = ",";
		}
		fputc('}', f);
	}
	fputc('}', f);
}

void
eventlog_status_json(FILE *f, int st)
{
	if (WIFEXITED(st))
		fprintf(f, "{\"code\":%d,\"signal\":null}", WEXITSTATUS(st));
	else if (WIFSIGNALED(st))
		fprintf(f, "{\"code\":null,\"signal\":%d}", WTERMSIG(st));
	else
		fprintf(f, "{\"code\":null,\"signal\":null}");
}

void
eventlog_exit(int wait_status, int exit_status, unsigned int killed)
{
	if (!out)
		return;
	if (json) {
		head("exit");
		fprintf(out, ",\"status\":");
		eventlog_status_json(out, wait_status);
		fprintf(out,
			",\"exit_status\":%d,\"killed\":%u,\"pycache\":%lu,"
			"\"events\":%lu,\"counts\":",
			exit_status, killed, report_pycache_count(), seq);
		eventlog_counts_json(out);
		fprintf(out, ",\"duration\":%.6f}\n", elapsed());
	}
	if (out != stderr)
		fclose(out);
	else
		fflush(out);
	out = NULL;
}
