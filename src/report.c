/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * Trace lines and the summary. The line shape keeps the seed's prefix and
 * reason= so that existing greps keep working:
 *
 *   [hermetic] blocked connect host=203.0.113.5:443 reason=no-network pid=42
 */
#include "config.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "aggregate.h"
#include "eventlog.h"
#include "python/callsite.h"
#include "report.h"

#define TOP_SITES 5 /* call sites the summary names */

static struct report_config cfg;
static bool tracing;
static enum backtrace backtrace;
static unsigned long counts[3][CAT_COUNT]; /* denied, audited, allowed */
static unsigned long pycache;
/* events come from the tracer and from the DNS stub's thread */
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

void
report_init(const struct report_config *c)
{
	cfg = *c;
	tracing = c->trace;
	backtrace = c->bt;
	memset(counts, 0, sizeof(counts));
	pycache = 0;
	if (cfg.aggregate || cfg.audit)
		agg_init();
}

/* "s" with control characters (C0, DEL) as '?', into "buf": what comes
 * from the tracee (a test id, a symbol) must not break or forge a line. */
static const char *
clean(const char *s, char *buf, size_t size)
{
	size_t n = 0;

	for (; *s && n + 1 < size; s++, n++) {
		unsigned char c = (unsigned char)*s;

		buf[n] = c < 0x20 || c == 0x7f ? '?' : (char)c;
	}
	buf[n] = '\0';
	return buf;
}

/* "FILE:LINE in NAME" of frame "f", its file shown as "file". */
static const char *
frame_site(const char *file, const struct pyframe *f, char *buf, size_t size)
{
	if (f->line > 0)
		snprintf(buf, size, "%s:%d in %s", file, f->line, f->name);
	else
		snprintf(buf, size, "%s:? in %s", file, f->name);
	return buf;
}

char *
report_format(const struct event *ev, char *buf, size_t size)
{
	char site[PYFRAME_FILE_MAX + PYFRAME_NAME_MAX + 32];
	char test[CONTEXT_TEST_MAX];
	size_t n = 0;

#define PUT(...)                                                               \
	do {                                                                   \
		if (n < size)                                                  \
			n += (size_t)snprintf(buf + n, size - n, __VA_ARGS__); \
	} while (0)

	PUT("[hermetic] %s %s",
	    ev->d.verdict != V_DENY ? "allowed"
	    : ev->audited	    ? "audit"
				    : "blocked",
	    ev->syscall);
	if (ev->detail && *ev->detail)
		PUT(" %s", ev->detail);
	if (ev->argv)
		PUT(" argv=%s", ev->argv);
	if (ev->d.reason)
		PUT(" reason=%s", ev->d.reason);
	if (ev->ctx && ev->ctx->pick >= 0)
		PUT(" at %s",
		    frame_site(ev->ctx->file, &ev->ctx->py[ev->ctx->pick], site,
			       sizeof(site)));
	PUT(" pid=%d", (int)ev->pid);
	if (ev->tid != ev->pid)
		PUT(" tid=%d", (int)ev->tid);
	if (ev->ctx && ev->ctx->test)
		PUT(" test=%s", clean(ev->ctx->test, test, sizeof(test)));
#undef PUT
	if (n >= size && size > 4)
		memcpy(buf + size - 4, "...", 4);
	return buf;
}

char *
report_format_frames(const struct event *ev, enum backtrace bt, char *buf,
		     size_t size)
{
	const struct context *c = ev->ctx;
	char site[PYFRAME_FILE_MAX + PYFRAME_NAME_MAX + 32];
	size_t n = 0;

#define PUT(...)                                                               \
	do {                                                                   \
		if (n < size)                                                  \
			n += (size_t)snprintf(buf + n, size - n, __VA_ARGS__); \
	} while (0)

	if (size)
		buf[0] = '\0';
	if (!c)
		return buf;
	if (bt & BACKTRACE_PYTHON) {
		int shown =
		    c->npy < REPORT_PY_FRAMES ? c->npy : REPORT_PY_FRAMES;

		for (int i = 0; i < shown; i++)
			PUT("    at %s\n",
			    frame_site(
				callsite_relative(context_cwd(), c->py[i].file),
				&c->py[i], site, sizeof(site)));
		if (c->npy > shown || c->py_more)
			PUT("    ... more frames not shown\n");
	}
	if (bt & BACKTRACE_NATIVE) {
		for (int i = 0; i < c->nnative; i++) {
			const struct nframe *f = &c->native[i];

			char sym[sizeof(f->sym)], obj[sizeof(f->obj)];

			PUT("    #%d 0x%016llx %s+0x%llx (%s)\n", i,
			    (unsigned long long)f->ip,
			    f->sym[0] ? clean(f->sym, sym, sizeof(sym)) : "??",
			    (unsigned long long)f->off,
			    f->obj[0] ? clean(f->obj, obj, sizeof(obj)) : "?");
		}
		if (c->native_more)
			PUT("    ... more frames not shown\n");
	}
#undef PUT
	if (n >= size && size > 5)
		memcpy(buf + size - 5, "...\n", 5);
	return buf;
}

