/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * exec arguments. argv is only read when the user asked for it
 * (--show-argv): it may hold secrets.
 */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "decode/decode.h"
#include "mem.h"
#include "xmalloc.h"

#define ARGV_MAX_ARGS 64
#define ARGV_MAX_ARG 1024
#define ARGV_MAX_TOTAL 4096

void
decode_json_escape(const char *s, char *out, size_t size)
{
	size_t o = 0;

	for (; *s && o + 7 < size; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\') {
			out[o++] = '\\';
			out[o++] = (char)c;
		} else if (c < 0x20 || c == 0x7f) {
			o += (size_t)snprintf(out + o, size - o, "\\u%04x", c);
		} else {
			out[o++] = (char)c;
		}
	}
	out[o] = '\0';
}

char *
decode_argv(pid_t tid, uint64_t argv)
{
	char out[ARGV_MAX_TOTAL + 16], arg[ARGV_MAX_ARG], esc[ARGV_MAX_ARG];
	bool truncated = true;
	size_t o = 0;
	int i;

	if (argv == 0)
		return xstrdup("[]");
	out[o++] = '[';
	for (i = 0; i < ARGV_MAX_ARGS; i++) {
		uint64_t p;
		size_t n;

		if (mem_read(tid, argv + (uint64_t)i * sizeof(p), &p,
			     sizeof(p)) < 0)
			return xstrdup("[?]");
		if (p == 0) {
			truncated = false;
			break;
		}
		if (mem_read_str(tid, p, arg, sizeof(arg)) < 0 && !arg[0])
			return xstrdup("[?]");
		decode_json_escape(arg, esc, sizeof(esc));
		n = strlen(esc);
		if (o + n + 8 > ARGV_MAX_TOTAL)
			break;
		o += (size_t)snprintf(out + o, sizeof(out) - o, "%s\"%s\"",
				      i ? "," : "", esc);
	}
	if (truncated)
		o += (size_t)snprintf(out + o, sizeof(out) - o, "%s\"...\"",
				      i ? "," : "");
	snprintf(out + o, sizeof(out) - o, "]");
	return xstrdup(out);
}
