/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * JSON and HTML escaping of untrusted text.
 */
#include "config.h"

#include <stdbool.h>
#include <stddef.h>

#include "escape.h"

/* The length of the valid UTF-8 sequence at "s" (1 to 4), or 0 when the
 * byte there does not start one (overlong forms, surrogates and values
 * above U+10FFFF are not valid). */
static size_t
utf8_len(const unsigned char *s)
{
	unsigned char c = s[0];
	size_t n;
	unsigned int cp;

	if (c < 0x80)
		return 1;
	if (c >= 0xc2 && c <= 0xdf) {
		n = 2;
		cp = c & 0x1f;
	} else if (c >= 0xe0 && c <= 0xef) {
		n = 3;
		cp = c & 0x0f;
	} else if (c >= 0xf0 && c <= 0xf4) {
		n = 4;
		cp = c & 0x07;
	} else {
		return 0;
	}
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i] & 0x3f);
	}
	if ((n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) ||
	    (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff)
		return 0;
	return n;
}

/* Write "s" with "one" called for each ASCII byte and valid sequences
 * and U+FFFD for invalid bytes copied as they are. */
static void
each(FILE *out, const char *s, void (*one)(FILE *, unsigned char))
{
	const unsigned char *p = (const unsigned char *)s;

	while (*p) {
		size_t n = utf8_len(p);

		if (n == 1) {
			one(out, *p);
		} else if (n > 1) {
			fwrite(p, 1, n, out);
		} else {
			fputs("\xef\xbf\xbd", out);
			n = 1;
		}
		p += n;
	}
}

static void
json_one(FILE *out, unsigned char c)
{
	switch (c) {
	case '"':
		fputs("\\\"", out);
		break;
	case '\\':
		fputs("\\\\", out);
		break;
	case '\n':
		fputs("\\n", out);
		break;
	case '\t':
		fputs("\\t", out);
		break;
	case '\r':
		fputs("\\r", out);
		break;
	default:
		if (c < 0x20 || c == 0x7f)
			fprintf(out, "\\u%04x", c);
		else
			fputc(c, out);
	}
}

static void
html_one(FILE *out, unsigned char c)
{
	switch (c) {
	case '&':
		fputs("&amp;", out);
		break;
	case '<':
		fputs("&lt;", out);
		break;
	case '>':
		fputs("&gt;", out);
		break;
	case '"':
		fputs("&quot;", out);
		break;
	case '\'':
		fputs("&#39;", out);
		break;
	default:
		/* control characters are not allowed in XHTML text */
		fputc(c < 0x20 && c != '\n' && c != '\t' ? '?' : c, out);
	}
}

void
escape_json(FILE *out, const char *s)
{
	if (!s) {
		fputs("null", out);
		return;
	}
	fputc('"', out);
	each(out, s, json_one);
	fputc('"', out);
}

void
escape_html(FILE *out, const char *s)
{
	if (s)
		each(out, s, html_one);
}
