/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * The HTML report: one self-contained page (no script, no external
 * asset), well-formed XML as well as HTML so that any parser reads it.
 */
#include "config.h"

#include <sys/wait.h>

#include "escape.h"
#include "reportfile.h"

static const char style[] =
    "body{font-family:sans-serif;margin:2em;color:#222}"
    "table{border-collapse:collapse;margin-bottom:1.5em}"
    "th,td{border:1px solid #ccc;padding:.25em .5em;text-align:left;"
    "vertical-align:top}"
    "th{background:#f2f2f2}td.n{text-align:right}"
    ".bar{background:#c0392b;height:1em}"
    ".audited{background:#e67e22}.allowed{background:#27ae60}"
    "code{font-size:90%}";

static void
cell(FILE *f, const char *s)
{
	fputs("<td>", f);
	escape_html(f, s);
	fputs("</td>", f);
}

static void
site_cell(FILE *f, const struct agg_row *r)
{
	fputs("<td>", f);
	if (r->have_site) {
		fputs("<code>", f);
		escape_html(f, r->site.file);
		fprintf(f, ":%d</code> in <code>", r->site.line);
		escape_html(f, r->site.func);
		fputs("</code>", f);
	}
	fputs("</td>", f);
}

static void
tests_cell(FILE *f, const struct agg_row *r)
{
	fputs("<td>", f);
	for (size_t i = 0; i < r->tests.n; i++) {
		if (i)
			fputs("<br/>", f);
		escape_html(f, r->tests.v[i]);
	}
	if (r->tests_more)
		fputs("<br/>...", f);
	fputs("</td>", f);
}

static void
verdict_cell(FILE *f, const struct agg_row *r)
{
	fprintf(f, "<td>");
	if (r->denied)
		fprintf(f, "%lu denied ", r->denied);
	if (r->audited)
		fprintf(f, "%lu audited ", r->audited);
	if (r->allowed)
		fprintf(f, "%lu allowed", r->allowed);
	fprintf(f, "</td>");
}

/* One table of "kind" under heading "title". */
static void
table(FILE *f, const char *title, enum agg_kind kind)
{
	size_t n;
	struct agg_row **rows = agg_rows(kind, &n);
	static const char *const heads[AGG_KINDS] = {
	    "<th>address</th><th>port</th><th>protocol</th>",
	    "<th>program</th><th>argv</th>",
	    "<th>file</th><th>what</th>",
	    "<th>library</th>",
	    "<th>name</th><th>type</th>",
	    "<th>system call</th>",
	};

	fprintf(f, "<h2>%s</h2>\n", title);
	if (!n) {
		fputs("<p>None.</p>\n", f);
		return;
	}
	fprintf(f,
		"<table><tr>%s<th>count</th><th>verdicts</th>"
		"<th>reason</th><th>first call site</th><th>tests</th></tr>\n",
		heads[kind]);
	for (size_t i = 0; i < n; i++) {
		const struct agg_row *r = rows[i];
		char addr[4096 + 64], port[16];
		const char *ops[8];
		size_t k;
		int p;

		fputs("<tr>", f);
		switch (kind) {
		case AGG_NET:
			reportfile_split_host(r->key, addr, sizeof(addr), &p);
			snprintf(port, sizeof(port), "%d", p);
			fputs("<td>", f);
			escape_html(f, addr);
			if (r->host) {
				fputs(" (", f);
				escape_html(f, r->host);
				fputs(")", f);
			}
			fputs("</td>", f);
			cell(f, p >= 0 ? port : "");
			cell(f, r->proto ? r->proto : "");
			break;
		case AGG_PROGRAM:
			cell(f, r->key);
			cell(f, r->argv ? r->argv : "");
			break;
		case AGG_DNS:
			cell(f, r->key);
			cell(f, r->proto ? r->proto : "");
			break;
		case AGG_FILE:
			cell(f, r->key);
			fputs("<td>", f);
			k = reportfile_op_names(r->ops, ops);
			for (size_t j = 0; j < k; j++)
				fprintf(f, "%s%s", j ? ", " : "", ops[j]);
			fputs("</td>", f);
			break;
		default:
			cell(f, r->key);
		}
		fprintf(f, "<td class=\"n\">%lu</td>", r->count);
		verdict_cell(f, r);
		cell(f, r->reason ? r->reason : "");
		site_cell(f, r);
		tests_cell(f, r);
		fputs("</tr>\n", f);
	}
	fputs("</table>\n", f);
}