/* Write "s" (whole lines) with as few write(2) calls as it takes. */
static void
put_text(const char *s)
{
	size_t n = strlen(s);

	while (n > 0) {
		ssize_t r = write(STDERR_FILENO, s, n);

		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return; /* stderr is gone: nothing else to tell */
		s += r;
		n -= (size_t)r;
	}
}

static void
put_line(const char *s)
{
	char buf[8192];
	size_t n = strlen(s);

	if (n > sizeof(buf) - 2)
		n = sizeof(buf) - 2;
	memcpy(buf, s, n);
	buf[n++] = '\n';
	buf[n] = '\0';
	put_text(buf);
}

static void report_event_locked(const struct event *ev, int v, char *out,
				size_t size);

void
report_event(const struct event *ev)
{
	static char out[128 * 1024];
	int v = ev->d.verdict != V_DENY ? 2 : ev->audited ? 1 : 0;

	pthread_mutex_lock(&lock);
	report_event_locked(ev, v, out, sizeof(out));
	pthread_mutex_unlock(&lock);
}

static void
report_event_locked(const struct event *ev, int v, char *out, size_t size)
{
	size_t n;

	counts[v][ev->d.cat]++;
	if (cfg.aggregate || cfg.audit)
		agg_add(ev);
	if (!tracing && !cfg.log)
		return;
	report_format(ev, out, size - 1);
	n = strlen(out);
	out[n++] = '\n';
	out[n] = '\0';
	if (backtrace)
		report_format_frames(ev, backtrace, out + n, size - n);
	if (cfg.log)
		eventlog_event(ev, out);
	if (tracing)
		put_text(out);
}

const unsigned long (*report_counts(void))[CAT_COUNT]
{
	return (const unsigned long(*)[CAT_COUNT])counts;
}

unsigned long
report_pycache_count(void)
{
	return pycache;
}

bool
report_wants_allowed(void)
{
	return cfg.trace_all;
}

void
report_pycache(void)
{
	pycache++;
}

bool
report_wants_context(void)
{
	return tracing || cfg.log || cfg.aggregate || cfg.audit;
}

unsigned long
report_denied(void)
{
	unsigned long total = 0;

	for (int c = 0; c < CAT_COUNT; c++)
		total += counts[0][c] + counts[1][c];
	return total;
}

/* The call sites that made the most denials (audits), one line each. */
static void
summary_sites(void)
{
	size_t n, shown = 0;
	struct agg_callsite **s = agg_callsites(&n);
	char line[PYFRAME_FILE_MAX + PYFRAME_NAME_MAX + 128];

	for (size_t i = 0; i < n && shown < TOP_SITES; i++, shown++) {
		snprintf(line, sizeof(line), "  %lu %s at %s:%d in %s",
			 s[i]->count, category_name(s[i]->cat), s[i]->site.file,
			 s[i]->site.line, s[i]->site.func);
		put_line(line);
	}
	if (n > shown) {
		snprintf(line, sizeof(line), "  ... and %zu more call site%s",
			 n - shown, n - shown == 1 ? "" : "s");
		put_line(line);
	}
}

void
report_summary(unsigned int killed)
{
	unsigned long total = report_denied();
	char line[512];
	size_t n;
	const char *sep = "";

	if (total && !cfg.quiet) {
		n = (size_t)snprintf(line, sizeof(line),
				     cfg.audit
					 ? "hermetic: audit: %lu action%s "
					   "would have been blocked ("
					 : "hermetic: blocked %lu action%s (",
				     total, total == 1 ? "" : "s");
		for (int c = 0; c < CAT_COUNT; c++) {
			unsigned long k = counts[0][c] + counts[1][c];

			if (!k)
				continue;
			n += (size_t)snprintf(line + n, sizeof(line) - n,
					      "%s%lu %s", sep, k,
					      category_name((enum category)c));
			sep = ", ";
		}
		snprintf(line + n, sizeof(line) - n, ")%s",
			 report_wants_context()
			     ? ""
			     : "; rerun with --trace for details");
		put_line(line);
		if (cfg.audit)
			summary_sites();
	}
	if (pycache && tracing && !cfg.quiet) {
		snprintf(line, sizeof(line),
			 "[hermetic] blocked %lu write%s into __pycache__ "
			 "(not counted: Python runs without its bytecode "
			 "cache)",
			 pycache, pycache == 1 ? "" : "s");
		put_line(line);
	}
	if (killed && !cfg.quiet) {
		snprintf(line, sizeof(line),
			 "hermetic: the target exited; killed %u process%s it "
			 "left running",
			 killed, killed == 1 ? "" : "es");
		put_line(line);
	}
}
