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

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "report.h"

static bool tracing;
static unsigned long denied[CAT_COUNT];

void
report_init(bool trace)
{
	tracing = trace;
	memset(denied, 0, sizeof(denied));
}

char *
report_format(const struct event *ev, char *buf, size_t size)
{
	size_t n = 0;

#define PUT(...)                                                               \
	do {                                                                   \
		if (n < size)                                                  \
			n += (size_t)snprintf(buf + n, size - n, __VA_ARGS__); \
	} while (0)

	PUT("[hermetic] %s %s", ev->d.verdict == V_DENY ? "blocked" : "allowed",
	    ev->syscall);
	if (ev->detail && *ev->detail)
		PUT(" %s", ev->detail);
	if (ev->argv)
		PUT(" argv=%s", ev->argv);
	if (ev->d.reason)
		PUT(" reason=%s", ev->d.reason);
	PUT(" pid=%d", (int)ev->pid);
	if (ev->tid != ev->pid)
		PUT(" tid=%d", (int)ev->tid);
#undef PUT
	if (n >= size && size > 4)
		memcpy(buf + size - 4, "...", 4);
	return buf;
}

static void
put_line(const char *s)
{
	char buf[8192];
	size_t n = strlen(s);

	if (n > sizeof(buf) - 1)
		n = sizeof(buf) - 1;
	memcpy(buf, s, n);
	buf[n++] = '\n';
	if (write(STDERR_FILENO, buf, n) < 0) {
		/* stderr is gone: nothing else to tell */
	}
}

void
report_event(const struct event *ev)
{
	char line[8192];

	if (ev->d.verdict == V_DENY)
		denied[ev->d.cat]++;
	if (!tracing)
		return;
	put_line(report_format(ev, line, sizeof(line)));
}

unsigned long
report_denied(void)
{
	unsigned long total = 0;

	for (int c = 0; c < CAT_COUNT; c++)
		total += denied[c];
	return total;
}

void
report_summary(unsigned int killed)
{
	unsigned long total = report_denied();
	char line[512];
	size_t n;
	const char *sep = "";

	if (total) {
		n = (size_t)snprintf(line, sizeof(line),
				     "hermetic: blocked %lu action%s (", total,
				     total == 1 ? "" : "s");
		for (int c = 0; c < CAT_COUNT; c++) {
			if (!denied[c])
				continue;
			n += (size_t)snprintf(line + n, sizeof(line) - n,
					      "%s%lu %s", sep, denied[c],
					      category_name((enum category)c));
			sep = ", ";
		}
		snprintf(line + n, sizeof(line) - n, ")%s",
			 tracing ? "" : "; rerun with --trace for details");
		put_line(line);
	}
	if (killed) {
		snprintf(line, sizeof(line),
			 "hermetic: the target exited; killed %u process%s it "
			 "left running",
			 killed, killed == 1 ? "" : "es");
		put_line(line);
	}
}