/* Bars by category: denied, audited and allowed side by side. */
static void
chart(FILE *f)
{
	static const char *const cls[] = {"", " audited", " allowed"};
	static const char *const names[] = {"denied", "audited", "allowed"};
	const unsigned long(*k)[CAT_COUNT] = report_counts();
	unsigned long max = 1;

	for (int v = 0; v < 3; v++)
		for (int c = 0; c < CAT_COUNT; c++)
			if (k[v][c] > max)
				max = k[v][c];
	fputs("<h2>By category</h2>\n<table><tr><th>category</th>"
	      "<th>verdict</th><th>count</th><th style=\"width:20em\">"
	      "</th></tr>\n",
	      f);
	for (int c = 0; c < CAT_COUNT; c++)
		for (int v = 0; v < 3; v++) {
			if (!k[v][c])
				continue;
			fprintf(f,
				"<tr><td>%s</td><td>%s</td><td "
				"class=\"n\">%lu</td><td><div class=\"bar%s\" "
				"style=\"width:%lu%%\"></div></td></tr>\n",
				category_name((enum category)c), names[v],
				k[v][c], cls[v], 1 + k[v][c] * 99 / max);
		}
	fputs("</table>\n", f);
}

static void
tests_table(FILE *f)
{
	size_t n;
	const struct agg_test *t = agg_tests(&n);

	fputs("<h2>Tests</h2>\n", f);
	if (!n) {
		fputs("<p>No event happened while a pytest test ran.</p>\n", f);
		return;
	}
	fputs("<table><tr><th>test</th><th>categories</th></tr>\n", f);
	for (size_t i = 0; i < n; i++) {
		const char *sep = "";

		fputs("<tr>", f);
		cell(f, t[i].id);
		fputs("<td>", f);
		for (int c = 0; c < CAT_COUNT; c++) {
			if (!t[i].counts[c])
				continue;
			fprintf(f, "%s%s: %lu", sep,
				category_name((enum category)c),
				t[i].counts[c]);
			sep = ", ";
		}
		fputs("</td></tr>\n", f);
	}
	fputs("</table>\n", f);
}

void
reporthtml_write(FILE *f, const struct report_meta *m)
{
	fprintf(f,
		"<!DOCTYPE html>\n<html lang=\"en\"><head>"
		"<meta charset=\"utf-8\"/><title>hermetic report</title>"
		"<style>%s</style></head>\n<body>\n<h1>hermetic report</h1>\n"
		"<p>Command: <code>",
		style);
	for (size_t i = 0; m->target && m->target[i]; i++) {
		if (i)
			fputc(' ', f);
		escape_html(f, m->target[i]);
	}
	fprintf(f, "</code><br/>Mode: %s<br/>Status: ",
		m->policy->audit ? "audit (nothing was denied; these actions "
				   "would have been)"
				 : "enforce");
	if (WIFEXITED(m->wait_status))
		fprintf(f, "exited with %d", WEXITSTATUS(m->wait_status));
	else if (WIFSIGNALED(m->wait_status))
		fprintf(f, "killed by signal %d", WTERMSIG(m->wait_status));
	fprintf(f, "<br/>hermetic %s</p>\n", PACKAGE_VERSION);
	chart(f);
	table(f, "Network destinations", AGG_NET);
	table(f, "DNS names", AGG_DNS);
	table(f, "Programs run", AGG_PROGRAM);
	table(f, "Files", AGG_FILE);
	table(f, "Native libraries loaded after start-up", AGG_NATIVE);
	table(f, "Other actions", AGG_OTHER);
	tests_table(f);
	fputs("</body></html>\n", f);
}
