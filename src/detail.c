/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * Details of an event as fields.
 */
#include "config.h"

#include <stdbool.h>
#include <string.h>

#include "detail.h"

/* Keys whose value runs to the end of the text. */
static bool
whole_value(const char *key, size_t n)
{
	static const char *const keys[] = {"path", "unix", "host", "netlink"};

	for (size_t i = 0; i < sizeof(keys) / sizeof(*keys); i++)
		if (strlen(keys[i]) == n && strncmp(key, keys[i], n) == 0)
			return true;
	return false;
}

/* Is "s" (up to "end") KEY=VALUE with a plain key? Sets "*eq". */
static bool
is_field(const char *s, const char *end, const char **eq)
{
	const char *p = s;

	while (p < end && ((*p >= 'a' && *p <= 'z') || *p == '_' ||
			   (*p >= '0' && *p <= '9')))
		p++;
	if (p == s || p >= end || *p != '=' || p - s >= 16)
		return false;
	*eq = p;
	return true;
}

size_t
detail_split(const char *detail, struct detail_field *out, size_t max)
{
	const char *p = detail;
	size_t n = 0;
	struct detail_field *note = NULL;

	if (!detail)
		return 0;
	while (*p && n < max) {
		const char *end, *eq;

		while (*p == ' ')
			p++;
		if (!*p)
			break;
		end = strchr(p, ' ');
		if (!end)
			end = p + strlen(p);
		if (is_field(p, end, &eq)) {
			struct detail_field *f = &out[n++];

			memcpy(f->key, p, (size_t)(eq - p));
			f->key[eq - p] = '\0';
			f->value = eq + 1;
			if (whole_value(p, (size_t)(eq - p)))
				end = p + strlen(p);
			f->len = (size_t)(end - f->value);
			note = NULL;
			/* "host=ADDR:PORT (NAME)": the name as its own field */
			if (strcmp(f->key, "host") == 0 && n < max &&
			    f->len > 3 && f->value[f->len - 1] == ')') {
				const char *open = strstr(f->value, " (");

				if (open && open < f->value + f->len) {
					struct detail_field *nf = &out[n++];

					strcpy(nf->key, "name");
					nf->value = open + 2;
					nf->len = (size_t)(f->value + f->len -
							   1 - nf->value);
					f->len = (size_t)(open - f->value);
				}
			}
		} else if (note) {
			/* a note goes on to the end of its words */
			note->len = (size_t)(end - note->value);
		} else {
			note = &out[n++];
			strcpy(note->key, "note");
			note->value = p;
			note->len = (size_t)(end - p);
		}
		p = end;
	}
	return n;
}

const char *
detail_get(const char *detail, const char *key, char *buf, size_t size)
{
	struct detail_field f[DETAIL_MAX_FIELDS];
	size_t n = detail_split(detail, f, DETAIL_MAX_FIELDS);

	for (size_t i = 0; i < n; i++) {
		if (strcmp(f[i].key, key) != 0 || size == 0)
			continue;
		size_t len = f[i].len < size - 1 ? f[i].len : size - 1;

		memcpy(buf, f[i].value, len);
		buf[len] = '\0';
		return buf;
	}
	return NULL;
}
